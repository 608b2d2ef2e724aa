"""Smoke test of the built Digit Studio bundle: what someone with no Python and no network gets.

    python packaging/smoke_test.py [BUNDLE_DIR]     # default: dist/DigitStudio
    python packaging/smoke_test.py --xvfb           # Linux: also open a real X11 window under Xvfb

Runs the bundled executable (never the sources; only the standard library is used here), with
Qt's offscreen platform, an empty temporary HOME / DIGIT_STUDIO_HOME / config folder, and no
PYTHONPATH, so nothing from a developer's machine leaks in:

1. ``predict --json`` on resources/samples/seven-dark-on-light.png with the bundled default model: 7;
2. ``predict`` on a text file: exit status 1 and a clear message naming the file;
3. ``--smoke-test``: the window opens, recognises a built-in drawing of a 7, prints "ok", exits 0;
4. ``train --model course-mlp --epochs 1 --train-size 2000``: trains offline on the bundled
   MNIST copy and saves a model, which ``predict --model`` then loads;
5. on Linux, if dist/ holds the .deb: ``dpkg-deb --info/--contents`` list the expected files.

On Windows the commands go to ``digit-studio-cli.exe`` (the console twin of the windowed app), and
``DigitStudio.exe --smoke-test`` is checked by its exit status. Exit status 0 when every check passes.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "seven-dark-on-light.png"
NOT_AN_IMAGE = ROOT / "resources" / "samples" / "not-an-image.txt"
IS_WIN = sys.platform == "win32"


class Checks:
    def __init__(self) -> None:
        self.results: list[tuple[str, bool, str, float]] = []

    def record(self, name: str, ok: bool, detail: str, seconds: float) -> None:
        self.results.append((name, ok, detail, seconds))
        print(f"{'PASS' if ok else 'FAIL'}  {name} ({seconds:.1f} s){': ' + detail if detail else ''}", flush=True)

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(ok for _, ok, _, _ in self.results)


def clean_env(home: Path, platform: str = "offscreen") -> dict[str, str]:
    """The user's environment minus anything Python- or Qt-specific, with a fresh home."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "QT_", "VIRTUAL_ENV", "CONDA", "UV_", "DIGIT_STUDIO"))}
    env.update(QT_QPA_PLATFORM=platform, HOME=str(home), DIGIT_STUDIO_HOME=str(home / "digit-studio"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_STATE_HOME=str(home / ".local" / "state"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_RUNTIME_DIR=str(home / "runtime"))
    if IS_WIN:
        env.update(USERPROFILE=str(home), LOCALAPPDATA=str(home / "AppData" / "Local"),
                   APPDATA=str(home / "AppData" / "Roaming"))
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    return env


def run(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float) -> tuple[int, str, str, float]:
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                              encoding="utf-8", errors="replace", check=False)
        code, out, err = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        code = -999
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        err = (exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else (exc.stderr or ""))
        err += f"\n(timed out after {timeout:.0f} s)"
    return code, out, err, time.perf_counter() - started


def tail(text: str, lines: int = 15) -> str:
    return "\n".join("      " + line for line in text.strip().splitlines()[-lines:])


def find_executables(bundle: Path) -> tuple[Path, Path]:
    """(the app, the executable that runs the command-line commands with a console)."""
    suffix = ".exe" if IS_WIN else ""
    app = bundle / f"DigitStudio{suffix}"
    cli = bundle / f"digit-studio-cli{suffix}"
    if not app.is_file():
        raise SystemExit(f"no executable at {app}: build it first (python packaging/build.py)")
    return app, (cli if cli.is_file() else app)


def check_predict(checks: Checks, cli: Path, env: dict, work: Path) -> None:
    sample = work / SAMPLE.name  # a copy outside the sources, by a relative path
    shutil.copy2(SAMPLE, sample)
    code, out, err, secs = run([str(cli), "predict", "--json", sample.name], env, work, 180)
    try:
        answer = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        answer = {}
    ok = code == 0 and answer.get("digit") == 7 and (answer.get("confidence") or 0) > 0.5
    detail = (f"digit {answer.get('digit')} at {answer.get('confidence')}" if ok
              else f"exit {code}\n{tail(out)}\n{tail(err)}")
    checks.record("predict --json seven-dark-on-light.png -> 7 (default model)", ok, detail, secs)


def check_bad_file(checks: Checks, cli: Path, env: dict, work: Path) -> None:
    bad = work / NOT_AN_IMAGE.name
    shutil.copy2(NOT_AN_IMAGE, bad)
    code, out, err, secs = run([str(cli), "predict", bad.name], env, work, 180)
    message = next((line for line in err.splitlines() if bad.name in line), "")
    ok = code != 0 and "Traceback" not in err and "not an image" in message
    checks.record("predict not-an-image.txt -> non-zero exit, clear message", ok,
                  f"exit {code}, stderr: {message.strip()}" if ok else f"exit {code}\n{tail(out)}\n{tail(err)}",
                  secs)


def check_window(checks: Checks, exe: Path, env: dict, work: Path, label: str, need_output: bool) -> None:
    code, out, err, secs = run([str(exe), "--smoke-test"], env, work, 240)
    line = next((line for line in out.splitlines() if line.startswith("smoke test:")), "")
    ok = code == 0 and (line.endswith(": ok") if need_output else True)
    checks.record(f"--smoke-test {label}: window up, drawn 7 recognised, exit 0", ok,
                  line if ok else f"exit {code}\n{tail(out)}\n{tail(err)}", secs)


def check_train(checks: Checks, cli: Path, env: dict, work: Path) -> None:
    model = work / "trained" / "m.keras"
    cmd = [str(cli), "train", "--model", "course-mlp", "--epochs", "1", "--train-size", "2000",
           "--out", str(model)]
    code, out, err, secs = run(cmd, env, work, 600)
    accuracy = next((line.strip() for line in (out + err).splitlines() if "test accuracy" in line), "")
    ok = code == 0 and model.is_file() and model.stat().st_size > 1000
    checks.record("train course-mlp, 1 epoch, 2,000 images (offline, bundled MNIST)", ok,
                  f"{accuracy}, saved {model.stat().st_size:,} bytes" if ok else
                  f"exit {code}\n{tail(out)}\n{tail(err)}", secs)
    if not ok:
        return
    sample = work / SAMPLE.name
    code, out, err, secs = run([str(cli), "predict", "--json", "--model", str(model), sample.name], env, work, 180)
    ok = code == 0 and '"digit"' in out
    checks.record("predict with the freshly trained model", ok,
                  out.strip().splitlines()[-1][:90] if ok else f"exit {code}\n{tail(out)}\n{tail(err)}", secs)


def check_xvfb(checks: Checks, exe: Path, home: Path, work: Path) -> None:
    """Linux: the same window on a real X11 server (xcb platform plugin and the bundled X libraries)."""
    if not shutil.which("Xvfb"):
        checks.record("--smoke-test on X11 (Xvfb)", False, "Xvfb is not installed", 0.0)
        return
    display = ":87"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.5)
        env = clean_env(home, platform="xcb")
        env["DISPLAY"] = display
        check_window(checks, exe, env, work, "on X11 (Xvfb, xcb)", need_output=True)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def check_deb(checks: Checks) -> None:
    debs = sorted((ROOT / "dist").glob("digit-studio_*.deb"))
    if not debs or not shutil.which("dpkg-deb"):
        return
    deb = debs[-1]
    started = time.perf_counter()
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=False).stdout
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True,
                              check=False).stdout
    expected = ["./opt/digit-studio/DigitStudio", "./usr/bin/digit-studio -> /opt/digit-studio/DigitStudio",
                "./usr/share/applications/digit-studio.desktop",
                "./usr/share/icons/hicolor/256x256/apps/digit-studio.png",
                "./usr/share/icons/hicolor/scalable/apps/digit-studio.svg",
                "./opt/digit-studio/_internal/resources/models/cnn.keras",
                "./opt/digit-studio/_internal/resources/mnist.npz"]
    missing = [path for path in expected if path not in contents]
    ok = not missing and "Package: digit-studio" in info and "root/root" in contents
    depends = next((line.strip() for line in info.splitlines() if line.strip().startswith("Depends:")), "")
    checks.record(f"{deb.name}: control and contents", ok,
                  f"{deb.stat().st_size / 2**20:.0f} MiB, {depends}" if ok else f"missing: {missing}",
                  time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "DigitStudio"),
                        help="the one-folder bundle (default: dist/DigitStudio)")
    parser.add_argument("--xvfb", action="store_true", help="Linux: also run --smoke-test on an X11 server (Xvfb)")
    parser.add_argument("--skip-train", action="store_true", help="leave out the training check")
    args = parser.parse_args(argv)
    bundle = Path(args.bundle).resolve()
    app, cli = find_executables(bundle)
    print(f"smoke test of {bundle} ({sys.platform})", flush=True)

    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="digit-studio-smoke-") as tmp:
        home, work = Path(tmp) / "home", Path(tmp) / "work"
        home.mkdir()
        work.mkdir()
        env = clean_env(home)
        check_predict(checks, cli, env, work)
        check_bad_file(checks, cli, env, work)
        check_window(checks, cli, env, work, "(offscreen)", need_output=True)
        if cli != app:  # Windows: the windowed app itself has no console, so only its exit status counts
            check_window(checks, app, env, work, "(windowed executable, offscreen)", need_output=False)
        if not args.skip_train:
            check_train(checks, cli, env, work)
        if args.xvfb and sys.platform.startswith("linux"):
            check_xvfb(checks, app, home, work)
    if sys.platform.startswith("linux"):
        check_deb(checks)

    passed = sum(ok for _, ok, _, _ in checks.results)
    print(f"\n{passed}/{len(checks.results)} checks passed"
          f" in {sum(s for *_, s in checks.results):.0f} s" + ("" if checks.ok else ": FAILED"))
    return 0 if checks.ok else 1


if __name__ == "__main__":
    sys.exit(main())

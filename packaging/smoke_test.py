"""Smoke test of the built Digit Studio bundle: what someone with no Python and no network gets.

    python packaging/smoke_test.py [BUNDLE_DIR]     # default: dist/DigitStudio
    python packaging/smoke_test.py --xvfb           # Linux: also open a real X11 window under Xvfb
    python packaging/smoke_test.py --booth          # the booth build, dist/DigitStudioBooth (or name its folder)

Runs the bundled executable (never the sources; only the standard library is used here), with
Qt's offscreen platform, an empty temporary HOME / DIGIT_STUDIO_HOME / config folder, and no
PYTHONPATH, so nothing from a developer's machine leaks in:

1. ``predict --json`` on resources/samples/seven-dark-on-light.png with the bundled default model: 7;
2. ``predict`` on a text file: exit status 1 and a clear message naming the file;
3. ``--smoke-test``: the window opens, recognises a built-in drawing of a 7, prints "ok", exits 0;
4. ``train --model course-mlp --epochs 1 --train-size 2000``: trains offline on the bundled
   MNIST copy and saves a model, which ``predict --model`` then loads;
5. on Linux, if dist/ holds the .deb: ``dpkg-deb --info/--contents`` list the expected files.

The booth build (a folder whose executable is ``DigitStudioBooth``) has no TensorFlow, so instead of
step 4 it checks: ``--smoke-test --kiosk`` (the same drawn 7, in the kiosk); ``evaluate`` on the
bundled MNIST test set (NumPy backend, above 98 %); ``--kiosk`` with a booth config that starts the
attract loop at once: the engine comes up on NumPy and the network reads the digits the loop draws
(Linux: no TensorFlow library mapped into the process); ``train`` exits non-zero saying training
needs TensorFlow / the full installation; and no TensorFlow, Keras, TensorBoard, JAX or ml_dtypes
file or folder in the bundle. No .deb check.

On Windows the commands go to ``digit-studio-cli.exe`` (the console twin of the windowed app), and
``DigitStudio.exe --smoke-test`` is checked by its exit status. Exit status 0 when every check passes.
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL_NAMES = ("DigitStudio", "digit-studio-cli")             # (the app, its Windows console twin)
BOOTH_NAMES = ("DigitStudioBooth", "digit-studio-booth-cli")
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


def find_executables(bundle: Path) -> tuple[Path, Path, bool]:
    """(the app, the executable that runs the command-line commands with a console, whether it is the booth)."""
    suffix = ".exe" if IS_WIN else ""
    for names in (BOOTH_NAMES, FULL_NAMES):
        app, cli = (bundle / f"{name}{suffix}" for name in names)
        if app.is_file():
            return app, (cli if cli.is_file() else app), names == BOOTH_NAMES
    raise SystemExit(f"no {FULL_NAMES[0]}{suffix} or {BOOTH_NAMES[0]}{suffix} in {bundle}: build it first "
                     "(python packaging/build.py, --booth for the booth)")


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


def check_window(checks: Checks, exe: Path, env: dict, work: Path, label: str, need_output: bool,
                 kiosk: bool = False) -> None:
    cmd = [str(exe), "--smoke-test"] + (["--kiosk"] if kiosk else [])
    code, out, err, secs = run(cmd, env, work, 240)
    line = next((line for line in out.splitlines() if line.startswith("smoke test:")), "")
    ok = code == 0 and (line.endswith(": ok") if need_output else True)
    what = "kiosk" if kiosk else "window"
    checks.record(f"{' '.join(cmd[1:])} {label}: {what} up, drawn 7 recognised, exit 0", ok,
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


# --- the booth build ----------------------------------------------------------------------------

# TensorFlow and its kin by file, folder or library name (tensorflow/, keras-3.x.dist-info/,
# libtensorflow_framework.so.2, _pywrap_tensorflow_internal.so, ml_dtypes/...).
ML_NAME = re.compile(r"^(lib)?_?(pywrap_)?(tensorflow|keras|tf_keras|tensorboard|jax|jaxlib|ml_dtypes|torch|openvino)"
                     r"([-_.]|$)", re.IGNORECASE)
# The booth config for the kiosk check: the attract loop starts at once and draws digits itself.
KIOSK_CONFIG = """kiosk = true
idle_clear_seconds = 0.05
attract_after_seconds = 0
attract_pause_seconds = 0.3
statistics = false
ask_feedback = false
"""
ATTRACT_LINE = re.compile(r"attract: drew a (\d), the network read (\S+)")


def check_no_tensorflow_files(checks: Checks, bundle: Path) -> None:
    started = time.perf_counter()
    found, files = [], 0
    for root, dirs, names in os.walk(bundle):
        files += len(names)
        found += [Path(root, name).relative_to(bundle).as_posix() for name in dirs + names if ML_NAME.match(name)]
        dirs[:] = [d for d in dirs if not ML_NAME.match(d)]
    checks.record("no TensorFlow, Keras, TensorBoard, JAX or ml_dtypes in the bundle", not found,
                  f"{files:,} files looked at" if not found else "found: " + ", ".join(found[:10]),
                  time.perf_counter() - started)


def check_evaluate(checks: Checks, cli: Path, env: dict, work: Path) -> None:
    code, out, err, secs = run([str(cli), "evaluate"], env, work, 300)
    match = re.search(r"test accuracy: ([\d.]+)%", out)
    device = next((line.strip() for line in out.splitlines() if line.startswith("computed on:")), "")
    ok = code == 0 and match is not None and float(match.group(1)) > 98.0 and "TensorFlow" not in device
    checks.record("evaluate (bundled MNIST test set, default model)", ok,
                  f"{match.group(0)}; {device}" if ok else f"exit {code}\n{tail(out)}\n{tail(err)}", secs)


def check_kiosk(checks: Checks, exe: Path, env: dict, work: Path, digits: int = 3, timeout: float = 120) -> None:
    """``--kiosk`` with the attract loop at once: engine ready on NumPy, ``digits`` drawn digits read
    (at least all but one of them right), still running; then ended with SIGTERM (the kiosk has no
    quit key a script can press)."""
    config = work / "booth-smoke.toml"
    config.write_text(KIOSK_CONFIG, encoding="utf-8")
    cmd = [str(exe), "--kiosk", "--booth-config", str(config), "--log-level", "info"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, encoding="utf-8", errors="replace")
    output: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=lambda: ([output.put(line) for line in proc.stdout], output.put(None)),
                              daemon=True)
    reader.start()
    lines, read, engine, tensorflow_mapped = [], [], "", None
    try:
        deadline = started + timeout
        while len(read) < digits:
            try:
                line = output.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                break  # timed out
            if line is None:
                break  # it exited
            lines.append(line.rstrip())
            if "engine ready" in line:
                engine = line.split("engine ready", 1)[1].strip()
            match = ATTRACT_LINE.search(line)
            if match:
                read.append((int(match.group(1)), match.group(2)))
        alive = proc.poll() is None
        maps = Path(f"/proc/{proc.pid}/maps")
        if alive and maps.is_file():
            tensorflow_mapped = sorted({line.split()[-1] for line in maps.read_text(errors="replace").splitlines()
                                        if ML_NAME.search(line.split()[-1].rsplit("/", 1)[-1])})
    finally:
        if proc.poll() is None:
            if IS_WIN:
                proc.kill()
            else:
                proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=5)
    secs = time.perf_counter() - started
    right = sum(str(digit) == answer for digit, answer in read)
    trouble = [line for line in lines if "Traceback" in line or " ERROR " in line or " CRITICAL " in line]
    ok = (alive and len(read) >= digits and right >= digits - 1 and "NumPy" in engine and not trouble
          and not tensorflow_mapped)
    detail = (f"engine ready {engine}; read {', '.join(f'{d}->{a}' for d, a in read)}"
              + ("; no TensorFlow library mapped" if tensorflow_mapped == [] else ""))
    if not ok:
        detail += (f"; {'running' if alive else 'exited ' + str(proc.returncode)}"
                   + (f"; mapped: {tensorflow_mapped}" if tensorflow_mapped else "")
                   + "\n" + tail("\n".join(lines), 20))
    checks.record(f"--kiosk: attract loop drew {digits} digits, the network read them (NumPy)", ok, detail, secs)


def check_train_refused(checks: Checks, cli: Path, env: dict, work: Path) -> None:
    model = work / "trained" / "m.keras"
    cmd = [str(cli), "train", "--model", "course-mlp", "--epochs", "1", "--train-size", "2000", "--out", str(model)]
    code, out, err, secs = run(cmd, env, work, 180)
    text = out + err
    message = next((line.strip() for line in text.splitlines() if "TensorFlow" in line or "full" in line), "")
    ok = (code != 0 and "Traceback" not in text and not model.exists()
          and bool(re.search(r"TensorFlow|full (installation|Digit Studio)", message)))
    checks.record("train -> non-zero exit: training needs TensorFlow (the full installation)", ok,
                  f"exit {code}: {message}" if ok else f"exit {code}\n{tail(out)}\n{tail(err)}", secs)


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
    parser.add_argument("bundle", nargs="?", default=None,
                        help="the one-folder bundle (default: dist/DigitStudio, with --booth dist/DigitStudioBooth)")
    parser.add_argument("--booth", action="store_true", help="the booth build: dist/DigitStudioBooth by default")
    parser.add_argument("--xvfb", action="store_true", help="Linux: also run --smoke-test on an X11 server (Xvfb)")
    parser.add_argument("--skip-train", action="store_true", help="leave out the training check")
    args = parser.parse_args(argv)
    default = ROOT / "dist" / ("DigitStudioBooth" if args.booth else "DigitStudio")
    bundle = Path(args.bundle or default).resolve()
    app, cli, booth = find_executables(bundle)
    print(f"smoke test of {bundle} ({'booth build, ' if booth else ''}{sys.platform})", flush=True)

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
        if booth:
            check_window(checks, cli, env, work, "(offscreen)", need_output=True, kiosk=True)
            check_evaluate(checks, cli, env, work)
            check_kiosk(checks, cli, env, work)
            check_train_refused(checks, cli, env, work)
        elif not args.skip_train:
            check_train(checks, cli, env, work)
        if args.xvfb and sys.platform.startswith("linux"):
            check_xvfb(checks, app, home, work)
    if booth:
        check_no_tensorflow_files(checks, bundle)
    elif sys.platform.startswith("linux"):
        check_deb(checks)

    passed = sum(ok for _, ok, _, _ in checks.results)
    print(f"\n{passed}/{len(checks.results)} checks passed"
          f" in {sum(s for *_, s in checks.results):.0f} s" + ("" if checks.ok else ": FAILED"))
    return 0 if checks.ok else 1


if __name__ == "__main__":
    sys.exit(main())

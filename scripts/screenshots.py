"""Run the real app in a real X window under Xvfb, draw on it with xdotool, and save screenshots.

    uv run python scripts/screenshots.py            # all shots into docs/screenshots/
    uv run python scripts/screenshots.py --digit 3  # draw a 3 instead of the default 7
    uv run python scripts/screenshots.py --language tr   # in Turkish: main-window-tr.png, …
    uv run python scripts/screenshots.py --only number-mode --number 2026   # View ▸ Number Mode, a year

Needs Debian's xvfb, xdotool and imagemagick (apt-get install -y xvfb xdotool imagemagick).
The drawing goes through the same path as a person's: X pointer events → Qt → the canvas. The
app's own log (``--log-level info``) says where the canvas is and what was recognised.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.drawn_digits import DIGIT_TEMPLATES  # noqa: E402

CANVAS_LINE = re.compile(r"canvas x=(-?\d+) y=(-?\d+) width=(\d+) height=(\d+)")
PREDICTION_LINE = re.compile(r"prediction digit=(\w+)(?: confidence=([\d.]+))?")
NUMBER_LINE = re.compile(r"number=(\S+) digits=(\d+)")
LANGUAGE: list[str] = []       # ["--language", "tr"] for the Turkish shots


class App:
    """The app as a child process whose log lines are collected as they arrive."""

    def __init__(self, args: list[str], env: dict[str, str]):
        self.lines: list[str] = []
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--log-level", "info", *LANGUAGE, *args],
                                     cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line.rstrip())

    def wait_for(self, pattern: re.Pattern | str, timeout: float = 90.0, after: int = 0) -> re.Match:
        pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.time() + timeout
        while time.time() < deadline:
            for line in self.lines[after:]:
                m = pattern.search(line)
                if m:
                    return m
            if self.proc.poll() is not None:
                raise RuntimeError("the app exited:\n" + "\n".join(self.lines[-20:]))
            time.sleep(0.05)
        raise TimeoutError(f"no log line matching {pattern.pattern!r}:\n" + "\n".join(self.lines[-20:]))


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)


def draw_digit(rect: tuple[int, int, int, int], digit: int, variant: int = 0, fill: float = 0.62) -> None:
    """Draw a digit's template strokes with the X pointer in the middle ``fill`` of the canvas."""
    draw_strokes(rect, DIGIT_TEMPLATES[digit][variant], fill)


def non_digit(kind: str = "star", seed: int = 3) -> list:
    """The strokes of one of engine.non_digits' families (not from its held-out bench set)."""
    import numpy as np

    from engine.non_digits import non_digit_strokes

    return [s.tolist() for s in non_digit_strokes(np.random.default_rng(seed), kind)]


def draw_strokes(rect: tuple[int, int, int, int], strokes, fill: float = 0.62) -> None:
    """Draw strokes (unit-box points) with the X pointer in the middle ``fill`` of the canvas."""
    x, y, w, h = rect
    side = min(w, h) * fill
    x0, y0 = x + (w - side) / 2, y + (h - side) / 2
    for stroke in strokes:
        points = [(int(x0 + px * side), int(y0 + py * side)) for px, py in stroke]
        xdotool("mousemove", str(points[0][0]), str(points[0][1]))
        xdotool("mousedown", "1")
        for px, py in points[1:]:
            xdotool("mousemove", str(px), str(py))
            time.sleep(0.004)  # a hand, not a teleport: the app sees a stream of moves
        xdotool("mouseup", "1")
        time.sleep(0.05)


def draw_number(rect: tuple[int, int, int, int], text: str, fill: float = 0.5) -> None:
    """Write ``text``'s digits side by side on a wide canvas: each digit's template strokes in a
    square cell ``fill`` of the canvas high, the cells spread over the middle 80 % of its width."""
    x, y, w, h = rect
    side = int(h * fill)
    for i, ch in enumerate(text):
        centre = x + w * (0.1 + 0.8 * (i + 0.5) / len(text))
        draw_strokes((int(centre - side / 2), y + (h - side) // 2, side, side), DIGIT_TEMPLATES[int(ch)][0], fill=1.0)


def last_canvas_rect(app: App, after: int, wide: bool) -> tuple[int, int, int, int]:
    """The canvas's place as last logged after line ``after``, once it is wide (or square)."""
    deadline = time.time() + 20
    while time.time() < deadline:
        rects = [tuple(int(v) for v in m.groups()) for line in app.lines[after:] for m in [CANVAS_LINE.search(line)] if m]
        if rects and (rects[-1][2] > 2 * rects[-1][3]) == wide:
            time.sleep(0.3)           # let a layout that is still settling log its last word
            rects = [tuple(int(v) for v in m.groups()) for line in app.lines[after:]
                     for m in [CANVAS_LINE.search(line)] if m]
            return rects[-1]
        time.sleep(0.05)
    raise TimeoutError("the canvas did not change shape:\n" + "\n".join(app.lines[-20:]))


def shoot_number(out: Path, env: dict, display: str, text: str) -> bool:
    """View ▸ Number Mode (Ctrl+Shift+N), write ``text`` (a year) digit by digit with the X
    pointer, check the logged ``number=``, save ``number-mode``.png; then the window at 1000×650
    (``number-mode-1000``.png)."""
    app, _ = launch("number-mode", "cnn", env)
    try:
        before = len(app.lines)
        window = subprocess.run(["xdotool", "search", "--name", "^Digit Studio"], capture_output=True,
                                text=True, check=True).stdout.split()[0]
        xdotool("windowfocus", "--sync", window)       # no window manager: nothing has focused it yet
        xdotool("key", "--clearmodifiers", "ctrl+shift+n")          # View ▸ Number Mode
        app.wait_for("number mode on", after=before)
        rect = last_canvas_rect(app, before, wide=True)
        before = len(app.lines)
        draw_number(rect, text)
        try:
            app.wait_for(f"number={text} digits={len(text)}", timeout=10, after=before)
        except TimeoutError:
            pass                      # the last number logged says what was read instead
        time.sleep(0.6)
        lines = [line for line in app.lines[before:] if NUMBER_LINE.search(line)]
        read = NUMBER_LINE.search(lines[-1]).group(1) if lines else None
        print(f"wrote {text} on the canvas at {rect}; the app logged: "
              f"{NUMBER_LINE.search(lines[-1]).group(0) if lines else 'no number'}")
        screenshot(out / shot_name("number-mode"), display)
        xdotool("windowsize", window, "1000", "650")
        time.sleep(1.2)
        screenshot(out / shot_name("number-mode-1000"), display)
        xdotool("key", "--clearmodifiers", "ctrl+q")
        app.proc.wait(timeout=20)
        print(f"app exited with status {app.proc.returncode}")
        return read == text and app.proc.returncode == 0
    finally:
        if app.proc.poll() is None:
            app.proc.kill()


def qt_wait(app, condition, seconds: float) -> bool:
    """Inside a Qt process: run its event loop until ``condition()`` or ``seconds`` have passed."""
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def shot_name(name: str) -> str:
    """``name``.png, or ``name``-tr.png for the shots in Turkish."""
    return f"{name}-{LANGUAGE[1]}.png" if LANGUAGE else f"{name}.png"


def screenshot(path: Path, display: str) -> None:
    """Save the app's top-level window as a PNG."""
    window = subprocess.run(["xdotool", "search", "--name", "^Digit Studio"], capture_output=True,
                            text=True, check=True).stdout.split()[0]
    subprocess.run(["import", "-display", display, "-window", window, str(path)], check=True)
    print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


@contextlib.contextmanager
def x_session(size: str, display: str = ":97"):
    """A private X server (Xvfb) of ``size`` and a fresh settings/data folder for the app.
    Yields (env for the app, display); everything is removed afterwards."""
    for tool in ("Xvfb", "xdotool", "import"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install -y xvfb xdotool imagemagick")
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    os.environ["DISPLAY"] = display  # for xdotool
    home = Path(tempfile.mkdtemp(prefix="digit-studio-shots-"))
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(home / "config"),
           "DIGIT_STUDIO_HOME": str(home / "data")}
    env.pop("WAYLAND_DISPLAY", None)
    try:
        yield env, display
    finally:
        xvfb.terminate()
        shutil.rmtree(home, ignore_errors=True)


def launch(name: str, model: str, env: dict):
    """Start the app with ``model`` from fresh settings of its own (a panel opened for one shot
    stays out of the next); wait until it recognises. Returns (App, the canvas's screen rect)."""
    app = App(["--model", model], {**env, "XDG_CONFIG_HOME": str(Path(env["XDG_CONFIG_HOME"]) / name)})
    try:
        app.wait_for("window shown")
        app.wait_for("engine ready", timeout=120)
        time.sleep(0.5)
        m = None
        for m in re.finditer(CANVAS_LINE, "\n".join(app.lines)):
            pass
        return app, tuple(int(v) for v in m.groups())
    except BaseException:
        app.proc.kill()
        raise


def shoot(name: str, model: str, digit: int | None, out: Path, env: dict, display: str, train_for: float = 0,
          strokes=None) -> bool:
    """Launch the app with ``model``, draw ``digit`` (or, for None, ``strokes``: a non-digit), check
    the logged answer (the digit, or "not a digit"), save ``name``.png. With ``train_for``, open the
    training panel, start training and shoot that many seconds later."""
    app, rect = launch(name, model, env)
    try:
        before = len(app.lines)
        if digit is None:
            draw_strokes(rect, strokes)
        else:
            draw_digit(rect, digit)
        result = app.wait_for(PREDICTION_LINE, after=before)
        line = next(line for line in app.lines[before:] if result.group(0) in line)
        print(f"{model}: drew {'a non-digit' if digit is None else f'a {digit}'} on the canvas at {rect}; "
              f"the app logged: {line.split('prediction', 1)[-1]}")
        if train_for:
            xdotool("key", "--clearmodifiers", "ctrl+t")  # View ▸ Training Panel
            time.sleep(1.0)
            xdotool("key", "--clearmodifiers", "ctrl+Return")  # Train
            app.wait_for("training started", timeout=30)
            # The first training of a session imports TensorFlow (seconds): the clock starts at the build.
            app.wait_for("training: network built", timeout=120)
            time.sleep(train_for)
        time.sleep(0.6)
        screenshot(out / shot_name(name), display)
        xdotool("key", "--clearmodifiers", "ctrl+q")
        app.proc.wait(timeout=20)
        print(f"app exited with status {app.proc.returncode}")
        right = "reason=not-a-digit" in line if digit is None else result.group(1) == str(digit)
        return right and app.proc.returncode == 0
    finally:
        if app.proc.poll() is None:
            app.proc.kill()


# A person's hand: the long-flag 1 and the crossed 7 the shipped cnn is least sure of, among others.
HANDWRITING = [(1, 3), (7, 1), (4, 1), (1, 3), (9, 1), (7, 1), (1, 3), (2, 0), (7, 1), (4, 1), (1, 3), (9, 1),
               (1, 3), (7, 1)]
KEEP_LINE = re.compile(r"keep button x=(-?\d+) y=(-?\d+)")


def shoot_handwriting(out: Path, env: dict, display: str) -> bool:
    """Draw a person's digits, say what each was (Ctrl+digit), open My handwriting (shot
    ``handwriting``), adapt the model to them (shot ``adapt``), keep the adapted model."""
    app, rect = launch("handwriting", "cnn", env)
    try:
        for digit, variant in HANDWRITING:
            before = len(app.lines)
            draw_digit(rect, digit, variant)
            app.wait_for(PREDICTION_LINE, after=before)
            xdotool("key", "--clearmodifiers", f"ctrl+{digit}")      # "it was a <digit>"
            app.wait_for(f"kept drawing as {digit}", after=before)
            xdotool("key", "Escape")
            time.sleep(0.2)
        xdotool("key", "--clearmodifiers", "ctrl+h")                   # Teach ▸ My Handwriting
        time.sleep(1.0)
        screenshot(out / shot_name("handwriting"), display)
        before = len(app.lines)
        xdotool("key", "--clearmodifiers", "ctrl+shift+a")             # Teach ▸ Adapt…
        app.wait_for("training ended", timeout=180, after=before)
        keep = app.wait_for(KEEP_LINE, after=before)
        time.sleep(0.6)
        screenshot(out / shot_name("adapt"), display)
        xdotool("mousemove", keep.group(1), keep.group(2))
        xdotool("click", "1")
        in_use = app.wait_for(r"model in use: (.*adapted.*)", timeout=60, after=before)
        xdotool("key", "--clearmodifiers", "ctrl+q")
        app.proc.wait(timeout=20)
        print(f"kept {len(HANDWRITING)} drawings, adapted, kept: now using {in_use.group(1)}")
        return app.proc.returncode == 0
    finally:
        if app.proc.poll() is None:
            app.proc.kill()


SHOTS = ("main-window", "network-course-mlp", "training", "not-a-digit", "handwriting", "number-mode")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--digit", type=int, default=7)
    parser.add_argument("--number", default="2026", help="the number written for the number-mode shot")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x820", help="screen size WxH")
    parser.add_argument("--only", nargs="+", choices=SHOTS, help="take only these shots")
    parser.add_argument("--language", choices=("en", "tr"), help="the app's language (tr: names end in -tr)")
    args = parser.parse_args()
    if args.language and args.language != "en":
        LANGUAGE[:] = ["--language", args.language]
    args.out.mkdir(parents=True, exist_ok=True)
    shots = {
        "main-window": dict(model="cnn", digit=args.digit),
        "network-course-mlp": dict(model="course-mlp", digit=3),
        "training": dict(model="course-mlp", digit=5, train_for=1.6),
        "not-a-digit": dict(model="cnn", digit=None, strokes=non_digit("star")),
    }
    ok = True
    with x_session(args.size) as (env, display):
        for name in args.only or SHOTS:
            if name == "handwriting":
                ok &= shoot_handwriting(args.out, env, display)
            elif name == "number-mode":
                ok &= shoot_number(args.out, env, display, args.number)
            else:
                ok &= shoot(name, out=args.out, env=env, display=display, **shots[name])
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of the real booth (kiosk) window under Xvfb at 1920×1080, drawn on with xdotool.

    uv run python scripts/kiosk_screenshots.py            # docs/screenshots/kiosk-{drawing,attract,not-a-digit}.png
    uv run python scripts/kiosk_screenshots.py --digit 5  # draw a 5 instead of the default 2
    uv run python scripts/kiosk_screenshots.py --language tr --size 1280x800   # kiosk-drawing-tr-1280x800.png, …
    uv run python scripts/kiosk_screenshots.py --number 1923   # write 1923 in number mode (default 2026)

Needs Debian's xvfb, xdotool and imagemagick (apt-get install -y xvfb xdotool imagemagick).
Shot 1: ``main.py --kiosk`` with a temporary booth config; a digit is drawn with the X pointer
(mousedown / mousemove / mouseup at the canvas position the app logs), the logged answer is
checked, then Escape and Alt+F4 are pressed (the kiosk must stay) and the exit combination
Ctrl+Alt+Shift+Q (it must leave, status 0). Shot 2: short idle/attract timings, nobody touching:
the attract loop draws an example digit while the network lights up; the shot is taken mid-digit.
Shot 3: a non-digit, answered "not a digit". Shot 4 (kiosk-number.png): a booth config with
``mode = "number"``; a year is written across the wide canvas with the X pointer, digit after
digit, and the logged reading (``number=2026 digits=4``) is checked.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import screenshots  # noqa: E402
from screenshots import (CANVAS_LINE, PREDICTION_LINE, App, draw_digit, draw_strokes, non_digit,  # noqa: E402
                         x_session, xdotool)


SIZE = "1920x1080"
BOOTH = """idle_clear_seconds = {idle}
attract_after_seconds = {attract}
attract_pause_seconds = 2.0
model = "cnn"
exit_keys = "Ctrl+Alt+Shift+Q"
mode = "{mode}"
"""
NUMBER_LINE = re.compile(r"number=(\w+) digits=(\d+)")


SUFFIX: list[str] = []          # e.g. ["-tr", "-1280x800"]: the language and a size other than the default


def grab(path: Path, display: str) -> None:
    """The whole screen: the kiosk covers it."""
    path = path.with_name(path.stem + "".join(SUFFIX) + path.suffix)
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True)
    print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def canvas_rect(app: App) -> tuple[int, int, int, int]:
    app.wait_for(CANVAS_LINE)
    time.sleep(0.3)
    m = None
    for m in re.finditer(CANVAS_LINE, "\n".join(app.lines)):
        pass
    return tuple(int(v) for v in m.groups())


def launch(config: Path, idle: float, attract: float, env: dict, mode: str = "digit") -> App:
    config.write_text(BOOTH.format(idle=idle, attract=attract, mode=mode))
    app = App(["--kiosk", "--booth-config", str(config)], env)
    app.wait_for("window shown")
    app.wait_for("engine ready", timeout=120)
    return app


def quit_kiosk(app: App) -> bool:
    """Escape and Alt+F4 must do nothing; the exit combination must close the kiosk with status 0."""
    xdotool("key", "--clearmodifiers", "Escape")
    xdotool("key", "--clearmodifiers", "alt+F4")
    time.sleep(0.8)
    stayed = app.proc.poll() is None
    print(f"Escape and Alt+F4: the kiosk {'stayed' if stayed else 'CLOSED'}")
    xdotool("key", "--clearmodifiers", "ctrl+alt+shift+q")
    app.proc.wait(timeout=20)
    print(f"Ctrl+Alt+Shift+Q: the app exited with status {app.proc.returncode}")
    return stayed and app.proc.returncode == 0


def shot_drawing(out: Path, digit: int | None, work: Path, env: dict, display: str,
                 name: str = "kiosk-drawing") -> bool:
    """Draw ``digit`` (None: a non-digit, which must be answered "not a digit") and shoot."""
    app = launch(work / "drawing.toml", idle=120, attract=120, env=env)
    try:
        rect = canvas_rect(app)
        before = len(app.lines)
        if digit is None:
            draw_strokes(rect, non_digit("star"), fill=0.6)
        else:
            draw_digit(rect, digit, fill=0.6)
        result = app.wait_for(PREDICTION_LINE, after=before)
        line = next(line for line in app.lines[before:] if result.group(0) in line)
        print(f"drew {'a non-digit' if digit is None else f'a {digit}'} on the canvas at {rect}; "
              f"the app logged: {line.split('prediction', 1)[-1]}")
        xdotool("mousemove", *(str(int(v) - 1) for v in SIZE.split("x")))   # the pointer out of the way
        time.sleep(1.6)                            # the answer settles; "Did I get it right?" appears
        grab(out / f"{name}.png", display)
        right = "reason=not-a-digit" in line if digit is None else result.group(1) == str(digit)
        return right and quit_kiosk(app)
    finally:
        if app.proc.poll() is None:
            app.proc.kill()


def write_number(rect: tuple[int, int, int, int], text: str) -> None:
    """Write ``text``'s digits left to right across the wide canvas with the X pointer, spaced as
    the kiosk's attract loop writes them (gui.kiosk.attract.number_strokes)."""
    from engine.drawn_digits import DIGIT_TEMPLATES
    from gui.kiosk.attract import number_strokes

    x, y, w, h = rect
    for stroke in number_strokes([DIGIT_TEMPLATES[int(c)][0] for c in text], w / h):
        points = [(int(x + px * w), int(y + py * h)) for px, py in stroke]
        xdotool("mousemove", str(points[0][0]), str(points[0][1]))
        xdotool("mousedown", "1")
        for px, py in points[1:]:
            xdotool("mousemove", str(px), str(py))
            time.sleep(0.004)  # a hand, not a teleport: the app sees a stream of moves
        xdotool("mouseup", "1")
        time.sleep(0.05)


def shot_number(out: Path, text: str, work: Path, env: dict, display: str) -> bool:
    """Number mode (the booth config's mode = "number"): write ``text`` (a year) and shoot."""
    app = launch(work / "number.toml", idle=120, attract=120, env=env, mode="number")
    try:
        rect = canvas_rect(app)
        if rect[2] < 2 * rect[3]:
            print(f"the canvas is not wide in number mode: {rect}")
            return False
        before = len(app.lines)
        write_number(rect, text)
        result = None
        deadline = time.time() + 20
        while time.time() < deadline:   # the settled reading of the whole number
            found = [m for line in app.lines[before:] for m in [NUMBER_LINE.search(line)] if m]
            if found and found[-1].group(1) == text:
                result = found[-1]
                break
            time.sleep(0.2)
        found = [m.group(0) for line in app.lines[before:] for m in [NUMBER_LINE.search(line)] if m]
        print(f"wrote {text} on the canvas at {rect}; the app logged: {found[-1] if found else 'nothing'}")
        xdotool("mousemove", *(str(int(v) - 1) for v in SIZE.split("x")))   # the pointer out of the way
        time.sleep(1.6)                            # the answer settles; "Did I get it right?" appears
        grab(out / "kiosk-number.png", display)
        return result is not None and quit_kiosk(app)
    finally:
        if app.proc.poll() is None:
            app.proc.kill()


def shot_attract(out: Path, work: Path, env: dict, display: str, delay: float) -> bool:
    app = launch(work / "attract.toml", idle=1.0, attract=1.0, env=env)
    try:
        after = len(app.lines)
        app.wait_for("attract: drawing a", after=after, timeout=30)
        after = len(app.lines)
        drawing = app.wait_for(r"attract: drawing a (\d)", after=after, timeout=30)   # a second one: all warm
        time.sleep(delay)
        grab(out / "kiosk-attract.png", display)
        print(f"attract loop: shot {delay:.1f} s into drawing a {drawing.group(1)}")
        return quit_kiosk(app)
    finally:
        if app.proc.poll() is None:
            app.proc.kill()


def main() -> int:
    global SIZE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--digit", type=int, default=2)
    parser.add_argument("--number", default="2026", help="the number written in number mode (shot 4)")
    parser.add_argument("--only-number", action="store_true", help="take shot 4 only")
    parser.add_argument("--attract-delay", type=float, default=0.75,
                        help="seconds into an attract-loop digit when shot 2 is taken")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "tr"), help="the kiosk's language (tr: names end in -tr)")
    parser.add_argument("--size", default=SIZE, help=f"screen size WxH (default {SIZE}; others end the names)")
    args = parser.parse_args()
    if not args.number.isdigit():
        parser.error(f"--number: expected digits, got {args.number!r}")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.language and args.language != "en":
        screenshots.LANGUAGE[:] = ["--language", args.language]
        SUFFIX.append(f"-{args.language}")
    if args.size != SIZE:
        SUFFIX.append(f"-{args.size}")
        SIZE = args.size
    with x_session(SIZE, display=":96") as (env, display):
        work = Path(env["DIGIT_STUDIO_HOME"]).parent
        xdotool("mousemove", *(str(int(v) - 1) for v in SIZE.split("x")))
        ok = True
        if not args.only_number:
            ok &= shot_drawing(args.out, args.digit, work, env, display)
            ok &= shot_attract(args.out, work, env, display, args.attract_delay)
            ok &= shot_drawing(args.out, None, work, env, display, name="kiosk-not-a-digit")
        ok &= shot_number(args.out, args.number, work, env, display)
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())

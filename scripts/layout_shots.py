"""Screenshots of the real window under Xvfb at several window sizes, with and without the
training panel, each with a digit drawn by the X pointer: the check that nothing is clipped.

    uv run python scripts/layout_shots.py                 # into /tmp/digit-studio-layouts/
    uv run python scripts/layout_shots.py --out DIR --sizes 1180x780 1000x650

Needs Debian's xvfb, xdotool and imagemagick (apt-get install -y xvfb xdotool imagemagick).
Each shot name says the size and whether the training panel was open, e.g. ``1000x650-training.png``.
The app's log also gives the canvas's place before and after the answer appears: the script
reports whether the canvas moved (it must not).
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from screenshots import CANVAS_LINE, PREDICTION_LINE, App, draw_digit, screenshot, x_session, xdotool  # noqa: E402


def last_canvas(app: App) -> tuple[int, int, int, int]:
    found = re.findall(CANVAS_LINE, "\n".join(app.lines))
    return tuple(int(v) for v in found[-1])


def shoot(size: str, training: bool, digit: int, out: Path, env: dict, display: str, extra: list[str]) -> bool:
    width, height = size.split("x")
    for folder in (env["XDG_CONFIG_HOME"], env["DIGIT_STUDIO_HOME"]):   # each shot starts from default settings
        shutil.rmtree(folder, ignore_errors=True)
    app = App(extra, env)
    try:
        app.wait_for("window shown")
        app.wait_for("engine ready", timeout=120)
        xdotool("search", "--name", "^Digit Studio", "windowsize", "--sync", width, height)
        if training:
            xdotool("search", "--name", "^Digit Studio", "windowfocus", "--sync")
            xdotool("key", "--clearmodifiers", "ctrl+t")
        time.sleep(1.2)
        before_rect = last_canvas(app)
        before = len(app.lines)
        draw_digit(before_rect, digit)
        result = app.wait_for(PREDICTION_LINE, after=before)
        time.sleep(0.6)
        after_rect = last_canvas(app)
        name = f"{size}{'-training' if training else ''}"
        screenshot(out / f"{name}.png", display)
        moved = "moved" if after_rect != before_rect else "stayed"
        print(f"{name}: drew a {digit}; logged {result.group(0)}; canvas {before_rect} {moved}")
        xdotool("key", "--clearmodifiers", "ctrl+q")
        app.proc.wait(timeout=20)
        return after_rect == before_rect and app.proc.returncode == 0
    finally:
        if app.proc.poll() is None:
            app.proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("/tmp/digit-studio-layouts"))
    parser.add_argument("--sizes", nargs="+", default=["1180x780", "1000x650"])
    parser.add_argument("--digit", type=int, default=7)
    parser.add_argument("--screen", default="1400x900", help="Xvfb screen size WxH")
    parser.add_argument("app_args", nargs="*", help="extra arguments for main.py (after --)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    ok = True
    with x_session(args.screen) as (env, display):
        for size in args.sizes:
            for training in (False, True):
                ok &= shoot(size, training, args.digit, args.out, env, display, args.app_args)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

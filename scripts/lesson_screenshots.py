"""Screenshots of every Learn lesson, step by step, in the real window under Xvfb.

    uv run python scripts/lesson_screenshots.py                 # docs/lessons/<lesson>-<step>.png
    uv run python scripts/lesson_screenshots.py --language tr   # … -tr.png
    uv run python scripts/lesson_screenshots.py --only coffee softmax

Needs Debian's xvfb (apt-get install -y xvfb). A private X server runs the app's real main window
(xcb, not offscreen) from fresh settings; a digit is drawn on its canvas, the Learn dock is opened
and every step of every lesson is shown and grabbed as the window looks. A step that trains
something (``Lesson.demo(page)``) is started and shot when its lesson is no longer ``busy()``.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def child(args) -> int:
    """Inside the X session: the window, a drawing, every lesson's steps."""
    from PySide6.QtWidgets import QApplication
    from screenshots import qt_wait

    from engine.drawn_digits import DIGIT_TEMPLATES
    from engine.lessons import LESSON_IDS
    from gui import i18n
    from gui.app import configure_application
    from gui.main_window import MainWindow

    configure_application()
    app = QApplication(sys.argv[:1])
    i18n.set_language(args.language)

    def wait(condition, seconds: float) -> bool:
        return qt_wait(app, condition, seconds)

    window = MainWindow(model_ref=args.model)
    window.resize(*map(int, args.size.split("x")))
    window.show()
    window.start_engine()
    wait(lambda: window.recognizer.model is not None, 120)
    for stroke in DIGIT_TEMPLATES[args.digit][0]:
        window.canvas.add_stroke_points([(0.2 + 0.6 * x, 0.2 + 0.6 * y) for x, y in stroke])
    wait(lambda: window.learn_context.prediction is not None, 20)
    wait(lambda: False, 0.5)
    window.learn_action.trigger()
    panel = window.learn
    suffix = "" if args.language == "en" else f"-{args.language}"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lesson_id in args.only or LESSON_IDS:
        panel.open_lesson(lesson_id, 0)
        lesson = panel.lesson()
        for page in range(lesson.page_count()):
            panel.open_lesson(lesson_id, page)
            demo = getattr(lesson, "demo", None)
            if demo is not None:
                demo(page)
            wait(lambda: False, 0.4)
            if not wait(lambda: not getattr(lesson, "busy", lambda: False)(), args.timeout):
                print(f"{lesson_id} step {page + 1}: still busy after {args.timeout:.0f} s", flush=True)
            wait(lambda: False, 0.3)
            path = out / f"{lesson_id}-{page + 1}{suffix}.png"
            window.grab().save(str(path))
            print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)
    window.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "lessons"))
    parser.add_argument("--language", choices=("en", "tr"), default="en")
    parser.add_argument("--model", default="cnn")
    parser.add_argument("--digit", type=int, default=3)
    parser.add_argument("--size", default="1400x860", help="the window's size WxH")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a step may train before its shot")
    parser.add_argument("--only", nargs="+", help="these lessons (ids) only")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    from screenshots import x_session

    width, height = map(int, args.size.split("x"))
    with x_session(f"{width + 40}x{height + 40}", display=":95") as (env, display):
        env = {**env, "QT_QPA_PLATFORM": "xcb"}
        command = [sys.executable, __file__, "--child", *sys.argv[1:]]
        return subprocess.run(command, env=env, cwd=ROOT).returncode


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())

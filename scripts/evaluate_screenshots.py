"""Screenshots of "where it fails and why" in the real window under Xvfb.

    uv run python scripts/evaluate_screenshots.py     # docs/screenshots/{evaluate,saliency}.png

Needs Debian's xvfb. The app's real main window (xcb) runs on a private X server from fresh
settings: ``evaluate.png`` is the Evaluate dock (Ctrl+E) after a run of the model in use on all of
MNIST test, its busiest mistakes cell opened as a gallery and that mistake loaded onto the canvas;
``saliency.png`` is a drawn 7 with "Which pixels mattered" on and course-mlp's bars beside the cnn's.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def child(args) -> int:
    from PySide6.QtWidgets import QApplication
    from screenshots import qt_wait

    from engine.drawn_digits import DIGIT_TEMPLATES
    from gui import i18n
    from gui.app import configure_application
    from gui.main_window import MainWindow

    configure_application()
    app = QApplication(sys.argv[:1])
    i18n.set_language(args.language)
    suffix = "" if args.language == "en" else f"-{args.language}"

    def wait(condition, seconds: float) -> bool:
        return qt_wait(app, condition, seconds)

    out = Path(args.out)
    window = MainWindow()
    window.resize(1180, 780)
    window.show()
    window.start_engine()
    wait(lambda: window.recognizer.model is not None, 120)
    for stroke in DIGIT_TEMPLATES[7][0]:
        window.canvas.add_stroke_points([(0.2 + 0.6 * x, 0.2 + 0.6 * y) for x, y in stroke])
    wait(lambda: window.panel.prediction() is not None, 20)
    panel = window.panel
    panel.saliency_box.setChecked(True)
    panel.compare_combo.setCurrentIndex(panel.compare_combo.findData("course-mlp"))
    wait(lambda: False, 3.0)
    path = out / f"saliency{suffix}.png"
    window.grab().save(str(path))
    print(f"saved {path}", flush=True)

    panel.saliency_box.setChecked(False)
    panel.compare_combo.setCurrentIndex(0)
    window.resize(1500, 900)
    window.evaluate_action.trigger()
    view = window.evaluate
    view.set_data_set("mnist-all")
    view.run_evaluation()
    wait(lambda: view.result() is not None and not view.is_running(), 300)
    wait(lambda: False, 0.5)
    if view.gallery_indices():
        view.choose_thumbnail(0)
    wait(lambda: False, 1.5)
    path = out / f"evaluate{suffix}.png"
    window.grab().save(str(path))
    print(f"saved {path}", flush=True)
    window.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--language", choices=("en", "tr"), default="en")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    from screenshots import x_session

    with x_session("1560x960", display=":94") as (env, display):
        env = {**env, "QT_QPA_PLATFORM": "xcb"}
        return subprocess.run([sys.executable, __file__, "--child", *sys.argv[1:]], env=env, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())

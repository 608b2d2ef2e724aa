"""Everything but training works where ``import tensorflow`` fails (the booth build has none): the
window's and the kiosk's smoke tests, the visualizer, switching models, the command line's
predict and evaluate; training says it needs the full installation instead of failing.

Each check runs in a fresh interpreter whose ``sys.modules`` makes ``import tensorflow`` and
``import keras`` raise ImportError, with a private data folder and settings."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCK = """
import sys
sys.modules["tensorflow"] = None   # any "import tensorflow" now raises ImportError
sys.modules["keras"] = None
"""
ASSERT_NEVER_IMPORTED = """
assert sys.modules.get("tensorflow") is None and sys.modules.get("keras") is None
assert not [m for m in sys.modules if m.startswith(("tensorflow.", "keras.", "tf_keras"))]
"""


def run_blocked(code: str, tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DIGIT_STUDIO_HOME": str(tmp_path / "home"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    env.pop("PYTHONPATH", None)
    return subprocess.run([sys.executable, "-c", BLOCK + code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.parametrize("kiosk", [False, True], ids=["window", "kiosk"])
def test_the_smoke_test_passes_without_tensorflow(tmp_path, kiosk):
    args = ["--kiosk", "--smoke-test"] if kiosk else ["--smoke-test"]
    result = run_blocked(f"""
import main
status = main.main({args!r})
{ASSERT_NEVER_IMPORTED}
sys.exit(status)
""", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "recognised 7" in result.stdout and result.stdout.strip().endswith("ok"), result.stdout


def test_the_window_recognises_and_says_training_needs_the_full_installation(tmp_path):
    result = run_blocked(f"""
from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from gui.app import configure_application
configure_application()
app = QApplication([])
from engine.drawn_digits import DIGIT_TEMPLATES
from gui.main_window import MainWindow, about_text

def wait_until(check, ms=30_000):
    for _ in range(ms // 20):
        if check():
            return
        QTest.qWait(20)
    raise AssertionError("timed out")

window = MainWindow()
window.resize(1180, 780)
window.show()
window.start_engine()
wait_until(lambda: window.recognizer.model is not None)
assert window.recognizer.model.device == "CPU (NumPy)"
shown = []
window.predictionShown.connect(shown.append)
window.network.setVisible(True)
for stroke in DIGIT_TEMPLATES[3][0]:
    window.canvas.add_stroke_points([(0.2 + 0.6 * x, 0.2 + 0.6 * y) for x, y in stroke])
wait_until(lambda: bool(shown) and shown[-1] is not None)
QTest.qWait(500)                                         # the settled answer of the whole drawing
assert shown[-1].digit == 3, shown[-1].digit
assert window.network.numpy_difference() is not None   # the visualizer's NumPy check runs too

window.open_model("course-mlp")                          # switching models works
wait_until(lambda: window.recognizer.model.ref == "course-mlp")

panel = window.training
assert not panel.can_train and not panel.train_button.isEnabled()
assert "full installation" in panel.result_card.message_label.text()
assert panel.start() is False                            # and asking anyway changes nothing
assert not panel.is_training()
assert "no TensorFlow" in about_text(window.recognizer.model)
window.close()
{ASSERT_NEVER_IMPORTED}
print("ok")
""", tmp_path)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stdout + result.stderr


def test_the_command_line_predicts_and_evaluates_and_refuses_to_train(tmp_path):
    sample = ROOT / "resources" / "samples" / "seven-dark-on-light.png"
    result = run_blocked(f"""
import io, contextlib, json
import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    assert main.main(["predict", "--json", {str(sample)!r}]) == 0
    assert main.main(["evaluate", "--model", "course-mlp"]) == 0
answer = json.loads(out.getvalue().splitlines()[0])
assert answer["digit"] == 7, answer
assert "computed on: CPU (NumPy)" in out.getvalue() and "test accuracy: 9" in out.getvalue(), out.getvalue()
err = io.StringIO()
with contextlib.redirect_stderr(err):
    assert main.main(["predict", "--backend", "tensorflow", {str(sample)!r}]) == 1
    assert main.main(["train", "--epochs", "1", "--out", {str(tmp_path / "m.keras")!r}]) == 1
assert err.getvalue().count("needs TensorFlow") == 2, err.getvalue()
assert "Install the full Digit Studio" in err.getvalue()
{ASSERT_NEVER_IMPORTED}
print("ok")
""", tmp_path)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stdout + result.stderr
    assert not (tmp_path / "m.keras").exists()

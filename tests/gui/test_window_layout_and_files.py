"""The window without its engine: saving the drawing, a canvas that keeps still while answers
change, layouts that hold at small sizes, and settings that stay in the test's own folder."""
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.drawn_digits import DIGIT_TEMPLATES
from engine.predictor import Prediction
from gui.main_window import MainWindow


@pytest.fixture
def idle_window(qtbot):
    """The real window, shown, with no engine started (nothing here needs TensorFlow)."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1180, 780)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def dialogs(monkeypatch):
    """Records message boxes instead of showing them; ``dialogs.save_path`` answers Save dialogs."""
    class Dialogs:
        shown: list[tuple[str, str, str]] = []
        save_path = ""

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            Dialogs.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return box

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (Dialogs.save_path, ""))
    Dialogs.shown = []
    return Dialogs


def draw_seven(window) -> None:
    for stroke in DIGIT_TEMPLATES[7][0]:
        window.canvas.add_stroke_points([(0.2 + 0.6 * x, 0.2 + 0.6 * y) for x, y in stroke])


def test_saving_the_drawing_writes_it_says_so_and_remembers_the_folder(idle_window, dialogs, tmp_path):
    draw_seven(idle_window)
    dialogs.save_path = str(tmp_path / "d.png")
    idle_window._on_save_drawing()
    assert dialogs.shown == []                      # no "Could not write" after a good save
    assert (tmp_path / "d.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert QSettings().value("paths/drawings") == str(tmp_path / "d.png")
    assert "Saved" in idle_window.statusBar().currentMessage()


def test_a_failed_drawing_save_shows_the_reason_and_the_app_goes_on(idle_window, dialogs, tmp_path):
    draw_seven(idle_window)
    dialogs.save_path = str(tmp_path / "no-such-folder" / "d.png")
    idle_window._on_save_drawing()                  # raised OSError out of the slot before
    [(kind, title, text)] = dialogs.shown
    assert kind == "warning" and "no-such-folder" in text and "No such file" in text
    assert QSettings().value("paths/drawings") is None
    assert not idle_window.canvas.is_empty()


def fake_prediction(digit: int, confidence: float) -> Prediction:
    p = np.full(10, (1 - confidence) / 9, dtype=np.float32)
    p[digit] = confidence
    image = np.zeros((28, 28), np.float32)
    image[6:22, 12:16] = 1.0
    return Prediction(image=image, probabilities=p, activations=())


@pytest.mark.parametrize("size", [(1180, 780), (1000, 650)])
@pytest.mark.parametrize("training_open", [False, True])
def test_the_canvas_keeps_its_place_whatever_the_answer_says(qtbot, idle_window, size, training_open):
    idle_window.resize(*size)
    idle_window.training_dock.setVisible(training_open)
    qtbot.wait(50)
    empty = idle_window.canvas.geometry(), idle_window.canvas.mapTo(idle_window, idle_window.canvas.rect().topLeft())
    for prediction in (fake_prediction(7, 0.97), fake_prediction(4, 0.41), fake_prediction(1, 1.0), None):
        idle_window.panel.show_prediction(prediction)
        idle_window.panel.set_status("Loading TensorFlow… and a long engine message that wraps" if prediction is None else None)
        qtbot.wait(30)
        now = idle_window.canvas.geometry(), idle_window.canvas.mapTo(idle_window, idle_window.canvas.rect().topLeft())
        assert now == empty, f"canvas moved from {empty} to {now} for {prediction and prediction.digit}"


@pytest.mark.parametrize("training_open", [False, True])
def test_the_small_window_fits_its_content(qtbot, idle_window, training_open):
    """At 1000×650 the window's content needs no more room than it has (nothing is squeezed
    below its minimum, so Qt elides or clips nothing essential)."""
    idle_window.training_dock.setVisible(training_open)
    idle_window.resize(1000, 650)
    qtbot.wait(50)
    hint = idle_window.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 650, hint
    assert idle_window.size().toTuple() == (1000, 650)
    for button in (idle_window.eraser_button, idle_window.train_button, idle_window.undo_button,
                   idle_window.redo_button, idle_window.clear_button):
        assert button.width() >= button.sizeHint().width(), button.text()   # no "E…r"
    assert idle_window.brush.width() >= 60
    assert idle_window.canvas.width() >= 200


def test_settings_are_written_inside_the_tests_private_folder(idle_window, private_user_dir):
    idle_window.close()                              # writes geometry, splitter, dock state
    settings = QSettings()
    path = Path(settings.fileName()).resolve()
    assert path.is_relative_to(private_user_dir.resolve()), path
    assert path.exists() and settings.value("window/geometry") is not None


def test_the_about_box_names_the_versions_without_gui_importing_tensorflow():
    from importlib.metadata import version

    from engine.catalogue import LoadedModel
    from gui.main_window import about_text

    text = about_text(LoadedModel(None, "cnn", "cnn (shipped)", "CPU (NumPy)", 0.0))
    assert f"TensorFlow {version('tensorflow')}" in text and f"Keras {version('keras')}" in text
    assert "Computed on: CPU (NumPy)" in text and "Model: cnn (shipped)" in text
    assert "The model is still loading" in about_text(None)

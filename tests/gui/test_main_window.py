"""The main window, offscreen: live recognition of drawn strokes, undo/redo/clear, bad models, closing."""
import logging

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from engine.drawn_digits import DIGIT_TEMPLATES
from gui.drawing.answer_text import percent_text
from gui.app import configure_application
from gui.main_window import MainWindow
from tests.gui.strokes import _send, draw_strokes

ENGINE_TIMEOUT = 120_000  # the first TensorFlow import on a busy 2-core machine


@pytest.fixture
def window(make_window):
    return make_window(1000, 640)


@pytest.mark.parametrize("digit", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
def test_drawing_a_digit_with_the_mouse_shows_that_digit(qtbot, window, digit, caplog):
    caplog.set_level(logging.INFO, logger="digit_studio")
    strokes = DIGIT_TEMPLATES[digit][0]
    shown = []
    window.predictionShown.connect(shown.append)
    draw_strokes(window.canvas, strokes)
    qtbot.waitUntil(lambda: any(r.getMessage().startswith("prediction digit=") for r in caplog.records),
                    timeout=10_000)
    final = shown[-1]
    assert final is not None and final.digit == digit, final and final.ranked[:3]
    line = [r.getMessage() for r in caplog.records if r.getMessage().startswith("prediction")][-1]
    assert line.startswith(f"prediction digit={digit} confidence=")


def test_prediction_updates_while_drawing_not_only_on_release(qtbot, window):
    shown = []
    window.predictionShown.connect(shown.append)
    stroke = DIGIT_TEMPLATES[1][0][0]
    c = window.canvas
    pts = [QPointF(c.width() * (0.3 + 0.4 * x), c.height() * (0.2 + 0.6 * y)) for x, y in stroke]
    _send(c, QEvent.MouseButtonPress, pts[0], Qt.LeftButton, Qt.LeftButton)
    for p in pts[1:]:
        _send(c, QEvent.MouseMove, p, Qt.NoButton, Qt.LeftButton)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: any(s is not None for s in shown), timeout=5000)  # before release
    _send(c, QEvent.MouseButtonRelease, pts[-1], Qt.LeftButton, Qt.NoButton)


def test_empty_canvas_undo_redo_and_clear(qtbot, window, caplog):
    caplog.set_level(logging.INFO, logger="digit_studio")
    shown = []
    window.predictionShown.connect(shown.append)
    draw_strokes(window.canvas, DIGIT_TEMPLATES[7][0])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] is not None and shown[-1].digit == 7, timeout=10_000)
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.canvas.is_empty() and shown[-1] is None, timeout=10_000)
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: shown[-1] is not None and shown[-1].digit == 7, timeout=10_000)

    window.clear_button.click()
    qtbot.waitUntil(lambda: shown[-1] is None, timeout=10_000)
    assert window.canvas.is_empty()
    assert any(r.getMessage() == "prediction digit=none" for r in caplog.records)


def test_a_bad_model_file_shows_an_error_and_keeps_the_current_model(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "broken.keras"
    bad.write_bytes(b"definitely not a model")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    before = window.predictor
    window.open_model(str(bad))
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)
    assert "broken.keras" in warnings[0] and "Still using cnn (shipped)" in warnings[0]
    assert window.predictor is before
    draw_strokes(window.canvas, DIGIT_TEMPLATES[3][0])  # and it still recognises
    qtbot.waitUntil(lambda: window.predictor is before, timeout=1000)


def test_switching_to_a_shipped_model_is_remembered(qtbot, window):
    with qtbot.waitSignal(window.engineReady, timeout=60_000):
        window.open_model("course-mlp")
    assert window.predictor.model_name == "course_mlp"
    assert QSettings().value("model/last") == "course-mlp"


def test_brush_size_and_geometry_persist(qtbot, window):
    window.brush.setValue(30)
    assert window.canvas.brush_size == 30
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.brush.value() == 30 and again.canvas.brush_size == 30
    assert QSettings().value("window/geometry") is not None


def test_closing_while_the_engine_loads_exits_cleanly(qtbot):
    configure_application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.start_engine()
    win.close()  # must not hang or raise; the loader is joined
    assert not win.recognizer.loading()


def test_the_network_view_follows_the_drawing_and_the_model(qtbot, window):
    shown = []
    window.predictionShown.connect(shown.append)
    draw_strokes(window.canvas, DIGIT_TEMPLATES[2][0])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] is not None and shown[-1].digit == 2, timeout=10_000)
    out = len(shown[-1].activations) - 1
    text = window.network.hover_text(out, 2)
    # the softmax output, worded as the bars and the answer word it
    assert f"P(y = 2 | x) = <b>{percent_text(shown[-1].probabilities[2])}</b>" in text
    assert window.network.column_kind(1) is not None
    with qtbot.waitSignal(window.engineReady, timeout=60_000):
        window.open_model("course-mlp")
    assert [info for info in window.network.layer_infos()]  # rebuilt for the new model
    assert window.network.network is not None and window.network.column_kind(0) != "feature maps"

    window.network_action.trigger()  # View ▸ Network Layers off
    assert not window.network.isVisible()


def test_training_in_the_window_drives_the_canvas_and_keep_or_discard(qtbot, tiny_mnist):
    from engine.models import PRESETS
    from engine.spec import TrainingSpec

    configure_application()
    QSettings().clear()
    win = MainWindow(data_loader=lambda: tiny_mnist)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.engineReady, timeout=ENGINE_TIMEOUT):
        win.start_engine()
    shipped = win.recognizer.model
    draw_strokes(win.canvas, DIGIT_TEMPLATES[4][0])
    win.train_button.click()
    assert win.training_dock.isVisible()

    labels = []
    win.engineReady.connect(labels.append)
    with qtbot.waitSignal(win.training.runFinished, timeout=120_000):
        assert win.training.start(TrainingSpec(PRESETS["course-mlp"], epochs=2, batch_size=16))
    qtbot.waitUntil(lambda: any("(training)" in label for label in labels), timeout=30_000)
    training_model = win.recognizer.model
    assert training_model.ref is None and training_model is not shipped
    # the Predictor follows the run: it holds the run's final weights
    trained = win.training.result().weights
    qtbot.wait(200)
    for a, b in zip(training_model.predictor.network.flat_weights(), trained):
        assert np.allclose(a, b)
    assert win._model_actions[0].isEnabled()  # switching models is allowed again after the run

    win.training.discard()
    qtbot.waitUntil(lambda: win.recognizer.model is shipped, timeout=10_000)

    with qtbot.waitSignal(win.training.runFinished, timeout=120_000):
        assert win.training.start(TrainingSpec(PRESETS["course-mlp"], epochs=1, batch_size=16))
    qtbot.waitUntil(lambda: win.recognizer.model is not shipped, timeout=30_000)
    win.training.keep()
    qtbot.waitUntil(lambda: "(trained, unsaved)" in win.recognizer.model.label, timeout=10_000)
    win.close()


def test_closing_the_window_mid_training_stops_and_joins(qtbot, tiny_mnist):
    from engine.models import PRESETS
    from engine.spec import TrainingSpec

    configure_application()
    win = MainWindow(data_loader=lambda: tiny_mnist)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.engineReady, timeout=ENGINE_TIMEOUT):
        win.start_engine()
    assert win.training.start(TrainingSpec(PRESETS["course-mlp"], epochs=500, batch_size=4))
    qtbot.waitUntil(win.training.is_training, timeout=30_000)
    qtbot.wait(300)
    win.close()
    assert not win.training.is_training()


def test_the_canvas_position_is_logged_in_screen_coordinates(qtbot, caplog):
    caplog.set_level(logging.INFO, logger="digit_studio")
    configure_application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)

    def logged():
        return [r.getMessage() for r in caplog.records if r.getMessage().startswith("canvas x=")]

    def where(rect):
        return f"canvas x={rect.x()} y={rect.y()} width={rect.width()} height={rect.height()}"

    # The window may be placed in steps while it opens; once it settles, the last line logged is
    # where the canvas is on the screen.
    qtbot.waitUntil(lambda: bool(logged()) and logged()[-1] == where(win.canvas.canvas_rect_global()),
                    timeout=5000)
    before = win.canvas.canvas_rect_global()
    win.move(win.x() + 40, win.y() + 30)  # the window moves: so does the canvas on the screen
    qtbot.waitUntil(lambda: logged()[-1] != where(before), timeout=5000)
    qtbot.waitUntil(lambda: logged()[-1] == where(win.canvas.canvas_rect_global()), timeout=5000)
    moved = win.canvas.canvas_rect_global()
    assert (moved.x() - before.x(), moved.y() - before.y()) == (40, 30)
    # A widget holding the canvas moves while the canvas keeps its place inside it (a layout
    # shifting the column): the canvas itself gets no move event, yet it moved on the screen.
    holder = win.canvas.parentWidget()
    holder.move(holder.x() + 7, holder.y())
    shifted = win.canvas.canvas_rect_global()
    assert shifted.x() == moved.x() + 7
    qtbot.waitUntil(lambda: logged()[-1] == where(shifted), timeout=5000)
    win.close()


def test_one_drawing_is_logged_once_however_often_it_is_recognised_again(qtbot, window, caplog):
    caplog.set_level(logging.INFO, logger="digit_studio")
    shown = []
    window.predictionShown.connect(shown.append)
    draw_strokes(window.canvas, DIGIT_TEMPLATES[7][0])
    qtbot.waitUntil(lambda: any(r.getMessage().startswith("prediction digit=7") for r in caplog.records),
                    timeout=10_000)
    for _ in range(3):   # what new weights during training or a model switch do
        count = len(shown)
        window.recognizer.refresh()
        qtbot.waitUntil(lambda: len(shown) > count, timeout=10_000)
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("prediction digit=")]
    assert len(lines) == 1, lines
    window.canvas.clear()
    qtbot.waitUntil(lambda: shown[-1] is None, timeout=10_000)
    draw_strokes(window.canvas, DIGIT_TEMPLATES[7][0])   # the same answer for a new drawing is logged
    qtbot.waitUntil(lambda: len([r for r in caplog.records if r.getMessage().startswith("prediction digit=7")]) == 2,
                    timeout=10_000)


def test_save_model_as_suggests_a_file_in_an_existing_folder_and_the_status_follows(qtbot, window, monkeypatch,
                                                                                      tmp_path):
    from engine.paths import user_models_dir
    from engine.catalogue import LoadedModel

    current = window.recognizer.model
    window.recognizer.use_model(LoadedModel(current.predictor, None, "cnn (trained, unsaved)", current.device, 0.0))
    qtbot.waitUntil(lambda: "unsaved" in window._status.text(), timeout=5000)
    offered = []

    def save_dialog(parent, caption, start, filters):
        offered.append(start)
        return str(tmp_path / "mine.keras"), ""

    monkeypatch.setattr("gui.main_window.QFileDialog.getSaveFileName", save_dialog)
    window._on_save_model()
    assert offered == [str(user_models_dir() / "cnn.keras")] and user_models_dir().is_dir()
    assert (tmp_path / "mine.keras").is_file()
    qtbot.waitUntil(lambda: "mine.keras" in window._status.text(), timeout=5000)
    assert "unsaved" not in window._status.text()
    assert QSettings().value("model/last") == str(tmp_path / "mine.keras")
    window._on_save_model()                    # the next save starts in the folder used last
    assert offered[-1] == str(tmp_path / "cnn.keras") or offered[-1] == str(tmp_path / "mine.keras")

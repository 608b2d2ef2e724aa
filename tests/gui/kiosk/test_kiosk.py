"""Kiosk mode for demo booths, offscreen: full screen without menus, the booth config, idle →
clear → attract loop, touch stops it, only the exit combination (or PIN) leaves, errors recover
to a clean canvas without dialogs, model fallback, statistics on disk."""
import json
import logging
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMenuBar, QSlider, QToolButton

from engine.drawn_digits import DIGIT_TEMPLATES
from engine.resources import resource_path
from engine import catalogue
from engine.booth import BoothConfig, BoothStats, load_booth_config
from gui.kiosk.crowd_view import crowd_columns
from gui.kiosk.window import KioskWindow
from gui.kiosk.safety import exit_sequence
from tests.gui.strokes import draw_strokes

ENGINE_TIMEOUT = 120_000   # the first TensorFlow import on a busy 2-core machine
CTRL_ALT_SHIFT = Qt.ControlModifier | Qt.AltModifier | Qt.ShiftModifier


def ready(qtbot, win: KioskWindow, loaded) -> None:
    with qtbot.waitSignal(win.engineReady, timeout=ENGINE_TIMEOUT):
        win.recognizer.use_model(loaded)


def records(home) -> list[dict]:
    path = home / "booth-stats.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def draw_and_wait(qtbot, win: KioskWindow, digit: int) -> None:
    shown = []
    win.predictionShown.connect(shown.append)
    draw_strokes(win.view.canvas, DIGIT_TEMPLATES[digit][0])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] is not None and shown[-1].digit == digit, timeout=10_000)
    win.predictionShown.disconnect(shown.append)


# ----- the window --------------------------------------------------------------------------------
def test_kiosk_starts_full_screen_frameless_without_menus_or_training(qtbot, make_kiosk, caplog):
    caplog.set_level(logging.INFO, logger="digit_studio")
    win = make_kiosk()
    assert win.isFullScreen() and win.windowState() & Qt.WindowFullScreen
    assert win.windowFlags() & Qt.FramelessWindowHint
    assert win.geometry() == QGuiApplication.primaryScreen().geometry()
    assert not win.findChildren(QMenuBar) and not win.findChildren(QMenu)
    assert not win.findChildren(QSlider) and not win.findChildren(QToolButton)   # no brush/undo/training tools
    assert win.view.clear_button.isVisible() and win.view.clear_button.height() >= 120
    assert win.view.crowd.isVisible() and win.view.bars.isVisible()
    assert win.view.canvas.width() == win.view.canvas.height() >= 0.45 * win.height()
    assert win.palette().color(win.backgroundRole()).lightnessF() < 0.2   # a dark stage
    qtbot.waitUntil(lambda: any(r.getMessage() == "canvas x=%d y=%d width=%d height=%d" % (
        *win.view.canvas.mapToGlobal(QPoint(0, 0)).toTuple(), win.view.canvas.width(), win.view.canvas.height())
        for r in caplog.records), timeout=2000)   # where the screenshot script draws


def test_activation_view_can_be_switched_off(make_kiosk):
    assert not make_kiosk(show_activations=False).view.crowd.isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_layout_fits_booth_screens(qtbot, make_kiosk, size):
    win = make_kiosk(show=False)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    w, h = size
    win.view.feedback.setCurrentIndex(1)
    qtbot.waitUntil(lambda: win.view.yes_button.isVisible())

    def rect(widget) -> QRect:
        return QRect(widget.mapTo(win, QPoint(0, 0)), widget.size())

    view = win.view
    parts = [view.stage, view.clear_button, view.digit_label, view.feedback, view.bars, view.crowd]
    for part in parts:
        assert win.rect().contains(rect(part)), (part, rect(part))
    for i, a in enumerate(parts):
        for b in parts[i + 1:]:
            assert not rect(a).intersects(rect(b)), (a, b)
    assert win.view.canvas.width() >= 0.6 * h
    assert win.view.clear_button.height() >= 120
    assert min(win.view.yes_button.height(), win.view.no_button.height()) >= 96
    assert win.view.digit_label.font().pixelSize() >= 0.15 * h
    assert win.view.crowd.height() >= 0.25 * h and win.view.bars.height() >= 0.12 * h


# ----- the booth config ------------------------------------------------------------------------
def test_booth_config_is_read(tmp_path):
    path = tmp_path / "booth.toml"
    path.write_text('kiosk = true\nidle_clear_seconds = 7\nattract_after_seconds = 12.5\nmodel = "course-mlp"\n'
                    'exit_keys = "Ctrl+Shift+K"\nexit_pin = "2468"\nshow_activations = false\n'
                    'statistics = false\nask_feedback = false\nheadline = "Hello"\n')
    assert load_booth_config(path) == BoothConfig(
        kiosk=True, idle_clear_seconds=7.0, attract_after_seconds=12.5, model="course-mlp", exit_keys="Ctrl+Shift+K",
        exit_pin="2468", show_activations=False, statistics=False, ask_feedback=False, headline="Hello")


def test_bad_booth_config_values_fall_back_to_defaults_with_warnings(tmp_path, caplog):
    path = tmp_path / "booth.toml"
    path.write_text('idle_clear_seconds = "soon"\nattract_after_seconds = -3\nstatistics = "yes"\nexit_pin = 1234\n'
                    'model = ""\nshow_activations = 1\nattract_pause_seconds = nan\ncolour = "red"\n'
                    'ask_feedback = false\n')
    config = load_booth_config(path)
    assert config == BoothConfig(ask_feedback=False)   # the one good value is kept
    warned = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    for key in ("idle_clear_seconds", "attract_after_seconds", "statistics", "exit_pin", "model",
                "show_activations", "attract_pause_seconds", "'colour'"):
        assert key in warned, key


def test_missing_or_broken_booth_config_gives_defaults(tmp_path, caplog, private_user_dir):
    assert load_booth_config(tmp_path / "nope.toml") == BoothConfig()
    assert "not found" in caplog.text
    broken = tmp_path / "broken.toml"
    broken.write_text("idle_clear_seconds = = 3\n")
    assert load_booth_config(broken) == BoothConfig()
    assert "cannot be read" in caplog.text
    caplog.clear()
    assert load_booth_config() == BoothConfig() and not caplog.records   # no default file: quietly defaults
    (private_user_dir / "booth.toml").write_text("kiosk = true\n")
    assert load_booth_config().kiosk is True                             # the data folder's booth.toml


def test_example_booth_config_documents_every_key_without_warnings(caplog):
    text = resource_path("booth.example.toml").read_text()
    config = load_booth_config(resource_path("booth.example.toml"))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert config == BoothConfig(kiosk=True)
    for key in BoothConfig.__dataclass_fields__:
        assert f"\n{key} = " in text, key


@pytest.mark.parametrize("text", ["Banana+Q", "Escape", "Q", "Shift+Q", "Alt+F4", "Ctrl+Q", "Ctrl+Shift+K, Ctrl+X", ""])
def test_unsafe_exit_keys_fall_back_to_the_default(text, caplog):
    assert exit_sequence(text).toString() == "Ctrl+Alt+Shift+Q"
    assert "exit_keys" in caplog.text


def test_safe_exit_keys_are_kept():
    assert exit_sequence("ctrl+shift+k").toString() == "Ctrl+Shift+K"


def test_command_line_and_config_open_the_kiosk(qtbot, tmp_path, private_user_dir, monkeypatch):
    import main
    from gui import main_window
    from gui.app import open_window

    class FakeMainWindow:
        def __init__(self, **kwargs):
            self.kwargs = kwargs

        def show(self):
            pass

    monkeypatch.setattr(main_window, "MainWindow", FakeMainWindow)
    path = tmp_path / "b.toml"
    path.write_text("idle_clear_seconds = 7\n")
    args = main.build_parser().parse_args(["--kiosk", "--booth-config", str(path)])
    assert args.kiosk and args.booth_config == str(path)
    windows = []
    try:
        windows.append(open_window(args, time.perf_counter()))
        assert isinstance(windows[0], KioskWindow) and windows[0].isFullScreen()
        assert windows[0].config.idle_clear_seconds == 7.0
        assert isinstance(open_window(main.build_parser().parse_args([]), 0.0), FakeMainWindow)
        (private_user_dir / "booth.toml").write_text("kiosk = true\n")
        windows.append(open_window(main.build_parser().parse_args([]), time.perf_counter()))
        assert isinstance(windows[1], KioskWindow)
    finally:
        for win in windows:
            win.exit_kiosk()
            win.deleteLater()


# ----- idle and the attract loop -----------------------------------------------------------------
def test_idle_clears_the_canvas_then_the_attract_loop_draws_and_is_recognised(qtbot, make_kiosk, cnn,
                                                                             private_user_dir):
    win = make_kiosk(idle_clear_seconds=0.3, attract_after_seconds=0.5, attract_pause_seconds=0.3)
    ready(qtbot, win, cnn)
    events, shown = [], []
    win.idleCleared.connect(lambda: events.append(("idle", time.monotonic(), win.view.canvas.is_empty())))
    win.attractStarted.connect(lambda: events.append(("attract", time.monotonic(), win.view.canvas.is_empty())))
    win.predictionShown.connect(lambda p: shown.append((win.attract.running, p)))
    draw_and_wait(qtbot, win, 7)
    qtbot.waitUntil(lambda: [e[0] for e in events] == ["idle", "attract"], timeout=5000)
    (_, idle_at, idle_empty), (_, attract_at, _) = events
    assert idle_empty and attract_at - idle_at >= 0.45
    assert [(r["event"], r["digit"]) for r in records(private_user_dir)] == [("drawing", 7)]

    with qtbot.waitSignal(win.attract.digitShown, timeout=15_000) as drawn:
        qtbot.waitUntil(lambda: win.attract.pen_down and not win.view.canvas.is_empty(), timeout=5000)
    answers = [p for running, p in shown if running and p is not None]
    assert answers and answers[-1].digit == drawn.args[0]   # recognised live, and right
    assert len(win.view.canvas.strokes()) == win.attract.stroke_count >= 1   # stroke by stroke, as a hand draws
    assert len(records(private_user_dir)) == 1              # the attract loop's digits are not counted


def test_a_touch_stops_the_attract_loop_and_the_canvas_is_the_visitors(qtbot, make_kiosk, cnn):
    win = make_kiosk(idle_clear_seconds=60)
    ready(qtbot, win, cnn)
    win.start_attract()
    qtbot.waitUntil(lambda: win.attract.pen_down and not win.view.canvas.is_empty(), timeout=5000)   # mid-stroke
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(win.attractStopped, timeout=2000):
        QTest.touchEvent(win.view.canvas, device).press(0, QPoint(60, 60), win.view.canvas).commit()
    assert not win.attract.running
    QTest.touchEvent(win.view.canvas, device).move(0, QPoint(90, 200), win.view.canvas).commit()
    QTest.touchEvent(win.view.canvas, device).release(0, QPoint(90, 200), win.view.canvas).commit()
    assert len(win.view.canvas.strokes()) == 1                   # the attract ink is gone; the finger's stroke stays
    qtbot.wait(300)
    assert not win.attract.running and len(win.view.canvas.strokes()) == 1

    win.start_attract()                                     # a press anywhere else: a clean canvas
    qtbot.waitUntil(lambda: not win.view.canvas.is_empty(), timeout=5000)
    with qtbot.waitSignal(win.attractStopped, timeout=2000):
        QTest.mouseClick(win.view.bars, Qt.LeftButton)
    qtbot.waitUntil(lambda: win.view.canvas.is_empty() and win.view.digit_label.text() == "?", timeout=3000)


# ----- leaving ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("exit_keys, combination", [
    (None, (Qt.Key_Q, CTRL_ALT_SHIFT)),
    ("Ctrl+Shift+K", (Qt.Key_K, Qt.ControlModifier | Qt.ShiftModifier)),
])
def test_only_the_exit_combination_leaves_the_kiosk(qtbot, make_kiosk, exit_keys, combination):
    win = make_kiosk(**({} if exit_keys is None else {"exit_keys": exit_keys}))
    others = [(Qt.Key_Escape, Qt.NoModifier), (Qt.Key_F4, Qt.AltModifier), (Qt.Key_Q, Qt.ControlModifier),
              (Qt.Key_W, Qt.ControlModifier), (Qt.Key_F11, Qt.NoModifier),
              (Qt.Key_Q, Qt.ControlModifier | Qt.AltModifier), (Qt.Key_K, Qt.ControlModifier), (Qt.Key_Tab, Qt.AltModifier)]
    if exit_keys is not None:
        others.append((Qt.Key_Q, CTRL_ALT_SHIFT))   # the default no longer works once another is set
    reached = []
    probe = KeyProbe(reached)
    for widget in (win, win.view.canvas, win.view.clear_button):
        widget.installEventFilter(probe)
    for key, modifiers in others:
        for target in (win, win.view.canvas, win.view.clear_button):
            QTest.keyClick(target, key, modifiers)
    qtbot.wait(50)
    assert win.isVisible() and win.isFullScreen()
    assert reached == []                              # no key reaches any widget of the kiosk
    assert win.close() is False                       # a window manager's close (Alt+F4) is refused
    assert win.isVisible()
    win.showNormal()                                  # leaving full screen is undone
    qtbot.waitUntil(win.isFullScreen, timeout=2000)

    with qtbot.waitSignal(win.exited, timeout=2000):
        QTest.keyClick(win.view.canvas, *combination)
    assert not win.isVisible() and not win.recognizer.loading()


class KeyProbe(QObject):
    def __init__(self, seen):
        super().__init__()
        self.seen = seen

    def eventFilter(self, watched, event):
        if event.type() in (QEvent.KeyPress, QEvent.KeyRelease, QEvent.ShortcutOverride):
            self.seen.append((watched, event.type()))
        return False


def test_the_staff_pin_pad_opens_from_the_corner_and_only_the_right_pin_leaves(qtbot, make_kiosk):
    win = make_kiosk(exit_pin="2468")
    corner = QPoint(win.width() - 20, 20)

    def tap_corner(times):
        for _ in range(times):
            QTest.mouseClick(win, Qt.LeftButton, Qt.NoModifier, corner)

    def enter(pin):
        for digit in pin:
            win.view.pin_pad.buttons[digit].click()
        win.view.pin_pad.buttons["OK"].click()

    tap_corner(4)
    assert not win.view.pin_pad.isVisible()
    tap_corner(1)
    assert win.view.pin_pad.isVisible() and win.view.pin_pad.geometry() == win.rect()
    enter("1111")
    assert not win.view.pin_pad.isVisible() and win.isVisible()
    tap_corner(5)
    with qtbot.waitSignal(win.exited, timeout=2000):
        enter("2468")
    assert not win.isVisible()


def test_no_pin_pad_without_a_pin(make_kiosk):
    win = make_kiosk()
    for _ in range(6):
        QTest.mouseClick(win, Qt.LeftButton, Qt.NoModifier, QPoint(win.width() - 20, 20))
    assert not win.view.pin_pad.isVisible()


# ----- unattended reliability ------------------------------------------------------------------------
def test_an_engine_error_is_logged_and_recovers_to_a_clean_canvas(qtbot, make_kiosk, cnn, monkeypatch, caplog):
    win = make_kiosk(idle_clear_seconds=60)
    ready(qtbot, win, cnn)
    draw_and_wait(qtbot, win, 7)

    real = cnn.predictor.recognise

    def broken(image):   # like a failing network: a blank canvas never reaches it
        if image.max() == 0:
            return real(image)
        raise RuntimeError("injected engine failure")

    monkeypatch.setattr(cnn.predictor, "recognise", broken)
    with qtbot.waitSignal(win.recovered, timeout=10_000) as recovered:
        draw_strokes(win.view.canvas, [[(0.1, 0.9), (0.9, 0.9)]])
    assert "injected engine failure" in recovered.args[0]
    assert win.view.canvas.is_empty() and win.view.digit_label.text() == "?" and not win.feedback_visible()
    assert "recovering to a clean canvas" in caplog.text and "injected engine failure" in caplog.text

    monkeypatch.undo()                                # the booth goes on recognising
    draw_and_wait(qtbot, win, 3)


def test_an_uncaught_exception_anywhere_is_logged_and_recovers(qtbot, make_kiosk, cnn, caplog):
    win = make_kiosk(idle_clear_seconds=60)
    ready(qtbot, win, cnn)
    win.guard.install()
    try:
        failures = []

        def bad_slot(prediction):
            if prediction is not None and not failures:
                failures.append(prediction)
                raise RuntimeError("injected slot failure")

        win.predictionShown.connect(bad_slot)
        with qtbot.waitSignal(win.recovered, timeout=10_000) as recovered:
            draw_strokes(win.view.canvas, DIGIT_TEMPLATES[1][0])
        assert failures and "injected slot failure" in recovered.args[0]
        qtbot.waitUntil(win.view.canvas.is_empty, timeout=2000)
        assert "unexpected error: RuntimeError: injected slot failure" in caplog.text
        assert "Traceback" in caplog.text                 # the traceback is in the log, not on screen

        def bad_thread():
            raise ValueError("injected thread failure")

        with qtbot.waitSignal(win.recovered, timeout=10_000) as recovered:
            thread = threading.Thread(target=bad_thread, name="booth-test")
            thread.start()
            thread.join()
        assert "injected thread failure" in recovered.args[0]
    finally:
        win.guard.uninstall()


def test_a_model_that_fails_to_load_falls_back_to_another_shipped_model(qtbot, make_kiosk, monkeypatch, caplog):
    real = catalogue.load

    def flaky(ref, backend="auto"):
        if ref == "cnn":
            raise OSError("cnn.keras: injected read error")
        return real(ref, backend=backend)

    monkeypatch.setattr(catalogue, "load", flaky)   # load_with_fallback looks it up on each call
    caplog.set_level(logging.INFO, logger="digit_studio")
    win = make_kiosk(model="cnn")
    with qtbot.waitSignal(win.engineReady, timeout=ENGINE_TIMEOUT):
        win.start_engine()
    assert win.recognizer.model.ref == "course-mlp"
    assert "injected read error" in caplog.text and "using the shipped course-mlp instead" in caplog.text
    assert "kiosk: recognising with course-mlp (shipped)" in caplog.text   # which model, in the log
    draw_and_wait(qtbot, win, 7)


def test_when_no_model_loads_it_warms_up_and_retries(qtbot, make_kiosk, monkeypatch):
    real = catalogue.load
    broken = {"on": True}

    def maybe(ref, backend="auto"):
        if broken["on"]:
            raise OSError(f"{ref}: injected")
        return real(ref, backend=backend)

    monkeypatch.setattr(catalogue, "load", maybe)
    win = make_kiosk(model="course-mlp")
    win.start_engine()
    qtbot.waitUntil(win.retry_timer.isActive, timeout=ENGINE_TIMEOUT)
    assert win.recognizer.model is None and "Warming up" in win.view.caption_label.text()
    broken["on"] = False
    with qtbot.waitSignal(win.engineReady, timeout=ENGINE_TIMEOUT):
        win.retry_timer.start(10)
    assert win.recognizer.model.ref == "course-mlp" and "Warming up" not in win.view.caption_label.text()


# ----- statistics --------------------------------------------------------------------------------------
def test_statistics_are_on_disk_after_every_drawing_and_answer(qtbot, make_kiosk, cnn, private_user_dir):
    win = make_kiosk(idle_clear_seconds=60)
    ready(qtbot, win, cnn)
    with qtbot.waitSignal(win.feedbackAsked, timeout=10_000):
        draw_and_wait(qtbot, win, 7)
    assert win.view.yes_button.isVisible() and win.view.no_button.isVisible()
    QTest.mouseClick(win.view.yes_button, Qt.LeftButton)
    assert [(r["event"], r["right"], r["digit"]) for r in records(private_user_dir)] == [("feedback", True, 7)]
    assert not win.feedback_visible()                 # one answer per drawing
    QTest.mouseClick(win.view.clear_button, Qt.LeftButton)
    last = records(private_user_dir)[-1]
    assert last["event"] == "drawing" and last["digit"] == 7 and last["confidence"] > 0.5
    assert last["model"] == "cnn" and "time" in last

    with qtbot.waitSignal(win.feedbackAsked, timeout=10_000):
        draw_and_wait(qtbot, win, 3)
    QTest.mouseClick(win.view.no_button, Qt.LeftButton)
    QTest.mouseClick(win.view.clear_button, Qt.LeftButton)
    QTest.mouseClick(win.view.clear_button, Qt.LeftButton)  # an empty canvas is not a drawing
    assert [r["event"] for r in records(private_user_dir)] == ["feedback", "drawing", "feedback", "drawing"]
    assert win.view.summary_label.text() == "2 drawings today · 50% right"

    # what was written survives a restart, and a torn last line (power cut) harms nothing
    path = private_user_dir / "booth-stats.jsonl"
    with open(path, "ab") as stream:
        stream.write(b'{"time": "2025-01-01T10:0')
    again = BoothStats(path)
    assert (again.drawings, again.right, again.wrong) == (2, 1, 1)
    again.record_drawing(4, 0.9, "cnn")
    assert [r["event"] for r in again.records()] == ["feedback", "drawing", "feedback", "drawing", "drawing"]


def test_no_statistics_file_and_no_question_when_switched_off(qtbot, make_kiosk, cnn, private_user_dir):
    win = make_kiosk(idle_clear_seconds=60, statistics=False, ask_feedback=False)
    ready(qtbot, win, cnn)
    draw_and_wait(qtbot, win, 5)
    qtbot.wait(1200)
    assert not win.feedback_visible() and not win.view.summary_label.isVisible()
    win.clear_canvas()
    assert not (private_user_dir / "booth-stats.jsonl").exists()


def test_a_drawing_that_is_not_a_digit_gets_a_friendly_line_and_no_question(qtbot, make_kiosk, cnn,
                                                                             private_user_dir):
    from engine.calibration import Calibration
    from engine.numpy_predictor import NumpyPredictor
    from gui.drawing.answer_text import KIOSK_NOT_A_DIGIT

    # the shipped network, read so flatly (T = 20) that nothing reaches its 90 % threshold
    picky = NumpyPredictor(cnn.predictor.network, Calibration(temperature=20.0, refuse_below=0.9))
    win = make_kiosk(idle_clear_seconds=60)
    ready(qtbot, win, catalogue.wrap(picky, "picky", device="CPU"))
    shown = []
    win.predictionShown.connect(shown.append)
    draw_strokes(win.view.canvas, DIGIT_TEMPLATES[7][0])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] is not None, timeout=10_000)
    assert shown[-1].reason == "not a digit"
    assert win.view.caption_label.text() == KIOSK_NOT_A_DIGIT and win.view.digit_label.text() == "?"
    assert win.view.bars.isVisible()
    qtbot.wait(1500)                                    # past the feedback delay: no "Did I get it right?"
    assert not win.feedback_visible()
    win.clear_canvas()
    last = records(private_user_dir)[-1]
    assert last["event"] == "drawing" and last["digit"] is None


def test_the_crowd_view_lights_up_with_the_network(qtbot, make_kiosk, cnn):
    win = make_kiosk(idle_clear_seconds=60)
    ready(qtbot, win, cnn)
    draw_and_wait(qtbot, win, 2)
    win.view.crowd.settle()
    win.view.bars.settle()
    assert win.view.crowd.column_titles() == ["What it sees", "32 pattern detectors", "64 deeper patterns",
                                         "128 neurons", "Answer"]
    assert win.view.crowd.glow() > 0.5
    assert int(win.view.bars.heights().argmax()) == 2
    lit = bright_pixels(win.view.crowd)
    win.clear_canvas()
    qtbot.waitUntil(lambda: win.view.crowd.glow() < 0.01 and win.view.bars.heights().max() < 0.01, timeout=3000)
    dark = bright_pixels(win.view.crowd)
    assert lit > 0.02 * win.view.crowd.width() * win.view.crowd.height() and lit > 5 * max(dark, 1)


def bright_pixels(widget) -> int:
    """Pixels of the widget's rendering whose blue channel is over 200 (glowing ones, not the grey text)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return int((pixels[:, :image.width(), 0] > 200).sum())   # BGRA in memory


def test_crowd_columns_for_a_dense_network():
    mlp = catalogue.load("course-mlp")
    image = np.zeros((28, 28), np.float32)
    image[4:24, 12:16] = 1.0
    titles = [title for _, title, _ in crowd_columns(mlp.predictor.predict(image))]
    assert titles == ["What it sees", "25 neurons", "15 neurons", "Answer"]


# ----- collecting visitors' handwriting (collect_samples) ----------------------------------------------
def test_with_collect_samples_a_wrong_answer_asks_which_digit_and_keeps_the_drawing(qtbot, make_kiosk, cnn,
                                                                                    private_user_dir):
    from engine.samples import SampleStore

    win = make_kiosk(idle_clear_seconds=60, collect_samples=True)
    ready(qtbot, win, cnn)
    with qtbot.waitSignal(win.feedbackAsked, timeout=10_000):
        draw_and_wait(qtbot, win, 7)
    QTest.mouseClick(win.view.no_button, Qt.LeftButton)
    assert win.view.feedback.currentIndex() == 3 and win.view.which_label.isVisible()
    assert all(button.isVisible() for button in win.view.digit_buttons)
    QTest.mouseClick(win.view.digit_buttons[1], Qt.LeftButton)   # "it was a 1"
    assert win.view.feedback.currentIndex() == 2 and "learn" in win.view.thanks_label.text()
    with SampleStore() as store:
        [sample] = store.samples()
    assert (sample.label, sample.source, sample.predicted, sample.model) == (1, "kiosk", 7, "cnn (shipped)")
    assert sample.strokes and sample.image.shape == (28, 28) and sample.image.max() > 200
    assert (private_user_dir / "samples.db").exists()


def test_without_collect_samples_nothing_is_kept(qtbot, make_kiosk, cnn, private_user_dir):
    win = make_kiosk(idle_clear_seconds=60)
    ready(qtbot, win, cnn)
    with qtbot.waitSignal(win.feedbackAsked, timeout=10_000):
        draw_and_wait(qtbot, win, 7)
    QTest.mouseClick(win.view.no_button, Qt.LeftButton)
    assert win.view.feedback.currentIndex() == 2 and win.view.thanks_label.text() == "Thanks — counted!"
    win.keep_sample(1)
    assert not (private_user_dir / "samples.db").exists()


def test_the_attract_loop_shows_hands_the_network_reads_right(qtbot, make_kiosk, cnn):
    win = make_kiosk(idle_clear_seconds=60)
    ready(qtbot, win, cnn)
    calls = []

    def picky(strokes):   # reads the third hand it is shown right
        calls.append(strokes)
        return 1 if len(calls) == 3 else 7

    win.attract.reader = picky
    assert win.attract._example(1) is calls[2] and len(calls) == 3
    calls.clear()
    win.attract.reader = lambda strokes: calls.append(strokes) or 7     # never right: TRIES, then draws anyway
    win.attract._example(1)
    assert len(calls) == win.attract.TRIES

    def broken(strokes):
        raise RuntimeError("model being swapped")

    win.attract.reader = broken
    assert win.attract._example(4)                                       # draws anyway
    win.attract.reader = win._read_example                               # the kiosk's own: the real network
    assert all(win._read_example(win.attract._example(d)) == d for d in range(10))

"""The kiosk in number mode: the booth config's ``mode``, the 0–9 | 123 switch (reset on idle), a
written number shown in huge type with a box per digit, the bars following the tapped digit, the
statistics recording the number, the attract loop writing numbers, Turkish, and the layout at the
booth's screen sizes."""
import dataclasses
import logging

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QFontMetricsF, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.booth import BoothConfig, BoothStats, parse_booth_config
from engine.calibration import NOT_A_DIGIT
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.numbers import DigitReading, NumberReading
from gui import i18n
from gui.kiosk.attract import number_strokes
from gui.kiosk.widgets import CORNER_PX
from gui.kiosk.window import KioskWindow
from tests.gui.kiosk.test_kiosk import ready, records


# ----- helpers -------------------------------------------------------------------------------------
def _send(widget, kind, pos: QPointF, button, buttons) -> None:
    QApplication.sendEvent(widget, QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos.toPoint())), button,
                                               buttons, Qt.NoModifier))


def write_number(win: KioskWindow, number: str) -> None:
    """Write ``number`` across the canvas, digit after digit, with real mouse events."""
    canvas = win.view.canvas
    strokes = number_strokes([DIGIT_TEMPLATES[int(c)][0] for c in number], canvas.width() / canvas.height())
    for stroke in strokes:
        points = [QPointF(x * canvas.width(), y * canvas.height()) for x, y in stroke]
        _send(canvas, QEvent.MouseButtonPress, points[0], Qt.LeftButton, Qt.LeftButton)
        for a, b in zip(points, points[1:]):
            for t in (0.5, 1.0):
                _send(canvas, QEvent.MouseMove, a + (b - a) * t, Qt.NoButton, Qt.LeftButton)
        _send(canvas, QEvent.MouseButtonRelease, points[-1], Qt.LeftButton, Qt.NoButton)


def write_and_wait(qtbot, win: KioskWindow, number: str) -> None:
    write_number(win, number)
    qtbot.waitUntil(lambda: win.view.number_view.text() == number, timeout=10_000)


def tap(qtbot, button) -> None:
    QTest.mouseClick(button, Qt.LeftButton)
    qtbot.wait(20)


def rect(win, widget) -> QRect:
    return QRect(widget.mapTo(win, QPoint(0, 0)), widget.size())


def fits(label) -> bool:
    if label.wordWrap():
        return label.heightForWidth(label.width()) <= label.height() + 1
    return QFontMetricsF(label.font()).horizontalAdvance(label.text()) <= label.contentsRect().width() + 1


# ----- the booth config ----------------------------------------------------------------------------
def test_the_mode_key_is_read_and_checked(caplog):
    assert BoothConfig().mode == "digit"
    assert parse_booth_config({"mode": "number"}).mode == "number"
    assert parse_booth_config({"mode": " Number "}).mode == "number"
    assert parse_booth_config({"mode": "digit"}).mode == "digit"
    for bad in ("numbers", "", 3, True, ["number"]):
        caplog.clear()
        assert parse_booth_config({"mode": bad}).mode == "digit"
        assert any("mode" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records), bad


def test_statistics_record_the_number_and_old_records_stay_readable(tmp_path):
    path = tmp_path / "booth-stats.jsonl"
    path.write_text('{"time": "2020-01-01T10:00:00+00:00", "event": "drawing", "digit": 7, "confidence": 0.9, '
                    '"model": "cnn"}\n')
    stats = BoothStats(path)
    stats.record_drawing(3, 0.97, "cnn")
    stats.record_drawing(None, 0.88, "cnn", number_mode=True, number="2026")
    stats.record_drawing(None, 0.1, "cnn", number_mode=True, number=None)
    stats.record_feedback(True, None, number_mode=True, number="2026")
    rows = stats.records()
    assert "number" not in rows[0] and "number" not in rows[1]          # old records and digit mode: as before
    assert rows[2]["number"] == "2026" and rows[2]["digit"] is None and rows[2]["confidence"] == 0.88
    assert rows[3]["number"] is None and "number" in rows[3]
    assert rows[4] == {**rows[4], "event": "feedback", "right": True, "number": "2026"}
    assert BoothStats(path).today() == (3, 100)


# ----- the mode switch -----------------------------------------------------------------------------
def test_the_booth_starts_in_its_mode_and_the_switch_changes_it(qtbot, make_kiosk):
    win = make_kiosk(mode="number")
    win._set_warming(False)   # no model needed here
    view = win.view
    assert win.mode == win.home_mode == "number" and win.recognizer.number_mode
    assert view.modes.active() == "number" and [b.text() for b in view.modes.buttons.values()] == ["0–9", "123"]
    qtbot.wait(50)
    assert view.canvas.width() > 2.3 * view.canvas.height()                  # a wide sheet
    assert view.number_view.isVisible() and not view.digit_label.isVisible()
    assert view.headline_label.text() == "Write a number. Watch a neural network read it."
    assert view.caption_label.text() == "Write a number"
    assert view.stage.banner.text() == "Touch the screen to write your own number"

    tap(qtbot, view.modes.buttons["digit"])
    qtbot.wait(50)
    assert win.mode == "digit" and not win.recognizer.number_mode and view.modes.active() == "digit"
    assert view.canvas.width() == view.canvas.height()
    assert view.digit_label.isVisible() and not view.number_view.isVisible()
    assert view.headline_label.text() == "Draw a digit. Watch a neural network read it."
    assert view.caption_label.text() == "Draw a digit"
    assert view.stage.banner.text() == "Touch the screen to draw your own digit"
    assert win.home_mode == "number"

    tap(qtbot, view.modes.buttons["number"])
    assert win.mode == "number" and view.modes.active() == "number"
    # touch-sized, in the top-left corner beside TR | EN, clear of the headline and the PIN corner
    toggle = rect(win, view.modes)
    assert all(b.height() >= 56 and b.width() >= 76 for b in view.modes.buttons.values())
    assert toggle.top() < 0.05 * win.height() and toggle.left() < 0.3 * win.width()
    assert not toggle.intersects(rect(win, view.languages))
    assert not toggle.intersects(QRect(win.width() - CORNER_PX, 0, CORNER_PX, CORNER_PX))
    for part in (view.headline_label, view.brand_label, view.summary_label):
        assert not toggle.intersects(rect(win, part)), part


def test_the_idle_reset_returns_to_the_booths_mode_and_language(qtbot, make_kiosk, cnn, private_user_dir):
    win = make_kiosk(idle_clear_seconds=0.3, attract_after_seconds=600, language="en")
    ready(qtbot, win, cnn)
    assert win.mode == "digit"
    tap(qtbot, win.view.modes.buttons["number"])
    tap(qtbot, win.view.languages.buttons["tr"])
    assert win.mode == "number" and i18n.current() == "tr"
    write_and_wait(qtbot, win, "42")
    with qtbot.waitSignal(win.idleCleared, timeout=5000):
        pass
    assert win.mode == "digit" and win.view.modes.active() == "digit" and i18n.current() == "en"
    assert win.view.canvas.is_empty() and win.view.canvas.width() == win.view.canvas.height()
    drawing = [r for r in records(private_user_dir) if r["event"] == "drawing"]
    assert drawing and drawing[-1]["number"] == "42"                       # counted before it left


def test_a_booth_in_number_mode_returns_to_it(qtbot, make_kiosk):
    win = make_kiosk(mode="number", idle_clear_seconds=0.2, attract_after_seconds=600)
    tap(qtbot, win.view.modes.buttons["digit"])
    assert win.mode == "digit"
    with qtbot.waitSignal(win.idleCleared, timeout=5000):
        pass
    assert win.mode == "number" and win.view.modes.active() == "number"


# ----- a written number ----------------------------------------------------------------------------
def test_a_written_number_shows_in_huge_type_with_a_box_per_digit(qtbot, make_kiosk, cnn, private_user_dir):
    win = make_kiosk(mode="number", idle_clear_seconds=60, collect_samples=True)
    ready(qtbot, win, cnn)
    view, canvas = win.view, win.view.canvas
    with qtbot.waitSignal(win.feedbackAsked, timeout=10_000):
        write_and_wait(qtbot, win, "205")
    # a box over each digit on the canvas, none marked, the last one selected
    boxes = canvas.box_rects()
    assert len(boxes) == 3 and canvas.marked_boxes() == [False] * 3 and canvas.selected_box() == 2
    assert [b.x() for b in boxes] == sorted(b.x() for b in boxes)
    assert all(canvas.rect().contains(b.toRect()) for b in boxes)
    assert view.number_view.selected() == 2
    assert view.caption_label.text().startswith("3 digits · least sure ")
    assert "Tap a digit to see its bars" in view.caption_label.text()
    view.bars.settle()
    assert int(np.argmax(view.bars.heights())) == 5                           # the bars: the last digit
    # a tap on the 0 (in the big number) puts its probabilities in the bars and selects its box
    with qtbot.waitSignal(win.predictionShown, timeout=2000):
        QTest.mouseClick(view.number_view, Qt.LeftButton, pos=view.number_view.slot_rect(1).center().toPoint())
    view.bars.settle()
    assert int(np.argmax(view.bars.heights())) == 0
    assert canvas.selected_box() == 1 and view.number_view.selected() == 1
    # "Did I get it right?" asks about the number; ✗ does not ask "Which digit was it?"
    assert win.feedback_visible()
    tap(qtbot, view.no_button)
    assert view.feedback.currentIndex() == 2 and view.thanks_label.text() == "Thanks — counted!"
    win.clear_canvas()
    rows = records(private_user_dir)
    assert rows[-2] == {**rows[-2], "event": "feedback", "right": False, "number": "205"}
    assert rows[-1] == {**rows[-1], "event": "drawing", "digit": None, "number": "205"}
    assert canvas.box_rects() == [] and view.number_view.text() == "?"


def test_a_single_digit_in_number_mode_reads_as_in_digit_mode(qtbot, make_kiosk, cnn):
    win = make_kiosk(mode="number")
    ready(qtbot, win, cnn)
    write_and_wait(qtbot, win, "7")
    prediction = win._shown
    assert prediction is not None and prediction.digit == 7
    assert win.view.caption_label.text().endswith("% sure")                # as in digit mode, no count
    assert len(win.view.canvas.box_rects()) == 1


def test_a_group_that_is_not_a_digit_is_marked_and_not_asked_about(qtbot, make_kiosk, cnn):
    win = make_kiosk(mode="number")
    ready(qtbot, win, cnn)
    predictor = cnn.predictor
    seven = predictor.recognise(render_strokes(DIGIT_TEMPLATES[7][0], size=(200, 200), pen_width=14))
    refused = dataclasses.replace(seven, reason=NOT_A_DIGIT)
    reading = NumberReading((DigitReading((10, 10, 60, 90), seven), DigitReading((90, 10, 60, 90), refused)),
                            NOT_A_DIGIT)
    win._on_number(reading)
    assert win.view.number_view.text() == "7?"
    assert win.view.caption_label.text() == ("Hmm, the orange one doesn't look like a digit. "
                                             "Write digits from 0\u00a0to\u00a09!")
    assert win.view.canvas.marked_boxes() == [False, True]
    win._ask_feedback()
    assert not win.feedback_visible()


# ----- the attract loop ----------------------------------------------------------------------------
def test_number_strokes_fit_the_wide_canvas_left_to_right():
    strokes = number_strokes([DIGIT_TEMPLATES[int(c)][0] for c in "2026"], 2.6)
    points = np.vstack([np.asarray(s) for s in strokes])
    assert points.min() >= 0.0 and points[:, 0].max() <= 1.0 and points[:, 1].max() <= 1.0
    count = [len(DIGIT_TEMPLATES[int(c)][0]) for c in "2026"]
    starts = np.cumsum([0] + count[:-1])
    lefts = [min(min(x for x, _ in strokes[i + k]) for k in range(n)) for i, n in zip(starts, count)]
    assert lefts == sorted(lefts)
    long = number_strokes([DIGIT_TEMPLATES[int(c)][0] for c in "12345678"], 2.6)   # shrunk to fit
    xs = np.vstack([np.asarray(s) for s in long])[:, 0]
    assert xs.min() >= 0.04 and xs.max() <= 0.96


def test_the_attract_loop_writes_numbers_in_number_mode(qtbot, make_kiosk, cnn, caplog):
    caplog.set_level(logging.INFO, logger="digit_studio")
    win = make_kiosk(mode="number", idle_clear_seconds=0.1, attract_after_seconds=0.1, attract_pause_seconds=0.3)
    win.attract._rng = np.random.default_rng(3)
    ready(qtbot, win, cnn)
    with qtbot.waitSignal(win.attract.numberShown, timeout=30_000) as shown:
        pass
    number = shown.args[0]
    assert number.isdigit() and 2 <= len(number) <= 4
    qtbot.waitUntil(lambda: win.view.number_view.text() == number, timeout=5000)   # the finished number, read
    assert any(r.getMessage().startswith(f"attract: wrote {number}, the network read") for r in caplog.records)
    assert not win.feedback_visible()
    QTest.mouseClick(win.view.canvas, Qt.LeftButton, pos=QPoint(5, 5))    # a visitor: the loop stops
    assert not win.attract.running and win.mode == "number"


# ----- Turkish and the layout ----------------------------------------------------------------------
def test_number_mode_speaks_turkish(qtbot, make_kiosk, cnn):
    i18n.set_language("tr")
    win = make_kiosk(mode="number", language="tr")
    win._set_warming(False)
    view = win.view
    qtbot.wait(50)
    assert view.headline_label.text() == "Bir sayı yaz. Bir sinir ağının onu okuyuşunu izle."
    assert view.caption_label.text() == "Bir sayı yaz"
    assert view.modes.buttons["digit"].accessibleName() == "Tek rakam"
    assert view.modes.buttons["number"].accessibleName() == "Bir sayı"
    assert view.stage.banner.text() == "Kendi sayını yazmak için ekrana dokun"
    ready(qtbot, win, cnn)
    write_and_wait(qtbot, win, "1923")
    caption = view.caption_label.text()
    assert caption.startswith("4 rakam · en az %") and "%" in caption and "dokun" in caption
    i18n.set_language("en")
    qtbot.wait(50)
    assert view.caption_label.text().startswith("4 digits · least sure ")   # the number on show, re-worded


@pytest.mark.parametrize("language", ["en", "tr"])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_number_mode_fits_booth_screens(qtbot, make_kiosk, cnn, size, language):
    i18n.set_language(language)
    win = make_kiosk(show=False, mode="number", exit_pin="2468", language=language)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    view = win.view
    w, h = size
    predictor = cnn.predictor
    predictions = [predictor.recognise(render_strokes(DIGIT_TEMPLATES[d][0], size=(200, 200), pen_width=14))
                   for d in (2, 0, 2, 6, 1, 9)]
    unsure = dataclasses.replace(predictions[3], probabilities=np.full(10, 0.1, np.float32))
    refused = dataclasses.replace(predictions[1], reason=NOT_A_DIGIT)
    readings = [None,
                NumberReading(tuple(DigitReading((40 * i, 5, 30, 60), p) for i, p in enumerate(predictions))),
                NumberReading(tuple(DigitReading((40 * i, 5, 30, 60), p)
                                    for i, p in enumerate([*predictions[:2], unsure, *predictions[3:]]))),
                NumberReading(tuple(DigitReading((40 * i, 5, 30, 60), p)
                                    for i, p in enumerate([predictions[0], refused, refused])), NOT_A_DIGIT)]
    view.feedback.setCurrentIndex(1)
    for reading in readings:
        win._on_number(reading)
        win._on_prediction(None if reading is None else reading.digits[-1].prediction)
        qtbot.wait(20)
        assert fits(view.caption_label), view.caption_label.text()
        assert view.number_view.type_pixels() >= 0.07 * h                  # six digits still big
        parts = [view.stage, view.clear_button, view.number_view, view.caption_label, view.feedback, view.bars,
                 view.crowd]
        for i, a in enumerate(parts):
            assert win.rect().contains(rect(win, a)), a
            for b in parts[i + 1:]:
                assert not rect(win, a).intersects(rect(win, b)), (a, b, rect(win, a), rect(win, b))
    assert view.canvas.width() > 2.3 * view.canvas.height() and view.canvas.height() >= 0.26 * h
    assert view.clear_button.height() >= 120 and view.crowd.height() >= 0.2 * h and view.bars.height() >= 0.15 * h
    assert min(view.yes_button.height(), view.no_button.height()) >= 96
    for button in (view.yes_button, view.no_button, view.clear_button):
        assert QFontMetricsF(button.font()).horizontalAdvance(button.text()) <= button.width() - 8
    assert fits(view.headline_label) and rect(win, view.headline_label).right() < rect(win, view.summary_label).left()
    assert not rect(win, view.modes).intersects(rect(win, view.headline_label))
    assert not rect(win, view.modes).intersects(QRect(w - CORNER_PX, 0, CORNER_PX, CORNER_PX))

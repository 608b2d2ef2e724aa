"""Number mode in the main window, offscreen, with the shipped model: View ▸ Number Mode remembered,
a written number read live with a box per digit, hover and tap choosing the digit the bars and the
visualizer follow, one digit reading as in digit mode, and digit mode back exactly as it was."""
from __future__ import annotations

import logging

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtTest import QTest

from engine.drawn_digits import DIGIT_TEMPLATES
from gui import i18n
from gui.drawing.answer_text import PLACEHOLDER, describe
from gui.main_window import NUMBER_ASPECT, MainWindow
from tests.gui.drawing.test_number_mode import reading as fake_reading
from tests.gui.strokes import _send

L = Qt.MouseButton.LeftButton


@pytest.fixture
def window(make_window):
    return make_window(1180, 780)


def write(canvas, text: str, fill: float = 0.5) -> None:
    """Write ``text``'s digits side by side on the (wide) canvas from DIGIT_TEMPLATES, each in a
    ``fill``-high square cell, in the canvas's unit coordinates."""
    aspect = canvas.width() / canvas.height()
    side = fill / aspect                      # a square cell's width, as a share of the canvas width
    for i, ch in enumerate(text):
        centre = 0.1 + 0.8 * (i + 0.5) / len(text)
        for stroke in DIGIT_TEMPLATES[int(ch)][0]:
            canvas.add_stroke_points([(centre - side / 2 + x * side, (1 - fill) / 2 + y * fill) for x, y in stroke])


def number_on(qtbot, window) -> None:
    window.number_action.trigger()
    qtbot.waitUntil(lambda: window.canvas.width() > 2 * window.canvas.height(), timeout=5000)


def wait_number(qtbot, window, shown: list, digits: int):
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] is not None and len(shown[-1].digits) == digits, timeout=15_000)
    return shown[-1]


def test_number_mode_is_a_remembered_view_option(qtbot, window):
    assert not window.number_action.isChecked() and window.canvas.aspect == 1.0
    assert window.number_action.shortcut().toString() == "Ctrl+Shift+N"
    assert window.number_action in window.view_menu.actions()
    number_on(qtbot, window)
    assert QSettings().value("view/number_mode", type=bool) is True
    assert window.recognizer.number_mode and window.canvas.aspect == NUMBER_ASPECT
    assert window.canvas.hint_text() == "Write a number"
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.number_action.isChecked() and again.recognizer.number_mode and again.canvas.aspect == NUMBER_ASPECT
    again.number_action.trigger()
    assert QSettings().value("view/number_mode", type=bool) is False and not again.recognizer.number_mode


def test_switching_clears_the_canvas_and_says_so(qtbot, window):
    write(window.canvas, "7", fill=0.6)
    number_on(qtbot, window)
    assert window.canvas.is_empty() and not window.canvas.can_undo()   # no stretched strokes come back
    assert window.statusBar().currentMessage() == \
        "Number mode: write several digits left to right. The canvas was cleared."


def test_a_written_number_is_read_with_a_box_per_digit(qtbot, window, caplog):
    caplog.set_level(logging.INFO, logger="digit_studio")
    number_on(qtbot, window)
    numbers, predictions = [], []
    window.recognizer.numberShown.connect(numbers.append)
    window.predictionShown.connect(predictions.append)
    write(window.canvas, "305")
    reading = wait_number(qtbot, window, numbers, 3)
    qtbot.waitUntil(lambda: any(r.getMessage() == "number=305 digits=3" for r in caplog.records), timeout=10_000)
    assert reading.number == "305"
    assert window.panel.digit_label.text() == "305"
    assert window.panel.caption_label.text().startswith("3\u00a0digits · least\u00a0sure:")
    rects = window.canvas.box_rects()
    assert len(rects) == 3 and window.canvas.selected_box() == 2
    assert [r.center().x() for r in rects] == sorted(r.center().x() for r in rects)
    assert window.canvas.marked_boxes() == [False, False, False]
    # the boxes sit on the ink: ink_image pixels are the canvas's own
    ink = window.canvas.ink_image()
    assert ink.shape == (window.canvas.height(), window.canvas.width())
    for r in rects:
        x, y, w, h = (int(v) for v in r.getRect())
        assert ink[y:y + h, x:x + w].max() == 255
    # the last digit is the one followed by default
    assert predictions[-1] is reading.digits[2].prediction and predictions[-1].digit == 5
    np.testing.assert_allclose(window.panel.bars.bar_heights(), reading.digits[2].prediction.probabilities, atol=1e-6)
    assert window.network._prediction is reading.digits[2].prediction


def test_pointing_at_or_tapping_a_box_shows_that_digit(qtbot, window):
    number_on(qtbot, window)
    numbers, predictions = [], []
    window.recognizer.numberShown.connect(numbers.append)
    window.predictionShown.connect(predictions.append)
    write(window.canvas, "305")
    reading = wait_number(qtbot, window, numbers, 3)
    first, middle = window.canvas.box_rects()[0], window.canvas.box_rects()[1]
    QTest.mouseMove(window.canvas, first.center().toPoint())            # hover: no button
    qtbot.waitUntil(lambda: window.recognizer.selected_digit == 0, timeout=5000)
    assert predictions[-1] is reading.digits[0].prediction and predictions[-1].digit == 3
    assert window.canvas.selected_box() == 0 and window.panel.selected_digit() == 0
    np.testing.assert_allclose(window.panel.bars.bar_heights(), reading.digits[0].prediction.probabilities, atol=1e-6)
    np.testing.assert_array_equal(window.panel.preview.image(), reading.digits[0].prediction.image)
    assert window.network._prediction is reading.digits[0].prediction
    assert window.panel.digit_label.text() == "305"                     # the number stays
    assert window.panel.status_label.text() == "Digit 1 of 3 · point at a box to see another"
    # a tap: press and release without moving; it draws nothing
    strokes = len(window.canvas.strokes())
    at = middle.center()
    _send(window.canvas, QEvent.MouseButtonPress, at, L, L)
    _send(window.canvas, QEvent.MouseButtonRelease, at, L, Qt.NoButton)
    assert window.recognizer.selected_digit == 1 and predictions[-1] is reading.digits[1].prediction
    assert window.canvas.selected_box() == 1 and len(window.canvas.strokes()) == strokes
    # a new stroke: the last digit again
    write_at = [(0.93, 0.3), (0.93, 0.7)]
    window.canvas.add_stroke_points(write_at)
    qtbot.waitUntil(lambda: numbers[-1] is not reading and numbers[-1] is not None, timeout=10_000)
    assert window.recognizer.selected_digit == len(numbers[-1].digits) - 1


def test_one_digit_in_number_mode_reads_as_in_digit_mode(qtbot, window):
    shown = []
    window.predictionShown.connect(shown.append)
    number_on(qtbot, window)
    numbers = []
    window.recognizer.numberShown.connect(numbers.append)
    write(window.canvas, "4", fill=0.6)
    # the 4's first stroke alone may be answered first (a busy machine): wait for the whole digit
    qtbot.waitUntil(lambda: bool(numbers) and numbers[-1] is not None and numbers[-1].number == "4", timeout=15_000)
    reading = wait_number(qtbot, window, numbers, 1)
    prediction = reading.digits[0].prediction
    digit_mode = window.predictor.recognise(window.canvas.ink_image())   # what digit mode makes of this ink
    assert prediction.digit == digit_mode.digit == 4
    np.testing.assert_array_equal(prediction.probabilities, digit_mode.probabilities)
    np.testing.assert_array_equal(prediction.image, digit_mode.image)
    assert (window.panel.digit_label.text(), window.panel.caption_label.text()) == describe(digit_mode)
    assert shown[-1] is prediction and len(window.canvas.box_rects()) == 1


def test_turning_number_mode_off_gives_digit_mode_back_exactly(qtbot, window, caplog):
    caplog.set_level(logging.INFO, logger="digit_studio")
    before = (window.canvas.geometry(), window.canvas.hint_text(), window.panel.caption_label.text(),
              window.panel.bars.clickable, window.keep_menu.menuAction().isEnabled(), window.canvas.hasMouseTracking())
    number_on(qtbot, window)
    assert not window.keep_menu.menuAction().isEnabled() and not window.panel.bars.clickable
    assert not any(act.isEnabled() for act in window.keep_actions)
    assert "Number Mode off" in window.keep_menu.menuAction().statusTip()
    numbers = []
    window.recognizer.numberShown.connect(numbers.append)
    write(window.canvas, "27")
    wait_number(qtbot, window, numbers, 2)
    window.number_action.trigger()
    qtbot.waitUntil(lambda: window.canvas.geometry() == before[0], timeout=5000)
    after = (window.canvas.geometry(), window.canvas.hint_text(), window.panel.caption_label.text(),
             window.panel.bars.clickable, window.keep_menu.menuAction().isEnabled(), window.canvas.hasMouseTracking())
    assert after == before
    assert window.canvas.box_rects() == [] and window.keep_menu.menuAction().statusTip() == ""
    assert window.statusBar().currentMessage() == "Digit mode: draw one digit. The canvas was cleared."
    count, caplog_start = len(numbers), len(caplog.records)
    shown = []
    window.predictionShown.connect(shown.append)
    for stroke in DIGIT_TEMPLATES[7][0]:
        window.canvas.add_stroke_points([(0.2 + 0.6 * x, 0.2 + 0.6 * y) for x, y in stroke])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] is not None and shown[-1].digit == 7, timeout=10_000)
    qtbot.wait(100)
    assert len(numbers) == count                                      # no number signals in digit mode
    assert not any(r.getMessage().startswith("number=") for r in caplog.records[caplog_start:])
    assert window.panel.digit_label.text() == "7" and window.panel.status_label.text() != ""


def test_keeping_a_drawing_is_off_in_number_mode(qtbot, window):
    number_on(qtbot, window)
    write(window.canvas, "3", fill=0.6)
    qtbot.waitUntil(lambda: window.panel.prediction() is not None, timeout=10_000)
    window.keep_drawing(3)
    assert "Number Mode off" in window.statusBar().currentMessage()
    assert sum(window.handwriting.counts().values()) == 0


def test_the_canvas_keeps_its_place_when_a_number_appears(qtbot):
    """As in digit mode: at the default size and the small one, the answer never moves the canvas."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.set_number_mode(True)
    for size in ((1180, 780), (1000, 650)):
        win.resize(*size)
        qtbot.wait(50)
        assert win.minimumSizeHint().width() <= 1000 and win.minimumSizeHint().height() <= 650
        place = win.canvas.geometry(), win.canvas.mapTo(win, QPoint(0, 0))
        assert win.canvas.width() >= 2.5 * win.canvas.height() >= 2.5 * 200
        for number in (fake_reading((2, 0.99), (0, 0.97), (2, 0.87), (6, 0.95)), fake_reading((1, 0.4), None),
                       fake_reading(*[(d, 0.99) for d in range(8)]), None):
            win.panel.show_number(number)
            qtbot.wait(20)
            assert (win.canvas.geometry(), win.canvas.mapTo(win, QPoint(0, 0))) == place, number
    win.close()


def test_number_mode_in_turkish(qtbot, window):
    assert i18n.set_language(i18n.TURKISH)
    qtbot.wait(50)
    assert window.number_action.text() == "&Sayı modu"
    number_on(qtbot, window)
    assert window.statusBar().currentMessage() == "Sayı modu: soldan sağa birkaç rakam yaz."
    assert window.canvas.hint_text() == "Bir sayı yaz" and window.panel.caption_label.text() == "Bir sayı yaz"
    assert window.keep_menu.menuAction().statusTip().startswith("Saklanan bir çizim tek bir rakamdır")
    numbers = []
    window.recognizer.numberShown.connect(numbers.append)
    write(window.canvas, "305")
    wait_number(qtbot, window, numbers, 3)
    assert window.panel.caption_label.text().startswith("3\u00a0rakam · en\u00a0az\u00a0emin:")
    assert window.panel.status_label.text() == "3 rakamın 3. · başkası için bir kutunun üstüne gel"
    assert i18n.set_language(i18n.ENGLISH)
    qtbot.wait(50)
    assert window.panel.status_label.text() == "Digit 3 of 3 · point at a box to see another"
    assert window.panel.digit_label.text() == "305" != PLACEHOLDER

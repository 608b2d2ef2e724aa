"""Number mode's pieces without the engine: the wide canvas (aspect, pen, hint), the digits' boxes
over the ink with hover and tap choosing one, and the answer panel showing a whole number."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest

from engine.calibration import NOT_A_DIGIT
from engine.numbers import DigitReading, NumberReading
from gui import i18n
from gui.drawing.canvas import DrawingCanvas
from gui.drawing.prediction_panel import PLACEHOLDER, PredictionPanel, describe, describe_number
from tests.gui.drawing.test_prediction_panel import make_prediction

ASPECT = 2.6
L = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def wide(qtbot):
    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.set_aspect(ASPECT)
    canvas.resize(520, 200)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


@pytest.fixture
def panel(shown_as_child) -> PredictionPanel:
    return shown_as_child(PredictionPanel, 420, 460)


def reading(*digits: tuple[int, float] | None) -> NumberReading:
    """A NumberReading of (digit, confidence) pairs left to right; None for a group that is not a digit."""
    out = []
    for i, d in enumerate(digits):
        box = (20 + 60 * i, 30, 40, 100)
        if d is None:
            out.append(DigitReading(box, make_prediction({3: 0.3}, reason=NOT_A_DIGIT)))
        else:
            out.append(DigitReading(box, make_prediction({d[0]: d[1]})))
    return NumberReading(tuple(out), None if all(d is not None for d in digits) else NOT_A_DIGIT)


# ----- the canvas ------------------------------------------------------------------------------
def test_a_square_canvas_stays_square_and_a_wide_one_asks_for_its_shape(qtbot, wide):
    square = DrawingCanvas()
    qtbot.addWidget(square)
    assert square.aspect == 1.0 and square.heightForWidth(333) == 333 and square.sizeHint().toTuple() == (440, 440)
    assert wide.heightForWidth(520) == 200 and wide.sizeHint().width() > 2 * wide.sizeHint().height()
    assert wide.ink_image().shape == (200, 520)   # the ink image follows the widget
    wide.set_aspect(1.0)
    assert wide.heightForWidth(333) == 333 and wide.sizeHint().toTuple() == (440, 440)
    with pytest.raises(ValueError):
        wide.set_aspect(0)


def test_the_pen_on_a_wide_canvas_follows_its_height(qtbot, wide):
    """The same brush writes as thick a line on a 520×200 canvas as on a 200×200 one."""
    square = DrawingCanvas()
    qtbot.addWidget(square)
    square.resize(200, 200)
    square.show()
    qtbot.waitExposed(square)
    for canvas in (square, wide):
        canvas.add_stroke_points([(0.2, 0.5), (0.8, 0.5)])
    thick = [c.ink_image()[:, c.width() // 2].sum() / 255 for c in (square, wide)]   # ink across the line
    assert thick[1] == pytest.approx(thick[0], abs=1.0) and thick[0] > 10


def test_the_wide_canvas_asks_for_a_number(qtbot, wide):
    assert wide.hint_text() == "Draw a digit here"
    wide.set_hint_kind("number")
    assert wide.hint_text() == "Write a number"
    assert i18n.set_language(i18n.TURKISH)
    qtbot.wait(50)
    assert wide.hint_text() == "Bir sayı yaz"
    wide.set_hint_kind("digit")
    assert wide.hint_text() == "Buraya bir rakam çiz"


def test_boxes_are_drawn_where_the_ink_is_and_follow_a_resize(qtbot, wide):
    wide.set_boxes([(52, 40, 60, 120), (200, 40, 50, 120)], [False, True], selected=1)
    assert [r.getRect() for r in wide.box_rects()] == [(52, 40, 60, 120), (200, 40, 50, 120)]
    assert wide.marked_boxes() == [False, True] and wide.selected_box() == 1
    assert wide.hasMouseTracking()
    wide.resize(1040, 400)
    qtbot.wait(20)
    assert [r.getRect() for r in wide.box_rects()] == [(104, 80, 120, 240), (400, 80, 100, 240)]
    image = wide.grab().toImage()
    edge = image.pixelColor(400 - 6, 200)                  # the marked box's left edge (6 px padding)
    paper = image.pixelColor(300, 20)
    assert edge != paper
    wide.set_boxes([])
    assert wide.box_rects() == [] and wide.selected_box() is None and not wide.hasMouseTracking()


def test_pointing_at_a_box_chooses_it(qtbot, wide):
    wide.set_boxes([(40, 40, 60, 120), (200, 40, 60, 120)], [False, False], selected=1)
    chosen = []
    wide.boxChosen.connect(chosen.append)
    QTest.mouseMove(wide, QPoint(70, 100))
    QTest.mouseMove(wide, QPoint(75, 10))         # the same column, above the box: still the first
    QTest.mouseMove(wide, QPoint(150, 100))       # between the boxes: nothing
    QTest.mouseMove(wide, QPoint(230, 100))
    assert chosen == [0, 1]
    assert wide.is_empty()                        # hovering draws nothing


def test_a_tap_on_a_box_chooses_it_and_draws_nothing(qtbot, wide):
    wide.set_boxes([(40, 40, 60, 120), (200, 40, 60, 120)], [False, False], selected=1)
    chosen = []
    wide.boxChosen.connect(chosen.append)
    QTest.mousePress(wide, L, NO_MOD, QPoint(60, 100))
    QTest.mouseRelease(wide, L, NO_MOD, QPoint(61, 100))
    assert chosen == [0]
    assert wide.is_empty() and wide.strokes() == [] and not wide.can_undo()


def test_a_stroke_that_starts_in_a_box_still_draws_from_where_it_was_pressed(qtbot, wide):
    wide.set_boxes([(40, 40, 60, 120)], [False], selected=0)
    chosen = []
    wide.boxChosen.connect(chosen.append)
    QTest.mousePress(wide, L, NO_MOD, QPoint(60, 100))
    for x in range(62, 140, 6):
        QTest.mouseMove(wide, QPoint(x, 100))
    QTest.mouseRelease(wide, L, NO_MOD, QPoint(140, 100))
    [stroke] = wide.strokes()
    assert stroke.points[0] == pytest.approx((60 / wide.width(), 100 / wide.height()))
    assert wide.ink_image()[100, 60:140].min() == 255 and chosen == []


def test_a_finger_taps_a_box_or_writes_from_inside_it(qtbot, wide):
    wide.set_boxes([(40, 40, 60, 120), (200, 40, 60, 120)], [False, False], selected=1)
    chosen = []
    wide.boxChosen.connect(chosen.append)
    device = QTest.createTouchDevice()
    QTest.touchEvent(wide, device).press(0, QPoint(60, 100), wide).commit()
    QTest.touchEvent(wide, device).release(0, QPoint(60, 100), wide).commit()
    assert chosen == [0] and wide.is_empty()
    QTest.touchEvent(wide, device).press(0, QPoint(220, 100), wide).commit()
    for x in range(226, 300, 8):
        QTest.touchEvent(wide, device).move(0, QPoint(x, 100), wide).commit()
    QTest.touchEvent(wide, device).release(0, QPoint(300, 100), wide).commit()
    [stroke] = wide.strokes()
    assert stroke.points[0] == pytest.approx((220 / wide.width(), 100 / wide.height())) and chosen == [0]
    assert wide.ink_image()[100, 222:298].min() == 255


def test_without_boxes_a_tap_is_a_dot_as_always(qtbot, wide):
    QTest.mousePress(wide, L, NO_MOD, QPoint(60, 100))
    QTest.mouseRelease(wide, L, NO_MOD, QPoint(60, 100))
    assert len(wide.strokes()) == 1 and not wide.is_empty()
    assert not wide.hasMouseTracking()


def test_reset_clears_the_strokes_and_their_history(qtbot, wide):
    wide.add_stroke_points([(0.2, 0.5), (0.8, 0.5)])
    finished = []
    wide.strokeFinished.connect(lambda: finished.append(True))
    wide.reset()
    assert wide.is_empty() and not wide.can_undo() and not wide.can_redo() and finished


# ----- the answer panel ------------------------------------------------------------------------
def test_describe_number_gives_the_number_and_its_least_sure_digit():
    assert describe_number(reading((2, 0.99), (0, 0.97), (2, 0.87), (6, 0.95))) == \
        ("2026", "4\u00a0digits · least\u00a0sure:\u00a02\u00a0at\u00a087%", "sure")
    assert describe_number(reading((2, 0.99), (7, 0.45)))[2] == "unsure"
    assert describe_number(None) == (PLACEHOLDER, "Write a number", "empty")
    assert describe_number(NumberReading((), "empty")) == (PLACEHOLDER, "Write a number", "empty")


def test_a_group_that_is_not_a_digit_is_marked_and_named():
    assert describe_number(reading((2, 0.99), (0, 0.97), None, (6, 0.95))) == \
        ("20?6", "Box 3 doesn't look like a digit", "not a digit")
    assert describe_number(reading(None, (0, 0.97), None))[:2] == ("?0?", "Boxes 1, 3 don't look like digits")


def test_one_digit_reads_as_in_digit_mode():
    single = reading((7, 0.93))
    big, caption, state = describe_number(single)
    assert (big, caption) == describe(single.digits[0].prediction) == ("7", "93% sure") and state == "sure"


def test_the_panel_shows_the_number_and_the_selected_digits_bars(panel):
    number = reading((2, 0.99), (0, 0.97), (2, 0.87), (6, 0.95))
    panel.set_number_mode(True)
    assert (panel.digit_label.text(), panel.caption_label.text()) == (PLACEHOLDER, "Write a number")
    panel.show_number(number)
    assert panel.digit_label.text() == "2026"
    assert panel.caption_label.text().replace("\u00a0", " ") == "4 digits · least sure: 2 at 87%"
    assert panel.selected_digit() == 3                          # the last digit by default
    np.testing.assert_allclose(panel.bars.bar_heights(), number.digits[3].prediction.probabilities, atol=1e-6)
    assert panel.status_label.text() == "Digit 4 of 4 · point at a box to see another"
    panel.select_digit(1)
    np.testing.assert_allclose(panel.bars.bar_heights(), number.digits[1].prediction.probabilities, atol=1e-6)
    np.testing.assert_array_equal(panel.preview.image(), number.digits[1].prediction.image)
    assert panel.digit_label.text() == "2026" and panel.prediction() is number.digits[1].prediction
    assert panel.status_label.text() == "Digit 2 of 4 · point at a box to see another"
    panel.show_number(None)
    assert (panel.digit_label.text(), panel.caption_label.text()) == (PLACEHOLDER, "Write a number")
    assert panel.bars.bar_labels() == [""] * 10


def test_a_not_a_digit_group_colours_the_answer_as_a_refusal(panel):
    panel.set_number_mode(True)
    panel.show_number(reading((2, 0.99), (0, 0.97)))
    sure = panel.digit_label.palette().color(QPalette.ColorRole.WindowText)
    panel.show_number(reading((2, 0.99), None))
    assert panel.is_not_a_digit() and panel.digit_label.text() == "2?"
    assert panel.digit_label.palette().color(QPalette.ColorRole.WindowText) != sure


def test_a_single_digit_in_number_mode_looks_as_in_digit_mode(panel, shown_as_child):
    other = shown_as_child(PredictionPanel, 420, 460)
    single = reading((4, 0.55))
    other.show_prediction(single.digits[0].prediction)
    panel.set_number_mode(True)
    panel.show_number(single)
    for a, b in ((panel.digit_label, other.digit_label), (panel.caption_label, other.caption_label)):
        assert a.text() == b.text() and a.font().pixelSize() == b.font().pixelSize()
        assert a.palette().color(QPalette.ColorRole.WindowText) == b.palette().color(QPalette.ColorRole.WindowText)
    np.testing.assert_array_equal(panel.bars.bar_heights(), other.bars.bar_heights())
    assert panel.bars.bar_colors() == other.bars.bar_colors() and panel.is_unsure()


def test_a_long_number_steps_its_type_down_without_moving_anything(panel):
    panel.set_number_mode(True)
    height = panel.digit_label.height()
    geometry = panel.bars.geometry(), panel.preview.geometry()
    panel.show_number(reading(*[(d, 0.99) for d in (1, 2, 3, 4, 5, 6, 7, 8)]))
    label = panel.digit_label
    assert label.text() == "12345678"
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert label.font().pixelSize() < 112 and label.height() == height
    assert (panel.bars.geometry(), panel.preview.geometry()) == geometry
    panel.set_number_mode(False)
    assert label.font().pixelSize() == 112 and label.text() == PLACEHOLDER


def test_leaving_number_mode_restores_the_digit_panel(panel):
    panel.set_teaching(True)
    panel.set_hint("a hint")
    panel.set_number_mode(True)
    panel.show_number(reading((2, 0.99), (6, 0.95)))
    panel.set_number_mode(False)
    assert (panel.digit_label.text(), panel.caption_label.text()) == (PLACEHOLDER, "Draw a digit")
    panel.show_prediction(make_prediction({7: 0.98}))
    assert (panel.digit_label.text(), panel.caption_label.text()) == ("7", "98% sure")
    assert panel.status_label.text() == "a hint" and panel.number_reading() is None


def test_the_number_in_turkish(qtbot, panel):
    panel.set_number_mode(True)
    panel.show_number(reading((2, 0.99), (0, 0.97), (2, 0.87), (6, 0.95)))
    assert i18n.set_language(i18n.TURKISH)
    qtbot.wait(50)
    assert panel.caption_label.text().replace("\u00a0", " ") == "4 rakam · en az emin: 2, %87"
    panel.select_digit(0)
    assert panel.status_label.text() == "4 rakamın 1. · başkası için bir kutunun üstüne gel"
    assert describe_number(reading((2, 0.99), None))[1] == "2. kutu bir rakama benzemiyor"
    assert describe_number(reading(None, None))[1] == "1, 2. kutular rakama benzemiyor"
    panel.show_number(None)
    assert panel.caption_label.text() == "Bir sayı yaz"

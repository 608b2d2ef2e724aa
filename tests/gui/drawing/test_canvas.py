"""DrawingCanvas: real mouse, touch and tablet events in, ink and vector strokes out."""
from __future__ import annotations


import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor, QImage, QInputDevice, QMouseEvent, QPalette, QPointingDevice, QTabletEvent, QTouchEvent,
    QEventPoint,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.drawing.canvas import DEFAULT_BRUSH, REFERENCE_WIDTH, DrawingCanvas, Stroke

SIDE = 280
L, R = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot):
    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.resize(SIDE, SIDE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drag(widget, points, button=L):
    """Press, move through ``points`` and release, with real QTest mouse events."""
    QTest.mousePress(widget, button, NO_MOD, QPoint(*points[0]))
    for p in points[1:]:
        QTest.mouseMove(widget, QPoint(*p))
    QTest.mouseRelease(widget, button, NO_MOD, QPoint(*points[-1]))


def hline(y, x0=40, x1=240, steps=10):
    return [(x0 + (x1 - x0) * i // steps, y) for i in range(steps + 1)]


def column_thickness(ink, x):
    return int((ink[:, x] > 127).sum())


def test_size_hints_keep_it_square_and_no_context_menu(canvas):
    assert canvas.sizeHint().width() == canvas.sizeHint().height() >= 400
    assert 150 <= canvas.minimumSizeHint().width() == canvas.minimumSizeHint().height() <= 240
    assert canvas.hasHeightForWidth() and canvas.heightForWidth(333) == 333
    assert canvas.sizePolicy().hasHeightForWidth()
    assert canvas.contextMenuPolicy() == Qt.ContextMenuPolicy.PreventContextMenu
    assert canvas.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)


def test_empty_canvas_has_a_blank_ink_image(canvas):
    ink = canvas.ink_image()
    assert ink.shape == (SIDE, SIDE) and ink.dtype == np.uint8
    assert ink.max() == 0  # the hint text is not ink
    assert canvas.is_empty() and canvas.strokes() == []
    assert not canvas.can_undo() and not canvas.can_redo()


def test_mouse_stroke_inks_where_drawn_and_becomes_one_normalised_stroke(canvas):
    drag(canvas, hline(140))
    ink = canvas.ink_image()
    assert ink[140, 60:220].min() == 255          # solid along the line
    assert ink[:100].max() == 0 and ink[180:].max() == 0  # nothing far above or below
    assert ink[140, :20].max() == 0 and ink[140, 260:].max() == 0  # nothing beyond the ends
    assert not canvas.is_empty()
    [stroke] = canvas.strokes()
    assert not stroke.erase
    assert stroke.width == pytest.approx(DEFAULT_BRUSH / REFERENCE_WIDTH)
    assert stroke.points[0] == pytest.approx((40 / SIDE, 0.5))
    assert stroke.points[-1] == pytest.approx((240 / SIDE, 0.5))
    assert len(stroke.points) == 11
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in stroke.points)


def test_ink_changes_during_the_move_and_the_stroke_finishes_on_release(canvas):
    ink_changes, finished, history = [], [], []
    canvas.inkChanged.connect(lambda: ink_changes.append(canvas.ink_image()[140, 200]))
    canvas.strokeFinished.connect(lambda: finished.append(True))
    canvas.historyChanged.connect(lambda u, r: history.append((u, r)))
    QTest.mousePress(canvas, L, NO_MOD, QPoint(40, 140))
    QTest.mouseMove(canvas, QPoint(120, 140))
    QTest.mouseMove(canvas, QPoint(200, 140))
    assert len(ink_changes) >= 3 and ink_changes[-1] == 255  # the ink is there before release
    assert finished == [] and canvas.strokes() == []
    QTest.mouseRelease(canvas, L, NO_MOD, QPoint(200, 140))
    assert finished == [True] and len(canvas.strokes()) == 1
    assert history[-1] == (True, False)


def test_undo_removes_the_stroke_and_redo_restores_it(canvas):
    drag(canvas, hline(70))
    drag(canvas, hline(210))
    history = []
    canvas.historyChanged.connect(lambda u, r: history.append((u, r)))
    canvas.undo()
    assert len(canvas.strokes()) == 1
    assert canvas.ink_image()[210, 140] == 0 and canvas.ink_image()[70, 140] == 255
    assert history[-1] == (True, True)
    canvas.undo()
    assert canvas.is_empty() and history[-1] == (False, True)
    canvas.redo()
    canvas.redo()
    assert canvas.ink_image()[210, 140] == 255 and canvas.ink_image()[70, 140] == 255
    assert history[-1] == (True, False)
    canvas.undo()
    drag(canvas, hline(140))  # a new stroke drops the redo branch
    assert not canvas.can_redo() and len(canvas.strokes()) == 2


def test_clear_is_undoable(canvas, qtbot):
    drag(canvas, hline(140))
    with qtbot.waitSignals([canvas.inkChanged, canvas.strokeFinished], timeout=1000):
        canvas.clear()
    assert canvas.is_empty() and canvas.strokes() == [] and canvas.can_undo()
    canvas.undo()
    assert canvas.ink_image()[140, 140] == 255 and len(canvas.strokes()) == 1


def test_right_button_erases(canvas):
    drag(canvas, hline(140))
    drag(canvas, [(140, 60), (140, 140), (140, 220)], button=R)
    ink = canvas.ink_image()
    assert ink[140, 140] == 0 and ink[140, 80] == 255 and ink[140, 200] == 255
    assert [s.erase for s in canvas.strokes()] == [False, True]


def test_eraser_mode_makes_the_left_button_erase(canvas):
    drag(canvas, hline(140))
    canvas.eraser_mode = True
    drag(canvas, [(140, 60), (140, 140), (140, 220)])
    assert canvas.ink_image()[140, 140] == 0 and canvas.strokes()[-1].erase
    canvas.eraser_mode = False
    drag(canvas, [(140, 60), (140, 140), (140, 220)])
    assert canvas.ink_image()[140, 140] == 255 and not canvas.strokes()[-1].erase


def test_brush_size_sets_the_stroke_width_and_is_clamped(canvas):
    canvas.brush_size = 8
    drag(canvas, [(40, 70), (240, 70)])
    canvas.brush_size = 40
    drag(canvas, [(40, 200), (240, 200)])
    ink = canvas.ink_image()
    thin, thick = column_thickness(ink[:140], 140), column_thickness(ink[140:], 140)
    assert 6 <= thin <= 10 and 37 <= thick <= 43  # a 280-px canvas: brush size in pixels
    assert [s.width for s in canvas.strokes()] == pytest.approx([8 / 280, 40 / 280])
    canvas.brush_size = 1000
    assert canvas.brush_size == 48
    canvas.brush_size = 0
    assert canvas.brush_size == 4


def test_one_finger_touch_draws_and_is_accepted(canvas):
    device = QTest.createTouchDevice()
    QTest.touchEvent(canvas, device).press(0, QPoint(40, 140), canvas).commit()
    for x in range(60, 241, 20):
        QTest.touchEvent(canvas, device).move(0, QPoint(x, 140), canvas).commit()
    QTest.touchEvent(canvas, device).release(0, QPoint(240, 140), canvas).commit()
    assert canvas.ink_image()[140, 60:220].min() == 255
    [stroke] = canvas.strokes()
    assert stroke.points[-1] == pytest.approx((240 / SIDE, 0.5))
    # delivered directly, a touch begin is accepted, so Qt neither scrolls nor synthesizes a mouse
    point = QEventPoint(1, QEventPoint.State.Pressed, QPointF(30, 30), QPointF(30, 30))
    begin = QTouchEvent(QEvent.Type.TouchBegin, device, NO_MOD, [point])
    begin.ignore()
    QApplication.sendEvent(canvas, begin)
    assert begin.isAccepted()


def test_touch_cancel_and_undo_mid_stroke_discard_the_stroke_being_drawn(canvas, qtbot):
    drag(canvas, hline(70))
    device = QTest.createTouchDevice()
    QTest.touchEvent(canvas, device).press(0, QPoint(40, 210), canvas).commit()
    QTest.touchEvent(canvas, device).move(0, QPoint(240, 210), canvas).commit()
    assert canvas.ink_image()[210, 140] == 255 and canvas.can_undo()
    cancel = QTouchEvent(QEvent.Type.TouchCancel, device, NO_MOD, [])
    with qtbot.waitSignal(canvas.strokeFinished, timeout=1000):
        QApplication.sendEvent(canvas, cancel)
    assert canvas.ink_image()[210, 140] == 0 and len(canvas.strokes()) == 1
    QTest.mousePress(canvas, L, NO_MOD, QPoint(40, 210))
    QTest.mouseMove(canvas, QPoint(240, 210))
    canvas.undo()  # undo while drawing drops just the stroke in progress
    assert canvas.ink_image()[210, 140] == 0 and canvas.ink_image()[70, 140] == 255
    QTest.mouseRelease(canvas, L, NO_MOD, QPoint(240, 210))
    assert len(canvas.strokes()) == 1 and canvas.ink_image()[210, 140] == 0


def test_mouse_events_synthesized_from_touch_are_not_drawn_twice(canvas):
    device = QTest.createTouchDevice()
    for kind, x, button, buttons in ((QEvent.Type.MouseButtonPress, 40, L, L),
                                     (QEvent.Type.MouseMove, 240, Qt.MouseButton.NoButton, L),
                                     (QEvent.Type.MouseButtonRelease, 240, L, Qt.MouseButton.NoButton)):
        pos = QPointF(x, 140)
        QApplication.sendEvent(canvas, QMouseEvent(kind, pos, pos, button, buttons, NO_MOD, device))
    assert canvas.is_empty() and canvas.strokes() == []
    pos = QPointF(100, 100)  # while the same event from a real mouse does draw
    QApplication.sendEvent(canvas, QMouseEvent(QEvent.Type.MouseButtonPress, pos, pos, L, L, NO_MOD))
    assert canvas.ink_image()[100, 100] == 255


def test_double_click_press_starts_a_stroke(canvas):
    pos = QPointF(100, 100)
    QApplication.sendEvent(canvas, QMouseEvent(QEvent.Type.MouseButtonDblClick, pos, pos, L, L, NO_MOD))
    assert canvas.ink_image()[100, 100] == 255


def test_the_release_position_ends_the_stroke(canvas):
    for kind, x, button, buttons in ((QEvent.Type.MouseButtonPress, 40, L, L),
                                     (QEvent.Type.MouseMove, 140, Qt.MouseButton.NoButton, L),
                                     (QEvent.Type.MouseButtonRelease, 240, L, Qt.MouseButton.NoButton)):
        pos = QPointF(x, 140)
        QApplication.sendEvent(canvas, QMouseEvent(kind, pos, pos, button, buttons, NO_MOD))
    assert canvas.ink_image()[140, 230] == 255
    assert canvas.strokes()[0].points[-1] == pytest.approx((240 / SIDE, 0.5))


@pytest.mark.parametrize("pointer, erases", [(QPointingDevice.PointerType.Pen, False),
                                             (QPointingDevice.PointerType.Eraser, True)])
def test_tablet_pen_draws_and_its_eraser_end_erases(canvas, pointer, erases):
    drag(canvas, [(140, 60), (140, 220)])
    pen = QPointingDevice("test pen", 77, QInputDevice.DeviceType.Stylus, pointer,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2)
    for kind, x in ((QEvent.Type.TabletPress, 40), (QEvent.Type.TabletMove, 140),
                    (QEvent.Type.TabletMove, 240), (QEvent.Type.TabletRelease, 240)):
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else L
        event = QTabletEvent(kind, pen, QPointF(x, 140), QPointF(x, 140), 0.8, 0, 0, 0, 0, 0,
                             NO_MOD, L, buttons)
        event.ignore()
        QApplication.sendEvent(canvas, event)
        assert event.isAccepted()  # so no mouse events are synthesized from it
    ink = canvas.ink_image()
    assert ink[140, 140] == (0 if erases else 255)
    assert ink[140, 80] == (0 if erases else 255)
    assert [s.erase for s in canvas.strokes()] == [False, erases]


def test_set_strokes_and_strokes_round_trip_as_copies(canvas):
    given = [Stroke([(0.2, 0.2), (0.8, 0.2)], 0.05), Stroke([(0.5, 0.1), (0.5, 0.3)], 0.04, erase=True)]
    canvas.set_strokes(given)
    got = canvas.strokes()
    assert got == given and got[0] is not given[0]
    got[0].points.append((0.9, 0.9))
    given[0].points.clear()
    assert canvas.strokes()[0].points == [(0.2, 0.2), (0.8, 0.2)]
    ink = canvas.ink_image()
    y = round(0.2 * SIDE)
    assert ink[y, round(0.3 * SIDE)] == 255 and ink[y, round(0.5 * SIDE)] == 0
    canvas.undo()
    assert canvas.strokes() == [] and canvas.is_empty()


def test_add_stroke_points_draws_and_emits_like_a_drawn_stroke(canvas, qtbot):
    with qtbot.waitSignals([canvas.inkChanged, canvas.strokeFinished, canvas.historyChanged], timeout=1000):
        canvas.add_stroke_points([(0.1, 0.9), (0.9, 0.9)])
    assert canvas.ink_image()[round(0.9 * SIDE), SIDE // 2] == 255
    assert canvas.strokes()[0].width == pytest.approx(DEFAULT_BRUSH / REFERENCE_WIDTH)
    canvas.add_stroke_points([(0.5, 0.5)], width=0.1)  # a single point is a round dot
    dot = canvas.ink_image()[SIDE // 2]
    assert 24 <= int((dot > 127).sum()) <= 32


def test_resize_rerenders_from_the_vectors(canvas, qtbot):
    drag(canvas, [(70, 70), (70, 140)])  # a vertical bar at x = 1/4, y = 1/4..1/2
    canvas.resize(2 * SIDE, 2 * SIDE)
    qtbot.waitUntil(lambda: canvas.width() == 2 * SIDE, timeout=1000)
    ink = canvas.ink_image()
    assert ink.shape == (2 * SIDE, 2 * SIDE)
    assert ink[140:280, 140].min() == 255  # the same relative place
    assert ink[320:].max() == 0 and ink[:, 200:].max() == 0
    width = int((ink[200] > 127).sum())
    assert 33 <= width <= 39  # the brush scaled with the canvas: 18 px at 280 → 36 px at 560


def test_ink_image_reads_the_kept_raster_without_redrawing(canvas, monkeypatch):
    """Live recognition reads the ink every frame: that must be a copy of the raster the canvas
    keeps, never a re-render of every stroke (its speed is in bench/preprocess_speed.py)."""
    canvas.resize(440, 440)
    drag(canvas, hline(200))
    first = canvas.ink_image()
    renders = []
    monkeypatch.setattr(canvas, "_render_all", lambda *a, **k: renders.append(1))
    for _ in range(30):
        again = canvas.ink_image()
    assert renders == [] and np.array_equal(again, first)
    again[:] = 0  # a copy: the caller cannot scribble on the canvas
    assert np.array_equal(canvas.ink_image(), first)


def test_save_png_writes_dark_ink_on_white(canvas, tmp_path):
    drag(canvas, hline(140))
    path = tmp_path / "digit.png"
    canvas.save_png(path)
    image = QImage(str(path))
    assert not image.isNull() and image.width() == SIDE and image.height() == SIDE
    assert QColor(image.pixel(140, 140)).lightness() < 10
    assert QColor(image.pixel(140, 20)).lightness() > 245
    with pytest.raises(OSError):
        canvas.save_png(tmp_path / "missing-folder" / "digit.png")


@pytest.mark.parametrize("window, base, dark", [("#efefef", "#ffffff", False),
                                               ("#202328", "#16181c", True),
                                               ("#202328", "#ffffff", True)])  # a half-dark palette
def test_colours_follow_the_palette(canvas, window, base, dark):
    palette = QPalette(canvas.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    canvas.setPalette(palette)
    canvas.add_stroke_points([(0.2, 0.5), (0.8, 0.5)])
    shot = canvas.grab().toImage()
    dpr = shot.devicePixelRatio()
    paper = QColor(shot.pixel(int(140 * dpr), int(40 * dpr))).lightness()
    ink = QColor(shot.pixel(int(140 * dpr), int(140 * dpr))).lightness()
    if dark:
        assert paper < 60 and ink > 200
    else:
        assert paper > 230 and ink < 50


def test_the_empty_hint_is_painted_but_goes_away_when_drawing(canvas):
    def centre_spread():
        shot = canvas.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        w, h = shot.width(), shot.height()
        rows = [shot.pixelColor(x, h // 2).lightness() for x in range(w // 4, 3 * w // 4)]
        return max(rows) - min(rows)

    assert centre_spread() > 40  # text across the middle
    canvas.add_stroke_points([(0.5, 0.1), (0.5, 0.15)])
    assert centre_spread() < 5   # plain paper there now


def test_canvas_rect_global_is_the_widget_on_screen(canvas):
    rect = canvas.canvas_rect_global()
    assert isinstance(rect, QRect)
    assert rect.topLeft() == canvas.mapToGlobal(QPoint(0, 0)) and rect.size() == canvas.size()

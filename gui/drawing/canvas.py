"""The drawing surface: a paper square where one digit is drawn with mouse, pen or finger (or,
in number mode, a wide sheet where several digits are written left to right).

Strokes are kept as vector data (:class:`Stroke`, normalised to the canvas) and also painted
incrementally onto two rasters: a greyscale ink-coverage image that the recogniser reads
(:meth:`DrawingCanvas.ink_image`) and a device-pixel image in the palette's ink colour that
``paintEvent`` blits. Each pointer move paints only its new segment and repaints only that
segment's rectangle; undo, redo, clear, palette changes and resizes re-render from the vectors.

In number mode the window gives the canvas a wider aspect (``set_aspect``) and the digits' boxes
(``set_boxes``); pointing at a box (a mouse move without a button) or tapping it (a press and
release without moving) says which digit to show (``boxChosen``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QCursor, QEventPoint, QFont, QImage, QInputDevice, QPainter, QPainterPath, QPalette, QPen, QPixmap,
    QPointingDevice, QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import i18n
from gui.theme import accent, is_dark, mix, unsure

REFERENCE_WIDTH = 280.0          # brush sizes are "pixels on a 280-px-wide canvas"
MIN_BRUSH, MAX_BRUSH, DEFAULT_BRUSH = 4.0, 48.0, 18.0
HISTORY_LIMIT = 200
_GUIDE_MARGIN = 4 / 28           # MNIST centres a 20×20 digit in a 28×28 box
_VISIBLE_INK = 32                # is_empty(): no pixel at least this inked
_TAP_SLOP = 4                    # a press inside a box that moves less than this (px) is a tap
_BOX_PAD = 6                     # a digit's box is drawn (and hit) this far around its ink
_NOT_A_MOUSE = {QInputDevice.DeviceType.TouchScreen, QInputDevice.DeviceType.Stylus,
                QInputDevice.DeviceType.Airbrush, QInputDevice.DeviceType.Puck}
_E = QEvent.Type
_DISPATCH = {
    _E.MouseButtonPress: "_on_mouse_press", _E.MouseButtonDblClick: "_on_mouse_press",
    _E.MouseMove: "_on_mouse_move", _E.MouseButtonRelease: "_on_mouse_release",
    _E.TabletPress: "_on_tablet", _E.TabletMove: "_on_tablet", _E.TabletRelease: "_on_tablet",
    _E.TouchBegin: "_on_touch", _E.TouchUpdate: "_on_touch", _E.TouchEnd: "_on_touch",
    _E.TouchCancel: "_on_touch",
}


@dataclass
class Stroke:
    """One stroke: points normalised to the canvas (x, y in 0..1, y down; a stroke dragged past
    the edge may go slightly beyond), width as a fraction of the canvas width, and whether it erases."""

    points: list[tuple[float, float]] = field(default_factory=list)
    width: float = DEFAULT_BRUSH / REFERENCE_WIDTH   # of the width; of the height on a wide canvas
    erase: bool = False
    # A raster shown as the drawing (show_image): a 2-D uint8 array, 255 ink, painted over the whole
    # height, centred; points, width and erase are then unused. Read-only, shared between copies.
    image: np.ndarray | None = field(default=None, compare=False, repr=False)

    def copy(self) -> Stroke:
        """An independent copy (the point list is not shared)."""
        return Stroke(list(self.points), self.width, self.erase, self.image)


class DrawingCanvas(QWidget):
    """A square drawing surface with vector strokes, undo/redo and a cheap ink raster."""

    inkChanged = Signal()                 # on every change of the ink, including each move
    strokeFinished = Signal()             # a stroke ended, or undo / redo / clear / set_strokes
    historyChanged = Signal(bool, bool)   # can_undo, can_redo
    boxChosen = Signal(int)               # a digit's box pointed at (hover) or tapped (set_boxes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._undo: list[list[Stroke]] = []
        self._redo: list[list[Stroke]] = []
        self._live: Stroke | None = None      # the stroke being drawn
        self._live_source: str | None = None  # "mouse", "tablet" or "touch"
        self._live_key: object = None         # the mouse button or the touch point id
        self._brush = DEFAULT_BRUSH
        self._eraser = False
        self._hint = True                     # the empty canvas shows a dashed guide and a hint
        self._hint_text = ""
        self._hint_kind = "digit"             # "digit" or "number": what the empty canvas asks for
        self._aspect = 1.0                    # width / height (1: square)
        self._boxes: list[QRectF] = []        # digits' boxes, as fractions of the canvas (set_boxes)
        self._marked: list[bool] = []
        self._selected: int | None = None
        self._hovered: int | None = None
        self._pending: tuple[QPointF, bool, str, object] | None = None   # a press in a box: a tap, or a stroke
        self._ink_colour = QColor()
        self._ink = QImage()   # Format_Grayscale8 coverage, logical pixels: 255 = ink
        self._view = QImage()  # ARGB32 premultiplied, device pixels: ink in the palette colour
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._update_cursor()
        self.retranslate()

    def retranslate(self) -> None:
        """The words painted on the empty canvas, in the current language."""
        self._hint_text = self.tr("Write a number") if self._hint_kind == "number" else self.tr("Draw a digit here")
        if self._hint:
            self.update()

    def hint_text(self) -> str:
        """What the empty canvas says ("Draw a digit here", "Write a number"), in the current language."""
        return self._hint_text

    def set_hint_kind(self, kind: str) -> None:
        """What the empty canvas asks for: "digit" ("Draw a digit here") or "number" ("Write a number")."""
        if kind not in ("digit", "number"):
            raise ValueError(f"unknown hint kind {kind!r}")
        self._hint_kind = kind
        self.retranslate()

    def changeEvent(self, e: QEvent) -> None:
        if i18n.is_language_change(e):
            self.retranslate()
        super().changeEvent(e)

    # ----------------------------------------------------------------- size
    def sizeHint(self) -> QSize:
        return QSize(round(440 * self._aspect), 440)

    def minimumSizeHint(self) -> QSize:
        side = 200 if self._aspect <= 1.0 else 150
        return QSize(round(side * self._aspect), side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width if self._aspect == 1.0 else round(width / self._aspect)

    @property
    def aspect(self) -> float:
        """Width / height the canvas asks its holder for (1.0: square)."""
        return self._aspect

    def set_aspect(self, ratio: float) -> None:
        """Ask for a ``ratio`` (width / height) shaped canvas: 1.0 square (one digit), wider for a
        number. Brush sizes then follow the height (width / ratio), so a digit written on a wide
        canvas has the same pen as on a square one. The holder places the canvas (the ink image
        follows the widget's size); strokes are kept as fractions, so callers clear them first."""
        ratio = float(ratio)
        if ratio <= 0:
            raise ValueError("the aspect ratio must be positive")
        if ratio != self._aspect:
            self._aspect = ratio
            self.set_boxes([])
            self.updateGeometry()
            self._update_cursor()
            self.update()

    # ----------------------------------------------------------------- boxes
    def set_boxes(self, boxes, marked=None, selected: int | None = None) -> None:
        """Draw boxes over the strokes: ``boxes`` (x, y, w, h) in ``ink_image()`` pixels, ``marked``
        those that are not a digit (drawn in orange), ``selected`` the one whose answer is on show.
        With boxes on the canvas, pointing at one or tapping it emits ``boxChosen(index)``. An empty
        list removes them."""
        self._ensure_rasters()
        iw, ih = max(1, self._ink.width()), max(1, self._ink.height())
        self._boxes = [QRectF(x / iw, y / ih, w / iw, h / ih) for x, y, w, h in boxes]
        marked = list(marked) if marked is not None else []
        self._marked = [bool(m) for m in marked[:len(self._boxes)]] + [False] * (len(self._boxes) - len(marked))
        self._selected = selected if selected is not None and 0 <= selected < len(self._boxes) else None
        if not self._boxes:
            self._hovered = None
        self.setMouseTracking(bool(self._boxes))   # hovering a box needs moves without a button
        self.update()

    def box_rects(self) -> list[QRectF]:
        """The boxes as drawn, in widget coordinates (without the padding around the ink)."""
        w, h = self.width(), self.height()
        return [QRectF(r.x() * w, r.y() * h, r.width() * w, r.height() * h) for r in self._boxes]

    def marked_boxes(self) -> list[bool]:
        """Which boxes are marked as not a digit."""
        return list(self._marked)

    def selected_box(self) -> int | None:
        """The box highlighted as the one on show (None: no boxes)."""
        return self._selected

    def box_at(self, pos: QPointF, column: bool = False) -> int | None:
        """The box at widget position ``pos`` (with its padding); with ``column``, the box whose
        column holds ``pos.x()`` at any height. The nearest centre wins where boxes overlap."""
        hits = []
        for i, rect in enumerate(self.box_rects()):
            rect = rect.adjusted(-_BOX_PAD, -_BOX_PAD, _BOX_PAD, _BOX_PAD)
            inside = rect.left() <= pos.x() <= rect.right() and (column or rect.top() <= pos.y() <= rect.bottom())
            if inside:
                hits.append((abs(rect.center().x() - pos.x()), i))
        return min(hits)[1] if hits else None

    # ------------------------------------------------------------ properties
    @property
    def brush_size(self) -> float:
        """Brush diameter in pixels of a 280-px-wide canvas (4..48); scales with the canvas."""
        return self._brush

    @brush_size.setter
    def brush_size(self, size: float) -> None:
        self._brush = float(min(MAX_BRUSH, max(MIN_BRUSH, size)))
        self._update_cursor()

    @property
    def eraser_mode(self) -> bool:
        """When on, the left button, the pen tip and a finger erase instead of drawing."""
        return self._eraser

    @eraser_mode.setter
    def eraser_mode(self, on: bool) -> None:
        self._eraser = bool(on)
        self._update_cursor()

    # ------------------------------------------------------------ public API
    def ink_image(self) -> np.ndarray:
        """The ink as a (height, width) uint8 array at the widget's logical size: 255 ink, 0 paper."""
        self._ensure_rasters()
        return self._ink_view().copy()

    def is_empty(self) -> bool:
        """True when no visible ink is on the canvas (nothing drawn, or all of it erased)."""
        self._ensure_rasters()
        return int(self._ink_view().max(initial=0)) < _VISIBLE_INK

    def strokes(self) -> list[Stroke]:
        """Copies of the finished strokes, oldest first."""
        return [s.copy() for s in self._strokes]

    def set_strokes(self, strokes: list[Stroke]) -> None:
        """Replace the drawing with ``strokes`` (undoable)."""
        self._cancel_live(render=False)
        self._commit([s.copy() for s in strokes])
        self._rerender_and_announce()

    def show_image(self, image) -> None:
        """Replace the drawing with a raster ``image`` (2-D, uint8 0..255 or float 0..1, white ink on
        black, e.g. a 28×28 MNIST digit) scaled to the canvas's height: the recogniser and the
        visualizer read it like drawn ink. Undoable; strokes drawn afterwards go on top of it."""
        a = np.asarray(image)
        if a.ndim != 2 or a.size == 0:
            raise ValueError(f"show_image needs a 2-D image, got shape {a.shape}")
        if np.issubdtype(a.dtype, np.floating):
            a = np.rint(np.clip(np.nan_to_num(a), 0.0, 1.0) * 255.0)
        a = np.ascontiguousarray(np.clip(a, 0, 255).astype(np.uint8))
        a.setflags(write=False)
        self._cancel_live(render=False)
        self._commit([Stroke([], 0.0, False, a)])
        self._rerender_and_announce()

    def add_stroke_points(self, points, width: float | None = None, erase: bool = False) -> None:
        """Add a whole stroke (points normalised 0..1; ``width`` a fraction of the canvas width,
        default the current brush), undoable, with the same signals as a drawn stroke."""
        pts = [(float(x), float(y)) for x, y in points]
        if not pts:
            return
        interrupted = self._cancel_live(render=False)
        stroke = Stroke(pts, self._brush / REFERENCE_WIDTH if width is None else float(width), erase)
        self._commit(self._strokes + [stroke])
        self._ensure_rasters()
        if interrupted:
            self._render_all()
        else:
            self._paint(stroke, pts)
        self._refresh_hint()
        self.inkChanged.emit()
        self.strokeFinished.emit()

    def clear(self) -> None:
        """Remove all strokes (undoable)."""
        self._cancel_live(render=False)
        if self._strokes:
            self._commit([])
        self._rerender_and_announce()

    def reset(self) -> None:
        """Remove all strokes and forget the undo history (the canvas changed shape: old strokes,
        kept as fractions of the old shape, would come back stretched)."""
        self._cancel_live(render=False)
        self._strokes, self._undo, self._redo = [], [], []
        self._history_changed()
        self._rerender_and_announce()

    def undo(self) -> None:
        """Discard the stroke being drawn, or else go back one step."""
        if self._live is not None:
            self._cancel_live()
        elif self._undo:
            self._redo.append(self._strokes)
            self._strokes = self._undo.pop()
            self._history_changed()
            self._rerender_and_announce()

    def redo(self) -> None:
        """Redo the last undone step."""
        if self._redo and self._live is None:
            self._undo.append(self._strokes)
            self._strokes = self._redo.pop()
            self._history_changed()
            self._rerender_and_announce()

    def can_undo(self) -> bool:
        """Whether undo() would change anything."""
        return bool(self._undo) or self._live is not None

    def can_redo(self) -> bool:
        """Whether redo() would change anything."""
        return bool(self._redo) and self._live is None

    def save_png(self, path) -> None:
        """Save the drawing as dark ink on white paper at the widget's size; raises OSError on failure."""
        paper = np.ascontiguousarray(255 - self.ink_image())
        h, w = paper.shape
        image = QImage(paper.data, w, h, w, QImage.Format.Format_Grayscale8)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        # Python's own write says why it failed (no such folder, permission denied, disk full).
        with open(path, "wb") as file:
            file.write(bytes(data))

    def canvas_rect_global(self) -> QRect:
        """The drawing area in global screen coordinates."""
        return QRect(self.mapToGlobal(QPoint(0, 0)), self.size())

    # --------------------------------------------------------------- history
    def _commit(self, strokes: list[Stroke]) -> None:
        self._undo.append(self._strokes)
        del self._undo[:-HISTORY_LIMIT]
        self._redo.clear()
        self._strokes = strokes
        self._history_changed()

    def _history_changed(self) -> None:
        self.historyChanged.emit(self.can_undo(), self.can_redo())

    def _rerender_and_announce(self) -> None:
        self._render_all()
        self.inkChanged.emit()
        self.strokeFinished.emit()

    # ------------------------------------------------------------ live stroke
    def _begin(self, pos: QPointF, erase: bool, source: str, key: object) -> None:
        pt = self._norm(pos)
        self._live = Stroke([pt], self._brush / REFERENCE_WIDTH, erase)
        self._live_source, self._live_key = source, key
        self._ensure_rasters()
        self._paint(self._live, [pt])
        if self._hint and not erase:
            self._hint = False
            self.update()
        self._history_changed()
        self.inkChanged.emit()

    def _extend(self, pos: QPointF) -> None:
        pt = self._norm(pos)
        if pt != self._live.points[-1]:
            self._live.points.append(pt)
            self._paint(self._live, self._live.points[-2:])
            self.inkChanged.emit()

    def _finish(self) -> None:
        stroke, self._live, self._live_source = self._live, None, None
        self._commit(self._strokes + [stroke])
        self._refresh_hint()
        self.strokeFinished.emit()

    def _cancel_live(self, render: bool = True) -> bool:
        """Drop the stroke being drawn; with ``render``, also wipe its ink and announce that."""
        self._pending = None
        if self._live is None:
            return False
        self._live, self._live_source = None, None
        self._history_changed()
        if render:
            self._rerender_and_announce()
        return True

    def _live_from(self, source: str) -> bool:
        return self._live is not None and self._live_source == source

    def _norm(self, pos: QPointF) -> tuple[float, float]:
        return pos.x() / max(1, self.width()), pos.y() / max(1, self.height())

    # A press inside a digit's box waits: moving on begins a stroke from where it was pressed, a
    # release first is a tap that chooses the box. Without boxes (digit mode) a press draws at once.
    def _press(self, pos: QPointF, erase: bool, source: str, key: object) -> None:
        if self._boxes and not erase and self.box_at(pos) is not None:
            self._pending = (QPointF(pos), erase, source, key)
        else:
            self._begin(pos, erase, source, key)

    def _pending_from(self, source: str) -> bool:
        return self._pending is not None and self._pending[2] == source

    def _pending_move(self, pos: QPointF) -> None:
        start, erase, source, key = self._pending
        if (pos - start).manhattanLength() >= _TAP_SLOP:
            self._pending = None
            self._begin(start, erase, source, key)
            self._extend(pos)

    def _pending_release(self) -> None:
        start, self._pending = self._pending[0], None
        index = self.box_at(start)
        if index is not None:
            self.boxChosen.emit(index)

    def _hover(self, pos: QPointF) -> None:
        index = self.box_at(pos, column=True)
        if index is not None and index != self._hovered:
            self._hovered = index
            self.boxChosen.emit(index)
        elif index is None:
            self._hovered = None

    # ----------------------------------------------------------------- input
    def event(self, e: QEvent) -> bool:
        handler = _DISPATCH.get(e.type())
        if handler is None:
            if e.type() in (_E.PaletteChange, _E.ApplicationPaletteChange):
                self._render_all()
            return super().event(e)
        getattr(self, handler)(e)
        return e.isAccepted()

    def _on_mouse_press(self, e) -> None:
        e.accept()
        if e.pointingDevice().type() in _NOT_A_MOUSE:  # synthesized from touch or a pen
            return
        if self._pending_from("mouse"):
            if e.buttons() & self._pending[3]:
                return  # a second button during a press in a box
            self._pending = None
        if self._live_from("mouse"):
            if e.buttons() & self._live_key:
                return  # a second button during a stroke
            self._finish()  # the release was lost (a grab changed hands)
        if self._live is None and e.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            erase = self._eraser or e.button() == Qt.MouseButton.RightButton
            self._press(e.position(), erase, "mouse", e.button())

    def _on_mouse_move(self, e) -> None:
        e.accept()
        if e.pointingDevice().type() in _NOT_A_MOUSE:
            return
        if self._pending_from("mouse"):
            if not e.buttons() & self._pending[3]:
                self._pending = None   # the release was lost
                return
            self._pending_move(e.position())
        elif self._live_from("mouse"):
            self._extend(e.position())
            if not e.buttons() & self._live_key:
                self._finish()
        elif self._live is None and self._boxes and not e.buttons():
            self._hover(e.position())

    def _on_mouse_release(self, e) -> None:
        e.accept()
        if self._pending_from("mouse") and e.button() == self._pending[3]:
            self._pending_release()
        elif self._live_from("mouse") and e.button() == self._live_key:
            self._extend(e.position())
            self._finish()

    def _on_tablet(self, e) -> None:
        e.accept()  # accepted tablet events are not turned into mouse events
        if e.type() == _E.TabletPress:
            if self._live_from("tablet"):
                self._finish()
            if self._live is None:
                eraser_end = e.pointingDevice().pointerType() == QPointingDevice.PointerType.Eraser
                self._press(e.position(), self._eraser or eraser_end, "tablet", None)
        elif self._pending_from("tablet"):
            if e.type() == _E.TabletRelease:
                self._pending_release()
            else:
                self._pending_move(e.position())
        elif self._live_from("tablet"):
            self._extend(e.position())
            if e.type() == _E.TabletRelease:
                self._finish()

    def _on_touch(self, e) -> None:
        if e.device().type() != QInputDevice.DeviceType.TouchScreen:
            e.ignore()  # touchpad gestures are not drawing
            return
        e.accept()  # nothing scrolls or zooms, and no mouse events are synthesized
        if e.type() == _E.TouchCancel:
            self._pending = None
            if self._live_from("touch"):
                self._cancel_live()
            return
        if e.type() == _E.TouchBegin and self._live_from("touch"):
            self._finish()  # the end of the previous touch was lost
        if e.type() == _E.TouchBegin and self._pending_from("touch"):
            self._pending = None
        if self._pending_from("touch"):
            point = next((p for p in e.points() if p.id() == self._pending[3]), None)
            if point is not None:
                if point.state() == QEventPoint.State.Released or e.type() == _E.TouchEnd:
                    self._pending_release()
                else:
                    self._pending_move(point.position())
                    if self._live_from("touch"):
                        return
            return
        if self._live is None:
            pressed = [p for p in e.points() if p.state() == QEventPoint.State.Pressed]
            if pressed:
                self._press(pressed[0].position(), self._eraser, "touch", pressed[0].id())
        elif self._live_from("touch"):  # one finger draws; others are ignored
            point = next((p for p in e.points() if p.id() == self._live_key), None)
            if point is not None:
                self._extend(point.position())
                if point.state() == QEventPoint.State.Released or e.type() == _E.TouchEnd:
                    self._finish()

    # ------------------------------------------------------------- rendering
    def _colours(self) -> tuple[QColor, QColor, QColor]:
        """(paper, ink, line): line is the border/guide/hint tone between paper and ink."""
        palette = self.palette()
        dark = is_dark(palette)
        paper = palette.color(QPalette.ColorRole.Base)
        if (paper.lightnessF() < 0.5) != dark:
            paper = QColor("#1d2026" if dark else "#ffffff")
        ink = QColor("#f2f4f7" if dark else "#15171b")
        return paper, ink, mix(paper, ink, 0.35)

    def _ink_view(self) -> np.ndarray:
        img = self._ink
        buf = np.frombuffer(img.constBits(), np.uint8, count=img.bytesPerLine() * img.height())
        return buf.reshape(img.height(), img.bytesPerLine())[:, :img.width()]

    def _logical_size(self) -> QSize:
        return QSize(max(1, self.width()), max(1, self.height()))

    def _ensure_rasters(self) -> None:
        """Rebuild the rasters if the widget's size or pixel ratio changed (Qt repaints then anyway)."""
        if self._ink.size() != self._logical_size() or self._view.devicePixelRatioF() != self.devicePixelRatioF():
            self._render_all(repaint=False)
            self._update_cursor()

    def _render_all(self, repaint: bool = True) -> None:
        """Rebuild both rasters from the vector strokes."""
        size, dpr = self._logical_size(), self.devicePixelRatioF()
        w, h = size.width(), size.height()
        self._ink_colour = self._colours()[1]
        if self._ink.size() != size:
            self._ink = QImage(w, h, QImage.Format.Format_Grayscale8)
        self._ink.fill(0)
        device = QSize(round(w * dpr), round(h * dpr))
        if self._view.size() != device:
            self._view = QImage(device, QImage.Format.Format_ARGB32_Premultiplied)
        self._view.setDevicePixelRatio(dpr)
        self._view.fill(Qt.GlobalColor.transparent)
        for stroke in self._strokes + ([self._live] if self._live else []):
            self._paint(stroke, stroke.points, repaint=False)
        self._hint = self._live is None and self.is_empty()
        if repaint:
            self.update()

    def _paint(self, stroke: Stroke, points, repaint: bool = True) -> None:
        """Paint ``points`` of ``stroke`` (all of it, or just its newest segment) onto both rasters."""
        w, h = self._ink.width(), self._ink.height()
        if stroke.image is not None:
            self._paint_image(stroke.image, repaint)
            return
        pts = [QPointF(x * w, y * h) for x, y in points]
        width = max(1.0, stroke.width * w / self._aspect)
        pen = QPen(QColor(), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        # coverage: white ink, black erases; display: ink colour, erasing cuts it out
        over, out = QPainter.CompositionMode.CompositionMode_SourceOver, QPainter.CompositionMode.CompositionMode_DestinationOut
        for image, colour, mode in ((self._ink, QColor.fromRgb(*3 * [0 if stroke.erase else 255]), over),
                                    (self._view, self._ink_colour, out if stroke.erase else over)):
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setCompositionMode(mode)
            pen.setColor(colour)
            painter.setPen(pen)
            if len(pts) == 1:
                painter.drawPoint(pts[0])
            else:
                painter.drawPolyline(QPolygonF(pts))
            painter.end()
        if repaint:
            pad = width / 2 + 2
            self.update(QPolygonF(pts).boundingRect().adjusted(-pad, -pad, pad, pad).toAlignedRect())

    def _paint_image(self, pixels: np.ndarray, repaint: bool = True) -> None:
        """A raster stroke: ``pixels`` (255 ink) smoothly scaled into a square of the canvas's height, centred."""
        w, h = self._ink.width(), self._ink.height()
        ih, iw = pixels.shape
        side = float(h)
        target = QRectF((w - side * iw / ih) / 2, 0.0, side * iw / ih, side)
        grey = QImage(pixels.data, iw, ih, iw, QImage.Format.Format_Grayscale8).copy()
        rgba = np.zeros((ih, iw, 4), np.uint8)     # the ink colour, premultiplied, alpha = coverage
        c = self._ink_colour
        alpha = pixels.astype(np.uint16)
        rgba[..., 0] = (alpha * c.blue() // 255).astype(np.uint8)
        rgba[..., 1] = (alpha * c.green() // 255).astype(np.uint8)
        rgba[..., 2] = (alpha * c.red() // 255).astype(np.uint8)
        rgba[..., 3] = pixels
        coloured = QImage(rgba.data, iw, ih, iw * 4, QImage.Format.Format_ARGB32_Premultiplied).copy()
        for image, source in ((self._ink, grey), (self._view, coloured)):
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, source)
            painter.end()
        if repaint:
            self.update()

    def _refresh_hint(self) -> None:
        hint = self._live is None and self.is_empty()
        if hint != self._hint:
            self._hint = hint
            self.update()

    def _update_cursor(self) -> None:
        """A ring the size of the brush (dashed when erasing), light and dark so it shows on any paper."""
        d = max(6.0, self._brush / REFERENCE_WIDTH * max(1, self.width()) / self._aspect)
        dpr = self.devicePixelRatioF()
        side = int(d + 4)
        pixmap = QPixmap(round(side * dpr), round(side * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QRectF(2, 2, d, d)
        painter.setPen(QPen(QColor(255, 255, 255, 200), 3))
        painter.drawEllipse(ring)
        painter.setPen(QPen(QColor(0, 0, 0, 220), 1.2,
                            Qt.PenStyle.DashLine if self._eraser else Qt.PenStyle.SolidLine))
        painter.drawEllipse(ring)
        painter.end()
        self.setCursor(QCursor(pixmap, side // 2, side // 2))

    def paintEvent(self, e) -> None:
        self._ensure_rasters()
        paper, _, line = self._colours()
        painter = QPainter(self)
        dirty, radius = e.rect(), min(14.0, self.width() / self._aspect / 20)
        corner = int(radius) + 1
        inside = self.rect().adjusted(corner, corner, -corner, -corner).contains(dirty)
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        if inside:  # the usual case while drawing: a small rectangle away from the border
            painter.fillRect(dirty, paper)
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillPath(outline, paper)
            painter.setClipPath(outline)
        if self._hint:
            faint = mix(paper, line, 0.55)
            m = _GUIDE_MARGIN
            mx, my = self.width() * m / self._aspect, self.height() * m   # on a wide canvas: the height's margin
            guide = QRectF(mx, my, self.width() - 2 * mx, self.height() - 2 * my)
            painter.setPen(QPen(faint, 1, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(guide, radius / 2, radius / 2)
            font = QFont(self.font())
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * max(1.0, self.width() / self._aspect / 330))
            painter.setFont(font)
            painter.setPen(line)
            painter.drawText(guide, int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), self._hint_text)
        dpr = self._view.devicePixelRatioF()
        source = QRectF(dirty.x() * dpr, dirty.y() * dpr, dirty.width() * dpr, dirty.height() * dpr)
        painter.drawImage(QRectF(dirty), self._view, source)
        if self._boxes:
            self._paint_boxes(painter, paper)
        if not inside:
            painter.setClipping(False)
            painter.setPen(QPen(line, 1))
            painter.drawPath(outline)
        painter.end()

    def _paint_boxes(self, painter: QPainter, paper: QColor) -> None:
        """Each digit's box over the ink: the accent colour, orange for one that is not a digit; the
        selected one bolder, with a faint fill."""
        palette = self.palette()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i, rect in enumerate(self.box_rects()):
            colour = QColor(unsure(palette) if self._marked[i] else accent(palette))
            chosen = i == self._selected
            rect = rect.adjusted(-_BOX_PAD, -_BOX_PAD, _BOX_PAD, _BOX_PAD)
            if chosen:
                fill = QColor(colour)
                fill.setAlphaF(0.10)
                painter.setBrush(fill)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                colour = mix(paper, colour, 0.6)
            painter.setPen(QPen(colour, 2.5 if chosen else 1.3,
                                Qt.PenStyle.SolidLine if chosen or self._marked[i] else Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect, 6, 6)
        painter.restore()

"""The graphics of the activation view, one drawer per column kind, each made of a few items
created once per model: ``place`` moves them after a layout, ``show`` gives them new values
(only setImage / setBrush / setText / update — never a new item), ``recolor`` follows the palette.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsObject, QGraphicsPathItem, QGraphicsRectItem,
                               QGraphicsSimpleTextItem, QGraphicsTextItem)

from gui import theme
from gui.network.colors import (GREY, TILE_DIVERGING, TILE_SEQUENTIAL, Colors, channel_scale,
                                   level_index, value_range)
from gui.network.layout import CHIP_HEIGHT, Column, mosaic_index, node_positions
from gui.drawing.answer_text import UNSURE_BELOW, percent_text, top_two


def pixel_font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


FONTS = {"title": pixel_font(12, bold=True), "detail": pixel_font(11), "chip": pixel_font(10),
         "caption": pixel_font(11), "digit": pixel_font(12, bold=True), "percent": pixel_font(11),
         "winner": pixel_font(11, bold=True)}     # the winning digit's percentage


def text_item(scene, text: str, font: str, color: QColor, z: float = 3) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text)
    item.setFont(FONTS[font])
    item.setBrush(color)
    item.setZValue(z)
    scene.addItem(item)
    return item


def put(item, x: float, y: float, ax: float = 0.5, ay: float = 0.0) -> None:
    """Place ``item`` so that the point (ax, ay) of its bounding box (0..1 each) is at (x, y)."""
    r = item.boundingRect()
    # An empty label has no height yet: anchor it by its font's line, or it sits half a row low
    # once its text arrives.
    height = r.height() or QFontMetricsF(item.font()).height()
    item.setPos(round(x - ax * r.width()), round(y - ay * height))


def rgba_image(lut: np.ndarray, index: np.ndarray, gather: np.ndarray) -> np.ndarray:
    """The RGBA picture of lookup-table rows ``index`` (flat) arranged by ``gather``
    (its value ``len(index)`` marks gap pixels: the transparent last row of ``lut``)."""
    ext = np.empty(index.size + 1, np.intp)
    ext[:-1] = index.ravel()
    ext[-1] = len(lut) - 1
    return lut[ext[gather]]


class Drawer:
    """Base: a column's title and detail labels."""

    def __init__(self, scene, column: Column, colors: Colors):
        self.column, self.colors = column, colors
        self.items: list[QGraphicsItem] = []
        self.values: np.ndarray | None = None      # what is on show (None: idle)
        self.title = self._own(text_item(scene, column.title, "title", colors.text))
        self.detail = self._own(text_item(scene, column.detail, "detail", colors.muted))

    def _own(self, item):
        self.items.append(item)
        return item

    def place(self) -> None:
        c = self.column
        put(self.title, c.center_x, 2)
        put(self.detail, c.center_x, 18)

    def relabel(self) -> None:
        """Take the column's title and detail again (the language changed); ``place`` puts them."""
        self.title.setText(self.column.title)
        self.detail.setText(self.column.detail)

    def set_detail(self, text: str, color: QColor | None = None) -> None:
        self.detail.setText(text)
        self.detail.setBrush(color or self.colors.muted)
        put(self.detail, self.column.center_x, 18)

    def recolor(self, colors: Colors) -> None:
        self.colors = colors
        self.title.setBrush(colors.text)
        self.detail.setBrush(colors.muted)


class MapsDrawer(Drawer):
    """A Conv2D/pooling layer (or a wide dense layer, as a grid): every channel a tile of one image."""

    def __init__(self, scene, column: Column, colors: Colors):
        super().__init__(scene, column, colors)
        self.image = self._own(pg.ImageItem(axisOrder="row-major"))
        self.image.setZValue(1)
        scene.addItem(self.image)
        self.gather = np.zeros((1, 1), np.intp)
        self.signed = False

    @property
    def shape(self) -> tuple[int, int, int]:
        c = self.column
        return (1, 1, c.layer.units) if c.kind == "grid" else tuple(c.layer.shape)

    def place(self) -> None:
        super().place()
        c = self.column
        self.gather = mosaic_index(self.shape, c.cols, c.tile, c.gap)
        self.image.setPos(c.content[0], c.content[1])
        self.show(self.values)

    def show(self, values: np.ndarray | None) -> None:
        self.values = values
        shape = self.shape
        if values is None:
            index, lut = np.zeros(int(np.prod(shape)), np.intp), self._lut(False)
        elif self.column.kind == "grid":       # a dense layer: one scale for the whole layer
            lo, hi, signed = value_range(values, self.column.layer.activation)
            index, lut = level_index(values, lo, hi), self._lut(signed)
        else:                                  # feature maps: each channel on its own scale
            v = values.reshape(shape)
            signed = bool(v.min() < 0)
            norm = v / channel_scale(v)
            index, lut = level_index(norm, -1.0 if signed else 0.0, 1.0), self._lut(signed)
        self.image.setImage(rgba_image(lut, index, self.gather), autoLevels=False, levels=None)

    def _lut(self, signed: bool) -> np.ndarray:
        if self.column.kind == "grid":      # opaque gaps: lines from a cell emerge at the grid's edge
            lut = (self.colors.node_div if signed else self.colors.node_lut).copy()
            lut[-1] = self.colors.window.getRgb()
            return lut
        return TILE_DIVERGING if signed else TILE_SEQUENTIAL

    def recolor(self, colors: Colors) -> None:
        super().recolor(colors)
        self.show(self.values)


class DenseDrawer(Drawer):
    """A dense layer of ≤ 32 units: a column of circles, coloured by activation."""

    def __init__(self, scene, column: Column, colors: Colors):
        super().__init__(scene, column, colors)
        self.nodes = self._own(pg.ScatterPlotItem(pxMode=True, antialias=True))
        self.nodes.setZValue(2)
        scene.addItem(self.nodes)
        self.brushes: list[QBrush] = []

    def place(self) -> None:
        super().place()
        pos = node_positions(self.column)
        self.nodes.setData(pos=pos, size=2 * self.column.radius / self.column.scale, symbol="o",
                           pen=pg.mkPen(self.colors.outline, width=1))
        self.show(self.values)

    def show(self, values: np.ndarray | None) -> None:
        self.values = values
        n = self.column.layer.units
        if values is None:
            brushes = [self.colors.node_brushes[0]] * n
        else:
            lo, hi, signed = value_range(values, self.column.layer.activation)
            table = self.colors.div_brushes if signed else self.colors.node_brushes
            brushes = [table[i] for i in level_index(values, lo, hi)]
        self.brushes = brushes
        self.nodes.setBrush(brushes)

    def recolor(self, colors: Colors) -> None:
        super().recolor(colors)
        self.nodes.setPen(pg.mkPen(colors.outline, width=1))
        self.show(self.values)


class OutputDrawer(DenseDrawer):
    """The output layer: ten circles 0–9 coloured by softmax probability, the winner ringed and
    labelled like the probability bars (accent when sure, the unsure colour for a guess)."""

    def __init__(self, scene, column: Column, colors: Colors):
        super().__init__(scene, column, colors)
        self.ring = self._own(pg.ScatterPlotItem(pxMode=True, antialias=True))
        self.ring.setZValue(2.5)
        scene.addItem(self.ring)
        self.digits = [self._own(text_item(scene, str(d), "digit", colors.text, z=2.6)) for d in range(10)]
        self.percents = [self._own(text_item(scene, "", "percent", colors.muted)) for d in range(10)]
        self.probabilities: np.ndarray | None = None
        self.winner: int | None = None

    def place(self) -> None:
        Drawer.place(self)
        pos = node_positions(self.column)
        r, scale = self.column.radius, self.column.scale    # scatter sizes are in screen pixels
        self.nodes.setData(pos=pos, size=2 * r / scale, symbol="o", pen=pg.mkPen(self.colors.outline, width=1))
        self.ring.setData(pos=pos[:1], size=self._ring_size(), symbol="o", brush=None)
        for d, (x, y) in enumerate(pos):
            put(self.digits[d], x + 0.5, y, ax=0.5, ay=0.5)
            put(self.percents[d], x + r + 6, y, ax=0.0, ay=0.5)
        self.show(self.values, self.probabilities)

    def show(self, values: np.ndarray | None, probabilities: np.ndarray | None = None) -> None:
        self.values, self.probabilities = values, probabilities
        c = self.colors
        if probabilities is None:
            self.nodes.setBrush([c.node_brushes[0]] * 10)
            self.ring.setVisible(False)
            for d in range(10):
                self._label(d, "", c.muted, False)
                self.digits[d].setBrush(c.on_fill[0])
            self.winner = None
            return
        p = np.clip(np.asarray(probabilities, dtype=float).reshape(10), 0.0, 1.0)
        levels = level_index(p, 0.0, 1.0)
        self.brushes = [c.node_brushes[i] for i in levels]
        self.nodes.setBrush(self.brushes)
        for d, level in enumerate(levels):     # the digit stays readable on light and deep fills
            color = c.on_fill[level]
            if self.digits[d].brush().color() != color:
                self.digits[d].setBrush(color)
        winner, runner_up = top_two(p)
        sure = p[winner] >= UNSURE_BELOW
        mark = c.accent if sure else c.unsure
        self.ring.setData(pos=node_positions(self.column)[winner:winner + 1], symbol="o",
                          size=self._ring_size(),
                          pen=pg.mkPen(mark, width=2.2), brush=None)
        self.ring.setVisible(True)
        for d in range(10):
            strong = d == winner or (not sure and d == runner_up)
            color = mark if strong else (c.muted if p[d] >= 0.01 else c.faint)
            self._label(d, percent_text(p[d]), color, d == winner)
        self.winner = winner

    def _ring_size(self) -> float:
        """The winner's ring in screen pixels: 7 px wider than its circle where the rows leave room,
        never wider than a row, so it never overlaps its neighbours."""
        r, pitch = self.column.radius, self.column.content[2]
        return (2 * r + max(2.0, min(7.0, pitch - 2 * r - 1.5))) / self.column.scale

    def _label(self, d: int, text: str, color: QColor, bold: bool) -> None:
        label = self.percents[d]
        if label.text() != text:
            label.setText(text)
        if label.brush().color() != color:
            label.setBrush(color)
        if label.font().bold() != bold:
            label.setFont(pixel_font(11, bold))

    def recolor(self, colors: Colors) -> None:
        Drawer.recolor(self, colors)
        self.nodes.setPen(pg.mkPen(colors.outline, width=1))
        for label in self.percents:
            label.setBrush(colors.faint)
        self.show(self.values, self.probabilities)


class InputDrawer(Drawer):
    """The 28×28 input (white ink on black, as the network sees it) and, below it, the inspector:
    the weights of the neuron or filter the user clicked (or, until then, the most active one)."""

    def __init__(self, scene, column: Column, colors: Colors):
        super().__init__(scene, column, colors)
        self.image = self._own(pg.ImageItem(axisOrder="row-major"))
        self.frame = self._own(QGraphicsRectItem())
        self.inspector = self._own(pg.ImageItem(axisOrder="row-major"))
        self.caption = self._own(QGraphicsTextItem())
        self.hint = self._own(text_item(scene, "", "caption", colors.muted))
        self.caption.setFont(FONTS["caption"])
        for item, z in ((self.image, 1), (self.frame, 2), (self.inspector, 1), (self.caption, 3)):
            item.setZValue(z)
            scene.addItem(item)
        self.gather = np.zeros((1, 1), np.intp)
        self.weights: np.ndarray | None = None    # what the inspector shows, as (h, w, c)
        self.weights_rect = (0.0, 0.0, 0.0, 0.0)
        self._caption_html = ""

    def place(self) -> None:
        super().place()
        x, y, side, _ = self.column.content
        self.gather = mosaic_index((28, 28, 1), 1, side, 0)
        self.image.setPos(x, y)
        self.frame.setRect(QRectF(x - 0.5, y - 0.5, side + 1, side + 1))
        self.frame.setPen(QPen(self.colors.outline, 1))
        self.show(self.values)
        self.inspect(self.weights, self._caption_html, self.hint.text())

    def show(self, values: np.ndarray | None) -> None:
        self.values = values
        if values is None:
            index = np.zeros(28 * 28, np.intp)
        else:
            index = level_index(np.asarray(values).reshape(28 * 28), 0.0, 1.0)
        self.image.setImage(rgba_image(GREY, index, self.gather), autoLevels=False, levels=None)

    def inspect(self, weights: np.ndarray | None, caption_html: str, hint: str) -> None:
        """Show ``weights`` ((h, w) or (h, w, c), diverging colours around 0) in the inspector."""
        x, y, side, _ = self.column.content
        self._caption_html = caption_html
        self.caption.setHtml(f"<span style='color:{self.colors.text.name()}'>{caption_html}</span>")
        cap = self.caption.boundingRect()
        top = y + side + 4
        self.caption.setPos(round(x + side / 2 - cap.width() / 2), top - 3)
        self.hint.setText(hint)
        box_top = top + 18
        box = max(8, int(min(side, self.column.content[3] - side - 40)))
        put(self.hint, x + side / 2, box_top + box + 3)
        if weights is None:
            self.weights = None
            self.inspector.setVisible(False)
            return
        w = np.asarray(weights, dtype=float)
        w = w.reshape(*w.shape, 1) if w.ndim == 2 else w
        self.weights = w
        h, wd, c = w.shape
        if c == 1:
            tile, cols, gap = box * h // max(h, wd), 1, 0
        else:
            cols = int(np.ceil(np.sqrt(c)))
            rows = int(np.ceil(c / cols))
            gap = 1 if box / max(cols, rows) < 14 else 2
            tile = int(box / max(cols, rows)) - gap
            tile = max(1, tile * h // max(h, wd))
        gather = mosaic_index((h, wd, c), cols, tile, gap)
        top_abs = float(np.max(np.abs(w))) or 1.0
        pixels = rgba_image(TILE_DIVERGING, level_index(w, -top_abs, top_abs), gather)
        gh, gw = gather.shape
        ix, iy = round(x + (side - gw) / 2), round(box_top + (box - gh) / 2)
        self.weights_rect = (ix, iy, gw, gh)
        self.inspector.setImage(pixels, autoLevels=False, levels=None)
        self.inspector.setPos(ix, iy)
        self.inspector.setVisible(True)

    def recolor(self, colors: Colors) -> None:
        super().recolor(colors)
        self.frame.setPen(QPen(colors.outline, 1))
        self.hint.setBrush(colors.muted)
        self.inspect(None if self.weights is None else self.weights, self._caption_html, self.hint.text())


class _StaticLines(QGraphicsItem):
    """Faint lines for every weight: painted once into a cached pixmap (they change only with
    the weights or the layout), behind the live lines of its parent."""

    def __init__(self, parent: QGraphicsItem):
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.lines: list[QLineF] = []
        self.pen = QPen()
        self.rect = QRectF()

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.lines:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(self.pen)
            painter.drawLines(self.lines)


class Connections(QGraphicsObject):
    """Lines between two consecutive dense layers: faint static ones for every weight (small
    layers only), and the live strongest contributions w_ij·a_i per target neuron, coloured by
    sign (accent: excites, orange: inhibits) and weighted by size in three steps."""

    STEPS = ((0.5, 2.2, 220), (0.22, 1.3, 130), (0.08, 0.8, 60))   # (from |c|/max, width, alpha)

    def __init__(self, colors: Colors):
        super().__init__()
        self.setZValue(0)
        self._rect = QRectF()
        self._static = _StaticLines(self)
        self._live: list[list[QLineF]] = [[] for _ in range(6)]   # (sign, step) → lines
        self.count = 0
        self.recolor(colors)

    def recolor(self, colors: Colors) -> None:
        # Opaque colours pre-mixed with the background, flat caps: Qt's raster engine draws these
        # antialiased lines ~10-40× faster than translucent or round-capped ones.
        self._pens = []
        for sign_color in (colors.accent, colors.unsure):
            for _, width, alpha in self.STEPS:
                pen = QPen(theme.mix(colors.window, sign_color, alpha / 255), width)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                self._pens.append(pen)
        faint = QPen(theme.mix(colors.window, colors.outline, 0.14), 0.6)
        faint.setCapStyle(Qt.PenCapStyle.FlatCap)
        self._static.pen = faint
        self._static.update()
        self.update()

    def set_area(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._static.prepareGeometryChange()
        self._rect = QRectF(rect)
        self._static.rect = QRectF(rect)

    def set_static(self, src: np.ndarray, dst: np.ndarray) -> None:
        """Every source → every target (call with empty arrays for none)."""
        self._static.lines = [QLineF(x0, y0, x1, y1) for x1, y1 in dst for x0, y0 in src]
        self._static.update()

    def set_lines(self, src: np.ndarray, dst: np.ndarray, contributions: np.ndarray | None, k: int) -> None:
        """Show the ``k`` strongest |contributions| (n_src, n_dst) into each target."""
        self._live = [[] for _ in range(6)]
        self.count = 0
        if contributions is not None and contributions.size:
            top = float(np.max(np.abs(contributions)))
            if top > 0:
                k = min(k, contributions.shape[0])
                best = np.argpartition(-np.abs(contributions), k - 1, axis=0)[:k]
                for j in range(contributions.shape[1]):
                    x1, y1 = dst[j]
                    for i in best[:, j]:
                        c = contributions[i, j]
                        s = abs(c) / top
                        for step, (lo, _, _) in enumerate(self.STEPS):
                            if s >= lo:
                                x0, y0 = src[i]
                                self._live[(c < 0) * 3 + step].append(QLineF(x0, y0, x1, y1))
                                self.count += 1
                                break
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index in (2, 5, 1, 4, 0, 3):        # weakest first: the strong ones on top
            if self._live[index]:
                painter.setPen(self._pens[index])
                painter.drawLines(self._live[index])


class Chip:
    """A passing layer's name in a small rounded box between two columns."""

    def __init__(self, scene, info, colors: Colors, text: str | None = None):
        self.info = info
        self.box = QGraphicsPathItem()
        self.text = text_item(scene, info.chip if text is None else text, "chip", colors.muted, z=3.1)
        self.box.setZValue(3)
        scene.addItem(self.box)
        self.items = [self.box, self.text]
        self.rect = QRectF()
        self.recolor(colors)

    def relabel(self, text: str) -> None:
        """New words (the language changed); ``place`` centres them in the box again."""
        self.text.setText(text)

    def place(self, x: float, y: float, w: float) -> None:
        self.rect = QRectF(x, y, w, CHIP_HEIGHT)
        path = QPainterPath()
        path.addRoundedRect(self.rect, CHIP_HEIGHT / 2, CHIP_HEIGHT / 2)
        self.box.setPath(path)
        put(self.text, x + w / 2, y + CHIP_HEIGHT / 2, ay=0.5)

    def recolor(self, colors: Colors) -> None:
        self.box.setBrush(colors.chip_fill)
        self.box.setPen(QPen(colors.track, 1))
        self.text.setBrush(colors.muted)


class Highlight:
    """A marker: a ring around a neuron or a frame around a tile/pixel. The hover marker is in
    the text colour; the inspector's (which neuron/channel it shows) in the accent colour."""

    def __init__(self, scene, colors: Colors, role: str = "text", grow: float = 1.5):
        self.role, self.grow = role, grow
        self.ring = pg.ScatterPlotItem(pxMode=True, antialias=True)
        self.frame = QGraphicsRectItem()
        z = 5 if role == "text" else 4.5
        self.ring.setZValue(z)
        self.frame.setZValue(z)
        scene.addItem(self.ring)
        scene.addItem(self.frame)
        self.items = [self.ring, self.frame]
        self.recolor(colors)
        self.hide()

    def recolor(self, colors: Colors) -> None:
        self.pen = pg.mkPen(getattr(colors, self.role), width=1.6)
        self.frame.setPen(self.pen)
        self.frame.setBrush(Qt.BrushStyle.NoBrush)
        if self.ring.isVisible():
            self.ring.setPen(self.pen)

    def at_node(self, pos: QPointF, radius: float, scale: float = 1.0) -> None:
        """Ring a node of ``radius`` (scene units; ``scale`` scene units per screen pixel)."""
        self.frame.setVisible(False)
        self.ring.setData(pos=[(pos.x(), pos.y())], size=2 * (radius / scale + 2 * self.grow), symbol="o",
                          pen=self.pen, brush=None)
        self.ring.setVisible(True)

    def at_rect(self, rect: QRectF) -> None:
        self.ring.setVisible(False)
        g = self.grow
        self.frame.setRect(rect.adjusted(-g, -g, g, g))
        self.frame.setVisible(True)

    def hide(self) -> None:
        self.ring.setVisible(False)
        self.frame.setVisible(False)

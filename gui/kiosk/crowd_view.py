"""The kiosk's simplified live view of the network (:class:`CrowdView`), made to be seen from
three metres, and what it shows of a prediction (:func:`crowd_columns`)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPainterPath,
                           QPen, QRadialGradient)
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import i18n, theme
from gui.network.colors import ramp
from gui.kiosk.theme import ACCENT, FAINT, GLOW, MUTED, TEXT, TRACK, UNSURE, booth_font, with_alpha
from gui.kiosk.widgets import AnimatedWidget, Eased
from gui.drawing.answer_text import UNSURE_BELOW

# activation 0..1 → dark blue, through blue and cyan, to near white
GLOW_LUT = ramp([(0.0, "#0a1122"), (0.3, "#1e3a8a"), (0.6, "#2563eb"), (0.8, "#38bdf8"), (1.0, "#f0f9ff")])


def _grid(n: int, width: float, height: float) -> tuple[int, int, float]:
    """(columns, rows, cell side) packing ``n`` square cells into width × height, cells as big as possible."""
    best = (n, 1, 0.0)
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        side = min(width / cols, height / rows)
        if side > best[2]:
            best = (cols, rows, side)
    return best


@dataclass
class _Column:
    """One column of the view: what it shows and where (set by the layout)."""
    kind: str                       # "image" | "maps" | "neurons" | "output"
    title: str
    values: Eased
    rect: QRectF = field(default_factory=QRectF)   # the column's content (set by the layout)
    box: QRectF = field(default_factory=QRectF)    # the column's share of the width
    grid: tuple[int, int, float] = (1, 1, 0.0)


_PASSING = {"Reshape", "Flatten", "Dropout", "BatchNormalization", "InputLayer", "Rescaling",
            "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D",
            "SpatialDropout2D", "GaussianNoise"}


def crowd_columns(prediction) -> list[tuple[str, str, np.ndarray]]:
    """What the crowd view shows for a prediction: (kind, title, values 0..1) from the input to the
    answer — the first and the deepest convolution as feature-map mosaics, one or two hidden dense
    layers as neurons, the ten outputs."""
    layers = [a for a in prediction.activations[:-1] if a.kind not in _PASSING]
    maps = [a for a in layers if a.values.ndim == 3]
    dense = [a for a in layers if a.values.ndim == 1 and a.values.size > 1]
    picked_maps = maps[:1] + maps[-1:] if len(maps) > 1 else maps
    picked_dense = dense[-1:] if maps else (dense[:1] + dense[-1:] if len(dense) > 1 else dense)
    image = np.clip(np.asarray(prediction.image, np.float32), 0, 1)
    columns = [("image", QCoreApplication.translate("CrowdView", "What it sees"), image)]
    for i, layer in enumerate(picked_maps):
        v = np.maximum(np.asarray(layer.values, np.float32), 0.0)
        peak = v.max(axis=(0, 1))
        v = v / np.maximum(peak, max(float(peak.max()) * 0.08, 1e-6))
        channels = v.shape[2]
        title = (QCoreApplication.translate("CrowdView", "{count} pattern detectors") if i == 0
                 else QCoreApplication.translate("CrowdView", "{count} deeper patterns"))
        columns.append(("maps", title.format(count=i18n.integer(channels)), v))
    for layer in picked_dense:
        v = np.asarray(layer.values, np.float32).ravel()
        v = np.maximum(v, 0.0) if v.min() >= 0 else np.abs(v)
        v = v / max(float(v.max()), 1e-6)
        columns.append(("neurons", QCoreApplication.translate("CrowdView", "{count} neurons").format(
            count=i18n.integer(v.size)), v))
    answer = np.clip(np.asarray(prediction.probabilities, np.float32), 0, 1)
    columns.append(("output", QCoreApplication.translate("CrowdView", "Answer"), answer))
    return columns


class CrowdView(AnimatedWidget):
    """A big-and-bold picture of the network at work, made to be seen from three metres: what it
    sees, its feature maps as glowing mosaics, its hidden neurons as lights and the ten answers,
    joined by light trails between the most active units. It glows up and fades with each answer."""

    WEIGHTS = {"image": 1.0, "maps": 1.35, "neurons": 1.1, "output": 0.6}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._columns: list[_Column] = []
        self._signature: tuple | None = None
        self._prediction = None          # the last one shown (its column titles, after a language switch)
        self._model_label = ""
        self._laid_out_for = (0, 0)
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _easers(self) -> list[Eased]:
        return [c.values for c in self._columns]

    def set_model_label(self, label: str) -> None:
        self._model_label = label
        self.update()

    def column_titles(self) -> list[str]:
        return [c.title for c in self._columns]

    def glow(self) -> float:
        """How lit the view is (0 dark .. 1): the mean of every column's strongest value."""
        if not self._columns:
            return 0.0
        return float(np.mean([float(c.values.current.max(initial=0.0)) for c in self._columns]))

    def show_prediction(self, prediction) -> None:
        if prediction is None:
            for column in self._columns:
                column.values.fade()
        else:
            self._prediction = prediction
            columns = crowd_columns(prediction)
            signature = tuple((kind, values.shape) for kind, _, values in columns)
            if signature != self._signature:
                self._signature = signature
                self._columns = [_Column(kind, title, Eased(0.3)) for kind, title, _ in columns]
                self._laid_out_for = (0, 0)
            for column, (_, title, values) in zip(self._columns, columns):
                column.title = title
                column.values.set(values)
        self._animate()

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            if self._prediction is not None and self._columns:   # the titles in the new language
                for column, (_, title, _) in zip(self._columns, crowd_columns(self._prediction)):
                    column.title = title
            self.update()
        super().changeEvent(event)

    # ----- geometry -------------------------------------------------------------------------------
    def _scale(self) -> float:
        return max(0.5, min(1.6, self.height() / 360))

    def _layout(self) -> None:
        if self._laid_out_for == (self.width(), self.height()) or not self._columns:
            return
        self._laid_out_for = (self.width(), self.height())
        s = self._scale()
        pad = 18 * s
        top, bottom = pad + 30 * s, self.height() - pad - 30 * s
        height = max(10.0, bottom - top)
        total = sum(self.WEIGHTS[c.kind] for c in self._columns)
        gap = 0.07 * (self.width() - 2 * pad)
        unit = (self.width() - 2 * pad - gap * (len(self._columns) - 1)) / total
        x = pad
        for column in self._columns:
            width = unit * self.WEIGHTS[column.kind]
            box = QRectF(x, top, width, height)
            column.box = box.adjusted(-gap / 2, 0, gap / 2, 0)
            x += width + gap
            shape = column.values.target.shape if column.values.target is not None else (1,)
            if column.kind == "image":
                side = min(box.width(), box.height())
                column.rect = QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
            elif column.kind == "maps" and shape[0] < 12:   # small maps: one light per channel
                cols, rows, cell = _grid(int(shape[2]), box.width(), box.height())
                column.grid = (cols, rows, cell)
                column.rect = QRectF(box.center().x() - cols * cell / 2, box.center().y() - rows * cell / 2,
                                     cols * cell, rows * cell)
            elif column.kind == "maps":
                th, tw, n = shape
                cols, rows, cell = _grid(n, box.width() / tw * th, box.height())   # cell: tile height
                side_w, side_h = cols * cell * tw / th, rows * cell
                column.grid = (cols, rows, cell)
                column.rect = QRectF(box.center().x() - side_w / 2, box.center().y() - side_h / 2, side_w, side_h)
            elif column.kind == "neurons":
                cols, rows, cell = _grid(int(shape[0]), box.width(), box.height())
                column.grid = (cols, rows, cell)
                column.rect = QRectF(box.center().x() - cols * cell / 2, box.center().y() - rows * cell / 2,
                                     cols * cell, rows * cell)
            else:   # output: one column of ten
                cell = min(box.height() / 10, box.width())
                column.grid = (1, 10, cell)
                column.rect = QRectF(box.center().x() - cell / 2, box.center().y() - 5 * cell, cell, 10 * cell)

    def _units(self, column: _Column, top_k: int) -> list[tuple[QPointF, float]]:
        """The ``top_k`` most active units of a column: (centre, strength 0..1)."""
        v = column.values.current
        r = column.rect
        if column.kind == "image":
            blocks = v.reshape(7, 4, 7, 4).mean(axis=(1, 3))
            flat = blocks.ravel() * 2.2
            positions = [QPointF(r.x() + (i % 7 + 0.5) * r.width() / 7, r.y() + (i // 7 + 0.5) * r.height() / 7)
                         for i in range(49)]
        elif column.kind == "maps":
            means = v.mean(axis=(0, 1))
            flat = means / max(float(means.max()), 1e-6) * float(v.max(initial=0.0))
            cols, _, cell = column.grid
            tile_w = r.width() / cols
            positions = [QPointF(r.x() + (i % cols + 0.5) * tile_w, r.y() + (i // cols + 0.5) * cell)
                         for i in range(len(flat))]
        else:
            flat = v
            cols, _, cell = column.grid
            positions = [QPointF(r.x() + (i % cols + 0.5) * cell, r.y() + (i // cols + 0.5) * cell)
                         for i in range(len(flat))]
        order = np.argsort(-np.asarray(flat))[:top_k]
        return [(positions[i], float(min(1.0, flat[i]))) for i in order if flat[i] > 0.02]

    # ----- painting -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self._scale()
        frame = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        gradient = QLinearGradient(frame.topLeft(), frame.bottomLeft())
        gradient.setColorAt(0.0, QColor("#0c1424"))
        gradient.setColorAt(1.0, QColor("#070b15"))
        painter.setPen(QPen(QColor("#1c2a44"), 1.2))
        painter.setBrush(QBrush(gradient))
        painter.drawRoundedRect(frame, 22 * s, 22 * s)
        painter.setPen(MUTED)
        painter.setFont(booth_font(15 * s, bold=True))
        head = QRectF(22 * s, 12 * s, self.width() - 44 * s, 30 * s)
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.tr("INSIDE THE NETWORK"))
        painter.setFont(booth_font(14 * s))
        painter.setPen(with_alpha(MUTED, 0.8))
        painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._model_label)
        if not self._columns:
            painter.setFont(booth_font(20 * s))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Draw a digit to wake the network up"))
            painter.end()
            return
        self._paint_trails(painter, s)
        for column in self._columns:
            {"image": self._paint_image, "maps": self._paint_maps, "neurons": self._paint_neurons,
             "output": self._paint_output}[column.kind](painter, column, s)
            painter.setPen(MUTED)
            font = booth_font(15 * s, weight=QFont.Weight.DemiBold)
            while font.pixelSize() > 9 and QFontMetricsF(font).horizontalAdvance(column.title) > column.box.width():
                font.setPixelSize(font.pixelSize() - 1)
            painter.setFont(font)
            label = QRectF(column.box.x(), self.height() - 46 * s, column.box.width(), 30 * s)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, column.title)
        painter.end()

    def _paint_trails(self, painter: QPainter, s: float) -> None:
        painter.save()
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        tops = [self._units(c, 3 if c.kind == "output" else 8) for c in self._columns]
        for left, right in zip(tops, tops[1:]):
            for a, sa in left:
                for b, sb in right:
                    strength = sa * sb
                    if strength < 0.04:
                        continue
                    path = QPainterPath(a)
                    dx = (b.x() - a.x()) * 0.5
                    path.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b)
                    painter.setPen(QPen(with_alpha(GLOW, 0.55 * strength), (0.8 + 2.2 * strength) * s))
                    painter.drawPath(path)
        painter.restore()

    @staticmethod
    def _qimage(levels: np.ndarray) -> QImage:
        rgba = np.ascontiguousarray(GLOW_LUT[levels])
        h, w = levels.shape
        return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()

    def _paint_image(self, painter: QPainter, column: _Column, s: float) -> None:
        v = column.values.current
        levels = np.clip(v * 255 + 0.5, 0, 255).astype(np.intp)
        r = column.rect
        clip = QPainterPath()
        clip.addRoundedRect(r, 10 * s, 10 * s)
        painter.save()
        painter.setClipPath(clip)
        painter.drawImage(r, self._qimage(levels))   # nearest-neighbour: the 28×28 pixels show
        painter.restore()
        painter.setPen(QPen(with_alpha(GLOW, 0.25 + 0.5 * float(v.max(initial=0))), 1.5 * s))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(r, 10 * s, 10 * s)

    def _paint_maps(self, painter: QPainter, column: _Column, s: float) -> None:
        v = column.values.current
        th, tw, n = v.shape
        cols, rows, cell = column.grid
        if th < 12:   # one rounded light per channel, as bright as the channel is busy
            means = v.mean(axis=(0, 1))
            lit = means / max(float(means.max(initial=0.0)), 0.05) * float(v.max(initial=0.0))
            half, r = cell * 0.4, column.rect
            painter.setPen(Qt.PenStyle.NoPen)
            for k, value in enumerate(np.clip(lit, 0.0, 1.0)):
                centre = QPointF(r.x() + (k % cols + 0.5) * cell, r.y() + (k // cols + 0.5) * cell)
                value = float(value)
                if value > 0.45:
                    _draw_halo(painter, centre, half * 2.2, 0.45 * value)
                painter.setBrush(QColor(*map(int, GLOW_LUT[int(value * 255)])))
                painter.drawRoundedRect(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half),
                                        half * 0.35, half * 0.35)
            return
        gap = 1
        mosaic = np.full((rows * (th + gap) - gap, cols * (tw + gap) - gap), 256, np.intp)
        levels = np.clip(v * 255 + 0.5, 0, 255).astype(np.intp)
        for k in range(n):
            y, x = (k // cols) * (th + gap), (k % cols) * (tw + gap)
            mosaic[y:y + th, x:x + tw] = levels[:, :, k]
        painter.save()
        # big maps blur into a glow; small ones (8×8) stay crisp squares
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, th >= 16)
        painter.drawImage(column.rect, self._qimage(mosaic))
        painter.restore()
        # the busiest tiles get a lit frame
        means = v.mean(axis=(0, 1))
        top = float(means.max(initial=0.0))
        if top > 0.01:
            tile_w, tile_h = column.rect.width() / cols, column.rect.height() / rows
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for k in np.argsort(-means)[:4]:
                strength = float(means[k] / top) * float(v.max(initial=0.0))
                tile = QRectF(column.rect.x() + (k % cols) * tile_w, column.rect.y() + (k // cols) * tile_h,
                              tile_w, tile_h).adjusted(-1, -1, 1, 1)
                painter.setPen(QPen(with_alpha(GLOW, 0.8 * strength), 2 * s))
                painter.drawRoundedRect(tile, 3 * s, 3 * s)

    def _paint_neurons(self, painter: QPainter, column: _Column, s: float) -> None:
        v = column.values.current
        cols, _, cell = column.grid
        r = column.rect
        radius = cell * 0.36
        painter.setPen(Qt.PenStyle.NoPen)
        for i, value in enumerate(v):
            centre = QPointF(r.x() + (i % cols + 0.5) * cell, r.y() + (i // cols + 0.5) * cell)
            value = float(value)
            if value > 0.3:
                _draw_halo(painter, centre, radius * 2.3, 0.55 * value)
            painter.setBrush(QColor(*map(int, GLOW_LUT[int(min(255, max(0, value * 255)))])))
            painter.drawEllipse(centre, radius, radius)

    def _paint_output(self, painter: QPainter, column: _Column, s: float) -> None:
        v = column.values.current
        _, _, cell = column.grid
        r = column.rect
        winner = int(np.argmax(v)) if float(v.max(initial=0.0)) > 0.02 else None
        colour = UNSURE if winner is not None and float(v[winner]) < UNSURE_BELOW else ACCENT
        radius = cell * 0.42
        painter.setFont(booth_font(radius * 1.1, bold=True))
        for d in range(10):
            centre = QPointF(r.center().x(), r.y() + (d + 0.5) * cell)
            value = float(v[d])
            painter.setPen(Qt.PenStyle.NoPen)
            if d == winner:
                _draw_halo(painter, centre, radius * 3.2, 0.7 * value, colour)
            lit = colour if d == winner else QColor("#1d4ed8")
            painter.setBrush(theme.mix(TRACK, lit, min(1.0, value * 1.4)))
            painter.setPen(QPen(with_alpha(colour if d == winner else FAINT, 0.9), 1.5 * s))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(TEXT if value > 0.25 else MUTED)
            painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                             Qt.AlignmentFlag.AlignCenter, str(d))


def _draw_halo(painter: QPainter, centre: QPointF, radius: float, alpha: float, colour: QColor = GLOW) -> None:
    """A soft glow around a lit unit: the brighter the unit, the stronger its halo."""
    halo = QRadialGradient(centre, radius)
    halo.setColorAt(0.0, with_alpha(colour, alpha))
    halo.setColorAt(1.0, with_alpha(colour, 0.0))
    painter.setBrush(QBrush(halo))
    painter.drawEllipse(centre, radius, radius)

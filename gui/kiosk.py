"""Kiosk mode for demo booths: a touch screen, a queue of strangers, nobody at the keyboard,
eight hours without a restart (``python main.py --kiosk``, or ``kiosk = true`` in the booth config).

One frameless full-screen window with no menus and no training controls: a big canvas and a big
Clear button on the left; on the right the answer in huge type, "Did I get it right?" buttons,
the ten probabilities and a bold, simplified live view of the network (:class:`CrowdView`).

Unattended:

* **Idle** — after ``idle_clear_seconds`` without input the canvas clears (the drawing is counted);
  after ``attract_after_seconds`` more the :class:`AttractLoop` draws example digits stroke by
  stroke, recognised live, until the first touch, which clears the canvas for the visitor.
* **Leaving** — only the configured key combination (or the staff PIN, from a pad opened by five
  quick taps in the top-right corner). Esc, Alt+F4, a window manager's close request and every
  other key do nothing; leaving full screen is undone.
* **Errors** — an uncaught exception anywhere (a slot, a paint event, a thread) or a failed
  recognition is logged and the window recovers to a clean canvas; no dialog, no traceback on
  screen. A model that fails to load falls back to the other shipped models; if none loads the
  booth says "Warming up…" and retries in the background.
* **Statistics** — one JSON line per finished drawing and per answer (gui/booth.py).
"""
from __future__ import annotations

import logging
import math
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import (QElapsedTimer, QEvent, QKeyCombination, QObject, QPointF, QRect, QRectF, Qt,
                            QTimer, Signal, Slot)
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QKeySequence, QLinearGradient,
                           QMouseEvent, QPainter, QPainterPath, QPalette, QPen, QRadialGradient)
from PySide6.QtWidgets import (QApplication, QGraphicsDropShadowEffect, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget)

from engine.drawn_digits import DIGIT_TEMPLATES, jitter_strokes
from engine.resources import DEFAULT_MODEL, SHIPPED_MODELS
from gui.activation_colors import ramp
from gui.booth import DEFAULT_EXIT_KEYS, BoothConfig, BoothStats
from gui.canvas import DrawingCanvas
from gui.engine_session import LoadedModel
from gui.prediction_panel import UNSURE_BELOW, describe, top_two, whole_percent
from gui.recognition import Recognizer

log = logging.getLogger("digit_studio")

RETRY_SECONDS = 30.0          # nothing loaded: try the models again this often
FEEDBACK_DELAY_MS = 900       # the pen rests this long before "Did I get it right?" appears
CORNER_TAPS, CORNER_WINDOW_S, CORNER_PX = 5, 3.0, 140   # taps that open the staff PIN pad
PIN_TIMEOUT_MS = 20_000
RECOVERY_BURST = 5            # more recoveries than this within RECOVERY_WINDOW_S: only log
RECOVERY_WINDOW_S = 10.0
KIOSK_BRUSH = 22.0            # a finger-friendly pen (pixels of a 280-px canvas)

# ----- colours of the stage ------------------------------------------------------------------
BG, BG_LIFT = QColor("#060912"), QColor("#14223f")
PAPER = QColor("#0e1526")
TEXT, MUTED, FAINT = QColor("#f1f5f9"), QColor("#94a3b8"), QColor("#334155")
ACCENT, GLOW, UNSURE = QColor("#60a5fa"), QColor("#38bdf8"), QColor("#fb923c")
RIGHT, WRONG = QColor("#22c55e"), QColor("#f43f5e")
TRACK = QColor("#111a2e")
GLOW_LUT = ramp([(0.0, "#0a1122"), (0.3, "#1e3a8a"), (0.6, "#2563eb"), (0.8, "#38bdf8"), (1.0, "#f0f9ff")])

_E = QEvent.Type
_PRESSES = frozenset({_E.MouseButtonPress, _E.MouseButtonDblClick, _E.TouchBegin, _E.TabletPress})
_DRAGS = frozenset({_E.MouseMove, _E.TouchUpdate, _E.TabletMove})
_KEYS = frozenset({_E.KeyPress, _E.KeyRelease, _E.ShortcutOverride})
_BLOCKED = frozenset({_E.ContextMenu, _E.Wheel, _E.NativeGesture, _E.Gesture, _E.WhatsThis,
                      _E.QueryWhatsThis, _E.ToolTip})
_GEOMETRY = frozenset({_E.Resize, _E.Move})
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.MetaModifier)
_RESERVED = {("Alt", "F4"), ("Ctrl+Alt", "Del"), ("Alt", "Tab"), ("Ctrl", "W"), ("Ctrl", "Q")}


def exit_sequence(text: str) -> QKeySequence:
    """The exit combination from the config's text ("Ctrl+Alt+Shift+Q"); anything a visitor could
    hit by chance or the system reserves (no Ctrl/Alt/Meta, Alt+F4, Ctrl+Q, …) gives the default."""
    seq = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    problem = None
    if seq.count() != 1:
        problem = "expected exactly one key combination"
    else:
        combo = seq[0]
        key, mods = combo.key(), combo.keyboardModifiers()
        if key in (Qt.Key.Key_unknown, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift, Qt.Key.Key_Meta):
            problem = "not a key combination"
        elif not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                         | Qt.KeyboardModifier.MetaModifier):
            problem = "needs Ctrl, Alt or Meta, so that no visitor presses it by chance"
        else:
            parts = seq.toString(QKeySequence.SequenceFormat.PortableText).rsplit("+", 1)
            if tuple(parts) in _RESERVED:
                problem = "reserved by the system or a usual way to close windows"
    if problem:
        log.warning("booth config: exit_keys %r: %s; using %s", text, problem, DEFAULT_EXIT_KEYS)
        return QKeySequence(DEFAULT_EXIT_KEYS)
    return seq


def booth_palette() -> QPalette:
    """A dark, stage-like palette: light ink on deep blue-black."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, BG), (roles.WindowText, TEXT), (roles.Base, PAPER),
                         (roles.AlternateBase, TRACK), (roles.Text, TEXT), (roles.Button, QColor("#1e293b")),
                         (roles.ButtonText, TEXT), (roles.Highlight, QColor("#3b82f6")),
                         (roles.HighlightedText, QColor("#ffffff")), (roles.ToolTipBase, TRACK),
                         (roles.ToolTipText, TEXT), (roles.PlaceholderText, MUTED), (roles.Mid, FAINT),
                         (roles.Dark, QColor("#020409")), (roles.Light, QColor("#475569"))):
        palette.setColor(role, colour)
    return palette


def _font(pixels: float, bold: bool = False, weight: QFont.Weight | None = None) -> QFont:
    font = QFont()
    font.setPixelSize(max(8, round(pixels)))
    if weight is not None:
        font.setWeight(weight)
    elif bold:
        font.setBold(True)
    return font


def _with_alpha(colour: QColor, alpha: float) -> QColor:
    c = QColor(colour)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def _grid(n: int, width: float, height: float) -> tuple[int, int, float]:
    """(columns, rows, cell side) packing ``n`` square cells into width × height, cells as big as possible."""
    best = (n, 1, 0.0)
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        side = min(width / cols, height / rows)
        if side > best[2]:
            best = (cols, rows, side)
    return best


class Eased:
    """Values that glide toward their target a fraction of the way per frame (the view glows up
    and fades out instead of jumping)."""

    def __init__(self, rate: float = 0.3):
        self.rate = rate
        self.current: np.ndarray | None = None
        self.target: np.ndarray | None = None

    def set(self, target: np.ndarray) -> None:
        target = np.asarray(target, dtype=np.float32)
        if self.current is None or self.current.shape != target.shape:
            self.current = np.zeros_like(target)
        self.target = target

    def fade(self) -> None:
        if self.current is not None:
            self.target = np.zeros_like(self.current)

    def step(self) -> bool:
        """Move one frame; False once there (nothing left to animate)."""
        if self.current is None or self.target is None:
            return False
        delta = self.target - self.current
        if not delta.size or float(np.abs(delta).max()) < 0.004:
            self.current = self.target.copy()
            return False
        self.current += delta * self.rate
        return True


class _Animated(QWidget):
    """A widget whose Eased values are stepped at display rate only while they move."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._frame = QTimer(self, interval=16, timeout=self._tick)

    def _easers(self) -> list[Eased]:
        return []

    def _animate(self) -> None:
        if not self._frame.isActive():
            self._frame.start()

    def _tick(self) -> None:
        moving = False
        for easer in self._easers():
            moving |= easer.step()
        self.update()
        if not moving:
            self._frame.stop()

    def settle(self) -> None:
        """Jump to the targets (tests, screenshots)."""
        for easer in self._easers():
            while easer.step():
                pass
        self.update()


# ----- the probability bars ------------------------------------------------------------------
class BoothBars(_Animated):
    """Ten big, animated probability bars: percentages above, digits below, the winner lit."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._heights = Eased(0.28)
        self._heights.set(np.zeros(10))
        self._winner: int | None = None
        self._unsure = False
        self._runner_up: int | None = None
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _easers(self) -> list[Eased]:
        return [self._heights]

    def set_probabilities(self, p: np.ndarray | None) -> None:
        if p is None:
            self._heights.set(np.zeros(10))
            self._winner = self._runner_up = None
        else:
            p = np.clip(np.asarray(p, dtype=np.float32).reshape(10), 0.0, 1.0)
            self._heights.set(p)
            self._winner, self._runner_up = top_two(p)
            self._unsure = float(p[self._winner]) < UNSURE_BELOW
        self._animate()

    def heights(self) -> np.ndarray:
        """The bar heights as the next frame will draw them (0..1)."""
        return self._heights.current.copy()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        digit_px = max(14.0, min(44.0, h * 0.15))
        pct_px = max(11.0, digit_px * 0.58)
        bottom_band, top_band = digit_px * 1.5, pct_px * 1.7
        slot = w / 10
        bar_w = slot * 0.58
        top, bottom = top_band, h - bottom_band
        span = max(1.0, bottom - top)
        radius = min(bar_w / 2, 12.0)
        digit_font, digit_bold = _font(digit_px, weight=QFont.Weight.DemiBold), _font(digit_px, bold=True)
        pct_font, pct_bold = _font(pct_px), _font(pct_px, bold=True)
        heights = self._heights.current
        for d in range(10):
            x = slot * d + (slot - bar_w) / 2
            track = QRectF(x, top, bar_w, span)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, radius, radius)
            value = float(heights[d])
            winner = d == self._winner
            if winner:
                colour = UNSURE if self._unsure else ACCENT
            elif d == self._runner_up and self._unsure:
                colour = QColor(UNSURE).darker(160)
            else:
                colour = QColor("#475569")
            if value > 0.002:
                bar = QRectF(x, bottom - span * value, bar_w, span * value)
                gradient = QLinearGradient(bar.topLeft(), bar.bottomLeft())
                gradient.setColorAt(0.0, colour.lighter(135))
                gradient.setColorAt(1.0, colour.darker(150))
                if winner:   # a soft halo behind the winning bar
                    halo = bar.adjusted(-bar_w * 0.18, -bar_w * 0.18, bar_w * 0.18, 0)
                    painter.setBrush(_with_alpha(colour, 0.18 * value))
                    painter.drawRoundedRect(halo, radius * 1.4, radius * 1.4)
                painter.setBrush(QBrush(gradient))
                painter.drawRoundedRect(bar, radius, radius)
            if value >= 0.01 or (winner and value > 0.002):
                painter.setFont(pct_bold if winner else pct_font)
                painter.setPen(TEXT if winner else MUTED)
                label = QRectF(slot * d, bottom - span * value - top_band, slot, top_band)
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                                 "<1%" if value < 0.01 else f"{whole_percent(value)}%")
            painter.setFont(digit_bold if winner else digit_font)
            painter.setPen(colour.lighter(120) if winner else MUTED)
            painter.drawText(QRectF(slot * d, bottom, slot, bottom_band), Qt.AlignmentFlag.AlignCenter, str(d))
        painter.end()


# ----- the simplified live activation view -----------------------------------------------------
@dataclass
class _Column:
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
    columns = [("image", "What it sees", np.clip(np.asarray(prediction.image, np.float32), 0, 1))]
    for i, layer in enumerate(picked_maps):
        v = np.maximum(np.asarray(layer.values, np.float32), 0.0)
        peak = v.max(axis=(0, 1))
        v = v / np.maximum(peak, max(float(peak.max()) * 0.08, 1e-6))
        channels = v.shape[2]
        columns.append(("maps", f"{channels} {'pattern detectors' if i == 0 else 'deeper patterns'}", v))
    for layer in picked_dense:
        v = np.asarray(layer.values, np.float32).ravel()
        v = np.maximum(v, 0.0) if v.min() >= 0 else np.abs(v)
        v = v / max(float(v.max()), 1e-6)
        columns.append(("neurons", f"{v.size} neurons", v))
    columns.append(("output", "Answer", np.clip(np.asarray(prediction.probabilities, np.float32), 0, 1)))
    return columns


class CrowdView(_Animated):
    """A big-and-bold picture of the network at work, made to be seen from three metres: what it
    sees, its feature maps as glowing mosaics, its hidden neurons as lights and the ten answers,
    joined by light trails between the most active units. It glows up and fades with each answer."""

    WEIGHTS = {"image": 1.0, "maps": 1.35, "neurons": 1.1, "output": 0.6}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._columns: list[_Column] = []
        self._signature: tuple | None = None
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
            columns = crowd_columns(prediction)
            signature = tuple((kind, title, values.shape) for kind, title, values in columns)
            if signature != self._signature:
                self._signature = signature
                self._columns = [_Column(kind, title, Eased(0.3)) for kind, title, _ in columns]
                self._laid_out_for = (0, 0)
            for column, (_, _, values) in zip(self._columns, columns):
                column.values.set(values)
        self._animate()

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
        painter.setFont(_font(15 * s, bold=True))
        head = QRectF(22 * s, 12 * s, self.width() - 44 * s, 30 * s)
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "INSIDE THE NETWORK")
        painter.setFont(_font(14 * s))
        painter.setPen(_with_alpha(MUTED, 0.8))
        painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._model_label)
        if not self._columns:
            painter.setFont(_font(20 * s))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Draw a digit to wake the network up")
            painter.end()
            return
        self._paint_trails(painter, s)
        for column in self._columns:
            {"image": self._paint_image, "maps": self._paint_maps, "neurons": self._paint_neurons,
             "output": self._paint_output}[column.kind](painter, column, s)
            painter.setPen(MUTED)
            font = _font(15 * s, weight=QFont.Weight.DemiBold)
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
                    painter.setPen(QPen(_with_alpha(GLOW, 0.55 * strength), (0.8 + 2.2 * strength) * s))
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
        painter.setPen(QPen(_with_alpha(GLOW, 0.25 + 0.5 * float(v.max(initial=0))), 1.5 * s))
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
                    halo = QRadialGradient(centre, half * 2.2)
                    halo.setColorAt(0.0, _with_alpha(GLOW, 0.45 * value))
                    halo.setColorAt(1.0, _with_alpha(GLOW, 0.0))
                    painter.setBrush(QBrush(halo))
                    painter.drawEllipse(centre, half * 2.2, half * 2.2)
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
                painter.setPen(QPen(_with_alpha(GLOW, 0.8 * strength), 2 * s))
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
                halo = QRadialGradient(centre, radius * 2.3)
                halo.setColorAt(0.0, _with_alpha(GLOW, 0.55 * value))
                halo.setColorAt(1.0, _with_alpha(GLOW, 0.0))
                painter.setBrush(QBrush(halo))
                painter.drawEllipse(centre, radius * 2.3, radius * 2.3)
            painter.setBrush(QColor(*map(int, GLOW_LUT[int(min(255, max(0, value * 255)))])))
            painter.drawEllipse(centre, radius, radius)

    def _paint_output(self, painter: QPainter, column: _Column, s: float) -> None:
        v = column.values.current
        _, _, cell = column.grid
        r = column.rect
        winner = int(np.argmax(v)) if float(v.max(initial=0.0)) > 0.02 else None
        colour = UNSURE if winner is not None and float(v[winner]) < UNSURE_BELOW else ACCENT
        radius = cell * 0.42
        painter.setFont(_font(radius * 1.1, bold=True))
        for d in range(10):
            centre = QPointF(r.center().x(), r.y() + (d + 0.5) * cell)
            value = float(v[d])
            painter.setPen(Qt.PenStyle.NoPen)
            if d == winner:
                halo = QRadialGradient(centre, radius * 3.2)
                halo.setColorAt(0.0, _with_alpha(colour, 0.7 * value))
                halo.setColorAt(1.0, _with_alpha(colour, 0.0))
                painter.setBrush(QBrush(halo))
                painter.drawEllipse(centre, radius * 3.2, radius * 3.2)
            fill = QColor(TRACK)
            lit = colour if d == winner else QColor("#1d4ed8")
            fill = QColor.fromRgbF(*(a + (b - a) * min(1.0, value * 1.4)
                                     for a, b in zip(fill.getRgbF(), lit.getRgbF())))
            painter.setBrush(fill)
            painter.setPen(QPen(_with_alpha(colour if d == winner else FAINT, 0.9), 1.5 * s))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(TEXT if value > 0.25 else MUTED)
            painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                             Qt.AlignmentFlag.AlignCenter, str(d))


# ----- the attract loop --------------------------------------------------------------------------
class AttractLoop(QObject):
    """Example digits drawing themselves on the canvas, stroke by stroke, while the network reads
    them live; the answer stays up for ``pause_s``, then the next digit. The pen moves through
    synthetic mouse events, so the canvas and the recognizer see exactly what a hand would give
    them; ``synthesizing`` is True while one is being delivered (so the kiosk does not take it
    for a visitor's touch)."""

    digitStarted = Signal(int)
    digitShown = Signal(int)    # a digit is complete: its answer is on show

    SPEED = 1.15       # canvas widths per second
    STEP = 0.012       # distance between pen samples, canvas widths
    LIFT_S = 0.14      # pen up between strokes
    GAP_S = 0.35       # an empty canvas between digits
    BOX = (0.2, 0.8)   # the digit's unit box on the canvas

    def __init__(self, canvas: DrawingCanvas, pause_s: float = 1.5, seed: int | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.canvas = canvas
        self.pause_s = pause_s
        self.synthesizing = False
        self._rng = np.random.default_rng(seed)
        self._running = False
        self._timer = QTimer(self, interval=16, timeout=self._tick)
        self._clock = QElapsedTimer()
        self._order: list[int] = []
        self._paths: list[np.ndarray] = []
        self._stroke = 0
        self._position = 0.0
        self._pen_down = False
        self._phase = "gap"
        self._until = self._last_time = 0.0
        self.digit: int | None = None
        self.digits_drawn = 0

    @property
    def running(self) -> bool:
        return self._running

    @property
    def stroke_count(self) -> int:
        """How many strokes the digit being drawn has."""
        return len(self._paths)

    @property
    def pen_down(self) -> bool:
        """True in the middle of a stroke."""
        return self._pen_down

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self.canvas.clear()
        self._clock.start()
        self._begin_digit()
        self._timer.start()

    def stop(self) -> None:
        """Stop at once (mid-stroke too); the caller clears the canvas."""
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        if self._pen_down:
            self._send(QEvent.Type.MouseButtonRelease, self._paths[self._stroke][-1])
        self._paths = []

    def _now(self) -> float:
        return self._clock.elapsed() / 1000.0

    def _begin_digit(self) -> None:
        if not self._order:
            self._order = [int(d) for d in self._rng.permutation(10)]
        self.digit = self._order.pop()
        variants = DIGIT_TEMPLATES[self.digit]
        strokes = jitter_strokes(variants[int(self._rng.integers(len(variants)))], self._rng, amount=0.7)
        lo, hi = self.BOX
        self._paths = [self._resample(np.asarray(s, float) * (hi - lo) + lo) for s in strokes if len(s)]
        self._stroke, self._position, self._pen_down = 0, 0.0, False
        self._phase, self._until = "draw", self._now()
        self.digitStarted.emit(self.digit)
        log.info("attract: drawing a %d", self.digit)

    def _resample(self, points: np.ndarray) -> np.ndarray:
        """Points every STEP along the stroke (the pen moves at an even speed)."""
        if len(points) < 2:
            return points
        seg = np.hypot(*np.diff(points, axis=0).T)
        along = np.concatenate([[0.0], np.cumsum(seg)])
        n = max(2, int(along[-1] / self.STEP) + 1)
        at = np.linspace(0.0, along[-1], n)
        return np.column_stack([np.interp(at, along, points[:, 0]), np.interp(at, along, points[:, 1])])

    def _send(self, kind: QEvent.Type, point) -> None:
        w, h = self.canvas.width(), self.canvas.height()
        pos = QPointF(float(point[0]) * w, float(point[1]) * h)
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
        event = QMouseEvent(kind, pos, self.canvas.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier)
        self.synthesizing = True
        try:
            QApplication.sendEvent(self.canvas, event)
        finally:
            self.synthesizing = False
        self._pen_down = kind != QEvent.Type.MouseButtonRelease

    @Slot()
    def _tick(self) -> None:
        if not self._running:
            return
        now = self._now()
        if self._phase in ("lift", "show", "gap") and now < self._until:
            return
        if self._phase == "show":
            self.canvas.clear()
            self._phase, self._until = "gap", now + self.GAP_S
            return
        if self._phase == "gap":
            self._begin_digit()
            return
        if self._phase == "lift":
            self._phase = "draw"
        path = self._paths[self._stroke]
        if not self._pen_down:
            self._send(QEvent.Type.MouseButtonPress, path[0])
            self._position, self._last_time = 0.0, now
            return
        dt = min(0.1, now - self._last_time)
        self._last_time = now
        previous = int(self._position)
        self._position = min(len(path) - 1.0, self._position + dt * self.SPEED / self.STEP)
        for i in range(previous + 1, int(self._position) + 1):
            self._send(QEvent.Type.MouseMove, path[i])
        if self._position >= len(path) - 1:
            self._send(QEvent.Type.MouseButtonRelease, path[-1])
            self._stroke += 1
            if self._stroke < len(self._paths):
                self._phase, self._until = "lift", now + self.LIFT_S
            else:
                self.digits_drawn += 1
                self._phase, self._until = "show", now + self.pause_s
                self.digitShown.emit(self.digit)


# ----- exception safety -----------------------------------------------------------------------
class ExceptionGuard(QObject):
    """While installed, an uncaught exception — in a slot, a paint event, any Python thread — is
    logged (with its traceback, in the log only) and reported through ``caught`` on the UI thread.
    Nothing is printed over the booth and nothing stops it."""

    caught = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._previous = None
        self._previous_thread = None

    def installed(self) -> bool:
        return getattr(sys.excepthook, "__self__", None) is self

    def install(self) -> None:
        if self.installed():
            return
        self._previous, self._previous_thread = sys.excepthook, threading.excepthook
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self.installed():
            sys.excepthook = self._previous
        if getattr(threading.excepthook, "__self__", None) is self:
            threading.excepthook = self._previous_thread

    def _hook(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt) and self._previous is not None:
            self._previous(kind, value, tb)
            return
        log.error("kiosk: unexpected error: %s: %s", kind.__name__, value, exc_info=(kind, value, tb))
        self.caught.emit(f"{kind.__name__}: {value}")

    def _thread_hook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error("kiosk: unexpected error in thread %s: %s: %s", name, args.exc_type.__name__, args.exc_value,
                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        self.caught.emit(f"{args.exc_type.__name__}: {args.exc_value}")


# ----- smaller parts of the window -----------------------------------------------------------
class Stage(QWidget):
    """The canvas, kept square and centred, in a soft glow; a banner over it during the attract loop."""

    def __init__(self, canvas: DrawingCanvas, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = canvas
        canvas.setParent(self)
        self._glow = 0.25
        self.banner = QLabel("Touch the screen to draw your own digit", self)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.banner.setObjectName("banner")
        self.banner.hide()
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_glow(self, strength: float) -> None:
        strength = max(0.15, min(1.0, strength))
        if abs(strength - self._glow) > 0.01:
            self._glow = strength
            self.update()

    def resizeEvent(self, event) -> None:
        pad = max(6, min(self.width(), self.height()) // 40)
        side = max(1, min(self.width(), self.height()) - 2 * pad)
        self.canvas.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        banner_h, banner_w = max(44, side // 11), side - side // 8
        font = _font(banner_h * 0.4, bold=True)
        room = banner_w - banner_h   # the rounded ends and a little air
        while font.pixelSize() > 10 and QFontMetricsF(font).horizontalAdvance(self.banner.text()) > room:
            font.setPixelSize(font.pixelSize() - 1)
        self.banner.setFont(font)
        self.banner.setGeometry(self.canvas.x() + (side - banner_w) // 2,
                                self.canvas.y() + side - banner_h - side // 28, banner_w, banner_h)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.canvas.geometry())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        layers = 7
        for i in range(layers, 0, -1):
            grow = i * 2.2
            painter.setPen(QPen(_with_alpha(ACCENT, self._glow * 0.09 * (layers + 1 - i) / layers), 2.4))
            painter.drawRoundedRect(r.adjusted(-grow, -grow, grow, grow), 16 + grow, 16 + grow)
        painter.end()


class PinPad(QWidget):
    """The staff PIN pad, drawn over the whole window (never a dialog)."""

    entered = Signal(str)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("pinpad")
        self._digits = ""
        self._timeout = QTimer(self, singleShot=True, interval=PIN_TIMEOUT_MS, timeout=self.close_pad)
        panel = QWidget(self)
        panel.setObjectName("pinpanel")
        self.title = QLabel("Staff PIN", alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setFont(_font(30, bold=True))
        self.dots = QLabel("", alignment=Qt.AlignmentFlag.AlignCenter)
        self.dots.setFont(_font(34, bold=True))
        self.dots.setMinimumHeight(50)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.buttons: dict[str, QPushButton] = {}
        for i, text in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "Cancel", "0", "OK"]):
            button = QPushButton(text)
            button.setObjectName("pinkey")
            button.setMinimumSize(110, 90)
            button.setFont(_font(30 if text.isdigit() else 22, bold=True))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, t=text: self._on_key(t))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[text] = button
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 28, 36, 32)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.dots)
        layout.addLayout(grid)
        self._panel = panel
        self.hide()

    def open_pad(self) -> None:
        self._digits = ""
        self.dots.setText("")
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self._timeout.start()

    def close_pad(self) -> None:
        self._digits = ""
        self._timeout.stop()
        self.hide()

    def _on_key(self, text: str) -> None:
        self._timeout.start()
        if text == "Cancel":
            self.close_pad()
        elif text == "OK":
            digits = self._digits
            self.close_pad()
            self.entered.emit(digits)
        elif len(self._digits) < 12:
            self._digits += text
            self.dots.setText("●" * len(self._digits))

    def resizeEvent(self, event) -> None:
        self._panel.adjustSize()
        size = self._panel.sizeHint()
        self._panel.setGeometry((self.width() - size.width()) // 2, (self.height() - size.height()) // 2,
                                size.width(), size.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(2, 4, 9, 215))
        painter.end()


STYLE = """
QPushButton { color: #f8fafc; border-radius: 22px; padding: 8px 24px; }
QPushButton#clear { background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #24324a, stop:1 #141c2c);
                    border: 2px solid #3b4d6b; }
QPushButton#clear:pressed { background: #3b4d6b; }
QPushButton#yes { background: #0f3d24; border: 3px solid #22c55e; color: #dcfce7; }
QPushButton#yes:pressed { background: #166534; }
QPushButton#no { background: #4a0d1c; border: 3px solid #f43f5e; color: #ffe4e6; }
QPushButton#no:pressed { background: #881337; }
QPushButton#pinkey { background: #1e293b; border: 2px solid #334155; border-radius: 18px; }
QPushButton#pinkey:pressed { background: #334155; }
QWidget#pinpanel { background: #0c1424; border: 2px solid #1e3a5f; border-radius: 28px; }
QLabel#banner { background: rgba(8, 13, 25, 215); color: #e0f2fe; border: 2px solid #38bdf8;
                border-radius: 18px; }
"""


# ----- the window -------------------------------------------------------------------------------
class KioskWindow(QWidget):
    """The booth window. ``show_kiosk()`` goes full screen and takes over input and errors;
    ``start_engine()`` loads the model in the background; only ``exit_kiosk()`` (the exit
    combination or the staff PIN) closes it."""

    engineReady = Signal(str)          # the model's label, once a predictor is in use
    predictionShown = Signal(object)   # a Prediction, or None for an empty canvas
    idleCleared = Signal()
    attractStarted = Signal()
    attractStopped = Signal()
    feedbackAsked = Signal()
    recovered = Signal(str)            # the error the window recovered from
    exited = Signal()

    def __init__(self, config: BoothConfig | None = None, model_ref: str | None = None,
                 started_at: float | None = None, stats: BoothStats | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.config = config or BoothConfig()
        self._started_at = started_at if started_at is not None else time.perf_counter()
        self._model_ref = model_ref or self.config.model
        self.exit_keys = exit_sequence(self.config.exit_keys)
        self._exit_combined = self.exit_keys[0].toCombined()
        self.stats = stats if stats is not None else BoothStats(enabled=self.config.statistics)
        self._latest = None              # the visitor's current answer (not the attract loop's)
        self._answered = False
        self._exit_authorised = self._shut_down = self._active = False
        self._filtering = self._quit_connected = False
        self._candidates: list[str] = []
        self._recoveries: deque[float] = deque()
        self._corner_taps: deque[float] = deque()
        self._last_press: tuple | None = None
        self._last_canvas_rect = QRect()
        self._fitted_for = (0, 0)

        self.setWindowTitle("Digit Studio — Booth")
        self.setPalette(booth_palette())
        self.setAutoFillBackground(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.setStyleSheet(STYLE)
        self.setMinimumSize(640, 480)
        self._build()

        self.recognizer = Recognizer(self.canvas, started_at=self._started_at, parent=self)
        self.recognizer.predictionShown.connect(self._on_prediction)
        self.recognizer.modelChanged.connect(self._on_model_changed)
        self.recognizer.engineFailed.connect(self._on_engine_failed)
        self.recognizer.modelFailed.connect(self._on_model_failed)
        self.recognizer.fellBack.connect(lambda reason: log.warning("kiosk: %s", reason))
        self.recognizer.recognitionFailed.connect(self._on_recognition_failed)
        self.canvas.inkChanged.connect(self._on_ink_changed)

        self.attract = AttractLoop(self.canvas, pause_s=self.config.attract_pause_seconds, parent=self)
        self.attract.digitShown.connect(self._on_attract_digit_shown)
        self.guard = ExceptionGuard(self)
        self.guard.caught.connect(self._recover, Qt.ConnectionType.QueuedConnection)

        self._idle_timer = QTimer(self, singleShot=True, timeout=self._on_idle,
                                  interval=round(self.config.idle_clear_seconds * 1000))
        self._attract_timer = QTimer(self, singleShot=True, timeout=self.start_attract,
                                     interval=round(self.config.attract_after_seconds * 1000))
        self._settle_timer = QTimer(self, singleShot=True, interval=FEEDBACK_DELAY_MS, timeout=self._ask_feedback)
        self.retry_timer = QTimer(self, singleShot=True, interval=round(RETRY_SECONDS * 1000),
                                   timeout=self.start_engine)
        self._set_status("Warming up the network…")
        self._show(None)
        self._update_summary()

    # ----- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.canvas = DrawingCanvas()
        self.canvas.brush_size = KIOSK_BRUSH
        self.canvas.setPalette(booth_palette())
        self.stage = Stage(self.canvas)

        self.brand_label = QLabel("DIGIT STUDIO")
        self.headline_label = QLabel(self.config.headline)
        self.summary_label = QLabel("")
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label.setVisible(self.config.statistics)
        for label, colour in ((self.brand_label, ACCENT), (self.headline_label, TEXT), (self.summary_label, MUTED)):
            self._colour(label, colour)

        self.clear_button = QPushButton("Clear")
        self.clear_button.setObjectName("clear")
        self.clear_button.clicked.connect(self._on_clear_clicked)

        self.digit_label = QLabel("–", alignment=Qt.AlignmentFlag.AlignCenter)
        self._digit_glow = QGraphicsDropShadowEffect(self.digit_label, offset=QPointF(0, 0), blurRadius=60)
        self._digit_glow.setColor(_with_alpha(ACCENT, 0.0))
        self.digit_label.setGraphicsEffect(self._digit_glow)
        self.caption_label = QLabel("", alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.caption_label.setWordWrap(True)

        self.question_label = QLabel("Did I get it right?")
        self._colour(self.question_label, TEXT)
        self.yes_button = QPushButton("✓  Yes")
        self.no_button = QPushButton("✗  No")
        self.yes_button.setObjectName("yes")
        self.no_button.setObjectName("no")
        self.yes_button.clicked.connect(lambda: self.answer_feedback(True))
        self.no_button.clicked.connect(lambda: self.answer_feedback(False))
        self.thanks_label = QLabel("Thanks — counted!")
        self._colour(self.thanks_label, RIGHT)
        question = QWidget()
        q_layout = QVBoxLayout(question)
        q_layout.setContentsMargins(0, 0, 0, 0)
        q_layout.setSpacing(10)
        q_layout.addWidget(self.question_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(18)
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        buttons.addStretch(1)
        q_layout.addLayout(buttons)
        self.feedback = QStackedWidget()
        self.feedback.addWidget(QWidget())          # 0: nothing to ask
        self.feedback.addWidget(question)           # 1: the question
        self.feedback.addWidget(self.thanks_label)  # 2: thanks
        for button in (self.clear_button, self.yes_button, self.no_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.bars = BoothBars()
        self.crowd = CrowdView()
        self.crowd.setVisible(self.config.show_activations)

        header = QHBoxLayout()
        header.setSpacing(24)
        header.addWidget(self.brand_label)
        header.addWidget(self.headline_label, 1)
        header.addWidget(self.summary_label)
        self.left = QWidget()
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.stage, 1)
        left.addWidget(self.clear_button)
        answer_text = QVBoxLayout()
        answer_text.setSpacing(18)
        answer_text.addStretch(1)
        answer_text.addWidget(self.caption_label)
        answer_text.addWidget(self.feedback)
        answer_text.addStretch(1)
        answer = QHBoxLayout()
        answer.setSpacing(28)
        answer.addWidget(self.digit_label)
        answer.addLayout(answer_text, 1)
        right = QVBoxLayout()
        right.setSpacing(18)
        right.addLayout(answer)
        right.addWidget(self.bars, 2)
        right.addWidget(self.crowd, 4)
        body = QHBoxLayout()
        body.setSpacing(40)
        body.addWidget(self.left)
        body.addLayout(right, 1)
        self._root = QVBoxLayout(self)
        self._root.addLayout(header)
        self._root.addLayout(body, 1)
        self.pin_pad = PinPad(self)
        self.pin_pad.entered.connect(self._on_pin_entered)

    @staticmethod
    def _colour(label: QLabel, colour: QColor) -> None:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)

    def _fit(self) -> None:
        """Scale type and touch targets to the screen: designed for 1920×1080, fine at 1280×800."""
        w, h = self.width(), self.height()
        if (w, h) == self._fitted_for:
            return
        self._fitted_for = (w, h)
        u = max(0.4, min(w / 1920, h / 1080))
        margin, gap = round(34 * u), round(22 * u)
        self._root.setContentsMargins(margin, round(22 * u), margin, margin)
        self._root.setSpacing(gap)
        self.brand_label.setFont(_font(22 * u, weight=QFont.Weight.Black))
        self.headline_label.setFont(_font(34 * u, weight=QFont.Weight.DemiBold))
        self.summary_label.setFont(_font(22 * u))
        clear_h = max(120, round(128 * u))
        self.clear_button.setMinimumHeight(clear_h)
        self.clear_button.setFont(_font(max(34, 46 * u), bold=True))
        self.digit_label.setFont(_font(270 * u, weight=QFont.Weight.Black))
        self.digit_label.setFixedWidth(round(270 * u * 0.82))
        self.digit_label.setFixedHeight(round(270 * u * 1.08))
        self.bars.setMaximumHeight(round(300 * u))
        self._digit_glow.setBlurRadius(70 * u)
        self.caption_label.setFont(_font(44 * u, weight=QFont.Weight.DemiBold))
        self.question_label.setFont(_font(32 * u))
        self.thanks_label.setFont(_font(36 * u, bold=True))
        for button in (self.yes_button, self.no_button):
            button.setFont(_font(max(26, 38 * u), bold=True))
            button.setMinimumSize(max(150, round(230 * u)), max(96, round(120 * u)))
        self.feedback.setFixedHeight(max(96, round(120 * u)) + round(32 * u) + 24)
        header_h = max(self.headline_label.sizeHint().height(), self.brand_label.sizeHint().height())
        side = h - 2 * margin - header_h - gap - clear_h - 12
        self.left.setFixedWidth(max(240, min(side, round(w * 0.52))))

    def resizeEvent(self, event) -> None:
        self._fit()
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BG)
        spot = QRadialGradient(QPointF(self.width() * 0.62, -self.height() * 0.25), self.width() * 0.75)
        spot.setColorAt(0.0, BG_LIFT)
        spot.setColorAt(1.0, _with_alpha(BG_LIFT, 0.0))
        painter.fillRect(self.rect(), QBrush(spot))
        painter.end()

    # ----- showing the kiosk ------------------------------------------------------------------------
    def show_kiosk(self, guard: bool = True) -> None:
        """Full screen, frameless; input, keys and uncaught errors are the kiosk's from now on."""
        app = QApplication.instance()
        if not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        if not self._quit_connected:
            app.aboutToQuit.connect(self._shutdown)
            self._quit_connected = True
        if guard:
            self.guard.install()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())   # without a window manager too
        self._active = True
        self.showFullScreen()
        self._note_activity()
        log.info("kiosk: shown full screen (%dx%d); exit with %s", self.width(), self.height(),
                 self.exit_keys.toString(QKeySequence.SequenceFormat.PortableText))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._log_canvas_rect)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if (event.type() == QEvent.Type.WindowStateChange and self._active and not self._exit_authorised
                and not self.windowState() & Qt.WindowState.WindowFullScreen):
            log.info("kiosk: left full screen; going back")
            QTimer.singleShot(0, self._back_to_full_screen)

    def _back_to_full_screen(self) -> None:
        if self._active and not self._exit_authorised:
            self.showFullScreen()

    def _log_canvas_rect(self) -> None:
        if not self.isVisible():
            return
        rect = self.canvas.canvas_rect_global()
        if rect != self._last_canvas_rect:
            self._last_canvas_rect = rect
            log.info("canvas x=%d y=%d width=%d height=%d", rect.x(), rect.y(), rect.width(), rect.height())

    # ----- the engine -------------------------------------------------------------------------------
    def start_engine(self) -> None:
        """Load the configured model in the background; on failure the other shipped models follow."""
        self.retry_timer.stop()
        self._candidates = list(dict.fromkeys([self._model_ref, DEFAULT_MODEL, *SHIPPED_MODELS]))
        first = self._candidates.pop(0)
        if first != DEFAULT_MODEL and DEFAULT_MODEL in self._candidates:
            self._candidates.remove(DEFAULT_MODEL)   # start_engine falls back to it by itself
        self._set_status("Warming up the network…")
        self.recognizer.start_engine(first)

    def _try_next_model(self) -> None:
        if self.recognizer.model is not None:
            return
        if self._candidates:
            ref = self._candidates.pop(0)
            log.warning("kiosk: trying the shipped %s instead", ref)
            self.recognizer.open_model(ref)
        else:
            log.error("kiosk: no model could be loaded; retrying in %.0f s", RETRY_SECONDS)
            self._set_status("Warming up the network…")
            self.retry_timer.start()

    @Slot(str)
    def _on_engine_failed(self, message: str) -> None:
        log.warning("kiosk: the engine could not start with %s: %s", self._model_ref, message)
        self._try_next_model()

    @Slot(str, str)
    def _on_model_failed(self, ref: str, message: str) -> None:
        log.warning("kiosk: model %s failed to load: %s", ref, message)
        self._try_next_model()

    @Slot(object)
    def _on_model_changed(self, loaded: LoadedModel) -> None:
        self._candidates = []
        self.retry_timer.stop()
        self.crowd.set_model_label(f"{loaded.label} · {loaded.device}")
        self._set_status(None)
        log.info("kiosk: recognising with %s", loaded.label)
        self.engineReady.emit(loaded.label)

    @Slot(str)
    def _on_recognition_failed(self, message: str) -> None:
        self._recover(f"recognition failed: {message}")

    # ----- answers ------------------------------------------------------------------------------------
    def _set_status(self, text: str | None) -> None:
        self._status = text
        if getattr(self, "_shown", None) is None:
            self._show(None)

    def _show(self, prediction) -> None:
        self._shown = prediction
        big, caption = describe(prediction)
        if prediction is None:
            caption = self._status or ("Watch me read…" if self.attract_running() else "Draw a digit")
            colour, glow = FAINT, 0.0
        elif prediction.confidence < UNSURE_BELOW:
            colour, glow = UNSURE, 0.55
        else:
            colour, glow = TEXT, 0.9
        self.digit_label.setText("?" if prediction is None else big)
        self._colour(self.digit_label, colour)
        self._digit_glow.setColor(_with_alpha(UNSURE if colour == UNSURE else ACCENT, glow))
        self.caption_label.setText(caption)
        self._colour(self.caption_label, UNSURE if colour == UNSURE else MUTED if prediction is None else TEXT)
        self.bars.set_probabilities(None if prediction is None else prediction.probabilities)
        if self.config.show_activations:
            self.crowd.show_prediction(prediction)
        self.stage.set_glow(0.25 if prediction is None else 0.3 + 0.7 * prediction.confidence)

    def attract_running(self) -> bool:
        return hasattr(self, "attract") and self.attract.running

    @Slot(object)
    def _on_prediction(self, prediction) -> None:
        self._show(prediction)
        if not self.attract.running:
            self._latest = prediction
        self.predictionShown.emit(prediction)

    @Slot()
    def _on_ink_changed(self) -> None:
        if self.attract.running:
            return
        if not self._answered and self.feedback.currentIndex() == 1:
            self.feedback.setCurrentIndex(0)
        self._settle_timer.start()

    def _ask_feedback(self) -> None:
        if (self.config.ask_feedback and not self.attract.running and not self._answered
                and self._latest is not None and not self.canvas.is_empty()):
            self.feedback.setCurrentIndex(1)
            self.feedbackAsked.emit()

    def feedback_visible(self) -> bool:
        return self.feedback.currentIndex() == 1

    def answer_feedback(self, right: bool) -> None:
        """A visitor's ✓ or ✗ for the answer on show (once per drawing)."""
        if self._latest is None or self._answered:
            return
        self._answered = True
        digit = self._latest.digit
        self.stats.record_feedback(right, digit)
        log.info("feedback right=%s digit=%d", right, digit)
        self.feedback.setCurrentIndex(2)
        self._update_summary()

    def _finish_drawing(self) -> None:
        """Count the visitor's drawing (once), before it leaves the canvas."""
        prediction, self._latest = self._latest, None
        self._answered = False
        self._settle_timer.stop()
        self.feedback.setCurrentIndex(0)
        if prediction is not None:
            model = self.recognizer.model
            self.stats.record_drawing(prediction.digit, prediction.confidence, model.ref if model else None)
            self._update_summary()

    def _update_summary(self) -> None:
        if self.config.statistics:
            self.summary_label.setText(self.stats.summary())

    def clear_canvas(self) -> None:
        """What the Clear button does: count the drawing and start afresh."""
        self._finish_drawing()
        self.canvas.clear()

    @Slot()
    def _on_clear_clicked(self) -> None:
        self.clear_canvas()
        self._note_activity()

    # ----- idle and attract ---------------------------------------------------------------------------
    def _note_activity(self) -> None:
        self._attract_timer.stop()
        if self._active:
            self._idle_timer.start()

    @Slot()
    def _on_idle(self) -> None:
        if self._latest is not None or not self.canvas.is_empty():
            log.info("idle: canvas cleared")
            self.clear_canvas()
        self.idleCleared.emit()
        self._attract_timer.start()

    @Slot()
    def start_attract(self) -> None:
        if self.attract.running or not self._active:
            return
        self._finish_drawing()
        log.info("attract loop started")
        self.headline_label.setText("Watch the network read handwriting, then try it yourself!")
        self.stage.banner.show()
        self.attract.start()
        self._show(None)
        self.attractStarted.emit()

    def stop_attract(self) -> None:
        if not self.attract.running:
            return
        self.attract.stop()
        self.stage.banner.hide()
        self.headline_label.setText(self.config.headline)
        self._latest = None
        self.canvas.clear()
        log.info("attract loop stopped")
        self.attractStopped.emit()

    @Slot(int)
    def _on_attract_digit_shown(self, digit: int) -> None:
        shown = self._shown
        log.info("attract: drew a %d, the network read %s", digit, "nothing" if shown is None else shown.digit)

    # ----- input ------------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in _KEYS:
            if kind == _E.KeyPress:
                self._on_key(event)
            return True          # no key reaches any widget: Esc, Alt+F4, F11, Ctrl+W … do nothing
        if kind in _BLOCKED:
            return True          # no context menus, wheel scrolling, zoom gestures, tooltips
        if kind in _PRESSES:
            if not self.attract.synthesizing:
                self._on_press(event)
        elif kind in _DRAGS:
            if not self.attract.synthesizing:
                if kind != _E.MouseMove or event.buttons() != Qt.MouseButton.NoButton:
                    self._note_activity()
                elif self.attract.running and watched is self.canvas:
                    return True  # a hovering mouse must not end the attract loop's stroke
        elif kind in _GEOMETRY and watched is self.canvas:
            QTimer.singleShot(0, self._log_canvas_rect)
        return False

    def _on_key(self, event) -> None:
        if event.isAutoRepeat():
            return
        combo = event.keyCombination()
        pressed = QKeyCombination(combo.keyboardModifiers() & _MODIFIERS, combo.key()).toCombined()
        if pressed == self._exit_combined:
            log.info("kiosk: exit combination pressed")
            QTimer.singleShot(0, self.exit_kiosk)

    def _on_press(self, event) -> None:
        touch = event.type() == _E.TouchBegin
        if touch:
            points = event.points()
            where = points[0].globalPosition() if points else QPointF()
        else:
            where = event.globalPosition()
        # One press reaches this filter several times (the window, the widget, its parents; a
        # touch and the mouse press Qt makes from it): same time, same place.
        key = (event.timestamp(), round(where.x()), round(where.y()))
        if key == self._last_press:
            return
        self._last_press = key
        if self.attract.running:
            log.info("kiosk: %s stops the attract loop", "a touch" if touch else "a press")
            self.stop_attract()
        self._note_activity()
        if self.config.exit_pin and not self.pin_pad.isVisible() and event.type() != _E.MouseButtonDblClick:
            local = self.mapFromGlobal(where.toPoint())
            if local.x() >= self.width() - CORNER_PX and 0 <= local.y() <= CORNER_PX:
                now = time.monotonic()
                self._corner_taps.append(now)
                while self._corner_taps and now - self._corner_taps[0] > CORNER_WINDOW_S:
                    self._corner_taps.popleft()
                if len(self._corner_taps) >= CORNER_TAPS:
                    self._corner_taps.clear()
                    self.pin_pad.open_pad()

    @Slot(str)
    def _on_pin_entered(self, digits: str) -> None:
        if self.config.exit_pin and digits == self.config.exit_pin:
            log.info("kiosk: staff PIN accepted")
            self.exit_kiosk()
        else:
            log.warning("kiosk: wrong staff PIN")

    # ----- recovery ---------------------------------------------------------------------------------
    @Slot(str)
    def _recover(self, reason: str) -> None:
        """Back to a clean canvas after an error (the drawing on it is lost, nothing else)."""
        now = time.monotonic()
        self._recoveries.append(now)
        while self._recoveries and now - self._recoveries[0] > RECOVERY_WINDOW_S:
            self._recoveries.popleft()
        if len(self._recoveries) > RECOVERY_BURST:
            log.error("kiosk: error again (%s); %d in %.0f s, not clearing again", reason, len(self._recoveries),
                      RECOVERY_WINDOW_S)
            return
        log.error("kiosk: recovering to a clean canvas after: %s", reason)
        try:
            if self.attract.running:
                self.stop_attract()
            self._latest = None
            self._answered = False
            self.feedback.setCurrentIndex(0)
            if not self.canvas.is_empty() or self.canvas.strokes():
                self.canvas.clear()
            self._show(None)
            self._note_activity()
        except Exception:   # noqa: BLE001 - a booth must stay up; the guard has logged it
            log.exception("kiosk: recovery itself failed")
        self.recovered.emit(reason)

    # ----- leaving --------------------------------------------------------------------------------------
    def exit_kiosk(self) -> None:
        """Leave kiosk mode (the exit combination or the staff PIN): count the drawing, close."""
        if self._exit_authorised:
            return
        log.info("kiosk: leaving")
        self._exit_authorised = True
        self._finish_drawing()
        self.close()
        self.exited.emit()

    def closeEvent(self, event) -> None:
        if not self._exit_authorised:
            event.ignore()
            log.info("kiosk: close request ignored (leave with the exit combination)")
            return
        self._shutdown()
        event.accept()

    @Slot()
    def _shutdown(self) -> None:
        """Stop every timer and thread, give input and errors back (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        self._active = False
        for timer in (self._idle_timer, self._attract_timer, self._settle_timer, self.retry_timer):
            timer.stop()
        self.attract.stop()
        app = QApplication.instance()
        if self._filtering:
            app.removeEventFilter(self)
            self._filtering = False
        if self._quit_connected:
            app.aboutToQuit.disconnect(self._shutdown)
            self._quit_connected = False
        self.guard.uninstall()
        self.hide()
        self.recognizer.stop()

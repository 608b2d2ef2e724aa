"""Colour scales of the activation view: lookup tables (value → RGBA) and the palette-derived
colours of its items, light or dark.

Signed values (weights, logits, tanh, batch-normalised maps) use a diverging scale — orange
below zero, blue above, the quiet neutral at zero; non-negative activations (relu, pooling,
sigmoid) a sequential one. Feature maps glow on a dark tile in both palettes, like the input.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QBrush, QColor, QPalette

from gui import theme


def ramp(stops: list[tuple[float, QColor | str]], n: int = 256) -> np.ndarray:
    """An (n + 1, 4) uint8 RGBA lookup table through the colour stops; the extra last row is
    transparent (the gap/padding colour of mosaics)."""
    xs = np.array([s for s, _ in stops])
    rgba = np.array([QColor(c).getRgb() for _, c in stops], dtype=float)
    t = np.linspace(0.0, 1.0, n)
    lut = np.column_stack([np.interp(t, xs, rgba[:, k]) for k in range(4)])
    return np.vstack([np.round(lut), [0, 0, 0, 0]]).astype(np.uint8)


TILE_SEQUENTIAL = ramp([(0.0, "#0b1020"), (0.3, "#1e3a8a"), (0.62, "#3b82f6"), (0.85, "#93c5fd"),
                        (1.0, "#f8fafc")])
TILE_DIVERGING = ramp([(0.0, "#fed7aa"), (0.2, "#f97316"), (0.4, "#7c2d12"), (0.5, "#0b1020"),
                       (0.6, "#1e3a8a"), (0.8, "#3b82f6"), (1.0, "#e0f2fe")])
GREY = ramp([(0.0, "#000000"), (1.0, "#ffffff")])


def level_index(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Values mapped linearly from [lo, hi] to lookup-table rows 0..255 (clipped)."""
    span = hi - lo if hi > lo else 1.0
    return np.clip((np.asarray(values, dtype=np.float32) - lo) * (255.0 / span) + 0.5, 0, 255).astype(np.intp)


def value_range(values: np.ndarray, activation: str | None) -> tuple[float, float, bool]:
    """(lo, hi, signed) used to colour a dense layer: sigmoid/softmax on their fixed 0..1, tanh
    on −1..1, anything non-negative (relu) on 0..max, the rest symmetric around 0."""
    if activation in ("sigmoid", "softmax"):
        return 0.0, 1.0, False
    if activation == "tanh":
        return -1.0, 1.0, True
    if values.size == 0:
        return 0.0, 1.0, False
    top = float(np.max(np.abs(values)))
    top = top if top > 1e-12 else 1.0
    if float(np.min(values)) >= 0.0:
        return 0.0, top, False
    return -top, top, True


def channel_scale(values: np.ndarray, floor: float = 0.05) -> np.ndarray:
    """Per-channel colour scale of (h, w, c) maps: each channel's own max |value|, but at least
    ``floor`` of the layer's max, so a nearly silent channel stays dark instead of showing noise."""
    peak = np.max(np.abs(values), axis=(0, 1))
    layer = float(peak.max()) if peak.size else 0.0
    return np.maximum(peak, max(layer * floor, 1e-12))


class Colors:
    """Everything the items colour with, derived from a palette (light or dark)."""

    def __init__(self, palette: QPalette):
        self.window = palette.color(QPalette.ColorRole.Window)
        self.text, self.muted = theme.text(palette), theme.muted(palette)
        self.faint = theme.mix(self.muted, self.window, 0.45)
        self.accent, self.unsure = theme.accent(palette), theme.unsure(palette)
        self.track = theme.mix(theme.neutral_bar(palette), self.window, 0.35)
        self.outline = theme.mix(theme.neutral_bar(palette), self.text, 0.25)
        self.chip_fill = theme.mix(self.track, self.window, 0.55)
        deep = QColor("#bfdbfe") if theme.is_dark(palette) else QColor("#1e3a8a")
        # neurons: the quiet track colour at 0, the accent at the layer's strongest, deeper beyond
        self.node_lut = ramp([(0.0, self.track), (0.55, theme.mix(self.track, self.accent, 0.75)),
                              (0.85, self.accent), (1.0, deep)])
        self.node_div = ramp([(0.0, theme.mix(self.unsure, self.text, 0.2)), (0.25, self.unsure),
                              (0.5, self.track), (0.75, self.accent), (1.0, deep)])
        self.node_brushes = [QBrush(QColor(*map(int, rgba))) for rgba in self.node_lut[:256]]
        self.div_brushes = [QBrush(QColor(*map(int, rgba))) for rgba in self.node_div[:256]]
        light, dark_text = QColor("#ffffff"), QColor("#1f2933")
        self.on_fill = [light if QColor(*map(int, rgba)).lightnessF() < 0.55 else dark_text
                        for rgba in self.node_lut[:256]]     # a digit written on a node of that fill

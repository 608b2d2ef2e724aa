"""Colours shared by Digit Studio's widgets, derived from the palette so light and dark both look right."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# (light palette, dark palette): a dark window needs lighter, less saturated tones to stay readable.
_ACCENT = ("#2563eb", "#60a5fa")   # blue: the confident answer
_UNSURE = ("#c2410c", "#fb923c")   # orange: a guess, not an answer


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is dark (light text on a dark background)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """The colour ``t`` of the way from ``a`` to ``b`` (0 → a, 1 → b)."""
    return QColor.fromRgbF(*(x + (y - x) * t for x, y in zip(a.getRgbF(), b.getRgbF())))


def accent(palette: QPalette) -> QColor:
    """The highlight colour for the network's answer."""
    return QColor(_ACCENT[is_dark(palette)])


def unsure(palette: QPalette) -> QColor:
    """The colour for an answer the network is not sure about."""
    return QColor(_UNSURE[is_dark(palette)])


def text(palette: QPalette) -> QColor:
    """Ordinary text on the window background."""
    return palette.color(QPalette.ColorRole.WindowText)


def muted(palette: QPalette) -> QColor:
    """Secondary text: captions, axis labels, placeholders."""
    return mix(text(palette), palette.color(QPalette.ColorRole.Window), 0.45)


def neutral_bar(palette: QPalette) -> QColor:
    """Fill for chart elements that are not the answer: a quiet tone between text and window."""
    return mix(text(palette), palette.color(QPalette.ColorRole.Window), 0.72)

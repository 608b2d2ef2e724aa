"""Replay strokes on a widget with real mouse events, as a person drawing would produce them."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def _send(widget, kind, pos: QPointF, button, buttons) -> None:
    glob = QPointF(widget.mapToGlobal(pos.toPoint()))
    QApplication.sendEvent(widget, QMouseEvent(kind, pos, glob, button, buttons, Qt.NoModifier))


def draw_strokes(widget, strokes, margin: float = 0.2, button=Qt.LeftButton, steps_between: int = 2) -> None:
    """Draw strokes given in a unit box (x, y in 0..1) inside ``widget``, leaving ``margin`` around.
    Each stroke is press → moves (interpolated) → release."""
    w, h = widget.width(), widget.height()
    side = min(w, h) * (1 - 2 * margin)
    x0, y0 = (w - side) / 2, (h - side) / 2

    def at(p):
        return QPointF(x0 + p[0] * side, y0 + p[1] * side)

    for stroke in strokes:
        points = [at(p) for p in stroke]
        _send(widget, QEvent.MouseButtonPress, points[0], button, button)
        for a, b in zip(points, points[1:]):
            for k in range(1, steps_between + 1):
                t = k / steps_between
                _send(widget, QEvent.MouseMove, a + (b - a) * t, Qt.NoButton, button)
        _send(widget, QEvent.MouseButtonRelease, points[-1], button, Qt.NoButton)

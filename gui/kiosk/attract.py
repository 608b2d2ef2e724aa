"""The kiosk's attract loop (:class:`AttractLoop`): while nobody is at the booth, example digits
draw themselves on the canvas and the network reads them live."""
from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from engine.drawn_digits import DIGIT_TEMPLATES, jitter_strokes
from gui.drawing.canvas import DrawingCanvas

log = logging.getLogger("digit_studio")


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
    TRIES = 6          # hands tried per digit for one the network reads as that digit

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
        # reader(strokes) -> the digit the current network reads in them (or None): set by the
        # kiosk, so the examples that advertise the booth are ones the network gets right.
        self.reader = None

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
        strokes = self._example(self.digit)
        lo, hi = self.BOX
        self._paths = [self._resample(np.asarray(s, float) * (hi - lo) + lo) for s in strokes if len(s)]
        self._stroke, self._position, self._pen_down = 0, 0.0, False
        self._phase, self._until = "draw", self._now()
        self.digitStarted.emit(self.digit)
        log.info("attract: drawing a %d", self.digit)

    def _example(self, digit: int):
        """A freshly jittered hand of ``digit``: the first of TRIES that ``reader`` reads as
        ``digit`` (some hands — a 1 with a long flag, tilted — read as a 7), else the last tried."""
        variants = DIGIT_TEMPLATES[digit]
        for _ in range(self.TRIES if self.reader is not None else 1):
            strokes = jitter_strokes(variants[int(self._rng.integers(len(variants)))], self._rng, amount=0.7)
            if self.reader is None:
                break
            try:
                if self.reader(strokes) == digit:
                    break
            except Exception:   # no model yet, a model being swapped: draw it anyway
                log.debug("attract: could not check an example", exc_info=True)
                break
        return strokes

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


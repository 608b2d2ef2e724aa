"""The kiosk's attract loop (:class:`AttractLoop`): while nobody is at the booth, example digits
draw themselves on the canvas and the network reads them live; in number mode it writes short
numbers across the wide canvas (a year, mostly), digit after digit (:func:`number_strokes`)."""
from __future__ import annotations

import logging
from datetime import date

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from engine.drawn_digits import DIGIT_TEMPLATES, jitter_strokes
from gui.drawing.canvas import DrawingCanvas

log = logging.getLogger("digit_studio")

NUMBER_HEIGHT = 0.56     # a written number's digits: this share of the canvas's height
NUMBER_GAP = 0.3         # the air between two digits, a share of the digits' height


def number_strokes(digit_strokes, aspect: float, height: float = NUMBER_HEIGHT, gap: float = NUMBER_GAP):
    """Digits (each a list of strokes in a unit box) written left to right on a canvas ``aspect``
    times as wide as it is high: strokes in the canvas's fractions (x of its width, y of its
    height), the digits ``height`` of the canvas high, ``gap`` of that apart, the whole number
    centred (and smaller if it would not fit in 90% of the width)."""
    boxes = []
    for strokes in digit_strokes:
        points = np.vstack([np.asarray(s, float).reshape(-1, 2) for s in strokes if len(s)])
        boxes.append((float(points[:, 0].min()), float(points[:, 0].max())))
    widths = [max(0.08, hi - lo) for lo, hi in boxes]
    total = sum(widths) + gap * (len(widths) - 1)        # in digit heights
    size = min(height, 0.9 * aspect / max(total, 1e-6))  # the digits' height, in canvas heights
    x = (aspect - total * size) / 2                      # x in canvas heights (the canvas is aspect wide)
    top = (1.0 - size) / 2
    out = []
    for strokes, (lo, _), width in zip(digit_strokes, boxes, widths):
        for stroke in strokes:
            if not len(stroke):
                continue
            a = np.asarray(stroke, float).reshape(-1, 2)
            out.append([((x + (px - lo) * size) / aspect, top + py * size) for px, py in a])
        x += (width + gap) * size
    return out


class AttractLoop(QObject):
    """Example digits drawing themselves on the canvas, stroke by stroke, while the network reads
    them live; the answer stays up for ``pause_s``, then the next digit. The pen moves through
    synthetic mouse events, so the canvas and the recognizer see exactly what a hand would give
    them; ``synthesizing`` is True while one is being delivered (so the kiosk does not take it
    for a visitor's touch)."""

    digitStarted = Signal(int)
    digitShown = Signal(int)    # a digit is complete: its answer is on show
    numberStarted = Signal(str)  # number mode: a number is being written
    numberShown = Signal(str)    # number mode: the number is complete: its answer is on show

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
        self.number: str | None = None   # number mode: the number being written
        self.number_mode = False         # write short numbers across a wide canvas, not single digits
        self.digits_drawn = 0
        # reader(strokes) -> the digit the current network reads in them (or None): set by the
        # kiosk, so the examples that advertise the booth are ones the network gets right.
        self.reader = None
        # number_reader(strokes, aspect) -> the number the network reads in a whole written number
        # (strokes in the canvas's fractions, as number_strokes gives them), or None: likewise.
        self.number_reader = None

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

    def _pick_number(self) -> str:
        """A short number to write: a year (this one, or one from the last century) or, now and
        then, a two- or three-digit number."""
        roll = float(self._rng.random())
        if roll < 0.35:
            return str(date.today().year)
        if roll < 0.75:
            return str(int(self._rng.integers(1920, date.today().year + 1)))
        return str(int(self._rng.integers(10, 1000)))

    def _begin_number(self) -> None:
        self.number = self._pick_number()
        self.digit = None
        aspect = max(1.0, self.canvas.width() / max(1, self.canvas.height()))
        strokes = self._number_example(self.number, aspect)
        self._paths = [self._resample(np.asarray(s, float), aspect) for s in strokes if len(s)]
        self._stroke, self._position, self._pen_down = 0, 0.0, False
        self._phase, self._until = "draw", self._now()
        self.numberStarted.emit(self.number)
        log.info("attract: writing %s", self.number)

    def _begin_digit(self) -> None:
        if self.number_mode:
            self._begin_number()
            return
        self.number = None
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

    def _number_example(self, number: str, aspect: float):
        """``number`` in fresh hands, laid out on the canvas: the first of TRIES that
        ``number_reader`` reads as ``number`` (digits that read right alone may still touch or
        be split wrongly side by side), else the last tried."""
        strokes = []
        for _ in range(self.TRIES if self.number_reader is not None else 1):
            strokes = number_strokes([self._example(int(c)) for c in number], aspect)
            if self.number_reader is None:
                break
            try:
                if self.number_reader(strokes, aspect) == number:
                    break
            except Exception:   # no model yet, a model being swapped: write it anyway
                log.debug("attract: could not check a number", exc_info=True)
                break
        return strokes

    def _resample(self, points: np.ndarray, aspect: float = 1.0) -> np.ndarray:
        """Points every STEP along the stroke (the pen moves at an even speed; on a canvas
        ``aspect`` times as wide as high, STEP is a share of its height)."""
        if len(points) < 2:
            return points
        seg = np.hypot(np.diff(points[:, 0]) * aspect, np.diff(points[:, 1]))
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
            elif self.number is not None:
                self.digits_drawn += len(self.number)
                self._phase, self._until = "show", now + self.pause_s + 0.5
                self.numberShown.emit(self.number)
            else:
                self.digits_drawn += 1
                self._phase, self._until = "show", now + self.pause_s
                self.digitShown.emit(self.digit)


"""Live recognition of a DrawingCanvas: at most one request per frame, computed off the UI thread,
plus loading models in the background (read by NumPy: milliseconds, no TensorFlow). Shared by the main window and the kiosk.

The messages it signals for people to read (``engineFailed``, ``modelFailed``, ``fellBack``) are
in the language on screen when they are signalled: a loader's exception is worded by the worker
(``gui.workers``, ``i18n.error_text``), the fallback's reason here (``i18n.say``), since an engine
``engine.words.Words`` would lose its template in a ``str`` signal.

In number mode (``Recognizer.number_mode``) each drawing is read as a number
(``engine.numbers.read_number``, off the UI thread like a digit): ``numberShown`` carries the
NumberReading, and ``predictionShown`` the selected digit's Prediction (the last one, until
``select_digit`` chooses another), so whatever follows predictions follows that digit."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from engine import catalogue
from engine.catalogue import LoadedModel
from gui import i18n
from gui.drawing.canvas import DrawingCanvas
from gui.workers import LatestOnlyWorker, Worker

log = logging.getLogger("digit_studio")
FRAME_MS = 16  # at most one recognition request per display frame


@dataclass(frozen=True)
class RecognitionRequest:
    image: np.ndarray
    seq: int
    settled: bool  # the stroke has ended: this answer is logged
    ink: int = 0   # the drawing's revision: one drawing's answer is logged once, however often asked
    number: bool = False   # read as a number (engine.numbers.read_number), not as one digit


class Recognizer(QObject):
    """Watches a canvas and publishes what the current model sees in it.

    Requests are coalesced: while one is computed, newer ink replaces any waiting request,
    so a fast scribble never queues work and the canvas never waits for the engine.
    """

    predictionShown = Signal(object)      # a Prediction, or None for an empty canvas
    numberShown = Signal(object)          # number mode: a NumberReading, or None for an empty canvas
    digitSelected = Signal(int)           # number mode: select_digit chose another digit of the number
    modelChanged = Signal(object)         # the LoadedModel now in use
    engineFailed = Signal(str)            # TensorFlow or every model failed to load
    modelFailed = Signal(str, str)        # (ref, message): the current model stays
    fellBack = Signal(str)                # the remembered model was unusable; the reason
    recognitionFailed = Signal(str)

    def __init__(self, canvas: DrawingCanvas, started_at: float | None = None, parent: QObject | None = None,
                 backend: str = "auto"):
        super().__init__(parent)
        self.canvas = canvas
        self.backend = backend   # engine.catalogue.BACKENDS: "auto" reads models with NumPy, no TensorFlow
        self._started_at = started_at if started_at is not None else time.perf_counter()
        self._model: LoadedModel | None = None
        self._loaders: list[Worker] = []
        self._seq = self._shown_seq = 0
        self._ink = 0                      # bumped on every change of the drawing
        self._logged: tuple[int, str] | None = None
        self._number_mode = False
        self._reading = None               # number mode: the NumberReading on show
        self._reading_ink = -1             # ... of this drawing revision
        self._selected: int | None = None  # ... and the digit of it whose prediction is on show
        self._frame = QTimer(self, singleShot=True, interval=FRAME_MS, timeout=self._on_frame)
        self._worker = LatestOnlyWorker(self._recognise, name="recognizer")
        self._worker.done.connect(self._on_recognised)
        self._worker.errored.connect(self.recognitionFailed)
        canvas.inkChanged.connect(self._on_ink_changed)
        canvas.strokeFinished.connect(self._on_stroke_finished)

    @property
    def model(self) -> LoadedModel | None:
        return self._model

    @property
    def predictor(self):
        return self._model.predictor if self._model else None

    def loading(self) -> bool:
        return any(worker.is_running() for worker in self._loaders)

    # ----- number mode ------------------------------------------------------------------------
    @property
    def number_mode(self) -> bool:
        """Read the drawing as a number of several digits (``numberShown``) instead of one digit."""
        return self._number_mode

    @number_mode.setter
    def number_mode(self, on: bool) -> None:
        on = bool(on)
        if on == self._number_mode:
            return
        self._number_mode = on
        self._reading, self._reading_ink, self._selected = None, -1, None
        self._logged = None
        self.refresh()

    @property
    def reading(self):
        """The NumberReading on show (None: digit mode, or nothing written)."""
        return self._reading

    @property
    def selected_digit(self) -> int | None:
        """Which digit of the number on show ``predictionShown`` follows (None: no number)."""
        return self._selected

    def select_digit(self, index: int) -> None:
        """Follow digit ``index`` of the number on show (hovered or tapped on the canvas): its
        Prediction goes out on ``predictionShown``, ``digitSelected`` says which. Until the
        drawing changes; then the last digit again."""
        if self._reading is None or not 0 <= index < len(self._reading.digits) or index == self._selected:
            return
        self._selected = index
        self.digitSelected.emit(index)
        self.predictionShown.emit(self._reading.digits[index].prediction)

    # ----- models ---------------------------------------------------------------------------
    def start_engine(self, ref: str | None, chain: bool = False) -> None:
        """Load ``ref`` (or the shipped default) in the background, falling back
        (engine.catalogue.load_with_fallback) to the default model, or with ``chain`` to every
        shipped model in turn; ``engineFailed`` when none loads."""
        self._load(catalogue.load_with_fallback, (ref, chain, self.backend), self._on_engine_loaded, self.engineFailed.emit,
                   "engine-loader")

    def open_model(self, ref: str) -> None:
        """Switch to a model reference (engine.catalogue: a shipped or user model's name, a .keras
        path); on failure the current model stays."""
        self._load(catalogue.load, (ref, self.backend), self.use_model, lambda msg: self.modelFailed.emit(ref, msg),
                   "model-loader")

    def use_model(self, loaded: LoadedModel) -> None:
        """Recognise with ``loaded`` from now on (e.g. a model just trained)."""
        self._model = loaded
        self.modelChanged.emit(loaded)
        self.refresh()

    def refresh(self) -> None:
        """Recognise the current drawing again (new weights, a view shown again)."""
        if self.canvas.is_empty():
            self._shown_seq = self._seq
            if self._number_mode:
                self._reading, self._selected = None, None
                self.numberShown.emit(None)
            self.predictionShown.emit(None)
        else:
            self._request(settled=True)

    def _load(self, fn, args: tuple, on_done, on_error, name) -> None:
        worker = Worker(fn, *args, name=name)
        worker.returned.connect(on_done)
        worker.errored.connect(on_error)      # the message already in the language on screen
        worker.finished.connect(lambda: self._loaders.remove(worker) if worker in self._loaders else None)
        self._loaders.append(worker)
        worker.start()

    @Slot(object)
    def _on_engine_loaded(self, result) -> None:
        loaded, warning = result
        log.info("engine ready after %.2fs: device=%s model=%s", time.perf_counter() - self._started_at,
                 loaded.device, loaded.label)
        if warning:
            log.warning(warning)
            self.fellBack.emit(i18n.say(warning))   # the reason, in the language on screen
        self.use_model(loaded)

    # ----- live recognition -----------------------------------------------------------------
    @Slot()
    def _on_ink_changed(self) -> None:
        self._ink += 1
        if not self._frame.isActive():
            self._frame.start()

    @Slot()
    def _on_frame(self) -> None:
        self._request(settled=False)

    @Slot()
    def _on_stroke_finished(self) -> None:
        self._frame.stop()
        self._request(settled=True)

    def _request(self, settled: bool) -> None:
        if self._model is None:
            return
        self._seq += 1
        self._worker.submit(RecognitionRequest(self.canvas.ink_image(), self._seq, settled, self._ink,
                                               self._number_mode))

    def _recognise(self, request: RecognitionRequest):
        model = self._model  # one read: a model swap mid-request is harmless
        if model is None:
            return None
        if request.number:
            from engine.numbers import read_number

            return read_number(request.image, model.predictor)
        return model.predictor.recognise(request.image)

    @Slot(object, object)
    def _on_recognised(self, request: RecognitionRequest, result) -> None:
        if request.seq < self._shown_seq:
            return  # an older answer arriving late
        if request.number != self._number_mode:
            return  # asked before the mode changed
        self._shown_seq = request.seq
        prediction, lines = result, []
        if request.number:
            prediction, number_line = self._show_number(request, result)
            lines.append(number_line)
        self.predictionShown.emit(prediction)
        if request.settled:
            if prediction is None:
                line = "prediction digit=none"
            elif not prediction.is_digit:
                line = f"prediction digit=none reason=not-a-digit best={prediction.digit} " \
                       f"confidence={prediction.confidence:.3f}"
            else:
                line = f"prediction digit={prediction.digit} confidence={prediction.confidence:.3f}"
            lines.insert(0, line)
            key = (request.ink, "\n".join(lines))
            if key != self._logged:   # a refresh (new weights) that changes nothing
                self._logged = key
                for line in lines:
                    log.info(line)

    def _show_number(self, request: RecognitionRequest, reading) -> tuple:
        """Signal a NumberReading; returns (the selected digit's Prediction, the log line)."""
        digits = reading.digits if reading is not None else ()
        if not digits:
            self._reading, self._selected = None, None
            self.numberShown.emit(None)
            return None, "number=none digits=0 reason=empty"
        if request.ink != self._reading_ink or self._selected is None or self._selected >= len(digits):
            self._selected = len(digits) - 1   # a new drawing: the last digit, the one just written
        self._reading, self._reading_ink = reading, request.ink
        self.numberShown.emit(reading)
        line = f"number={reading.number or 'none'} digits={len(digits)}"
        if reading.reason:
            line += f" reason={reading.reason.replace(' ', '-')}"
        return digits[self._selected].prediction, line

    def stop(self) -> None:
        """Stop recognising and join every background thread (loading TensorFlow cannot be
        interrupted, so that one is waited for)."""
        self._frame.stop()
        self._worker.stop()
        for worker in list(self._loaders):
            worker.wait()


class CanvasPositionLog(QObject):
    """Logs ``canvas x=… y=… width=… height=…`` in global screen coordinates whenever the canvas
    is shown, resized or moved on the screen — once per place. The canvas moves on the screen
    when any widget holding it moves (a layout shifting its column, the window being dragged),
    so the whole chain of parents up to the window is watched, not the canvas alone. Scripts that
    drive the real app with xdotool read it to know where to draw."""

    _EVENTS = (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.ParentChange)

    def __init__(self, canvas: DrawingCanvas):
        super().__init__(canvas)
        self._canvas = canvas
        self._watched: list[QWidget] = [canvas]
        self._last = QRect()
        canvas.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in self._EVENTS:
            self._watch_parents()
            QTimer.singleShot(0, self._log)  # after layout has placed the canvas
        return False

    def _watch_parents(self) -> None:
        chain, widget = [], self._canvas
        while widget is not None:
            chain.append(widget)
            widget = widget.parentWidget()
        for widget in chain:
            if widget not in self._watched:
                widget.installEventFilter(self)
        for widget in self._watched:
            if widget not in chain:
                try:
                    widget.removeEventFilter(self)
                except RuntimeError:  # that parent is already gone
                    pass
        self._watched = chain

    def _log(self) -> None:
        if not self._canvas.isVisible():
            return
        rect = self._canvas.canvas_rect_global()
        if rect != self._last:
            self._last = rect
            log.info("canvas x=%d y=%d width=%d height=%d", rect.x(), rect.y(), rect.width(), rect.height())

"""Training: the one pipeline the window, the kiosk and the command line share.

``train(spec, listener)`` (or ``Training(spec).run(listener)``, which can be stopped, paused or
aborted from another thread) loads the data, builds the network a ``TrainingSpec`` describes,
trains it and measures its test-set accuracy, reporting typed events to a ``TrainingListener``:
``on_phase`` (text), ``on_model`` (``ModelBuilt``), ``on_batch`` (``BatchProgress``), ``on_epoch``
(``EpochProgress``), ``on_weights`` (``WeightsUpdate``) and ``on_end`` (``TrainingOutcome``).

The inner loop is ``engine.training_run.TrainingRun`` (``model.fit`` on a tf.data pipeline with a NaN
and divergence guard). Nothing here knows about Qt, and listeners never need Keras: the
``ModelBuilt`` event carries a ready ``engine.predictor.Predictor`` that follows the training, and
the outcome saves itself.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Union

import numpy as np

from engine.data import Mnist
from engine.device import device_name, require_tensorflow, tensorflow
from engine.spec import TrainingSpec
# BatchProgress, EpochProgress and TrainingEnd are events of this module's listeners too.
from engine.training_run import BatchProgress, EpochProgress, TrainingEnd, TrainingRun, said
from engine.words import QT_TRANSLATE_NOOP, Words

log = logging.getLogger(__name__)

WEIGHTS_EVERY_BATCHES = 200   # besides every epoch end, listeners get new weights this often…
WEIGHTS_MIN_SECONDS = 0.5     # …but never more than twice a second
EVALUATION_CHUNK = 1000       # test images per evaluation call; abort() is checked between chunks


@dataclass(frozen=True)
class ModelBuilt:
    """The network exists and training is about to begin.

    ``predictor`` is an ``engine.predictor.Predictor`` of this network, compiled on the training
    thread, that follows the training: the engine swaps each ``WeightsUpdate``'s weights into it
    before reporting the update, so a UI recognises with it as it is and never touches Keras
    (None when the ``Training`` was made with ``live_predictor=False``)."""

    device: str                                   # "CPU" or the GPU's name
    spec: TrainingSpec
    weights: list = field(repr=False)             # the starting weights, NumPy arrays
    predictor: object | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        """The network's name, e.g. "course-mlp"."""
        return self.spec.model.name


@dataclass(frozen=True)
class WeightsUpdate:
    """A snapshot of the weights (NumPy arrays, e.g. for ``Predictor.set_weights``).

    ``kind`` says when: "batch" (every ``weights_every`` batches, at most twice a second), "epoch"
    (at every epoch's end) or "end" (once, what the run ended with: after "nan" the restored weights
    of an earlier epoch). ``epoch`` (0-based) and ``step`` (batches done in it) are where training
    was when it was taken."""

    weights: list = field(repr=False)
    epoch: int
    step: int
    kind: str


@dataclass(frozen=True)
class History:
    """Per-epoch metrics of the finished epochs, in order."""

    loss: tuple[float, ...] = ()
    accuracy: tuple[float, ...] = ()
    val_loss: tuple[float, ...] = ()
    val_accuracy: tuple[float, ...] = ()

    def __len__(self) -> int:
        return len(self.loss)

    def as_dict(self) -> dict[str, list[float]]:
        return {"loss": list(self.loss), "accuracy": list(self.accuracy),
                "val_loss": list(self.val_loss), "val_accuracy": list(self.val_accuracy)}


@dataclass(frozen=True)
class TrainingOutcome:
    """How a run ended and what it produced.

    ``test_accuracy`` is None when it was not measured (an error, ``abort()``, or a network never
    built); ``evaluation`` then too, else the full ``engine.evaluation.Evaluation``. ``predictor``
    is the live ``Predictor`` (``ModelBuilt.predictor``) holding the final weights, or None.
    ``save(path)`` writes the trained network with its spec; ``has_model`` says whether there is one."""

    end: TrainingEnd
    spec: TrainingSpec
    test_accuracy: float | None = None
    test_count: int = 0
    history: History = History()
    evaluation: object | None = field(default=None, repr=False, compare=False)
    predictor: object | None = field(default=None, repr=False, compare=False)
    device: str | None = None
    seconds: float = 0.0
    calibration: object | None = field(default=None, compare=False)  # engine.calibration.Calibration
    _model: object | None = field(default=None, repr=False, compare=False)  # engine-internal keras model

    @property
    def has_model(self) -> bool:
        """True when a network was built (even if training then stopped or diverged)."""
        return self._model is not None

    @property
    def weights(self) -> list | None:
        """The final weights (NumPy arrays), or None without a model."""
        return None if self._model is None else self._model.get_weights()

    def save(self, path: str | Path) -> Path:
        """Save the trained network to ``path`` (.keras, atomically) with its TrainingSpec.
        Raises engine.model_files.ModelFileError (also when there is no model)."""
        from engine import model_files

        if self._model is None:
            raise model_files.ModelFileError(Words(QT_TRANSLATE_NOOP(
                "engine", "Nothing to save to {path}: no network was built."), path=str(path)))
        return model_files.save_model(self._model, path, spec=self.spec, calibration=self.calibration)

    def make_predictor(self):
        """A new Predictor of the final weights and calibration (compiles: call it off a UI thread);
        None without a model."""
        if self._model is None:
            return None
        from engine.predictor import Predictor

        return Predictor(self._model, self.calibration)


class TrainingListener:
    """Receives a run's events, all on the thread that runs it, in this order: ``on_phase``
    "Loading MNIST…" (only when the data is not given), "Building the network…", ``on_model`` once,
    ``on_phase`` "Compiling the training step…", then ``on_batch`` (throttled), ``on_epoch`` and
    ``on_weights`` as training goes (each epoch: its batches, ``on_epoch``, ``on_weights``), a last
    ``on_weights`` (kind "end"), ``on_phase`` "Testing on N images…" (not after an error or
    ``abort()``) and finally ``on_end``. A run stopped before the network was built sends only
    ``on_end`` (after the loading phase, if any). Every method does nothing here: override those you
    need. An exception from a listener ends the run as an "error" (except from ``on_end``: raised)."""

    def on_phase(self, text: str) -> None:
        pass

    def on_model(self, event: ModelBuilt) -> None:
        pass

    def on_batch(self, progress: BatchProgress) -> None:
        pass

    def on_epoch(self, progress: EpochProgress) -> None:
        pass

    def on_weights(self, update: WeightsUpdate) -> None:
        pass

    def on_end(self, outcome: TrainingOutcome) -> None:
        pass


DataSource = Union[Mnist, Callable[[], Mnist], None]


class EvaluationCancelled(Exception):
    """``evaluate_model``'s ``cancelled()`` said stop."""


def evaluate_model(model, images: np.ndarray, labels: np.ndarray,
                   cancelled: Callable[[], bool] = lambda: False, chunk: int | None = None):
    """``engine.evaluation.evaluate`` of a (logit-output) keras model on uint8 or float images, in
    chunks of ``chunk`` images with ``cancelled()`` checked before each (EvaluationCancelled)."""
    from engine.evaluation import evaluate

    chunk = chunk or EVALUATION_CHUNK

    class _Batches:  # the one method evaluate() needs; argmax of logits is argmax of softmax
        @staticmethod
        def predict_batch(x):
            out = []
            for start in range(0, len(x), chunk):
                if cancelled():
                    raise EvaluationCancelled
                out.append(np.asarray(model.predict_on_batch(x[start:start + chunk])))
            return np.concatenate(out) if out else np.zeros((0, 10), np.float32)

    return evaluate(_Batches(), images, labels)


class Training:
    """One training of ``spec`` on ``data`` (an ``Mnist``, a function that loads one, or None: the
    spec's data source). ``run(listener)`` does the work on the calling (worker) thread; ``stop``,
    ``pause``, ``resume`` and ``abort`` are safe from any thread from the moment the object exists
    (also while data loads or TensorFlow is imported) and take effect within one batch.

    ``live_predictor`` (default True) compiles a Predictor of the network as soon as it is built
    (``ModelBuilt.predictor``, ``TrainingOutcome.predictor``); the command line does without."""

    def __init__(self, spec: TrainingSpec, data: DataSource = None, *, live_predictor: bool = True,
                 weights_every: int = WEIGHTS_EVERY_BATCHES, max_reports_per_second: float = 30.0):
        if not isinstance(spec, TrainingSpec):
            raise TypeError(f"Training needs a TrainingSpec, not {type(spec).__name__}")
        self.spec = spec
        self.config = spec.config()
        if data is not None and not isinstance(data, Mnist) and not callable(data):
            raise TypeError(f"data must be an Mnist, a function returning one, or None; not {type(data).__name__}")
        self._data = data if isinstance(data, Mnist) else None
        self._loader = data if callable(data) else None
        self.live_predictor = live_predictor
        self.weights_every = weights_every
        self.max_reports_per_second = max_reports_per_second
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._abort = threading.Event()
        self._paused = False
        self._run: TrainingRun | None = None
        self._started = False

    # ----- control, any thread ------------------------------------------------------------------------
    def stop(self) -> None:
        """End after the batch in progress; the result is still tested."""
        with self._lock:
            self._stop.set()
            run = self._run
        if run is not None:
            run.stop()

    def abort(self) -> None:
        """Stop and skip (or cut short) the test-set evaluation: for closing a window."""
        self._abort.set()
        self.stop()

    def pause(self) -> None:
        with self._lock:
            self._paused = True
            run = self._run
        if run is not None:
            run.pause()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            run = self._run
        if run is not None:
            run.resume()

    def is_paused(self) -> bool:
        return self._paused

    def is_stopping(self) -> bool:
        """stop() or abort() was called."""
        return self._stop.is_set()

    def is_aborted(self) -> bool:
        return self._abort.is_set()

    @property
    def data(self) -> Mnist | None:
        """The training data, once given or loaded (a caller may keep it for the next run)."""
        return self._data

    # ----- the worker thread ------------------------------------------------------------------------------
    def run(self, listener: TrainingListener | None = None) -> TrainingOutcome:
        """Load, build, train and test; returns (and reports through ``listener.on_end``) the outcome.
        Training failures (bad data, out of memory…) come back as reason "error", never raised.
        A Training runs once."""
        if self._started:
            raise RuntimeError("a Training runs once; make a new one")
        self._started = True
        listener = listener or TrainingListener()
        started = time.perf_counter()
        state = _RunState()
        try:
            end = self._train(listener, state)
        except Exception as exc:  # a bad data file, out of memory while building, a listener's bug…
            log.exception("training failed")
            end = TrainingEnd("error", Words(QT_TRANSLATE_NOOP("engine", "Training failed: {error}"),
                                             error=said(exc)), 0)
        evaluation = None
        if end.reason != "error" and state.model is not None and not self._abort.is_set():
            try:
                self._calibrate(listener, state)
            except EvaluationCancelled:
                log.info("calibration cancelled")
            except Exception:  # the trained network is still good: kept, read uncalibrated
                log.exception("calibration failed")
        if end.reason != "error" and state.model is not None and not self._abort.is_set():
            try:
                evaluation = self._evaluate(listener, state.model)
            except EvaluationCancelled:
                log.info("test-set evaluation cancelled")
            except Exception:  # the trained network is still good: it is kept, only not tested
                log.exception("test-set evaluation failed")
        outcome = TrainingOutcome(
            end=end, spec=self.spec,
            test_accuracy=None if evaluation is None else evaluation.accuracy,
            test_count=0 if evaluation is None else int(evaluation.confusion.sum()),
            history=state.history(), evaluation=evaluation, predictor=state.predictor,
            device=state.device, seconds=time.perf_counter() - started, calibration=state.calibration,
            _model=state.model)
        listener.on_end(outcome)
        return outcome

    def _train(self, listener: TrainingListener, state: "_RunState") -> TrainingEnd:
        require_tensorflow(Words(QT_TRANSLATE_NOOP("engine", "Training")))   # the booth build: said before any work
        data = self._load_data(listener)
        if self._stop.is_set():
            return TrainingEnd("stopped", Words(QT_TRANSLATE_NOOP("engine", "Training stopped before it began.")), 0)
        if sys.modules.get("tensorflow") is None:   # recognition never needed it: seconds, once
            listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Loading TensorFlow…")))
            tensorflow()
            if self._stop.is_set():
                return TrainingEnd("stopped", Words(QT_TRANSLATE_NOOP("engine", "Training stopped before it began.")),
                                   0)
        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Building the network…")))
        from engine import models  # looked up now: a test may replace build_model

        spec = self.spec
        model = models.build_model(spec.model, learning_rate=spec.learning_rate, optimizer=spec.optimizer,
                                   seed=spec.seed, non_digits=spec.data == "people")
        import keras  # imported (and TensorFlow configured) by build_model
        state.model = model
        state.device = device_name()
        if self.live_predictor:
            from engine.predictor import Predictor

            state.predictor = Predictor(model)
        # Whatever happened since the build (a Predictor's compilation draws random numbers too),
        # the shuffling, dropout and augmentation of the fit start from the seed: same spec, same run.
        keras.utils.set_random_seed(spec.seed)
        run = TrainingRun(model, data, self.config, on_batch=lambda p: self._on_batch(p, listener, state),
                          on_epoch=lambda p: self._on_epoch(p, listener, state),
                          max_reports_per_second=self.max_reports_per_second)
        with self._lock:
            self._run = run
            if self._stop.is_set():   # stop()/pause() may have come while the network was built
                run.stop()
            if self._paused:
                run.pause()
        listener.on_model(ModelBuilt(state.device, spec, model.get_weights(), state.predictor))
        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Compiling the training step…")))
        end = run.run()
        self._send_weights(listener, state, model.get_weights(), "end")
        return end

    def _load_data(self, listener: TrainingListener) -> Mnist:
        """The data to train on: an Mnist given to the constructor as it is; otherwise MNIST (from the
        loader, or the shipped copy) and, for ``data="people"``, the drawn digits and non-digits of
        ``engine.people_data`` in front of it."""
        if self._data is None:
            listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Loading MNIST…")))
            if self._loader is not None:
                data = self._loader()
            else:
                from engine import data as data_module  # looked up now: a test may replace load_mnist

                data = data_module.load_mnist()
            if self.spec.data == "people":
                from engine import people_data

                listener.on_phase(Words(QT_TRANSLATE_NOOP(
                    "engine", "Drawing pen digits, regional forms and non-digits (cached after the first time)…")))
                data = people_data.load_people_data(data, validation_size=self.config.validation_size)
                self._pen_calibration = True
            self._data = data
        return self._data

    def _calibrate(self, listener: TrainingListener, state: "_RunState") -> None:
        """Fit the temperature (and, after training on non-digits, the "not a digit" threshold) on
        digits the run did not train on: MNIST's validation split and, for "people", the training
        writers drawn on other canvases. The live predictor reads its confidence this way from now on."""
        from engine.calibration import fit_calibration
        from engine.people_data import calibration_set

        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Calibrating the confidence…")))
        people = self.spec.data == "people"
        pen = people and getattr(self, "_pen_calibration", False)
        x, y = calibration_set(self._data, self.config.validation_size, pen=pen)
        if len(x) == 0:
            return
        logits = []
        for start in range(0, len(x), EVALUATION_CHUNK):
            if self._abort.is_set():
                raise EvaluationCancelled
            chunk = x[start:start + EVALUATION_CHUNK].astype(np.float32) / 255.0
            logits.append(np.asarray(state.model.predict_on_batch(chunk), np.float64))
        logits = np.concatenate(logits)
        if not np.isfinite(logits).all():
            log.warning("not calibrating: the network gives non-finite logits")
            return
        where = "MNIST validation" + (" + training writers' pen digits" if pen else "")
        state.calibration = fit_calibration(logits, y, refuse=people,
                                            fitted_on=f"{len(y):,} held-out digits ({where})")
        log.info("calibration: %s", state.calibration.describe())
        if state.predictor is not None:
            state.predictor.set_calibration(state.calibration)

    def _evaluate(self, listener: TrainingListener, model):
        data = self._data
        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Testing on {count} images…"),
                                count=f"{len(data.x_test):,}"))
        return evaluate_model(model, data.x_test, data.y_test, cancelled=self._abort.is_set,
                              chunk=EVALUATION_CHUNK)

    def _on_batch(self, p: BatchProgress, listener: TrainingListener, state: "_RunState") -> None:
        state.position = (p.epoch, p.step)
        state.steps = p.steps_per_epoch
        listener.on_batch(p)
        done = p.epoch * p.steps_per_epoch + p.step
        now = time.perf_counter()
        if (self.weights_every and p.step < p.steps_per_epoch
                and done - state.last_weights_step >= self.weights_every
                and now - state.last_weights_time >= WEIGHTS_MIN_SECONDS):
            state.last_weights_step, state.last_weights_time = done, now
            self._send_weights(listener, state, state.model.get_weights(), "batch")

    def _on_epoch(self, p: EpochProgress, listener: TrainingListener, state: "_RunState") -> None:
        state.epochs.append(p)
        state.position = (p.epoch, state.steps)
        state.last_weights_step = (p.epoch + 1) * state.steps  # the epoch's own snapshot goes with it
        state.last_weights_time = time.perf_counter()
        listener.on_epoch(p)
        self._send_weights(listener, state, p.weights, "epoch")

    def _send_weights(self, listener: TrainingListener, state: "_RunState", weights: list, kind: str) -> None:
        if state.predictor is not None:
            state.predictor.set_weights(weights)
        epoch, step = state.position
        listener.on_weights(WeightsUpdate(weights, epoch, step, kind))


class _RunState:
    """What one run has made and seen so far (the worker thread's own)."""

    def __init__(self):
        self.model = None
        self.predictor = None
        self.calibration = None
        self.device: str | None = None
        self.epochs: list[EpochProgress] = []
        self.position = (0, 0)
        self.steps = 1
        self.last_weights_step = 0
        self.last_weights_time = 0.0

    def history(self) -> History:
        return History(tuple(e.loss for e in self.epochs), tuple(e.accuracy for e in self.epochs),
                       tuple(e.val_loss for e in self.epochs), tuple(e.val_accuracy for e in self.epochs))


def train(spec: TrainingSpec, listener: TrainingListener | None = None, data: DataSource = None,
          **options) -> TrainingOutcome:
    """``Training(spec, data, **options).run(listener)``: train as ``spec`` says and test the result."""
    return Training(spec, data, **options).run(listener)

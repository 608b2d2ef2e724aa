"""One training run on a worker thread: the settings, the job that runs it, and its result.

The job loads MNIST, builds the model (the first build imports TensorFlow), runs an
``engine.training.TrainingRun`` and finally measures the test-set accuracy. Everything it reports
travels as ``(job, kind, payload)`` tuples through the emit function it is given (a Worker's
progress signal, queued to the UI thread); ``stop`` / ``pause`` / ``resume`` are thread-safe.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.models import ModelSpec

log = logging.getLogger(__name__)

WEIGHTS_EVERY_BATCHES = 200   # besides every epoch end, the predictor gets new weights this often
_WEIGHTS_MIN_SECONDS = 0.5    # …but never more than twice a second


@dataclass(frozen=True)
class TrainingSettings:
    """Everything one run needs, read from the controls (or made by a test or a benchmark)."""

    spec: ModelSpec
    epochs: int = 5
    batch_size: int = 128
    learning_rate: float = 1e-3
    optimizer: str = "adam"           # "adam" or "sgd" (with momentum 0.9)
    augment: bool = False
    train_size: int | None = None     # None: all 55,000 non-validation images
    seed: int = 0

    def config(self):
        from engine.training import TrainingConfig

        # Small dense networks learn better from gentler augmentation than the cnn.
        strength = 1.0 if self.spec.is_convolutional else 0.5
        return TrainingConfig(epochs=self.epochs, batch_size=self.batch_size, augment=self.augment,
                              augment_strength=strength, train_size=self.train_size, seed=self.seed)


@dataclass(frozen=True)
class TrainingResult:
    """How a run ended, what it produced and its test-set accuracy (None when not measured)."""

    job: object
    end: object                      # engine.training.TrainingEnd
    model: object | None             # the trained keras model (None if it was never built)
    test_accuracy: float | None
    test_count: int = 0


class TrainingJob:
    """One run, executed by ``__call__`` on the worker thread. ``stop``/``pause``/``resume``/``abort``
    may be called from any thread, also before the TrainingRun exists (while MNIST or TF loads)."""

    def __init__(self, settings: TrainingSettings, data_loader: Callable, data=None,
                 max_reports_per_second: float = 30.0, weights_every: int = WEIGHTS_EVERY_BATCHES):
        self.settings = settings
        self._data_loader, self._data = data_loader, data
        self._reports_per_second = max_reports_per_second
        self._weights_every = weights_every
        self._stop = threading.Event()
        self._abort = threading.Event()   # stop, and skip the test-set evaluation (closing)
        self._paused = False
        self.run = None
        self.emit: Callable[[tuple], None] = lambda item: None
        self._steps = 1
        self._last_weights_step = 0
        self._last_weights_time = 0.0

    # ----- control, any thread -----------------------------------------------------------------
    def stop(self) -> None:
        self._stop.set()
        run = self.run
        if run is not None:
            run.stop()

    def abort(self) -> None:
        self._abort.set()
        self.stop()

    def pause(self) -> None:
        self._paused = True
        run = self.run
        if run is not None:
            run.pause()

    def resume(self) -> None:
        self._paused = False
        run = self.run
        if run is not None:
            run.resume()

    # ----- the worker thread ----------------------------------------------------------------------
    def __call__(self) -> TrainingResult:
        from engine.training import TrainingEnd

        model = None
        try:
            if self._data is None:
                self._send("phase", "Loading MNIST…")
                self._data = self._data_loader()
                self._send("data", self._data)
            if self._stop.is_set():
                return TrainingResult(self, TrainingEnd("stopped", "Training stopped before it began.", 0),
                                      None, None)
            self._send("phase", "Building the network…")
            from engine.models import build_model
            from engine.training import TrainingRun

            s = self.settings
            model = build_model(s.spec, learning_rate=s.learning_rate, optimizer=s.optimizer, seed=s.seed)
            run = TrainingRun(model, self._data, s.config(), on_batch=self._on_batch, on_epoch=self._on_epoch,
                              max_reports_per_second=self._reports_per_second)
            self.run = run
            if self._stop.is_set():   # stop()/pause() may have come while the model was built
                run.stop()
            if self._paused:
                run.pause()
            self._send("model", model, run.device)
            end = run.run()
            self._send("weights", model.get_weights())  # what the run ended with (last good after NaN)
            accuracy, count = None, 0
            if not self._abort.is_set() and end.reason != "error":
                count = len(self._data.x_test)
                self._send("phase", f"Testing on {count:,} images…")
                accuracy = measure_test_accuracy(model, self._data.x_test, self._data.y_test,
                                                 cancelled=self._abort.is_set)
            return TrainingResult(self, end, model, accuracy, count)
        except _Cancelled:  # the window closed during the test-set evaluation
            return TrainingResult(self, end, model, None)
        except Exception as exc:  # a bad data file, out of memory while building…: told, not raised
            log.exception("training failed")
            return TrainingResult(self, TrainingEnd("error", f"Training failed: {exc}", 0), model, None)

    def _send(self, kind: str, *payload) -> None:
        self.emit((self, kind, *payload))

    def _on_batch(self, p) -> None:
        self._send("batch", p)
        self._steps = p.steps_per_epoch
        done = p.epoch * p.steps_per_epoch + p.step
        now = time.perf_counter()
        if (self._weights_every and p.step < p.steps_per_epoch
                and done - self._last_weights_step >= self._weights_every
                and now - self._last_weights_time >= _WEIGHTS_MIN_SECONDS):
            self._last_weights_step, self._last_weights_time = done, now
            self._send("weights", self.run.model.get_weights())

    def _on_epoch(self, p) -> None:
        self._last_weights_step = (p.epoch + 1) * self._steps  # the epoch's own snapshot goes with it
        self._last_weights_time = time.perf_counter()
        self._send("epoch", p)


class _Cancelled(Exception):
    pass


def measure_test_accuracy(model, images: np.ndarray, labels: np.ndarray,
                          cancelled: Callable[[], bool] = lambda: False) -> float:
    """Accuracy of a (logit-output) keras model on uint8 test images, via engine.evaluation.
    Checks ``cancelled()`` between chunks of 1,000 images (raises _Cancelled)."""
    from engine.evaluation import evaluate

    class _Batches:  # the one method evaluate() needs; argmax of logits is argmax of softmax
        @staticmethod
        def predict_batch(x):
            out = []
            for start in range(0, len(x), 1000):
                if cancelled():
                    raise _Cancelled
                out.append(model.predict_on_batch(x[start:start + 1000]))
            return np.concatenate(out)

    return evaluate(_Batches(), images, labels).accuracy

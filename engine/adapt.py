"""Adapt to my handwriting: fine-tune a copy of a model on one person's labelled drawings.

``Adaptation(source, x, y).run(listener)`` takes a model file (a reference as
``engine.catalogue.resolve`` reads it: "cnn", a user model's name or a path) and the person's
samples — ``x`` (n, 28, 28) uint8, white ink on black, already preprocessed as the network sees
them, ``y`` (n,) labels 0–9, oldest first (or ordered by ``created``) — and returns an
``AdaptOutcome``: a ``engine.training.TrainingOutcome`` (the training panel shows, keeps and
discards it like any training) with an ``AdaptReport`` of before → after.

**What is held out.** Per digit, the newest ``HELD_OUT_SHARE`` (20 %) of the person's samples,
rounded, and at least one for every digit with two samples or more, are never trained on: the
report's "before → after on your held-out samples" is measured on them, and the live plot's
validation curve follows them epoch by epoch. A digit with one sample trains on it. At least
``MIN_SAMPLES`` (10) samples of ``MIN_DIGITS`` (2) digits are needed (ValueError otherwise), so
there is nearly always something held out; only when every digit has a single sample is there
none, and then the report is measured on the training samples and says so
(``AdaptReport.held_out_is_training``). A caller with a separate test set (the bench) passes
``held_out=(x, y)``: then every sample is trained on and the report is measured on that set.

**How it learns without forgetting, fast.** Everything up to and including the network's last
``Flatten`` layer is frozen (a convolutional network's feature extractor; for the dense course
networks that is only the Flatten, so every layer is fine-tuned). The frozen part runs once over
every image involved, and only the layers after it (the dense head) are trained, on those cached
features, with Adam from ``LEARNING_RATES[0]`` down to ``LEARNING_RATES[1]``. The images mix:

- the person's training samples, each drawn ``copies`` times with light random warps
  (``engine.training_run.augment_batch`` at ``AUGMENT_STRENGTH``: a few degrees, about a pixel,
  a slightly thicker or thinner pen) besides the sample itself, about ``PERSON_IMAGES`` in all;
- ``GENERAL_MNIST`` MNIST training digits (never the validation tail nor the test set), so the
  head keeps reading everybody else's digits;
- for a model trained with non-digits (``TrainingSpec.data == "people"``), ``GENERAL_NON_DIGITS``
  non-digit drawings (``engine.non_digits``, a seed of their own; cached in the user's cache folder
  after the first time), trained toward "unsure" as the model was, so "not a digit" still works.

The person's images carry ``PERSON_SHARE`` of the loss (each of their images weighs far more than
a general one). Dropout stays as the model has it. The head is copied back into a copy of the full
model; the source file is never changed.

**Calibration.** The source model's calibration (temperature and "not a digit" threshold,
``model_files.read_calibration``) is kept: only the head moves, a little, and the temperature it
was fitted with still reads the adapted network (``bench/adapt.py`` measures the ECE and the
non-digit refusals before and after).

**Report.** ``AdaptReport``: samples trained and held out, accuracy on the held-out samples before
and after, accuracy on MNIST's 10,000 test digits before and after (the frozen features are
computed once and both heads read them), seconds, the source model.

**Events.** ``run(listener)`` reports like ``engine.training.Training``: ``on_phase`` ("Loading
TensorFlow…" if needed, "Loading MODEL…", "Loading MNIST…" unless given, "Drawing non-digits…"
when needed, "Preparing your samples…", "Computing the frozen layers' features…"), ``on_model``
once (``ModelBuilt`` with a live predictor that follows the adaptation: an
``engine.numpy_predictor.NumpyPredictor`` of the source file, milliseconds to make, or a
TensorFlow ``Predictor`` for a model NumPy cannot read), ``on_phase`` "Fine-tuning…", then per
epoch its ``on_batch`` (at most ``max_reports_per_second``), ``on_epoch`` (its validation numbers:
the held-out samples) and ``on_weights`` (kind "epoch"), a last ``on_weights`` (kind "end"),
``on_phase`` "Testing on 10,000 images…" (not after ``abort()`` or an error) and ``on_end``.
``stop()``, ``pause()``, ``resume()`` and ``abort()`` are safe from any thread and act within one
batch. A NaN or diverging loss stops the run, restores the source weights (the live predictor
too) and ends as "nan" with no model to keep: the source model stays what it was.

Nothing here knows about Qt; TensorFlow is imported by ``run`` only.
"""
from __future__ import annotations

import json
import logging
import math
import os
import threading
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np

from engine.data import Mnist
from engine.training import (EvaluationCancelled, ModelBuilt, TrainingListener, TrainingOutcome,
                             WeightsUpdate)
from engine.training_run import CHANCE_LOSS, DIVERGENCE_FACTOR, BatchProgress, EpochProgress, TrainingEnd, said
from engine.words import QT_TRANSLATE_NOOP, Words, joined

__all__ = ["DEFAULT_EPOCHS", "MIN_SAMPLES", "MIN_DIGITS", "HELD_OUT_SHARE", "AdaptReport", "AdaptOutcome",
           "Adaptation", "adapt", "held_out_split", "check_samples", "default_adapted_path"]

log = logging.getLogger(__name__)

DEFAULT_EPOCHS = 8
MIN_SAMPLES = 10             # fewer: ValueError ("Draw and label at least 10 digits first…")
MIN_DIGITS = 2               # of at least this many different digits
HELD_OUT_SHARE = 0.2         # per digit, the newest fifth is held out (at least 1 of a digit with >= 2)
PERSON_IMAGES = 2000         # the person's training samples and their warped copies, about this many
MAX_COPIES = 40              # warped copies per sample at most (besides the sample itself)
AUGMENT_STRENGTH = 0.5       # engine.training_run.augment_batch: ±6°, ±1 px, a slightly other pen
GENERAL_MNIST = 4000         # MNIST training digits mixed in, so the head does not forget
GENERAL_NON_DIGITS = 500     # non-digits mixed in for a model trained with them
PERSON_SHARE = 0.5           # the person's images' share of the loss
LEARNING_RATES = (1e-3, 3e-4)  # Adam, first epoch → last epoch (geometric)
BATCH_SIZE = 128
FEATURE_CHUNK = 1024         # images per call of the frozen part; stop()/abort() checked between
NON_DIGIT_SEED = 7001        # never engine.non_digits.HELD_OUT_SEED (the bench's set)
ADAPTATION_VERSION = 1


# ===== the samples ===================================================================================

def check_samples(x, y) -> tuple[np.ndarray, np.ndarray]:
    """``x`` as float32 (n, 28, 28) in 0..1 (uint8 0..255 or floats 0..1 accepted) and ``y`` as
    int64 (n,). ValueError with a sentence for a person when there are too few samples or digits,
    and for arrays of the wrong shape or labels outside 0–9."""
    x = np.asarray(x)
    y = np.asarray(y)
    if x.ndim == 2 and x.shape[1] == 784:
        x = x.reshape(-1, 28, 28)
    if x.ndim != 3 or x.shape[1:] != (28, 28):
        raise ValueError(f"samples must be 28×28 images; got an array of shape {x.shape}")
    if y.shape != (len(x),):
        raise ValueError(f"{len(x)} images but labels of shape {y.shape}")
    if len(y) and (not np.issubdtype(y.dtype, np.integer) or y.min() < 0 or y.max() > 9):
        raise ValueError("sample labels must be digits 0–9")
    digits = len(np.unique(y))
    if len(y) < MIN_SAMPLES or digits < MIN_DIGITS:
        raise ValueError(_too_few(len(y), digits))
    if x.dtype == np.uint8:
        xf = x.astype(np.float32) / 255.0
    else:
        xf = x.astype(np.float32)
        if not np.isfinite(xf).all() or xf.min() < 0.0 or xf.max() > 1.0:
            raise ValueError("float sample images must hold values in 0..1")
    return xf, y.astype(np.int64)


def _too_few(count: int, digits: int) -> str:
    """Why ``count`` samples of ``digits`` different digits are too few, for a person."""
    if count == 0:
        return Words(QT_TRANSLATE_NOOP(
            "engine", "Draw and label at least {min_samples} digits first, of at least {min_digits} different "
            "digits (there are 0 samples): adapting needs some of each to learn from and some to check with."),
            min_samples=MIN_SAMPLES, min_digits=MIN_DIGITS)
    if count == 1:
        return Words(QT_TRANSLATE_NOOP(
            "engine", "Draw and label at least {min_samples} digits first, of at least {min_digits} different "
            "digits (there is 1 sample of 1 digit): adapting needs some of each to learn from and some to check "
            "with."), min_samples=MIN_SAMPLES, min_digits=MIN_DIGITS)
    if digits == 1:
        return Words(QT_TRANSLATE_NOOP(
            "engine", "Draw and label at least {min_samples} digits first, of at least {min_digits} different "
            "digits (there are {count} samples of 1 digit): adapting needs some of each to learn from and some "
            "to check with."), min_samples=MIN_SAMPLES, min_digits=MIN_DIGITS, count=count)
    return Words(QT_TRANSLATE_NOOP(
        "engine", "Draw and label at least {min_samples} digits first, of at least {min_digits} different digits "
        "(there are {count} samples of {digits} digits): adapting needs some of each to learn from and some to "
        "check with."), min_samples=MIN_SAMPLES, min_digits=MIN_DIGITS, count=count, digits=digits)


def held_out_split(y, created=None, share: float = HELD_OUT_SHARE) -> tuple[np.ndarray, np.ndarray]:
    """(train, held_out) index arrays: per digit, the newest ``round(share × n)`` samples — at least
    one when the digit has two or more, none when it has one — are held out. "Newest" follows
    ``created`` (times; ties and None: the array order, oldest first). Both index arrays sorted."""
    y = np.asarray(y)
    order = np.arange(len(y)) if created is None else np.argsort(np.asarray(created, np.float64), kind="stable")
    held = []
    for digit in np.unique(y):
        mine = order[y[order] == digit]           # this digit's samples, oldest first
        n = len(mine)
        k = 0 if n < 2 else min(n - 1, max(1, int(round(share * n))))
        if k:
            held.extend(mine[n - k:])
    held_mask = np.zeros(len(y), bool)
    held_mask[np.asarray(held, np.int64)] = True
    return np.flatnonzero(~held_mask), np.flatnonzero(held_mask)


def default_adapted_path(source_ref=None) -> Path:
    """Where an adaptation of ``source_ref`` is saved by default: ``<source>-adapted.keras`` in the
    user's models folder ("cnn" → ``cnn-adapted.keras``; adapting ``cnn-adapted`` again keeps the
    name), with the date and time added when that file exists already (never overwritten)."""
    from engine import catalogue
    from engine.paths import user_models_dir

    stem = catalogue.resolve(None if source_ref is None else os.fspath(source_ref)).stem
    name = stem if stem.endswith("-adapted") else f"{stem}-adapted"
    folder = user_models_dir()
    path = folder / f"{name}.keras"
    if path.exists():
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = folder / f"{name}-{stamp}.keras"
        n = 2
        while path.exists():
            path = folder / f"{name}-{stamp}-{n}.keras"
            n += 1
    return path


# ===== results ========================================================================================

@dataclass(frozen=True)
class AdaptReport:
    """Before → after of one adaptation. Accuracies are shares (0..1), None when not measured
    (a run aborted before testing). ``held_out_is_training``: nothing could be held out (every
    digit had one sample), so ``held_out_*`` were measured on the training samples."""

    source: str                        # the source model for people: "cnn (shipped)", "mine.keras"
    source_path: str
    samples: int                       # the person's samples given
    samples_trained: int
    samples_held_out: int
    held_out_before: float | None
    held_out_after: float | None
    mnist_before: float | None
    mnist_after: float | None
    mnist_count: int = 0
    seconds: float = 0.0
    epochs: int = 0                    # epochs completed
    held_out_is_training: bool = False
    held_out_source: str = "newest 20 % per digit"   # or "given", "training samples"
    method: str = ""                   # what was trained, in words
    general_images: int = 0            # MNIST digits and non-digits mixed in
    created: str = ""                  # when, ISO 8601 local time

    def to_dict(self) -> dict:
        return {"version": ADAPTATION_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict) -> "AdaptReport":
        if not isinstance(data, dict):
            raise ValueError("an adaptation record is a JSON object")
        data = dict(data)
        version = data.pop("version", None)
        if version != ADAPTATION_VERSION:
            raise ValueError(f"adaptation record version {version!r} is not {ADAPTATION_VERSION}")
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1)

    def lines(self) -> list[str]:
        """Before → after, one line each, for people (``Words``: a window shows them in its language)."""
        def pct(v, decimals: int = 1):
            if v is None:
                return Words(QT_TRANSLATE_NOOP("engine", "n/a"))
            return Words(QT_TRANSLATE_NOOP("engine", "{value}%"), value=f"{100 * v:.{decimals}f}")

        before, after = pct(self.held_out_before), pct(self.held_out_after)
        if self.held_out_is_training:
            out = [Words(QT_TRANSLATE_NOOP("engine", "your samples (nothing could be held out: measured on the "
                                           "training samples): {before} → {after}"), before=before, after=after)]
        else:
            out = [Words(QT_TRANSLATE_NOOP("engine", "your {count} held-out samples: {before} → {after}"),
                         count=self.samples_held_out, before=before, after=after)]
        if self.mnist_before is not None:
            out.append(Words(QT_TRANSLATE_NOOP("engine", "MNIST test ({count}): {before} → {after}"),
                             count=f"{self.mnist_count:,}", before=pct(self.mnist_before, 2),
                             after=pct(self.mnist_after, 2)))
        if self.epochs == 1:
            out.append(Words(QT_TRANSLATE_NOOP("engine", "trained on {samples} of your samples and {general} "
                                               "general images, 1 epoch, {seconds} s (from {source})"),
                             samples=self.samples_trained, general=f"{self.general_images:,}",
                             seconds=f"{self.seconds:.1f}", source=self.source))
        else:
            out.append(Words(QT_TRANSLATE_NOOP("engine", "trained on {samples} of your samples and {general} "
                                               "general images, {epochs} epochs, {seconds} s (from {source})"),
                             samples=self.samples_trained, general=f"{self.general_images:,}", epochs=self.epochs,
                             seconds=f"{self.seconds:.1f}", source=self.source))
        return out


@dataclass(frozen=True)
class AdaptOutcome(TrainingOutcome):
    """A ``TrainingOutcome`` (the training panel shows, keeps and discards it the same way; its
    ``test_accuracy`` is the adapted model's on MNIST test) with the adaptation's ``report``.
    ``save(path)`` writes the adapted model with the source's spec and calibration and the report
    (``engine.model_files.read_adaptation``). After "nan" or an error there is no model."""

    report: AdaptReport | None = None

    def save(self, path: str | Path) -> Path:
        """Save the adapted network to ``path`` (.keras, atomically) with its TrainingSpec, its
        calibration and the adaptation record. Raises engine.model_files.ModelFileError."""
        from engine import model_files

        if self._model is None:
            raise model_files.ModelFileError(Words(QT_TRANSLATE_NOOP(
                "engine", "Nothing to save to {path}: the adaptation made no model."), path=str(path)))
        return model_files.save_model(self._model, path, spec=self.spec, calibration=self.calibration,
                                      adaptation=None if self.report is None else self.report.to_dict())


# ===== the run ========================================================================================

class _Stopped(Exception):
    """stop() or abort() came before training began."""


class Adaptation:
    """One adaptation of the model ``source`` (a catalogue reference or a path; None: the default
    shipped model) to the samples ``x``, ``y`` (see the module's doc). The constructor only checks
    the samples (ValueError for too few) and does no work; ``run(listener)`` does it on the calling
    (worker) thread and returns an ``AdaptOutcome``. ``stop``, ``pause``, ``resume`` and ``abort``
    are safe from any thread from the moment the object exists.

    ``created``: the samples' times (default: the array order is oldest first). ``epochs``: over
    the mixed set. ``mnist``: an ``engine.data.Mnist`` or a function returning one (default: the
    shipped copy, loaded by ``run``). ``held_out``: (x, y) to measure on instead of holding out the
    newest samples (every sample is then trained on). ``live_predictor`` (default True): a
    predictor that follows the adaptation, in ``ModelBuilt`` and the outcome. The method's knobs
    (None: the module's constants) are for the bench and the tests: ``general_mnist``,
    ``general_non_digits`` (only for a model trained with non-digits), ``person_share``,
    ``person_images``, ``learning_rates`` (first, last epoch) and ``seed``."""

    def __init__(self, source=None, x=None, y=None, created=None, *, epochs: int = DEFAULT_EPOCHS,
                 mnist=None, held_out=None, live_predictor: bool = True, seed: int = 0,
                 max_reports_per_second: float = 30.0, general_mnist: int | None = None,
                 general_non_digits: int | None = None, person_share: float | None = None,
                 person_images: int | None = None, learning_rates: tuple[float, float] | None = None):
        from engine import catalogue

        if x is None or y is None:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "Draw and label at least {min_samples} digits first: "
                                                     "there are no samples."), min_samples=MIN_SAMPLES))
        self.x, self.y = check_samples(x, y)
        if created is not None and len(created) != len(self.y):
            raise ValueError(f"{len(self.y)} samples but {len(created)} creation times")
        if not isinstance(epochs, int) or epochs < 1:
            raise ValueError("epochs must be a whole number >= 1")
        # None: the module's constants, read now (a test may change them)
        general_mnist = GENERAL_MNIST if general_mnist is None else general_mnist
        person_share = PERSON_SHARE if person_share is None else person_share
        person_images = PERSON_IMAGES if person_images is None else person_images
        learning_rates = LEARNING_RATES if learning_rates is None else learning_rates
        if not 0.0 < person_share < 1.0:
            raise ValueError("person_share must be in (0, 1)")
        self.source_ref = None if source is None else os.fspath(source)
        self.source_path = catalogue.resolve(self.source_ref)
        self.source_label = catalogue.label(self.source_ref)
        self.epochs = epochs
        self.seed = int(seed)
        self.live_predictor = live_predictor
        self.max_reports_per_second = max_reports_per_second
        self.general_mnist = int(general_mnist)
        self.general_non_digits = GENERAL_NON_DIGITS if general_non_digits is None else int(general_non_digits)
        self.person_share = float(person_share)
        self.person_images = int(person_images)
        self.learning_rates = tuple(float(v) for v in learning_rates)
        if held_out is not None:
            hx, hy = held_out
            self.held_x, self.held_y = _as_float_images(hx).reshape(-1, 28, 28), np.asarray(hy, np.int64)
            if len(self.held_y) == 0 or self.held_y.shape != (len(self.held_x),):
                raise ValueError("held_out needs at least one image and one label per image")
            self.train_x, self.train_y = self.x, self.y
            self.held_out_source, self.held_out_is_training = "given", False
        else:
            train, held = held_out_split(self.y, created)
            self.train_x, self.train_y = self.x[train], self.y[train]
            if len(held):
                self.held_x, self.held_y = self.x[held], self.y[held]
                self.held_out_source, self.held_out_is_training = f"newest {HELD_OUT_SHARE:.0%} per digit", False
            else:
                self.held_x, self.held_y = self.train_x, self.train_y
                self.held_out_source, self.held_out_is_training = "training samples", True
        self._data = mnist if isinstance(mnist, Mnist) else None
        self._loader = mnist if callable(mnist) else None
        self._stop = threading.Event()
        self._abort = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._started = False
        from engine.model_files import read_spec

        # The source's TrainingSpec (the adapted model keeps it); for a file without one, run() finds
        # the preset of the network's name or describes its layers.
        self.spec = read_spec(self.source_path)

    # ----- control, any thread ----------------------------------------------------------------------------
    def stop(self) -> None:
        """End after the batch in progress; the result is still tested."""
        self._stop.set()
        self._running.set()

    def abort(self) -> None:
        """Stop and skip the test: for closing a window."""
        self._abort.set()
        self.stop()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def is_paused(self) -> bool:
        return not self._running.is_set()

    def is_stopping(self) -> bool:
        return self._stop.is_set()

    def is_aborted(self) -> bool:
        return self._abort.is_set()

    @property
    def data(self) -> Mnist | None:
        """MNIST, once given or loaded (a caller may keep it for the next run)."""
        return self._data

    @property
    def samples_trained(self) -> int:
        return len(self.train_y)

    @property
    def samples_held_out(self) -> int:
        return 0 if self.held_out_is_training else len(self.held_y)

    # ----- the worker thread ----------------------------------------------------------------------------
    def run(self, listener: TrainingListener | None = None) -> AdaptOutcome:
        """Adapt and test; returns (and reports through ``listener.on_end``) the outcome. Failures come
        back as reason "error", never raised. An Adaptation runs once."""
        if self._started:
            raise RuntimeError("an Adaptation runs once; make a new one")
        self._started = True
        listener = listener or TrainingListener()
        started = time.perf_counter()
        state = _State()
        try:
            end = self._adapt(listener, state)
        except _Stopped:
            end = TrainingEnd("stopped", Words(QT_TRANSLATE_NOOP("engine", "Adapting stopped before it began.")), 0)
        except Exception as exc:
            log.exception("adaptation failed")
            end = TrainingEnd("error", Words(QT_TRANSLATE_NOOP("engine", "Adapting failed: {error}"),
                                             error=said(exc)), 0)
            state.model = None
            if state.predictor is not None and state.source_weights:
                try:   # whoever recognises with the live predictor gets the source model back
                    state.predictor.set_weights(state.source_weights)
                except Exception:
                    log.exception("could not restore the live predictor's weights")
        if end.reason in ("completed", "stopped") and state.model is not None and not self._abort.is_set():
            try:
                self._test(listener, state)
            except EvaluationCancelled:
                log.info("adaptation test cancelled")
            except Exception:   # the adapted network is still good: kept, only not tested
                log.exception("testing the adapted model failed")
        seconds = time.perf_counter() - started
        report = None
        if state.before_held is not None:
            report = AdaptReport(
                source=self.source_label, source_path=str(self.source_path), samples=len(self.y),
                samples_trained=self.samples_trained, samples_held_out=self.samples_held_out,
                held_out_before=state.before_held, held_out_after=state.after_held,
                mnist_before=state.mnist_before, mnist_after=state.mnist_after, mnist_count=state.mnist_count,
                seconds=round(seconds, 2), epochs=len(state.epochs),
                held_out_is_training=self.held_out_is_training, held_out_source=self.held_out_source,
                method=state.method, general_images=state.general_images,
                created=time.strftime("%Y-%m-%dT%H:%M:%S"))
        outcome = AdaptOutcome(
            end=end, spec=self.spec or _fallback_spec(),
            test_accuracy=state.mnist_after, test_count=state.mnist_count if state.mnist_after is not None else 0,
            history=state.history(), evaluation=state.evaluation,
            predictor=state.predictor if state.model is not None else None,
            device=state.device, seconds=seconds, calibration=state.calibration,
            _model=state.model, report=report)
        listener.on_end(outcome)
        return outcome

    def _check(self) -> None:
        if self._stop.is_set():
            raise _Stopped

    def _adapt(self, listener: TrainingListener, state: "_State") -> TrainingEnd:
        import sys

        from engine.device import device_name, require_tensorflow, tensorflow

        require_tensorflow(Words(QT_TRANSLATE_NOOP("engine", "Adapting a model")))
        self._check()
        if sys.modules.get("tensorflow") is None:
            listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Loading TensorFlow…")))
            tensorflow()
            self._check()
        tf = tensorflow()
        import keras

        from engine import model_files

        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Loading {model}…"), model=self.source_label))
        model = model_files.load_model(self.source_path)
        self.spec = self.spec or _spec_of(model)
        state.calibration = model_files.read_calibration(self.source_path)
        state.device = device_name()
        cut = _last_flatten(model)
        frozen_layers, head_layers = model.layers[:cut + 1], model.layers[cut + 1:]
        if not any(layer.weights for layer in head_layers):
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "{model} has no layers with weights after its last "
                                                     "Flatten"), model=self.source_label))
        conv = any(layer.weights for layer in frozen_layers)
        state.method = ("the dense layers after the frozen convolutional features" if conv
                        else "every layer (a dense network)")
        people = self.spec is not None and self.spec.data == "people"
        n_non_digits = self.general_non_digits if people else 0

        data = self._mnist(listener)
        self._check()
        rng = np.random.default_rng(self.seed)
        general_x, general_y = _mnist_slice(data, self.general_mnist, rng)
        if n_non_digits:
            listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Drawing non-digits (cached after the first time)…")))
            nd = _non_digits(n_non_digits)
            general_x = np.concatenate([general_x, nd])
            general_y = np.concatenate([general_y, np.full(len(nd), 10, np.int64)])
        self._check()

        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Preparing your samples…")))
        copies = int(np.clip(round(self.person_images / max(len(self.train_y), 1)) - 1, 1, MAX_COPIES))
        person_x = [self.train_x]
        from engine.training_run import augment_batch

        for c in range(copies):
            seed = tf.constant([self.seed, c + 1], tf.int64)
            person_x.append(augment_batch(tf.constant(self.train_x), AUGMENT_STRENGTH, seed=seed).numpy())
        person_x = np.concatenate(person_x)
        person_y = np.tile(self.train_y, copies + 1)
        state.general_images = len(general_y)
        self._check()

        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Computing the frozen layers' features…")))
        frozen = keras.Model(model.inputs, frozen_layers[-1].output) if cut >= 0 else None
        features = _FeatureFn(tf, frozen)
        state.features = features
        fx = features(np.concatenate([person_x, general_x]), self._stop)
        held_f = features(self.held_x, self._stop)
        fy = np.concatenate([person_y, general_y])
        n_person = len(person_y)
        w = np.empty(len(fy), np.float32)
        w[:n_person] = self.person_share / n_person
        w[n_person:] = (1.0 - self.person_share) / max(len(general_y), 1)
        w *= len(w) / w.sum()    # mean 1: Keras divides the weighted sum by the batch size
        self._check()

        # From here on (the heads' dropout seeds, then the fit) every random number follows the seed.
        keras.utils.set_random_seed(self.seed)
        head = _head_model(keras, head_layers, fx.shape[1], "adapted_head")
        source_head = _head_model(keras, head_layers, fx.shape[1], "source_head")
        from engine.models import compile_model

        compile_model(head, learning_rate=self.learning_rates[0], non_digits=people)
        state.head, state.source_head, state.model, state.cut = head, source_head, model, cut
        state.frozen_weights = [w_ for layer in frozen_layers for w_ in layer.get_weights()]
        state.source_weights = model.get_weights()
        if self.live_predictor:
            state.predictor = _live_predictor(self.source_path, model, state.calibration)
        listener.on_model(ModelBuilt(state.device, self.spec, state.source_weights, state.predictor))

        before = _logits(source_head, held_f)
        state.before_held = float(np.mean(before.argmax(1) == self.held_y))
        state.held_f = held_f
        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Fine-tuning on your handwriting…")))
        return self._fit(listener, state, fx, fy, w, rng)

    def _mnist(self, listener: TrainingListener) -> Mnist:
        if self._data is None:
            listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Loading MNIST…")))
            if self._loader is not None:
                self._data = self._loader()
            else:
                from engine import data as data_module

                self._data = data_module.load_mnist()
        return self._data

    def _fit(self, listener, state: "_State", fx, fy, w, rng) -> TrainingEnd:
        head = state.head
        n = len(fy)
        steps = math.ceil(n / BATCH_SIZE)
        epochs = self.epochs
        interval = 1.0 / self.max_reports_per_second
        loss_limit = math.inf
        lr0, lr1 = self.learning_rates
        last_report = 0.0
        done = 0
        for epoch in range(epochs):
            lr = lr0 * (lr1 / lr0) ** (epoch / max(epochs - 1, 1))
            head.optimizer.learning_rate.assign(lr)
            order = rng.permutation(n)
            losses = np.empty(steps, np.float64)
            sum_loss = sum_acc = seen = 0.0
            reported = 0
            epoch_start = time.perf_counter()
            paused = 0.0
            for step in range(steps):
                if not self._running.is_set():
                    began = time.perf_counter()
                    self._running.wait()
                    paused += time.perf_counter() - began
                if self._stop.is_set():
                    return self._ended("stopped", epoch, state, listener)
                pick = order[step * BATCH_SIZE:(step + 1) * BATCH_SIZE]
                logs = head.train_on_batch(fx[pick], fy[pick], sample_weight=w[pick], return_dict=True)
                loss, acc = float(logs["loss"]), float(logs.get("accuracy", math.nan))
                if epoch == 0 and step == 0 and math.isfinite(loss):
                    loss_limit = DIVERGENCE_FACTOR * max(loss, CHANCE_LOSS)
                if not math.isfinite(loss) or loss > loss_limit:
                    return self._diverged(loss, epoch, step + 1, state, listener)
                losses[step] = loss
                seen += len(pick)
                sum_loss += loss * len(pick)
                sum_acc += acc * len(pick)
                now = time.perf_counter()
                if now - last_report >= interval or step + 1 == steps:
                    last_report = now
                    elapsed = max(now - epoch_start - paused, 1e-9)
                    rate = seen / elapsed
                    left = ((steps - step - 1) + (epochs - epoch - 1) * steps) * BATCH_SIZE / max(rate, 1e-9)
                    listener.on_batch(BatchProgress(
                        epoch=epoch, epochs=epochs, step=step + 1, steps_per_epoch=steps, loss=loss,
                        mean_loss=sum_loss / seen, accuracy=sum_acc / seen,
                        losses=losses[reported:step + 1].copy(),
                        positions=epoch + np.arange(reported + 1, step + 2) / steps,
                        samples_per_second=rate, seconds_left=left))
                    reported = step + 1
            seconds = time.perf_counter() - epoch_start - paused
            val_logits = _logits(head, state.held_f)
            weights = state.full_weights()
            progress = EpochProgress(
                epoch=epoch, epochs=epochs, loss=sum_loss / seen, accuracy=sum_acc / seen,
                val_loss=_cross_entropy(val_logits, self.held_y),
                val_accuracy=float(np.mean(val_logits.argmax(1) == self.held_y)),
                seconds=seconds, samples_per_second=n / max(seconds, 1e-9), weights=weights)
            state.epochs.append(progress)
            done = epoch + 1
            listener.on_epoch(progress)
            self._send_weights(listener, state, weights, "epoch", epoch, steps)
        return self._ended("completed", done, state, listener)

    def _ended(self, reason: str, epochs_done: int, state: "_State", listener) -> TrainingEnd:
        """The head's weights go into the full model; the last weights to the listener."""
        weights = state.full_weights()
        state.model.set_weights(weights)
        self._send_weights(listener, state, weights, "end", max(epochs_done - 1, 0), 0)
        after = _logits(state.head, state.held_f)
        state.after_held = float(np.mean(after.argmax(1) == self.held_y))
        if reason == "stopped":
            message = (Words(QT_TRANSLATE_NOOP("engine", "Adapting stopped after 1 epoch of {epochs}."),
                             epochs=self.epochs) if epochs_done == 1 else
                       Words(QT_TRANSLATE_NOOP("engine", "Adapting stopped after {done} epochs of {epochs}."),
                             done=epochs_done, epochs=self.epochs))
            return TrainingEnd("stopped", message, epochs_done)
        message = (Words(QT_TRANSLATE_NOOP("engine", "Adapted to your handwriting: 1 epoch on {samples} of your "
                                           "samples."), samples=self.samples_trained) if epochs_done == 1 else
                   Words(QT_TRANSLATE_NOOP("engine", "Adapted to your handwriting: {done} epochs on {samples} of "
                                           "your samples."), done=epochs_done, samples=self.samples_trained))
        return TrainingEnd("completed", message, epochs_done)

    def _diverged(self, loss: float, epoch: int, step: int, state: "_State", listener) -> TrainingEnd:
        """NaN or a diverging loss: back to the source weights; nothing to keep."""
        state.model.set_weights(state.source_weights)
        self._send_weights(listener, state, state.source_weights, "end", epoch, step)
        state.model = None
        state.after_held = state.before_held
        if math.isfinite(loss):
            what = Words(QT_TRANSLATE_NOOP("engine", "Adapting stopped at epoch {epoch}, batch {batch}: the loss "
                                           "diverged ({loss})."), epoch=epoch + 1, batch=step, loss=f"{loss:.3g}")
        elif math.isnan(loss):
            what = Words(QT_TRANSLATE_NOOP("engine", "Adapting stopped at epoch {epoch}, batch {batch}: the loss "
                                           "became NaN."), epoch=epoch + 1, batch=step)
        else:
            what = Words(QT_TRANSLATE_NOOP("engine", "Adapting stopped at epoch {epoch}, batch {batch}: the loss "
                                           "became infinite."), epoch=epoch + 1, batch=step)
        unchanged = Words(QT_TRANSLATE_NOOP("engine", "{model} is unchanged."), model=self.source_label)
        return TrainingEnd("nan", joined(what, unchanged), len(state.epochs), bad_loss=loss,
                           stopped_at=(epoch + 1, step))

    def _send_weights(self, listener, state: "_State", weights: list, kind: str, epoch: int, step: int) -> None:
        if state.predictor is not None:
            state.predictor.set_weights(weights)
        listener.on_weights(WeightsUpdate(weights, epoch, step, kind))

    def _test(self, listener, state: "_State") -> None:
        """MNIST test before and after: its frozen features once, read by both heads."""
        from engine.evaluation import evaluate

        data = self._data
        listener.on_phase(Words(QT_TRANSLATE_NOOP("engine", "Testing on {count} images…"),
                                count=f"{len(data.x_test):,}"))
        f = state.features(data.x_test.astype(np.float32) / 255.0, self._abort, cancelled=EvaluationCancelled)
        before = _logits(state.source_head, f)
        after = _logits(state.head, f)
        labels = data.y_test.astype(np.int64)
        state.mnist_before = float(np.mean(before.argmax(1) == labels))
        state.mnist_after = float(np.mean(after.argmax(1) == labels))
        state.mnist_count = len(labels)
        state.evaluation = evaluate(_FixedAnswers(state.calibration.probabilities(after), state.calibration),
                                    np.zeros((len(labels), 1), np.float32), labels)


def adapt(source, x, y, listener: TrainingListener | None = None, **options) -> AdaptOutcome:
    """``Adaptation(source, x, y, **options).run(listener)``."""
    return Adaptation(source, x, y, **options).run(listener)


# ===== helpers ==========================================================================================

class _State:
    def __init__(self):
        self.model = None
        self.head = None
        self.source_head = None
        self.cut = -1
        self.frozen_weights: list = []
        self.source_weights: list = []
        self.predictor = None
        self.calibration = None
        self.device: str | None = None
        self.features = None
        self.held_f = None
        self.method = ""
        self.general_images = 0
        self.epochs: list[EpochProgress] = []
        self.before_held: float | None = None
        self.after_held: float | None = None
        self.mnist_before: float | None = None
        self.mnist_after: float | None = None
        self.mnist_count = 0
        self.evaluation = None

    def full_weights(self) -> list:
        """The full model's weights (``model.get_weights()`` order): frozen part + trained head."""
        return [np.array(w) for w in self.frozen_weights] + [np.array(w) for w in self.head.get_weights()]

    def history(self):
        from engine.training import History

        e = self.epochs
        return History(tuple(p.loss for p in e), tuple(p.accuracy for p in e),
                       tuple(p.val_loss for p in e), tuple(p.val_accuracy for p in e))


class _FixedAnswers:
    """What ``engine.evaluation.evaluate`` needs of a predictor, answering with given probabilities."""

    def __init__(self, probabilities, calibration):
        self._p, self.calibration = probabilities.astype(np.float32), calibration

    def predict_batch(self, x):
        return self._p


class _FeatureFn:
    """The frozen part as one compiled function, run in chunks (an ``Event`` checked between)."""

    def __init__(self, tf, frozen):
        self._frozen = frozen
        if frozen is not None:
            self._fn = tf.function(lambda x: frozen(x, training=False), reduce_retracing=True)

    def __call__(self, x: np.ndarray, stop: threading.Event, cancelled=_Stopped) -> np.ndarray:
        x = np.asarray(x, np.float32)
        if self._frozen is None:   # no Flatten: the head takes the images as they are
            return x
        out = []
        for start in range(0, len(x), FEATURE_CHUNK):
            if stop.is_set():
                raise cancelled
            out.append(np.asarray(self._fn(x[start:start + FEATURE_CHUNK])))
        if not out:
            return np.zeros((0, int(self._frozen.outputs[0].shape[-1])), np.float32)
        return np.concatenate(out)


def _as_float_images(x) -> np.ndarray:
    x = np.asarray(x)
    return x.astype(np.float32) / 255.0 if x.dtype == np.uint8 else x.astype(np.float32)


def _last_flatten(model) -> int:
    """Index in ``model.layers`` of its last Flatten layer (-1: none; the head is then every layer).
    ValueError for a model that is not one plain stack of layers."""
    import keras

    if not isinstance(model, keras.Sequential):
        raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "{model} is not a plain stack of layers; only the app's "
                                                 "own kind of network can be adapted"), model=model.name))
    cut = -1
    for i, layer in enumerate(model.layers):
        if isinstance(layer, keras.layers.Flatten):
            cut = i
    return cut


def _head_model(keras, layers, n_features: int, name: str):
    """A new model of copies of ``layers`` (their configurations and weights) on ``n_features``."""
    inputs = keras.Input(shape=(n_features,), name="features")
    out = inputs
    copies = []
    for layer in layers:
        copy = layer.__class__.from_config(layer.get_config())
        out = copy(out)
        copies.append((copy, layer))
    head = keras.Model(inputs, out, name=name)
    for copy, layer in copies:
        copy.set_weights(layer.get_weights())
    return head


def _logits(head, features: np.ndarray) -> np.ndarray:
    out = [np.asarray(head(features[s:s + 4096], training=False), np.float64)
           for s in range(0, len(features), 4096)]
    return np.concatenate(out) if out else np.zeros((0, 10))


def _cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    if len(labels) == 0:
        return math.nan
    z = logits - logits.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(labels)), labels].mean())


def _mnist_slice(data: Mnist, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``n`` random MNIST training digits, never from the validation tail (the last 5,000)."""
    usable = len(data.x_train) - min(5000, len(data.x_train) // 5)
    pick = np.sort(rng.choice(usable, min(n, usable), replace=False))
    return data.x_train[pick].astype(np.float32) / 255.0, data.y_train[pick].astype(np.int64)


def _non_digits(n: int) -> np.ndarray:
    """``n`` non-digit drawings (float 0..1), cached in the user's cache folder."""
    from engine import people_data
    from engine.non_digits import render_non_digits

    def build():
        x, _ = render_non_digits(n, np.random.default_rng(NON_DIGIT_SEED))
        return {"x": x}

    arrays = people_data._cached("adapt-non-digits", {"n": n, "seed": NON_DIGIT_SEED}, build, None)
    return arrays["x"].astype(np.float32) / 255.0


def _live_predictor(path: Path, model, calibration):
    """A predictor of the source network to follow the adaptation: NumPy when it reads the file."""
    try:
        from engine.keras_file import read_network
        from engine.numpy_predictor import NumpyPredictor

        return NumpyPredictor(read_network(path), calibration, source=path)
    except Exception as exc:   # NeedsTensorFlow, a shape FastForward does not run
        log.info("live predictor with TensorFlow: %s", exc)
        from engine.predictor import Predictor

        return Predictor(model, calibration)


def _spec_of(model):
    """A TrainingSpec for a file that carries none: its preset's, by the network's name, or one
    described from its layers."""
    from engine.models import PRESETS, LayerSpec, ModelSpec
    from engine.spec import TrainingSpec

    name = model.name.replace("_", "-")
    if name in PRESETS:
        return TrainingSpec(PRESETS[name])
    import keras

    rows = []
    for layer in model.layers:
        act = getattr(getattr(layer, "activation", None), "__name__", "linear")
        act = act if act in ("relu", "sigmoid", "tanh", "linear") else "linear"
        if isinstance(layer, keras.layers.Dense):
            rows.append(LayerSpec("dense", units=layer.units, activation=act))
        elif isinstance(layer, keras.layers.Conv2D):
            rows.append(LayerSpec("conv2d", filters=layer.filters, kernel=layer.kernel_size[0], activation=act))
        elif isinstance(layer, keras.layers.MaxPooling2D):
            rows.append(LayerSpec("maxpool", pool=layer.pool_size[0]))
        elif isinstance(layer, keras.layers.AveragePooling2D):
            rows.append(LayerSpec("avgpool", pool=layer.pool_size[0]))
        elif isinstance(layer, keras.layers.Dropout):
            rows.append(LayerSpec("dropout", rate=layer.rate))
        elif isinstance(layer, keras.layers.BatchNormalization):
            rows.append(LayerSpec("batchnorm"))
        elif isinstance(layer, keras.layers.Flatten) and rows:
            rows.append(LayerSpec("flatten"))
    try:
        return TrainingSpec(ModelSpec(name, tuple(rows)))
    except ValueError:
        return _fallback_spec()


def _fallback_spec():
    from engine.spec import TrainingSpec

    return TrainingSpec.from_preset("cnn")

"""One ``model.fit`` on a tf.data pipeline: light progress, pause, stop, and a guard against a NaN or
diverging loss. ``engine.training.Training`` drives it; nothing else needs to.

Per-batch numbers are recorded cheaply into a preallocated array and handed on at most
``max_reports_per_second`` times a second (a GUI needs tens of updates a second, not thousands).
Nothing here knows about Qt.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from engine.data import Mnist
from engine.device import device_name, tensorflow
from engine.words import QT_TRANSLATE_NOOP, Words, joined

log = logging.getLogger("engine.training")
# A batch loss over this many times the run's reference loss (its first batch's, or chance level
# ln 10 ≈ 2.3 if that is lower) has diverged: learning never climbs two orders of magnitude above
# where it began, while an exploding run (Adam at a learning rate of 1e6) passes 1e20.
DIVERGENCE_FACTOR = 100.0
CHANCE_LOSS = math.log(10)  # cross-entropy of a uniform guess among the 10 digits


@dataclass(frozen=True)
class TrainingConfig:
    """What to train on and how. ``train_size`` None means all 55,000 non-validation images."""

    epochs: int = 5
    batch_size: int = 128
    augment: bool = False
    augment_strength: float = 1.0  # scales every augmentation range; small networks like ~0.5
    lr_decay: float = 1.0      # learning rate multiplier per epoch (0.85: 15 % smaller each epoch)
    train_size: int | None = None
    validation_size: int = 5000
    seed: int = 0

    def __post_init__(self) -> None:
        if self.epochs < 1:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "epochs must be >= 1")))
        if not 0.0 < self.augment_strength <= 2.0:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "augmentation strength must be in (0, 2]")))
        if not 0.0 < self.lr_decay <= 1.0:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "learning-rate decay must be in (0, 1]")))
        if self.batch_size < 1:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "batch size must be >= 1")))
        if self.train_size is not None and self.train_size < 1:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "training-set size must be >= 1")))
        if self.validation_size < 1:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "validation-set size must be >= 1")))
        if self.seed < 0:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "seed must be >= 0")))


@dataclass(frozen=True)
class BatchProgress:
    """Reported at most ~30 times a second. ``losses`` holds every batch loss since the last
    report and ``positions`` their place on the x axis in epochs (e.g. 1.25 = a quarter into epoch 2)."""

    epoch: int                 # 0-based
    epochs: int
    step: int                  # batches done in this epoch
    steps_per_epoch: int
    loss: float                # last batch's loss
    mean_loss: float           # running means over this epoch so far (smooth, for a progress line)
    accuracy: float
    losses: np.ndarray
    positions: np.ndarray
    samples_per_second: float
    seconds_left: float


@dataclass(frozen=True)
class EpochProgress:
    epoch: int                 # 0-based
    epochs: int
    loss: float
    accuracy: float
    val_loss: float
    val_accuracy: float
    seconds: float
    samples_per_second: float
    weights: list = field(repr=False, default_factory=list)  # snapshot for a Predictor


@dataclass(frozen=True)
class TrainingEnd:
    """Why the run ended: "completed", "stopped", "nan" or "error", with a sentence for the user.

    "nan" means the loss became NaN or infinite or diverged (see DIVERGENCE_FACTOR); the model
    then holds the weights from the end of epoch ``epochs_completed`` (0: its starting weights),
    ``bad_loss`` is the batch loss that stopped it (NaN, ±inf or a huge finite value) and
    ``stopped_at`` (epoch, batch), both counted from 1, is where."""

    reason: str
    message: str
    epochs_completed: int
    metrics: dict = field(default_factory=dict)
    bad_loss: float | None = None
    stopped_at: tuple[int, int] | None = None


class TrainingStopped(Exception):
    """Raised inside the fit loop to unwind it as soon as stop() is seen."""


def make_datasets(data: Mnist, config: TrainingConfig):
    """(train, validation, steps_per_epoch, train_count): tf.data pipelines of float images in 0..1."""
    tf = tensorflow()
    n_total = len(data.x_train)
    n_val = min(config.validation_size, n_total // 5)
    x_fit, y_fit = data.x_train[: n_total - n_val], data.y_train[: n_total - n_val]
    x_val, y_val = data.x_train[n_total - n_val:], data.y_train[n_total - n_val:]
    if config.train_size is not None and config.train_size < len(x_fit):
        pick = np.random.default_rng(config.seed).choice(len(x_fit), config.train_size, replace=False)
        pick.sort()
        x_fit, y_fit = x_fit[pick], y_fit[pick]
    count = len(x_fit)

    def to_float(x, y):
        return tf.cast(x, tf.float32) / 255.0, tf.cast(y, tf.int32)

    train = (tf.data.Dataset.from_tensor_slices((x_fit, y_fit))
             .cache()  # the uint8 arrays stay in memory; shuffling happens on indices of them
             .shuffle(count, seed=config.seed, reshuffle_each_iteration=True)
             .batch(config.batch_size)
             .map(to_float, num_parallel_calls=tf.data.AUTOTUNE))
    if config.augment:
        # Each batch gets its own seed from a seeded stream (new numbers every epoch), so the random
        # warps do not depend on which parallel map call runs first: same seed, same training.
        strength = config.augment_strength
        seeds = tf.data.Dataset.random(seed=config.seed, rerandomize_each_iteration=True).batch(2)
        train = (tf.data.Dataset.zip(train, seeds)
                 .map(lambda xy, seed: (augment_batch(xy[0], strength, seed=seed), xy[1]),
                      num_parallel_calls=tf.data.AUTOTUNE))
    train = train.prefetch(tf.data.AUTOTUNE)
    val = (tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(512)
           .map(to_float).cache().prefetch(tf.data.AUTOTUNE))
    return train, val, math.ceil(count / config.batch_size), count


def augment_batch(images, strength: float = 1.0, seed=None):
    """Random small rotations, shears, scalings, shifts and stroke-thickness changes of a
    batch of 28×28 images — the variations of digits drawn on a screen. ``strength`` scales
    every range (1.0: ±12°, shear ±0.2, scale 0.85–1.12, shift ±2 px). ``seed`` (two integers)
    makes the result a function of the images and the seed; None draws one."""
    tf = tensorflow()
    n = tf.shape(images)[0]
    k = float(strength)
    if seed is None:
        seed = tf.random.uniform([2], maxval=2**31 - 1, dtype=tf.int64)
    # One independent stream per random quantity: 6 warp parameters and the stroke change.
    streams = iter(tf.unstack(tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), num=7)))

    def uniform(lo, hi):
        return tf.random.stateless_uniform([n], next(streams), lo * k, hi * k)

    angle, shear = uniform(-0.21, 0.21), uniform(-0.2, 0.2)
    sx, sy = 1.0 + uniform(-0.15, 0.12), 1.0 + uniform(-0.15, 0.12)
    tx, ty = uniform(-2.0, 2.0), uniform(-2.0, 2.0)
    cos, sin = tf.cos(angle), tf.sin(angle)
    # Forward map A = R(angle) · Shear · Scale about the centre; the op wants output→input, so invert A.
    a00, a01 = cos * sx, (cos * shear - sin) * sy
    a10, a11 = sin * sx, (sin * shear + cos) * sy
    det = a00 * a11 - a01 * a10
    i00, i01, i10, i11 = a11 / det, -a01 / det, -a10 / det, a00 / det
    c = 13.5
    ox, oy = c + tx, c + ty
    transforms = tf.stack([i00, i01, c - i00 * ox - i01 * oy,
                           i10, i11, c - i10 * ox - i11 * oy,
                           tf.zeros([n]), tf.zeros([n])], axis=1)
    warped = tf.raw_ops.ImageProjectiveTransformV3(
        images=images[..., None], transforms=transforms, output_shape=tf.constant([28, 28]),
        fill_value=tf.constant(0.0), interpolation="BILINEAR", fill_mode="CONSTANT")
    # Stroke thickness: blend toward a 2×2 dilation (fatter pen) or erosion (thinner pen).
    fatter = tf.nn.max_pool2d(warped, 2, 1, "SAME")
    thinner = -tf.nn.max_pool2d(-warped, 2, 1, "SAME")
    t = tf.random.stateless_uniform([n, 1, 1, 1], next(streams), -0.6 * min(k, 1.0), min(k, 1.0))
    out = tf.where(t > 0, warped + t * (fatter - warped), warped + (-t) * (thinner - warped))
    return tf.clip_by_value(out[..., 0], 0.0, 1.0)


class TrainingRun:
    """One training of ``model`` on MNIST. Call ``run()`` on a worker thread; ``stop()``,
    ``pause()`` and ``resume()`` are safe from any thread and take effect within one batch."""

    def __init__(self, model, data: Mnist, config: TrainingConfig = TrainingConfig(), *,
                 on_batch: Callable[[BatchProgress], None] | None = None,
                 on_epoch: Callable[[EpochProgress], None] | None = None,
                 on_end: Callable[[TrainingEnd], None] | None = None,
                 max_reports_per_second: float = 30.0):
        self.model = model
        self.data = data
        self.config = config
        self._on_batch = on_batch
        self._on_epoch = on_epoch
        self._on_end = on_end
        self._report_interval = 1.0 / max_reports_per_second
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.device = device_name()

    def stop(self) -> None:
        self._stop.set()
        self._running.set()  # wake a paused run so it can end

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def run(self) -> TrainingEnd:
        """Train; returns (and reports through ``on_end``) how it ended. Never raises for
        training failures: they come back as reason "error" with the message."""
        try:
            end = self._fit()
        except Exception as exc:  # reported, not raised: the caller is usually a worker thread
            log.exception("training failed")
            end = TrainingEnd("error", Words(QT_TRANSLATE_NOOP("engine", "Training failed: {error}"),
                                             error=said(exc)), 0)
        if self._on_end is not None:
            self._on_end(end)
        return end

    def _fit(self) -> TrainingEnd:
        tf = tensorflow()
        train, val, steps, count = make_datasets(self.data, self.config)
        monitor = _make_monitor_class()(self, steps, count)
        log.info("training %s on %s: %d images, %d epochs, batch %d%s", self.model.name,
                 self.device, count, self.config.epochs, self.config.batch_size,
                 ", augmented" if self.config.augment else "")
        try:
            self.model.fit(train, validation_data=val, epochs=self.config.epochs,
                           callbacks=[monitor], verbose=0, shuffle=False)  # tf.data shuffles
        except TrainingStopped:
            pass
        except tf.errors.ResourceExhaustedError as exc:
            monitor.restore_last_good()
            return TrainingEnd("error", Words(QT_TRANSLATE_NOOP(
                "engine", "Out of memory on {device}: try a smaller batch size ({detail})"),
                device=self.device, detail=exc.message.splitlines()[0]), monitor.epochs_done, monitor.metrics)
        if monitor.bad_loss is not None:
            monitor.restore_last_epoch()
            loss, done = monitor.bad_loss, monitor.epochs_done
            epoch, batch = monitor.epoch + 1, monitor.step
            if math.isfinite(loss):
                what = Words(QT_TRANSLATE_NOOP("engine", "Training stopped at epoch {epoch}, batch {batch}: "
                                               "the loss diverged ({loss})."),
                             epoch=epoch, batch=batch, loss=f"{loss:.3g}")
            elif math.isnan(loss):
                what = Words(QT_TRANSLATE_NOOP("engine", "Training stopped at epoch {epoch}, batch {batch}: "
                                               "the loss became NaN."), epoch=epoch, batch=batch)
            else:
                what = Words(QT_TRANSLATE_NOOP("engine", "Training stopped at epoch {epoch}, batch {batch}: "
                                               "the loss became infinite."), epoch=epoch, batch=batch)
            kept = (Words(QT_TRANSLATE_NOOP("engine", "The weights from the end of epoch {epoch} were restored; "
                                            "try a smaller learning rate."), epoch=done) if done else
                    Words(QT_TRANSLATE_NOOP("engine", "As no epoch had finished, the starting weights were "
                                            "restored; try a smaller learning rate.")))
            return TrainingEnd("nan", joined(what, kept), done, monitor.metrics,
                               bad_loss=loss, stopped_at=(epoch, batch))
        epochs = self.config.epochs
        if self._stop.is_set():
            message = (Words(QT_TRANSLATE_NOOP("engine", "Training stopped after {done} of 1 epoch."),
                             done=monitor.epochs_done) if epochs == 1 else
                       Words(QT_TRANSLATE_NOOP("engine", "Training stopped after {done} of {epochs} epochs."),
                             done=monitor.epochs_done, epochs=epochs))
            return TrainingEnd("stopped", message, monitor.epochs_done, monitor.metrics)
        message = (Words(QT_TRANSLATE_NOOP("engine", "Training finished: 1 epoch.")) if epochs == 1 else
                   Words(QT_TRANSLATE_NOOP("engine", "Training finished: {epochs} epochs."), epochs=epochs))
        return TrainingEnd("completed", message, monitor.epochs_done, monitor.metrics)


def _make_monitor_class():
    """The Keras callback class, made on first use so importing this module stays cheap."""
    import keras

    class ProgressMonitor(keras.callbacks.Callback):
        """Records each batch's loss in a preallocated array and reports in throttled chunks."""

        def __init__(self, run: TrainingRun, steps: int, count: int):
            super().__init__()
            self.run, self.steps, self.count = run, steps, count
            self.epochs = run.config.epochs
            self._losses = np.empty(steps, dtype=np.float64)
            self.epoch = self.step = self.epochs_done = 0
            self._reported = 0
            self.bad_loss: float | None = None  # the NaN, infinite or diverged batch loss that stopped it
            self.metrics: dict = {}
            self._last_good: list | None = None   # a snapshot at most a second old (kept after out of memory)
            self._epoch_weights: list | None = None  # from the end of the last finished epoch, or the start
            self._loss_limit = math.inf
            self._last_report = self._last_snapshot = 0.0
            self._epoch_start = self._paused_time = 0.0

        def on_train_begin(self, logs=None):
            self._last_good = self._epoch_weights = self.model.get_weights()
            self._base_lr = float(self.model.optimizer.learning_rate.numpy())
            self._train_start = time.perf_counter()

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch, self.step, self._reported = epoch, 0, 0
            self._prev_mean = 0.0
            self._epoch_start = time.perf_counter()
            self._paused_time = 0.0
            if self.run.config.lr_decay != 1.0:
                self.model.optimizer.learning_rate.assign(self._base_lr * self.run.config.lr_decay ** epoch)

        def on_train_batch_begin(self, batch, logs=None):
            run = self.run
            if not run._running.is_set():
                began = time.perf_counter()
                run._running.wait()
                self._paused_time += time.perf_counter() - began
            if run._stop.is_set():
                raise TrainingStopped  # unwinds model.fit before another batch starts

        def on_train_batch_end(self, batch, logs=None):
            mean = float(logs["loss"])
            # Keras reports the sample-weighted running mean over the epoch; recover this batch's loss.
            size = self.run.config.batch_size
            seen_before, seen = batch * size, min((batch + 1) * size, self.count)
            loss = (seen * mean - seen_before * self._prev_mean) / (seen - seen_before)
            self._prev_mean = mean
            self._losses[batch] = loss
            self.step = batch + 1
            if self.epoch == 0 and batch == 0 and math.isfinite(loss):
                self._loss_limit = DIVERGENCE_FACTOR * max(loss, CHANCE_LOSS)
            if not (math.isfinite(mean) and math.isfinite(loss)) or loss > self._loss_limit:
                self.bad_loss = loss if math.isfinite(mean) else mean
                self.model.stop_training = True
                return
            now = time.perf_counter()
            if now - self._last_snapshot > 1.0:
                self._last_good = self.model.get_weights()
                self._last_snapshot = now
            if now - self._last_report >= self.run._report_interval or self.step == self.steps:
                self._report(now, loss, mean, float(logs.get("accuracy", math.nan)))

        def _report(self, now: float, loss: float, mean_loss: float, accuracy: float) -> None:
            self._last_report = now
            start, self._reported = self._reported, self.step
            elapsed = max(now - self._epoch_start - self._paused_time, 1e-9)
            done_samples = min(self.step * self.run.config.batch_size, self.count)
            rate = done_samples / elapsed
            batches_left = (self.steps - self.step) + (self.epochs - self.epoch - 1) * self.steps
            seconds_left = batches_left * self.run.config.batch_size / max(rate, 1e-9)
            if self.run._on_batch is not None:
                self.run._on_batch(BatchProgress(
                    epoch=self.epoch, epochs=self.epochs, step=self.step, steps_per_epoch=self.steps,
                    loss=loss, mean_loss=mean_loss, accuracy=accuracy,
                    losses=self._losses[start:self.step].copy(),
                    positions=self.epoch + np.arange(start + 1, self.step + 1) / self.steps,
                    samples_per_second=rate, seconds_left=seconds_left))

        def on_epoch_end(self, epoch, logs=None):
            logs = logs or {}
            if self.bad_loss is not None:
                return  # an epoch that ended in NaN or divergence: its metrics would mislead
            seconds = time.perf_counter() - self._epoch_start - self._paused_time
            self.epochs_done = epoch + 1
            self._last_good = self._epoch_weights = self.model.get_weights()
            self.metrics = {k: float(v) for k, v in logs.items()}
            if self.run._on_epoch is not None:
                self.run._on_epoch(EpochProgress(
                    epoch=epoch, epochs=self.epochs, loss=self.metrics.get("loss", math.nan),
                    accuracy=self.metrics.get("accuracy", math.nan),
                    val_loss=self.metrics.get("val_loss", math.nan),
                    val_accuracy=self.metrics.get("val_accuracy", math.nan),
                    seconds=seconds, samples_per_second=self.count / max(seconds, 1e-9),
                    weights=self._last_good))

        def restore_last_good(self) -> None:
            if self._last_good is not None:
                self.model.set_weights(self._last_good)

        def restore_last_epoch(self) -> None:
            """Back to the end of the last finished epoch (or the start): a snapshot taken within
            the epoch may already be on the way up, an epoch's end was validated."""
            if self._epoch_weights is not None:
                self.model.set_weights(self._epoch_weights)

    return ProgressMonitor


def said(exc: BaseException) -> str:
    """What ``exc`` says, for a message that quotes it: its ``Words`` as they are (a window then
    translates them too), else its text."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Words) else str(exc)


# ===== the one training function: events, listener, Training, train() ===============================

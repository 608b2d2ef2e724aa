"""The Qt side of a training run: the engine's typed listener events become typed Qt signals.

``TrainingEvents`` lives on the UI thread. ``listener_for(training)`` gives the
``engine.training.TrainingListener`` that ``Training.run`` calls on the worker thread; each call
becomes a signal emission, which Qt queues to the UI thread. Every signal carries the run it
belongs to, so a view can ignore a late event of a run it has already left behind.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine.training import (BatchProgress, EpochProgress, ModelBuilt, Training, TrainingListener,
                             TrainingOutcome, WeightsUpdate)


class TrainingEvents(QObject):
    """Typed signals for every event of a training run: (the run, the event)."""

    # "Loading MNIST…", "Building the network…", …: an object, not a str, so that an engine message
    # (engine.words.Words) arrives as itself and the panel can show it in the current language.
    phase = Signal(object, object)
    modelBuilt = Signal(object, ModelBuilt)      # the network exists: device, spec, live Predictor
    batch = Signal(object, BatchProgress)
    epoch = Signal(object, EpochProgress)
    weights = Signal(object, WeightsUpdate)      # the live Predictor already holds these
    ended = Signal(object, TrainingOutcome)

    def listener_for(self, training: Training) -> TrainingListener:
        """The listener to pass to ``training.run`` (called on the worker thread)."""
        return _Forward(self, training)


class _Forward(TrainingListener):
    def __init__(self, events: TrainingEvents, training: Training):
        self._events, self._training = events, training

    def on_phase(self, text: str) -> None:
        self._events.phase.emit(self._training, text)

    def on_model(self, event: ModelBuilt) -> None:
        self._events.modelBuilt.emit(self._training, event)

    def on_batch(self, progress: BatchProgress) -> None:
        self._events.batch.emit(self._training, progress)

    def on_epoch(self, progress: EpochProgress) -> None:
        self._events.epoch.emit(self._training, progress)

    def on_weights(self, update: WeightsUpdate) -> None:
        self._events.weights.emit(self._training, update)

    def on_end(self, outcome: TrainingOutcome) -> None:
        self._events.ended.emit(self._training, outcome)

"""What the lessons read from the running app: the model in use and the drawing on the canvas.

The main window feeds one ``LearnContext``; every lesson binds to it and recomputes its numbers
when ``changed`` fires (a new answer for the drawing, another model). Lessons never reach into
the window: what they may ask of it goes through the context's requests (``showLayerRequested``).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class LearnContext(QObject):
    """The live state the lessons compute from."""

    changed = Signal()                  # the prediction or the model changed
    showLayerRequested = Signal(int, int)   # (layer index, unit): "look at this neuron" in the visualizer

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.prediction = None          # engine.predictor.Prediction for the drawing on show, or None
        self.description = None         # engine.network.NetworkDescription of the model in use, or None
        self.model_label = ""           # "cnn (shipped)", for people

    def set_model(self, description, label: str) -> None:
        self.description, self.model_label = description, label
        self.changed.emit()

    def set_prediction(self, prediction) -> None:
        self.prediction = prediction
        self.changed.emit()

    @property
    def image(self):
        """The 28×28 image the network saw (float32 0..1), or None with an empty canvas."""
        return None if self.prediction is None else self.prediction.image

"""Test-set accuracy, per-class accuracy and the confusion matrix of a model."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Evaluation:
    accuracy: float
    per_class: np.ndarray      # (10,) accuracy of each true digit
    confusion: np.ndarray      # (10, 10) counts: row = true digit, column = predicted
    refused: float = 0.0       # share answered "not a digit" (the predictor's calibration), counted in
                               # ``confusion`` by their best guess

    def table(self) -> str:
        """The confusion matrix as aligned text, rows true digits, columns predictions."""
        lines = ["true\\pred " + " ".join(f"{d:>5}" for d in range(10)) + "   acc"]
        for d in range(10):
            row = " ".join(f"{n:>5}" for n in self.confusion[d])
            lines.append(f"{d:>9} {row}  {100 * self.per_class[d]:5.1f}%")
        return "\n".join(lines)


def evaluate(predictor, images: np.ndarray, labels: np.ndarray) -> Evaluation:
    """Evaluate a Predictor on uint8 (0..255) or float (0..1) 28×28 images."""
    x = images.astype(np.float32)
    if images.dtype == np.uint8:
        x /= 255.0
    probabilities = predictor.predict_batch(x)
    predicted = probabilities.argmax(axis=1)
    calibration = getattr(predictor, "calibration", None)
    refused = float(np.mean(calibration.refuses(probabilities))) if calibration is not None and len(x) else 0.0
    labels = np.asarray(labels, dtype=np.int64)
    confusion = np.zeros((10, 10), dtype=np.int64)
    np.add.at(confusion, (labels, predicted), 1)
    totals = confusion.sum(axis=1)
    per_class = np.divide(np.diag(confusion), totals, out=np.zeros(10), where=totals > 0)
    return Evaluation(float(np.mean(predicted == labels)), per_class, confusion, refused)

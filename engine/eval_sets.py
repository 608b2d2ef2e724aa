"""Data sets to evaluate a model on, and an evaluation run that keeps every sample's answer (Qt-free).

An ``EvalSet`` is images (n, 28, 28) uint8 white on black, labels (n,) and a key per sample (the
MNIST index, the sample's id, or the image's file name) for the mistakes list. Three sources:
MNIST's test set (all or the first ``limit``), the user's labelled samples (``SampleStore``), and a
folder of PNGs with a ``labels.csv`` (``file,label``, as the app's export writes it).

``run(predictor, data_set)`` predicts in batches (progress and cooperative cancel) and keeps the
probabilities; its ``evaluation`` is ``engine.evaluation.evaluate`` computed on those very
probabilities, so the matrix on screen is the one the command line prints.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from engine.evaluation import Evaluation, evaluate
from engine.words import QT_TRANSLATE_NOOP, Words

__all__ = ["EvalSet", "EvalSetError", "EvalRun", "Cancelled", "mnist_test", "labelled_samples", "image_folder",
           "run", "write_mistakes_csv", "QUICK_MNIST"]

QUICK_MNIST = 1000
BATCH = 250
LABELS_CSV = "labels.csv"


class EvalSetError(RuntimeError):
    """The data set cannot be used (the message says which and why)."""


class Cancelled(Exception):
    """The run was cancelled."""


@dataclass(frozen=True)
class EvalSet:
    name: str
    images: np.ndarray     # (n, 28, 28) uint8, white ink on black
    labels: np.ndarray     # (n,) int64, 0..9
    keys: tuple            # (n,) what identifies each sample: MNIST index, sample id, file name
    skipped: tuple = ()    # messages for the rows of a folder that could not be read

    def __len__(self) -> int:
        return len(self.labels)


def mnist_test(limit: int | None = None, path=None) -> EvalSet:
    """MNIST's test set, or its first ``limit`` images."""
    from engine.data import load_mnist

    mnist = load_mnist(path)
    n = len(mnist.y_test) if limit is None else min(int(limit), len(mnist.y_test))
    return EvalSet(f"mnist-test-{n}", mnist.x_test[:n], mnist.y_test[:n].astype(np.int64), tuple(range(n)))


def labelled_samples(path=None) -> EvalSet:
    """The user's labelled samples (``samples.db``); EvalSetError when there are none."""
    from engine.samples import SampleStore, default_samples_path

    path = Path(path) if path is not None else default_samples_path()
    if not path.exists():
        raise EvalSetError(Words(QT_TRANSLATE_NOOP("engine", "You have no labelled samples yet: keep a few drawings "
                                                   "first (Teach ▸ Keep Drawing As).")))
    with SampleStore(path) as store:
        x, y, ids = store.arrays()
    if len(y) == 0:
        raise EvalSetError(Words(QT_TRANSLATE_NOOP("engine", "You have no labelled samples yet: keep a few drawings "
                                                   "first (Teach ▸ Keep Drawing As).")))
    return EvalSet("samples", x, y, tuple(int(i) for i in ids))


def image_folder(folder) -> EvalSet:
    """The images a folder's ``labels.csv`` lists (``file,label``). A 28×28 image on a dark ground
    is taken as it is, any other goes through ``engine.preprocess``. Unreadable rows are skipped
    (``skipped`` says why); EvalSetError when there is no readable labels.csv or no usable image."""
    from engine.preprocess import ImageReadError, load_image, preprocess_digit

    folder = Path(folder)
    labels_file = folder / LABELS_CSV
    if not folder.is_dir():
        raise EvalSetError(Words(QT_TRANSLATE_NOOP("engine", "{folder} is not a folder"), folder=str(folder)))
    try:
        with open(labels_file, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
    except FileNotFoundError as exc:
        raise EvalSetError(Words(QT_TRANSLATE_NOOP("engine", "{folder} has no {file} (a 'file,label' list of the "
                                                   "images)"), folder=str(folder), file=LABELS_CSV)) from exc
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvalSetError(Words(QT_TRANSLATE_NOOP("engine", "cannot read {file}: {error}"),
                                 file=str(labels_file), error=str(exc))) from exc
    file_col, label_col, first = 0, 1, 0
    if rows and not (len(rows[0]) > 1 and rows[0][1].strip().isdigit()):      # a header row
        header = [c.strip().lower() for c in rows[0]]
        if "file" in header and "label" in header:
            file_col, label_col = header.index("file"), header.index("label")
        first = 1
    images, labels, keys, skipped = [], [], [], []
    for line, row in enumerate(rows[first:], start=first + 1):
        if not any(c.strip() for c in row):
            continue
        if len(row) <= max(file_col, label_col):
            skipped.append(f"{LABELS_CSV} line {line}: expected 'file,label'")
            continue
        name, label = row[file_col].strip(), row[label_col].strip()
        if not (len(label) == 1 and label.isdigit()):
            skipped.append(f"{LABELS_CSV} line {line}: the label of {name!r} is not a digit 0-9")
            continue
        try:
            pixels = load_image(folder / name)
        except ImageReadError as exc:
            skipped.append(f"{LABELS_CSV} line {line}: {exc}")
            continue
        if pixels.shape == (28, 28) and int(np.median(_border(pixels))) < 64:
            image = pixels.astype(np.uint8)
        else:
            image = preprocess_digit(pixels)
        if image is None:
            skipped.append(f"{LABELS_CSV} line {line}: {name!r} holds no digit")
            continue
        images.append(image)
        labels.append(int(label))
        keys.append(name)
    if not images:
        raise EvalSetError(Words(QT_TRANSLATE_NOOP("engine", "{file} in {folder} lists no readable digit image"),
                                 file=LABELS_CSV, folder=str(folder)))
    return EvalSet(folder.name, np.stack(images), np.array(labels, np.int64), tuple(keys), tuple(skipped))


def _border(pixels: np.ndarray) -> np.ndarray:
    return np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])


class _Answers:
    """A predictor that answers with probabilities already computed (so ``evaluate`` reads them)."""

    def __init__(self, probabilities: np.ndarray, calibration):
        self._p, self.calibration = probabilities, calibration

    def predict_batch(self, x: np.ndarray) -> np.ndarray:
        return self._p


@dataclass(frozen=True)
class EvalRun:
    data_set: EvalSet
    model: str
    probabilities: np.ndarray   # (n, 10)
    evaluation: Evaluation

    @property
    def predicted(self) -> np.ndarray:
        return self.probabilities.argmax(axis=1)

    @property
    def confidence(self) -> np.ndarray:
        """The probability of the predicted digit."""
        return self.probabilities.max(axis=1)

    def cell(self, true: int, predicted: int) -> np.ndarray:
        """Indices of the samples labelled ``true`` and read as ``predicted``, most confident first."""
        idx = np.flatnonzero((self.data_set.labels == true) & (self.predicted == predicted))
        return idx[np.argsort(-self.confidence[idx], kind="stable")]

    def mistakes(self) -> np.ndarray:
        """Indices of the misread samples, most confident first."""
        idx = np.flatnonzero(self.data_set.labels != self.predicted)
        return idx[np.argsort(-self.confidence[idx], kind="stable")]


def run(predictor, data_set: EvalSet, model: str = "", batch: int = BATCH,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None) -> EvalRun:
    """Predict every sample in batches; ``progress(done, total)`` after each, ``cancelled()`` checked
    before each (raises Cancelled). The evaluation is ``engine.evaluation.evaluate``'s."""
    n = len(data_set)
    out = np.zeros((n, 10), np.float32)
    for start in range(0, n, batch):
        if cancelled is not None and cancelled():
            raise Cancelled()
        x = data_set.images[start:start + batch].astype(np.float32) / 255.0
        out[start:start + batch] = predictor.predict_batch(x)
        if progress is not None:
            progress(min(n, start + batch), n)
    evaluation = evaluate(_Answers(out, getattr(predictor, "calibration", None)), data_set.images, data_set.labels)
    return EvalRun(data_set, model, out, evaluation)


def write_mistakes_csv(result: EvalRun, path) -> int:
    """Write the misread samples (key, true, predicted, confidence), most confident first; returns how many."""
    rows = result.mistakes()
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["sample", "true", "predicted", "confidence"])
        for i in rows:
            writer.writerow([result.data_set.keys[i], int(result.data_set.labels[i]), int(result.predicted[i]),
                             f"{float(result.confidence[i]):.4f}"])
    return len(rows)

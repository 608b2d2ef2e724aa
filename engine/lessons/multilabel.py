"""Multi-label classification: "which digits are in this picture?" answered by ten sigmoid outputs.

Softmax picks ONE digit: its ten outputs share a total of 1. A multi-label network ends in ten
sigmoid units instead; each answers its own yes/no question, a_j = P(digit j is in the picture),
and the answer is every digit with a_j ≥ 0.5. The lesson's pictures hold two MNIST digits of
different classes side by side: each 28×28 digit is shrunk to 14×14 (2×2 means) and placed in one
half of a 28×28 canvas with a random offset, so the pair model reads the app's usual 28×28 images
and ``engine.keras_file`` / ``engine.numpy_forward.FastForward`` run it without TensorFlow.

The training pairs come from MNIST's training digits, the held-out pairs from its test digits,
each generated deterministically from a seed (``scripts/train_multilabel.py`` trains and saves
``resources/models/pairs-multilabel.keras``; that file is not a digit model of the catalogue).

numpy + h5py only (no Qt, no TensorFlow).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from engine.keras_file import read_network
from engine.network import NetworkDescription
from engine.numpy_forward import FastForward, softmax
from engine.resources import resource_path

MODEL_FILE = "pairs-multilabel.keras"   # in resources/models, but never one of SHIPPED_MODELS
THRESHOLD = 0.5                         # digit j is "in the picture" when a_j ≥ THRESHOLD
HELD_OUT_SEED = 2024
HELD_OUT_COUNT = 1000
TRAIN_SEED = 7
SINGLE_SHARE = 0.15                     # of the training pictures hold one digit only (an empty half)

# Where a shrunk 14×14 digit may go: rows and columns of its top-left corner in the 28×28 canvas.
_ROWS = (3, 11)                        # inclusive range, either half
_LEFT_COLS = (0, 2)
_RIGHT_COLS = (12, 14)
# The lesson's own picture: the drawing (left) and a picked digit (right), centred in their halves.
LEFT_AT = (7, 1)
RIGHT_AT = (7, 13)


def model_path() -> Path:
    return resource_path("models", MODEL_FILE)


def shrink(image28: np.ndarray) -> np.ndarray:
    """A 28×28 image (0..1 or 0..255) as 14×14 (means of 2×2 blocks), float32 0..1."""
    x = np.asarray(image28, dtype=np.float32).reshape(28, 28)
    if x.max() > 1.0:
        x = x / 255.0
    return x.reshape(14, 2, 14, 2).mean(axis=(1, 3))


def compose(left: np.ndarray | None, right: np.ndarray | None, left_at=LEFT_AT, right_at=RIGHT_AT) -> np.ndarray:
    """A 28×28 float32 picture: the 28×28 digit ``left`` shrunk into the left half at
    ``left_at`` (row, col), ``right`` into the right half (None: that half stays empty)."""
    canvas = np.zeros((28, 28), np.float32)
    for image, (r, c) in ((left, left_at), (right, right_at)):
        if image is not None:
            np.maximum(canvas[r:r + 14, c:c + 14], shrink(image), out=canvas[r:r + 14, c:c + 14])
    return canvas


def multi_hot(digits) -> np.ndarray:
    y = np.zeros(10, np.float32)
    y[list(digits)] = 1.0
    return y


@dataclass(frozen=True)
class PairSet:
    """Pictures (N, 28, 28) float32 0..1, their multi-hot labels (N, 10) and the digits in each
    (N, 2): left then right, −1 for an empty half."""

    images: np.ndarray
    labels: np.ndarray
    digits: np.ndarray

    def __len__(self) -> int:
        return len(self.images)


def make_pairs(images: np.ndarray, labels: np.ndarray, n: int, seed: int, single_share: float = 0.0) -> PairSet:
    """``n`` pictures of two digits of different classes from ``images``/``labels`` (MNIST uint8),
    each placed at a random offset in its half; ``single_share`` of them keep one half empty.
    The same arguments always give the same set."""
    rng = np.random.default_rng(seed)
    labels = np.asarray(labels)
    first = rng.integers(len(images), size=n)
    second = rng.integers(len(images), size=n)
    # Redraw a second digit of the first's class until every pair holds two different digits.
    clash = labels[first] == labels[second]
    while clash.any():
        second[clash] = rng.integers(len(images), size=int(clash.sum()))
        clash = labels[first] == labels[second]
    rows = rng.integers(_ROWS[0], _ROWS[1] + 1, size=(n, 2))
    left_cols = rng.integers(_LEFT_COLS[0], _LEFT_COLS[1] + 1, size=n)
    right_cols = rng.integers(_RIGHT_COLS[0], _RIGHT_COLS[1] + 1, size=n)
    single = rng.random(n) < single_share
    empty_side = rng.integers(2, size=n)            # which half a single-digit picture leaves empty
    small = np.asarray(images, dtype=np.float32).reshape(-1, 14, 2, 14, 2).mean(axis=(2, 4)) / 255.0
    out = np.zeros((n, 28, 28), np.float32)
    y = np.zeros((n, 10), np.float32)
    digits = np.full((n, 2), -1, np.int64)
    for i in range(n):
        for side, (index, col) in enumerate(((first[i], left_cols[i]), (second[i], right_cols[i]))):
            if single[i] and empty_side[i] == side:
                continue
            r = rows[i, side]
            window = out[i, r:r + 14, col:col + 14]
            np.maximum(window, small[index], out=window)
            y[i, labels[index]] = 1.0
            digits[i, side] = labels[index]
    return PairSet(out, y, digits)


def training_pairs(n: int = 60000, seed: int = TRAIN_SEED, mnist=None) -> PairSet:
    """Pictures from MNIST's training digits (``SINGLE_SHARE`` of them with one digit only)."""
    if mnist is None:
        from engine.data import load_mnist

        mnist = load_mnist()
    return make_pairs(mnist.x_train, mnist.y_train, n, seed, single_share=SINGLE_SHARE)


@lru_cache(maxsize=2)
def held_out_pairs(n: int = HELD_OUT_COUNT, seed: int = HELD_OUT_SEED) -> PairSet:
    """Two-digit pictures from MNIST's TEST digits, never seen in training (always the same set)."""
    from engine.data import load_mnist

    mnist = load_mnist()
    return make_pairs(mnist.x_test, mnist.y_test, n, seed)


@lru_cache(maxsize=1)
def example_digits() -> tuple[np.ndarray, ...]:
    """One MNIST test image (28×28 uint8) of each digit 0..9: the right half's choices."""
    from engine.data import load_mnist

    mnist = load_mnist()
    return tuple(mnist.x_test[int(np.flatnonzero(mnist.y_test == d)[0])] for d in range(10))


@dataclass(frozen=True)
class Reading:
    """The model's answer for one picture: ten sigmoid outputs a_j and the digits with a_j ≥ 0.5."""

    outputs: np.ndarray            # (10,) a_j = P(digit j is in the picture), each 0..1 on its own
    threshold: float = THRESHOLD

    @property
    def digits(self) -> tuple[int, ...]:
        return tuple(int(d) for d in np.flatnonzero(self.outputs >= self.threshold))

    @property
    def total(self) -> float:
        """Σ a_j: sigmoid outputs need not add up to 1 (softmax's always do)."""
        return float(np.sum(self.outputs))

    @property
    def softmax_of_logits(self) -> np.ndarray:
        """What softmax would make of the same ten logits z_j = log(a_j / (1 − a_j)): one winner."""
        a = np.clip(self.outputs.astype(np.float64), 1e-7, 1 - 1e-7)
        return softmax(np.log(a / (1 - a)))


class MultiLabelModel:
    """The pair model read from its ``.keras`` file and run in NumPy (FastForward, float32)."""

    def __init__(self, network: NetworkDescription):
        if network.layers[-1].activation != "sigmoid":
            raise ValueError(f"{network.name} does not end in sigmoid units")
        self.network = network
        self._forward = FastForward(network)

    @classmethod
    def from_file(cls, path: str | Path | None = None) -> MultiLabelModel:
        return cls(read_network(Path(path) if path is not None else model_path()))

    def outputs(self, images: np.ndarray) -> np.ndarray:
        """Sigmoid outputs (N, 10) for N 28×28 pictures (the last layer's activations: FastForward
        passes a network's outputs through unchanged when its last layer is not softmax)."""
        return self._forward.run_batch(np.asarray(images, np.float32).reshape(-1, 28, 28))

    def read(self, picture: np.ndarray) -> Reading:
        _, activations = self._forward.run(np.asarray(picture, np.float32).reshape(28, 28))
        return Reading(activations[-1].reshape(10).copy())


@lru_cache(maxsize=1)
def shipped_model() -> MultiLabelModel:
    return MultiLabelModel.from_file()


def exact_matches(outputs: np.ndarray, labels: np.ndarray, threshold: float = THRESHOLD) -> np.ndarray:
    """(N,) bool: the digits with a_j ≥ threshold are exactly the picture's digits."""
    return np.all((np.asarray(outputs) >= threshold) == (np.asarray(labels) >= 0.5), axis=1)


@dataclass(frozen=True)
class HeldOutScore:
    count: int
    exact: int                     # pictures whose predicted set equals the true pair

    @property
    def rate(self) -> float:
        return self.exact / self.count if self.count else 0.0


def held_out_score(model: MultiLabelModel | None = None, pairs: PairSet | None = None) -> tuple[HeldOutScore, np.ndarray]:
    """The exact-match score on the held-out pairs and the model's outputs (N, 10) for them."""
    model = model or shipped_model()
    pairs = pairs or held_out_pairs()
    outputs = model.outputs(pairs.images)
    return HeldOutScore(len(pairs), int(exact_matches(outputs, pairs.labels).sum())), outputs


@lru_cache(maxsize=1)
def shipped_held_out() -> tuple[HeldOutScore, np.ndarray]:
    """``held_out_score()`` of the shipped model, computed once per process (about a second)."""
    return held_out_score()

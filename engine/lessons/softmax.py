"""Softmax and logits: the numbers of the Learn panel's softmax lesson (no Qt).

Step 1: the drawing's ten logits z_j → e^{z_j} → divided by their sum = a_j. The app's bars also
divide the logits by the model's calibration temperature T first: bar_j = softmax(z / T)_j
(``engine.calibration``), which ``softmax_table`` reports beside the course's a_j.

Step 2: why the course trains with ``SparseCategoricalCrossentropy(from_logits=True)``: computing
softmax first and then −log a_y, in float32, breaks for large logits (e^z overflows to inf, inf/inf
is nan; or a small a_y rounds to 0 and −log 0 = inf), while the loss written from the logits,
logsumexp(z) − z_y with the largest logit taken out first, stays exact. ``loss_comparison`` computes
both (and a float64 reference); ``course_roundoff`` is the course's own 2/10 000 example.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.numpy_forward import softmax

# The course's softmax example (four classes), shown while the canvas is empty.
COURSE_LOGITS = (1.0, 2.0, 3.0, 4.0)


def logits_of(description, prediction) -> np.ndarray:
    """The output layer's pre-softmax values z (float32, (10,)) for ``prediction``, made by the
    network ``description``: the last layer's activations when the network gives logits; else
    recomputed from the layer before: z = a_prev · W + b for a Dense softmax layer (the input of a
    separate softmax Activation layer is z itself)."""
    last = prediction.activations[-1].values.reshape(-1).astype(np.float32)
    if description.gives_logits:
        return last
    a_prev = prediction.activations[-2].values.reshape(-1).astype(np.float32)
    info = description.layers[-1]
    if info.kind == "Dense":
        W, *rest = description.weights_of(info.index)
        b = rest[0] if rest else np.zeros(W.shape[1], np.float32)
        return (a_prev @ W + b).astype(np.float32)
    return a_prev


@dataclass(frozen=True)
class SoftmaxTable:
    """Every number of step 1: z, e^z (float64: e^{z_j} of a large logit fits), their sum, the
    course's a_j = e^{z_j} / Σ e^{z_k}, the temperature T and the bars softmax(z / T)."""

    logits: np.ndarray          # z_j
    exps: np.ndarray            # e^{z_j}
    total: float                # Σ_k e^{z_k}
    softmax: np.ndarray         # a_j = e^{z_j} / Σ e^{z_k}  (T = 1)
    temperature: float          # T of the model's calibration
    bars: np.ndarray            # softmax(z / T): what the app's bars show


def softmax_table(logits, temperature: float = 1.0) -> SoftmaxTable:
    z = np.asarray(logits, dtype=np.float64).reshape(-1)
    exps = np.exp(z)
    total = float(np.sum(exps))
    return SoftmaxTable(logits=z, exps=exps, total=total, softmax=softmax(z),
                        temperature=float(temperature), bars=softmax(z / float(temperature)))


@dataclass(frozen=True)
class LossComparison:
    """The loss −log a_y of logits z for label y, computed two ways in float32 (and in float64).

    naive: a = e^z / Σ e^z first, then −log a_y (what ``from_logits=False`` after a softmax layer
    amounts to); stable: loss = m + log Σ e^{z_k − m} − z_y with m = max z (what
    ``from_logits=True`` lets TensorFlow do)."""

    scale: float
    label: int
    logits: np.ndarray          # the (scaled) logits, float32
    naive_max_exp: float        # largest e^{z_k} in float32 (inf once z > 88.7)
    naive_total: float          # Σ e^{z_k} in float32
    naive_a_y: float            # a_y = e^{z_y} / Σ in float32 (nan for inf/inf, 0 when it underflows)
    naive_loss: float           # −log a_y in float32 (nan or inf when it breaks)
    stable_total: float         # Σ e^{z_k − m} in float32 (between 1 and 10)
    stable_loss: float          # m + log Σ e^{z_k − m} − z_y in float32
    exact_loss: float           # the same in float64, the reference

    @property
    def naive_fails(self) -> bool:
        """The softmax-first path gave no usable number (nan or inf)."""
        return not np.isfinite(self.naive_loss)

    @property
    def naive_error(self) -> float:
        return abs(self.naive_loss - self.exact_loss)

    @property
    def stable_error(self) -> float:
        return abs(self.stable_loss - self.exact_loss)


def naive_loss32(z, y: int) -> tuple[float, float, float, float]:
    """(max e^z, Σ e^z, a_y, −log a_y), each computed in float32 the naive way (overflow allowed)."""
    z = np.asarray(z, dtype=np.float32)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        e = np.exp(z)
        total = np.sum(e, dtype=np.float32)
        a_y = np.float32(e[y] / total)
        loss = np.float32(-np.log(a_y))
    return float(np.max(e)), float(total), float(a_y), float(loss)


def stable_loss(z, y: int, dtype=np.float32) -> tuple[float, float]:
    """(Σ e^{z_k − m}, loss = m + log Σ e^{z_k − m} − z_y) computed in ``dtype``: log-softmax from
    the logits, as ``SparseCategoricalCrossentropy(from_logits=True)`` does."""
    z = np.asarray(z, dtype=dtype)
    m = np.max(z)
    total = np.sum(np.exp(z - m), dtype=dtype)
    loss = (m - z[y]) + np.log(total)
    return float(total), float(np.asarray(loss, dtype=dtype))


def loss_comparison(logits, label: int, scale: float = 1.0) -> LossComparison:
    """Both losses of ``scale`` × ``logits`` (float32) for ``label``."""
    z = (np.asarray(logits, dtype=np.float32) * np.float32(scale)).astype(np.float32)
    y = int(label)
    max_exp, total, a_y, naive = naive_loss32(z, y)
    stable_total, stable = stable_loss(z, y, np.float32)
    _, exact = stable_loss(z, y, np.float64)
    return LossComparison(scale=float(scale), label=y, logits=z, naive_max_exp=max_exp, naive_total=total,
                          naive_a_y=a_y, naive_loss=naive, stable_total=stable_total, stable_loss=stable,
                          exact_loss=exact)


def course_roundoff() -> tuple[float, float]:
    """The course's example of round-off, in float32: (2 / 10 000, (1 + 1/10 000) − (1 − 1/10 000)).
    Mathematically equal; the second loses digits to the large intermediate 1 ± 1/10 000."""
    tenk = np.float32(10000)
    one = np.float32(1)
    direct = np.float32(2) / tenk
    roundabout = (one + one / tenk) - (one - one / tenk)
    return float(direct), float(np.float32(roundabout))

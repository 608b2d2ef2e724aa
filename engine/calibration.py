"""Honest confidence: temperature scaling and the "not a digit" threshold of a model.

A network's softmax is over-confident (it is trained to push the right logit up, not to be
right 90 % of the time when it says 90 %). Temperature scaling (Guo et al., 2017) divides the
logits by one number T fitted on held-out digits by minimising the negative log-likelihood: the
answer never changes, its confidence becomes honest. A model trained with non-digits
(``engine.people_data``) is unsure of them; ``refuse_below`` is the calibrated top probability
under which the answer is "not a digit", set so that ``REFUSE_RATE`` of the held-out real digits
fall under it.

A ``Calibration`` travels inside the model file (``engine.model_files``); a model without one
gets ``Calibration()``: T = 1, nothing refused. NumPy only.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np

__all__ = ["Calibration", "REFUSE_RATE", "NOT_A_DIGIT", "BLANK", "softmax", "fit_temperature",
           "limit_confident_mistakes", "fit_calibration", "expected_calibration_error", "CalibrationReport", "report"]

NOT_A_DIGIT = "not a digit"   # Prediction.reason when the drawing is not read as any digit
BLANK = "blank"               # the CLI's reason when an image holds no ink at all
REFUSE_RATE = 0.003           # share of held-out real digits the threshold may refuse (on unseen
                              # writers it comes out near twice this: 0.64 % for the shipped cnn)
# The temperature that minimises the log-likelihood still leaves most of a good model's few mistakes
# at >= 90 % (they are ambiguous drawings it learnt to be sure about). A user reads "99 % sure" as
# "right", so the temperature is raised, from the likelihood's optimum, until at most this share of
# the calibration digits' mistakes is shown at >= CONFIDENT, as long as the calibration error stays
# under ECE_CAP (the price: right answers read a little less sure than they are).
CONFIDENT = 0.9
WRONG_CONFIDENT_TARGET = 0.2
ECE_CAP = 0.015
CALIBRATION_VERSION = 1


@dataclass(frozen=True)
class Calibration:
    """``temperature`` divides the logits before the softmax; a calibrated top probability below
    ``refuse_below`` means "not a digit" (0: never). ``fitted_on`` says on what, for people."""

    temperature: float = 1.0
    refuse_below: float = 0.0
    fitted_on: str = ""

    def __post_init__(self) -> None:
        if not (isinstance(self.temperature, (int, float)) and math.isfinite(self.temperature)
                and 0.05 <= self.temperature <= 20):
            raise ValueError(f"calibration temperature must be a number in 0.05..20, not {self.temperature!r}")
        if not (isinstance(self.refuse_below, (int, float)) and 0.0 <= self.refuse_below < 1.0):
            raise ValueError(f"calibration refuse_below must be in [0, 1), not {self.refuse_below!r}")
        object.__setattr__(self, "temperature", float(self.temperature))
        object.__setattr__(self, "refuse_below", float(self.refuse_below))
        object.__setattr__(self, "fitted_on", str(self.fitted_on))

    @property
    def is_identity(self) -> bool:
        return self.temperature == 1.0 and self.refuse_below == 0.0

    def probabilities(self, logits: np.ndarray) -> np.ndarray:
        """Calibrated softmax of (…, 10) logits."""
        return softmax(logits, self.temperature)

    def refuses(self, probabilities: np.ndarray) -> np.ndarray | bool:
        """True where the top probability of calibrated ``probabilities`` is under the threshold."""
        top = np.max(probabilities, axis=-1)
        return top < self.refuse_below

    def to_dict(self) -> dict:
        return {"version": CALIBRATION_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict) -> "Calibration":
        if not isinstance(data, dict):
            raise ValueError("a calibration is a JSON object")
        data = dict(data)
        version = data.pop("version", None)
        if version != CALIBRATION_VERSION:
            raise ValueError(f"calibration version {version!r} is not {CALIBRATION_VERSION}")
        unknown = set(data) - {"temperature", "refuse_below", "fitted_on"}
        if unknown:
            raise ValueError(f"unknown calibration keys: {sorted(unknown)}")
        return cls(**data)

    def describe(self) -> str:
        text = f"temperature {self.temperature:.2f}"
        if self.refuse_below > 0:
            text += f", not a digit below {100 * self.refuse_below:.0f} %"
        return text + (f" (fitted on {self.fitted_on})" if self.fitted_on else "")


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = np.asarray(logits, np.float64) / float(temperature)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def _nll(logits: np.ndarray, labels: np.ndarray, temperature: float) -> float:
    z = np.asarray(logits, np.float64) / temperature
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(labels)), labels].mean())


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The T in [0.05, 20] minimising the negative log-likelihood of ``labels`` under
    softmax(logits / T): a coarse log grid, then golden-section search (NLL is unimodal in log T)."""
    logits = np.asarray(logits, np.float64)
    labels = np.asarray(labels, np.int64)
    if len(labels) == 0:
        raise ValueError("no examples to fit a temperature on")
    grid = np.exp(np.linspace(math.log(0.05), math.log(20.0), 41))
    losses = [_nll(logits, labels, t) for t in grid]
    i = int(np.argmin(losses))
    lo, hi = math.log(grid[max(i - 1, 0)]), math.log(grid[min(i + 1, len(grid) - 1)])
    g = (math.sqrt(5) - 1) / 2
    a, b = hi - g * (hi - lo), lo + g * (hi - lo)
    fa, fb = _nll(logits, labels, math.exp(a)), _nll(logits, labels, math.exp(b))
    for _ in range(40):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - g * (hi - lo)
            fa = _nll(logits, labels, math.exp(a))
        else:
            lo, a, fa = a, b, fb
            b = lo + g * (hi - lo)
            fb = _nll(logits, labels, math.exp(b))
    return float(math.exp((lo + hi) / 2))


def _threshold(top: np.ndarray, refuse: bool, refuse_rate: float) -> float:
    return float(np.quantile(top, refuse_rate)) if refuse else 0.0


def limit_confident_mistakes(logits: np.ndarray, labels: np.ndarray, temperature: float, *, refuse: bool,
                             refuse_rate: float = REFUSE_RATE, target: float = WRONG_CONFIDENT_TARGET,
                             ece_cap: float = ECE_CAP) -> float:
    """The smallest T >= ``temperature`` (steps of 2 %) at which at most ``target`` of the mistakes not
    refused show at >= CONFIDENT, without the ECE passing ``ece_cap``; the last T under the cap when
    none reaches the target (``temperature`` itself when even that one is over it)."""
    logits = np.asarray(logits, np.float64)
    labels = np.asarray(labels)
    best = temperature
    t = temperature
    while t <= min(20.0, 8 * temperature):
        p = softmax(logits, t)
        top = p.max(axis=1)
        if t > temperature and expected_calibration_error(p, labels) > ece_cap:
            break
        best = t
        wrong = (p.argmax(axis=1) != labels) & (top >= _threshold(top, refuse, refuse_rate))
        if not wrong.any() or np.mean(top[wrong] >= CONFIDENT) <= target:
            break
        t *= 1.02
    return float(best)


def fit_calibration(logits: np.ndarray, labels: np.ndarray, *, refuse: bool,
                    refuse_rate: float = REFUSE_RATE, fitted_on: str = "") -> Calibration:
    """Fit T on held-out digits (the likelihood's optimum, then ``limit_confident_mistakes``); with
    ``refuse`` (the model learnt non-digits) also the threshold under which ``refuse_rate`` of these
    digits' calibrated top probabilities fall."""
    t = limit_confident_mistakes(logits, labels, fit_temperature(logits, labels), refuse=refuse,
                                 refuse_rate=refuse_rate)
    threshold = _threshold(softmax(logits, t).max(axis=1), refuse, refuse_rate)
    return Calibration(temperature=round(t, 4), refuse_below=round(threshold, 4), fitted_on=fitted_on)


def expected_calibration_error(probabilities: np.ndarray, labels: np.ndarray, bins: int = 15) -> float:
    """ECE: the average |accuracy − confidence| over equal-width confidence bins, weighted by how
    many answers fall in each (0 = perfectly honest)."""
    p = np.asarray(probabilities, np.float64)
    labels = np.asarray(labels)
    if len(labels) == 0:
        return 0.0
    conf = p.max(axis=1)
    right = p.argmax(axis=1) == labels
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, bins - 1)
    error = 0.0
    for b in range(bins):
        m = which == b
        if m.any():
            error += m.mean() * abs(right[m].mean() - conf[m].mean())
    return float(error)


@dataclass(frozen=True)
class CalibrationReport:
    """How one model does on one set of labelled digits, ``calibration`` applied."""

    count: int
    accuracy: float            # top answer right, refused or not
    refused: float             # share answered "not a digit"
    ece: float
    wrong: int                 # wrong top answers among those not refused
    wrong_confident: float     # share of those shown at >= 90 %


def report(probabilities: np.ndarray, labels: np.ndarray, calibration: Calibration) -> CalibrationReport:
    """Accuracy, refusals, ECE and over-confident mistakes of calibrated ``probabilities``."""
    p = np.asarray(probabilities, np.float64)
    labels = np.asarray(labels)
    refused = np.asarray(calibration.refuses(p), bool)
    right = p.argmax(axis=1) == labels
    wrong = ~right & ~refused
    confident = p.max(axis=1) >= 0.9
    return CalibrationReport(
        count=len(labels), accuracy=float(right.mean()) if len(labels) else 0.0,
        refused=float(refused.mean()) if len(labels) else 0.0,
        ece=expected_calibration_error(p, labels), wrong=int(wrong.sum()),
        wrong_confident=float(confident[wrong].mean()) if wrong.any() else 0.0)

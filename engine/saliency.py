"""Which pixels mattered: occlusion sensitivity of a digit's score, in NumPy (no Qt).

Cover a small square of the 28×28 image with background (0), run the network, and see how much
the target digit's log-probability drops: a big drop means that ink spoke for the digit, a rise
means it spoke against it. Every square position is one image of a single batch through the
predictor's ``logits_batch`` (the NumPy ``FastForward`` or TensorFlow: both backends), and each
pixel gets the mean drop of the squares that cover it.

Covering background with background changes nothing, so only squares touching the ink are run
(``region="ink"``): with a 4×4 square every 2 pixels that is ~60-100 images for a drawn digit,
a few milliseconds for the shipped cnn (``bench/saliency.py``), where the whole image at stride 1
(``full_occlusion``) is 625 images. The map is in nats of the target's log-probability:
positive = supports the target, negative = argues against it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIZE = 28
INK = 0.05          # a pixel brighter than this is ink


@dataclass(frozen=True)
class Saliency:
    """A saliency map for one image and one target digit."""

    map: np.ndarray      # (28, 28) float32: drop of the target's log-probability when covered
    target: int          # the digit it explains
    log_probability: float   # the target's log-probability for the whole image
    images: int          # how many images the network ran (the cost)

    def scaled(self) -> np.ndarray:
        """The map divided by its largest magnitude: values in -1..1 (zeros for an empty map)."""
        peak = float(np.max(np.abs(self.map))) if self.map.size else 0.0
        return self.map / peak if peak > 0 else np.zeros_like(self.map)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64)
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def ink_box(image: np.ndarray, threshold: float = INK) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) of the ink, inclusive; None for a blank image."""
    rows = np.flatnonzero((image > threshold).any(axis=1))
    cols = np.flatnonzero((image > threshold).any(axis=0))
    if not len(rows):
        return None
    return int(rows[0]), int(rows[-1]), int(cols[0]), int(cols[-1])


def _starts(first: int, last: int, patch: int, stride: int) -> list[int]:
    """Square starts every ``stride`` pixels so squares cover pixels first..last (clipped to the
    image), the last square always reaching ``last``."""
    lo, hi = max(0, first - patch + 1), min(SIZE - patch, last)
    starts = list(range(lo, hi + 1, stride))
    if starts[-1] != hi:
        starts.append(hi)
    return starts


MAX_IMAGES = 36     # the default budget: one FastForward chunk of the shipped cnn, ~15 ms on 2 cores


def occlusion(predictor, image: np.ndarray, target: int | None = None, patch: int = 4, stride: int | None = None,
              region: str = "ink", fill: float = 0.0, max_images: int = MAX_IMAGES) -> Saliency:
    """Occlusion sensitivity of ``target`` (default: the network's answer) for a 28×28 image
    (values 0..1), with ``patch``×``patch`` squares every ``stride`` pixels over the ink's box
    (``region="ink"``) or the whole image (``region="all"``), one batch through
    ``predictor.logits_batch``. A blank image gives a zero map (with ``region="ink"``).

    ``stride=None`` picks the finest stride from 2 up whose squares fit in ``max_images`` images
    (a square then grows to stride + 1 where needed, so neighbours still overlap): a thin 1 is
    sampled every 2 pixels, a wide 8 every 3, and the time stays bounded."""
    x = np.asarray(image, dtype=np.float32).reshape(SIZE, SIZE)
    if not 1 <= patch <= SIZE or (stride is not None and stride < 1):
        raise ValueError(f"patch must be 1..{SIZE} and stride ≥ 1; got {patch}, {stride}")
    if region == "ink":
        box = ink_box(x)
    elif region == "all":
        box = (0, SIZE - 1, 0, SIZE - 1)
    else:
        raise ValueError(f"region must be 'ink' or 'all', not {region!r}")
    if box is None:
        logp = log_softmax(predictor.logits_batch(x[None]))[0]
        digit = int(np.argmax(logp)) if target is None else int(target)
        return Saliency(np.zeros((SIZE, SIZE), np.float32), digit, float(logp[digit]), 1)
    top, bottom, left, right = box
    if stride is None:
        for stride in range(2, SIZE + 1):
            size = min(SIZE, max(patch, stride + 1))
            if len(_starts(top, bottom, size, stride)) * len(_starts(left, right, size, stride)) + 1 <= max_images:
                break
        patch = size
    ys, xs = _starts(top, bottom, patch, stride), _starts(left, right, patch, stride)
    n = len(ys) * len(xs)
    batch = np.empty((n + 1, SIZE, SIZE), np.float32)
    batch[:] = x
    k = 1
    for y in ys:
        for x0 in xs:
            batch[k, y:y + patch, x0:x0 + patch] = fill
            k += 1
    logp = log_softmax(predictor.logits_batch(batch))
    digit = int(np.argmax(logp[0])) if target is None else int(target)
    if not 0 <= digit < 10:
        raise ValueError(f"target must be a digit 0..9, not {target}")
    drops = (logp[0, digit] - logp[1:, digit]).reshape(len(ys), len(xs))
    total = np.zeros((SIZE, SIZE), np.float64)
    count = np.zeros((SIZE, SIZE), np.float64)
    for i, y in enumerate(ys):
        for j, x0 in enumerate(xs):
            total[y:y + patch, x0:x0 + patch] += drops[i, j]
            count[y:y + patch, x0:x0 + patch] += 1.0
    saliency = np.divide(total, count, out=np.zeros_like(total), where=count > 0)
    return Saliency(saliency.astype(np.float32), digit, float(logp[0, digit]), n + 1)


def full_occlusion(predictor, image: np.ndarray, target: int | None = None, patch: int = 4) -> Saliency:
    """The textbook baseline: every square position of the whole image, stride 1 (625 images
    for a 4×4 square)."""
    return occlusion(predictor, image, target, patch=patch, stride=1, region="all")


def rank_correlation(a: np.ndarray, b: np.ndarray, where: np.ndarray | None = None) -> float:
    """Spearman's rank correlation of two maps (over the pixels ``where`` is true, if given);
    ties get their mean rank. 0.0 when either is constant."""
    a, b = np.asarray(a, np.float64).ravel(), np.asarray(b, np.float64).ravel()
    if where is not None:
        mask = np.asarray(where, bool).ravel()
        a, b = a[mask], b[mask]
    ra, rb = _ranks(a), _ranks(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    denominator = np.sqrt((ra * ra).sum() * (rb * rb).sum())
    return float((ra * rb).sum() / denominator) if denominator > 0 else 0.0


def _ranks(v: np.ndarray) -> np.ndarray:
    order = np.argsort(v, kind="mergesort")
    ranks = np.empty(len(v), np.float64)
    ranks[order] = np.arange(len(v), dtype=np.float64)
    values, inverse = np.unique(v, return_inverse=True)
    sums = np.bincount(inverse, weights=ranks)
    counts = np.bincount(inverse)
    return (sums / counts)[inverse]

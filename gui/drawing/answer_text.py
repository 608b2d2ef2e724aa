"""How the app words an answer: percentages, the unsure state, the caption. Qt-free, so the
window, the kiosk, the visualizer's hover text and the command line all say it the same way."""
from __future__ import annotations

import numpy as np

UNSURE_BELOW = 0.6          # below this confidence the answer is shown as a guess ("maybe 4 or 9")
PLACEHOLDER = "–"           # the big text while there is nothing to recognise
EMPTY_CAPTION = "Draw a digit"
DIGITS = 10


def whole_percent(p: float) -> int:
    """``p`` as a whole percentage; never 100 unless it really is 1 (no false certainty)."""
    value = int(round(float(p) * 100))
    return min(value, 99) if p < 1.0 else 100


def percent_text(p: float) -> str:
    """One probability as the app shows it everywhere: "97%", or "<1%" under one percent."""
    return "<1%" if p < 0.01 else f"{whole_percent(p)}%"


def top_two(probabilities: np.ndarray) -> tuple[int, int]:
    """The most and second most likely digits (ties go to the smaller digit, as ``argmax`` does)."""
    order = np.argsort(-np.asarray(probabilities).reshape(DIGITS), kind="stable")
    return int(order[0]), int(order[1])


def describe(prediction) -> tuple[str, str]:
    """The big text and the caption for a prediction: ("7", "98% sure"), ("4", "maybe 4 or 9")
    when the network is unsure, or (PLACEHOLDER, "Draw a digit") when there is nothing to show."""
    if prediction is None:
        return PLACEHOLDER, EMPTY_CAPTION
    best, second = top_two(prediction.probabilities)
    p = float(prediction.probabilities[best])
    if p < UNSURE_BELOW:
        return str(best), f"maybe {best} or {second}"
    return str(best), f"{percent_text(p)} sure"

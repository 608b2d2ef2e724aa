"""How the app words an answer: percentages, the unsure state, the caption. Qt-free, so the
window, the kiosk, the visualizer's hover text and the command line all say it the same way."""
from __future__ import annotations

import numpy as np

from engine.calibration import NOT_A_DIGIT

UNSURE_BELOW = 0.6          # below this confidence the answer is shown as a guess ("maybe 4 or 9")
PLACEHOLDER = "–"           # the big text while there is nothing to recognise
EMPTY_CAPTION = "Draw a digit"
NOT_A_DIGIT_MARK = "?"      # the big text when the model refuses the drawing
NOT_A_DIGIT_CAPTION = "That doesn't look like a digit"
KIOSK_NOT_A_DIGIT = "Hmm, that doesn't look like a digit. Try one from 0\u00a0to\u00a09!"  # "0 to 9" stays whole
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


def is_not_a_digit(prediction) -> bool:
    """True when the model answered "not a digit" (its calibrated confidence is under its threshold)."""
    return prediction is not None and getattr(prediction, "reason", None) == NOT_A_DIGIT


def describe(prediction) -> tuple[str, str]:
    """The big text and the caption for a prediction: ("7", "98% sure"), ("4", "maybe 4 or 9")
    when the network is unsure, ("?", "That doesn't look like a digit") when the model refuses it,
    or (PLACEHOLDER, "Draw a digit") when there is nothing to show."""
    if prediction is None:
        return PLACEHOLDER, EMPTY_CAPTION
    if is_not_a_digit(prediction):
        return NOT_A_DIGIT_MARK, NOT_A_DIGIT_CAPTION
    best, second = top_two(prediction.probabilities)
    p = float(prediction.probabilities[best])
    if p < UNSURE_BELOW:
        return str(best), f"maybe {best} or {second}"
    return str(best), f"{percent_text(p)} sure"

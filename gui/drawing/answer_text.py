"""How the app words an answer: percentages, the unsure state, the caption. One place, so the
window, the kiosk and the visualizer's hover text all say it the same way, in the language on
screen (``gui.i18n``).

The English captions stay importable as constants (``EMPTY_CAPTION`` …: the source text, marked
for the catalogue); what is shown comes from the functions (``empty_caption()`` …), which give the
same text in the current language."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from engine.calibration import NOT_A_DIGIT
from engine.words import QT_TRANSLATE_NOOP
from gui import i18n

UNSURE_BELOW = 0.6          # below this confidence the answer is shown as a guess ("maybe 4 or 9")
PLACEHOLDER = "–"           # the big text while there is nothing to recognise
EMPTY_CAPTION = QT_TRANSLATE_NOOP("AnswerText", "Draw a digit")
NOT_A_DIGIT_MARK = "?"      # the big text when the model refuses the drawing
NOT_A_DIGIT_CAPTION = QT_TRANSLATE_NOOP("AnswerText", "That doesn't look like a digit")
KIOSK_NOT_A_DIGIT = QT_TRANSLATE_NOOP("AnswerText",   # "0 to 9" stays whole (no-break spaces)
                                      "Hmm, that doesn't look like a digit. Try one from 0\u00a0to\u00a09!")
DIGITS = 10


# Each function spells its text out again: lupdate extracts a literal, and a test checks the
# English of each function is its constant.
def empty_caption() -> str:
    """EMPTY_CAPTION ("Draw a digit") in the current language."""
    return QCoreApplication.translate("AnswerText", "Draw a digit")


def not_a_digit_caption() -> str:
    """NOT_A_DIGIT_CAPTION ("That doesn't look like a digit") in the current language."""
    return QCoreApplication.translate("AnswerText", "That doesn't look like a digit")


def kiosk_not_a_digit() -> str:
    """KIOSK_NOT_A_DIGIT, the kiosk's friendlier "not a digit" sentence, in the current language."""
    return QCoreApplication.translate("AnswerText", "Hmm, that doesn't look like a digit. Try one from 0\u00a0to\u00a09!")


def whole_percent(p: float) -> int:
    """``p`` as a whole percentage; never 100 unless it really is 1 (no false certainty)."""
    value = int(round(float(p) * 100))
    return min(value, 99) if p < 1.0 else 100


def percent_text(p: float) -> str:
    """One probability as the app shows it everywhere: "97%" ("%97" in Turkish), or "<1%"
    ("<%1") under one percent."""
    return i18n.percent_value("<1" if p < 0.01 else i18n.integer(whole_percent(p)))


def top_two(probabilities: np.ndarray) -> tuple[int, int]:
    """The most and second most likely digits (ties go to the smaller digit, as ``argmax`` does)."""
    order = np.argsort(-np.asarray(probabilities).reshape(DIGITS), kind="stable")
    return int(order[0]), int(order[1])


def is_not_a_digit(prediction) -> bool:
    """True when the model answered "not a digit" (its calibrated confidence is under its threshold)."""
    return prediction is not None and getattr(prediction, "reason", None) == NOT_A_DIGIT


def describe(prediction) -> tuple[str, str]:
    """The big text and the caption for a prediction, in the current language: ("7", "98% sure"),
    ("4", "maybe 4 or 9") when the network is unsure, ("?", "That doesn't look like a digit") when
    the model refuses it, or (PLACEHOLDER, "Draw a digit") when there is nothing to show."""
    if prediction is None:
        return PLACEHOLDER, empty_caption()
    if is_not_a_digit(prediction):
        return NOT_A_DIGIT_MARK, not_a_digit_caption()
    best, second = top_two(prediction.probabilities)
    p = float(prediction.probabilities[best])
    if p < UNSURE_BELOW:
        return str(best), QCoreApplication.translate("AnswerText", "maybe {best} or {second}").format(
            best=best, second=second)
    return str(best), QCoreApplication.translate("AnswerText", "{percent} sure").format(percent=percent_text(p))

"""The shipped models read the digits people draw and refuse what is not a digit.

Regression guards for issue 12 on small, fixed samples (the full figures come from
bench/accuracy.py): pen digits of writers no shipped model trained on, the regional forms of the
stroke templates, and the held-out non-digits (never trained on). Bounds sit a little under the
bench's figures, so a retrained model that falls back toward the MNIST-only one fails here."""
import numpy as np
import pytest

from engine import catalogue
from engine.calibration import report
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.non_digits import held_out_non_digits
from engine.pen_data import VALIDATION_WRITERS, load_pen_digits, render_pen_digits
from engine.preprocess import preprocess_digit

PEN_SAMPLE = 1000


@pytest.fixture(scope="module")
def held_out_pen():
    digits = [d for d in load_pen_digits() if d.writer in VALIDATION_WRITERS]
    pick = np.random.default_rng(5).choice(len(digits), PEN_SAMPLE, replace=False)
    x, y = render_pen_digits([digits[i] for i in sorted(pick)], np.random.default_rng(5))
    return x.astype(np.float32) / 255, y


@pytest.fixture(scope="module")
def non_digits():
    return held_out_non_digits(600)[0].astype(np.float32) / 255


@pytest.fixture(scope="module")
def cnn():
    return catalogue.load("cnn").predictor


def test_the_default_model_reads_held_out_writers_honestly(cnn, held_out_pen):
    r = report(cnn.predict_batch(held_out_pen[0]), held_out_pen[1], cnn.calibration)
    assert r.accuracy >= 0.985, r          # 99.2 % when written
    assert r.refused <= 0.015, r           # 0.5 %
    assert r.ece <= 0.03, r                # 2.4 %
    assert r.wrong_confident <= 0.25, r    # none of its 6 mistakes at >= 90 %


def test_the_default_model_says_not_a_digit_to_scribbles_stars_and_letters(cnn, non_digits):
    refused = cnn.calibration.refuses(cnn.predict_batch(non_digits))
    assert np.mean(refused) >= 0.93        # 96.6 % when written


@pytest.mark.parametrize("digit", range(10))
def test_every_regional_form_of_every_digit_is_read(cnn, digit):
    """Flagged and based 1s, crossed 7s, one-stroke 4s, curled 9s, slashed 0s…: each variant of the
    templates, drawn plainly, is read as its digit and not refused."""
    for variant, strokes in enumerate(DIGIT_TEMPLATES[digit]):
        image = preprocess_digit(render_strokes(strokes, size=(280, 280), pen_width=18))
        prediction = cnn.predict(image)
        assert (prediction.digit, prediction.reason) == (digit, None), (digit, variant, prediction.ranked[:3])


@pytest.mark.parametrize("name", ["course-mlp", "sigmoid-mlp"])
def test_the_course_models_keep_their_architecture_and_are_calibrated(name):
    loaded = catalogue.load(name)
    dense = [layer.shape[-1] for layer in loaded.predictor.network.layers if layer.kind == "Dense"]
    assert dense == [25, 15, 10]
    assert loaded.predictor.calibration.temperature != 1.0 and loaded.spec is not None
    assert loaded.spec.data == "people"


@pytest.mark.parametrize("name", ["course-mlp", "sigmoid-mlp"])
def test_the_course_models_read_held_out_writers(name, held_out_pen):
    predictor = catalogue.load(name).predictor
    r = report(predictor.predict_batch(held_out_pen[0]), held_out_pen[1], predictor.calibration)
    assert r.accuracy >= 0.955, r          # 97.5 % and 96.6 % when written
    assert r.refused <= 0.015, r
    assert r.ece <= 0.03, r

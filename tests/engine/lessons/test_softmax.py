"""The softmax lesson's numbers: the drawing's logits, the bars, and the two ways to the loss."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import drawn_digit_set
from engine.lessons.softmax import (COURSE_LOGITS, course_roundoff, logits_of, loss_comparison, naive_loss32,
                                    softmax_table, stable_loss)
from engine.numpy_forward import dense
from engine.preprocess import preprocess_digit


@pytest.fixture(scope="module")
def drawings():
    images, labels = drawn_digit_set(6, seed=3)
    return [preprocess_digit(image) for image in images]


@pytest.mark.parametrize("name", ["course-mlp", "sigmoid-mlp", "cnn"])
def test_bars_are_the_predictions_probabilities(name, drawings):
    predictor = catalogue.load(name, backend="numpy").predictor
    for image in drawings:
        prediction = predictor.predict(image)
        z = logits_of(predictor.network, prediction)
        assert z.shape == (10,)
        table = softmax_table(z, prediction.temperature)
        np.testing.assert_allclose(table.bars, prediction.probabilities, atol=1e-5)
        # the course's a_j = e^{z_j} / Σ e^{z_k}, step by step
        np.testing.assert_allclose(table.exps, np.exp(z.astype(np.float64)), rtol=1e-12)
        assert table.total == pytest.approx(float(np.sum(table.exps)))
        np.testing.assert_allclose(table.softmax, table.exps / table.total, rtol=1e-9)
        assert table.softmax.sum() == pytest.approx(1.0)
        assert int(np.argmax(table.softmax)) == prediction.digit


def test_logits_are_the_output_layers_z(drawings):
    predictor = catalogue.load("course-mlp", backend="numpy").predictor
    network = predictor.network
    prediction = predictor.predict(drawings[0])
    W, b = network.weights_of(3)
    z = dense(prediction.activations[2].values.astype(np.float64), W.astype(np.float64), b.astype(np.float64))
    np.testing.assert_allclose(logits_of(network, prediction), z, atol=1e-5)


def test_logits_recomputed_for_a_network_ending_in_softmax(drawings):
    """A model whose last Dense layer applies softmax: z is recomputed from the layer before."""
    pytest.importorskip("tensorflow")
    import keras

    from engine.predictor import Predictor

    base = catalogue.load("course-mlp", backend="numpy").predictor.network
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(25, activation="relu"), keras.layers.Dense(15, activation="relu"),
                              keras.layers.Dense(10, activation="softmax")])
    model.set_weights(base.flat_weights())
    predictor = Predictor(model)
    assert not predictor.network.gives_logits
    reference = catalogue.load("course-mlp", backend="numpy").predictor
    for image in drawings[:3]:
        prediction = predictor.predict(image)
        z = logits_of(predictor.network, prediction)
        np.testing.assert_allclose(z, logits_of(base, reference.predict(image)), atol=1e-4)
        np.testing.assert_allclose(softmax_table(z, prediction.temperature).bars, prediction.probabilities, atol=1e-5)


def test_course_example():
    table = softmax_table(COURSE_LOGITS)
    e = np.exp(np.array(COURSE_LOGITS))
    np.testing.assert_allclose(table.softmax, e / e.sum())
    np.testing.assert_allclose(table.bars, table.softmax)


def test_course_roundoff_in_float32():
    direct, roundabout = course_roundoff()
    assert direct == pytest.approx(2e-4, rel=1e-7)
    assert roundabout != direct and abs(roundabout - 2e-4) > 1e-8


@pytest.mark.parametrize("scale", [1, 3, 10, 50, 100])
def test_from_logits_equals_keras(scale, drawings):
    pytest.importorskip("tensorflow")
    import keras

    predictor = catalogue.load("course-mlp", backend="numpy").predictor
    prediction = predictor.predict(drawings[1])
    z = logits_of(predictor.network, prediction)
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    for label in range(10):
        comparison = loss_comparison(z, label, scale)
        expected = float(loss_fn(np.array([label]), (z * np.float32(scale))[None, :]))
        assert comparison.stable_loss == pytest.approx(expected, abs=1e-5, rel=1e-6)
        assert comparison.exact_loss == pytest.approx(expected, abs=1e-4, rel=1e-6)
        assert comparison.stable_error <= 1e-5 * max(1.0, comparison.exact_loss)


def test_naive_float32_breaks_for_large_logits(drawings):
    predictor = catalogue.load("course-mlp", backend="numpy").predictor
    prediction = predictor.predict(drawings[0])
    z = logits_of(predictor.network, prediction)
    top, other = prediction.digit, (prediction.digit + 1) % 10
    # at ×1 both give a number
    small = loss_comparison(z, top, 1)
    assert np.isfinite(small.naive_loss) and not small.naive_fails
    # ×100: e^{z} overflows: inf / inf = nan for the right label, a_y = 0 → inf for another
    right, wrong = loss_comparison(z, top, 100), loss_comparison(z, other, 100)
    assert right.naive_max_exp == np.inf and np.isnan(right.naive_loss) and right.naive_fails
    assert wrong.naive_a_y == 0.0 or np.isnan(wrong.naive_a_y)
    assert wrong.naive_fails
    assert np.isfinite(right.stable_loss) and np.isfinite(wrong.stable_loss)
    assert wrong.stable_loss == pytest.approx(100 * (float(z[top]) - float(z[other])), rel=1e-3)


def test_classic_example():
    z = np.array([1000.0, 0.0, -5.0], np.float32)
    max_exp, total, a_y, loss = naive_loss32(z, 0)
    assert max_exp == np.inf and total == np.inf and np.isnan(a_y) and np.isnan(loss)
    assert stable_loss(z, 0) == (1.0, 0.0)
    assert stable_loss(z, 1)[1] == pytest.approx(1000.0)
    assert np.isinf(naive_loss32(z, 1)[3])

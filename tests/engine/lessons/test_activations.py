"""The Activations lesson's numbers: the neuron on show is the engine's, relu beats linear
hidden layers, and a network of linear layers is one linear map."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import activations as act
from engine.lessons import training_math as tm
from engine.numpy_forward import relu, sigmoid


@pytest.mark.parametrize("name", ["course-mlp", "sigmoid-mlp", "cnn"])
def test_the_neuron_on_show_is_the_first_dense_layers_most_active_unit(name):
    predictor = catalogue.load(name, backend="numpy").predictor
    prediction = predictor.recognise(render_strokes(DIGIT_TEMPLATES[5][0]))
    neuron = act.neuron_on_show(predictor.network, prediction.image, prediction.activations)
    info = act.first_dense(predictor.network)
    assert neuron.layer_index == info.index and neuron.activation == info.activation
    shown = prediction.activations[info.index].values
    assert neuron.unit == int(np.argmax(shown)) or shown[neuron.unit] == pytest.approx(shown.max(), abs=1e-5)
    assert neuron.a == pytest.approx(float(shown[neuron.unit]), abs=1e-5)       # the engine's activation
    assert neuron.g["relu"] == pytest.approx(max(neuron.z, 0.0), abs=1e-12)
    assert neuron.g["sigmoid"] == pytest.approx(1 / (1 + np.exp(-neuron.z)), abs=1e-12)
    assert neuron.g["linear"] == neuron.z
    # without the prediction's activations: the same numbers from the NumPy forward pass
    again = act.neuron_on_show(predictor.network, prediction.image)
    assert again.unit == neuron.unit and again.z == pytest.approx(neuron.z, abs=1e-4)


def test_curves_are_the_engines_functions():
    z, g = act.curves()
    np.testing.assert_array_equal(g["relu"], relu(z))
    np.testing.assert_array_equal(g["sigmoid"], sigmoid(z))
    np.testing.assert_array_equal(g["linear"], z)


def test_a_linear_network_is_one_linear_map():
    network = tm.init_dense_network(tm.COURSE_SIZES, ("linear",) * 3, seed=2)
    X, y = tm.mnist_training_subset(300)
    tm.train(network, X, y, epochs=1, batch=32)
    W, b = act.composed_linear_map(network)
    assert W.shape == (784, 10) and b.shape == (10,)
    np.testing.assert_allclose(tm.predict_logits(network, X), X @ W + b, atol=1e-5)
    np.testing.assert_allclose(W, network.weights[0] @ network.weights[1] @ network.weights[2], atol=1e-12)
    with pytest.raises(ValueError):
        act.composed_linear_map(tm.init_dense_network())


def test_relu_hidden_layers_learn_more_than_linear_ones():
    seen = []
    result = act.compare_training(on_batch=lambda *a: seen.append(a[0]))
    assert not result.stopped
    assert seen.count("relu") == seen.count("linear") == 10 * result.batches_per_epoch
    k = result.batches_per_epoch
    for hidden in ("relu", "linear"):
        losses = result.losses[hidden]
        assert np.mean(losses[-k:]) < 0.5 * np.mean(losses[:k])
        assert result.accuracy[hidden] > 0.8
    assert np.mean(result.losses["relu"][-k:]) < np.mean(result.losses["linear"][-k:])
    assert result.accuracy["relu"] > result.accuracy["linear"]
    W, b = act.composed_linear_map(result.networks["linear"])
    X_test, _ = tm.mnist_test_subset(200)
    np.testing.assert_allclose(tm.predict_logits(result.networks["linear"], X_test), X_test @ W + b, atol=1e-5)


def test_comparison_stops_when_asked():
    result = act.compare_training(epochs=3, n=500, should_stop=lambda: True)
    assert result.stopped and result.losses["relu"] == [] and result.accuracy == {}

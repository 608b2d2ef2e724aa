"""Lesson "Neurons and layers": a unit's a = g(w · a + b) from the model's W, b and the drawing
equals what the network computed (NumPy engine and TensorFlow) to 1e-5."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import neurons as N
from engine.preprocess import preprocess_digit


def drawing(digit: int = 3) -> np.ndarray:
    return preprocess_digit(render_strokes(DIGIT_TEMPLATES[digit][0]))


@pytest.fixture(scope="module", params=["course-mlp", "sigmoid-mlp", "cnn"])
def loaded(request):
    return catalogue.load(request.param, backend="numpy")


def test_every_dense_unit_equals_the_engines_activation(loaded):
    net = loaded.predictor.network
    for digit in (0, 3, 7):
        prediction = loaded.predictor.predict(drawing(digit))
        for index in N.dense_layers(net):
            values = prediction.activations[index].values.reshape(-1)
            for unit in range(net.layers[index].units):
                n = N.neuron(net, prediction, index, unit)
                assert n.a == pytest.approx(float(values[unit]), abs=1e-5)
                assert n.network_a == float(values[unit])
                assert n.z == pytest.approx(n.dot + n.bias, abs=1e-9)
                W, b = net.weights_of(index)
                np.testing.assert_array_equal(n.weights, W[:, unit])
                assert n.bias == float(b[unit])


def test_the_default_neuron_is_the_most_active_unit_of_the_first_hidden_dense_layer(loaded):
    net = loaded.predictor.network
    prediction = loaded.predictor.predict(drawing(3))
    index, unit = N.default_neuron(net, prediction)
    first = [layer.index for layer in net.layers if layer.kind == "Dense"][0]
    assert index == first
    assert unit == int(np.argmax(prediction.activations[index].values))
    assert N.default_neuron(net, None) == (first, 0)
    n = N.neuron(net, None, index, 0)            # an empty canvas: the weights, no drawing's numbers
    assert n.a is None and n.dot is None and n.weights.size == net.weights_of(index)[0].shape[0]


def test_layer_numbers_and_which_layers_read_the_pixels():
    mlp = catalogue.load("course-mlp", backend="numpy").predictor.network
    assert [N.layer_number(mlp, i) for i in N.dense_layers(mlp)] == [1, 2, 3]
    assert [N.reads_input(mlp, i) for i in N.dense_layers(mlp)] == [True, False, False]
    cnn = catalogue.load("cnn", backend="numpy").predictor.network
    assert [N.layer_number(cnn, i) for i in N.dense_layers(cnn)] == [5, 6]      # after 4 convolutions
    assert not any(N.reads_input(cnn, i) for i in N.dense_layers(cnn))


def test_the_units_numbers_equal_tensorflows():
    pytest.importorskip("tensorflow")
    tf_model = catalogue.load("course-mlp", backend="tensorflow").predictor
    prediction = tf_model.predict(drawing(5))
    net = tf_model.network
    for index in N.dense_layers(net):
        for unit in range(net.layers[index].units):
            n = N.neuron(net, prediction, index, unit)
            assert n.a == pytest.approx(float(prediction.activations[index].values[unit]), abs=1e-5)

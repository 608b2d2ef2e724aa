"""The course's NumPy forward propagation must compute what TensorFlow computes."""
import numpy as np
import pytest

from engine.models import build_model
from engine.numpy_forward import dense, dense_unit, forward, layers_from_keras, relu, sigmoid, softmax
from engine.predictor import Predictor
from tests.engine.model_specs import EVERY_LAYER_KIND


def test_dense_is_g_of_w_dot_a_plus_b_per_unit():
    rng = np.random.default_rng(1)
    a_in, W, b = rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=3)
    out = dense(a_in, W, b, sigmoid)
    for j in range(3):  # the course's loop, unit by unit
        z = np.dot(W[:, j], a_in) + b[j]
        assert out[j] == pytest.approx(1 / (1 + np.exp(-z)))
        assert dense_unit(a_in, W, b, j, sigmoid) == pytest.approx((z, out[j]))
    assert np.all(dense(a_in, W, b, relu) >= 0)
    assert softmax(np.array([1000.0, 1000.0])) == pytest.approx([0.5, 0.5])


@pytest.mark.parametrize("preset", ["course-mlp", "sigmoid-mlp", "cnn"])
def test_numpy_forward_matches_tensorflow_on_random_inputs(preset):
    model = build_model(preset, seed=3)
    # Non-trivial weights for batch norm too, so the check is not about fresh zeros and ones.
    rng = np.random.default_rng(7)
    model.set_weights([w + 0.05 * rng.normal(size=w.shape) if w.ndim == 1 else w
                       for w in model.get_weights()])
    x = rng.random((8, 28, 28)).astype(np.float32)
    predictor = Predictor(model)
    probs, activations = forward(layers_from_keras(predictor.model), x)
    np.testing.assert_allclose(probs, predictor.predict_batch(x), atol=1e-5)
    single = predictor.predict(x[0])
    assert len(activations) == len(single.activations)
    for ours, theirs in zip(activations, single.activations):
        np.testing.assert_allclose(ours[0], theirs.values, atol=1e-5, err_msg=theirs.name)


def test_numpy_forward_handles_every_layer_kind():
    spec = EVERY_LAYER_KIND
    model = build_model(spec, seed=0)
    x = np.random.default_rng(0).random((2, 28, 28)).astype(np.float32)
    probs, _ = forward(layers_from_keras(model), x)
    np.testing.assert_allclose(probs, Predictor(model).predict_batch(x), atol=1e-5)


def test_layers_from_keras_reads_through_the_network_description():
    from engine.network import describe
    from engine.numpy_forward import layers_from_description

    model = build_model("cnn", seed=1)
    ours, theirs = layers_from_keras(model), layers_from_description(describe(model))
    assert [(layer.name, layer.kind) for layer in ours] == [(layer.name, layer.kind) for layer in theirs]
    for a, b in zip(ours, theirs):
        assert a.params.keys() == b.params.keys()
        for key, value in a.params.items():
            np.testing.assert_array_equal(value, b.params[key])
            if isinstance(value, np.ndarray):
                assert value.dtype == np.float64
    conv = next(layer for layer in ours if layer.kind == "Conv2D")
    assert conv.params["padding"] == "valid" and conv.params["strides"] == (1, 1)
    pool = next(layer for layer in ours if layer.kind == "MaxPooling2D")
    assert pool.params == {"pool": (2, 2), "strides": (2, 2), "padding": "valid"}

"""One reader of a Keras model: describe() gives each layer's kind, shape, activation, settings
and weights; the NumPy forward pass and the Predictor use it."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine
from engine.model_files import load_model
from engine.models import build_model
from engine.network import LayerDescription, NetworkDescription, describe
from engine.numpy_forward import forward, layers_from_description
from engine.predictor import Predictor
from tests.engine.model_specs import EVERY_LAYER_KIND

PRESETS = ["course-mlp", "sigmoid-mlp", "cnn"]


@pytest.fixture(scope="module")
def models():
    return {name: build_model(name, seed=0) for name in PRESETS}


def test_importing_engine_network_loads_no_tensorflow():
    code = "import engine.network, sys; assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(engine.__file__).parent.parent, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("preset", ["course-mlp", "sigmoid-mlp"])
def test_describe_a_dense_preset(models, preset):
    net = describe(models[preset])
    hidden = "relu" if preset == "course-mlp" else "sigmoid"
    assert isinstance(net, NetworkDescription)
    assert net.name == models[preset].name and net.input_shape == (28, 28)
    assert [(i.index, i.name, i.kind, i.shape, i.activation) for i in net.layers] == [
        (0, "flatten", "Flatten", (784,), None),
        (1, "dense_1", "Dense", (25,), hidden),
        (2, "dense_2", "Dense", (15,), hidden),
        (3, "output", "Dense", (10,), "linear")]
    assert net.layers[1].params == {"units": 25, "use_bias": True} and net.layers[1].units == 25
    assert net.gives_logits
    expected = (784 + 1) * 25 + (25 + 1) * 15 + (15 + 1) * 10
    assert net.parameter_count() == models[preset].count_params() == expected
    assert [w.shape for w in net.weights_of(1)] == [(784, 25), (25,)] and net.weights_of(0) == ()


def test_describe_the_cnn_preset(models):
    model = models["cnn"]
    net = describe(model)
    assert [i.kind for i in net.layers] == [
        "Reshape", "Conv2D", "BatchNormalization", "Conv2D", "MaxPooling2D", "Conv2D",
        "BatchNormalization", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense", "Dropout", "Dense"]
    by_name = {i.name: i for i in net.layers}
    assert by_name["channels"].shape == (28, 28, 1)
    assert by_name["channels"].params == {"target_shape": (28, 28, 1)}
    conv = by_name["conv_1"]
    assert conv.shape == (26, 26, 32) and conv.activation == "relu"
    assert conv.params["padding"] == "valid" and conv.params["strides"] == (1, 1)
    assert conv.params["kernel_size"] == (3, 3) and conv.params["filters"] == 32
    pool = by_name["maxpool_2"]
    assert pool.shape == (4, 4, 64) and pool.activation is None
    assert pool.params["pool_size"] == (2, 2) and pool.params["strides"] == (2, 2)
    assert pool.params["padding"] == "valid"
    bn = by_name["batchnorm_1"]
    assert bn.params["epsilon"] == pytest.approx(1e-3) and bn.params["center"] and bn.params["scale"]
    assert [w.shape for w in net.weights_of(bn.index)] == [(32,)] * 4
    assert by_name["dropout_1"].params == {"rate": pytest.approx(0.3)}
    assert by_name["flatten"].shape == (1024,) and by_name["output"].shape == (10,)
    assert net.parameter_count() == model.count_params()
    assert net.gives_logits


@pytest.mark.parametrize("preset", PRESETS)
def test_weights_are_float32_copies_in_get_weights_order(models, preset):
    model = models[preset]
    net = describe(model)
    flat = net.flat_weights()
    expected = model.get_weights()
    assert len(flat) == len(expected)
    for ours, theirs in zip(flat, expected):
        assert ours.dtype == np.float32 and not ours.flags.writeable
        np.testing.assert_array_equal(ours, theirs)
    keras_layers = [layer for layer in model.layers if type(layer).__name__ != "InputLayer"]
    for info, layer in zip(net.layers, keras_layers):
        assert info.name == layer.name
        for ours, theirs in zip(net.weights_of(info.index), layer.get_weights()):
            np.testing.assert_array_equal(ours, theirs)


def test_with_weights_round_trip_and_shape_check(models):
    model = models["cnn"]
    net = describe(model)
    rng = np.random.default_rng(0)
    new = [rng.normal(size=w.shape) for w in model.get_weights()]  # float64, as any list may be
    changed = net.with_weights(new)
    assert changed.layers is net.layers and changed.name == net.name and changed.gives_logits
    for ours, theirs in zip(changed.flat_weights(), new):
        assert ours.dtype == np.float32
        np.testing.assert_array_equal(ours, theirs.astype(np.float32))
    new[0][...] = 0  # the description holds copies
    assert np.any(changed.flat_weights()[0] != 0)
    np.testing.assert_array_equal(net.with_weights(net.flat_weights()).weights_of(1)[0], net.weights_of(1)[0])
    with pytest.raises(ValueError, match="weight arrays"):
        net.with_weights(new[:-1])
    with pytest.raises(ValueError, match="shape"):
        net.with_weights([*new[:-1], np.zeros(11)])


def test_a_layer_description_is_plain_hashable_data():
    info = LayerDescription(0, "dense_1", "Dense", (25,), "relu", {"units": 25})
    assert hash(info) == hash(LayerDescription(0, "dense_1", "Dense", (25,), "relu", {"units": 99}))
    with pytest.raises(AttributeError):
        info.name = "other"


@pytest.mark.parametrize("preset", PRESETS)
def test_numpy_forward_from_the_description_equals_keras(models, preset):
    model = build_model(preset, seed=4)
    rng = np.random.default_rng(5)
    model.set_weights([w + 0.05 * rng.normal(size=w.shape) if w.ndim == 1 else w
                       for w in model.get_weights()])  # batch norm statistics not 0 and 1
    x = rng.random((4, 28, 28)).astype(np.float32)
    probs, activations = forward(layers_from_description(describe(model)), x)
    assert probs.dtype == np.float64
    logits = np.asarray(model(x, training=False), dtype=np.float64)
    np.testing.assert_allclose(activations[-1], logits, atol=1e-5)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    np.testing.assert_allclose(probs, e / e.sum(axis=1, keepdims=True), atol=1e-5)


def test_a_network_ending_in_softmax_gives_no_logits():
    import keras

    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(10, use_bias=False), keras.layers.Activation("softmax")])
    net = describe(model)
    assert not net.gives_logits
    assert [(i.kind, i.activation) for i in net.layers] == [("Flatten", None), ("Dense", "linear"),
                                                             ("Activation", "softmax")]
    assert net.layers[1].params == {"units": 10, "use_bias": False}
    x = np.random.default_rng(0).random((2, 28, 28)).astype(np.float32)
    probs, _ = forward(layers_from_description(net), x)
    np.testing.assert_allclose(probs, np.asarray(model(x)), atol=1e-6)


def test_batch_norm_without_scale_or_centre():
    import keras

    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.BatchNormalization(scale=False, center=False, epsilon=0.01),
                              keras.layers.Dense(10)])
    rng = np.random.default_rng(1)
    mean, variance = rng.random(784).astype(np.float32), rng.random(784).astype(np.float32) + 0.5
    model.layers[1].set_weights([mean, variance])
    net = describe(model)
    assert net.layers[1].params["scale"] is False and net.layers[1].params["center"] is False
    assert len(net.weights_of(1)) == 2
    x = rng.random((2, 28, 28)).astype(np.float32)
    _, activations = forward(layers_from_description(net), x)
    np.testing.assert_allclose(activations[-1], np.asarray(model(x, training=False)), atol=1e-5)


def test_predictor_network_follows_set_weights():
    model = build_model("course-mlp", seed=2)
    predictor = Predictor(model)
    before = predictor.network
    assert predictor.network is before  # read once, not on every access
    assert [i.name for i in before.layers] == [
        a.name for a in predictor.predict(np.zeros((28, 28), np.float32)).activations]
    new = [w * 0.5 for w in model.get_weights()]
    predictor.set_weights(new)
    after = predictor.network
    assert after is not before and after.layers == before.layers
    for ours, theirs in zip(after.flat_weights(), new):
        np.testing.assert_allclose(ours, theirs)
    np.testing.assert_allclose(before.weights_of(1)[0], model.get_weights()[0])  # the old one is unchanged
    with pytest.raises(ValueError):
        predictor.set_weights(new[:-1])
    assert predictor.network is after
    predictor.set_model(build_model("cnn", seed=0))
    assert any(i.kind == "Conv2D" for i in predictor.network.layers)


def test_predictor_save_writes_a_loadable_file(tmp_path):
    model = build_model("course-mlp", seed=3)
    predictor = Predictor(model)
    predictor.set_weights([w + 0.25 for w in model.get_weights()])
    path = predictor.save(tmp_path / "saved.keras")
    assert path == tmp_path / "saved.keras" and path.is_file()
    loaded = load_model(path)
    for ours, theirs in zip(describe(loaded).flat_weights(), predictor.network.flat_weights()):
        np.testing.assert_array_equal(ours, theirs)
    x = np.random.default_rng(0).random((28, 28)).astype(np.float32)
    np.testing.assert_allclose(Predictor(loaded).predict(x).probabilities,
                               predictor.predict(x).probabilities, atol=1e-6)


def test_every_layer_kind_of_a_spec_is_described():
    spec = EVERY_LAYER_KIND
    model = build_model(spec, seed=0)
    net = describe(model)
    assert [i.shape for i in net.layers] == [tuple(int(d) for d in layer.output.shape[1:])
                                             for layer in model.layers]
    avg = next(i for i in net.layers if i.kind == "AveragePooling2D")
    assert avg.shape == (13, 13, 4) and avg.params["pool_size"] == (2, 2)
    assert net.parameter_count() == model.count_params()

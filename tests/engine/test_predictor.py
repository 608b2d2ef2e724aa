import threading

import keras
import numpy as np
import pytest

from engine.model_files import ModelFileError
from engine.models import build_model
from engine.predictor import Predictor


@pytest.fixture(scope="module")
def mlp():
    return build_model("course-mlp", seed=0)


def test_probabilities_are_the_softmax_of_the_models_logits(mlp):
    x = np.random.default_rng(0).random((28, 28)).astype(np.float32)
    p = Predictor(mlp).predict(x)
    expected = keras.ops.convert_to_numpy(keras.ops.softmax(mlp(x[None]))[0])
    np.testing.assert_allclose(p.probabilities, expected, atol=1e-6)
    assert p.probabilities.sum() == pytest.approx(1.0, abs=1e-5)
    assert p.digit == int(np.argmax(expected)) and p.confidence == pytest.approx(expected.max())
    assert [d for d, _ in p.ranked][0] == p.digit


def test_every_layer_activation_is_returned(mlp):
    p = Predictor(mlp).predict(np.zeros((28, 28), np.float32))
    assert [a.name for a in p.activations] == ["flatten", "dense_1", "dense_2", "output"]
    assert [a.values.shape for a in p.activations] == [(784,), (25,), (15,), (10,)]
    assert p.activations[1].kind == "Dense"


def test_cnn_activations_have_feature_map_shapes():
    predictor = Predictor(build_model("cnn", seed=0))
    p = predictor.predict(np.zeros((28, 28), np.float32))
    shapes = {a.name: a.values.shape for a in p.activations}
    assert shapes["conv_1"] == (26, 26, 32) and shapes["maxpool_2"] == (4, 4, 64)
    # Layer i of the network description made activation i.
    assert [(a.name, a.kind, a.values.shape) for a in p.activations] == [
        (info.name, info.kind, info.shape) for info in predictor.network.layers]


def test_batch_prediction_matches_single_predictions(mlp):
    x = np.random.default_rng(1).random((2500, 28, 28)).astype(np.float32)  # spans several chunks
    predictor = Predictor(mlp)
    batch = predictor.predict_batch(x)
    assert batch.shape == (2500, 10)
    for i in (0, 1024, 2499):
        np.testing.assert_allclose(batch[i], predictor.predict(x[i]).probabilities, atol=1e-6)


def test_predictor_keeps_its_own_weights_until_told(mlp):
    model = build_model("course-mlp", seed=1)
    predictor = Predictor(model)
    x = np.random.default_rng(2).random((28, 28)).astype(np.float32)
    before = predictor.predict(x).probabilities
    model.set_weights([w * 0 for w in model.get_weights()])  # "training" changes the model
    np.testing.assert_allclose(predictor.predict(x).probabilities, before)
    predictor.set_weights(model.get_weights())
    np.testing.assert_allclose(predictor.predict(x).probabilities, np.full(10, 0.1), atol=1e-6)


def test_set_model_swaps_architecture():
    predictor = Predictor(build_model("course-mlp", seed=0))
    predictor.set_model(build_model("cnn", seed=0))
    assert predictor.model_name == "cnn"
    assert any(a.kind == "Conv2D" for a in predictor.predict(np.zeros((28, 28), np.float32)).activations)


def test_a_model_ending_in_softmax_is_not_softmaxed_twice():
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    x = np.random.default_rng(3).random((28, 28)).astype(np.float32)
    expected = keras.ops.convert_to_numpy(model(x[None]))[0]
    np.testing.assert_allclose(Predictor(model).predict(x).probabilities, expected, atol=1e-6)


def test_a_model_that_is_not_a_digit_model_is_refused():
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Dense(3)])
    with pytest.raises(ModelFileError, match="10"):
        Predictor(model)


def test_predicting_while_weights_are_swapped_from_another_thread(mlp):
    predictor = Predictor(mlp)
    weights = [mlp.get_weights(), [w * 0.5 for w in mlp.get_weights()]]
    errors, stop = [], threading.Event()

    def swapper():
        i = 0
        while not stop.is_set():
            predictor.set_weights(weights[i % 2])
            i += 1

    thread = threading.Thread(target=swapper)
    thread.start()
    try:
        for _ in range(300):
            p = predictor.predict(np.random.default_rng().random((28, 28)).astype(np.float32))
            if not np.isfinite(p.probabilities).all() or abs(p.probabilities.sum() - 1) > 1e-4:
                errors.append(p.probabilities)
    finally:
        stop.set()
        thread.join()
    assert not errors


def test_recognise_returns_none_for_a_blank_image(mlp):
    predictor = Predictor(mlp)
    assert predictor.recognise(np.zeros((200, 200), np.uint8)) is None
    img = np.zeros((200, 200), np.uint8)
    img[40:160, 95:105] = 255
    assert predictor.recognise(img) is not None

"""FastForward: the NumPy float32 forward pass computes what TensorFlow computes, for one image
(logits and every layer's activations, as the Predictor gives them) and for batches; and reading a
.keras file and running it imports neither TensorFlow nor Keras."""
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import engine
from engine.data import default_mnist_path
from engine.keras_file import read_network
from engine.model_files import load_model, save_model
from engine.models import build_model
from engine.network import LayerDescription, NetworkDescription, describe
from engine.numpy_forward import FastForward
from engine.predictor import Predictor
from engine.resources import resource_path
from tests.engine.model_specs import EVERY_LAYER_KIND
from tests.engine.test_keras_file import randomise

SHIPPED = ["cnn", "course-mlp", "sigmoid-mlp"]
ATOL = 1e-5
# The shipped models' logits reach ±35 on real digits, where float32 steps are 4e-6 apart and
# TensorFlow itself lies up to 1.4e-5 from exact arithmetic (measured against float64): no float32
# computation can be within 1e-5 of it everywhere. Their check adds one part per million of the value.
SHIPPED_RTOL = 1e-6


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    """Real handwritten digits (MNIST's test set), as the app gives them: 28×28 floats in 0..1."""
    with np.load(default_mnist_path()) as mnist:
        return mnist["x_test"][:64].astype(np.float32) / 255


def assert_matches_tensorflow(fast: FastForward, model, x: np.ndarray, rtol: float = 0.0, singles: int = 8):
    """``run`` against the Predictor's activations and ``model(x)``; ``run_batch`` against the
    Predictor's batch logits."""
    predictor = Predictor(model)
    reference = np.asarray(model(x, training=False))
    if not fast.gives_logits:
        reference = np.log(np.maximum(reference, 1e-30))
    for i in range(singles):
        logits, activations = fast.run(x[i])
        assert logits.shape == (10,) and logits.dtype == np.float32
        np.testing.assert_allclose(logits, reference[i], rtol=rtol, atol=ATOL)
        expected = predictor.predict(x[i]).activations
        assert len(activations) == len(expected) == len(fast.description.layers)
        for ours, theirs, info in zip(activations, expected, fast.description.layers):
            assert ours.dtype == np.float32 and ours.shape == theirs.values.shape == info.shape, info.name
            np.testing.assert_allclose(ours, theirs.values, rtol=rtol, atol=ATOL, err_msg=theirs.name)
    batch = fast.run_batch(x)
    assert batch.shape == (len(x), 10) and batch.dtype == np.float32
    np.testing.assert_allclose(batch, predictor.logits_batch(x), rtol=rtol, atol=ATOL)
    np.testing.assert_allclose(batch, reference, rtol=rtol, atol=ATOL)


@pytest.mark.parametrize("name", SHIPPED)
def test_equals_tensorflow_on_the_shipped_models(name, digits):
    path = resource_path("models", f"{name}.keras")
    assert_matches_tensorflow(FastForward(read_network(path)), load_model(path), digits, rtol=SHIPPED_RTOL)


@pytest.mark.parametrize("spec", ["course-mlp", "sigmoid-mlp", "cnn", EVERY_LAYER_KIND],
                         ids=["course-mlp", "sigmoid-mlp", "cnn", "every-layer-kind"])
@pytest.mark.parametrize("seed", [0, 1])
def test_equals_tensorflow_on_random_presets(tmp_path, spec, seed):
    model = randomise(build_model(spec, seed=seed), seed + 10)
    x = np.random.default_rng(seed).random((12, 28, 28)).astype(np.float32)
    path = save_model(model, tmp_path / "model.keras")
    assert_matches_tensorflow(FastForward(read_network(path)), load_model(path), x, singles=4)


def test_equals_tensorflow_with_other_layer_options(tmp_path):
    """'same' padding with strides, pools that overlap or do not tile the image (average pooling
    counting only the pixels inside it), no bias, batch norm without scale or centre, a 1×1
    convolution and a model that ends in softmax (its logits are the logs of its probabilities)."""
    import keras

    layers = keras.layers
    model = keras.Sequential([
        keras.Input((28, 28)), layers.Reshape((28, 28, 1)),
        layers.Conv2D(5, 3, strides=2, padding="same", activation="sigmoid"),
        layers.AveragePooling2D(3, strides=2, padding="same"),
        layers.Conv2D(4, (2, 3), padding="same", use_bias=False, activation="tanh"),
        layers.MaxPooling2D(2, strides=1),
        layers.BatchNormalization(scale=False, center=False, epsilon=0.01),
        layers.Conv2D(3, 1, activation="relu"), layers.MaxPooling2D(3, padding="same"),
        layers.Flatten(), layers.Dropout(0.2),
        layers.Dense(10, use_bias=False), layers.Activation("softmax")], name="options")
    path = save_model(randomise(model, 5), tmp_path / "options.keras")
    fast = FastForward(read_network(path))
    assert not fast.gives_logits
    x = np.random.default_rng(2).random((6, 28, 28)).astype(np.float32)
    assert_matches_tensorflow(fast, load_model(path), x, singles=3)


def test_works_from_a_description_of_a_keras_model_too():
    model = randomise(build_model(EVERY_LAYER_KIND, seed=7), 8)
    x = np.random.default_rng(3).random((5, 28, 28)).astype(np.float32)
    np.testing.assert_allclose(FastForward(describe(model)).run_batch(x), np.asarray(model(x, training=False)),
                               atol=ATOL)


def test_activations_belong_to_the_caller(digits):
    fast = FastForward(read_network(resource_path("models", "cnn.keras")))
    logits, activations = fast.run(digits[0])
    kept = [a.copy() for a in activations]
    activations[-1][...] = 0  # the caller's arrays: changing one changes nothing else
    np.testing.assert_array_equal(logits, kept[-1])
    fast.run(digits[1])       # nor does the next run
    for a, b in zip(activations[:-1], kept[:-1]):
        np.testing.assert_array_equal(a, b)
    assert fast.run(digits[0].reshape(1, 28, 28))[0].tolist() == logits.tolist()


def test_batches_are_cut_into_chunks_of_bounded_size(digits):
    fast = FastForward(read_network(resource_path("models", "cnn.keras")))
    assert 1 <= fast.batch_size <= 1024
    whole = fast.run_batch(digits[:10])
    fast.batch_size = 3  # 3 + 3 + 3 + 1 images
    np.testing.assert_allclose(fast.run_batch(digits[:10]), whole, atol=ATOL)  # other blocks: other rounding
    singles = np.stack([fast.run(image)[0] for image in digits[:10]])
    np.testing.assert_allclose(singles, whole, atol=ATOL)
    assert fast.run_batch(np.zeros((0, 28, 28), np.float32)).shape == (0, 10)
    assert fast.run_batch(digits[0]).shape == (1, 10)


def test_threads_each_get_their_own_buffers(digits):
    fast = FastForward(read_network(resource_path("models", "cnn.keras")))
    expected = [fast.run(image)[0] for image in digits[:16]]
    failures = []

    def work(order):
        for i in order * 5:
            if not np.array_equal(fast.run(digits[i])[0], expected[i]):
                failures.append(i)

    threads = [threading.Thread(target=work, args=(list(range(16))[::step],)) for step in (1, -1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures


def test_refuses_what_it_cannot_run():
    net = read_network(resource_path("models", "course-mlp.keras"))
    fast = FastForward(net)
    with pytest.raises(ValueError, match="28×28"):
        fast.run(np.zeros((27, 28), np.float32))
    with pytest.raises(ValueError, match="28×28"):
        fast.run_batch(np.zeros((3, 27, 28), np.float32))
    odd = LayerDescription(1, "memory", "LSTM", (10,))
    unknown = NetworkDescription("odd", net.input_shape, (net.layers[0], odd), ((), ()), True)
    with pytest.raises(ValueError, match="'memory'.*LSTM"):
        FastForward(unknown)
    wrong = NetworkDescription("odd", net.input_shape, net.layers[:2], net.weights[:2], True)
    with pytest.raises(ValueError, match="10 scores"):
        FastForward(wrong)


def test_reading_and_running_loads_neither_tensorflow_nor_keras(digits, tmp_path):
    np.save(tmp_path / "digits.npy", digits[:4])
    code = f"""
import sys
import numpy as np
from engine.keras_file import read_network
from engine.numpy_forward import FastForward
from engine.resources import resource_path
x = np.load({str(tmp_path / "digits.npy")!r})
for name in ("cnn", "course-mlp", "sigmoid-mlp"):
    fast = FastForward(read_network(resource_path("models", name + ".keras")))
    logits, activations = fast.run(x[0])
    assert fast.run_batch(x).shape == (4, 10) and len(activations) == len(fast.description.layers)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras", "PySide6", "tf_keras"))
assert not loaded, loaded
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(engine.__file__).parent.parent, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stdout + result.stderr

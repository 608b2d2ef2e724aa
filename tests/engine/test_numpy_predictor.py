"""NumpyPredictor: the TensorFlow-free recogniser gives what the TensorFlow Predictor gives —
probabilities, every layer's activations, the calibrated "not a digit" — for the shipped models
and random presets; it saves, swaps weights and calibrations like it; and the catalogue picks it
by default, falling back to TensorFlow only for a model only Keras can run."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine
from engine import catalogue
from engine.calibration import NOT_A_DIGIT, Calibration
from engine.data import default_mnist_path
from engine.keras_file import NeedsTensorFlow
from engine.model_files import ModelFileError, load_model, read_calibration, read_spec, save_model
from engine.models import build_model
from engine.numpy_predictor import NumpyPredictor
from engine.predictor import Predictor
from engine.resources import resource_path
from engine.spec import TrainingSpec
from tests.engine.model_specs import EVERY_LAYER_KIND
from tests.engine.test_fast_forward import ATOL, SHIPPED, SHIPPED_RTOL
from tests.engine.test_keras_file import randomise


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    with np.load(default_mnist_path()) as mnist:
        return mnist["x_test"][:48].astype(np.float32) / 255


def scribbles(n: int, seed: int = 0) -> np.ndarray:
    """Non-digits as drawn on the canvas (scribbles, letters, stars…): most get "not a digit"."""
    from engine.non_digits import render_non_digits

    return render_non_digits(n, np.random.default_rng(900 + seed))[0].astype(np.float32) / 255


def assert_same_predictions(ours: NumpyPredictor, theirs: Predictor, x: np.ndarray, rtol: float = 0.0) -> None:
    for image in x:
        a, b = ours.predict(image), theirs.predict(image)
        np.testing.assert_allclose(a.probabilities, b.probabilities, rtol=rtol, atol=ATOL)
        assert a.probabilities.dtype == np.float32 and a.digit == b.digit
        assert a.reason == b.reason and a.temperature == b.temperature
        np.testing.assert_array_equal(a.image, b.image)
        assert [(x.name, x.kind, x.values.shape) for x in a.activations] == \
               [(x.name, x.kind, x.values.shape) for x in b.activations]
        for mine, its in zip(a.activations, b.activations):
            np.testing.assert_allclose(mine.values, its.values, rtol=rtol, atol=ATOL, err_msg=mine.name)
    np.testing.assert_allclose(ours.logits_batch(x), theirs.logits_batch(x), rtol=rtol, atol=ATOL)
    np.testing.assert_allclose(ours.predict_batch(x), theirs.predict_batch(x), rtol=rtol, atol=ATOL)


@pytest.mark.parametrize("name", SHIPPED)
def test_equals_the_tensorflow_predictor_on_the_shipped_models(name, digits):
    path = resource_path("models", f"{name}.keras")
    ours = NumpyPredictor.from_file(path)
    theirs = Predictor(load_model(path), read_calibration(path))
    assert ours.calibration == theirs.calibration and not ours.calibration.is_identity
    x = np.concatenate([digits[:16], scribbles(8)])
    assert_same_predictions(ours, theirs, x, rtol=SHIPPED_RTOL)
    assert ours.model_name == theirs.model_name and ours.backend == "numpy" and theirs.backend == "tensorflow"
    refused = [ours.predict(image).reason == NOT_A_DIGIT for image in scribbles(24, seed=1)]
    assert sum(refused) >= 12, "the shipped models read most non-digits as not a digit"


@pytest.mark.parametrize("spec", ["course-mlp", "sigmoid-mlp", "cnn", EVERY_LAYER_KIND],
                         ids=["course-mlp", "sigmoid-mlp", "cnn", "every-layer-kind"])
def test_equals_the_tensorflow_predictor_on_random_presets(tmp_path, spec):
    calibration = Calibration(temperature=1.7, refuse_below=0.3, fitted_on="test")
    model = randomise(build_model(spec, seed=3), 4)
    path = save_model(model, tmp_path / "model.keras", calibration=calibration)
    x = np.random.default_rng(5).random((10, 28, 28)).astype(np.float32)
    assert_same_predictions(NumpyPredictor.from_file(path), Predictor(load_model(path), calibration), x)


def test_recognise_preprocesses_like_the_tensorflow_predictor():
    from engine.preprocess import load_image

    path = resource_path("models", "cnn.keras")
    ours, theirs = NumpyPredictor.from_file(path), Predictor(load_model(path), read_calibration(path))
    raw = load_image(resource_path("samples", "seven-dark-on-light.png"))
    a, b = ours.recognise(raw), theirs.recognise(raw)
    assert a.digit == b.digit == 7
    np.testing.assert_allclose(a.probabilities, b.probabilities, rtol=SHIPPED_RTOL, atol=ATOL)
    assert ours.recognise(np.zeros((60, 60), np.float32)) is None


def test_new_weights_and_calibrations_take_effect(digits):
    path = resource_path("models", "course-mlp.keras")
    ours, model = NumpyPredictor.from_file(path), load_model(path)
    weights = [w * 0.5 for w in model.get_weights()]
    model.set_weights(weights)
    ours.set_weights(weights)
    theirs = Predictor(model, read_calibration(path))
    assert_same_predictions(ours, theirs, digits[:4], rtol=SHIPPED_RTOL)
    np.testing.assert_array_equal(ours.network.flat_weights()[0], weights[0])
    with pytest.raises(ValueError):
        ours.set_weights(weights[:-1])     # another architecture: refused, the network unchanged
    np.testing.assert_array_equal(ours.network.flat_weights()[0], weights[0])
    plain = Calibration()
    ours.set_calibration(plain)
    theirs.set_calibration(plain)
    assert ours.calibration == plain
    assert_same_predictions(ours, theirs, digits[:4], rtol=SHIPPED_RTOL)


def test_save_copies_the_file_with_a_new_spec_and_calibration(tmp_path, digits):
    source = resource_path("models", "course-mlp.keras")
    ours = NumpyPredictor.from_file(source)
    calibration = Calibration(temperature=2.5, refuse_below=0.2, fitted_on="test")
    ours.set_calibration(calibration)
    spec = TrainingSpec.from_preset("course-mlp", epochs=2)
    with pytest.raises(ModelFileError, match=".keras"):
        ours.save(tmp_path / "copy.h5", spec=spec)
    saved = ours.save(tmp_path / "copy.keras", spec=spec)
    assert saved == tmp_path / "copy.keras" and saved.exists()
    assert read_spec(saved) == spec and read_calibration(saved) == calibration
    again = NumpyPredictor.from_file(saved)
    np.testing.assert_array_equal(again.logits_batch(digits[:8]), ours.logits_batch(digits[:8]))
    # Keras reads the copy too: it is a real model file, not only ours.
    np.testing.assert_allclose(Predictor(load_model(saved)).logits_batch(digits[:8]), ours.logits_batch(digits[:8]),
                               rtol=SHIPPED_RTOL, atol=ATOL)
    assert read_calibration(source) != calibration        # the source is untouched


def test_save_after_new_weights_writes_those_weights(tmp_path, digits):
    ours = NumpyPredictor.from_file(resource_path("models", "course-mlp.keras"))
    ours.set_weights([w * 0.25 for w in ours.network.flat_weights()])
    saved = ours.save(tmp_path / "changed.keras")
    np.testing.assert_allclose(NumpyPredictor.from_file(saved).logits_batch(digits[:8]),
                               ours.logits_batch(digits[:8]), atol=ATOL)


def test_save_to_a_place_that_cannot_take_it_raises_a_clear_error(tmp_path):
    ours = NumpyPredictor.from_file(resource_path("models", "course-mlp.keras"))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ModelFileError):
        ours.save(blocker / "model.keras")


def test_a_network_without_a_file_says_where_to_save_it(digits):
    from engine.keras_file import read_network

    network = read_network(resource_path("models", "course-mlp.keras"))
    with pytest.raises(ModelFileError, match="training run"):
        NumpyPredictor(network).save(Path("/tmp/never.keras"))


# -- the catalogue's backends -------------------------------------------------------------------------

def test_the_catalogue_reads_with_numpy_by_default_and_tensorflow_on_request():
    auto, numpy_, tf = (catalogue.load("cnn", backend=b) for b in ("auto", "numpy", "tensorflow"))
    assert isinstance(auto.predictor, NumpyPredictor) and isinstance(numpy_.predictor, NumpyPredictor)
    assert auto.device == catalogue.NUMPY_DEVICE == "CPU (NumPy)"
    assert isinstance(tf.predictor, Predictor) and tf.device != catalogue.NUMPY_DEVICE
    assert auto.spec == tf.spec is not None and auto.label == tf.label == "cnn (shipped)"
    with pytest.raises(ValueError, match="backend"):
        catalogue.load("cnn", backend="torch")


@pytest.fixture(scope="module")
def lambda_file(tmp_path_factory) -> Path:
    import keras

    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.Lambda(lambda t: t * 1.0), keras.layers.Dense(10)])
    path = tmp_path_factory.mktemp("lambda") / "lambda.keras"
    model.save(path)
    return path


def test_a_lambda_model_is_refused_by_numpy_and_left_to_tensorflow(lambda_file):
    with pytest.raises(NeedsTensorFlow, match="Lambda"):
        catalogue.load(str(lambda_file), backend="numpy")
    with pytest.raises(NeedsTensorFlow, match="Lambda"):
        NumpyPredictor.from_file(lambda_file)
    # auto: TensorFlow's safe-mode loader gets the file, and refuses the Lambda's code in turn.
    with pytest.raises(ModelFileError):
        catalogue.load(str(lambda_file), backend="auto")


def test_without_tensorflow_a_lambda_model_says_the_installation_lacks_it(lambda_file, monkeypatch):
    import engine.device

    monkeypatch.setattr(engine.device, "tensorflow_installed", lambda: False)
    with pytest.raises(NeedsTensorFlow, match="no TensorFlow"):
        catalogue.load(str(lambda_file), backend="auto")


def test_auto_falls_back_to_tensorflow_for_what_numpy_cannot_read(tmp_path, monkeypatch):
    """A file the NumPy reader does not know (simulated) but Keras loads: auto gives the TF Predictor."""
    import engine.numpy_predictor as numpy_predictor

    def refuse(cls, path):
        raise NeedsTensorFlow("layer 'x' is a FancyLayer, which only TensorFlow can run")

    monkeypatch.setattr(numpy_predictor.NumpyPredictor, "from_file", classmethod(refuse))
    loaded = catalogue.load("course-mlp")
    assert isinstance(loaded.predictor, Predictor) and loaded.device != catalogue.NUMPY_DEVICE


def test_loading_and_recognising_through_the_catalogue_never_imports_tensorflow():
    code = """
import sys
sys.modules["tensorflow"] = None    # "import tensorflow" fails, as in the booth build
sys.modules["keras"] = None
import numpy as np
from engine import catalogue
from engine.device import tensorflow_installed
assert not tensorflow_installed()
for name in ("cnn", "course-mlp", "sigmoid-mlp"):
    loaded, warning = catalogue.load_with_fallback(name)
    assert warning is None and loaded.device == "CPU (NumPy)", (name, loaded.device)
    image = np.zeros((28, 28), np.float32)
    image[4:24, 13:15] = 1.0
    assert loaded.predictor.predict(image).digit == 1, name
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(engine.__file__).parent.parent, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stdout + result.stderr

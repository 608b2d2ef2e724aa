"""read_network() reads a .keras file without TensorFlow into what describe() gives for the same
file loaded through Keras; it refuses, with NeedsTensorFlow, what only Keras can run, and with
ModelFileError what is not a readable digit model. Nothing from a file is ever executed."""
import json
import marshal
import zipfile
from pathlib import Path

import h5py  # imported before marshal.loads is watched below: imports read .pyc files with it
import numpy as np
import pytest

from engine.keras_file import NeedsTensorFlow, read_network
from engine.model_files import ModelFileError, load_model, save_model
from engine.models import build_model
from engine.network import NetworkDescription, describe
from engine.resources import resource_path
from tests.engine.model_specs import EVERY_LAYER_KIND

SHIPPED = ["cnn", "course-mlp", "sigmoid-mlp"]


def assert_same_network(ours: NetworkDescription, theirs: NetworkDescription) -> None:
    assert ours.name == theirs.name
    assert ours.input_shape == theirs.input_shape
    assert ours.gives_logits == theirs.gives_logits
    assert len(ours.layers) == len(theirs.layers)
    for a, b in zip(ours.layers, theirs.layers):
        assert a == b and a.params == b.params, (a, b)  # params are not part of == for a layer
    assert len(ours.weights) == len(theirs.weights)
    for info, a, b in zip(ours.layers, ours.weights, theirs.weights):
        assert len(a) == len(b), info.name
        for x, y in zip(a, b):
            assert x.dtype == y.dtype == np.float32 and not x.flags.writeable, info.name
            np.testing.assert_array_equal(x, y, err_msg=info.name)
    assert ours.parameter_count() == theirs.parameter_count()


def randomise(model, seed: int):
    """Non-trivial biases and batch-norm statistics (not Keras's fresh zeros and ones)."""
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        kind = type(layer).__name__
        if kind == "BatchNormalization":
            n = layer.get_weights()[0].shape[0]
            layer.set_weights([rng.uniform(0.5, 1.5, n), rng.normal(0, 0.3, n),
                               rng.normal(0, 0.3, n), rng.uniform(0.3, 2.0, n)][-len(layer.get_weights()):])
        elif kind in ("Dense", "Conv2D") and len(layer.get_weights()) == 2:
            kernel, bias = layer.get_weights()
            layer.set_weights([kernel, rng.normal(0, 0.1, bias.shape)])
    return model


@pytest.fixture(scope="module")
def all_kinds_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("models") / "all-kinds.keras"
    save_model(randomise(build_model(EVERY_LAYER_KIND, seed=0), 1), path)
    return path


def rewrite(src: Path, dst: Path, edit=None, drop=(), replace=None) -> Path:
    """A copy of the zip ``src`` with its config edited (``edit(config)``), members dropped or replaced."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            data = zin.read(item.filename)
            if item.filename == "config.json" and edit is not None:
                config = json.loads(data)
                edit(config)
                data = json.dumps(config).encode()
            zout.writestr(item.filename, (replace or {}).get(item.filename, data))
    return dst


def layer_config(config: dict, name: str) -> dict:
    return next(layer for layer in config["config"]["layers"] if layer["config"]["name"] == name)


# -- what it reads ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SHIPPED)
def test_reads_the_shipped_models_as_describe_does(name):
    path = resource_path("models", f"{name}.keras")
    assert_same_network(read_network(path), describe(load_model(path)))


@pytest.mark.parametrize("spec", ["course-mlp", "sigmoid-mlp", "cnn", EVERY_LAYER_KIND],
                         ids=["course-mlp", "sigmoid-mlp", "cnn", "every-layer-kind"])
def test_reads_built_presets_as_describe_does(tmp_path, spec):
    model = randomise(build_model(spec, seed=3), 4)
    path = save_model(model, tmp_path / "model.keras")
    ours = read_network(path)
    assert_same_network(ours, describe(load_model(path)))
    assert_same_network(ours, describe(model))


def test_reads_other_options_of_the_layers_it_knows(tmp_path):
    """'same' padding, strides, pools that do not tile the image, no bias, batch norm without scale
    or centre, an Activation layer ending in softmax."""
    import keras

    layers = keras.layers
    model = keras.Sequential([
        keras.Input((28, 28), name="pixels"), layers.Reshape((28, 28, 1)),
        layers.Conv2D(5, 3, strides=2, padding="same", activation="sigmoid"),
        layers.AveragePooling2D(3, strides=2, padding="same"),
        layers.Conv2D(4, (2, 3), padding="same", use_bias=False, activation="tanh"),
        layers.MaxPooling2D(2, strides=1),
        layers.BatchNormalization(scale=False, center=False, epsilon=0.01),
        layers.Conv2D(3, 1, activation="relu"), layers.Flatten(), layers.Dropout(0.2),
        layers.Dense(10, use_bias=False), layers.Activation("softmax")], name="options")
    path = save_model(randomise(model, 5), tmp_path / "options.keras")
    ours = read_network(path)
    assert_same_network(ours, describe(load_model(path)))
    assert not ours.gives_logits
    assert [i.shape for i in ours.layers[:5]] == [(28, 28, 1), (14, 14, 5), (7, 7, 5), (7, 7, 4), (6, 6, 4)]


def test_reads_a_functional_model_that_is_a_chain(tmp_path):
    import keras

    inputs = keras.Input((28, 28, 1), name="image")
    x = keras.layers.Conv2D(4, 3, activation="relu")(inputs)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(10)(keras.layers.Dense(16, activation="relu")(x))
    path = save_model(keras.Model(inputs, outputs, name="chain"), tmp_path / "chain.keras")
    assert_same_network(read_network(path), describe(load_model(path)))


def test_finds_weights_by_layer_name_when_the_groups_are_named_otherwise(tmp_path, all_kinds_file):
    """Keras names weight groups after the layer's class (dense, dense_1...); their 'name' attribute
    says which layer they belong to, and the reader follows it."""
    with zipfile.ZipFile(all_kinds_file) as archive:
        original = archive.read("model.weights.h5")
    work = tmp_path / "weights.h5"
    work.write_bytes(original)
    with h5py.File(work, "r+") as h5:  # swap the groups of the two Dense layers
        h5.move("layers/dense", "layers/tmp")
        h5.move("layers/dense_1", "layers/dense")
        h5.move("layers/tmp", "layers/dense_1")
    swapped = rewrite(all_kinds_file, tmp_path / "swapped.keras", replace={"model.weights.h5": work.read_bytes()})
    assert_same_network(read_network(swapped), read_network(all_kinds_file))


# -- what it refuses -------------------------------------------------------------------------------

def test_a_lambda_layer_is_refused_and_never_run(tmp_path, monkeypatch):
    import keras

    marker = tmp_path / "the-lambda-ran"
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.Lambda(lambda t, path=str(marker): (open(path, "w").close(), t)[1]),
                              keras.layers.Dense(10)])
    assert marker.exists()  # the detector works: building the model ran the lambda
    marker.unlink()
    path = tmp_path / "lambda.keras"
    model.save(path)
    assert not marker.exists()

    def no_code(*args):
        raise AssertionError("code from the file was deserialised")

    monkeypatch.setattr(marshal, "loads", no_code)  # how Keras turns a Lambda's bytes into code
    with pytest.raises(NeedsTensorFlow, match="'lambda'.*Lambda.*TensorFlow|TensorFlow.*'lambda'.*Lambda") as info:
        read_network(path)
    monkeypatch.undo()
    assert isinstance(info.value, ModelFileError)
    assert not marker.exists()


def test_a_nested_model_is_refused(tmp_path):
    import keras

    inner = keras.Sequential([keras.layers.Dense(10)], name="inner")
    path = tmp_path / "nested.keras"
    keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), inner]).save(path)
    with pytest.raises(NeedsTensorFlow, match="'inner'.*nested"):
        read_network(path)


def test_a_functional_model_that_is_not_a_chain_is_refused(tmp_path):
    import keras

    inputs = keras.Input((28, 28))
    shared = keras.layers.Dense(10, name="shared")
    outputs = shared(shared(keras.layers.Dense(10)(keras.layers.Flatten()(inputs))))
    path = tmp_path / "shared.keras"
    keras.Model(inputs, outputs).save(path)
    with pytest.raises(NeedsTensorFlow, match="chain"):
        read_network(path)


def _set(name, key, value):
    def edit(config):
        layer_config(config, name)["config"][key] = value
    return edit


def _set_entry(name, key, value):
    def edit(config):
        layer_config(config, name)[key] = value
    return edit


@pytest.mark.parametrize("edit, words", [
    (_set_entry("dense_1", "class_name", "LSTM"), r"'dense_1'.*kind.*\(LSTM\)"),
    (_set_entry("dense_1", "registered_name", "MyPackage>Dense"), r"'dense_1'.*custom layer \(MyPackage>Dense\)"),
    (_set_entry("dense_1", "module", "my_package.layers"), r"'dense_1'.*custom layer"),
    (_set("conv_1", "dilation_rate", [2, 2]), r"'conv_1'.*dilation_rate"),
    (_set("conv_1", "groups", 2), r"'conv_1'.*groups"),
    (_set("maxpool_1", "data_format", "channels_first"), r"'maxpool_1'.*channels_first"),
    (_set("dense_1", "activation", "gelu"), r"'dense_1'.*activation 'gelu'"),
    (_set("dense_1", "activation", {"module": "builtins", "class_name": "function", "config": "eval",
                                   "registered_name": "function"}), r"'dense_1'.*custom activation"),
    (_set("conv_1", "dtype", "mixed_float16"), r"'conv_1'.*mixed_float16"),
    (_set("batchnorm_1", "renorm", True), r"'batchnorm_1'.*renorm"),
    (lambda config: config.update(class_name="MyModel", registered_name="Custom>MyModel"), r"custom code"),
], ids=["unknown-kind", "registered", "other-module", "dilation", "groups", "channels-first",
        "activation", "custom-activation", "dtype", "renorm", "subclassed-model"])
def test_what_needs_keras_is_refused_by_name(tmp_path, all_kinds_file, edit, words):
    path = rewrite(all_kinds_file, tmp_path / "edited.keras", edit=edit)
    with pytest.raises(NeedsTensorFlow, match=words) as info:
        read_network(path)
    assert "needs the full TensorFlow installation" in str(info.value)


def test_a_model_that_is_not_a_digit_model_is_refused(tmp_path):
    import keras

    path = tmp_path / "five.keras"
    keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Dense(5)]).save(path)
    with pytest.raises(ModelFileError, match="gives output of shape \\(5,\\); a digit model gives 10") as info:
        read_network(path)
    assert not isinstance(info.value, NeedsTensorFlow)
    path = tmp_path / "wide.keras"
    keras.Sequential([keras.Input((32, 32)), keras.layers.Flatten(), keras.layers.Dense(10)]).save(path)
    with pytest.raises(ModelFileError, match="takes input of shape \\(32, 32\\)"):
        read_network(path)


# -- damaged files ---------------------------------------------------------------------------------

def _damaged(kind: str, src: Path, tmp: Path) -> Path:
    dst = tmp / "damaged.keras"
    data = src.read_bytes()
    if kind == "missing":
        return tmp / "nowhere.keras"
    if kind == "folder":
        folder = tmp / "folder.keras"
        folder.mkdir()
        return folder
    if kind == "garbage":
        dst.write_bytes(b"\x00\xffnot a zip at all" * 100)
    elif kind == "empty":
        dst.write_bytes(b"")
    elif kind == "truncated":
        dst.write_bytes(data[: len(data) // 2])
    elif kind == "corrupt-member":
        with zipfile.ZipFile(src) as archive:
            info = archive.getinfo("model.weights.h5")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        flipped = bytearray(data)
        for i in range(start + 100, start + 200):
            flipped[i] ^= 0xFF
        dst.write_bytes(bytes(flipped))
    elif kind == "no-config":
        rewrite(src, dst, drop=("config.json",))
    elif kind == "no-weights":
        rewrite(src, dst, drop=("model.weights.h5",))
    elif kind == "bad-json":
        rewrite(src, dst, replace={"config.json": b'{"class_name": "Sequential", "config": {'})
    elif kind == "not-a-model":
        rewrite(src, dst, replace={"config.json": b"[1, 2, 3]"})
    elif kind == "garbage-weights":
        rewrite(src, dst, replace={"model.weights.h5": b"HDF? no" * 50})
    elif kind == "wrong-weights":
        rewrite(src, dst, edit=_set("dense_1", "units", 13))
    elif kind == "missing-weights":
        with zipfile.ZipFile(src) as archive:
            (tmp / "w.h5").write_bytes(archive.read("model.weights.h5"))
        with h5py.File(tmp / "w.h5", "r+") as h5:
            del h5["layers/conv2d/vars/1"]
        rewrite(src, dst, replace={"model.weights.h5": (tmp / "w.h5").read_bytes()})
    return dst


DAMAGE = {
    "missing": "not found", "folder": "is a folder", "garbage": "not a Keras model file",
    "empty": "not a Keras model file", "truncated": "not a Keras model file|damaged",
    "corrupt-member": "damaged", "no-config": "no config.json", "no-weights": "holds no weights",
    "bad-json": "not valid JSON", "not-a-model": "does not describe a model",
    "garbage-weights": "weights cannot be read", "wrong-weights": r"'dense_1'.*shape",
    "missing-weights": r"'conv_1' has 1 weight arrays",
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_file_gives_a_clear_model_file_error(tmp_path, all_kinds_file, kind):
    path = _damaged(kind, all_kinds_file, tmp_path)
    with pytest.raises(ModelFileError, match=DAMAGE[kind]) as info:
        read_network(path)
    assert not isinstance(info.value, NeedsTensorFlow)

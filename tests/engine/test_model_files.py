import os
import time

import keras
import numpy as np
import pytest

from engine.model_files import ModelFileError, load_model, save_model
from engine.models import build_model
from engine.resources import SHIPPED_MODELS, shipped_model_path


@pytest.fixture(scope="module")
def model():
    return build_model("course-mlp", seed=0)


def test_save_and_load_round_trip(tmp_path, model):
    path = save_model(model, tmp_path / "sub" / "m.keras")
    loaded = load_model(path)
    x = np.random.default_rng(0).random((4, 28, 28)).astype(np.float32)
    np.testing.assert_allclose(loaded(x), model(x), atol=1e-6)
    assert list(tmp_path.joinpath("sub").iterdir()) == [path]  # no temporary left behind


def test_a_crash_mid_save_leaves_the_previous_file_intact(tmp_path, model, monkeypatch):
    path = save_model(model, tmp_path / "m.keras")
    before = path.read_bytes()

    def crash(self, filepath, *args, **kwargs):
        with open(filepath, "wb") as f:
            f.write(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(keras.Model, "save", crash)
    with pytest.raises(ModelFileError, match="disk full"):
        save_model(model, path)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_wrong_extension_is_refused(tmp_path, model):
    with pytest.raises(ModelFileError, match=".keras"):
        save_model(model, tmp_path / "m.h5")


@pytest.mark.parametrize("content, message", [
    (b"", "not a Keras model file"),
    (bytes(np.random.default_rng(0).integers(0, 256, 5000, dtype=np.uint8)), "not a Keras model file"),
])
def test_garbage_files_give_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.keras"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=message):
        load_model(path)


def test_truncated_file_gives_a_clear_error(tmp_path, model):
    path = save_model(model, tmp_path / "m.keras")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError, match="m.keras"):
        load_model(path)


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="not found"):
        load_model(tmp_path / "none.keras")


def test_wrong_shapes_are_refused(tmp_path):
    wrong_out = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Dense(4)])
    wrong_in = keras.Sequential([keras.Input((32, 32)), keras.layers.Flatten(), keras.layers.Dense(10)])
    wrong_out.save(tmp_path / "out.keras")
    wrong_in.save(tmp_path / "in.keras")
    with pytest.raises(ModelFileError, match="10"):
        load_model(tmp_path / "out.keras")
    with pytest.raises(ModelFileError, match="28"):
        load_model(tmp_path / "in.keras")


def test_custom_code_is_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.Lambda(lambda x: x * 2), keras.layers.Dense(10)])
    model.save(tmp_path / "lambda.keras")
    with pytest.raises(ModelFileError, match="custom code"):
        load_model(tmp_path / "lambda.keras")
    assert not marker.exists()


@pytest.mark.parametrize("name", ["cnn", "course-mlp"])
def test_shipped_models_load(name):
    assert name in SHIPPED_MODELS
    model = load_model(shipped_model_path(name))
    assert tuple(model.outputs[0].shape)[1:] == (10,)


def test_a_folder_is_named_as_a_folder(tmp_path):
    with pytest.raises(ModelFileError, match="is a folder, not a .keras model file"):
        load_model(tmp_path)


def test_a_save_clears_temporaries_left_by_a_killed_save_but_not_a_save_in_progress(tmp_path, model):
    """A save killed between writing and renaming leaves ``.NAME-XXXXXXXX.keras`` (private, like
    mkstemp makes it) behind; the next save into the folder removes such files once they are older
    than STALE_TEMP_SECONDS, and nothing else."""
    hour_ago = time.time() - 3600
    stale = [tmp_path / ".m-k3x_9qa2.keras", tmp_path / ".other-abcdefgh.keras"]
    fresh = tmp_path / ".m-zz01yy02.keras"                      # another process is writing it now
    unrelated = [tmp_path / ".m-abc.keras", tmp_path / "m-abcdefgh.keras", tmp_path / ".m-abcdefgh.h5",
                 tmp_path / ".m-ABCDEFGH.keras"]
    for path in stale + [fresh] + unrelated:
        path.write_bytes(b"half a file")
        os.chmod(path, 0o600)
    users_own = tmp_path / ".backup-20240101.keras"              # the pattern, but an ordinary file
    users_own.write_bytes(b"a model")
    os.chmod(users_own, 0o644)
    for path in stale + unrelated + [users_own]:
        os.utime(path, (hour_ago, hour_ago))
    saved = save_model(model, tmp_path / "m.keras")
    kept = [saved, fresh] + unrelated + ([users_own] if os.name == "posix" else [])
    assert sorted(tmp_path.iterdir()) == sorted(kept)


# --- the training spec inside a model file ---------------------------------------------------------


def test_a_saved_spec_is_read_back_and_keras_still_loads_the_file_in_safe_mode(tmp_path, model):
    import zipfile

    from engine.model_files import SPEC_MEMBER, read_spec
    from engine.spec import TrainingSpec

    spec = TrainingSpec("course-mlp", epochs=3, augment=True, lr_decay=0.9, seed=4)
    path = save_model(model, tmp_path / "m.keras", spec=spec)
    assert read_spec(path) == spec
    with zipfile.ZipFile(path) as archive:
        assert SPEC_MEMBER in archive.namelist()
        assert TrainingSpec.from_json(archive.read(SPEC_MEMBER)) == spec
    plain = keras.models.load_model(path, compile=False, safe_mode=True)
    x = np.random.default_rng(0).random((4, 28, 28)).astype(np.float32)
    np.testing.assert_allclose(plain(x), model(x), atol=1e-6)
    np.testing.assert_allclose(load_model(path)(x), model(x), atol=1e-6)
    assert list(tmp_path.iterdir()) == [path]  # no temporary left behind


def test_files_without_a_spec_give_none(tmp_path, model):
    from engine.model_files import read_spec

    assert read_spec(save_model(model, tmp_path / "m.keras")) is None


def test_the_shipped_models_carry_the_spec_of_the_readme_training_commands():
    from engine.model_files import read_spec

    specs = {name: read_spec(shipped_model_path(name)) for name in SHIPPED_MODELS}
    assert {name: (s.model.name, s.data, s.epochs, s.augment, s.lr_decay) for name, s in specs.items()} == {
        "cnn": ("cnn", "people", 15, True, 0.85),
        "course-mlp": ("course-mlp", "people", 60, True, 0.95),
        "sigmoid-mlp": ("sigmoid-mlp", "people", 60, True, 0.95)}
    assert specs["sigmoid-mlp"].learning_rate == 0.003 and specs["course-mlp"].batch_size == 32


@pytest.mark.parametrize("content", [b"{not json", b'{"version": 99, "model": "cnn"}', b'{"version": 1}',
                                     b'{"version": 1, "model": "cnn", "epochs": -2}'])
def test_a_corrupt_spec_is_none_with_a_warning_never_a_crash(tmp_path, model, caplog, content):
    import zipfile

    from engine.model_files import SPEC_MEMBER, read_spec

    path = save_model(model, tmp_path / "m.keras")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(SPEC_MEMBER, content)
    with caplog.at_level("WARNING", logger="engine.model_files"):
        assert read_spec(path) is None
    assert "m.keras" in caplog.text
    load_model(path)  # the model itself is still fine


def test_read_spec_of_an_unreadable_file_is_none(tmp_path):
    from engine.model_files import read_spec

    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"not a zip")
    assert read_spec(bad) is None
    assert read_spec(tmp_path / "missing.keras") is None

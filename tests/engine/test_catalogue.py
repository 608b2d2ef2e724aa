"""The one model lookup: shipped names, user models, paths, labels and the fallback chain."""
import shutil
from pathlib import Path

import numpy as np
import pytest

from engine import catalogue
from engine.model_files import ModelFileError
from engine.paths import user_models_dir
from engine.resources import DEFAULT_MODEL, SHIPPED_MODELS, shipped_model_path
from engine.spec import TrainingSpec


def _user_model(name: str, source: str = "course-mlp") -> Path:
    folder = user_models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(shipped_model_path(source), folder / name))


def test_resolve_shipped_names_user_models_and_paths(tmp_path):
    assert catalogue.resolve("cnn") == shipped_model_path("cnn")
    assert catalogue.resolve(None) == shipped_model_path(DEFAULT_MODEL)
    assert catalogue.resolve("mine") == Path("mine")            # no such user model: a path
    mine = _user_model("mine.keras")
    assert catalogue.resolve("mine") == mine
    assert catalogue.resolve("mine.keras") == mine
    elsewhere = tmp_path / "other.keras"
    assert catalogue.resolve(str(elsewhere)) == elsewhere
    assert catalogue.resolve(elsewhere) == elsewhere             # a Path is fine too
    _user_model("cnn.keras")                                     # a user file never hides a shipped model
    assert catalogue.resolve("cnn") == shipped_model_path("cnn")


def test_labels():
    assert catalogue.label("cnn") == "cnn (shipped)"
    assert catalogue.label(None) == f"{DEFAULT_MODEL} (shipped)"
    assert catalogue.label("/some/where/digits.keras") == "digits.keras"
    _user_model("mine.keras")
    assert catalogue.label("mine") == "mine.keras"


def test_user_models_lists_the_models_folder():
    assert catalogue.user_models() == []
    b, a = _user_model("b.keras"), _user_model("A.keras")
    (user_models_dir() / ".b-abcdefgh.keras").write_bytes(b"a save in progress")
    (user_models_dir() / "notes.txt").write_text("not a model")
    assert catalogue.user_models() == [a, b]


def test_fallback_chain_order():
    others = [m for m in SHIPPED_MODELS if m != DEFAULT_MODEL]
    assert catalogue.fallback_chain("mine.keras") == ["mine.keras", DEFAULT_MODEL, *others]
    assert catalogue.fallback_chain(None) == [DEFAULT_MODEL, *others]
    assert catalogue.fallback_chain(DEFAULT_MODEL) == [DEFAULT_MODEL, *others]
    assert catalogue.fallback_chain("course-mlp") == ["course-mlp", DEFAULT_MODEL,
                                                      *[m for m in others if m != "course-mlp"]]
    # the shipped file named by its path is the shipped model: tried once
    by_path = str(shipped_model_path(DEFAULT_MODEL))
    assert catalogue.fallback_chain(by_path) == [by_path, *others]


def test_load_gives_a_ready_predictor_with_its_label_and_spec(tmp_path):
    loaded = catalogue.load("course-mlp")
    assert loaded.ref == "course-mlp" and loaded.label == "course-mlp (shipped)"
    assert loaded.spec.model.name == "course-mlp" and loaded.spec.data == "people"   # trained by main.py train
    assert loaded.device and loaded.seconds > 0
    assert loaded.predictor.predict_batch(np.zeros((2, 28, 28), np.float32)).shape == (2, 10)

    from engine.model_files import load_model, save_model

    spec = TrainingSpec("course-mlp", epochs=2)
    save_model(load_model(shipped_model_path("course-mlp")), user_models_dir() / "mine.keras", spec=spec)
    mine = catalogue.load("mine")
    assert mine.ref == "mine" and mine.label == "mine.keras" and mine.spec == spec


def test_a_broken_remembered_model_falls_back_to_the_default(tmp_path):
    broken = tmp_path / "broken.keras"
    broken.write_text("not a model")
    loaded, reason = catalogue.load_with_fallback(str(broken))
    assert loaded.ref == DEFAULT_MODEL and loaded.label == f"{DEFAULT_MODEL} (shipped)"
    assert reason.startswith("broken.keras is not a Keras model file")
    assert reason.endswith(f" — using the shipped {DEFAULT_MODEL} instead.")
    loaded, reason = catalogue.load_with_fallback(str(tmp_path / "gone.keras"), chain=False)
    assert loaded.ref == DEFAULT_MODEL and "not found" in reason


def test_a_model_that_loads_gives_no_reason():
    loaded, reason = catalogue.load_with_fallback("course-mlp")
    assert loaded.ref == "course-mlp" and reason is None


def test_the_chain_goes_on_past_a_broken_default(monkeypatch, tmp_path):
    real_load, tried = catalogue.load, []

    def load(ref, backend="auto"):
        tried.append(ref)
        if ref in (str(tmp_path / "gone.keras"), DEFAULT_MODEL):
            raise ModelFileError(f"{Path(ref).name} is damaged")
        return real_load(ref)

    monkeypatch.setattr(catalogue, "load", load)
    loaded, reason = catalogue.load_with_fallback(str(tmp_path / "gone.keras"))
    second = catalogue.fallback_chain(None)[1]
    assert tried == [str(tmp_path / "gone.keras"), DEFAULT_MODEL, second] and loaded.ref == second
    assert reason == f"gone.keras is damaged — using the shipped {second} instead."
    # the window's lookup stops at the default: nothing loads, and the first error is raised
    tried.clear()
    with pytest.raises(ModelFileError, match="gone.keras is damaged"):
        catalogue.load_with_fallback(str(tmp_path / "gone.keras"), chain=False)
    assert tried == [str(tmp_path / "gone.keras"), DEFAULT_MODEL]


def test_nothing_loads_raises_the_first_error(monkeypatch):
    def load(ref, backend="auto"):
        raise ModelFileError(f"no {ref}")

    monkeypatch.setattr(catalogue, "load", load)
    with pytest.raises(ModelFileError, match="no mine"):
        catalogue.load_with_fallback("mine")


def test_wrap_a_model_being_trained():
    predictor = object()
    spec = TrainingSpec("cnn")
    wrapped = catalogue.wrap(predictor, "cnn (training)", device="CPU", spec=spec)
    assert wrapped == catalogue.LoadedModel(predictor, None, "cnn (training)", "CPU", 0.0, spec)
    assert catalogue.wrap(predictor, "x").device   # asked of TensorFlow

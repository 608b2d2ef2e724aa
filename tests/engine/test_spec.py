"""TrainingSpec: one value for how a network is trained; JSON round trips and clear errors."""
import json

import pytest

from engine.models import PRESETS, LayerSpec, ModelSpec
from engine.spec import SPEC_VERSION, TrainingSpec
from engine.training_run import TrainingConfig

CUSTOM = ModelSpec("tiny-conv", (LayerSpec("conv2d", filters=4, kernel=3, activation="relu"),
                                 LayerSpec("maxpool", pool=2), LayerSpec("flatten"),
                                 LayerSpec("dropout", rate=0.25),
                                 LayerSpec("dense", units=10, activation="linear")))


@pytest.mark.parametrize("spec", [
    TrainingSpec(PRESETS["course-mlp"]),
    TrainingSpec.from_preset("cnn", epochs=3, batch_size=64, learning_rate=3e-4, optimizer="sgd", augment=True,
                             augment_strength=0.7, lr_decay=0.85, train_size=12_345, validation_size=1000, seed=7),
    TrainingSpec(CUSTOM, learning_rate=0.1 + 0.2, augment=True),   # a float without a short decimal form
])
def test_json_round_trip_is_exact(spec):
    text = spec.to_json()
    data = json.loads(text)
    assert data["version"] == SPEC_VERSION and data["model"]["name"] == spec.model.name
    assert TrainingSpec.from_json(text) == spec
    assert TrainingSpec.from_dict(spec.to_dict()) == spec
    assert TrainingSpec.from_json(spec.to_json(indent=2)).to_json() == text


def test_a_preset_name_is_resolved_to_its_model_spec():
    assert TrainingSpec("cnn").model == PRESETS["cnn"]
    assert TrainingSpec.from_preset("sigmoid-mlp").model == PRESETS["sigmoid-mlp"]
    with pytest.raises(ValueError, match="unknown model preset 'resnet'"):
        TrainingSpec("resnet")


def test_the_augmentation_strength_rule():
    """None means 1.0 for a convolutional network, 0.5 for a dense one; a given value wins."""
    assert TrainingSpec("cnn").resolved_augment_strength == 1.0
    assert TrainingSpec(CUSTOM).resolved_augment_strength == 1.0
    assert TrainingSpec("course-mlp").resolved_augment_strength == 0.5
    assert TrainingSpec("course-mlp", augment=True).config().augment_strength == 0.5
    assert TrainingSpec("cnn", augment=True).config().augment_strength == 1.0
    assert TrainingSpec("course-mlp", augment_strength=0.8).config().augment_strength == 0.8
    # the rule is kept as the rule in the JSON, not frozen into a number
    assert TrainingSpec("course-mlp").to_dict()["augment_strength"] is None


def test_config_carries_every_training_setting():
    spec = TrainingSpec("cnn", epochs=2, batch_size=32, augment=True, lr_decay=0.9, train_size=500,
                        validation_size=300, seed=3)
    assert spec.config() == TrainingConfig(epochs=2, batch_size=32, augment=True, augment_strength=1.0,
                                           lr_decay=0.9, train_size=500, validation_size=300, seed=3)


@pytest.mark.parametrize("changes, message", [
    ({"epochs": 0}, "epochs must be >= 1"),
    ({"batch_size": 0}, "batch size must be >= 1"),
    ({"learning_rate": 0.0}, "learning rate must be a positive number"),
    ({"learning_rate": -1e-3}, "learning rate must be a positive number"),
    ({"learning_rate": float("nan")}, "learning_rate must be a finite number"),
    ({"optimizer": "rmsprop"}, "unknown optimizer 'rmsprop'"),
    ({"augment_strength": 3.0}, r"augmentation strength must be in \(0, 2\]"),
    ({"lr_decay": 1.5}, r"learning-rate decay must be in \(0, 1\]"),
    ({"train_size": 0}, "training-set size must be >= 1"),
    ({"validation_size": 0}, "validation-set size must be >= 1"),
    ({"seed": -1}, "seed must be >= 0"),
    ({"data": "emnist"}, "unknown training data 'emnist'"),
    ({"epochs": 2.5}, "epochs must be a whole number"),
    ({"epochs": True}, "epochs must be a whole number"),
    ({"augment": "yes"}, "augment must be true or false"),
])
def test_bad_values_are_value_errors_that_say_which(changes, message):
    with pytest.raises(ValueError, match=message):
        TrainingSpec("course-mlp", **changes)
    good = TrainingSpec("course-mlp").to_dict()
    with pytest.raises(ValueError, match=message):
        TrainingSpec.from_dict({**good, **changes})


@pytest.mark.parametrize("data, message", [
    ({"epochs": 5}, "no valid version"),
    ({"version": 99}, "version 99 is newer"),
    ({"colour": "red"}, "unknown training spec key: 'colour'"),
    ({"model": None}, "model must be a preset's name or an object"),
    ({"model": {"name": "x", "layers": [{"kind": "dense", "units": 10, "wings": 2}]}}, "model is invalid"),
    ({"model": {"name": "x", "layers": [{"kind": "dense", "units": 5}]}}, "must end with a dense layer of 10"),
    ({"model": {"name": "x", "layers": [{"kind": "teleport"}]}}, "unknown layer kind"),
])
def test_bad_dicts_are_value_errors(data, message):
    good = TrainingSpec("course-mlp").to_dict()
    merged = {**good, **data}
    if "version" not in data and "epochs" in data:
        del merged["version"]
    with pytest.raises(ValueError, match=message):
        TrainingSpec.from_dict(merged)


def test_a_missing_model_and_bad_json_are_value_errors():
    data = TrainingSpec("course-mlp").to_dict()
    del data["model"]
    with pytest.raises(ValueError, match="no model"):
        TrainingSpec.from_dict(data)
    with pytest.raises(ValueError, match="not valid JSON"):
        TrainingSpec.from_json("{not json")
    with pytest.raises(ValueError, match="JSON object"):
        TrainingSpec.from_json("[1, 2]")


def test_missing_settings_take_the_defaults():
    spec = TrainingSpec.from_dict({"version": SPEC_VERSION, "model": "cnn", "epochs": 2})
    assert spec == TrainingSpec("cnn", epochs=2)


def test_from_preset_and_replace_refuse_unknown_settings():
    with pytest.raises(ValueError, match="epochz"):
        TrainingSpec.from_preset("cnn", epochz=3)
    with pytest.raises(ValueError, match="unknown model preset"):
        TrainingSpec.from_preset("nope")
    spec = TrainingSpec("cnn")
    assert spec.replace(epochs=9) == TrainingSpec("cnn", epochs=9)
    with pytest.raises(ValueError, match="epochs must be >= 1"):
        spec.replace(epochs=0)


def test_specs_are_frozen_and_hashable():
    spec = TrainingSpec("cnn")
    with pytest.raises(AttributeError):
        spec.epochs = 3
    assert len({spec, TrainingSpec("cnn"), TrainingSpec("cnn", seed=1)}) == 2


def test_summary_names_the_settings():
    text = TrainingSpec("course-mlp", epochs=1, augment=True, train_size=2000).summary()
    assert text.startswith("course-mlp · 1 epoch · batch 128") and "augmented ×0.5" in text
    assert "2,000 images" in text

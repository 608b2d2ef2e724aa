import json

import numpy as np
import pytest

from engine.models import PRESETS, LayerSpec, ModelSpec, build_model, dense_spec


def test_course_mlp_is_the_25_15_10_relu_network():
    model = build_model("course-mlp")
    dense = [layer for layer in model.layers if type(layer).__name__ == "Dense"]
    assert [layer.units for layer in dense] == [25, 15, 10]
    assert [layer.activation.__name__ for layer in dense] == ["relu", "relu", "linear"]
    assert model.loss.get_config()["from_logits"] is True
    assert type(model.optimizer).__name__ == "Adam"
    assert np.isclose(float(model.optimizer.learning_rate.numpy()), 1e-3)


def test_sigmoid_mlp_uses_sigmoid_hidden_layers():
    model = build_model("sigmoid-mlp")
    acts = [layer.activation.__name__ for layer in model.layers if type(layer).__name__ == "Dense"]
    assert acts == ["sigmoid", "sigmoid", "linear"]


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_maps_28x28_to_10_logits(name):
    model = build_model(name)
    out = model(np.zeros((3, 28, 28), np.float32))
    assert tuple(out.shape) == (3, 10)


def test_spec_round_trips_through_json_and_builds():
    spec = dense_spec("mine", [(64, "tanh"), (32, "sigmoid")], conv_front=True)
    again = ModelSpec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert again == spec
    model = build_model(again, optimizer="sgd", learning_rate=0.01)
    assert type(model.optimizer).__name__ == "SGD"
    assert any(type(layer).__name__ == "Conv2D" for layer in model.layers)


@pytest.mark.parametrize("layers, message", [
    ((LayerSpec("dense", units=5),), "10 units"),
    ((LayerSpec("dense", units=10), LayerSpec("dropout", rate=0.1)), "end with"),
    ((LayerSpec("dense", units=8, activation="relu"), LayerSpec("conv2d", filters=4),
      LayerSpec("dense", units=10)), "before the dense"),
])
def test_invalid_specs_are_rejected(layers, message):
    with pytest.raises(ValueError, match=message):
        ModelSpec("bad", layers)


def test_invalid_layer_rows_are_rejected():
    with pytest.raises(ValueError, match="activation"):
        LayerSpec("dense", units=3, activation="swishy")
    with pytest.raises(ValueError, match="kind"):
        LayerSpec("lstm")
    with pytest.raises(ValueError):
        build_model("no-such-preset")

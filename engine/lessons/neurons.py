"""Lesson "Neurons and layers": one unit's numbers, a_j^[l] = g(w_j^[l] · a^[l−1] + b_j^[l]).

Everything comes from the model in use (``engine.network.NetworkDescription``: the unit's weights
w_j, its bias b_j and the layer's activation g) and the drawing's ``engine.predictor.Prediction``
(a^[l−1], the numbers the layer read, and the unit's activation the network computed, which the
lesson's value must equal). The course numbers the layers of units from 1 (the input is a^[0])
and the units of a layer from 1; ``NeuronNumbers.unit`` is the 0-based index into the arrays.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.network import NetworkDescription
from engine.numpy_forward import ACTIVATIONS, dense_unit, softmax

# Layers that only pass their input on (reshaped, or unchanged at inference): a Dense layer behind
# nothing but these reads the image's pixels themselves.
_PASS_THROUGH = ("InputLayer", "Flatten", "Reshape", "Dropout")
# Layers of units: the ones the course's [l] counts.
_UNIT_LAYERS = ("Dense", "Conv2D")


@dataclass(frozen=True)
class NeuronNumbers:
    """One unit of a Dense layer for one drawing: the numbers of a = g(w · a_in + b)."""

    layer_index: int          # the layer's index in the description (and in Prediction.activations)
    layer_name: str
    layer_number: int         # the course's l: 1 for the first layer of units
    unit: int                 # j, 0-based (the course writes j + 1)
    units: int                # how many units the layer has
    activation: str           # g's name: "relu", "sigmoid", "linear", ...
    weights: np.ndarray       # w_j: (n_in,)
    bias: float               # b_j
    reads_input: bool         # True when a^[l−1] is the image's pixels (w_j can be drawn as 28×28)
    a_in: np.ndarray | None   # a^[l−1] (n_in,), or None without a drawing
    dot: float | None         # w_j · a^[l−1]
    z: float | None           # w_j · a^[l−1] + b_j
    a: float | None           # g(z): the lesson's value
    network_a: float | None   # the unit's activation in Prediction.activations (what the network computed)

    @property
    def n_in(self) -> int:
        return int(self.weights.size)

    @property
    def difference(self) -> float | None:
        """|lesson's a − network's a|, or None without a drawing."""
        return None if self.a is None or self.network_a is None else abs(self.a - self.network_a)


def dense_layers(description: NetworkDescription) -> list[int]:
    """The indices of the description's Dense layers, in order."""
    return [layer.index for layer in description.layers if layer.kind == "Dense"]


def layer_number(description: NetworkDescription, index: int) -> int:
    """The course's [l] of layer ``index``: its place among the layers of units (Dense, Conv2D),
    counting from 1 (the input is a^[0])."""
    return sum(1 for layer in description.layers[:index + 1] if layer.kind in _UNIT_LAYERS)


def reads_input(description: NetworkDescription, index: int) -> bool:
    """True when nothing but reshaping (or dropout) stands between the image and layer ``index``."""
    return all(layer.kind in _PASS_THROUGH for layer in description.layers[:index])


def first_hidden_dense(description: NetworkDescription) -> int | None:
    """The first Dense layer that is not the output layer (the only Dense one if there is one);
    None for a network without Dense layers."""
    found = dense_layers(description)
    if not found:
        return None
    last = len(description.layers) - 1
    hidden = [i for i in found if i != last]
    return (hidden or found)[0]


def layer_input(description: NetworkDescription, prediction, index: int) -> np.ndarray:
    """a^[l−1]: what layer ``index`` read for the drawing, flattened (the image's 784 pixels for a
    layer that reads the input)."""
    if index == 0:
        return np.asarray(prediction.image, dtype=np.float32).reshape(-1)
    return np.asarray(prediction.activations[index - 1].values, dtype=np.float32).reshape(-1)


def most_active_unit(prediction, index: int) -> int:
    """The unit of layer ``index`` with the largest activation for the drawing (0-based)."""
    return int(np.argmax(np.asarray(prediction.activations[index].values).reshape(-1)))


def default_neuron(description: NetworkDescription, prediction) -> tuple[int, int] | None:
    """(layer index, unit) the lesson starts with: the most active unit of the first hidden Dense
    layer for the drawing (unit 0 without one); None for a network without Dense layers."""
    index = first_hidden_dense(description)
    if index is None:
        return None
    return index, (0 if prediction is None else most_active_unit(prediction, index))


def neuron(description: NetworkDescription, prediction, index: int, unit: int) -> NeuronNumbers:
    """The numbers of unit ``unit`` (0-based) of Dense layer ``index``; the drawing's ones are None
    when ``prediction`` is None (an empty canvas). Computed in float64 from the layer's W, b and the
    drawing's a^[l−1]."""
    info = description.layers[index]
    if info.kind != "Dense":
        raise ValueError(f"layer {info.name!r} is a {info.kind}, not a Dense layer")
    weights = description.weights_of(index)
    W = weights[0]
    b = weights[1] if len(weights) > 1 else np.zeros(W.shape[1], np.float32)   # use_bias=False
    if not 0 <= unit < W.shape[1]:
        raise ValueError(f"layer {info.name!r} has {W.shape[1]} units; no unit {unit}")
    name = info.activation or "linear"
    w = np.asarray(W[:, unit], dtype=np.float64)
    bias = float(b[unit])
    a_in = dot = z = a = network_a = None
    if prediction is not None:
        a_in = layer_input(description, prediction, index).astype(np.float64)
        dot = float(np.dot(w, a_in))
        W64, b64 = W.astype(np.float64), b.astype(np.float64)
        if name == "softmax":   # softmax is not unit by unit: it needs every z of the layer
            z, a = float(dot + bias), float(softmax(a_in @ W64 + b64)[unit])
        else:
            z, a = dense_unit(a_in, W64, b64, unit, ACTIVATIONS[name])
        network_a = float(np.asarray(prediction.activations[index].values).reshape(-1)[unit])
    return NeuronNumbers(index, info.name, layer_number(description, index), unit, int(W.shape[1]), name,
                         w, bias, reads_input(description, index), a_in, dot, z, a, network_a)

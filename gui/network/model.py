"""The model as the activation view reads it: its layers (what each becomes in the picture),
their weights, and the numbers derived from a prediction — a layer's input, a neuron's incoming
contributions w·a, the weights the inspector shows, the course's NumPy forward propagation.

Everything comes from the engine's description of the network and the activations the Predictor
returned: nothing here touches TensorFlow or Keras (the NumPy check is the course's own maths).
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

MAP_KINDS = ("Conv2D", "MaxPooling2D", "AveragePooling2D", "DepthwiseConv2D", "SeparableConv2D")
PASSING_KINDS = ("BatchNormalization", "Dropout", "Reshape", "Activation", "Flatten")
SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@dataclass(frozen=True)
class LayerInfo:
    """One model layer as the view sees it. ``index`` is its position in
    ``Prediction.activations``; ``number`` is the course's layer number l for Dense layers
    (1 = first dense layer; the input is a^[0]), the 1-based count of its kind otherwise."""

    index: int
    name: str
    kind: str
    shape: tuple[int, ...]
    activation: str | None
    role: str                 # "dense", "output", "maps" or "chip"
    number: int = 0
    rate: float | None = None

    @property
    def units(self) -> int:
        return int(np.prod(self.shape))

    @property
    def title(self) -> str:
        if self.role == "output":
            return f"Output · layer {self.number}"
        if self.role == "dense":
            return f"Layer {self.number}"
        return {"Conv2D": f"Conv {self.number}", "MaxPooling2D": "Max pool",
                "AveragePooling2D": "Avg pool"}.get(self.kind, self.kind)

    @property
    def detail(self) -> str:
        if self.role == "output":
            return "10 digits · softmax"
        if self.role == "dense":
            return f"{self.units} · {self.activation}"
        if len(self.shape) == 3:
            h, w, c = self.shape
            return f"{c} @ {h}×{w}"
        return "×".join(map(str, self.shape))

    @property
    def chip(self) -> str:
        """The short name of a passing layer."""
        if self.kind == "Dropout":
            return f"Dropout {round(100 * (self.rate or 0))}%"
        if self.kind == "BatchNormalization":
            return "BatchNorm"
        if self.kind == "Activation":
            return self.activation or "Activation"
        return self.kind

    def notation(self, unit: int | None = None, letter: str = "a", html: bool = True) -> str:
        """Course notation: a_j^[l] (html: with <sub>/<sup>; plain: a₃^[2])."""
        j = "" if unit is None else str(unit)
        if html:
            return f"{letter}<sub>{j}</sub><sup>[{self.number}]</sup>"
        subscript = j.translate(SUBSCRIPT)     # str.translate, outside the f-string (the i18n lint looks for translate())
        return f"{letter}{subscript}^[{self.number}]"


def describe_model(network) -> list[LayerInfo]:
    """The layers of an ``engine.network.NetworkDescription``, each given its role in the picture."""
    layers = network.layers
    dense_total = sum(layer.kind == "Dense" for layer in layers)
    counts: dict[str, int] = {}
    out = []
    for index, layer in enumerate(layers):
        kind, shape = layer.kind, tuple(layer.shape)
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "Dense":
            is_output = counts[kind] == dense_total and index == len(layers) - 1 and shape == (10,)
            role = "output" if is_output else "dense"
        elif len(shape) == 3 and (kind in MAP_KINDS or kind not in PASSING_KINDS):
            role = "maps"
        else:
            role = "chip"
        out.append(LayerInfo(index, layer.name, kind, shape, layer.activation, role, counts[kind],
                             layer.params.get("rate")))
    return out


class Network:
    """A network (an ``engine.network.NetworkDescription``, read once by the engine) as the view
    reads it. ``read_weights`` takes the description again after training changed its weights;
    the architecture is fixed for the object's life."""

    def __init__(self, description, engine: str = "TensorFlow"):
        self.description = description
        self.engine = engine   # what computed the activations on show, named in the NumPy check
        self.layers = describe_model(description)
        self.weights: dict[int, list[np.ndarray]] = {}
        self.numpy_seconds = 0.0
        self.read_weights(description)

    def read_weights(self, description) -> None:
        self.description = description
        self.weights = {info.index: list(description.weights_of(info.index)) for info in self.layers
                        if info.kind in ("Dense", "Conv2D", "BatchNormalization")}
        self._numpy_layers = None
        self._numpy_for = None
        self.numpy_acts: list[np.ndarray] | None = None
        self.numpy_diffs: list[float] = []

    def params(self, layer_index: int) -> dict:
        """The layer's settings (padding, strides, pool size, …) as the engine read them."""
        return self.description.layers[layer_index].params

    @property
    def name(self) -> str:
        return self.description.name

    def parameter_count(self) -> int:
        return self.description.parameter_count()

    def matches(self, prediction) -> bool:
        """True if ``prediction`` came from a model with these layers (not a late answer of another)."""
        return (prediction is not None and len(prediction.activations) == len(self.layers)
                and all(a.name == info.name for a, info in zip(prediction.activations, self.layers)))

    # ----- shapes and inputs -------------------------------------------------------------------
    def input_of(self, prediction, layer_index: int) -> np.ndarray:
        """What layer ``layer_index`` received: the layer before's output, or the 28×28 image."""
        return prediction.image if layer_index == 0 else prediction.activations[layer_index - 1].values

    def input_shape(self, layer_index: int) -> tuple[int, ...]:
        return (28, 28) if layer_index == 0 else self.layers[layer_index - 1].shape

    def feeding_shape(self, layer_index: int) -> tuple[int, ...]:
        """Shape of the last pictured layer before ``layer_index`` (the 28×28 input if none):
        the shape a dense layer's incoming weights are drawn in."""
        for info in reversed(self.layers[:layer_index]):
            if info.role != "chip":
                return info.shape
        return (28, 28)

    def first_weighted(self) -> LayerInfo | None:
        return next((info for info in self.layers if info.kind in ("Dense", "Conv2D")), None)

    @staticmethod
    def most_active(prediction, info: LayerInfo) -> int:
        """The unit with the largest activation (a channel: the largest mean activation)."""
        v = prediction.activations[info.index].values
        return int(np.argmax(v.reshape(-1, v.shape[-1]).mean(axis=0) if v.ndim == 3 else v))

    # ----- derived numbers -----------------------------------------------------------------------
    def contributions(self, prediction, source, target: LayerInfo) -> np.ndarray:
        """w_ij · a_i for every input i (rows) of every neuron j (columns) of Dense ``target``;
        ``source`` is the LayerInfo feeding it, or None for the input image."""
        a = prediction.image if source is None else prediction.activations[source.index].values
        return self.weights[target.index][0] * a.astype(np.float64).ravel()[:, None]

    def inspect(self, prediction, layer_index: int, unit: int) -> tuple[np.ndarray | None, str]:
        """What the inspector shows for a neuron/channel, and its caption (HTML): a Dense neuron's
        incoming weights in the shape of what feeds it (the 784 of layer 1 as 28×28), a Conv2D
        channel's filter, a pooling channel's own map (it has no weights)."""
        info = self.layers[layer_index]
        if info.kind == "Dense":
            w = self.weights[layer_index][0][:, unit]
            shape = self.feeding_shape(layer_index)
            if int(np.prod(shape)) != w.size or len(shape) == 1:
                shape = (1, 1, w.size)
            return w.reshape(shape), f"Weights into {info.notation(unit)}"
        if info.kind == "Conv2D":
            return self.weights[layer_index][0][:, :, :, unit], f"Filter {unit} of {info.title}"
        if prediction is not None and len(info.shape) == 3:
            return prediction.activations[layer_index].values[:, :, unit], f"{info.title} · channel {unit}"
        return None, f"{info.title} · channel {unit}"

    def numpy_forward(self, prediction) -> list[np.ndarray]:
        """Every layer's activation by the course's NumPy forward propagation of the prediction's
        input (cached for the last prediction); ``numpy_diffs`` then holds max |NumPy − TF| per layer."""
        if self._numpy_for is not prediction:
            from engine.numpy_forward import forward, layers_from_description

            start = time.perf_counter()
            if self._numpy_layers is None:
                self._numpy_layers = layers_from_description(self.description)
            _, acts = forward(self._numpy_layers, prediction.image[None])
            self.numpy_acts = [a[0] for a in acts]
            self.numpy_diffs = [float(np.max(np.abs(ours - theirs.values))) if ours.size else 0.0
                                for ours, theirs in zip(self.numpy_acts, prediction.activations)]
            self._numpy_for = prediction
            self.numpy_seconds = time.perf_counter() - start
        return self.numpy_acts

    def numpy_ready_for(self, prediction) -> bool:
        return prediction is not None and self._numpy_for is prediction

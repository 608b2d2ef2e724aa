"""One reader of a Keras model's structure and weights: ``describe(model)`` → ``NetworkDescription``.

A description is plain data — each layer's name, Keras class, output shape, activation and the
settings its forward pass needs, and every weight array as a NumPy float32 copy — so the GUI,
the NumPy forward propagation and anything else can inspect a network without touching Keras.
``describe`` is the only place that reads Keras layer objects for structure and weights.

This module imports neither TensorFlow nor Keras: ``describe`` only reads the model it is given.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

# The layer settings a description keeps, by Keras class (read from ``layer.get_config()``).
_PARAM_KEYS: dict[str, tuple[str, ...]] = {
    "Dense": ("units", "use_bias"),
    "Conv2D": ("filters", "kernel_size", "strides", "padding", "dilation_rate", "groups",
               "data_format", "use_bias"),
    "MaxPooling2D": ("pool_size", "strides", "padding", "data_format"),
    "AveragePooling2D": ("pool_size", "strides", "padding", "data_format"),
    "BatchNormalization": ("axis", "epsilon", "center", "scale", "momentum"),
    "Dropout": ("rate",),
    "Flatten": ("data_format",),
    "Reshape": ("target_shape",),
    "Activation": (),
}


@dataclass(frozen=True)
class LayerDescription:
    """One layer (InputLayer excluded). ``index`` is its position among the model's other layers,
    which is also its index in ``Prediction.activations``; ``kind`` is the Keras class name
    ("Dense", "Conv2D", "MaxPooling2D", ...); ``shape`` its output shape without the batch axis;
    ``activation`` the activation's name ("relu", "linear", ...) or None for a layer without one;
    ``params`` plain Python settings (padding, strides, pool_size, rate, epsilon, target_shape,
    center/scale, units, filters, kernel_size, ...) — see ``_PARAM_KEYS``."""

    index: int
    name: str
    kind: str
    shape: tuple[int, ...]
    activation: str | None = None
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def units(self) -> int:
        """How many numbers the layer outputs (the product of ``shape``)."""
        return int(np.prod(self.shape))


@dataclass(frozen=True, eq=False)
class NetworkDescription:
    """A network as plain data: its layers and their weights (read-only float32 arrays, per layer
    in ``layer.get_weights()`` order). ``gives_logits`` is True when the last layer does not
    apply softmax (the course's networks output logits; softmax is applied at inference)."""

    name: str
    input_shape: tuple[int, ...]
    layers: tuple[LayerDescription, ...]
    weights: tuple[tuple[np.ndarray, ...], ...]
    gives_logits: bool

    def __post_init__(self) -> None:
        if len(self.weights) != len(self.layers):
            raise ValueError(f"{len(self.layers)} layers but weights for {len(self.weights)}")

    def parameter_count(self) -> int:
        """Every weight and bias, batch norm's moving statistics included (= ``model.count_params()``)."""
        return sum(int(w.size) for ws in self.weights for w in ws)

    def weights_of(self, index: int) -> tuple[np.ndarray, ...]:
        """Layer ``index``'s weights (e.g. Dense: (W, b); BatchNormalization: (gamma, beta, mean,
        variance)); empty for a layer without weights."""
        return self.weights[index]

    def flat_weights(self) -> list[np.ndarray]:
        """All weights in ``model.get_weights()`` order (the arrays themselves: read-only)."""
        return [w for ws in self.weights for w in ws]

    def with_weights(self, flat_weights: list[np.ndarray]) -> NetworkDescription:
        """The same architecture with other weights, given flat in ``model.get_weights()`` order
        (what a training run emits). Raises ValueError unless count and shapes match."""
        flat = list(flat_weights)
        expected = [w.shape for ws in self.weights for w in ws]
        if len(flat) != len(expected):
            raise ValueError(f"{self.name} has {len(expected)} weight arrays; got {len(flat)}")
        arrays = [_frozen_copy(w) for w in flat]
        for i, (array, shape) in enumerate(zip(arrays, expected)):
            if array.shape != shape:
                raise ValueError(f"weight array {i} of {self.name} has shape {shape}; got {array.shape}")
        it = iter(arrays)
        weights = tuple(tuple(next(it) for _ in ws) for ws in self.weights)
        return NetworkDescription(self.name, self.input_shape, self.layers, weights, self.gives_logits)


def describe(model) -> NetworkDescription:
    """Read a Keras model's layers (InputLayer skipped) and weights into a NetworkDescription."""
    layers, weights = [], []
    for layer in model.layers:
        kind = type(layer).__name__
        if kind == "InputLayer":
            continue
        layers.append(LayerDescription(len(layers), layer.name, kind, _shape(layer.output.shape[1:]),
                                       _activation_name(layer), _params(layer, kind)))
        weights.append(tuple(_frozen_copy(w) for w in layer.get_weights()))
    if not layers:
        raise ValueError(f"model {model.name!r} has no layers")
    return NetworkDescription(name=model.name, input_shape=_shape(model.inputs[0].shape[1:]),
                              layers=tuple(layers), weights=tuple(weights),
                              gives_logits=layers[-1].activation != "softmax")


def _shape(dims) -> tuple[int, ...]:
    """A Keras shape without its batch axis as plain ints (an unknown dimension stays None)."""
    return tuple(None if d is None else int(d) for d in dims)


def _activation_name(layer) -> str | None:
    activation = getattr(layer, "activation", None)
    if activation is None:
        return None
    name = getattr(activation, "__name__", None)
    return name if isinstance(name, str) else type(activation).__name__


def _params(layer, kind: str) -> dict[str, Any]:
    keys = _PARAM_KEYS.get(kind, ())
    if not keys:
        return {}
    config = layer.get_config()
    return {key: _plain(config[key]) for key in keys if key in config}


def _plain(value):
    """A config value as plain Python: lists become tuples, NumPy scalars Python numbers."""
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def _frozen_copy(array) -> np.ndarray:
    """A float32 copy that cannot be changed: descriptions share arrays between threads."""
    out = np.array(array, dtype=np.float32, copy=True)
    out.setflags(write=False)
    return out

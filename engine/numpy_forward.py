"""The course's forward propagation, written in NumPy: ``dense(a_in, W, b, g)`` and whole networks.

It computes exactly what TensorFlow computes (checked to 1e-5 by the tests) so the app can
show the math with real numbers: a_j^[l] = g(w_j^[l] · a^[l-1] + b_j^[l]).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from engine.network import NetworkDescription, describe


def linear(z: np.ndarray) -> np.ndarray:
    return z


def relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def tanh(z: np.ndarray) -> np.ndarray:
    return np.tanh(z)


def softmax(z: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, shifted by the max so large logits do not overflow."""
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


ACTIVATIONS = {"linear": linear, "relu": relu, "sigmoid": sigmoid, "tanh": tanh, "softmax": softmax}


def dense(a_in: np.ndarray, W: np.ndarray, b: np.ndarray, g=linear) -> np.ndarray:
    """One dense layer, as in the course: unit j computes g(w_j · a_in + b_j).

    a_in: (n,) or a batch (m, n); W: (n, units) — column j is w_j; b: (units,).
    Returns (units,) or (m, units).
    """
    return g(a_in @ W + b)


def dense_unit(a_in: np.ndarray, W: np.ndarray, b: np.ndarray, j: int, g=linear) -> tuple[float, float]:
    """(z, a) of unit j alone: z = w_j · a_in + b_j, a = g(z) — the numbers behind one neuron."""
    z = float(np.dot(W[:, j], a_in) + b[j])
    return z, float(g(np.array([z]))[0])


@dataclass
class NumpyLayer:
    """One layer as plain arrays: kind is the Keras class name; params holds what it needs."""

    name: str
    kind: str
    params: dict = field(default_factory=dict)

    def __call__(self, a: np.ndarray) -> np.ndarray:
        """Forward a batch through this layer."""
        p = self.params
        if self.kind == "Dense":
            return dense(a, p["W"], p["b"], ACTIVATIONS[p["activation"]])
        if self.kind == "Conv2D":
            return ACTIVATIONS[p["activation"]](conv2d(a, p["W"], p["b"], p["padding"], p["strides"]))
        if self.kind in ("MaxPooling2D", "AveragePooling2D"):
            return pool2d(a, p["pool"], p["strides"], p["padding"], np.max if self.kind == "MaxPooling2D" else np.mean)
        if self.kind == "BatchNormalization":
            return p["gamma"] * (a - p["mean"]) / np.sqrt(p["variance"] + p["epsilon"]) + p["beta"]
        if self.kind == "Flatten":
            return a.reshape(len(a), -1)
        if self.kind == "Reshape":
            return a.reshape(len(a), *p["shape"])
        if self.kind in ("Dropout", "InputLayer"):
            return a  # dropout is off at inference
        if self.kind == "Activation":
            return ACTIVATIONS[p["activation"]](a)
        raise ValueError(f"NumPy forward propagation does not know layer {self.name!r} ({self.kind})")


def conv2d(a: np.ndarray, W: np.ndarray, b: np.ndarray, padding: str = "valid", strides=(1, 1)) -> np.ndarray:
    """2-D convolution (cross-correlation, as Keras does) of a batch (m, H, W, C_in) with
    kernels W (kh, kw, C_in, C_out) plus bias b (C_out,) → (m, H', W', C_out)."""
    kh, kw = W.shape[:2]
    if padding == "same":
        ph, pw = kh - 1, kw - 1
        a = np.pad(a, ((0, 0), (ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2), (0, 0)))
    windows = sliding_window_view(a, (kh, kw), axis=(1, 2))[:, ::strides[0], ::strides[1]]
    # windows: (m, H', W', C_in, kh, kw) · W (kh, kw, C_in, C_out)
    return np.einsum("mhwcij,ijco->mhwo", windows, W, optimize=True) + b


def pool2d(a: np.ndarray, pool, strides, padding: str, reduce) -> np.ndarray:
    """Max or average pooling of a batch (m, H, W, C)."""
    if padding != "valid":
        raise ValueError("NumPy pooling supports padding='valid' only")
    windows = sliding_window_view(a, tuple(pool), axis=(1, 2))[:, ::strides[0], ::strides[1]]
    return reduce(windows, axis=(-2, -1))


def layers_from_description(description: NetworkDescription) -> list[NumpyLayer]:
    """NumpyLayer objects for every layer of a network description (weights copied as float64)."""
    out = []
    for info, arrays in zip(description.layers, description.weights):
        kind, p = info.kind, info.params
        weights = [np.asarray(w, dtype=np.float64) for w in arrays]
        params: dict = {}
        if kind in ("Dense", "Conv2D"):
            params = {"W": weights[0], "b": weights[1] if len(weights) > 1 else 0.0,
                      "activation": info.activation}
            if kind == "Conv2D":
                params.update(padding=p["padding"], strides=tuple(p["strides"]))
        elif kind in ("MaxPooling2D", "AveragePooling2D"):
            params = {"pool": tuple(p["pool_size"]), "strides": tuple(p["strides"]), "padding": p["padding"]}
        elif kind == "BatchNormalization":
            gamma, beta, mean, variance = _bn_weights(p.get("scale", True), p.get("center", True), weights)
            params = {"gamma": gamma, "beta": beta, "mean": mean, "variance": variance,
                      "epsilon": p["epsilon"]}
        elif kind == "Reshape":
            params = {"shape": tuple(p["target_shape"])}
        elif kind == "Activation":
            params = {"activation": info.activation}
        out.append(NumpyLayer(info.name, kind, params))
    return out


def layers_from_keras(model) -> list[NumpyLayer]:
    """Read a Keras model's layers into NumpyLayer objects (weights copied as float64)."""
    return layers_from_description(describe(model))


def _bn_weights(scale: bool, center: bool, weights):
    """BatchNormalization without scale or centre stores fewer arrays; fill in the identity ones."""
    it = iter(weights)
    gamma = next(it) if scale else 1.0
    beta = next(it) if center else 0.0
    return gamma, beta, next(it), next(it)


def forward(layers: list[NumpyLayer], x: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """Forward propagation of a batch x (m, 28, 28) through every layer.

    Returns (probabilities (m, 10), [activation of each layer]); the last layer's output is
    taken as logits (softmax applied) unless that layer already applies softmax.
    """
    a = np.asarray(x, dtype=np.float64)
    activations = []
    for layer in layers:
        a = layer(a)
        activations.append(a)
    ends_in_softmax = layers[-1].params.get("activation") == "softmax"
    return (a if ends_in_softmax else softmax(a)), activations

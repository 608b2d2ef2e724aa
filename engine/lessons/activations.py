"""The "Choosing activations" lesson's numbers: sigmoid, relu and linear on the z of a real
neuron, the 25-15-10 network trained with linear hidden layers beside relu ones, and the proof
that a network of linear layers is one linear map.

* ``neuron_on_show``: the first Dense layer's most active unit for the drawing: its z and g(z)
  under each activation;
* ``compare_training``: train the same network (same seed) with relu and with linear hidden
  layers (``engine.lessons.training_math.train``), with the loss curves and test accuracies;
* ``composed_linear_map``: W = W1·W2·W3 (784×10) and b = (b1·W2 + b2)·W3 + b3, so that a
  linear network's logits are x·W + b.

NumPy only (no Qt, no TensorFlow).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from engine.lessons.training_math import (COURSE_SIZES, DenseNetwork, accuracy, init_dense_network,
                                          mnist_test_subset, mnist_training_subset, train)
from engine.network import NetworkDescription
from engine.numpy_forward import ACTIVATIONS, FastForward, linear, relu, sigmoid

CURVE_NAMES = ("sigmoid", "relu", "linear")
FUNCTIONS = {"sigmoid": sigmoid, "relu": relu, "linear": linear}


def curves(z_min: float = -6.0, z_max: float = 6.0, n: int = 241) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """z from ``z_min`` to ``z_max`` and g(z) for sigmoid, relu and linear."""
    z = np.linspace(z_min, z_max, n)
    return z, {name: FUNCTIONS[name](z) for name in CURVE_NAMES}


@dataclass(frozen=True)
class NeuronOnShow:
    """One unit of the first Dense layer: where it is, its z, its activation in the model and
    what each of sigmoid, relu and linear would make of that z."""

    layer_index: int              # index in the description (and in Prediction.activations)
    layer_name: str
    unit: int
    units: int
    activation: str               # the layer's own activation
    z: float
    a: float                      # the layer's g(z), as the model computes it
    g: dict[str, float] = field(default_factory=dict)   # sigmoid / relu / linear of z


def first_dense(description: NetworkDescription):
    """The first Dense layer's description, or None."""
    return next((info for info in description.layers if info.kind == "Dense"), None)


def layer_input(description: NetworkDescription, activations, image: np.ndarray, index: int) -> np.ndarray:
    """What layer ``index`` receives for ``image``: the previous layer's output (flattened), from the
    prediction's ``activations`` when given, else computed by the NumPy forward pass."""
    if index == 0:
        return np.asarray(image, dtype=np.float64).ravel()
    if activations is None:
        activations = FastForward(description).run(image)[1]
        return np.asarray(activations[index - 1], dtype=np.float64).ravel()
    return np.asarray(activations[index - 1].values, dtype=np.float64).ravel()


def neuron_on_show(description: NetworkDescription, image: np.ndarray, activations=None) -> NeuronOnShow | None:
    """The first Dense layer's most active unit (largest z) for ``image``; ``activations``: the
    ``Prediction.activations`` of that image when at hand. None for a network without a Dense layer."""
    info = first_dense(description)
    if info is None:
        return None
    W, b = description.weights_of(info.index)[:2]
    a_in = layer_input(description, activations, image, info.index)
    z = a_in @ np.asarray(W, np.float64) + np.asarray(b, np.float64)
    j = int(np.argmax(z))
    zj = float(z[j])
    a = float(ACTIVATIONS[info.activation or "linear"](np.array([zj]))[0])
    return NeuronOnShow(info.index, info.name, j, int(z.size), info.activation or "linear", zj, a,
                        {name: float(FUNCTIONS[name](np.array([zj]))[0]) for name in CURVE_NAMES})


# -- linear vs relu -----------------------------------------------------------------------------------

@dataclass
class Comparison:
    """Two trainings of the 25-15-10 network: hidden layers relu, and hidden layers linear."""

    losses: dict[str, list[float]] = field(default_factory=lambda: {"relu": [], "linear": []})
    accuracy: dict[str, float] = field(default_factory=dict)
    networks: dict[str, DenseNetwork] = field(default_factory=dict)
    batches_per_epoch: int = 0
    stopped: bool = False


def hidden_activations(hidden: str) -> tuple[str, str, str]:
    return hidden, hidden, "linear"


def compare_training(epochs: int = 10, n: int = 5000, batch: int = 32, lr: float = 0.001, seed: int = 0,
                     on_batch: Callable | None = None, should_stop: Callable[[], bool] | None = None,
                     test_n: int = 2000) -> Comparison:
    """Train the course network with relu hidden layers, then with linear ones (same initial
    weights, same batches), on ``n`` MNIST training images; each batch reported as
    ``on_batch(hidden, epoch, index, batches_per_epoch, loss)``. Test accuracy on ``test_n`` MNIST
    test images for each finished network."""
    X, y = mnist_training_subset(n)
    X_test, y_test = mnist_test_subset(test_n)
    result = Comparison()
    for hidden in ("relu", "linear"):
        network = init_dense_network(COURSE_SIZES, hidden_activations(hidden), seed)
        report = None if on_batch is None else (lambda e, i, k, loss, h=hidden: on_batch(h, e, i, k, loss))
        history = train(network, X, y, epochs=epochs, batch=batch, lr=lr, optimizer="adam",
                        on_batch=report, should_stop=should_stop, seed=seed)
        result.losses[hidden] = history.batch_losses
        result.batches_per_epoch = history.batches_per_epoch
        result.networks[hidden] = network
        if history.stopped:
            result.stopped = True
            return result
        result.accuracy[hidden] = accuracy(network, X_test, y_test)
    return result


def moving_average(values, window: int = 25) -> np.ndarray:
    """Each value replaced by the mean of the last ``window`` values up to it (fewer at the start)."""
    values = np.asarray(values, dtype=np.float64)
    if len(values) == 0:
        return values
    sums = np.cumsum(np.concatenate([[0.0], values]))
    ends = np.arange(1, len(values) + 1)
    starts = np.maximum(0, ends - window)
    return (sums[ends] - sums[starts]) / (ends - starts)


def composed_linear_map(network: DenseNetwork) -> tuple[np.ndarray, np.ndarray]:
    """A network whose every layer is linear as one linear map: W = W1·W2·…·WL and
    b = (…(b1·W2 + b2)·W3 + …) + bL, so that its output is x·W + b."""
    if any(g != "linear" for g in network.activations):
        raise ValueError("only a network of linear layers is one linear map")
    W, b = network.weights[0], network.biases[0]
    for Wl, bl in zip(network.weights[1:], network.biases[1:]):
        W, b = W @ Wl, b @ Wl + bl
    return W, b

"""Lesson "Forward propagation in NumPy": the course's ``dense`` and ``sequential``, loop and all.

``dense`` and ``sequential`` are written exactly as the course writes them (a Python loop over the
units: unit j takes column j of W), and the lesson shows their own source (``DENSE_CODE``,
``SEQUENTIAL_CODE``), so the code on screen is the code that computed the numbers. ``dense_steps``
gives the loop's numbers unit by unit (the course's example ``COURSE_EXAMPLE`` first);
``network_pass`` runs the drawing through a dense network's layers with them, and the tests and
the lesson compare the result with the engine's forward pass (and TensorFlow's).
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from engine.network import NetworkDescription
from engine.numpy_forward import ACTIVATIONS, sigmoid

# Layers a "pure dense network" may have besides Dense: they only reshape (or, at inference, pass on).
_PASS_THROUGH = ("InputLayer", "Flatten", "Reshape", "Dropout")
# The dense network the lesson falls back to when the model in use has other layers.
FALLBACK_MODEL = "course-mlp"


# The course's dense layer: one unit at a time, unit j from column j of W.
def dense(a_in, W, b, g):
    units = W.shape[1]
    a_out = np.zeros(units)
    for j in range(units):
        w = W[:, j]
        z = np.dot(w, a_in) + b[j]
        a_out[j] = g(z)
    return a_out


# The course's sequential model: each layer's output is the next layer's input.
def sequential(x, layers):
    a = x
    for W, b, g in layers:
        a = dense(a, W, b, g)
    return a


DENSE_CODE = inspect.getsource(dense).strip()
SEQUENTIAL_CODE = inspect.getsource(sequential).strip()


@dataclass(frozen=True)
class CourseExample:
    """The course's example layer: 2 inputs, 3 units, sigmoid."""

    W: np.ndarray
    b: np.ndarray
    a_in: np.ndarray
    g: str = "sigmoid"


COURSE_EXAMPLE = CourseExample(W=np.array([[1.0, -3.0, 5.0], [2.0, 4.0, -6.0]]), b=np.array([-1.0, 1.0, 2.0]),
                               a_in=np.array([-2.0, 4.0]))


@dataclass(frozen=True)
class UnitStep:
    """One pass of ``dense``'s loop: unit j's column w = W[:, j], its bias, z = w · a_in + b[j], a = g(z)."""

    j: int
    w: np.ndarray
    b: float
    z: float
    a: float


def dense_steps(a_in, W, b, g) -> list[UnitStep]:
    """``dense``'s loop, one UnitStep per unit, with the same arithmetic as ``dense``."""
    steps = []
    for j in range(W.shape[1]):
        w = W[:, j]
        z = np.dot(w, a_in) + b[j]
        steps.append(UnitStep(j, np.array(w, dtype=np.float64), float(b[j]), float(z), float(g(z))))
    return steps


def course_example_steps() -> list[UnitStep]:
    """The loop's steps on the course's example (W 2×3, b, a_in = [−2, 4], sigmoid)."""
    e = COURSE_EXAMPLE
    return dense_steps(e.a_in, e.W, e.b, sigmoid)


@dataclass(frozen=True)
class DenseLayer:
    """One Dense layer as the course's loop takes it."""

    index: int               # in the description (and in Prediction.activations)
    name: str
    W: np.ndarray            # (n_in, units)
    b: np.ndarray            # (units,)
    activation: str

    @property
    def n_in(self) -> int:
        return int(self.W.shape[0])

    @property
    def units(self) -> int:
        return int(self.W.shape[1])

    @property
    def g(self):
        return ACTIVATIONS[self.activation]


def dense_network(description: NetworkDescription | None) -> list[DenseLayer] | None:
    """The description's Dense layers if it is a pure dense network (nothing but Dense layers and
    reshaping or dropout, every activation one the loop can apply unit by unit), else None."""
    if description is None:
        return None
    layers = []
    for info, weights in zip(description.layers, description.weights):
        if info.kind in _PASS_THROUGH:
            continue
        activation = info.activation or "linear"
        if info.kind != "Dense" or activation not in ACTIVATIONS or activation == "softmax":
            return None
        W = weights[0]
        b = weights[1] if len(weights) > 1 else np.zeros(W.shape[1], np.float32)
        layers.append(DenseLayer(info.index, info.name, W, b, activation))
    return layers or None


@lru_cache(maxsize=1)
def fallback_model():
    """The course's dense network (``FALLBACK_MODEL``) read by the engine (NumPy), loaded once:
    (its NetworkDescription, its predictor)."""
    from engine.catalogue import load

    loaded = load(FALLBACK_MODEL, backend="numpy")
    return loaded.predictor.network, loaded.predictor


@dataclass(frozen=True)
class LayerOutput:
    """A layer of the pass: its size and what ``dense`` gave."""

    layer: DenseLayer
    output: np.ndarray       # (units,) float64


@dataclass(frozen=True)
class NetworkPass:
    """The drawing through a dense network with ``sequential``'s loop, and how far it is from the
    engine's numbers for the same layers."""

    model_name: str
    fallback: bool                    # True: the model in use is not a pure dense network; this is course-mlp's
    x: np.ndarray                     # (784,) the flattened image
    layers: tuple[LayerOutput, ...]
    engine_outputs: tuple[np.ndarray, ...]   # the engine's activations of the same layers
    gives_logits: bool

    @property
    def output(self) -> np.ndarray:
        return self.layers[-1].output

    @property
    def digit(self) -> int:
        return int(np.argmax(self.output))

    @property
    def max_difference(self) -> float:
        """The largest |loop − engine| over every unit of every layer."""
        return max(float(np.max(np.abs(out.output - np.asarray(ref, dtype=np.float64).reshape(-1))))
                   for out, ref in zip(self.layers, self.engine_outputs))


def network_pass(description: NetworkDescription | None, prediction) -> NetworkPass:
    """Run the drawing (``prediction.image``) through the model in use with ``sequential``'s loop
    if it is a pure dense network — compared with ``prediction``'s activations, the live engine's —
    else through course-mlp, compared with course-mlp's engine prediction of the same image."""
    layers = dense_network(description)
    fallback = layers is None
    if fallback:
        description, predictor = fallback_model()
        layers = dense_network(description)
        reference = predictor.predict(prediction.image)
    else:
        reference = prediction
    x = np.asarray(prediction.image, dtype=np.float64).reshape(-1)
    outputs, a = [], x
    for layer in layers:
        a = dense(a, layer.W, layer.b, layer.g)
        outputs.append(LayerOutput(layer, a))
    engine = tuple(np.asarray(reference.activations[layer.index].values) for layer in layers)
    return NetworkPass(description.name, fallback, x, tuple(outputs), engine, description.gives_logits)

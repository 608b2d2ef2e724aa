"""Convolution: a 3×3 filter sliding over the drawing, one feature-map cell at a time.

Cell (r, c) of a feature map is z = Σ w·x + b over the 3×3 window of the input at (r, c) (times
the stride), and a = g(z) with the layer's activation — exactly what the model's first Conv2D
computes (the tests compare with ``Prediction.activations`` to 1e-5). Each cell's neuron sees only
its window (its receptive field) and every cell shares the same nine weights and one bias: that is
why a convolutional layer needs so few parameters next to a Dense layer making as many outputs.

The filter is the current model's first Conv2D filter ``k`` when the model has a convolution
reading the image itself (one input channel), else the course's vertical-edge filter.

numpy only (no Qt, no TensorFlow).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.network import NetworkDescription
from engine.numpy_forward import ACTIVATIONS, conv2d

# The course's example: a vertical edge detector (bright on the left, dark on the right → large z).
COURSE_FILTER = np.array([[1.0, 0.0, -1.0],
                          [1.0, 0.0, -1.0],
                          [1.0, 0.0, -1.0]], np.float32)


@dataclass(frozen=True)
class Filter:
    """One 3×3 (kh×kw) filter on a one-channel input: its weights, bias and the layer's settings.
    ``layer_index`` is the model's Conv2D layer (its index in ``Prediction.activations``) or None
    for the course's filter."""

    weights: np.ndarray            # (kh, kw)
    bias: float
    activation: str = "linear"
    padding: str = "valid"
    strides: tuple[int, int] = (1, 1)
    layer_index: int | None = None
    number: int = 0                # which of the layer's filters
    count: int = 1                 # how many filters the layer has
    layer_name: str = ""

    @property
    def from_model(self) -> bool:
        return self.layer_index is not None


def first_conv_index(description: NetworkDescription | None) -> int | None:
    """The index of the model's first Conv2D layer when it reads the image itself (only reshaping
    layers before it, one input channel), else None."""
    if description is None:
        return None
    for info, weights in zip(description.layers, description.weights):
        if info.kind == "Conv2D":
            ok = (len(weights) >= 1 and weights[0].ndim == 4 and weights[0].shape[2] == 1
                  and tuple(info.params.get("dilation_rate", (1, 1))) == (1, 1))
            return info.index if ok else None
        if info.kind not in ("Reshape", "InputLayer"):
            return None
    return None


def model_filter(description: NetworkDescription, number: int) -> Filter:
    """Filter ``number`` of the model's first Conv2D (``first_conv_index`` must not be None)."""
    index = first_conv_index(description)
    if index is None:
        raise ValueError(f"{description.name} has no convolution reading the image")
    info, weights = description.layers[index], description.weights[index]
    kernel = weights[0]
    bias = float(weights[1][number]) if len(weights) > 1 else 0.0
    return Filter(np.array(kernel[:, :, 0, number], np.float32), bias, info.activation or "linear",
                  info.params.get("padding", "valid"), tuple(info.params.get("strides", (1, 1))),
                  index, number, kernel.shape[3], info.name)


def course_filter() -> Filter:
    return Filter(COURSE_FILTER.copy(), 0.0, "relu")


def padded_input(image28: np.ndarray, f: Filter) -> np.ndarray:
    """The input the windows slide over: the image, with zeros around for padding="same"."""
    x = np.asarray(image28, np.float32).reshape(28, 28)
    if f.padding == "same":
        kh, kw = f.weights.shape
        ph, pw = kh - 1, kw - 1
        x = np.pad(x, ((ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2)))
    return x


@dataclass(frozen=True)
class FeatureMap:
    z: np.ndarray                  # (H', W') Σ w·x + b before the activation
    a: np.ndarray                  # (H', W') g(z): what the layer outputs for this filter

    @property
    def shape(self) -> tuple[int, int]:
        return self.z.shape


def feature_map(image28: np.ndarray, f: Filter) -> FeatureMap:
    """The whole feature map of filter ``f`` over a 28×28 image (``engine.numpy_forward.conv2d``)."""
    x = np.asarray(image28, np.float64).reshape(1, 28, 28, 1)
    z = conv2d(x, f.weights.astype(np.float64)[:, :, None, None], np.array([f.bias]), f.padding, f.strides)[0, :, :, 0]
    return FeatureMap(z, ACTIVATIONS[f.activation](z))


@dataclass(frozen=True)
class Cell:
    """One step of the slide: feature-map cell (row, col), its window of the (padded) input at
    (top, left), the nine products w·x, z = Σ w·x + b and a = g(z)."""

    row: int
    col: int
    top: int
    left: int
    window: np.ndarray             # (kh, kw) the input pixels x
    products: np.ndarray           # (kh, kw) w·x
    z: float
    a: float


def cell(image28: np.ndarray, f: Filter, row: int, col: int) -> Cell:
    """Cell (row, col) computed by hand, as the course writes it: z = Σ w·x + b."""
    x = padded_input(image28, f).astype(np.float64)
    kh, kw = f.weights.shape
    top, left = row * f.strides[0], col * f.strides[1]
    window = x[top:top + kh, left:left + kw]
    products = f.weights.astype(np.float64) * window
    z = float(products.sum() + f.bias)
    a = float(ACTIVATIONS[f.activation](np.array([z]))[0])
    return Cell(row, col, top, left, window, products, z, a)


def map_shape(f: Filter) -> tuple[int, int]:
    """(H', W') of the feature map of a 28×28 input."""
    kh, kw = f.weights.shape
    if f.padding == "same":
        return -(-28 // f.strides[0]), -(-28 // f.strides[1])
    return (28 - kh) // f.strides[0] + 1, (28 - kw) // f.strides[1] + 1


@dataclass(frozen=True)
class ParameterCount:
    """A convolution's parameters against a Dense layer that makes as many outputs from the image."""

    kernel: tuple[int, int]
    channels_in: int
    filters: int
    out_shape: tuple[int, int, int]          # (H', W', filters)
    inputs: int                              # 28·28·channels_in

    @property
    def conv_weights(self) -> int:
        return self.kernel[0] * self.kernel[1] * self.channels_in * self.filters

    @property
    def conv_params(self) -> int:            # weights + one bias per filter
        return self.conv_weights + self.filters

    @property
    def outputs(self) -> int:
        return int(np.prod(self.out_shape))

    @property
    def dense_weights(self) -> int:
        return self.inputs * self.outputs

    @property
    def dense_params(self) -> int:           # weights + one bias per output
        return self.dense_weights + self.outputs

    @property
    def ratio(self) -> float:
        return self.dense_params / self.conv_params

    @property
    def inputs_per_neuron(self) -> int:      # a conv neuron's receptive field
        return self.kernel[0] * self.kernel[1] * self.channels_in


def parameter_count(f: Filter) -> ParameterCount:
    """The counts for ``f``'s layer (the course's 32 filters for the course filter)."""
    filters = f.count if f.from_model else 32
    h, w = map_shape(f)
    return ParameterCount(tuple(f.weights.shape), 1, filters, (h, w, filters), 28 * 28)

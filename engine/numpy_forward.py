"""The course's forward propagation, written in NumPy: ``dense(a_in, W, b, g)`` and whole networks.

It computes exactly what TensorFlow computes (checked to 1e-5 by the tests) so the app can
show the math with real numbers: a_j^[l] = g(w_j^[l] · a^[l-1] + b_j^[l]).

``FastForward`` is the same forward propagation made fast, in float32, for recognising drawings
without TensorFlow: weights prepared once (a convolution is one matrix product over im2col
patches, batch norm a scale and a shift), buffers allocated once, no Python loop over pixels.
"""
from __future__ import annotations

import math
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

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


# -- Fast float32 inference ------------------------------------------------------------------------

_BATCH_BYTES = 48 << 20   # work memory (all buffers) of one ``FastForward.run_batch`` chunk
_MAX_BATCH = 1024         # images per chunk at most, however small the network


class FastForward:
    """A network description compiled for fast float32 inference on 28×28 images, in NumPy.

    Everything is prepared once: float32 weights, each convolution's kernels as one matrix (one
    matrix product per convolution over its im2col patches), batch norm folded into a scale and a
    shift, and per thread the buffers and window views of a single-image pass. It computes what
    TensorFlow computes to 1e-5 (see the tests). Thread-safe: each thread has its own buffers.
    Raises ValueError for a description with a layer or option it does not do.
    """

    def __init__(self, description: NetworkDescription):
        self.description = description
        self.input_shape = tuple(description.input_shape)
        if None in self.input_shape or math.prod(self.input_shape) != 28 * 28:
            raise ValueError(f"{description.name} takes input of shape {self.input_shape}; "
                             "FastForward runs networks that take 28×28 images")
        if description.layers[-1].shape != (10,):
            raise ValueError(f"{description.name} gives output of shape {description.layers[-1].shape}; "
                             "FastForward runs networks that give 10 scores")
        self.gives_logits = description.gives_logits
        steps, shape = [], self.input_shape
        for info, weights in zip(description.layers, description.weights):
            steps.append(_compile_step(info, weights, shape))
            shape = info.shape
        self._steps = tuple(steps)
        self._local = threading.local()
        self.batch_size = max(1, min(_MAX_BATCH, _BATCH_BYTES // _Plan(self, 1, keep_all=False).nbytes))

    def run(self, x: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
        """(logits (10,), activations) for one 28×28 image (values 0..1): activations[i] is layer
        i's output (``description.layers[i]``) without the batch axis, float32, as the TensorFlow
        ``Predictor`` gives them. For a network ending in softmax, the logits are the logs of its
        probabilities (as ``Predictor.logits_batch`` gives them)."""
        plan = getattr(self._local, "single", None)
        if plan is None:
            plan = self._local.single = _Plan(self, 1, keep_all=True)
        np.copyto(plan.x, self._images(x, single=True))
        for op in plan.ops:
            op()
        arena = plan.arena.copy()  # the caller's: the next run reuses the plan's buffers
        activations = [arena[start:stop].reshape(shape) for start, stop, shape in plan.regions]
        return self._logits(activations[-1].copy()), activations

    def run_batch(self, x: np.ndarray) -> np.ndarray:
        """Logits (N, 10) float32 for N 28×28 images, computed in chunks of ``batch_size`` images
        so the memory used stays bounded however many images there are."""
        images = self._images(x, single=False)
        out = np.empty((len(images), 10), np.float32)
        plan = None
        for start in range(0, len(images), self.batch_size):
            chunk = images[start:start + self.batch_size]
            if plan is None or len(plan.x) != len(chunk):
                plan = _Plan(self, len(chunk), keep_all=False)
            np.copyto(plan.x, chunk)
            for op in plan.ops:
                op()
            out[start:start + len(chunk)] = plan.outputs[-1]
        return self._logits(out)

    def _images(self, x, single: bool) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32)
        if single and x.size != 28 * 28 or not single and x.size % (28 * 28):
            raise ValueError(f"expected {'one 28×28 image' if single else '28×28 images'}; got shape {x.shape}")
        return x.reshape(self.input_shape if single else (-1, *self.input_shape))

    def _logits(self, out: np.ndarray) -> np.ndarray:
        if self.gives_logits:
            return out
        return np.log(np.maximum(out, np.float32(1e-30)))  # probabilities: their logs are logits


class _Plan:
    """Buffers, window views and the list of operations of one pass over ``n`` images.

    ``keep_all`` (a single-image plan): every layer's output gets its own region of one ``arena``
    (one copy gives the caller all activations); otherwise reshaping layers are views."""

    def __init__(self, net: FastForward, n: int, keep_all: bool):
        self.nbytes = 0
        self.ops: list = []
        self.x = self.work((n, *net.input_shape))
        self.regions: list[tuple[int, int, tuple[int, ...]]] = []
        self.outputs: list[np.ndarray] = []
        total = n * sum(math.prod(step.shape) for step in net._steps)
        self.arena = np.empty(total, np.float32) if keep_all else None
        offset, a = 0, self.x
        for step in net._steps:
            shape = (n, *step.shape)
            out = None
            if keep_all:
                size = math.prod(shape)
                out = self.arena[offset:offset + size].reshape(shape)
                self.regions.append((offset, offset + size, step.shape))
                offset += size
            a = step.build(a, out, self)
            self.outputs.append(a)

    def work(self, shape, fill: float | None = None) -> np.ndarray:
        """A buffer of this plan (zeros or ``fill`` where given: padding keeps its border)."""
        buffer = np.empty(shape, np.float32) if fill is None else np.full(shape, fill, np.float32)
        self.nbytes += buffer.nbytes
        return buffer

    def output(self, out: np.ndarray | None, shape) -> np.ndarray:
        return self.work(shape) if out is None else out


# Products of up to this many multiply-adds stay on the calling thread in OpenBLAS (its threshold
# for threading a matrix product). Waking BLAS threads costs more than a product of a small network
# takes, and milliseconds when the CPU is busy (a training run): measured on 2 cores beside a
# training run, a 1000-image batch of the cnn took 0.4 s on one thread, 1.8 to 6 s with BLAS threads.
_ONE_THREAD_MADDS = 65536 * 4


def _matmul_ops(a: np.ndarray, w: np.ndarray, out: np.ndarray) -> list:
    """Operations computing ``out = a @ w`` (2-D, ``out`` bound), a large product cut into row
    blocks: one BLAS call per block, all inside one stacked ``matmul``, each on the calling thread."""
    (m, k), n = a.shape, w.shape[1]
    rows = max(1, _ONE_THREAD_MADDS // (k * n))
    if m <= rows:
        return [partial(np.matmul, a, w, out=out)]
    whole = m - m % rows
    ops = [partial(np.matmul, _view(a[:whole], (whole // rows, rows, k)), w,
                   out=_view(out[:whole], (whole // rows, rows, n)))]
    if whole < m:
        ops.append(partial(np.matmul, a[whole:], w, out=out[whole:]))
    return ops


def _view(a: np.ndarray, shape) -> np.ndarray:
    """``a`` seen with another shape, never a copy (operations are bound to the plan's buffers)."""
    v = a.view()
    v.shape = shape
    return v


def _activation_ops(name: str | None, y: np.ndarray, plan: _Plan) -> list:
    """In-place operations applying activation ``name`` to the buffer ``y``."""
    if name in (None, "linear"):
        return []
    if name == "relu":
        return [partial(np.maximum, y, np.float32(0), out=y)]
    if name == "tanh":
        return [partial(np.tanh, y, out=y)]
    if name == "sigmoid":  # 1 / (1 + e^-z) = (1 + tanh(z / 2)) / 2, without overflow for large -z
        half = np.float32(0.5)
        return [partial(np.multiply, y, half, out=y), partial(np.tanh, y, out=y),
                partial(np.multiply, y, half, out=y), partial(np.add, y, half, out=y)]
    if name == "softmax":
        m = plan.work((*y.shape[:-1], 1))
        return [partial(np.amax, y, axis=-1, keepdims=True, out=m), partial(np.subtract, y, m, out=y),
                partial(np.exp, y, out=y), partial(np.sum, y, axis=-1, keepdims=True, out=m),
                partial(np.divide, y, m, out=y)]
    raise ValueError(f"FastForward does not know the activation {name!r}")


class _Step(ABC):
    """One layer, compiled: ``shape`` its output shape (no batch axis); ``build`` binds its
    operations to a plan's buffers and returns its output buffer (each kind of layer its own)."""

    def __init__(self, info, shape):
        self.name, self.shape, self.activation = info.name, tuple(shape), info.activation

    @abstractmethod
    def build(self, a: np.ndarray, out: np.ndarray | None, plan: _Plan) -> np.ndarray:
        """Bind this layer's operations from input ``a`` into ``out`` (or a buffer of ``plan``)."""


class _ViewStep(_Step):
    """Reshape, Flatten, Dropout (off at inference): the same numbers, maybe another shape."""

    def build(self, a, out, plan):
        if out is None:
            return _view(a, (len(a), *self.shape))
        plan.ops.append(partial(np.copyto, out, _view(a, out.shape)))
        return out


class _ActivationStep(_Step):
    def build(self, a, out, plan):
        y = plan.output(out, a.shape)
        plan.ops.append(partial(np.copyto, y, a))
        plan.ops.extend(_activation_ops(self.activation, y, plan))
        return y


class _DenseStep(_Step):
    def __init__(self, info, shape, kernel, bias):
        super().__init__(info, shape)
        self.kernel, self.bias = kernel, bias

    def build(self, a, out, plan):
        y = plan.output(out, (len(a), *self.shape))
        k, units = self.kernel.shape
        y2 = _view(y, (-1, units))
        plan.ops.extend(_matmul_ops(_view(a, (-1, k)), self.kernel, y2))
        if self.bias is not None:
            plan.ops.append(partial(np.add, y2, self.bias, out=y2))
        plan.ops.extend(_activation_ops(self.activation, y, plan))
        return y


def _same_padding(size: int, window: int, stride: int, out: int) -> tuple[int, int]:
    """TensorFlow's 'same' padding along one axis: (before, after), the extra one after."""
    total = max((out - 1) * stride + window - size, 0)
    return total // 2, total - total // 2


class _WindowStep(_Step):
    """Convolution and pooling: windows of (kh, kw) pixels every (sh, sw), 'valid' or 'same'."""

    def __init__(self, info, shape, in_shape, window, strides, padding, fill=0.0):
        super().__init__(info, shape)
        self.in_shape, self.window, self.strides, self.fill = tuple(in_shape), tuple(window), tuple(strides), fill
        h, w = in_shape[:2]
        if padding == "same":
            self.pads = (_same_padding(h, window[0], strides[0], shape[0]),
                         _same_padding(w, window[1], strides[1], shape[1]))
        elif padding == "valid":
            self.pads = ((0, 0), (0, 0))
        else:
            raise ValueError(f"FastForward does not do padding={padding!r} (layer {info.name!r})")

    def padded(self, a: np.ndarray, plan: _Plan) -> np.ndarray:
        """``a`` itself, or a padded copy of it refreshed by an operation on every pass."""
        (top, bottom), (left, right) = self.pads
        if not (top or bottom or left or right):
            return a
        n, h, w, c = a.shape
        padded = plan.work((n, h + top + bottom, w + left + right, c), fill=self.fill)
        plan.ops.append(partial(np.copyto, padded[:, top:top + h, left:left + w], a))
        return padded

    def offsets(self, src: np.ndarray) -> list[np.ndarray]:
        """For each (i, j) of the window, the (n, H', W', C) view of the pixels at that offset."""
        (kh, kw), (sh, sw) = self.window, self.strides
        ho, wo = self.shape[:2]
        return [src[:, i:i + (ho - 1) * sh + 1:sh, j:j + (wo - 1) * sw + 1:sw] for i in range(kh) for j in range(kw)]


class _ConvStep(_WindowStep):
    """One matrix product per convolution: each output pixel's (kh, kw, C) patch is a row of an
    im2col buffer (with a last column of ones, so the bias is part of the product), times the
    kernels as one (kh·kw·C + 1, filters) matrix."""

    def __init__(self, info, shape, in_shape, kernel, bias, strides, padding):
        super().__init__(info, shape, in_shape, kernel.shape[:2], strides, padding)
        kh, kw, c, filters = kernel.shape
        rows = [kernel.reshape(kh * kw * c, filters)] + ([bias.reshape(1, filters)] if bias is not None else [])
        self.matrix = np.ascontiguousarray(np.concatenate(rows), dtype=np.float32)
        self.bias = bias

    def build(self, a, out, plan):
        n = len(a)
        ho, wo, filters = self.shape
        (kh, kw), (sh, sw) = self.window, self.strides
        c = a.shape[-1]
        k = kh * kw * c
        src = self.padded(a, plan)
        y = plan.output(out, (n, *self.shape))
        y2 = _view(y, (n * ho * wo, filters))
        if (kh, kw, sh, sw) == (1, 1, 1, 1):  # a 1×1 convolution is a plain matrix product
            plan.ops.extend(_matmul_ops(_view(src, (n * ho * wo, c)), self.matrix[:k], y2))
            if self.bias is not None:
                plan.ops.append(partial(np.add, y2, self.bias, out=y2))
        else:
            columns = plan.work((n * ho * wo, len(self.matrix)))  # im2col, plus the column of ones
            columns[:, k:] = 1.0
            # Within a patch row, a window's kw pixels × C channels are contiguous in the image as
            # in the patch: copy them as runs of kw·C numbers.
            sn, sy, sx, sc = src.strides
            windows = as_strided(src, (n, ho, wo, kh, kw * c), (sn, sy * sh, sx * sw, sy, sc), writeable=False)
            plan.ops.append(partial(np.copyto, _view(columns[:, :k], windows.shape), windows))
            plan.ops.extend(_matmul_ops(columns, self.matrix, y2))
        plan.ops.extend(_activation_ops(self.activation, y, plan))
        return y


class _PoolStep(_WindowStep):
    def __init__(self, info, shape, in_shape, pool, strides, padding, kind):
        self.is_max = kind == "MaxPooling2D"
        super().__init__(info, shape, in_shape, pool, strides, padding,
                         fill=-np.inf if self.is_max else 0.0)
        # Average pooling divides by the pixels of each window inside the image (as TensorFlow).
        ones = np.ones((1, *self.in_shape[:2], 1), np.float32)
        (top, bottom), (left, right) = self.pads
        ones = np.pad(ones, ((0, 0), (top, bottom), (left, right), (0, 0)))
        counts = sum(self.offsets(ones))
        self.divisor = np.float32(math.prod(pool)) if np.all(counts == math.prod(pool)) else counts

    def build(self, a, out, plan):
        y = plan.output(out, (len(a), *self.shape))
        first, *rest = self.offsets(self.padded(a, plan))
        combine = np.maximum if self.is_max else np.add
        if rest:
            plan.ops.append(partial(combine, first, rest[0], out=y))
            plan.ops.extend(partial(combine, y, other, out=y) for other in rest[1:])
        else:
            plan.ops.append(partial(np.copyto, y, first))
        if not self.is_max:
            plan.ops.append(partial(np.divide, y, self.divisor, out=y))
        return y


class _BatchNormStep(_Step):
    """Inference batch norm as TensorFlow computes it: x · inv + (beta − mean · inv), with
    inv = gamma / sqrt(variance + epsilon)."""

    def __init__(self, info, shape, scale, shift):
        super().__init__(info, shape)
        self.scale, self.shift = scale, shift

    def build(self, a, out, plan):
        y = plan.output(out, a.shape)
        plan.ops.append(partial(np.multiply, a, self.scale, out=y))
        plan.ops.append(partial(np.add, y, self.shift, out=y))
        return y


def _compile_step(info, weights, in_shape) -> _Step:
    """A layer description and its weights as a ``_Step``; ValueError for what it cannot run."""
    kind, p = info.kind, info.params
    in_shape, shape = tuple(in_shape), tuple(info.shape)
    weights = [np.ascontiguousarray(w, dtype=np.float32) for w in weights]
    if None in shape:
        raise ValueError(f"layer {info.name!r} has an unknown output shape {shape}")
    if kind in ("Conv2D", "MaxPooling2D", "AveragePooling2D", "Flatten") \
            and p.get("data_format", "channels_last") != "channels_last":
        raise ValueError(f"FastForward does not do data_format={p['data_format']!r} (layer {info.name!r})")
    if kind in ("Reshape", "Flatten", "Dropout"):
        if math.prod(shape) != math.prod(in_shape):
            raise ValueError(f"layer {info.name!r} cannot reshape {in_shape} to {shape}")
        return _ViewStep(info, shape)
    if kind == "Activation":
        return _ActivationStep(info, shape)
    if kind == "Dense":
        kernel, bias = weights[0], (weights[1] if p.get("use_bias", True) and len(weights) > 1 else None)
        return _DenseStep(info, shape, kernel, bias)
    if kind == "Conv2D":
        if tuple(p.get("dilation_rate", (1, 1))) != (1, 1) or p.get("groups", 1) != 1:
            raise ValueError(f"FastForward does not do dilated or grouped convolutions (layer {info.name!r})")
        bias = weights[1] if p.get("use_bias", True) and len(weights) > 1 else None
        return _ConvStep(info, shape, in_shape, weights[0], bias, tuple(p["strides"]), p["padding"])
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        return _PoolStep(info, shape, in_shape, tuple(p["pool_size"]), tuple(p["strides"]), p["padding"], kind)
    if kind == "BatchNormalization":
        if p.get("axis", -1) not in (-1, len(in_shape)):
            raise ValueError(f"FastForward does batch norm over the last axis only (layer {info.name!r})")
        gamma, beta, mean, variance = (np.asarray(w, dtype=np.float32) for w in
                                       _bn_weights(p.get("scale", True), p.get("center", True), weights))
        inv = gamma / np.sqrt(variance + np.float32(p["epsilon"]))  # float32 throughout, as TensorFlow
        return _BatchNormStep(info, shape, inv, beta - mean * inv)
    raise ValueError(f"FastForward does not know layer {info.name!r} ({kind})")

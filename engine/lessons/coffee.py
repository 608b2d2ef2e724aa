"""Lesson 2, "Inference, tiny first": the course's two small sigmoid networks, trained here in NumPy.

* The coffee-roasting network: 2 inputs (temperature °C, duration min) → 3 sigmoid units → 1
  sigmoid unit, on the course's 200 roasts (``load_coffee_data``), inputs normalised as the
  course's ``Normalization`` layer does, trained in a fraction of a second.
* "Is it a 1?": 784 pixels → 25 sigmoid → 15 sigmoid → 1 sigmoid, trained on a few thousand MNIST
  0s and 1s from the shipped copy (``engine.data``), tested on every 0 and 1 of the MNIST test set.

``SigmoidNetwork`` holds the weights (``W`` of shape (n_in, n_out), as Keras stores them); its
``forward`` is the course's forward propagation (``engine.numpy_forward.dense`` with ``sigmoid``),
``gradients`` is backpropagation of the mean binary cross-entropy written out, and ``train`` is Adam
on mini-batches. Everything is seeded: the same numbers on every run. No Qt, no TensorFlow.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from engine.numpy_forward import dense, sigmoid

# The course's plane: temperature 150..285 °C, duration 11.5..15.5 min; its test example [200, 17]
TEMPERATURE_RANGE = (150.0, 285.0)
DURATION_RANGE = (11.5, 15.5)
COURSE_EXAMPLE = (200.0, 17.0)
COFFEE_SEED = 2                      # the course's load_coffee_data uses np.random.default_rng(2)
THRESHOLD = 0.5


# ----------------------------------------------------------------------------------------- the data
def good_roast(temperature, duration) -> np.ndarray:
    """The course's rule for a good roast (y = 1): 175 < t < 260 °C, 12 < d < 15 min and below the
    line d ≤ −3/85 · t + 21 (too hot for too long burns the beans). Works on scalars and arrays."""
    t = np.asarray(temperature, dtype=np.float64)
    d = np.asarray(duration, dtype=np.float64)
    line = -3.0 / (260.0 - 175.0) * t + 21.0
    return ((t > 175.0) & (t < 260.0) & (d > 12.0) & (d < 15.0) & (d <= line)).astype(np.float64)


def load_coffee_data(n: int = 200, seed: int = COFFEE_SEED) -> tuple[np.ndarray, np.ndarray]:
    """The course's roasts: X (n, 2) = [temperature °C, duration min], Y (n, 1) in {0, 1}."""
    rng = np.random.default_rng(seed)
    X = rng.random(2 * n).reshape(-1, 2)
    X[:, 1] = X[:, 1] * (DURATION_RANGE[1] - DURATION_RANGE[0]) + DURATION_RANGE[0]
    X[:, 0] = X[:, 0] * (TEMPERATURE_RANGE[1] - TEMPERATURE_RANGE[0]) + TEMPERATURE_RANGE[0]
    Y = good_roast(X[:, 0], X[:, 1]).reshape(-1, 1)
    return X, Y


@dataclass(frozen=True)
class Normalizer:
    """What Keras' ``Normalization`` layer learns with ``adapt(X)``: per-feature mean and variance;
    it then computes (x − mean) / √variance."""

    mean: np.ndarray
    variance: np.ndarray

    @classmethod
    def adapt(cls, X: np.ndarray) -> "Normalizer":
        X = np.asarray(X, dtype=np.float64)
        return cls(X.mean(axis=0), X.var(axis=0))

    def __call__(self, X) -> np.ndarray:
        return (np.asarray(X, dtype=np.float64) - self.mean) / np.sqrt(self.variance)


# -------------------------------------------------------------------------------------- the network
@dataclass
class SigmoidNetwork:
    """Dense layers, every unit a sigmoid: W[l] has shape (n_in, n_out), b[l] shape (n_out,)."""

    W: list[np.ndarray]
    b: list[np.ndarray]

    @classmethod
    def initial(cls, sizes: tuple[int, ...], seed: int) -> "SigmoidNetwork":
        """Keras' defaults, seeded: Glorot-uniform weights, zero biases."""
        rng = np.random.default_rng(seed)
        W, b = [], []
        for n_in, n_out in zip(sizes, sizes[1:]):
            limit = np.sqrt(6.0 / (n_in + n_out))
            W.append(rng.uniform(-limit, limit, size=(n_in, n_out)))
            b.append(np.zeros(n_out))
        return cls(W, b)

    @property
    def sizes(self) -> tuple[int, ...]:
        return (self.W[0].shape[0], *(w.shape[1] for w in self.W))

    def copy(self) -> "SigmoidNetwork":
        return SigmoidNetwork([w.copy() for w in self.W], [v.copy() for v in self.b])

    def forward(self, X: np.ndarray) -> list[np.ndarray]:
        """[a^[1], a^[2], ...]: each layer's activations, a^[l] = sigmoid(a^[l−1] W^[l] + b^[l])."""
        a = np.asarray(X, dtype=np.float64)
        out = []
        for W, b in zip(self.W, self.b):
            a = dense(a, W, b, sigmoid)
            out.append(a)
        return out

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The output unit's activation: the estimated probability that y = 1."""
        return self.forward(X)[-1]

    def loss(self, X: np.ndarray, Y: np.ndarray) -> float:
        """Mean binary cross-entropy, −[y log a + (1 − y) log(1 − a)], computed from z (stable)."""
        a_prev = np.asarray(X, dtype=np.float64)
        for W, b in zip(self.W[:-1], self.b[:-1]):
            a_prev = dense(a_prev, W, b, sigmoid)
        z = a_prev @ self.W[-1] + self.b[-1]
        Y = np.asarray(Y, dtype=np.float64).reshape(z.shape)
        return float(np.mean(np.maximum(z, 0) - z * Y + np.log1p(np.exp(-np.abs(z)))))

    def gradients(self, X: np.ndarray, Y: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Backpropagation of the mean binary cross-entropy: (dJ/dW per layer, dJ/db per layer).

        At the sigmoid output dJ/dz = (a − y) / m; through a hidden sigmoid layer
        dJ/dz^[l] = (dJ/dz^[l+1] W^[l+1]ᵀ) · a^[l](1 − a^[l]); dJ/dW^[l] = a^[l−1]ᵀ dJ/dz^[l]."""
        X = np.asarray(X, dtype=np.float64)
        acts = [X, *self.forward(X)]
        m = X.shape[0]
        dz = (acts[-1] - np.asarray(Y, dtype=np.float64).reshape(acts[-1].shape)) / m
        dW: list[np.ndarray] = [np.empty(0)] * len(self.W)
        db: list[np.ndarray] = [np.empty(0)] * len(self.W)
        for layer in range(len(self.W) - 1, -1, -1):
            dW[layer] = acts[layer].T @ dz
            db[layer] = dz.sum(axis=0)
            if layer > 0:
                a = acts[layer]
                dz = (dz @ self.W[layer].T) * a * (1.0 - a)
        return dW, db

    def accuracy(self, X: np.ndarray, Y: np.ndarray) -> float:
        decided = self.predict(X) >= THRESHOLD
        return float(np.mean(decided.reshape(-1) == (np.asarray(Y).reshape(-1) >= 0.5)))


class Stopped(Exception):
    """Training was asked to stop (the lesson closed)."""


def train(net: SigmoidNetwork, X: np.ndarray, Y: np.ndarray, *, epochs: int, batch_size: int | None,
          learning_rate: float, seed: int, should_stop: Callable[[], bool] | None = None) -> list[float]:
    """Adam (β1 0.9, β2 0.999, ε 1e-7, Keras' defaults) on the mean binary cross-entropy, in place.
    ``batch_size`` None: full-batch gradient steps, one per epoch. Returns the loss after each epoch.
    Raises ``Stopped`` as soon as ``should_stop()`` says so."""
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64).reshape(-1, 1)
    params = [*net.W, *net.b]
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-7
    rng = np.random.default_rng(seed)
    n = X.shape[0]
    step = 0
    history = []
    for _ in range(epochs):
        if should_stop is not None and should_stop():
            raise Stopped()
        order = np.arange(n) if batch_size is None else rng.permutation(n)
        size = n if batch_size is None else batch_size
        for start in range(0, n, size):
            batch = order[start:start + size]
            dW, db = net.gradients(X[batch], Y[batch])
            step += 1
            lr = learning_rate * np.sqrt(1 - beta2 ** step) / (1 - beta1 ** step)
            for p, g, v1, v2 in zip(params, [*dW, *db], m1, m2):
                v1 *= beta1
                v1 += (1 - beta1) * g
                v2 *= beta2
                v2 += (1 - beta2) * g * g
                p -= lr * v1 / (np.sqrt(v2) + eps)
        if batch_size is not None:
            history.append(net.loss(X, Y))
    if batch_size is None:
        history.append(net.loss(X, Y))
    return history


# --------------------------------------------------------------------------------- the coffee model
COFFEE_SIZES = (2, 3, 1)
COFFEE_STEPS = 1000
COFFEE_LEARNING_RATE = 0.1


@dataclass(frozen=True)
class CoffeeModel:
    """The trained coffee network with its normaliser and data."""

    net: SigmoidNetwork
    norm: Normalizer
    X: np.ndarray
    Y: np.ndarray
    accuracy: float
    loss: float
    seconds: float

    def layers(self, temperature: float, duration: float) -> "CoffeeReading":
        """Forward propagation of one roast: its normalised input, a^[1] (3) and a^[2] (1)."""
        x = self.norm(np.array([[temperature, duration]]))
        a1, a2 = self.net.forward(x)
        return CoffeeReading(float(temperature), float(duration), x[0], a1[0], float(a2[0, 0]))

    def grid(self, t_range=None, d_range=None, shape: tuple[int, int] = (150, 120)
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The output a^[2] over a grid of pixel centres: (temperatures (nt,), durations (nd,),
        values (nt, nd)), values[i, j] at (temperatures[i], durations[j])."""
        t0, t1 = t_range or plane_ranges()[0]
        d0, d1 = d_range or plane_ranges()[1]
        nt, nd = shape
        ts = t0 + (np.arange(nt) + 0.5) * (t1 - t0) / nt
        ds = d0 + (np.arange(nd) + 0.5) * (d1 - d0) / nd
        tt, dd = np.meshgrid(ts, ds, indexing="ij")
        values = self.net.predict(self.norm(np.column_stack([tt.ravel(), dd.ravel()]))).reshape(nt, nd)
        return ts, ds, values


@dataclass(frozen=True)
class CoffeeReading:
    temperature: float
    duration: float
    x_norm: np.ndarray        # (2,)
    a1: np.ndarray            # (3,)
    a2: float

    @property
    def good(self) -> bool:
        return self.a2 >= THRESHOLD


def plane_ranges() -> tuple[tuple[float, float], tuple[float, float]]:
    """The plane the lesson draws: the data's range, widened to hold the course's example [200, 17]."""
    return (140.0, 295.0), (11.0, 17.5)


_cache: dict[str, object] = {}
_cache_lock = threading.Lock()


def coffee_model() -> CoffeeModel:
    """The coffee network trained on the course's 200 roasts (1,000 full-batch Adam steps, seeded; ~60 ms).
    Trained once per process, then kept."""
    with _cache_lock:
        if "coffee" in _cache:
            return _cache["coffee"]
    start = time.perf_counter()
    X, Y = load_coffee_data()
    norm = Normalizer.adapt(X)
    Xn = norm(X)
    net = SigmoidNetwork.initial(COFFEE_SIZES, seed=1234)
    history = train(net, Xn, Y, epochs=COFFEE_STEPS, batch_size=None, learning_rate=COFFEE_LEARNING_RATE, seed=0)
    model = CoffeeModel(net, norm, X, Y, net.accuracy(Xn, Y), history[-1], time.perf_counter() - start)
    with _cache_lock:
        _cache["coffee"] = model
    return model


# ------------------------------------------------------------------------------------- is it a 1?
DIGIT_SIZES = (784, 25, 15, 1)
DIGIT_TRAIN_IMAGES = 2000
DIGIT_EPOCHS = 5
DIGIT_SEED = 7


@dataclass(frozen=True)
class DigitModel:
    """The "is it a 1?" network (784 → 25 → 15 → 1, all sigmoid) and how it did."""

    net: SigmoidNetwork
    train_count: int
    test_count: int
    train_accuracy: float
    test_accuracy: float
    seconds: float

    def layers(self, image28: np.ndarray) -> list[np.ndarray]:
        """[a^[1] (25), a^[2] (15), a^[3] (1)] for one 28×28 image (0..1, white ink on black)."""
        x = np.asarray(image28, dtype=np.float64).reshape(1, 784)
        return [a[0] for a in self.net.forward(x)]

    def probability_of_one(self, image28: np.ndarray) -> float:
        """a_1^[3]: the estimated probability that the image is a 1."""
        return float(self.layers(image28)[-1][0])


def zeros_and_ones(mnist, count: int | None, seed: int, split: str = "train") -> tuple[np.ndarray, np.ndarray]:
    """MNIST's 0s and 1s as (m, 784) floats 0..1 and labels (m, 1): y = 1 for a 1; ``count`` of
    them drawn with ``seed`` (None: all)."""
    x, y = (mnist.x_train, mnist.y_train) if split == "train" else (mnist.x_test, mnist.y_test)
    keep = np.flatnonzero(y < 2)
    if count is not None:
        keep = np.sort(np.random.default_rng(seed).choice(keep, size=count, replace=False))
    return x[keep].reshape(-1, 784).astype(np.float64) / 255.0, (y[keep] == 1).astype(np.float64).reshape(-1, 1)


def digit_model(should_stop: Callable[[], bool] | None = None, mnist=None) -> DigitModel:
    """The "is it a 1?" network trained on 2,000 MNIST 0s and 1s (Adam, batches of 32, 5 epochs,
    seeded; about a second with the shipped MNIST), tested on all 2,115 test 0s and 1s. Trained once
    per process, then kept. Raises ``Stopped`` when ``should_stop()`` says so."""
    with _cache_lock:
        if "digit" in _cache:
            return _cache["digit"]
    start = time.perf_counter()
    if mnist is None:
        from engine.data import load_mnist
        mnist = load_mnist()
    X, Y = zeros_and_ones(mnist, DIGIT_TRAIN_IMAGES, DIGIT_SEED)
    Xt, Yt = zeros_and_ones(mnist, None, DIGIT_SEED, split="test")
    net = SigmoidNetwork.initial(DIGIT_SIZES, seed=DIGIT_SEED)
    train(net, X, Y, epochs=DIGIT_EPOCHS, batch_size=32, learning_rate=0.003, seed=DIGIT_SEED,
          should_stop=should_stop)
    model = DigitModel(net, len(X), len(Xt), net.accuracy(X, Y), net.accuracy(Xt, Yt), time.perf_counter() - start)
    with _cache_lock:
        _cache["digit"] = model
    return model


def cached_digit_model() -> DigitModel | None:
    """The trained "is it a 1?" network if this process has trained it already, else None."""
    with _cache_lock:
        return _cache.get("digit")


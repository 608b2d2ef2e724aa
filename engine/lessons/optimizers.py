"""SGD and Adam on the course's network, in NumPy: the numbers of the Learn panel's Adam lesson.

A small, self-contained trainer (no Qt, no TensorFlow): the course's 784 → 25 → 15 → 10 relu
network with linear logits, softmax cross-entropy from the logits (what
``SparseCategoricalCrossentropy(from_logits=True)`` computes), backpropagation, and the two
optimizers with exactly ``keras.optimizers.SGD``'s and ``keras.optimizers.Adam``'s update
equations and defaults (Adam: β1 = 0.9, β2 = 0.999, ε = 1e-7)::

    SGD:   w ← w − α·g
    Adam:  m ← m + (1 − β1)(g − m)        v ← v + (1 − β2)(g² − v)
           α_t = α·√(1 − β2^t) / (1 − β1^t)
           w ← w − α_t·m / (√v + ε)        (= α·m̂ / (√v̂ + ε̂): Keras's bias-corrected step)

Everything is float32, as in Keras, so the tests compare the updates with Keras's to 1e-5.
``race`` trains both from the same initial weights on the same batches of a 5,000-image MNIST
subset and records the loss curves and, for Adam, the step every weight of the last two layers
took, from which ``pick_weights`` chooses a weight that kept moving one way and one that zig-zagged.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

SIZES = (784, 25, 15, 10)          # the course's network
BETA_1, BETA_2, EPSILON = 0.9, 0.999, 1e-7   # keras.optimizers.Adam's defaults
LEARNING_RATE = 0.001              # the course's Adam(learning_rate=1e-3); SGD gets the same
SUBSET = 5000
BATCH = 32                         # Keras's default batch size
STEPS = 300
EVAL_EVERY = 10


# --- the network ---------------------------------------------------------------------------------

def init_params(seed: int = 0, sizes=SIZES) -> list[np.ndarray]:
    """Keras's default initialisation: Glorot-uniform kernels, zero biases; float32 arrays
    ordered W1, b1, W2, b2, W3, b3 (as ``model.get_weights()``)."""
    rng = np.random.default_rng(seed)
    params = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6.0 / (n_in + n_out))
        params.append(rng.uniform(-limit, limit, (n_in, n_out)).astype(np.float32))
        params.append(np.zeros(n_out, np.float32))
    return params


def logits(params: list[np.ndarray], x: np.ndarray) -> np.ndarray:
    """Forward propagation: relu hidden layers, linear output layer (the logits)."""
    a = np.asarray(x, np.float32)
    n = len(params) // 2
    for i in range(n):
        z = a @ params[2 * i] + params[2 * i + 1]
        a = np.maximum(z, 0) if i < n - 1 else z
    return a


def cross_entropy(z: np.ndarray, y: np.ndarray) -> float:
    """Mean softmax cross-entropy computed from the logits: mean(logsumexp(z) − z_y)."""
    z = np.asarray(z, np.float32)
    m = np.max(z, axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.sum(np.exp(z - m), axis=1))
    return float(np.mean(lse - z[np.arange(len(z)), y]))


def loss_and_gradients(params: list[np.ndarray], x: np.ndarray, y: np.ndarray) -> tuple[float, list[np.ndarray]]:
    """The mean loss over the batch and its gradient for every parameter (backpropagation)."""
    n = len(params) // 2
    a = [np.asarray(x, np.float32)]
    for i in range(n):
        z = a[-1] @ params[2 * i] + params[2 * i + 1]
        a.append(np.maximum(z, 0) if i < n - 1 else z)
    z = a[-1]
    m = np.max(z, axis=1, keepdims=True)
    e = np.exp(z - m)
    s = np.sum(e, axis=1, keepdims=True)
    batch = len(z)
    loss = float(np.mean(m[:, 0] + np.log(s[:, 0]) - z[np.arange(batch), y]))
    delta = e / s                                   # dL/dz = (softmax(z) − one_hot(y)) / m
    delta[np.arange(batch), y] -= 1
    delta /= np.float32(batch)
    grads: list[np.ndarray] = [None] * len(params)  # type: ignore[list-item]
    for i in reversed(range(n)):
        grads[2 * i] = (a[i].T @ delta).astype(np.float32)
        grads[2 * i + 1] = delta.sum(axis=0).astype(np.float32)
        if i > 0:
            delta = (delta @ params[2 * i].T) * (a[i] > 0)
    return loss, grads


# --- the optimizers --------------------------------------------------------------------------------

class SGD:
    """``keras.optimizers.SGD(learning_rate)`` without momentum: w ← w − α·g."""

    def __init__(self, learning_rate: float = LEARNING_RATE):
        self.learning_rate = float(learning_rate)
        self.iterations = 0

    def steps(self, grads: list[np.ndarray]) -> list[np.ndarray]:
        """The change of every parameter for these gradients (and count the step)."""
        self.iterations += 1
        lr = np.float32(self.learning_rate)
        return [-lr * g for g in grads]

    def apply(self, params: list[np.ndarray], grads: list[np.ndarray]) -> list[np.ndarray]:
        """Update ``params`` in place; return the steps taken."""
        steps = self.steps(grads)
        for p, d in zip(params, steps):
            p += d
        return steps


class Adam:
    """``keras.optimizers.Adam`` (amsgrad off), the same equations and float32 arithmetic."""

    def __init__(self, learning_rate: float = LEARNING_RATE, beta_1: float = BETA_1, beta_2: float = BETA_2,
                 epsilon: float = EPSILON):
        self.learning_rate, self.beta_1, self.beta_2, self.epsilon = (float(learning_rate), float(beta_1),
                                                                      float(beta_2), float(epsilon))
        self.iterations = 0
        self.m: list[np.ndarray] | None = None
        self.v: list[np.ndarray] | None = None

    def steps(self, grads: list[np.ndarray]) -> list[np.ndarray]:
        if self.m is None:
            self.m = [np.zeros_like(g, np.float32) for g in grads]
            self.v = [np.zeros_like(g, np.float32) for g in grads]
        f = np.float32
        t = f(self.iterations + 1)
        b1, b2 = f(self.beta_1), f(self.beta_2)
        alpha = f(self.learning_rate) * np.sqrt(f(1) - b2 ** t) / (f(1) - b1 ** t)
        out = []
        for g, m, v in zip(grads, self.m, self.v):
            g = np.asarray(g, np.float32)
            m += (g - m) * (f(1) - b1)
            v += (np.square(g) - v) * (f(1) - b2)
            out.append(-(m * alpha) / (np.sqrt(v) + f(self.epsilon)))
        self.iterations += 1
        return out

    def apply(self, params: list[np.ndarray], grads: list[np.ndarray]) -> list[np.ndarray]:
        steps = self.steps(grads)
        for p, d in zip(params, steps):
            p += d
        return steps


# --- the race ----------------------------------------------------------------------------------

def mnist_subset(size: int = SUBSET, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``size`` MNIST training images (flattened, 0..1 float32) and labels, always the same ones."""
    from engine.data import load_mnist

    mnist = load_mnist()
    pick = np.random.default_rng(seed).choice(len(mnist.x_train), size, replace=False)
    x = mnist.x_train[pick].reshape(size, -1).astype(np.float32) / np.float32(255)
    return x, mnist.y_train[pick].astype(np.int64)


@dataclass
class RaceResult:
    """Both runs: loss on the whole subset every ``eval_every`` steps (``eval_steps``), and Adam's
    step (Δw) and gradient of every weight of the last two layers (W2, b2, W3, b3 flattened) per step."""

    learning_rate: float
    steps: int
    eval_steps: list[int] = field(default_factory=list)
    sgd_loss: list[float] = field(default_factory=list)
    adam_loss: list[float] = field(default_factory=list)
    adam_steps: np.ndarray | None = None          # (steps, k) Adam's Δw
    adam_grads: np.ndarray | None = None          # (steps, k) the gradients it saw
    sgd_steps: np.ndarray | None = None           # (steps, k) SGD's Δw on its own run
    tracked_names: list[str] = field(default_factory=list)   # "W3[4,7]" for each tracked weight
    finished: bool = False                        # False: stopped early

    def final(self) -> tuple[float, float]:
        """(SGD's, Adam's) last measured loss."""
        return self.sgd_loss[-1], self.adam_loss[-1]


def _tracked(params: list[np.ndarray]) -> tuple[list[str], Callable[[list[np.ndarray]], np.ndarray]]:
    """The weights whose steps are recorded: every entry of the last two layers."""
    names = []
    first = len(params) - 4
    for i in range(first, len(params)):
        layer = i // 2 + 1
        arr = params[i]
        if arr.ndim == 2:
            names += [f"W{layer}[{r},{c}]" for r in range(arr.shape[0]) for c in range(arr.shape[1])]
        else:
            names += [f"b{layer}[{r}]" for r in range(arr.shape[0])]

    def flat(arrays):
        return np.concatenate([a.reshape(-1) for a in arrays[first:]])

    return names, flat


def race(learning_rate: float = LEARNING_RATE, steps: int = STEPS, seed: int = 0, data=None,
         batch: int = BATCH, eval_every: int = EVAL_EVERY,
         progress: Callable[[RaceResult], None] | None = None,
         should_stop: Callable[[], bool] | None = None) -> RaceResult:
    """Train SGD and Adam side by side from the same initial weights (seed) on the same batches.
    ``progress(result)`` is called after every evaluation with the result so far; ``should_stop()``
    ends the race early (the result says ``finished=False``). Deterministic for given arguments."""
    x, y = data if data is not None else mnist_subset()
    start = init_params(seed)
    runs = {"sgd": ([p.copy() for p in start], SGD(learning_rate)),
            "adam": ([p.copy() for p in start], Adam(learning_rate))}
    names, flat = _tracked(start)
    result = RaceResult(learning_rate=float(learning_rate), steps=steps, tracked_names=names,
                        adam_steps=np.zeros((steps, len(names)), np.float32),
                        adam_grads=np.zeros((steps, len(names)), np.float32),
                        sgd_steps=np.zeros((steps, len(names)), np.float32))
    order = np.random.default_rng(seed + 1)
    batches = []
    per_epoch = len(x) // batch
    while len(batches) < steps:
        perm = order.permutation(len(x))
        batches += [perm[k * batch:(k + 1) * batch] for k in range(per_epoch)]

    def evaluate(t: int) -> None:
        result.eval_steps.append(t)
        result.sgd_loss.append(cross_entropy(logits(runs["sgd"][0], x), y))
        result.adam_loss.append(cross_entropy(logits(runs["adam"][0], x), y))
        if progress is not None:
            progress(result)

    evaluate(0)
    for t in range(steps):
        if should_stop is not None and should_stop():
            result.steps = t
            for key in ("adam_steps", "adam_grads", "sgd_steps"):
                setattr(result, key, getattr(result, key)[:t])
            return result
        idx = batches[t]
        for key, (params, optimizer) in runs.items():
            _, grads = loss_and_gradients(params, x[idx], y[idx])
            taken = optimizer.apply(params, grads)
            if key == "adam":
                result.adam_steps[t] = flat(taken)
                result.adam_grads[t] = flat(grads)
            else:
                result.sgd_steps[t] = flat(taken)
        if (t + 1) % eval_every == 0 or t + 1 == steps:
            evaluate(t + 1)
    result.finished = True
    return result


@dataclass(frozen=True)
class TrackedWeight:
    """One weight's story in Adam's run: its name, how often its gradient kept its sign, and per step
    Adam's |Δw|, SGD's |Δw| = α·|g| for the same gradient, and Adam's effective learning rate |Δw|/|g|."""

    name: str
    consistency: float            # |mean sign of g|: 1 = always the same direction, 0 = zig-zag
    adam_step: np.ndarray         # |α·m̂/(√v̂ + ε)| per step
    sgd_step: np.ndarray          # |α·g| per step (what SGD would have done with that gradient)

    @property
    def mean_ratio(self) -> float:
        """How many times larger Adam's steps were than SGD's, over the second half of the run."""
        half = len(self.adam_step) // 2
        return float(np.mean(self.adam_step[half:]) / max(float(np.mean(self.sgd_step[half:])), 1e-30))


def pick_weights(result: RaceResult) -> tuple[TrackedWeight, TrackedWeight]:
    """The tracked weight that kept moving one way (its gradient's sign steadiest) and the one that
    zig-zagged most, among weights whose gradient was not negligible (dead units left out)."""
    g = result.adam_grads
    size = np.mean(np.abs(g), axis=0)
    alive = size >= np.quantile(size, 0.5)
    consistency = np.abs(np.mean(np.sign(g), axis=0))
    steady = int(np.argmax(np.where(alive, consistency, -1)))
    zigzag = int(np.argmin(np.where(alive, consistency, 2)))
    lr = np.float32(result.learning_rate)

    def tracked(i):
        return TrackedWeight(result.tracked_names[i], float(consistency[i]), np.abs(result.adam_steps[:, i]),
                             np.abs(lr * g[:, i]))

    return tracked(steady), tracked(zigzag)

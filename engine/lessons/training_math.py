"""The "Training" lesson's numbers: the loss of one example, the cost of a batch, and a small
trainer for the course's 25-15-10 network written out in NumPy.

The course trains in three steps: specify the model (``Sequential([...])``), the loss
(``model.compile(loss=...)``), and minimise the cost (``model.fit(X, y, epochs=...)``). Here:

* ``binary_cross_entropy(f, y)``: L(f, y) = −y log f − (1 − y) log(1 − f) for one example;
* ``sparse_cross_entropy(logits, labels)``: each example's loss −log softmax(z)_y (what
  ``SparseCategoricalCrossentropy(from_logits=True)`` computes) and ``batch_cost`` their mean J;
* ``init_dense_network`` / ``loss_and_gradients`` / ``train``: a dense network trained with Adam
  (Keras's defaults and update rule) on softmax cross-entropy from logits, backpropagation written
  out; deterministic for a given seed. The tests compare its gradients with ``tf.GradientTape``'s.

NumPy only (no Qt, no TensorFlow).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from engine.network import NetworkDescription
from engine.numpy_forward import ACTIVATIONS, FastForward, softmax

COURSE_SIZES = (784, 25, 15, 10)
COURSE_ACTIVATIONS = ("relu", "relu", "linear")
SUBSET_SIZE = 5000          # MNIST training images the lesson trains on
TEST_SIZE = 2000            # MNIST test images its accuracy is measured on


# -- Losses -----------------------------------------------------------------------------------------

def binary_cross_entropy(f: float, y: int) -> float:
    """L(f, y) = −y log f − (1 − y) log(1 − f): the loss of one example whose model output is f
    (a probability) and whose label is y (0 or 1). f is clipped to [1e-7, 1 − 1e-7] as Keras does."""
    f = float(np.clip(f, 1e-7, 1.0 - 1e-7))
    return float(-y * np.log(f) - (1 - y) * np.log(1.0 - f))


def log_softmax(logits: np.ndarray) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64)
    shifted = z - np.max(z, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def sparse_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Each example's loss −log softmax(z)_y for logits (m, k) and integer labels (m,): what
    ``SparseCategoricalCrossentropy(from_logits=True, reduction=None)`` gives."""
    labels = np.asarray(labels, dtype=np.int64)
    return -log_softmax(logits)[np.arange(len(labels)), labels]


def batch_cost(losses: np.ndarray) -> float:
    """J = (1/m) Σ L^(i): the cost is the average of the examples' losses."""
    return float(np.mean(losses))


# -- MNIST ------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _mnist():
    from engine.data import load_mnist

    return load_mnist()


def mnist_training_subset(n: int = SUBSET_SIZE, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` MNIST training images (flattened, float32 0..1) with their labels, the same every time."""
    data = _mnist()
    picks = np.random.default_rng(seed).permutation(len(data.y_train))[:n]
    return (data.x_train[picks].reshape(n, 784).astype(np.float32) / 255.0,
            data.y_train[picks].astype(np.int64))


def mnist_test_subset(n: int = TEST_SIZE) -> tuple[np.ndarray, np.ndarray]:
    """The first ``n`` MNIST test images (flattened, float32 0..1) and their labels."""
    data = _mnist()
    return data.x_test[:n].reshape(n, 784).astype(np.float32) / 255.0, data.y_test[:n].astype(np.int64)


# -- One example and one batch through the current model --------------------------------------------

@dataclass(frozen=True)
class ExampleLoss:
    """Binary cross-entropy for "is it a d?": f = P(digit d), the loss if the label is 1 and if it is 0."""

    digit: int
    f: float
    loss_if_yes: float          # y = 1: −log f
    loss_if_no: float           # y = 0: −log(1 − f)


def example_loss(probabilities: np.ndarray, digit: int | None = None) -> ExampleLoss:
    """The loss numbers of one drawing: f is the probability of ``digit`` (default: the answer)."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    d = int(np.argmax(probabilities)) if digit is None else int(digit)
    f = float(probabilities[d])
    return ExampleLoss(d, f, binary_cross_entropy(f, 1), binary_cross_entropy(f, 0))


@dataclass(frozen=True)
class BatchCost:
    """A small batch through a model: each example's label, logits, P(label), loss; and J."""

    labels: np.ndarray            # (m,)
    logits: np.ndarray            # (m, 10)
    p_label: np.ndarray           # (m,) softmax(z)_y
    losses: np.ndarray            # (m,) −log softmax(z)_y
    cost: float                   # mean of losses
    images: np.ndarray = field(repr=False, default=None)   # (m, 28, 28)
    indices: np.ndarray = field(repr=False, default=None)  # (m,) their places in the MNIST test set


def batch_of(description: NetworkDescription, m: int = 8, with_mistake: bool = True, search: int = 2000) -> BatchCost:
    """A batch of ``m`` MNIST test images through the network ``description`` (uncalibrated
    logits, as training sees them) with each example's loss and the batch's cost J: the first
    ``m`` − 1 test images and, with ``with_mistake``, the first of the first ``search`` that the
    network gets wrong (the ``m``-th image when it gets none wrong)."""
    data = _mnist()
    forward = FastForward(description)
    picks = list(range(m))
    for start in range(m - 1, search if with_mistake else 0, 128):     # in chunks: stop at the first
        stop = min(start + 128, search)
        pool = data.x_test[start:stop].astype(np.float32) / 255.0
        wrong = np.flatnonzero(np.argmax(forward.run_batch(pool), axis=1) != data.y_test[start:stop])
        if len(wrong):
            picks[-1] = start + int(wrong[0])
            break
    images = data.x_test[picks].astype(np.float32) / 255.0
    labels = data.y_test[picks].astype(np.int64)
    logits = forward.run_batch(images).astype(np.float64)
    losses = sparse_cross_entropy(logits, labels)
    p = softmax(logits)[np.arange(m), labels]
    return BatchCost(labels, logits, p, losses, batch_cost(losses), images, np.array(picks))


# -- A dense network and its trainer ----------------------------------------------------------------

@dataclass
class DenseNetwork:
    """A dense network as arrays: layer l computes g_l(a · W_l + b_l), W_l (n_in, n_out)."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    activations: tuple[str, ...]
    # Adam's moments and step count (filled in by ``train``)
    state: dict = field(default_factory=dict, repr=False)

    @property
    def sizes(self) -> tuple[int, ...]:
        return (self.weights[0].shape[0], *(W.shape[1] for W in self.weights))

    def parameters(self) -> list[np.ndarray]:
        """W1, b1, W2, b2, … (Keras's ``get_weights()`` order)."""
        return [p for W, b in zip(self.weights, self.biases) for p in (W, b)]


def init_dense_network(sizes: Sequence[int] = COURSE_SIZES, activations: Sequence[str] = COURSE_ACTIVATIONS,
                       seed: int = 0) -> DenseNetwork:
    """A new network: Glorot-uniform weights (Keras's default) and zero biases, from ``seed``."""
    if len(activations) != len(sizes) - 1:
        raise ValueError("one activation per layer: len(activations) must be len(sizes) - 1")
    rng = np.random.default_rng(seed)
    weights, biases = [], []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6.0 / (n_in + n_out))
        weights.append(rng.uniform(-limit, limit, (n_in, n_out)))
        biases.append(np.zeros(n_out))
    return DenseNetwork(weights, biases, tuple(activations))


def forward_pass(network: DenseNetwork, X: np.ndarray) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
    """Logits (m, k) for inputs X (m, n) and each layer's (input a, pre-activation z) for backprop."""
    a = np.asarray(X, dtype=np.float64).reshape(len(X), -1)
    cache = []
    for W, b, g in zip(network.weights, network.biases, network.activations):
        z = a @ W + b
        cache.append((a, z))
        a = ACTIVATIONS[g](z)
    return a, cache


def predict_logits(network: DenseNetwork, X: np.ndarray) -> np.ndarray:
    return forward_pass(network, X)[0]


def accuracy(network: DenseNetwork, X: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean(np.argmax(predict_logits(network, X), axis=1) == y))


def _activation_derivative(g: str, z: np.ndarray) -> np.ndarray:
    if g == "relu":
        return (z > 0).astype(z.dtype)
    if g == "linear":
        return np.ones_like(z)
    if g == "sigmoid":
        s = 1.0 / (1.0 + np.exp(-z))
        return s * (1.0 - s)
    if g == "tanh":
        return 1.0 - np.tanh(z) ** 2
    raise ValueError(f"no derivative for activation {g!r}")


def loss_and_gradients(network: DenseNetwork, X: np.ndarray, y: np.ndarray) -> tuple[float, list[np.ndarray]]:
    """The cost J (mean softmax cross-entropy from the logits) of the batch (X, y) and its
    gradients [∂J/∂W1, ∂J/∂b1, ∂J/∂W2, …], by backpropagation:
    ∂J/∂z_last = (softmax(z) − one_hot(y)) / m; for each layer from the last,
    ∂J/∂W = aᵀ · ∂J/∂z, ∂J/∂b = Σ ∂J/∂z, ∂J/∂a = ∂J/∂z · Wᵀ, ∂J/∂z_prev = ∂J/∂a · g′(z_prev)."""
    y = np.asarray(y, dtype=np.int64)
    logits, cache = forward_pass(network, X)
    m = len(y)
    loss = batch_cost(sparse_cross_entropy(logits, y))
    dz = softmax(logits)
    dz[np.arange(m), y] -= 1.0
    dz /= m
    grads: list[np.ndarray] = []
    for layer in range(len(network.weights) - 1, -1, -1):
        a, z = cache[layer]
        if layer != len(network.weights) - 1:     # the last layer's g is linear (logits): dz given
            dz = dz * _activation_derivative(network.activations[layer], z)
        grads[:0] = [a.T @ dz, dz.sum(axis=0)]
        if layer:
            dz = dz @ network.weights[layer].T
    return loss, grads


def adam_step(network: DenseNetwork, grads: list[np.ndarray], lr: float = 0.001, beta_1: float = 0.9,
              beta_2: float = 0.999, epsilon: float = 1e-7) -> None:
    """One Adam update of every parameter, exactly as Keras's Adam does it."""
    params = network.parameters()
    state = network.state
    if "m" not in state:
        state["m"] = [np.zeros_like(p) for p in params]
        state["v"] = [np.zeros_like(p) for p in params]
        state["t"] = 0
    state["t"] += 1
    t = state["t"]
    alpha = lr * np.sqrt(1.0 - beta_2 ** t) / (1.0 - beta_1 ** t)
    for p, g, m, v in zip(params, grads, state["m"], state["v"]):
        m += (g - m) * (1.0 - beta_1)
        v += (g * g - v) * (1.0 - beta_2)
        p -= alpha * m / (np.sqrt(v) + epsilon)


def sgd_step(network: DenseNetwork, grads: list[np.ndarray], lr: float = 0.1) -> None:
    """Plain gradient descent: w = w − α ∂J/∂w."""
    for p, g in zip(network.parameters(), grads):
        p -= lr * g


@dataclass
class TrainingHistory:
    """What ``train`` did: every batch's loss, the epochs finished, and whether it was stopped."""

    batch_losses: list[float] = field(default_factory=list)
    epochs_done: int = 0
    batches_per_epoch: int = 0
    stopped: bool = False

    def epoch_means(self) -> list[float]:
        n = self.batches_per_epoch
        return [float(np.mean(self.batch_losses[i * n:(i + 1) * n])) for i in range(self.epochs_done)]


def train(network: DenseNetwork, X: np.ndarray, y: np.ndarray, epochs: int = 5, batch: int = 32,
          lr: float = 0.001, optimizer: str = "adam", on_batch: Callable | None = None,
          should_stop: Callable[[], bool] | None = None, seed: int = 0) -> TrainingHistory:
    """Minimise the cost J of (X, y) by mini-batch gradient descent (``optimizer`` "adam" or
    "sgd"), shuffling each epoch from ``seed`` (deterministic). After every batch
    ``on_batch(epoch, index, batches_per_epoch, loss)`` is called; ``should_stop()`` (checked
    before each batch) ends the run early. Trains ``network`` in place; returns its history."""
    if optimizer not in ("adam", "sgd"):
        raise ValueError(f"optimizer must be 'adam' or 'sgd', not {optimizer!r}")
    X = np.asarray(X, dtype=np.float64).reshape(len(X), -1)
    y = np.asarray(y, dtype=np.int64)
    rng = np.random.default_rng(seed)
    per_epoch = -(-len(y) // batch)
    history = TrainingHistory(batches_per_epoch=per_epoch)
    for epoch in range(epochs):
        order = rng.permutation(len(y))
        for index in range(per_epoch):
            if should_stop is not None and should_stop():
                history.stopped = True
                return history
            picks = order[index * batch:(index + 1) * batch]
            loss, grads = loss_and_gradients(network, X[picks], y[picks])
            if optimizer == "adam":
                adam_step(network, grads, lr)
            else:
                sgd_step(network, grads, lr)
            history.batch_losses.append(loss)
            if on_batch is not None:
                on_batch(epoch, index, per_epoch, loss)
        history.epochs_done = epoch + 1
    return history


# -- The lesson's examples --------------------------------------------------------------------------

def mnist_example(index: int = 0) -> tuple[np.ndarray, int]:
    """MNIST test image ``index`` (28×28 float32 0..1) and its label: the lessons' example while
    the canvas is empty."""
    data = _mnist()
    return data.x_test[index].astype(np.float32) / 255.0, int(data.y_test[index])


def probabilities_of(description: NetworkDescription, image: np.ndarray) -> np.ndarray:
    """softmax of the network's logits for one 28×28 image (no calibration: temperature 1)."""
    return softmax(FastForward(description).run(image)[0].astype(np.float64))


@dataclass(frozen=True)
class FitResult:
    """``fit_course_network``'s outcome: the history, the network and its test accuracy."""

    history: TrainingHistory
    network: DenseNetwork
    test_loss: float | None
    test_accuracy: float | None


def evaluate(network: DenseNetwork, X: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(cost J, accuracy) of the network on (X, y)."""
    logits = predict_logits(network, X)
    return batch_cost(sparse_cross_entropy(logits, y)), float(np.mean(np.argmax(logits, axis=1) == y))


def fit_course_network(epochs: int = 10, n: int = SUBSET_SIZE, batch: int = 32, lr: float = 0.001, seed: int = 0,
                       on_batch: Callable | None = None, on_epoch: Callable | None = None,
                       should_stop: Callable[[], bool] | None = None, test_n: int = TEST_SIZE) -> FitResult:
    """``model.fit`` for the lesson: the 25-15-10 relu network trained with Adam on ``n`` MNIST
    training images; ``on_batch(epoch, index, batches_per_epoch, loss)`` after each batch and
    ``on_epoch(epoch, test_loss, test_accuracy)`` after each epoch (on ``test_n`` test images)."""
    X, y = mnist_training_subset(n, seed)
    X_test, y_test = mnist_test_subset(test_n)
    network = init_dense_network(COURSE_SIZES, COURSE_ACTIVATIONS, seed)
    history = TrainingHistory()
    result = (None, None)
    for epoch in range(epochs):
        def report(_e, index, per_epoch, loss, epoch=epoch):
            if on_batch is not None:
                on_batch(epoch, index, per_epoch, loss)

        one = train(network, X, y, epochs=1, batch=batch, lr=lr, optimizer="adam", on_batch=report,
                    should_stop=should_stop, seed=seed + epoch)
        history.batch_losses += one.batch_losses
        history.batches_per_epoch = one.batches_per_epoch
        if one.stopped:
            history.stopped = True
            break
        history.epochs_done = epoch + 1
        result = evaluate(network, X_test, y_test)
        if on_epoch is not None:
            on_epoch(epoch, *result)
    return FitResult(history, network, *result)

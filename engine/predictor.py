"""Compiled inference: one drawing → ten softmax probabilities and every layer's activations.

The ``Predictor`` keeps its own copy of the model, so a training run can keep changing
its model while the canvas is being recognised; new weights are swapped in under a lock.
One XLA-compiled ``tf.function`` with a fixed input signature does the whole forward pass: no
``model.predict()`` (≈ 75 ms of set-up per call) and no eager ``model(x)`` (≈ 7 ms).

A predictor applies the model's ``engine.calibration.Calibration``: the logits are divided by its
temperature before the softmax (honest confidence), and a drawing whose calibrated top
probability is under its threshold is answered "not a digit" (``Prediction.reason``).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.calibration import NOT_A_DIGIT, Calibration
from engine.device import tensorflow
from engine.model_files import check_digit_model
from engine.network import NetworkDescription, describe

_BATCH_CHUNK = 1024  # images per compiled batch call: bounded memory for thousands of files


@dataclass(frozen=True)
class LayerActivation:
    """What one layer computed: its name, Keras class (e.g. "Dense", "Conv2D") and output values
    without the batch axis (dense: (units,), conv/pool: (height, width, channels))."""

    name: str
    kind: str
    values: np.ndarray


@dataclass(frozen=True)
class Prediction:
    """The network's answer for one 28×28 input image."""

    image: np.ndarray                 # the 28×28 image the network saw
    probabilities: np.ndarray         # (10,) calibrated softmax, sums to 1
    activations: tuple[LayerActivation, ...]
    reason: str | None = None         # None: an answer; "not a digit": the model refuses it
    temperature: float = 1.0          # the calibration's: probabilities = softmax(logits / temperature)

    @property
    def is_digit(self) -> bool:
        """False when the model says the drawing is not a digit (the bars still mean something)."""
        return self.reason is None

    @property
    def digit(self) -> int:
        return int(np.argmax(self.probabilities))

    @property
    def confidence(self) -> float:
        return float(np.max(self.probabilities))

    @property
    def ranked(self) -> list[tuple[int, float]]:
        """(digit, probability) pairs, most likely first."""
        order = np.argsort(self.probabilities)[::-1]
        return [(int(d), float(self.probabilities[d])) for d in order]


def make_prediction(image: np.ndarray, probabilities: np.ndarray, labels, layer_outs,
                    calibration: Calibration) -> Prediction:
    """A Prediction from calibrated ``probabilities`` and every layer's output (``labels``: the
    layers' (name, kind)); "not a digit" when the calibration refuses it. Both predictors use it."""
    refused = bool(calibration.refuses(probabilities))
    return Prediction(image=image, probabilities=probabilities, activations=tuple(
        LayerActivation(name, kind, values) for (name, kind), values in zip(labels, layer_outs)),
        reason=NOT_A_DIGIT if refused else None, temperature=calibration.temperature)


class RecognisesImages:
    """``recognise`` for a predictor with ``predict(image) -> Prediction``: any digit image →
    Prediction, or None."""

    def recognise(self, raw_image: np.ndarray) -> Prediction | None:
        """Preprocess any digit image and predict it; None when the image holds no digit."""
        from engine.preprocess import preprocess_digit

        image = preprocess_digit(raw_image)
        return None if image is None else self.predict(image)


class _Compiled:
    """A private copy of a model plus its compiled forward functions and its description
    (``network``: replaced, never changed, when the weights change)."""

    def __init__(self, model, calibration: Calibration):
        tf = tensorflow()
        import keras

        check_digit_model(model)
        self.model = keras.models.clone_model(model)
        self.model.set_weights(model.get_weights())
        self.name = model.name
        self.calibration = calibration
        self.network: NetworkDescription = describe(self.model)
        # (name, kind) of each tapped layer, in Prediction.activations order.
        self.labels = tuple((info.name, info.kind) for info in self.network.layers)
        layers = [layer for layer in self.model.layers
                  if not isinstance(layer, keras.layers.InputLayer)]
        taps = keras.Model(inputs=self.model.inputs, outputs=[layer.output for layer in layers])
        input_shape = [-1, *[int(d) for d in self.model.inputs[0].shape[1:]]]
        # A model that already ends in softmax gives probabilities; ours give logits.
        self.gives_logits = gives_logits = self.network.gives_logits
        temperature = float(calibration.temperature)

        def to_probabilities(out):
            if not gives_logits:  # probabilities: their logs are the logits up to a constant
                out = tf.math.log(tf.maximum(out, 1e-30))
            return tf.nn.softmax(out / temperature)

        # XLA fuses the single-image pass (one shape, compiled once): ~4× faster on a CPU.
        @tf.function(input_signature=[tf.TensorSpec([1, 28, 28], tf.float32)], jit_compile=True)
        def forward_all(x):
            outs = taps(tf.reshape(x, input_shape), training=False)
            return [to_probabilities(outs[-1]), *outs]

        # Batches vary in size and XLA would recompile for each: the plain graph serves them.
        # They return the raw outputs (logits): calibrating N×10 numbers costs nothing in NumPy.
        @tf.function(input_signature=[tf.TensorSpec([None, 28, 28], tf.float32)])
        def forward(x):
            return self.model(tf.reshape(x, input_shape), training=False)

        self.forward_all, self.forward = forward_all, forward
        blank = np.zeros((1, 28, 28), np.float32)
        forward_all(blank)  # trace now, not on the user's first stroke
        forward(blank)


class Predictor(RecognisesImages):
    """Recognises 28×28 images with a private, swappable copy of a Keras model. Thread-safe."""

    backend = "tensorflow"

    def __init__(self, model, calibration: Calibration | None = None):
        self._lock = threading.Lock()
        self._compiled = _Compiled(model, calibration or Calibration())

    @property
    def model(self):
        """The predictor's own copy of the model (read-only use: save it, inspect its layers)."""
        return self._compiled.model

    @property
    def model_name(self) -> str:
        return self._compiled.name

    @property
    def calibration(self) -> Calibration:
        """How the model's confidence is read (temperature, "not a digit" threshold)."""
        return self._compiled.calibration

    @property
    def network(self) -> NetworkDescription:
        """The model's layers and current weights as plain data (read once per model; replaced by
        ``set_weights``). Layer i of it made ``Prediction.activations[i]``."""
        with self._lock:
            return self._compiled.network

    def save(self, path: str | Path, spec=None) -> Path:
        """Save the predictor's model (its current weights) to a ``.keras`` file, atomically, with
        ``spec`` (how it was trained) if given; raises ModelFileError if it cannot. Predictions
        wait while it is written."""
        from engine.model_files import save_model

        with self._lock:  # no weight swap halfway through the file
            compiled = self._compiled
            calibration = None if compiled.calibration.is_identity else compiled.calibration
            return save_model(compiled.model, path, spec=spec, calibration=calibration)

    def set_model(self, model, calibration: Calibration | None = None) -> None:
        """Use another model (and its calibration; none: T = 1, nothing refused) from now on,
        compiled before the swap, so predictions never pause long."""
        compiled = _Compiled(model, calibration or Calibration())
        with self._lock:
            self._compiled = compiled

    def set_calibration(self, calibration: Calibration) -> None:
        """Read the same network's confidence another way from now on (recompiles the single pass)."""
        with self._lock:
            model = self._compiled.model
        self.set_model(model, calibration)

    def set_weights(self, weights: list[np.ndarray]) -> None:
        """Swap in new weights for the same architecture, e.g. a training run's epoch-end snapshot."""
        weights = list(weights)
        with self._lock:
            compiled = self._compiled
            network = compiled.network.with_weights(weights)  # checks the shapes first
            compiled.model.set_weights(weights)
            compiled.network = network

    def predict(self, image: np.ndarray) -> Prediction:
        """Probabilities and all activations for one preprocessed 28×28 image (values 0..1)."""
        x = np.asarray(image, dtype=np.float32).reshape(1, 28, 28)
        with self._lock:
            compiled = self._compiled
            outs = compiled.forward_all(x)
            probs, *layer_outs = [t.numpy()[0] for t in outs]
        return make_prediction(x[0], probs, compiled.labels, layer_outs, compiled.calibration)

    def logits_batch(self, images: np.ndarray) -> np.ndarray:
        """Uncalibrated logits (N, 10) for N preprocessed 28×28 images, in bounded-size chunks
        (for a model that ends in softmax: the logs of its probabilities)."""
        images = np.asarray(images, dtype=np.float32).reshape(-1, 28, 28)
        out = np.empty((len(images), 10), np.float32)
        for start in range(0, len(images), _BATCH_CHUNK):
            chunk = images[start:start + _BATCH_CHUNK]
            with self._lock:
                compiled = self._compiled
                raw = compiled.forward(chunk).numpy()
            out[start:start + len(chunk)] = raw if compiled.gives_logits else np.log(np.maximum(raw, 1e-30))
        return out

    def predict_batch(self, images: np.ndarray) -> np.ndarray:
        """Calibrated probabilities (N, 10) for N preprocessed 28×28 images."""
        with self._lock:
            calibration = self._compiled.calibration
        return calibration.probabilities(self.logits_batch(images)).astype(np.float32)

"""Recognition without TensorFlow: a ``.keras`` file read as data, run by NumPy.

``NumpyPredictor`` has the TensorFlow ``Predictor``'s interface — ``predict``, ``recognise``,
``logits_batch``, ``predict_batch``, ``network``, ``calibration``, ``set_weights``,
``set_calibration``, ``save`` — and gives the same numbers (to 1e-5, see the tests), every layer's
activations included, so the canvas, the visualizer, the kiosk and the command line cannot tell
them apart. The model file is read by ``engine.keras_file`` (zip + JSON + h5py; nothing in the
file is executed) and run by ``engine.numpy_forward.FastForward`` (float32, each convolution one
matrix product). On this project's 2-core CPU it is faster than the compiled TensorFlow call
(``bench/predict_latency.py``), and it starts in milliseconds where importing TensorFlow takes
seconds — the window recognises from the moment it is shown, and a booth needs no TensorFlow.

numpy + h5py only (no Qt, no TensorFlow).
"""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from engine.calibration import Calibration
from engine.keras_file import read_network
from engine.model_files import ModelFileError, copy_model_file, read_calibration
from engine.network import NetworkDescription
from engine.numpy_forward import FastForward
from engine.predictor import Prediction, RecognisesImages, make_prediction
from engine.words import QT_TRANSLATE_NOOP, Words

BACKEND = "numpy"


class _Compiled:
    """A network, its FastForward and its calibration: replaced whole, never changed."""

    def __init__(self, network: NetworkDescription, calibration: Calibration, forward: FastForward | None = None):
        self.network = network
        self.forward = forward or FastForward(network)
        self.calibration = calibration
        self.labels = tuple((info.name, info.kind) for info in network.layers)


class NumpyPredictor(RecognisesImages):
    """Recognises 28×28 images with a network description, in NumPy. Thread-safe."""

    backend = BACKEND

    def __init__(self, network: NetworkDescription, calibration: Calibration | None = None,
                 source: str | Path | None = None):
        self._lock = threading.Lock()
        self._compiled = _Compiled(network, calibration or Calibration())
        self._source = Path(source) if source is not None else None   # the file it was read from
        self._changed = False                                          # weights differ from it

    @classmethod
    def from_file(cls, path: str | Path) -> NumpyPredictor:
        """Read a ``.keras`` file; raises ``engine.keras_file.NeedsTensorFlow`` for a model only
        Keras can run (a Lambda layer, an unknown layer kind…) and ModelFileError for a bad file."""
        path = Path(path)
        network = read_network(path)
        try:
            return cls(network, read_calibration(path), source=path)
        except ValueError as exc:   # a shape FastForward does not run
            raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not load {name}: {reason}"),
                                       name=path.name, reason=str(exc))) from exc

    @property
    def model_name(self) -> str:
        return self._compiled.network.name

    @property
    def calibration(self) -> Calibration:
        return self._compiled.calibration

    @property
    def network(self) -> NetworkDescription:
        """The model's layers and current weights as plain data; layer i made ``activations[i]``."""
        return self._compiled.network

    def set_weights(self, weights: list[np.ndarray]) -> None:
        """Swap in new weights for the same architecture (flat, in ``model.get_weights()`` order)."""
        with self._lock:
            compiled = self._compiled
        updated = _Compiled(compiled.network.with_weights(weights), compiled.calibration)  # checks shapes
        with self._lock:
            self._compiled = updated
            self._changed = True

    def set_calibration(self, calibration: Calibration) -> None:
        """Read the same network's confidence another way from now on."""
        with self._lock:
            compiled = self._compiled
            self._compiled = _Compiled(compiled.network, calibration, compiled.forward)

    def save(self, path: str | Path, spec=None) -> Path:
        """Write the model to ``path`` (.keras) atomically, with ``spec`` if given and the current
        calibration: a copy of the file it was read from, or — once its weights were changed —
        saved through Keras (which needs TensorFlow). Raises ModelFileError if it cannot."""
        with self._lock:
            compiled, changed, source = self._compiled, self._changed, self._source
        calibration = None if compiled.calibration.is_identity else compiled.calibration
        if source is not None and not changed:
            return copy_model_file(source, path, spec=spec, calibration=calibration)
        if source is None:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "This network was not read from a file; save it "
                                                         "from the training run.")))
        from engine.device import require_tensorflow
        from engine.model_files import load_model, save_model

        require_tensorflow(Words(QT_TRANSLATE_NOOP("engine", "Saving a network whose weights changed")))
        model = load_model(source)
        model.set_weights(compiled.network.flat_weights())
        return save_model(model, path, spec=spec, calibration=calibration)

    def predict(self, image: np.ndarray) -> Prediction:
        """Probabilities and all activations for one preprocessed 28×28 image (values 0..1)."""
        x = np.asarray(image, dtype=np.float32).reshape(28, 28)
        compiled = self._compiled      # one read: a swap mid-call is harmless
        logits, layer_outs = compiled.forward.run(x)
        probs = compiled.calibration.probabilities(logits[None])[0].astype(np.float32)
        return make_prediction(x.copy(), probs, compiled.labels, layer_outs, compiled.calibration)

    def logits_batch(self, images: np.ndarray) -> np.ndarray:
        """Uncalibrated logits (N, 10) for N preprocessed 28×28 images, in bounded-size chunks."""
        return self._compiled.forward.run_batch(np.asarray(images, dtype=np.float32).reshape(-1, 28, 28))

    def predict_batch(self, images: np.ndarray) -> np.ndarray:
        """Calibrated probabilities (N, 10) for N preprocessed 28×28 images."""
        compiled = self._compiled
        return compiled.calibration.probabilities(compiled.forward.run_batch(
            np.asarray(images, dtype=np.float32).reshape(-1, 28, 28))).astype(np.float32)

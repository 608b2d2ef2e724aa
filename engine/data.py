"""Load and validate MNIST from the shipped copy in ``resources/``."""
from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.resources import resource_path
from engine.words import QT_TRANSLATE_NOOP, Words

log = logging.getLogger(__name__)

_EXPECTED = {
    "x_train": ((60000, 28, 28), np.uint8),
    "y_train": ((60000,), np.uint8),
    "x_test": ((10000, 28, 28), np.uint8),
    "y_test": ((10000,), np.uint8),
}


class MnistDataError(RuntimeError):
    """The MNIST file is missing, unreadable or not shaped like MNIST."""


@dataclass(frozen=True)
class Mnist:
    """MNIST as uint8 arrays: images white ink on black (0..255), labels 0..9."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def default_mnist_path() -> Path:
    return resource_path("mnist.npz")


def load_mnist(path: str | Path | None = None, *, allow_download: bool = False) -> Mnist:
    """Load MNIST from ``path`` (default: the shipped copy) and check it.

    With ``allow_download`` and no file at the default path, falls back to
    ``keras.datasets.mnist.load_data()`` (which needs the internet).
    Raises MnistDataError with a message naming the file when it is unusable.
    """
    path = Path(path) if path is not None else default_mnist_path()
    if not path.exists():
        if allow_download:
            log.warning("%s not found; downloading MNIST with Keras", path)
            from keras.datasets import mnist

            (x_train, y_train), (x_test, y_test) = mnist.load_data()
            return _validated({"x_train": x_train, "y_train": y_train,
                               "x_test": x_test, "y_test": y_test}, "keras.datasets.mnist")
        raise MnistDataError(Words(QT_TRANSLATE_NOOP("engine", "MNIST file not found: {path}"), path=str(path)))
    try:
        # Opening the file ourselves closes it even when numpy fails on a corrupt archive.
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in _EXPECTED if key in npz.files}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise MnistDataError(Words(QT_TRANSLATE_NOOP("engine", "MNIST file {path} is unreadable or corrupt: {error}"),
                                   path=str(path), error=str(exc))) from exc
    return _validated(arrays, str(path))


def _validated(arrays: dict[str, np.ndarray], source: str) -> Mnist:
    for key, (shape, dtype) in _EXPECTED.items():
        if key not in arrays:
            raise MnistDataError(Words(QT_TRANSLATE_NOOP("engine", "MNIST file {path} has no '{key}' array"),
                                       path=source, key=key))
        arr = arrays[key]
        if arr.shape != shape or arr.dtype != dtype:
            raise MnistDataError(Words(QT_TRANSLATE_NOOP("engine", "MNIST file {path}: '{key}' is {found}, "
                                                         "expected {expected}"),
                                       path=source, key=key, found=f"{arr.dtype}{list(arr.shape)}",
                                       expected=f"{np.dtype(dtype)}{list(shape)}"))
    for key in ("y_train", "y_test"):
        if arrays[key].max() > 9:
            raise MnistDataError(Words(QT_TRANSLATE_NOOP("engine", "MNIST file {path}: '{key}' has labels outside "
                                                         "0..9"), path=source, key=key))
    return Mnist(**{key: arrays[key] for key in _EXPECTED})

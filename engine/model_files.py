"""One model file format (``.keras``): atomic save, safe load, and a check that it is a digit model."""
from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from pathlib import Path

from engine.device import tensorflow

log = logging.getLogger(__name__)


class ModelFileError(RuntimeError):
    """A model file could not be saved or loaded; the message says why, for a person."""


def save_model(model, path: str | Path) -> Path:
    """Save ``model`` to ``path`` (.keras) atomically: a crash mid-save leaves any previous file intact."""
    path = Path(path)
    if path.suffix != ".keras":
        raise ModelFileError(f"Model files end in .keras, not {path.suffix or 'nothing'}: {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    # The temporary file sits beside the target so os.replace is a same-filesystem rename.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".keras", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        model.save(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a model file is an ordinary document
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise ModelFileError(f"Could not save the model to {path}: {exc}") from exc
    log.info("saved model %s to %s", model.name, path)
    return path


def load_model(path: str | Path):
    """Load a ``.keras`` file in Keras safe mode (no arbitrary code) and check that it maps
    a 28×28 image to 10 outputs. Raises ModelFileError with a clear reason otherwise."""
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(f"Model file not found: {path}")
    if not zipfile.is_zipfile(path):
        raise ModelFileError(f"{path.name} is not a Keras model file (.keras files are zip archives); "
                             "it may be truncated or of another format.")
    tensorflow()
    import keras

    try:
        # The optimizer's saved state is not needed to recognise or to train anew; a fresh one is set below.
        model = keras.models.load_model(path, compile=False, safe_mode=True)
    except Exception as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "lambda" in reason.lower() or "safe_mode" in reason.lower():
            reason = "it contains custom code (a Lambda layer), which is not loaded for safety"
        elif "could not locate" in reason.lower() or "custom" in reason.lower():
            reason = "it uses custom layers or code this app does not have"
        raise ModelFileError(f"Could not load {path.name}: {reason}") from exc
    check_digit_model(model, path.name)
    from engine.models import compile_model

    compile_model(model)
    log.info("loaded model %s from %s", model.name, path)
    return model


def check_digit_model(model, label: str = "the model") -> None:
    """Raise ModelFileError unless ``model`` takes 28×28 images and gives 10 outputs."""
    try:
        in_shape = tuple(model.inputs[0].shape)[1:]
        out_shape = tuple(model.outputs[0].shape)[1:]
    except (AttributeError, IndexError, TypeError, ValueError) as exc:
        raise ModelFileError(f"{label} has no usable input/output shape ({exc})") from exc
    if len(model.inputs) != 1 or len(model.outputs) != 1:
        raise ModelFileError(f"{label} must have one input and one output")
    if in_shape not in ((28, 28), (28, 28, 1), (784,)):
        raise ModelFileError(f"{label} takes input of shape {in_shape}; a digit model takes 28×28 images")
    if out_shape != (10,):
        raise ModelFileError(f"{label} gives output of shape {out_shape}; a digit model gives 10 scores")

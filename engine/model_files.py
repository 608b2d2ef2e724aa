"""One model file format (``.keras``): atomic save, safe load, and a check that it is a digit model.

A model the app trained also carries how it was made: its ``engine.spec.TrainingSpec`` as JSON in
an extra member of the zip (``SPEC_MEMBER``), which Keras ignores; ``read_spec`` reads it back.
Its ``engine.calibration.Calibration`` (temperature and "not a digit" threshold) travels the same
way (``CALIBRATION_MEMBER``, ``read_calibration``), and a model adapted to a person's handwriting
(``engine.adapt``) carries the record of that adaptation (``ADAPTATION_MEMBER``, ``read_adaptation``).
"""
from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import time
import zipfile
from pathlib import Path

from engine.device import tensorflow
from engine.words import QT_TRANSLATE_NOOP, Words

log = logging.getLogger(__name__)
# save_model's temporary files are ".NAME-XXXXXXXX.keras" (mkstemp: 8 of a-z, 0-9, _; private mode
# 0600 until the save completes). One still there this long after its last write was left by a
# killed save (a save takes seconds), not one being written now: the next save into the folder
# removes it. On POSIX it must also still be private, which a user's own file hardly ever is.
STALE_TEMP_SECONDS = 10 * 60
_TEMP_NAME = re.compile(r"\..+-[a-z0-9_]{8}\.keras")
SPEC_MEMBER = "digit_studio/spec.json"   # the TrainingSpec inside a saved .keras zip
CALIBRATION_MEMBER = "digit_studio/calibration.json"
ADAPTATION_MEMBER = "digit_studio/adaptation.json"   # engine.adapt.AdaptReport, for adapted models
_MAX_SPEC_BYTES = 1_000_000              # a spec is a few kB; anything larger is not one of ours


class ModelFileError(RuntimeError):
    """A model file could not be saved or loaded; the message says why, for a person."""


def _keras_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix != ".keras":
        if not path.suffix:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Model files end in .keras, not nothing: {path}"),
                                       path=str(path)))
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Model files end in .keras, not {suffix}: {path}"),
                                   suffix=path.suffix, path=str(path)))
    return path


def check_save_path(path: str | Path) -> Path:
    """Raise ModelFileError unless ``save_model`` could write ``path``: it ends in .keras, is not a
    folder, and its folder exists or can be made and takes a new file. Run it before the work whose
    result is to be saved (training), so a bad destination is known before, not after."""
    path = _keras_path(path)
    if path.is_dir():
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "{path} is a folder; give a .keras file name"),
                                   path=str(path)))
    folder = path.parent
    while not folder.exists() and folder != folder.parent:  # the nearest folder that is there
        folder = folder.parent
    if not folder.is_dir():
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Cannot save to {path}: {folder} is a file, "
                                                     "not a folder"), path=str(path), folder=str(folder)))
    try:
        # Mode bits do not tell (root, network and read-only mounts, ACLs): make and remove a file.
        with tempfile.NamedTemporaryFile(prefix=".digit-studio-write-test-", dir=folder):
            pass
    except OSError as exc:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Cannot save to {path}: the folder {folder} is "
                                                     "not writable ({reason})"),
                                   path=str(path), folder=str(folder), reason=str(exc.strerror or exc))) from exc
    return path


def save_model(model, path: str | Path, spec=None, calibration=None, adaptation: dict | None = None) -> Path:
    """Save ``model`` to ``path`` (.keras) atomically: a crash mid-save leaves any previous file intact.
    With ``spec`` (an ``engine.spec.TrainingSpec``) the file also records how the model was trained;
    with ``calibration`` (an ``engine.calibration.Calibration``) how to read its confidence; with
    ``adaptation`` (``engine.adapt.AdaptReport.to_dict()``) what it was adapted from and how."""
    path = _atomic_write(path, model.save, spec, calibration, adaptation)
    log.info("saved model %s to %s", model.name, path)
    return path


def copy_model_file(source: str | Path, path: str | Path, spec=None, calibration=None) -> Path:
    """Write ``source``'s model (configuration and weights, byte for byte) to ``path`` atomically,
    with ``spec`` and ``calibration`` in place of the ones ``source`` carries — saving a model read
    without TensorFlow. Raises ModelFileError if it cannot."""
    source = Path(source)

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(source) as original, \
                zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for info in original.infolist():
                if info.filename not in (SPEC_MEMBER, CALIBRATION_MEMBER):
                    archive.writestr(info, original.read(info))

    path = _atomic_write(path, write, spec, calibration)
    log.info("copied model %s to %s", source, path)
    return path


def _atomic_write(path: str | Path, write, spec, calibration, adaptation: dict | None = None) -> Path:
    """``write(tmp)`` a model zip beside ``path``, add ``spec`` and ``calibration``, then rename it
    into place: a crash halfway leaves any previous file intact."""
    path = _keras_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(path.parent)
        # The temporary file sits beside the target so os.replace is a same-filesystem rename.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".keras", dir=path.parent)
    except OSError as exc:   # a file where a folder should be, no permission, a full disk
        raise ModelFileError(_save_failed(path, exc)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if spec is not None or calibration is not None or adaptation is not None:
            with zipfile.ZipFile(tmp, "a", compression=zipfile.ZIP_DEFLATED) as archive:
                if spec is not None:
                    archive.writestr(SPEC_MEMBER, spec.to_json(indent=1))
                if calibration is not None:
                    archive.writestr(CALIBRATION_MEMBER, json.dumps(calibration.to_dict(), indent=1))
                if adaptation is not None:
                    archive.writestr(ADAPTATION_MEMBER, json.dumps(adaptation, indent=1))
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a model file is an ordinary document
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise ModelFileError(_save_failed(path, exc)) from exc
    return path


def _save_failed(path: Path, exc: BaseException) -> str:
    first = exc.args[0] if len(exc.args) == 1 else None
    return Words(QT_TRANSLATE_NOOP("engine", "Could not save the model to {path}: {error}"),
                 path=str(path), error=first if isinstance(first, Words) else str(exc))


def _read_member(path: str | Path, member: str, parse, what: str):
    """``parse(text)`` of a small JSON member of the model zip, or None when it is not there or, with a
    logged warning, cannot be read. Never raises."""
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo(member)
            except KeyError:
                return None
            if info.file_size > _MAX_SPEC_BYTES:
                raise ValueError(f"{member} is {info.file_size:,} bytes, too large for a {what}")
            text = archive.read(info)
        return parse(text)
    except Exception as exc:  # a damaged zip or member (zlib, CRC), bad JSON, an invalid value…
        log.warning("no %s read from %s: %s", what, path, exc)
        return None


def read_spec(path: str | Path):
    """The ``TrainingSpec`` a model file was saved with, or None: for files without one (files from
    elsewhere) and, with a logged warning, for a file or spec that cannot be read. Never raises."""
    from engine.spec import TrainingSpec

    return _read_member(path, SPEC_MEMBER, TrainingSpec.from_json, "training spec")


def read_calibration(path: str | Path):
    """The model file's ``Calibration``; ``Calibration()`` (T = 1, nothing refused) for a file without
    one or, with a logged warning, with an unreadable one. Never raises."""
    from engine.calibration import Calibration

    found = _read_member(path, CALIBRATION_MEMBER, lambda text: Calibration.from_dict(json.loads(text)),
                         "calibration")
    return Calibration() if found is None else found


def read_adaptation(path: str | Path):
    """The ``engine.adapt.AdaptReport`` of a model adapted to someone's handwriting, or None: for
    every other file and, with a logged warning, for an unreadable record. Never raises."""
    from engine.adapt import AdaptReport

    return _read_member(path, ADAPTATION_MEMBER, lambda text: AdaptReport.from_dict(json.loads(text)),
                        "adaptation record")


def _remove_stale_temporaries(folder: Path) -> None:
    """Delete temporaries of killed saves in ``folder`` (see STALE_TEMP_SECONDS); never raises."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            private = os.name != "posix" or st.st_mode & 0o077 == 0
            if entry.is_file(follow_symlinks=False) and private and st.st_mtime < cutoff:
                os.unlink(entry.path)
                log.info("removed %s, left by an interrupted save", entry.path)
        except OSError as exc:
            log.debug("could not remove %s: %s", entry.path, exc)


def check_model_file(path: str | Path) -> Path:
    """``path`` as a Path when it is a file that can be a ``.keras`` model (a zip archive);
    ModelFileError saying why not (a folder, missing, another format). Both loaders ask this first."""
    path = Path(path)
    if path.is_dir():
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "{path} is a folder, not a .keras model file"),
                                   path=str(path)))
    if not path.is_file():
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Model file not found: {path}"), path=str(path)))
    if not zipfile.is_zipfile(path):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} is not a Keras model file (.keras files are zip archives); it may be truncated "
            "or of another format."), name=path.name))
    return path


def load_model(path: str | Path):
    """Load a ``.keras`` file in Keras safe mode (no arbitrary code) and check that it maps
    a 28×28 image to 10 outputs. Raises ModelFileError with a clear reason otherwise."""
    path = check_model_file(path)
    tensorflow()
    import keras

    try:
        # The optimizer's saved state is not needed to recognise or to train anew; a fresh one is set below.
        model = keras.models.load_model(path, compile=False, safe_mode=True)
    except Exception as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "lambda" in reason.lower() or "safe_mode" in reason.lower():
            reason = Words(QT_TRANSLATE_NOOP("engine", "it contains custom code (a Lambda layer), which is not "
                                             "loaded for safety"))
        elif "could not locate" in reason.lower() or "custom" in reason.lower():
            reason = Words(QT_TRANSLATE_NOOP("engine", "it uses custom layers or code this app does not have"))
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not load {name}: {reason}"),
                                   name=path.name, reason=reason)) from exc
    check_digit_model(model, path.name)
    from engine.models import compile_model

    compile_model(model)
    log.info("loaded model %s from %s", model.name, path)
    return model


def check_digit_model(model, label: str | None = None) -> None:
    """Raise ModelFileError unless ``model`` takes 28×28 images and gives 10 outputs (``label``:
    what the message calls it, e.g. its file's name; None: "the model")."""
    if label is None:
        label = Words(QT_TRANSLATE_NOOP("engine", "the model"))
    try:
        in_shape = tuple(model.inputs[0].shape)[1:]
        out_shape = tuple(model.outputs[0].shape)[1:]
    except (AttributeError, IndexError, TypeError, ValueError) as exc:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "{model} has no usable input/output shape ({error})"),
                                   model=label, error=str(exc))) from exc
    if len(model.inputs) != 1 or len(model.outputs) != 1:
        raise ModelFileError(one_input_one_output(label))
    check_digit_shapes(in_shape, out_shape, label)


def one_input_one_output(label: str) -> str:
    return Words(QT_TRANSLATE_NOOP("engine", "{model} must have one input and one output"), model=label)


def check_digit_shapes(in_shape: tuple, out_shape: tuple, label: str) -> None:
    """ModelFileError unless a model of ``in_shape`` → ``out_shape`` (batch axis left out) reads
    28×28 images into 10 scores (``engine.keras_file`` asks the same, in the same words)."""
    if in_shape not in ((28, 28), (28, 28, 1), (784,)):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "{model} takes input of shape {shape}; a digit "
                                                     "model takes 28×28 images"), model=label, shape=str(in_shape)))
    if out_shape != (10,):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "{model} gives output of shape {shape}; a digit "
                                                     "model gives 10 scores"), model=label, shape=str(out_shape)))

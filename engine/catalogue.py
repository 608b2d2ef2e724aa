"""The one model lookup: which file a model reference names, what to call it, and loading it with
fallbacks. The window, the kiosk and the command line all go through here.

A reference (``ref``) is a shipped model's name ("cnn"), the name of a model in the user's models
folder ("mine" for ``mine.keras`` there), or a path to a ``.keras`` file; None means the default
shipped model. Nothing here imports TensorFlow until a model is loaded.

Backends (``BACKENDS``): ``"numpy"`` reads the file without TensorFlow (``engine.numpy_predictor``:
milliseconds to load, faster per drawing on a CPU); ``"tensorflow"`` loads it with Keras and
compiles it (``engine.predictor``: seconds to import TensorFlow); ``"auto"`` (the default) takes
NumPy and falls back to TensorFlow only for a model the NumPy reader refuses (a Lambda layer, a
layer kind it does not know).
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from engine.paths import user_models_dir
from engine.resources import DEFAULT_MODEL, SHIPPED_MODELS, shipped_model_path
from engine.spec import TrainingSpec
from engine.words import QT_TRANSLATE_NOOP, Words

log = logging.getLogger(__name__)
BACKENDS = ("auto", "numpy", "tensorflow")
NUMPY_DEVICE = "CPU (NumPy)"


@dataclass(frozen=True)
class LoadedModel:
    """A ready Predictor with what the status bar and the About box say about it."""

    predictor: object          # engine.predictor.Predictor (TensorFlow is imported lazily)
    ref: str | None            # a shipped model's name, a user model's name or a path; None: trained now, not saved
    label: str                 # for people: "cnn (shipped)" or the file name
    device: str
    seconds: float
    spec: TrainingSpec | None = None   # how it was trained, when its file (or the training) says


def _is_bare_name(ref: str) -> bool:
    return bool(ref) and "/" not in ref and os.sep not in ref and (os.altsep or "/") not in ref \
        and ref not in (".", "..")


def _user_model_path(ref: str) -> Path | None:
    """``ref``'s file in the user's models folder, if ``ref`` is a bare name and the file is there."""
    if not _is_bare_name(ref):
        return None
    name = ref if ref.endswith(".keras") else f"{ref}.keras"
    if ref.endswith(".keras") and Path(ref).exists():
        return None   # a file of that name in the current folder: the path wins
    candidate = user_models_dir() / name
    return candidate if candidate.is_file() else None


def resolve(ref: str | None) -> Path:
    """The file ``ref`` names: a shipped model's (``resources/models/NAME.keras``), a user model's
    (``NAME.keras`` in the user's models folder, if it exists), or else ``ref`` taken as a path.
    None: the default shipped model. The file need not exist (loading says so)."""
    if ref is None:
        ref = DEFAULT_MODEL
    ref = os.fspath(ref)
    if ref in SHIPPED_MODELS:
        return shipped_model_path(ref)
    return _user_model_path(ref) or Path(ref).expanduser()


def label(ref: str | None) -> str:
    """For people: "cnn (shipped)" for a shipped model, else the file's name ("mine.keras")."""
    if ref is None:
        ref = DEFAULT_MODEL
    ref = os.fspath(ref)
    if ref in SHIPPED_MODELS:
        return Words(QT_TRANSLATE_NOOP("engine", "{name} (shipped)"), name=ref)
    return resolve(ref).name


def user_models() -> list[Path]:
    """The ``.keras`` files in the user's models folder, by name (not the hidden temporaries of saves)."""
    try:
        entries = list(user_models_dir().iterdir())
    except OSError:
        return []
    return sorted((p for p in entries if p.suffix == ".keras" and not p.name.startswith(".") and p.is_file()),
                  key=lambda p: p.name.lower())


def fallback_chain(ref: str | None) -> list[str]:
    """What to try, in order, when ``ref`` is wanted: ``ref`` (default: the default model), the
    default model, then the other shipped models; each file once."""
    chain, seen = [], set()
    for candidate in (ref or DEFAULT_MODEL, DEFAULT_MODEL, *SHIPPED_MODELS):
        candidate = os.fspath(candidate)
        key = _identity(candidate)
        if key not in seen:
            seen.add(key)
            chain.append(candidate)
    return chain


def _identity(ref: str):
    try:
        return os.path.normcase(str(resolve(ref).resolve()))
    except (OSError, RuntimeError):
        return ref


def load(ref: str | None, backend: str = "auto") -> LoadedModel:
    """Load ``ref`` with ``backend`` (see BACKENDS): read by NumPy, or loaded by Keras in safe mode
    and compiled (TensorFlow imported the first time). Raises engine.model_files.ModelFileError with
    a clear message for a missing or bad file, or for a model that needs TensorFlow where it is
    not installed."""
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}; got {backend!r}")
    started = time.perf_counter()
    from engine.model_files import read_spec

    ref = os.fspath(ref) if ref is not None else DEFAULT_MODEL
    path = resolve(ref)
    if backend == "tensorflow":
        predictor, device = _load_tensorflow(path)
    else:
        from engine.keras_file import NeedsTensorFlow
        from engine.numpy_predictor import NumpyPredictor

        try:
            predictor, device = NumpyPredictor.from_file(path), NUMPY_DEVICE
        except NeedsTensorFlow as exc:
            if backend == "numpy":
                raise
            from engine.device import tensorflow_installed

            if not tensorflow_installed():
                raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP("engine", "{problem} — and this installation has no "
                                                              "TensorFlow."), problem=_said(exc))) from exc
            log.info("%s: %s; loading it with TensorFlow", path.name, exc)
            predictor, device = _load_tensorflow(path)
    return LoadedModel(predictor, ref, label(ref), device, time.perf_counter() - started, read_spec(path))


def _load_tensorflow(path: Path):
    from engine.device import device_name, require_tensorflow

    require_tensorflow(Words(QT_TRANSLATE_NOOP("engine", "Loading {name} with TensorFlow"), name=path.name))
    from engine.model_files import load_model, read_calibration
    from engine.predictor import Predictor

    return Predictor(load_model(path), read_calibration(path)), device_name()


def load_with_fallback(ref: str | None, chain: bool = True, backend: str = "auto"
                       ) -> tuple[LoadedModel, str | None]:
    """Load ``ref``; if it is gone or broken, the first of the fallbacks that loads: with ``chain``
    every shipped model (``fallback_chain``: the kiosk, which must show something), without it only
    the default model (the window). Returns the model and, after a fallback, a sentence for the
    user saying why; raises the first error when nothing loads."""
    candidates = fallback_chain(ref)
    if not chain:
        candidates = candidates[:2]
    first_error: Exception | None = None
    for candidate in candidates:
        try:
            loaded = load(candidate, backend=backend)
        except Exception as exc:  # any failure of a remembered model: the app must still start
            log.warning("model %s could not be loaded: %s", candidate, exc)
            first_error = first_error or exc
            continue
        if first_error is None:
            return loaded, None
        problem = _first_line(first_error)
        if candidate in SHIPPED_MODELS:
            return loaded, Words(QT_TRANSLATE_NOOP("engine", "{problem} — using the shipped {model} instead."),
                                 problem=problem, model=candidate)
        return loaded, Words(QT_TRANSLATE_NOOP("engine", "{problem} — using the {model} instead."),
                             problem=problem, model=label(candidate))
    assert first_error is not None
    raise first_error


def _said(exc: Exception) -> str:
    """What ``exc`` says: its ``Words`` as they are (a window translates them), else its text."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Words) else str(exc)


def _first_line(exc: Exception) -> str:
    """The first line of what ``exc`` says: its ``Words`` when they are one line (a window translates them)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(first, Words) and first and first == first.strip() and len(first.splitlines()) == 1:
        return first
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def wrap(predictor, label: str, *, device: str | None = None, spec: TrainingSpec | None = None,
         seconds: float = 0.0) -> LoadedModel:
    """A LoadedModel for a network that has no file (yet): one being trained, e.g. with
    ``ModelBuilt.predictor``, ``ModelBuilt.device`` and the label "cnn (training)".
    Without ``device`` it is asked of TensorFlow (imported if it was not)."""
    if device is None:
        from engine.device import device_name

        device = device_name()
    return LoadedModel(predictor, None, label, device, seconds, spec)

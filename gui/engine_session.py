"""Loading TensorFlow and a model off the UI thread; plain functions the window runs in Workers."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from engine.resources import DEFAULT_MODEL, SHIPPED_MODELS, shipped_model_path


@dataclass(frozen=True)
class LoadedModel:
    """A ready Predictor with what the status bar and the About box say about it."""

    predictor: object          # engine.predictor.Predictor (TensorFlow is imported lazily)
    ref: str | None            # a shipped model's name or a file path; None: trained now, not saved
    label: str                 # for people: "cnn (shipped)" or the file name
    device: str
    seconds: float


def model_label(ref: str) -> str:
    return f"{ref} (shipped)" if ref in SHIPPED_MODELS else Path(ref).name


def load_predictor(ref: str) -> LoadedModel:
    """Import TensorFlow (first time only), load ``ref`` and compile a Predictor for it.
    Raises engine.model_files.ModelFileError with a clear message for a bad file."""
    started = time.perf_counter()
    from engine.device import device_name
    from engine.model_files import load_model
    from engine.predictor import Predictor

    path = shipped_model_path(ref) if ref in SHIPPED_MODELS else Path(ref)
    predictor = Predictor(load_model(path))
    return LoadedModel(predictor, ref, model_label(ref), device_name(), time.perf_counter() - started)


def load_with_fallback(ref: str | None) -> tuple[LoadedModel, str | None]:
    """Load the remembered model; if it is gone or broken, fall back to the shipped default.
    Returns the loaded model and, after a fallback, the reason for the user."""
    ref = ref or DEFAULT_MODEL
    try:
        return load_predictor(ref), None
    except Exception as exc:  # any failure of a remembered model: the app must still start
        if ref == DEFAULT_MODEL:
            raise
        return load_predictor(DEFAULT_MODEL), f"{exc} — using the shipped {DEFAULT_MODEL} instead."


def wrap_trained_model(model, label: str) -> LoadedModel:
    """A Predictor for a model being trained right now (compiled off the UI thread)."""
    started = time.perf_counter()
    from engine.device import device_name
    from engine.predictor import Predictor

    return LoadedModel(Predictor(model), None, label, device_name(), time.perf_counter() - started)

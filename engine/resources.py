"""Find the files the app ships (MNIST, pretrained models, icons), from source or a frozen bundle."""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: beside the sources, or inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``resource_path("models", "cnn.keras")``."""
    return resources_dir().joinpath(*parts)


SHIPPED_MODELS = ("cnn", "course-mlp", "sigmoid-mlp")
DEFAULT_MODEL = "cnn"


def shipped_model_path(name: str) -> Path:
    """Path of a pretrained model shipped in ``resources/models`` (it may not exist yet)."""
    return resource_path("models", f"{name}.keras")

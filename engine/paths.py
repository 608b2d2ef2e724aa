"""Where the user's own files live (trained models, logs), per platform, without Qt."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "DigitStudio"


def user_data_dir() -> Path:
    """Per-user data folder: models the user trains and saves by default, booth statistics."""
    override = os.environ.get("DIGIT_STUDIO_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def user_log_dir() -> Path:
    """Per-user log folder."""
    if sys.platform == "darwin" and not os.environ.get("DIGIT_STUDIO_HOME"):
        return Path.home() / "Library" / "Logs" / APP_DIR_NAME
    if sys.platform not in ("win32", "darwin") and not os.environ.get("DIGIT_STUDIO_HOME"):
        state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
        return state / APP_DIR_NAME / "logs"
    return user_data_dir() / "logs"


def user_models_dir() -> Path:
    return user_data_dir() / "models"

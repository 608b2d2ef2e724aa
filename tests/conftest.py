"""Shared test set-up: offscreen Qt, a private user folder, quiet TensorFlow, tiny data."""
from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# Nothing a test runs may write the user's own settings, data, logs or caches: every per-user
# folder of this process and of the programs it starts points into one throw-away folder. (Each
# test also gets its own DIGIT_STUDIO_HOME below, which holds the app's settings, data and logs.)
_SANDBOX = tempfile.mkdtemp(prefix="digit-studio-tests-")
atexit.register(shutil.rmtree, _SANDBOX, True)
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "KERAS_HOME"):
    os.environ[_name] = os.path.join(_SANDBOX, _name.lower())

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from engine.data import Mnist  # noqa: E402


@pytest.fixture(autouse=True)
def private_user_dir(tmp_path_factory, monkeypatch):
    """Every test gets its own user-data folder: nothing touches the real home."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("DIGIT_STUDIO_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def restore_logging():
    """``main()`` configures the root logger; put it back so one test's handlers (and their
    file handles) never reach the next test."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def tiny_mnist() -> Mnist:
    """A 240-image stand-in for MNIST: each digit is a bright bar at a digit-specific place,
    so a tiny model can learn it in one epoch."""
    rng = np.random.default_rng(0)

    def make(n):
        y = rng.integers(0, 10, n).astype(np.uint8)
        x = rng.integers(0, 30, (n, 28, 28)).astype(np.uint8)
        for i, label in enumerate(y):
            x[i, 2 + 2 * label: 4 + 2 * label, 4:24] = 255
        return x, y

    x_train, y_train = make(240)
    x_test, y_test = make(60)
    return Mnist(x_train, y_train, x_test, y_test)

"""Import TensorFlow quietly and pick the device it computes on (a GPU when one is visible)."""
from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import sys
import threading

from engine.words import QT_TRANSLATE_NOOP, Words

log = logging.getLogger(__name__)
_lock = threading.Lock()
_configured = False
_verbose = False
# Start-up lines TensorFlow's C++ core writes straight to the stderr file descriptor
# (absl "I0000 ..." lines and friends), which no Python logging setting reaches.
_CHATTER_PREFIXES = (b"I0000", b"W0000", b"E0000", b"WARNING: All log messages before absl")


def quiet_tensorflow_logs(verbose: bool = False) -> None:
    """Hide TensorFlow's C++ start-up chatter unless ``verbose`` (must run before TF is imported)."""
    global _verbose
    _verbose = verbose
    if verbose:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "0")
    else:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        # absl writes its "oneDNN custom operations are on" banners through this knob too.
        os.environ.setdefault("GLOG_minloglevel", "2")


def tensorflow():
    """Return the ``tensorflow`` module, configured once: memory growth on for every GPU.

    Memory growth keeps the app from reserving the whole card, so other programs
    (and a second Digit Studio) can share it.
    """
    global _configured
    if _configured:
        import tensorflow as tf

        return tf
    quiet_tensorflow_logs(_verbose)
    require_tensorflow(Words(QT_TRANSLATE_NOOP("engine", "This")))
    with _lock, (contextlib.nullcontext() if _verbose else _filtered_stderr()):
        import tensorflow as tf

        if not _configured:
            for gpu in tf.config.list_physical_devices("GPU"):
                try:
                    tf.config.experimental.set_memory_growth(gpu, True)
                except RuntimeError as exc:  # already initialised by someone else: harmless
                    log.debug("memory growth not set on %s: %s", gpu.name, exc)
            tf.get_logger().setLevel(logging.ERROR)
            _configured = True
    return tf


class TensorFlowMissing(RuntimeError):
    """TensorFlow is not installed (the booth build): recognition works, training does not."""


def tensorflow_installed() -> bool:
    """Whether ``import tensorflow`` can work, found without importing it (milliseconds)."""
    if sys.modules.get("tensorflow") is not None:
        return True
    try:
        return importlib.util.find_spec("tensorflow") is not None
    except (ImportError, ValueError):   # blocked (sys.modules["tensorflow"] = None) or broken
        return False


def require_tensorflow(what: str) -> None:
    """Raise TensorFlowMissing, saying ``what`` needs it, when TensorFlow is not installed.
    ``what`` is the sentence's subject ("Training"): a ``Words`` where a window may show it."""
    if not tensorflow_installed():
        raise TensorFlowMissing(Words(QT_TRANSLATE_NOOP(
            "engine", "{what} needs TensorFlow, which this installation does not have (it recognises digits "
            "only). Install the full Digit Studio to train."), what=what))


def device_name() -> str:
    """The device TensorFlow computes on: the first GPU's name, or "CPU"."""
    tf = tensorflow()
    gpus = tf.config.list_physical_devices("GPU")
    if not gpus:
        return "CPU"
    details = tf.config.experimental.get_device_details(gpus[0])
    return details.get("device_name") or gpus[0].name


@contextlib.contextmanager
def _filtered_stderr():
    """Pass everything written to file descriptor 2 through, except TensorFlow's start-up chatter.

    A pipe replaces fd 2 for the duration and a thread forwards the lines that are not chatter,
    so messages from other threads (the GUI's log) are never lost.
    """
    try:
        sys.stderr.flush()
        original = os.dup(2)
        read_end, write_end = os.pipe()
    except (OSError, ValueError):  # no usable stderr (e.g. a windowed bundle): nothing to filter
        yield
        return

    def forward() -> None:
        with os.fdopen(read_end, "rb") as pipe:
            for line in pipe:
                if not line.lstrip().startswith(_CHATTER_PREFIXES):
                    os.write(original, line)

    forwarder = threading.Thread(target=forward, name="stderr-filter", daemon=True)
    forwarder.start()
    os.dup2(write_end, 2)
    os.close(write_end)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(original, 2)  # closes the pipe's last write end, so the forwarder sees EOF
        forwarder.join(timeout=2)
        os.close(original)

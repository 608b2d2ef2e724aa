"""The one worker pattern: engine work on a QThread, results back to the UI through signals.

``Worker`` runs a callable once (load TensorFlow, open a model, train). ``LatestOnlyWorker``
serves a stream of requests where only the newest matters (recognising the drawing while
the pen moves): requests arriving while it is busy replace each other, so work never queues.
Neither ever touches a widget.
"""
from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from gui import i18n

log = logging.getLogger(__name__)


class Worker(QObject):
    """Runs ``fn(*args)`` on its own thread. Connect the signals, then ``start()``.

    ``fn`` may report progress by calling ``worker.progress.emit(value)`` (signals are
    thread-safe); an exception comes back as ``errored(message)``, never as a crash: the message in
    the language on screen (``gui.i18n.error_text``; a Qt str signal would drop an engine ``Words``).
    """

    progress = Signal(object)
    returned = Signal(object)
    errored = Signal(str)
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, name: str = "worker"):
        super().__init__()
        self._fn, self._args = fn, args
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the thread has finished (True) or ``msecs`` passed (False)."""
        return self._thread.wait() if msecs < 0 else self._thread.wait(msecs)

    @Slot()
    def _run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # reported through the signal: the UI decides what to show
            # Usually a person's mistake (a bad file): the UI shows it; the traceback is for debugging.
            log.warning("%s failed: %s", self._thread.objectName(), exc)
            log.debug("%s", traceback.format_exc())
            self.errored.emit(i18n.error_text(exc))
        else:
            self.returned.emit(result)
        finally:
            self.finished.emit()
            self._thread.quit()


class LatestOnlyWorker(QObject):
    """Applies ``fn(request)`` on a dedicated thread to the newest request only.

    ``submit`` never blocks and never queues: a request arriving while one is being
    processed replaces any waiting one. Each result comes back as ``done(request, result)``.
    """

    done = Signal(object, object)
    errored = Signal(str)
    _wake = Signal()

    def __init__(self, fn: Callable[[Any], Any], name: str = "latest-only"):
        super().__init__()
        self._fn = fn
        self._lock = threading.Lock()
        self._pending: Any = None
        self._has_pending = self._busy = False
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.moveToThread(self._thread)
        self._wake.connect(self._drain)
        self._thread.start()

    def set_function(self, fn: Callable[[Any], Any]) -> None:
        with self._lock:
            self._fn = fn

    def submit(self, request: Any) -> None:
        with self._lock:
            self._pending, self._has_pending = request, True
            if self._busy:
                return
            self._busy = True
        self._wake.emit()

    def stop(self) -> None:
        """Finish the request in progress, drop any waiting one, and join the thread."""
        with self._lock:
            self._has_pending = False
        self._thread.quit()
        self._thread.wait()

    @Slot()
    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._has_pending:
                    self._busy = False
                    return
                request, fn = self._pending, self._fn
                self._pending, self._has_pending = None, False
            try:
                result = fn(request)
            except Exception as exc:
                log.error("request failed: %s\n%s", exc, traceback.format_exc())
                self.errored.emit(i18n.error_text(exc))
                continue
            self.done.emit(request, result)

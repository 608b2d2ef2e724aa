"""What keeps the booth up and closed to visitors: :class:`ExceptionGuard` (an uncaught error is
logged and recovered from, never shown) and the exit combination (:func:`exit_sequence` accepts
only one that no visitor presses by chance; :func:`pressed_combination` reads a key press)."""
from __future__ import annotations

import logging
import sys
import threading

from PySide6.QtCore import QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence

from engine.booth import DEFAULT_EXIT_KEYS

log = logging.getLogger("digit_studio")

_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.MetaModifier)
_RESERVED = {("Alt", "F4"), ("Ctrl+Alt", "Del"), ("Alt", "Tab"), ("Ctrl", "W"), ("Ctrl", "Q")}


def exit_sequence(text: str) -> QKeySequence:
    """The exit combination from the config's text ("Ctrl+Alt+Shift+Q"); anything a visitor could
    hit by chance or the system reserves (no Ctrl/Alt/Meta, Alt+F4, Ctrl+Q, …) gives the default."""
    seq = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    problem = None
    if seq.count() != 1:
        problem = "expected exactly one key combination"
    else:
        combo = seq[0]
        key, mods = combo.key(), combo.keyboardModifiers()
        if key in (Qt.Key.Key_unknown, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift, Qt.Key.Key_Meta):
            problem = "not a key combination"
        elif not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                         | Qt.KeyboardModifier.MetaModifier):
            problem = "needs Ctrl, Alt or Meta, so that no visitor presses it by chance"
        else:
            parts = seq.toString(QKeySequence.SequenceFormat.PortableText).rsplit("+", 1)
            if tuple(parts) in _RESERVED:
                problem = "reserved by the system or a usual way to close windows"
    if problem:
        log.warning("booth config: exit_keys %r: %s; using %s", text, problem, DEFAULT_EXIT_KEYS)
        return QKeySequence(DEFAULT_EXIT_KEYS)
    return seq


def pressed_combination(event) -> int:
    """A key press as ``QKeyCombination.toCombined()`` gives it, with only the Ctrl, Alt, Shift and
    Meta modifiers (no keypad or group-switch flags), to compare with the exit combination."""
    combo = event.keyCombination()
    return QKeyCombination(combo.keyboardModifiers() & _MODIFIERS, combo.key()).toCombined()


class ExceptionGuard(QObject):
    """While installed, an uncaught exception — in a slot, a paint event, any Python thread — is
    logged (with its traceback, in the log only) and reported through ``caught`` on the UI thread.
    Nothing is printed over the booth and nothing stops it."""

    caught = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._previous = None
        self._previous_thread = None

    def installed(self) -> bool:
        return getattr(sys.excepthook, "__self__", None) is self

    def install(self) -> None:
        if self.installed():
            return
        self._previous, self._previous_thread = sys.excepthook, threading.excepthook
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self.installed():
            sys.excepthook = self._previous
        if getattr(threading.excepthook, "__self__", None) is self:
            threading.excepthook = self._previous_thread

    def _hook(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt) and self._previous is not None:
            self._previous(kind, value, tb)
            return
        log.error("kiosk: unexpected error: %s: %s", kind.__name__, value, exc_info=(kind, value, tb))
        self.caught.emit(f"{kind.__name__}: {value}")

    def _thread_hook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error("kiosk: unexpected error in thread %s: %s: %s", name, args.exc_type.__name__, args.exc_value,
                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        self.caught.emit(f"{args.exc_type.__name__}: {args.exc_value}")


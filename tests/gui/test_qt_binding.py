"""Guard against a Qt binding that corrupts reference counts (PySide6 6.12.0 on Python 3.11
released a reference to None on every void call, crashing the app within seconds of drawing)."""
import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_leave_none_refcount_alone():
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) - before > -50

"""What the kiosk's tests share: the shipped cnn, a guard against dialogs, and kiosk windows that
are shut down afterwards."""
import pytest
from PySide6.QtWidgets import QMessageBox

from engine import catalogue
from engine.booth import BoothConfig
from gui.kiosk.window import KioskWindow


@pytest.fixture(scope="module")
def cnn():
    """The shipped cnn, loaded once for the module (a Predictor is thread-safe and shareable)."""
    return catalogue.load("cnn")


@pytest.fixture
def dialogs(monkeypatch):
    """Every QMessageBox call is recorded (and answered) instead of shown: the kiosk must make none."""
    calls = []
    for name in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: calls.append((_n, a)) or 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda self, *a: calls.append(("exec", a)) or 0)
    return calls


@pytest.fixture
def make_kiosk(qtbot, dialogs):
    """``make_kiosk(show=True, language=None, **booth settings)``: a kiosk window (full screen
    unless ``show`` is False), shut down after the test; no dialog may have been shown."""
    made = []

    def make(show: bool = True, language: str | None = None, **settings) -> KioskWindow:
        # not qtbot.addWidget: its close() would be refused
        win = KioskWindow(BoothConfig(**settings), language=language)
        made.append(win)
        if show:
            win.show_kiosk(guard=False)
            qtbot.waitExposed(win)
        return win

    yield make
    for win in made:
        win.exit_kiosk()
        win._shutdown()   # a window never shown as a kiosk still has threads to join
        win.deleteLater()
    assert dialogs == []

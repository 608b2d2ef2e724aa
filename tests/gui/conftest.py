"""Fixtures shared by the GUI tests."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from gui.app import configure_application

QStandardPaths.setTestModeEnabled(True)  # Qt's own per-user folders: a test location, never the real one


@pytest.fixture(autouse=True)
def private_settings(private_user_dir):
    """The app's names and a settings file inside this test's private user folder."""
    configure_application()
    yield


@pytest.fixture(autouse=True)
def english_again():
    """Every test starts in English and leaves the app in English, whatever it switched to."""
    from gui import i18n

    if i18n.current() != i18n.ENGLISH:
        i18n.set_language(i18n.ENGLISH)
    yield
    if i18n.current() != i18n.ENGLISH:
        i18n.set_language(i18n.ENGLISH)


@pytest.fixture
def shown_as_child(qtbot):
    """``shown_as_child(make, width, height)``: ``make(parent)`` filling a ``width``×``height``
    window that is shown and exposed — a child as in the app, because a top-level widget with size
    limits makes the offscreen platform warn that it cannot pass size hints on. The windows live
    until the test ends; qtbot closes them."""
    windows = []

    def show(make, width: int, height: int):
        window = QWidget()
        windows.append(window)
        qtbot.addWidget(window)
        window.resize(width, height)
        widget = make(window)
        widget.setGeometry(0, 0, width, height)
        window.show()
        qtbot.waitExposed(window)
        return widget

    yield show
    windows.clear()


@pytest.fixture
def make_window(qtbot):
    """``make_window(width, height, **kwargs)``: a MainWindow from cleared settings, shown, with its
    model loaded; closed when the test ends."""
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow

    made = []

    def make(width: int = 1000, height: int = 640, **kwargs):
        configure_application()
        QSettings().clear()
        win = MainWindow(**kwargs)
        qtbot.addWidget(win)
        win.resize(width, height)
        win.show()
        qtbot.waitExposed(win)
        with qtbot.waitSignal(win.engineReady, timeout=120_000):
            win.start_engine()
        made.append(win)
        return win

    yield make
    for win in made:
        win.close()

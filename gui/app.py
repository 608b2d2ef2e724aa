"""Start the Qt application: names for QSettings, the icon, the window, then the engine."""
from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from engine.resources import resource_path

log = logging.getLogger("digit_studio")
VERSION = "0.1.0"


def configure_application() -> None:
    """Names used by QSettings (a bare QSettings() anywhere finds the app's settings)."""
    QCoreApplication.setOrganizationName("DigitStudio")
    QCoreApplication.setOrganizationDomain("digitstudio.app")
    QCoreApplication.setApplicationName("Digit Studio")
    QCoreApplication.setApplicationVersion(VERSION)


def run_app(args, started_at: float | None = None) -> int:
    """Open the window and run the event loop; returns the exit status."""
    started_at = started_at if started_at is not None else time.perf_counter()
    configure_application()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(QIcon(str(resource_path("icons", "digit-studio.svg"))))
    app.setDesktopFileName("digit-studio")

    from gui.main_window import MainWindow

    window = MainWindow(model_ref=getattr(args, "window_model", None), started_at=started_at)
    window.show()
    log.info("window shown after %.2fs", time.perf_counter() - started_at)
    # The engine starts after the first paint, so TensorFlow's import never delays the window.
    QTimer.singleShot(0, window.start_engine)
    return app.exec()

"""Start the Qt application: names for QSettings, the icon, the window, then the engine."""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from engine.resources import resource_path

log = logging.getLogger("digit_studio")
VERSION = "0.1.0"


def configure_application() -> None:
    """Names used by QSettings (a bare QSettings() anywhere finds the app's settings). With
    ``DIGIT_STUDIO_HOME`` set, the settings live in that folder too, beside the data and logs, so
    one folder holds all of a user's state (tests, portable installs, booths)."""
    QCoreApplication.setOrganizationName("DigitStudio")
    QCoreApplication.setOrganizationDomain("digitstudio.app")
    QCoreApplication.setApplicationName("Digit Studio")
    QCoreApplication.setApplicationVersion(VERSION)
    home = os.environ.get("DIGIT_STUDIO_HOME")
    if home:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(home) / "settings"))
    else:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def run_app(args, started_at: float | None = None) -> int:
    """Open the window and run the event loop; returns the exit status."""
    started_at = started_at if started_at is not None else time.perf_counter()
    configure_application()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(QIcon(str(resource_path("icons", "digit-studio.svg"))))
    app.setDesktopFileName("digit-studio")

    window = open_window(args, started_at)
    log.info("window shown after %.2fs", time.perf_counter() - started_at)
    if getattr(args, "smoke_test", False):
        smoke = SmokeTest(window, started_at)  # noqa: F841 (kept alive by the window's signals)
    # The engine starts after the first paint: the window is never kept from showing.
    QTimer.singleShot(0, window.start_engine)
    return app.exec()


def open_window(args, started_at: float):
    """Show the main window, or the booth's kiosk window with ``--kiosk`` or ``kiosk = true`` in
    the booth config (``--booth-config PATH``, else booth.toml in the user data folder)."""
    from engine.booth import load_booth_config
    from gui import i18n

    booth = load_booth_config(getattr(args, "booth_config", None))
    requested = getattr(args, "language", None)
    if getattr(args, "kiosk", False) or booth.kiosk:
        from gui.kiosk.window import KioskWindow

        # A booth starts in (and returns to) its own language, not a visitor's last choice.
        language = i18n.chosen_language(requested, booth.language or None)
        i18n.set_language(language)
        window = KioskWindow(booth, model_ref=getattr(args, "window_model", None), started_at=started_at,
                             backend=getattr(args, "window_backend", "auto"), language=language)
        window.show_kiosk()
        return window
    from gui.main_window import MainWindow

    i18n.set_language(i18n.chosen_language(requested, QSettings().value(i18n.SETTINGS_KEY)))

    window = MainWindow(model_ref=getattr(args, "window_model", None), started_at=started_at,
                        backend=getattr(args, "window_backend", "auto"))
    window.show()
    return window


class SmokeTest:
    """Draw a 7 as soon as the engine is ready, wait for the settled answer, report it and quit
    (in the window, or in the kiosk with ``--kiosk``)."""

    DIGIT = 7

    def __init__(self, window, started_at: float):
        self.window, self.started_at = window, started_at
        window.engineReady.connect(self._on_engine_ready)
        window.predictionShown.connect(self._on_prediction)
        self._drawn = self._reported = False

    def _on_engine_ready(self, label: str) -> None:
        from engine.drawn_digits import DIGIT_TEMPLATES

        if self._drawn:
            return
        self._drawn = True
        canvas = self.window.recognizer.canvas   # the window's or the kiosk's
        for stroke in DIGIT_TEMPLATES[self.DIGIT][0]:
            canvas.add_stroke_points([(0.2 + 0.6 * x, 0.2 + 0.6 * y) for x, y in stroke])

    def _on_prediction(self, prediction) -> None:
        if not self._drawn or prediction is None or self._reported:
            return
        self._reported = True  # answers still in flight while the window closes are not reported
        ok = prediction.digit == self.DIGIT
        print(f"smoke test: drew a {self.DIGIT}, recognised {prediction.digit} "
              f"({100 * prediction.confidence:.1f}%) after {time.perf_counter() - self.started_at:.2f}s: "
              f"{'ok' if ok else 'WRONG'}", flush=True)
        self.window.close()
        QApplication.instance().exit(0 if ok else 1)

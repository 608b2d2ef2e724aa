"""What the two PyInstaller specs share: the full app (digit-studio.spec) and the booth (digit-studio-booth.spec).

Not a spec itself: each spec loads this file by its path (so packaging/ never lands on sys.path while
PyInstaller analyses the app) and keeps its own Analysis, EXE and COLLECT calls, which need
PyInstaller's spec globals. Here: the shipped resources, the Qt and tooling modules neither build
uses, the data and plugins dropped by path, the pruning of libraries only those needed, and the
selective strip of big libraries.
"""
from __future__ import annotations

import fnmatch
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
BUILD_DIR = ROOT / "build"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
IS_WIN, IS_MAC, IS_LINUX = sys.platform == "win32", sys.platform == "darwin", sys.platform.startswith("linux")


# --- what the app ships ------------------------------------------------------------------------

def shipped_datas(mnist: bool = True) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for resources/: models, icons, samples, the booth example and,
    with ``mnist``, the MNIST copy that ``evaluate`` (and training) read. Stops the build if a file
    the bundle must ship is missing."""
    datas = [
        (str(RESOURCES / "booth.example.toml"), "resources"),
        (str(RESOURCES / "models" / "*.keras"), "resources/models"),
        (str(RESOURCES / "icons" / "*.svg"), "resources/icons"),
        (str(RESOURCES / "samples" / "*"), "resources/samples"),
        (str(RESOURCES / "translations" / "*.qm"), "resources/translations"),
    ]
    must_exist = ["models/cnn.keras", "models/course-mlp.keras", "models/sigmoid-mlp.keras",
                  "icons/digit-studio.svg", "translations/digit_studio_tr.qm"]
    if mnist:
        datas.insert(0, (str(RESOURCES / "mnist.npz"), "resources"))
        must_exist.insert(0, "mnist.npz")
    for name in must_exist:
        if not (RESOURCES / name).is_file():
            raise SystemExit(f"missing resources/{name}: the bundle must ship it")
    return datas


# The Learn lessons are imported by name when first opened (gui/learn/panel.py): PyInstaller's
# import scan cannot see them.
LESSON_MODULES = sorted(f"gui.learn.lessons.{path.stem}" for path in (ROOT / "gui" / "learn" / "lessons").glob("*.py")
                        if path.stem != "__init__")


# --- what the app never uses -------------------------------------------------------------------

# Qt modules the app does not import (it uses QtCore, QtGui, QtWidgets, QtSvg, and QtOpenGL +
# QtOpenGLWidgets through pyqtgraph). QtTest is optional for pyqtgraph (try/except) and test-only here.
QT_EXCLUDES = [
    "PySide6.QtTest", "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtPrintSupport", "PySide6.QtSql",
    "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtHelp", "PySide6.QtDesigner", "PySide6.QtUiTools",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest", "PySide6.QtSvgWidgets", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtCharts", "PySide6.QtDataVisualization",
    "PySide6.QtGraphs", "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DExtras", "PySide6.QtPdf",
    "PySide6.QtPdfWidgets", "PySide6.QtBluetooth", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.QtSerialPort", "PySide6.QtRemoteObjects", "PySide6.QtSensors", "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech", "PySide6.QtSpatialAudio", "PySide6.QtHttpServer", "PySide6.QtNetworkAuth",
    "PySide6.QtNfc", "PySide6.QtScxml", "PySide6.QtAxContainer",
    "PyQt5", "PyQt6", "PySide2", "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter",
]

# Build, test and notebook tooling.
TOOLING_EXCLUDES = [
    "setuptools", "pkg_resources", "_distutils_hack", "distutils", "pip", "wheel", "PyInstaller",
    "pytest", "_pytest", "pytestqt", "pytest_timeout", "pluggy", "iniconfig", "psutil", "pygments",
    "IPython", "ipykernel", "jupyter_client", "notebook", "matplotlib", "pandas", "scipy", "tkinter",
    "_tkinter", "lib2to3", "pydoc_data", "readline",
]

# Data and plugins the app never uses, by their path in the bundle ("*" also matches "/").
DROP_PATTERNS = [
    "PySide6/*translations/*",               # Qt's catalogues, but for the languages the app speaks (KEEP)
    "PySide6/*plugins/platforms/*qvnc*",     # VNC server platform, TUIO-over-network touch input: both
    "PySide6/*plugins/generic/*tuiotouch*",  # pull in QtNetwork (and Kerberos) for nothing
    "*.lib", "*.a", "*.pyi",
]
if IS_LINUX:
    # Qt's GTK3 theme plugin needs the system's libgtk-3 (not bundled) and would mix it with the
    # bundled GLib/Cairo/Pango stack; the xdg-desktop-portal theme remains for native dialogs.
    DROP_PATTERNS.append("PySide6/*plugins/platformthemes/*qgtk3*")


# Kept although a drop pattern matches: Qt's own words (standard dialog buttons) in Turkish.
KEEP_PATTERNS = ["PySide6/*translations/qtbase_tr.qm"]


# --- pruning the collected files ---------------------------------------------------------------

def _dropped(entry, drop_patterns) -> bool:
    dest = entry[0].replace("\\", "/")
    if any(fnmatch.fnmatch(dest, pattern) for pattern in KEEP_PATTERNS):
        return False
    return any(fnmatch.fnmatch(dest, pattern) for pattern in drop_patterns)


def _ldd_needs(path) -> set[str]:
    """Every shared library ``path`` loads, transitively (ldd), by soname."""
    try:
        out = subprocess.run(["ldd", path], capture_output=True, text=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.split("=>")[0].strip() for line in out.splitlines() if "=>" in line}


def _prune_binaries(binaries, drop_patterns):
    """Drop the unwanted binaries and, on Linux, the top-level libraries only they needed.

    PyInstaller has already added the dependencies of everything collected; a library that only
    the dropped plugins load (the GTK stack, QtNetwork and Kerberos) goes too.
    """
    dropped = [b for b in binaries if _dropped(b, drop_patterns)]
    kept = [b for b in binaries if not _dropped(b, drop_patterns)]
    if not (IS_LINUX and dropped and shutil.which("ldd")):
        return kept
    candidates = set().union(*(_ldd_needs(b[1]) for b in dropped))

    def is_candidate(entry):
        return "/" not in entry[0].replace("\\", "/") and entry[0] in candidates \
            or entry[0].startswith("PySide6/Qt/lib/") and Path(entry[0]).name in candidates

    needed = set()
    for entry in kept:
        if not is_candidate(entry):
            needed |= _ldd_needs(entry[1])
    return [entry for entry in kept if not is_candidate(entry) or Path(entry[0]).name in needed]


def _names(entries) -> set[str]:
    return {os.path.normpath(entry[0]) for entry in entries}


def prune(analysis, drop_patterns) -> None:
    """Take out of ``analysis`` (binaries and datas) what ``drop_patterns`` match, the libraries only
    those needed, and PyInstaller's top-level symlinks (e.g. libQt6Network.so.6 ->
    PySide6/Qt/lib/...) to anything that went."""
    collected = _names(analysis.binaries + analysis.datas)
    analysis.binaries = _prune_binaries(analysis.binaries, drop_patterns)
    analysis.datas = [d for d in analysis.datas if not _dropped(d, drop_patterns)]
    removed = collected - _names(analysis.binaries + analysis.datas)

    def links_to_removed(entry):
        return entry[2] == "SYMLINK" and \
            os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1])) in removed

    analysis.binaries = [b for b in analysis.binaries if not links_to_removed(b)]
    analysis.datas = [d for d in analysis.datas if not links_to_removed(d)]


def strip_binaries(binaries, prefixes, workpath):
    """Linux: the libraries under ``prefixes`` (bundle paths) with their symbol tables removed.

    Only libraries known to survive it: the auditwheel/patchelf-repaired ones (numpy.libs,
    pillow.libs, h5py.libs) break when stripped ("ELF load command address/offset not
    page-aligned"), which is why PyInstaller's global strip option stays off. Stripped copies are
    cached in the work folder.
    """
    if not (IS_LINUX and shutil.which("strip")):
        return binaries
    out = []
    for dest, src, typecode in binaries:
        name = dest.replace("\\", "/")
        if name.startswith(tuple(prefixes)) and ".so" in name:
            stripped = Path(workpath) / "stripped" / name
            if not stripped.is_file() or stripped.stat().st_mtime < Path(src).stat().st_mtime:
                stripped.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run(["strip", "-o", str(stripped), src], check=True)
            src = str(stripped)
        out.append((dest, src, typecode))
    return out


# --- executables -------------------------------------------------------------------------------

def icon_option() -> list[str] | None:
    """The icon rendered from the SVG by packaging/build.py (PyInstaller converts it to .ico/.icns);
    Linux executables carry none (the .desktop entry names it)."""
    png = BUILD_DIR / "icons" / "digit-studio-256.png"
    return [str(png)] if png.is_file() and not IS_LINUX else None


def exe_options(icon) -> dict:
    """EXE(...) keyword arguments both builds use."""
    return dict(
        exclude_binaries=True,
        debug=False,
        bootloader_ignore_signals=False,
        strip=False,  # see strip_binaries: a global strip breaks patchelf-repaired wheels' libraries
        upx=False,
        argv_emulation=False,
        target_arch=None,
        codesign_identity=None,
        entitlements_file=None,
        icon=icon,
    )


# UTF-8 mode (python -X utf8): the command line prints bars and names files that a Windows code
# page cannot encode when its output is redirected.
PYTHON_OPTIONS = [("X utf8", None, "OPTION")]

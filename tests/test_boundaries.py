"""The layers of the house: engine/ never imports Qt, gui/ never imports TensorFlow or Keras, and
every module that needs no Qt (in engine/ or in gui/) really loads none."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT = ("PySide6", "shiboken6", "pyqtgraph")
ML = ("tensorflow", "keras", "tf_keras")


def modules(package: str) -> dict[str, Path]:
    """Every module of ``package`` (recursively), by dotted name."""
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imported_roots(path: Path) -> set[str]:
    """The top-level packages a module imports anywhere in it (also inside functions)."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def qt_free_modules() -> list[str]:
    """Modules that import no Qt themselves and no gui module that does: they must load no Qt."""
    every = {**modules("engine"), **modules("gui")}
    direct_qt = {name for name, path in every.items() if imported_roots(path) & set(QT)}
    qt_free = []
    for name, path in every.items():
        if name in direct_qt or name == "gui":
            continue
        source = path.read_text(encoding="utf-8")
        if any(f"import {other}" in source or f"from {other} import" in source
               for other in direct_qt if other.startswith("gui")):
            continue
        qt_free.append(name)
    return qt_free


def test_no_module_under_gui_imports_tensorflow_or_keras():
    offenders = {name: sorted(imported_roots(path) & set(ML)) for name, path in modules("gui").items()
                 if imported_roots(path) & set(ML)}
    assert offenders == {}


def test_no_module_under_engine_imports_qt():
    offenders = {name: sorted(imported_roots(path) & set(QT)) for name, path in modules("engine").items()
                 if imported_roots(path) & set(QT)}
    assert offenders == {}


def test_every_qt_free_module_loads_no_qt_wherever_it_lives():
    names = qt_free_modules()
    assert "engine.predictor" in names and "engine.training" in names
    assert "gui.network.layout" in names and "gui.network.model" in names   # Qt-free view logic in gui/
    code = ("import importlib, sys\n"
            f"for name in {names!r}: importlib.import_module(name)\n"
            "import engine.models\n"
            "engine.models.build_model('course-mlp')\n"
            f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})\n"
            "print(bad)\n"
            "sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr

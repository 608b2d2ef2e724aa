"""The engine must never import Qt: it runs in the CLI, in tests and in worker processes."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import engine


def test_importing_every_engine_module_loads_no_qt():
    names = [f"engine.{m.name}" for m in pkgutil.iter_modules(engine.__path__)]
    assert "engine.predictor" in names and "engine.training" in names
    code = ("import importlib, sys\n"
            f"for name in {names!r}: importlib.import_module(name)\n"
            "import engine.models, engine.predictor\n"
            "engine.models.build_model('course-mlp')\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
            "print(bad)\n"
            "sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(engine.__file__).parent.parent, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr

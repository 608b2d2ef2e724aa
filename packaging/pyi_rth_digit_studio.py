"""PyInstaller runtime hook (runs in the bundle before main.py): stand in for TensorFlow's remote-profiler client.

``tf.profiler.experimental.client.trace/monitor`` ask a *remote* profiler server over gRPC for a
trace. They are backed by an 80 MB extension module, which the spec leaves out of the bundle (with
grpc); TensorFlow still imports the module at start-up, so this small stand-in takes its place and
raises if anyone calls it. Digit Studio never profiles; local profiling (``_pywrap_profiler``) stays.
"""
import sys
import types

_NAME = "tensorflow.python.profiler.internal._pywrap_profiler_plugin"


def _not_bundled(*args, **kwargs):
    raise RuntimeError("TensorFlow's remote profiler client is not included in the Digit Studio bundle")


if _NAME not in sys.modules:
    _stub = types.ModuleType(_NAME, _not_bundled.__doc__)
    _stub.trace = _stub.monitor = _not_bundled
    sys.modules[_NAME] = _stub

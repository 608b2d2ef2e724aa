"""Read a Keras 3 ``.keras`` file without TensorFlow or Keras: ``read_network(path)`` → NetworkDescription.

A ``.keras`` file is a zip archive holding ``config.json`` (the model's serialized configuration:
a Sequential or Functional model and its list of layers, each a ``class_name`` and a ``config``)
and ``model.weights.h5`` (every layer's variables, in an HDF5 file). This module reads both with
zipfile, json and h5py only, and gives exactly what ``engine.network.describe`` gives for the same
file loaded through Keras — so the app can recognise digits where TensorFlow is not installed.

It knows the layers ``engine.models.build_model`` makes (and an ``Activation`` layer): InputLayer,
Reshape, Flatten, Dense, Conv2D, MaxPooling2D, AveragePooling2D, Dropout, BatchNormalization, with
the activations linear, relu, sigmoid, tanh and softmax. A model with anything else — a Lambda
layer, custom code, a nested model, an option such as dilation or channels-first data — is refused
with ``NeedsTensorFlow``: it needs the full TensorFlow installation. Nothing in a file is ever
executed or evaluated: its configuration is only read as data.

Weights layout (Keras 3): ``layers/<snake_case class name>[_<n>]/vars/<i>`` for each of the model's
layers in order (``<n>`` counts earlier layers of the same class; a Sequential model's layers
exclude its InputLayer, a Functional model's include it), ``vars`` carrying the layer's name as
an attribute and ``<i>`` its variables in ``layer.get_weights()`` order.

This module imports neither TensorFlow, Keras nor Qt.
"""
from __future__ import annotations

import io
import json
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine.model_files import ModelFileError, check_digit_shapes, check_model_file, one_input_one_output
from engine.network import LayerDescription, NetworkDescription
from engine.words import QT_TRANSLATE_NOOP, Words

CONFIG_MEMBER = "config.json"
WEIGHTS_MEMBER = "model.weights.h5"
_MAX_CONFIG_BYTES = 20_000_000   # a model's configuration is kilobytes; more is not a model we read

SUPPORTED_KINDS = ("InputLayer", "Reshape", "Flatten", "Dense", "Conv2D", "MaxPooling2D",
                   "AveragePooling2D", "Dropout", "BatchNormalization", "Activation")
SUPPORTED_ACTIVATIONS = ("linear", "relu", "sigmoid", "tanh", "softmax")
_MODEL_KINDS = ("Sequential", "Functional", "Model")


class NeedsTensorFlow(ModelFileError):
    """A model file that is fine but uses something this reader does not do (a Lambda layer, custom
    code, a layer kind or option it does not know); Keras, with TensorFlow, may load it."""


@dataclass
class _Layer:
    """One layer of the file's configuration, as read (``config`` is the layer's own settings)."""

    kind: str
    name: str
    config: dict


def read_network(path: str | Path) -> NetworkDescription:
    """The network of a ``.keras`` file as plain data — equal to ``describe(load_model(path))`` —
    read without TensorFlow. Raises ``NeedsTensorFlow`` for a model that needs Keras to run and
    ``ModelFileError`` for a file that is not a readable digit model, each saying why."""
    path = Path(path)
    label = path.name
    config_text, weights_bytes = _read_archive(path)
    try:
        config = json.loads(config_text)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "engine", "Could not read {name}: its model configuration is not valid JSON ({error}); the file "
            "may be damaged."), name=label, error=str(exc))) from exc
    model_name, input_shape, layers, counted = _model_layers(config, label)

    described: list[LayerDescription] = []
    expected_weights: list[list[tuple[int, ...]]] = []
    shape = input_shape
    for layer in layers:
        if layer.kind == "InputLayer":
            continue
        activation, params, shape, weight_shapes = _layer(layer, shape, label)
        described.append(LayerDescription(len(described), layer.name, layer.kind, shape, activation, params))
        expected_weights.append(weight_shapes)
    if not described:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: the model has no layers"),
                                   name=label))
    check_digit_shapes(input_shape, described[-1].shape, label)   # the rule (and words) of check_digit_model

    weights = _read_weights(weights_bytes, layers, counted, expected_weights, label)
    return NetworkDescription(name=model_name, input_shape=input_shape, layers=tuple(described),
                              weights=tuple(weights), gives_logits=described[-1].activation != "softmax")


# -- the archive ----------------------------------------------------------------------------------

def _read_archive(path: Path) -> tuple[bytes, bytes]:
    """(config.json, model.weights.h5) of the zip at ``path``, or ModelFileError saying why not."""
    label = check_model_file(path).name
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if CONFIG_MEMBER not in names:
                raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                    "engine", "Could not read {name}: it holds no {member}, so it is not a Keras model file "
                    "(or it is damaged)."), name=label, member=CONFIG_MEMBER))
            if WEIGHTS_MEMBER not in names:
                other = sorted(n for n in names if "weights" in n)
                if other:
                    raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                        "engine", "Could not read {name}: its weights are stored in a form this reader does not "
                        "know ({found})."), name=label, found=", ".join(other)))
                raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                    "engine", "Could not read {name}: it holds no weights ({member})."),
                    name=label, member=WEIGHTS_MEMBER))
            info = archive.getinfo(CONFIG_MEMBER)
            if info.file_size > _MAX_CONFIG_BYTES:
                raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                    "engine", "Could not read {name}: its {member} is {size} bytes, far too large for a model "
                    "configuration."), name=label, member=CONFIG_MEMBER, size=f"{info.file_size:,}"))
            return archive.read(info), archive.read(WEIGHTS_MEMBER)
    except ModelFileError:
        raise
    except Exception as exc:  # BadZipFile, a CRC or zlib error, an unreadable file...
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: the file is damaged "
                                                     "({error})."), name=label, error=_first_line(exc))) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# -- the model's configuration --------------------------------------------------------------------

def _model_layers(config: Any, label: str) -> tuple[str, tuple[int, ...], list[_Layer], list[_Layer]]:
    """(model name, input shape, layers in order (an InputLayer included where the file has one),
    the layers Keras names the weights after, in that order)."""
    if not isinstance(config, dict) or not isinstance(config.get("config"), dict):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: its configuration does "
                                                     "not describe a model."), name=label))
    kind = config.get("class_name")
    body = config["config"]
    if kind not in _MODEL_KINDS or not _is_builtin(config, kind) or not isinstance(body.get("layers"), list):
        if not kind:
            raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
                "engine", "{name} needs the full TensorFlow installation: it is a custom model built by custom "
                "code, which this reader does not run."), name=label))
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: it is a {kind} model built by custom "
            "code, which this reader does not run."), name=label, kind=str(kind)))
    name = body.get("name")
    if not isinstance(name, str):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: the model has no name."),
                                   name=label))
    layers = [_layer_entry(entry, label) for entry in body["layers"]]
    if kind == "Sequential":
        return name, _sequential_input(config, body, layers, label), layers, \
            [layer for layer in layers if layer.kind != "InputLayer"]
    return name, _functional_input(body, layers, label), layers, layers


def _layer_entry(entry: Any, label: str) -> _Layer:
    if not isinstance(entry, dict) or not isinstance(entry.get("config"), dict):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: a layer's configuration "
                                                     "is damaged."), name=label))
    kind = entry.get("class_name")
    config = entry["config"]
    name = config.get("name", entry.get("name"))
    if not isinstance(kind, str) or not isinstance(name, str):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: a layer has no kind or "
                                                     "no name."), name=label))
    layer = repr(name)
    if kind in _MODEL_KINDS:
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: its layer {layer} is a whole {kind} model "
            "nested inside it."), name=label, layer=layer, kind=kind))
    if kind == "Lambda":
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: its layer {layer} is a Lambda layer: "
            "custom code, which this reader never runs."), name=label, layer=layer))
    if not _is_builtin(entry, kind):
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: its layer {layer} is a custom layer "
            "({kind})."), name=label, layer=layer, kind=str(entry.get("registered_name") or kind)))
    if kind not in SUPPORTED_KINDS:
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: its layer {layer} is of a kind this "
            "reader does not know ({kind})."), name=label, layer=layer, kind=kind))
    dtype = _dtype_name(config.get("dtype"))
    if dtype not in (None, "float32"):
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: its layer {layer} computes in {dtype}; "
            "this reader computes in float32 only."), name=label, layer=layer, dtype=str(dtype)))
    return _Layer(kind, name, config)


def _is_builtin(entry: dict, kind: str) -> bool:
    """True for a class of Keras itself: not one registered by a user's code."""
    module = entry.get("module")
    registered = entry.get("registered_name")
    return (module is None or (isinstance(module, str) and module.split(".")[0] == "keras")) and \
        registered in (None, kind)


def _dtype_name(dtype: Any) -> str | None:
    if dtype is None or isinstance(dtype, str):
        return dtype
    if isinstance(dtype, dict):
        inner = dtype.get("config")
        if dtype.get("class_name") == "DTypePolicy" and isinstance(inner, dict):
            return inner.get("name")
        return f"a {dtype.get('class_name')} policy"
    return repr(dtype)


def _batch_shape(config: dict) -> Any:
    return config.get("batch_shape", config.get("batch_input_shape"))


def _input_shape(batch_shape: Any, label: str) -> tuple[int, ...]:
    if (not isinstance(batch_shape, (list, tuple)) or len(batch_shape) < 2
            or not all(isinstance(d, int) and d > 0 for d in batch_shape[1:])):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "engine", "Could not read {name}: its input shape {shape} is not one a digit model takes (28×28 "
            "images)."), name=label, shape=str(batch_shape)))
    return tuple(int(d) for d in batch_shape[1:])


def _sequential_input(config: dict, body: dict, layers: list[_Layer], label: str) -> tuple[int, ...]:
    if layers and layers[0].kind == "InputLayer":
        if any(layer.kind == "InputLayer" for layer in layers[1:]):
            raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: the model has more "
                                                         "than one input layer."), name=label))
        return _input_shape(_batch_shape(layers[0].config), label)
    if any(layer.kind == "InputLayer" for layer in layers):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: its input layer is not "
                                                     "its first layer."), name=label))
    build = config.get("build_config") if isinstance(config.get("build_config"), dict) else {}
    shape = body.get("build_input_shape") or build.get("input_shape")
    if shape is None:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "engine", "Could not read {name}: the model was saved before it was built, so its input shape is "
            "unknown."), name=label))
    return _input_shape(shape, label)


def _functional_input(body: dict, layers: list[_Layer], label: str) -> tuple[int, ...]:
    """A Functional model is read when it is a plain chain: input → layer 1 → layer 2 → … → output."""
    if not layers or layers[0].kind != "InputLayer":
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: the model's first layer "
                                                     "is not its input."), name=label))
    names = [layer.name for layer in layers]
    if len(set(names)) != len(names):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: two of its layers have "
                                                     "the same name."), name=label))
    inputs, outputs = _endpoints(body.get("input_layers")), _endpoints(body.get("output_layers"))
    if inputs is None or outputs is None:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: its inputs or outputs "
                                                     "are not recorded."), name=label))
    if len(inputs) != 1 or len(outputs) != 1:
        raise ModelFileError(one_input_one_output(label))
    chained = inputs == [names[0]] and outputs == [names[-1]]
    entries = body["layers"]
    for i, layer in enumerate(layers[1:], start=1):
        if not chained:
            break
        if layer.kind == "InputLayer":
            raise ModelFileError(one_input_one_output(label))
        chained = _inbound(entries[i]) == [names[i - 1]]
    if not chained:
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: its layers are not one simple chain from "
            "the input to the output (branches, shared or reused layers)."), name=label))
    return _input_shape(_batch_shape(layers[0].config), label)


def _endpoints(value: Any) -> list[str] | None:
    """Layer names of ``input_layers``/``output_layers``: ``[name, 0, 0]`` or a list of those."""
    if isinstance(value, list) and len(value) == 3 and isinstance(value[0], str):
        return [value[0]]
    if isinstance(value, list) and all(isinstance(v, list) and v and isinstance(v[0], str) for v in value):
        return [v[0] for v in value]
    return None


def _inbound(entry: dict) -> list[str] | None:
    """The layer names feeding a Functional model's layer, when it is called exactly once with
    only tensors (and, at most, a ``training`` flag); None otherwise."""
    nodes = entry.get("inbound_nodes")
    if not isinstance(nodes, list) or len(nodes) != 1:
        return None
    node = nodes[0]
    if isinstance(node, dict):  # Keras 3: {"args": [tensor, ...], "kwargs": {...}}
        kwargs = node.get("kwargs") or {}
        if not isinstance(kwargs, dict) or set(kwargs) - {"training"}:
            return None
        found: list[str] = []
        if not _tensor_sources(node.get("args"), found):
            return None
        return found
    if isinstance(node, list):  # Keras 2: [[name, node_index, tensor_index, kwargs], ...]
        if not all(isinstance(t, list) and len(t) >= 3 and isinstance(t[0], str)
                   and (len(t) < 4 or not t[3]) for t in node):
            return None
        return [t[0] for t in node]
    return None


def _tensor_sources(value: Any, found: list[str]) -> bool:
    """Collect the source layers of the Keras tensors in ``value``; False if anything else is in it."""
    if isinstance(value, list):
        return all(_tensor_sources(v, found) for v in value)
    if isinstance(value, dict) and value.get("class_name") == "__keras_tensor__":
        history = (value.get("config") or {}).get("keras_history")
        if isinstance(history, list) and history and isinstance(history[0], str):
            found.append(history[0])
            return True
    return False


# -- one layer ------------------------------------------------------------------------------------

def _layer(layer: _Layer, in_shape: tuple[int, ...], label: str):
    """(activation, params, output shape, expected weight shapes) of one layer, as describe() gives
    them; NeedsTensorFlow for an option this reader does not do."""
    kind, c = layer.kind, layer.config

    def bad_input(expected: str) -> ModelFileError:
        return ModelFileError(Words(QT_TRANSLATE_NOOP(
            "engine", "Could not read {name}: layer {layer} ({kind}) takes {expected}, but its input has shape "
            "{shape}."), name=label, layer=repr(layer.name), kind=kind, expected=expected, shape=str(in_shape)))

    def require(ok: bool, option: str) -> None:
        if not ok:
            raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
                "engine", "{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses "
                "{option}, which this reader does not do."),
                name=label, layer=repr(layer.name), kind=kind, option=option))

    def at_least(size: tuple[int, int]) -> str:
        return Words(QT_TRANSLATE_NOOP("engine", "images of at least {height}×{width}"),
                     height=size[0], width=size[1])

    one_axis = Words(QT_TRANSLATE_NOOP("engine", "an input with at least one axis"))
    images = Words(QT_TRANSLATE_NOOP("engine", "images (height, width, channels)"))

    if kind in ("Conv2D", "MaxPooling2D", "AveragePooling2D", "Flatten"):
        data_format = c.get("data_format") or "channels_last"
        require(data_format == "channels_last", f"data_format={data_format!r}")
    if kind == "Dense":
        units = _positive_int(c.get("units"), "units", layer, label)
        use_bias = bool(c.get("use_bias", True))
        require(not c.get("lora_rank"), "LoRA (lora_rank)")
        require(c.get("quantization_config") is None, Words(QT_TRANSLATE_NOOP("engine", "quantization")))
        if not in_shape:
            raise bad_input(one_axis)
        params = {"units": units, "use_bias": use_bias}
        shapes = [(in_shape[-1], units)] + ([(units,)] if use_bias else [])
        return _activation(c, layer, label), params, (*in_shape[:-1], units), shapes
    if kind == "Conv2D":
        filters = _positive_int(c.get("filters"), "filters", layer, label)
        kernel = _pair(c.get("kernel_size"), "kernel_size", layer, label)
        strides = _pair(c.get("strides", 1), "strides", layer, label)
        dilation = _pair(c.get("dilation_rate", 1), "dilation_rate", layer, label)
        groups = c.get("groups", 1)
        padding = _padding(c.get("padding", "valid"), layer, label)
        use_bias = bool(c.get("use_bias", True))
        require(dilation == (1, 1), f"dilation_rate={dilation}")
        require(groups == 1, f"groups={groups}")
        require(not c.get("lora_rank"), "LoRA (lora_rank)")
        if len(in_shape) != 3:
            raise bad_input(images)
        h, w, channels = in_shape
        out = (_conv_size(h, kernel[0], strides[0], padding), _conv_size(w, kernel[1], strides[1], padding))
        if min(out) < 1:
            raise bad_input(at_least(kernel))
        params = {"filters": filters, "kernel_size": kernel, "strides": strides, "padding": padding,
                  "dilation_rate": dilation, "groups": groups, "data_format": "channels_last",
                  "use_bias": use_bias}
        shapes = [(*kernel, channels, filters)] + ([(filters,)] if use_bias else [])
        return _activation(c, layer, label), params, (*out, filters), shapes
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        pool = _pair(c.get("pool_size", 2), "pool_size", layer, label)
        strides = pool if c.get("strides") is None else _pair(c.get("strides"), "strides", layer, label)
        padding = _padding(c.get("padding", "valid"), layer, label)
        if len(in_shape) != 3:
            raise bad_input(images)
        h, w, channels = in_shape
        out = (_conv_size(h, pool[0], strides[0], padding), _conv_size(w, pool[1], strides[1], padding))
        if min(out) < 1:
            raise bad_input(at_least(pool))
        params = {"pool_size": pool, "strides": strides, "padding": padding, "data_format": "channels_last"}
        return None, params, (*out, channels), []
    if kind == "BatchNormalization":
        axis = c.get("axis", -1)
        if isinstance(axis, list) and len(axis) == 1:
            axis = axis[0]
        require(isinstance(axis, int) and axis in (-1, len(in_shape)), f"axis={axis}")
        require(not c.get("renorm"), Words(QT_TRANSLATE_NOOP("engine", "batch renormalization (renorm)")))
        if not in_shape:
            raise bad_input(one_axis)
        center, scale = bool(c.get("center", True)), bool(c.get("scale", True))
        params = {"axis": axis, "epsilon": _plain(c.get("epsilon", 1e-3)), "center": center,
                  "scale": scale, "momentum": _plain(c.get("momentum", 0.99))}
        n = in_shape[-1]
        return None, params, in_shape, [(n,)] * (int(scale) + int(center) + 2)
    if kind == "Dropout":
        return None, {"rate": _plain(c.get("rate", 0.0))}, in_shape, []
    if kind == "Flatten":
        return None, {"data_format": "channels_last"}, (math.prod(in_shape),), []
    if kind == "Reshape":
        target = _plain(c.get("target_shape"))
        return None, {"target_shape": target}, _reshape(in_shape, target, layer, label), []
    if kind == "Activation":
        return _activation(c, layer, label), {}, in_shape, []
    raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(   # not reached
        "engine", "{name} needs the full TensorFlow installation: its layer {layer} ({kind}) is a layer kind "
        "this reader does not know."), name=label, layer=repr(layer.name), kind=kind))


def _activation(config: dict, layer: _Layer, label: str) -> str:
    """The activation's name as describe() gives it (the function's ``__name__``)."""
    value = config.get("activation", "linear")
    if value is None:
        return "linear"
    if isinstance(value, dict) and value.get("module") in ("keras.activations", "keras.src.activations"):
        value = value.get("config")  # a built-in activation serialised as {"class_name": "function", ...}
    if isinstance(value, str) and value in SUPPORTED_ACTIVATIONS:
        return value
    known = ", ".join(SUPPORTED_ACTIVATIONS)
    if not isinstance(value, str):
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses the "
            "activation 'a custom activation', which this reader does not do (it knows {known})."),
            name=label, layer=repr(layer.name), kind=layer.kind, known=known))
    raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
        "engine", "{name} needs the full TensorFlow installation: its layer {layer} ({kind}) uses the activation "
        "{activation}, which this reader does not do (it knows {known})."),
        name=label, layer=repr(layer.name), kind=layer.kind, activation=repr(value), known=known))


def _positive_int(value: Any, key: str, layer: _Layer, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _bad_setting(label, layer, key, value)
    return value


def _bad_setting(label: str, layer: _Layer, key: str, value: Any) -> ModelFileError:
    return ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: layer {layer} has {key}={value}."),
                                name=label, layer=repr(layer.name), key=key, value=repr(value)))


def _pair(value: Any, key: str, layer: _Layer, label: str) -> tuple[int, int]:
    """An int or a pair of ints as a pair, as Keras standardises kernel sizes, strides and pools."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = (value, value)
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in value)):
        return int(value[0]), int(value[1])
    raise _bad_setting(label, layer, key, value)


def _padding(value: Any, layer: _Layer, label: str) -> str:
    padding = value.lower() if isinstance(value, str) else value
    if padding not in ("valid", "same"):
        raise NeedsTensorFlow(Words(QT_TRANSLATE_NOOP(
            "engine", "{name} needs the full TensorFlow installation: its layer {layer} uses padding={value}, "
            "which this reader does not do."), name=label, layer=repr(layer.name), value=repr(value)))
    return padding


def _conv_size(size: int, window: int, stride: int, padding: str) -> int:
    """Output length along one axis (TensorFlow's rule: ceil(n / s) with 'same')."""
    if padding == "same":
        return -(-size // stride)
    return (size - window) // stride + 1 if size >= window else 0


def _reshape(in_shape: tuple[int, ...], target: Any, layer: _Layer, label: str) -> tuple[int, ...]:
    if not isinstance(target, tuple) or not all(isinstance(d, int) and (d >= 1 or d == -1) for d in target) \
            or sum(d == -1 for d in target) > 1:
        raise _bad_setting(label, layer, "target_shape", target)
    size = math.prod(in_shape)
    known = math.prod(d for d in target if d != -1)
    if -1 in target:
        if known == 0 or size % known:
            raise _cannot_reshape(label, layer, in_shape, target)
        target = tuple(size // known if d == -1 else d for d in target)
    elif known != size:
        raise _cannot_reshape(label, layer, in_shape, target)
    return target


def _cannot_reshape(label: str, layer: _Layer, in_shape: tuple, target: tuple) -> ModelFileError:
    return ModelFileError(Words(QT_TRANSLATE_NOOP("engine", "Could not read {name}: layer {layer} cannot reshape "
                                                  "{shape} to {target}."),
                                name=label, layer=repr(layer.name), shape=str(in_shape), target=str(target)))


def _plain(value):
    """A JSON value as describe() gives a config value: lists become tuples."""
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    return value


# -- the weights ----------------------------------------------------------------------------------

def _snake_case(name: str) -> str:
    """Keras's ``naming.to_snake_case``: how the weights file names a layer's group."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _group_paths(counted: list[_Layer]) -> dict[str, str]:
    """Layer name → its ``layers/...`` group in the weights file (Keras's unique naming)."""
    used: dict[str, int] = {}
    paths = {}
    for layer in counted:
        base = _snake_case(layer.kind)
        if base in used:
            used[base] += 1
            key = f"{base}_{used[base]}"
        else:
            used[base] = 0
            key = base
        paths[layer.name] = f"layers/{key}/vars"
    return paths


def _read_weights(data: bytes, layers: list[_Layer], counted: list[_Layer],
                  expected: list[list[tuple[int, ...]]], label: str) -> list[tuple[np.ndarray, ...]]:
    import h5py

    paths = _group_paths(counted)
    out: list[tuple[np.ndarray, ...]] = []
    try:
        with h5py.File(io.BytesIO(data), "r") as h5:
            by_name = None
            for layer, shapes in zip((layer for layer in layers if layer.kind != "InputLayer"), expected):
                if not shapes:  # a layer without weights (whatever else a file keeps for it)
                    out.append(())
                    continue
                group = h5.get(paths.get(layer.name, ""))
                if not _is_group_of(group, layer.name):
                    if by_name is None:  # a file whose groups are named otherwise: find it by its name
                        by_name = _groups_by_name(h5)
                    group = by_name.get(layer.name)
                if group is None:
                    raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                        "engine", "Could not read {name}: it holds no weights for layer {layer}."),
                        name=label, layer=repr(layer.name)))
                out.append(_layer_weights(group, shapes, layer, label))
    except ModelFileError:
        raise
    except Exception as exc:  # not an HDF5 file, a damaged one...
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "engine", "Could not read {name}: its weights cannot be read ({error}); the file may be damaged."),
            name=label, error=_first_line(exc))) from exc
    return out


def _is_group_of(group, name: str) -> bool:
    import h5py

    if not isinstance(group, h5py.Group):
        return False
    stored = group.attrs.get("name")
    if isinstance(stored, bytes):
        stored = stored.decode("utf-8", "replace")
    return stored is None or stored == name


def _groups_by_name(h5) -> dict[str, Any]:
    import h5py

    found = {}
    layers = h5.get("layers")
    if isinstance(layers, h5py.Group):
        for key in layers:
            group = layers[key].get("vars") if isinstance(layers[key], h5py.Group) else None
            if isinstance(group, h5py.Group) and "name" in group.attrs:
                name = group.attrs["name"]
                found[name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)] = group
    return found


def _layer_weights(group, shapes: list[tuple[int, ...]], layer: _Layer, label: str) -> tuple[np.ndarray, ...]:
    import h5py

    keys = sorted(group.keys(), key=lambda k: (not k.isdigit(), int(k) if k.isdigit() else 0, k))
    if keys != [str(i) for i in range(len(shapes))]:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "engine", "Could not read {name}: layer {layer} has {found} weight arrays in the file; its "
            "configuration needs {needed}."), name=label, layer=repr(layer.name), found=len(keys), needed=len(shapes)))
    arrays = []
    for key, shape in zip(keys, shapes):
        dataset = group[key]
        if not isinstance(dataset, h5py.Dataset) or tuple(dataset.shape) != shape:
            found = getattr(dataset, "shape", "none")
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "engine", "Could not read {name}: weight {key} of layer {layer} has shape {found}; its "
                "configuration needs {shape}."),
                name=label, key=key, layer=repr(layer.name), found=str(found), shape=str(shape)))
        if dataset.dtype.kind != "f":
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "engine", "Could not read {name}: weight {key} of layer {layer} is not floating point ({dtype})."),
                name=label, key=key, layer=repr(layer.name), dtype=str(dataset.dtype)))
        array = np.array(dataset[()], dtype=np.float32, copy=True)
        array.setflags(write=False)
        arrays.append(array)
    return tuple(arrays)

"""The words and numbers of the activation view: the hover text of a neuron, a feature-map
pixel, an input pixel or a passing layer — the course's formula with the numbers filled in —
and the names the view gives its columns, chips and inspector, in the language on screen.

Functions of the layer description, its weights and the activations the Predictor returned
(the z of a neuron is recomputed from them in NumPy: w_j · a^[l-1] + b_j). The words go through
``QCoreApplication.translate("NetworkText", …)`` and the numbers through ``gui.i18n`` (a decimal
comma in Turkish); the formulas themselves read the same in every language.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from engine.numpy_forward import ACTIVATIONS
from gui import i18n
from gui.drawing.answer_text import percent_text
from gui.network.model import LayerInfo, Network

MUTED = "#8a8f98"
INPUT, INSPECTOR = -1, -2     # as in activation_layout


def fmt(x: float, digits: int = 4) -> str:
    """A number for the hover text: fixed decimals in the current language, a real minus sign."""
    return i18n.number(x, digits)


def fmt_small(x: float) -> str:
    """A tiny difference such as 3e−7 (one digit: no decimal mark, the same in every language), or 0."""
    if x == 0:
        return "0"
    mantissa, exponent = f"{x:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", "−")


def _separator() -> str:
    """Between the numbers of a list: ", " — but "; " where the decimal mark is a comma."""
    return QCoreApplication.translate("NetworkText", ", ", "between the numbers of a list")


def _muted(text: str) -> str:
    return f"<span style='color:{MUTED}'>{text}</span>"


def _plus(x: float) -> str:
    """'+ 0.1234' or '+ (−0.1234)': the bias added as the course writes it."""
    return f"+ {fmt(x)}" if x >= 0 else f"+ ({fmt(x)})"


def _shape(shape) -> str:
    return "×".join(map(str, shape))


# ----- the names of the picture's parts -------------------------------------------------------------
def engine_names(backend: str) -> tuple[str, str]:
    """What computed the activations on show, as the NumPy check names it: (long, short)."""
    if backend == "numpy":
        return (QCoreApplication.translate("NetworkText", "the NumPy engine (float32)"),
                QCoreApplication.translate("NetworkText", "engine"))
    return "TensorFlow", "TF"


def input_title() -> str:
    return QCoreApplication.translate("NetworkText", "Input")


def input_detail() -> str:
    return QCoreApplication.translate("NetworkText", "28×28 pixels")


def layer_title(info: LayerInfo) -> str:
    """A column's title ("Layer 2", "Output · layer 3", "Conv 1", "Max pool"; other kinds by name)."""
    if info.role == "output":
        return QCoreApplication.translate("NetworkText", "Output · layer {number}").format(number=info.number)
    if info.role == "dense":
        return QCoreApplication.translate("NetworkText", "Layer {number}").format(number=info.number)
    if info.kind == "Conv2D":
        return QCoreApplication.translate("NetworkText", "Conv {number}").format(number=info.number)
    if info.kind == "MaxPooling2D":
        return QCoreApplication.translate("NetworkText", "Max pool")
    if info.kind == "AveragePooling2D":
        return QCoreApplication.translate("NetworkText", "Avg pool")
    return info.kind


def layer_detail(info: LayerInfo) -> str:
    """A column's second line ("25 · relu", "10 digits · softmax", "32 @ 26×26")."""
    if info.role == "output":
        return QCoreApplication.translate("NetworkText", "10 digits · softmax")
    return info.detail


def chip_name(info: LayerInfo) -> str:
    """The short name of a passing layer (its Keras name; a dropout with its rate)."""
    if info.kind == "Dropout":
        return f"Dropout {i18n.percent(info.rate or 0)}"
    return info.chip


def inspector_hints() -> tuple[str, str, str]:
    """The line under the inspector: (following the most active, pinned, nothing drawn yet)."""
    return (QCoreApplication.translate("NetworkText", "most active · click to pick"),
            QCoreApplication.translate("NetworkText", "click it again to unpin"),
            QCoreApplication.translate("NetworkText", "click a neuron to pick"))


def inspector_caption(info: LayerInfo, unit: int) -> str:
    """The inspector's caption (HTML): whose weights (or map) it shows."""
    if info.kind == "Dense":
        return QCoreApplication.translate("NetworkText", "Weights into {neuron}").format(neuron=info.notation(unit))
    title = layer_title(info)
    if info.kind == "Conv2D":
        return QCoreApplication.translate("NetworkText", "Filter {unit} of {layer}").format(unit=unit, layer=title)
    return QCoreApplication.translate("NetworkText", "{layer} · channel {channel}").format(layer=title, channel=unit)


def inspector_samples() -> tuple[str, ...]:
    """The lines the input column must be wide enough for: the hints and a long caption."""
    return (*inspector_hints(),
            QCoreApplication.translate("NetworkText", "Weights into {neuron}").format(neuron="a₂₅[1]"))


# ----- hover texts ----------------------------------------------------------------------------------------
def apply_g(name: str | None, z: float) -> float:
    g = ACTIVATIONS.get(name or "linear")
    if g is None or name == "softmax":
        return z
    return float(g(np.array([z], dtype=np.float64))[0])


def dense_parts(weights: list[np.ndarray], a_in: np.ndarray, unit: int) -> tuple[float, float, float]:
    """(w_j · a_in, b_j, z) for unit j, in float64."""
    W = np.asarray(weights[0], dtype=np.float64)
    b = float(weights[1][unit]) if len(weights) > 1 else 0.0
    dot = float(np.dot(W[:, unit], np.asarray(a_in, dtype=np.float64).ravel()))
    return dot, b, dot + b


def numpy_line(tf_value: float, np_value: float | None, engine: str = "TensorFlow") -> str:
    """The NumPy check's line: the course's NumPy value beside the live ``engine``'s."""
    if np_value is None:
        return ""
    return "<br>" + QCoreApplication.translate(
        "NetworkText", "NumPy forward: {numpy} · {engine}: {value} · |Δ| = {difference}").format(
        numpy=fmt(np_value, 6), engine=engine, value=fmt(tf_value, 6),
        difference=fmt_small(abs(np_value - tf_value)))


def _no_numbers() -> str:
    return _muted(QCoreApplication.translate("NetworkText", "Draw a digit to see the numbers."))


def _at(r: int, c: int) -> str:
    return QCoreApplication.translate("NetworkText", "at row {row}, column {column}").format(row=r, column=c)


def dense_text(info: LayerInfo, unit: int, weights: list[np.ndarray], a_in: np.ndarray | None,
               a_out: np.ndarray | None, n_in: int, probability: float | None = None,
               np_value: float | None = None, temperature: float = 1.0, engine: str = "TensorFlow") -> str:
    """Hover text of neuron ``unit`` (0-based, as in W[:, j]) of a Dense layer. ``temperature``: the
    model's calibration divides the output logits by it before the softmax."""
    l, j = info.number, unit
    a, w, b = info.notation(j), info.notation(j, "w"), info.notation(j, "b")
    prev = f"a<sup>[{l - 1}]</sup>"
    g = info.activation or "linear"
    if info.role == "output":
        title = QCoreApplication.translate("NetworkText", "Output layer {layer} · neuron {unit} · digit {digit}").format(
            layer=l, unit=j, digit=j)
        about = QCoreApplication.translate("NetworkText", "{name} · {inputs} inputs").format(name=info.name, inputs=n_in)
    else:
        title = QCoreApplication.translate("NetworkText", "Layer {layer} · neuron {unit}").format(layer=l, unit=j)
        about = QCoreApplication.translate("NetworkText", "{name} · {activation} · {inputs} inputs").format(
            name=info.name, activation=g, inputs=n_in)
    lines = [f"<b>{title}</b> {_muted(about)}", f"{a} = g({w} · {prev} + {b})"]
    if a_in is None or a_out is None:
        lines.append(_no_numbers())
        return "<br>".join(lines)
    dot, bias, z = dense_parts(weights, a_in, j)
    lines.append(f"z = {w} · {prev} + {b} = {fmt(dot)} {_plus(bias)} = <b>{fmt(z)}</b>")
    value = float(np.asarray(a_out).ravel()[j])
    if g == "linear":
        lines.append(f"g = linear → a = z = <b>{fmt(apply_g(g, z))}</b>")
    else:
        lines.append(f"g = {g} → a = {g}({fmt(z)}) = <b>{fmt(apply_g(g, z))}</b>")
    if probability is not None:
        if temperature == 1.0:
            lines.append(QCoreApplication.translate(
                "NetworkText", "softmax of the 10 outputs → P(y = {digit} | x) = <b>{probability}</b>").format(
                digit=j, probability=percent_text(probability)))
        else:
            lines.append(QCoreApplication.translate(
                "NetworkText", "softmax of the 10 outputs ÷ T = {temperature} → P(y = {digit} | x) = "
                               "<b>{probability}</b>").format(
                temperature=fmt(temperature, 2), digit=j, probability=percent_text(probability)))
            lines.append(_muted(QCoreApplication.translate(
                "NetworkText", "T: the model's calibration, so that “{percent} sure” is right {percent} of the time").format(
                percent=i18n.percent(0.9))))
    W = np.asarray(weights[0], dtype=np.float64)
    contributions = W[:, j] * np.asarray(a_in, dtype=np.float64).ravel()
    order = [i for i in np.argsort(-np.abs(contributions))[:3] if contributions[i] != 0]

    def source(i: int) -> str:
        if l == 1 and n_in == 784:
            return QCoreApplication.translate("NetworkText", "pixel ({row}, {column})").format(row=i // 28, column=i % 28)
        return f"a<sub>{i}</sub><sup>[{l - 1}]</sup>"

    if order:
        strongest = _separator().join(f"{source(i)} {'+' if contributions[i] > 0 else ''}{fmt(contributions[i], 2)}"
                                      for i in order)
        lines.append(_muted(QCoreApplication.translate("NetworkText", "biggest terms w·a: {terms}").format(
            terms=strongest)))
    return "<br>".join(lines) + numpy_line(value, np_value, engine)


def _channel_of(info: LayerInfo, channel: int, count: int) -> str:
    return QCoreApplication.translate("NetworkText", "{layer} · channel {channel} of {count}").format(
        layer=layer_title(info), channel=channel, count=count)


def conv_text(info: LayerInfo, channel: int, at: tuple[int, int], weights: list[np.ndarray],
              a_in: np.ndarray | None, a_out: np.ndarray | None, padding: str, strides: tuple[int, int],
              np_value: float | None = None, engine: str = "TensorFlow") -> str:
    """Hover text of one pixel (row, col) of channel ``channel`` of a Conv2D layer."""
    kh, kw, c_in, c_out = weights[0].shape
    g = info.activation or "linear"
    about = QCoreApplication.translate("NetworkText", "{name} · {activation} · {size} filter").format(
        name=info.name, activation=g, size=f"{kh}×{kw}×{c_in}")
    lines = [f"<b>{_channel_of(info, channel, c_out)}</b> {_muted(about)}",
             QCoreApplication.translate("NetworkText", "a = g(Σ filter ⊙ patch + b): the filter slid over the layer before")]
    if a_in is None or a_out is None:
        lines.append(_no_numbers())
        return "<br>".join(lines)
    r, c = at
    x = np.asarray(a_in, dtype=np.float64).reshape(a_in.shape[0], a_in.shape[1], -1)
    if padding == "same":
        ph, pw = kh - 1, kw - 1
        x = np.pad(x, ((ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2), (0, 0)))
    patch = x[r * strides[0]: r * strides[0] + kh, c * strides[1]: c * strides[1] + kw, :]
    dot = float(np.sum(patch * np.asarray(weights[0][:, :, :, channel], dtype=np.float64)))
    bias = float(weights[1][channel]) if len(weights) > 1 else 0.0
    z = dot + bias
    value = float(a_out[r, c, channel])
    lines.append(f"{_at(r, c)}: z = {fmt(dot)} {_plus(bias)} = <b>{fmt(z)}</b>")
    lines.append(f"g = {g} → a = <b>{fmt(apply_g(g, z))}</b>")
    lines.append(QCoreApplication.translate("NetworkText", "{summary} · click: its filter").format(
        summary=_summary(a_out, channel)))
    return "<br>".join(lines) + numpy_line(value, np_value, engine)


def pool_text(info: LayerInfo, channel: int, at: tuple[int, int], pool: tuple[int, int],
              strides: tuple[int, int], a_in: np.ndarray | None, a_out: np.ndarray | None,
              np_value: float | None = None, engine: str = "TensorFlow") -> str:
    """Hover text of one pixel of a pooling layer: the window and its max (or mean)."""
    how = "max" if info.kind == "MaxPooling2D" else "mean"
    channels = info.shape[-1]
    size = f"{pool[0]}×{pool[1]}"
    about = QCoreApplication.translate("NetworkText", "{name} · {size} windows · no weights").format(
        name=info.name, size=size)
    if how == "max":
        rule = QCoreApplication.translate("NetworkText", "a = max of each {size} window of the layer before")
    else:
        rule = QCoreApplication.translate("NetworkText", "a = mean of each {size} window of the layer before")
    lines = [f"<b>{_channel_of(info, channel, channels)}</b> {_muted(about)}", rule.format(size=size)]
    if a_in is None or a_out is None:
        lines.append(_no_numbers())
        return "<br>".join(lines)
    r, c = at
    window = np.asarray(a_in)[r * strides[0]: r * strides[0] + pool[0],
                              c * strides[1]: c * strides[1] + pool[1], channel].ravel()
    value = float(a_out[r, c, channel])
    shown = _separator().join(fmt(v, 3) for v in window[:9])
    lines.append(f"{_at(r, c)}: {how}({shown}) = <b>{fmt(value)}</b>")
    lines.append(_summary(a_out, channel))
    return "<br>".join(lines) + numpy_line(value, np_value, engine)


def maps_text(info: LayerInfo, channel: int, at: tuple[int, int], a_out: np.ndarray | None,
              np_value: float | None = None, engine: str = "TensorFlow") -> str:
    """Hover text of another kind of feature-map layer."""
    title = QCoreApplication.translate("NetworkText", "{layer} · channel {channel}").format(
        layer=layer_title(info), channel=channel)
    lines = [f"<b>{title}</b> {_muted(info.name)}"]
    if a_out is None:
        return lines[0]
    value = float(a_out[at[0], at[1], channel])
    lines.append(f"{_at(at[0], at[1])}: a = <b>{fmt(value)}</b>")
    lines.append(_summary(a_out, channel))
    return "<br>".join(lines) + numpy_line(value, np_value, engine)


def _summary(a_out: np.ndarray, channel: int) -> str:
    ch = np.asarray(a_out)[:, :, channel]
    r, c = np.unravel_index(int(np.argmax(ch)), ch.shape)
    return _muted(QCoreApplication.translate(
        "NetworkText", "channel {channel}: max {max} at ({row}, {column}) · mean {mean}").format(
        channel=channel, max=fmt(float(ch[r, c]), 3), row=r, column=c, mean=fmt(float(ch.mean()), 3)))


def input_text(image: np.ndarray | None, at: tuple[int, int]) -> str:
    head = ("<b>" + QCoreApplication.translate("NetworkText", "Input x = a<sup>[0]</sup>") + "</b> "
            + _muted(QCoreApplication.translate("NetworkText", "the 28×28 image the network sees, 0 = black, 1 = ink")))
    if image is None:
        return head
    r, c = at
    return head + "<br>" + QCoreApplication.translate("NetworkText", "pixel row {row}, column {column}: x = <b>{x}</b>").format(
        row=r, column=c, x=fmt(float(image[r, c]), 3))


def chip_text(info: LayerInfo, weights: list[np.ndarray], shape_in: tuple[int, ...]) -> str:
    """What a passing layer does (it has no picture of its own)."""
    shape_out, shape_in_text = _shape(info.shape), _shape(shape_in)
    head = f"<b>{chip_name(info)}</b> {_muted(info.name)}"
    if info.kind == "Flatten":
        body = QCoreApplication.translate(
            "NetworkText", "lines the {inputs} values up into one vector of {outputs}: no computation").format(
            inputs=shape_in_text, outputs=shape_out)
    elif info.kind == "Reshape":
        body = QCoreApplication.translate(
            "NetworkText", "{inputs} → {outputs}: the same numbers, arranged for the layers after it").format(
            inputs=shape_in_text, outputs=shape_out)
    elif info.kind == "Dropout":
        body = QCoreApplication.translate(
            "NetworkText", "during training zeroes {rate} of its inputs at random; "
                           "when recognising it passes them through unchanged").format(rate=i18n.percent(info.rate or 0))
    elif info.kind == "BatchNormalization" and len(weights) == 4:
        gamma, beta, mean, var = (np.asarray(w).ravel() for w in weights)
        body = (QCoreApplication.translate(
            "NetworkText", "normalises each of its {channels} channels: γ(x − μ)/√(σ² + ε) + β").format(channels=len(mean))
            + "<br>" + _muted(QCoreApplication.translate(
                "NetworkText", "e.g. channel 0: γ = {gamma}, β = {beta}, μ = {mean}, σ² = {variance}").format(
                gamma=fmt(gamma[0], 3), beta=fmt(beta[0], 3), mean=fmt(mean[0], 3), variance=fmt(var[0], 3))))
    else:
        body = f"{shape_in_text} → {shape_out}"
    return f"{head}<br>{body}"


def inspector_text(caption: str, weights: np.ndarray | None) -> str:
    head = f"<b>{caption}</b>"
    if weights is None:
        return head
    top = float(np.max(np.abs(weights)))
    return (head + "<br>"
            + QCoreApplication.translate(
                "NetworkText", "blue: positive · orange: negative · dark: near 0 (scale ±{top})").format(top=fmt(top, 3))
            + "<br>" + _muted(QCoreApplication.translate(
                "NetworkText", "click a neuron or a channel to pin it here; click it again to follow the most active")))


def hover_text(net: Network, prediction, layer_index: int, unit: int | None,
               at: tuple[int, int] | None = None, numpy_acts: list[np.ndarray] | None = None,
               engine: str | None = None) -> str:
    """The hover text of anything in the view (see ActivationView.hover_text); ``engine`` names
    what computed the activations (default: the network's own name for it)."""
    p = prediction
    engine = net.engine if engine is None else engine
    if layer_index == INPUT:
        return input_text(None if p is None else p.image, at or divmod(int(unit or 0), 28))
    info = net.layers[layer_index]
    weights = net.weights.get(layer_index, [])
    a_out = None if p is None else p.activations[layer_index].values
    a_in = None if p is None else net.input_of(p, layer_index)
    if info.role == "chip" or unit is None:
        return chip_text(info, weights, net.input_shape(layer_index))
    if info.role in ("dense", "output"):
        np_value = None if numpy_acts is None else float(numpy_acts[layer_index].ravel()[unit])
        probability = None if p is None or info.role != "output" else float(p.probabilities[unit])
        return dense_text(info, unit, weights, a_in, a_out, int(weights[0].shape[0]), probability, np_value,
                          temperature=float(getattr(p, "temperature", 1.0)), engine=engine)
    if at is None and a_out is not None:
        at = np.unravel_index(int(np.argmax(a_out[:, :, unit])), a_out.shape[:2])
    at = (0, 0) if at is None else (int(at[0]), int(at[1]))
    np_value = None if numpy_acts is None else float(numpy_acts[layer_index][at[0], at[1], unit])
    params = net.params(layer_index)
    if info.kind == "Conv2D":
        return conv_text(info, unit, at, weights, a_in, a_out, params["padding"], tuple(params["strides"]), np_value,
                         engine=engine)
    if info.kind in ("MaxPooling2D", "AveragePooling2D") and params["padding"] == "valid":
        return pool_text(info, unit, at, tuple(params["pool_size"]), tuple(params["strides"]), a_in, a_out,
                         np_value, engine=engine)
    return maps_text(info, unit, at, a_out, np_value, engine=engine)

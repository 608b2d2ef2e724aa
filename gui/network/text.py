"""The words and numbers of the activation view: the hover text of a neuron, a feature-map
pixel, an input pixel or a passing layer — the course's formula with the numbers filled in.

Pure functions of the layer description, its weights and the activations the Predictor
returned (the z of a neuron is recomputed from them in NumPy: w_j · a^[l-1] + b_j).
"""
from __future__ import annotations

import numpy as np

from engine.numpy_forward import ACTIVATIONS
from gui.drawing.answer_text import percent_text
from gui.network.model import LayerInfo, Network

MUTED = "#8a8f98"
INPUT, INSPECTOR = -1, -2     # as in activation_layout


def fmt(x: float, digits: int = 4) -> str:
    """A number for the hover text: fixed decimals, a real minus sign."""
    return f"{x:.{digits}f}".replace("-", "−")


def fmt_small(x: float) -> str:
    """A tiny difference such as 3e−7, or 0."""
    if x == 0:
        return "0"
    mantissa, exponent = f"{x:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", "−")


def _muted(text: str) -> str:
    return f"<span style='color:{MUTED}'>{text}</span>"


def _plus(x: float) -> str:
    """'+ 0.1234' or '+ (−0.1234)': the bias added as the course writes it."""
    return f"+ {fmt(x)}" if x >= 0 else f"+ ({fmt(x)})"


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
    return (f"<br>NumPy forward: {fmt(np_value, 6)} · {engine}: {fmt(tf_value, 6)} · "
            f"|Δ| = {fmt_small(abs(np_value - tf_value))}")


def dense_text(info: LayerInfo, unit: int, weights: list[np.ndarray], a_in: np.ndarray | None,
               a_out: np.ndarray | None, n_in: int, probability: float | None = None,
               np_value: float | None = None, temperature: float = 1.0, engine: str = "TensorFlow") -> str:
    """Hover text of neuron ``unit`` (0-based, as in W[:, j]) of a Dense layer. ``temperature``: the
    model's calibration divides the output logits by it before the softmax."""
    l, j = info.number, unit
    a, w, b = info.notation(j), info.notation(j, "w"), info.notation(j, "b")
    prev = f"a<sup>[{l - 1}]</sup>"
    g = info.activation or "linear"
    head = f"<b>Layer {l} · neuron {j}</b> {_muted(f'{info.name} · {g} · {n_in} inputs')}"
    if info.role == "output":
        head = f"<b>Output layer {l} · neuron {j} · digit {j}</b> {_muted(f'{info.name} · {n_in} inputs')}"
    lines = [head, f"{a} = g({w} · {prev} + {b})"]
    if a_in is None or a_out is None:
        lines.append(_muted("Draw a digit to see the numbers."))
        return "<br>".join(lines)
    dot, bias, z = dense_parts(weights, a_in, j)
    lines.append(f"z = {w} · {prev} {'+'} {b} = {fmt(dot)} {_plus(bias)} = <b>{fmt(z)}</b>")
    value = float(np.asarray(a_out).ravel()[j])
    if g == "linear":
        lines.append(f"g = linear → a = z = <b>{fmt(apply_g(g, z))}</b>")
    else:
        lines.append(f"g = {g} → a = {g}({fmt(z)}) = <b>{fmt(apply_g(g, z))}</b>")
    if probability is not None:
        if temperature == 1.0:
            lines.append(f"softmax of the 10 outputs → P(y = {j} | x) = <b>{percent_text(probability)}</b>")
        else:
            lines.append(f"softmax of the 10 outputs ÷ T = {temperature:.2f} → P(y = {j} | x) = "
                         f"<b>{percent_text(probability)}</b>")
            lines.append(_muted("T: the model's calibration, so that “90% sure” is right 90% of the time"))
    W = np.asarray(weights[0], dtype=np.float64)
    contributions = W[:, j] * np.asarray(a_in, dtype=np.float64).ravel()
    order = [i for i in np.argsort(-np.abs(contributions))[:3] if contributions[i] != 0]

    def source(i: int) -> str:
        if l == 1 and n_in == 784:
            return f"pixel ({i // 28}, {i % 28})"
        return f"a<sub>{i}</sub><sup>[{l - 1}]</sup>"

    if order:
        strongest = ", ".join(f"{source(i)} {'+' if contributions[i] > 0 else ''}{fmt(contributions[i], 2)}"
                              for i in order)
        lines.append(_muted(f"biggest terms w·a: {strongest}"))
    return "<br>".join(lines) + numpy_line(value, np_value, engine)


def conv_text(info: LayerInfo, channel: int, at: tuple[int, int], weights: list[np.ndarray],
              a_in: np.ndarray | None, a_out: np.ndarray | None, padding: str, strides: tuple[int, int],
              np_value: float | None = None, engine: str = "TensorFlow") -> str:
    """Hover text of one pixel (row, col) of channel ``channel`` of a Conv2D layer."""
    kh, kw, c_in, c_out = weights[0].shape
    g = info.activation or "linear"
    head = (f"<b>{info.title} · channel {channel} of {c_out}</b> "
            f"{_muted(f'{info.name} · {g} · {kh}×{kw}×{c_in} filter')}")
    lines = [head, "a = g(Σ filter ⊙ patch + b): the filter slid over the layer before"]
    if a_in is None or a_out is None:
        lines.append(_muted("Draw a digit to see the numbers."))
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
    lines.append(f"at row {r}, column {c}: z = {fmt(dot)} {_plus(bias)} = <b>{fmt(z)}</b>")
    lines.append(f"g = {g} → a = <b>{fmt(apply_g(g, z))}</b>")
    lines.append(_summary(a_out, channel) + " · click: its filter")
    return "<br>".join(lines) + numpy_line(value, np_value, engine)


def pool_text(info: LayerInfo, channel: int, at: tuple[int, int], pool: tuple[int, int],
              strides: tuple[int, int], a_in: np.ndarray | None, a_out: np.ndarray | None,
              np_value: float | None = None, engine: str = "TensorFlow") -> str:
    """Hover text of one pixel of a pooling layer: the window and its max (or mean)."""
    how = "max" if info.kind == "MaxPooling2D" else "mean"
    channels = info.shape[-1]
    head = (f"<b>{info.title} · channel {channel} of {channels}</b> "
            f"{_muted(f'{info.name} · {pool[0]}×{pool[1]} windows · no weights')}")
    lines = [head, f"a = {how} of each {pool[0]}×{pool[1]} window of the layer before"]
    if a_in is None or a_out is None:
        lines.append(_muted("Draw a digit to see the numbers."))
        return "<br>".join(lines)
    r, c = at
    window = np.asarray(a_in)[r * strides[0]: r * strides[0] + pool[0],
                              c * strides[1]: c * strides[1] + pool[1], channel].ravel()
    value = float(a_out[r, c, channel])
    shown = ", ".join(fmt(v, 3) for v in window[:9])
    lines.append(f"at row {r}, column {c}: {how}({shown}) = <b>{fmt(value)}</b>")
    lines.append(_summary(a_out, channel))
    return "<br>".join(lines) + numpy_line(value, np_value, engine)


def maps_text(info: LayerInfo, channel: int, at: tuple[int, int], a_out: np.ndarray | None,
              np_value: float | None = None, engine: str = "TensorFlow") -> str:
    """Hover text of another kind of feature-map layer."""
    lines = [f"<b>{info.title} · channel {channel}</b> {_muted(info.name)}"]
    if a_out is None:
        return lines[0]
    value = float(a_out[at[0], at[1], channel])
    lines.append(f"at row {at[0]}, column {at[1]}: a = <b>{fmt(value)}</b>")
    lines.append(_summary(a_out, channel))
    return "<br>".join(lines) + numpy_line(value, np_value, engine)


def _summary(a_out: np.ndarray, channel: int) -> str:
    ch = np.asarray(a_out)[:, :, channel]
    r, c = np.unravel_index(int(np.argmax(ch)), ch.shape)
    return _muted(f"channel {channel}: max {fmt(float(ch[r, c]), 3)} at ({r}, {c}) · mean {fmt(float(ch.mean()), 3)}")


def input_text(image: np.ndarray | None, at: tuple[int, int]) -> str:
    head = "<b>Input x = a<sup>[0]</sup></b> " + _muted("the 28×28 image the network sees, 0 = black, 1 = ink")
    if image is None:
        return head
    r, c = at
    return f"{head}<br>pixel row {r}, column {c}: x = <b>{fmt(float(image[r, c]), 3)}</b>"


def chip_text(info: LayerInfo, weights: list[np.ndarray], shape_in: tuple[int, ...]) -> str:
    """What a passing layer does (it has no picture of its own)."""
    shape_out = "×".join(map(str, info.shape))
    shape_in_text = "×".join(map(str, shape_in))
    head = f"<b>{info.chip}</b> {_muted(info.name)}"
    if info.kind == "Flatten":
        body = f"lines the {shape_in_text} values up into one vector of {shape_out}: no computation"
    elif info.kind == "Reshape":
        body = f"{shape_in_text} → {shape_out}: the same numbers, arranged for the layers after it"
    elif info.kind == "Dropout":
        body = (f"during training zeroes {round(100 * (info.rate or 0))} % of its inputs at random; "
                "when recognising it passes them through unchanged")
    elif info.kind == "BatchNormalization" and len(weights) == 4:
        gamma, beta, mean, var = (np.asarray(w).ravel() for w in weights)
        body = (f"normalises each of its {len(mean)} channels: γ(x − μ)/√(σ² + ε) + β<br>"
                f"{_muted(f'e.g. channel 0: γ = {fmt(gamma[0], 3)}, β = {fmt(beta[0], 3)}, μ = {fmt(mean[0], 3)}, σ² = {fmt(var[0], 3)}')}")
    else:
        body = f"{shape_in_text} → {shape_out}"
    return f"{head}<br>{body}"


def inspector_text(caption: str, weights: np.ndarray | None) -> str:
    head = f"<b>{caption}</b>"
    if weights is None:
        return head
    top = float(np.max(np.abs(weights)))
    return (f"{head}<br>blue: positive · orange: negative · dark: near 0 (scale ±{fmt(top, 3)})<br>"
            + _muted("click a neuron or a channel to pin it here; click it again to follow the most active"))


def hover_text(net: Network, prediction, layer_index: int, unit: int | None,
               at: tuple[int, int] | None = None, numpy_acts: list[np.ndarray] | None = None) -> str:
    """The hover text of anything in the view (see ActivationView.hover_text)."""
    p = prediction
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
                          temperature=float(getattr(p, "temperature", 1.0)), engine=net.engine)
    if at is None and a_out is not None:
        at = np.unravel_index(int(np.argmax(a_out[:, :, unit])), a_out.shape[:2])
    at = (0, 0) if at is None else (int(at[0]), int(at[1]))
    np_value = None if numpy_acts is None else float(numpy_acts[layer_index][at[0], at[1], unit])
    params = net.params(layer_index)
    if info.kind == "Conv2D":
        return conv_text(info, unit, at, weights, a_in, a_out, params["padding"], tuple(params["strides"]), np_value,
                         engine=net.engine)
    if info.kind in ("MaxPooling2D", "AveragePooling2D") and params["padding"] == "valid":
        return pool_text(info, unit, at, tuple(params["pool_size"]), tuple(params["strides"]), a_in, a_out,
                         np_value, engine=net.engine)
    return maps_text(info, unit, at, a_out, np_value, engine=net.engine)

"""Inside the network: every layer of the current model responding, live, to the drawing.

Left to right: the 28×28 input (and under it the inspector: the weights of the clicked, or
else the most active, first-layer neuron or filter), every Conv2D/pooling layer as a mosaic of
its feature maps (one tile per channel, each channel on its own colour scale), every Dense
layer as a column of neurons (a grid above 32 units) with the strongest contributions w·a
drawn between consecutive dense layers, and the output's ten softmax probabilities. Passing
layers (Flatten, Dropout, Reshape, BatchNorm) are named in chips between the columns.

Hover anything for its numbers (for a neuron, the course's a_j^[l] = g(w_j^[l] · a^[l-1] + b_j^[l])
with z, g and a filled in); click a neuron or a channel to inspect its weights. The header's
"Check with NumPy" toggle runs the course's NumPy forward propagation on the same input and
shows how closely it matches TensorFlow.

The items are created once per model (``set_model``); ``show_prediction`` only pushes new
values into them, from the activations the Predictor already computed — no second inference.
"""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetricsF, QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from gui import activation_text as words
from gui.activation_items import (FONTS, Chip, Colors, Connections, DenseDrawer, Highlight, InputDrawer,
                                  MapsDrawer, OutputDrawer, pixel_font)
from gui.activation_layout import (COLUMN_MAX, describe_model, fit, fmt_small, make_plan, node_positions,
                                   tile_at, tile_rect)

INPUT = -1                   # layer_index of the input image in hover_text / hit_test
NUMPY_AGREES = 1e-4          # NumPy and TensorFlow "agree" below this max |difference|
NUMPY_DEBOUNCE_MS = 150      # a slow NumPy check (conv nets) waits for the pen to pause


class _Canvas(pg.GraphicsView):
    """A scene in widget pixels (pyqtgraph's auto pixel range) that says when it was resized."""

    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class Hit(tuple):
    """What is under the mouse: (layer_index, unit, at); layer_index INPUT for the input image,
    unit None for a passing layer's chip, at (row, col) inside a feature map or the input."""

    __slots__ = ()

    def __new__(cls, layer_index: int, unit: int | None, at: tuple[int, int] | None = None):
        return super().__new__(cls, (layer_index, unit, at))


class ActivationView(QWidget):
    """The layer-activation visualizer. See the module docstring."""

    numpyCheckChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = None
        self._layers = []
        self._plan = None
        self._drawers: list = []
        self._chips: list[Chip] = []
        self._links: list[tuple[int, Connections]] = []
        self._highlight: Highlight | None = None
        self._items: list = []
        self._weights: dict[int, list[np.ndarray]] = {}
        self._prediction = None
        self._pinned: tuple[int, int] | None = None
        self._inspected: tuple | None = None
        self._hover: Hit | None = None
        self._numpy_layers = None
        self._numpy_for = None
        self._numpy_acts: list[np.ndarray] | None = None
        self._numpy_diffs: list[float] = []
        self._numpy_seconds = 0.0
        self._laid_out_for = (0, 0)
        self._colors = Colors(self.palette())

        self.title_label = QLabel("Inside the network")
        self.title_label.setFont(pixel_font(13, bold=True))
        self.model_label = QLabel("")
        self.status_label = QLabel("")
        for label in (self.model_label, self.status_label):
            label.setFont(pixel_font(12))
            label.setMinimumWidth(40)            # the header never makes the view wider
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.numpy_box = QCheckBox("Check with NumPy")
        self.numpy_box.setToolTip("Run the course's NumPy forward propagation on the same input and "
                                  "compare every layer with TensorFlow's numbers")
        self.numpy_box.toggled.connect(self._on_numpy_toggled)
        header = QHBoxLayout()
        header.setContentsMargins(12, 6, 12, 0)
        header.setSpacing(10)
        header.addWidget(self.title_label)
        header.addWidget(self.model_label, 2)
        header.addWidget(self.status_label, 3)
        header.addWidget(self.numpy_box)

        self.view = _Canvas(background=None)
        self.view.setMinimumHeight(200)
        self.view.resized.connect(self._relayout)
        scene = self.view.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)

        self._numpy_timer = QTimer(self, singleShot=True, interval=NUMPY_DEBOUNCE_MS,
                                   timeout=self._refresh_numpy)
        self._apply_palette()
        self._update_status()

    # ----- the API the main window uses --------------------------------------------------------
    def set_model(self, model) -> None:
        """Show ``model`` (the predictor's own keras model; None: nothing). Builds every item once."""
        scene = self.view.scene()
        for item in self._items:
            scene.removeItem(item)
        self._items, self._drawers, self._chips, self._links = [], [], [], []
        self._model, self._prediction, self._pinned, self._inspected, self._hover = model, None, None, None, None
        self._numpy_layers = self._numpy_for = self._numpy_acts = None
        self._laid_out_for = (0, 0)
        self._layers = describe_model(model) if model is not None else []
        self._plan = make_plan(self._layers) if model is not None else None
        self._read_weights()
        if self._plan is not None:
            self._build()
            self._relayout()
        self.model_label.setText(self._model_summary())
        self._update_status()

    def set_weights_changed(self) -> None:
        """The model's weights changed (training): re-read them; the layout stays."""
        if self._model is None:
            return
        self._read_weights()
        self._numpy_layers = self._numpy_for = self._numpy_acts = None
        self._inspected = None
        self._static_lines()
        self.show_prediction(self._prediction)

    def show_prediction(self, prediction) -> None:
        """Show a Prediction's activations (None, or one from another model: the idle picture)."""
        if self._plan is None:
            self._prediction = None
            return
        p = prediction if self._matches(prediction) else None
        self._prediction = p
        for column, drawer in zip(self._plan.columns, self._drawers):
            if column.kind == "input":
                drawer.show(None if p is None else p.image)
            elif column.kind == "output":
                drawer.show(None if p is None else p.activations[column.layer.index].values,
                            None if p is None else p.probabilities)
            else:
                drawer.show(None if p is None else p.activations[column.layer.index].values)
        self._show_connections()
        self._update_inspector()
        if self.numpy_check and p is not None:
            if self._numpy_seconds < 0.004:
                self._refresh_numpy()
            else:
                self._numpy_timer.start()
        self._update_status()

    @property
    def numpy_check(self) -> bool:
        """Whether the NumPy-vs-TensorFlow comparison is on (the header's checkbox)."""
        return self.numpy_box.isChecked()

    @numpy_check.setter
    def numpy_check(self, on: bool) -> None:
        self.numpy_box.setChecked(bool(on))

    def hover_text(self, layer_index: int, unit: int | None, at: tuple[int, int] | None = None) -> str:
        """The hover tooltip (HTML) for neuron/channel ``unit`` (0-based) of the layer at
        ``layer_index`` in ``Prediction.activations`` (INPUT = the input image; ``unit`` is then
        the pixel row*28+col). For feature maps ``at`` = (row, col), default: the channel's max."""
        p = self._prediction
        if layer_index == INPUT:
            return words.input_text(None if p is None else p.image, at or divmod(int(unit or 0), 28))
        info = self._layers[layer_index]
        weights = self._weights.get(layer_index, [])
        a_out = None if p is None else p.activations[layer_index].values
        a_in = None if p is None else self._input_of(layer_index)
        np_value = None
        if info.role == "chip" or unit is None:
            return words.chip_text(info, weights, self._input_shape(layer_index))
        if info.role in ("dense", "output"):
            if self.numpy_check and p is not None:
                np_value = float(self.numpy_activations()[layer_index].ravel()[unit])
            probability = None if p is None or info.role != "output" else float(p.probabilities[unit])
            return words.dense_text(info, unit, weights, a_in, a_out, int(weights[0].shape[0]),
                                    probability, np_value)
        if at is None and a_out is not None:
            at = np.unravel_index(int(np.argmax(a_out[:, :, unit])), a_out.shape[:2])
        at = (0, 0) if at is None else (int(at[0]), int(at[1]))
        if self.numpy_check and p is not None:
            np_value = float(self.numpy_activations()[layer_index][at[0], at[1], unit])
        layer = self._keras_layer(layer_index)
        if info.kind == "Conv2D":
            return words.conv_text(info, unit, at, weights, a_in, a_out, layer.padding,
                                   tuple(layer.strides), np_value)
        if info.kind in ("MaxPooling2D", "AveragePooling2D") and layer.padding == "valid":
            return words.pool_text(info, unit, at, tuple(layer.pool_size), tuple(layer.strides),
                                   a_in, a_out, np_value)
        return words.maps_text(info, unit, at, a_out, np_value)

    # ----- for tests and tools ---------------------------------------------------------------------
    def numpy_activations(self) -> list[np.ndarray] | None:
        """Every layer's activation by the course's NumPy forward propagation of the input on show
        (computed now if needed; None with no prediction)."""
        p = self._prediction
        if p is None or self._model is None:
            return None
        if self._numpy_for is not p:
            from engine.numpy_forward import forward, layers_from_keras

            start = time.perf_counter()
            if self._numpy_layers is None:
                self._numpy_layers = layers_from_keras(self._model)
            _, acts = forward(self._numpy_layers, p.image[None])
            self._numpy_acts = [a[0] for a in acts]
            self._numpy_diffs = [float(np.max(np.abs(ours - theirs.values))) if ours.size else 0.0
                                 for ours, theirs in zip(self._numpy_acts, p.activations)]
            self._numpy_for = p
            self._numpy_seconds = time.perf_counter() - start
        return self._numpy_acts

    def numpy_difference(self) -> float | None:
        """Max |NumPy − TensorFlow| over every layer's activations for the input on show."""
        return None if self.numpy_activations() is None else max(self._numpy_diffs, default=0.0)

    def layer_infos(self):
        return list(self._layers)

    def drawer(self, layer_index: int):
        """The drawer of a layer's column (INPUT: the input column; None for a passing layer)."""
        for column, drawer in zip(self._plan.columns if self._plan else [], self._drawers):
            if (column.layer.index if column.layer is not None else INPUT) == layer_index:
                return drawer
        return None

    def column_kind(self, layer_index: int) -> str | None:
        drawer = self.drawer(layer_index)
        return None if drawer is None else drawer.column.kind

    def chip_names(self) -> list[str]:
        return [chip.info.chip for chip in self._chips]

    def connection_count(self) -> int:
        return sum(item.count for _, item in self._links)

    def inspected(self) -> tuple | None:
        """(layer_index, unit, weights as (h, w, c)) shown in the inspector, or None."""
        if self._inspected is None or self._drawers[0].weights is None:
            return None
        return (*self._inspected[:2], self._drawers[0].weights)

    def unit_position(self, layer_index: int, unit: int, at: tuple[int, int] = (0, 0)) -> QPointF:
        """Scene position of a neuron, a channel's pixel ``at``, or (INPUT) a pixel of the input."""
        drawer = self.drawer(layer_index)
        column = drawer.column
        if column.kind in ("dense", "output"):
            x, y = node_positions(column)[unit]
            return QPointF(x, y)
        if column.kind == "input":
            x, y, side, _ = column.content
            r, c = divmod(unit, 28)
            return QPointF(x + (c + 0.5) * side / 28, y + (r + 0.5) * side / 28)
        x, y, w, h = tile_rect(column, unit)
        nh, nw = column.native
        return QPointF(x + (at[1] + 0.5) * w / nw, y + (at[0] + 0.5) * h / nh)

    def hit_test(self, pos: QPointF) -> Hit | None:
        """What is under scene position ``pos`` (see Hit), or None."""
        if self._plan is None:
            return None
        x, y = pos.x(), pos.y()
        for chip in self._chips:
            if chip.rect.contains(pos):
                return Hit(chip.info.index, None)
        for column in self._plan.columns:
            if not column.x - 6 <= x <= column.x + column.width + 6:
                continue
            if column.kind == "input":
                cx, cy, side, _ = column.content
                if cx <= x < cx + side and cy <= y < cy + side:
                    r, c = int((y - cy) * 28 / side), int((x - cx) * 28 / side)
                    return Hit(INPUT, r * 28 + c, (r, c))
                return None
            if column.kind in ("dense", "output"):
                nodes = node_positions(column)
                d = np.hypot(nodes[:, 0] - x, nodes[:, 1] - y)
                j = int(np.argmin(d))
                return Hit(column.layer.index, j) if d[j] <= column.radius + 3 else None
            found = tile_at(column, x, y)
            if found is None:
                return None
            channel, r, c = found
            return Hit(column.layer.index, channel, None if column.kind == "grid" else (r, c))
        return None

    def select(self, layer_index: int | None, unit: int | None = None) -> None:
        """Pin the inspector to a neuron/channel (as a click does); None: follow the most active."""
        self._pinned = None if layer_index is None else (layer_index, unit)
        self._update_inspector()

    # ----- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        scene, colors, plan = self.view.scene(), self._colors, self._plan
        kinds = {"input": InputDrawer, "maps": MapsDrawer, "grid": MapsDrawer,
                 "dense": DenseDrawer, "output": OutputDrawer}
        for column in plan.columns:
            drawer = kinds[column.kind](scene, column, colors)
            self._drawers.append(drawer)
            self._items += drawer.items
        for infos in plan.chips:
            for info in infos:
                chip = Chip(scene, info, colors)
                self._chips.append(chip)
                self._items += chip.items
        for gap in plan.links:
            item = Connections(colors)
            scene.addItem(item)
            self._links.append((gap, item))
            self._items.append(item)
        self._highlight = Highlight(scene, colors)
        self._items += self._highlight.items

    def _relayout(self) -> None:
        if self._plan is None:
            return
        size = (self.view.width(), self.view.height())
        if size == self._laid_out_for:
            return
        self._laid_out_for = size

        def text_width(text: str, kind: str) -> float:
            return QFontMetricsF(FONTS[kind]).horizontalAdvance(text)

        fit(self._plan, size[0], size[1], text_width)
        scene_w, scene_h = self._plan.size
        if scene_w > size[0] + 0.5:      # a model too wide for the area: laid out bigger, shown smaller
            self.view.setRange(QRectF(0, 0, scene_w, scene_h), padding=0)
        else:
            self.view.autoPixelRange = True
            self.view.setRange(QRectF(0, 0, size[0], size[1]), padding=0, disableAutoPixel=False)
        for drawer in self._drawers:
            drawer.place()
        boxes = {id(info): (x, y, w) for info, x, y, w in self._plan.chip_boxes}
        for chip in self._chips:
            chip.place(*boxes[id(chip.info)])
        for gap, item in self._links:
            left, right = self._plan.columns[gap], self._plan.columns[gap + 1]
            item.set_area(QRectF(left.x, 0, right.x + right.width - left.x, scene_h))
        self._static_lines()
        self._show_connections()
        self._highlight.hide()
        self._hover = None
        self._inspected = None
        self._update_inspector()
        self._show_numpy_details()

    def _read_weights(self) -> None:
        self._weights = {}
        if self._model is None:
            return
        for info, layer in zip(self._layers, self._keras_layers()):
            if info.kind in ("Dense", "Conv2D", "BatchNormalization"):
                self._weights[info.index] = [np.asarray(w) for w in layer.get_weights()]

    def _keras_layers(self):
        return [layer for layer in self._model.layers if type(layer).__name__ != "InputLayer"]

    def _keras_layer(self, layer_index: int):
        return self._keras_layers()[layer_index]

    # ----- connections -------------------------------------------------------------------------------------
    def _link_ends(self, gap: int) -> tuple[np.ndarray, np.ndarray]:
        left, right = self._plan.columns[gap], self._plan.columns[gap + 1]
        dst = node_positions(right).astype(float)
        if left.kind == "input":               # pixel centres (the lines start under the image)
            x, y, side, _ = left.content
            row, col = np.divmod(np.arange(784), 28)
            src = np.column_stack([x + (col + 0.5) * side / 28, y + (row + 0.5) * side / 28])
        else:
            src = node_positions(left).astype(float)
        if left.kind == "dense":
            src[:, 0] += left.radius
        dst[:, 0] -= right.radius
        return src, dst

    def _static_lines(self) -> None:
        for gap, item in self._links:
            left, right = self._plan.columns[gap], self._plan.columns[gap + 1]
            small = left.kind == "dense" and left.layer.units * right.layer.units <= 1200
            src, dst = self._link_ends(gap) if small else (np.empty((0, 2)), np.empty((0, 2)))
            item.set_static(src, dst)

    def _show_connections(self) -> None:
        p = self._prediction
        for gap, item in self._links:
            left, right = self._plan.columns[gap], self._plan.columns[gap + 1]
            src, dst = self._link_ends(gap)
            contributions = None
            if p is not None:
                a = (p.image if left.kind == "input" else p.activations[left.layer.index].values)
                a = a.astype(np.float64).ravel()
                W = self._weights[right.layer.index][0]
                contributions = W * a[:, None]
            item.set_lines(src, dst, contributions, k={"dense": 3, "input": 2}.get(left.kind, 3))

    # ----- inspector --------------------------------------------------------------------------------------
    def _first_weighted(self):
        return next((info for info in self._layers if info.kind in ("Dense", "Conv2D")), None)

    def _update_inspector(self) -> None:
        if not self._drawers:
            return
        target = self._pinned
        if target is None:
            first = self._first_weighted()
            if first is None:
                self._drawers[0].inspect(None, "", "")
                return
            unit = 0
            if self._prediction is not None:
                v = self._prediction.activations[first.index].values
                unit = int(np.argmax(v.reshape(-1, v.shape[-1]).mean(axis=0) if v.ndim == 3 else v))
            target = (first.index, unit)
        key = (*target, self._pinned is not None)
        if self._inspected == key:
            return
        self._inspected = key
        weights, caption = self._weights_of(*target)
        hint = "click it again to unpin" if self._pinned else "most active · click to pick"
        self._drawers[0].inspect(weights, caption, hint)

    def _weights_of(self, layer_index: int, unit: int) -> tuple[np.ndarray | None, str]:
        """What the inspector shows for a neuron/channel, and its caption (HTML)."""
        info = self._layers[layer_index]
        if info.kind == "Dense":
            w = self._weights[layer_index][0][:, unit]
            shape = self._feeding_shape(layer_index)
            if int(np.prod(shape)) != w.size or len(shape) == 1:
                shape = (1, 1, w.size)
            return w.reshape(shape), f"Weights into {info.notation(unit)}"
        if info.kind == "Conv2D":
            return self._weights[layer_index][0][:, :, :, unit], f"Filter {unit} of {info.title}"
        p = self._prediction
        if p is not None and len(info.shape) == 3:
            return p.activations[layer_index].values[:, :, unit], f"{info.title} · channel {unit}"
        return None, f"{info.title} · channel {unit}"

    def _feeding_shape(self, layer_index: int) -> tuple[int, ...]:
        """Shape of the last pictured layer before ``layer_index`` (the 28×28 input if none)."""
        for info in reversed(self._layers[:layer_index]):
            if info.role != "chip":
                return info.shape
        return (28, 28)

    def _input_of(self, layer_index: int) -> np.ndarray:
        p = self._prediction
        return p.image if layer_index == 0 else p.activations[layer_index - 1].values

    def _input_shape(self, layer_index: int) -> tuple[int, ...]:
        return (28, 28) if layer_index == 0 else self._layers[layer_index - 1].shape

    # ----- mouse ---------------------------------------------------------------------------------------------
    def _on_mouse_moved(self, pos: QPointF) -> None:
        hit = self.hit_test(pos)
        if hit == self._hover:
            return
        self._hover = hit
        if hit is None:
            self._highlight.hide()
            QToolTip.hideText()
            return
        layer_index, unit, at = hit
        if unit is None:
            chip = next(c for c in self._chips if c.info.index == layer_index)
            self._highlight.at_rect(chip.rect)
        else:
            column = self.drawer(layer_index).column
            if column.kind in ("dense", "output"):
                self._highlight.at_node(self.unit_position(layer_index, unit), column.radius)
            elif column.kind == "input":
                x, y, side, _ = column.content
                cell = side / 28
                self._highlight.at_rect(QRectF(x + at[1] * cell, y + at[0] * cell, cell, cell))
            else:
                self._highlight.at_rect(QRectF(*tile_rect(column, unit)))
        QToolTip.showText(QCursor.pos(), self.hover_text(*hit), self.view)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.hit_test(event.scenePos())
        if hit is None or hit[0] == INPUT or hit[1] is None:
            return
        target = (hit[0], hit[1])
        self.select(None if self._pinned == target else target[0], target[1])

    # ----- NumPy check and header ------------------------------------------------------------------------------
    def _on_numpy_toggled(self, on: bool) -> None:
        if on:
            self._refresh_numpy()
        else:
            self._numpy_timer.stop()
            self._show_numpy_details()
            self._update_status()
        self.numpyCheckChanged.emit(on)

    def _refresh_numpy(self) -> None:
        if self.numpy_check and self._prediction is not None:
            self.numpy_activations()
        self._show_numpy_details()
        self._update_status()

    def _show_numpy_details(self) -> None:
        """With the check on, each column's second label line says how close NumPy came."""
        fresh = self.numpy_check and self._prediction is not None and self._numpy_for is self._prediction
        for column, drawer in zip(self._plan.columns if self._plan else [], self._drawers):
            if column.layer is None:
                continue
            if fresh:
                diff = self._numpy_diffs[column.layer.index]
                color = self._colors.accent if diff < NUMPY_AGREES else self._colors.unsure
                drawer.set_detail(f"Δ {fmt_small(diff)}", color)
            else:
                drawer.set_detail(column.detail)

    def _update_status(self) -> None:
        if self._model is None:
            text = "No model yet"
        elif self._prediction is None:
            text = "Draw a digit: every layer responds as you draw"
        elif self.numpy_check and self._numpy_for is self._prediction:
            worst = max(self._numpy_diffs, default=0.0)
            verdict = "=" if worst < NUMPY_AGREES else "≠"
            text = f"NumPy {verdict} TensorFlow to {fmt_small(worst)}"
        elif self.numpy_check:
            text = "NumPy: computing…"
        else:
            text = "Hover a neuron for its formula · click one for its weights"
        if self.status_label.text() != text:
            self.status_label.setText(text)

    def _model_summary(self) -> str:
        if self._model is None:
            return ""
        shown = sum(info.role != "chip" for info in self._layers)
        params = sum(int(np.prod(w.shape)) for ws in self._weights.values() for w in ws)
        return f"{self._model.name} · {len(self._layers)} layers ({shown} pictured) · {params:,} numbers"

    def _matches(self, prediction) -> bool:
        return (prediction is not None and len(prediction.activations) == len(self._layers)
                and all(a.name == info.name for a, info in zip(prediction.activations, self._layers)))

    # ----- palette ------------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "view"):
            self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        self._colors = colors = Colors(palette)
        self.view.setBackground(colors.window)
        for label, color in ((self.model_label, colors.muted), (self.status_label, colors.muted)):
            label_palette = QPalette()
            label_palette.setColor(QPalette.ColorRole.WindowText, color)
            label.setPalette(label_palette)
        for drawer in self._drawers:
            drawer.recolor(colors)
        for chip in self._chips:
            chip.recolor(colors)
        for _, item in self._links:
            item.recolor(colors)
        if self._highlight is not None:
            self._highlight.recolor(colors)
        self._show_numpy_details()


__all__ = ["ActivationView", "COLUMN_MAX", "Hit", "INPUT"]

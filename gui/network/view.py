"""Inside the network: every layer of the current model responding, live, to the drawing.

Left to right: the 28×28 input (and under it the inspector: the weights of the clicked — or
else the most active — first-layer neuron or filter), every Conv2D/pooling layer as a mosaic of
its feature maps (one tile per channel, each channel on its own colour scale), every Dense
layer as a column of neurons (a grid above 32 units) with the strongest contributions w·a
drawn between consecutive dense layers, and the output's ten softmax probabilities. Passing
layers (Flatten, Dropout, Reshape, BatchNorm) are named in chips between the columns.

Hover anything for its numbers (for a neuron, the course's a_j^[l] = g(w_j^[l] · a^[l-1] + b_j^[l])
with z, g and a filled in); click a neuron or a channel to inspect its weights. The header's
"Check with NumPy" toggle runs the course's NumPy forward propagation on the same input and
shows how closely every layer matches TensorFlow.

The items are created once per model (``set_network``); ``show_prediction`` only pushes new
values into them, from the activations the Predictor already computed — no second inference.
Modules: activation_model (the model's layers and numbers), activation_layout (geometry),
activation_items (the drawers), activation_colors, activation_text (hover words).
"""
from __future__ import annotations

import html
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import (QCheckBox, QGraphicsScene, QHBoxLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout,
                               QWidget)

from gui import i18n
from gui.drawing.answer_text import percent_text
from gui.network import text as words
from gui.network.colors import Colors
from gui.network.items import (FONTS, Chip, Connections, DenseDrawer, Highlight, InputDrawer, MapsDrawer,
                                  OutputDrawer, pixel_font)
from gui.network.layout import (COLUMN_MAX, INPUT, INSPECTOR, fit, hit, hit_rect, make_plan, node_positions,
                                   relabel, unit_position)
from gui.network.model import Network

NUMPY_AGREES = 1e-4          # NumPy and TensorFlow "agree" below this max |difference|
# The course's NumPy forward pass (float64, one layer at a time) is checked against the live
# engine's numbers; text.engine_names says what computed them, "tensorflow" or "numpy".
NUMPY_DEBOUNCE_MS = 150      # a slow NumPy check (conv nets: ~60 ms) waits for the pen to pause
NUMPY_INLINE_S = 0.004       # ... a fast one (dense nets: ~0.05 ms) runs with every update
DRAWERS = {"input": InputDrawer, "maps": MapsDrawer, "grid": MapsDrawer, "dense": DenseDrawer,
           "output": OutputDrawer}


class _Canvas(pg.GraphicsView):
    """A scene in widget pixels (pyqtgraph's auto pixel range) that says when it was resized."""

    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class _ElidedLabel(QLabel):
    """A one-line label that ends in "…" when narrower than its text (never widens the header)."""

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(24)
        return hint

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(self.alignment()), text)
        painter.end()


class _FittingLabel(QLabel):
    """A one-line rich-text label given its variants, longest first: it shows the longest one
    that fits its width, or nothing — a hint gives way whole, never cut to "(w·a · hov"."""

    _TAGS = re.compile(r"<[^>]+>")

    def __init__(self):
        super().__init__("")
        self._variants: tuple[str, ...] = ()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_variants(self, *variants: str) -> None:
        if variants != self._variants:
            self._variants = variants
            self._fit()

    def full_text(self) -> str:
        """The longest variant, whether or not it fits now."""
        return self._variants[0] if self._variants else ""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        plain = (html.unescape(self._TAGS.sub("", v)) for v in self._variants)
        text = next((v for v, p in zip(self._variants, plain) if metrics.horizontalAdvance(p) <= self.width()), "")
        if self.text() != text:
            self.setText(text)


class ActivationView(QWidget):
    """The layer-activation visualizer. See the module docstring."""

    numpyCheckChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._net: Network | None = None
        self._backend = "tensorflow"
        self._plan = None
        self._drawers: list = []
        self._chips: list[Chip] = []
        self._links: list[tuple[int, Connections]] = []
        self._highlight = self._marker = None
        self._items: list = []
        self._prediction = None
        self._pinned: tuple[int, int] | None = None
        self._inspected: tuple | None = None
        self._hover: tuple | None = None
        self._tip: tuple | None = None          # (what, global position) of the last hover text shown
        self._laid_out_for = (0, 0)
        self._colors = Colors(self.palette())

        self.title_label = QLabel()
        self.title_label.setFont(pixel_font(13, bold=True))
        self.model_label = _ElidedLabel("")          # shrinks (with "…") only when it must
        self.status_label = _FittingLabel()          # rich text: the lines' colour legend
        for label in (self.model_label, self.status_label):
            label.setFont(pixel_font(12))
        self.model_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.numpy_box = QCheckBox()
        self.numpy_box.toggled.connect(self._on_numpy_toggled)
        header = QHBoxLayout()
        header.setContentsMargins(12, 6, 12, 0)
        header.setSpacing(10)
        header.addWidget(self.title_label)
        header.addWidget(self.model_label)
        header.addWidget(self.status_label, 1)
        header.addWidget(self.numpy_box)

        self.view = _Canvas(background=None)
        # A few dozen items, rebuilt on every model switch: a linear item list is as fast as Qt's
        # BSP index and cannot hold stale entries (a stale index crashed a repaint after a rebuild).
        self.view.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.view.setMinimumHeight(160)
        self.view.resized.connect(self._relayout)
        # every mouse move of the viewport (pyqtgraph's sigMouseMoved is rate-limited) moves the
        # hover ring; its ToolTip events show the hover text
        self.view.viewport().installEventFilter(self)
        self.view.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)

        self._numpy_timer = QTimer(self, singleShot=True, interval=NUMPY_DEBOUNCE_MS,
                                   timeout=self._refresh_numpy)
        self._apply_palette()
        self.retranslate()

    def retranslate(self) -> None:
        """Every word in the language on screen: the header, the columns' titles, the chips, the
        inspector's caption, the output's percentages, the legend and a hover text on show — the
        items stay, only their texts change (and the layout follows their new widths)."""
        self.title_label.setText(self.tr("Inside the network"))
        self.numpy_box.setText(self.tr("Check with NumPy"))
        self.numpy_box.setToolTip(self.tr("Run the course's NumPy forward propagation on the same input and "
                                          "compare every layer with the live engine's numbers"))
        self._update_model_label()
        if self._plan is not None:
            self._relabel_plan()
            for drawer in self._drawers:
                drawer.relabel()
            for chip in self._chips:
                chip.relabel(self._plan.chip_text(chip.info))
            hover = self._hover
            self._laid_out_for = (-1, -1)   # the labels' widths changed: lay out again (moves, creates nothing)
            self._relayout()
            if hover is not None:           # the mouse has not moved: keep its ring
                self._hover = hover
                self._mark(self._highlight, hover)
        self._update_status()
        self._retranslate_tooltip()

    def _retranslate_tooltip(self) -> None:
        """A hover text on show is shown again in the language on screen."""
        if self._tip is None or not QToolTip.isVisible() or self._plan is None:
            return
        found, global_pos = self._tip
        if found[0] == INSPECTOR and self._drawers[0].weights is None:
            return
        text, rect = self._tooltip_for(found)
        QToolTip.showText(global_pos, text, self.view.viewport(), rect)

    def _relabel_plan(self) -> None:
        relabel(self._plan, words.layer_title, words.layer_detail, words.chip_name,
                (words.input_title(), words.input_detail()), words.inspector_samples(),
                (percent_text(1.0), percent_text(0.0)))

    def _update_model_label(self) -> None:
        if self._net is None:
            self.model_label.setText("")
            return
        count, parameters = len(self._net.layers), i18n.integer(self._net.parameter_count())
        if count == 1:
            text = self.tr("{name} · 1 layer · {parameters} parameters").format(
                name=self._net.name, parameters=parameters)
        else:
            text = self.tr("{name} · {layers} layers · {parameters} parameters").format(
                name=self._net.name, layers=count, parameters=parameters)
        self.model_label.setText(text)

    # ----- the API the main window uses --------------------------------------------------------
    def set_network(self, network, backend: str = "tensorflow") -> None:
        """Show ``network`` (an ``engine.network.NetworkDescription``, e.g. ``predictor.network``;
        None: nothing), whose activations ``backend`` ("tensorflow" or "numpy": the predictor's)
        computes. Builds every item once."""
        scene = self.view.scene()
        for item in self._items:
            scene.removeItem(item)
        self._items, self._drawers, self._chips, self._links = [], [], [], []
        self._highlight = self._marker = None
        self._prediction = self._pinned = self._inspected = self._hover = self._tip = None
        self._laid_out_for = (0, 0)
        self._backend = backend if backend in ("tensorflow", "numpy") else "tensorflow"
        self._net = Network(network, words.engine_names(self._backend)[0]) if network is not None else None
        self._plan = make_plan(self._net.layers) if network is not None else None
        if self._plan is not None:
            self._relabel_plan()
            self._build()
            self._relayout()
        self._update_model_label()
        self._update_status()

    def set_weights_changed(self, network) -> None:
        """The network's weights changed (training): ``network`` is its new description; the
        layout and items stay."""
        if self._net is None:
            return
        self._net.read_weights(network)
        self._inspected = None
        self._static_lines()
        self.show_prediction(self._prediction)

    def show_prediction(self, prediction) -> None:
        """Show a Prediction's activations (None, or one of another model: the idle picture)."""
        if self._plan is None:
            self._prediction = None
            return
        p = prediction if self._net.matches(prediction) else None
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
            if self._net.numpy_seconds < NUMPY_INLINE_S:
                self._refresh_numpy()
            else:
                self._numpy_timer.start()
                self._show_numpy_details()
        self._update_status()

    @property
    def numpy_check(self) -> bool:
        """Whether the NumPy-vs-TensorFlow comparison is on (the header's checkbox)."""
        return self.numpy_box.isChecked()

    @numpy_check.setter
    def numpy_check(self, on: bool) -> None:
        self.numpy_box.setChecked(bool(on))

    def hover_text(self, layer_index: int, unit: int | None, at: tuple[int, int] | None = None) -> str:
        """The hover tooltip (HTML) for neuron/channel ``unit`` (0-based, as W[:, j]) of the layer at
        ``layer_index`` in ``Prediction.activations``; INPUT (−1): the input, ``unit`` = row*28+col;
        INSPECTOR (−2): the inspector; a passing layer: ``unit`` None. For feature maps ``at`` is
        (row, col) in the channel (default: where it is strongest). With the NumPy check on, the
        text also gives NumPy's value and its difference from TensorFlow's."""
        if layer_index == INSPECTOR:
            inspected = self.inspected()
            caption = self._drawers[0].caption.toPlainText() if self._drawers else ""
            return words.inspector_text(caption, None if inspected is None else inspected[2])
        p = self._prediction
        numpy_acts = self._net.numpy_forward(p) if self.numpy_check and p is not None else None
        return words.hover_text(self._net, p, layer_index, unit, at, numpy_acts,
                                engine=words.engine_names(self._backend)[0])

    # ----- for tests and tools ---------------------------------------------------------------------
    @property
    def colors(self) -> Colors:
        """The colours in use (they follow the palette)."""
        return self._colors

    @property
    def network(self) -> Network | None:
        return self._net

    def layer_infos(self):
        """The model's layers as the view sees them (index = position in Prediction.activations)."""
        return [] if self._net is None else list(self._net.layers)

    def numpy_difference(self) -> float | None:
        """Max |NumPy − TensorFlow| over every layer's activations for the input on show (computed
        now if needed; None with nothing on show)."""
        if self._prediction is None:
            return None
        self._net.numpy_forward(self._prediction)
        return max(self._net.numpy_diffs, default=0.0)

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
        """The chips' texts as shown (in the language on screen)."""
        return [chip.text.text() for chip in self._chips]

    def connection_count(self) -> int:
        return sum(item.count for _, item in self._links)

    def inspected(self) -> tuple | None:
        """(layer_index, unit, weights as (h, w, c)) shown in the inspector, or None."""
        if self._inspected is None or not self._drawers or self._drawers[0].weights is None:
            return None
        return (*self._inspected[:2], self._drawers[0].weights)

    def unit_position(self, layer_index: int, unit: int, at: tuple[int, int] = (0, 0)) -> QPointF:
        """Scene position of a neuron, of pixel ``at`` of a channel, or (INPUT) of an input pixel."""
        return QPointF(*unit_position(self.drawer(layer_index).column, unit, at))

    def hit_test(self, pos: QPointF) -> tuple | None:
        """(layer_index, unit, at) under scene position ``pos`` (see hover_text), or None."""
        if self._plan is None:
            return None
        x, y, w, h = self._drawers[0].weights_rect
        if self._drawers[0].weights is not None and x <= pos.x() < x + w and y <= pos.y() < y + h:
            return INSPECTOR, None, None
        return hit(self._plan, pos.x(), pos.y())

    def select(self, layer_index: int | None, unit: int | None = None) -> None:
        """Pin the inspector to a neuron/channel (as a click does); None: follow the most active."""
        self._pinned = None if layer_index is None else (layer_index, unit)
        self._update_inspector()

    # ----- building and layout -------------------------------------------------------------------
    def _build(self) -> None:
        scene, colors, plan = self.view.scene(), self._colors, self._plan
        for column in plan.columns:
            drawer = DRAWERS[column.kind](scene, column, colors)
            self._drawers.append(drawer)
            self._items += drawer.items
        for infos in plan.chips:
            for info in infos:
                chip = Chip(scene, info, colors, plan.chip_text(info))
                self._chips.append(chip)
                self._items += chip.items
        for gap in plan.links:
            item = Connections(colors)
            scene.addItem(item)
            self._links.append((gap, item))
            self._items.append(item)
        self._highlight = Highlight(scene, colors)
        self._marker = Highlight(scene, colors, role="accent", grow=2.5)
        self._items += self._highlight.items + self._marker.items

    def _relayout(self) -> None:
        """Fit the picture to the view's size: items move, none is created."""
        if self._plan is None:
            return
        size = (self.view.width(), self.view.height())
        if size == self._laid_out_for:
            return
        self._laid_out_for = size
        fit(self._plan, size[0], size[1], lambda text, kind: QFontMetricsF(FONTS[kind]).horizontalAdvance(text))
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
        self._hover = self._inspected = None
        self._update_inspector()
        self._show_numpy_details()

    # ----- connections ---------------------------------------------------------------------------------
    def _link_ends(self, gap: int) -> tuple[np.ndarray, np.ndarray]:
        left, right = self._plan.columns[gap], self._plan.columns[gap + 1]
        dst = node_positions(right).astype(float)
        dst[:, 0] -= right.radius
        if left.kind == "input":               # pixel centres: the lines start under the image
            x, y, side, _ = left.content
            row, col = np.divmod(np.arange(784), 28)
            return np.column_stack([x + (col + 0.5) * side / 28, y + (row + 0.5) * side / 28]), dst
        src = node_positions(left).astype(float)
        if left.kind == "dense":
            src[:, 0] += left.radius
        return src, dst

    def _static_lines(self) -> None:
        """Faint lines for every weight between two small dense layers: the network's wiring."""
        for gap, item in self._links:
            left, right = self._plan.columns[gap], self._plan.columns[gap + 1]
            small = left.kind == "dense" and left.layer.units * right.layer.units <= 1200
            item.set_static(*(self._link_ends(gap) if small else (np.empty((0, 2)), np.empty((0, 2)))))

    def _show_connections(self) -> None:
        p = self._prediction
        for gap, item in self._links:
            left, right = self._plan.columns[gap], self._plan.columns[gap + 1]
            contributions = None if p is None else self._net.contributions(p, left.layer, right.layer)
            item.set_lines(*self._link_ends(gap), contributions, k={"dense": 3, "input": 2}.get(left.kind, 3))

    # ----- inspector ------------------------------------------------------------------------------------
    def _update_inspector(self) -> None:
        if not self._drawers:
            return
        target = self._pinned
        if target is None:
            first = self._net.first_weighted()
            if first is None:
                self._drawers[0].inspect(None, "", "")
                self._marker.hide()
                return
            target = (first.index, 0 if self._prediction is None else self._net.most_active(self._prediction, first))
        key = (*target, self._pinned is not None, self._prediction is None)
        if self._inspected == key:
            return
        self._inspected = key
        weights, _ = self._net.inspect(self._prediction, *target)
        caption = words.inspector_caption(self._net.layers[target[0]], target[1])
        auto, pinned, idle = words.inspector_hints()
        hint = pinned if self._pinned else idle if self._prediction is None else auto
        self._drawers[0].inspect(weights, caption, hint)
        self._mark(self._marker, (*target, None))

    # ----- mouse ------------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport():
            kind = event.type()
            if kind == QEvent.Type.MouseMove:
                self._on_mouse_moved(self.view.mapToScene(event.position().toPoint()))
            elif kind == QEvent.Type.Leave:
                self._on_mouse_moved(QPointF(-1e6, -1e6))
            elif kind == QEvent.Type.ToolTip:
                found = self.tooltip_at(event.pos())
                if found is None:
                    self._tip = None
                    QToolTip.hideText()
                else:
                    self._tip = (self.hit_test(self.view.mapToScene(event.pos())), event.globalPos())
                    QToolTip.showText(event.globalPos(), found[0], self.view.viewport(), found[1])
                return True
        return super().eventFilter(watched, event)

    def tooltip_at(self, viewport_pos) -> tuple[str, QRect] | None:
        """(hover text, the viewport rectangle it is about) at a viewport position, or None."""
        found = self.hit_test(self.view.mapToScene(viewport_pos))
        return None if found is None else self._tooltip_for(found)

    def _tooltip_for(self, found: tuple) -> tuple[str, QRect]:
        """(hover text, viewport rectangle) of what ``hit_test`` found."""
        rect = (QRectF(*self._drawers[0].weights_rect) if found[0] == INSPECTOR
                else QRectF(*hit_rect(self._plan, found)))
        # One formula a line, never wrapped mid-expression however narrow the screen.
        text = f"<div style='white-space:pre'>{self.hover_text(*found)}</div>"
        return text, self.view.mapFromScene(rect).boundingRect()

    def _on_mouse_moved(self, pos: QPointF) -> None:
        """The hover ring follows the mouse at once; the tooltip comes with Qt's ToolTip event."""
        found = self.hit_test(pos)
        if found == self._hover:
            return
        self._hover = found
        self._mark(self._highlight, found)

    def _mark(self, marker: Highlight, found) -> None:
        if found is None or found[0] == INSPECTOR:
            marker.hide()
            return
        x, y, w, h = hit_rect(self._plan, found)
        kind = self._plan.columns[0].kind if found[0] == INPUT else self.column_kind(found[0])
        if found[1] is not None and kind in ("dense", "output"):
            marker.at_node(QPointF(x + w / 2, y + h / 2), w / 2, self._plan.columns[0].scale)
        else:
            marker.at_rect(QRectF(x, y, w, h))

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        found = self.hit_test(event.scenePos())
        if found is None or found[0] in (INPUT, INSPECTOR) or found[1] is None:
            return
        target = (found[0], found[1])
        self.select(None if self._pinned == target else target[0], target[1])

    # ----- NumPy check and header ----------------------------------------------------------------------
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
            self._net.numpy_forward(self._prediction)
        self._show_numpy_details()
        self._update_status()

    def _show_numpy_details(self) -> None:
        """With the check on, each column's second label line says how close NumPy came."""
        fresh = self.numpy_check and self._net is not None and self._net.numpy_ready_for(self._prediction)
        for column, drawer in zip(self._plan.columns if self._plan else [], self._drawers):
            if column.layer is None:
                continue
            if fresh:
                diff = self._net.numpy_diffs[column.layer.index]
                color = self._colors.accent if diff < NUMPY_AGREES else self._colors.unsure
                drawer.set_detail(f"Δ {words.fmt_small(diff)}", color)
            elif drawer.detail.text() != column.detail:
                drawer.set_detail(column.detail)

    def _update_status(self) -> None:
        c = self._colors
        if self._net is None:
            variants = (self.tr("No model yet"),)
        elif self._prediction is None:
            variants = (self.tr("Draw a digit: every layer responds as you draw"), self.tr("Draw a digit"))
        elif self.numpy_check and self._net.numpy_ready_for(self._prediction):
            worst = words.fmt_small(max(self._net.numpy_diffs, default=0.0))
            same = '=' if max(self._net.numpy_diffs, default=0.0) < NUMPY_AGREES else '≠'
            long_name, short_name = words.engine_names(self._backend)
            variants = (self.tr("NumPy {same} {engine} to {difference}").format(
                            same=same, engine=long_name, difference=worst),
                        self.tr("NumPy {same} {engine}: {difference}").format(
                            same=same, engine=short_name, difference=worst))
        elif self.numpy_check:
            variants = (self.tr("NumPy: computing…"),)
        elif self._links:
            legend = self.tr("<span style='color:{excites}'>━</span> excites&nbsp; "
                             "<span style='color:{inhibits}'>━</span> inhibits").format(
                excites=c.accent.name(), inhibits=c.unsure.name())
            variants = (self.tr("{legend}&nbsp; (w·a) · hover: formula · click: weights").format(legend=legend), legend)
        else:
            variants = (self.tr("hover: formula · click: weights"), self.tr("hover: formula"))
        self.status_label.set_variants(*variants)

    # ----- palette ------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "view"):
            self._apply_palette()
        elif i18n.is_language_change(event) and hasattr(self, "view"):
            self.retranslate()

    def _apply_palette(self) -> None:
        self._colors = colors = Colors(self.palette())
        self.view.setBackground(colors.window)
        for label in (self.model_label, self.status_label):
            label_palette = QPalette()          # only WindowText is ours; the rest is inherited
            label_palette.setColor(QPalette.ColorRole.WindowText, colors.muted)
            label.setPalette(label_palette)
        for part in [*self._drawers, *self._chips, *(item for _, item in self._links)]:
            part.recolor(colors)
        for marker in (self._highlight, self._marker):
            if marker is not None:
                marker.recolor(colors)
        self._show_numpy_details()
        self._update_status()


__all__ = ["ActivationView", "COLUMN_MAX", "INPUT", "INSPECTOR"]

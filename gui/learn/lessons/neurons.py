"""Lesson "Neurons and layers": a_j^[l] = g(w_j^[l] · a^[l−1] + b_j^[l]) with one unit's own numbers.

Steps: the formula and what [l] and j mean, with the model's layers; pick a neuron (a layer and a
unit; at first the most active unit of the first hidden Dense layer for the drawing) and see w·a,
b, z, g and g(z) — equal to what the network computed; the unit's incoming weights as a picture
(28×28 when the layer reads the pixels, else one bar per input). Numbers: engine.lessons.neurons.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from engine.lessons import neurons as N
from gui import i18n
from gui.learn.lesson import Lesson, Question, paragraph, step_page
from gui.network.colors import TILE_DIVERGING

POSITIVE, NEGATIVE = "#3b82f6", "#f97316"     # the app's diverging colours: blue above zero, orange below


def small_number(x: float) -> str:
    """A tiny difference as people read it: "2e−7" (one significant digit), "0" for none."""
    x = abs(float(x))
    if x == 0.0 or not math.isfinite(x):
        return "0" if x == 0.0 else str(x)
    exponent = math.floor(math.log10(x))
    mantissa = round(x / 10 ** exponent)
    if mantissa == 10:
        mantissa, exponent = 1, exponent + 1
    if -3 <= exponent <= 0:
        return i18n.number(x, -exponent)
    return f"{mantissa}e{exponent}".replace("-", "−")


def formula(j: str = "j", l: str = "l", previous: str = "l−1") -> str:
    """a_j^[l] = g(w_j^[l] · a^[l−1] + b_j^[l]) as rich text (symbols, not words)."""
    return (f"<i>a</i><sub>{j}</sub><sup>[{l}]</sup> = <i>g</i>(<b><i>w</i></b><sub>{j}</sub><sup>[{l}]</sup>"
            f" · <b><i>a</i></b><sup>[{previous}]</sup> + <i>b</i><sub>{j}</sub><sup>[{l}]</sup>)")


class _Picture(pg.GraphicsLayoutWidget):
    """A 28×28 image in a fixed square, no mouse."""

    def __init__(self):
        super().__init__()
        self.setBackground(None)
        self.ci.layout.setContentsMargins(0, 0, 0, 0)
        self.box = self.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.box.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.box.addItem(self.image)
        self.setFixedSize(190, 190)

    def show_signed(self, values: np.ndarray) -> None:
        """Signed values on the diverging scale, symmetric around zero."""
        top = float(np.max(np.abs(values))) or 1.0
        self.image.setImage(np.asarray(values, np.float32), lut=TILE_DIVERGING[:-1], levels=(-top, top))
        self.box.autoRange(padding=0)


class NeuronsLesson(Lesson):
    lesson_id = "neurons"


    # ----- steps -----------------------------------------------------------------------------------
    def make_steps(self) -> list[QWidget]:
        self._description = None     # the description the layer list was built for
        self._follow = True          # pick the most active unit for each new drawing until the learner picks
        self.numbers: N.NeuronNumbers | None = None

        # 1. the formula
        self.intro = paragraph()
        self.formula_label = paragraph(formula())
        self.formula_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.formula_label.setStyleSheet("font-size: 17px; padding: 8px;")
        self.indices = paragraph()
        self.layers_label = paragraph()
        step1 = step_page(self.intro, self.formula_label, self.indices, self.layers_label)

        # 2. one neuron's numbers
        self.pick_text = paragraph()
        self.layer_caption, self.unit_caption = QLabel(), QLabel()
        self.layer_combo = QComboBox()
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo.setMinimumContentsLength(12)
        self.unit_spin = QSpinBox()
        self.unit_spin.setMinimum(1)
        self.most_active_button = QPushButton()
        self.show_button = QPushButton()
        chooser = QGridLayout()
        chooser.addWidget(self.layer_caption, 0, 0)
        chooser.addWidget(self.layer_combo, 0, 1, 1, 2)
        chooser.addWidget(self.unit_caption, 1, 0)
        chooser.addWidget(self.unit_spin, 1, 1)
        chooser.addWidget(self.most_active_button, 1, 2)
        chooser.setColumnStretch(1, 1)
        chooser_box = QWidget()
        chooser_box.setLayout(chooser)
        self.neuron_formula = paragraph()
        self.neuron_formula.setStyleSheet("font-size: 15px; padding: 4px;")
        self.numbers_label = paragraph()
        self.numbers_label.setStyleSheet("font-family: monospace;")
        self.check_label = paragraph()
        step2 = step_page(self.pick_text, chooser_box, self.neuron_formula, self.numbers_label, self.check_label)
        step2.layout().insertWidget(5, self.show_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)
        self.unit_spin.valueChanged.connect(self._on_unit_chosen)
        self.most_active_button.clicked.connect(self._on_most_active)
        self.show_button.clicked.connect(self._on_show)

        # 3. the unit's weights as a picture
        self.picture_text = paragraph()
        self.weights_picture, self.product_picture = _Picture(), _Picture()
        self.weights_caption, self.product_caption = QLabel(), QLabel()
        for caption in (self.weights_caption, self.product_caption):
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setWordWrap(True)
        pictures = QHBoxLayout()
        for picture, caption in ((self.weights_picture, self.weights_caption),
                                 (self.product_picture, self.product_caption)):
            column = QVBoxLayout()
            column.addWidget(picture, alignment=Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(caption)
            pictures.addLayout(column)
        self.pictures_box = QWidget()
        self.pictures_box.setLayout(pictures)
        self.bars = pg.PlotWidget()
        self.bars.setBackground(None)
        self.bars.setMenuEnabled(False)
        self.bars.setMouseEnabled(False, False)
        self.bars.hideButtons()
        self.bars.setFixedHeight(200)
        self.bar_item = pg.BarGraphItem(x=[0], height=[0], width=0.8)
        self.bars.addItem(self.bar_item)
        self.picture_note = paragraph()
        step3 = step_page(self.picture_text, self.pictures_box, self.bars, self.picture_note)
        return [step1, step2, step3]

    def make_question(self) -> Question:
        return Question(
            self.tr("In a<sub>3</sub><sup>[2]</sup>, what does the superscript [2] tell you?"),
            (self.tr("Which layer: it is an activation of layer 2"),
             self.tr("Which unit: it is the second unit of its layer"),
             self.tr("That the activation is squared"),
             self.tr("That the unit looks for the digit 2")),
            0,
            self.tr("The superscript in square brackets is the layer; the subscript (here 3) is the unit "
                    "within that layer. So a<sub>3</sub><sup>[2]</sup> is the output of unit 3 of layer 2."))

    # ----- words -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "A neuron (a <b>unit</b>) reads every number of the layer before it, multiplies each by its own "
            "<b>weight</b>, adds them up with its <b>bias</b> and passes the sum through the layer's "
            "<b>activation function</b> g:"))
        self.indices.setText(self.tr(
            "The superscript <b>[l]</b> says which <b>layer</b>: [1] is the first layer of units, [2] the next; "
            "a<sup>[0]</sup> is the input, your drawing's 784 pixels. The subscript <b>j</b> says which "
            "<b>unit</b> of that layer. <b>w</b><sub>j</sub><sup>[l]</sup> is a vector (one weight per "
            "input), b<sub>j</sub><sup>[l]</sup> a single number, and the dot · multiplies and adds."))
        self.pick_text.setText(self.tr(
            "Pick a neuron. It starts at the most active unit of the first hidden layer for your drawing."))
        self.layer_caption.setText(self.tr("Layer"))
        self.unit_caption.setText(self.tr("Unit j"))
        self.most_active_button.setText(self.tr("Most active"))
        self.most_active_button.setToolTip(self.tr("The unit of this layer with the largest activation"))
        self.show_button.setText(self.tr("Show it in the network view"))
        self.weights_caption.setText(self.tr("weights w (blue +, orange −)"))
        self.product_caption.setText(self.tr("w × your drawing"))
        self._fill_layers(keep=True)
        self.refresh()

    def _layer_text(self, index: int) -> str:
        d = self._description
        info = d.layers[index]
        return self.tr("[{l}] {name}: {units} units, {g}").format(
            l=N.layer_number(d, index), name=info.name, units=info.units, g=info.activation or "linear")

    def _fill_layers(self, keep: bool) -> None:
        """The Dense layers of the model in the layer list (again, in the current language)."""
        chosen = self.layer_combo.currentData() if keep else None
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        if self._description is not None:
            for index in N.dense_layers(self._description):
                self.layer_combo.addItem(self._layer_text(index), index)
            found = self.layer_combo.findData(chosen)
            if found >= 0:
                self.layer_combo.setCurrentIndex(found)
        self.layer_combo.blockSignals(False)

    # ----- numbers -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        description, prediction = self.context.description, self.context.prediction
        if description is not self._description:
            self._description, self._follow = description, True
            self._fill_layers(keep=False)
        has_dense = description is not None and bool(N.dense_layers(description))
        for widget in (self.layer_combo, self.unit_spin, self.most_active_button, self.show_button):
            widget.setEnabled(has_dense)
        self.most_active_button.setEnabled(has_dense and prediction is not None)
        # "Show it in the network view" only where a window listens for it
        self.show_button.setVisible(self.context.receivers(SIGNAL("showLayerRequested(int,int)")) > 0)
        self._show_layers()
        if not has_dense:
            self.numbers = None
            text = self.tr("No model is loaded yet.") if description is None else \
                self.tr("This model has no Dense layer: pick a dense network such as course-mlp.")
            self.neuron_formula.setText(text)
            for label in (self.numbers_label, self.check_label, self.picture_text, self.picture_note):
                label.clear()
            self.pictures_box.hide()
            self.bars.hide()
            return
        if self._follow:
            index, unit = N.default_neuron(description, prediction)
            self._select(index, unit)
        self._show_neuron()

    def _select(self, index: int, unit: int) -> None:
        """Put the layer list and the unit box at (index, unit) without counting it as the learner's pick."""
        self.layer_combo.blockSignals(True)
        self.unit_spin.blockSignals(True)
        self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findData(index)))
        self.unit_spin.setMaximum(self._description.layers[index].units)
        self.unit_spin.setValue(unit + 1)
        self.layer_combo.blockSignals(False)
        self.unit_spin.blockSignals(False)

    def chosen(self) -> tuple[int, int]:
        """(layer index, 0-based unit) on show."""
        return int(self.layer_combo.currentData()), self.unit_spin.value() - 1

    def choose(self, index: int, unit: int) -> None:
        """Pick unit ``unit`` (0-based) of layer ``index`` as the learner would."""
        self._follow = False
        self._select(index, unit)
        self._show_neuron()

    def _on_layer_chosen(self, _row: int) -> None:
        if self._description is None or self.layer_combo.currentData() is None:
            return
        index = int(self.layer_combo.currentData())
        unit = 0 if self.context.prediction is None else N.most_active_unit(self.context.prediction, index)
        self.choose(index, unit)

    def _on_unit_chosen(self, _value: int) -> None:
        self._follow = False
        self._show_neuron()

    def _on_most_active(self) -> None:
        if self.context.prediction is not None and self.layer_combo.currentData() is not None:
            index = int(self.layer_combo.currentData())
            self.choose(index, N.most_active_unit(self.context.prediction, index))

    def _on_show(self) -> None:
        if self.numbers is not None:
            self.context.showLayerRequested.emit(self.numbers.layer_index, self.numbers.unit)

    def _show_layers(self) -> None:
        d = self._description
        if d is None:
            self.layers_label.clear()
            return
        lines = [self.tr("Your model, <b>{model}</b>, has these Dense layers:").format(
            model=i18n.model_label(self.context.model_label) or d.name)]
        lines += [f"&nbsp;&nbsp;{self._layer_text(i)}" for i in N.dense_layers(d)]
        convolutions = sum(1 for layer in d.layers if layer.kind == "Conv2D")
        if convolutions:
            lines.append(self.tr("Its {count} convolution layers come first, so its first Dense layer is "
                                 "layer [{l}]; its input is the last feature maps, not the pixels.").format(
                count=convolutions, l=convolutions + 1))
        self.layers_label.setText("<br>".join(lines))

    def _show_neuron(self) -> None:
        d, prediction = self._description, self.context.prediction
        index, unit = self.chosen()
        n = self.numbers = N.neuron(d, prediction, index, unit)
        j, l = str(n.unit + 1), str(n.layer_number)
        self.neuron_formula.setText(formula(j, l, str(n.layer_number - 1)))
        g_row = self.tr("g = {g}, the activation of layer [{l}]").format(g=n.activation, l=l)
        b_row = self.tr("b = {b}").format(b=i18n.number(n.bias, 4))
        if n.a is None:
            rows = [b_row, g_row]
            self.check_label.setText(self.tr("Draw a digit to see your numbers: a<sup>[{previous}]</sup> comes "
                                             "from your drawing.").format(previous=n.layer_number - 1))
        else:
            rows = [self.tr("w · a = {dot} (the sum of {count} products)").format(
                        dot=i18n.number(n.dot, 4), count=n.n_in),
                    b_row,
                    self.tr("z = w · a + b = {z}").format(z=i18n.number(n.z, 4)),
                    g_row,
                    self.tr("a = g(z) = {g}({z}) = <b>{a}</b>").format(
                        g=n.activation, z=i18n.number(n.z, 4), a=i18n.number(n.a, 4))]
            self.check_label.setText(self.tr(
                "The network computed a<sub>{j}</sub><sup>[{l}]</sup> = {value} for your drawing: the same "
                "number (difference {difference}).").format(
                    j=j, l=l, value=i18n.number(n.network_a, 4), difference=small_number(n.difference)))
        if n.activation == "softmax":
            rows.append(self.tr("(softmax is the one g that needs every z of the layer, not just this one.)"))
        self.numbers_label.setText("<br>".join(rows))
        self._show_picture(n)

    def _show_picture(self, n: N.NeuronNumbers) -> None:
        j, l = n.unit + 1, n.layer_number
        if n.reads_input and n.n_in == 28 * 28:
            self.bars.hide()
            self.pictures_box.show()
            self.picture_text.setText(self.tr(
                "Unit {j} of layer [{l}] reads the pixels: it has one weight per pixel, 784 in all, drawn "
                "here as a 28×28 picture. Ink on blue pixels raises z, ink on orange pixels lowers it.").format(
                    j=j, l=l))
            self.weights_picture.show_signed(n.weights.reshape(28, 28))
            if n.a_in is None:
                self.product_picture.show_signed(np.zeros((28, 28)))
                self.picture_note.setText(self.tr("Draw a digit to see which of its pixels count."))
            else:
                self.product_picture.show_signed((n.weights * n.a_in).reshape(28, 28))
                self.picture_note.setText(self.tr(
                    "The right picture adds up to w · a = {dot}: the pixels you inked, each times its "
                    "weight.").format(dot=i18n.number(n.dot, 4)))
            return
        self.pictures_box.hide()
        self.bars.show()
        self.picture_text.setText(self.tr(
            "Unit {j} of layer [{l}] does not read pixels: it reads the {count} outputs of the layer before "
            "it, so here are its {count} weights, one bar each (blue +, orange −).").format(
                j=j, l=l, count=n.n_in))
        w = n.weights
        brushes = [pg.mkBrush(POSITIVE if v >= 0 else NEGATIVE) for v in w]
        self.bar_item.setOpts(x=np.arange(1, w.size + 1), height=w, width=0.8, brushes=brushes,
                              pen=pg.mkPen(None))
        self.bars.setXRange(0.5, w.size + 0.5, padding=0)
        top = float(np.max(np.abs(w))) or 1.0
        self.bars.setYRange(-top, top, padding=0.05)
        if any(N.reads_input(self._description, i) for i in N.dense_layers(self._description)):
            self.picture_note.setText(self.tr("Pick a unit of the first Dense layer to see its 784 weights "
                                              "as a picture."))
        else:
            self.picture_note.setText(self.tr("This model's Dense layers read feature maps, never the pixels: "
                                              "pick the course-mlp model to see a unit's weights as a picture."))

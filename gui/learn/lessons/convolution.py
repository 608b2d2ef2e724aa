"""Lesson 9, "Convolution": a 3×3 filter sliding over the drawing, filling its feature map cell by
cell (Play / Step), each cell's Σ w·x + b with its nine products; each neuron's receptive field;
and why a convolution needs so few parameters next to a Dense layer.

The filter is the current model's first Conv2D filter (picked with a spin box) or, for a model
without one, the course's vertical-edge filter. The numbers come from ``engine.lessons.convolution``;
the map equals the model's own first Conv2D activations (shown on screen, checked by the tests).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from engine.lessons import convolution as conv
from gui import i18n
from gui.learn.lesson import Lesson, Question, paragraph, step_page

TICK_MS = 40                       # one feature-map cell per tick while playing


class ArrayPicture(QWidget):
    """A small 2-D array drawn as square cells (ink dark on light), with an optional outlined
    window, an outlined cell and, for a map being filled, the cells not computed yet left blank."""

    def __init__(self, side: int = 180, parent: QWidget | None = None):
        super().__init__(parent)
        self._side = side
        self._image: QImage | None = None
        self._rows = self._cols = 1
        self.window: tuple[int, int, int, int] | None = None    # (top, left, height, width)
        self.filled: int | None = None                          # cells shown, row by row; None: all
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(side, side)

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def set_array(self, values: np.ndarray, low: float, high: float, colour=(20, 20, 20)) -> None:
        """Show ``values`` with ``low`` white and ``high`` in ``colour`` (values clipped between)."""
        v = np.asarray(values, np.float64)
        t = np.clip((v - low) / (high - low if high > low else 1.0), 0.0, 1.0)[..., None]
        rgb = (255.0 * (1 - t) + np.asarray(colour, np.float64) * t).astype(np.uint8)
        self._rows, self._cols = v.shape
        self._pixels = np.ascontiguousarray(rgb)
        self._image = QImage(self._pixels.data, self._cols, self._rows, 3 * self._cols,
                             QImage.Format.Format_RGB888)
        self.update()

    def set_window(self, window: tuple[int, int, int, int] | None) -> None:
        self.window = window
        self.update()

    def set_filled(self, filled: int | None) -> None:
        self.filled = filled
        self.update()

    def paintEvent(self, _event) -> None:
        if self._image is None:
            return
        painter = QPainter(self)
        cell = min(self.width() / self._cols, self.height() / self._rows)
        painter.drawImage(QRectF(0, 0, cell * self._cols, cell * self._rows), self._image)
        if self.filled is not None and self.filled < self._rows * self._cols:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(228, 231, 236))
            row, col = divmod(max(self.filled, 0), self._cols)
            painter.drawRect(QRectF(col * cell, row * cell, (self._cols - col) * cell, cell))
            painter.drawRect(QRectF(0, (row + 1) * cell, self._cols * cell, (self._rows - row - 1) * cell))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(90, 90, 90), 1))
        painter.drawRect(QRectF(0, 0, cell * self._cols - 1, cell * self._rows - 1))
        if self.window is not None:
            top, left, h, w = self.window
            painter.setPen(QPen(QColor(220, 60, 30), 2))
            painter.drawRect(QRectF(left * cell, top * cell, w * cell, h * cell))
        painter.end()


def _grid(values: np.ndarray, decimals: int = 2) -> str:
    """A small HTML table of numbers (no words)."""
    rows = "".join("<tr>" + "".join(f"<td align='right'>&nbsp;{i18n.number(v, decimals)}&nbsp;</td>" for v in row)
                   + "</tr>" for row in np.asarray(values))
    return f"<table cellspacing='0' style='font-family: monospace;'>{rows}</table>"


class ConvolutionLesson(Lesson):
    lesson_id = "convolution"


    # ------------------------------------------------------------------------------------ steps
    def make_steps(self) -> list[QWidget]:
        self.filter: conv.Filter = conv.course_filter()
        self.fmap: conv.FeatureMap | None = None
        self.image: np.ndarray | None = None
        self.using_example = True
        self.position = 0                     # the feature-map cell on show, row by row
        self.model_difference: float | None = None
        self.counts = conv.parameter_count(self.filter)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

        # Step 1: the slide
        self.slide_intro = paragraph()
        self.source_label = paragraph()
        self.filter_label = QLabel()
        self.filter_spin = QSpinBox()
        self.filter_spin.setMinimum(1)
        self.filter_spin.valueChanged.connect(lambda _: self.refresh())
        self.weights_label = paragraph()
        filter_row = QWidget()
        row = QHBoxLayout(filter_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.filter_label)
        row.addWidget(self.filter_spin)
        row.addStretch(1)
        self.input_picture = ArrayPicture(200)
        self.map_picture = ArrayPicture(200)
        self.input_caption, self.map_caption = QLabel(), QLabel()
        pictures = QWidget()
        grid = QHBoxLayout(pictures)
        grid.setContentsMargins(0, 0, 0, 0)
        for picture, caption in ((self.input_picture, self.input_caption), (self.map_picture, self.map_caption)):
            column = QWidget()
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(caption)
            box.addWidget(picture)
            grid.addWidget(column)
        grid.addStretch(1)
        self.play_button, self.step_button, self.reset_button = QPushButton(), QPushButton(), QPushButton()
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button.clicked.connect(self.step)
        self.reset_button.clicked.connect(self.start_over)
        buttons = QWidget()
        brow = QHBoxLayout(buttons)
        brow.setContentsMargins(0, 0, 0, 0)
        for button in (self.play_button, self.step_button, self.reset_button):
            brow.addWidget(button)
        brow.addStretch(1)
        self.cell_label = paragraph()

        # Step 2: receptive field
        self.field_intro = paragraph()
        self.field_picture = ArrayPicture(200)
        self.field_text = paragraph()
        self.match_text = paragraph()

        # Step 3: parameters
        self.params_intro = paragraph()
        self.params_text = paragraph()
        self.params_note = paragraph()

        return [step_page(self.slide_intro, self.source_label, filter_row, self.weights_label, pictures, buttons,
                          self.cell_label),
                step_page(self.field_intro, self.field_picture, self.field_text, self.match_text),
                step_page(self.params_intro, self.params_text, self.params_note)]

    def make_question(self) -> Question:
        return Question(
            self.tr("A Conv2D layer has 32 filters of 3×3 and reads a one-channel 28×28 image. "
                    "How many parameters does it have?"),
            (self.tr("3·3·1·32 + 32 = 320"),
             self.tr("784·32 + 32 = 25,120"),
             self.tr("26·26·32 = 21,632"),
             self.tr("784·21,632 + 21,632, as a Dense layer with the same outputs")),
            0,
            self.tr("Each filter has 3·3 = 9 weights (one input channel) and one bias, and every position "
                    "of the image reuses them: 32 filters give 32·9 + 32 = 320 parameters, however large "
                    "the image. The 21,632 outputs would need about 17 million parameters in a Dense layer."))

    # ----------------------------------------------------------------------------------- numbers
    def cell_count(self) -> int:
        h, w = self.fmap.shape if self.fmap is not None else (1, 1)
        return h * w

    def current_cell(self) -> conv.Cell:
        h, w = self.fmap.shape
        r, c = divmod(self.position, w)
        return conv.cell(self.image, self.filter, r, c)

    def refresh(self) -> None:
        context = self.context
        description = context.description
        if context.prediction is not None:
            self.image, self.using_example = np.asarray(context.prediction.image, np.float32), False
        else:
            from engine.lessons.multilabel import example_digits

            self.image, self.using_example = example_digits()[7].astype(np.float32) / 255.0, True
        if conv.first_conv_index(description) is not None:
            count = description.weights_of(conv.first_conv_index(description))[0].shape[3]
            self.filter_spin.blockSignals(True)
            self.filter_spin.setMaximum(count)
            self.filter_spin.blockSignals(False)
            self.filter = conv.model_filter(description, self.filter_spin.value() - 1)
        else:
            self.filter = conv.course_filter()
        self.filter_spin.setVisible(self.filter.from_model)
        self.filter_label.setVisible(self.filter.from_model)
        self.fmap = conv.feature_map(self.image, self.filter)
        self.counts = conv.parameter_count(self.filter)
        self.position = min(self.position, self.cell_count() - 1)
        self.model_difference = None
        if self.filter.from_model and context.prediction is not None:
            layer = context.prediction.activations[self.filter.layer_index].values
            if layer.shape[:2] == self.fmap.shape:
                self.model_difference = float(np.max(np.abs(layer[:, :, self.filter.number] - self.fmap.a)))
        self.input_picture.set_array(conv.padded_input(self.image, self.filter), 0.0, 1.0)
        self.field_picture.set_array(conv.padded_input(self.image, self.filter), 0.0, 1.0)
        top = max(float(np.max(np.abs(self.fmap.a))), 1e-6)
        self.map_picture.set_array(self.fmap.a, 0.0, top, colour=(20, 80, 170))
        self._show_position()
        self._set_texts()

    def _show_position(self) -> None:
        if self.fmap is None:
            return
        c = self.current_cell()
        kh, kw = self.filter.weights.shape
        self.input_picture.set_window((c.top, c.left, kh, kw))
        self.field_picture.set_window((c.top, c.left, kh, kw))
        self.map_picture.set_window((c.row, c.col, 1, 1))
        self.map_picture.set_filled(self.position + 1)
        self._set_cell_texts()

    # ------------------------------------------------------------------------------------ motion
    def toggle_play(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
        else:
            if self.position >= self.cell_count() - 1:
                self.position = 0
            self.timer.start()
        self._set_button_texts()

    def step(self) -> None:
        self.set_position(self.position + 1)

    def start_over(self) -> None:
        self.timer.stop()
        self.set_position(0)
        self._set_button_texts()

    def set_position(self, position: int) -> None:
        self.position = max(0, min(position, self.cell_count() - 1))
        self._show_position()

    def _tick(self) -> None:
        if self.position >= self.cell_count() - 1:
            self.timer.stop()
            self._set_button_texts()
            return
        self.set_position(self.position + 1)

    def stop(self) -> None:
        self.timer.stop()

    def hideEvent(self, event) -> None:
        self.timer.stop()
        self._set_button_texts()
        super().hideEvent(event)

    # ------------------------------------------------------------------------------------- words
    def _set_button_texts(self) -> None:
        self.play_button.setText(self.tr("Pause") if self.timer.isActive() else self.tr("Play"))
        self.step_button.setText(self.tr("Step"))
        self.reset_button.setText(self.tr("Start over"))

    def _set_cell_texts(self) -> None:
        if self.fmap is None:
            return
        c = self.current_cell()
        f = self.filter
        self.cell_label.setText(
            self.tr("Cell ({row}, {col}): the window's nine products w·x") .format(row=c.row, col=c.col)
            + _grid(c.products, 3)
            + self.tr("z = Σ w·x + b = {sum} + ({bias}) = <b>{z}</b>; a = {g}(z) = <b>{a}</b>").format(
                sum=i18n.number(float(c.products.sum()), 3), bias=i18n.number(f.bias, 3),
                z=i18n.number(c.z, 3), g=f.activation, a=i18n.number(c.a, 3)))
        kh, kw = f.weights.shape
        h, w = self.fmap.shape
        self.field_text.setText(self.tr(
            "Neuron ({row}, {col}) of the feature map sees only the {kh}×{kw} window at rows {top}–{bottom}, "
            "columns {left}–{right}: {seen} of the {pixels} input numbers. All {cells} neurons of this map use "
            "the same {weights} weights and one bias.").format(
                row=c.row, col=c.col, kh=kh, kw=kw, top=c.top, bottom=c.top + kh - 1, left=c.left,
                right=c.left + kw - 1, seen=kh * kw, pixels=i18n.integer(784), cells=i18n.integer(h * w),
                weights=kh * kw))

    def _set_texts(self) -> None:
        f, n = self.filter, self.counts
        h, w = self.fmap.shape if self.fmap is not None else conv.map_shape(f)
        if f.from_model:
            self.source_label.setText(self.tr(
                "The filter is one of the {count} filters of <b>{layer}</b>, the first convolution of "
                "{model}.").format(count=f.count, layer=f.layer_name, model=i18n.model_label(self.context.model_label)))
        else:
            self.source_label.setText(self.tr(
                "{model} has no convolution, so this is the course's vertical-edge filter (and relu).").format(
                    model=i18n.model_label(self.context.model_label) or self.tr("This model")))
        if self.using_example:
            self.source_label.setText(self.source_label.text() + " " + self.tr(
                "Draw a digit to see your numbers; until then the input is an MNIST 7."))
        self.weights_label.setText(self.tr("Its 3×3 weights w and bias b = {bias}:").format(
            bias=i18n.number(f.bias, 3)) + _grid(f.weights, 3))
        self.map_caption.setText(self.tr("Feature map {h}×{w}").format(h=h, w=w))
        self.input_caption.setText(self.tr("Input {size}×{size}").format(size=conv.padded_input(self.image, f).shape[0]
                                                                          if self.image is not None else 28))
        if self.model_difference is not None:
            self.match_text.setText(self.tr(
                "Check: the model's own {layer} output for filter {number} equals this map; the largest "
                "difference is {difference}.").format(layer=f.layer_name, number=f.number + 1,
                                                      difference=i18n.number(self.model_difference, 7)))
        else:
            self.match_text.setText("")
        self.params_text.setText(self.tr(
            "<b>Convolution</b>: {kh}·{kw}·{cin}·{filters} weights + {filters} biases = <b>{conv}</b> parameters "
            "for {outputs} outputs ({h}×{w}×{filters}).<br><b>Dense layer</b> with the same {outputs} outputs from "
            "the {inputs} pixels: {inputs}·{outputs} weights + {outputs} biases = <b>{dense}</b> parameters."
            "<br>That is {ratio} times as many.").format(
                kh=n.kernel[0], kw=n.kernel[1], cin=n.channels_in, filters=n.filters, conv=i18n.integer(n.conv_params),
                outputs=i18n.integer(n.outputs), h=n.out_shape[0], w=n.out_shape[1], inputs=i18n.integer(n.inputs),
                dense=i18n.integer(n.dense_params), ratio=i18n.integer(round(n.ratio))))
        self._set_cell_texts()

    def retranslate(self) -> None:
        self.slide_intro.setText(self.tr(
            "A convolutional layer slides a small filter over the image. At each position it multiplies the "
            "filter's 3×3 weights w by the 3×3 pixels x under it, adds them up with the bias: "
            "z = Σ w·x + b, and applies its activation. Each result fills one cell of the "
            "<b>feature map</b>. Press Play or Step."))
        self.filter_label.setText(self.tr("Filter:"))
        self.field_intro.setText(self.tr(
            "<b>Each neuron sees only part of the input.</b> In a Dense layer every neuron reads all 784 "
            "pixels; a neuron of a feature map reads only its small window, its <i>receptive field</i>, and "
            "all neurons of one map share the same weights."))
        self.params_intro.setText(self.tr(
            "<b>Why that needs fewer parameters.</b> The same few weights are reused at every position, "
            "so a convolution's size does not grow with the image."))
        self.params_note.setText(self.tr(
            "Fewer parameters train faster, need less data and overfit less; and a filter that finds an "
            "edge in one place finds it everywhere."))
        self._set_button_texts()
        if self.fmap is not None:
            self._set_texts()

    # ----- screenshots --------------------------------------------------------------------------------
    def demo(self, page: int) -> None:
        if page == 0:     # the filter half-way down the drawing: the feature map half filled
            self.set_position(self.cell_count() * 11 // 20)

"""Lesson 6, "Softmax and logits": the drawing's ten logits z_j → e^{z_j} → divided by their sum =
the bars; then why the course trains with ``SparseCategoricalCrossentropy(from_logits=True)``:
softmax first, in float32, breaks for large logits (a slider scales them ×1 … ×100) while the loss
written from the logits stays exact. Every number comes from ``engine.lessons.softmax``.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QWidget

from engine.lessons import softmax as sm
from gui import i18n
from gui.learn.lesson import Lesson, Question, paragraph, step_page

BAR_COLOUR = (70, 120, 200)


def value_text(x: float, decimals: int = 4, mantissa_decimals: int = 2) -> str:
    """A number for the tables: fixed decimals when readable, else mantissa × 10^k; float32's
    inf and nan as NumPy prints them."""
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "−inf"
    if x == 0 or 1e-3 <= abs(x) < 1e5:
        return i18n.number(x, decimals)
    exponent = int(math.floor(math.log10(abs(x))))
    mantissa = x / 10 ** exponent
    if abs(round(mantissa, mantissa_decimals)) >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{i18n.number(mantissa, mantissa_decimals)}·10<sup>{str(exponent).replace('-', '−')}</sup>"


class SoftmaxLesson(Lesson):
    lesson_id = "softmax"


    # ------------------------------------------------------------------------------------ steps
    def make_steps(self) -> list[QWidget]:
        self.logits: np.ndarray = np.asarray(sm.COURSE_LOGITS, np.float32)
        self.temperature = 1.0
        self.from_drawing = False
        self.table: sm.SoftmaxTable = sm.softmax_table(self.logits)
        self.comparison: sm.LossComparison | None = None

        # Step 1: logits → probabilities
        self.intro = paragraph()
        self.source = paragraph()
        self.table_label = paragraph()
        self.sum_label = paragraph()
        self.plot = pg.PlotWidget(background=None)
        self.plot.setFixedHeight(150)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setYRange(0, 1, padding=0.02)
        self.bar_item = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7,
                                        brush=pg.mkBrush(*BAR_COLOUR), pen=pg.mkPen(None))
        self.plot.addItem(self.bar_item)
        self.temperature_label = paragraph()

        # Step 2: why from_logits=True
        self.roundoff_label = paragraph()
        self.ways_label = paragraph()
        self.scale_slider = QSlider(Qt.Orientation.Horizontal)
        self.scale_slider.setRange(1, 100)
        self.scale_slider.setValue(1)
        self.scale_caption = QLabel()
        self.scale_value = QLabel()
        self.scale_value.setMinimumWidth(48)
        self.label_caption = QLabel()
        self.label_box = QComboBox()
        controls = QWidget()
        row = QHBoxLayout(controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scale_caption)
        row.addWidget(self.scale_slider, 1)
        row.addWidget(self.scale_value)
        label_row = QWidget()
        row2 = QHBoxLayout(label_row)
        row2.setContentsMargins(0, 0, 0, 0)
        row2.addWidget(self.label_caption)
        row2.addWidget(self.label_box)
        row2.addStretch(1)
        self.loss_table = paragraph()
        self.verdict = paragraph()
        self.scale_slider.valueChanged.connect(self._show_losses)
        self.label_box.currentIndexChanged.connect(self._show_losses)

        return [step_page(self.intro, self.source, self.table_label, self.sum_label, self.plot,
                          self.temperature_label),
                step_page(self.roundoff_label, self.ways_label, controls, label_row, self.loss_table,
                          self.verdict)]

    def make_question(self) -> Question:
        return Question(
            self.tr("Why does the course give the output layer a linear activation and train with "
                    "SparseCategoricalCrossentropy(from_logits=True)?"),
            (self.tr("TensorFlow then computes the loss from the logits directly, which avoids the round-off "
                     "of computing softmax first."),
             self.tr("A linear layer trains faster than a softmax layer."),
             self.tr("Softmax cannot be differentiated, so it must stay out of the network."),
             self.tr("So that model.predict gives probabilities.")),
            0,
            self.tr("With from_logits=True the loss is computed as log Σ e<sup>z<sub>k</sub></sup> − z<sub>y</sub> "
                    "with the largest logit taken out first: no e<sup>z</sup> overflows and no probability rounds "
                    "to 0. The price: the model outputs logits z, and you apply softmax yourself to get "
                    "probabilities (the app's bars do)."))

    # ------------------------------------------------------------------------------------ numbers
    def refresh(self) -> None:
        prediction, description = self.context.prediction, self.context.description
        if prediction is not None and description is not None:
            self.logits = sm.logits_of(description, prediction)
            self.temperature = float(prediction.temperature)
            self.from_drawing = True
        else:
            self.logits = np.asarray(sm.COURSE_LOGITS, np.float32)
            self.temperature = 1.0
            self.from_drawing = False
        self.table = sm.softmax_table(self.logits, self.temperature)
        self._show_table()
        self._reset_labels(prediction.digit if self.from_drawing else len(self.logits) - 1)
        self._show_losses()

    def _show_table(self) -> None:
        t = self.table
        n = len(t.logits)
        if self.from_drawing:
            self.source.setText(self.tr("Your drawing's logits, from the output layer of <b>{model}</b>:").format(
                model=i18n.model_label(self.context.model_label) or self.context.description.name))
        else:
            self.source.setText(self.tr("<i>Draw a digit to see your numbers.</i> Meanwhile, the course's "
                                        "example with four classes, z = (1, 2, 3, 4):"))
        bar = self.tr("bar")
        rows = [f"<tr><th>j</th><th>z<sub>j</sub></th><th>e<sup>z<sub>j</sub></sup></th>"
                f"<th>a<sub>j</sub></th><th>{bar}</th></tr>"]
        top = int(np.argmax(t.logits))
        for j in range(n):
            weight = " style='font-weight:600'" if j == top else ""
            rows.append(f"<tr{weight}><td>{j}</td><td>{value_text(t.logits[j], 3)}</td>"
                        f"<td>{value_text(t.exps[j], 3)}</td><td>{value_text(t.softmax[j], 5)}</td>"
                        f"<td>{value_text(t.bars[j], 5)}</td></tr>")
        self.table_label.setText("<table cellspacing='0' cellpadding='2' style='margin-left:4px'>"
                                 + "".join(rows) + "</table>")
        self.sum_label.setText(self.tr(
            "Σ<sub>k</sub> e<sup>z<sub>k</sub></sup> = {total}; each a<sub>j</sub> = e<sup>z<sub>j</sub></sup> / "
            "{total}, and the a<sub>j</sub> add up to 1. The largest logit, z<sub>{top}</sub>, gets the largest "
            "probability.").format(total=value_text(t.total, 3), top=top))
        self.bar_item.setOpts(x=np.arange(n), height=t.bars)
        self.plot.setXRange(-0.6, n - 0.4, padding=0)
        self.plot.getAxis("bottom").setTicks([[(j, str(j)) for j in range(n)]])
        if self.from_drawing:
            self.temperature_label.setText(self.tr(
                "The app's bars (above, and the last column) divide the logits by the model's calibration "
                "temperature T = {T} first: bar<sub>j</sub> = softmax(z / T)<sub>j</sub>. That makes the "
                "confidence honest without changing which digit wins.").format(T=i18n.number(t.temperature, 4)))
        else:
            self.temperature_label.setText(self.tr(
                "With a drawing, the last column is the app's bar: softmax(z / T), with the model's "
                "calibration temperature T."))

    def _reset_labels(self, chosen: int) -> None:
        """The label y's choices: one per logit; the network's answer chosen after a new drawing."""
        self.label_box.blockSignals(True)
        if self.label_box.count() != len(self.logits):
            self.label_box.clear()
            self.label_box.addItems([str(j) for j in range(len(self.logits))])
        self.label_box.setCurrentIndex(chosen)
        self.label_box.blockSignals(False)

    def scale(self) -> int:
        return self.scale_slider.value()

    def label(self) -> int:
        return max(0, self.label_box.currentIndex())

    def _show_losses(self, *_) -> None:
        self.scale_value.setText(f"×{self.scale()}")
        c = self.comparison = sm.loss_comparison(self.logits, self.label(), self.scale())
        bad = "color:#c0392b; font-weight:600"
        good = "color:#1f8a4c; font-weight:600"

        def cell(x, ok=True):
            style = "" if ok and math.isfinite(x) else f" style='{bad}'"
            return f"<td{style}>{value_text(x, 6, 5)}</td>"

        first, second = self.tr("softmax first"), self.tr("from logits")
        largest, total, loss = self.tr("largest exponential"), self.tr("sum of exponentials"), self.tr("loss")
        rows = [
            f"<tr><th></th><th>{first}</th><th>{second}</th></tr>",
            f"<tr><td>{largest}</td>{cell(c.naive_max_exp)}<td>1</td></tr>",
            f"<tr><td>{total}</td>{cell(c.naive_total)}{cell(c.stable_total)}</tr>",
            f"<tr><td>a<sub>y</sub></td>{cell(c.naive_a_y, c.naive_a_y > 0)}<td>—</td></tr>",
            f"<tr><td><b>{loss}</b></td>{cell(c.naive_loss)}{cell(c.stable_loss)}</tr>",
        ]
        self.loss_table.setText("<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>")
        exact = value_text(c.exact_loss, 6, 5)
        if c.naive_fails:
            first = self.tr("<span style='{style}'>Softmax first breaks:</span> {why}").format(
                style=bad, why=(self.tr("e<sup>z</sup> overflowed float32 (largest ≈ 3.4·10<sup>38</sup>, "
                                        "so z above 88.7), and inf / inf is nan.")
                                if math.isnan(c.naive_loss) else
                                self.tr("a<sub>y</sub> rounded to 0 and −log 0 is infinite.")))
        else:
            first = self.tr("Softmax first gives {loss}: off by {error}.").format(
                loss=value_text(c.naive_loss, 6, 5), error=value_text(c.naive_error, 6, 2) if c.naive_error else "0")
        second = self.tr("<span style='{style}'>From the logits:</span> {loss}; the exact value (float64) is "
                         "{exact}.").format(style=good, loss=value_text(c.stable_loss, 6, 5), exact=exact)
        self.verdict.setText(first + "<br>" + second)

    # ------------------------------------------------------------------------------------- words
    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "<b>From logits to probabilities.</b> The output layer computes ten numbers "
            "z<sub>j</sub> = w<sub>j</sub>·a + b<sub>j</sub>, one per digit: the <i>logits</i>. Softmax turns "
            "them into probabilities: a<sub>j</sub> = e<sup>z<sub>j</sub></sup> / Σ<sub>k</sub> "
            "e<sup>z<sub>k</sub></sup>."))
        direct, roundabout = sm.course_roundoff()
        self.roundoff_label.setText(self.tr(
            "<b>Why from_logits=True.</b> Computers round. In float32, as the course shows, 2 / 10 000 = {direct} "
            "but (1 + 1/10 000) − (1 − 1/10 000) = {roundabout}: the same number, reached a longer way, is "
            "rounded worse.").format(direct=i18n.number(direct, 9), roundabout=i18n.number(roundabout, 9)))
        self.ways_label.setText(self.tr(
            "The loss of a drawing with label y is −log a<sub>y</sub>. <i>Softmax first</i> computes every "
            "e<sup>z<sub>k</sub></sup>, their sum, a<sub>y</sub>, then the log. <i>From the logits</i> "
            "(from_logits=True) computes log Σ e<sup>z<sub>k</sub> − m</sup> + m − z<sub>y</sub> with m the "
            "largest logit: the same number, with nothing huge or tiny on the way. Scale your logits up to see "
            "the difference (a confident network has large logits)."))
        self.scale_caption.setText(self.tr("Logits ×"))
        self.label_caption.setText(self.tr("Label y:"))
        self.plot.setLabel("left", self.tr("bar"))
        self.plot.setLabel("bottom", self.tr("digit j"))
        self.refresh()

"""Lesson: choosing activations — sigmoid, relu and linear, and why hidden layers must not be linear.

Step 1 the three functions g(z) with the z of the drawing's most active neuron (the first Dense
layer's) marked on them; step 2 the 25-15-10 network trained with relu hidden layers and with
linear ones (NumPy, on a worker thread), two loss curves and the test accuracies; step 3 the linear
network as one linear map W = W1·W2·W3. Numbers from ``engine.lessons.activations``.
"""
from __future__ import annotations

import threading

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from engine.lessons import activations as act
from engine.lessons import training_math as tm
from gui import i18n, theme
from gui.learn.lesson import Lesson, Question, paragraph, step_page
from gui.learn.lessons.training import BackgroundRun, small_plot, start_stop_row
from gui.workers import Worker

EPOCHS = 10
SMOOTHING = 25          # batches in each point of the loss curves
PARAMETERS = sum(n_in * n_out + n_out for n_in, n_out in zip(tm.COURSE_SIZES[:-1], tm.COURSE_SIZES[1:]))
_GREEN = "#16a34a"


def scientific(x: float) -> str:
    """A small number as "1.2e−07" ("1,2e−07" in Turkish)."""
    text = f"{x:.1e}".replace("-", "−")
    return text.replace(".", ",") if i18n.current() == i18n.TURKISH else text


class ActivationsLesson(BackgroundRun, Lesson):
    lesson_id = "activations"


    # ----- steps ------------------------------------------------------------------------------------
    def make_steps(self) -> list[QWidget]:
        self.neuron: act.NeuronOnShow | None = None
        self.neuron_source = ""          # "drawing" or "mnist"
        self._worker: Worker | None = None
        self._stop_event = threading.Event()
        self._state = "idle"             # idle, running, stopped, done, failed
        self._error = ""
        self._epochs, self._per_epoch = EPOCHS, 1
        self._losses: dict[str, list[float]] = {"relu": [], "linear": []}
        self.comparison: act.Comparison | None = None
        self.linear_network = tm.init_dense_network(tm.COURSE_SIZES, act.hidden_activations("linear"), 0)
        self.linear_trained = False
        self.map_check: tuple[tuple[int, int], float] | None = None

        palette = self.palette()
        blue, orange, green = theme.accent(palette), theme.unsure(palette), QColor(_GREEN)
        self.colours = {"sigmoid": orange, "relu": blue, "linear": green}

        # Step 1: three functions
        self.intro = paragraph()
        self.g_plot = small_plot(220)
        item = self.g_plot.getPlotItem()
        item.addLegend(offset=(6, 6), labelTextSize="8pt")
        self.g_curves, self.g_points = {}, {}
        pens = {"linear": pg.mkPen(green, width=2, style=Qt.PenStyle.DashLine), "sigmoid": pg.mkPen(orange, width=2.5),
                "relu": pg.mkPen(blue, width=2.5)}
        for name in ("linear", "sigmoid", "relu"):      # relu drawn last: on top of linear where z > 0
            self.g_curves[name] = item.plot([], [], pen=pens[name], name=name)
        for name in ("linear", "sigmoid", "relu"):
            point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(self.colours[name]), pen=pg.mkPen("w"))
            item.addItem(point)
            self.g_points[name] = point
        self.z_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.muted(palette), width=1, style=Qt.PenStyle.DashLine))
        item.addItem(self.z_line)
        self.neuron_text = paragraph()
        self.choose_text = paragraph()

        # Step 2: relu vs linear hidden layers
        self.compare_intro = paragraph()
        buttons = start_stop_row(self)
        self.loss_plot = small_plot(220)
        item = self.loss_plot.getPlotItem()
        self.loss_legend = item.addLegend(offset=(-6, 6), labelTextSize="8pt")
        self.loss_curves = {
            "relu": item.plot([], [], pen=pg.mkPen(blue, width=2), name="relu"),
            "linear": item.plot([], [], pen=pg.mkPen(green, width=2), name="linear")}
        item.setYRange(0, 2.5, padding=0)
        self.compare_status = paragraph()

        # Step 3: one linear map
        self.map_intro = paragraph()
        self.map_numbers = paragraph()
        self.map_after = paragraph()

        return [step_page(self.intro, self.g_plot, self.neuron_text, self.choose_text),
                step_page(self.compare_intro, buttons, self.loss_plot, self.compare_status),
                step_page(self.map_intro, self.map_numbers, self.map_after)]

    def make_question(self) -> Question:
        return Question(
            self.tr("Why does the course use relu, not linear activations, in the hidden layers?"),
            (self.tr("Linear layers compose into one linear map: the network could compute no more than "
                     "linear (or logistic / softmax) regression."),
             self.tr("Linear activations are slower to compute."),
             self.tr("The gradient of a linear activation is always zero."),
             self.tr("Linear activations cannot give negative numbers.")),
            0,
            self.tr("x·W1·W2·W3 + … is x·W + b for one matrix W: stacking linear layers adds parameters but "
                    "not power. A relu bends the line, and many bends together fit any shape."))

    # ----- words ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for plot in (self.g_plot, self.loss_plot):
            for side in ("bottom", "left"):
                axis = plot.getPlotItem().getAxis(side)
                axis.picture = None          # the tick numbers are written again
                axis.update()
        self.intro.setText(self.tr(
            "<b>Three activations.</b> A unit computes z = w·a + b and outputs a = g(z). The course's three "
            "choices: sigmoid g(z) = 1/(1 + e<sup>−z</sup>), relu g(z) = max(0, z), and linear g(z) = z."))
        self.choose_text.setText(self.tr(
            "<b>Choosing.</b> Output layer: sigmoid for a yes/no label, linear for a number that can be "
            "negative, relu for a number that cannot. Hidden layers: relu, the most common choice: it is quick "
            "and it is flat on one side only, so gradient descent does not slow down where sigmoid goes flat."))
        self.compare_intro.setText(self.tr(
            "<b>Try linear hidden layers.</b> Start trains the course's 25-15-10 network twice on {n} MNIST "
            "images for {epochs} epochs, from the same random weights: once with relu hidden layers, once with "
            "linear ones. Adam, batches of 32; each curve is the loss averaged over the last {window} batches.").format(
                n=i18n.integer(tm.SUBSET_SIZE), epochs=EPOCHS, window=SMOOTHING))
        self.loss_plot.getPlotItem().getAxis("bottom").setLabel(self.tr("epoch"))
        self.loss_plot.getPlotItem().getAxis("left").setLabel(self.tr("loss"))
        self.start_button.setText(self.tr("Start"))
        self.stop_button.setText(self.tr("Stop"))
        self.map_intro.setText(self.tr(
            "<b>Linear layers are one linear map.</b> With g(z) = z every layer is a<sup>[l]</sup> = "
            "a<sup>[l−1]</sup>·W<sup>[l]</sup> + b<sup>[l]</sup>, so the whole network is "
            "x·W<sup>[1]</sup>·W<sup>[2]</sup>·W<sup>[3]</sup> + b = x·W + b with W = "
            "W<sup>[1]</sup>·W<sup>[2]</sup>·W<sup>[3]</sup> and "
            "b = (b<sup>[1]</sup>·W<sup>[2]</sup> + b<sup>[2]</sup>)·W<sup>[3]</sup> + b<sup>[3]</sup>."))
        self.map_after.setText(self.tr(
            "So the linear network is softmax regression in disguise: {big} parameters that can only do what "
            "{small} do. Relu hidden layers are what makes the extra layers worth having.").format(
                big=i18n.integer(PARAMETERS), small=i18n.integer(784 * 10 + 10)))
        self._show_neuron()
        self._show_comparison()
        self._show_map()

    # ----- numbers ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        description = self.context.description
        prediction = self.context.prediction
        self.neuron = None
        if description is not None:
            if prediction is not None:
                self.neuron_source = "drawing"
                self.neuron = act.neuron_on_show(description, prediction.image, prediction.activations)
            else:
                self.neuron_source = "mnist"
                self.neuron = act.neuron_on_show(description, tm.mnist_example(0)[0])
        self._show_neuron()
        self._show_map()

    def _model_name(self) -> str:
        return i18n.model_label(self.context.model_label) or self.tr("the model in use")

    def _show_neuron(self) -> None:
        n = self.neuron
        z_low, z_high = -6.0, 6.0
        if n is not None:
            z_low, z_high = min(z_low, n.z - 1.0), max(z_high, n.z + 1.0)
        z, g = act.curves(z_low, z_high)
        for name in act.CURVE_NAMES:
            self.g_curves[name].setData(z, g[name])
        item = self.g_plot.getPlotItem()
        item.setXRange(z_low, z_high, padding=0.02)
        item.setYRange(-2.0, max(6.0, z_high), padding=0.02)
        if n is None:
            for point in self.g_points.values():
                point.setData([], [])
            self.z_line.hide()
            self.neuron_text.setText(self.tr("No model with a dense layer is loaded: nothing to mark."))
            return
        for name in act.CURVE_NAMES:
            self.g_points[name].setData([n.z], [n.g[name]])
        self.z_line.setValue(n.z)
        self.z_line.show()
        where = (self.tr("Your drawing, through {model}:") if self.neuron_source == "drawing"
                 else self.tr("Draw a digit to see your numbers. Meanwhile: an MNIST test image, through {model}:")
                 ).format(model=self._model_name())
        self.neuron_text.setText(where + "<br>" + self.tr(
            "the most active unit of the first dense layer ({layer}) is unit {unit} of {units}: "
            "z = <b>{z}</b>.<br>sigmoid(z) = {sigmoid}, relu(z) = {relu}, linear(z) = {linear}.<br>"
            "This layer uses {activation}: a = {a}.").format(
                layer=n.layer_name, unit=n.unit + 1, units=n.units, z=i18n.number(n.z, 3),
                sigmoid=i18n.number(n.g["sigmoid"], 3), relu=i18n.number(n.g["relu"], 3),
                linear=i18n.number(n.g["linear"], 3), activation=n.activation, a=i18n.number(n.a, 3)))

    # ----- training --------------------------------------------------------------------------------

    def start_training(self, epochs: int = EPOCHS, n: int = tm.SUBSET_SIZE) -> None:
        """Train relu and linear hidden layers off the UI thread (``epochs``, ``n``: smaller in tests)."""
        if self.is_training():
            return
        self._stop_event = threading.Event()
        stop_event = self._stop_event
        self._epochs, self._per_epoch = epochs, -(-n // 32)
        self._losses = {"relu": [], "linear": []}
        self.comparison = None
        self._state = "running"
        for curve in self.loss_curves.values():
            curve.setData([], [])
        self.loss_plot.getPlotItem().setXRange(0, epochs, padding=0.02)
        worker = Worker(act.compare_training, epochs, n, 32, 0.001, 0,
                        lambda *a: worker.progress.emit(a), stop_event.is_set, name="learn-activations")
        worker.progress.connect(self._on_progress)
        worker.returned.connect(self._on_returned)
        worker.errored.connect(self._on_errored)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._show_comparison()
        worker.start()


    def _on_progress(self, report) -> None:
        hidden, _epoch, _index, _per_epoch, loss = report
        self._losses[hidden].append(loss)
        losses = self._losses[hidden]
        if len(losses) % 8 == 0 or len(losses) == self._epochs * self._per_epoch:
            self._draw_curve(hidden)
        self._show_comparison()

    def _draw_curve(self, hidden: str) -> None:
        losses = np.asarray(self._losses[hidden])
        x = np.arange(1, len(losses) + 1) / self._per_epoch
        self.loss_curves[hidden].setData(x, act.moving_average(losses, SMOOTHING))

    def _on_returned(self, result: act.Comparison) -> None:
        self.comparison = result
        self._state = "stopped" if result.stopped else "done"
        if "linear" in result.accuracy:
            self.linear_network, self.linear_trained = result.networks["linear"], True

    def _on_errored(self, message: str) -> None:
        self._state, self._error = "failed", message

    def _on_finished(self) -> None:
        for hidden in self._losses:
            self._draw_curve(hidden)
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self._show_comparison()
        self._show_map()

    def _show_comparison(self) -> None:
        state = self._state
        if state == "idle":
            self.compare_status.setText(self.tr("Press Start to train both networks."))
            return
        if state == "failed":
            self.compare_status.setText(self.tr("Training failed: {error}").format(error=self._error))
            return
        lines = []
        for hidden in ("relu", "linear"):
            losses = self._losses[hidden]
            if not losses:
                continue
            loss = i18n.number(float(np.mean(losses[-self._per_epoch:])), 3)
            if self.comparison is not None and hidden in self.comparison.accuracy:
                lines.append(self.tr("{hidden} hidden layers: last epoch's mean loss {loss}, test accuracy "
                                     "<b>{accuracy}</b>").format(
                    hidden=hidden, loss=loss, accuracy=i18n.percent(self.comparison.accuracy[hidden], 1)))
            else:
                lines.append(self.tr("{hidden} hidden layers: last epoch's mean loss {loss}").format(
                    hidden=hidden, loss=loss))
        if state == "stopped":
            lines.append(self.tr("Stopped."))
        elif state == "done":
            lines.append(self.tr("Test accuracy on {n} MNIST test images.").format(n=i18n.integer(tm.TEST_SIZE)))
            relu, linear = (float(np.mean(self._losses[h][-self._per_epoch:])) for h in ("relu", "linear"))
            if relu < linear:
                lines.append(self.tr("Relu hidden layers reach the lower loss: the linear network, however many "
                                     "layers it has, can only draw straight boundaries between the digits."))
        elif not lines:
            lines.append(self.tr("Training…"))
        self.compare_status.setText("<br>".join(lines))

    def _show_map(self) -> None:
        network = self.linear_network
        W, b = act.composed_linear_map(network)
        X, _ = tm.mnist_test_subset(100)
        difference = float(np.max(np.abs(tm.predict_logits(network, X) - (X @ W + b))))
        self.map_check = (W.shape, difference)
        which = (self.tr("The linear network trained in step 2:") if self.linear_trained
                 else self.tr("A linear 25-15-10 network with random weights (train it in step 2 to see the trained one):"))
        shapes = " · ".join("{0}×{1}".format(*Wl.shape) for Wl in network.weights)
        self.map_numbers.setText(which + "<br>" + self.tr(
            "W = W<sup>[1]</sup>·W<sup>[2]</sup>·W<sup>[3]</sup>: {shapes} = <b>{rows}×{columns}</b>, one matrix "
            "(plus b, {columns} numbers).<br>On 100 MNIST test images the network's logits and x·W + b differ by at "
            "most <b>{difference}</b>.").format(
                shapes=shapes, rows=W.shape[0], columns=W.shape[1], difference=scientific(difference)))

    # ----- screenshots --------------------------------------------------------------------------------

    def demo(self, page: int) -> None:
        if page == 1 and self.comparison is None and not self.is_training():
            self.start_training()

"""Lesson: training a network — the model, the loss, and gradient descent minimising the cost.

Step 1 the course's three steps with their Keras lines; step 2 binary cross-entropy of the drawing
(f = the model's P(digit)); step 3 the cost J of a batch of 8 MNIST test images through the model
in use; step 4 ``fit`` running: the course's 25-15-10 network trained in NumPy on a worker thread
with its loss plotted live. Every number comes from ``engine.lessons.training_math``.
"""
from __future__ import annotations

import math
import threading

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from engine.lessons import training_math as tm
from gui import i18n, theme
from gui.learn.lesson import Lesson, Question, paragraph, step_page
from gui.training.loss_plot import LossPlot
from gui.workers import Worker

EPOCHS = 10
BATCH = 8

CODE = ("<pre style='margin:0'>"
        "model = Sequential([\n"
        "    Dense(25, activation='relu'),\n"
        "    Dense(15, activation='relu'),\n"
        "    Dense(10, activation='linear')])\n"
        "model.compile(loss=BinaryCrossentropy())\n"
        "model.fit(X, y, epochs=100)</pre>")


def thumbnail(image: np.ndarray, size: int = 28) -> QPixmap:
    """A 28×28 image (0..1, white ink on black) as a small pixmap, dark ink on white."""
    pixels = np.ascontiguousarray(255 - np.clip(image * 255, 0, 255).astype(np.uint8))
    qimage = QImage(pixels.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)


def start_stop_row(lesson) -> QWidget:
    """Start and Stop for a lesson that trains (``lesson.start_training`` / ``lesson.request_stop``);
    the buttons become ``lesson.start_button`` and ``lesson.stop_button``."""
    lesson.start_button, lesson.stop_button = QPushButton(), QPushButton()
    lesson.start_button.clicked.connect(lesson.start_training)
    lesson.stop_button.clicked.connect(lesson.request_stop)
    lesson.stop_button.setEnabled(False)
    buttons = QWidget()
    row = QHBoxLayout(buttons)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(lesson.start_button)
    row.addWidget(lesson.stop_button)
    row.addStretch(1)
    return buttons


class BackgroundRun:
    """For a lesson whose training runs in ``self._worker`` and stops on ``self._stop_event``:
    whether it runs, asking it to stop, and stopping it for good (joined) when the window closes."""

    def is_training(self) -> bool:
        return self._worker is not None and self._worker.is_running()

    def busy(self) -> bool:
        return self.is_training()

    def request_stop(self) -> None:
        self._stop_event.set()

    def stop(self) -> None:
        self._stop_event.set()
        if self._worker is not None:
            self._worker.wait()


class NumberAxis(pg.AxisItem):
    """Tick numbers written the language's way ("0.5" / "0,5")."""

    def tickStrings(self, values, scale, spacing):
        if self.logMode or spacing * scale <= 0:
            return super().tickStrings(values, scale, spacing)
        places = max(0, math.ceil(-math.log10(spacing * scale)))
        return [i18n.number(v * scale, places) for v in values]


def small_plot(height: int = 170) -> pg.PlotWidget:
    """A plot for a lesson step: no menu, no mouse, a light grid, numbers in the language's way."""
    plot = pg.PlotWidget(background=None, axisItems={"bottom": NumberAxis("bottom"), "left": NumberAxis("left")})
    plot.setMinimumHeight(height)
    plot.setMaximumHeight(height + 40)
    plot.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    item.showGrid(x=True, y=True, alpha=0.15)
    return plot


class TrainingLesson(BackgroundRun, Lesson):
    lesson_id = "training"


    # ----- steps ------------------------------------------------------------------------------------
    def make_steps(self) -> list[QWidget]:
        self._worker: Worker | None = None
        self._stop_event = threading.Event()
        self.example = None            # tm.ExampleLoss on show
        self.example_source = ""       # "drawing" or "mnist"
        self.batch: tm.BatchCost | None = None
        self._batch_for = None
        self.fit_result: tm.FitResult | None = None
        self.epoch_results: list[tuple[int, float, float]] = []
        self.batches_seen = 0
        self._last_batch = (0, 0.0)
        self._epochs = EPOCHS

        # Step 1: the three steps
        self.intro = paragraph()
        self.code = QLabel(CODE)
        self.code.setTextFormat(Qt.TextFormat.RichText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("font-family: monospace; padding: 6px; border: 1px solid palette(mid);")
        self.three_steps = paragraph()
        self.model_note = paragraph()

        # Step 2: the loss of one example
        self.loss_intro = paragraph()
        self.loss_numbers = paragraph()
        self.loss_plot = small_plot()
        item = self.loss_plot.getPlotItem()
        item.addLegend(offset=(-6, 6), labelTextSize="8pt")
        f = np.linspace(0.005, 0.995, 199)
        palette = self.palette()
        blue, orange = theme.accent(palette), theme.unsure(palette)
        self.curve_yes = item.plot(f, -np.log(f), pen=pg.mkPen(blue, width=2), name="y = 1")
        self.curve_no = item.plot(f, -np.log(1 - f), pen=pg.mkPen(orange, width=2), name="y = 0")
        self.point_yes = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(blue), pen=pg.mkPen("w"))
        self.point_no = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(orange), pen=pg.mkPen("w"))
        item.addItem(self.point_yes)
        item.addItem(self.point_no)
        item.setXRange(0, 1, padding=0.02)
        item.setYRange(0, 5.5, padding=0)
        self.loss_after = paragraph()

        # Step 3: the cost of a batch
        self.cost_intro = paragraph()
        self.cost_source = paragraph()
        grid_box = QWidget()
        self.grid = QGridLayout(grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.headers = [QLabel() for _ in range(4)]
        for column, label in enumerate(self.headers):
            label.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(label, 0, column)
        self.rows = []
        for row in range(BATCH):
            cells = [QLabel() for _ in range(4)]
            for column, cell in enumerate(cells):
                if column:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(cell, row + 1, column)
            self.rows.append(cells)
        self.grid.setColumnStretch(4, 1)
        self.cost_total = paragraph()
        self.cost_after = paragraph()

        # Step 4: fit
        self.fit_intro = paragraph()
        buttons = start_stop_row(self)
        self.fit_plot = LossPlot()
        self.fit_plot.setMinimumHeight(220)
        self.fit_status = paragraph()
        self.fit_after = paragraph()
        self._fit_state = "idle"       # idle, running, stopped, done, failed
        self._fit_error = ""

        return [step_page(self.intro, self.code, self.three_steps, self.model_note),
                step_page(self.loss_intro, self.loss_numbers, self.loss_plot, self.loss_after),
                step_page(self.cost_intro, self.cost_source, grid_box, self.cost_total, self.cost_after),
                step_page(self.fit_intro, buttons, self.fit_plot, self.fit_status, self.fit_after)]

    def make_question(self) -> Question:
        right = i18n.number(-np.log(0.9), 3)
        return Question(
            self.tr("A drawing of a 3 gets f = P(3) = {f}, and its label is y = 1. What is its loss "
                    "L = −y log f − (1 − y) log(1 − f)?").format(f=i18n.number(0.9, 1)),
            (self.tr("−log {f} ≈ {loss}").format(f=i18n.number(0.9, 1), loss=right),
             self.tr("−log {f} ≈ {loss}").format(f=i18n.number(0.1, 1), loss=i18n.number(-np.log(0.1), 3)),
             i18n.number(0.9, 1),
             self.tr("0, because the answer is right")),
            0,
            self.tr("With y = 1 only the first term counts: L = −log f. A confident right answer (f near 1) "
                    "costs little; the loss grows without bound as f goes to 0. It is never exactly 0 "
                    "unless f = 1."))

    # ----- words ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for plot in (self.loss_plot,):
            for side in ("bottom", "left"):
                axis = plot.getPlotItem().getAxis(side)
                axis.picture = None          # the tick numbers are written again
                axis.update()
        self.intro.setText(self.tr(
            "<b>Training in three steps.</b> The course trains a network with three lines of Keras:"))
        self.three_steps.setText(self.tr(
            "<b>1. Specify the model</b> f<sub>w,b</sub>(x): the layers, their units and activations.<br>"
            "<b>2. Specify the loss and the cost</b>: the loss L(f(x), y) of one example; the cost J(w, b) "
            "is the average loss over all m training examples.<br>"
            "<b>3. Minimise the cost</b>: <code>fit</code> runs gradient descent, "
            "w = w − α ∂J/∂w, with the derivatives computed by backpropagation."))
        self.headers[0].setText(self.tr("image"))
        self.headers[1].setText(self.tr("label y"))
        self.headers[2].setText(self.tr("P(y)"))
        self.headers[3].setText(self.tr("loss L"))
        self.loss_intro.setText(self.tr(
            "<b>The loss of one example.</b> For a yes/no question the course uses binary cross-entropy: "
            "L(f, y) = −y log f − (1 − y) log(1 − f), where f is the model's probability of “yes”."))
        self.loss_after.setText(self.tr(
            "Blue: −log f, the loss when the answer is “yes” (y = 1). Orange: −log(1 − f), the loss when it is "
            "“no” (y = 0). The dots are your drawing's f."))
        self.cost_intro.setText(self.tr(
            "<b>The cost of a batch.</b> The cost J is the average of the examples' losses: "
            "J = (1/m) Σ L<sup>(i)</sup>. With ten digits the loss is −log softmax(z)<sub>y</sub>: what "
            "<code>SparseCategoricalCrossentropy(from_logits=True)</code> computes from the logits z."))
        self.cost_after.setText(self.tr(
            "A confident right answer adds almost nothing; a wrong one adds a lot. Training changes "
            "the weights to make J smaller."))
        self.fit_intro.setText(self.tr(
            "<b>Fit: the loss falls.</b> Start trains the course's 25-15-10 network (relu, relu, linear) on "
            "{n} MNIST images for {epochs} epochs: Adam, batches of 32, the loss from the logits, "
            "backpropagation written out in NumPy. The faint curve is each batch's cost J; the dots, the cost and "
            "accuracy on {test} MNIST test images after each epoch.").format(
                n=i18n.integer(tm.SUBSET_SIZE), epochs=EPOCHS, test=i18n.integer(tm.TEST_SIZE)))
        self.start_button.setText(self.tr("Start"))
        self.stop_button.setText(self.tr("Stop"))
        self.fit_after.setText(self.tr(
            "The network on show in the app is not changed: this one is trained here, from new random weights."))
        self._show_model_note()
        self._show_example()
        self._show_batch()
        self._show_fit_status()

    # ----- numbers ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        description = self.context.description
        prediction = self.context.prediction
        self.example_source = "drawing" if prediction is not None else "mnist"
        self.example = None
        if prediction is not None:
            self.example = tm.example_loss(prediction.probabilities)
        elif description is not None:
            image, _label = tm.mnist_example(0)
            self.example = tm.example_loss(tm.probabilities_of(description, image))
        if description is None:
            self.batch = None
        elif self._batch_for is not description:
            self.batch = tm.batch_of(description, m=BATCH)
            self._batch_for = description
        self._show_model_note()
        self._show_example()
        self._show_batch()

    def _model_name(self) -> str:
        return i18n.model_label(self.context.model_label) or self.tr("the model in use")

    def _show_model_note(self) -> None:
        self.model_note.setText(self.tr(
            "The app's models were trained this way, with <code>SparseCategoricalCrossentropy(from_logits=True)</code> "
            "for ten digits and Adam instead of plain gradient descent. Numbers in this lesson: {model}.").format(
                model=self._model_name()))

    def _show_example(self) -> None:
        e = self.example
        if e is None:
            self.loss_numbers.setText(self.tr("No model is loaded yet."))
            self.point_yes.setData([], [])
            self.point_no.setData([], [])
            return
        if self.example_source == "drawing":
            where = self.tr("Your drawing, through {model} (calibrated softmax):").format(model=self._model_name())
        else:
            where = self.tr("Draw a digit to see your numbers. Meanwhile: an MNIST test image, through {model}:"
                            ).format(model=self._model_name())
        self.loss_numbers.setText(where + "<br>" + self.tr(
            "Question: “is it a {d}?” The model's answer is f = P({d}) = <b>{f}</b>.<br>"
            "If it is a {d} (y = 1): L = −log f = <b>{yes}</b>.<br>"
            "If it is not a {d} (y = 0): L = −log(1 − f) = <b>{no}</b>.").format(
                d=e.digit, f=i18n.number(e.f, 4), yes=i18n.number(e.loss_if_yes, 4), no=i18n.number(e.loss_if_no, 4)))
        f = float(np.clip(e.f, 0.005, 0.995))
        self.point_yes.setData([f], [min(e.loss_if_yes, 5.4)])
        self.point_no.setData([f], [min(e.loss_if_no, 5.4)])

    def _show_batch(self) -> None:
        b = self.batch
        if b is None:
            self.cost_source.setText(self.tr("No model is loaded yet."))
            self.cost_total.clear()
            for cells in self.rows:
                for cell in cells:
                    cell.clear()
            return
        self.cost_source.setText(self.tr(
            "A batch of {m} MNIST test images through {model} (logits, no calibration): the first {first}, and "
            "the first one the model gets wrong (test image {wrong}).").format(
                m=len(b.labels), first=len(b.labels) - 1, model=self._model_name(), wrong=int(b.indices[-1]) + 1))
        wrong = np.argmax(b.logits, axis=1) != b.labels
        for i, cells in enumerate(self.rows):
            cells[3].setStyleSheet("color: #c0392b; font-weight: 600;" if wrong[i] else "")
            cells[0].setPixmap(thumbnail(b.images[i], 26))
            cells[1].setText(str(int(b.labels[i])))
            cells[2].setText(i18n.number(b.p_label[i], 4))
            cells[3].setText(i18n.number(b.losses[i], 4))
        terms = " + ".join(i18n.number(v, 3) for v in b.losses)
        self.cost_total.setText(self.tr("J = (1/{m}) ({terms}) = <b>{cost}</b>").format(
            m=len(b.labels), terms=terms, cost=i18n.number(b.cost, 4)))

    # ----- fit ------------------------------------------------------------------------------------------

    def start_training(self, epochs: int = EPOCHS, n: int = tm.SUBSET_SIZE) -> None:
        """Train the course network off the UI thread (``epochs``, ``n``: smaller in the tests)."""
        if self.is_training():
            return
        self._stop_event = threading.Event()
        stop_event = self._stop_event
        self.fit_result, self.epoch_results, self.batches_seen = None, [], 0
        self._epochs = epochs
        per_epoch = -(-n // 32)
        self.fit_plot.reset(epochs, per_epoch)
        worker = Worker(tm.fit_course_network, epochs, n, 32, 0.001, 0,
                        lambda *a: worker.progress.emit(("batch", a)),
                        lambda *a: worker.progress.emit(("epoch", a)),
                        stop_event.is_set, name="learn-training")
        worker.progress.connect(self._on_progress)
        worker.returned.connect(self._on_returned)
        worker.errored.connect(self._on_errored)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        self._fit_state = "running"
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._show_fit_status()
        worker.start()


    def _on_progress(self, report) -> None:
        kind, values = report
        if kind == "batch":
            epoch, index, per_epoch, loss = values
            self.batches_seen += 1
            self.fit_plot.add_batches(np.array([epoch + (index + 1) / per_epoch]), np.array([loss]))
            self._last_batch = (epoch, loss)
        else:
            epoch, test_loss, test_accuracy = values
            self.epoch_results.append((epoch, test_loss, test_accuracy))
            self.fit_plot.add_epoch(epoch + 1, test_loss, test_accuracy)
        self._show_fit_status()

    def _on_returned(self, result) -> None:
        self.fit_result = result
        self._fit_state = "stopped" if result.history.stopped else "done"

    def _on_errored(self, message: str) -> None:
        self._fit_state, self._fit_error = "failed", message

    def _on_finished(self) -> None:
        self.fit_plot.flush()
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self._show_fit_status()

    def _show_fit_status(self) -> None:
        state = self._fit_state
        if state == "idle":
            self.fit_status.setText(self.tr("Press Start to train."))
            return
        if state == "failed":
            self.fit_status.setText(self.tr("Training failed: {error}").format(error=self._fit_error))
            return
        parts = []
        if self.batches_seen:
            epoch, loss = self._last_batch
            parts.append(self.tr("Epoch {epoch} of {epochs}: batch loss {loss}").format(
                epoch=epoch + 1, epochs=self._epochs, loss=i18n.number(loss, 3)))
        if self.epoch_results:
            epoch, test_loss, test_accuracy = self.epoch_results[-1]
            parts.append(self.tr("after epoch {epoch}: test cost J = {loss}, test accuracy {accuracy}").format(
                epoch=epoch + 1, loss=i18n.number(test_loss, 3), accuracy=i18n.percent(test_accuracy, 1)))
        if state == "stopped":
            parts.append(self.tr("Stopped."))
        elif state == "done":
            parts.append(self.tr("Done: the loss fell from {first} to {last}.").format(
                first=i18n.number(self.fit_result.history.batch_losses[0], 3),
                last=i18n.number(self.fit_result.history.epoch_means()[-1], 3)))
        elif state == "running" and not parts:
            parts.append(self.tr("Training…"))
        self.fit_status.setText("<br>".join(parts))

    # ----- screenshots --------------------------------------------------------------------------------

    def demo(self, page: int) -> None:
        if page == 3 and self.fit_result is None and not self.is_training():
            self.start_training()

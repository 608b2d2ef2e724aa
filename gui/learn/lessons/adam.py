"""Lesson 7, "Adam": gradient descent and Adam train the same small network (the course's 25-15-10
relu) from the same initial weights on the same batches; two loss curves on one plot; then Adam's
per-parameter step sizes: a weight that keeps moving one way keeps large steps, one that zig-zags
gets small ones. Trained here in NumPy (``engine.lessons.optimizers``) off the UI thread.
"""
from __future__ import annotations

import threading

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from engine.lessons import optimizers as opt
from gui import i18n
from gui.learn.lesson import Lesson, Question, paragraph, step_page
from gui.workers import Worker

SGD_COLOUR, ADAM_COLOUR, ZIGZAG_COLOUR = (200, 90, 40), (40, 110, 200), (120, 170, 60)
LEARNING_RATES = (0.001, 0.01)
SMOOTH = 10          # steps averaged in the step-size plot


def smoothed(values: np.ndarray, width: int = SMOOTH) -> np.ndarray:
    """Running mean over ``width`` steps (the plot's lines; the raw steps are noisy)."""
    if len(values) < width:
        return np.asarray(values, float)
    return np.convolve(values, np.ones(width) / width, mode="valid")


class AdamLesson(Lesson):
    lesson_id = "adam"
    raceProgress = Signal(int, object)     # (run, (eval_steps, sgd_loss, adam_loss)) from the training thread


    # ------------------------------------------------------------------------------------ steps
    def make_steps(self) -> list[QWidget]:
        self._stop = threading.Event()
        self._worker: Worker | None = None
        self._run = 0
        self._closed = False          # stop() was called: nothing starts by itself any more
        self.results: dict[float, opt.RaceResult] = {}
        self.curves: tuple[list, list, list] = ([], [], [])
        self.error: str | None = None
        self.picked: tuple[opt.TrackedWeight, opt.TrackedWeight] | None = None
        self.raceProgress.connect(self._on_progress)

        # Step 1: the update rules
        self.rules = paragraph()
        self.equations = paragraph()
        self.idea = paragraph()

        # Step 2: the race
        self.race_intro = paragraph()
        self.rate_caption = QLabel()
        self.rate_box = QComboBox()
        self.rate_box.addItems([i18n.number(lr, 3) for lr in LEARNING_RATES])
        self.train_button = QPushButton()
        self.train_button.clicked.connect(self.start_race)
        self.rate_box.currentIndexChanged.connect(lambda *_: self.start_race())
        controls = QWidget()
        row = QHBoxLayout(controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rate_caption)
        row.addWidget(self.rate_box)
        row.addStretch(1)
        row.addWidget(self.train_button)
        self.loss_plot = self._plot(260)
        self.loss_plot.addLegend(offset=(10, -10))
        self.sgd_line = self.loss_plot.plot([], [], pen=pg.mkPen(SGD_COLOUR, width=2), name="SGD")
        self.adam_line = self.loss_plot.plot([], [], pen=pg.mkPen(ADAM_COLOUR, width=2), name="Adam")
        self.status = paragraph()
        self.outcome = paragraph()

        # Step 3: a learning rate per parameter
        self.steps_intro = paragraph()
        self.step_plot = self._plot(240)
        self.step_plot.setLogMode(y=True)
        self.step_plot.getAxis("left").enableAutoSIPrefix(False)
        superscript = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
        self.step_plot.getAxis("left").setTicks([[(k, "10" + str(k).translate(superscript))
                                                  for k in range(-8, 1)], []])   # log10 positions
        self.steady_line = self.step_plot.plot([], [], pen=pg.mkPen(ADAM_COLOUR, width=2))
        self.zigzag_line = self.step_plot.plot([], [], pen=pg.mkPen(ZIGZAG_COLOUR, width=2))
        self.sgd_step_line = self.step_plot.plot([], [], pen=pg.mkPen(SGD_COLOUR, width=2,
                                                                      style=pg.QtCore.Qt.PenStyle.DashLine))
        self.steps_legend = paragraph()
        self.steps_readout = paragraph()
        self.course_line = paragraph()

        return [step_page(self.rules, self.equations, self.idea),
                step_page(self.race_intro, controls, self.loss_plot, self.status, self.outcome),
                step_page(self.steps_intro, self.step_plot, self.steps_legend, self.steps_readout, self.course_line)]

    @staticmethod
    def _plot(height: int) -> pg.PlotWidget:
        plot = pg.PlotWidget(background=None)   # the palette's, like the app's other plots
        plot.setFixedHeight(height)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.showGrid(x=True, y=True, alpha=0.2)
        return plot

    def make_question(self) -> Question:
        return Question(
            self.tr("During training, one parameter's updates keep flipping direction, back and forth. "
                    "What does Adam do with it?"),
            (self.tr("It makes that parameter's steps smaller: its own learning rate goes down."),
             self.tr("It makes that parameter's steps larger to get out of the oscillation."),
             self.tr("Nothing: Adam uses one learning rate α for all parameters."),
             self.tr("It resets that parameter to its initial value.")),
            0,
            self.tr("Adam keeps, for every parameter, a running mean m of its gradients and v of their squares. "
                    "Gradients that flip sign cancel in m, so the step α·<span style='text-decoration:overline'>m</span>/(√<span style='text-decoration:overline'>v</span> + ε) shrinks; gradients that keep "
                    "their sign add up, and the step stays near α — much larger than gradient descent's α·g."))

    # ------------------------------------------------------------------------------------ training
    def learning_rate(self) -> float:
        return LEARNING_RATES[max(0, self.rate_box.currentIndex())]

    def start_race(self) -> None:
        """Train SGD and Adam at the chosen learning rate off the UI thread (again, if asked)."""
        self._halt()
        lr = self.learning_rate()
        self.results.pop(lr, None)
        self.error, self.picked = None, None
        self.curves = ([], [], [])
        self._stop = threading.Event()
        self._run += 1
        run, stop = self._run, self._stop

        def report(result: opt.RaceResult) -> None:
            self.raceProgress.emit(run, (list(result.eval_steps), list(result.sgd_loss), list(result.adam_loss)))

        def train():
            return run, lr, opt.race(lr, progress=report, should_stop=stop.is_set)

        self._worker = Worker(train, name="adam-race")
        # bound methods: the lesson receives them on the UI thread (a lambda would run on the worker's)
        self._worker.returned.connect(self._on_finished)
        self._worker.errored.connect(self._on_failed)
        self._worker.start()
        self.refresh()

    def is_training(self) -> bool:
        return self._worker is not None and self._worker.is_running()

    def _on_progress(self, run: int, curves) -> None:
        if run == self._run:
            self.curves = curves
            self._show_curves()
            self._show_status()

    def _on_finished(self, returned) -> None:
        run, lr, result = returned
        if run != self._run or not result.finished:
            return
        self.results[lr] = result
        self.curves = (result.eval_steps, result.sgd_loss, result.adam_loss)
        self.refresh()

    def _on_failed(self, message: str) -> None:
        if not self._stop.is_set():
            self.error = message
            self.refresh()

    def _halt(self) -> None:
        self._stop.set()
        if self._worker is not None:
            self._worker.wait()

    def stop(self) -> None:
        self._closed = True
        self._halt()

    # ------------------------------------------------------------------------------------ numbers
    def result(self) -> opt.RaceResult | None:
        return self.results.get(self.learning_rate())

    def refresh(self) -> None:
        if self.result() is None and not self.is_training() and self.error is None and not self._closed:
            self.start_race()          # the first showing starts the race; it ends in seconds
            return
        self._show_curves()
        self._show_status()
        self._show_steps()

    def _show_curves(self) -> None:
        steps, sgd, adam = self.curves
        self.sgd_line.setData(np.asarray(steps, float), np.asarray(sgd, float))
        self.adam_line.setData(np.asarray(steps, float), np.asarray(adam, float))

    def _show_status(self) -> None:
        result = self.result()
        lr = i18n.number(self.learning_rate(), 3)
        if self.error:
            self.status.setText(self.tr("Training failed: {error}").format(error=self.error))
            self.outcome.clear()
        elif result is None:
            steps = self.curves[0]
            self.status.setText(self.tr("Training both at α = {lr}… step {step} of {steps}.").format(
                lr=lr, step=i18n.integer(steps[-1] if steps else 0), steps=i18n.integer(opt.STEPS)))
            self.outcome.clear()
        else:
            sgd, adam = result.final()
            self.status.setText(self.tr("Both trained at α = {lr}, {steps} steps of {batch} images each.").format(
                lr=lr, steps=i18n.integer(result.steps), batch=i18n.integer(opt.BATCH)))
            text = self.tr("After {steps} steps the loss on the {count} images is <b>{sgd}</b> with gradient "
                           "descent and <b>{adam}</b> with Adam.").format(
                steps=i18n.integer(result.steps), count=i18n.integer(opt.SUBSET), sgd=i18n.number(sgd, 3),
                adam=i18n.number(adam, 3))
            if adam < sgd:
                text += " " + self.tr("Adam got there faster at the same learning rate.")
            else:
                text += " " + self.tr("Here gradient descent did better: at this α Adam's steps are too large.")
            self.outcome.setText(text)

    def _show_steps(self) -> None:
        result = self.result()
        if result is None:
            self.picked = None
            for line in (self.steady_line, self.zigzag_line, self.sgd_step_line):
                line.setData([], [])
            self.steps_legend.clear()
            self.steps_readout.setText(self.tr("The step sizes appear when the training of step 2 has finished."))
            return
        steady, zigzag = self.picked = opt.pick_weights(result)
        x = np.arange(SMOOTH, len(steady.adam_step) + 1, dtype=float)

        def positive(values):
            return np.maximum(smoothed(values), 1e-12)

        self.steady_line.setData(x, positive(steady.adam_step))
        self.zigzag_line.setData(x, positive(zigzag.adam_step))
        self.sgd_step_line.setData(x, positive(steady.sgd_step))
        def key(colour, dashed=False):
            mark = "╌╌" if dashed else "━━"
            return f"<span style='color:#{colour[0]:02x}{colour[1]:02x}{colour[2]:02x}'><b>{mark}</b></span>"

        self.steps_legend.setText("<br>".join([
            key(ADAM_COLOUR) + " " + self.tr("Adam, {name}").format(name=steady.name),
            key(ZIGZAG_COLOUR) + " " + self.tr("Adam, {name}").format(name=zigzag.name),
            key(SGD_COLOUR, True) + " " + self.tr("gradient descent, {name}").format(name=steady.name)]))
        self.steps_readout.setText(self.tr(
            "<b>{steady}</b> kept one direction ({same} of its gradients had the same sign): Adam's steps for it "
            "were {ratio}× gradient descent's, as if its learning rate were {ratio}× larger. <b>{zigzag}</b> "
            "zig-zagged (its gradient had one sign {zsame} of the time, the other sign the rest): its steps were "
            "only {zratio}× gradient descent's.").format(
            steady=steady.name, zigzag=zigzag.name, same=i18n.percent((1 + steady.consistency) / 2),
            zsame=i18n.percent((1 + zigzag.consistency) / 2),
            ratio=i18n.number(steady.mean_ratio, 1), zratio=i18n.number(zigzag.mean_ratio, 1)))

    # ------------------------------------------------------------------------------------- words
    def retranslate(self) -> None:
        self.rules.setText(self.tr(
            "<b>Gradient descent</b> takes every parameter w one step against its gradient g = ∂J/∂w, all "
            "with the same learning rate α: w ← w − α·g. <b>Adam</b> (adaptive moment estimation) gives "
            "every parameter its own step size."))
        self.equations.setText(self.tr(
            "Adam, as keras.optimizers.Adam computes it (β<sub>1</sub> = 0.9, β<sub>2</sub> = 0.999, "
            "ε = 10<sup>−7</sup>), at step t:<br>"
            "m ← β<sub>1</sub>·m + (1 − β<sub>1</sub>)·g &nbsp; (the gradient's running mean)<br>"
            "v ← β<sub>2</sub>·v + (1 − β<sub>2</sub>)·g² &nbsp; (its square's running mean)<br>"
            "<span style='text-decoration:overline'>m</span> = m / (1 − β<sub>1</sub><sup>t</sup>), <span style='text-decoration:overline'>v</span> = v / (1 − β<sub>2</sub><sup>t</sup>)<br>"
            "w ← w − α·<span style='text-decoration:overline'>m</span> / (√<span style='text-decoration:overline'>v</span> + ε)"))
        self.idea.setText(self.tr(
            "The course's intuition: if a parameter keeps moving in the same direction, increase its learning "
            "rate; if it keeps oscillating, reduce it. <span style='text-decoration:overline'>m</span>/√<span style='text-decoration:overline'>v</span> is near ±1 when the gradients agree and near 0 "
            "when they cancel, so Adam's step is about α in the first case and small in the second, whatever "
            "the size of g."))
        self.race_intro.setText(self.tr(
            "<b>The race.</b> The course's network (784 → 25 → 15 → 10, relu, logits out) trained here in NumPy "
            "on {count} MNIST images, twice from the same initial weights and on the same batches: once with "
            "gradient descent, once with Adam. The curves are the loss (cross-entropy from the logits) on all "
            "{count} images. The model in use is not changed.").format(count=i18n.integer(opt.SUBSET)))
        self.rate_caption.setText(self.tr("Learning rate α:"))
        self.train_button.setText(self.tr("Train again"))
        self.loss_plot.setLabel("bottom", self.tr("step"))
        self.loss_plot.setLabel("left", self.tr("loss"))
        self.steps_intro.setText(self.tr(
            "<b>A learning rate per parameter.</b> The size of each step |Δw| that Adam took for two weights of "
            "the race (log scale, averaged over {n} steps), and the step α·|g| gradient descent would have taken "
            "with the same gradient (dashed).").format(n=SMOOTH))
        self.step_plot.setLabel("bottom", self.tr("step"))
        self.step_plot.setLabel("left", self.tr("step size |Δw|"))
        self.course_line.setText(self.tr(
            "<i>“If a parameter keeps moving in the same direction, increase its learning rate.”</i> Adam "
            "does that by itself, for each of the network's {count} parameters.").format(
            count=i18n.integer(sum(a * b + b for a, b in zip(opt.SIZES[:-1], opt.SIZES[1:])))))
        self.refresh()

    # ----- screenshots --------------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.is_training()      # the race starts by itself when the lesson is built

"""Lesson 2, "Inference, tiny first": the course's coffee-roasting network on a plane you can probe
by dragging a point, then its "is it a 1?" network reading the drawing on the canvas.

Both networks are trained by the app's own NumPy code (``engine.lessons.coffee``): the coffee one
in about 60 ms when the lesson is built, the digit one on MNIST's 0s and 1s off the UI thread.
"""
from __future__ import annotations

import threading

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QPushButton, QWidget

from engine.lessons import coffee
from gui import i18n
from gui.learn.lesson import Lesson, Question, paragraph, step_page
from gui.workers import Worker

BAD_COLOUR, GOOD_COLOUR = (196, 216, 245), (250, 206, 160)


def _train_digit_model(should_stop):
    """The "is it a 1?" network (on the worker's thread), or None when stopped on the way."""
    try:
        return coffee.digit_model(should_stop)
    except coffee.Stopped:
        return None


class CoffeeLesson(Lesson):
    lesson_id = "coffee"


    # ------------------------------------------------------------------------------------ steps
    def make_steps(self) -> list[QWidget]:
        self._stop = threading.Event()
        self._worker: Worker | None = None
        self.digit_model: coffee.DigitModel | None = coffee.cached_digit_model()
        self.digit_error: str | None = None
        self.digit_layers: list[np.ndarray] | None = None
        self.digit_probability: float | None = None

        # Step 1: the coffee plane
        self.coffee_intro = paragraph()
        self.coffee_trained = paragraph()
        self.plot = pg.PlotWidget(background=None)
        self.plot.setFixedHeight(300)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.image_item = pg.ImageItem(axisOrder="col-major")
        self.image_item.setLookupTable(pg.ColorMap([0.0, 1.0], [BAD_COLOUR, GOOD_COLOUR]).getLookupTable(nPts=256))
        self.plot.addItem(self.image_item)
        self.boundary = pg.PlotDataItem(pen=pg.mkPen((60, 60, 60), width=2), connect="finite")
        self.plot.addItem(self.boundary)
        self.good_points = pg.ScatterPlotItem(symbol="x", size=9, pen=pg.mkPen((170, 40, 20), width=1.5),
                                              brush=pg.mkBrush(170, 40, 20))
        self.bad_points = pg.ScatterPlotItem(symbol="o", size=7, pen=pg.mkPen((30, 70, 160), width=1.2),
                                             brush=None)
        self.plot.addItem(self.bad_points)
        self.plot.addItem(self.good_points)
        self.target = pg.TargetItem(pos=coffee.COURSE_EXAMPLE, size=16, symbol="crosshair",
                                    pen=pg.mkPen((0, 0, 0), width=2), movable=True)
        self.plot.addItem(self.target)
        self.target.sigPositionChanged.connect(self._on_target_moved)
        (t0, t1), (d0, d1) = coffee.plane_ranges()
        self.plot.setRange(xRange=(t0, t1), yRange=(d0, d1), padding=0)
        self.coffee_legend = paragraph()
        self.coffee_readout = paragraph()
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(lambda: self.set_roast(*coffee.COURSE_EXAMPLE))

        # Step 2: is it a 1?
        self.digit_intro = paragraph()
        self.digit_status = paragraph()
        self.digit_readout = paragraph()
        self.digit_readout.setStyleSheet("font-size: 15px;")
        self.digit_hidden = paragraph()
        self.digit_note = paragraph()

        self.coffee_reading: coffee.CoffeeReading | None = None
        self.coffee_model = coffee.coffee_model()
        self._show_coffee_model()
        return [step_page(self.coffee_intro, self.plot, self.coffee_legend, self.coffee_readout,
                          self.reset_button, self.coffee_trained),
                step_page(self.digit_intro, self.digit_status, self.digit_readout, self.digit_hidden,
                          self.digit_note)]

    def make_question(self) -> Question:
        return Question(
            self.tr("The “is it a 1?” network gives a<sub>1</sub><sup>[3]</sup> = 0.97 for an image. "
                    "What does that mean?"),
            (self.tr("A 97% chance that the image is a 1: ŷ = 1."),
             self.tr("The image is a 0 with probability 0.97."),
             self.tr("97% of the image's pixels are ink."),
             self.tr("The network is right on 97% of test images.")),
            0,
            self.tr("a<sub>1</sub><sup>[3]</sup> is the output of the last layer's single sigmoid unit: the "
                    "estimated probability that y = 1, here that the image is a 1. As 0.97 ≥ 0.5, the "
                    "prediction is ŷ = 1. It is about this one image, not the network's accuracy."))

    # ------------------------------------------------------------------------------------- coffee
    def _show_coffee_model(self) -> None:
        model = self.coffee_model
        ts, ds, values = model.grid()
        (t0, t1), (d0, d1) = coffee.plane_ranges()
        self.grid = (ts, ds, values)
        self.image_item.setImage(values, levels=(0.0, 1.0), autoLevels=False)
        self.image_item.setRect(QRectF(t0, d0, t1 - t0, d1 - d0))
        self.boundary.setData(*self.boundary_points())
        good = model.Y[:, 0] >= 0.5
        self.good_points.setData(model.X[good, 0], model.X[good, 1])
        self.bad_points.setData(model.X[~good, 0], model.X[~good, 1])
        self._on_target_moved()

    def boundary_points(self) -> tuple[np.ndarray, np.ndarray]:
        """The decision boundary a^[2] = 0.5 on the plane: (temperatures, durations), NaN between pieces."""
        ts, ds, values = self.grid
        xs, ys = [], []
        for line in pg.functions.isocurve(values, coffee.THRESHOLD, connected=True):
            points = np.asarray(line, dtype=float)
            # isocurve's coordinate c is index c − 0.5: pixel i spans [i, i + 1], its centre at ts[i]
            xs.extend(np.interp(points[:, 0] - 0.5, np.arange(len(ts)), ts))
            ys.extend(np.interp(points[:, 1] - 0.5, np.arange(len(ds)), ds))
            xs.append(np.nan)
            ys.append(np.nan)
        return np.asarray(xs), np.asarray(ys)

    def set_roast(self, temperature: float, duration: float) -> None:
        """Move the draggable point (and so the numbers) to [temperature, duration]."""
        self.target.setPos(temperature, duration)

    def _on_target_moved(self, *_) -> None:
        (t0, t1), (d0, d1) = coffee.plane_ranges()
        pos = self.target.pos()
        t, d = min(max(pos.x(), t0), t1), min(max(pos.y(), d0), d1)
        if (t, d) != (pos.x(), pos.y()):
            self.target.setPos(t, d)       # kept on the plane; this handler runs again
            return
        self.coffee_reading = self.coffee_model.layers(t, d)
        self._show_coffee_reading()

    def _show_coffee_reading(self) -> None:
        r = self.coffee_reading
        if r is None:
            return
        n = i18n.number
        lines = [
            self.tr("x = [{t} °C, {d} min] → normalised [{n1}, {n2}]").format(
                t=n(r.temperature, 1), d=n(r.duration, 2), n1=n(r.x_norm[0], 2), n2=n(r.x_norm[1], 2)),
            self.tr("a<sup>[1]</sup> = [{a1}, {a2}, {a3}]").format(a1=n(r.a1[0], 4), a2=n(r.a1[1], 4),
                                                                   a3=n(r.a1[2], 4)),
            self.tr("a<sup>[2]</sup> = {a}").format(a=n(r.a2, 4)),
            (self.tr("{a} ≥ 0.5: <b>a good roast</b> (ŷ = 1)") if r.good
             else self.tr("{a} &lt; 0.5: <b>a bad roast</b> (ŷ = 0)")).format(a=n(r.a2, 4)),
        ]
        self.coffee_readout.setText("<br>".join(lines))

    # -------------------------------------------------------------------------------- is it a 1?
    def start_digit_training(self) -> None:
        """Train the "is it a 1?" network off the UI thread (once; a no-op when it is trained or training)."""
        if self.digit_model is not None or self._worker is not None:
            return
        self._worker = Worker(_train_digit_model, self._stop.is_set, name="is-it-a-1")
        self._worker.returned.connect(self._on_digit_trained)
        self._worker.errored.connect(self._on_digit_failed)
        self._worker.start()

    def _on_digit_trained(self, model) -> None:
        if model is None:               # stopped: the lesson is closing
            return
        self.digit_model = model
        self.refresh()

    def _on_digit_failed(self, message: str) -> None:
        if not self._stop.is_set():
            self.digit_error = message
            self.refresh()

    def refresh(self) -> None:
        self.start_digit_training()
        model = self.digit_model
        n = i18n.number
        self.digit_layers = self.digit_probability = None
        if model is None:
            self.digit_status.setText(
                self.tr("Training failed: {error}").format(error=self.digit_error) if self.digit_error
                else self.tr("Training the network on {count} MNIST 0s and 1s…").format(
                    count=i18n.integer(coffee.DIGIT_TRAIN_IMAGES)))
            self.digit_readout.setText(self.tr("Waiting for the training to finish…"))
            self.digit_hidden.clear()
        else:
            self.digit_status.setText(self.tr(
                "Trained here in {seconds} s on {count} MNIST 0s and 1s (Adam, binary cross-entropy, {epochs} "
                "epochs): right on {accuracy} of the {test} test 0s and 1s.").format(
                seconds=n(model.seconds, 1), count=i18n.integer(model.train_count),
                epochs=i18n.integer(coffee.DIGIT_EPOCHS), accuracy=i18n.percent(model.test_accuracy, 2),
                test=i18n.integer(model.test_count)))
            image = self.context.image
            if image is None:
                self.digit_readout.setText(self.tr("Draw a 1 or a 0 on the canvas to see its "
                                                   "a<sub>1</sub><sup>[3]</sup>."))
                self.digit_hidden.clear()
            else:
                self.digit_layers = model.layers(image)
                p = self.digit_probability = float(self.digit_layers[-1][0])
                decision = (self.tr("{p} ≥ 0.5: <b>yes</b>, it is a 1 (ŷ = 1)") if p >= coffee.THRESHOLD
                            else self.tr("{p} &lt; 0.5: <b>no</b>, it is not a 1 (ŷ = 0)")).format(p=n(p, 4))
                self.digit_readout.setText(self.tr("a<sub>1</sub><sup>[3]</sup> = {p}").format(p=n(p, 4))
                                           + "<br>" + decision)
                separator = "; " if i18n.current() == i18n.TURKISH else ", "     # Turkish decimals have commas
                a2 = separator.join(n(v, 2) for v in self.digit_layers[1])
                self.digit_hidden.setText(self.tr("On the way: a<sup>[1]</sup> has 25 values, a<sup>[2]</sup> = "
                                                  "[{values}].").format(values=a2))
        self._show_note()

    def _show_note(self) -> None:
        text = self.tr("This small network is trained here for the lesson; it is not the model in use. "
                       "It only knows 0s and 1s: for any other digit its answer means little.")
        prediction = self.context.prediction
        if prediction is not None and self.context.model_label:
            text += " " + self.tr("The model in use ({model}) reads your drawing as a {digit}.").format(
                model=i18n.model_label(self.context.model_label), digit=prediction.digit)
        self.digit_note.setText(text)

    # ------------------------------------------------------------------------------------- words
    def retranslate(self) -> None:
        self.coffee_intro.setText(self.tr(
            "<b>The coffee-roasting network.</b> The course's first network decides whether beans roasted at "
            "a temperature for a duration come out well: 2 inputs x = [temperature, duration] → layer 1 with "
            "3 sigmoid units → layer 2 with 1 sigmoid unit. The inputs are normalised first, as the course's "
            "Normalization layer does."))
        model = self.coffee_model
        self.coffee_trained.setText(self.tr(
            "Trained here on the course's {count} roasts in {ms} ms (Adam, binary cross-entropy): {accuracy} "
            "of them classified right.").format(count=i18n.integer(len(model.X)),
                                                ms=i18n.integer(round(model.seconds * 1000)),
                                                accuracy=i18n.percent(model.accuracy, 1)))
        self.coffee_legend.setText(self.tr(
            "Colour: the output a<sup>[2]</sup> (orange: good roast, blue: bad). "
            "<span style='color:#aa2814'>✕</span> good and <span style='color:#1e46a0'>○</span> bad roasts "
            "of the data. The dark line is the decision boundary a<sup>[2]</sup> = 0.5. "
            "<b>Drag the target</b> to roast another batch."))
        self.reset_button.setText(self.tr("Back to the course's example [200 °C, 17 min]"))
        self.plot.setLabel("bottom", self.tr("temperature (°C)"))
        self.plot.setLabel("left", self.tr("duration (min)"))
        self.digit_intro.setText(self.tr(
            "<b>Is it a 1?</b> The course's second network reads an image and answers one question: "
            "784 pixels → layer 1 with 25 sigmoid units → layer 2 with 15 → layer 3 with 1 sigmoid unit. "
            "Its output a<sub>1</sub><sup>[3]</sup> is the probability that the image is a 1; at 0.5 it "
            "decides yes or no."))
        self._show_coffee_reading()
        self.refresh()

    def stop(self) -> None:
        self._stop.set()
        if self._worker is not None:
            self._worker.wait()

    # ----- screenshots --------------------------------------------------------------------------------
    def busy(self) -> bool:
        return self._worker is not None and self._worker.is_running()

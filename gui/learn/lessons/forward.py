"""Lesson "Forward propagation in NumPy": the course's ``dense`` loop, unit by unit, then your drawing.

Steps: the course's ``dense(a_in, W, b, g)`` and ``sequential`` code (the very functions that
compute the numbers, engine.lessons.forward); the loop unit by unit on the course's example (a
"Next unit" button; unit j takes column j of W); the same loop on the drawing through the dense
network in use (course-mlp when the model in use has other layers — said on screen), each layer's
size, the output, and the largest difference from the app's engine.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

from engine.lessons import forward as F
from gui import i18n
from gui.learn.lesson import Lesson, Question, paragraph, step_page
from gui.learn.lessons.neurons import small_number


def value_text(x: float) -> str:
    """A number of the example: whole numbers bare ("−32"), others with 4 decimals, tiny ones as
    "1.3e−14" (so a sigmoid near 0 does not read 0)."""
    x = float(x)
    if x == round(x) and abs(x) < 1e9:
        return i18n.number(x, 0)
    if abs(x) >= 1e-3:
        return i18n.number(x, 4)
    exponent = math.floor(math.log10(abs(x)))
    return f"{i18n.number(x / 10 ** exponent, 1)}e{exponent}".replace("-", "−")


def vector_text(values) -> str:
    return "[" + ", ".join(value_text(v) for v in np.asarray(values).reshape(-1)) + "]"


def _code_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setStyleSheet("padding: 6px;")
    return label


class ForwardLesson(Lesson):
    lesson_id = "forward"


    # ----- steps -----------------------------------------------------------------------------------
    def make_steps(self) -> list[QWidget]:
        self.example_steps = F.course_example_steps()
        self.units_shown = 0
        self.network_pass: F.NetworkPass | None = None

        # 1. the code
        self.code_intro = paragraph()
        self.code = _code_label(F.DENSE_CODE + "\n\n\n" + F.SEQUENTIAL_CODE)
        self.code_notes = paragraph()
        step1 = step_page(self.code_intro, self.code, self.code_notes)

        # 2. unit by unit on the course's example
        self.example_intro = paragraph()
        self.example_values = _code_label()
        self.next_unit_button = QPushButton()
        self.next_unit_button.clicked.connect(self.next_unit)
        self.unit_steps = paragraph()
        self.unit_steps.setStyleSheet("font-family: monospace;")
        self.example_result = paragraph()
        step2 = step_page(self.example_intro, self.example_values, self.unit_steps, self.example_result)
        step2.layout().insertWidget(2, self.next_unit_button, alignment=Qt.AlignmentFlag.AlignLeft)

        # 3. the drawing through the dense network
        self.drawing_intro = paragraph()
        self.fallback_note = paragraph()
        self.layer_sizes = paragraph()
        self.layer_sizes.setStyleSheet("font-family: monospace;")
        self.output_label = paragraph()
        self.output_label.setStyleSheet("font-family: monospace;")
        self.answer_label = paragraph()
        self.match_label = paragraph()
        step3 = step_page(self.drawing_intro, self.fallback_note, self.layer_sizes, self.output_label,
                          self.answer_label, self.match_label)
        return [step1, step2, step3]

    def make_question(self) -> Question:
        return Question(
            self.tr("In the course's example W has shape (2, 3). How many units does the layer have?"),
            (self.tr("3 units, each reading 2 inputs"),
             self.tr("2 units, each reading 3 inputs"),
             self.tr("6 units, one per weight"),
             self.tr("1 unit with 6 weights")),
            0,
            self.tr("Each column of W is one unit's weights: W[:, j] is w<sub>j</sub>, with one weight per input. "
                    "2 rows are 2 inputs, 3 columns are 3 units — and b has 3 numbers, one bias per unit."))

    # ----- the example's loop ------------------------------------------------------------------------
    def next_unit(self) -> None:
        """Show the loop's next unit (after the last one: start again)."""
        self.units_shown = 0 if self.units_shown >= len(self.example_steps) else self.units_shown + 1
        self._show_example()

    def _step_text(self, step: F.UnitStep) -> str:
        a_in = F.COURSE_EXAMPLE.a_in
        products = " + ".join(f"{value_text(w)}·({value_text(x)})" if x < 0 else f"{value_text(w)}·{value_text(x)}"
                              for w, x in zip(step.w, a_in))
        bias = f"({value_text(step.b)})" if step.b < 0 else value_text(step.b)
        return self.tr("<b>j = {j}</b>: w = W[:, {j}] = {w}<br>"
                       "&nbsp;&nbsp;z = w · a_in + b[{j}] = {products} + {bias} = {z}<br>"
                       "&nbsp;&nbsp;a_out[{j}] = sigmoid({z}) = <b>{a}</b>").format(
            j=step.j, w=vector_text(step.w), products=products, bias=bias, z=value_text(step.z),
            a=value_text(step.a))

    def _show_example(self) -> None:
        done = self.units_shown >= len(self.example_steps)
        self.next_unit_button.setText(self.tr("Start again") if done else self.tr("Next unit"))
        shown = self.example_steps[:self.units_shown]
        self.unit_steps.setText("<br>".join(self._step_text(s) for s in shown) if shown else
                                self.tr("Press “Next unit” to run the loop's first pass (j = 0)."))
        self.example_result.setText(self.tr("The loop is done: dense returns a_out = {a_out}, one number per "
                                            "unit.").format(a_out=vector_text([s.a for s in self.example_steps]))
                                    if done else "")

    # ----- words -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.code_intro.setText(self.tr(
            "The course writes a dense layer in NumPy as a loop over its units. This is that code, and it is "
            "the very code that computes the numbers of this lesson:"))
        self.code_notes.setText(self.tr(
            "W has one <b>column per unit</b>: W[:, j] is unit j's weights w<sub>j</sub>, one per input, and "
            "b[j] its bias. The loop computes z = w · a_in + b[j] and a_out[j] = g(z) for j = 0, 1, 2, …; "
            "sequential feeds each layer's output to the next layer."))
        e = F.COURSE_EXAMPLE
        self.example_intro.setText(self.tr(
            "The course's example: a layer of 3 units reading 2 inputs, with g = sigmoid. Step through "
            "the loop one unit at a time (NumPy counts from 0)."))
        self.example_values.setText(
            "W = np.array([[1, -3, 5],\n              [2, 4, -6]])\n"
            f"b = np.array({list(map(int, e.b))})\na_in = np.array({list(map(int, e.a_in))})")
        self.drawing_intro.setText(self.tr(
            "The same sequential loop on your drawing: x is its 784 pixels (28×28, flattened), and every "
            "layer is one call of dense."))
        self._show_example()
        self.refresh()

    # ----- numbers -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        description, prediction = self.context.description, self.context.prediction
        dense = F.dense_network(description)
        if dense is None:
            self.fallback_note.setText(self.tr(
                "Your model, <b>{model}</b>, is not a pure dense network (it has other kinds of layers), so "
                "this runs the course's network, <b>course-mlp</b> (784 → 25 → 15 → 10), on your drawing.").format(
                    model=i18n.model_label(self.context.model_label) or self.tr("none yet")))
        else:
            self.fallback_note.setText(self.tr("The network is the model in use, <b>{model}</b>.").format(
                model=i18n.model_label(self.context.model_label) or description.name))
        self.network_pass = None
        if prediction is not None:
            try:
                self.network_pass = F.network_pass(description, prediction)
            except (IndexError, ValueError, OSError) as exc:   # a model and a drawing out of step; a missing file
                self.layer_sizes.setText(i18n.error_text(exc))
        if self.network_pass is None:
            if prediction is None:
                self.layer_sizes.setText(self.tr("Draw a digit to send it through the network."))
            for label in (self.output_label, self.answer_label, self.match_label):
                label.clear()
            return
        run = self.network_pass
        rows = [self.tr("x: {count} numbers").format(count=run.x.size)]
        rows += [self.tr("{name} = dense(…, {g}): {n_in} → {units} numbers").format(
            name=out.layer.name, g=out.layer.activation, n_in=out.layer.n_in, units=out.layer.units)
            for out in run.layers]
        self.layer_sizes.setText("<br>".join(rows))
        cells = [f"<b>{d}: {i18n.number(v, 4)}</b>" if d == run.digit else f"{d}: {i18n.number(v, 4)}"
                 for d, v in enumerate(run.output)]
        half = (len(cells) + 1) // 2
        table = "".join(f"<tr><td>{left}</td><td>&nbsp;&nbsp;&nbsp;&nbsp;</td><td>{right}</td></tr>"
                        for left, right in zip(cells[:half], cells[half:] + [""]))
        self.output_label.setText(self.tr("The output, {count} numbers:").format(count=run.output.size)
                                  + f"<table>{table}</table>")
        self.answer_label.setText(
            (self.tr("These are the logits; the largest is digit {digit}'s, so the network says <b>{digit}</b>.")
             if run.gives_logits else
             self.tr("The largest is digit {digit}'s, so the network says <b>{digit}</b>.")).format(digit=run.digit))
        source = self.tr("course-mlp's engine, for the same drawing") if run.fallback else \
            self.tr("the app's live engine")
        self.match_label.setText(self.tr(
            "The loop gives the same numbers as {source}: the largest difference over every unit of every "
            "layer is <b>{difference}</b> (rounding of 32-bit floats).").format(
                source=source, difference=small_number(run.max_difference)))

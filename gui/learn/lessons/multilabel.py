"""Lesson 8, "Multi-label": ten sigmoid outputs answer "which digits are in this picture?".

Softmax picks one digit; a multi-label network's ten sigmoid units each answer their own yes/no
question, a_j = P(digit j is in the picture), and every digit with a_j ≥ 0.5 is in the answer. The
lesson reads pictures of two digits side by side with a small model trained for it
(``resources/models/pairs-multilabel.keras``, run in NumPy by ``engine.lessons.multilabel``): a
held-out example, the drawing on the canvas beside a digit picked from MNIST's test set, and a
gallery of held-out pairs with the model's exact-match score on 1,000 of them.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engine.lessons import multilabel as ml
from gui import i18n
from gui.learn.lesson import Lesson, Question, paragraph, step_page
from gui.learn.lessons.convolution import ArrayPicture

GALLERY = 8                          # held-out pairs in the gallery
YES_COLOUR, NO_COLOUR = (31, 138, 76), (150, 160, 175)


class SigmoidBars(pg.PlotWidget):
    """Ten bars a_0 … a_9 (0..1 each) and the threshold line at 0.5; built once, updated in place."""

    def __init__(self):
        super().__init__()
        self.setMinimumHeight(150)
        self.setMaximumHeight(170)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setBackground(None)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, pen=None,
                                    brushes=[pg.mkBrush(*NO_COLOUR)] * 10)
        self.addItem(self.bars)
        self.threshold = pg.InfiniteLine(pos=ml.THRESHOLD, angle=0, pen=pg.mkPen((200, 60, 40), width=1.5,
                                                                                 style=pg.QtCore.Qt.PenStyle.DashLine))
        self.addItem(self.threshold)
        self.setRange(xRange=(-0.6, 9.6), yRange=(0, 1.02), padding=0)
        self.getAxis("bottom").setTicks([[(d, str(d)) for d in range(10)]])
        self.getAxis("left").setTicks([[(0, "0"), (0.5, "0.5"), (1, "1")]])
        self.heights = np.zeros(10)

    def set_outputs(self, outputs: np.ndarray) -> None:
        self.heights = np.asarray(outputs, float)
        brushes = [pg.mkBrush(*(YES_COLOUR if a >= ml.THRESHOLD else NO_COLOUR)) for a in self.heights]
        self.bars.setOpts(height=self.heights, brushes=brushes)

    def retranslate(self) -> None:
        self.getAxis("left").setTicks([[(0, i18n.number(0, 0)), (0.5, i18n.number(0.5, 1)),
                                        (1, i18n.number(1, 0))]])


class MultiLabelLesson(Lesson):
    lesson_id = "multilabel"


    # ------------------------------------------------------------------------------------ steps
    def make_steps(self) -> list[QWidget]:
        self.model: ml.MultiLabelModel | None = None
        self.model_error: str | None = None
        try:
            self.model = ml.shipped_model()
        except Exception as exc:      # a missing or damaged file: the lesson says so, the app goes on
            self.model_error = i18n.error_text(exc)
        self.example: ml.Reading | None = None
        self.reading: ml.Reading | None = None
        self.picture: np.ndarray | None = None
        self.score: ml.HeldOutScore | None = None
        self.gallery_outputs: np.ndarray | None = None

        # Step 1: the idea, on a held-out example
        self.idea = paragraph()
        self.example_picture = ArrayPicture(112)
        self.example_bars = SigmoidBars()
        self.example_text = paragraph()
        example_row = QWidget()
        row = QHBoxLayout(example_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.example_picture)
        row.addWidget(self.example_bars, 1)

        # Step 2: your drawing beside a picked digit
        self.yours_intro = paragraph()
        self.left_label, self.right_label = QLabel(), QLabel()
        self.right_choice = QComboBox()
        for _ in range(11):
            self.right_choice.addItem("")
        self.right_choice.setCurrentIndex(8)          # an MNIST 7 beside the drawing
        self.right_choice.currentIndexChanged.connect(lambda _: self.refresh())
        picker = QWidget()
        prow = QHBoxLayout(picker)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.right_label)
        prow.addWidget(self.right_choice)
        prow.addStretch(1)
        self.yours_picture = ArrayPicture(112)
        self.yours_bars = SigmoidBars()
        yours_row = QWidget()
        row = QHBoxLayout(yours_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.yours_picture)
        row.addWidget(self.yours_bars, 1)
        self.yours_answer = paragraph()
        self.yours_answer.setStyleSheet("font-size: 14px;")
        self.yours_note = paragraph()

        # Step 3: the gallery of held-out pairs
        self.gallery_intro = paragraph()
        self.gallery_pictures = [ArrayPicture(84) for _ in range(GALLERY)]
        self.gallery_captions = [QLabel() for _ in range(GALLERY)]
        gallery = QWidget()
        grid = QGridLayout(gallery)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (picture, caption) in enumerate(zip(self.gallery_pictures, self.gallery_captions)):
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(picture)
            box.addWidget(caption)
            grid.addWidget(cell, i // 4, i % 4)
        self.gallery_score = paragraph()

        return [step_page(self.idea, example_row, self.example_text),
                step_page(self.yours_intro, self.left_label, picker, yours_row, self.yours_answer, self.yours_note),
                step_page(self.gallery_intro, gallery, self.gallery_score)]

    def make_question(self) -> Question:
        return Question(
            self.tr("A picture holds a 3 and a 7. Which output layer can answer “both”?"),
            (self.tr("Ten sigmoid units: a<sub>3</sub> and a<sub>7</sub> can both be near 1, since each "
                     "answers its own yes/no question."),
             self.tr("A softmax over ten digits: it gives 3 and 7 each a probability near 1."),
             self.tr("A single sigmoid unit whose output is the digit divided by 10."),
             self.tr("Any of them: the loss function decides how many digits are found.")),
            0,
            self.tr("Softmax outputs share a total of 1, so at most one of them can be near 1: it picks ONE "
                    "digit. Ten sigmoid units are independent (each trained with binary cross-entropy), so "
                    "several can say yes; the answer is every digit with a<sub>j</sub> ≥ 0.5."))

    # ----------------------------------------------------------------------------------- numbers
    def right_digit(self) -> int | None:
        """The digit picked for the right half (None: it stays empty)."""
        index = self.right_choice.currentIndex()
        return None if index <= 0 else index - 1

    def refresh(self) -> None:
        if self.model is None:
            self._set_texts()
            return
        held = ml.held_out_pairs()
        if self.example is None:
            self.example = self.model.read(held.images[0])
            self.example_picture.set_array(held.images[0], 0.0, 1.0)
            self.example_bars.set_outputs(self.example.outputs)
        left = None if self.context.prediction is None else self.context.prediction.image
        right = self.right_digit()
        self.picture = ml.compose(left, None if right is None else ml.example_digits()[right])
        self.reading = self.model.read(self.picture)
        self.yours_picture.set_array(self.picture, 0.0, 1.0)
        self.yours_bars.set_outputs(self.reading.outputs)
        if self.score is None:
            self.score, outputs = ml.shipped_held_out()
            self.gallery_outputs = outputs[:GALLERY]
            for i, picture in enumerate(self.gallery_pictures):
                picture.set_array(held.images[i], 0.0, 1.0)
        self._set_texts()

    # ------------------------------------------------------------------------------------- words
    def _digits_text(self, digits) -> str:
        digits = list(digits)
        if not digits:
            return self.tr("no digit")
        if len(digits) == 1:
            return str(digits[0])
        return self.tr("{first} and {last}").format(first=", ".join(str(d) for d in digits[:-1]), last=digits[-1])

    def _set_texts(self) -> None:
        if self.model is None:
            message = self.tr("The multi-label model could not be loaded: {error}").format(error=self.model_error or "")
            for label in (self.example_text, self.yours_answer, self.gallery_score):
                label.setText(message)
            return
        if self.example is not None:
            e, held = self.example, ml.held_out_pairs()
            true = sorted(int(d) for d in held.digits[0] if d >= 0)
            soft = e.softmax_of_logits
            self.example_text.setText(self.tr(
                "A held-out picture of {truth}. The ten sigmoid outputs: a<sub>{a}</sub> = {pa}, "
                "a<sub>{b}</sub> = {pb}, the other eight under {low}; the model says <b>{answer}</b>. They add "
                "up to {total}: not a probability distribution, ten separate answers. A softmax of the same "
                "logits would have to share 1: {a} gets {sa}, {b} gets {sb}.").format(
                    truth=self._digits_text(true), a=true[0], b=true[1], pa=i18n.number(e.outputs[true[0]], 3),
                    pb=i18n.number(e.outputs[true[1]], 3),
                    low=i18n.number(max(float(np.max(np.delete(e.outputs, true))), 0.001), 3),
                    answer=self._digits_text(e.digits), total=i18n.number(e.total, 2),
                    sa=i18n.number(soft[true[0]], 2), sb=i18n.number(soft[true[1]], 2)))
        if self.reading is not None:
            r = self.reading
            values = ", ".join(f"a<sub>{d}</sub> = {i18n.number(r.outputs[d], 3)}" for d in r.digits)
            self.yours_answer.setText(self.tr("The model says: <b>{answer}</b>").format(
                answer=self._digits_text(r.digits)) + (f" ({values})" if values else ""))
            right = self.right_digit()
            if self.context.prediction is None:
                self.yours_note.setText(self.tr(
                    "Draw a digit on the canvas: it goes into the left half, shrunk to 14×14."))
            else:
                drawn = self.context.prediction.digit
                expected = sorted({drawn} | ({right} if right is not None else set()))
                self.yours_note.setText(self.tr(
                    "The digit model ({model}) reads your drawing as a {digit}; with the right half the "
                    "picture should hold {expected}. Σ a<sub>j</sub> = {total}.").format(
                        model=i18n.model_label(self.context.model_label), digit=drawn,
                        expected=self._digits_text(expected), total=i18n.number(r.total, 2)))
        if self.score is not None:
            held = ml.held_out_pairs()
            for i, caption in enumerate(self.gallery_captions):
                said = ml.Reading(self.gallery_outputs[i]).digits
                true = tuple(sorted(int(d) for d in held.digits[i] if d >= 0))
                mark = "✓" if said == true else "✗"
                caption.setText(self.tr("says {answer} {mark}").format(
                    answer=", ".join(str(d) for d in said) or "–", mark=mark))
            self.gallery_score.setText(self.tr(
                "On {count} held-out pictures made from MNIST's test digits (never seen in training), the set "
                "of digits with a<sub>j</sub> ≥ 0.5 is exactly the true pair for <b>{exact}</b> of them: "
                "{rate} exact match.").format(count=i18n.integer(self.score.count),
                                              exact=i18n.integer(self.score.exact),
                                              rate=i18n.percent(self.score.rate, 1)))

    def retranslate(self) -> None:
        self.idea.setText(self.tr(
            "<b>Softmax picks ONE digit</b>: its ten outputs share a total of 1. To ask “which digits are in "
            "this picture?”, the output layer has ten <b>sigmoid</b> units instead, each trained with binary "
            "cross-entropy on its own yes/no question: a<sub>j</sub> = P(digit j is in the picture). "
            "Every digit with a<sub>j</sub> ≥ 0.5 (the dashed line) is in the answer."))
        self.yours_intro.setText(self.tr(
            "Your drawing, shrunk into the left half of a picture, beside a digit from MNIST's test set in "
            "the right half, read by a small multi-label network trained on pairs of digits."))
        self.left_label.setText(self.tr("Left: your drawing."))
        self.right_label.setText(self.tr("Right:"))
        self.right_choice.setItemText(0, self.tr("nothing"))
        for d in range(10):
            self.right_choice.setItemText(d + 1, self.tr("an MNIST {digit}").format(digit=d))
        self.gallery_intro.setText(self.tr(
            "Held-out pictures of two digits and what the model says (✓: exactly the pair)."))
        self.example_bars.retranslate()
        self.yours_bars.retranslate()
        self._set_texts()

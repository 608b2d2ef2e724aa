"""A lesson of the Learn panel: a few steps, each one idea with its picture and live numbers, and
one "check yourself" question at the end.

A lesson subclasses ``Lesson`` and provides ``lesson_id`` (one of ``engine.lessons.LESSON_IDS``),
its title in ``_TITLES`` below, ``make_steps()`` (its step widgets, built once), ``make_question()`` and
``refresh()`` (recompute every number from ``self.context``: the model in use and the drawing).
Words are set in ``retranslate()``; the panel calls ``refresh()`` when the context changes and
only while the lesson is on show.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QRadioButton, QScrollArea, QStackedWidget,
                               QVBoxLayout, QWidget)

from gui import i18n
from gui.learn.context import LearnContext


# Each lesson's title, in its own class's translation context.
_TITLES = {
    "neurons": lambda: QCoreApplication.translate("NeuronsLesson", "Neurons and layers"),
    "coffee": lambda: QCoreApplication.translate("CoffeeLesson", "Inference, tiny first"),
    "forward": lambda: QCoreApplication.translate("ForwardLesson", "Forward propagation in NumPy"),
    "training": lambda: QCoreApplication.translate("TrainingLesson", "Training: model, loss, gradient descent"),
    "activations": lambda: QCoreApplication.translate("ActivationsLesson", "Choosing activations"),
    "softmax": lambda: QCoreApplication.translate("SoftmaxLesson", "Softmax and logits"),
    "adam": lambda: QCoreApplication.translate("AdamLesson", "Adam"),
    "multilabel": lambda: QCoreApplication.translate("MultiLabelLesson", "Multi-label: several digits at once"),
    "convolution": lambda: QCoreApplication.translate("ConvolutionLesson", "Convolution"),
}


def lesson_title(lesson_id: str) -> str:
    """A lesson's title in the current language."""
    return _TITLES[lesson_id]()


@dataclass(frozen=True)
class Question:
    """A multiple-choice question in the course's style; every text already translated."""

    prompt: str
    choices: tuple[str, ...]
    answer: int                  # index of the right choice
    explanation: str             # shown once answered, right or wrong


def paragraph(text: str = "") -> QLabel:
    """A wrapped paragraph of a lesson (rich text allowed: <b>, <i>, sub/superscripts)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def step_page(*widgets: QWidget) -> QWidget:
    """A step: its widgets top to bottom, the rest of the height empty."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return page


class Choice(QWidget):
    """One answer: a radio button and its text, wrapped to the card's width (a long choice would
    widen a plain radio button past the dock); a click on the text chooses it too."""

    def __init__(self, text: str):
        super().__init__()
        self.button = QRadioButton()
        self.label = paragraph(text)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.mousePressEvent = lambda event: self.button.setChecked(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()


class QuestionCard(QFrame):
    """The lesson's closing question: choices as radio buttons, Check, then the explanation."""

    answered = Signal(bool)          # right?

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._question: Question | None = None
        self._result: bool | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.prompt = paragraph()
        self.group = QButtonGroup(self)
        self.choices_box = QVBoxLayout()
        self.check_button = QPushButton()
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self.check)
        self.verdict = QLabel()
        self.verdict.setStyleSheet("font-weight: 600;")
        self.explanation = paragraph()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.prompt)
        layout.addLayout(self.choices_box)
        layout.addWidget(self.check_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.verdict)
        layout.addWidget(self.explanation)
        self.group.idToggled.connect(lambda *_: self.check_button.setEnabled(self.group.checkedId() >= 0))
        self.retranslate()

    def set_question(self, question: Question) -> None:
        """Show ``question`` (again: a language switch re-words it and keeps the choice and result)."""
        chosen = self.group.checkedId()
        self._question = question
        for button in self.group.buttons():
            self.group.removeButton(button)
        while self.choices_box.count():
            row = self.choices_box.takeAt(0).widget()
            if row is not None:
                row.deleteLater()
        for i, text in enumerate(question.choices):
            row = Choice(text)
            row.button.setObjectName(f"choice-{i}")
            self.group.addButton(row.button, i)
            self.choices_box.addWidget(row)
        if 0 <= chosen < len(question.choices):
            self.group.button(chosen).setChecked(True)
        self.prompt.setText(question.prompt)
        self._show_result()

    def choose(self, index: int) -> None:
        self.group.button(index).setChecked(True)

    def check(self) -> None:
        if self._question is None or self.group.checkedId() < 0:
            return
        self._result = self.group.checkedId() == self._question.answer
        self._show_result()
        self.answered.emit(self._result)

    @property
    def result(self) -> bool | None:
        return self._result

    def _show_result(self) -> None:
        if self._result is None or self._question is None:
            self.verdict.clear()
            self.explanation.clear()
            return
        right = self._question.choices[self._question.answer]
        self.verdict.setText(self.tr("✓ Right.") if self._result
                             else self.tr("✗ Not quite: the answer is “{answer}”.").format(answer=right))
        self.verdict.setStyleSheet(f"font-weight: 600; color: {'#1f8a4c' if self._result else '#c0392b'};")
        self.explanation.setText(self._question.explanation)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Check yourself"))
        self.check_button.setText(self.tr("Check"))
        self._show_result()

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class Lesson(QWidget):
    """One lesson. Subclasses fill in the steps, the question and the numbers."""

    lesson_id = ""

    def __init__(self, context: LearnContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.steps: list[QWidget] = self.make_steps()
        self.question_card = QuestionCard()
        self.pages = QStackedWidget()
        for widget in [*self.steps, step_page(self.question_card)]:
            scroller = QScrollArea()          # a step taller than the dock scrolls, never squeezes
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidget(widget)
            self.pages.addWidget(scroller)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate()
        self.question_card.set_question(self.make_question())

    # --- what a lesson provides ------------------------------------------------------------------
    @classmethod
    def title_text(cls) -> str:
        """The lesson's title in the current language (``lesson_title``: the panel lists every
        title without importing the lessons)."""
        return lesson_title(cls.lesson_id)

    def make_steps(self) -> list[QWidget]:
        """The lesson's steps (widgets, built once; their words are set in ``retranslate``)."""
        raise TypeError(f"{type(self).__name__} gives no steps: every lesson defines make_steps()")

    def make_question(self) -> Question:
        raise TypeError(f"{type(self).__name__} asks no question: every lesson defines make_question()")

    def refresh(self) -> None:
        """Recompute every number on show from ``self.context`` (the model, the drawing)."""

    def retranslate(self) -> None:
        """Set every word of the steps in the current language (and refresh numbers that carry words)."""

    # --- plumbing ------------------------------------------------------------------------------------
    def page_count(self) -> int:
        return len(self.steps) + 1          # the question is the last page

    def page(self) -> int:
        return self.pages.currentIndex()

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(max(0, min(index, self.page_count() - 1)))

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
            self.question_card.set_question(self.make_question())
            self.refresh()
        super().changeEvent(event)

    def stop(self) -> None:
        """Stop any work the lesson runs in the background (the window is closing); wait for it."""

    def busy(self) -> bool:
        """True while the lesson computes something in the background (a training run)."""
        return False

    def demo(self, page: int) -> None:
        """Bring step ``page`` to a state worth a screenshot (e.g. start its training); the
        screenshot script then waits until the lesson is no longer ``busy()``."""

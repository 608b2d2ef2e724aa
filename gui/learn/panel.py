"""The Learn panel: the course's lessons, in its order, beside the live app.

A side sheet (a dock in the window): the list of lessons (✓ once its question was answered
right), the lesson on show with Back / Next through its steps and "Step 2 of 4", and the
lesson's closing question. Progress — which lessons are done and where the learner was — is kept
in the app's settings. Lessons are built the first time they are opened; each one reads the model
in use and the drawing through the shared ``LearnContext`` and recomputes its numbers when they
change, while it is on show.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from engine.lessons import LESSON_IDS
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lesson import Lesson, lesson_title

log = logging.getLogger("digit_studio")

# lesson id → "module:Class" under gui.learn.lessons (imported when first opened)
LESSON_CLASSES = {
    "neurons": "neurons:NeuronsLesson",
    "coffee": "coffee:CoffeeLesson",
    "forward": "forward:ForwardLesson",
    "training": "training:TrainingLesson",
    "activations": "activations:ActivationsLesson",
    "softmax": "softmax:SoftmaxLesson",
    "adam": "adam:AdamLesson",
    "multilabel": "multilabel:MultiLabelLesson",
    "convolution": "convolution:ConvolutionLesson",
}
assert set(LESSON_CLASSES) == set(LESSON_IDS)


def lesson_class(lesson_id: str) -> type[Lesson]:
    module, name = LESSON_CLASSES[lesson_id].split(":")
    return getattr(importlib.import_module(f"gui.learn.lessons.{module}"), name)


def available_lessons() -> list[str]:
    """The lessons this build has, in the course's order (found without importing them: the
    window's start-up pays for a lesson only when it is opened)."""
    found = []
    for lesson_id in LESSON_IDS:
        module = LESSON_CLASSES[lesson_id].split(":")[0]
        if importlib.util.find_spec(f"gui.learn.lessons.{module}") is None:
            log.warning("lesson %s is not in this build", lesson_id)
            continue
        found.append(lesson_id)
    return found


class LearnPanel(QWidget):
    """The lessons, one at a time, with their progress."""

    def __init__(self, context: LearnContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._settings = QSettings()
        self._ids = available_lessons()
        self._lessons: dict[str, Lesson] = {}
        self._done: set[str] = set(self._settings.value("learn/done", [], list) or [])

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(16)
        self.progress_label = QLabel()
        self.stack = QStackedWidget()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.step_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.back_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(+1))

        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.progress_label)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.step_label, 1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(nav)

        context.changed.connect(self._on_context_changed)
        self.retranslate()
        self.chooser.currentIndexChanged.connect(self._on_chosen)
        last = self._settings.value("learn/lesson", self._ids[0] if self._ids else "", str)
        # Where the learner was; the lesson is built when the panel is first shown, not at start-up.
        self._pending: tuple[str, int] | None = (last if last in self._ids else (self._ids[0] if self._ids else ""),
                                                 int(self._settings.value("learn/step", 0, int) or 0))
        if self._pending[0]:
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(self._ids.index(self._pending[0]))
            self.chooser.blockSignals(False)

    # ----- lessons ----------------------------------------------------------------------------------
    def lesson_ids(self) -> list[str]:
        return list(self._ids)

    def lesson(self, lesson_id: str | None = None) -> Lesson | None:
        """The lesson ``lesson_id`` (built now if needed), or the one on show."""
        lesson_id = lesson_id or self.current_id()
        if not lesson_id:
            return None
        if lesson_id not in self._lessons:
            lesson = lesson_class(lesson_id)(self.context)
            lesson.question_card.answered.connect(lambda right, i=lesson_id: self._on_answered(i, right))
            self._lessons[lesson_id] = lesson
            self.stack.addWidget(lesson)
        return self._lessons[lesson_id]

    def current_id(self) -> str:
        index = self.chooser.currentIndex()
        return self._ids[index] if 0 <= index < len(self._ids) else ""

    def open_lesson(self, lesson_id: str, step: int = 0) -> None:
        if lesson_id not in self._ids:
            return
        self._pending = None
        index = self._ids.index(lesson_id)
        if self.chooser.currentIndex() != index:
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(index)
            self.chooser.blockSignals(False)
        lesson = self.lesson(lesson_id)
        self.stack.setCurrentWidget(lesson)
        lesson.show_page(step)
        lesson.refresh()
        self._remember()
        self._show_step()

    def go(self, delta: int) -> None:
        """Back (−1) or Next (+1): through the steps, and from a lesson's question to the next lesson."""
        lesson = self.lesson()
        if lesson is None:
            return
        page = lesson.page() + delta
        index = self._ids.index(self.current_id())
        if page >= lesson.page_count() and index + 1 < len(self._ids):
            self.open_lesson(self._ids[index + 1], 0)
            return
        if page < 0 and index > 0:
            previous = self.lesson(self._ids[index - 1])
            self.open_lesson(self._ids[index - 1], previous.page_count() - 1)
            return
        lesson.show_page(page)
        self._remember()
        self._show_step()

    def is_done(self, lesson_id: str) -> bool:
        return lesson_id in self._done

    # ----- events --------------------------------------------------------------------------------------
    @Slot(int)
    def _on_chosen(self, index: int) -> None:
        if 0 <= index < len(self._ids):
            self.open_lesson(self._ids[index], 0)

    def _on_answered(self, lesson_id: str, right: bool) -> None:
        if right and lesson_id not in self._done:
            self._done.add(lesson_id)
            self._settings.setValue("learn/done", sorted(self._done))
            self.retranslate()

    @Slot()
    def _on_context_changed(self) -> None:
        lesson = self._lessons.get(self.current_id())
        if lesson is not None and self.isVisible():
            lesson.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.open_lesson(*pending)
            return
        lesson = self._lessons.get(self.current_id())
        if lesson is not None:
            lesson.refresh()      # catch up with what changed while the panel was hidden

    def _remember(self) -> None:
        lesson = self.lesson()
        if lesson is not None:
            self._settings.setValue("learn/lesson", self.current_id())
            self._settings.setValue("learn/step", lesson.page())

    # ----- words ---------------------------------------------------------------------------------------
    def _show_step(self) -> None:
        lesson = self.lesson()
        if lesson is None:
            self.step_label.setText(self.tr("No lessons in this build"))
            self.back_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        index = self._ids.index(self.current_id())
        page, pages = lesson.page(), lesson.page_count()
        self.step_label.setText(self.tr("Check yourself") if page == pages - 1
                                else self.tr("Step {step} of {steps}").format(step=page + 1, steps=pages - 1))
        self.back_button.setEnabled(page > 0 or index > 0)
        self.next_button.setEnabled(page < pages - 1 or index + 1 < len(self._ids))
        self.next_button.setText(self.tr("Next lesson ›") if page == pages - 1 else self.tr("Next ›"))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Learn"))
        self.back_button.setText(self.tr("‹ Back"))
        self.chooser.blockSignals(True)
        current = self.chooser.currentIndex()
        self.chooser.clear()
        for number, lesson_id in enumerate(self._ids, start=1):
            title = lesson_title(lesson_id)
            mark = " ✓" if lesson_id in self._done else ""
            self.chooser.addItem(self.tr("{number}. {title}").format(number=number, title=title) + mark)
        self.chooser.setCurrentIndex(max(current, 0) if self._ids else -1)
        self.chooser.blockSignals(False)
        self.progress_label.setText(self.tr("{done} of {count} done").format(
            done=i18n.integer(len(self._done & set(self._ids))), count=i18n.integer(len(self._ids))))
        if self._lessons:
            self._show_step()

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        """The window is closing: every lesson stops its background work."""
        for lesson in self._lessons.values():
            lesson.stop()

"""The Learn panel itself: lessons in the course's order, Back/Next through steps and lessons, the
question's verdict, progress remembered across panels, and the dock in the window (F1)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from engine.lessons import LESSON_IDS
from gui.learn import panel as learn_panel
from gui.learn.context import LearnContext
from gui.learn.lesson import Lesson, Question, paragraph, step_page


class TwoSteps(Lesson):
    """A stand-in lesson: two steps that count their refreshes, and a question (answer: b)."""

    lesson_id = "stand-in"

    @classmethod
    def title_text(cls) -> str:
        return "Stand-in"  # not one of the course's titles

    def make_steps(self):
        self.first, self.second = paragraph(), paragraph()
        self.refreshed = 0
        return [step_page(self.first), step_page(self.second)]

    def make_question(self) -> Question:
        return Question("Which?", ("a", "b", "c"), 1, "Because b.")

    def refresh(self) -> None:
        self.refreshed += 1


@pytest.fixture
def stand_ins(monkeypatch):
    ids = ["neurons", "coffee", "forward"]
    monkeypatch.setattr(learn_panel, "available_lessons", lambda: list(ids))
    monkeypatch.setattr(learn_panel, "lesson_class", lambda lesson_id: TwoSteps)
    return ids


@pytest.fixture
def make_panel(qtbot, stand_ins):
    def make():
        panel = learn_panel.LearnPanel(LearnContext())
        qtbot.addWidget(panel)
        panel.resize(440, 700)
        panel.show()
        qtbot.waitExposed(panel)
        return panel
    return make


def test_every_lesson_of_the_course_is_in_this_build_in_order():
    assert learn_panel.available_lessons() == list(LESSON_IDS)


def test_back_and_next_walk_the_steps_then_the_question_then_the_next_lesson(make_panel):
    panel = make_panel()
    assert panel.current_id() == "neurons" and panel.step_label.text() == "Step 1 of 2"
    assert not panel.back_button.isEnabled()
    panel.go(+1)
    assert panel.step_label.text() == "Step 2 of 2"
    panel.go(+1)
    assert panel.step_label.text() == "Check yourself" and panel.next_button.text() == "Next lesson ›"
    panel.go(+1)
    assert panel.current_id() == "coffee" and panel.lesson().page() == 0
    panel.go(-1)
    assert panel.current_id() == "neurons" and panel.step_label.text() == "Check yourself"


def test_a_right_answer_marks_the_lesson_done_and_a_wrong_one_explains(make_panel):
    panel = make_panel()
    card = panel.lesson().question_card
    card.choose(0)
    card.check()
    assert card.result is False and "“b”" in card.verdict.text() and card.explanation.text() == "Because b."
    assert not panel.is_done("neurons") and panel.progress_label.text() == "0 of 3 done"
    card.choose(1)
    card.check()
    assert card.result is True and card.verdict.text() == "✓ Right."
    assert panel.is_done("neurons") and panel.chooser.itemText(0).endswith("✓")
    assert panel.progress_label.text() == "1 of 3 done"


def test_progress_and_the_place_are_remembered(make_panel):
    panel = make_panel()
    panel.lesson().question_card.choose(1)
    panel.lesson().question_card.check()
    panel.open_lesson("forward", 1)
    again = make_panel()
    assert again.current_id() == "forward" and again.lesson().page() == 1
    assert again.is_done("neurons")
    assert QSettings().value("learn/lesson") == "forward"


def test_the_lesson_on_show_follows_the_drawing_only_while_visible(make_panel):
    panel = make_panel()
    lesson = panel.lesson()
    before = lesson.refreshed
    panel.context.set_prediction(None)
    assert lesson.refreshed == before + 1
    panel.hide()
    panel.context.set_prediction(None)
    assert lesson.refreshed == before + 1


def test_the_panel_speaks_turkish(qtbot, make_panel):
    from gui import i18n

    panel = make_panel()
    i18n.set_language("tr")
    qtbot.wait(30)
    assert panel.heading.text() == QCoreApplication.translate("LearnPanel", "Learn") != "Learn"
    assert panel.step_label.text() == "Adım 1 / 2"
    assert panel.lesson().question_card.heading.text() == "Kendini dene"


def test_the_window_opens_the_learn_dock_with_f1_and_feeds_it_the_drawing(qtbot, make_window):
    from engine.drawn_digits import DIGIT_TEMPLATES
    from tests.gui.strokes import draw_strokes

    window = make_window(1180, 780)
    assert not window.learn_dock.isVisible()
    window.learn_action.trigger()
    assert window.learn_dock.isVisible()
    assert window.learn_context.description is not None and window.learn_context.model_label == "cnn (shipped)"
    draw_strokes(window.canvas, DIGIT_TEMPLATES[4][0])
    qtbot.waitUntil(lambda: window.learn_context.prediction is not None, timeout=10_000)
    assert window.learn_context.image.shape == (28, 28)

"""The Adam lesson on screen: the race trained off the UI thread, both curves, Adam ahead, the
per-parameter step sizes, stopping, the question, and the words in Turkish."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.lessons import optimizers as opt
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons.adam import AdamLesson


@pytest.fixture
def lesson(qtbot):
    loaded = catalogue.load("course-mlp", backend="numpy")
    context = LearnContext()
    context.set_model(loaded.predictor.network, loaded.label)
    made = AdamLesson(context)
    qtbot.addWidget(made)
    made.resize(440, 700)
    made.show()
    yield made
    made.stop()


def test_the_race_trains_off_the_ui_thread_and_adam_wins(lesson, qtbot):
    assert lesson.is_training() or lesson.result() is not None
    qtbot.waitUntil(lambda: lesson.result() is not None, timeout=120_000)
    result = lesson.result()
    assert result.finished and result.steps == opt.STEPS and result.learning_rate == 0.001
    sgd, adam = result.final()
    assert adam < sgd
    xs, ys = lesson.adam_line.getData()
    np.testing.assert_allclose(ys, result.adam_loss)
    np.testing.assert_allclose(lesson.sgd_line.getData()[1], result.sgd_loss)
    assert i18n.number(sgd, 3) in lesson.outcome.text() and i18n.number(adam, 3) in lesson.outcome.text()
    # the same numbers as the engine's race, deterministic
    again = opt.race(0.001, steps=20, eval_every=10)
    assert again.sgd_loss == result.sgd_loss[:3] and again.adam_loss == result.adam_loss[:3]
    steady, zigzag = lesson.picked
    assert steady.name in lesson.steps_readout.text() and zigzag.name in lesson.steps_readout.text()
    assert steady.mean_ratio > zigzag.mean_ratio
    assert i18n.number(steady.mean_ratio, 1) in lesson.steps_readout.text()
    # another learning rate trains again
    lesson.rate_box.setCurrentIndex(1)
    assert lesson.result() is None
    qtbot.waitUntil(lambda: lesson.result() is not None, timeout=120_000)
    assert lesson.result().learning_rate == 0.01


def test_stop_ends_the_training(lesson, qtbot):
    lesson.train_button.click()
    assert lesson.is_training()
    lesson.stop()
    assert not lesson.is_training()
    assert lesson.result() is None


def test_the_question(lesson):
    card = lesson.question_card
    card.choose(2)
    card.check()
    assert card.result is False
    card.choose(0)
    card.check()
    assert card.result is True


def test_turkish(lesson, qtbot):
    english = lesson.rules.text(), lesson.train_button.text(), lesson.course_line.text()
    i18n.set_language("tr")
    qtbot.wait(30)
    assert lesson.rules.text() != english[0]
    assert lesson.train_button.text() != english[1]
    assert lesson.course_line.text() != english[2]

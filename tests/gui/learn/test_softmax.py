"""The softmax lesson on screen: the drawing's logits → e^z → the bars, the float32 breakdown of
softmax first, the question, and the words in Turkish."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import softmax as sm
from engine.preprocess import preprocess_digit
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons.softmax import SoftmaxLesson, value_text


@pytest.fixture(scope="module")
def loaded():
    return catalogue.load("course-mlp", backend="numpy")


def drawn(loaded, digit: int):
    return loaded.predictor.predict(preprocess_digit(render_strokes(DIGIT_TEMPLATES[digit][0])))


@pytest.fixture
def context(loaded):
    context = LearnContext()
    context.set_model(loaded.predictor.network, loaded.label)
    context.set_prediction(drawn(loaded, 7))
    return context


@pytest.fixture
def lesson(qtbot, context):
    made = SoftmaxLesson(context)
    qtbot.addWidget(made)
    made.resize(440, 700)
    made.show()
    made.refresh()
    yield made
    made.stop()


def test_the_table_is_the_drawings_logits_and_the_bars(lesson, context):
    prediction = context.prediction
    z = prediction.activations[-1].values
    np.testing.assert_allclose(lesson.table.logits, z, atol=1e-6)
    np.testing.assert_allclose(lesson.table.bars, prediction.probabilities, atol=1e-5)
    assert lesson.table.temperature == pytest.approx(prediction.temperature)
    np.testing.assert_allclose(lesson.table.softmax, np.exp(z) / np.exp(z.astype(float)).sum(), rtol=1e-5)
    text = lesson.table_label.text()
    for j in range(10):
        assert value_text(lesson.table.logits[j], 3) in text
        assert value_text(lesson.table.softmax[j], 5) in text
        assert value_text(lesson.table.bars[j], 5) in text
    assert i18n.number(prediction.temperature, 4) in lesson.temperature_label.text()
    assert "course-mlp" in lesson.source.text()
    np.testing.assert_allclose(lesson.bar_item.opts["height"], prediction.probabilities, atol=1e-6)


def test_the_slider_breaks_softmax_first_but_not_from_logits(lesson, context):
    prediction = context.prediction
    assert lesson.label() == prediction.digit
    assert lesson.comparison.scale == 1 and not lesson.comparison.naive_fails
    assert "From the logits" in lesson.verdict.text()
    lesson.scale_slider.setValue(100)
    c = lesson.comparison
    expected = sm.loss_comparison(sm.logits_of(context.description, prediction), prediction.digit, 100)
    assert c.naive_fails and np.isnan(c.naive_loss)
    assert c.stable_loss == expected.stable_loss
    assert "×100" in lesson.scale_value.text()
    assert "nan" in lesson.loss_table.text() and "breaks" in lesson.verdict.text()
    lesson.label_box.setCurrentIndex((prediction.digit + 3) % 10)       # a wrong label: a_y rounds to 0
    c = lesson.comparison
    assert np.isinf(c.naive_loss) and np.isfinite(c.stable_loss) and c.stable_loss > 100
    assert value_text(c.stable_loss, 6, 5) in lesson.loss_table.text()
    assert "rounded to 0" in lesson.verdict.text()


def test_an_empty_canvas_shows_the_courses_example(qtbot, loaded):
    context = LearnContext()
    context.set_model(loaded.predictor.network, loaded.label)
    lesson = SoftmaxLesson(context)
    qtbot.addWidget(lesson)
    lesson.refresh()
    assert not lesson.from_drawing
    np.testing.assert_allclose(lesson.table.logits, sm.COURSE_LOGITS)
    assert "Draw a digit" in lesson.source.text()
    assert lesson.label_box.count() == 4


def test_another_model_says_which(qtbot):
    cnn = catalogue.load("cnn", backend="numpy")
    context = LearnContext()
    context.set_model(cnn.predictor.network, cnn.label)
    context.set_prediction(drawn(cnn, 3))
    lesson = SoftmaxLesson(context)
    qtbot.addWidget(lesson)
    lesson.refresh()
    assert "cnn" in lesson.source.text()
    np.testing.assert_allclose(lesson.table.bars, context.prediction.probabilities, atol=1e-5)


def test_the_question(lesson):
    card = lesson.question_card
    card.choose(1)
    card.check()
    assert card.result is False
    card.choose(0)
    card.check()
    assert card.result is True


def test_turkish(lesson, qtbot):
    english = lesson.intro.text(), lesson.ways_label.text(), lesson.scale_caption.text()
    i18n.set_language("tr")
    qtbot.wait(30)
    assert lesson.intro.text() != english[0]
    assert lesson.ways_label.text() != english[1]
    assert lesson.scale_caption.text() != english[2]
    assert i18n.number(lesson.table.temperature, 4) in lesson.temperature_label.text()

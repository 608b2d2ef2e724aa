"""The forward-propagation lesson on screen: the course's code, its example unit by unit, the
drawing through the dense network equal to the engine's numbers, the question, and Turkish."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import forward as F
from engine.preprocess import preprocess_digit
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons.forward import ForwardLesson, value_text
from gui.learn.lessons.neurons import small_number


def drawn(loaded, digit: int):
    return loaded.predictor.predict(preprocess_digit(render_strokes(DIGIT_TEMPLATES[digit][0])))


@pytest.fixture(scope="module")
def mlp():
    return catalogue.load("course-mlp", backend="numpy")


@pytest.fixture
def make_lesson(qtbot):
    def make(loaded, digit: int | None = 3):
        context = LearnContext()
        context.set_model(loaded.predictor.network, loaded.label)
        if digit is not None:
            context.set_prediction(drawn(loaded, digit))
        lesson = ForwardLesson(context)
        qtbot.addWidget(lesson)
        lesson.resize(440, 700)
        lesson.show()
        lesson.refresh()
        return lesson
    return make


def test_the_code_and_the_courses_example_unit_by_unit(make_lesson, mlp):
    lesson = make_lesson(mlp)
    assert F.DENSE_CODE in lesson.code.text() and F.SEQUENTIAL_CODE in lesson.code.text()
    steps = F.course_example_steps()
    assert lesson.unit_steps.text().count("z =") == 0
    for shown, step in enumerate(steps, start=1):
        lesson.next_unit_button.click()
        text = lesson.unit_steps.text()
        assert text.count("z = ") == shown
        assert f"= {value_text(step.z)}<br>" in text and value_text(step.a) in text
    assert [value_text(s.z) for s in steps] == ["5", "23", "−32"]
    assert value_text(steps[0].a) in lesson.example_result.text()
    assert lesson.next_unit_button.text() == "Start again"
    lesson.next_unit_button.click()
    assert lesson.units_shown == 0 and lesson.next_unit_button.text() == "Next unit"


def test_the_drawing_through_the_model_in_use_equals_the_engine(make_lesson, mlp):
    lesson = make_lesson(mlp, digit=7)
    run = lesson.network_pass
    prediction = lesson.context.prediction
    assert not run.fallback
    np.testing.assert_allclose(run.output, prediction.activations[-1].values, atol=1e-5)
    assert run.max_difference < 1e-5
    for out in run.layers:
        assert f"{out.layer.n_in} → {out.layer.units}" in lesson.layer_sizes.text()
    for v in run.output:
        assert i18n.number(v, 4) in lesson.output_label.text()
    assert small_number(run.max_difference) in lesson.match_label.text()
    assert "live engine" in lesson.match_label.text()
    assert f"<b>{prediction.digit}</b>" in lesson.answer_label.text()


def test_the_cnn_falls_back_to_course_mlp_and_an_empty_canvas_asks_for_a_drawing(make_lesson, mlp):
    cnn = catalogue.load("cnn", backend="numpy")
    lesson = make_lesson(cnn)
    assert lesson.network_pass.fallback
    assert "course-mlp" in lesson.fallback_note.text() and "not a pure dense network" in lesson.fallback_note.text()
    expected = mlp.predictor.predict(lesson.context.prediction.image).activations[-1].values
    np.testing.assert_allclose(lesson.network_pass.output, expected, atol=1e-5)
    lesson = make_lesson(mlp, digit=None)
    assert lesson.network_pass is None and "Draw a digit" in lesson.layer_sizes.text()
    assert lesson.output_label.text() == ""


def test_the_question_and_turkish(make_lesson, mlp, qtbot):
    lesson = make_lesson(mlp)
    card = lesson.question_card
    card.choose(0)
    card.check()
    assert card.result is True
    english = (lesson.code_intro.text(), lesson.next_unit_button.text(), lesson.match_label.text(),
               card.prompt.text())
    assert i18n.set_language("tr")
    qtbot.wait(30)
    turkish = (lesson.code_intro.text(), lesson.next_unit_button.text(), lesson.match_label.text(),
               card.prompt.text())
    assert all(a != b for a, b in zip(english, turkish))
    assert i18n.number(lesson.network_pass.output[0], 4) in lesson.output_label.text()
    assert ForwardLesson.title_text() != "Forward propagation in NumPy"

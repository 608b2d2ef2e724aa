"""The convolution lesson on screen: its feature map is the model's first Conv2D output for the drawing,
Play/Step fill it cell by cell, the parameter counts are computed, the question works, Turkish."""
import numpy as np
import pytest

from engine import catalogue
from engine.lessons import convolution as conv
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons.convolution import ConvolutionLesson


@pytest.fixture(scope="module")
def drawing():
    from engine.drawn_digits import drawn_digit_set
    from engine.preprocess import preprocess_digit

    images, _ = drawn_digit_set(3, seed=4)
    return preprocess_digit(images[0])


def make_lesson(qtbot, model: str, image):
    loaded = catalogue.load(model, backend="numpy")
    context = LearnContext()
    context.set_model(loaded.predictor.network, f"{model} (shipped)")
    if image is not None:
        context.set_prediction(loaded.predictor.predict(image))
    lesson = ConvolutionLesson(context)
    qtbot.addWidget(lesson)
    lesson.resize(440, 700)
    lesson.show()
    lesson.refresh()
    return lesson, loaded.predictor


def test_the_map_is_the_models_first_convolution(qtbot, drawing):
    lesson, predictor = make_lesson(qtbot, "cnn", drawing)
    prediction = lesson.context.prediction
    assert lesson.filter.from_model and lesson.filter.layer_index == 1
    assert lesson.filter_spin.isVisibleTo(lesson) and lesson.filter_spin.maximum() == 32
    np.testing.assert_allclose(lesson.fmap.a, prediction.activations[1].values[:, :, 0], atol=1e-5)
    assert lesson.model_difference < 1e-5
    lesson.filter_spin.setValue(12)
    assert lesson.filter.number == 11
    np.testing.assert_allclose(lesson.fmap.a, prediction.activations[1].values[:, :, 11], atol=1e-5)
    assert "conv_1" in lesson.source_label.text()


def test_step_and_play_fill_the_map_cell_by_cell(qtbot, drawing):
    lesson, _ = make_lesson(qtbot, "cnn", drawing)
    assert lesson.position == 0 and lesson.map_picture.filled == 1
    for _ in range(30):
        lesson.step()
    assert lesson.position == 30 and lesson.map_picture.filled == 31
    c = lesson.current_cell()
    assert (c.row, c.col) == divmod(30, 26)
    assert c.z == pytest.approx(float(lesson.fmap.z[c.row, c.col]), abs=1e-5)
    assert lesson.input_picture.window == (c.top, c.left, 3, 3)
    assert i18n.number(c.z, 3) in lesson.cell_label.text() and i18n.number(c.a, 3) in lesson.cell_label.text()
    lesson.toggle_play()
    assert lesson.timer.isActive() and lesson.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: lesson.position > 35, timeout=3000)
    lesson.stop()
    assert not lesson.timer.isActive()
    lesson.start_over()
    assert lesson.position == 0


def test_the_parameter_counts_are_computed(qtbot, drawing):
    lesson, predictor = make_lesson(qtbot, "cnn", drawing)
    text = lesson.params_text.text()
    conv_weights = predictor.network.weights_of(1)
    assert lesson.counts.conv_params == sum(w.size for w in conv_weights) == 320
    assert "320" in text and "16,981,120" in text and "21,632" in text


def test_a_model_without_convolution_uses_the_course_filter_and_an_empty_canvas_an_example(qtbot, drawing):
    lesson, _ = make_lesson(qtbot, "course-mlp", None)
    assert not lesson.filter.from_model and not lesson.filter_spin.isVisibleTo(lesson)
    np.testing.assert_array_equal(lesson.filter.weights, conv.COURSE_FILTER)
    assert lesson.using_example and "MNIST" in lesson.source_label.text()
    np.testing.assert_allclose(lesson.fmap.z, conv.feature_map(lesson.image, conv.course_filter()).z)
    assert lesson.match_text.text() == ""


def test_question_and_turkish(qtbot, drawing):
    lesson, _ = make_lesson(qtbot, "cnn", drawing)
    card = lesson.question_card
    card.choose(1)
    card.check()
    assert card.result is False
    card.choose(0)
    card.check()
    assert card.result is True
    english = (lesson.slide_intro.text(), lesson.params_text.text(), lesson.step_button.text())
    i18n.set_language("tr")
    qtbot.wait(30)
    turkish = (lesson.slide_intro.text(), lesson.params_text.text(), lesson.step_button.text())
    assert all(a != b for a, b in zip(english, turkish))
    assert "16.981.120" in lesson.params_text.text()

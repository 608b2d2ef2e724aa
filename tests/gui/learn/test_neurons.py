"""The neurons lesson on screen: the picked unit's w·a, b, z and g(z) are the engine's, the weights
picture is the unit's own, the network view can be asked to show it, the question, and Turkish."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import neurons as N
from engine.preprocess import preprocess_digit
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons.neurons import NeuronsLesson, small_number


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
        lesson = NeuronsLesson(context)
        qtbot.addWidget(lesson)
        lesson.resize(440, 700)
        lesson.show()
        lesson.refresh()
        return lesson
    return make


def test_it_starts_at_the_most_active_unit_and_shows_the_engines_numbers(make_lesson, mlp):
    lesson = make_lesson(mlp)
    prediction = lesson.context.prediction
    values = prediction.activations[1].values
    assert lesson.chosen() == (1, int(np.argmax(values)))
    assert lesson.unit_spin.value() == int(np.argmax(values)) + 1          # the course counts units from 1
    n = lesson.numbers
    assert n.a == pytest.approx(float(values[n.unit]), abs=1e-5)
    text = lesson.numbers_label.text()
    for value in (n.dot, n.bias, n.z, n.a):
        assert i18n.number(value, 4) in text
    assert "relu" in text
    assert i18n.number(n.network_a, 4) in lesson.check_label.text()
    assert small_number(n.difference) in lesson.check_label.text()
    image = lesson.weights_picture.image.image
    np.testing.assert_allclose(image, n.weights.reshape(28, 28), atol=1e-6)
    assert not lesson.pictures_box.isHidden() and lesson.bars.isHidden()


def test_picking_another_layer_and_unit_and_asking_the_network_view(make_lesson, mlp, qtbot):
    lesson = make_lesson(mlp)
    lesson.layer_combo.setCurrentIndex(1)                                 # layer [2], dense_2
    assert lesson.chosen()[0] == 2
    lesson.unit_spin.setValue(4)
    assert lesson.chosen() == (2, 3)
    prediction = lesson.context.prediction
    assert lesson.numbers.a == pytest.approx(float(prediction.activations[2].values[3]), abs=1e-5)
    assert lesson.numbers.layer_number == 2 and "<sub>4</sub><sup>[2]</sup>" in lesson.neuron_formula.text()
    assert not lesson.bars.isHidden() and lesson.pictures_box.isHidden()
    lesson.context.set_prediction(drawn(mlp, 7))                          # the learner's pick stays
    lesson.refresh()
    assert lesson.chosen() == (2, 3)
    lesson.most_active_button.click()
    assert lesson.chosen() == (2, int(np.argmax(lesson.context.prediction.activations[2].values)))
    lesson.refresh()
    assert lesson.show_button.isHidden()                                  # nobody listens: no button
    asked = []
    lesson.context.showLayerRequested.connect(lambda layer, unit: asked.append((layer, unit)))
    lesson.refresh()
    assert not lesson.show_button.isHidden()
    lesson.show_button.click()
    assert asked == [lesson.chosen()]


def test_an_empty_canvas_and_the_cnn(make_lesson, mlp):
    lesson = make_lesson(mlp, digit=None)
    assert lesson.chosen() == (1, 0) and lesson.numbers.a is None
    assert "Draw a digit" in lesson.check_label.text()
    cnn = catalogue.load("cnn", backend="numpy")
    lesson = make_lesson(cnn)
    prediction = lesson.context.prediction
    index = N.first_hidden_dense(cnn.predictor.network)
    assert lesson.chosen() == (index, int(np.argmax(prediction.activations[index].values)))
    assert lesson.numbers.a == pytest.approx(float(prediction.activations[index].values[lesson.numbers.unit]),
                                             abs=1e-5)
    assert "[5]" in lesson.neuron_formula.text()
    assert "convolution" in lesson.layers_label.text()
    assert not lesson.bars.isHidden()


def test_the_question_and_turkish(make_lesson, mlp, qtbot):
    lesson = make_lesson(mlp)
    card = lesson.question_card
    card.choose(1)
    card.check()
    assert card.result is False
    card.choose(0)
    card.check()
    assert card.result is True
    english = (lesson.intro.text(), lesson.most_active_button.text(), lesson.layer_combo.itemText(0),
               lesson.check_label.text())
    assert i18n.set_language("tr")
    qtbot.wait(30)
    turkish = (lesson.intro.text(), lesson.most_active_button.text(), lesson.layer_combo.itemText(0),
               lesson.check_label.text())
    assert all(a != b for a, b in zip(english, turkish))
    assert i18n.number(lesson.numbers.z, 4) in lesson.numbers_label.text()       # a decimal comma
    assert "," in i18n.number(lesson.numbers.z, 4)
    assert NeuronsLesson.title_text() != "Neurons and layers"

"""The Activations lesson: the neuron on show is the engine's, relu and linear train off the UI
thread and stop, the linear map check is on screen, the question works, and it speaks Turkish."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import activations as act
from engine.lessons import training_math as tm
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons import activations as lesson_module
from gui.learn.lessons.activations import ActivationsLesson


@pytest.fixture(scope="module")
def course():
    return catalogue.load("course-mlp", backend="numpy")


def make_lesson(qtbot, loaded, drawing: bool = True) -> ActivationsLesson:
    context = LearnContext()
    context.set_model(loaded.predictor.network, loaded.label)
    if drawing:
        context.set_prediction(loaded.predictor.recognise(render_strokes(DIGIT_TEMPLATES[5][0])))
    lesson = ActivationsLesson(context)
    qtbot.addWidget(lesson)
    lesson.resize(440, 700)
    lesson.show()
    lesson.refresh()
    return lesson


def test_the_neuron_on_show_is_the_drawings_most_active_unit(qtbot, course):
    lesson = make_lesson(qtbot, course)
    prediction = lesson.context.prediction
    n = lesson.neuron
    first_layer = prediction.activations[n.layer_index].values
    assert n.a == pytest.approx(float(first_layer.max()), abs=1e-5)
    assert n.layer_index == 1 and n.units == 25
    text = lesson.neuron_text.text()
    assert "Your drawing" in text
    assert i18n.number(n.z, 3) in text and f"unit {n.unit + 1} of 25" in text
    for name in act.CURVE_NAMES:
        x, y = lesson.g_points[name].getData()
        assert x[0] == pytest.approx(n.z) and y[0] == pytest.approx(n.g[name])
        cx, cy = lesson.g_curves[name].getData()
        assert cx.min() <= n.z <= cx.max()
    assert lesson.g_points["relu"].getData()[1][0] == pytest.approx(max(n.z, 0.0))


def test_an_empty_canvas_and_the_cnn(qtbot):
    cnn = catalogue.load("cnn", backend="numpy")
    lesson = make_lesson(qtbot, cnn, drawing=False)
    assert "Draw a digit" in lesson.neuron_text.text()
    assert lesson.neuron.units == 128
    again = act.neuron_on_show(cnn.predictor.network, tm.mnist_example(0)[0])
    assert lesson.neuron.z == pytest.approx(again.z)


def test_relu_and_linear_train_off_the_ui_thread_and_the_map_is_checked(qtbot, course, monkeypatch):
    lesson = make_lesson(qtbot, course)
    shape, difference = lesson.map_check
    assert shape == (784, 10) and difference < 1e-5
    assert "random weights" in lesson.map_numbers.text()
    threads = []
    original = act.compare_training

    def recorded(*args):
        threads.append(threading.get_ident())
        return original(*args)

    monkeypatch.setattr(lesson_module.act, "compare_training", recorded)
    lesson.start_training(epochs=2, n=320)
    qtbot.waitUntil(lambda: lesson.comparison is not None and lesson.start_button.isEnabled(), timeout=20_000)
    assert threads and threads[0] != threading.get_ident()
    result = lesson.comparison
    assert not result.stopped and set(result.accuracy) == {"relu", "linear"}
    for hidden in ("relu", "linear"):
        x, y = lesson.loss_curves[hidden].getData()
        assert len(y) == len(result.losses[hidden]) == 20
        np.testing.assert_allclose(y, act.moving_average(result.losses[hidden], lesson_module.SMOOTHING))
        assert i18n.percent(result.accuracy[hidden], 1) in lesson.compare_status.text()
    assert lesson.linear_trained and lesson.linear_network is result.networks["linear"]
    W, b = act.composed_linear_map(result.networks["linear"])
    X, _ = tm.mnist_test_subset(100)
    np.testing.assert_allclose(tm.predict_logits(result.networks["linear"], X), X @ W + b, atol=1e-5)
    assert "784×10" in lesson.map_numbers.text() and "trained in step 2" in lesson.map_numbers.text()
    assert lesson.map_check[1] < 1e-5


def test_stop_ends_the_run_and_joins(qtbot, course):
    lesson = make_lesson(qtbot, course)
    lesson.start_training(epochs=200, n=5000)
    qtbot.waitUntil(lambda: len(lesson._losses["relu"]) >= 3, timeout=20_000)
    lesson.stop()
    assert not lesson.is_training()
    qtbot.waitUntil(lambda: lesson.comparison is not None, timeout=5_000)
    assert lesson.comparison.stopped and lesson.comparison.accuracy == {}
    qtbot.waitUntil(lesson.start_button.isEnabled, timeout=5_000)
    assert "Stopped" in lesson.compare_status.text()
    assert not lesson.linear_trained


def test_the_question_and_turkish(qtbot, course):
    lesson = make_lesson(qtbot, course)
    card = lesson.question_card
    card.choose(2)
    card.check()
    assert card.result is False
    card.choose(0)
    card.check()
    assert card.result is True
    english = (lesson.intro.text(), lesson.neuron_text.text(), lesson.map_numbers.text(), card.prompt.text(),
               lesson.start_button.text())
    i18n.set_language("tr")
    qtbot.wait(30)
    assert ActivationsLesson.title_text() == "Aktivasyon seçmek"
    assert "Üç aktivasyon" in lesson.intro.text()
    assert "Çizimin" in lesson.neuron_text.text()
    assert i18n.number(lesson.neuron.z, 3) in lesson.neuron_text.text() and "," in i18n.number(lesson.neuron.z, 3)
    assert lesson.start_button.text() == "Başlat"
    assert "katman" in card.prompt.text()
    now = (lesson.intro.text(), lesson.neuron_text.text(), lesson.map_numbers.text(), card.prompt.text(),
           lesson.start_button.text())
    assert all(a != b for a, b in zip(english, now))

"""The coffee lesson on screen: the plane and the draggable roast, "is it a 1?" for real drawings,
the question, and the words in Turkish."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import coffee
from engine.preprocess import preprocess_digit
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons.coffee import CoffeeLesson


@pytest.fixture(scope="module")
def loaded():
    return catalogue.load("course-mlp", backend="numpy")


def drawn(loaded, digit: int):
    return loaded.predictor.predict(preprocess_digit(render_strokes(DIGIT_TEMPLATES[digit][0])))


@pytest.fixture
def lesson(qtbot, loaded):
    context = LearnContext()
    context.set_model(loaded.predictor.network, loaded.label)
    context.set_prediction(drawn(loaded, 1))
    made = CoffeeLesson(context)
    qtbot.addWidget(made)
    made.resize(440, 700)
    made.show()
    qtbot.waitUntil(lambda: made.digit_model is not None, timeout=60_000)
    yield made
    made.stop()


def test_the_coffee_plane_shows_the_trained_network_and_the_courses_example(lesson):
    model = coffee.coffee_model()
    assert model.accuracy >= 0.95
    r = lesson.coffee_reading
    assert (r.temperature, r.duration) == coffee.COURSE_EXAMPLE
    expected = model.layers(*coffee.COURSE_EXAMPLE)
    np.testing.assert_allclose(r.a1, expected.a1, atol=1e-5)
    assert r.a2 == pytest.approx(expected.a2, abs=1e-5)
    text = lesson.coffee_readout.text()
    for value in (*r.a1, r.a2):
        assert i18n.number(value, 4) in text
    assert "bad roast" in text
    # the picture is the network's output; the training points are the course's roasts
    ts, ds, values = lesson.grid
    np.testing.assert_allclose(lesson.image_item.image, values)
    assert values[40, 50] == pytest.approx(model.layers(ts[40], ds[50]).a2, abs=1e-5)
    assert len(lesson.good_points.data) + len(lesson.bad_points.data) == 200
    assert len(lesson.good_points.data) == int(model.Y.sum())


def test_dragging_the_point_updates_the_numbers_live(lesson, qtbot):
    lesson.set_roast(200.0, 13.9)            # what a drag does: the target moves, its signal fires
    r = lesson.coffee_reading
    assert (r.temperature, r.duration) == (200.0, 13.9)
    x = (np.array([200.0, 13.9]) - coffee.coffee_model().X.mean(0)) / coffee.coffee_model().X.std(0)
    net = coffee.coffee_model().net
    a1 = 1 / (1 + np.exp(-(x @ net.W[0] + net.b[0])))
    a2 = 1 / (1 + np.exp(-(a1 @ net.W[1] + net.b[1])))
    np.testing.assert_allclose(r.a1, a1, atol=1e-5)
    assert r.a2 == pytest.approx(float(a2[0]), abs=1e-5)
    assert "good roast" in lesson.coffee_readout.text()
    assert i18n.number(r.a2, 4) in lesson.coffee_readout.text()
    lesson.set_roast(400.0, 30.0)            # dragged off the plane: kept on its edge
    (t0, t1), (d0, d1) = coffee.plane_ranges()
    assert (lesson.coffee_reading.temperature, lesson.coffee_reading.duration) == (t1, d1)
    lesson.reset_button.click()
    assert (lesson.coffee_reading.temperature, lesson.coffee_reading.duration) == coffee.COURSE_EXAMPLE


def test_a_mouse_drag_moves_the_point_and_the_numbers_follow_while_dragging(lesson, qtbot):
    view_box, viewport = lesson.plot.getPlotItem().vb, lesson.plot.viewport()

    def at(t, d):
        return QPointF(lesson.plot.mapFromScene(view_box.mapViewToScene(QPointF(t, d))))

    def send(kind, point, button, buttons):
        QApplication.sendEvent(viewport, QMouseEvent(kind, point, QPointF(viewport.mapToGlobal(point.toPoint())),
                                                     button, buttons, Qt.KeyboardModifier.NoModifier))

    start, end = at(*coffee.COURSE_EXAMPLE), at(200.0, 13.9)
    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    seen = []
    for k in range(1, 11):
        send(QEvent.Type.MouseMove, start + (end - start) * (k / 10), Qt.MouseButton.NoButton,
             Qt.MouseButton.LeftButton)
        qtbot.wait(5)
        seen.append(lesson.coffee_reading.duration)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
    assert len(set(seen)) >= 5 and seen[0] < 17.0           # live, while the button is down
    r = lesson.coffee_reading
    assert r.duration == pytest.approx(13.9, abs=0.1) and r.temperature == pytest.approx(200.0, abs=5)
    expected = coffee.coffee_model().layers(r.temperature, r.duration)
    np.testing.assert_allclose(r.a1, expected.a1, atol=1e-5)
    assert i18n.number(r.a2, 4) in lesson.coffee_readout.text()


def test_the_decision_line_is_where_the_output_is_one_half(lesson):
    xs, ys = lesson.boundary_points()
    finite = np.isfinite(xs)
    assert finite.sum() > 50
    model = coffee.coffee_model()
    outputs = np.array([model.layers(t, d).a2 for t, d in zip(xs[finite], ys[finite])])
    assert np.median(np.abs(outputs - 0.5)) < 0.1
    # it separates: the good roasts' inside, the course's example outside
    assert model.layers(200, 13.9).a2 > 0.5 > model.layers(*coffee.COURSE_EXAMPLE).a2


def test_is_it_a_one_reads_the_drawing(lesson, loaded, qtbot):
    model = lesson.digit_model
    assert model.test_accuracy >= 0.98
    assert i18n.percent(model.test_accuracy, 2) in lesson.digit_status.text()
    p = lesson.digit_probability
    assert p == pytest.approx(model.probability_of_one(lesson.context.image), abs=1e-5)
    x = lesson.context.image.reshape(784).astype(np.float64)
    for W, b in zip(model.net.W, model.net.b):
        x = 1 / (1 + np.exp(-(x @ W + b)))
    assert p == pytest.approx(float(x[0]), abs=1e-5)
    assert p >= 0.5 and "yes" in lesson.digit_readout.text() and i18n.number(p, 4) in lesson.digit_readout.text()
    assert "course-mlp" in lesson.digit_note.text()

    lesson.context.set_prediction(drawn(loaded, 0))
    lesson.refresh()
    assert lesson.digit_probability < 0.5 and "no" in lesson.digit_readout.text()
    assert lesson.digit_probability == pytest.approx(model.probability_of_one(lesson.context.image), abs=1e-5)

    lesson.context.set_prediction(None)
    lesson.refresh()
    assert lesson.digit_probability is None
    assert "Draw a 1 or a 0" in lesson.digit_readout.text()


def test_the_question_and_turkish(lesson, qtbot):
    card = lesson.question_card
    card.choose(1)
    card.check()
    assert card.result is False
    card.choose(0)
    card.check()
    assert card.result is True
    english = (lesson.coffee_intro.text(), lesson.coffee_readout.text(), lesson.digit_readout.text(),
               card.prompt.text(), lesson.reset_button.text())
    i18n.set_language("tr")
    qtbot.wait(30)
    turkish = (lesson.coffee_intro.text(), lesson.coffee_readout.text(), lesson.digit_readout.text(),
               card.prompt.text(), lesson.reset_button.text())
    for before, after in zip(english, turkish):
        assert before != after
    assert CoffeeLesson.title_text() != "Inference, tiny first"
    assert i18n.number(lesson.coffee_reading.a2, 4) in lesson.coffee_readout.text()


def test_stop_ends_the_training_thread(qtbot, loaded):
    coffee._cache.pop("digit", None)         # train afresh, then stop at once
    lesson = CoffeeLesson(LearnContext())
    qtbot.addWidget(lesson)
    assert lesson._worker is not None
    lesson.stop()
    assert not lesson._worker.is_running()

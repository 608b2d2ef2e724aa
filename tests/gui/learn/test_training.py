"""The Training lesson: its numbers are the engine's, fit runs off the UI thread and stops, the
question works, and it speaks Turkish."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import training_math as tm
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons import training as training_module
from gui.learn.lessons.training import TrainingLesson


@pytest.fixture(scope="module")
def course():
    return catalogue.load("course-mlp", backend="numpy")


def make_lesson(qtbot, loaded, drawing: bool = True) -> TrainingLesson:
    context = LearnContext()
    context.set_model(loaded.predictor.network, loaded.label)
    if drawing:
        context.set_prediction(loaded.predictor.recognise(render_strokes(DIGIT_TEMPLATES[3][0])))
    lesson = TrainingLesson(context)
    qtbot.addWidget(lesson)
    lesson.resize(440, 700)
    lesson.show()
    lesson.refresh()
    return lesson


def test_the_loss_and_the_cost_on_screen_are_the_engines(qtbot, course):
    lesson = make_lesson(qtbot, course)
    prediction = lesson.context.prediction
    e = lesson.example
    assert e.digit == prediction.digit
    assert e.f == pytest.approx(float(prediction.probabilities[prediction.digit]), abs=1e-7)
    assert e.loss_if_yes == pytest.approx(-np.log(e.f), abs=1e-6)
    text = lesson.loss_numbers.text()
    for value in (e.f, e.loss_if_yes, e.loss_if_no):
        assert i18n.number(value, 4) in text
    assert "Your drawing" in text

    batch = lesson.batch
    logits = course.predictor.logits_batch(batch.images)
    np.testing.assert_allclose(batch.logits, logits, atol=1e-5)
    np.testing.assert_allclose(batch.losses, tm.sparse_cross_entropy(logits, batch.labels), atol=1e-5)
    for i, cells in enumerate(lesson.rows):
        assert cells[1].text() == str(int(batch.labels[i]))
        assert float(cells[3].text()) == pytest.approx(float(batch.losses[i]), abs=1e-4)
    assert i18n.number(batch.cost, 4) in lesson.cost_total.text()
    assert batch.cost == pytest.approx(float(np.mean(batch.losses)))
    assert np.argmax(batch.logits[-1]) != batch.labels[-1]          # the batch shows one mistake


def test_an_empty_canvas_and_the_cnn_still_give_numbers(qtbot):
    cnn = catalogue.load("cnn", backend="numpy")
    lesson = make_lesson(qtbot, cnn, drawing=False)
    assert "Draw a digit" in lesson.loss_numbers.text()
    image, _label = tm.mnist_example(0)
    assert lesson.example.f == pytest.approx(float(np.max(tm.probabilities_of(cnn.predictor.network, image))))
    assert "cnn" in lesson.cost_source.text()
    np.testing.assert_allclose(lesson.batch.logits, cnn.predictor.logits_batch(lesson.batch.images), atol=1e-4)


def test_fit_runs_off_the_ui_thread_and_the_loss_falls(qtbot, course, monkeypatch):
    lesson = make_lesson(qtbot, course)
    threads = []
    original = tm.fit_course_network

    def recorded(*args):
        threads.append(threading.get_ident())
        return original(*args)

    monkeypatch.setattr(training_module.tm, "fit_course_network", recorded)
    lesson.start_training(epochs=3, n=640)
    assert lesson.is_training() or lesson.fit_result is not None
    assert not lesson.start_button.isEnabled() or lesson.fit_result is not None
    qtbot.waitUntil(lambda: lesson.fit_result is not None and lesson.start_button.isEnabled(), timeout=20_000)
    assert threads and threads[0] != threading.get_ident()
    history = lesson.fit_result.history
    assert history.epochs_done == 3 and not history.stopped
    assert lesson.batches_seen == len(history.batch_losses) == 3 * 20
    means = history.epoch_means()
    assert means[-1] < means[0]
    lesson.fit_plot.flush()
    assert lesson.fit_plot.curve_lengths()["raw"] == 60
    assert lesson.fit_plot.curve_lengths()["val_loss"] == 3 == len(lesson.epoch_results)
    assert "Done" in lesson.fit_status.text()
    assert i18n.percent(lesson.fit_result.test_accuracy, 1) in lesson.fit_status.text()
    assert lesson.stop_button.isEnabled() is False


def test_stop_ends_the_run_and_joins(qtbot, course):
    lesson = make_lesson(qtbot, course)
    lesson.start_training(epochs=200, n=5000)
    qtbot.waitUntil(lambda: lesson.batches_seen >= 3, timeout=20_000)
    lesson.stop()
    assert not lesson.is_training()
    qtbot.waitUntil(lambda: lesson.fit_result is not None, timeout=5_000)
    assert lesson.fit_result.history.stopped
    assert len(lesson.fit_result.history.batch_losses) < 200 * 157
    qtbot.waitUntil(lesson.start_button.isEnabled, timeout=5_000)
    assert "Stopped" in lesson.fit_status.text()


def test_the_question_and_turkish(qtbot, course):
    lesson = make_lesson(qtbot, course)
    card = lesson.question_card
    card.choose(1)
    card.check()
    assert card.result is False
    card.choose(0)
    card.check()
    assert card.result is True
    english = (lesson.intro.text(), lesson.start_button.text(), lesson.loss_numbers.text(), card.prompt.text())
    i18n.set_language("tr")
    qtbot.wait(30)
    assert TrainingLesson.title_text() == "Eğitim: model, kayıp, gradyan inişi"
    assert "Üç adımda" in lesson.intro.text()
    assert lesson.start_button.text() == "Başlat"
    assert "Çizimin" in lesson.loss_numbers.text()
    assert i18n.number(lesson.example.f, 4) in lesson.loss_numbers.text()      # decimal comma
    assert "," in i18n.number(lesson.example.f, 4)
    assert "kayıp" in lesson.headers[3].text()
    assert (lesson.intro.text(), lesson.start_button.text(), lesson.loss_numbers.text(),
            card.prompt.text()) != english
    assert all(a != b for a, b in zip(english, (lesson.intro.text(), lesson.start_button.text(),
                                                lesson.loss_numbers.text(), card.prompt.text())))

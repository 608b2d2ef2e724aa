"""The multi-label lesson on screen: the drawing beside a picked MNIST digit read by the pair model
(its ten sigmoid bars are the engine's numbers), the held-out gallery and score, the question, Turkish."""
import numpy as np
import pytest

from engine import catalogue
from engine.lessons import multilabel as ml
from gui import i18n
from gui.learn.context import LearnContext
from gui.learn.lessons.multilabel import MultiLabelLesson


@pytest.fixture(scope="module")
def drawing():
    from engine.drawn_digits import drawn_digit_set
    from engine.preprocess import preprocess_digit

    images, labels = drawn_digit_set(3, seed=2)
    return preprocess_digit(images[0])


def make_lesson(qtbot, image):
    loaded = catalogue.load("cnn", backend="numpy")
    context = LearnContext()
    context.set_model(loaded.predictor.network, "cnn (shipped)")
    if image is not None:
        context.set_prediction(loaded.predictor.predict(image))
    lesson = MultiLabelLesson(context)
    qtbot.addWidget(lesson)
    lesson.resize(440, 700)
    lesson.show()
    lesson.refresh()
    return lesson


def test_the_drawing_beside_a_picked_digit_is_read_by_the_pair_model(qtbot, drawing):
    lesson = make_lesson(qtbot, drawing)
    image = lesson.context.prediction.image
    assert lesson.right_digit() == 7
    expected = ml.MultiLabelModel.from_file().read(ml.compose(image, ml.example_digits()[7])).outputs
    np.testing.assert_allclose(lesson.yours_bars.heights, expected, atol=1e-6)
    np.testing.assert_allclose(lesson.picture, ml.compose(image, ml.example_digits()[7]))
    said = tuple(int(d) for d in np.flatnonzero(expected >= 0.5))
    assert lesson.reading.digits == said
    for d in said:
        assert f"a<sub>{d}</sub> = {i18n.number(expected[d], 3)}" in lesson.yours_answer.text()
    lesson.right_choice.setCurrentIndex(0)             # nothing on the right
    np.testing.assert_allclose(lesson.picture[:, 15:], 0)
    np.testing.assert_allclose(lesson.yours_bars.heights, ml.shipped_model().read(ml.compose(image, None)).outputs,
                               atol=1e-6)
    lesson.right_choice.setCurrentIndex(4)              # an MNIST 3
    assert lesson.right_digit() == 3


def test_the_example_and_the_gallery_are_held_out_pairs_with_the_models_answers(qtbot, drawing):
    lesson = make_lesson(qtbot, drawing)
    held = ml.held_out_pairs()
    outputs = ml.shipped_model().outputs(held.images[:8])
    np.testing.assert_allclose(lesson.example_bars.heights, outputs[0], atol=1e-6)
    assert f"{lesson.example.total:.2f}" in lesson.example_text.text()
    score, _ = ml.held_out_score()
    assert lesson.score == score and score.rate >= 0.9
    assert i18n.integer(score.exact) in lesson.gallery_score.text()
    for i, caption in enumerate(lesson.gallery_captions):
        said = ", ".join(str(d) for d in np.flatnonzero(outputs[i] >= 0.5))
        assert said in caption.text()


def test_an_empty_canvas_leaves_the_left_half_empty(qtbot):
    lesson = make_lesson(qtbot, None)
    np.testing.assert_allclose(lesson.picture[:, :13], 0)
    assert "Draw a digit" in lesson.yours_note.text()


def test_question_and_turkish(qtbot, drawing):
    lesson = make_lesson(qtbot, drawing)
    lesson.question_card.choose(1)
    lesson.question_card.check()
    assert lesson.question_card.result is False
    lesson.question_card.choose(0)
    lesson.question_card.check()
    assert lesson.question_card.result is True
    english = (lesson.idea.text(), lesson.gallery_score.text(), lesson.right_choice.itemText(0))
    i18n.set_language("tr")
    qtbot.wait(30)
    turkish = (lesson.idea.text(), lesson.gallery_score.text(), lesson.right_choice.itemText(0))
    assert all(a != b for a, b in zip(english, turkish))

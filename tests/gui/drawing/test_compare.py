"""Compare models: a second model's bars beside the first's, for the same drawing."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import drawn_digit_set
from engine.preprocess import preprocess_digit
from gui.drawing.prediction_panel import PredictionPanel, compare_choices


@pytest.fixture(scope="module")
def drawing():
    images, _ = drawn_digit_set(4, seed=5)
    return next(x for x in map(preprocess_digit, images) if x is not None)


@pytest.fixture
def panel(shown_as_child):
    cnn = catalogue.load("cnn", backend="numpy").predictor
    panel = shown_as_child(PredictionPanel, 360, 640)
    panel.set_model_source(lambda: (cnn, "cnn"))
    panel.cnn = cnn
    return panel


def test_choices_default_to_none(panel):
    assert panel.compared_model() is None
    assert panel.compare_combo.itemText(0) == "Compare…"
    assert {"cnn", "course-mlp", "sigmoid-mlp"} <= set(compare_choices())
    assert panel.bars.comparison_heights() is None
    assert panel.legend_label.text() == ""


def test_course_mlp_bars_equal_its_own_prediction(panel, drawing, qtbot):
    panel.show_prediction(panel.cnn.predict(drawing))
    panel.set_compared_model("course-mlp")
    qtbot.waitUntil(lambda: panel.bars.comparison_heights() is not None, timeout=10000)
    own = catalogue.load("course-mlp", backend="numpy").predictor.predict(drawing).probabilities
    np.testing.assert_allclose(panel.bars.comparison_heights(), own, atol=1e-6)
    np.testing.assert_allclose(panel.bars.bar_heights(), panel.cnn.predict(drawing).probabilities, atol=1e-6)
    assert "cnn" in panel.legend_label.text() and "course-mlp" in panel.legend_label.text()


def test_follows_new_drawings_and_clears_for_an_empty_canvas(panel, drawing, qtbot):
    panel.set_compared_model("course-mlp")
    panel.show_prediction(panel.cnn.predict(drawing))
    qtbot.waitUntil(lambda: panel.bars.comparison_heights() is not None, timeout=10000)
    shifted = np.roll(drawing, 3, axis=1)
    panel.show_prediction(panel.cnn.predict(shifted))
    own = catalogue.load("course-mlp", backend="numpy").predictor.predict(shifted).probabilities
    qtbot.waitUntil(lambda: not panel.comparison_pending(), timeout=10000)
    qtbot.wait(20)
    np.testing.assert_allclose(panel.bars.comparison_heights(), own, atol=1e-6)
    panel.show_prediction(None)
    assert panel.bars.comparison_heights() is None


def test_none_hides_them(panel, drawing, qtbot):
    panel.show_prediction(panel.cnn.predict(drawing))
    panel.set_compared_model("course-mlp")
    qtbot.waitUntil(lambda: panel.bars.comparison_heights() is not None, timeout=10000)
    panel.set_compared_model(None)
    assert panel.bars.comparison_heights() is None
    assert panel.legend_label.text() == ""
    qtbot.wait(50)   # a late result for the old choice is dropped
    assert panel.bars.comparison_heights() is None

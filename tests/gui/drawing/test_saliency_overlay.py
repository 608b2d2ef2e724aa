"""The "Which pixels mattered" overlay on the 28×28 preview, computed off the UI thread."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from engine import catalogue
from engine.drawn_digits import drawn_digit_set
from engine.preprocess import preprocess_digit
from engine.saliency import occlusion
from gui.drawing.prediction_panel import SALIENCY_KEY, PredictionPanel


@pytest.fixture(scope="module")
def cnn():
    return catalogue.load("cnn", backend="numpy").predictor


@pytest.fixture(scope="module")
def drawn_one():
    images, labels = drawn_digit_set(30, seed=7)
    return next(x for x, label in zip(map(preprocess_digit, images), labels) if label == 1 and x is not None)


@pytest.fixture
def panel(shown_as_child, cnn):
    panel = shown_as_child(PredictionPanel, 360, 640)
    panel.set_model_source(lambda: (cnn, "cnn"))
    return panel


def test_off_by_default_and_no_overlay(panel, cnn, drawn_one, qtbot):
    assert not panel.saliency_on()
    panel.show_prediction(cnn.predict(drawn_one))
    qtbot.wait(50)
    assert panel.preview.overlay() is None


def test_overlay_is_the_engine_map_and_remembered(panel, cnn, drawn_one, qtbot):
    panel.saliency_box.setChecked(True)
    assert QSettings().value(SALIENCY_KEY, False, bool)
    panel.show_prediction(cnn.predict(drawn_one))
    qtbot.waitUntil(lambda: panel.preview.overlay() is not None and not panel.saliency_pending(), timeout=5000)
    expected = occlusion(cnn, drawn_one).scaled()
    np.testing.assert_allclose(panel.preview.overlay(), expected, atol=1e-6)
    # the strongest supporting pixel is drawn in the "supports" colour, visibly
    r, c = np.unravel_index(np.argmax(expected), expected.shape)
    color = panel.preview.overlay_color(r, c)
    assert color.alpha() > 200 and color.red() > color.blue()
    panel.saliency_box.setChecked(False)
    assert panel.preview.overlay() is None
    assert not QSettings().value(SALIENCY_KEY, True, bool)


def test_why_not_another_digit(panel, cnn, drawn_one, qtbot):
    panel.saliency_box.setChecked(True)
    panel.show_prediction(cnn.predict(drawn_one))
    assert panel.target_combo.itemText(0) == "for 1 ✓"
    qtbot.waitUntil(lambda: panel.preview.overlay() is not None and not panel.saliency_pending(), timeout=5000)
    answer = panel.preview.overlay().copy()
    panel.set_saliency_target(4)
    qtbot.waitUntil(lambda: not panel.saliency_pending(), timeout=5000)
    qtbot.wait(20)
    np.testing.assert_allclose(panel.preview.overlay(), occlusion(cnn, drawn_one, target=4).scaled(), atol=1e-6)
    assert not np.allclose(panel.preview.overlay(), answer)


def test_empty_canvas_clears_the_overlay(panel, cnn, drawn_one, qtbot):
    panel.saliency_box.setChecked(True)
    panel.show_prediction(cnn.predict(drawn_one))
    qtbot.waitUntil(lambda: panel.preview.overlay() is not None, timeout=5000)
    panel.show_prediction(None)
    qtbot.waitUntil(lambda: not panel.saliency_pending(), timeout=5000)
    qtbot.wait(20)
    assert panel.preview.overlay() is None


def test_stale_requests_are_dropped(panel, cnn, qtbot):
    """Many strokes in a row: the overlay shown at the end is the last drawing's."""
    images, _ = drawn_digit_set(12, seed=3)
    xs = [x for x in map(preprocess_digit, images) if x is not None]
    panel.saliency_box.setChecked(True)
    for x in xs:
        panel.show_prediction(cnn.predict(x))
    qtbot.waitUntil(lambda: not panel.saliency_pending(), timeout=10000)
    qtbot.wait(20)
    np.testing.assert_allclose(panel.preview.overlay(), occlusion(cnn, xs[-1]).scaled(), atol=1e-6)


def test_setting_is_read_at_start(shown_as_child):
    QSettings().setValue(SALIENCY_KEY, True)
    panel = shown_as_child(PredictionPanel, 360, 640)
    assert panel.saliency_on()

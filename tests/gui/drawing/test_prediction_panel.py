"""The prediction panel: wording, bars, preview, status line, and update cost in items."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette

from engine.calibration import NOT_A_DIGIT
from engine.predictor import Prediction
from gui import theme
from gui.drawing.prediction_panel import (EMPTY_CAPTION, PLACEHOLDER, UNSURE_BELOW, InputPreview,
                                  PredictionPanel, describe, percent_text)


def make_prediction(probabilities: dict[int, float], image: np.ndarray | None = None,
                    reason: str | None = None) -> Prediction:
    """A prediction with the given probabilities; the rest is spread evenly over the other digits."""
    p = np.zeros(10, np.float32)
    for digit, value in probabilities.items():
        p[digit] = value
    rest = [d for d in range(10) if d not in probabilities]
    p[rest] = (1.0 - p.sum()) / len(rest)
    if image is None:
        image = np.random.default_rng(sum(probabilities)).random((28, 28)).astype(np.float32)
    return Prediction(image=image, probabilities=p, activations=(), reason=reason)


@pytest.fixture
def panel(shown_as_child) -> PredictionPanel:
    """A shown panel at the size it has beside the canvas."""
    return shown_as_child(PredictionPanel, 360, 640)


def test_describe_confident_gives_digit_and_percentage():
    assert describe(make_prediction({7: 0.98})) == ("7", "98% sure")


def test_describe_unsure_names_the_top_two():
    assert describe(make_prediction({4: 0.45, 9: 0.40})) == ("4", "maybe 4 or 9")


def test_describe_a_tie_agrees_with_the_predicted_digit():
    tie = make_prediction({5: 0.45, 3: 0.45})
    assert describe(tie) == (str(tie.digit), "maybe 3 or 5") == ("3", "maybe 3 or 5")


def test_describe_not_a_digit_says_so_instead_of_a_number():
    assert describe(make_prediction({4: 0.3}, reason=NOT_A_DIGIT)) == ("?", "That doesn't look like a digit")


def test_not_a_digit_replaces_the_number_but_the_bars_still_show(panel):
    panel.show_prediction(make_prediction({8: 0.97}))
    sure = panel.digit_label.palette().color(QPalette.ColorRole.WindowText)
    refused = make_prediction({8: 0.35, 3: 0.2}, reason=NOT_A_DIGIT)
    panel.show_prediction(refused)
    assert (panel.digit_label.text(), panel.caption_label.text()) == ("?", "That doesn't look like a digit")
    assert panel.is_not_a_digit() and not panel.is_unsure()
    assert panel.digit_label.palette().color(QPalette.ColorRole.WindowText) != sure
    np.testing.assert_allclose(panel.bars.bar_heights(), refused.probabilities, atol=1e-6)
    np.testing.assert_array_equal(panel.preview.image(), refused.image)
    panel.show_prediction(make_prediction({8: 0.97}))
    assert panel.digit_label.text() == "8" and not panel.is_not_a_digit()


@pytest.mark.parametrize("width", [360, 270])
def test_a_long_caption_fits_its_two_lines_in_a_smaller_type_and_a_short_one_keeps_its_size(shown_as_child, width):
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    panel = shown_as_child(PredictionPanel, width, 640)
    caption = panel.caption_label
    panel.show_prediction(make_prediction({8: 0.35}, reason=NOT_A_DIGIT))
    box = QRect(0, 0, caption.contentsRect().width(), 10_000)
    used = QFontMetrics(caption.font()).boundingRect(box, int(Qt.TextFlag.TextWordWrap), caption.text())
    assert used.height() <= caption.contentsRect().height() and caption.font().pixelSize() >= 12
    panel.show_prediction(make_prediction({8: 0.97}))
    assert caption.font().pixelSize() == 17


def test_describe_nothing_asks_for_a_drawing():
    assert describe(None) == (PLACEHOLDER, EMPTY_CAPTION) == ("–", "Draw a digit")


def test_describe_switches_to_a_guess_exactly_below_the_threshold():
    assert describe(make_prediction({3: UNSURE_BELOW}))[1] == "60% sure"
    assert describe(make_prediction({3: UNSURE_BELOW - 0.01, 8: 0.3}))[1] == "maybe 3 or 8"


def test_percentages_never_round_up_to_certainty():
    assert [percent_text(p) for p in (0.973, 0.004, 0.0, 0.01, 0.9996, 1.0)] == \
        ["97%", "<1%", "<1%", "1%", "99%", "100%"]
    assert describe(make_prediction({1: 0.9996}))[1] == "99% sure"


def test_show_prediction_fills_bars_labels_and_preview(panel):
    prediction = make_prediction({7: 0.97, 1: 0.02})
    panel.show_prediction(prediction)

    assert panel.digit_label.text() == "7"
    assert panel.caption_label.text() == "97% sure"
    assert not panel.is_unsure()
    np.testing.assert_allclose(panel.bars.bar_heights(), prediction.probabilities, atol=1e-6)
    assert panel.bars.bar_labels() == [percent_text(p) for p in prediction.probabilities]
    assert panel.bars.bar_labels()[7] == "97%" and panel.bars.bar_labels()[0] == "<1%"
    colors = [c.name() for c in panel.bars.bar_colors()]
    assert colors[7] == theme.accent(panel.palette()).name()
    assert len({c for i, c in enumerate(colors) if i != 7}) == 1 and colors[0] != colors[7]
    np.testing.assert_array_equal(panel.preview.image(), prediction.image)


def test_unsure_prediction_is_styled_as_a_guess(panel):
    panel.show_prediction(make_prediction({4: 0.97}))
    sure_color = panel.digit_label.palette().color(QPalette.ColorRole.WindowText)
    panel.show_prediction(make_prediction({4: 0.45, 9: 0.40}))

    assert (panel.digit_label.text(), panel.caption_label.text()) == ("4", "maybe 4 or 9")
    assert panel.is_unsure()
    unsure_color = panel.digit_label.palette().color(QPalette.ColorRole.WindowText)
    assert unsure_color == theme.unsure(panel.palette()) != sure_color
    colors = [c.name() for c in panel.bars.bar_colors()]
    assert colors[4] == theme.unsure(panel.palette()).name() != colors[0]
    assert colors[9] not in (colors[0], colors[4])   # the runner-up is marked too


def test_none_resets_everything(panel):
    panel.show_prediction(make_prediction({2: 0.9}))
    panel.show_prediction(None)

    assert (panel.digit_label.text(), panel.caption_label.text()) == (PLACEHOLDER, EMPTY_CAPTION)
    assert not panel.bars.bar_heights().any()
    assert panel.bars.bar_labels() == [""] * 10
    assert len({c.name() for c in panel.bars.bar_colors()}) == 1
    assert panel.preview.image() is None
    assert panel.prediction() is None


def test_repeated_updates_reuse_the_same_graphics_items(panel):
    plot_item = panel.bars.getPlotItem()
    panel.show_prediction(make_prediction({0: 0.9}))
    before = (len(plot_item.items), len(panel.bars.scene().items()))
    items_before = list(plot_item.items)
    predictions = [make_prediction({d % 10: 0.3 + 0.01 * d}) for d in range(50)]
    for i, prediction in enumerate(predictions):
        panel.show_prediction(None if i % 10 == 9 else prediction)

    assert (len(plot_item.items), len(panel.bars.scene().items())) == before
    assert all(a is b for a, b in zip(plot_item.items, items_before))   # the very same items
    panel.show_prediction(predictions[-1])
    np.testing.assert_allclose(panel.bars.bar_heights(), predictions[-1].probabilities, atol=1e-6)


def test_chart_range_is_fixed_and_not_interactive(panel):
    view_box = panel.bars.getPlotItem().getViewBox()
    before = view_box.viewRange()
    panel.show_prediction(make_prediction({5: 1.0}))
    panel.show_prediction(make_prediction({5: 0.02, 6: 0.01}))

    np.testing.assert_allclose(view_box.viewRange(), before)
    assert before[1][0] == 0.0 and before[1][1] >= 1.1     # 0..1 plus room for the labels
    assert view_box.state["mouseEnabled"] == [False, False]
    assert not view_box.menuEnabled()


def test_status_shows_in_the_caption_while_empty_then_in_the_status_line(panel):
    panel.set_status("Loading TensorFlow…")
    assert panel.caption_label.text() == "Loading TensorFlow…" and panel.caption_label.isVisible()

    panel.show_prediction(make_prediction({8: 0.9}))
    assert panel.caption_label.text() == "90% sure"
    assert panel.status_label.text() == "Loading TensorFlow…" and panel.status_label.isVisible()

    panel.set_status(None)
    assert panel.status_label.text() == ""
    panel.show_prediction(None)
    assert panel.caption_label.text() == EMPTY_CAPTION


def test_preview_draws_crisp_pixels(qtbot):
    preview = InputPreview()
    qtbot.addWidget(preview)
    preview.resize(preview.sizeHint())
    image = np.zeros((28, 28), np.float32)
    image[5, 20] = 1.0
    preview.set_image(image)
    shot = preview.grab().toImage()
    scale = shot.width() / preview.width()   # device pixel ratio
    rect, cell = preview.pixel_rect(), preview.scale
    assert rect.width() == 28 * cell

    def gray(row, col, dx):
        x = rect.left() + col * cell + dx
        y = rect.top() + row * cell + dx
        return QColor(shot.pixel(int(x * scale), int(y * scale))).value()

    assert gray(5, 20, 2) > 230 and gray(5, 20, cell - 1) > 230   # the whole cell, sharp
    assert gray(5, 21, 2) < 60 and gray(6, 20, 2) < 60                          # neighbours stay dark


def test_dark_palette_recolours_bars_and_text(panel):
    dark = QPalette(panel.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#1e1f22"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    assert theme.is_dark(dark) and not theme.is_dark(QPalette(QColor("#f0f0f0")))

    panel.show_prediction(make_prediction({3: 0.95}))
    light_accent = panel.bars.bar_colors()[3].name()
    panel.setPalette(dark)

    assert panel.bars.bar_colors()[3].name() == theme.accent(dark).name() != light_accent
    assert panel.digit_label.palette().color(QPalette.ColorRole.WindowText) == QColor("#e6e6e6")

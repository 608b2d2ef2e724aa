"""The layer-activation view: builds for any model, shows the Predictor's own numbers, explains a
neuron with the course's formula, compares NumPy with TensorFlow, and updates without new items."""
from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPalette, QTextDocument

from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.models import LayerSpec, ModelSpec, build_model
from engine.predictor import LayerActivation, Prediction, Predictor
from gui.network.colors import TILE_DIVERGING, TILE_SEQUENTIAL, channel_scale, level_index, value_range
from gui.network.view import INPUT, INSPECTOR, ActivationView
from gui.network.layout import node_positions
from gui.drawing.answer_text import percent_text

ALL_KINDS = ModelSpec("all-kinds", (
    LayerSpec("conv2d", filters=8, kernel=3, activation="tanh"), LayerSpec("batchnorm"),
    LayerSpec("avgpool", pool=2), LayerSpec("conv2d", filters=6, kernel=3, activation="relu"),
    LayerSpec("maxpool", pool=2), LayerSpec("flatten"), LayerSpec("dropout", rate=0.5),
    LayerSpec("dense", units=512, activation="relu"), LayerSpec("dense", units=24, activation="sigmoid"),
    LayerSpec("dense", units=10)))

_predictors: dict[str, Predictor] = {}


def predictor(name: str) -> Predictor:
    """One untrained (seeded) model per preset for the whole module: compiling is the slow part."""
    if name not in _predictors:
        _predictors[name] = Predictor(build_model(ALL_KINDS if name == "all-kinds" else name, seed=4))
    return _predictors[name]


def drawing(digit: int) -> np.ndarray:
    return render_strokes(DIGIT_TEMPLATES[digit][0], size=(440, 440), pen_width=28)


def predict(name: str, digit: int = 7) -> Prediction:
    return predictor(name).recognise(drawing(digit))


def show(view: ActivationView, name: str, digit: int = 7) -> Prediction:
    """The view shows ``name``'s model answering a drawn ``digit``, as in the app."""
    view.set_network(predictor(name).network)
    prediction = predict(name, digit)
    view.show_prediction(prediction)
    return prediction


def layers_by_name(view: ActivationView) -> dict:
    return {info.name: info for info in view.layer_infos()}


@pytest.fixture
def view(shown_as_child) -> ActivationView:
    """A shown view at the size it has below the canvas."""
    return shown_as_child(ActivationView, 1040, 360)


def plain(html: str) -> str:
    """Tooltip HTML as text: tags dropped, real minus signs as '-'."""
    return re.sub(r"<[^>]+>", "", html.replace("<br>", "\n")).replace("−", "-")


def scene_items(view: ActivationView) -> set[int]:
    return {id(item) for item in view.view.scene().items()}


def assert_inside_scene(view: ActivationView) -> None:
    """Nothing is clipped: every visible item lies inside the visible scene."""
    area = view.view.sceneRect().adjusted(-0.5, -0.5, 0.5, 0.5)
    for item in view.view.scene().items():
        if item.isVisible() and item.parentItem() is None and item is not view.view.centralWidget:
            rect = item.sceneBoundingRect()
            if rect.isValid() and not rect.isEmpty():
                assert area.contains(rect), (type(item).__name__, rect, area)


# ----- building -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["course-mlp", "sigmoid-mlp", "cnn"])
def test_builds_for_every_preset_with_a_picture_for_every_layer(view, name):
    pred = predictor(name)
    view.set_network(pred.network)
    view.show_prediction(predict(name))
    kinds = {info.name: view.column_kind(info.index) for info in view.layer_infos()}
    for info in view.layer_infos():
        if info.kind == "Dense":
            assert kinds[info.name] in ("dense", "output", "grid")
        elif info.kind in ("Conv2D", "MaxPooling2D"):
            assert kinds[info.name] == "maps"
        else:   # Flatten, Dropout, Reshape, BatchNorm: named in passing, not hidden
            assert kinds[info.name] is None
            assert info.chip in view.chip_names()
    assert kinds["output"] == "output"
    assert view.drawer(INPUT) is not None
    dense = [info for info in view.layer_infos() if info.kind == "Dense"]
    assert [view.drawer(info.index).title.text() for info in dense[:-1]] == [
        f"Layer {n}" for n in range(1, len(dense))]
    first = view.drawer(dense[0].index)
    assert first.detail.text() == f"{dense[0].units} · {dense[0].activation}"
    assert_inside_scene(view)


def test_custom_model_with_every_layer_kind_and_a_wide_layer_in_a_grid(view):
    prediction = show(view, "all-kinds", 3)
    infos = layers_by_name(view)
    for name in ("conv_1", "avgpool_1", "conv_2", "maxpool_1"):
        assert view.column_kind(infos[name].index) == "maps"
    assert sorted(view.chip_names()) == sorted(["Reshape", "BatchNorm", "Flatten", "Dropout 50%"])
    wide = view.drawer(infos["dense_1"].index).column
    assert wide.kind == "grid" and wide.cols > 4
    rows = -(-512 // wide.cols)
    assert wide.content[3] <= 360 and rows * (wide.tile + wide.gap) - wide.gap == wide.content[3]
    assert view.column_kind(infos["dense_2"].index) == "dense"
    assert view.drawer(infos["conv_1"].index).image.image.shape[:2] == view.drawer(infos["conv_1"].index).gather.shape
    for info, activation in zip(view.layer_infos(), prediction.activations):
        drawer = view.drawer(info.index)
        if drawer is not None:
            np.testing.assert_array_equal(drawer.values, activation.values)
    assert_inside_scene(view)


# ----- values -------------------------------------------------------------------------------------------
def test_values_shown_are_the_predictors_activations(view):
    prediction = show(view, "course-mlp")
    colors = view.colors
    for info, activation in zip(view.layer_infos(), prediction.activations):
        drawer = view.drawer(info.index)
        if drawer is None:
            continue
        np.testing.assert_array_equal(drawer.values, activation.values)
        if info.role == "dense":   # read back from the item: each circle's fill is its activation
            lo, hi, _ = value_range(activation.values, info.activation)
            expected = [QColor(*map(int, colors.node_lut[i])) for i in level_index(activation.values, lo, hi)]
            assert [QColor(brush.color()) for brush in drawer.nodes.data["brush"]] == expected
    output = view.drawer(view.layer_infos()[-1].index)
    assert [label.text() for label in output.percents] == [percent_text(p) for p in prediction.probabilities]
    assert output.winner == prediction.digit
    p = np.clip(prediction.probabilities, 0, 1)
    assert [QColor(b.color()) for b in output.nodes.data["brush"]] == [
        QColor(*map(int, colors.node_lut[i])) for i in level_index(p, 0.0, 1.0)]
    shown = view.drawer(INPUT).image.image                 # the input, pixel for pixel (grey levels)
    side = shown.shape[0] // 28
    np.testing.assert_array_equal(shown[side // 2::side, side // 2::side, 0][:28, :28],
                                  level_index(prediction.image, 0.0, 1.0).astype(np.uint8))


def test_feature_map_tiles_show_each_channels_values(view):
    prediction = show(view, "cnn")
    for info in view.layer_infos():
        if view.column_kind(info.index) != "maps":
            continue
        drawer = view.drawer(info.index)
        values = prediction.activations[info.index].values
        np.testing.assert_array_equal(drawer.values, values)
        scale = channel_scale(values)
        lut = TILE_DIVERGING if values.min() < 0 else TILE_SEQUENTIAL
        h, w, c = values.shape
        ox, oy = drawer.column.content[:2]
        for channel in (0, c // 2, c - 1):
            for r, col in ((0, 0), (h // 2, w // 3), (h - 1, w - 1)):
                pos = view.unit_position(info.index, channel, (r, col))
                pixel = drawer.image.image[int(pos.y() - oy), int(pos.x() - ox)]
                lo = -1.0 if values.min() < 0 else 0.0
                expected = lut[level_index(values[r, col, channel] / scale[channel], lo, 1.0)]
                np.testing.assert_array_equal(pixel, expected, err_msg=f"{info.name} ch {channel} ({r}, {col})")


# ----- hover ---------------------------------------------------------------------------------------------
def numbers_after(text: str, label: str) -> float:
    line = next(line for line in plain(text).splitlines() if line.startswith(label))
    return float(line.rsplit("=", 1)[1].split()[0])


def test_hover_text_has_z_g_and_a_of_a_known_neuron(view):
    model = predictor("course-mlp").model
    prediction = show(view, "course-mlp")
    infos = layers_by_name(view)
    W, b = model.get_layer("dense_2").get_weights()
    a1 = prediction.activations[infos["dense_1"].index].values.astype(np.float64)
    z = W.astype(np.float64).T @ a1 + b
    for j in (int(np.argmax(z)), int(np.argmin(z))):      # one firing neuron, one silenced by relu
        text = view.hover_text(infos["dense_2"].index, j)
        assert f"Layer 2 · neuron {j}" in plain(text)
        assert f"a<sub>{j}</sub><sup>[2]</sup> = g(w<sub>{j}</sub><sup>[2]</sup>" in text
        assert numbers_after(text, "z =") == pytest.approx(z[j], abs=1e-4)
        assert "g = relu" in plain(text)
        assert numbers_after(text, "g = relu") == pytest.approx(max(z[j], 0.0), abs=1e-4)
        dot = float(W[:, j].astype(np.float64) @ a1)
        assert f"{dot:.4f} + " in plain(text)
    out = view.hover_text(infos["output"].index, 7)
    assert f"P(y = 7 | x) = <b>{percent_text(prediction.probabilities[7])}</b>" in out
    assert numbers_after(out, "g = linear") == pytest.approx(
        float(prediction.activations[-1].values[7]), abs=1e-4)


def test_the_output_hover_names_the_calibration_temperature(view):
    """With a calibrated model the bars are softmax(z / T): the hover says so, with numbers that add up."""
    import dataclasses

    from engine.calibration import softmax

    prediction = show(view, "course-mlp")
    infos = layers_by_name(view)
    z = prediction.activations[infos["output"].index].values.astype(np.float64)
    p = softmax(z, 2.0)
    view.show_prediction(dataclasses.replace(prediction, probabilities=p.astype(np.float32), temperature=2.0))
    out = plain(view.hover_text(infos["output"].index, 3))
    assert "softmax of the 10 outputs ÷ T = 2.00 → P(y = 3 | x) = " + percent_text(p[3]) in out
    assert "calibration" in out


def test_hover_over_a_neuron_with_the_mouse_rings_it_and_shows_the_tooltip(view, qtbot):
    show(view, "course-mlp")
    index = view.layer_infos()[2].index
    pos = view.view.mapFromScene(view.unit_position(index, 4))
    qtbot.mouseMove(view.view.viewport(), pos)
    qtbot.waitUntil(lambda: view._hover is not None, timeout=2000)
    assert tuple(view._hover[:2]) == (index, 4)
    assert view._highlight.ring.isVisible()
    text, rect = view.tooltip_at(pos)           # what Qt's ToolTip event shows there
    assert view.hover_text(index, 4) in text and rect.contains(pos)
    # laid out narrower than its lines, the tooltip still keeps each formula on one line
    document = QTextDocument()
    document.setHtml(text)
    document.setTextWidth(120)
    document.documentLayout().documentSize()   # lays the text out
    lines = sum(document.findBlockByNumber(b).layout().lineCount() for b in range(document.blockCount()))
    assert lines == text.count("<br>") + 1
    qtbot.mouseMove(view.view.viewport(), view.view.mapFromScene(QPointF(3, 3)))
    qtbot.waitUntil(lambda: view._hover is None, timeout=2000)
    assert not view._highlight.ring.isVisible()


def test_every_unit_is_found_where_it_is_drawn(view):
    show(view, "cnn")
    for info in view.layer_infos():
        kind = view.column_kind(info.index)
        if kind is None:
            continue
        n = info.shape[-1]
        for unit in (0, n // 2, n - 1):
            hit = view.hit_test(view.unit_position(info.index, unit))
            assert hit is not None and hit[:2] == (info.index, unit), (info.name, unit)
    assert view.hit_test(view.unit_position(INPUT, 28 * 14 + 3))[:2] == (INPUT, 28 * 14 + 3)
    conv = next(info for info in view.layer_infos() if info.kind == "Conv2D")
    text = plain(view.hover_text(conv.index, 2, (5, 6)))
    assert "channel 2 of 32" in text and "at row 5, column 6" in text


# ----- NumPy check ------------------------------------------------------------------------------------
def test_numpy_toggle_shows_agreement_and_catches_a_difference(view):
    prediction = show(view, "course-mlp")
    assert "NumPy" not in view.status_label.full_text()
    view.numpy_check = True
    assert view.numpy_box.isChecked()
    assert view.numpy_difference() < 1e-4
    assert re.fullmatch(r"NumPy = TensorFlow to \S+", view.status_label.full_text())
    dense = view.layer_infos()[1]
    assert view.drawer(dense.index).detail.text().startswith("Δ ")
    assert "NumPy forward:" in plain(view.hover_text(dense.index, 0))
    # the comparison really compares: a prediction whose numbers are off is called out
    tampered = Prediction(prediction.image, prediction.probabilities, tuple(
        LayerActivation(a.name, a.kind, a.values + 0.5) for a in prediction.activations))
    view.show_prediction(tampered)
    assert view.numpy_difference() == pytest.approx(0.5, abs=1e-4)
    assert "≠" in view.status_label.full_text()
    view.numpy_check = False
    assert view.drawer(dense.index).detail.text() == "25 · relu"


# ----- updates, switches, training -----------------------------------------------------------------------
def test_repeated_updates_create_no_items(view):
    view.set_network(predictor("cnn").network)
    predictions = [predict("cnn", d) for d in (1, 7)]
    view.show_prediction(predictions[0])
    before = scene_items(view)
    for i in range(30):
        view.show_prediction(None if i % 10 == 9 else predictions[i % 2])
    assert scene_items(view) == before
    view.show_prediction(predictions[1])
    assert view.drawer(view.layer_infos()[-1].index).winner == predictions[1].digit


def test_idle_state_when_the_canvas_is_empty(view):
    show(view, "course-mlp")
    view.show_prediction(None)
    output = view.drawer(view.layer_infos()[-1].index)
    assert all(label.text() == "" for label in output.percents)
    assert not output.ring.isVisible()
    assert view.drawer(view.layer_infos()[1].index).values is None
    assert view.connection_count() == 0
    assert view.status_label.full_text().startswith("Draw a digit")
    assert "Draw a digit to see the numbers" in view.hover_text(1, 0)


def test_switching_models_rebuilds_and_ignores_the_old_models_predictions(view):
    view.set_network(predictor("course-mlp").network)
    old_prediction = predict("course-mlp")
    view.show_prediction(old_prediction)
    old_items = list(view.view.scene().items())
    view.set_network(predictor("cnn").network)
    assert all(item.scene() is None for item in old_items if item is not view.view.centralWidget)
    assert [view.column_kind(info.index) for info in view.layer_infos()].count("maps") == 6
    view.show_prediction(old_prediction)       # a late answer of the previous model
    assert view.drawer(INPUT).values is None
    view.show_prediction(predict("cnn"))
    assert view.drawer(INPUT).values is not None
    assert_inside_scene(view)


def test_new_weights_change_the_numbers_without_a_rebuild(view):
    model = build_model("course-mlp", seed=9)
    own = Predictor(model)
    view.set_network(own.network)
    view.show_prediction(own.recognise(drawing(2)))
    items = scene_items(view)
    index = view.layer_infos()[-1].index
    before = numbers_after(view.hover_text(index, 2), "z =")
    own.set_weights([w * 1.5 for w in model.get_weights()])
    view.set_weights_changed(own.network)
    view.show_prediction(own.recognise(drawing(2)))
    assert scene_items(view) == items
    W, b = own.model.get_layer("output").get_weights()
    a2 = view._prediction.activations[index - 1].values.astype(np.float64)
    after = numbers_after(view.hover_text(index, 2), "z =")
    assert after == pytest.approx(float(W[:, 2] @ a2 + b[2]), abs=1e-4) and after != pytest.approx(before)


# ----- inspector ------------------------------------------------------------------------------------------
def click(view, qtbot, pos: QPointF) -> None:
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=view.view.mapFromScene(pos))


def test_clicking_a_first_layer_neuron_shows_its_784_weights_as_an_image(view, qtbot):
    model = predictor("course-mlp").model
    show(view, "course-mlp")
    first = view.layer_infos()[1]
    click(view, qtbot, view.unit_position(first.index, 5))
    layer_index, unit, weights = view.inspected()
    assert (layer_index, unit) == (first.index, 5)
    np.testing.assert_allclose(weights[:, :, 0], model.get_layer("dense_1").get_weights()[0][:, 5].reshape(28, 28))
    inspector = view.drawer(INPUT).inspector
    assert inspector.isVisible() and inspector.image.shape[0] == inspector.image.shape[1] >= 28
    assert view.drawer(INPUT).caption.toPlainText() == "Weights into a5[1]"
    click(view, qtbot, view.unit_position(first.index, 5))    # again: back to the most active neuron
    layer_index, unit, _ = view.inspected()
    assert unit == int(np.argmax(view._prediction.activations[first.index].values))


def test_clicking_a_conv_channel_shows_its_filter(view, qtbot):
    model = predictor("cnn").model
    show(view, "cnn")
    convs = [info for info in view.layer_infos() if info.kind == "Conv2D"]
    click(view, qtbot, view.unit_position(convs[0].index, 5, (3, 3)))
    assert view.inspected()[:2] == (convs[0].index, 5)
    np.testing.assert_allclose(view.inspected()[2][:, :, 0], model.get_layer(convs[0].name).get_weights()[0][:, :, 0, 5])
    click(view, qtbot, view.unit_position(convs[1].index, 9, (1, 1)))
    assert view.inspected()[2].shape == (3, 3, 32)


# ----- looks ------------------------------------------------------------------------------------------------
def test_dark_palette_recolours_without_a_rebuild(view):
    show(view, "cnn")
    items = scene_items(view)
    light_node = QColor(view.colors.node_brushes[0].color())
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#1f2329"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    view.setPalette(palette)
    assert QColor(view.colors.node_brushes[0].color()) != light_node
    assert view.view.backgroundBrush().color() == QColor("#1f2329")
    assert scene_items(view) == items


def test_labels_and_chips_do_not_overlap(view):
    show(view, "cnn")
    titles = [d.title.sceneBoundingRect() for d in view._drawers]
    details = [d.detail.sceneBoundingRect() for d in view._drawers]
    chips = [chip.rect for chip in view._chips]
    for group in (titles, details, chips):
        for a, b in zip(group, group[1:]):
            assert a.right() <= b.left(), (a, b)
    assert all(QRectF(view.view.sceneRect()).contains(rect) for rect in titles + chips)


def test_hovering_the_inspector_explains_its_colours(view):
    show(view, "course-mlp")
    x, y, w, h = view.drawer(INPUT).weights_rect
    found = view.hit_test(QPointF(x + w / 2, y + h / 2))
    assert found[0] == INSPECTOR
    text = plain(view.hover_text(*found))
    top = float(np.max(np.abs(view.inspected()[2])))
    assert "blue: positive · orange: negative" in text and f"±{top:.3f}" in text


def test_conv_hover_computes_z_from_the_patch_and_the_filter(view):
    model = predictor("cnn").model
    prediction = show(view, "cnn")
    infos = layers_by_name(view)
    W, b = model.get_layer("conv_2").get_weights()
    x = prediction.activations[infos["batchnorm_1"].index].values.astype(np.float64)   # conv_2's input
    r, c, channel = 7, 9, 5
    z = float(np.sum(x[r:r + 3, c:c + 3, :] * W[:, :, :, channel]) + b[channel])
    text = view.hover_text(infos["conv_2"].index, channel, (r, c))
    assert numbers_after(text, "at row 7, column 9: z =") == pytest.approx(z, abs=1e-4)
    assert numbers_after(text, "g = relu") == pytest.approx(
        float(prediction.activations[infos["conv_2"].index].values[r, c, channel]), abs=1e-4)


def test_no_model_shows_nothing_and_takes_predictions_quietly(view):
    view.set_network(predictor("course-mlp").network)
    view.set_network(None)
    assert [item for item in view.view.scene().items() if item is not view.view.centralWidget] == []
    view.show_prediction(predict("course-mlp"))
    view.set_weights_changed(predictor("course-mlp").network)
    assert view.status_label.full_text() == "No model yet" and view.hit_test(QPointF(100, 100)) is None


def test_any_number_of_layers_fits_by_shrinking(view):
    deep = ModelSpec("deep", tuple(LayerSpec("dense", units=30, activation="relu") for _ in range(14))
                     + (LayerSpec("dense", units=10),))
    own = Predictor(build_model(deep, seed=1))
    view.set_network(own.network)
    view.show_prediction(own.recognise(drawing(5)))
    assert [view.column_kind(info.index) for info in view.layer_infos()].count("dense") == 14
    assert view.view.sceneRect().width() > view.view.width()       # laid out wider, shown smaller
    assert_inside_scene(view)
    labels = [d.title.sceneBoundingRect() for d in view._drawers]
    assert all(a.right() <= b.left() for a, b in zip(labels, labels[1:]))


@pytest.mark.parametrize("height", [240, 360])
def test_output_percentages_sit_level_with_their_neurons_and_rings_stay_in_their_row(shown_as_child, height):
    """The labels were placed while still empty (no height), so they sat half a row low; the
    winner's ring was wider than a row in a low view and overlapped its neighbours."""
    view = shown_as_child(ActivationView, 1040, height)
    view.set_network(predictor("cnn").network)       # placed while empty, as at start-up
    view.show_prediction(predict("cnn"))
    output = view.drawer(view.layer_infos()[-1].index)
    column = output.column
    for (x, y), label in zip(node_positions(column), output.percents):
        centre = label.sceneBoundingRect().center().y()
        assert abs(centre - y) <= 1.0, (centre, y)
    pitch = column.content[2]
    ring = output.ring.data["size"][0] * column.scale
    assert ring <= pitch, (ring, pitch)
    assert 2 * column.radius < pitch


def test_the_header_legend_gives_way_whole_in_a_narrow_view(shown_as_child):
    wide = shown_as_child(ActivationView, 1040, 300)
    narrow = shown_as_child(ActivationView, 560, 300)
    for view in (wide, narrow):
        show(view, "course-mlp")
    assert "hover: formula" in wide.status_label.text()
    shown = re.sub(r"<[^>]+>", "", narrow.status_label.text()).replace("&nbsp;", " ")
    assert narrow.status_label.fontMetrics().horizontalAdvance(shown) <= narrow.status_label.width()
    assert narrow.status_label.text() in ("", *narrow.status_label._variants)

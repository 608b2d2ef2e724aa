"""The activation view in Turkish: switched live, its header, column titles, chips, inspector,
output percentages, legend and hover texts (decimal commas, "%97") change without new input and
without new items, the Turkish labels still fit, and everything is English again after switching back."""
from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from gui import i18n
from gui.drawing.answer_text import percent_text
from gui.network import text as words
from gui.network.view import INPUT, INSPECTOR, ActivationView
from tests.gui.network.test_view import assert_inside_scene, plain, predict, predictor, scene_items, show


@pytest.fixture
def view(shown_as_child) -> ActivationView:
    return shown_as_child(ActivationView, 1040, 360)


@pytest.fixture
def switch(qtbot):
    """``switch(language)``: the app in ``language``, every widget told (the event is posted)."""
    def to(language: str) -> None:
        assert i18n.set_language(language)
        qtbot.wait(50)

    yield to
    if i18n.current() != i18n.ENGLISH:
        i18n.set_language(i18n.ENGLISH)
        qtbot.wait(20)


def titles(view: ActivationView) -> list[str]:
    return [drawer.title.text() for drawer in view._drawers]


def assert_labels_fit(view: ActivationView) -> None:
    """Titles, details and chips side by side without overlapping, all inside the picture."""
    assert_inside_scene(view)
    for group in ([d.title.sceneBoundingRect() for d in view._drawers],
                  [d.detail.sceneBoundingRect() for d in view._drawers],
                  [chip.rect for chip in view._chips]):
        for a, b in zip(group, group[1:]):
            assert a.right() <= b.left(), (a, b)
    for chip in view._chips:        # each chip's words inside its box
        assert chip.rect.contains(chip.text.sceneBoundingRect().adjusted(1, 1, -1, -1)), chip.text.text()
    output = view.drawer(view.layer_infos()[-1].index)
    right = view.view.sceneRect().right()
    for label in output.percents:   # "%100" and "<%1" fit right of the output neurons
        assert label.sceneBoundingRect().right() <= right + 0.5, label.text()
        assert label.sceneBoundingRect().left() >= output.column.x


def test_the_header_columns_output_and_legend_turn_turkish_and_back(view, switch):
    prediction = show(view, "course-mlp")
    items = scene_items(view)
    english = {"titles": titles(view), "model": view.model_label.text(), "status": view.status_label.full_text(),
               "caption": view.drawer(INPUT).caption.toPlainText(), "hint": view.drawer(INPUT).hint.text()}
    assert english["titles"][:2] == ["Input", "Layer 1"] and "parameters" in english["model"]
    output = view.drawer(view.layer_infos()[-1].index)
    assert [label.text() for label in output.percents] == [percent_text(p) for p in prediction.probabilities]

    switch("tr")
    assert view.title_label.text() == "Ağın içi"
    assert view.numpy_box.text() == "NumPy ile denetle" and "NumPy ileri yayılımını" in view.numpy_box.toolTip()
    count = predictor("course-mlp").network.parameter_count()
    assert view.model_label.text().endswith(f"· 4 katman · {count:,} parametre".replace(",", "."))
    assert titles(view) == ["Girdi", "Katman 1", "Katman 2", "Çıktı · katman 3"]
    assert view.drawer(INPUT).detail.text() == "28×28 piksel"
    assert view.drawer(view.layer_infos()[-1].index).detail.text() == "10 rakam · softmax"
    # the answer on show, re-worded without a new prediction: "%97", "<%1"
    shown = [label.text() for label in output.percents]
    assert shown == [percent_text(p) for p in prediction.probabilities]
    assert all(re.fullmatch(r"<?%\d+", text) for text in shown), shown
    assert output.percents[prediction.digit].text() == "%" + english_percent(prediction)[:-1]
    assert view.drawer(INPUT).caption.toPlainText().endswith(" ağırlıkları")
    assert view.drawer(INPUT).hint.text() == "en aktif · seçmek için tıkla"
    assert "uyarır" in view.status_label.full_text() and "üzerine gel: formül" in view.status_label.full_text()
    assert scene_items(view) == items           # the same items, new words
    assert_labels_fit(view)

    switch("en")
    assert titles(view) == english["titles"] and view.model_label.text() == english["model"]
    assert view.status_label.full_text() == english["status"]
    assert view.drawer(INPUT).caption.toPlainText() == english["caption"]
    assert view.drawer(INPUT).hint.text() == english["hint"]
    assert [label.text() for label in output.percents] == [percent_text(p) for p in prediction.probabilities]
    assert view.title_label.text() == "Inside the network" and view.numpy_box.text() == "Check with NumPy"


def english_percent(prediction) -> str:
    p = float(prediction.probabilities[prediction.digit])
    return f"{round(p * 100) if p < 1 else 100}%"


def test_hover_texts_speak_turkish_with_decimal_commas(view, switch):
    prediction = show(view, "course-mlp")
    infos = {info.name: info for info in view.layer_infos()}
    english = plain(view.hover_text(infos["dense_2"].index, 3))
    switch("tr")
    text = plain(view.hover_text(infos["dense_2"].index, 3))
    assert text.startswith("Katman 2 · nöron 3 dense_2 · relu · 25 girdi")
    z_line = next(line for line in text.splitlines() if line.startswith("z ="))
    assert re.search(r"= \-?\d+,\d{4}$", z_line), z_line               # decimal comma
    assert "," not in next(line for line in english.splitlines() if line.startswith("z =")).split("=")[-1]
    assert "en büyük w·a terimleri:" in text
    out = plain(view.hover_text(infos["output"].index, 7))
    assert out.startswith("Çıktı katmanı 3 · nöron 7 · rakam 7")
    assert f"10 çıktının softmax'ı → P(y = 7 | x) = {percent_text(prediction.probabilities[7])}" in out
    assert percent_text(prediction.probabilities[7]).startswith(("%", "<%"))
    pixel = plain(view.hover_text(INPUT, 28 * 14 + 3))
    assert "ağın gördüğü 28×28 görüntü" in pixel and "satır 14, sütun 3: x = " in pixel
    x, y, w, h = view.drawer(INPUT).weights_rect
    inspector = plain(view.hover_text(*view.hit_test(QPointF(x + w / 2, y + h / 2))))
    assert "mavi: pozitif · turuncu: negatif" in inspector and "ölçek ±" in inspector
    assert "Sayıları görmek için bir rakam çiz." in plain(words.dense_text(
        infos["dense_2"], 0, view.network.weights[infos["dense_2"].index], None, None, 25))
    assert words.fmt(-0.25, 2) == "−0,25" and words.fmt_small(-3e-7) == "−3e−7"


def test_the_numpy_check_and_the_status_line_in_turkish(view, switch):
    show(view, "course-mlp")
    view.numpy_check = True
    dense = view.layer_infos()[1]
    switch("tr")
    assert re.fullmatch(r"NumPy = TensorFlow \(en büyük fark \S+\)", view.status_label.full_text())
    assert "NumPy ileri yayılım: " in plain(view.hover_text(dense.index, 0))
    assert view.drawer(dense.index).detail.text().startswith("Δ ")   # the check's detail survives the switch
    view.numpy_check = False
    assert view.drawer(dense.index).detail.text() == "25 · relu"
    view.show_prediction(None)
    assert view.status_label.full_text() == "Bir rakam çiz: sen çizdikçe her katman yanıt verir"
    view.set_network(None)
    assert view.status_label.full_text() == "Henüz model yok"


def test_numpy_engine_is_named_in_turkish(view, switch):
    view.set_network(predictor("course-mlp").network, backend="numpy")
    view.show_prediction(predict("course-mlp"))
    view.numpy_check = True
    switch("tr")
    assert view.status_label.full_text().startswith("NumPy = NumPy motoru (float32) (en büyük fark")
    assert "NumPy motoru (float32): " in plain(view.hover_text(view.layer_infos()[1].index, 0))


def test_a_cnn_and_every_layer_kind_in_turkish_fit_and_explain_themselves(view, switch):
    show(view, "cnn")
    switch("tr")
    convs = [info for info in view.layer_infos() if info.kind == "Conv2D"]
    pools = [info for info in view.layer_infos() if info.kind == "MaxPooling2D"]
    assert view.drawer(convs[0].index).title.text() == "Evrişim 1"
    assert view.drawer(pools[0].index).title.text() == "Maks. havuzlama"
    text = plain(view.hover_text(convs[0].index, 2, (5, 6)))
    assert "Evrişim 1 · kanal 2 / 32" in text and "satır 5, sütun 6: z = " in text and "tıkla: filtresi" in text
    pool = plain(view.hover_text(pools[0].index, 1, (2, 3)))
    assert "pencereler · ağırlık yok" in pool and "satır 2, sütun 3: max(" in pool
    assert re.search(r"max\(\d,\d{3}(; \d,\d{3})*\)", pool), pool     # "; " between decimal-comma numbers
    assert_labels_fit(view)

    view.set_network(predictor("all-kinds").network)      # built while Turkish is on show
    view.show_prediction(predict("all-kinds", 3))
    assert sorted(view.chip_names()) == sorted(["Reshape", "BatchNorm", "Flatten", "Dropout %50"])
    infos = {info.name: info for info in view.layer_infos()}
    assert "Ort. havuzlama" in titles(view)
    dropout = plain(view.hover_text(infos["dropout_1"].index, None))
    assert "girdilerinin %50 kadarını rastgele sıfırlar" in dropout
    assert "kanalının her birini normalleştirir" in plain(view.hover_text(infos["batchnorm_1"].index, None))
    assert_labels_fit(view)
    switch("en")
    assert sorted(view.chip_names()) == sorted(["Reshape", "BatchNorm", "Flatten", "Dropout 50%"])
    assert "zeroes 50% of its inputs" in plain(view.hover_text(infos["dropout_1"].index, None))
    assert_labels_fit(view)


@pytest.mark.parametrize("width", [560, 1040])
def test_the_turkish_layout_fits_narrow_and_wide(shown_as_child, switch, width):
    switch("tr")
    for name in ("course-mlp", "cnn"):
        view = shown_as_child(ActivationView, width, 300)
        show(view, name)
        assert_labels_fit(view)
        # the input column is wide enough for the Turkish hints under the inspector
        column = view.drawer(INPUT).column
        for hint in words.inspector_hints():
            view.drawer(INPUT).hint.setText(hint)
            # (a text item's bounding box is a pixel wider than its advance: its pen)
            assert view.drawer(INPUT).hint.boundingRect().width() <= column.width + 1.5, hint


@pytest.mark.qt_log_ignore("This plugin does not support raise")     # the offscreen platform's tooltip
def test_a_hover_text_on_show_is_shown_again_in_the_new_language(view, switch, qtbot):
    show(view, "course-mlp")
    index = view.layer_infos()[2].index
    pos = view.view.mapFromScene(view.unit_position(index, 4))
    viewport = view.view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "Layer 2 · neuron 4" in QToolTip.text()
    switch("tr")
    assert QToolTip.isVisible() and "Katman 2 · nöron 4" in QToolTip.text()
    switch("en")
    assert "Layer 2 · neuron 4" in QToolTip.text()
    QToolTip.hideText()


def test_the_inspector_caption_follows_the_language_when_pinned(view, switch):
    show(view, "cnn")
    conv = next(info for info in view.layer_infos() if info.kind == "Conv2D")
    view.select(conv.index, 5)
    assert view.drawer(INPUT).caption.toPlainText() == "Filter 5 of Conv 1"
    switch("tr")
    assert view.drawer(INPUT).caption.toPlainText() == "Evrişim 1 · filtre 5"
    assert view.drawer(INPUT).hint.text() == "bırakmak için yine tıkla"
    assert view.inspected()[:2] == (conv.index, 5)          # still pinned
    assert "Evrişim 1 · filtre 5" in plain(view.hover_text(INSPECTOR, None))
    np.testing.assert_allclose(view.inspected()[2][:, :, 0],
                               predictor("cnn").model.get_layer(conv.name).get_weights()[0][:, :, 0, 5])

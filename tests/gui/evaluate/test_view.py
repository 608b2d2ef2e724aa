"""The Evaluate view: the matrix is engine.evaluation's, a cell lists exactly its samples, a
thumbnail goes onto the window's canvas, Cancel stops, folders and Turkish."""
from __future__ import annotations

import csv

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from engine import catalogue, eval_sets
from engine.evaluation import evaluate
from gui import i18n
from gui.evaluate.view import EvaluateView


@pytest.fixture
def view(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(eval_sets, "QUICK_MNIST", 500)
    v = EvaluateView(samples_path=tmp_path / "none.db")
    qtbot.addWidget(v)
    v.resize(560, 860)
    v.show()
    qtbot.waitExposed(v)
    yield v
    v.stop()


def run(qtbot, view, timeout=60_000):
    with qtbot.waitSignal(view.finished, timeout=timeout) as blocker:
        assert view.run_evaluation()
    return blocker.args[0]


def test_matrix_on_screen_equals_engine_evaluation(qtbot, view):
    view.set_model("cnn")
    result = run(qtbot, view)
    assert result is not None and len(result.data_set) == 500
    cnn = catalogue.load("cnn", backend="numpy").predictor
    data = eval_sets.mnist_test(500)
    expected = evaluate(cnn, data.images, data.labels)
    np.testing.assert_array_equal(view.matrix_counts(), expected.confusion)
    np.testing.assert_array_equal(view.matrix_values(), expected.confusion)
    for r, c in [(0, 0), (7, 7), (4, 9), (3, 5)]:
        assert view.plot.cell_text(r, c) == i18n.integer(expected.confusion[r, c])
    assert i18n.percent(expected.accuracy, 1) in view.summary.text()
    assert view.class_labels[1].text() == i18n.percent(expected.per_class[1], 0)


def _check_gallery(view, row, col):
    result = view.result()
    labels, predicted = result.data_set.labels, result.probabilities.argmax(axis=1)
    shown = view.gallery_indices()
    assert sorted(shown) == sorted(np.flatnonzero((labels == row) & (predicted == col)).tolist())
    conf = result.confidence[shown]
    assert np.all(np.diff(conf) <= 0)
    assert view.gallery.count() == len(shown)
    if shown:
        assert view.gallery.item(0).text().startswith(f"{row} → {col}")


def test_clicking_a_cell_lists_exactly_its_samples(qtbot, view):
    view.set_model("course-mlp")
    result = run(qtbot, view)
    confusion = result.evaluation.confusion.copy()
    np.fill_diagonal(confusion, 0)
    worst = tuple(int(i) for i in np.unravel_index(confusion.argmax(), confusion.shape))
    assert view.selected_cell() == worst           # the worst mistakes come up at once
    _check_gallery(view, *worst)
    assert "mistakes" in view.gallery_caption.text()
    for cell in [(2, 2), (0, 9), worst]:
        view.select_cell(*cell)
        _check_gallery(view, *cell)
    # a real click on the ImageItem's cell, through the plot's scene
    qtbot.wait(50)
    for row, col in [(3, 3), worst]:
        target = view.plot.mapFromScene(view.plot.cell_scene_pos(row, col))
        QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
        qtbot.waitUntil(lambda: view.selected_cell() == (row, col), timeout=2000)
        _check_gallery(view, row, col)


def test_row_normalised_toggle(qtbot, view):
    view.set_model("course-mlp")
    result = run(qtbot, view)
    counts = result.evaluation.confusion
    view.normalise_check.setChecked(True)
    rows = counts.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(view.matrix_values(), 100.0 * counts / rows)
    np.testing.assert_allclose(view.matrix_values().sum(axis=1), 100.0)
    assert view.plot.cell_text(1, 1) == i18n.number(100.0 * counts[1, 1] / rows[1, 0], 0)
    view.normalise_check.setChecked(False)
    np.testing.assert_array_equal(view.matrix_values(), counts)


def test_folder_data_set_round_trip_and_a_bad_folder(qtbot, view, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    view.set_folder(bad)
    view.set_model("cnn")
    assert run(qtbot, view) is None
    assert "labels.csv" in view.message.text() and view.message.isVisible()
    good = tmp_path / "good"
    good.mkdir()
    mnist = eval_sets.mnist_test(12)
    with open(good / "labels.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "label"])
        for i in range(12):
            Image.fromarray(mnist.images[i]).save(good / f"d{i}.png")
            w.writerow([f"d{i}.png", (int(mnist.labels[i]) + (1 if i == 4 else 0)) % 10])
    view.set_folder(good)
    result = run(qtbot, view)
    assert len(result.data_set) == 12 and "good" in view.data_combo.currentText()
    out = tmp_path / "m.csv"
    assert view.export_mistakes_csv(out) >= 1
    with open(out, newline="") as f:
        assert "d4.png" in [r[0] for r in csv.reader(f)]
    png = tmp_path / "m.png"
    assert view.export_matrix_png(png) and png.stat().st_size > 1000


def test_no_samples_says_so(qtbot, view):
    view.set_data_set("samples")
    view.set_model("cnn")
    assert run(qtbot, view) is None
    assert "no labelled samples" in view.message.text()


def test_cancel_stops_the_run(qtbot, view):
    view.set_data_set("mnist-all")
    view.set_model("cnn")
    with qtbot.waitSignal(view.finished, timeout=60_000) as blocker:
        assert view.run_evaluation()
        assert view.cancel_button.isEnabled() and not view.run_button.isEnabled()
        view.cancel()
    assert blocker.args[0] is None and view.result() is None
    assert view.message.text() == "Cancelled."
    assert view.run_button.isEnabled() and not view.cancel_button.isEnabled()


def test_turkish_words(qtbot, view):
    view.set_model("course-mlp")
    run(qtbot, view)
    i18n.set_language(i18n.TURKISH)
    qtbot.wait(30)
    assert view.run_button.text() == "Çalıştır"
    assert view.normalise_check.text() == "Satıra göre yüzde"
    assert "hata" in view.gallery_caption.text()
    assert "doğruluk %97,6" in view.summary.text()
    assert view.data_combo.itemText(2) == "Etiketli örneklerim"
    i18n.set_language(i18n.ENGLISH)
    qtbot.wait(30)
    assert view.run_button.text() == "Run"


def test_window_ctrl_e_and_a_thumbnail_on_the_canvas(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(eval_sets, "QUICK_MNIST", 500)
    win = make_window(1180, 780)
    assert win.evaluate_action.shortcut() == QKeySequence("Ctrl+E")
    assert win.save_drawing_action.shortcut() == QKeySequence("Ctrl+Shift+E")
    assert not win.evaluate_dock.isVisible()
    QTest.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(win.evaluate_dock.isVisible, timeout=2000)
    view = win.evaluate
    with qtbot.waitSignal(view.finished, timeout=60_000) as blocker:
        view.run_evaluation()                      # the model in use
    result = blocker.args[0]
    assert "cnn" in result.model
    view.select_cell(7, 7)
    seven = view.gallery_indices()[0]
    with qtbot.waitSignal(win.predictionShown, timeout=10_000,
                          check_params_cb=lambda p: p is not None) as shown:
        rect = view.gallery.visualItemRect(view.gallery.item(0))
        QTest.mouseClick(view.gallery.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         rect.center())
    prediction = shown.args[0]
    assert int(np.argmax(prediction.probabilities)) == 7 == int(result.predicted[seven])
    assert not win.canvas.is_empty() and win.canvas.can_undo()
    assert np.argmax(win.panel.prediction().probabilities) == 7
    win.canvas.undo()
    assert win.canvas.is_empty()
    win.canvas.redo()
    assert not win.canvas.is_empty()
    win.canvas.clear()
    assert win.canvas.is_empty()
    QTest.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not win.evaluate_dock.isVisible(), timeout=2000)

"""Evaluation data sets and runs (engine.eval_sets)."""
from __future__ import annotations

import csv

import numpy as np
import pytest
from PIL import Image

from engine import catalogue, eval_sets
from engine.evaluation import evaluate
from engine.samples import SampleStore


@pytest.fixture(scope="module")
def cnn():
    return catalogue.load("cnn", backend="numpy").predictor


def test_run_matrix_equals_evaluate(cnn):
    data = eval_sets.mnist_test(500)
    result = eval_sets.run(cnn, data, "cnn", batch=64)
    expected = evaluate(cnn, data.images, data.labels)
    np.testing.assert_array_equal(result.evaluation.confusion, expected.confusion)
    assert result.evaluation.accuracy == expected.accuracy
    assert result.evaluation.refused == pytest.approx(expected.refused)


def test_cell_lists_exactly_those_samples_most_confident_first():
    course = catalogue.load("course-mlp", backend="numpy").predictor
    data = eval_sets.mnist_test(500)
    result = eval_sets.run(course, data)
    predicted = result.probabilities.argmax(axis=1)
    for row in range(10):
        for col in range(10):
            cell = result.cell(row, col)
            assert set(cell) == set(np.flatnonzero((data.labels == row) & (predicted == col)))
            assert len(cell) == result.evaluation.confusion[row, col]
            conf = result.confidence[cell]
            assert np.all(np.diff(conf) <= 0)
    assert len(result.mistakes()) == 500 - np.trace(result.evaluation.confusion) > 0


def test_progress_and_cancel(cnn):
    data = eval_sets.mnist_test(300)
    seen = []
    eval_sets.run(cnn, data, batch=100, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(100, 300), (200, 300), (300, 300)]
    calls = []
    with pytest.raises(eval_sets.Cancelled):
        eval_sets.run(cnn, data, batch=100, progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 1)
    assert calls == [100]


def test_folder_round_trip_and_mistakes_csv(tmp_path, cnn):
    mnist = eval_sets.mnist_test(20)
    folder = tmp_path / "set"
    folder.mkdir()
    with open(folder / "labels.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "label"])
        for i in range(20):
            Image.fromarray(mnist.images[i]).save(folder / f"d{i}.png")
            w.writerow([f"d{i}.png", int(mnist.labels[i])])
        w.writerow(["missing.png", 3])
        w.writerow(["d0.png", "x"])
    data = eval_sets.image_folder(folder)
    assert len(data) == 20 and len(data.skipped) == 2
    np.testing.assert_array_equal(data.images, mnist.images)
    np.testing.assert_array_equal(data.labels, mnist.labels)
    assert data.keys[3] == "d3.png"
    result = eval_sets.run(cnn, data)
    wrong = [3, 5]                       # pretend two labels were different: two mistakes
    labels = data.labels.copy()
    labels[wrong] = (labels[wrong] + 1) % 10
    relabelled = eval_sets.EvalSet("x", data.images, labels, data.keys)
    result = eval_sets.run(cnn, relabelled)
    out = tmp_path / "mistakes.csv"
    assert eval_sets.write_mistakes_csv(result, out) == 2
    with open(out, newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["sample", "true", "predicted", "confidence"]
    assert {r[0] for r in rows[1:]} == {"d3.png", "d5.png"}


def test_bad_folders_say_why(tmp_path):
    with pytest.raises(eval_sets.EvalSetError, match="labels.csv"):
        eval_sets.image_folder(tmp_path)
    (tmp_path / "labels.csv").write_text("file,label\nnothing.png,4\n")
    with pytest.raises(eval_sets.EvalSetError, match="no readable digit"):
        eval_sets.image_folder(tmp_path)
    with pytest.raises(eval_sets.EvalSetError, match="not a folder"):
        eval_sets.image_folder(tmp_path / "absent")


def test_labelled_samples(tmp_path):
    path = tmp_path / "samples.db"
    with pytest.raises(eval_sets.EvalSetError, match="no labelled samples"):
        eval_sets.labelled_samples(path)
    mnist = eval_sets.mnist_test(5)
    with SampleStore(path) as store:
        with pytest.raises(eval_sets.EvalSetError, match="no labelled samples"):
            eval_sets.labelled_samples(path)
        ids = [store.add(int(mnist.labels[i]), mnist.images[i]) for i in range(5)]
    data = eval_sets.labelled_samples(path)
    assert len(data) == 5
    np.testing.assert_array_equal(data.labels, mnist.labels)
    assert list(data.keys) == [int(getattr(i, "id", i)) for i in ids]

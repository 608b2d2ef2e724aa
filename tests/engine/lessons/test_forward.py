"""Lesson "Forward propagation in NumPy": the course's loop ``dense``/``sequential`` on the course's
example and on drawings equals the engine's forward pass and TensorFlow's to 1e-5."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import forward as F
from engine.numpy_forward import dense as fast_dense, sigmoid
from engine.preprocess import preprocess_digit


def drawing(digit: int = 3) -> np.ndarray:
    return preprocess_digit(render_strokes(DIGIT_TEMPLATES[digit][0]))


def test_the_code_shown_is_the_courses_loop():
    assert F.DENSE_CODE.startswith("def dense(a_in, W, b, g):")
    assert "for j in range(units):" in F.DENSE_CODE and "w = W[:, j]" in F.DENSE_CODE
    assert "z = np.dot(w, a_in) + b[j]" in F.DENSE_CODE and "a_out[j] = g(z)" in F.DENSE_CODE
    assert F.SEQUENTIAL_CODE.startswith("def sequential(x, layers):") and "dense(a, W, b, g)" in F.SEQUENTIAL_CODE


def test_the_courses_example_unit_by_unit():
    e = F.COURSE_EXAMPLE
    np.testing.assert_array_equal(e.W, [[1, -3, 5], [2, 4, -6]])
    np.testing.assert_array_equal(e.b, [-1, 1, 2])
    np.testing.assert_array_equal(e.a_in, [-2, 4])
    steps = F.course_example_steps()
    assert [s.j for s in steps] == [0, 1, 2]
    assert [s.z for s in steps] == [5.0, 23.0, -32.0]                    # W[:, j] · a_in + b[j]
    for s in steps:
        np.testing.assert_array_equal(s.w, e.W[:, s.j])
        assert s.a == pytest.approx(1 / (1 + np.exp(-s.z)), abs=1e-12)
    out = F.dense(e.a_in, e.W, e.b, sigmoid)
    np.testing.assert_allclose(out, [s.a for s in steps], atol=1e-12)
    np.testing.assert_allclose(out, fast_dense(e.a_in, e.W, e.b, sigmoid), atol=1e-12)


@pytest.mark.parametrize("name", ["course-mlp", "sigmoid-mlp"])
def test_the_loop_on_a_drawing_equals_the_engine(name):
    loaded = catalogue.load(name, backend="numpy")
    net = loaded.predictor.network
    assert F.dense_network(net) is not None
    for digit in range(10):
        prediction = loaded.predictor.predict(drawing(digit))
        run = F.network_pass(net, prediction)
        assert not run.fallback and run.model_name == net.name
        assert [out.layer.units for out in run.layers] == [25, 15, 10]
        assert run.max_difference < 1e-5
        np.testing.assert_allclose(run.output, prediction.activations[-1].values, atol=1e-5)
        layers = [(out.layer.W, out.layer.b, out.layer.g) for out in run.layers]
        np.testing.assert_array_equal(F.sequential(run.x, layers), run.output)
        assert run.digit == int(np.argmax(prediction.activations[-1].values))


def test_a_model_with_convolutions_falls_back_to_course_mlp():
    cnn = catalogue.load("cnn", backend="numpy")
    assert F.dense_network(cnn.predictor.network) is None
    image = drawing(4)
    run = F.network_pass(cnn.predictor.network, cnn.predictor.predict(image))
    assert run.fallback and run.model_name == "course_mlp"
    mlp = catalogue.load("course-mlp", backend="numpy").predictor.predict(image)
    np.testing.assert_allclose(run.output, mlp.activations[-1].values, atol=1e-5)
    assert run.max_difference < 1e-5


def test_the_loop_equals_tensorflow():
    pytest.importorskip("tensorflow")
    predictor = catalogue.load("course-mlp", backend="tensorflow").predictor
    for digit in (1, 6, 8):
        prediction = predictor.predict(drawing(digit))
        run = F.network_pass(predictor.network, prediction)
        assert not run.fallback
        for out, tf_values in zip(run.layers, run.engine_outputs):
            np.testing.assert_allclose(out.output, tf_values, atol=1e-5)
        assert run.max_difference < 1e-5

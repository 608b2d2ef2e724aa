"""The convolution lesson's numbers are the model's: its feature map is the first Conv2D's output."""
import numpy as np
import pytest

from engine import catalogue
from engine.lessons import convolution as C


@pytest.fixture(scope="module")
def cnn():
    return catalogue.load("cnn", backend="numpy").predictor


@pytest.fixture(scope="module")
def drawing():
    from engine.data import load_mnist

    return load_mnist().x_test[0].astype(np.float32) / 255.0


def test_the_feature_map_is_the_models_first_conv_activation(cnn, drawing):
    prediction = cnn.predict(drawing)
    index = C.first_conv_index(cnn.network)
    assert index == 1 and prediction.activations[index].kind == "Conv2D"
    layer = prediction.activations[index].values
    for k in (0, 5, 31):
        f = C.model_filter(cnn.network, k)
        fmap = C.feature_map(prediction.image, f)
        assert fmap.shape == layer.shape[:2] == C.map_shape(f)
        np.testing.assert_allclose(fmap.a, layer[:, :, k], atol=1e-5)
        assert f.activation == "relu"
        np.testing.assert_allclose(fmap.a, np.maximum(fmap.z, 0), atol=1e-12)


def test_each_cell_is_the_sum_of_its_nine_products_plus_the_bias(cnn, drawing):
    f = C.model_filter(cnn.network, 3)
    fmap = C.feature_map(drawing, f)
    for row, col in [(0, 0), (12, 9), (25, 25), (7, 20)]:
        c = C.cell(drawing, f, row, col)
        np.testing.assert_allclose(c.window, drawing[row:row + 3, col:col + 3], atol=0)
        np.testing.assert_allclose(c.products, f.weights * drawing[row:row + 3, col:col + 3], atol=1e-7)
        assert c.z == pytest.approx(float(c.products.sum()) + f.bias, abs=1e-9)
        assert c.z == pytest.approx(fmap.z[row, col], abs=1e-5)
        assert c.a == pytest.approx(fmap.a[row, col], abs=1e-5)


def test_the_feature_map_matches_tensorflow(drawing):
    pytest.importorskip("tensorflow")
    predictor = catalogue.load("cnn", backend="tensorflow").predictor
    prediction = predictor.predict(drawing)
    f = C.model_filter(predictor.network, 7)
    np.testing.assert_allclose(C.feature_map(drawing, f).a, prediction.activations[1].values[:, :, 7], atol=1e-5)


def test_models_without_a_convolution_use_the_course_filter(drawing):
    mlp = catalogue.load("course-mlp", backend="numpy").predictor.network
    assert C.first_conv_index(mlp) is None and C.first_conv_index(None) is None
    f = C.course_filter()
    assert not f.from_model
    fmap = C.feature_map(drawing, f)
    assert fmap.shape == (26, 26)
    by_hand = np.array([[np.sum(C.COURSE_FILTER * drawing[r:r + 3, c:c + 3]) for c in range(26)] for r in range(26)])
    np.testing.assert_allclose(fmap.z, by_hand, atol=1e-5)


def test_parameter_counts(cnn):
    counts = C.parameter_count(C.model_filter(cnn.network, 0))
    assert counts.conv_params == 3 * 3 * 1 * 32 + 32 == cnn.network.weights_of(1)[0].size + cnn.network.weights_of(1)[1].size
    assert counts.outputs == 26 * 26 * 32
    assert counts.dense_params == 784 * 26 * 26 * 32 + 26 * 26 * 32
    assert counts.inputs_per_neuron == 9
    assert counts.ratio == pytest.approx(counts.dense_params / 320)

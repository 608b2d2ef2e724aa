"""The multi-label lesson: deterministic two-digit pictures, the shipped pair model reads the held-out
ones (from MNIST's test digits) with ≥ 90 % exact match, and its NumPy forward is TensorFlow's."""
import numpy as np
import pytest

from engine.lessons import multilabel as ml
from engine.resources import SHIPPED_MODELS


@pytest.fixture(scope="module")
def held():
    return ml.held_out_pairs()


def test_the_held_out_pairs_are_deterministic_two_different_digits_from_mnist_test(held):
    from engine.data import load_mnist

    assert len(held) == ml.HELD_OUT_COUNT >= 1000
    assert held.images.shape == (len(held), 28, 28) and held.images.dtype == np.float32
    assert 0.0 <= held.images.min() and held.images.max() <= 1.0
    assert np.all(held.labels.sum(axis=1) == 2)                       # two 1s: two different digits
    assert np.all(held.digits[:, 0] != held.digits[:, 1]) and np.all(held.digits >= 0)
    for row, (a, b) in zip(held.labels, held.digits):
        assert row[a] == row[b] == 1
    again = ml.make_pairs(*(lambda m: (m.x_test, m.y_test))(load_mnist()), len(held), ml.HELD_OUT_SEED)
    np.testing.assert_array_equal(again.images, held.images)
    np.testing.assert_array_equal(again.labels, held.labels)
    other = ml.make_pairs(load_mnist().x_test, load_mnist().y_test, 50, ml.HELD_OUT_SEED + 1)
    assert not np.array_equal(other.images, held.images[:50])


def test_a_picture_is_two_shrunk_digits_in_their_halves():
    from engine.data import load_mnist

    mnist = load_mnist()
    pairs = ml.make_pairs(mnist.x_test[:2], np.array([3, 5]), 1, seed=0)
    left, right = ml.shrink(mnist.x_test[0]), ml.shrink(mnist.x_test[1])
    picture = pairs.images[0]
    assert max(left.sum(), right.sum()) <= picture.sum() <= left.sum() + right.sum() + 1e-3   # overlaps keep the max
    composed = ml.compose(mnist.x_test[0], None)
    assert composed[:, 16:].sum() == 0 and composed.sum() == pytest.approx(left.sum(), rel=1e-6)
    singles = ml.make_pairs(mnist.x_test, mnist.y_test, 400, seed=1, single_share=0.5)
    ones = singles.labels.sum(axis=1)
    assert set(ones.tolist()) == {1.0, 2.0} and 120 < (ones == 1).sum() < 280


def test_the_shipped_model_reads_the_held_out_pairs_with_90_percent_exact_match(held):
    model = ml.MultiLabelModel.from_file()
    score, outputs = ml.held_out_score(model, held)
    assert outputs.shape == (len(held), 10) and np.all((outputs >= 0) & (outputs <= 1))
    assert score.count == len(held)
    exact = np.array([set(np.flatnonzero(o >= 0.5)) == set(d) for o, d in zip(outputs, held.digits)])
    assert score.exact == exact.sum()
    print(f"held-out exact match {score.rate:.2%}")
    assert score.rate >= 0.90


def test_reading_one_picture_gives_the_batch_numbers_and_the_answer(held):
    model = ml.shipped_model()
    outputs = model.outputs(held.images[:5])
    for i in range(5):
        reading = model.read(held.images[i])
        np.testing.assert_allclose(reading.outputs, outputs[i], atol=1e-6)
        assert reading.digits == tuple(int(d) for d in np.flatnonzero(outputs[i] >= 0.5))
        assert reading.total == pytest.approx(float(outputs[i].sum()), abs=1e-5)
        assert reading.softmax_of_logits.sum() == pytest.approx(1.0)


def test_numpy_forward_equals_tensorflow(held):
    pytest.importorskip("tensorflow")
    import keras

    model = keras.models.load_model(ml.model_path(), compile=False)
    assert model.layers[-1].activation.__name__ == "sigmoid"
    expected = model.predict(held.images[:256, ..., None], verbose=0)
    np.testing.assert_allclose(ml.shipped_model().outputs(held.images[:256]), expected, atol=1e-5)
    reading = ml.shipped_model().read(held.images[3])
    np.testing.assert_allclose(reading.outputs, expected[3], atol=1e-5)


def test_the_pair_model_is_small_and_not_a_catalogue_digit_model():
    path = ml.model_path()
    assert path.exists() and path.stat().st_size < 1_000_000
    assert path.stem not in SHIPPED_MODELS
    assert all("multilabel" not in name for name in SHIPPED_MODELS)

"""Which pixels mattered: occlusion sensitivity (engine.saliency) and its sanity checks."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import drawn_digit_set
from engine.numpy_predictor import NumpyPredictor
from engine.preprocess import preprocess_digit
from engine.saliency import MAX_IMAGES, Saliency, full_occlusion, ink_box, occlusion, rank_correlation


@pytest.fixture(scope="module")
def cnn():
    return catalogue.load("cnn", backend="numpy").predictor


@pytest.fixture(scope="module")
def drawn():
    """Drawn digits (templates rendered as on the canvas, then preprocessed), by label."""
    images, labels = drawn_digit_set(60, seed=7)
    out: dict[int, list[np.ndarray]] = {}
    for image, label in zip(images, labels.tolist()):
        x = preprocess_digit(image)
        if x is not None:
            out.setdefault(label, []).append(x)
    return out


def _randomised(predictor) -> NumpyPredictor:
    """The same architecture with random weights (He-normal kernels, the trained biases/BN stats)."""
    rng = np.random.default_rng(0)
    weights = [rng.normal(0.0, np.sqrt(2.0 / np.prod(w.shape[:-1])), w.shape).astype(np.float32)
               if w.ndim > 1 else np.asarray(w) for w in predictor.network.flat_weights()]
    return NumpyPredictor(predictor.network.with_weights(weights))


def test_shapes_dtypes_and_cost(cnn, drawn):
    x = drawn[1][0]
    s = occlusion(cnn, x)
    assert isinstance(s, Saliency)
    assert s.map.shape == (28, 28) and s.map.dtype == np.float32
    assert np.all(np.isfinite(s.map))
    assert s.target == int(np.argmax(cnn.predict_batch(x[None])[0]))
    assert 1 < s.images <= MAX_IMAGES
    assert s.scaled().max() <= 1.0 and s.scaled().min() >= -1.0
    assert np.isclose(np.abs(s.scaled()).max(), 1.0)


def test_mass_lies_on_the_stroke_of_a_drawn_one(cnn, drawn):
    ones = [x for x in drawn[1] if cnn.predict(x).digit == 1]
    assert ones
    for x in ones:
        a = np.abs(occlusion(cnn, x, target=1).map)
        ink = x > 0.05
        assert a[ink].mean() > 3 * a[~ink].mean()
        assert a[ink].sum() / a.sum() > ink.mean()


def test_the_answer_is_supported_by_its_ink(cnn, drawn):
    for digit in (1, 7):
        x = drawn[digit][0]
        s = occlusion(cnn, x, target=digit)
        ink = x > 0.05
        assert s.map[ink].sum() > 0     # covering the ink lowers the digit's log-probability overall


def test_map_changes_when_the_weights_are_randomised(cnn, drawn):
    """Adebayo et al.'s sanity check: a map that survives randomising the model explains nothing."""
    random_net = _randomised(cnn)
    correlations = []
    for x in drawn[1][:3] + drawn[7][:3]:
        s = occlusion(cnn, x)
        r = occlusion(random_net, x, target=s.target)
        correlations.append(rank_correlation(s.map, r.map, where=(s.map != 0) | (r.map != 0)))
    assert np.mean(correlations) < 0.5
    assert max(correlations) < 0.8


def test_another_target_gives_another_map(cnn, drawn):
    x = drawn[7][0]
    answer = occlusion(cnn, x)
    why_not_4 = occlusion(cnn, x, target=4)
    assert why_not_4.target == 4
    assert not np.allclose(answer.map, why_not_4.map)
    assert rank_correlation(answer.map, why_not_4.map, where=answer.map != 0) < 0.5


def test_blank_image_gives_a_zero_map(cnn):
    s = occlusion(cnn, np.zeros((28, 28), np.float32))
    assert s.map.shape == (28, 28) and not s.map.any() and s.images == 1
    assert ink_box(np.zeros((28, 28))) is None


def test_only_squares_touching_the_ink_are_run_and_far_background_stays_zero(cnn, drawn):
    x = drawn[1][0]
    top, bottom, left, right = ink_box(x)
    s = occlusion(cnn, x, stride=2)
    far = np.ones((28, 28), bool)
    far[max(0, top - 3):bottom + 4, max(0, left - 3):right + 4] = False
    assert not s.map[far].any()
    assert full_occlusion(cnn, x).images == 25 * 25 + 1


def test_works_for_the_course_mlp(drawn):
    mlp = catalogue.load("course-mlp", backend="numpy").predictor
    x = drawn[1][0]
    s = occlusion(mlp, x)
    assert s.map.shape == (28, 28) and s.map.dtype == np.float32
    a, ink = np.abs(s.map), x > 0.05
    assert a[ink].sum() / a.sum() > ink.mean()


def test_bad_arguments(cnn, drawn):
    with pytest.raises(ValueError):
        occlusion(cnn, drawn[1][0], target=10)
    with pytest.raises(ValueError):
        occlusion(cnn, drawn[1][0], region="everywhere")


def test_rank_correlation():
    a = np.arange(10.0)
    assert rank_correlation(a, a) == pytest.approx(1.0)
    assert rank_correlation(a, -a) == pytest.approx(-1.0)
    assert rank_correlation(a, np.zeros(10)) == 0.0

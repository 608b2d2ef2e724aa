"""The "people" training data and its loss: non-digits are trained toward the uniform answer."""
import numpy as np
import pytest

from engine import people_data
from engine.data import Mnist
from engine.spec import TrainingSpec


def test_the_loss_is_the_course_loss_for_digits_and_uniform_cross_entropy_for_non_digits():
    import keras
    from engine.models import NON_DIGIT_LOSS_WEIGHT, people_accuracy, people_loss

    logits = np.array([[4.0, 1.0] + [0.0] * 8, [0.0] * 10, [9.0] + [0.0] * 9], np.float32)
    labels = np.array([0, 10, 10])
    course = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction=None)
    got = np.asarray(people_loss(labels, logits))
    assert got[0] == pytest.approx(float(course(labels[:1], logits[:1])[0]), rel=1e-5)
    assert got[1] == pytest.approx(NON_DIGIT_LOSS_WEIGHT * np.log(10), rel=1e-5)   # uniform: the minimum
    assert got[2] > got[1]                                                        # a confident non-digit costs
    assert np.asarray(people_accuracy(labels, logits)).tolist() == [1.0, 1.0, 0.0]


def test_people_data_puts_drawings_before_mnist_and_keeps_the_test_set(monkeypatch):
    extra_x = np.full((30, 28, 28), 7, np.uint8)
    extra_y = np.array([10] * 10 + list(range(10)) * 2, np.uint8)
    monkeypatch.setattr(people_data, "people_extras", lambda **_: (extra_x, extra_y))
    monkeypatch.setattr(people_data, "preprocessed_mnist", lambda m, n, **_: (m.x_train[:2], m.y_train[:2]))
    rng = np.random.default_rng(0)
    mnist = Mnist(rng.integers(0, 255, (100, 28, 28), dtype=np.uint8), rng.integers(0, 10, 100).astype(np.uint8),
                  rng.integers(0, 255, (20, 28, 28), dtype=np.uint8), rng.integers(0, 10, 20).astype(np.uint8))
    data = people_data.load_people_data(mnist)
    assert len(data.x_train) == 132 and np.array_equal(data.x_train[32:], mnist.x_train)
    assert np.array_equal(data.y_train[:30], extra_y) and data.x_test is mnist.x_test
    # the calibration set is the validation tail: MNIST's own digits, never a non-digit
    x, y = people_data.calibration_set(data, 20, pen=False)
    assert np.array_equal(x, mnist.x_train[-20:]) and y.max() < 10


def test_the_extras_hold_training_writers_regional_forms_and_non_digits(tmp_path):
    """Built small (module constants patched), cached, and never from a held-out writer."""
    import engine.pen_data as pen_data

    some = [d for d in pen_data.load_pen_digits() if d.writer in (1, 2)][:60]
    held_out, training = sum(d.writer == 1 for d in some), sum(d.writer == 2 for d in some)
    assert 1 in pen_data.VALIDATION_WRITERS and 2 not in pen_data.VALIDATION_WRITERS and held_out > 5
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(people_data, "TEMPLATE_DRAWINGS", 40)
        mp.setattr(people_data, "NON_DIGIT_DRAWINGS", 30)
        mp.setattr(people_data, "PEN_RENDERINGS", 1)
        mp.setattr(pen_data, "load_pen_digits", lambda path=None: some)
        x, y = people_data.people_extras(cache_dir=tmp_path)
        assert list(tmp_path.glob("templates-*.npz")) and list(tmp_path.glob("non-digits-*.npz"))
        x2, y2 = people_data.people_extras(cache_dir=tmp_path)   # from the cache: the same
    assert np.array_equal(x, x2) and np.array_equal(y, y2)
    digits = int(np.sum(y < 10))
    assert training - 2 + 36 <= digits <= training + 40     # writer 2's digits and the templates only
    assert 25 <= np.sum(y == 10) <= 30 and x.dtype == np.uint8 and x.shape[1:] == (28, 28)


def test_mnist_as_the_app_sees_it_leaves_out_the_validation_tail(tmp_path):
    from engine.preprocess import preprocess_digit

    rng = np.random.default_rng(1)
    x = np.zeros((50, 28, 28), np.uint8)
    for i in range(50):
        x[i, 8:20, 10 + i % 5: 13 + i % 5] = 255     # a bar, off-centre
    mnist = Mnist(x, rng.integers(0, 10, 50).astype(np.uint8), x[:5], np.zeros(5, np.uint8))
    px, py = people_data.preprocessed_mnist(mnist, 10, cache_dir=tmp_path)
    assert len(px) == 40 and np.array_equal(py, mnist.y_train[:40])
    assert np.array_equal(px[3], np.rint(preprocess_digit(x[3]) * 255).astype(np.uint8))


def test_a_spec_can_ask_for_people_data_and_says_so():
    spec = TrainingSpec.from_preset("cnn", data="people")
    assert TrainingSpec.from_json(spec.to_json()) == spec and "data: people" in spec.summary()
    with pytest.raises(ValueError, match="unknown training data"):
        TrainingSpec.from_preset("cnn", data="faces")


def test_training_on_non_digits_calibrates_a_refusal_threshold(tiny_mnist):
    """A run whose data holds non-digits (label 10) fits a threshold; an MNIST run never refuses."""
    from engine.training import train

    rng = np.random.default_rng(0)
    noise = rng.integers(0, 255, (100, 28, 28), dtype=np.uint8)
    data = Mnist(np.concatenate([noise, tiny_mnist.x_train]),
                 np.concatenate([np.full(100, 10, np.uint8), tiny_mnist.y_train]),
                 tiny_mnist.x_test, tiny_mnist.y_test)
    spec = TrainingSpec.from_preset("course-mlp", epochs=2, batch_size=16, validation_size=40, data="people")
    outcome = train(spec, data=data, live_predictor=False)
    assert outcome.end.reason == "completed" and outcome.calibration.refuse_below > 0
    assert "MNIST validation" in outcome.calibration.fitted_on
    plain = train(spec.replace(data="mnist"), data=tiny_mnist, live_predictor=False)
    assert plain.calibration.refuse_below == 0.0 and plain.calibration.temperature > 0

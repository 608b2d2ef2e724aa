"""The Training lesson's numbers: cross-entropy as Keras computes it, the NumPy trainer's
gradients and Adam step as TensorFlow's, and a loss that falls."""
from __future__ import annotations

import numpy as np
import pytest

from engine import catalogue
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.lessons import training_math as tm


@pytest.fixture(scope="module")
def course():
    return catalogue.load("course-mlp", backend="numpy").predictor


@pytest.fixture(scope="module")
def tf():
    return pytest.importorskip("tensorflow")


def keras_model(network: tm.DenseNetwork):
    import keras

    model = keras.Sequential([keras.Input((784,))] + [keras.layers.Dense(W.shape[1], activation=g)
                                                      for W, g in zip(network.weights, network.activations)])
    model.set_weights([p.astype(np.float32) for p in network.parameters()])
    return model


def test_binary_cross_entropy_of_the_drawing_is_kerass(course, tf):
    import keras

    prediction = course.recognise(render_strokes(DIGIT_TEMPLATES[3][0]))
    numbers = tm.example_loss(prediction.probabilities)
    assert numbers.digit == prediction.digit
    assert numbers.f == pytest.approx(float(prediction.probabilities[prediction.digit]), abs=1e-7)
    bce = keras.losses.BinaryCrossentropy()
    for y, ours in ((1.0, numbers.loss_if_yes), (0.0, numbers.loss_if_no)):
        theirs = float(bce(np.array([[y]], np.float32), np.array([[numbers.f]], np.float32)))
        assert ours == pytest.approx(theirs, abs=1e-5)
    assert numbers.loss_if_yes == pytest.approx(-np.log(numbers.f), abs=1e-9)
    assert numbers.loss_if_no == pytest.approx(-np.log(1 - numbers.f), abs=1e-9)


def test_the_batch_cost_is_sparse_categorical_cross_entropy_from_logits(course, tf):
    import keras

    batch = tm.batch_of(course.network, m=8)
    logits = course.logits_batch(batch.images)          # the engine's own forward pass
    np.testing.assert_allclose(batch.logits, logits, atol=1e-5)
    per_example = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction=None)(
        batch.labels, logits.astype(np.float32))
    np.testing.assert_allclose(batch.losses, np.asarray(per_example), atol=1e-5)
    J = float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(batch.labels, logits.astype(np.float32)))
    assert batch.cost == pytest.approx(J, abs=1e-5)
    assert batch.cost == pytest.approx(float(np.mean(batch.losses)), abs=1e-12)
    np.testing.assert_allclose(batch.losses, -np.log(batch.p_label), atol=1e-9)


@pytest.mark.parametrize("hidden", ["relu", "linear"])
def test_backprop_gradients_are_gradient_tapes(tf, hidden):
    import keras

    network = tm.init_dense_network(tm.COURSE_SIZES, (hidden, hidden, "linear"), seed=3)
    X, y = tm.mnist_training_subset(64)
    loss, grads = tm.loss_and_gradients(network, X, y)
    model = keras_model(network)
    with tf.GradientTape() as tape:
        J = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, model(X, training=True))
    theirs = tape.gradient(J, model.trainable_variables)
    assert loss == pytest.approx(float(J), abs=1e-5)
    assert len(grads) == len(theirs) == 6
    for ours, their in zip(grads, theirs):
        np.testing.assert_allclose(ours, np.asarray(their), atol=1e-5)


def test_an_adam_step_is_kerass_adam(tf):
    import keras

    network = tm.init_dense_network(seed=1)
    X, y = tm.mnist_training_subset(32)
    model = keras_model(network)
    optimizer = keras.optimizers.Adam(learning_rate=0.001)
    for _ in range(3):
        _, grads = tm.loss_and_gradients(network, X, y)
        tm.adam_step(network, grads, lr=0.001)
        with tf.GradientTape() as tape:
            J = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, model(X))
        optimizer.apply_gradients(zip(tape.gradient(J, model.trainable_variables), model.trainable_variables))
    for ours, theirs in zip(network.parameters(), model.get_weights()):
        np.testing.assert_allclose(ours, theirs, atol=1e-5)


def test_training_lowers_the_loss_and_is_deterministic():
    X, y = tm.mnist_training_subset(2000)
    seen = []
    runs = []
    for _ in range(2):
        network = tm.init_dense_network(seed=0)
        history = tm.train(network, X, y, epochs=3, batch=32, on_batch=lambda *a: seen.append(a))
        runs.append((history, network))
    (history, network), (again, network2) = runs
    assert history.epochs_done == 3 and not history.stopped
    assert len(history.batch_losses) == 3 * history.batches_per_epoch == len(seen) // 2
    assert seen[0][:3] == (0, 0, history.batches_per_epoch)
    means = history.epoch_means()
    assert means[0] > means[1] > means[2]
    assert means[-1] < 0.5 * history.batch_losses[0]
    assert history.batch_losses == again.batch_losses                     # deterministic
    for a, b in zip(network.parameters(), network2.parameters()):
        np.testing.assert_array_equal(a, b)
    X_test, y_test = tm.mnist_test_subset(1000)
    assert tm.accuracy(network, X_test, y_test) > 0.8


def test_training_stops_when_asked():
    X, y = tm.mnist_training_subset(500)
    calls = []
    history = tm.train(tm.init_dense_network(), X, y, epochs=5, batch=50,
                       on_batch=lambda *a: calls.append(a), should_stop=lambda: len(calls) >= 4)
    assert history.stopped and len(history.batch_losses) == 4 and history.epochs_done == 0


def test_init_matches_the_course_shapes():
    network = tm.init_dense_network()
    assert network.sizes == (784, 25, 15, 10)
    assert [W.shape for W in network.weights] == [(784, 25), (25, 15), (15, 10)]
    assert network.activations == ("relu", "relu", "linear")
    with pytest.raises(ValueError):
        tm.init_dense_network((784, 10), ("relu", "linear"))

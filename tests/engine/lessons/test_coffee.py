"""The coffee lesson's numbers: the course's data, the NumPy-trained networks, their forward passes
(recomputed by hand and by TensorFlow) and the backpropagation gradients (against tf.GradientTape)."""
from __future__ import annotations

import numpy as np
import pytest

from engine.device import tensorflow_installed
from engine.lessons import coffee

needs_tf = pytest.mark.skipif(not tensorflow_installed(), reason="TensorFlow is not installed")


def course_load_coffee_data():
    """The course's own generator (lab_coffee_utils.load_coffee_data), as written there."""
    rng = np.random.default_rng(2)
    X = rng.random(400).reshape(-1, 2)
    X[:, 1] = X[:, 1] * 4 + 11.5
    X[:, 0] = X[:, 0] * (285 - 150) + 150
    Y = np.zeros(len(X))
    for i, (t, d) in enumerate(X):
        y = -3 / (260 - 175) * t + 21
        Y[i] = 1 if (175 < t < 260 and 12 < d < 15 and d <= y) else 0
    return X, Y.reshape(-1, 1)


def by_hand(x, Ws, bs):
    a = np.asarray(x, dtype=np.float64)
    out = []
    for W, b in zip(Ws, bs):
        a = 1.0 / (1.0 + np.exp(-(a @ W + b)))
        out.append(a)
    return out


def test_the_data_is_the_courses():
    X, Y = coffee.load_coffee_data()
    Xc, Yc = course_load_coffee_data()
    np.testing.assert_array_equal(X, Xc)
    np.testing.assert_array_equal(Y, Yc)
    assert X.shape == (200, 2) and Y.shape == (200, 1)
    assert coffee.good_roast(200, 13.9) == 1 and coffee.good_roast(200, 17) == 0
    assert coffee.good_roast(255, 14.5) == 0          # hot and long: above the line, burnt


def test_the_coffee_network_trains_deterministically_and_well():
    model = coffee.coffee_model()
    assert model.accuracy >= 0.95
    assert model.net.sizes == (2, 3, 1)
    again = coffee.SigmoidNetwork.initial(coffee.COFFEE_SIZES, seed=1234)
    coffee.train(again, model.norm(model.X), model.Y, epochs=coffee.COFFEE_STEPS, batch_size=None,
                 learning_rate=coffee.COFFEE_LEARNING_RATE, seed=0)
    for a, b in zip([*again.W, *again.b], [*model.net.W, *model.net.b]):
        np.testing.assert_array_equal(a, b)
    # the course's two test roasts: [200, 13.9] good, [200, 17] bad
    assert model.layers(200, 13.9).good and not model.layers(*coffee.COURSE_EXAMPLE).good


def test_a_coffee_reading_equals_a_recomputation():
    model = coffee.coffee_model()
    mean, var = model.X.mean(axis=0), model.X.var(axis=0)
    for t, d in [coffee.COURSE_EXAMPLE, (200.0, 13.9), (231.5, 12.25), (150.0, 11.5)]:
        r = model.layers(t, d)
        x = (np.array([t, d]) - mean) / np.sqrt(var)
        a1, a2 = by_hand(x, model.net.W, model.net.b)
        np.testing.assert_allclose(r.x_norm, x, atol=1e-12)
        np.testing.assert_allclose(r.a1, a1, atol=1e-5)
        assert r.a2 == pytest.approx(float(a2[0]), abs=1e-5)
        assert r.a1.shape == (3,)
    ts, ds, values = model.grid(shape=(7, 5))
    i, j = 3, 2
    assert values[i, j] == pytest.approx(model.layers(ts[i], ds[j]).a2, abs=1e-12)


def test_the_gradients_are_right_by_finite_differences():
    rng = np.random.default_rng(0)
    net = coffee.SigmoidNetwork.initial((2, 3, 1), seed=5)
    X, Y = rng.normal(size=(16, 2)), (rng.random((16, 1)) > 0.5).astype(float)
    dW, db = net.gradients(X, Y)
    h = 1e-6
    for params, grads in ((net.W, dW), (net.b, db)):
        for p, g in zip(params, grads):
            for idx in np.ndindex(p.shape):
                old = p[idx]
                p[idx] = old + h
                up = net.loss(X, Y)
                p[idx] = old - h
                down = net.loss(X, Y)
                p[idx] = old
                assert g[idx] == pytest.approx((up - down) / (2 * h), abs=1e-7)


@needs_tf
def test_the_gradients_equal_tensorflows():
    import tensorflow as tf

    model = coffee.coffee_model()
    net = coffee.SigmoidNetwork.initial((2, 3, 1), seed=11)      # not trained: gradients far from 0
    X = model.norm(model.X[:64])
    Y = model.Y[:64]
    keras = tf.keras.Sequential([tf.keras.Input(shape=(2,)),
                                 tf.keras.layers.Dense(3, activation="sigmoid"),
                                 tf.keras.layers.Dense(1, activation="sigmoid")])
    keras.set_weights([net.W[0], net.b[0], net.W[1], net.b[1]])
    with tf.GradientTape() as tape:
        loss = tf.keras.losses.BinaryCrossentropy()(tf.constant(Y, tf.float32), keras(tf.constant(X, tf.float32)))
    tf_grads = [g.numpy() for g in tape.gradient(loss, keras.trainable_variables)]
    dW, db = net.gradients(X, Y)
    for ours, theirs in zip([dW[0], db[0], dW[1], db[1]], tf_grads):
        np.testing.assert_allclose(ours, theirs, atol=1e-5)
    assert net.loss(X, Y) == pytest.approx(float(loss), abs=1e-5)
    # and the trained network's forward pass, through Keras' own Normalization layer
    norm = tf.keras.layers.Normalization(axis=-1)
    norm.adapt(model.X)
    trained = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(3, activation="sigmoid"),
                                   tf.keras.layers.Dense(1, activation="sigmoid")])
    trained.set_weights([model.net.W[0], model.net.b[0], model.net.W[1], model.net.b[1]])
    xs = np.array([coffee.COURSE_EXAMPLE, (200.0, 13.9)])
    np.testing.assert_allclose(norm(xs).numpy(), model.norm(xs), atol=1e-4)
    np.testing.assert_allclose(trained(model.norm(xs)).numpy()[:, 0], [model.layers(*x).a2 for x in xs], atol=1e-5)


def test_is_it_a_one_trains_from_the_shipped_mnist_and_reads_images():
    from engine.data import load_mnist

    model = coffee.digit_model()
    assert model.test_accuracy >= 0.98
    assert model.train_count == coffee.DIGIT_TRAIN_IMAGES and model.test_count == 2115
    assert model.net.sizes == (784, 25, 15, 1)
    mnist = load_mnist()
    Xt, Yt = coffee.zeros_and_ones(mnist, None, 0, split="test")
    assert model.net.accuracy(Xt, Yt) == model.test_accuracy
    for i in (0, 1, 2, 5):
        image = Xt[i].reshape(28, 28).astype(np.float32)
        layers = model.layers(image)
        expected = by_hand(image.reshape(784), model.net.W, model.net.b)
        for ours, theirs in zip(layers, expected):
            np.testing.assert_allclose(ours, theirs, atol=1e-5)
        assert [a.shape for a in layers] == [(25,), (15,), (1,)]
        assert model.probability_of_one(image) == pytest.approx(float(expected[-1][0]), abs=1e-5)
        assert (model.probability_of_one(image) >= 0.5) == (Yt[i, 0] == 1)
    assert coffee.cached_digit_model() is model


def test_training_stops_when_asked():
    net = coffee.SigmoidNetwork.initial((2, 3, 1), seed=0)
    X, Y = coffee.load_coffee_data()
    with pytest.raises(coffee.Stopped):
        coffee.train(net, X, Y, epochs=10, batch_size=None, learning_rate=0.1, seed=0, should_stop=lambda: True)

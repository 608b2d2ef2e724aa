"""The Adam lesson's trainer: gradients, SGD and Adam equal TensorFlow's; Adam wins the race."""
from __future__ import annotations

import numpy as np
import pytest

from engine.lessons.optimizers import (BETA_1, BETA_2, EPSILON, SGD, Adam, cross_entropy, init_params, logits,
                                       loss_and_gradients, pick_weights, race)


def _batch(seed=0, m=32):
    rng = np.random.default_rng(seed)
    x = rng.random((m, 784), dtype=np.float32)
    y = rng.integers(0, 10, m)
    return x, y


def _small_data(n=600, seed=0):
    from engine.data import load_mnist

    mnist = load_mnist()
    x = mnist.x_train[:n].reshape(n, -1).astype(np.float32) / np.float32(255)
    return x, mnist.y_train[:n].astype(np.int64)


def test_initial_weights_shapes_and_range():
    params = init_params(0)
    assert [p.shape for p in params] == [(784, 25), (25,), (25, 15), (15,), (15, 10), (10,)]
    assert all(p.dtype == np.float32 for p in params)
    assert np.abs(params[0]).max() <= np.sqrt(6 / (784 + 25))
    assert all(not p.any() for p in params[1::2])
    np.testing.assert_array_equal(params[0], init_params(0)[0])


def test_gradients_equal_gradient_tape():
    tf = pytest.importorskip("tensorflow")
    import keras

    params = init_params(1)
    params[1] += 0.05   # non-zero biases too
    x, y = _batch(1)
    loss, grads = loss_and_gradients(params, x, y)
    variables = [tf.Variable(p) for p in params]
    with tf.GradientTape() as tape:
        a = tf.constant(x)
        for i in range(3):
            z = tf.matmul(a, variables[2 * i]) + variables[2 * i + 1]
            a = tf.nn.relu(z) if i < 2 else z
        tf_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, a)
    tf_grads = tape.gradient(tf_loss, variables)
    assert loss == pytest.approx(float(tf_loss), abs=1e-5)
    assert cross_entropy(logits(params, x), y) == pytest.approx(float(tf_loss), abs=1e-5)
    for mine, theirs in zip(grads, tf_grads):
        np.testing.assert_allclose(mine, theirs.numpy(), atol=1e-5)


def _keras_updates(optimizer, params, grad_list):
    import tensorflow as tf

    variables = [tf.Variable(p.copy()) for p in params]
    out = []
    for grads in grad_list:
        optimizer.apply_gradients(zip([tf.constant(g) for g in grads], variables))
        out.append([v.numpy().copy() for v in variables])
    return out


def _random_grads(params, steps, seed=2):
    rng = np.random.default_rng(seed)
    # a mix: some weights with a steady gradient, the rest noisy, a few exactly zero
    steady = [rng.normal(0, 0.01, p.shape).astype(np.float32) for p in params]
    out = []
    for _ in range(steps):
        grads = [(s + rng.normal(0, 0.01, p.shape)).astype(np.float32) for s, p in zip(steady, params)]
        grads[1][:3] = 0
        out.append(grads)
    return out


@pytest.mark.parametrize("learning_rate", [0.001, 0.01])
def test_adam_equals_keras(learning_rate):
    pytest.importorskip("tensorflow")
    import keras

    params = init_params(3)
    grad_list = _random_grads(params, 6)
    theirs = _keras_updates(keras.optimizers.Adam(learning_rate=learning_rate), params, grad_list)
    reference = keras.optimizers.Adam()
    assert (reference.beta_1, reference.beta_2, reference.epsilon) == (BETA_1, BETA_2, EPSILON)
    mine, adam = [p.copy() for p in params], Adam(learning_rate)
    for grads, expected in zip(grad_list, theirs):
        adam.apply(mine, grads)
        for a, b in zip(mine, expected):
            np.testing.assert_allclose(a, b, atol=1e-5, rtol=0)
    assert adam.iterations == 6


def test_sgd_equals_keras():
    pytest.importorskip("tensorflow")
    import keras

    params = init_params(4)
    grad_list = _random_grads(params, 5, seed=5)
    theirs = _keras_updates(keras.optimizers.SGD(learning_rate=0.01), params, grad_list)
    mine, sgd = [p.copy() for p in params], SGD(0.01)
    for grads, expected in zip(grad_list, theirs):
        sgd.apply(mine, grads)
        for a, b in zip(mine, expected):
            np.testing.assert_allclose(a, b, atol=1e-6, rtol=0)


def test_adam_training_steps_equal_keras_on_real_gradients():
    """A few real training steps of the course's network: my Adam and Keras's stay together."""
    pytest.importorskip("tensorflow")
    import keras
    import tensorflow as tf

    x, y = _small_data(96)
    params = init_params(0)
    variables = [tf.Variable(p.copy()) for p in params]
    optimizer = keras.optimizers.Adam(learning_rate=0.001)
    adam = Adam(0.001)
    for step in range(3):
        xb, yb = x[32 * step:32 * (step + 1)], y[32 * step:32 * (step + 1)]
        _, grads = loss_and_gradients(params, xb, yb)
        adam.apply(params, grads)
        with tf.GradientTape() as tape:
            a = tf.constant(xb)
            for i in range(3):
                z = tf.matmul(a, variables[2 * i]) + variables[2 * i + 1]
                a = tf.nn.relu(z) if i < 2 else z
            loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(yb, a)
        optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        for mine, theirs in zip(params, variables):
            np.testing.assert_allclose(mine, theirs.numpy(), atol=1e-5)


def test_adam_beats_sgd_at_the_same_learning_rate():
    data = _small_data(2000)
    first = race(0.001, steps=120, data=data, eval_every=20)
    again = race(0.001, steps=120, data=data, eval_every=20)
    assert first.finished and first.eval_steps == [0, 20, 40, 60, 80, 100, 120]
    assert first.sgd_loss[0] == first.adam_loss[0]             # the same initial weights
    assert first.sgd_loss == again.sgd_loss and first.adam_loss == again.adam_loss   # deterministic
    sgd, adam = first.final()
    assert adam < sgd - 0.5
    steady, zigzag = pick_weights(first)
    assert steady.consistency > zigzag.consistency
    assert steady.mean_ratio > zigzag.mean_ratio           # larger effective learning rate where it kept going
    assert first.adam_steps.shape == (120, len(first.tracked_names)) == first.adam_grads.shape
    # Adam's first step is α·sign(g) for every weight whose gradient is well above ε
    g0 = np.abs(first.adam_grads[0]).astype(np.float64)
    root = np.sqrt(1 - BETA_2)
    np.testing.assert_allclose(np.abs(first.adam_steps[0]), 0.001 * root * g0 / (root * g0 + EPSILON), rtol=1e-4,
                               atol=1e-9)
    np.testing.assert_allclose(np.abs(first.adam_steps[0][g0 > 1e-3]), 0.001, rtol=1e-2)


def test_race_stops_when_asked():
    data = _small_data(500)
    calls = []
    result = race(0.001, steps=100, data=data, eval_every=10, progress=lambda r: calls.append(len(r.eval_steps)),
                  should_stop=lambda: len(calls) >= 3)
    assert not result.finished and result.steps == 20 and len(result.adam_steps) == 20

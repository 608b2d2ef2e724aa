"""TrainingRun: one model.fit with light progress, pause, stop and the NaN / divergence guard."""
import math
import threading
import time

import numpy as np
import pytest

from engine.data import load_mnist
from engine.device import device_name, tensorflow
from engine.models import build_model
from engine.training_run import TrainingConfig, TrainingRun, augment_batch, make_datasets

def _run(tiny_mnist, config=TrainingConfig(epochs=1, batch_size=16, validation_size=40), **kw):
    events = {"batch": [], "epoch": [], "end": []}
    run = TrainingRun(build_model("course-mlp", seed=0), tiny_mnist, config,
                      on_batch=events["batch"].append, on_epoch=events["epoch"].append,
                      on_end=events["end"].append, **kw)
    return run, events


def test_one_epoch_reports_batches_epoch_and_end(tiny_mnist):
    run, events = _run(tiny_mnist, max_reports_per_second=1e9)
    end = run.run()
    assert end.reason == "completed" and end.epochs_completed == 1 and events["end"] == [end]
    steps = events["batch"][-1].steps_per_epoch
    assert steps == 13  # 200 training images / 16 per batch
    losses = np.concatenate([b.losses for b in events["batch"]])
    positions = np.concatenate([b.positions for b in events["batch"]])
    assert len(losses) == steps and np.all(np.isfinite(losses))
    np.testing.assert_allclose(positions, np.arange(1, steps + 1) / steps)
    # per-batch losses are recovered from Keras's running mean: their mean is the epoch loss
    epoch = events["epoch"][0]
    assert epoch.loss == pytest.approx(np.average(losses, weights=[16] * 12 + [8]), rel=1e-3)
    assert 0 <= epoch.val_accuracy <= 1 and epoch.samples_per_second > 0
    assert len(epoch.weights) == len(run.model.get_weights())


def test_reports_are_throttled(tiny_mnist):
    run, events = _run(tiny_mnist, TrainingConfig(epochs=2, batch_size=4, validation_size=40),
                       max_reports_per_second=2)
    run.run()
    assert len(events["batch"]) <= 8  # 100 batches, at most ~2 reports a second plus epoch ends
    assert sum(len(b.losses) for b in events["batch"]) == 100  # but no batch loss is lost


def test_stop_takes_effect_within_one_batch(tiny_mnist):
    seen = []
    run, events = _run(tiny_mnist, TrainingConfig(epochs=3, batch_size=4, validation_size=40),
                       max_reports_per_second=1e9)

    def on_batch(p):
        seen.append(p.step)
        if p.step == 5:
            run.stop()

    run._on_batch = on_batch
    end = run.run()
    assert end.reason == "stopped" and end.epochs_completed == 0
    assert seen[-1] == 5  # no further batch ran after the stop
    assert not events["epoch"]


def test_pause_and_resume(tiny_mnist):
    run, events = _run(tiny_mnist, TrainingConfig(epochs=1, batch_size=4, validation_size=40),
                       max_reports_per_second=1e9)
    paused_at = []

    def on_batch(p):
        if p.step == 3 and not paused_at:
            run.pause()
            paused_at.append(time.perf_counter())
            threading.Timer(0.5, run.resume).start()

    run._on_batch = on_batch
    started = time.perf_counter()
    end = run.run()
    assert end.reason == "completed"
    assert time.perf_counter() - started >= 0.5
    assert not run.paused


def test_stop_while_paused_ends_the_run(tiny_mnist):
    run, _ = _run(tiny_mnist, TrainingConfig(epochs=1, batch_size=4, validation_size=40))
    run.pause()
    threading.Timer(0.3, run.stop).start()
    assert run.run().reason == "stopped"


def test_nan_loss_stops_and_keeps_the_last_good_weights(tiny_mnist):
    run, events = _run(tiny_mnist, TrainingConfig(epochs=2, batch_size=4, validation_size=40),
                       max_reports_per_second=1e9)
    good_states = [[w.copy() for w in run.model.get_weights()]]

    def poison(p):
        if p.step < 4:
            good_states.append([w.copy() for w in run.model.get_weights()])
        if p.step == 4:  # the weights go bad between two batches, as with an exploding update
            w = run.model.get_weights()
            w[-1][:] = np.nan  # the output bias: relu would swallow a NaN earlier on
            run.model.set_weights(w)

    run._on_batch = poison
    end = run.run()
    assert end.reason == "nan" and "NaN" in end.message and end.epochs_completed == 0
    restored = run.model.get_weights()
    assert all(np.isfinite(w).all() for w in restored)
    assert any(all(np.array_equal(a, b) for a, b in zip(restored, state)) for state in good_states)


def test_nan_in_the_first_epoch_restores_the_starting_weights_and_says_so(tiny_mnist):
    run, _ = _run(tiny_mnist, TrainingConfig(epochs=2, batch_size=4, validation_size=40),
                  max_reports_per_second=1e9)
    start = [w.copy() for w in run.model.get_weights()]

    def poison(p):
        if p.step == 4:
            w = run.model.get_weights()
            w[-1][:] = np.nan
            run.model.set_weights(w)

    run._on_batch = poison
    end = run.run()
    assert end.reason == "nan" and end.epochs_completed == 0
    assert np.isnan(end.bad_loss) and end.stopped_at == (1, 5)
    assert "at epoch 1, batch 5" in end.message and "no epoch had finished" in end.message
    assert all(np.array_equal(a, b) for a, b in zip(run.model.get_weights(), start))


def test_a_diverging_loss_stops_like_nan_and_restores_the_last_epochs_weights(tiny_mnist):
    """A loss that explodes but stays finite (Adam at a learning rate of 1e6 reaches 1e20) is
    caught like NaN: stopped, and the weights from the end of the last finished epoch restored."""
    run, events = _run(tiny_mnist, TrainingConfig(epochs=3, batch_size=4, validation_size=40),
                       max_reports_per_second=1e9)

    def explode(p):
        if p.epoch == 1 and p.step == 4:  # the output bias: every other digit's loss becomes ~1e6
            w = run.model.get_weights()
            w[-1][:] = [1e6] + [0.0] * 9
            run.model.set_weights(w)

    run._on_batch = explode
    end = run.run()
    assert end.reason == "nan" and end.epochs_completed == 1 and len(events["epoch"]) == 1
    assert math.isfinite(end.bad_loss) and end.bad_loss > 1e4 and end.stopped_at == (2, 5)
    assert "at epoch 2, batch 5: the loss diverged" in end.message
    assert "weights from the end of epoch 1 were restored" in end.message
    restored = run.model.get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(restored, events["epoch"][0].weights))


def test_an_ordinary_run_is_not_taken_for_a_diverging_one(tiny_mnist):
    run, _ = _run(tiny_mnist, TrainingConfig(epochs=2, batch_size=4, validation_size=40),
                  max_reports_per_second=1e9)
    end = run.run()
    assert end.reason == "completed" and end.bad_loss is None and end.stopped_at is None


def test_lr_decay_lowers_the_learning_rate_each_epoch(tiny_mnist):
    run, _ = _run(tiny_mnist, TrainingConfig(epochs=3, batch_size=64, validation_size=40, lr_decay=0.5))
    run.run()
    assert float(run.model.optimizer.learning_rate.numpy()) == pytest.approx(1e-3 * 0.25)


def test_training_subset_and_validation_split(tiny_mnist):
    train, val, steps, count = make_datasets(tiny_mnist, TrainingConfig(train_size=50, batch_size=10,
                                                                        validation_size=40))
    assert count == 50 and steps == 5
    xb, yb = next(iter(train))
    assert xb.dtype.name == "float32" and float(xb.numpy().max()) <= 1.0
    assert sum(int(x.shape[0]) for x, _ in val) == 40


def test_augmentation_keeps_shape_range_and_moves_pixels():
    x = load_mnist().x_test[:64].astype(np.float32) / 255
    out = augment_batch(x).numpy()
    assert out.shape == x.shape and out.min() >= 0 and out.max() <= 1
    assert np.abs(out - x).mean() > 0.01
    # mostly the same digit: ink stays near where it was
    assert np.corrcoef(out.ravel(), x.ravel())[0, 1] > 0.5


def test_seeded_augmentation_is_a_function_of_the_images_and_the_seed():
    x = load_mnist().x_test[:16].astype(np.float32) / 255
    first, again = augment_batch(x, 0.5, seed=[1, 2]).numpy(), augment_batch(x, 0.5, seed=[1, 2]).numpy()
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, augment_batch(x, 0.5, seed=[1, 3]).numpy())


def test_invalid_config_is_rejected():
    with pytest.raises(ValueError):
        TrainingConfig(epochs=0)
    with pytest.raises(ValueError):
        TrainingConfig(lr_decay=1.5)


def test_device_is_reported():
    tf = tensorflow()
    name = device_name()
    assert name == "CPU" if not tf.config.list_physical_devices("GPU") else name != "CPU"


@pytest.mark.gpu
@pytest.mark.skipif(not tensorflow().config.list_physical_devices("GPU"), reason="no GPU visible")
def test_training_runs_on_the_gpu_with_memory_growth(tiny_mnist):
    tf = tensorflow()
    gpu = tf.config.list_physical_devices("GPU")[0]
    assert tf.config.experimental.get_memory_growth(gpu)
    run, _ = _run(tiny_mnist)
    assert run.device != "CPU"
    assert run.run().reason == "completed"
    assert "GPU" in run.model.trainable_variables[0].device

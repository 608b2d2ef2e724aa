"""Training / train(): the one pipeline the CLI and the window share, its typed events and controls."""
import dataclasses
import threading

import numpy as np
import pytest

import engine.training as training_module
from engine.data import load_mnist
from engine.device import device_name
from engine.spec import TrainingSpec
from engine.training import (History, ModelBuilt, Training, TrainingListener, TrainingOutcome, WeightsUpdate,
                             train)
from engine.training_run import TrainingConfig
# ===== Training / train(): the one pipeline, its events and controls ====================================

TINY = TrainingSpec("course-mlp", epochs=2, batch_size=16, validation_size=40)


class Recorder(TrainingListener):
    """Every event, in order, as (kind, payload)."""

    def __init__(self, hook=None):
        self.events = []
        self.hook = hook or (lambda kind, payload: None)

    def _add(self, kind, payload):
        self.events.append((kind, payload))
        self.hook(kind, payload)

    def on_phase(self, text):
        self._add("phase", text)

    def on_model(self, event):
        self._add("model", event)

    def on_batch(self, progress):
        self._add("batch", progress)

    def on_epoch(self, progress):
        self._add("epoch", progress)

    def on_weights(self, update):
        self._add("weights", update)

    def on_end(self, outcome):
        self._add("end", outcome)

    def kinds(self):
        return [kind for kind, _ in self.events]

    def of(self, kind):
        return [payload for k, payload in self.events if k == kind]


def _same(a, b):
    return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))


def test_typed_events_arrive_in_order(tiny_mnist):
    rec = Recorder()
    outcome = Training(TINY, lambda: tiny_mnist, max_reports_per_second=1e9).run(rec)
    kinds = rec.kinds()
    assert rec.events[:3] == [("phase", "Loading MNIST…"), ("phase", "Building the network…"),
                              ("model", rec.of("model")[0])]
    assert rec.events[3] == ("phase", "Compiling the training step…")
    assert kinds[-4:] == ["weights", "phase", "phase", "end"]
    assert rec.events[-3:-1] == [("phase", "Calibrating the confidence…"), ("phase", "Testing on 60 images…")]
    steps = 13  # 200 training images / 16
    per_epoch = ["batch"] * steps + ["epoch", "weights"]   # no batch weights: 13 < WEIGHTS_EVERY_BATCHES
    assert kinds[4:-4] == per_epoch * 2
    assert [(u.kind, u.epoch, u.step) for u in rec.of("weights")] == [("epoch", 0, 13), ("epoch", 1, 13),
                                                                     ("end", 1, 13)]
    for kind, payload in rec.events:
        if kind != "phase":
            assert dataclasses.is_dataclass(payload)
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(payload, dataclasses.fields(payload)[0].name, None)
    built = rec.of("model")[0]
    assert isinstance(built, ModelBuilt) and built.device == device_name() and built.name == "course-mlp"
    assert built.spec == TINY and all(isinstance(w, np.ndarray) for w in built.weights)
    assert rec.of("end") == [outcome] and isinstance(outcome, TrainingOutcome)
    assert outcome.end.reason == "completed" and outcome.spec == TINY and outcome.test_count == 60
    assert outcome.test_accuracy == outcome.evaluation.accuracy and 0 <= outcome.test_accuracy <= 1
    assert outcome.history == History(*(tuple(getattr(e, f) for e in rec.of("epoch"))
                                        for f in ("loss", "accuracy", "val_loss", "val_accuracy")))
    assert len(outcome.history) == 2 and outcome.history.as_dict()["val_loss"] == list(outcome.history.val_loss)
    assert _same(rec.of("weights")[-1].weights, outcome.weights)


def test_the_live_predictor_follows_the_training_and_ends_with_the_final_weights(tiny_mnist):
    seen = []

    def check(kind, payload):   # on the training thread, right when each update is reported
        if kind == "weights":
            predictor = rec.of("model")[0].predictor
            seen.append(predictor.predict_batch(tiny_mnist.x_test[:8] / 255.0))

    rec = Recorder(check)
    outcome = train(TINY, rec, tiny_mnist)
    predictor = rec.of("model")[0].predictor
    assert predictor is not None and outcome.predictor is predictor
    probs = predictor.predict_batch(tiny_mnist.x_test / 255.0)
    assert np.mean(probs.argmax(axis=1) == tiny_mnist.y_test) == pytest.approx(outcome.test_accuracy)
    assert not np.allclose(seen[0], seen[-1])   # the predictor changed as training went
    # Then it was calibrated: the same logits, read at the fitted temperature.
    assert outcome.calibration is not None and predictor.calibration == outcome.calibration
    np.testing.assert_allclose(outcome.calibration.probabilities(np.log(seen[-1].astype(np.float64))),
                               probs[:8], atol=1e-5)


def test_without_a_live_predictor_the_events_carry_none(tiny_mnist):
    rec = Recorder()
    outcome = train(TINY.replace(epochs=1), rec, tiny_mnist, live_predictor=False)
    assert rec.of("model")[0].predictor is None and outcome.predictor is None
    assert outcome.has_model and outcome.test_accuracy is not None


def test_weights_every_n_batches_but_at_most_twice_a_second(tiny_mnist, monkeypatch):
    spec = TrainingSpec("course-mlp", epochs=2, batch_size=4, validation_size=40)   # 50 batches an epoch
    monkeypatch.setattr(training_module, "WEIGHTS_MIN_SECONDS", 0.0)
    rec = Recorder()
    train(spec, rec, tiny_mnist, weights_every=20, max_reports_per_second=1e9, live_predictor=False)
    assert [(u.kind, u.epoch, u.step) for u in rec.of("weights")] == [
        ("batch", 0, 20), ("batch", 0, 40), ("epoch", 0, 50),
        ("batch", 1, 20), ("batch", 1, 40), ("epoch", 1, 50), ("end", 1, 50)]
    # the throttle: however many batches pass, never two snapshots within WEIGHTS_MIN_SECONDS
    monkeypatch.setattr(training_module, "WEIGHTS_MIN_SECONDS", 1e9)
    rec = Recorder()
    train(spec, rec, tiny_mnist, weights_every=1, max_reports_per_second=1e9, live_predictor=False)
    assert [u.kind for u in rec.of("weights")] == ["epoch", "epoch", "end"]


def test_stop_before_the_run_begins(tiny_mnist):
    training = Training(TINY, tiny_mnist)
    training.stop()
    assert training.is_stopping() and not training.is_paused()
    rec = Recorder()
    outcome = training.run(rec)
    assert outcome.end.reason == "stopped" and "before it began" in outcome.end.message
    assert rec.kinds() == ["end"] and not outcome.has_model and outcome.test_accuracy is None
    with pytest.raises(RuntimeError, match="runs once"):
        training.run()


def test_stop_while_the_data_loads():
    training = Training(TINY, lambda: (training.stop(), load_mnist())[1])
    rec = Recorder()
    outcome = training.run(rec)
    assert outcome.end.reason == "stopped" and rec.kinds() == ["phase", "end"]
    assert training.data is not None   # loaded all the same: a caller may keep it for the next run


def test_pause_before_the_run_begins_holds_the_first_batch_until_resume(tiny_mnist):
    training = Training(TINY.replace(epochs=1), tiny_mnist, live_predictor=False)
    training.pause()
    assert training.is_paused()
    paused_at_first_batch = []

    def hook(kind, payload):
        if kind == "model":
            threading.Timer(0.3, training.resume).start()
        if kind == "batch" and not paused_at_first_batch:
            paused_at_first_batch.append(training.is_paused())

    outcome = training.run(Recorder(hook))
    assert outcome.end.reason == "completed" and paused_at_first_batch == [False]


def test_stop_while_paused_before_the_run_begins(tiny_mnist):
    training = Training(TINY, tiny_mnist, live_predictor=False)
    training.pause()
    rec = Recorder(lambda kind, payload: kind == "model" and threading.Timer(0.2, training.stop).start())
    outcome = training.run(rec)
    assert outcome.end.reason == "stopped" and outcome.end.epochs_completed == 0 and not rec.of("batch")


def test_abort_skips_the_test_set_evaluation(tiny_mnist):
    training = Training(TINY, tiny_mnist, live_predictor=False)
    rec = Recorder(lambda kind, payload: kind == "epoch" and training.abort())
    outcome = training.run(rec)
    assert training.is_aborted() and training.is_stopping()
    assert outcome.end.reason == "stopped" and outcome.end.epochs_completed == 1
    assert outcome.test_accuracy is None and outcome.test_count == 0
    assert not [t for t in rec.of("phase") if t.startswith("Testing")]
    assert outcome.has_model and rec.kinds()[-2:] == ["weights", "end"]


def test_abort_during_the_evaluation_cuts_it_short(tiny_mnist, monkeypatch):
    monkeypatch.setattr(training_module, "EVALUATION_CHUNK", 10)
    training = Training(TINY.replace(epochs=1), tiny_mnist, live_predictor=False)
    rec = Recorder(lambda kind, payload: kind == "phase" and payload.startswith("Testing") and training.abort())
    outcome = training.run(rec)
    assert outcome.end.reason == "completed" and outcome.test_accuracy is None


def test_stop_still_tests_the_result(tiny_mnist):
    training = Training(TINY, tiny_mnist, live_predictor=False)
    outcome = training.run(Recorder(lambda kind, payload: kind == "epoch" and training.stop()))
    assert outcome.end.reason == "stopped" and outcome.test_accuracy is not None


def test_the_same_spec_and_seed_give_the_same_history(tiny_mnist):
    spec = TrainingSpec("course-mlp", epochs=2, batch_size=16, validation_size=40, augment=True, seed=3)
    first = train(spec, data=tiny_mnist, live_predictor=False)
    second = train(spec, data=tiny_mnist)   # a live predictor's compilation changes nothing
    assert first.history == second.history and len(first.history) == 2
    assert _same(first.weights, second.weights)
    other = train(spec.replace(seed=4), data=tiny_mnist, live_predictor=False)
    assert other.history != first.history


def test_a_failure_is_an_error_outcome_not_an_exception():
    def broken():
        raise OSError("the disk is on fire")

    rec = Recorder()
    outcome = train(TINY, rec, broken)
    assert outcome.end.reason == "error" and "the disk is on fire" in outcome.end.message
    assert rec.kinds() == ["phase", "end"] and not outcome.has_model


def test_the_outcome_saves_the_network_with_its_spec(tiny_mnist, tmp_path):
    from engine.model_files import ModelFileError, load_model, read_spec

    outcome = train(TINY.replace(epochs=1), data=tiny_mnist, live_predictor=False)
    path = outcome.save(tmp_path / "mine.keras")
    assert read_spec(path) == outcome.spec
    assert _same(load_model(path).get_weights(), outcome.weights)
    never_built = Training(TINY, tiny_mnist)
    never_built.stop()
    with pytest.raises(ModelFileError, match="no network was built"):
        never_built.run().save(tmp_path / "none.keras")


def test_training_needs_a_spec_and_usable_data(tiny_mnist):
    with pytest.raises(TypeError):
        Training(TrainingConfig(), tiny_mnist)
    with pytest.raises(TypeError, match="data must be"):
        Training(TINY, data="mnist.npz")


def test_base_listener_ignores_everything(tiny_mnist):
    outcome = train(TINY.replace(epochs=1), TrainingListener(), tiny_mnist, live_predictor=False)
    assert outcome.end.reason == "completed"
    update = WeightsUpdate([np.zeros(2)], 0, 1, "batch")
    with pytest.raises(dataclasses.FrozenInstanceError):
        update.kind = "end"


def test_config_checks_validation_size_and_seed():
    with pytest.raises(ValueError, match="validation"):
        TrainingConfig(validation_size=0)
    with pytest.raises(ValueError, match="seed"):
        TrainingConfig(seed=-1)

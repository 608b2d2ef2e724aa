"""Adapt to my handwriting (engine.adapt, engine.adapt_cli): the held-out rule, learning a writer's
style without forgetting MNIST, the listener's events, stop, NaN, saving, the command.

One adaptation of the shipped cnn is shared by several tests (module fixture): a "writer" who
writes mirror-wise — a held-out pen writer's digits flipped left to right, which the cnn mostly
misreads — on a small slice of MNIST, a few epochs.
"""
from __future__ import annotations

import argparse
import functools
import importlib.util
import math

import numpy as np
import pytest

from engine import adapt as adapt_module
from engine.adapt import (AdaptOutcome, AdaptReport, Adaptation, check_samples, default_adapted_path,
                          held_out_split)
from engine.data import Mnist, load_mnist
from engine.training import TrainingListener, TrainingOutcome

WRITER = 19   # a held-out pen writer (odd id): never trained on by the shipped models


# ----- the held-out rule and the checks (no TensorFlow) ---------------------------------------------------

def test_held_out_split_takes_the_newest_fifth_of_each_digit():
    # digit 0: 10 samples → 2 held out; 1: 5 → 1; 2: 2 → 1; 3: 1 → 0; 4: 7 → round(1.4) = 1; 5: 13 → 3
    y = np.concatenate([np.full(n, d) for d, n in [(0, 10), (1, 5), (2, 2), (3, 1), (4, 7), (5, 13)]])
    rng = np.random.default_rng(0)
    perm = rng.permutation(len(y))
    y = y[perm]                                   # interleaved; array order = oldest first
    train, held = held_out_split(y)
    assert len(train) + len(held) == len(y) and not set(train) & set(held)
    counts = {d: int(np.sum(y[held] == d)) for d in range(6)}
    assert counts == {0: 2, 1: 1, 2: 1, 3: 0, 4: 1, 5: 3}
    for d in range(6):   # the held-out ones are that digit's newest (last in the array)
        mine = np.flatnonzero(y == d)
        assert set(held[y[held] == d]) == set(mine[len(mine) - counts[d]:])


def test_held_out_split_follows_created_times():
    y = np.array([7] * 10 + [1] * 10)
    created = np.arange(20, 0, -1, dtype=float)    # array order is newest first here
    _, held = held_out_split(y, created)
    assert sorted(held) == [0, 1, 10, 11]           # the newest two of each digit


def test_too_few_samples_or_digits_is_a_clear_value_error():
    x = np.zeros((9, 28, 28), np.uint8)
    with pytest.raises(ValueError, match="Draw and label at least 10 digits first"):
        check_samples(x, np.arange(9) % 3)
    with pytest.raises(ValueError, match="at least 2 different digits"):
        check_samples(np.zeros((12, 28, 28), np.uint8), np.full(12, 4))
    with pytest.raises(ValueError, match="Draw and label at least 10"):
        Adaptation("cnn", x, np.arange(9) % 3)
    with pytest.raises(ValueError, match="28×28"):
        check_samples(np.zeros((12, 20, 20), np.uint8), np.arange(12) % 10)
    with pytest.raises(ValueError, match="0–9"):
        check_samples(np.zeros((12, 28, 28), np.uint8), np.arange(12))


def test_default_adapted_path_never_overwrites(private_user_dir):
    first = default_adapted_path("cnn")
    assert first == private_user_dir / "models" / "cnn-adapted.keras"
    first.parent.mkdir(parents=True)
    first.write_bytes(b"x")
    second = default_adapted_path("cnn")
    assert second.parent == first.parent and second.name.startswith("cnn-adapted-") and not second.exists()
    assert default_adapted_path(first).name.startswith("cnn-adapted")   # adapting an adaptation: no "-adapted-adapted"
    assert "-adapted-adapted" not in default_adapted_path(first).name


def test_report_round_trips_and_reads():
    r = AdaptReport("cnn (shipped)", "/x/cnn.keras", 60, 48, 12, 0.5, 0.9, 0.996, 0.995, 10000, 9.5, 8)
    assert AdaptReport.from_dict(r.to_dict()) == r
    assert "50.0% → 90.0%" in r.lines()[0] and "99.60% → 99.50%" in r.lines()[1]


# ----- one real adaptation, shared -----------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _mirrored_writer():
    """A held-out pen writer's digits, drawn as the canvas draws and flipped left to right: (x, y),
    in the writer's order."""
    from engine.pen_data import load_pen_digits, render_pen_digits

    digits = sorted((d for d in load_pen_digits() if d.writer == WRITER), key=lambda d: d.index)
    x, y = render_pen_digits(digits, np.random.default_rng(3))
    return np.ascontiguousarray(x[:, :, ::-1]), y.astype(np.int64)


def mirrored_writer():
    x, y = _mirrored_writer()
    return x.copy(), y.copy()


class Recorder(TrainingListener):
    def __init__(self):
        self.events = []

    def on_phase(self, text):
        self.events.append(("phase", text))

    def on_model(self, event):
        self.events.append(("model", event))

    def on_batch(self, progress):
        self.events.append(("batch", progress))

    def on_epoch(self, progress):
        self.events.append(("epoch", progress))

    def on_weights(self, update):
        self.events.append(("weights", update))

    def on_end(self, outcome):
        self.events.append(("end", outcome))

    def kinds(self):
        return [k for k, _ in self.events]


@pytest.fixture(scope="module")
def small_mnist():
    m = load_mnist()
    return Mnist(m.x_train[:6000], m.y_train[:6000], m.x_test[:2000], m.y_test[:2000])


@pytest.fixture(scope="module")
def adapted(tmp_path_factory, small_mnist):
    """(adaptation, outcome, recorder, held-out x, y): the cnn adapted to 10 mirrored digits of each
    kind, judged on the writer's other mirrored digits."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DIGIT_STUDIO_HOME", str(tmp_path_factory.mktemp("adapt-home")))
        x, y = mirrored_writer()
        train = np.concatenate([np.flatnonzero(y == d)[:10] for d in range(10)])
        rest = np.setdiff1d(np.arange(len(y)), train)
        adaptation = Adaptation("cnn", x[train], y[train], held_out=(x[rest], y[rest]), epochs=4,
                                mnist=small_mnist, general_mnist=1500, general_non_digits=60,
                                person_images=1000)
        recorder = Recorder()
        outcome = adaptation.run(recorder)
    return adaptation, outcome, recorder, x[rest], y[rest]


def test_adapting_learns_the_writer_without_forgetting_mnist(adapted):
    _, outcome, _, _, _ = adapted
    assert isinstance(outcome, AdaptOutcome) and isinstance(outcome, TrainingOutcome)
    assert outcome.end.reason == "completed", outcome.end.message
    r = outcome.report
    assert r.samples_trained == 100 and r.samples_held_out > 100 and r.held_out_source == "given"
    assert r.held_out_before < 0.6                        # the cnn misreads mirror writing (~40 %)…
    assert r.held_out_after > 0.85                        # …and learns it from 100 samples (~97 %)
    assert r.mnist_before > 0.98 and r.mnist_after > r.mnist_before - 0.02   # MNIST barely moves
    assert outcome.test_accuracy == r.mnist_after and outcome.test_count == 2000
    assert r.source == "cnn (shipped)" and "frozen convolutional" in r.method
    assert outcome.calibration.temperature > 1   # the shipped model's calibration is kept
    assert len(outcome.history) == 4 and all(math.isfinite(v) for v in outcome.history.loss)


def test_events_come_in_the_documented_order(adapted):
    adaptation, outcome, recorder, _, _ = adapted
    kinds = recorder.kinds()
    assert kinds[-1] == "end" and kinds.count("model") == 1 and kinds.count("end") == 1
    first_model = kinds.index("model")
    assert all(k == "phase" for k in kinds[:first_model])
    assert "batch" not in kinds[:first_model]
    assert kinds.count("epoch") == 4
    weights = [e.kind for k, e in recorder.events if k == "weights"]
    assert weights == ["epoch"] * 4 + ["end"]
    phases = [e for k, e in recorder.events if k == "phase"]
    assert phases[-1].startswith("Testing on 2,000") and any("Fine-tuning" in p for p in phases)
    batches = [e for k, e in recorder.events if k == "batch"]
    assert batches[0].epochs == 4 and batches[-1].step == batches[-1].steps_per_epoch
    positions = np.concatenate([b.positions for b in batches])
    assert np.all(np.diff(positions) > 0) and positions[-1] == pytest.approx(4.0)
    event = recorder.events[first_model][1]
    assert event.predictor is not None and event.spec.model.name == "cnn"
    # the live predictor ends at the adapted weights
    probe = np.random.default_rng(0).random((3, 28, 28)).astype(np.float32)
    assert np.allclose(outcome.predictor.logits_batch(probe), outcome.make_predictor().logits_batch(probe), atol=1e-4)
    assert adaptation.data is not None


def test_save_round_trip(adapted, tmp_path):
    from engine.model_files import read_adaptation, read_calibration, read_spec
    from engine.numpy_predictor import NumpyPredictor
    from engine.resources import shipped_model_path

    _, outcome, _, hx, hy = adapted
    path = outcome.save(tmp_path / "mine-adapted.keras")
    loaded = NumpyPredictor.from_file(path)
    probs = loaded.predict_batch(hx.astype(np.float32) / 255)
    assert np.mean(probs.argmax(1) == hy) == pytest.approx(outcome.report.held_out_after, abs=1e-9)
    assert read_adaptation(path) == outcome.report
    assert read_spec(path) == read_spec(shipped_model_path("cnn"))
    assert read_calibration(path) == read_calibration(shipped_model_path("cnn"))
    assert read_adaptation(shipped_model_path("cnn")) is None


def test_newest_samples_are_held_out_by_default(small_mnist):
    x, y = mirrored_writer()
    pick = np.concatenate([np.flatnonzero(y == d)[:6] for d in range(10)])   # 6 of each: 1 held out
    adaptation = Adaptation("cnn", x[pick], y[pick], epochs=1, mnist=small_mnist)
    assert adaptation.samples_trained == 50 and adaptation.samples_held_out == 10
    assert not adaptation.held_out_is_training


def test_stop_ends_within_a_batch(small_mnist):
    x, y = mirrored_writer()
    pick = np.concatenate([np.flatnonzero(y == d)[:3] for d in range(10)])

    class StopAtFirstBatch(Recorder):
        def on_batch(self, progress):
            super().on_batch(progress)
            adaptation.stop()

    adaptation = Adaptation("course-mlp", x[pick], y[pick], epochs=3, mnist=small_mnist, general_mnist=2000,
                            live_predictor=False, max_reports_per_second=1e9)
    recorder = StopAtFirstBatch()
    outcome = adaptation.run(recorder)
    assert outcome.end.reason == "stopped" and outcome.end.epochs_completed == 0
    assert recorder.kinds().count("batch") == 1 and "epoch" not in recorder.kinds()
    assert outcome.has_model and outcome.report is not None and outcome.report.mnist_after is not None
    assert "every layer" in outcome.report.method          # a dense network: all of it fine-tuned

    before = Adaptation("course-mlp", x[pick], y[pick], mnist=small_mnist)
    before.stop()
    ended = before.run()
    assert ended.end.reason == "stopped" and not ended.has_model


def test_a_diverging_loss_keeps_the_source_model(small_mnist):
    x, y = mirrored_writer()
    pick = np.concatenate([np.flatnonzero(y == d)[:3] for d in range(10)])
    adaptation = Adaptation("course-mlp", x[pick], y[pick], epochs=3, mnist=small_mnist, general_mnist=2000,
                            learning_rates=(1e6, 1e6))
    recorder = Recorder()
    outcome = adaptation.run(recorder)
    assert outcome.end.reason == "nan", outcome.end.message
    assert "unchanged" in outcome.end.message
    assert not outcome.has_model and outcome.predictor is None
    source = recorder.events[recorder.kinds().index("model")][1]
    last = [e for k, e in recorder.events if k == "weights"][-1]
    assert last.kind == "end"
    assert all(np.array_equal(a, b) for a, b in zip(last.weights, source.weights))
    with pytest.raises(Exception, match="no model|Nothing to save"):
        outcome.save("x.keras")


# ----- the command ------------------------------------------------------------------------------------

def _parse(argv):
    from engine.adapt_cli import add_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_cli_needs_samples(private_user_dir):
    if importlib.util.find_spec("engine.samples") is None:
        pytest.skip("engine.samples (the sample store) is not there yet")
    from engine.adapt_cli import adapt_command

    with pytest.raises(ValueError, match="Draw and label at least 10"):
        adapt_command(_parse(["adapt"]))


def test_cli_adapts_and_saves(private_user_dir, small_mnist, monkeypatch, capsys):
    if importlib.util.find_spec("engine.samples") is None:
        pytest.skip("engine.samples (the sample store) is not there yet")
    from engine import data as data_module
    from engine.adapt_cli import adapt_command
    from engine.model_files import read_adaptation
    from engine.samples import SampleStore

    x, y = mirrored_writer()
    store = SampleStore()
    for i in np.concatenate([np.flatnonzero(y == d)[:4] for d in range(10)]):
        store.add(int(y[i]), x[i])
    store.close()
    monkeypatch.setattr(data_module, "load_mnist", lambda *a, **k: small_mnist)
    monkeypatch.setattr(adapt_module, "GENERAL_MNIST", 1000)
    monkeypatch.setattr(adapt_module, "GENERAL_NON_DIGITS", 40)
    status = adapt_command(_parse(["adapt", "--epochs", "2"]))
    out = capsys.readouterr()
    assert status == 0, out.err
    assert "your 10 held-out samples:" in out.out and "→" in out.out and "MNIST test (2,000)" in out.out
    saved = private_user_dir / "models" / "cnn-adapted.keras"
    assert f"saved: {saved}" in out.out
    report = read_adaptation(saved)
    assert report.samples_trained == 30 and report.samples_held_out == 10


def test_an_adaptation_runs_once(small_mnist):
    x, y = mirrored_writer()
    pick = np.concatenate([np.flatnonzero(y == d)[:2] for d in range(10)])
    a = Adaptation("course-mlp", x[pick], y[pick], mnist=small_mnist)
    a.stop()
    a.run()
    with pytest.raises(RuntimeError, match="runs once"):
        a.run()

"""The training panel, offscreen, on the 240-image ``tiny_mnist``: progress, plot, weights for the
predictor, stop within one batch, pause/resume, closing mid-run, NaN loss, keep/discard, the editor."""
import subprocess
import sys

import numpy as np
import pytest

import engine.models
import engine.training
from PySide6.QtCore import Qt
from engine.spec import TrainingSpec
from engine.models import CONV_FRONT, PRESETS, build_model, dense_spec
from gui import theme
from gui.training.architecture_editor import CUSTOM, describe, parameter_count
from gui.training.loss_plot import LossPlot
from gui.training.panel import TrainingPanel, clock, progress_text

RUN_TIMEOUT = 60_000  # ms: the first run imports TensorFlow on a busy 2-core machine
COURSE = PRESETS["course-mlp"]


class RecordingRun(engine.training.TrainingRun):
    """A TrainingRun that notes, on the training thread, every batch it reports and how many had
    been reported when stop() was called."""

    instances: list["RecordingRun"] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.steps: list[tuple[int, int]] = []
        self.reported_at_stop: int | None = None
        forward = self._on_batch

        def on_batch(p):
            self.steps.append((p.epoch, p.step))
            forward(p)

        self._on_batch = on_batch
        RecordingRun.instances.append(self)

    def stop(self):
        if self.reported_at_stop is None:
            self.reported_at_stop = len(self.steps)
        super().stop()


@pytest.fixture
def panel(qtbot, tiny_mnist):
    widget = TrainingPanel(data_loader=lambda: tiny_mnist)
    qtbot.addWidget(widget)
    widget.resize(440, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    assert widget.stop_and_wait(10_000)


@pytest.fixture
def recording(monkeypatch):
    RecordingRun.instances = []
    monkeypatch.setattr(engine.training, "TrainingRun", RecordingRun)
    return RecordingRun.instances


def run_to_end(qtbot, panel, settings=None):
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT) as blocker:
        assert panel.start(settings)
    return blocker.args[0]


def long_run(panel, qtbot, epochs=40):
    """A run of many tiny batches, every batch reported: long enough to act on mid-epoch."""
    panel.max_reports_per_second = 1e9
    assert panel.start(TrainingSpec(COURSE, epochs=epochs, batch_size=4))
    qtbot.waitUntil(lambda: panel.progress_reports >= 3, timeout=RUN_TIMEOUT)


def test_one_epoch_reports_plots_finishes_and_feeds_the_predictor(qtbot, panel, tiny_mnist):
    started, weights, running = [], [], []
    panel.modelStarted.connect(started.append)
    panel.weightsUpdated.connect(weights.append)
    panel.trainingRunning.connect(running.append)

    result = run_to_end(qtbot, panel, TrainingSpec(COURSE, epochs=1, batch_size=16))

    assert result.end.reason == "completed" and result.end.epochs_completed == 1
    assert panel.progress_reports > 0 and running == [True, False] and not panel.is_training()
    lengths = panel.plot.curve_lengths()
    assert lengths["raw"] == lengths["smoothed"] == 12  # 192 training images / 16: every batch plotted
    assert lengths["val_loss"] == lengths["val_accuracy"] == 1
    assert 0.0 <= result.test_accuracy <= 1.0 and result.test_count == len(tiny_mnist.x_test)
    assert panel.accuracy_label.text() == f"{100 * result.test_accuracy:.2f}%"
    assert panel.progress.format() == "Done" and "finished" in panel.message()
    assert panel.device_label.text() == f"Trained on {panel_device()}"   # the run has ended
    assert len(started) == 1 and started[0].predictor is result.predictor   # the live predictor
    assert started[0].name == "course_mlp" or started[0].name == COURSE.name

    assert len(weights) >= 2  # the epoch end, and the end of the run
    initial = started[0].weights   # as built, before any training
    final = weights[-1].weights
    assert weights[-1].kind == "end" and len(final) == len(initial)
    assert any(not np.array_equal(a, b) for a, b in zip(final, initial))
    predictor = started[0].predictor
    image = tiny_mnist.x_test[0].astype(np.float32) / 255
    after = predictor.predict(image).probabilities            # it holds the final weights already
    predictor.set_weights(initial)
    before = predictor.predict(image).probabilities
    assert not np.allclose(before, after, atol=1e-4)


def test_weights_also_go_to_the_predictor_every_few_hundred_batches(qtbot, panel):
    events = []
    panel.weightsUpdated.connect(lambda w: events.append("weights"))
    panel.epochEnded.connect(lambda p: events.append("epoch"))
    panel.weights_every = 10  # instead of 200, for 48 batches an epoch
    panel.max_reports_per_second = 1e9
    run_to_end(qtbot, panel, TrainingSpec(COURSE, epochs=1, batch_size=4))
    # a mid-epoch snapshot comes before the epoch's end, the epoch's own weights right after it
    assert events[0] == "weights" and events.index("epoch") >= 1, events
    assert events[events.index("epoch") + 1] == "weights", events
    assert events[-1] == "weights"  # the run's final weights


def panel_device() -> str:
    from engine.device import device_name

    return device_name()


def test_stop_mid_epoch_ends_within_one_batch(qtbot, panel, recording):
    long_run(panel, qtbot)
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT) as blocker:
        panel.stop_button.click()
        assert panel.progress.format() == "Stopping…"
    result = blocker.args[0]
    run = recording[0]
    assert result.end.reason == "stopped" and result.end.epochs_completed < 40
    assert run.reported_at_stop is not None
    assert len(run.steps) - run.reported_at_stop <= 1  # at most the batch in progress finished
    assert "stopped" in panel.message() and result.test_accuracy is not None
    assert panel.keep_button.isVisible() and panel.train_button.isEnabled()


def test_pause_and_resume(qtbot, panel, recording):
    long_run(panel, qtbot)
    assert not panel.controls.isEnabled() and not panel.train_button.isEnabled()
    panel.pause_button.click()
    assert panel.is_paused() and panel.pause_button.text() == "Resume"
    qtbot.wait(150)  # the batch in progress may still finish
    run = recording[0]
    held = len(run.steps)
    qtbot.wait(500)
    assert len(run.steps) == held, "batches ran while paused"
    assert run.paused and panel.progress.format().startswith("Paused")
    panel.pause_button.click()
    assert not panel.is_paused() and panel.pause_button.text() == "Pause"
    qtbot.waitUntil(lambda: len(run.steps) > held + 3, timeout=RUN_TIMEOUT)
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT):
        panel.stop()
    assert panel.controls.isEnabled() and not panel.pause_button.isEnabled()


@pytest.mark.parametrize("paused", [False, True])
def test_stop_and_wait_mid_training_joins_promptly(qtbot, panel, paused):
    long_run(panel, qtbot)
    worker = panel._worker
    if paused:
        panel.pause()
    assert panel.stop_and_wait(timeout_ms=5000)  # joined: False would mean the thread still runs
    assert not panel.is_training() and worker._thread.isFinished()
    with qtbot.waitSignal(panel.runFinished, timeout=5000) as blocker:
        pass  # the queued end still arrives: stopped, and no test-set evaluation while closing
    assert blocker.args[0].end.reason == "stopped" and blocker.args[0].test_accuracy is None


def test_closing_the_panel_mid_training_stops_and_joins(qtbot, panel):
    long_run(panel, qtbot)
    worker = panel._worker
    panel.close()
    assert not panel.is_training() and worker._thread.isFinished()


def test_nan_loss_is_reported_and_the_last_good_weights_are_kept(qtbot, panel):
    weights = []
    panel.weightsUpdated.connect(weights.append)
    panel.set_spec(TrainingSpec(COURSE, epochs=2, batch_size=16, learning_rate=1e12, optimizer="sgd"))
    assert panel.spec().learning_rate == 1e12 and panel.spec().optimizer == "sgd"
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT) as blocker:
        panel.train_button.click()
    result = blocker.args[0]
    assert result.end.reason == "nan"          # a diverging loss stops the run like a NaN
    assert "Training stopped at epoch 1" in panel.message() and "starting weights were restored" in panel.message()
    assert panel.progress.format() == "Stopped: the loss diverged"
    assert all(np.isfinite(w).all() for w in result.weights)
    assert weights and all(np.isfinite(w).all() for w in weights[-1].weights)
    warning = theme.unsure(panel.palette())
    assert panel.message_label.palette().color(panel.message_label.foregroundRole()) == warning


def test_keep_and_discard(qtbot, panel):
    kept, discarded = [], []
    panel.modelKept.connect(kept.append)
    panel.modelDiscarded.connect(lambda: discarded.append(True))
    settings = TrainingSpec(COURSE, epochs=1, batch_size=32)

    result = run_to_end(qtbot, panel, settings)
    assert panel.has_pending_result() and panel.keep_button.isVisible()
    panel.keep_button.click()
    assert kept == [result] and not discarded
    assert kept[0].predictor.network.layers[-1].shape == (10,)   # the trained network, not Keras
    assert not panel.has_pending_result() and not panel.keep_button.isVisible()
    panel.keep()
    panel.discard()  # decided already: nothing more is emitted
    assert kept == [result] and not discarded

    run_to_end(qtbot, panel, settings)
    panel.discard_button.click()
    assert discarded == [True] and len(kept) == 1 and "previous model" in panel.message()

    run_to_end(qtbot, panel, settings)
    run_to_end(qtbot, panel, settings)  # a new run drops an undecided result: the previous model returns
    assert discarded == [True, True]


def test_custom_editor_builds_the_spec_it_shows(qtbot):
    panel = TrainingPanel(data_loader=lambda: None)
    qtbot.addWidget(panel)
    editor = panel.form.architecture
    assert editor.choice() == "course-mlp" and not editor.custom_box.isVisibleTo(panel)
    defaults = panel.spec()
    assert (defaults.model, defaults.epochs, defaults.batch_size, defaults.learning_rate, defaults.optimizer,
            defaults.train_size, defaults.augment) == (COURSE, 5, 128, 1e-3, "adam", None, False)

    editor.combo.setCurrentIndex(editor.combo.findData(CUSTOM))
    assert editor.custom_box.isVisibleTo(panel)
    assert editor.spec() == dense_spec("custom-dense", [(25, "relu"), (15, "relu")])
    editor.add_button.click()
    editor._rows[0].units.setValue(64)
    editor._rows[0].activation.setCurrentText("tanh")
    editor._rows[2].units.setValue(12)
    editor._rows[2].activation.setCurrentText("sigmoid")
    editor._rows[1].remove.click()
    assert editor.hidden_layers() == [(64, "tanh"), (12, "sigmoid")]
    assert [r.label.text() for r in editor._rows] == ["Layer 1", "Layer 2"]
    editor.conv_front.setChecked(True)
    spec = panel.spec().model
    assert spec.layers[:len(CONV_FRONT)] == CONV_FRONT and spec.is_convolutional
    dense = [(layer.units, layer.activation) for layer in spec.layers if layer.kind == "dense"]
    assert dense == [(64, "tanh"), (12, "sigmoid"), (10, "linear")]
    assert editor.summary.text() == describe(spec) and "4 conv → 64 tanh → 12 sigmoid → 10" in describe(spec)

    panel.form.batch_combo.setCurrentText("32")
    panel.form.lr_combo.setCurrentText("3e-4")
    panel.form.optimizer_combo.setCurrentIndex(1)
    panel.form.size_combo.setCurrentIndex(2)
    panel.form.augment_check.setChecked(True)
    assert defaults.data == "mnist" and not panel.form.people_check.isChecked()
    panel.form.people_check.setChecked(True)
    s = panel.spec()
    assert (s.batch_size, s.learning_rate, s.optimizer, s.train_size, s.augment) == (32, 3e-4, "sgd", 2000, True)
    assert s.data == "people"
    panel.set_spec(s.replace(data="mnist"))
    assert not panel.form.people_check.isChecked() and panel.spec().data == "mnist"
    panel.set_spec(s)
    assert panel.form.people_check.isChecked()
    assert s.config().augment and s.config().train_size == 2000 and s.config().batch_size == 32

    panel.form.lr_combo.setCurrentText("0")
    assert not panel.start() and "not a positive number" in panel.message() and not panel.is_training()


@pytest.mark.parametrize("spec", [PRESETS["course-mlp"], PRESETS["cnn"],
                                  dense_spec("c", [(64, "tanh"), (12, "sigmoid")], conv_front=True),
                                  dense_spec("none", [])])
def test_parameter_count_matches_keras(spec):
    assert parameter_count(spec) == build_model(spec).count_params()


def test_loss_plot_grows_buffers_and_coalesces_redraws(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(400, 260)
    plot.show()
    items = list(plot.getPlotItem().listDataItems()) + [plot.val_acc_curve]
    plot.reset(epochs=10, steps_per_epoch=500)
    draws = plot.draws
    noise = np.random.default_rng(0).normal(0, 0.1, 5000)
    for chunk in range(200):  # 5,000 batches in 200 reports, faster than any display
        x = np.arange(chunk * 25 + 1, chunk * 25 + 26) / 500
        plot.add_batches(x, 2.3 * np.exp(-x) + noise[chunk * 25:chunk * 25 + 25])
    assert plot.draws == draws  # nothing drawn yet: one redraw is pending
    qtbot.waitUntil(lambda: plot.draws > draws, timeout=2000)
    assert plot.draws - draws == 1
    assert plot.curve_lengths()["raw"] == 5000 and plot._raw.capacity == 8192
    plot.add_epoch(1.0, 0.9, 0.8)
    plot.add_batches(np.array([10.1]), np.array([np.nan]))  # a NaN is neither drawn nor smoothed
    plot.flush()
    assert np.isfinite(plot.smoothed_losses()[-2]) and plot.curve_lengths()["val_accuracy"] == 1
    assert list(plot.getPlotItem().listDataItems()) + [plot.val_acc_curve] == items  # the same curves
    smooth = plot.smoothed_losses()[:-1]
    raw = plot.raw_curve.getOriginalDataset()[1][:-1]
    assert np.std(np.diff(smooth)) < 0.5 * np.std(np.diff(raw))  # the smoothed curve is smoother
    plot.reset(epochs=3)
    assert plot.curve_lengths() == {"raw": 0, "smoothed": 0, "val_loss": 0, "val_accuracy": 0}


def test_progress_text():
    assert progress_text(1, 5, 213, 430, 8400.4, 42) == "Epoch 2/5 · batch 213/430 · 8,400 img/s · 0:42 left"
    assert clock(3725) == "1:02:05" and clock(float("inf")) == "–:––"


def test_importing_the_panel_does_not_import_tensorflow():
    code = "import sys, gui.training.panel; print('tensorflow' in sys.modules or 'keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, cwd=str(_root()))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def _root():
    from pathlib import Path

    return Path(__file__).resolve().parents[3]


def test_ctrl_enter_starts_every_run_not_only_the_first(qtbot, panel):
    """The button's own shortcut was lost when its text changed to "Training…"."""
    started = []
    panel.trainingRunning.connect(lambda running: running and started.append(True))
    for run in range(2):
        with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT):
            qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert len(started) == run + 1
        panel.discard()


def test_after_a_run_the_panel_says_what_happened_in_the_past_tense(qtbot, panel):
    result = run_to_end(qtbot, panel, TrainingSpec(COURSE, epochs=1, batch_size=32))
    assert panel.device_label.text().startswith("Trained on ")
    assert "1 epochs" not in result.end.message and "1 epoch" in result.end.message
    assert panel.accuracy_label.isVisible() and panel.accuracy_label.text().endswith("%")
    panel.discard()
    assert not panel.accuracy_label.isVisible() and panel.accuracy_label.text() == ""
    assert not panel.accuracy_caption.isVisible()

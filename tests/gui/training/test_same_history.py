"""One training function: the command line and the training panel, given the same spec and seed,
train the same network the same way (the same per-epoch history, the same final weights)."""
import numpy as np

import engine.data
import engine.training
import main
from engine.model_files import read_spec
from gui.training.panel import TrainingPanel

RUN_TIMEOUT = 120_000


def test_the_cli_and_the_panel_train_the_same_history_from_the_same_spec(qtbot, tiny_mnist, monkeypatch, tmp_path):
    outcomes = []
    real_run = engine.training.Training.run

    def recording_run(self, listener=None):
        outcome = real_run(self, listener)
        outcomes.append(outcome)
        return outcome

    monkeypatch.setattr(engine.training.Training, "run", recording_run)
    monkeypatch.setattr(engine.data, "load_mnist", lambda *args, **kwargs: tiny_mnist)
    out = tmp_path / "cli.keras"
    status = main.main(["train", "--model", "course-mlp", "--epochs", "2", "--batch-size", "16", "--augment",
                        "--learning-rate", "0.003", "--seed", "7", "--out", str(out)])
    assert status == 0
    spec = read_spec(out)                          # the file says how it was made
    assert spec is not None and spec.seed == 7 and spec.augment and spec.epochs == 2

    panel = TrainingPanel(data_loader=lambda: tiny_mnist)
    qtbot.addWidget(panel)
    panel.set_spec(spec)
    assert panel.spec().model == spec.model and panel.spec().learning_rate == spec.learning_rate
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT):
        assert panel.start(spec)
    cli, gui = outcomes
    assert gui.spec == cli.spec == spec
    assert len(cli.history) == 2
    assert gui.history == cli.history
    for a, b in zip(gui.weights, cli.weights):
        np.testing.assert_array_equal(a, b)
    assert panel.stop_and_wait(10_000)

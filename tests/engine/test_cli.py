"""The command line, end to end: predict (JSON, blanks, bad files, many files), evaluate, train."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import main
from engine import cli as engine_cli
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.resources import resource_path

ROOT = Path(main.__file__).parent
SAMPLES = resource_path("samples")


def run(capsys, *argv):
    status = main.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_predict_json_recognises_drawn_digits_of_any_polarity_size_and_place(capsys):
    files = sorted(str(p) for p in SAMPLES.glob("*.png"))
    status, out, err = run(capsys, "predict", "--json", *files)
    assert status == 0, err
    rows = {Path(r["file"]).name: r for r in map(json.loads, out.splitlines())}
    assert rows["blank.png"]["digit"] is None and rows["blank.png"]["probabilities"] is None
    expected = {"seven-dark-on-light.png": 7, "three-small-light-on-dark.png": 3,
                "four-fat-pen-transparent.png": 4, "two-thin-pen-corner.png": 2}
    for name, digit in expected.items():
        assert rows[name]["digit"] == digit, rows[name]
        assert rows[name]["confidence"] > 0.9
        assert len(rows[name]["probabilities"]) == 10
        assert sum(rows[name]["probabilities"]) == pytest.approx(1.0, abs=1e-4)


def test_a_file_that_is_not_an_image_is_named_on_stderr_and_the_rest_still_run(capsys, tmp_path):
    good = SAMPLES / "seven-dark-on-light.png"
    text = SAMPLES / "not-an-image.txt"
    status, out, err = run(capsys, "predict", "--json", str(text), str(good), str(tmp_path / "missing.png"))
    assert status != 0
    assert "not-an-image.txt" in err and "missing.png" in err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["digit"] for r in rows] == [7]


def test_thousands_of_files_in_one_call(capsys, tmp_path):
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 10, 600)
    for i, d in enumerate(labels):  # more files than one batch chunk
        img = render_strokes(DIGIT_TEMPLATES[int(d)][0], size=(64, 64), pen_width=5)
        Image.fromarray(img).save(tmp_path / f"{i:04d}.png")
    status, out, err = run(capsys, "predict", "--json", *sorted(str(p) for p in tmp_path.glob("*.png")))
    assert status == 0, err
    digits = [json.loads(line)["digit"] for line in out.splitlines()]
    assert len(digits) == 600
    assert np.mean(np.array(digits) == labels) > 0.95


def test_plain_text_output(capsys):
    status, out, _ = run(capsys, "predict", str(SAMPLES / "seven-dark-on-light.png"), str(SAMPLES / "blank.png"))
    assert status == 0
    assert "seven-dark-on-light.png: 7 (" in out and "blank.png: no digit" in out


@pytest.mark.slow
def test_evaluate_reports_the_shipped_cnn_at_99_4_percent_or_better(capsys):
    status, out, _ = run(capsys, "evaluate")
    assert status == 0
    accuracy = float(out.split("test accuracy: ")[1].split("%")[0])
    assert accuracy >= 99.4
    assert "confusion matrix" in out and "per-class accuracy" in out


def test_both_backends_give_the_same_answers_and_say_what_computed_them(capsys):
    files = sorted(str(p) for p in SAMPLES.glob("*.png"))
    answers = {}
    for backend in ("numpy", "tensorflow"):
        status, out, err = run(capsys, "predict", "--json", "--backend", backend, *files)
        assert status == 0, err
        answers[backend] = [json.loads(line) for line in out.splitlines()]
    for ours, theirs in zip(answers["numpy"], answers["tensorflow"]):
        assert (ours["file"], ours["digit"], ours["reason"]) == (theirs["file"], theirs["digit"], theirs["reason"])
        if ours["probabilities"] is not None:
            np.testing.assert_allclose(ours["probabilities"], theirs["probabilities"], atol=2e-5)
    reports = {}
    for backend in ("numpy", "tensorflow"):
        status, out, _ = run(capsys, "evaluate", "--model", "course-mlp", "--backend", backend)
        assert status == 0
        reports[backend] = out
    assert "computed on: CPU (NumPy), 10,000 images" in reports["numpy"]
    assert "(NumPy)" not in reports["tensorflow"] and ", 10,000 images" in reports["tensorflow"]
    # the same digits right, the same confusion matrix
    for key in ("test accuracy:", "confusion matrix:"):
        assert reports["numpy"].split(key)[1] == reports["tensorflow"].split(key)[1]


def test_an_unknown_backend_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main.main(["predict", "--backend", "torch", str(SAMPLES / "seven-dark-on-light.png")])
    assert exit_info.value.code == 2 and "invalid choice: 'torch'" in capsys.readouterr().err


def test_evaluate_a_bad_model_file_is_a_clear_error(capsys, tmp_path):
    bad = tmp_path / "bad.keras"
    bad.write_text("nope")
    status, _, err = run(capsys, "evaluate", "--model", str(bad))
    assert status == 2 and "bad.keras" in err and "Traceback" not in err


def test_train_saves_a_model_that_evaluate_can_read(capsys, tmp_path):
    out_file = tmp_path / "mine.keras"
    status, out, err = run(capsys, "train", "--model", "course-mlp", "--epochs", "1", "--train-size", "2000",
                           "--out", str(out_file))
    assert status == 0, err
    assert out_file.exists() and "test accuracy" in out
    assert "epoch 1/1" in err and "val_acc" in err
    from engine.model_files import read_spec
    from engine.spec import TrainingSpec

    assert read_spec(out_file) == TrainingSpec.from_preset("course-mlp", epochs=1, train_size=2000)
    status, out, _ = run(capsys, "evaluate", "--model", str(out_file))
    assert status == 0 and "test accuracy" in out
    assert "trained: course-mlp · 1 epoch · batch 128" in out


def test_default_output_goes_to_the_user_models_folder(capsys, private_user_dir):
    status, out, err = run(capsys, "train", "--model", "course-mlp", "--epochs", "1", "--train-size", "500")
    assert status == 0, err
    assert (private_user_dir / "models" / "course-mlp.keras").exists()


def test_tensorflow_chatter_stays_hidden_unless_debug():
    cmd = [sys.executable, str(ROOT / "main.py"), "predict", "--model", "course-mlp",
           str(SAMPLES / "seven-dark-on-light.png")]
    quiet = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert quiet.returncode == 0 and ": 7 (" in quiet.stdout
    assert quiet.stderr.strip() == "", quiet.stderr


def test_log_lines_follow_stderr_when_it_is_replaced(monkeypatch):
    """The log handler writes to the stderr of the moment: a stream replaced and closed after
    set-up (an embedding host, a test runner's capture) never causes a logging error."""
    import io
    import logging

    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    main.setup_logging("info")
    logging.getLogger("digit_studio").info("one")
    monkeypatch.setattr(sys, "stderr", second)
    first.close()
    logging.getLogger("digit_studio").info("two")
    assert second.getvalue().rstrip().endswith("digit_studio: two")


# --- train: --out is checked before training; a late save failure falls back --------------------


@pytest.fixture
def no_training(monkeypatch):
    """Training must not begin: MNIST is never loaded."""
    monkeypatch.setattr("engine.data.load_mnist", lambda: pytest.fail("training began before the check"))


@pytest.fixture
def tiny_training(monkeypatch, tiny_mnist):
    """The train command on the 240-image stand-in for MNIST (a run takes a second or two)."""
    monkeypatch.setattr("engine.data.load_mnist", lambda: tiny_mnist)


def test_an_out_under_a_file_is_refused_before_training(capsys, tmp_path, no_training):
    (tmp_path / "afile").write_text("a file, not a folder")
    status, _, err = run(capsys, "train", "--out", str(tmp_path / "afile" / "x.keras"))
    assert status == 2 and "afile" in err and "not a folder" in err and "Traceback" not in err


def test_an_out_in_a_folder_without_write_permission_is_refused_before_training(
        capsys, tmp_path, monkeypatch, no_training):
    locked = tmp_path / "locked"
    locked.mkdir()
    real_open = os.open

    def deny(path, *args, **kwargs):  # a read-only folder, even for root (who ignores mode bits)
        if Path(path).parent == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    status, _, err = run(capsys, "train", "--out", str(locked / "x.keras"))
    assert status == 2 and "locked" in err and "not writable" in err and "Traceback" not in err
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize("name", ["model.h5", "folder"])
def test_an_out_that_is_not_a_keras_file_is_refused_before_training(capsys, tmp_path, no_training, name):
    (tmp_path / "folder.keras").mkdir()
    out = tmp_path / ("folder.keras" if name == "folder" else name)
    status, _, err = run(capsys, "train", "--out", str(out))
    assert status == 2 and str(out) in err and "Traceback" not in err


def test_a_save_that_fails_after_training_falls_back_to_the_models_folder(
        capsys, tmp_path, monkeypatch, private_user_dir, tiny_training):
    import engine.model_files

    out = tmp_path / "usb-stick" / "mine.keras"
    real_save = engine.model_files.save_model

    def save(model, path, spec=None, calibration=None):  # the stick was pulled during training
        assert spec is not None and spec.model.name == "course-mlp"  # the fallback keeps the spec too
        assert calibration is not None                                 # ... and the calibration
        if Path(path) == out:
            raise engine.model_files.ModelFileError(f"Could not save the model to {path}: [Errno 5] I/O error")
        return real_save(model, path, spec=spec, calibration=calibration)

    monkeypatch.setattr(engine.model_files, "save_model", save)
    status, _, err = run(capsys, "train", "--epochs", "1", "--batch-size", "16", "--out", str(out))
    fallback = private_user_dir / "models" / "course-mlp.keras"
    assert status == 1 and "Traceback" not in err
    assert fallback.exists() and not out.exists()
    assert [line for line in err.splitlines() if "I/O error" in line] == [
        f"error: Could not save the model to {out}: [Errno 5] I/O error"]
    assert f"saved instead to {fallback}" in err


# --- train: the learning rate must be a positive number; a diverging run is not passed off ------


@pytest.mark.parametrize("rate", ["-1", "0", "nan", "inf"])
def test_a_learning_rate_that_is_not_positive_is_a_usage_error(capsys, rate, no_training):
    with pytest.raises(SystemExit) as exit_:
        main.main(["train", "--learning-rate", rate])
    assert exit_.value.code == 2
    assert "--learning-rate" in capsys.readouterr().err


def test_a_run_that_diverges_in_its_first_epoch_saves_nothing(capsys, tmp_path, tiny_training):
    out = tmp_path / "mine.keras"
    status, _, err = run(capsys, "train", "--epochs", "2", "--batch-size", "16", "--learning-rate", "1e6",
                         "--out", str(out))
    assert status == 1 and not out.exists(), err
    assert "stopped at epoch 1" in err and "nothing was saved" in err
    assert "last good weights were kept" not in err


def test_a_run_that_diverges_later_saves_the_last_finished_epochs_weights(
        capsys, tmp_path, monkeypatch, tiny_training):
    import engine.models

    built, epoch_weights = [], []
    real_build, real_epoch = engine.models.build_model, engine_cli.ProgressBar.epoch

    def build(*args, **kwargs):
        built.append(real_build(*args, **kwargs))
        return built[-1]

    def epoch_then_explode(self, e):
        real_epoch(self, e)
        epoch_weights.append([w.copy() for w in e.weights])
        if e.epoch == 0:  # an exploding update right after epoch 1's weights were taken
            w = built[0].get_weights()
            w[-1][:] = [1e6] + [0.0] * 9  # the output bias: every other digit's loss becomes ~1e6
            built[0].set_weights(w)

    monkeypatch.setattr(engine.models, "build_model", build)
    monkeypatch.setattr(engine_cli.ProgressBar, "epoch", epoch_then_explode)
    out = tmp_path / "mine.keras"
    status, stdout, err = run(capsys, "train", "--epochs", "3", "--batch-size", "16", "--out", str(out))
    assert status == 1, err
    assert "stopped at epoch 2, batch 1: the loss diverged" in err
    assert "weights from the end of epoch 1 were restored" in err and f"saved: {out}" in stdout
    from engine.model_files import load_model

    assert len(epoch_weights) == 1
    saved = load_model(out).get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(saved, epoch_weights[0]))


# --- train: one pipeline, the spec saved with the model --------------------------------------------


def test_train_saves_its_spec_and_follows_the_augmentation_rule(capsys, tmp_path, tiny_training):
    from engine.model_files import read_spec

    out = tmp_path / "mine.keras"
    status, stdout, err = run(capsys, "train", "--epochs", "2", "--batch-size", "16", "--augment",
                              "--lr-decay", "0.5", "--seed", "3", "--out", str(out))
    assert status == 0, err
    spec = read_spec(out)
    assert spec.model.name == "course-mlp" and spec.augment and spec.augment_strength is None
    assert spec.resolved_augment_strength == 0.5 and spec.lr_decay == 0.5 and spec.seed == 3
    assert "Training course-mlp on " in err and "augmented ×0.5" in err and "decay 0.5/epoch" in err
    assert "test accuracy: " in stdout and f"saved: {out}" in stdout
    status, _, err = run(capsys, "train", "--model", "cnn", "--epochs", "1", "--batch-size", "16", "--augment",
                         "--augment-strength", "0.3", "--train-size", "40", "--out", str(out))
    assert status == 0, err
    assert read_spec(out).augment_strength == 0.3 and "augmented ×0.3" in err


def test_the_cli_and_the_engine_train_alike(capsys, tmp_path, tiny_mnist, tiny_training):
    """The same spec and seed give the same network from the command line and from train()."""
    from engine.model_files import load_model, read_spec
    from engine.training import train as engine_train

    out = tmp_path / "mine.keras"
    status, _, err = run(capsys, "train", "--epochs", "2", "--batch-size", "16", "--augment", "--out", str(out))
    assert status == 0, err
    outcome = engine_train(read_spec(out), data=tiny_mnist, live_predictor=False)
    saved = load_model(out).get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(saved, outcome.weights))


@pytest.mark.parametrize("flags, message", [
    (["--augment-strength", "3"], "augmentation strength must be in (0, 2]"),
    (["--lr-decay", "0"], "learning-rate decay must be in (0, 1]"),
    (["--epochs", "0"], "epochs must be >= 1"),
    (["--seed", "-1"], "seed must be >= 0"),
])
def test_bad_training_settings_are_usage_errors_before_training(capsys, no_training, flags, message):
    status, _, err = run(capsys, "train", *flags)
    assert status == 2 and message in err and "Traceback" not in err


# --- predict: a closed pipe, a folder as --model ---------------------------------------------------


def test_predict_into_a_pipe_that_closes_early_ends_quietly():
    """``predict … | head -1``: the reader goes away after one line; no traceback, like other tools."""
    image = str(SAMPLES / "seven-dark-on-light.png")
    cmd = [sys.executable, str(ROOT / "main.py"), "predict", "--model", "course-mlp"] + [image] * 2000
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as proc:
        first = proc.stdout.readline()  # ~300 kB of answers: more than a pipe holds, so predict must block
        proc.stdout.close()
        err = proc.stderr.read().decode()
        status = proc.wait(timeout=180)
    assert b": 7 (" in first
    assert "Traceback" not in err and "BrokenPipeError" not in err and "Exception ignored" not in err, err
    assert status == 141


def test_a_folder_given_as_model_is_named_as_a_folder(capsys, tmp_path):
    status, _, err = run(capsys, "predict", "--model", str(tmp_path), str(SAMPLES / "seven-dark-on-light.png"))
    assert status == 2 and f"{tmp_path} is a folder, not a .keras model file" in err


def test_predict_json_says_why_there_is_no_digit(capsys, tmp_path):
    """reason: null for an answer, "blank" for an empty image, "not a digit" under the model's threshold."""
    from engine.calibration import Calibration
    from engine.model_files import save_model
    from engine.models import build_model

    picky = save_model(build_model("course-mlp", seed=0), tmp_path / "picky.keras",
                       calibration=Calibration(temperature=1.0, refuse_below=0.99))
    files = [str(SAMPLES / "blank.png"), str(SAMPLES / "seven-dark-on-light.png")]
    status, out, err = run(capsys, "predict", "--json", "--model", str(picky), *files)
    assert status == 0, err
    blank, seven = map(json.loads, out.splitlines())
    assert blank == {"file": files[0], "digit": None, "confidence": None, "probabilities": None, "reason": "blank"}
    assert seven["reason"] == "not a digit" and seven["digit"] is None
    assert seven["confidence"] < 0.99 and len(seven["probabilities"]) == 10   # the bars are still given
    status, out, _ = run(capsys, "predict", "--model", str(picky), files[1])
    assert "not a digit (best guess" in out
    status, out, _ = run(capsys, "predict", "--json", files[1])       # the shipped model reads it
    row = json.loads(out)
    assert row["reason"] is None and row["digit"] == 7


def test_the_shipped_model_says_a_drawn_star_is_not_a_digit(capsys):
    star = str(SAMPLES / "star-not-a-digit.png")
    status, out, err = run(capsys, "predict", "--json", star)
    assert status == 0, err
    row = json.loads(out)
    assert (row["digit"], row["reason"]) == (None, "not a digit") and len(row["probabilities"]) == 10

"""The command line, end to end: predict (JSON, blanks, bad files, many files), evaluate, train."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import main
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
    status, out, _ = run(capsys, "evaluate", "--model", str(out_file))
    assert status == 0 and "test accuracy" in out


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

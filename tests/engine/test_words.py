"""The engine's messages for people are ``engine.words.Words``: the same English ``str`` as ever (the
command line, the logs and every comparison see no difference), but remembering their template so a
window can show them in its language. Every template is a literal ``pyside6-lupdate`` can extract,
in the one context "engine", with exactly the placeholders its call fills. No Qt here."""
from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import numpy as np
import pytest

from engine.words import CONTEXT, QT_TRANSLATE_NOOP, Words, joined

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "engine"


# ----- Words itself -------------------------------------------------------------------------------
def test_words_are_the_english_str_and_remember_their_template():
    w = Words(QT_TRANSLATE_NOOP("engine", "{path} is not a .keras file"), path="a.txt")
    assert w == "a.txt is not a .keras file" and isinstance(w, str)
    assert str(w) == "a.txt is not a .keras file" and type(str(w)) is str
    assert f"{w}!" == "a.txt is not a .keras file!"
    assert w.template == "{path} is not a .keras file" and w.params == {"path": "a.txt"}
    assert hash(w) == hash("a.txt is not a .keras file")
    assert str(ValueError(w)) == "a.txt is not a .keras file"


def test_words_pickle_as_words_with_their_nested_messages():
    inner = Words(QT_TRANSLATE_NOOP("engine", "n/a"))
    outer = Words(QT_TRANSLATE_NOOP("engine", "MNIST test ({count}): {before} → {after}"),
                  count="10,000", before=inner, after="97.50%")
    back = pickle.loads(pickle.dumps(outer))
    assert type(back) is Words and back == outer and back.template == outer.template
    assert type(back.params["before"]) is Words and back.params["before"].template == "n/a"
    from engine.model_files import ModelFileError

    error = pickle.loads(pickle.dumps(ModelFileError(outer)))
    assert type(error.args[0]) is Words and str(error) == str(outer)


def test_joined_keeps_each_sentence_translatable():
    a = Words(QT_TRANSLATE_NOOP("engine", "{model} is unchanged."), model="mine.keras")
    both = joined(Words(QT_TRANSLATE_NOOP("engine", "Training stopped before it began.")), a)
    assert both == "Training stopped before it began. mine.keras is unchanged."
    assert isinstance(both, Words) and list(both.params.values())[1] is a


# ----- real engine messages are Words, in the English they always had ----------------------------------
def test_model_file_errors_are_words(tmp_path):
    from engine.model_files import ModelFileError, check_model_file, check_save_path

    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(ModelFileError) as caught:
        check_model_file(text)
    message = caught.value.args[0]
    assert isinstance(message, Words)
    assert message == ("notes.txt is not a Keras model file (.keras files are zip archives); it may be "
                       "truncated or of another format.")
    with pytest.raises(ModelFileError) as caught:
        check_model_file(tmp_path / "gone.keras")
    assert caught.value.args[0] == f"Model file not found: {tmp_path / 'gone.keras'}"
    assert caught.value.args[0].template == "Model file not found: {path}"
    with pytest.raises(ModelFileError) as caught:
        check_save_path(tmp_path / "model.h5")
    assert caught.value.args[0] == f"Model files end in .keras, not .h5: {tmp_path / 'model.h5'}"
    with pytest.raises(ModelFileError) as caught:
        check_save_path(tmp_path / "model")
    assert caught.value.args[0] == f"Model files end in .keras, not nothing: {tmp_path / 'model'}"


def test_a_model_needing_tensorflow_says_so_in_words(tmp_path):
    import json
    import zipfile

    from engine.keras_file import NeedsTensorFlow, read_network

    path = tmp_path / "lambda.keras"
    config = {"class_name": "Sequential", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"name": "in", "batch_shape": [None, 28, 28]}},
        {"class_name": "Lambda", "config": {"name": "odd"}}]}}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", json.dumps(config))
        archive.writestr("model.weights.h5", b"")
    with pytest.raises(NeedsTensorFlow) as caught:
        read_network(path)
    message = caught.value.args[0]
    assert isinstance(message, Words)
    assert message == ("lambda.keras needs the full TensorFlow installation: its layer 'odd' is a Lambda layer: "
                       "custom code, which this reader never runs.")


def test_spec_and_config_errors_are_words():
    from engine.spec import TrainingSpec
    from engine.training_run import TrainingConfig

    with pytest.raises(ValueError) as caught:
        TrainingSpec.from_preset("course-mlp", learning_rate=-1.0)
    assert caught.value.args[0] == "learning rate must be a positive number, not -1.0"
    assert isinstance(caught.value.args[0], Words)
    with pytest.raises(ValueError) as caught:
        TrainingSpec.from_preset("course-mlp", epochs=2.5)
    assert caught.value.args[0] == "epochs must be a whole number, not 2.5"
    with pytest.raises(ValueError) as caught:
        TrainingConfig(batch_size=0)
    assert caught.value.args[0] == "batch size must be >= 1" and isinstance(caught.value.args[0], Words)


def test_tensorflow_missing_is_words(monkeypatch):
    from engine import device

    monkeypatch.setattr(device, "tensorflow_installed", lambda: False)
    with pytest.raises(device.TensorFlowMissing) as caught:
        device.require_tensorflow(Words(QT_TRANSLATE_NOOP("engine", "Training")))
    message = caught.value.args[0]
    assert message == ("Training needs TensorFlow, which this installation does not have (it recognises digits "
                       "only). Install the full Digit Studio to train.")
    assert isinstance(message.params["what"], Words)
    with pytest.raises(device.TensorFlowMissing, match="^Exporting needs TensorFlow"):
        device.require_tensorflow("Exporting")     # a plain subject still works (the command line)


def test_sample_and_adaptation_messages_are_words(tmp_path):
    from engine.adapt import AdaptReport, check_samples
    from engine.samples import SampleStore, SampleStoreError

    with SampleStore(tmp_path / "s.db") as store, pytest.raises(SampleStoreError) as caught:
        store.import_folder(tmp_path)
    assert caught.value.args[0] == f"{tmp_path} has no labels.csv (a 'file,label' list of the images)"
    assert isinstance(caught.value.args[0], Words)

    with pytest.raises(ValueError) as caught:
        check_samples(np.zeros((3, 28, 28), np.uint8), np.array([1, 1, 1]))
    assert caught.value.args[0] == ("Draw and label at least 10 digits first, of at least 2 different digits "
                                    "(there are 3 samples of 1 digit): adapting needs some of each to learn "
                                    "from and some to check with.")
    with pytest.raises(ValueError, match=r"\(there is 1 sample of 1 digit\)"):
        check_samples(np.zeros((1, 28, 28), np.uint8), np.array([4]))

    report = AdaptReport(source="cnn (shipped)", source_path="x", samples=20, samples_trained=16,
                         samples_held_out=4, held_out_before=0.5, held_out_after=None, mnist_before=0.99,
                         mnist_after=0.9912, mnist_count=10000, seconds=3.25, epochs=1, general_images=4500)
    lines = report.lines()
    assert lines == ["your 4 held-out samples: 50.0% → n/a", "MNIST test (10,000): 99.00% → 99.12%",
                     "trained on 16 of your samples and 4,500 general images, 1 epoch, 3.2 s (from cnn (shipped))"]
    assert all(isinstance(line, Words) for line in lines)


def test_a_shipped_models_label_is_words():
    from engine import catalogue

    assert catalogue.label("cnn") == "cnn (shipped)" and isinstance(catalogue.label("cnn"), Words)
    assert catalogue.label("elsewhere/mine.keras") == "mine.keras"


def test_training_phases_and_ends_are_words(tiny_mnist):
    from engine.data import MnistDataError
    from engine.spec import TrainingSpec
    from engine.training import Training, TrainingListener

    spec = TrainingSpec("course-mlp", epochs=1, batch_size=16, validation_size=40)

    class Phases(TrainingListener):
        def __init__(self):
            self.texts = []

        def on_phase(self, text):
            self.texts.append(text)

    def missing():
        raise MnistDataError(Words(QT_TRANSLATE_NOOP("engine", "MNIST file not found: {path}"), path="x.npz"))

    listener = Phases()
    end = Training(spec, missing, live_predictor=False).run(listener).end
    assert end.message == "Training failed: MNIST file not found: x.npz"
    assert isinstance(end.message, Words) and isinstance(end.message.params["error"], Words)
    assert listener.texts == ["Loading MNIST…"] and isinstance(listener.texts[0], Words)

    stopped = Training(spec, tiny_mnist, live_predictor=False)
    stopped.stop()
    end = stopped.run().end
    assert end.message == "Training stopped before it began." and isinstance(end.message, Words)

    listener = Phases()
    end = Training(spec, tiny_mnist, live_predictor=False).run(listener).end
    assert end.reason == "completed" and end.message == "Training finished: 1 epoch."
    assert isinstance(end.message, Words)
    assert all(isinstance(text, Words) for text in listener.texts)
    assert listener.texts[-1] == "Testing on 60 images…"


def test_said_keeps_an_exceptions_words():
    from engine.training_run import said

    inner = Words(QT_TRANSLATE_NOOP("engine", "n/a"))
    assert said(ValueError(inner)) is inner
    assert said(ValueError("plain")) == "plain" and not isinstance(said(ValueError("plain")), Words)


# ----- every Words( call in engine/ is extractable and fits its values -------------------------------
def _words_calls():
    for path in sorted(ENGINE.glob("*.py")):
        if path.name == "words.py":     # Words itself (rebuilding, joining) makes none of its own
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Words":
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def _template_of(call: ast.Call) -> str | None:
    if len(call.args) != 1:
        return None
    mark = call.args[0]
    if not (isinstance(mark, ast.Call) and isinstance(mark.func, ast.Name) and mark.func.id == "QT_TRANSLATE_NOOP"
            and len(mark.args) == 2 and not mark.keywords):
        return None
    context, text = mark.args
    if not (isinstance(context, ast.Constant) and context.value == CONTEXT == "engine"):
        return None
    if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
        return None
    return text.value


def test_the_engine_makes_words():
    assert len(list(_words_calls())) > 100


def test_every_words_call_marks_a_literal_template_in_the_engine_context():
    bad = [where for where, call in _words_calls() if _template_of(call) is None]
    assert bad == [], "Words(QT_TRANSLATE_NOOP(\"engine\", \"<literal>\"), name=value) expected at " + ", ".join(bad)


def test_every_template_has_exactly_the_placeholders_its_call_fills():
    bad = []
    for where, call in _words_calls():
        template = _template_of(call)
        if template is None or any(k.arg is None for k in call.keywords):   # **values: checked when run
            continue
        try:
            fields = {name for _, name, spec, _ in string.Formatter().parse(template) if name is not None}
        except ValueError as exc:
            bad.append(f"{where}: {exc}")
            continue
        if any(not name.isidentifier() for name in fields):
            bad.append(f"{where}: placeholders must be plain names, not {sorted(fields)}")
        given = {k.arg for k in call.keywords}
        if fields != given:
            bad.append(f"{where}: template has {sorted(fields)}, the call gives {sorted(given)}")
    assert bad == []


def test_words_need_no_qt():
    source = (ENGINE / "words.py").read_text(encoding="utf-8")
    assert "PySide6" not in source and "QtCore" not in source

"""The engine's messages (``engine.words.Words``) reach the window in its language: an engine error
shown through ``gui.i18n.error_text`` or a worker's ``errored`` signal is Turkish after switching,
values inside it (a nested message too) filled in, and English again after switching back."""
from __future__ import annotations

import numpy as np
import pytest

from engine.words import QT_TRANSLATE_NOOP, Words
from gui import i18n
from gui.workers import LatestOnlyWorker, Worker


@pytest.fixture
def turkish(qtbot):
    assert i18n.set_language("tr")
    qtbot.wait(20)
    try:
        yield
    finally:
        i18n.set_language("en")
        qtbot.wait(20)


def _error(fn, *args, **kwargs):
    with pytest.raises(Exception) as caught:
        fn(*args, **kwargs)
    return caught.value


def test_a_model_file_error_reads_turkish(tmp_path, turkish):
    from engine.model_files import check_model_file

    text = tmp_path / "notes.txt"
    text.write_text("not a model")
    error = _error(check_model_file, text)
    assert i18n.error_text(error) == ("notes.txt bir Keras model dosyası değil (.keras dosyaları zip arşividir); "
                                      "eksik ya da başka biçimde olabilir.")
    missing = tmp_path / "gone.keras"
    assert i18n.error_text(_error(check_model_file, missing)) == f"Model dosyası bulunamadı: {missing}"
    i18n.set_language("en")
    assert i18n.error_text(error).startswith("notes.txt is not a Keras model file")


def test_nested_messages_are_translated_too(monkeypatch, turkish):
    from engine import device
    from engine.data import MnistDataError
    from engine.spec import TrainingSpec
    from engine.training import Training

    monkeypatch.setattr(device, "tensorflow_installed", lambda: False)
    missing = _error(device.require_tensorflow, Words(QT_TRANSLATE_NOOP("engine", "Training")))
    assert i18n.error_text(missing).startswith("Eğitim için TensorFlow gerekir")
    monkeypatch.undo()

    def no_mnist():
        raise MnistDataError(Words(QT_TRANSLATE_NOOP("engine", "MNIST file not found: {path}"), path="x.npz"))

    end = Training(TrainingSpec.from_preset("course-mlp", epochs=1), no_mnist, live_predictor=False).run().end
    assert end.message == "Training failed: MNIST file not found: x.npz"
    assert i18n.say(end.message) == "Eğitim başarısız oldu: MNIST dosyası bulunamadı: x.npz"


def test_spec_and_sample_messages_read_turkish(turkish):
    from engine.adapt import check_samples
    from engine.spec import TrainingSpec

    error = _error(TrainingSpec.from_preset, "course-mlp", learning_rate=-1.0)
    assert i18n.error_text(error) == "öğrenme oranı pozitif bir sayı olmalı, -1.0 değil"
    error = _error(check_samples, np.zeros((3, 28, 28), np.uint8), np.array([1, 1, 1]))
    assert i18n.error_text(error).startswith("Önce en az 2 farklı rakamdan en az 10 rakam çizip etiketle "
                                             "(şu an 1 rakamdan 3 örnek var)")


def test_a_workers_error_arrives_in_the_language_on_screen(qtbot, tmp_path, turkish):
    from engine.model_files import check_model_file

    text = tmp_path / "notes.txt"
    text.write_text("not a model")
    received = []      # (a plain list: the signal may call it on the worker's thread)
    worker = Worker(check_model_file, text, name="test-loader")
    worker.errored.connect(received.append)
    worker.start()
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    worker.wait(5000)
    assert received[0].startswith("notes.txt bir Keras model dosyası değil")

    def fail(request):
        raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "Model file not found: {path}"), path=request))

    received.clear()
    latest = LatestOnlyWorker(fail, name="test-latest")
    latest.errored.connect(received.append)
    try:
        latest.submit("a.keras")
        qtbot.waitUntil(lambda: bool(received), timeout=5000)
        assert received == ["Model dosyası bulunamadı: a.keras"]
    finally:
        latest.stop()


def test_plain_errors_stay_as_they_are(turkish):
    assert i18n.error_text(OSError("disk full")) == "disk full"
    assert i18n.error_text(KeyError()) == "KeyError"

"""The training panel in Turkish, switched live: the form, the buttons, the plot's words and tick
numbers, the live numbers, a finished run's result and an adaptation's card are written again in the
new language without a new run, and back in English after switching back."""
import os
import re
import types

import pytest
from PySide6.QtWidgets import QApplication

from engine.adapt import AdaptOutcome, AdaptReport
from engine.models import PRESETS
from engine.spec import TrainingSpec
from engine.training import EpochProgress, TrainingEnd
from gui import i18n
from gui.training.form import LearningRateError
from gui.training.panel import TrainingPanel, no_tensorflow_text, progress_text

RUN_TIMEOUT = 60_000
COURSE = PRESETS["course-mlp"]


def switch(qtbot, language: str) -> None:
    assert i18n.set_language(language)
    qtbot.wait(50)   # LanguageChange is posted
    QApplication.processEvents()


@pytest.fixture
def turkish(qtbot):
    """Call ``turkish()`` to switch to Turkish; English again when the test ends, whatever happens."""
    yield lambda: switch(qtbot, "tr")
    switch(qtbot, "en")


@pytest.fixture
def panel(qtbot, tiny_mnist):
    widget = TrainingPanel(data_loader=lambda: tiny_mnist)
    qtbot.addWidget(widget)
    widget.resize(440, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    assert widget.stop_and_wait(10_000)


def save_shot(widget, name: str) -> None:
    """A screenshot for people checking the layout (only when DIGIT_STUDIO_SHOTS names a folder)."""
    folder = os.environ.get("DIGIT_STUDIO_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def test_the_form_and_buttons_switch_to_turkish_and_back(qtbot, panel, turkish):
    form, editor = panel.form, panel.form.architecture
    assert panel.train_button.text() == "Train" and panel.title.text() == "Train a network"
    assert form.lr_label.text() == "Learning rate" and form.size_combo.itemText(0).startswith("All 55,000 images")

    turkish()
    assert panel.title.text() == "Ağ eğit"
    assert (panel.train_button.text(), panel.pause_button.text(), panel.stop_button.text()) == (
        "Eğit", "Duraklat", "Durdur")
    assert panel.progress.format() == "Hazır"
    assert [c.text() for c in form.captions] == ["AĞ", "EĞİTİM"]
    assert (form.epochs_label.text(), form.batch_label.text(), form.lr_label.text(), form.optimizer_label.text(),
            form.size_label.text()) == ("Epok", "Yığın", "Öğrenme oranı", "Optimizasyon", "Eğitim kümesi")
    assert form.optimizer_combo.itemText(0) == "Adam" and form.optimizer_combo.itemText(1) == "SGD + momentum 0,9"
    assert [form.size_combo.itemText(i) for i in range(3)] == [
        "Tüm 55.000 görüntü (+5.000 doğrulama için)", "10.000 görüntü", "2.000 görüntü · hızlı deneme"]
    assert form.augment_check.text().startswith("Veri artırma") and "rakam değil" in form.people_check.toolTip()
    assert "Öğrenme oranı" in form.lr_combo.toolTip()
    assert form.lr_combo.currentText() == "0,001" and form.lr_combo.itemText(0) == "0,0001"
    assert panel.spec().learning_rate == 0.001
    # the preset names stay, the words around them are translated
    titles = [editor.combo.itemText(i) for i in range(editor.combo.count())]
    assert "course-mlp · 25 relu → 15 relu" in titles and "cnn · 4 evrişim → 128 relu" in titles
    assert titles[-1] == "Özel yoğun ağ…"
    assert editor.summary.text() == "784 → 25 relu → 15 relu → 10 · 20.175 parametre"
    editor.combo.setCurrentIndex(editor.combo.count() - 1)
    assert [row.label.text() for row in editor._rows] == ["Katman 1", "Katman 2"]
    assert editor._rows[0].units.suffix() == " nöron" and editor.add_button.text() == "+ Gizli katman ekle"
    editor.add_button.click()   # a row added in Turkish is Turkish too
    assert editor._rows[2].label.text() == "Katman 3" and editor._rows[2].remove.toolTip() == "Bu katmanı kaldır"
    assert panel.result_card.keep_button.text() == "Bu modeli sakla"
    assert panel.result_card.discard_button.text() == "Vazgeç"
    # the Turkish form fits the panel's default width: nothing forces the dock wider
    assert panel.minimumSizeHint().width() <= 440
    save_shot(panel, "training-form-tr.png")

    i18n.set_language("en")
    qtbot.wait(50)
    assert panel.title.text() == "Train a network" and panel.train_button.text() == "Train"
    assert form.lr_label.text() == "Learning rate" and form.optimizer_combo.itemText(1) == "SGD + momentum 0.9"
    assert form.size_combo.itemText(0) == "All 55,000 images (+5,000 to validate)"
    assert form.lr_combo.currentText() == "0.001"
    assert editor._rows[0].label.text() == "Layer 1" and editor._rows[0].units.suffix() == " units"
    assert "4 conv" in editor.summary.text() or "parameters" in editor.summary.text()


def test_the_plot_legend_axes_and_ticks_follow_the_language(qtbot, turkish):
    from gui.training.loss_plot import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(412, 260)
    plot.show()
    item = plot.getPlotItem()
    right, bottom = item.getAxis("right"), item.getAxis("bottom")
    assert [label.text for _, label in plot.legend.items] == ["batch loss", "smoothed", "val loss", "val acc"]
    assert right.tickStrings([0.8, 1.0], 1, 0.2) == ["80%", "100%"]
    assert bottom.tickStrings([0.5, 1.0], 1, 0.5) == ["0.5", "1.0"]

    turkish()
    assert [label.text for _, label in plot.legend.items] == ["yığın kaybı", "yumuşatılmış", "doğr. kaybı",
                                                               "doğr. doğruluğu"]
    assert plot.raw_curve.name() == "yığın kaybı"
    assert (bottom.labelText, item.getAxis("left").labelText, right.labelText) == (
        "epok", "kayıp", "doğrulama doğruluğu")
    assert right.tickStrings([0.8, 1.0], 1, 0.2) == ["%80", "%100"]
    assert bottom.tickStrings([0.5, 1.0], 1, 0.5) == ["0,5", "1,0"]
    # the legend keeps inside the plot: one row of four where it fits, else two rows
    needed = sum(s.boundingRect().width() + lab.item.boundingRect().width() + 12 for s, lab in plot.legend.items)
    assert plot.legend.columnCount == (4 if needed <= plot.width() - 8 else 2)
    plot.resize(900, 260)
    qtbot.wait(20)
    assert plot.legend.columnCount == 4

    switch(qtbot, "en")
    assert [label.text for _, label in plot.legend.items] == ["batch loss", "smoothed", "val loss", "val acc"]
    assert right.labelText == "val accuracy" and right.tickStrings([0.8], 1, 0.2) == ["80%"]


def test_progress_text_in_turkish(turkish):
    turkish()
    assert progress_text(1, 5, 213, 430, 8400.4, 42) == "Epok 2/5 · yığın 213/430 · 8.400 görüntü/sn · 0:42 kaldı"


def test_a_finished_run_is_written_again_in_turkish(qtbot, panel, turkish):
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_TIMEOUT) as blocker:
        assert panel.start(TrainingSpec(COURSE, epochs=1, batch_size=16))
    result = blocker.args[0]
    assert panel.progress.format() == "Done" and panel.device_label.text().startswith("Trained on ")
    assert "val acc" in panel.stats_label.text()

    turkish()
    assert panel.progress.format() == "Bitti"
    assert panel.device_label.text().endswith(" üzerinde eğitildi")
    assert panel.accuracy_label.text() == i18n.percent(result.test_accuracy, 2)
    assert panel.accuracy_label.text().startswith("%") and "," in panel.accuracy_label.text()
    assert panel.accuracy_caption.text() == f"test doğruluğu · görülmemiş {result.test_count} görüntü"
    stats = panel.stats_label.text()
    assert stats.startswith("kayıp ") and "doğr. doğruluğu %" in stats
    assert not re.search(r"\d\.\d", stats) and re.search(r"\d,\d", stats)   # decimal commas
    assert panel.train_button.text() == "Eğit"
    # the engine's message goes through i18n.say: in Turkish once the engine speaks Words, as it is before
    assert panel.message() == i18n.say(result.end.message)
    save_shot(panel, "training-result-tr.png")

    panel.keep_button.click()
    assert panel.message().startswith("Saklandı: course-mlp artık geçerli model")

    switch(qtbot, "en")
    assert panel.progress.format() == "Done" and panel.device_label.text().startswith("Trained on ")
    assert panel.message().startswith("Kept: course-mlp is now the current model")
    assert panel.accuracy_label.text() == f"{100 * result.test_accuracy:.2f}%"
    assert panel.stats_label.text().startswith("loss ")


def test_live_numbers_switch_language_and_never_clip(qtbot, panel, turkish):
    panel._show_stats(0.1234, 0.9712)
    assert panel.stats_label.text() == "loss 0.123  ·  train acc 97.1%"
    panel._last_epoch = EpochProgress(epoch=0, epochs=5, loss=0.12, accuracy=0.97, val_loss=0.1012,
                                      val_accuracy=0.9603, seconds=1.0, samples_per_second=100.0)
    panel._render_stats()
    assert panel.stats_label.text() == "loss 0.123  ·  train acc 97.1%  ·  val loss 0.101  ·  val acc 96.0%"

    turkish()
    label = panel.stats_label
    assert label.text() == "kayıp 0,123 · doğruluk %97,1 · doğr. kaybı 0,101 · doğr. doğruluğu %96,0"
    # one line where the numbers fit, else two: never cut off
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width() or label.wordWrap()
    panel.resize(300, 720)
    qtbot.wait(20)
    assert label.wordWrap() and label.minimumHeight() >= 2 * label.fontMetrics().height()
    panel.resize(440, 720)
    qtbot.wait(20)
    if label.fontMetrics().horizontalAdvance(label.text()) <= label.width():
        assert not label.wordWrap()   # room again: one line
    panel._show_stats(123456.789, 0.5)   # a diverging loss: two lines at once, rather than cut off
    assert label.wordWrap() or label.fontMetrics().horizontalAdvance(label.text()) <= label.width()


def test_errors_on_the_card_switch_language(qtbot, panel, turkish):
    panel.form.lr_combo.setCurrentText("0")
    assert not panel.start()
    assert panel.message() == "The learning rate '0' is not a positive number."
    turkish()
    assert panel.message() == "Öğrenme oranı '0' pozitif bir sayı değil."
    assert str(LearningRateError("x")) == "Öğrenme oranı 'x' pozitif bir sayı değil."
    panel.form.lr_combo.setCurrentText("0,003")   # a Turkish decimal comma is a decimal point
    assert panel.spec().learning_rate == 0.003


def test_the_no_tensorflow_notice_switches_language(qtbot, panel, turkish):
    panel.result_card.show_result(no_tensorflow_text, "warn", decision=False)
    assert panel.message().startswith("Training needs the full installation")
    turkish()
    assert panel.message().startswith("Eğitim için Digit Studio'nun tam kurulumu gerekir")
    switch(qtbot, "en")
    assert panel.message().startswith("Training needs the full installation")


def test_an_ended_adaptation_switches_language(qtbot, panel, turkish):
    report = AdaptReport(source="cnn (shipped)", source_path="cnn.keras", samples=40, samples_trained=30,
                         samples_held_out=10, held_out_before=None, held_out_after=0.9, mnist_before=0.991,
                         mnist_after=0.9905, mnist_count=10_000, seconds=3.0, epochs=2)
    outcome = AdaptOutcome(TrainingEnd("stopped", "Adapting stopped.", 1), TrainingSpec(COURSE), report=report)
    run = types.SimpleNamespace(data=None)   # the run the panel is showing (its end is all that arrives)
    panel._training = run
    panel._finish(run, outcome)
    assert panel.accuracy_caption.text() == "your held-out drawings · before n/a"
    assert panel.progress.format() == "Stopped"
    assert panel.message().split("\n")[1:] == report.lines()[:2]

    turkish()
    assert panel.accuracy_caption.text() == "ayrılan çizimlerin · önce yok"
    assert panel.accuracy_label.text() == "%90,00"
    assert panel.progress.format() == "Durduruldu"
    assert panel.message().split("\n") == [i18n.say(outcome.end.message), *map(i18n.say, report.lines()[:2])]

    switch(qtbot, "en")
    assert panel.accuracy_caption.text() == "your held-out drawings · before n/a"
    panel._training = None


def test_the_adaptation_description_switches_language(qtbot, panel, turkish):
    panel._adapt_words = lambda: panel._adapting_text("cnn (shipped)", 30, 10, 4)
    panel._show_form(False)
    assert panel.title.text() == "Adapting to your handwriting"
    assert panel.adapt_label.text().startswith("Fine-tuning a copy of cnn (shipped) on 30 of your drawings (10 newest")
    assert panel.adapt_label.text().endswith(" 4 epochs.")
    turkish()
    assert panel.title.text() == "El yazına uyarlanıyor"
    assert panel.adapt_label.text().startswith("cnn (shipped) modelinin bir kopyası 30 çiziminle ince ayarlanıyor")
    assert panel.adapt_label.text().endswith(" 4 epok.")
    switch(qtbot, "en")
    assert panel.title.text() == "Adapting to your handwriting"
    panel._show_form(True)


def test_english_screenshots(qtbot, panel):
    """English at the default width, for comparing the layouts (saved only with DIGIT_STUDIO_SHOTS)."""
    editor = panel.form.architecture
    editor.combo.setCurrentIndex(editor.combo.count() - 1)
    qtbot.wait(20)
    assert panel.minimumSizeHint().width() <= 440
    assert panel.plot.legend.columnCount == 4   # English names fit one row at the default width
    save_shot(panel, "training-form-en.png")

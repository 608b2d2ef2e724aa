"""My handwriting in Turkish: the gallery's words, counts, captions and tool tips re-worded live,
its dialogs, and the collector's hint, counts and failure in the language on screen."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from gui import i18n
from gui.handwriting.collector import HandwritingCollector, plural
from gui.handwriting.gallery import HandwritingView


@pytest.fixture
def turkish(qtbot):
    def switch(on: bool) -> None:
        assert i18n.set_language(i18n.TURKISH if on else i18n.ENGLISH)
        qtbot.wait(50)

    yield switch
    i18n.set_language(i18n.ENGLISH)
    QApplication.processEvents()


@pytest.fixture
def collector(tmp_path):
    made = HandwritingCollector(tmp_path / "samples.db")
    yield made
    made.close()


def keep(collector, label: int, predicted: int | None, source: str = "window", model: str | None = "cnn (shipped)"):
    collector.store.add(label, np.zeros((28, 28), np.uint8), model=model, predicted=predicted, source=source)
    collector.changed.emit()


@pytest.fixture
def view(qtbot, collector):
    widget = HandwritingView(collector)
    qtbot.addWidget(widget)
    widget.resize(440, 600)
    widget.set_reader(lambda x: np.eye(10)[[5] * len(x)], "cnn (shipped)")   # reads every drawing as a 5
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def words(view) -> dict[str, str]:
    return {"title": view.title.text(), "all": view.filter.itemText(0), "only3": view.filter.itemText(4),
            "empty": view.empty_label.text(), "relabel": view.relabel_button.text(),
            "it is 8": view.relabel_menu.actions()[8].text(), "it is 3": view.relabel_menu.actions()[3].text(),
            "delete": view.delete_button.text(), "import": view.import_button.text(),
            "import tip": view.import_button.toolTip(), "export": view.export_button.text(),
            "export tip": view.export_button.toolTip(), "adapt": view.adapt_button.text(),
            "adapt tip": view.adapt_button.toolTip(), "counts": view.counts_label.text()}


def test_the_gallery_speaks_turkish_and_back(view, turkish):
    english = words(view)
    assert english["title"] == "My handwriting" and english["it is 8"] == "It is an 8"
    turkish(True)
    tr = words(view)
    assert tr["title"] == "El yazım" and tr["all"] == "Tüm rakamlar" and tr["only3"] == "Yalnızca 3"
    assert tr["relabel"] == "Yeniden etiketle" and tr["it is 8"] == "Bu bir 8" and tr["it is 3"] == "Bu bir 3"
    assert (tr["delete"], tr["import"], tr["export"]) == ("Sil", "İçe aktar…", "Dışa aktar…")
    assert tr["adapt"] == "Modeli el yazıma uyarla…"
    assert tr["empty"].startswith("Henüz saklanan çizim yok.")
    assert all(tr[key] != english[key] for key in english if key != "counts")
    turkish(False)
    assert words(view) == english


def test_counts_captions_and_tool_tips_are_reworded_live(view, collector, turkish):
    keep(collector, 5, 5)
    keep(collector, 6, None, source="kiosk")
    keep(collector, 5, 3, source="import", model=None)
    assert view.list.count() == 3
    english = [(view.list.item(i).text(), view.list.item(i).toolTip()) for i in range(3)]
    assert view.counts_label.text().startswith("3 drawings · 0: 0")
    assert sorted(text for text, _ in english) == ["5 ✓", "5 ✓", "6 · read 5"]
    tips = "\n".join(tip for _, tip in english)
    assert "in the window" in tips and "at the kiosk" in tips and "imported" in tips
    assert "said it was not a digit then" in tips and "The model said 3 then" in tips

    turkish(True)                                      # nothing new kept: the words follow
    assert view.counts_label.text().startswith("3 çizim · 0: 0")
    turkish_items = [(view.list.item(i).text(), view.list.item(i).toolTip()) for i in range(3)]
    assert sorted(text for text, _ in turkish_items) == ["5 ✓", "5 ✓", "6 · okunan 5"]
    tips = "\n".join(tip for _, tip in turkish_items)
    assert "pencerede saklandı" in tips and "kioskta saklandı" in tips and "içe aktarıldı" in tips
    assert "bunun rakam olmadığını söyledi" in tips and "Model o zaman 3 dedi" in tips and "şimdi 5 olarak okuyor" in tips
    for word in ("Labelled", "said", "reads", "kept"):
        assert word not in tips

    turkish(False)
    assert [(view.list.item(i).text(), view.list.item(i).toolTip()) for i in range(3)] == english


def test_a_store_that_cannot_be_read_is_said_in_turkish(qtbot, tmp_path, turkish):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 100)
    collector = HandwritingCollector(broken)
    view = HandwritingView(collector)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    english = view.counts_label.text()
    assert english.startswith("Your drawings cannot be read: ")
    turkish(True)
    assert view.counts_label.text().startswith("Çizimlerin okunamıyor: ")
    assert view.counts_label.text()[len("Çizimlerin okunamıyor: "):] != english[len("Your drawings cannot be read: "):]
    failed = []
    collector.failed.connect(failed.append)

    class Shown:
        reason = None
        image = np.zeros((28, 28), np.float32)
        digit = 3

    assert collector.keep(3, Shown(), [], None) is None
    turkish(False)
    assert collector.keep(3, Shown(), [], None) is None
    assert failed[0].startswith("Çizim saklanamadı: ") and failed[1].startswith("Could not keep the drawing: ")
    assert failed[0].split(": ", 1)[1] != failed[1].split(": ", 1)[1]     # the engine's reason, translated too
    collector.close()


def test_import_and_export_dialogs_speak_turkish(view, collector, turkish, monkeypatch, tmp_path):
    asked, told = [], []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda parent, title: asked.append(title) or str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append((title, text)))
    keep(collector, 2, 2)
    turkish(True)
    view._on_export()
    assert asked[-1] == "Çizimlerini bir klasöre dışa aktar"
    assert told[-1] == ("Dışa aktarıldı",
                        f"1 çizim, labels.csv ile birlikte PNG olarak {tmp_path} klasörüne yazıldı.")
    view._on_import()
    assert asked[-1] == "Çizimleri içe aktar (labels.csv içeren bir klasör)"
    assert told[-1][0] in ("İçe aktarıldı", "İçe aktarılamadı")
    turkish(False)
    view._on_export()
    assert asked[-1] == "Export your drawings to a folder" and told[-1][0] == "Exported"


def test_the_hint_and_the_counts_in_words(collector, turkish):
    assert collector.hint() == "Click the digit you meant to keep this drawing"
    assert plural(1, 7) == "1 seven" and plural(4, 7) == "4 sevens" and plural(2, 6) == "2 sixes"
    keep(collector, 7, 7)
    turkish(True)
    assert collector.hint() == "Saklamak için doğru rakama tıkla  ·  1 saklı"
    assert plural(4, 7) == "4 tane 7" and plural(1200, 6) == "1.200 tane 6"
    turkish(False)
    assert collector.hint() == "Click the digit you meant to keep it  ·  1 kept"


def test_a_hint_handed_over_as_a_callable_follows_the_language(qtbot, collector, turkish):
    from gui.drawing.prediction_panel import PredictionPanel
    from tests.gui.drawing.test_prediction_panel import make_prediction

    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.show_prediction(make_prediction({7: 0.9}))
    panel.set_hint(collector.hint)
    assert panel.status_label.text() == "Click the digit you meant to keep this drawing"
    turkish(True)
    assert panel.status_label.text() == "Saklamak için doğru rakama tıkla"


"""The drawing side in Turkish: the answer's words and percentages, the panel re-worded live from
what is on show (no new stroke), the canvas's hint, and a loader's error in the language on screen."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from engine.calibration import NOT_A_DIGIT
from gui import i18n
from gui.drawing import answer_text
from gui.drawing.answer_text import describe, percent_text
from gui.drawing.canvas import DrawingCanvas
from gui.drawing.prediction_panel import PredictionPanel
from tests.gui.drawing.test_prediction_panel import make_prediction


@pytest.fixture
def turkish(qtbot):
    """``turkish(True)`` / ``turkish(False)``: switch and let every widget have its LanguageChange."""
    def switch(on: bool) -> None:
        assert i18n.set_language(i18n.TURKISH if on else i18n.ENGLISH)
        qtbot.wait(50)

    yield switch
    i18n.set_language(i18n.ENGLISH)
    QApplication.processEvents()


@pytest.fixture
def panel(shown_as_child) -> PredictionPanel:
    return shown_as_child(PredictionPanel, 420, 460)


def test_the_english_constants_are_what_the_functions_say_in_english():
    assert answer_text.empty_caption() == answer_text.EMPTY_CAPTION == "Draw a digit"
    assert answer_text.not_a_digit_caption() == answer_text.NOT_A_DIGIT_CAPTION
    assert answer_text.kiosk_not_a_digit() == answer_text.KIOSK_NOT_A_DIGIT


def test_answers_and_percentages_in_turkish(turkish):
    turkish(True)
    assert [percent_text(p) for p in (0.973, 0.004, 0.0, 0.01, 0.9996, 1.0)] == \
        ["%97", "<%1", "<%1", "%1", "%99", "%100"]
    assert describe(make_prediction({7: 0.98})) == ("7", "%98 emin")
    assert describe(make_prediction({4: 0.45, 9: 0.40})) == ("4", "belki 4 ya da 9")
    assert describe(make_prediction({4: 0.3}, reason=NOT_A_DIGIT)) == ("?", "Bu bir rakama benzemiyor")
    assert describe(None) == ("–", "Bir rakam çiz")
    assert answer_text.kiosk_not_a_digit() == "Hmm, bu bir rakama benzemiyor. 0\u00a0ile\u00a09 arasında bir rakam dene!"
    assert answer_text.EMPTY_CAPTION == "Draw a digit"          # the constant stays the English source
    turkish(False)
    assert describe(make_prediction({7: 0.98})) == ("7", "98% sure") and percent_text(0.004) == "<1%"


def test_the_answer_on_show_is_reworded_live(panel, turkish):
    prediction = make_prediction({7: 0.97, 1: 0.02})
    panel.set_teaching(True)
    panel.show_prediction(prediction)
    panel.set_hint(lambda: QApplication.translate("HandwritingCollector",
                                                  "Click the digit you meant to keep this drawing"))
    english = (panel.caption_label.text(), panel.bars.bar_labels(), panel.bars.toolTip(),
               panel.status_label.text(), panel.preview.caption())
    assert english[0] == "97% sure" and english[1][7] == "97%" and english[1][0] == "<1%"
    assert english[4] in (["What the network sees · 28×28"], ["What the network sees", "28×28"])

    turkish(True)                                             # no new prediction: the words follow
    assert panel.caption_label.text() == "%97 emin"
    labels = panel.bars.bar_labels()
    assert labels[7] == "%97" and labels[0] == "<%1" and all(not t.endswith("%") for t in labels)
    assert panel.bars.toolTip() == "Bu çizimi saklamak için doğru rakama tıkla (Ctrl+0 … Ctrl+9)"
    assert panel.status_label.text() == "Saklamak için doğru rakama tıkla"
    assert panel.preview.caption() in (["Ağın gördüğü · 28×28"], ["Ağın gördüğü", "28×28"])
    assert panel.digit_label.text() == "7"

    panel.show_prediction(make_prediction({4: 0.45, 9: 0.40}))
    assert panel.caption_label.text() == "belki 4 ya da 9"
    panel.show_prediction(None)
    assert panel.caption_label.text() == "Bir rakam çiz"
    panel.show_prediction(prediction)

    turkish(False)
    assert (panel.caption_label.text(), panel.bars.bar_labels(), panel.bars.toolTip(),
            panel.status_label.text(), panel.preview.caption()) == english


def test_not_a_digit_and_the_empty_state_follow_the_language(panel, turkish):
    panel.show_prediction(make_prediction({4: 0.3}, reason=NOT_A_DIGIT))
    turkish(True)
    assert (panel.digit_label.text(), panel.caption_label.text()) == ("?", "Bu bir rakama benzemiyor")
    panel.show_prediction(None)
    turkish(False)
    turkish(True)
    assert panel.caption_label.text() == "Bir rakam çiz"
    assert panel.bars.bar_labels() == [""] * 10


def test_tiny_labels_are_measured_in_the_language_on_show(shown_as_child, turkish):
    """Too narrow for "<%1" over every bar: only real values speak, in Turkish as in English."""
    narrow = shown_as_child(PredictionPanel, 150, 460)
    narrow.show_prediction(make_prediction({7: 0.97, 1: 0.02}))
    turkish(True)
    assert narrow.bars.bar_labels()[7] == "%97" and narrow.bars.bar_labels()[0] == ""
    wide = shown_as_child(PredictionPanel, 600, 460)
    wide.show_prediction(make_prediction({7: 0.97, 1: 0.02}))
    assert wide.bars.bar_labels()[0] == "<%1"


def test_the_empty_canvas_says_draw_a_digit_here_in_the_language_on_show(qtbot, turkish):
    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(280, 280)
    canvas.show()
    qtbot.waitExposed(canvas)
    assert canvas.hint_text() == "Draw a digit here"
    english = canvas.grab().toImage()
    turkish(True)
    assert canvas.hint_text() == "Buraya bir rakam çiz"
    assert canvas.grab().toImage() != english                   # painted again with the new words
    turkish(False)
    assert canvas.hint_text() == "Draw a digit here"


def test_a_model_that_cannot_be_opened_is_said_in_the_language_on_show(qtbot, turkish, tmp_path):
    from gui.drawing.recognition import Recognizer

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    recognizer = Recognizer(canvas, backend="numpy")
    missing = str(tmp_path / "gone.keras")
    messages = []
    for on in (False, True):
        turkish(on)
        with qtbot.waitSignal(recognizer.modelFailed, timeout=20_000) as blocker:
            recognizer.open_model(missing)
        ref, message = blocker.args
        assert ref == missing and missing in message
        messages.append(message)
    recognizer.stop()
    english, turkish_message = messages
    assert re.search(r"not found", english) and "bulunamadı" in turkish_message


def test_the_reason_for_falling_back_to_the_default_model_is_in_the_language_on_show(qtbot, turkish, tmp_path):
    from gui.drawing.recognition import Recognizer

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    recognizer = Recognizer(canvas, backend="numpy")
    turkish(True)
    with qtbot.waitSignal(recognizer.fellBack, timeout=60_000) as blocker:
        recognizer.start_engine(str(tmp_path / "gone.keras"))
    qtbot.waitUntil(lambda: recognizer.model is not None, timeout=60_000)
    recognizer.stop()
    [reason] = blocker.args
    assert "bulunamadı" in reason and "instead" not in reason and "not found" not in reason, reason

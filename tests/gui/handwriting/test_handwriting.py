"""Teaching the window your handwriting: a click on the right digit's bar (or Ctrl+digit) keeps the
drawing; My handwriting shows, relabels and deletes what was kept."""
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from engine.drawn_digits import DIGIT_TEMPLATES
from tests.gui.strokes import draw_strokes

ENGINE_TIMEOUT = 120_000


@pytest.fixture
def window(make_window):
    return make_window(1180, 780)


def draw(qtbot, win, digit: int):
    win.canvas.clear()
    draw_strokes(win.canvas, DIGIT_TEMPLATES[digit][0])
    qtbot.waitUntil(lambda: win.panel.prediction() is not None and win.panel.prediction().digit == digit,
                    timeout=10_000)


def bar_point(bars, digit: int) -> QPoint:
    """The widget point in the middle of ``digit``'s bar column."""
    for x in range(bars.width()):
        if bars.digit_at(x) == digit:
            start = x
            while bars.digit_at(x) == digit:
                x += 1
            return QPoint((start + x) // 2, bars.height() // 2)
    raise AssertionError(f"no column for {digit}")


def test_a_click_on_a_bar_keeps_the_drawing_with_that_label(qtbot, window, private_user_dir):
    from engine.samples import SampleStore

    draw(qtbot, window, 7)
    assert window.panel.bars.clickable
    QTest.mouseClick(window.panel.bars.viewport(), Qt.LeftButton, pos=bar_point(window.panel.bars, 1))
    assert "Kept as a 1" in window.panel.status_label.text()
    assert "1 one kept" in window.panel.status_label.text()
    with SampleStore() as store:
        [sample] = store.samples()
    assert (sample.label, sample.predicted, sample.source, sample.model) == (1, 7, "window", "cnn (shipped)")
    assert len(sample.strokes) == len(DIGIT_TEMPLATES[7][0])
    assert abs(sample.image.astype(float) / 255 - window.panel.prediction().image).max() <= 1 / 255 + 1e-6
    draw(qtbot, window, 3)                                 # new ink: the hint goes back to plain
    assert "Kept" not in window.panel.status_label.text() and "1 kept" in window.panel.status_label.text()


def test_ctrl_digit_confirms_or_corrects(qtbot, window):
    draw(qtbot, window, 4)
    QTest.keyClick(window, Qt.Key_4, Qt.ControlModifier)   # confirming a right answer keeps it too
    draw(qtbot, window, 9)
    QTest.keyClick(window, Qt.Key_4, Qt.ControlModifier)
    assert window.handwriting.counts()[4] == 2 and sum(window.handwriting.counts().values()) == 2


def test_nothing_is_kept_from_an_empty_canvas(qtbot, window, private_user_dir):
    QTest.keyClick(window, Qt.Key_5, Qt.ControlModifier)
    assert "Draw a digit first" in window.statusBar().currentMessage()
    assert not (private_user_dir / "samples.db").exists()


def test_my_handwriting_shows_relabels_and_deletes(qtbot, window):
    for digit in (2, 5, 5):
        draw(qtbot, window, digit)
        window.keep_drawing(digit)
    window.handwriting_dock.show()
    view = window.handwriting_view
    qtbot.waitUntil(lambda: view.list.count() == 3)
    assert "3 drawings" in view.counts_label.text() and "5: 2" in view.counts_label.text()
    captions = sorted(view.list.item(i).text() for i in range(3))
    assert captions == ["2 ✓", "5 ✓", "5 ✓"]              # the current model reads each as labelled
    assert not view.list.item(0).icon().isNull()
    view.list.item(0).setSelected(True)                    # the newest: a 5
    view.relabel_selected(6)
    assert window.handwriting.counts()[6] == 1 and view.list.item(0).text() == "6 · read 5"
    view.list.item(0).setSelected(True)
    view.delete_selected()
    assert view.list.count() == 2 and window.handwriting.counts()[6] == 0
    view.filter.setCurrentIndex(view.filter.findData(5))
    assert view.list.count() == 1


def test_a_kept_drawing_opens_on_the_canvas(qtbot, window):
    draw(qtbot, window, 8)
    window.keep_drawing(8)
    window.canvas.clear()
    window.handwriting_dock.show()
    view = window.handwriting_view
    qtbot.waitUntil(lambda: view.list.count() == 1)
    view._on_double_clicked(view.list.item(0))
    qtbot.waitUntil(lambda: window.panel.prediction() is not None and window.panel.prediction().digit == 8,
                    timeout=10_000)


def test_an_unwritable_store_says_so_and_keeps_the_drawing(qtbot, window, private_user_dir):
    (private_user_dir / "samples.db").write_bytes(b"not a database" * 100)
    draw(qtbot, window, 7)
    window.keep_drawing(7)
    assert "Could not keep the drawing" in window.statusBar().currentMessage()
    assert not window.canvas.is_empty()


def test_adapting_in_the_window_shows_before_and_after_and_keep_saves_it(make_window, qtbot, tiny_mnist,
                                                                        private_user_dir):
    win = make_window(1180, 780, data_loader=lambda: tiny_mnist)
    win.adapt_to_handwriting()                              # nothing kept yet: the card says why
    assert "at least 10" in win.training.result_card.message_label.text() and not win.training.is_training()
    for digit in (1, 7, 4, 1, 7, 4, 1, 7, 4, 2, 2, 1):
        draw(qtbot, win, digit)
        win.keep_drawing(digit)
    with qtbot.waitSignal(win.training.runFinished, timeout=180_000) as finished:
        win.adapt_to_handwriting()
        assert win.training_dock.isVisible() and win.training.is_training()
    outcome = finished.args[0]
    assert outcome.end.reason == "completed" and outcome.report.samples == 12
    card = win.training.result_card
    assert "held-out" in card.message_label.text() and "MNIST test" in card.message_label.text()
    assert card.accuracy_caption.text().startswith("your held-out drawings · before")
    assert card.keep_button.isVisible()
    win.training.keep()
    qtbot.waitUntil(lambda: "adapted" in win.recognizer.model.label, timeout=30_000)
    saved = private_user_dir / "models" / "cnn-adapted.keras"
    assert saved.exists() and win.recognizer.model.device == "CPU (NumPy)"
    from engine.model_files import read_adaptation
    assert read_adaptation(saved).samples == 12
    win.close()


def test_the_panel_describes_the_adaptation_instead_of_the_training_form(make_window, qtbot, tiny_mnist):
    win = make_window(1180, 780, data_loader=lambda: tiny_mnist)
    for digit in (1, 7, 1, 7, 1, 7, 2, 2, 2, 1):
        draw(qtbot, win, digit)
        win.keep_drawing(digit)
    panel = win.training
    with qtbot.waitSignal(panel.runFinished, timeout=180_000):
        win.adapt_to_handwriting()
        assert not panel.form.isVisible() and panel.adapt_label.isVisible()
        assert "your drawings" in panel.adapt_label.text() and panel.title.text() == "Adapting to your handwriting"
    panel.discard()
    assert panel.form.isVisible() and not panel.adapt_label.isVisible() and panel.title.text() == "Train a network"

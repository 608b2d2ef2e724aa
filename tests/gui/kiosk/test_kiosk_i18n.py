"""The kiosk in Turkish and English: the TR | EN switch re-words everything live (the answer on
show too), the idle reset returns to the booth's own language, the headline follows the booth
config, and the Turkish words fit the booth's screens."""
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest

from engine.booth import DEFAULT_HEADLINE
from gui import i18n
from gui.drawing.answer_text import describe
from gui.kiosk.widgets import CORNER_PX
from gui.kiosk.window import KioskWindow
from tests.gui.kiosk.test_kiosk import draw_and_wait, ready

TR_HEADLINE = "Bir rakam çiz. Bir sinir ağının onu okuyuşunu izle."
TR_ATTRACT = "Ağın el yazısını nasıl okuduğunu izle, sonra sen de dene!"


@pytest.fixture
def kiosk(make_kiosk):
    """``kiosk(language=None, show=True, **booth settings)``."""
    return make_kiosk


def tap_language(qtbot, win: KioskWindow, code: str) -> None:
    QTest.mouseClick(win.view.languages.buttons[code], Qt.LeftButton)
    qtbot.waitUntil(lambda: i18n.current() == code and win.view.languages.active() == code, timeout=2000)
    qtbot.wait(50)   # the LanguageChange events are posted


def test_the_language_switch_rewords_the_kiosk_live(qtbot, kiosk, cnn):
    win = kiosk(idle_clear_seconds=60)
    toggle = win.view.languages
    assert win.home_language == "en" and toggle.active() == "en"
    assert [b.text() for b in toggle.buttons.values()] == ["TR", "EN"]   # each by its own code, TR | EN
    assert win.view.headline_label.text() == DEFAULT_HEADLINE
    ready(qtbot, win, cnn)
    with qtbot.waitSignal(win.feedbackAsked, timeout=10_000):
        draw_and_wait(qtbot, win, 7)
    shown = win._shown
    english_caption = win.view.caption_label.text()
    assert english_caption == describe(shown)[1] and english_caption.endswith("% sure")
    win.view.crowd.settle()
    assert win.view.crowd.column_titles()[0] == "What it sees"

    tap_language(qtbot, win, "tr")
    view = win.view
    assert view.headline_label.text() == TR_HEADLINE
    assert view.caption_label.text() == describe(shown)[1] != english_caption   # the answer on show, re-worded
    assert view.caption_label.text().startswith("%")                           # "%99 …": the percent sign first
    assert view.digit_label.text() == "7"                                      # no new input needed
    assert view.clear_button.text() == "Temizle"
    assert view.question_label.text() == "Doğru bildim mi?"
    assert (view.yes_button.text(), view.no_button.text()) == ("✓  Evet", "✗  Hayır")
    assert view.which_label.text() == "Hangi rakamdı?"
    assert view.crowd.column_titles() == ["Gördüğü", "32 desen algılayıcı", "64 daha derin desen", "128 nöron",
                                          "Cevap"]
    assert view.stage.banner.text() == "Kendi rakamını çizmek için ekrana dokun"
    assert view.pin_pad.title.text() == "Personel PIN'i"
    assert (view.pin_pad.buttons["Cancel"].text(), view.pin_pad.buttons["OK"].text()) == ("İptal", "Tamam")
    assert toggle.buttons["tr"].isChecked() and not toggle.buttons["en"].isChecked()
    assert win.feedback_visible()                                              # the question is still up
    QTest.mouseClick(view.yes_button, Qt.LeftButton)
    assert view.thanks_label.text() == "Teşekkürler — sayıldı!"
    win.clear_canvas()
    assert view.summary_label.text() == "Bugün 1 çizim · %100 doğru"

    tap_language(qtbot, win, "en")
    assert view.headline_label.text() == DEFAULT_HEADLINE
    assert view.clear_button.text() == "Clear" and view.thanks_label.text() == "Thanks — counted!"
    assert view.summary_label.text() == "1 drawing today · 100% right"
    assert view.caption_label.text() == "Draw a digit"
    assert view.pin_pad.buttons["OK"].text() == "OK"
    assert toggle.buttons["en"].isChecked() and not toggle.buttons["tr"].isChecked()


def test_the_attract_loop_and_warming_up_speak_the_language(qtbot, kiosk):
    win = kiosk(idle_clear_seconds=60)
    assert win.view.caption_label.text() == "Warming up the network…"
    tap_language(qtbot, win, "tr")
    assert win.view.caption_label.text() == "Ağ ısınıyor…"
    win._set_warming(False)
    win.start_attract()
    assert win.view.headline_label.text() == TR_ATTRACT
    assert win.view.caption_label.text() == "Nasıl okuduğumu izle…"
    i18n.set_language("en")
    qtbot.wait(50)
    assert win.view.headline_label.text() == "Watch the network read handwriting, then try it yourself!"
    assert win.view.caption_label.text() == "Watch me read…"
    win.stop_attract()
    assert win.view.headline_label.text() == DEFAULT_HEADLINE


@pytest.mark.parametrize("home", ["tr", "en"])
def test_the_idle_reset_returns_to_the_booths_language(qtbot, kiosk, home):
    other = "en" if home == "tr" else "tr"
    win = kiosk(language=home, idle_clear_seconds=0.3, attract_after_seconds=60)
    qtbot.wait(50)
    assert i18n.current() == home and win.home_language == home and win.view.languages.active() == home
    assert win.view.headline_label.text() == (TR_HEADLINE if home == "tr" else DEFAULT_HEADLINE)
    tap_language(qtbot, win, other)                       # a visitor switches ...
    assert win.view.clear_button.text() == ("Temizle" if other == "tr" else "Clear")
    with qtbot.waitSignal(win.idleCleared, timeout=3000):  # ... and walks away
        pass
    qtbot.wait(50)
    assert i18n.current() == home and win.view.languages.active() == home
    assert win.view.clear_button.text() == ("Temizle" if home == "tr" else "Clear")
    assert win.view.headline_label.text() == (TR_HEADLINE if home == "tr" else DEFAULT_HEADLINE)


def test_without_a_language_the_kiosk_keeps_the_one_on_screen(qtbot, kiosk):
    i18n.set_language("tr")
    qtbot.wait(50)
    win = kiosk(show=False)
    assert win.home_language == "tr" and win.view.languages.active() == "tr"
    assert win.view.clear_button.text() == "Temizle"


@pytest.mark.parametrize("headline, english, turkish", [
    (DEFAULT_HEADLINE, DEFAULT_HEADLINE, TR_HEADLINE),                               # the default: translated
    ("Welcome to the science fair!", "Welcome to the science fair!", "Welcome to the science fair!"),  # as written
    ((("en", "Draw!"), ("tr", "Çiz!")), "Draw!", "Çiz!"),                             # a line per language
    ((("en", "Draw!"),), "Draw!", "Draw!"),                                          # no Turkish line: English
    ((("tr", "Çiz!"),), DEFAULT_HEADLINE, "Çiz!"),                                   # no English line: the default
])
def test_the_headline_follows_the_booth_config(qtbot, kiosk, headline, english, turkish):
    win = kiosk(show=False, headline=headline)
    assert win.view.headline_label.text() == english
    i18n.set_language("tr")
    qtbot.wait(50)
    assert win.view.headline_label.text() == turkish


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_turkish_fits_booth_screens(qtbot, kiosk, size):
    i18n.set_language("tr")
    win = kiosk(show=False, collect_samples=True, exit_pin="2468")
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    view = win.view

    def rect(widget) -> QRect:
        return QRect(widget.mapTo(win, QPoint(0, 0)), widget.size())

    def fits(label) -> bool:
        metrics = QFontMetricsF(label.font())
        if label.wordWrap():
            return label.heightForWidth(label.width()) <= label.height() + 1
        return metrics.horizontalAdvance(label.text()) <= label.contentsRect().width() + 1

    def button_fits(button) -> bool:
        return QFontMetricsF(button.font()).horizontalAdvance(button.text()) <= button.width() - 8

    w, h = size
    # the switch: in the top-left corner, touch-sized, clear of the headline and of the PIN corner
    toggle = rect(view.languages)
    assert toggle.left() < 0.05 * w and toggle.top() < 0.05 * h
    assert not toggle.intersects(QRect(w - CORNER_PX, 0, CORNER_PX, CORNER_PX))
    for part in (view.headline_label, view.brand_label, view.summary_label):
        assert not toggle.intersects(rect(part)), part
    assert all(b.height() >= 56 and b.width() >= 76 for b in view.languages.buttons.values())
    for state in ("warming", "attract"):
        if state == "attract":
            win._set_warming(False)
            win.start_attract()
            qtbot.wait(50)
        assert fits(view.headline_label), (state, view.headline_label.text())
        assert fits(view.caption_label), (state, view.caption_label.text())
        assert rect(view.headline_label).right() < rect(view.summary_label).left()
    win.stop_attract()
    win.stats.drawings, win.stats.right, win.stats.wrong = 12_345, 93, 7   # a long day
    win._update_summary()
    qtbot.wait(50)
    assert fits(view.summary_label) and fits(view.headline_label)
    assert win.rect().contains(rect(view.summary_label))
    for page in (1, 2, 3):
        view.feedback.setCurrentIndex(page)
        view.set_thanks(learning=True)
        qtbot.wait(20)
        for label in (view.question_label, view.thanks_label, view.which_label):
            if label.isVisible():
                assert fits(label), label.text()
    for button in (view.clear_button, view.yes_button, view.no_button, *view.languages.buttons.values()):
        assert button_fits(button), button.text()
    parts = [view.stage, view.clear_button, view.digit_label, view.feedback, view.bars, view.crowd]
    for i, a in enumerate(parts):
        assert win.rect().contains(rect(a)), a
        for b in parts[i + 1:]:
            assert not rect(a).intersects(rect(b)), (a, b)
    assert view.canvas.width() >= 0.6 * h and view.clear_button.height() >= 120
    view.pin_pad.open_pad()
    qtbot.wait(20)
    for key in ("Cancel", "OK"):
        assert button_fits(view.pin_pad.buttons[key])
    assert fits(view.pin_pad.title)


def test_a_long_headline_shrinks_then_wraps_and_the_screen_still_fits(qtbot, kiosk):
    long = ("Bilim şenliğimize hoş geldiniz! Ekrana bir rakam çizin ve yapay sinir ağının onu nasıl okuduğunu, "
            "katman katman, canlı olarak izleyin.")
    win = kiosk(show=False, headline=(("en", "Welcome!"), ("tr", long)))
    i18n.set_language("tr")
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    view = win.view
    label = view.headline_label
    assert label.text() == long and label.wordWrap()
    assert label.heightForWidth(label.width()) <= label.height() + 1
    header_bottom = label.mapTo(win, QPoint(0, label.height())).y()
    assert header_bottom <= view.stage.mapTo(win, QPoint(0, 0)).y()
    assert view.canvas.width() >= 0.6 * 800 and view.clear_button.geometry().bottom() <= 800
    i18n.set_language("en")
    qtbot.wait(50)
    assert label.text() == "Welcome!" and not label.wordWrap()
    assert label.font().pixelSize() == round(34 * 1280 / 1920)   # back to the design size

"""English and Turkish: the catalogue is complete and current, every string is extractable, and the
window switches language live (menus, answer, status), remembers it, and leaves nothing English."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDockWidget, QGroupBox, QLabel,
                               QLineEdit, QMenu, QWidget)

from engine.drawn_digits import DIGIT_TEMPLATES
from gui import i18n
from tests.gui.strokes import draw_strokes

ROOT = Path(__file__).resolve().parents[2]
TR_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP"}


def switch(qtbot, language: str) -> None:
    assert i18n.set_language(language)
    qtbot.wait(30)      # LanguageChange is posted: let every widget have it


# ----- the catalogue ---------------------------------------------------------------------------
def test_every_string_has_a_finished_turkish_translation_and_the_qm_is_current():
    """lupdate over gui/ and engine/ finds nothing unfinished, missing or vanished, and the shipped
    .qm is byte for byte what lrelease makes of the committed .ts."""
    result = subprocess.run([sys.executable, "scripts/translations.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "translations complete and current" in result.stdout


def _calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in TR_CALLS:
                yield node
        if isinstance(node, ast.JoinedStr):      # lupdate cannot see a tr() inside an f-string
            for inner in ast.walk(node):
                if (isinstance(inner, ast.Call) and getattr(inner.func, "attr", getattr(inner.func, "id", None)) in TR_CALLS
                        and not (getattr(inner.func, "attr", None) == "translate" and len(inner.args) < 2)):
                    yield ("f-string", inner)       # (a one-argument translate() is str.translate(table))


def test_every_translated_text_is_a_literal_lupdate_can_extract():
    """A tr() of a variable is invisible to lupdate. The one exception: a module that marks its
    texts where they are defined (QT_TRANSLATE_NOOP) may translate them by name where they are used."""
    bad = []
    for package in ("gui", "engine"):
        for path in sorted((ROOT / package).rglob("*.py")):
            marks_its_texts = "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8")
            for call in _calls(path):
                where = f"{path.relative_to(ROOT)}:{getattr(call, 'lineno', None) or call[1].lineno}"
                if isinstance(call, tuple):
                    bad.append(f"{where}: tr() inside an f-string")
                    continue
                name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
                texts = call.args[:2] if name in ("translate", "QT_TRANSLATE_NOOP") else call.args[:1]
                if name == "translate" and len(call.args) < 2:
                    continue          # some other object's translate(), e.g. str.translate(table)
                if name == "translate" and marks_its_texts and isinstance(texts[0], ast.Constant):
                    continue
                if not texts or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
                    bad.append(f"{where}: {name}() of something that is not a string literal")
    assert bad == []


def test_the_catalogue_loads_and_turkish_numbers_read_turkish(qtbot):
    assert i18n.qm_path("tr").exists()
    assert i18n.percent(0.97) == "97%" and i18n.number(0.25) == "0.25" and i18n.integer(60000) == "60,000"
    switch(qtbot, "tr")
    assert i18n.percent(0.97) == "%97"
    assert i18n.percent(0.975, 1) == "%97,5"
    assert i18n.number(-0.25) == "−0,25"
    assert i18n.integer(60000) == "60.000"
    assert QLocale().language() == QLocale.Language.Turkish       # spin boxes write a decimal comma too
    assert QApplication.translate("MainWindow", "&File") == "&Dosya"
    assert i18n.model_label("cnn (shipped)") != "cnn (shipped)" and i18n.model_label("mine.keras") == "mine.keras"
    switch(qtbot, "en")
    assert QApplication.translate("MainWindow", "&File") == "&File"


def test_an_unknown_language_is_refused_and_the_current_one_stays(qtbot):
    assert not i18n.set_language("xx")
    assert i18n.current() == "en"


def test_the_start_language_comes_from_the_command_line_then_the_memory_then_the_system(monkeypatch):
    assert i18n.chosen_language("tr", "en") == "tr"
    assert i18n.chosen_language(None, "tr") == "tr"
    assert i18n.chosen_language(None, "klingon") == i18n.system_language()
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("tr_TR")))
    assert i18n.system_language() == "tr"
    assert i18n.chosen_language(None, None) == "tr"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.chosen_language(None, None) == "en"


# ----- the window --------------------------------------------------------------------------------
@pytest.fixture
def window(make_window):
    return make_window(1180, 780)


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_switching_live_changes_the_menus_the_answer_and_the_status_and_is_remembered(qtbot, window):
    shown = []
    window.predictionShown.connect(shown.append)
    draw_strokes(window.canvas, DIGIT_TEMPLATES[7][0])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] is not None and shown[-1].digit == 7, timeout=10_000)
    qtbot.wait(300)
    english_caption = window.panel.caption_label.text()
    assert english_caption.endswith("% sure"), english_caption
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Teach", "&Help"]

    window.language_actions["tr"].trigger()          # View ▸ Language ▸ Türkçe
    qtbot.wait(50)
    assert i18n.current() == "tr"
    assert menu_titles(window) == ["&Dosya", "Dü&zen", "&Görünüm", "Öğ&ret", "&Yardım"]
    caption = window.panel.caption_label.text()
    assert re.fullmatch(r"%\d+ emin", caption), caption   # the answer on show, re-worded with no new stroke
    assert caption[1:-5] == english_caption[:-6]
    assert "CPU" in window._status.text() and "(hazır)" in window._status.text()
    assert window.language_actions["tr"].isChecked() and not window.language_actions["en"].isChecked()
    assert QSettings().value("language") == "tr"

    window.language_actions["en"].trigger()
    qtbot.wait(50)
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Teach", "&Help"]
    assert window.panel.caption_label.text() == english_caption
    assert QSettings().value("language") == "en"


# Texts that are the same in both languages: names, symbols, numbers, formulas.
SAME_IN_BOTH = re.compile(r"^[\W\d_]*$|NumPy|TensorFlow|Keras|MNIST|Adam|SGD|relu|sigmoid|softmax|Conv2D|"
                          r"Dense|Dropout|Flatten|MaxPooling|course-mlp|sigmoid-mlp|cnn|\.keras|English|Türkçe|"
                          r"Digit Studio|^[a-z_]+$|\bz\b|\bg\(|\ba\^", re.IGNORECASE)


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every text a person can read in ``root``: labels, buttons, group titles, dock titles, menu
    items, combo items, placeholders and tool tips, keyed by where they are."""
    found: dict[str, str] = {}

    def add(key: str, text: str) -> None:
        text = re.sub(r"<[^>]+>", " ", text or "").replace("&", "").strip()
        if text:
            found[key] = text

    for i, widget in enumerate(root.findChildren(QWidget)):
        key = f"{type(widget).__name__}#{i}:{widget.objectName()}"
        if isinstance(widget, QLabel):
            add(key, widget.text())
        elif isinstance(widget, QAbstractButton):
            add(key, widget.text())
        elif isinstance(widget, QGroupBox):
            add(key, widget.title())
        elif isinstance(widget, QDockWidget):
            add(key, widget.windowTitle())
        elif isinstance(widget, QLineEdit):
            add(key, widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for j in range(widget.count()):
                add(f"{key}[{j}]", widget.itemText(j))
        elif isinstance(widget, QMenu):
            add(key, widget.title())
            for j, action in enumerate(widget.actions()):
                add(f"{key}/{j}", action.text())
        add(key + ".tip", widget.toolTip())
    return found


def test_no_english_is_left_in_the_turkish_window(qtbot, window):
    """Every text of the window, its menus and both docks changes when the language does, unless
    it is a name or a symbol that reads the same in Turkish."""
    window.train_action.trigger()
    window.handwriting_action.trigger()
    draw_strokes(window.canvas, DIGIT_TEMPLATES[3][0])
    qtbot.wait(400)
    english = visible_texts(window)
    switch(qtbot, "tr")
    turkish = visible_texts(window)
    left = {key: text for key, text in turkish.items()
            if english.get(key) == text and not SAME_IN_BOTH.search(text)}
    assert left == {}
    assert len(english) > 60        # the sweep really saw the window


def test_open_window_starts_in_the_command_lines_language_without_remembering_it(qtbot, monkeypatch):
    from gui.app import configure_application, open_window

    configure_application()
    QSettings().clear()
    window = open_window(Namespace(language="tr", kiosk=False, booth_config=None, window_model=None,
                                   window_backend="numpy"), 0.0)
    qtbot.addWidget(window)
    qtbot.wait(30)
    assert i18n.current() == "tr"
    assert menu_titles(window)[0] == "&Dosya"
    assert QSettings().value("language") is None
    window.close()

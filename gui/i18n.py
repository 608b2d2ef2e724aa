"""The app's languages: English (the source) and Turkish, switched live.

Qt's own system does the work: every visible string goes through ``self.tr()`` or
``QCoreApplication.translate()``, ``pyside6-lupdate`` extracts them into
``resources/translations/digit_studio_<lang>.ts`` and ``pyside6-lrelease`` compiles the ``.qm``
files that ship beside them (``scripts/translations.py`` does both; a test checks the committed
``.qm`` is what the ``.ts`` compiles to). ``set_language`` swaps the installed translators; Qt then
sends every widget a ``LanguageChange`` event and each one sets its words again (``retranslate``).

Numbers follow the language too: Turkish writes a decimal comma and puts the percent sign first
("%99 emin"), so every percentage and decimal on screen is made by ``percent`` / ``number`` here.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from engine.resources import resource_path
from engine.words import QT_TRANSLATE_NOOP

log = logging.getLogger("digit_studio")

ENGLISH, TURKISH = "en", "tr"
LANGUAGES = {ENGLISH: "English", TURKISH: "Türkçe"}   # each named in its own language, never translated
SETTINGS_KEY = "language"
CATALOGUE = "digit_studio"

_current = ENGLISH
_translators: list[QTranslator] = []


def current() -> str:
    """The language on screen now ("en" or "tr")."""
    return _current


def system_language() -> str:
    """The language the system locale asks for, if the app speaks it; else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return ENGLISH


def chosen_language(requested: str | None = None, remembered: object = None) -> str:
    """The language to start in: the command line's, else the remembered choice, else the system's."""
    for choice in (requested, remembered):
        if isinstance(choice, str) and choice in LANGUAGES:
            return choice
    return system_language()


def qm_path(language: str):
    return resource_path("translations", f"{CATALOGUE}_{language}.qm")


def set_language(language: str) -> bool:
    """Put ``language`` on screen: the app's catalogue plus Qt's own (the buttons of standard
    dialogs), and the locale numbers are written in. Every widget gets a LanguageChange event (posted:
    it arrives on the next turn of the event loop). Returns False, keeping the current language, for
    an unknown language or a catalogue that cannot be loaded."""
    global _current
    if language not in LANGUAGES:
        log.warning("language %r is not available (known: %s)", language, ", ".join(LANGUAGES))
        return False
    app = QCoreApplication.instance()
    fresh: list[QTranslator] = []
    if language != ENGLISH:
        ours = QTranslator(app)
        if not ours.load(str(qm_path(language))):
            log.warning("the %s catalogue %s cannot be loaded; staying in %s", language, qm_path(language),
                        LANGUAGES[_current])
            return False
        fresh.append(ours)
        qt_own = QTranslator(app)
        if any(qt_own.load(f"qtbase_{language}", folder) for folder in _qt_catalogue_folders()):
            fresh.append(qt_own)     # the buttons of Qt's standard dialogs (OK, Cancel, Yes, No)
    for old in _translators:
        app.removeTranslator(old)
    _translators[:] = fresh
    for translator in fresh:
        app.installTranslator(translator)
    QLocale.setDefault(locale_for(language))
    _current = language   # installing or removing a translator sends the LanguageChange itself
    log.info("language: %s", LANGUAGES[language])
    return True


def _qt_catalogue_folders() -> list[str]:
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).parent / "Qt" / "translations")]


def locale_for(language: str) -> QLocale:
    return QLocale("tr_TR" if language == TURKISH else "en_US")


def is_language_change(event: QEvent) -> bool:
    """True for the event ``changeEvent`` gets when the language switches."""
    return event.type() == QEvent.Type.LanguageChange


def number(x: float, decimals: int = 2) -> str:
    """``x`` with ``decimals`` decimals in the current language ("0.25" / "0,25"), a real minus sign."""
    text = locale_for(_current).toString(float(x), "f", decimals)
    return text.replace("-", "−")


def integer(n: int) -> str:
    """A whole number with the language's thousands separator ("60,000" / "60.000")."""
    return locale_for(_current).toString(int(n)).replace("-", "−")


def percent(p: float, decimals: int = 0) -> str:
    """The fraction ``p`` as a percentage: "97%" / "%97", "97.5%" / "%97,5"."""
    value = number(100.0 * float(p), decimals)
    return f"%{value}" if _current == TURKISH else f"{value}%"


def percent_value(value: str) -> str:
    """An already formatted number with the percent sign where the language puts it ("<1" → "<1%" / "<%1")."""
    if _current == TURKISH:
        return f"<%{value[1:]}" if value.startswith("<") else f"%{value}"
    return f"{value}%"


def say(message) -> str:
    """An engine message (``engine.words.Words``) in the current language, its values filled in
    (values that are messages themselves are translated too); any other text as it is."""
    from engine.words import Words

    if not isinstance(message, Words):
        return str(message)
    template = QCoreApplication.translate("engine", message.template)   # CONTEXT: the engine marks its texts
    values = {key: say(value) if isinstance(value, Words) else value for key, value in message.params.items()}
    try:
        return template.format(**values) if values else template
    except (KeyError, IndexError, ValueError):   # a translation that lost a placeholder: English rather than nothing
        log.warning("translation of %r does not fit its values", message.template)
        return message.template.format(**values) if values else message.template


def error_text(exc: BaseException) -> str:
    """What an exception says, in the current language when the engine wrote it as Words."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return say(first) if first is not None and type(first).__name__ == "Words" else (str(exc) or type(exc).__name__)


_LABEL_SUFFIXES = {
    " (shipped)": QT_TRANSLATE_NOOP("ModelLabel", "{name} (shipped)"),
    " (training)": QT_TRANSLATE_NOOP("ModelLabel", "{name} (training)"),
    " (trained, unsaved)": QT_TRANSLATE_NOOP("ModelLabel", "{name} (trained, unsaved)"),
}


def model_label(label: str | None) -> str:
    """A model's label from the engine ("cnn (shipped)", "mine.keras") in the current language."""
    if not label:
        return ""
    for suffix, template in _LABEL_SUFFIXES.items():
        if label.endswith(suffix):
            return QCoreApplication.translate("ModelLabel", template).format(name=label[: -len(suffix)])
    return label

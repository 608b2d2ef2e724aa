"""The result of a run: a tinted card with what happened, the test accuracy, and Keep / Discard.

The card remembers what it shows (a message, which may be a function giving it in the current
language, an accuracy and its caption) and writes it again when the language switches.
"""
from __future__ import annotations

from typing import Callable, Union

from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import i18n, theme
from gui.training.form import pixel_font

OK, WARN = "ok", "warn"
Text = Union[str, Callable[[], str]]   # a text, or a function that gives it in the current language


def shown(text: Text | None) -> str:
    """``text`` in the current language: a function is called, an engine message translated."""
    if text is None:
        return ""
    return text() if callable(text) else i18n.say(text)


def set_text_color(label: QWidget, color: QColor) -> None:
    palette = QPalette()  # only WindowText is ours; the rest is inherited
    palette.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)


class ResultCard(QFrame):
    """A rounded card, accent-tinted for a finished run and warning-tinted for a failed one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._fill, self._border = QColor(), QColor()
        self.kind = OK
        self._message: Text | None = None
        self._accuracy: float | None = None
        self._count = 0
        self._caption: Text | None = None
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setFont(pixel_font(self, 12))
        self.accuracy_label = QLabel()
        self.accuracy_label.setFont(pixel_font(self, 26, bold=True))
        self.accuracy_caption = QLabel()
        self.accuracy_caption.setFont(pixel_font(self, 11))
        self.keep_button = QPushButton()
        self.discard_button = QPushButton()
        figure = QVBoxLayout()
        figure.setSpacing(0)
        figure.addWidget(self.accuracy_label)
        figure.addWidget(self.accuracy_caption)
        decide = QVBoxLayout()
        decide.setSpacing(4)
        decide.addWidget(self.keep_button)
        decide.addWidget(self.discard_button)
        lower = QHBoxLayout()
        lower.addLayout(figure)
        lower.addStretch(1)
        lower.addLayout(decide)
        card = QVBoxLayout(self)
        card.setContentsMargins(12, 10, 12, 10)
        card.setSpacing(6)
        card.addWidget(self.message_label)
        card.addLayout(lower)
        self.setVisible(False)
        self._recolor()
        self.retranslate()

    def retranslate(self) -> None:
        self.keep_button.setText(self.tr("Keep this model"))
        self.keep_button.setToolTip(self.tr("Use the trained network from now on"))
        self.discard_button.setText(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Throw the trained network away: the previous model comes back"))
        self._show_texts()

    def _show_texts(self) -> None:
        self.message_label.setText(shown(self._message))
        accuracy = self._accuracy
        self.accuracy_label.setText("" if accuracy is None else i18n.percent(accuracy, 2))
        if accuracy is None:
            caption = ""
        elif self._caption is not None:
            caption = shown(self._caption)
        else:
            caption = self.tr("test accuracy · {count} unseen images").format(count=i18n.integer(self._count))
        self.accuracy_caption.setText(caption)

    def show_result(self, text: Text, kind: str, decision: bool, accuracy: float | None = None,
                    count: int = 0, caption: Text | None = None) -> None:
        """Show a run's end: ``text``, its ``kind`` (OK or WARN), the test accuracy if measured (or
        another accuracy, with its ``caption``), and Keep / Discard when there is a model to
        ``decide`` on. ``text`` and ``caption`` may be functions giving them in the current language
        (called again when it switches); an engine message is translated."""
        self.kind = kind
        self._message, self._accuracy, self._count, self._caption = text, accuracy, count, caption
        self._show_texts()
        self.keep_button.setVisible(decision)
        self.discard_button.setVisible(decision)
        for label in (self.accuracy_label, self.accuracy_caption):
            label.setVisible(bool(label.text()) and decision)
        self.setVisible(True)
        self._recolor()

    def decided(self, text: Text, keep_accuracy: bool) -> None:
        """Keep or Discard was pressed: say what happened; a discarded run's accuracy goes with it."""
        self.kind = OK
        self._message = text
        if not keep_accuracy:
            self._accuracy, self._caption = None, None
        self._show_texts()
        self.keep_button.setVisible(False)
        self.discard_button.setVisible(False)
        if not keep_accuracy:
            for label in (self.accuracy_label, self.accuracy_caption):
                label.setVisible(False)
        self._recolor()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._border, 1))
        painter.setBrush(self._fill)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "accuracy_caption"):
            self._recolor()

    def _recolor(self) -> None:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        tone = theme.accent(palette) if self.kind == OK else theme.unsure(palette)
        self._fill, self._border = theme.mix(tone, window, 0.9), theme.mix(tone, window, 0.55)
        set_text_color(self.message_label, theme.text(palette) if self.kind == OK else tone)
        set_text_color(self.accuracy_label, theme.text(palette))
        set_text_color(self.accuracy_caption, theme.muted(palette))
        self.update()

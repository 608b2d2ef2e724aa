"""The result of a run: a tinted card with what happened, the test accuracy, and Keep / Discard."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import theme
from gui.training.form import pixel_font

OK, WARN = "ok", "warn"


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
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setFont(pixel_font(self, 12))
        self.accuracy_label = QLabel()
        self.accuracy_label.setFont(pixel_font(self, 26, bold=True))
        self.accuracy_caption = QLabel("test accuracy")
        self.accuracy_caption.setFont(pixel_font(self, 11))
        self.keep_button = QPushButton("Keep this model")
        self.discard_button = QPushButton("Discard")
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

    def show_result(self, text: str, kind: str, decision: bool, accuracy: float | None = None,
                    count: int = 0, caption: str | None = None) -> None:
        """Show a run's end: ``text``, its ``kind`` (OK or WARN), the test accuracy if measured (or
        another accuracy, with its ``caption``), and Keep / Discard when there is a model to
        ``decide`` on."""
        self.kind = kind
        self.message_label.setText(text)
        self.accuracy_label.setText("" if accuracy is None else f"{100 * accuracy:.2f}%")
        self.accuracy_caption.setText("" if accuracy is None else
                                      caption or f"test accuracy · {count:,} unseen images")
        self.keep_button.setVisible(decision)
        self.discard_button.setVisible(decision)
        for label in (self.accuracy_label, self.accuracy_caption):
            label.setVisible(bool(label.text()) and decision)
        self.setVisible(True)
        self._recolor()

    def decided(self, text: str, keep_accuracy: bool) -> None:
        """Keep or Discard was pressed: say what happened; a discarded run's accuracy goes with it."""
        self.kind = OK
        self.message_label.setText(text)
        self.keep_button.setVisible(False)
        self.discard_button.setVisible(False)
        if not keep_accuracy:
            for label in (self.accuracy_label, self.accuracy_caption):
                label.setText("")
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

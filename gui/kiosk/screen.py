"""What the booth window shows and where (:class:`KioskScreen`): the TR | EN and 0–9 | 123
switches and the headline, the canvas and its Clear button, the answer in huge type, "Did I get it right?", the
probability bars and the crowd view, laid out and sized for the screen (and for the longer
Turkish words: the headline's type shrinks, then wraps, to fit). :class:`gui.kiosk.window.KioskWindow` is the frameless window that holds
this screen edge to edge and gives it the kiosk's behaviour.

Two arrangements: for one digit (``number_mode`` off) a square canvas on the left and the answer,
bars and crowd view stacked on the right; for a number, a wide canvas over the crowd view on the
left and, on the right, the number in huge type (:class:`~gui.kiosk.widgets.NumberView`: tap a
digit to see its bars), its caption, the question and the selected digit's bars."""
from __future__ import annotations

import html
import logging

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QRadialGradient
from PySide6.QtWidgets import (
    QBoxLayout,
    QGraphicsDropShadowEffect,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engine.booth import BoothConfig
from gui import i18n
from gui.drawing.canvas import DrawingCanvas
from gui.kiosk.crowd_view import CrowdView
from gui.kiosk.theme import (
    ACCENT,
    BG,
    BG_LIFT,
    FAINT,
    MUTED,
    RIGHT,
    STYLE_SHEET,
    TEXT,
    UNSURE,
    booth_font,
    booth_palette,
    with_alpha,
)
from gui.kiosk.widgets import BoothBars, LanguageToggle, ModeToggle, NumberView, PinPad, Stage
from gui.drawing.answer_text import UNSURE_BELOW, describe, is_not_a_digit, kiosk_not_a_digit
from gui.drawing.recognition import CanvasPositionLog

log = logging.getLogger("digit_studio")

KIOSK_BRUSH = 22.0            # a finger-friendly pen (pixels of a 280-px canvas)
HEADER_SPACING = 24
NUMBER_ASPECT = 2.6           # the canvas's width / height in number mode
BODY_SPACING, COLUMN_SPACING = 40, 18


class KioskScreen(QWidget):
    """Everything the booth shows, in place (the kiosk window's only child); ``show_answer`` puts
    a prediction on it. It only shows: what the widgets do is :class:`gui.kiosk.window.KioskWindow`'s."""

    def __init__(self, config: BoothConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self.config = config
        self._fitted_for = (0, 0)
        self._scale = 1.0
        self._attracting = False        # the headline invites to watch the attract loop
        self._number_mode = False       # a wide canvas and a number, not one digit
        self.setPalette(booth_palette())
        self.setAutoFillBackground(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.setStyleSheet(STYLE_SHEET)
        self.setMinimumSize(640, 480)
        self._build()
        self.retranslate()

    # ----- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.canvas = DrawingCanvas()
        CanvasPositionLog(self.canvas)
        self.canvas.brush_size = KIOSK_BRUSH
        self.canvas.setPalette(booth_palette())
        self.stage = Stage(self.canvas)

        self.languages = LanguageToggle()   # TR | EN, top left (the top right is the staff PIN's corner)
        self.modes = ModeToggle()           # 0–9 | 123 next to it: one digit or a number
        self.brand_label = QLabel("DIGIT STUDIO")   # the product's name: the same in every language
        self.headline_label = QLabel("")
        # the header gives it what the toggle, the brand and the count leave (_fit_headline sizes its type)
        self.headline_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary_label = QLabel("")
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label.setVisible(self.config.statistics)
        for label, colour in ((self.brand_label, ACCENT), (self.headline_label, TEXT), (self.summary_label, MUTED)):
            self._colour(label, colour)

        self.clear_button = QPushButton("")
        self.clear_button.setObjectName("clear")

        self.digit_label = QLabel("–", alignment=Qt.AlignmentFlag.AlignCenter)
        self._digit_glow = QGraphicsDropShadowEffect(self.digit_label, offset=QPointF(0, 0), blurRadius=60)
        self._digit_glow.setColor(with_alpha(ACCENT, 0.0))
        self.digit_label.setGraphicsEffect(self._digit_glow)
        self.number_view = NumberView()     # number mode's answer (the digit label's place)
        self._number_glow = QGraphicsDropShadowEffect(self.number_view, offset=QPointF(0, 0), blurRadius=60)
        self._number_glow.setColor(with_alpha(ACCENT, 0.0))
        self.number_view.setGraphicsEffect(self._number_glow)
        self.number_view.hide()
        self.caption_label = QLabel("", alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.caption_label.setWordWrap(True)

        self.question_label = QLabel("")
        self.question_label.setWordWrap(True)
        self._colour(self.question_label, TEXT)
        self.yes_button = QPushButton("")
        self.no_button = QPushButton("")
        self.yes_button.setObjectName("yes")
        self.no_button.setObjectName("no")
        self.thanks_label = QLabel("")
        self.thanks_label.setWordWrap(True)
        self._thanks_learning = False   # which thanks is on show (set_thanks)
        self._colour(self.thanks_label, RIGHT)
        question = QWidget()
        q_layout = QVBoxLayout(question)
        q_layout.setContentsMargins(0, 0, 0, 0)
        q_layout.setSpacing(10)
        q_layout.addWidget(self.question_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(18)
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        buttons.addStretch(1)
        q_layout.addLayout(buttons)
        # collect_samples: after ✗, "Which digit was it?" with a button per digit (two rows of five).
        self.which_label = QLabel("")
        self._colour(self.which_label, TEXT)
        self.digit_buttons = [QPushButton(str(d)) for d in range(10)]
        which = QWidget()
        w_layout = QVBoxLayout(which)
        w_layout.setContentsMargins(0, 0, 0, 0)
        w_layout.setSpacing(8)
        w_layout.addWidget(self.which_label)
        for row in (self.digit_buttons[:5], self.digit_buttons[5:]):
            line = QHBoxLayout()
            line.setSpacing(10)
            for button in row:
                button.setObjectName("digit")
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                line.addWidget(button)
            w_layout.addLayout(line)
        self.feedback = QStackedWidget()
        self.feedback.addWidget(QWidget())          # 0: nothing to ask
        self.feedback.addWidget(question)           # 1: the question
        self.feedback.addWidget(self.thanks_label)  # 2: thanks
        self.feedback.addWidget(which)              # 3: which digit was it?
        for button in (self.clear_button, self.yes_button, self.no_button, *self.digit_buttons):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.bars = BoothBars()
        self.crowd = CrowdView()
        self.crowd.setVisible(self.config.show_activations)

        header = QHBoxLayout()
        header.setSpacing(HEADER_SPACING)
        header.addWidget(self.languages)
        header.addWidget(self.modes)
        header.addWidget(self.brand_label)
        header.addWidget(self.headline_label, 1)
        header.addWidget(self.summary_label)
        self.left = QWidget()
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.stage, 1)
        left.addWidget(self.clear_button)
        answer_text = QVBoxLayout()
        answer_text.setSpacing(18)
        answer_text.addStretch(1)
        answer_text.addWidget(self.caption_label)
        answer_text.addWidget(self.feedback)
        answer_text.addStretch(1)
        self.answer_panel = QWidget()
        self._answer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.answer_panel)
        self._answer.setContentsMargins(0, 0, 0, 0)
        self._answer.setSpacing(28)
        self._answer.addWidget(self.digit_label)
        self._answer.addWidget(self.number_view)
        self._answer.addLayout(answer_text, 1)
        self._body = QGridLayout()
        self._body.setHorizontalSpacing(BODY_SPACING)
        self._body.setVerticalSpacing(COLUMN_SPACING)
        self._arrange()
        self._root = QVBoxLayout(self)
        self._root.addLayout(header)
        self._root.addLayout(self._body, 1)
        self.pin_pad = PinPad(self)

    def _arrange(self) -> None:
        """Place the canvas, the answer, the bars and the crowd view for the mode (see the module)."""
        body = self._body
        for widget in (self.left, self.answer_panel, self.bars, self.crowd):
            body.removeWidget(widget)
        for row in range(3):
            body.setRowStretch(row, 0)
        if self._number_mode:
            body.addWidget(self.left, 0, 0)
            body.addWidget(self.answer_panel, 0, 1)
            body.addWidget(self.crowd, 1, 0)
            body.addWidget(self.bars, 1, 1)
            body.setRowStretch(1, 1)
            self._answer.setDirection(QBoxLayout.Direction.TopToBottom)
        else:
            body.addWidget(self.left, 0, 0, 3, 1)
            body.addWidget(self.answer_panel, 0, 1)
            body.addWidget(self.bars, 1, 1)
            body.addWidget(self.crowd, 2, 1)
            body.setRowStretch(1, 2)
            body.setRowStretch(2, 4)
            self._answer.setDirection(QBoxLayout.Direction.LeftToRight)
        body.setColumnStretch(0, 0)
        body.setColumnStretch(1, 1)
        self.digit_label.setVisible(not self._number_mode)
        self.number_view.setVisible(self._number_mode)

    @property
    def number_mode(self) -> bool:
        return self._number_mode

    def set_number_mode(self, on: bool) -> None:
        """A wide canvas and a number (True), or a square canvas and one digit (False): the screen
        is arranged again and the mode switch lit (the canvas's drawing is the window's to clear)."""
        on = bool(on)
        self.modes.sync("number" if on else "digit")
        if on == self._number_mode:
            return
        self._number_mode = on
        self._arrange()
        aspect = NUMBER_ASPECT if on else 1.0
        self.stage.set_aspect(aspect)
        self.canvas.set_aspect(aspect)   # the pen follows the height: as thick as on the square canvas
        self.canvas.set_boxes([])
        self.stage.setMinimumHeight(200)
        self.stage.setMaximumHeight(16_777_215)
        self._show_headline()

    # ----- words ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every word on screen in the current language (the answer on show is the window's to
        re-render: it knows what the caption stands for)."""
        self.clear_button.setText(self.tr("Clear"))
        self.question_label.setText(self.tr("Did I get it right?"))
        self.yes_button.setText(self.tr("✓  Yes"))
        self.no_button.setText(self.tr("✗  No"))
        self.which_label.setText(self.tr("Which digit was it?"))
        self.set_thanks(self._thanks_learning)
        self._show_headline()

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def headline_text(self) -> str:
        """The line across the top: the attract loop's invitation, the booth's own headline (as
        written, or its line for the language), or the default one translated."""
        if self._attracting:
            return self.tr("Watch the network read handwriting, then try it yourself!")
        custom = self.config.headline_for(i18n.current())
        if custom is not None:
            return custom
        if self._number_mode:
            return self.tr("Write a number. Watch a neural network read it.")
        return self.tr("Draw a digit. Watch a neural network read it.")

    def set_attracting(self, attracting: bool) -> None:
        """The headline for the attract loop (True) or for visitors (False)."""
        self._attracting = attracting
        self._show_headline()

    def set_thanks(self, learning: bool) -> None:
        """The thanks after an answer: "I'll learn from it" for a kept drawing, else "counted"."""
        self._thanks_learning = learning
        self.thanks_label.setText(self.tr("Thanks — I'll learn from it!") if learning
                                  else self.tr("Thanks — counted!"))

    def set_summary(self, text: str) -> None:
        """Today's count in the top-right corner (the headline makes room for it)."""
        if text != self.summary_label.text():
            self.summary_label.setText(text)
            self._refit()

    def _show_headline(self) -> None:
        self.headline_label.setText(self.headline_text())
        self._refit()

    def _refit(self) -> None:
        """Lay the screen out again for new words (the header's height may change)."""
        self._fitted_for = (0, 0)
        if self.width() > 0 and self.height() > 0:
            self._fit()

    def _headline_room(self) -> int:
        """The width the header leaves the headline."""
        margins = self._root.contentsMargins()
        used = (self.languages.sizeHint().width() + self.modes.sizeHint().width()
                + self.brand_label.sizeHint().width() + 3 * HEADER_SPACING)
        if self.config.statistics:
            used += self.summary_label.sizeHint().width() + HEADER_SPACING
        return self.width() - margins.left() - margins.right() - used

    def _fit_headline(self) -> int:
        """The headline's type as big as the design wants, smaller when the words need the room
        (a long line, a longer language), wrapped onto two lines before it gets too small; its
        height."""
        u = self._scale
        font = booth_font(34 * u, weight=QFont.Weight.DemiBold)
        room = max(1, self._headline_room())
        smallest = max(12, round(34 * u * 0.72))
        text = self.headline_label.text()
        while font.pixelSize() > smallest and QFontMetricsF(font).horizontalAdvance(text) > room:
            font.setPixelSize(font.pixelSize() - 1)
        self.headline_label.setFont(font)
        wrap = QFontMetricsF(font).horizontalAdvance(text) > room
        self.headline_label.setWordWrap(wrap)
        return self.headline_label.heightForWidth(room) if wrap else self.headline_label.sizeHint().height()

    @staticmethod
    def _colour(label: QLabel, colour: QColor) -> None:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)

    def _fit(self) -> None:
        """Scale type and touch targets to the screen: designed for 1920×1080, fine at 1280×800."""
        w, h = self.width(), self.height()
        if (w, h) == self._fitted_for:
            return
        self._fitted_for = (w, h)
        u = max(0.4, min(w / 1920, h / 1080))
        self._scale = u
        margin, gap = round(34 * u), round(22 * u)
        self._root.setContentsMargins(margin, round(22 * u), margin, margin)
        self._root.setSpacing(gap)
        self.brand_label.setFont(booth_font(22 * u, weight=QFont.Weight.Black))
        self.languages.set_scale(u)
        self.modes.set_scale(u)
        self.summary_label.setFont(booth_font(22 * u))
        clear_h = max(120, round(128 * u))
        self.clear_button.setMinimumHeight(clear_h)
        self.clear_button.setFont(booth_font(max(34, 46 * u), bold=True))
        self.digit_label.setFont(booth_font(270 * u, weight=QFont.Weight.Black))
        self.digit_label.setFixedWidth(round(270 * u * 0.82))
        self.digit_label.setFixedHeight(round(270 * u * 1.08))
        self.bars.setMaximumHeight(round(300 * u))
        self._digit_glow.setBlurRadius(70 * u)
        self.caption_label.setFont(booth_font(44 * u, weight=QFont.Weight.DemiBold))
        self.question_label.setFont(booth_font(32 * u))
        self.thanks_label.setFont(booth_font(36 * u, bold=True))
        self.which_label.setFont(booth_font(28 * u))
        digit_side = max(56, round(64 * u))
        for button in self.digit_buttons:   # as tall as a finger needs; as wide as the row allows
            button.setFont(booth_font(max(22, 30 * u), bold=True))
            button.setFixedHeight(digit_side)
            button.setMinimumWidth(44)
            button.setMaximumWidth(round(digit_side * 1.6))
        for button in (self.yes_button, self.no_button):
            button.setFont(booth_font(max(26, 38 * u), bold=True))
            button.setMinimumSize(max(150, round(230 * u)), max(96, round(120 * u)))
        self.feedback.setFixedHeight(max(max(96, round(120 * u)) + round(32 * u) + 24,
                                         2 * digit_side + round(28 * u * 1.4) + 24))
        self.number_view.set_max_pixels(170 * u)
        self._number_glow.setBlurRadius(70 * u)
        header_h = max(self._fit_headline(), self.brand_label.sizeHint().height(),
                       self.languages.sizeHint().height())
        if not self._number_mode:
            self._answer.setSpacing(28)
            side = h - 2 * margin - header_h - gap - clear_h - 12
            self.left.setFixedWidth(max(240, min(side, round(w * 0.52))))
            return
        # number mode: the wide canvas and Clear over the crowd view (at least a quarter of the height)
        self._answer.setSpacing(round(12 * u))
        body_h = h - round(22 * u) - margin - header_h - gap
        spacing = self.left.layout().spacing()
        row_h = body_h - COLUMN_SPACING - (round(0.27 * h) if self.config.show_activations else round(0.18 * h))
        left_w = round(w * 0.6)
        pad = Stage.pad_for(left_w, round(left_w / NUMBER_ASPECT))
        canvas_w = min(left_w - 2 * pad, round((row_h - clear_h - spacing - 2 * pad) * NUMBER_ASPECT))
        stage_h = round(canvas_w / NUMBER_ASPECT) + 2 * pad
        self.left.setFixedWidth(canvas_w + 2 * pad)
        self.stage.setFixedHeight(stage_h)

    def resizeEvent(self, event) -> None:
        self._fit()
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BG)
        spot = QRadialGradient(QPointF(self.width() * 0.62, -self.height() * 0.25), self.width() * 0.75)
        spot.setColorAt(0.0, BG_LIFT)
        spot.setColorAt(1.0, with_alpha(BG_LIFT, 0.0))
        painter.fillRect(self.rect(), QBrush(spot))
        painter.end()

    # ----- the answer -----------------------------------------------------------------------------
    def show_number(self, reading, selected: int | None, prediction, caption: str, hint: str = "") -> None:
        """Number mode: a NumberReading (None: nothing written) in big type with ``selected``
        underlined, ``caption`` under it (and ``hint`` in smaller, quieter type), and the selected
        digit's ``prediction`` in the bars and the crowd view."""
        self.number_view.set_reading(reading, selected)
        digits = () if reading is None else reading.digits
        readable = bool(digits) and reading.number is not None
        least = min((d.confidence for d in digits), default=0.0)
        if not digits:
            colour, glow = MUTED, 0.0
        elif not readable:
            colour, glow = TEXT, 0.35
        elif least < UNSURE_BELOW:
            colour, glow = UNSURE, 0.55
        else:
            colour, glow = TEXT, 0.9
        self._number_glow.setColor(with_alpha(ACCENT if readable and least >= UNSURE_BELOW else UNSURE, glow))
        if hint:
            px = round(self.caption_label.font().pixelSize() * 0.6)
            caption = (f"{html.escape(caption)}<br><span style=\"font-size: {px}px; font-weight: 400; "
                       f"color: {MUTED.name()};\">{html.escape(hint)}</span>")
        self.caption_label.setTextFormat(Qt.TextFormat.RichText if hint else Qt.TextFormat.PlainText)
        self.caption_label.setText(caption)
        self._colour(self.caption_label, colour)
        self.bars.set_probabilities(None if prediction is None else prediction.probabilities)
        if self.config.show_activations:
            self.crowd.show_prediction(prediction)
        self.stage.set_glow(0.25 if not digits else 0.3 + 0.7 * (least if readable else 0.2))

    def show_answer(self, prediction, empty_caption: str) -> None:
        """The prediction in big type, its caption, bars, crowd view and canvas glow; for None, a
        quiet "?" over ``empty_caption``."""
        big, caption = describe(prediction)
        if prediction is None:
            caption = empty_caption
            colour, glow = FAINT, 0.0
        elif is_not_a_digit(prediction):
            caption = kiosk_not_a_digit()
            colour, glow = UNSURE, 0.35
        elif prediction.confidence < UNSURE_BELOW:
            colour, glow = UNSURE, 0.55
        else:
            colour, glow = TEXT, 0.9
        self.caption_label.setTextFormat(Qt.TextFormat.PlainText)
        self.digit_label.setText("?" if prediction is None else big)
        self._colour(self.digit_label, colour)
        self._digit_glow.setColor(with_alpha(UNSURE if colour == UNSURE else ACCENT, glow))
        self.caption_label.setText(caption)
        refused = is_not_a_digit(prediction)
        self._colour(self.caption_label, TEXT if refused else UNSURE if colour == UNSURE
                     else MUTED if prediction is None else TEXT)
        self.bars.set_probabilities(None if prediction is None else prediction.probabilities)
        if self.config.show_activations:
            self.crowd.show_prediction(prediction)
        self.stage.set_glow(0.25 if prediction is None else 0.3 + 0.7 * prediction.confidence)

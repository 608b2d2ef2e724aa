"""The booth window's smaller widgets: :class:`BoothBars` (the ten probabilities), :class:`Stage`
(the canvas in its glow, with the attract loop's banner), :class:`PinPad` (the staff PIN pad),
:class:`LanguageToggle` (the visitors' TR | EN switch), :class:`ModeToggle` (0–9 | 123: one digit
or a number) and :class:`NumberView` (a number's digits in huge type, each one tappable); and the
easing they share with the crowd view (:class:`Eased`, :class:`AnimatedWidget`)."""
from __future__ import annotations

import time
from collections import deque

import numpy as np
from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from gui import i18n
from gui.drawing.canvas import DrawingCanvas
from gui.kiosk.theme import ACCENT, FAINT, MUTED, TEXT, TRACK, UNSURE, booth_font, with_alpha
from gui.drawing.answer_text import UNSURE_BELOW, percent_text, top_two

PIN_TIMEOUT_MS = 20_000
CORNER_TAPS, CORNER_WINDOW_S, CORNER_PX = 5, 3.0, 140   # taps that open the staff PIN pad


class Eased:
    """Values that glide toward their target a fraction of the way per frame (the view glows up
    and fades out instead of jumping)."""

    def __init__(self, rate: float = 0.3):
        self.rate = rate
        self.current: np.ndarray | None = None
        self.target: np.ndarray | None = None

    def set(self, target: np.ndarray) -> None:
        target = np.asarray(target, dtype=np.float32)
        if self.current is None or self.current.shape != target.shape:
            self.current = np.zeros_like(target)
        self.target = target

    def fade(self) -> None:
        if self.current is not None:
            self.target = np.zeros_like(self.current)

    def step(self) -> bool:
        """Move one frame; False once there (nothing left to animate)."""
        if self.current is None or self.target is None:
            return False
        delta = self.target - self.current
        if not delta.size or float(np.abs(delta).max()) < 0.004:
            self.current = self.target.copy()
            return False
        self.current += delta * self.rate
        return True


class AnimatedWidget(QWidget):
    """A widget whose Eased values are stepped at display rate only while they move."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._frame = QTimer(self, interval=16, timeout=self._tick)

    def _easers(self) -> list[Eased]:
        return []

    def _animate(self) -> None:
        if not self._frame.isActive():
            self._frame.start()

    def _tick(self) -> None:
        moving = False
        for easer in self._easers():
            moving |= easer.step()
        self.update()
        if not moving:
            self._frame.stop()

    def settle(self) -> None:
        """Jump to the targets (tests, screenshots)."""
        for easer in self._easers():
            while easer.step():
                pass
        self.update()


class BoothBars(AnimatedWidget):
    """Ten big, animated probability bars: percentages above, digits below, the winner lit."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._heights = Eased(0.28)
        self._heights.set(np.zeros(10))
        self._winner: int | None = None
        self._unsure = False
        self._runner_up: int | None = None
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _easers(self) -> list[Eased]:
        return [self._heights]

    def set_probabilities(self, p: np.ndarray | None) -> None:
        if p is None:
            self._heights.set(np.zeros(10))
            self._winner = self._runner_up = None
        else:
            p = np.clip(np.asarray(p, dtype=np.float32).reshape(10), 0.0, 1.0)
            self._heights.set(p)
            self._winner, self._runner_up = top_two(p)
            self._unsure = float(p[self._winner]) < UNSURE_BELOW
        self._animate()

    def heights(self) -> np.ndarray:
        """The bar heights as the next frame will draw them (0..1)."""
        return self._heights.current.copy()

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.update()   # the percentages are written the language's way ("%97")
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        digit_px = max(14.0, min(44.0, h * 0.15))
        pct_px = max(11.0, digit_px * 0.58)
        bottom_band, top_band = digit_px * 1.5, pct_px * 1.7
        slot = w / 10
        bar_w = slot * 0.58
        top, bottom = top_band, h - bottom_band
        span = max(1.0, bottom - top)
        radius = min(bar_w / 2, 12.0)
        digit_font, digit_bold = booth_font(digit_px, weight=QFont.Weight.DemiBold), booth_font(digit_px, bold=True)
        pct_font, pct_bold = booth_font(pct_px), booth_font(pct_px, bold=True)
        heights = self._heights.current
        for d in range(10):
            x = slot * d + (slot - bar_w) / 2
            track = QRectF(x, top, bar_w, span)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, radius, radius)
            value = float(heights[d])
            winner = d == self._winner
            if winner:
                colour = UNSURE if self._unsure else ACCENT
            elif d == self._runner_up and self._unsure:
                colour = QColor(UNSURE).darker(160)
            else:
                colour = QColor("#475569")
            if value > 0.002:
                bar = QRectF(x, bottom - span * value, bar_w, span * value)
                gradient = QLinearGradient(bar.topLeft(), bar.bottomLeft())
                gradient.setColorAt(0.0, colour.lighter(135))
                gradient.setColorAt(1.0, colour.darker(150))
                if winner:   # a soft halo behind the winning bar
                    halo = bar.adjusted(-bar_w * 0.18, -bar_w * 0.18, bar_w * 0.18, 0)
                    painter.setBrush(with_alpha(colour, 0.18 * value))
                    painter.drawRoundedRect(halo, radius * 1.4, radius * 1.4)
                painter.setBrush(QBrush(gradient))
                painter.drawRoundedRect(bar, radius, radius)
            if value >= 0.01 or (winner and value > 0.002):
                painter.setFont(pct_bold if winner else pct_font)
                painter.setPen(TEXT if winner else MUTED)
                label = QRectF(slot * d, bottom - span * value - top_band, slot, top_band)
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                                 percent_text(value))
            painter.setFont(digit_bold if winner else digit_font)
            painter.setPen(colour.lighter(120) if winner else MUTED)
            painter.drawText(QRectF(slot * d, bottom, slot, bottom_band), Qt.AlignmentFlag.AlignCenter, str(d))
        painter.end()


class Stage(QWidget):
    """The canvas, kept at its aspect (square for a digit, wide for a number) and centred, in a soft
    glow; a banner over it during the attract loop."""

    PAD_SHARE = 40          # the glow's room: this share of the stage's shorter side (at least 6 px)

    def __init__(self, canvas: DrawingCanvas, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = canvas
        canvas.setParent(self)
        self._aspect = 1.0   # the canvas's width / height
        self._glow = 0.25
        self.banner = QLabel(self)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.banner.setObjectName("banner")
        self.banner.hide()
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()

    def retranslate(self) -> None:
        self.banner.setText(self.tr("Touch the screen to write your own number") if self._aspect > 1.2
                            else self.tr("Touch the screen to draw your own digit"))
        self._place_banner()

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_glow(self, strength: float) -> None:
        strength = max(0.15, min(1.0, strength))
        if abs(strength - self._glow) > 0.01:
            self._glow = strength
            self.update()

    @property
    def aspect(self) -> float:
        return self._aspect

    def set_aspect(self, ratio: float) -> None:
        """The canvas's width / height: 1 for a digit, wider for a number."""
        self._aspect = max(0.2, float(ratio))
        self.retranslate()   # the banner invites to write a number on a wide canvas
        self._place_canvas()

    @staticmethod
    def pad_for(width: int, height: int) -> int:
        return max(6, min(width, height) // Stage.PAD_SHARE)

    def resizeEvent(self, event) -> None:
        self._place_canvas()

    def _place_canvas(self) -> None:
        pad = self.pad_for(self.width(), self.height())
        room_w, room_h = max(1, self.width() - 2 * pad), max(1, self.height() - 2 * pad)
        w = max(1, min(room_w, round(room_h * self._aspect)))
        h = max(1, min(room_h, round(w / self._aspect)))
        self.canvas.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)
        self._place_banner()
        self.update()

    def _place_banner(self) -> None:
        """The banner across the canvas's foot, its type as big as its text allows."""
        width, height = self.canvas.width(), self.canvas.height()
        side = min(width, height)
        banner_h = max(44, side // 11)
        banner_w = width - width // 8 if self._aspect <= 1.2 else min(width - width // 8, round(side * 1.6))
        font = booth_font(banner_h * 0.4, bold=True)
        room = banner_w - banner_h   # the rounded ends and a little air
        while font.pixelSize() > 10 and QFontMetricsF(font).horizontalAdvance(self.banner.text()) > room:
            font.setPixelSize(font.pixelSize() - 1)
        self.banner.setFont(font)
        self.banner.setGeometry(self.canvas.x() + (width - banner_w) // 2,
                                self.canvas.y() + height - banner_h - side // 28, banner_w, banner_h)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.canvas.geometry())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        layers = 7
        for i in range(layers, 0, -1):
            grow = i * 2.2
            painter.setPen(QPen(with_alpha(ACCENT, self._glow * 0.09 * (layers + 1 - i) / layers), 2.4))
            painter.drawRoundedRect(r.adjusted(-grow, -grow, grow, grow), 16 + grow, 16 + grow)
        painter.end()


class PinPad(QWidget):
    """The staff PIN pad, drawn over the whole window (never a dialog); quick taps in the window's
    top-right corner open it (``note_tap``)."""

    entered = Signal(str)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("pinpad")
        self._digits = ""
        self._corner_taps: deque[float] = deque()
        self._timeout = QTimer(self, singleShot=True, interval=PIN_TIMEOUT_MS, timeout=self.close_pad)
        panel = QWidget(self)
        panel.setObjectName("pinpanel")
        self.title = QLabel("", alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setFont(booth_font(30, bold=True))
        self.dots = QLabel("", alignment=Qt.AlignmentFlag.AlignCenter)
        self.dots.setFont(booth_font(34, bold=True))
        self.dots.setMinimumHeight(50)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.buttons: dict[str, QPushButton] = {}
        for i, text in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "Cancel", "0", "OK"]):
            button = QPushButton(text)   # the keys are named in English (buttons["OK"]); retranslate words them
            button.setObjectName("pinkey")
            button.setMinimumSize(110, 90)
            button.setFont(booth_font(30 if text.isdigit() else 22, bold=True))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, t=text: self._on_key(t))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[text] = button
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 28, 36, 32)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.dots)
        layout.addLayout(grid)
        self._panel = panel
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff PIN"))
        self.buttons["Cancel"].setText(self.tr("Cancel"))
        self.buttons["OK"].setText(self.tr("OK"))
        self._place_panel()

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def note_tap(self, at: QPoint) -> None:
        """A press at ``at`` (the window's coordinates): CORNER_TAPS of them in the top-right
        corner within CORNER_WINDOW_S open the pad."""
        if at.x() >= self.parentWidget().width() - CORNER_PX and 0 <= at.y() <= CORNER_PX:
            now = time.monotonic()
            self._corner_taps.append(now)
            while self._corner_taps and now - self._corner_taps[0] > CORNER_WINDOW_S:
                self._corner_taps.popleft()
            if len(self._corner_taps) >= CORNER_TAPS:
                self._corner_taps.clear()
                self.open_pad()

    def open_pad(self) -> None:
        self._digits = ""
        self.dots.setText("")
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self._timeout.start()

    def close_pad(self) -> None:
        self._digits = ""
        self._timeout.stop()
        self.hide()

    def _on_key(self, text: str) -> None:
        self._timeout.start()
        if text == "Cancel":
            self.close_pad()
        elif text == "OK":
            digits = self._digits
            self.close_pad()
            self.entered.emit(digits)
        elif len(self._digits) < 12:
            self._digits += text
            self.dots.setText("●" * len(self._digits))

    def resizeEvent(self, event) -> None:
        self._place_panel()

    def _place_panel(self) -> None:
        self._panel.adjustSize()
        size = self._panel.sizeHint()
        self._panel.setGeometry((self.width() - size.width()) // 2, (self.height() - size.height()) // 2,
                                size.width(), size.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(2, 4, 9, 215))
        painter.end()


class LanguageToggle(QWidget):
    """The visitors' language switch, "TR | EN": two touch-sized buttons, each language by its own
    code, the language on screen lit. ``chosen`` says which a visitor tapped (the kiosk switches
    the app's language); the lit one follows the app's language (``sync``, on every change)."""

    chosen = Signal(str)
    CODES = (i18n.TURKISH, i18n.ENGLISH)   # as the booth reads them: TR | EN

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("languages")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for code in self.CODES:
            button = QPushButton(code.upper())   # "TR", "EN": the same in every language
            button.setObjectName("language")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(i18n.LANGUAGES[code])   # "Türkçe", "English": each in its own language
            button.clicked.connect(lambda _=False, c=code: self._on_clicked(c))
            self._group.addButton(button)
            layout.addWidget(button)
            self.buttons[code] = button
        self.set_scale(1.0)
        self.sync()

    def set_scale(self, u: float) -> None:
        """Touch-sized for the screen (``u``: the kiosk's scale, 1 at 1920×1080)."""
        height, width = max(56, round(64 * u)), max(76, round(92 * u))
        for button in self.buttons.values():
            button.setFont(booth_font(max(20, 26 * u), bold=True))
            button.setFixedSize(width, height)

    def active(self) -> str:
        """The language lit now."""
        return next((code for code, button in self.buttons.items() if button.isChecked()), "")

    def sync(self) -> None:
        """Light the language on screen."""
        current = i18n.current()
        for code, button in self.buttons.items():
            button.setChecked(code == current)

    def _on_clicked(self, code: str) -> None:
        self.chosen.emit(code)
        self.sync()   # the switch may have failed (no catalogue): the lit one stays the truth

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.sync()
        super().changeEvent(event)


class ModeToggle(QWidget):
    """The visitors' switch between one digit and a number, "0–9 | 123": two touch-sized buttons
    (the same in every language), the mode on screen lit. ``chosen`` says which a visitor tapped;
    ``sync`` lights the mode on screen."""

    chosen = Signal(str)
    MODES = ("digit", "number")
    LABELS = {"digit": "0–9", "number": "123"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("modes")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._mode = "digit"
        self.buttons: dict[str, QPushButton] = {}
        for mode in self.MODES:
            button = QPushButton(self.LABELS[mode])
            button.setObjectName("mode")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=mode: self._on_clicked(m))
            self._group.addButton(button)
            layout.addWidget(button)
            self.buttons[mode] = button
        self.set_scale(1.0)
        self.sync(self._mode)
        self.retranslate()

    def retranslate(self) -> None:
        self.buttons["digit"].setAccessibleName(self.tr("One digit"))
        self.buttons["number"].setAccessibleName(self.tr("A number"))

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_scale(self, u: float) -> None:
        """Touch-sized for the screen (``u``: the kiosk's scale, 1 at 1920×1080)."""
        height, width = max(56, round(64 * u)), max(84, round(104 * u))
        for button in self.buttons.values():
            button.setFont(booth_font(max(20, 26 * u), bold=True))
            button.setFixedSize(width, height)

    def active(self) -> str:
        """The mode lit now."""
        return next((mode for mode, button in self.buttons.items() if button.isChecked()), "")

    def sync(self, mode: str) -> None:
        """Light ``mode`` (the mode on screen)."""
        self._mode = mode
        for name, button in self.buttons.items():
            button.setChecked(name == mode)

    def _on_clicked(self, mode: str) -> None:
        self.chosen.emit(mode)
        self.sync(self._mode)   # the window says which mode is on screen (sync); until then the old one


class NumberView(QWidget):
    """A number in huge type, one slot per digit group: digits in white (orange when the network is
    unsure), a group that is not a digit as an orange "?", the selected digit (its bars are on
    show) underlined. A tap on a digit emits ``digitTapped`` with its index."""

    digitTapped = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._glyphs: list[tuple[str, QColor]] = []
        self._selected: int | None = None
        self._max_px = 200.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(60)

    def set_reading(self, reading, selected: int | None) -> None:
        """Show a NumberReading (None: a quiet "?"), ``selected`` underlined (when several)."""
        if reading is None or not reading.digits:
            self._glyphs = [("?", FAINT)]
            self._selected = None
        else:
            self._glyphs = []
            for d in reading.digits:
                if not d.is_digit:
                    self._glyphs.append(("?", UNSURE))
                else:
                    self._glyphs.append((str(d.digit), UNSURE if d.confidence < UNSURE_BELOW else TEXT))
            self._selected = selected if len(reading.digits) > 1 else None
        self.update()

    def text(self) -> str:
        """What it shows: "2026", "2?26", "?"."""
        return "".join(g for g, _ in self._glyphs)

    def selected(self) -> int | None:
        return self._selected

    def set_max_pixels(self, px: float) -> None:
        """The type's size when the number fits (it shrinks for long numbers); the widget's height."""
        self._max_px = px
        self.setFixedHeight(round(px * 1.12))
        self.update()

    def type_pixels(self) -> int:
        """The type's size for the number on show, in pixels."""
        return self._layout()[0].pixelSize()

    def _layout(self) -> tuple[QFont, float, float]:
        """(font, slot width, x of the first slot): as big as ``max_px`` allows, smaller to fit."""
        n = max(1, len(self._glyphs))
        font = booth_font(self._max_px, weight=QFont.Weight.Black)
        slot = QFontMetricsF(font).horizontalAdvance("0") * 1.08
        if slot * n > self.width():
            font.setPixelSize(max(12, int(font.pixelSize() * self.width() / (slot * n))))
            slot = QFontMetricsF(font).horizontalAdvance("0") * 1.08
        return font, slot, 0.0

    def slot_rect(self, index: int) -> QRectF:
        _, slot, x0 = self._layout()
        return QRectF(x0 + index * slot, 0, slot, self.height())

    def mousePressEvent(self, event) -> None:
        if len(self._glyphs) > 1 and event.button() == Qt.MouseButton.LeftButton:
            _, slot, x0 = self._layout()
            index = int((event.position().x() - x0) // slot)
            if 0 <= index < len(self._glyphs):
                self.digitTapped.emit(index)
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font, slot, x0 = self._layout()
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        baseline = (self.height() + metrics.capHeight()) / 2
        for i, (glyph, colour) in enumerate(self._glyphs):
            rect = QRectF(x0 + i * slot, 0, slot, self.height())
            if i == self._selected:
                bar_h = max(4.0, font.pixelSize() * 0.045)
                bar = QRectF(rect.x() + slot * 0.14, baseline + font.pixelSize() * 0.07, slot * 0.72, bar_h)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ACCENT)
                painter.drawRoundedRect(bar, bar_h / 2, bar_h / 2)
            painter.setPen(colour if i == self._selected or self._selected is None else QColor(colour).darker(115))
            painter.drawText(QRectF(rect.x(), baseline - metrics.ascent(), slot, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, glyph)
        painter.end()

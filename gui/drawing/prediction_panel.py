"""The prediction panel beside the drawing canvas: the answer, the ten probabilities and the
28×28 image the network actually sees. In number mode the answer is the whole number, and the
bars and the image are those of the digit selected on the canvas.

``show_prediction`` runs on every stroke, so everything here is built once and only updated:
labels get new text, the bar chart gets new heights and brushes, the preview gets new pixels.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import pyqtgraph as pg
import html
import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLine, QObject, QRect, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from engine.predictor import Prediction
from engine import catalogue, saliency
from gui import i18n, theme
from gui.workers import Worker
from gui.drawing.answer_text import (DIGITS, EMPTY_CAPTION, NOT_A_DIGIT_MARK, PLACEHOLDER, UNSURE_BELOW, describe,
                                     empty_caption, is_not_a_digit, percent_text, top_two)

__all__ = ["EMPTY_CAPTION", "PLACEHOLDER", "UNSURE_BELOW", "describe", "percent_text", "FittingCaption",
           "ProbabilityBars", "InputPreview", "PredictionPanel"]

_BAR_WIDTH = 0.62
_HEADROOM = 0.2             # y range above 100 %, so the label over a full bar is not cut off
_BIG_PIXELS = 112           # the answer's type; a long number steps down to fit the panel's width
_MIN_BIG_PIXELS = 28
_SECOND_WIDTH = 0.24        # the compared model's bar, beside the first model's (then narrower)
SUPPORTS = QColor(230, 85, 40)    # saliency: pixels that speak for the target digit
OPPOSES = QColor(40, 140, 235)    # … and against it
SECOND_MODEL = QColor(150, 95, 205)   # the compared model's bars
SALIENCY_KEY = "view/saliency"
COMPARE_MODELS = ("cnn", "course-mlp", "sigmoid-mlp")   # shipped models that can be compared

log = logging.getLogger(__name__)


def _state_of(prediction: Prediction | None) -> str:
    """"empty", "not a digit", "unsure" or "sure": how an answer is coloured."""
    if prediction is None:
        return "empty"
    if is_not_a_digit(prediction):
        return "not a digit"
    return "unsure" if prediction.confidence < UNSURE_BELOW else "sure"


def describe_number(reading) -> tuple[str, str, str]:
    """The big text, the caption and the colour state for an ``engine.numbers.NumberReading``
    (None: nothing written), in the current language: ("2026", "4 digits · least sure: 2 at 87%",
    "sure"); "20?6" with the caption naming the box that is not a digit; a single digit reads as
    in digit mode."""
    digits = reading.digits if reading is not None else ()
    if not digits:
        return PLACEHOLDER, write_number_caption(), "empty"
    if len(digits) == 1:
        big, caption = describe(digits[0].prediction)
        return big, caption, _state_of(digits[0].prediction)
    big = "".join(str(d.digit) if d.is_digit else NOT_A_DIGIT_MARK for d in digits)
    refused = [i + 1 for i, d in enumerate(digits) if not d.is_digit]
    translate = QCoreApplication.translate
    if refused:
        places = ", ".join(i18n.integer(i) for i in refused)
        caption = (translate("PredictionPanel", "Box {boxes} doesn't look like a digit") if len(refused) == 1
                   else translate("PredictionPanel", "Boxes {boxes} don't look like digits")).format(boxes=places)
        return big, caption, "not a digit"
    least = min(digits, key=lambda d: d.confidence)
    parts = (translate("PredictionPanel", "{count} digits").format(count=i18n.integer(len(digits))),
             translate("PredictionPanel", "least sure: {digit} at {percent}").format(
                 digit=least.digit, percent=percent_text(least.confidence)))
    caption = " · ".join(part.replace(" ", "\u00a0") for part in parts)   # a line breaks only between them
    return big, caption, "unsure" if least.confidence < UNSURE_BELOW else "sure"


def write_number_caption() -> str:
    """The empty answer's caption in number mode ("Write a number"), in the current language."""
    return QCoreApplication.translate("PredictionPanel", "Write a number")


def _pixel_font(widget: QWidget, pixels: int, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class FittingCaption(QLabel):
    """A word-wrapped label of fixed height (``lines`` lines at ``pixels``) whose font steps down,
    to ``min_pixels`` at most, until its text fits the box: a long caption ("That doesn't look like
    a digit", a longer translation) in a narrow panel is smaller, never clipped; a short one keeps
    its size."""

    def __init__(self, text: str, pixels: int, min_pixels: int, lines: int = 2):
        super().__init__(text)
        self._pixels, self._min_pixels = pixels, min_pixels
        self.setFont(_pixel_font(self, pixels))
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 4)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        box = QRect(0, 0, max(1, self.contentsRect().width()), 100_000)
        for pixels in range(self._pixels, self._min_pixels - 1, -1):
            font = _pixel_font(self, pixels)
            used = QFontMetrics(font).boundingRect(box, int(Qt.TextFlag.TextWordWrap), self.text()).height()
            if used <= self.contentsRect().height() or pixels == self._min_pixels:
                break
        if font.pixelSize() != self.font().pixelSize():
            self.setFont(font)


class ProbabilityBars(pg.PlotWidget):
    """Ten bars for the digits 0–9 with a percentage over each; the winner in the accent colour.

    The chart is a fixed instrument: y always spans 0..1 (plus room for the labels), no mouse
    zoom or pan, no context menu. Its items are created once; updates only change their data.
    With ``clickable`` on, a click on a digit's column says "it was this digit" (``digitClicked``).
    """

    MIN_HEIGHT = 96
    digitClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background=None)
        self.setMinimumHeight(self.MIN_HEIGHT)
        self._clickable = False
        self._show_tiny = True      # "<1%" labels, while each bar's slot is wide enough for one
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.hideAxis("left")
        item.setMouseEnabled(x=False, y=False)
        item.vb.disableAutoRange()
        item.setXRange(-0.5, DIGITS - 0.5, padding=0)
        item.setYRange(0.0, 1.0 + _HEADROOM, padding=0)
        item.layout.setContentsMargins(0, 0, 0, 0)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        axis = item.getAxis("bottom")
        axis.setTicks([[(d, str(d)) for d in range(DIGITS)]])
        axis.setStyle(tickLength=0, tickTextOffset=6)
        axis.setTickFont(_pixel_font(self, 14, bold=True))

        x = np.arange(DIGITS, dtype=float)
        self._heights = np.zeros(DIGITS)
        self._winner: int | None = None
        # A faint full-height track behind each bar reads as "a meter", even at 0 %.
        self._tracks = pg.BarGraphItem(x=x, height=np.ones(DIGITS), width=_BAR_WIDTH, pen=None)
        self._bars = pg.BarGraphItem(x=x, height=self._heights, width=_BAR_WIDTH, pen=None)
        self._second = pg.BarGraphItem(x=x + 0.5 - _SECOND_WIDTH / 2 - 0.06, height=np.zeros(DIGITS),
                                       width=_SECOND_WIDTH, pen=None, brush=pg.mkBrush(SECOND_MODEL))
        self._second.setVisible(False)
        self.legend = _Legend()
        self.legend.setFont(_pixel_font(self, 11))
        self.legend.setPos(-0.5, 1.0 + _HEADROOM)
        item.addItem(self.legend, ignoreBounds=True)
        item.addItem(self._tracks)
        item.addItem(self._bars)
        item.addItem(self._second)
        self._label_fonts = (_pixel_font(self, 11), _pixel_font(self, 12, bold=True))
        self._labels: list[pg.TextItem] = []
        for d in range(DIGITS):
            label = pg.TextItem("", anchor=(0.5, 1.0))
            label.setFont(self._label_fonts[False])
            label.setPos(d, 0.0)
            item.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        self._on_palette_change()

    def set_probabilities(self, p: np.ndarray | None) -> None:
        """Show ten probabilities (None: all bars empty, no labels)."""
        brushes = [self._plain] * DIGITS
        if p is None:
            self._heights, winner = np.zeros(DIGITS), None
        else:
            self._heights = np.clip(np.asarray(p, dtype=float).reshape(DIGITS), 0.0, 1.0)
            winner, runner_up = top_two(self._heights)
            if self._heights[winner] < UNSURE_BELOW:   # a guess: both candidates in the unsure colour
                brushes[winner], brushes[runner_up] = self._unsure, self._unsure_second
            else:
                brushes[winner] = self._accent
        self._bars.setOpts(height=self._heights, brushes=brushes)
        for d, (label, h) in enumerate(zip(self._labels, self._heights)):
            label.setText("" if p is None or (h < 0.01 and not self._show_tiny) else percent_text(h))
            label.setPos(d, h)
            color = self._label_colors[0 if d == winner else 1 if h >= 0.01 else 2]
            if label.color != color:
                label.setColor(color)
        if winner != self._winner:
            for d in (self._winner, winner):
                if d is not None:
                    self._labels[d].setFont(self._label_fonts[d == winner])
            self._winner = winner

    def set_comparison(self, p: np.ndarray | None) -> None:
        """A second model's ten probabilities as thinner bars beside the first's (None: none)."""
        x = np.arange(DIGITS, dtype=float)
        if p is None:
            self._second.setVisible(False)
            self._second.setOpts(height=np.zeros(DIGITS))
            self._tracks.setOpts(x=x, width=_BAR_WIDTH)
            self._bars.setOpts(x=x, width=_BAR_WIDTH)
            return
        first = _BAR_WIDTH - _SECOND_WIDTH
        shift = -(_SECOND_WIDTH + 0.02) / 2
        self._tracks.setOpts(x=x + shift, width=first)
        self._bars.setOpts(x=x + shift, width=first)
        self._second.setOpts(x=x + shift + first / 2 + 0.02 + _SECOND_WIDTH / 2,
                             height=np.clip(np.asarray(p, dtype=float).reshape(DIGITS), 0.0, 1.0))
        self._second.setVisible(True)

    def comparison_heights(self) -> np.ndarray | None:
        """The compared model's ten bar heights as drawn (None when no comparison is on show)."""
        return np.array(self._second.opts["height"], dtype=float) if self._second.isVisible() else None

    @property
    def clickable(self) -> bool:
        return self._clickable

    @clickable.setter
    def clickable(self, on: bool) -> None:
        self._clickable = bool(on)
        self.setCursor(Qt.CursorShape.PointingHandCursor if on else Qt.CursorShape.ArrowCursor)

    def digit_at(self, x: float) -> int | None:
        """The digit whose column holds widget x coordinate ``x`` (None outside the chart)."""
        view = self.getPlotItem().vb
        scene_x = self.mapToScene(int(x), self.height() // 2).x()
        value = view.mapSceneToView(pg.Point(scene_x, 0)).x()
        digit = int(round(value))
        return digit if 0 <= digit < DIGITS and abs(value - digit) <= 0.5 else None

    def mousePressEvent(self, event) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            digit = self.digit_at(event.position().x())
            if digit is not None:
                self.digitClicked.emit(digit)
                event.accept()
                return
        super().mousePressEvent(event)

    def bar_heights(self) -> np.ndarray:
        """The ten bar heights as drawn (a copy)."""
        return np.array(self._bars.opts["height"], dtype=float)

    def bar_colors(self) -> list[QColor]:
        """The ten bars' fill colours as drawn."""
        return [QColor(brush.color()) for brush in self._bars.opts["brushes"]]

    def bar_labels(self) -> list[str]:
        """The ten percentage labels over the bars ("" when empty)."""
        return [label.toPlainText() for label in self._labels]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not hasattr(self, "_labels"):
            return   # pyqtgraph resizes during construction
        show_tiny = self._tiny_labels_fit()
        if show_tiny != self._show_tiny:
            self._show_tiny = show_tiny
            self.set_probabilities(None if self._winner is None else self._heights)

    def _tiny_labels_fit(self) -> bool:
        # In a narrow panel the "<1%" labels would run into each other: then only real values speak.
        # Measured in the language on screen ("<1%" / "<%1").
        metrics = QFontMetrics(self._label_fonts[0])
        return self.width() / DIGITS >= metrics.horizontalAdvance(percent_text(0.0)) + 6

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not hasattr(self, "_labels"):
            return
        if event.type() == QEvent.Type.PaletteChange:
            self._on_palette_change()
        elif i18n.is_language_change(event):   # "97%" / "%97": the labels again, in the new language
            self.retranslate()

    def retranslate(self) -> None:
        """The percentage labels in the current language (the digits under the bars need none)."""
        self._show_tiny = self._tiny_labels_fit()
        self.set_probabilities(None if self._winner is None else self._heights)

    def _on_palette_change(self) -> None:
        palette = self.palette()
        neutral, window = theme.neutral_bar(palette), palette.color(QPalette.ColorRole.Window)
        self._tracks.setOpts(brush=pg.mkBrush(theme.mix(neutral, window, 0.72)))
        self._plain, self._accent = pg.mkBrush(neutral), pg.mkBrush(theme.accent(palette))
        self._unsure = pg.mkBrush(theme.unsure(palette))
        self._unsure_second = pg.mkBrush(theme.mix(theme.unsure(palette), window, 0.5))
        # winner, ordinary value, "<1%": three steps of emphasis
        self.legend.setColor(theme.text(palette))
        self._label_colors = [theme.text(palette), theme.muted(palette),
                              theme.mix(theme.muted(palette), window, 0.45)]
        axis = self.getPlotItem().getAxis("bottom")
        axis.setPen(pg.mkPen(neutral))
        axis.setTextPen(pg.mkPen(theme.text(palette)))
        self.set_probabilities(None if self._winner is None else self._heights)


class _Legend(pg.TextItem):
    """Rich text in the chart naming the two compared models; ``text()`` is its HTML."""

    def __init__(self):
        super().__init__("", anchor=(0.0, 0.0))
        self._html = ""

    def setText(self, html_text: str) -> None:
        self._html = html_text
        self.setHtml(html_text)

    def text(self) -> str:
        return self._html


class InputPreview(QWidget):
    """The 28×28 image the network sees, scaled up with crisp pixels over a faint pixel grid.
    It prefers 6 screen pixels per image pixel and gives way to 4 in a narrow panel (its caption
    then takes two lines), so a small window keeps its canvas."""

    SIZE = 28
    SCALE = 6                   # 168 px: big enough to see single pixels, small beside the bars
    MIN_SCALE = 4               # 112 px

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFont(_pixel_font(self, 11))
        self._image: np.ndarray | None = None
        self._qimage: QImage | None = None
        self._overlay: np.ndarray | None = None     # saliency in -1..1, drawn over the image
        self._qoverlay: QImage | None = None
        self._line = self.fontMetrics().lineSpacing()
        self.setFixedHeight(self.SIZE * self.SCALE + 8 + 2 * self._line)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._layout_for = None
        self._rect, self._grid = QRect(), []
        self.retranslate()

    def retranslate(self) -> None:
        """The caption in the current language; the widths it needs follow its words."""
        seen = self.tr("What the network sees")
        self._caption_text = f"{seen} · 28×28"
        self._caption_lines = (seen, "28×28")
        metrics = self.fontMetrics()
        self._wide = max(self.SIZE * self.SCALE, metrics.horizontalAdvance(self._caption_text) + 4)
        self._narrow = max(self.SIZE * self.MIN_SCALE, *(metrics.horizontalAdvance(t) + 4 for t in self._caption_lines))
        self._caption = [self._caption_text]
        self._layout_for = None
        self.updateGeometry()
        self.update()

    def caption(self) -> list[str]:
        """The caption's lines as drawn at the current width."""
        self._lay_out()
        return list(self._caption)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(self._wide, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._narrow, self.height())

    @property
    def scale(self) -> int:
        """Screen pixels per image pixel at the current size."""
        return max(self.MIN_SCALE, min(self.SCALE, self.width() // self.SIZE, (self.height() - 8 - 2 * self._line) // self.SIZE))

    def pixel_rect(self) -> QRect:
        """Where the 28×28 pixels are drawn, in widget coordinates."""
        self._lay_out()
        return QRect(self._rect)

    def _lay_out(self) -> None:
        if self._layout_for == self.size():
            return
        self._layout_for = self.size()
        scale = self.scale
        side = self.SIZE * scale
        left = (self.width() - side) // 2
        self._rect = QRect(left, 0, side, side)
        steps = range(1, self.SIZE)
        self._grid = ([QLine(left + i * scale, 0, left + i * scale, side - 1) for i in steps]
                      + [QLine(left, i * scale, left + side - 1, i * scale) for i in steps])
        fits = self.fontMetrics().horizontalAdvance(self._caption_text) + 4 <= self.width()
        self._caption = [self._caption_text] if fits else list(self._caption_lines)

    def set_image(self, img: np.ndarray | None) -> None:
        """Show a 28×28 image with values 0..1 (white ink on black); None shows an empty grid."""
        if img is None:
            self._image = self._qimage = None
        else:
            self._image = np.array(img, dtype=np.float32).reshape(self.SIZE, self.SIZE)
            pixels = (np.clip(self._image, 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
            self._qimage = QImage(pixels.tobytes(), self.SIZE, self.SIZE, self.SIZE,
                                  QImage.Format.Format_Grayscale8).copy()
        self.update()

    def image(self) -> np.ndarray | None:
        """The image currently shown (None when empty)."""
        return self._image

    def set_overlay(self, values: np.ndarray | None) -> None:
        """Colour the pixels by a 28×28 map in -1..1 (saliency): positive in ``SUPPORTS``, negative
        in ``OPPOSES``, opaque as the magnitude; None removes it."""
        if values is None:
            self._overlay = self._qoverlay = None
        else:
            v = np.clip(np.asarray(values, dtype=np.float32).reshape(self.SIZE, self.SIZE), -1.0, 1.0)
            self._overlay = v
            rgba = np.zeros((self.SIZE, self.SIZE, 4), np.uint8)
            for mask, color in ((v > 0, SUPPORTS), (v < 0, OPPOSES)):
                rgba[mask, :3] = (color.red(), color.green(), color.blue())
            rgba[..., 3] = (np.sqrt(np.abs(v)) * 235 + 0.5).astype(np.uint8)   # faint values stay visible
            self._qoverlay = QImage(rgba.tobytes(), self.SIZE, self.SIZE, 4 * self.SIZE,
                                    QImage.Format.Format_RGBA8888).copy()
        self.update()

    def overlay(self) -> np.ndarray | None:
        """The saliency map on show, in -1..1 (None when off)."""
        return self._overlay

    def overlay_color(self, row: int, col: int) -> QColor | None:
        """The overlay's colour (with alpha) at an image pixel; None when no overlay is on show."""
        return None if self._qoverlay is None else self._qoverlay.pixelColor(col, row)

    def paintEvent(self, event) -> None:
        self._lay_out()
        painter = QPainter(self)
        painter.fillRect(self._rect, Qt.GlobalColor.black)
        if self._qimage is not None:
            painter.drawImage(self._rect, self._qimage)   # no smoothing: nearest-neighbour pixels
            if self._qoverlay is not None:
                painter.drawImage(self._rect, self._qoverlay)
        painter.setPen(QPen(QColor(255, 255, 255, 26), 0))
        painter.drawLines(self._grid)
        palette = self.palette()
        painter.setPen(QPen(theme.neutral_bar(palette), 0))
        painter.drawRect(self._rect.adjusted(0, 0, -1, -1))
        painter.setPen(theme.muted(palette))
        top = self._rect.bottom() + 8
        for i, line in enumerate(self._caption):
            painter.drawText(QRect(0, top + i * self._line, self.width(), self._line),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, line)
        painter.end()


class LatestJob(QObject):
    """Runs one job at a time on a ``gui.workers.Worker``; a job submitted while one runs replaces
    any waiting one (latest only: work never queues behind the pen). ``done(key, result)`` comes
    on the UI thread; the caller drops results whose key is no longer the newest."""

    done = Signal(object, object)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._name = name
        self._running: Worker | None = None
        self._pending: tuple | None = None

    def submit(self, key, fn: Callable, *args) -> None:
        self._pending = (key, fn, args)
        if self._running is None:
            self._next()

    def cancel(self) -> None:
        """Drop the waiting job (the running one finishes; its result is the caller's to ignore)."""
        self._pending = None

    def busy(self) -> bool:
        return self._running is not None or self._pending is not None

    def _next(self) -> None:
        if self._pending is None:
            return
        key, fn, args = self._pending
        self._pending = None
        worker = Worker(_keyed, key, fn, *args, name=self._name)
        worker.returned.connect(self._on_returned)
        worker.errored.connect(self._on_errored)
        worker.finished.connect(self._on_finished)
        self._running = worker
        worker.start()

    @Slot(object)
    def _on_returned(self, keyed) -> None:
        self.done.emit(*keyed)

    @Slot(str)
    def _on_errored(self, message: str) -> None:
        log.warning("%s failed: %s", self._name, message)

    @Slot()
    def _on_finished(self) -> None:
        worker, self._running = self._running, None
        if worker is not None:
            worker.wait(1000)   # its thread quits right after ``finished``
        self._next()


def _keyed(key, fn, *args):
    return key, fn(*args)


def _saliency_job(predictor, image: np.ndarray, target: int | None) -> np.ndarray:
    return saliency.occlusion(predictor, image, target).scaled()


_loaded: dict[str, object] = {}   # compared models, read once per session (NumPy: milliseconds)


def _compare_job(ref: str, image: np.ndarray) -> np.ndarray:
    predictor = _loaded.get(ref)
    if predictor is None:
        predictor = _loaded[ref] = catalogue.load(ref, backend="numpy").predictor
    return predictor.predict(image).probabilities


def compare_choices() -> list[str]:
    """The models the answer panel can compare with: the shipped ones, then the user's own."""
    names = list(COMPARE_MODELS)
    try:
        names += [p.stem for p in catalogue.user_models() if p.stem not in names]
    except OSError:
        pass
    return names


class PredictionPanel(QWidget):
    """The answer in big type with a caption, the probability bars, the input preview and a
    status line for engine state (e.g. "Loading the model…"), or else the teaching hint.

    With ``set_teaching(True)`` a click on a digit's bar emits ``digitChosen(d)``: "it was a d"
    (the window stores the drawing as a labelled sample of the user's handwriting)."""

    digitChosen = Signal(int)

    ANSWER_MIN_WIDTH = 120      # the big digit and "maybe 4 or 9" fit; the preview sits beside

    # In number mode (``set_number_mode``) ``show_number`` shows a whole NumberReading: the number
    # big, a caption about all its digits, and the bars and the 28×28 image of the selected digit.

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._prediction: Prediction | None = None
        self._status: str | None = None
        self._hint: str | Callable[[], str] | None = None   # the teaching hint, below the bars, when no status
        self._state = ""
        self._number_mode = False
        self._reading = None                 # the NumberReading on show (number mode)
        self._selected: int | None = None    # the digit of it whose bars are shown

        self.digit_label = QLabel(PLACEHOLDER, alignment=Qt.AlignmentFlag.AlignCenter)
        self.digit_label.setFont(_pixel_font(self, _BIG_PIXELS, bold=True))
        self.digit_label.setFixedHeight(self.digit_label.fontMetrics().height())
        self.caption_label = FittingCaption(empty_caption(), pixels=17, min_pixels=12)
        self.bars = ProbabilityBars()
        self.bars.digitClicked.connect(self._on_digit_clicked)
        self.preview = InputPreview()
        # No size here depends on the text shown: an answer appearing mid-stroke must never move
        # the canvas beside it. The caption keeps room for two lines (a long engine message wraps,
        # in a smaller type when two lines of 17 px are not enough); the hint line under the bars
        # steps down to 10 px when a long one (or its translation) does not fit a narrow panel.
        self.status_label = FittingCaption("", pixels=12, min_pixels=10, lines=1)
        self.digit_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        # Which pixels mattered (an overlay on the preview) and a second model's bars, both
        # computed off the UI thread, latest request only.
        self._model_source: Callable[[], tuple] | None = None
        self._saliency_key = self._compare_key = 0
        self._saliency_job = LatestJob("saliency", self)
        self._saliency_job.done.connect(self._on_saliency)
        self._compare_job = LatestJob("compare-model", self)
        self._compare_job.done.connect(self._on_compared)
        self.saliency_box = QCheckBox()
        self.saliency_box.setChecked(QSettings().value(SALIENCY_KEY, False, bool))
        self.saliency_box.toggled.connect(self._on_saliency_toggled)
        self.target_combo = QComboBox()
        self.target_combo.addItem("", None)
        for d in range(DIGITS):
            self.target_combo.addItem(self.tr("for {digit}").format(digit=d), d)
        self.target_combo.currentIndexChanged.connect(lambda _: self._request_saliency())
        self.compare_combo = QComboBox()
        self.compare_combo.addItem("", None)
        for name in compare_choices():
            self.compare_combo.addItem(name, name)
        self.compare_combo.currentIndexChanged.connect(lambda _: self._on_compare_chosen())
        self.legend_label = self.bars.legend      # drawn in the chart's headroom, top left
        small = _pixel_font(self, 12)
        for w in (self.saliency_box, self.target_combo, self.compare_combo):
            w.setFont(small)
        for combo in (self.target_combo, self.compare_combo):   # they give way in a narrow panel
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(3)

        # The answer and what the network saw side by side, the ten probabilities below them:
        # the panel stays readable in the ~450 px of height a window beside the visualizer leaves.
        answer_box = QWidget()
        answer_box.setMinimumWidth(self.ANSWER_MIN_WIDTH)
        answer = QVBoxLayout(answer_box)
        answer.setContentsMargins(0, 0, 0, 0)
        answer.setSpacing(0)
        answer.addStretch(1)
        answer.addWidget(self.digit_label)
        answer.addWidget(self.caption_label)
        answer.addStretch(1)
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(answer_box, 1)
        head.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addSpacing(4)
        explain = QHBoxLayout()     # one row: the window's smallest size has no room for two
        explain.setSpacing(4)
        explain.addWidget(self.saliency_box, 0)
        explain.addWidget(self.target_combo, 2)
        explain.addWidget(self.compare_combo, 2)
        layout.addLayout(explain)
        layout.addSpacing(6)
        layout.addWidget(self.bars, 1)
        layout.addSpacing(6)
        layout.addWidget(self.status_label)
        self.show_prediction(None)
        self.retranslate()

    def retranslate(self) -> None:
        """The words on show again, in the current language, from what is on show: the caption of
        the last prediction, the teaching tooltip, the hint (the engine status is the window's: it
        sets it again in its own language)."""
        big, caption = describe(self._prediction)
        if self._number_mode:
            big, caption, _ = describe_number(self._reading)
        self._set_big(big)
        self.caption_label.setText(self._status if self._prediction is None and self._status else caption)
        self.bars.setToolTip(self.tr("Click the digit you meant to keep this drawing (Ctrl+0 … Ctrl+9)")
                             if self.bars.clickable else "")
        self.saliency_box.setText(self.tr("Which pixels mattered"))
        self.saliency_box.setToolTip(self.tr("Colour the pixels the network used: orange speaks for the digit, "
                                             "blue against it (each square covered in turn)"))
        self.target_combo.setToolTip(self.tr("Which digit to explain: the answer, or any digit (“why not 4?”)"))
        self.compare_combo.setItemText(0, self.tr("Compare…"))
        for d in range(DIGITS):
            self.target_combo.setItemText(d + 1, self.tr("for {digit}").format(digit=d))
        self.compare_combo.setToolTip(self.tr("Show a second model's bars beside this one's, for the same drawing"))
        self._update_target_item()
        self._update_legend()
        self._show_status()

    def show_prediction(self, prediction: Prediction | None) -> None:
        """Show a prediction, or the empty state (placeholder, "Draw a digit", no bars) for None."""
        self._prediction = prediction
        big, caption = describe(prediction)
        self._show(big, caption, _state_of(prediction), prediction)

    def _show(self, big: str, caption: str, state: str, prediction: Prediction | None) -> None:
        self._set_big(big)
        self.caption_label.setText(self._status if state == "empty" and self._status else caption)
        if state != self._state:
            self._state = state
            self._apply_colors()
        self.bars.set_probabilities(None if prediction is None else prediction.probabilities)
        self.preview.set_image(None if prediction is None else prediction.image)
        self._show_status()
        if hasattr(self, "saliency_box"):   # not during construction
            self._update_target_item()
            self._request_saliency()
            self._request_comparison()

    # ----- which pixels mattered, compare models ----------------------------------------------
    def set_model_source(self, source: Callable[[], tuple] | None) -> None:
        """Where the saliency and the legend get the model on show: ``source()`` gives
        (predictor, name) or (None, ""). By default the panel asks its window's ``recognizer``."""
        self._model_source = source
        self._update_legend()

    def _model(self) -> tuple:
        if self._model_source is not None:
            return self._model_source()
        recognizer = getattr(self.window(), "recognizer", None)
        loaded = getattr(recognizer, "model", None)
        if loaded is None:
            return None, ""
        return loaded.predictor, loaded.ref or str(loaded.label)

    def saliency_on(self) -> bool:
        return self.saliency_box.isChecked()

    def saliency_target(self) -> int | None:
        """The digit chosen in "for:" (None: the answer)."""
        return self.target_combo.currentData()

    def set_saliency_target(self, digit: int | None) -> None:
        self.target_combo.setCurrentIndex(0 if digit is None else int(digit) + 1)

    def saliency_pending(self) -> bool:
        """True while a saliency map is being computed or waits to be."""
        return self._saliency_job.busy()

    def _on_saliency_toggled(self, on: bool) -> None:
        QSettings().setValue(SALIENCY_KEY, bool(on))
        self._request_saliency()

    def _update_target_item(self) -> None:
        p = self._prediction
        text = (self.tr("for {digit} ✓").format(digit=p.digit) if p is not None   # ✓: the answer (see the tooltip)
                else self.tr("for the answer"))
        self.target_combo.setItemText(0, text)

    def _request_saliency(self) -> None:
        self._saliency_key += 1
        prediction = self._prediction
        predictor, _ = self._model() if prediction is not None and self.saliency_on() else (None, "")
        if predictor is None or not hasattr(predictor, "logits_batch"):
            self._saliency_job.cancel()
            self.preview.set_overlay(None)
            return
        self._saliency_job.submit(self._saliency_key, _saliency_job, predictor,
                                  np.array(prediction.image, np.float32), self.saliency_target())

    @Slot(object, object)
    def _on_saliency(self, key, values) -> None:
        if key == self._saliency_key and self.saliency_on() and self._prediction is not None:
            self.preview.set_overlay(values)

    def compared_model(self) -> str | None:
        """The model chosen in "Compare with" (None: none)."""
        return self.compare_combo.currentData()

    def set_compared_model(self, ref: str | None) -> None:
        """Choose the model to compare with (added to the list if it is not there)."""
        index = 0 if ref is None else self.compare_combo.findData(ref)
        if index < 0:
            self.compare_combo.addItem(ref, ref)
            index = self.compare_combo.count() - 1
        self.compare_combo.setCurrentIndex(index)

    def comparison_pending(self) -> bool:
        return self._compare_job.busy()

    def _on_compare_chosen(self) -> None:
        self.bars.set_comparison(None)
        self._update_legend()
        self._request_comparison()

    def _request_comparison(self) -> None:
        self._compare_key += 1
        ref, prediction = self.compared_model(), self._prediction
        if ref is None or prediction is None:
            self._compare_job.cancel()
            self.bars.set_comparison(None)
            return
        self._update_legend()
        self._compare_job.submit(self._compare_key, _compare_job, ref, np.array(prediction.image, np.float32))

    @Slot(object, object)
    def _on_compared(self, key, probabilities) -> None:
        if key == self._compare_key and self.compared_model() is not None and self._prediction is not None:
            self.bars.set_comparison(probabilities)

    def _update_legend(self) -> None:
        ref = self.compared_model() if hasattr(self, "compare_combo") else None
        if ref is None:
            self.legend_label.setText("")
            return
        _, first = self._model()
        first_color = theme.accent(self.palette()).name()

        def swatch(color: str, name: str) -> str:
            return f'<span style="color:{color}">&#9632;</span>&nbsp;{html.escape(name)}'

        self.legend_label.setText(swatch(first_color, first or self.tr("this model")) + "&nbsp;&nbsp; "
                                  + swatch(SECOND_MODEL.name(), ref))

    # ----- number mode -----------------------------------------------------------------------
    def set_number_mode(self, on: bool) -> None:
        """Show whole numbers (``show_number``) or, off, single digits as before; either way the
        panel starts empty."""
        self._number_mode = bool(on)
        self._reading, self._selected = None, None
        if self._number_mode:
            self.show_number(None)
        else:
            self.show_prediction(None)

    def number_mode(self) -> bool:
        return self._number_mode

    def show_number(self, reading, selected: int | None = None) -> None:
        """Show an ``engine.numbers.NumberReading`` (None: nothing written): the number big, a
        caption about its digits, the bars and the image of digit ``selected`` (default the last)."""
        digits = reading.digits if reading is not None else ()
        self._reading = reading if digits else None
        if not digits:
            selected = None
        elif selected is None or not 0 <= selected < len(digits):
            selected = len(digits) - 1
        self._selected = selected
        self._prediction = digits[selected].prediction if digits else None
        big, caption, state = describe_number(self._reading)
        self._show(big, caption, state, self._prediction)

    def select_digit(self, index: int) -> None:
        """Show digit ``index``'s bars and image (the number and its caption stay)."""
        if self._reading is not None and 0 <= index < len(self._reading.digits) and index != self._selected:
            self.show_number(self._reading, index)

    def number_reading(self):
        """The NumberReading on show (None: none, or not in number mode)."""
        return self._reading

    def selected_digit(self) -> int | None:
        """Which digit of the number the bars show (None when no number is on show)."""
        return self._selected

    def _number_hint(self) -> str:
        if self._reading is None or len(self._reading.digits) < 2:
            return ""
        return self.tr("Digit {position} of {count} · point at a box to see another").format(
            position=i18n.integer(self._selected + 1), count=i18n.integer(len(self._reading.digits)))

    def _set_big(self, text: str) -> None:
        """The answer's big text, in the biggest type (up to 112 px) that fits the label's width:
        one digit always has its full size; a long number steps down rather than being cut off."""
        self.digit_label.setText(text)
        self._fit_big()

    def _fit_big(self) -> None:
        label = self.digit_label
        pixels = _BIG_PIXELS
        room = label.contentsRect().width() - 4
        if room > 0:
            width = QFontMetrics(_pixel_font(self, _BIG_PIXELS, bold=True)).horizontalAdvance(label.text())
            if width > room:
                pixels = max(_MIN_BIG_PIXELS, int(_BIG_PIXELS * room / width))
        if label.font().pixelSize() != pixels:
            label.setFont(_pixel_font(self, pixels, bold=True))   # the label's height stays fixed

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_big()

    def set_status(self, text: str | None) -> None:
        """Show the engine's state (e.g. "Loading TensorFlow…"); None or "" clears it."""
        self._status = text or None
        if self._prediction is None:
            self.caption_label.setText(self._status or (write_number_caption() if self._number_mode
                                                         else empty_caption()))
        self._show_status()

    def set_teaching(self, on: bool) -> None:
        """Let a click on a digit's bar say what the drawing really was."""
        self.bars.clickable = on
        self.retranslate()

    def set_hint(self, text: str | Callable[[], str] | None) -> None:
        """The line under the bars while a drawing is on show and no engine status is (e.g. how
        many of your drawings are kept). A callable is asked for the text now and again whenever
        the language changes, so the hint follows the language by itself; plain text is shown as
        given (the caller sets it again on a language change)."""
        self._hint = text or None
        self._show_status()

    def hint(self) -> str:
        """The hint's text in the current language ("" when none)."""
        return (self._hint() if callable(self._hint) else self._hint) or ""

    def _on_digit_clicked(self, digit: int) -> None:
        if self._prediction is not None:
            self.digitChosen.emit(digit)

    def prediction(self) -> Prediction | None:
        """The prediction on show (None in the empty state)."""
        return self._prediction

    def is_unsure(self) -> bool:
        """True while the answer on show is styled as a guess."""
        return self._state == "unsure"

    def is_not_a_digit(self) -> bool:
        """True while the panel says the drawing does not look like a digit."""
        return self._state == "not a digit"

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._on_palette_change()
        elif i18n.is_language_change(event):
            self.retranslate()

    def _on_palette_change(self) -> None:
        if getattr(self, "_state", ""):   # not during construction
            self._apply_colors()

    def _show_status(self) -> None:
        # With an empty canvas the caption already says it; do not repeat it below.
        in_caption = self._prediction is None
        hint = self._number_hint() if self._number_mode else self.hint()
        self.status_label.setText("" if in_caption else self._status or hint)

    def _apply_colors(self) -> None:
        palette = self.palette()
        digit, caption = {
            "empty": (theme.mix(theme.muted(palette), palette.color(QPalette.ColorRole.Window), 0.55),
                      theme.muted(palette)),
            "unsure": (theme.unsure(palette), theme.unsure(palette)),
            "not a digit": (theme.unsure(palette), theme.text(palette)),
            "sure": (theme.text(palette), theme.muted(palette)),
        }[self._state]
        for label, color in ((self.digit_label, digit), (self.caption_label, caption),
                             (self.status_label, theme.muted(palette))):
            label_palette = QPalette()        # only WindowText is ours; the rest is inherited
            label_palette.setColor(QPalette.ColorRole.WindowText, color)
            label.setPalette(label_palette)

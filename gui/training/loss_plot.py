"""The live loss plot of a training run: every batch's loss (raw and smoothed), and the
validation loss and accuracy after each epoch, against an x axis in epochs.

Built for long runs: the four curves are created once, data goes into preallocated numpy
buffers that grow by doubling, each curve gets ``setData`` with views of its buffers (no
copies), redraws are coalesced to at most ``MAX_FPS`` a second, and the batch curves draw
only what is in view, peak-downsampled to the plot's width.

Its words (legend, axis labels) and tick numbers follow the language ("0,5", "%80" in Turkish):
pyqtgraph's items are no QObjects, so the plot retranslates them on LanguageChange.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QGraphicsItem, QWidget

from gui import i18n, theme

MAX_FPS = 30
_GREEN = ("#15803d", "#4ade80")   # validation accuracy (light, dark palette)


def _finite_max(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.max()) if len(finite) else 0.0


class _Series:
    """x/y values in a numpy buffer that doubles when full; ``view()`` is the filled part."""

    def __init__(self, capacity: int = 1024):
        self._xy = np.empty((2, capacity), dtype=np.float64)
        self.n = 0

    def clear(self) -> None:
        self.n = 0

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        k = len(x)
        if self.n + k > self._xy.shape[1]:
            grown = np.empty((2, max(2 * self._xy.shape[1], self.n + k)), dtype=np.float64)
            grown[:, :self.n] = self._xy[:, :self.n]
            self._xy = grown
        self._xy[0, self.n:self.n + k] = x
        self._xy[1, self.n:self.n + k] = y
        self.n += k

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        return self._xy[0, :self.n], self._xy[1, :self.n]

    @property
    def capacity(self) -> int:
        return self._xy.shape[1]


class _NumberAxis(pg.AxisItem):
    """An axis whose tick numbers are written the language's way ("0.5" / "0,5")."""

    def tickStrings(self, values, scale, spacing):
        if self.logMode or spacing * scale <= 0:
            return super().tickStrings(values, scale, spacing)
        places = max(0, math.ceil(-math.log10(spacing * scale)))
        strings = []
        for v in values:
            vs = v * scale
            strings.append(f"{vs:g}" if abs(vs) < .001 or abs(vs) >= 10000 else i18n.number(vs, places))
        return strings


class _PercentAxis(pg.AxisItem):
    """The accuracy axis: 0..1 shown as "80%" ("%80" in Turkish)."""

    def tickStrings(self, values, scale, spacing):
        return [i18n.percent(v, 0) for v in values]


class _Sample(ItemSample):
    """A legend swatch drawn from the curve's own style: pyqtgraph's reads the symbols' style from
    the curve's scatter item, which only gets it with the first data (an empty curve shows a grey box)."""

    def paint(self, painter, *args):
        if not self.item.isVisible():
            return super().paint(painter, *args)
        opts = self.item.opts
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setPen(pg.mkPen(opts["pen"]))
        painter.drawLine(0, 11, 20, 11)
        if opts.get("symbol") is not None:
            painter.translate(QPointF(10, 11))   # (one argument: not mistaken for a translation call)
            drawSymbol(painter, opts["symbol"], opts["symbolSize"], pg.mkPen(opts["symbolPen"]),
                       pg.mkBrush(opts["symbolBrush"]))


class LossPlot(pg.PlotWidget):
    """Training loss per batch (raw, faint; smoothed, bold), validation loss per epoch (left axis)
    and validation accuracy per epoch (right axis, 0..1), x in epochs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background=None, axisItems={
            "right": _PercentAxis("right"), "bottom": _NumberAxis("bottom"), "left": _NumberAxis("left")})
        self.setMinimumHeight(140)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=True, y=True, alpha=0.1)
        item.layout.setContentsMargins(0, 0, 4, 0)
        font = QFont(self.font())
        font.setPixelSize(11)
        self._font = font

        # Accuracy lives in its own view on the right axis, linked to the loss view's x range.
        self.acc_view = pg.ViewBox(enableMenu=False)
        self.acc_view.setMouseEnabled(x=False, y=False)
        item.showAxis("right")
        item.scene().addItem(self.acc_view)
        item.getAxis("right").linkToView(self.acc_view)
        self.acc_view.setXLink(item)
        self.acc_view.disableAutoRange()
        self.acc_view.setYRange(0.0, 1.0, padding=0.02)
        item.vb.sigResized.connect(self._sync_views)

        self.raw_curve = pg.PlotDataItem(name="")   # the names: retranslate()
        self.smooth_curve = pg.PlotDataItem(name="")
        self.val_loss_curve = pg.PlotDataItem(name="", symbol="o", symbolSize=7)
        self.val_acc_curve = pg.PlotDataItem(name="", symbol="s", symbolSize=6)
        item.addItem(self.raw_curve)
        item.addItem(self.smooth_curve)
        item.addItem(self.val_loss_curve)
        self.acc_view.addItem(self.val_acc_curve)
        # After addItem, which imposes the PlotItem's own (off) clipping and downsampling. At most
        # ~1 sample per pixel column (pyqtgraph's default is 5): the raw curve keeps each column's
        # min and max ("peak"), the smoothed one its mean; both look as with every point, and a
        # frame costs the same after 50 epochs as after one.
        for curve, method in ((self.raw_curve, "peak"), (self.smooth_curve, "mean")):
            curve.opts["autoDownsampleFactor"] = 1.0
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method=method)

        # The legend sits in the plot's title row, above the data: it never hides a curve.
        self.legend = pg.LegendItem(colCount=4, horSpacing=6, labelTextSize="8pt", sampleType=_Sample)
        item.layout.removeItem(item.titleLabel)
        item.titleLabel.setVisible(False)
        item.layout.addItem(self.legend, 0, 0, 1, 3)
        item.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignHCenter)

        for side in ("bottom", "left", "right"):
            axis = item.getAxis(side)
            # An axis (with its grid lines) changes only when its range does: redraw it from a
            # pixmap, not by replaying its text and lines ~30 times a second (~1 ms each).
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            axis.setTickFont(font)
            axis.label.setFont(font)
        item.getAxis("right").setTickSpacing(0.2, 0.1)
        item.getAxis("right").setWidth(46)
        item.getAxis("left").setWidth(46)
        item.vb.disableAutoRange(axis=pg.ViewBox.YAxis)  # 0..top, set in flush(): loss falls toward 0

        self._raw, self._smooth = _Series(), _Series()
        self._val_loss, self._val_acc = _Series(64), _Series(64)
        self._ema = 0.0
        self._ema_count = 0
        self._alpha = 0.1
        self._epochs = 1
        self._dirty = False
        self._top = 0.0
        self._shown_top = -1.0
        self._redraw = QTimer(self, singleShot=True, interval=int(1000 / MAX_FPS), timeout=self.flush)
        self.draws = 0  # redraws done (tests, benchmarks)
        self.retranslate()
        self._on_palette_change()
        self.reset()

    # ----- words ----------------------------------------------------------------------------------
    def curve_names(self) -> dict[str, str]:
        """The legend's name of each curve, in the current language."""
        return {"raw": self.tr("batch loss"), "smoothed": self.tr("smoothed"),
                "val_loss": self.tr("val loss"), "val_accuracy": self.tr("val acc")}

    def axis_labels(self) -> dict[str, str]:
        return {"bottom": self.tr("epoch"), "left": self.tr("loss"), "right": self.tr("val accuracy")}

    def retranslate(self) -> None:
        """The legend, the axis labels and the tick numbers in the current language."""
        names = self.curve_names()
        curves = {"raw": self.raw_curve, "smoothed": self.smooth_curve, "val_loss": self.val_loss_curve,
                  "val_accuracy": self.val_acc_curve}
        for key, curve in curves.items():
            curve.opts["name"] = names[key]
        if not self.legend.items:
            for curve in curves.values():
                self.legend.addItem(curve, curve.name())
        else:
            for sample, label in self.legend.items:
                label.setText(sample.item.name())
            self.legend.updateSize()
        item = self.getPlotItem()
        for side, text in self.axis_labels().items():
            axis = item.getAxis(side)
            axis.setLabel(text)
            axis.picture = None   # the tick numbers are written again
            axis.update()
        self._fit_legend()

    def _fit_legend(self) -> None:
        """The legend in one row of four where its names fit the plot's width, else two rows of two."""
        legend = self.legend
        if not legend.items:
            return
        spacing = legend.layout.horizontalSpacing()
        needed = sum(sample.boundingRect().width() + label.item.boundingRect().width() + 2 * spacing
                     for sample, label in legend.items)
        columns = 4 if needed <= self.width() - 8 else 2
        if columns != legend.columnCount:
            legend.setColumnCount(columns)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "legend"):
            self._fit_legend()

    # ----- data ---------------------------------------------------------------------------------
    def reset(self, epochs: int = 1, steps_per_epoch: int = 100) -> None:
        """Empty the plot for a new run of ``epochs`` epochs (fixes the x axis at 0..epochs)."""
        for series in (self._raw, self._smooth, self._val_loss, self._val_acc):
            series.clear()
        self._epochs = max(1, int(epochs))
        # EMA span ≈ a tenth of an epoch (at least 2 and at most 20 batches): smooth, not laggy.
        span = min(20.0, max(2.0, steps_per_epoch / 10))
        self._alpha = 2.0 / (span + 1.0)
        self._ema, self._ema_count = 0.0, 0
        self._top = 0.0
        item = self.getPlotItem()
        item.vb.setXRange(0.0, float(self._epochs), padding=0.02)
        item.getAxis("bottom").setTickSpacing(*self._epoch_ticks(self._epochs))
        self.flush()

    def add_batches(self, positions: np.ndarray, losses: np.ndarray) -> None:
        """Append batch losses at x = ``positions`` (in epochs); redrawn at most MAX_FPS a second."""
        positions = np.asarray(positions, dtype=np.float64)
        losses = np.asarray(losses, dtype=np.float64)
        if len(losses) == 0:
            return
        smoothed = np.empty_like(losses)
        ema, count, a = self._ema, self._ema_count, self._alpha
        for i, loss in enumerate(losses.tolist()):  # a few values per report: a plain loop is fine
            if math.isfinite(loss):
                ema += a * (loss - ema)
                count += 1
            # Debiased like Adam's moments, so the curve starts at the first loss, not at 0.
            smoothed[i] = ema / (1.0 - (1.0 - a) ** count) if count else math.nan
        self._ema, self._ema_count = ema, count
        self._top = max(self._top, _finite_max(smoothed))
        self._raw.extend(positions, losses)
        self._smooth.extend(positions, smoothed)
        self._schedule()

    def add_epoch(self, epoch_end: float, val_loss: float, val_accuracy: float) -> None:
        """One point per epoch at x = ``epoch_end`` (1 after the first epoch)."""
        self._top = max(self._top, _finite_max(np.array([val_loss])))
        self._val_loss.extend(np.array([epoch_end]), np.array([val_loss]))
        self._val_acc.extend(np.array([epoch_end]), np.array([val_accuracy]))
        self._schedule()

    def flush(self) -> None:
        """Hand the buffers to the curves now (normally done by the coalescing timer)."""
        self._redraw.stop()
        self._dirty = False
        for curve, series in ((self.raw_curve, self._raw), (self.smooth_curve, self._smooth),
                              (self.val_loss_curve, self._val_loss), (self.val_acc_curve, self._val_acc)):
            x, y = series.view()
            curve.setData(x, y, connect="finite")
        top = 1.1 * self._top if self._top > 0 else 2.5
        if top != self._shown_top:
            self._shown_top = top
            self.getPlotItem().vb.setYRange(0.0, top, padding=0)
        self.draws += 1

    def curve_lengths(self) -> dict[str, int]:
        """Points each curve holds, as drawn (after the last flush)."""
        def length(curve):
            y = curve.getOriginalDataset()[1]
            return 0 if y is None else len(y)

        return {"raw": length(self.raw_curve), "smoothed": length(self.smooth_curve),
                "val_loss": length(self.val_loss_curve), "val_accuracy": length(self.val_acc_curve)}

    def smoothed_losses(self) -> np.ndarray:
        return self._smooth.view()[1].copy()

    # ----- internals ------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._dirty = True
        if not self._redraw.isActive():
            self._redraw.start()

    @staticmethod
    def _epoch_ticks(epochs: int) -> tuple[float, float]:
        major = 1.0 if epochs <= 10 else 2.0 if epochs <= 20 else 5.0 if epochs <= 50 else 10.0
        return major, major / 2 if epochs <= 4 else major

    def _sync_views(self) -> None:
        vb = self.getPlotItem().vb
        self.acc_view.setGeometry(vb.sceneBoundingRect())
        self.acc_view.linkedViewChanged(vb, self.acc_view.XAxis)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event) and hasattr(self, "legend"):
            self.retranslate()
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend"):
            self._on_palette_change()

    def _on_palette_change(self) -> None:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        dark = theme.is_dark(palette)
        blue, orange, green = theme.accent(palette), theme.unsure(palette), QColor(_GREEN[dark])
        faint = theme.mix(blue, theme.muted(palette), 0.35)  # a quieter blue than the smoothed line
        faint.setAlphaF(0.3 if dark else 0.22)
        self.raw_curve.setPen(pg.mkPen(faint, width=1))
        self.smooth_curve.setPen(pg.mkPen(blue, width=2.4))
        self.val_loss_curve.setPen(pg.mkPen(orange, width=2))
        self.val_loss_curve.setSymbolBrush(pg.mkBrush(orange))
        self.val_loss_curve.setSymbolPen(pg.mkPen(window, width=1.5))
        self.val_acc_curve.setPen(pg.mkPen(green, width=2, style=Qt.PenStyle.DashLine))
        self.val_acc_curve.setSymbolBrush(pg.mkBrush(green))
        self.val_acc_curve.setSymbolPen(pg.mkPen(window, width=1.5))
        axis_pen = pg.mkPen(theme.neutral_bar(palette))
        text_pen = pg.mkPen(theme.muted(palette))
        item = self.getPlotItem()
        for side in ("bottom", "left", "right"):
            axis = item.getAxis(side)
            axis.setPen(axis_pen)
            axis.setTextPen(text_pen)
        item.getAxis("right").setTextPen(pg.mkPen(green))
        self.legend.setLabelTextColor(theme.text(palette))

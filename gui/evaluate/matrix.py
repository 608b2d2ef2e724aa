"""The clickable confusion matrix: a pyqtgraph ImageItem coloured by count (or by row share), each
cell's number written in it, rows the true digits, columns the predictions."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from gui import i18n
from gui.theme import accent, is_dark, mix


class CellImage(pg.ImageItem):
    """The matrix's image; a click on a cell says which (row = true, column = predicted)."""

    cellClicked = Signal(int, int)

    def mouseClickEvent(self, ev) -> None:
        pos = ev.pos()
        col, row = int(np.floor(pos.x())), int(np.floor(pos.y()))
        if 0 <= row < 10 and 0 <= col < 10:
            ev.accept()
            self.cellClicked.emit(row, col)
        else:
            ev.ignore()


class ConfusionPlot(pg.PlotWidget):
    """Ten by ten cells; ``show_counts(counts, normalised)`` paints them, ``cellClicked(row, col)`` reports a click."""

    cellClicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(260, 240)
        plot = self.getPlotItem()
        plot.setMouseEnabled(False, False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        view = plot.getViewBox()
        view.invertY(True)
        view.setAspectLocked(True)
        view.setRange(xRange=(0, 10), yRange=(0, 10), padding=0.02)
        self.image = CellImage(axisOrder="row-major")
        self.image.setRect(QRectF(0, 0, 10, 10))
        self.image.cellClicked.connect(self.cellClicked)
        plot.addItem(self.image)
        ticks = [[(d + 0.5, str(d)) for d in range(10)]]
        for name in ("left", "bottom"):
            plot.getAxis(name).setTicks(ticks)
        plot.showAxis("top")
        plot.getAxis("top").setTicks(ticks)
        plot.getAxis("top").setStyle(showValues=False)
        self._texts = []
        for r in range(10):
            for c in range(10):
                text = pg.TextItem("", anchor=(0.5, 0.5))
                text.setPos(c + 0.5, r + 0.5)
                plot.addItem(text)
                self._texts.append(text)
        self._frame = QGraphicsRectItem(0, 0, 1, 1)
        self._frame.setVisible(False)
        plot.addItem(self._frame)
        self._values = np.zeros((10, 10))
        self._normalised = False
        self.show_counts(None)

    def set_axis_titles(self, true_title: str, predicted_title: str) -> None:
        plot = self.getPlotItem()
        plot.setLabel("left", true_title)
        plot.setLabel("bottom", predicted_title)

    def values(self) -> np.ndarray:
        """What the cells say: counts, or row percentages (0..100) when normalised."""
        return self._values.copy()

    def cell_text(self, row: int, col: int) -> str:
        return self._texts[row * 10 + col].toPlainText()

    def show_counts(self, counts: np.ndarray | None, normalised: bool = False) -> None:
        palette = self.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Window))
        for name in ("left", "bottom", "top"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(palette.color(QPalette.ColorRole.Mid))
            axis.setTextPen(palette.color(QPalette.ColorRole.WindowText))
        paper = palette.color(QPalette.ColorRole.Base)
        ink = accent(palette)
        if counts is None:
            counts = np.zeros((10, 10), np.int64)
        counts = np.asarray(counts)
        totals = counts.sum(axis=1, keepdims=True)
        if normalised:
            values = np.divide(100.0 * counts, totals, out=np.zeros((10, 10)), where=totals > 0)
            shade = values / 100.0
        else:
            values = counts.astype(float)
            top = max(1.0, float(counts.max()))
            shade = np.sqrt(values / top)     # square root: the few mistakes show beside the large diagonal
        self._values, self._normalised = values, normalised
        lut = np.array([[*mix(paper, ink, t).getRgb()[:3], 255] for t in np.linspace(0, 1, 256)], np.uint8)
        self.image.setImage(shade, levels=(0.0, 1.0), lut=lut, autoLevels=False)
        self.image.setRect(QRectF(0, 0, 10, 10))
        light, dark = QColor("#ffffff"), QColor("#1a1c20")
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        for r in range(10):
            for c in range(10):
                item = self._texts[r * 10 + c]
                v = values[r, c]
                if normalised:
                    text = "" if totals[r, 0] == 0 else (i18n.number(v, 0) if v >= 1 or v == 0 else "<1")
                else:
                    text = i18n.integer(int(v))
                item.setText(text, color=light if shade[r, c] > 0.55 else (dark if not is_dark(palette) else light))
                item.setFont(font)

    def select(self, row: int | None, col: int | None = None) -> None:
        """Frame the chosen cell (None: no frame)."""
        if row is None:
            self._frame.setVisible(False)
            return
        self._frame.setRect(col, row, 1, 1)
        pen = QPen(QColor("#e8590c"), 3)
        pen.setCosmetic(True)
        self._frame.setPen(pen)
        self._frame.setVisible(True)

    def cell_scene_pos(self, row: int, col: int):
        """The centre of a cell in scene coordinates (tests click there)."""
        return self.image.mapToScene(pg.Point(col + 0.5, row + 0.5))

"""My handwriting: every drawing you kept, per digit, as thumbnails drawn from its strokes, with
what the current model reads in it; relabel, delete, import and export (PNGs + labels.csv), and
the way into adapting the model to your hand.

The view binds to one ``HandwritingCollector`` (its store) and reads the current model's answers
through a callable the window gives it (``set_reader``: images → probabilities), so no engine
object lives here beyond the store's plain ``Sample`` records.
"""
from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPainter, QPainterPath, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListView, QListWidget,
                               QListWidgetItem, QMenu, QMessageBox, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from gui import i18n, theme
from gui.handwriting.collector import HandwritingCollector

log = logging.getLogger("digit_studio")
THUMB = 64
ALL = -1


def thumbnail(sample, size: int = THUMB, ink: QColor | None = None, paper: QColor | None = None) -> QPixmap:
    """The sample drawn from its strokes (as on the canvas: dark ink on light paper), or from its
    28×28 image when it has none (an imported PNG)."""
    ink = ink or QColor(30, 30, 34)
    paper = paper or QColor(250, 250, 250)
    pixmap = QPixmap(size, size)
    pixmap.fill(paper)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if sample.strokes:
        for stroke in sample.strokes:
            points = stroke.get("points") or []
            if not points:
                continue
            pen = QPen(paper if stroke.get("erase") else ink, max(1.5, float(stroke.get("width", 0.04)) * size))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            if len(points) == 1:
                painter.drawPoint(QPointF(points[0][0] * size, points[0][1] * size))
                continue
            path = QPainterPath(QPointF(points[0][0] * size, points[0][1] * size))
            for x, y in points[1:]:
                path.lineTo(QPointF(x * size, y * size))
            painter.drawPath(path)
    else:
        gray = 255 - np.ascontiguousarray(sample.image, dtype=np.uint8)   # white ink → dark ink
        image = QImage(gray.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        painter.drawImage(pixmap.rect(), image)
    painter.end()
    return pixmap


class HandwritingView(QWidget):
    """The gallery of kept drawings; ``adaptRequested`` when the user asks to adapt the model."""

    adaptRequested = Signal()
    openRequested = Signal(object)     # a Sample to show on the canvas

    def __init__(self, collector: HandwritingCollector, parent: QWidget | None = None):
        super().__init__(parent)
        self.collector = collector
        self._reader = None            # images (n,28,28) float 0..1 → probabilities (n,10)
        self._reader_label = ""
        self._samples = []
        self._answers: dict[int, int] = {}   # sample id → the current model's digit

        self.title = QLabel()
        font = self.title.font()
        font.setPixelSize(17)
        font.setBold(True)
        self.title.setFont(font)
        self.counts_label = QLabel("")
        self.counts_label.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for d in (ALL, *range(10)):
            self.filter.addItem("", d)       # the words come with retranslate
        self.filter.currentIndexChanged.connect(self.refresh)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 26, THUMB + 38))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.list.itemDoubleClicked.connect(self._on_double_clicked)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_selected)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.relabel_button = QPushButton()
        self.relabel_menu = QMenu(self.relabel_button)
        self.relabel_actions = [self.relabel_menu.addAction("", lambda d=d: self.relabel_selected(d))
                                for d in range(10)]
        self.relabel_button.setMenu(self.relabel_menu)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._on_import)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._on_export)
        self.adapt_button = QPushButton()
        self.adapt_button.clicked.connect(self.adaptRequested)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.filter)
        edit = QHBoxLayout()
        for button in (self.relabel_button, self.delete_button):
            edit.addWidget(button)
        edit.addStretch(1)
        for button in (self.import_button, self.export_button):
            edit.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addLayout(head)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(edit)
        layout.addWidget(self.adapt_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        collector.changed.connect(self.refresh)
        self._stale = True
        self.list.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the view in the current language; the counts, captions and tool tips of
        the drawings are made again by ``refresh`` (now if shown, else when next shown)."""
        self.title.setText(self.tr("My handwriting"))
        self.filter.setItemText(0, self.tr("All digits"))
        for d in range(10):
            self.filter.setItemText(d + 1, self.tr("Only {digit}s").format(digit=d))
        self.empty_label.setText(self.tr("Nothing kept yet. Draw a digit, then click the digit you meant "
                                         "(or press Ctrl+0 … Ctrl+9): the drawing is kept here."))
        self.relabel_button.setText(self.tr("Relabel"))
        self.relabel_menu.setTitle(self.tr("Relabel"))
        for d, action in enumerate(self.relabel_actions):
            action.setText(self.tr("It is a {digit}").format(digit=d) if d != 8
                           else self.tr("It is an {digit}").format(digit=d))
        self.delete_button.setText(self.tr("Delete"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add a folder of PNGs with a labels.csv (file,label)"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write every kept drawing as a 28×28 PNG, with labels.csv (file,label)"))
        self.adapt_button.setText(self.tr("Adapt the model to my handwriting…"))
        self.adapt_button.setToolTip(self.tr("Fine-tune a copy of the current model on your drawings, then "
                                             "compare before and after"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(440, 600)

    # ----- the current model's answers ----------------------------------------------------------
    def set_reader(self, reader, label: str) -> None:
        """``reader(images)`` gives the current model's probabilities for (n, 28, 28) floats."""
        self._reader, self._reader_label = reader, label
        self._answers = {}
        self.refresh()

    def _read(self, samples) -> None:
        missing = [s for s in samples if s.id not in self._answers]
        if self._reader is None or not missing:
            return
        try:
            x = np.stack([s.image for s in missing]).astype(np.float32) / 255.0
            digits = np.asarray(self._reader(x)).argmax(axis=1)
        except Exception as exc:   # the model is being swapped: answers come with the next refresh
            log.warning("could not read the kept drawings: %s", exc)
            return
        self._answers.update({s.id: int(d) for s, d in zip(missing, digits)})

    # ----- showing ------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        if not self.isVisible():   # read when shown: a hidden view never opens the database
            self._stale = True
            return
        self._stale = False
        digit = self.filter.currentData()
        try:
            store = self.collector.store
            self._samples = store.samples(None if digit == ALL else digit)
            counts = store.counts()
        except Exception as exc:
            self._samples, counts = [], {}
            self.counts_label.setText(self.tr("Your drawings cannot be read: {reason}").format(
                reason=i18n.error_text(exc)))
        else:
            total = sum(counts.values())
            per_digit = "  ".join(f"{d}: {i18n.integer(counts.get(d, 0))}" for d in range(10))
            if not total:
                self.counts_label.setText("")
            elif total == 1:
                self.counts_label.setText(self.tr("1 drawing · {per_digit}").format(per_digit=per_digit))
            else:
                self.counts_label.setText(self.tr("{count} drawings · {per_digit}").format(
                    count=i18n.integer(total), per_digit=per_digit))
        self._read(self._samples)
        wrong = 0
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        palette = self.palette()
        for sample in reversed(self._samples):     # newest first
            answer = self._answers.get(sample.id)
            item = QListWidgetItem(QIcon(thumbnail(sample)), self._caption(sample, answer))
            item.setData(Qt.ItemDataRole.UserRole, sample.id)
            item.setToolTip(self._tooltip(sample, answer))
            if answer is not None and answer != sample.label:
                wrong += 1
                item.setForeground(theme.unsure(palette))
            self.list.addItem(item)
        self.list.setUpdatesEnabled(True)
        has = bool(self._samples)
        self.list.setVisible(has)
        self.empty_label.setVisible(not has and digit == ALL)
        if not has and digit != ALL:
            self.list.setVisible(True)
        self.export_button.setEnabled(has or digit != ALL)
        self._update_buttons()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _caption(self, sample, answer: int | None) -> str:
        if answer is None:
            return f"{sample.label}"
        if answer == sample.label:
            return f"{sample.label} ✓"
        return self.tr("{label} · read {answer}").format(label=sample.label, answer=answer)

    def _tooltip(self, sample, answer: int | None) -> str:
        import datetime

        when = datetime.datetime.fromtimestamp(sample.created).strftime("%Y-%m-%d %H:%M")
        if sample.source == "window":
            kept = self.tr("Labelled {label} · kept {when} in the window")
        elif sample.source == "kiosk":
            kept = self.tr("Labelled {label} · kept {when} at the kiosk")
        elif sample.source == "import":
            kept = self.tr("Labelled {label} · imported {when}")
        elif sample.source == "cli":
            kept = self.tr("Labelled {label} · kept {when} from the command line")
        else:
            kept = self.tr("Labelled {label} · kept {when}")
        lines = [kept.format(label=sample.label, when=when)]
        model = i18n.model_label(sample.model)
        if sample.predicted is None:
            lines.append(self.tr("{model} said it was not a digit then").format(model=model) if model
                         else self.tr("The model said it was not a digit then"))
        else:
            lines.append(self.tr("{model} said {digit} then").format(model=model, digit=sample.predicted) if model
                         else self.tr("The model said {digit} then").format(digit=sample.predicted))
        if answer is not None:
            lines.append(self.tr("{model} reads {digit} now").format(model=i18n.model_label(self._reader_label),
                                                                     digit=answer))
        return "\n".join(lines)

    def selected_ids(self) -> list[int]:
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]

    def _update_buttons(self) -> None:
        any_selected = bool(self.list.selectedItems())
        self.relabel_button.setEnabled(any_selected)
        self.delete_button.setEnabled(any_selected)

    # ----- editing --------------------------------------------------------------------------------
    def relabel_selected(self, label: int) -> None:
        ids = self.selected_ids()
        try:
            for sample_id in ids:
                self.collector.store.relabel(sample_id, label)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Could not relabel"), i18n.error_text(exc))
        self.collector.changed.emit()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            self.collector.store.delete(ids)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Could not delete"), i18n.error_text(exc))
        for sample_id in ids:
            self._answers.pop(sample_id, None)
        self.collector.changed.emit()

    def _on_context_menu(self, pos) -> None:
        if not self.list.itemAt(pos):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Show on the Canvas"), lambda: self._on_double_clicked(self.list.itemAt(pos)))
        menu.addMenu(self.relabel_menu).setText(self.tr("Relabel"))
        menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.exec(self.list.mapToGlobal(pos))

    def _on_double_clicked(self, item) -> None:
        if item is None:
            return
        sample_id = int(item.data(Qt.ItemDataRole.UserRole))
        sample = next((s for s in self._samples if s.id == sample_id), None)
        if sample is not None:
            self.openRequested.emit(sample)

    def _on_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import drawings (a folder with labels.csv)"))
        if not folder:
            return
        try:
            count = self.collector.store.import_folder(folder)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Could not import"), i18n.error_text(exc))
            return
        self.collector.changed.emit()
        text = (self.tr("1 drawing imported from {folder}.") if count == 1
                else self.tr("{count} drawings imported from {folder}."))
        QMessageBox.information(self, self.tr("Imported"), text.format(count=i18n.integer(count), folder=folder))

    def _on_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export your drawings to a folder"))
        if not folder:
            return
        try:
            count = self.collector.store.export(folder)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Could not export"), i18n.error_text(exc))
            return
        text = (self.tr("1 drawing written to {folder} as a PNG with labels.csv.") if count == 1
                else self.tr("{count} drawings written to {folder} as PNGs with labels.csv."))
        QMessageBox.information(self, self.tr("Exported"), text.format(count=i18n.integer(count), folder=folder))

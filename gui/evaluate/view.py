"""Evaluate: run a model over a labelled data set and see where it fails.

Pick a data set (MNIST's test set, or its first 1,000; your labelled samples; a folder of PNGs with
a labels.csv) and a model (the one in use or a shipped one); Run predicts off the UI thread in
batches, with progress and Cancel. Then: accuracy, per-class accuracy, and a clickable confusion
matrix (counts, or row percentages). A click on a cell lists exactly those samples, most confident
first; a click on a thumbnail sends its image to the canvas (``imageChosen``). The matrix exports
as PNG, the mistakes as CSV.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QListView,
                               QListWidget, QListWidgetItem, QProgressBar, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from engine import eval_sets
from engine.resources import SHIPPED_MODELS
from gui import i18n
from gui.evaluate.matrix import ConfusionPlot
from gui.workers import Worker

log = logging.getLogger("digit_studio")
THUMB = 56
IN_USE = ""


def thumbnail(image: np.ndarray, size: int = THUMB) -> QPixmap:
    """A 28×28 white-on-black image as dark ink on light paper, scaled to ``size`` pixels."""
    gray = np.ascontiguousarray(255 - np.asarray(image, np.uint8))
    h, w = gray.shape
    qimage = QImage(gray.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))


def _load_and_run(source: str, argument, model_ref: str | None, predictor, progress, cancelled):
    """On the worker thread: the data set, the model (a shipped one by name), then the run."""
    if source == "mnist":
        data_set = eval_sets.mnist_test(argument)
    elif source == "samples":
        data_set = eval_sets.labelled_samples(argument)
    else:
        data_set = eval_sets.image_folder(argument)
    label = model_ref or ""
    if predictor is None:
        from engine import catalogue

        loaded = catalogue.load(model_ref, backend="numpy")
        predictor, label = loaded.predictor, loaded.label
    return eval_sets.run(predictor, data_set, label, progress=progress, cancelled=cancelled)


class EvaluateView(QWidget):
    """The Evaluate dock's contents."""

    imageChosen = Signal(object)       # a (28, 28) uint8 image, white on black: show it on the canvas
    finished = Signal(object)          # an EvalRun, or None (cancelled or failed)

    def __init__(self, current_model: Callable[[], object] | None = None, samples_path=None, parent=None):
        super().__init__(parent)
        self._current_model = current_model or (lambda: None)
        self._samples_path = samples_path
        self._folder: str | None = None
        self._worker: Worker | None = None
        self._cancel = threading.Event()
        self._result: eval_sets.EvalRun | None = None
        self._cell: tuple[int, int] | None = None
        self._gallery: np.ndarray = np.zeros(0, np.int64)
        self._error = ""                 # the last failure's message, as it came (already translated)
        self._state = "idle"             # idle, running, cancelled, failed, done
        self._build()
        self.retranslate()

    # ----- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.data_label, self.model_label = QLabel(), QLabel()
        self.data_combo = QComboBox()
        for key in ("mnist-quick", "mnist-all", "samples", "folder"):
            self.data_combo.addItem("", key)
        self.data_combo.activated.connect(self._on_data_activated)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.choose_folder)
        self.model_combo = QComboBox()
        self.model_combo.addItem("", IN_USE)
        for name in SHIPPED_MODELS:
            self.model_combo.addItem(name, name)
        self.run_button, self.cancel_button = QPushButton(), QPushButton()
        self.run_button.clicked.connect(self.run_evaluation)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        choose = QGridLayout()
        choose.addWidget(self.data_label, 0, 0)
        choose.addWidget(self.data_combo, 0, 1)
        choose.addWidget(self.folder_button, 0, 2)
        choose.addWidget(self.model_label, 1, 0)
        choose.addWidget(self.model_combo, 1, 1, 1, 2)
        choose.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)

        self.per_class_title = QLabel()
        per_class = QGridLayout()
        per_class.setHorizontalSpacing(2)
        per_class.setVerticalSpacing(0)
        self.class_labels = []
        for d in range(10):
            digit = QLabel(str(d))
            digit.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value = QLabel("–")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            small = value.font()
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
            value.setFont(small)
            per_class.addWidget(digit, 0, d)
            per_class.addWidget(value, 1, d)
            self.class_labels.append(value)

        self.plot = ConfusionPlot()
        self.plot.cellClicked.connect(self.select_cell)
        self.normalise_check = QCheckBox()
        self.normalise_check.toggled.connect(self._on_normalise)
        self.export_png_button, self.export_csv_button = QPushButton(), QPushButton()
        self.export_png_button.clicked.connect(self._on_export_png)
        self.export_csv_button.clicked.connect(self._on_export_csv)
        matrix_tools = QHBoxLayout()
        matrix_tools.addWidget(self.normalise_check)
        matrix_tools.addStretch(1)
        matrix_tools.addWidget(self.export_png_button)
        matrix_tools.addWidget(self.export_csv_button)

        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(choose)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addWidget(self.summary)
        column.addWidget(self.per_class_title)
        column.addLayout(per_class)
        column.addWidget(self.plot, 1)
        column.addLayout(matrix_tools)

        self.gallery_caption = QLabel()
        self.gallery_caption.setWordWrap(True)
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(THUMB, THUMB))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setGridSize(QSize(THUMB + 34, THUMB + 40))
        self.gallery.setWordWrap(True)
        self.gallery.itemClicked.connect(lambda item: self.choose_thumbnail(self.gallery.row(item)))
        self.gallery.itemActivated.connect(lambda item: self.choose_thumbnail(self.gallery.row(item)))
        bottom = QWidget()
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.gallery_caption)
        lower.addWidget(self.gallery, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._enable()

    # ----- words --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.data_label.setText(self.tr("Data set"))
        self.model_label.setText(self.tr("Model"))
        self.data_combo.setItemText(0, self.tr("MNIST test, first {count}").format(
            count=i18n.integer(eval_sets.QUICK_MNIST)))
        self.data_combo.setItemText(1, self.tr("MNIST test, all {count}").format(count=i18n.integer(10000)))
        self.data_combo.setItemText(2, self.tr("My labelled samples"))
        self.data_combo.setItemText(3, self.tr("A folder of labelled images (PNG + labels.csv)…")
                                    if self._folder is None else
                                    self.tr("Folder: {name}").format(name=Path(self._folder).name))
        self.folder_button.setText(self.tr("Choose…"))
        self.folder_button.setToolTip(self.tr("A folder of PNG images with a labels.csv (file,label)"))
        self.model_combo.setItemText(0, self.tr("The model in use"))
        self.run_button.setText(self.tr("Run"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.per_class_title.setText(self.tr("Accuracy per digit"))
        self.normalise_check.setText(self.tr("Row-normalised"))
        self.normalise_check.setToolTip(self.tr("Each row in percent of its true digit's samples"))
        self.export_png_button.setText(self.tr("Save Matrix as PNG…"))
        self.export_csv_button.setText(self.tr("Save Mistakes as CSV…"))
        self.plot.set_axis_titles(self.tr("true digit"), self.tr("predicted digit"))
        self._show_state()
        self._show_result_words()
        self._show_gallery_caption()
        self._fill_gallery_texts()

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # ----- choosing -----------------------------------------------------------------------------
    def set_data_set(self, key: str) -> None:
        """Choose "mnist-quick", "mnist-all", "samples" or "folder" (tests, the window)."""
        self.data_combo.setCurrentIndex(self.data_combo.findData(key))
        self._enable()

    def set_model(self, name: str) -> None:
        """"" for the model in use, or a shipped model's name."""
        self.model_combo.setCurrentIndex(self.model_combo.findData(name))

    def set_folder(self, folder) -> None:
        self._folder = str(folder)
        self.set_data_set("folder")
        self.retranslate()

    @Slot(int)
    def _on_data_activated(self, index: int) -> None:
        if self.data_combo.itemData(index) == "folder" and self._folder is None:
            self.choose_folder()
        self._enable()

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A folder of labelled images (PNG + labels.csv)"),
                                                  self._folder or "")
        if folder:
            self.set_folder(folder)

    # ----- running ------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._worker is not None

    @Slot()
    def run_evaluation(self) -> bool:
        """Start a run with the data set and model chosen; False (with the reason shown) when it cannot."""
        if self._worker is not None:
            return False
        key = self.data_combo.currentData()
        if key == "folder" and self._folder is None:
            self._fail(self.tr("Choose a folder of labelled images first."))
            return False
        source, argument = {"mnist-quick": ("mnist", eval_sets.QUICK_MNIST), "mnist-all": ("mnist", None),
                            "samples": ("samples", self._samples_path), "folder": ("folder", self._folder)}[key]
        model_ref = self.model_combo.currentData() or None
        predictor = None
        if model_ref is None:
            loaded = self._current_model()
            if loaded is None:
                self._fail(self.tr("The model is still loading."))
                return False
            predictor, model_ref = loaded.predictor, loaded.label
        self._cancel = threading.Event()
        self._state, self._error = "running", ""
        self.progress.setRange(0, 0)
        worker = Worker(_load_and_run, source, argument, model_ref, predictor, lambda done, total: worker.progress.emit((done, total)), self._cancel.is_set,
                        name="evaluate")
        worker.progress.connect(self._on_progress)
        worker.returned.connect(self._on_returned)
        worker.errored.connect(self._on_errored)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        self._enable()
        self._show_state()
        worker.start()
        return True

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._cancel.set()

    def stop(self) -> None:
        """Cancel a run and wait for its thread (closing the window)."""
        if self._worker is not None:
            self._cancel.set()
            self._worker.wait(10000)

    @Slot(object)
    def _on_progress(self, value) -> None:
        done, total = value
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object)
    def _on_returned(self, result) -> None:
        self._state = "done"
        self.show_result(result)

    @Slot(str)
    def _on_errored(self, message: str) -> None:
        if self._cancel.is_set():
            self._state = "cancelled"
        else:
            self._fail(message)

    @Slot()
    def _on_finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait(2000)
        if self._state == "running":
            self._state = "idle"
        if self._state != "done":
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        self._enable()
        self._show_state()
        self.finished.emit(self._result if self._state == "done" else None)

    def _fail(self, message: str) -> None:
        self._state, self._error = "failed", message
        self._show_state()

    def _show_state(self) -> None:
        if self._state == "running":
            text = self.tr("Evaluating…")
        elif self._state == "cancelled":
            text = self.tr("Cancelled.")
        elif self._state == "failed":
            text = self._error
        else:
            text = ""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _enable(self) -> None:
        running = self._worker is not None
        for widget in (self.run_button, self.data_combo, self.model_combo, self.folder_button):
            widget.setEnabled(not running)
        self.folder_button.setVisible(self.data_combo.currentData() == "folder")
        self.cancel_button.setEnabled(running)
        has = self._result is not None
        self.export_png_button.setEnabled(has)
        self.export_csv_button.setEnabled(has)

    # ----- results ------------------------------------------------------------------------------
    def result(self) -> eval_sets.EvalRun | None:
        return self._result

    def show_result(self, result: eval_sets.EvalRun) -> None:
        self._result = result
        self._cell = None
        self._gallery = np.zeros(0, np.int64)
        self.progress.setRange(0, max(1, len(result.data_set)))
        self.progress.setValue(len(result.data_set))
        self._show_matrix()
        self._show_result_words()
        # the worst cell comes up at once: the most frequent mistake
        confusion = result.evaluation.confusion.copy()
        np.fill_diagonal(confusion, 0)
        if confusion.max() > 0:
            row, col = np.unravel_index(int(confusion.argmax()), confusion.shape)
            self.select_cell(int(row), int(col))
        else:
            self._fill_gallery()
        self._enable()

    def _show_matrix(self) -> None:
        counts = self._result.evaluation.confusion if self._result is not None else None
        self.plot.show_counts(counts, self.normalise_check.isChecked())
        self.plot.select(*(self._cell if self._cell else (None, None)))

    def matrix_counts(self) -> np.ndarray | None:
        return None if self._result is None else self._result.evaluation.confusion.copy()

    def matrix_values(self) -> np.ndarray:
        """The numbers the cells show: counts, or row percentages when row-normalised."""
        return self.plot.values()

    @Slot(bool)
    def _on_normalise(self, on: bool) -> None:
        self._show_matrix()

    def _show_result_words(self) -> None:
        result = self._result
        if result is None:
            self.summary.setText(self.tr("Choose a data set and a model, then Run."))
            for label in self.class_labels:
                label.setText("–")
            return
        ev = result.evaluation
        wrong = int(len(result.data_set) - np.trace(ev.confusion))
        text = self.tr("Accuracy {accuracy} on {count} samples: {wrong} mistakes · {model}").format(
            accuracy=i18n.percent(ev.accuracy, 1), count=i18n.integer(len(result.data_set)),
            wrong=i18n.integer(wrong), model=i18n.model_label(result.model))
        if result.data_set.skipped:
            text += "\n" + self.tr("{count} rows of labels.csv skipped (unreadable or not a digit)").format(
                count=i18n.integer(len(result.data_set.skipped)))
        self.summary.setText(text)
        totals = ev.confusion.sum(axis=1)
        for d, label in enumerate(self.class_labels):
            label.setText(i18n.percent(ev.per_class[d], 0) if totals[d] else "–")
            label.setToolTip(self.tr("{digit}: {right} of {total} right").format(
                digit=d, right=i18n.integer(ev.confusion[d, d]), total=i18n.integer(totals[d])))

    # ----- gallery -----------------------------------------------------------------------------
    @Slot(int, int)
    def select_cell(self, row: int, col: int) -> None:
        """Show the samples labelled ``row`` and read as ``col``, most confident first (a cell's click)."""
        if self._result is None:
            return
        self._cell = (int(row), int(col))
        self._gallery = self._result.cell(int(row), int(col))
        self.plot.select(int(row), int(col))
        self._fill_gallery()

    def selected_cell(self) -> tuple[int, int] | None:
        return self._cell

    def gallery_indices(self) -> list[int]:
        """The data set's indices on show in the gallery, in order."""
        return [int(i) for i in self._gallery]

    def _fill_gallery(self) -> None:
        self.gallery.clear()
        if self._result is not None:
            images = self._result.data_set.images
            for i in self._gallery:
                item = QListWidgetItem(QIcon(thumbnail(images[i])), "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                self.gallery.addItem(item)
        self._fill_gallery_texts()
        self._show_gallery_caption()

    def _fill_gallery_texts(self) -> None:
        if self._result is None:
            return
        labels, predicted, confidence = self._result.data_set.labels, self._result.predicted, self._result.confidence
        keys = self._result.data_set.keys
        for row, i in enumerate(self._gallery):
            item = self.gallery.item(row)
            if item is None:
                break
            item.setText(self.tr("{true} → {predicted}\n{confidence}").format(
                true=int(labels[i]), predicted=int(predicted[i]), confidence=i18n.percent(confidence[i], 0)))
            item.setToolTip(self.tr("Sample {key}: true {true}, predicted {predicted} ({confidence} sure). "
                                    "Click to put it on the canvas.").format(
                key=keys[i], true=int(labels[i]), predicted=int(predicted[i]),
                confidence=i18n.percent(confidence[i], 1)))

    def _show_gallery_caption(self) -> None:
        if self._cell is None:
            self.gallery_caption.setText(self.tr("Click a cell of the matrix to see its samples."))
            return
        row, col = self._cell
        n = i18n.integer(len(self._gallery))
        if row == col:
            text = self.tr("True {true}, read as {predicted}: {count} right, most confident first.")
        else:
            text = self.tr("True {true}, read as {predicted}: {count} mistakes, most confident first.")
        self.gallery_caption.setText(text.format(true=row, predicted=col, count=n))

    @Slot(int)
    def choose_thumbnail(self, position: int) -> None:
        """Send the ``position``-th thumbnail's image to the canvas."""
        if self._result is None or not 0 <= position < len(self._gallery):
            return
        self.imageChosen.emit(self._result.data_set.images[int(self._gallery[position])].copy())

    # ----- export ------------------------------------------------------------------------------
    def export_matrix_png(self, path) -> bool:
        return self.plot.grab().save(str(path), "PNG")

    def export_mistakes_csv(self, path) -> int:
        return eval_sets.write_mistakes_csv(self._result, path)

    @Slot()
    def _on_export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Matrix as PNG"), "confusion-matrix.png",
                                              self.tr("PNG images (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.export_matrix_png(path):
            self._fail(self.tr("Could not write {file}.").format(file=path))

    @Slot()
    def _on_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Mistakes as CSV"), "mistakes.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            count = self.export_mistakes_csv(path)
        except OSError as exc:
            self._fail(self.tr("Could not write {file}:\n{reason}").format(file=path, reason=exc.strerror or exc))
            return
        self.message.setText(self.tr("{count} mistakes written to {file}.").format(count=i18n.integer(count),
                                                                                   file=path))
        self.message.setVisible(True)


"""The training form: the network and the hyperparameters of a run, read as one
``engine.spec.TrainingSpec`` and shown from one. Nothing here starts or watches a run."""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from engine.spec import TrainingSpec
from gui import i18n
from gui.training.architecture_editor import ArchitectureEditor

BATCH_SIZES = (16, 32, 64, 128, 256, 512)
LEARNING_RATES = ("0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1")
OPTIMIZERS = ("adam", "sgd")
TRAIN_SIZES = (None, 10_000, 2_000)   # None: all 55,000 training images (5,000 more validate)
QUICK_DEMO = 2_000


def optimizer_title(name: str) -> str:
    """The optimizer as the combo shows it: "Adam", "SGD + momentum 0.9"."""
    if name == "sgd":
        return QCoreApplication.translate("TrainingForm", "SGD + momentum {momentum}").format(
            momentum=i18n.number(0.9, 1))
    return "Adam"


def train_size_title(size: int | None) -> str:
    """The training set as the combo shows it: "All 55,000 images (+5,000 to validate)", "10,000 images"."""
    if size is None:
        return QCoreApplication.translate("TrainingForm", "All {train} images (+{validate} to validate)").format(
            train=i18n.integer(55_000), validate=i18n.integer(5_000))
    if size == QUICK_DEMO:
        return QCoreApplication.translate("TrainingForm", "{count} images · quick demo").format(
            count=i18n.integer(size))
    return QCoreApplication.translate("TrainingForm", "{count} images").format(count=i18n.integer(size))


def decimal_text(text: str) -> str:
    """A typed decimal number ("0.001") with the current language's decimal separator ("0,001")."""
    return text.replace(".", ",") if i18n.current() == i18n.TURKISH else text.replace(",", ".")


class LearningRateError(ValueError):
    """The typed learning rate is not a positive number; ``text()`` says so in the current language."""

    def __init__(self, typed: str):
        self.typed = typed
        super().__init__(self.text())

    def text(self) -> str:
        return QCoreApplication.translate("TrainingForm", "The learning rate {value} is not a positive number.").format(
            value=repr(self.typed))


def pixel_font(widget: QWidget, pixels: int, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class TrainingForm(QWidget):
    """The NETWORK and TRAINING sections of the training panel."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.architecture = ArchitectureEditor()
        self.architecture.summary.setFont(pixel_font(self, 11))

        self.epochs_spin = QSpinBox(minimum=1, maximum=100, value=5)
        self.batch_combo = QComboBox()
        for size in BATCH_SIZES:
            self.batch_combo.addItem(str(size), size)
        self.batch_combo.setCurrentIndex(BATCH_SIZES.index(128))
        self.lr_combo = QComboBox(editable=True)
        self.lr_combo.addItems(list(LEARNING_RATES))
        self.lr_combo.setCurrentText("0.001")   # a comma instead in Turkish: retranslate()
        self.lr_combo.setValidator(QRegularExpressionValidator(r"\d*[.,]?\d*([eE][-+]?\d{0,3})?", self))
        self.optimizer_combo = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem(name, name)
        self.size_combo = QComboBox()
        for size in TRAIN_SIZES:
            self.size_combo.addItem("", size)
        self.augment_check = QCheckBox()
        self.people_check = QCheckBox()

        self.epochs_label, self.batch_label = QLabel(), QLabel()
        self.lr_label, self.optimizer_label, self.size_label = QLabel(), QLabel(), QLabel()
        for label in (self.epochs_label, self.batch_label, self.lr_label, self.optimizer_label, self.size_label):
            label.setWordWrap(True)   # a longer translation ("Öğrenme oranı") wraps rather than widening the dock
        # The training-set combo spans the row: its longest item ("All 55,000 images …") sets no minimum width.
        self.size_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.size_combo.setMinimumContentsLength(16)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for row, items in enumerate((((self.epochs_label, self.epochs_spin), (self.batch_label, self.batch_combo)),
                                     ((self.lr_label, self.lr_combo), (self.optimizer_label, self.optimizer_combo)))):
            for col, (label, widget) in enumerate(items):
                label.setBuddy(widget)
                grid.addWidget(label, row, 2 * col)
                grid.addWidget(widget, row, 2 * col + 1)
        self.size_label.setBuddy(self.size_combo)
        grid.addWidget(self.size_label, 2, 0)
        grid.addWidget(self.size_combo, 2, 1, 1, 3)
        grid.addWidget(self.augment_check, 3, 0, 1, 4)
        grid.addWidget(self.people_check, 4, 0, 1, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.captions = [self._caption(), self._caption()]
        layout.addWidget(self.captions[0])
        layout.addWidget(self.architecture)
        layout.addSpacing(6)
        layout.addWidget(self.captions[1])
        layout.addLayout(grid)
        self.retranslate()

    def _caption(self) -> QLabel:
        label = QLabel()
        font = pixel_font(self, 10, bold=True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.2)
        label.setFont(font)
        label.setContentsMargins(0, 3, 0, 0)   # room for the accents of capitals above the font's ascent ("EĞİTİM")
        return label

    def retranslate(self) -> None:
        self.captions[0].setText(self.tr("NETWORK"))
        self.captions[1].setText(self.tr("TRAINING"))
        self.epochs_label.setText(self.tr("Epochs"))
        self.batch_label.setText(self.tr("Batch"))
        self.lr_label.setText(self.tr("Learning rate"))
        self.optimizer_label.setText(self.tr("Optimizer"))
        self.size_label.setText(self.tr("Training set"))
        self.epochs_spin.setToolTip(self.tr("Epochs: how many times the network sees every training image"))
        self.batch_combo.setToolTip(self.tr("Batch size: images per weight update"))
        self.lr_combo.setToolTip(self.tr("Learning rate: pick one or type any positive number (e.g. 5e-4)"))
        self.optimizer_combo.setToolTip(self.tr("Optimizer: how each weight update follows the loss's gradient"))
        for index in range(self.optimizer_combo.count()):
            self.optimizer_combo.setItemText(index, optimizer_title(self.optimizer_combo.itemData(index)))
        for index in range(self.size_combo.count()):
            self.size_combo.setItemText(index, train_size_title(self.size_combo.itemData(index)))
        typed = self.lr_combo.currentText()
        for index in range(self.lr_combo.count()):
            self.lr_combo.setItemText(index, decimal_text(self.lr_combo.itemText(index)))
        self.lr_combo.setEditText(decimal_text(typed))
        self.augment_check.setText(self.tr("Augment: small rotations, shears, shifts, pen widths"))
        self.augment_check.setToolTip(self.tr("Each batch is randomly distorted like hand-drawn digits; "
                                              "slower to learn, better on drawings"))
        self.people_check.setText(self.tr("Also learn people's drawings and non-digits"))
        self.people_check.setToolTip(self.tr("Adds real pen-drawn digits, regional forms (flagged 1, crossed 7, "
                                             "curled 9) and scribbles the network learns to call \"not a digit\"; "
                                             "the first run draws them (a few minutes), later runs reuse them"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def learning_rate(self) -> float | None:
        """The typed or picked learning rate; None when it is not a positive number. A decimal comma
        (as Turkish writes it) counts as a decimal point."""
        try:
            value = float(self.lr_combo.currentText().replace(",", "."))
        except ValueError:
            return None
        return value if value > 0 and math.isfinite(value) else None

    def spec(self) -> TrainingSpec:
        """The run the controls describe (raises ValueError for a bad learning rate)."""
        lr = self.learning_rate()
        if lr is None:
            raise LearningRateError(self.lr_combo.currentText())
        return TrainingSpec(model=self.architecture.spec(), epochs=self.epochs_spin.value(),
                            batch_size=self.batch_combo.currentData(), learning_rate=lr,
                            optimizer=self.optimizer_combo.currentData(), augment=self.augment_check.isChecked(),
                            train_size=self.size_combo.currentData(),
                            data="people" if self.people_check.isChecked() else "mnist")

    def set_spec(self, spec: TrainingSpec) -> None:
        """Show ``spec`` in the controls (the network only when it is a preset or a dense network)."""
        from engine.models import PRESETS

        model = spec.model
        if model.name in PRESETS and PRESETS[model.name] == model:
            self.architecture.set_preset(model.name)
        else:
            dense = [layer for layer in model.layers if layer.kind == "dense"][:-1]
            self.architecture.set_custom([(layer.units, layer.activation) for layer in dense],
                                         conv_front=model.is_convolutional)
        self.epochs_spin.setValue(spec.epochs)
        index = self.batch_combo.findData(spec.batch_size)
        if index < 0:
            self.batch_combo.addItem(str(spec.batch_size), spec.batch_size)
            index = self.batch_combo.count() - 1
        self.batch_combo.setCurrentIndex(index)
        self.lr_combo.setCurrentText(decimal_text(f"{spec.learning_rate:g}"))
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(spec.optimizer))
        self.augment_check.setChecked(spec.augment)
        self.people_check.setChecked(spec.data == "people")
        index = self.size_combo.findData(spec.train_size)
        if index < 0:
            self.size_combo.addItem(train_size_title(spec.train_size), spec.train_size)
            index = self.size_combo.count() - 1
        self.size_combo.setCurrentIndex(index)

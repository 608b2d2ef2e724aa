"""The training form: the network and the hyperparameters of a run, read as one
``engine.spec.TrainingSpec`` and shown from one. Nothing here starts or watches a run."""
from __future__ import annotations

import math

from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from engine.spec import TrainingSpec
from gui.training.architecture_editor import ArchitectureEditor

BATCH_SIZES = (16, 32, 64, 128, 256, 512)
LEARNING_RATES = ("0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1")
OPTIMIZERS = (("Adam", "adam"), ("SGD + momentum 0.9", "sgd"))
TRAIN_SIZES = (("All 55,000 images (+5,000 to validate)", None),
               ("10,000 images", 10_000),
               ("2,000 images · quick demo", 2_000))


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
        self.lr_combo.setCurrentText("0.001")
        self.lr_combo.setValidator(QRegularExpressionValidator(r"\d*\.?\d*([eE][-+]?\d{0,3})?", self))
        self.lr_combo.setToolTip("Learning rate: pick one or type any positive number (e.g. 5e-4)")
        self.optimizer_combo = QComboBox()
        for title, name in OPTIMIZERS:
            self.optimizer_combo.addItem(title, name)
        self.size_combo = QComboBox()
        for title, size in TRAIN_SIZES:
            self.size_combo.addItem(title, size)
        self.augment_check = QCheckBox("Augment: small rotations, shears, shifts, pen widths")
        self.augment_check.setToolTip("Each batch is randomly distorted like hand-drawn digits; "
                                      "slower to learn, better on drawings")

        self.people_check = QCheckBox("Also learn people's drawings and non-digits")
        self.people_check.setToolTip("Adds real pen-drawn digits, regional forms (flagged 1, crossed 7, "
                                     "curled 9) and scribbles the network learns to call \"not a digit\"; "
                                     "the first run draws them (a few minutes), later runs reuse them")

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for row, items in enumerate(((("Epochs", self.epochs_spin), ("Batch", self.batch_combo)),
                                     (("Learning rate", self.lr_combo), ("Optimizer", self.optimizer_combo)))):
            for col, (text, widget) in enumerate(items):
                grid.addWidget(QLabel(text), row, 2 * col)
                grid.addWidget(widget, row, 2 * col + 1)
        grid.addWidget(QLabel("Training set"), 2, 0)
        grid.addWidget(self.size_combo, 2, 1, 1, 3)
        grid.addWidget(self.augment_check, 3, 0, 1, 4)
        grid.addWidget(self.people_check, 4, 0, 1, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.captions = [self._caption("NETWORK"), self._caption("TRAINING")]
        layout.addWidget(self.captions[0])
        layout.addWidget(self.architecture)
        layout.addSpacing(6)
        layout.addWidget(self.captions[1])
        layout.addLayout(grid)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        font = pixel_font(self, 10, bold=True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.2)
        label.setFont(font)
        return label

    def learning_rate(self) -> float | None:
        """The typed or picked learning rate; None when it is not a positive number."""
        try:
            value = float(self.lr_combo.currentText())
        except ValueError:
            return None
        return value if value > 0 and math.isfinite(value) else None

    def spec(self) -> TrainingSpec:
        """The run the controls describe (raises ValueError for a bad learning rate)."""
        lr = self.learning_rate()
        if lr is None:
            raise ValueError(f"The learning rate {self.lr_combo.currentText()!r} is not a positive number.")
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
        self.lr_combo.setCurrentText(f"{spec.learning_rate:g}")
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(spec.optimizer))
        self.augment_check.setChecked(spec.augment)
        self.people_check.setChecked(spec.data == "people")
        index = self.size_combo.findData(spec.train_size)
        if index < 0:
            self.size_combo.addItem(f"{spec.train_size:,} images", spec.train_size)
            index = self.size_combo.count() - 1
        self.size_combo.setCurrentIndex(index)

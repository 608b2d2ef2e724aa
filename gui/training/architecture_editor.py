"""The network picker of the training panel: the course presets, or a dense network of your own.

The editor only describes networks (an ``engine.models.ModelSpec``, plain data); nothing here
imports TensorFlow. A custom network is a list of hidden dense layers (units, activation) with a
10-logit output, optionally behind the ``cnn`` preset's convolutional front end.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QSpinBox,
                               QToolButton, QVBoxLayout, QWidget)

from engine.models import ACTIVATIONS, PRESETS, ModelSpec, dense_spec
from gui import i18n

CUSTOM = "custom"
CUSTOM_NAME = "custom-dense"
MAX_HIDDEN = 6
MAX_UNITS = 1024
_PRESET_TITLES = {   # the model names and Keras activations stay as they are in every language
    "course-mlp": "course-mlp · 25 relu → 15 relu",
    "sigmoid-mlp": "sigmoid-mlp · 25 sigmoid → 15 sigmoid",
}


def preset_title(name: str) -> str:
    """The combo's line for a preset: its name and its layers."""
    if name == "cnn":
        return QCoreApplication.translate("ArchitectureEditor", "cnn · {count} conv → {units} relu").format(
            count=4, units=128)
    return _PRESET_TITLES.get(name, name)


def parameter_count(spec: ModelSpec) -> int:
    """Trainable and non-trainable parameters of ``build_model(spec)``, without building it
    (valid-padded convolutions, as Keras builds them)."""
    h = w = 28
    channels = 1
    flat: int | None = None if spec.is_convolutional else 28 * 28
    total = 0
    for layer in spec.layers:
        if layer.kind == "conv2d":
            total += (layer.kernel * layer.kernel * channels + 1) * layer.filters
            h, w, channels = h - layer.kernel + 1, w - layer.kernel + 1, layer.filters
        elif layer.kind in ("maxpool", "avgpool"):
            h, w = h // layer.pool, w // layer.pool
        elif layer.kind == "batchnorm":
            total += 4 * (channels if flat is None else flat)
        elif layer.kind == "flatten":
            flat = h * w * channels if flat is None else flat
        elif layer.kind == "dense":
            inputs = flat if flat is not None else h * w * channels
            total += (inputs + 1) * layer.units
            flat = layer.units
    return total


def describe(spec: ModelSpec) -> str:
    """One line for people: "784 → 25 relu → 15 relu → 10 · 20,175 parameters"."""
    parts = ["28×28"]
    conv = [layer for layer in spec.layers if layer.kind == "conv2d"]
    if conv:
        parts.append(QCoreApplication.translate("ArchitectureEditor", "{count} conv").format(count=len(conv)))
    else:
        parts[0] = "784"
    dense = [layer for layer in spec.layers if layer.kind == "dense"]
    parts += [f"{layer.units} {layer.activation}" for layer in dense[:-1]]
    parts.append("10")
    return QCoreApplication.translate("ArchitectureEditor", "{layers} · {count} parameters").format(
        layers=" → ".join(parts), count=i18n.integer(parameter_count(spec)))


class _LayerRow:
    """The widgets of one hidden layer in the editor's grid."""

    def __init__(self, editor: "ArchitectureEditor", units: int, activation: str):
        self.label = QLabel()
        self.units = QSpinBox(minimum=1, maximum=MAX_UNITS, value=units)
        self.units.setAccelerated(True)
        self.activation = QComboBox()
        self.activation.addItems(list(ACTIVATIONS))
        self.activation.setCurrentText(activation)
        self.remove = QToolButton(text="✕")
        self.remove.setAutoRaise(True)
        self.units.valueChanged.connect(editor._on_edited)
        self.activation.currentTextChanged.connect(editor._on_edited)
        self.remove.clicked.connect(lambda: editor.remove_layer(editor._rows.index(self)))

    def widgets(self) -> tuple[QWidget, ...]:
        return self.label, self.units, self.activation, self.remove

    def retranslate(self, number: int) -> None:
        """Its words: "Layer 2", " units", the remove button's tooltip (context ArchitectureEditor)."""
        self.label.setText(QCoreApplication.translate("ArchitectureEditor", "Layer {number}").format(number=number))
        self.units.setSuffix(QCoreApplication.translate("ArchitectureEditor", " units"))
        self.units.setToolTip(QCoreApplication.translate("ArchitectureEditor", "Neurons in this hidden layer"))
        self.activation.setToolTip(QCoreApplication.translate("ArchitectureEditor", "This layer's activation"))
        self.remove.setToolTip(QCoreApplication.translate("ArchitectureEditor", "Remove this layer"))


class ArchitectureEditor(QWidget):
    """A preset combo plus, for "Custom dense network", hidden layers and a conv front-end switch."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[_LayerRow] = []
        self.combo = QComboBox()
        for name in PRESETS:
            self.combo.addItem(preset_title(name), name)
        self.combo.addItem("", CUSTOM)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(2, 1)
        self.add_button = QToolButton()
        self.add_button.setAutoRaise(True)
        self.add_button.clicked.connect(lambda: self.add_layer())
        self.conv_front = QCheckBox()
        self.conv_front.toggled.connect(self._on_edited)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self.custom_box = QWidget()
        custom = QVBoxLayout(self.custom_box)
        custom.setContentsMargins(0, 2, 0, 0)
        custom.setSpacing(4)
        custom.addLayout(self._grid)
        custom.addLayout(buttons)
        custom.addWidget(self.conv_front)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.combo)
        layout.addWidget(self.custom_box)
        layout.addWidget(self.summary)

        self.retranslate()
        self.set_custom([(25, "relu"), (15, "relu")], conv_front=False)
        self.combo.currentIndexChanged.connect(self._on_choice)
        self.set_preset("course-mlp")

    def retranslate(self) -> None:
        for index in range(self.combo.count()):
            name = self.combo.itemData(index)
            self.combo.setItemText(index, self.tr("Custom dense network…") if name == CUSTOM else preset_title(name))
        self.combo.setToolTip(self.tr("The network to train: a course preset, or dense layers of your own"))
        self.add_button.setText(self.tr("+ Add hidden layer"))
        self.conv_front.setText(self.tr("Convolutional front end (the cnn's 4 conv layers)"))
        self._renumber()
        if self.combo.currentData() is not None and (self._rows or not self.is_custom()):
            self.summary.setText(describe(self.spec()))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # ----- reading --------------------------------------------------------------------------
    def choice(self) -> str:
        """The preset's name, or "custom"."""
        return self.combo.currentData()

    def is_custom(self) -> bool:
        return self.choice() == CUSTOM

    def hidden_layers(self) -> list[tuple[int, str]]:
        """The custom network's hidden layers as (units, activation), input side first."""
        return [(row.units.value(), row.activation.currentText()) for row in self._rows]

    def spec(self) -> ModelSpec:
        """The network to train: a preset's spec, or ``dense_spec`` of the custom layers."""
        if not self.is_custom():
            return PRESETS[self.choice()]
        return dense_spec(CUSTOM_NAME, self.hidden_layers(), conv_front=self.conv_front.isChecked())

    # ----- changing -------------------------------------------------------------------------
    def set_preset(self, name: str) -> None:
        index = self.combo.findData(name)
        if index < 0:
            raise ValueError(f"unknown preset {name!r}")
        self.combo.setCurrentIndex(index)
        self._on_choice()

    def set_custom(self, hidden: list[tuple[int, str]], conv_front: bool = False) -> None:
        """Switch to a custom dense network with these hidden layers."""
        while self._rows:
            self._drop_row(len(self._rows) - 1)
        for units, activation in hidden[:MAX_HIDDEN]:
            self._append_row(units, activation)
        self.conv_front.blockSignals(True)
        self.conv_front.setChecked(conv_front)
        self.conv_front.blockSignals(False)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(self.combo.findData(CUSTOM))
        self.combo.blockSignals(False)
        self._on_choice()

    def add_layer(self, units: int | None = None, activation: str | None = None) -> None:
        """Add a hidden layer before the output (by default like the last hidden layer)."""
        if len(self._rows) >= MAX_HIDDEN:
            return
        last = self._rows[-1] if self._rows else None
        self._append_row(units or (last.units.value() if last else 32),
                         activation or (last.activation.currentText() if last else "relu"))
        self._on_edited()

    def remove_layer(self, index: int) -> None:
        self._drop_row(index)
        self._on_edited()

    # ----- internals ------------------------------------------------------------------------
    def _append_row(self, units: int, activation: str) -> None:
        row = _LayerRow(self, units, activation)
        r = len(self._rows)
        for column, widget in enumerate(row.widgets()):
            self._grid.addWidget(widget, r, column)
        self._rows.append(row)
        self._renumber()

    def _drop_row(self, index: int) -> None:
        row = self._rows.pop(index)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()
        for r, other in enumerate(self._rows[index:], start=index):  # close the gap
            for column, widget in enumerate(other.widgets()):
                self._grid.addWidget(widget, r, column)
        self._renumber()

    def _renumber(self) -> None:
        for i, row in enumerate(self._rows, start=1):
            row.retranslate(i)
        self.add_button.setEnabled(len(self._rows) < MAX_HIDDEN)

    def _on_choice(self, _index: int | None = None) -> None:
        custom = self.is_custom()
        if custom and not self._rows:
            self._append_row(32, "relu")
        self.custom_box.setVisible(custom)
        self._on_edited()

    def _on_edited(self, *_args) -> None:
        self.summary.setText(describe(self.spec()))
        self.changed.emit()

"""The main window: the drawing canvas, the live answer, menus, status bar and settings."""
from __future__ import annotations

import logging
import platform
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSlider,
    QSplitter,
    QToolButton,
    QWidget,
)

from engine import catalogue
from engine.catalogue import LoadedModel
from engine.resources import SHIPPED_MODELS
from gui.network.view import ActivationView
from gui.drawing.canvas import DrawingCanvas
from gui.drawing.prediction_panel import PredictionPanel
from gui.drawing.recognition import CanvasPositionLog, Recognizer
from gui.evaluate.view import EvaluateView
from gui import i18n
from gui.handwriting.collector import HandwritingCollector, plural
from gui.handwriting.gallery import HandwritingView
from gui.learn.context import LearnContext
from gui.learn.panel import LearnPanel
from gui.training.panel import TrainingPanel

log = logging.getLogger("digit_studio")


NUMBER_ASPECT = 2.6   # number mode's canvas: width / height, room for a year and then some


class AspectHolder(QWidget):
    """Keeps one child at an aspect ratio (width / height) and centred in whatever space the
    layout gives: a digit is drawn in a square (a wide canvas would only waste room beside it),
    a number on a wide sheet."""

    def __init__(self, child: QWidget, aspect: float = 1.0):
        super().__init__()
        self._child = child
        self._aspect = float(aspect)
        child.setParent(self)
        self.setMinimumSize(child.minimumSizeHint())

    @property
    def aspect(self) -> float:
        return self._aspect

    def set_aspect(self, ratio: float) -> None:
        """Keep the child at ``ratio`` (width / height) from now on."""
        self._aspect = float(ratio)
        self.setMinimumSize(self._child.minimumSizeHint())
        self.updateGeometry()
        self._place()

    def sizeHint(self):
        return self._child.sizeHint()

    def resizeEvent(self, event) -> None:
        self._place()

    def _place(self) -> None:
        if self._aspect == 1.0:
            w = h = min(self.width(), self.height())
        else:
            w = min(self.width(), round(self.height() * self._aspect))
            h = round(w / self._aspect)
        self._child.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)



class MainWindow(QMainWindow):
    """Digit Studio's window. The canvas works at once; the engine arrives in the background."""

    engineReady = Signal(str)        # the model's label, once a predictor is in use
    predictionShown = Signal(object)  # a Prediction, or None for an empty canvas (tests, smoke test)

    def __init__(self, model_ref: str | None = None, started_at: float | None = None, data_loader=None,
                 backend: str = "auto"):
        super().__init__()
        self._started_at = started_at if started_at is not None else time.perf_counter()
        self._settings = QSettings()
        self._model_ref = model_ref or self._settings.value("model/last", None, str)
        self.setMinimumSize(760, 560)

        self.canvas = DrawingCanvas()
        self.panel = PredictionPanel()
        self.network = ActivationView()
        self.training = TrainingPanel(data_loader=data_loader)
        self.handwriting = HandwritingCollector(parent=self)
        self.handwriting_view = HandwritingView(self.handwriting)
        self.learn_context = LearnContext(self)
        self.learn_context.showLayerRequested.connect(self._show_neuron)
        self.learn = LearnPanel(self.learn_context)
        self._model_before_training: LoadedModel | None = None
        self._training_model: LoadedModel | None = None   # the network being trained, while on show
        self._build_layout()
        self._build_training_dock()
        self._build_handwriting_dock()
        self._build_learn_dock()
        self._build_evaluate_dock()
        self._build_actions_and_menus()
        self._status = QLabel()
        self.statusBar().addPermanentWidget(self._status)
        self._engine_state = "loading"     # "loading", "ready" or "failed": the status words follow it
        self.retranslate()
        self.panel.show_prediction(None)

        self.recognizer = Recognizer(self.canvas, started_at=self._started_at, parent=self, backend=backend)
        self.recognizer.predictionShown.connect(self._on_prediction)
        self.recognizer.numberShown.connect(self._on_number)
        self.recognizer.digitSelected.connect(self._on_digit_selected)
        self.canvas.boxChosen.connect(self.recognizer.select_digit)
        self.recognizer.modelChanged.connect(self._on_model_changed)
        self.recognizer.engineFailed.connect(self._on_engine_failed)
        self.recognizer.modelFailed.connect(self._on_model_failed)
        self.recognizer.fellBack.connect(lambda reason: self.statusBar().showMessage(reason, 10000))
        self.recognizer.recognitionFailed.connect(self._on_recognition_failed)
        self.canvas.historyChanged.connect(self._on_history_changed)
        self.canvas.inkChanged.connect(self._on_ink_changed)
        self.panel.digitChosen.connect(self.keep_drawing)
        self.handwriting.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        CanvasPositionLog(self.canvas)
        self._restore_settings()

    # ----- layout -------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.brush = QSlider(Qt.Horizontal, minimum=4, maximum=48, value=18)
        self.brush.setMinimumWidth(60)
        self.brush.setMaximumWidth(160)
        self.brush.valueChanged.connect(self._on_brush_changed)
        self.eraser_button = QToolButton(checkable=True)
        self.eraser_button.toggled.connect(self._on_eraser_toggled)
        self.undo_button = QToolButton()
        self.redo_button = QToolButton()
        self.clear_button = QToolButton()
        self.train_button = QToolButton()
        self.learn_button = QToolButton()
        self.undo_button.clicked.connect(self.canvas.undo)
        self.redo_button.clicked.connect(self.canvas.redo)
        self.clear_button.clicked.connect(self.canvas.clear)
        # The tools run under the canvas and the answer together: in a small window the canvas
        # column alone is too narrow for them, and a squeezed button elides its own name.
        tools = QHBoxLayout()
        self.brush_label = QLabel()
        tools.addWidget(self.brush_label)
        tools.addWidget(self.brush)
        for button in (self.eraser_button, self.undo_button, self.redo_button, self.clear_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.learn_button)
        tools.addWidget(self.train_button)
        for button in (self.eraser_button, self.undo_button, self.redo_button, self.clear_button, self.learn_button,
                       self.train_button):
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        grid = QGridLayout()
        self.canvas_holder = AspectHolder(self.canvas)
        grid.addWidget(self.canvas_holder, 0, 0)
        grid.addWidget(self.panel, 0, 1)
        grid.addLayout(tools, 1, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 1)
        top = QWidget()
        top.setLayout(grid)
        # Drawing and answer above, the network's layers below; the divider is the user's to move.
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.network)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_training_dock(self) -> None:
        self.training_dock = QDockWidget(self)
        self.training_dock.setObjectName("training-dock")  # saveState() needs a name
        self.training_dock.setWidget(self.training)
        self.training_dock.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.addDockWidget(Qt.RightDockWidgetArea, self.training_dock)
        self.training_dock.hide()
        self.training.modelStarted.connect(self._on_training_started)
        self.training.weightsUpdated.connect(self._on_trained_weights)
        self.training.modelKept.connect(self._on_trained_model_kept)
        self.training.modelDiscarded.connect(self._on_trained_model_discarded)
        self.training.trainingRunning.connect(self._on_training_running)
        self.training.runFinished.connect(self._on_run_finished)

    def _build_handwriting_dock(self) -> None:
        self.handwriting_dock = QDockWidget(self)
        self.handwriting_dock.setObjectName("handwriting-dock")
        self.handwriting_dock.setWidget(self.handwriting_view)
        self.handwriting_dock.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.addDockWidget(Qt.RightDockWidgetArea, self.handwriting_dock)
        self.tabifyDockWidget(self.training_dock, self.handwriting_dock)
        self.handwriting_dock.hide()
        self.handwriting_view.openRequested.connect(self._on_open_sample)
        self.handwriting_view.adaptRequested.connect(self.adapt_to_handwriting)

    def _build_learn_dock(self) -> None:
        self.learn_dock = QDockWidget(self)
        self.learn_dock.setObjectName("learn-dock")
        self.learn_dock.setWidget(self.learn)
        self.learn_dock.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.addDockWidget(Qt.RightDockWidgetArea, self.learn_dock)
        self.tabifyDockWidget(self.handwriting_dock, self.learn_dock)
        self.learn_dock.hide()

    def _build_evaluate_dock(self) -> None:
        self.evaluate = EvaluateView(current_model=lambda: self.recognizer.model)
        self.evaluate_dock = QDockWidget(self)
        self.evaluate_dock.setObjectName("evaluate-dock")
        self.evaluate_dock.setWidget(self.evaluate)
        self.evaluate_dock.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.addDockWidget(Qt.RightDockWidgetArea, self.evaluate_dock)
        self.tabifyDockWidget(self.learn_dock, self.evaluate_dock)
        self.evaluate_dock.hide()
        self.evaluate.imageChosen.connect(self.show_image)

    @Slot(object)
    def show_image(self, image) -> None:
        """Put a 28×28 image (an evaluated sample) on the canvas: the answer and the layers read it."""
        if self.recognizer.number_mode:    # one digit, on the square canvas
            self.set_number_mode(False, announce=False)
        self.canvas.show_image(image)

    def _build_actions_and_menus(self) -> None:
        def action(slot, shortcut=None, menu=None):
            act = QAction(self)
            if shortcut is not None:
                act.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            act.triggered.connect(slot)
            if menu is not None:
                menu.addAction(act)
            return act

        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        self.shipped_menu = shipped = file_menu.addMenu("")
        # Switching models mid-training would leave the run's snapshots nowhere to go.
        self.open_model_action = action(self._on_open_model, QKeySequence.Open)
        self._model_actions = [self.open_model_action] + [
            action(lambda _=False, n=name: self.open_model(n), menu=shipped) for name in SHIPPED_MODELS]
        for name, act in zip(SHIPPED_MODELS, self._model_actions[1:]):
            act.setText(name)           # a model's name is the same in every language
        file_menu.insertAction(shipped.menuAction(), self.open_model_action)
        self.save_model_action = action(self._on_save_model, QKeySequence.SaveAs, file_menu)
        self.save_drawing_action = action(self._on_save_drawing, QKeySequence("Ctrl+Shift+E"), file_menu)
        file_menu.addSeparator()
        self.quit_action = action(self.close, QKeySequence.Quit, file_menu)

        self.edit_menu = edit = bar.addMenu("")
        self.undo_action = action(self.canvas.undo, QKeySequence.Undo, edit)
        self.redo_action = action(self.canvas.redo, [QKeySequence.Redo, QKeySequence("Ctrl+Shift+Z")], edit)
        self.clear_action = action(self.canvas.clear, [QKeySequence(Qt.Key_Escape), QKeySequence.Delete], edit)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

        self.view_menu = view = bar.addMenu("")
        self.network_action = action(self._on_toggle_network, QKeySequence("Ctrl+L"), view)
        self.network_action.setCheckable(True)
        self.network_action.setChecked(True)
        self.train_action = self.training_dock.toggleViewAction()
        self.train_action.setShortcut(QKeySequence("Ctrl+T"))
        view.addAction(self.train_action)
        self.train_button.clicked.connect(self.train_action.trigger)
        self.numpy_action = action(self._on_toggle_numpy, menu=view)
        self.numpy_action.setCheckable(True)
        self.network.numpyCheckChanged.connect(self.numpy_action.setChecked)
        self.evaluate_action = self.evaluate_dock.toggleViewAction()
        self.evaluate_action.setShortcut(QKeySequence("Ctrl+E"))
        view.addAction(self.evaluate_action)
        self.fullscreen_action = action(self._on_toggle_fullscreen, QKeySequence.FullScreen, view)
        self.fullscreen_action.setCheckable(True)
        self.number_action = QAction(self, checkable=True)
        self.number_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.number_action.toggled.connect(self.set_number_mode)
        view.addAction(self.number_action)
        view.addSeparator()
        self.language_menu = view.addMenu("")
        languages = QActionGroup(self)
        self.language_actions = {}
        for code, name in i18n.LANGUAGES.items():      # each language named in its own words
            act = QAction(name, languages, checkable=True)
            act.setData(code)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_menu.addAction(act)
            self.language_actions[code] = act
        self.language_actions[i18n.current()].setChecked(True)

        self.teach_menu = teach = bar.addMenu("")
        self.keep_menu = keep = teach.addMenu("")
        self.keep_actions = [action(lambda _=False, d=d: self.keep_drawing(d), QKeySequence(f"Ctrl+{d}"), keep)
                             for d in range(10)]
        for d, act in enumerate(self.keep_actions):
            act.setText(f"&{d}")
        self.handwriting_action = self.handwriting_dock.toggleViewAction()
        self.handwriting_action.setShortcut(QKeySequence("Ctrl+H"))
        teach.addAction(self.handwriting_action)
        self.adapt_action = action(self.adapt_to_handwriting, QKeySequence("Ctrl+Shift+A"), teach)

        self.help_menu = help_menu = bar.addMenu("")
        self.learn_action = self.learn_dock.toggleViewAction()
        self.learn_action.setShortcut(QKeySequence("F1"))
        help_menu.addAction(self.learn_action)
        self.learn_button.clicked.connect(self.learn_action.trigger)
        self.about_action = action(self._on_about, menu=help_menu)

    # ----- language -----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch the whole app to ``language`` now and remember it for the next start."""
        if i18n.set_language(language):
            self._settings.setValue(i18n.SETTINGS_KEY, language)
        self.language_actions[i18n.current()].setChecked(True)

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every word the window itself shows, in the current language (the views do their own)."""
        self.setWindowTitle(self.tr("Digit Studio"))
        self.brush_label.setText(self.tr("Brush"))
        self.brush.setToolTip(self.tr("Brush size"))
        self.eraser_button.setText(self.tr("Eraser"))
        self.eraser_button.setToolTip(self.tr("Erase with the left button, pen or finger "
                                              "(the right button always erases)"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.clear_button.setText(self.tr("Clear"))
        self.train_button.setText(self.tr("Train…"))
        self.learn_button.setText(self.tr("Learn…"))
        self.learn_button.setToolTip(self.tr("The course's lessons, with your drawing's own numbers (F1)"))
        self.learn_dock.setWindowTitle(self.tr("Learn"))
        self.learn_action.setText(self.tr("&Learn: the Course's Lessons"))
        self.train_button.setToolTip(self.tr("Train a network and watch it learn (Ctrl+T)"))
        self.training_dock.setWindowTitle(self.tr("Train a network"))
        self.handwriting_dock.setWindowTitle(self.tr("My handwriting"))
        self.evaluate_dock.setWindowTitle(self.tr("Evaluate"))

        self.file_menu.setTitle(self.tr("&File"))
        self.shipped_menu.setTitle(self.tr("Shipped &Models"))
        self.open_model_action.setText(self.tr("&Open Model…"))
        self.save_model_action.setText(self.tr("&Save Model As…"))
        self.save_drawing_action.setText(self.tr("Save &Drawing as PNG…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.clear_action.setText(self.tr("&Clear"))
        self.view_menu.setTitle(self.tr("&View"))
        self.network_action.setText(self.tr("&Network Layers"))
        self.train_action.setText(self.tr("&Training Panel"))
        self.evaluate_action.setText(self.tr("&Evaluate…"))
        self.evaluate_action.setStatusTip(self.tr("Run a model over a labelled data set: confusion matrix and mistakes"))
        self.numpy_action.setText(self.tr("Check with &NumPy"))
        self.fullscreen_action.setText(self.tr("&Full Screen"))
        self.number_action.setText(self.tr("N&umber Mode"))
        self.number_action.setStatusTip(self.tr("Write several digits left to right and read the whole number"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.teach_menu.setTitle(self.tr("&Teach"))
        self.keep_menu.setTitle(self.tr("&Keep Drawing As"))
        self._show_keep_reason()
        self.handwriting_action.setText(self.tr("&My Handwriting"))
        self.adapt_action.setText(self.tr("&Adapt the Model to My Handwriting…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Digit Studio"))
        self._show_engine_state()

    # ----- number mode ----------------------------------------------------------------------------
    def set_number_mode(self, on: bool, announce: bool = True) -> None:
        """Read several digits written left to right as a number (View ▸ Number Mode), or one digit;
        remembered. The canvas changes shape, so its strokes are cleared (``announce``: say so)."""
        on = bool(on)
        if self.number_action.isChecked() != on:
            self.number_action.blockSignals(True)     # toggled would call here again
            self.number_action.setChecked(on)
            self.number_action.blockSignals(False)
        self._settings.setValue("view/number_mode", on)
        if on == self.recognizer.number_mode:
            return
        had_drawing = not self.canvas.is_empty()
        self.canvas.reset()             # strokes are kept as fractions: on the new shape they would stretch
        self.canvas.set_aspect(NUMBER_ASPECT if on else 1.0)
        self.canvas_holder.set_aspect(self.canvas.aspect)
        self.canvas.set_hint_kind("number" if on else "digit")
        self.recognizer.number_mode = on
        self.panel.set_number_mode(on)
        self.panel.set_teaching(not on and self.recognizer.model is not None)
        self.keep_menu.setEnabled(not on)
        for act in [self.keep_menu.menuAction(), *self.keep_actions]:
            act.setEnabled(not on)
        self._show_keep_reason()
        log.info("number mode %s", "on" if on else "off")
        if announce:
            if on:
                text = (self.tr("Number mode: write several digits left to right. The canvas was cleared.")
                        if had_drawing else self.tr("Number mode: write several digits left to right."))
            else:
                text = (self.tr("Digit mode: draw one digit. The canvas was cleared.")
                        if had_drawing else self.tr("Digit mode: draw one digit."))
            self.statusBar().showMessage(text, 6000)

    def _show_keep_reason(self) -> None:
        """Why Teach ▸ Keep Drawing As is off in number mode, where the menu's item is hovered."""
        reason = (self.tr("A kept drawing is one digit: turn Number Mode off (Ctrl+Shift+N) to keep drawings")
                  if self.recognizer.number_mode else "") if hasattr(self, "recognizer") else ""
        for act in [self.keep_menu.menuAction(), *self.keep_actions]:
            act.setStatusTip(reason)
            act.setToolTip(reason)        # "": Qt shows the action's text, as before

    @Slot(object)
    def _on_number(self, reading) -> None:
        selected = self.recognizer.selected_digit
        self.panel.show_number(reading, selected)
        self._show_boxes(reading, selected)

    @Slot(int)
    def _on_digit_selected(self, index: int) -> None:
        self.panel.select_digit(index)
        self._show_boxes(self.recognizer.reading, index)

    def _show_boxes(self, reading, selected) -> None:
        if reading is None:
            self.canvas.set_boxes([])
        else:
            self.canvas.set_boxes([d.box for d in reading.digits], [not d.is_digit for d in reading.digits], selected)

    def _show_engine_state(self) -> None:
        model = self.recognizer.model if hasattr(self, "recognizer") else None
        if self._engine_state == "ready" and model is not None:
            self._status.setText(self.tr("{device} · {model}").format(device=model.device,
                                                                      model=i18n.model_label(model.label)))
            self.panel.set_status(None)
        elif self._engine_state == "failed":
            self._status.setText(self.tr("No model"))
            self.panel.set_status(self.tr("The recognition engine could not start"))
        else:
            self._status.setText(self.tr("Loading the model…"))
            self.panel.set_status(self.tr("Loading the model…"))

    # ----- engine ---------------------------------------------------------------------------
    def start_engine(self) -> None:
        """Load the remembered (or shipped) model in the background."""
        self.recognizer.start_engine(self._model_ref)

    def open_model(self, ref: str) -> None:
        """Switch to a shipped model's name or a .keras path; on failure the current model stays."""
        self.statusBar().showMessage(self.tr("Loading {model}…").format(model=i18n.model_label(catalogue.label(ref))))
        self.recognizer.open_model(ref)

    @property
    def predictor(self):
        return self.recognizer.predictor

    @Slot(object)
    def _on_model_changed(self, loaded: LoadedModel) -> None:
        self.network.set_network(loaded.predictor.network, getattr(loaded.predictor, "backend", "tensorflow"))
        self.panel.set_teaching(not self.recognizer.number_mode)
        self.handwriting_view.set_reader(loaded.predictor.predict_batch, loaded.label)
        self.learn_context.set_model(loaded.predictor.network, loaded.label)
        if loaded.ref is not None:  # a model trained just now has no file to remember yet
            self._settings.setValue("model/last", loaded.ref)
        log.info("model in use: %s", loaded.label)
        self._engine_state = "ready"
        self._show_engine_state()
        self.statusBar().showMessage(self.tr("Now using {model}").format(model=i18n.model_label(loaded.label)), 5000)
        self.engineReady.emit(loaded.label)

    @Slot(str)
    def _on_engine_failed(self, message: str) -> None:
        self._engine_state = "failed"
        self._show_engine_state()
        QMessageBox.critical(self, self.tr("Digit Studio"),
                             self.tr("The recognition engine could not start:\n\n{reason}").format(reason=message))

    @Slot(str, str)
    def _on_model_failed(self, ref: str, message: str) -> None:
        self.statusBar().clearMessage()
        model = self.recognizer.model
        still = (self.tr("Still using {model}.").format(model=i18n.model_label(model.label)) if model
                 else self.tr("No model is in use."))
        QMessageBox.warning(self, self.tr("Could not open the model"), f"{message}\n\n{still}")

    @Slot(int, int)
    def _show_neuron(self, layer: int, unit: int) -> None:
        """A lesson asks to see a neuron: the network view comes up with it selected."""
        if not self.network.isVisible():
            self.network_action.setChecked(True)
            self._on_toggle_network(True)
        self.network.select(layer, unit)

    # ----- your handwriting -------------------------------------------------------------------
    @Slot(int)
    def keep_drawing(self, label: int) -> None:
        """Keep the drawing on show as a ``label`` in My handwriting (a click on a bar, Ctrl+digit)."""
        if self.recognizer.number_mode:
            self.statusBar().showMessage(self.tr("A kept drawing is one digit: turn Number Mode off (Ctrl+Shift+N) "
                                                 "to keep drawings"), 5000)
            return
        prediction = self.panel.prediction()
        if prediction is None or self.canvas.is_empty():
            self.statusBar().showMessage(self.tr("Draw a digit first, then say which digit it is."), 5000)
            return
        model = self.recognizer.model
        if self.handwriting.keep(label, prediction, self.canvas.strokes(), model.label if model else None) is None:
            return
        self.panel.set_hint(lambda: self._kept_hint(label))    # asked again when the language changes
        counted = plural(self.handwriting.counts().get(label, 0), label)
        status = (self.tr("Kept as an {digit}: {counted} in My handwriting (Ctrl+H).") if label == 8
                  else self.tr("Kept as a {digit}: {counted} in My handwriting (Ctrl+H)."))
        self.statusBar().showMessage(status.format(digit=label, counted=counted), 6000)

    def _kept_hint(self, label: int) -> str:
        counted = plural(self.handwriting.counts().get(label, 0), label)
        hint = (self.tr("Kept as an {digit} ✓  ·  {counted} kept") if label == 8
                else self.tr("Kept as a {digit} ✓  ·  {counted} kept"))
        return hint.format(digit=label, counted=counted)

    @Slot()
    def _on_ink_changed(self) -> None:
        self.panel.set_hint(self.handwriting.hint)

    @Slot(object)
    def _on_open_sample(self, sample) -> None:
        from gui.drawing.canvas import Stroke

        if not sample.strokes:
            self.statusBar().showMessage(self.tr("That drawing was imported as a picture; it has no strokes to draw."),
                                         5000)
            return
        if self.recognizer.number_mode:    # a kept drawing is one digit, drawn on the square canvas
            self.set_number_mode(False, announce=False)
        self.canvas.set_strokes([Stroke([tuple(p) for p in s["points"]], float(s["width"]), bool(s.get("erase")))
                                 for s in sample.strokes])

    def adapt_to_handwriting(self) -> None:
        """Fine-tune a copy of the current model on the kept drawings, in the training panel."""
        self.training_dock.show()
        self.training_dock.raise_()
        model = self.recognizer.model
        self.training.adapt(model.ref if model is not None else None, self.handwriting)

    @Slot(object)
    def _on_prediction(self, prediction) -> None:
        if not self.recognizer.number_mode:   # in number mode the panel shows the number (_on_number)
            self.panel.show_prediction(prediction)
        self.learn_context.set_prediction(prediction)
        if self.network.isVisible():
            self.network.show_prediction(prediction)
        self.predictionShown.emit(prediction)

    # ----- training -----------------------------------------------------------------------
    @Slot(object)
    def _on_training_started(self, event) -> None:
        """The canvas and the visualizer follow the new network while it learns: ``event`` is the
        engine's ModelBuilt, whose Predictor the engine keeps at the run's latest weights."""
        current = self.recognizer.model
        if self._model_before_training is None and current is not None and current is not self._training_model:
            self._model_before_training = current
        self._training_model = catalogue.wrap(event.predictor, f"{event.name.replace('_', '-')} (training)",
                                              device=event.device, spec=event.spec)
        self.recognizer.use_model(self._training_model)

    @Slot(object)
    def _on_trained_weights(self, update) -> None:
        model = self.recognizer.model
        if model is None or model is not self._training_model:
            return   # the user has another model on show
        self.network.set_weights_changed(model.predictor.network)
        self.recognizer.refresh()

    @Slot(object)
    def _on_trained_model_kept(self, outcome) -> None:
        if getattr(outcome, "report", None) is not None:   # an adaptation: saved among your models
            self._keep_adapted(outcome)
            return
        current = self.recognizer.model
        if current is not None and current is self._training_model:
            label = current.label.replace("(training)", "(trained, unsaved)")
            self.recognizer.use_model(catalogue.wrap(current.predictor, label, device=current.device,
                                                     spec=outcome.spec))
        self._training_model = self._model_before_training = None
        self.statusBar().showMessage(self.tr("The trained model is now in use; File ▸ Save Model As… keeps it on disk."),
                                     10000)

    def _keep_adapted(self, outcome) -> None:
        from engine.adapt import default_adapted_path
        from engine.model_files import ModelFileError

        before = self._model_before_training
        self._training_model = self._model_before_training = None
        try:
            path = outcome.save(default_adapted_path(before.ref if before is not None else None))
        except ModelFileError as exc:
            QMessageBox.warning(self, self.tr("Could not save the adapted model"), i18n.error_text(exc))
            return
        self.statusBar().showMessage(self.tr("The adapted model is saved as {file} among your models.")
                                     .format(file=path.name), 10000)
        self.open_model(str(path))

    @Slot(object)
    def _on_run_finished(self, outcome) -> None:
        """A run that left no model to keep (an adaptation whose loss became NaN, a failure): the
        model from before comes back, as after Discard."""
        if not outcome.has_model and self._training_model is not None:
            self._on_trained_model_discarded()

    @Slot()
    def _on_trained_model_discarded(self) -> None:
        previous, self._model_before_training = self._model_before_training, None
        self._training_model = None
        if previous is not None:
            self.recognizer.use_model(previous)

    @Slot(bool)
    def _on_training_running(self, running: bool) -> None:
        for action in self._model_actions:
            action.setEnabled(not running)

    @Slot(str)
    def _on_recognition_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Recognition failed: {reason}").format(reason=message), 5000)

    # ----- canvas tools ------------------------------------------------------------------------
    @Slot(int)
    def _on_brush_changed(self, size: int) -> None:
        self.canvas.brush_size = size
        self._settings.setValue("canvas/brush", size)

    @Slot(bool)
    def _on_eraser_toggled(self, on: bool) -> None:
        self.canvas.eraser_mode = on

    @Slot(bool, bool)
    def _on_history_changed(self, can_undo: bool, can_redo: bool) -> None:
        for widget in (self.undo_action, self.undo_button):
            widget.setEnabled(can_undo)
        for widget in (self.redo_action, self.redo_button):
            widget.setEnabled(can_redo)

    # ----- file actions ------------------------------------------------------------------------
    @Slot()
    def _on_open_model(self) -> None:
        start = self._settings.value("paths/models", "", str)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Model"), start,
                                              self.tr("Keras models (*.keras);;All files (*)"))
        if path:
            self._settings.setValue("paths/models", str(Path(path).parent))
            self.open_model(path)

    @Slot()
    def _on_save_model(self) -> None:
        model = self.recognizer.model
        if model is None:
            QMessageBox.information(self, self.tr("Save Model"), self.tr("The model is still loading."))
            return
        from engine.model_files import ModelFileError

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Model As"), str(self._suggested_model_path(model)),
                                              self.tr("Keras models (*.keras)"))
        if not path:
            return
        if not path.endswith(".keras"):
            path += ".keras"
        try:
            model.predictor.save(path, spec=model.spec)
        except ModelFileError as exc:
            QMessageBox.warning(self, self.tr("Could not save the model"), i18n.error_text(exc))
            return
        self._settings.setValue("paths/models", str(Path(path).parent))
        if model.ref is None:   # the trained model now has a file: say so, and remember it
            self.recognizer.use_model(LoadedModel(model.predictor, path, catalogue.label(path), model.device, 0.0,
                                                  model.spec))
        self.statusBar().showMessage(self.tr("Saved {file}").format(file=path), 5000)

    def _suggested_model_path(self, model: LoadedModel) -> Path:
        """A file name from the model's own name, in the last folder used (or the user's models
        folder, made if missing): never a bare folder name that the dialog would take for a file."""
        from engine.paths import user_models_dir

        folder = Path(self._settings.value("paths/models", "", str) or user_models_dir())
        if folder.suffix == ".keras":     # older versions remembered the file itself
            folder = folder.parent
        if not folder.is_dir():
            folder = user_models_dir()
            folder.mkdir(parents=True, exist_ok=True)
        name = Path(model.ref).stem if model.ref else model.label.split(" (")[0].replace(" ", "-")
        return folder / f"{name}.keras"

    @Slot()
    def _on_save_drawing(self) -> None:
        if self.canvas.is_empty():
            QMessageBox.information(self, self.tr("Save Drawing"), self.tr("The canvas is empty: draw a digit first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Drawing as PNG"),
                                              self._settings.value("paths/drawings", "digit.png", str),
                                              self.tr("PNG images (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.canvas.save_png(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Could not save the drawing"),
                                self.tr("Could not write {file}:\n{reason}").format(file=path, reason=exc.strerror or exc))
            return
        self._settings.setValue("paths/drawings", path)
        self.statusBar().showMessage(self.tr("Saved {file}").format(file=path), 5000)

    @Slot(bool)
    def _on_toggle_network(self, on: bool) -> None:
        self.network.setVisible(on)
        self._settings.setValue("view/network", on)
        if on:
            self.recognizer.refresh()  # catch the view up with the current drawing

    @Slot(bool)
    def _on_toggle_numpy(self, on: bool) -> None:
        self.network.numpy_check = on

    @Slot()
    def _on_toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    @Slot()
    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About Digit Studio"), about_text(self.recognizer.model))

    # ----- window state ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 780)
        state = self._settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self._settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.brush.setValue(int(self._settings.value("canvas/brush", 18)))
        network = self._settings.value("view/network", True, bool)
        self.network_action.setChecked(network)
        self.network.setVisible(network)
        if self._settings.value("view/number_mode", False, bool):
            self.set_number_mode(True, announce=False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.setValue("window/state", self.saveState())
        self.training.stop_and_wait()  # stops within one batch and joins the training thread
        self.learn.stop()
        self.evaluate.stop()
        self.hide()  # feels instant even if TensorFlow is still loading below
        self.recognizer.stop()
        self.handwriting.close()
        event.accept()


def about_text(model: LoadedModel | None) -> str:
    import PySide6

    lines = [f"<h3>Digit Studio {QApplication.applicationVersion()}</h3>",
             "<p>" + QApplication.translate("AboutText", "Draw a digit and watch a neural network recognise it, layer by layer.") + "</p>",
             f"<p>Python {platform.python_version()} · PySide6 {PySide6.__version__} · NumPy {np.__version__}"]
    from importlib.metadata import PackageNotFoundError, version   # installed versions, not imported

    from engine.device import tensorflow_installed

    try:
        if not tensorflow_installed():
            raise PackageNotFoundError("tensorflow")
        lines.append(f" · TensorFlow {version('tensorflow')} · Keras {version('keras')}</p>")
    except PackageNotFoundError:
        lines.append("</p><p>" + QApplication.translate("AboutText", "Recognition only: this installation has no TensorFlow, so it cannot train.")
                     + "</p>")
    if model is not None:
        lines.append("<p>" + QApplication.translate("AboutText", "Computed on: {device}<br>Model: {model}")
                     .format(device=model.device, model=i18n.model_label(model.label)) + "</p>")
    else:
        lines.append("<p>" + QApplication.translate("AboutText", "The model is still loading.") + "</p>")
    return "".join(lines)

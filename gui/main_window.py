"""The main window: the drawing canvas, the live answer, menus, status bar and settings."""
from __future__ import annotations

import logging
import platform
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
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
from gui.handwriting.collector import HandwritingCollector, plural
from gui.handwriting.gallery import HandwritingView
from gui.training.panel import TrainingPanel

log = logging.getLogger("digit_studio")
class SquareHolder(QWidget):
    """Keeps one child square and centred in whatever space the layout gives: a digit is drawn
    in a square, and a wide canvas would only waste room beside it."""

    def __init__(self, child: QWidget):
        super().__init__()
        self._child = child
        child.setParent(self)
        self.setMinimumSize(child.minimumSizeHint())

    def sizeHint(self):
        return self._child.sizeHint()

    def resizeEvent(self, event) -> None:
        side = min(self.width(), self.height())
        self._child.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)


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
        self.setWindowTitle("Digit Studio")
        self.setMinimumSize(760, 560)

        self.canvas = DrawingCanvas()
        self.panel = PredictionPanel()
        self.network = ActivationView()
        self.training = TrainingPanel(data_loader=data_loader)
        self.handwriting = HandwritingCollector(parent=self)
        self.handwriting_view = HandwritingView(self.handwriting)
        self._model_before_training: LoadedModel | None = None
        self._training_model: LoadedModel | None = None   # the network being trained, while on show
        self._build_layout()
        self._build_training_dock()
        self._build_handwriting_dock()
        self._build_actions_and_menus()
        self._status = QLabel("Loading the model…")
        self.statusBar().addPermanentWidget(self._status)
        self.panel.set_status("Loading the model…")
        self.panel.show_prediction(None)

        self.recognizer = Recognizer(self.canvas, started_at=self._started_at, parent=self, backend=backend)
        self.recognizer.predictionShown.connect(self._on_prediction)
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
        self.brush.setToolTip("Brush size")
        self.brush.setMinimumWidth(60)
        self.brush.setMaximumWidth(160)
        self.brush.valueChanged.connect(self._on_brush_changed)
        self.eraser_button = QToolButton(text="Eraser", checkable=True)
        self.eraser_button.setToolTip("Erase with the left button, pen or finger (the right button always erases)")
        self.eraser_button.toggled.connect(self._on_eraser_toggled)
        self.undo_button = QToolButton(text="Undo")
        self.redo_button = QToolButton(text="Redo")
        self.clear_button = QToolButton(text="Clear")
        self.train_button = QToolButton(text="Train…")
        self.train_button.setToolTip("Train a network and watch it learn (Ctrl+T)")
        self.undo_button.clicked.connect(self.canvas.undo)
        self.redo_button.clicked.connect(self.canvas.redo)
        self.clear_button.clicked.connect(self.canvas.clear)
        # The tools run under the canvas and the answer together: in a small window the canvas
        # column alone is too narrow for them, and a squeezed button elides its own name.
        tools = QHBoxLayout()
        tools.addWidget(QLabel("Brush"))
        tools.addWidget(self.brush)
        for button in (self.eraser_button, self.undo_button, self.redo_button, self.clear_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.train_button)
        for button in (self.eraser_button, self.undo_button, self.redo_button, self.clear_button, self.train_button):
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        grid = QGridLayout()
        grid.addWidget(SquareHolder(self.canvas), 0, 0)
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
        self.training_dock = QDockWidget("Train a network", self)
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
        self.handwriting_dock = QDockWidget("My handwriting", self)
        self.handwriting_dock.setObjectName("handwriting-dock")
        self.handwriting_dock.setWidget(self.handwriting_view)
        self.handwriting_dock.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.addDockWidget(Qt.RightDockWidgetArea, self.handwriting_dock)
        self.tabifyDockWidget(self.training_dock, self.handwriting_dock)
        self.handwriting_dock.hide()
        self.handwriting_view.openRequested.connect(self._on_open_sample)
        self.handwriting_view.adaptRequested.connect(self.adapt_to_handwriting)

    def _build_actions_and_menus(self) -> None:
        def action(text, slot, shortcut=None, menu=None):
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            act.triggered.connect(slot)
            if menu is not None:
                menu.addAction(act)
            return act

        file_menu = self.menuBar().addMenu("&File")
        shipped = file_menu.addMenu("Shipped &Models")
        # Switching models mid-training would leave the run's snapshots nowhere to go.
        self._model_actions = [action("&Open Model…", self._on_open_model, QKeySequence.Open)] + [
            action(name, lambda _=False, n=name: self.open_model(n), menu=shipped) for name in SHIPPED_MODELS]
        file_menu.insertAction(shipped.menuAction(), self._model_actions[0])
        self.save_model_action = action("&Save Model As…", self._on_save_model, QKeySequence.SaveAs, file_menu)
        action("Save &Drawing as PNG…", self._on_save_drawing, QKeySequence("Ctrl+E"), file_menu)
        file_menu.addSeparator()
        action("&Quit", self.close, QKeySequence.Quit, file_menu)

        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = action("&Undo", self.canvas.undo, QKeySequence.Undo, edit)
        self.redo_action = action("&Redo", self.canvas.redo,
                                  [QKeySequence.Redo, QKeySequence("Ctrl+Shift+Z")], edit)
        action("&Clear", self.canvas.clear, [QKeySequence(Qt.Key_Escape), QKeySequence.Delete], edit)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

        view = self.menuBar().addMenu("&View")
        self.network_action = action("&Network Layers", self._on_toggle_network, QKeySequence("Ctrl+L"), view)
        self.network_action.setCheckable(True)
        self.network_action.setChecked(True)
        train_action = self.training_dock.toggleViewAction()
        train_action.setText("&Training Panel")
        train_action.setShortcut(QKeySequence("Ctrl+T"))
        view.addAction(train_action)
        self.train_button.clicked.connect(train_action.trigger)
        self.numpy_action = action("Check with &NumPy", self._on_toggle_numpy, menu=view)
        self.numpy_action.setCheckable(True)
        self.network.numpyCheckChanged.connect(self.numpy_action.setChecked)
        self.fullscreen_action = action("&Full Screen", self._on_toggle_fullscreen, QKeySequence.FullScreen, view)
        self.fullscreen_action.setCheckable(True)

        teach = self.menuBar().addMenu("&Teach")
        keep = teach.addMenu("&Keep Drawing As")
        self.keep_actions = [action(f"&{d}", lambda _=False, d=d: self.keep_drawing(d), QKeySequence(f"Ctrl+{d}"), keep)
                             for d in range(10)]
        handwriting_action = self.handwriting_dock.toggleViewAction()
        handwriting_action.setText("&My Handwriting")
        handwriting_action.setShortcut(QKeySequence("Ctrl+H"))
        teach.addAction(handwriting_action)
        self.adapt_action = action("&Adapt the Model to My Handwriting…", self.adapt_to_handwriting,
                                   QKeySequence("Ctrl+Shift+A"), teach)

        help_menu = self.menuBar().addMenu("&Help")
        action("&About Digit Studio", self._on_about, menu=help_menu)

    # ----- engine ---------------------------------------------------------------------------
    def start_engine(self) -> None:
        """Load the remembered (or shipped) model in the background."""
        self.recognizer.start_engine(self._model_ref)

    def open_model(self, ref: str) -> None:
        """Switch to a shipped model's name or a .keras path; on failure the current model stays."""
        self.statusBar().showMessage(f"Loading {ref}…")
        self.recognizer.open_model(ref)

    @property
    def predictor(self):
        return self.recognizer.predictor

    @Slot(object)
    def _on_model_changed(self, loaded: LoadedModel) -> None:
        self.network.set_network(loaded.predictor.network, getattr(loaded.predictor, "backend", "tensorflow"))
        self.panel.set_teaching(True)
        self.handwriting_view.set_reader(loaded.predictor.predict_batch, loaded.label)
        if loaded.ref is not None:  # a model trained just now has no file to remember yet
            self._settings.setValue("model/last", loaded.ref)
        log.info("model in use: %s", loaded.label)
        self._status.setText(f"{loaded.device} · {loaded.label}")
        self.panel.set_status(None)
        self.statusBar().showMessage(f"Now using {loaded.label}", 5000)
        self.engineReady.emit(loaded.label)

    @Slot(str)
    def _on_engine_failed(self, message: str) -> None:
        self._status.setText("No model")
        self.panel.set_status("The recognition engine could not start")
        QMessageBox.critical(self, "Digit Studio", f"The recognition engine could not start:\n\n{message}")

    @Slot(str, str)
    def _on_model_failed(self, ref: str, message: str) -> None:
        self.statusBar().clearMessage()
        model = self.recognizer.model
        QMessageBox.warning(self, "Could not open the model",
                            f"{message}\n\nStill using {model.label if model else 'no model'}.")

    # ----- your handwriting -------------------------------------------------------------------
    @Slot(int)
    def keep_drawing(self, label: int) -> None:
        """Keep the drawing on show as a ``label`` in My handwriting (a click on a bar, Ctrl+digit)."""
        prediction = self.panel.prediction()
        if prediction is None or self.canvas.is_empty():
            self.statusBar().showMessage("Draw a digit first, then say which digit it is.", 5000)
            return
        model = self.recognizer.model
        if self.handwriting.keep(label, prediction, self.canvas.strokes(), model.label if model else None) is None:
            return
        count = self.handwriting.counts().get(label, 0)
        self.panel.set_hint(f"Kept as a {label} ✓  ·  {plural(count, label)} kept")
        self.statusBar().showMessage(f"Kept as a {label}: {plural(count, label)} in My handwriting (Ctrl+H).", 6000)

    @Slot()
    def _on_ink_changed(self) -> None:
        self.panel.set_hint(self.handwriting.hint())

    @Slot(object)
    def _on_open_sample(self, sample) -> None:
        from gui.drawing.canvas import Stroke

        if not sample.strokes:
            self.statusBar().showMessage("That drawing was imported as a picture; it has no strokes to draw.", 5000)
            return
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
        self.panel.show_prediction(prediction)
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
        self.statusBar().showMessage("The trained model is now in use; File ▸ Save Model As… keeps it on disk.",
                                     10000)

    def _keep_adapted(self, outcome) -> None:
        from engine.adapt import default_adapted_path
        from engine.model_files import ModelFileError

        before = self._model_before_training
        self._training_model = self._model_before_training = None
        try:
            path = outcome.save(default_adapted_path(before.ref if before is not None else None))
        except ModelFileError as exc:
            QMessageBox.warning(self, "Could not save the adapted model", str(exc))
            return
        self.statusBar().showMessage(f"The adapted model is saved as {path.name} among your models.", 10000)
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
        self.statusBar().showMessage(f"Recognition failed: {message}", 5000)

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
        path, _ = QFileDialog.getOpenFileName(self, "Open Model", start, "Keras models (*.keras);;All files (*)")
        if path:
            self._settings.setValue("paths/models", str(Path(path).parent))
            self.open_model(path)

    @Slot()
    def _on_save_model(self) -> None:
        model = self.recognizer.model
        if model is None:
            QMessageBox.information(self, "Save Model", "The model is still loading.")
            return
        from engine.model_files import ModelFileError

        path, _ = QFileDialog.getSaveFileName(self, "Save Model As", str(self._suggested_model_path(model)),
                                              "Keras models (*.keras)")
        if not path:
            return
        if not path.endswith(".keras"):
            path += ".keras"
        try:
            model.predictor.save(path, spec=model.spec)
        except ModelFileError as exc:
            QMessageBox.warning(self, "Could not save the model", str(exc))
            return
        self._settings.setValue("paths/models", str(Path(path).parent))
        if model.ref is None:   # the trained model now has a file: say so, and remember it
            self.recognizer.use_model(LoadedModel(model.predictor, path, catalogue.label(path), model.device, 0.0,
                                                  model.spec))
        self.statusBar().showMessage(f"Saved {path}", 5000)

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
            QMessageBox.information(self, "Save Drawing", "The canvas is empty: draw a digit first.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save Drawing as PNG",
                                              self._settings.value("paths/drawings", "digit.png", str),
                                              "PNG images (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.canvas.save_png(path)
        except OSError as exc:
            QMessageBox.warning(self, "Could not save the drawing",
                                f"Could not write {path}:\n{exc.strerror or exc}")
            return
        self._settings.setValue("paths/drawings", path)
        self.statusBar().showMessage(f"Saved {path}", 5000)

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
        QMessageBox.about(self, "About Digit Studio", about_text(self.recognizer.model))

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.setValue("window/state", self.saveState())
        self.training.stop_and_wait()  # stops within one batch and joins the training thread
        self.hide()  # feels instant even if TensorFlow is still loading below
        self.recognizer.stop()
        self.handwriting.close()
        event.accept()


def about_text(model: LoadedModel | None) -> str:
    import PySide6

    lines = [f"<h3>Digit Studio {QApplication.applicationVersion()}</h3>",
             "<p>Draw a digit and watch a neural network recognise it, layer by layer.</p>",
             f"<p>Python {platform.python_version()} · PySide6 {PySide6.__version__} · NumPy {np.__version__}"]
    from importlib.metadata import PackageNotFoundError, version   # installed versions, not imported

    from engine.device import tensorflow_installed

    try:
        if not tensorflow_installed():
            raise PackageNotFoundError("tensorflow")
        lines.append(f" · TensorFlow {version('tensorflow')} · Keras {version('keras')}</p>")
    except PackageNotFoundError:
        lines.append("</p><p>Recognition only: this installation has no TensorFlow, so it cannot train.</p>")
    if model is not None:
        lines.append(f"<p>Computed on: {model.device}<br>Model: {model.label}</p>")
    else:
        lines.append("<p>The model is still loading.</p>")
    return "".join(lines)

"""The training panel: pick a network, press Train, watch the loss fall; keep or discard the result.

The form (``gui.training.form``) gives an ``engine.spec.TrainingSpec``; a run is an
``engine.training.Training`` whose ``run`` goes on a ``gui.workers.Worker`` thread, its typed events
coming back as the signals of ``gui.training.events.TrainingEvents`` (queued to the UI thread). The
engine hands on at most ~30 batch reports a second and the loss plot coalesces its redraws.

Nothing here imports TensorFlow at import time: the window shows before the engine loads.
"""
from __future__ import annotations

import gc
import logging
import math
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from engine.device import tensorflow_installed
from engine.spec import TrainingSpec
from engine.training import (WEIGHTS_EVERY_BATCHES, BatchProgress, EpochProgress, ModelBuilt, Training, TrainingEnd,
                             TrainingOutcome, WeightsUpdate)
from gui import theme
from gui.training.events import TrainingEvents
from gui.training.form import TrainingForm, pixel_font
from gui.training.loss_plot import LossPlot
from gui.training.result_card import OK, WARN, ResultCard, set_text_color
from gui.workers import Worker

log = logging.getLogger("digit_studio")
NO_TENSORFLOW = ("Training needs the full installation of Digit Studio: this one has no TensorFlow, "
                 "so it recognises digits but cannot train networks.")



def progress_text(epoch: int, epochs: int, step: int, steps: int, per_second: float, seconds_left: float) -> str:
    """ "Epoch 2/5 · batch 213/430 · 8,400 img/s · 0:42 left" """
    return (f"Epoch {epoch + 1}/{epochs} · batch {step}/{steps} · {per_second:,.0f} img/s · "
            f"{clock(seconds_left)} left")


def clock(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "–:––"
    seconds = int(round(max(0.0, seconds)))
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"




class TrainingPanel(QWidget):
    """Architecture and training controls, live progress and loss plot, and the result of a run."""

    weightsUpdated = Signal(WeightsUpdate)    # every epoch end, ~every 200 batches, the end (the live predictor has them)
    modelStarted = Signal(ModelBuilt)         # the network exists: its live Predictor, device and spec
    modelKept = Signal(TrainingOutcome)       # the user pressed Keep
    modelDiscarded = Signal()                 # the user pressed Discard: the previous model should come back
    trainingRunning = Signal(bool)
    epochEnded = Signal(EpochProgress)        # status bars, benchmarks
    runFinished = Signal(TrainingOutcome)     # once a run has ended (tests, benchmarks)

    def __init__(self, data_loader: Callable | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        if data_loader is None:
            from engine.data import load_mnist as data_loader
        self._data_loader = data_loader
        self._data = None
        self._training: Training | None = None
        self._worker: Worker | None = None
        self._outcome: TrainingOutcome | None = None
        self._events = TrainingEvents(self)
        self._events.phase.connect(self._on_phase)
        self._events.modelBuilt.connect(self._on_model_built)
        self._events.batch.connect(self._on_batch)
        self._events.epoch.connect(self._on_epoch)
        self._events.weights.connect(self._on_weights)
        self._events.ended.connect(self._on_ended)
        self._batch = None
        self._last_epoch = None
        self._pending = False       # a trained model waits for Keep or Discard
        self._gc_frozen = False
        self._retired: list[Worker] = []
        self.max_reports_per_second = 30.0
        self.weights_every = WEIGHTS_EVERY_BATCHES
        self.progress_reports = 0   # batch reports received (tests, benchmarks)
        # Found without importing TensorFlow (milliseconds); the booth build has none.
        self.can_train = tensorflow_installed()
        self._build()
        self._update_enabled()
        self._on_palette_change()
        if not self.can_train:   # the form stays visible (what one could train), greyed out
            for widget in (self.progress, self.stats_label, self.plot):
                widget.hide()
            self.result_card.show_result(NO_TENSORFLOW, WARN, decision=False)

    # ----- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel("Train a network")
        self.title.setFont(pixel_font(self, 17, bold=True))
        self.device_label = QLabel("")
        self.device_label.setFont(pixel_font(self, 11))
        self.device_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.device_label)

        self.form = TrainingForm()
        self.controls = self.form   # everything that is fixed while a run goes on
        # In place of the form while adapting: what is fine-tuned on what (the form is a training's).
        self.adapt_label = QLabel("")
        self.adapt_label.setWordWrap(True)
        self.adapt_label.setFont(pixel_font(self, 13))
        self.adapt_label.hide()
        self._captions = self.form.captions

        self.train_button = QPushButton("Train")
        self.train_button.setDefault(True)
        self.pause_button = QPushButton("Pause")
        self.stop_button = QPushButton("Stop")
        self.train_button.clicked.connect(lambda: self.start())
        self.train_button.setToolTip("Start training (Ctrl+Enter)")
        # A shortcut of its own: a button's shortcut is lost whenever its text changes ("Training…").
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_train_shortcut)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        for button in (self.train_button, self.pause_button, self.stop_button):
            button.setMinimumHeight(30)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.train_button, 2)
        buttons.addWidget(self.pause_button, 1)
        buttons.addWidget(self.stop_button, 1)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress.setFont(pixel_font(self, 11))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("Ready")
        self.stats_label = QLabel(" ")
        self.stats_label.setFont(pixel_font(self, 11))
        self.stats_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # New text ~30 times a second must not re-lay out the panel: the label's size never changes.
        self.stats_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.stats_label.setFixedHeight(self.stats_label.fontMetrics().height() + 2)

        self.plot = LossPlot()

        self.result_card = ResultCard()
        card = self.result_card
        self.message_label, self.accuracy_label, self.accuracy_caption = (
            card.message_label, card.accuracy_label, card.accuracy_caption)
        self.keep_button, self.discard_button = card.keep_button, card.discard_button
        self.keep_button.clicked.connect(self.keep)
        self.discard_button.clicked.connect(self.discard)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.controls)
        layout.addWidget(self.adapt_label)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.stats_label)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.result_card)
        if not self.can_train:
            layout.addStretch(1)   # no plot: the message sits under the buttons
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(440, 720)

    # ----- the form -------------------------------------------------------------------------------
    def spec(self) -> TrainingSpec:
        """The run the controls describe (raises ValueError for a bad learning rate)."""
        return self.form.spec()

    def set_spec(self, spec: TrainingSpec) -> None:
        self.form.set_spec(spec)

    # ----- state -------------------------------------------------------------------------------------
    def is_training(self) -> bool:
        """True while a run's thread is alive (loading, training or testing)."""
        return self._worker is not None and self._worker.is_running()

    def is_paused(self) -> bool:
        return self._training is not None and self._training.is_paused()

    def result(self) -> TrainingOutcome | None:
        """The last finished run (None before the first, and while one runs)."""
        return self._outcome

    def test_accuracy(self) -> float | None:
        return self._outcome.test_accuracy if self._outcome else None

    def message(self) -> str:
        return self.message_label.text()

    def has_pending_result(self) -> bool:
        """A trained model waits for Keep or Discard."""
        return self._pending

    # ----- actions ------------------------------------------------------------------------------------
    def start(self, spec: TrainingSpec | None = None) -> bool:
        """Start a run of ``spec`` (default: the controls). False if one is running or the
        controls are invalid (the message says why). An undecided earlier result is discarded."""
        if not self._can_start():
            return False
        try:
            spec = spec or self.spec()
        except ValueError as exc:
            self.result_card.show_result(str(exc), WARN, decision=False)
            return False
        training = Training(spec, self._data if self._data is not None else self._data_loader,
                            weights_every=self.weights_every, max_reports_per_second=self.max_reports_per_second)
        self._start_run(training, spec.epochs, form=True)
        log.info("training started: %s", spec.summary())
        return True

    def adapt(self, source_ref: str | None, collector) -> bool:
        """Fine-tune a copy of ``source_ref`` (the current model) on the drawings ``collector``
        (a ``gui.handwriting.collector.HandwritingCollector``) keeps: the same plot, progress,
        Keep and Discard as a training; the result shows before → after on the held-out drawings
        and on MNIST. False when it cannot start (the card says why)."""
        if not self._can_start():
            return False
        try:
            x, y, _ids = collector.store.arrays()
            from engine.adapt import Adaptation

            run = Adaptation(source_ref, x, y, mnist=self._data if self._data is not None else self._data_loader,
                             max_reports_per_second=self.max_reports_per_second)
        except Exception as exc:   # too few drawings, an unreadable store, a missing model
            self.result_card.show_result(str(exc), WARN, decision=False)
            return False
        held = (f"{run.samples_held_out} newest held out to compare before and after" if run.samples_held_out
                else "too few of each digit to hold any out: compared on the training drawings")
        self.adapt_label.setText(f"Fine-tuning a copy of {run.source_label} on {run.samples_trained} of your "
                                 f"drawings ({held}), mixed with MNIST digits so it does not forget. "
                                 f"{run.epochs} epochs.")
        self._start_run(run, run.epochs, form=False)
        log.info("adapting started: %s on %d drawings (%d held out)", run.source_label, len(y), run.samples_held_out)
        return True

    def _can_start(self) -> bool:
        """No run going on and TensorFlow at hand (else the card says the installation lacks it)."""
        if self.is_training():
            return False
        if not self.can_train:
            self.result_card.show_result(NO_TENSORFLOW, WARN, decision=False)
            return False
        return True

    def _show_form(self, training: bool) -> None:
        """The training form and title for a training; the adaptation's description for an adaptation."""
        self.title.setText("Train a network" if training else "Adapting to your handwriting")
        self.form.setVisible(training)
        self.adapt_label.setVisible(not training)

    def _start_run(self, training, epochs: int, form: bool) -> None:
        """Run ``training`` (an engine Training or Adaptation) on a worker thread, its events here;
        ``form``: show the training form (a training) or the adaptation's description."""
        if self.has_pending_result():
            self.discard()
        self._show_form(form)
        self._retire_worker()
        worker = Worker(training.run, self._events.listener_for(training), name="training")
        worker.errored.connect(self._on_errored)
        self._training, self._worker, self._outcome = training, worker, None
        self._batch, self._last_epoch = None, None
        self.progress_reports = 0
        self.result_card.setVisible(False)
        self.plot.reset(epochs)
        self.progress.setRange(0, 0)   # busy until the first batch: loading, building, tracing
        self.progress.setFormat("Starting…")
        self.stats_label.setText(" ")
        self.pause_button.setText("Pause")
        self._freeze_gc()
        worker.start()
        self._update_enabled()
        self.trainingRunning.emit(True)

    @Slot()
    def toggle_pause(self) -> None:
        self.resume() if self.is_paused() else self.pause()

    def pause(self) -> None:
        if self._training is None or not self.is_training():
            return
        self._training.pause()
        self.pause_button.setText("Resume")
        self._show_progress_text()

    def resume(self) -> None:
        if self._training is None or not self.is_training():
            return
        self._training.resume()
        self.pause_button.setText("Pause")
        self._show_progress_text()

    @Slot()
    def stop(self) -> None:
        """Ask the run to stop: it ends after the batch in progress (the result is still tested)."""
        if self._training is not None and self.is_training():
            self._training.stop()
            self.progress.setFormat("Stopping…")
            self.pause_button.setEnabled(False)
            self.stop_button.setEnabled(False)

    def stop_and_wait(self, timeout_ms: int = 30_000) -> bool:
        """Stop a run (skipping its test-set evaluation) and join its thread; for closing the window.
        True when no training thread is left; False if it is still busy after ``timeout_ms``
        (only possible while TensorFlow is being imported, which nothing can interrupt)."""
        if self._worker is None:
            return True
        self._training.abort()
        joined = self._worker.wait(timeout_ms)
        if joined:
            self._unfreeze_gc()
        return joined

    @Slot()
    def _on_train_shortcut(self) -> None:
        if self.train_button.isEnabled():
            self.start()

    @Slot()
    def keep(self) -> None:
        """The trained model becomes the current one."""
        if not self._pending:
            return
        outcome = self._outcome
        self._pending = False
        if getattr(outcome, "report", None) is not None:   # an adaptation is saved among your models
            self._show_form(True)
            self.result_card.decided("Kept: the adapted model is saved among your models and is now the "
                                     "current model.", keep_accuracy=True)
        else:
            self.result_card.decided(f"Kept: {outcome.spec.model.name} is now the current model "
                                     "(File ▸ Save Model As… to save it).", keep_accuracy=True)
        self.modelKept.emit(outcome)

    @Slot()
    def discard(self) -> None:
        """Throw the trained model away: the previous one comes back."""
        if not self._pending:
            return
        self._pending = False
        self._show_form(True)
        self.result_card.decided("Discarded: the previous model is back.", keep_accuracy=False)
        self.modelDiscarded.emit()

    def closeEvent(self, event) -> None:
        self.stop_and_wait()
        super().closeEvent(event)

    # ----- events of the run (queued to the UI thread) ----------------------------------------------
    def _current(self, training) -> bool:
        return training is self._training   # an event of an earlier run still in the queue: ignored

    @Slot(object, str)
    def _on_phase(self, training, text: str) -> None:
        if self._current(training):
            self.progress.setFormat(text)

    @Slot(object, object)
    def _on_model_built(self, training, event: ModelBuilt) -> None:
        if self._current(training):
            self.device_label.setText(f"Training on {event.device}")
            self.device_label.setToolTip(f"TensorFlow computes on {event.device}")
            log.info("training: network built on %s", event.device)
            self.modelStarted.emit(event)

    @Slot(object, object)
    def _on_weights(self, training, update: WeightsUpdate) -> None:
        if self._current(training):
            self.weightsUpdated.emit(update)

    @Slot(object, object)
    def _on_batch(self, training, p: BatchProgress) -> None:
        if not self._current(training):
            return
        self.progress_reports += 1
        if self._batch is None:
            self.plot.reset(p.epochs, p.steps_per_epoch)
            self.progress.setRange(0, p.epochs * p.steps_per_epoch)
        self._batch = p
        self.plot.add_batches(p.positions, p.losses)
        self.progress.setValue(p.epoch * p.steps_per_epoch + p.step)
        self._show_progress_text()
        self._show_stats(loss=p.mean_loss, accuracy=p.accuracy)

    def _show_progress_text(self) -> None:
        p = self._batch
        if self._training is not None and self._training.is_stopping():
            text = "Stopping…"
        elif p is None:
            return
        elif self.is_paused():
            text = f"Paused · epoch {p.epoch + 1}/{p.epochs} · batch {p.step}/{p.steps_per_epoch}"
        else:
            text = progress_text(p.epoch, p.epochs, p.step, p.steps_per_epoch, p.samples_per_second,
                                 p.seconds_left)
        self.progress.setFormat(text)

    @Slot(object, object)
    def _on_epoch(self, training, p: EpochProgress) -> None:
        if not self._current(training):
            return
        self._last_epoch = p
        self.plot.add_epoch(p.epoch + 1, p.val_loss, p.val_accuracy)
        self._show_stats(loss=p.loss, accuracy=p.accuracy)
        self.epochEnded.emit(p)

    def _show_stats(self, loss: float, accuracy: float) -> None:
        parts = [f"loss {loss:.3f}", f"train acc {100 * accuracy:.1f}%"]
        if self._last_epoch is not None:
            parts += [f"val loss {self._last_epoch.val_loss:.3f}",
                      f"val acc {100 * self._last_epoch.val_accuracy:.1f}%"]
        self.stats_label.setText("  ·  ".join(parts))

    @Slot(object, object)
    def _on_ended(self, training, result: TrainingOutcome) -> None:
        if not self._current(training):
            return
        self._retire_worker()
        self._unfreeze_gc()
        if training.data is not None:
            self._data = training.data   # the next run starts without loading MNIST again
        self._outcome = result
        self.plot.flush()
        end = result.end
        if self.device_label.text().startswith("Training on "):
            self.device_label.setText("Trained on " + self.device_label.text().removeprefix("Training on "))
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if end.reason == "completed" else 0)
        if end.reason == "nan":   # the engine stops on a NaN and on a diverging loss alike
            bad = getattr(end, "bad_loss", None)
            ended = ("Stopped: the loss diverged" if bad is not None and math.isfinite(bad)
                     else "Stopped: the loss became NaN")
        else:
            ended = {"completed": "Done", "stopped": "Stopped", "error": "Failed"}.get(end.reason, end.reason)
        self.progress.setFormat(ended)
        message = end.message
        if end.reason == "stopped" and end.epochs_completed == 0 and result.has_model:
            message += " The weights are those of the last batch."
        self._pending = result.has_model
        if not result.has_model:
            self._show_form(True)   # nothing to decide on: ready for the next training
        report = getattr(result, "report", None)   # an adaptation: before → after
        if report is not None and report.held_out_after is not None:
            message = "\n".join([message, *report.lines()[:2]])
            before = "n/a" if report.held_out_before is None else f"{100 * report.held_out_before:.1f}%"
            self.result_card.show_result(message, OK if end.reason == "completed" else WARN, result.has_model,
                                         report.held_out_after, caption=f"your held-out drawings · before {before}")
        else:
            self.result_card.show_result(message, OK if end.reason == "completed" else WARN, result.has_model,
                                         result.test_accuracy, result.test_count)
        self._update_enabled()
        if result.has_model:   # where Keep is, in screen coordinates (for scripts driving the real window)
            QTimer.singleShot(0, self._log_keep_button)
        log.info("training ended: %s (%s); test accuracy %s", end.reason, end.message,
                 "n/a" if result.test_accuracy is None else f"{result.test_accuracy:.4f}")
        self.trainingRunning.emit(False)
        self.runFinished.emit(result)

    def _log_keep_button(self) -> None:
        button = self.keep_button
        if button.isVisible():
            centre = button.mapToGlobal(button.rect().center())
            log.info("keep button x=%d y=%d", centre.x(), centre.y())

    @Slot(str)
    def _on_errored(self, message: str) -> None:  # only a bug in the engine's run itself gets here
        spec = self._training.spec
        if spec is None:   # an adaptation of a file without a spec
            from engine.spec import TrainingSpec

            spec = TrainingSpec.from_preset("course-mlp")
        self._on_ended(self._training, TrainingOutcome(TrainingEnd("error", f"Training failed: {message}", 0), spec))

    def _freeze_gc(self) -> None:
        """Keep the garbage collector's full passes short while a run traces and trains.

        With TensorFlow loaded the process holds ~300,000 objects; tracing a training step makes
        many more, which triggers full collections: each scans every object with the GIL held,
        ~200 ms in which the UI cannot run. ``gc.freeze()`` (O(1)) moves the objects alive now
        out of the collector's reach until the run ends, so its passes only scan what is new.
        Nothing leaks: ``gc.unfreeze()`` hands them back afterwards. Left alone if someone
        else (the app) has frozen objects already."""
        if not self._gc_frozen and gc.get_freeze_count() == 0:
            gc.freeze()
            self._gc_frozen = True

    def _unfreeze_gc(self) -> None:
        if self._gc_frozen:
            gc.unfreeze()
            self._gc_frozen = False

    def _retire_worker(self) -> None:
        """Join and drop a worker whose thread has ended (its thread quits right after returning)."""
        if self._worker is not None:
            if not self._worker.wait(5000):  # cannot happen after it returned; never destroy a live QThread
                self._retired.append(self._worker)
            self._worker = None
        self._retired = [w for w in self._retired if w.is_running()]

    def _update_enabled(self) -> None:
        running = self.is_training()
        self.controls.setEnabled(not running and self.can_train)
        self.train_button.setEnabled(not running and self.can_train)
        self.train_button.setText("Training…" if running else "Train")
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if not running:
            self.pause_button.setText("Pause")

    # ----- colours ------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "result_card"):
            self._on_palette_change()

    def _on_palette_change(self) -> None:
        palette = self.palette()
        muted = theme.muted(palette)
        for label in (*self._captions, self.form.architecture.summary, self.device_label, self.stats_label):
            set_text_color(label, muted)
        button = QPalette(palette)
        button.setColor(QPalette.ColorRole.Button, theme.accent(palette))
        button.setColor(QPalette.ColorRole.ButtonText, QColor("white"))
        window = palette.color(QPalette.ColorRole.Window)
        button.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button,
                        theme.mix(theme.accent(palette), window, 0.75))
        button.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                        theme.mix(theme.accent(palette), window, 0.2))
        self.train_button.setPalette(button)
        self.keep_button.setPalette(button)
        bar = QPalette(palette)  # a light fill, so the text stays readable where it crosses it
        bar.setColor(QPalette.ColorRole.Highlight, theme.mix(theme.accent(palette), palette.color(QPalette.ColorRole.Window), 0.55))
        self.progress.setPalette(bar)

"""The training panel: pick a network, press Train, watch the loss fall; keep or discard the result.

The form (``gui.training.form``) gives an ``engine.spec.TrainingSpec``; a run is an
``engine.training.Training`` whose ``run`` goes on a ``gui.workers.Worker`` thread, its typed events
coming back as the signals of ``gui.training.events.TrainingEvents`` (queued to the UI thread). The
engine hands on at most ~30 batch reports a second and the loss plot coalesces its redraws.

Nothing here imports TensorFlow at import time: the window shows before the engine loads.

Every text on show is remembered as how to make it (the run's state, a function giving it in the
current language), so a language switch writes the panel again as it stands: the progress, the
live numbers, the result. Engine messages (phases, a run's end, an adaptation's report) are
translated by ``gui.i18n.say``.
"""
from __future__ import annotations

import functools
import gc
import logging
import math
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from engine.device import tensorflow_installed
from engine.spec import TrainingSpec
from engine.training import (WEIGHTS_EVERY_BATCHES, BatchProgress, EpochProgress, ModelBuilt, Training, TrainingEnd,
                             TrainingOutcome, WeightsUpdate)
from gui import i18n, theme
from gui.training.events import TrainingEvents
from gui.training.form import LearningRateError, TrainingForm, pixel_font
from gui.training.loss_plot import LossPlot
from gui.training.result_card import OK, WARN, ResultCard, Text, set_text_color
from gui.workers import Worker

log = logging.getLogger("digit_studio")


def no_tensorflow_text() -> str:
    """What the panel says in an installation without TensorFlow (the booth build)."""
    return QCoreApplication.translate("TrainingPanel", "Training needs the full installation of Digit Studio: this "
                                      "one has no TensorFlow, so it recognises digits but cannot train networks.")


def progress_text(epoch: int, epochs: int, step: int, steps: int, per_second: float, seconds_left: float) -> str:
    """ "Epoch 2/5 · batch 213/430 · 8,400 img/s · 0:42 left" """
    return QCoreApplication.translate("TrainingPanel", "Epoch {epoch}/{epochs} · batch {step}/{steps} · "
                                      "{rate} img/s · {left} left").format(
        epoch=epoch + 1, epochs=epochs, step=step, steps=steps,
        rate=i18n.integer(round(per_second)) if math.isfinite(per_second) else "–", left=clock(seconds_left))


def error_text(exc: BaseException) -> str:
    """What a failure to start says, in the current language (the form's own error says it itself)."""
    return exc.text() if isinstance(exc, LearningRateError) else i18n.error_text(exc)


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
        self._stats: tuple[float, float] | None = None   # the live line's loss and accuracy
        self._progress_words: Text = lambda: self.tr("Ready")   # the progress bar's text
        self._device: str | None = None                  # where the last run computes
        self._device_done = False                        # ... and whether it has ended
        self._adapting = False                           # the adaptation's description is on show
        self._adapt_words: Text = ""                     # that description
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
        self.retranslate()
        if not self.can_train:   # the form stays visible (what one could train), greyed out
            for widget in (self.progress, self.stats_label, self.plot):
                widget.hide()
            self.result_card.show_result(no_tensorflow_text, WARN, decision=False)

    # ----- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
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

        self.train_button = QPushButton()
        self.train_button.setDefault(True)
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        self.train_button.clicked.connect(lambda: self.start())
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
        self.stats_label = QLabel(" ")
        self.stats_label.setFont(pixel_font(self, 11))
        self.stats_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # New text ~30 times a second must not re-lay out the panel: the label's size changes only
        # with the panel's width and the language (one line, or two where the numbers do not fit).
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

    # ----- words --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the panel in the current language, as the panel stands now."""
        self.title.setText(self.tr("Adapting to your handwriting") if self._adapting else self.tr("Train a network"))
        self.adapt_label.setText(self._words(self._adapt_words))
        self.train_button.setToolTip(self.tr("Start training (Ctrl+Enter)"))
        self.pause_button.setToolTip(self.tr("Hold the run after the batch in progress; press again to go on"))
        self.stop_button.setToolTip(self.tr("End the run after the batch in progress: the network so far is "
                                            "still tested, to keep or discard"))
        self._show_buttons()
        self._show_device()
        self._render_progress()
        self._render_stats()
        self._fit_stats_label()

    @staticmethod
    def _words(text: Text) -> str:
        return text() if callable(text) else i18n.say(text)

    def _set_progress(self, words: Text) -> None:
        """The progress bar's text: ``words`` (a function giving it in the current language, or an
        engine message), kept to write again when the language switches."""
        self._progress_words = words
        self._render_progress()

    def _render_progress(self) -> None:
        self.progress.setFormat(self._words(self._progress_words))

    def _show_device(self) -> None:
        device = self._device
        if device is None:
            self.device_label.setText("")
            self.device_label.setToolTip("")
            return
        device = i18n.say(device)
        self.device_label.setText((self.tr("Trained on {device}") if self._device_done
                                   else self.tr("Training on {device}")).format(device=device))
        self.device_label.setToolTip(self.tr("TensorFlow computes on {device}").format(device=device))

    def _show_buttons(self) -> None:
        running = self.is_training()
        self.train_button.setText(self.tr("Training…") if running else self.tr("Train"))
        self.pause_button.setText(self.tr("Resume") if running and self.is_paused() else self.tr("Pause"))
        self.stop_button.setText(self.tr("Stop"))

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
            self.result_card.show_result(lambda failed=exc: error_text(failed), WARN, decision=False)
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
            self.result_card.show_result(lambda failed=exc: error_text(failed), WARN, decision=False)
            return False
        self._adapt_words = lambda: self._adapting_text(run.source_label, run.samples_trained, run.samples_held_out,
                                                        run.epochs)
        self._start_run(run, run.epochs, form=False)
        log.info("adapting started: %s on %d drawings (%d held out)", run.source_label, len(y), run.samples_held_out)
        return True

    def _adapting_text(self, source: str, trained: int, held_out: int, epochs: int) -> str:
        """ "Fine-tuning a copy of cnn (shipped) on 80 of your drawings (…). 5 epochs." """
        if held_out:
            what = self.tr("Fine-tuning a copy of {model} on {trained} of your drawings ({held} newest held out to "
                           "compare before and after), mixed with MNIST digits so it does not forget.")
        else:
            what = self.tr("Fine-tuning a copy of {model} on {trained} of your drawings (too few of each digit to "
                           "hold any out: compared on the training drawings), mixed with MNIST digits so it does "
                           "not forget.")
        how_long = self.tr("1 epoch.") if epochs == 1 else self.tr("{count} epochs.").format(count=epochs)
        return " ".join([what.format(model=i18n.say(source), trained=trained, held=held_out), how_long])

    def _can_start(self) -> bool:
        """No run going on and TensorFlow at hand (else the card says the installation lacks it)."""
        if self.is_training():
            return False
        if not self.can_train:
            self.result_card.show_result(no_tensorflow_text, WARN, decision=False)
            return False
        return True

    def _show_form(self, training: bool) -> None:
        """The training form and title for a training; the adaptation's description for an adaptation."""
        self._adapting = not training
        self.title.setText(self.tr("Train a network") if training else self.tr("Adapting to your handwriting"))
        self.adapt_label.setText(self._words(self._adapt_words))
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
        self._batch, self._last_epoch, self._stats = None, None, None
        self.progress_reports = 0
        self.result_card.setVisible(False)
        self.plot.reset(epochs)
        self.progress.setRange(0, 0)   # busy until the first batch: loading, building, tracing
        self._set_progress(lambda: self.tr("Starting…"))
        self._render_stats()
        self.pause_button.setText(self.tr("Pause"))
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
        self.pause_button.setText(self.tr("Resume"))
        self._show_progress_text()

    def resume(self) -> None:
        if self._training is None or not self.is_training():
            return
        self._training.resume()
        self.pause_button.setText(self.tr("Pause"))
        self._show_progress_text()

    @Slot()
    def stop(self) -> None:
        """Ask the run to stop: it ends after the batch in progress (the result is still tested)."""
        if self._training is not None and self.is_training():
            self._training.stop()
            self._set_progress(lambda: self.tr("Stopping…"))
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
            self.result_card.decided(lambda: self.tr("Kept: the adapted model is saved among your models and is "
                                                     "now the current model."), keep_accuracy=True)
        else:
            name = outcome.spec.model.name
            self.result_card.decided(lambda: self.tr("Kept: {model} is now the current model (File ▸ Save Model "
                                                     "As… to save it).").format(model=name), keep_accuracy=True)
        self.modelKept.emit(outcome)

    @Slot()
    def discard(self) -> None:
        """Throw the trained model away: the previous one comes back."""
        if not self._pending:
            return
        self._pending = False
        self._show_form(True)
        self.result_card.decided(lambda: self.tr("Discarded: the previous model is back."), keep_accuracy=False)
        self.modelDiscarded.emit()

    def closeEvent(self, event) -> None:
        self.stop_and_wait()
        super().closeEvent(event)

    # ----- events of the run (queued to the UI thread) ----------------------------------------------
    def _current(self, training) -> bool:
        return training is self._training   # an event of an earlier run still in the queue: ignored

    @Slot(object, object)
    def _on_phase(self, training, text: str) -> None:
        if self._current(training):
            self._set_progress(text)   # an engine message: "Loading MNIST…"

    @Slot(object, object)
    def _on_model_built(self, training, event: ModelBuilt) -> None:
        if self._current(training):
            self._device, self._device_done = event.device, False
            self._show_device()
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
        if self._batch is None and not (self._training is not None and self._training.is_stopping()):
            return
        self._set_progress(self._running_text)

    def _running_text(self) -> str:
        """The progress bar's text while batches run: where the run is, its pace, or that it is paused."""
        p = self._batch
        if self._training is not None and self._training.is_stopping():
            return self.tr("Stopping…")
        if self.is_paused():
            return self.tr("Paused · epoch {epoch}/{epochs} · batch {step}/{steps}").format(
                epoch=p.epoch + 1, epochs=p.epochs, step=p.step, steps=p.steps_per_epoch)
        return progress_text(p.epoch, p.epochs, p.step, p.steps_per_epoch, p.samples_per_second, p.seconds_left)

    @Slot(object, object)
    def _on_epoch(self, training, p: EpochProgress) -> None:
        if not self._current(training):
            return
        self._last_epoch = p
        self.plot.add_epoch(p.epoch + 1, p.val_loss, p.val_accuracy)
        self._show_stats(loss=p.loss, accuracy=p.accuracy)
        self.epochEnded.emit(p)

    def _show_stats(self, loss: float, accuracy: float) -> None:
        self._stats = (loss, accuracy)
        self._render_stats()

    def _render_stats(self) -> None:
        label = self.stats_label
        if self._stats is None:
            label.setText(" ")
            return
        epoch = self._last_epoch
        text = self._stats_text(*self._stats, *((epoch.val_loss, epoch.val_accuracy) if epoch else (None, None)))
        label.setText(text)
        if not label.wordWrap() and label.fontMetrics().horizontalAdvance(text) > self._stats_room():
            self._set_stats_lines(2)   # wider numbers than usual (a diverging loss): once, not every batch

    def _stats_text(self, loss: float, accuracy: float, val_loss: float | None, val_accuracy: float | None) -> str:
        """ "loss 0.123  ·  train acc 97.1%  ·  val loss 0.101  ·  val acc 97.0%" """
        values = dict(loss=i18n.number(loss, 3), accuracy=i18n.percent(accuracy, 1))
        if val_loss is None:
            return self.tr("loss {loss}  ·  train acc {accuracy}").format(**values)
        return self.tr("loss {loss}  ·  train acc {accuracy}  ·  val loss {val_loss}  ·  "
                       "val acc {val_accuracy}").format(val_loss=i18n.number(val_loss, 3),
                                                        val_accuracy=i18n.percent(val_accuracy, 1), **values)

    def _stats_room(self) -> int:
        margins = self.layout().contentsMargins()
        return self.width() - margins.left() - margins.right()

    def _fit_stats_label(self) -> None:
        """One line for the live numbers where they fit the panel's width, else two (a narrow dock, a
        longer language): set on resizing and on a language switch, not as the numbers change."""
        metrics = self.stats_label.fontMetrics()
        wide = max(metrics.horizontalAdvance(self._stats_text(1.0, 0.999, 1.0, 0.999)),
                   metrics.horizontalAdvance(self.stats_label.text()))
        self._set_stats_lines(1 if wide <= self._stats_room() else 2)

    def _set_stats_lines(self, lines: int) -> None:
        label = self.stats_label
        height = lines * label.fontMetrics().height() + 2
        if label.minimumHeight() != height or label.wordWrap() != (lines > 1):
            label.setWordWrap(lines > 1)
            label.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_stats_label()

    @Slot(object, object)
    def _on_ended(self, training, result: TrainingOutcome) -> None:
        self._finish(training, result)

    def _finish(self, training, result: TrainingOutcome, failure: str | None = None) -> None:
        """The run has ended: its result on the card. ``failure``: the engine itself failed (a bug), saying this."""
        if not self._current(training):
            return
        self._retire_worker()
        self._unfreeze_gc()
        if training.data is not None:
            self._data = training.data   # the next run starts without loading MNIST again
        self._outcome = result
        self.plot.flush()
        end = result.end
        self._device_done = True   # "Trained on …"
        self._show_device()
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if end.reason == "completed" else 0)
        self._set_progress(lambda: self._ended_text(end))
        self._pending = result.has_model
        if not result.has_model:
            self._show_form(True)   # nothing to decide on: ready for the next training
        report = getattr(result, "report", None)   # an adaptation: before → after
        message = functools.partial(self._end_message, result, failure)   # said again in another language
        if report is not None and report.held_out_after is not None:
            self.result_card.show_result(message, OK if end.reason == "completed" else WARN, result.has_model,
                                         report.held_out_after, caption=lambda: self._held_out_caption(report))
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

    def _ended_text(self, end: TrainingEnd) -> str:
        """The progress bar's last word: "Done", "Stopped: the loss diverged", …"""
        if end.reason == "nan":   # the engine stops on a NaN and on a diverging loss alike
            bad = getattr(end, "bad_loss", None)
            return (self.tr("Stopped: the loss diverged") if bad is not None and math.isfinite(bad)
                    else self.tr("Stopped: the loss became NaN"))
        if end.reason == "completed":
            return self.tr("Done")
        if end.reason == "stopped":
            return self.tr("Stopped")
        if end.reason == "error":
            return self.tr("Failed")
        return str(end.reason)

    def _end_message(self, result: TrainingOutcome, failure: str | None = None) -> str:
        """The card's message for a finished run: the engine's (translated), the panel's own note, and
        for an adaptation the before → after lines."""
        end = result.end
        if failure is not None:
            message = self.tr("Training failed: {error}").format(error=failure)
        else:
            message = i18n.say(end.message)
        if end.reason == "stopped" and end.epochs_completed == 0 and result.has_model:
            message = " ".join([message, self.tr("The weights are those of the last batch.")])
        report = getattr(result, "report", None)
        if report is not None and report.held_out_after is not None:
            message = "\n".join([message, *(i18n.say(line) for line in report.lines()[:2])])
        return message

    def _held_out_caption(self, report) -> str:
        """ "your held-out drawings · before 91.7%" """
        before = (self.tr("n/a") if report.held_out_before is None
                  else i18n.percent(report.held_out_before, 1))
        return self.tr("your held-out drawings · before {before}").format(before=before)

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
        self._finish(self._training, TrainingOutcome(TrainingEnd("error", f"Training failed: {message}", 0), spec),
                     failure=message)

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
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self._show_buttons()

    # ----- colours ------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event) and hasattr(self, "result_card"):
            self.retranslate()
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

"""Kiosk mode for demo booths: a touch screen, a queue of strangers, nobody at the keyboard,
eight hours without a restart (``python main.py --kiosk``, or ``kiosk = true`` in the booth config).

One frameless full-screen window with no menus and no training controls: a big canvas and a big
Clear button on the left; on the right the answer in huge type, "Did I get it right?" buttons,
the ten probabilities and a bold, simplified live view of the network (crowd_view.py).

Unattended:

* **Idle** — after ``idle_clear_seconds`` without input the canvas clears (the drawing is counted);
  after ``attract_after_seconds`` more the attract loop (attract.py) draws example
  digits stroke by stroke, recognised live, until the first touch, which clears the canvas for the
  visitor.
* **Leaving** — only the configured key combination (or the staff PIN, from a pad opened by five
  quick taps in the top-right corner). Esc, Alt+F4, a window manager's close request and every
  other key do nothing; leaving full screen is undone.
* **Errors** — an uncaught exception anywhere (a slot, a paint event, a thread) or a failed
  recognition is logged and the window recovers to a clean canvas; no dialog, no traceback on
  screen. A model that fails to load falls back to the other shipped models (the whole fallback
  chain of engine/catalogue.py); if none loads the booth says "Warming up…" and retries in the
  background.
* **Statistics** — one JSON line per finished drawing and per answer (engine/booth.py).
* **Languages** — visitors switch between Turkish and English with the TR | EN buttons in the
  top-left corner; everything on screen, the answer on show too, changes at once. When the booth
  goes idle it returns to its own language (``language``: the command line's, else the booth
  config's, else the system's).
* **Number mode** — the 0–9 | 123 buttons next to TR | EN switch between one digit and a number
  written left to right on a wide canvas (``mode = "number"`` in the booth config starts there;
  idle returns to the booth's mode). The number shows in huge type with a box over each digit on
  the canvas; tapping a digit (in the number or its box) puts its probabilities in the bars and
  the crowd view. "Did I get it right?" asks about the whole number and the statistics record it;
  "Which digit was it?" is not asked. The attract loop writes short numbers (years, mostly).

This module is :class:`KioskWindow`, the behaviour: a frameless top-level window holding its
:class:`~gui.kiosk.screen.KioskScreen` (``window.view``) as its only child. What the screen shows
and where is in screen.py; its smaller widgets (bars, stage, PIN pad) in widgets.py; its colours,
fonts and style sheet in theme.py; the error guard and the exit combination in safety.py.
"""
from __future__ import annotations

import logging
import time
from collections import deque

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from engine.booth import MODES, BoothConfig, BoothStats
from engine.catalogue import LoadedModel
from gui import i18n
from gui.kiosk.attract import AttractLoop
from gui.kiosk.safety import ExceptionGuard, exit_sequence, pressed_combination
from gui.kiosk.screen import KioskScreen
from gui.kiosk.theme import booth_palette
from gui.drawing.answer_text import describe, empty_caption, kiosk_not_a_digit, percent_text
from gui.drawing.recognition import Recognizer

log = logging.getLogger("digit_studio")

RETRY_SECONDS = 30.0          # nothing loaded: try the models again this often
FEEDBACK_DELAY_MS = 900       # the pen rests this long before "Did I get it right?" appears
RECOVERY_BURST = 5            # more recoveries than this within RECOVERY_WINDOW_S: only log
RECOVERY_WINDOW_S = 10.0

_E = QEvent.Type
_PRESSES = frozenset({_E.MouseButtonPress, _E.MouseButtonDblClick, _E.TouchBegin, _E.TabletPress})
_DRAGS = frozenset({_E.MouseMove, _E.TouchUpdate, _E.TabletMove})
_KEYS = frozenset({_E.KeyPress, _E.KeyRelease, _E.ShortcutOverride})
_BLOCKED = frozenset({_E.ContextMenu, _E.Wheel, _E.NativeGesture, _E.Gesture, _E.WhatsThis,
                      _E.QueryWhatsThis, _E.ToolTip})


class KioskWindow(QWidget):
    """The booth window: frameless, holding its screen (``view``, a KioskScreen) edge to edge.
    ``show_kiosk()`` goes full screen and takes over input and errors; ``start_engine()`` loads
    the model in the background; only ``exit_kiosk()`` (the exit combination or the staff PIN)
    closes it."""

    engineReady = Signal(str)          # the model's label, once a predictor is in use
    predictionShown = Signal(object)   # a Prediction, or None for an empty canvas
    idleCleared = Signal()
    attractStarted = Signal()
    attractStopped = Signal()
    feedbackAsked = Signal()
    recovered = Signal(str)            # the error the window recovered from
    exited = Signal()

    def __init__(self, config: BoothConfig | None = None, model_ref: str | None = None,
                 started_at: float | None = None, stats: BoothStats | None = None,
                 parent: QWidget | None = None, backend: str = "auto", language: str | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.config = config or BoothConfig()
        # the booth's own language: it starts in it and returns to it when idle
        if language is not None and language != i18n.current():
            i18n.set_language(language)
        self._home_language = i18n.current()   # what it is on screen now (a catalogue may have failed to load)
        self._home_mode = self.config.mode      # "digit" or "number": it starts in it and returns to it when idle
        self._mode = "digit"
        self.setPalette(booth_palette())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.view = KioskScreen(self.config, parent=self)   # what it shows: every widget, laid out
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._started_at = started_at if started_at is not None else time.perf_counter()
        self._model_ref = model_ref or self.config.model
        self.exit_keys = exit_sequence(self.config.exit_keys)
        self._exit_combined = self.exit_keys[0].toCombined()
        self.stats = stats if stats is not None else BoothStats(enabled=self.config.statistics)
        self._latest = None              # the visitor's current answer (not the attract loop's)
        self._answered = False
        self._exit_authorised = self._shut_down = self._active = False
        self._filtering = self._quit_connected = False
        self._warming = False            # "Warming up the network…" instead of the caption while there is no answer
        self._shown = None               # the prediction on show (the attract loop's too)
        self._reading = None             # number mode: the NumberReading on show (the attract loop's too)
        self._latest_reading = None      # number mode: the visitor's current reading
        self._fell_back = False          # the model about to be used is a fallback
        self._recoveries: deque[float] = deque()
        self._last_press: tuple | None = None
        self.view.clear_button.clicked.connect(self._on_clear_clicked)
        self.view.yes_button.clicked.connect(lambda: self.answer_feedback(True))
        self.view.no_button.clicked.connect(lambda: self.answer_feedback(False))
        for digit, button in enumerate(self.view.digit_buttons):
            button.clicked.connect(lambda _=False, d=digit: self.keep_sample(d))
        self._collector = None     # gui.handwriting.collector.HandwritingCollector, with collect_samples
        self.view.pin_pad.entered.connect(self._on_pin_entered)
        self.view.languages.chosen.connect(self.choose_language)
        self.view.modes.chosen.connect(self.choose_mode)
        self.view.number_view.digitTapped.connect(self.select_digit)
        self.view.canvas.boxChosen.connect(self.select_digit)
        self._model_loaded: LoadedModel | None = None

        self.recognizer = Recognizer(self.view.canvas, started_at=self._started_at, parent=self, backend=backend)
        self.recognizer.predictionShown.connect(self._on_prediction)
        self.recognizer.numberShown.connect(self._on_number)
        self.recognizer.modelChanged.connect(self._on_model_changed)
        self.recognizer.engineFailed.connect(self._on_engine_failed)
        self.recognizer.fellBack.connect(self._on_fell_back)
        self.recognizer.recognitionFailed.connect(self._on_recognition_failed)
        self.view.canvas.inkChanged.connect(self._on_ink_changed)

        self.attract = AttractLoop(self.view.canvas, pause_s=self.config.attract_pause_seconds, parent=self)
        self.attract.reader = self._read_example
        self.attract.number_reader = self._read_number_example
        self.attract.digitShown.connect(self._on_attract_digit_shown)
        self.attract.numberShown.connect(self._on_attract_number_shown)
        self.guard = ExceptionGuard(self)
        self.guard.caught.connect(self._recover, Qt.ConnectionType.QueuedConnection)

        self._idle_timer = QTimer(self, singleShot=True, timeout=self._on_idle,
                                  interval=round(self.config.idle_clear_seconds * 1000))
        self._attract_timer = QTimer(self, singleShot=True, timeout=self.start_attract,
                                     interval=round(self.config.attract_after_seconds * 1000))
        self._settle_timer = QTimer(self, singleShot=True, interval=FEEDBACK_DELAY_MS, timeout=self._ask_feedback)
        self.retry_timer = QTimer(self, singleShot=True, interval=round(RETRY_SECONDS * 1000),
                                   timeout=self.start_engine)
        self._set_warming(True)
        if self._home_mode != self._mode:
            self.set_mode(self._home_mode)
        self.retranslate()

    # ----- showing the kiosk ------------------------------------------------------------------------
    def show_kiosk(self, guard: bool = True) -> None:
        """Full screen, frameless; input, keys and uncaught errors are the kiosk's from now on."""
        app = QApplication.instance()
        if not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        if not self._quit_connected:
            app.aboutToQuit.connect(self._shutdown)
            self._quit_connected = True
        if guard:
            self.guard.install()
        screen = self.screen() or QGuiApplication.primaryScreen()   # QWidget.screen(): the display
        if screen is not None:
            self.setGeometry(screen.geometry())   # without a window manager too
        self._active = True
        self.showFullScreen()
        self._note_activity()
        log.info("kiosk: shown full screen (%dx%d); exit with %s", self.width(), self.height(),
                 self.exit_keys.toString(QKeySequence.SequenceFormat.PortableText))

    # ----- languages ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Re-word what depends on the window's state: the answer on show (its caption), today's
        count, the model's label (the screen and its widgets re-word their own text)."""
        self.setWindowTitle(self.tr("Digit Studio — Booth"))
        self._show(self._shown)
        self._update_summary()
        self._show_model_label()

    @property
    def home_language(self) -> str:
        """The booth's own language: the kiosk starts in it and returns to it when idle."""
        return self._home_language

    @Slot(str)
    def choose_language(self, language: str) -> None:
        """A visitor tapped TR or EN: everything on screen changes to it, live."""
        if language != i18n.current():
            log.info("kiosk: a visitor chose %s", i18n.LANGUAGES.get(language, language))
            i18n.set_language(language)

    # ----- one digit or a number -------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        """"digit" (one digit at a time) or "number" (several, read as one number)."""
        return self._mode

    @property
    def number_mode(self) -> bool:
        return self._mode == "number"

    @property
    def home_mode(self) -> str:
        """The booth's own mode (its config's ``mode``): the kiosk starts in it and returns to it when idle."""
        return self._home_mode

    @Slot(str)
    def choose_mode(self, mode: str) -> None:
        """A visitor tapped 0–9 or 123."""
        if mode != self._mode:
            log.info("kiosk: a visitor chose %s mode", mode)
        self.set_mode(mode)

    def set_mode(self, mode: str) -> None:
        """Switch to ``mode`` ("digit" or "number"): the drawing on the canvas is counted and
        cleared, the screen re-arranged (a square or a wide canvas) and the recognizer reads
        digits or numbers from now on."""
        if mode not in MODES or mode == self._mode:
            self.view.modes.sync(self._mode)
            return
        if self.attract.running:
            self.stop_attract()
        self._finish_drawing()
        self.view.canvas.clear()
        self._mode = mode
        on = mode == "number"
        self._reading = self._latest_reading = None
        self.view.set_number_mode(on)
        self.attract.number_mode = on
        self.recognizer.number_mode = on
        self._show(None)
        log.info("kiosk: %s mode", mode)

    @Slot(int)
    def select_digit(self, index: int) -> None:
        """A visitor tapped a digit of the number (on the canvas or in the answer): its
        probabilities go to the bars and the crowd view."""
        if self.number_mode:
            self.recognizer.select_digit(index)   # → predictionShown with that digit's prediction

    def selected_digit(self) -> int | None:
        """Which digit of the number on show the bars follow (None: none)."""
        return self.recognizer.selected_digit if self._reading is not None else None

    def changeEvent(self, event) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
        if (event.type() == QEvent.Type.WindowStateChange and self._active and not self._exit_authorised
                and not self.windowState() & Qt.WindowState.WindowFullScreen):
            log.info("kiosk: left full screen; going back")
            QTimer.singleShot(0, self._back_to_full_screen)

    def _back_to_full_screen(self) -> None:
        if self._active and not self._exit_authorised:
            self.showFullScreen()

    # ----- the engine -------------------------------------------------------------------------------
    def start_engine(self) -> None:
        """Load the configured model in the background; if it fails, the other shipped models in
        turn (engine.catalogue's fallback chain); if none loads, try again in RETRY_SECONDS."""
        self.retry_timer.stop()
        self._set_warming(True)
        self.recognizer.start_engine(self._model_ref, chain=True)

    @Slot(str)
    def _on_fell_back(self, reason: str) -> None:
        self._fell_back = True   # the reason is already in the log (the recognizer's warning)

    @Slot(str)
    def _on_engine_failed(self, message: str) -> None:
        log.error("kiosk: no model could be loaded (%s first: %s); retrying in %.0f s",
                  self._model_ref or "the default model", message, RETRY_SECONDS)
        self._set_warming(True)
        self.retry_timer.start()

    @Slot(object)
    def _on_model_changed(self, loaded: LoadedModel) -> None:
        self.retry_timer.stop()
        self._model_loaded = loaded
        self._show_model_label()
        self._set_warming(False)
        fell_back, self._fell_back = self._fell_back, False
        log.info("kiosk: recognising with %s%s", loaded.label,
                 f" instead of {self._model_ref or 'the default model'}" if fell_back else "")
        self.engineReady.emit(loaded.label)

    @Slot(str)
    def _on_recognition_failed(self, message: str) -> None:
        self._recover(f"recognition failed: {message}")

    def _show_model_label(self) -> None:
        loaded = self._model_loaded
        if loaded is not None:
            self.view.crowd.set_model_label(f"{i18n.say(loaded.label)} · {loaded.device}")

    # ----- answers ------------------------------------------------------------------------------------
    def _set_warming(self, warming: bool) -> None:
        self._warming = warming
        if self._shown is None:
            self._show(None)

    def idle_caption(self) -> str:
        """The caption while there is no answer: warming up, the attract loop's, or "Draw a digit"
        ("Write a number" in number mode)."""
        if self._warming:
            return self.tr("Warming up the network…")
        if self.attract_running():
            return self.tr("Watch me read…")
        return self.tr("Write a number") if self.number_mode else empty_caption()

    def number_caption(self) -> str:
        """Number mode's caption: how many digits and the least sure one's confidence, what is
        wrong when the number cannot be read, or the idle caption when nothing is written."""
        reading = self._reading
        if reading is None or not reading.digits:
            return self.idle_caption()
        digits = reading.digits
        bad = sum(1 for d in digits if not d.is_digit)
        if len(digits) == 1:
            return kiosk_not_a_digit() if bad else describe(digits[0].prediction)[1]
        if bad:
            return (self.tr("Hmm, the orange one doesn't look like a digit. Write digits from 0\u00a0to\u00a09!")
                    if bad == 1 else
                    self.tr("Hmm, the orange ones don't look like digits. Write digits from 0\u00a0to\u00a09!"))
        least = min(d.confidence for d in digits)
        return self.tr("{count} digits · least sure {percent}").format(count=i18n.integer(len(digits)),
                                                                       percent=percent_text(least))

    def number_hint(self) -> str:
        """Under the caption, when the number has several digits: how to see one digit's bars."""
        reading = self._reading
        if reading is None or len(reading.digits) < 2 or reading.number is None:
            return ""
        return self.tr("Tap a digit to see its bars")

    def _show(self, prediction) -> None:
        self._shown = prediction
        if self.number_mode:
            reading = self._reading
            selected = self.selected_digit()
            if reading is not None and reading.digits:
                self.view.canvas.set_boxes([d.box for d in reading.digits], [not d.is_digit for d in reading.digits],
                                           selected)
            else:
                self.view.canvas.set_boxes([])
            self.view.show_number(reading, selected, prediction, self.number_caption(), self.number_hint())
        else:
            self.view.show_answer(prediction, self.idle_caption())

    def attract_running(self) -> bool:
        return self.attract.running

    @Slot(object)
    def _on_number(self, reading) -> None:
        """Number mode: a NumberReading (None: an empty canvas); the selected digit's prediction
        follows on predictionShown."""
        self._reading = reading
        if not self.attract.running:
            self._latest_reading = reading
        self._show(self._shown)

    @Slot(object)
    def _on_prediction(self, prediction) -> None:
        self._show(prediction)
        if not self.attract.running:
            self._latest = prediction
        self.predictionShown.emit(prediction)

    @Slot()
    def _on_ink_changed(self) -> None:
        if self.attract.running:
            return
        if not self._answered and self.view.feedback.currentIndex() == 1:
            self.view.feedback.setCurrentIndex(0)
        self._settle_timer.start()

    def _ask_feedback(self) -> None:
        # "Did I get it right?" asks about a digit (or a number): not after "that doesn't look like a digit".
        if self.number_mode:
            answered = self._latest_reading is not None and self._latest_reading.number is not None
        else:
            answered = self._latest is not None and self._latest.is_digit
        if (self.config.ask_feedback and not self.attract.running and not self._answered
                and answered and not self.view.canvas.is_empty()):
            self.view.feedback.setCurrentIndex(1)
            self.feedbackAsked.emit()

    def feedback_visible(self) -> bool:
        return self.view.feedback.currentIndex() == 1

    def answer_feedback(self, right: bool) -> None:
        """A visitor's ✓ or ✗ for the answer on show (once per drawing)."""
        if self.number_mode:
            self._answer_number(right)
            return
        if self._latest is None or self._answered:
            return
        self._answered = True
        digit = self._latest.digit
        self.stats.record_feedback(right, digit)
        log.info("feedback right=%s digit=%d", right, digit)
        if not right and self.config.collect_samples and not self.view.canvas.is_empty():
            self.view.set_thanks(learning=True)
            self.view.feedback.setCurrentIndex(3)   # which digit was it?
        else:
            self.view.set_thanks(learning=False)
            self.view.feedback.setCurrentIndex(2)
        self._update_summary()

    def _answer_number(self, right: bool) -> None:
        """Number mode's ✓ or ✗: about the whole number (no "Which digit was it?")."""
        reading = self._latest_reading
        if reading is None or reading.number is None or self._answered:
            return
        self._answered = True
        self.stats.record_feedback(right, None, number_mode=True, number=reading.number)
        log.info("feedback right=%s number=%s", right, reading.number)
        self.view.set_thanks(learning=False)
        self.view.feedback.setCurrentIndex(2)
        self._update_summary()

    def _read_example(self, strokes) -> int | None:
        """What the current network reads in an attract-loop example (None: no model, or no digit)."""
        from engine.drawn_digits import render_strokes

        predictor = self.recognizer.predictor
        if predictor is None:
            return None
        prediction = predictor.recognise(render_strokes(strokes, size=(440, 440), pen_width=28))
        return None if prediction is None or not prediction.is_digit else prediction.digit

    def _read_number_example(self, strokes, aspect: float) -> str | None:
        """What the current network reads in an attract-loop number (strokes in the canvas's
        fractions), drawn as the canvas would: the kiosk's pen, following the height."""
        from engine.drawn_digits import render_strokes
        from engine.numbers import read_number
        from gui.drawing.canvas import REFERENCE_WIDTH
        from gui.kiosk.screen import KIOSK_BRUSH

        predictor = self.recognizer.predictor
        if predictor is None:
            return None
        height = 200
        width = round(height * aspect)
        image = render_strokes(strokes, size=(width, height), box=(0, 0, width, height),
                               pen_width=KIOSK_BRUSH / REFERENCE_WIDTH * height)
        return read_number(image, predictor).number

    def keep_sample(self, label: int) -> None:
        """The visitor says the drawing on show was a ``label`` (after ✗, with collect_samples):
        keep it in the samples database, source "kiosk"."""
        prediction = self._latest
        if (not self.config.collect_samples or self.number_mode or prediction is None
                or self.view.canvas.is_empty()):
            return
        if self._collector is None:
            from gui.handwriting.collector import HandwritingCollector

            self._collector = HandwritingCollector(parent=self)
        model = self.recognizer.model
        self._collector.keep(label, prediction, self.view.canvas.strokes(), model.label if model else None,
                             source="kiosk")
        self.view.feedback.setCurrentIndex(2)   # thanks (a failure is in the log; the visitor goes on)

    def _finish_drawing(self) -> None:
        """Count the visitor's drawing (once), before it leaves the canvas."""
        prediction, self._latest = self._latest, None
        reading, self._latest_reading = self._latest_reading, None
        self._answered = False
        self._settle_timer.stop()
        self.view.feedback.setCurrentIndex(0)
        if self.number_mode:
            if reading is not None and reading.digits:
                model = self.recognizer.model
                least = min(d.confidence for d in reading.digits)
                self.stats.record_drawing(None, least, model.ref if model else None, number_mode=True,
                                          number=reading.number)
                self._update_summary()
            return
        if prediction is not None:
            model = self.recognizer.model
            # A refused drawing counts as a drawing with no digit read (digit None in the log).
            digit = prediction.digit if prediction.is_digit else None
            self.stats.record_drawing(digit, prediction.confidence, model.ref if model else None)
            self._update_summary()

    def _update_summary(self) -> None:
        if self.config.statistics:
            self.view.set_summary(self.summary_text())

    def summary_text(self) -> str:
        """Today's count for the corner of the screen: "128 drawings today · 93% right"."""
        drawings, percent = self.stats.today()
        count = i18n.integer(drawings)
        if percent is None:
            text = self.tr("{count} drawing today") if drawings == 1 else self.tr("{count} drawings today")
            return text.format(count=count)
        text = (self.tr("{count} drawing today · {percent} right") if drawings == 1
                else self.tr("{count} drawings today · {percent} right"))
        return text.format(count=count, percent=i18n.percent_value(i18n.integer(percent)))

    def clear_canvas(self) -> None:
        """What the Clear button does: count the drawing and start afresh."""
        self._finish_drawing()
        self.view.canvas.clear()
        if self.number_mode:   # the boxes and the number go at once (the empty canvas's reading follows)
            self._reading = None
            self._show(None)

    @Slot()
    def _on_clear_clicked(self) -> None:
        self.clear_canvas()
        self._note_activity()

    # ----- idle and attract ---------------------------------------------------------------------------
    def _note_activity(self) -> None:
        self._attract_timer.stop()
        if self._active:
            self._idle_timer.start()

    @Slot()
    def _on_idle(self) -> None:
        if self._latest is not None or not self.view.canvas.is_empty():
            log.info("idle: canvas cleared")
            self.clear_canvas()
        if i18n.current() != self._home_language:   # the next visitor finds the booth's own language
            log.info("idle: back to %s", i18n.LANGUAGES[self._home_language])
            i18n.set_language(self._home_language)
        if self._mode != self._home_mode:            # ... and its own mode
            log.info("idle: back to %s mode", self._home_mode)
            self.set_mode(self._home_mode)
        self.idleCleared.emit()
        self._attract_timer.start()

    @Slot()
    def start_attract(self) -> None:
        if self.attract.running or not self._active:
            return
        self._finish_drawing()
        log.info("attract loop started")
        self.view.set_attracting(True)
        self.view.stage.banner.show()
        self.attract.start()
        self._show(None)
        self.attractStarted.emit()

    def stop_attract(self) -> None:
        if not self.attract.running:
            return
        self.attract.stop()
        self.view.stage.banner.hide()
        self.view.set_attracting(False)
        self._latest = None
        self._reading = None
        self.view.canvas.clear()
        log.info("attract loop stopped")
        self.attractStopped.emit()

    @Slot(int)
    def _on_attract_digit_shown(self, digit: int) -> None:
        shown = self._shown
        log.info("attract: drew a %d, the network read %s", digit, "nothing" if shown is None else shown.digit)

    @Slot(str)
    def _on_attract_number_shown(self, number: str) -> None:
        reading = self._reading
        read = "nothing" if reading is None else reading.number or "no number"
        log.info("attract: wrote %s, the network read %s", number, read)

    # ----- input ------------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in _KEYS:
            if kind == _E.KeyPress:
                self._on_key(event)
            return True          # no key reaches any widget: Esc, Alt+F4, F11, Ctrl+W … do nothing
        if kind in _BLOCKED:
            return True          # no context menus, wheel scrolling, zoom gestures, tooltips
        if kind in _PRESSES:
            if not self.attract.synthesizing:
                self._on_press(event)
        elif kind in _DRAGS:
            if not self.attract.synthesizing:
                if kind != _E.MouseMove or event.buttons() != Qt.MouseButton.NoButton:
                    self._note_activity()
                elif self.attract.running and watched is self.view.canvas:
                    return True  # a hovering mouse must not end the attract loop's stroke
        return False

    def _on_key(self, event) -> None:
        if event.isAutoRepeat():
            return
        if pressed_combination(event) == self._exit_combined:
            log.info("kiosk: exit combination pressed")
            QTimer.singleShot(0, self.exit_kiosk)

    def _on_press(self, event) -> None:
        touch = event.type() == _E.TouchBegin
        if touch:
            points = event.points()
            where = points[0].globalPosition() if points else QPointF()
        else:
            where = event.globalPosition()
        # One press reaches this filter several times (the window, the widget, its parents; a
        # touch and the mouse press Qt makes from it): same time, same place.
        key = (event.timestamp(), round(where.x()), round(where.y()))
        if key == self._last_press:
            return
        self._last_press = key
        if self.attract.running:
            log.info("kiosk: %s stops the attract loop", "a touch" if touch else "a press")
            self.stop_attract()
        self._note_activity()
        if self.config.exit_pin and not self.view.pin_pad.isVisible() and event.type() != _E.MouseButtonDblClick:
            self.view.pin_pad.note_tap(self.view.mapFromGlobal(where.toPoint()))

    @Slot(str)
    def _on_pin_entered(self, digits: str) -> None:
        if self.config.exit_pin and digits == self.config.exit_pin:
            log.info("kiosk: staff PIN accepted")
            self.exit_kiosk()
        else:
            log.warning("kiosk: wrong staff PIN")

    # ----- recovery ---------------------------------------------------------------------------------
    @Slot(str)
    def _recover(self, reason: str) -> None:
        """Back to a clean canvas after an error (the drawing on it is lost, nothing else)."""
        now = time.monotonic()
        self._recoveries.append(now)
        while self._recoveries and now - self._recoveries[0] > RECOVERY_WINDOW_S:
            self._recoveries.popleft()
        if len(self._recoveries) > RECOVERY_BURST:
            log.error("kiosk: error again (%s); %d in %.0f s, not clearing again", reason, len(self._recoveries),
                      RECOVERY_WINDOW_S)
            return
        log.error("kiosk: recovering to a clean canvas after: %s", reason)
        try:
            if self.attract.running:
                self.stop_attract()
            self._latest = self._latest_reading = self._reading = None
            self._answered = False
            self.view.feedback.setCurrentIndex(0)
            if not self.view.canvas.is_empty() or self.view.canvas.strokes():
                self.view.canvas.clear()
            self._show(None)
            self._note_activity()
        except Exception:   # noqa: BLE001 - a booth must stay up; the guard has logged it
            log.exception("kiosk: recovery itself failed")
        self.recovered.emit(reason)

    # ----- leaving --------------------------------------------------------------------------------------
    def exit_kiosk(self) -> None:
        """Leave kiosk mode (the exit combination or the staff PIN): count the drawing, close."""
        if self._exit_authorised:
            return
        log.info("kiosk: leaving")
        self._exit_authorised = True
        self._finish_drawing()
        self.close()
        self.exited.emit()

    def closeEvent(self, event) -> None:
        if not self._exit_authorised:
            event.ignore()
            log.info("kiosk: close request ignored (leave with the exit combination)")
            return
        self._shutdown()
        event.accept()

    @Slot()
    def _shutdown(self) -> None:
        """Stop every timer and thread, give input and errors back (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        self._active = False
        for timer in (self._idle_timer, self._attract_timer, self._settle_timer, self.retry_timer):
            timer.stop()
        self.attract.stop()
        app = QApplication.instance()
        if self._filtering:
            app.removeEventFilter(self)
            self._filtering = False
        if self._quit_connected:
            app.aboutToQuit.disconnect(self._shutdown)
            self._quit_connected = False
        self.guard.uninstall()
        self.hide()
        self.recognizer.stop()
        if self._collector is not None:
            self._collector.close()

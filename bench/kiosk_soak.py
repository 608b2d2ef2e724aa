"""Soak test of the booth: the real kiosk window, full screen at 1920×1080 (offscreen), the shipped
`cnn`, 10,000 simulated visitors plus an idle → clear → attract → touch cycle every 500 of them.

Each visitor draws a freshly jittered template of a digit with mouse events (press, moves, release,
the same path as a hand: through the kiosk's input filter to the canvas), waits for the settled
answer, answers "Did I get it right?" every third time (✓ when it was right, ✗ when not) and taps
Clear. Every cycle lets the idle timer clear the canvas and start the attract loop, waits until
an example digit has been drawn and recognised, then touches the screen, which must stop the
loop and leave a clean canvas. The statistics file is written for real (fsync per record).

Reported: resident memory after a warm-up (300 visitors and one cycle) and at the end, its growth
(target < 20 MB), visitors per second, how often the answer was right, errors (every ERROR log
record, every recovery; target 0), and the statistics file's line count against what was recorded.

    uv run python bench/kiosk_soak.py                 # 10,000 drawings (several minutes)
    uv run python bench/kiosk_soak.py --drawings 500  # a quick look
"""
from _common import ROOT, emit, machine, rss_mb  # noqa: I001

import argparse
import gc
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

SCREEN = {"screens": [{"name": "Booth", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drawings", type=int, default=10_000)
    parser.add_argument("--cycle-every", type=int, default=500, help="an idle/attract cycle every N drawings")
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    (work / "screen.json").write_text(json.dumps(SCREEN))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={work / 'screen.json'}"
    os.environ["DIGIT_STUDIO_HOME"] = str(work / "home")

    import numpy as np
    from PySide6.QtCore import QEvent, QEventLoop, QPointF, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from engine.drawn_digits import DIGIT_TEMPLATES, jitter_strokes
    from gui.app import configure_application
    from engine.booth import BoothConfig
    from gui.kiosk.window import KioskWindow

    class Errors(logging.Handler):
        def __init__(self):
            super().__init__(logging.ERROR)
            self.messages: list[str] = []

        def emit(self, record):
            self.messages.append(record.getMessage().splitlines()[0])

    errors = Errors()
    logging.getLogger().addHandler(errors)
    logging.getLogger().setLevel(logging.WARNING)

    configure_application()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    config = BoothConfig(idle_clear_seconds=0.6, attract_after_seconds=0.4, attract_pause_seconds=0.3,
                         model="cnn", statistics=True, ask_feedback=True)
    win = KioskWindow(config)
    win.show_kiosk()          # full screen, input filter and the exception guard, as at a booth
    recovered: list[str] = []
    win.recovered.connect(recovered.append)
    rec = win.recognizer

    def pump(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait_for(condition, timeout: float) -> bool:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.0005)
        return True

    loop = QEventLoop()
    win.engineReady.connect(loop.quit)
    QTimer.singleShot(0, win.start_engine)
    loop.exec()

    canvas = win.view.canvas
    rng = np.random.default_rng(args.seed)

    def send(widget, kind, pos: QPointF, buttons) -> None:
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        QApplication.sendEvent(widget, QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, buttons,
                                                   Qt.KeyboardModifier.NoModifier))

    def draw(digit: int) -> None:
        variants = DIGIT_TEMPLATES[digit]
        strokes = jitter_strokes(variants[int(rng.integers(len(variants)))], rng)
        side = canvas.width() * rng.uniform(0.45, 0.7)
        x0 = rng.uniform(0.05, 0.95) * (canvas.width() - side)
        y0 = rng.uniform(0.05, 0.95) * (canvas.height() - side)
        down = Qt.MouseButton.LeftButton
        for stroke in strokes:
            points = [QPointF(x0 + x * side, y0 + y * side) for x, y in stroke[::2] + stroke[-1:]]
            send(canvas, QEvent.Type.MouseButtonPress, points[0], down)
            for p in points[1:]:
                send(canvas, QEvent.Type.MouseMove, p, down)
            send(canvas, QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)

    def settled() -> bool:
        return rec._shown_seq == rec._seq   # the newest request's answer is on show (a bench may peek)

    visitors = {"right": 0, "timeouts": 0, "feedback": 0}

    def visitor(k: int) -> None:
        digit = k % 10
        draw(digit)
        if not wait_for(settled, 3.0):
            visitors["timeouts"] += 1
        shown = win._latest
        if shown is not None and shown.digit == digit:
            visitors["right"] += 1
        if k % 3 == 0 and shown is not None:
            (win.view.yes_button if shown.digit == digit else win.view.no_button).click()
            visitors["feedback"] += 1
        win.view.clear_button.click()

    cycles = {"n": 0, "failed": 0}

    def idle_cycle() -> None:
        drawn = []
        win.attract.digitShown.connect(drawn.append)
        ok = wait_for(lambda: bool(drawn), 15.0)          # idle clear, attract, one example digit
        pump(0.25)                                        # into the next digit
        touch_point = QPointF(win.view.bars.width() / 2, win.view.bars.height() / 2)
        send(win.view.bars, QEvent.Type.MouseButtonPress, touch_point, Qt.MouseButton.LeftButton)
        send(win.view.bars, QEvent.Type.MouseButtonRelease, touch_point, Qt.MouseButton.NoButton)
        ok &= wait_for(lambda: not win.attract.running and canvas.is_empty() and settled(), 3.0)
        win.attract.digitShown.disconnect(drawn.append)
        cycles["n"] += 1
        cycles["failed"] += not ok

    for k in range(args.warmup):
        visitor(k)
    idle_cycle()
    gc.collect()
    pump(0.2)
    start_mb = rss_mb()
    started = time.perf_counter()
    trace = []
    for k in range(args.drawings):
        visitor(k)
        if (k + 1) % args.cycle_every == 0:
            idle_cycle()
        if (k + 1) % 1000 == 0:
            trace.append(round(rss_mb() - start_mb, 1))
            print(f"  {k + 1} drawings, {time.perf_counter() - started:.0f} s, RSS {trace[-1]:+.1f} MB", flush=True)
    seconds = time.perf_counter() - started
    gc.collect()
    pump(0.2)
    end_mb = rss_mb()
    stats_lines = (Path(os.environ["DIGIT_STUDIO_HOME"]) / "booth-stats.jsonl").read_text().count("\n")
    expected_lines = args.warmup + args.drawings + visitors["feedback"]
    crashed = not win.isVisible()
    win.exit_kiosk()

    n = args.drawings + args.warmup
    error_count = len(errors.messages) + len(recovered) + cycles["failed"] + visitors["timeouts"]
    print(f"kiosk soak on {machine()}, offscreen 1920×1080, cnn: {args.drawings} drawings "
          f"(+{args.warmup} warm-up) and {cycles['n']} idle/attract cycles in {seconds:.0f} s "
          f"({args.drawings / seconds:.1f} drawings/s)")
    print(f"RSS {start_mb:.0f} MB after warm-up → {end_mb:.0f} MB, growth {end_mb - start_mb:+.1f} MB "
          f"(target < 20 MB); per 1000 drawings: {trace}")
    print(f"recognised right: {100 * visitors['right'] / n:.1f} %; statistics lines {stats_lines} "
          f"(expected {expected_lines}); errors {error_count} "
          f"(log {len(errors.messages)}, recoveries {len(recovered)}, failed cycles {cycles['failed']}, "
          f"timeouts {visitors['timeouts']}); window still up: {not crashed}")
    for message in errors.messages[:5]:
        print("  error:", message)
    emit({"bench": "kiosk_soak", "drawings": args.drawings, "warmup": args.warmup, "cycles": cycles["n"],
          "seconds": round(seconds, 1), "drawings_per_s": round(args.drawings / seconds, 2),
          "start_mb": round(start_mb, 1), "end_mb": round(end_mb, 1), "growth_mb": round(end_mb - start_mb, 2),
          "trace_mb": trace, "target_mb": 20, "errors": error_count, "right_pct": round(100 * visitors["right"] / n, 2),
          "stats_lines": stats_lines, "stats_expected": expected_lines, "crashed": crashed})
    return 0 if error_count == 0 and stats_lines == expected_lines and end_mb - start_mb < 20 else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())

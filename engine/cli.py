"""The command-line commands: train, evaluate, predict. ``main.py`` parses the arguments."""
from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import TextIO

import numpy as np

from engine.spec import TrainingSpec
from engine.training import TrainingListener

log = logging.getLogger(__name__)
_PREDICT_CHUNK = 256  # files decoded and preprocessed per batch call: memory stays flat for thousands


def resolve_model_path(model: str | None) -> Path:
    """A shipped model's name ("cnn"), a user model's name or a path → the file's path
    (``engine.catalogue.resolve``)."""
    from engine import catalogue

    return catalogue.resolve(model)


def _load(model: str | None, backend: str = "auto"):
    from engine import catalogue

    return catalogue.load(model, backend=backend)


class ProgressBar(TrainingListener):
    """A training listener: one line naming the run when the network is built, then a one-line
    progress bar on a terminal (per-epoch lines when not a terminal)."""

    def __init__(self, stream: TextIO | None = None, width: int = 28):
        self.stream, self.width = stream or sys.stderr, width
        self.live = self.stream.isatty()

    def on_model(self, event) -> None:
        s = event.spec
        augmented = f", augmented ×{s.resolved_augment_strength:g}" if s.augment else ""
        decay = f", decay {s.lr_decay:g}/epoch" if s.lr_decay != 1.0 else ""
        print(f"Training {event.name} on {event.device}: {s.epochs} epochs, batch {s.batch_size}, "
              f"learning rate {s.learning_rate}{decay}, {s.optimizer}{augmented}", file=self.stream)

    def on_batch(self, progress) -> None:
        self.batch(progress)

    def on_epoch(self, progress) -> None:
        self.epoch(progress)

    def batch(self, p) -> None:
        if not self.live:
            return
        filled = int(self.width * p.step / p.steps_per_epoch)
        bar = "█" * filled + "·" * (self.width - filled)
        self.stream.write(f"\repoch {p.epoch + 1}/{p.epochs} {bar} {p.step}/{p.steps_per_epoch} "
                          f"loss {p.mean_loss:.4f}  acc {p.accuracy:.4f}  {p.samples_per_second:,.0f} img/s  "
                          f"ETA {_duration(p.seconds_left)}  ")
        self.stream.flush()

    def epoch(self, e) -> None:
        self.stream.write(("\r" if self.live else "") +
                          f"epoch {e.epoch + 1}/{e.epochs}  loss {e.loss:.4f}  acc {e.accuracy:.4f}  "
                          f"val_loss {e.val_loss:.4f}  val_acc {e.val_accuracy:.4f}  "
                          f"{e.seconds:.1f}s  {e.samples_per_second:,.0f} img/s" + " " * 12 + "\n")
        self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    return f"{seconds // 60}:{seconds % 60:02d}"


def train_spec(args) -> TrainingSpec:
    """The TrainingSpec the train command's arguments describe (ValueError for a bad value)."""
    return TrainingSpec.from_preset(args.model, epochs=args.epochs, batch_size=args.batch_size,
                                    learning_rate=args.learning_rate, optimizer=args.optimizer,
                                    augment=args.augment, augment_strength=args.augment_strength,
                                    lr_decay=args.lr_decay, train_size=args.train_size, seed=args.seed,
                                    data=getattr(args, "data", "mnist"))


def train(args) -> int:
    from engine.data import load_mnist
    from engine.device import require_tensorflow
    from engine.model_files import check_save_path
    from engine.paths import user_models_dir
    from engine.training import Training

    require_tensorflow("Training")   # the booth build says so before anything else
    spec = train_spec(args)
    # A destination that cannot take the file is found now, not after minutes of training
    # (ModelFileError: main() reports it as a usage error).
    out = check_save_path(Path(args.out) if args.out else user_models_dir() / f"{args.model}.keras")
    mnist = load_mnist()   # here, not in the run: a missing or damaged MNIST file is a usage error (2)
    # For "people" the run adds the drawn digits to this MNIST (and calibrates on held-out ones).
    training = Training(spec, mnist if spec.data == "mnist" else (lambda: mnist), live_predictor=False,
                        max_reports_per_second=10)
    outcome = run_in_terminal(training, ProgressBar())
    if outcome is None:
        return 130
    end = outcome.end
    if end.reason == "error" or end.epochs_completed == 0 or not outcome.has_model:
        print("nothing was saved", file=sys.stderr)
        return 1
    if outcome.test_accuracy is not None:
        print(f"test accuracy: {100 * outcome.test_accuracy:.2f}%")
    if outcome.calibration is not None:
        print(f"calibration: {outcome.calibration.describe()}")
    if not _save_or_fall_back(outcome, out, user_models_dir() / f"{args.model}.keras"):
        return 1
    # After "nan" the message said whose weights these are (an earlier epoch's): still a failure.
    return 0 if end.reason in ("completed", "stopped") else 1


def run_in_terminal(run, listener):
    """``run.run(listener)`` (a Training or an Adaptation) for a terminal: Ctrl+C stops it and
    gives None ("interrupted: nothing saved"); else the outcome, after its end message and time."""
    started = time.perf_counter()
    try:
        outcome = run.run(listener)
    except KeyboardInterrupt:
        run.stop()
        print("\ninterrupted: nothing saved", file=sys.stderr)
        return None
    print(outcome.end.message, f"({_duration(time.perf_counter() - started)})", file=sys.stderr)
    return outcome


def _save_or_fall_back(outcome, out: Path, default: Path) -> bool:
    """Save the trained network (with its spec) to ``out``; if that fails after all (a disk filled
    or a stick was pulled while training), say so in one line and save to the models folder
    instead, so the training is not lost. True when ``out`` was written."""
    from engine.model_files import ModelFileError

    try:
        outcome.save(out)
    except ModelFileError as exc:
        print(f"error: {_first_line(exc)}", file=sys.stderr)
    else:
        print(f"saved: {out}")
        return True
    fallback = default
    if fallback.exists() or fallback.resolve() == out.resolve():  # never overwrite a model on the way
        fallback = default.with_name(f"{default.stem}-{time.strftime('%Y%m%d-%H%M%S')}.keras")
    try:
        outcome.save(fallback)
    except ModelFileError as exc:
        print(f"error: {_first_line(exc)}; nothing was saved", file=sys.stderr)
    else:
        print(f"saved instead to {fallback}", file=sys.stderr)
    return False


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def evaluate_command(args) -> int:
    from engine.data import load_mnist
    from engine.evaluation import evaluate

    loaded = _load(args.model, getattr(args, "backend", "auto"))
    data = load_mnist()
    started = time.perf_counter()
    report = evaluate(loaded.predictor, data.x_test, data.y_test)
    seconds = time.perf_counter() - started
    print(f"model: {resolve_model_path(args.model)}")
    print(f"computed on: {loaded.device}, {len(data.x_test):,} images in {seconds:.1f} s")
    if loaded.spec is not None:
        print(f"trained: {loaded.spec.summary()}")
    print(f"test accuracy: {100 * report.accuracy:.2f}% "
          f"({int(np.trace(report.confusion))}/{int(report.confusion.sum())})")
    if loaded.predictor.calibration.refuse_below > 0:
        print(f"answered \"not a digit\": {100 * report.refused:.2f}% of the test digits "
              f"(counted above by their best guess; {loaded.predictor.calibration.describe()})")
    print("per-class accuracy: " + "  ".join(f"{d}: {100 * a:.1f}%" for d, a in enumerate(report.per_class)))
    print("confusion matrix:")
    print(report.table())
    return 0


def predict(args) -> int:
    from engine.calibration import BLANK, NOT_A_DIGIT
    from engine.preprocess import ImageReadError, load_image, preprocess_digit

    predictor = _load(args.model, getattr(args, "backend", "auto")).predictor
    if getattr(args, "number", False):
        return _predict_numbers(args, predictor)
    failures = 0
    files = list(args.images)
    for start in range(0, len(files), _PREDICT_CHUNK):
        chunk = files[start:start + _PREDICT_CHUNK]
        inputs: list[np.ndarray | None] = []
        for name in chunk:
            try:
                inputs.append(preprocess_digit(load_image(name)))
            except ImageReadError as exc:
                print(f"error: {exc}", file=sys.stderr)
                failures += 1
                inputs.append(False)  # marks "unreadable" apart from "blank" (None)
        ready = [x for x in inputs if x is not None and x is not False]
        probs = iter(predictor.predict_batch(np.stack(ready)) if ready else [])
        calibration = predictor.calibration
        for name, x in zip(chunk, inputs):
            if x is False:
                continue
            p = next(probs) if x is not None else None
            reason = BLANK if p is None else (NOT_A_DIGIT if calibration.refuses(p) else None)
            _print_prediction(name, p, reason, args.json)
    return 1 if failures else 0


def _print_prediction(name: str, probs: np.ndarray | None, reason: str | None, as_json: bool) -> None:
    """One line for one file. JSON: {"file", "digit", "confidence", "probabilities", "reason"}, where
    ``reason`` is null for an answer, "blank" (no ink: digit, confidence and probabilities null) or
    "not a digit" (digit null; confidence is the top probability, under the model's threshold)."""
    best = None if probs is None else int(np.argmax(probs))
    confidence = None if probs is None else round(float(probs[best]), 6)
    if as_json:
        print(json.dumps({"file": name, "digit": best if reason is None else None, "confidence": confidence,
                          "probabilities": None if probs is None else [round(float(v), 6) for v in probs],
                          "reason": reason}),
              flush=False)
    elif probs is None:
        print(f"{name}: no digit (the image is blank)")
    else:
        bars = "  ".join(f"{d}:{v:.3f}" for d, v in enumerate(probs))
        if reason is None:
            print(f"{name}: {best} ({100 * confidence:.1f}%)   {bars}")
        else:
            print(f"{name}: not a digit (best guess {best} at {100 * confidence:.1f}%)   {bars}")


NUMBER_REASONS = {"empty": "empty", "not a digit": "not-a-digit"}   # NumberReading.reason → the JSON's
# (engine.calibration.NOT_A_DIGIT is "not a digit")


def _predict_numbers(args, predictor) -> int:
    """``predict --number``: each image read as a number written left to right (engine.numbers).
    Status 1 when a file could not be read (named on stderr; the others are still answered)."""
    from engine.numbers import read_number
    from engine.preprocess import ImageReadError, load_image

    failures = 0
    for name in args.images:
        try:
            image = load_image(name)
        except ImageReadError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failures += 1
            continue
        _print_number(name, read_number(image, predictor), args.json)
    return 1 if failures else 0


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number_record(name: str, reading) -> dict:
    """The JSON object for one file: {"file", "number", "digits": [{"digit", "confidence", "box"}]},
    plus "reason" ("empty" or "not-a-digit") when "number" is null; a group that is not a digit
    has "digit": null."""
    record = {"file": name, "number": reading.number,
              "digits": [{"digit": d.digit if d.is_digit else None, "confidence": round(float(d.confidence), 6),
                          "box": [int(v) for v in d.box]} for d in reading.digits]}
    if reading.number is None:
        reason = reading.reason or ("empty" if not reading.digits else "not a digit")
        record["reason"] = NUMBER_REASONS.get(reason, reason)
    return record


def _print_number(name: str, reading, as_json: bool) -> None:
    if as_json:
        print(json.dumps(number_record(name, reading)), flush=False)
        return
    if reading.number is not None:
        count = len(reading.digits)
        least = min(d.confidence for d in reading.digits)
        percent = min(99, round(100 * least)) if least < 1 else 100   # no false certainty: 99.9% is 99%
        sure = f"{percent}% sure" if count == 1 else f"least sure {percent}%"
        print(f"{name}: {reading.number} ({count} digit{'' if count == 1 else 's'}; {sure})")
        return
    bad = [i for i, d in enumerate(reading.digits) if not d.is_digit]
    if not reading.digits or not bad:
        print(f"{name}: no number (no ink)")
    elif len(reading.digits) == 1:
        print(f"{name}: no number (it is not a digit)")
    else:
        names = [_ordinal(i + 1) for i in bad]
        if len(names) == 1:
            which = f"the {names[0]} group is not a digit"
        else:
            which = f"the {', '.join(names[:-1])} and {names[-1]} groups are not digits"
        print(f"{name}: no number ({which})")

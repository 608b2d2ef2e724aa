"""The command-line commands: train, evaluate, predict. ``main.py`` parses the arguments."""
from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import TextIO

import numpy as np

from engine.resources import DEFAULT_MODEL, SHIPPED_MODELS, shipped_model_path

log = logging.getLogger(__name__)
_PREDICT_CHUNK = 256  # files decoded and preprocessed per batch call: memory stays flat for thousands


def resolve_model_path(model: str | None) -> Path:
    """A shipped model's name ("cnn") or a path to a .keras file → the file's path."""
    if model is None:
        model = DEFAULT_MODEL
    if model in SHIPPED_MODELS:
        return shipped_model_path(model)
    return Path(model)


def _load(model: str | None):
    from engine.model_files import load_model
    from engine.predictor import Predictor

    return Predictor(load_model(resolve_model_path(model)))


class ProgressBar:
    """A one-line training progress bar on a terminal (per-epoch lines when not a terminal)."""

    def __init__(self, stream: TextIO | None = None, width: int = 28):
        self.stream, self.width = stream or sys.stderr, width
        self.live = self.stream.isatty()

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


def train(args) -> int:
    from engine.data import load_mnist
    from engine.evaluation import evaluate
    from engine.model_files import check_save_path
    from engine.models import build_model
    from engine.paths import user_models_dir
    from engine.predictor import Predictor
    from engine.training import TrainingConfig, TrainingRun

    config = TrainingConfig(epochs=args.epochs, batch_size=args.batch_size, augment=args.augment,
                            augment_strength=args.augment_strength,
                            lr_decay=args.lr_decay,
                            train_size=args.train_size, seed=args.seed)
    # A destination that cannot take the file is found now, not after minutes of training
    # (ModelFileError: main() reports it as a usage error).
    out = check_save_path(Path(args.out) if args.out else user_models_dir() / f"{args.model}.keras")
    data = load_mnist()
    model = build_model(args.model, learning_rate=args.learning_rate, optimizer=args.optimizer,
                        seed=args.seed)
    bar = ProgressBar()
    run = TrainingRun(model, data, config, on_batch=bar.batch, on_epoch=bar.epoch,
                      max_reports_per_second=10)
    print(f"Training {args.model} on {run.device}: {config.epochs} epochs, batch {config.batch_size}, "
          f"learning rate {args.learning_rate}, {args.optimizer}"
          f"{', augmented' if config.augment else ''}", file=sys.stderr)
    started = time.perf_counter()
    try:
        end = run.run()
    except KeyboardInterrupt:
        run.stop()
        print("\ninterrupted: nothing saved", file=sys.stderr)
        return 130
    print(end.message, f"({_duration(time.perf_counter() - started)})", file=sys.stderr)
    if end.reason == "error" or end.epochs_completed == 0:
        print("nothing was saved", file=sys.stderr)
        return 1
    report = evaluate(Predictor(model), data.x_test, data.y_test)
    print(f"test accuracy: {100 * report.accuracy:.2f}%")
    if not _save_or_fall_back(model, out, user_models_dir() / f"{args.model}.keras"):
        return 1
    # After "nan" the message said whose weights these are (an earlier epoch's): still a failure.
    return 0 if end.reason in ("completed", "stopped") else 1


def _save_or_fall_back(model, out: Path, default: Path) -> bool:
    """Save to ``out``; if that fails after all (a disk filled or a stick was pulled while training),
    say so in one line and save to the models folder instead, so the training is not lost.
    True when ``out`` was written."""
    from engine.model_files import ModelFileError, save_model

    try:
        save_model(model, out)
    except ModelFileError as exc:
        print(f"error: {_first_line(exc)}", file=sys.stderr)
    else:
        print(f"saved: {out}")
        return True
    fallback = default
    if fallback.exists() or fallback.resolve() == out.resolve():  # never overwrite a model on the way
        fallback = default.with_name(f"{default.stem}-{time.strftime('%Y%m%d-%H%M%S')}.keras")
    try:
        save_model(model, fallback)
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

    predictor = _load(args.model)
    data = load_mnist()
    report = evaluate(predictor, data.x_test, data.y_test)
    print(f"model: {resolve_model_path(args.model)}")
    print(f"test accuracy: {100 * report.accuracy:.2f}% "
          f"({int(np.trace(report.confusion))}/{int(report.confusion.sum())})")
    print("per-class accuracy: " + "  ".join(f"{d}: {100 * a:.1f}%" for d, a in enumerate(report.per_class)))
    print("confusion matrix:")
    print(report.table())
    return 0


def predict(args) -> int:
    from engine.preprocess import ImageReadError, load_image, preprocess_digit

    predictor = _load(args.model)
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
        for name, x in zip(chunk, inputs):
            if x is False:
                continue
            p = next(probs) if x is not None else None
            _print_prediction(name, p, args.json)
    return 1 if failures else 0


def _print_prediction(name: str, probs: np.ndarray | None, as_json: bool) -> None:
    digit = None if probs is None else int(np.argmax(probs))
    confidence = None if probs is None else round(float(probs[digit]), 6)
    if as_json:
        print(json.dumps({"file": name, "digit": digit, "confidence": confidence,
                          "probabilities": None if probs is None else [round(float(v), 6) for v in probs]}),
              flush=False)
    elif probs is None:
        print(f"{name}: no digit (the image is blank)")
    else:
        bars = "  ".join(f"{d}:{v:.3f}" for d, v in enumerate(probs))
        print(f"{name}: {digit} ({100 * confidence:.1f}%)   {bars}")

"""``main.py adapt``: fine-tune a copy of a model on your labelled samples, say before → after, save it.

``add_arguments(commands)`` registers the command on ``main.py``'s subparsers; ``adapt_command(args)``
runs it: the samples come from ``engine.samples.SampleStore`` (``samples.db`` in the data folder,
which ``DIGIT_STUDIO_HOME`` moves), the work is ``engine.adapt.Adaptation``, the progress goes to
stderr and the results to stdout. Too few samples is a ValueError (``main.py`` reports it as a
usage error, status 2); a bad model file or destination a ModelFileError (the same).
"""
from __future__ import annotations

import sys
from pathlib import Path

from engine.cli import ProgressBar, _first_line, run_in_terminal

__all__ = ["add_arguments", "adapt_command"]


def add_arguments(commands) -> None:
    """Register ``adapt [--model M] [--epochs N] [--out PATH]`` on ``commands`` (argparse subparsers)."""
    from engine.adapt import DEFAULT_EPOCHS, HELD_OUT_SHARE, MIN_SAMPLES

    parser = commands.add_parser(
        "adapt", help="fine-tune a copy of a model on your labelled samples (see samples --help)",
        description=f"Fine-tune a copy of a model on the digits you drew and labelled (at least {MIN_SAMPLES}), "
                    "mixed with MNIST so it does not forget; prints the accuracy before → after on your "
                    f"newest {HELD_OUT_SHARE:.0%} of samples of each digit (held out, never trained on) and on "
                    "MNIST test, then saves the adapted model among your models.")
    parser.add_argument("--model", help="the model to adapt: a shipped model's name, one of your models or a "
                                        ".keras file (default: cnn)")
    parser.add_argument("--epochs", type=_positive_int, default=DEFAULT_EPOCHS,
                        help=f"passes over your samples and the general digits (default {DEFAULT_EPOCHS})")
    parser.add_argument("--out", help="where to save the adapted .keras file (default: MODEL-adapted.keras in "
                                      "your models folder; the date is added rather than overwrite one)")


def _positive_int(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 1")
    return value


class AdaptProgress(ProgressBar):
    """The training progress bar, saying what is being adapted (and the phases, on a terminal)."""

    def __init__(self, adaptation, stream=None):
        super().__init__(stream)
        self.adaptation = adaptation

    def on_phase(self, text: str) -> None:
        if self.live:
            self.stream.write(f"\r{text:<70}\r")
            self.stream.flush()

    def on_model(self, event) -> None:
        a = self.adaptation
        held = (f", {a.samples_held_out} held out to check with" if a.samples_held_out
                else " (too few of each digit to hold any out: checked on the training samples)")
        print(f"Adapting {a.source_label} on {event.device} to {a.samples_trained} of your samples{held}: "
              f"{a.epochs} epochs", file=self.stream)


def _read_samples():
    """x, y (oldest first) from the user's sample store."""
    from engine.samples import SampleStore

    store = SampleStore()
    try:
        x, y, _ids = store.arrays()
        path = getattr(store, "path", None)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
    return x, y, path


def adapt_command(args) -> int:
    from engine.adapt import Adaptation, default_adapted_path
    from engine.device import require_tensorflow
    from engine.model_files import ModelFileError, check_save_path

    require_tensorflow("Adapting a model")
    x, y, store_path = _read_samples()
    adaptation = Adaptation(args.model, x, y, epochs=args.epochs, live_predictor=False,
                            max_reports_per_second=10)   # ValueError: too few samples
    if not adaptation.source_path.is_file():
        raise ModelFileError(f"Model file not found: {adaptation.source_path}")
    out = check_save_path(Path(args.out) if args.out else default_adapted_path(args.model))
    print(f"{len(y)} samples from {store_path}", file=sys.stderr)
    outcome = run_in_terminal(adaptation, AdaptProgress(adaptation))
    if outcome is None:
        return 130
    end = outcome.end
    if outcome.report is not None:
        for line in outcome.report.lines()[:2]:
            print(line)
    if end.reason not in ("completed", "stopped") or not outcome.has_model or end.epochs_completed == 0:
        print("nothing was saved", file=sys.stderr)
        return 1
    try:
        outcome.save(out)
    except ModelFileError as exc:
        print(f"error: {_first_line(exc)}", file=sys.stderr)
        return 1
    print(f"saved: {out}")
    return 0

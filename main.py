"""Digit Studio: draw a digit and watch a neural network recognise it; train your own.

    python main.py                      open the window
    python main.py --kiosk              demo-booth mode (full screen, touch-first; see the README)
    python main.py train --model cnn    train a network (live progress bar)
    python main.py evaluate             test-set accuracy and confusion matrix
    python main.py predict IMAGE...     recognise digits in image files (--number: a number each)
    python main.py samples list         your labelled drawings (add, list, export, import, delete)
    python main.py adapt                fine-tune the model on your labelled drawings
"""
from __future__ import annotations

import time

STARTED_AT = time.perf_counter()  # before the heavier imports: start-up figures count from here

import argparse  # noqa: E402
import logging  # noqa: E402
import logging.handlers  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

from engine.device import quiet_tensorflow_logs  # noqa: E402

LOG_LEVELS = ("debug", "info", "warning", "error")
BACKEND_HELP = ("what runs the network: numpy (starts in milliseconds, no TensorFlow needed), "
                "tensorflow (imports TensorFlow: seconds), or auto (default: numpy, and tensorflow "
                "for a model only Keras can run, e.g. one with a Lambda layer)")


def positive_number(text: str) -> float:
    """An argparse type: a finite number above 0 (a learning rate of 0 learns nothing, a negative
    one climbs the loss, and inf or NaN wreck the weights at the first step)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return value


def build_parser() -> argparse.ArgumentParser:
    from engine.catalogue import BACKENDS
    from engine.models import OPTIMIZERS, PRESETS
    from engine.spec import DATA_SOURCES

    parser = argparse.ArgumentParser(prog="digit-studio", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="The window and the kiosk speak English and Turkish (--language); "
                                            "the commands and their messages are in English.")
    parser.add_argument("--log-level", choices=LOG_LEVELS, default="warning",
                        help="logging detail for every command (debug also shows TensorFlow's own logs)")
    parser.add_argument("--model", dest="window_model", metavar="PATH_OR_NAME",
                        help="model to open the window with (a .keras file or a shipped model's name)")
    parser.add_argument("--backend", dest="window_backend", choices=BACKENDS, default="auto",
                        help="what runs the window's and the kiosk's network (see predict --help); "
                             "training always uses TensorFlow")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window, recognise a built-in drawing of a 7, print the answer and exit "
                             "(status 0 when it is right): a check for installed copies")
    parser.add_argument("--kiosk", action="store_true",
                        help="demo-booth mode: full screen, no menus, touch-first, idle attract loop; "
                             "leave with the booth config's exit_keys (default Ctrl+Alt+Shift+Q)")
    parser.add_argument("--booth-config", metavar="PATH",
                        help="the booth's TOML settings (default: booth.toml in your data folder, if present)")
    parser.add_argument("--language", choices=("en", "tr"),
                        help="the window's and the kiosk's language: en (English) or tr (Türkçe) (default: "
                             "the window's last choice in View ▸ Language or the booth config's language, else "
                             "the system's); the command line itself speaks English")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    train = commands.add_parser("train", help="train a network on MNIST (or MNIST and drawn digits)")
    train.add_argument("--model", choices=sorted(PRESETS), default="course-mlp")
    train.add_argument("--epochs", type=int, default=5)
    train.add_argument("--batch-size", type=int, default=128)
    train.add_argument("--learning-rate", type=positive_number, default=1e-3)
    train.add_argument("--lr-decay", type=float, default=1.0,
                       help="multiply the learning rate by this after every epoch (e.g. 0.85)")
    train.add_argument("--optimizer", choices=OPTIMIZERS, default="adam")
    train.add_argument("--augment", action="store_true",
                       help="random shifts, rotations, scales and stroke widths (better on drawn digits)")
    train.add_argument("--augment-strength", type=float, default=None,
                       help="scale the augmentation ranges, in (0, 2] (default: 1 for convolutional "
                            "networks, 0.5 for the small dense course networks)")
    train.add_argument("--train-size", type=int, default=None,
                       help="train on a random subset of this many images (quick demos)")
    train.add_argument("--data", choices=DATA_SOURCES, default="mnist",
                       help="mnist: MNIST's 60,000 training images; people: MNIST plus the pen-drawn "
                            "digits of the training writers, regional forms (flagged 1, crossed 7, "
                            "curled 9…) and non-digits, so the model can answer \"not a digit\"")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--out", help="where to save the .keras file (default: your models folder)")

    evaluate = commands.add_parser("evaluate", help="accuracy on the MNIST test set")
    evaluate.add_argument("--model", help="a .keras file or a shipped model's name (default: cnn)")
    evaluate.add_argument("--backend", choices=BACKENDS, default="auto", help=BACKEND_HELP)

    predict = commands.add_parser("predict", help="recognise the digit (with --number: the number) in each image file")
    predict.add_argument("--model", help="a .keras file or a shipped model's name (default: cnn)")
    predict.add_argument("--json", action="store_true", help="one JSON object per line")
    predict.add_argument("--number", action="store_true",
                         help="read each image as a number written left to right (\"2026\"): the ink is "
                              "split into digits, each read by the network; with --json: {\"file\", "
                              "\"number\", \"digits\": [{\"digit\", \"confidence\", \"box\": [x, y, w, h]}]}, "
                              "and \"number\": null with a \"reason\" (empty, not-a-digit) when none is readable")
    predict.add_argument("--backend", choices=BACKENDS, default="auto", help=BACKEND_HELP)
    predict.add_argument("images", nargs="+", metavar="IMAGE")

    from engine import adapt_cli, samples_cli

    samples_cli.add_arguments(commands)
    adapt_cli.add_arguments(commands)
    return parser


class StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a record is emitted, not the stream it was at
    set-up: a redirected or replaced stderr (an embedding host, a test runner) never leaves the
    handler writing to a closed file."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def setup_logging(level_name: str, to_file: bool = False) -> None:
    """Log to stderr at ``level_name``; with ``to_file`` also to the user's log folder."""
    level = getattr(logging, level_name.upper())
    handlers: list[logging.Handler] = [StderrHandler()]
    if to_file:
        from engine.paths import user_log_dir

        try:
            log_dir = user_log_dir()
            log_dir.mkdir(parents=True, exist_ok=True)
            handlers.append(logging.handlers.RotatingFileHandler(
                log_dir / "digit-studio.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"))
        except OSError as exc:  # a read-only home must not stop the app
            print(f"warning: cannot write the log file: {exc}", file=sys.stderr)
    logging.basicConfig(level=level, handlers=handlers, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet_tensorflow_logs(verbose=args.log_level == "debug")
    setup_logging(args.log_level, to_file=args.command is None)
    if args.command is None:
        from gui.app import run_app

        return run_app(args, started_at=STARTED_AT)
    from engine import cli
    from engine.data import MnistDataError
    from engine.device import TensorFlowMissing
    from engine.model_files import ModelFileError

    from engine import adapt_cli, samples_cli
    from engine.samples import SampleStoreError

    handler = {"train": cli.train, "evaluate": cli.evaluate_command, "predict": cli.predict,
               "samples": samples_cli.samples_command, "adapt": adapt_cli.adapt_command}[args.command]
    try:
        status = handler(args)
        if sys.stdout is not None:  # None in a windowed build without a console
            sys.stdout.flush()  # inside the try: a closed pipe shows here, not at exit
        return status
    except (ModelFileError, MnistDataError, ValueError, SampleStoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except TensorFlowMissing as exc:   # the booth build: train, or --backend tensorflow
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (… | head -1): stop quietly, like other Unix tools. The Python docs'
        # recipe: point stdout at devnull so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + 13  # what a shell reports for a tool that SIGPIPE ended


if __name__ == "__main__":
    sys.exit(main())

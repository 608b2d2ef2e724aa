"""Accuracy of the shipped models: the MNIST test set, and digits *drawn* with a pen.

MNIST scans alone prove little for an app people draw in, so two drawn-digit sets are
rendered at varied canvas sizes, positions, pen widths, polarities and image modes
(engine/drawn_digits.py), then go through the same preprocessing as the canvas:
- "templates": hand-designed stroke shapes of each digit, jittered like new hands;
- "mnist-redrawn": MNIST *test* digits (writers never seen in training) skeletonised
  into pen strokes and redrawn.
"""
from _common import emit  # noqa: I001

import argparse
import time

import numpy as np

from engine.data import load_mnist
from engine.drawn_digits import drawn_digit_set
from engine.evaluation import evaluate
from engine.model_files import load_model
from engine.predictor import Predictor
from engine.preprocess import preprocess_digit
from engine.resources import SHIPPED_MODELS, shipped_model_path


def drawn_accuracy(predictor: Predictor, images, labels) -> tuple[float, int]:
    """Accuracy over drawn images; an image the preprocessing calls blank counts as wrong."""
    xs = [preprocess_digit(img) for img in images]
    blank = sum(x is None for x in xs)
    probs = predictor.predict_batch(np.stack([x if x is not None else np.zeros((28, 28), np.float32)
                                              for x in xs]))
    correct = (probs.argmax(axis=1) == labels) & np.array([x is not None for x in xs])
    return float(correct.mean()), blank


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--drawn", type=int, default=2000, help="drawings per drawn set")
    args = parser.parse_args()
    data = load_mnist()
    started = time.perf_counter()
    sets = {
        "templates": drawn_digit_set(args.drawn, seed=11, source="templates"),
        "mnist-redrawn": drawn_digit_set(args.drawn, seed=12, source="mnist",
                                         mnist_images=data.x_test, mnist_labels=data.y_test),
    }
    print(f"rendered {len(sets)} drawn sets of {args.drawn} in {time.perf_counter() - started:.0f}s")
    result = {"bench": "accuracy", "drawn_per_set": args.drawn}
    print(f"{'model':<12} {'MNIST test':>10} {'drawn: templates':>17} {'drawn: MNIST redrawn':>21}")
    for name in SHIPPED_MODELS:
        path = shipped_model_path(name)
        if not path.exists():
            continue
        predictor = Predictor(load_model(path))
        mnist = evaluate(predictor, data.x_test, data.y_test).accuracy
        drawn = {key: drawn_accuracy(predictor, *value) for key, value in sets.items()}
        print(f"{name:<12} {100 * mnist:>9.2f}% {100 * drawn['templates'][0]:>16.1f}% "
              f"{100 * drawn['mnist-redrawn'][0]:>20.1f}%")
        result[name] = {"mnist_test": round(mnist, 4),
                        **{f"drawn_{k}": round(v[0], 4) for k, v in drawn.items()},
                        "drawn_blank": sum(v[1] for v in drawn.values())}
    emit(result)


if __name__ == "__main__":
    main()

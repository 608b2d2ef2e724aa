"""Accuracy of the shipped models on what people draw, side by side with a baseline's models.

Each model is judged, in one run, on
- **MNIST test through PNG files**: the 10,000 test digits written as PNG files, then read,
  preprocessed and recognised exactly as ``main.py predict`` does;
- **held-out pen writers**: the real pen digits of the writers no shipped model trains on (the odd
  writer ids, ``engine.pen_data.VALIDATION_WRITERS``), drawn on random canvases like the app's;
- **non-digits**: the fixed held-out set of ``engine.non_digits`` (never trained on): the share
  answered "not a digit", and the share still given a digit at >= 90 %;
- for the pen writers also: real digits wrongly refused, expected calibration error (ECE, 15
  bins), and the share of wrong answers shown at >= 90 % (of those not refused);
- optionally (``--drawn N``) the older drawn sets: stroke templates and MNIST test digits redrawn.

The baseline (default: the models shipped at ``BASELINE_REV``, read from git) shows what a change
bought; ``--baseline none`` skips it. Accuracy counts the top answer, refused or not; "refused"
counts the refusals apart.
"""
from _common import ROOT, emit  # noqa: I001

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

from engine.calibration import report
from engine.catalogue import load as load_ref
from engine.data import load_mnist
from engine.drawn_digits import drawn_digit_set
from engine.non_digits import held_out_non_digits
from engine.pen_data import VALIDATION_WRITERS, rendered_pen_split
from engine.preprocess import load_image, preprocess_digit
from engine.resources import SHIPPED_MODELS, shipped_model_path

BASELINE_REV = "8566aaa"   # the models shipped before issue 12 (trained on MNIST only)
PEN_SEED = 7               # the held-out writers' rendering (any seed: they are never trained on)


def mnist_through_files(folder: Path, x: np.ndarray) -> np.ndarray:
    """Write each image as a PNG and read it back through the app's file path (as ``predict`` does)."""
    out = np.zeros((len(x), 28, 28), np.float32)
    for i, image in enumerate(x):
        path = folder / f"{i:05d}.png"
        Image.fromarray(image).save(path)
        pre = preprocess_digit(load_image(path))
        if pre is not None:
            out[i] = pre
    return out


def drawn(images) -> np.ndarray:
    return np.stack([x if (x := preprocess_digit(img)) is not None else np.zeros((28, 28), np.float32)
                     for img in images])


def baseline_models(rev: str, folder: Path) -> dict[str, Path]:
    found = {}
    for name in SHIPPED_MODELS:
        target = folder / f"{name}.keras"
        try:
            blob = subprocess.run(["git", "show", f"{rev}:resources/models/{name}.keras"], cwd=ROOT,
                                  capture_output=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"baseline {name}: not in git at {rev} ({exc})")
            continue
        target.write_bytes(blob)
        found[name] = target
    return found


def judge(predictor, sets) -> dict:
    c = predictor.calibration
    mnist_x, mnist_y = sets["mnist_png"]
    pen_x, pen_y = sets["pen"]
    nd = sets["non_digits"]
    m = report(predictor.predict_batch(mnist_x), mnist_y, c)
    p = report(predictor.predict_batch(pen_x), pen_y, c)
    nd_p = predictor.predict_batch(nd)
    row = {"mnist_png": m.accuracy, "mnist_refused": m.refused, "pen": p.accuracy, "pen_refused": p.refused,
           "pen_ece": p.ece, "pen_wrong_90": p.wrong_confident, "pen_wrong": p.wrong,
           "mnist_wrong_90": m.wrong_confident,
           "non_digits_rejected": float(np.mean(c.refuses(nd_p))),
           "non_digits_90": float(np.mean(nd_p.max(1) >= 0.9)),
           "temperature": c.temperature, "threshold": c.refuse_below}
    for key in sets:
        if key.startswith("drawn_"):
            x, y = sets[key]
            row[key] = float(np.mean(predictor.predict_batch(x).argmax(1) == y))
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default=BASELINE_REV, help="git revision of the baseline models, or none")
    parser.add_argument("--drawn", type=int, default=0, help="also the template and MNIST-redrawn sets, N each")
    parser.add_argument("--models", nargs="*", default=list(SHIPPED_MODELS))
    args = parser.parse_args()
    started = time.perf_counter()
    data = load_mnist()
    with tempfile.TemporaryDirectory(prefix="digit-studio-accuracy-") as tmp:
        tmp = Path(tmp)
        (tmp / "png").mkdir()
        sets = {"mnist_png": (mnist_through_files(tmp / "png", data.x_test), data.y_test)}
        _, _, pen_x, pen_y = rendered_pen_split(PEN_SEED, VALIDATION_WRITERS)
        sets["pen"] = (pen_x.astype(np.float32) / 255, pen_y)
        sets["non_digits"] = held_out_non_digits(2000)[0].astype(np.float32) / 255
        if args.drawn:
            for key, (images, labels) in {
                    "drawn_templates": drawn_digit_set(args.drawn, seed=11, source="templates"),
                    "drawn_mnist": drawn_digit_set(args.drawn, seed=12, source="mnist",
                                                   mnist_images=data.x_test, mnist_labels=data.y_test)}.items():
                sets[key] = (drawn(images), labels)
        print(f"sets ready in {time.perf_counter() - started:.0f}s: MNIST test via PNG {len(data.x_test):,}, "
              f"pen digits of {len(VALIDATION_WRITERS)} held-out writers {len(pen_y):,}, "
              f"held-out non-digits {len(sets['non_digits']):,}")
        base = {} if args.baseline == "none" else baseline_models(args.baseline, tmp)
        result = {"bench": "accuracy", "baseline": None if args.baseline == "none" else args.baseline}
        head = (f"{'model':<22} {'MNIST png':>9} {'pen wr.':>8} {'refused':>8} {'non-dig':>8} {'nd>=90%':>8} "
                f"{'ECE':>6} {'wrong>=90%':>11}")
        extra = [k for k in sets if k.startswith("drawn_")]
        print(head + "".join(f" {k:>15}" for k in extra))
        for name in args.models:
            if not shipped_model_path(name).exists():
                continue
            for label, ref in ((f"{name}", name), (f"{name} @{args.baseline}", base.get(name))):
                if ref is None:
                    continue
                row = judge(load_ref(str(ref)).predictor, sets)
                result[label] = {k: round(v, 5) if isinstance(v, float) else v for k, v in row.items()}
                print(f"{label:<22} {100 * row['mnist_png']:>8.2f}% {100 * row['pen']:>7.2f}% "
                      f"{100 * row['pen_refused']:>7.2f}% {100 * row['non_digits_rejected']:>7.1f}% "
                      f"{100 * row['non_digits_90']:>7.1f}% {100 * row['pen_ece']:>5.2f}% "
                      f"{100 * row['pen_wrong_90']:>6.1f}% of {row['pen_wrong']:<3d}"
                      + "".join(f" {100 * row[k]:>14.2f}%" for k in extra))
    print("pen wr. / refused / ECE / wrong>=90%: the held-out pen writers; non-dig: held-out non-digits "
          "answered \"not a digit\"; nd>=90%: non-digits still given a digit at >= 90 %")
    print(f"total {time.perf_counter() - started:.0f}s")
    emit(result)


if __name__ == "__main__":
    main()

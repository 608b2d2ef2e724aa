"""Adapt to my handwriting: does a fine-tune on 50 of a writer's digits halve the errors on the rest?

For the held-out pen writers (the odd writer ids of ``engine.pen_data``, which no shipped model
trains on) whose digits the shipped model reads worst — judged on the rendering
``bench/accuracy.py`` uses (``rendered_pen_split(PEN_SEED)``) — take the writer's first
``--per-digit`` (5) samples of each digit in the order they wrote them (50 samples: their
"drawings so far"), adapt the model to them (``engine.adapt.Adaptation``, every sample trained on,
``held_out=`` the writer's other digits) and compare, side by side with the source model (the
baseline), on

- the writer's **other digits** (never trained on), in the accuracy bench's rendering and
  ``--renderings``-1 more (other random canvases and pens) so a handful of mistakes is not all
  there is to count: the error (the top answer wrong) and the share answered "not a digit";
- **MNIST test** (10,000), which must stay >= 99.3 %;
- the **other held-out writers** (everybody else's drawings: what the adapted model forgot), the
  held-out **non-digits** answered "not a digit" (the source calibration is kept), and the ECE on
  the writer's other digits;
- the **seconds** the adaptation took (TensorFlow already loaded), and once a cold process that
  adapts to ``--cold-samples`` (100) samples from scratch: importing TensorFlow, loading the
  model and MNIST included.

Targets: the writer's error falls by at least half on average, MNIST test stays >= 99.3 %,
adapting takes <= 30 s. The last line is one JSON object.
"""
from _common import ROOT, emit  # noqa: I001

import argparse
import subprocess
import sys
import time

import numpy as np

from engine.adapt import Adaptation
from engine.calibration import expected_calibration_error
from engine.catalogue import resolve
from engine.data import load_mnist
from engine.non_digits import held_out_non_digits
from engine.numpy_predictor import NumpyPredictor
from engine.pen_data import VALIDATION_WRITERS, load_pen_digits, render_pen_digits, rendered_pen_split

PEN_SEED = 7   # bench/accuracy.py's rendering of the held-out writers

COLD = r"""
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
import numpy as np
from engine.adapt import Adaptation
d = np.load({npz!r})
outcome = Adaptation({model!r}, d["x"], d["y"], live_predictor=False).run()
print(f"{{time.perf_counter() - t0:.2f}} {{outcome.end.reason}} {{outcome.report.samples_trained}} "
      f"{{outcome.report.samples_held_out}}")
"""


def held_out_writers():
    """(x uint8, y, writer ids, sample index in the writer's order) of the held-out writers, as
    ``bench/accuracy.py`` renders them."""
    digits = [d for d in load_pen_digits() if d.writer in set(VALIDATION_WRITERS)]
    _, _, x, y = rendered_pen_split(PEN_SEED, VALIDATION_WRITERS)
    if len(x) != len(digits):   # a digit the preprocessing dropped: render the same way, with the mask
        all_digits = load_pen_digits()
        xa, ya, kept = render_pen_digits(all_digits, np.random.default_rng(PEN_SEED), return_kept=True)
        held = np.array([d.writer in set(VALIDATION_WRITERS) for d in all_digits])
        digits = [d for d, k, h in zip(all_digits, kept, held) if k and h]
        x, y = xa[held[kept]], ya[held[kept]]
    writers = np.array([d.writer for d in digits])
    return x, y.astype(np.int64), writers, digits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="cnn")
    parser.add_argument("--writers", type=int, default=5, help="how many of the worst-read writers")
    parser.add_argument("--per-digit", type=int, default=5)
    parser.add_argument("--renderings", type=int, default=3, help="renderings of the writer's other digits")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--cold-samples", type=int, default=100, help="0: skip the cold-process timing")
    args = parser.parse_args()
    started = time.perf_counter()
    data = load_mnist()
    x, y, writers, digits = held_out_writers()
    xf = x.astype(np.float32) / 255.0
    base = NumpyPredictor.from_file(resolve(args.model))
    calibration = base.calibration
    base_p = base.predict_batch(xf)
    base_right = base_p.argmax(1) == y
    nd = held_out_non_digits(2000)[0].astype(np.float32) / 255.0
    base_nd = float(np.mean(calibration.refuses(base.predict_batch(nd))))
    mnist_xf = data.x_test.astype(np.float32) / 255
    mnist_p = base.predict_batch(mnist_xf)
    base_mnist = float(np.mean(mnist_p.argmax(1) == data.y_test))
    base_mnist_refused = float(np.mean(calibration.refuses(mnist_p)))
    errors = {int(w): 1.0 - float(base_right[writers == w].mean()) for w in VALIDATION_WRITERS}
    worst = sorted(errors, key=lambda w: (-errors[w], w))[:args.writers]
    print(f"{args.model}: MNIST test {100 * base_mnist:.2f}%, held-out writers' error "
          + ", ".join(f"w{w} {100 * e:.1f}%" for w, e in sorted(errors.items(), key=lambda kv: -kv[1])[:8])
          + " …")
    print(f"worst {len(worst)} writers: {worst}; {args.per_digit} samples per digit each, "
          f"their other digits rendered {args.renderings}× to judge")
    print(f"{'writer':>6} {'samples':>7} {'judged':>6} {'error before':>12} {'after':>7} {'fell':>6} "
          f"{'refused':>11} {'MNIST after':>11} {'MNIST refused':>13} {'other writers':>15} {'non-dig refused':>15} "
          f"{'ECE':>13} {'seconds':>7}")
    rows = []
    options = {} if args.epochs is None else {"epochs": args.epochs}
    for w in worst:
        mine = np.flatnonzero(writers == w)
        order = mine[np.argsort([digits[i].index for i in mine], kind="stable")]
        train = np.concatenate([order[y[order] == d][:args.per_digit] for d in range(10)])
        rest = np.setdiff1d(mine, train)
        ex, ey = [x[rest]], [y[rest]]
        for r in range(1, args.renderings):
            rx, ry, kept = render_pen_digits([digits[i] for i in rest], np.random.default_rng(1000 * w + r),
                                             return_kept=True)
            ex.append(rx)
            ey.append(ry.astype(np.int64))
        ex, ey = np.concatenate(ex), np.concatenate(ey)
        outcome = Adaptation(args.model, x[train], y[train], held_out=(ex, ey), mnist=data,
                             live_predictor=False, **options).run()
        rep = outcome.report
        if outcome.end.reason != "completed":
            print(f"w{w}: {outcome.end.message}")
            continue
        adapted = NumpyPredictor.from_file(resolve(args.model))
        adapted.set_weights(outcome.weights)
        others = writers != w
        before_others = float(base_right[others].mean())
        after_others = float(np.mean(adapted.predict_batch(xf[others]).argmax(1) == y[others]))
        after_nd = float(np.mean(calibration.refuses(adapted.predict_batch(nd))))
        after_mnist_refused = float(np.mean(calibration.refuses(adapted.predict_batch(mnist_xf))))
        exf = ex.astype(np.float32) / 255.0
        pb, pa = base.predict_batch(exf), adapted.predict_batch(exf)
        ece_before, ece_after = expected_calibration_error(pb, ey), expected_calibration_error(pa, ey)
        refused_before, refused_after = float(np.mean(calibration.refuses(pb))), float(np.mean(calibration.refuses(pa)))
        eb, ea = 1.0 - rep.held_out_before, 1.0 - rep.held_out_after
        fell = (eb - ea) / eb if eb > 0 else 0.0
        row = {"writer": w, "samples": rep.samples_trained, "judged": len(ey), "error_before": eb, "error_after": ea,
               "error_fell": fell, "refused_before": refused_before, "refused_after": refused_after,
               "mnist_before": rep.mnist_before, "mnist_after": rep.mnist_after,
               "others_before": before_others, "others_after": after_others,
               "non_digits_before": base_nd, "non_digits_after": after_nd,
               "mnist_refused_before": base_mnist_refused, "mnist_refused_after": after_mnist_refused,
               "ece_before": ece_before, "ece_after": ece_after, "seconds": rep.seconds}
        rows.append(row)
        print(f"{'w' + str(w):>6} {rep.samples_trained:>7} {len(ey):>6} {100 * eb:>11.2f}% {100 * ea:>6.2f}% "
              f"{100 * fell:>5.0f}% {100 * refused_before:>5.2f}→{100 * refused_after:.2f}% "
              f"{100 * rep.mnist_after:>10.2f}% "
              f"{100 * base_mnist_refused:>5.2f}→{100 * after_mnist_refused:.2f}% "
              f"{100 * before_others:>6.2f}→{100 * after_others:.2f}% "
              f"{100 * base_nd:>6.1f}→{100 * after_nd:.1f}% "
              f"{100 * ece_before:>5.2f}→{100 * ece_after:.2f}% {rep.seconds:>7.1f}")
    result = {"bench": "adapt", "model": args.model, "writers": worst, "per_digit": args.per_digit,
              "rows": [{k: round(v, 5) if isinstance(v, float) else v for k, v in r.items()} for r in rows]}
    if rows:
        mean = {k: float(np.mean([r[k] for r in rows])) for k in rows[0] if k != "writer"}
        # "falls by at least half on average": the mean error after against the mean error before
        overall = 1.0 - mean["error_after"] / mean["error_before"] if mean["error_before"] else 0.0
        print(f"{'mean':>6} {mean['samples']:>7.0f} {mean['judged']:>6.0f} {100 * mean['error_before']:>11.2f}% "
              f"{100 * mean['error_after']:>6.2f}% {100 * overall:>5.0f}% "
              f"{100 * mean['refused_before']:>5.2f}→{100 * mean['refused_after']:.2f}% "
              f"{100 * mean['mnist_after']:>10.2f}% "
              f"{100 * mean['mnist_refused_before']:>5.2f}→{100 * mean['mnist_refused_after']:.2f}% "
              f"{100 * mean['others_before']:>6.2f}→{100 * mean['others_after']:.2f}% "
              f"{100 * mean['non_digits_before']:>6.1f}→{100 * mean['non_digits_after']:.1f}% "
              f"{100 * mean['ece_before']:>5.2f}→{100 * mean['ece_after']:.2f}% {mean['seconds']:>7.1f}")
        print(f"mean of the per-writer falls: {100 * mean['error_fell']:.0f}%; worst MNIST test after: "
              f"{100 * min(r['mnist_after'] for r in rows):.2f}%; "
              f"slowest adaptation {max(r['seconds'] for r in rows):.1f}s")
        result.update({k: round(v, 5) for k, v in mean.items()})
        result["error_fell_overall"] = round(overall, 5)
        result["mnist_after_min"] = round(min(r["mnist_after"] for r in rows), 5)
    if args.cold_samples and len(worst):
        w = worst[0]
        mine = np.flatnonzero(writers == w)
        per = max(1, args.cold_samples // 10)
        pick = np.concatenate([mine[y[mine] == d][:per] for d in range(10)])
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory(prefix="digit-studio-adapt-") as tmp:
            npz = str(Path(tmp) / "samples.npz")
            np.savez(npz, x=x[pick], y=y[pick])
            env_code = COLD.format(root=str(ROOT), npz=npz, model=args.model)
            out = subprocess.run([sys.executable, "-c", env_code], capture_output=True, text=True, cwd=ROOT)
        line = (out.stdout.strip().splitlines() or ["?"])[-1]
        if out.returncode != 0:
            print(f"cold run failed: {out.stderr.strip().splitlines()[-1:]}")
        else:
            seconds, reason, trained, held = line.split()
            print(f"cold process, {len(pick)} samples ({trained} trained, {held} held out), TensorFlow import, "
                  f"model and MNIST loading included: {float(seconds):.1f}s ({reason})")
            result["cold_seconds"] = float(seconds)
            result["cold_samples"] = int(len(pick))
    print(f"total {time.perf_counter() - started:.0f}s")
    emit(result)


if __name__ == "__main__":
    main()

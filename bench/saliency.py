"""Benchmark engine.saliency.occlusion, the "Which pixels mattered" overlay's cost per stroke.

For 100 drawn digits (engine.drawn_digits templates, rendered and preprocessed as on the canvas)
it times, with the shipped cnn on the NumPy backend:
  * ``occlusion(predictor, image)``: the default the panel uses (squares over the ink's box only,
    stride chosen so one batch holds at most engine.saliency.MAX_IMAGES images);
  * the baseline "full-image occlusion, stride 1" (``full_occlusion``: 625 4×4 squares).
Prints median and p90 of each, then one JSON line:
  {"bench": "saliency", "model": "cnn", "p50_ms": ..., "p90_ms": ..., "full_p50_ms": ..., ...}

Run: uv run python bench/saliency.py [--model cnn] [--runs 100]
"""
from __future__ import annotations

import argparse
import time

import numpy as np

from _common import emit
from engine import catalogue
from engine.drawn_digits import drawn_digit_set
from engine.preprocess import preprocess_digit
from engine.saliency import MAX_IMAGES, full_occlusion, occlusion


def timed(fn, images) -> tuple[np.ndarray, list[int]]:
    seconds, counts = [], []
    for x in images:
        t = time.perf_counter()
        s = fn(x)
        seconds.append(time.perf_counter() - t)
        counts.append(s.images)
    return np.asarray(seconds) * 1000, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="cnn")
    parser.add_argument("--runs", type=int, default=100, help="drawn digits to explain")
    parser.add_argument("--full-runs", type=int, default=20, help="of them, explained by the slow baseline")
    args = parser.parse_args()
    predictor = catalogue.load(args.model, backend="numpy").predictor
    drawings, _ = drawn_digit_set(args.runs * 2, seed=18)
    images = [x for x in map(preprocess_digit, drawings) if x is not None][:args.runs]
    for x in images[:5]:   # warm up: the first batches allocate
        occlusion(predictor, x)
    ms, counts = timed(lambda x: occlusion(predictor, x), images)
    full_ms, _ = timed(lambda x: full_occlusion(predictor, x), images[:args.full_runs])
    p50, p90 = np.percentile(ms, 50), np.percentile(ms, 90)
    print(f"{args.model}: occlusion over the ink's box (≤ {MAX_IMAGES} images, {np.mean(counts):.0f} on average), "
          f"{len(ms)} drawn digits: median {p50:.1f} ms, p90 {p90:.1f} ms, max {ms.max():.1f} ms")
    print(f"baseline, full-image occlusion stride 1 (626 images), {len(full_ms)} digits: "
          f"median {np.median(full_ms):.1f} ms, p90 {np.percentile(full_ms, 90):.1f} ms")
    emit({"bench": "saliency", "model": args.model, "runs": len(ms), "p50_ms": round(float(p50), 2),
          "p90_ms": round(float(p90), 2), "max_ms": round(float(ms.max()), 2),
          "mean_images": round(float(np.mean(counts)), 1), "full_p50_ms": round(float(np.median(full_ms)), 1),
          "full_p90_ms": round(float(np.percentile(full_ms, 90)), 1)})


if __name__ == "__main__":
    main()

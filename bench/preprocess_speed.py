"""Benchmark engine.preprocess.preprocess_digit, the per-stroke cost of the drawing canvas.

Measures wall-clock time per call (time.perf_counter) on:
  * a 400x400 uint8 gray canvas with a hand-drawn-looking '2' (12 px pen): p50/p99 over
    2000 calls after 200 warm-up calls; also a 1 px pen, a 40 px pen and the same canvas as
    RGB, to show the spread;
  * a 10000x10000 uint8 image with a digit drawn by a 3 px pen: each of a few calls.
Prints the figures, then one JSON line:
  {"bench": "preprocess", "p50_ms": ..., "p99_ms": ..., "huge_ms": ..., ...}

Run: .venv/bin/python bench/preprocess_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import statistics
import time

import numpy as np
from PIL import Image, ImageDraw

from engine.preprocess import preprocess_digit

# A '2' as a polyline in unit coordinates: an arc, a diagonal and a base.
ARC = np.linspace(0.15 * math.pi, 1.25 * math.pi, 14)
TWO = [(0.5 - 0.4 * math.cos(t), 0.3 - 0.3 * math.sin(t)) for t in ARC]
TWO += [(0.08, 1.0), (0.95, 1.0)]


def draw_two(size: int, box: tuple[int, int, int, int], pen: int) -> np.ndarray:
    """Draw the '2' with a round pen into box (x0, y0, x1, y1) of a black size x size canvas."""
    img = Image.new("L", (size, size), 0)
    x0, y0, x1, y1 = box
    pts = [(x0 + (x1 - x0) * u, y0 + (y1 - y0) * v) for u, v in TWO]
    ImageDraw.Draw(img).line(pts, fill=255, width=pen, joint="curve")
    return np.asarray(img)


def time_calls(image: np.ndarray, runs: int, warmup: int) -> list[float]:
    """Call preprocess_digit warmup + runs times; return the last runs' durations in ms."""
    for _ in range(warmup):
        preprocess_digit(image)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = preprocess_digit(image)
        times.append((time.perf_counter() - start) * 1e3)
        assert out is not None
    return times


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000, help="timed calls per 400x400 case")
    parser.add_argument("--huge-runs", type=int, default=3, help="timed calls on the 10000x10000 image")
    args = parser.parse_args()

    canvas = draw_two(400, (80, 60, 240, 300), pen=12)
    cases = {
        "400x400 gray, 12 px pen": canvas,
        "400x400 gray, 1 px pen": draw_two(400, (80, 60, 240, 300), pen=1),
        "400x400 gray, 40 px pen": draw_two(400, (80, 60, 240, 300), pen=40),
        "400x400 RGB, 12 px pen": np.repeat(canvas[..., None], 3, axis=2),
    }
    results = {}
    for name, image in cases.items():
        times = time_calls(image, args.runs, warmup=200)
        results[name] = times
        print(f"{name:26s} p50 {percentile(times, 50):.3f} ms   p99 {percentile(times, 99):.3f} ms")

    huge = draw_two(10000, (2000, 1000, 7000, 8500), pen=3)
    huge_times = time_calls(huge, args.huge_runs, warmup=1)
    print(f"{'10000x10000 gray, 3 px pen':26s} " + "  ".join(f"{t:.0f} ms" for t in huge_times))

    main_times = results["400x400 gray, 12 px pen"]
    summary = {
        "bench": "preprocess",
        "p50_ms": round(percentile(main_times, 50), 4),
        "p99_ms": round(percentile(main_times, 99), 4),
        "runs": args.runs,
        "canvas": "400x400 uint8 gray, 12 px pen",
        "thin_pen_p50_ms": round(percentile(results["400x400 gray, 1 px pen"], 50), 4),
        "fat_pen_p50_ms": round(percentile(results["400x400 gray, 40 px pen"], 50), 4),
        "rgb_p50_ms": round(percentile(results["400x400 RGB, 12 px pen"], 50), 4),
        "huge_ms": round(statistics.median(huge_times), 1),
        "huge_runs": args.huge_runs,
        "python": platform.python_version(),
        "numpy": np.__version__,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()

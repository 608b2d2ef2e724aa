"""Memory growth over 10,000 consecutive predictions of drawings with the shipped `cnn`.

Resident memory is read after a 500-prediction warm-up and again after 10,000 more; a leak of a
few kilobytes per prediction would show as tens of megabytes.
"""
from _common import emit, machine, rss_mb  # noqa: I001

import gc

from engine.drawn_digits import drawn_digit_set
from engine.model_files import load_model
from engine.predictor import Predictor
from engine.resources import shipped_model_path

N = 10_000


def main() -> None:
    images, _ = drawn_digit_set(50, seed=1)
    predictor = Predictor(load_model(shipped_model_path("cnn")))
    for k in range(500):
        predictor.recognise(images[k % len(images)])
    gc.collect()
    start = rss_mb()
    samples = []
    for k in range(N):
        predictor.recognise(images[k % len(images)])
        if k % 1000 == 999:
            samples.append(round(rss_mb() - start, 2))
    gc.collect()
    growth = rss_mb() - start
    print(f"{N} predictions with cnn on {machine()}: RSS {start:.0f} MB → {start + growth:.0f} MB, "
          f"growth {growth:+.1f} MB (target < 20 MB)")
    print("growth every 1000 predictions (MB):", samples)
    emit({"bench": "memory_growth", "n": N, "start_mb": round(start, 1), "growth_mb": round(growth, 2),
          "trace_mb": samples, "target_mb": 20})


if __name__ == "__main__":
    main()

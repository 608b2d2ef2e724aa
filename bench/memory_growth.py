"""Memory growth over 10,000 consecutive predictions of drawings with the shipped `cnn`, for each
recognition backend side by side: NumPy (the app's live path) and the TensorFlow Predictor.

Resident memory is read after a 500-prediction warm-up and again after 10,000 more; a leak of a
few kilobytes per prediction would show as tens of megabytes. NumPy runs first, before TensorFlow
is imported, so its line also shows what a process without TensorFlow holds.
"""
from _common import emit, machine, rss_mb  # noqa: I001

import gc
import sys

from engine.drawn_digits import drawn_digit_set
from engine.resources import shipped_model_path

N = 10_000
TARGETS_MB = {"numpy": 5, "tensorflow": 20}


def load(backend: str):
    if backend == "numpy":
        from engine.numpy_predictor import NumpyPredictor

        return NumpyPredictor.from_file(shipped_model_path("cnn"))
    from engine.model_files import load_model
    from engine.predictor import Predictor

    return Predictor(load_model(shipped_model_path("cnn")))


def measure(backend: str, images) -> dict:
    before_load = rss_mb()
    predictor = load(backend)
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
    target = TARGETS_MB[backend]
    print(f"{backend:<10} RSS {before_load:.0f} MB before loading → {start:.0f} MB loaded and warm → "
          f"{start + growth:.0f} MB after {N}: growth {growth:+.2f} MB (target < {target} MB)")
    print(f"{'':<10} growth every 1000 predictions (MB): {samples}")
    return {"before_load_mb": round(before_load, 1), "start_mb": round(start, 1), "growth_mb": round(growth, 2),
            "trace_mb": samples, "target_mb": target, "tensorflow_imported": "tensorflow" in sys.modules}


def main() -> None:
    images, _ = drawn_digit_set(50, seed=1)
    print(f"{N} predictions with cnn on {machine()}, per backend:")
    result = {"bench": "memory_growth", "n": N}
    for backend in ("numpy", "tensorflow"):   # numpy first: before TensorFlow is in the process
        result[backend] = measure(backend, images)
    emit(result)


if __name__ == "__main__":
    main()

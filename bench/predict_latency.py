"""Latency of one drawing → ten probabilities + every layer's activations (preprocessing included).

For the shipped `course-mlp` and `cnn`: the engine's Predictor (one compiled call) side by side with
Keras's `model.predict()` and an eager `model(x)` on the same model and the same drawings, in one run.
"""
from _common import emit, machine, percentiles_ms, time_calls  # noqa: I001

import numpy as np

from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.model_files import load_model, read_calibration
from engine.predictor import Predictor
from engine.preprocess import preprocess_digit
from engine.resources import shipped_model_path

N = 2000


def canvases() -> list[np.ndarray]:
    """Ten 440×440 canvas images, one per digit, as the drawing canvas hands them over."""
    return [render_strokes(DIGIT_TEMPLATES[d][0], size=(440, 440), pen_width=28) for d in range(10)]


def main() -> None:
    images = canvases()
    result = {"bench": "predict_latency", "machine": machine(), "n": N}
    print(f"One drawing (440×440 canvas) → probabilities + all activations; {N} runs; {machine()}")
    print(f"{'model':<12} {'method':<28} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name in ("course-mlp", "cnn"):
        path = shipped_model_path(name)
        model = load_model(path)
        predictor = Predictor(model, read_calibration(path))   # as the app loads it: calibrated
        i = iter(range(10**9))

        def engine_call():
            pred = predictor.recognise(images[next(i) % 10])
            assert pred is not None and len(pred.activations) > 0

        def preprocess_only():
            preprocess_digit(images[next(i) % 10])

        x = preprocess_digit(images[7])[None]

        def keras_predict():
            model.predict(x, verbose=0)

        def keras_eager():
            model(x, training=False).numpy()

        rows = {
            "engine Predictor": percentiles_ms(time_calls(engine_call, N)),
            "  of which preprocessing": percentiles_ms(time_calls(preprocess_only, N)),
            "keras model(x) eager": percentiles_ms(time_calls(keras_eager, 300)),
            "keras model.predict()": percentiles_ms(time_calls(keras_predict, 100, warmup=5)),
        }
        for method, r in rows.items():
            print(f"{name:<12} {method:<28} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} {r['max_ms']:>8.2f}")
        speedup = rows["keras model.predict()"]["p50_ms"] / rows["engine Predictor"]["p50_ms"]
        print(f"{name:<12} Predictor is {speedup:.0f}× faster than model.predict() (p50 ratio)")
        result[name] = {"predictor": rows["engine Predictor"], "preprocess": rows["  of which preprocessing"],
                        "eager": rows["keras model(x) eager"], "model_predict": rows["keras model.predict()"],
                        "speedup_p50": round(speedup, 1)}
    emit(result)


if __name__ == "__main__":
    main()

"""Latency of one drawing → ten probabilities + every layer's activations (preprocessing included).

For the shipped `course-mlp` and `cnn`, in one run on the same drawings: the NumPy backend (the app's
live path: `NumpyPredictor`, float32, convolutions as one matrix product), the TensorFlow
Predictor (one compiled call), Keras's `model.predict()` and an eager `model(x)`.
"""
from _common import emit, machine, percentiles_ms, time_calls  # noqa: I001

import numpy as np

from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.model_files import load_model, read_calibration
from engine.numpy_predictor import NumpyPredictor
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
        fast = NumpyPredictor.from_file(path)
        i = iter(range(10**9))

        def engine_call():
            pred = predictor.recognise(images[next(i) % 10])
            assert pred is not None and len(pred.activations) > 0

        def numpy_call():
            pred = fast.recognise(images[next(i) % 10])
            assert pred is not None and len(pred.activations) > 0

        def numpy_network_only():
            fast.predict(x[0])

        def preprocess_only():
            preprocess_digit(images[next(i) % 10])

        x = preprocess_digit(images[7])[None]

        def keras_predict():
            model.predict(x, verbose=0)

        def keras_eager():
            model(x, training=False).numpy()

        rows = {
            "NumPy backend (live path)": percentiles_ms(time_calls(numpy_call, N)),
            "  of which the network": percentiles_ms(time_calls(numpy_network_only, N)),
            "TF Predictor": percentiles_ms(time_calls(engine_call, N)),
            "  of which preprocessing": percentiles_ms(time_calls(preprocess_only, N)),
            "keras model(x) eager": percentiles_ms(time_calls(keras_eager, 300)),
            "keras model.predict()": percentiles_ms(time_calls(keras_predict, 100, warmup=5)),
        }
        for method, r in rows.items():
            print(f"{name:<12} {method:<28} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} {r['max_ms']:>8.2f}")
        numpy_row, tf_row = rows["NumPy backend (live path)"], rows["TF Predictor"]
        speedup = rows["keras model.predict()"]["p50_ms"] / tf_row["p50_ms"]
        numpy_speedup = rows["keras model.predict()"]["p50_ms"] / numpy_row["p50_ms"]
        print(f"{name:<12} TF Predictor {speedup:.0f}×, NumPy backend {numpy_speedup:.0f}× faster than "
              f"model.predict() (p50 ratio)")
        verdict = "≤" if numpy_row["p99_ms"] <= tf_row["p99_ms"] else ">"
        print(f"{name:<12} NumPy p99 {numpy_row['p99_ms']:.2f} ms {verdict} TF Predictor p99 "
              f"{tf_row['p99_ms']:.2f} ms; p50 {tf_row['p50_ms'] / numpy_row['p50_ms']:.2f}× faster")
        result[name] = {"numpy": numpy_row, "numpy_network": rows["  of which the network"],
                        "predictor": tf_row, "preprocess": rows["  of which preprocessing"],
                        "eager": rows["keras model(x) eager"], "model_predict": rows["keras model.predict()"],
                        "speedup_p50": round(speedup, 1), "numpy_speedup_p50": round(numpy_speedup, 1),
                        "numpy_over_tf_p50": round(tf_row["p50_ms"] / numpy_row["p50_ms"], 2)}
    emit(result)


if __name__ == "__main__":
    main()

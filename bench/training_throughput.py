"""Training throughput of the engine's TrainingRun (progress reporting on) against a plain
`model.fit` of the same model on the same data, alternated in one run (medians, ratio).

Both train the same preset from the same seed for the same epochs and batch size, with the
same 5,000-image validation set evaluated after every epoch; both are warmed up first so
neither pays for tracing inside the timing.
"""
from _common import emit, machine  # noqa: I001

import argparse
import statistics
import time

from engine.data import Mnist, load_mnist
from engine.models import build_model
from engine.training_run import TrainingConfig, TrainingRun


def plain_fit(name: str, data: Mnist, size: int, epochs: int, batch: int) -> float:
    x = data.x_train[:size].astype("float32") / 255
    y = data.y_train[:size]
    xv, yv = data.x_train[-5000:].astype("float32") / 255, data.y_train[-5000:]
    model = build_model(name, seed=0)
    model.fit(x[:1024], y[:1024], batch_size=batch, epochs=1, verbose=0)  # warm-up: trace once
    started = time.perf_counter()
    model.fit(x, y, batch_size=batch, epochs=epochs, validation_data=(xv, yv), verbose=0)
    return size * epochs / (time.perf_counter() - started)


def engine_fit(name: str, data: Mnist, size: int, epochs: int, batch: int) -> float:
    model = build_model(name, seed=0)
    reports = []
    warm = TrainingConfig(epochs=1, batch_size=batch, train_size=1024)
    TrainingRun(model, data, warm).run()  # warm-up: trace once
    config = TrainingConfig(epochs=epochs, batch_size=batch, train_size=size)
    run = TrainingRun(model, data, config, on_batch=reports.append, on_epoch=reports.append)
    started = time.perf_counter()
    end = run.run()
    elapsed = time.perf_counter() - started
    assert end.reason == "completed" and len(reports) > epochs, end
    return size * epochs / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--models", nargs="+", default=["course-mlp", "cnn"])
    args = parser.parse_args()
    data = load_mnist()
    cases = [case for case in [("course-mlp", 55000, 3, 128), ("cnn", 16000, 1, 128)] if case[0] in args.models]
    print(f"Training throughput, images/s, {machine()}; {args.repeats} alternating repeats")
    result = {"bench": "training_throughput", "machine": machine()}
    for name, size, epochs, batch in cases:
        plain, ours = [], []
        for _ in range(args.repeats):
            plain.append(plain_fit(name, data, size, epochs, batch))
            ours.append(engine_fit(name, data, size, epochs, batch))
        p, e = statistics.median(plain), statistics.median(ours)
        print(f"{name:<11} {size} images × {epochs} epochs, batch {batch}: plain model.fit {p:,.0f}/s  "
              f"engine {e:,.0f}/s  ratio {e / p:.2f}  (runs: plain {[round(v) for v in plain]}, "
              f"engine {[round(v) for v in ours]})")
        result[name] = {"plain_per_s": round(p), "engine_per_s": round(e), "ratio": round(e / p, 3)}
    emit(result)


if __name__ == "__main__":
    main()

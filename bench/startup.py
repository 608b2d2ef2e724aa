"""Start-up time of the app: process launch → window shown → model ready → first prediction, and
the command line's ``predict`` on one image, for each recognition backend side by side.

Launches `main.py --smoke-test --backend B` several times per backend, interleaved (offscreen
unless --display is given: a real X window, e.g. under Xvfb); the app logs when its window is
shown and when the model is ready, then recognises a built-in drawing and exits. Times are
measured here, from the moment the process is spawned. ``numpy`` is what the app does by default
(``auto``); ``tensorflow`` is the baseline, where the first answer waits for TensorFlow's import.

    uv run python bench/startup.py --display :99          # after: Xvfb :99 -screen 0 1280x800x24 &
    uv run python bench/startup.py --backends numpy       # one backend only
"""
from _common import ROOT, emit, machine  # noqa: I001

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

SAMPLE = ROOT / "resources" / "samples" / "seven-dark-on-light.png"


def launch(env: dict, backend: str) -> dict[str, float]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--smoke-test", "--backend", backend,
                             "--log-level", "info"],
                            cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    marks: dict[str, float] = {}
    for line in proc.stderr:
        now = time.perf_counter() - started
        if "window shown" in line:
            marks["window_s"] = now
        elif "engine ready" in line:
            marks["engine_s"] = now
        elif "prediction digit=" in line and "prediction_s" not in marks:
            marks["prediction_s"] = now
    proc.wait(timeout=120)
    if proc.returncode != 0 or len(marks) != 3:
        raise RuntimeError(f"launch failed (status {proc.returncode}): {marks} {proc.stdout.read()}")
    return marks


def predict_once(env: dict, backend: str) -> float:
    """Wall time of ``main.py predict --backend B`` on one image, spawn to exit."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "predict", "--backend", backend, str(SAMPLE)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    seconds = time.perf_counter() - started
    if out.returncode != 0 or ": 7 (" not in out.stdout:
        raise RuntimeError(f"predict failed (status {out.returncode}): {out.stdout} {out.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--display", help="an X display to use instead of the offscreen platform")
    parser.add_argument("--backends", nargs="+", default=["numpy", "tensorflow"], choices=["numpy", "tensorflow"])
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="digit-studio-bench-")
    env = {**os.environ, "DIGIT_STUDIO_HOME": home, "XDG_CONFIG_HOME": os.path.join(home, "config")}
    if args.display:
        env.update(DISPLAY=args.display, QT_QPA_PLATFORM="xcb")
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    for backend in args.backends:  # warm the disk cache: a first launch after an install reads it all
        launch(env, backend)
    runs: dict[str, list[dict[str, float]]] = {b: [] for b in args.backends}
    predicts: dict[str, list[float]] = {b: [] for b in args.backends}
    for _ in range(args.runs):     # interleaved: a noisy moment hurts every backend alike
        for backend in args.backends:
            runs[backend].append(launch(env, backend))
            predicts[backend].append(predict_once(env, backend))
    print(f"{args.runs} launches per backend on {machine()} ({env['QT_QPA_PLATFORM']}), seconds from spawn:")
    result = {"bench": "startup", "runs": args.runs, "platform": env["QT_QPA_PLATFORM"]}
    for backend in args.backends:
        print(f" backend {backend}{' (the default)' if backend == 'numpy' else ' (baseline)'}:")
        medians = {}
        for key, label in (("window_s", "window shown"), ("engine_s", "model ready"),
                           ("prediction_s", "first prediction")):
            values = [r[key] for r in runs[backend]]
            medians[key] = med = statistics.median(values)
            print(f"  {label:<30} median {med:5.2f}   min {min(values):5.2f}   max {max(values):5.2f}")
            result[f"{backend}_{key.replace('_s', '_median_s')}"] = round(med, 3)
        # Per launch, then the median: how long a person looks at a window that cannot answer yet.
        gaps = [r["prediction_s"] - r["window_s"] for r in runs[backend]]
        ratios = [r["prediction_s"] / r["window_s"] for r in runs[backend]]
        gap, ratio = statistics.median(gaps), statistics.median(ratios)
        verdict = "ok" if gap <= 0.5 else "over the 0.5 s target"
        print(f"  {'first prediction − window':<30} median {gap:5.2f} s ({verdict});  "
              f"first prediction / window: median {ratio:.2f}×")
        cli = predicts[backend]
        print(f"  {'predict one image (CLI wall)':<30} median {statistics.median(cli):5.2f}   "
              f"min {min(cli):5.2f}   max {max(cli):5.2f}")
        result.update({f"{backend}_prediction_after_window_median_s": round(gap, 3),
                       f"{backend}_prediction_over_window_median": round(ratio, 2),
                       f"{backend}_cli_predict_median_s": round(statistics.median(cli), 3)})
    if set(args.backends) == {"numpy", "tensorflow"}:
        faster = result["tensorflow_prediction_median_s"] / result["numpy_prediction_median_s"]
        cli_faster = result["tensorflow_cli_predict_median_s"] / result["numpy_cli_predict_median_s"]
        print(f" first prediction {faster:.1f}× sooner with numpy; predict on one image {cli_faster:.1f}× sooner")
    emit(result)


if __name__ == "__main__":
    main()

"""Start-up time of the app: process launch → window shown → engine ready → first prediction.

Launches `main.py --smoke-test` several times (offscreen unless --display is given); the app
logs when its window is shown and when TensorFlow and the model are ready, then recognises a
built-in drawing and exits. Times are measured here, from the moment the process is spawned.
"""
from _common import ROOT, emit, machine  # noqa: I001

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def launch(env: dict) -> dict[str, float]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--smoke-test", "--log-level", "info"],
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--display", help="an X display to use instead of the offscreen platform")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="digit-studio-bench-")
    env = {**os.environ, "DIGIT_STUDIO_HOME": home, "XDG_CONFIG_HOME": os.path.join(home, "config")}
    if args.display:
        env.update(DISPLAY=args.display, QT_QPA_PLATFORM="xcb")
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    launch(env)  # warm the disk cache: the first launch after an install reads everything from disk
    runs = [launch(env) for _ in range(args.runs)]
    print(f"{args.runs} launches on {machine()} ({env['QT_QPA_PLATFORM']}), seconds from spawn:")
    result = {"bench": "startup", "runs": args.runs, "platform": env["QT_QPA_PLATFORM"]}
    for key, label in (("window_s", "window shown"), ("engine_s", "TensorFlow + model ready"),
                       ("prediction_s", "first prediction")):
        values = [r[key] for r in runs]
        med = statistics.median(values)
        print(f"  {label:<26} median {med:5.2f}   min {min(values):5.2f}   max {max(values):5.2f}")
        result[key.replace("_s", "_median_s")] = round(med, 3)
    emit(result)


if __name__ == "__main__":
    main()

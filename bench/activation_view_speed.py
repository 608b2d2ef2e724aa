"""Cost of one update of the layer-activation view (gui/network/view.py) while the user draws.

For the shipped `cnn` and `course-mlp`: real predictions of ten drawn digits (440×440 canvas
renders of the digit templates, recognised by the engine's Predictor once, up front), then
``show_prediction`` cycled over them ~300 times after a warm-up, timed two ways:

* update: ``show_prediction`` alone (what the GUI thread spends per drawing, before painting);
* update + paint: ``show_prediction`` then a forced synchronous repaint of the view
  (``view.view.viewport().repaint()``: everything Qt draws for one frame).

The view is shown at 1040×360 on the offscreen platform (software raster). Target: cnn
update ≤ 8 ms median. Prints a table, then one JSON line {"bench": "activation_view", ...}.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import emit, machine, percentiles_ms, time_calls  # noqa: E402,I001

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes  # noqa: E402
from engine.model_files import load_model  # noqa: E402
from engine.predictor import Predictor  # noqa: E402
from engine.resources import shipped_model_path  # noqa: E402

N = 300
SIZE = (1040, 360)
TARGET_MS = 8.0


def predictions(predictor: Predictor) -> list:
    """Real predictions for one drawing of each digit."""
    out = []
    for digit in range(10):
        image = render_strokes(DIGIT_TEMPLATES[digit][0], size=(440, 440), pen_width=28)
        out.append(predictor.recognise(image))
    return [p for p in out if p is not None]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from gui.network.view import ActivationView

    result = {"bench": "activation_view", "machine": machine(), "n": N,
              "platform": app.platformName(), "size": list(SIZE), "target_update_p50_ms": TARGET_MS}
    print(f"Activation view: one update per drawing, {N} runs after warm-up, {SIZE[0]}×{SIZE[1]} "
          f"({app.platformName()}); {machine()}")
    print(f"{'model':<12} {'what':<16} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name in ("cnn", "course-mlp"):
        predictor = Predictor(load_model(shipped_model_path(name)))
        preds = predictions(predictor)
        view = ActivationView()
        view.resize(*SIZE)
        view.set_network(predictor.network)
        view.show()
        app.processEvents()
        items_before = len(view.view.scene().items())
        i = iter(range(10**9))

        def update():
            view.show_prediction(preds[next(i) % len(preds)])

        def update_and_paint():
            view.show_prediction(preds[next(i) % len(preds)])
            view.view.viewport().repaint()

        rows = {"update": percentiles_ms(time_calls(update, N, warmup=30)),
                "update + paint": percentiles_ms(time_calls(update_and_paint, N, warmup=30))}
        app.processEvents()
        assert len(view.view.scene().items()) == items_before, "an update created graphics items"
        for what, r in rows.items():
            print(f"{name:<12} {what:<16} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} {r['max_ms']:>8.2f}")
        result[name] = {"update": rows["update"], "update_paint": rows["update + paint"],
                        "items": items_before}
        view.close()
        view.deleteLater()
        app.processEvents()
    ok = result["cnn"]["update"]["p50_ms"] <= TARGET_MS
    print(f"cnn update p50 {result['cnn']['update']['p50_ms']:.2f} ms: "
          f"{'within' if ok else 'OVER'} the {TARGET_MS:.0f} ms target")
    result["cnn_update_within_target"] = bool(ok)
    emit(result)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()

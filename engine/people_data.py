"""Training data for the digits people draw: MNIST plus pen-drawn, regional and non-digit drawings.

MNIST alone teaches the scanned-paper American hand: a continental 1 with a long flag reads as 7, a
crossed 7 as 2, a 9 with a curled tail as 3, and anything that is not a digit still gets one at
99 %. The ``"people"`` training data (``TrainingSpec(data="people")``) adds, in front of MNIST's
60,000 training images:

- the **pen digits of the training writers** (the even writer ids of ``engine.pen_data``; the odd
  ones are never trained on and are what the benches judge with), each rendered ``PEN_RENDERINGS``
  times like a user on a random canvas (``pen_data.render_pen_digits``) — real hands;
- **regional forms** from the stroke templates (``engine.digit_templates``: flagged and based 1s,
  crossed 7s, one-stroke and open 4s, curled and hooked 9s, slashed 0s…), jittered and drawn on
  random screens (``drawn_digits.drawn_digit_set``);
- **MNIST as the app sees it**: MNIST's training digits (less the validation tail) put through the
  app's own preprocessing (``preprocess.preprocess_digit``: ink box, stroke width, centring), the
  form every file and drawing reaches the network in;
- **non-digits** (``engine.non_digits``: scribbles, hatches, grids, spirals, stars, blobs,
  zig-zags, letters, digit fragments, two digits at once) with the label ``NON_DIGIT`` (10). The
  network keeps its ten outputs; the loss (``engine.models.people_loss``) trains a non-digit toward
  the uniform answer (outlier exposure), so "not a digit" shows as low confidence everywhere,
  which the model's calibration (``engine.calibration``) turns into a refusal.

MNIST's training images come last, so the validation split (the tail, ``TrainingConfig.
validation_size``) stays MNIST's own and is comparable with an MNIST-only run. The test split
is MNIST's test set. ``calibration_set`` gives the held-out drawings the calibration is fitted on.
Everything is rendered once and cached in the user's cache folder (about a minute the first time).

numpy + Pillow only (no Qt, no TensorFlow).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

from engine.data import Mnist

__all__ = ["NON_DIGIT", "PEN_RENDERINGS", "TEMPLATE_DRAWINGS", "NON_DIGIT_DRAWINGS", "people_extras",
           "preprocessed_mnist", "load_people_data", "calibration_set"]

log = logging.getLogger(__name__)

NON_DIGIT = 10               # the label of a non-digit drawing in the training data
PEN_RENDERINGS = 3           # each training writer's digit drawn this many times (other canvases)
TEMPLATE_DRAWINGS = 6000     # regional forms from the stroke templates, balanced over the digits
NON_DIGIT_DRAWINGS = 12000   # non-digits (a few are dropped: solid blobs the preprocessing refuses)
PEN_SEEDS = (100, 101, 102)  # rendering seeds of the training copies; len == PEN_RENDERINGS
CALIBRATION_PEN_SEED = 200   # another rendering of the training writers, for calibration only
TEMPLATE_SEED = 300
NON_DIGIT_SEED = 1           # never non_digits.HELD_OUT_SEED: that set is the bench's
VERSION = 1                  # bump when the recipe changes in a way the source hash cannot see


def _code_digest() -> str:
    from engine import digit_templates, drawn_digits, non_digits, pen_data, preprocess

    h = hashlib.sha256(f"people-data {VERSION}".encode())
    for module in (sys.modules[__name__], digit_templates, drawn_digits, non_digits, pen_data, preprocess):
        try:
            h.update(Path(module.__file__).read_bytes())
        except (OSError, TypeError):  # a frozen bundle without sources
            h.update(module.__name__.encode())
    return h.hexdigest()


def _cached(name: str, key: dict, build, cache_dir: Path | None) -> dict[str, np.ndarray]:
    """``build()`` (a dict of arrays), cached as ``<name>-<hash>.npz``; an unreadable cache is
    built again, an unwritable folder only costs the caching."""
    from engine.pen_data import default_cache_dir

    digest = hashlib.sha256(json.dumps({**key, "code": _code_digest()}, sort_keys=True).encode())
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = folder / f"{name}-{digest.hexdigest()[:20]}.npz"
    try:
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as npz:
            return {k: npz[k] for k in npz.files}
    except FileNotFoundError:
        pass
    except Exception as exc:  # OSError, ValueError, BadZipFile…
        log.warning("ignoring unreadable cache %s (%s); rendering again", path, exc)
    arrays = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez_compressed(f, **arrays)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        log.warning("could not cache %s in %s: %s", name, folder, exc)
    return arrays


def _templates(n: int, seed: int) -> dict[str, np.ndarray]:
    from engine.drawn_digits import drawn_digit_set
    from engine.preprocess import preprocess_digit

    images, labels = drawn_digit_set(n, seed=seed, source="templates")
    xs, ys = [], []
    for image, label in zip(images, labels):
        x = preprocess_digit(image)
        if x is not None:
            xs.append(np.rint(np.clip(x, 0, 1) * 255).astype(np.uint8))
            ys.append(label)
    return {"x": np.stack(xs), "y": np.asarray(ys, np.uint8)}


def _non_digits(n: int, seed: int) -> dict[str, np.ndarray]:
    from engine.non_digits import render_non_digits

    x, _ = render_non_digits(n, np.random.default_rng(seed))
    return {"x": x, "y": np.full(len(x), NON_DIGIT, np.uint8)}


def _preprocessed(x: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    from engine.preprocess import preprocess_digit

    xs, ys = [], []
    for image, label in zip(x, y):
        pre = preprocess_digit(image)
        if pre is not None:
            xs.append(np.rint(np.clip(pre, 0, 1) * 255).astype(np.uint8))
            ys.append(label)
    return {"x": np.stack(xs), "y": np.asarray(ys, np.uint8)}


def preprocessed_mnist(mnist: Mnist, validation_size: int, *, cache_dir: Path | None = None
                       ) -> tuple[np.ndarray, np.ndarray]:
    """MNIST's training digits but the validation tail, through the app's preprocessing (cached)."""
    n = len(mnist.x_train) - min(validation_size, len(mnist.x_train) // 5)
    x, y = mnist.x_train[:n], mnist.y_train[:n]
    digest = hashlib.sha256(x.tobytes() + y.tobytes()).hexdigest()[:20]
    out = _cached("mnist-preprocessed", {"data": digest}, lambda: _preprocessed(x, y), cache_dir)
    return out["x"], out["y"]


def people_extras(*, cache_dir: Path | None = None, pen_path=None) -> tuple[np.ndarray, np.ndarray]:
    """The drawings ``"people"`` adds to MNIST: (x uint8 (n, 28, 28), y uint8 with 10 = non-digit)."""
    from engine.pen_data import VALIDATION_WRITERS, rendered_pen_split

    xs, ys = [], []
    for seed in PEN_SEEDS[:PEN_RENDERINGS]:
        x, y, _, _ = rendered_pen_split(seed, VALIDATION_WRITERS, path=pen_path, cache_dir=cache_dir)
        xs.append(x)
        ys.append(y)
    t = _cached("templates", {"n": TEMPLATE_DRAWINGS, "seed": TEMPLATE_SEED},
                lambda: _templates(TEMPLATE_DRAWINGS, TEMPLATE_SEED), cache_dir)
    nd = _cached("non-digits", {"n": NON_DIGIT_DRAWINGS, "seed": NON_DIGIT_SEED},
                 lambda: _non_digits(NON_DIGIT_DRAWINGS, NON_DIGIT_SEED), cache_dir)
    xs += [t["x"], nd["x"]]
    ys += [t["y"], nd["y"]]
    return np.concatenate(xs), np.concatenate(ys).astype(np.uint8)


def load_people_data(mnist: Mnist | None = None, *, validation_size: int = 5000, cache_dir: Path | None = None,
                     pen_path=None) -> Mnist:
    """MNIST with ``people_extras`` and ``preprocessed_mnist`` in front of its training images (see
    the module's doc); ``validation_size``: the run's, so its validation digits stay out of the extras."""
    if mnist is None:
        from engine.data import load_mnist

        mnist = load_mnist()
    x, y = people_extras(cache_dir=cache_dir, pen_path=pen_path)
    px, py = preprocessed_mnist(mnist, validation_size, cache_dir=cache_dir)
    return Mnist(np.concatenate([x, px, mnist.x_train]), np.concatenate([y, py, mnist.y_train]).astype(np.uint8),
                 mnist.x_test, mnist.y_test)


def calibration_set(mnist: Mnist, validation_size: int, *, pen: bool = True, cache_dir: Path | None = None,
                    pen_path=None) -> tuple[np.ndarray, np.ndarray]:
    """Digits no training step saw in this form, for fitting the calibration: MNIST's validation
    split (the last ``validation_size`` training images; the training run held them out) plus,
    when ``pen``, the training writers drawn on other canvases (``CALIBRATION_PEN_SEED``) — never a
    held-out writer. Returns (x uint8, y) with labels 0-9 only."""
    from engine.pen_data import VALIDATION_WRITERS, rendered_pen_split

    n_val = min(validation_size, len(mnist.x_train) // 5)
    xs = [mnist.x_train[len(mnist.x_train) - n_val:]]
    ys = [mnist.y_train[len(mnist.y_train) - n_val:]]
    if pen:
        x, y, _, _ = rendered_pen_split(CALIBRATION_PEN_SEED, VALIDATION_WRITERS, path=pen_path,
                                        cache_dir=cache_dir)
        xs.append(x)
        ys.append(y)
    return np.concatenate(xs), np.concatenate(ys).astype(np.int64)

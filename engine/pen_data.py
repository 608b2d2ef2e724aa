"""Real pen trajectories (UCI pendigits, 30 writers) drawn the way the canvas draws them.

MNIST is scanned paper; the app's users draw with a pen, a mouse or a finger. The shipped
``resources/pendigits/pendigits-orig.tra.gz`` holds 7,494 digits written by 30 people on a tablet
as raw strokes, the same kind of input the canvas receives. This module

- parses them into ``PenDigit`` records whose strokes lie in the unit box of
  ``engine.drawn_digits`` (x right, y down, aspect kept) — ``load_pen_digits``;
- splits them by writer, never by sample — ``writer_split`` and ``VALIDATION_WRITERS``;
- draws them like a user on a random canvas with ``drawn_digits.render_strokes`` and turns each
  drawing into what the network sees with the app's own ``preprocess.preprocess_digit``, in
  MNIST's layout (uint8, white ink on black) — ``render_pen_digits``;
- caches a whole rendered train/validation split on disk — ``rendered_pen_split``.

numpy + Pillow only (no Qt, no TensorFlow).
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import json
import logging
import os
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.drawn_digits import render_strokes
from engine.preprocess import preprocess_digit
from engine.resources import resource_path

__all__ = ["PenDigit", "VALIDATION_WRITERS", "default_pen_path", "load_pen_digits",
           "render_pen_digits", "rendered_pen_split", "writer_split"]

log = logging.getLogger(__name__)

# Held-out writers for benches and validation: the odd writer ids (1, 3, ..., 29), so 15 writers
# (~3,750 digits) nobody trains on; the shipped models learn from the even ones. Half, not a
# fifth: a smaller set happened to hold the tidiest hands and flattered every model. Fixed:
# results stay comparable between runs.
VALIDATION_WRITERS: tuple[int, ...] = tuple(range(1, 31, 2))

TABLET_TOP = 500  # the tablet's y grows upwards: y_screen = TABLET_TOP - y

# Bump when the rendering recipe changes in a way the source hash below cannot see.
RENDER_VERSION = 1

# Canvas-like defaults. The app's canvas is square; its brush is 4-48 px on a 280 px canvas
# (default 18) and people fill roughly a third to nine tenths of it.
CANVAS_PX = (200, 600)         # random square canvas side, pixels
DIGIT_FRACTION = (0.35, 0.9)   # the digit's longer side (pen included) / canvas side
PEN_FRACTION = (0.04, 0.2)     # pen width / digit size, log-uniform
MIN_PEN_PX = 1.5


@dataclass(frozen=True)
class PenDigit:
    """One pen-written digit: its label, writer id (1..30), the writer's sample index, and its
    strokes in drawing order, each an (n, 2) float32 array of (x, y) in the unit box (y down;
    the longer side spans [0, 1], the shorter one is centred). The arrays are read-only."""

    label: int
    writer: int
    index: int
    strokes: tuple[np.ndarray, ...]


def default_pen_path() -> Path:
    """The shipped copy: ``resources/pendigits/pendigits-orig.tra.gz``."""
    return resource_path("pendigits", "pendigits-orig.tra.gz")


# ---------------------------------------------------------------- parsing

def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"pen digit file not found: {path}") from exc
    if raw[:2] == b"\x1f\x8b":  # gzip, whatever the file is called
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise ValueError(f"{path} looks gzipped but cannot be decompressed: {exc}") from exc
    return raw.decode("latin-1")  # the format is ASCII; latin-1 never fails on stray bytes


class _Malformed(Exception):
    pass


def _finish(sample: dict) -> PenDigit:
    """Check one parsed sample and normalise its strokes; raises _Malformed."""
    if sample["bad"]:
        raise _Malformed(sample["bad"])
    if sample["open"] is not None:
        raise _Malformed(".PEN_DOWN without .PEN_UP")
    if sample["comment"] is None:
        raise _Malformed("no .COMMENT line")
    label, writer, index = sample["comment"]
    if sample["label"] is not None and sample["label"] != label:
        raise _Malformed(f'.SEGMENT says "{sample["label"]}" but .COMMENT says {label}')
    if not 0 <= label <= 9:
        raise _Malformed(f"label {label} is not a digit")
    strokes = [np.asarray(s, dtype=np.float64).reshape(-1, 2) for s in sample["strokes"] if s]
    if not strokes:
        raise _Malformed("no points")
    pts = np.vstack(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    extent = float((hi - lo).max())
    if extent <= 0:
        raise _Malformed("a single dot")
    # tablet (y up) -> screen (y down), then into the unit box keeping the aspect
    flip = np.array([1.0, -1.0])
    lo_s = np.array([lo[0], TABLET_TOP - hi[1]])
    offset = (1 - (hi - lo) / extent) / 2
    out = []
    for s in strokes:
        screen = s * flip + (0.0, TABLET_TOP)
        a = ((screen - lo_s) / extent + offset).astype(np.float32)
        a.flags.writeable = False
        out.append(a)
    return PenDigit(label=label, writer=writer, index=index, strokes=tuple(out))


def _parse(text: str, source: str) -> tuple[PenDigit, ...]:
    digits: list[PenDigit] = []
    skipped: list[str] = []
    sample: dict | None = None
    segments = 0

    def close():
        if sample is None:
            return
        try:
            digits.append(_finish(sample))
        except _Malformed as exc:
            skipped.append(f"sample {segments} (line {sample['line']}): {exc}")

    for number, line in enumerate(text.splitlines(), 1):
        tokens = line.split()
        if not tokens:
            continue
        key = tokens[0]
        if key == ".SEGMENT":
            close()
            sample = None
            if len(tokens) < 2 or tokens[1] != "DIGIT":
                continue  # another kind of segment: not ours
            segments += 1
            sample = {"line": number, "label": None, "comment": None, "strokes": [],
                      "open": None, "bad": ""}
            quoted = line.split('"')
            if len(quoted) >= 3 and quoted[1].strip().isdigit() and len(quoted[1].strip()) == 1:
                sample["label"] = int(quoted[1])
            else:
                sample["bad"] = "no one-digit label in quotes on its .SEGMENT line"
        elif sample is None:
            continue  # the header (.INCLUDE, .LEXICON, ...) or lines of a skipped segment
        elif key == ".COMMENT":
            if sample["comment"] is None:
                try:
                    label, writer, index = (int(t) for t in tokens[1:4])
                    if len(tokens) < 4:
                        raise ValueError
                    sample["comment"] = (label, writer, index)
                except ValueError:
                    sample["bad"] = sample["bad"] or "its .COMMENT is not 'label writer index'"
        elif key == ".PEN_DOWN":
            if sample["open"] is not None:
                sample["bad"] = sample["bad"] or ".PEN_DOWN inside a stroke"
            sample["open"] = []
        elif key == ".PEN_UP":
            if sample["open"] is None:
                sample["bad"] = sample["bad"] or ".PEN_UP without .PEN_DOWN"
            else:
                sample["strokes"].append(sample["open"])
                sample["open"] = None
        elif key.startswith("."):
            continue  # .DT (pen-up time) and other annotations
        else:
            try:
                if sample["open"] is None or len(tokens) != 2:
                    raise ValueError
                x, y = float(tokens[0]), float(tokens[1])
                if not (np.isfinite(x) and np.isfinite(y)):
                    raise ValueError
                sample["open"].append((x, y))
            except ValueError:
                sample["bad"] = sample["bad"] or f"line {number} is not an 'x y' point of a stroke"
    close()
    if segments == 0:
        raise ValueError(f"{source} is not a pendigits (UNIPEN-like) file: it has no "
                         "'.SEGMENT DIGIT' lines")
    if not digits:
        raise ValueError(f"{source}: none of its {segments} '.SEGMENT DIGIT' samples could be "
                         f"read (first problem: {skipped[0]})")
    if skipped:
        log.warning("%s: skipped %d malformed sample(s) of %d, e.g. %s", source, len(skipped),
                    segments, skipped[0])
    return tuple(digits)


@functools.lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int, size: int) -> tuple[PenDigit, ...]:
    return _parse(_read_text(Path(path)), path)


def load_pen_digits(path: str | os.PathLike | None = None) -> list[PenDigit]:
    """Parse a pendigits ``.tra`` file (plain or gzipped; default: the shipped copy).

    Malformed samples (no label, unterminated strokes, non-numeric points, a single dot, ...)
    are skipped with a logged warning. Raises ValueError when the file is not in this format
    (or none of its samples can be read) and FileNotFoundError when it is missing. The parse is
    cached per file (path, size and modification time), so repeated calls are free.
    """
    path = Path(path) if path is not None else default_pen_path()
    try:
        stat = path.resolve().stat()
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"pen digit file not found: {path}") from exc
    return list(_load_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size))


def writer_split(digits, validation_writers: tuple[int, ...] = VALIDATION_WRITERS
                 ) -> tuple[list[PenDigit], list[PenDigit]]:
    """Split digits BY WRITER: (train, validation), validation holding every digit of the given
    writers and train all the others. Order is kept. Never split by sample: a writer's digits
    look alike, so a per-sample split would flatter any model."""
    held = {int(w) for w in validation_writers}
    train = [d for d in digits if d.writer not in held]
    validation = [d for d in digits if d.writer in held]
    return train, validation


# ---------------------------------------------------------------- rendering

def _log_uniform(rng: np.random.Generator, lo: float, hi: float) -> float:
    return float(np.exp(rng.uniform(np.log(lo), np.log(hi))))


def _render_one(digit: PenDigit, rng: np.random.Generator, canvas_px, digit_fraction,
                pen_fraction, min_pen_px) -> np.ndarray | None:
    """One random user's drawing of ``digit``, preprocessed to 28x28 float 0..1 (or None)."""
    # every random number is drawn, in this order, whatever happens: reproducible streams
    side = int(rng.integers(int(canvas_px[0]), int(canvas_px[1]) + 1))
    size = rng.uniform(*digit_fraction) * side  # the digit's longer side, pen included
    pen_rel = _log_uniform(rng, *pen_fraction)
    fx, fy = rng.random(2)
    dark_on_light = rng.random() < 0.5
    pen = float(min(max(min_pen_px, pen_rel * size), 0.5 * size))
    pts = np.vstack(digit.strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    scale = size - pen  # the unit box's side in pixels; the longer side of the ink spans it
    ink_w, ink_h = (hi - lo) * scale + pen
    left = fx * max(side - ink_w, 0.0) + pen / 2 - lo[0] * scale
    top = fy * max(side - ink_h, 0.0) + pen / 2 - lo[1] * scale
    ink, background = (0, 255) if dark_on_light else (255, 0)
    image = render_strokes(digit.strokes, size=(side, side),
                           box=(left, top, left + scale, top + scale), pen_width=pen,
                           ink=ink, background=background)
    return preprocess_digit(image)


def render_pen_digits(digits, rng: np.random.Generator, *, canvas_px=CANVAS_PX,
                      digit_fraction=DIGIT_FRACTION, pen_fraction=PEN_FRACTION,
                      min_pen_px: float = MIN_PEN_PX, return_kept: bool = False):
    """Draw each digit as a user would on the canvas and preprocess it as the app does.

    Each digit gets a random square canvas of ``canvas_px`` (lo, hi) pixels, a size (its longer
    side, pen included) of ``digit_fraction`` of the canvas, a round pen ``pen_fraction`` of that
    size (log-uniform, at least ``min_pen_px``), a random place on the canvas and dark-on-light
    or light-on-dark ink; ``drawn_digits.render_strokes`` draws it and
    ``preprocess.preprocess_digit`` makes the 28x28 the network sees.

    Returns ``(x, y)``: x (n, 28, 28) uint8 0..255, white ink on black, and y (n,) uint8 labels,
    the MNIST layout, ready to concatenate with MNIST. Digits the preprocessing rejects (no
    digit found) are dropped and counted in a log message; ``return_kept=True`` also returns
    the (len(digits),) bool mask of the digits kept. The same rng state gives the same output.
    """
    digits = list(digits)
    x = np.zeros((len(digits), 28, 28), np.uint8)
    kept = np.zeros(len(digits), bool)
    for i, digit in enumerate(digits):
        image = _render_one(digit, rng, canvas_px, digit_fraction, pen_fraction, min_pen_px)
        if image is not None:
            x[i] = np.rint(np.clip(image, 0.0, 1.0) * 255.0)
            kept[i] = True
    dropped = int(len(digits) - kept.sum())
    if dropped:
        log.info("render_pen_digits: preprocessing found no digit in %d of %d drawings; dropped",
                 dropped, len(digits))
    y = np.array([d.label for d in digits], np.uint8)
    out = (x[kept], y[kept])
    return (*out, kept) if return_kept else out


# ---------------------------------------------------------------- cached split

def default_cache_dir() -> Path:
    """``cache/`` in the user's data folder: derived data that can always be made again (not in
    resources/, which the wheel and the bundles ship whole)."""
    from engine.paths import user_data_dir

    return user_data_dir() / "cache"


def _code_digest() -> str:
    """What the rendered pixels depend on: this module, the renderer and the preprocessing."""
    from engine import drawn_digits, preprocess

    h = hashlib.sha256(f"render-version {RENDER_VERSION}".encode())
    for module in (sys.modules[__name__], drawn_digits, preprocess):
        source = getattr(module, "__file__", None)
        try:
            h.update(Path(source).read_bytes())
        except (OSError, TypeError):  # a frozen bundle without sources: the version alone
            h.update(module.__name__.encode())
    return h.hexdigest()


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rendered_pen_split(seed: int = 0, validation_writers: tuple[int, ...] = VALIDATION_WRITERS,
                       *, path: str | os.PathLike | None = None,
                       cache_dir: str | os.PathLike | None = None, use_cache: bool = True,
                       **render_options) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """All pen digits rendered once (``render_pen_digits`` with ``default_rng(seed)``, in file
    order) and split by writer: ``(x_train, y_train, x_val, y_val)`` in MNIST layout.

    The result is cached as an .npz in ``cache_dir`` (default ``cache/`` in the user's data folder) under a key
    hashing the data file, the seed, the writers, the render options and the source of the code
    that draws and preprocesses, so any change renders afresh. An unreadable cache is rendered
    again; an unwritable cache folder only costs the caching.
    """
    path = Path(path) if path is not None else default_pen_path()
    writers = tuple(sorted({int(w) for w in validation_writers}))
    cache_file = None
    if use_cache:
        key = json.dumps({"data": _file_digest(path), "code": _code_digest(), "seed": int(seed),
                          "writers": writers, "options": render_options},
                         sort_keys=True, default=repr)
        digest = hashlib.sha256(key.encode()).hexdigest()[:20]
        cache_file = Path(cache_dir if cache_dir is not None else default_cache_dir()) \
            / f"pen-split-{digest}.npz"
        try:
            with open(cache_file, "rb") as f, np.load(f, allow_pickle=False) as npz:
                arrays = tuple(npz[k] for k in ("x_train", "y_train", "x_val", "y_val"))
            log.debug("pen split from cache %s", cache_file)
            return arrays
        except FileNotFoundError:
            pass
        except Exception as exc:  # OSError, ValueError, KeyError, zipfile.BadZipFile, ...
            log.warning("ignoring unreadable cache %s (%s); rendering again", cache_file, exc)
    digits = load_pen_digits(path)
    x, y, kept = render_pen_digits(digits, np.random.default_rng(seed), return_kept=True,
                                   **render_options)
    held = np.array([d.writer in set(writers) for d in digits])[kept]
    arrays = (x[~held], y[~held], x[held], y[held])
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache_file.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    np.savez_compressed(f, x_train=arrays[0], y_train=arrays[1],
                                        x_val=arrays[2], y_val=arrays[3])
                os.replace(tmp, cache_file)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as exc:
            log.warning("could not cache the rendered pen split in %s: %s", cache_file.parent, exc)
    return arrays

"""Synthetic NON-digits drawn the way the canvas draws: "not a digit" as a first-class answer.

A model that only ever saw digits answers every drawing with a digit, often confidently. This
module makes drawings that are clearly not one digit, as pen strokes in the unit box of
``engine.drawn_digits`` (x right, y down, in [0, 1]), and turns them into what the network sees
exactly like the pen digits of ``engine.pen_data``: a random canvas, pen, size and place
(``pen_data._render_one``: ``drawn_digits.render_strokes`` then ``preprocess.preprocess_digit``),
in MNIST's layout (uint8, white ink on black).

Families (``KINDS``; each a function ``rng -> list of (n, 2) float arrays``):

- ``scribble``: a random smooth tangled curve; ``hatch``: 3-5 parallel lines, single or crossed;
  ``grid``: a lattice of 3-5 by 3-5 lines; ``spiral``: 2-4 turns; ``star``: a 5-8 point star
  polygon or asterisk; ``blob``: a dense zig-zag fill; ``zigzag``: 5-12 teeth;
- ``letter``: hand-made templates of letters and symbols that are NOT digit look-alikes (see
  ``LETTERS`` and the rule there);
- ``partial``: one contiguous fragment of a digit template with at most 35% of its ink and not
  nearly straight (see ``partial``);
- ``two_digits``: two digit templates side by side, each shrunk: a number, not one digit.

Every family is drawn by a new hand: random rotation (a family-dependent range), scale, aspect,
shear and a smooth wobble (``drawn_digits.jitter_strokes``).

``render_non_digits(n, rng)`` renders a training or test set (balanced families, deterministic for
the rng state); ``held_out_non_digits()`` is the FIXED bench set (seed ``HELD_OUT_SEED``), which
must never be used for training: training code calls ``render_non_digits`` with other seeds.

numpy + Pillow only (no Qt, no TensorFlow).
"""
from __future__ import annotations

import functools
import logging

import numpy as np

from engine.digit_templates import _arc, _cat, _line, _spline
from engine.drawn_digits import DIGIT_TEMPLATES, jitter_strokes
from engine.pen_data import (CANVAS_PX, DIGIT_FRACTION, MIN_PEN_PX, PEN_FRACTION, PenDigit,
                             _render_one)

__all__ = ["HELD_OUT_SEED", "KINDS", "LETTERS", "NARROW_RATIO", "PARTIAL_MAX_INK", "held_out_non_digits",
           "non_digit_strokes", "render_non_digits"]

log = logging.getLogger(__name__)

# The fixed seed of the bench set. NEVER train on it: use render_non_digits with another seed.
HELD_OUT_SEED = 20261204

PARTIAL_MAX_INK = 0.35      # a fragment keeps at most this share of a digit's ink (arc length)
PARTIAL_MIN_INK = 0.12      # ... and at least this share, so it is more than a dot
PARTIAL_MIN_BEND = 0.2      # max distance from its chord / chord length: straighter reads as "1"


# ---------------------------------------------------------------- helpers

def _arrays(strokes) -> list[np.ndarray]:
    return [np.asarray(s, dtype=float).reshape(-1, 2) for s in strokes]


def _to_unit_box(arrays: list[np.ndarray], margin: float = 0.0) -> list[np.ndarray]:
    """Scale uniformly and centre so the longer side spans [margin, 1 - margin]."""
    pts = np.vstack(arrays)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    extent = max(float((hi - lo).max()), 1e-9)
    scale = (1 - 2 * margin) / extent
    offset = (1 - (hi - lo) * scale) / 2
    return [(a - lo) * scale + offset for a in arrays]


def _hand(strokes, rng: np.random.Generator, rotate: float = 12.0, aspect: float = 0.15,
          amount: float = 1.0) -> list[np.ndarray]:
    """A new hand's version: rotation up to +-``rotate`` degrees (on top of jitter_strokes' own),
    x/y aspect changed by up to a factor exp(+-``aspect``), then ``jitter_strokes`` (shear,
    scale, wobble) and back in the unit box. Always draws the same number of random values."""
    arrays = _to_unit_box(_arrays(strokes))
    angle = np.radians(rng.uniform(-rotate, rotate))
    stretch = np.exp(rng.uniform(-aspect, aspect))
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = rot @ np.diag([stretch, 1.0 / stretch])
    arrays = _to_unit_box([(a - 0.5) @ matrix.T + 0.5 for a in arrays], margin=0.02)
    return _arrays(jitter_strokes(arrays, rng, amount))


def _polyline(points) -> np.ndarray:
    return _line(*[tuple(p) for p in np.asarray(points, float)])


# ---------------------------------------------------------------- families

def scribble(rng: np.random.Generator) -> list[np.ndarray]:
    """A random smooth tangled curve (sometimes two) through 7-14 random points."""
    strokes = []
    for _ in range(1 + int(rng.random() < 0.25)):
        points = rng.uniform(0.05, 0.95, size=(int(rng.integers(7, 15)), 2))
        strokes.append(_spline(*[tuple(p) for p in points]))
    return _hand(strokes, rng, rotate=180, aspect=0.3)


def hatch(rng: np.random.Generator) -> list[np.ndarray]:
    """3-5 parallel lines at a random angle; half of the time crossed by a second set."""
    def one_set(angle):
        k = int(rng.integers(3, 6))
        d = np.array([np.cos(angle), np.sin(angle)])
        normal = np.array([-d[1], d[0]])
        out = []
        for off in np.linspace(-0.4, 0.4, k) + rng.normal(0, 0.02, k):
            half = rng.uniform(0.3, 0.45)
            c = 0.5 + normal * off + d * rng.normal(0, 0.04)
            out.append(_polyline([c - d * half, c + d * half]))
        return out

    angle = rng.uniform(0, np.pi)
    strokes = one_set(angle)
    if rng.random() < 0.5:
        strokes += one_set(angle + rng.uniform(np.pi / 3, 2 * np.pi / 3))
    return _hand(strokes, rng, rotate=5, aspect=0.3)


def grid(rng: np.random.Generator) -> list[np.ndarray]:
    """A lattice: 3-5 roughly horizontal lines crossed by 3-5 roughly vertical ones."""
    strokes = []
    for axis in (0, 1):
        k = int(rng.integers(3, 6))
        for pos in np.linspace(0.1, 0.9, k) + rng.normal(0, 0.015, k):
            a, b = rng.uniform(0.0, 0.08), rng.uniform(0.92, 1.0)
            line = [(a, pos), (b, pos)] if axis == 0 else [(pos, a), (pos, b)]
            strokes.append(_polyline(line))
    return _hand(strokes, rng, rotate=20, aspect=0.3)


def spiral(rng: np.random.Generator) -> list[np.ndarray]:
    """An Archimedean spiral of 2-4 turns, inwards or outwards, either way round."""
    turns = rng.uniform(2.0, 4.0)
    t = np.linspace(0, 1, int(120 * turns))
    r = rng.uniform(0.0, 0.08) + (0.5 - 0.08) * t
    theta = 2 * np.pi * turns * t * (1 if rng.random() < 0.5 else -1)
    stroke = np.column_stack([0.5 + r * np.cos(theta), 0.5 + r * np.sin(theta)])
    if rng.random() < 0.5:
        stroke = stroke[::-1]
    return _hand([stroke], rng, rotate=180, aspect=0.25)


def star(rng: np.random.Generator) -> list[np.ndarray]:
    """A 5-8 point star drawn in one stroke ({5/2}, {7/2}, {7/3}, {8/3}), or an asterisk of
    5-8 rays (straight lines through the centre for an even count)."""
    points = int(rng.integers(5, 9))
    start = rng.uniform(0, 2 * np.pi)
    if rng.random() < 0.5 and points != 6:  # {6/2} is two triangles: drawn as an asterisk
        step = {5: 2, 7: int(rng.choice([2, 3])), 8: 3}[points]
        angles = start + 2 * np.pi * step * np.arange(points + 1) / points
        return _hand([_polyline(0.5 + 0.45 * np.column_stack([np.cos(angles), np.sin(angles)]))],
                     rng, rotate=180, aspect=0.15)
    angles = start + 2 * np.pi * np.arange(points) / points + rng.normal(0, 0.06, points)
    length = rng.uniform(0.35, 0.48, points)
    tips = 0.5 + length[:, None] * np.column_stack([np.cos(angles), np.sin(angles)])
    if points % 2 == 0:  # pairs of opposite rays as one line each
        strokes = [_polyline([tips[i], tips[i + points // 2]]) for i in range(points // 2)]
    else:
        strokes = [_polyline([(0.5, 0.5), tip]) for tip in tips]
    return _hand(strokes, rng, rotate=180, aspect=0.15)


def blob(rng: np.random.Generator) -> list[np.ndarray]:
    """A filled-looking patch: a dense zig-zag of 7-14 rows sweeping an ellipse up to 1.8 times as
    long as wide. With a fat pen it is solid, and the preprocessing drops it as a dot (as the app
    would); a longer solid blob would be thinned into a fat "1", so none is made."""
    rows = int(rng.integers(7, 15))
    ratio = rng.uniform(1.0, 1.8)
    ys = np.linspace(-1, 1, rows)
    half = np.sqrt(np.clip(1 - ys ** 2, 0.05, 1)) * rng.uniform(0.85, 1.0, rows)
    xs = np.where(np.arange(rows) % 2 == 0, -half, half)
    stroke = np.column_stack([xs * ratio, ys])
    stroke = _polyline(stroke)
    return _hand([stroke], rng, rotate=180, aspect=0.1, amount=0.7)


def zigzag(rng: np.random.Generator) -> list[np.ndarray]:
    """A zig-zag of 5-12 segments (fewer would be a Z, an N or a W), sharp or rounded."""
    segments = int(rng.integers(5, 13))
    length = rng.uniform(0.8, 2.2)  # length / amplitude
    xs = np.linspace(0, length, segments + 1) + rng.normal(0, 0.03, segments + 1)
    ys = np.where(np.arange(segments + 1) % 2 == 0, 0.0, 1.0) + rng.normal(0, 0.06, segments + 1)
    pts = np.column_stack([xs, ys])
    stroke = _spline(*map(tuple, pts)) if rng.random() < 0.3 else _polyline(pts)
    return _hand([stroke], rng, rotate=180, aspect=0.2)


def _letters() -> dict[str, list[np.ndarray]]:
    """Letter and symbol templates in the unit box (y down)."""
    circle = _arc(0.5, 0.5, 0.42, 0.42, -90, 270)
    return {
        "A": [_line((0.15, 0.9), (0.5, 0.08), (0.85, 0.9)), _line((0.3, 0.6), (0.7, 0.6))],
        "E": [_line((0.78, 0.1), (0.22, 0.1), (0.22, 0.9), (0.78, 0.9)),
              _line((0.22, 0.5), (0.65, 0.5))],
        "F": [_line((0.78, 0.1), (0.25, 0.1), (0.25, 0.9)), _line((0.25, 0.48), (0.65, 0.48))],
        "H": [_line((0.2, 0.1), (0.2, 0.9)), _line((0.8, 0.1), (0.8, 0.9)),
              _line((0.2, 0.5), (0.8, 0.5))],
        "K": [_line((0.25, 0.08), (0.25, 0.92)), _line((0.8, 0.1), (0.27, 0.55), (0.82, 0.9))],
        "M": [_line((0.1, 0.9), (0.15, 0.1), (0.5, 0.62), (0.85, 0.1), (0.9, 0.9))],
        "N": [_line((0.2, 0.9), (0.2, 0.1), (0.8, 0.9), (0.8, 0.1))],
        "R": [_line((0.25, 0.92), (0.25, 0.1)),
              _cat(_line((0.25, 0.1), (0.5, 0.1)), _arc(0.5, 0.3, 0.25, 0.2, -90, 90),
                   _line((0.5, 0.5), (0.25, 0.5))),
              _line((0.42, 0.5), (0.8, 0.92))],
        "W": [_line((0.05, 0.1), (0.27, 0.9), (0.5, 0.35), (0.73, 0.9), (0.95, 0.1))],
        "X": [_line((0.15, 0.1), (0.85, 0.9)), _line((0.85, 0.1), (0.15, 0.9))],
        "Y": [_line((0.15, 0.1), (0.5, 0.5)), _line((0.85, 0.1), (0.5, 0.5), (0.5, 0.92))],
        "k": [_line((0.3, 0.05), (0.3, 0.95)), _line((0.72, 0.42), (0.32, 0.7), (0.75, 0.95))],
        "m": [_cat(_line((0.1, 0.9), (0.1, 0.5)), _arc(0.3, 0.5, 0.2, 0.15, 180, 360),
                   _line((0.5, 0.5), (0.5, 0.9), (0.5, 0.55)), _arc(0.7, 0.5, 0.2, 0.15, 180, 360),
                   _line((0.9, 0.5), (0.9, 0.9)))],
        "w": [_line((0.05, 0.4), (0.27, 0.9), (0.5, 0.5), (0.73, 0.9), (0.95, 0.4))],
        "#": [_line((0.4, 0.1), (0.3, 0.9)), _line((0.7, 0.1), (0.6, 0.9)),
              _line((0.1, 0.37), (0.9, 0.37)), _line((0.1, 0.63), (0.9, 0.63))],
        "@": [_cat(_arc(0.5, 0.5, 0.14, 0.16, 0, -360), _line((0.64, 0.5), (0.64, 0.62)),
                   _spline((0.64, 0.62), (0.76, 0.68), (0.88, 0.55)),
                   _arc(0.5, 0.5, 0.4, 0.42, 0, -300))],
        "smiley": [circle, _line((0.37, 0.33), (0.37, 0.42)), _line((0.63, 0.33), (0.63, 0.42)),
                   _arc(0.5, 0.52, 0.22, 0.18, 20, 160)],
        "house": [_line((0.2, 0.45), (0.2, 0.92), (0.8, 0.92), (0.8, 0.45), (0.2, 0.45)),
                  _line((0.1, 0.52), (0.5, 0.08), (0.9, 0.52)),
                  _line((0.42, 0.92), (0.42, 0.68), (0.58, 0.68), (0.58, 0.92))],
        "heart": [_cat(_spline((0.5, 0.9), (0.22, 0.62), (0.1, 0.35), (0.28, 0.15), (0.5, 0.3)),
                       _spline((0.5, 0.3), (0.72, 0.15), (0.9, 0.35), (0.78, 0.62), (0.5, 0.9)))],
        "check": [_line((0.1, 0.55), (0.35, 0.88), (0.92, 0.1))],
        "cross": [_spline((0.1, 0.12), (0.5, 0.52), (0.92, 0.9)),
                  _spline((0.88, 0.08), (0.48, 0.5), (0.1, 0.92))],
    }


# The rule for ``letter``: only shapes no reasonable reader would take for a digit. Excluded on
# purpose: O/o/D/Q (0), I/l/i/j/| (1), Z/z (2), S/s (5), G/b (6), T/t/L/J/7-like strokes (7, 1
# and 4), B (8), g/q/P/a/e-loops (9 and 6), and C/U/V/c/u/v (parts of 0 and 6 or a 7 on its side).
LETTERS: dict[str, list[np.ndarray]] = _letters()
_LETTER_NAMES = tuple(LETTERS)


def letter(rng: np.random.Generator) -> list[np.ndarray]:
    """One of ``LETTERS`` (uniformly), slightly rotated and jittered."""
    name = _LETTER_NAMES[int(rng.integers(len(_LETTER_NAMES)))]
    return _hand(LETTERS[name], rng, rotate=8, aspect=0.2)


def _partial_candidates(rng: np.random.Generator):
    digit = int(rng.integers(10))
    variants = DIGIT_TEMPLATES[digit]
    return digit, _arrays(variants[int(rng.integers(len(variants)))])


def partial(rng: np.random.Generator) -> list[np.ndarray]:
    """One contiguous fragment of one stroke of a digit template (any digit but 1) holding
    ``PARTIAL_MIN_INK``-``PARTIAL_MAX_INK`` of the digit's ink (arc length), and bent (the
    furthest point at least ``PARTIAL_MIN_BEND`` of the chord from it): a straight piece reads
    as a 1, so it is not used. Tries random fragments until one qualifies."""
    for _ in range(100):
        digit, strokes = _partial_candidates(rng)
        lengths = [np.hypot(*np.diff(s, axis=0).T) for s in strokes]
        total = sum(float(seg.sum()) for seg in lengths)
        i = int(rng.integers(len(strokes)))
        cum = np.concatenate([[0.0], np.cumsum(lengths[i])])
        want = rng.uniform(PARTIAL_MIN_INK, PARTIAL_MAX_INK) * total
        if digit == 1 or cum[-1] < want:
            continue
        start = rng.uniform(0, cum[-1] - want)
        piece = strokes[i][(cum >= start) & (cum <= start + want)]
        if len(piece) < 3:
            continue
        chord = piece[-1] - piece[0]
        norm = max(float(np.hypot(*chord)), 1e-9)
        rel = piece - piece[0]
        bend = np.abs(chord[0] * rel[:, 1] - chord[1] * rel[:, 0]).max() / norm
        if bend / norm < PARTIAL_MIN_BEND:
            continue
        return _hand([piece], rng, rotate=15, aspect=0.15)
    return scribble(rng)  # practically unreachable


def two_digits(rng: np.random.Generator) -> list[np.ndarray]:
    """Two random digit templates side by side, each jittered: a two-digit number."""
    strokes = []
    x = 0.0
    for _ in range(2):
        variants = DIGIT_TEMPLATES[int(rng.integers(10))]
        digit = _arrays(jitter_strokes(variants[int(rng.integers(len(variants)))], rng))
        pts = np.vstack(digit)
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        scale = rng.uniform(0.85, 1.1)
        dy = rng.normal(0, 0.05)
        strokes += [(s - lo) * scale + (x, dy) for s in digit]
        x += (hi[0] - lo[0]) * scale + rng.uniform(0.08, 0.25)
    return _hand(strokes, rng, rotate=6, aspect=0.1, amount=0.5)


KINDS: dict[str, callable] = {
    "scribble": scribble, "hatch": hatch, "grid": grid, "spiral": spiral, "star": star,
    "blob": blob, "zigzag": zigzag, "letter": letter, "partial": partial,
    "two_digits": two_digits,
}


# ---------------------------------------------------------------- public API

def non_digit_strokes(rng: np.random.Generator, kind: str | None = None) -> list[np.ndarray]:
    """One non-digit drawing as strokes ((n, 2) float arrays in the unit box, y down) of the given
    family, or of a uniformly random one when ``kind`` is None."""
    if kind is None:
        kind = tuple(KINDS)[int(rng.integers(len(KINDS)))]
    try:
        family = KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown non-digit kind {kind!r}; one of {tuple(KINDS)}") from None
    return family(rng)


# A preprocessed non-digit whose ink box is narrower than this share of its length is dropped:
# it looks like a 1 (the preprocessing thins a heavily inked lattice or a long solid patch into a
# bar), and training on it would teach the model that 1s are not digits.
NARROW_RATIO = 0.4


def _narrow(image: np.ndarray) -> bool:
    ink = image >= 0.25
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    h, w = rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1
    return min(h, w) < NARROW_RATIO * max(h, w)


def render_non_digits(n: int, rng: np.random.Generator, kinds=None, *, canvas_px=CANVAS_PX,
                      digit_fraction=DIGIT_FRACTION, pen_fraction=PEN_FRACTION,
                      min_pen_px: float = MIN_PEN_PX, return_kept: bool = False):
    """Draw ``n`` non-digits as users would on the canvas and preprocess them as the app does
    (the pen digits' recipe, ``pen_data.render_pen_digits``: random canvas, size, pen, place and
    polarity, then ``preprocess_digit``).

    Families cycle through ``kinds`` (default: all of ``KINDS``) in a fresh random order every
    round, so they are balanced to within one, and a longer set starts with the shorter one.
    Returns ``(x, kinds)``: x (m, 28, 28) uint8 white ink on black, and the family of each. The
    drawings the preprocessing rejects (a dot or blob: mostly solid ``blob``s) and those it makes
    as narrow as a 1 (``NARROW_RATIO``) are dropped and counted in a log message; ``return_kept=True`` also returns the (n,) bool mask of the kept
    ones (``n - kept.sum()`` is the number dropped). The same rng state gives the same output.
    """
    names = tuple(KINDS) if kinds is None else tuple(kinds)
    for name in names:
        if name not in KINDS:
            raise ValueError(f"unknown non-digit kind {name!r}; one of {tuple(KINDS)}")
    if not names:
        raise ValueError("kinds is empty")
    x = np.zeros((n, 28, 28), np.uint8)
    kept = np.zeros(n, bool)
    labels: list[str] = []
    order: list[str] = []
    blank = narrow = 0
    for i in range(n):
        if i % len(names) == 0:
            order = [names[j] for j in rng.permutation(len(names))]
        kind = order[i % len(names)]
        labels.append(kind)
        strokes = KINDS[kind](rng)
        drawing = PenDigit(label=-1, writer=0, index=i, strokes=tuple(strokes))
        image = _render_one(drawing, rng, canvas_px, digit_fraction, pen_fraction, min_pen_px)
        if image is None:
            blank += 1
        elif _narrow(image):
            narrow += 1
        else:
            x[i] = np.rint(np.clip(image, 0.0, 1.0) * 255.0)
            kept[i] = True
    if blank or narrow:
        log.info("render_non_digits: dropped %d of %d drawings: %d the preprocessing found no "
                 "digit in, %d it made as narrow as a 1", blank + narrow, n, blank, narrow)
    out = (x[kept], [k for k, keep in zip(labels, kept) if keep])
    return (*out, kept) if return_kept else out


@functools.lru_cache(maxsize=4)
def _held_out(n: int):
    x, kinds = render_non_digits(n, np.random.default_rng(HELD_OUT_SEED))
    x.flags.writeable = False
    return x, tuple(kinds)


def held_out_non_digits(n: int = 2000) -> tuple[np.ndarray, list[str]]:
    """The FIXED bench set: ``render_non_digits(n, default_rng(HELD_OUT_SEED))``, i.e. the same
    drawings on every call and machine (a smaller n gives a prefix of a larger one, less the
    dropped). For benches and rejection tests only: NEVER train on it (training uses
    ``render_non_digits`` with other seeds). x is read-only; cached per n."""
    x, kinds = _held_out(int(n))
    return x, list(kinds)

"""Number mode: several handwritten digits written left to right ("2026"), read as one number.

``segment`` finds the digit groups of an image: the connected components of its ink (8-connected,
found row run by row run), specks dropped, and components that overlap horizontally by a good
fraction of the narrower one merged, so a two-stroke 4, 5 or 7 stays one digit; slant and a
drifting baseline do not matter because the boxes come from the ink, not from rows.
``read_number`` reads each group with the same preprocessing and network as a single digit and
splits groups that hold touching digits: it tries cuts (columns where the ink is thinnest and
the least-ink paths between them), reads both halves with the network and keeps the split the
network is surest of when it beats the unsplit reading. One group that covers all the ink is
read from the whole image, so a single digit reads exactly as in digit mode.

numpy + Pillow only (no Qt, no TensorFlow).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from engine.calibration import NOT_A_DIGIT
from engine.predictor import Prediction
from engine.preprocess import INK_LEVEL, _find_ink, _to_gray, preprocess_digit

__all__ = ["DigitReading", "NumberReading", "EMPTY", "segment", "read_number"]

EMPTY = "empty"                 # NumberReading.reason when the image holds no ink

SPECK_FRACTION = 0.22           # a component whose longer side is under this share of the digits'
                                # height is a speck (a dot, a stray touch of the pen): ignored
MERGE_OVERLAP = 0.4             # components overlapping horizontally by this share of the narrower
                                # one's width are strokes of one digit (a 4's bar, a 5's flag)
CROP_MARGIN = 0.08              # a group's crop gets this share of its height as margin (min 2 px)
MAX_WORK_HEIGHT = 160           # images whose ink is taller are segmented on a pooled copy


@dataclass(frozen=True)
class DigitReading:
    """One digit group: its box (x, y, w, h) in the input image's pixels and the network's
    Prediction of it (None: the group holds no readable ink, e.g. a filled blob)."""

    box: tuple[int, int, int, int]
    prediction: Prediction | None

    @property
    def is_digit(self) -> bool:
        return self.prediction is not None and self.prediction.is_digit

    @property
    def digit(self) -> int | None:
        return self.prediction.digit if self.is_digit else None

    @property
    def confidence(self) -> float:
        return self.prediction.confidence if self.prediction is not None else 0.0


@dataclass(frozen=True)
class NumberReading:
    """The digit groups left to right and why there is no number (None: every group is a digit;
    ``EMPTY``: no ink; ``NOT_A_DIGIT``: some group is not a digit)."""

    digits: tuple[DigitReading, ...]
    reason: str | None = None

    @property
    def number(self) -> str | None:
        if self.reason is not None or not self.digits or not all(d.is_digit for d in self.digits):
            return None
        return "".join(str(d.digit) for d in self.digits)


# ---------------------------------------------------------------- ink and components

@dataclass
class _Ink:
    """An image's ink: ``level`` (H, W) uint8 ink strength 0..255 (0 = paper) at full resolution,
    ``mask`` the half-contrast ink on the working grid (pooled by ``k``)."""

    level: np.ndarray
    mask: np.ndarray
    k: int


def _ink(image: np.ndarray) -> _Ink | None:
    gray = _to_gray(np.asarray(image))
    found = None if gray is None else _find_ink(gray)
    if found is None:
        return None
    bg, bright, contrast, faint, (y0, y1, x0, x1) = found
    g = gray.astype(np.int16)
    level = (g - bg) if bright else (bg - g)
    level = np.clip(level * (255.0 / contrast), 0, 255).astype(np.uint8)
    level[level < int(255 * faint / contrast)] = 0
    k = max(1, math.ceil((y1 - y0) / MAX_WORK_HEIGHT))
    mask = level >= int(255 * INK_LEVEL)
    if k > 1:
        h, w = mask.shape
        hp, wp = -(-h // k) * k, -(-w // k) * k
        padded = np.zeros((hp, wp), bool)
        padded[:h, :w] = mask
        mask = padded.reshape(hp // k, k, wp // k, k).any(axis=(1, 3))
    return _Ink(level, mask, k)


class _Component:
    """Runs (row, start, end) of one 8-connected piece of ink on the working grid."""

    __slots__ = ("rows", "starts", "ends", "x0", "x1", "y0", "y1", "area")

    def __init__(self, rows, starts, ends):
        self.rows, self.starts, self.ends = rows, starts, ends
        self.x0, self.x1 = int(starts.min()), int(ends.max())
        self.y0, self.y1 = int(rows.min()), int(rows.max()) + 1
        self.area = int((ends - starts).sum())

    @property
    def w(self) -> int:
        return self.x1 - self.x0

    @property
    def h(self) -> int:
        return self.y1 - self.y0


def _components(mask: np.ndarray) -> list[_Component]:
    """8-connected components of a bool mask, by runs: each row's runs, then union-find over runs
    of neighbouring rows that touch (diagonally included)."""
    h, w = mask.shape
    padded = np.zeros((h, w + 2), np.int8)
    padded[:, 1:-1] = mask
    d = np.diff(padded, axis=1)
    rows, starts = np.nonzero(d == 1)
    _, ends = np.nonzero(d == -1)
    n = len(rows)
    if n == 0:
        return []
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    bounds = np.searchsorted(rows, np.arange(h + 1))
    for r in range(h - 1):
        a0, a1, b0, b1 = bounds[r], bounds[r + 1], bounds[r + 1], bounds[r + 2]
        i, j = a0, b0
        while i < a1 and j < b1:   # two sorted run lists: the touching pairs by a merge walk
            if starts[i] <= ends[j] and starts[j] <= ends[i]:   # ends exclusive: 8-connected
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[ri] = rj
            if ends[i] < ends[j]:
                i += 1
            else:
                j += 1
    roots = np.array([find(i) for i in range(n)])
    order = np.argsort(roots, kind="stable")
    cuts = np.flatnonzero(np.diff(roots[order])) + 1
    return [_Component(rows[idx], starts[idx], ends[idx]) for idx in np.split(order, cuts)]


class _Group:
    """Components read as one digit; box on the working grid (x0, y0, x1, y1 exclusive)."""

    def __init__(self, parts: list[_Component]):
        self.parts = parts
        self.x0 = min(p.x0 for p in parts)
        self.x1 = max(p.x1 for p in parts)
        self.y0 = min(p.y0 for p in parts)
        self.y1 = max(p.y1 for p in parts)

    @property
    def w(self) -> int:
        return self.x1 - self.x0

    @property
    def h(self) -> int:
        return self.y1 - self.y0

    def mask(self) -> np.ndarray:
        """The group's ink on the working grid, cropped to its box."""
        out = np.zeros((self.h, self.w), bool)
        for p in self.parts:
            for r, s, e in zip(p.rows, p.starts, p.ends):
                out[r - self.y0, s - self.x0:e - self.x0] = True
        return out


def _overlap(a0, a1, b0, b1) -> int:
    return min(a1, b1) - max(a0, b0)


def _groups(ink: _Ink) -> tuple[list[_Group], bool]:
    """The digit groups left to right, and whether any ink (a speck) was left out."""
    comps = _components(ink.mask)
    if not comps:
        return [], False
    tallest = max(c.h for c in comps)
    reference = float(np.median([c.h for c in comps if c.h >= 0.5 * tallest]))
    kept = [c for c in comps if max(c.h, c.w) >= SPECK_FRACTION * reference]
    dropped = len(kept) < len(comps)
    groups = [_Group([c]) for c in sorted(kept, key=lambda c: c.x0)]
    merged = True
    while merged and len(groups) > 1:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                a, b = groups[i], groups[j]
                if _overlap(a.x0, a.x1, b.x0, b.x1) >= MERGE_OVERLAP * min(a.w, b.w):
                    groups[i] = _Group(a.parts + b.parts)
                    del groups[j]
                    merged = True
                    break
            if merged:
                break
    groups.sort(key=lambda g: (g.x0 + g.x1) / 2)
    return groups, dropped


def _box(ink: _Ink, x0: int, y0: int, x1: int, y1: int) -> tuple[int, int, int, int]:
    """A working-grid box (exclusive ends) in image pixels (x, y, w, h), tightened to the ink."""
    k = ink.k
    H, W = ink.level.shape
    X0, Y0, X1, Y1 = x0 * k, y0 * k, min(W, x1 * k), min(H, y1 * k)
    if k > 1:
        sub = ink.level[Y0:Y1, X0:X1] >= int(255 * INK_LEVEL)
        ys, xs = np.flatnonzero(sub.any(axis=1)), np.flatnonzero(sub.any(axis=0))
        if len(ys) and len(xs):
            Y0, Y1, X0, X1 = Y0 + int(ys[0]), Y0 + int(ys[-1]) + 1, X0 + int(xs[0]), X0 + int(xs[-1]) + 1
    return int(X0), int(Y0), int(X1 - X0), int(Y1 - Y0)


def segment(image: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (x, y, w, h) of the digit groups in an image (any polarity/dtype, like
    engine.preprocess.preprocess_digit accepts), left to right; specks ignored; touching digits
    not yet split (read_number splits with the network's help)."""
    ink = _ink(image)
    if ink is None:
        return []
    groups, _ = _groups(ink)
    return [_box(ink, g.x0, g.y0, g.x1, g.y1) for g in groups]


# ---------------------------------------------------------------- crops

def _dilate(mask: np.ndarray, r: int) -> np.ndarray:
    out = mask.copy()
    for _ in range(r):
        grown = out.copy()
        grown[1:] |= out[:-1]
        grown[:-1] |= out[1:]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return out


@dataclass
class _Piece:
    """Ink of one candidate digit: a bool mask on the working grid at (x0, y0)."""

    mask: np.ndarray
    x0: int
    y0: int

    @property
    def bounds(self) -> tuple[int, int, int, int] | None:
        ys, xs = np.flatnonzero(self.mask.any(axis=1)), np.flatnonzero(self.mask.any(axis=0))
        if not len(ys):
            return None
        return (self.x0 + int(xs[0]), self.y0 + int(ys[0]),
                self.x0 + int(xs[-1]) + 1, self.y0 + int(ys[-1]) + 1)


def _crop(ink: _Ink, piece: _Piece) -> tuple[np.ndarray, tuple[int, int, int, int]] | None:
    """A white-on-black uint8 image of the piece's ink alone (its anti-aliased edge kept, other
    ink left out) with a margin, and its box in image pixels."""
    b = piece.bounds
    if b is None:
        return None
    x0, y0, x1, y1 = b
    k = ink.k
    H, W = ink.level.shape
    m = max(2, int(round(CROP_MARGIN * (y1 - y0) * k)))
    X0, Y0 = max(0, x0 * k - m), max(0, y0 * k - m)
    X1, Y1 = min(W, x1 * k + m), min(H, y1 * k + m)
    # the piece's mask (dilated over the anti-aliased edge) at full resolution
    grid = _dilate(piece.mask, 1 if k > 1 else 2)
    if k > 1:
        grid = np.repeat(np.repeat(grid, k, axis=0), k, axis=1)
    full = np.zeros((Y1 - Y0, X1 - X0), bool)
    gy0, gx0 = piece.y0 * k, piece.x0 * k
    sy0, sx0 = max(Y0, gy0), max(X0, gx0)
    sy1, sx1 = min(Y1, gy0 + grid.shape[0]), min(X1, gx0 + grid.shape[1])
    if sy1 > sy0 and sx1 > sx0:
        full[sy0 - Y0:sy1 - Y0, sx0 - X0:sx1 - X0] = grid[sy0 - gy0:sy1 - gy0, sx0 - gx0:sx1 - gx0]
    crop = np.where(full, ink.level[Y0:Y1, X0:X1], 0).astype(np.uint8)
    return crop, _box(ink, x0, y0, x1, y1)


def _group_piece(g: _Group) -> _Piece:
    return _Piece(g.mask(), g.x0, g.y0)


# ---------------------------------------------------------------- reading

def _probabilities(predictor, images: list[np.ndarray]) -> np.ndarray:
    """Calibrated probabilities (N, 10) of preprocessed 28x28 images."""
    batch = getattr(predictor, "predict_batch", None)
    if batch is not None:
        return np.asarray(batch(np.stack(images)), np.float64)
    return np.stack([predictor.predict(im).probabilities for im in images]).astype(np.float64)


def read_number(image: np.ndarray, predictor) -> NumberReading:
    """Segment, split touching digits, and read each group with predictor.recognise(crop)
    (the same preprocessing and network as a single digit). One group covering all the ink →
    predictor.recognise(image) on the WHOLE image, so a single digit reads exactly as in digit mode."""
    ink = _ink(image)
    if ink is None:
        return NumberReading((), EMPTY)
    groups, dropped = _groups(ink)
    if not groups:
        return NumberReading((), EMPTY)
    pieces = _split_all(ink, groups, predictor)
    if len(pieces) == 1 and len(groups) == 1 and not dropped and pieces[0] is None:
        g = groups[0]
        readings = (DigitReading(_box(ink, g.x0, g.y0, g.x1, g.y1), predictor.recognise(image)),)
    else:
        out = []
        for piece in pieces:
            piece = piece if piece is not None else _group_piece(groups[0])
            cropped = _crop(ink, piece)
            if cropped is None:
                continue
            crop, box = cropped
            pre = preprocess_digit(crop)
            out.append(DigitReading(box, None if pre is None else predictor.predict(pre)))
        readings = tuple(out)
    if not readings:
        return NumberReading((), EMPTY)
    if len(readings) > 1:
        readings = tuple(_in_a_row(d) for d in readings)
    reason = None if all(d.is_digit for d in readings) else NOT_A_DIGIT
    return NumberReading(readings, reason)


NUMBER_REFUSE_BELOW = 0.25     # among other digits a group is "not a digit" only under this confidence


def _in_a_row(reading: DigitReading) -> DigitReading:
    """A digit-sized group among other digits is far likelier a digit than a lone drawing is: the
    model's "not a digit" threshold (fitted for one drawing alone) gives way to a lower one."""
    p = reading.prediction
    if p is None or p.is_digit or p.confidence < NUMBER_REFUSE_BELOW:
        return reading
    return DigitReading(reading.box, replace(p, reason=None))


# ---------------------------------------------------------------- splitting touching digits

SPLIT_ASPECT = 0.8              # a group wider than this × the digits' height may hold two digits
SPLIT_UNSURE = 0.9              # ... and so may one read below this calibrated confidence
WIDE_OF_MEDIAN = 1.3            # ... or one wider than this × the median group width (several groups)
MIN_PART = 0.12                 # a cut leaves at least this × the height on either side
MIN_SHARE = 0.08                # ... and at least this share of its ink (roughly)
MIN_PART_HEIGHT = 0.45          # a part of a split is at least this × the height tall
MIN_PART_WIDTH = 0.06           # ... and this wide (a 1 is narrow, a sliver narrower)
CUT_CANDIDATES = 10             # least-ink cut paths tried per group (plus straight cuts)
DRIFT_COST = 0.15               # a cut path's cost of one pixel sideways (crossing ink costs 1)
PRIOR_CENTRE = 1.0              # aspect at which one digit and two digits are equally likely
PRIOR_SLOPE = 2.0               # log-odds of two digits per unit of aspect
PRIOR_WIDE = 1.6                # ... plus one per median group width beyond this (3+ groups)
SPLIT_MARGIN = 0.25             # a split must beat the unsplit reading by this much (log)
KEEP_SURE = 0.9                 # a group read at least this sure is never split ...
KEEP_SURE_ASPECT = 1.7          # ... unless it is wider than this × the height
# (the prior, margin and guard were fitted on the development seed of bench/numbers.py)
MAX_CROSSINGS = 3               # a cut crosses at most this many strokes
THREE_ASPECT = 1.5              # a group this many heights wide may hold three digits
MAX_DEPTH = 2                   # splits of splits: three or four touching digits


def _least_ink(cost: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cost of the cheapest path from the first row to each pixel (one step sideways per row at
    most, DRIFT_COST a step) and each pixel's step from the row before (-1, 0, 1)."""
    h, w = cost.shape
    totals = np.empty_like(cost)
    back = np.zeros((h, w), np.int8)
    total = totals[0] = cost[0]
    big = np.float32(1e9)
    for r in range(1, h):
        left = np.concatenate(([big], total[:-1])) + DRIFT_COST
        right = np.concatenate((total[1:], [big])) + DRIFT_COST
        both = np.stack((left, total, right))
        choice = np.argmin(both, axis=0)
        total = totals[r] = both[choice, np.arange(w)] + cost[r]
        back[r] = choice - 1
    return totals, back


def _cut_paths(mask: np.ndarray, height: float) -> list[np.ndarray]:
    """Candidate cuts of a group's mask: each (h,) the column where the right part starts in every
    row. The least-ink top-to-bottom paths (one step sideways per row at most, a small cost per
    step) through the cheapest, well-spaced points of the middle row, and straight cuts at the
    thinnest ink columns."""
    h, w = mask.shape
    lo, hi = max(1, int(MIN_PART * height)), w - max(1, int(MIN_PART * height))
    if hi <= lo or h < 3:
        return []
    cost = mask.astype(np.float32)
    cost[:, :lo] = cost[:, hi:] = 1e6   # a cut stays clear of the group's edges
    mid = h // 2
    down, back_down = _least_ink(cost[:mid + 1])
    up, back_up = _least_ink(cost[mid:][::-1])
    through = down[-1] + up[-1] - cost[mid]
    spacing = max(2, int(0.08 * height))
    picked: list[int] = []
    share = np.cumsum(mask.sum(axis=0)) / max(1, int(mask.sum()))   # ink left of each column
    for i in np.argsort(through[lo:hi], kind="stable"):
        c = int(i) + lo
        if not MIN_SHARE <= share[c - 1] <= 1 - MIN_SHARE:
            continue
        if all(abs(c - e) >= spacing for e in picked):
            picked.append(c)
            if len(picked) >= CUT_CANDIDATES:
                break
    paths = []
    for c in picked:
        path = np.empty(h, np.int32)
        path[mid] = c
        for r in range(mid, 0, -1):
            path[r - 1] = path[r] + back_down[r, path[r]]
        for j in range(h - 1 - mid, 0, -1):   # the upward table's row j is row h-1-j
            r = h - 1 - j
            path[r + 1] = path[r] + back_up[j, path[r]]
        paths.append(path)
    columns = mask.sum(axis=0)
    smooth = np.convolve(columns, np.ones(3) / 3, mode="same")[lo:hi]
    for i in np.argsort(smooth, kind="stable")[:2]:
        c = int(i) + lo
        if all(abs(c - p[mid]) >= spacing for p in paths):
            paths.append(np.full(h, c, np.int32))
    return paths


def _clean(mask: np.ndarray, height: float) -> np.ndarray:
    """A part of a cut without the slivers the cut left of the neighbour's strokes."""
    comps = _components(mask)
    if len(comps) <= 1:
        return mask
    out = np.zeros_like(mask)
    for c in comps:
        if max(c.h, c.w) >= SPECK_FRACTION * height:
            for r, s, e in zip(c.rows, c.starts, c.ends):
                out[r, s:e] = True
    return out


def _width(piece: _Piece) -> int:
    cols = np.flatnonzero(piece.mask.any(axis=0))
    return int(cols[-1] + 1 - cols[0]) if len(cols) else 0


def _plausible(mask: np.ndarray, height: float) -> bool:
    """Whether a part of a cut can be a digit: tall enough, not a sliver."""
    rows = np.flatnonzero(mask.any(axis=1))
    if not len(rows) or rows[-1] + 1 - rows[0] < MIN_PART_HEIGHT * height:
        return False
    cols = np.flatnonzero(mask.any(axis=0))
    return cols[-1] + 1 - cols[0] >= MIN_PART_WIDTH * height


def _prior(width: float, height: float, median_width: float | None) -> float:
    """Log-odds that a group this wide holds two digits rather than one."""
    prior = PRIOR_SLOPE * (width / max(height, 1.0) - PRIOR_CENTRE)
    if median_width:
        prior += max(width / median_width - PRIOR_WIDE, 0.0)
    return prior


class _Reader:
    """Reads pieces with the network, memoised by their crop."""

    def __init__(self, ink: _Ink, predictor):
        self.ink, self.predictor = ink, predictor
        self.refuse = float(getattr(getattr(predictor, "calibration", None), "refuse_below", 0.0))
        self.floor = math.log(max(self.refuse, 1e-9))   # scores under it: refused (not a digit)

    def prepare(self, piece: _Piece):
        cropped = _crop(self.ink, piece)
        if cropped is None:
            return None
        return preprocess_digit(cropped[0])

    def scores(self, pieces: list[_Piece]) -> list[float]:
        """Log of each piece's calibrated confidence (-inf: no digit in it; refused pieces are
        penalised, so under ``floor``)."""
        images = [self.prepare(p) for p in pieces]
        ready = [im for im in images if im is not None]
        probs = _probabilities(self.predictor, ready) if ready else np.zeros((0, 10))
        refuse = self.refuse
        out, j = [], 0
        for im in images:
            if im is None:
                out.append(-math.inf)
                continue
            top = float(probs[j].max())
            j += 1
            out.append(math.log(max(top, 1e-9)) + (math.log(0.5) if top < refuse else 0.0))
        return out


def _split(reader: _Reader, piece: _Piece, score: float, height: float, depth: int,
           median_width: float | None) -> list[_Piece]:
    """The piece itself, or its best split into two (each split further if it pays)."""
    mask = piece.mask
    h, w = mask.shape
    if depth >= MAX_DEPTH or w < 2 * MIN_PART * height:
        return [piece]
    if score >= math.log(KEEP_SURE) and w < KEEP_SURE_ASPECT * height:
        return [piece]
    paths = _cut_paths(mask, height)
    if not paths:
        return [piece]
    cols = np.arange(w)
    candidates = []
    rows = np.arange(h)
    for path in paths:
        on = mask[rows, np.clip(path, 0, w - 1)]
        if int(on[0]) + int(np.count_nonzero(on[1:] & ~on[:-1])) > MAX_CROSSINGS:
            continue   # a cut through many strokes: a scribble, not two touching digits
        right = cols[None, :] >= path[:, None]
        a, b = _clean(mask & ~right, height), _clean(mask & right, height)
        if _plausible(a, height) and _plausible(b, height):
            candidates.append((_Piece(a, piece.x0, piece.y0), _Piece(b, piece.x0, piece.y0)))
    if not candidates:
        return [piece]
    flat = reader.scores([p for pair in candidates for p in pair])
    best, best_score = None, -math.inf
    floor = reader.floor
    room = w >= THREE_ASPECT * height   # room for three digits: a part may hold two (split again)
    for i, pair in enumerate(candidates):
        if any(score_ < floor and not (room and _width(part) >= SPLIT_ASPECT * height)
               for part, score_ in zip(pair, flat[2 * i:2 * i + 2])):
            continue   # a part is no digit (nor two digits to split again): not this split
        s = flat[2 * i] + flat[2 * i + 1]
        if s > best_score:
            best, best_score, best_parts = pair, s, (flat[2 * i], flat[2 * i + 1])
    if best is None or best_score + _prior(w, height, median_width) <= score + SPLIT_MARGIN:
        return [piece]
    out = []
    for part, part_score in zip(best, best_parts):
        b = part.bounds
        tight = _Piece(part.mask[b[1] - part.y0:b[3] - part.y0, b[0] - part.x0:b[2] - part.x0], b[0], b[1])
        if _worth_splitting(tight.mask.shape[1], part_score, height, median_width):
            out.extend(_split(reader, tight, part_score, height, depth + 1, median_width))
        else:
            out.append(tight)
    return out


def _worth_splitting(width: int, score: float, height: float, median_width: float | None = None) -> bool:
    if width < 2 * MIN_PART * height:
        return False
    return (width > SPLIT_ASPECT * height or score < math.log(SPLIT_UNSURE)
            or (median_width is not None and width > WIDE_OF_MEDIAN * median_width))


def _split_all(ink: _Ink, groups: list[_Group], predictor) -> list[_Piece | None]:
    """The pieces to read left to right; [None] for one unsplit group (read from the whole image)."""
    reader = _Reader(ink, predictor)
    pieces = [_group_piece(g) for g in groups]
    height = float(np.median([g.h for g in groups]))
    median_width = float(np.median([g.w for g in groups])) if len(groups) >= 3 else None
    scores = reader.scores(pieces)
    out: list[_Piece] = []
    for piece, score in zip(pieces, scores):
        if _worth_splitting(piece.mask.shape[1], score, height, median_width):
            out.extend(_split(reader, piece, score, height, 0, median_width))
        else:
            out.append(piece)
    if len(groups) == 1 and len(out) == 1:
        return [None]
    return out

"""Vector pen strokes of digits, and screen-style digit drawings rendered from them.

The networks learn from MNIST scans, but users draw with a pen or mouse at any size, position,
pen width and polarity. Stroke data (``DIGIT_TEMPLATES``, or ``mnist_skeleton_strokes`` of real
writers' digits) replays drawings in GUI tests and the kiosk's attract loop; ``jitter_strokes``
gives a template a new hand; ``render_strokes`` draws strokes anti-aliased with a round pen; and
``drawn_digit_set`` makes a labelled set of varied drawings to test the models on. A stroke is a
list of (x, y) points in a unit box (x right, y down, in [0, 1]) in drawing order. numpy + Pillow.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from engine.digit_templates import DIGIT_TEMPLATES, Stroke

__all__ = ["DIGIT_TEMPLATES", "Stroke", "drawn_digit_set", "jitter_strokes",
           "mnist_skeleton_strokes", "render_strokes"]

_MODES = ("L", "RGB", "RGBA")


def _arrays(strokes) -> list[np.ndarray]:
    return [np.asarray(s, dtype=float).reshape(-1, 2) for s in strokes]


def _tuples(arrays: list[np.ndarray]) -> list[Stroke]:
    return [[(float(x), float(y)) for x, y in a] for a in arrays]


def _key(point: np.ndarray) -> tuple:
    """A hashable identity for a graph node position."""
    return tuple(np.round(point, 3))


def _fit_unit_box(arrays: list[np.ndarray]) -> list[np.ndarray]:
    """Shrink (uniformly) and shift strokes just enough to lie inside [0, 1]^2."""
    pts = np.vstack(arrays)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    scale = min(1.0, 1.0 / max(float((hi - lo).max()), 1e-9))
    centre = (lo + hi) / 2
    lo, hi = centre + (lo - centre) * scale, centre + (hi - centre) * scale
    shift = np.maximum(0.0, -lo) - np.maximum(0.0, hi - 1.0)
    return [np.clip(centre + (a - centre) * scale + shift, 0.0, 1.0) for a in arrays]


def jitter_strokes(strokes, rng: np.random.Generator, amount: float = 1.0) -> list[Stroke]:
    """Return the strokes as written by a new hand.

    A random affine map about the drawing's centre (rotation up to +-12 degrees, shear up to
    +-0.25, x and y scale 0.8-1.2 independently), then a smooth low-frequency wobble of every point
    (a random sum of plane waves, so strokes that touch keep touching). ``amount`` scales all of
    it (0 leaves the shape unchanged). The result is shrunk and shifted back into the unit box if
    it overflows. The same ``rng`` state gives the same result.
    """
    arrays = _arrays(strokes)
    if not arrays:
        return []
    pts = np.vstack(arrays)
    centre = (pts.min(axis=0) + pts.max(axis=0)) / 2
    angle = np.radians(rng.uniform(-12, 12) * amount)
    shear = rng.uniform(-0.25, 0.25) * amount
    sx, sy = 1 + rng.uniform(-0.2, 0.2, size=2) * amount
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = rot @ np.array([[1.0, shear], [0.0, 1.0]]) @ np.diag([sx, sy])
    # wobble: 3 plane waves per axis, 0.4-1.4 cycles per box, 0.004-0.02 amplitude each
    freqs = rng.normal(size=(2, 3, 2))
    freqs *= (rng.uniform(0.4, 1.4, size=(2, 3)) / np.linalg.norm(freqs, axis=2))[..., None]
    phases = rng.uniform(0, 2 * np.pi, size=(2, 3))
    amps = rng.uniform(0.004, 0.02, size=(2, 3)) * amount
    out = []
    for a in arrays:
        waves = np.sin(2 * np.pi * np.einsum("nd,akd->ank", a, freqs) + phases[:, None, :])
        out.append((a - centre) @ matrix.T + centre + np.einsum("ank,ak->na", waves, amps))
    return _tuples(_fit_unit_box(out))


def _coverage(arrays: list[np.ndarray], width: int, height: int, pen_width: float) -> np.ndarray:
    """Anti-aliased ink coverage 0..1 of pixel-space polylines, as (height, width) float32."""
    cover = np.zeros((height, width), np.float32)
    arrays = [a for a in arrays if len(a)]
    if not arrays or width <= 0 or height <= 0:
        return cover
    radius = max(pen_width, 0.0) / 2
    pts = np.vstack(arrays)
    # draw only the region the ink can reach: most digits cover a fraction of the canvas
    x0, y0 = np.maximum(0, np.floor(pts.min(axis=0) - radius - 1)).astype(int)
    x1, y1 = np.minimum((width, height), np.ceil(pts.max(axis=0) + radius + 1)).astype(int)
    if x1 <= x0 or y1 <= y0:
        return cover
    f = int(np.clip(np.sqrt(2.5e6 / ((x1 - x0) * (y1 - y0))), 2, 4))  # 4x small, 2x big regions
    img = Image.new("L", ((x1 - x0) * f, (y1 - y0) * f), 0)
    draw = ImageDraw.Draw(img)
    r = max(radius * f, 0.5)
    for a in arrays:
        q = (a - (x0, y0)) * f
        if len(q) > 1:
            draw.line([tuple(p) for p in q], fill=255, width=max(1, int(round(2 * r))))
        for x, y in q:  # discs at every vertex: round caps and joins
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
    cover[y0:y1, x0:x1] = np.asarray(img.reduce(f), dtype=np.float32) / 255.0
    return cover


def render_strokes(strokes, size: tuple[int, int] = (280, 280),
                   box: tuple[float, float, float, float] | None = None, pen_width: float = 18.0,
                   ink: int = 255, background: int = 0, mode: str = "L") -> np.ndarray:
    """Draw strokes with a round pen, anti-aliased, and return the image as a numpy array.

    ``size`` is (width, height) in pixels, like Pillow. The unit box is mapped onto ``box``
    (x0, y0, x1, y1 in pixels; default: a centred square 80% of the shorter side, which keeps the
    strokes' aspect). ``ink`` and ``background`` are grey levels 0..255. Modes: "L" gives
    (H, W) uint8, "RGB" (H, W, 3) uint8, "RGBA" (H, W, 4) uint8 with a transparent background:
    colour is the ink colour everywhere and alpha is the ink coverage (``background`` unused).
    Strokes are supersampled 2-4x and box-filtered down, so even ``pen_width=1`` leaves visible ink.
    """
    if mode not in _MODES:
        raise ValueError(f"mode must be one of {_MODES}, not {mode!r}")
    width, height = int(size[0]), int(size[1])
    if box is None:
        side = 0.8 * min(width, height)
        box = ((width - side) / 2, (height - side) / 2, (width + side) / 2, (height + side) / 2)
    bx0, by0, bx1, by1 = (float(v) for v in box)
    arrays = [a * (bx1 - bx0, by1 - by0) + (bx0, by0) for a in _arrays(strokes)]
    cover = _coverage(arrays, width, height, pen_width)
    if mode == "RGBA":
        out = np.empty((height, width, 4), np.uint8)
        out[..., :3] = int(ink)
        out[..., 3] = np.rint(cover * 255)
        return out
    grey = np.rint(background + (float(ink) - background) * cover).astype(np.uint8)
    return grey if mode == "L" else np.repeat(grey[..., None], 3, axis=2)


# ---------------------------------------------------------------- MNIST skeletons

_RING = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))  # N, NE, ... NW


def _ring(img: np.ndarray) -> list[np.ndarray]:
    """The 8 neighbours of every interior pixel of a 1-pixel-padded image, clockwise from north."""
    return [img[1 + dy:img.shape[0] - 1 + dy, 1 + dx:img.shape[1] - 1 + dx] for dy, dx in _RING]


def _thin(binary: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning to a one-pixel-wide 8-connected skeleton (vectorised per sub-iteration).

    A clean-up pass then deletes the remaining "staircase" corner pixels (simple points with two or
    more neighbours), one parity class at a time so that no two deletions touch.
    """
    img = np.pad(binary.astype(bool), 1).astype(np.uint8)
    inner = img[1:-1, 1:-1]  # a view: writing it updates img
    rows, cols = np.indices(inner.shape)
    changed = True
    while changed:
        changed = False
        for step in (0, 1):
            p = _ring(img)
            transitions = sum((p[i] == 0) & (p[(i + 1) % 8] == 1) for i in range(8))
            n, e, s, w = p[0], p[2], p[4], p[6]
            keep = ((n & e & s) | (e & s & w)) if step == 0 else ((n & e & w) | (n & s & w))
            count = sum(p)
            kill = (inner == 1) & (count >= 2) & (count <= 6) & (transitions == 1) & (keep == 0)
            if kill.any():
                inner[kill], changed = 0, True
    changed = True
    while changed:
        changed = False
        for parity in ((0, 0), (0, 1), (1, 0), (1, 1)):
            p = _ring(img)
            filled = list(p)
            for i in (1, 3, 5, 7):  # a diagonal flanked by two set 4-neighbours joins nothing new
                filled[i] = p[i] | (p[i - 1] & p[(i + 1) % 8])
            components = sum((filled[i] == 0) & (filled[(i + 1) % 8] == 1) for i in range(8))
            border = (p[0] == 0) | (p[2] == 0) | (p[4] == 0) | (p[6] == 0)
            kill = ((inner == 1) & (sum(p) >= 2) & (components == 1) & border
                    & (rows % 2 == parity[0]) & (cols % 2 == parity[1]))
            if kill.any():
                inner[kill], changed = 0, True
    return inner.astype(bool)


def _run_min(labels: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Give every horizontal run of `mask` pixels the smallest label found in it."""
    h, w = mask.shape
    m = np.pad(mask, ((0, 0), (0, 1))).ravel()  # the padding column ends runs at row ends
    lab = np.pad(labels, ((0, 0), (0, 1))).ravel()
    run = np.cumsum(m & ~np.r_[False, m[:-1]])
    idx = np.flatnonzero(m)
    low = np.full(run[-1] + 1, lab.max() + 1)
    np.minimum.at(low, run[idx], lab[idx])
    return np.where(m, low[run], lab).reshape(h, w + 1)[:, :w]


def _fill_small_holes(binary: np.ndarray, min_area: int) -> np.ndarray:
    """Fill enclosed background specks and slits (gaps where strokes overlap) before thinning.

    A hole stays open only if it has at least `min_area` pixels and is somewhere 3 pixels across,
    so that it thins into a real loop. Background components are labelled by alternating row and
    column passes of run-minimum propagation (a few passes for digit-like shapes).
    """
    free = ~np.pad(binary, 1)
    labels = np.where(free, np.arange(free.size).reshape(free.shape), 0)
    while True:
        new = _run_min(_run_min(labels, free).T, free.T).T
        if np.array_equal(new, labels):
            break
        labels = new
    hole = free & (labels != labels[0, 0])  # the padding border belongs to the outside
    if not hole.any():
        return binary
    core = hole.copy()  # eroded once (4-neighbourhood): what survives is 3 pixels across
    core[1:-1, 1:-1] &= core[:-2, 1:-1] & core[2:, 1:-1] & core[1:-1, :-2] & core[1:-1, 2:]
    sizes = np.bincount(labels[hole], minlength=labels.max() + 1)
    wide = np.zeros(len(sizes), bool)
    wide[labels[core & hole]] = True
    fill = hole & ((sizes[labels] < min_area) | ~wide[labels])
    return (np.pad(binary, 1) | fill)[1:-1, 1:-1]


def _trace(skeleton: np.ndarray) -> list[np.ndarray]:
    """Split a skeleton's pixel graph into polylines of (row, col) between nodes, plus closed loops.

    Nodes are pixels with other than two neighbours; adjacent nodes (a junction cluster) are
    merged into one node at their mean position, so crossings do not leave tiny segments.
    """
    ys, xs = np.nonzero(skeleton)
    index = -np.ones((skeleton.shape[0] + 2, skeleton.shape[1] + 2), int)
    index[ys + 1, xs + 1] = np.arange(len(ys))
    nbrs = np.stack([index[ys + 1 + dy, xs + 1 + dx] for dy, dx in _RING], axis=1)
    adj = [[int(j) for j in row if j >= 0] for row in nbrs]
    deg = [len(a) for a in adj]
    coords = np.column_stack([ys, xs]).astype(float)
    parent = list(range(len(ys)))  # union-find over adjacent node pixels

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    nodes = [i for i in range(len(ys)) if deg[i] != 2]
    for i in nodes:
        for j in adj[i]:
            if deg[j] != 2:
                parent[root(i)] = root(j)
    members: dict[int, list[int]] = {}
    for i in nodes:
        members.setdefault(root(i), []).append(i)
    centre = {c: coords[m].mean(axis=0) for c, m in members.items()}  # one point per junction
    seen: set[tuple[int, int]] = set()

    def walk(prev: int, cur: int) -> list[int]:
        path = [prev, cur]
        seen.add((min(prev, cur), max(prev, cur)))
        while deg[cur] == 2:
            nxt = adj[cur][0] if adj[cur][0] != prev else adj[cur][1]
            if (min(cur, nxt), max(cur, nxt)) in seen:
                break
            seen.add((min(cur, nxt), max(cur, nxt)))
            path.append(nxt)
            prev, cur = cur, nxt
        return path

    paths = []
    for i in nodes:
        if deg[i] == 0:
            paths.append(np.vstack([coords[i], coords[i]]))
        for j in adj[i]:
            if (min(i, j), max(i, j)) in seen or (deg[j] != 2 and root(i) == root(j)):
                continue
            path = walk(i, j)
            pts = coords[path]
            pts[0] = centre[root(path[0])]  # branch ends sit on their node's centre
            if deg[path[-1]] != 2:
                pts[-1] = centre[root(path[-1])]
            paths.append(pts)
    for i in range(len(ys)):  # what is left are pure loops (an O without junctions)
        if deg[i] == 2 and any((min(i, j), max(i, j)) not in seen for j in adj[i]):
            path = walk(i, adj[i][0])
            paths.append(coords[path if path[-1] == path[0] else path + [path[0]]])
    return paths


def _prune(paths: list[np.ndarray], spur_len: float, merge_len: float) -> list[np.ndarray]:
    """Drop thinning spurs (short branches from a free end to a junction) and isolated dust, and
    merge two junctions joined by a tiny branch (a crossing that thinned into two nodes)."""
    lengths = [float(np.linalg.norm(np.diff(p, axis=0), axis=1).sum()) for p in paths]
    count: dict[tuple, int] = {}
    for p in paths:
        for e in (_key(p[0]), _key(p[-1])):
            count[e] = count.get(e, 0) + 1
    longest = int(np.argmax(lengths))
    kept, moved = [], {}
    for k, (p, length) in enumerate(zip(paths, lengths)):
        free = sum(count[_key(e)] == 1 for e in (p[0], p[-1]))
        if k != longest and ((free == 1 and length < spur_len)
                             or (free == 2 and length < max(3.0, 0.08 * lengths[longest]))):
            continue
        if free == 0 and length < merge_len and _key(p[0]) != _key(p[-1]):
            moved[_key(p[0])] = moved[_key(p[-1])] = (p[0] + p[-1]) / 2
            continue
        kept.append(p.copy())
    for p in kept:
        p[0], p[-1] = moved.get(_key(p[0]), p[0]), moved.get(_key(p[-1]), p[-1])
    return kept


def _chain(paths: list[np.ndarray]) -> list[np.ndarray]:
    """Join polylines that meet at a node into longer pen strokes, going straightest at junctions.

    Each stroke starts at a node with an odd number of unused branches (a free end first, so a 7
    with a crossbar needs only two strokes), the topmost first, as people start at the top.
    """
    ends: dict[tuple, list[int]] = {}
    for k, p in enumerate(paths):
        for end in (_key(p[0]), _key(p[-1])):
            ends.setdefault(end, []).append(k)
    unused = set(range(len(paths)))

    def rank(option: tuple[int, bool]) -> tuple:
        k, rev = option
        start = paths[k][-1] if rev else paths[k][0]
        branches = sum(1 for c in ends[_key(start)] if c in unused)
        return (branches % 2 == 0, round(start[0]), start[1], k, rev)

    strokes = []
    while unused:
        k, rev = min(((k, rev) for k in unused for rev in (False, True)), key=rank)
        unused.discard(k)
        stroke = [paths[k][::-1] if rev else paths[k]]
        while True:
            tail = stroke[-1]
            here = _key(tail[-1])
            heading = tail[-1] - tail[max(0, len(tail) - 9)]
            best = None
            for c in sorted(set(ends[here]) & unused):
                q = paths[c] if _key(paths[c][0]) == here else paths[c][::-1]
                out = q[min(len(q) - 1, 8)] - q[0]
                cos = heading @ out / (np.linalg.norm(heading) * np.linalg.norm(out) + 1e-9)
                if best is None or cos > best[0]:
                    best = (cos, c, q)
            if best is None:
                break
            unused.discard(best[1])
            stroke.append(best[2][1:])
        strokes.append(np.vstack(stroke))
    return strokes


def _smooth(p: np.ndarray, step: int) -> np.ndarray:
    """Smooth pixel steps (5-point moving average, open ends kept); keep every step-th point."""
    if len(p) > 4:
        closed = np.allclose(p[0], p[-1])
        parts = [p[-3:-1], p[:-1], p[:2]] if closed else [p[:1], p[:1], p, p[-1:], p[-1:]]
        padded = np.vstack(parts)  # 2 extra points each side: wrapped round, or the end repeated
        q = np.column_stack([np.convolve(padded[:, d], np.ones(5) / 5, "valid") for d in (0, 1)])
        if closed:
            q = np.vstack([q, q[:1]])
        else:
            q[0], q[-1] = p[0], p[-1]
        p = q
    return p[list(range(0, len(p) - 1, step)) + [len(p) - 1]]


def mnist_skeleton_strokes(image28: np.ndarray) -> list[Stroke]:
    """Turn an MNIST digit (28x28, white ink on black) into pen strokes in the unit box.

    The image is upsampled 4x (bilinear) and binarised, cleared of tiny holes, thinned to a
    skeleton (Zhang-Suen), traced into polylines, stripped of thinning spurs, chained into strokes
    through junctions and smoothed. The result keeps the digit's aspect: its longer side spans
    [0, 1] and the shorter one is centred. A blank image gives no strokes. Redrawn with a pen about
    as wide as MNIST's strokes (about 2.5 px at 28 px), the strokes reproduce the digit.
    """
    image = np.asarray(image28, dtype=np.float32)
    if image.ndim != 2 or image.max() <= 0:
        return []
    rows, cols = np.flatnonzero(image.max(axis=1) > 0), np.flatnonzero(image.max(axis=0) > 0)
    image = np.pad(image[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1], 1)  # less to thin
    up = 4
    big = Image.fromarray(image / image.max() * 255).resize(
        (image.shape[1] * up, image.shape[0] * up), Image.Resampling.BILINEAR)
    binary = np.asarray(big) > 110
    if not binary.any():
        return []
    binary = _fill_small_holes(binary, min_area=12)  # real loops (even a 2's curl) are larger
    skeleton = _thin(binary)
    pen = binary.sum() / max(skeleton.sum(), 1)  # mean stroke width, in upsampled pixels
    paths = _prune(_trace(skeleton), spur_len=min(0.45 * pen, 2.0 * up),
                   merge_len=min(0.35 * pen, 1.5 * up))
    strokes = [_smooth(s, step=3) for s in _chain(paths)]
    pts = np.vstack(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    extent = max(float((hi - lo).max()), 1e-9)
    offset = (1 - (hi - lo) / extent) / 2  # centre the shorter side
    return _tuples([((s - lo) / extent + offset)[:, ::-1] for s in strokes])  # (row, col) -> (x, y)


# ---------------------------------------------------------------- drawn digit sets

def _random_drawing(strokes: list[Stroke], rng: np.random.Generator) -> np.ndarray:
    """Render strokes like one random user on one random screen."""
    # log-uniform canvas sizes: small canvases are common, big ones rarer
    width = int(np.exp(rng.uniform(np.log(64), np.log(800))))
    height = width if rng.random() < 0.65 else int(np.clip(width * rng.uniform(0.6, 1.6), 64, 800))
    pts = np.vstack(_arrays(strokes))
    lo = pts.min(axis=0)
    ext = np.maximum(pts.max(axis=0) - lo, 0.02)
    digit_h = rng.uniform(0.25, 0.95) * height  # ink height, pen included
    pen = digit_h * np.exp(rng.uniform(np.log(0.03), np.log(0.25)))
    if rng.random() < 0.15:
        pen = rng.uniform(1.0, 3.0)  # hairline pens
    pen = float(max(1.0, min(pen, 0.25 * digit_h)))
    scale = max(1.0, min((digit_h - pen) / ext[1], (0.98 * width - pen) / ext[0]))  # fit width too
    ink_w, ink_h = ext * scale + pen
    left = rng.uniform(0, max(width - ink_w, 0.0)) + pen / 2 - lo[0] * scale
    top = rng.uniform(0, max(height - ink_h, 0.0)) + pen / 2 - lo[1] * scale
    pure = rng.random() < 0.5
    ink, background = (0, 255) if pure else (int(rng.integers(70)), int(rng.integers(180, 256)))
    if rng.random() < 0.5:  # light on dark
        ink, background = 255 - ink, 255 - background
    mode = str(rng.choice(_MODES, p=[0.5, 0.25, 0.25]))
    return render_strokes(strokes, size=(width, height), box=(left, top, left + scale, top + scale),
                          pen_width=pen, ink=ink, background=background, mode=mode)


def drawn_digit_set(n: int, seed: int = 0, source: str = "templates", mnist_images=None,
                    mnist_labels=None) -> tuple[list[np.ndarray], np.ndarray]:
    """Render ``n`` labelled digit drawings varied like real users' screen drawings.

    Canvases are 64-800 px (a third of them not square); the digit's ink is 25-95% of the canvas
    height, anywhere on it; the pen is 1 px to 25% of the digit height; ink is dark on light or
    light on dark, in grey levels not always pure 0/255; images come as "L" (H, W), "RGB" (H, W, 3)
    or "RGBA" (H, W, 4, transparent background) uint8 arrays; every shape goes through
    ``jitter_strokes``.

    ``source="templates"`` draws ``DIGIT_TEMPLATES`` variants with balanced labels.
    ``source="mnist"`` redraws ``mnist_skeleton_strokes`` of digits picked at random from
    ``mnist_images``/``mnist_labels`` (default: the shipped MNIST test split). Returns
    (images, labels as int64). The same arguments always give the same set.
    """
    rng = np.random.default_rng(seed)
    if source == "templates":
        labels = np.resize(np.arange(10), n)
        rng.shuffle(labels)
        shapes = [DIGIT_TEMPLATES[d][rng.integers(len(DIGIT_TEMPLATES[d]))]
                  for d in labels.tolist()]
        amount = 1.0
    elif source == "mnist":
        if mnist_images is None and mnist_labels is None:
            from engine.data import load_mnist  # only when needed: it reads a 11 MB file

            mnist = load_mnist()
            mnist_images, mnist_labels = mnist.x_test, mnist.y_test
        if mnist_images is None or mnist_labels is None or len(mnist_images) != len(mnist_labels):
            raise ValueError("give mnist_images and mnist_labels together, of equal length")
        if len(mnist_images) == 0 and n > 0:
            raise ValueError("no MNIST images to draw from")
        rounds = -(-n // max(len(mnist_images), 1))  # each image once before any repeats
        picks = np.concatenate([np.zeros(0, int)] + [rng.permutation(len(mnist_images))
                                                     for _ in range(rounds)])[:n]
        labels = np.asarray(mnist_labels)[picks]
        cache = {i: mnist_skeleton_strokes(mnist_images[i]) for i in set(picks.tolist())}
        shapes = [cache[i] for i in picks.tolist()]
        amount = 0.5  # real writers already vary; a light touch keeps their shapes readable
    else:
        raise ValueError(f"source must be 'templates' or 'mnist', not {source!r}")
    images = []
    for strokes in shapes:
        if not strokes:  # a blank image: a dot keeps the images and labels aligned
            strokes = [[(0.5, 0.5), (0.5, 0.5)]]
        images.append(_random_drawing(jitter_strokes(strokes, rng, amount), rng))
    return images, np.asarray(labels, dtype=np.int64)

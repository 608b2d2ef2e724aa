"""Hand-designed pen-stroke templates of the digits 0-9, as people really write them.

Each template is a list of strokes in drawing order; a stroke is a list of (x, y) points in a
unit box (x right, y down, both in [0, 1]). Curves are generated with small helpers (centripetal
Catmull-Rom splines, ellipse arcs, polylines) sampled about every 0.02 units, so that
``engine.drawn_digits.jitter_strokes`` can bend every part of a stroke, straight ones included.
Digits stand about 0.84 tall and keep handwriting's proportions (a 1 is narrow, a 0 is an oval).
"""
from __future__ import annotations

import numpy as np

Stroke = list[tuple[float, float]]

_STEP = 0.02  # spacing of generated points, in unit-box units


def _densify(points: np.ndarray) -> np.ndarray:
    """Insert points along each straight segment so no gap exceeds _STEP."""
    out = [points[:1]]
    for a, b in zip(points[:-1], points[1:]):
        n = max(1, int(np.ceil(np.hypot(*(b - a)) / _STEP)))
        t = np.linspace(0.0, 1.0, n + 1)[1:, None]
        out.append(a + (b - a) * t)
    return np.vstack(out)


def _line(*corners) -> np.ndarray:
    """A polyline through `corners` with sharp corners."""
    return _densify(np.asarray(corners, dtype=float))


def _spline(*points) -> np.ndarray:
    """A smooth centripetal Catmull-Rom curve through `points` (no cusps or self-loops)."""
    p = np.asarray(points, dtype=float)
    ext = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])  # mirrored ends: straight-ish exits
    out = [p[:1]]
    for i in range(len(p) - 1):
        p0, p1, p2, p3 = ext[i:i + 4]
        t1 = np.hypot(*(p1 - p0)) ** 0.5 + 1e-9
        t2 = t1 + np.hypot(*(p2 - p1)) ** 0.5 + 1e-9
        t3 = t2 + np.hypot(*(p3 - p2)) ** 0.5 + 1e-9
        n = max(2, int(np.ceil(np.hypot(*(p2 - p1)) / _STEP)))
        t = np.linspace(t1, t2, n + 1)[1:, None]
        a1 = (t1 - t) / t1 * p0 + t / t1 * p1
        a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
        a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
        b1 = (t2 - t) / t2 * a1 + t / t2 * a2
        b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
        out.append((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2)
    return np.vstack(out)


def _arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float) -> np.ndarray:
    """An ellipse arc from angle a0 to a1 in degrees (0 = right, 90 = down; a1 > a0: clockwise)."""
    length = np.radians(abs(a1 - a0)) * (rx + ry) / 2
    a = np.radians(np.linspace(a0, a1, max(3, int(np.ceil(length / _STEP)) + 1)))
    return np.column_stack([cx + rx * np.cos(a), cy + ry * np.sin(a)])


def _cat(*parts: np.ndarray) -> np.ndarray:
    """Join stroke pieces end to start into one stroke (the pen does not lift)."""
    out = [parts[0]]
    for part in parts[1:]:
        skip = 1 if np.allclose(out[-1][-1], part[0], atol=1e-6) else 0
        out.append(part[skip:])
    return np.vstack(out)


def _slant(stroke: np.ndarray, degrees: float) -> np.ndarray:
    """Lean a stroke right (positive degrees) about the box centre, like italic handwriting."""
    out = stroke.copy()
    out[:, 0] += (0.5 - out[:, 1]) * np.tan(np.radians(degrees))
    return out


def _designs() -> dict[int, list[list[np.ndarray]]]:
    """All the variants, as arrays; coordinates were tuned by rendering them on a contact sheet."""
    return {
        0: [
            # counter-clockwise from the top, closing with an overlap
            [_arc(0.5, 0.5, 0.27, 0.42, -90, -448)],
            # clockwise, slanted, a small gap at the top
            [_slant(_arc(0.5, 0.5, 0.29, 0.41, -70, 285), 10)],
            # egg shape
            [_spline((0.56, 0.1), (0.36, 0.15), (0.24, 0.45), (0.3, 0.8), (0.5, 0.92),
                     (0.7, 0.8), (0.76, 0.45), (0.66, 0.15), (0.5, 0.09))],
            # narrow, ending in a tail inside
            [_spline((0.6, 0.1), (0.42, 0.13), (0.31, 0.45), (0.34, 0.82), (0.46, 0.92),
                     (0.61, 0.83), (0.69, 0.45), (0.67, 0.15), (0.54, 0.09), (0.43, 0.17))],
        ],
        1: [
            # plain bar
            [_line((0.52, 0.08), (0.48, 0.92))],
            # short flag
            [_line((0.37, 0.25), (0.56, 0.08), (0.53, 0.92))],
            # flag and base
            [_line((0.38, 0.23), (0.56, 0.08), (0.55, 0.9)),
             _line((0.37, 0.91), (0.73, 0.9))],
            # continental long flag
            [_line((0.3, 0.36), (0.62, 0.08), (0.55, 0.92))],
            # slightly bowed bar
            [_spline((0.47, 0.09), (0.51, 0.5), (0.47, 0.92))],
        ],
        2: [
            # classic, sharp corner at the base
            [_cat(_spline((0.27, 0.27), (0.35, 0.13), (0.52, 0.08), (0.7, 0.16), (0.72, 0.32),
                          (0.6, 0.52), (0.41, 0.72), (0.25, 0.9)),
                  _line((0.25, 0.9), (0.78, 0.89)))],
            # loop at the base
            [_spline((0.26, 0.25), (0.4, 0.1), (0.6, 0.09), (0.73, 0.22), (0.68, 0.42),
                     (0.5, 0.62), (0.36, 0.78), (0.31, 0.9), (0.21, 0.91), (0.18, 0.8),
                     (0.28, 0.75), (0.42, 0.84), (0.58, 0.9), (0.79, 0.87))],
            # angular, Z-like
            [_cat(_spline((0.25, 0.22), (0.4, 0.09), (0.6, 0.08), (0.73, 0.2), (0.7, 0.35)),
                  _line((0.7, 0.35), (0.24, 0.9), (0.8, 0.9)))],
            # two strokes: the curve, then the base
            [_spline((0.28, 0.28), (0.42, 0.1), (0.62, 0.1), (0.72, 0.26), (0.62, 0.48),
                     (0.26, 0.88)),
             _line((0.24, 0.89), (0.78, 0.87))],
            # round, with a wavy base
            [_spline((0.26, 0.24), (0.44, 0.09), (0.66, 0.14), (0.68, 0.36), (0.45, 0.64),
                     (0.27, 0.88), (0.45, 0.84), (0.62, 0.9), (0.78, 0.85))],
        ],
        3: [
            # two bumps, a cusp in the middle
            [_cat(_spline((0.27, 0.2), (0.45, 0.08), (0.66, 0.12), (0.7, 0.28), (0.58, 0.43),
                          (0.42, 0.48)),
                  _spline((0.42, 0.48), (0.62, 0.52), (0.74, 0.68), (0.66, 0.86), (0.46, 0.92),
                          (0.26, 0.84)))],
            # flat top
            [_cat(_line((0.26, 0.1), (0.74, 0.1), (0.46, 0.42)),
                  _spline((0.46, 0.42), (0.66, 0.48), (0.75, 0.66), (0.66, 0.86), (0.46, 0.92),
                          (0.26, 0.84)))],
            # two strokes, one per bump
            [_spline((0.28, 0.16), (0.48, 0.08), (0.66, 0.16), (0.64, 0.34), (0.43, 0.48)),
             _spline((0.43, 0.48), (0.66, 0.56), (0.72, 0.74), (0.58, 0.9), (0.38, 0.91),
                     (0.25, 0.82))],
            # one smooth curve, round in the middle
            [_spline((0.3, 0.18), (0.5, 0.08), (0.68, 0.17), (0.62, 0.38), (0.46, 0.47),
                     (0.62, 0.55), (0.72, 0.72), (0.6, 0.9), (0.42, 0.92), (0.27, 0.84))],
        ],
        4: [
            # open, two strokes
            [_line((0.3, 0.08), (0.24, 0.58), (0.8, 0.58)), _line((0.64, 0.28), (0.63, 0.92))],
            # closed, two strokes
            [_line((0.6, 0.08), (0.18, 0.64), (0.82, 0.64)), _line((0.6, 0.08), (0.6, 0.92))],
            # one stroke, going back down over the right side
            [_cat(_spline((0.28, 0.08), (0.26, 0.36), (0.32, 0.52), (0.5, 0.55), (0.7, 0.5)),
                  _line((0.7, 0.5), (0.72, 0.08), (0.7, 0.92)))],
            # open, slanted arm
            [_line((0.46, 0.1), (0.22, 0.6), (0.82, 0.6)), _line((0.66, 0.34), (0.66, 0.92))],
            # closed, one stroke starting from the foot of the stem
            [_line((0.58, 0.92), (0.6, 0.08), (0.2, 0.64), (0.82, 0.62))],
        ],
        5: [
            # stem and bowl, then the bar
            [_cat(_line((0.32, 0.1), (0.28, 0.46)),
                  _spline((0.28, 0.46), (0.46, 0.4), (0.66, 0.44), (0.74, 0.62), (0.68, 0.82),
                          (0.5, 0.92), (0.27, 0.86))),
             _line((0.32, 0.1), (0.74, 0.1))],
            # one stroke, starting with the bar
            [_cat(_line((0.74, 0.1), (0.32, 0.1), (0.28, 0.46)),
                  _spline((0.28, 0.46), (0.48, 0.4), (0.68, 0.46), (0.73, 0.66), (0.64, 0.86),
                          (0.46, 0.92), (0.26, 0.84)))],
            # the bar first, then stem and bowl
            [_line((0.3, 0.1), (0.72, 0.08)),
             _cat(_line((0.31, 0.1), (0.27, 0.5)),
                  _spline((0.27, 0.5), (0.5, 0.44), (0.7, 0.54), (0.72, 0.74), (0.56, 0.9),
                          (0.3, 0.88)))],
            # curved bar, round bowl
            [_cat(_spline((0.33, 0.12), (0.3, 0.3), (0.3, 0.45)),
                  _spline((0.3, 0.45), (0.5, 0.38), (0.72, 0.5), (0.72, 0.74), (0.55, 0.9),
                          (0.3, 0.88))),
             _spline((0.33, 0.12), (0.52, 0.08), (0.74, 0.11))],
        ],
        6: [
            # round
            [_spline((0.68, 0.1), (0.46, 0.18), (0.3, 0.42), (0.27, 0.68), (0.38, 0.88),
                     (0.55, 0.92), (0.72, 0.78), (0.7, 0.6), (0.54, 0.52), (0.38, 0.56),
                     (0.28, 0.68))],
            # straight stem
            [_cat(_line((0.64, 0.08), (0.35, 0.54)),
                  _spline((0.35, 0.54), (0.28, 0.72), (0.4, 0.9), (0.6, 0.9), (0.7, 0.74),
                          (0.62, 0.58), (0.44, 0.57), (0.3, 0.68)))],
            # narrow, small open loop
            [_spline((0.62, 0.08), (0.44, 0.2), (0.33, 0.45), (0.32, 0.7), (0.44, 0.9),
                     (0.62, 0.86), (0.68, 0.7), (0.56, 0.6), (0.4, 0.66))],
            # slanted
            [_slant(_spline((0.7, 0.12), (0.52, 0.1), (0.34, 0.3), (0.27, 0.6), (0.32, 0.84),
                            (0.5, 0.93), (0.7, 0.84), (0.74, 0.66), (0.6, 0.5), (0.42, 0.52),
                            (0.3, 0.64)), 8)],
        ],
        7: [
            # one stroke
            [_line((0.22, 0.1), (0.78, 0.1), (0.42, 0.92))],
            # with a crossbar
            [_line((0.22, 0.1), (0.78, 0.1), (0.42, 0.92)), _line((0.36, 0.52), (0.74, 0.5))],
            # serif tick at the start
            [_line((0.24, 0.22), (0.24, 0.1), (0.78, 0.1), (0.46, 0.92))],
            # curved stem
            [_cat(_line((0.22, 0.12), (0.78, 0.1)),
                  _spline((0.78, 0.1), (0.62, 0.38), (0.52, 0.64), (0.47, 0.92)))],
            # two strokes
            [_line((0.22, 0.1), (0.78, 0.1)), _line((0.78, 0.1), (0.44, 0.92))],
        ],
        8: [
            # one stroke: an S, then back up
            [_spline((0.66, 0.16), (0.5, 0.08), (0.32, 0.18), (0.36, 0.36), (0.5, 0.48),
                     (0.7, 0.62), (0.7, 0.84), (0.5, 0.92), (0.3, 0.84), (0.3, 0.64),
                     (0.5, 0.48), (0.64, 0.36), (0.68, 0.2), (0.6, 0.12))],
            # snowman: two stacked circles
            [_arc(0.5, 0.28, 0.18, 0.2, -90, -450), _arc(0.5, 0.7, 0.23, 0.22, -90, -450)],
            # starts in the middle
            [_spline((0.5, 0.48), (0.33, 0.36), (0.34, 0.16), (0.5, 0.08), (0.66, 0.16),
                     (0.66, 0.36), (0.5, 0.48), (0.3, 0.64), (0.32, 0.86), (0.5, 0.93),
                     (0.7, 0.84), (0.7, 0.64), (0.5, 0.48))],
            # narrow, slanted
            [_slant(_spline((0.62, 0.14), (0.48, 0.08), (0.36, 0.2), (0.42, 0.38), (0.6, 0.55),
                            (0.64, 0.8), (0.48, 0.92), (0.34, 0.8), (0.4, 0.56), (0.56, 0.38),
                            (0.62, 0.22), (0.56, 0.1)), 10)],
        ],
        9: [
            # loop, straight tail
            [_cat(_spline((0.72, 0.2), (0.55, 0.08), (0.34, 0.12), (0.27, 0.28), (0.38, 0.44),
                          (0.58, 0.43), (0.71, 0.28), (0.73, 0.14)),
                  _line((0.73, 0.14), (0.7, 0.92)))],
            # loop, curved tail
            [_cat(_spline((0.72, 0.2), (0.55, 0.08), (0.34, 0.12), (0.27, 0.28), (0.38, 0.44),
                          (0.58, 0.43), (0.71, 0.28), (0.73, 0.14)),
                  _spline((0.73, 0.14), (0.72, 0.5), (0.62, 0.8), (0.42, 0.92)))],
            # two strokes: a closed loop, then the stem
            [_arc(0.5, 0.29, 0.21, 0.2, 0, -365), _line((0.72, 0.1), (0.7, 0.92))],
            # hooked tail
            [_cat(_spline((0.7, 0.24), (0.52, 0.1), (0.32, 0.16), (0.3, 0.36), (0.48, 0.44),
                          (0.68, 0.3)),
                  _spline((0.68, 0.3), (0.7, 0.7), (0.64, 0.9), (0.48, 0.92), (0.38, 0.84)))],
        ],
    }


def _as_strokes(arrays: list[np.ndarray]) -> list[Stroke]:
    return [[(float(x), float(y)) for x, y in np.clip(a, 0.0, 1.0)] for a in arrays]


DIGIT_TEMPLATES: dict[int, list[list[Stroke]]] = {
    digit: [_as_strokes(variant) for variant in variants] for digit, variants in _designs().items()
}

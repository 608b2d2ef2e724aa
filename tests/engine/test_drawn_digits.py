"""Tests for engine.drawn_digits: stroke templates, jitter, rendering, MNIST skeletons, drawn sets.

Shape checks use a small 3-nearest-neighbour classifier on 10,000 MNIST training digits: drawings
are normalised the MNIST way (ink cropped, scaled into 20x20, centred by mass in 28x28) and must
be recognised as their labels about as often as MNIST's own test digits are (~95%).
"""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from engine.drawn_digits import (DIGIT_TEMPLATES, drawn_digit_set, jitter_strokes,
                                 mnist_skeleton_strokes, render_strokes)
from engine.drawn_digits import _thin
from engine.resources import resource_path


@pytest.fixture(scope="module")
def mnist():
    with np.load(resource_path("mnist.npz"), allow_pickle=False) as npz:
        return {key: npz[key] for key in ("x_train", "y_train", "x_test", "y_test")}


@pytest.fixture(scope="module")
def knn(mnist):
    """A 3-NN classifier (cosine similarity) over the first 10,000 MNIST training digits."""
    ref = mnist["x_train"][:10000].reshape(10000, -1).astype(np.float32)
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    ref_labels = mnist["y_train"][:10000]

    def predict(images) -> np.ndarray:
        q = np.stack([_to_mnist(im).ravel() for im in images])
        q /= np.linalg.norm(q, axis=1, keepdims=True)
        nearest = np.argsort(-(q @ ref.T), axis=1)[:, :3]
        return np.array([np.bincount(ref_labels[row], minlength=10).argmax() for row in nearest])

    return predict


def _ink(image: np.ndarray) -> np.ndarray:
    """Ink strength 0..255 of a drawing in any mode or polarity (alpha, or distance from the
    background grey, taken as the median of the border pixels)."""
    a = np.asarray(image, np.float32)
    if a.ndim == 3 and a.shape[2] == 4:
        return a[..., 3]
    grey = a if a.ndim == 2 else a[..., :3].mean(axis=2)
    background = np.median(np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]]))
    return np.abs(grey - background)


def _to_mnist(image: np.ndarray) -> np.ndarray:
    ink = _ink(image)
    ink = ink / ink.max() * 255
    rows, cols = np.nonzero(ink > 40)
    crop = ink[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
    scale = 20 / max(crop.shape)
    size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
    small = np.asarray(Image.fromarray(crop).resize(size, Image.Resampling.BOX))
    r, c = np.indices(small.shape)
    top = int(np.clip(round(14 - (r * small).sum() / small.sum()), 0, 28 - small.shape[0]))
    left = int(np.clip(round(14 - (c * small).sum() / small.sum()), 0, 28 - small.shape[1]))
    out = np.zeros((28, 28), np.float32)
    out[top:top + small.shape[0], left:left + small.shape[1]] = small
    return out


def _all_templates():
    return [(d, v) for d, variants in DIGIT_TEMPLATES.items() for v in variants]


def _extent(strokes) -> tuple[np.ndarray, np.ndarray]:
    pts = np.vstack([np.asarray(s, float) for s in strokes])
    return pts.min(axis=0), pts.max(axis=0)


# ---------------------------------------------------------------- templates

def test_every_digit_has_at_least_four_distinct_variants():
    assert sorted(DIGIT_TEMPLATES) == list(range(10))
    for digit, variants in DIGIT_TEMPLATES.items():
        assert len(variants) >= 4, digit
        shapes = {tuple(np.round(np.vstack(v), 2).ravel()) for v in variants}
        assert len(shapes) == len(variants), f"duplicate variants of {digit}"


def test_template_strokes_are_dense_point_lists_inside_the_unit_box():
    for digit, variant in _all_templates():
        assert sum(len(s) for s in variant) >= 20, digit
        for stroke in variant:
            assert len(stroke) >= 2
            assert all(isinstance(p, tuple) and len(p) == 2 for p in stroke)
            pts = np.asarray(stroke)
            assert pts.min() >= 0.0 and pts.max() <= 1.0, digit
            # smooth curves: no long straight jumps between consecutive points
            assert np.linalg.norm(np.diff(pts, axis=0), axis=1).max() < 0.05, digit


def test_template_proportions_are_like_handwriting():
    for digit, variant in _all_templates():
        lo, hi = _extent(variant)
        width, height = hi - lo
        assert 0.7 <= height <= 0.95, digit
        assert width < height, digit
    widths = [np.ptp(np.vstack(v)[:, 0]) for v in DIGIT_TEMPLATES[1]]
    assert min(widths) < 0.1 and max(widths) < 0.45  # a 1 is narrow, even with a flag


def test_templates_include_one_and_two_stroke_styles():
    for digit in (1, 4, 5, 7, 9):
        assert {1, 2} <= {len(v) for v in DIGIT_TEMPLATES[digit]}, digit
    # a 7 with a crossbar: a second, nearly horizontal stroke around mid-height
    assert any(len(v) == 2 and abs(v[1][0][1] - v[1][-1][1]) < 0.1 and 0.35 < v[1][0][1] < 0.65
               for v in DIGIT_TEMPLATES[7])


def test_templates_read_as_their_digits(knn):
    digits, variants = zip(*_all_templates())
    images = [render_strokes(v, (112, 112), pen_width=10) for v in variants]
    accuracy = (knn(images) == np.array(digits)).mean()
    assert accuracy >= 0.85  # measured 0.98 (a continental 1 with a long flag reads as 7 or 9)


# ---------------------------------------------------------------- render_strokes

BAR = [[(0.5, 0.1), (0.5, 0.9)]]


@pytest.mark.parametrize("mode, shape", [("L", (80, 120)), ("RGB", (80, 120, 3)),
                                         ("RGBA", (80, 120, 4))])
def test_render_shape_and_dtype_per_mode(mode, shape):
    image = render_strokes(BAR, size=(120, 80), mode=mode)
    assert image.shape == shape and image.dtype == np.uint8
    assert image.max() == 255


def test_render_rejects_unknown_mode():
    with pytest.raises(ValueError):
        render_strokes(BAR, mode="P")


def test_render_puts_ink_along_the_stroke_only():
    image = render_strokes(BAR, size=(100, 100), box=(0, 0, 100, 100), pen_width=10)
    assert image[50, 50] == 255 and image[12, 50] == 255 and image[88, 50] == 255
    assert image[2, 50] == 0 and image[98, 50] == 0 and image[50, 80] == 0
    ink_cols = np.flatnonzero(image[50] > 127)
    assert 9 <= len(ink_cols) <= 11 and abs(ink_cols.mean() - 50) < 1
    assert len(set(image[50].tolist())) > 2  # anti-aliased edges, not just 0 and 255


def test_render_maps_the_unit_box_onto_box():
    image = render_strokes([[(0.0, 0.5), (1.0, 0.5)]], size=(100, 100), box=(10, 20, 50, 60),
                           pen_width=4)
    rows, cols = np.nonzero(image > 60)
    assert 7 <= cols.min() <= 9 and 51 <= cols.max() <= 53
    assert 37 <= rows.min() and rows.max() <= 42


def test_render_default_box_is_a_centred_square_keeping_aspect():
    image = render_strokes([[(0.0, 0.0), (1.0, 1.0)]], size=(200, 100), pen_width=2)
    rows, cols = np.nonzero(image > 60)
    # 80% of the shorter side: an 80 px square at x 60..140, y 10..90
    assert abs(cols.min() - 60) <= 2 and abs(cols.max() - 140) <= 2
    assert abs(rows.min() - 10) <= 2 and abs(rows.max() - 90) <= 2


def test_render_respects_polarity_and_grey_levels():
    dark = render_strokes(BAR, size=(100, 100), pen_width=10, ink=0, background=255)
    assert dark[50, 50] == 0 and dark[0, 0] == 255
    grey = render_strokes(BAR, size=(100, 100), pen_width=10, ink=200, background=60)
    assert grey[50, 50] == 200 and grey[0, 0] == 60
    assert grey.min() == 60 and grey.max() == 200
    rgb = render_strokes(BAR, size=(100, 100), pen_width=10, ink=30, background=220, mode="RGB")
    assert (rgb[..., 0] == rgb[..., 1]).all() and rgb[50, 50, 0] == 30 and rgb[0, 0, 2] == 220


def test_render_rgba_has_transparent_background_and_ink_colour():
    image = render_strokes(BAR, size=(100, 100), pen_width=10, ink=40, background=255, mode="RGBA")
    assert (image[..., :3] == 40).all()
    assert image[0, 0, 3] == 0 and image[50, 50, 3] == 255
    assert (image[:, :30, 3] == 0).all()


def test_render_one_pixel_pen_still_draws_visible_ink():
    image = render_strokes([[(0.1, 0.1), (0.9, 0.8)]], size=(200, 200), box=(0, 0, 200, 200),
                           pen_width=1)
    rows = range(30, 150)
    assert all(image[r].max() >= 100 for r in rows)
    per_row = image[30:150].sum(axis=1) / 255  # about one pixel's worth of ink per row
    assert 0.8 < per_row.mean() < 2.0


def test_render_pen_is_round_and_as_wide_as_asked():
    dot = render_strokes([[(0.5, 0.5), (0.5, 0.5)]], size=(100, 100), box=(0, 0, 100, 100),
                         pen_width=20)
    assert abs(dot.sum() / 255 - np.pi * 10 ** 2) < 0.06 * np.pi * 10 ** 2
    rows, cols = np.nonzero(dot > 127)
    assert abs(np.ptp(rows) - np.ptp(cols)) <= 1 and 18 <= np.ptp(rows) <= 21
    thin = render_strokes(BAR, size=(100, 100), pen_width=5).sum()
    thick = render_strokes(BAR, size=(100, 100), pen_width=15).sum()
    assert 2.5 < thick / thin < 3.5


# ---------------------------------------------------------------- jitter_strokes

def test_jitter_is_deterministic_per_seed():
    strokes = DIGIT_TEMPLATES[4][0]
    a = jitter_strokes(strokes, np.random.default_rng(3))
    b = jitter_strokes(strokes, np.random.default_rng(3))
    c = jitter_strokes(strokes, np.random.default_rng(4))
    assert a == b and a != c


def test_jitter_moves_points_but_keeps_the_structure():
    for digit, variant in _all_templates():
        out = jitter_strokes(variant, np.random.default_rng(digit))
        assert [len(s) for s in out] == [len(s) for s in variant]
        moved = np.linalg.norm(np.vstack(out) - np.vstack(variant), axis=1).mean()
        assert 0.003 < moved < 0.2, digit


def test_jitter_stays_in_the_unit_box():
    full = [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]]
    for k, (digit, variant) in enumerate(_all_templates() + [(-1, full)]):
        for amount in (1.0, 2.0):
            pts = np.vstack(jitter_strokes(variant, np.random.default_rng(k), amount))
            assert pts.min() >= 0.0 and pts.max() <= 1.0, digit


def test_jitter_amount_zero_keeps_the_shape():
    variant = DIGIT_TEMPLATES[8][0]
    out = jitter_strokes(variant, np.random.default_rng(0), amount=0.0)
    assert np.allclose(np.vstack(out), np.vstack(variant), atol=1e-9)


def test_jitter_scales_and_rotates_within_the_spec():
    square = [[(0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7), (0.3, 0.3)]]
    ratios, tilts = [], []
    for seed in range(200):
        pts = np.asarray(jitter_strokes(square, np.random.default_rng(seed))[0])
        ratios.append(np.ptp(pts[:, 0]) / 0.4)
        top_edge = pts[1] - pts[0]
        tilts.append(np.degrees(np.arctan2(top_edge[1], top_edge[0])))
    # x scale 0.8-1.2, widened by shear (0.25) and rotation, give or take the wobble
    assert 0.6 < min(ratios) < 0.9 and 1.1 < max(ratios) < 1.8
    # rotation up to 12 degrees, give or take the wobble's bend over the edge
    assert 5 < max(np.abs(tilts)) < 25


def test_jitter_wobble_bends_straight_strokes_smoothly():
    line = [[(x, 0.5) for x in np.linspace(0.2, 0.8, 61)]]
    bends = []
    for seed in range(20):
        pts = np.asarray(jitter_strokes(line, np.random.default_rng(seed))[0])
        chord = pts[-1] - pts[0]
        normal = np.array([-chord[1], chord[0]]) / np.hypot(*chord)
        off_line = (pts - pts[0]) @ normal  # an affine map alone keeps this at 0
        assert np.abs(np.diff(off_line, 2)).max() < 0.001  # low-frequency: no kinks
        bends.append(np.abs(off_line).max())
    assert 0.003 < np.median(bends) < 0.05


# ---------------------------------------------------------------- mnist_skeleton_strokes

def _redraw_like(strokes, digit: np.ndarray, pen: float = 2.5) -> np.ndarray:
    """Redraw strokes at 28x28 with the digit's ink extent (minus the pen) and centre of mass."""
    rows, cols = np.nonzero(digit > 30)
    side = max(np.ptp(rows), np.ptp(cols)) + 1 - pen - 0.5
    image = render_strokes(strokes, (28, 28), box=(14 - side / 2, 14 - side / 2, 14 + side / 2,
                                                   14 + side / 2), pen_width=pen).astype(np.float32)

    def centre(a):
        r, c = np.indices(a.shape)
        return (r * a).sum() / a.sum(), (c * a).sum() / a.sum()

    (r0, c0), (r1, c1) = centre(image), centre(digit.astype(np.float32))
    shifted = Image.fromarray(image).transform((28, 28), Image.Transform.AFFINE,
                                               (1, 0, c0 - c1, 0, 1, r0 - r1),
                                               Image.Resampling.BILINEAR)
    return np.asarray(shifted)


def test_skeleton_strokes_redraw_like_the_mnist_digit(mnist):
    digits = mnist["x_test"][:200]
    corr = []
    for digit in digits:
        strokes = mnist_skeleton_strokes(digit)
        assert strokes and all(len(s) >= 2 for s in strokes)
        pts = np.vstack(strokes)
        assert pts.min() >= 0.0 and pts.max() <= 1.0
        corr.append(np.corrcoef(_redraw_like(strokes, digit).ravel(), digit.ravel())[0, 1])
    corr = np.array(corr)
    assert corr.mean() > 0.82  # measured 0.886
    assert (corr > 0.7).mean() > 0.9


def test_thinning_leaves_a_one_pixel_wide_skeleton(mnist):
    bar = np.zeros((50, 40), bool)
    bar[10:40, 15:24] = True
    skeleton = _thin(bar)
    assert (skeleton <= bar).all()
    assert all(skeleton[r].sum() == 1 for r in range(15, 35))
    for digit in mnist["x_test"][:30]:
        big = np.asarray(Image.fromarray(digit).resize((112, 112), Image.Resampling.BILINEAR)) > 110
        skeleton = _thin(big)
        assert (skeleton <= big).all() and skeleton.sum() < 0.4 * big.sum()
        blocks = skeleton[:-1, :-1] & skeleton[1:, :-1] & skeleton[:-1, 1:] & skeleton[1:, 1:]
        assert not blocks.any()


def test_skeleton_of_a_thick_bar_is_one_centred_stroke():
    image = np.zeros((28, 28), np.uint8)
    image[4:24, 12:16] = 255
    strokes = mnist_skeleton_strokes(image)
    assert len(strokes) == 1
    pts = np.asarray(strokes[0])
    assert np.abs(pts[:, 0] - 0.5).max() < 0.05  # aspect kept: a tall shape is centred in x
    assert pts[:, 1].min() < 0.02 and pts[:, 1].max() > 0.98


def test_skeleton_of_a_ring_is_a_closed_stroke():
    r, c = np.indices((28, 28))
    radius = np.hypot(r - 14, c - 14)
    image = ((radius > 6) & (radius < 9.5)).astype(np.uint8) * 255
    strokes = mnist_skeleton_strokes(image)
    assert len(strokes) == 1
    pts = np.asarray(strokes[0])
    assert np.allclose(pts[0], pts[-1], atol=0.02) and len(pts) > 20
    assert np.abs(np.hypot(pts[:, 0] - 0.5, pts[:, 1] - 0.5) - 0.5).max() < 0.08


def test_skeleton_does_not_trace_a_slit_inside_a_stroke_as_a_loop():
    image = np.zeros((28, 28), np.uint8)
    image[4:24, 11:18] = 255
    image[9:19, 14] = 60  # a faint gap inside a thick stroke, as where two strokes overlap
    strokes = mnist_skeleton_strokes(image)
    assert len(strokes) == 1 and np.ptp(np.asarray(strokes[0])[:, 0]) < 0.05


def test_skeleton_goes_straight_through_a_crossing():
    image = np.zeros((28, 28), np.uint8)
    image[13:16, 4:24] = 255
    image[4:24, 13:16] = 255
    strokes = [np.asarray(s) for s in mnist_skeleton_strokes(image)]
    assert len(strokes) == 2
    vertical, horizontal = strokes  # the topmost free end starts the first stroke
    assert np.ptp(vertical[:, 0]) < 0.05 and np.ptp(vertical[:, 1]) > 0.95
    assert np.ptp(horizontal[:, 1]) < 0.05 and np.ptp(horizontal[:, 0]) > 0.95


def test_skeleton_of_a_blank_image_is_empty():
    assert mnist_skeleton_strokes(np.zeros((28, 28), np.uint8)) == []


def test_skeleton_chains_a_crossed_seven_into_two_strokes():
    crossed = render_strokes(DIGIT_TEMPLATES[7][1], (28, 28), box=(4, 4, 24, 24), pen_width=2.5)
    strokes = mnist_skeleton_strokes(crossed)
    assert len(strokes) == 2
    # the first stroke starts at the top left, as people write a 7
    assert strokes[0][0][0] < 0.35 and strokes[0][0][1] < 0.15


# ---------------------------------------------------------------- drawn_digit_set

def test_drawn_set_is_deterministic_per_seed():
    a, la = drawn_digit_set(12, seed=5)
    b, lb = drawn_digit_set(12, seed=5)
    c, lc = drawn_digit_set(12, seed=6)
    assert (la == lb).all() and all(x.shape == y.shape and (x == y).all() for x, y in zip(a, b))
    assert not ((la == lc).all() and all(x.shape == y.shape and (x == y).all()
                                         for x, y in zip(a, c)))


def test_drawn_set_labels_are_balanced_for_templates():
    images, labels = drawn_digit_set(50, seed=1)
    assert len(images) == len(labels) == 50 and labels.dtype == np.int64
    assert (np.bincount(labels, minlength=10) == 5).all()


def test_drawn_set_varies_like_real_users():
    images, _ = drawn_digit_set(300, seed=2)
    shapes = [im.shape[:2] for im in images]
    assert min(min(s) for s in shapes) >= 64 and max(max(s) for s in shapes) <= 800
    assert len(set(shapes)) > 100 and sum(h != w for h, w in shapes) > 30
    assert sum(max(s) > 400 for s in shapes) > 20 and sum(max(s) < 150 for s in shapes) > 50
    modes = [1 if im.ndim == 2 else im.shape[2] for im in images]
    assert {modes.count(m) > 30 for m in (1, 3, 4)} == {True}
    for im in images:
        if im.ndim == 3 and im.shape[2] == 4:
            assert im[0, 0, 3] < 10 or im[-1, -1, 3] < 10  # transparent background
    opaque = [im if im.ndim == 2 else im[..., 0] for im in images
              if im.ndim == 2 or im.shape[2] == 3]
    backgrounds = np.array([np.median(np.r_[g[0], g[-1]]) for g in opaque])
    assert (backgrounds > 128).sum() > 40 and (backgrounds < 128).sum() > 40
    assert ((backgrounds != 0) & (backgrounds != 255)).sum() > 20  # not always pure levels
    heights, fill = [], []
    for im in images:
        ink = _ink(im) > 0.5 * _ink(im).max()
        rows, cols = np.nonzero(ink)
        heights.append((np.ptp(rows) + 1) / im.shape[0])
        fill.append(ink.sum() / ((np.ptp(rows) + 1) * (np.ptp(cols) + 1)))
    heights = np.array(heights)
    assert heights.min() > 0.12 and heights.max() <= 1.0
    assert (heights < 0.4).sum() > 30 and (heights > 0.8).sum() > 30
    assert min(fill) < 0.1 and max(fill) > 0.4  # hairline pens and fat markers


@pytest.mark.parametrize("source", ["templates", "mnist"])
def test_drawn_set_images_read_as_their_labels(source, mnist, knn):
    images, labels = drawn_digit_set(200, seed=11, source=source, mnist_images=mnist["x_test"]
                                     if source == "mnist" else None,
                                     mnist_labels=mnist["y_test"] if source == "mnist" else None)
    assert (knn(images) == labels).mean() > 0.8  # measured 0.88-0.95 over seeds (MNIST: 0.95)


def test_drawn_set_from_mnist_keeps_the_given_labels(mnist):
    x, y = mnist["x_test"][:30], mnist["y_test"][:30]
    images, labels = drawn_digit_set(30, seed=0, source="mnist", mnist_images=x, mnist_labels=y)
    assert len(images) == 30 and sorted(labels.tolist()) == sorted(y.tolist())
    images, labels = drawn_digit_set(70, seed=0, source="mnist", mnist_images=x, mnist_labels=y)
    assert len(images) == 70 and set(labels.tolist()) == set(y.tolist())


def test_drawn_set_defaults_to_the_shipped_mnist_test_split():
    images, labels = drawn_digit_set(5, seed=0, source="mnist")
    assert len(images) == 5 and labels.min() >= 0 and labels.max() <= 9


def test_drawn_set_rejects_bad_arguments(mnist):
    with pytest.raises(ValueError):
        drawn_digit_set(3, source="fonts")
    with pytest.raises(ValueError):
        drawn_digit_set(3, source="mnist", mnist_images=mnist["x_test"][:5])

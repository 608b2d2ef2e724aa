"""Tests for engine.non_digits: synthetic non-digit drawings for training and testing rejection."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from engine import non_digits
from engine.non_digits import (KINDS, LETTERS, held_out_non_digits, non_digit_strokes,
                               render_non_digits)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_family_draws_in_the_unit_box_and_renders(kind):
    rng = np.random.default_rng(7)
    for _ in range(8):
        strokes = non_digit_strokes(rng, kind)
        assert strokes and all(s.ndim == 2 and s.shape[1] == 2 and len(s) for s in strokes)
        pts = np.vstack(strokes)
        assert np.isfinite(pts).all()
        assert pts.min() >= -0.05 and pts.max() <= 1.05
    x, kinds = render_non_digits(6, np.random.default_rng(1), kinds=[kind])
    assert len(x) >= 3 and kinds == [kind] * len(x)
    assert x.dtype == np.uint8 and x.shape[1:] == (28, 28)
    assert all(img.max() > 128 for img in x)


def test_strokes_are_deterministic_for_a_seed():
    for kind in [None, *KINDS]:
        a = non_digit_strokes(np.random.default_rng(3), kind)
        b = non_digit_strokes(np.random.default_rng(3), kind)
        assert len(a) == len(b) and all(np.array_equal(p, q) for p, q in zip(a, b))


def test_random_kind_and_unknown_kind():
    rng = np.random.default_rng(0)
    assert all(non_digit_strokes(rng) for _ in range(20))
    with pytest.raises(ValueError):
        non_digit_strokes(rng, "digit")
    with pytest.raises(ValueError):
        render_non_digits(2, rng, kinds=["nope"])


def test_render_counts_balance_and_determinism():
    n = 40
    x, kinds, kept = render_non_digits(n, np.random.default_rng(5), return_kept=True)
    assert kept.shape == (n,) and len(x) == len(kinds) == kept.sum()
    assert n - kept.sum() <= n // 5  # few dropped, and they are reported by the mask
    # balanced: every family 4 times before dropping
    counts = Counter(kinds)
    assert set(counts) <= set(KINDS) and all(counts[k] <= n // len(KINDS) for k in KINDS)
    assert len(counts) >= len(KINDS) - 1
    x2, kinds2 = render_non_digits(n, np.random.default_rng(5))
    assert np.array_equal(x, x2) and kinds == kinds2
    x3, _ = render_non_digits(n, np.random.default_rng(6))
    assert not np.array_equal(x[:5], x3[:5])


def test_kept_ones_are_not_narrow_like_a_one():
    x, _ = render_non_digits(30, np.random.default_rng(11))
    assert not any(non_digits._narrow(img / 255.0) for img in x)


def test_held_out_set_is_fixed():
    x, kinds = held_out_non_digits(30)
    x2, kinds2 = held_out_non_digits(30)
    assert np.array_equal(x, x2) and kinds == kinds2
    assert not x.flags.writeable
    non_digits._held_out.cache_clear()
    x3, kinds3 = held_out_non_digits(30)
    assert np.array_equal(x, x3) and kinds == kinds3
    ref, ref_kinds = render_non_digits(30, np.random.default_rng(non_digits.HELD_OUT_SEED))
    assert np.array_equal(x, ref) and kinds == ref_kinds


def test_letters_avoid_digit_look_alikes():
    forbidden = set("OoDQIlijZzSsGbTtLJBgqPaeCUVcuv")
    assert not forbidden & set(LETTERS)

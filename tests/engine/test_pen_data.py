"""Tests for engine.pen_data: parsing the shipped pendigits file, writer splits, rendering."""
from __future__ import annotations

import gzip
from collections import Counter

import numpy as np
import pytest

from engine import pen_data
from engine.pen_data import (VALIDATION_WRITERS, PenDigit, load_pen_digits, render_pen_digits,
                             rendered_pen_split, writer_split)


@pytest.fixture(scope="module")
def digits() -> list[PenDigit]:
    return load_pen_digits()


def _unipen(samples) -> str:
    """Write (label, writer, index, strokes-in-unit-box) samples back as pendigits text."""
    lines = [".INCLUDE dene.doc", '.LEXICON "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"', ""]
    for label, writer, index, strokes in samples:
        lines += [f'.SEGMENT DIGIT    0 ? "{label}"', f".COMMENT {label} {writer}  {index}"]
        for s in strokes:
            lines.append(".PEN_DOWN")
            lines += [f" {round(100 + 300 * x)}  {round(400 - 300 * y)}" for x, y in s]
            lines += [".PEN_UP", ".DT 100"]
        lines.append("")
    return "\n".join(lines) + "\n"


def test_shipped_file_has_7494_digits_by_30_writers(digits):
    assert len(digits) == 7494
    assert sorted({d.writer for d in digits}) == list(range(1, 31))
    per_label = Counter(d.label for d in digits)
    assert sorted(per_label) == list(range(10))
    assert min(per_label.values()) >= 700 and max(per_label.values()) <= 800
    assert all(200 <= n <= 260 for n in Counter(d.writer for d in digits).values())


def test_strokes_are_float32_points_in_the_unit_box_with_the_aspect_kept(digits):
    for d in digits[::97]:
        assert 1 <= len(d.strokes) <= 5
        pts = np.vstack(d.strokes)
        assert all(s.dtype == np.float32 and s.ndim == 2 and s.shape[1] == 2 for s in d.strokes)
        assert pts.min() >= -1e-6 and pts.max() <= 1 + 1e-6
        extent = pts.max(axis=0) - pts.min(axis=0)
        assert extent.max() == pytest.approx(1.0, abs=1e-5)  # the longer side spans the box
        centre = (pts.max(axis=0) + pts.min(axis=0)) / 2
        assert np.allclose(centre, 0.5, atol=1e-5)  # the shorter side is centred
    with pytest.raises(ValueError):
        digits[0].strokes[0][0, 0] = 0.5  # the cached parse cannot be changed by a caller


def test_first_sample_matches_the_file_with_y_flipped(digits):
    first = digits[0]  # .SEGMENT DIGIT 0 ? "8" / .COMMENT 8 12 224, first points (267,333), (267,336)
    assert (first.label, first.writer, first.index) == (8, 12, 224)
    a = first.strokes[0]
    assert a[0, 0] == pytest.approx(a[1, 0])
    assert a[1, 1] < a[0, 1]  # the tablet's y went up by 3, so the screen's y goes down


def test_a_seven_starts_with_its_bar_at_the_top(digits):
    sevens = [d for d in digits if d.label == 7]
    tops = [float(d.strokes[0][:3, 1].mean()) for d in sevens]
    assert np.median(tops) < 0.2  # y grows downwards: the bar is drawn first, near y = 0
    bottoms = [float(np.vstack(d.strokes)[:, 1].max()) for d in sevens]
    assert np.median(bottoms) > 0.9  # and the stem reaches the bottom


def test_the_parse_is_cached(digits):
    again = load_pen_digits()
    assert again is not digits and again[0] is digits[0]  # a new list of the same records


def test_writer_split_keeps_every_writer_on_one_side(digits):
    assert len(VALIDATION_WRITERS) == 15 and set(VALIDATION_WRITERS) <= set(range(1, 31))
    train, val = writer_split(digits, VALIDATION_WRITERS)
    assert len(train) + len(val) == len(digits)
    assert {d.writer for d in val} == set(VALIDATION_WRITERS)
    assert not {d.writer for d in train} & {d.writer for d in val}
    assert 3500 < len(val) < 4000
    assert {id(d) for d in train} | {id(d) for d in val} == {id(d) for d in digits}
    train2, val2 = writer_split(digits, (1,))
    assert {d.writer for d in val2} == {1} and len(train2) == len(digits) - len(val2)


def test_rendering_gives_mnist_layout_images_deterministically(digits):
    some = digits[:40:4]
    x, y = render_pen_digits(some, np.random.default_rng(7))
    assert x.shape == (10, 28, 28) and x.dtype == np.uint8
    assert y.dtype == np.uint8 and y.tolist() == [d.label for d in some]
    assert all(im.max() == 255 for im in x)  # ink, at full scale
    assert all(im[0].max() == 0 and im[:, 0].max() == 0 for im in x)  # white on black, margin
    x2, y2 = render_pen_digits(some, np.random.default_rng(7))
    assert np.array_equal(x, x2) and np.array_equal(y, y2)
    x3, _ = render_pen_digits(some, np.random.default_rng(8))
    assert not np.array_equal(x, x3)


def test_digits_without_a_digit_are_dropped_and_reported():
    dot = PenDigit(3, 1, 0, (np.array([[0.5, 0.5], [0.5, 0.5]], np.float32),))
    line = PenDigit(1, 1, 1, (np.array([[0.5, 0.0], [0.5, 1.0]], np.float32),))
    x, y, kept = render_pen_digits([dot, line, dot], np.random.default_rng(0), return_kept=True)
    assert kept.tolist() == [False, True, False]
    assert x.shape == (1, 28, 28) and y.tolist() == [1]


def test_a_file_of_another_format_raises_a_clear_value_error(tmp_path):
    other = tmp_path / "notes.tra"
    other.write_text("hello\n1 2\n3 4\n")
    with pytest.raises(ValueError, match="not a pendigits"):
        load_pen_digits(other)
    binary = tmp_path / "random.tra"
    binary.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(ValueError, match="not a pendigits"):
        load_pen_digits(binary)
    broken_gz = tmp_path / "broken.tra.gz"
    broken_gz.write_bytes(gzip.compress(b".SEGMENT DIGIT 0 ? \"1\"\n" * 100)[:30])
    with pytest.raises(ValueError, match="gzip"):
        load_pen_digits(broken_gz)
    all_bad = tmp_path / "all-bad.tra"
    all_bad.write_text('.SEGMENT DIGIT 0 ? "4"\n.PEN_DOWN\n 1 x\n')
    with pytest.raises(ValueError, match="none of its 1"):
        load_pen_digits(all_bad)
    with pytest.raises(FileNotFoundError):
        load_pen_digits(tmp_path / "missing.tra")


def test_malformed_samples_are_skipped_and_gzip_is_read(tmp_path, digits):
    good = [(d.label, d.writer, d.index, d.strokes) for d in digits[:3]]
    text = _unipen(good[:1])
    text += '.SEGMENT DIGIT 0 ? "5"\n.COMMENT 5 2 9\n.PEN_DOWN\n 10 20\n 11 zz\n.PEN_UP\n'  # bad point
    text += '.SEGMENT DIGIT 0 ? "6"\n.COMMENT 6 2 10\n.PEN_DOWN\n 10 20\n 30 40\n'  # no PEN_UP...
    text += '.SEGMENT DIGIT 0 ? "7"\n.COMMENT 3 2 11\n.PEN_DOWN\n 10 20\n 30 40\n.PEN_UP\n'  # 7 or 3?
    text += '.SEGMENT DIGIT 0 ? "2"\n.PEN_DOWN\n 10 20\n 30 40\n.PEN_UP\n'  # no .COMMENT
    text += '.SEGMENT DIGIT 0 ? "0"\n.COMMENT 0 2 12\n.PEN_DOWN\n 10 20\n 10 20\n.PEN_UP\n'  # a dot
    text += _unipen(good[1:])
    path = tmp_path / "mixed.tra.gz"
    path.write_bytes(gzip.compress(text.encode()))
    parsed = load_pen_digits(path)
    assert [(d.label, d.writer, d.index) for d in parsed] == [g[:3] for g in good]
    for d, (_, _, _, strokes) in zip(parsed, good):
        assert len(d.strokes) == len(strokes)
        # coordinates were rounded to tablet units (1/300 of the box) on the way out
        assert all(np.allclose(a, b, atol=0.01) for a, b in zip(d.strokes, strokes))


def test_rendered_split_is_by_writer_and_cached(tmp_path, digits, monkeypatch):
    picked = [d for w in (1, 2, 5) for d in [x for x in digits if x.writer == w][:4]]
    data = tmp_path / "small.tra"
    data.write_text(_unipen([(d.label, d.writer, d.index, d.strokes) for d in picked]))
    cache = tmp_path / "cache"
    x_tr, y_tr, x_va, y_va = rendered_pen_split(seed=3, validation_writers=(5,), path=data,
                                                cache_dir=cache)
    assert x_tr.shape == (8, 28, 28) and x_va.shape == (4, 28, 28) and x_tr.dtype == np.uint8
    assert y_va.tolist() == [d.label for d in picked if d.writer == 5]
    assert len(list(cache.glob("*.npz"))) == 1

    def no_rendering(*args, **kwargs):
        raise AssertionError("the cached split should have been used")

    monkeypatch.setattr(pen_data, "render_pen_digits", no_rendering)
    again = rendered_pen_split(seed=3, validation_writers=(5,), path=data, cache_dir=cache)
    assert all(np.array_equal(a, b) for a, b in zip(again, (x_tr, y_tr, x_va, y_va)))
    with pytest.raises(AssertionError, match="cached split"):  # another seed is another key
        rendered_pen_split(seed=4, validation_writers=(5,), path=data, cache_dir=cache)
    monkeypatch.undo()
    next(cache.glob("*.npz")).write_bytes(b"not an npz")  # a corrupt cache is rendered again
    fresh = rendered_pen_split(seed=3, validation_writers=(5,), path=data, cache_dir=cache)
    assert all(np.array_equal(a, b) for a, b in zip(fresh, (x_tr, y_tr, x_va, y_va)))
    uncached = rendered_pen_split(seed=3, validation_writers=(5,), path=data, use_cache=False)
    assert all(np.array_equal(a, b) for a, b in zip(uncached, (x_tr, y_tr, x_va, y_va)))

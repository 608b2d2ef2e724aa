"""Number mode (engine.numbers): digit groups by the ink's components — a two-stroke 4, 5 or 7
stays one digit, touching digits are split with the network's help, dots and specks are ignored —
and a single digit reads exactly as in digit mode."""
import numpy as np
import pytest

from engine import catalogue
from engine.calibration import NOT_A_DIGIT
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes
from engine.non_digits import grid
from engine.numbers import EMPTY, DigitReading, NumberReading, read_number, segment

HEIGHT, PEN, MARGIN = 160, 14, 30


@pytest.fixture(scope="module")
def predictor():
    return catalogue.load("cnn", backend="numpy").predictor


def place(items, height=HEIGHT, pen=PEN, margin=MARGIN, dark=True):
    """Strokes (unit box) placed left to right, each scaled to ``height`` and put ``gap`` pixels
    after the previous one's ink box (negative: overlapping). Returns the image and each item's
    ink box (x0, x1) in pixels."""
    out, x, spans = [], float(margin), []
    for strokes, gap in items:
        pts = np.vstack([np.asarray(s, float) for s in strokes])
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        scale = (height - pen) / (hi[1] - lo[1])
        x += gap
        out += [(np.asarray(s, float) - lo) * scale + (x + pen / 2, margin + pen / 2) for s in strokes]
        width = (hi[0] - lo[0]) * scale + pen
        spans.append((x, x + width))
        x += width
    image = render_strokes(out, size=(int(x + margin), height + 2 * margin), box=(0, 0, 1, 1), pen_width=pen,
                           ink=0 if dark else 255, background=255 if dark else 0)
    return image, spans


def digits(text, gap=40, variant=0):
    return [(DIGIT_TEMPLATES[int(c)][variant % len(DIGIT_TEMPLATES[int(c)])], 0 if i == 0 else gap)
            for i, c in enumerate(text)]


def test_a_written_year_reads_as_the_number(predictor):
    image, spans = place(digits("2026"))
    reading = read_number(image, predictor)
    assert reading.number == "2026" and reading.reason is None
    assert [d.digit for d in reading.digits] == [2, 0, 2, 6]
    assert all(isinstance(d, DigitReading) and d.is_digit and d.confidence > 0.5 for d in reading.digits)


def test_boxes_are_in_image_pixels_left_to_right(predictor):
    image, spans = place(digits("2026"), dark=False)   # light ink on dark: either polarity
    boxes = segment(image)
    assert boxes == [d.box for d in read_number(image, predictor).digits]
    assert len(boxes) == 4
    assert [b[0] for b in boxes] == sorted(b[0] for b in boxes)
    for (x, y, w, h), (x0, x1) in zip(boxes, spans):
        assert abs(x - x0) <= 2 and abs(x + w - x1) <= 2          # the ink box of each digit
        assert abs(y - MARGIN) <= 2 and abs(h - HEIGHT) <= 3
    # a big image is segmented on a pooled copy; its boxes are still in its own pixels
    big = np.kron(image, np.ones((4, 4), np.uint8))
    for (x, y, w, h), (bx, by, bw, bh) in zip(boxes, segment(big)):
        assert abs(bx - 4 * x) <= 8 and abs(by - 4 * y) <= 8 and abs(bw - 4 * w) <= 12 and abs(bh - 4 * h) <= 12


@pytest.mark.parametrize("digit", [4, 5, 7])
def test_a_two_stroke_digit_stays_one_digit(predictor, digit):
    variants = [t for t in DIGIT_TEMPLATES[digit] if len(t) >= 2]
    assert variants, f"no two-stroke template of {digit}"
    for template in variants:
        image, _ = place([(template, 0)])
        assert len(segment(image)) == 1
        reading = read_number(image, predictor)
        assert reading.number == str(digit)
        # ... also between other digits
        image, _ = place([(DIGIT_TEMPLATES[1][0], 0), (template, 40), (DIGIT_TEMPLATES[3][0], 40)])
        assert len(segment(image)) == 3
        assert read_number(image, predictor).number == f"1{digit}3"


@pytest.mark.parametrize("pair", ["23", "40", "57"])
def test_two_touching_digits_are_split_and_read(predictor, pair):
    image, spans = place(digits(pair, gap=-16))
    assert len(segment(image)) == 1          # one piece of ink ...
    reading = read_number(image, predictor)
    assert reading.number == pair            # ... read as two digits
    (ax, _, aw, _), (bx, _, bw, _) = (d.box for d in reading.digits)
    assert ax < bx and ax + aw <= bx + bw


def test_dots_and_specks_are_ignored(predictor):
    image, spans = place(digits("2026", gap=50))
    clean = read_number(image, predictor)
    dotted = image.copy()
    between = int((spans[1][1] + spans[2][0]) / 2)
    base = MARGIN + HEIGHT - PEN
    dotted[base:base + PEN, between - PEN // 2:between + PEN // 2] = 0          # a full stop
    for y, x in ((8, 8), (MARGIN + 60, int(spans[0][1]) + 12), (HEIGHT + MARGIN + 10, between + 30)):
        dotted[y:y + 3, x:x + 3] = 0                                           # specks
    assert len(segment(dotted)) == 4
    reading = read_number(dotted, predictor)
    assert reading.number == "2026"
    assert [d.box for d in reading.digits] == [d.box for d in clean.digits]


@pytest.mark.parametrize("image", [np.zeros((200, 500), np.uint8), np.full((200, 500), 255, np.uint8),
                                   np.zeros((0, 0), np.uint8)], ids=["black", "white", "no pixels"])
def test_an_empty_image_has_no_number(predictor, image):
    reading = read_number(image, predictor)
    assert reading == NumberReading((), EMPTY)
    assert reading.reason == "empty" and reading.number is None
    assert segment(image) == []


def test_a_scribble_is_marked_not_a_digit(predictor):
    scribble = grid(np.random.default_rng(3))
    image, _ = place([(DIGIT_TEMPLATES[2][0], 0), (scribble, 60), (DIGIT_TEMPLATES[7][0], 60)])
    reading = read_number(image, predictor)
    assert reading.number is None and reading.reason == NOT_A_DIGIT
    assert [d.is_digit for d in reading.digits] == [True, False, True]
    marked = reading.digits[1]
    assert marked.digit is None and marked.prediction is not None and not marked.prediction.is_digit
    assert [d.digit for d in reading.digits] == [2, None, 7]


@pytest.mark.parametrize("digit", range(10))
def test_a_single_digit_reads_exactly_as_in_digit_mode(predictor, digit):
    image, _ = place([(DIGIT_TEMPLATES[digit][0], 0)], margin=60)
    reading = read_number(image, predictor)
    alone = predictor.recognise(image)
    assert len(reading.digits) == 1
    got = reading.digits[0].prediction
    assert np.array_equal(got.probabilities, alone.probabilities)
    assert np.array_equal(got.image, alone.image) and got.reason == alone.reason
    assert reading.number == (str(alone.digit) if alone.is_digit else None)

"""Tests for engine.preprocess: MNIST-style normalisation of any digit image, and image loading."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from engine import preprocess
from engine.preprocess import ImageReadError, load_image, preprocess_digit

MNIST_PATH = Path(__file__).resolve().parents[2] / "resources" / "mnist.npz"

# Digit-like polylines in unit coordinates (x right, y down).
ARC = np.linspace(0.15 * math.pi, 1.25 * math.pi, 14)
TWO = [(0.5 - 0.4 * math.cos(t), 0.3 - 0.3 * math.sin(t)) for t in ARC]
TWO += [(0.08, 1.0), (0.95, 1.0)]
SEVEN = [(0.1, 0.0), (0.9, 0.0), (0.35, 1.0)]


def draw(shape=TWO, size=(400, 400), box=(80, 60, 240, 300), pen=12, ink=255, paper=0) -> np.ndarray:
    """Draw a polyline digit with a round pen into box (x0, y0, x1, y1) of a gray canvas."""
    img = Image.new("L", size, paper)
    canvas = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    pts = [(x0 + (x1 - x0) * u, y0 + (y1 - y0) * v) for u, v in shape]
    canvas.line(pts, fill=ink, width=pen, joint="curve")
    r = (pen - 1) / 2
    if pen > 2:
        for x, y in (pts[0], pts[-1]):
            canvas.ellipse([x - r, y - r, x + r, y + r], fill=ink)
    return np.asarray(img)


def corr(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def stroke_width(out: np.ndarray) -> float:
    """Width in output pixels of a 28x28 image: 2 * area / perimeter of its >= 0.5 level set,
    traced at 4x (bilinear) with a perimeter counted along rows, columns and diagonals."""
    big = np.asarray(Image.fromarray(out.astype(np.float32)).resize((112, 112), Image.Resampling.BILINEAR))
    m = np.pad(big >= 0.5, 1)
    straight = np.count_nonzero(m[1:] != m[:-1]) + np.count_nonzero(m[:, 1:] != m[:, :-1])
    diagonal = np.count_nonzero(m[1:, 1:] != m[:-1, :-1]) + np.count_nonzero(m[1:, :-1] != m[:-1, 1:])
    perimeter = math.pi / 8 * (straight + diagonal / math.sqrt(2))
    return 2.0 * np.count_nonzero(m) / perimeter / 4


def com(out: np.ndarray) -> tuple[float, float]:
    ys, xs = np.mgrid[: out.shape[0], : out.shape[1]]
    return float((out * ys).sum() / out.sum()), float((out * xs).sum() / out.sum())


def long_side(out: np.ndarray, level: float = 0.3) -> int:
    rows = np.flatnonzero((out >= level).any(axis=1))
    cols = np.flatnonzero((out >= level).any(axis=0))
    return max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1)


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return preprocess_digit(draw())


@pytest.fixture(scope="module")
def mnist() -> tuple[np.ndarray, np.ndarray]:
    if not MNIST_PATH.exists():
        pytest.skip(f"MNIST not found at {MNIST_PATH}")
    with np.load(MNIST_PATH, allow_pickle=False) as data:
        return data["x_test"][:300].copy(), data["x_train"][:300].copy()


# --- output contract -------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [TWO, SEVEN], ids=["two", "seven"])
@pytest.mark.parametrize("pen", [1, 12, 40])
def test_output_is_mnist_shaped(shape, pen):
    out = preprocess_digit(draw(shape, pen=pen))
    assert out.dtype == np.float32 and out.shape == (28, 28)
    assert out.min() >= 0.0 and out.max() == pytest.approx(1.0)
    cy, cx = com(out)
    assert abs(cy - 14) < 0.5 and abs(cx - 14) < 0.5
    assert 19 <= long_side(out) <= 21


def test_off_centre_mass_never_cuts_ink():
    img = Image.new("L", (300, 300))
    canvas = ImageDraw.Draw(img)
    canvas.line([(150, 20), (150, 280)], fill=255, width=8)
    canvas.rectangle([60, 250, 240, 280], fill=255)  # heavy foot: the mass sits near the bottom
    out = preprocess_digit(np.asarray(img))
    rows = np.flatnonzero(out.max(axis=1) > 0.05)
    assert rows[0] == 0  # pushed up as far as it goes toward centring the mass ...
    assert 19 <= rows[-1] - rows[0] + 1 <= 21  # ... but nothing cut off
    assert com(out)[0] > 14.2  # so the centre of mass stays below the centre


def test_keeps_aspect_ratio():
    tall = preprocess_digit(draw(SEVEN, box=(150, 50, 250, 350)))  # 100 x 300 px box
    rows = np.flatnonzero((tall >= 0.3).any(axis=1))
    cols = np.flatnonzero((tall >= 0.3).any(axis=0))
    height, width = rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1
    assert 19 <= height <= 21 and 6 <= width <= 9


# --- invariances -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size, box, pen",
    [
        ((400, 400), (10, 10, 170, 250), 12),  # shifted to the corner
        ((400, 400), (230, 150, 390, 390), 12),  # shifted to the other corner
        ((400, 400), (170, 140, 234, 236), 5),  # smaller
        ((700, 560), (300, 20, 620, 500), 24),  # larger, non-square canvas
    ],
)
def test_shifted_and_rescaled_drawings_match(reference, size, box, pen):
    out = preprocess_digit(draw(size=size, box=box, pen=pen))
    assert corr(out, reference) > 0.95
    assert np.abs(out - reference).mean() < 0.04


def test_resampled_image_matches(reference):
    img = Image.fromarray(draw())
    for size in [(150, 150), (333, 333), (1000, 1000)]:
        resized = np.asarray(img.resize(size, Image.Resampling.BILINEAR))
        assert corr(preprocess_digit(resized), reference) > 0.95, size


def test_both_polarities_give_the_same_result(reference):
    dark_on_light = draw(ink=0, paper=255)
    np.testing.assert_allclose(preprocess_digit(dark_on_light), reference, atol=1e-6)
    grey_paper = draw(ink=20, paper=200)  # dark ink on grey paper
    assert corr(preprocess_digit(grey_paper), reference) > 0.98


def test_rgb_and_rgba_match_grayscale(reference):
    gray = draw()
    np.testing.assert_allclose(preprocess_digit(np.stack([gray] * 3, axis=-1)), reference, atol=1e-6)
    blue_on_white = np.stack([255 - gray, 255 - gray, np.full_like(gray, 255)], axis=-1)
    assert corr(preprocess_digit(blue_on_white), reference) > 0.98
    transparent = np.zeros(gray.shape + (4,), np.uint8)
    transparent[..., :3] = (30, 30, 30)  # ink colour is irrelevant: it is where alpha is
    transparent[..., 3] = gray
    np.testing.assert_allclose(preprocess_digit(transparent), reference, atol=1e-6)
    opaque = np.dstack([255 - gray] * 3 + [np.full_like(gray, 255)])  # constant alpha: use luminance
    np.testing.assert_allclose(preprocess_digit(opaque), reference, atol=1e-6)


def test_input_is_not_modified():
    for image in (draw(), draw(ink=0, paper=255), draw(size=(4000, 4000), box=(100, 100, 3900, 3900), pen=2)):
        before = image.copy()
        preprocess_digit(image)
        np.testing.assert_array_equal(image, before)


def test_other_dtypes_match_uint8(reference):
    gray = draw()
    np.testing.assert_allclose(preprocess_digit(gray > 127), reference, atol=0.05)
    np.testing.assert_allclose(preprocess_digit(gray.astype(np.uint16) * 257), reference, atol=1e-6)
    as_float = gray.astype(np.float64) / 255.0
    np.testing.assert_allclose(preprocess_digit(as_float), reference, atol=1e-6)
    broken = as_float.copy()
    broken[:40] = np.nan  # NaN / inf count as background
    broken[350:, ::7] = np.inf
    broken[380, :] = -np.inf
    np.testing.assert_allclose(preprocess_digit(broken), reference, atol=1e-6)
    white_paper = 1.0 - as_float
    white_paper[:40] = np.nan  # ... also when the background is white
    np.testing.assert_allclose(preprocess_digit(white_paper), reference, atol=1e-6)


# --- stroke width ----------------------------------------------------------------------------


def test_thin_and_fat_pens_come_out_mnist_like(mnist):
    widths = np.array([stroke_width(d / 255.0) for d in mnist[0]])
    lo, hi = np.percentile(widths, [20, 80])  # about 1.9 .. 2.9 px
    for shape in (TWO, SEVEN):
        thin = preprocess_digit(draw(shape, pen=1))
        fat = preprocess_digit(draw(shape, pen=40))  # 1/6 of the digit's height
        fatter = preprocess_digit(draw(shape, pen=60))  # 1/4 of it
        for out in (thin, fat, fatter):
            assert lo <= stroke_width(out) <= hi, (stroke_width(out), lo, hi)
        # A fat pen also rounds corners and narrows loops: the shapes differ beyond width.
        assert corr(thin, fat) > 0.85 and corr(thin, fatter) > 0.8
        # Plain crop-and-scale without width normalisation is outside MNIST's 10-90% range
        # for both pens, so the bounds above really discriminate.
        lo10, hi90 = np.percentile(widths, [10, 90])
        assert stroke_width(naive_mnist(draw(shape, pen=1))) < lo10
        assert stroke_width(naive_mnist(draw(shape, pen=60))) > hi90


def naive_mnist(image: np.ndarray) -> np.ndarray:
    """Crop to the ink, box-scale the longest side to 20 px, pad to 28: no width normalisation."""
    rows, cols = np.flatnonzero(image.any(axis=1)), np.flatnonzero(image.any(axis=0))
    crop = Image.fromarray(image[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])
    scale = 20 / max(crop.size)
    size = (round(crop.width * scale), round(crop.height * scale))
    small = np.asarray(crop.resize(size, Image.Resampling.BOX))
    out = np.zeros((28, 28))
    out[4 : 4 + small.shape[0], 4 : 4 + small.shape[1]] = small / small.max()
    return out


def test_erosion_never_breaks_a_fat_digit():
    for shape in (TWO, SEVEN):
        out = preprocess_digit(draw(shape, pen=70))
        mask = out >= 0.5
        assert preprocess._euler(np.pad(mask, 1)) == 1  # still one piece, no loop torn open


# --- MNIST maps to itself ----------------------------------------------------------------------


def test_mnist_digits_stay_close_to_themselves(mnist):
    for digits in mnist:
        scores = []
        for d in digits:
            out = preprocess_digit(d)
            assert out is not None
            scores.append(corr(out, d / 255.0))
        # Measured: mean 0.937 / 0.942, median 0.950 (test / train).  The difference left is
        # sub-pixel centring, 4x re-binarisation, and width normalisation of the 70% of digits
        # outside MNIST's middle width band.
        assert np.mean(scores) > 0.92
        assert np.median(scores) > 0.94
        assert np.percentile(scores, 5) > 0.8


# --- no digit ------------------------------------------------------------------------------------


def dot(size=400, centre=(200, 200), radius=20, stretch=1.0) -> np.ndarray:
    """A black dot (an ellipse `stretch` times wider than tall) on white paper."""
    img = Image.new("L", (size, size), 255)
    x, y = centre
    ImageDraw.Draw(img).ellipse([x - radius * stretch, y - radius, x + radius * stretch, y + radius], fill=0)
    return np.asarray(img)


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((400, 400), np.uint8),
        np.full((400, 400), 255, np.uint8),
        np.full((300, 200, 3), 128, np.uint8),
        np.zeros((1, 1), np.uint8),
        np.full((1, 1), 255, np.uint8),
        np.zeros((0, 0), np.uint8),
        np.full((50, 50), np.nan),
        (np.random.default_rng(0).normal(128, 4, (400, 400))).astype(np.uint8),
        dot(),
        dot(radius=3),
        dot(radius=60, centre=(60, 330)),
        dot(stretch=2.0),
        np.pad(np.full((2, 2), 255, np.uint8), 199),
        np.pad(np.full((1, 2), 255, np.uint8), 100),
    ],
    ids=["black", "white", "grey-rgb", "1x1-black", "1x1-white", "empty", "all-nan", "faint-noise",
         "dot", "small-dot", "big-dot", "smear", "2px-speck", "1x2-speck"],
)
def test_no_digit_gives_none(image):
    assert preprocess_digit(image) is None


def test_short_fat_stroke_is_ink():
    assert preprocess_digit(dot(stretch=3.0)) is not None  # 3:1, like a fat-pen '1'


def test_small_digit_is_still_found(reference):
    tiny = draw(size=(600, 600), box=(300, 200, 308, 212), pen=1)  # 12 px tall in 600 x 600
    out = preprocess_digit(tiny)
    assert out is not None and corr(out, reference) > 0.8
    short_stroke = draw(SEVEN, size=(600, 600), box=(100, 100, 103, 108), pen=1)  # not a dot
    assert preprocess_digit(short_stroke) is not None


def test_rejects_unsupported_arrays():
    with pytest.raises(ValueError):
        preprocess_digit(np.zeros((10, 10, 5), np.uint8))
    with pytest.raises(ValueError):
        preprocess_digit(np.zeros((4, 4, 4, 4), np.uint8))


# --- big inputs and speed ------------------------------------------------------------------------


def test_huge_image(reference):
    big = draw(size=(10000, 10000), box=(2000, 1000, 7000, 8500), pen=3)  # 3 px pen: ~0.05 working px
    out = preprocess_digit(big)
    assert out is not None and corr(out, reference) > 0.9
    big_dark = 255 - big
    assert corr(preprocess_digit(big_dark), out) > 0.99


# --- load_image ----------------------------------------------------------------------------------


@pytest.mark.parametrize("mode, shape", [("L", (30, 40)), ("RGB", (30, 40, 3)), ("RGBA", (30, 40, 4))])
def test_load_image_round_trips_png(tmp_path, mode, shape):
    data = np.random.default_rng(1).integers(0, 256, shape, dtype=np.uint8)
    path = tmp_path / f"digit_{mode}.png"
    Image.fromarray(data, mode).save(path)
    loaded = load_image(path)
    assert loaded.dtype == np.uint8
    np.testing.assert_array_equal(loaded, data)


def test_load_image_converts_odd_modes(tmp_path):
    gray = draw()
    Image.fromarray(gray).convert("P").save(tmp_path / "palette.png")
    palette = load_image(tmp_path / "palette.png")
    assert palette.shape == (400, 400, 3)
    np.testing.assert_array_equal(palette[..., 0], gray)
    Image.fromarray(gray.astype(np.uint16) * 257).save(tmp_path / "deep.png")
    np.testing.assert_array_equal(load_image(tmp_path / "deep.png"), gray)
    Image.fromarray(gray).convert("LA").save(tmp_path / "la.png")
    assert load_image(tmp_path / "la.png").shape == (400, 400, 4)
    for name in ("digit.jpg", "digit.bmp", "digit.gif", "digit.webp"):
        Image.fromarray(255 - gray).save(tmp_path / name)  # dark ink on white paper
        assert corr(preprocess_digit(load_image(tmp_path / name)), preprocess_digit(gray)) > 0.98, name


def test_load_image_errors_name_the_file(tmp_path, monkeypatch):
    text = tmp_path / "notes.txt"
    text.write_text("this is not an image\n")
    good = tmp_path / "good.png"
    Image.fromarray(draw()).save(good)
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(good.read_bytes()[:300])
    for path in (text, truncated, tmp_path / "missing.png", tmp_path):
        with pytest.raises(ImageReadError, match=path.name):
            load_image(path)
    monkeypatch.setattr(preprocess, "MAX_LOAD_PIXELS", 100_000)  # 400 x 400 is now "too large"
    with pytest.raises(ImageReadError, match="too large"):
        load_image(good)
    assert issubclass(ImageReadError, ValueError)


@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_load_image_applies_the_exif_orientation(tmp_path, fmt):
    """A phone stores a photo as the sensor saw it plus an EXIF orientation; a 6 held upside down
    (orientation 3: rotate 180°) must load as a 6, not a 9."""
    from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes

    six = render_strokes(DIGIT_TEMPLATES[6][0], size=(64, 64), pen_width=5)
    exif = Image.Exif()
    exif[0x0112] = 3  # Orientation: the stored pixels are upside down
    path = tmp_path / f"six.{fmt}"
    Image.fromarray(six).rotate(180).save(path, exif=exif, **({"quality": 95} if fmt == "jpeg" else {}))
    loaded = load_image(path).astype(np.int16)
    if fmt == "png":
        np.testing.assert_array_equal(loaded, six)
    else:  # lossy: near the upright 6, far from the 9 it would otherwise be
        assert np.abs(loaded - six).mean() < 0.1 * np.abs(loaded - six[::-1, ::-1]).mean()


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose pixel data stops after one row: enough for Pillow to open it and read the size."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))  # 1-bit gray
    stream = zlib.compressobj()
    row = stream.compress(bytes(1 + (width + 7) // 8)) + stream.flush(zlib.Z_SYNC_FLUSH)  # unfinished
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", row)


def test_an_image_over_the_pixel_limit_is_refused_with_its_size_and_the_limit(tmp_path):
    """Pillow's own decompression-bomb limit (179 M pixels by default) must not refuse first
    with a vaguer message: the app's one limit, MAX_LOAD_PIXELS, decides and says so."""
    huge = tmp_path / "huge.png"
    huge.write_bytes(_png_header(15_000, 15_000))
    with pytest.raises(ImageReadError) as error:
        load_image(huge)
    message = str(error.value)
    assert "huge.png" in message and "15000×15000 = 225,000,000 pixels" in message
    assert f"the limit is {preprocess.MAX_LOAD_PIXELS:,}" in message
    assert preprocess.MAX_LOAD_PIXELS == 200_000_000


def test_an_image_under_the_limit_but_over_pillows_default_is_not_refused_as_too_large(tmp_path):
    big = tmp_path / "big.png"
    big.write_bytes(_png_header(14_000, 13_000))  # 182 M pixels: under 200 M, over Pillow's 179 M
    with pytest.raises(ImageReadError) as error:
        load_image(big)
    assert "truncated or corrupt" in str(error.value)  # decoding was tried: the size passed

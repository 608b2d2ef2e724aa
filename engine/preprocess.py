"""Turn any picture of one handwritten digit into a 28x28 MNIST-style input.

This is the single preprocessing path shared by the drawing canvas, the command
line and the tests.  It follows MNIST's own recipe: find the ink, crop to its
bounding box, scale the longest side to 20 px (anti-aliased), normalise the pen
width toward MNIST's, and centre the centre of mass in a 28x28 field.  Only
numpy and Pillow are used, so it is cheap enough to run on every pen stroke.
"""

from __future__ import annotations

import math
import os
import struct
import warnings

import numpy as np
from PIL import Image, ImageOps

__all__ = ["ImageReadError", "load_image", "preprocess_digit"]

OUT_SIZE = 28  # MNIST field size.
BOX_SIZE = 20  # MNIST scales each digit's ink box to 20 px, leaving a 4 px margin.
SUPERSAMPLE = 4  # Work at 4x: room to thicken/thin strokes, then box-average down (anti-aliasing).
WORK_BOX = BOX_SIZE * SUPERSAMPLE  # Longest ink side at the working resolution (80 px).

BLANK_CONTRAST = 32  # Ink must differ from the background by 1/8 of full scale; less is noise/blank.
INK_LEVEL = 0.5  # Ink is what reaches half the image's contrast: the middle of an anti-aliased edge.
FAINT_LEVEL = 0.25  # Fainter still counts for the ink box and thin strokes; below it is paper noise.
MIN_INK_PX = 3  # An ink box of only 1-2 px is a speck, not a digit.
BLOB_RATIO = 0.6  # Stroke width / ink-box length: dots and up to 2:1 smears give > 0.6; MNIST: 2 in 70000.
THIN_KEEP = 0.75  # Half-contrast mask keeps less of the ink than this: sub-pixel strokes, keep any ink.
POOL_ABOVE = 8  # Reduce crops > 8x the working size by max-pooling first, so 1 px lines survive.
# MNIST's stroke width at the working resolution (estimator of _measure on the 4x binarised
# training set): median 10.3 px (2.6 px at 28x28), IQR 8.6-12.5.  Widths inside the middle
# 30% band are left alone so MNIST maps to itself; others are thickened/thinned to its edge.
MNIST_WIDTH_LO = 9.3  # 35th percentile.
MNIST_WIDTH_HI = 11.5  # 65th percentile.
MAX_MORPH_STEPS = 80  # Safety bound on thickening/thinning steps (one step ~ 1 working px of width).
CHUNK_PIXELS = 1 << 22  # Process huge images in ~4 M-pixel row bands so temporaries stay small.
MAX_LOAD_PIXELS = 200_000_000  # ~14000x14000, far beyond any digit photo: more is a decompression bomb.
# The one size limit is MAX_LOAD_PIXELS, checked in load_image before any pixel is decoded (with the
# size in the message). Pillow's own guard (179 M pixels by default) would refuse some images under
# it first, with a vaguer message; this app opens image files with Pillow only in load_image.
Image.MAX_IMAGE_PIXELS = None


class ImageReadError(ValueError):
    """The file could not be read as an image (missing, not an image, corrupt, or too large)."""


def load_image(path) -> np.ndarray:
    """Read an image file with Pillow.

    Takes a path (str or os.PathLike) to a PNG, JPEG, BMP, GIF, WebP, ... file and
    gives a uint8 array shaped (H, W), (H, W, 3) or (H, W, 4) like the file:
    palette images become RGB/RGBA, 16-bit and float images become 8-bit gray,
    LA becomes RGBA, CMYK/YCbCr become RGB.  A photo's EXIF orientation is
    applied, so the array is upright.  Raises ImageReadError naming the file if
    it is missing, not an image, truncated/corrupt, or over MAX_LOAD_PIXELS.
    """
    name = os.fspath(path)
    try:
        with warnings.catch_warnings():
            # Our own pixel limit below decides; Pillow's softer warning level would just be noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(name) as img:
                pixels = img.width * img.height
                if pixels > MAX_LOAD_PIXELS:
                    raise Image.DecompressionBombError(
                        f"it is {img.width}×{img.height} = {pixels:,} pixels; the limit is {MAX_LOAD_PIXELS:,}")
                img.load()
                _apply_exif_orientation(img)
                return _image_to_array(img)
    except FileNotFoundError as exc:
        raise ImageReadError(f"image file not found: {name!r}") from exc
    except IsADirectoryError as exc:
        raise ImageReadError(f"{name!r} is a directory, not an image file") from exc
    except PermissionError as exc:
        raise ImageReadError(f"no permission to read image file {name!r}") from exc
    except Image.DecompressionBombError as exc:
        raise ImageReadError(f"image {name!r} is too large to load safely: {exc}") from exc
    except Image.UnidentifiedImageError as exc:
        raise ImageReadError(f"{name!r} is not an image file in a format Pillow can read") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageReadError(f"image {name!r} is truncated or corrupt ({exc})") from exc


def _apply_exif_orientation(img: Image.Image) -> None:
    """Turn a photo upright as its EXIF orientation says (phones store the sensor's pixels and a
    tag: an upside-down 6 tagged "rotate 180°" must not be read as a 9). In place; no tag, no work."""
    try:
        ImageOps.exif_transpose(img, in_place=True)
    except (SyntaxError, ValueError, TypeError, KeyError, struct.error, OSError):
        pass  # an unreadable EXIF block must not make a readable image unreadable: use it as stored


def _image_to_array(img: Image.Image) -> np.ndarray:
    """Convert an opened Pillow image to a uint8 L, RGB or RGBA array."""
    mode = img.mode
    if mode.startswith("I") or mode == "F":
        # 16/32-bit or float gray: map its nominal range (0..65535, 0..255 or 0..1) onto 8 bits.
        arr = np.nan_to_num(np.asarray(img, dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0)
        peak = float(arr.max(initial=0.0))
        top = 65535.0 if peak > 255 else (1.0 if mode == "F" and peak <= 1.0 else 255.0)
        return np.clip(arr * (255.0 / top) + 0.5, 0, 255).astype(np.uint8)
    # Keep any transparency: the ink may live only in the alpha channel.
    alpha = mode in ("RGBA", "LA", "La", "PA", "RGBa") or "transparency" in img.info
    target = "RGBA" if alpha else ("L" if mode in ("1", "L") else "RGB")
    return np.array(img.convert(target) if target != mode else img, dtype=np.uint8)


def preprocess_digit(image: np.ndarray) -> np.ndarray | None:
    """Normalise one handwritten digit the way MNIST was made.

    Takes a numpy image: (H, W) gray, (H, W, 3) RGB or (H, W, 4) RGBA; uint8,
    uint16, bool or float (0..1; NaN/inf count as background); any size and
    either polarity (dark ink on light paper or light ink on dark).  With a
    varying alpha channel the ink is where the alpha is.  Gives a (28, 28)
    float32 array, white ink on black in 0..1 with max 1, the ink box's longest
    side 20 px and its centre of mass at (14, 14); or None when there is no
    digit (blank or near-blank image, a speck, or a single dot/blob).  Raises
    ValueError for other shapes or dtypes.  The input is never modified.
    """
    gray = _to_gray(np.asarray(image))
    found = None if gray is None else _find_ink(gray)
    if found is None:
        return None
    mask = _normalise_stroke(_working_mask(gray, *found))
    return None if mask is None else _place(mask)


def _to_gray(a: np.ndarray) -> np.ndarray | None:
    """Reduce any supported image array to a 2-D uint8 map whose extremes hold the ink."""
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[..., 0]
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (2, 3, 4)):
        raise ValueError(f"expected an (H, W), (H, W, 3) or (H, W, 4) image, got shape {a.shape}")
    if a.size == 0:
        return None
    a = _to_uint8(a)
    if a.ndim == 2:
        return a
    channels = a.shape[2]
    if channels in (2, 4):
        alpha = a[..., -1]
        if int(alpha.max()) - int(alpha.min()) >= BLANK_CONTRAST:
            return alpha  # Transparent background: the ink is wherever the alpha is.
    if channels == 2:
        return a[..., 0]
    out = np.empty(a.shape[:2], np.uint8)
    step = max(1, CHUNK_PIXELS // a.shape[1])
    for r in range(0, a.shape[0], step):  # Pillow's luma conversion, in bands to bound its copies.
        out[r : r + step] = np.asarray(Image.fromarray(np.ascontiguousarray(a[r : r + step])).convert("L"))
    return out


def _border(a: np.ndarray) -> np.ndarray:
    """The pixels along the image's edge (rows of shape (N,) or (N, C))."""
    return np.concatenate([a[0], a[-1], a[1:-1, 0], a[1:-1, -1]])


def _to_uint8(a: np.ndarray) -> np.ndarray:
    """Convert bool/uint16/int/float pixel data to uint8 without full-size float copies."""
    if a.dtype == np.uint8:
        return a
    if a.dtype == np.bool_:
        return a.view(np.uint8) * np.uint8(255)
    if a.dtype == np.uint16:
        return (a >> 8).astype(np.uint8)
    if np.issubdtype(a.dtype, np.integer):
        return np.clip(a, 0, min(255, np.iinfo(a.dtype).max)).astype(np.uint8)  # Other ints: 0..255 scale.
    if not np.issubdtype(a.dtype, np.floating):
        raise ValueError(f"unsupported image dtype {a.dtype}")
    border = _border(a).astype(np.float64).reshape(-1, 1 if a.ndim == 2 else a.shape[2])
    fill = np.zeros(border.shape[1], np.float64)
    for ch in range(border.shape[1]):  # NaN/inf become the (finite) background of their channel.
        finite = border[:, ch][np.isfinite(border[:, ch])]
        fill[ch] = np.median(finite) if finite.size else 0.0
    fill = (np.clip(fill, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    fill = fill[0] if a.ndim == 2 else fill
    out = np.empty(a.shape, np.uint8)
    step = max(1, CHUNK_PIXELS // max(1, a[0].size))
    buf = np.empty((min(step, a.shape[0]),) + a.shape[1:], np.float32)
    for r in range(0, a.shape[0], step):
        band, dst = a[r : r + step], out[r : r + step]
        tmp = buf[: band.shape[0]]
        np.fmax(band, 0.0, out=tmp, casting="same_kind")  # fmax/fmin pass NaN over; fixed below.
        np.fmin(tmp, 1.0, out=tmp)
        np.multiply(tmp, 255.0, out=tmp)
        np.add(tmp, 0.5, out=tmp)
        np.copyto(dst, tmp, casting="unsafe")
        bad = ~np.isfinite(band)
        if bad.any():
            np.copyto(dst, np.broadcast_to(fill, dst.shape), where=bad)
    return out


def _find_ink(gray: np.ndarray):
    """Find background level, polarity, contrast and the ink box; None if there is no ink."""
    bg = int(np.median(_border(gray)))
    lo, hi = int(gray.min()), int(gray.max())
    bright = hi - bg >= bg - lo  # Ink is the side that departs furthest from the border's level.
    contrast = hi - bg if bright else bg - lo
    if contrast < BLANK_CONTRAST:
        return None
    faint = max(1, math.ceil(FAINT_LEVEL * contrast))
    rows = np.zeros(gray.shape[0], bool)
    cols = np.zeros(gray.shape[1], bool)
    step = max(1, CHUNK_PIXELS // gray.shape[1])
    for r in range(0, gray.shape[0], step):
        band = gray[r : r + step]
        ink = band >= bg + faint if bright else band <= bg - faint
        rows[r : r + step] = ink.any(axis=1)
        cols |= ink.any(axis=0)
    y = np.flatnonzero(rows)
    x = np.flatnonzero(cols)
    box = (int(y[0]), int(y[-1]) + 1, int(x[0]), int(x[-1]) + 1)
    if max(box[1] - box[0], box[3] - box[2]) < MIN_INK_PX:
        return None
    return bg, bright, contrast, faint, box


def _working_mask(gray, bg, bright, contrast, faint, box) -> np.ndarray:
    """Crop the ink box, scale its longest side to WORK_BOX px and binarise (bool, zero-padded)."""
    y0, y1, x0, x1 = box
    sub = gray[y0:y1, x0:x1]
    k = int(max(sub.shape) / WORK_BOX) // SUPERSAMPLE if max(sub.shape) > POOL_ABOVE * WORK_BOX else 1
    if k > 1:  # Max-pool (min-pool for dark ink) so even 1 px lines survive the big reduction.
        op = np.maximum if bright else np.minimum
        sub = op.reduceat(sub, np.arange(0, sub.shape[0], k), axis=0)
        sub = op.reduceat(sub, np.arange(0, sub.shape[1], k), axis=1)
    b = np.uint8(bg)
    ink = np.maximum(sub, b) - b if bright else b - np.minimum(sub, b)
    ink[ink < faint] = 0  # Paper texture and noise below the faint level are not ink.
    h, w = ink.shape
    scale = WORK_BOX / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    resample = Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR
    cov = np.asarray(Image.fromarray(ink).resize(size, resample))
    mask = cov >= INK_LEVEL * contrast
    if scale < 1:
        total = int(cov.sum(dtype=np.int64))
        if int(cov[mask].sum(dtype=np.int64)) < THIN_KEEP * total:
            mask = cov > 0  # Strokes thinner than a working pixel: keep every pixel they touch.
    return np.pad(mask, 2)


def _measure(mask: np.ndarray):
    """Stroke width estimate and ink box (y0, y1, x0, x1) of a zero-padded bool mask."""
    area = np.count_nonzero(mask)
    if area == 0:
        return 0.0, None
    # Crofton perimeter: ink/paper transitions along rows, columns and both diagonals
    # (diagonal lines are 1/sqrt(2) apart), which is nearly independent of stroke direction.
    straight = np.count_nonzero(mask[1:] != mask[:-1]) + np.count_nonzero(mask[:, 1:] != mask[:, :-1])
    diagonal = np.count_nonzero(mask[1:, 1:] != mask[:-1, :-1])
    diagonal += np.count_nonzero(mask[1:, :-1] != mask[:-1, 1:])
    perimeter = math.pi / 8.0 * (straight + diagonal / math.sqrt(2.0))
    # Model the ink as one stroke of width w and length l: area = w*l, perimeter = 2*(l + w).
    # Solving for w removes the end-cap bias of 2*area/perimeter for fat strokes; a compact
    # blob (no real solution) gets perimeter/4, i.e. its whole size.
    width = perimeter / 4.0 - math.sqrt(max(perimeter * perimeter / 16.0 - area, 0.0))
    y = np.flatnonzero(mask.any(axis=1))
    x = np.flatnonzero(mask.any(axis=0))
    return width, (int(y[0]), int(y[-1]) + 1, int(x[0]), int(x[-1]) + 1)


def _long_side(box) -> int:
    """Longest side of a (y0, y1, x0, x1) box."""
    return max(box[1] - box[0], box[3] - box[2])


def _grow(mask: np.ndarray, step: int) -> np.ndarray:
    """One dilation step adding about one pixel of width.

    Steps cycle through a 2x2 square and a 3-pixel corner, pointing alternately
    toward +y+x and -y-x; every four steps they add up to a 5x5 octagon (a disc).
    """
    forward = step % 4 in (0, 3)
    vert = mask.copy()
    if forward:
        vert[1:] |= mask[:-1]
    else:
        vert[:-1] |= mask[1:]
    src = vert if step % 2 == 0 else mask
    out = vert.copy()
    if forward:
        out[:, 1:] |= src[:, :-1]
    else:
        out[:, :-1] |= src[:, 1:]
    return out


def _euler(mask: np.ndarray) -> int:
    """Euler number (components minus holes, 8-connected ink) by Gray's 2x2 bit-quad counts."""
    a, b = mask[:-1, :-1], mask[:-1, 1:]
    c, d = mask[1:, :-1], mask[1:, 1:]
    s = a.view(np.uint8) + b.view(np.uint8) + c.view(np.uint8) + d.view(np.uint8)
    diagonal = np.count_nonzero((s == 2) & (a == d))
    return (np.count_nonzero(s == 1) - np.count_nonzero(s == 3) - 2 * diagonal) // 4


def _normalise_stroke(mask: np.ndarray) -> np.ndarray | None:
    """Thicken thin or thin fat strokes toward MNIST's width; None for a dot/blob."""
    width, box = _measure(mask)
    if box is None or width > BLOB_RATIO * _long_side(box):
        return None
    # Width as it will be after the box is rescaled to WORK_BOX (what MNIST's band is measured in).
    omega = width * WORK_BOX / _long_side(box)
    if MNIST_WIDTH_LO <= omega <= MNIST_WIDTH_HI:
        return mask
    thicken = omega < MNIST_WIDTH_LO
    target = MNIST_WIDTH_LO if thicken else MNIST_WIDTH_HI
    euler = None if thicken else _euler(mask)
    for step in range(MAX_MORPH_STEPS):
        if thicken and min(box[0], box[2], mask.shape[0] - box[1], mask.shape[1] - box[3]) < 2:
            mask = np.pad(mask, 8)  # Keep an empty margin for the dilation to grow into.
            box = tuple(v + 8 for v in box)
        nxt = _grow(mask, step) if thicken else ~_grow(~mask, step)
        n_width, n_box = _measure(nxt)
        if not thicken:
            # Stop before erosion splits a stroke, tears a loop open, or wipes out a piece of the
            # digit (its box then shrinks by more than the pen's end caps recede in one step).
            if n_box is None:
                break
            shrink = max(n_box[0] - box[0], box[1] - n_box[1], n_box[2] - box[2], box[3] - n_box[3])
            n_euler = _euler(nxt)
            if shrink > 3 or n_euler > euler:
                break
            euler = n_euler
        n_omega = n_width * WORK_BOX / _long_side(n_box)
        if (n_omega >= target) == thicken:  # Crossed the target: keep whichever side is closer.
            return nxt if abs(n_omega - target) < abs(omega - target) else mask
        mask, box, omega = nxt, n_box, n_omega
    return mask


def _place(mask: np.ndarray) -> np.ndarray:
    """Box-average the mask's ink box into BOX_SIZE px and centre its mass in the 28x28 field."""
    _, (y0, y1, x0, x1) = _measure(mask)
    crop = mask[y0:y1, x0:x1]
    h, w = crop.shape
    scale = BOX_SIZE / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    img = Image.fromarray(crop.view(np.uint8) * np.uint8(255)).resize(size, Image.Resampling.BOX)
    small = np.asarray(img, dtype=np.float32)
    total = float(small.sum())
    cy = float(small.sum(axis=1) @ np.arange(size[1])) / total
    cx = float(small.sum(axis=0) @ np.arange(size[0])) / total
    # Sub-pixel (bilinear) shift puts the centre of mass exactly at the centre, so the output
    # varies smoothly with the input; clamped so no ink is ever cut off.
    top, fy = _offset(OUT_SIZE / 2 - cy, size[1])
    left, fx = _offset(OUT_SIZE / 2 - cx, size[0])
    out = np.zeros((OUT_SIZE + 1, OUT_SIZE + 1), np.float32)
    for dy, wy in ((0, 1.0 - fy), (1, fy)):
        for dx, wx in ((0, 1.0 - fx), (1, fx)):
            out[top + dy : top + dy + size[1], left + dx : left + dx + size[0]] += (wy * wx) * small
    out = out[:OUT_SIZE, :OUT_SIZE]
    return out / out.max()


def _offset(start: float, length: int) -> tuple[int, float]:
    """Split a real start position into integer + fraction, kept inside the 28 px field."""
    start = min(max(start, 0.0), float(OUT_SIZE - length))
    whole = math.floor(start)
    return whole, start - whole

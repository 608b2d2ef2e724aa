"""The activation view's plan and geometry: which layer becomes which column, how wide each
column is, where every neuron and feature-map tile sits, and what is under a point. No widgets.

Layers with something to show (see ``activation_model.LayerInfo.role``) become columns, left to right:
the input, feature-map mosaics (Conv2D, pooling), dense columns (≤ ``COLUMN_MAX`` units, one
circle per neuron) or dense grids (wider layers), and the output. Layers with nothing to show
(Flatten, Dropout, Reshape, BatchNormalization…) become chips between columns.

``fit`` sizes everything for a pixel area: mosaics grow (more tile columns, bigger tiles)
while there is room, spare width goes to the gaps (most to the node-link gaps between dense
layers). Mosaics are drawn 1:1 in pixels through a precomputed gather index (``mosaic_index``),
so tiles are crisp and the gaps between them exact at any size.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from gui.network.model import LayerInfo

COLUMN_MAX = 32          # dense layers up to this many units are a column of circles; wider: a grid
MARGIN = 10              # left and right edge of the scene
TOP = 36                 # band for the two-line column titles
BOTTOM = 24              # band for the chips of passing layers
MIN_GAP = 14
MIN_LINK_GAP = 64        # a node-link gap needs room for its lines to read
OUTPUT_LABEL = 36        # room right of the output neurons for "100%" (at least: see Plan.percent_samples)
CAPTION = 16             # one caption line in the input column
CHIP_HEIGHT = 16
HINT_AUTO, HINT_PINNED, HINT_IDLE = "most active · click to pick", "click it again to unpin", "click a neuron to pick"
INSPECTOR_HINTS = (HINT_AUTO, HINT_PINNED, HINT_IDLE, "Weights into a₂₅[1]")   # the input column fits these
INPUT_TITLE, INPUT_DETAIL = "Input", "28×28 pixels"
PERCENT_SAMPLES = ("100%", "<1%")     # the widest labels of the output's probabilities
INPUT = -1               # the layer index of the input image in hits
INSPECTOR = -2           # ... and of the inspector under it


@dataclass
class Column:
    """One column of the picture. kind: "input", "maps", "dense", "grid" or "output"."""

    kind: str
    layer: LayerInfo | None
    title: str
    detail: str
    label_room: float = OUTPUT_LABEL   # output: room right of the neurons for the percentages
    # geometry, filled in by fit()
    x: float = 0.0            # left edge of the slot
    width: float = 0.0        # slot width (content and labels)
    content: tuple[float, float, float, float] = (0, 0, 0, 0)   # x, y, w, h of what is drawn
    cols: int = 1             # mosaic / grid: tiles per row
    tile: int = 1             # mosaic / grid: tile size in pixels (without the gap)
    gap: int = 1
    radius: float = 4.0       # dense / output: node radius
    side: int = 28            # input: side of the input and inspector squares
    scale: float = 1.0        # scene units per screen pixel (> 1 when a model is shrunk to fit)

    @property
    def channels(self) -> int:
        if self.kind == "grid":
            return self.layer.units
        return self.layer.shape[-1] if self.layer is not None else 1

    @property
    def native(self) -> tuple[int, int]:
        """(height, width) of one tile's data."""
        return (1, 1) if self.kind == "grid" else self.layer.shape[:2]

    @property
    def center_x(self) -> float:
        return self.x + self.width / 2


@dataclass
class Plan:
    """Columns left to right, the passing layers in each gap, and the gaps with connections."""

    layers: list[LayerInfo]
    columns: list[Column]
    chips: list[list[LayerInfo]]            # chips[i]: passing layers between column i and i+1
    links: list[int] = field(default_factory=list)   # gap i has node-link connections
    gaps: list[float] = field(default_factory=list)
    chip_boxes: list[tuple[LayerInfo, float, float, float]] = field(default_factory=list)  # info, x, y, w
    size: tuple[float, float] = (0, 0)      # scene width, height
    # the words on show, in the language on screen (``relabel``); English until then
    chip_texts: dict[int, str] = field(default_factory=dict)     # layer index → its chip's text
    hints: tuple[str, ...] = INSPECTOR_HINTS                     # the input column is as wide as these
    percent_samples: tuple[str, ...] = PERCENT_SAMPLES           # ... the output's label room as these

    def chip_text(self, info: LayerInfo) -> str:
        return self.chip_texts.get(info.index, info.chip)

    def column_of(self, layer_index: int) -> Column | None:
        for column in self.columns:
            if column.layer is not None and column.layer.index == layer_index:
                return column
        return None


def make_plan(layers: list[LayerInfo]) -> Plan:
    columns = [Column("input", None, INPUT_TITLE, INPUT_DETAIL)]
    chips: list[list[LayerInfo]] = [[]]
    for info in layers:
        if info.role == "chip":
            chips[-1].append(info)
            continue
        if info.role == "maps":
            kind = "maps"
        elif info.role == "output":
            kind = "output"
        else:
            kind = "dense" if info.units <= COLUMN_MAX else "grid"
        columns.append(Column(kind, info, info.title, info.detail))
        chips.append([])
    chips.pop()   # nothing follows the last column
    # node-link gaps: between consecutive dense layers, and from the input pixels into a first
    # dense layer that reads the 784 pixels directly (through Flatten)
    links = [i for i in range(len(columns) - 1)
             if columns[i].kind in ("dense", "grid", "input") and columns[i + 1].kind in ("dense", "output")
             and (columns[i].kind != "input" or columns[i + 1].layer.index == len(chips[i]))]
    return Plan(layers, columns, chips, links)


def relabel(plan: Plan, title, detail, chip, input_labels: tuple[str, str] = (INPUT_TITLE, INPUT_DETAIL),
            hints: tuple[str, ...] = INSPECTOR_HINTS, percent_samples: tuple[str, ...] = PERCENT_SAMPLES) -> Plan:
    """Give the plan the words of the language on screen: ``title(info)``, ``detail(info)`` and
    ``chip(info)`` name the columns and chips; the input column is titled ``input_labels`` and made
    wide enough for the inspector's ``hints``; the output leaves room for ``percent_samples``.
    Call ``fit`` again afterwards (in place; returns plan)."""
    for column in plan.columns:
        if column.layer is None:
            column.title, column.detail = input_labels
        else:
            column.title, column.detail = title(column.layer), detail(column.layer)
    plan.chip_texts = {info.index: chip(info) for infos in plan.chips for info in infos}
    plan.hints, plan.percent_samples = tuple(hints), tuple(percent_samples)
    return plan


# ----- sizing -----------------------------------------------------------------------------------
def _best_tile(column: Column) -> int:
    """The tile size a mosaic stops growing at: 3× the data for small maps, 24..64 px; 10 px
    for the cells of a dense grid (neurons, not pictures: they need not be big)."""
    nh, nw = column.native
    return 10 if column.kind == "grid" else int(max(24, min(3 * max(nh, nw), 64)))


def _map_option(column: Column, cols: int, height: float) -> tuple[int, int, int, float, float]:
    """(cols, tile, gap, width, height) of a mosaic with ``cols`` tiles per row in ``height``."""
    n = column.channels
    rows = math.ceil(n / cols)
    nh, nw = column.native
    biggest = _best_tile(column)
    pitch = height / rows
    gap = 1 if pitch < 12 else 2
    tile = int(min(pitch - gap, biggest))
    tile_w = max(1, round(tile * nw / nh))
    return cols, tile, gap, cols * (tile_w + gap) - gap, rows * (tile + gap) - gap


def fit(plan: Plan, width: float, height: float, text_width) -> Plan:
    """Place every column of ``plan`` in a ``width``×``height`` pixel area (in place; returns plan).
    ``text_width(text, kind)`` measures a label ("title", "detail", "chip", "caption" or "winner":
    the output's bold percentage). The words measured are the plan's (see ``relabel``)."""
    screen_width = width
    for _ in range(4):   # shrink-to-fit: a model too wide for the area is laid out bigger, then scaled
        needed = _fit_once(plan, width, height, text_width)
        if needed <= width + 0.5:
            break
        scale = needed / width
        width, height = needed, height * scale
    plan.size = (width, height)
    for column in plan.columns:
        column.scale = width / screen_width
    return plan


def _fit_once(plan: Plan, width: float, height: float, text_width) -> float:
    top, ch = TOP, max(height - TOP - BOTTOM, 80)
    columns = plan.columns
    options: dict[int, tuple] = {}
    widths = []
    for i, column in enumerate(columns):
        label = max(text_width(column.title, "title"), text_width(column.detail, "detail"))
        if column.kind == "input":
            side = int(max(28, min((ch - 2 * CAPTION - 6) / 2, 168)))
            side = side - side % 28 if side >= 84 else side
            column.side = side
            label = max(label, *(text_width(hint, "caption") for hint in plan.hints))
            content = side
        elif column.kind in ("dense", "output"):
            n = column.layer.units
            pitch = min(ch / n, 30.0)
            column.radius = max(2.5, min(pitch * (0.4 if column.kind == "dense" else 0.38), 11.0))
            if column.kind == "output":     # the winner's label is bold: measured as such
                column.label_room = max(OUTPUT_LABEL, *(math.ceil(text_width(s, "winner")) + 2
                                                        for s in plan.percent_samples))
            content = 2 * column.radius + (column.label_room + 6 if column.kind == "output" else 10)
        else:
            opts = []
            for c in range(1, column.channels + 1):   # only options that make the tiles bigger
                option = _map_option(column, c, ch)
                if not opts or option[1] > opts[-1][1]:
                    opts.append(option)
            start = next((k for k, o in enumerate(opts) if o[1] >= 3), len(opts) - 1)
            options[i] = (opts, start)
            content = opts[start][3]
        widths.append((label, content))

    def total(gap_sum: float) -> float:
        return 2 * MARGIN + sum(max(lab, con) for lab, con in widths) + gap_sum

    n_gaps = len(columns) - 1
    min_gaps = [float(MIN_LINK_GAP if g in plan.links else MIN_GAP) for g in range(n_gaps)]
    # grow the mosaic/grid whose tiles are smallest (relative to their best size) while it fits
    while True:
        room = width - total(sum(min_gaps))
        best = None
        for i, (opts, k) in options.items():
            if k + 1 >= len(opts):
                continue
            grow = max(widths[i][0], opts[k + 1][3]) - max(widths[i][0], opts[k][3])
            if grow > room:
                continue
            score = opts[k][1] / _best_tile(columns[i])
            if best is None or score < best[0]:
                best = (score, i)
        if best is None:
            break
        i = best[1]
        opts, k = options[i]
        options[i] = (opts, k + 1)
        widths[i] = (widths[i][0], opts[k + 1][3])

    # spare width to the gaps: node-link gaps want most, capped so the picture stays compact
    gaps = list(min_gaps)
    caps = [300.0 if g in plan.links else 64.0 for g in range(n_gaps)]
    weights = [4.0 if g in plan.links else 1.0 for g in range(n_gaps)]
    spare = width - total(sum(gaps))
    while spare > 0.5:
        open_ = [g for g in range(n_gaps) if gaps[g] < caps[g] - 1e-6]
        if not open_:
            break
        share = spare / sum(weights[g] for g in open_)
        used = 0.0
        for g in open_:
            add = min(share * weights[g], caps[g] - gaps[g])
            gaps[g] += add
            used += add
        spare -= used
    needed = total(sum(gaps))
    x = MARGIN + max(0.0, (width - needed) / 2)

    for i, column in enumerate(columns):
        label, content = widths[i]
        column.x, column.width = x, max(label, content)
        cx = x + column.width / 2
        if i in options:
            opts, k = options[i]
            column.cols, column.tile, column.gap, w, h = opts[k]
            column.content = (round(cx - w / 2), round(top + (ch - h) / 2), w, h)
        elif column.kind == "input":
            column.content = (round(cx - column.side / 2), top, column.side, ch)
        else:
            n = column.layer.units
            pitch = min(ch / n, 30.0)
            h = pitch * n
            node_x = cx - (column.label_room + 6 if column.kind == "output" else 0) / 2
            column.content = (node_x, top + (ch - h) / 2 + pitch / 2, pitch, h)
        x += column.width + (gaps[i] if i < n_gaps else 0)
    plan.gaps = gaps
    _place_chips(plan, top + ch + 5, width, text_width)
    return needed


def _place_chips(plan: Plan, y: float, width: float, text_width) -> None:
    boxes = []
    for g, infos in enumerate(plan.chips):
        if not infos:
            continue
        left, right = plan.columns[g], plan.columns[g + 1]
        centre = (left.x + left.width + right.x) / 2
        ws = [text_width(plan.chip_text(info), "chip") + 14 for info in infos]
        x = centre - (sum(ws) + 4 * (len(ws) - 1)) / 2
        for info, w in zip(infos, ws):
            boxes.append([info, x, y, w])
            x += w + 4
    for a, b in zip(boxes, boxes[1:]):          # push overlapping chips apart, left to right
        b[1] = max(b[1], a[1] + a[3] + 4)
    overflow = (boxes[-1][1] + boxes[-1][3] - (width - 2)) if boxes else 0
    if overflow > 0:
        for box in reversed(boxes):
            box[1] -= overflow
    plan.chip_boxes = [tuple(box) for box in boxes]


# ----- node positions ---------------------------------------------------------------------------
def node_positions(column: Column) -> np.ndarray:
    """(n, 2) centres of a dense/output column's neurons, or of a grid's cells."""
    if column.kind in ("dense", "output"):
        x, y0, pitch, _ = column.content
        n = column.layer.units
        return np.column_stack([np.full(n, x), y0 + pitch * np.arange(n)])
    x, y, _, _ = column.content
    pitch = column.tile + column.gap
    k = np.arange(column.channels)
    return np.column_stack([x + (k % column.cols) * pitch + column.tile / 2,
                            y + (k // column.cols) * pitch + column.tile / 2])


def mosaic_index(shape: tuple[int, int, int], cols: int, tile: int, gap: int) -> np.ndarray:
    """For values of ``shape`` (h, w, c) drawn as c tiles, ``cols`` per row, each ``tile`` pixels
    high (width by aspect) with ``gap`` pixels between: the (H, W) int array giving, for every
    pixel of the picture, its index in ``values.ravel()`` — or ``h*w*c`` for gap/padding pixels."""
    h, w, c = shape
    tile_w = max(1, round(tile * w / h))
    rows = math.ceil(c / cols)
    ys = np.arange(rows * (tile + gap) - gap)
    xs = np.arange(cols * (tile_w + gap) - gap)
    ty, iy = np.divmod(ys, tile + gap)
    tx, ix = np.divmod(xs, tile_w + gap)
    src_y = (iy * h) // tile
    src_x = (ix * w) // tile_w
    channel = ty[:, None] * cols + tx[None, :]
    index = (src_y[:, None] * w + src_x[None, :]) * c + channel
    blank = (iy[:, None] >= tile) | (ix[None, :] >= tile_w) | (channel >= c)
    return np.where(blank, h * w * c, index).astype(np.intp)


def tile_at(column: Column, x: float, y: float) -> tuple[int, int, int] | None:
    """(channel, row, col) of the data under scene point (x, y) in a mosaic/grid column."""
    cx, cy, w, h = column.content
    nh, nw = column.native
    tile_w = max(1, round(column.tile * nw / nh))
    px, py = int(x - cx), int(y - cy)
    if not (0 <= px < w and 0 <= py < h):
        return None
    tx, ix = divmod(px, tile_w + column.gap)
    ty, iy = divmod(py, column.tile + column.gap)
    channel = ty * column.cols + tx
    if ix >= tile_w or iy >= column.tile or channel >= column.channels:
        return None
    return channel, (iy * nh) // column.tile, (ix * nw) // tile_w


def tile_rect(column: Column, channel: int) -> tuple[float, float, float, float]:
    cx, cy, _, _ = column.content
    nh, nw = column.native
    tile_w = max(1, round(column.tile * nw / nh))
    ty, tx = divmod(channel, column.cols)
    return cx + tx * (tile_w + column.gap), cy + ty * (column.tile + column.gap), tile_w, column.tile


def unit_position(column: Column, unit: int, at: tuple[int, int] = (0, 0)) -> tuple[float, float]:
    """Scene position of a neuron, of pixel ``at`` of a channel's tile, or (input) of pixel
    ``unit`` = row*28 + col of the input image."""
    if column.kind in ("dense", "output"):
        x, y = node_positions(column)[unit]
        return float(x), float(y)
    if column.kind == "input":
        x, y, side, _ = column.content
        r, c = divmod(unit, 28)
        return x + (c + 0.5) * side / 28, y + (r + 0.5) * side / 28
    x, y, w, h = tile_rect(column, unit)
    nh, nw = column.native
    return x + (at[1] + 0.5) * w / nw, y + (at[0] + 0.5) * h / nh


def hit(plan: Plan, x: float, y: float) -> tuple[int, int | None, tuple[int, int] | None] | None:
    """(layer_index, unit, at) under scene point (x, y): a neuron, a channel's pixel ``at``, a
    pixel of the input (layer INPUT, unit row*28+col) or a chip (unit None); None for nothing."""
    for info, cx, cy, w in plan.chip_boxes:
        if cx <= x <= cx + w and cy <= y <= cy + CHIP_HEIGHT:
            return info.index, None, None
    for column in plan.columns:
        if not column.x - 6 <= x <= column.x + column.width + 6:
            continue
        if column.kind == "input":
            cx, cy, side, _ = column.content
            if cx <= x < cx + side and cy <= y < cy + side:
                r, c = int((y - cy) * 28 / side), int((x - cx) * 28 / side)
                return INPUT, r * 28 + c, (r, c)
            return None
        if column.kind in ("dense", "output"):
            nodes = node_positions(column)
            d = np.hypot(nodes[:, 0] - x, nodes[:, 1] - y)
            j = int(np.argmin(d))
            return (column.layer.index, j, None) if d[j] <= column.radius + 3 else None
        found = tile_at(column, x, y)
        if found is None:
            return None
        channel, r, c = found
        return column.layer.index, channel, None if column.kind == "grid" else (r, c)
    return None


def hit_rect(plan: Plan, found) -> tuple[float, float, float, float] | None:
    """(x, y, w, h) of what ``hit`` found: a neuron's circle, a tile, an input pixel, a chip."""
    layer_index, unit, at = found
    if unit is None:
        info, x, y, w = next(box for box in plan.chip_boxes if box[0].index == layer_index)
        return x, y, w, CHIP_HEIGHT
    column = plan.columns[0] if layer_index == INPUT else plan.column_of(layer_index)
    if column.kind in ("dense", "output"):
        (x, y), r = unit_position(column, unit), column.radius
        return x - r, y - r, 2 * r, 2 * r
    if column.kind == "input":
        x, y, side, _ = column.content
        cell = side / 28
        return x + at[1] * cell, y + at[0] * cell, cell, cell
    return tile_rect(column, unit)

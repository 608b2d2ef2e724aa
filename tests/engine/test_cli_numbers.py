"""``main.py predict --number``: a number per image, as plain lines or JSON lines."""
import json

import numpy as np
from PIL import Image, ImageDraw

import main
from engine import cli as engine_cli
from engine.drawn_digits import DIGIT_TEMPLATES, render_strokes


def run(capsys, *argv):
    status = main.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def year_image(path, digits, gap: int = 24, dark_on_light: bool = True) -> list[int]:
    """The digits rendered side by side into one PNG; returns each digit's left edge in it."""
    tiles = [render_strokes(DIGIT_TEMPLATES[d][0], size=(110, 130), pen_width=10) for d in digits]
    parts, lefts, x = [np.zeros((130, gap), np.uint8)], [], gap
    for tile in tiles:
        lefts.append(x)
        parts += [tile, np.zeros((130, gap), np.uint8)]
        x += tile.shape[1] + gap
    image = np.hstack(parts)
    Image.fromarray(255 - image if dark_on_light else image).save(path)
    return lefts


def test_json_reads_a_written_year_with_a_box_per_digit(capsys, tmp_path):
    path = tmp_path / "year.png"
    lefts = year_image(path, [2, 0, 2, 6])
    status, out, err = run(capsys, "predict", "--number", "--json", str(path))
    assert status == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {"file", "number", "digits"}       # "reason" only when there is no number
    assert record["file"] == str(path) and record["number"] == "2026"
    assert [d["digit"] for d in record["digits"]] == [2, 0, 2, 6]
    for digit, left in zip(record["digits"], lefts):
        assert set(digit) == {"digit", "confidence", "box"}
        assert isinstance(digit["confidence"], float) and 0.5 < digit["confidence"] <= 1.0
        x, y, w, h = digit["box"]
        assert all(isinstance(v, int) for v in digit["box"])
        assert left - 4 <= x and x + w <= left + 110 + 4 and 0 <= y and y + h <= 130 and w > 10 and h > 40
    xs = [d["box"][0] for d in record["digits"]]
    assert xs == sorted(xs)                                  # left to right


def test_json_says_why_there_is_no_number(capsys, tmp_path):
    Image.fromarray(np.full((120, 360), 255, np.uint8)).save(tmp_path / "empty.png")
    scribble = Image.new("L", (420, 150), 255)
    draw, rng = ImageDraw.Draw(scribble), np.random.default_rng(1)
    for _ in range(40):
        draw.line([tuple(int(v) for v in rng.integers(0, [420, 150])) for _ in range(2)], fill=0, width=6)
    scribble.save(tmp_path / "scribble.png")
    status, out, err = run(capsys, "predict", "--number", "--json", str(tmp_path / "empty.png"),
                           str(tmp_path / "scribble.png"))
    assert status == 0, err
    empty, scrawl = map(json.loads, out.splitlines())
    assert empty == {"file": str(tmp_path / "empty.png"), "number": None, "digits": [], "reason": "empty"}
    assert scrawl["number"] is None and scrawl["reason"] == "not-a-digit"
    assert scrawl["digits"] and any(d["digit"] is None for d in scrawl["digits"])
    assert all(len(d["box"]) == 4 for d in scrawl["digits"])


def test_plain_output_one_line_per_file_and_bad_files_named(capsys, tmp_path):
    year_image(tmp_path / "year.png", [1, 9, 2, 3], dark_on_light=False)
    Image.fromarray(np.zeros((80, 200), np.uint8)).save(tmp_path / "blank.png")
    (tmp_path / "notes.txt").write_text("not an image")
    files = [str(tmp_path / name) for name in ("year.png", "blank.png", "notes.txt", "missing.png")]
    status, out, err = run(capsys, "predict", "--number", *files)
    assert status == 1                                      # as plain predict: unreadable files → 1
    assert "notes.txt" in err and "missing.png" in err and err.count("error:") == 2
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{files[0]}: 1923 (4 digits; least sure ") and lines[0].endswith("%)")
    assert lines[1] == f"{files[1]}: no number (no ink)"


def test_plain_output_names_the_group_that_is_not_a_digit(capsys, tmp_path):
    digits = [render_strokes(DIGIT_TEMPLATES[d][0], size=(110, 130), pen_width=10) for d in (4, 7)]
    tangle = Image.new("L", (110, 130), 0)                  # a tangle of lines: no digit
    draw, rng = ImageDraw.Draw(tangle), np.random.default_rng(0)
    for _ in range(14):
        draw.line([tuple(int(v) for v in rng.integers(5, [105, 125])) for _ in range(2)], fill=255, width=7)
    blob = np.array(tangle)
    gap = np.zeros((130, 30), np.uint8)
    Image.fromarray(np.hstack([gap, digits[0], gap, digits[1], gap, blob, gap])).save(tmp_path / "odd.png")
    status, out, _ = run(capsys, "predict", "--number", str(tmp_path / "odd.png"))
    assert status == 0
    line = out.strip()
    assert line.startswith(f"{tmp_path / 'odd.png'}: no number (the 3rd ")   # the 4 and the 7 are digits
    assert line.endswith(("group is not a digit)", "groups are not digits)")), line
    assert "1st" not in line and "2nd" not in line


def test_ordinals():
    assert [engine_cli._ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


def test_help_mentions_number(capsys):
    try:
        main.main(["predict", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert "--number" in out and "number" in out and "reason" in out

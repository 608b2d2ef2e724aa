"""The sample store (engine.samples) and the ``samples`` command (engine.samples_cli)."""
from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from engine import samples_cli
from engine.samples import (SCHEMA_VERSION, SOURCES, Sample, SampleStore, SampleStoreError,
                            default_samples_path)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES_DIR = ROOT / "resources" / "samples"


def digit_image(seed: int) -> np.ndarray:
    """A distinct 28x28 uint8 white-on-black image (black border, a bright bar somewhere)."""
    rng = np.random.default_rng(seed)
    img = np.zeros((28, 28), np.uint8)
    img[4:24, 4:24] = rng.integers(0, 256, (20, 20), dtype=np.uint8)
    img[6 + seed % 10, 5:23] = 255
    return img


STROKES = [{"points": [[0.1, 0.2], [0.5, 0.55]], "width": 0.04, "erase": False},
           {"points": [[0.3, 0.3]], "width": 0.1, "erase": True}]


@pytest.fixture
def store(tmp_path):
    with SampleStore(tmp_path / "samples.db") as s:
        yield s


# ----- storing, reading, relabelling, deleting -----

def test_default_path_is_in_the_data_folder(private_user_dir):
    assert default_samples_path() == Path(private_user_dir) / "samples.db"
    with SampleStore() as s:
        assert s.path == Path(private_user_dir) / "samples.db"
        assert s.path.exists()
        assert len(s) == 0


def test_add_and_get_keep_every_field(store):
    image = digit_image(3)
    sample_id = store.add(7, image, strokes=STROKES, model="cnn (shipped)", predicted=1,
                          source="kiosk", created=1700000000.5)
    s = store.get(sample_id)
    assert isinstance(s, Sample)
    assert (s.id, s.label, s.created, s.model, s.predicted, s.source) == (
        sample_id, 7, 1700000000.5, "cnn (shipped)", 1, "kiosk")
    assert s.image.dtype == np.uint8 and s.image.shape == (28, 28)
    assert np.array_equal(s.image, image)
    assert s.strokes == STROKES
    assert not s.image.flags.writeable
    assert s == store.get(sample_id)          # comparable and hashable despite the array
    assert hash(s) == hash(store.get(sample_id))


def test_defaults_and_float_images(store):
    before = time.time()
    image = digit_image(1).astype(np.float32) / 255.0
    s = store.get(store.add(np.int64(2), image))
    assert (s.label, s.strokes, s.model, s.predicted, s.source) == (2, None, None, None, "window")
    assert before - 1 <= s.created <= time.time() + 1
    assert np.array_equal(s.image, digit_image(1))      # float 0..1 -> the same uint8 values


@pytest.mark.parametrize("label", [-1, 10, 7.0, "7", True, None])
def test_bad_label_is_a_value_error(store, label):
    with pytest.raises(ValueError):
        store.add(label, digit_image(0))
    assert len(store) == 0


def test_bad_source_image_or_predicted_is_a_value_error(store):
    with pytest.raises(ValueError):
        store.add(1, digit_image(0), source="web")
    with pytest.raises(ValueError):
        store.add(1, np.zeros((28, 27), np.uint8))
    with pytest.raises(ValueError):
        store.add(1, np.full((28, 28), 200.0))          # floats must be 0..1
    with pytest.raises(ValueError):
        store.add(1, digit_image(0), predicted=11)
    with pytest.raises(ValueError):
        store.add(1, digit_image(0), strokes="not a list")
    assert len(store) == 0
    assert set(SOURCES) == {"window", "kiosk", "import", "cli"}


def test_samples_counts_and_arrays_oldest_first(store):
    ids = [store.add(label, digit_image(i), created=1000.0 - i) for i, label in enumerate([3, 1, 3, 9])]
    # created 1000, 999, 998, 997: oldest first means reversed insertion order
    assert [s.id for s in store.samples()] == ids[::-1]
    assert [s.id for s in store.samples(label=3)] == [ids[2], ids[0]]
    assert store.counts() == {0: 0, 1: 1, 2: 0, 3: 2, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1}
    assert len(store) == 4
    x, y, got_ids = store.arrays()
    assert x.shape == (4, 28, 28) and x.dtype == np.uint8
    assert y.dtype == np.int64 and got_ids.dtype == np.int64
    assert got_ids.tolist() == ids[::-1] and y.tolist() == [9, 3, 1, 3]
    assert np.array_equal(x[0], digit_image(3))


def test_arrays_of_an_empty_store(store):
    x, y, ids = store.arrays()
    assert x.shape == (0, 28, 28) and y.shape == (0,) and ids.shape == (0,)


def test_relabel(store):
    sample_id = store.add(4, digit_image(0))
    store.relabel(sample_id, 9)
    assert store.get(sample_id).label == 9
    assert store.counts()[9] == 1 and store.counts()[4] == 0
    with pytest.raises(KeyError):
        store.relabel(sample_id + 100, 1)
    with pytest.raises(ValueError):
        store.relabel(sample_id, 12)


def test_delete(store):
    ids = [store.add(i % 10, digit_image(i)) for i in range(5)]
    assert store.delete([ids[0], ids[2], 9999]) == 2
    assert store.delete(ids[1]) == 1
    assert store.delete([]) == 0
    assert [s.id for s in store.samples()] == [ids[3], ids[4]]
    with pytest.raises(KeyError):
        store.get(ids[0])


def test_a_committed_sample_is_visible_to_another_connection(tmp_path):
    path = tmp_path / "samples.db"
    with SampleStore(path) as a, SampleStore(path) as b:
        sample_id = a.add(5, digit_image(5))
        assert b.get(sample_id).label == 5
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        conn.close()


def test_a_closed_store_says_so(tmp_path):
    s = SampleStore(tmp_path / "samples.db")
    s.close()
    s.close()
    with pytest.raises(SampleStoreError, match="closed"):
        s.add(1, digit_image(1))


# ----- export / import -----

def test_export_import_round_trip_is_exact(tmp_path, store):
    for i in range(12):
        store.add(i % 10, digit_image(i), strokes=STROKES if i % 2 else None)
    folder = tmp_path / "export"
    assert store.export(folder) == 12
    with open(folder / "labels.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["file", "label"] and len(rows) == 13
    for name, label in rows[1:]:
        with Image.open(folder / name) as img:
            assert img.mode == "L" and img.size == (28, 28)
        assert name.endswith(f"-{label}.png")

    with SampleStore(tmp_path / "other.db") as other:
        assert other.import_folder(folder) == 12
        imported = other.samples()
        assert all(s.source == "import" and s.strokes is None for s in imported)
        got = sorted((s.label, s.image.tobytes()) for s in imported)
        want = sorted((s.label, s.image.tobytes()) for s in store.samples())
        assert got == want                        # the same images byte for byte, the same labels


def test_import_preprocesses_other_images_and_skips_bad_rows(tmp_path, store, caplog):
    folder = tmp_path / "in"
    folder.mkdir()
    Image.open(SAMPLES_DIR / "seven-dark-on-light.png").save(folder / "seven.png")
    Image.open(SAMPLES_DIR / "blank.png").save(folder / "blank.png")
    Image.fromarray(digit_image(2)).save(folder / "mnist.png")
    (folder / "junk.png").write_text("not a png")
    (folder / "labels.csv").write_text("file,label\nseven.png,7\nmnist.png,2\nblank.png,0\n"
                                       "missing.png,3\njunk.png,4\nseven.png,x\nonly-one-column\n\n")
    skipped = []
    assert store.import_folder(folder, skipped=skipped) == 2
    assert len(skipped) == 5
    by_label = {s.label: s for s in store.samples()}
    assert set(by_label) == {7, 2}
    assert np.array_equal(by_label[2].image, digit_image(2))      # 28x28 on black: taken as is
    seven = by_label[7].image
    assert seven[0].max() == 0 and seven.max() == 255             # preprocessed: white on black
    caplog.clear()
    assert store.import_folder(folder, source="kiosk") == 2          # without a list: logged warnings
    assert sum(r.levelname == "WARNING" for r in caplog.records) == 5


def test_import_without_labels_csv_is_a_store_error(tmp_path, store):
    (tmp_path / "empty").mkdir()
    with pytest.raises(SampleStoreError, match="labels.csv"):
        store.import_folder(tmp_path / "empty")


# ----- durability, concurrency, versions, damage -----

WRITER = """
import sys
import numpy as np
from engine.samples import SampleStore
store = SampleStore(sys.argv[1])
tag = int(sys.argv[2])
count = int(sys.argv[3])
i = 0
while count < 0 or i < count:
    label = (i + tag) % 10
    img = np.full((28, 28), (i * 7 + tag) % 256, np.uint8)
    sample_id = store.add(label, img, strokes=[{"points": [[0.5, 0.5]] * 50, "width": 0.05, "erase": False}],
                          source="cli", model=f"writer {tag}")
    print(sample_id, label, flush=True)
    i += 1
store.close()
"""


def start_writer(path: Path, tag: int, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(tag), str(count)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_during_writes_loses_no_committed_sample(tmp_path):
    path = tmp_path / "samples.db"
    SampleStore(path).close()
    writer = start_writer(path, tag=0, count=-1)
    committed = {}
    try:
        while len(committed) < 40:
            line = writer.stdout.readline()
            assert line, writer.stderr.read()
            sample_id, label = map(int, line.split())
            committed[sample_id] = label
    finally:
        writer.kill()                               # SIGKILL on POSIX, mid-stream
        writer.communicate(timeout=10)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with SampleStore(path) as store:
        assert len(store) >= len(committed)
        for sample_id, label in committed.items():
            assert store.get(sample_id).label == label
        assert store.add(1, digit_image(1)) > max(committed)      # and it is still writable


def test_two_processes_and_two_threads_write_at_once(tmp_path):
    path = tmp_path / "samples.db"
    with SampleStore(path) as store:
        writers = [start_writer(path, tag, 60) for tag in (1, 2)]
        thread_ids: list[int] = []

        def add_many(seed):
            for i in range(30):
                thread_ids.append(store.add(i % 10, digit_image(seed + i), source="window"))

        threads = [threading.Thread(target=add_many, args=(seed,)) for seed in (0, 100)]
        for t in threads:
            t.start()
        outputs = [w.communicate(timeout=60) for w in writers]
        for t in threads:
            t.join(timeout=60)
        assert [w.returncode for w in writers] == [0, 0], [err for _, err in outputs]
        process_ids = {int(line.split()[0]) for out, _ in outputs for line in out.splitlines()}
        assert len(process_ids) == 120 and len(thread_ids) == 60
        assert len(store) == 180
        assert {s.id for s in store.samples()} == process_ids | set(thread_ids)
        assert {s.model for s in store.samples(label=1) if s.source == "cli"} == {"writer 1", "writer 2"}


def make_v1(path: Path, rows) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE samples(id INTEGER PRIMARY KEY, label INTEGER, image BLOB, created REAL)")
    conn.executemany("INSERT INTO samples (label, image, created) VALUES (?, ?, ?)", rows)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_schema_migration_from_version_1(tmp_path):
    path = tmp_path / "samples.db"
    rows = [(i % 10, digit_image(i).tobytes(), 1600000000.0 + i) for i in range(7)]
    make_v1(path, rows)
    with SampleStore(path) as store:
        got = store.samples()
        assert [(s.label, s.image.tobytes(), s.created) for s in got] == rows
        assert all((s.strokes, s.model, s.predicted, s.source) == (None, None, None, "window") for s in got)
        new_id = store.add(3, digit_image(50), strokes=STROKES, model="m", predicted=3, source="cli")
        assert store.get(new_id).strokes == STROKES
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    columns = [r[1] for r in conn.execute("PRAGMA table_info(samples)")]
    assert columns == ["id", "label", "image", "created", "strokes", "model", "predicted", "source"]
    conn.close()
    with SampleStore(path) as again:                   # opening a current file changes nothing
        assert len(again) == 8


def test_an_unversioned_version_1_table_is_upgraded_too(tmp_path):
    path = tmp_path / "samples.db"
    make_v1(path, [(4, digit_image(4).tobytes(), 5.0)])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with SampleStore(path) as store:
        assert [(s.label, s.source) for s in store.samples()] == [(4, "window")]


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "samples.db"
    SampleStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(SampleStoreError, match="older than the data"):
        SampleStore(path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "samples.db"
    path.write_bytes(np.random.default_rng(1).integers(0, 256, 8192, dtype=np.uint8).tobytes())
    with pytest.raises(SampleStoreError, match="samples.db"):
        SampleStore(path)
    with pytest.raises(SampleStoreError):
        SampleStore(tmp_path)                           # a folder, not a file


# ----- the samples command -----

def run_cli(capsys, *argv) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    samples_cli.add_arguments(commands)
    args = parser.parse_args(["samples", *map(str, argv)])
    status = samples_cli.samples_command(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_add_list_export_import_delete(capsys, tmp_path, private_user_dir):
    seven = SAMPLES_DIR / "seven-dark-on-light.png"
    status, out, err = run_cli(capsys, "add", "--label", 7, seven, SAMPLES_DIR / "not-an-image.txt",
                               SAMPLES_DIR / "blank.png", SAMPLES_DIR / "three-small-light-on-dark.png")
    assert status == 1
    assert "not-an-image.txt" in err and "error:" in err and "blank" in err
    assert out.count("stored as sample") == 2
    db = Path(private_user_dir) / "samples.db"
    assert db.exists()                                  # honours DIGIT_STUDIO_HOME

    assert run_cli(capsys, "add", "--label", 3, SAMPLES_DIR / "three-small-light-on-dark.png")[0] == 0

    status, out, _ = run_cli(capsys, "list", "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [r["label"] for r in records] == [7, 7, 3]
    assert all(r["source"] == "cli" and r["model"] is None for r in records)
    ids = [r["id"] for r in records]

    status, out, _ = run_cli(capsys, "list")
    assert status == 0 and "3 samples" in out and "7:2" in out and "3:1" in out
    assert [line.split()[:2] for line in out.splitlines()[3:]] == [[str(i), str(d)] for i, d in zip(ids, [7, 7, 3])]
    status, out, _ = run_cli(capsys, "list", "--label", 3, "--json")
    assert [json.loads(line)["label"] for line in out.splitlines()] == [3]

    folder = tmp_path / "exported"
    status, out, _ = run_cli(capsys, "export", folder)
    assert status == 0 and "exported 3" in out
    assert len(list(folder.glob("*.png"))) == 3

    status, out, _ = run_cli(capsys, "delete", ids[0], 12345)
    assert status == 1 and "deleted 1" in out
    assert run_cli(capsys, "delete", ids[1])[0] == 0

    status, out, _ = run_cli(capsys, "import", folder)
    assert status == 0 and "imported 3" in out
    with SampleStore(db) as store:
        assert store.counts()[7] == 2 and store.counts()[3] == 2 and len(store) == 4

    status, _, err = run_cli(capsys, "import", tmp_path / "nowhere")
    assert status == 1 and "labels.csv" in err


def test_cli_usage_errors(capsys):
    with pytest.raises(SystemExit):
        run_cli(capsys, "add", "--label", 12, "x.png")
    with pytest.raises(ValueError):
        samples_cli.samples_command(argparse.Namespace(samples_action="add", label=12, images=["x.png"]))
    with pytest.raises(ValueError):
        samples_cli.samples_command(argparse.Namespace(samples_action="frobnicate"))


def test_cli_reports_a_damaged_database(capsys, private_user_dir):
    (Path(private_user_dir) / "samples.db").write_bytes(b"\x00garbage" * 1000)
    status, _, err = run_cli(capsys, "list")
    assert status == 1 and "error:" in err and "samples.db" in err

"""The user's own labelled drawings ("Teach it your handwriting"), kept in SQLite, without Qt.

One ``SampleStore`` wraps one SQLite file (``samples.db`` in the user's data folder by default).
Each sample holds the 28x28 image the network saw (784 raw uint8 bytes, white ink on black), the
label the user gave it, the pen strokes as JSON (when it was drawn here), when it was stored, which
model answered what at that moment, and where it came from (window, kiosk, import, cli).

Durability: WAL journal, ``synchronous=FULL`` and one transaction per sample, so a sample whose
``add`` returned survives a crash, a kill or a power cut, and a kill mid-write never corrupts the
file. A busy timeout lets the window and the command line write to the same file at once.

Schema versions (``PRAGMA user_version``):
  1. ``samples(id INTEGER PRIMARY KEY, label INTEGER, image BLOB, created REAL)``
  2. adds ``strokes TEXT`` (JSON, NULL), ``model TEXT``, ``predicted INTEGER`` and
     ``source TEXT`` (default 'window').
Opening an older file upgrades it in one transaction; a newer one is refused (SampleStoreError).
"""
from __future__ import annotations

import contextlib
import csv
import json
import logging
import numbers
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image

from engine.paths import user_data_dir
from engine.words import QT_TRANSLATE_NOOP, Words

__all__ = ["SCHEMA_VERSION", "SOURCES", "Sample", "SampleStore", "SampleStoreError", "default_samples_path"]

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
SOURCES = ("window", "kiosk", "import", "cli")
SIDE = 28
IMAGE_BYTES = SIDE * SIDE
BUSY_TIMEOUT_MS = 5000
LABELS_CSV = "labels.csv"
_COLUMNS = "id, label, image, strokes, created, model, predicted, source"
_ORDER = "ORDER BY created, id"
# A float image a little over 1 (rounding in someone's normalisation) is fine; 0..255 floats are not.
_FLOAT_SLACK = 1e-3
# Below this contrast (of 255) an imported 28x28 image holds no digit (engine.preprocess's own level).
_BLANK_CONTRAST = 32
# A 28x28 gray image whose border is darker than this is already white-on-black (MNIST-style).
_DARK_BORDER = 64

_CREATE_V2 = """
CREATE TABLE samples (
    id INTEGER PRIMARY KEY,
    label INTEGER NOT NULL CHECK (label BETWEEN 0 AND 9),
    image BLOB NOT NULL,
    strokes TEXT,
    created REAL NOT NULL,
    model TEXT,
    predicted INTEGER,
    source TEXT NOT NULL DEFAULT 'window'
)"""
# Version 1 -> 2: the columns version 2 added (ALTER TABLE ADD COLUMN keeps every row).
_ADDED_IN_V2 = (("strokes", "TEXT"), ("model", "TEXT"), ("predicted", "INTEGER"),
                ("source", "TEXT NOT NULL DEFAULT 'window'"))


class SampleStoreError(RuntimeError):
    """The sample database cannot be opened, read or written (the message says which file and why)."""


@dataclass(frozen=True)
class Sample:
    """One labelled drawing. Equality and hashing use the scalar fields (the id above all), not
    the image or the strokes; ``image`` is read-only."""
    id: int
    label: int                 # 0..9
    image: np.ndarray = field(compare=False)   # (28, 28) uint8, white ink on black: what the network saw
    strokes: list | None = field(compare=False)  # [{"points": [[x, y], ...], "width": w, "erase": b}, ...] 0..1
    created: float             # unix time
    model: str | None          # label of the model that answered when it was stored
    predicted: int | None      # what that model answered (None: not a digit / unknown)
    source: str                # one of SOURCES


def default_samples_path() -> Path:
    """``samples.db`` in the user's data folder (``DIGIT_STUDIO_HOME`` when set)."""
    return user_data_dir() / "samples.db"


def _digit(value, what: str = "label") -> int:
    """``value`` as an int 0..9 (ints and numpy integers; not bools, not floats), else ValueError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{what} must be a digit 0-9, got {value!r}")
    value = int(value)
    if not 0 <= value <= 9:
        raise ValueError(f"{what} must be a digit 0-9, got {value}")
    return value


def _image_bytes(image) -> bytes:
    """A (28, 28) image (uint8 0..255, float 0..1, bool or other ints 0..255) as 784 uint8 bytes."""
    a = np.asarray(image)
    if a.shape != (SIDE, SIDE):
        raise ValueError(f"a sample image must be {SIDE}x{SIDE}, got shape {a.shape}")
    if a.dtype == np.uint8:
        out = a
    elif a.dtype == np.bool_:
        out = a.astype(np.uint8) * np.uint8(255)
    elif np.issubdtype(a.dtype, np.floating):
        a = np.nan_to_num(a.astype(np.float64), nan=0.0, posinf=1.0, neginf=0.0)
        if a.min() < -_FLOAT_SLACK or a.max() > 1.0 + _FLOAT_SLACK:
            raise ValueError(f"a float sample image must hold values in 0..1, got {a.min():g}..{a.max():g}")
        out = np.rint(np.clip(a, 0.0, 1.0) * 255.0).astype(np.uint8)
    elif np.issubdtype(a.dtype, np.integer):
        if a.min() < 0 or a.max() > 255:
            raise ValueError(f"an integer sample image must hold values in 0..255, got {a.min()}..{a.max()}")
        out = a.astype(np.uint8)
    else:
        raise ValueError(f"unsupported sample image dtype {a.dtype}")
    return np.ascontiguousarray(out).tobytes()


def _json_default(value):
    """Let numpy numbers and arrays inside strokes serialise as plain JSON."""
    if isinstance(value, (np.generic, np.ndarray)):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON data")


def _strokes_text(strokes) -> str | None:
    if strokes is None:
        return None
    if not isinstance(strokes, (list, tuple)):
        raise ValueError(f"strokes must be a list of strokes or None, got {type(strokes).__name__}")
    try:
        return json.dumps(list(strokes), default=_json_default, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"strokes must be plain JSON data (lists, dicts, finite numbers): {exc}") from exc


class SampleStore:
    """The labelled samples in one SQLite file. Safe to share between threads (one connection,
    one lock) and between processes (SQLite's locking, with a busy timeout)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_samples_path()
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SampleStoreError(Words(QT_TRANSLATE_NOOP(
                "engine", "cannot create the folder for the sample database {path}: {error}"),
                path=str(self.path), error=str(exc))) from exc
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise SampleStoreError(self._cannot_open(exc)) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._check_version(conn.execute("PRAGMA user_version").fetchone()[0])
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            self._migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if not isinstance(exc, sqlite3.OperationalError):   # "file is not a database", "malformed"
                raise SampleStoreError(Words(QT_TRANSLATE_NOOP(
                    "engine", "{path} is not a Digit Studio sample database (it is damaged or another kind of "
                    "file): {error}"), path=str(self.path), error=str(exc))) from exc
            raise SampleStoreError(self._cannot_open(exc)) from exc
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    # ----- opening and upgrading -----

    def _cannot_open(self, exc: Exception) -> str:
        return Words(QT_TRANSLATE_NOOP("engine", "cannot open the sample database {path}: {error}"),
                     path=str(self.path), error=str(exc))

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise SampleStoreError(Words(QT_TRANSLATE_NOOP(
                "engine", "the sample database {path} was written by a newer Digit Studio (data version {version}; "
                "this app reads up to {known}): this app is older than the data. Update Digit Studio to use these "
                "samples."), path=str(self.path), version=version, known=SCHEMA_VERSION))

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Create the tables or upgrade an older file, in one transaction (nothing when current)."""
        if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]   # another process may have won
            self._check_version(version)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(samples)")}
            if version < SCHEMA_VERSION:
                if not columns:
                    conn.execute(_CREATE_V2)
                else:       # version 1 (or an unversioned file with the version-1 table)
                    missing = {"id", "label", "image", "created"} - columns
                    if missing:
                        raise SampleStoreError(Words(QT_TRANSLATE_NOOP(
                            "engine", "{path} has a samples table without the column(s) {columns}: it is not a "
                            "Digit Studio sample database"), path=str(self.path), columns=", ".join(sorted(missing))))
                    for name, kind in _ADDED_IN_V2:
                        if name not in columns:
                            conn.execute(f"ALTER TABLE samples ADD COLUMN {name} {kind}")
                    log.info("upgraded the sample database %s from version %d to %d", self.path,
                             max(version, 1), SCHEMA_VERSION)
                conn.execute("CREATE INDEX IF NOT EXISTS samples_by_time ON samples(created, id)")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # ----- plumbing -----

    @contextlib.contextmanager
    def _connection(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock; ``write``: inside one IMMEDIATE transaction. SQLite
        errors become SampleStoreError naming the file."""
        with self._lock:
            conn = self._conn
            if conn is None:
                raise SampleStoreError(Words(QT_TRANSLATE_NOOP("engine", "the sample database {path} is closed"),
                                             path=str(self.path)))
            try:
                if not write:
                    yield conn
                    return
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                if write:
                    raise SampleStoreError(Words(QT_TRANSLATE_NOOP(
                        "engine", "cannot write the sample database {path}: {error}"),
                        path=str(self.path), error=str(exc))) from exc
                raise SampleStoreError(Words(QT_TRANSLATE_NOOP(
                    "engine", "cannot read the sample database {path}: {error}"),
                    path=str(self.path), error=str(exc))) from exc

    def _row_to_sample(self, row) -> Sample:
        sample_id, label, blob, strokes, created, model, predicted, source = row
        if blob is None or len(blob) != IMAGE_BYTES:
            raise SampleStoreError(Words(QT_TRANSLATE_NOOP(
                "engine", "sample {id} in {path} has a damaged image ({size} bytes, not {expected})"),
                id=sample_id, path=str(self.path), size=0 if blob is None else len(blob), expected=IMAGE_BYTES))
        image = np.frombuffer(bytes(blob), np.uint8).reshape(SIDE, SIDE)   # read-only
        parsed = None
        if strokes is not None:
            try:
                parsed = json.loads(strokes)
            except ValueError:
                log.warning("sample %s in %s has unreadable strokes; ignoring them", sample_id, self.path)
        return Sample(id=int(sample_id), label=int(label), image=image, strokes=parsed,
                      created=float(created), model=model,
                      predicted=None if predicted is None else int(predicted),
                      source=source or "window")

    def _rows_to_samples(self, rows) -> list[Sample]:
        out = []
        for row in rows:
            try:
                out.append(self._row_to_sample(row))
            except SampleStoreError as exc:
                log.warning("skipping a sample: %s", exc)
        return out

    @staticmethod
    def _record(label, image, strokes, model, predicted, source, created) -> tuple:
        """Validated column values for one new sample (ValueError naming what is wrong)."""
        label = _digit(label)
        if predicted is not None:
            predicted = _digit(predicted, "predicted")
        if source not in SOURCES:
            raise ValueError(f"source must be one of {', '.join(SOURCES)}, got {source!r}")
        if model is not None and not isinstance(model, str):
            raise ValueError(f"model must be a string or None, got {type(model).__name__}")
        created = time.time() if created is None else float(created)
        return label, _image_bytes(image), _strokes_text(strokes), created, model, predicted, source

    _INSERT = ("INSERT INTO samples (label, image, strokes, created, model, predicted, source) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)")

    # ----- the public API -----

    def add(self, label: int, image: np.ndarray, strokes: list | None = None, model: str | None = None,
            predicted: int | None = None, source: str = "window", created: float | None = None) -> int:
        """Store one sample in one transaction; returns its id once it is committed (durable).
        ``image``: (28, 28) uint8 0..255 or float 0..1. ValueError for a bad label, image or source."""
        record = self._record(label, image, strokes, model, predicted, source, created)
        with self._connection(write=True) as conn:
            return int(conn.execute(self._INSERT, record).lastrowid)

    def get(self, sample_id: int) -> Sample:
        """The sample with this id; KeyError when there is none."""
        with self._connection() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM samples WHERE id = ?", (int(sample_id),)).fetchone()
        if row is None:
            raise KeyError(sample_id)
        return self._row_to_sample(row)

    def samples(self, label: int | None = None) -> list[Sample]:
        """Every sample (or every one of one digit), oldest first."""
        with self._connection() as conn:
            if label is None:
                rows = conn.execute(f"SELECT {_COLUMNS} FROM samples {_ORDER}").fetchall()
            else:
                rows = conn.execute(f"SELECT {_COLUMNS} FROM samples WHERE label = ? {_ORDER}",
                                    (_digit(label),)).fetchall()
        return self._rows_to_samples(rows)

    def counts(self) -> dict[int, int]:
        """How many samples of each digit: every digit 0..9 is a key."""
        out = dict.fromkeys(range(10), 0)
        with self._connection() as conn:
            for label, count in conn.execute("SELECT label, COUNT(*) FROM samples GROUP BY label"):
                if label in out:
                    out[label] = int(count)
        return out

    def __len__(self) -> int:
        with self._connection() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM samples").fetchone()[0])

    def relabel(self, sample_id: int, label: int) -> None:
        """Give a sample another label; KeyError when there is no such sample."""
        label = _digit(label)
        with self._connection(write=True) as conn:
            changed = conn.execute("UPDATE samples SET label = ? WHERE id = ?", (label, int(sample_id))).rowcount
        if not changed:
            raise KeyError(sample_id)

    def delete(self, sample_ids) -> int:
        """Delete these samples (one id or several) in one transaction; returns how many there were."""
        ids = [sample_ids] if isinstance(sample_ids, numbers.Integral) else list(sample_ids)
        ids = sorted({int(i) for i in ids})
        if not ids:
            return 0
        deleted = 0
        with self._connection(write=True) as conn:
            for start in range(0, len(ids), 500):    # SQLite's bound-parameter limit
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                deleted += conn.execute(f"DELETE FROM samples WHERE id IN ({marks})", chunk).rowcount
        return deleted

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Everything for training: x (n, 28, 28) uint8, y (n,) int64, ids (n,) int64, oldest first."""
        with self._connection() as conn:
            rows = conn.execute(f"SELECT id, label, image FROM samples {_ORDER}").fetchall()
        good = [r for r in rows if r[2] is not None and len(r[2]) == IMAGE_BYTES and 0 <= r[1] <= 9]
        if len(good) < len(rows):
            log.warning("skipping %d damaged sample(s) in %s", len(rows) - len(good), self.path)
        x = np.empty((len(good), SIDE, SIDE), np.uint8)
        for i, (_, _, blob) in enumerate(good):
            x[i] = np.frombuffer(bytes(blob), np.uint8).reshape(SIDE, SIDE)
        y = np.array([r[1] for r in good], np.int64)
        ids = np.array([r[0] for r in good], np.int64)
        return x, y, ids

    def export(self, folder: str | Path) -> int:
        """Write every sample as ``sample-<id>-<label>.png`` (28x28 8-bit gray, white on black) and
        a ``labels.csv`` (``file,label``) listing them; returns how many."""
        folder = Path(folder)
        samples = self.samples()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            names = []
            for s in samples:
                name = f"sample-{s.id}-{s.label}.png"
                Image.fromarray(np.ascontiguousarray(s.image)).save(folder / name, format="PNG")
                names.append((name, s.label))
            partial = folder / (LABELS_CSV + ".part")
            with open(partial, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(["file", "label"])
                writer.writerows(names)
            os.replace(partial, folder / LABELS_CSV)
        except OSError as exc:
            raise SampleStoreError(Words(QT_TRANSLATE_NOOP("engine", "cannot export the samples to {folder}: {error}"),
                                         folder=str(folder), error=str(exc))) from exc
        return len(names)

    def import_folder(self, folder: str | Path, source: str = "import", skipped: list | None = None) -> int:
        """Add the images a folder's ``labels.csv`` (``file,label``) lists, in one transaction;
        returns how many were added. A 28x28 gray image on a dark background is taken as it is;
        any other image (any size, either polarity) goes through ``engine.preprocess``. Bad rows,
        missing or unreadable files and blank images are skipped: each with a warning in the log,
        or, when ``skipped`` is a list, with its message appended there instead. SampleStoreError
        when there is no readable ``labels.csv``."""
        from engine.preprocess import ImageReadError, load_image, preprocess_digit

        if source not in SOURCES:
            raise ValueError(f"source must be one of {', '.join(SOURCES)}, got {source!r}")
        folder = Path(folder)
        labels_file = folder / LABELS_CSV
        try:
            with open(labels_file, newline="", encoding="utf-8-sig") as f:
                rows = list(csv.reader(f))
        except FileNotFoundError as exc:
            raise SampleStoreError(Words(QT_TRANSLATE_NOOP("engine", "{folder} has no {file} (a 'file,label' list "
                                                           "of the images)"),
                                         folder=str(folder), file=LABELS_CSV)) from exc
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise SampleStoreError(Words(QT_TRANSLATE_NOOP("engine", "cannot read {file}: {error}"),
                                         file=str(labels_file), error=str(exc))) from exc

        def skip(message: str) -> None:
            if skipped is None:
                log.warning("import from %s: %s", folder, message)
            else:
                log.info("import from %s: %s", folder, message)
                skipped.append(message)

        file_col, label_col, first = 0, 1, 0
        if rows and not _is_digit_text(rows[0], 1):     # a header row (a headerless file starts with data)
            header = [c.strip().lower() for c in rows[0]]
            if "file" in header and "label" in header:
                file_col, label_col = header.index("file"), header.index("label")
            first = 1
        records = []
        for line, row in enumerate(rows[first:], start=first + 1):
            if not any(c.strip() for c in row):
                continue
            if len(row) <= max(file_col, label_col):
                skip(f"{LABELS_CSV} line {line}: expected 'file,label', got {','.join(row)!r}")
                continue
            name, label_text = row[file_col].strip(), row[label_col].strip()
            if not (len(label_text) == 1 and label_text.isdigit()):
                skip(f"{LABELS_CSV} line {line}: the label of {name!r} is not a digit 0-9: {label_text!r}")
                continue
            path = folder / name
            try:
                pixels = load_image(path)
            except ImageReadError as exc:
                skip(f"{LABELS_CSV} line {line}: {exc}")
                continue
            if pixels.shape == (SIDE, SIDE) and int(np.median(_border(pixels))) < _DARK_BORDER:
                image = pixels if int(pixels.max()) - int(pixels.min()) >= _BLANK_CONTRAST else None
            else:
                image = preprocess_digit(pixels)
            if image is None:
                skip(f"{LABELS_CSV} line {line}: {name!r} holds no digit (blank)")
                continue
            records.append(self._record(int(label_text), image, None, None, None, source, None))
        if records:
            with self._connection(write=True) as conn:
                conn.executemany(self._INSERT, records)
        return len(records)

    def close(self) -> None:
        """Close the connection (again: nothing)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> "SampleStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SampleStore({str(self.path)!r})"


def _is_digit_text(row: list, col: int) -> bool:
    return len(row) > col and row[col].strip().isdigit()


def _border(a: np.ndarray) -> np.ndarray:
    return np.concatenate([a[0], a[-1], a[1:-1, 0], a[1:-1, -1]])


"""Keeps labelled drawings: the window's "it was a 7" (a click on a bar or Ctrl+7) becomes a sample
in ``engine.samples.SampleStore`` (SQLite in the data folder), with its strokes, the 28×28 image
the network saw, what the model answered and which model it was.

One object per app window; the store opens on first use, so a window that never keeps a drawing
never touches the database. A store that cannot be opened or written gives ``failed(message)``
and loses nothing else: the drawing stays on the canvas.

Its words (``hint``, ``plural``, ``failed``) are in the language on screen when asked for; a caller
showing one for a while asks again on a language change (or hands the prediction panel
``collector.hint`` itself, which the panel asks again by itself).
"""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

from gui import i18n

log = logging.getLogger("digit_studio")

# English only: "4 sevens". A Turkish sentence names the digit itself ("4 tane 7"), so a translation
# simply leaves the {name} placeholder out.
DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def strokes_to_data(strokes) -> list[dict]:
    """Canvas strokes (``gui.drawing.canvas.Stroke``) as the store keeps them: plain JSON data."""
    return [{"points": [[round(float(x), 5), round(float(y), 5)] for x, y in s.points],
             "width": round(float(s.width), 5), "erase": bool(s.erase)} for s in strokes]


def as_uint8(image: np.ndarray) -> np.ndarray:
    """A 28×28 image in 0..1 (the Prediction's) as uint8 0..255."""
    return np.clip(np.rint(np.asarray(image, dtype=np.float32) * 255), 0, 255).astype(np.uint8)


def digit_name(count: int, digit: int) -> str:
    """The English word for ``count`` of ``digit``: "one", "ones", "sixes" (for the {name} of a sentence)."""
    return f"{DIGIT_WORDS[digit]}{'' if count == 1 else ('es' if digit == 6 else 's')}"


def plural(count: int, digit: int) -> str:
    """``count`` drawings of ``digit``, in the language on screen: "4 sevens" / "4 tane 7"."""
    return QCoreApplication.translate("HandwritingCollector", "{count} {name}").format(
        count=i18n.integer(count), name=digit_name(count, digit), digit=digit)


class HandwritingCollector(QObject):
    """Stores labelled drawings and says how many of each digit there are."""

    stored = Signal(int, int)      # (sample id, label)
    changed = Signal()             # anything in the store changed (added, relabelled, deleted, imported)
    failed = Signal(str)

    def __init__(self, path=None, parent: QObject | None = None):
        super().__init__(parent)
        self._path = path          # None: engine.samples.default_samples_path()
        self._store = None
        self._counts: dict[int, int] | None = None   # cached; dropped whenever the store changes
        self.changed.connect(self._forget_counts)

    @property
    def store(self):
        """The open ``SampleStore`` (opened now if needed); raises SampleStoreError."""
        if self._store is None:
            from engine.samples import SampleStore

            self._store = SampleStore(self._path)
        return self._store

    def keep(self, label: int, prediction, strokes, model_label: str | None, source: str = "window") -> int | None:
        """Store the drawing on show as a ``label``; the sample's id, or None (``failed`` said why)."""
        from engine.calibration import NOT_A_DIGIT

        predicted = None if prediction.reason == NOT_A_DIGIT else int(prediction.digit)
        try:
            sample_id = self.store.add(int(label), as_uint8(prediction.image), strokes=strokes_to_data(strokes),
                                       model=model_label, predicted=predicted, source=source)
        except Exception as exc:   # a full disk, a read-only or damaged database: say so, lose nothing
            log.warning("could not keep the drawing: %s", exc)
            self.failed.emit(self.tr("Could not keep the drawing: {reason}").format(reason=i18n.error_text(exc)))
            return None
        log.info("kept drawing as %d (sample %d, the model said %s)", label, sample_id, predicted)
        self.stored.emit(sample_id, int(label))
        self.changed.emit()
        return sample_id

    def counts(self) -> dict[int, int]:
        """How many drawings of each digit are kept ({} when none are, or the store cannot be
        read). Cached; a store that does not exist yet is not created by asking."""
        if self._counts is None:
            from engine.samples import default_samples_path

            if self._store is None and not Path(self._path or default_samples_path()).exists():
                return {}
            try:
                self._counts = self.store.counts()
            except Exception as exc:
                log.warning("could not read the kept drawings: %s", exc)
                return {}
        return self._counts

    def _forget_counts(self) -> None:
        self._counts = None

    def hint(self) -> str:
        """The line under the bars while a drawing is on show: how to keep it, and how many are."""
        total = sum(self.counts().values())
        if not total:
            return self.tr("Click the digit you meant to keep this drawing")
        return self.tr("Click the digit you meant to keep it  ·  {count} kept").format(count=i18n.integer(total))

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

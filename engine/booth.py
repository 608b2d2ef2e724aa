"""Demo-booth settings and statistics, without Qt.

``load_booth_config`` reads the booth's TOML file (``--booth-config PATH``, else
``<user data dir>/booth.toml`` when it exists, else the defaults). A booth runs unattended, so a
bad file never stops the app: a syntax error, an unknown key or a value of the wrong type or range
is logged as a warning and the default is used instead.

The booth's ``language`` ("" = the system's, "en" or "tr") is the one the kiosk starts in and
returns to when it goes idle. Its ``mode`` ("digit": one digit at a time, or "number": several
digits written left to right, read as one number) is likewise the one it starts in and returns to
(visitors switch with the 0–9 | 123 buttons). ``headline`` is a string (shown as written in every language; the
default one is shown translated) or a table with one line per language (``{ en = "…", tr = "…" }``),
read with :meth:`BoothConfig.headline_for`.

``BoothStats`` appends one JSON line per finished drawing and per "Did I get it right?" answer to
``<user data dir>/booth-stats.jsonl`` (in number mode both also carry ``"number"``: "2026", or null
when the number could not be read; older records without it read as before), flushed and fsynced
record by record: a crash or a power cut loses at most the drawing on the canvas. A torn last line (power cut mid-write) is skipped
when counting and never glued to the next record.
"""
from __future__ import annotations

import json
import logging
import math
import os
import tomllib
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from engine.paths import user_data_dir

log = logging.getLogger("digit_studio")

CONFIG_NAME = "booth.toml"
STATS_NAME = "booth-stats.jsonl"
DEFAULT_EXIT_KEYS = "Ctrl+Alt+Shift+Q"
DEFAULT_HEADLINE = "Draw a digit. Watch a neural network read it."   # the kiosk shows it translated
LANGUAGES = ("en", "tr")              # the languages the app speaks (gui/i18n.py); English first
MODES = ("digit", "number")            # one digit at a time, or a number written left to right


@dataclass(frozen=True)
class BoothConfig:
    """What a booth can set (see resources/booth.example.toml and the README)."""

    kiosk: bool = False                    # open the kiosk even without --kiosk
    idle_clear_seconds: float = 20.0       # no input for this long: the canvas clears
    attract_after_seconds: float = 40.0    # ... and this much longer: the attract loop starts
    attract_pause_seconds: float = 1.5     # the attract loop shows each answer this long
    model: str = "cnn"                     # a shipped model's name or a .keras path
    exit_keys: str = DEFAULT_EXIT_KEYS     # the key combination that leaves kiosk mode
    exit_pin: str = ""                     # digits; "" = no PIN pad (5 taps top-right open it)
    show_activations: bool = True          # the live "inside the network" strip
    statistics: bool = True                # append booth statistics to booth-stats.jsonl
    ask_feedback: bool = True              # "Did I get it right?" buttons after each answer
    collect_samples: bool = False          # after ✗: "Which digit was it?"; the drawing is kept (samples.db)
    # a string, or one line per language: (("en", "..."), ("tr", "...")) from a TOML table
    headline: str | tuple[tuple[str, str], ...] = DEFAULT_HEADLINE
    language: str = ""                     # "" = the system's (or --language); "en" or "tr"
    mode: str = "digit"                    # "digit" or "number" (several digits, read as one number)

    def headline_for(self, language: str) -> str | None:
        """The headline to show in ``language``: the booth's own text, or None for the default
        headline (which the kiosk shows translated). A string is the same in every language; a
        table gives the language's line, else its English one, else None."""
        if isinstance(self.headline, str):
            return None if self.headline == DEFAULT_HEADLINE else self.headline
        lines = dict(self.headline)
        text = lines.get(language, lines.get("en"))
        return None if text is None or text == DEFAULT_HEADLINE else text


def _number(lo: float, hi: float) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"expected a number, got {value!r}")
        if not math.isfinite(value) or not lo <= value <= hi:
            raise ValueError(f"expected a number from {lo:g} to {hi:g}, got {value!r}")
        return float(value)
    return check


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _text(max_len: int, allow_empty: bool = False) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"expected a string, got {value!r}")
        value = value.strip()
        if (not value and not allow_empty) or len(value) > max_len:
            raise ValueError(f"expected a non-empty string of at most {max_len} characters, got {value!r}")
        return value
    return check


def _headline(value: Any) -> str | tuple[tuple[str, str], ...]:
    """A string, or a table of languages → strings (kept as sorted pairs: the config stays hashable)."""
    line = _text(200, allow_empty=True)
    if not isinstance(value, dict):
        return line(value)
    if not value:
        raise ValueError("expected a string or a table with a line per language (en, tr), got an empty table")
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise ValueError(f"expected a line per language ({', '.join(LANGUAGES)}), got {', '.join(map(repr, unknown))}")
    return tuple(sorted((language, line(text)) for language, text in value.items()))


def _language(value: Any) -> str:
    if not isinstance(value, str) or value.strip().lower() not in ("", *LANGUAGES):
        raise ValueError(f'expected "" (the system\'s language) or one of {", ".join(LANGUAGES)}, got {value!r}')
    return value.strip().lower()


def _mode(value: Any) -> str:
    if not isinstance(value, str) or value.strip().lower() not in MODES:
        raise ValueError(f'expected one of {", ".join(map(repr, MODES))}, got {value!r}')
    return value.strip().lower()


def _pin(value: Any) -> str:
    text = value if isinstance(value, str) else None
    if text is None or not (text == "" or (text.isdigit() and text.isascii() and 4 <= len(text) <= 12)):
        raise ValueError(f'expected "" or a string of 4 to 12 digits (quoted, e.g. "2468"), got {value!r}')
    return text


DAY = 86_400.0
_CHECKS: dict[str, Callable[[Any], Any]] = {
    "kiosk": _boolean,
    "idle_clear_seconds": _number(0.05, DAY),
    "attract_after_seconds": _number(0.0, DAY),
    "attract_pause_seconds": _number(0.0, 60.0),
    "model": _text(4096),
    "exit_keys": _text(100),
    "exit_pin": _pin,
    "show_activations": _boolean,
    "statistics": _boolean,
    "ask_feedback": _boolean,
    "collect_samples": _boolean,
    "headline": _headline,
    "language": _language,
    "mode": _mode,
}
assert set(_CHECKS) == {f.name for f in fields(BoothConfig)}


def default_config_path() -> Path:
    return user_data_dir() / CONFIG_NAME


def parse_booth_config(values: dict[str, Any], source: str = "booth config") -> BoothConfig:
    """A BoothConfig from parsed TOML; every bad or unknown entry is logged and left at its default."""
    good: dict[str, Any] = {}
    for key, value in values.items():
        check = _CHECKS.get(key)
        if check is None:
            log.warning("%s: unknown key %r ignored (known: %s)", source, key, ", ".join(_CHECKS))
            continue
        try:
            good[key] = check(value)
        except ValueError as exc:
            log.warning("%s: %s: %s; using the default %r", source, key, exc, getattr(BoothConfig, key))
    return replace(BoothConfig(), **good)


def load_booth_config(path: str | os.PathLike | None = None) -> BoothConfig:
    """The booth config from ``path``, else from the user data folder's booth.toml if it exists,
    else the defaults. Never raises: problems are logged warnings."""
    explicit = path is not None
    file = Path(path) if explicit else default_config_path()
    if not file.is_file():
        if explicit:
            log.warning("booth config %s not found; using the defaults", file)
        return BoothConfig()
    try:
        with open(file, "rb") as stream:
            values = tomllib.load(stream)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        log.warning("booth config %s cannot be read (%s); using the defaults", file, exc)
        return BoothConfig()
    config = parse_booth_config(values, source=str(file))
    log.info("booth config %s: %s", file, config)
    return config


class BoothStats:
    """Booth statistics: JSON lines appended to a file, and today's counts for the screen.

    Each record is written with its own open/append/flush/fsync, so whatever was recorded survives
    a crash or a power cut. A write failure (disk full, read-only folder) is logged once and the
    booth goes on; counting on screen continues.
    """

    def __init__(self, path: str | os.PathLike | None = None, enabled: bool = True,
                 clock: Callable[[], datetime] | None = None):
        self.path = Path(path) if path is not None else user_data_dir() / STATS_NAME
        self.enabled = enabled
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._warned = False
        self._day = self._clock().date()
        self.drawings = self.right = self.wrong = 0   # today
        if enabled:
            self._count_today()

    # ----- recording ------------------------------------------------------------------------
    def record_drawing(self, digit: int | None, confidence: float | None, model: str | None = None,
                       *, number_mode: bool = False, number: str | None = None) -> None:
        """One finished drawing (cleared by hand or by the idle timer) and the answer it got. In
        number mode (``number_mode``) the record also says the ``number`` read ("2026"; None when
        it could not be read), ``digit`` is None and ``confidence`` the least sure digit's."""
        self._roll_day()
        self.drawings += 1
        record = {"event": "drawing", "digit": digit,
                  "confidence": None if confidence is None else round(float(confidence), 4),
                  "model": model}
        if number_mode:
            record["number"] = number
        self._append(record)

    def record_feedback(self, right: bool, digit: int | None = None, *, number_mode: bool = False,
                        number: str | None = None) -> None:
        """A visitor's answer to "Did I get it right?" (in number mode, about ``number``)."""
        self._roll_day()
        if right:
            self.right += 1
        else:
            self.wrong += 1
        record = {"event": "feedback", "right": bool(right), "digit": digit}
        if number_mode:
            record["number"] = number
        self._append(record)

    # ----- summaries --------------------------------------------------------------------------
    def percent_right(self) -> int | None:
        answered = self.right + self.wrong
        return None if answered == 0 else round(100 * self.right / answered)

    def today(self) -> tuple[int, int | None]:
        """Today's drawings and the percentage of answers marked right (None: no answers yet);
        the kiosk words them in its language."""
        self._roll_day()
        return self.drawings, self.percent_right()

    def summary(self) -> str:
        """In English, for the log: "128 drawings today · 93% right"."""
        drawings, percent = self.today()
        text = f"{drawings} drawing{'' if drawings == 1 else 's'} today"
        return text if percent is None else f"{text} · {percent}% right"

    def records(self) -> list[dict]:
        """Every readable record in the file (a torn line is skipped)."""
        out = []
        try:
            with open(self.path, encoding="utf-8", errors="replace") as stream:
                for line in stream:
                    try:
                        record = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(record, dict):
                        out.append(record)
        except OSError:
            pass
        return out

    # ----- internals ----------------------------------------------------------------------------
    def _roll_day(self) -> None:
        today = self._clock().date()
        if today != self._day:
            self._day, self.drawings, self.right, self.wrong = today, 0, 0, 0

    def _count_today(self) -> None:
        for record in self.records():
            try:
                if datetime.fromisoformat(record["time"]).date() != self._day:
                    continue
            except (KeyError, TypeError, ValueError):
                continue
            if record.get("event") == "drawing":
                self.drawings += 1
            elif record.get("event") == "feedback":
                if record.get("right") is True:
                    self.right += 1
                elif record.get("right") is False:
                    self.wrong += 1

    def _append(self, record: dict) -> None:
        if not self.enabled:
            return
        line = json.dumps({"time": self._clock().isoformat(timespec="seconds"), **record})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a+b") as stream:
                if stream.tell() > 0:          # a power cut may have torn the last line
                    stream.seek(-1, os.SEEK_END)
                    if stream.read(1) != b"\n":
                        stream.write(b"\n")
                stream.write(line.encode("utf-8") + b"\n")
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as exc:
            if not self._warned:
                self._warned = True
                log.warning("booth statistics cannot be written to %s: %s", self.path, exc)

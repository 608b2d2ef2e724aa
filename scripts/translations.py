"""Extract, merge and compile the app's translations.

    uv run python scripts/translations.py            # lupdate gui/ + engine/ into the .ts, lrelease the .qm
    uv run python scripts/translations.py --merge F  # ... and fill unfinished entries from JSON files
    uv run python scripts/translations.py --check    # exit 1 if anything is unfinished, missing or stale

The ``.ts`` files in resources/translations are the source of the translations (edit them with Qt
Linguist, ``pyside6-linguist``, or by hand); the ``.qm`` files beside them are what the app loads.
Both are committed, so a fresh clone runs without a build step; ``--check`` (run by the tests)
proves the committed ``.ts`` holds every string of the code, each one translated, and that the
committed ``.qm`` is exactly what ``pyside6-lrelease`` makes of it.

A merge file is a JSON list of ``{"context", "source", "translation"}`` objects (optionally
``"comment"``, the disambiguation), e.g. written while wrapping a package's strings.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
CATALOGUE = "digit_studio"
LANGUAGES = ("tr",)            # English is the source language: it needs no catalogue
SOURCE_PACKAGES = ("gui", "engine")


def tool(name: str) -> list[str]:
    """A PySide6 tool (pyside6-lupdate / pyside6-lrelease) as a command, found beside this Python."""
    for folder in (Path(sys.executable).parent, Path(sys.executable).parent / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return [str(candidate)]
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project's dependencies (uv sync)")
    return [found]


def sources() -> list[str]:
    files = []
    for package in SOURCE_PACKAGES:
        files += sorted(str(path.relative_to(ROOT)) for path in (ROOT / package).rglob("*.py"))
    return files


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def lupdate(ts: Path, language: str) -> str:
    result = subprocess.run(tool("pyside6-lupdate") + [*sources(), "-no-obsolete", "-locations", "none",
                                                       "-source-language", "en", "-target-language", language,
                                                       "-ts", str(ts)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-lupdate failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def lrelease(ts: Path, qm: Path) -> None:
    result = subprocess.run(tool("pyside6-lrelease") + ["-silent", str(ts), "-qm", str(qm)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-lrelease failed:\n{result.stdout}\n{result.stderr}")


def messages(ts: Path):
    """(context, source, comment, translation element) for every message of a .ts file."""
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message.findtext("comment") or "", message.find("translation")


def problems(ts: Path) -> list[str]:
    """Every entry of ``ts`` that is unfinished, empty or no longer in the code."""
    found = []
    for context, source, comment, translation in messages(ts):
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("unfinished", "vanished", "obsolete", "missing") or not "".join(translation.itertext()).strip():
            found.append(f"{kind or 'empty'}: [{context}] {source!r}" + (f" ({comment})" if comment else ""))
    return found


def merge(ts: Path, files: list[Path]) -> int:
    """Fill unfinished entries of ``ts`` from JSON merge files; returns how many were filled."""
    wanted: dict[tuple[str, str, str], str] = {}
    by_source: dict[str, str] = {}
    for file in files:
        for entry in json.loads(file.read_text(encoding="utf-8")):
            key = (entry["context"], entry["source"], entry.get("comment", ""))
            wanted[key] = entry["translation"]
            by_source.setdefault(entry["source"], entry["translation"])
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            text = wanted.get(key, by_source.get(key[1]))
            if text:
                translation.text = text
                del translation.attrib["type"]
                filled += 1
    ET.indent(tree, space="    ")
    with open(ts, "wb") as stream:
        stream.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(stream, encoding="utf-8", xml_declaration=False)
        stream.write(b"\n")
    return filled


def check() -> list[str]:
    """What is wrong with the committed catalogues (empty when they are complete and current)."""
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        for language in LANGUAGES:
            committed = ts_path(language)
            if not committed.exists():
                found.append(f"{committed.name} is missing")
                continue
            fresh = Path(scratch) / committed.name
            shutil.copy(committed, fresh)
            lupdate(fresh, language)
            found += [f"{language}: {problem}" for problem in problems(fresh)]
            if {m[:3] for m in messages(fresh)} != {m[:3] for m in messages(committed)}:
                found.append(f"{committed.name} is not what lupdate makes of the code: run scripts/translations.py")
            qm = Path(scratch) / f"{CATALOGUE}_{language}.qm"
            lrelease(committed, qm)
            shipped = committed.with_suffix(".qm")
            if not shipped.exists() or shipped.read_bytes() != qm.read_bytes():
                found.append(f"{shipped.name} is not what lrelease makes of {committed.name}: run scripts/translations.py")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report unfinished, missing or stale entries; change nothing")
    parser.add_argument("--merge", nargs="+", type=Path, default=[], metavar="JSON",
                        help="fill unfinished entries from these JSON files")
    args = parser.parse_args(argv)
    if args.check:
        found = check()
        for line in found:
            print(line)
        print(f"{len(found)} problem(s)" if found else "translations complete and current")
        return 1 if found else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_path(language)
        print(lupdate(ts, language).strip())
        if args.merge:
            print(f"filled {merge(ts, args.merge)} entries from {len(args.merge)} file(s)")
            lupdate(ts, language)   # lupdate's own layout again, so the file diffs cleanly
        left = problems(ts)
        print(f"{ts.name}: {len(left)} unfinished")
        lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

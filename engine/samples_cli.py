"""The ``samples`` command: keep labelled drawings of your own handwriting from the command line.

    samples add --label D IMAGE...   preprocess each image as the window does and store it
    samples list [--label D] [--json]
    samples export DIR               PNGs + labels.csv (file,label)
    samples import DIR               the same layout back in
    samples delete ID...

Every action works on ``samples.db`` in the user's data folder (``DIGIT_STUDIO_HOME`` when set).
Exit status: 0 done, 1 partly or not done (an unreadable or blank image, a skipped row, an
unknown id, a database that cannot be used), 2 a usage error (raised as ValueError for main.py).
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from engine.samples import SampleStore, SampleStoreError, _digit, default_samples_path

__all__ = ["add_arguments", "samples_command"]


def _digit_arg(text: str) -> int:
    """argparse type: one digit 0..9."""
    if len(text.strip()) == 1 and text.strip().isdigit():
        return int(text)
    raise argparse.ArgumentTypeError(f"expected a digit 0-9, got {text!r}")


def add_arguments(subparsers) -> None:
    """Register ``samples`` (with its actions) on main.py's ``commands`` subparsers object."""
    samples = subparsers.add_parser(
        "samples", help="your own labelled drawings, for adapting a model to your handwriting",
        description="Keep labelled drawings of your own handwriting (samples.db in your data folder; "
                    "DIGIT_STUDIO_HOME moves it).")
    actions = samples.add_subparsers(dest="samples_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="store image files as samples of one digit")
    add.add_argument("--label", type=_digit_arg, required=True, metavar="D", help="the digit they show (0-9)")
    add.add_argument("images", nargs="+", metavar="IMAGE")

    listing = actions.add_parser("list", help="how many samples of each digit, and each sample")
    listing.add_argument("--label", type=_digit_arg, metavar="D", help="only the samples of this digit")
    listing.add_argument("--json", action="store_true", help="one JSON object per sample per line")

    export = actions.add_parser("export", help="write the samples as PNGs plus labels.csv (file,label)")
    export.add_argument("folder", metavar="DIR")

    imp = actions.add_parser("import", help="add the PNGs a folder's labels.csv (file,label) lists")
    imp.add_argument("folder", metavar="DIR")

    delete = actions.add_parser("delete", help="delete samples by id (see samples list)")
    delete.add_argument("ids", nargs="+", type=int, metavar="ID")


def samples_command(args) -> int:
    """Run one ``samples`` action; returns the exit status. ValueError for a usage error."""
    action = getattr(args, "samples_action", None)
    handlers = {"add": _add, "list": _list, "export": _export, "import": _import, "delete": _delete}
    if action not in handlers:
        raise ValueError(f"samples: expected one of {', '.join(handlers)}, got {action!r}")
    if getattr(args, "label", None) is not None:    # a usage error, found before the database is touched
        _digit(args.label)
    try:
        with SampleStore(default_samples_path()) as store:
            return handlers[action](store, args)
    except SampleStoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _add(store: SampleStore, args) -> int:
    from engine.preprocess import ImageReadError, load_image, preprocess_digit

    label = _digit(args.label)
    failures = 0
    for name in args.images:
        try:
            image = preprocess_digit(load_image(name))
        except ImageReadError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failures += 1
            continue
        if image is None:
            print(f"skipped {name}: no digit in it (the image is blank)", file=sys.stderr)
            failures += 1
            continue
        sample_id = store.add(label, image, source="cli")
        print(f"{name}: stored as sample {sample_id} (label {label})")
    return 1 if failures else 0


def _date(created: float) -> str:
    return datetime.fromtimestamp(created).strftime("%Y-%m-%d %H:%M:%S")


def _list(store: SampleStore, args) -> int:
    label = getattr(args, "label", None)
    samples = store.samples(label)
    if getattr(args, "json", False):
        for s in samples:
            print(json.dumps({"id": s.id, "label": s.label, "created": s.created, "date": _date(s.created),
                              "source": s.source, "model": s.model, "predicted": s.predicted,
                              "strokes": s.strokes is not None}))
        return 0
    counts = store.counts()
    total = sum(counts.values())
    print(f"{total} sample{'' if total == 1 else 's'} in {store.path}")
    print("per digit: " + "  ".join(f"{d}:{n}" for d, n in counts.items()))
    if samples:
        print(f"{'id':>6}  label  {'stored':<19}  {'source':<6}  model (its answer)")
    for s in samples:
        answer = "" if s.model is None else f" ({'not a digit' if s.predicted is None else s.predicted})"
        print(f"{s.id:>6}  {s.label:>5}  {_date(s.created):<19}  {s.source:<6}  {s.model or '-'}{answer}")
    return 0


def _export(store: SampleStore, args) -> int:
    count = store.export(args.folder)
    print(f"exported {count} sample{'' if count == 1 else 's'} to {args.folder}")
    return 0


def _import(store: SampleStore, args) -> int:
    skipped: list[str] = []
    count = store.import_folder(args.folder, source="import", skipped=skipped)
    for message in skipped:
        print(f"skipped: {message}", file=sys.stderr)
    print(f"imported {count} sample{'' if count == 1 else 's'} from {args.folder}"
          + (f" ({len(skipped)} skipped)" if skipped else ""))
    return 1 if skipped else 0


def _delete(store: SampleStore, args) -> int:
    ids = [int(i) for i in args.ids]
    present = []
    for sample_id in dict.fromkeys(ids):
        try:
            store.get(sample_id)
            present.append(sample_id)
        except KeyError:
            print(f"error: there is no sample {sample_id}", file=sys.stderr)
        except SampleStoreError:
            present.append(sample_id)   # a damaged row can still be deleted
    deleted = store.delete(present) if present else 0
    print(f"deleted {deleted} sample{'' if deleted == 1 else 's'}")
    return 0 if deleted == len(dict.fromkeys(ids)) else 1

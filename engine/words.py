"""Messages the engine hands to people, in a form a window can show in their language.

The engine speaks English (the command line prints it as is) and never imports Qt. A message a
window may show is made as ``Words(QT_TRANSLATE_NOOP("engine", "template {name}"), name=value)``:
it *is* the English ``str`` (so logs, exceptions and the CLI are unchanged) and it remembers its
template and values, so ``gui.i18n.say`` can look the template up in the app's catalogue and fill
in the same values. ``QT_TRANSLATE_NOOP`` is the marker ``pyside6-lupdate`` extracts the template
by; here it only returns its text.
"""
from __future__ import annotations

from typing import Any

CONTEXT = "engine"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for the translation catalogue (``context`` is always "engine" here)."""
    return text


class Words(str):
    """An English message that remembers its template and values."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> "Words":
        made = super().__new__(cls, template.format(**params) if params else template)
        made.template, made.params = template, params
        return made

    def __reduce__(self):    # pickles (and so crosses processes) as what it is
        return _rebuild, (self.template, self.params)


def _rebuild(template: str, params: dict[str, Any]) -> Words:
    return Words(template, **params)


def joined(*parts: str) -> str:
    """Several messages as one, each keeping its own template (a window translates each part)."""
    kept = [part for part in parts if part]
    if all(isinstance(part, Words) for part in kept):
        return Words(" ".join("{p%d}" % i for i in range(len(kept))), **{f"p{i}": p for i, p in enumerate(kept)})
    return " ".join(kept)

"""How a network is trained, as one plain value: the ``TrainingSpec``.

The window, the kiosk and the command line all describe a run with a ``TrainingSpec``; the one
training function (``engine.training.train``) takes it, and every model file the app saves keeps
it (``engine.model_files.save_model(..., spec=)``), so a file says how it was made. A spec is
JSON-serialisable and round-trips exactly; a bad value is a ``ValueError`` that says which.
"""
from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from typing import Any

from engine.models import OPTIMIZERS, ModelSpec, get_spec
from engine.words import QT_TRANSLATE_NOOP, Words

SPEC_VERSION = 1
# What a spec may train on (``data``): MNIST, or "people": MNIST plus pen-drawn digits of the training
# writers, regional forms and non-digits (``engine.people_data``).
DATA_SOURCES = ("mnist", "people")
# The augmentation strength a spec gets when it names none: small dense networks learn better
# from gentler augmentation than the convolutional ones.
CONVOLUTIONAL_AUGMENT_STRENGTH = 1.0
DENSE_AUGMENT_STRENGTH = 0.5


@dataclass(frozen=True)
class TrainingSpec:
    """Everything one training run needs. ``model`` is a ``ModelSpec`` (a preset's name such as
    "cnn" is resolved to its ModelSpec). ``augment_strength`` None means the rule: 1.0 for a
    convolutional network, 0.5 for a dense one (see ``resolved_augment_strength``).
    ``train_size`` None means every non-validation image. Invalid values raise ValueError."""

    model: ModelSpec
    epochs: int = 5
    batch_size: int = 128
    learning_rate: float = 1e-3
    optimizer: str = "adam"           # "adam" or "sgd" (with momentum 0.9)
    augment: bool = False
    augment_strength: float | None = None
    lr_decay: float = 1.0             # learning-rate multiplier per epoch
    train_size: int | None = None
    validation_size: int = 5000
    seed: int = 0
    data: str = "mnist"

    def __post_init__(self) -> None:
        if isinstance(self.model, str):
            object.__setattr__(self, "model", get_spec(self.model))   # ValueError for an unknown name
        if not isinstance(self.model, ModelSpec):
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "model must be a ModelSpec or a preset's name, "
                                                     "not {kind}"), kind=type(self.model).__name__))
        for name in ("epochs", "batch_size", "validation_size", "seed"):
            _require_int(name, getattr(self, name))
        if self.train_size is not None:
            _require_int("train_size", self.train_size)
        for name in ("learning_rate", "lr_decay"):
            _require_number(name, getattr(self, name))
        if self.augment_strength is not None:
            _require_number("augment_strength", self.augment_strength)
        if not isinstance(self.augment, bool):
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "augment must be true or false, not {value}"),
                                   value=repr(self.augment)))
        if not (math.isfinite(self.learning_rate) and self.learning_rate > 0):
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "learning rate must be a positive number, "
                                                     "not {value}"), value=repr(self.learning_rate)))
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "unknown optimizer {value}; expected one of {known}"),
                                   value=repr(self.optimizer), known=str(OPTIMIZERS)))
        if self.data not in DATA_SOURCES:
            raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "unknown training data {value}; "
                                                     "expected one of {known}"),
                                   value=repr(self.data), known=str(DATA_SOURCES)))
        self.config()   # the ranges of epochs, batch size, strength, decay, sizes and seed: checked there

    # ----- derived -------------------------------------------------------------------------------------
    @property
    def resolved_augment_strength(self) -> float:
        """``augment_strength``, or the rule's value when it is None."""
        if self.augment_strength is not None:
            return float(self.augment_strength)
        return CONVOLUTIONAL_AUGMENT_STRENGTH if self.model.is_convolutional else DENSE_AUGMENT_STRENGTH

    def config(self):
        """The ``engine.training_run.TrainingConfig`` of this spec (raises ValueError for bad ranges)."""
        from engine.training_run import TrainingConfig

        return TrainingConfig(epochs=self.epochs, batch_size=self.batch_size, augment=self.augment,
                              augment_strength=self.resolved_augment_strength, lr_decay=self.lr_decay,
                              train_size=self.train_size, validation_size=self.validation_size,
                              seed=self.seed)

    def replace(self, **changes) -> "TrainingSpec":
        """A copy with some fields changed (ValueError for an unknown field or a bad value)."""
        return _construct(dataclasses.replace, self, **changes)

    @classmethod
    def from_preset(cls, name: str, **overrides) -> "TrainingSpec":
        """The spec for a preset network ("cnn", "course-mlp"…) with the defaults or ``overrides``."""
        return _construct(cls, get_spec(name), **overrides)

    # ----- serialisation ---------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data with a ``version`` key; ``from_dict`` gives back an equal spec."""
        out: dict[str, Any] = {"version": SPEC_VERSION}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = value.to_dict() if isinstance(value, ModelSpec) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TrainingSpec":
        """A spec from ``to_dict``'s data. ValueError for a missing or newer version, unknown keys,
        a missing model or a bad value."""
        if not isinstance(data, dict):
            raise ValueError(f"a training spec is a JSON object, not {type(data).__name__}")
        data = dict(data)
        version = data.pop("version", None)
        if version != SPEC_VERSION:
            if isinstance(version, int) and not isinstance(version, bool) and version > SPEC_VERSION:
                raise ValueError(f"training spec version {version} is newer than this app reads "
                                 f"(version {SPEC_VERSION})")
            raise ValueError(f"training spec has no valid version (expected {SPEC_VERSION}, got {version!r})")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown training spec key{'s' if len(unknown) > 1 else ''}: "
                             f"{', '.join(map(repr, unknown))}")
        if "model" not in data:
            raise ValueError("training spec has no model")
        data["model"] = _model_from_data(data["model"])
        return _construct(cls, **data)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), indent=indent, allow_nan=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> "TrainingSpec":
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"training spec is not valid JSON: {exc}") from None
        return cls.from_dict(data)

    def summary(self) -> str:
        """One line for people: "cnn · 5 epochs · batch 128 · adam, learning rate 0.001 · augmented ×1"."""
        parts = [self.model.name, f"{self.epochs} epoch{'' if self.epochs == 1 else 's'}",
                 f"batch {self.batch_size}", f"{self.optimizer}, learning rate {self.learning_rate:g}"]
        if self.lr_decay != 1.0:
            parts.append(f"decay {self.lr_decay:g}/epoch")
        if self.augment:
            parts.append(f"augmented ×{self.resolved_augment_strength:g}")
        if self.train_size is not None:
            parts.append(f"{self.train_size:,} images")
        if self.data != "mnist":
            parts.append(f"data: {self.data}")
        parts.append(f"seed {self.seed}")
        return " · ".join(parts)


def _construct(factory, *args, **kwargs):
    """``factory(*args, **kwargs)`` with an unknown field (TypeError) turned into a ValueError."""
    try:
        return factory(*args, **kwargs)
    except TypeError as exc:
        names = ", ".join(f.name for f in dataclasses.fields(TrainingSpec))
        raise ValueError(f"{exc}; a training spec has: {names}") from None


def _model_from_data(data: Any) -> ModelSpec:
    if isinstance(data, str):
        return get_spec(data)
    if not isinstance(data, dict) or not isinstance(data.get("layers"), list):
        raise ValueError("training spec's model must be a preset's name or an object with name and layers")
    try:
        return ModelSpec.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"training spec's model is invalid: {exc}") from None


def _require_int(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "{name} must be a whole number, not {value}"),
                               name=name, value=repr(value)))


def _require_number(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(Words(QT_TRANSLATE_NOOP("engine", "{name} must be a finite number, not {value}"),
                               name=name, value=repr(value)))

"""The course's networks as presets, and a plain model spec that builds any of them.

A ``ModelSpec`` is a list of ``LayerSpec`` rows (kind, units/filters, activation...):
plain data that serialises to JSON, so the GUI's architecture editor can describe
networks without touching Keras. ``build_model`` turns a spec into a compiled
``keras.Model`` that outputs logits: softmax is applied at inference, and the loss is
``SparseCategoricalCrossentropy(from_logits=True)`` as in the course.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

LAYER_KINDS = ("dense", "conv2d", "maxpool", "avgpool", "flatten", "dropout", "batchnorm")
ACTIVATIONS = ("relu", "sigmoid", "tanh", "linear")
OPTIMIZERS = ("adam", "sgd")


@dataclass(frozen=True)
class LayerSpec:
    """One layer. ``units`` for dense, ``filters``/``kernel`` for conv2d, ``pool`` for
    pooling, ``rate`` for dropout. The last dense layer of a spec is the output (10 logits)."""

    kind: str
    units: int = 0
    filters: int = 0
    kernel: int = 3
    pool: int = 2
    rate: float = 0.0
    activation: str = "linear"

    def __post_init__(self) -> None:
        if self.kind not in LAYER_KINDS:
            raise ValueError(f"unknown layer kind {self.kind!r}; expected one of {LAYER_KINDS}")
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {self.activation!r}; expected one of {ACTIVATIONS}")
        if self.kind == "dense" and self.units < 1:
            raise ValueError("a dense layer needs units >= 1")
        if self.kind == "conv2d" and (self.filters < 1 or self.kernel < 1):
            raise ValueError("a conv2d layer needs filters >= 1 and kernel >= 1")
        if self.kind == "dropout" and not 0.0 <= self.rate < 1.0:
            raise ValueError("dropout rate must be in [0, 1)")


@dataclass(frozen=True)
class ModelSpec:
    """A whole network: a name and its layers, input 28×28, output 10 logits."""

    name: str
    layers: tuple[LayerSpec, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        dense = [layer for layer in self.layers if layer.kind == "dense"]
        if not dense or dense[-1].units != 10 or self.layers[-1] is not dense[-1]:
            raise ValueError(f"model {self.name!r} must end with a dense layer of 10 units")
        first_dense = self.layers.index(dense[0])
        if any(layer.kind in ("conv2d", "maxpool", "avgpool") for layer in self.layers[first_dense:]):
            raise ValueError("convolution and pooling layers must come before the dense layers")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "layers": [asdict(layer) for layer in self.layers]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ModelSpec":
        return cls(name=str(data["name"]), layers=tuple(LayerSpec(**row) for row in data["layers"]))

    @property
    def is_convolutional(self) -> bool:
        return any(layer.kind == "conv2d" for layer in self.layers)


def dense_spec(name: str, hidden: list[tuple[int, str]], conv_front: bool = False) -> ModelSpec:
    """A dense network with the given (units, activation) hidden layers and a 10-logit output,
    optionally behind the ``cnn`` preset's convolutional front end."""
    front = CONV_FRONT if conv_front else ()
    rows = [LayerSpec("dense", units=units, activation=act) for units, act in hidden]
    return ModelSpec(name, (*front, *rows, LayerSpec("dense", units=10, activation="linear")))


# Two conv blocks (conv-conv-pool) with batch norm: ~99.5 % on MNIST in a few epochs on a CPU.
CONV_FRONT: tuple[LayerSpec, ...] = (
    LayerSpec("conv2d", filters=32, kernel=3, activation="relu"),
    LayerSpec("batchnorm"),
    LayerSpec("conv2d", filters=32, kernel=3, activation="relu"),
    LayerSpec("maxpool", pool=2),
    LayerSpec("conv2d", filters=64, kernel=3, activation="relu"),
    LayerSpec("batchnorm"),
    LayerSpec("conv2d", filters=64, kernel=3, activation="relu"),
    LayerSpec("maxpool", pool=2),
    LayerSpec("flatten"),
    LayerSpec("dropout", rate=0.3),
)

PRESETS: dict[str, ModelSpec] = {
    # The course's network: 25 → 15 → 10, relu hidden layers, linear output (logits).
    "course-mlp": dense_spec("course-mlp", [(25, "relu"), (15, "relu")]),
    # The course's first version, with sigmoid hidden layers.
    "sigmoid-mlp": dense_spec("sigmoid-mlp", [(25, "sigmoid"), (15, "sigmoid")]),
    "cnn": ModelSpec("cnn", (*CONV_FRONT,
                             LayerSpec("dense", units=128, activation="relu"),
                             LayerSpec("dropout", rate=0.3),
                             LayerSpec("dense", units=10, activation="linear"))),
}


def get_spec(spec: ModelSpec | str) -> ModelSpec:
    if isinstance(spec, ModelSpec):
        return spec
    try:
        return PRESETS[spec]
    except KeyError:
        raise ValueError(f"unknown model preset {spec!r}; expected one of {sorted(PRESETS)}") from None


def build_model(spec: ModelSpec | str, *, learning_rate: float = 1e-3, optimizer: str = "adam",
                seed: int | None = None, non_digits: bool = False):
    """Build and compile a ``keras.Model`` (input 28×28 floats in 0..1, output 10 logits)."""
    from engine.device import tensorflow

    tensorflow()
    import keras
    from keras import layers

    spec = get_spec(spec)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    stack: list = [keras.Input(shape=(28, 28), name="image")]
    if spec.is_convolutional:
        stack.append(layers.Reshape((28, 28, 1), name="channels"))
    elif spec.layers[0].kind != "flatten":
        stack.append(layers.Flatten(name="flatten"))
    dense_total = sum(1 for layer in spec.layers if layer.kind == "dense")
    counts: dict[str, int] = {}
    for row in spec.layers:
        counts[row.kind] = counts.get(row.kind, 0) + 1
        n = counts[row.kind]
        if row.kind == "dense":
            # Course notation: dense layer l is "layer l"; the last one is the output layer.
            name = "output" if n == dense_total else f"dense_{n}"
            stack.append(layers.Dense(row.units, activation=row.activation, name=name))
        elif row.kind == "conv2d":
            stack.append(layers.Conv2D(row.filters, row.kernel, activation=row.activation,
                                       name=f"conv_{n}"))
        elif row.kind == "maxpool":
            stack.append(layers.MaxPooling2D(row.pool, name=f"maxpool_{n}"))
        elif row.kind == "avgpool":
            stack.append(layers.AveragePooling2D(row.pool, name=f"avgpool_{n}"))
        elif row.kind == "flatten":
            stack.append(layers.Flatten(name="flatten" if n == 1 else f"flatten_{n}"))
        elif row.kind == "dropout":
            stack.append(layers.Dropout(row.rate, name=f"dropout_{n}"))
        elif row.kind == "batchnorm":
            # momentum 0.9 (Keras: 0.99): the moving statistics settle within ~50 batches, so a
            # quick demo run is not evaluated with the initial mean 0 / variance 1.
            stack.append(layers.BatchNormalization(momentum=0.9, name=f"batchnorm_{n}"))
    model = keras.Sequential(stack, name=spec.name.replace("-", "_"))
    compile_model(model, learning_rate=learning_rate, optimizer=optimizer, non_digits=non_digits)
    return model


NON_DIGIT_LABEL = 10          # engine.people_data's label for a drawing that is not a digit
NON_DIGIT_LOSS_WEIGHT = 0.5   # weight of a non-digit's pull toward the uniform answer


def people_loss(y_true, logits):
    """The course's loss for digits, and outlier exposure for non-digits: a label 0-9 costs
    ``SparseCategoricalCrossentropy(from_logits=True)``; the label 10 (``NON_DIGIT_LABEL``) costs
    ``NON_DIGIT_LOSS_WEIGHT`` × the cross-entropy against the uniform answer (the mean of
    −log softmax), so the network learns to be unsure of what is not a digit without an eleventh
    output. Per-sample values; Keras averages them."""
    from keras import ops

    y = ops.cast(ops.reshape(y_true, (-1,)), "int32")
    log_p = ops.log_softmax(ops.cast(logits, "float32"), axis=-1)
    picked = ops.take_along_axis(log_p, ops.expand_dims(ops.minimum(y, 9), -1), axis=-1)[:, 0]
    return ops.where(ops.equal(y, NON_DIGIT_LABEL), -NON_DIGIT_LOSS_WEIGHT * ops.mean(log_p, axis=-1), -picked)


def people_accuracy(y_true, logits):
    """Per-sample accuracy with non-digits: a digit is right when it is the top answer, a non-digit
    when no answer reaches 50 %."""
    from keras import ops

    y = ops.cast(ops.reshape(y_true, (-1,)), "int32")
    logits = ops.cast(logits, "float32")
    digit_right = ops.equal(ops.cast(ops.argmax(logits, axis=-1), "int32"), y)
    unsure = ops.max(ops.softmax(logits, axis=-1), axis=-1) < 0.5
    return ops.cast(ops.where(ops.equal(y, NON_DIGIT_LABEL), unsure, digit_right), "float32")


def compile_model(model, *, learning_rate: float = 1e-3, optimizer: str = "adam",
                  non_digits: bool = False) -> None:
    """Compile with the course's loss (softmax folded into the loss) and Adam or SGD+momentum.
    ``non_digits``: the data holds non-digits labelled 10 — ``people_loss`` and ``people_accuracy``."""
    import keras

    if optimizer == "adam":
        opt = keras.optimizers.Adam(learning_rate)
    elif optimizer == "sgd":
        opt = keras.optimizers.SGD(learning_rate, momentum=0.9)
    else:
        raise ValueError(f"unknown optimizer {optimizer!r}; expected one of {OPTIMIZERS}")
    if non_digits:
        model.compile(optimizer=opt, loss=people_loss,
                      metrics=[keras.metrics.MeanMetricWrapper(people_accuracy, name="accuracy")])
        return
    model.compile(optimizer=opt,
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])

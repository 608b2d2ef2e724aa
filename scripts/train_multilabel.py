"""Train the Learn panel's multi-label pair model: "which digits are in this picture?"

Pictures of two MNIST training digits side by side (``engine.lessons.multilabel.training_pairs``;
some with one digit only), ten sigmoid outputs, binary cross-entropy, Adam. Saves
``resources/models/pairs-multilabel.keras`` (about 160 000 weights, under 1 MB) and
prints its exact match on the held-out pairs made from MNIST's TEST digits: the share of pictures
whose digits with a_j ≥ 0.5 are exactly the true pair. A few minutes on two CPU cores.

    uv run python scripts/train_multilabel.py [--epochs 6] [--out PATH]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from engine.lessons import multilabel  # noqa: E402


def build_model():
    import keras

    return keras.Sequential([
        keras.Input(shape=(28, 28, 1), name="picture"),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu", name="conv_1"),
        keras.layers.MaxPooling2D(2, name="pool_1"),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu", name="conv_2"),
        keras.layers.MaxPooling2D(2, name="pool_2"),
        keras.layers.Conv2D(64, 3, activation="relu", name="conv_3"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(64, activation="relu", name="dense"),
        keras.layers.Dense(10, activation="sigmoid", name="digits_present"),
    ], name="pairs_multilabel")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--train", type=int, default=120000, help="training pictures")
    parser.add_argument("--out", type=Path, default=multilabel.model_path())
    args = parser.parse_args(argv)

    import keras

    keras.utils.set_random_seed(1)
    start = time.perf_counter()
    train = multilabel.training_pairs(args.train)
    held = multilabel.held_out_pairs()
    model = build_model()
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.BinaryCrossentropy(),
                  metrics=[keras.metrics.BinaryAccuracy(name="bit_accuracy")])
    model.fit(train.images[..., None], train.labels, epochs=args.epochs, batch_size=128,
              validation_data=(held.images[..., None], held.labels), verbose=2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    bare = build_model()          # the weights alone: no optimizer state in the shipped file
    bare.set_weights(model.get_weights())
    bare.save(args.out)

    outputs = multilabel.MultiLabelModel.from_file(args.out).outputs(held.images)   # as the app reads it
    tf_outputs = model.predict(held.images[..., None], verbose=0)
    exact = multilabel.exact_matches(outputs, held.labels)
    print(f"saved {args.out} ({args.out.stat().st_size / 1024:.0f} KiB, {model.count_params()} weights) "
          f"in {time.perf_counter() - start:.0f} s")
    print(f"held-out exact match: {exact.mean():.2%} of {len(held)} pairs of MNIST test digits "
          f"(NumPy vs TensorFlow: largest difference {np.abs(outputs - tf_outputs).max():.1e})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

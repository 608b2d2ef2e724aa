"""The course's lessons as numbers: what each Learn lesson shows, computed here without Qt.

One module per lesson (``neurons``, ``coffee``, ``forward``, ``training_math``, ``activations``,
``softmax``, ``optimizers``, ``multilabel``, ``convolution``). Each takes the current model's
``engine.network.NetworkDescription`` and the current ``engine.predictor.Prediction`` (the drawing
on the canvas) or the course's own small examples, and returns plain data the Learn panel shows:
every number a lesson displays comes from a function here, and the tests compare them with the
engine's forward pass (and TensorFlow where it is installed) to 1e-5.
"""
from __future__ import annotations

# The course's order; the Learn panel lists the lessons in it and remembers progress by these ids.
LESSON_IDS = ("neurons", "coffee", "forward", "training", "activations", "softmax", "adam", "multilabel",
              "convolution")

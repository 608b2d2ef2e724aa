"""Digit Studio's engine: data, preprocessing, models, training, inference and model files.

Nothing in this package imports Qt; progress is reported through plain Python callbacks.
TensorFlow is imported only by the modules that need it (models, training, predictor,
model_files), so a GUI can show its window before TensorFlow has loaded.
"""

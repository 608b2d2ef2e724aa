"""Model specs shared by the engine tests."""
from engine.models import LayerSpec, ModelSpec

# One of every layer kind the app builds, small enough to build in a test.
EVERY_LAYER_KIND = ModelSpec("all-kinds", (
    LayerSpec("conv2d", filters=4, kernel=3, activation="tanh"), LayerSpec("batchnorm"),
    LayerSpec("avgpool", pool=2), LayerSpec("conv2d", filters=3, kernel=3, activation="relu"),
    LayerSpec("maxpool", pool=2), LayerSpec("flatten"), LayerSpec("dropout", rate=0.5),
    LayerSpec("dense", units=12, activation="sigmoid"), LayerSpec("dense", units=10)))

import numpy as np
import pytest

from engine.data import MnistDataError, load_mnist


def test_shipped_mnist_loads_with_the_expected_layout():
    data = load_mnist()
    assert data.x_train.shape == (60000, 28, 28) and data.x_train.dtype == np.uint8
    assert data.x_test.shape == (10000, 28, 28)
    assert set(np.unique(data.y_test)) == set(range(10))
    assert 33.0 < data.x_train.mean() < 33.6  # the well-known MNIST pixel mean 33.318


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(MnistDataError, match="not found"):
        load_mnist(tmp_path / "nope.npz")


def test_corrupt_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "mnist.npz"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(MnistDataError, match="corrupt"):
        load_mnist(bad)


def test_wrong_shapes_and_labels_are_rejected(tmp_path):
    good = {"x_train": np.zeros((60000, 28, 28), np.uint8), "y_train": np.zeros(60000, np.uint8),
            "x_test": np.zeros((10000, 28, 28), np.uint8), "y_test": np.zeros(10000, np.uint8)}
    path = tmp_path / "m.npz"
    np.savez(path, **{**good, "x_test": np.zeros((10000, 32, 32), np.uint8)})
    with pytest.raises(MnistDataError, match="x_test"):
        load_mnist(path)
    np.savez(path, **{**good, "y_train": np.full(60000, 11, np.uint8)})
    with pytest.raises(MnistDataError, match="labels"):
        load_mnist(path)
    np.savez(path, **{k: v for k, v in good.items() if k != "y_test"})
    with pytest.raises(MnistDataError, match="y_test"):
        load_mnist(path)

"""The layer-activation visualizer: what every layer computes for the current drawing."""

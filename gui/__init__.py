"""Digit Studio's Qt user interface."""

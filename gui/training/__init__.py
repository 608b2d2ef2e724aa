"""The training panel: the form, the live loss plot, the result card."""

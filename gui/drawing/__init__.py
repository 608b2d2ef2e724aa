"""The drawing room: the canvas, the live recogniser and the answer beside it."""

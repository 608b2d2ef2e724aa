"""The demo-booth window: full-screen drawing, attract loop, exit safety, the crowd view."""

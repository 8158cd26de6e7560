"""The Textual UI on top of the core."""

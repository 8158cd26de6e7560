"""The pure core: articles, annotations, anchoring and storage.

Nothing under this package may import textual or rich; a test enforces it so
that the CLI and batch tools stay fast and usable without a terminal.
"""

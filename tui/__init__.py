"""crossread: a terminal reader for annotated news articles."""

__version__ = "0.1.0"

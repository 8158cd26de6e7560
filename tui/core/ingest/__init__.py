"""Bringing a story in: `crossread new` makes a corpus, `crossread add` fills it.

fetch gets a page, extract finds its main text and metadata, tomd writes that
as Markdown, writer puts files down whole, add ties them together per source.
"""

from tui.core.ingest.add import Added, IngestError, Options, add_source
from tui.core.ingest.writer import CorpusExists, new_corpus

__all__ = ["Added", "CorpusExists", "IngestError", "Options", "add_source", "new_corpus"]

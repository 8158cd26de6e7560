"""The data model: annotations, links, verdicts, a loaded corpus, and what a change did."""

"""The document model: wrapping, caret motions, intervals, folding and anchoring."""

"""A reviewer's session: every change to the data, saved at once, undoable."""

"""Browser mode: the reader served over HTTP and a websocket by textual-serve."""

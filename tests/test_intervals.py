"""Next/previous by bisect give what a filter over every entry gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.document.intervals import IntervalIndex

spans = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30), st.sampled_from("csn")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(spans, st.integers(-5, 240), st.sampled_from(["", "c", "s"]))
def test_after_and_before_match_a_scan(items: list[tuple[int, int, str]], offset: int, kind: str) -> None:
    index = IntervalIndex([(s, s + n, (s, k)) for s, n, k in items])

    def keep(item: tuple[int, str]) -> bool:
        return not kind or item[1] == kind

    marks = [m for _, _, m in index.ordered() if keep(m)]
    forward = next((m for m in marks if m[0] > offset), marks[0] if marks else None)
    backward = next((m for m in reversed(marks) if m[0] < offset), marks[-1] if marks else None)
    assert index.after(offset, kind, keep) == forward
    assert index.before(offset, kind, keep) == backward

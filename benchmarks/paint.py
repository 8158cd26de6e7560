"""First paint of the reader, for benchmarks only: headless, exits on the first frame with text.

`python benchmarks/paint.py [CORPUS] [--open A B] [--annotations]` builds the app as the
command line does, runs it headless, quits once an article view has drawn text (with
`--annotations`: once the loading worker has handed over and the annotations are drawn),
and reports this process's peak RSS through benchmarks/peak.py. The product code carries
no benchmark hook for it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peak import report_peak_memory  # noqa: E402

from tui.core.document.highlights import Highlights  # noqa: E402
from tui.core.model.corpus import bundled_corpus  # noqa: E402
from tui.ui.app import CrossreadApp  # noqa: E402
from tui.ui.widgets.article_view import ArticleView  # noqa: E402


class FirstPaint(CrossreadApp):
    CSS_PATH = str(Path(sys.modules[CrossreadApp.__module__].__file__ or "").with_name("app.tcss"))
    run_analysis = False
    until_annotations = False

    def on_article_view_first_painted(self, event: ArticleView.FirstPainted) -> None:
        if not self.until_annotations or not self.loading:
            self.call_after_refresh(self.exit)

    def _loaded(self, built: dict[str, Highlights]) -> None:
        super()._loaded(built)
        if self.until_annotations:
            self.call_after_refresh(self.exit)  # the frame with the annotations drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--open", nargs="*", default=[])
    parser.add_argument("--annotations", action="store_true", help="exit once the annotations are drawn")
    parser.add_argument("--size", default="80x24", help="terminal size, COLUMNSxROWS (default %(default)s)")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    app = FirstPaint(args.corpus or bundled_corpus(), args.open, author="bench")
    app.until_annotations = args.annotations
    app.run(headless=True, size=(columns, rows))
    report_peak_memory()


if __name__ == "__main__":
    main()

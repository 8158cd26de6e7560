"""A child of `workers`: reads its share of the texts from stdin, writes its findings to stdout."""

from __future__ import annotations

import pickle
import sys

from tui.core.analysis.workers import read_share


def main() -> int:
    share = pickle.load(sys.stdin.buffer)  # noqa: S301 - from the parent that started us
    pickle.dump(read_share(share), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The `[publisher]` table of a corpus's crossread.toml (written by `crossread new`).

ClaimReview needs to say who publishes the fact check and where: a review
without them is not one Google or anyone else can use, so the values are
required and never invented.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from tui.core.files.safeio import UnsafeFile, read_capped

CONFIG_NAME = "crossread.toml"
CONFIG_LIMIT = 1 << 20  # a settings file is a few lines


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str
    review_url: str  # a template: {id} becomes the review's id

    def review_page(self, review_id: str) -> str:
        """The fact-check page of one review: the template with {id} filled in,
        or the one page with the review's anchor."""
        if "{id}" in self.review_url:
            return self.review_url.replace("{id}", review_id)
        return f"{self.review_url.split('#', 1)[0]}#{review_id}"


class PublisherMissing(ValueError):
    """What to add to crossread.toml before ClaimReview can be written."""


def load_publisher(root: Path, review_url: str | None = None) -> Publisher:
    """[publisher] name, url and review_url (or `review_url` given on the
    command line); PublisherMissing says exactly which are missing and where."""
    path = root / CONFIG_NAME
    table: dict[str, object] = {}
    problem = ""
    try:
        data = tomllib.loads(read_capped(path, CONFIG_LIMIT).decode("utf-8"))
        found = data.get("publisher")
        table = found if isinstance(found, dict) else {}
    except FileNotFoundError:
        problem = f"{path} does not exist"
    except UnsafeFile as exc:
        problem = f"{path}: {exc.message}"
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problem = f"{path} cannot be read ({exc})"
    values = {
        key: str(table.get(key) or "").strip() if isinstance(table.get(key), str) else ""
        for key in ("name", "url", "review_url")
    }
    if review_url:
        values["review_url"] = review_url.strip()
    missing = [key for key, value in values.items() if not value]
    bad = [
        key
        for key in ("url", "review_url")
        if values[key] and not values[key].startswith(("https://", "http://"))
    ]
    if missing or bad:
        lines = [f'{key} = "..."' for key in missing]
        hint = (
            "ClaimReview needs the fact-checker that publishes it. Add to "
            f"{path}:\n\n[publisher]\n" + "\n".join(lines or ['url = "https://..."'])
        )
        if missing and "review_url" in missing:
            hint += (
                "\n\n(review_url is the page the review is published on; {id} in it "
                "becomes each review's id. Or give --review-url.)"
            )
        if bad:
            hint += f"\n\n{', '.join(bad)} must be an http(s) address"
        if problem:
            hint = f"{problem}. {hint}"
        raise PublisherMissing(hint)
    return Publisher(values["name"], values["url"], values["review_url"])

"""Writing new corpus files: whole or not at all, never over an existing one.

Metadata comes from web pages anyone can write, so each value is reduced to
one line of printable text before it reaches the front matter, and written as
a double-quoted YAML scalar that cannot be read as anything but text.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from tui.core.files.article import ARTICLE_SUFFIXES
from tui.core.files.atomic import fsync_dir

FRONT_MATTER_ORDER = ("title", "outlet", "published", "author", "url", "language")
MAX_VALUE = 500
MAX_SLUG = 60
# C0, C1, DEL, and the format characters that reorder or hide text on a terminal.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[\s\u2028\u2029\x85]+")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def clean_value(text: str) -> str:
    """One line of printable text: controls dropped, every run of spacing one space."""
    text = _SPACES.sub(" ", _UNPRINTABLE.sub("", text.replace("\t", " ").replace("\n", " ")))
    return text.strip()[:MAX_VALUE].strip()


def clean_body(text: str) -> str:
    """Extracted page text keeps newlines and tabs, never a raw control character."""
    return re.sub(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]",
        "",
        text.replace("\r\n", "\n").replace("\r", "\n"),
    )


def front_matter(meta: dict[str, str]) -> str:
    """YAML front matter with the known keys, in a fixed order, empty ones left out."""
    lines = ["---"]
    for key in FRONT_MATTER_ORDER:
        value = clean_value(meta.get(key, ""))
        if value:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def slugify(title: str, fallback: str = "article") -> str:
    """A file stem from a title: lower-case ASCII words joined by `-`."""
    ascii_text = unicodedata.normalize("NFKD", title.translate(_GERMAN))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:MAX_SLUG]
    return slug or fallback


def _taken(folder: Path, stem: str) -> bool:
    return any((folder / f"{stem}{suffix}").exists() for suffix in ARTICLE_SUFFIXES)


def write_new(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write a new file `stem[-n]suffix` in folder and return it.

    The data goes to a synced temp file that is then hard-linked to its name,
    which fails rather than replace a file another process made meanwhile; a
    reader sees no file or the whole file. An article id is a file stem, so a
    stem used by any article (.md, .txt) is skipped too.
    """
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        for number in range(1, 1000):
            name = stem if number == 1 else f"{stem}-{number}"
            target = folder / f"{name}{suffix}"
            if _taken(folder, name) or target.exists():
                continue
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            except OSError:
                # No hard links here (some network and FUSE file systems): the
                # name was free a moment ago, so a rename is the best left.
                os.replace(tmp, target)
            fsync_dir(folder)
            return target
        raise FileExistsError(f"no free name for {stem}{suffix} in {folder}")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


CONFIG_NAME = "crossread.toml"


def _toml_string(text: str) -> str:
    # A JSON string of printable text is a valid TOML basic string.
    return json.dumps(clean_value(text), ensure_ascii=False)


def config_text(title: str, language: str) -> str:
    return f"""\
# crossread corpus settings. Lines starting with '#' are comments.
# Articles go in articles/ (add them with 'crossread add'), annotations in annotations/.

# The corpus title, shown in exports and review reports.
title = {_toml_string(title)}

# The main language of the articles, as a code such as "de" or "en".
language = {_toml_string(language)}

# Who publishes the review; used by 'crossread export' (ClaimReview's author).
[publisher]
# The name of the fact-checking organisation or person.
name = ""
# Its home page, such as "https://factcheck.example".
url = ""
# Where the published review will live, such as "https://factcheck.example/reviews/troops".
review_url = ""
"""


class CorpusExists(Exception):
    pass


def new_corpus(root: Path, title: str = "", language: str = "") -> Path:
    """An empty corpus: articles/, annotations/ and a commented crossread.toml.

    An existing folder is fine as long as it is not a corpus already; nothing
    in it is replaced. Returns the config file written.
    """
    if (root / CONFIG_NAME).exists():
        raise CorpusExists(f"{root} is already a corpus (it has {CONFIG_NAME})")
    for name in ("seeds", "articles"):
        if (root / name).is_dir() and any(p.suffix in ARTICLE_SUFFIXES for p in (root / name).iterdir()):
            raise CorpusExists(f"{root} already holds articles in {name}/")
    root.mkdir(parents=True, exist_ok=True)
    (root / "articles").mkdir(exist_ok=True)
    (root / "annotations").mkdir(exist_ok=True)
    name = title or root.resolve().name
    data = config_text(name, language).encode("utf-8")
    written = write_new(root, "crossread", ".toml", data)
    if written.name != CONFIG_NAME:  # made by someone else in the meantime
        written.unlink()
        raise CorpusExists(f"{root} is already a corpus (it has {CONFIG_NAME})")
    return written

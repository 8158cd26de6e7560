"""Spelling-neutral forms of words, shared by names, stance actors and topics."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Umlauts and ß fold to ae/oe/ue/ss (German spelling), other accents are dropped; the
# Turkish dotless ı is an i (`Yıldız`/`Yildiz`).
_KEEP = str.maketrans(
    {"ä": "\x01", "ö": "\x02", "ü": "\x03", "ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ı": "i"}
)
# A surname's particles are one word with it (`Van der Straeten`, `Vanderstraeten`).
_PARTICLES = re.compile(r"\bvan (?:(de[nr]?) )?")
_BACK = str.maketrans({"\x01": "ä", "\x02": "ö", "\x03": "ü"})


@lru_cache(maxsize=8192)
def fold_name(name: str) -> str:
    """Spelling-neutral form: umlauts, ß, hyphens and common transliterations."""
    text = name.lower()
    if not text.isascii():  # `González`/`Gonzalez`, `Łukasz`: accents go, umlauts fold below
        text = "".join(
            c for c in unicodedata.normalize("NFD", text.translate(_KEEP)) if not unicodedata.combining(c)
        )
        text = text.translate(_BACK)
    # German transliterates Slavic names with `tsch`/`sch` where English writes `ch`/`sh`
    # (`Tkatschenko`/`Tkachenko`, `Schewtschenko`/`Shevchenko`).
    for a, b in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("ß", "ss"),
        ("-", " "),
        ("tsch", "ch"),
        ("sch", "sh"),
    ):
        text = text.replace(a, b)
    if "van " in text:
        text = _PARTICLES.sub(lambda m: "van" + (m.group(1) or ""), text)
    text = re.sub(r"\bz", "s", text.replace("w", "v").replace("y", "i").replace("j", "i"))
    # Doubled vowels are transliteration (`Zelenskyy`, `Saakashvili`/`Saakaschwili`), as is a
    # doubled last letter (`Wolff`/`Wolf`); a doubled consonant inside a name is a spelling
    # (`Wollenberg`/`Wolenberg`), kept so that it is a possible error.
    return _DOUBLE.sub(lambda m: m.group()[0], re.sub(r"\s+", " ", text)).strip()


_DOUBLE = re.compile(r"([aeiou])\1+|(\w)\2+\b")


@lru_cache(maxsize=8192)
def fold_bare(name: str) -> str:
    """`fold_name` with umlauts dropped, as English writes a Turkish or German name
    without them (`Öztürk`/`Ozturk`)."""
    return fold_name(name.translate(_BARE))


_BARE = str.maketrans("äöüÄÖÜ", "aouAOU")

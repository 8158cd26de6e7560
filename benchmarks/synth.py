"""Synthetic German-like corpora from a fixed seed, for benchmarks only."""

from __future__ import annotations

import random

WORDS = (
    "Nordkorea Russland Ukraine Soldaten Truppen Vertrag Regierung Präsident Moskau "
    "Pjöngjang Kursk Region Front Angriff Bericht Geheimdienst Zusammenarbeit Waffen "
    "Munition Lieferung Verteidigung Minister Sprecher Analysten Woche Monat Jahr "
    "militärische strategische gegenseitige offizielle mutmaßliche nordkoreanische "
    "russische ukrainische bestätigt meldet erklärte berichtet zurückgewiesen verlegt "
    "und oder aber der die das den dem des ein eine einen mit von für auf in an nach "
    "über bis zu etwa mindestens mehr als seit während laut"
).split()


SYLLABLES = (
    "ver stär kung mi li tär be richt ab kom men zu sam men ar beit re gie rung "
    "ver tei di gung an griff trup pen sol da ten grenz ge biet kri se lage front "
    "nach rich ten dienst mel dung aus land in nen mi nis ter par la ment wahl"
).split()


def _vocabulary(seed: int = 3, size: int = 6000) -> list[str]:
    rng = random.Random(seed)
    made = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    return sorted(made)


VOCABULARY = _vocabulary()


def _word(rng: random.Random) -> str:
    # Roughly Zipf-like: frequent function words, a long tail of content words.
    if rng.random() < 0.45:
        return rng.choice(WORDS)
    return (
        VOCABULARY[min(len(VOCABULARY) - 1, int(rng.paretovariate(0.6)) - 1)]
        if rng.random() < 0.3
        else rng.choice(VOCABULARY)
    )


def sentence(rng: random.Random) -> str:
    words = [_word(rng) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(1, 99)}.{rng.randint(0, 999):03d}")
    if rng.random() < 0.15:
        i = rng.randint(0, len(words) - 2)
        words[i] = "„" + words[i]
        words[i + 1] = words[i + 1] + "“"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def article_text(size: int, seed: int = 7, markdown: bool = False) -> str:
    rng = random.Random(seed)
    parts: list[str] = ["# Synthetischer Bericht" if markdown else "Synthetischer Bericht"]
    length = 0
    while length < size:
        roll = rng.random()
        if markdown and roll < 0.05:
            block = "## " + sentence(rng)[:40]
        elif markdown and roll < 0.12:
            block = "\n".join("- " + sentence(rng) for _ in range(3))
        else:
            block = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        parts.append(block)
        length += len(block) + 2
    return "\n\n".join(parts) + "\n"


def quotes(text: str, count: int, seed: int = 11, typo_rate: float = 0.01) -> list[tuple[str, int, bool]]:
    """(quote, true start, has typo) picked across the text."""
    rng = random.Random(seed)
    out: list[tuple[str, int, bool]] = []
    spaces = [i for i, c in enumerate(text) if c == " "]
    for _ in range(count):
        start = rng.choice(spaces) + 1
        end = min(len(text), start + rng.randint(12, 60))
        quote = text[start:end]
        typo = rng.random() < typo_rate and len(quote) > 20
        if typo:
            i = rng.randint(5, len(quote) - 5)
            quote = quote[:i] + quote[i + 1] + quote[i] + quote[i + 2 :]
        out.append((quote, start, typo))
    return out


def write_corpus(root, size: int, count: int, seed: int = 5) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """A two-article corpus: a big Markdown article with `count` annotations of
    every kind (some overlapping, 1% with a typo) and a small partner article,
    with contradictions linking claims across the two."""
    import random as _random
    from pathlib import Path

    from tui.core.files.article import load_article

    rng = _random.Random(seed)
    root = Path(root)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "annotations").mkdir(exist_ok=True)
    big = root / "articles" / "big.md"
    big.write_text(article_text(size, seed, markdown=True), encoding="utf-8")
    small = root / "articles" / "partner.md"
    small.write_text(article_text(20_000, seed + 1, markdown=True), encoding="utf-8")
    lines = ["version: 1", "annotations:"]
    hinted = ["version: 1", "annotations:"]
    text = load_article(big)[0].text
    spaces = [i for i, c in enumerate(text) if c == " "]
    claims: list[str] = []
    for n in range(count):
        start = rng.choice(spaces) + 1
        end = min(len(text), start + rng.randint(15, 70))
        quote = text[start:end]
        if "\n" in quote:
            quote = quote.split("\n")[0]
        if len(quote) < 8:
            continue
        if rng.random() < 0.01 and len(quote) > 20:
            i = rng.randint(5, len(quote) - 6)
            quote = quote[:i] + quote[i + 1] + quote[i] + quote[i + 2 :]
        kind = "claim" if n % 10 < 6 else ("source" if n % 10 < 8 else "note")
        entry = [f"  - id: a{n}", f"    kind: {kind}", f"    quote: {_yaml_quote(quote)}"]
        if kind == "note":
            entry.append("    text: a reviewer's remark")
        if kind == "claim":
            claims.append(f"a{n}")
        lines += entry
        hinted += entry + [f"    start: {start}"]
    (root / "annotations" / "big.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    partner_text = load_article(small)[0].text
    p_lines = ["version: 1", "annotations:"]
    partner_claims = []
    for n in range(40):
        start = rng.randrange(0, len(partner_text) - 60)
        start = partner_text.find(" ", start) + 1
        quote = partner_text[start : start + 40].split("\n")[0]
        p_lines += [f"  - id: p{n}", "    kind: claim", f"    quote: {_yaml_quote(quote)}"]
        partner_claims.append(f"p{n}")
    (root / "annotations" / "partner.yaml").write_text("\n".join(p_lines) + "\n", encoding="utf-8")
    links = ["version: 1", "links:"]
    for n in range(min(200, len(claims))):
        links += [
            f"  - id: l{n}",
            "    summary: synthetic contradiction",
            f"    claims: [big#{claims[n * len(claims) // 200]}, "
            f"partner#{partner_claims[n % len(partner_claims)]}]",
        ]
    (root / "annotations" / "contradictions.yaml").write_text("\n".join(links) + "\n", encoding="utf-8")
    return {"hinted_yaml": "\n".join(hinted) + "\n", "text": text}


def _yaml_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"

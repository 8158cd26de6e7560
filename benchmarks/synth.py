"""Synthetic German-like corpora from a fixed seed, for benchmarks only."""

from __future__ import annotations

import random

WORDS = ("Nordkorea Russland Ukraine Soldaten Truppen Vertrag Regierung Präsident Moskau "
         "Pjöngjang Kursk Region Front Angriff Bericht Geheimdienst Zusammenarbeit Waffen "
         "Munition Lieferung Verteidigung Minister Sprecher Analysten Woche Monat Jahr "
         "militärische strategische gegenseitige offizielle mutmaßliche nordkoreanische "
         "russische ukrainische bestätigt meldet erklärte berichtet zurückgewiesen verlegt "
         "und oder aber der die das den dem des ein eine einen mit von für auf in an nach "
         "über bis zu etwa mindestens mehr als seit während laut").split()


SYLLABLES = ("ver stär kung mi li tär be richt ab kom men zu sam men ar beit re gie rung "
             "ver tei di gung an griff trup pen sol da ten grenz ge biet kri se lage front "
             "nach rich ten dienst mel dung aus land in nen mi nis ter par la ment wahl").split()


def _vocabulary(seed: int = 3, size: int = 6000) -> list[str]:
    rng = random.Random(seed)
    made = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    return sorted(made)


VOCABULARY = _vocabulary()


def _word(rng: random.Random) -> str:
    # Roughly Zipf-like: frequent function words, a long tail of content words.
    if rng.random() < 0.45:
        return rng.choice(WORDS)
    return VOCABULARY[min(len(VOCABULARY) - 1, int(rng.paretovariate(0.6)) - 1)] \
        if rng.random() < 0.3 else rng.choice(VOCABULARY)


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


def quotes(text: str, count: int, seed: int = 11, typo_rate: float = 0.01
           ) -> list[tuple[str, int, bool]]:
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
            quote = quote[:i] + quote[i + 1] + quote[i] + quote[i + 2:]
        out.append((quote, start, typo))
    return out

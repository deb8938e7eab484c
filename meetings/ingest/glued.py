"""Words OCR printed together: a photocopy's tight capitals read as "THEBOARD OFEDUCATION".

A glued word is split only as the same document prints its parts elsewhere, so the split is
the document's own reading, never a guess from a dictionary: "THEBOARD" becomes "THE BOARD"
where the document prints "the" and "Board" at least twice each, and "the Board" side by
side (a part of two letters must be one of its common words). Only long capitals are tried,
and only a word the document prints nowhere else.
"""

import re
from collections import Counter
from functools import cache

CAPITALS = re.compile(r"\b[A-Z]{7,40}\b")  # long enough to hold two words, short enough to try
WORD = re.compile(r"[^\W\d_]+")  # letters of any language: "décembre" is one word
MIN_PART = 2  # letters: "OF", "THE"
SHORT = 2  # letters: a part this short must be one of the document's common words ("of")
COMMON = 0.01  # of all the words printed: "of" is, "re" and "ly" are not
MAX_PARTS = 4
KNOWN = 2  # times a part is printed on its own elsewhere in the document


def unglue(texts: list[str], pages: list[int]) -> list[str]:
    """The texts, with the glued words of the pages at the indexes `pages` split."""
    if not pages:
        return texts  # a text layer's words are as the PDF prints them
    words = [word.lower() for text in texts for word in WORD.findall(text)]
    counts = Counter(words)
    side_by_side = frozenset(zip(words, words[1:], strict=False))
    common = COMMON * len(words)
    known = frozenset(
        word
        for word, count in counts.items()
        if count >= KNOWN and (len(word) > SHORT or count >= common)
    )

    @cache
    def split(word: str) -> str:
        if counts[word.lower()] > 1:
            return word  # the document prints it as it is elsewhere
        parts = _parts(word.lower(), known, side_by_side)
        if not parts:
            return word
        pieces, at = [], 0
        for part in parts:  # as printed, in capitals
            pieces.append(word[at : at + len(part)])
            at += len(part)
        return " ".join(pieces)

    return [
        CAPITALS.sub(lambda match: split(match[0]), text) if index in pages else text
        for index, text in enumerate(texts)
    ]


def _parts(word: str, known: frozenset[str], side_by_side: frozenset) -> list[str] | None:
    """The fewest known words that make up `word`, each printed beside the next elsewhere
    (the longest shortest part among equals)."""
    for count in range(2, MAX_PARTS + 1):
        found = [
            parts
            for parts in _splits(word, count, known)
            if all(pair in side_by_side for pair in zip(parts, parts[1:], strict=False))
        ]
        if found:
            return max(found, key=lambda parts: min(map(len, parts)))
    return None


def _splits(word: str, count: int, known: frozenset[str]):
    if count == 1:
        if word in known:
            yield [word]
        return
    for end in range(MIN_PART, len(word) - MIN_PART * (count - 1) + 1):
        if word[:end] in known:
            for rest in _splits(word[end:], count - 1, known):
                yield [word[:end], *rest]

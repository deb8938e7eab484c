"""Titles in the case a person writes them.

Packs print many titles in capitals ("SCHOOL TERM DATES 2027 TO 2030"). Shown as printed,
they shout; lower-cased blindly, they lose their acronyms (SEND, MTFS, HS2). A word is kept
in capitals when the document itself prints it in capitals inside ordinary sentences, or
when it holds a digit; every other word of a shouted title is written as a title is.
"""

import re
from collections.abc import Iterable

SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on"}
SMALL_WORDS |= {"or", "the", "to", "under", "upon", "via", "with", "vs"}
ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$")
CAPITALS = re.compile(r"\b[A-Z][A-Z0-9&]{1,9}\b")
LOWER = re.compile(r"[a-z]")
WORD = re.compile(r"^(\W*)(.*?)(\W*)$")
PART_SEPARATOR = re.compile(r"[^-/]+")  # "SUB-COMMITTEE", "ORDER/FLAG": each part a word
MIN_LETTERS = 4
SHOUTING = 0.8  # of a title's letters in capitals


def acronyms_in(texts: Iterable[str]) -> set[str]:
    """Words printed in capitals inside running text: a line mostly in lower case."""
    found: set[str] = set()
    for text in texts:
        if (words := CAPITALS.findall(text)) and len(LOWER.findall(text)) > len(text) / 3:
            found.update(words)
    return found


def is_shouting(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return False
    return sum(c.isupper() for c in letters) >= SHOUTING * len(letters)


def readable(title: str, acronyms: set[str]) -> str:
    """A shouted title in title case, its acronyms kept; any other title as it is."""
    if not is_shouting(title):
        return title
    words = title.split()
    return " ".join(_word(word, position, acronyms) for position, word in enumerate(words))


def _word(word: str, position: int, acronyms: set[str]) -> str:
    if not any(c.isupper() for c in word):
        return word  # printed in lower case on purpose inside a shouted title: "p.m."
    before, core, after = WORD.match(word).groups()
    return before + PART_SEPARATOR.sub(lambda m: _part(m[0], position, acronyms), core) + after


def _part(part: str, position: int, acronyms: set[str]) -> str:
    if part in acronyms or any(c.isdigit() for c in part) or ROMAN.match(part):
        return part
    if position and part.lower() in SMALL_WORDS:
        return part.lower()
    return part[:1].upper() + part[1:].lower()

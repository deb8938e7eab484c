"""Snippets of the rows shown: the passages where the query's words are, those words marked.

A word is marked when the index's own analyser (engine.analyzer(): folded, stop words out,
stemmed) reads it as one of the query's words, so "consulted" is marked for "consultation"
exactly as the index matched it. Words the query leaves out (`-parking`) are not marked.
Matches are marked with private-use characters, then the snippet is HTML-escaped and only
those become <mark>: no markup from a document reaches the page.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.search import engine
from meetings.search.query import wanted_words

MARK_START, MARK_STOP = "\ue000", "\ue001"
BEFORE, AFTER = 60, 180  # characters of a fragment around its first match
FRAGMENTS = 2
WINDOWS_TRIED = 30  # a long text's first matches are enough to find its best passages
JOINER = " … "
_SPACE = re.compile(r"\s+")


class Snippets:
    """The snippets of one search's rows."""

    def __init__(self, query: str):
        self.analyzer = engine.analyzer()
        self.stems = set(self.analyzer.analyze(" ".join(wanted_words(query))))
        prefixes = sorted({re.escape(stem[: max(1, min(len(stem) - 1, 4))]) for stem in self.stems})
        self.candidates = (
            re.compile(rf"(?<![^\W_])(?:{'|'.join(prefixes)})[^\W_]*", re.IGNORECASE)
            if prefixes
            else None
        )
        self.read = {}  # word: its stem, or None

    def of(self, text: str) -> SafeString:
        """Up to two passages of `text` with the most of the query's words, marked, as HTML."""
        return highlight(self.marked(text))

    def marked(self, text: str) -> str:
        """Those passages as text, the words between MARK_START and MARK_STOP."""
        text = text.replace(MARK_START, "").replace(MARK_STOP, "")
        matches = self._matches(text)
        if not matches:
            fragments = [text[slice(*_word_edges(text, 0, BEFORE + AFTER))]]
        else:
            fragments = [
                _marked(text, start, end, [m for m in matches if start <= m[0] and m[1] <= end])
                for start, end in self._best_windows(text, matches)
            ]
        return JOINER.join(_SPACE.sub(" ", part).strip() for part in fragments)

    def _matches(self, text: str) -> list[tuple[int, int, str]]:
        if self.candidates is None:
            return []
        found = []
        for match in self.candidates.finditer(text):
            word = match[0].lower()
            if word not in self.read:
                stems = self.analyzer.analyze(word)
                self.read[word] = stems[0] if len(stems) == 1 else None
            if self.read[word] in self.stems:
                found.append((match.start(), match.end(), self.read[word]))
        return found

    def _best_windows(self, text: str, matches) -> list[tuple[int, int]]:
        """The windows around matches holding the most different words, then the most words."""
        windows = []
        for position, _, _ in matches[:WINDOWS_TRIED]:
            start, end = _word_edges(text, position - BEFORE, position + AFTER)
            inside = [m for m in matches if start <= m[0] and m[1] <= end]
            windows.append(((len({m[2] for m in inside}), len(inside)), start, end))
        windows.sort(key=lambda window: (-window[0][0], -window[0][1], window[1]))
        chosen = []
        for _, start, end in windows:
            if all(end <= taken[0] or start >= taken[1] for taken in chosen):
                chosen.append((start, end))
            if len(chosen) == FRAGMENTS:
                break
        return sorted(chosen)


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole words, within the text."""
    start, end = max(0, start), min(len(text), end)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _marked(text: str, start: int, end: int, matches) -> str:
    pieces, at = [], start
    for match_start, match_end, _ in matches:
        pieces += [text[at:match_start], MARK_START, text[match_start:match_end], MARK_STOP]
        at = match_end
    pieces.append(text[at:end])
    return "".join(pieces)


def highlight(snippet: str | None) -> SafeString:
    """The snippet HTML-escaped, with only the marked words wrapped in <mark>."""
    escaped = escape(snippet or "")
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))

"""Welsh and English printed together: the English is read. No Django here.

Welsh councils print their documents in both languages: a line in Welsh, a slash, the same in
English ("Cyngor Cymuned Llanfair / Llanfair Community Council", "Yn bresennol / Present:",
"Penderfynwyd / Resolved: …", "Cyng. / Cllr E Hughes"), or a heading's Welsh line beside its
English one. The importer reads the English of each such pair, so that a body has one name
(its English one), and the labels of attendance and decisions are read as in any English
document. Items keep both languages in their titles, and every page keeps its printed text.
A line whose halves are not one Welsh and one English is left as it is.
"""

import re
from dataclasses import replace

from meetings.ingest.lines import Line

# Words of Welsh councils' documents that English does not use.
WELSH = frozenset({
    "cyngor", "cymuned", "tref", "cofnodion", "cofnod", "rhaglen", "cyfarfod", "gynhaliwyd",
    "cynhaliwyd", "bresennol", "presennol", "ymddiheuriadau", "absennol", "penderfynwyd",
    "cytunwyd", "cadeirydd", "is-gadeirydd", "gadeirydd", "cynghorydd", "cynghorwyr", "cyng",
    "clerc", "eitem", "datgan", "buddiant", "buddiannau", "cynllunio", "cyllid", "dim",
    "gohebiaeth", "unrhyw", "materion", "arall", "neuadd", "pentref", "pwyllgor", "dydd", "llun",
    "mercher", "iau", "gwener", "sadwrn", "cynnig", "eiliwyd", "cynigiwyd", "adroddiad",
    "cymeradwyo", "cymeradwywyd", "taliadau", "cyhoeddus", "aelodau", "swyddog", "blaenorol",
    "yn", "yr", "ym", "yng", "gyda", "cyfarfodydd"
})  # fmt: skip
# Words of the same documents in English; a Welsh half has none of them.
ENGLISH = frozenset({
    "the", "of", "and", "council", "community", "town", "minutes", "meeting", "present",
    "apologies", "resolved", "agenda", "chair", "chairman", "planning", "finance", "interest",
    "interests", "declarations", "declaration", "held", "on", "at", "in", "for", "clerk",
    "members", "previous", "any", "other", "business", "correspondence", "none", "report"
})  # fmt: skip
PAIR = re.compile(r"^(?P<first>[^/]+?)\s+/\s+(?P<second>.+)$")
WORD_PAIR = re.compile(r"(?P<welsh>[\w'’.-]+)\s+/\s+(?P<english>[\w'’.-]+)")
ENUMERATOR = re.compile(r"^\(?\d{1,3}[a-z]?[.)]?\s")
HEADING_LINES = 12


def english_reading(lines: list[Line]) -> list[Line]:
    """The lines, with the English half of each Welsh and English pair."""
    lines = [_english_pair(line) if " / " in line.text else line for line in lines]
    return _without_welsh_headings(lines)


def _english_pair(line: Line) -> Line:
    """'Yn bresennol / Present: Cyng. / Cllr E Hughes' -> 'Present: Cllr E Hughes'. A
    numbered item keeps both languages in its title."""
    match = PAIR.match(line.text)
    if not match or ENUMERATOR.match(line.text):
        return line
    first, second = match["first"], match["second"]
    label, colon, rest = second.partition(":")  # "Present / Yn bresennol: …"
    if _is_welsh(first) and not _is_welsh(label):
        text = second
    elif _is_welsh(label) and not _is_welsh(first):
        text = first + colon + rest
    else:
        return line
    text = WORD_PAIR.sub(_english_word, text)
    return replace(line, text=text, raw=text)


def _english_word(match: re.Match) -> str:
    return match["english"] if _is_welsh(match["welsh"]) else match[0]


def _without_welsh_headings(lines: list[Line]) -> list[Line]:
    """A heading's Welsh line printed above or below its English one (the two name the same
    place or date) is not read."""
    top = _top(lines)
    welsh = set()
    for position, index in enumerate(top):
        text = lines[index].text
        neighbours = top[max(0, position - 1) : position] + top[position + 1 : position + 2]
        if _is_welsh(text) and any(_translates(text, lines[n].text) for n in neighbours):
            welsh.add(index)
    if not welsh:
        return lines
    return [replace(line, text="", raw="") if i in welsh else line for i, line in enumerate(lines)]


def _top(lines: list[Line]) -> list[int]:
    """The indexes of the first page's first lines with text."""
    top: list[int] = []
    for index, line in enumerate(lines):
        if line.text and top and line.page != lines[top[0]].page or len(top) == HEADING_LINES:
            break
        if line.text:
            top.append(index)
    return top


def _translates(welsh: str, other: str) -> bool:
    """Whether an English line says what a Welsh one does: the same name or number in both."""
    if not _is_english(other):
        return False
    shared = set(_names_and_numbers(welsh)) & set(_names_and_numbers(other))
    return bool(shared)


def _names_and_numbers(text: str) -> list[str]:
    words = re.findall(r"[\w'’-]+", text.lower())
    return [word for word in words if word not in WELSH and word not in ENGLISH and len(word) > 1]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zâêîôûŵŷ'’-]+", text.lower())


def _is_welsh(text: str) -> bool:
    words = _words(text)
    return any(word.strip(".") in WELSH for word in words) and not any(
        word in ENGLISH for word in words
    )


def _is_english(text: str) -> bool:
    words = _words(text)
    return any(word in ENGLISH for word in words) and not any(word in WELSH for word in words)

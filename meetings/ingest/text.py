"""Text helpers shared by the parsers: cleaning lines, dates, times, names, paragraphs."""

import datetime
import re
import unicodedata

# Each month as councils print it: English in full and cut short, French, Welsh.
MONTH_WORDS = {
    1: ("january", "jan", "janvier", "janv", "ionawr"),
    2: ("february", "feb", "février", "fevrier", "févr", "fevr", "chwefror"),
    3: ("march", "mar", "mars", "mawrth"),
    4: ("april", "apr", "avril", "avr", "ebrill"),
    5: ("may", "mai"),
    6: ("june", "jun", "juin", "mehefin"),
    7: ("july", "jul", "juillet", "juil", "gorffennaf"),
    8: ("august", "aug", "août", "aout", "awst"),
    9: ("september", "sep", "sept", "septembre", "medi"),
    10: ("october", "oct", "octobre", "hydref"),
    11: ("november", "nov", "novembre", "tachwedd"),
    12: ("december", "dec", "décembre", "decembre", "déc", "rhagfyr"),
}
MONTHS = {word: number for number, words in MONTH_WORDS.items() for word in words}
# A month in full or cut short, in English, French or Welsh: "March", "Mar", "Sept.", "juillet"
MONTH = r"(?:" + "|".join(sorted(map(str.title, MONTHS), key=len, reverse=True)) + r")\.?"
WEEKDAY_WORDS = (  # Monday first, in English, French and Welsh
    ("monday", "lundi", "dydd llun"),
    ("tuesday", "mardi", "dydd mawrth"),
    ("wednesday", "mercredi", "dydd mercher"),
    ("thursday", "jeudi", "dydd iau"),
    ("friday", "vendredi", "dydd gwener"),
    ("saturday", "samedi", "dydd sadwrn"),
    ("sunday", "dimanche", "dydd sul"),
)
WEEKDAY = (
    r"(?:"
    + "|".join(word.title().replace(" ", r"\s+") for words in WEEKDAY_WORDS for word in words)
    + ")"
)
# OCR reads a raised 'th' as 't' or a quote mark; French prints 1er, Welsh 1af, 2ail, 5ed, 7fed
ORDINAL = r"(?:st|nd|rd|th|er|af|ail|ydd|fed|ed|t|[\"”’'])?"
# Between an item's number and its title: "4. ", "4) ", "4.) ", "4: ", "4 - ", "4 – ", "4 "
ITEM_SEPARATOR = r"(?:\.?\)\s*|[.:]\s*|\s+[-–]\s+|\s+)"
# A body's name in capitals, as headings print it: "PLANNING SUB-COMMITTEE (NORTH)".
NAME_IN_CAPITALS = r"[A-Z][A-Z0-9 ,&'’().\/-]+?"

_MARKUP = re.compile(r"\*\*|</?u>|</?i>|</?b>|<ul[^>]*>|</ul>|</?li>")
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009]+")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "–", "\u2014": "–"})

DATE_DMY = re.compile(  # "3 March 2031", "3rd of March, 2031", "this 3rd day of March, 2031"
    rf"\b(\d{{1,2}}){ORDINAL}\s+(?:day\s+)?(?:of\s+)?({MONTH}),?\s+(\d{{4}})\b", re.IGNORECASE
)
DATE_MDY = re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){ORDINAL},?\s+(\d{{4}})\b", re.IGNORECASE)
TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)


def strip_markup(text: str) -> str:
    """Text without the markdown-like markup of some extractions (**, <u>, <i>, <ul>)."""
    return _MARKUP.sub("", text)


def clean(line: str) -> str:
    """A line with markup, private-use glyphs and odd spaces removed, and spaces collapsed."""
    line = _MARKUP.sub("", line)
    line = _PRIVATE_USE.sub(" ", line).translate(_HYPHENS)
    return _SPACES.sub(" ", line).strip()


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: for comparing titles and names."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def month_number(name: str) -> int | None:
    """'March', 'MAR', 'Mar.', 'mars' or 'Mawrth' -> 3."""
    return MONTHS.get(name.rstrip(".").lower())


def make_date(day: str, month: str, year: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), month_number(month), int(day))
    except (TypeError, ValueError):
        return None


def find_date(text: str) -> datetime.date | None:
    """The first date written as '3 February 2026', '24TH MARCH 2026', 'March 17, 2010',
    '17 Mar 2010', '12 juillet 2023', or in French words ('le douze juillet deux mil vingt')."""
    candidates = []
    if match := DATE_DMY.search(text):
        candidates.append((match.start(), make_date(match[1], match[2], match[3])))
    if match := DATE_MDY.search(text):
        candidates.append((match.start(), make_date(match[2], match[1], match[3])))
    if match := FRENCH_DATE_IN_WORDS.search(text):
        day, year = french_number(match["day"]), french_number(match["year"])
        candidates.append((match.start(), make_date(str(day), match["month"], str(year))))
    candidates = [c for c in candidates if c[1]]
    return min(candidates)[1] if candidates else None


FRENCH_NUMBERS = {
    "premier": 1, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mil": 1000,
    "mille": 1000,
}  # fmt: skip
_FRENCH_NUMBER = "(?:" + "|".join(sorted(FRENCH_NUMBERS, key=len, reverse=True)) + ")"
_FRENCH_WORDS = rf"{_FRENCH_NUMBER}(?:[-\s]+(?:et[-\s]+)?{_FRENCH_NUMBER})*"
_FRENCH_MONTH = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre"
    "|décembre|decembre"
)
FRENCH_DATE_IN_WORDS = re.compile(  # "Le douze juillet deux mil vingt-trois"
    rf"\b(?P<day>{_FRENCH_WORDS})\s+(?P<month>{_FRENCH_MONTH})\s+(?P<year>{_FRENCH_WORDS})\b",
    re.IGNORECASE,
)


def french_number(words: str) -> int:
    """'vingt-trois' -> 23, 'deux mil vingt-trois' -> 2023, 'quatre-vingt-dix' -> 90."""
    total = current = 0
    for word in re.split(r"[-\s]+", words.lower()):
        value = FRENCH_NUMBERS.get(word, 0)
        if value == 1000:
            total, current = total + (current or 1) * 1000, 0
        elif value == 100:
            current = (current or 1) * 100
        elif value == 20 and current % 100 == 4:  # quatre-vingt
            current = current - 4 + 80
        else:
            current += value
    return total + current


NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def find_any_date(text: str) -> datetime.date | None:
    """A date in words, else in numbers: 2021-05-11, 19/05/2031, 5/11/21.

    Numbers are read day first unless the first cannot be a month, or a weekday printed
    beside them agrees only with month first.
    """
    if found := find_date(text):
        return found
    if match := ISO_DATE.search(text):
        return _date_or_none(int(match[1]), int(match[2]), int(match[3]))
    if not (match := NUMERIC_DATE.search(text)):
        return None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    year += 2000 if year < 100 else 0
    day_first = _date_or_none(year, second, first)
    month_first = _date_or_none(year, first, second)
    lowered = text.lower()
    weekday = next(
        (day for day, names in enumerate(WEEKDAY_WORDS) if any(n in lowered for n in names)), None
    )
    if weekday is not None and month_first and month_first.weekday() == weekday:
        return month_first if not day_first or day_first.weekday() != weekday else day_first
    return day_first or month_first


def _date_or_none(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_time(text: str) -> datetime.time | None:
    """'2.00 pm', '10.00 am', '7.30pm', '9:00am', else a 24-hour '14:00', '09:30', '19.30',
    '18h30', '20 heures'."""
    match = TIME.search(text)
    if not match:
        return _time_24_hour(text)
    hour, minute = int(match[1]), int(match[2] or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    if match[3].lower().startswith("p") and hour != 12:
        hour += 12
    if match[3].lower().startswith("a") and hour == 12:
        hour = 0
    return datetime.time(hour, minute)


# "14:00", "09:30", "19.30 hrs": a two-digit hour with a colon, or an afternoon hour with a
# dot; never part of a longer number ("24.03.2026", "1.10.2").
TIME_24_HOUR = re.compile(
    r"(?<![\d.:])(?:([01]\d|2[0-3]):([0-5]\d)|(1[3-9]|2[0-3])\.([0-5]\d))(?![\d:]|\.\d)"
)


# French: "à 20 heures", "18h30", "18 HEURES 30"
FRENCH_TIME = re.compile(
    r"\b([01]?\d|2[0-3])(?:\s*h\s*([0-5]\d)|\s*heures?(?:\s*([0-5]\d))?)\b", re.IGNORECASE
)


def _time_24_hour(text: str) -> datetime.time | None:
    if match := TIME_24_HOUR.search(text):
        hour, minute = (match[1], match[2]) if match[1] else (match[3], match[4])
        return datetime.time(int(hour), int(minute))
    if match := FRENCH_TIME.search(text):
        return datetime.time(int(match[1]), int(match[2] or match[3] or 0))
    return None


def slugify(text: str, max_length: int = 200) -> str:
    slug = fold(text).replace(" ", "-")
    return slug[:max_length].rstrip("-") or "untitled"


_WORD_START = re.compile(r"(^|[-/(])(\w)")


def place_name(text: str) -> str:
    """Where a meeting was held, as a heading prints it: 'THE CIVIC CENTRE' -> 'Civic Centre'."""
    place = re.sub(r"^the\s+", "", clean(text), flags=re.IGNORECASE).strip(" ,")
    return title_case(place) if place.isupper() else place


def title_case(text: str) -> str:
    """'PLANNING SUB-COMMITTEE (NORTH)' -> 'Planning Sub-Committee (North)', keeping small
    words lower."""
    small = {"and", "of", "the", "for", "in", "on", "to", "a", "an"}
    small |= {"de", "des", "du", "la", "le", "les", "et", "aux", "en"}  # French titles
    words = text.lower().split()
    return " ".join(
        word if index and word in small else _WORD_START.sub(_upper, word)
        for index, word in enumerate(words)
    )


def _upper(match: re.Match) -> str:
    return match[1] + match[2].upper()


ABBREVIATION_END = re.compile(r"(?:\b[a-zA-Z]\.|\.\.)$")  # "7:00 p.m.", "J. Smith Jr.", "…"


def strip_full_stop(text: str) -> str:
    """A title without the full stop that ends its sentence; an abbreviation keeps its own."""
    return text[:-1].rstrip() if text.endswith(".") and not ABBREVIATION_END.search(text) else text


_LIST_MARKER = re.compile(r"^(?:[-•◼▪■➤o]\s|\(?[a-z]{1,4}\)\s|\(?[ivx]+\)\s|\(?\d{1,3}[.)]\s)")
_DASHED_LABEL = re.compile(r"^-\s+(?=\(?(?:[a-z]{1,2}|[ivx]+|\d{1,3})\)\s)")
_SENTENCE_END = (".", ":", ";", "?", "!", ")", "”", '"')


def starts_list_item(line: str) -> bool:
    return bool(_LIST_MARKER.match(line))


# A line that records a vote's result on its own ("CARRIED", "Motion carried.") or starts a
# vote's record ("VOTING IN FAVOUR: …", "AYES: …"): a paragraph of its own in any layout.
OUTCOME_LINE = re.compile(
    r"^(?:(?:the\s+)?(?:main\s+|amended\s+)?motion\s+)?(?:carried|defeated|lost|failed|passed"
    r"|adopted|withdrawn|deferred|tabled|not heard|not carried)(?:\s+unanimously)?\.?$",
    re.IGNORECASE,
)
VOTE_LINE = re.compile(
    r"^(?:voting\s+(?:in\s+favou?r|against|yea|nay)|ayes?|nays?|noes|yeas?|yes|in\s+favou?r|against"
    r"|opposed|abstain(?:ed|ing|s)?|abstentions?|pour|contre)\s*:",
    re.IGNORECASE,
)


def _ends_vote_list(last: str, line: str) -> bool:
    """A heading in capitals after a vote's list of names ("Aye: 5 - A, B and C" then
    "CONSENT AGENDA") is not one of the names: the list ended with its line."""
    return bool(VOTE_LINE.match(last)) and not last.endswith((",", "and", "&")) and line.isupper()


def reflow(lines: list[str]) -> str:
    """Join hard-wrapped lines into paragraphs.

    PDF extractions wrap at the page width and even put blank lines inside
    sentences; a blank line ends a paragraph only after sentence punctuation.
    Lines with TABs (flattened tables), list items and a vote's record start lines of
    their own; an outcome alone on its line ("CARRIED") is a paragraph of its own.
    """
    paragraphs: list[list[str]] = []
    current: list[str] = []
    pending_break = False
    for raw in lines:
        if "\t" in raw:
            line = "\t".join(clean(cell) for cell in raw.split("\t")).strip("\t")
        else:
            line = _DASHED_LABEL.sub("", clean(raw))
        if not line:
            pending_break = bool(current) and current[-1].endswith(_SENTENCE_END)
            continue
        if current and (
            pending_break
            or "\t" in line
            or "\t" in current[-1]
            or starts_list_item(line)
            or (OUTCOME_LINE.match(line) and not line[0].islower())  # "declared the / motion …"
            or VOTE_LINE.match(line)
            or OUTCOME_LINE.match(current[-1])
            or _ends_vote_list(current[-1], line)
        ):
            paragraphs.append(current)
            current = []
        current.append(line)
        pending_break = False
    if current:
        paragraphs.append(current)
    return "\n\n".join(_join_wrapped(paragraph) for paragraph in paragraphs)


def _join_wrapped(lines: list[str]) -> str:
    if any("\t" in line for line in lines):
        return "\n".join(lines)
    text = lines[0]
    for line in lines[1:]:
        if re.search(r"[a-z]-$", text) and line[:1].islower():
            text += line
        else:
            text += " " + line
    return text


# Titles that the page width wrapped ----------------------------------------------------

TITLE_WRAP_WORDS = {"and", "of", "the", "to", "for", "a", "an", "in", "on", "with", "by", "&"}
TITLE_WRAP_WORDS |= {"that", "from", "at", "or", "into", "between", "regarding"}
WRAPPED_LENGTH = 55  # characters: a title line this long may have been wrapped
SUB_ITEM = re.compile(r"^\(?[a-z]{1,3}\)\s|^[a-z][.]\s|^[-–•]\s")
LABELLED_LINE = re.compile(r"^[A-Z][\w /]{2,30}:\s")  # "Recommendation: Approve …"
REFERENCE_LINE = re.compile(r"^\((?:Item|Minute|Page)s?\b", re.IGNORECASE)  # "(Item 5)"
# A line that is only a numbered reference: "Resolution No. 2031-043", "Council Resolution
# Number CO/2031/141:" (a motion's number under the title, not the title's wrap)
NUMBERED_REFERENCE = re.compile(
    r"^(?:[A-Z][\w-]*\s+){1,3}(?:No\.?|Number|#)\s*[\w./-]*\d[\w./-]*\s*:?$", re.IGNORECASE
)


def continues_title(previous: str, following: str) -> bool:
    """Whether `following` goes on with a title line that the page width wrapped."""
    if not following or following.isupper() or REFERENCE_LINE.match(following):
        return False
    if NUMBERED_REFERENCE.match(following):
        return False
    if SUB_ITEM.match(following) or LABELLED_LINE.match(following):
        return False
    if previous.endswith((".", ":", "?", "!", ";")):
        return False
    last_word = previous.split()[-1].lower() if previous.split() else ""
    if last_word in TITLE_WRAP_WORDS or previous.endswith((",", "-", "–", "/")):
        return True
    if following[0].islower() or following[0] in "(&":
        return True
    # A long line goes on into a line in the same style: a Title Case title into Title Case.
    return len(previous) >= WRAPPED_LENGTH and _title_cased(previous) and _title_cased(following)


def _title_cased(text: str) -> bool:
    words = [word for word in text.split() if word[:1].isalpha() and len(word) > 3]
    return bool(words) and sum(word[0].isupper() for word in words) > len(words) / 2


# People -------------------------------------------------------------------------------

TITLES = r"(?:Mrs|Mr|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Professor|Prof|Rev)"
_WORD = r"[A-Z][A-Za-z'’]*[a-z][A-Za-z'’]*(?:-[A-Z][A-Za-z'’]*[a-z][A-Za-z'’]*)?"
POST_NOMINALS = r"(?:JP|OBE|MBE|CBE|DL|CC|MP|KC|QC)"
PERSON = re.compile(
    rf"\b(?P<title>{TITLES})\b\.?\s+"
    rf"(?P<given>(?:[A-Z]\.\s*|[A-Z]\s+|{_WORD}\s+)*)"
    rf"(?P<surname>{_WORD})"
    rf"(?P<post>(?:,?\s+{POST_NOMINALS}\b)*)"
)


def person_key(title: str, given: str, surname: str) -> str:
    """'Mrs.', 'D.', 'Taylor' -> 'mrs-d-taylor': the same for every spelling of the name."""
    initials = [part[0] for part in re.split(r"[\s.]+", given) if part]
    return slugify(" ".join([title, *initials, surname]))


def find_people(text: str) -> list[tuple[re.Match, str]]:
    """Every name in `text`, with the text that follows it up to the next name."""
    matches = list(PERSON.finditer(text))
    found = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        found.append((match, text[match.end() : end]))
    return found


def display_name(match: re.Match) -> str:
    return _SPACES.sub(" ", match.group(0)).strip(" ,")

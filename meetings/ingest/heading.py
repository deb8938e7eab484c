"""The meeting a document names at its top: its body, date, time and kind. No Django here.

Every line near the top of a document's first page offers candidates: a body ("REGULAR
MEETING, BOARD OF TRUSTEES" offers the Board of Trustees), a date, a time, the word that says
what the document is (MINUTES, AGENDA, Ordre du jour). Each candidate is scored by the
evidence for it: a label ("Date:", "Meeting:"), a heading's larger or bolder type, its place
near the top and beside the other parts of the heading; and against it: a sentence of prose
("… the minutes of the meeting held on 25 July 2024 were …"), a footer, an item's number, a
list of names after a colon, a word in lower case where a name would be capitalised. The best
candidate of each field is kept with its evidence, if it is good enough; otherwise the field
is left empty, never guessed.
"""

import datetime
import re
from dataclasses import dataclass, field

from meetings.ingest.council import parse_council_name
from meetings.ingest.layout import Style, body_size
from meetings.ingest.lines import Line
from meetings.ingest.records import Evidence, MeetingRecord
from meetings.ingest.text import MONTH, WEEKDAY, find_any_date, find_time, place_name, title_case

WINDOW = 40  # lines of the first page in which a document names its meeting
ENOUGH = 0.5  # a candidate scoring less is not taken

BODY_WORDS = (
    r"Council|Committee|Sub-?Committee|Commission|Board|Cabinet|Panel|Authority|Forum|Assembly"
    r"|Trustees|Executive|Conseil|Cyngor|Pwyllgor|Bwrdd|Legislature"
    r"|(?:Fiscal|Quorum|Commissioners['’]?)\s+Court"
    r"|(?:Parish|Town|Village|Community|Ward)\s+Meeting|Licensing\s+Sub"
)
BODY_WORD = re.compile(rf"\b(?:{BODY_WORDS})\b", re.IGNORECASE)
LABEL = re.compile(
    r"^(?P<label>Meeting|Committee|Meeting of|Name of meeting|Body|Decision maker|Instance"
    r"|Date|Date of meeting|Meeting date|Date and time|Date/Time|Date & Time|Time)\s*:\s*"
    r"(?P<value>\S.*)$",
    re.IGNORECASE,
)
BODY_LABELS = {"meeting", "committee", "meeting of", "name of meeting", "body", "decision maker",
               "instance"}  # fmt: skip
MEETING_OF = re.compile(  # "… a meeting of the Finance Committee held / to be held / on Monday"
    r"\b(?i:meeting|session|séance|réunion)\s+(?i:of|du|de\s+la)\s+(?i:the\s+)?"
    r"(?P<body>[A-Z][\w'’&#. -]{2,80}?)(?=\s*,?\s+(?i:was\s+|is\s+|to\s+be\s+|will\s+be\s+)?"
    rf"(?i:held|on|at|in|qui)\b|\s*,?\s*(?:\d|(?i:{MONTH})\b)|\s*$)",
)
LEADING_WORDS = re.compile(
    r"^(?:(?:draft|unconfirmed|approved|confirmed)\s+)?"
    r"(?:(?:minutes|agenda|notice|notes|summary|record|transcript|report|summons)\s+"
    r"(?:of|for|to)\s+(?:the\s+|a\s+|an\s+)?)?"
    r"(?:(?:regular|special|ordinary|annual(?!\s+(?:parish|town|village|community)\s+meeting)"
    r"|extraordinary|adjourned|formal|public|joint"
    r"|emergency|reconvened|rescheduled|organizational|virtual|hybrid)\s+)*"
    r"(?:(?:meeting|session)\s+(?:of|for)\s+(?:the\s+)?)?"
    r"|^(?:réunion|séance|procès-verbal|compte[- ]rendu|ordre du jour)\s+(?:du|de\s+la|de)\s+",
    re.IGNORECASE,
)
TRAILING_WORDS = re.compile(
    r"(?:\s+(?:regular|special|ordinary|annual|formal|public)?\s*(?:meeting|session|minutes"
    r"|agenda)s?\b(?<!parish meeting)(?<!town meeting)(?<!village meeting)(?<!community meeting)"
    r"(?<!ward meeting).*"
    r"|\s+(?:held|to be held|was held|on|at|in)\b.*"
    r"|\s+as\s+(?:the\s+)?[A-Z].*"  # "Guelph City Council as Shareholders of …": the Council
    r"|\s+of\s+the\s+(?:City|Town|Township|Village|County|Borough)\s+of\s+.*"
    # "Board of Trustees of the Hillside Library": the Board; never "Committee of the Whole"
    r"|\s+of\s+the\s+(?:[A-Z][\w'’.-]*\s+){0,5}(?:Library|District|Authority|College|School"
    r"|University|Corporation|Company|Inc\.?|Port|Hospital|Trust|Foundation)$)$",
    re.IGNORECASE,
)
# The electors' annual assembly, whose name varies: "Annual Meeting of the Parish (of X)" is
# the Annual Parish Meeting; "Annual Meeting of the Parish Council" is the council's own.
ANNUAL_ASSEMBLY = re.compile(
    r"\bannual\s+(?:meeting|assembly)\s+of\s+(?:the\s+)?(?P<tier>parish|town|village"
    r"|community)\b(?!\s+(?:council|meeting))",
    re.IGNORECASE,
)
# "Finance Committee of Great Ashby Town Council" is the Finance Committee.
COMMITTEE_OF_COUNCIL = re.compile(
    r"^(?P<body>.+?\b(?:Committee|Sub-Committee|Board|Panel|Forum|Group|Commission))"
    r"\s+of\s+(?:the\s+)?[\w'’ .-]+\bCouncil$",
    re.IGNORECASE,
)
_AUTHORITY = (
    r"^(?:The\s+)?(?:Corporation\s+of\s+the\s+)?(?:City|Town|Township|Village|County|Borough"
    r"|District|(?:Regional\s+)?Municipality|Parish)\s+of\s+"
)
# "Township of Nipissing Council" is the Council; "City of Omaha City Council" the City Council.
AUTHORITY_COUNCIL = re.compile(
    _AUTHORITY + r"(?:[A-Z][\w'’.-]*\s+){1,3}?(?P<body>(?:City\s+|Town\s+|Village\s+"
    r"|Township\s+|County\s+)?Council)$"
)
# "Township of Nipissing Recreation Committee" is the Recreation Committee.
AUTHORITY_PLACE = re.compile(_AUTHORITY + r"[A-Z][\w'’.-]*\s+(?=[A-Z])")
MUNICIPALITY = re.compile(
    r"\b(?:Corporation of the|Township of|Village of|Town of|Municipality of)\s+[A-Z]",
    re.IGNORECASE,
)
PARTS = re.compile(r"\s+[-–|]\s+|,\s+|\s*:\s+")
# "Cupertino Union School District Board of Education" is the Board of Education.
AUTHORITY_THEN_BODY = re.compile(
    r"^.*?\b(?:District|Authority|Corporation|Agency|Company|Inc\.?)\s+(?=(?:Board|Commission"
    r"|Committee)\b)"
)
ENUMERATOR = re.compile(  # an item's number: "4.", "(4)", "b)", "IV.", "4 " but not "6:00"
    r"^(?:\(?\d{1,3}[a-z]?[.):](?!\d)|\(?[A-Za-z][.)]\s|[IVX]{1,5}\.\s|\d{1,3}\s(?!"
    + MONTH
    + r"))",
    re.IGNORECASE,
)
VERB = re.compile(
    r"\b(?:is|are|was|were|will|shall|may|can|should|would|has|have|had|please|wishing|wish"
    r"|address|contact|regarding|invited|adjourned|called|held|convened)\b",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(r"[a-z]\.\s+[A-Z]")  # one sentence ends, another begins
FUNCTION_WORD = re.compile(r"\b(?:the|to|of|and|a|an|in|for|on|at|by|with|that|this|be|if|or)\b")
NOT_THE_DATE = re.compile(  # words that put a date on some other event than this meeting
    r"\b(?:previous|last|next|until|effective|dated|printed|published|issued|posted|revised"
    r"|circulated|received|convocation|envoyé|reçu|affiché|approved\s+on|as\s+of)\b",
    re.IGNORECASE,
)
NEXT_MEETING = re.compile(r"\b(?:date|time) of (?:the )?next\b|\bnext meeting\b", re.IGNORECASE)
MINUTES_KIND = re.compile(
    r"\b(?:minutes|compte[- ]rendu|procès[- ]verbal|cofnodion|notes of|record of proceedings"
    r"|transcript|verbatim)\b",
    re.IGNORECASE,
)
AGENDA_KIND = re.compile(
    r"\b(?:agenda(?!\s+item)|ordre du jour|order of business|summons|notice of (?:a |the )?"
    r"(?:\w+ )?meeting|rhaglen)\b",
    re.IGNORECASE,
)
# "Minutes of the Education Committee held on …": the document's title, however long.
DOCUMENT_TITLE = re.compile(
    r"^(?:(?:draft|unconfirmed|approved)\s+)?(?:minutes|notes|agenda|record|transcript|summary"
    r"|notice|procès-verbal|compte[- ]rendu)\s+(?:of|for|du|de)\b",
    re.IGNORECASE,
)
WRAPPED_OF = re.compile(r"^(?:of|for)\s+(?:the\s+)?", re.IGNORECASE)
PREPOSITION = re.compile(r"^(?:by|for|to|of|at|in|on|from|with|per)\s", re.IGNORECASE)
FOOTER = 0.9  # a line this far down the page is a footer, not the heading
LETTERHEAD_GAP = 3  # lines between a council's letterhead and its committee's heading
COUNCIL = re.compile(r"\bCouncil\b", re.IGNORECASE)


@dataclass
class Candidate:
    value: object
    index: int  # the line it was read from
    score: float
    reasons: list[str] = field(default_factory=list)

    def add(self, score: float, reason: str) -> None:
        self.score += score
        self.reasons.append(reason)


@dataclass
class HeadingReading:
    """What the top of a document says of its meeting, each field with its evidence."""

    body: str = ""
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    location: str = ""  # where a label says it, or the sentence that says it was held there
    kind: str = ""  # minutes, agenda, or '' where the heading does not say
    end: int = 0  # the index of the first line after the heading
    evidence: list[Evidence] = field(default_factory=list)

    def meeting(self) -> MeetingRecord:
        """The meeting the heading names, with the evidence for it."""
        return MeetingRecord(
            body=self.body,
            date=self.date,
            start_time=self.start_time,
            location=self.location,
            evidence=self.evidence,
        )


def read_heading(lines: list[Line], window: int = WINDOW) -> HeadingReading:
    """The body, date, time and kind the top of `lines` names, with their evidence."""
    top = _top_lines(lines, window)
    if not top:
        return HeadingReading()
    context = _Context(lines, top)
    reading = HeadingReading()
    kind = _best(_kind_candidates(context))
    if kind:
        reading.kind = kind.value
    bodies = _body_candidates(context, kind)
    body = _under_letterhead(_most_specific(_best(bodies), bodies), bodies)
    date = _best(_date_candidates(context, body, kind))
    if body:
        reading.body = body.value
    if date:
        reading.date = date.value
        reading.start_time = _time_near(context, date.index) or _called_to_order(context)
    reading.location = _labelled_location(context) or (
        _location_in_prose(context, reading.date) if date else ""
    )
    chosen = [c.index for c in (body, date) if c]
    reading.end = max(chosen) + 1 if chosen else 0
    for name, candidate in (("kind", kind), ("body", body), ("date", date)):
        if candidate:
            reading.evidence.append(context.evidence(name, candidate))
    return reading


LOCATION_LABEL = re.compile(
    r"^(?:Meeting\s+)?(?:Location|Venue|Place|Where)\s*:\s*(?P<value>\S.{1,150})$", re.IGNORECASE
)


def _labelled_location(context: "_Context") -> str:
    """Where a labelled line of the heading says the meeting is held ("Venue: Memorial Hall")."""
    for index in context.top:
        if match := LOCATION_LABEL.match(context.text(index)):
            return match["value"].strip()
    return ""


# "… was held in the Council Chambers, 123 Main Street, on Monday, October 6, 2031", "… met in
# regular session on Tuesday, March 18, 2031 at 10:00 a.m. in the Fiscal Courtroom …"
HELD = re.compile(r"\b(?:held|convened|met|assembled)\b", re.IGNORECASE)
PLACE = re.compile(
    r"\b(?:in|at)\s+(?P<place>(?:the\s+)?[A-Z0-9][^;]*?)"
    r"(?=,?\s+(?:on|at\s+\d|commencing|beginning|starting|from)\b|\.\s|\.?$|;)"
)
NOT_A_PLACE = re.compile(  # a date, a time, "Closed Session"
    rf"^(?:the\s+)?(?:{MONTH}|{WEEKDAY})\b|^\d{{1,2}}(?:[:.]\d\d|\s*[ap]\.?m\b)|\bsession\b", re.I
)
SENTENCE_END = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])")
MAX_PLACE = 120


def _location_in_prose(context: "_Context", date: datetime.date) -> str:
    """The place of the heading's sentence that says the meeting was held (convened, met)
    there on its date: only such a sentence names the meeting's place."""
    text = " ".join(context.text(index) for index in context.top)
    for sentence in SENTENCE_END.split(text):
        held = HELD.search(sentence)
        if not held or find_any_date(sentence) != date:
            continue
        for match in PLACE.finditer(sentence, held.end()):
            place = match["place"]
            if not NOT_A_PLACE.search(place) and not find_any_date(place):
                return place_name(place) if len(place) <= MAX_PLACE else ""
    return ""


def _top_lines(lines: list[Line], window: int) -> list[int]:
    """Indexes of the first `window` lines with text on the document's first page."""
    filled = [index for index, line in enumerate(lines) if line.text]
    if not filled:
        return []
    first_page = lines[filled[0]].page
    return [index for index in filled if lines[index].page == first_page][:window]


class _Context:
    """The top lines of a document, with what is known of how each is printed."""

    def __init__(self, lines: list[Line], top: list[int]):
        self.lines = lines
        self.top = top
        self.rank = {index: rank for rank, index in enumerate(top)}
        self.size = body_size([line.style for line in lines[: top[-1] + 200]])

    def text(self, index: int) -> str:
        return self.lines[index].text

    def style(self, index: int) -> Style | None:
        return self.lines[index].style

    def is_heading(self, index: int) -> bool:
        """Printed as a heading: larger or bolder than the text, or in capitals."""
        text, style = self.text(index), self.style(index)
        if style and self.size:
            if style.size >= self.size * (1.4 if style.read_by_ocr else 1.15):
                return True
            if style.bold and len(text.split()) <= 12:
                return True
        letters = [c for c in text if c.isalpha()]
        return len(letters) >= 4 and text.upper() == text

    def is_prose(self, index: int) -> bool:
        """A line of a paragraph: many words, with a verb or a sentence's small words."""
        text = self.text(index)
        words = text.split()
        if DOCUMENT_TITLE.match(text) or self.is_heading(index):
            return False
        if len(words) >= 15:
            return True
        if len(words) < 9:
            return False
        small_words = len(FUNCTION_WORD.findall(text.lower()))
        if VERB.search(text) or SENTENCE_BREAK.search(text) or self._runs_on(index):
            return True
        return small_words >= 3 and text.endswith((".", ",", ";"))

    def _runs_on(self, index: int) -> bool:
        """Whether the sentence goes on into the next line, as a paragraph's lines do."""
        position = self.rank[index]
        following = self.top[position + 1] if position + 1 < len(self.top) else None
        return following is not None and self.text(following)[:1].islower()

    def in_footer(self, index: int) -> bool:
        style = self.style(index)
        return bool(style and style.y > FOOTER)

    def evidence(self, name: str, candidate: Candidate) -> Evidence:
        value = candidate.value
        value = value.isoformat() if isinstance(value, datetime.date) else str(value)
        line = self.lines[candidate.index]
        return Evidence(
            field=name,
            value=value,
            page=line.page,
            text=line.text,
            score=round(min(candidate.score, 1.0), 2),
            reason="; ".join(candidate.reasons),
        )


def _best(candidates: list[Candidate]) -> Candidate | None:
    good = [candidate for candidate in candidates if candidate.score >= ENOUGH]
    return max(good, key=lambda c: (c.score, -c.index)) if good else None


def _most_specific(best: Candidate | None, candidates: list[Candidate]) -> Candidate | None:
    """'Riverton City Council' printed near 'CITY COUNCIL MEETING' is the body's full name."""
    if not best:
        return None
    fuller = [
        c
        for c in candidates
        if c.score >= ENOUGH and c.value.lower().endswith(" " + best.value.lower())
    ]
    return max(fuller, key=lambda c: c.score) if fuller else best


def _under_letterhead(best: Candidate | None, candidates: list[Candidate]) -> Candidate | None:
    """'Planning Committee – 12 March 2031' printed under 'Northam District Council': the
    council's letterhead heads the document of one of its committees or boards."""
    if not best or not parse_council_name(best.value):
        return best
    below = [
        c
        for c in candidates
        if best.index < c.index <= best.index + LETTERHEAD_GAP
        and c.score >= ENOUGH
        and not COUNCIL.search(c.value)
    ]
    return max(below, key=lambda c: c.score) if below else best


def _position(context: _Context, candidate: Candidate) -> None:
    """Nearer the top is likelier the heading."""
    candidate.add(max(0.0, 0.15 - 0.01 * context.rank[candidate.index]), "near the top")


# The kind --------------------------------------------------------------------------------


def _kind_candidates(context: _Context) -> list[Candidate]:
    found = []
    for index in context.top[:12]:
        text = context.text(index)
        if ENUMERATOR.match(text) or context.is_prose(index) or len(text) > 100:
            continue
        kind = (
            "minutes" if MINUTES_KIND.search(text) else "agenda" if AGENDA_KIND.search(text) else ""
        )
        if kind:
            candidate = Candidate(kind, index, 0.6, [f"says '{text}'"])
            if context.is_heading(index):
                candidate.add(0.2, "as a heading")
            _position(context, candidate)
            found.append(candidate)
    return found


# The body --------------------------------------------------------------------------------


def body_names(text: str) -> list[tuple[str, str]]:
    """(name, how it is named) for each body a line names."""
    if (match := LABEL.match(text)) and match["label"].lower() in BODY_LABELS:
        name = _tidy(match["value"])
        return [(name, "labelled")] if name else []
    if match := ANNUAL_ASSEMBLY.search(text):  # "Annual Meeting of the Parish of Little Ashby"
        return [(f"Annual {match['tier'].title()} Meeting", "in the heading")]
    names = [
        (_tidy(match["body"]), "named as 'a meeting of'") for match in MEETING_OF.finditer(text)
    ]
    for part in PARTS.split(LEADING_WORDS.sub("", text.strip())):
        if name := _tidy(part):
            names.append((name, "in the heading"))
    return [(name, how) for name, how in names if name and BODY_WORD.search(name)]


def _tidy(name: str) -> str:
    """A body's name without the words around it: 'Minutes of the Regular Meeting of the Board
    of Trustees held on …' -> 'Board of Trustees'."""
    name = re.split(r"[.;]\s", name)[0]  # a sentence goes on after the name
    name = LEADING_WORDS.sub("", name.strip(" .,;:–-|*"))
    name = WRAPPED_OF.sub("", name)  # "MINUTES OF THE REGULAR MEETING / OF THE BOARD OF …"
    name = re.sub(rf"(?:\s*,)?\s+(?:\d|\b{MONTH}\b|\(|\[).*$", "", name, flags=re.IGNORECASE)
    name = TRAILING_WORDS.sub("", name).strip(" .,;:–-|*")
    if match := AUTHORITY_COUNCIL.match(name) or COMMITTEE_OF_COUNCIL.match(name):
        name = match["body"]
    name = AUTHORITY_PLACE.sub("", AUTHORITY_THEN_BODY.sub("", name))
    if not BODY_WORD.search(name):
        return ""
    return title_case(name) if name.isupper() else name


def _body_candidates(context: _Context, kind: Candidate | None) -> list[Candidate]:
    found = []
    for index in context.top:
        text = context.text(index)
        for name, how in body_names(text):
            candidate = Candidate(name, index, 0.0, [how])
            _score_body(context, candidate, how, kind)
            found.append(candidate)
        if MUNICIPALITY.search(text) and not any(c.index == index for c in found):
            # A municipality's own minutes name only the municipality: they are its Council's.
            found.append(Candidate("Council", index, ENOUGH, ["the municipality names itself"]))
    return found


def _score_body(context: _Context, candidate: Candidate, how: str, kind: Candidate | None):
    index, name, text = candidate.index, candidate.value, context.text(candidate.index)
    candidate.score = {"labelled": 0.9, "named as 'a meeting of'": 0.7}.get(how, 0.45)
    if how == "named as 'a meeting of'" and context.is_prose(index) and not find_any_date(text):
        candidate.add(-0.3, "inside a sentence that gives no date")
    if how == "in the heading":
        if context.is_heading(index):
            candidate.add(0.2, "printed as a heading")
        if context.is_prose(index):
            candidate.add(-0.5, "inside a sentence")
        if re.search(r":\s+\S+\s+\S+", text) and not text.rstrip().endswith(":"):
            candidate.add(-0.4, "a list follows a colon")
    if kind and abs(kind.index - index) <= 3:
        candidate.add(0.1, "beside the document's kind")
    _position(context, candidate)
    if context.in_footer(index):
        candidate.add(-0.5, "in the page's footer")
    if ENUMERATOR.match(text):
        candidate.add(-0.6, "an item's number")
    if len(name.split()) > 10 or len(name) > 90:
        candidate.add(-0.4, "too long for a name")
    if not name[:1].isupper():
        candidate.add(-0.4, "not capitalised")
    if PREPOSITION.match(name):
        candidate.add(-0.6, "a phrase, not a name")
    if VERB.search(name):
        candidate.add(-0.5, "holds a verb")


# The date and time ---------------------------------------------------------------------


def _date_candidates(
    context: _Context, body: Candidate | None, kind: Candidate | None
) -> list[Candidate]:
    found = []
    for index in context.top:
        text = context.text(index)
        if not (date := find_any_date(text)):
            continue
        candidate = Candidate(date, index, 0.45, [])
        label = LABEL.match(text)
        if label and "date" in label["label"].lower():
            candidate.add(0.45, f"labelled '{label['label']}'")
        elif context.is_prose(index):
            candidate.add(-0.15, "inside a sentence")
        else:
            candidate.add(0.25, "on a heading's line")
        if context.is_heading(index):
            candidate.add(0.1, "printed as a heading")
        for near in (body, kind):
            if near and abs(near.index - index) <= 3:
                candidate.add(0.1, "beside the body's name" if near is body else "beside the kind")
        if re.search(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", text, re.IGNORECASE):
            candidate.add(0.05, "with its weekday")
        _position(context, candidate)
        if NEXT_MEETING.search(text):
            candidate.add(-0.8, "the next meeting's")
        elif NOT_THE_DATE.search(text):
            candidate.add(-0.4, "another event's date")
        if context.in_footer(index):
            candidate.add(-0.4, "in the page's footer")
        if ENUMERATOR.match(text) and not _only_a_date(text):
            candidate.add(-0.5, "an item's")
        found.append(candidate)
    return found


DATE_WORDS = re.compile(
    rf"\b(?:\d{{1,4}}(?:st|nd|rd|th)?|{MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|[ap]\.?m\.?|at)\b",
    re.IGNORECASE,
)


def _only_a_date(text: str) -> bool:
    """A line that holds a date and nothing else but what stands before it: 'K) September 5,
    2000 5:15 p.m.' where a scan's margin put a mark before the heading's date."""
    rest = DATE_WORDS.sub(" ", ENUMERATOR.sub("", text))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) == 0


CALLED_TO_ORDER = re.compile(
    r"\b(?:called|came)\s+(?:the\s+meeting\s+)?to\s+order\b|\bconvened\b|\bopened the meeting\b"
    r"|\b(?:will\s+)?(?:begin|begins|start|starts|commence|commences|commencing|starting)\s+at\b",
    re.IGNORECASE,
)


def _called_to_order(context: _Context) -> datetime.time | None:
    """Where the heading gives no time, the time the meeting was called to order, or will
    begin ("Closed Session will begin at 5:00 P.M.")."""
    for index in context.top:
        if CALLED_TO_ORDER.search(context.text(index)) and (
            found := find_time(context.text(index))
        ):
            return found
    return None


def _time_near(context: _Context, date_index: int) -> datetime.time | None:
    """The time printed with the date, or on the heading's lines around it."""
    for index in sorted(context.top, key=lambda i: (abs(i - date_index), i)):
        if abs(index - date_index) > 4 or ENUMERATOR.match(context.text(index)):
            continue
        if found := find_time(context.text(index)):
            return found
    return None

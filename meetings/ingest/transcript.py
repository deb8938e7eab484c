"""Verbatim transcripts of council meetings. No Django here.

A transcript prints the meeting's heading, then what was said, a turn a paragraph opening with
who speaks: "THE MAYOR:", "COUNCILLOR SMITH:", "MR. PRESIDENT:", "Cllr Jones –", "Town Clerk –".
A court reporter's transcript numbers each page's lines in the margin; the numbers are not
read. Minutes that quote a speaker report what was said ("Cllr Jones: asked whether …"), so
a turn that opens in lower case or with a reporting verb is not verbatim, and a document is a
transcript only when most of it is verbatim turns, by three speakers or more.

The items are the business headings printed between the turns, where they are numbered;
each keeps its speakers' words as its text, and the motion decided under it: spoken motions
("I move that …", "Second.", "All in favour? … The motion is carried.") are put as
`motions.find_motion` reads them. Where no item is printed, each motion put to the vote is a
minute, titled by its words. A roll called by the clerk ("Councilmember Adams?" "Here.") is
who attended, or, after a motion, how each voted.
"""

import re
from dataclasses import dataclass, field, replace

from meetings.ingest.heading import read_heading
from meetings.ingest.lines import Line
from meetings.ingest.motions import Motion, find_motion, record_motion, sentences, split_names
from meetings.ingest.numbering import NumberedLine, numbered_items
from meetings.ingest.records import MinuteRecord, MinutesRecord, PersonRecord
from meetings.ingest.roll import people_in, person
from meetings.ingest.text import strip_full_stop, title_case

MIN_TURNS = 6
TURNS_A_SPEAKER = 1.5  # on average: speakers speak again
MAX_LINES_A_TURN = 12  # on average: a transcript's turns follow each other closely
MIN_SPOKEN = 0.75  # of the lines after the first turn; the rest are business headings
MAX_TITLE = 300
MIN_MARGIN_NUMBERS = 3  # a page's lines numbered 1, 2, 3 … in the margin
MARGIN_SHARE = 0.6  # of the page's lines

_TITLES = (
    r"Councillor|Cllr|Councilmember|Council\s+Member|Councilman|Councilwoman|Alderman"
    r"|Alderwoman|Alderperson|Supervisor|Commissioner|Trustee|Director|Member|Mayor"
    r"|(?:Deputy|Vice|Lord)\s+Mayor|Chair|Chairman|Chairwoman|Chairperson|Vice[\s-]Chair"
    r"|President|Vice\s+President|Clerk|(?:Town|City|Parish|Deputy)\s+Clerk|Secretary|Mr|Mrs"
    r"|Ms|Miss|Dr|Madam|Provost|Bailie|Convener|Leader|Speaker|Reeve|Deputy\s+Reeve"
    r"|Treasurer|Solicitor|Attorney|Manager|Officer|Unidentified\s+Speaker|Public\s+Speaker"
)
# "THE MAYOR:", "COUNCILMEMBER ADAMS:", "MR. PRESIDENT:", "SPEAKER 2:"; a label in capitals
# that names no one ("PRESENT:", "MOTION:", "AYES:") is not a speaker.
CAPITALS_SPEAKER = re.compile(
    r"^(?P<speaker>(?:THE\s+(?:[A-Z][A-Z.'’-]*\s+){0,2}[A-Z][A-Z.'’-]*)"
    rf"|(?:(?i:{_TITLES})\.?(?:\s+[A-Z][A-Z.'’-]*){{0,3}}(?:\s+\d{{1,2}})?))"
    r"(?:\s*\((?P<note>[^)]{1,40})\))?\s*:\s*(?P<speech>.*)$"
)
# "Cllr Jones – …", "Councillor Smith: …", "Cllr Ward (Chair) – …", "Town Clerk – …"
TITLED_SPEAKER = re.compile(
    rf"^(?P<speaker>(?:The\s+)?(?:{_TITLES})\.?(?:\s+[A-Z][\w'’-]*){{0,3}})"
    r"(?:\s*\((?P<note>[^)]{1,40})\))?\s*(?::|\s[–—-])\s*(?P<speech>.*)$"
)
# What minutes report a speaker said: "Mr Hill: asked when …", "Chair: replied that …"
REPORTED = re.compile(
    r"^(?:[a-z]|(?:Asked|Replied|Said|Stated|Noted|Reported|Explained|Confirmed|Queried"
    r"|Questioned|Raised|Commented|Suggested|Advised|Informed|Thanked|Responded|Requested"
    r"|Enquired|Inquired|Welcomed|Presented|Gave|Outlined|Referred|Highlighted|Added)\b)"
)
SPEAKER_MARK = re.compile(r"[:–—]|\s-")  # what ends a speaker's label
MAX_LABEL = 90  # characters: a speaker's label, with a note in brackets, is no longer
SENTENCE = re.compile(r"[.?!…]")  # speech is sentences; "Chair: Cllr A Smith" is a list
MARGIN_NUMBER = re.compile(r"^(?P<number>\d{1,2})\s+(?=\S)")

MOVE = re.compile(  # "I move that …", "I'd like to propose …", "So moved.", "Move approval."
    r"\b(?:I\s+(?:would\s+|'d\s+|’d\s+)?(?:like\s+to\s+)?(?:move|propose)"
    r"|I(?:'ll|’ll|\s+will)\s+move|^(?:so\s+)?move[ds]?)\b"
    r"(?!\s+(?:on|onto|forward|ahead|to\s+(?:item|the\s+next)))\s*(?P<what>.*)$",
    re.IGNORECASE,
)
SECOND = re.compile(
    r"^(?:I(?:'ll|’ll|\s+will|'d|’d|'m\s+happy\s+to|’m\s+happy\s+to)?\s+)?second(?:ed)?"
    r"(?:\s+(?:the\s+motion|that|it))?\s*(?:[.!,]|$)",
    re.IGNORECASE,
)
# "Is there a motion to approve the minutes?": what "So moved." moves.
MOTION_ASKED = re.compile(r"\bmotion\s+(?P<what>(?:to|that)\b[^?]+)\?", re.IGNORECASE)
VOTE_CALLED = re.compile(
    r"\b(?:call\s+the\s+roll|roll\s+call|all\s+(?:those\s+)?in\s+favou?r|those\s+in\s+favou?r"
    r"|put\s+(?:the\s+motion|it)\s+to\s+the\s+vote|take\s+a\s+vote|show\s+of\s+hands|division)\b",
    re.IGNORECASE,
)
ANSWER = re.compile(r"^(?P<answer>aye|yes|yea|no|nay|abstain|here|present)\b[.!,]?", re.I)
VOTES = {"aye": "Aye", "yes": "Aye", "yea": "Aye", "no": "No", "nay": "No", "abstain": "Abstain"}
CALLED = re.compile(r"^(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s*\?$")
RESULT = re.compile(
    r"\b(?:(?:the\s+)?(?:motion|amendment|resolution|proposal|recommendation)|it|that)\s+"
    r"(?:is\s+|has\s+(?:been\s+)?|was\s+|’s\s+|'s\s+)?(?P<word>carried|carries|passes|passed"
    r"|approved|adopted|fails|failed|lost|defeated)\b|\bthe\s+(?P<side>ayes|noes|nays)\s+have\s+it\b",
    re.IGNORECASE,
)
LOST = {"fails", "failed", "lost", "defeated", "noes", "nays"}
NUMBER = r"(?P<{0}>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|none)"
WORD_NUMBERS = {
    "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
SPOKEN_COUNT = re.compile(  # "passes three to one", "carried by 31 votes to 12", "5-2"
    rf"\b{NUMBER.format('ayes')}(?:\s+votes?)?\s*(?:to|-|–)\s*{NUMBER.format('noes')}\b",
    re.IGNORECASE,
)
SIDE_COUNTS = {  # "In favour, six. Against, two. Abstentions, one."
    "for": re.compile(rf"\bin\s+favou?r\W+{NUMBER.format('n')}\b", re.I),
    "against": re.compile(rf"\bagainst\W+{NUMBER.format('n')}\b", re.I),
    "abstained": re.compile(rf"\babstentions?\W+{NUMBER.format('n')}\b", re.I),
}


@dataclass
class Turn:
    index: int  # of its first line
    speaker: str  # the label as printed: "COUNCILMEMBER ADAMS", "Cllr Ward"
    note: str  # printed after the label: "(Chair)"
    speech: list[str] = field(default_factory=list)

    @property
    def said(self) -> str:
        return " ".join(" ".join(self.speech).split())

    @property
    def paragraph(self) -> str:
        note = f" ({self.note})" if self.note else ""
        return f"{self.speaker}{note}: {self.said}"


def read_transcript(lines: list[Line]) -> MinutesRecord | None:
    """The meeting a verbatim transcript records, its items, motions and roll; or None."""
    lines = _without_margin_numbers(lines)
    turns = _turns(lines)
    if not _is_debate(lines, turns):
        return None
    items = _items(lines, turns)
    turns = _turns(lines, headings=frozenset(item.index for item in items))
    if not _mostly_spoken(lines, turns):
        return None
    first = turns[0].index
    heading = read_heading(lines[:first])
    if not heading.body or not heading.date:
        return None
    reading = _Reading(turns)
    if items:
        minutes = [reading.item_minute(lines, items, position) for position in range(len(items))]
    else:
        minutes = reading.motion_minutes(lines)
    attendance = _merged(people_in(lines[heading.end : first]), reading.present)
    if not minutes and not attendance:
        return None  # nothing to read but the pages
    meeting = heading.meeting()
    filled = [line for line in lines if line.text]
    return MinutesRecord(meeting, attendance, minutes, filled[0].page, filled[-1].page)


# The turns ----------------------------------------------------------------------------------


def _without_margin_numbers(lines: list[Line]) -> list[Line]:
    """A court reporter numbers each page's lines 1, 2, 3 … in the margin: the numbers go."""
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.text:
            pages.setdefault(line.page, []).append(index)
    numbered = set()
    for indexes in pages.values():
        found = [(i, m) for i in indexes if (m := MARGIN_NUMBER.match(lines[i].text))]
        counted = [int(m["number"]) for _, m in found]
        if (
            len(counted) >= MIN_MARGIN_NUMBERS
            and counted == list(range(1, len(counted) + 1))
            and len(counted) >= MARGIN_SHARE * len(indexes)
        ):
            numbered |= {i for i, _ in found}
    if not numbered:
        return lines
    return [
        replace(line, text=MARGIN_NUMBER.sub("", line.text), raw=MARGIN_NUMBER.sub("", line.raw))
        if index in numbered
        else line
        for index, line in enumerate(lines)
    ]


def _speaker_at(text: str) -> re.Match | None:
    if not SPEAKER_MARK.search(text[:MAX_LABEL]):
        return None  # the cheap test first: no colon or dash after a label's length
    match = CAPITALS_SPEAKER.match(text) or TITLED_SPEAKER.match(text)
    return match if match and not REPORTED.match(match["speech"]) else None


def _turns(lines: list[Line], headings: frozenset[int] = frozenset()) -> list[Turn]:
    """Each verbatim turn, with the lines of speech that follow it up to the next turn or
    one of the business `headings` printed between the turns."""
    turns: list[Turn] = []
    speaking = False
    for index, line in enumerate(lines):
        if match := _speaker_at(line.text):
            turns.append(Turn(index, match["speaker"], match["note"] or "", [match["speech"]]))
            speaking = True
        elif index in headings:
            speaking = False
        elif speaking and line.text:
            turns[-1].speech.append(line.text)
    return turns


def _is_debate(lines: list[Line], turns: list[Turn]) -> bool:
    """Turns of speech, close together, by speakers who speak again and again: a list of
    members ('Member: Cllr A Smith') is no speech, people who each wrote in once are no
    debate, and a pack's signature blocks ('Mayor: Tom Piper.') stand pages apart."""
    spoken = [turn for turn in turns if SENTENCE.search(turn.said)]
    speakers = {_name(turn.speaker) for turn in spoken}
    if len(spoken) < MIN_TURNS or len(spoken) < TURNS_A_SPEAKER * len(speakers):
        return False
    return _filled_after(lines, turns) <= MAX_LINES_A_TURN * len(turns)


def _mostly_spoken(lines: list[Line], turns: list[Turn]) -> bool:
    """Most of what follows the first turn is turns, not business between them (minutes that
    quote a few questions and answers, then record their decisions)."""
    return sum(len(turn.speech) for turn in turns) >= MIN_SPOKEN * _filled_after(lines, turns)


def _filled_after(lines: list[Line], turns: list[Turn]) -> int:
    return sum(1 for line in lines[turns[0].index :] if line.text)


def _name(speaker: str) -> str:
    """'COUNCILMEMBER ADAMS' -> 'Adams'; 'THE MAYOR' -> 'The Mayor'."""
    speaker = title_case(speaker) if speaker.isupper() else speaker
    names = split_names(speaker)
    return names[0] if names else speaker


# The items ----------------------------------------------------------------------------------


def _items(lines: list[Line], turns: list[Turn]) -> list[NumberedLine]:
    """The numbered business headings printed between the turns."""
    turn_lines = {turn.index for turn in turns}
    unspoken = [replace(line, text="") if i in turn_lines else line for i, line in enumerate(lines)]
    return numbered_items(unspoken)[1]


class _Reading:
    """What the turns record: who moved and seconded what, how it was voted, who answered
    the roll."""

    def __init__(self, turns: list[Turn]):
        self.turns = turns
        self.names: dict[str, str] = {}  # a label ("THE MAYOR") -> the name the roll called
        self.present: list[PersonRecord] = []
        self.motions: list[tuple[int, int, Motion]] = []  # (first turn, last turn, motion)
        self._read()

    def _read(self) -> None:
        record: list[str] = []  # the motion in hand, put as minutes print one
        start, voting, called = 0, False, None
        for position, turn in enumerate(self.turns):
            said, name = turn.said, self._speaker(turn)
            answer = ANSWER.match(said)
            word = answer["answer"].lower() if answer else ""
            if called and answer:  # the clerk calls a name, its holder answers
                self.names[turn.speaker] = name = _name(called)
                if word in ("here", "present") and not record:
                    self._attended(called)
            if record and word in VOTES and (called or voting):
                record.append(f"{name}: {VOTES[word]}.")
            called = match["name"] if (match := CALLED.match(said)) else None
            if not record and (move := MOVE.search(said)):
                start = position
                record.append(f"{name} moved {self._moved(move['what'], position)}")
            elif record and SECOND.match(said):
                record.append(f"{name} seconded.")
            if record and VOTE_CALLED.search(said):
                voting = True
            if record and (result := _result(said)):
                record.append(result)
                if motion := find_motion(" ".join(record)):
                    self.motions.append((start, position, motion))
                record, voting = [], False

    def _speaker(self, turn: Turn) -> str:
        return self.names.get(turn.speaker) or _name(turn.speaker)

    def _moved(self, what: str, position: int) -> str:
        """What a turn moves: 'that …', 'approval of …', or the motion the chair asked for."""
        what = what.strip(" .,")
        if re.match(r"^(?:that|to|approval|adoption|the)\b", what, re.IGNORECASE):
            return what if what.endswith(".") else f"{what}."
        for turn in reversed(self.turns[max(0, position - 3) : position]):
            if asked := MOTION_ASKED.search(turn.said):
                return f"{asked['what']}."
        return "the motion."

    def _attended(self, called: str) -> None:
        found = person(called)
        if found and found.key not in {p.key for p in self.present}:
            self.present.append(found)

    def turns_between(self, start: int, end: int) -> list[Turn]:
        return [turn for turn in self.turns if start <= turn.index < end]

    def item_minute(self, lines: list[Line], items: list[NumberedLine], position: int):
        item = items[position]
        end = items[position + 1].index if position + 1 < len(items) else len(lines)
        turns = self.turns_between(item.index, end)
        # The heading goes on over the lines the page wrapped it onto, up to the first turn.
        wrapped = lines[item.index + 1 : turns[0].index if turns else end]
        title = " ".join([item.rest, *(line.text for line in wrapped if line.text)])
        minute = MinuteRecord(
            number=item.number,
            title=strip_full_stop(title_case(title) if title.isupper() else title),
            text="\n\n".join(turn.paragraph for turn in turns),
            page=lines[item.index].page,
        )
        decided = [m for first, _, m in self.motions if item.index < self.turns[first].index < end]
        record_motion(minute, decided[-1] if decided else None)
        return minute

    def motion_minutes(self, lines: list[Line]) -> list[MinuteRecord]:
        """One minute a motion put to the vote, with the turns since the last one's."""
        minutes = []
        since = 0
        for number, (_, last, motion) in enumerate(self.motions, start=1):
            turns = self.turns[since : last + 1]
            title = sentences(motion.resolved)[0] if motion.resolved else "Motion"
            minute = MinuteRecord(
                number=str(number),
                title=strip_full_stop(title)[:MAX_TITLE],
                text="\n\n".join(turn.paragraph for turn in turns),
                page=lines[turns[0].index].page,
            )
            record_motion(minute, motion)
            minutes.append(minute)
            since = last + 1
        return minutes


def _result(said: str) -> str:
    """The outcome a chair declares, put as minutes print it: 'Motion carried 3-1.'"""
    match = RESULT.search(said)
    if not match:
        return ""
    word = (match["word"] or match["side"]).lower()
    outcome = "defeated" if word in LOST else "carried"
    counts = _counts(said)
    tally = f" {'-'.join(str(n) for n in counts)}" if counts else ""
    return f"Motion {outcome}{tally}."


def _counts(said: str) -> list[int]:
    """'three to one' -> [3, 1]; 'In favour, six. Against, two. Abstentions, one.' -> [6, 2, 1]."""
    if match := SPOKEN_COUNT.search(said):
        return [_number(match["ayes"]), _number(match["noes"])]
    sides = [pattern.search(said) for pattern in SIDE_COUNTS.values()]
    if sides[0] and sides[1]:
        return [_number(side["n"]) for side in sides if side]
    return []


def _number(word: str) -> int:
    return int(word) if word.isdigit() else WORD_NUMBERS[word.lower()]


def _merged(printed: list[PersonRecord], called: list[PersonRecord]) -> list[PersonRecord]:
    keys = {p.key for p in printed}
    return printed + [p for p in called if p.key not in keys]

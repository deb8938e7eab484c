"""Ballot result sheets of a meeting: an election or a vote by ballot. No Django here.

A sheet gives, for each ballot, what it was for ("Election of Chairman – Result of Ballot",
"Ballot of members: merger with Eastbrook"), the candidates or options with their votes, one
a line ("Ann Brown 5", "For: 41"), and the result declared ("Ann Brown was declared elected
Chairman", "The proposal was carried"). Where the sheet's heading names its meeting (the
body and the date), each ballot is a decision of that meeting: the declaration is what was
decided, the count of votes for and against (or for the one elected) is kept, and the whole
tally stays in its text. A returning officer's declaration of an election's poll belongs to
no meeting, and a sheet that declares no result decided nothing: neither is read here.
"""

import re
from dataclasses import dataclass

from meetings.ingest.heading import read_heading
from meetings.ingest.lines import Line
from meetings.ingest.motions import CARRIED, REJECTED
from meetings.ingest.records import MinuteRecord, MinutesRecord
from meetings.ingest.text import find_any_date, reflow, strip_full_stop

MIN_TALLIES = 2  # lines of votes counted in one ballot
MIN_SHARE = 0.6  # of the lines after the heading that the ballots must make

BALLOT_WORDS = re.compile(r"\b(?:ballot|votes?|voting|poll|election)\b", re.IGNORECASE)
# "Ann Brown 5", "Colin Davies – 3 votes", "For: 41", "Option B (a new hall) 17"; a meeting's
# ballot counts members, never tens of thousands (an election's poll does)
TALLY = re.compile(
    r"^(?P<option>[A-Za-z][\w.'’&()/ -]{0,60}?)\s*(?:[:–-]\s*|\s)(?P<votes>\d{1,4})"
    r"(?:\s+votes?)?\.?$",
    re.IGNORECASE,
)
COUNTED = re.compile(r"\d(?:\s+votes?)?\.?$", re.IGNORECASE)  # the cheap test of a tally
SIDES = {"for": "for", "yes": "for", "in favour": "for", "in favor": "for", "against": "against",
         "no": "against", "abstain": "abstained", "abstained": "abstained",
         "abstentions": "abstained", "abstention": "abstained"}  # fmt: skip
DECLARED = re.compile(
    r"\b(?:(?:was|were|is|are|be)\s+(?:hereby\s+)?(?:declared\s+)?(?:duly\s+)?elected"
    r"|declared\s+(?:duly\s+)?elected|elected\s+unopposed"
    r"|(?:was|is)\s+(?:therefore\s+)?(?P<result>carried|approved|adopted|passed|rejected|lost"
    r"|defeated|not\s+carried))\b",
    re.IGNORECASE,
)
COLUMN_HEADINGS = re.compile(
    r"^(?:(?:name\s+of\s+)?candidates?|names?|options?|choices?|description|party"
    r"|(?:number\s+of\s+)?votes?(?:\s+cast)?|result|\s)+$",
    re.IGNORECASE,
)
NUMBERED = re.compile(r"^\(?(?P<number>\d{1,3})[.)]\s+(?P<title>\S.*)$")
LOST = {"rejected", "lost", "defeated", "not carried"}
# A returning officer declares an election's poll: no meeting's business.
POLL_DECLARATION = re.compile(
    r"\b(?:returning\s+officer|declaration\s+of\s+(?:the\s+)?result\s+of\s+(?:the\s+)?poll"
    r"|polling\s+(?:station|district)|electorate|turnout)\b",
    re.IGNORECASE,
)


@dataclass
class Ballot:
    start: int  # index of its first line
    declared: int  # index of the line its result is declared on
    tallies: list[tuple[str, int]]


def read_ballot(lines: list[Line]) -> MinutesRecord | None:
    """The decisions a meeting's ballot result sheet declares, or None."""
    ballots = _ballots(lines)
    if not ballots or not _ballots_make_the_document(lines, ballots):
        return None
    texts = [line.text for line in lines]
    if any(POLL_DECLARATION.search(text) for text in texts):
        return None
    if not any(BALLOT_WORDS.search(text) for text in texts):
        return None
    heading = read_heading(lines[: ballots[0].declared])
    if not heading.body or not heading.date:
        return None
    meeting = heading.meeting()
    minutes = [_minute(lines, ballot, position) for position, ballot in enumerate(ballots, start=1)]
    filled = [line for line in lines if line.text]
    return MinutesRecord(meeting, [], minutes, filled[0].page, filled[-1].page)


def _ballots(lines: list[Line]) -> list[Ballot]:
    """Each ballot: what it is for, the lines of its tally one after another, and the line
    just after them that declares its result."""
    ballots = []
    tallies: list[tuple[int, str, int]] = []  # (index, option, votes) of the tally in hand
    for index, line in enumerate(lines):
        if not line.text:
            continue
        if DECLARED.search(line.text):
            if len(tallies) >= MIN_TALLIES and _follows(lines, tallies[-1][0], index):
                choices = [(option, votes) for _, option, votes in tallies]
                ballots.append(Ballot(_title_at(lines, tallies[0][0]), index, choices))
            tallies = []
        elif match := _tally(line.text):
            if tallies and not _follows(lines, tallies[-1][0], index):
                tallies = []  # a table's rows follow each other
            tallies.append((index, match["option"].strip(" :–-"), int(match["votes"])))
    return ballots


def _tally(text: str) -> re.Match | None:
    """'Ann Brown 5', 'For: 41'; a date ('Tuesday 13 May 2031') is no tally."""
    if not COUNTED.search(text[-12:]):
        return None  # the cheap test first
    match = TALLY.match(text)
    return match if match and not find_any_date(text) else None


def _follows(lines: list[Line], before: int, index: int) -> bool:
    """Whether line `index` follows line `before`, with nothing between but blank lines and a
    line that introduces it ('The Chairman declared the result:')."""
    return all(line.text.endswith(":") for line in lines[before + 1 : index] if line.text)


def _title_at(lines: list[Line], first_tally: int) -> int:
    """The line that says what a ballot is for: the last before its tallies that is not a
    column's heading ('Candidate Votes')."""
    for index in range(first_tally - 1, -1, -1):
        text = lines[index].text
        if text and not COLUMN_HEADINGS.match(text):
            return index
    return first_tally


def _ballots_make_the_document(lines: list[Line], ballots: list[Ballot]) -> bool:
    first = ballots[0].start
    after = sum(1 for line in lines[first:] if line.text)
    in_ballots = sum(
        1
        for ballot in ballots
        for line in lines[ballot.start : _sentence_end(lines, ballot.declared)]
        if line.text
    )
    return in_ballots >= MIN_SHARE * after


def _minute(lines: list[Line], ballot: Ballot, position: int) -> MinuteRecord:
    end = _sentence_end(lines, ballot.declared)
    span = lines[ballot.start : end]
    title = span[0].text
    numbered = NUMBERED.match(title)
    declaration = " ".join(line.text for line in lines[ballot.declared : end] if line.text)
    result = DECLARED.search(declaration)["result"]
    minute = MinuteRecord(
        number=numbered["number"] if numbered else str(position),
        title=strip_full_stop(numbered["title"] if numbered else title),
        text=reflow([line.raw for line in span]),
        page=span[0].page,
        resolved=declaration,
        outcome=REJECTED if result and result.lower() in LOST else CARRIED,
    )
    _count(minute, ballot.tallies, declaration)
    return minute


def _sentence_end(lines: list[Line], index: int) -> int:
    """The index after the line where the sentence begun on line `index` ends: a declaration
    runs on over the lines the page wrapped it onto."""
    end = index + 1
    while not lines[end - 1].text.endswith(".") and end < len(lines) and lines[end].text:
        end += 1
    return end


def _count(minute: MinuteRecord, tallies: list[tuple[str, int]], declaration: str) -> None:
    """For and against (and abstained) where those are the choices; else the votes of the
    one elected, as the declaration names them."""
    sides = {SIDES[option.lower()]: votes for option, votes in tallies if option.lower() in SIDES}
    if "for" in sides and "against" in sides:
        minute.votes_for, minute.votes_against = sides["for"], sides["against"]
        minute.votes_abstained = sides.get("abstained")
        return
    elected = [votes for option, votes in tallies if option.lower() in declaration.lower()]
    if len(elected) == 1:
        minute.votes_for = elected[0]

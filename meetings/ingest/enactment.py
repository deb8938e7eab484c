"""A resolution, ordinance, interpretation or délibération on its own. No Django here.

Such a document is one decision, laid out alike wherever it is made: its title and number
("RESOLUTION NO. 300-2024", "DELIBERATION DU CONSEIL MUNICIPAL N° DEL2024_22", "Interpretation
of Ordinance 68-2000"), recitals ("WHEREAS …", "Vu la loi …"), what is decided ("BE IT
RESOLVED that …", "NOW, THEREFORE, …", "le conseil municipal … décide :"), and the clause
that says who adopted it and when ("ADOPTED by the Board of Commissioners this 23rd day of
May, 2018", "Passed at the April 8, 2024 City of Rivergrove Meeting (4-1 vote)", "Le 25 mars
2024, le conseil municipal … s'est réuni"). It becomes one minute of that body's meeting on
that date, with the decision; without the body or the date it is nothing here.
"""

import re

from meetings.ingest.heading import read_heading
from meetings.ingest.lines import Line
from meetings.ingest.motions import APPROVED, CARRIED, COUNT, UNANIMOUS, sentences
from meetings.ingest.records import Evidence, MeetingRecord, MinuteRecord, MinutesRecord
from meetings.ingest.text import MONTH, find_date, reflow, strip_full_stop, title_case

TOP_LINES = 12
# "RESOLUTION NO. 300", "PORT OF ALSEA 2017 BUDGET RESOLUTION", "Interpretation of Ordinance
# 68-2000", "DELIBERATION DU CONSEIL MUNICIPAL N° …"; never an item ("3. Resolution: Adopt …").
TITLE = re.compile(
    r"^(?!\(?\w{1,3}[.)]\s)(?:(?:[\w'’.-]+\s+){0,5})?(?P<kind>RESOLUTION|ORDINANCE|BY-?LAW"
    r"|INTERPRETATION|D[ÉE]LIB[ÉE]RATION|ARR[ÊE]T[ÉE])\b"
    r"(?P<rest>\s*$|\s+(?:N[o°º]\b|Number\b|#|\d|of\b|du\b|de\b).*)$",
    re.IGNORECASE,
)
NUMBER = re.compile(
    r"\b(?:N[o°º]\.?|Number|#)\s*(?P<number>[A-Z]{0,4}[\d][\w./–-]*(?:\s*[–-]\s*\d{2,4})?)",
    re.IGNORECASE,
)
OPERATIVE = re.compile(
    r"^(?:(?:NOW,?\s+)?THEREFORE,?\s+)?(?:BE\s+IT\s+(?:FURTHER\s+)?RESOLVED|IT\s+IS\s+HEREBY"
    r"\s+RESOLVED|NOW,?\s+THEREFORE)\b|\bdécide\s*:|\bDÉCIDE\b",
    re.IGNORECASE,
)
BODY_NAME = r"(?P<body>(?:the\s+)?[A-Z][\w'’&. -]{2,80}?)"
ADOPTED = [
    # "ADOPTED by the Board of Commissioners this 23rd day of May, 2018"
    re.compile(
        r"\b(?:adopted|passed|approved|enacted)(?:\s+and\s+(?:adopted|approved))?\s+by\s+"
        rf"{BODY_NAME}(?:\s+at\s+its\s+[\w\s]{{0,30}}?meeting)?\s*,?\s+(?:on|this)\s+"
        r"(?P<date>.{6,40}?\d{4})",
        re.IGNORECASE,
    ),
    # "Passed at the April 8, 2024 City of Rivergrove Meeting"
    re.compile(
        r"\b(?:adopted|passed|approved)\s+at\s+the\s+(?P<date>.{6,30}?\d{4})\s+"
        r"(?P<body>[A-Z][\w'’&. -]{2,60}?)\s+meeting\b",
        re.IGNORECASE,
    ),
    # "Le 25 mars 2024, le conseil municipal de la commune de Thyez s'est réuni"
    re.compile(
        rf"^Le\s+(?P<date>\d{{1,2}}(?:er)?\s+{MONTH}\s+\d{{4}}),\s+(?P<body>l[ae]\s+[\w\s-]+?)"
        r"(?:\s+de\s+la\s+(?:commune|ville)\s+de\s+[\w\s'’-]+?)?\s+s[’']est\s+réuni",
        re.IGNORECASE,
    ),
]
AUTHORITY = re.compile(r"^(?:the\s+)?(?P<tier>City|Town|Village|County|Township)\s+of\s+\S+", re.I)
TALLY = re.compile(
    rf"(?:\(\s*|\bvote\s+(?:of\s+)?)(?:{COUNT})(?:\s*vote\s*\))?|\bAyes\s+(?P<only>\d+)|\((?P<voices>\d+)\s+voix\)"
)


def read_enactment(lines: list[Line]) -> MinutesRecord | None:
    """The decision a resolution, ordinance, interpretation or délibération records."""
    filled = [line for line in lines if line.text]
    title_at = next(
        (i for i, line in enumerate(filled[:TOP_LINES]) if TITLE.match(line.text)), None
    )
    texts = [line.text for line in filled]
    found = _adoption(texts)
    operative = any(OPERATIVE.search(text) for text in texts)
    if title_at is None or not (operative or found):
        return None
    heading = read_heading(lines)
    body = _body(found["body"]) if found else heading.body
    date = find_date(found["date"]) if found else None
    if not body or not date:
        return None
    meeting = MeetingRecord(body=body, date=date, evidence=_evidence(filled, found, body, date))
    minute = _decision(filled, title_at, texts)
    return MinutesRecord(meeting, [], [minute], filled[0].page, filled[-1].page)


def _adoption(texts: list[str]) -> re.Match | None:
    """The clause saying who adopted it and when, read over the lines the page wrapped."""
    for index in range(len(texts)):
        joined = " ".join(texts[index : index + 3])
        for pattern in ADOPTED:
            if (match := pattern.search(joined)) and find_date(match["date"]):
                return match
    return None


def _body(name: str) -> str:
    """'the Board of Commissioners' -> 'Board of Commissioners'; 'City of Rivergrove', a city
    naming itself, is its City Council."""
    name = re.sub(r"^(?:the|l[ae])\s+", "", name.strip(), flags=re.IGNORECASE)
    if match := AUTHORITY.match(name):
        tier = match["tier"].title()
        return "Council" if tier == "Township" else f"{tier} Council"
    name = re.sub(r"\s+of\s+the\s+.*$", "", name)
    return title_case(name) if name.islower() or name.isupper() else name


def _evidence(filled: list[Line], found: re.Match | None, body: str, date) -> list[Evidence]:
    if not found:
        return []
    line = next((line for line in filled if found["date"].split()[0] in line.text), filled[0])
    reason = "the clause that adopted it"
    return [
        Evidence("body", body, line.page, line.text, 0.8, reason),
        Evidence("date", date.isoformat(), line.page, line.text, 0.8, reason),
    ]


def _decision(filled: list[Line], title_at: int, texts: list[str]) -> MinuteRecord:
    title_line = TITLE.match(texts[title_at])
    number = NUMBER.search(" ".join(texts[title_at : title_at + 2]))
    operative = next((i for i, text in enumerate(texts) if OPERATIVE.search(text)), None)
    # Without "BE IT RESOLVED", what it does is said after its title: "A resolution modifying …"
    start = operative if operative is not None else title_at + 1
    while operative is None and start < len(texts) and NOT_A_TITLE.match(texts[start]):
        start += 1
    resolved = reflow([line.raw for line in filled[start:]])
    if operative is None:
        resolved = " ".join(sentences(resolved)[:2])
    tally = next((match for text in texts if (match := TALLY.search(text))), None)
    minute = MinuteRecord(
        number=re.sub(r"\s+", "", number["number"]).replace("–", "-")[:20] if number else "1",
        title=_title(texts, title_at, title_line),
        text=reflow([line.raw for line in filled]),
        page=filled[title_at].page,
        resolved=resolved,
        outcome=CARRIED if UNANIMOUS.search(" ".join(texts)) or tally else APPROVED,
    )
    if tally and tally["ayes"]:
        minute.votes_for, minute.votes_against = int(tally["ayes"]), int(tally["noes"])
    elif tally and (tally["only"] or tally["voices"]):
        minute.votes_for = int(tally["only"] or tally["voices"])
    return minute


NOT_A_TITLE = re.compile(  # its number, or whose it is: "No. 05-23-2018", "du conseil municipal"
    r"^(?:N[o°º]\.?|Number|#)?[\s\d./–_-]*$|^(?:of|du|de|des)\s", re.IGNORECASE
)


def _title(texts: list[str], title_at: int, title_line: re.Match) -> str:
    """What the title line says after its kind and number, else the next line that is not
    its number: 'ADOPTING THE BUDGET', 'A resolution modifying the fee schedule …'."""
    rest = NUMBER.sub("", title_line["rest"]).strip(" :.–-")
    candidates = [rest, *texts[title_at + 1 : title_at + 4]]
    title = next(
        (text for text in candidates if len(text) > 8 and not NOT_A_TITLE.match(text)),
        texts[title_at],
    )
    title = sentences(title)[0] if sentences(title) else title
    return strip_full_stop(title_case(title) if title.isupper() else title)

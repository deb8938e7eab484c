"""What ties one piece of business to another, read from text alone (no Django here).

References (`24/00096`, `2017-0123`, `Resolution R2018-106`), sentences that name another
meeting ("considered a report on the Programmes on 5 March 2026", "deferred from the meeting
held on 12 March 2024"), call-ins and rescissions, and how alike two titles are.
"""

import datetime
import re
from dataclasses import dataclass

from meetings.ingest.text import MONTH, ORDINAL, fold, make_date

DECISION_NUMBER = re.compile(r"\b\d{2}/\d{5}\b")  # a UK executive decision: 24/00096
FILE_NUMBER = re.compile(r"\b((?:19|20)\d{2})-(\d{4})\b")  # a US file: 2017-0123, not 2024-2025
LABELLED = re.compile(
    r"\b(?:forward plan|resolution|ordinance|ord\.|res\.|file|bill)"
    r"\s*(?:no\.?|number|#|ref(?:erence)?)?\s*:?\s*([A-Z]{0,3}\d{2,4}[-/]\d{1,5})\b",
    re.IGNORECASE,
)
HEAD_CHARACTERS = 1500  # where a report prints its own reference: "DECISION NO: 24/00096"

CALL_IN = re.compile(
    r"\bcall(?:ed)?[- ]in\b|\bconsideration of decision\b|\breferred back\b", re.IGNORECASE
)
RESCISSION = re.compile(r"\brescind|\brescission\b|\brevoke[ds]?\b", re.IGNORECASE)
DEFERRED = re.compile(r"\bdefer(?:red|ral)\b|\bpostponed\b", re.IGNORECASE)
MEETING_VERBS = re.compile(
    r"\b(?:considered|endorsed|referred|deferred|postponed|discussed|scrutinised|scrutinized"
    r"|recommended|commented|will consider|agreed)\b",
    re.IGNORECASE,
)
# "5 March 2026", "28th April 2026", "26 January" (the year is the nearest one before the meeting)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){ORDINAL}\s+({MONTH})(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
MONTH_DAY = re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){ORDINAL},?\s+(\d{{4}})\b", re.IGNORECASE)
BODY_NOUNS = r"(?:Committee|Cabinet|Council|Commission|Board|Panel|Forum|Executive|Sub-Committee)"
BODY_PHRASE = re.compile(rf"(?:(?:[A-Z][\w'’&-]*,?|and|of|for|the|on)\s+){{0,12}}{BODY_NOUNS}\b")
SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-Z(\d])|\n\s*\n")
MAX_SENTENCE = 400  # characters kept as a link's evidence

# Business every meeting has: it is never one matter with another meeting's. Matched on the
# folded title's first words.
PROCEDURAL = re.compile(
    r"^(?:\d+ )?(?:to (?:receive|note|approve|consider|advise of|elect|appoint) )?(?:the )?(?:"
    r"apolog|declarations? of|disclosures? of|minutes\b|approval of (?:the )?(?:minutes|agenda)"
    r"|adoption of (?:the )?minutes|confirmation of (?:the )?minutes|dates? of (?:the )?next"
    r"|next meeting|urgent (?:business|items?|matters)|any other (?:items|business)|exclusion of"
    r"|chair(?:man)?s? (?:announcements|communications|report|update)|announcements"
    r"|election of|appointment of (?:a |the )?(?:chair|vice)|public (?:questions|participation"
    r"|speaking|forum|comment|session|time)|questions?\b|question time|petitions?\b"
    r"|call to order|roll call|pledge|adjourn|consent (?:agenda|calendar)|closure|close of"
    r"|opening|welcome|introductions|prayer|members updates|cabinet member updates"
    r"|work programme|forward (?:work )?plan|correspondence|clerks? report|matters arising"
    r"|order of business|substitut|quorum|items? which the chair|items? referred from"
    r")|\bas urgent\b|\bthe chairman has decided\b"
)
# A motion, resolution or by-law is procedural when its business is: "That the meeting be
# adjourned", "Resolution: Adopt the minutes of …", "By-Law: Confirming Proceedings of …".
# The words that introduce it are set aside, then its business is read.
MOTION_OPENING = re.compile(
    r"^(?:(?:resolution|motion|by law)\s)?(?:that\s)?"
    r"(?:(?:we|the council|the committee|the board|council|it)\s)?(?:do\s)?(?:hereby\s)?"
)
PROCEDURAL_MOTION = re.compile(
    r"\bmeeting (?:(?:do|now|be|is|was|stand|stands|hereby) )*(?:adjourn(?:ed)?|closed)\b|^adjourn"
    r"|^(?:approve|adopt|confirm|receive|accept|sign)s? (?:the )?minutes\b"
    r"|\bminutes of .{0,100}\bbe (?:adopted|approved|confirmed|received|accepted|signed)\b"
    r"|\bclosed (?:to the public|session)\b|\b(?:move|go|resume|return|reconvene)s? "
    r"(?:in|into|to|in to) (?:an? )?(?:open|closed|public|in camera)\b|^closed session"
    r"|\bconfirm(?:s|ing)? (?:the )?proceedings\b"
    r"|\b(?:date|time)(?: and (?:place|time))? of (?:the )?next meeting\b"
    r"|\bnext meeting (?:be|will be|is to be) held\b"
    r"|^(?:receive|accept|note) (?:the )?(?:apolog|correspondence\b)|^apologies\b"
    r"|\bdeclarations? of (?:interest|pecuniary)"
)
# Words that say what stage a paper is at, not what it is about.
_STAGE_WORDS = """
    report draft final proposed proposal update updated revised consideration of the and a an
    to for on in at by with from re decision key item agenda minute minutes cabinet committee
    council member portfolio holder recommendations recommendation approval approve consultation
    outcome results response"""
STAGE_WORDS = frozenset(_STAGE_WORDS.split())
TITLE_MATCH = 0.8  # Dice coefficient of two titles' words: the same report at the next body
MIN_TITLE_WORDS = 2  # "Budget" alone names many reports


@dataclass(frozen=True)
class Mention:
    """A sentence naming another meeting of this business: a body (if it names one) and a date."""

    sentence: str
    date: datetime.date
    body: str  # as written: "the Highways, Transport and Waste Overview and Scrutiny Committee"
    deferral: bool


def references(title: str, head: str = "") -> list[str]:
    """The business's own references, from its title and its first lines, normalised."""
    text = f"{title}\n{head[:HEAD_CHARACTERS]}"
    found = [match.upper() for match in DECISION_NUMBER.findall(text)]
    for year, number in FILE_NUMBER.findall(text):
        if not (1900 <= int(number) <= 2100):
            found.append(f"{year}-{number}")
    found += [match.upper().replace("/", "-") for match in LABELLED.findall(text)]
    return list(dict.fromkeys(found))


def is_procedural(title: str) -> bool:
    """Business every meeting has: apologies, declarations, the last minutes, the next date,
    adjourning, going into or out of closed session, as an item's title or as a motion."""
    folded = fold(title)[:200]
    if PROCEDURAL.search(folded[:120]):
        return True
    business = MOTION_OPENING.sub("", folded, count=1)
    return bool(PROCEDURAL.search(business[:120]) or PROCEDURAL_MOTION.search(business))


def is_call_in(title: str) -> bool:
    return bool(CALL_IN.search(title))


def is_rescission(title: str) -> bool:
    return bool(RESCISSION.search(title))


def title_words(title: str) -> frozenset[str]:
    """The words that say what a paper is about: folded, without references and stage words."""
    title = DECISION_NUMBER.sub(" ", title)
    return frozenset(word for word in fold(title).split() if word not in STAGE_WORDS)


def title_score(first: frozenset[str], second: frozenset[str]) -> float:
    """How alike two titles' words are, 0 to 1 (Dice); 0 when their numbers differ.

    "Quarterly Performance Report Q2 2024-25" and "... Q3 2024-25" are different business.
    """
    if len(first) < MIN_TITLE_WORDS or len(second) < MIN_TITLE_WORDS:
        return 0.0
    numbers = {word for word in first if any(c.isdigit() for c in word)}
    other_numbers = {word for word in second if any(c.isdigit() for c in word)}
    if numbers != other_numbers:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def mentions(text: str, meeting_date: datetime.date) -> list[Mention]:
    """The sentences of `text` that say another meeting considered, deferred or referred it."""
    found = []
    for sentence in SENTENCE_END.split(text):
        sentence = " ".join(sentence.split())
        if not MEETING_VERBS.search(sentence):
            continue
        date = _date_in(sentence, meeting_date)
        if date is None or date == meeting_date:
            continue
        body = BODY_PHRASE.search(sentence)
        deferral = bool(DEFERRED.search(sentence))
        if body is None and not deferral:
            continue
        phrase = body[0].strip() if body else ""
        found.append(Mention(sentence[:MAX_SENTENCE], date, phrase, deferral))
    return found


def _date_in(sentence: str, meeting_date: datetime.date) -> datetime.date | None:
    if match := MONTH_DAY.search(sentence):
        return make_date(match[2], match[1], match[3])
    if not (match := DAY_MONTH.search(sentence)):
        return None
    if match[3]:
        return make_date(match[1], match[2], match[3])
    # No year: the last such day before the meeting ("at its meeting on 26 January").
    for year in (meeting_date.year, meeting_date.year - 1):
        date = make_date(match[1], match[2], str(year))
        if date and date < meeting_date:
            return date
    return None


def names_body(phrase: str, body_name: str) -> bool:
    """Whether a body as a sentence writes it ("the Cabinet", "The Children's and Young People
    Cabinet Committee") is this body: every word of the shorter is in the longer."""
    written = set(fold(phrase).split()) - {"the", "its", "and", "of", "for", "on"}
    named = set(fold(body_name).split()) - {"the", "its", "and", "of", "for", "on"}
    if not written or not named:
        return False
    shorter, longer = sorted((written, named), key=len)
    return shorter <= longer and len(shorter) >= min(len(longer), 2) or written == named

"""Who attended, in the layouts minutes print it: "Present:", "Members present:", "ROLL CALL -
Present:", "Absent:", "Regrets:", "Apologies:", "Staff:", "Also present:", "Officers in
attendance:", as prose ("Mayor Tom Piper and Councillors Shelly Foote, …") or one name a line.
"""

import re

from meetings.ingest.lines import Line
from meetings.ingest.motions import NAME_LIST, split_names
from meetings.ingest.records import PersonRecord
from meetings.ingest.text import clean, display_name, find_people, person_key, slugify

LABEL = re.compile(
    r"^(?:ROLL\s+CALL\s*[-–:]?\s*)?"
    r"(?P<label>(?:(?:Members|Councillors|Councilmembers|Council\s+Members|Commissioners|Directors"
    r"|Trustees|Board\s+Members|Others|Also|Officers|Officials|Staff(?:\s+Members)?)\s+)?"
    r"(?:Present|Absent|in\s+attendance|Attending)|Apologies(?:\s+for\s+absence)?(?:\s+received)?"
    r"|Regrets|Staff|Officers|Absent\s+with\s+(?:regrets|apologies)|Excused"
    r"|Sederunt"  # Scottish minutes' word for those present
    r"|In\s+the\s+Chair|Chair(?:man|woman|person)?|Presiding|Cathaoirleach)"  # who chaired
    r"(?:\s*[:–-]\s*(?P<rest>.*)|\s*)$",  # "Present: …", or a heading over one name a line
    re.IGNORECASE,
)
JOB_WORDS = re.compile(
    r"\b(?:Superintendent|Clerk|Chief|Director|Manager|Officer|Assistant|Treasurer|Administrator"
    r"|Engineer|Attorney|Solicitor|Secretary|Intern|Planner|Analyst|Coordinator|Co-ordinator|Head"
    r"|Executive|Inspector|Accountant|Auditor|Comptroller|Controller|Counsel|Advisor|Adviser"
    r"|Consultant|Minute[- ]taker|Mayor|Reeve|President|Chair|Chairman|Chairwoman|Chairperson"
    r"|MLEO|CEMC|Fire|Police|Deputy|Interim|Acting)\b",
    re.IGNORECASE,
)
AUTHORITY_WORDS = {"town", "city", "parish", "county", "borough", "district", "council", "the"}
HONORIFIC = re.compile(r"^(?:Mrs|Mr|Ms|Miss|Mx|Dr|Cllr|Sir|Dame|Lord|Lady|Prof|Rev)\b")
CHAIR_NOTE = re.compile(r"^(?:in the )?(?:Chair(?:man|woman|person)?|Conven[eo]r)$", re.I)
CHAIR = re.compile(
    r"^(?:Mayor|Reeve|Chair(?:man|woman|person)?|President|Conven[eo]r)\b", re.IGNORECASE
)
BULLET = re.compile(r"^\s*(?:[o•◦▪■\-*]\s|[\ue000-\uf8ff])")
NOTE = re.compile(r"\[[^\]]*\]|\[[^\]]*$")
HEAD_COUNT = re.compile(r"\s*[-–]\s*\d{1,2}\s*\.?\s*$|^\d{1,2}\s*[-–:]\s*")  # "– 3." "5 - "
NOBODY = {"none", "nil", "n/a", "no one", "nobody"}
MAX_NAME_WORDS = 4


def role_of(label: str) -> str:
    label = label.lower()
    if label.startswith(("in the chair", "chair", "presiding", "cathaoirleach")):
        return "chair"
    if label.startswith(("absent", "excused")) or "absent" in label:
        return "absent"
    if label.startswith(("apolog", "regrets")):
        return "apologies"
    if label.startswith(
        ("staff", "officers", "officials", "others", "also", "in attendance", "attending")
    ):
        return "in_attendance"
    return "member"  # present, sederunt


def attendance_sections(lines: list[Line]) -> list[tuple[str, list[str]]]:
    """(role, entries) for each attendance label in `lines`.

    After 'Present: …' the entries are the names of the prose, joined over lines; under a
    heading alone on its line ('Members Present') each line is one person ('Ana Cruz, Chair').
    """
    sections: list[tuple[str, list[str], bool]] = []
    open_section = blank_before = False
    for line in lines:
        text = clean(BULLET.sub("", line.raw))
        if not text:
            blank_before = True
            continue
        if blank_before and text.isupper() and open_section and sections[-1][1]:
            open_section = False  # a heading in capitals after the list: "APPROVAL OF MINUTES"
        blank_before = False
        if match := LABEL.match(text):
            heading = not match["rest"]
            sections.append((role_of(match["label"]), [] if heading else [match["rest"]], heading))
            open_section = True
        elif open_section and not BULLET.match(line.raw) and not _ended(sections[-1][1]):
            sections[-1][1].append(text)
        else:
            open_section = False
    return [
        (role, parts if one_a_line and not _prose(parts) else _prose_names(" ".join(parts)))
        for role, parts, one_a_line in sections
    ]


def _prose(parts: list[str]) -> bool:
    """Whether the lines under a label are one list of names wrapped over lines ("Councillors
    A Smith, B Jones and", "C Evans"), not one name a line."""
    return any(NAME_LIST.search(re.sub(r"\([^)]*\)", "", part).partition(", ")[2]) or
               part.rstrip().endswith((",", " and")) for part in parts)  # fmt: skip


def _prose_names(text: str) -> list[str]:
    """'Mayor Tom Piper and Councillors Shelly Foote, Stephen Kirkey – 3.' -> the names."""
    text = HEAD_COUNT.sub("", NOTE.sub("", text).strip().rstrip("."))
    if text.strip(" .").lower() in NOBODY:
        return []
    names: list[str] = []
    for part in _split_outside_brackets(text):
        if names and _is_post(part):  # "Ms J Maguire, Chief Executive; …": her post
            names[-1] = f"{names[-1]} ({part.strip()})"
        else:
            names.append(part)
    return names


def _split_outside_brackets(text: str) -> list[str]:
    """'Cllr S Hughes (Town Mayor, in the Chair), Cllr P Davies' -> the two names."""
    parts, start = [], 0
    for separator in NAME_LIST.finditer(text):
        before = text[start : separator.start()]
        if text[: separator.start()].count("(") > text[: separator.start()].count(")"):
            continue
        parts.append(before)
        start = separator.end()
    return [*parts, text[start:]]


def _is_post(text: str) -> bool:
    """'Chief Executive', 'Meetings Administrator', 'CAO': a post, its last word a job's."""
    words = text.split()
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,5}", words[0]):
        return True  # "CAO", "CFO": a post's initials
    return bool(words) and not HONORIFIC.match(text) and bool(JOB_WORDS.fullmatch(words[-1]))


def _ended(parts: list[str]) -> bool:
    last = NOTE.sub("", " ".join(parts)).strip()
    return bool(parts) and (last.endswith(".") or (bool(last) and ":" in parts[-1][-3:]))


def people_in(lines: list[Line]) -> list[PersonRecord]:
    """Everyone named in the attendance sections of `lines`, once each, in printed order."""
    people: dict[str, PersonRecord] = {}
    for role, entries in attendance_sections(lines):
        for entry in entries:
            # "Ana Cruz, Chair" on a line of its own; "Cllr S Hughes (Town Mayor, in the Chair)"
            bracket = re.search(r"\s*\(([^)]*)\)\s*$", entry)
            name, _, title = (entry[: bracket.start()] if bracket else entry).partition(", ")
            note = ", ".join(part for part in (title, bracket[1] if bracket else "") if part)
            person = _person(f"{name} ({note})" if note else name.strip(" ."), role)
            if person and person.key not in people:
                people[person.key] = person
    return list(people.values())


def person(text: str, role: str = "member") -> PersonRecord | None:
    """One person as a roll names them ('Mayor Tom Piper', 'Cllr J Smith'), or None."""
    return _person(text, role)


def _name_in_brackets(text: str, note: str) -> tuple[str, str]:
    """'Group Manager Finance (Lisa Chen)': a post, then its holder's name in brackets."""
    words, named = text.split(), note.split()
    holder = 2 <= len(named) <= MAX_NAME_WORDS and all(w[:1].isupper() for w in named)
    if holder and any(JOB_WORDS.fullmatch(w) for w in words) and not JOB_WORDS.search(note):
        return note, text
    return text, note


def _post_after(text: str, note: str) -> tuple[str, str]:
    """'Mr D Brown Chief Executive Officer' -> 'Mr D Brown', its post in the note."""
    words = text.split()
    cut = len(words)
    while cut > 2 and JOB_WORDS.fullmatch(words[cut - 1]):
        cut -= 1
    if not HONORIFIC.match(text) or cut == len(words):
        return text, note
    post = " ".join(words[cut:])
    return " ".join(words[:cut]), ", ".join(part for part in (post, note) if part)


def _chairs(note: str) -> bool:
    """A note that puts its member in the chair: "in the Chair", "Shire President" (not a
    deputy's). A mayor listed at a committee's meeting need not chair it."""
    note = note.lower()
    return "in the chair" in note or (
        not re.match(r"(?:deputy|vice|acting)\b", note)
        and bool(re.search(r"\b(?:chair(?:man|woman|person)?|president|conven[eo]r"
                           r"|cathaoirleach|presiding member)$", note))
    )  # fmt: skip


def _person(text: str, role: str) -> PersonRecord | None:
    note = ""
    if match := re.search(r"\s*\(([^)]*)\)\s*$", text):
        note, text = match[1], text[: match.start()]
    if CHAIR_NOTE.match(note) and role == "member":
        role, note = "chair", ""
    elif role == "member" and _chairs(note):
        role = "chair"
    text, note = _name_in_brackets(text, note)
    text, note = _post_after(text, note)
    people = find_people(text) if HONORIFIC.match(text) else []
    if len(people) == 1 and not people[0][1].strip():
        match = people[0][0]  # "Cllr J Smith": a name with its title, as UK minutes print it
        key = person_key(match["title"], match["given"], match["surname"])
        return PersonRecord(name=display_name(match), key=key, role=role, note=note[:300])
    words = text.split()
    if all(JOB_WORDS.fullmatch(word) or word.lower() in AUTHORITY_WORDS for word in words):
        return None  # "Town Clerk": a post, no name
    jobs = [index for index, word in enumerate(words) if JOB_WORDS.search(word)]
    if jobs and jobs[-1] < len(words) - 1:
        title, words = " ".join(words[: jobs[-1] + 1]), words[jobs[-1] + 1 :]
        note = ", ".join(part for part in (title, note) if part)
        if role == "member" and CHAIR.match(title):
            role = "chair"
    names = split_names(" ".join(words))
    if len(names) != 1 or len(names[0].split()) > MAX_NAME_WORDS:
        return None
    name = names[0]
    if not all(word[:1].isupper() for word in name.replace("-", " ").split()):
        return None
    return PersonRecord(name=name, key=slugify(name), role=role, note=note[:300])


# "Honorable Bernard C. Young, President": a member named with the post they hold, one a line.
NAME_AND_POST = re.compile(
    r"^(?:(?:The\s+)?Hon(?:ou?rable|\.)\s+)?(?P<name>[A-Z][\w.'’“”\" -]{2,50}?),\s+"
    r"(?P<post>.{2,60})$"
)
MIN_LISTED = 3


def listed_members(lines: list[Line], start: int) -> tuple[list[PersonRecord], int]:
    """Those who attended, where minutes list them under their heading without a label, one
    'Name, Post' a line (Baltimore's Board of Estimates); and the index after the list."""
    people: list[PersonRecord] = []
    end = start
    for index in range(start, min(start + 40, len(lines))):
        text = lines[index].text
        if not text:
            continue
        match = NAME_AND_POST.match(text)
        if not (match and JOB_WORDS.search(match["post"])):
            if people:
                break
            continue
        role = "chair" if CHAIR.match(match["post"]) else "member"
        name = re.sub(r"[“”\"]", "", match["name"]).replace("  ", " ").strip()
        people.append(PersonRecord(name, slugify(name), role, match["post"][:300]))
        end = index + 1
    return (people, end) if len(people) >= MIN_LISTED else ([], start)

"""Which council a document belongs to, from the names of councils it prints.

A council is named two ways: "Kent County Council" (the place, then the tier) and
"City of Alameda" (the tier, then the place). Each name a document prints is a vote for
a council: a name in the first page's heading counts most, then one elsewhere on the
first page or atop a later page (a report's letterhead), then one anywhere. "The County
Council" is a vote for the county council the document names most, since a document
calls its own council that. The clear winner is the council; a tie or a passing mention
names none, and the loader falls back (`meetings.loader`).
"""

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from meetings.ingest.lines import Line
from meetings.ingest.records import CouncilName, Evidence
from meetings.ingest.text import fold, title_case

HEADING_LINES = 12  # of the first page: the letterhead and the meeting's heading
CONTACT_LINES = 30  # of the first page: where a front sheet gives its contact
PAGE_TOP_LINES = 3  # of a later page: a report's or a letter's letterhead
HEADING_VOTES, FIRST_PAGE_VOTES, PAGE_TOP_VOTES, OTHER_VOTES = 10, 3, 3, 1
MIN_VOTES = 4  # a passing mention, even on the first page, is not enough
MARGIN = 1.5  # the winner has this many times the runner-up's votes

# Tier words as printed -> the tier they mean.
TIERS = {
    "county borough": "borough",
    "metropolitan borough": "borough",
    "london borough": "borough",
    "royal borough": "borough",
    "borough": "borough",
    "county": "county",
    "city": "city",
    "city and county": "city",
    "district": "district",
    "town": "town",
    "parish": "parish",
    "community": "community",
    "township": "township",
    "village": "village",
    "municipality": "municipality",
    "municipal": "municipality",
    "region": "region",
    "regional": "region",
    "shire": "shire",  # Australian shires: "Shire of Wattle Creek", "Wattle Creek Shire Council"
    "port": "port",
    "commune": "commune",
    "ville": "city",
}
_TIER = "|".join(sorted((re.escape(tier) for tier in TIERS), key=len, reverse=True))
# "Kent County Council", "ROYAL SUTTON COLDFIELD TOWN COUNCIL", "The County Council": the
# words before each "Council" are read back from it (a regex of optional place words
# before the tier backtracks on every line of a long pack).
COUNCIL = re.compile(r"\bcouncil\b", re.IGNORECASE)
# "City of Alameda", "TOWNSHIP OF NIPISSING", "London Borough of Camden".
TIER_OF = re.compile(rf"\b({_TIER})\s+(?:of|de)\s+(?:the\s+)?", re.IGNORECASE)
ANCHORS = ("council", " of ", " de ", "district", "county")  # words a council's name holds
# "Cupertino Union School District", "Warrenville Public Library District": a district that
# governs as a council does, named after its place.
DISTRICT = re.compile(
    r"\b(?:(?:Union|Unified|Joint|Consolidated|Public|Community)\s+){0,2}"
    r"(?:High\s+|Elementary\s+)?(?P<kind>School|College|Library|Park|Fire\s+Protection|Water|Sanitary|Hospital|Transit)"
    r"\s+District\b",
    re.IGNORECASE,
)
# A US county governed by a body of another name: "HARLAN COUNTY FISCAL COURT", "Pike County
# Board of Commissioners", "Board of County Commissioners of Pike County".
COUNTY_BODY = (
    r"Fiscal\s+Court|Commissioners['’]?\s+Court|Quorum\s+Court|Legislature"
    r"|Board\s+of\s+(?:County\s+)?(?:Commissioners|Supervisors)|Commission(?:ers)?"
)
COUNTY_THEN_BODY = re.compile(rf"\bCounty\s+(?:{COUNTY_BODY})\b", re.IGNORECASE)
BODY_OF_COUNTY = re.compile(
    rf"\b(?:{COUNTY_BODY})\s+(?:of|for)\s+(?:the\s+)?(?P<place>(?:[A-Z][\w'’.-]*\s+){{1,4}})"
    r"County\b"
)
GOVERNING_BODY = re.compile(rf"\b(?:{COUNTY_BODY})\b", re.IGNORECASE)
COUNTY_ALONE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}County$", re.IGNORECASE)  # "Harlan County"
PLACE_WORDS = 5  # at most, on either side
CONNECTORS = frozenset({"upon", "on", "in", "and", "&"})  # inside a place's name
# Capitalised words that are not part of a place's name.
NOT_PLACE = frozenset({
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with",
    "during", "before", "after", "since", "this", "that", "these", "those", "each", "all",
    "any", "every", "our", "your", "their", "its", "special", "regular", "annual",
    "extraordinary", "ordinary", "adjourned", "joint", "full", "reconvened", "emergency",
    "virtual", "minutes", "minute", "agenda", "meeting", "meetings", "notice", "summons",
    "report", "item", "items", "approve", "approved", "resolved", "members", "member", "public",
    "council", "councils", "various", "other", "another", "next", "last", "previous", "said",
    "same", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})  # fmt: skip
# Words that end a place named after its tier: "City of Omaha Public Works".
# ... and so do tier words: "City of Sunnyvale and Santa Clara County".
PLACE_ENDS = frozenset(TIERS) | frozenset({
    "council", "councils", "community", "centre", "center", "hall", "public", "fire", "police",
    "department", "staff", "offices", "office", "planning", "youtube", "channel", "website",
    "web", "library", "park", "parks", "school", "schools", "board", "commission", "committee",
    "symphony", "orchestra", "museum",
})  # fmt: skip


@dataclass(frozen=True)
class _Mention:
    tier: str
    printed_tier: str  # "London Borough"
    words: tuple[str, ...]  # the place, as printed
    place_first: bool  # "Kent County Council" rather than "City of Alameda"
    votes: int
    line: Line = field(compare=False)
    says_council: bool = True  # not "Harlan County", named by its Fiscal Court


def council_named(lines: list[Line], domains: tuple[str, ...] = ()) -> CouncilName | None:
    """The council whose document this is, or None when its names do not say clearly."""
    return council_reading(lines, domains)[0]


def council_reading(
    lines: list[Line], domains: tuple[str, ...] = ()
) -> tuple[CouncilName | None, Evidence | None]:
    """The council whose document this is, with the evidence of its weightiest mention; None
    when its names do not say clearly.

    `domains` are the front sheet's email domains (`contact_domains`).
    """
    mentions, generic = _mentions(lines, domains)
    if not mentions:
        return None, None
    votes: Counter = Counter()
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    places = _places(mentions)
    for (tier, place), group in places.items():
        votes[(tier, place)] += sum(mention.votes for mention in group)
        for mention in group:
            forms[(tier, place)][_form(place, mention)] += mention.votes
    for tier, count in generic.items():
        leader = max((key for key in votes if key[0] == tier), key=votes.get, default=None)
        if leader:
            votes[leader] += count
    ranked = votes.most_common(2)
    (winner, top), runner_up = ranked[0], ranked[1][1] if len(ranked) > 1 else 0
    if top < MIN_VOTES or top < MARGIN * runner_up:
        return None, None
    tier, place = winner
    council = CouncilName(name=forms[winner].most_common(1)[0][0], place=place, tier=tier)
    return council, _evidence(council, places.get(winner, []), top, runner_up)


def _evidence(council: CouncilName, group: list[_Mention], top: int, runner_up: int):
    """Its weightiest mention's line; surer when it heads the document and has no rival."""
    best = max(group, key=lambda mention: (mention.votes, -mention.line.page))
    in_heading = best.votes == HEADING_VOTES
    reasons = [f"named {len(group)} time{'s' if len(group) != 1 else ''}"]
    score = 0.9 if in_heading else 0.8 if len(group) >= 3 else 0.7
    if in_heading:
        reasons.append("in the first page's heading")
    if runner_up:  # a rival with half the votes of the winner costs 0.1
        score -= 0.2 * runner_up / top
        reasons.append(f"another council named too ({runner_up} votes to {top})")
    reason = "; ".join(reasons)
    return Evidence.of_line("council", council.name, best.line, round(score, 2), reason)


def parse_council_name(name: str) -> CouncilName | None:
    """One council's name as written: 'City of Alameda' is Alameda's city council."""
    mentions, _ = _mentions([Line(1, name, name)], domains=None)
    places = _places(mentions)
    return next((CouncilName(name, place, tier) for tier, place in places), None)


def _mentions(lines: list[Line], domains: tuple[str, ...] | None) -> tuple[list, Counter]:
    """The councils the lines name, and the tiers they name without a place.

    A name without a tier ("Cornwall Council") counts only in the heading, and only when the
    front sheet's email domain bears it out (cornwall.gov.uk): "Youth Council" is a body.
    With `domains` None (an admin's words) it always counts.
    """
    mentions, generic = [], Counter()
    for line, votes in _weighed(lines):
        text = line.text
        lowered = text.lower()  # most lines name no council: a few look-ups rule them out
        if not any(word in lowered for word in ANCHORS):
            continue
        for match in DISTRICT.finditer(text):
            if words := _trailing_place(text[: match.start()].split()[-PLACE_WORDS:]):
                tier = f"{match['kind'].split()[0].lower()} district"
                printed = " ".join(match[0].split())
                mentions.append(_Mention(tier, printed, words, True, votes, line))
        for match in COUNCIL.finditer(text):
            before = text[: match.start()].split()[-(PLACE_WORDS + 3) :]
            printed_tier, rest = _tier_at_end(before)
            if not printed_tier:
                words = _trailing_place(before)
                if words and (
                    domains is None or votes == HEADING_VOTES and borne_out(words, domains)
                ):
                    mentions.append(_Mention("", "", words, True, votes, line))
                continue
            tier = TIERS[printed_tier.lower()]
            if words := _trailing_place(rest):
                mentions.append(_Mention(tier, printed_tier, words, True, votes, line))
            else:
                generic[tier] += OTHER_VOTES
        mentions += _county_mentions(text, votes, line)
        for match in TIER_OF.finditer(text):
            if words := _leading_place(text[match.end() :].split()[:PLACE_WORDS]):
                printed_tier = " ".join(match[1].split())
                mentions.append(
                    _Mention(TIERS[printed_tier.lower()], printed_tier, words, False, votes, line)
                )
    return mentions + _counties_alone(lines), generic


def _county_mentions(text: str, votes: int, line: Line) -> list[_Mention]:
    """A county named by the body that governs it ("HARLAN COUNTY FISCAL COURT")."""
    found = [text[: match.start()].split() for match in COUNTY_THEN_BODY.finditer(text)]
    found += [match["place"].split() for match in BODY_OF_COUNTY.finditer(text)]
    return [
        _Mention("county", "County", words, True, votes, line, says_council=False)
        for before in found
        if (words := _trailing_place(before[-PLACE_WORDS:]))
    ]


def _counties_alone(lines: list[Line]) -> list[_Mention]:
    """'Harlan County', a line of the heading on its own, where the heading names the county's
    governing body: the letterhead of its fiscal court or board of commissioners."""
    heading = [line for line, votes in _weighed(lines[:HEADING_LINES]) if votes == HEADING_VOTES]
    if not any(GOVERNING_BODY.search(line.text) for line in heading):
        return []
    return [
        _Mention("county", "County", words, True, HEADING_VOTES, line, says_council=False)
        for line in heading
        if COUNTY_ALONE.match(line.text) and (words := _trailing_place(line.text.split()[:-1]))
    ]


# An address's domain, even when a line break falls before its first dot ("@kent\n.gov.uk").
EMAIL_DOMAIN = re.compile(r"[\w.+-]@([a-z0-9-]+)\s*((?:\.[a-z0-9-]+)+)", re.IGNORECASE)
WEBMAIL = frozenset({
    "aol.com", "btinternet.com", "gmail.com", "googlemail.com", "hotmail.co.uk", "hotmail.com",
    "icloud.com", "live.co.uk", "live.com", "me.com", "msn.com", "ntlworld.com", "outlook.com",
    "protonmail.com", "sky.com", "talktalk.net", "virginmedia.com", "yahoo.co.uk", "yahoo.com",
})  # fmt: skip


def contact_domains(lines: list[Line]) -> tuple[str, ...]:
    """The email domains the top of the first page prints ('kent.gov.uk'): the contact of a
    front sheet or a letterhead, the council's own.

    Addresses at webmail providers say nothing of the council and are left out.
    """
    top = [line.text for line in lines[:CONTACT_LINES] if line.page == 1]
    first_page = "\n".join(top)
    found = {(m[1] + m[2]).lower() for m in EMAIL_DOMAIN.finditer(first_page)}
    return tuple(sorted(found - WEBMAIL))


def borne_out(words: tuple[str, ...], domains: tuple[str, ...]) -> bool:
    """Whether an email domain spells the place: cornwall.gov.uk, southglos.gov.uk."""
    place = fold(" ".join(words)).replace(" ", "")
    labels = {label for domain in domains for label in domain.split(".")}
    return any(
        place in label or _shared_start(place, label) >= max(6, 0.6 * len(label))
        for label in labels
    )


def _shared_start(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def _tier_at_end(words: list[str]) -> tuple[str, list[str]]:
    """The tier the words end with ('Royal Borough') and the words before it, or ('', [])."""
    for length in (3, 2, 1):
        printed = " ".join(words[-length:])
        if len(words) >= length and printed.lower() in TIERS:
            return printed, words[:-length]
    return "", []


def _weighed(lines: list[Line]):
    """Each line with text, and what a council named in it counts for."""
    page, shown_on_page = 0, 0
    for index, line in enumerate(lines):
        if not line.text:
            continue
        if line.page != page:
            page, shown_on_page = line.page, 0
        shown_on_page += 1
        if page == 1:
            yield line, HEADING_VOTES if index < HEADING_LINES else FIRST_PAGE_VOTES
        else:
            yield line, PAGE_TOP_VOTES if shown_on_page <= PAGE_TOP_LINES else OTHER_VOTES


def _trailing_place(words: list[str]) -> tuple[str, ...]:
    """The place's words just before the tier: 'MINUTES OF KENT' -> ('KENT',)."""
    return tuple(reversed(_place(list(reversed(words)))))


def _leading_place(words: list[str]) -> tuple[str, ...]:
    """The place's words just after the tier: 'Omaha Public Works' -> ('Omaha',)."""
    return _place(words, ends=PLACE_ENDS)


def _place(words: list[str], ends: frozenset = frozenset()) -> tuple[str, ...]:
    """Capitalised words from the tier outwards, joined by 'upon', 'and', 'on', 'in'
    ("Newcastle upon Tyne", "Brighton and Hove"), up to a word no place holds."""
    kept = []
    for word in words:
        bare = word.lower().strip(".,'’")
        if bare in CONNECTORS and kept:
            kept.append(word)
            continue
        if bare in ends or bare in NOT_PLACE or not word[:1].isupper():
            break
        kept.append(word.strip(".,"))
    while kept and kept[-1].lower() in CONNECTORS:
        kept.pop()
    return tuple(kept)


def _places(mentions: list[_Mention]) -> dict[tuple[str, str], list[_Mention]]:
    """Mentions grouped by council, each place cut to the words all its mentions share.

    "Township of Nipissing Fire" and "Township of Nipissing YouTube" share "Nipissing";
    "Since Kent County Council" and "Kent County Council" share "Kent".
    """
    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for mention in mentions:
        anchor = mention.words[-1] if mention.place_first else mention.words[0]
        groups[(mention.tier, fold(anchor), mention.place_first)].append(mention)
    places: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for (tier, _, place_first), group in groups.items():
        place = _shared_words(group, place_first)
        places[(tier, place)].extend(group)
    return dict(places)


def _shared_words(group: list[_Mention], place_first: bool) -> str:
    """The longest run of words, from the anchor outwards, that every mention prints."""
    sequences = [
        [fold(word) for word in (reversed(m.words) if place_first else m.words)] for m in group
    ]
    shared = []
    for words in zip(*sequences, strict=False):
        if len(set(words)) > 1:
            break
        shared.append(words[0])
    printed = group[0].words
    printed = printed[len(printed) - len(shared) :] if place_first else printed[: len(shared)]
    return _readable(" ".join(printed))


def _form(place: str, mention: _Mention) -> str:
    """The council's name in the form this mention prints it."""
    printed_tier = title_case(mention.printed_tier)
    if not printed_tier:
        return f"{place} Council"
    if mention.tier.endswith(" district"):  # "Cupertino Union School District"; a district
        return f"{place} {printed_tier}"  # council keeps its "Council"
    if mention.place_first:
        return f"{place} {printed_tier} Council" if mention.says_council else f"{place} County"
    joined = "de" if mention.tier in ("commune",) or printed_tier == "Ville" else "of"
    return f"{printed_tier} {joined} {place}"


def _readable(place: str) -> str:
    return title_case(place) if place.isupper() else place

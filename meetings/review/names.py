"""A council's known names: the bodies and people an admin confirmed, corrected or merged.

A document naming a body by a known name (a merged-away spelling, an OCR misreading an
admin corrected) or by the same words in another language ("Cyngor Cymuned Llanfair" for
"Llanfair Community Council") means that body. A new name close to a known one
("Planing Committee", "Finance Committee" beside "Finance and Audit Committee") makes a
body as printed, and its document is listed for review with the likeness, for an admin to
merge or confirm.
"""

import re
from difflib import SequenceMatcher

from meetings.ingest.text import fold
from meetings.models import Body, Council, Person
from meetings.review.models import KnownName

CLOSE = 0.8  # of SequenceMatcher's ratio between two folded names: likely the same body
# Words of Welsh and French bodies' names, with the English a council's other documents use.
TRANSLATIONS = {
    "cyngor": "council",
    "cymuned": "community",
    "tref": "town",
    "dinas": "city",
    "sir": "county",
    "pwyllgor": "committee",
    "cynllunio": "planning",
    "cyllid": "finance",
    "cyffredinol": "general",
    "conseil": "council",
    "municipal": "council",
    "communautaire": "community",
    "comite": "committee",
    "commission": "commission",
    "urbanisme": "planning",
    "finances": "finance",
}
SMALL_WORDS = frozenset({"the", "of", "and", "y", "de", "du", "la", "le", "des", "a", "an"})


def words_of(name: str) -> frozenset[str]:
    """A name's words, folded, in English, without the small words: for comparing names."""
    words = re.findall(r"[a-z0-9]+", fold(name).replace("&", " and "))
    return frozenset(TRANSLATIONS.get(word, word) for word in words if word not in SMALL_WORDS)


def folded(name: str) -> str:
    return " ".join(sorted(words_of(name)))


def known_body(council: Council, name: str) -> Body | None:
    """The body a name means in this council: a known name, or the same words in another
    language or order; None for a name the council has not seen."""
    key = folded(name)
    alias = KnownName.objects.filter(council=council, kind="body", folded=key).first()
    if alias:
        return alias.body
    same = [body for body in council.bodies.all() if folded(body.name) == key]
    return same[0] if len(same) == 1 else None


def close_bodies(council: Council, name: str, exclude: Body | None = None) -> list[Body]:
    """The council's bodies whose names are close to `name`, likeliest first."""
    found = []
    for body in council.bodies.exclude(pk=exclude.pk if exclude else None):
        likeness = name_likeness(name, body.name)
        if likeness >= CLOSE:
            found.append((likeness, body))
    return [body for _, body in sorted(found, key=lambda pair: -pair[0])]


def name_likeness(a: str, b: str) -> float:
    """1.0 for one name; near it for a misreading or a shortened name ('Finance Committee'
    of 'Finance and Audit Committee'); low for different bodies ('Planning Committee' and
    'Licensing Committee')."""
    words_a, words_b = words_of(a), words_of(b)
    if not words_a or not words_b:
        return 0.0
    if words_a == words_b:
        return 1.0
    only_a, only_b = " ".join(sorted(words_a - words_b)), " ".join(sorted(words_b - words_a))
    if not only_a or not only_b:
        return 0.85  # every word of one is in the other: a shortened name
    return SequenceMatcher(None, only_a, only_b).ratio()  # the words that differ, misread?


def known_person(council: Council, key: str) -> Person | None:
    """The person a merged-away key means in this council."""
    alias = KnownName.objects.filter(council=council, kind="person", folded=key).first()
    return alias.person if alias else None


def learn_body(body: Body, name: str, user=None) -> None:
    """Remember `name` as one of the body's names in its council."""
    KnownName.objects.update_or_create(
        council=body.council,
        kind="body",
        folded=folded(name),
        defaults={"name": name, "body": body, "made_by": _user(user)},
    )


def learn_person(person: Person, key: str, name: str, user=None) -> None:
    KnownName.objects.update_or_create(
        council=person.council,
        kind="person",
        folded=key,
        defaults={"name": name, "person": person, "made_by": _user(user)},
    )


def _user(user):
    return user if user is not None and user.is_authenticated else None

"""Finding or creating the council a document belongs to, by the name it prints or is given."""

from django.conf import settings
from django.db.models import Q

from meetings.ingest.council import parse_council_name
from meetings.ingest.records import CouncilName
from meetings.ingest.text import slugify
from meetings.locks import transaction_lock
from meetings.models import RESERVED_COUNCIL_SLUGS, Council

SLUG_LENGTH = 100


def council_for(name: CouncilName) -> Council:
    """The council a document names, created on first sight.

    Known by its place and tier, or by its whole name (as an admin or migration 0008 gave it).
    """
    known = Council.objects.filter(
        Q(tier=name.tier, short_name__iexact=name.place) | Q(name__iexact=name.name)
    )
    if existing := known.first():
        return existing
    # Only imports that make a council wait for each other; the others never take this lock.
    transaction_lock("councils")
    if existing := known.first():
        return existing  # made by an import that held the lock first
    return Council.objects.create(
        name=name.name,
        short_name=name.place,
        tier=name.tier,
        slug=free_slug(name.place, name.tier),
    )


def council_called(text: str) -> Council:
    """The council an admin names (`--council`, the upload form): its slug or its name.

    An unknown name makes a new council: "Horsley Parish Council" is filed as Horsley's.
    """
    text = " ".join(text.split())
    known = Council.objects.filter(Q(slug=text) | Q(name__iexact=text))
    if existing := known.first():
        return existing
    if name := parse_council_name(text):
        return council_for(name)
    transaction_lock("councils")
    return known.first() or Council.objects.create(
        name=text, short_name=text, slug=free_slug(text, "")
    )


def default_council() -> Council:
    """Where a document that names no council goes: settings.DEFAULT_COUNCIL."""
    return council_called(settings.DEFAULT_COUNCIL)


def free_slug(place: str, tier: str) -> str:
    """'kent'; 'durham-city' when Durham's county council has 'durham'; never a reserved word."""
    for candidate in (slugify(place, SLUG_LENGTH), slugify(f"{place} {tier}", SLUG_LENGTH)):
        if (
            candidate not in RESERVED_COUNCIL_SLUGS
            and not Council.objects.filter(slug=candidate).exists()
        ):
            return candidate
    base, number = slugify(f"{place} {tier}", SLUG_LENGTH - 4), 2
    while Council.objects.filter(slug=f"{base}-{number}").exists():
        number += 1
    return f"{base}-{number}"

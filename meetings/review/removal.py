"""Removing a council and everything filed under it: for an archive started with the demo
council, or a council imported by mistake."""

from collections import Counter

from django.db import transaction

from meetings import bulk
from meetings.alerts.models import Subscription
from meetings.models import Body, Council, DeletedObject, Document, Matter, Meeting, Page, Person
from meetings.review.models import Correction, MovedAddress
from meetings.search.indexing import apply_pending_quietly
from meetings.storage import media_path


def what_is_filed(council: Council) -> Counter:
    """How many of each thing the council holds, for the admin to confirm."""
    return Counter(
        {
            "bodies": council.bodies.count(),
            "meetings": Meeting.objects.filter(body__council=council).count(),
            "documents": council.documents.count(),
            "pages": Page.objects.filter(document__council=council).count(),
            "people": council.people.count(),
            "matters": council.matters.count(),
        }
    )


def remove_council(council: Council) -> Counter:
    """Delete the council, its bodies, meetings, documents with their stored files and pages,
    people, matters, corrections and followers; its search index entries go with them, and
    OParl harvesters learn of each deletion. Returns what was removed."""
    removed = what_is_filed(council)
    documents = council.documents.all()
    files = [name for document in documents for name in (document.file.name,
             document.public_file.name) if name]  # fmt: skip
    with transaction.atomic():
        Correction.objects.filter(sha256__in=documents.values("sha256")).delete()
        Subscription.objects.filter(kind="search", search__council=council.slug).delete()
        prefix = f"/{council.slug}/"
        MovedAddress.objects.filter(new_path__startswith=prefix).delete()
        MovedAddress.objects.filter(old_path__startswith=prefix).delete()
        Matter.objects.filter(council=council).delete()
        Meeting.objects.filter(body__council=council).delete()
        Document.objects.filter(council=council).delete()
        Body.objects.filter(council=council).delete()
        Person.objects.filter(council=council).delete()
        DeletedObject.objects.filter(council=council).update(council=None)  # kept for OParl
        council.delete()
        transaction.on_commit(lambda: _delete_files(files, council))
    apply_pending_quietly()
    return removed


def _delete_files(names: list[str], council: Council) -> None:
    for name in names:
        media_path(name).unlink(missing_ok=True)
    for data_file in bulk.council_files(council):
        data_file.path.unlink(missing_ok=True)

"""Merging two bodies, two people or two meetings an import made of one.

Everything of the merged one joins the one kept; its addresses answer 301 to the kept one's
(MovedAddress, and every address under them); who followed it follows the kept one; and the
names it was printed with are the kept one's known names, so a later import of a document
printing them does not make it again. OParl harvesters learn it was deleted (tombstones).
"""

from urllib.parse import urlencode

from django.db import transaction

from meetings.alerts.models import Subscription
from meetings.models import (
    AgendaItem,
    Attendance,
    Body,
    Document,
    MatterStep,
    Meeting,
    Membership,
    Minute,
    Person,
    Report,
    Vote,
)
from meetings.review import corrections, names
from meetings.review.models import KnownName, MovedAddress
from meetings.search.indexing import apply_pending_quietly


class CannotMerge(Exception):
    """Two things that cannot be one: of different councils, or the same thing twice."""


def merge_bodies(keep: Body, merged: Body, user=None) -> None:
    """`merged`'s meetings, members, followers, names and address join `keep`'s."""
    _check(keep, merged)
    with transaction.atomic():
        for meeting in merged.meetings.all():
            twin = _twin(keep, meeting)
            if twin:
                _merge_meetings(twin, meeting, user)
            else:
                meeting.body = keep
                meeting.save(update_fields=["body"])
        members = Membership.objects.filter(body=merged)
        members.filter(person__in=keep.memberships.values("person")).delete()
        members.update(body=keep)
        _move_followers(Subscription.objects.filter(body=merged), body=keep)
        _move_searches(merged, keep)
        KnownName.objects.filter(body=merged).update(body=keep)
        names.learn_body(keep, merged.name, user)
        names.learn_body(keep, keep.name, user)
        _moved(merged.get_absolute_url(), keep.get_absolute_url())
        merged.delete()
    apply_pending_quietly()


def merge_people(keep: Person, merged: Person, user=None) -> None:
    """`merged`'s attendance, memberships, votes, followers, names and address join `keep`'s."""
    _check(keep, merged)
    with transaction.atomic():
        for model, owner in ((Attendance, "meeting"), (Membership, "body")):
            rows = model.objects.filter(person=merged)
            taken = model.objects.filter(person=keep).values(owner)
            rows.filter(**{f"{owner}__in": taken}).delete()
            rows.update(person=keep)
        Vote.objects.filter(person=merged).update(person=keep)
        _move_followers(Subscription.objects.filter(person=merged), person=keep)
        KnownName.objects.filter(person=merged).update(person=keep)
        names.learn_person(keep, merged.key, merged.name, user)
        _moved(merged.get_absolute_url(), keep.get_absolute_url())
        merged.delete()
    apply_pending_quietly()


def merge_meetings(keep: Meeting, merged: Meeting, user=None) -> None:
    """`merged`'s documents, items, reports, minutes and attendance join `keep`; its
    documents are corrected to name `keep`, so that importing them again keeps it so."""
    _check(keep, merged)
    with transaction.atomic():
        _merge_meetings(keep, merged, user)
    apply_pending_quietly()


def _merge_meetings(keep: Meeting, merged: Meeting, user) -> None:
    for document in Document.objects.filter(meeting=merged):
        for field, value in (
            ("body", keep.body.name),
            ("date", keep.date.isoformat()),
            ("start_time", keep.start_time.strftime("%H:%M") if keep.start_time else ""),
        ):
            corrections.record(document.sha256, field, value, None, user)
    Document.objects.filter(meeting=merged).update(meeting=keep)
    for model, key in ((AgendaItem, "number"), (Minute, "number"), (Report, "slug")):
        rows = model.objects.filter(meeting=merged)
        rows.filter(**{f"{key}__in": model.objects.filter(meeting=keep).values(key)}).delete()
        rows.update(meeting=keep)
    attendance = Attendance.objects.filter(meeting=merged)
    attendance.filter(person__in=keep.attendance.values("person")).delete()
    attendance.update(meeting=keep)
    MatterStep.objects.filter(meeting=merged).update(meeting=keep)
    if merged.url != keep.url:
        _moved(merged.url, keep.url)
    merged.delete()
    Meeting.objects.get(pk=keep.pk).save(update_fields=["modified"])


def _twin(body: Body, meeting: Meeting) -> Meeting | None:
    """The body's meeting on the same day at the same time (or either's time unknown)."""
    same_day = body.meetings.filter(date=meeting.date)
    if meeting.start_time:
        exact = same_day.filter(start_time=meeting.start_time).first()
        return exact or same_day.filter(start_time__isnull=True).first()
    return same_day.order_by("start_time").first()


def _check(keep, merged) -> None:
    if keep.pk == merged.pk:
        raise CannotMerge(f"“{keep}” cannot be merged into itself")
    if _council_id(keep) != _council_id(merged):
        raise CannotMerge(f"“{merged}” and “{keep}” are of different councils")


def _council_id(thing) -> int:
    return thing.body.council_id if isinstance(thing, Meeting) else thing.council_id


def _moved(old: str, new: str) -> None:
    """`old` and every address under it answer 301 to `new`; earlier moves to `old` too."""
    for earlier in MovedAddress.objects.filter(new_path__startswith=old):
        earlier.new_path = new + earlier.new_path.removeprefix(old)
        earlier.save(update_fields=["new_path"])
    MovedAddress.objects.update_or_create(old_path=old, defaults={"new_path": new})


def _move_followers(followers, **thing) -> None:
    """Who followed the merged one follows the kept one (once)."""
    ((field, kept),) = thing.items()
    target = f"{field}:{kept.pk}"
    already = Subscription.objects.filter(target=target).values("subscriber")
    followers.filter(subscriber__in=already).delete()
    followers.update(**thing, target=target)


def _move_searches(merged: Body, keep: Body) -> None:
    """Searches narrowed to the merged body's slug narrow to the kept one's, unless another
    council's body has that slug too."""
    if Body.objects.filter(slug=merged.slug).exclude(pk=merged.pk).exists():
        return
    for subscription in Subscription.objects.filter(kind="search", search__body=merged.slug):
        search = {**subscription.search, "body": keep.slug}
        target = f"search:{urlencode(sorted(search.items()), doseq=True)}"
        duplicate = Subscription.objects.filter(
            subscriber=subscription.subscriber_id, target=target
        )
        if duplicate.exists():
            subscription.delete()
            continue
        subscription.search, subscription.target = search, target
        subscription.save(update_fields=["search", "target"])

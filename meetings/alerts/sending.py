"""Digests: one message per address and period, written down before it is sent.

A run takes the digest lock, matches every subscription of its frequency in batches, and
writes each address's Delivery with a SentItem per entry, in one transaction. Only then are
the messages sent, each in its own short transaction. A second run for the same period
finds the deliveries already written; an entry already sent to an address is left out; a
message the SMTP server refused stays unsent, with its error, and is tried again later.
"""

import contextlib
import datetime
import logging
import smtplib
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from meetings.alerts import emails
from meetings.alerts.matching import Entry, match
from meetings.alerts.models import Delivery, DeliveryStatus, SentItem, Subscription
from meetings.locks import transaction_lock

log = logging.getLogger(__name__)

# How far back a run looks for new things: more than its period, so a late or missed run
# loses nothing; what was already sent is left out by SentItem.
LOOKBACK = {
    "immediate": datetime.timedelta(days=2),
    "daily": datetime.timedelta(days=3),
    "weekly": datetime.timedelta(days=10),
}
PERIOD_NAMES = {"immediate": "new since the last import", "daily": "daily", "weekly": "weekly"}
MAX_ENTRIES = 50  # in one digest; the rest wait for the next one
MAX_WAIT = datetime.timedelta(hours=6)  # between attempts to send a refused message


@dataclass
class RunSummary:
    subscriptions: int = 0
    deliveries: int = 0
    entries: int = 0
    sent: int = 0
    failed: int = 0


def window_of(frequency: str, moment: datetime.datetime) -> str:
    """The period a run belongs to: 'daily:2026-11-30', 'weekly:2026-W49', 'immediate:…'."""
    local = timezone.localtime(moment)
    if frequency == "daily":
        return f"daily:{local.date().isoformat()}"
    if frequency == "weekly":
        year, week, _ = local.isocalendar()
        return f"weekly:{year}-W{week:02d}"
    return f"immediate:{local:%Y-%m-%dT%H:%M}"


def run_digests(frequency: str, now: datetime.datetime | None = None) -> RunSummary:
    """Write and send this period's digests of one frequency."""
    now = now or timezone.now()
    summary = write_digests(frequency, window_of(frequency, now), now - LOOKBACK[frequency])
    summary.sent, summary.failed = send_pending()
    return summary


def write_digests(frequency: str, window: str, since: datetime.datetime) -> RunSummary:
    summary = RunSummary()
    with transaction.atomic():
        transaction_lock("alert-digests")
        done = set(Delivery.objects.filter(window=window).values_list("subscriber", flat=True))
        subscriptions = list(
            Subscription.objects.filter(frequency=frequency)
            .exclude(subscriber__in=done)
            .select_related("subscriber")
            .order_by("subscriber_id", "pk")
        )
        summary.subscriptions = len(subscriptions)
        found = match(subscriptions, since)
        sent = set(
            SentItem.objects.filter(
                subscriber__in={s.subscriber_id for s in subscriptions},
                created__gte=since - LOOKBACK[frequency],
            ).values_list("subscriber_id", "key")
        )
        deliveries, items = [], []
        for subscriber, theirs in _by_subscriber(subscriptions).items():
            entries = _combined(subscriber.pk, theirs, found, sent)
            if not entries:
                continue
            parts = emails.digest_parts(subscriber, theirs, entries, PERIOD_NAMES[frequency])
            delivery = Delivery(subscriber=subscriber, window=window, entries=len(entries), **parts)
            deliveries.append(delivery)
            items.append([key for entry in entries for key in (entry.key, *entry.also)])
        Delivery.objects.bulk_create(deliveries)
        _record_sent(
            (delivery.subscriber_id, key, delivery.pk)
            for delivery, keys in zip(deliveries, items, strict=True)
            for key in dict.fromkeys(keys)
        )
        summary.deliveries = len(deliveries)
        summary.entries = sum(delivery.entries for delivery in deliveries)
    return summary


def _record_sent(rows) -> None:
    """SentItem rows (subscriber, key, delivery) by COPY: a big import sends 100,000s of them,
    which the ORM's INSERTs take ten times as long to write. The constraint still holds."""
    table = SentItem._meta.db_table
    now = timezone.now()
    with connection.cursor() as cursor:
        columns = "subscriber_id, key, delivery_id, created"
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row, now))


def _by_subscriber(subscriptions: list[Subscription]) -> dict:
    grouped = {}
    for subscription in subscriptions:
        grouped.setdefault(subscription.subscriber, []).append(subscription)
    return grouped


def _combined(subscriber_id: int, subscriptions, found, sent) -> list[Entry]:
    """An address's entries of all its subscriptions, each once with all its reasons,
    leaving out what was sent to it before; newest first."""
    combined: dict[str, Entry] = {}  # by each of its keys
    for subscription in subscriptions:
        for entry in found.get(subscription.pk, []):
            keys = (entry.key, *entry.also)
            if any((subscriber_id, key) in sent for key in keys):
                continue
            kept = next((combined[key] for key in keys if key in combined), None)
            if kept is None:
                kept = Entry(**{**entry.__dict__, "why": [], "also": list(entry.also)})
            kept.why += [why for why in entry.why if why not in kept.why]
            kept.also += [key for key in keys if key != kept.key and key not in kept.also]
            for key in keys:
                combined[key] = kept
    unique = {id(entry): entry for entry in combined.values()}.values()
    entries = sorted(unique, key=lambda entry: entry.created, reverse=True)
    return entries[:MAX_ENTRIES]


def send_pending(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Send every written digest not yet sent whose next attempt is due; (sent, failed)."""
    now = now or timezone.now()
    sent = failed = 0
    unsent = Delivery.objects.exclude(status=DeliveryStatus.SENT).order_by("created")
    for delivery in unsent.only("pk", "attempts", "tried_at"):
        if delivery.tried_at and delivery.tried_at + _wait(delivery.attempts) > now:
            continue
        outcome = _send_one(delivery.pk, now)
        sent += outcome is True
        failed += outcome is False
    return sent, failed


def _wait(attempts: int) -> datetime.timedelta:
    return min(datetime.timedelta(minutes=2**attempts), MAX_WAIT)


def _send_one(pk: int, now: datetime.datetime) -> bool | None:
    """Send one digest, holding its row so no other worker sends it meanwhile."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .select_related("subscriber")
            .exclude(status=DeliveryStatus.SENT)
            .filter(pk=pk)
            .first()
        )
        if delivery is None:
            return None
        delivery.attempts += 1
        delivery.tried_at = now
        try:
            emails.send_digest(delivery)
        except (smtplib.SMTPException, OSError) as error:
            delivery.status = DeliveryStatus.FAILED
            delivery.error = f"{type(error).__name__}: {error}"[:1000]
            log.warning("Digest %s to subscriber %s not sent: %s", delivery.window,
                        delivery.subscriber_id, delivery.error)  # fmt: skip
        else:
            delivery.status = DeliveryStatus.SENT
            delivery.sent_at, delivery.error = now, ""
        delivery.save(update_fields=["attempts", "tried_at", "status", "error", "sent_at"])
        return delivery.status == DeliveryStatus.SENT


KEPT = datetime.timedelta(days=30)  # what was sent is remembered this long: past any lookback


def forget_old(now: datetime.datetime | None = None) -> int:
    """Delete sent digests, and the record of their entries, after KEPT; the rows deleted.
    (An entry older than every lookback can never match again, so nothing is sent twice.)"""
    cutoff = (now or timezone.now()) - KEPT
    deleted, _ = Delivery.objects.filter(status=DeliveryStatus.SENT, sent_at__lt=cutoff).delete()
    return deleted


def queue_immediate_quietly() -> None:
    """After an import: have the worker send the immediate alerts now, not at its next
    five-minute turn (one job, however many imports ask). A failure only delays them."""
    try:
        if not Subscription.objects.filter(frequency="immediate").exists():
            return
        task = app.configure_task(
            "send_immediate_alerts", queue="alerts", queueing_lock="alerts-immediate"
        )
        with contextlib.suppress(AlreadyEnqueued), transaction.atomic():  # a savepoint
            task.defer(timestamp=int(time.time()))
    except Exception:
        log.exception("Immediate alerts were not queued; the worker sends them within minutes.")

"""Who follows what, and what was sent to them. An address is kept only while it follows
something: unsubscribing from everything, or "delete my data", deletes it and all below."""

import secrets

from django.db import models
from django.db.models import Q

from meetings.models import Body, Matter, Person, choices_check


def new_key() -> str:
    return secrets.token_urlsafe(16)


class Subscriber(models.Model):
    """An address that confirmed it follows something. Its links carry its id and `key`,
    never the address; a new key cancels every link sent before."""

    email = models.EmailField(unique=True, help_text="Stored lower-case")
    key = models.CharField(max_length=40, default=new_key)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.email


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", "As soon as it is imported"
    DAILY = "daily", "A daily digest"
    WEEKLY = "weekly", "A weekly digest"


class FollowKind(models.TextChoices):
    SEARCH = "search", "Search"
    BODY = "body", "Committee"
    PERSON = "person", "Person"
    MATTER = "matter", "Matter"


class Subscription(models.Model):
    """One thing an address follows, confirmed at `created`: nothing before it is sent."""

    Kind = FollowKind
    Frequency = Frequency

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    search = models.JSONField(
        default=dict, blank=True, help_text="A search's words and filters: q, council, body…"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, null=True, blank=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, null=True, blank=True)
    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, null=True, blank=True)
    target = models.CharField(
        max_length=600, help_text="What it follows, as one key: 'body:12', 'search:q=budget'"
    )
    label = models.CharField(max_length=300, help_text="How emails name it")
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    created = models.DateTimeField(auto_now_add=True)
    problem = models.TextField(
        blank=True, help_text="Why it could not be matched at the last run (it is skipped)"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "target"], name="subscription_unique_subscriber_target"
            ),
            choices_check("kind", FollowKind, "subscription_kind_valid"),
            choices_check("frequency", Frequency, "subscription_frequency_valid"),
        ]
        indexes = [models.Index(fields=["frequency", "kind"], name="subscription_freq_kind_idx")]

    def __str__(self):
        return f"{self.subscriber}: {self.label} ({self.frequency})"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed, will be retried"


class Delivery(models.Model):
    """One digest for one address and one period ('daily:2026-11-30'). Written, with its
    entries' SentItem rows, before the SMTP server is called: a second run for the same
    period meets the unique constraint, and a retry sends this same message again."""

    Status = DeliveryStatus

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    window = models.CharField(max_length=40)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField()
    unsubscribe_url = models.URLField(max_length=600)
    entries = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Why the last attempt failed")
    tried_at = models.DateTimeField(null=True, blank=True, help_text="The last attempt")
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "window"], name="delivery_unique_subscriber_window"
            ),
            choices_check("status", DeliveryStatus, "delivery_status_valid"),
        ]
        indexes = [
            models.Index(
                fields=["created"], name="delivery_unsent_idx", condition=~Q(status="sent")
            )
        ]

    def __str__(self):
        return f"{self.window} to {self.subscriber} ({self.status})"


class SentItem(models.Model):
    """An entry sent, or being sent, to an address: it is never sent to that address again."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="sent")
    key = models.CharField(max_length=60, help_text="'decision-12', 'step-40', 'meeting-7'")
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="items")
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "key"], name="sentitem_unique_key")
        ]

    def __str__(self):
        return f"{self.key} to {self.subscriber}"

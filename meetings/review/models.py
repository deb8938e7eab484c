"""Corrections, known names and moved addresses. Imported by meetings.models."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from meetings.models import Body, Council, Document, Person, choices_check


class Correction(models.Model):
    """An admin's value for one field of what the importer reads in one document.

    Kept against the file's SHA-256, so every import of that file (forced or not, from the
    command line, an upload or a re-read) applies it. Rows are never changed: the latest for
    a field is the one that holds, and a row with no value takes the correction back.
    """

    sha256 = models.CharField(max_length=64, db_index=True)
    field = models.CharField(
        max_length=40, help_text="council, body, date, start_time, kind, agenda, minutes, …"
    )
    value = models.JSONField(null=True, blank=True, help_text="None: back to what was read")
    read = models.JSONField(null=True, blank=True, help_text="What the importer had read")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-made_at", "-pk"]
        indexes = [models.Index(fields=["sha256", "field", "-made_at"], name="correction_latest")]

    def __str__(self):
        return f"{self.sha256[:12]} {self.field}: {self.value!r}"


class KnownNameKind(models.TextChoices):
    BODY = "body", "Body"
    PERSON = "person", "Person"


class KnownName(models.Model):
    """A name a council's documents print for one of its bodies or people, confirmed or
    corrected by an admin: a later document printing it (or something close) means that one."""

    Kind = KnownNameKind

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="known_names")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=300, help_text="As printed: 'conan Commission'")
    folded = models.CharField(max_length=300, help_text="Folded for matching")
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, null=True, blank=True, related_name="known_names"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="known_names"
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["council", "kind", "folded"], name="knownname_unique_council_kind_folded"
            ),
            models.CheckConstraint(
                condition=Q(kind="body", body__isnull=False, person__isnull=True)
                | Q(kind="person", body__isnull=True, person__isnull=False),
                name="knownname_one_thing",
            ),
            choices_check("kind", KnownNameKind, "knownname_kind_valid"),
        ]

    def __str__(self):
        return f"{self.name} → {self.body or self.person}"


class MovedAddress(models.Model):
    """An address that moved for good when an admin merged two bodies, people or meetings:
    it and every address under it answer 301 to the new one (meetings.review.moved)."""

    old_path = models.CharField(max_length=500)
    new_path = models.CharField(max_length=500)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["old_path"], name="movedaddress_unique_old_path")
        ]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


class Reading(models.Model):
    """What the importer understood of a document, each field with its evidence
    (meetings.review.reading), and whether an admin should look at it. Kept beside the
    Document, so that pages listing documents do not load it."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, primary_key=True, related_name="reading"
    )
    understood = models.JSONField(default=dict)
    needs_review = models.BooleanField(
        default=False, help_text="Its meeting is missing, or the importer was unsure of it"
    )
    modified = models.DateTimeField(auto_now=True, help_text="When it was last imported")

    class Meta:
        indexes = [  # the admin's list of imports to review, newest first
            models.Index(
                fields=["-modified"], name="reading_review_idx", condition=Q(needs_review=True)
            )
        ]

    def __str__(self):
        return f"{self.document}: {'to review' if self.needs_review else 'reviewed'}"


def understood(document: Document) -> dict:
    """The document's reading, or {} for one imported before readings were kept."""
    reading = Reading.objects.filter(document=document).first()
    return reading.understood if reading else {}


class DocumentToReview(Document):
    """The admin's list of imports to review: a document whose reading an admin should check."""

    class Meta:
        proxy = True
        verbose_name = "import to review"
        verbose_name_plural = "imports to review"

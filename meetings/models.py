"""The archive's data model: who met, when, what they considered and what they decided.

Natural keys are named unique constraints, so the importer can upsert on them and
the database, not Python, guarantees there are no duplicates.
"""

import re

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.functional import cached_property

from meetings.ingest.text import fold


def choices_check(field: str, choices: type[models.TextChoices], name: str):
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


class Timestamped(models.Model):
    """When a row was first imported and last changed: for harvesters (OParl) and caches."""

    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "modified"}
        super().save(*args, **kwargs)


# Slugs a council cannot take: the archive's own top-level paths.
RESERVED_COUNCIL_SLUGS = frozenset({
    "admin", "api", "bodies", "councils", "data", "decisions", "documents", "feeds", "healthz",
    "media", "meetings", "oparl", "people", "search", "static", "alerts",
})  # fmt: skip
# Slugs a body cannot take: the council's own paths.
RESERVED_BODY_SLUGS = frozenset(["people", "meetings", "decisions", "matters"])


class Council(Timestamped):
    """A local authority: every body, person, meeting and document belongs to one."""

    name = models.CharField(max_length=200, help_text="'Kent County Council', 'City of Alameda'")
    slug = models.SlugField(max_length=100, help_text="The first part of its pages' addresses")
    short_name = models.CharField(max_length=100, help_text="'Kent', 'Alameda'")
    tier = models.CharField(
        max_length=20, blank=True, help_text="county, city, district, town, parish, township, …"
    )
    website = models.URLField(blank=True)
    country = models.CharField(max_length=100, blank=True)
    identifier = models.CharField(
        max_length=50, blank=True, help_text="An official code where known: a UK GSS code"
    )
    email_domains = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        help_text="Its officers' email domains ('kent.gov.uk'), learnt from the front sheets of "
        "its documents: a document that names no council but prints one is its",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="council_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:council_detail", args=[self.slug])


class BodyKind(models.TextChoices):
    COUNCIL = "council", "Full council"
    CABINET = "cabinet", "Cabinet"
    COMMITTEE = "committee", "Committee"
    OTHER = "other", "Other body"


class Body(Timestamped):
    Kind = BodyKind

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="bodies")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMMITTEE)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.UniqueConstraint(fields=["council", "slug"], name="body_unique_council_slug"),
            choices_check("kind", BodyKind, "body_kind_valid"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:body_detail", args=[self.council.slug, self.slug])


class Person(Timestamped):
    """A councillor or officer of one council, matched across its documents by a normalised key."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="people")
    name = models.CharField(max_length=200)
    key = models.SlugField(
        max_length=200, help_text="Normalised name: 'Mrs. D. Taylor CC' -> mrs-d-taylor"
    )

    class Meta:
        ordering = ["key"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["council", "key"], name="person_unique_council_key")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:person_detail", args=[self.council.slug, self.key])


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"


class Membership(Timestamped):
    """Membership of a body, as printed on its latest front sheet."""

    Role = MembershipRole

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    as_of = models.DateField(help_text="Date of the meeting whose front sheet listed it")

    class Meta:
        ordering = ["body", "role", "person__key"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "person"], name="membership_unique_body_person"
            ),
            choices_check("role", MembershipRole, "membership_role_valid"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}, {self.body})"

    def get_absolute_url(self):
        return self.person.get_absolute_url()


class Meeting(Timestamped):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    location = models.CharField(max_length=300, blank=True)
    contact = models.CharField(max_length=300, blank=True)
    is_special = models.BooleanField(default=False)
    title = models.CharField(max_length=300, editable=False, help_text="'Cabinet, 3 February 2026'")
    sequence = models.PositiveIntegerField(
        default=0, help_text="iCalendar SEQUENCE: one more each time the time or place changes"
    )
    minutes_confirmed_by = models.ForeignKey(
        "Minute",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmed_meetings",
        help_text="The later meeting's minute that confirmed this meeting's minutes",
    )
    # Where its minutes (and attendance) were read: often another meeting's pack.
    minutes_document = models.ForeignKey(
        "Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    minutes_first_page = models.PositiveIntegerField(null=True, blank=True)
    minutes_last_page = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "-start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "date", "start_time"],
                name="meeting_unique_body_date_time",
                nulls_distinct=False,
            )
        ]
        indexes = [
            models.Index(fields=["date"], name="meeting_date_idx"),
        ]

    def __str__(self):
        return meeting_title(self.body.name, self.date)

    def save(self, *args, **kwargs):
        self.title = str(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "title"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.url

    @cached_property
    def url(self) -> str:
        """Its page's address, worked out once: every item and minute of it links from it."""
        return reverse("meetings:meeting_detail", args=self.path_args)

    @property
    def path_args(self) -> list[str]:
        """The council, body and date that name the meeting in its pages' addresses."""
        return [self.body.council.slug, self.body.slug, self.date.isoformat()]


def meeting_title(body: str, date) -> str:
    """'Cabinet, 3 February 2026' (meetings.naming adds the council where there are several)."""
    return f"{body}, {date:%-d %B %Y}"


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    TEXT = "text", "Text"


class Document(Timestamped):
    """A stored source file (agenda pack, minutes, report) and its extracted pages."""

    Format = DocumentFormat

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to="documents/%Y/")
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    format = models.CharField(max_length=10, choices=Format.choices)
    page_count = models.PositiveIntegerField(default=0)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        help_text="The meeting this pack was published for, when known",
    )
    public_file = models.FileField(
        blank=True,
        help_text="The public download: the file with its restricted pages replaced by a notice "
        "(empty when it has none)",
    )
    warnings = models.TextField(blank=True)
    recognised = models.TextField(
        blank=True, help_text="What the importer found in it: agenda, minutes, reports, OCR"
    )
    kind = models.CharField(
        max_length=30, blank=True, help_text="What it is: agenda pack, minutes, report, …"
    )

    class Meta:
        ordering = ["file_name"]
        constraints = [
            models.UniqueConstraint(fields=["sha256"], name="document_unique_sha256"),
            choices_check("format", DocumentFormat, "document_format_valid"),
        ]

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("meetings:document_detail", args=[self.sha256])

    @property
    def title(self) -> str:
        return document_title(self.meeting.title if self.meeting_id else None, self.kind)


def document_title(meeting_title: str | None, kind: str) -> str:
    """'Cabinet, 14 January 2025: agenda pack': what it is, never its file name."""
    kind = kind or "document"
    return f"{meeting_title}: {kind}" if meeting_title else kind.capitalize()


class ReplacedDocument(models.Model):
    """A document replaced by a re-issued version: its links lead to the new one."""

    sha256 = models.CharField(max_length=64)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="replaced")
    created = models.DateTimeField(
        db_default=Now(), db_index=True, help_text="When it was replaced: 'agenda revised' alerts"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sha256"], name="replaceddocument_unique_sha256")
        ]

    def __str__(self):
        return f"{self.sha256[:12]} → {self.document}"

    def get_absolute_url(self):
        return self.document.get_absolute_url()


class Page(models.Model):
    """One page of a source document: the unit of full-text search and citation."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    restricted = models.BooleanField(
        default=False,
        help_text="Part of a restricted or exempt report: shown to admins only, never published",
    )
    ocr_confidence = models.FloatField(
        null=True, blank=True, help_text="Set when the text was read by OCR: 0 to 100"
    )
    printed_number = models.CharField(
        max_length=10, blank=True, help_text="The number printed on the page, where known"
    )

    class Meta:
        ordering = ["document_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="page_unique_document_number"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="page_number_positive"),
        ]

    def __str__(self):
        return f"{self.document}, page {self.number}"

    def get_absolute_url(self):
        return reverse("meetings:page_detail", args=[self.document.sha256, self.number])

    @property
    def label(self) -> str:
        return page_label(self.number, self.printed_number)

    @property
    def title(self) -> str:
        return f"{self.document.title}, {self.label}"


def page_label(number: int, printed_number: str) -> str:
    """'p. 43' as printed on the paper, else 'page 7 of the file (no number printed)'."""
    if printed_number:
        return f"p. {printed_number}"
    return f"page {number} of the file (no number printed)"


def page_range_label(document: "Document", first: int, last: int) -> str:
    """'pp. 35–40' as printed, else 'pages 5–9 of the file (no numbers printed)'."""
    printed = dict(
        document.pages.filter(number__in=[first, last]).values_list("number", "printed_number")
    )
    if first == last:
        return page_label(first, printed.get(first, ""))
    if printed.get(first) and printed.get(last):
        return f"pp. {printed[first]}–{printed[last]}"
    return f"pages {first}–{last} of the file (no numbers printed)"


def item_anchor(number: str) -> str:
    """Where an agenda item is on its meeting's page."""
    return f"#item-{number}"


def minute_anchor(number: str) -> str:
    return f"#minute-{number}"


class AgendaItem(Timestamped):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(max_length=20)
    printed_number = models.CharField(
        max_length=20, blank=True, help_text="As printed, where another item is printed so too"
    )
    position = models.PositiveIntegerField()
    title = models.TextField()
    report_by = models.CharField(max_length=300, blank=True)
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    key_decision = models.BooleanField(default=False)
    exempt = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    page = models.PositiveIntegerField(
        null=True, blank=True, help_text="The page of its document that lists it"
    )
    document = models.ForeignKey(
        "Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items"
    )
    from_supplement = models.BooleanField(
        default=False, help_text="Listed only in a supplement, not in the main agenda"
    )

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="agendaitem_unique_meeting_number"
            ),
            models.CheckConstraint(
                condition=Q(first_page__isnull=True) | Q(last_page__gte=models.F("first_page")),
                name="agendaitem_pages_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.meeting}, item {self.number}: {self.title}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}{item_anchor(self.number)}"


class Report(Timestamped):
    """An officer report considered at a meeting, with its appendices."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reports")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    agenda_item_number = models.CharField(max_length=20, blank=True)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="reports")
    position = models.PositiveIntegerField()
    slug = models.SlugField(max_length=200)
    title = models.TextField()
    report_by = models.CharField(max_length=300, blank=True)
    key_decision = models.BooleanField(default=False)
    exempt = models.BooleanField(default=False)
    restricted = models.BooleanField(
        default=False,
        help_text="Marked 'Document is Restricted': any pages behind the notice are admins' only",
    )
    has_parts = models.BooleanField(default=False, help_text="Laid out as PART A and PART B")
    purpose = models.TextField(blank=True)
    recommendations = models.TextField(blank=True)
    text = models.TextField(blank=True)
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "slug"], name="report_unique_meeting_slug"),
            models.CheckConstraint(
                condition=Q(first_page__isnull=True) | Q(last_page__gte=models.F("first_page")),
                name="report_pages_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:report_detail", args=[*self.meeting.path_args, self.slug])

    @property
    def withheld(self) -> bool:
        """Restricted or exempt: its text and pages are for admins only."""
        return self.restricted or self.exempt


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved"
    CARRIED = "carried", "Carried"
    REJECTED = "rejected", "Rejected"
    DEFERRED = "deferred", "Deferred"
    NOTED = "noted", "Noted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class PublicManager(models.Manager):
    """The rows the public may see: a row read from a withheld page (`withheld`, a lookup) is
    left out of every query through `objects`, and of every related set (`meeting.minutes`,
    `decision.votes`). The importer, the admin and deletion use `all_objects`."""

    withheld = "withheld"

    def get_queryset(self):
        return super().get_queryset().filter(**{self.withheld: False})


class PublicDecisions(PublicManager):
    withheld = "minute__withheld"


class PublicVotes(PublicManager):
    withheld = "decision__minute__withheld"


class Minute(Timestamped):
    """A numbered minute of a meeting, as printed in its minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    number = models.CharField(max_length=20)
    printed_number = models.CharField(
        max_length=20, blank=True, help_text="As printed, where another minute is printed so too"
    )
    position = models.PositiveIntegerField()
    title = models.TextField()
    text = models.TextField(blank=True)
    outcome = models.CharField(
        max_length=10,
        choices=Outcome.choices,
        blank=True,
        help_text="What became of it, with or without a decision: not heard, deferred, withdrawn",
    )
    agenda_item_number = models.CharField(
        max_length=20, blank=True, help_text="The 'Agenda Item N' the minute refers to"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="minutes"
    )
    confirms_date = models.DateField(
        null=True, blank=True, help_text="The earlier meeting whose minutes this minute confirms"
    )
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="minutes")
    page = models.PositiveIntegerField(null=True, blank=True)
    withheld = models.BooleanField(
        default=False,
        help_text="Read from a withheld page: it, its decision and votes are for admins only",
    )

    all_objects = models.Manager()
    objects = PublicManager()

    class Meta:
        ordering = ["meeting", "position"]
        default_manager_name = "objects"  # related sets (meeting.minutes) are public too
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="minute_unique_meeting_number"
            )
        ]
        indexes = [  # a meeting imported after the minutes that confirmed its own
            models.Index(
                fields=["confirms_date"],
                name="minute_confirms_date_idx",
                condition=Q(confirms_date__isnull=False),
            )
        ]

    def __str__(self):
        return f"{self.meeting}, minute {self.number}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}{minute_anchor(self.number)}"

    @property
    def discussion(self) -> str:
        """The minute's text without the paragraphs its decision already shows."""
        decision = getattr(self, "decision", None)
        if decision is None:
            return self.text
        parts = (decision.resolved, decision.reasons, decision.alternatives, decision.interests)
        shown = [fold(part) for part in parts if part and fold(part)]
        kept = [p for p in self.text.split("\n\n") if not _repeats(fold(p), shown)]
        return "\n\n".join(kept)


DECISION_LABEL = re.compile(r"^(?:resolved|agreed|key decision|reasons? for (?:the )?decisions?)\b")
LEFT_OVER_WORDS = 3  # "Carried", "Motion carried 5 0"


def _repeats(paragraph: str, shown: list[str]) -> bool:
    """Whether a folded paragraph says only what the decision box says, give or take a label."""
    core = DECISION_LABEL.sub("", paragraph).strip()
    if not core or any(core in part for part in shown):
        return True
    rest = core
    for part in shown:
        rest = " ".join(rest.replace(part, " ").split())
    return rest != core and len(rest.split()) <= LEFT_OVER_WORDS


class Decision(Timestamped):
    """What a minute resolved, with its reasons, its outcome, its mover and seconder and votes."""

    Outcome = Outcome

    minute = models.OneToOneField(Minute, on_delete=models.CASCADE, related_name="decision")
    title = models.TextField(help_text="The minute's title, kept here so it can be indexed")
    resolved = models.TextField()
    resolved_items = models.JSONField(default=list, blank=True)
    reasons = models.TextField(blank=True)
    key_decision = models.BooleanField(default=False)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    mover = models.CharField(max_length=200, blank=True)
    seconder = models.CharField(max_length=200, blank=True)
    # The people they are, where the minutes' attendance names them (as a named vote's).
    mover_person = models.ForeignKey(
        "Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="moved"
    )
    seconder_person = models.ForeignKey(
        "Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="seconded"
    )
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_abstained = models.PositiveSmallIntegerField(null=True, blank=True)
    alternatives = models.TextField(blank=True, help_text="A decision notice's alternatives")
    interests = models.TextField(blank=True, help_text="Interests declared when it was taken")

    all_objects = models.Manager()
    objects = PublicDecisions()

    class Meta:
        ordering = ["-minute__meeting__date", "minute__position"]
        default_manager_name = "objects"

    def __str__(self):
        return self.citation

    def get_absolute_url(self):
        return reverse(
            "meetings:decision_detail", args=[*self.minute.meeting.path_args, self.minute.number]
        )

    @property
    def citation(self):
        meeting = self.minute.meeting
        return f"{meeting.body}, {meeting.date:%-d %B %Y}, minute {self.minute.number}"

    @property
    def has_count(self):
        return self.votes_for is not None or self.votes_against is not None


class VoteChoice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAINED = "abstained", "Abstained"
    ABSENT = "absent", "Absent"


class Vote(models.Model):
    """One member's recorded vote on a decision, as the minutes name them."""

    Choice = VoteChoice

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=200, help_text="As printed in the roll call")
    person = models.ForeignKey(
        "Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="votes"
    )
    vote = models.CharField(max_length=10, choices=Choice.choices)

    all_objects = models.Manager()
    objects = PublicVotes()

    class Meta:
        ordering = ["decision", "position"]
        default_manager_name = "objects"
        constraints = [
            models.UniqueConstraint(fields=["decision", "name"], name="vote_unique_decision_name"),
            choices_check("vote", VoteChoice, "vote_choice_valid"),
        ]

    def __str__(self):
        return f"{self.name}: {self.get_vote_display()} on {self.decision}"


class AttendanceRole(models.TextChoices):
    CHAIR = "chair", "In the chair"
    MEMBER = "member", "Member present"
    IN_ATTENDANCE = "in_attendance", "In attendance"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    Role = AttendanceRole

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    role = models.CharField(max_length=20, choices=Role.choices)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["meeting", "role", "person__key"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="attendance_unique_meeting_person"
            ),
            choices_check("role", AttendanceRole, "attendance_role_valid"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_role_display()} at {self.meeting}"

    def get_absolute_url(self):
        return self.person.get_absolute_url()


class MatterStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    DEFERRED = "deferred", "Deferred"
    DECIDED = "decided", "Decided"
    CONFIRMED = "confirmed", "Decided, minutes confirmed"
    CALLED_IN = "called_in", "Called in"
    SUPERSEDED = "superseded", "Superseded"


class Matter(Timestamped):
    """One piece of business followed across meetings and bodies: a report that goes to
    scrutiny, then cabinet, then council; an item deferred and brought back; a decision
    called in. Its steps say how each part was linked (meetings.matters.linking)."""

    Status = MatterStatus

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="matters")
    title = models.TextField(help_text="Its earliest step's title")
    reference = models.CharField(max_length=40, blank=True, help_text="'24/00096', '2017-0123'")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)
    first_date = models.DateField()
    last_date = models.DateField(db_index=True)

    class Meta:
        ordering = ["-last_date", "-pk"]
        constraints = [choices_check("status", MatterStatus, "matter_status_valid")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:matter_detail", args=[self.council.slug, self.pk])


class StepKind(models.TextChoices):
    ITEM = "item", "Agenda item"
    REPORT = "report", "Report"
    DECISION = "decision", "Decision"
    MINUTE = "minute", "Minute"
    CALL_IN = "call_in", "Call-in"
    RESCISSION = "rescission", "Rescission"


class LinkReason(models.TextChoices):
    FIRST = "first", "First step"
    SAME_ITEM = "same_item", "Same agenda item"
    REFERENCE = "reference", "Same reference"
    SENTENCE = "sentence", "Named in a sentence"
    TITLE = "title", "Same title at the next body"
    DEFERRAL = "deferral", "Deferred and brought back"
    ADMIN = "admin", "Placed by an admin"


class MatterStep(models.Model):
    """An agenda item, a report or a minute (with its decision), as a step of a matter."""

    Kind = StepKind
    Reason = LinkReason

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.CASCADE, null=True, blank=True, related_name="matter_step"
    )
    report = models.OneToOneField(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="matter_step"
    )
    minute = models.OneToOneField(
        Minute, on_delete=models.CASCADE, null=True, blank=True, related_name="matter_step"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="matter_steps")
    date = models.DateField(help_text="Its meeting's date")
    title = models.TextField()
    title_words = models.TextField(blank=True, help_text="Its title's words, folded, for matching")
    reference = models.CharField(max_length=40, blank=True)
    reason = models.CharField(max_length=12, choices=Reason.choices)
    evidence = models.TextField(blank=True, help_text="The reference, sentence or titles matched")
    score = models.FloatField(null=True, blank=True, help_text="A title match's score, 0 to 1")
    pinned = models.BooleanField(
        default=False, help_text="An admin placed it: linking never moves it to another matter"
    )
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["date", "meeting_id", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agenda_item__isnull=False, report__isnull=True, minute__isnull=True)
                | Q(agenda_item__isnull=True, report__isnull=False, minute__isnull=True)
                | Q(agenda_item__isnull=True, report__isnull=True, minute__isnull=False),
                name="matterstep_one_thing",
            ),
            choices_check("kind", StepKind, "matterstep_kind_valid"),
            choices_check("reason", LinkReason, "matterstep_reason_valid"),
        ]
        indexes = [
            models.Index(fields=["reference"], name="matterstep_reference_idx"),
            models.Index(fields=["date"], name="matterstep_date_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title} ({self.date})"

    def get_absolute_url(self):
        """The step's own page: its decision's, else its agenda item's, report's or minute's."""
        return (self.decision or self.thing).get_absolute_url()

    @property
    def thing(self):
        return self.agenda_item or self.report or self.minute

    @staticmethod
    def field_of(thing) -> str:
        """The field that holds an agenda item, a report or a minute as a step."""
        return {AgendaItem: "agenda_item", Report: "report", Minute: "minute"}[type(thing)]

    @property
    def decision(self):
        """The decision of a minute step, if it decided something."""
        return getattr(self.minute, "decision", None) if self.minute else None


class MatterMention(models.Model):
    """A sentence of a step naming another meeting that took the business ("considered a
    report on 5 March 2026"): kept so that meeting links when it is imported, in any order."""

    step = models.ForeignKey(MatterStep, on_delete=models.CASCADE, related_name="mentions")
    date = models.DateField(db_index=True)
    body = models.CharField(max_length=300, blank=True, help_text="As written; none: its own")
    sentence = models.TextField()
    deferral = models.BooleanField(default=False)

    def __str__(self):
        return self.sentence


class DeletedObject(models.Model):
    """A published object an import removed, kept so harvesters learn it is gone (OParl)."""

    kind = models.CharField(max_length=20, help_text="Its API kind: meeting, agendaitem, paper…")
    object_id = models.BigIntegerField()
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    body_id = models.BigIntegerField(null=True, blank=True, help_text="A meeting's body")
    created = models.DateTimeField(help_text="When the object was first imported")
    deleted_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="deletedobject_unique_kind_object"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}, deleted {self.deleted_at:%Y-%m-%d %H:%M}"


class SearchIndexChange(models.Model):
    """A unit of the search index to bring up to date, recorded by triggers in the same
    transaction as the change (an outbox): a meeting with everything under it, or (as minus
    its id) a document of no meeting. meetings.search.indexing applies and deletes them."""

    unit = models.BigIntegerField()
    created = models.DateTimeField(db_default=Now())

    def __str__(self):
        return f"search index unit {self.unit}, changed {self.created:%Y-%m-%d %H:%M:%S}"


class SearchWord(models.Model):
    """A word of the archive's text and how many documents use it: for spelling suggestions."""

    word = models.CharField(max_length=100)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["word"], name="searchword_unique_word")]

    def __str__(self):
        return self.word

    def get_absolute_url(self):
        return f"{reverse('meetings:search')}?q={self.word}"


class OcrCacheEntry(models.Model):
    """What Tesseract read on a page image, keyed by the image's SHA-256: never read twice."""

    key = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    confidence = models.FloatField()
    tsv = models.TextField(
        blank=True, help_text="Tesseract's words with their boxes, read into lines and styles"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "OCR cache entries"
        constraints = [models.UniqueConstraint(fields=["key"], name="ocrcacheentry_unique_key")]

    def __str__(self):
        return f"{self.key[:12]} ({self.confidence:.0f}%)"

    def get_absolute_url(self):
        return reverse("admin:meetings_ocrcacheentry_change", args=[self.pk])


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ImportJob(models.Model):
    """One uploaded file, imported by the worker off the web request."""

    Status = ImportStatus

    upload = models.FileField(max_length=300, help_text="The uploaded file, kept until it is done")
    file_name = models.CharField(max_length=300)
    options = models.JSONField(default=dict, blank=True, help_text="body, date, force, dry_run")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    pages_done = models.PositiveIntegerField(default=0)
    pages_total = models.PositiveIntegerField(null=True, blank=True)
    summary = models.TextField(blank=True, help_text="What the import found and changed")
    warnings = models.TextField(blank=True)
    error = models.TextField(blank=True, help_text="Why it failed")
    document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="import_jobs"
    )
    requested_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [choices_check("status", ImportStatus, "importjob_status_valid")]
        indexes = [models.Index(fields=["status"], name="importjob_status_idx")]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("admin:meetings_importjob_change", args=[self.pk])

    @property
    def progress(self) -> str:
        """'queued', 'page 12 of 40', 'done: …' or 'failed: …', for the status page."""
        if self.status == ImportStatus.RUNNING:
            total = f" of {self.pages_total}" if self.pages_total else ""
            return f"running: page {self.pages_done}{total}"
        if self.status == ImportStatus.DONE:
            return f"done: {self.summary}"
        if self.status == ImportStatus.FAILED:
            return f"failed: {self.error}"
        return "queued"


class RateCount(models.Model):
    """A rate limit's count of one client's requests in one window (archive.cache)."""

    key = models.CharField(max_length=250, primary_key=True)
    count = models.BigIntegerField()
    expires = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"


# The alerts' models live with the code that uses them; importing them here registers them.
from meetings.alerts.models import Delivery, SentItem, Subscriber, Subscription  # noqa: E402, F401
from meetings.harvest.models import FetchedFile, HarvestRun, Source  # noqa: E402, F401
from meetings.review.models import (  # noqa: E402, F401
    Correction,
    DocumentToReview,
    KnownName,
    MovedAddress,
    Reading,
)

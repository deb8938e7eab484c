"""File each new agenda item, report and minute under a matter, and record why.

A step joins a matter, in this order of trust, when it carries the same reference, when a
sentence of it names a meeting of the business, when the same body brings back a deferred
item, or when the next body of a committee cycle takes the same title. Otherwise it starts
a matter of its own. Runs after each import commits, and from `manage.py link_matters`.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from meetings.alerts.models import Subscription
from meetings.locks import transaction_lock
from meetings.matters import clues
from meetings.models import (
    AgendaItem,
    Body,
    LinkReason,
    Matter,
    MatterMention,
    MatterStatus,
    MatterStep,
    Meeting,
    Minute,
    Outcome,
    Report,
)

log = logging.getLogger(__name__)

LINKING_LOCK = "matters"
CYCLE_DAYS = 180  # a report's committee cycle, scrutiny to council, fits in six months
SENTENCE_MATCH = 0.34  # how alike a named meeting's item must be, when the sentence names it
MAX_TEXT = 200_000  # characters of a report read for sentences
KIND_ORDER = ["item", "report", "call_in", "minute", "decision", "rescission"]


@dataclass
class Link:
    matter_id: int
    reason: str
    evidence: str
    score: float | None = None


def link_meetings(meeting_ids: Iterable[int]) -> int:
    """File the unfiled business of these meetings; the number of steps added."""
    with transaction.atomic():
        transaction_lock(LINKING_LOCK)
        meetings = Meeting.objects.filter(pk__in=list(meeting_ids)).select_related("body")
        touched = confirm_minutes(list(meetings))
        added = 0
        for meeting in meetings.order_by("date", "pk"):
            linker = MeetingLinker(meeting)
            added += linker.link()
            touched |= linker.touched
        refresh(touched)
        # A re-imported pack may have removed every step of a matter of these meetings.
        dates = {meeting.date for meeting in meetings}
        emptied = Matter.objects.filter(Q(pk__in=touched) | Q(last_date__in=dates))
        emptied.filter(steps__isnull=True).delete()
    return added


def link_meetings_quietly(meeting_ids: Iterable[int]) -> None:
    """link_meetings() after an import: a failure is logged, and the worker links the
    meetings changed in the last day again (meetings.tasks.link_matters)."""
    try:
        link_meetings(meeting_ids)
    except Exception:
        log.exception("Matters were not linked; the worker will retry.")


def link_recent(since: datetime.timedelta = datetime.timedelta(days=1)) -> int:
    """Link the meetings changed lately, and drop the matters whose steps were all removed
    (a re-imported pack without them)."""
    changed = Meeting.objects.filter(modified__gte=timezone.now() - since)
    added = link_meetings(changed.values_list("pk", flat=True))
    Matter.objects.filter(steps__isnull=True).delete()
    return added


def confirm_minutes(meetings: list[Meeting]) -> set[int]:
    """Mark the meetings whose minutes these meetings confirmed, and these meetings if a
    later one confirmed theirs; the matters whose decisions that confirms."""
    confirmed = set()
    confirming = Minute.objects.filter(meeting__in=meetings, confirms_date__isnull=False)
    for minute in confirming.select_related("meeting"):
        earlier = Meeting.objects.filter(
            body=minute.meeting.body_id, date=minute.confirms_date, minutes_confirmed_by=None
        )
        confirmed |= set(earlier.values_list("pk", flat=True))
        earlier.update(minutes_confirmed_by=minute)
    for meeting in meetings:
        if meeting.minutes_confirmed_by_id:
            continue
        later = Minute.objects.filter(meeting__body=meeting.body_id, confirms_date=meeting.date)
        if minute := later.order_by("meeting__date").first():
            Meeting.objects.filter(pk=meeting.pk).update(minutes_confirmed_by=minute)
            meeting.minutes_confirmed_by = minute
            confirmed.add(meeting.pk)
    steps = MatterStep.objects.filter(meeting__in=confirmed)
    return set(steps.values_list("matter_id", flat=True))


class MeetingLinker:
    """Links one meeting's unfiled items, reports and minutes."""

    def __init__(self, meeting: Meeting):
        self.meeting = meeting
        self.council_id = meeting.body.council_id
        self.touched: set[int] = set()
        self.moved: dict[int, int] = {}  # matters merged while linking: where they went
        self.steps_on: dict[datetime.date, list[MatterStep]] = {}  # other meetings' steps
        window = datetime.timedelta(days=CYCLE_DAYS)
        self.nearby = list(
            MatterStep.objects.filter(
                meeting__body__council=self.council_id,
                date__range=(meeting.date - window, meeting.date + window),
            )
            .exclude(meeting=meeting)
            .select_related("minute__decision", "meeting")
        )
        self.bodies = dict(Body.objects.filter(council=self.council_id).values_list("pk", "name"))

    def link(self) -> int:
        added = 0
        items = self.meeting.agenda_items.filter(matter_step__isnull=True)
        for item in items.order_by("position"):
            if not clues.is_procedural(item.title):
                self.place(item, kind=_item_kind(item.title), text=item.note)
                added += 1
        reports = self.meeting.reports.filter(matter_step__isnull=True)
        for report in reports.select_related("agenda_item"):
            text = "\n".join((report.purpose, report.recommendations, report.text))
            self.place(report, kind="report", text=text, joined=report.agenda_item)
            added += 1
        minutes = self.meeting.minutes.filter(matter_step__isnull=True)
        for minute in minutes.select_related("decision", "agenda_item"):
            if not clues.is_procedural(minute.title):
                kind, item = _minute_kind(minute), minute.agenda_item
                self.place(minute, kind, text=minute.text, joined=item)
                added += 1
        self.resolve_mentions_of_this_meeting()
        return added

    def place(self, thing, kind: str, text: str, joined: AgendaItem | None = None) -> MatterStep:
        text = text[:MAX_TEXT]
        references = clues.references(thing.title, text)
        step = MatterStep(
            kind=kind,
            meeting=self.meeting,
            date=self.meeting.date,
            title=thing.title,
            title_words=" ".join(sorted(clues.title_words(thing.title))),
            reference=references[0] if references else "",
            **{MatterStep.field_of(thing): thing},
        )
        mentions = clues.mentions(text, self.meeting.date)
        if isinstance(thing, Report) and thing.withheld:  # its text is for admins only
            mentions = [_without_sentence(mention) for mention in mentions]
        links = self.links(step, joined, references, mentions)
        if links:
            first = links[0]
            step.matter_id, step.reason = first.matter_id, first.reason
            step.evidence, step.score = first.evidence, first.score
            for other in links[1:]:
                if other.reason in ("same_item", "reference", "sentence"):
                    self.merge(first.matter_id, other.matter_id)
        else:
            step.matter = Matter.objects.create(
                council_id=self.council_id,
                title=thing.title,
                first_date=self.meeting.date,
                last_date=self.meeting.date,
            )
            step.reason = MatterStep.Reason.FIRST
        step.save()
        MatterMention.objects.bulk_create(
            MatterMention(
                step=step, date=m.date, body=m.body[:300], sentence=m.sentence, deferral=m.deferral
            )  # fmt: skip
            for m in mentions
        )
        self.touched.add(step.matter_id)
        return step

    def links(self, step, joined, references, mentions) -> list[Link]:
        """Every matter this step belongs with, the most trusted first."""
        links = []
        if joined is not None:
            item_matter = MatterStep.objects.filter(agenda_item=joined).values_list("matter_id")
            if found := item_matter.first():
                evidence = f"Agenda item {joined.number} of the same meeting"
                links.append(Link(found[0], "same_item", evidence))
        if references:
            same = MatterStep.objects.filter(
                meeting__body__council=self.council_id, reference__in=references
            ).order_by("date")
            for other in same[:20]:
                links.append(Link(other.matter_id, "reference", other.reference))
        for mention in mentions:
            if target := self.named_step(mention, step):
                links.append(Link(self.current(target.matter_id), "sentence", mention.sentence))
        if title_link := self.title_link(step):
            links.append(title_link)
        return _distinct(links)

    def named_step(self, mention: clues.Mention, step: MatterStep) -> MatterStep | None:
        """The step of the meeting a sentence names that is most like this one."""
        if mention.body:
            named = clues.names_body
            bodies = {pk for pk, name in self.bodies.items() if named(mention.body, name)}
        else:
            bodies = {self.meeting.body_id}  # "deferred from the meeting on …": its own body
        if not bodies:
            return None
        if mention.date not in self.steps_on:  # a report names the same days again and again
            held = MatterStep.objects.filter(meeting__body__council=self.council_id)
            self.steps_on[mention.date] = list(
                held.filter(date=mention.date).select_related("meeting")
            )
        candidates = [s for s in self.steps_on[mention.date] if s.meeting.body_id in bodies]
        return _most_alike(step, candidates)

    def title_link(self, step: MatterStep) -> Link | None:
        """The same title at another body in the cycle, or brought back after a deferral."""
        words = frozenset(step.title_words.split())
        bodies_of = {}
        for other in self.nearby:
            bodies_of.setdefault(self.current(other.matter_id), set()).add(other.meeting.body_id)
        best = None
        for other in self.nearby:
            score = clues.title_score(words, frozenset(other.title_words.split()))
            if score < clues.TITLE_MATCH:
                continue
            same_body = other.meeting.body_id == self.meeting.body_id
            if same_body and not (other.date < step.date and _deferred(other)):
                continue  # the same body's next "Budget Monitoring" is other business
            matter_id = self.current(other.matter_id)
            if not same_body and self.meeting.body_id in bodies_of[matter_id]:
                continue  # that matter already went through this body
            rank = (score, -abs((other.date - step.date).days))
            if best is None or rank > best[0]:
                reason = "deferral" if same_body else "title"
                evidence = f"“{other.title}” ({other.date:%-d %B %Y}), score {score:.2f}"
                best = (rank, Link(matter_id, reason, evidence, round(score, 2)))
        return best[1] if best else None

    def resolve_mentions_of_this_meeting(self) -> None:
        """Sentences, imported earlier, that name this meeting: link them now."""
        mentions = MatterMention.objects.filter(
            date=self.meeting.date, step__meeting__body__council=self.council_id
        ).select_related("step__meeting")
        for mention in mentions.exclude(step__meeting=self.meeting):
            if mention.body:
                if not clues.names_body(mention.body, self.meeting.body.name):
                    continue
            elif mention.step.meeting.body_id != self.meeting.body_id:
                continue
            target = _most_alike(mention.step, self.meeting.matter_steps.all())
            if target is None:
                continue
            if not target.pinned and target.reason in (LinkReason.FIRST, LinkReason.TITLE):
                # A sentence naming the meeting is better evidence than a title alike.
                MatterStep.objects.filter(pk=target.pk).update(
                    reason=LinkReason.SENTENCE, evidence=mention.sentence, score=None
                )
            into = self.current(mention.step.matter_id)
            self.merge(into, target.matter_id)
            self.touched.add(into)

    def merge(self, into_id: int, other_id: int) -> None:
        if merge(into_id, other_id):
            self.moved[other_id] = into_id

    def current(self, matter_id: int) -> int:
        """The matter a step read before a merge is in now."""
        while matter_id in self.moved:
            matter_id = self.moved[matter_id]
        return matter_id


def merge(into_id: int, other_id: int) -> bool:
    """Move every step of one matter to another, unless an admin placed one of them."""
    if into_id == other_id or MatterStep.objects.filter(matter=other_id, pinned=True).exists():
        return False
    MatterStep.objects.filter(matter=other_id).update(matter=into_id)
    move_followers(other_id, into_id)
    Matter.objects.filter(pk=other_id).delete()
    return True


def move_followers(from_id: int, to_id: int) -> None:
    """Who followed a merged matter follows the one it joined (once)."""
    followers = Subscription.objects.filter(matter=from_id)
    already = Subscription.objects.filter(matter=to_id).values("subscriber")
    followers.filter(subscriber__in=already).delete()
    followers.update(matter=to_id, target=f"matter:{to_id}")


def refresh(matter_ids: Iterable[int]) -> None:
    """Work out each matter's title, reference, dates and status again from its steps."""
    for matter in Matter.objects.filter(pk__in=list(matter_ids)):
        steps = list(
            matter.steps.select_related("minute__decision", "meeting").order_by("date", "pk")
        )
        if not steps:
            continue
        matter.title = steps[0].title
        matter.reference = next((step.reference for step in steps if step.reference), "")
        matter.first_date, matter.last_date = steps[0].date, steps[-1].date
        matter.status = status_of(steps)
        changed = ["title", "reference", "first_date", "last_date", "status", "modified"]
        matter.save(update_fields=changed)  # touched: a step joined, moved or was confirmed


def status_of(steps: list[MatterStep]) -> str:
    """Where the business stands, from its latest steps."""
    # A re-import or an admin's correction may have taken a step's decision away.
    decisions = [step for step in steps if step.kind == "decision" and step.decision]
    last = decisions[-1] if decisions else None
    after = [step for step in steps if last is None or step.date > last.date]
    if last and any(step.kind == "rescission" for step in after):
        return MatterStatus.SUPERSEDED
    if any(step.kind == "call_in" for step in after):
        return MatterStatus.CALLED_IN
    if last is None:
        deferred = any(_deferred(step) for step in steps)
        return MatterStatus.DEFERRED if deferred else MatterStatus.PROPOSED
    if any(step.kind in ("item", "report") for step in after):
        return MatterStatus.PROPOSED  # decided here, now before another body
    if last.minute.decision.outcome in (Outcome.DEFERRED, Outcome.WITHDRAWN):
        return MatterStatus.DEFERRED
    if last.meeting.minutes_confirmed_by_id:
        return MatterStatus.CONFIRMED
    return MatterStatus.DECIDED


def _deferred(step: MatterStep) -> bool:
    minute = step.minute
    if minute is None:
        return False
    decision = getattr(minute, "decision", None)
    if decision is not None:
        return decision.outcome in (Outcome.DEFERRED, Outcome.WITHDRAWN)
    return bool(clues.DEFERRED.search(minute.text[:2000]))


def _most_alike(step: MatterStep, candidates) -> MatterStep | None:
    """The candidate whose title shares most of this step's words, if enough of them; of
    equals, the first (steps are in order: a meeting's agenda item before its report)."""
    words = frozenset(step.title_words.split())
    best, best_score = None, 0.0
    for other in candidates:
        other_words = frozenset(other.title_words.split())
        if not words or not other_words:
            continue
        score = 2 * len(words & other_words) / (len(words) + len(other_words))
        if score >= SENTENCE_MATCH and score > best_score:
            best, best_score = other, score
    return best


def _without_sentence(mention: clues.Mention) -> clues.Mention:
    said = f"A report that is not public names a meeting of {mention.date:%-d %B %Y}"
    return clues.Mention(said, mention.date, mention.body, mention.deferral)


def _distinct(links: list[Link]) -> list[Link]:
    seen, kept = set(), []
    for link in links:
        if link.matter_id not in seen:
            seen.add(link.matter_id)
            kept.append(link)
    return kept


def _item_kind(title: str) -> str:
    if clues.is_call_in(title):
        return "call_in"
    return "rescission" if clues.is_rescission(title) else "item"


def _minute_kind(minute: Minute) -> str:
    if clues.is_call_in(minute.title):
        return "call_in"
    if clues.is_rescission(minute.title):
        return "rescission"
    return "decision" if hasattr(minute, "decision") else "minute"


def link_all(progress=lambda done: None) -> int:
    """Link every meeting's unfiled business, oldest first; the number of steps added."""
    added = 0
    ids = list(Meeting.objects.order_by("date", "pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 50):
        added += link_meetings(ids[start : start + 50])
        progress(min(start + 50, len(ids)))
    return added


# -- an admin's corrections: kept by every later linking ------------------------------------


@transaction.atomic
def merge_matters(matters: list[Matter]) -> Matter:
    """One matter of these (the earliest): an admin says they are the same business."""
    transaction_lock(LINKING_LOCK)
    into, *others = sorted(matters, key=lambda matter: (matter.first_date, matter.pk))
    for other in others:
        other.steps.update(
            matter=into, pinned=True, reason=LinkReason.ADMIN, evidence="Merged by an admin"
        )
        move_followers(other.pk, into.pk)
        other.delete()
    into.steps.update(pinned=True)
    refresh([into.pk])
    return into


@transaction.atomic
def split_steps(steps: list[MatterStep]) -> Matter:
    """A new matter of these steps, taken out of theirs: an admin says they are other business.
    Both sides are pinned, so linking never puts them together again."""
    transaction_lock(LINKING_LOCK)
    steps = sorted(steps, key=lambda step: (step.date, step.pk))
    old = {step.matter_id for step in steps}
    first = steps[0]
    new = Matter.objects.create(
        council_id=first.matter.council_id,
        title=first.title,
        first_date=first.date,
        last_date=steps[-1].date,
    )
    MatterStep.objects.filter(pk__in=[step.pk for step in steps]).update(
        matter=new, pinned=True, reason=LinkReason.ADMIN, evidence="Split off by an admin"
    )
    MatterStep.objects.filter(matter__in=old).update(pinned=True)
    refresh([new.pk, *old])
    Matter.objects.filter(pk__in=old, steps__isnull=True).delete()
    return new

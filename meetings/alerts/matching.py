"""What is new for each subscription since a time, and why it matched: in batches.

Searches are matched together: the rows imported since are put in a small index in memory,
with the same analyser and fields as the archive's index, and each distinct saved search
runs once against it. Bodies, people and matters take one statement each for all their
subscriptions. Nothing here runs a statement per subscription.
"""

import datetime
import logging
from dataclasses import dataclass, field

import tantivy
from django.db import transaction
from django.db.models import Count
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from meetings import naming
from meetings.alerts.following import absolute
from meetings.alerts.models import FollowKind, Subscription
from meetings.matters.lookup import step_pages, steps_shown
from meetings.models import (
    AgendaItem,
    Attendance,
    Body,
    Council,
    Decision,
    MatterStep,
    Meeting,
    Minute,
    Page,
    ReplacedDocument,
    Report,
    Vote,
)
from meetings.search import engine, searching
from meetings.search.hits import hydrate
from meetings.search.indexing import index_documents
from meetings.search.snippets import MARK_START, MARK_STOP, Snippets, highlight

log = logging.getLogger(__name__)

MATCHES_PER_SEARCH = 20  # entries one saved search adds to one digest
PASSAGE = 300  # characters of a decision's resolution quoted
PASSAGE_SOURCE = 20_000  # characters of a matched row a search's passage is cut from
MEMORY_INDEX_HEAP = 50_000_000
WHY = "\ue002"  # where an entry's reasons go in its text: each address has its own


@dataclass
class Entry:
    """One thing in a digest, with every reason it was sent."""

    key: str  # what is never sent twice to an address: 'decision-12', 'item-40'
    title: str
    url: str
    source: str  # where it is, named (meetings.naming): 'Kent: Cabinet, 9 January 2025, minute 83'
    created: datetime.datetime
    why: list[str] = field(default_factory=list)
    passage: str = ""  # the matched words between MARK_START and MARK_STOP
    also: list[str] = field(default_factory=list)  # keys of its other rows that matched
    # How it reads in a digest, but for its reasons: written once, however many get it.
    text: str = ""
    html: str = ""

    def __post_init__(self):
        if not self.text:
            self.text, self.html = _entry_text(self), _entry_html(self)


def _entry_text(entry: Entry) -> str:
    source = f"   {entry.source}\n" if entry.source else ""
    passage = " ".join(entry.passage.replace(MARK_START, "*").replace(MARK_STOP, "*").split())
    quoted = f"   “{passage}”\n" if passage else ""
    return f"{entry.title}\n{source}{WHY}{quoted}   {entry.url}\n"


def _entry_html(entry: Entry) -> str:
    source = format_html("<br>{}", entry.source) if entry.source else ""
    quoted = f"<blockquote>{highlight(entry.passage)}</blockquote>" if entry.passage else ""
    return format_html(
        '<p><a href="{}"><strong>{}</strong></a>{}</p>{}{}',
        entry.url, entry.title, source, WHY, mark_safe(quoted),
    )  # fmt: skip


def match(subscriptions: list[Subscription], since: datetime.datetime) -> dict[int, list[Entry]]:
    """For each subscription, the entries created since `since` and since it was confirmed."""
    by_kind: dict[str, list[Subscription]] = {}
    for subscription in subscriptions:
        by_kind.setdefault(subscription.kind, []).append(subscription)
    found: dict[int, list[Entry]] = {}
    councils = naming.councils()
    for kind, matcher in MATCHERS.items():
        if kind in by_kind:
            found |= matcher(by_kind[kind], since, councils)
    return {
        pk: [entry for entry in entries if entry.created >= subscription.created]
        for subscription in subscriptions
        if (entries := found.get(pk := subscription.pk))
    }


# -- committees -------------------------------------------------------------------------------


def body_entries(subscriptions, since, councils: naming.Councils) -> dict[int, list[Entry]]:
    bodies = {subscription.body_id for subscription in subscriptions}
    of_body: dict[int, list[Entry]] = {}
    meetings = (
        Meeting.objects.filter(body__in=bodies, created__gte=since)
        .select_related("body__council")
        .annotate(items=Count("agenda_items"))
    )
    for meeting in meetings:
        body = naming.name(meeting.body, councils)
        why = f"A new meeting of {body}, {meeting.items} agenda items"
        of_body.setdefault(meeting.body_id, []).append(_meeting_entry(meeting, why, councils))
    for decision in _new_decisions(since).filter(minute__meeting__body__in=bodies):
        body = decision.minute.meeting.body
        why = f"A decision of {naming.name(body, councils)}"
        of_body.setdefault(body.pk, []).append(_decision_entry(decision, why, councils))
    for revised in _revised_documents(since, bodies):
        entry = _revised_entry(revised, councils)
        of_body.setdefault(revised.document.meeting.body_id, []).append(entry)
    return {s.pk: of_body.get(s.body_id, []) for s in subscriptions}


def _revised_documents(since, bodies):
    """Documents re-issued since (a revised agenda): the new version replaced the old."""
    replaced = ReplacedDocument.objects.filter(
        created__gte=since, document__meeting__body__in=bodies
    ).select_related("document__meeting__body__council")
    return list({row.document_id: row for row in replaced.order_by("created")}.values())


def _revised_entry(revised: ReplacedDocument, councils: naming.Councils) -> Entry:
    document, meeting = revised.document, revised.document.meeting
    what = "Agenda" if "agenda" in document.kind else (document.kind or "document").capitalize()
    body = naming.name(meeting.body, councils)
    return Entry(
        key=f"revised-{document.pk}",
        title=f"{what} revised: {naming.name(meeting, councils)}",
        url=absolute(meeting.get_absolute_url()),
        source="",  # the title says it
        created=revised.created,
        why=[f"The {what.lower()} of this meeting of {body} was revised"],
    )


def _meeting_entry(meeting: Meeting, why: str, councils: naming.Councils) -> Entry:
    return Entry(
        key=f"meeting-{meeting.pk}",
        title=naming.name(meeting, councils),
        url=absolute(meeting.get_absolute_url()),
        source="",  # the title says it
        created=meeting.created,
        why=[why],
        passage=meeting.location,
    )


def _new_decisions(since):
    return Decision.objects.filter(created__gte=since).select_related(
        "minute__meeting__body__council"
    )


def _decision_entry(decision: Decision, why: str, councils: naming.Councils) -> Entry:
    return Entry(
        key=f"decision-{decision.pk}",
        title=decision.title,
        url=absolute(decision.get_absolute_url()),
        source=naming.name(decision.minute, councils),
        created=decision.created,
        why=[why],
        passage=decision.resolved[:PASSAGE],
    )


# -- people -----------------------------------------------------------------------------------


def person_entries(subscriptions, since, councils: naming.Councils) -> dict[int, list[Entry]]:
    """The new decisions of meetings each person attended, and how they voted on them."""
    people = {subscription.person_id for subscription in subscriptions}
    new = {decision.pk: decision for decision in _new_decisions(since)}
    of_person: dict[int, dict[int, Entry]] = {}
    attended = Attendance.objects.filter(
        person__in=people, meeting__minutes__decision__in=list(new)
    ).select_related("person")
    by_meeting: dict[int, list[Decision]] = {}
    for decision in new.values():
        by_meeting.setdefault(decision.minute.meeting_id, []).append(decision)
    for attendance in attended.distinct():
        why = f"{attendance.person.name} was at this meeting ({attendance.get_role_display()})"
        for decision in by_meeting.get(attendance.meeting_id, []):
            entries = of_person.setdefault(attendance.person_id, {})
            entries.setdefault(decision.pk, _decision_entry(decision, why, councils))
    votes = Vote.objects.filter(person__in=people, decision__in=list(new)).select_related("person")
    for vote in votes:
        why = f"{vote.person.name} voted: {vote.get_vote_display()}"
        entries = of_person.setdefault(vote.person_id, {})
        decision = new[vote.decision_id]
        entry = entries.setdefault(vote.decision_id, _decision_entry(decision, why, councils))
        if why not in entry.why:
            entry.why.append(why)
    return {s.pk: list(of_person.get(s.person_id, {}).values()) for s in subscriptions}


# -- matters ----------------------------------------------------------------------------------


def matter_entries(subscriptions, since, councils: naming.Councils) -> dict[int, list[Entry]]:
    matters = {subscription.matter_id for subscription in subscriptions}
    of_matter: dict[int, list[Entry]] = {}
    new = MatterStep.objects.filter(matter__in=matters, created__gte=since)
    steps = list(steps_shown(new).select_related("matter__council"))
    pages = step_pages(steps)
    for step in steps:
        matter = step.matter
        body, status = naming.name(step.meeting.body, councils), matter.get_status_display()
        why = (
            f"A new step in “{matter.title}”: {step.get_kind_display().lower()} at {body} "
            f"(now {status.lower()})"
        )
        decision = step.decision
        entry = Entry(
            key=f"step-{step.pk}",
            title=step.title,
            url=absolute(pages.get(step.pk) or step.get_absolute_url()),
            source=naming.name(step.meeting, councils),
            created=step.created,
            why=[why],
            passage=decision.resolved[:PASSAGE] if decision else "",
            also=[_row_key(step)],  # the same decision, followed another way
        )
        of_matter.setdefault(step.matter_id, []).append(entry)
    return {s.pk: of_matter.get(s.matter_id, []) for s in subscriptions}


def _row_key(step: MatterStep) -> str:
    """The key the search and the committee entries give the row of a step."""
    if step.decision is not None:
        return f"decision-{step.decision.pk}"
    if step.report_id:
        return f"report-{step.report_id}"
    return f"item-{step.agenda_item_id}" if step.agenda_item_id else f"minute-{step.minute_id}"


# -- searches ---------------------------------------------------------------------------------


def search_entries(subscriptions, since, councils: naming.Councils) -> dict[int, list[Entry]]:
    """Each distinct saved search, run once on an index of only the rows new since."""
    new, units = new_rows(since)
    if not new:
        return {}
    searcher, index = _memory_index(new, units)
    councils = {council.slug: council for council in Council.objects.all()}
    bodies = list(Body.objects.values_list("pk", "council_id", "council__slug", "slug"))
    matched: dict[str, list[tuple[str, int, int]]] = {}
    problems: dict[str, str] = {}
    for target, search in {s.target: s.search for s in subscriptions}.items():
        try:
            with transaction.atomic():  # a savepoint: one search's failure stops no other
                filters = filters_of(search, councils)
                query = searching.shown_query(
                    index, search["q"], filters, _body_ids(filters, bodies)
                )
                matched[target] = searching.read_hits(
                    searcher, [query], "relevance", 0, 5 * MATCHES_PER_SEARCH
                )
        except Exception as error:
            problems[target] = f"could not be run: {type(error).__name__}: {error}"[:1000]
            log.warning("The saved search %s was skipped: %s", target, problems[target])
    _record_problems(subscriptions, problems)
    hits = hydrate({(kind, pk) for rows in matched.values() for kind, pk, _ in rows}, "")
    entries = {
        target: _search_entries(rows, hits, new, search_words(subscriptions, target))
        for target, rows in matched.items()
    }
    return {s.pk: entries.get(s.target, []) for s in subscriptions}


def _record_problems(subscriptions, problems: dict[str, str]) -> None:
    """Each search subscription's problem of this run ('' when it ran), where it changed."""
    for subscription in subscriptions:
        problem = problems.get(subscription.target, "")
        if subscription.problem != problem:
            Subscription.objects.filter(pk=subscription.pk).update(problem=problem)


def search_words(subscriptions, target: str) -> str:
    return next(s.search["q"] for s in subscriptions if s.target == target)


def _search_entries(rows, hits, new, words: str) -> list[Entry]:
    """One entry per thing (its best row first), its passage with the words marked."""
    snippets = Snippets(words)
    groups: dict[int, list[tuple[str, int]]] = {}
    for kind, pk, group in rows:
        if (kind, pk) in hits:
            groups.setdefault(group, []).append((kind, pk))
    entries = []
    for group, members in list(groups.items())[:MATCHES_PER_SEARCH]:
        kind, pk = members[0]
        hit = hits[kind, pk]
        entries.append(
            Entry(
                key=engine.group_token(group),  # the thing: 'meeting-7', as a committee's
                title=hit.title,
                url=absolute(hit.url),
                source=hit.source,
                created=new[kind, pk],
                why=[f"Matches your search “{words}”"],
                passage=snippets.marked(hit.text[:PASSAGE_SOURCE]),
                also=[f"{other}-{other_pk}" for other, other_pk in members],
            )
        )
    return entries


NEW_ROW_SOURCES = (  # kind, model, its meeting, when it was imported
    ("meeting", Meeting, "id", "created"),
    ("item", AgendaItem, "meeting_id", "created"),
    ("report", Report, "meeting_id", "created"),
    ("decision", Decision, "minute__meeting_id", "created"),
    ("minute", Minute, "meeting_id", "created"),  # indexed as a minute if it resolved nothing
    ("page", Page, "document__meeting_id", "document__created"),
)


def new_rows(since) -> tuple[dict[tuple[str, int], datetime.datetime], set[int]]:
    """Every row of a meeting the search index holds that was imported since, with when;
    and the index units (meetings) that hold them."""
    rows, units = {}, set()
    for kind, model, meeting, created in NEW_ROW_SOURCES:
        found = model.objects.filter(**{f"{created}__gte": since, f"{meeting}__isnull": False})
        for pk, when, unit in found.values_list("pk", created, meeting):
            rows[kind, pk] = when
            units.add(unit)
    return rows, units


def _memory_index(new, units) -> tuple[tantivy.Searcher, tantivy.Index]:
    index = tantivy.Index(engine.SCHEMA)
    index.register_tokenizer(engine.ANALYZER, engine.analyzer())
    writer = index.writer(MEMORY_INDEX_HEAP, 1)
    for document in index_documents(sorted(units)):
        kind, pk = engine.KIND_NAMES[document["kind"][0]], document["id"][0]
        if (kind, pk) in new:
            writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index.searcher(), index


def filters_of(search: dict, councils: dict[str, Council]) -> searching.Filters:
    """A saved search's filters, as the search page reads them (public content only)."""
    return searching.Filters(
        kinds=list(search.get("kind", [])),
        council=councils.get(search.get("council", "")),
        body=search.get("body", ""),
        year=int(search["year"]) if search.get("year") else None,
        date_from=_date(search.get("date_from")),
        date_to=_date(search.get("date_to")),
        key_decision=search.get("key_decision") == "True",
    )


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _body_ids(filters: searching.Filters, bodies) -> list[int] | None:
    """Filters.body_ids() from bodies read once, not a statement per search."""
    if not (filters.council or filters.body):
        return None
    return [
        pk
        for pk, council, council_slug, slug in bodies
        if (not filters.council or council == filters.council.pk)
        and (not filters.body or filters.is_body(council_slug, slug))
    ]


MATCHERS = {
    FollowKind.SEARCH: search_entries,
    FollowKind.BODY: body_entries,
    FollowKind.PERSON: person_entries,
    FollowKind.MATTER: matter_entries,
}

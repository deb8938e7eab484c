"""The archive's records as plain data: for `export_archive` and the bulk downloads."""

from django.db.models import Prefetch

from meetings.models import AgendaItem, Meeting, Minute, Report


def pages_of(row) -> list[int] | None:
    return [row.first_page, row.last_page] if row.first_page is not None else None


def export_decision(minute: Minute) -> dict:
    decision = getattr(minute, "decision", None)
    if decision is None:
        empty = dict.fromkeys(
            [
                "resolved",
                "reasons",
                "outcome",
                "mover",
                "seconder",
                "alternatives",
                "interests",
                "votes",
            ]
        )
        return {**empty, "key_decision": False, "outcome": minute.outcome or None}
    return {
        "resolved": decision.resolved,
        "reasons": decision.reasons or None,
        "key_decision": decision.key_decision,
        "outcome": decision.outcome or None,
        "mover": decision.mover or None,
        "seconder": decision.seconder or None,
        "alternatives": decision.alternatives or None,
        "interests": decision.interests or None,
        "votes": {
            "for": decision.votes_for,
            "against": decision.votes_against,
            "abstained": decision.votes_abstained,
            "named": [{"name": vote.name, "vote": vote.vote} for vote in decision.votes.all()],
        },
    }


def export_meeting(meeting: Meeting, base_url: str = "") -> dict:
    """A meeting with its items, minutes and decisions, votes, attendance and reports."""
    return {
        "council": meeting.body.council.name,
        "body": meeting.body.name,
        "date": meeting.date.isoformat(),
        "start_time": meeting.start_time.strftime("%H:%M") if meeting.start_time else None,
        "location": meeting.location,
        "url": base_url + meeting.get_absolute_url(),
        "agenda_items": [
            {
                "number": item.printed_number or item.number,
                "title": item.title,
                "report_by": item.report_by,
                "pages": pages_of(item),
                "key_decision": item.key_decision,
                "exempt": item.exempt,
            }
            for item in meeting.agenda_items.all()
        ],
        "minutes": [
            {
                "number": minute.printed_number or minute.number,
                "title": minute.title,
                **export_decision(minute),
            }
            for minute in meeting.minutes.all()
        ],
        "attendance": [
            {"name": row.person.name, "role": row.role, "note": row.note}
            for row in meeting.attendance.all()
        ],
        "reports": [
            {
                "title": report.title,
                "report_by": report.report_by,
                "agenda_item": report.agenda_item_number or None,
                "pages": pages_of(report),
                "exempt": report.exempt,
            }
            for report in meeting.reports.all()
        ],
    }


def with_everything(meetings):
    """Meetings with what export_meeting reads, fetched in a few queries a batch."""
    return meetings.select_related("body__council").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "number")),
        Prefetch(
            "minutes",
            queryset=Minute.objects.select_related("decision")
            .prefetch_related("decision__votes")
            .order_by("position"),
        ),
        Prefetch("reports", queryset=Report.objects.order_by("position", "slug")),
        "attendance__person",
    )

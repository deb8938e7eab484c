"""Browsing pages: home, councils, bodies, meetings, reports, decisions, people. Thin views."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Sum,
    When,
)
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from meetings import naming
from meetings.filters import DecisionFilter, MeetingFilter
from meetings.harvest.models import HarvestRun
from meetings.ingest.text import find_date
from meetings.matters.lookup import link_item_matters, matter_of
from meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    Body,
    Council,
    Decision,
    Document,
    Meeting,
    MembershipRole,
    Minute,
    Page,
    Person,
    Report,
    Vote,
    page_range_label,
)

PAGE_SIZE = 25
PERSON_DECISIONS_SHOWN = 200  # the latest; a page stays bounded however long a career


def page_number(request, last: int) -> int:
    """The ?page= number asked for; anything that is not a page from 1 to `last` is a 404."""
    number = request.GET.get("page", "1")
    if not (number.isdecimal() and len(number) < 7 and 1 <= int(number) <= last):
        raise Http404(f"There is no page {number[:20]} of these results.")
    return int(number)


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    return paginator.page(page_number(request, paginator.num_pages))


def by_role(queryset, roles: type):
    """People rows in the order their roles are declared (chair first), then by name."""
    order = Case(
        *(When(role=role, then=position) for position, role in enumerate(roles.values)),
        output_field=IntegerField(),
    )
    return queryset.select_related("person__council").order_by(order, "person__key")


def councils_with_coverage():
    """Every council with its counts of bodies and meetings and the years its meetings span."""
    return Council.objects.annotate(
        body_count=Count("bodies", distinct=True),
        meeting_count=Count("bodies__meetings"),
        first_meeting=Min("bodies__meetings__date"),
        last_meeting=Max("bodies__meetings__date"),
    ).order_by("name")


def home(request):
    today = timezone.localdate()
    meetings = Meeting.objects.select_related("body__council")
    context = {
        "councils": councils_with_coverage(),
        "recent_meetings": meetings.filter(date__lte=today).order_by("-date")[:8],
        "upcoming_meetings": meetings.filter(date__gt=today).order_by("date")[:8],
        "totals": {
            "meetings": Meeting.objects.count(),
            "decisions": Decision.objects.count(),
            "reports": Report.objects.count(),
            "pages": Document.objects.aggregate(pages=Sum("page_count"))["pages"] or 0,
        },
        "span": Meeting.objects.aggregate(first=Min("date"), last=Max("date")),
        "last_import": Document.objects.aggregate(at=Max("modified"))["at"],
    }
    return render(request, "meetings/home.html", context)


def council_detail(request, council):
    council = get_object_or_404(Council, slug=council)
    bodies = council.bodies.annotate(
        meeting_count=Count("meetings"),
        first_meeting=Min("meetings__date"),
        last_meeting=Max("meetings__date"),
    ).order_by("name")
    documents = council.documents.all()
    with_text = Page.objects.filter(document=OuterRef("pk")).exclude(text="")
    read_by_ocr = Page.objects.filter(document=OuterRef("pk"), ocr_confidence__isnull=False)
    coverage = documents.aggregate(
        documents=Count("pk"),
        pages=Sum("page_count"),
        last_import=Max("modified"),
        without_text=Count("pk", filter=~Q(Exists(with_text))),
        read_by_ocr=Count("pk", filter=Q(Exists(read_by_ocr))),
    )
    coverage["last_harvest"] = HarvestRun.objects.filter(
        source__council=council, status=HarvestRun.Status.DONE
    ).aggregate(at=Max("finished_at"))["at"]
    span = Meeting.objects.filter(body__council=council).aggregate(
        first=Min("date"), last=Max("date"), meetings=Count("pk")
    )
    recent = (
        Meeting.objects.filter(body__council=council)
        .select_related("body__council")
        .order_by("-date")[:10]
    )
    context = {
        "council": council,
        "bodies": bodies,
        "coverage": coverage,
        "span": span,
        "recent_meetings": recent,
    }
    return render(request, "meetings/council_detail.html", context)


def body_list(request):
    bodies = (
        Body.objects.select_related("council")
        .annotate(meeting_count=Count("meetings"), last_meeting=Max("meetings__date"))
        .order_by("council__name", "name")
    )
    return render(request, "meetings/body_list.html", {"bodies": bodies})


def body_detail(request, council, slug):
    body = get_object_or_404(
        Body.objects.select_related("council"), council__slug=council, slug=slug
    )
    meetings = body.meetings.annotate(
        report_count=Count("reports", distinct=True), minute_count=Count("minutes", distinct=True)
    ).order_by("-date")
    years = {}
    for meeting in meetings:
        years.setdefault(meeting.date.year, []).append(meeting)
    memberships = by_role(body.memberships, MembershipRole)
    decisions = (
        Decision.objects.filter(minute__meeting__body=body)
        .select_related("minute__meeting__body__council")
        .order_by("-minute__meeting__date", "minute__position")[:10]
    )
    context = {"body": body, "years": years, "memberships": memberships, "decisions": decisions}
    return render(request, "meetings/body_detail.html", context)


def meeting_list(request):
    meetings = Meeting.objects.select_related("body__council").order_by("-date", "-start_time")
    meeting_filter = MeetingFilter(request.GET, queryset=meetings)
    page = paginate(request, meeting_filter.qs) if meeting_filter.is_valid() else None
    return render(
        request,
        "meetings/meeting_list.html",
        {"filter": meeting_filter, "page": page},
        status=200 if page is not None else 400,
    )


def get_meeting(council_slug, body_slug, date):
    meeting = (
        Meeting.objects.select_related("body__council")
        .filter(body__council__slug=council_slug, body__slug=body_slug, date=date)
        .order_by("start_time")
        .first()
    )
    if meeting is None:
        raise Http404(f"No meeting of '{body_slug}' on {date:%-d %B %Y} is in the archive.")
    return meeting


def meeting_detail(request, council, body, date):
    meeting = get_meeting(council, body, date)
    minutes = list(
        Minute.objects.filter(meeting=meeting)
        .select_related("decision", "meeting__body__council")
        .prefetch_related(
            Prefetch(
                "agenda_item__reports",
                queryset=Report.objects.select_related("meeting__body__council"),
            )
        )
    )
    link_confirmed_meetings(meeting.body, minutes)
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("meeting__body__council")
        .prefetch_related(
            Prefetch("reports", queryset=Report.objects.select_related("meeting__body__council")),
            Prefetch(
                "minutes",
                queryset=Minute.objects.select_related("decision", "meeting__body__council"),
            ),
        )
    )
    link_minutes_items(meeting.body, items)
    link_item_matters(items)
    siblings = Meeting.objects.filter(body=meeting.body).select_related("body__council")
    context = {
        "meeting": meeting,
        "agenda_items": items,
        "minutes": minutes,
        "reports": meeting.reports.filter(agenda_item__isnull=True).select_related(
            "meeting__body__council"
        ),
        "attendance": by_role(meeting.attendance, AttendanceRole),
        "sources": source_documents(meeting, naming.councils(request)),
        "confirmed_at": Minute.objects.filter(
            meeting__body=meeting.body, confirms_date=meeting.date
        )
        .select_related("meeting__body__council")
        .first(),
        "previous": siblings.filter(date__lt=meeting.date).order_by("-date").first(),
        "next": siblings.filter(date__gt=meeting.date).order_by("date").first(),
    }
    return render(request, "meetings/meeting_detail.html", context)


@dataclass
class Source:
    """One document a meeting's records were read from, as its page links to it."""

    label: str  # what it is: "Minutes", or the name of another meeting's pack
    url: str
    detail: str  # "9 pages", or what of this meeting it holds and where


def source_documents(meeting: Meeting, councils: naming.Councils) -> list[Source]:
    """Each document any of the meeting's records was read from, once: its own (whole), and
    the packs of other meetings that print its minutes or reports (with the pages)."""
    own = list(meeting.documents.order_by("pk"))
    sources = [
        Source(
            (document.kind or "document").capitalize(),
            document.get_absolute_url(),
            f"{document.page_count} page{'s' if document.page_count != 1 else ''}",
        )
        for document in own
    ]
    # Other documents: what of this meeting each holds, on which pages.
    held: dict[int, list[tuple[str, int, int]]] = {}
    if meeting.minutes_document_id and meeting.minutes_document_id not in {d.pk for d in own}:
        printed = ("the minutes", meeting.minutes_first_page, meeting.minutes_last_page)
        held[meeting.minutes_document_id] = [printed]
    reports = meeting.reports.exclude(document__in=own).exclude(first_page=None)
    for document, first, last in reports.values_list("document", "first_page", "last_page"):
        held.setdefault(document, []).append(("reports", first, last))
    documents = Document.objects.select_related("meeting__body__council", "council")
    for document in documents.filter(pk__in=held).order_by("pk"):
        parts = held[document.pk]
        what = " and ".join(dict.fromkeys(part for part, _, _ in parts))
        first, last = min(first for _, first, _ in parts), max(last for *_, last in parts)
        pages = page_range_label(document, first, last)
        sources.append(
            Source(
                naming.name(document, councils),
                reverse("meetings:page_detail", args=[document.sha256, first]),
                f"{what} of this meeting, {pages}",
            )
        )
    return sources


def meetings_held(body, dates) -> dict:
    """The body's meetings on these dates (None and unheld dates left out), by date."""
    wanted = {day for day in dates if day}
    if not wanted:
        return {}
    held = Meeting.objects.filter(body=body, date__in=wanted).select_related("body__council")
    return {meeting.date: meeting for meeting in held}


def link_confirmed_meetings(body, minutes) -> None:
    """Give each minute that confirms earlier minutes the earlier meeting, when it is held."""
    earlier = meetings_held(body, [minute.confirms_date for minute in minutes])
    for minute in minutes:
        minute.confirms_meeting = earlier.get(minute.confirms_date)


def link_minutes_items(body, items) -> None:
    """'Minutes of the meeting held on 3 February 2026' items link to that meeting."""
    dates = {
        item.pk: find_date(item.title) for item in items if item.title.startswith("Minutes of")
    }
    held = meetings_held(body, dates.values())
    for item in items:
        item.minutes_of = held.get(dates.get(item.pk))


def printed_range(report: Report) -> str:
    """The report's pages as the paper prints them: the agenda's '(Pages a - b)' if it has
    them, else its pages' own numbers."""
    item = report.agenda_item
    if item and item.first_page:
        return f"pp. {item.first_page}–{item.last_page}"
    if report.first_page:
        return page_range_label(report.document, report.first_page, report.last_page)
    return ""


def report_detail(request, council, body, date, slug):
    meeting = get_meeting(council, body, date)
    report = get_object_or_404(
        Report.objects.select_related("agenda_item", "document"), meeting=meeting, slug=slug
    )
    pages, withheld_pages = [], []
    withheld = report.withheld and not request.user.is_staff
    if report.first_page and not withheld:
        in_range = report.document.pages.filter(
            number__gte=report.first_page, number__lte=report.last_page
        ).only("document_id", "number", "text", "printed_number", "restricted")
        if not request.user.is_staff:  # a restricted appendix of a public report
            withheld_pages = [page.label for page in in_range if page.restricted]
            in_range = in_range.filter(restricted=False)
        pages = in_range
    page_range = printed_range(report)
    decisions = Decision.objects.filter(minute__agenda_item__reports=report).select_related(
        "minute__meeting__body__council"
    )
    context = {
        "meeting": meeting,
        "report": report,
        "pages": pages,
        "page_range": page_range,
        "decisions": decisions,
        "withheld": withheld,
        "withheld_pages": withheld_pages,
        "matter": matter_of(report, report.agenda_item),
    }
    return render(request, "meetings/report_detail.html", context)


def decision_detail(request, council, body, date, number):
    meeting = get_meeting(council, body, date)
    minutes = Minute.all_objects if request.user.is_staff else Minute.objects  # withheld too
    minute = get_object_or_404(
        minutes.select_related(
            "decision__mover_person__council",
            "decision__seconder_person__council",
            "agenda_item",
            "document",
        ),
        meeting=meeting,
        number=number,
    )
    reports = (
        Report.objects.filter(agenda_item=minute.agenda_item).select_related(
            "meeting__body__council"
        )
        if minute.agenda_item
        else []
    )
    link_confirmed_meetings(meeting.body, [minute])
    decision = getattr(minute, "decision", None)
    votes = decision.votes.select_related("person__council") if decision else []
    source = (
        Page.objects.select_related("document__meeting__body__council")
        .filter(document=minute.document, number=minute.page)
        .first()
    )
    context = {
        "meeting": meeting,
        "minute": minute,
        "reports": reports,
        "votes": votes,
        "source": source,
        "matter": matter_of(minute, minute.agenda_item),
    }
    return render(request, "meetings/decision_detail.html", context)


def decision_list(request):
    decisions = Decision.objects.select_related("minute__meeting__body__council").order_by(
        "-minute__meeting__date", "minute__position"
    )
    decision_filter = DecisionFilter(request.GET, queryset=decisions)
    page = paginate(request, decision_filter.qs) if decision_filter.is_valid() else None
    return render(
        request,
        "meetings/decision_list.html",
        {"filter": decision_filter, "page": page},
        status=200 if page is not None else 400,
    )


def person_detail(request, council, key):
    person = get_object_or_404(
        Person.objects.select_related("council"), council__slug=council, key=key
    )
    attendance = (
        Attendance.objects.filter(person=person)
        .select_related("meeting__body__council")
        .order_by("-meeting__date")
    )
    context = {
        "person": person,
        "memberships": person.memberships.select_related("body__council"),
        "attendance": attendance,
        "roles": attendance.values("role").annotate(count=Count("id")).order_by("role"),
        "decisions": parts_taken(person),
    }
    return render(request, "meetings/person_detail.html", context)


def parts_taken(person: Person) -> list[Decision]:
    """The decisions a person moved, seconded or voted on, latest first, each with `part`:
    'moved', 'seconded', 'voted for', as the minutes record it."""
    their_votes = Prefetch("votes", queryset=Vote.objects.filter(person=person), to_attr="theirs")
    decisions = (
        Decision.objects.filter(
            Q(mover_person=person) | Q(seconder_person=person) | Q(votes__person=person)
        )  # fmt: skip
        .distinct()
        .select_related("minute__meeting__body__council")
        .prefetch_related(their_votes)
        .order_by("-minute__meeting__date", "minute__position")[:PERSON_DECISIONS_SHOWN]
    )
    for decision in decisions:
        parts = [
            part
            for part, person_id in (("moved", decision.mover_person_id),
                                    ("seconded", decision.seconder_person_id))
            if person_id == person.pk
        ]  # fmt: skip
        parts += [f"voted {vote.get_vote_display().lower()}" for vote in decision.theirs]
        decision.part = ", ".join(parts).capitalize()
    return list(decisions)

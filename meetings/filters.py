import functools

import django_filters
from django import forms
from django.db import connection

from meetings.models import Council, Decision, Meeting, Page
from meetings.search import KINDS, SORTS, Filters
from meetings.search.engine import parse_group_token


def choices() -> dict[str, list[tuple]]:
    """The filters' councils (by name), bodies (by slug: 'cabinet' is the Cabinet of every
    council, or of the council chosen) and years with meetings (newest first), in one
    statement; the years by one probe of the date index a year, not a scan of every meeting.
    """
    with connection.cursor() as cursor:
        cursor.execute(CHOICES)
        councils, bodies, years = cursor.fetchone()
    return {
        "council": [tuple(pair) for pair in councils],
        "body": [tuple(pair) for pair in bodies],
        "year": [(year, str(year)) for year in years],
    }


CHOICES = """
    WITH RECURSIVE years(year) AS (
        SELECT extract(year FROM max(date))::int FROM meetings_meeting
        UNION ALL
        SELECT (SELECT extract(year FROM max(date))::int FROM meetings_meeting
                 WHERE date < make_date(year, 1, 1))
          FROM years WHERE year IS NOT NULL
    )
    SELECT (SELECT coalesce(json_agg(json_build_array(slug, name) ORDER BY name), '[]')
              FROM meetings_council),
           (SELECT coalesce(json_agg(json_build_array(slug, name) ORDER BY slug), '[]')
              FROM (SELECT DISTINCT ON (slug) slug, name FROM meetings_body
                     ORDER BY slug, name) AS body),
           (SELECT coalesce(json_agg(year ORDER BY year DESC), '[]')
              FROM years WHERE year IS NOT NULL)"""


def body_choices():
    return choices()["body"]


def council_choices():
    return choices()["council"]


def year_choices():
    return choices()["year"]


def council_filter(field_name: str, **extra):
    return django_filters.ModelChoiceFilter(
        label="Council",
        field_name=field_name,
        queryset=Council.objects.all(),
        to_field_name="slug",
        empty_label="All councils",
        **extra,
    )


def body_filter(field_name: str, **extra):
    return django_filters.ChoiceFilter(
        label="Body", field_name=field_name, choices=body_choices, empty_label="All bodies", **extra
    )


class DateInput(forms.DateInput):
    input_type = "date"


class MeetingFilter(django_filters.FilterSet):
    council = council_filter("body__council")
    body = body_filter("body__slug")
    year = django_filters.ChoiceFilter(
        field_name="date__year", choices=year_choices, empty_label="Any year", label="Year"
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="From", widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="To", widget=DateInput
    )
    has_minutes = django_filters.BooleanFilter(
        field_name="minutes", lookup_expr="isnull", exclude=True, distinct=True, label="Has minutes"
    )
    has_reports = django_filters.BooleanFilter(
        field_name="reports", lookup_expr="isnull", exclude=True, distinct=True, label="Has reports"
    )

    class Meta:
        model = Meeting
        fields = ["council", "body", "year", "date_from", "date_to", "has_minutes", "has_reports"]


class DecisionFilter(django_filters.FilterSet):
    council = council_filter("minute__meeting__body__council")
    body = body_filter("minute__meeting__body__slug")
    date_from = django_filters.DateFilter(
        field_name="minute__meeting__date", lookup_expr="gte", label="From", widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="minute__meeting__date", lookup_expr="lte", label="To", widget=DateInput
    )
    key_decision = django_filters.BooleanFilter(label="Key decisions only")

    class Meta:
        model = Decision
        fields = ["council", "body", "date_from", "date_to", "key_decision"]


def group_token_validator(token: str) -> None:
    if parse_group_token(token) is None:
        raise forms.ValidationError("Not a result's pages: use the link under a result.")


VIEWS = {"things": "One result per item", "pages": "Every matching page"}


class SearchFilter(django_filters.FilterSet):
    """The search page's query and filters: validated here, applied by meetings.search."""

    q = django_filters.CharFilter(label="Search for", method="by_search_module")
    kind = django_filters.MultipleChoiceFilter(
        label="Type",
        choices=list(KINDS.items()),
        widget=forms.CheckboxSelectMultiple,
        method="by_search_module",
    )
    # Choices by slug, read in one statement (a ModelChoiceFilter's options come through a
    # server-side cursor: four round trips on every search page).
    council = django_filters.ChoiceFilter(
        label="Council", choices=council_choices, empty_label="All councils",
        method="by_search_module",
    )  # fmt: skip
    body = body_filter("", method="by_search_module")
    year = django_filters.ChoiceFilter(
        label="Year", choices=year_choices, empty_label="Any year", method="by_search_module"
    )
    date_from = django_filters.DateFilter(label="From", widget=DateInput, method="by_search_module")
    date_to = django_filters.DateFilter(label="To", widget=DateInput, method="by_search_module")
    key_decision = django_filters.BooleanFilter(
        label="Key decisions only", widget=forms.CheckboxInput, method="by_search_module"
    )
    sort = django_filters.ChoiceFilter(
        label="Sort", choices=list(SORTS.items()), empty_label=None, method="by_search_module"
    )
    view = django_filters.ChoiceFilter(
        label="Show",
        choices=list(VIEWS.items()),
        empty_label=None,
        method="by_search_module",
    )
    within = django_filters.CharFilter(
        label="Pages of",
        method="by_search_module",
        widget=forms.HiddenInput,
        validators=[group_token_validator],
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One statement for the three, read when a value is checked or the form shown (a feed
        # with no filters never reads it), and then not again.
        read_once = functools.cache(choices)
        for name in ("council", "body", "year"):
            self.filters[name].extra["choices"] = lambda name=name: read_once()[name]

    def by_search_module(self, queryset, name, value):
        return queryset

    def search_filters(self) -> Filters:
        data = self.form.cleaned_data
        within = parse_group_token(data.get("within") or "")
        return Filters(
            kinds=data.get("kind") or [],
            council=Council.objects.get(slug=data["council"]) if data.get("council") else None,
            body=data.get("body") or "",
            year=int(data["year"]) if data.get("year") else None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            key_decision=bool(data.get("key_decision")),
            sort=data.get("sort") or "relevance",
            pages_only=data.get("view") == "pages" or within is not None,
            within=within,
        )

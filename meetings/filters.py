import functools
from collections import Counter

import django_filters
from django import forms
from django.db import connection
from django.db.models import Q

from meetings import naming
from meetings.models import Council, Decision, Meeting, Page
from meetings.search import KINDS, SORTS, Filters
from meetings.search.engine import parse_group_token
from meetings.search.searching import split_body


def choices() -> dict[str, list[tuple]]:
    """The filters' councils (by name), bodies that hold meetings ('kent/cabinet', labelled
    'Cabinet (Kent)') and years with meetings (newest first), in one statement; the years by
    one probe of the date index a year, not a scan of every meeting.

    A body by its slug alone ('cabinet': that body of every council, or of the council
    chosen, as addresses made before councils ask) is valid too, and offered when asked for.
    """
    with connection.cursor() as cursor:
        cursor.execute(CHOICES)
        councils, bodies, years = cursor.fetchone()
    places = Counter(short_name.lower() for _, _, short_name in councils)
    shared = frozenset(place for place, count in places.items() if count > 1)
    named = naming.Councils(len(councils) > 1, shared)
    labelled = [
        (f"{council}/{slug}", naming.beside_council(named.place(short_name, name), body))
        for council, slug, body, short_name, name in bodies
    ]
    every_council = {slug: f"{body} (every council)" for _, slug, body, *_ in bodies}
    return {
        "council": [(slug, name) for slug, name, _ in councils],
        "body": labelled,
        "body_slugs": every_council,
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
    SELECT (SELECT coalesce(json_agg(json_build_array(slug, name, short_name) ORDER BY name),
                            '[]')
              FROM meetings_council),
           (SELECT coalesce(json_agg(json_build_array(c.slug, b.slug, b.name, c.short_name, c.name)
                                     ORDER BY b.name, c.name), '[]')
              FROM meetings_body b JOIN meetings_council c ON c.id = b.council_id
             WHERE EXISTS (SELECT FROM meetings_meeting m WHERE m.body_id = b.id)),
           (SELECT coalesce(json_agg(year ORDER BY year DESC), '[]')
              FROM years WHERE year IS NOT NULL)"""


def body_options(read, chosen: str) -> list[tuple[str, str]]:
    """The body select's options, with a body asked for by its slug alone when it is."""
    options = read()["body"]
    if chosen and "/" not in chosen and (label := read()["body_slugs"].get(chosen)):
        return [(chosen, label), *options]
    return options


def council_filter(field_name: str, **extra):
    """A council by its slug (choices read with the bodies and years: ChoicesReadOnce)."""
    return django_filters.ChoiceFilter(
        label="Council", field_name=field_name, empty_label="All councils", **extra
    )


class BodyFilter(django_filters.ChoiceFilter):
    """A council's body ('kent/cabinet'), or a body by its slug alone ('cabinet': that body of
    the council chosen, or of every council)."""

    def __init__(self, field_name: str, **extra):
        super().__init__(label="Body", field_name=field_name, empty_label="All bodies", **extra)

    def filter(self, queryset, value):
        if not value:
            return queryset
        council, slug = split_body(value)
        wanted = Q(**{f"{self.field_name}__slug": slug})
        if council:
            wanted &= Q(**{f"{self.field_name}__council__slug": council})
        return queryset.filter(wanted)


class AnyYesNo(forms.NullBooleanSelect):
    """Any (no filter), yes or no."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", "Any"), ("true", "Yes"), ("false", "No")]


class DateInput(forms.DateInput):
    input_type = "date"


class ChoicesReadOnce:
    """The councils, bodies and years of a form's selects, read in one statement when first
    needed (a feed with no filters never reads them), and then not again."""

    def set_choices(self):
        read_once = functools.cache(choices)
        chosen = str(self.data.get("body") or "")
        self.filters["body"].extra["choices"] = lambda: body_options(read_once, chosen)
        for name in ("council", "year"):
            if name in self.filters:
                self.filters[name].extra["choices"] = lambda name=name: read_once()[name]


class MeetingFilter(ChoicesReadOnce, django_filters.FilterSet):
    council = council_filter("body__council__slug")
    body = BodyFilter("body")
    year = django_filters.ChoiceFilter(
        field_name="date__year", empty_label="Any year", label="Year"
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="From", widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="To", widget=DateInput
    )
    has_minutes = django_filters.BooleanFilter(
        field_name="minutes", lookup_expr="isnull", exclude=True, distinct=True,
        label="Has minutes", widget=AnyYesNo,
    )  # fmt: skip
    has_reports = django_filters.BooleanFilter(
        field_name="reports", lookup_expr="isnull", exclude=True, distinct=True,
        label="Has reports", widget=AnyYesNo,
    )  # fmt: skip

    class Meta:
        model = Meeting
        fields = ["council", "body", "year", "date_from", "date_to", "has_minutes", "has_reports"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_choices()


class DecisionFilter(ChoicesReadOnce, django_filters.FilterSet):
    council = council_filter("minute__meeting__body__council__slug")
    body = BodyFilter("minute__meeting__body")
    date_from = django_filters.DateFilter(
        field_name="minute__meeting__date", lookup_expr="gte", label="From", widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="minute__meeting__date", lookup_expr="lte", label="To", widget=DateInput
    )
    key_decision = django_filters.BooleanFilter(
        label="Key decisions only", widget=forms.CheckboxInput, method="only_key_decisions"
    )

    class Meta:
        model = Decision
        fields = ["council", "body", "date_from", "date_to", "key_decision"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_choices()

    def only_key_decisions(self, queryset, name, value):
        return queryset.filter(key_decision=True) if value else queryset


def group_token_validator(token: str) -> None:
    if parse_group_token(token) is None:
        raise forms.ValidationError("Not a result's pages: use the link under a result.")


VIEWS = {"things": "One result per item", "pages": "Every matching page"}


class SearchFilter(ChoicesReadOnce, django_filters.FilterSet):
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
    council = council_filter("", method="by_search_module")
    body = BodyFilter("", method="by_search_module")
    year = django_filters.ChoiceFilter(
        label="Year", empty_label="Any year", method="by_search_module"
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
        self.set_choices()

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

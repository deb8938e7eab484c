import django_filters
from django import forms

from meetings.models import Body, Decision, Meeting


def year_choices():
    years = Meeting.objects.dates("date", "year", order="DESC")
    return [(d.year, str(d.year)) for d in years]


class DateInput(forms.DateInput):
    input_type = "date"


class MeetingFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        queryset=Body.objects.all(), to_field_name="slug", empty_label="All bodies"
    )
    year = django_filters.ChoiceFilter(
        field_name="date__year", choices=year_choices, empty_label="Any year"
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
        fields = ["body", "year", "date_from", "date_to", "has_minutes", "has_reports"]


class DecisionFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        field_name="minute__meeting__body",
        queryset=Body.objects.all(),
        to_field_name="slug",
        empty_label="All bodies",
    )
    date_from = django_filters.DateFilter(
        field_name="minute__meeting__date", lookup_expr="gte", label="From", widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="minute__meeting__date", lookup_expr="lte", label="To", widget=DateInput
    )
    key_decision = django_filters.BooleanFilter(label="Key decisions only")

    class Meta:
        model = Decision
        fields = ["body", "date_from", "date_to", "key_decision"]

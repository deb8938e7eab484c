"""The review page's forms: each gives the corrections (field -> value) its changes make."""

from django import forms

from meetings.models import AttendanceRole, Council, Document, Outcome
from meetings.review.models import understood

KINDS = [
    "agenda",
    "agenda pack",
    "supplementary agenda",
    "minutes",
    "decision notice",
    "report",
    "reports",
    "transcript",
    "document",
]


class MeetingForm(forms.Form):
    """The council, body, date, time and kind of a document."""

    council = forms.ModelChoiceField(Council.objects.all(), to_field_name="slug")
    body = forms.ChoiceField(required=False, help_text="One of the council's bodies …")
    new_body = forms.CharField(
        required=False, max_length=200, label="or a new body", help_text="… or a new one's name"
    )
    date = forms.DateField(
        required=False, help_text="YYYY-MM-DD", widget=forms.DateInput(format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        required=False, help_text="HH:MM, or empty", widget=forms.TimeInput(format="%H:%M")
    )
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in KINDS], label="Document kind")

    def __init__(self, document: Document, *args, **kwargs):
        self.document = document
        meeting = document.meeting
        read = {entry["field"]: entry["value"] for entry in understood(document).get("fields", [])}
        self.current = {
            "council": document.council.slug,
            "body": meeting.body.name if meeting else read.get("body", ""),
            "date": meeting.date if meeting else None,
            "start_time": meeting.start_time if meeting else None,
            "kind": document.kind or "document",
        }
        super().__init__(*args, initial=self.current, **kwargs)
        bodies = document.council.bodies.order_by("name").values_list("name", flat=True)
        names = [*bodies] + ([self.current["body"]] if self.current["body"] not in bodies else [])
        self.fields["body"].choices = [("", "—")] + [(name, name) for name in names if name]
        if self.current["kind"] not in KINDS:
            self.fields["kind"].choices += [(self.current["kind"], self.current["kind"])]

    def clean(self):
        data = super().clean()
        body = (data.get("new_body") or "").strip() or data.get("body")
        if not body:
            raise forms.ValidationError("Name the body: choose one or give a new one's name.")
        if not data.get("date"):
            raise forms.ValidationError("Give the meeting's date.")
        data["body"] = " ".join(body.split())
        return data

    def changes(self, current=None) -> dict:
        """The fields changed from what is stored (`current` is the form's own)."""
        data, changes = self.cleaned_data, {}
        if data["council"].slug != self.current["council"]:
            changes["council"] = data["council"].slug
        if data["body"] != self.current["body"]:
            changes["body"] = data["body"]
        if data["date"] != self.current["date"]:
            changes["date"] = data["date"].isoformat()
        if data["start_time"] != self.current["start_time"]:
            start = data["start_time"]
            changes["start_time"] = start.strftime("%H:%M") if start else ""
        if data["kind"] != self.current["kind"]:
            changes["kind"] = data["kind"]
        return changes


SOURCES = "|"  # between the numbers, as read, of the items a row was made from
ACTIONS = [("keep", "keep"), ("remove", "remove"), ("merge", "merge into the one above")]


class ItemForm(forms.Form):
    """One agenda item or minute: where it stands, its number and title, what to do."""

    source = forms.CharField(required=False, widget=forms.HiddenInput)
    position = forms.IntegerField(
        min_value=0, widget=forms.NumberInput(attrs={"class": "position"})
    )
    number = forms.CharField(
        required=False, max_length=20, widget=forms.TextInput(attrs={"size": 6})
    )
    title = forms.CharField(
        required=False, max_length=2000, widget=forms.TextInput(attrs={"size": 50})
    )
    action = forms.ChoiceField(choices=ACTIONS, initial="keep")


class MinuteForm(ItemForm):
    outcome = forms.ChoiceField(choices=[("", "—"), *Outcome.choices], required=False)
    decision = forms.BooleanField(required=False, label="Decision taken")


class PersonForm(forms.Form):
    name = forms.CharField(required=False, max_length=200)
    role = forms.ChoiceField(choices=AttendanceRole.choices, initial=AttendanceRole.MEMBER)
    remove = forms.BooleanField(required=False)


class ListFormSet(forms.BaseFormSet):
    """Agenda items or minutes, as the corrected list they make (meetings.review.corrections):
    rows in the order of their positions, a row without a number skipped, a removed one left
    out, a merged one joined to the row above it."""

    field = "agenda"

    def clean(self):
        if any(self.errors):
            return
        entries = []
        rows = [form.cleaned_data for form in self.forms if form.cleaned_data.get("number")]
        for row in sorted(rows, key=lambda row: row["position"]):
            sources = [number.strip() for number in row["source"].split(SOURCES) if number.strip()]
            if row["action"] == "remove":
                continue
            if row["action"] == "merge":
                if not entries:
                    raise forms.ValidationError(f"Item {row['number']} has no item above it.")
                entries[-1]["from"] += sources
                continue
            if not row["title"].strip():
                raise forms.ValidationError(f"Item {row['number']} needs a title.")
            entries.append(self.entry(row, sources))
        numbers = [entry["number"] for entry in entries]
        if len(set(numbers)) != len(numbers):
            raise forms.ValidationError("Two items have the same number.")
        self.entries = entries

    def entry(self, row: dict, sources: list[str]) -> dict:
        return {"from": sources, "number": row["number"].strip(), "title": row["title"].strip()}

    def changes(self, current: list[dict]) -> dict:
        return {self.field: self.entries} if self.entries != current else {}


class MinuteFormSet(ListFormSet):
    field = "minutes"

    def entry(self, row: dict, sources: list[str]) -> dict:
        return {**super().entry(row, sources), "outcome": row["outcome"],
                "decision": row["decision"]}  # fmt: skip


class PeopleFormSet(forms.BaseFormSet):
    field = "attendance"

    def clean(self):
        if any(self.errors):
            return
        self.entries = [
            {"name": " ".join(row["name"].split()), "role": row["role"]}
            for row in (form.cleaned_data for form in self.forms)
            if row.get("name", "").strip() and not row.get("remove")
        ]

    def changes(self, current: list[dict]) -> dict:
        return {self.field: self.entries} if self.entries != current else {}


AgendaFormSet = forms.formset_factory(ItemForm, formset=ListFormSet, extra=2)
MinutesFormSet = forms.formset_factory(MinuteForm, formset=MinuteFormSet, extra=2)
AttendanceFormSet = forms.formset_factory(PersonForm, formset=PeopleFormSet, extra=2)

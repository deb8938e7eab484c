"""What the importer understood of a document, with its evidence, kept on the Document for
the admin's review page, and why an admin should look at it.

Built by the loader from the parsed records (after corrections) and what it stored; the
same summary, built in a dry run, is the preview of a correction.
"""

from meetings.ingest.describe import document_kind
from meetings.ingest.records import Evidence, MeetingRecord, MinuteRecord, PackRecord
from meetings.review.corrections import CORRECTED, meeting_of, read_value

SURE = 0.75  # a field's evidence scoring less is flagged for review
FIELDS = {  # the fields of a document's meeting an admin can correct, as the page names them
    "council": "Council",
    "body": "Body",
    "date": "Date",
    "time": "Time",
    "kind": "Document kind",
}
CHECKED = ("council", "body", "date")  # unsure of any of these: the document needs a look
UNPLACED = "needs a meeting"


def build(pack: PackRecord, council: Evidence, meeting, corrections: dict, notes: list[str]):
    """The reading of a document loaded into `meeting` (None: kept unplaced) under the
    council of `council` (its evidence). `corrections` are the fields' Correction rows,
    `notes` what the loader noticed (a body close to a known one)."""
    fields = [_field("council", council.value, council), *_meeting_fields(pack, meeting)]
    for entry in fields:
        if correction := corrections.get(_correction_field(entry["field"])):
            entry.update(score=1.0, sure=True, reason=CORRECTED, corrected_by=_who(correction),
                         corrected_at=_when(correction))  # fmt: skip
    reasons = _reasons(fields, meeting, notes, "confirmed" in corrections)
    fields.sort(key=lambda entry: (not entry["missing"], entry["sure"]))
    return {
        "fields": fields,
        "agenda": [
            {"number": item.number, "title": item.title, "page": item.page}
            for item in (pack.meeting.agenda_items if pack.meeting else [])
        ],
        "minutes": [_minutes(document) for document in pack.minutes],
        "review": reasons,
    }


def _meeting_fields(pack: PackRecord, meeting) -> list[dict]:
    """The body, date, time and kind as stored, each with the evidence for it; for a
    document kept without a meeting, what was read of them."""
    record = meeting_of(pack)
    evidence = (record.evidence if record else []) + pack.evidence
    printed = record.body if record else read_value(pack.evidence, "body")
    values = {
        "body": meeting.body.name if meeting else printed,
        "date": meeting.date.isoformat() if meeting else read_value(pack.evidence, "date"),
        "time": meeting.start_time.strftime("%H:%M") if meeting and meeting.start_time else "",
        "kind": document_kind(pack),
    }
    fields = []
    for name, value in values.items():
        found = _evidence(evidence, name)
        if name == "kind" and found and found.value not in value:
            found = None  # the heading said one thing, the parts found another
        entry = _field(name, value, found)
        if name == "body" and printed and printed != value:
            entry["reason"] += f"; printed “{printed}”, a name the council knows for it"
        if name == "kind" and not found and value:
            entry.update(score=0.8, sure=True, reason="worked out from the parts found")
        fields.append(entry)
    return fields


def _evidence(evidence: list[Evidence], field: str) -> Evidence | None:
    found = [entry for entry in evidence if entry.field == field]
    return max(found, key=lambda entry: entry.score) if found else None


def _field(name: str, value: str, evidence: Evidence | None) -> dict:
    score = evidence.score if evidence and value else (0.0 if not value else None)
    return {
        "field": name,
        "label": FIELDS[name],
        "value": value,
        "page": evidence.page if evidence else None,
        "text": evidence.text if evidence else "",
        "score": score,
        "reason": evidence.reason if evidence else ("not found" if not value else ""),
        "missing": not value,
        "sure": bool(value) and (score is None or score >= SURE),
    }


def _correction_field(field: str) -> str:
    return "start_time" if field == "time" else field


def _who(correction) -> str:
    return correction.made_by.get_username() if correction.made_by else "an admin"


def _when(correction) -> str:
    return correction.made_at.strftime("%-d %B %Y %H:%M")


def _reasons(fields: list[dict], meeting, notes: list[str], confirmed: bool) -> list[str]:
    """Why an admin should look: no meeting, a field read with too little evidence, the
    loader's notes. A confirmed reading is looked at already, unless it has no meeting."""
    reasons = []
    if meeting is None:
        missing = [e["label"].lower() for e in fields if e["field"] in ("body", "date")
                   and e["missing"]]  # fmt: skip
        reasons.append(f"{UNPLACED}: no {' and no '.join(missing) or 'meeting'} found")
    if confirmed:
        return reasons
    for entry in fields:
        if entry["field"] in CHECKED and not entry["missing"] and not entry["sure"]:
            where = f" from “{entry['text']}”" if entry["text"] else ""
            reasons.append(
                f"{entry['label'].lower()} unsure ({entry['score']:.2f}): "
                f"“{entry['value']}”{where} ({entry['reason']})"
            )
    return reasons + notes


def _minutes(document) -> dict:
    meeting: MeetingRecord = document.meeting
    return {
        "meeting": f"{meeting.body}, {meeting.date:%-d %B %Y}",
        "attendance": [
            {"name": person.name, "role": person.role} for person in document.attendance
        ],
        "minutes": [_minute(minute) for minute in document.minutes],
    }


def _minute(minute: MinuteRecord) -> dict:
    votes = [
        f"{count} {label}"
        for count, label in (
            (minute.votes_for, "for"),
            (minute.votes_against, "against"),
            (minute.votes_abstained, "abstained"),
        )
        if count is not None
    ]
    return {
        "number": minute.number,
        "title": minute.title,
        "page": minute.page,
        "outcome": minute.outcome,
        "decision": minute.resolved is not None,
        "resolved": (minute.resolved or "")[:300],
        "mover": minute.mover,
        "seconder": minute.seconder,
        "votes": ", ".join(votes),
        "named_votes": [f"{vote.name}: {vote.vote}" for vote in minute.votes],
    }

"""Matters: the steps of one piece of business linked across meetings and bodies, each link
with its reason, and the matter's page. Clues are tested on text; linking on real packs
from ../shared, on generated packs, and on rows made for the case."""

import datetime

import pytest

from meetings.demo import DemoMeeting, write_pack
from meetings.matters import clues, linking
from meetings.models import (
    AgendaItem,
    Body,
    Council,
    Decision,
    Document,
    Matter,
    MatterStatus,
    MatterStep,
    Meeting,
    Minute,
    Report,
)

D = datetime.date


# -- clues, from text -----------------------------------------------------------------------


def test_references_come_from_the_title_and_head_and_are_not_year_ranges():
    head = "DECISION NO: 23/00412\nCapital Programme 2024-2025. See file 2019-0457."
    assert clues.references("Waste Strategy", head) == ["23/00412", "2019-0457"]
    assert clues.references("Ordinance No. 2021-12 Zoning") == ["2021-12"]
    assert clues.references("Budget 2025-2026 and 2026-27") == []


def test_a_sentence_naming_a_body_and_a_date_is_a_mention():
    text = (
        "Background. The Environment Overview and Scrutiny Committee considered this report "
        "on 4 June 2025. Its comments follow. The Cabinet discussed it at its meeting on "
        "9 May. Spending rose on 1 April 2025."
    )
    found = clues.mentions(text, D(2025, 7, 1))
    assert [(m.date, m.body, m.deferral) for m in found] == [
        (D(2025, 6, 4), "The Environment Overview and Scrutiny Committee", False),
        (D(2025, 5, 9), "The Cabinet", False),  # no year: the last 9 May before the meeting
    ]


def test_a_deferral_names_its_own_body_by_saying_none():
    (mention,) = clues.mentions(
        "This item was deferred from the meeting on 3 April 2025.", D(2025, 5, 1)
    )
    assert (mention.date, mention.body, mention.deferral) == (D(2025, 4, 3), "", True)


def test_titles_match_without_stage_words_and_never_across_different_numbers():
    words = clues.title_words
    draft = words("Draft Flood Risk Management Strategy 2025-2030")
    assert clues.title_score(draft, words("Flood Risk Management Strategy 2025-2030")) == 1.0
    assert (
        clues.title_score(
            words("Performance Report Q2 2025/26"), words("Performance Report Q3 2025/26")
        )
        == 0
    )
    assert clues.title_score(words("Budget"), words("Budget")) == 0  # one word names many papers


@pytest.mark.parametrize(
    "title",
    ["Apologies for absence", "2. Declarations of Interest", "Minutes of the previous meeting",
     "To advise of any other items which the Chairman has decided to take as urgent",
     "Items referred from Overview and Scrutiny", "Question Time", "Date of next meeting",
     # motions and resolutions, as Nipissing's minutes and agenda print them
     "That the meeting be adjourned", "THAT the meeting do now adjourn",
     "That the minutes of the regular Council Meeting held August 13, 2024, be adopted as "
     "published.", "Resolution: Adopt the minutes of the meeting held August 13, 2024",
     "That this part of our meeting will be closed to the public as authorized by Section "
     "239(2) of the Municipal Act", "That we resume to an open public meeting",
     "Closed Session:", "That we pass By-Law 2024-38, being a By-Law to confirm the "
     "proceedings of Council at its meeting held August 13, 2024",
     "By-Law: Confirming Proceedings of Council at its meeting held September 3, 2024",
     "That apologies for absence be received from Cllr Smith",
     "That the date of the next meeting be Tuesday 5 March 2024",
     "That we accept the correspondence as presented",
     "Resolved that the declarations of interest be noted"],
)  # fmt: skip
def test_procedural_business_is_never_a_matter(title):
    assert clues.is_procedural(title)


@pytest.mark.parametrize(
    "title",
    ["Urgent Care Centre Review", "Revenue Budget 2026/27",
     "THAT we approve the updated Reserve and Reserve Fund Policy, as presented",
     "THAT we pass By-Law Number 2024-37, being a By-Law to adopt a policy to establish "
     "procedures for the sale of land",
     "That the application be adjourned to the next meeting for a site visit",
     "That the Council adopt the Local Plan and the minutes of consultation responses"],
)  # fmt: skip
def test_business_is_not_procedural(title):
    assert not clues.is_procedural(title)


# -- linking real packs ---------------------------------------------------------------------


def steps_of(matter: Matter) -> list[tuple]:
    return [
        (step.date, step.meeting.body.name, step.kind, step.reason)
        for step in matter.steps.select_related("meeting__body").order_by("date", "pk")
    ]


def matter_titled(words: str) -> Matter:
    return MatterStep.objects.get(title__startswith=words, kind="item").matter


@pytest.mark.django_db
def test_a_scrutiny_decision_and_the_cabinet_report_that_follows_are_one_matter(import_file, seed):
    import_file(seed("001"))  # Scrutiny Commission: minutes of its special meeting, 18 March
    import_file(seed("000"))  # Cabinet, 24 March: the response to the consultation
    matter = matter_titled("Local Government Reorganisation - Response")
    assert steps_of(matter) == [
        (D(2026, 3, 18), "Scrutiny Commission", "decision", "first"),
        (D(2026, 3, 24), "Cabinet", "item", "title"),
        (D(2026, 3, 24), "Cabinet", "report", "same_item"),
    ]
    cabinet = matter.steps.get(kind="item")
    assert cabinet.score == 0.86
    assert "18 March 2026" in cabinet.evidence
    assert matter.status == MatterStatus.PROPOSED  # decided at scrutiny, now before cabinet
    # Stay apart: every other Cabinet item of that day is business of its own.
    carers = matter_titled("Draft Leicestershire Carers Strategy")
    assert [step[2] for step in steps_of(carers)] == ["item", "report"]


def scrutiny_of_the_highways_programme(path):
    """A generated pack of the meeting that a Cabinet report of seed 000 says considered it."""
    committee = "Highways, Transport and Waste Overview and Scrutiny Committee"
    topic = "Highways and Transportation Capital Programme 2026/27"
    write_pack(DemoMeeting(committee, D(2026, 3, 5), [topic], 30), None, path)
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("seed_first", [True, False])
def test_a_sentence_links_the_meeting_it_names_whichever_is_imported_first(
    import_file, seed, tmp_path, seed_first
):
    scrutiny = scrutiny_of_the_highways_programme(tmp_path / "scrutiny.pdf")
    council = "Leicestershire County Council"  # the generated pack names another
    for path in (seed("000"), scrutiny) if seed_first else (scrutiny, seed("000")):
        import_file(path, council=council)
    matter = MatterStep.objects.get(kind="item", meeting__date=D(2026, 3, 5)).matter
    assert [(step[0], step[2]) for step in steps_of(matter)] == [
        (D(2026, 3, 5), "item"),
        (D(2026, 3, 5), "report"),  # under a heading naming the committee in full, commas and all
        (D(2026, 3, 24), "item"),
        (D(2026, 3, 24), "report"),
    ]
    named = matter.steps.get(kind="item", date=D(2026, 3, 5))
    cabinet = matter.steps.get(kind="item", date=D(2026, 3, 24))
    if seed_first:  # the named meeting came second: the stored sentence linked it
        assert named.reason == "sentence"
        assert "considered a report on the Programmes on 5 March 2026" in named.evidence
    else:  # Cabinet's item came second: its title was enough (its report says why too)
        assert (cabinet.reason, cabinet.score) == ("title", 0.8)
    report = matter.steps.get(kind="report", date=D(2026, 3, 24))
    assert D(2026, 3, 5) in [mention.date for mention in report.mentions.all()]


@pytest.mark.django_db
def test_a_decision_number_links_a_call_in_to_its_decision(import_file, realworld, tmp_path):
    import_file(realworld("kent_cabinet_2025-03-13"))  # "Consideration of Decision 24/00093"
    call_in = MatterStep.objects.get(reference="24/00093")
    assert (call_in.kind, call_in.matter.status) == ("call_in", MatterStatus.CALLED_IN)
    kent = call_in.meeting.body.council.slug
    decision = tmp_path / "decision.pdf"
    write_pack(
        DemoMeeting("Cabinet", D(2025, 2, 20), ["24/00093 - Commissioned Family Hubs"], 40),
        None,
        decision,
    )
    import_file(decision, council=kent)
    matter = Matter.objects.get(pk=call_in.matter_id)
    assert [(s[0], s[2], s[3]) for s in steps_of(matter)] == [
        (D(2025, 2, 20), "item", "reference"),
        (D(2025, 2, 20), "report", "same_item"),
        (D(2025, 3, 13), "call_in", "first"),
    ]
    assert matter.steps.get(kind="item").evidence == "24/00093"
    assert (matter.reference, matter.status) == ("24/00093", MatterStatus.CALLED_IN)


@pytest.mark.django_db
def test_confirming_minutes_marks_them_and_their_decisions_confirmed(import_file, tmp_path):
    first = DemoMeeting("Cabinet", D(2026, 1, 13), ["Rural Broadband Programme"], 10)
    second = DemoMeeting("Cabinet", D(2026, 2, 10), ["Youth Services Review"], 20, D(2026, 1, 13))
    third = DemoMeeting("Cabinet", D(2026, 3, 10), ["Carers Support Strategy"], 30, D(2026, 2, 10))
    for meeting, previous in ((first, None), (second, first), (third, second)):
        path = tmp_path / f"{meeting.date}.pdf"
        write_pack(meeting, previous, path)
        import_file(path)
    january = Meeting.objects.get(date=D(2026, 1, 13))
    confirming = january.minutes_confirmed_by
    # Minute 20 of 10 February confirmed them (printed in the pack of 10 March).
    assert (confirming.meeting.date, confirming.number) == (D(2026, 2, 10), "20")
    matter = MatterStep.objects.get(title__startswith="Rural Broadband", kind="item").matter
    assert [(s[0], s[2], s[3]) for s in steps_of(matter)] == [
        (D(2026, 1, 13), "item", "first"),
        (D(2026, 1, 13), "report", "same_item"),
        (D(2026, 1, 13), "decision", "same_item"),
    ]
    assert matter.status == MatterStatus.CONFIRMED
    february = MatterStep.objects.get(title__startswith="Youth Services", kind="item").matter
    assert february.status == MatterStatus.DECIDED  # its minutes are not yet confirmed


@pytest.mark.django_db
def test_procedural_motions_are_left_out_of_matters(import_file, realworld):
    """Of Nipissing's eleven resolutions of 3 September 2024, the business: not the last
    minutes, the correspondence, closed session and back, the confirming by-law, adjourning."""
    import_file(realworld("nipissing-township_council_2024-09-03_minutes"))
    titles = sorted(title[:40] for title in Matter.objects.values_list("title", flat=True))
    assert titles == [
        "THAT we accept the updated Community Saf",
        "THAT we approve the updated Reserve and ",
        "That the statement of accounts dated Aug",
        "That we approve the Quotation #SO30705 f",
        "That we authorize the submission of a gr",
    ]


@pytest.mark.django_db
@pytest.mark.ocr  # the agenda pack is scanned
def test_minutes_adopted_by_resolution_confirm_the_earlier_meeting(import_file, realworld):
    import_file(realworld("nipissing-township_council_2024-09-03_agenda"))
    import_file(realworld("nipissing-township_council_2024-09-03_minutes"))
    august = Meeting.objects.get(date=D(2024, 8, 13))
    assert august.minutes_confirmed_by.meeting.date == D(2024, 9, 3)


# -- linking rows made for the case ---------------------------------------------------------


@pytest.fixture
def council(db):
    return Council.objects.create(name="Wessex Vale Council", slug="wessex", short_name="Wessex")


def business(council, body_name, date, title, outcome=None, number="1"):
    """A meeting of `body_name` with one agenda item and, given an outcome, its decision."""
    body, _ = Body.objects.get_or_create(council=council, slug=body_name.lower().replace(" ", "-"),
                                         defaults={"name": body_name})  # fmt: skip
    meeting = Meeting.objects.create(body=body, date=date)
    item = AgendaItem.objects.create(meeting=meeting, number=number, position=1, title=title)
    if outcome:
        document = Document.objects.create(
            council=council, sha256=f"{date}{body.pk}", file_name="m.pdf", format="pdf"
        )
        minute = Minute.objects.create(meeting=meeting, number=number, position=1, title=title,
                                       agenda_item=item, document=document)  # fmt: skip
        Decision.objects.create(minute=minute, title=title, resolved="Resolved.", outcome=outcome)
    linking.link_meetings([meeting.pk])
    return item


def test_a_deferred_item_brought_back_to_the_same_body_is_one_matter(council):
    first = business(
        council, "Planning Committee", D(2025, 1, 8), "Land at Mill Lane, Otterton", "deferred"
    )
    assert first.matter_step.matter.status == MatterStatus.DEFERRED
    again = business(
        council, "Planning Committee", D(2025, 2, 5), "Land at Mill Lane, Otterton", "approved"
    )
    assert again.matter_step.matter_id == first.matter_step.matter_id
    assert again.matter_step.reason == "deferral"
    assert Matter.objects.get(pk=first.matter_step.matter_id).status == MatterStatus.DECIDED


def test_the_same_title_at_the_same_body_is_other_business_unless_deferred(council):
    first = business(council, "Cabinet", D(2025, 1, 8), "Revenue Budget Monitoring Report", "noted")
    again = business(council, "Cabinet", D(2025, 2, 5), "Revenue Budget Monitoring Report", "noted")
    assert again.matter_step.matter_id != first.matter_step.matter_id


def test_a_committee_cycle_links_each_body_once(council):
    scrutiny = business(
        council, "Scrutiny Commission", D(2025, 1, 8), "Draft Revenue Budget 2025/26"
    )
    cabinet = business(council, "Cabinet", D(2025, 2, 4), "Revenue Budget 2025/26")
    full = business(council, "County Council", D(2025, 2, 19), "Revenue Budget 2025/26")
    next_year = business(council, "Cabinet", D(2025, 3, 4), "Revenue Budget 2026/27")
    scrutiny_again = business(
        council, "Scrutiny Commission", D(2025, 3, 5), "Revenue Budget 2025/26"
    )
    matters = {step.matter_step.matter_id for step in (scrutiny, cabinet, full)}
    assert len(matters) == 1
    assert next_year.matter_step.matter_id not in matters
    assert scrutiny_again.matter_step.matter_id not in matters  # it went through scrutiny


def test_an_admin_merge_and_split_survive_linking_again(council):
    one = business(council, "Cabinet", D(2025, 1, 8), "Library Opening Hours Review")
    two = business(council, "Scrutiny Commission", D(2025, 6, 30), "Mobile Library Service")
    merged = linking.merge_matters([one.matter_step.matter, two.matter_step.matter])
    assert merged.steps.count() == 2 and merged.first_date == D(2025, 1, 8)
    assert set(merged.steps.values_list("reason", "pinned")) == {("first", True), ("admin", True)}
    third = business(council, "County Council", D(2025, 7, 9), "Mobile Library Service")
    assert third.matter_step.matter_id == merged.pk  # the title joins the merged matter
    new = linking.split_steps([MatterStep.objects.get(agenda_item=third)])
    linking.link_meetings(Meeting.objects.values_list("pk", flat=True))
    assert MatterStep.objects.get(agenda_item=third).matter_id == new.pk
    assert merged.steps.count() == 2


def test_a_report_that_is_not_public_is_never_quoted_as_evidence(council):
    named = business(council, "Audit Committee", D(2025, 3, 3), "Treasury Management Strategy")
    meeting = Meeting.objects.create(body=named.meeting.body, date=D(2025, 4, 7))
    document = Document.objects.create(
        council=council, sha256="secret", file_name="p.pdf", format="pdf"
    )
    Report.objects.create(
        meeting=meeting, document=document, position=1, slug="tms", restricted=True,
        title="Treasury Management Strategy",
        text="The Audit Committee considered the confidential bids on 3 March 2025.",
    )  # fmt: skip
    linking.link_meetings([meeting.pk])
    step = MatterStep.objects.get(report__slug="tms")
    assert step.matter_id == named.matter_step.matter_id
    assert "bids" not in step.evidence
    assert step.evidence == "A report that is not public names a meeting of 3 March 2025"


# -- pages ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_matter_page_shows_its_timeline_and_decision_pages_link_to_it(
    client, import_file, seed, django_assert_max_num_queries
):
    import_file(seed("001"))
    import_file(seed("000"))
    matter = matter_titled("Local Government Reorganisation - Response")
    with django_assert_max_num_queries(5):  # the matter, its steps, the agenda's pages …
        page = client.get(matter.get_absolute_url()).content.decode()
    assert "Proposed" in page
    positions = [page.index(date) for date in ("18 March 2026", "24 March 2026")]
    assert positions == sorted(positions)
    assert "Linked: Same title at the next body: “Local Government Reorganisation - Final" in page
    item = matter.steps.get(kind="item").agenda_item  # listed on the agenda's second page
    assert f'href="/documents/{item.document.sha256}/page/2/">The page in the pack' in page
    decision = matter.steps.get(kind="decision").minute.decision
    assert (
        f'href="{matter.get_absolute_url()}"'
        in client.get(decision.get_absolute_url()).content.decode()
    )
    report = matter.steps.get(kind="report").report
    assert (
        f'href="{matter.get_absolute_url()}"'
        in client.get(report.get_absolute_url()).content.decode()
    )
    cabinet = matter.steps.get(kind="item").meeting
    agenda = client.get(cabinet.get_absolute_url()).content.decode()
    assert (
        f'<a href="{matter.get_absolute_url()}">The matter across 2 meetings (proposed)</a>'
        in agenda
    )
    listing = client.get(f"/{matter.council.slug}/matters/?status=proposed").content.decode()
    assert matter.title in listing
    assert (
        matter.title
        not in client.get(f"/{matter.council.slug}/matters/?status=decided").content.decode()
    )


@pytest.mark.django_db
def test_an_unknown_matter_is_a_404(client, council):
    assert client.get("/wessex/matters/99999/").status_code == 404
    assert client.get("/nowhere/matters/").status_code == 404


@pytest.mark.django_db
def test_link_matters_links_an_archive_imported_before_matters(import_file, seed):
    from io import StringIO

    from django.core.management import call_command

    import_file(seed("001"))
    import_file(seed("000"))
    linked = sorted(MatterStep.objects.values_list("title", "reason"))
    Matter.objects.all().delete()
    out = StringIO()
    call_command("link_matters", stdout=out)
    matters = Matter.objects.count()
    followed = sum(
        len({step.meeting_id for step in matter.steps.all()}) > 1 for matter in Matter.objects.all()
    )
    assert out.getvalue() == (
        f"{len(linked)} steps added ({len(linked)} in all). The archive has {matters} matters, "
        f"{followed} of them across more than one meeting (the ones its matters pages list).\n"
    )
    assert 0 < followed < matters
    assert sorted(MatterStep.objects.values_list("title", "reason")) == linked
    call_command("link_matters", stdout=out)  # nothing more to add
    assert (
        out.getvalue()
        .splitlines()[-1]
        .startswith(
            f"No steps added: the imports had already linked all {len(linked)}. The archive has "
        )
    )


def test_an_admin_merges_matters_and_splits_steps_from_the_admin(admin_client, council):
    one = business(council, "Cabinet", D(2025, 1, 8), "Library Opening Hours Review")
    two = business(council, "Scrutiny Commission", D(2025, 6, 30), "Mobile Library Service")
    matters = [one.matter_step.matter_id, two.matter_step.matter_id]
    admin_client.post("/admin/meetings/matter/", {"action": "merge", "_selected_action": matters})
    assert Matter.objects.count() == 1
    admin_client.post(
        "/admin/meetings/matterstep/",
        {"action": "split", "_selected_action": [two.matter_step.pk]},
    )
    assert (
        MatterStep.objects.get(agenda_item=two).matter_id
        != MatterStep.objects.get(agenda_item=one).matter_id
    )


def test_steps_linked_after_a_merge_join_the_merged_matter(council):
    """A report's reference merges two matters; a later minute of the same meeting whose
    title matches a step of the merged-away matter joins the matter it went to."""
    strategy = business(council, "Cabinet", D(2025, 1, 8), "23/00412 - Waste Strategy")
    review = business(
        council, "Scrutiny Commission", D(2025, 1, 20), "Waste Collection Contract Review"
    )
    body = Body.objects.create(council=council, name="County Council", slug="county-council")
    meeting = Meeting.objects.create(body=body, date=D(2025, 2, 12))
    item = AgendaItem.objects.create(meeting=meeting, number="5", position=1,
                                     title="Waste Collection Contract Review")  # fmt: skip
    document = Document.objects.create(
        council=council, sha256="pack", file_name="p.pdf", format="pdf"
    )
    Report.objects.create(
        meeting=meeting,
        document=document,
        position=1,
        slug="r",
        agenda_item=item,
        title="Waste Collection Contract Review",
        text="DECISION NO: 23/00412",
    )
    minute = Minute.objects.create(
        meeting=meeting, number="9", position=2, title="Waste Strategy", document=document
    )
    Decision.objects.create(
        minute=minute, title="Waste Strategy", resolved="Agreed.", outcome="approved"
    )
    linking.link_meetings([meeting.pk])
    matter = MatterStep.objects.get(minute=minute).matter
    assert {strategy.matter_step.matter_id, review.matter_step.matter_id} == {matter.pk}
    assert matter.steps.count() == 5


# -- the API --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_matters_as_json_with_their_steps_and_why(
    client, import_file, seed, django_assert_max_num_queries
):
    import_file(seed("001"))
    import_file(seed("000"))
    matter = matter_titled("Local Government Reorganisation - Response")
    data = client.get(f"/api/matters/{matter.pk}/").json()
    base = "http://localhost:8000"
    assert (data["id"], data["web"]) == (
        f"{base}/api/matters/{matter.pk}/",
        f"{base}{matter.get_absolute_url()}",
    )
    assert (data["status"], data["first_date"], data["last_date"]) == (
        "proposed",
        "2026-03-18",
        "2026-03-24",
    )
    assert [(s["date"], s["body"], s["kind"], s["reason"], s["score"]) for s in data["steps"]] == [
        ("2026-03-18", "Scrutiny Commission", "decision", "first", None),
        ("2026-03-24", "Cabinet", "item", "title", 0.86),
        ("2026-03-24", "Cabinet", "report", "same_item", None),
    ]
    item = matter.steps.get(kind="item").agenda_item
    assert data["steps"][1]["page"] == f"{base}/documents/{item.document.sha256}/page/2/"
    harvested, url = [], "/api/matters/?council=leicestershire"
    while url:
        with django_assert_max_num_queries(8):
            answer = client.get(url).json()
        harvested += [row["id"] for row in answer["data"]]
        url = answer["next"] and answer["next"].removeprefix(base)
    assert len(harvested) == len(set(harvested)) == Matter.objects.count() > 20
    later = client.get("/api/matters/", {"modified_since": "2999-01-01T00:00:00Z"}).json()
    assert later == {"data": [], "next": None}
    assert client.get("/api/matters/", {"status": "lost"}).status_code == 400
    assert client.get("/api/matters/", {"modified_since": "yesterday"}).status_code == 400
    assert client.get("/api/matters/", {"modified_since": "2026-02-30T00:00"}).status_code == 400
    naive = client.get("/api/matters/", {"modified_since": "2000-01-01T00:00"}).json()
    assert len(naive["data"]) == 20
    assert client.get("/api/matters/", {"after": "-1"}).status_code == 400
    assert client.get("/api/matters/99999/").status_code == 404

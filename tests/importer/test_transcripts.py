"""Verbatim transcripts of council meetings: speakers' turns, the motions and votes in them.

The transcripts are made up in the styles of US city councils (with a clerk calling the roll),
English councils' verbatim records and a town council's hand-typed transcript; no real
council's words are copied.
"""

import datetime

from meetings.ingest.pack import parse_pack

CITY_TRANSCRIPT = """CITY OF BRANTWOOD
CITY COUNCIL REGULAR MEETING
VERBATIM TRANSCRIPT
Tuesday, March 4, 2031
7:00 p.m.
Council Chambers, 100 Main Street

THE MAYOR: Good evening, everyone. I call this regular meeting of the City Council to
order. Madam Clerk, please call the roll.
THE CLERK: Councilmember Adams?
COUNCILMEMBER ADAMS: Here.
THE CLERK: Vice Mayor Baker?
VICE MAYOR BAKER: Present.
THE CLERK: Councilmember Diaz?
COUNCILMEMBER DIAZ: Here.
THE CLERK: Mayor Chen?
THE MAYOR: Here. We have a quorum.
1. APPROVAL OF THE MINUTES
THE MAYOR: The first item is the minutes of February 18. Is there a motion?
COUNCILMEMBER ADAMS: I move approval of the minutes of February 18.
THE MAYOR: I'll second it. All in favor? Any opposed? The motion carries unanimously.
2. PARKING FEES ON MAIN STREET AND IN THE
HARBOR LOTS
THE MAYOR: Thank you. I'll move on to item 2, the parking fees. Mr. Ortiz, your report.
MR. ORTIZ: Thank you, Mayor. The proposal raises the hourly fee from one dollar to
a dollar fifty on Main Street only.
COUNCILMEMBER DIAZ: I move that the parking fee on Main Street be raised to $1.50
an hour from July 1.
COUNCILMEMBER ADAMS: I'll second that.
VICE MAYOR BAKER: I have a question. Will the residents' permits change?
MR. ORTIZ: No, they will not.
THE MAYOR: Madam Clerk, please call the roll.
THE CLERK: Councilmember Adams?
COUNCILMEMBER ADAMS: Aye.
THE CLERK: Vice Mayor Baker?
VICE MAYOR BAKER: No.
THE CLERK: Councilmember Diaz?
COUNCILMEMBER DIAZ: Aye.
THE CLERK: Mayor Chen?
THE MAYOR: Aye. The motion passes three to one.
3. ADJOURNMENT
THE MAYOR: There being no further business, we are adjourned at 7:42.
"""

COUNCIL_VERBATIM = """Eastmere Borough Council
Verbatim record of the meeting of the Council
held on Wednesday 12 March 2031 at 7.00 pm
Present: Councillors Green, Hughes, Patel and Shah (Mayor)

THE MAYOR: Good evening, members. We move to item 5, the notice of motion from
Councillor Patel.
COUNCILLOR PATEL: Thank you, Mr Mayor. I move that this Council declares a climate
emergency and commits to net zero by 2040.
COUNCILLOR GREEN: I second the motion, and reserve my right to speak.
THE MAYOR: Councillor Hughes.
COUNCILLOR HUGHES: Mr Mayor, I cannot support the date of 2040, which the officers
have not costed.
COUNCILLOR GREEN: The costs are in the appendix, Mr Mayor.
THE MAYOR: Then I put the motion to the vote. All those in favour? Against?
Abstentions? The motion is carried by 31 votes to 12.
COUNCILLOR HUGHES: Mr Mayor, I move that the Council asks the Cabinet to report on the
costs by September.
COUNCILLOR PATEL: Seconded.
THE MAYOR: All those in favour? Against? That is lost.
THE MAYOR: That concludes the business of the meeting. Thank you.
"""

TOWN_TRANSCRIPT = """Millbrook Town Council
Transcript of the Extraordinary Meeting of the Town Council
Monday 3 February 2031, 6.30pm, Millbrook Library

Cllr Ward (Chair) – Welcome. The only business tonight is the precept for 2031/32.
Cllr Jones – I propose that the precept is set at £142,000, as the Finance Committee
recommended.
Cllr Okafor – Seconded.
Cllr Ward (Chair) – Any debate? Cllr Hale.
Cllr Hale – I think we should hold the precept at last year's figure.
Cllr Jones – The reserves are below the level our auditor advised.
Cllr Ward (Chair) – We will take a vote. In favour, six. Against, two. Abstentions, one.
The proposal is carried.
Town Clerk – The meeting closed at 7.05pm.
"""


def minutes_of(text):
    pack = parse_pack(text.split("\f"))
    (minutes,) = pack.minutes
    return minutes


def test_a_transcripts_heading_names_the_meeting_and_the_roll_who_attended():
    minutes = minutes_of(CITY_TRANSCRIPT)
    meeting = minutes.meeting
    assert (meeting.body, meeting.date, meeting.start_time) == (
        "City Council",
        datetime.date(2031, 3, 4),
        datetime.time(19, 0),
    )
    assert [(p.name, p.role) for p in minutes.attendance] == [
        ("Adams", "member"),
        ("Baker", "member"),
        ("Diaz", "member"),
        ("Chen", "chair"),
    ]


def test_a_transcripts_items_keep_the_speakers_words_and_their_motions():
    minutes = minutes_of(CITY_TRANSCRIPT).minutes
    assert [(m.number, m.title) for m in minutes] == [
        ("1", "Approval of the Minutes"),
        ("2", "Parking Fees on Main Street and in the Harbor Lots"),
        ("3", "Adjournment"),
    ]
    approval, fees, adjournment = minutes
    assert approval.text.split("\n\n") == [
        "THE MAYOR: The first item is the minutes of February 18. Is there a motion?",
        "COUNCILMEMBER ADAMS: I move approval of the minutes of February 18.",
        "THE MAYOR: I'll second it. All in favor? Any opposed? The motion carries unanimously.",
    ]
    assert (approval.resolved, approval.outcome) == (
        "Approve the minutes of February 18.",
        "carried",
    )
    # "THE MAYOR" is Mayor Chen, who answered the roll as such
    assert (approval.mover, approval.seconder) == ("Adams", "Chen")
    assert (adjournment.resolved, adjournment.outcome) == (None, "")


def test_a_roll_call_vote_in_a_transcript_is_each_members_vote():
    fees = minutes_of(CITY_TRANSCRIPT).minutes[1]
    assert fees.resolved == (
        "The parking fee on Main Street be raised to $1.50 an hour from July 1."
    )
    assert (fees.outcome, fees.mover, fees.seconder) == ("carried", "Diaz", "Adams")
    assert (fees.votes_for, fees.votes_against) == (3, 1)
    # "No, they will not." answered a question in the debate: it is no vote; "I'll move on to
    # item 2" moved nothing.
    assert [(vote.name, vote.vote) for vote in fees.votes] == [
        ("Adams", "for"),
        ("Baker", "against"),
        ("Diaz", "for"),
        ("Chen", "for"),
    ]


def test_without_printed_items_each_motion_put_to_the_vote_is_a_minute():
    minutes = minutes_of(COUNCIL_VERBATIM)
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Eastmere Borough Council",
        datetime.date(2031, 3, 12),
    )
    assert [p.name for p in minutes.attendance] == ["Green", "Hughes", "Patel", "Shah"]
    emergency, costs = minutes.minutes
    assert (emergency.number, emergency.title) == (
        "1",
        "This Council declares a climate emergency and commits to net zero by 2040",
    )
    assert (emergency.outcome, emergency.mover, emergency.seconder) == (
        "carried",
        "Patel",
        "Green",
    )
    assert emergency.text.startswith("THE MAYOR: Good evening, members.")
    assert emergency.text.endswith("Abstentions? The motion is carried by 31 votes to 12.")
    assert (emergency.votes_for, emergency.votes_against) == (31, 12)
    assert (costs.number, costs.outcome, costs.mover, costs.seconder) == (
        "2",
        "rejected",
        "Hughes",
        "Patel",
    )
    assert costs.text.startswith("COUNCILLOR HUGHES: Mr Mayor, I move")


def test_speakers_named_with_a_dash_and_the_votes_counted_aloud():
    minutes = minutes_of(TOWN_TRANSCRIPT)
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Millbrook Town Council",
        datetime.date(2031, 2, 3),
    )
    (precept,) = minutes.minutes
    assert precept.resolved == (
        "The precept is set at £142,000, as the Finance Committee recommended."
    )
    assert (precept.mover, precept.seconder, precept.outcome) == ("Jones", "Okafor", "carried")
    assert (precept.votes_for, precept.votes_against, precept.votes_abstained) == (6, 2, 1)


REPORTERS_TRANSCRIPT = """LAKESIDE PLANNING COMMISSION
REPORTER'S TRANSCRIPT OF PROCEEDINGS
Wednesday, June 11, 2031
1 CHAIRMAN REYES: We'll call the meeting to order.
2 Will the secretary call the roll?
3 THE SECRETARY: Commissioner Boyd?
4 COMMISSIONER BOYD: Here.
5 THE SECRETARY: Commissioner Lin?
6 COMMISSIONER LIN: Here.
7 THE SECRETARY: Chairman Reyes?
8 CHAIRMAN REYES: Here. The only matter is the
9 tree ordinance. Is there a motion to recommend
10 the ordinance to the City Council?
\f1 COMMISSIONER LIN: So moved.
2 COMMISSIONER BOYD: Second.
3 CHAIRMAN REYES: All in favor? The ayes have it.
4 We are adjourned.
"""


def test_a_court_reporters_line_numbers_are_not_read():
    minutes = minutes_of(REPORTERS_TRANSCRIPT)
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Lakeside Planning Commission",
        datetime.date(2031, 6, 11),
    )
    assert [(p.name, p.role) for p in minutes.attendance] == [
        ("Boyd", "member"),
        ("Lin", "member"),
        ("Reyes", "chair"),
    ]
    (ordinance,) = minutes.minutes
    assert ordinance.resolved == "Recommend the ordinance to the City Council."
    assert (ordinance.mover, ordinance.seconder, ordinance.outcome) == ("Lin", "Boyd", "carried")
    assert "9 tree" not in ordinance.text and "the meeting to order" in ordinance.text


MINUTES_REPORTING_SPEAKERS = """HOLLOWFIELD PARISH COUNCIL
MINUTES
Tuesday 14 January 2031, 7.30pm, Village Hall
Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Evans, Cllr D Rhodes
1. Apologies
None.
2. Public participation
Mr Hill: asked when the bus shelter would be repaired.
Chair: replied that the contractor would attend next week.
Mr Hill: asked whether the council would write to the bus company.
Chair: replied that the clerk would write this week.
Mrs Rowe: asked about the speeding on Mill Lane.
Chair: said that the speed watch group would meet in February.
Mrs Rowe: asked for a speed sign.
Chair: agreed to put it on the next agenda.
Mr Hill: thanked the council.
3. Finance
It was RESOLVED that the accounts be approved for payment.
"""

MINUTES_QUOTING_QUESTIONS = """EASTMERE BOROUGH COUNCIL
MINUTES
Council meeting, Wednesday 12 March 2031, 7.00 pm
Present: Councillors Shah (Mayor), Green, Hughes, Patel and Young
1. Apologies
Apologies were received from Councillor Obi.
2. Questions from members
Councillor Green: Will the Leader say when the bus station will reopen?
The Leader: It will reopen in May.
Councillor Green: Will it have a café?
The Leader: Yes, run by a local charity.
Councillor Young: What will the repairs cost?
The Leader: £1.2 million, within the budget.
Councillor Young: Thank you.
3. Budget 2031/32
The Council considered the report of the Director of Finance.
It was RESOLVED that the budget for 2031/32 be approved.
4. Treasury management strategy
RESOLVED that the strategy be adopted.
5. Appointments
RESOLVED that Councillor Young be appointed to the Audit Committee.
6. Pay policy statement
RESOLVED that the pay policy statement be approved.
7. Members' allowances
RESOLVED that the allowances scheme be approved.
"""


def test_minutes_that_report_what_speakers_said_are_minutes():
    minutes = minutes_of(MINUTES_REPORTING_SPEAKERS)
    assert [m.title for m in minutes.minutes] == ["Apologies", "Public participation", "Finance"]
    assert minutes.minutes[2].resolved == "That the accounts be approved for payment."


def test_minutes_that_quote_questions_and_answers_are_minutes():
    minutes = minutes_of(MINUTES_QUOTING_QUESTIONS)
    assert [m.number for m in minutes.minutes] == ["1", "2", "3", "4", "5", "6", "7"]
    assert minutes.minutes[2].resolved == "That the budget for 2031/32 be approved."
    assert sum(m.resolved is not None for m in minutes.minutes) == 5


HEARING_TRANSCRIPT = """LAKESIDE PLANNING COMMISSION
TRANSCRIPT OF PUBLIC HEARING
Wednesday, June 11, 2031
CHAIRMAN REYES: This hearing is on the tree ordinance. Who wishes to speak?
MS. PARK: I do. The ordinance protects the oaks on my street.
CHAIRMAN REYES: Thank you. Next?
MR. OKAFOR: I worry about the cost to homeowners.
CHAIRMAN REYES: Thank you. Anyone else?
MS. PARK: Only that the oaks are a hundred years old.
CHAIRMAN REYES: The hearing is closed. We will deliberate next month.
"""


def test_a_transcript_that_decides_nothing_and_calls_no_roll_is_kept_as_pages():
    pack = parse_pack([HEARING_TRANSCRIPT])
    assert pack.minutes == []
    assert (pack.meeting.body, pack.meeting.date) == (
        "Lakeside Planning Commission",
        datetime.date(2031, 6, 11),
    )


REPRESENTATIONS = """NORTHAM DISTRICT COUNCIL
PLANNING COMMITTEE 12 MARCH 2031
Representations received on application 31/00456/OUT
1. Objections
Mr A Hill: I object to the loss of the field, which floods every winter.
Mrs B Rowe: I object. The lane cannot take the traffic.
Ms D Young: I object to the height of the houses.
Mrs F Obi: I object. There is no school place for the children.
Mr G Shah: I object to the access on the bend.
2. Support
Dr C Patel: I support the scheme, as the village needs homes.
Mr E Green: I support the new footpath.
Ms H Lowe: I support affordable homes here.
3. Comments
Mr J Cole: I ask that the hedges are kept.
"""

MEMBERS_LISTED = """Westmere Town Council
Planning Committee
AGENDA
Meeting on Monday 10 March 2031 at 7pm
Chair: Cllr P Grant
Vice-Chair: Cllr L Hope
Member: Cllr R Shah
Member: Cllr T Obi
Member: Cllr J Ford
Member: Cllr K Sands
Member: Cllr M Lowe
Member: Cllr N Ames
Member: Cllr O Dent
Member: Cllr S Hale
Clerk: Mrs E Clark
1. Apologies
2. Minutes of the last meeting
3. Finance
"""


def test_a_list_of_representations_each_by_another_person_is_no_transcript():
    assert parse_pack([REPRESENTATIONS]).minutes == []


def test_an_agendas_list_of_members_is_no_transcript():
    pack = parse_pack([MEMBERS_LISTED])
    assert pack.minutes == []
    assert [item.title for item in pack.meeting.agenda_items] == [
        "Apologies",
        "Minutes of the last meeting",
        "Finance",
    ]


def signed_minutes(month: str) -> str:
    paragraph = "The Council considered the report and asked the Clerk to write to the county.\n"
    return (
        f"CORRESPONDENCE\nThe Council noted the letters received in {month}.\n"
        + paragraph * 30
        + "Mayor: Tom Piper.\nClerk: Ann Lee.\n"
    )


PACK_WITH_SIGNED_MINUTES = (
    "TOWNSHIP OF LAKEVIEW\nCOUNCIL AGENDA\nTuesday, September 2, 2031\n"
    "1. Call to order\n2. Adoption of minutes\n3. Correspondence\n4. Adjournment\n"
    + "".join(signed_minutes(month) for month in ("May", "June", "July", "August"))
)


def test_signature_blocks_pages_apart_are_no_transcript():
    pack = parse_pack([PACK_WITH_SIGNED_MINUTES])
    assert pack.minutes == []
    assert [item.title for item in pack.meeting.agenda_items] == [
        "Call to order",
        "Adoption of minutes",
        "Correspondence",
        "Adjournment",
    ]

"""Annual parish and town meetings, and Scottish and Welsh community councils.

The documents are made up in the styles of English parish and town meetings of electors,
Scottish community councils (a sederunt, a convener) and Welsh community councils printing
Welsh and English together; no real council's words are copied.
"""

import datetime

from meetings.ingest.pack import parse_pack

ANNUAL_PARISH_MEETING = """Ashcombe Parish Council
Minutes of the Annual Parish Meeting
held on Wednesday 21 May 2031 at 7.00pm in the Village Hall
Present: Cllr P Grant (Chairman), Cllr L Hope and 14 electors.
1. Welcome and apologies
The Chairman welcomed everyone.
2. Minutes of the last Annual Parish Meeting
The minutes were signed as a true record.
3. Chairman's report
The Chairman reported on the year.
"""

ANNUAL_TOWN_MEETING = """BRINSFORD TOWN COUNCIL
ANNUAL TOWN MEETING
Agenda
Thursday 15 May 2031, 7pm, Brinsford Town Hall
1. Welcome by the Town Mayor
2. Minutes of the Annual Town Meeting 2030
3. The Town Mayor's report
4. Questions from electors
"""

MEETING_OF_THE_PARISH = """ANNUAL MEETING OF THE PARISH OF LITTLE ASHBY
Agenda
Monday 19 May 2031 at 7.30pm in the Church Room
1. Apologies
2. Minutes of the meeting of 20 May 2030
3. Report of the Parish Council
4. Questions from electors
"""

COUNCILS_OWN_ANNUAL_MEETING = """Westmere Parish Council
Annual Meeting of the Parish Council
Agenda
Tuesday 13 May 2031 at 7.30pm
1. Election of Chairman
2. Election of Vice-Chairman
3. Apologies
"""


def test_the_annual_parish_meeting_is_its_own_body_not_the_councils():
    (minutes,) = parse_pack([ANNUAL_PARISH_MEETING]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Annual Parish Meeting",
        datetime.date(2031, 5, 21),
    )
    assert [(p.name, p.role) for p in minutes.attendance] == [
        ("Cllr P Grant", "chair"),
        ("Cllr L Hope", "member"),
    ]
    assert [m.title for m in minutes.minutes] == [
        "Welcome and apologies",
        "Minutes of the last Annual Parish Meeting",
        "Chairman's report",
    ]


def test_an_annual_town_meeting_keeps_annual_in_its_name():
    meeting = parse_pack([ANNUAL_TOWN_MEETING]).meeting
    assert (meeting.body, meeting.date) == ("Annual Town Meeting", datetime.date(2031, 5, 15))
    assert len(meeting.agenda_items) == 4


def test_the_annual_meeting_of_the_parish_is_the_annual_parish_meeting():
    meeting = parse_pack([MEETING_OF_THE_PARISH]).meeting
    assert (meeting.body, meeting.date) == ("Annual Parish Meeting", datetime.date(2031, 5, 19))


def test_the_annual_meeting_of_the_parish_council_is_the_councils_own():
    meeting = parse_pack([COUNCILS_OWN_ANNUAL_MEETING]).meeting
    assert (meeting.body, meeting.date) == ("Westmere Parish Council", datetime.date(2031, 5, 13))


SCOTTISH_MINUTES = """GLENBRAE COMMUNITY COUNCIL
Minutes of the meeting of Glenbrae Community Council
held on Tuesday 4 March 2031 at 7pm in Glenbrae Village Hall
Sederunt: J Smith (Chair), A Brown (Secretary), R Fraser, K Munro
In attendance: Cllr D Ross (Highland Council), PC G Mackay (Police Scotland)
Apologies: L Grant
1. Minutes of previous meeting
The minutes of 4 February were approved, proposed by A Brown and seconded by R Fraser.
2. Police report
PC Mackay reported two incidents.
3. AOCB
None.
"""

SCOTTISH_MINUTE_ONE_A_LINE = """Kilbride & District Community Council
Minute of Meeting – Monday 10 March 2031, Kilbride Community Centre, 7.30pm
Sederunt
Ms A Reid (Convener)
Mr B Laing (Vice-Convener)
Mrs C Tait (Secretary)
Mr D Shaw
In attendance
Cllr E Moir, South Ayrshire Council
1. Apologies
Mr F Hay.
2. Minute of previous meeting
Approved: proposed Mr D Shaw, seconded Mrs C Tait.
3. Matters arising
None.
"""


def test_a_community_councils_sederunt_is_who_was_present():
    (minutes,) = parse_pack([SCOTTISH_MINUTES]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Glenbrae Community Council",
        datetime.date(2031, 3, 4),
    )
    assert [(p.name, p.role, p.note) for p in minutes.attendance] == [
        ("J Smith", "chair", ""),
        ("A Brown", "member", "Secretary"),
        ("R Fraser", "member", ""),
        ("K Munro", "member", ""),
        ("Cllr D Ross", "in_attendance", "Highland Council"),
        ("PC G Mackay", "in_attendance", "Police Scotland"),
        ("L Grant", "apologies", ""),
    ]


def test_a_sederunt_one_a_line_with_the_convener_in_the_chair():
    (minutes,) = parse_pack([SCOTTISH_MINUTE_ONE_A_LINE]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Kilbride & District Community Council",
        datetime.date(2031, 3, 10),
    )
    assert [(p.name, p.role) for p in minutes.attendance] == [
        ("Ms A Reid", "chair"),
        ("Mr B Laing", "member"),
        ("Mrs C Tait", "member"),
        ("Mr D Shaw", "member"),
        ("Cllr E Moir", "in_attendance"),
    ]
    assert [m.title for m in minutes.minutes] == [
        "Apologies",
        "Minute of previous meeting",
        "Matters arising",
    ]


WELSH_AND_ENGLISH_MINUTES = """CYNGOR CYMUNED LLANFAIR / LLANFAIR COMMUNITY COUNCIL
Cofnodion / Minutes
Dydd Llun / Monday 10 March 2031, 7pm
Yn bresennol / Present: Cyng. / Cllr E Hughes (Cadeirydd / Chair), Cyng. / Cllr G Jones
Ymddiheuriadau / Apologies: Cyng. / Cllr T Owen
1. Datgan Buddiant / Declarations of Interest
Dim / None.
2. Cofnodion / Minutes
Penderfynwyd / Resolved: that the minutes of 10 February 2031 be approved.
3. Cyllid / Finance
Penderfynwyd / Resolved: to pay the invoices listed.
"""

WELSH_ABOVE_ENGLISH_AGENDA = """Cyngor Cymuned Aberhafod
Aberhafod Community Council
Agenda / Rhaglen
Cyfarfod / Meeting: Dydd Iau / Thursday 13 March 2031, 7.00pm
1. Ymddiheuriadau / Apologies
2. Datgan buddiant / Declarations of interest
3. Cofnodion y cyfarfod blaenorol / Minutes of the previous meeting
"""


def test_welsh_and_english_minutes_are_read_in_english_and_keep_both_in_titles():
    pack = parse_pack([WELSH_AND_ENGLISH_MINUTES])
    (minutes,) = pack.minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Llanfair Community Council",
        datetime.date(2031, 3, 10),
    )
    assert pack.council.name == "Llanfair Community Council"
    assert [(p.name, p.role) for p in minutes.attendance] == [
        ("Cllr E Hughes", "chair"),
        ("Cllr G Jones", "member"),
        ("Cllr T Owen", "apologies"),
    ]
    assert [(m.title, m.resolved) for m in minutes.minutes] == [
        ("Datgan Buddiant / Declarations of Interest", None),
        ("Cofnodion / Minutes", "That the minutes of 10 February 2031 be approved."),
        ("Cyllid / Finance", "To pay the invoices listed."),
    ]
    assert "Penderfynwyd / Resolved" in pack.pages[0]  # the page keeps what was printed


def test_a_welsh_heading_above_its_english_one_gives_the_english_name():
    meeting = parse_pack([WELSH_ABOVE_ENGLISH_AGENDA]).meeting
    assert (meeting.body, meeting.date) == (
        "Aberhafod Community Council",
        datetime.date(2031, 3, 13),
    )
    assert [item.title for item in meeting.agenda_items] == [
        "Ymddiheuriadau / Apologies",
        "Datgan buddiant / Declarations of interest",
        "Cofnodion y cyfarfod blaenorol / Minutes of the previous meeting",
    ]


ENGLISH_FIRST_MINUTES = """Llanfair Community Council / Cyngor Cymuned Llanfair
Minutes / Cofnodion
Monday 10 March 2031 / Dydd Llun 10 Mawrth 2031
Present / Yn bresennol: Cllr E Hughes (Chair), Cllr G Jones
1. Apologies / Ymddiheuriadau
None.
2. Minutes / Cofnodion
Resolved / Penderfynwyd: that the minutes of 10 February 2031 be approved.
3. Finance / Cyllid
Resolved / Penderfynwyd: to pay the invoices listed.
"""

WELSH_NAME_ONLY = """Cyngor Cymuned Llanfair
Minutes of the meeting held on Monday 10 March 2031 at 7pm
Present: Cllr E Hughes (Chair), Cllr G Jones
1. Apologies
None.
2. Minutes
Resolved: that the minutes of 10 February 2031 be approved.
3. Finance
Resolved: to pay the invoices listed.
"""


def test_english_printed_before_the_welsh_is_read_the_same():
    (minutes,) = parse_pack([ENGLISH_FIRST_MINUTES]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Llanfair Community Council",
        datetime.date(2031, 3, 10),
    )
    assert [p.name for p in minutes.attendance] == ["Cllr E Hughes", "Cllr G Jones"]


def test_a_council_named_only_in_welsh_keeps_its_name():
    (minutes,) = parse_pack([WELSH_NAME_ONLY]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Cyngor Cymuned Llanfair",
        datetime.date(2031, 3, 10),
    )


ENGLISH_WITH_A_WELSH_VENUE = """Llanfair Community Council
Minutes of the meeting in Neuadd y Pentref, Llanfair, Monday 10 March 2031, 7pm
Present: Cllr E Hughes (Chair), Cllr G Jones
1. Apologies
None.
2. Minutes
Resolved: that the minutes of 10 February 2031 be approved.
"""


def test_english_minutes_held_in_a_hall_with_a_welsh_name_are_read_in_full():
    (minutes,) = parse_pack([ENGLISH_WITH_A_WELSH_VENUE]).minutes
    assert (minutes.meeting.date, minutes.meeting.start_time) == (
        datetime.date(2031, 3, 10),
        datetime.time(19, 0),
    )


ENGLISH_WITH_SLASHES = """Westmere Town Council
Highways / Footpaths Committee
Notes of the meeting on Tuesday 4 March 2031 at 6pm
Present: Cllr A Hale (Chair), Cllr B Rowe
1. Potholes / drainage
The group noted the list.
2. Signs / lines
None needed.
3. Next meeting
To be arranged.
"""


def test_english_lines_with_slashes_are_read_as_printed():
    (minutes,) = parse_pack([ENGLISH_WITH_SLASHES]).minutes
    assert minutes.meeting.body == "Highways / Footpaths Committee"

"""Ballot result sheets of a meeting: each ballot a decision, with its votes.

The sheets are made up in the styles of English parish and town councils' annual meetings and
of a returning officer's declaration; no real council's words are copied.
"""

import datetime

from meetings.ingest.pack import parse_pack

CHAIR_BALLOT = """Westmere Parish Council
Annual Meeting of the Parish Council
Result of the ballot for Chairman held 13 May 2031
Ann Brown 5
Colin Davies 3
Spoilt papers 0
The Clerk announced the result:
Ann Brown was declared elected Chairman of the Council for 2031/32.
"""

TWO_BALLOTS = """EASTBROOK TOWN COUNCIL
Annual Meeting of the Town Council – Monday 12 May 2031
Ballot results
1. Election of Town Mayor
Candidate Votes
Cllr Ann Brown 9
Cllr Colin Davies 6
Spoilt papers 1
Cllr Ann Brown was declared elected Town Mayor of Eastbrook for the municipal year
2031/32.
2. Motion to move meetings to the Community Centre (ballot requested by five members)
For 7
Against 8
Abstentions 1
The motion was lost.
"""


def minutes_of(text):
    pack = parse_pack([text])
    (minutes,) = pack.minutes
    return minutes


def test_a_ballot_for_the_chair_is_a_decision_of_the_meeting_with_its_votes():
    minutes = minutes_of(CHAIR_BALLOT)
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Westmere Parish Council",
        datetime.date(2031, 5, 13),
    )
    (election,) = minutes.minutes
    assert (election.number, election.title) == (
        "1",
        "Result of the ballot for Chairman held 13 May 2031",
    )
    assert (
        election.resolved == "Ann Brown was declared elected Chairman of the Council for 2031/32."
    )
    assert (election.outcome, election.votes_for, election.votes_against) == ("carried", 5, None)
    assert "Colin Davies 3" in election.text


def test_numbered_ballots_an_election_and_a_motion_voted_for_and_against():
    minutes = minutes_of(TWO_BALLOTS)
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Eastbrook Town Council",
        datetime.date(2031, 5, 12),
    )
    mayor, motion = minutes.minutes
    assert (mayor.number, mayor.title, mayor.votes_for) == ("1", "Election of Town Mayor", 9)
    assert mayor.resolved == (
        "Cllr Ann Brown was declared elected Town Mayor of Eastbrook for the municipal year "
        "2031/32."
    )
    assert (motion.number, motion.title) == (
        "2",
        "Motion to move meetings to the Community Centre (ballot requested by five members)",
    )
    assert (motion.resolved, motion.outcome) == ("The motion was lost.", "rejected")
    assert (motion.votes_for, motion.votes_against, motion.votes_abstained) == (7, 8, 1)


POLL_DECLARATION = """DECLARATION OF RESULT OF POLL
Westmere District Council
Election of a Parish Councillor for Westmere Parish
on Thursday 1 May 2031
I, J Smith, being the Returning Officer at the above election, do hereby give notice that
the number of votes recorded for each candidate at the said election is as follows:
Name of Candidate Description Number of Votes
BROWN Ann Independent 312
DAVIES Colin Green Party 187
The number of ballot papers rejected was 4.
And I do hereby declare that Ann BROWN is duly elected.
"""

MINUTES_WITH_A_BALLOT = """WESTMERE PARISH COUNCIL
MINUTES
Annual Meeting of the Parish Council, Tuesday 13 May 2031, 7.30pm
Present: Cllr A Brown, Cllr C Davies, Cllr E Evans, Cllr F Ford
1. Election of Chairman
A ballot was held.
Ann Brown 3
Colin Davies 1
Ann Brown was declared elected Chairman.
2. Apologies
None.
3. Minutes of the last meeting
It was RESOLVED that the minutes of 8 April 2031 be signed as a true record.
4. Finance
It was RESOLVED that the payments listed be approved.
5. Planning
No applications had been received.
"""

VOTES_WITHOUT_A_RESULT = """Westmere Parish Council
Annual Meeting of the Parish Council
Tuesday 13 May 2031
Indicative vote on the name of the new hall
Jubilee Hall 6
Westmere Hall 4
The council will decide at its June meeting.
The cost of the hall's new boiler was approved in April.
"""


def test_a_returning_officers_declaration_is_no_meetings_decision():
    assert parse_pack([POLL_DECLARATION]).minutes == []


def test_minutes_that_record_a_ballot_among_their_items_stay_minutes():
    minutes = minutes_of(MINUTES_WITH_A_BALLOT)
    assert [m.title for m in minutes.minutes] == [
        "Election of Chairman",
        "Apologies",
        "Minutes of the last meeting",
        "Finance",
        "Planning",
    ]


def test_votes_with_no_result_declared_decided_nothing():
    assert parse_pack([VOTES_WITHOUT_A_RESULT]).minutes == []


BUDGET_APPROVED = """Westmere Parish Council
Annual Meeting of the Parish Council
Tuesday 13 May 2031
Budget 2031/32
Precept 12000
Grants 400
Hall hire 650
The budget was approved by the Council.
"""

VOTING_PROCEDURE = """Westmere Parish Council
Annual Meeting of the Parish Council
Tuesday 13 May 2031
Voting procedure for the election of the Chairman
Standing Order 12
The procedure was approved by the Council in May 2025.
"""


def test_sums_approved_are_no_ballot():
    assert parse_pack([BUDGET_APPROVED]).minutes == []


def test_one_numbered_line_is_no_tally_of_votes():
    assert parse_pack([VOTING_PROCEDURE]).minutes == []


CORRESPONDENCE = """TOWNSHIP OF LAKEVIEW
COUNCIL AGENDA
Tuesday, September 2, 2031
Correspondence received, with the voting delegates' report
Attachment 3
Letter from the Lakeview Seniors Club about the hall.
Attachment 4
Mayor Robin Best of Westport was elected chair of the District Association.
"""


def test_numbers_ending_lines_apart_are_no_tally():
    assert parse_pack([CORRESPONDENCE]).minutes == []

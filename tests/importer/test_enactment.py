"""A resolution, ordinance, interpretation or délibération on its own: one decision of the
body and meeting its adoption clause names.

The documents are made up in the styles of US districts and cities and French communes.
"""

import datetime

from meetings.ingest.pack import parse_pack

BUDGET_RESOLUTION = """PORT OF HILLSIDE 2031 BUDGET RESOLUTION
No. 05-23-2031
ADOPTING THE BUDGET
BE IT RESOLVED that the Board of Commissioners of the Port of Hillside hereby adopts the
budget for the fiscal year 2031-2032 in the sum of $3,356,864.00.
BE IT RESOLVED that the amounts shown below are hereby appropriated.
ADOPTED by the Board of Commissioners this 23rd day of May, 2031.
Ann Bishop, Board Chair
"""


def test_a_resolution_adopted_by_a_board_on_a_day():
    (minutes,) = parse_pack([BUDGET_RESOLUTION]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Board of Commissioners",
        datetime.date(2031, 5, 23),
    )
    (decision,) = minutes.minutes
    assert (decision.number, decision.title, decision.outcome) == (
        "05-23-2031",
        "Adopting the Budget",
        "approved",
    )
    assert decision.resolved.startswith("BE IT RESOLVED that the Board of Commissioners")
    evidence = {e.field: e for e in minutes.meeting.evidence}
    assert evidence["date"].text.startswith("ADOPTED by the Board of Commissioners")


def test_a_resolution_passed_at_a_citys_meeting_with_its_vote():
    text = (
        "Resolution NO\n300 – 2031\nA resolution modifying the fee schedule of resolution "
        "259-2028. All fees listed take effect April 9th, 2031.\nFees\nVariance Permit $400\n"
        "Passed at the April 8, 2031 City of Hillside Meeting (4-1 vote)\n"
    )
    (minutes,) = parse_pack([text]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "City Council",
        datetime.date(2031, 4, 8),
    )
    (decision,) = minutes.minutes
    assert decision.title == "A resolution modifying the fee schedule of resolution 259-2028"
    assert decision.resolved == (
        "A resolution modifying the fee schedule of resolution 259-2028. All fees listed take "
        "effect April 9th, 2031."
    )
    assert (decision.votes_for, decision.votes_against, decision.outcome) == (4, 1, "carried")


def test_a_deliberation_of_a_conseil_municipal():
    text = (
        "DELIBERATION DU CONSEIL MUNICIPAL N° DEL2031_22\n"
        "DEFINITION DES ZONES D'ACCELERATION DES ENERGIES RENOUVELABLES\n"
        "Le 25 mars 2031, le conseil municipal de la commune de Vallon s'est réuni en session "
        "ordinaire.\nÉtaient présents : M. Jean Dupont, Mme Anne Martin\n"
        "Le conseil municipal, après en avoir délibéré, et, à l'unanimité (26 voix), décide :\n"
        "de définir les zones proposées.\n"
    )
    (minutes,) = parse_pack([text]).minutes
    assert (minutes.meeting.body, minutes.meeting.date) == (
        "Conseil Municipal",
        datetime.date(2031, 3, 25),
    )
    (decision,) = minutes.minutes
    assert (decision.number, decision.outcome, decision.votes_for) == ("DEL2031_22", "carried", 26)
    assert decision.title == "Definition des Zones D'acceleration des Energies Renouvelables"


def test_an_agenda_with_resolutions_among_its_items_is_an_agenda():
    text = (
        "TOWNSHIP OF LAKEVIEW\nAGENDA\nTuesday, September 3, 2031\n"
        "1. Disclosure of pecuniary interest\n2. Resolution: Adopt the minutes of August 13\n"
        "3. Resolution No. 2031-14 Approve the fire grant\nResolution: Receive the safety plan\n"
        "4. Adjournment\n"
        "Agenda approved by the Reeve on August 30, 2031.\n"
    )
    pack = parse_pack([text])
    assert (pack.meeting.body, len(pack.meeting.agenda_items), pack.minutes) == ("Council", 4, [])


def test_a_resolution_that_names_no_meeting_is_no_meeting():
    text = "RESOLUTION NO. 12-2031\nBE IT RESOLVED that the fees be revised.\n"
    assert (
        parse_pack([text], default_body="Board", default_date=datetime.date(2031, 1, 2)).minutes
        == []
    )

"""Decisions however they are worded: what was decided, the outcome, mover, seconder, votes."""

import pytest

from meetings.ingest.motions import find_motion


@pytest.mark.parametrize(
    ("text", "resolved", "outcome"),
    [
        (
            "The report was discussed. RESOLVED: that the report be noted.",
            "That the report be noted.",
            "noted",
        ),
        (
            "RESOLVED that the footpath scheme be approved.",
            "That the footpath scheme be approved.",
            "approved",
        ),
        (
            "It was resolved that the clerk writes to the county.",
            "That the clerk writes to the county.",
            "approved",
        ),
        (
            "The Committee considered the report. Decision: The Committee agreed to approve it.",
            "To approve it.",
            "approved",
        ),
        ("Decision: To note the report.", "To note the report.", "noted"),
        ("DECIDED: that the strategy be approved.", "That the strategy be approved.", "approved"),
        ("The Board decided to defer the item.", "To defer the item.", "deferred"),
        ("The Council agreed unanimously to adopt the policy.", "To adopt the policy.", "approved"),
        (
            "AGREED unanimously that the quote be accepted.",
            "That the quote be accepted.",
            "approved",
        ),
        (
            "The Committee resolved to defer the item to June.",
            "To defer the item to June.",
            "deferred",
        ),
        (
            "Councillors resolved to accept the lowest quote.",
            "To accept the lowest quote.",
            "approved",
        ),
        ("AGREED that the grant be paid.", "That the grant be paid.", "approved"),
        ("That the budget be adopted. Carried.", "That the budget be adopted.", "carried"),
        ("That the fence be replaced. Defeated.", "That the fence be replaced.", "rejected"),
        (
            "That the item be withdrawn by the applicant. Withdrawn.",
            "That the item be withdrawn by the applicant.",
            "withdrawn",
        ),
        (
            "Mr. Smith presented the report. That the item be deferred to April. Deferred.",
            "That the item be deferred to April.",
            "deferred",
        ),
        (
            "Motion to continue the public hearing to May 5, 2031. Continued.",
            "Motion to continue the public hearing to May 5, 2031.",
            "deferred",
        ),
        (
            "It was moved and seconded to table the item until the March meeting. Tabled.",
            "It was moved and seconded to table the item until the March meeting.",
            "deferred",
        ),
        (
            "There being no objections the Board, UPON MOTION duly made and seconded, approved the "
            "list of contractors.",
            "Approved the list of contractors.",
            "approved",
        ),
    ],
)
def test_wordings_of_a_decision(text, resolved, outcome):
    motion = find_motion(text)
    assert (motion.resolved, motion.outcome) == (resolved, outcome)


def test_result_mover_seconder_ayes_and_nays_labels():
    motion = find_motion(
        "RESULT: APPROVED [3 TO 1] MOVER: Ana Cruz, Supervisor SECONDER: Ben Ode "
        "AYES: Cruz, Ode, Park NAYS: Quinn",
        subject="Street tree ordinance",
    )
    assert (motion.resolved, motion.outcome) == ("Street tree ordinance", "approved")
    assert (motion.mover, motion.seconder) == ("Ana Cruz", "Ben Ode")
    assert (motion.votes_for, motion.votes_against) == (3, 1)
    assert motion.votes == [("Cruz", "for"), ("Ode", "for"), ("Park", "for"), ("Quinn", "against")]


def test_proposed_and_seconded_by_and_agreed_that():
    motion = find_motion(
        "Proposed by Cllr Amos, seconded by Cllr Bell and agreed that the precept be £20,000."
    )
    assert (motion.resolved, motion.outcome) == ("That the precept be £20,000.", "approved")
    assert (motion.mover, motion.seconder) == ("Amos", "Bell")


@pytest.mark.parametrize(
    "text",
    [
        "Proposed: Cllr Amos Seconded: Cllr Bell. All in favour.",
        "Cllr Amos proposed the grant. Cllr Bell seconded. Unanimous.",
    ],
)
def test_proposer_seconder_and_all_in_favour(text):
    motion = find_motion(text, subject="Grant to the village hall")
    assert (motion.outcome, motion.mover, motion.seconder) == ("carried", "Amos", "Bell")


def test_moved_then_seconded_by_to_then_passed():
    motion = find_motion(
        "MOTION: Council Member Park moved, seconded by Council Member Chen, to adopt "
        "Resolution 2031-04. VOTE: Motion passed 4-0."
    )
    assert (motion.resolved, motion.outcome) == ("To adopt Resolution 2031-04.", "carried")
    assert (motion.mover, motion.seconder, motion.votes_for) == ("Park", "Chen", 4)


def test_moved_by_and_seconded_by_labels_then_the_motion_and_carried():
    motion = find_motion(
        "Resolution No. 2031-041 Moved by: Councillor Wong Seconded by: Councillor Hill "
        "THAT the agenda be adopted as presented. Carried"
    )
    assert (motion.resolved, motion.outcome) == (
        "THAT the agenda be adopted as presented.",
        "carried",
    )
    assert (motion.mover, motion.seconder) == ("Wong", "Hill")


def test_moved_and_seconded_by_then_carried_with_a_count():
    motion = find_motion(
        "Moved by Cllr Amos, seconded by Cllr Bell that the hall fees rise by 5%. "
        "Motion carried 6-2-1."
    )
    assert motion.resolved == "That the hall fees rise by 5%."
    assert (motion.mover, motion.seconder, motion.outcome) == ("Amos", "Bell", "carried")
    assert (motion.votes_for, motion.votes_against, motion.votes_abstained) == (6, 2, 1)


def test_motion_and_second_in_brackets():
    motion = find_motion("APPROVED – 2031 meeting calendar – R. Diaz (motion), T. Moss (second)")
    assert (motion.outcome, motion.mover, motion.seconder) == ("approved", "R. Diaz", "T. Moss")


@pytest.mark.parametrize(
    "text",
    [
        "The Council noted the officer's update on the bypass.",
        "The City Manager said the work continued to improve.",
        "Councilmember Ito moved approval of the plan. Councilmember Ray seconded the motion.",
        "The applicant agreed to plant a new hedge along the lane.",
    ],
)
def test_discussion_without_an_outcome_is_not_a_decision(text):
    assert find_motion(text) is None


def test_on_a_motion_by_the_board_voted_to():
    motion = find_motion(
        "On a motion by Commissioner Ruiz, seconded by Commissioner Park, the Board voted "
        "unanimously to approve the paving contract."
    )
    assert (motion.resolved, motion.outcome) == ("To approve the paving contract.", "approved")
    assert (motion.mover, motion.seconder) == ("Ruiz", "Park")


def test_motion_by_seconded_by_to():
    motion = find_motion(
        "Motion by Trustee Hall, seconded by Trustee Vance, to adopt the budget. "
        "Motion carried unanimously."
    )
    assert (motion.resolved, motion.outcome) == ("To adopt the budget.", "carried")
    assert (motion.mover, motion.seconder) == ("Hall", "Vance")


def test_motion_second_and_vote_labels():
    motion = find_motion("MOTION: Commissioner Ruiz SECOND: Commissioner Park VOTE: 4-1", "Fees")
    assert (motion.resolved, motion.outcome, motion.mover, motion.seconder) == (
        "Fees",
        "carried",
        "Ruiz",
        "Park",
    )
    assert (motion.votes_for, motion.votes_against) == (4, 1)


def test_voting_yea_and_nay_names_are_counted():
    motion = find_motion(
        "Adopt the fee schedule. Voting Yea: Ames, Bell, Cho. Voting Nay: Dunn. Motion passed."
    )
    assert (motion.resolved, motion.outcome) == ("Adopt the fee schedule.", "carried")
    assert (motion.votes_for, motion.votes_against) == (3, 1)
    assert motion.votes[-1] == ("Dunn", "against")


@pytest.mark.parametrize(
    ("text", "resolved", "outcome", "mover", "seconder"),
    [
        (  # Ontario: the motion, each side's names and count, then the outcome on its own line
            "1. Moved by Councillor Findlay Seconded by Councillor Dent That Report 31-41 be "
            "received.\n\nVOTING IN FAVOUR: Mayor Hart, Councillors Bell and Dent (3)\n\n"
            "VOTING AGAINST: Councillor Furfaro (1)\n\nCARRIED",
            "That Report 31-41 be received.",
            "carried",
            "Findlay",
            "Dent",
        ),
        (  # a parish's initials
            "The following accounts were approved for payment: NO proposed JH seconded",
            "The following accounts were approved for payment",
            "approved",
            "NO",
            "JH",
        ),
        (
            "HD nominated and NS seconded that Ann Oak be elected Chair for the year.",
            "That Ann Oak be elected Chair for the year.",
            "",
            "HD",
            "NS",
        ),
        (
            "The minutes of the meeting held on 25th July 2031 were checked for accuracy, agreed "
            "as a true record and signed by the chair.",
            "The minutes of the meeting held on 25th July 2031 were checked for accuracy, agreed "
            "as a true record and signed by the chair.",
            "approved",
            "",
            "",
        ),
        (
            "Après délibération et à l’unanimité, le Conseil Municipal décide d’attribuer les "
            "subventions suivantes.",
            "Décide d’attribuer les subventions suivantes.",
            "carried",
            "",
            "",
        ),
        ("PENDERFYNWYD cymeradwyo’r cofnodion.", "Cymeradwyo’r cofnodion.", "approved", "", ""),
    ],
)
def test_decisions_of_more_house_styles(text, resolved, outcome, mover, seconder):
    motion = find_motion(text)
    assert (motion.resolved, motion.outcome, motion.mover, motion.seconder) == (
        resolved,
        outcome,
        mover,
        seconder,
    )


def test_each_sides_names_and_its_printed_count():
    motion = find_motion(
        "Moved by Councillor Piper Seconded by Councillor Hart That the statement be read.\n\n"
        "VOTING IN FAVOUR: Mayor Hart, Councillors Bell and Piper (3)\n\n"
        "VOTING AGAINST: Councillors Dent and Ellis (2)\n\nCARRIED"
    )
    assert (motion.votes_for, motion.votes_against) == (3, 2)
    assert motion.votes == [
        ("Hart", "for"), ("Bell", "for"), ("Piper", "for"), ("Dent", "against"),
        ("Ellis", "against"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Plans were approved by the district council last year.",  # another body's decision
        "The matter was discussed at length.",
    ],
)
def test_no_decision_where_none_was_taken_here(text):
    assert find_motion(text) is None


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Not heard.", "deferred"),
        ("Withdrawn.", "withdrawn"),
        ("Tabled.", "deferred"),
        # a title's last words wrapped onto the outcome's line, and an explanation before it
        ("Library. Not heard.", "deferred"),
        ("The applicant asked for more time to consult neighbours. Deferred.", "deferred"),
    ],
)
def test_an_item_not_heard_or_withdrawn_has_its_outcome_and_no_decision(text, outcome):
    motion = find_motion(text, subject="Annual Report of the Library")
    assert (motion.resolved, motion.outcome) == ("", outcome)


def test_the_first_motion_of_an_item_is_its_decision():
    motion = find_motion(
        "Moved by Councillor Piper Seconded by Councillor Hart That the plan be approved.\n\n"
        "CARRIED\n\nMoved by Councillor Dent Seconded by Councillor Bell That the meeting be "
        "adjourned.\n\nCARRIED"
    )
    assert (motion.resolved, motion.mover) == ("That the plan be approved.", "Piper")


def test_minutes_signed_as_a_true_record_by_the_chair_alone_are_no_decision():
    text = "The minutes of the last meeting were checked and signed as a true record."
    assert find_motion(text) is None


@pytest.mark.parametrize(
    ("text", "resolved", "outcome", "mover", "seconder", "counts"),
    [
        (  # an Australian shire: "Moved Cr X, Seconded Cr Y", the motion, then "CARRIED 4/1"
            "COUNCIL RESOLUTION 2031/114\nMoved Cr Nguyen, Seconded Cr Walker\nThat Council "
            "endorses the payments totalling $1,245,332.10.\nCARRIED 4/1",
            "That Council endorses the payments totalling $1,245,332.10.",
            "carried",
            "Nguyen",
            "Walker",
            (4, 1, None),
        ),
        (  # a US township: "Motion by X, support by Y, to …"
            "Motion by Ostrowski, support by Sullivan, to approve the purchase of thermal "
            "imaging cameras. Motion carried 6-1.",
            "To approve the purchase of thermal imaging cameras.",
            "carried",
            "Ostrowski",
            "Sullivan",
            (6, 1, None),
        ),
        (  # Legistar: "A motion was made by X, seconded by Y, that this matter be …"
            "A motion was made by Commissioner Benson, seconded by Commissioner Cortez, that "
            "this matter be Approved. The motion carried by the following vote:\nAye: 3 - "
            "Commissioner Akers, Commissioner Benson and Commissioner Cortez\nNay: 1 - "
            "Commissioner Dorsey",
            "That this matter be Approved.",
            "carried",
            "Benson",
            "Cortez",
            (3, 1, None),
        ),
        (  # an Irish county council: the proposal's title abbreviated with a full stop
            "On the proposal of Cllr. Tolan, seconded by Cllr. Behan, the minutes of the "
            "meeting held on 5th February 2031 were confirmed.",
            "The minutes of the meeting held on 5th February 2031 were confirmed.",
            "approved",
            "Tolan",
            "Behan",
            (None, None, None),
        ),
        (
            "Proposed by Cllr. Lawes, Seconded by Cllr. French, it was agreed to approve the "
            "disposal.",
            "To approve the disposal.",
            "approved",
            "Lawes",
            "French",
            (None, None, None),
        ),
        (
            "Following discussion it was proposed by Cllr. Behan and seconded by Cllr. Tolan and "
            "it was agreed to adopt the Service Delivery Plan.",
            "To adopt the Service Delivery Plan.",
            "approved",
            "Behan",
            "Tolan",
            (None, None, None),
        ),
        (  # a quoted motion, its proposer, then "For 25, Against 8, Abstain 2"
            '"That the Council calls on the Minister to fund the N2 upgrade."\nProposed by Cllr. '
            "French, Seconded by Cllr. Lawes.\nThe motion was put to a vote: For 25, Against 8, "
            "Abstain 2. The Cathaoirleach declared the motion carried.",
            '"That the Council calls on the Minister to fund the N2 upgrade."',
            "carried",
            "French",
            "Lawes",
            (25, 8, 2),
        ),
        (  # an English town council: the proposer and the count after the resolution
            "The Clerk presented the draft budget.\nRESOLVED: to set a precept of £245,000 for "
            "2031/32.\nProposed: Cllr Davies Seconded: Cllr Ahmed. 4 in favour, 1 against.",
            "To set a precept of £245,000 for 2031/32.",
            "approved",
            "Davies",
            "Ahmed",
            (4, 1, None),
        ),
    ],
)
def test_movers_seconders_and_counts_as_more_councils_print_them(
    text, resolved, outcome, mover, seconder, counts
):
    motion = find_motion(text)
    assert (motion.resolved, motion.outcome, motion.mover, motion.seconder) == (
        resolved,
        outcome,
        mover,
        seconder,
    )
    assert (motion.votes_for, motion.votes_against, motion.votes_abstained) == counts


def test_a_decision_in_the_passive_with_its_labelled_proposer():
    motion = find_motion(
        "The minute of 10th December 2031 was approved. Proposed: Fiona Grant; Seconded: "
        "Alasdair Ross."
    )
    assert (motion.resolved, motion.outcome, motion.mover, motion.seconder) == (
        "The minute of 10th December 2031 was approved.",
        "approved",
        "Fiona Grant",
        "Alasdair Ross",
    )


def test_a_roll_call_of_yes_and_no():
    motion = find_motion(
        "Motion by Tran, support by Walsh, to approve the consent agenda. Roll call vote: Yes: "
        "Kline, Patel, Tran. No: Walsh. Motion carried 3-1."
    )
    assert motion.votes == [
        ("Kline", "for"), ("Patel", "for"), ("Tran", "for"), ("Walsh", "against")
    ]  # fmt: skip
    assert (motion.votes_for, motion.votes_against) == (3, 1)


def test_a_matter_tabled_has_that_outcome_and_no_decision():
    motion = find_motion("This matter was Tabled.", subject="Agreement for stormwater services")
    assert (motion.resolved, motion.outcome, motion.mover) == ("", "deferred", "")


MOVED = "Councilmember Diaz moved to approve the agenda. Councilmember Park seconded. "


@pytest.mark.parametrize(
    ("outcome", "votes", "counts"),
    [
        ("Motion carried 6-1\n(Walsh).", [("Walsh", "against")], (6, 1, None)),
        ("Motion passed 4-1, Smith opposed.", [("Smith", "against")], (4, 1, None)),
        (
            "The motion passed 3-1-1 (Hale opposed, Mehta absent).",
            [("Hale", "against"), ("Mehta", "absent")],
            (3, 1, 1),
        ),
        (
            "Motion carried 5-2 with Councilmembers Ruiz and Lee dissenting.",
            [("Ruiz", "against"), ("Lee", "against")],
            (5, 2, None),
        ),
        ("Motion carried 4-0-1, Trustee Cole abstaining.", [("Cole", "abstained")], (4, 0, 1)),
        ("Nays: Walsh\n\nMotion carried.", [("Walsh", "against")], (None, 1, None)),
        # what is in brackets is no member unless as many as the noes, and names
        ("Motion carried 4-1 (Resolution 12).", [], (4, 1, None)),
        ("Motion carried 5-0 (Walsh).", [], (5, 0, None)),
    ],
)
def test_the_members_named_after_a_count_with_the_side_they_took(outcome, votes, counts):
    motion = find_motion(MOVED + outcome)
    assert (motion.outcome, motion.votes) == ("carried", votes)
    assert (motion.votes_for, motion.votes_against, motion.votes_abstained) == counts

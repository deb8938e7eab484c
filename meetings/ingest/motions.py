"""Decisions however a council words them: what was decided, the outcome, who moved and
seconded it, and the votes.

UK minutes say "RESOLVED that", "It was resolved", "The Committee resolved to", "AGREED";
US and Canadian minutes record motions: "X moved approval of …", "Y seconded the motion",
"Carried.", "Motion carried 5-0", "RESULT: APPROVED [UNANIMOUS]", "UPON MOTION duly made
and seconded, the Board approved …", "MOVER: … SECONDER: … AYES: … NAYS: …", or a roll call
"Daysog: Aye; Vella: Aye. Ayes: 5."
"""

import re
from dataclasses import dataclass, field

from meetings.ingest.records import MinuteRecord, VoteRecord

APPROVED, CARRIED, REJECTED, DEFERRED, NOTED, WITHDRAWN = (
    "approved",
    "carried",
    "rejected",
    "deferred",
    "noted",
    "withdrawn",
)
UNDECIDED = (DEFERRED, WITHDRAWN)  # outcomes of items on which nothing was decided
FOR, AGAINST, ABSTAINED, ABSENT = "for", "against", "abstained", "absent"

OUTCOME_WORDS = {
    "carried": CARRIED,
    "passed": CARRIED,
    "all in favour": CARRIED,
    "all in favor": CARRIED,
    "unanimous": CARRIED,
    "adopted": APPROVED,
    "approved": APPROVED,
    "agreed": APPROVED,
    "defeated": REJECTED,
    "lost": REJECTED,
    "failed": REJECTED,
    "rejected": REJECTED,
    "not carried": REJECTED,
    "granted": APPROVED,  # a licensing or planning board's decision
    "refused": REJECTED,
    "denied": REJECTED,
    "deferred": DEFERRED,
    "tabled": DEFERRED,
    "postponed": DEFERRED,
    "continued": DEFERRED,
    "not heard": DEFERRED,
    "laid over": DEFERRED,
    "withdrawn": WITHDRAWN,
    "noted": NOTED,
}
_OUTCOME = "|".join(sorted(OUTCOME_WORDS, key=len, reverse=True))
COUNT = (
    r"\(?(?P<ayes>\d{1,2})\s*(?:-|–|/|to)\s*(?P<noes>\d{1,2})(?![\d/])"
    r"(?:\s*(?:-|–|/|to)\s*(?P<abst>\d{1,2})(?![\d/]))?\)?"
)

# A sentence that is only the outcome: "Carried.", "Motion carried unanimously 5-0."
OUTCOME_SENTENCE = re.compile(
    rf"^(?:the\s+|this\s+)?(?:main\s+|amended\s+)?"
    rf"(?:motion|resolution|amendment|matter|item|application)?\s*(?:was\s+)?"
    rf"(?P<outcome>{_OUTCOME})\b(?P<unanimous>\s+unanimously)?(?:\s+(?:by a vote of\s+)?{COUNT})?"
    rf"(?P<rest>.*)$",
    re.IGNORECASE,
)
MOTION_OUTCOME = re.compile(  # "…, the motion carried by the following roll call vote"
    rf"\b(?:main\s+|amended\s+)?motion\s+(?:was\s+)?(?P<outcome>{_OUTCOME})\b"
    rf"(?P<unanimous>\s+unanimously)?(?:\s+(?:by a vote of\s+)?{COUNT})?",
    re.IGNORECASE,
)
LABELLED_OUTCOME = re.compile(  # "APPROVED – 2031 meeting calendar – R. Diaz (motion), …"
    rf"^(?P<outcome>{_OUTCOME})\s*[–:-]\s*(?P<what>[^–(]+?)\s*(?:[–(]|$)", re.IGNORECASE
)
RESULT = re.compile(
    rf"\bRESULT:\s*(?P<outcome>{_OUTCOME})\b\s*(?:\[(?P<tally>[^\]]*)\])?", re.IGNORECASE
)
UPON_MOTION = re.compile(
    r"\b(?:upon|on)\s+(?:a\s+)?motion\b[^,]{0,60},\s*(?:the\s+)?(?:\w+\s+){0,3}?"
    rf"(?P<what>(?P<outcome>{_OUTCOME})\b.*)$",
    re.IGNORECASE,
)
VOTED = re.compile(  # "…, the Board voted unanimously to approve the contract"
    rf"\bvoted\s+(?P<unanimous>unanimously\s+)?(?:{COUNT}\s+)?(?P<negated>not\s+)?"
    r"to\s+(?P<what>.+)$",
    re.IGNORECASE,
)
UK_RESOLVED = re.compile(
    r"^(?:Decisions?\s*:\s*)?"  # "Decision: The Committee agreed to …", as Scottish minutes say
    r"(?:(?:it\s+was\s+)?(?:unanimously\s+)?(?:RESOLVED|AGREED|DECIDED|PENDERFYNWYD|CYTUNWYD)\b"
    r"(?:\s+unanimously\b)?"
    r"|(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:Committee|Sub-Committee|Council|Councillors|Members"
    r"|Board|Cabinet|Panel|Commission|Forum|Meeting)\s+(?:unanimously\s+)?"
    r"(?:resolved|agreed|decided)(?:\s+unanimously)?\s+(?=that\b|to\b))"
    r"\s*:?\s*(?P<what>.*)$",
    re.IGNORECASE,
)
PROPOSED_AND_AGREED = re.compile(  # "Proposed by Cllr A, seconded by Cllr B and agreed that …",
    # "proposed by A and seconded by B and it was agreed to …"
    r"\b(?:proposed|moved)\s+by\s+(?P<mover>[^,;]+?),?\s+(?:and\s+)?seconded\s+by\s+"
    r"(?P<seconder>[^,;]+?),?\s+(?:and\s+)?(?:it\s+)?(?:(?:was|were)\s+)?(?:unanimously\s+)?"
    r"(?:agreed|resolved|carried)\b"
    r"(?:\s+unanimously)?\s*:?\s*(?P<what>.*)$",
    re.IGNORECASE,
)
DECISION_LABEL = re.compile(r"^Decisions?\s*:\s*(?P<what>\S.*)$")  # "Decision: To approve …"
# French minutes: "… après délibération et à l'unanimité, le Conseil Municipal décide d'attribuer …"
FRENCH_DECISION = re.compile(
    r"\b(?:le|la|l[’'])\s*(?:conseil|assemblée|bureau|comité|commission)\b[\w\s’'-]{0,40}?\s+"
    r"(?P<verb>décide|approuve|adopte|valide|accepte|autorise|émet|prend acte|désigne|fixe)\b"
    r"(?P<what>.*)$",
    re.IGNORECASE,
)
UNANIMOUS = re.compile(r"\b(?:unanimously|unanimous|l[’']unanimit[ée]|nem\.?\s*con)\b", re.I)
# "The following accounts were approved for payment", "The minutes … were agreed as a true
# record": a decision in the passive, recorded as one only with its proposer, its vote, or the
# minutes it confirms; otherwise it may tell of some other body's decision.
PASSIVE_DECISION = re.compile(
    r"^(?P<what>.+?\b(?:was|were)\s+(?:unanimously\s+)?(?:\w+\s+(?:and|for)\s+\w+,?\s+)?"
    r"(?:approved|agreed|adopted|accepted|ratified|confirmed|signed)\b.*)$",
    re.IGNORECASE,
)
PROPOSER_LABEL = re.compile(r"\b(?:Proposed|Proposer|Moved|Mover)(?:\s+by)?\s*:", re.IGNORECASE)
TRUE_RECORD = re.compile(r"\bminutes\b.*\b(?:true|correct|accurate)\s+record\b", re.IGNORECASE)
# "NO proposed JH seconded", "HD nominated and NS seconded that …", "the Leader proposed and
# Mr Oakford, Deputy Leader, seconded"
PROPOSED_SECONDED = re.compile(
    r"(?P<mover>\b(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}?)\s+"
    r"(?:proposed|nominated|moved),?\s+(?:and\s+)?"
    r"(?P<seconder>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}?)"
    r"(?:,[^.;]{0,160}?,)?\s+seconded\b(?:\s+(?P<what>(?:that|to)\b.*))?"
)
MOVED = re.compile(
    r"^(?P<mover>(?:[A-Z][\w.'’-]*\s+){1,5}?)(?:moved|proposed)\s+(?:(?:that|to)\b\s*)?(?P<what>.*)$"
)
SECONDED = re.compile(r"(?:^|;\s+)(?P<seconder>(?:[A-Z][\w.'’-]*\s+){1,5}?)seconded\b")
# "Moved by X, seconded by Y that …", "On a motion by X, seconded by Y, …", "Moved Cr X,
# Seconded Cr Y", "A motion was made by X, seconded by Y, that …", "Motion by X, support by Y,
# to …", "On the proposal of X, seconded by Y, …": without "by", a name follows the verb.
_BY_OR_NAME = r"(?:by\s+|(?=(?-i:[A-Z])))"
MOVED_BY = re.compile(
    r"\b(?:moved|proposed|motion(?:\s+(?:was\s+)?made)?|the\s+proposal\s+of)\s+"
    rf"{_BY_OR_NAME}(?P<mover>[^,;]+?)\s*(?:,|and|;)?\s+"
    rf"(?:seconded|supported|support)\s+{_BY_OR_NAME}"
    r"(?P<seconder>(?:[A-Z][a-z]{0,3}\.\s*)*[^,;.]+?)(?=\s+(?:that|to)\b|[,;.]|$)\s*(?P<what>.*)$",
    re.IGNORECASE,
)
_LABELS = (
    r"MOVER|MOVED BY|MOVED|PROPOSED BY|PROPOSER|PROPOSED|MOTION BY|MOTION|SECONDER|SECONDED BY"
    r"|SECONDED|SECOND|AYES?|YEAS?|YES|VOTING IN FAVOU?R|IN FAVOU?R|FOR"
    r"|VOTING YEA|NAYS?|VOTING NAY|VOTING AGAINST|AGAINST|OPPOSED|NOES"
    r"|ABSTAIN(?:ED|ENTIONS?|S)?|ABSENT|EXCUSED|RECUSED|VOTE"
)
MOVER_LABELS = {"MOVER", "MOVED BY", "MOVED", "PROPOSED BY", "PROPOSER", "PROPOSED", "MOTION BY",
                "MOTION"}  # fmt: skip
SECONDER_LABELS = {"SECONDER", "SECONDED BY", "SECONDED", "SECOND"}
VOTE_LINE = re.compile(rf"^(?:{_LABELS})\s*:", re.IGNORECASE)
LABELLED = re.compile(  # a label's value runs to the next label, or to the motion's "THAT"
    rf"\b(?P<label>{_LABELS})\s*:\s*(?P<value>.*?)(?=\s*\b(?:{_LABELS})\s*:|\s+(?-i:THAT|That)\b|$)",
    re.IGNORECASE,
)
# "That the item be withdrawn.", "Motion to continue …", "It was moved and seconded to table …"
MOTION_WORDING = re.compile(r"^(?:THAT|That|Motion\s+to)\b|\bmoved\b", re.IGNORECASE)
LABELLED_MOTION = re.compile(r"\s(?P<what>(?:THAT|That)\b.+)$")  # after "Seconded by: …"
MOVED_SECONDED = re.compile(  # "Council Member Park moved, seconded by Council Member Chen, to …"
    r"(?P<mover>(?:[A-Z][\w.'’-]*\s+){1,5}?)moved,?\s+(?:and\s+)?seconded\s+by\s+"
    r"(?P<seconder>[^,;]+?),?\s+(?P<what>(?:that|to)\b.*)$"
)
PAIR_MOTION = re.compile(  # "B. Munro (motion), C. Dallas (second)"
    r"(?P<mover>[A-Z][\w.'’ -]{1,40}?)\s*\(motion\),?\s*"
    r"(?P<seconder>[A-Z][\w.'’ -]{1,40}?)\s*\(second\)"
)
ROLL_VOTE = re.compile(
    r"(?:^|[;:,]\s*)(?:and\s+)?(?P<name>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*)\s*:\s*"
    r"(?P<vote>Aye|Yes|Yea|No|Nay|Abstain(?:ed)?|Absent|Recused)\b",
)
VOTE_WORDS = {
    "aye": FOR,
    "yes": FOR,
    "yea": FOR,
    "no": AGAINST,
    "nay": AGAINST,
    "abstain": ABSTAINED,
    "abstained": ABSTAINED,
    "absent": ABSENT,
    "recused": ABSTAINED,
}
LABEL_VOTES = {
    "aye": FOR,
    "ayes": FOR,
    "yes": FOR,
    "voting in favour": FOR,
    "voting in favor": FOR,
    "in favour": FOR,
    "in favor": FOR,
    "for": FOR,
    "voting against": AGAINST,
    "against": AGAINST,
    "opposed": AGAINST,
    "yea": FOR,
    "yeas": FOR,
    "voting yea": FOR,
    "nay": AGAINST,
    "nays": AGAINST,
    "voting nay": AGAINST,
    "noes": AGAINST,
    "absent": ABSENT,
    "excused": ABSENT,
    "recused": ABSTAINED,
}
TALLY = re.compile(
    r"\b(?P<ayes>\d{1,3})\s+(?:votes?\s+)?(?:in\s+favou?r|for)\b[,;]?\s*(?:and\s+|with\s+)?"
    r"(?P<noes>\d{1,3})\s+(?:votes?\s+)?against\b"
    r"(?:[,;]?\s*(?:and\s+|with\s+)?(?P<abst>\d{1,3})\s+(?:abstentions?|abstained|abstaining))?"
    r"|\b(?:in\s+favou?r|for)\s*[:-]?\s*(?P<ayes2>\d{1,3})[,;]?\s+against\s*[:-]?\s*"
    r"(?P<noes2>\d{1,3})(?:[,;]?\s+abst\w*\s*[:-]?\s*(?P<abst2>\d{1,3}))?",
    re.IGNORECASE,
)
NO_LINE = re.compile(r"^No\s*:\s*(?P<names>.+?)\.?$")  # after "Yes: …", the roll call's noes
COUNT_LABEL = re.compile(
    r"\b(?P<label>Ayes|Yeas|Nays|Noes|Abstentions?|Abstained)\s*[:-]\s*(?P<count>\d{1,2})\b", re.I
)
ROLE_WORDS = re.compile(
    r"^(?:(?:Vice|Deputy|Acting)\s+)?(?:Mayor|Chair(?:man|woman|person)?|President|Councilmembers?|"
    r"Council\s+Members?|Councillors?|Councilors?|Cllrs?\.?|Commissioners?|Aldermen|Alderman|"
    r"Alderpersons?|Trustees?|Supervisors?|Directors?|Members?|Magistrates?|Legislators?|"
    r"Freeholders?|Selectm[ae]n|Crs?\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+"
)
NAME_LIST = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+|\s*&\s*")  # "A, B and C"
# A sentence ends at a full stop (inside a closing quote too), never at a title's ("Cllr. French",
# "Cr. Jones"); before a number ("Ahmed. 4 in favour"), never after "No." ("No. 12").
_FULL_STOP = (
    r"(?:(?<=[a-z0-9)\]%][.!?])|(?<=[a-z0-9)\]%][.!?][\"”’]))"
    r"(?<!\bCllr\.)(?<!\bCr\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)"
)
SENTENCE_END = re.compile(rf"{_FULL_STOP}\s+(?=[A-Z(\"“‘])|{_FULL_STOP}(?<!\bNo\.)\s+(?=\d)")


@dataclass
class Motion:
    resolved: str
    outcome: str = ""
    mover: str = ""
    seconder: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstained: int | None = None
    votes: list[tuple[str, str]] = field(default_factory=list)  # (name, for/against/…)


def sentences(text: str) -> list[str]:
    """The sentences of a text; a paragraph ends a sentence ("CARRIED" alone on its line)."""
    return [
        part.strip()
        for paragraph in text.split("\n\n")
        for part in SENTENCE_END.split(" ".join(paragraph.split()))
        if part.strip()
    ]


def find_motion(text: str, subject: str = "") -> Motion | None:
    """The decision recorded in an item's text, or None where nothing was decided.

    `subject` (the item's title) stands for what was decided where only the outcome is printed.
    """
    parts = sentences(text)
    motion = Motion(resolved="")
    proposal, proposed_at = "", 0
    for position, sentence in enumerate(parts):
        if motion.outcome and _starts_a_motion(sentence):
            break  # the next motion of the item: the first one decided it
        seconded = "seconded" in sentence.lower()  # what the patterns of a seconder need
        if seconded and (match := PROPOSED_AND_AGREED.search(sentence)):
            motion.mover, motion.seconder = _name(match["mover"]), _name(match["seconder"])
            rest = " ".join([match["what"], *parts[position + 1 :]])
            motion.resolved, motion.outcome = _capitalised(rest), APPROVED
            break
        if match := UK_RESOLVED.match(sentence) or DECISION_LABEL.match(sentence):
            following = parts[position + 1 :]
            cut = next(
                (i for i, part in enumerate(following) if _records_vote(part) or outcome_of(part)),
                None,
            )
            motion.resolved = _capitalised(" ".join([match["what"], *following[:cut]]))
            after = following[cut:] if cut is not None else []
            printed = next((outcome_of(part) for part in after if outcome_of(part)), "")
            motion.outcome = motion.outcome or printed or _outcome_of_resolution(motion.resolved)
            for part in after:
                _movers_and_votes(motion, part)
            break
        if seconded and (match := PROPOSED_SECONDED.search(sentence)) and match["what"]:
            # "NO proposed and JH seconded that Heidi Dennison be elected vice chair"
            motion.mover, motion.seconder = _name(match["mover"]), _name(match["seconder"])
            motion.resolved = proposal = _capitalised(match["what"])
            continue
        if match := FRENCH_DECISION.search(sentence):
            motion.resolved = _capitalised(f"{match['verb']}{match['what']}")
            motion.outcome = NOTED if match["verb"].lower() == "prend acte" else APPROVED
            if UNANIMOUS.search(sentence):
                motion.outcome = CARRIED if motion.outcome == APPROVED else motion.outcome
            break
        moved = MOVED_BY.search(sentence)
        if _passive_decision(sentence, parts[position + 1 : position + 2]) and not _proposes(
            sentence, moved
        ):
            # "On the proposal of X, seconded by Y, the minutes … were confirmed."
            decided = moved["what"].strip(" ,") if moved and moved["what"] else sentence
            motion.resolved = _capitalised(decided.split(": ")[0].rstrip(" :"))
            motion.outcome = APPROVED
            for part in parts[position : position + 2]:  # "… was approved. Proposed: A; …"
                _movers_and_votes(motion, part)
            break
        if moved and (what := _moved_what(moved["what"])):
            proposal, proposed_at = what, position
        if seconded and (match := MOVED_SECONDED.search(sentence)):
            proposal, proposed_at = _proposal(match["what"]), position
        elif LABELLED.search(sentence) and (match := LABELLED_MOTION.search(sentence)):
            proposal, proposed_at = _capitalised(match["what"]), position
        if match := MOVED.match(sentence):
            what = match["what"]
            if second := SECONDED.search(what):  # "X moved to …; Y seconded."
                motion.seconder, what = _name(second["seconder"]), what[: second.start()]
            motion.mover, proposal = _name(match["mover"]), _proposal(what)
            proposed_at = position
        elif match := SECONDED.search(sentence):
            motion.seconder = _name(match["seconder"])
        elif (match := UPON_MOTION.search(sentence)) or (match := LABELLED_OUTCOME.match(sentence)):
            motion.outcome = OUTCOME_WORDS[match["outcome"].lower()]
            motion.resolved = _capitalised(match["what"])
        elif match := VOTED.search(sentence):
            motion.outcome = REJECTED if match["negated"] else APPROVED
            motion.resolved = _capitalised(f"to {match['what']}")
            _counts(motion, match)
        elif match := RESULT.search(sentence):
            motion.outcome = OUTCOME_WORDS[match["outcome"].lower()]
            _tally(motion, match["tally"] or "")
        elif (
            (match := OUTCOME_SENTENCE.match(sentence))
            and _is_outcome(match)
            or (match := MOTION_OUTCOME.search(sentence))
        ):
            motion.outcome = OUTCOME_WORDS[match["outcome"].lower()]
            _counts(motion, match)
            before = [part for part in parts[:position] if not _records_vote(part)]
            if proposal.endswith(":"):  # "That the Council:" then its clauses "a) receives …"
                clauses = parts[proposed_at + 1 : position]
                proposal = " ".join([proposal, *(c for c in clauses if not _records_vote(c))])
            if motion.outcome not in UNDECIDED:
                motion.resolved = motion.resolved or proposal or " ".join(before)
            elif before and MOTION_WORDING.search(before[-1]):
                # "Motion to continue the hearing. Continued.", not "… Pandemic. Not heard."
                motion.resolved = motion.resolved or proposal or before[-1]
        _movers_and_votes(motion, sentence)
    if not motion.outcome and not motion.resolved:
        return None
    _count_named_votes(motion)
    if not (motion.resolved or proposal) and motion.outcome in UNDECIDED:
        return motion  # not heard, deferred, withdrawn: nothing was decided
    motion.resolved = (motion.resolved or proposal or subject).strip()
    return motion if motion.resolved else None


def _proposes(sentence: str, moved: re.Match | None) -> bool:
    """A motion's words put to the vote: "Moved by X, seconded by Y that the minutes …",
    "Moved: X Seconded: Y That the minutes …"."""
    if moved and _moved_what(moved["what"]):
        return True
    return bool(LABELLED.search(sentence) and LABELLED_MOTION.search(sentence))


def _records_vote(sentence: str) -> bool:
    """A sentence that records who moved, seconded or voted, not what was decided."""
    if VOTE_LINE.match(sentence) or TALLY.search(sentence):
        return True
    moved = MOVED_BY.search(sentence)
    return bool(moved and not moved["what"].strip(" .,"))


def _starts_a_motion(sentence: str) -> bool:
    return bool(
        MOVED_BY.search(sentence)
        or MOVED.match(sentence)
        or PROPOSED_SECONDED.search(sentence)
        or UK_RESOLVED.match(sentence)
    )


def _passive_decision(sentence: str, following: list[str]) -> bool:
    """'The following accounts were approved for payment: NO proposed JH seconded'."""
    if TRUE_RECORD.search(sentence):
        # agreed, not merely signed: the chair signs what the meeting agreed
        return bool(re.search(r"\b(?:agreed|approved|confirmed|adopted)\b", sentence, re.I))
    if not PASSIVE_DECISION.match(sentence):
        return False
    nearby = " ".join([sentence, *following])
    return bool(
        PROPOSED_SECONDED.search(nearby)
        or MOVED_BY.search(nearby)
        or PROPOSER_LABEL.search(nearby)
        or UNANIMOUS.search(sentence)
    )


def movers(text: str) -> tuple[str, str]:
    """Who moved and who seconded the motion a text records ('the Leader proposed and Mr
    Oakford seconded the above motion'), before the resolution it led to."""
    motion = Motion(resolved="")
    for sentence in sentences(text):
        _movers_and_votes(motion, sentence)
    return motion.mover, motion.seconder


def outcome_of(sentence: str) -> str:
    """The outcome a sentence of its own records ('Carried.', 'Not heard.'), or ''."""
    match = OUTCOME_SENTENCE.match(sentence)
    return OUTCOME_WORDS[match["outcome"].lower()] if match and _is_outcome(match) else ""


def _is_outcome(match: re.Match) -> bool:
    """'Carried.', 'Motion carried 5-0 by roll call', not 'Continued discussion of …'."""
    rest = match["rest"].strip(" .")
    return not rest or rest.lower().startswith(("by ", "unanimously", "with ", "on a ", "("))


def _counts(motion: Motion, match: re.Match) -> None:
    if match["ayes"]:
        motion.votes_for, motion.votes_against = int(match["ayes"]), int(match["noes"])
        motion.votes_abstained = int(match["abst"]) if match["abst"] else None


def _vote_line(motion: Motion, value: str) -> None:
    """'VOTE: 5-0', 'VOTE: Unanimous': a motion put to the vote was carried or lost by it."""
    _tally(motion, value)
    if motion.votes_for is not None:
        lost = motion.votes_against is not None and motion.votes_against >= motion.votes_for
        motion.outcome = motion.outcome or (REJECTED if lost else CARRIED)
    elif value.lower().startswith("unanim"):
        motion.outcome = motion.outcome or CARRIED


def _tally(motion: Motion, tally: str) -> None:
    if count := re.search(COUNT, tally):
        _counts(motion, count)


def _movers_and_votes(motion: Motion, sentence: str) -> None:
    if match := MOVED_BY.search(sentence):
        motion.mover, motion.seconder = _name(match["mover"]), _name(match["seconder"])
    if match := PAIR_MOTION.search(sentence):
        motion.mover, motion.seconder = _name(match["mover"]), _name(match["seconder"])
    for match in LABELLED.finditer(sentence):
        label, value = match["label"].upper(), match["value"].strip(" .;,")
        if label in MOVER_LABELS:
            motion.mover = _name(value)
        elif label in SECONDER_LABELS:
            motion.seconder = _name(value)
        elif label == "VOTE":
            _vote_line(motion, value)
        elif value and not value.isdigit() and value.lower() not in {"none", "nil", "n/a"}:
            vote = LABEL_VOTES.get(label.lower(), ABSTAINED)
            value = _count_after(motion, vote, value)
            motion.votes += [(name, vote) for name in split_names(value)]
    if "seconded" in sentence.lower() and (match := MOVED_SECONDED.search(sentence)):
        motion.mover, motion.seconder = _name(match["mover"]), _name(match["seconder"])
    if "seconded" in sentence.lower() and (match := PROPOSED_SECONDED.search(sentence)):
        motion.mover = _name(_capitalised(match["mover"]))
        motion.seconder = _name(_capitalised(match["seconder"]))
    for match in ROLL_VOTE.finditer(sentence):
        motion.votes.append((_name(match["name"]), VOTE_WORDS[match["vote"].lower()]))
    if match := TALLY.search(sentence):
        ayes, noes, abstained = (match["ayes"] or match["ayes2"], match["noes"] or match["noes2"],
                                 match["abst"] or match["abst2"])  # fmt: skip
        motion.votes_for, motion.votes_against = int(ayes), int(noes)
        motion.votes_abstained = int(abstained) if abstained else motion.votes_abstained
    if (match := NO_LINE.match(sentence)) and any(v == FOR for _, v in motion.votes):
        names = match["names"]
        if names.lower() not in {"none", "nil", "n/a"}:
            motion.votes += [(name, AGAINST) for name in split_names(names)]
    for match in COUNT_LABEL.finditer(sentence):
        count, label = int(match["count"]), match["label"].lower()
        if label in {"ayes", "yeas"}:
            motion.votes_for = count
        elif label in {"nays", "noes"}:
            motion.votes_against = count
        else:
            motion.votes_abstained = count
    if match := NAMED_AFTER_COUNT.search(sentence):
        _named_after_count(motion, match)


# The members named after a vote's count: "6-1 (Walsh)", "4-1, Smith opposed", "3-1-1 (Hale
# opposed, Mehta absent)", "5-2 with Councilmembers Ruiz and Lee dissenting".
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*"
_SIDE = (
    r"opposed|dissenting|dissented|against|voting\s+(?:no|nay|against)|(?:voted\s+)?(?:no|nay)"
    r"|abstaining|abstained|abstention|recused|absent"
)
NAMED_AFTER_COUNT = re.compile(
    rf"{COUNT}\s*(?:[,;]\s*|\s+with\s+)?(?:\((?P<bracket>[^()]{{1,120}})\)"
    rf"|(?P<names>{_NAME}(?:(?:,\s*(?:and\s+)?|\s+and\s+){_NAME}){{0,5}})\s+(?P<side>{_SIDE})\b)"
)
SIDE_OF = re.compile(rf"^(?P<names>.+?)\s+(?P<side>{_SIDE})$", re.IGNORECASE)


def _side(word: str) -> str:
    word = word.lower()
    if word == "absent":
        return ABSENT
    return ABSTAINED if word.startswith(("abst", "recused")) else AGAINST


def _named_after_count(motion: Motion, match: re.Match) -> None:
    """Each member named after the count with the side they took; bare names in brackets
    ("6-1 (Walsh)") are the noes where there are as many of them as the count says."""
    named = dict(motion.votes)
    if match["names"]:
        sides = [(split_names(match["names"]), _side(match["side"]))]
    else:
        parts = [part.strip() for part in re.split(r"[;,]", match["bracket"]) if part.strip()]
        sides = [
            (split_names(side["names"]), _side(side["side"])) if (side := SIDE_OF.match(p))
            else ([name for name in split_names(p) if re.fullmatch(_NAME, name)], None)
            for p in parts
        ]  # fmt: skip
        bare = [name for names, side in sides if side is None for name in names]
        noes = int(match["noes"])
        sides = [(names, side or (AGAINST if len(bare) == noes else None)) for names, side in sides]
    for names, side in sides:
        for name in names:
            if side and name not in named:
                named[name] = side
                motion.votes.append((name, side))


COUNT_AFTER = re.compile(r"\s*\((\d{1,3})\)\s*$")  # "Councillors Bell and Piper (2)"
COUNT_BEFORE = re.compile(r"^(\d{1,3})\s*[-–:]\s*")  # "Aye: 5 - Commissioner Akers, …"


def _count_after(motion: Motion, vote: str, names: str) -> str:
    """The names of a side, without the count printed after or before them, which is kept."""
    match = COUNT_AFTER.search(names) or COUNT_BEFORE.match(names)
    if match:
        count = int(match[1])
        if vote == FOR:
            motion.votes_for = count
        elif vote == AGAINST:
            motion.votes_against = count
        return names[: match.start()] if match.start() else names[match.end() :]
    return names


def _count_named_votes(motion: Motion) -> None:
    """Counts from the names on each side, where no count is printed."""
    if not motion.votes:
        return
    unique = dict(motion.votes)
    motion.votes = list(unique.items())
    counts = {vote: sum(1 for v in unique.values() if v == vote) for vote in (FOR, AGAINST)}
    if motion.votes_for is None and counts[FOR]:  # "Nays: Walsh" alone counts no ayes
        motion.votes_for = counts[FOR]
    if motion.votes_against is None:
        motion.votes_against = counts[AGAINST]


def split_names(text: str) -> list[str]:
    """'Councilmembers Daysog, Knox White and Mayor Ezzy Ashcraft' -> three names."""
    return [name for part in NAME_LIST.split(text) if (name := _name(part))]


def _name(text: str) -> str:
    text = text.split(",")[0].strip(" .;:–-")  # "Ana Cruz, Supervisor"
    while match := ROLE_WORDS.match(text):
        text = text[match.end() :]
    return text if re.match(r"^[A-Z]", text) and len(text) <= 60 else ""


def _moved_what(text: str) -> str:
    """What 'moved by X, seconded by Y' proposed: ', to adopt the budget' -> 'To adopt …'."""
    text = text.strip(" ,;")
    return _capitalised(text) if re.match(r"(?:that|to)\b", text, re.IGNORECASE) else ""


def _proposal(text: str) -> str:
    text = re.sub(r"^(?:approval of|to approve)\s+", "Approve ", text.strip())
    return _capitalised(text)


def _capitalised(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


def _outcome_of_resolution(text: str) -> str:
    lowered = text.lower()
    if match := re.match(rf"(?:{_OUTCOME})\b", lowered):  # "Decision: Refused", "Deferred …"
        return OUTCOME_WORDS[match[0]]
    if re.search(
        r"\b(?:be|is|are|was|were)\s+(?:noted|received)\b|^(?:to\s+)?(?:note|receive)\b", lowered
    ):
        return NOTED
    if re.search(r"\b(?:be|is|was)\s+deferred\b|^(?:to\s+)?defer\b", lowered):
        return DEFERRED
    return APPROVED


def record_motion(minute: MinuteRecord, motion: Motion | None) -> None:
    """Copy what a motion decided onto the minute that records it."""
    if not motion:
        return
    minute.resolved = motion.resolved or None
    minute.outcome = motion.outcome
    minute.mover, minute.seconder = motion.mover, motion.seconder
    minute.votes_for, minute.votes_against = motion.votes_for, motion.votes_against
    minute.votes_abstained = motion.votes_abstained
    minute.votes = [VoteRecord(name, vote) for name, vote in motion.votes]

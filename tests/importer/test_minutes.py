"""Minutes in the seeds' house style, as councils vary them (an invented council)."""

import pytest

from meetings.ingest.pack import parse_pack

MINUTES = """Minutes of a meeting of the Highways Panel held at Shire Hall on 2 April 2031.

PRESENT

Mr A. Smith CC (in the Chair)

1. Apologies

None were received.

2. Bus Shelter Repairs

The Director presented the report on the repairs.

{resolved} the repairs be approved.
"""


@pytest.mark.parametrize(
    "resolved", ["RESOLVED: That", "Resolved: That", "(3) RESOLVED: That", "3) Resolved - That"]
)
def test_a_resolution_headed_or_numbered_in_other_ways_is_read(resolved):
    (minutes,) = parse_pack([MINUTES.format(resolved=resolved)]).minutes
    assert [(minute.title, minute.resolved) for minute in minutes.minutes] == [
        ("Apologies", None),
        ("Bus Shelter Repairs", "That the repairs be approved."),
    ]

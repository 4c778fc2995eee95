"""Membership histories in the shipped data, as the sources record them (the rule that a member holds one
open status at a time is the build's: tested with the other warehouse checks in test_build.py).

The SCO's Tianjin Declaration (2025-09-01) merged 'observer' and 'dialogue partner' into 'SCO partner';
the old rows end that day and stay as history, so a country must never be counted under two statuses.
"""

from __future__ import annotations

from tests.shipped import rows as query

# The 17 SCO partners after Tianjin: the 2 former observers, the 14 former dialogue partners and Laos.
SCO_PARTNERS_2025 = {"AE", "AF", "AM", "AZ", "BH", "EG", "KH", "KW", "LA", "LK", "MM", "MN", "MV", "NP", "QA", "SA",
                     "TR"}



def test_observers_and_dialogue_partners_became_partners_at_tianjin():
    current = query("""
        SELECT status, list(member_id ORDER BY member_id) FROM memberships
        WHERE organisation = 'sco' AND end_date IS NULL GROUP BY status ORDER BY status""")
    assert [s for s, _ in current] == ["member", "partner"] and len(current[0][1]) == 10
    assert set(current[1][1]) == SCO_PARTNERS_2025
    # no observer or dialogue partner is left open, and each one that the reform ended is a partner from that day
    assert query("""
        SELECT count(*) FROM memberships WHERE organisation = 'sco'
          AND status IN ('observer', 'dialogue-partner') AND end_date IS NULL""") == [(0,)]
    ended = query("""
        SELECT o.member_id, o.status, p.start_date FROM memberships o
        LEFT JOIN memberships p ON p.organisation = 'sco' AND p.member_id = o.member_id AND p.status = 'partner'
        WHERE o.organisation = 'sco' AND o.status IN ('observer', 'dialogue-partner') AND o.end_date = '2025-09-01'
        ORDER BY o.member_id""")
    assert {m for m, _, _ in ended} == SCO_PARTNERS_2025 and len(ended) == 17
    assert {start for _, _, start in ended} == {"2025-09-01"}
    # the history stays: Laos was a dialogue partner from the foreign ministers' decision until the merger
    assert query("""
        SELECT status, start_date, end_date FROM memberships WHERE organisation = 'sco' AND member_id = 'LA'
        ORDER BY start_date""") == [("dialogue-partner", "2025-07-15", "2025-09-01"), ("partner", "2025-09-01", None)]

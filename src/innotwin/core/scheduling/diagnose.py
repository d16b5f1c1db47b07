"""Why each unscheduled request is unscheduled, read off a maximal schedule.

Static reasons come from compiling (no common slot, no table, no interpreter, a zero cap); must-meet
conflicts from :mod:`~innotwin.core.scheduling.mustmeet`. For the rest, the schedule is maximal, so every
candidate of the request is blocked: by a party's cap, else by a party's meeting in that slot or in a slot
too close to change venue, else by full tables, else by busy interpreters. The request's reason is the
cap if a party is at cap, otherwise the blocker of most of its candidates.
"""

from __future__ import annotations

from collections import Counter

from innotwin.core.scheduling.board import Board
from innotwin.core.scheduling.phrases import Reason, message
from innotwin.core.scheduling.result import Unscheduled

__all__ = ["explain"]

_ORDER = (Reason.PARTIES_BUSY, Reason.TABLES_FULL, Reason.INTERPRETERS_BUSY)


def _blocker(board: Board, cand: int) -> Reason:
    request, s, v = board.cand_req[cand], board.cand_slot[cand], board.cand_venue[cand]
    for p in board.parties[request]:
        row = board.at[p]
        if row[s] >= 0 or any(row[t] >= 0 and board.cand_venue[row[t]] != v for t in board.close[s]):
            return Reason.PARTIES_BUSY
    used, limit = board.tables_used[s][v], board.table_count[v]
    if any(used[lvl] >= limit[lvl] for lvl in range(board.level[request] + 1)):
        return Reason.TABLES_FULL
    if board.klass[request] >= 0 and not board.fits(cand):
        return Reason.INTERPRETERS_BUSY
    raise AssertionError(f"candidate {cand} fits a schedule that was filled")


def explain(board: Board, conflicts: dict[int, tuple[int, ...]]) -> tuple[Unscheduled, ...]:
    """An :class:`Unscheduled` entry for every request the maximal schedule on ``board`` leaves out.

    Complexity: O(C·(k·K + L + I)) over the C candidates of unscheduled requests.
    """
    instance = board.instance
    ids, people = instance.request_ids, instance.participant_ids
    entries = []
    for request in range(instance.n_requests):
        if board.placed[request] >= 0:
            continue
        rid = ids[request]
        at_cap = [people[p] for p in board.parties[request] if board.count[p] >= board.cap[p]]
        blocked: tuple[tuple[int, Reason], ...] = ()
        if request in conflicts:
            reason = Reason.MUST_MEET_CONFLICT
        elif request in instance.static_reason:
            reason = instance.static_reason[request]
        elif at_cap:
            reason = Reason.CAP_REACHED
        else:
            per_slot: dict[int, Reason] = {}
            for cand in instance.candidates(request):
                slot = instance.slot_indices[board.cand_slot[cand]]
                found = _blocker(board, cand)
                if slot not in per_slot or _ORDER.index(found) > _ORDER.index(per_slot[slot]):
                    per_slot[slot] = found
            blocked = tuple(sorted(per_slot.items()))
            tally = Counter(per_slot.values())
            reason = max(_ORDER, key=lambda code: (tally[code], -_ORDER.index(code)))
        others = ", ".join(ids[r] for r in conflicts.get(request, ()) if r != request)
        english, korean = message(reason, request=rid, who=", ".join(at_cap), others=others)
        entries.append(
            Unscheduled(request_id=rid, reason=reason, message_en=english, message_ko=korean, blocked=blocked)
        )
    return tuple(entries)

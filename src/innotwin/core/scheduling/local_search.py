"""Local improvement of a schedule: fill, then eject-and-reinsert.

*Fill* places every unscheduled request that fits somewhere, best marginal value first, so the schedule
is maximal: no request can be added without removing another. *Eject-and-reinsert* tries, for each
unscheduled request r and each of its candidates c, to remove the cheapest meetings that block c (the
parties' meetings in that slot or in a slot too close to change venue, a meeting of a party at their cap,
the cheapest meeting holding a table of the right size at that venue, the cheapest meeting holding an
interpreter r could use), place r, and put the removed meetings back wherever they fit. The move is kept
when the objective rises and undone otherwise; a move that could only gain if the ejected meetings
found new places is not tried. Every move is feasible at every step, so the search can stop at any
deadline. Required must-meets are never ejected.

This is a large-neighbourhood search in the spirit of Shaw (1998) and Ahuja et al. (2002).
"""

from __future__ import annotations

import heapq
import time

from innotwin.core.scheduling.board import Board

__all__ = ["fill", "improve"]

_EPSILON = 1e-9


def fill(board: Board, *, deadline: float = float("inf")) -> None:
    """Place unscheduled requests, largest marginal value first, each at its first candidate that fits,
    until none fits. Marginal values only fall as the board fills, so a lazy max-heap is exact.

    Complexity: O(R log R + C·f) for R requests and C candidates, f the cost of a fit check.
    """
    heap = [
        (-board.gain(r), r)
        for r in range(board.instance.n_requests)
        if board.placed[r] < 0 and board.instance.cand_start[r + 1] > board.instance.cand_start[r]
    ]
    heapq.heapify(heap)
    while heap and time.perf_counter() < deadline:
        _, request = heapq.heappop(heap)
        gain = board.gain(request)
        if heap and gain < -heap[0][0] - _EPSILON:
            heapq.heappush(heap, (-gain, request))
            continue
        board.place_first_fit(request)


class _Undo:
    """The placements and removals of one move, to take back."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.log: list[tuple[bool, int]] = []

    def place(self, cand: int) -> None:
        self.board.place(cand)
        self.log.append((True, cand))

    def remove(self, cand: int) -> None:
        self.board.remove(cand)
        self.log.append((False, cand))

    def rollback(self) -> None:
        for placed, cand in reversed(self.log):
            if placed:
                self.board.remove(cand)
            else:
                self.board.place(cand)
        self.log.clear()


class _Search:
    def __init__(self, board: Board) -> None:
        self.board = board
        self.required = board.instance.required.tolist()
        self.version = 0
        self.cache: dict[tuple[int, int, int], tuple[int, float, int]] = {}

    def cheapest(self, s: int, key: int, kind: int, exclude: set[int]) -> tuple[float, int]:
        """The cheapest ejectable meeting in slot ``s`` that holds, for ``kind`` 0, a table at the venue
        and level coded ``key`` (venue·L + level) or, for ``kind`` 1, an interpreter of class ``key``;
        (inf, -1) if there is none outside ``exclude``."""
        cached = self.cache.get((s, key, kind))
        if cached is None or cached[0] != self.version:
            loss, choice = self._scan(s, key, kind, set())
            self.cache[(s, key, kind)] = cached = (self.version, loss, choice)
        if cached[2] not in exclude:
            return cached[1], cached[2]
        return self._scan(s, key, kind, exclude)

    def _scan(self, s: int, key: int, kind: int, exclude: set[int]) -> tuple[float, int]:
        board = self.board
        n_levels = len(board.table_count[0])
        best, choice = float("inf"), -1
        for cand in board.in_slot[s]:
            request = board.cand_req[cand]
            if self.required[request] or cand in exclude:
                continue
            if kind == 0:
                if board.cand_venue[cand] != key // n_levels or board.level[request] < key % n_levels:
                    continue
            elif board.interpreter_of.get(cand, -1) not in board.members[key]:
                continue
            loss = board.loss(cand)
            if loss < best:
                best, choice = loss, cand
        return best, choice

    def forced(self, cand: int) -> tuple[set[int], float] | None:
        """The meetings that must go for ``cand`` (same slot or venue change, or a party at cap), and an
        upper bound on what placing it gains net of their loss; None when a required meeting is in the way.
        """
        board = self.board
        request, s, v = board.cand_req[cand], board.cand_slot[cand], board.cand_venue[cand]
        out: set[int] = set()
        for p in board.parties[request]:
            row = board.at[p]
            if row[s] >= 0:
                out.add(row[s])
            for t in board.close[s]:
                if row[t] >= 0 and board.cand_venue[row[t]] != v:
                    out.add(row[t])
        for p in board.parties[request]:
            kept = [c for c in board.at[p] if c >= 0 and c not in out]
            if len(kept) >= board.cap[p]:
                ejectable = [c for c in kept if not self.required[board.cand_req[c]]]
                if not ejectable:
                    return None
                out.add(min(ejectable, key=board.loss))
        if any(self.required[board.cand_req[c]] for c in out):
            return None
        loss = sum(board.loss(c) for c in out)
        fewer = {
            p: sum(1 for c in out if p in board.parties[board.cand_req[c]]) for p in board.parties[request]
        }
        best_gain = board.value_of[request] + board.fairness * sum(
            1.0 / (board.count[p] - fewer[p] + 1) for p in board.parties[request]
        )
        return out, best_gain - loss

    def try_move(self, cand: int) -> bool:
        """Eject what blocks ``cand``, place it, reinsert the ejected; keep the move if it gains."""
        board = self.board
        forced = self.forced(cand)
        if forced is None:
            return False
        out, upper = forced
        request, s, v = board.cand_req[cand], board.cand_slot[cand], board.cand_venue[cand]
        n_levels = len(board.table_count[0])
        for lvl in range(board.level[request], -1, -1):
            held = sum(
                1
                for c in out
                if board.cand_slot[c] == s
                and board.cand_venue[c] == v
                and board.level[board.cand_req[c]] >= lvl
            )
            if board.tables_used[s][v][lvl] - held >= board.table_count[v][lvl]:
                loss, victim = self.cheapest(s, v * n_levels + lvl, 0, out)
                if victim < 0:
                    return False
                out.add(victim)
                upper -= loss
        if upper <= _EPSILON:
            return False
        before = board.value
        undo = _Undo(board)
        for c in out:
            undo.remove(c)
        klass = board.klass[request]
        if klass >= 0 and not board.fits(cand):
            _, victim = self.cheapest(s, klass, 1, out)
            if victim >= 0:
                undo.remove(victim)
                out.add(victim)
        if not board.fits(cand):
            undo.rollback()
            return False
        undo.place(cand)
        for c in sorted(out, key=lambda c: board.gain(board.cand_req[c]), reverse=True):
            for other in board.instance.candidates(board.cand_req[c]):
                if board.fits(other):
                    undo.place(other)
                    break
        if board.value <= before + _EPSILON:
            undo.rollback()
            return False
        self.version += 1
        return True


def improve(board: Board, *, deadline: float) -> None:
    """Eject-and-reinsert until a whole pass finds no gain or ``deadline`` (a perf_counter time) passes.

    Complexity: each pass is O(C·(k·K + T)) for C candidates, k parties, K close slots and T meetings per
    slot; the number of passes is bounded by the objective's strict increase.
    """
    search = _Search(board)
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        waiting = [r for r in range(board.instance.n_requests) if board.placed[r] < 0]
        waiting.sort(key=board.gain, reverse=True)
        for request in waiting:
            if time.perf_counter() >= deadline:
                return
            if board.placed[request] >= 0:
                continue
            for cand in board.instance.candidates(request):
                if board.fits(cand):
                    board.place(cand)
                    search.version += 1
                    improved = True
                    break
                if search.try_move(cand):
                    improved = True
                    break

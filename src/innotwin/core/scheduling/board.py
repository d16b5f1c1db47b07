"""A schedule under construction, which the heuristics edit one meeting at a time.

The board checks every constraint of the model incrementally — availability and tables through the
candidate list, one meeting per person per slot, caps, venue changes, table counts per group-size level,
interpreters (with augmenting paths, so an interpreter can be moved to free one for a new meeting) — and
keeps the objective value up to date: Σ value + λ·Σ_p H(n_p).
"""

from __future__ import annotations

import numpy as np

from innotwin.core.scheduling.instance import Instance, IntArray

__all__ = ["Board"]


class Board:
    """A feasible partial schedule of ``instance``. Placing and removing are O(k·K + I) for k parties,
    K slots too close for a venue change and I interpreters (more when an interpreter must be moved)."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.cand_req: list[int] = instance.cand_req.tolist()
        self.cand_slot: list[int] = instance.cand_slot.tolist()
        self.cand_venue: list[int] = instance.cand_venue.tolist()
        self.parties: list[tuple[int, ...]] = [
            tuple(instance.parties(r).tolist()) for r in range(instance.n_requests)
        ]
        self.value_of: list[float] = instance.value.tolist()
        self.level: list[int] = instance.level.tolist()
        self.klass: list[int] = instance.interpreter_class.tolist()
        self.members: list[list[int]] = [members.tolist() for members in instance.class_interpreters]
        self.table_count: list[list[int]] = instance.table_count.tolist()
        self.interpreter_capacity: list[list[int]] = instance.interpreter_capacity.tolist()
        self.cap: list[int] = instance.cap.tolist()
        self.fairness = instance.fairness
        self.close: list[list[int]] = [np.flatnonzero(row).tolist() for row in instance.close]
        n_p, n_s = instance.n_participants, instance.n_slots
        self.at: list[list[int]] = [[-1] * n_s for _ in range(n_p)]
        self.count: list[int] = [0] * n_p
        self.tables_used: list[list[list[int]]] = [
            [[0] * instance.levels.size for _ in range(instance.n_venues)] for _ in range(n_s)
        ]
        self.load: list[list[int]] = [[0] * n_s for _ in range(len(instance.event.interpreters))]
        self.interpreter_of: dict[int, int] = {}
        self.placed: list[int] = [-1] * instance.n_requests
        self.in_slot: list[set[int]] = [set() for _ in range(n_s)]
        self.value = 0.0

    def gain(self, request: int) -> float:
        """The objective's increase if ``request`` were placed now: value + λ·Σ 1/(n_p + 1)."""
        return self.value_of[request] + self.fairness * sum(
            1.0 / (self.count[p] + 1) for p in self.parties[request]
        )

    def loss(self, cand: int) -> float:
        """The objective's decrease if the placed candidate ``cand`` were removed."""
        request = self.cand_req[cand]
        return self.value_of[request] + self.fairness * sum(
            1.0 / self.count[p] for p in self.parties[request]
        )

    def fits(self, cand: int) -> bool:
        """Whether candidate ``cand`` can be placed without moving anything but interpreters."""
        request, s, v = self.cand_req[cand], self.cand_slot[cand], self.cand_venue[cand]
        used, limit = self.tables_used[s][v], self.table_count[v]
        if self.placed[request] >= 0 or used[0] >= limit[0]:
            return False
        for p in self.parties[request]:
            row = self.at[p]
            if row[s] >= 0 or self.count[p] >= self.cap[p]:
                return False
            for t in self.close[s]:
                if row[t] >= 0 and self.cand_venue[row[t]] != v:
                    return False
        if any(used[lvl] >= limit[lvl] for lvl in range(1, self.level[request] + 1)):
            return False
        klass = self.klass[request]
        return klass < 0 or self._free_interpreter(s, klass, set()) is not None

    def _free_interpreter(self, s: int, klass: int, visited: set[int]) -> list[tuple[int, int]] | None:
        """An augmenting path giving one more meeting of ``klass`` an interpreter in slot ``s``: the
        (meeting, interpreter) assignments to make, with meeting -1 for the new one; None if none exists.
        """
        for i in self.members[klass]:
            if self.load[i][s] < self.interpreter_capacity[i][s]:
                return [(-1, i)]
        for i in self.members[klass]:
            if i in visited or self.interpreter_capacity[i][s] == 0:
                continue
            visited.add(i)
            for other in self.in_slot[s]:
                if self.interpreter_of.get(other) != i:
                    continue
                path = self._free_interpreter(s, self.klass[self.cand_req[other]], visited)
                if path is not None:
                    return [(other if m < 0 else m, j) for m, j in path] + [(-1, i)]
        return None

    def place(self, cand: int) -> None:
        """Place ``cand``; the caller has checked :meth:`fits`."""
        request, s, v = self.cand_req[cand], self.cand_slot[cand], self.cand_venue[cand]
        self.value += self.gain(request)
        for p in self.parties[request]:
            self.at[p][s] = cand
            self.count[p] += 1
        used = self.tables_used[s][v]
        for lvl in range(self.level[request] + 1):
            used[lvl] += 1
        klass = self.klass[request]
        if klass >= 0:
            path = self._free_interpreter(s, klass, set())
            if path is None:
                raise AssertionError("place() called for a candidate that does not fit")
            for moved, interpreter in path:
                if moved >= 0:
                    self.load[self.interpreter_of[moved]][s] -= 1
                self.interpreter_of[cand if moved < 0 else moved] = interpreter
                self.load[interpreter][s] += 1
        self.placed[request] = cand
        self.in_slot[s].add(cand)

    def remove(self, cand: int) -> None:
        """Remove the placed candidate ``cand``."""
        request, s, v = self.cand_req[cand], self.cand_slot[cand], self.cand_venue[cand]
        self.value -= self.loss(cand)
        for p in self.parties[request]:
            self.at[p][s] = -1
            self.count[p] -= 1
        used = self.tables_used[s][v]
        for lvl in range(self.level[request] + 1):
            used[lvl] -= 1
        interpreter = self.interpreter_of.pop(cand, None)
        if interpreter is not None:
            self.load[interpreter][s] -= 1
        self.placed[request] = -1
        self.in_slot[s].discard(cand)

    def place_first_fit(self, request: int) -> bool:
        """Place ``request`` at its first candidate that fits; whether one did."""
        for cand in self.instance.candidates(request):
            if self.fits(cand):
                self.place(cand)
                return True
        return False

    def chosen(self) -> IntArray:
        """The placed candidates, sorted."""
        return np.array(sorted(c for c in self.placed if c >= 0), dtype=np.int64)

    def load_candidates(self, cands: IntArray) -> None:
        """Place ``cands`` (a feasible set), in order."""
        for cand in cands.tolist():
            if not self.fits(cand):
                raise AssertionError(f"candidate {cand} does not fit the board")
            self.place(cand)

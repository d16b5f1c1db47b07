"""An event compiled to arrays: the form every solver backend reads.

Compiling does the work all backends share once: it orders slots by time, finds each request's
*candidates* — the (slot, venue) places where the request could be held if nothing else were scheduled —
and records, for each request with no candidate at all, the static reason why.

A candidate ``(r, s, v)`` exists when every party of request ``r`` is available in slot ``s``, the slot
allows venue ``v``, some table at ``v`` seats the group, and, if the parties share no language, an
interpreter who covers them is available in ``s``. Candidates are sorted by request, slot, venue.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from innotwin.core.scheduling.model import Event, Priority, validate_event
from innotwin.core.scheduling.phrases import Reason

__all__ = ["BoolArray", "FloatArray", "Instance", "IntArray", "compile_event"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, kw_only=True, eq=False)
class Instance:
    """An :class:`~innotwin.core.scheduling.Event` as arrays. P people, S slots (in time order), V venues
    (sorted), R requests, I interpreters, C candidates; every index is a position in these orders.

    * ``party_start`` (R+1) and ``party_index``: the parties of request r, CSR-style; ``size`` (R);
    * ``value`` (R): weight × must-meet factor; ``must`` (R);
    * ``interpreter_class`` (R): -1 if the parties share a language, else the index of the tuple of
      interpreters who cover them in ``class_interpreters``; ``interpreter_capacity`` (I × S);
    * ``cap`` (P); ``levels``: the distinct group sizes; ``level`` (R): the request's index in ``levels``;
      ``table_count`` (V × levels): tables at the venue seating at least that many;
    * ``close`` (S × S): slots too close together to change venue in between;
    * ``cand_req``, ``cand_slot``, ``cand_venue`` (C) and ``cand_start`` (R+1): the candidates, by request;
    * ``static_reason``: why each request without candidates has none;
    * ``required`` (R): the must-meets every schedule has to contain, and ``seed``: candidates placing all
      of them at once; :func:`~innotwin.core.scheduling.schedule` sets both before calling a backend.
    """

    event: Event
    participant_ids: tuple[str, ...]
    slot_indices: tuple[int, ...]
    venues: tuple[str, ...]
    request_ids: tuple[str, ...]
    party_start: IntArray
    party_index: IntArray
    size: IntArray
    value: FloatArray
    must: BoolArray
    interpreter_class: IntArray
    class_interpreters: tuple[IntArray, ...]
    interpreter_capacity: IntArray
    cap: IntArray
    levels: IntArray
    level: IntArray
    table_count: IntArray
    close: BoolArray
    fairness: float
    cand_req: IntArray
    cand_slot: IntArray
    cand_venue: IntArray
    cand_start: IntArray
    static_reason: Mapping[int, Reason]
    required: BoolArray
    seed: IntArray

    @property
    def n_participants(self) -> int:
        """P, the number of participants."""
        return len(self.participant_ids)

    @property
    def n_slots(self) -> int:
        """S, the number of slots."""
        return len(self.slot_indices)

    @property
    def n_venues(self) -> int:
        """V, the number of venues."""
        return len(self.venues)

    @property
    def n_requests(self) -> int:
        """R, the number of requests."""
        return len(self.request_ids)

    @property
    def n_candidates(self) -> int:
        """C, the number of candidates."""
        return int(self.cand_req.size)

    def parties(self, request: int) -> IntArray:
        """The participant positions of ``request``."""
        return self.party_index[self.party_start[request] : self.party_start[request + 1]]

    def candidates(self, request: int) -> range:
        """The candidate positions of ``request``."""
        return range(int(self.cand_start[request]), int(self.cand_start[request + 1]))

    def party_entries(self, columns: IntArray) -> tuple[IntArray, IntArray]:
        """For each party of each candidate in ``columns``: (position in ``columns``, participant)."""
        sizes = self.size[self.cand_req[columns]]
        starts = np.repeat(self.party_start[self.cand_req[columns]], sizes)
        within = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        return np.repeat(np.arange(columns.size, dtype=np.int64), sizes), self.party_index[starts + within]

    def fairness_levels(self) -> IntArray:
        """Per participant, the most meetings they can have: their cap, or fewer if they have candidates in
        fewer slots. The fairness term has one level per possible meeting."""
        column, person = self.party_entries(np.arange(self.n_candidates, dtype=np.int64))
        seen = np.zeros((self.n_participants, self.n_slots), dtype=bool)
        seen[person, self.cand_slot[column]] = True
        levels: IntArray = np.minimum(self.cap, seen.sum(axis=1)).astype(np.int64)
        return levels

    def keep_candidates(self, keep: BoolArray) -> Instance:
        """A copy with only the candidates where ``keep`` is true."""
        counts = np.bincount(self.cand_req[keep], minlength=self.n_requests)
        return dataclasses.replace(
            self,
            cand_req=self.cand_req[keep],
            cand_slot=self.cand_slot[keep],
            cand_venue=self.cand_venue[keep],
            cand_start=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
            seed=np.empty(0, dtype=np.int64),
        )


def _interpreter_classes(
    event: Event, party_languages: list[list[frozenset[str]]]
) -> tuple[IntArray, tuple[IntArray, ...]]:
    """Per request, the class of interpreters able to serve it (-1 when the parties share a language)."""
    classes: dict[tuple[int, ...], int] = {}
    request_class = np.full(len(party_languages), -1, dtype=np.int64)
    for r, languages in enumerate(party_languages):
        if frozenset.intersection(*languages):
            continue
        eligible = tuple(
            i
            for i, interpreter in enumerate(event.interpreters)
            if any(
                all(a in spoken or b in spoken for spoken in languages) for a, b in interpreter.language_pairs
            )
        )
        request_class[r] = classes.setdefault(eligible, len(classes))
    ordered = sorted(classes, key=classes.__getitem__)
    return request_class, tuple(np.array(members, dtype=np.int64) for members in ordered)


def compile_event(event: Event, *, must_meet_factor: float = 2.0, fairness: float = 1.0) -> Instance:
    """Validate ``event`` and compile it to an :class:`Instance`.

    A request's value is its weight, times ``must_meet_factor`` for a must-meet. Raises
    :class:`~innotwin.core.errors.DataError` listing every problem in the event.

    Complexity: O(R·S·V + P·S) time and memory, for R requests, S slots, V venues, P people.
    """
    validate_event(event)
    people = {person.id: n for n, person in enumerate(event.participants)}
    slots = sorted(event.slots, key=lambda slot: (slot.start, slot.index))
    slot_pos = {slot.index: s for s, slot in enumerate(slots)}
    venues = tuple(sorted({table.venue for table in event.tables}))
    n_people, n_slots, n_venues = len(people), len(slots), len(venues)

    available = np.zeros((n_people, n_slots), dtype=bool)
    for n, person in enumerate(event.participants):
        available[n, [slot_pos[index] for index in person.availability]] = True
    cap = np.array([person.meeting_cap for person in event.participants], dtype=np.int64)

    requests = event.requests
    size = np.array([len(request.parties) for request in requests], dtype=np.int64)
    party_index = np.array([people[pid] for request in requests for pid in request.parties], dtype=np.int64)
    party_start = np.concatenate([[0], np.cumsum(size)]).astype(np.int64)
    weight = np.array([request.weight for request in requests], dtype=np.float64)
    must = np.array([request.priority == Priority.MUST_MEET for request in requests], dtype=bool)
    value = weight * np.where(must, must_meet_factor, 1.0)

    levels = np.unique(size) if size.size else np.array([2], dtype=np.int64)
    level = np.searchsorted(levels, size).astype(np.int64)
    table_count = np.zeros((n_venues, levels.size), dtype=np.int64)
    for table in event.tables:
        table_count[venues.index(table.venue), levels <= table.capacity] += 1

    interpreter_capacity = np.zeros((len(event.interpreters), n_slots), dtype=np.int64)
    for i, interpreter in enumerate(event.interpreters):
        interpreter_capacity[i, [slot_pos[index] for index in interpreter.availability]] = (
            interpreter.capacity
        )
    party_languages = [
        [event.participants[people[pid]].languages for pid in request.parties] for request in requests
    ]
    interpreter_class, class_interpreters = _interpreter_classes(event, party_languages)

    # R × S: every party free; the group's table level exists per venue; an interpreter if needed.
    common = np.ones((len(requests), n_slots), dtype=bool)
    first = party_start[:-1]
    for k in range(int(size.max(initial=0))):
        has_k = size > k
        common[has_k] &= available[party_index[first[has_k] + k]]
    capped = (
        np.bincount(
            np.repeat(np.arange(len(requests)), size), weights=cap[party_index] == 0, minlength=len(requests)
        )
        > 0
    )
    common[capped] = False
    seats = table_count[:, level].T >= 1
    slot_venue_ok = np.array(
        [[slot.venue is None or slot.venue == venue for venue in venues] for slot in slots], dtype=bool
    ).reshape(n_slots, n_venues)
    placeable = common[:, :, None] & slot_venue_ok[None, :, :] & seats[:, None, :]
    class_capacity = np.array(
        [interpreter_capacity[members].sum(axis=0) for members in class_interpreters], dtype=np.int64
    ).reshape(len(class_interpreters), n_slots)
    needs = interpreter_class >= 0
    interpreted = np.ones((len(requests), n_slots), dtype=bool)
    interpreted[needs] = class_capacity[interpreter_class[needs]] > 0
    candidate = placeable & interpreted[:, :, None]
    cand_req, cand_slot, cand_venue = (axis.astype(np.int64) for axis in np.nonzero(candidate))
    counts = np.bincount(cand_req, minlength=len(requests))

    static_reason: dict[int, Reason] = {}
    for r in np.flatnonzero(counts == 0):
        if capped[r]:
            static_reason[int(r)] = Reason.CAP_REACHED
        elif not common[r].any():
            static_reason[int(r)] = Reason.NO_COMMON_SLOT
        elif not placeable[r].any():
            static_reason[int(r)] = Reason.NO_TABLE
        else:
            static_reason[int(r)] = Reason.NO_INTERPRETER

    close = np.zeros((n_slots, n_slots), dtype=bool)
    if n_venues > 1:
        for s, earlier in enumerate(slots):
            for t in range(s + 1, n_slots):
                close[s, t] = close[t, s] = slots[t].start - earlier.end < event.travel_time

    return Instance(
        event=event,
        participant_ids=tuple(people),
        slot_indices=tuple(slot.index for slot in slots),
        venues=venues,
        request_ids=tuple(request.id for request in requests),
        party_start=party_start,
        party_index=party_index,
        size=size,
        value=value,
        must=must,
        interpreter_class=interpreter_class,
        class_interpreters=class_interpreters,
        interpreter_capacity=interpreter_capacity,
        cap=cap,
        levels=levels.astype(np.int64),
        level=level,
        table_count=table_count,
        close=close,
        fairness=fairness,
        cand_req=cand_req,
        cand_slot=cand_slot,
        cand_venue=cand_venue,
        cand_start=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
        static_reason=static_reason,
        required=np.zeros(len(requests), dtype=bool),
        seed=np.empty(0, dtype=np.int64),
    )

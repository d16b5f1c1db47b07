"""The scheduling problem as a mixed-integer linear programme, for HiGHS.

Columns, in order: one binary ``x_c`` per candidate (request r held at slot s, venue v); one continuous
fairness level ``u_pj ∈ [0, 1]`` per participant p and meeting count j = 1..J_p; one continuous flow
``f_eis ≥ 0`` per interpreter class e, eligible interpreter i and slot s where i works.

Maximise  Σ_c value(r_c)·x_c + λ Σ_p Σ_j u_pj / j

subject to

* each request at most once: Σ_{c of r} x_c ≤ 1 (= 1 for a required must-meet);
* each person at most one meeting per slot: Σ_{c ∋ p, slot s} x_c ≤ 1;
* meeting caps and fairness: Σ_{c ∋ p} x_c = Σ_j u_pj, with J_p ≤ cap_p levels, so the count is capped
  and, the weights 1/j decreasing, the levels fill in order: u contributes λ·H(n_p), the harmonic number
  of p's meeting count n_p — a concave, proportional-fairness reward (Kelly, 1997);
* tables: for each slot s, venue v and group size k, the meetings of size ≥ k at (s, v) are at most the
  tables at v seating ≥ k (these nested counts are exactly what a size-sorted table assignment needs);
* interpreters, as a flow: the meetings of class e in slot s are covered by Σ_i f_eis, and each
  interpreter serves Σ_e f_eis ≤ capacity_i(s) (integral when x is, by flow integrality);
* venue changes: for a person p, slots s < t too close to change venue and each venue v,
  Σ_{c ∋ p at (s, v)} x_c + Σ_{c ∋ p at (t, v' ≠ v)} x_c ≤ 1.

The builder also serves the smaller problems the backends solve (must-meets alone, one slot at a time)
through its arguments: a subset of candidate columns, per-column values, residual caps and fixed columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from innotwin.core.scheduling.instance import BoolArray, FloatArray, Instance, IntArray

__all__ = ["Formulation", "build_formulation"]


@dataclass(frozen=True, kw_only=True, eq=False)
class Formulation:
    """A maximisation MILP in HiGHS's row form: ``row_lower ≤ matrix·y ≤ row_upper``. The first
    ``n_x`` columns are the candidates given to the builder (binary), of the requests ``request``; the
    rest are continuous. Rows from ``first_lazy_row`` on are the venue-change rows, which an LP can
    leave out until they are violated."""

    request: IntArray
    objective: FloatArray
    matrix: sp.csr_array
    row_lower: FloatArray
    row_upper: FloatArray
    col_lower: FloatArray
    col_upper: FloatArray
    n_x: int
    first_lazy_row: int


class _Rows:
    """Accumulates sparse rows."""

    def __init__(self) -> None:
        self.row: list[IntArray] = []
        self.col: list[IntArray] = []
        self.val: list[FloatArray] = []
        self.lower: list[FloatArray] = []
        self.upper: list[FloatArray] = []
        self.count = 0

    def add(
        self, keys: IntArray, cols: IntArray, coef: FloatArray, lower: FloatArray, upper: FloatArray
    ) -> None:
        """Add rows numbered by ``keys`` (0..len(lower)-1), one entry ``coef`` at each (key, col)."""
        self.row.append(keys + self.count)
        self.col.append(cols)
        self.val.append(coef)
        self.lower.append(lower)
        self.upper.append(upper)
        self.count += lower.size


def _grouped(keys: IntArray, size: int) -> tuple[IntArray, IntArray]:
    """Renumber ``keys`` (in 0..size-1) densely; return the new keys and each group's entry count."""
    counts = np.bincount(keys, minlength=size)
    used = np.flatnonzero(counts)
    dense = np.full(size, -1, dtype=np.int64)
    dense[used] = np.arange(used.size)
    return dense[keys], counts[used]


def _cap_rows(rows: _Rows, ent_col: IntArray, ent_p: IntArray, cap: IntArray) -> None:
    """Σ_{c ∋ p} x_c ≤ cap_p, for the people whose candidates could exceed their cap."""
    binding = np.bincount(ent_p, minlength=cap.size) > cap
    keep = binding[ent_p]
    keys, _ = _grouped(ent_p[keep], cap.size)
    upper = cap[binding].astype(np.float64)
    rows.add(keys, ent_col[keep], np.ones(keys.size), np.zeros(upper.size), upper)


def _fairness_rows(
    instance: Instance, rows: _Rows, ent_col: IntArray, ent_p: IntArray, levels: IntArray, first_col: int
) -> FloatArray:
    """Σ_{c ∋ p} x_c = Σ_j u_pj; return the level columns' objective coefficients λ/j."""
    people = np.unique(ent_p)
    counts = levels[people]
    owner = np.repeat(people, counts)
    rank = np.arange(owner.size) - np.repeat(np.cumsum(counts) - counts, counts)
    level_cols = first_col + np.arange(owner.size)
    rows.add(
        np.concatenate([np.searchsorted(people, ent_p), np.searchsorted(people, owner)]),
        np.concatenate([ent_col, level_cols]),
        np.concatenate([np.ones(ent_col.size), -np.ones(owner.size)]),
        np.zeros(people.size),
        np.zeros(people.size),
    )
    objective: FloatArray = (instance.fairness / (rank + 1.0)).astype(np.float64)
    return objective


def _table_rows(instance: Instance, rows: _Rows, req: IntArray, slot: IntArray, venue: IntArray) -> None:
    """Per slot, venue and group-size level: meetings of that size or more ≤ tables seating that many."""
    n_keys = instance.n_slots * instance.n_venues
    for lvl in range(instance.levels.size):
        cols = np.flatnonzero(instance.level[req] >= lvl)
        keys = slot[cols] * instance.n_venues + venue[cols]
        limit = np.tile(instance.table_count[:, lvl], instance.n_slots)
        binding = np.bincount(keys, minlength=n_keys) > limit
        keep = binding[keys]
        dense, _ = _grouped(keys[keep], n_keys)
        upper = limit[binding].astype(np.float64)
        rows.add(dense, cols[keep], np.ones(dense.size), np.zeros(upper.size), upper)


def _interpreter_rows(
    instance: Instance, rows: _Rows, req: IntArray, slot: IntArray, first_col: int
) -> FloatArray:
    """Flow rows; return the flow columns' upper bounds (the interpreters' capacities)."""
    n_s = instance.n_slots
    cls = instance.interpreter_class[req]
    needy = np.flatnonzero(cls >= 0)
    keys = cls[needy] * n_s + slot[needy]
    dense, _ = _grouped(keys, len(instance.class_interpreters) * n_s)
    pairs = np.unique(keys)
    parts = []
    for k, key in enumerate(pairs):
        members = instance.class_interpreters[key // n_s]
        members = members[instance.interpreter_capacity[members, key % n_s] > 0]
        parts.append(np.stack([np.full(members.size, k), members]))
    flows = np.concatenate(parts, axis=1) if parts else np.empty((2, 0), dtype=np.int64)
    flow_slot, flow_interpreter = pairs[flows[0]] % n_s, flows[1]
    flow_cols = first_col + np.arange(flow_interpreter.size)
    rows.add(
        np.concatenate([dense, flows[0]]),
        np.concatenate([needy, flow_cols]),
        np.concatenate([np.ones(needy.size), -np.ones(flow_cols.size)]),
        np.full(pairs.size, -np.inf),
        np.zeros(pairs.size),
    )
    capacity: FloatArray = instance.interpreter_capacity[flow_interpreter, flow_slot].astype(np.float64)
    shared = flow_interpreter * n_s + flow_slot
    binding = np.bincount(shared, minlength=instance.interpreter_capacity.size) > 1
    keep = binding[shared]
    dense, _ = _grouped(shared[keep], binding.size)
    upper = instance.interpreter_capacity.reshape(-1)[binding].astype(np.float64)
    rows.add(dense, flow_cols[keep], np.ones(dense.size), np.zeros(upper.size), upper)
    return capacity


def _venue_change_rows(
    instance: Instance, rows: _Rows, ent_col: IntArray, ent_p: IntArray, ent_s: IntArray, ent_v: IntArray
) -> None:
    """One row per person, pair of slots too close to change venue, and venue at the earlier slot."""
    order = np.argsort(ent_s, kind="stable")
    bounds = np.searchsorted(ent_s[order], np.arange(instance.n_slots + 1))
    keys: list[IntArray] = []
    cols: list[IntArray] = []
    n_rows = 0
    for s, t in zip(*np.nonzero(np.triu(instance.close)), strict=True):
        at_s, at_t = order[bounds[s] : bounds[s + 1]], order[bounds[t] : bounds[t + 1]]
        for v in range(instance.n_venues):
            here, there = at_s[ent_v[at_s] == v], at_t[ent_v[at_t] != v]
            both = np.intersect1d(ent_p[here], ent_p[there])
            chosen = np.concatenate([here[np.isin(ent_p[here], both)], there[np.isin(ent_p[there], both)]])
            keys.append(n_rows + np.searchsorted(both, ent_p[chosen]))
            cols.append(ent_col[chosen])
            n_rows += both.size
    if n_rows:
        rows.add(
            np.concatenate(keys),
            np.concatenate(cols),
            np.ones(sum(k.size for k in keys)),
            np.zeros(n_rows),
            np.ones(n_rows),
        )


def build_formulation(
    instance: Instance,
    *,
    columns: IntArray,
    values: FloatArray,
    cap: IntArray,
    fairness_levels: IntArray | None,
    fixed: BoolArray | None = None,
) -> Formulation:
    """The MILP over the candidates ``columns`` with objective coefficients ``values``.

    ``cap`` bounds each person's meetings among these columns. With ``fairness_levels`` (J_p per person)
    the fairness columns are added, min(cap_p, J_p) per person; without, the objective has no fairness
    term. ``fixed`` columns must be 1. A required request must be held if any candidate of it is a column.

    Complexity: O(E·(L + K)) to build, for E = Σ parties over the columns, L group-size levels and K pairs
    of slots too close to change venue.
    """
    n_x = columns.size
    req, slot, venue = instance.cand_req[columns], instance.cand_slot[columns], instance.cand_venue[columns]
    ent_col, ent_p = instance.party_entries(columns)
    rows = _Rows()

    keys, counts = _grouped(req, instance.n_requests)
    lower = instance.required[np.unique(req)].astype(np.float64)
    rows.add(keys, np.arange(n_x), np.ones(n_x), lower, np.ones(counts.size))
    keys, counts = _grouped(
        ent_p * instance.n_slots + slot[ent_col], instance.n_participants * instance.n_slots
    )
    rows.add(keys, ent_col, np.ones(ent_col.size), np.zeros(counts.size), np.ones(counts.size))

    if fairness_levels is None:
        _cap_rows(rows, ent_col, ent_p, cap)
        level_objective = np.empty(0)
    else:
        level_objective = _fairness_rows(
            instance, rows, ent_col, ent_p, np.minimum(fairness_levels, cap), n_x
        )
    _table_rows(instance, rows, req, slot, venue)
    flow_upper = _interpreter_rows(instance, rows, req, slot, n_x + level_objective.size)
    first_lazy_row = rows.count
    if instance.close.any():
        _venue_change_rows(instance, rows, ent_col, ent_p, slot[ent_col], venue[ent_col])

    n_cols = n_x + level_objective.size + flow_upper.size
    matrix = sp.csr_array(
        (np.concatenate(rows.val), (np.concatenate(rows.row), np.concatenate(rows.col))),
        shape=(rows.count, n_cols),
    )
    col_lower = np.zeros(n_cols)
    if fixed is not None:
        col_lower[:n_x][fixed] = 1.0
    return Formulation(
        request=req,
        objective=np.concatenate([values, level_objective, np.zeros(flow_upper.size)]),
        matrix=matrix,
        row_lower=np.concatenate(rows.lower),
        row_upper=np.concatenate(rows.upper),
        col_lower=col_lower,
        col_upper=np.concatenate([np.ones(n_x + level_objective.size), flow_upper]),
        n_x=n_x,
        first_lazy_row=first_lazy_row,
    )

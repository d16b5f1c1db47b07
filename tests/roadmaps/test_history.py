"""No sequence of edits loses history: replaying a proposal's recorded changes always rebuilds it."""

from __future__ import annotations

import contextlib
from typing import Any

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from innotwin.core.errors import InnotwinError
from innotwin.core.roadmaps import FieldChange, replay
from innotwin.roadmaps.domain._common import proposal_snapshot
from innotwin.roadmaps.domain.proposals import move_proposal, remove_partner, set_partner, update_proposal
from innotwin.roadmaps.models import Change, Proposal

TEXT = st.text(alphabet="ab가나 ", max_size=6)
EDITS = st.one_of(
    st.tuples(st.just("update"), st.sampled_from(["title_en", "title_ko", "summary_ko"]), TEXT),
    st.tuples(st.just("update"), st.just("theme"), st.sampled_from(["", "mobility", "hydrogen"])),
    st.tuples(st.just("update"), st.just("budget_gbp"), st.sampled_from(["", "1000", "-5", "x"])),
    st.tuples(
        st.just("move"),
        st.sampled_from(["idea", "scoping", "submitted", "stalled", "dropped", "funded"]),
        st.sampled_from(["", "why"]),
    ),
    st.tuples(
        st.just("partner"), st.sampled_from(["sejong", "busan"]), st.sampled_from(["research", "funder"])
    ),
    st.tuples(st.just("unpartner"), st.sampled_from(["sejong", "busan", "belfast"]), st.just("")),
)


def _apply(proposal: Proposal, edit: tuple[str, str, str], world: dict[str, Any]) -> None:
    kind, name, value = edit
    if kind == "update":
        update_proposal(actor=None, proposal=proposal, values={name: value})
    elif kind == "move":
        move_proposal(actor=None, proposal=proposal, stage=name, reason=value)
    elif kind == "partner":
        set_partner(actor=None, proposal=proposal, organisation_ref=world[name].slug, role=value)
    else:
        remove_partner(actor=None, proposal=proposal, organisation_ref=world[name].slug)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDITS, max_size=8))
def test_replaying_the_history_rebuilds_the_proposal(
    world: dict[str, Any], edits: list[tuple[str, str, str]]
) -> None:
    with transaction.atomic():
        savepoint = transaction.savepoint()
        proposal = world["proposal"]
        for edit in edits:
            # a refused edit changes nothing, and the replay below still has to match
            with contextlib.suppress(InnotwinError):
                _apply(Proposal.objects.get(pk=proposal.pk), edit, world)
        changes = [
            FieldChange(c.field, c.old, c.new)
            for c in Change.objects.filter(proposal=proposal, record="proposal").order_by("at", "pk")
        ]
        current = proposal_snapshot(Proposal.objects.get(pk=proposal.pk))
        assert replay({}, changes) == {k: v for k, v in current.items() if v}
        # every change follows on from the one before it for the same field: nothing was skipped
        last: dict[str, str] = {}
        for change in changes:
            assert change.old == last.get(change.field, "")
            last[change.field] = change.new
        transaction.savepoint_rollback(savepoint)

"""The demo roadmaps: one per demo pair, from the sourced programme content, proposals marked as demo."""

from __future__ import annotations

from innotwin.roadmaps.demo import load_roadmaps_demo
from innotwin.roadmaps.models import AgreementDetails, Change, Proposal, Roadmap


def test_every_demo_pair_has_a_draft_roadmap_and_demo_proposals(demo_programme) -> None:
    roadmaps = Roadmap.objects.select_related("pair")
    assert sorted(r.pair.slug for r in roadmaps) == [
        "belfast-sejong",
        "glasgow-daegu",
        "liverpool-city-region-busan",
        "west-midlands-ulsan",
    ]
    assert all(r.status == "draft" and r.is_demo and r.signed_on is None for r in roadmaps)
    assert all(p.is_demo for p in Proposal.objects.all())
    assert not Proposal.objects.exclude(budget_gbp=None).exists()  # no invented figures
    mou = AgreementDetails.objects.get(agreement__title_en="Five-year memorandum of understanding")
    assert mou.expires_on is not None
    assert mou.expires_on.year == 2028


def test_loading_again_changes_nothing(demo_programme) -> None:
    before = (Roadmap.objects.count(), Proposal.objects.count(), Change.objects.count())
    assert load_roadmaps_demo() == 0
    assert (Roadmap.objects.count(), Proposal.objects.count(), Change.objects.count()) == before

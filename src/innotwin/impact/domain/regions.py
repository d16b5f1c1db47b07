"""Which pair a place belongs to: a pair's two regions and every region inside them."""

from __future__ import annotations

from django.apps import apps

from innotwin.pairs.models import TwinPair


def region_tree(code: str) -> set[str]:
    """``code`` and the codes of every region inside it."""
    region_model = apps.get_model("regions", "Region")
    codes, frontier = {code}, {code}
    while frontier:
        frontier = set(region_model.objects.filter(parent__in=frontier).values_list("pk", flat=True)) - codes
        codes |= frontier
    return codes


def pair_regions(pair: TwinPair) -> set[str]:
    return region_tree(pair.region_a_id) | region_tree(pair.region_b_id)


class PairFinder:
    """Finds the pair of two places; each pair's region trees are read once."""

    def __init__(self) -> None:
        self.sides = [
            (pair, region_tree(pair.region_a_id), region_tree(pair.region_b_id))
            for pair in TwinPair.objects.order_by("pk")
        ]

    def find(self, first: str | None, second: str | None) -> TwinPair | None:
        """The pair whose one side holds ``first`` and whose other side holds ``second`` (None if none)."""
        if not first or not second:
            return None
        for pair, a, b in self.sides:
            if (first in a and second in b) or (first in b and second in a):
                return pair
        return None

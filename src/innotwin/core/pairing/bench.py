"""Benchmark of the pairing engine on generated data and on the real UK and Korean tables.

:func:`run_benchmark` times all-pairs scoring plus explanations of the best pairs on a generated
input of any size and measures peak memory; :func:`run_real_benchmark` does the same on the UK ITL2
(BRES 2021) and Korean sido (Census on Establishments 2023) employment tables in the shared data folder.
Both return plain dictionaries ready for JSON; ``benchmarks/pairing.py`` and the ``innotwin pairs bench``
command print them.
"""

from __future__ import annotations

import os
import resource
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

from innotwin.core.pairing.engine import score_pairs
from innotwin.core.pairing.inputs import PairingInput, RegionSet
from innotwin.core.pairing.themes import load_theme_map

__all__ = ["generate_input", "run_benchmark", "run_real_benchmark"]

_AUTHORITIES = ("metropolitan", "provincial")


def _generated_side(
    rng: np.random.Generator,
    *,
    country: str,
    regions: int,
    industries: tuple[str, ...],
    tags: tuple[str, ...],
) -> RegionSet:
    size = rng.lognormal(mean=11.0, sigma=1.0, size=regions)
    mix = rng.dirichlet(np.full(len(industries), 0.7)) * rng.lognormal(
        0.0, 0.8, size=(regions, len(industries))
    )
    mix[rng.random(mix.shape) < 0.15] = 0.0
    mix[np.arange(regions), rng.integers(len(industries), size=regions)] += 1e-3
    employment = np.ceil(size[:, np.newaxis] * mix / mix.sum(axis=1, keepdims=True))
    population = size * rng.uniform(1.5, 3.0, size=regions)
    output_per_head = rng.lognormal(np.log(35_000.0), 0.3, size=regions)
    indicators = {
        "population": population,
        "output": population * output_per_head,
        "output_per_head_ppp": output_per_head,
        "universities": rng.poisson(population / 400_000.0).astype(np.float64),
        "rnd_personnel": population * rng.uniform(0.002, 0.02, size=regions),
        "rnd_spending": population * rng.uniform(50.0, 2_000.0, size=regions),
        "patents": population * rng.uniform(1e-5, 5e-4, size=regions),
        "public_rnd_funding": population * rng.uniform(10.0, 500.0, size=regions),
    }
    for values in indicators.values():
        values[rng.random(regions) < 0.1] = np.nan
    indicators["population"][np.isnan(indicators["population"])] = (
        size[np.isnan(indicators["population"])] * 2
    )
    capital = np.zeros(regions, dtype=bool)
    capital[0] = True
    return RegionSet(
        country=country,
        codes=[f"{country}{n:05d}" for n in range(regions)],
        names_en=[f"{country} region {n}" for n in range(regions)],
        industries=industries,
        employment=employment,
        indicators=indicators,
        policy_tags=[tuple(rng.choice(tags, size=rng.integers(0, 5), replace=False)) for _ in range(regions)],
        capital=[bool(value) for value in capital],
        tier=[int(value) for value in rng.choice([1, 2, 3], size=regions, p=[0.05, 0.25, 0.70])],
        authority=[_AUTHORITIES[int(value)] for value in rng.integers(0, 2, size=regions)],
    )


def generate_input(*, regions_a: int, regions_b: int, industries: int, seed: int) -> PairingInput:
    """A random but plausible input: skewed region sizes and industry mixes, 15% empty cells, 10% missing
    indicators, 0–4 policy tags per region (0 = not recorded). Industry codes are two-digit divisions."""
    rng = np.random.default_rng(seed)
    codes = tuple(f"{n:02d}" if industries < 100 else f"{n:03d}" for n in range(1, industries + 1))
    tags = tuple(theme.id for theme in load_theme_map().themes)
    return PairingInput(
        a=_generated_side(rng, country="A", regions=regions_a, industries=codes, tags=tags),
        b=_generated_side(rng, country="B", regions=regions_b, industries=codes, tags=tags),
    )


def _measure(data: PairingInput, explain: int) -> dict[str, float]:
    """Seconds to score every pair, pick the best ``explain`` pairs and explain each one."""
    started = time.perf_counter()
    result = score_pairs(data)
    scored = time.perf_counter()
    best = result.top(explain)
    ranked = time.perf_counter()
    for pair in best:
        result.explain(pair.a, pair.b)
    explained = time.perf_counter()
    return {
        "score": scored - started,
        "top": ranked - scored,
        "explain": explained - ranked,
        "total": explained - started,
    }


def _report(data: PairingInput, explain: int, trace_memory: bool) -> dict[str, object]:
    seconds = _measure(data, explain)
    report: dict[str, object] = {
        "regions_a": len(data.a),
        "regions_b": len(data.b),
        "industries": len(data.industries),
        "pairs": len(data.a) * len(data.b),
        "explained_pairs": min(explain, len(data.a) * len(data.b)),
        "seconds": {name: round(value, 4) for name, value in seconds.items()},
    }
    if trace_memory:
        tracemalloc.start()
        _measure(data, explain)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        report["peak_traced_mib"] = round(peak / 2**20, 1)
    report["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report["cpu_count"] = os.cpu_count()
    report["numpy"] = np.__version__
    return report


def run_benchmark(
    *,
    regions_a: int = 2000,
    regions_b: int = 2000,
    industries: int = 100,
    seed: int = 0,
    explain: int = 100,
    trace_memory: bool = True,
) -> dict[str, object]:
    """Time scoring all pairs of a generated input and explaining the best ``explain`` pairs.

    Timings come from an untraced run; with ``trace_memory`` a second run under :mod:`tracemalloc`
    gives ``peak_traced_mib`` (memory allocated while scoring and explaining), and ``peak_rss_mib`` is
    the process's high-water mark (interpreter, libraries and the generated input included).
    """
    started = time.perf_counter()
    data = generate_input(regions_a=regions_a, regions_b=regions_b, industries=industries, seed=seed)
    generated = time.perf_counter() - started
    return {
        "data": "generated",
        "seed": seed,
        "generate_seconds": round(generated, 4),
        **_report(data, explain, trace_memory),
    }


def run_real_benchmark(
    *, shared_data: Path, explain: int = 100, trace_memory: bool = True
) -> dict[str, object]:
    """The same measurement on UK ITL2 × Korean sido employment from the shared data folder."""
    data = _shared_data_input(shared_data)
    return {
        "data": "UK ITL2 (BRES 2021) × KR sido (Census on Establishments 2023)",
        **_report(data, explain, trace_memory),
    }


def _shared_data_input(shared_data: Path) -> PairingInput:
    """Employment matrices on common industry groups: KSIC-10 and ISIC Rev.4 divisions linked by the
    derived concordance, grouped into connected components so that no employment is split by guesswork."""
    concordance = pd.read_csv(
        shared_data / "classifications" / "ksic10_division_to_isic4_division_DERIVED.csv", dtype=str
    )
    korea = pd.read_csv(
        shared_data
        / "kr_regional_industry"
        / "kosis_business_census_2023_workers_by_sido_ksic10_division.csv",
        dtype={"sido_code": str, "ksic10_division": str},
    )
    korea = korea[korea["sido_en"] != "Sum of 17 sido"]
    britain = pd.read_csv(
        shared_data / "uk_regional" / "bres_employment_ITL2_by_SIC2digit_2015_2021.csv",
        dtype={"INDUSTRY_CODE": str},
    )
    britain = britain[britain["DATE"] == britain["DATE"].max()]
    group_of = _concordance_groups(
        list(zip(concordance["ksic10_division"], concordance["isic4_division"], strict=True)),
        extra_isic=sorted(set(britain["INDUSTRY_CODE"])),
    )
    korea_matrix = korea.assign(
        group=korea["ksic10_division"].map(lambda code: group_of[("ksic", code)])
    ).pivot_table(index="sido_code", columns="group", values="workers", aggfunc="sum", fill_value=0)
    britain_matrix = britain.assign(
        group=britain["INDUSTRY_CODE"].map(lambda code: group_of[("isic", code)])
    ).pivot_table(index="GEOGRAPHY_CODE", columns="group", values="COUNT", aggfunc="sum", fill_value=0)
    groups = sorted(set(group_of.values()))
    names_kr = korea.drop_duplicates("sido_code").set_index("sido_code")
    names_uk = britain.drop_duplicates("GEOGRAPHY_CODE").set_index("GEOGRAPHY_CODE")
    return PairingInput(
        a=RegionSet.from_frames(
            country="GB",
            employment=britain_matrix.reindex(columns=groups, fill_value=0),
            regions=pd.DataFrame({"name_en": names_uk["GEOGRAPHY_NAME"]}),
        ),
        b=RegionSet.from_frames(
            country="KR",
            employment=korea_matrix.reindex(columns=groups, fill_value=0),
            regions=pd.DataFrame({"name_en": names_kr["sido_en"], "name_ko": names_kr["sido_ko"]}),
        ),
    )


def _concordance_groups(links: list[tuple[str, str]], *, extra_isic: list[str]) -> dict[tuple[str, str], str]:
    """Connected components of the KSIC–ISIC link graph, each named by its ISIC divisions joined by ``+``."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for ksic, isic in links:
        parent[find(("ksic", ksic))] = find(("isic", isic))
    for isic in extra_isic:
        find(("isic", isic))
    members: dict[tuple[str, str], list[str]] = {}
    for node in list(parent):
        if node[0] == "isic":
            members.setdefault(find(node), []).append(node[1])
    return {node: "+".join(sorted(members[find(node)])) for node in parent}

"""Weight profiles: how much each dimension counts in a pair's total score.

A profile gives every dimension in :data:`DIMENSIONS` a finite, non-negative weight, not all zero.
Three named profiles ship in ``profiles.yaml`` next to this module (``balanced``,
``complementarity-first``, ``peers``); users may supply their own YAML or JSON file of the same shape::

    my-profile:
      description: Optional text.
      weights: {scale: 1, structure: 1, shared_specialisation: 1, complementarity: 2,
                research: 1, policy: 1, governance: 0}

A file error raises :class:`~innotwin.core.errors.ConfigurationError` naming the file and the key.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import numpy as np
import yaml
from numpy.typing import NDArray

from innotwin.core.errors import ConfigurationError

__all__ = [
    "BUILTIN_PROFILES_FILE",
    "DIMENSIONS",
    "WeightProfile",
    "get_profile",
    "load_profile",
    "load_profiles",
]

#: The dimensions of a pair's score, in the order results store them.
DIMENSIONS = (
    "scale",
    "structure",
    "shared_specialisation",
    "complementarity",
    "research",
    "policy",
    "governance",
)
BUILTIN_PROFILES_FILE = Path(__file__).with_name("profiles.yaml")
_PROFILE_KEYS = ("description", "weights")


def _error(source: str, key: str, requirement: str, got: object) -> ConfigurationError:
    return ConfigurationError(
        f"{source}: {key}: The 'weights' parameter of WeightProfile must be {requirement}. Got {got} instead."
    )


@dataclass(frozen=True, kw_only=True)
class WeightProfile:
    """A named, validated set of dimension weights; ``source`` says where it was read from."""

    name: str
    weights: Mapping[str, float]
    description: str = ""
    source: str = "<mapping>"
    normalised: Mapping[str, float] = field(init=False)

    def __post_init__(self) -> None:
        key = f"{self.name}.weights"
        if not isinstance(self.weights, Mapping):
            raise _error(self.source, key, "a mapping of dimension → weight", type(self.weights).__name__)
        unknown = sorted(str(name) for name in self.weights if name not in DIMENSIONS)
        if unknown:
            raise _error(
                self.source,
                f"{key}.{unknown[0]}",
                f"keyed by the dimensions {list(DIMENSIONS)}",
                repr(unknown[0]),
            )
        weights: dict[str, float] = {}
        for dimension in DIMENSIONS:
            if dimension not in self.weights:
                raise _error(self.source, f"{key}.{dimension}", "given for every dimension", "no weight")
            value = self.weights[dimension]
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise _error(self.source, f"{key}.{dimension}", "a finite number", repr(value))
            if value < 0:
                raise _error(self.source, f"{key}.{dimension}", "non-negative", repr(value))
            weights[dimension] = float(value)
        total = sum(weights.values())
        if total == 0:
            raise _error(self.source, key, "positive for at least one dimension", "all zero")
        object.__setattr__(self, "weights", MappingProxyType(weights))
        object.__setattr__(self, "normalised", MappingProxyType({d: w / total for d, w in weights.items()}))

    def vector(self) -> NDArray[np.float64]:
        """The weights in :data:`DIMENSIONS` order."""
        return np.array([self.weights[dimension] for dimension in DIMENSIONS], dtype=np.float64)


def load_profiles(path: str | Path = BUILTIN_PROFILES_FILE) -> dict[str, WeightProfile]:
    """Every profile in a YAML (``.yaml``, ``.yml``) or JSON (``.json``) file, by name."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigurationError(f"{source}: cannot be read ({error.strerror}).") from error
    try:
        content = json.loads(text) if source.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise ConfigurationError(
            f"{source}: is not valid {'JSON' if source.suffix.lower() == '.json' else 'YAML'}: {error}"
        ) from error
    if not isinstance(content, Mapping) or not content:
        raise ConfigurationError(
            f"{source}: must map profile names to profiles. Got {type(content).__name__} instead."
        )
    profiles: dict[str, WeightProfile] = {}
    for name, body in content.items():
        if not isinstance(body, Mapping) or "weights" not in body:
            raise ConfigurationError(
                f"{source}: {name}: must be a mapping with a 'weights' key. Got {body!r} instead."
            )
        extra = sorted(str(key) for key in body if key not in _PROFILE_KEYS)
        if extra:
            raise ConfigurationError(
                f"{source}: {name}.{extra[0]}: is not a profile key; use one of {list(_PROFILE_KEYS)}."
            )
        profiles[str(name)] = WeightProfile(
            name=str(name),
            weights=body["weights"],
            description=str(body.get("description", "")),
            source=str(source),
        )
    return profiles


def load_profile(path: str | Path, *, name: str | None = None) -> WeightProfile:
    """One profile from a file: the one named ``name``, or the only one the file holds."""
    profiles = load_profiles(path)
    if name is None:
        if len(profiles) != 1:
            raise ConfigurationError(
                f"{path}: holds {len(profiles)} profiles {sorted(profiles)}; pass name= to choose one."
            )
        return next(iter(profiles.values()))
    if name not in profiles:
        raise ConfigurationError(f"{path}: {name}: no such profile; the file has {sorted(profiles)}.")
    return profiles[name]


def get_profile(profile: str | WeightProfile | Mapping[str, float]) -> WeightProfile:
    """A built-in profile by name, a :class:`WeightProfile` as is, or a mapping of weights validated."""
    if isinstance(profile, WeightProfile):
        return profile
    if isinstance(profile, str):
        builtin = load_profiles(BUILTIN_PROFILES_FILE)
        if profile not in builtin:
            raise ConfigurationError(
                f"The 'profile' parameter of get_profile must be one of {sorted(builtin)} or a WeightProfile "
                f"(load files with load_profile). Got {profile!r} instead."
            )
        return builtin[profile]
    return WeightProfile(name="custom", weights=profile)

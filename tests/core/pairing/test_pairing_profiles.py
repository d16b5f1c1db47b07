"""Weight profiles: the built-in file and validation of user files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from innotwin.core.errors import ConfigurationError
from innotwin.core.pairing import DIMENSIONS, WeightProfile, get_profile, load_profile, load_profiles
from innotwin.core.pairing.profiles import BUILTIN_PROFILES_FILE


def test_load_profiles_reads_the_three_builtin_profiles():
    profiles = load_profiles()
    assert sorted(profiles) == ["balanced", "complementarity-first", "peers"]
    assert dict(profiles["balanced"].weights) == dict.fromkeys(DIMENSIONS, 1.0)
    assert profiles["complementarity-first"].weights["complementarity"] == 3.0


def test_weight_profile_normalises_weights_to_sum_one():
    profile = get_profile("peers")
    assert sum(profile.normalised.values()) == pytest.approx(1.0)
    assert profile.normalised["scale"] == 2.0 / 10.0


def test_load_profile_reads_user_yaml(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "mine:\n  weights: {" + ", ".join(f"{d}: 2" for d in DIMENSIONS) + "}\n", encoding="utf-8"
    )
    assert load_profile(path).name == "mine"


def test_load_profile_reads_user_json(tmp_path: Path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"mine": {"weights": dict.fromkeys(DIMENSIONS, 0.5), "description": "x"}}))
    assert load_profile(path, name="mine").description == "x"


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        (
            {"size": 1},
            "mine.weights.size",
            "keyed by the dimensions " + str(list(DIMENSIONS)) + ". Got 'size'",
        ),
        ({"scale": -1}, "mine.weights.scale", "non-negative. Got -1"),
        ({"scale": "high"}, "mine.weights.scale", "a finite number. Got 'high'"),
        ({"scale": True}, "mine.weights.scale", "a finite number. Got True"),
        (dict.fromkeys(DIMENSIONS, 0), "mine.weights", "positive for at least one dimension. Got all zero"),
    ],
)
def test_load_profile_with_bad_weight_names_file_and_key(tmp_path: Path, change, key, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"mine": {"weights": dict.fromkeys(DIMENSIONS, 1) | change}}))
    with pytest.raises(ConfigurationError) as error:
        load_profile(path)
    assert (
        str(error.value)
        == f"{path}: {key}: The 'weights' parameter of WeightProfile must be {message} instead."
    )


def test_load_profile_with_missing_dimension_names_it(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    weights = dict.fromkeys(DIMENSIONS, 1)
    del weights["policy"]
    path.write_text(json.dumps({"mine": {"weights": weights}}))
    with pytest.raises(ConfigurationError) as error:
        load_profile(path)
    assert str(error.value) == (
        f"{path}: mine.weights.policy: The 'weights' parameter of WeightProfile must be given for every "
        "dimension. Got no weight instead."
    )


def test_load_profile_with_unknown_profile_key_names_it(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(json.dumps({"mine": {"weights": dict.fromkeys(DIMENSIONS, 1), "weight": 1}}))
    with pytest.raises(ConfigurationError) as error:
        load_profile(path)
    assert (
        str(error.value)
        == f"{path}: mine.weight: is not a profile key; use one of ['description', 'weights']."
    )


def test_load_profile_of_invalid_yaml_names_file(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("mine: [unclosed\n")
    with pytest.raises(ConfigurationError) as error:
        load_profile(path)
    assert str(error.value).startswith(f"{path}: is not valid YAML: ")


def test_load_profile_of_file_with_several_profiles_needs_a_name():
    with pytest.raises(ConfigurationError) as error:
        load_profile(BUILTIN_PROFILES_FILE)
    assert str(error.value) == (
        f"{BUILTIN_PROFILES_FILE}: holds 3 profiles ['balanced', 'complementarity-first', 'peers']; "
        "pass name= to choose one."
    )


def test_get_profile_of_unknown_name_raises():
    with pytest.raises(ConfigurationError) as error:
        get_profile("equal")
    assert str(error.value) == (
        "The 'profile' parameter of get_profile must be one "
        "of ['balanced', 'complementarity-first', 'peers'] "
        "or a WeightProfile (load files with load_profile). Got 'equal' instead."
    )


def test_get_profile_of_mapping_validates_it():
    with pytest.raises(ConfigurationError) as error:
        get_profile({"scale": 1})
    assert str(error.value) == (
        "<mapping>: custom.weights.structure: The 'weights' "
        "parameter of WeightProfile must be given for every "
        "dimension. Got no weight instead."
    )


def test_weight_profile_vector_follows_dimension_order():
    profile = WeightProfile(name="x", weights={d: float(n) for n, d in enumerate(DIMENSIONS)})
    assert profile.vector().tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]

"""The reference percentiles (shipped and rebuilt) and the weights table with a user's overrides."""

from __future__ import annotations

import json

import pytest

from ico_lens.errors import InputError
from ico_lens.score import Reference, Weights, load_reference, load_weights, score
from ico_lens.score.build import reference_from_rows
from ico_lens.score.features import FEATURES
from ico_lens.score.reference import GRID
from ico_lens.score.weights import COMPONENTS, WEIGHTS


def test_percentile_ranks_interpolate_and_ties_take_the_middle():
    ref = Reference.from_values({"x": [0, 0, 0, 0, 10, 20, 30, 40, 50, 60]})
    feature = ref.features["x"]
    assert feature.n == 10 and len(feature.quantiles) == len(GRID)
    assert ref.percentile("x", 0) == pytest.approx(15.0)  # 0 is the value of the 0th to 30th percentiles
    assert ref.percentile("x", 25) == pytest.approx(ref.percentile("x", 20) + (ref.percentile("x", 30) - ref.percentile("x", 20)) / 2, abs=1)
    assert ref.percentile("x", -5) == 0.0 and ref.percentile("x", 99) == 100.0
    assert ref.percentile("x", None) is None and ref.percentile("unknown", 3) is None


def test_the_shipped_reference_has_every_feature_from_the_real_papers():
    ref = load_reference()
    assert set(ref.features) == set(FEATURES)
    assert ref.papers >= 200 and "white papers" in ref.source and ref.command.startswith("ico-lens score --build-reference")
    assert ref.features["insider_share"].n >= 80  # papers with an allocation in percent
    for feature in ref.features.values():
        assert feature.quantiles == sorted(feature.quantiles)
    # summary statistics only: nothing of a paper's text
    assert "quote" not in json.dumps(ref.to_dict())


def test_a_reference_round_trips_and_rebuilds_from_rows():
    rows = [{"insider_share": 10.0 * i, "rate_certainty": None} for i in range(11)]
    ref = reference_from_rows(rows, source="eleven rows", command="test")
    assert ref.papers == 11 and "rate_certainty" not in ref.features
    assert ref.median("insider_share") == 50.0
    assert Reference.from_dict(json.loads(ref.to_json())) == ref


def test_a_bad_reference_file_is_bad_input(tmp_path):
    path = tmp_path / "ref.json"
    path.write_text('{"features": {"x": {"n": 3}}}')
    with pytest.raises(InputError, match="ref.json"):
        load_reference(path)


def test_the_components_maxima_add_up_to_100():
    weights = Weights.default()
    assert sum(weights.maximum(c) for c in COMPONENTS) == 100
    assert all(meaning for _, meaning in WEIGHTS.values())


def test_a_weights_file_overrides_points_and_the_report_says_so(tmp_path):
    from tests.align.records import paper

    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"disclosure.risk": 20, "disclosure.governance": 0}))
    weights = load_weights(path)
    assert weights["disclosure.risk"] == 20 and weights.maximum("disclosure") == 35
    report = score(paper(), None, weights=weights)
    risk = next(i for i in report.component("disclosure").items if i.name == "disclosure.risk")
    assert risk.points == 20 and report.weights_source == str(path)
    assert report.component("disclosure").points == 35


@pytest.mark.parametrize("content, message", [
    ('{"language.hyp": 3}', "unknown weight"),
    ('{"language.hype": -1}', "must be a number"),
    ('{"language.hype": "8"}', "must be a number"),
    ("[1, 2]", "one JSON object"),
    ("{not json", "not JSON"),
])
def test_a_bad_weights_file_is_refused_naming_it(tmp_path, content, message):
    path = tmp_path / "w.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as caught:
        load_weights(path)
    assert str(path) in str(caught.value)

"""``ico-lens eval contracts``: scoring helpers, and a floor on real gold contracts."""

from __future__ import annotations

import json

import pytest

from ico_lens.contract import evaluate as ev

#: a varied sample of the gold contracts (mint/finish, Bancor issue/destroy, multi-owner pause,
#: migration + vesting, MiniMe controller, owner locks/freeze, upgrade agent, token + sale)
SAMPLE = [
    "0x9e46a38f5daabe8683e10793b06749eef7d733d1",
    "0x1f573d6fb3f13d689ff844b4ce37794d79a7ff1c",
    "0x38bca9e1cebc427d31118d1665cbf0e8e8304083",
    "0x4e15361fd6b4bb609fa63c81a2be19d873717870",
    "0x6ec8a24cabdc339a06a172f8223ea557055adaa5",
    "0xe54bed429c033bae5cb0747efa0f41beefd9e99a",
    "0x45245bc59219eeaaf6cd3f382e078a461ff9de7b",
    "0xb97048628db6b661d4c2aa833e95dbe1a905b280",
]


def test_gold_numbers_are_read_as_numbers():
    assert ev.gold_number("2500000000 * 1e18", 18) == 2500000000 * 10**18
    assert ev.gold_number("7200000000 * (10 ** uint256(decimals))", 18) == 7200000000 * 10**18
    assert ev.gold_number("100000000 * (10 ** uint256(decimals()))", 18) == 10**26
    assert ev.gold_number("10**26 (declared totalSupply; no balances assigned)", 18) == 10**26
    assert ev.gold_number("400000000E14", 14) == 4 * 10**22
    assert ev.gold_number("initialSupply (constructor argument, raw units)", None) is None
    assert ev.gold_number("MAX_TOTAL_TOKEN_SUPPLY = 3175000000 * E18", 18) is None


def test_value_matching():
    gold = {"decimals": 18, "initial_supply": "1 * 10**27", "cap": None, "token_contract": "T"}
    assert ev.value_matches("initial_supply", gold, str(10**27))
    assert not ev.value_matches("initial_supply", gold, "5")
    assert not ev.value_matches("initial_supply", gold, None)
    assert ev.value_matches("cap", gold, None)
    assert ev.value_matches("initial_supply", {"initial_supply": "tokenTotalAmount (constructor argument)"}, "x (constructor argument)")


def test_scores_count_gold_nulls_out():
    report = ev.EvalReport(scores={"burnable": ev.FactScore(fact="burnable")})
    ev._score(report, "0x1", "burnable", True, True, {})
    ev._score(report, "0x2", "burnable", False, True, {})
    ev._score(report, "0x3", "burnable", None, True, {})
    ev._score(report, "0x4", "burnable", True, None, {})
    score = report.scores["burnable"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert score.precision == 0.5 and score.recall == 0.5
    assert [m.address for m in report.misses] == ["0x2", "0x4"]


@pytest.mark.shared
@pytest.mark.slow
def test_eval_on_gold_sample_stays_above_floor(shared_dir, tmp_path):
    pytest.importorskip("slither")
    gold_dir, sources_dir = tmp_path / "gold", tmp_path / "sources"
    gold_dir.mkdir()
    sources_dir.mkdir()
    for address in SAMPLE:  # links, not copies: the real data stays in ../shared
        (gold_dir / f"{address}.json").symlink_to(shared_dir / "corpus/gold/contracts" / f"{address}.json")
        (sources_dir / f"{address}.sol").symlink_to(shared_dir / "corpus/contracts" / f"{address}.sol")
    report = ev.evaluate(gold_dir, sources_dir, jobs=2)
    assert report.analysed == len(SAMPLE), report.failures
    assert report.values["token_contract"][0] == len(SAMPLE)
    tp = sum(s.tp for s in report.scores.values())
    fp = sum(s.fp for s in report.scores.values())
    fn = sum(s.fn for s in report.scores.values())
    assert tp >= 30  # 32 true positives when written
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9, ev.render(report)
    for score in report.scores.values():
        if score.positives >= 3:
            assert score.precision >= 0.75 and score.recall >= 0.75, ev.render(report)
    assert "precision" in ev.to_json(report) and json.loads(ev.to_json(report))["analysed"] == len(SAMPLE)


def test_parts_render_held_as_aggregates_only():
    gold = {"address": "0xa", "burnable": True, "pausable": False, "token_contract": "T"}
    missed = {"facts": {"burnable": False, "pausable": False, "token_contract": "T"}}
    reports = {"all": ev.EvalReport(), "tune": ev.EvalReport(), "held": ev.EvalReport()}
    for part in reports:
        ev._add_contract(reports[part], gold, missed)
    text = ev.render_parts(reports)
    tune, held = text.split("== held part ==")
    assert "== tune part ==" in tune and "0xa burnable" in tune
    assert "burnable" in held and "0xa" not in held  # the held part's failures are never listed one by one
    data = json.loads(ev.parts_to_json(reports))
    assert data["held"]["misses"] == 1 and data["tune"]["misses"][0]["address"] == "0xa"
    assert data["held"]["facts"]["burnable"]["fn"] == 1


def test_shared_evaluation_needs_the_splits(tmp_path):
    with pytest.raises(ev.InputError):
        ev.evaluate_shared(tmp_path)


def test_only_part_scores_that_part_alone(tmp_path, monkeypatch):
    gold_dir, sources_dir = tmp_path / "gold", tmp_path / "sources"
    gold_dir.mkdir()
    sources_dir.mkdir()
    for address in ("0xa", "0xb"):
        (gold_dir / f"{address}.json").write_text(json.dumps({"address": address, "burnable": True}))
        (sources_dir / f"{address}.sol").write_text("contract T {}")
    analysed: list[str] = []

    def fake_analyse_all(paths, jobs):  # stands in for compiling: only which files get analysed matters
        analysed.extend(paths)
        return [{"facts": {"burnable": True}} for _ in paths]

    monkeypatch.setattr(ev, "analyse_all", fake_analyse_all)
    reports = ev.evaluate_sets([(gold_dir, sources_dir)], splits={"0xa": "tune", "0xb": "held"}, only_part="tune")
    assert [p.rsplit("/", 1)[-1] for p in analysed] == ["0xa.sol"]  # the held contract is never analysed
    assert set(reports) == {"all", "tune"} and reports["tune"].analysed == 1

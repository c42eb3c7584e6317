"""Each score component on realistic records: what adds points, how many, and the evidence given."""

from __future__ import annotations

import json

import pytest

from ico_lens.align import align
from ico_lens.contract.records import Role
from ico_lens.language.records import CategoryEvidence, LanguageProfile, ProfileStatus, ScoredSentence
from ico_lens.paper.tokenomics.records import AllocationBucket, Distribution
from ico_lens.records import Evidence
from ico_lens.score import Reference, Weights, score
from ico_lens.score.features import paper_features
from tests.align.records import ZERO, chain, contract, paper

WEIGHTS = Weights.default()
#: a small reference: 0..40 for shares, 0..4 for rates, so percentiles are easy to read
REFERENCE = Reference.from_values({
    "insider_share": [0, 10, 20, 30, 40], "sale_share": [20, 40, 60, 80, 100],
    "rate_hype_return_promises": [0, 1, 2, 3, 4], "risk_rate": [0, 1, 2, 3, 4], "certainty_share": [0, 0.1, 0.2, 0.3, 0.4],
}, source="five made-up papers")


def facts_with(buckets: list[tuple[str, str, float, float | None]], claims: dict | None = None):
    """Paper facts whose main allocation is ``buckets`` (label, category, percent, vesting months)."""
    facts = paper(claims)
    items = [AllocationBucket(label, category, "unknown", percent, vesting_months=months,
                              evidence=Evidence.paper(5, f"{label} {percent}%")) for label, category, percent, months in buckets]
    facts.allocations = [Distribution("allocation", items, source="text", is_main=True).finish()]
    return facts


def language_profile(hype: float, risk: float, certainty: float, tentative: float) -> LanguageProfile:
    categories = {"hype_return_promises": hype, "risk_regulatory": risk, "risk_security_hack": 0.0, "risk_market_volatility": 0.0,
                  "risk_technology": 0.0, "risk_liquidity": 0.0, "risk_team_execution": 0.0, "certainty": certainty,
                  "tentativeness": tentative}
    return LanguageProfile(
        "demo.pdf", ProfileStatus.OK, word_count=5000, categories=categories,
        sentences=[ScoredSentence("Regulators may ban token sales.", 9, "risk_disclosure", 0.9),
                   ScoredSentence("Expect 10x returns within a year.", 2, "return_promise", 0.8)],
        evidence={"hype_return_promises": CategoryEvidence("hype_return_promises", 3, [("guaranteed", 3)],
                                                           [Evidence.paper(2, "guaranteed")])})


def item(report, name):
    return next(i for c in report.components for i in c.items if i.name == name)


def test_a_paper_stating_nothing_earns_every_disclosure_point():
    report = score(paper(), None, reference=REFERENCE)
    disclosure = report.component("disclosure")
    assert disclosure.points == 25 and all(i.points == 5 for i in disclosure.items)
    # no language profile: that component is not assessed, and neither is alignment without a contract
    assert [c.name for c in report.components if not c.assessed] == ["language", "alignment"]
    assert report.max_points == 50


def test_stated_allocation_and_vesting_take_points_off_with_their_pages():
    facts = facts_with([("Sale", "public_sale", 70, None), ("Team", "team_founders", 20, 24), ("Advisors", "advisors", 10, None)],
                       {"team_vesting": True, "governance_rights": False})
    report = score(facts, language_profile(1, 2, 1, 1), reference=REFERENCE)
    allocation = item(report, "disclosure.allocation")
    assert allocation.points == 0 and [e.page for e in allocation.evidence] == [5, 5, 5]
    assert item(report, "disclosure.vesting").points == 0
    assert item(report, "disclosure.governance").points == 0  # rights denied is still a word on them
    assert item(report, "disclosure.risk").evidence[0].quote == "Regulators may ban token sales."
    assert item(report, "disclosure.use_of_funds").points == 5


@pytest.mark.parametrize("insider, expected", [(5, 0.0), (10, 0.0), (25, 5.0), (40, 10.0), (60, 10.0)])
def test_insider_share_points_scale_from_10_to_40_percent(insider, expected):
    facts = facts_with([("Sale", "public_sale", 100 - insider, None), ("Team", "team_founders", insider, 12)])
    found = item(score(facts, None, reference=REFERENCE), "allocation.insider_share")
    assert found.points == expected and found.value == insider
    assert found.percentile == REFERENCE.percentile("insider_share", insider)


def test_a_small_sale_share_and_unvested_insiders_add_points():
    facts = facts_with([("Sale", "public_sale", 30, None), ("Reserve", "reserve_treasury", 50, None), ("Team", "team_founders", 20, None)])
    report = score(facts, None, reference=REFERENCE)
    assert item(report, "allocation.sale_share").points == 10
    unvested = item(report, "allocation.insider_unvested")
    assert unvested.points == 5 and unvested.evidence[0].quote == "Team 20%"


def test_an_unknown_allocation_counts_half():
    report = score(paper(), None, reference=REFERENCE)
    assert report.component("allocation").points == 12.5


def test_language_points_follow_the_reference_percentiles():
    report = score(paper(), language_profile(hype=3, risk=1, certainty=1, tentative=4), reference=REFERENCE)
    hype, risk, certainty = (item(report, f"language.{n}") for n in ("hype", "risk_language", "certainty"))
    assert (hype.percentile, hype.points) == (75.0, 6.0)  # 3 is the 75th percentile of 0..4: 75% of 8 points
    assert (risk.percentile, risk.points) == (25.0, 6.0)  # little risk language: 75% of 8 points
    assert certainty.value == 0.2 and certainty.points == 4.5  # 1 / (1 + 4) is the median
    assert [e.quote for e in hype.evidence] == ["guaranteed", "Expect 10x returns within a year."]
    calm = score(paper(), language_profile(hype=0, risk=4, certainty=0, tentative=4), reference=REFERENCE)
    assert calm.component("language").points < report.component("language").points


def test_contradicted_claims_and_undisclosed_powers_add_points_with_code_lines():
    facts = paper({"supply_fixed": True})
    code = contract({"can_mint_after_deploy": True, "pausable": True}, roles=[Role("owner", ["mint", "pause"])])
    report = score(facts, None, contract=code, alignment=align(facts, code), reference=REFERENCE)
    component = report.component("alignment")
    assert component.assessed and component.max_points == 25
    supply = item(report, "alignment.contradicted_high")
    assert supply.points == 10 and {e.kind for e in supply.evidence} == {"paper", "code"}
    pause = next(i for i in component.items if i.label.startswith("pausable: undisclosed"))
    assert pause.points == 8 and pause.evidence[0].where == "Pausable.pause:105"
    assert component.points == 25  # 10 + 8 + 8, capped at alignment.max
    assert report.max_points == 75  # no language profile given: out of the other three


def test_a_power_only_the_owner_held_is_removed_when_ownership_was_renounced_on_chain():
    facts = paper({"token_price": "1 ETH = 1,000 DICO"})
    roles = [Role("owner", ["mint"])]
    renounced = contract({"can_mint_after_deploy": True}, roles=roles, chain=chain(owner=ZERO))
    report = score(facts, None, contract=renounced, alignment=align(facts, renounced), reference=REFERENCE)
    mint = item(report, "alignment.undisclosed_high")
    assert mint.points == 0 and "renounced" in mint.label
    assert any(e.kind == "chain" and e.value == ZERO for e in mint.evidence)
    owned = contract({"can_mint_after_deploy": True}, roles=roles, chain=chain())
    assert item(score(facts, None, contract=owned, alignment=align(facts, owned), reference=REFERENCE),
                "alignment.undisclosed_high").points == 8
    # a mint anyone with the minter role can call stays a power after the owner renounced
    minter = contract({"can_mint_after_deploy": True}, roles=[Role("minter", ["mint"])], chain=chain(owner=ZERO))
    assert item(score(facts, None, contract=minter, alignment=align(facts, minter), reference=REFERENCE),
                "alignment.undisclosed_high").points == 8


def test_features_match_the_store_columns_on_a_sample_paper(meridia):
    paper_report, profile = meridia
    features = paper_features(paper_report.facts, profile)
    assert features["insider_share"] == 20.0  # team and founders 15% + advisors 5%
    assert features["sale_share"] == 50.0
    assert features["hhi"] == pytest.approx(0.25 + 0.04 + 0.0225 + 3 * 0.0025)
    assert features["risk_rate"] > 0 and 0 <= features["certainty_share"] <= 1


def test_grade_bands_and_score_of_a_sample_paper(meridia):
    paper_report, profile = meridia
    report = score(paper_report.facts, profile)
    assert 0 <= report.score <= 100 and report.grade in "ABCDE"
    assert report.score == round(100 * sum(c.points for c in report.components if c.assessed) / 75)
    assert report.component("disclosure").points == 0  # meridia states all five
    assert report.reference  # the shipped reference says where it comes from


def test_a_score_with_its_alignment_reads_back_from_json(meridia):
    from ico_lens.score import ScoreReport

    paper_report, profile = meridia
    facts = paper_report.facts
    code = contract({"pausable": True}, roles=[Role("owner", ["pause"])])
    report = score(facts, profile, contract=code, alignment=align(facts, code, profile=profile))
    assert ScoreReport.from_dict(json.loads(report.to_json())) == report

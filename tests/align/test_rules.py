"""Every alignment rule on records built directly: consistent, contradicted and unverifiable (or, for a
power, undisclosed and disclosed with the sentence shown)."""

from __future__ import annotations

import pytest

from ico_lens.align import align
from ico_lens.align.records import (
    CLAIM_TOO_VAGUE, FACT_UNDETERMINED, NO_CHAIN_ACCESS, NO_SOURCE, REASONS, AlignmentReport,
)
from ico_lens.align.rules import AlignmentRule, register, registered, unregister
from ico_lens.align.rules.base import rounding_tolerance
from ico_lens.contract.records import Role

from .records import OWNER, ZERO, chain, contract, paper, profile


def verdict(report: AlignmentReport, claim: str) -> tuple[str | None, str | None]:
    found = report.finding(claim)
    return (found.verdict, found.reason) if found else (None, None)


# -- total_supply ---------------------------------------------------------------------------------


def test_total_supply_matches_the_initial_supply_within_the_papers_rounding():
    report = align(paper(total_supply=106_000_000), contract(initial_supply=105_900_001))
    assert verdict(report, "total_supply") == ("consistent", None)
    assert report.finding("total_supply").code_evidence[0].where == "DemoICOToken.constructor:122"


def test_total_supply_differs_from_the_cap():
    report = align(paper(total_supply=100_000_000), contract({"can_mint_after_deploy": True}, cap=150_000_000))
    found = report.finding("total_supply")
    assert found.verdict == "contradicted" and found.severity == "high"
    assert "150,000,000" in found.explanation and found.paper_evidence[0].page == 3


def test_total_supply_above_the_stated_one_on_chain_is_contradicted():
    report = align(paper(total_supply=1_000_000), contract(initial_supply=1_000_000), chain=chain(total_supply=1_300_000))
    found = report.finding("total_supply")
    assert found.verdict == "contradicted" and found.chain_evidence[0].value == 1_300_000 * 10**18


def test_total_supply_unverifiable_when_the_code_fixes_no_amount():
    report = align(paper(total_supply=5_000_000), contract({"can_mint_after_deploy": True}))
    assert verdict(report, "total_supply") == ("unverifiable", FACT_UNDETERMINED)


def test_rounding_tolerance_is_half_the_last_stated_digit_at_most_one_percent():
    assert rounding_tolerance(106_000_000) == 500_000
    assert rounding_tolerance(98_557_555) == 0.5
    assert rounding_tolerance(1_000_000_000) == 10_000_000


# -- supply_fixed -----------------------------------------------------------------------------------


def test_fixed_supply_without_a_mint_is_consistent():
    assert verdict(align(paper({"supply_fixed": True}), contract()), "supply_fixed") == ("consistent", None)


def test_fixed_supply_with_a_reachable_mint_is_contradicted():
    report = align(paper({"supply_fixed": True}), contract({"can_mint_after_deploy": True, "mint_can_be_finished": False}))
    found = report.finding("supply_fixed")
    assert found.verdict == "contradicted" and "nothing ever stops it" in found.explanation
    assert found.code_evidence[0].where == "MintableToken.mint:85"
    assert report.exit_code == 1


def test_fixed_supply_consistent_when_the_chain_shows_minting_finished():
    mintable = contract({"can_mint_after_deploy": True, "mint_can_be_finished": True})
    finished = align(paper({"supply_fixed": True}), mintable, chain=chain(minting_finished=True)).finding("supply_fixed")
    assert finished.verdict == "consistent" and finished.chain_evidence[0].value is True
    ongoing = align(paper({"supply_fixed": True}), mintable, chain=chain(minting_finished=False)).finding("supply_fixed")
    assert ongoing.verdict == "contradicted" and "not finished" in ongoing.explanation


def test_fixed_supply_consistent_when_the_owner_who_alone_mints_renounced():
    owned = [Role("owner", ["mint", "finishMinting", "transferOwnership"])]
    mintable = contract({"can_mint_after_deploy": True, "mint_can_be_finished": True}, roles=owned)
    assert verdict(align(paper({"supply_fixed": True}), mintable, chain=chain(owner=ZERO)), "supply_fixed")[0] == "consistent"
    minter = contract({"can_mint_after_deploy": True}, roles=[Role("minter", ["mint"])])
    assert verdict(align(paper({"supply_fixed": True}), minter, chain=chain(owner=ZERO)), "supply_fixed")[0] == "contradicted"


def test_fixed_supply_consistent_when_minting_is_capped_at_the_stated_supply():
    report = align(paper({"supply_fixed": True}, total_supply=500_000_000),
                   contract({"can_mint_after_deploy": True}, cap=500_000_000))
    assert verdict(report, "supply_fixed") == ("consistent", None)


def test_promised_inflation_without_a_mint_is_contradicted():
    assert verdict(align(paper({"supply_fixed": False}), contract()), "supply_fixed")[0] == "contradicted"


def test_fixed_supply_unverifiable_when_minting_is_undetermined():
    report = align(paper({"supply_fixed": True}), contract({"can_mint_after_deploy": None},
                                                           undetermined={"can_mint_after_deploy": "a proxy to an outside platform"}))
    found = report.finding("supply_fixed")
    assert (found.verdict, found.reason) == ("unverifiable", FACT_UNDETERMINED) and "outside platform" in found.explanation


# -- the boolean promises: burn, unsold tokens, vesting, transfer lock, governance, oracle ------------

PROMISES = [
    # (claim, promised value, a fact that keeps it)
    ("unsold_tokens", "burned", "burnable"),
    ("burn_mechanism", True, "burnable"),
    ("team_vesting", True, "vesting_or_timelock"),
    ("transfers_locked_until_sale_end", True, "transfer_lock"),
    ("transfers_locked_until_sale_end", True, "pausable"),
]


@pytest.mark.parametrize("claim, value, fact", PROMISES)
def test_a_promise_is_consistent_with_the_fact_and_contradicted_without_it(claim, value, fact):
    kept = align(paper({claim: value}), contract({fact: True})).finding(claim)
    assert kept.verdict == "consistent" and kept.code_evidence and kept.code_value == fact
    broken = align(paper({claim: value}), contract()).finding(claim)
    assert broken.verdict == "contradicted" and broken.paper_evidence[0].quote.startswith("(the paper on")


@pytest.mark.parametrize("claim, value, fact", PROMISES)
def test_a_promise_is_unverifiable_without_a_source_or_with_the_fact_undetermined(claim, value, fact):
    assert verdict(align(paper({claim: value}), None), claim) == ("unverifiable", NO_SOURCE)
    undetermined = contract({fact: None, "transfer_lock": None, "pausable": None, "burnable": None, "vesting_or_timelock": None})
    assert verdict(align(paper({claim: value}), undetermined), claim) == ("unverifiable", FACT_UNDETERMINED)


def test_unsold_tokens_never_minted_count_as_burned():
    sale_mints = contract({"can_mint_after_deploy": True, "mint_can_be_finished": True})
    found = align(paper({"unsold_tokens": "burned"}), sale_mints).finding("unsold_tokens")
    assert found.verdict == "consistent" and found.code_value == "minted_when_sold"
    premined = contract({"can_mint_after_deploy": True, "mint_can_be_finished": True}, initial_supply=1_000_000)
    assert verdict(align(paper({"unsold_tokens": "burned"}), premined), "unsold_tokens")[0] == "contradicted"


def test_unsold_tokens_kept_is_no_promise_to_check():
    assert align(paper({"unsold_tokens": "kept"}), contract()).finding("unsold_tokens") is None


def test_team_vesting_shows_the_promised_months():
    found = align(paper({"team_vesting": True, "team_vesting_months": 24}), contract()).finding("team_vesting")
    assert found.paper_value == "vesting 24 months" and found.verdict == "contradicted"


GOVERNANCE_AND_ORACLE = [
    # (claim, the fact deciding it, why the detector may leave it null)
    ("governance_rights", "voting",
     "the token keeps balance snapshots (balanceOfAt()) a voting contract outside this file may read; no function of the file records votes"),
    ("oracle", "oracle_call",
     "updatePrice() lets the priceOracle address push data (ethUsdCents); whether it relays an off-chain feed the code cannot show"),
]


@pytest.mark.parametrize("claim, fact, why", GOVERNANCE_AND_ORACLE)
def test_governance_and_oracle_consistent_with_the_detected_logic(claim, fact, why):
    found = align(paper({claim: True}), contract({fact: True})).finding(claim)
    assert found.verdict == "consistent" and found.code_value == fact and found.severity == "informational"
    assert found.code_evidence[0].function in ("castVote", "ethUsd") and found.paper_evidence[0].page == 4


@pytest.mark.parametrize("claim, fact, why", GOVERNANCE_AND_ORACLE)
def test_governance_and_oracle_contradicted_when_the_source_has_none(claim, fact, why):
    found = align(paper({claim: True}), contract()).finding(claim)  # PLAIN: voting and oracle_call false
    assert found.verdict == "contradicted" and found.severity == "low" and found.code_value is False
    assert "in this source" in found.explanation


@pytest.mark.parametrize("claim, fact, why", GOVERNANCE_AND_ORACLE)
def test_governance_and_oracle_unverifiable_when_undetermined_or_without_source(claim, fact, why):
    found = align(paper({claim: True}), contract({fact: None}, undetermined={fact: why})).finding(claim)
    assert (found.verdict, found.reason) == ("unverifiable", FACT_UNDETERMINED) and why in found.explanation
    assert verdict(align(paper({claim: True}), None), claim) == ("unverifiable", NO_SOURCE)
    # facts stored before the detector existed: no verdict for the fact at all
    old = contract()
    del old.facts.verdicts[fact]
    found = align(paper({claim: True}), old).finding(claim)
    assert found.verdict == "unverifiable" and repr(fact) in found.explanation


@pytest.mark.parametrize("claim, fact, why", GOVERNANCE_AND_ORACLE)
def test_governance_and_oracle_denied_or_silent_is_no_finding(claim, fact, why):
    assert align(paper({claim: False}), contract({fact: True})).finding(claim) is None
    assert align(paper({"burn_mechanism": True}), contract()).finding(claim) is None


# -- allocation ---------------------------------------------------------------------------------------

ALLOCATION = {"Token sale": 60.0, "Team": 23.0, "Advisors": 12.0, "Bounty": 5.0}


def test_allocation_matches_the_genesis_recipients():
    holders = {OWNER: 800_000, "0x" + "33" * 20: 300_000, "0x" + "44" * 20: 150_000, "0x" + "55" * 20: 50_000}
    found = align(paper(allocation=ALLOCATION), contract(), chain=chain(recipients=holders)).finding("allocation")
    assert found.verdict == "consistent"
    assert found.code_value[OWNER] == 61.54
    assert any(e.reason.startswith(OWNER) and "Token sale 60%" in e.reason and "(owner)" in e.reason for e in found.chain_evidence)


def test_allocation_contradicted_by_a_wallet_no_bucket_explains():
    holders = {OWNER: 900_000, "0x" + "33" * 20: 100_000}
    found = align(paper(allocation=ALLOCATION), contract(), chain=chain(recipients=holders)).finding("allocation")
    assert found.verdict == "contradicted" and "the owner received 90%" in found.explanation
    assert found.chain_evidence[0].value == 900_000 * 10**18


def test_allocation_two_buckets_in_one_wallet_match():
    holders = {OWNER: 600_000, "0x" + "33" * 20: 350_000, "0x" + "55" * 20: 50_000}  # team + advisors together
    assert verdict(align(paper(allocation=ALLOCATION), contract(), chain=chain(recipients=holders)), "allocation")[0] == "consistent"


def test_allocation_unverifiable_without_chain_or_when_one_address_holds_all():
    assert verdict(align(paper(allocation=ALLOCATION), contract()), "allocation") == ("unverifiable", NO_CHAIN_ACCESS)
    everything = chain(recipients={OWNER: 1_000_000})
    assert verdict(align(paper(allocation=ALLOCATION), contract(), chain=everything), "allocation") == ("unverifiable", FACT_UNDETERMINED)


def test_allocation_in_amounts_without_a_total_is_too_vague():
    facts = paper(allocation={"Team": 10.0})
    facts.main_allocation.items[0].percent, facts.main_allocation.items[0].amount = None, 15_000_000
    found = align(facts, contract(), chain=chain(recipients={OWNER: 1})).finding("allocation")
    assert (found.verdict, found.reason) == ("unverifiable", CLAIM_TOO_VAGUE) and found.paper_value == {"Team": 15_000_000}


# -- powers -------------------------------------------------------------------------------------------

POWERS = [
    ("can_mint_after_deploy", "New tokens will be minted every year as staking rewards for validators."),
    ("pausable", "The company may pause token transfers in an emergency."),
    ("freeze_or_blacklist", "Accounts involved in fraud can be frozen by the administrator."),
    ("owner_can_change_balances", "The foundation may revoke tokens obtained in breach of these terms."),
    ("upgradeable_or_migratable", "The token contract can be upgraded to fix bugs, and balances migrated to it."),
    ("transfer_fee", "A transaction fee of 0.1% is charged on every transfer."),
    ("selfdestruct", "In case of a critical bug the team can self-destruct the contract."),
]


@pytest.mark.parametrize("power, sentence", POWERS)
def test_a_power_is_undisclosed_unless_the_paper_says_so(power, sentence):
    code = contract({power: True})
    silent = align(paper({"supply_fixed": None}, total_supply=1_000), code, profile=profile("Our team has ten years of experience."))
    found = silent.finding(power)
    assert found.verdict == "undisclosed" and found.severity == "high" and found.code_evidence
    said = align(paper(total_supply=1_000), code, profile=profile("Our team has ten years of experience.", sentence)).finding(power)
    assert said.verdict == "disclosed" and said.severity == "informational"
    assert said.paper_evidence[0].quote == sentence and said.paper_evidence[0].page == 8


@pytest.mark.parametrize("denial", ["No further tokens will ever be minted.", "Transfers cannot be paused by anyone.",
                                    "Accounts can never be frozen."])
def test_a_denial_is_no_disclosure(denial):
    code = contract({"can_mint_after_deploy": True, "pausable": True, "freeze_or_blacklist": True})
    report = align(paper(total_supply=1_000), code, profile=profile(denial))
    assert {f.claim: f.verdict for f in report.findings if f.is_power} == {
        "can_mint_after_deploy": "undisclosed", "pausable": "undisclosed", "freeze_or_blacklist": "undisclosed"}


def test_a_mint_is_disclosed_by_the_inflation_claim_and_gone_once_finished():
    code = contract({"can_mint_after_deploy": True, "mint_can_be_finished": True})
    found = align(paper({"supply_fixed": False}), code).finding("can_mint_after_deploy")
    assert found.verdict == "disclosed" and found.paper_evidence[0].page == 4
    assert align(paper({"supply_fixed": False}), code, chain=chain(minting_finished=True)).finding("can_mint_after_deploy") is None


def test_a_power_the_code_lacks_or_cannot_show_is_no_finding():
    assert [f for f in align(paper(total_supply=1_000), contract()).findings if f.is_power] == []
    assert align(paper(total_supply=1_000), None).findings[0].reason == NO_SOURCE


# -- hard_cap ----------------------------------------------------------------------------------------


def test_a_hard_cap_in_ether_is_the_crowdsales_cap_within_the_papers_rounding():
    report = align(paper({"hard_cap": "30,000 ETH"}), contract({"crowdsale_in_file": True}, sale_cap=(30_000, "ETH")))
    found = report.finding("hard_cap")
    assert (found.verdict, found.code_value) == ("consistent", 30_000)
    assert found.code_evidence[0].contract == "DemoCrowdsale" and found.paper_evidence[0].page == 4
    rounded = align(paper({"hard_cap": "about 12 million tokens"}), contract(sale_cap=(12_004_000, "tokens")))
    assert verdict(rounded, "hard_cap") == ("consistent", None)


def test_a_hard_cap_above_the_papers_is_contradicted():
    report = align(paper({"hard_cap": "26,790 ETH"}), contract({"crowdsale_in_file": True}, sale_cap=(35_000, "ETH")))
    found = report.finding("hard_cap")
    assert found.verdict == "contradicted" and "35,000 ETH" in found.explanation and report.exit_code == 1


@pytest.mark.parametrize("written, sale_cap, reason, why", [
    ("US$ 20M", (30_000, "ETH"), CLAIM_TOO_VAGUE, "in money"),  # dollars: the ether price decides
    ("$25 000 000", None, CLAIM_TOO_VAGUE, "in money"),
    ("a hard cap will apply", (30_000, "ETH"), CLAIM_TOO_VAGUE, "names no amount"),
    ("61200 ETH", None, FACT_UNDETERMINED, "set when it is deployed"),  # the cap is a constructor argument
    ("520 million tokens", (30_000, "ETH"), FACT_UNDETERMINED, "not the same unit"),
])
def test_a_hard_cap_that_code_cannot_check_is_unverifiable_and_says_why(written, sale_cap, reason, why):
    undetermined = {"sale_cap": "the sale's cap is set when it is deployed (CappedCrowdsale.cap = _cap): only the chain knows it"}
    report = align(paper({"hard_cap": written}), contract(sale_cap=sale_cap, undetermined=undetermined))
    found = report.finding("hard_cap")
    assert (found.verdict, found.reason) == ("unverifiable", reason) and why in found.explanation


def test_a_hard_cap_without_a_source_or_a_claim():
    assert verdict(align(paper({"hard_cap": "61200 ETH"}), None), "hard_cap") == ("unverifiable", NO_SOURCE)
    assert align(paper(), contract(sale_cap=(30_000, "ETH"))).finding("hard_cap") is None


# -- the registry and the report ----------------------------------------------------------------------


def test_every_rule_says_what_it_reads_and_the_reasons_are_the_issues():
    rules = registered()
    assert [r.NAME for r in rules][:2] == ["total_supply", "supply_fixed"]
    assert {"allocation", "selfdestruct", "oracle", "governance_rights"} <= {r.NAME for r in rules}
    assert all(r.DESCRIPTION and (r.CLAIMS or r.FACTS) for r in rules)
    assert REASONS == (NO_SOURCE, CLAIM_TOO_VAGUE, FACT_UNDETERMINED, NO_CHAIN_ACCESS)


def test_a_plugin_rule_registers_and_a_taken_name_is_refused():
    class Listed(AlignmentRule):
        NAME, DESCRIPTION, CLAIMS, ORDER = "token_listed", "the paper promises an exchange listing", ("listing",), 500

        def check(self):
            return [self.finding("unverifiable", "no listing data", reason=CLAIM_TOO_VAGUE)]

    register(Listed)
    try:
        assert verdict(align(paper(), contract()), "token_listed") == ("unverifiable", CLAIM_TOO_VAGUE)

        class Clash(AlignmentRule):
            NAME = "total_supply"

        with pytest.raises(ValueError, match="already decided"):
            register(Clash)
    finally:
        unregister("token_listed")


def test_the_report_merges_the_refs_and_counts_the_verdicts():
    report = align(paper({"supply_fixed": True, "team_vesting": True}, total_supply=1_000_000),
                   contract({"can_mint_after_deploy": True}, initial_supply=1_000_000))
    assert report.ref.content_id == "c0ffee" and report.ref.address == OWNER.replace("11", "22") and report.ref.symbol == "DICO"
    assert report.summary == {"consistent": 0, "contradicted": 2, "unverifiable": 1, "undisclosed": 1, "disclosed": 0}
    assert report.status == "ok" and AlignmentReport.from_dict(report.to_dict()) == report
    assert align(paper(), contract()).status == "no_claims"
    assert align(paper({"team_vesting": True}), None).status == "no_source"

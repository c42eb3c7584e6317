"""The evaluation's gold side for facts the gold contract labels have no field for (``voting``,
``oracle_call``): read from ico_lens's facts of the same source, marked so, and left out of the
"where the gold decides" agreement."""

from __future__ import annotations

from ico_lens.align import align
from ico_lens.align.evaluate import (
    AlignmentEvaluation, ProjectResult, gold_contract, unlabelled_claims, unlabelled_facts,
)

from .records import contract, paper

#: a gold contract label as GOLD.md writes it: no voting / oracle_call field
GOLD = {"address": "0x" + "22" * 20, "token_contract": "DemoICOToken", "pragma": "^0.4.24", "decimals": 18,
        "initial_supply": "1000000 * 10**18", "cap": None, "can_mint_after_deploy": False, "mint_can_be_finished": None,
        "burnable": False, "pausable": False, "transfer_lock": False, "freeze_or_blacklist": False,
        "owner_can_change_balances": False, "upgradeable_or_migratable": False, "vesting_or_timelock": False,
        "transfer_fee": False, "selfdestruct": False, "crowdsale_in_file": False, "evidence": {}, "notes": ""}


def test_the_gold_side_takes_unlabelled_facts_from_ours_marked_as_such():
    ours = contract({"voting": True, "oracle_call": None}, undetermined={"oracle_call": "an oracle role pushes data"}).facts
    assert unlabelled_facts(GOLD, ours) == ["voting", "oracle_call"]
    gold = gold_contract(GOLD, ours)
    assert gold.facts.voting is True and gold.facts.oracle_call is None and gold.facts.burnable is False
    assert gold.facts.evidence["voting"][0].reason.startswith("not in the gold label; ico_lens: castVote() decides voting")
    assert gold.facts.undetermined["oracle_call"] == "not in the gold label; ico_lens: an oracle role pushes data"
    assert gold_contract(GOLD).facts.verdicts.get("voting") is None  # without ours: no such fact


def test_claims_reading_only_unlabelled_facts_are_not_where_the_gold_decides():
    assert unlabelled_claims(["voting", "oracle_call"]) == frozenset({"governance_rights", "oracle"})
    assert unlabelled_claims(["voting"]) == frozenset({"governance_rights"})
    ours = contract({"voting": True})
    claims = paper({"governance_rights": True, "burn_mechanism": True})
    result = ProjectResult("demo", "tune", ours=align(claims, ours), gold=align(claims, gold_contract(GOLD, ours.facts)),
                           unlabelled=unlabelled_claims(unlabelled_facts(GOLD, ours.facts)))
    evaluation = AlignmentEvaluation([result])
    assert result.gold.finding("governance_rights").verdict == "consistent"
    assert evaluation.agreement("tune") == (2, 2)  # governance (paper stage only) and the contradicted burn
    assert evaluation.agreement("tune", decided_only=True) == (1, 1)  # only the burn: the gold labels decide it

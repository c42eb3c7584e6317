"""Adding a claim rule touches one file: a rule in a module of its own, registered through
``ico_lens.paper.tokenomics.claims.register``, reaches the facts, their JSON and the evaluation."""

from __future__ import annotations

import importlib
import sys
import textwrap

import pytest

from ico_lens.paper.evaluate import score_paper
from ico_lens.paper.tokenomics import claims
from ico_lens.paper.tokenomics.facts import PaperFacts, extract_facts

from .textdoc import make_document

PLUGIN = '''
import re

from ico_lens.paper.tokenomics.claims import ClaimResult, ClaimRule, evidence_at, register


@register
class Airdrop(ClaimRule):
    NAME = "airdrop"
    DESCRIPTION = "Tokens are given away to holders or community members (an airdrop)."
    CONFIDENCE = "high"
    PATTERNS = {"airdrop": re.compile(r"\\bair[\\s-]?drop(?:ped|s)?\\b", re.I)}

    def _detect(self, document):
        found = [evidence_at(unit, m) for unit, m in self.matches(document, "airdrop")]
        return ClaimResult(self.NAME, True, found[:2]) if found else None
'''

PAPER = (
    "Lumen Network. The LUM token is the unit of account. Total supply: 500,000,000 LUM.",
    "Community\\n2% of the tokens will be airdropped to early community members after the sale.",
)


@pytest.fixture()
def airdrop_plugin(tmp_path, monkeypatch):
    (tmp_path / "airdrop_claim.py").write_text(textwrap.dedent(PLUGIN))
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("airdrop_claim")
    yield module
    claims.unregister("airdrop")
    sys.modules.pop("airdrop_claim", None)


def test_a_rule_from_a_module_of_its_own_reaches_facts_json_and_evaluation(airdrop_plugin):
    facts = extract_facts(make_document(*PAPER))
    result = facts.claims["airdrop"]
    assert result.value is True and result.rule == "Airdrop" and result.confidence == 0.9
    assert result.evidence[0].page == 2 and "airdropped" in result.evidence[0].quote
    data = facts.to_dict()
    assert data["claims"]["airdrop"] is True
    assert list(data["claims"])[-1] == "airdrop"  # after the GOLD.md fields
    assert data["evidence"]["claims.airdrop"][0].startswith("p.2: '")
    assert PaperFacts.from_dict(data) == facts
    assert "airdrop" in score_paper(data, {**data, "claims": {"airdrop": True}}).fields


def test_the_registry_is_back_to_the_gold_fields_without_the_plugin():
    assert "airdrop" not in claims.claim_fields()
    assert "airdrop" not in extract_facts(make_document(*PAPER)).to_dict()["claims"]


def test_register_refuses_a_name_taken_or_missing():
    class Twin(claims.ClaimRule):
        NAME = "oracle"

    class Nameless(claims.ClaimRule):
        pass

    with pytest.raises(ValueError, match="already decided by"):
        claims.register(Twin)
    with pytest.raises(ValueError, match="NAME"):
        claims.register(Nameless)
    with pytest.raises(ValueError):
        claims.register(object)

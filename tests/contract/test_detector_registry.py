"""The detector registry: the facts are the registered detectors, a bad detector is refused, and a
plug-in written in one file (here a temporary module) shows in the facts' JSON."""

from __future__ import annotations

import ast
import importlib
import json
import sys
from pathlib import Path

import pytest

from ico_lens.contract.detectors import FactDetector, register
from ico_lens.contract.detectors.base import unregister

REPO = Path(__file__).resolve().parents[2]
DETECTORS_DIR = REPO / "ico_lens" / "contract" / "detectors"
SAMPLE_GOLD = REPO / "corpora" / "sample" / "build" / "aurevo.contract.json"
#: the GOLD.md keys of a token contract that are not boolean facts
NOT_BOOLEAN = {"address", "token_contract", "pragma", "decimals", "initial_supply", "cap", "evidence", "notes"}
#: built-in facts GOLD.md has no field for (the alignment's governance and oracle claims need them): after GOLD.md's
BEYOND_GOLD = ("voting", "oracle_call")

PLUGIN = '''
from ico_lens.contract.detectors import FactDetector, register


@register
class ApproveDetector(FactDetector):
    NAME = "has_approve"
    DESCRIPTION = "The token lets a holder approve a spender."
    IMPACT = "low"
    CONFIDENCE = "high"

    def _detect(self):
        return [self.finding("approve() lets a spender move the holder's tokens", None, f)
                for f in self.model.entry_points if f.name == "approve"]
'''


def test_built_in_detectors_decide_exactly_the_gold_boolean_facts_in_gold_order():
    from ico_lens.contract.facts import BOOLEAN_FACTS

    gold = json.loads(SAMPLE_GOLD.read_text())
    assert BOOLEAN_FACTS == tuple(key for key in gold if key not in NOT_BOOLEAN) + BEYOND_GOLD


def _detector(**attributes) -> type[FactDetector]:
    attributes.setdefault("NAME", "some_fact")
    return type("Made", (FactDetector,), {"__module__": "tests.made", **attributes})


@pytest.mark.parametrize(
    "attributes, message",
    [
        ({"NAME": ""}, "is not a fact name"),
        ({"NAME": "has approve"}, "is not a fact name"),
        ({"NAME": "decimals"}, "is a field of CodeFacts"),
        ({"NAME": "evidence"}, "is a field of CodeFacts"),
        ({"NAME": "burnable"}, "is already decided by ico_lens.contract.detectors.burn.BurnDetector"),
        ({"IMPACT": "catastrophic"}, "IMPACT 'catastrophic' is not one of"),
        ({"CONFIDENCE": "certain"}, "unknown confidence level 'certain'"),
    ],
)
def test_a_bad_detector_is_refused_not_dropped(attributes, message):
    from ico_lens.contract.detectors import registered

    before = registered()
    with pytest.raises(ValueError, match=message):
        register(_detector(**attributes))
    assert registered() == before


def test_detectors_share_queries_through_the_model_or_base_only():
    """No detector imports another detector's module or a private name of any module."""
    for path in sorted(DETECTORS_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ico_lens"):
                if node.module.startswith("ico_lens.contract.detectors."):
                    assert node.module == "ico_lens.contract.detectors.base", f"{path.name} imports {node.module}"
                private = [alias.name for alias in node.names if alias.name.startswith("_")]
                assert not private, f"{path.name} imports {private} from {node.module}"


@pytest.mark.slow
def test_a_detector_in_one_temporary_file_reaches_the_json(tmp_path, monkeypatch):
    pytest.importorskip("slither")
    from ico_lens.contract.engine import load_slither
    from ico_lens.contract.facts import boolean_facts, derive_facts
    from ico_lens.contract.records import CodeFacts, SourceBundle
    from ico_lens.records import to_dict

    from .test_detectors_behaviour import SOURCES

    (tmp_path / "approve_plugin.py").write_text(PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        importlib.import_module("approve_plugin")
        assert boolean_facts()[-1] == "has_approve"
        bundle = SourceBundle(address=None, sources={"fixed.sol": SOURCES["fixed"]})
        facts = derive_facts(load_slither(bundle), bundle)
    finally:
        unregister("has_approve")
        sys.modules.pop("approve_plugin", None)
    assert facts.has_approve is True
    data = json.loads(json.dumps(to_dict(facts)))
    assert data["has_approve"] is True and data["burnable"] is True
    evidence = data["evidence"]["has_approve"][0]
    assert evidence["function"] == "approve" and evidence["contract"] == "FixedToken"
    assert evidence["reason"] == "approve() lets a spender move the holder's tokens" and evidence["line"] > 0
    assert data["detectors"]["has_approve"] == {
        "description": "The token lets a holder approve a spender.", "impact": "low", "confidence": 0.9,
    }
    assert CodeFacts.from_dict(data) == facts
    assert "has_approve" not in boolean_facts()

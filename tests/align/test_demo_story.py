"""``ico-lens demo`` ends with the headline figures and one alignment story on the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from ico_lens.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "sample" / "build"


@pytest.mark.slow
def test_demo_ends_with_the_fixed_supply_story(capsys):
    if not (SAMPLE / "index.json").exists():
        pytest.skip("sample corpus not generated (make sample)")
    assert main(["demo", str(SAMPLE), "--no-models"]) == 0
    out = capsys.readouterr().out
    accuracy, story = out.split("accuracy, measured against the sample's answer key", 1)[1].split("what meridia's paper promised", 1)
    assert "alignment: 8/8 of the paper-vs-code agreements and disagreements built into the sample found" in accuracy
    assert "misses:" not in accuracy and len(accuracy.strip().splitlines()) <= 12
    assert 'The white paper says on page 5: "The total supply of MRD is fixed at 500,000,000 tokens."' in story
    assert "MintableToken.mint:125" in story and "Verdict on supply_fixed: CONTRADICTED" in story

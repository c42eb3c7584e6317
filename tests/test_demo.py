"""``ico-lens demo`` (what ``make demo`` runs) on the bundled sample corpus."""

from __future__ import annotations

import re

import pytest

from ico_lens.cli import main

from .conftest import REPO

SAMPLE = REPO / "corpora" / "sample" / "build"


@pytest.mark.slow
def test_demo_reads_every_sample_project_and_scores_it(capsys):
    if not (SAMPLE / "index.json").exists():
        pytest.skip("sample corpus not generated (make sample)")
    assert main(["demo", str(SAMPLE), "--no-models"]) == 0
    out = capsys.readouterr().out
    agreement = re.findall(r"^  (\w+)\s+(\d+)/(\d+) facts right", out, re.M)
    assert len(agreement) == 5  # the five sample projects with a token contract
    assert all(right == labelled for _, right, labelled in agreement)
    assert "allocation" in out and "code facts:" in out and "categories" in out


def test_demo_without_the_sample_is_one_line(tmp_path, capsys):
    assert main(["demo", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"ico-lens demo: error: {tmp_path / 'index.json'}: not found: generate the sample first (make sample)"

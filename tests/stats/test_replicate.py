"""The replication from raw files to table, on a shared-data directory laid out like ../shared (made
of generated papers and a TORD table), and the manifest of the real ../shared."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from ico_lens.cli import main
from ico_lens.stats.replicate import MODEL_STEPS, replicate, shared_manifest
from tests.stats.conftest import write_tord

NAMES = ("Acrux", "Betelgeuse", "Canopus", "Diphda", "Enif", "Fomalhaut", "Gacrux", "Hadar", "Izar", "Kochab",
         "Lesath", "Markab", "Nunki", "Okul", "Pollux", "Rasalas")


def write_allocation_paper(path: Path, name: str, *, public: int, team: int, reserve: int, pages: int) -> None:
    ecosystem = 100 - public - team - reserve
    body = " ".join(f"{name} builds a decentralised exchange protocol with on-chain order books." for _ in range(25))
    text = [f"{name} White Paper\n{body}\nToken Allocation\nThe total supply is 500,000,000 tokens.\n"
            f"Public sale: {public}%\nTeam: {team}%\nReserve: {reserve}%\nEcosystem: {ecosystem}%\n"]
    text += [f"Technology\n{body}" for _ in range(pages - 1)]
    path.write_text("\f".join(text), encoding="utf-8")


@pytest.fixture()
def fake_shared(tmp_path: Path) -> Path:
    """A shared-data directory: 12 corpus projects (papers only) and 4 ICOBase texts, a TORD table
    whose raised amounts follow the papers' shares, and a distributed_in_ico that agrees for most."""
    shared = tmp_path / "shared"
    for folder in ("corpus/whitepapers", "icobase/texts", "outcomes"):
        (shared / folder).mkdir(parents=True)
    rng = np.random.default_rng(7)
    projects, tord = [], []
    for i, name in enumerate(NAMES):
        public, team, reserve = int(rng.integers(30, 70)), int(rng.integers(5, 20)), int(rng.integers(5, 15))
        pages = int(rng.integers(2, 6))
        in_corpus = i < 12
        folder = shared / ("corpus/whitepapers" if in_corpus else "icobase/texts")
        write_allocation_paper(folder / f"{name.lower()}.txt", name, public=public, team=team, reserve=reserve, pages=pages)
        if in_corpus:
            projects.append({"slug": name.lower(), "name": name, "token": name[:3].upper(), "contract_address": "",
                             "whitepaper": f"whitepapers/{name.lower()}.txt", "contract_source": ""})
        raised = math.exp(15 + 0.04 * (team + reserve) - 0.01 * public + rng.normal(scale=0.3))
        # TORD: a fraction; three projects disagree with their paper by far more than 5 points
        distributed = (public + (20 if i % 5 == 0 else 0)) / 100
        tord.append({"id": str(i + 1), "name": name, "token": name[:3].upper(), "raised_usd": f"{raised:.0f}",
                     "distributed_in_ico": f"{distributed:.2f}", "ico_start": "2018-02-01", "Source": "ICObench"})
    with open(shared / "corpus" / "projects.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(projects[0]))
        writer.writeheader()
        writer.writerows(projects)
    (shared / "icobase" / "labels.csv").write_text("slug,Name\nlesath,Lesath\n", encoding="utf-8")
    write_tord(shared / "outcomes" / "tord_v4.csv", tord)
    return shared


def test_the_replication_rebuilds_the_table_from_raw_files(fake_shared, tmp_path):
    db = tmp_path / "replication.db"
    result = replicate(str(fake_shared), str(db), use_models=False)
    assert result.projects == 16 and result.with_outcome == 16
    assert result.imported.count("symbol+name") + result.imported.count("name") == 16
    assert result.names == [name for name, _ in MODEL_STEPS]
    first, *_, full = result.regressions
    assert first.n == 16 and first.cov_type == "HC1"
    # raised was generated to grow with the retained share and fall with the public share
    assert first.params["retained_share"] > 0 and first.params["alloc_public_sale"] < 0
    assert "log_words" in full.params
    agreement = result.agreement
    assert agreement.n == 16 and agreement.within == 12  # i = 0, 5, 10, 15 disagree by 20 points
    text = result.table.as_text()
    assert "retained_share" in text and "allocation" in text and "+ paper" in text
    # resumable: a second run reuses the store's papers
    again = replicate(str(fake_shared), str(db), use_models=False)
    assert any("16 already in the store" in line for line in again.batch_lines)
    assert again.regressions[0].params == pytest.approx(first.params)


def test_the_command_prints_the_table_signs_and_agreement(fake_shared, tmp_path, capsys):
    out = tmp_path / "replication.csv"
    assert main(["replicate", "--shared", str(fake_shared), "--db", str(tmp_path / "r.db"), "--no-models", "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "signs in the fullest model beside the published ones" in text
    assert "within 5 points of TORD's distributed_in_ico: 12/16" in text
    assert "retained_share" in out.read_text()


def test_a_directory_that_is_not_shared_data_is_refused(tmp_path, capsys):
    assert main(["replicate", "--shared", str(tmp_path), "--db", str(tmp_path / "r.db")]) == 2
    assert "not a shared data directory" in capsys.readouterr().err


@pytest.mark.shared
def test_the_real_shared_directory_gives_one_row_per_project(shared_dir, tmp_path):
    with open(shared_manifest(str(shared_dir), str(tmp_path / "m.csv")), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sum(1 for r in rows if r["contract"]) == 36
    assert len(rows) > 250 and all(Path(r["paper"]).is_file() for r in rows)
    assert len({r["name"].lower() for r in rows}) == len(rows)


def test_public_sale_agreement_counts_only_projects_with_both_shares():
    import pandas as pd

    from ico_lens.stats.replicate import public_sale_agreement

    frame = pd.DataFrame({
        "alloc_public_sale": [50.0, 40.0, 0.0, None, 30.0],
        "alloc_presale_private": [None, 10.0, 5.0, 5.0, 0.0],
        "outcome_distributed_in_ico": [52.0, 50.0, 10.0, 60.0, None],
    })
    agreement = public_sale_agreement(frame)
    # rows 0 and 1 have both shares; a zero share (no sale found) and a missing one do not count
    assert (agreement.n, agreement.within, agreement.within_with_presale) == (2, 1, 2)
    assert agreement.median_difference == 6.0
    # no TORD column at all (outcomes never imported): nothing to compare, no error
    assert public_sale_agreement(frame.drop(columns="outcome_distributed_in_ico")).n == 0

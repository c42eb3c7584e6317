"""Allocation archetypes (ico_lens.stats.archetypes) on generated clusters, and `ico-lens archetypes` on a
real small feature store."""

from __future__ import annotations

import csv
import json

import numpy as np
import pandas as pd
import pytest

from ico_lens.cli import main
from ico_lens.errors import InputError
from ico_lens.paper.tokenomics.taxonomy import ALLOCATION_CATEGORIES
from ico_lens.stats.archetypes import Archetypes, archetype_name, archetypes
from ico_lens.stats.data import NotEnoughData
from tests.stats.conftest import store_of
from tests.store.conftest import write_paper

#: three strategies: a public sale, insiders and a treasury, an ecosystem fund
PROFILES = (
    {"public_sale": 60, "team_founders": 15, "reserve_treasury": 15, "advisors": 5, "bounty_marketing": 5},
    {"public_sale": 20, "team_founders": 35, "advisors": 10, "reserve_treasury": 35},
    {"public_sale": 20, "ecosystem_community": 50, "team_founders": 15, "partners": 15},
)
COLUMNS = [f"alloc_{c}" for c in ALLOCATION_CATEGORIES]


def clusters(per_profile=(30, 25, 20), noise: float = 3.0, seed: int = 0, without: int = 0) -> tuple[pd.DataFrame, list[int]]:
    """Projects drawn around :data:`PROFILES` (Gaussian noise on the categories each one uses; the sums
    drift from 100, as extracted breakdowns do), ``without`` more projects without any allocation, and the
    true profile of each allocated project. ``outcome_log_raised_usd`` is the profile number."""
    rng = np.random.default_rng(seed)
    rows, truth = [], []
    for label, (profile, count) in enumerate(zip(PROFILES, per_profile)):
        mean = np.array([profile.get(c, 0) for c in ALLOCATION_CATEGORIES], dtype=float)
        for _ in range(count):
            rows.append(np.clip(mean + rng.normal(0, noise, len(mean)) * (mean > 0), 0, None))
            truth.append(label)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["outcome_log_raised_usd"] = np.array(truth, dtype=float) + rng.normal(0, 0.1, len(frame))
    if without:
        empty = pd.DataFrame({c: [np.nan] * without for c in COLUMNS})
        empty["outcome_log_raised_usd"] = 9.0
        frame = pd.concat([frame, empty], ignore_index=True)
    frame.insert(0, "key", [f"paper:{i:04d}" for i in range(len(frame))])
    frame.insert(1, "name", [f"Project {i}" for i in range(len(frame))])
    return frame, truth


def assigned(result: Archetypes) -> list[int]:
    return [p.archetype for p in result.projects]


@pytest.mark.parametrize("method", ["kmeans", "hierarchical"])
def test_three_clear_profiles_are_found(method):
    from sklearn.metrics import adjusted_rand_score

    frame, truth = clusters()
    result = archetypes(frame, method=method)
    assert result.k == 3 and result.k_from == "silhouette" and result.method == method
    assert sorted(result.silhouettes) == list(range(2, 9))
    assert result.silhouette == max(result.silhouettes.values())
    assert adjusted_rand_score(truth, assigned(result)) >= 0.9
    # numbered by size: the 30, 25 and 20 projects of the three profiles, in that order
    assert [a.size for a in result.archetypes] == [30, 25, 20]
    for archetype, profile in zip(result.archetypes, PROFILES):
        expected = np.array([profile.get(c, 0) for c in ALLOCATION_CATEGORIES], dtype=float)
        expected = expected / expected.sum() * 100
        found = np.array([archetype.profile[c] for c in COLUMNS])
        assert np.abs(found - expected).max() < 3.0, archetype
        assert sum(archetype.profile.values()) == pytest.approx(100, abs=0.1)
    assert [a.name for a in result.archetypes] == ["public-sale-led", "treasury-heavy + insider-heavy", "ecosystem-led"]
    # the outcome is the profile number: means 0, 1, 2 over each archetype's projects
    assert [round(a.outcome_mean) for a in result.archetypes] == [0, 1, 2]
    assert [a.outcome_n for a in result.archetypes] == [30, 25, 20]
    assert result.outcome_test["groups"] == 3 and result.outcome_test["n"] == 75 and result.outcome_test["p_value"] < 1e-6


def test_projects_without_allocation_are_counted_as_dropped():
    frame, truth = clusters(without=7)
    frame.loc[3, COLUMNS] = 0.0  # shares summing to 0: no allocation either
    result = archetypes(frame, k=3)
    assert result.k_from == "given" and list(result.silhouettes) == [3]
    assert result.n == 74 and result.n_total == 82 and result.n_dropped == 8
    assert result.dropped == "8 of 82 projects left out: no main allocation"
    assert "paper:0003" not in {p.key for p in result.projects}
    # the outcome of the left-out projects (9.0) does not reach any archetype
    assert max(a.outcome_mean for a in result.archetypes) < 3


def test_shares_are_normalised_and_missing_categories_are_zero():
    frame, _ = clusters((10, 10, 10), seed=2)
    frame.loc[0, "alloc_liquidity"] = np.nan  # one category not stated: 0, not a reason to drop
    result = archetypes(frame, k=3)
    assert result.n == 30
    for project in result.projects:
        assert sum(project.shares.values()) == pytest.approx(100, abs=0.1)


def test_outcome_only_where_present_and_optional():
    frame, _ = clusters()
    frame.loc[:9, "outcome_log_raised_usd"] = np.nan
    result = archetypes(frame, k=3)
    assert result.archetypes[0].outcome_n == 20 and result.archetypes[0].size == 30
    quiet = archetypes(frame.drop(columns="outcome_log_raised_usd"), k=3)
    assert quiet.outcome is None and "no outcome column outcome_log_raised_usd" in quiet.warnings[0]
    assert archetypes(frame, k=3, outcome=None).archetypes[0].outcome_mean is None
    with pytest.raises(InputError, match="no column 'raised'"):
        archetypes(frame, outcome="raised")


def test_bad_input():
    frame, _ = clusters((2, 0, 0), without=3)
    with pytest.raises(NotEnoughData, match="only 2 projects with a main allocation"):
        archetypes(frame)
    frame, _ = clusters((5, 5, 0))
    with pytest.raises(InputError, match="k must be between 2 and 9"):
        archetypes(frame, k=12)
    with pytest.raises(InputError, match="unknown method"):
        archetypes(frame, method="dbscan")
    with pytest.raises(InputError, match="no alloc_<category> column"):
        archetypes(frame[["key", "name"]])


def test_names_come_from_the_categories_above_the_mean():
    assert archetype_name({"alloc_ecosystem_community": 30.0, "alloc_partners": 10.0}) == "ecosystem-led"
    assert archetype_name({"alloc_presale_private": 10.0, "alloc_advisors": 6.0}) == "private-sale-led + advisor-heavy"
    assert archetype_name({"funds_development": 20.0}) == "funds-development-heavy"
    assert archetype_name({}) == "balanced"


def test_json_round_trip():
    frame, _ = clusters((10, 10, 10))
    result = archetypes(frame, k=3, method="hierarchical")
    data = json.loads(result.to_json())
    assert data["k"] == 3 and len(data["projects"]) == 30 and data["archetypes"][0]["profile"]["alloc_public_sale"] > 50
    again = Archetypes.from_dict(data)
    assert again.archetypes == result.archetypes and again.silhouette == result.silhouette


# -- the command, on a real feature store -------------------------------------------------------------

@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Nine generated papers in two strategies (team 5-7% or 35-37%) with raised_usd in a manifest, and one
    paper without an allocation."""
    folder = tmp_path_factory.mktemp("archetype_store")
    rows = []
    for i in range(9):
        name = f"Token{chr(65 + i)}"
        team = 5 + i % 3 if i < 5 else 35 + i % 3
        write_paper(folder / f"p{i}.txt", name, team=team)
        rows.append({"paper": f"p{i}.txt", "name": name, "raised_usd": 1e6 if team < 30 else 5e6})
    (folder / "plain.txt").write_text("Plain White Paper\n" + "We build a platform for payments. " * 200, encoding="utf-8")
    rows.append({"paper": "plain.txt", "name": "Plain", "raised_usd": 2e6})
    return store_of(folder, rows)


def test_archetypes_command(store, tmp_path, capsys):
    out_csv = tmp_path / "archetypes.csv"
    code = main(["archetypes", "--db", str(store), "--outcome", "raised_usd", "--csv", str(out_csv)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "2 archetypes (kmeans, k chosen by silhouette" in out
    assert "over 9 projects; 1 of 10 projects left out: no main allocation" in out
    assert "insider-heavy" in out and "public-sale-led" in out
    with open(out_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 9 and "Plain" not in {r["name"] for r in rows}
    by_name = {r["name"]: r for r in rows}
    # the two strategies are the two archetypes, and each one's outcome is its raised_usd
    assert {by_name[f"Token{chr(65 + i)}"]["archetype"] for i in range(5)} != {by_name[f"Token{chr(65 + i)}"]["archetype"] for i in range(5, 9)}
    assert {r["outcome_raised_usd"] for r in rows if r["archetype_name"] == "insider-heavy"} == {"5000000.0"}


def test_archetypes_command_json_hierarchical(store, capsys):
    code = main(["archetypes", "--db", str(store), "--method", "hierarchical", "--k", "2", "--outcome", "none", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    data = json.loads(out)
    assert data["k"] == 2 and data["method"] == "hierarchical" and data["outcome"] is None and data["n_dropped"] == 1


@pytest.mark.parametrize("argv, message", [
    (["--k", "20"], "k must be between 2 and"),
    (["--outcome", "nonsense"], "no column 'nonsense'"),
])
def test_archetypes_command_bad_input_exits_2(store, capsys, argv, message):
    code = main(["archetypes", "--db", str(store), *argv])
    _, err = capsys.readouterr()
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_archetypes_command_without_a_store_exits_2(tmp_path, capsys):
    code = main(["archetypes", "--db", str(tmp_path / "none.db")])
    _, err = capsys.readouterr()
    assert code == 2 and "no such feature store" in err

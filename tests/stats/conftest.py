"""Feature stores with outcomes, made from generated papers and a TORD-format outcome table."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.store.conftest import batch, write_paper

#: TORD v4's header, as ../shared/outcomes/tord_v4.csv has it
TORD_HEADER = ("id,name,token,country,is_ico,is_ieo,is_sto,ico_start,ico_end,price_usd,raised_usd,distributed_in_ico,"
               "sold_tokens,token_for_sale,whitelist,kyc,bonus,restricted_areas,min_investment,bounty,mvp,pre_ico_start,"
               "pre_ico_end,pre_ico_price_usd,platform,accepting,link_white_paper,linkedin_link,github_link,website,rating,"
               "teamsize,Coinmarketcap_identifier,ERC20,contract_address,Source").split(",")


def write_tord(path: Path, rows: list[dict]) -> Path:
    """A TORD-format CSV (BOM and all) with ``rows`` (missing columns empty)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=TORD_HEADER)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in TORD_HEADER})
    return path


def write_manifest(path: Path, rows: list[dict]) -> Path:
    """A batch manifest of ``rows`` (columns: every key of the rows, in order of appearance)."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def store_of(folder: Path, rows: list[dict], *args: str) -> Path:
    """The feature store of the manifest ``rows`` (papers relative to ``folder``), dictionaries only."""
    db = folder / "corpus.db"
    assert batch(write_manifest(folder / "manifest.csv", rows), "--db", db, "--no-models", *args) == 0
    return db


ADDRESS_A = "0x" + "ab" * 20


@pytest.fixture()
def small_store(tmp_path: Path) -> Path:
    """Four projects: Aldebaran (manifest address), Bellatrix (symbol + name), Capella (a file name only),
    Deneb (in no outcome table)."""
    folder = tmp_path / "papers"
    folder.mkdir()
    rows = []
    for i, (name, symbol, address) in enumerate((("Aldebaran", "ALD", ADDRESS_A), ("Bellatrix", "BEL", ""),
                                                 ("capella", "", ""), ("Deneb", "DEN", ""))):
        write_paper(folder / f"{name.lower()}.txt", name.capitalize(), team=10 + i)
        rows.append({"paper": f"papers/{name.lower()}.txt", "name": name, "symbol": symbol, "address": address})
    return store_of(tmp_path, rows, "--stages", "paper,language")

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
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["paper", "name", "symbol", "address"])
        writer.writeheader()
        writer.writerows(rows)
    return path


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
    manifest = write_manifest(tmp_path / "corpus.csv", rows)
    db = tmp_path / "corpus.db"
    assert batch(manifest, "--db", db, "--no-models", "--stages", "paper,language") == 0
    return db

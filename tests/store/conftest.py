"""Small generated white papers (plain text, so a batch of them runs in seconds) and helpers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ico_lens.cli import main

RISKS = ("Investors may lose all of their contribution.", "Regulation of tokens may change and harm the project.",
         "Smart contracts may contain bugs that are exploited by attackers.")


def write_paper(path: Path, name: str, *, team: int = 15, pages: int = 3) -> Path:
    """A white paper of ``pages`` pages (form feeds) stating its token allocation, use of funds and risks."""
    symbol = name[:3].upper()
    allocation = (
        f"Token Allocation\nThe total supply is 100,000,000 {symbol} tokens, an ERC-20 token.\n"
        f"Public sale: {85 - team}%\nTeam: {team}%\nAdvisors: 5%\nReserve: 10%\n"
        "Team tokens vest over 24 months with a 6 month cliff.\n"
    )
    funds = "Use of Funds\nDevelopment: 50%\nMarketing: 30%\nOperations: 20%\n"
    body = " ".join(f"{name} builds a decentralised platform for payments and we will grow quickly." for _ in range(30))
    text = [f"{name} White Paper\n{body}\n{allocation}", f"{funds}\n{body}"]
    text += [f"Risk Factors\n{' '.join(RISKS)} {body}" for _ in range(pages - 2)]
    path.write_text("\f".join(text), encoding="utf-8")
    return path


@pytest.fixture()
def papers(tmp_path: Path) -> Path:
    """A directory of five papers, each with its own allocation (team 10% .. 14%)."""
    folder = tmp_path / "papers"
    folder.mkdir()
    for i, name in enumerate(("Aldebaran", "Bellatrix", "Capella", "Deneb", "Electra")):
        write_paper(folder / f"{name.lower()}.txt", name, team=10 + i)
    return folder


def batch(*args: str) -> int:
    return main(["batch", *map(str, args)])


def count(db: Path, sql: str, *params) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchone()[0]


def per_key(db: Path, table: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute(f"SELECT key, COUNT(*) FROM {table} GROUP BY key"))

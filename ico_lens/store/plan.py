"""What a batch is to process: the projects of a manifest (CSV) or of a directory of papers.

A manifest has one row per project: ``paper`` (its file, relative to the manifest), and optionally
``name``, ``symbol``, ``chain_id``, ``address`` and ``contract`` (its ``.sol``/standard-JSON file);
any other column is an outcome (``raised_usd`` ...) stored in the ``outcomes`` table. A row that
cannot be used (no paper, a missing file, a bad address or chain id, a paper listed twice) is reported
with its line number and left out; the others are processed.

>>> plan = read_plan("corpus.csv")                                   # doctest: +SKIP
>>> plan.projects[0].key, plan.bad                                   # doctest: +SKIP
('paper:91ee18f1...', ['corpus.csv: line 4: no such file: papers/missing.pdf'])
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import dataclass, field

from ico_lens.batch import check_file, no_papers, papers_in
from ico_lens.errors import IcoLensError, InputError
from ico_lens.records import ProjectRef

#: the files taken from a directory: what the paper and language stages read
PAPER_SUFFIXES = (".pdf", ".txt")
#: manifest columns that say what a project is; every other column is an outcome
JOIN_COLUMNS = ("paper", "name", "symbol", "chain_id", "address", "contract")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}")


@dataclass
class Project:
    """One paper to process, with what the manifest says of its project."""

    paper: str
    #: ``paper:<sha256 of the file>``: the store's key of the paper and its project
    key: str
    ref: ProjectRef = field(default_factory=lambda: ProjectRef(chain_id=None))
    #: the contract's source file (or its address alone: fetched from Etherscan); None: no contract
    contract: str | None = None
    outcomes: dict[str, object] = field(default_factory=dict)

    @property
    def contract_key(self) -> str | None:
        return self.ref.contract_key if self.contract else None


@dataclass
class Plan:
    projects: list[Project]
    #: one line per input left out: ``file: line N: reason``
    bad: list[str] = field(default_factory=list)


def read_plan(source: str, *, contracts: str | None = None) -> Plan:
    """The projects of ``source``: a directory (its PDFs and texts, recursively), one paper
    (``.pdf``/``.txt``) or a manifest (any other file, CSV).

    ``contracts``: a directory of ``<address>.sol`` files for manifest rows with an address and no
    ``contract`` column. Raises :class:`~ico_lens.errors.InputError` when ``source`` itself is
    unusable (missing, no paper column, no paper at all).
    """
    if os.path.isdir(source):
        plan = _directory_plan(source)
    else:
        check_file(source)
        if source.lower().endswith(PAPER_SUFFIXES):
            plan = _papers_plan([source])
        else:
            plan = _manifest_plan(source, contracts)
    if not plan.projects and not plan.bad:
        raise InputError("no papers in it", path=source)
    return plan


def content_key(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return f"paper:{digest.hexdigest()}"


def _directory_plan(directory: str) -> Plan:
    paths = papers_in(directory, PAPER_SUFFIXES)
    if not paths:
        raise no_papers(directory, PAPER_SUFFIXES)
    return _papers_plan(paths)


def _papers_plan(paths: list[str]) -> Plan:
    """Each paper a project named after its file."""
    plan = Plan([])
    seen: dict[str, str] = {}
    for path in paths:
        stem = os.path.splitext(os.path.basename(path))[0]
        _add(plan, seen, path, ProjectRef(name=stem, chain_id=None), None, {}, where=path)
    return plan


def _add(plan: Plan, seen: dict[str, str], paper: str, ref: ProjectRef, contract, outcomes, *, where: str) -> None:
    try:
        check_file(paper)
        key = content_key(paper)
    except (IcoLensError, OSError) as exc:
        plan.bad.append(f"{where}: {exc}")
        return
    if key in seen:
        plan.bad.append(f"{where}: the same paper as {seen[key]} (same content): left out")
        return
    seen[key] = where
    plan.projects.append(Project(paper, key, ref, contract, outcomes))


def _manifest_plan(manifest: str, contracts: str | None) -> Plan:
    base = os.path.dirname(os.path.abspath(manifest))
    try:
        with open(manifest, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if "paper" not in (reader.fieldnames or []):
                raise InputError(f"a manifest needs a 'paper' column (it has: {', '.join(reader.fieldnames or []) or 'none'})", path=manifest)
            rows = [(reader.line_num, row) for row in reader]
    except UnicodeDecodeError:
        raise InputError("not a CSV manifest (not UTF-8 text)", path=manifest) from None
    except csv.Error as exc:
        raise InputError(f"not a CSV manifest ({exc})", path=manifest) from None
    plan = Plan([])
    seen: dict[str, str] = {}
    for line, row in rows:
        where = f"{manifest}: line {line}"
        try:
            paper, ref, contract = _read_row(row, base, contracts)
        except ValueError as exc:
            plan.bad.append(f"{where}: {exc}")
            continue
        outcomes = {k: v.strip() for k, v in row.items() if k and k not in JOIN_COLUMNS and v and v.strip()}
        _add(plan, seen, paper, ref, contract, outcomes, where=where)
    return plan


def _read_row(row: dict, base: str, contracts: str | None) -> tuple[str, ProjectRef, str | None]:
    cell = {k: (row.get(k) or "").strip() for k in JOIN_COLUMNS}
    if None in row:
        raise ValueError("more cells than the header has columns")
    if not cell["paper"]:
        raise ValueError("no paper named")
    chain_id = 1
    if cell["chain_id"]:
        if not cell["chain_id"].isdigit():
            raise ValueError(f"chain_id {cell['chain_id']!r} is not a number")
        chain_id = int(cell["chain_id"])
    address = cell["address"] or None
    if address and not _ADDRESS.fullmatch(address):
        raise ValueError(f"address {address!r} is not 0x and 40 hex digits")
    contract = os.path.join(base, cell["contract"]) if cell["contract"] else None
    if contract is None and address:
        contract = os.path.join(contracts, f"{address.lower()}.sol") if contracts else address
    if contract and contract != address and not os.path.isfile(contract):
        raise ValueError(f"no such contract file: {contract}")
    ref = ProjectRef(name=cell["name"] or None, symbol=cell["symbol"] or None, chain_id=chain_id if (address or contract) else None,
                     address=address.lower() if address else None)
    if contract and not address:
        raise ValueError("a contract file needs the contract's address (the store keys contracts by chain_id:address)")
    return os.path.join(base, cell["paper"]), ref, contract

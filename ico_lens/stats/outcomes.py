"""Fundraising outcomes: read an outcome table (TORD, or any CSV with a column mapping), clean it,
merge its duplicate rows, join it to a feature store's projects and store the derived outcomes.

>>> from ico_lens.stats.outcomes import import_outcomes
>>> report = import_outcomes("corpus.db", "../shared/outcomes/tord_v4.csv")   # doctest: +SKIP
>>> print(report.summary())                                                   # doctest: +SKIP

What the cleaning does, and why:

- **Amounts as text** (``"$1.2M"``, ``"USD 500k"``, ``"1,250,000"``, ``"50 USD"``) become numbers in
  USD; an amount in another currency (``"1 ETH"``) is not a USD amount and is left out (counted).
- **Shares**: ``distributed_in_ico`` is a fraction in TORD (0.51) and a percent elsewhere (51%):
  stored as a percent (0-100), the scale decided per column (TORD also has a few percents and values
  above 100 among its fractions: a percent is kept, above 100 is left out and counted).
- **Duplicate rows** (TORD merges ICObench, ICOmarks and CryptoRank): rows with the same contract
  address, or the same symbol and normalised name, are one offering; each column takes the value of
  the most complete row that has one. The report counts what was merged and where the sources disagree
  on the amount raised.
- **Joins**, in order, each project taken by the first that finds exactly one offering: the
  contract address; the token symbol with the normalised name; the normalised name alone (papers
  known by a file name only, such as the ICOBase texts); a looser form of the name (:func:`loose_names`:
  ``"Effect.AI"``, ``"KyberNetwork"``). A name shared by several offerings is *ambiguous* and left
  unmatched, never guessed.

Derived outcomes: ``log_raised_usd`` (natural log of raised USD, for raised > 0), ``success`` (1 when
raised USD reaches the soft cap where the table has one, else ``success_threshold``), ``year`` (of the
offering's start, else end), and the later market position where the table says it: ``listed`` (TORD's
CoinMarketCap identifier present: the token came to trade) and ``log_market_cap_usd`` when a market-cap
column is mapped.
"""

from __future__ import annotations

import csv
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ico_lens.errors import InputError
from ico_lens.files import check_file

#: the outcome table's columns the tool knows (canonical name -> what it is)
CANONICAL = {
    "id": "the row's identifier in its table",
    "name": "the project's name",
    "symbol": "the token symbol (TORD's 'token': 'Tycoon Token / TYC' gives TYC)",
    "address": "the token's contract address",
    "raised_usd": "money raised in the offering, USD",
    "soft_cap_usd": "the offering's soft cap, USD (success: raised at least this)",
    "ico_start": "start date (yyyy-mm-dd)",
    "ico_end": "end date (yyyy-mm-dd)",
    "distributed_in_ico": "share of tokens sold in the offering (percent)",
    "price_usd": "token price at the offering, USD",
    "platform": "1 if a platform project",
    "country": "the project's country",
    "rating": "expert rating 0-5 before the offering",
    "teamsize": "team members",
    "kyc": "1 if KYC was required",
    "whitelist": "1 if a whitelist was used",
    "bonus": "1 if bonuses were offered",
    "bounty": "1 if a bounty programme ran",
    "mvp": "1 if a minimum viable product was available",
    "market_cap_usd": "later market capitalisation, USD",
    "listed": "the token came to trade (TORD: a CoinMarketCap identifier)",
    "source": "the database the row came from (TORD: ICObench, ICOmarks, CryptoRank)",
}

#: TORD v4's column for each canonical name (its file is read with this mapping when it has these columns)
TORD_COLUMNS = {
    "id": "id", "name": "name", "symbol": "token", "address": "contract_address", "raised_usd": "raised_usd",
    "ico_start": "ico_start", "ico_end": "ico_end", "distributed_in_ico": "distributed_in_ico",
    "price_usd": "price_usd", "platform": "platform", "country": "country", "rating": "rating",
    "teamsize": "teamsize", "kyc": "kyc", "whitelist": "whitelist", "bonus": "bonus", "bounty": "bounty",
    "mvp": "mvp", "listed": "Coinmarketcap_identifier", "source": "Source",
}

AMOUNTS = ("raised_usd", "soft_cap_usd", "price_usd", "market_cap_usd")
NUMBERS = ("rating", "teamsize")
FLAGS = ("platform", "kyc", "whitelist", "bonus", "bounty", "mvp")
TEXTS = ("id", "name", "symbol", "address", "ico_start", "ico_end", "country", "source")
#: a project's outcome names written to the store (the features view shows them as outcome_<name>)
STORED = ("raised_usd", "log_raised_usd", "success", "year", "distributed_in_ico", "price_usd", "platform",
          "country", "rating", "teamsize", "kyc", "whitelist", "bonus", "bounty", "mvp", "listed",
          "market_cap_usd", "log_market_cap_usd", "soft_cap_usd")
#: success without a soft cap: raised at least this many USD (the issue's "stated threshold")
SUCCESS_THRESHOLD = 1_000_000.0

_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mln": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_AMOUNT = re.compile(r"(?P<number>[0-9][0-9,.\s]*(?:e[+-]?[0-9]+)?)\s*(?P<unit>k|thousand|mm|mln|m|million|bn|b|billion)?\b", re.I)
_NOT_USD = re.compile(r"\b(?:eth|btc|eur|euro|gbp|chf|ltc|bnb|usdt|waves|neo|xlm|cny|jpy|rub)\b|[€£¥₿]", re.I)
_MISSING = {"", "-", "--", "n/a", "na", "nan", "none", "null", "tba", "tbd", "unknown", "?"}
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}")
#: words a project's name often carries or drops ("Auctus" / "Auctus Token"), ignored when comparing
_NAME_NOISE = ("token", "tokens", "coin", "network", "protocol", "project", "platform", "foundation", "ico", "the")


# --- cleaning -----------------------------------------------------------------------------------------


def is_missing(text) -> bool:
    return text is None or (isinstance(text, float) and math.isnan(text)) or str(text).strip().lower() in _MISSING


def parse_amount(text) -> float | None:
    """A money amount in USD from a cell: ``"$1.2M"`` -> 1200000.0, ``"50 USD"`` -> 50.0; None for a
    missing cell, another currency (``"1 ETH"``) or text without a number.

    >>> parse_amount("$1.2M"), parse_amount("USD 500k"), parse_amount("1,250,000"), parse_amount("3.5 million")
    (1200000.0, 500000.0, 1250000.0, 3500000.0)
    >>> parse_amount("5.0000000000000001E-3"), parse_amount("1 ETH"), parse_amount("n/a")
    (0.005, None, None)
    """
    if is_missing(text):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    cell = str(text).strip()
    if _NOT_USD.search(cell):
        return None
    match = _AMOUNT.search(cell.replace("$", " ").replace("USD", " ").replace("usd", " "))
    if not match:
        return None
    number = re.sub(r"[\s,]", "", match["number"])
    if number.count(".") > 1:  # "1.250.000": dots as thousands separators
        number = number.replace(".", "")
    try:
        value = float(number)
    except ValueError:
        return None
    unit = (match["unit"] or "").lower()
    return value * _MULTIPLIERS.get(unit, 1.0)


def parse_flag(text) -> int | None:
    """``"1"``, ``"Yes"``, ``"Available"`` -> 1; ``"0"``, ``"No"``, ``"Not available"`` -> 0."""
    if is_missing(text):
        return None
    cell = str(text).strip().lower()
    if cell in ("1", "1.0", "yes", "y", "true", "available"):
        return 1
    if cell in ("0", "0.0", "no", "n", "false", "not available", "unavailable"):
        return 0
    return None


def parse_number(text) -> float | None:
    if is_missing(text):
        return None
    try:
        return float(str(text).replace(",", "").strip())
    except ValueError:
        return None


def normalise_name(text) -> str:
    """A project name compared loosely: ASCII lower case, letters and digits only, the usual extra words
    dropped. ``"PolySwarm Network"``, ``"polyswarm"`` and ``"Poly-Swarm"`` all give ``"polyswarm"``.

    >>> normalise_name("PolySwarm Network"), normalise_name("Poly-Swarm"), normalise_name("The Auctus Token")
    ('polyswarm', 'polyswarm', 'auctus')
    """
    if is_missing(text):
        return ""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept = [w for w in words if w not in _NAME_NOISE] or words
    return "".join(kept)


#: trailing words a loose name comparison also drops ("GRAFT Blockchain", "Effect.AI", "Electrify.Asia")
_LOOSE_NOISE = _NAME_NOISE + ("blockchain", "ai", "io", "asia", "app", "labs", "global")


def loose_names(text) -> set[str]:
    """Looser forms of a name for the last join, each used only when it finds one offering: without a
    bracketed part (``"Karatgold Coin (KBC)"``), cut at a dot (``"Effect.AI"``), without trailing
    :data:`_LOOSE_NOISE` words, and with such a word glued at the end removed (``"KyberNetwork"``).

    >>> sorted(loose_names("Karatgold Coin (KBC)")), sorted(loose_names("Effect.AI")), sorted(loose_names("KyberNetwork"))
    (['karatgold'], ['effect'], ['kyber'])
    """
    if is_missing(text):
        return set()
    raw = re.sub(r"\([^)]*\)", " ", str(text))
    variants = {raw, raw.split(".")[0]}
    out = set()
    for variant in variants:
        ascii_text = unicodedata.normalize("NFKD", variant).encode("ascii", "ignore").decode().lower()
        words = re.findall(r"[a-z0-9]+", ascii_text)
        while len(words) > 1 and words[-1] in _LOOSE_NOISE:
            words.pop()
        words = [w for w in words if w not in _NAME_NOISE] or words
        joined = "".join(words)
        for suffix in _LOOSE_NOISE:
            if joined.endswith(suffix) and len(joined) - len(suffix) >= 4:
                joined = joined[: -len(suffix)]
                break
        if len(joined) >= 3:
            out.add(joined)
    return out


def normalise_symbol(text) -> str:
    """The token symbol of a cell: ``"Tycoon Token / TYC"`` -> ``"TYC"``, ``"$auc"`` -> ``"AUC"``; ``""``
    when the cell holds a name rather than a symbol.

    >>> normalise_symbol("Tycoon Token / TYC"), normalise_symbol("$auc"), normalise_symbol("Emanate Token")
    ('TYC', 'AUC', '')
    """
    if is_missing(text):
        return ""
    cell = str(text).split("/")[-1].strip().lstrip("$").strip()
    return cell.upper() if re.fullmatch(r"[A-Za-z0-9]{2,10}", cell) else ""


def normalise_address(text) -> str:
    match = _ADDRESS.search(str(text)) if not is_missing(text) else None
    return match.group(0).lower() if match else ""


# --- reading ------------------------------------------------------------------------------------------


@dataclass
class Offering:
    """One offering of the outcome table after merging its duplicate rows."""

    values: dict[str, object]
    #: the ``id`` (or line numbers) of the rows merged into it
    rows: list[str]
    #: sources whose raised_usd differed from the one kept by more than 1%
    conflicts: int = 0

    @property
    def name(self) -> str:
        return normalise_name(self.values.get("name"))

    @property
    def symbol(self) -> str:
        return normalise_symbol(self.values.get("symbol"))

    @property
    def address(self) -> str:
        return normalise_address(self.values.get("address"))

    @property
    def loose_names(self) -> set[str]:
        return loose_names(self.values.get("name"))


@dataclass
class OutcomeTable:
    path: str
    offerings: list[Offering]
    #: rows read from the file
    rows_read: int = 0
    #: canonical name -> the file's column it was read from
    columns: dict[str, str] = field(default_factory=dict)
    #: values left out and why ("raised_usd not in USD" -> count)
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def duplicates_merged(self) -> int:
        return self.rows_read - len(self.offerings)


def read_outcomes(path: str, mapping: Mapping[str, str] | None = None) -> OutcomeTable:
    """The offerings of the outcome table at ``path``, cleaned and merged.

    ``mapping``: canonical name (see :data:`CANONICAL`) -> the file's column. Without it a TORD file is
    read with :data:`TORD_COLUMNS`, any other file by the canonical names its header has. The table
    must give a way to join (name, symbol or address) and at least one outcome.
    """
    check_file(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = [h for h in (reader.fieldnames or []) if h]
            rows = list(reader)
    except UnicodeDecodeError:
        raise InputError("not a CSV outcome table (not UTF-8 text)", path=path) from None
    except csv.Error as exc:
        raise InputError(f"not a CSV outcome table ({exc})", path=path) from None
    columns = _columns(path, header, mapping)
    table = OutcomeTable(path, [], rows_read=len(rows), columns=columns)
    cleaned = [_clean_row(row, columns, table.skipped, line) for line, row in enumerate(rows, start=2)]
    _to_percent(cleaned, "distributed_in_ico", table.skipped)
    table.offerings = _merge(cleaned)
    return table


def _columns(path: str, header: list[str], mapping: Mapping[str, str] | None) -> dict[str, str]:
    if mapping:
        unknown = sorted(set(mapping) - set(CANONICAL))
        if unknown:
            raise InputError(f"--map names {', '.join(unknown)}: not outcome fields (known: {', '.join(CANONICAL)})", path=path)
        absent = sorted(c for c in mapping.values() if c not in header)
        if absent:
            raise InputError(f"no column {', '.join(map(repr, absent))} in the table (it has: {', '.join(header[:12])})", path=path)
        columns = {name: column for name, column in mapping.items()}
        columns.update({c: c for c in CANONICAL if c in header and c not in columns and c not in columns.values()})
    elif {"token", "contract_address", "raised_usd"} <= set(header):
        columns = {name: column for name, column in TORD_COLUMNS.items() if column in header}
    else:
        columns = {c: c for c in CANONICAL if c in header}
    if not {"name", "symbol", "address"} & set(columns):
        raise InputError(f"no column to join on (name, symbol or address; it has: {', '.join(header[:12])}): "
                         "map one with --map name=COLUMN", path=path)
    if not set(columns) - set(TEXTS) - {"name", "symbol", "address"}:
        raise InputError("no outcome column (raised_usd, market_cap_usd, listed ...): map one with --map raised_usd=COLUMN", path=path)
    return columns


def _clean_row(row: dict, columns: dict[str, str], skipped: dict[str, int], line: int) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, column in columns.items():
        cell = row.get(column)
        if is_missing(cell):
            continue
        if name in AMOUNTS:
            value = parse_amount(cell)
            if value is None:
                skipped[f"{name} not a USD amount"] = skipped.get(f"{name} not a USD amount", 0) + 1
                continue
        elif name in FLAGS:
            value = parse_flag(cell)
        elif name in NUMBERS:
            value = parse_number(cell)
        elif name == "distributed_in_ico":
            value = parse_number(str(cell).replace("%", ""))
            if value is not None and "%" in str(cell):
                value = -value  # marked as already a percent (sign removed by _to_percent)
        elif name == "listed":
            value = 1  # a CoinMarketCap identifier or a listing date: the token trades
        else:
            value = str(cell).strip()
        if value is not None:
            values[name] = value
    values.setdefault("id", f"line {line}")
    if "listed" in columns and "listed" not in values:
        values["listed"] = 0
    return values


def _to_percent(rows: list[dict], name: str, skipped: dict[str, int]) -> None:
    """A share column as percent. In a column of fractions (most plain numbers at most 1, as in TORD)
    a number above 1 is taken as a percent already; above 100 it is no share at all (left out, counted)."""
    plain = [r[name] for r in rows if isinstance(r.get(name), float) and r[name] >= 0]
    fractions = bool(plain) and sum(v <= 1.0 for v in plain) > 0.5 * len(plain)
    for row in rows:
        value = row.get(name)
        if value is None:
            continue
        percent = -value if value < 0 else (value * 100 if fractions and value <= 1.0 else value)
        if 0 <= percent <= 100:
            row[name] = round(percent, 4)
        else:
            del row[name]
            skipped[f"{name} above 100%"] = skipped.get(f"{name} above 100%", 0) + 1


def _merge(rows: list[dict]) -> list[Offering]:
    """Rows of one offering (same address, or same symbol and name) merged into one."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple, int] = {}
    for i, row in enumerate(rows):
        address = normalise_address(row.get("address"))
        name, symbol = normalise_name(row.get("name")), normalise_symbol(row.get("symbol"))
        for identity in ((("address", address),) if address else ()) + ((("name", name, symbol),) if name else ()):
            if identity in first:
                parent[find(i)] = find(first[identity])
            else:
                first[identity] = i
    groups: dict[int, list[dict]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(find(i), []).append(row)
    offerings = []
    for members in groups.values():
        members.sort(key=lambda r: -len(r))  # the most complete row first
        merged: dict[str, object] = {}
        for row in members:
            for name, value in row.items():
                merged.setdefault(name, value)
        kept = merged.get("raised_usd")
        conflicts = sum(1 for r in members if isinstance(kept, float) and isinstance(r.get("raised_usd"), float)
                        and abs(r["raised_usd"] - kept) > 0.01 * max(kept, 1.0))
        if "listed" in merged:
            merged["listed"] = max(int(r.get("listed", 0)) for r in members)
        offerings.append(Offering(merged, [str(r["id"]) for r in members], conflicts))
    return offerings


# --- joining ------------------------------------------------------------------------------------------


@dataclass
class Match:
    key: str
    #: "address", "symbol+name", "name", "ambiguous" or "unmatched"
    matched_by: str
    offering: Offering | None = None
    project: str = ""


@dataclass
class ImportReport:
    """What ``import_outcomes`` did: the table read, each project's match, the outcomes stored."""

    table: OutcomeTable
    matches: list[Match]
    stored: int = 0

    def count(self, how: str) -> int:
        return sum(1 for m in self.matches if m.matched_by == how)

    @property
    def matched(self) -> int:
        return sum(1 for m in self.matches if m.offering is not None)

    def summary(self) -> str:
        table = self.table
        lines = [
            f"{table.path}: {table.rows_read} rows, {len(table.offerings)} offerings after merging "
            f"{table.duplicates_merged} duplicate rows ({sum(o.conflicts for o in table.offerings)} disagreeing on raised_usd)",
            f"projects: {len(self.matches)}; matched {self.matched} (by address {self.count('address')}, "
            f"by symbol + name {self.count('symbol+name')}, by name {self.count('name')}, by loose name {self.count('loose name')}); "
            f"ambiguous {self.count('ambiguous')}; unmatched {self.count('unmatched')}",
        ]
        lines += [f"  left out: {what}: {n}" for what, n in sorted(table.skipped.items())]
        left = [m for m in self.matches if m.offering is None]
        if left:
            shown = ", ".join(f"{m.project or m.key[:18]} ({m.matched_by})" for m in left[:12])
            lines.append(f"  not matched: {shown}{' ...' if len(left) > 12 else ''}")
        lines.append(f"stored {self.stored} outcome values")
        return "\n".join(lines)


@dataclass
class ProjectIdentity:
    key: str
    name: str = ""
    symbol: str = ""
    address: str = ""
    label: str = ""


def match_projects(projects: Iterable[ProjectIdentity], offerings: list[Offering]) -> list[Match]:
    """Each project's offering: by address, else symbol + name, else name alone; one candidate only."""
    by_address: dict[str, list[Offering]] = {}
    by_symbol_name: dict[tuple[str, str], list[Offering]] = {}
    by_name: dict[str, list[Offering]] = {}
    by_loose: dict[str, list[Offering]] = {}
    for offering in offerings:
        for loose in offering.loose_names:
            by_loose.setdefault(loose, []).append(offering)
        if offering.address:
            by_address.setdefault(offering.address, []).append(offering)
        if offering.name:
            by_name.setdefault(offering.name, []).append(offering)
            if offering.symbol:
                by_symbol_name.setdefault((offering.symbol, offering.name), []).append(offering)
    matches = []
    for project in projects:
        tiers = [("address", by_address.get(project.address, []) if project.address else []),
                 ("symbol+name", by_symbol_name.get((project.symbol, project.name), []) if project.symbol and project.name else []),
                 ("name", by_name.get(project.name, []) if project.name else []),
                 ("loose name", _unique(o for name in loose_names(project.label) for o in by_loose.get(name, [])))]
        match = Match(project.key, "unmatched", project=project.label)
        for how, candidates in tiers:
            if len(candidates) == 1:
                match = Match(project.key, how, candidates[0], project.label)
                break
            if len(candidates) > 1:  # never guessed, and no looser join may pick one of them either
                match.matched_by = "ambiguous"
                break
        matches.append(match)
    return matches


def _unique(offerings: Iterable[Offering]) -> list[Offering]:
    return list({id(o): o for o in offerings}.values())


def store_projects(db) -> list[ProjectIdentity]:
    """The store's projects with what identifies them: the manifest's name, symbol and address (the
    batch fills a missing symbol with the one the paper states)."""
    return [
        ProjectIdentity(key, normalise_name(name), normalise_symbol(symbol), normalise_address(address), name or "")
        for key, name, symbol, address in db.execute("SELECT key, name, symbol, address FROM projects ORDER BY key")
    ]


# --- storing ------------------------------------------------------------------------------------------


def derived_outcomes(values: Mapping[str, object], *, success_threshold: float = SUCCESS_THRESHOLD) -> dict[str, object]:
    """The outcomes stored for one offering: its values, and log_raised_usd, success, year,
    log_market_cap_usd.

    >>> derived_outcomes({"raised_usd": 3770005.0, "ico_start": "2018-04-10", "listed": 1})["success"]
    1
    """
    out = {name: values[name] for name in STORED if name in values}
    raised = values.get("raised_usd")
    if isinstance(raised, float):
        if raised > 0:
            out["log_raised_usd"] = math.log(raised)
        cap = values.get("soft_cap_usd")
        out["success"] = int(raised >= (cap if isinstance(cap, float) and cap > 0 else success_threshold))
    for date in (values.get("ico_start"), values.get("ico_end")):
        if isinstance(date, str) and re.match(r"(19|20)\d\d", date):
            out["year"] = int(date[:4])
            break
    market_cap = values.get("market_cap_usd")
    if isinstance(market_cap, float) and market_cap > 0:
        out["log_market_cap_usd"] = math.log(market_cap)
    return out


def import_outcomes(db: str | os.PathLike, path: str, *, mapping: Mapping[str, str] | None = None,
                    success_threshold: float = SUCCESS_THRESHOLD) -> ImportReport:
    """Read the outcome table at ``path``, match it to the projects of the store ``db`` and store each
    matched project's outcomes (``imported_outcomes``) and every project's match (``outcome_matches``),
    in one transaction. Importing the same file again replaces what it stored before.

    ``success_threshold``: USD a project must raise to count as a success when the table gives no soft cap.
    """
    from ico_lens.store.database import open_store
    from ico_lens.store.schema import refresh_views

    table = read_outcomes(path, mapping)
    store = open_store(db, create=False)
    try:
        projects = store_projects(store)
        if not projects:
            raise InputError("the feature store has no projects yet: run ico-lens batch first", path=str(db))
        matches = match_projects(projects, table.offerings)
        report = ImportReport(table, matches)
        source = os.path.basename(path)
        values, links = [], []
        for match in matches:
            offering = match.offering
            links.append({"key": match.key, "source": source, "matched_by": match.matched_by,
                          "row_ids": ",".join(offering.rows) if offering else None,
                          "outcome_name": offering.values.get("name") if offering else None,
                          "outcome_symbol": offering.values.get("symbol") if offering else None,
                          "outcome_address": offering.address or None if offering else None})
            if offering:
                for name, value in derived_outcomes(offering.values, success_threshold=success_threshold).items():
                    values.append({"key": match.key, "name": name, "value": value, "source": source})
        with store.atomic():
            store.execute("DELETE FROM imported_outcomes WHERE source = ?", [source])
            store.execute("DELETE FROM outcome_matches WHERE source = ?", [source])
            # a name imported from another file is replaced by this one's value
            store["imported_outcomes"].insert_all(values, replace=True)
            store["outcome_matches"].insert_all(links, replace=True)
            refresh_views(store.conn)
        report.stored = len(values)
        return report
    finally:
        store.close()

"""What the store's tables mean, and the ``features`` view: one row per project, ready for regression.

The view is rebuilt from the data (it holds none): its rate, readability, outcome and code-fact columns
are the names present in the store, so a new dictionary category or manifest column becomes a column
without a migration. Column names are ``<group>_<name>`` in lower case with ``_`` for other characters
(``rate_lm_negative``, ``alloc_team_founders``).
"""

from __future__ import annotations

import re
import sqlite3

from ico_lens.language.records import DISCLOSURE_ASPECTS, SENTENCE_LABELS
from ico_lens.paper.tokenomics.taxonomy import ALLOCATION_CATEGORIES, ALLOCATION_STAGE, FUNDS_CATEGORIES

#: allocation categories counted as insiders' share (the team's and its advisors' tokens)
INSIDER_CATEGORIES = ("team_founders", "advisors")
#: allocation categories the issuer keeps (team and reserve): the share the literature calls retained
RETAINED_CATEGORIES = ("team_founders", "reserve_treasury")

#: table -> what one row is (Datasette shows it; docs/store.md lists it)
TABLES: dict[str, str] = {
    "meta": "the store's own facts: schema_version",
    "items": "one row per paper (paper:<sha256>) or contract (<chain_id>:<address>) a batch took: "
             "status done/failed, the error code and message of a failure, the stages run, attempts",
    "records": "each stage's record whole (to_dict JSON) per key: reads back with Type.from_dict",
    "projects": "one row per project (its paper's key): name, symbol, contract from the manifest",
    "documents": "the ingested paper: status, pages, words, sentences, language",
    "sections": "the paper's sections with their pages",
    "allocations": "token allocation buckets of every breakdown found (is_main: the one reported), "
                   "each with its page and quote",
    "use_of_funds": "use-of-funds items of every breakdown found, each with its page and quote",
    "claims": "the paper's claims (GOLD.md names) with the rule, confidence and first evidence",
    "language_scores": "dictionary rates per 1,000 words (kind rate), readability, disclosure and "
                       "specified flags with confidence and first evidence, sentence-role shares (kind role_share)",
    "sentence_labels": "every labelled sentence (risk disclosure, legal disclaimer, return promise, "
                       "forward looking) with its page",
    "contracts": "one row per token contract: token, status, decimals, supply, supply cap, the sale's hard cap (ETH or tokens), compiler",
    "code_facts": "what the code can do (mint, burn, pause ...) with the first evidence: contract, "
                  "function, line, code",
    "chain_state": "on-chain state read with --rpc: supply, owner, paused",
    "findings": "claim-code alignment findings per project, with paper and code evidence",
    "outcomes": "manifest columns beyond the join keys (raised_usd ...) per project",
    "imported_outcomes": "outcomes imported by ico-lens outcomes import (raised_usd, log_raised_usd, success, "
                         "year, platform ...) per project, with the file they came from",
    "outcome_matches": "how each project was matched to an outcome table: by address, symbol + name, name, "
                       "or unmatched / ambiguous, with the rows it took",
    "failures": "view: the papers and contracts that failed, with error code and message",
    "features": "view: one row per project ready for regression",
}

FEATURES_DESCRIPTION = (
    "alloc_<category> / stage_<stage>: main allocation shares (%) by category and sale stage; "
    "insider_share (team + advisors), retained_share (team + reserve), hhi (Herfindahl index of the main allocation, 0..1); "
    "funds_<category>: use-of-funds shares; disclosed_/specified_<aspect>: 0/1; rate_<category>: "
    "dictionary rates per 1,000 words; readability_<measure>; share_<label>: kept labelled sentences "
    "per sentence; role_<role>: share of all sentences with that role (role_technical: technical content); "
    "claim_<name>: the paper's claims (GOLD.md names: 1/0 for yes/no, text for unsold_tokens, hard_cap; null: silent); findings_<verdict>: alignment counts; code_<fact>: contract verdicts; "
    "outcome_<name>: imported outcomes, else the manifest's; pages, word_count"
)


#: a project's outcomes: the imported ones, and the manifest's where nothing was imported under that name
OUTCOME_VALUES = (
    "SELECT key, name, value FROM imported_outcomes UNION ALL "
    "SELECT o.key, o.name, o.value FROM outcomes o WHERE NOT EXISTS "
    "(SELECT 1 FROM imported_outcomes i WHERE i.key = o.key AND i.name = o.name)"
)


def column(*parts: str) -> str:
    """``column("rate", "lm.negative")`` -> ``rate_lm_negative``."""
    return re.sub(r"[^a-z0-9_]+", "_", "_".join(parts).lower()).strip("_")


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _pivot(source: str, name_column: str, value: str, names: list[str], prefix: str, aggregate: str = "MAX") -> str:
    """A sub-query with one row per key and one column per name: ``aggregate(value)`` of its rows."""
    columns = ", ".join(
        f'{aggregate}(CASE WHEN {name_column} = {_quote(name)} THEN {value} END) AS "{column(prefix, name)}"'
        for name in names
    )
    return f"SELECT key{', ' + columns if columns else ''} FROM {source} GROUP BY key"


def _distinct(conn: sqlite3.Connection, sql: str) -> list[str]:
    return [row[0] for row in conn.execute(sql)]


def features_sql(conn: sqlite3.Connection) -> str:
    """The ``CREATE VIEW features`` statement for the names in the store now."""
    rates = _distinct(conn, "SELECT DISTINCT name FROM language_scores WHERE kind = 'rate' ORDER BY name")
    measures = _distinct(conn, "SELECT DISTINCT name FROM language_scores WHERE kind = 'readability' ORDER BY name")
    roles = _distinct(conn, "SELECT DISTINCT name FROM language_scores WHERE kind = 'role_share' ORDER BY name")
    claims = _distinct(conn, "SELECT DISTINCT name FROM claims ORDER BY name")
    verdicts = _distinct(conn, "SELECT DISTINCT verdict FROM findings WHERE verdict IS NOT NULL ORDER BY verdict")
    facts = _distinct(conn, "SELECT DISTINCT fact FROM code_facts ORDER BY fact")
    outcomes = _distinct(conn, f"SELECT DISTINCT name FROM ({OUTCOME_VALUES}) ORDER BY name")
    stages = sorted(set(ALLOCATION_STAGE.values()))
    insiders = ", ".join(map(_quote, INSIDER_CATEGORIES))
    retained = ", ".join(map(_quote, RETAINED_CATEGORIES))
    allocation = ", ".join(
        [f'TOTAL(CASE WHEN category = {_quote(c)} THEN percent END) AS "{column("alloc", c)}"' for c in ALLOCATION_CATEGORIES]
        + [f'TOTAL(CASE WHEN stage = {_quote(s)} THEN percent END) AS "{column("stage", s)}"' for s in stages]
        + [f"TOTAL(CASE WHEN category IN ({insiders}) THEN percent END) AS insider_share",
           f"TOTAL(CASE WHEN category IN ({retained}) THEN percent END) AS retained_share",
           "TOTAL((percent / 100.0) * (percent / 100.0)) AS hhi"]
    )
    funds = ", ".join(f'TOTAL(CASE WHEN category = {_quote(c)} THEN percent END) AS "{column("funds", c)}"' for c in FUNDS_CATEGORIES)
    shares = ", ".join(f'COUNT(CASE WHEN label = {_quote(label)} THEN 1 END) AS "{column("n", label)}"' for label in SENTENCE_LABELS)
    share_columns = ", ".join(
        f'CAST(s."{column("n", label)}" AS REAL) / NULLIF(d.sentence_count, 0) AS "{column("share", label)}"' for label in SENTENCE_LABELS
    )
    parts = {
        "a": f"SELECT key, {allocation} FROM allocations WHERE is_main = 1 GROUP BY key",
        "f": f"SELECT key, {funds} FROM use_of_funds WHERE is_main = 1 GROUP BY key",
        "dis": _pivot("language_scores WHERE kind = 'disclosure'", "name", "value", list(DISCLOSURE_ASPECTS), "disclosed"),
        "spec": _pivot("language_scores WHERE kind = 'specified'", "name", "value", list(DISCLOSURE_ASPECTS), "specified"),
        "r": _pivot("language_scores WHERE kind = 'rate'", "name", "value", rates, "rate"),
        "rd": _pivot("language_scores WHERE kind = 'readability'", "name", "value", measures, "readability"),
        "ro": _pivot("language_scores WHERE kind = 'role_share'", "name", "value", roles, "role"),
        "cl": _pivot("claims", "name", "value", claims, "claim"),
        "s": f"SELECT key, {shares} FROM sentence_labels GROUP BY key",
        "fi": _pivot("findings", "verdict", "1", verdicts, "findings", "COUNT") if verdicts else "SELECT key FROM findings GROUP BY key",
        "o": _pivot(f"({OUTCOME_VALUES})", "name", "value", outcomes, "outcome"),
    }
    code = _pivot("code_facts", "fact", "verdict", facts, "code")

    def picked(alias: str, sql: str) -> str:
        names = re.findall(r'AS "?([a-z0-9_]+)"?(?=,|\s+FROM)', sql)
        return ", ".join(f'{alias}."{n}"' for n in names)

    selected = ", ".join(filter(None, [
        "p.key, p.name, p.symbol, p.chain_id, p.address, p.contract_key",
        "d.status, d.page_count AS pages, d.word_count, d.sentence_count, d.language",
        *(picked(alias, sql) for alias, sql in parts.items() if alias != "s"),
        share_columns,
        picked("c", code),
    ]))
    joins = " ".join(f"LEFT JOIN ({sql}) {alias} ON {alias}.key = p.key" for alias, sql in parts.items())
    return (
        f"CREATE VIEW features AS SELECT {selected} FROM projects p "
        f"LEFT JOIN documents d ON d.key = p.key {joins} "
        f"LEFT JOIN ({code}) c ON c.key = p.contract_key"
    )


def refresh_views(conn: sqlite3.Connection) -> None:
    """(Re)create the ``failures`` and ``features`` views over what the store holds now."""
    conn.execute("DROP VIEW IF EXISTS failures")
    conn.execute("CREATE VIEW failures AS SELECT key, kind, path, error, message, stages, updated_at, attempts FROM items WHERE status = 'failed'")
    conn.execute("DROP VIEW IF EXISTS features")
    conn.execute(features_sql(conn))


def datasette_metadata(database: str = "corpus") -> dict:
    """Datasette's metadata for a store: a title and every table's and view's description.

    ``database``: the name Datasette gives the database, its file name without ``.db``.
    """
    tables = {name: {"description": text} for name, text in TABLES.items()}
    tables["features"]["description"] += ": " + FEATURES_DESCRIPTION
    return {
        "title": "ico_lens feature store",
        "description": "White papers and token contracts read by ico-lens batch: one row per project in features.",
        "databases": {database: {"tables": tables}},
    }

"""The store's schema, one migration per version: the database says its version in ``meta``.

A new database runs every migration in order; an older one runs the ones it lacks, each in its own
transaction with the version bump, so an upgrade stopped half-way leaves the database at the last
version it completed. A database of a newer ico_lens is refused (see :mod:`ico_lens.store.database`).
Never edit a migration that has shipped: add the next one.

Every table is keyed by ``key``: a paper's ``paper:<sha256>`` (its project) or a contract's
``<chain_id>:<address>``; rows of evidence carry ``page``/``quote`` (paper) or
``contract``/``function``/``line``/``code`` (code) beside their value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


_PAPER_EVIDENCE = "page INTEGER, quote TEXT"
_CODE_EVIDENCE = "contract TEXT, function TEXT, line INTEGER, code TEXT"

V1 = f"""
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
-- one row per paper or contract the batch has seen: what happened to it
CREATE TABLE items (
  key TEXT PRIMARY KEY, kind TEXT NOT NULL, path TEXT, status TEXT NOT NULL,
  error TEXT, message TEXT, stages TEXT, updated_at TEXT
);
-- every stage's record whole (its to_dict() JSON): reads back with Type.from_dict
CREATE TABLE records (
  key TEXT NOT NULL, stage TEXT NOT NULL, type TEXT NOT NULL, json TEXT NOT NULL,
  PRIMARY KEY (key, stage)
);
CREATE TABLE projects (
  key TEXT PRIMARY KEY, name TEXT, symbol TEXT, chain_id INTEGER, address TEXT,
  contract_key TEXT, path TEXT
);
CREATE TABLE documents (
  key TEXT PRIMARY KEY, path TEXT, content_id TEXT, kind TEXT, status TEXT, page_count INTEGER,
  pages_read INTEGER, word_count INTEGER, sentence_count INTEGER, language TEXT, title TEXT, text_layer INTEGER, elapsed REAL
);
CREATE TABLE sections (
  key TEXT NOT NULL, position INTEGER NOT NULL, title TEXT, level INTEGER, page_start INTEGER,
  page_end INTEGER, PRIMARY KEY (key, position)
);
CREATE TABLE allocations (
  key TEXT NOT NULL, breakdown INTEGER NOT NULL, position INTEGER NOT NULL, is_main INTEGER,
  label TEXT, category TEXT, stage TEXT, percent REAL, amount REAL, vesting_months REAL,
  cliff_months REAL, method TEXT, {_PAPER_EVIDENCE}, PRIMARY KEY (key, breakdown, position)
);
CREATE TABLE use_of_funds (
  key TEXT NOT NULL, breakdown INTEGER NOT NULL, position INTEGER NOT NULL, is_main INTEGER,
  label TEXT, category TEXT, percent REAL, amount REAL, method TEXT, {_PAPER_EVIDENCE},
  PRIMARY KEY (key, breakdown, position)
);
-- a claim's value with its first evidence; all of it in evidence_json
CREATE TABLE claims (
  key TEXT NOT NULL, name TEXT NOT NULL, value, rule TEXT, confidence REAL,
  {_PAPER_EVIDENCE}, evidence_json TEXT, PRIMARY KEY (key, name)
);
-- kind: rate (per 1,000 words), readability, disclosure, specified
CREATE TABLE language_scores (
  key TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, value REAL, count INTEGER,
  confidence REAL, {_PAPER_EVIDENCE}, PRIMARY KEY (key, kind, name)
);
CREATE TABLE sentence_labels (
  key TEXT NOT NULL, position INTEGER NOT NULL, label TEXT, score REAL, source TEXT,
  section TEXT, page INTEGER, text TEXT, PRIMARY KEY (key, position)
);
CREATE TABLE contracts (
  key TEXT PRIMARY KEY, chain_id INTEGER, address TEXT, path TEXT, token_contract TEXT,
  status TEXT, pragma TEXT, decimals INTEGER, initial_supply TEXT, cap TEXT, solc_version TEXT,
  proxy_implementation TEXT
);
-- one row per fact: the verdict, why it is undetermined, its first evidence (all in evidence_json)
CREATE TABLE code_facts (
  key TEXT NOT NULL, fact TEXT NOT NULL, verdict INTEGER, undetermined TEXT, reason TEXT,
  {_CODE_EVIDENCE}, evidence_json TEXT, PRIMARY KEY (key, fact)
);
CREATE TABLE chain_state (
  key TEXT PRIMARY KEY, block_number INTEGER, code_present INTEGER, total_supply TEXT,
  decimals INTEGER, symbol TEXT, owner TEXT, paused INTEGER, minting_finished INTEGER,
  evidence_json TEXT
);
CREATE TABLE findings (
  key TEXT NOT NULL, position INTEGER NOT NULL, contract_key TEXT, claim TEXT, verdict TEXT,
  severity TEXT, paper_value, code_value, reason TEXT, explanation TEXT, rule TEXT, {_PAPER_EVIDENCE}, {_CODE_EVIDENCE}, chain_block INTEGER,
  evidence_json TEXT, PRIMARY KEY (key, position)
);
CREATE INDEX projects_contract ON projects (contract_key);
CREATE INDEX items_status ON items (status);
"""

# version 2: outcomes (manifest columns beyond the join keys: raised_usd ...) and attempts per item
V2 = """
CREATE TABLE outcomes (key TEXT NOT NULL, name TEXT NOT NULL, value, PRIMARY KEY (key, name));
ALTER TABLE items ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
"""

# version 3: outcomes imported from an outcome table (TORD ...), apart from the manifest's so that a
# re-run of a paper (which replaces its manifest rows) keeps them, and how each project was matched
V3 = """
CREATE TABLE imported_outcomes (
  key TEXT NOT NULL, name TEXT NOT NULL, value, source TEXT NOT NULL, PRIMARY KEY (key, name)
);
CREATE TABLE outcome_matches (
  key TEXT NOT NULL, source TEXT NOT NULL, matched_by TEXT NOT NULL, row_ids TEXT,
  outcome_name TEXT, outcome_symbol TEXT, outcome_address TEXT, PRIMARY KEY (key, source)
);
"""

# version 4: the hard cap a sale of the contract's source enforces (in whole ETH or tokens), beside the
# token's supply cap; contracts stored before keep NULL there (their records table JSON has no sale cap)
V4 = """
ALTER TABLE contracts ADD COLUMN sale_cap TEXT;
ALTER TABLE contracts ADD COLUMN sale_cap_unit TEXT;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "the feature store's tables", V1),
    Migration(2, "outcomes table; attempts per item", V2),
    Migration(3, "imported outcomes and their matches", V3),
    Migration(4, "the sale's hard cap in code", V4),
)

#: the version this ico_lens writes
SCHEMA_VERSION = MIGRATIONS[-1].version

#: the tables holding one project's or one contract's rows (what a re-run of it replaces)
PAPER_TABLES = ("projects", "documents", "sections", "allocations", "use_of_funds", "claims",
                "language_scores", "sentence_labels", "findings", "outcomes")
CONTRACT_TABLES = ("contracts", "code_facts", "chain_state")

"""The replication table, from raw files to table: every project of ``../shared`` read into a feature
store, TORD's outcomes joined to it, log raised USD regressed on the allocation, the paper's length,
technical content, disclosures and risk language; and the tool's public-sale share checked against
TORD's own ``distributed_in_ico``, data nobody here made.

>>> from ico_lens.stats.replicate import replicate
>>> result = replicate("../shared", "replication.db", workers=2)              # doctest: +SKIP
>>> print(result.table.as_text())                                             # doctest: +SKIP
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from typing import Callable

from ico_lens.errors import InputError
from ico_lens.stats.outcomes import ImportReport, import_outcomes, normalise_name

#: the regressors of the replication table (columns of the store's features view, or derived below)
REGRESSORS = {
    "retained_share": "team + reserve share of the token allocation (%)",
    "alloc_public_sale": "public-sale share of the token allocation (%)",
    "log_words": "natural log of the paper's words",
    "role_technical": "share of the paper's sentences about how the system works (technical content)",
    "disclosed_use_of_funds": "the paper discloses its use of funds (0/1)",
    "disclosed_vesting": "the paper discloses vesting (0/1)",
    "disclosed_risk": "the paper discloses risks (0/1)",
    "risk_rate": "risk words per 1,000 words (the ico_lens risk dictionaries together)",
}
#: the signs published work reports for the nearest measure (None: no published sign to compare)
PUBLISHED_SIGNS = {
    "retained_share": ("+", "Davydiuk, Gupta & Rosen (7,450 ICOs): each point retained by insiders raises the chance of success"),
    "alloc_public_sale": ("-", "Amsden & Schweizer (1,009 ICOs): a larger share distributed goes with less success"),
    "log_words": ("+", "Amsden & Schweizer: shorter white papers go with less success"),
    "role_technical": ("+", "Fisch 2019 (423 ICOs): technical white papers raise more"),
    "disclosed_use_of_funds": ("+", "Howell, Niessner & Yermack 2020: disclosure goes with real success"),
    "disclosed_vesting": ("+", "Howell, Niessner & Yermack 2020: founder vesting goes with real success"),
    "disclosed_risk": ("+", "Howell, Niessner & Yermack 2020: disclosure (risk disclosure included) goes with success"),
    "risk_rate": (None, "no published sign for risk words (Momtaz: exaggerated papers raise more, then lose value)"),
}
#: the agreement the issue asks of the tool's public-sale share against TORD's distributed_in_ico
AGREEMENT_POINTS = 5.0


def shared_manifest(shared: str, out: str) -> str:
    """A batch manifest of every paper of ``shared``: the 36 corpus projects (paper, name, symbol,
    contract), the 46 labelled papers and the ICOBase texts (name only; a project already listed under
    the same normalised name is not listed again). Written to ``out``; returns its path."""
    corpus = os.path.join(shared, "corpus", "projects.csv")
    if not os.path.isfile(corpus):
        raise InputError("not a shared data directory (no corpus/projects.csv)", path=shared)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(row: dict[str, str]) -> None:
        name = normalise_name(row["name"])
        if name in seen:
            return
        seen.add(name)
        rows.append(row)

    with open(corpus, encoding="utf-8-sig", newline="") as f:
        for project in csv.DictReader(f):
            source = (project.get("contract_source") or "").strip()
            add({"paper": os.path.join(shared, "corpus", project["whitepaper"]), "name": project["name"],
                 "symbol": project.get("token") or "", "address": project.get("contract_address") or "",
                 "contract": os.path.join(shared, "corpus", source) if source else ""})
    papers = os.path.join(shared, "papers", "whitepapers")
    for name in sorted(os.listdir(papers)) if os.path.isdir(papers) else []:
        if name.endswith(".pdf"):
            add({"paper": os.path.join(papers, name), "name": name[:-4], "symbol": "", "address": "", "contract": ""})
    names = {}
    labels = os.path.join(shared, "icobase", "labels.csv")
    if os.path.isfile(labels):
        with open(labels, encoding="utf-8-sig", newline="") as f:
            names = {row["slug"]: row.get("Name") or row["slug"] for row in csv.DictReader(f)}
    texts = os.path.join(shared, "icobase", "texts")
    for name in sorted(os.listdir(texts)) if os.path.isdir(texts) else []:
        if name.endswith(".txt"):
            slug = name[:-4]
            add({"paper": os.path.join(texts, name), "name": names.get(slug, slug), "symbol": "", "address": "", "contract": ""})
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["paper", "name", "symbol", "address", "contract"])
        writer.writeheader()
        writer.writerows(rows)
    return out


#: the models of the replication table: each adds a group of regressors to the one before
MODEL_STEPS = (
    ("allocation", ("retained_share", "alloc_public_sale")),
    ("+ paper", ("log_words", "role_technical")),
    ("+ disclosure and risk", ("disclosed_use_of_funds", "disclosed_vesting", "disclosed_risk", "risk_rate")),
)


@dataclass
class Agreement:
    """The tool's public-sale share against TORD's distributed_in_ico, for the projects with both."""

    n: int
    within: int
    points: float = AGREEMENT_POINTS
    median_difference: float | None = None
    #: the same with pre-sale counted as distributed (TORD's share may include it)
    within_with_presale: int = 0

    @property
    def share(self) -> float | None:
        return self.within / self.n if self.n else None

    def summary(self) -> str:
        if not self.n:
            return "no project has both a public-sale share and TORD's distributed_in_ico"
        return (f"public-sale share within {self.points:g} points of TORD's distributed_in_ico: {self.within}/{self.n} "
                f"({self.share:.0%}; median difference {self.median_difference:.1f} points); "
                f"public + pre-sale: {self.within_with_presale}/{self.n}")


@dataclass
class Replication:
    regressions: list = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    agreement: Agreement | None = None
    imported: ImportReport | None = None
    #: projects in the store, and those with a matched outcome (one per offering)
    projects: int = 0
    with_outcome: int = 0
    batch_lines: list[str] = field(default_factory=list)

    @property
    def table(self):
        from ico_lens.stats.regress import regression_table

        return regression_table(self.regressions, names=self.names)

    def signs(self) -> list[tuple[str, str, str | None, str]]:
        """(regressor, sign in the fullest model with its p-value, published sign, source) per regressor."""
        full = self.regressions[-1]
        rows = []
        for name in REGRESSORS:
            if name in full.params:
                ours = f"{'+' if full.params[name] > 0 else '-'} (p={full.pvalues[name]:.2f})"
                published, source = PUBLISHED_SIGNS[name]
                rows.append((name, ours, published, source))
        return rows


def replication_data(db: str):
    """The features of the projects of ``db`` that have an imported log_raised_usd, one per offering
    (two papers joined to the same TORD row count once: the first listed)."""
    import pandas as pd

    from ico_lens.stats.data import features_frame
    from ico_lens.store.load import load_table

    frame = features_frame(db)
    matches = load_table(db, "outcome_matches")[["key", "row_ids"]].dropna()
    frame = frame.merge(matches.drop_duplicates("key"), on="key", how="left")
    with_outcome = frame[frame["outcome_log_raised_usd"].notna()]
    return with_outcome.drop_duplicates("row_ids").reset_index(drop=True), len(frame)


def public_sale_agreement(frame, points: float = AGREEMENT_POINTS) -> Agreement:
    """How often the main allocation's public-sale share is within ``points`` of TORD's distributed_in_ico."""
    if "outcome_distributed_in_ico" not in frame or "alloc_public_sale" not in frame:
        return Agreement(0, 0, points)
    both = frame[(frame["alloc_public_sale"] > 0) & frame["outcome_distributed_in_ico"].notna()]
    if both.empty:
        return Agreement(0, 0, points)
    tord = both["outcome_distributed_in_ico"]
    difference = (both["alloc_public_sale"] - tord).abs()
    # TORD's figure sometimes counts the pre-sale with the public sale
    presale = both["alloc_presale_private"].fillna(0) if "alloc_presale_private" in both else 0
    with_presale = (both["alloc_public_sale"] + presale - tord).abs()
    return Agreement(len(both), int((difference <= points).sum()), points, float(difference.median()),
                     int((with_presale <= points).sum()))


def replication_models(frame, *, robust: str = "HC1") -> tuple[list, list[str]]:
    """The models of :data:`MODEL_STEPS` fitted on ``frame``; a regressor constant over the sample
    (no variation to estimate) is left out of every model and said in the warnings."""
    from ico_lens.stats.regress import regress

    regressors: list[str] = []
    fits, names = [], []
    for name, step in MODEL_STEPS:
        regressors += [r for r in step if r in frame and frame[r].nunique(dropna=True) > 1]
        fits.append(regress(frame, "log_raised_usd", regressors, robust=robust))
        names.append(name)
    left_out = [r for _, step in MODEL_STEPS for r in step if r not in regressors]
    if left_out:
        fits[-1].warnings.append(f"left out (missing or constant over the sample): {', '.join(left_out)}")
    return fits, names


def replicate(shared: str, db: str, *, workers: int = 1, use_models: bool = True, work_dir: str | None = None,
              say: Callable[[str], None] | None = None, stream=None) -> Replication:
    """From raw files to table: batch every paper of ``shared`` into ``db`` (resumable: a re-run reuses
    what is stored), import ``shared/outcomes/tord_v4.csv``, fit :data:`MODEL_STEPS` and check the
    public-sale share against TORD's ``distributed_in_ico``."""
    from ico_lens.store.compute import Options
    from ico_lens.store.runner import build_store

    say = say or (lambda message: None)
    tord = os.path.join(shared, "outcomes", "tord_v4.csv")
    if not os.path.isfile(tord):
        raise InputError("not a shared data directory (no outcomes/tord_v4.csv)", path=shared)
    work_dir = work_dir or os.path.dirname(os.path.abspath(db))
    manifest = shared_manifest(shared, os.path.join(work_dir, "replication-manifest.csv"))
    summary = build_store(manifest, db, options=Options(use_models=use_models), workers=workers, say=say, stream=stream)
    result = Replication(batch_lines=summary.lines())
    result.imported = import_outcomes(db, tord)
    frame, result.projects = replication_data(db)
    result.with_outcome = len(frame)
    result.regressions, result.names = replication_models(frame)
    result.agreement = public_sale_agreement(frame)
    return result

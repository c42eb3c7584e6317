#!/usr/bin/env python3
"""Write the five research walkthroughs (notebooks/02..06): one per research question.

    .venv/bin/python notebooks/make_research_notebooks.py

The notebooks are written without outputs; the test suite executes them (tests/test_notebooks.py) on the
bundled sample and, when it is there, on ../shared. Edit the cells here, not in the .ipynb files.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = """\
import warnings

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from ico_lens.stats import archetypes, predict, regression_table
from ico_lens.stats.regress import table_notes
from ico_lens.stats.research import compare_sign, fit_models, research_frames

pd.set_option("display.width", 140)
pd.set_option("display.max_columns", 12)
frames = research_frames()          # builds the stores once (a few minutes for ../shared), then reuses them
data = frames.main
print(f"estimating on {frames.main_name}: {len(data)} projects, "
      f"{int(data['outcome_log_raised_usd'].notna().sum())} with log raised USD")"""

DATA_NOTE = """\
**Data.** `research_frames()` reads every paper of the bundled sample into a feature store (with
*invented* outcomes, `corpora/sample/outcomes.csv`: the sample shows the method, it teaches nothing) and,
when `../shared` is present, every paper there (the 36 corpus projects with their contracts, the 46
labelled papers, the ICOBase texts) with TORD v4's outcomes joined by contract address, symbol + name, or
name (`ico-lens outcomes import`). Estimates use `../shared` when it is there. Projects missing a
variable are dropped listwise and the count is printed under each table. Without the language models
(`ICO_LENS_MODELS=1` turns them on) there is no technical-content measure."""


def notebook(title: str, question: str, cells: list) -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [new_markdown_cell(f"# {title}\n\n{question}"), new_markdown_cell(DATA_NOTE), new_code_cell(SETUP), *cells]
    return nb


def md(text: str):
    return new_markdown_cell(text)


def code(text: str):
    return new_code_cell(text)


TABLE = """\
fits, names, skipped = fit_models(data, {outcome!r}, MODELS{options})
print(regression_table(fits, names=names).as_text())
for line in table_notes(fits, names=names) + skipped:
    print(line)"""

GOVERNANCE = notebook(
    "RQ1: organisational form and the governance granted to token holders",
    "Does it matter for the money raised whether token holders get governance (voting) rights, and whether "
    "the project is a platform? The paper's claim `governance_rights` is 1 where it grants them, 0 where it "
    "denies them and empty where it is silent; TORD's `platform` flags platform projects.",
    [
        code("""\
claims = frames.sample[["name", "claim_governance_rights", "disclosed_governance", "outcome_platform", "outcome_log_raised_usd"]]
claims  # the sample: what each paper says about governance"""),
        code("""\
data = data.assign(
    governance_granted=(data["claim_governance_rights"] == 1).astype(float),
    governance_denied=(data["claim_governance_rights"] == 0).astype(float),
    governance=data["claim_governance_rights"].map({1: "granted", 0: "denied"}).fillna("silent"),
)
data.groupby("governance")["outcome_log_raised_usd"].agg(["count", "median", "mean"]).round(2)"""),
        code("""\
MODELS = {
    "governance": ["governance_granted", "governance_denied"],
    "+ platform, length": ["governance_granted", "governance_denied", "outcome_platform", "log_words"],
}
""" + TABLE.format(outcome="log_raised_usd", options="")),
        code("""\
fig, ax = plt.subplots(figsize=(6, 3.5))
groups = [g["outcome_log_raised_usd"].dropna() for _, g in data.groupby("governance")]
ax.boxplot(groups, tick_labels=[name for name, _ in data.groupby("governance")])
ax.set_ylabel("log raised USD")
ax.set_title("Money raised by what the paper says of holders' governance rights")
plt.show()"""),
        code("""\
full = fits[-1] if fits else None
if full is not None:
    print(compare_sign(full, "governance_granted", "+",
                       "Howell, Niessner & Yermack 2020 (rights and disclosure as quality signals)"))
    print(compare_sign(full, "outcome_platform", None, "no published sign in the works above"))"""),
        md("""\
**What the figure shows.** Each box is the log of the money raised by the projects whose paper grants
holders governance rights, denies them, or says nothing; the table estimates the same differences with
robust (HC1) standard errors, silent papers as the baseline. None of the published works above
estimates governance rights directly: Howell, Niessner & Yermack (2020) find that what signals quality
and commitment to investors goes with real success, which predicts a positive sign for rights granted.
When this was written (ico_lens 0.1.0 on `../shared`, dictionaries only, 2 December 2026), 190 projects
had an outcome: 27 papers granting rights, 21 denying them, the rest silent; rights granted came with
+0.12 log points (s.e. 0.24), the positive sign expected but nowhere near distinguishable from zero, and
platform projects with -0.20 (s.e. 0.17). The printed comparison above is today's figure. With a couple
of hundred projects only an effect of about half a log point (a factor of 1.6 in money raised) could be
seen; the published samples are 5 to 40 times larger."""),
    ],
)

ALLOCATION = notebook(
    "RQ2: token-allocation patterns, strategy and fundraising",
    "Do allocation patterns signal strategy and move fundraising? The features view gives each project's "
    "main allocation (`alloc_<category>`, %), the team + reserve share the issuer keeps (`retained_share`), "
    "the public-sale share and the Herfindahl concentration (`hhi`); `archetypes` clusters the allocation "
    "vectors into strategic archetypes.",
    [
        code("""\
frames.sample[["name", "alloc_public_sale", "alloc_team_founders", "alloc_reserve_treasury", "retained_share", "hhi"]]"""),
        code("""\
found = archetypes(data, outcome="log_raised_usd")
print(f"k = {found.k} archetypes (by {found.k_from}; silhouette {found.silhouette:.2f}) over {found.n} projects; {found.dropped}")
pd.DataFrame([{"archetype": a.name, "projects": a.size, "log raised (median)": a.outcome_median, "with outcome": a.outcome_n,
               **{c.removeprefix("alloc_"): round(v, 1) for c, v in a.profile.items() if v >= 3}} for a in found.archetypes])"""),
        code("""\
MODELS = {
    "shares": ["retained_share", "alloc_public_sale"],
    "+ concentration, length": ["retained_share", "alloc_public_sale", "hhi", "log_words"],
}
""" + TABLE.format(outcome="log_raised_usd", options="")),
        code("""\
fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
complete = data.dropna(subset=["retained_share", "outcome_log_raised_usd"])
axes[0].scatter(complete["retained_share"], complete["outcome_log_raised_usd"], s=14, alpha=0.7)
axes[0].set_xlabel("team + reserve share (%)"); axes[0].set_ylabel("log raised USD")
axes[0].set_title(f"Retained share and money raised (n = {len(complete)})")
profiles = pd.DataFrame({a.name: {c.removeprefix("alloc_"): v for c, v in a.profile.items()} for a in found.archetypes})
profiles.loc[profiles.max(axis=1) >= 3].plot.barh(ax=axes[1])
axes[1].set_xlabel("mean share (%)"); axes[1].set_title("Archetype profiles")
plt.tight_layout(); plt.show()"""),
        code("""\
from ico_lens.stats.replicate import public_sale_agreement

print(public_sale_agreement(data).summary())
if fits:
    print(compare_sign(fits[0], "retained_share", "+", "Davydiuk, Gupta & Rosen (retention raises the chance of success)"))
    print(compare_sign(fits[0], "alloc_public_sale", "-", "Amsden & Schweizer (a larger share distributed, less success)"))"""),
        md("""\
**What the figures show.** Left: each project's team + reserve share against the log of the money it
raised; right: the mean allocation of each archetype the clustering found (k chosen by silhouette).
Davydiuk, Gupta & Rosen (7,450 ICOs) find that each point of tokens retained by insiders raises the
chance of success (a signal of the insiders' confidence), and Amsden & Schweizer (1,009 ICOs) that a
larger share distributed goes with less success: both predict a positive sign on `retained_share` and a
negative one on `alloc_public_sale`. When this was written (2 December 2026, 94 projects with both an
allocation and an outcome) neither share moved the money raised: +0.001 (s.e. 0.006) per point retained
and +0.000 (s.e. 0.004) per point sold, so a 10-point shift changes the amount raised by less than 1%,
against Davydiuk et al.'s clearly positive effect on success; the most common archetype
(public-sale-led, about 60% sold) raised the most at the median. The printed comparison is today's
figure. The allocation is found in about half the papers, so n is small and the standard errors wide;
and the tool's public-sale share agrees with TORD's `distributed_in_ico` (data nobody here made) within
5 points for only about half the projects that have both, so part of the noise is the extraction's and
part is TORD's (its share often counts the pre-sale, or a different round)."""),
    ],
)

FUNDS = notebook(
    "RQ3: the disclosed use of funds",
    "Does it matter whether, and how, a paper discloses what the money will be spent on? "
    "`disclosed_use_of_funds` is the disclosure detector's flag; `funds_<category>` are the shares of the "
    "main use-of-funds breakdown when there is one.",
    [
        code("""\
frames.sample[["name", "disclosed_use_of_funds", "funds_development", "funds_marketing", "funds_operations", "funds_legal_compliance"]]"""),
        code("""\
funds = [c for c in data.columns if c.startswith("funds_")]
data = data.assign(funds_breakdown=(data[funds].sum(axis=1, min_count=1) > 0).astype(float))
print(f"{int(data['disclosed_use_of_funds'].sum())} of {len(data)} papers disclose a use of funds; "
      f"{int(data['funds_breakdown'].sum())} give a breakdown in percent")
data.loc[data["funds_breakdown"] == 1, funds].mean().sort_values(ascending=False).round(1)"""),
        code("""\
MODELS = {
    "disclosure": ["disclosed_use_of_funds"],
    "+ breakdown, length": ["disclosed_use_of_funds", "funds_breakdown", "log_words"],
}
""" + TABLE.format(outcome="log_raised_usd", options="")),
        code("""\
with_breakdown = data[data["funds_breakdown"] == 1]
shares = {"development and marketing shares": ["funds_development", "funds_marketing"]}
fits_b, names_b, skipped_b = fit_models(with_breakdown, "log_raised_usd", shares)
if fits_b:
    print(regression_table(fits_b, names=names_b).as_text())
print("\\n".join(table_notes(fits_b, names=names_b) + skipped_b))
fig, ax = plt.subplots(figsize=(6, 3.5))
with_breakdown[funds].mean().sort_values().plot.barh(ax=ax)
ax.set_xlabel("mean share of the money raised (%)"); ax.set_title(f"Declared use of funds (n = {len(with_breakdown)})")
plt.show()"""),
        code("""\
if fits:
    print(compare_sign(fits[0], "disclosed_use_of_funds", "+", "Howell, Niessner & Yermack 2020 (disclosure goes with success)"))"""),
        md("""\
**What the figure shows.** The mean declared split of the money to be raised, over the papers that give
one in percent: development first, then marketing, as in the surveys of ICO white papers. Howell,
Niessner & Yermack (2020) find that disclosure goes with real success, which predicts a positive sign
on `disclosed_use_of_funds`. When this was written (2 December 2026, 193 projects) the flag came with
+0.03 log points (s.e. 0.17): the expected sign, no measurable size. Among the 52 papers with a
percentage breakdown and an outcome, a larger share for development or for marketing went with less
money raised (-0.015 and -0.025 log points per point, both significant at 5%): the remaining shares
(operations, legal, reserve) are the omitted base, so this reads as "papers that budget for operations and
legal raised more", a pattern the published work has not tested. The printed lines are today's figures."""),
    ],
)

LANGUAGE = notebook(
    "RQ4: the language of risk and entrepreneurship",
    "Does the language of a white paper matter? The features view has dictionary rates per 1,000 words "
    "(risk categories, `rate_hype_return_promises`, entrepreneurial orientation `rate_eo_*`, Loughran-McDonald), "
    "readability, the paper's length and, with the models, the share of technical sentences (`role_technical`).",
    [
        code("""\
language = ["risk_rate", "rate_hype_return_promises", "rate_eo_innovativeness", "rate_eo_risk_taking",
            "readability_flesch_reading_ease", "log_words", "role_technical"]
frames.sample[["name", *[c for c in language if c in frames.sample]]].round(2)"""),
        code("""\
data = data.assign(eo_rate=data[[c for c in data.columns if c.startswith("rate_eo_")]].sum(axis=1, min_count=1))
MODELS = {
    "risk and hype": ["risk_rate", "rate_hype_return_promises"],
    "+ entrepreneurial, readability, length": ["risk_rate", "rate_hype_return_promises", "eo_rate",
                                               "readability_flesch_reading_ease", "log_words", "role_technical"],
}
""" + TABLE.format(outcome="log_raised_usd", options="")),
        code("""\
features = [f for f in ["risk_rate", "rate_hype_return_promises", "eo_rate", "readability_flesch_reading_ease", "log_words"]
            if data[f].nunique() > 1]
listed = data.dropna(subset=["outcome_listed"])
if listed["outcome_listed"].nunique() == 2 and listed["outcome_listed"].value_counts().min() >= 5:
    forecast = predict(listed, "listed", features, folds=5)
    print(f"did the token come to trade? cross-validated {forecast.metric} {forecast.mean:.2f} (sd {forecast.sd:.2f}) "
          f"over {forecast.n} projects; chance {forecast.chance}")
    print("permutation importance:", ", ".join(f"{i.feature} {i.mean:+.3f}" for i in forecast.importance))
else:
    print("too few listed / unlisted projects here for a cross-validated forecast")"""),
        code("""\
fig, ax = plt.subplots(figsize=(6, 3.8))
complete = data.dropna(subset=["rate_hype_return_promises", "outcome_log_raised_usd"])
ax.scatter(complete["rate_hype_return_promises"], complete["outcome_log_raised_usd"], s=14, alpha=0.7)
ax.set_xlabel("hype and return promises per 1,000 words"); ax.set_ylabel("log raised USD")
ax.set_title(f"Exaggeration and money raised (n = {len(complete)})")
plt.show()
if fits:
    full = fits[-1]
    print(compare_sign(full, "rate_hype_return_promises", "+", "Momtaz (exaggerated white papers raise more)"))
    print(compare_sign(full, "role_technical", "+", "Fisch 2019 (technical white papers raise more)"))
    print(compare_sign(full, "log_words", "+", "Amsden & Schweizer (shorter papers, less success)"))
    print(compare_sign(full, "readability_flesch_reading_ease", None, "Zhang et al. 2019 relate readability to first-day returns, not to money raised"))"""),
        md("""\
**What the figure shows.** Each paper's rate of hype and return-promise words against the log of the
money it raised. Momtaz finds that exaggerated white papers raise more, and faster, then lose value;
Fisch (2019) that technical papers raise more; Amsden & Schweizer that shorter papers go with less
success; Zhang et al. (2019) relate readability to first-day returns, an outcome TORD does not have
(so readability is shown against money raised, with no published sign to compare). The printed
comparisons give the signs here; the cross-validated forecast of listing says whether the language
predicts the later market position out of sample (an AUC near 0.5 means it does not). When this was
written (2 December 2026, 192 projects, dictionaries only) hype words came with the opposite sign to
Momtaz's (-0.05, s.e. 0.12, not significant), length with the expected positive sign (+0.09, s.e.
0.11), and easier reading (Flesch) with less money (-0.03 per point, s.e. 0.01, significant): harder,
more technical prose raised more, in the direction of Fisch (2019). Listing was predicted barely better
than chance (AUC 0.56). The printed lines are today's figures. Rates are per 1,000 words, so a long
paper's legal boilerplate dilutes them; the dictionaries are listed in docs/language-dictionaries.md."""),
    ],
)

CLAIMS = notebook(
    "RQ5: do the claims in the paper match the smart-contract code?",
    "Fixed supply, burns, team vesting, pausability, upgradeability, oracles: for the projects with a "
    "contract, `ico-lens batch` stored one finding per claim (consistent / contradicted / unverifiable) and "
    "per insider power (disclosed / undisclosed). Cohney et al. (Columbia L. Rev. 2019) read the 50 "
    "top-grossing ICOs of 2017 by hand: of those promising vesting 80% did not code it, a quarter of supply "
    "limits and over a third of promised burns were not coded, and most tokens modifiable by insiders did not "
    "say so.",
    [
        code("""\
from ico_lens.store.load import load_table

db = frames.shared_db or frames.sample_db
findings = load_table(db, "findings")
print(f"{findings['key'].nunique()} projects with a contract, {len(findings)} findings")
pd.crosstab(findings["claim"], findings["verdict"])"""),
        code("""\
promises = findings[findings["verdict"].isin(["consistent", "contradicted"])]
headline = (promises.assign(not_coded=promises["verdict"] == "contradicted")
            .groupby("claim")["not_coded"].agg(["count", "mean"]).rename(columns={"count": "promises", "mean": "share not coded"}))
powers = findings[findings["verdict"].isin(["disclosed", "undisclosed"])]
undisclosed = powers.groupby("key")["verdict"].apply(lambda v: (v == "undisclosed").any())
print(f"tokens with an insider power the paper does not disclose: {int(undisclosed.sum())} of {len(undisclosed)} "
      f"with any such power (Cohney et al.: most)")
headline.round(2).loc[headline.index.isin(["team_vesting", "supply_fixed", "burn_mechanism", "unsold_tokens", "total_supply"])]"""),
        code("""\
MODELS = {"contradictions": ["findings_contradicted"], "+ undisclosed powers": ["findings_contradicted", "findings_undisclosed"]}
with_contract = data[data["contract_key"].notna()].assign(
    findings_contradicted=lambda d: d["findings_contradicted"].fillna(0),
    findings_undisclosed=lambda d: d.get("findings_undisclosed", 0).fillna(0) if "findings_undisclosed" in d else 0)
fits, names, skipped = fit_models(with_contract, "log_raised_usd", MODELS)
print(regression_table(fits, names=names).as_text() if fits else "no model could be estimated")
print("\\n".join(table_notes(fits, names=names) + skipped))"""),
        code("""\
fig, ax = plt.subplots(figsize=(7, 4))
table = pd.crosstab(findings["claim"], findings["verdict"])
table.plot.barh(stacked=True, ax=ax)
ax.set_xlabel("projects"); ax.set_title("Paper claims and insider powers against the code")
plt.tight_layout(); plt.show()
if fits:
    print(compare_sign(fits[-1], "findings_contradicted", None, "Cohney et al. count mismatches, they do not relate them to money raised"))"""),
        md("""\
**What the figure shows.** For each claim and each insider power, how many projects' code agrees with
the paper, contradicts it, or cannot tell (no source, a vague claim), and how many tokens give insiders a
power the paper never mentions. Next to Cohney et al.'s hand-read fractions, these are measured by the
tool's rules (`ico-lens eval alignment` reports their agreement with hand labels, about 0.9), on 36
projects from 2017-2019 rather than the 50 largest of 2017. When this was written (2 December 2026) the
shares not coded were: team vesting 0.67 of 12 promises (Cohney et al.: 0.80), fixed supply 0.31 of 13
(a quarter), burns 0.50 of 6 (over a third); 27 of the 29 tokens giving insiders a power did not say so
(most). Signs and sizes are close to the hand study's on a different sample. The regression asks
whether projects whose code contradicts their paper raised less: Cohney et al. do not estimate it, and
with 30 projects only a large effect could show (here -0.18 log points per contradiction, s.e. 0.15).
The printed figures are today's."""),
    ],
)

NOTEBOOKS = {
    "02_governance.ipynb": GOVERNANCE,
    "03_allocation.ipynb": ALLOCATION,
    "04_use_of_funds.ipynb": FUNDS,
    "05_language.ipynb": LANGUAGE,
    "06_claims_vs_code.ipynb": CLAIMS,
}

if __name__ == "__main__":
    for name, nb in NOTEBOOKS.items():
        nbformat.write(nb, HERE / name)
        print(f"wrote notebooks/{name}")

"""The score's four components, one function each: what they read, how their points are computed.

Every item's points come from one weight of :mod:`ico_lens.score.weights`; what a weight stands for is
in its table, the thresholds below. A component that cannot be assessed (no language profile, no
contract) says why and adds nothing to the maximum, so a paper alone is scored out of the other three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ico_lens.records import Evidence
from ico_lens.score.features import INSIDER_CATEGORIES, SALE_CATEGORIES
from ico_lens.score.records import Component, Item
from ico_lens.score.reference import Reference
from ico_lens.score.weights import Weights

if TYPE_CHECKING:
    from ico_lens.align.records import AlignmentReport, Finding
    from ico_lens.contract.records import ContractReport
    from ico_lens.language.records import LanguageProfile
    from ico_lens.paper.tokenomics.facts import PaperFacts

#: insider share (%) from which it starts to add points, and at which it adds all of them
INSIDER_SHARE_RANGE = (10.0, 40.0)
#: share sold to investors (%) below which it starts to add points, and at which it adds all of them
SALE_SHARE_RANGE = (70.0, 30.0)
#: an unknown allocation counts as half the points of each allocation item
UNKNOWN_SHARE = 0.5
#: evidence quotes kept per item
EVIDENCE_PER_ITEM = 3

ZERO_ADDRESS = "0x" + "0" * 40


def _scaled(value: float, start: float, full: float) -> float:
    """0 at ``start``, 1 at ``full`` (either direction), linear between and clamped."""
    return min(max((value - start) / (full - start), 0.0), 1.0)


def _item(weights: Weights, name: str, label: str, share: float, evidence=(), **feature) -> Item:
    """An item earning ``share`` (0..1) of the weight ``name``, with its first distinct pieces of evidence."""
    distinct: dict[tuple, Evidence] = {}
    for e in evidence:  # the same quote found by two routes (a claim and a detector) is shown once
        if len(distinct) < EVIDENCE_PER_ITEM:
            distinct.setdefault((e.where, e.quote, e.code, repr(e.value)), e)
    return Item(name, label, round(weights[name] * share, 2), weights[name], list(distinct.values()), **feature)


# ---------------------------------------------------------------------------------------------
# disclosure completeness


def disclosure(facts: "PaperFacts", profile: "LanguageProfile | None", weights: Weights) -> Component:
    """Full points for each aspect the paper never discusses. Allocation and use of funds: half when the
    paper discusses them without a breakdown the extractor could read."""
    items = [
        _breakdown(weights, "allocation", "token allocation", facts.main_allocation, profile, "token_distribution"),
        _breakdown(weights, "use_of_funds", "use of funds", facts.main_use_of_funds, profile, "use_of_funds"),
        _aspect(weights, "vesting", "vesting or lock-up of insiders' tokens", _vesting_evidence(facts), profile, ("vesting", "lockup")),
        _aspect(weights, "risk", "risk disclosure", _sentences(profile, "risk_disclosure"), profile, ("risk",)),
        _aspect(weights, "governance", "token holders' rights (governance)", _claim_evidence(facts, "governance_rights"),
                profile, ("governance",)),
    ]
    return Component("disclosure", "Disclosure completeness", items, max_points=weights.maximum("disclosure"))


def _breakdown(weights, aspect, what, distribution, profile, detector) -> Item:
    name = f"disclosure.{aspect}"
    buckets = [i for i in (distribution.items if distribution else []) if i.percent is not None]
    if buckets:
        pages = ", ".join(map(str, distribution.pages)) or "?"
        return _item(weights, name, f"{what} stated: {len(buckets)} parts, p.{pages}", 0.0,
                     [i.evidence for i in buckets if i.evidence])
    said = _detected(profile, (detector,))
    if said:
        return _item(weights, name, f"{what} discussed, but no breakdown in percent found", 0.5, said)
    return _item(weights, name, f"no {what} stated", 1.0)


def _aspect(weights, aspect, what, evidence, profile, detectors) -> Item:
    found = list(evidence) + _detected(profile, detectors)
    if found:
        return _item(weights, f"disclosure.{aspect}", f"{what} discussed", 0.0, found)
    return _item(weights, f"disclosure.{aspect}", f"no {what} found", 1.0)


def _detected(profile, aspects) -> list[Evidence]:
    """The language stage's evidence for the aspects it found discussed."""
    if profile is None:
        return []
    return [e for a in aspects if (d := profile.disclosures.get(a)) is not None and d.present
            for e in profile.disclosure_evidence.get(a, [])]


def _vesting_evidence(facts) -> list[Evidence]:
    vested = [b.evidence for b in _buckets(facts, INSIDER_CATEGORIES) if b.vesting_months and b.evidence]
    return _claim_evidence(facts, "team_vesting") + vested if facts.claim("team_vesting") else vested


def _claim_evidence(facts, name) -> list[Evidence]:
    result = facts.claims.get(name)
    return list(result.evidence) if result is not None and result.value is not None else []


def _sentences(profile, label) -> list[Evidence]:
    if profile is None:
        return []
    return [Evidence.paper(s.page, s.text[:200], reason=f"{label} sentence ({s.score:.2f})") for s in profile.sentences if s.label == label]


def _buckets(facts, categories):
    allocation = facts.main_allocation
    return [b for b in (allocation.items if allocation else []) if b.category in categories and b.percent is not None]


# ---------------------------------------------------------------------------------------------
# allocation: insiders and concentration


def allocation(facts: "PaperFacts", features: dict, reference: Reference, weights: Weights) -> Component:
    """Insider share and the share sold to investors scaled over their ranges; insiders' tokens without
    a stated vesting. Without an allocation in percent every item counts half (unknown)."""
    title = "Allocation: insiders and concentration"
    insider, sale = features.get("insider_share"), features.get("sale_share")
    if insider is None:
        items = [_item(weights, name, "unknown: no allocation in percent found (counts half)", UNKNOWN_SHARE)
                 for name in ("allocation.insider_share", "allocation.sale_share", "allocation.insider_unvested")]
        return Component("allocation", title, items, max_points=weights.maximum("allocation"))
    insiders, sold = _buckets(facts, INSIDER_CATEGORIES), _buckets(facts, SALE_CATEGORIES)
    insider_ref, sale_ref = _measured(reference, "insider_share", insider), _measured(reference, "sale_share", sale)
    items = [
        _item(weights, "allocation.insider_share", _ranked(f"team and advisors hold {insider:g}%", insider_ref),
              _scaled(insider, *INSIDER_SHARE_RANGE), [b.evidence for b in insiders if b.evidence], **insider_ref),
        _item(weights, "allocation.sale_share", _ranked(f"{sale:g}% sold to investors", sale_ref),
              _scaled(sale, *SALE_SHARE_RANGE), [b.evidence for b in sold if b.evidence], **sale_ref),
        _unvested(facts, weights, insiders),
    ]
    return Component("allocation", title, items, max_points=weights.maximum("allocation"))


def _unvested(facts, weights, insiders) -> Item:
    name = "allocation.insider_unvested"
    if not insiders:
        return _item(weights, name, "no tokens for the team or advisors", 0.0)
    vesting = _vesting_evidence(facts)
    if vesting:
        return _item(weights, name, "insiders' tokens vest", 0.0, vesting)
    return _item(weights, name, "insiders hold tokens; no vesting of them stated", 1.0, [b.evidence for b in insiders if b.evidence])


def _measured(reference: Reference, feature: str, value: float) -> dict:
    return {"feature": feature, "value": round(value, 3), "percentile": reference.percentile(feature, value)}


def _ranked(label: str, measured: dict) -> str:
    """The label with the value's reference percentile: "team and advisors hold 20% (60th percentile)"."""
    percentile = measured["percentile"]
    return label if percentile is None else f"{label} ({_ordinal(percentile)} percentile)"


# ---------------------------------------------------------------------------------------------
# language


def language(profile: "LanguageProfile | None", features: dict, reference: Reference, weights: Weights) -> Component:
    """Points in proportion to the paper's percentile among the reference papers: hype and return
    promises (high is risky), risk language (low is risky), certainty over tentativeness (high is risky)."""
    title = "Language: promises against risks"
    if profile is None or not profile.word_count:
        return Component("language", title, assessed=False, note="no language profile (no text read)",
                         max_points=weights.maximum("language"))
    hype = _rated(weights, "language.hype", "hype and return promises", features, reference, "rate_hype_return_promises",
                  _matches(profile, "hype_return_promises") + _sentences(profile, "return_promise"))
    risk = _rated(weights, "language.risk_language", "risk language", features, reference, "risk_rate",
                  _sentences(profile, "risk_disclosure"), inverse=True)
    certainty = _rated(weights, "language.certainty", "certainty over tentativeness", features, reference, "certainty_share",
                       _matches(profile, "certainty"))
    return Component("language", title, [hype, risk, certainty], max_points=weights.maximum("language"))


def _rated(weights, name, what, features, reference, feature, evidence, inverse=False) -> Item:
    value = features.get(feature)
    percentile = reference.percentile(feature, value)
    if percentile is None:
        return _item(weights, name, f"{what}: not measured (counts half)", UNKNOWN_SHARE, feature=feature, value=value)
    share = (100 - percentile if inverse else percentile) / 100
    unit = "" if feature == "certainty_share" else " per 1,000 words"
    return _item(weights, name, f"{what}: {value:.2f}{unit}, {_ordinal(percentile)} percentile", share, evidence,
                 feature=feature, value=round(value, 3), percentile=percentile)


def _matches(profile, category) -> list[Evidence]:
    found = profile.evidence.get(category)
    return list(found.matches) if found is not None else []


def _ordinal(percentile: float) -> str:
    n = int(round(percentile))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---------------------------------------------------------------------------------------------
# alignment


def alignment(report: "AlignmentReport | None", contract: "ContractReport | None", weights: Weights) -> Component:
    """Points per contradicted claim and per undisclosed power, by severity, up to ``alignment.max``. A
    power held by the owner alone, when the chain shows the owner renounced, is removed: no points."""
    title = "Alignment: claims against code, undisclosed powers"
    if report is None:
        return Component("alignment", title, assessed=False, note="no contract given (--address or --source)",
                         max_points=weights.maximum("alignment"))
    items = [_finding_item(f, contract, weights) for f in report.findings]
    return Component("alignment", title, items, max_points=weights.maximum("alignment"))


def _finding_item(finding: "Finding", contract, weights: Weights) -> Item:
    evidence = finding.paper_evidence + finding.code_evidence + finding.chain_evidence
    label = f"{finding.claim}: {finding.verdict} - {finding.explanation}"
    if finding.verdict not in ("contradicted", "undisclosed") or finding.severity not in ("high", "medium", "low"):
        return Item(f"alignment.{finding.verdict}", label, 0.0, 0.0, evidence)
    name = f"alignment.{finding.verdict}_{finding.severity}"
    renounced = _renounced(finding, contract) if finding.verdict == "undisclosed" else []
    if renounced:
        return _item(weights, name, f"{finding.claim}: removed on chain - the owner renounced, and only the owner "
                                    "held this power", 0.0, evidence + renounced)
    return _item(weights, name, label, 1.0, evidence)


def _renounced(finding, contract) -> list[Evidence]:
    """The chain evidence that the power is gone: owner() is the zero address and every function the
    power runs through is the owner's alone; empty when it is not."""
    chain = getattr(contract, "chain", None)
    facts = getattr(contract, "facts", None)
    if chain is None or facts is None or (chain.owner or "").lower() != ZERO_ADDRESS:
        return []
    functions = {e.function for e in finding.code_evidence if e.function}
    owned = {f for role in facts.roles if "owner" in role.name.lower() for f in role.functions}
    if not functions or not functions <= owned:
        return []
    owner = chain.evidence.get("owner")
    return [owner.with_reason("owner() is the zero address: ownership renounced")] if owner else \
        [Evidence(reason="owner() is the zero address: ownership renounced")]

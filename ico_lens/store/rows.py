"""Records -> the store's normalised rows: one function per stage, each returning ``{table: [rows]}``.

Every row carries its evidence beside the value: a paper's ``page`` and ``quote``, a contract's
``contract``, ``function``, ``line`` and ``code``; where a value has several pieces of evidence, the
first is in those columns and all of them in ``evidence_json``. Only the standard library and the
records are imported: rows are made on the worker that computed the record.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from ico_lens.records import Evidence, TokenAmount, to_dict

Rows = dict[str, list[dict[str, Any]]]


def _first(evidence: Evidence | Iterable[Evidence] | None) -> Evidence | None:
    if evidence is None or isinstance(evidence, Evidence):
        return evidence
    return next(iter(evidence), None)


def paper_evidence(evidence: Evidence | Iterable[Evidence] | None) -> dict[str, Any]:
    first = _first(evidence)
    return {"page": first.page if first else None, "quote": first.quote if first else None}


def code_evidence(evidence: Evidence | Iterable[Evidence] | None) -> dict[str, Any]:
    first = _first(evidence)
    return {name: getattr(first, name) if first else None for name in ("contract", "function", "line", "code")}


def _evidence_json(evidence: Any) -> str | None:
    return json.dumps(to_dict(evidence), ensure_ascii=False) if evidence else None


def _scalar(value: Any) -> Any:
    """A value SQLite keeps as it is: numbers, text, 0/1; lists and dicts as JSON."""
    if isinstance(value, bool):
        return int(value)
    if value is None or isinstance(value, (int, float, str)):
        return value
    return json.dumps(to_dict(value), ensure_ascii=False)


def _amount(amount: TokenAmount | None) -> str | None:
    if amount is None:
        return None
    whole = amount.whole
    return str(whole) if whole is not None else amount.expression or (str(amount.raw) if amount.raw is not None else None)


def document_rows(key: str, report) -> Rows:
    """``documents``, ``sections``, ``allocations``, ``use_of_funds``, ``claims`` of a PaperReport."""
    doc, facts = report.document, report.facts
    rows: Rows = {
        "documents": [{
            "key": key, "path": doc.path, "content_id": doc.content_id, "kind": doc.kind,
            "status": getattr(doc.status, "value", doc.status), "page_count": doc.page_count,
            "pages_read": len(doc.pages), "language": doc.language, "title": doc.meta.title,
            "text_layer": int(facts.text_layer) if facts is not None else None, "elapsed": doc.elapsed,
        }],
        "sections": [
            {"key": key, "position": i, "title": s.title, "level": s.level, "page_start": s.page_start, "page_end": s.page_end}
            for i, s in enumerate(doc.sections)
        ],
    }
    if facts is None:
        return rows
    rows["allocations"] = [
        {"key": key, "breakdown": b, "position": i, "is_main": int(d.is_main), "label": item.label,
         "category": item.category, "stage": item.stage, "percent": item.percent, "amount": item.amount,
         "vesting_months": item.vesting_months, "cliff_months": item.cliff_months, "method": item.method,
         **paper_evidence(item.evidence)}
        for b, d in enumerate(facts.allocations) for i, item in enumerate(d.items)
    ]
    rows["use_of_funds"] = [
        {"key": key, "breakdown": b, "position": i, "is_main": int(d.is_main), "label": item.label,
         "category": item.category, "percent": item.percent, "amount": item.amount, "method": item.method,
         **paper_evidence(item.evidence)}
        for b, d in enumerate(facts.use_of_funds) for i, item in enumerate(d.items)
    ]
    rows["claims"] = [
        {"key": key, "name": name, "value": _scalar(claim.value), "rule": claim.rule,
         "confidence": claim.confidence, **paper_evidence(claim.evidence), "evidence_json": _evidence_json(claim.evidence)}
        for name, claim in facts.claims.items() if claim is not None
    ]
    return rows


def language_rows(key: str, profile) -> Rows:
    """``language_scores`` (rates, readability, disclosures) and ``sentence_labels`` of a LanguageProfile."""
    scores = []
    for name, rate in profile.categories.items():
        matches = profile.evidence[name].matches if name in profile.evidence else []
        scores.append({"kind": "rate", "name": name, "value": rate, "count": profile.counts.get(name), **paper_evidence(matches)})
    scores += [{"kind": "readability", "name": name, "value": value} for name, value in profile.readability.items()]
    if profile.sentence_count:
        scores += [{"kind": "role_share", "name": role, "value": count / profile.sentence_count, "count": count}
                   for role, count in profile.role_counts.items()]
    for aspect, disclosure in profile.disclosures.items():
        evidence = paper_evidence(profile.disclosure_evidence.get(aspect))
        scores.append({"kind": "disclosure", "name": aspect, "value": int(disclosure.present), "confidence": disclosure.confidence, **evidence})
        if disclosure.specified is not None:
            scores.append({"kind": "specified", "name": aspect, "value": int(disclosure.specified.present),
                           "confidence": disclosure.specified.confidence})
    return {
        "language_scores": [{"key": key, "count": None, "confidence": None, "page": None, "quote": None, **row} for row in scores],
        "sentence_labels": [
            {"key": key, "position": i, "label": s.label, "score": s.score, "source": s.source, "section": s.section,
             "page": s.page, "text": s.text}
            for i, s in enumerate(profile.sentences)
        ],
    }


def contract_rows(key: str, report, path: str | None) -> Rows:
    """``contracts``, ``code_facts`` and ``chain_state`` of a ContractReport."""
    facts = report.facts
    rows: Rows = {"contracts": [{
        "key": key, "chain_id": report.chain_id, "address": report.address, "path": path,
        "token_contract": facts.token_contract if facts else None, "status": report.status,
        "pragma": facts.pragma if facts else None, "decimals": facts.decimals if facts else None,
        "initial_supply": _amount(facts.initial_supply) if facts else None, "cap": _amount(facts.cap) if facts else None,
        "sale_cap": _amount(facts.sale_cap) if facts else None, "sale_cap_unit": facts.sale_cap_unit if facts else None,
        "solc_version": report.compile.solc_version,
        "proxy_implementation": report.proxy.implementation if report.proxy else None,
    }]}
    if facts is not None:
        rows["code_facts"] = [
            {"key": key, "fact": fact, "verdict": _scalar(verdict), "undetermined": facts.undetermined.get(fact),
             "reason": (first.reason if (first := _first(facts.evidence.get(fact))) else None),
             **code_evidence(facts.evidence.get(fact)), "evidence_json": _evidence_json(facts.evidence.get(fact))}
            for fact, verdict in facts.verdicts.items()
        ]
    chain = report.chain
    if chain is not None:
        rows["chain_state"] = [{
            "key": key, "block_number": chain.block_number, "code_present": int(chain.code_present),
            "total_supply": _amount(chain.total_supply), "decimals": chain.decimals, "symbol": chain.symbol,
            "owner": chain.owner, "paused": _scalar(chain.paused), "minting_finished": _scalar(chain.minting_finished),
            "evidence_json": _evidence_json(chain.evidence),
        }]
    return rows


def finding_rows(key: str, contract_key: str | None, alignment) -> Rows:
    """``findings`` of an AlignmentReport: each finding with its paper, code and chain evidence."""
    rows = []
    for i, finding in enumerate(alignment.findings):
        chain = _first(getattr(finding, "chain_evidence", None))
        evidence = {part: to_dict(getattr(finding, part, None)) for part in ("paper_evidence", "code_evidence", "chain_evidence")}
        rows.append({
            "key": key, "position": i, "contract_key": contract_key, "claim": _scalar(finding.claim),
            "verdict": _scalar(finding.verdict), "severity": _scalar(finding.severity),
            "paper_value": _scalar(getattr(finding, "paper_value", None)), "code_value": _scalar(getattr(finding, "code_value", None)),
            "reason": finding.reason, "explanation": getattr(finding, "explanation", None), "rule": getattr(finding, "rule", None),
            **paper_evidence(getattr(finding, "paper_evidence", None)), **code_evidence(getattr(finding, "code_evidence", None)),
            "chain_block": chain.block if chain else None, "evidence_json": json.dumps(evidence, ensure_ascii=False),
        })
    return {"findings": rows}


def outcome_value(text: str) -> Any:
    """A manifest cell as a number when it is one (``"1,250,000"`` stays text: commas are ambiguous)."""
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number

"""Everything the tokenomics stage learns from one white paper: :class:`PaperFacts`.

``extract_facts(document)`` runs the token terms (:mod:`terms`), the claims (:mod:`claims`), the token
allocation (:mod:`allocation`) and the use of funds (:mod:`funds`) on an ingested
:class:`~ico_lens.paper.records.Document`; :meth:`PaperFacts.to_dict` gives the record under the field
names of ``corpus/GOLD.md`` (plus extra fields: decimals, caps, sale dates, stage per bucket, other
distributions, residual, status), which is what ``ico-lens extract --json`` prints.

Library use::

    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.facts import extract_facts
    facts = extract_facts(open_document("auctus.pdf"))
    facts.total_supply, facts.claims["unsold_tokens"].value        # 106000000, "burned"
    facts.to_dict()["allocation"][0]                                # {"label": ..., "category": ...}
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ico_lens.paper.tokenomics.claims import CLAIM_FIELDS, ClaimResult, detect_claims
from ico_lens.paper.tokenomics.evidence import Evidence
from ico_lens.paper.tokenomics.terms import TokenTerms, extract_terms
from ico_lens.records import to_dict

#: facts.status values beyond the document's own (ok, no_text_layer, partial_text, truncated, not_english)
NOT_TOKEN_SALE = "not_token_sale"


@dataclass
class PaperFacts:
    """Token facts of one white paper, each with its evidence."""

    slug: str
    text_layer: bool
    pages: int
    #: the document's status, or "not_token_sale" for papers that never describe a token or a sale
    status: str
    language: str
    terms: TokenTerms = field(default_factory=TokenTerms)
    claims: dict[str, ClaimResult] = field(default_factory=dict)
    #: token allocations, main one first (``is_main``); empty when the allocation stage is absent
    allocations: list = field(default_factory=list)
    #: use-of-funds breakdowns, main one first
    use_of_funds: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    # -- convenient views ------------------------------------------------------------------------
    @property
    def total_supply(self) -> int | None:
        return self.terms.value("total_supply")

    @property
    def token_symbol(self) -> str | None:
        return self.terms.value("symbol")

    @property
    def main_allocation(self):
        return next((d for d in self.allocations if getattr(d, "is_main", False)), self.allocations[0] if self.allocations else None)

    @property
    def main_use_of_funds(self):
        return next((d for d in self.use_of_funds if getattr(d, "is_main", False)), self.use_of_funds[0] if self.use_of_funds else None)

    def claim(self, name: str) -> Any:
        result = self.claims.get(name)
        return None if result is None else result.value

    # -- serialisation ---------------------------------------------------------------------------
    def evidence(self) -> dict[str, list[str]]:
        """GOLD.md ``evidence``: field -> ["p.12: 'quote'", ...]."""
        out: dict[str, list[str]] = {}
        for field_name, term_name in (("token_symbol", "symbol"), ("token_standard", "standard"), ("total_supply", "total_supply")):
            term = getattr(self.terms, term_name)
            if term is not None and term.evidence:
                out[field_name] = [str(e) for e in term.evidence]
        for key, dist in (("allocation", self.main_allocation), ("use_of_funds", self.main_use_of_funds)):
            if dist is not None and dist.items:
                quotes = []
                for item in dist.items:
                    if getattr(item, "evidence", "") and item.page:
                        q = f"p.{item.page}: '{item.evidence}'"
                        if q not in quotes:
                            quotes.append(q)
                if quotes:
                    out[key] = quotes[:6]
        for name in CLAIM_FIELDS:
            result = self.claims.get(name)
            if result is not None and result.evidence:
                out[f"claims.{name}"] = [str(e) for e in result.evidence]
        return out

    def _absent_source(self) -> str | None:
        # "none" claims the paper has no breakdown; null says it was not read (not in English)
        return None if self.status == "not_english" else "none"

    def to_dict(self) -> dict:
        """The GOLD.md white-paper record, plus extra fields that GOLD.md does not define."""
        main_alloc, main_funds = self.main_allocation, self.main_use_of_funds
        terms = self.terms
        data: dict[str, Any] = {
            "slug": self.slug,
            "text_layer": self.text_layer,
            "pages": self.pages,
            "token_symbol": terms.value("symbol"),
            "token_standard": terms.value("standard"),
            "total_supply": terms.value("total_supply"),
            "allocation_source": main_alloc.source if main_alloc is not None else self._absent_source(),
            "allocation": [to_dict(b) for b in main_alloc.items] if main_alloc is not None else [],
            "use_of_funds_source": main_funds.source if main_funds is not None else self._absent_source(),
            "use_of_funds": [to_dict(i) for i in main_funds.items] if main_funds is not None else [],
            "claims": {name: self.claim(name) for name in CLAIM_FIELDS},
            "evidence": self.evidence(),
            "notes": "; ".join(self.notes),
            # ---- extra fields (not in GOLD.md) ----
            "status": self.status,
            "language": self.language,
            "decimals": terms.value("decimals"),
            "soft_cap": terms.value("soft_cap"),
            "sale_start": terms.value("sale_start"),
            "sale_end": terms.value("sale_end"),
            "allocation_sum": getattr(main_alloc, "sum_percent", None),
            "allocation_residual": getattr(main_alloc, "residual", None),
            "allocation_note": getattr(main_alloc, "note", "") if main_alloc is not None else "",
            "use_of_funds_sum": getattr(main_funds, "sum_percent", None),
            "use_of_funds_residual": getattr(main_funds, "residual", None),
            "other_allocations": [to_dict(d) for d in self.allocations if d is not main_alloc],
            "other_use_of_funds": [to_dict(d) for d in self.use_of_funds if d is not main_funds],
            "alternatives": {
                name: term.alternatives
                for name in ("symbol", "standard", "total_supply", "token_price", "hard_cap")
                if (term := getattr(terms, name)) is not None and term.alternatives
            },
            "claim_details": {
                name: {
                    "rule": r.rule,
                    "confidence": r.confidence,
                    "counter_evidence": [str(e) for e in r.counter_evidence],
                }
                for name, r in self.claims.items()
            },
        }
        return data

    # -- text summary (used by ``ico-lens extract``) -------------------------------------------------
    def summary_lines(self) -> list[str]:
        lines = ["  token facts" + (f"  (status: {self.status})" if self.status != "ok" else "")]

        def term_line(label: str, name: str) -> None:
            term = getattr(self.terms, name)
            if term is not None:
                where = f"  [p.{term.evidence[0].page}]" if term.evidence else ""
                lines.append(f"    {label:<14}{_fmt(term.value)}{where}")

        term_line("symbol", "symbol")
        term_line("standard", "standard")
        term_line("total supply", "total_supply")
        term_line("decimals", "decimals")
        term_line("price", "token_price")
        term_line("hard cap", "hard_cap")
        term_line("soft cap", "soft_cap")
        term_line("sale start", "sale_start")
        term_line("sale end", "sale_end")
        for title, dist in (("allocation", self.main_allocation), ("use of funds", self.main_use_of_funds)):
            if dist is None:
                continue
            head = f"    {title:<14}source {dist.source}"
            if dist.sum_percent is not None:
                head += f", sum {dist.sum_percent:g}%"
            if dist.pages:
                head += f", p.{','.join(str(p) for p in dist.pages[:4])}"
            lines.append(head)
            for item in dist.items:
                pct = f"{item.percent:5.1f}%" if item.percent is not None else "   -  "
                stage = f" {item.stage}" if getattr(item, "stage", None) else ""
                vest = f" vesting {item.vesting_months:g}m" if getattr(item, "vesting_months", None) else ""
                lines.append(f"      {pct}  {item.category:<20}{stage:<10} {item.label[:40]:<40} p.{item.page}{vest}")
            others = len(self.allocations if title == "allocation" else self.use_of_funds) - 1
            if others > 0:
                lines.append(f"      (+{others} other {title} breakdown(s) in the paper, see --json)")
        if self.claims:
            lines.append("    claims")
            for name in CLAIM_FIELDS:
                result = self.claims.get(name)
                if result is None:
                    continue
                ev = result.evidence[0] if result.evidence else None
                where = f"p.{ev.page}: {_short_quote(ev.quote, result.value)!r}" if ev else ""
                lines.append(f"      {name:<32}{_fmt(result.value):<12} {where}")
        for note in self.notes:
            lines.append(f"    note          {note}")
        return lines


def _fmt(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value).lower() if value is not None else "null"
    if isinstance(value, int) and value >= 10_000:
        return f"{value:,}"
    return str(value)


def _short_quote(quote: str, value: Any, limit: int = 90) -> str:
    """At most ``limit`` characters of ``quote``, around the value when the quote contains it."""
    if len(quote) <= limit:
        return quote
    at = quote.find(str(value)) if isinstance(value, str) else -1
    start = max(0, min(at - 30, len(quote) - limit)) if at >= 0 else 0
    return ("…" if start else "") + quote[start : start + limit] + "…"


def _slug(path: str) -> str:
    return Path(path).stem if path else ""


_TOKEN_WORDS = re.compile(r"\btokens?\b|\bcrowd\s?sale\b|\btoken\s+sale\b|\bICO\b|\bcoins?\b", re.I)


def _looks_like_token_paper(document, terms: TokenTerms, allocations: list) -> bool:
    """Research preprints, company one-pagers and wrong files: no token, no sale, no allocation."""
    if terms.symbol or terms.total_supply or terms.standard:
        return True
    if any(getattr(d, "items", None) for d in allocations):
        return True
    mentions = sum(len(_TOKEN_WORDS.findall(p.text or "")) for p in document.pages)
    return mentions >= 5


def _allocations(document, total_supply: int | None, notes: list[str]) -> list:
    try:
        from ico_lens.paper.tokenomics.allocation import extract_allocation
    except ImportError:
        notes.append("token allocation extraction is not installed")
        return []
    try:
        return list(extract_allocation(document, total_supply=total_supply))
    except Exception as exc:  # one stage's bug must not cost the paper's other facts
        notes.append(f"token allocation extraction failed: {type(exc).__name__}: {exc}")
        return []


def _use_of_funds(document, allocations: list, notes: list[str]) -> list:
    try:
        from ico_lens.paper.tokenomics.funds import extract_use_of_funds
    except ImportError:
        notes.append("use-of-funds extraction is not installed")
        return []
    try:
        # the allocations already found tell use-of-funds which percentages are token shares
        if allocations and "allocation" in inspect.signature(extract_use_of_funds).parameters:
            return list(extract_use_of_funds(document, allocation=allocations))
        return list(extract_use_of_funds(document))
    except Exception as exc:
        notes.append(f"use-of-funds extraction failed: {type(exc).__name__}: {exc}")
        return []


def extract_facts(document) -> PaperFacts:
    """Terms, claims, allocation and use of funds of ``document`` (an ingested ``Document``)."""
    status = getattr(document.status, "value", str(document.status))
    facts = PaperFacts(
        slug=_slug(document.path),
        text_layer=bool(document.text_layer),
        pages=document.page_count,
        status=status,
        language=getattr(document, "language", "unknown"),
    )
    if not document.text_layer:
        facts.notes.append("no text layer (scanned or picture-only PDF): token facts need OCR")
        facts.allocations = _allocations(document, None, facts.notes)
        return facts
    facts.terms = extract_terms(document)
    facts.claims = detect_claims(document, facts.terms)
    if facts.language == "other":
        # English patterns find little in other languages: say so rather than report "nothing found".
        # The bucket rules are English words, so a foreign paper's buckets would be paired with the
        # wrong labels (measured on the German sample): better no allocation than a wrong one.
        facts.status = "not_english"
        facts.notes.append(
            "paper not in English: terms and claims are read with English patterns only; "
            "allocation and use of funds are not extracted"
        )
        return facts
    facts.allocations = _allocations(document, facts.terms.value("total_supply"), facts.notes)
    facts.use_of_funds = _use_of_funds(document, facts.allocations, facts.notes)
    if not _looks_like_token_paper(document, facts.terms, facts.allocations):
        facts.status = NOT_TOKEN_SALE
        facts.notes.append("no token, token sale or allocation described: not a token-sale paper")
    return facts


__all__ = ["PaperFacts", "extract_facts", "Evidence", "NOT_TOKEN_SALE"]

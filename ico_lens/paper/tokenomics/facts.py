"""Everything the tokenomics stage learns from one white paper: :class:`PaperFacts`.

``extract_facts(document)`` runs the token terms (:mod:`terms`), the claims (:mod:`claims`), the token
allocation (:mod:`allocation`) and the use of funds (:mod:`funds`) on an ingested
:class:`~ico_lens.paper.records.Document`; :meth:`PaperFacts.to_dict` gives the record under the field
names of ``corpus/GOLD.md`` (plus extra fields: ``ref``, decimals, caps, sale dates, stage per bucket,
other distributions, residual, status, every term with its evidence), which is what
``ico-lens extract --json`` prints; :meth:`PaperFacts.from_dict` reads it back equal to the facts.

Library use::

    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.facts import extract_facts
    facts = extract_facts(open_document("auctus.pdf"))
    facts.total_supply, facts.claims["unsold_tokens"].value        # 106000000, "burned"
    facts.to_dict()["allocation"][0]                                # {"label": ..., "category": ...}
    facts.ref.key                                                   # "paper:9f2c..." (the content id)
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ico_lens.paper.tokenomics.claims import ClaimResult, claim_fields, detect_claims
from ico_lens.paper.tokenomics.records import AllocationBucket, Distribution, UseOfFundsItem
from ico_lens.paper.tokenomics.terms import TokenTerms, extract_terms
from ico_lens.records import Evidence, ProjectRef, Record, from_dict, to_dict

#: facts.status values beyond the document's own (ok, no_text_layer, partial_text, truncated, not_english)
NOT_TOKEN_SALE = "not_token_sale"


@dataclass
class PaperFacts(Record):
    """Token facts of one white paper, each with its evidence."""

    slug: str
    text_layer: bool
    pages: int
    #: the document's status, or "not_token_sale" for papers that never describe a token or a sale
    status: str
    language: str
    #: the paper: its content id (the document's), and the token symbol the paper states
    ref: ProjectRef = field(default_factory=lambda: ProjectRef(chain_id=None))
    terms: TokenTerms = field(default_factory=TokenTerms)
    claims: dict[str, ClaimResult] = field(default_factory=dict)
    #: token allocations, main one first (``is_main``); empty when the allocation stage is absent
    allocations: list[Distribution] = field(default_factory=list)
    #: use-of-funds breakdowns, main one first
    use_of_funds: list[Distribution] = field(default_factory=list)
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
                    if item.evidence is not None and item.evidence.quote and item.page:
                        q = str(item.evidence)
                        if q not in quotes:
                            quotes.append(q)
                if quotes:
                    out[key] = quotes[:6]
        for name in claim_fields():
            result = self.claims.get(name)
            if result is not None and result.evidence:
                out[f"claims.{name}"] = [str(e) for e in result.evidence]
        return out

    def _absent_source(self) -> str | None:
        # "none" claims the paper has no breakdown; null says it was not read (not in English)
        return None if self.status == "not_english" else "none"

    def to_dict(self) -> dict:
        """The GOLD.md white-paper record, plus extra fields that GOLD.md does not define.

        The extra fields make it the whole record: :meth:`from_dict` reads it back equal to the facts.
        """
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
            "claims": {name: self.claim(name) for name in claim_fields()},
            "evidence": self.evidence(),
            "notes": NOTE_SEPARATOR.join(self.notes),
            # ---- extra fields (not in GOLD.md) ----
            "status": self.status,
            "language": self.language,
            "ref": to_dict(self.ref),
            #: the notes one by one (a note may itself contain the separator of ``notes``)
            "note_list": list(self.notes),
            "decimals": terms.value("decimals"),
            "soft_cap": terms.value("soft_cap"),
            "sale_start": terms.value("sale_start"),
            "sale_end": terms.value("sale_end"),
            **_main_breakdown_fields("allocation", main_alloc),
            **_main_breakdown_fields("use_of_funds", main_funds),
            "other_allocations": [to_dict(d) for d in self.allocations if d is not main_alloc],
            "other_use_of_funds": [to_dict(d) for d in self.use_of_funds if d is not main_funds],
            "alternatives": {
                name: term.alternatives
                for name in ("symbol", "standard", "total_supply", "token_price", "hard_cap")
                if (term := getattr(terms, name)) is not None and term.alternatives
            },
            #: every term with all its evidence, its confidence and the values that lost
            "terms": to_dict(terms),
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

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> "PaperFacts":
        """The facts :meth:`to_dict` wrote (an ``ico-lens extract --json`` record), read back.

        The main breakdowns are rebuilt from their GOLD.md keys and ``*_pages`` / ``*_confidence`` /
        ``*_note``, the claims from ``claims``, ``claim_details`` and their GOLD.md ``evidence``.
        """
        evidence = data.get("evidence") or {}
        values = data.get("claims") or {}
        claims = {
            name: ClaimResult(
                name,
                values.get(name),
                [from_dict(Evidence, e) for e in evidence.get(f"claims.{name}", [])],
                rule=details.get("rule", ""),
                confidence=details.get("confidence"),
                counter_evidence=[from_dict(Evidence, e) for e in details.get("counter_evidence", [])],
            )
            for name, details in (data.get("claim_details") or {}).items()
        }
        return cls(
            slug=data["slug"],
            text_layer=data["text_layer"],
            pages=data["pages"],
            status=data.get("status", "ok"),
            language=data.get("language", "unknown"),
            ref=from_dict(ProjectRef, data["ref"]) if data.get("ref") else ProjectRef(chain_id=None),
            terms=from_dict(TokenTerms, data.get("terms") or {}),
            claims=claims,
            allocations=_read_breakdowns(data, "allocation", AllocationBucket, "other_allocations"),
            use_of_funds=_read_breakdowns(data, "use_of_funds", UseOfFundsItem, "other_use_of_funds"),
            notes=data["note_list"] if "note_list" in data else _split_notes(data.get("notes")),
        )


#: how ``notes`` joins the notes in the GOLD.md record (one string)
NOTE_SEPARATOR = "; "


def _split_notes(notes: str | None) -> list[str]:
    return notes.split(NOTE_SEPARATOR) if notes else []


def _main_breakdown_fields(kind: str, dist: Distribution | None) -> dict[str, Any]:
    """The main breakdown's details beside its GOLD.md keys; ``<kind>_confidence`` is null when the
    paper has no main breakdown of this kind (the stage did not run)."""
    return {
        f"{kind}_sum": dist.sum_percent if dist is not None else None,
        f"{kind}_residual": dist.residual if dist is not None else None,
        f"{kind}_note": dist.note if dist is not None else "",
        f"{kind}_pages": list(dist.pages) if dist is not None else [],
        f"{kind}_confidence": dist.confidence if dist is not None else None,
    }


def _read_breakdowns(data: dict, kind: str, item_type: type, others_key: str) -> list[Distribution]:
    """The main breakdown of ``kind`` (from its GOLD.md keys), then the others, as :meth:`to_dict` wrote them."""
    others = [from_dict(Distribution, d) for d in data.get(others_key) or []]
    if data.get(f"{kind}_confidence") is None:
        return others
    main = Distribution(
        kind,
        [from_dict(item_type, item) for item in data.get(kind) or []],
        source=data[f"{kind}_source"],
        pages=data.get(f"{kind}_pages") or [],
        sum_percent=data.get(f"{kind}_sum"),
        residual=data.get(f"{kind}_residual"),
        is_main=True,
        note=data.get(f"{kind}_note", ""),
        confidence=data[f"{kind}_confidence"],
    )
    return [main, *others]


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


def _allocations(document, total_supply: int | None, notes: list[str], ocr: bool = False) -> list:
    try:
        from ico_lens.paper.tokenomics.allocation import extract_allocation
    except ImportError:
        notes.append("token allocation extraction is not installed")
        return []
    try:
        return list(extract_allocation(document, total_supply=total_supply, ocr=ocr))
    except Exception as exc:  # one stage's bug must not cost the paper's other facts
        notes.append(f"token allocation extraction failed: {type(exc).__name__}: {exc}")
        return []


def _use_of_funds(document, allocations: list, notes: list[str], ocr: bool = False) -> list:
    try:
        from ico_lens.paper.tokenomics.funds import extract_use_of_funds
    except ImportError:
        notes.append("use-of-funds extraction is not installed")
        return []
    try:
        # the allocations already found tell use-of-funds which percentages are token shares
        return list(extract_use_of_funds(document, allocation=allocations or None, ocr=ocr))
    except Exception as exc:
        notes.append(f"use-of-funds extraction failed: {type(exc).__name__}: {exc}")
        return []


def _team_vesting_from_buckets(facts: PaperFacts) -> None:
    """Team vesting stated in the team bucket's own details, where the sentences name no team ("Team 15%"
    then "these tokens are subject to a two-year vesting"): the bucket is the subject, its details the
    predicate. Fills only the claims the sentence rules left silent."""
    main = facts.main_allocation
    team = [b for b in (main.items if main else []) if b.category == "team_founders" and b.vesting_months]
    if not team:
        return
    bucket = max(team, key=lambda b: b.percent or 0)
    evidence = [bucket.evidence] if bucket.evidence else []
    if facts.claims.get("team_vesting") is None:
        facts.claims["team_vesting"] = ClaimResult("team_vesting", True, evidence, rule="AllocationBucket", confidence=0.7)
    if facts.claims.get("team_vesting_months") is None and facts.claim("team_vesting") is True:
        facts.claims["team_vesting_months"] = ClaimResult("team_vesting_months", int(bucket.vesting_months), evidence,
                                                          rule="AllocationBucket", confidence=0.7)


def _resolve_ocr(ocr: bool | None) -> bool:
    """``ocr=None`` (auto): read chart pictures with Tesseract when it is installed."""
    if ocr is False:
        return False
    from ico_lens.paper.tokenomics.ocr import ocr_available

    return ocr_available() if ocr is None else True


def _ocr_notes(facts: "PaperFacts", asked: bool | None, used: bool) -> None:
    """Say when a chart picture was read by OCR, or could not be for want of Tesseract."""
    pictures = [d for d in (*facts.allocations[:1], *facts.use_of_funds[:1]) if getattr(d, "source", None) == "image"]
    if any(getattr(i, "method", None) == "ocr" for d in pictures for i in d.items):
        facts.notes.append("a token distribution was read by OCR from a chart picture (method=\"ocr\"): check against the paper")
    elif pictures and not used and asked is not False:
        facts.notes.append("a distribution exists only as a chart picture and OCR is unavailable (install tesseract-ocr and pytesseract)")


def _fill_from_figures(document, facts: "PaperFacts") -> None:
    """Terms and claims stated only in a term-sheet picture, by OCR; fills only what the text left empty."""
    try:
        from ico_lens.paper.tokenomics.figure_text import fill_from_figures

        filled = fill_from_figures(document, facts.terms, facts.claims)
    except Exception as exc:  # OCR trouble must not cost the paper's other facts
        facts.notes.append(f"OCR of term-sheet figures failed: {type(exc).__name__}: {exc}")
        return
    if filled:
        facts.ref = dataclasses.replace(facts.ref, symbol=facts.terms.value("symbol"))
        facts.notes.append("read by OCR from a figure (check against the paper): " + ", ".join(filled))


def extract_facts(document, *, ocr: bool | None = None) -> PaperFacts:
    """Terms, claims, allocation and use of funds of ``document`` (an ingested ``Document``).

    ``ocr``: read an allocation / use-of-funds that exists only as a chart picture with Tesseract
    (:mod:`~ico_lens.paper.tokenomics.ocr`); ``None`` (default) when Tesseract is installed, ``False`` never.
    """
    asked, ocr = ocr, _resolve_ocr(ocr)
    status = getattr(document.status, "value", str(document.status))
    facts = PaperFacts(
        slug=_slug(document.path),
        text_layer=bool(document.text_layer),
        pages=document.page_count,
        status=status,
        language=getattr(document, "language", "unknown"),
        ref=document.ref,
    )
    if not document.text_layer:
        facts.notes.append("no text layer (scanned or picture-only PDF): token facts need OCR")
        facts.allocations = _allocations(document, None, facts.notes)
        return facts
    facts.terms = extract_terms(document)
    facts.ref = dataclasses.replace(facts.ref, symbol=facts.terms.value("symbol"))
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
    facts.allocations = _allocations(document, facts.terms.value("total_supply"), facts.notes, ocr)
    _team_vesting_from_buckets(facts)
    if ocr:
        _fill_from_figures(document, facts)
    facts.use_of_funds = _use_of_funds(document, facts.allocations, facts.notes, ocr)
    _ocr_notes(facts, asked, ocr)
    if not _looks_like_token_paper(document, facts.terms, facts.allocations):
        facts.status = NOT_TOKEN_SALE
        facts.notes.append("no token, token sale or allocation described: not a token-sale paper")
    return facts


__all__ = ["PaperFacts", "extract_facts", "NOT_TOKEN_SALE"]

"""Use of funds (how the money raised will be spent) from a white paper, with page evidence.

Library use::

    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.funds import extract_use_of_funds
    main = extract_use_of_funds(open_document("auctus.pdf"))[0]
    main.source, [(i.category, i.percent, i.page) for i in main.items]

Same engine as the allocation (:mod:`ico_lens.paper.tokenomics.breakdown`), with weights that favour
spending labels (development, marketing, legal ...) and headings about proceeds, funds and budget. When a
paper gives only money amounts ("$3 million - team"), percentages are computed against their stated
total or their sum (as ``corpus/GOLD.md`` does), marked ``method="computed"``.
"""

from __future__ import annotations

import re

from ico_lens.paper.records import Document
from ico_lens.paper.tokenomics import breakdown as engine
from ico_lens.paper.tokenomics.allocation import find_chart_pages
from ico_lens.paper.tokenomics.breakdown import Candidate, Entry
from ico_lens.paper.tokenomics.records import Distribution, UseOfFundsItem
from ico_lens.paper.tokenomics.taxonomy import allocation_match, funds_match

TIER_WEIGHT = {1: 1.0, 2: 0.75, 0: 0.3}
MIN_SCORE = 1.05


def funds_weight(entry: Entry) -> float:
    """How clearly ``entry`` is a share of the money raised (0..1)."""
    category, tier = funds_match(entry.label)
    weight = TIER_WEIGHT.get(tier, 0.3)
    a_category, a_tier = allocation_match(entry.label)
    if a_tier == 1 and a_category in ("public_sale", "presale_private", "advisors", "bounty_marketing", "mining_staking") \
            and tier != 1:
        weight *= 0.4  # "Token sale 60%", "Advisors 2%": tokens, not money
    if entry.flags & {"subtotal", "empty", "example"}:
        weight *= 0.1
    if entry.flags & {"bonus", "release"}:
        weight *= 0.2
    if entry.shape == "prose":
        weight *= 0.9
    return weight


_MONEY_WORDS = re.compile(r"[$€£]\s?\d|\b(?:usd|eur|funds|proceeds|budget|raised)\b", re.I)
_TOKEN_WORDS = re.compile(r"\btokens?\b|\bsupply\b", re.I)


def _score(candidate: Candidate) -> float:
    return engine.kind_score(
        candidate, kind="use_of_funds", weight=funds_weight,
        strong_label=lambda label: funds_match(label)[1] == 1,
        own_words=_MONEY_WORDS, other_words=_TOKEN_WORDS, other_penalty=0.2, min_weight=0.5,
    )


def extract_use_of_funds(document: Document, allocation: list[Distribution] | None = None, *, ocr: bool = False
                         ) -> list[Distribution]:
    """Use-of-funds breakdowns stated in ``document``, the main one first (``is_main=True``).

    Always returns at least one :class:`Distribution` (``source`` ``"image"`` or ``"none"`` when no
    breakdown is in the text layer; ``ocr=True`` then reads the chart with Tesseract, items marked
    ``method="ocr"``). ``allocation`` (the result of
    :func:`~ico_lens.paper.tokenomics.allocation.extract_allocation`, computed when not given) keeps the
    token allocation from being read a second time as a use of funds.
    """
    entries, cache = engine.find_entries(document)
    found = engine.candidates(document, funds_weight, entries=entries, cache=cache)
    found += engine.candidates(document, funds_weight, entries=entries, cache=cache, money=True)
    found = [c for c in found if c.entries[0].percent is not None or c.entries[0].money]
    if allocation is None:
        from ico_lens.paper.tokenomics.allocation import extract_allocation

        allocation = extract_allocation(document)
    # the same shares at the same place (a share alone is not enough: a page may hold both breakdowns,
    # and their values repeat: "20% advisors" over "20% expansion")
    taken = {(b.page, b.percent, b.evidence.quote if b.evidence else None)
             for d in allocation[:1] for b in d.items if b.percent is not None}
    if taken:
        found = [c for c in found if sum((e.page, e.percent, e.evidence.quote) in taken for e in c.entries) * 2 < len(c.entries)]
    scored = sorted(((round(_score(c), 4), engine.tie_break(c), c) for c in found), key=lambda t: (t[0], t[1]), reverse=True)
    results: list[Distribution] = []
    seen: set[tuple] = set()
    for score, _, cand in scored:
        if score < MIN_SCORE:
            continue
        key = tuple(sorted({(e.page, e.order) for e in cand.entries}))
        if key in seen:
            continue
        seen.add(key)
        results.append(_to_distribution(cand, score))
        if len(results) >= 4:
            break
    if results:
        results[0].is_main = True
        for other in results[1:]:
            other.note = (other.note + "; " if other.note else "") + "another use-of-funds breakdown (not the main one)"
        return results
    absent = _absent(document)
    if ocr and absent.source == "image":
        from ico_lens.paper.tokenomics.ocr import ocr_distribution

        absent = ocr_distribution(document, absent, extract_use_of_funds)
    return [absent]


def _to_distribution(cand: Candidate, score: float) -> Distribution:
    items = []
    for e in sorted(cand.entries, key=lambda e: e.order):
        percent, method = e.percent, e.method
        if percent is None and e.amount is not None and cand.total_used:
            percent, method = round(e.amount / cand.total_used * 100, 1), "computed"
        items.append(
            UseOfFundsItem(
                label=engine.tidy_label(e.label),
                category=_category(e),
                percent=percent,
                amount=e.amount if e.money else None,
                evidence=e.evidence,
                method=method,
            )
        )
    methods = [i.method for i in items]
    source = "table" if methods.count("table") * 2 > len(methods) else "text"
    note = cand.note
    if not cand.complete:
        note = (note + "; " if note else "") + f"items sum to {cand.sum_percent:g}%, not 100%"
    return Distribution("use_of_funds", items, source, note=note, confidence=round(min(1.0, score / 2.5), 2)).finish()


def _category(entry: Entry) -> str:
    """The label's category; a label that names none ("Enhancing system efficiency") is read with the
    sentence that explains it ("... distributing servers")."""
    category = funds_match(entry.label)[0]
    if category == "other" and not re.search(r"\bother", entry.label, re.I):
        category = funds_match(entry.context)[0]
    return category


_FUNDS_HEADING = re.compile(
    r"\buse\s+of\s+(?:the\s+)?(?:funds|proceeds)|\bproceeds\b|\bbudget\b|\bfund(?:ing|s)?\s+(?:usage|allocation|"
    r"distribution|breakdown)|\bexpenditures?\b|\bspending\b|\bcost\s+breakdown",
    re.I,
)


_STRONG_FUNDS_HEADING = re.compile(r"\buse\s+of\s+(?:the\s+)?(?:funds|proceeds)|\bfund(?:ing|s)?\s+usage|\bproceeds\b", re.I)


def _absent(document: Document) -> Distribution:
    if not document.text_layer:
        return Distribution("use_of_funds", [], "none", is_main=True,
                            note="the PDF has no text layer: use of funds, if any, cannot be read without OCR").finish()
    pages = find_chart_pages(document, _FUNDS_HEADING, strong=_STRONG_FUNDS_HEADING)
    if pages:
        return Distribution("use_of_funds", [], "image", pages=pages[:1], is_main=True,
                            note=f"use-of-funds heading with a chart picture on p.{pages[0]} and no numbers in the text layer").finish()
    return Distribution("use_of_funds", [], "none", is_main=True, note="no use of funds found").finish()

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

import bisect
import re

from ico_lens.paper.records import Document
from ico_lens.paper.tokenomics import breakdown as engine
from ico_lens.paper.tokenomics.allocation import find_chart_pages
from ico_lens.paper.tokenomics.breakdown import Candidate, Entry
from ico_lens.paper.tokenomics.breakdown.labels import section_heading
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


#: a list that falls short of 100% (a legend item lost in the layout) still counts when it is mostly spending
PARTIAL_SPENDING_BONUS = 0.6


def _score(candidate: Candidate) -> float:
    score = engine.kind_score(
        candidate, kind="use_of_funds", weight=funds_weight,
        strong_label=lambda label: funds_match(label)[1] == 1,
        own_words=_MONEY_WORDS, other_words=_TOKEN_WORDS, other_penalty=0.2, min_weight=0.5,
    )
    if not candidate.complete and len(candidate.entries) >= 4 and candidate.sum_percent >= 70 and _spending_list(candidate):
        score += PARTIAL_SPENDING_BONUS
    return score


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
    _rejoin_wrapped_labels(entries, cache)
    headings = _section_headings(cache)
    found = _sectioned_candidates(document, entries, cache, headings)
    found = [c for c in found if c.entries[0].percent is not None or c.entries[0].money]
    if allocation is None:
        from ico_lens.paper.tokenomics.allocation import extract_allocation

        allocation = extract_allocation(document)
    # the same shares at the same place (a share alone is not enough: a page may hold both breakdowns,
    # and their values repeat: "20% advisors" over "20% expansion")
    taken = {(b.page, b.percent, b.evidence.quote if b.evidence else None)
             for d in allocation[:1] for b in d.items if b.percent is not None}
    if taken:
        found = [c for c in found if sum((e.page, e.percent, e.evidence.quote) in taken for e in c.entries) * 2 < len(c.entries)
                 or _spending_list(c)]
    found = [c for c in found if not _mixes_sections(c, headings)]
    for c in found:
        _own_heading(c, headings)
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


# ---------------------------------------------------------------------------------------------
# Sections. A heading about the money raised ("Use of proceeds", "How the funds will be spent", "Where the
# money goes", "Capital allocation") or about the tokens ("Token distribution") ends the breakdown above
# it: a spending list printed right under the token allocation (same page, or the next one) is read on
# its own, and takes its kind from its own heading rather than from the allocation's.

#: a sentence that opens a spending list with its first share: "Of the funds raised, 50% will go to
#: development, ...", "We will spend 40% of the proceeds on ..."
_SPENDING_SENTENCE_RE = re.compile(
    r"\b(?:funds?|proceeds|money|capital|ether|eth|raised)\b[^%]{0,60}\b(?:spend|spent|used|allocated|invested|go(?:es)?\s+to(?:wards?)?)\b"
    r"|\b(?:spend|spent|use|used|allocate|allocated|invest|invested)\b[^%]{0,20}\d+(?:[.,]\d+)?\s?%\s+of\s+(?:the\s+|our\s+|all\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:funds?|proceeds|money|capital|budget)\b",
    re.I,
)


#: "Crowdfunding participants: 36%, ... raised funds will be used for ...": a row of a list, no heading
_ROW_START_RE = re.compile(r"^\W*[A-Z][\w&/ -]{0,50}?\s*[:\-–]\s*\d+(?:[.,]\d+)?\s?%")


def _section_headings(cache: dict[int, list[str]]) -> list[tuple[int, int, str, str]]:
    """(page, line, kind, text) of every breakdown heading, in reading order; a spending sentence that
    holds the first share counts as the heading of its list."""
    out = []
    for page, lines in sorted(cache.items()):
        for i, line in enumerate(lines):
            kind = section_heading(line)
            share = engine.PCT_RE.search(line)
            spending = _SPENDING_SENTENCE_RE.search(line) if share else None
            if kind is None and spending and spending.start() < share.start() and not _ROW_START_RE.match(line):
                kind = "use_of_funds"  # the spending words come first, then the shares they introduce
            if kind:
                out.append((page, i, kind, line))
    return out


def _sectioned_candidates(document: Document, entries: list[Entry], cache: dict[int, list[str]],
                          headings: list[tuple[int, int, str, str]]) -> list[Candidate]:
    """The engine's candidates, plus those of the same entries cut into sections at the headings.

    Both are kept (scoring decides): a chart title printed between the rows of its own legend would
    cut the legend, the plain reading keeps it whole."""
    found = engine.candidates(document, funds_weight, entries=entries, cache=cache)
    found += engine.candidates(document, funds_weight, entries=entries, cache=cache, money=True)
    if not headings:
        return found
    original = [(e.group, e.line_count) for e in entries]
    marks = [(page, line) for page, line, _, _ in headings]
    try:
        for e in entries:
            section = bisect.bisect_right(marks, (e.order.page, e.order.line))
            e.group = f"{e.group}|section {section}"
            if e.line_count > 1 and float(e.order.line).is_integer():
                # a row's description ("Reserve 20%" + the lines after it) never runs over a heading
                after = [line for page, line in marks if page == e.page and e.order.line < line <= e.last.line]
                if after:
                    e.line_count = int(after[0] - e.order.line)
        found += engine.candidates(document, funds_weight, entries=entries, cache=cache)
        found += engine.candidates(document, funds_weight, entries=entries, cache=cache, money=True)
    finally:
        for e, (group, line_count) in zip(entries, original):
            e.group, e.line_count = group, line_count
    return found


def _heading_kind_at(entry: Entry, headings: list[tuple[int, int, str, str]], reach: int = 25) -> str | None:
    """The kind of the nearest heading above ``entry`` within ``reach`` lines (same page, or the end of
    the page before), else None."""
    at = (entry.order.page, entry.order.line)
    index = bisect.bisect_right([(h[0], h[1]) for h in headings], at) - 1
    if index < 0:
        return None
    page, line, kind, _ = headings[index]
    if page == entry.page and entry.order.line - line <= reach or page == entry.page - 1 and entry.order.line <= reach / 2:
        return kind
    return None


def _mixes_sections(candidate: Candidate, headings: list[tuple[int, int, str, str]]) -> bool:
    """The candidate takes shares from under a token-allocation heading and from under a funds heading:
    two breakdowns joined because their shares happen to add up."""
    kinds = {_heading_kind_at(e, headings) for e in candidate.entries}
    return {"allocation", "use_of_funds"} <= kinds


def _own_heading(candidate: Candidate, headings: list[tuple[int, int, str, str]], reach: int = 15) -> None:
    """A candidate right under a heading about the money raised is a use of funds, whatever the engine
    read further back for the run it came from (the token allocation's heading above a spending list)."""
    if candidate.context_kind == "use_of_funds":
        return
    first = min(candidate.entries, key=lambda e: e.order)
    before = [h for h in headings if (h[0], h[1]) <= (first.order.page, first.order.line)
              and (h[0] == first.page and first.order.line - h[1] <= reach or h[0] == first.page - 1 and first.order.line <= reach)]
    if before and before[-1][2] == "use_of_funds":
        candidate.context_kind, candidate.context_line = "use_of_funds", before[-1][3]


def _rejoin_wrapped_labels(entries: list[Entry], cache: dict[int, list[str]]) -> None:
    """A list written on lines ("Core development 50%, hardware 5%, ..., forming a research laboratory
    with universities and research" / "institutions 10%."): the label that starts a line in lower case
    begins after the last share of the line above."""
    for e in entries:
        if e.method != "text" or not float(e.order.line).is_integer() or not e.label[:1].islower():
            continue
        lines = cache.get(e.page, [])
        i = int(e.order.line)
        if not 0 < i < len(lines) or not lines[i].startswith(e.label):
            continue
        shares = list(engine.PCT_RE.finditer(lines[i - 1]))
        if len(shares) < 2:
            continue
        tail = lines[i - 1][shares[-1].end():]
        m = re.fullmatch(r"\s*[,;]\s*(?:and\s+)?([A-Za-z][^\d%.;:]{2,80}?)\s*", tail)
        if m:
            # one more item of the list above, not a row of its own (nor its repeat)
            e.label, e.shape = f"{m.group(1)} {e.label}", "prose"


#: marketing paid from the funds, not tokens given away for it (bounty, airdrop, referral)
_PAID_MARKETING_RE = re.compile(r"\bmarketing\b|\bpromot\w+|\badvertis\w+|\bpr\b|\bbrand\w*", re.I)
_GIVEAWAY_RE = re.compile(r"\bbount(?:y|ies)\b|\bair\s?drops?\b|\breferrals?\b|\brewards?\b|\bincentiv\w*", re.I)


def spending_label(label: str) -> bool:
    """True when ``label`` names something money is spent on and no holder of tokens: "Product
    development", "Legal", "Operations", "Marketing" (not "Team", "Reserve", "Community", "Bounty")."""
    category, tier = funds_match(label)
    if tier != 1:
        return False
    a_category, a_tier = allocation_match(label)
    if a_tier == 0:
        return True
    return a_category == "bounty_marketing" and bool(_PAID_MARKETING_RE.search(label)) and not _GIVEAWAY_RE.search(label)


def _spending_list(candidate: Candidate) -> bool:
    """Most items name spending, not recipients of tokens: a use of funds even where the allocation
    extractor read it as the token allocation (a list under a bare "Allocation" heading)."""
    spending = sum(spending_label(e.label) for e in candidate.entries)
    return spending >= 3 and spending >= 0.6 * len(candidate.entries)


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

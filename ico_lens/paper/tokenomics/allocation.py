"""Token allocation (who gets the tokens) from a white paper, with page evidence.

Library use::

    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.allocation import extract_allocation
    distributions = extract_allocation(open_document("auctus.pdf"), total_supply=106_000_000)
    main = distributions[0]            # is_main=True; others: earlier/revised/pre-sale breakdowns
    main.source, main.sum_percent, [(b.category, b.percent, b.page) for b in main.items]

How it works is described in :mod:`ico_lens.paper.tokenomics.breakdown` (entries, runs, best
subset summing to 100%). This module says what an *allocation* entry looks like (a label naming a
token recipient: team, sale, reserve ...), reads vesting and cliff lengths next to each bucket, and
recognises allocations that exist only as a picture ("image").
"""

from __future__ import annotations

import re

from ico_lens.paper.records import Document
from ico_lens.paper.tokenomics import breakdown as engine
from ico_lens.paper.tokenomics.breakdown import Candidate, Entry, LinePos
from ico_lens.paper.tokenomics.records import AllocationBucket, Distribution
from ico_lens.paper.tokenomics.taxonomy import allocation_match, allocation_stage, funds_match

#: weight of an entry by the tier of its label's best allocation rule (see taxonomy)
TIER_WEIGHT = {1: 1.0, 2: 0.75, 3: 0.5, 0: 0.25}
#: a candidate set must reach this score to be reported (keeps stray percentages out)
MIN_SCORE = 1.05


def allocation_weight(entry: Entry) -> float:
    """How clearly ``entry`` is a share of the token supply (0..1)."""
    category, tier = allocation_match(entry.label)
    weight = TIER_WEIGHT[tier]
    if entry.flags & {"subtotal", "empty", "example"}:
        weight *= 0.1
    if "release" in entry.flags and tier != 1:
        weight *= 0.2
    if tier in (0, 3) and entry.flags & {"bonus", "vesting", "rate", "each"}:
        weight *= 0.15  # "80% of tokens with 6 month vesting", "bonus 35%": not a bucket
    elif entry.flags & {"rate", "each"}:
        weight *= 0.5
    f_category, f_tier = funds_match(entry.label)
    if f_tier == 1 and tier != 1 and f_category not in ("marketing",):
        weight *= 0.75  # "Legal 10%", "Product development 40%": spending, not tokens
    if entry.shape == "prose":
        weight *= 0.9
    return weight


_TOKEN_WORDS = re.compile(r"\btokens?\b|\bsupply\b", re.I)
_MONEY_WORDS = re.compile(r"[$€£]\s?\d|\b(?:usd|eur)\b", re.I)


def _score(candidate: Candidate) -> float:
    score = engine.kind_score(
        candidate, kind="allocation", weight=allocation_weight,
        strong_label=lambda label: allocation_match(label)[1] == 1,
        own_words=_TOKEN_WORDS, other_words=_MONEY_WORDS, other_penalty=0.3, min_weight=0.4,
    )
    # token allocations nearly always have a sale or a team bucket
    categories = {allocation_match(e.label)[0] for e in candidate.entries}
    if categories & {"public_sale", "presale_private", "team_founders"}:
        score += 0.3
    if is_schedule(candidate.entries):
        score -= SCHEDULE_PENALTY
    return score


#: a set whose labels all say the same thing is the rows of a schedule, not one allocation
SCHEDULE_PENALTY = 1.5
_WORD_RE = re.compile(r"[a-z]{2,}")


def is_schedule(entries: list[Entry]) -> bool:
    """True when three or more entries carry (nearly) the same label once numbers are left out: rows of
    a reward or release schedule ("Block 86401 - 151200 150 ALQO Masternodes 25% / Miners 75%", one
    share picked from each row), whereas an allocation names a different recipient in each bucket."""
    if len(entries) < 3:
        return False
    words = [set(_WORD_RE.findall(e.label.lower())) for e in entries]
    if not all(words):
        return False
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if len(a & b) / len(a | b) < 0.8:
                return False
    return True


def allocation_candidates(document: Document, total_supply: float | None = None
                          ) -> tuple[list[Candidate], list[Entry], dict[int, list[str]]]:
    """Every candidate allocation of ``document`` (each run's best subset, amounts turned into shares, a
    partial list completed by the sale as its remainder), with the entries and page lines they came from."""
    entries, cache = engine.find_entries(document)
    found = engine.candidates(document, allocation_weight, total_supply=total_supply, entries=entries, cache=cache)
    found += [c for c in (_with_sale_remainder(c, cache) for c in found) if c is not None]
    found = [_within_stated_part(c, entries, cache) or c for c in found]
    return found, entries, cache


def extract_allocation(document: Document, total_supply: float | None = None, *, ocr: bool = False) -> list[Distribution]:
    """Token allocations stated in ``document``, the main one first (``is_main=True``).

    Always returns at least one :class:`Distribution`; when none is found its ``source`` is
    ``"image"`` (a chart without a text layer under an allocation heading) or ``"none"``.
    ``total_supply`` (tokens) turns amounts-only breakdowns into percentages; without it a total stated
    near the breakdown is used. ``ocr=True`` reads an "image" allocation's chart with Tesseract
    (:mod:`~ico_lens.paper.tokenomics.ocr`; items marked ``method="ocr"``).
    """
    found, entries, cache = allocation_candidates(document, total_supply)
    scored = sorted(((round(_score(c), 4), engine.tie_break(c), c) for c in found), key=lambda t: (t[0], t[1]), reverse=True)
    results: list[Distribution] = []
    seen_pages: set[tuple[int, ...]] = set()
    for score, _, cand in scored:
        if score < MIN_SCORE:
            continue
        key = tuple(sorted({(e.page, round(e.percent or 0, 2)) for e in cand.entries}))
        if key in seen_pages:
            continue
        seen_pages.add(key)
        results.append(_to_distribution(cand, score, cache, entries))
        if len(results) >= 4:
            break
    if results:
        results[0].is_main = True
        _terms_from_restatements(results[0], results[1:])
        for other in results[1:]:
            other.note = (other.note + "; " if other.note else "") + "another allocation in the paper (not the main one)"
        _language_note(document, results[0])
        return results
    absent = _absent(document, cache)
    if ocr and absent.source == "image":
        from ico_lens.paper.tokenomics.ocr import ocr_distribution

        absent = ocr_distribution(document, absent, lambda doc: extract_allocation(doc, total_supply))
    return [absent]


#: a breakdown completed with the sale as its remainder is a little less sure than one stated in full
REMAINDER_COST = 0.3
_SALE_WORDS = re.compile(r"\b(?:token\s+sale|crowd-?sale|ico|public\s+sale|(?:token\s+)?creation\s+event|sold\s+to|contribut\w+)\b", re.I)
_ADDITIONAL_RE = re.compile(r"\b(?:additional|in\s+addition|on\s+top\s+of|besides|further)\b", re.I)


_REST_FOR_SALE_RE = re.compile(
    r"\b(?:the\s+)?(?:rest|remaining|remainder|balance)\b(?:\s+of)?(?:\s+(?:the|all|our))?(?:\s+[\w-]+){0,2}?"
    r"(?:\s+(?:tokens?|coins?|supply))?\s+(?:\w+\s+){0,3}?(?:will\s+be\s+|shall\s+be\s+|is\s+|are\s+|to\s+be\s+|goes?\s+)?"
    r"(?:sold|offered|distributed|allocated|available|reserved|for|to)\b[^.;]{0,40}?"
    r"\b(?:token\s+sale|crowd-?sale|ico|public\s+sale|main\s+sale|sale|purchasers|buyers|contributors|investors)\b", re.I)


def _with_sale_remainder(candidate: Candidate, cache) -> Candidate | None:
    """A partial breakdown that states only the insiders' shares ("Additional tokens will be created for
    the reserve, founders and advisors as follows: 25% ... 10% ... 5% ... 30%") around a token sale:
    the sale holds the rest. Only when every bucket clearly names a recipient that is not the sale
    (three or more of them, 40-95% together) and the lines before the list speak of the sale and of
    these shares coming on top of it."""
    if candidate.complete or len(candidate.entries) < 2 or not 20 <= candidate.sum_percent <= 95:
        return None
    matches = [allocation_match(e.label) for e in candidate.entries]
    if any(tier != 1 or category in ("public_sale", "presale_private", "other") for category, tier in matches):
        return None
    first = min(candidate.entries, key=lambda e: e.order)
    last = max(candidate.entries, key=lambda e: e.last)
    lines = cache.get(first.page, [])
    window = lines[max(0, int(first.order.line) - 15): int(first.order.line) + 1]
    said = [line for line in window if _ADDITIONAL_RE.search(line)]
    if not (_SALE_WORDS.search(" ".join(window)) and said and len(candidate.entries) >= 3 and candidate.sum_percent >= 40):
        # "The rest of the tokens will be sold in the crowdsale": the sale named as the remainder, no share
        # of its own, in a sentence right before or after the list
        near = lines[max(0, int(first.order.line) - 3): int(first.order.line)] + \
            (lines[int(last.order.line) + 1: int(last.last.line) + 4] if last.page == first.page else [])
        said = [line for line in near if _REST_FOR_SALE_RE.search(line) and not engine.PCT_RE.search(line)]
        if not said:
            return None
    rest = round(100.0 - candidate.sum_percent, 2)
    # the quote is the paper's own sentence that puts the stated shares on top of the sale
    sale = Entry(first.page, first.order.shift(-0.01), "Token sale (the remaining share)", said[-1], rest, None,
                 "computed", {"remainder"}, "prose")
    entries = candidate.entries + [sale]
    weights = [allocation_weight(e) for e in candidate.entries]
    score = sum(weights) / len(weights) + 0.15 * min(len(entries), 6) - REMAINDER_COST
    note = (candidate.note + "; " if candidate.note else "") + f"the sale's {rest:g}% is the remainder of the stated shares"
    return Candidate(entries, score, 100.0, True, candidate.context_kind, note=note,
                     total_used=candidate.total_used, context_line=candidate.context_line)


#: words that name a part of the supply handed out first, before the rest is mined or sold
_PART_NAME_RE = re.compile(r"\bpre-?min\w*|\bgenesis\s+(?:allocation|distribution|block)\b|"
                           r"\binitial\s+(?:\w+\s+)?(?:distribution|allocation)\b", re.I)
_OF_SUPPLY_RE = re.compile(r"\bof\s+(?:the\s+)?(?:total|entire|whole|max\w*)\s+(?:\w+\s+){0,2}?(?:supply|tokens|coins)\b", re.I)
_INTRODUCES_RE = re.compile(r"\b(?:breakdown|split|divided|allocated|distributed|as\s+follows)\b|:\s*$", re.I)
_REST_RE = re.compile(r"\b(?:the\s+)?(?:remaining|rest|remainder|balance)\b", re.I)
#: how far above the list (lines, same page) the part of the supply it splits must be stated
PART_REACH = 15


def _states_rest(entry: Entry, lines: list[str]) -> bool:
    """True when the amount of ``entry`` is introduced as the rest ("The" / "remaining 20,500,000 XYZ will
    be ..."): the words right before its number, on its line or at the end of the line above."""
    i = int(entry.order.line)
    if not 0 <= i < len(lines):
        return False
    window = (lines[i - 1][-40:] if i > 0 else "") + " " + lines[i]
    return any(re.match(r"\W*(?:of\s+)?(?:the\s+)?(?:\w+\s+)?\d", window[m.end():]) for m in _REST_RE.finditer(window))


def _within_stated_part(candidate: Candidate, entries: list[Entry], cache) -> Candidate | None:
    """A breakdown of a part of the supply, not of the supply: "The premine is for 500,000 XYZ, or 2.4%,
    of the total supply ... The remaining 20,500,000 XYZ will be available for anyone to mine" and then
    "Here is a breakdown of the initial XYZ distribution: Community 80% ... Team 7%". The list's shares
    are of the 2.4% (GOLD.md: percentages of total supply), so each is scaled by it and the stated rest
    of the supply is a bucket of its own (``method="computed"``). Only when the part is a share of the
    total supply named as a premine / initial distribution, a line between it and the list introduces
    the list as that part's split, and the rest of the supply is stated with its holder; otherwise the
    candidate is left as it is."""
    if not candidate.complete or len(candidate.entries) < 3 or candidate.total_used:
        return None
    first = min(candidate.entries, key=lambda e: e.order)
    if any(e.page != first.page or e.percent is None for e in candidate.entries):
        return None
    before = [e for e in entries if e.page == first.page and e.order < first.order
              and first.order.line - e.order.line <= PART_REACH]
    parts = [e for e in before if e.percent is not None and 0 < e.percent < 50
             and _OF_SUPPLY_RE.search(e.context) and _PART_NAME_RE.search(e.context)]
    if not parts:
        return None
    part = parts[-1]
    lines = cache.get(first.page, [])
    between = lines[int(part.order.line) + 1: int(first.order.line) + 1]
    if not any(_PART_NAME_RE.search(line) and _INTRODUCES_RE.search(line) for line in between):
        return None
    rests = [e for e in before if e.order > part.order and e.percent is None and _states_rest(e, lines)
             and allocation_match(e.label)[1] in (1, 2)]
    if not rests:
        return None
    rest = rests[0]
    scale = part.percent / 100.0
    scaled = [Entry(e.page, e.order, e.label, e.context, round(e.percent * scale, 2), e.amount, "computed",
                    set(e.flags), e.shape, e.line_count) for e in candidate.entries]
    remainder = Entry(rest.page, rest.order, rest.label, rest.context, round(100.0 - part.percent, 2), rest.amount,
                      "computed", {"remainder"}, rest.shape, rest.line_count)
    note = (candidate.note + "; " if candidate.note else "") + \
        f"the list splits the {part.percent:g}% stated above (shares scaled to the total supply); the rest is {remainder.percent:g}%"
    return Candidate(scaled + [remainder], candidate.score, 100.0, True, candidate.context_kind, note=note,
                     context_line=candidate.context_line)


def _to_distribution(cand: Candidate, score: float, cache, entries: list[Entry]) -> Distribution:
    ordered = sorted(cand.entries, key=lambda e: e.order)
    all_orders = [e.order for e in ordered]  # a bucket's details run up to the next bucket
    buckets = []
    for e in ordered:
        category, _ = allocation_match(e.label)
        percent = e.percent
        method = e.method
        if percent is None and e.amount is not None and cand.total_used:
            percent = round(e.amount / cand.total_used * 100, 1)
            method = "computed"
        # a sale computed as the remainder has no lines of its own to read terms from
        text = "" if "remainder" in e.flags else _following_text(e, cache, all_orders)
        vesting, cliff = vesting_terms(text)
        buckets.append(
            AllocationBucket(
                label=e.label,
                category=category,
                stage=allocation_stage(category),
                percent=percent,
                amount=e.amount,
                vesting_months=vesting,
                cliff_months=cliff,
                evidence=e.evidence,
                method=method,
            )
        )
    _inherit_parent_category(buckets)
    for b in buckets:  # categories were read from the raw label; people read the tidy one
        b.label = engine.tidy_label(b.label)
    methods = [b.method for b in buckets]
    source = "table" if methods.count("table") * 2 > len(methods) else "text"
    note = cand.note
    if not cand.complete:
        note = (note + "; " if note else "") + f"buckets sum to {cand.sum_percent:g}%, not 100%"
    dist = Distribution("allocation", buckets, source, is_main=False, note=note, confidence=round(min(1.0, score / 2.5), 2))
    return dist.finish()


def _terms_from_restatements(main: Distribution, others: list[Distribution]) -> None:
    """A chart legend ("Team 17%") gives no vesting; the paragraph that states the same bucket again
    ("Team: 17% ... 20-36 months lockup") does. Buckets of the main breakdown without terms take them
    from the same bucket (category and share) in another breakdown of the paper."""
    for bucket in main.items:
        if bucket.vesting_months is not None or bucket.percent is None:
            continue
        for other in others:
            twin = next((b for b in other.items if b.category == bucket.category and b.percent == bucket.percent
                         and b.vesting_months is not None), None)
            if twin is not None:
                bucket.vesting_months, bucket.cliff_months = twin.vesting_months, twin.cliff_months
                break


def _inherit_parent_category(buckets: list[AllocationBucket]) -> None:
    """Sub-buckets with no category of their own ("20% of which for bonuses") take the category of the
    bucket just before them that has one."""
    for i, b in enumerate(buckets):
        if b.category == "other" and i > 0 and re.match(r"^(?:of\s+which|which|thereof|including|incl)", b.label, re.I):
            b.category = buckets[i - 1].category
            b.stage = allocation_stage(b.category)


def _following_text(entry: Entry, cache, all_orders: list[LinePos]) -> str:
    """The entry's context plus the lines after it up to the next entry (max 6 lines)."""
    lines = cache.get(entry.page, [])
    start = int(entry.order.line)
    nxt = [o for o in all_orders if o > entry.last.shift(0.01)]
    stop = start + 6
    if nxt and nxt[0].page == entry.page:
        stop = min(stop, int(nxt[0].line))
    return entry.context + " " + " ".join(lines[start + 1 : max(start + 1, stop)])


_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36}
_DURATION_RE = re.compile(
    r"(?<![\w.])(?P<n>\d{1,3}|" + "|".join(_NUM_WORDS) + r")[\s\-]*(?P<unit>years?|months?|m|days|weeks)\b", re.I
)
_VEST_WORDS = re.compile(r"vest\w*|lock\w*|cliff|unlock\w*|releas\w*|prohibit\w*|restrict\w*|frozen|freeze", re.I)


def _months(n: str, unit: str) -> float:
    value = float(n) if n.isdigit() else float(_NUM_WORDS[n.lower()])
    unit = unit.lower()
    if unit.startswith("y"):
        return value * 12
    if unit.startswith("d"):
        return float(round(value / 30))
    if unit.startswith("w"):
        return float(round(value / 4.3))
    return value


def vesting_terms(text: str) -> tuple[float | None, float | None]:
    """(vesting_months, cliff_months) stated in ``text``: "2 year vesting with 6 month cliff" -> (24, 6)."""
    vesting = cliff = None
    for m in _DURATION_RE.finditer(text):
        months = _months(m.group("n"), m.group("unit"))
        near_before = text[max(0, m.start() - 45) : m.start()]
        near_after = text[m.end() : m.end() + 25]
        if re.match(r"\W{0,3}cliff", near_after, re.I) or re.search(r"cliff\W+(?:of\W+|period\W+of\W+)?$", near_before, re.I):
            cliff = months
            continue
        if _VEST_WORDS.search(near_before) or _VEST_WORDS.search(near_after):
            if vesting is None or months > vesting:
                vesting = months
    if vesting is None and cliff is not None:
        return None, cliff
    return vesting, cliff


# ---------------------------------------------------------------------------------------------
# no allocation in the text: a chart picture, or nothing

_ALLOC_HEADING = re.compile(
    r"\b(?i:tokens?|coins?)\s+(?i:distribution|allocations?|split|breakdown)\b|\b[A-Z0-9]{2,6}\s+(?i:distribution|allocations?)\b|"
    r"\b(?i:distribution|allocation)\s+of\s+(?i:the\s+)?(?:\w+\s+){0,2}(?i:tokens)\b|\b(?i:tokenomics)\b|"
    r"\b(?i:tokens?\s+will\s+be\s+(?:allocated|distributed))"
)
_FUNDS_WORDS = re.compile(r"\b(?:funds|proceeds|budget|funding)\b", re.I)
MIN_FIGURE_SHARE = 0.08  # a chart covers at least this share of the page


_TOC_LINE = re.compile(r"(?:\.{3,}|…|\s)\s*\d{1,3}\s*$")  # "Token distribution ........ 23": a contents line


def find_chart_pages(document: Document, heading: re.Pattern, exclude: re.Pattern | None = None,
                     strong: re.Pattern | None = None) -> list[int]:
    """Pages where a heading like ``heading`` is followed by a picture (on the page or the next) and the
    text there has fewer than two percentages: the breakdown is only in the picture. Best first: a
    ``strong`` heading ("Use of proceeds" over "Marketing budget"), the picture on the heading's own page,
    a larger picture."""
    found: list[tuple[float, int]] = []
    for page in document.pages:
        lines = engine.page_lines(page)
        hits = [l for l in lines if heading.search(l) and (len(l) <= 60 or l.rstrip().endswith(":"))
                and not (exclude and exclude.search(l)) and not _TOC_LINE.search(l)]
        if not hits:
            continue
        strength = 2.0 if strong is not None and any(strong.search(l) for l in hits) else 1.0
        for number, same_page in ((page.number, 1.0), (page.number + 1, 0.0)):
            if number > len(document.pages):
                continue
            target = document.page(number)
            area = max(1.0, target.width * target.height)
            shares = [f.area / area for f in document.figures if f.page == number and MIN_FIGURE_SHARE <= f.area / area < 0.95
                      and f.pixel_width >= 100 and f.pixel_height >= 100]
            if not shares:
                continue
            if len(engine.PCT_RE.findall(target.text or "")) < 2:
                found.append((strength + same_page + max(shares), number))
                break
    found.sort(key=lambda t: (-t[0], t[1]))
    return [number for _, number in found]


def _absent(document: Document, cache) -> Distribution:
    if not document.text_layer:
        return Distribution("allocation", [], "none", is_main=True,
                            note="the PDF has no text layer: an allocation, if any, cannot be read without OCR").finish()
    pages = find_chart_pages(document, _ALLOC_HEADING, exclude=_FUNDS_WORDS, strong=_ALLOC_HEADING)
    if pages:
        dist = Distribution("allocation", [], "image", pages=pages[:1], is_main=True,
                            note=f"allocation heading with a chart picture on p.{pages[0]} and no numbers in the text layer")
        return dist.finish()
    dist = Distribution("allocation", [], "none", is_main=True, note="no token allocation found")
    _language_note(document, dist)
    return dist.finish()


def _language_note(document: Document, dist: Distribution) -> None:
    if getattr(document, "language", "en") == "other":
        dist.note = (dist.note + "; " if dist.note else "") + "paper not in English: labels may not map to categories"

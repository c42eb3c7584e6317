"""From entries to candidate breakdowns: runs of nearby entries, de-duplication, subtotals, the best
subset summing to 100%, the kind (allocation or use of funds), and amounts turned into shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from ico_lens.paper.records import Document, Page
from ico_lens.paper.tokenomics.breakdown.entry import Entry, LinePos
from ico_lens.paper.tokenomics.breakdown.layout import entries_from_layout
from ico_lens.paper.tokenomics.breakdown.lines import BULLET_RE, page_lines
from ico_lens.paper.tokenomics.breakdown.numbers import PCT_RE, amounts_in
from ico_lens.paper.tokenomics.breakdown.table import entries_from_tables
from ico_lens.paper.tokenomics.breakdown.text import (
    entries_from_amounts,
    entries_from_lines,
    entries_from_share_column,
    entries_from_split_lines,
)


@dataclass
class Candidate:
    """A set of entries that may be one breakdown."""

    entries: list[Entry]
    score: float
    sum_percent: float
    complete: bool  # sums to ~100
    context_kind: str  # "allocation" | "use_of_funds" | "" (nearest heading words)
    note: str = ""
    total_used: float | None = None  # total supply used for computed percentages
    context_line: str = ""  # the heading-like line that decided context_kind

    @property
    def pages(self) -> list[int]:
        return sorted({e.page for e in self.entries})


def tie_break(candidate: Candidate) -> tuple[float, float]:
    """Between sets that score the same: the earlier one in the paper (the later ones are usually
    repeats or examples), except for the rows of a tiered table ("< 20M raised / < 30M / > 30M"),
    where the last row, the largest raise, is the plan for the full sale (as the gold labels read it)."""
    first = candidate.entries[0]
    return first.order if first.group is not None else (-first.order.page, -first.order.line)


def kind_score(
    candidate: Candidate,
    *,
    kind: str,
    weight: Callable[[Entry], float],
    strong_label: Callable[[str], bool],
    own_words: re.Pattern,
    other_words: re.Pattern,
    other_penalty: float,
    min_weight: float,
) -> float:
    """How well ``candidate`` reads as a breakdown of ``kind`` ("allocation" or "use_of_funds"): its
    set score, moved up by its own heading and words, down by the other kind's, and down hard when its
    labels do not clearly name this kind's items (fewer than two entries of weight ``min_weight``, or
    fewer than two strong labels without a heading of this kind)."""
    score = candidate.score
    if candidate.context_kind == kind:
        score += 0.5
    elif candidate.context_kind:
        score -= 0.7
    contexts = " ".join(e.context for e in candidate.entries) + " " + candidate.context_line
    if own_words.search(contexts):
        score += 0.2
    if other_words.search(contexts):
        score -= other_penalty
    if not candidate.complete:
        score -= 0.2
    weights = [weight(e) for e in candidate.entries]
    if sum(1 for w in weights if w >= min_weight) < 2 or sum(weights) / len(weights) < 0.45:
        score -= 1.0
    strong = sum(1 for e in candidate.entries if strong_label(e.label))
    # "Tokens offered in the sale: 70%" / "Tokens retained by the company: 30%": labels that each say what
    # is split (this kind's own words) and each name an item of the kind speak for themselves, whatever
    # the heading above them ("Token sale", near the price and the cap)
    self_named = all(own_words.search(e.label) for e in candidate.entries) and min(weights) >= 0.7
    if candidate.context_kind != kind and strong < 2 and not self_named:
        score -= 1.0
    return score


_ALLOC_CONTEXT = re.compile(
    r"\btoken\w*\s+(?:distribution|allocation|split|breakdown|structure)|\b(?:distribution|allocation|split)\s+of\s+"
    r"(?:the\s+)?(?:\w+\s+)?tokens|\btokens?\s+(?:will|shall|are|is)\s+(?:be\s+)?(?:allocated|distributed|split)|"
    r"\b(?:total|token|initial|max\w*)\s+supply|\bof\s+(?:all|the|total)\s+(?:\w+\s+){0,3}?tokens|\bemission\b|"
    r"\btoken\s+(?:details|economics|metrics)\b|^\W*(?:\d+(?:\.\d+)*\s+)?supply\s*[:=]|"
    r"\btokenomics\b|\b(?:allocation|distribution)\b|\b(?:allocated|distributed)\s+tokens?\s+(?:amount|number|count)\b",
    re.I,
)
_FUNDS_CONTEXT = re.compile(
    r"\buse\s+of\s+(?:the\s+)?(?:funds|proceeds)|\bproceeds\b|\bfunds?\s+(?:raised|collected|usage|use|allocation|"
    r"distribution|will\s+be)|\braised\s+funds\b|\bbudget\w*|\bspending\b|\bspent\b|\bexpenditures?\b|\bexpenses\b|"
    r"\b(?:funding|fund)\s+usage|\ballocation\s+of\s+(?:the\s+)?funds|\b(?:eth|ether|btc|money|capital)\s+"
    r"(?:raised|derived|collected|received)|\bcost\s+breakdown|\bfinancial\s+plan|\bfunds\b|"
    r"\b(?:currenc\w+|cryptocurrenc\w+|contributions?|assets)\s+(?:\w+\s+)?(?:raised|collected|received)\b|"
    r"\buse\s+plan\b|\braised\b.{0,40}\bwill\s+be\s+(?:used|spent)\b",
    re.I,
)
MAX_GAP_LINES = 14  # entries further apart than this start a new run
MAX_ITEM_GAP_LINES = 30  # the same, for items that start their lines alike ("1650 (50%) Ecosystem", "500 (15%) ...")


def _item_signature(entry: Entry) -> str | None:
    """How a list item starts its line, numbers blanked: "1650 (50%) Ecosystem" -> "9 (9%)"; None when
    the share does not start the line (prose, rows with the label first)."""
    if entry.shape != "lead" or entry.method != "text":
        return None
    m = PCT_RE.search(entry.context)
    if not m or m.start() > 20:
        return None
    head = entry.context[: m.end() + 1]
    if re.search(r"[A-Za-z]", head[: m.start()]):
        return None
    return re.sub(r"\d+(?:[.,]\d+)*", "9", head)


def _runs(entries: list[Entry], lines_per_page: dict[int, int], cache: dict[int, list[str]] | None = None
          ) -> list[list[Entry]]:
    """Entries in reading order cut into runs: a new run starts after a gap of more than
    ``MAX_GAP_LINES`` lines or at a heading that introduces another breakdown ("Use of proceeds")."""
    runs: list[list[Entry]] = []
    for e in sorted(entries, key=lambda e: e.order):
        if runs:
            prev = runs[-1][-1]
            if prev.page == e.page:
                gap = e.order.line - prev.last.line
            elif e.page == prev.page + 1:
                gap = (lines_per_page.get(prev.page, 0) - prev.last.line) + e.order.line
            else:
                gap = 1e9
            limit = MAX_GAP_LINES
            if e.page == prev.page and _item_signature(prev) is not None and _item_signature(prev) == _item_signature(e):
                limit = MAX_ITEM_GAP_LINES  # list items written alike, each with a long description
            if gap <= limit and not _heading_between(prev, e, cache) and prev.group == e.group:
                runs[-1].append(e)
                continue
        runs.append([e])
    return runs


def _lines_between(a: Entry, b: Entry, cache: dict[int, list[str]]) -> list[str]:
    first = int(a.last.line) + 1
    last = int(b.order.line)
    if a.page == b.page:
        return cache.get(a.page, [])[first:last]
    return cache.get(a.page, [])[first:] + cache.get(b.page, [])[:last]


def _heading_between(a: Entry, b: Entry, cache: dict[int, list[str]] | None) -> bool:
    """True when a line between two entries introduces a breakdown: a short heading or a sentence ending
    with ':' that speaks of allocation or of funds."""
    if cache is None:
        return False
    for line in _lines_between(a, b, cache):
        if PCT_RE.search(line):
            continue
        if BULLET_RE.match(line):
            continue
        if (len(line) <= 60 or line.rstrip().endswith(":")) and _SPLIT_HEADING.search(line) and not _mid_sentence(line):
            return True
        if line.rstrip().endswith(":") and len(line) > 25:
            return True  # "... the following thresholds for our raised funds:" introduces another list
    return False


def _mid_sentence(line: str) -> bool:
    """A short line that is a piece of body text, not a heading: it starts in lower case or a sentence
    ends inside it ("platform. The Bitcoin proceeds will go to the" in a narrow column)."""
    text = line.strip()
    return text[:1].islower() or bool(re.search(r"[a-z)][.;]\s+[A-Z]", text))


# headings that start a new breakdown (stricter than the context words: "Office expenses" is not one)
_SPLIT_HEADING = re.compile(
    r"\b(?:tokens?|coins?)\s+(?:distribution|allocation|split|breakdown|sale\s+structure)|\b(?:distribution|allocation)\s+of\s+"
    r"(?:the\s+)?(?:\w+\s+)?(?:tokens|funds|proceeds)|\btokenomics\b|\buse\s+of\s+(?:the\s+)?(?:funds|proceeds)|"
    r"\bbudget\b|\bfund(?:ing|s)?\s+(?:usage|allocation|distribution|breakdown)|\bproceeds\b|\bexpenditures?\b|"
    r"^\W*(?:\d+(?:\.\d+)*\W*)?(?:distribution|allocation|funding|funds|financing|finances)\W*$|\bwill\s+be\s+(?:allocated|distributed|spent|used)\b.*:\s*$",
    re.I,
)


def _dedupe(run: list[Entry], weight: Callable[[Entry], float]) -> list[Entry]:
    """Merge an entry repeated close by (a heading "Team (20%)" and its sentence "20% of tokens go to the
    team"; a table and the same text): keep the one with the better label."""
    kept: list[Entry] = []
    merged: set[int] = set()  # a kept entry absorbs at most one repeat
    for e in run:
        twin = None
        for k in kept:
            if id(k) in merged or k.percent is None or e.percent is None or abs(k.percent - e.percent) > 1e-6:
                continue
            # a list may repeat a value ("Founders 5%", "Coin option plan 5%"): only the same number in
            # another shape (heading and its sentence) or another source (table and text) is a repeat
            # a heading "Team (20%)" and its sentence "20% of tokens go to the team"
            close = (k.page == e.page and abs(e.order.line - k.last.line) <= 3 and k.shape != e.shape
                     and "row" in (k.shape, e.shape))
            same_source = k.method != e.method and k.page == e.page
            # the same sentence printed twice (a page that repeats the end of the one before)
            same_sentence = (k.label == e.label and len(k.label.split()) >= 3
                             and " ".join(k.context.split())[:60] == " ".join(e.context.split())[:60])
            if close or same_source or same_sentence:
                twin = k
                break
        if twin is None and "paren" in e.flags:
            # a bucket restated in a later sentence ("tokens meant for the Token Sale (60%) will be burnt")
            for k in kept:
                if id(k) not in merged and k.percent == e.percent and k.shape != e.shape and _same_category(k, e):
                    twin = k
                    break
        if twin is None:
            kept.append(e)
            continue
        prefer_text = twin.method == "layout" and e.method != "layout" and weight(e) >= weight(twin) - 0.3
        if weight(e) > weight(twin) + 1e-9 or prefer_text or (
                twin.shape == "prose" and e.shape == "row" and weight(e) >= weight(twin)):
            kept[kept.index(twin)] = e
            merged.add(id(e))
        else:
            merged.add(id(twin))
    return kept


def _same_category(a: Entry, b: Entry) -> bool:
    from ico_lens.paper.tokenomics.taxonomy import allocation_category, funds_category

    return allocation_category(a.label) == allocation_category(b.label) != "other" or (
        funds_category(a.label) == funds_category(b.label) != "other"
    )


def _names_other_recipient(parent: Entry, children: list[Entry]) -> bool:
    """True when ``parent`` names a recipient of its own that none of the entries below it shares, so
    that they add up to it by chance: "Team 20%" followed by "Advisors 5%" and "Reserve 15%" is not
    their subtotal. Rows of a ruled table need tier-1 names throughout; elsewhere the parent must not
    introduce its parts ("... as follows:", "of which") and one of the entries below must name
    another recipient outright."""
    # token recipients only: spending lists do nest ("Operations 20%" over "Salaries", "Office")
    from ico_lens.paper.tokenomics.taxonomy import allocation_match

    if any(_PART_OF_RE.match(c.label) for c in children):
        return False  # "60% token sale" over "of which 40% sold": explicit parts
    if parent.method == "table":
        if any(c.method != "table" for c in children):
            return False
        category, tier = allocation_match(parent.label)
        return tier == 1 and category != "other" and all(
            allocation_match(c.label)[0] != category and allocation_match(c.label)[1] == 1 for c in children
        )
    if _same_list(parent, children):
        # "- 20% founding team / - 10% employee pool / - 10% future use": items of one list written alike
        # are siblings even when two of them add up to a third; a subtotal heads its items differently
        return True
    category, tier = allocation_match(parent.label)
    if tier not in (1, 2) or category == "other" or _INTRODUCES_RE.search(parent.label + " " + parent.context[-30:]):
        return False
    matches = [allocation_match(c.label) for c in children]
    return all(c != category for c, _ in matches) and any(t == 1 and c != "other" for c, t in matches)


# "The remaining 50% will be used as follows:", "Team 20%, split into": a share that heads its parts
_INTRODUCES_RE = re.compile(r"\b(?:as\s+follows|following|split|divided|broken\s+down|consist\w*|compris\w*|made\s+up)\b|:\s*$",
                            re.I)


_PART_OF_RE = re.compile(r"^\W*(?:of\s+which|which|thereof|including|incl\b|of\s+these|of\s+this)", re.I)


def _bullet(line: str) -> str:
    m = BULLET_RE.match(line)
    return m.group(0).strip() if m else ""


def _same_list(parent: Entry, children: list[Entry]) -> bool:
    """True when ``parent`` and ``children`` are consecutive items of one list written the same way
    ("- 20% founding team", "- 10% employee pool", ...): one line each, one after the other, same shape."""
    items = [parent] + children
    if parent.shape not in ("lead", "row") or any(e.shape != parent.shape or e.method != parent.method for e in items):
        return False
    if len({_bullet(e.context) for e in items}) != 1 or any(_PART_OF_RE.match(c.label) for c in children):
        return False  # "• 60% token sale" over "- 40% of which sold", "- 20% of which bonuses": nested
    return all(b.page == a.page and 0 < b.order.line - a.last.line <= 1.01 for a, b in zip(items, items[1:]))


def flag_subtotals(run: list[Entry]) -> None:
    """Flag entries whose percentage is the sum of the next two or more entries ("Locked 96.2%" over its
    rows, "60% token sale" over "40% sold" and "20% bonuses"): the finer split is the allocation."""
    for i, e in enumerate(run):
        if e.percent is None:
            continue
        total = 0.0
        for j in range(i + 1, len(run)):
            if run[j].percent is None:
                break
            total += run[j].percent
            if j - i >= 2 and abs(total - e.percent) <= 0.05:
                if not _names_other_recipient(e, run[i + 1 : j + 1]):
                    e.flags.add("subtotal")
                break
            if total > e.percent + 0.05:
                break


#: each chosen entry costs this much weight, so that several vague entries do not outweigh one clear one
ITEM_COST = 0.2


def best_subset(values: list[float], weights: list[float], target: float = 100.0, tolerance: float = 0.6
                ) -> tuple[list[int], float] | None:
    """Indices of the subset whose values sum to ``target`` (within ``tolerance``) with the highest total
    weight; ``None`` when no subset does. Values are handled in hundredths."""
    scale = 100
    limit = int((target + tolerance) * scale) + 1
    # best[s] = (weight, indices) for subsets summing to s hundredths
    best: dict[int, tuple[float, tuple[int, ...]]] = {0: (0.0, ())}
    for i, (v, w) in enumerate(zip(values, weights)):
        iv = int(round(v * scale))
        if iv <= 0:
            continue
        for s, (bw, idx) in list(best.items()):
            t = s + iv
            if t > limit:
                continue
            cand = (bw + w - ITEM_COST, idx + (i,))
            if t not in best or cand[0] > best[t][0] + 1e-9:
                best[t] = cand
    low = int((target - tolerance) * scale)
    options = [(w - abs(s / scale - target) * 1.0, idx, s) for s, (w, idx) in best.items() if low <= s <= limit and idx]
    if not options:
        return None
    w, idx, s = max(options)
    return list(idx), s / scale


def context_kind(document: Document, run: list[Entry], page_lines_cache: dict[int, list[str]]) -> tuple[str, str]:
    """("allocation" | "use_of_funds" | "", the matching line): the nearest heading-like words before the
    run (up to 15 lines back, across a page break), else words within the run."""
    first = run[0]
    lines = page_lines_cache.get(first.page, [])
    index = int(first.order.line)
    back: list[str] = list(reversed(lines[max(0, index - 15) : index + 1]))
    if index < 15 and first.page > 1:
        prev = page_lines_cache.get(first.page - 1, [])
        back += list(reversed(prev[-(15 - index):]))
    # the run's own first line counts too ("Use of funds: 40% development")
    for line in back:
        a = _ALLOC_CONTEXT.search(line)
        f = _FUNDS_CONTEXT.search(line)
        if a and not f:
            return "allocation", line
        if f and not a:
            return "use_of_funds", line
        if a and f:
            return "use_of_funds", line  # "distribution of funds": the funds words are the specific ones
    return "", ""


def find_entries(document: Document, pages: Sequence[int] | None = None) -> tuple[list[Entry], dict[int, list[str]]]:
    """Every entry of the document (or of ``pages``), and the lines of every page."""
    cache: dict[int, list[str]] = {}
    entries: list[Entry] = []
    for page in document.pages:
        lines = page_lines(page)
        cache[page.number] = lines
        if pages is not None and page.number not in pages:
            continue
        page_entries = entries_from_lines(page, lines)
        table_entries = entries_from_tables(document, page.number)
        _place_table_entries(document, page, table_entries, len(lines))
        with_words = bool(page.layout_analyzed and page.words)
        legend = entries_from_split_lines(page, lines, with_words=with_words)
        if with_words:
            layout = entries_from_layout(page)
            # put legend entries in reading order: after the text line they sit closest to
            for e in layout:
                e.order = LinePos(page.number, _line_index_of(lines, e.label, _vertical_line(page, e, len(lines))))
            legend += layout
        if len([e for e in table_entries if e.percent is not None]) >= 2:
            table_values = {e.percent for e in table_entries}
            page_entries = [e for e in page_entries if e.percent not in table_values]
            legend = [e for e in legend if e.percent not in table_values]
        share_rows = entries_from_share_column(page, lines)
        entries += page_entries + table_entries + legend + share_rows
        # a row of a share column ("Team 20 6,000,000") is one entry: its share, not its amount again
        share_lines = {e.order.line for e in share_rows}
        entries += [e for e in entries_from_amounts(page, lines) if e.order.line not in share_lines]
    return entries, cache


def _place_table_entries(document: Document, page: Page, entries: list[Entry], line_count: int) -> None:
    """Put table rows in reading order: at the text line where the row sits on the page."""
    for e in entries:
        table = document.tables[e._table] if e._table is not None else None
        if table is None:
            continue
        x0, top, x1, bottom = table.bbox
        rows = max(1, len(table.rows))
        y = top + (e._row + 0.5) / rows * max(0.0, bottom - top)
        fraction = min(1.0, max(0.0, y / max(1.0, page.height)))
        e.order = LinePos(page.number, fraction * max(1, line_count - 1) + e._row * 1e-4)


def _vertical_line(page: Page, entry: Entry, line_count: int) -> float:
    """A legend entry whose label is no text line of its own (wrapped, joined from boxes) sits where its
    number sits on the page: two charts on one page keep their legends apart."""
    top = (entry.order.line - 0.7) * 10000.0  # see layout._paired_entries
    fraction = min(1.0, max(0.0, top / max(1.0, page.height)))
    return fraction * max(1, line_count - 1) + 0.5


def _line_index_of(lines: list[str], label: str, fallback: float) -> float:
    """The line that holds ``label`` (its first 20 characters) as whole words, the one nearest to
    where the number sits (``fallback``) when several do: a short legend label ("AI") is not found
    inside another word ("Details") or in a heading far above its chart ("Effect.AI")."""
    key = label[:20].lower().strip()
    if not key:
        return fallback
    end = r"(?!\w)" if len(label) <= 20 else ""
    pattern = re.compile(r"(?<!\w)" + re.escape(key) + end)
    found = [i + 0.5 for i, line in enumerate(lines) if pattern.search(line.lower())]
    if not found:
        return fallback
    return min(found, key=lambda line: (abs(line - fallback), line))


def candidates(
    document: Document,
    weight: Callable[[Entry], float],
    *,
    total_supply: float | None = None,
    entries: list[Entry] | None = None,
    cache: dict[int, list[str]] | None = None,
    money: bool = False,
) -> list[Candidate]:
    """Scored candidate sets for one kind, described by ``weight`` (0 = not this kind)."""
    if entries is None or cache is None:
        entries, cache = find_entries(document)
    lines_per_page = {n: len(v) for n, v in cache.items()}
    out: list[Candidate] = []
    percent_entries = [e for e in entries if e.percent is not None]
    previous_partial: tuple[list[Entry], str, str] | None = None  # the last run's entries when it did not add up
    for run in _runs(percent_entries, lines_per_page, cache):
        partial, previous_partial = previous_partial, None
        run = _dedupe(run, weight)
        flag_subtotals(run)
        usable = [e for e in run if "total" not in e.flags and "base" not in e.flags]
        if len(usable) < 2:
            continue
        kind, kind_line = context_kind(document, run, cache)
        weights = [weight(e) for e in usable]
        found = best_subset([e.percent for e in usable], weights)
        if found:
            idx, total = found
            chosen = [usable[i] for i in idx]
            if len(chosen) < 2:
                continue
            score = sum(weights[i] for i in idx) / max(1, len(chosen)) + 0.15 * min(len(chosen), 6)
            if not _repeats_a_bucket(chosen):
                out.append(Candidate(chosen, score, total, True, kind, context_line=kind_line))
            for block in _complete_lists(usable):
                if {id(e) for e in block} != {id(e) for e in chosen}:
                    block_score = sum(weight(e) for e in block) / len(block) + 0.15 * min(len(block), 6) + LIST_BONUS
                    block_sum = sum(e.percent for e in block)
                    note = ""
                    if abs(block_sum - 100.0) > 0.6:  # a rounded list (see rounded_whole)
                        block_score -= ROUNDED_COST
                        note = f"shares sum to {block_sum:g}%: whole numbers, rounded"
                    out.append(Candidate(block, block_score, block_sum, True, kind, note=note, context_line=kind_line))
        else:
            whole = _rounded_to_own_total(run, usable, weights)
            if whole is not None:
                out.append(Candidate(whole, sum(weight(e) for e in whole) / len(whole) + 0.15 * min(len(whole), 6)
                                     - ROUNDED_COST, sum(e.percent for e in whole), True, kind,
                                     note=f"shares sum to {sum(e.percent for e in whole):g}%: whole numbers, rounded "
                                          "(the list's own total row says 100%)", context_line=kind_line))
                continue
            chosen = [e for e, w in zip(usable, weights) if w >= 0.5 and not e.flags]
            if len(chosen) < 2:
                continue
            total = sum(e.percent for e in chosen)
            if total > 101:
                continue
            # the whole run in whole numbers, 99-101 in all: a breakdown whose shares were rounded, as
            # complete as one that adds up exactly (not a partial list)
            if len(chosen) == len(usable) and rounded_whole(chosen):
                score = sum(weight(e) for e in chosen) / len(chosen) + 0.15 * min(len(chosen), 6) - ROUNDED_COST
                note = f"shares sum to {total:g}%: whole numbers, rounded"
                out.append(Candidate(chosen, score, total, True, kind, note=note, context_line=kind_line))
                continue
            score = (sum(weight(e) for e in chosen) / len(chosen)) * 0.6 + 0.1 * min(len(chosen), 6) - 0.5
            out.append(Candidate(chosen, score, total, False, kind, context_line=kind_line))
            previous_partial = (chosen, kind, kind_line)
            if partial is not None and _resumes(partial[0], chosen) and abs(sum(e.percent for e in partial[0]) + total - 100) <= 0.6:
                # a list interrupted by a note or a sub-list ("... campaign toward:" then bullets without
                # shares) goes on after it: its two parts add up together
                both = partial[0] + chosen
                score = sum(weight(e) for e in both) / len(both) + 0.15 * min(len(both), 6) - INTERRUPTED_COST
                out.append(Candidate(both, score, 100.0, True, partial[1] or kind, context_line=partial[2] or kind_line))
    out += _remaining_candidates(document, percent_entries, cache, weight)
    out += _amount_candidates(document, entries, cache, weight, total_supply, money)
    return out


#: how far back (lines, same page) "the remaining N%" may look for the shares it completes
REMAINING_REACH = 40
#: a breakdown completed by "the remaining N%" across a gap is a little less sure than one read in one run
REMAINING_COST = 0.1
_REMAINING_SHARE_RE = re.compile(r"\b(?:the\s+)?(?:remaining|rest\s+of\s+the|other|last|final)\s+(?P<n>\d{1,2}(?:[.,]\d{1,2})?)\s?%", re.I)


def _remaining_candidates(document, entries: list[Entry], cache, weight) -> list[Candidate]:
    """"It is planned to distribute 75% of tokens through the ICO ..." and, a paragraph or two later, "The
    remaining 25% of tokens will be transferred to the team": a share stated as the remainder completes
    the shares stated before it on the page, further back than one run reaches (:data:`MAX_GAP_LINES`).
    Only the shares right before it (no other share in between left out), each clearly named, adding up
    with it to 100%."""
    out = []
    for i, last in enumerate(entries):
        m = _REMAINING_SHARE_RE.search(last.context)
        if not m or last.shape != "prose" or weight(last) < 0.5 or last.flags:
            continue
        try:
            if abs(float(m.group("n").replace(",", ".")) - last.percent) > 0.01:
                continue  # the remainder words belong to another share of the sentence
        except (TypeError, ValueError):
            continue
        chosen = [last]
        total = last.percent
        for e in reversed(entries[:i]):
            if e.page != last.page or last.order.line - e.order.line > REMAINING_REACH:
                break
            if weight(e) < 0.5 or e.flags or e.percent is None:
                break  # a share in between that is not a clear part: not one statement
            chosen.insert(0, e)
            total += e.percent
            if total > 100.6:
                break
            if abs(total - 100.0) <= 0.6:
                break
        if len(chosen) < 2 or abs(total - 100.0) > 0.6:
            continue
        if chosen[-1].order.line - chosen[-2].last.line <= MAX_GAP_LINES:
            continue  # one run: already read there
        kind, kind_line = context_kind(document, chosen, cache)
        score = sum(weight(e) for e in chosen) / len(chosen) + 0.15 * min(len(chosen), 6) - REMAINING_COST
        out.append(Candidate(chosen, score, round(total, 2), True, kind,
                             note="the last share is stated as the remainder of the ones before it",
                             context_line=kind_line))
    return out


#: a breakdown joined from two runs is a little less sure than one read in one piece
INTERRUPTED_COST = 0.1

#: a list of whole-number shares that misses 100 by its rounding is a little less sure than an exact one
ROUNDED_COST = 0.1


def rounded_whole(entries: list[Entry]) -> bool:
    """True when ``entries`` are three or more whole-number shares summing to 99-101, a gap their
    rounding explains ("34%, 17%, 17%, 17%, 8%, 8%" is thirds and sixths, 101 in all): each share may be
    up to half a point off, so the sum may miss 100 by at most half a point per share."""
    shares = [e.percent for e in entries]
    if len(shares) < 3 or any(p is None or p <= 0 or p != int(p) for p in shares):
        return False
    gap = abs(sum(shares) - 100.0)
    return 0 < gap <= min(1.0, 0.5 * len(shares))


def _repeats_a_bucket(chosen: list[Entry]) -> bool:
    """True when a set holds one bucket twice: the same name with the same share ("Team (10%)" in a chart's
    legend and again as the heading of its description below). A breakdown names each holder once; the
    sum of such a set to 100% is a coincidence of the repeats."""
    seen = set()
    for e in chosen:
        key = (" ".join(e.label.lower().split()), e.percent)
        if key in seen:
            return True
        seen.add(key)
    return False


def _rounded_to_own_total(run: list[Entry], usable: list[Entry], weights: list[float]) -> list[Entry] | None:
    """Every row of a list that ends in its own "Total 100%" / "Overall 100%" row when the rows are whole
    numbers that miss 100 by their rounding (see :func:`rounded_whole`): "Investor 12%" ... "Reserve 7%"
    adding up to 101 over "Overall 100%". The total row says the rows are the whole, so rows with vague
    names ("VC fund", "Blockchain exchange") are parts too, which the weight floor of a partial list
    keeps out. Four or more rows one after the other, at least half of them clearly named, no bonus or
    vesting rows."""
    totals = [e for e in run if "total" in e.flags and e.percent is not None and abs(e.percent - 100.0) <= 0.01]
    if not totals or len(usable) < 4 or not rounded_whole(usable) or any(e.flags for e in usable):
        return None
    last = max(usable, key=lambda e: e.order)
    if not any(t.page == last.page and 0 < t.order.line - last.order.line <= 2.01 for t in totals):
        return None  # the total row must close this list, right after its last row
    if any(b.page != a.page or not 0 < b.order.line - a.last.line <= 2.01
           for a, b in zip(sorted(usable, key=lambda e: e.order), sorted(usable, key=lambda e: e.order)[1:])):
        return None  # rows one after the other (a blank line apart at most), not shares from around the page
    if sum(1 for w in weights if w >= 0.5) * 2 < len(usable) or any(not re.search(r"[A-Za-z]{2}", e.label) for e in usable):
        return None
    return sorted(usable, key=lambda e: e.order)


def _resumes(first: list[Entry], second: list[Entry]) -> bool:
    """True when ``second`` can continue the list ``first``: the same page, after it, entries of the
    same shape."""
    a, b = first[-1], second[0]
    return a.page == b.page and b.order > a.last and {e.shape for e in first} == {e.shape for e in second}


#: a list whose items, one per line and written alike, add up to 100% by themselves is the breakdown the
#: paper means, over a finer split the subset search may assemble from shares stated elsewhere nearby
LIST_BONUS = 0.25


def _complete_lists(entries: list[Entry]) -> list[list[Entry]]:
    """Blocks of consecutive items of one list (see :func:`_same_list`) whose shares sum to 100%."""
    blocks: list[list[Entry]] = []
    current: list[Entry] = []
    for e in sorted(entries, key=lambda e: e.order):
        if current and _same_list(current[0], current[1:] + [e]):
            current.append(e)
            continue
        if len(current) >= 2:
            blocks.append(current)
        current = [e]
    if len(current) >= 2:
        blocks.append(current)
    # (or, all in whole numbers, miss 100 by their rounding: "... Bug bounty 5%, Airdrop 1%" adding up to 101 is the
    # list, over the subset without its last item that happens to make 100)
    return [b for b in blocks if abs(sum(e.percent for e in b) - 100.0) <= 0.6 or rounded_whole(b)]


def _amount_candidates(document, entries, cache, weight, total_supply, money: bool) -> list[Candidate]:
    """Amount-only breakdowns. Token amounts are turned into percentages against the total supply (the
    parameter, a total row, or a total stated just before the list); money amounts (use of funds) against
    their stated total or, failing that, their sum. Two runs on one page that add up only together (a
    chart title between the legend rows cut the list) form one breakdown."""
    out = []
    lines_per_page = {n: len(v) for n, v in cache.items()}
    amount_entries = [e for e in entries if e.percent is None and e.amount is not None and e.money == money]
    # totals stated anywhere in the paper ("Total token supply: 1,000,000,000" in the introduction)
    paper_totals = sorted({e.amount for e in amount_entries if "total" in e.flags}) if not money else []
    runs = _runs(amount_entries, lines_per_page, cache)
    previous_short: list[Entry] | None = None  # the last run when it did not add up by itself
    for run in runs:
        found = _amount_candidate(document, run, cache, weight, total_supply, money)
        if found is None and not money:
            found = _whole_of_own_total(document, run, cache, weight)
        if found is None:
            found = _whole_of_paper_total(document, run, cache, weight, paper_totals)
        if found is not None:
            out.append(found)
            previous_short = None
            continue
        before, previous_short = previous_short, run
        if before is None or before[-1].page != run[0].page or run[0].order.line - before[-1].last.line > MAX_GAP_LINES:
            continue
        joined = _amount_candidate(document, before + run, cache, weight, total_supply, money, need_both=(before, run))
        if joined is not None:
            joined.score -= INTERRUPTED_COST
            out.append(joined)
            previous_short = None
    return out


def _amount_candidate(document, run, cache, weight, total_supply, money: bool,
                      need_both: tuple[list[Entry], list[Entry]] | None = None) -> Candidate | None:
    """The amount breakdown of one run (see :func:`_amount_candidates`), or None. With ``need_both``
    (two runs joined) the chosen set must take entries from each."""
    totals = [e.amount for e in run if "total" in e.flags]
    # vaguely named token amounts count only against the total supply given by the caller: summing
    # to exactly that total is the evidence then ("Secondary distribution: 30,000,000,000", ...)
    floor = 0.25 if money or total_supply else 0.5
    parts = [e for e in run if "total" not in e.flags and weight(e) >= floor]
    if len(parts) < 2:
        return None
    kind, kind_line = context_kind(document, run, cache)
    stated = totals + ([total_supply] if total_supply and not money else []) + _stated_totals(run, cache, money)
    amounts_sum = sum(e.amount for e in parts)
    if money:
        stated.append(amounts_sum)  # GOLD.md: token amounts need a stated total; spending lists add up
    for total in stated:
        if not total:
            continue
        found = best_subset([e.amount / total * 100 for e in parts], [weight(e) for e in parts], tolerance=1.0)
        if not found:
            continue
        idx, pct = found
        chosen = [parts[i] for i in idx]
        if len(chosen) < 2:
            continue
        if need_both is not None and not all({id(e) for e in chosen} & {id(e) for e in half} for half in need_both):
            return None
        score = sum(weight(e) for e in chosen) / len(chosen) + 0.15 * min(len(chosen), 6) - 0.1
        what = "their sum" if total == amounts_sum and total not in stated[:-1] else f"a total of {total:,.0f}"
        return Candidate(chosen, score, pct, True, kind, note=f"percent computed from amounts against {what}",
                         total_used=total, context_line=kind_line)
    return None


def _whole_of_own_total(document, run, cache, weight) -> Candidate | None:
    """A list of token amounts whose rows, every one of them, add up exactly (within 0.5%) to the list's own
    total row ("Tokens for ICO participants 21 000 000" ... "Total tokens 30 000 000"): the sum is the
    evidence that each row is a part, so rows with vague names ("Tokens for alpha testers") count too,
    which the weight floor of :func:`_amount_candidate` keeps out. Three or more named rows, most of them
    clearly naming a recipient."""
    totals = [e.amount for e in run if "total" in e.flags]
    parts = [e for e in run if "total" not in e.flags]
    if not totals or len(parts) < 3 or any(not re.search(r"[A-Za-z]{3}", e.label) for e in parts):
        return None
    weights = [weight(e) for e in parts]
    if sum(1 for w in weights if w >= 0.5) * 2 <= len(parts):
        return None
    return _parts_of_total(document, run, cache, parts, totals, weights, penalty=0.1, where="")


def _whole_of_paper_total(document, run, cache, weight, paper_totals: list[float]) -> Candidate | None:
    """A list of token amounts (three or more, each naming a recipient) with no total of its own that adds
    up exactly (within 0.5%) to a total stated elsewhere in the paper: the shares are computed against it.
    Only the whole list counts, never a subset (a total far away is weak evidence on its own)."""
    parts = [e for e in run if "total" not in e.flags]
    if len(parts) < 3 or any(weight(e) < 0.5 for e in parts):
        return None
    return _parts_of_total(document, run, cache, parts, paper_totals, [weight(e) for e in parts], penalty=0.2,
                           where=" stated elsewhere in the paper")


def _parts_of_total(document, run, cache, parts: list[Entry], totals: list[float], weights: list[float], *,
                    penalty: float, where: str) -> Candidate | None:
    """The candidate of ``parts`` when their amounts add up (within 0.5%) to one of ``totals``: shares
    computed against that total; scored by the parts' mean weight and number, less ``penalty`` (how weak
    the total is as evidence)."""
    amounts_sum = sum(e.amount for e in parts)
    total = next((t for t in totals if abs(amounts_sum - t) <= 0.005 * t), None)
    if total is None:
        return None
    kind, kind_line = context_kind(document, run, cache)
    score = sum(weights) / len(parts) + 0.15 * min(len(parts), 6) - penalty
    return Candidate(parts, score, round(amounts_sum / total * 100, 2), True, kind,
                     note=f"percent computed from amounts against a total of {total:,.0f}{where}",
                     total_used=total, context_line=kind_line)


_TOTAL_STATEMENT = re.compile(r"\b(?:total|max\w*|overall|whole)\b[^.]{0,40}\b(?:supply|tokens|emission|amount|issued|created)\b|"
                              r"\b(?:supply|emission)\b|\b(?:raise|raised|budget|hard\s?cap|funds)\b", re.I)


def _stated_totals(run: list[Entry], cache: dict[int, list[str]], money: bool = False) -> list[float]:
    """Numbers stated as a total in the 15 lines before the run."""
    first = run[0]
    lines = cache.get(first.page, [])
    index = int(first.order.line)
    totals = []
    for line in lines[max(0, index - 15) : index]:
        if _TOTAL_STATEMENT.search(line):
            totals += [v for v, _, _, is_money in amounts_in(line) if is_money == money]
    return totals

"""The engine shared by :mod:`allocation` and :mod:`funds`: find breakdowns ("Team 15%, Sale 60% ...")
in a :class:`~ico_lens.paper.records.Document`.

Steps
-----
1. **Lines.** Each page's cleaned text, as lines. Pages whose text layer comes out word-reversed
   (some PDF generators) are rebuilt from pdfplumber words or reversed back.
2. **Entries.** Every percentage (and, for amounts-only breakdowns, every large number) becomes an
   :class:`Entry` with a label:

   * *row* lines ``Label 15%``, ``Label (15%)``, ``Label: 150,000,000 (15%)``: the label is before;
   * *lead* lines ``15% - Label``, ``• 40% of the tokens will be sold ...``: the label is after,
     continued over the following lines until the sentence or bullet ends;
   * *prose* ``... will together hold another 10%; ...``: the clause around the number;
   * *ruled tables*: per row, the first text cell is the label, percent and amount cells anywhere;
   * *layout* (chart legends, text tables): a number alone in its box is paired with the nearest text
     box on the same row, else directly above or below, using pdfplumber word coordinates; each label
     is used once, so a number is never given the neighbouring row's label.

   Entries carry flags for what is *not* a share: a base ("15% of the remaining 30%"), a total row,
   bonus, vesting and release percentages ("80% of tokens with 6 month vesting").
3. **Runs.** Entries close to each other (a few lines apart, same or next page) form a run.
4. **Best subset.** In each run a small dynamic programme picks the subset of entries whose
   percentages sum to 100 (within rounding) with the highest total weight; the weight of an entry is
   how clearly its label names a category of the wanted kind (allocation or use of funds). This
   drops subtotal rows, repeated numbers, bonus and vesting percentages, and prefers the finer split
   when a paper gives both ("60% token sale: 40% sold, 20% for bonuses").
5. **Kind.** Headings and words around a run ("token distribution", "total supply" vs "use of
   proceeds", "budget", "$") decide whether it is a token allocation or a use of funds.

:func:`find_distributions` returns scored :class:`Candidate` sets; ``allocation.py`` and
``funds.py`` turn the best ones into records.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple, Sequence

from ico_lens.paper.records import Document, Page, Word
from ico_lens.paper.tokenomics.evidence import MAX_QUOTE
from ico_lens.records import Evidence

# ---------------------------------------------------------------------------------------------
# numbers

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUM = (r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + "|".join(k for k in _UNITS if _UNITS[k] < 10) + r"))?|"
             + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|one\s+hundred|a\s+hundred)")
_PCT_RE = re.compile(
    r"(?<![\d.,\w])(?P<num>\d{1,3}(?:[.,]\d{1,3})?|(?<![\w-])" + _WORD_NUM + r")\s?"
    r"(?P<unit>%|％|(?<=\d)pct\b|(?<=\d)\s?percent\b|(?<=\d)\s?per\s?cent\b|(?<=[a-z])\s(?:percent|per\s?cent)\b)",
    re.I,
)
# token or money amounts: grouped digits, or digits with a scale word
_AMOUNT_RE = re.compile(
    r"(?<![\d\w.,])(?P<cur>[$€£]\s?)?(?P<num>\d{1,3}(?:(?:[,\u00a0\u202f' ]\d{3})+|(?:\.\d{3}){2,})(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)(?:\s?(?P<scale>billion|million|thousand|bln|mln|mio|bn|[mkb])\b)?",
    re.I,
)
_SCALE = {"billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mln": 1e6, "mio": 1e6,
          "m": 1e6, "thousand": 1e3, "k": 1e3}
MIN_AMOUNT = 1000.0  # smaller numbers are years, months, prices, not token amounts


def parse_percent(num: str) -> float:
    """"12,5" -> 12.5; "twenty-five" -> 25.0 (papers write small shares in words)."""
    text = num.strip().lower()
    if text[:1].isdigit():
        return float(text.replace(",", "."))
    if "hundred" in text:
        return 100.0
    value = 0
    for part in re.split(r"[\s-]+", text):
        value += _TENS.get(part, 0) + _UNITS.get(part, 0)
    return float(value)


def parse_amount(match: re.Match) -> float | None:
    num = match.group("num")
    scale = (match.group("scale") or "").lower()
    digits = num.replace("\u00a0", "").replace("\u202f", "").replace("'", "")
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?", digits):
        digits = digits.replace(",", "").replace(" ", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", digits):
        digits = digits.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", digits):
        head, tail = digits.split(",")
        digits = f"{head}.{tail}" if (scale or len(tail) != 3) else head + tail
    try:
        value = float(digits)
    except ValueError:
        return None
    if scale:
        if len(scale) == 1 and not match.group("cur") and " " in match.group(0):
            return None  # "5 m" is a distance, not five million
        value *= _SCALE[scale]
    return value


def amounts_in(text: str, *, money: bool | None = None) -> list[tuple[float, int, int, bool]]:
    """(value, start, end, is_money) for large numbers in ``text``; percentages are skipped."""
    out = []
    for m in _AMOUNT_RE.finditer(text):
        after = text[m.end() : m.end() + 2]
        if after.strip().startswith("%"):
            continue
        value = parse_amount(m)
        if value is None or value < MIN_AMOUNT:
            continue
        if 1900 <= value <= 2100 and not m.group("scale") and "," not in m.group("num"):
            continue  # a year
        is_money = bool(m.group("cur")) or bool(re.match(r"\s?(?:usd|eur|eth|btc|dollars)\b", text[m.end():], re.I))
        if money is None or money == is_money:
            out.append((value, m.start(), m.end(), is_money))
    return out


# ---------------------------------------------------------------------------------------------
# lines of a page

_REVERSED_HINT = re.compile(r"\b(?:the of|be will|to allocated|of number)\b")
_FORWARD_HINT = re.compile(r"\b(?:of the|will be|allocated to|number of)\b")
_BULLET_RE = re.compile(r"^\s*(?:[•●○◦▪■□➢➤►‣∙·>\-–—*✓✔]|n(?=\s)|\(?[a-z0-9ivx]{1,3}[.)](?=\s))\s*", re.I)


def words_to_lines(words: Sequence[Word], tolerance: float = 3.0) -> list[list[Word]]:
    """Group words into visual lines (by their top coordinate), left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(lines[-1][0].top - w.top) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def page_lines(page: Page) -> list[str]:
    """Lines of a page's text; word-reversed text layers are put right."""
    text = page.text or ""
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    reversed_hits = len(_REVERSED_HINT.findall(text))
    if reversed_hits >= 3 and reversed_hits > 2 * len(_FORWARD_HINT.findall(text)):
        if page.words:
            return [" ".join(w.text for w in line) for line in words_to_lines(page.words)]
        return [" ".join(reversed(line.split())) for line in lines]
    return lines


# ---------------------------------------------------------------------------------------------
# entries


class LinePos(NamedTuple):
    """Where an entry sits in the reading order of the whole document: its page, then its line on the
    page. Fractional lines place table rows and legend entries between text lines. Sorts in reading
    order."""

    page: int
    line: float

    def shift(self, lines: float) -> "LinePos":
        """The position ``lines`` further down the same page."""
        return LinePos(self.page, self.line + lines)


@dataclass
class Entry:
    """One number found in the paper with the label it belongs to."""

    page: int
    order: LinePos  # position in reading order over the whole document
    label: str
    context: str  # the sentence or row around the number (for vesting, kind, quotes)
    percent: float | None = None
    amount: float | None = None
    method: str = "text"  # "table" | "layout" | "text"
    flags: set[str] = field(default_factory=set)
    shape: str = "row"  # "row" | "lead" | "prose" | "cell" | "legend"
    line_count: int = 1  # lines spanned (for locality)
    money: bool = False  # the amount is money ("$3 million"), not tokens
    group: str | None = None  # entries of different groups never share a run (rows of a matrix table)
    _table: int | None = None  # index in document.tables, for table rows
    _row: int = 0

    @property
    def last(self) -> LinePos:
        return self.order.shift(self.line_count - 1)

    @property
    def evidence(self) -> Evidence:
        """The entry's page and its context as the quote (at most ``MAX_QUOTE`` characters, cut at a word)."""
        text = " ".join(self.context.split())
        quote = text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"
        return Evidence.paper(self.page, quote)


_BASE_OF_RE = re.compile(r"\bof\s+(?:the\s+)?(?:remaining|other|rest|last|above|total|overall)?\s*$", re.I)
_TOTAL_LABEL_RE = re.compile(r"^\W*(?:grand\s+)?(?:total|sum|overall|in total|totals)\b", re.I)
_BONUS_RE = re.compile(r"\bbonus(?:es)?\b|\bdiscount\b", re.I)
_VESTING_RE = re.compile(
    r"\bvest\w*|\bcliff\b|\bunlock\w*|\breleased?\b|\btransferable\b|\bper\s+(?:month|quarter|year)\b|"
    r"\beach\s+(?:month|quarter|year)\b|\bmonthly\b|\bquarterly\b|\bannual\w*|\bevery\s+(?:month|quarter)",
    re.I,
)
_RATE_RE = re.compile(r"\b(?:fees?|interest|commissions?|inflation|apr|apy|return|profit|dividend|yield|growth|increase|decrease|"
                      r"rate|discount|per annum|a year|per year|annually|capped at|up to|at least|at most)\b", re.I)
# "80% of tokens with 6 month vesting", "20% of tokens will be immediately transferable": a release
# schedule of a bucket, not a bucket
_RELEASE_RE = re.compile(
    r"^(?:of\s+)?(?:the\s+|these\s+|their\s+|its\s+|all\s+|his\s+|her\s+)?(?:\w+\s+)?tokens?\s+(?:will\s+be\s+|are\s+|is\s+|"
    r"shall\s+be\s+|to\s+be\s+|become\s+|)?(?:\w+ly\s+)?(?:transferable|unlocked|released|locked|vested|vesting|"
    r"frozen|distributed\s+(?:monthly|quarterly|yearly|annually|every|each))|^(?:of\s+\w+\s+)?with\s+\S+\s+(?:months?|years?)\s+vesting",
    re.I,
)
_EACH_RE = re.compile(r"^\s*each\b|\beach\b\s*$", re.I)
def clean_label(text: str) -> str:
    """Strip numbers, bullets and filler from the ends of a label."""
    text = _PCT_RE.sub(" ", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = " ".join(text.split())
    text = _BULLET_RE.sub("", text)
    text = re.sub(r"^[^\w(\[\"“']+|[\s\-–—:=|~(.,;]+$", "", text)
    text = text.strip()
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0]
    return text


_BOILERPLATE = re.compile(
    r"^(?:of\s+(?:which|all|the|total|these|its|our)?\s*(?:(?!will\b|to\b|for\b|are\b|is\b)[\w’'-]+\s+){0,4}?"
    r"(?:tokens?|supply|emission|coins?|which)\s*|(?:of\s+(?:the\s+)?)?[A-Z0-9]{2,6}s?\s+(?:tokens?\s+)?"
    r"(?=(?:will|shall|is|are|to|for|would|were|was)\b))?"
    r"(?:(?:will|shall|is|are|to|would|were|was)\s+(?:be\s+|go\s+|together\s+)*)?"
    r"(?:(?:allocated|distributed|reserved|given|granted|dedicated|held|kept|set\s+aside|issued|used|awarded|sent|"
    r"going|go|goes|available|offered|provided|paid|assigned|earmarked)\s+)?(?:(?:to|for|by|as|in|toward|towards)\b)?\s*"
    r"(?:the\s+|a\s+|an\s+)?",
    re.I,
)


def tidy_label(label: str) -> str:
    """A label for people: "of the tokens will be reserved for the Snovio team" -> "Snovio team"."""
    tidy = _BOILERPLATE.sub("", label, count=1).strip(" ,;:-–—")
    if len(tidy) < 3:
        return label
    return tidy[0].upper() + tidy[1:]


def _label_strip_amounts(text: str) -> str:
    out = text
    for value, start, end, _ in reversed(amounts_in(text)):
        out = out[:start] + " " + out[end:]
    out = re.sub(r"\(\s*(?:[A-Z]{2,6}|tokens?)?\s*\)", " ", out)
    return out


def _has_letters(text: str, minimum: int = 2) -> bool:
    return len(re.findall(r"[A-Za-z]", text)) >= minimum


_SENTENCE_END_RE = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])(?<!\d)[.!?;](?=\s|$)")


def _line_entries(page: Page, lines: list[str]) -> list[Entry]:
    """Entries from the text lines of one page (rows, leads and prose)."""
    entries: list[Entry] = []
    n = len(lines)
    for i, raw in enumerate(lines):
        line = raw
        matches = []
        for m in _PCT_RE.finditer(line):
            # "15% of the remaining 30%": 30% is the base of the share before it, not a share
            if matches and _BASE_OF_RE.search(line[matches[-1].end() : m.start()]) and m.start() - matches[-1].end() < 40:
                continue
            matches.append(m)
        if not matches:
            continue
        inline = _inline_list_labels(line, matches)
        for k, m in enumerate(matches):
            value = parse_percent(m.group("num"))
            prev_end = matches[k - 1].end() if k else 0
            next_start = matches[k + 1].start() if k + 1 < len(matches) else len(line)
            before = line[prev_end : m.start()]
            after = line[m.end() : next_start]
            flags: set[str] = set()
            if value <= 0 or value > 100:
                continue
            before_clean = clean_label(_label_strip_amounts(_BULLET_RE.sub("", before)))
            after_clean = clean_label(_label_strip_amounts(after))
            lead_text = re.sub(r"^(?:up\s+to|about|approx\.?|approximately|~|≈|max(?:imum)?\s+of)\s*", "",
                               _label_strip_amounts(_BULLET_RE.sub("", before)).strip(" ([-–:"), flags=re.I)
            context_lines = [line]
            in_parens = line[max(0, m.start() - 2) : m.start()].strip().endswith("(") and \
                line[m.end() : m.end() + 2].strip().startswith(")")
            last_clause = re.split(r"(?<=[a-z0-9)])[.;]\s+", before)[-1]
            shape = "row"
            line_count = 1
            label_after = _has_letters(before_clean) and _has_letters(after_clean) and _LABEL_AFTER_RE.match(after)
            paren_after = re.fullmatch(r"\s*\(([^()]{2,80})\)\s*[.;,]?\s*", after)
            if inline is not None:
                # "Distribution: 60% crowdsale, 20% team, 10% advisors and 10% bounty."
                shape = "prose"
                label = clean_label(_label_strip_amounts(inline[k]))
                context_lines = [inline[k]]
            elif paren_after and _has_letters(before_clean):
                # "Team 15% (vested over 24 months)"
                shape = "row"
                label = f"{before_clean} ({paren_after.group(1).strip()})"
            elif (not _has_letters(lead_text, 1) and _has_letters(after_clean)) or label_after:
                # "15% - Label" / "• 40% of the tokens will be ..." / "... the final 15% of tokens will be
                # used by ...": the label is after the number, maybe over more lines
                is_lead = not _has_letters(lead_text, 1)
                shape = "lead" if is_lead else "prose"
                label_after = label_after and not is_lead
                label_text = after
                j = i
                while (
                    k + 1 == len(matches)
                    and j + 1 < n
                    and not _SENTENCE_END_RE.search(label_text.rstrip()[-2:] or ".")
                    and not _BULLET_RE.match(lines[j + 1])
                    and len(label_text) < 300
                    and (not lines[j + 1][:1].isupper() or _UNFINISHED_RE.search(label_text))
                ):
                    if _PCT_RE.search(lines[j + 1]):
                        # the sentence ends on a line that holds the next share: take the words up to
                        # the sentence end when they hold no number
                        head = _first_sentence(lines[j + 1])
                        if head != lines[j + 1] and not _PCT_RE.search(head):
                            label_text += " " + head
                        break
                    j += 1
                    label_text += " " + lines[j]
                    context_lines.append(lines[j])
                line_count = j - i + 1
                label_text = _first_clause(label_text) if label_after else _first_sentence(label_text)
                label = clean_label(_label_strip_amounts(label_text))
            elif _has_letters(before_clean) and not _has_letters(after_clean):
                shape = "row"
                label = before_clean
            elif in_parens and _has_letters(clean_label(_label_strip_amounts(last_clause))):
                # "Team: 150,000,000 (15%), locked for 24 months": the label is before the brackets,
                # maybe begun on the line above ("... (20%). Community grants for / agents: 70,000,000 (7%)")
                shape = "row"
                if last_clause == before and not prev_end and i > 0 and not _SENTENCE_END_RE.search(lines[i - 1][-2:]):
                    tail = re.split(r"(?<=[a-z0-9)])[.;]\s+", lines[i - 1])[-1]
                    if not _PCT_RE.search(tail) and len(tail) < 60:
                        last_clause = tail + " " + last_clause
                label = clean_label(_label_strip_amounts(last_clause))
            elif _has_letters(before_clean) and _has_letters(after_clean):
                shape = "prose"
                label = clean_label(_label_strip_amounts(_clause(line, m, prev_end, next_start, lines, i)))
            else:
                continue  # a number alone: legends are paired by layout
            if not label:
                continue
            # the token amount stated with this share, from the share's own clause
            near = after if shape == "lead" or (shape == "prose" and label_after) else last_clause
            if shape == "row" and not in_parens:
                near = before
            amount = next((v for v, _, _, is_money in amounts_in(_first_sentence(near) if near is after else near)
                           if not is_money), None)
            if amount is None and in_parens:
                amount = next((v for v, _, _, is_money in amounts_in(last_clause) if not is_money), None)
            context = " ".join(context_lines)
            if _TOTAL_LABEL_RE.search(label) or value == 100:
                flags.add("total")
            if in_parens:
                flags.add("paren")
            if _RELEASE_RE.search(label):
                flags.add("release")
            if _BONUS_RE.search(label):
                flags.add("bonus")
            if _VESTING_RE.search(label):
                flags.add("vesting")
            if _RATE_RE.search(before[-30:] + " " + label):
                flags.add("rate")
            if _EACH_RE.search(after[:12]) or re.search(r"\beach\b", label[:20], re.I):
                flags.add("each")
            entries.append(
                Entry(page.number, LinePos(page.number, i), label, context, value, amount, "text", flags, shape, line_count)
            )
    return entries


_INLINE_AFTER_GAP = re.compile(r"\s*([^%]{2,80}?)\s*(?:,|;|\band\b|&|\bplus\b)\s*(?:and\s+)?")
_INLINE_BEFORE_GAP = re.compile(r"\s*(?:,|;|\band\b|&)\s*([^%,;]{2,60}?)[\s:=\-–—]*")


def _inline_list_labels(line: str, matches: list[re.Match]) -> list[str] | None:
    """Labels of a list written on one line, or None when the line is not one:
    "60% crowdsale, 20% team and 20% reserve" (labels after) or "Team 20%, advisors 10% and sale 70%"
    (labels before)."""
    if len(matches) < 2:
        return None
    gaps = [line[a.end() : b.start()] for a, b in zip(matches, matches[1:])]
    if all(_INLINE_AFTER_GAP.fullmatch(g) for g in gaps):
        labels = [_INLINE_AFTER_GAP.fullmatch(g).group(1) for g in gaps]
        tail = re.split(r"[,;.]\s|[.;]$|\s\(", line[matches[-1].end() :] + " ", maxsplit=1)[0]
        if _has_letters(tail) and all(_has_letters(label) for label in labels):
            return labels + [tail]
    if all(_INLINE_BEFORE_GAP.fullmatch(g) for g in gaps):
        head = re.split(r"[:.;]\s", line[: matches[0].start()])[-1]
        labels = [head] + [_INLINE_BEFORE_GAP.fullmatch(g).group(1) for g in gaps]
        if all(_has_letters(label) for label in labels) and len(head) <= 60:
            return labels
    return None


_LABEL_AFTER_RE = re.compile(
    r"^\s*(?:\([^)]{0,30}\)\s*)?(?:[-–—:]|for\b|to\b|will\b|shall\b|goes\b|go\b|is\b|are\b|allocated\b|reserved\b|"
    r"dedicated\b|of\s+(?:the\s+)?(?:all\s+|total\s+)?(?:\w+\s+)?(?:tokens|supply|emission)\b)",
    re.I,
)


# a label cut at a line end that cannot be its end ("... allocated to OEM's, Operating System implementation,")
_UNFINISHED_RE = re.compile(r"(?:[,;&/\-–]|\b(?:and|or|of|to|the|for|with|in|a|an|by|from|as))\s*$", re.I)


def _first_clause(text: str) -> str:
    m = re.search(r"[;:.)](?=\s|$)|,\s+(?:while|and\s+\d|plus)\b|\bplus\b", text)
    return text[: m.start()] if m else text


def _first_sentence(text: str) -> str:
    m = _SENTENCE_END_RE.search(text)
    return text[: m.start()] if m else text


def _clause(line: str, m: re.Match, prev_end: int, next_start: int, lines: list[str], i: int) -> str:
    """The clause of a prose sentence that holds the percentage at ``m``."""
    start = prev_end
    for sep in (";", ". ", ": "):
        pos = line.rfind(sep, start, m.start())
        if pos >= 0:
            start = pos + len(sep)
    end = next_start
    for sep in (";", ". ", "."):
        pos = line.find(sep, m.end(), end)
        if pos >= 0:
            end = min(end, pos)
    if prev_end:
        # "40% ... in the crowdsale and a further 10% were sold ...": the second share's clause starts
        # at the conjunction that joins it to the first one, not at the first share
        joins = list(re.finditer(r",\s+|\s+(?:and|while|whereas)\s+", line[start : m.start()]))
        if joins:
            start += joins[-1].end()
    text = line[start:end]
    # a clause that starts the line may continue the previous line's sentence
    if start == 0 and i > 0 and not _SENTENCE_END_RE.search(lines[i - 1][-2:]) and len(text) < 60:
        text = lines[i - 1].split(". ")[-1] + " " + text
    return text


# --- ruled tables


def _table_entries(document: Document, page_number: int) -> list[Entry]:
    entries: list[Entry] = []
    for t_index, table in ((i, t) for i, t in enumerate(document.tables) if t.page == page_number):
        header: list[str] | None = None
        for r_index, row in enumerate(table.rows):
            cells = [" ".join((c or "").split()) for c in row]
            percents = [(j, _PCT_RE.search(c)) for j, c in enumerate(cells) if c]
            percents = [(j, m) for j, m in percents if m and len(cells[j]) <= len(m.group(0)) + 4]
            if not percents and sum(1 for c in cells if c and _has_letters(c)) >= 2 and header is None:
                header = cells
            if header is not None and len({m.group("num") for _, m in percents}) >= 2:
                # a matrix: categories across the header, one breakdown per row ("< 20 mil tokens: 30% 50% ...")
                entries += _matrix_row(page_number, t_index, r_index, cells, percents, header)
                continue
            text_cells = [c for c in cells if c and _has_letters(clean_label(_label_strip_amounts(c)))]
            amounts = [a for c in cells if c for a in amounts_in(c, money=False) if len(c) < 40]
            if not text_cells or (not percents and not amounts):
                continue
            label = clean_label(_label_strip_amounts(text_cells[0]))
            value = parse_percent(percents[0][1].group("num")) if percents else None
            if value is not None and (value <= 0 or value > 100):
                continue
            amount = amounts[0][0] if amounts else None
            flags = set()
            if _TOTAL_LABEL_RE.search(label) or value == 100:
                flags.add("total")
            entry = Entry(page_number, LinePos(page_number, 0.5 + r_index * 0.0001), label, " | ".join(c for c in cells if c),
                          value, amount, "table", flags, "cell")
            entry._table, entry._row = t_index, r_index
            entries.append(entry)
    return entries


def _matrix_row(page_number, t_index, r_index, cells, percents, header) -> list[Entry]:
    out = []
    row_name = next((c for c in cells if c and not _PCT_RE.search(c)), "")
    for j, m in percents:
        label = header[j] if j < len(header) else ""
        if not label:  # merged header cells: the nearest named column to the left
            label = next((header[k] for k in range(min(j, len(header) - 1), -1, -1) if header[k]), "")
        value = parse_percent(m.group("num"))
        if not label or not 0 < value <= 100:
            continue
        entry = Entry(page_number, LinePos(page_number, 0.5 + r_index * 0.0001), clean_label(label),
                      f"{row_name}: {label} {m.group(0)}".strip(": "), value, None, "table", set(), "cell")
        entry._table, entry._row, entry.group = t_index, r_index, f"{t_index}:{r_index}"
        out.append(entry)
    return out


# --- layout: numbers alone in their box, paired with the nearest label box


@dataclass
class _Box:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def _boxes(words: Sequence[Word]) -> list[_Box]:
    """Words grouped into boxes: same line, horizontal gap smaller than ~1.5 character heights."""
    boxes: list[_Box] = []
    for line in words_to_lines(words):
        current: list[Word] = []
        for w in line:
            height = max(1.0, w.bottom - w.top)
            if current and w.x0 - current[-1].x1 > 1.5 * height:
                boxes.append(_merge(current))
                current = []
            current.append(w)
        if current:
            boxes.append(_merge(current))
    return boxes


def _merge(words: list[Word]) -> _Box:
    return _Box(" ".join(w.text for w in words), min(w.x0 for w in words), min(w.top for w in words),
                max(w.x1 for w in words), max(w.bottom for w in words))


MAX_LEGEND_LABEL = 50  # characters in one box of a legend label
MAX_ROW_GAP = 360.0  # points between a label and its number on the same row
_NUMBER_BOX_RE = re.compile(r"^\W*(?:\d{1,3}(?:[.,]\d{1,3})?\s?%)\W*$")


def _layout_entries(page: Page) -> list[Entry]:
    """Legend pairing: a percentage alone in its box gets the nearest unused text box as label."""
    if not page.words:
        return []
    boxes = _boxes(page.words)
    numbers = [b for b in boxes if _NUMBER_BOX_RE.match(b.text)]
    # legend labels are short boxes; a line of body text is not a label
    labels = _label_blocks([b for b in boxes if not _PCT_RE.search(b.text) and _has_letters(b.text)
                            and len(b.text) <= MAX_LEGEND_LABEL])
    if not numbers or not labels:
        return []
    # A legend reads one way: "Label ... NN%" or "NN% Label". Pairing each number with its nearest
    # box in either direction crosses columns in a two-column legend ("Public sale 45% | Reserve 8%"
    # gives 45% to "Reserve"), so pair in each reading direction and keep the one that pairs more.
    best: list[Entry] = []
    best_key = None
    for label_side in ("left", "right"):
        pairs = _legend_pairs(numbers, labels, label_side)
        entries = _paired_entries(page, numbers, labels, pairs)
        key = (len(entries), -sum(d for d, _, _ in pairs[: len(entries)]))
        if best_key is None or key > best_key:
            best, best_key = entries, key
    return best


def _legend_pairs(numbers: list[_Box], labels: list[_Box], label_side: str) -> list[tuple[float, int, int]]:
    """(distance, number index, label index) of every plausible pair, nearest first: same-row labels
    on ``label_side`` of the number, or a label just above or below it in the same column."""
    pairs = []
    for ni, nb in enumerate(numbers):
        height = max(4.0, nb.bottom - nb.top)
        for li, lb in enumerate(labels):
            same_row = abs((lb.top + lb.bottom) / 2 - (nb.top + nb.bottom) / 2) <= height * 0.6
            if same_row:
                # legends often put the number columns apart from its label: allow up to ~half a page
                gap = nb.x0 - lb.x1 if label_side == "left" else lb.x0 - nb.x1
                if gap < -1 or gap > MAX_ROW_GAP:
                    continue
                distance = gap * 0.3
            else:
                overlap = min(lb.x1, nb.x1) - max(lb.x0, nb.x0)
                if overlap < -height:  # not in the same column
                    continue
                vertical = nb.top - lb.bottom if lb.bottom <= nb.top + 1 else lb.top - nb.bottom
                if vertical < -1 or vertical > 2.2 * height:
                    continue
                distance = vertical * 1.5 + abs(lb.cx - nb.cx) * 0.2 + 5
            pairs.append((distance, ni, li))
    pairs.sort()
    return pairs


def _paired_entries(page: Page, numbers: list[_Box], labels: list[_Box],
                    pairs: list[tuple[float, int, int]]) -> list[Entry]:
    """Greedy one-to-one assignment, nearest pair first."""
    used_n, used_l = set(), set()
    entries = []
    for distance, ni, li in pairs:
        if ni in used_n or li in used_l:
            continue
        used_n.add(ni)
        used_l.add(li)
        nb, lb = numbers[ni], labels[li]
        label = lb.text
        value = parse_percent(_PCT_RE.search(nb.text).group("num"))
        if not 0 < value <= 100:
            continue
        order = LinePos(page.number, 0.7 + nb.top / 10000.0)
        entries.append(Entry(page.number, order, clean_label(label), f"{label} {nb.text}", value, None,
                             "layout", set(), "legend"))
    return entries


def _label_blocks(boxes: list[_Box]) -> list[_Box]:
    """Join label boxes wrapped over several lines ("Founding Team and / Early / Contributors"): a box
    starting right under another one (gap under half a line) and overlapping it horizontally."""
    blocks: list[_Box] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        height = max(4.0, box.bottom - box.top)
        for block in blocks:
            gap = box.top - block.bottom
            overlap = min(block.x1, box.x1) - max(block.x0, box.x0)
            if -1 <= gap <= 0.5 * height and overlap > 0 and len(block.text) < 80:
                block.text += " " + box.text
                block.x0, block.x1 = min(block.x0, box.x0), max(block.x1, box.x1)
                block.bottom = box.bottom
                break
        else:
            blocks.append(_Box(box.text, box.x0, box.top, box.x1, box.bottom))
    return blocks


def _numbers_only(line: str) -> bool:
    """A line with one percentage, maybe a token amount, and no words: "165,000,000 11%", "20%"."""
    if len(_PCT_RE.findall(line)) != 1:
        return False
    rest = _label_strip_amounts(_PCT_RE.sub(" ", line))
    rest = re.sub(r"\b[A-Z]{2,6}\b", " ", rest)  # a token symbol: "94,800,000 RKT"
    return not _has_letters(rest, 1)


def _split_line_entries(page: Page, lines: list[str], *, with_words: bool) -> list[Entry]:
    """Label and number on separate lines: a numbers-only line takes the label line(s) just above it
    ("Partners, Advisors and / Early Backers / 165,000,000 11%"). On pages with word coordinates the
    percentage-only lines are left to the layout pairing."""
    entries = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i == 0 or not _numbers_only(line):
            continue
        if with_words and _NUMBER_BOX_RE.match(line):
            continue
        j = i - 1
        if j in used or _PCT_RE.search(lines[j]) or amounts_in(lines[j]) or not _has_letters(lines[j]) or len(lines[j]) > 80:
            continue
        label = lines[j]
        used.add(j)
        k = j - 1
        while k >= 0 and k not in used and j - k < 3 and not _PCT_RE.search(lines[k]) and not amounts_in(lines[k]) \
                and len(lines[k]) < 50 and re.search(r"(?:\band|&|,|\bof|\bfor|-)\s*$", lines[k]):
            label = lines[k] + " " + label
            used.add(k)
            k -= 1
        m = _PCT_RE.search(line)
        value = parse_percent(m.group("num"))
        amount = next((v for v, _, _, money in amounts_in(line) if not money), None)
        if 0 < value <= 100:
            flags = {"total"} if _TOTAL_LABEL_RE.search(label) or value == 100 else set()
            entries.append(Entry(page.number, LinePos(page.number, i), clean_label(label), f"{label} {line}", value, amount,
                                 "text", flags, "split"))
    return entries


# --- amounts only


def _amount_entries(page: Page, lines: list[str]) -> list[Entry]:
    """Lines that give one amount and a label but no percentage: "Team: 150,000,000 tokens",
    "• $3 million – Expanding our team" (money, for use of funds)."""
    entries = []
    for i, line in enumerate(lines):
        if _PCT_RE.search(line) or len(line) > 160:
            continue
        found = amounts_in(line)
        if len(found) != 1:
            continue
        value, start, end, is_money = found[0]
        bullet = _BULLET_RE.match(line)
        head = line[bullet.end() if bullet else 0 : start]
        tail = line[end:]
        list_like = bool(bullet) or not _has_letters(head, 1) or re.search(r"[:–—\-=]\s*$", head) or (
            not _has_letters(_label_strip_amounts(tail), 1) and len(line) <= 80)
        if not list_like or (len(line) > 100 and not bullet):
            continue
        label_text = line
        j = i
        # the label may go on over the next lines ("$2 million – Promoting the idea of ... / across the world.")
        while j + 1 < len(lines) and not _SENTENCE_END_RE.search(label_text[-2:]) and not _BULLET_RE.match(lines[j + 1]) \
                and not amounts_in(lines[j + 1]) and lines[j + 1][:1].islower() and len(label_text) < 200:
            j += 1
            label_text += " " + lines[j]
        label = clean_label(_label_strip_amounts(_BULLET_RE.sub("", _first_sentence(label_text))))
        if not _has_letters(label):
            continue
        flags = {"total"} if _TOTAL_LABEL_RE.search(label) else set()
        entries.append(Entry(page.number, LinePos(page.number, i), label, label_text, None, value, "text", flags, "amount",
                             j - i + 1, is_money))
    return entries


# ---------------------------------------------------------------------------------------------
# runs and best subsets


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
    if candidate.context_kind != kind and strong < 2:
        score -= 1.0
    return score


_ALLOC_CONTEXT = re.compile(
    r"\btoken\w*\s+(?:distribution|allocation|split|breakdown|structure)|\b(?:distribution|allocation|split)\s+of\s+"
    r"(?:the\s+)?(?:\w+\s+)?tokens|\btokens?\s+(?:will|shall|are|is)\s+(?:be\s+)?(?:allocated|distributed|split)|"
    r"\b(?:total|token|initial|max\w*)\s+supply|\bof\s+(?:all|the|total)\s+(?:\w+\s+)?tokens|\bemission\b|"
    r"\btokenomics\b|\b(?:allocation|distribution)\b",
    re.I,
)
_FUNDS_CONTEXT = re.compile(
    r"\buse\s+of\s+(?:the\s+)?(?:funds|proceeds)|\bproceeds\b|\bfunds?\s+(?:raised|collected|usage|use|allocation|"
    r"distribution|will\s+be)|\braised\s+funds\b|\bbudget\w*|\bspending\b|\bspent\b|\bexpenditures?\b|\bexpenses\b|"
    r"\b(?:funding|fund)\s+usage|\ballocation\s+of\s+(?:the\s+)?funds|\b(?:eth|ether|btc|money|capital)\s+"
    r"(?:raised|derived|collected|received)|\bcost\s+breakdown|\bfinancial\s+plan|\bfunds\b",
    re.I,
)
MAX_GAP_LINES = 14  # entries further apart than this start a new run


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
            if gap <= MAX_GAP_LINES and not _heading_between(prev, e, cache) and prev.group == e.group:
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
        if _PCT_RE.search(line):
            continue
        if _BULLET_RE.match(line):
            continue
        if (len(line) <= 60 or line.rstrip().endswith(":")) and _SPLIT_HEADING.search(line):
            return True
        if line.rstrip().endswith(":") and len(line) > 25:
            return True  # "... the following thresholds for our raised funds:" introduces another list
    return False


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
            if close or same_source:
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
    """True when ``parent``, a table row, names a recipient of its own that none of the rows below it
    shares: "Team 20%" followed by "Advisors 5%" and "Reserve 15%" adds up by chance, it is not their
    subtotal."""
    # token recipients only: spending lists do nest ("Operations 20%" over "Salaries", "Office")
    from ico_lens.paper.tokenomics.taxonomy import allocation_match

    if parent.method != "table" or any(c.method != "table" for c in children):
        return False  # rows of one ruled table are siblings; lists and prose do nest (1world's team split)
    category, tier = allocation_match(parent.label)
    return tier == 1 and category != "other" and all(
        allocation_match(c.label)[0] != category and allocation_match(c.label)[1] == 1 for c in children
    )


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


def legend_pages(document: Document) -> list[int]:
    """Pages not yet layout-analysed that hold a legend: two or more lines that are only a percentage."""
    wanted = []
    for page in document.pages:
        if page.layout_analyzed or page.image_only:
            continue
        lonely = sum(1 for line in (page.text or "").split("\n") if _NUMBER_BOX_RE.match(line.strip()))
        if lonely >= 2:
            wanted.append(page.number)
    return wanted


def ensure_layout(document: Document) -> None:
    """Ask ingestion for word coordinates on legend pages it did not analyse (chart legends are paired by
    coordinates). Without the PDF (a Document built in memory) the text fallback is used."""
    wanted = legend_pages(document)
    if not wanted or document.kind != "pdf" or not os.path.isfile(document.path):
        return
    try:
        from ico_lens.paper.ingest import analyze_layout

        analyze_layout(document, wanted)
    except Exception as exc:  # the file moved, or pdfplumber disagrees with it: keep the text fallback
        document.warnings.append(f"layout analysis for legends failed: {type(exc).__name__}"[:200])


def find_entries(document: Document, pages: Sequence[int] | None = None) -> tuple[list[Entry], dict[int, list[str]]]:
    """Every entry of the document (or of ``pages``), and the lines of every page."""
    cache: dict[int, list[str]] = {}
    entries: list[Entry] = []
    ensure_layout(document)
    for page in document.pages:
        lines = page_lines(page)
        cache[page.number] = lines
        if pages is not None and page.number not in pages:
            continue
        page_entries = _line_entries(page, lines)
        table_entries = _table_entries(document, page.number)
        _place_table_entries(document, page, table_entries, len(lines))
        with_words = bool(page.layout_analyzed and page.words)
        legend = _split_line_entries(page, lines, with_words=with_words)
        if with_words:
            layout = _layout_entries(page)
            # put legend entries in reading order: after the text line they sit closest to
            for e in layout:
                e.order = LinePos(page.number, _line_index_of(lines, e.label, e.order.line))
            legend += layout
        if len([e for e in table_entries if e.percent is not None]) >= 2:
            table_values = {e.percent for e in table_entries}
            page_entries = [e for e in page_entries if e.percent not in table_values]
            legend = [e for e in legend if e.percent not in table_values]
        entries += page_entries + table_entries + legend
        entries += _amount_entries(page, lines)
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


def _line_index_of(lines: list[str], label: str, fallback: float) -> float:
    key = label[:20].lower()
    for i, line in enumerate(lines):
        if key and key in line.lower():
            return i + 0.5
    return fallback


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
    for run in _runs(percent_entries, lines_per_page, cache):
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
            out.append(Candidate(chosen, score, total, True, kind, context_line=kind_line))
        else:
            chosen = [e for e, w in zip(usable, weights) if w >= 0.5 and not e.flags]
            if len(chosen) < 2:
                continue
            total = sum(e.percent for e in chosen)
            if total > 101:
                continue
            score = (sum(weight(e) for e in chosen) / len(chosen)) * 0.6 + 0.1 * min(len(chosen), 6) - 0.5
            out.append(Candidate(chosen, score, total, False, kind, context_line=kind_line))
    out += _amount_candidates(document, entries, cache, weight, total_supply, money)
    return out


def _amount_candidates(document, entries, cache, weight, total_supply, money: bool) -> list[Candidate]:
    """Amount-only breakdowns. Token amounts are turned into percentages against the total supply (the
    parameter, a total row, or a total stated just before the list); money amounts (use of funds) against
    their stated total or, failing that, their sum."""
    out = []
    lines_per_page = {n: len(v) for n, v in cache.items()}
    amount_entries = [e for e in entries if e.percent is None and e.amount is not None and e.money == money]
    for run in _runs(amount_entries, lines_per_page, cache):
        totals = [e.amount for e in run if "total" in e.flags]
        parts = [e for e in run if "total" not in e.flags and weight(e) >= (0.25 if money else 0.5)]
        if len(parts) < 2:
            continue
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
            score = sum(weight(e) for e in chosen) / len(chosen) + 0.15 * min(len(chosen), 6) - 0.1
            what = "their sum" if total == amounts_sum and total not in stated[:-1] else f"a total of {total:,.0f}"
            out.append(Candidate(chosen, score, pct, True, kind, note=f"percent computed from amounts against {what}",
                                 total_used=total, context_line=kind_line))
            break
    return out


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

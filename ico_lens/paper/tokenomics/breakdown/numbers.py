"""Percentages and token or money amounts in a line of text: the numbers every entry is made of."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.evidence import UNDER_100, digits_value, word_number_value

# one reading of numbers for the whole stage: the word numbers and digit groups of :mod:`..evidence`
_WORD_NUM = r"(?:" + UNDER_100 + r"|one\s+hundred|a\s+hundred)"
PCT_RE = re.compile(
    r"(?<![\d.,\w])(?P<num>\d{1,3}(?:[.,]\d{1,3})?|(?<![\w-])" + _WORD_NUM + r")\s?"
    r"(?P<unit>%|％|(?<=\d)pct\b|(?<=\d)\s?percent\b|(?<=\d)\s?per\s?cent\b|(?<=[a-z])\s(?:percent|per\s?cent)\b)",
    re.I,
)
# token or money amounts: grouped digits, or digits with a scale word
# digit groups use one separator: in "Bounty 3 900,000" (a share column, then the amount) the space is a
# column gap, not a thousands separator, so a space-grouped number is never followed by a comma group
_AMOUNT_RE = re.compile(
    r"(?<![\d\w.,])(?P<cur>[$€£]\s?)?(?P<num>\d{1,3}(?:(?:,\d{3})+|(?:[\u00a0\u202f' ]\d{3})+(?![.,]\d{3}(?!\d))|(?:\.\d{3}){2,})"
    r"(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(?P<scale>billion|million|thousand|bln|mln|mio|bn|[mkb])\b)?",
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
    return float(word_number_value(text))


def parse_amount(match: re.Match) -> float | None:
    """The value of an ``_AMOUNT_RE`` match, its scale word applied (None for "5 m": a distance)."""
    scale = (match.group("scale") or "").lower()
    value = digits_value(match.group("num"), bool(scale))
    if value is None:
        return None
    if scale:
        if len(scale) == 1 and not match.group("cur") and " " in match.group(0):
            return None  # "5 m" is a distance, not five million
        value *= _SCALE[scale]
    return float(value)


# "Token allocation (m)", "(in millions of tokens)", "Tokens, in millions": the unit of the numbers below a
# table's header
UNIT_HEADER_RE = re.compile(
    r"\(\s*(?:in\s+)?(?P<a>m|mm|mn|mln|mio|millions?|bn|bln|billions?)\.?(?:\s+(?:of\s+)?(?:tokens?|coins?|units))?\s*\)"
    r"|\bin\s+(?P<b>millions|billions|million\s+tokens|billion\s+tokens)\b",
    re.I,
)
_UNIT_MONEY_RE = re.compile(r"[$€£]|\b(?:usd|eur|chf|gbp|eth|btc|dollars?|euros?|ether|price|raised?|funds|budget|"
                            r"proceeds|revenue|costs?|spent|spending)\b", re.I)
#: how many lines a unit stated in a header goes on applying
UNIT_REACH = 25


def unit_of_header(line: str) -> float | None:
    """The factor a table header gives its token numbers ("Token allocation (m)" -> 1e6), or None (no unit,
    or a money unit: "Budget (in millions USD)")."""
    m = UNIT_HEADER_RE.search(line)
    if not m or _UNIT_MONEY_RE.search(line):
        return None
    word = (m.group("a") or m.group("b")).lower()
    return 1e9 if word.startswith("b") else 1e6


def amounts_in(text: str, *, money: bool | None = None, unit: float = 1.0) -> list[tuple[float, int, int, bool]]:
    """(value, start, end, is_money) for large numbers in ``text``; percentages are skipped. ``unit`` is
    the factor of a table header over the line ("(m)"): bare numbers are read in it."""
    out = []
    for m in _AMOUNT_RE.finditer(text):
        after = text[m.end() : m.end() + 2]
        if after.strip().startswith("%"):
            continue
        value = parse_amount(m)
        if value is None and re.match(r"\s?(?:(?-i:[A-Z]{2,6})\b|tokens?\b|coins?\b)", text[m.end():]):
            # "500 M NOVA", "1.5 B tokens": a scale letter set apart, the token named after it (not "5 m" of road)
            value = digits_value(m.group("num"), True)
            value = None if value is None else float(value) * _SCALE[m.group("scale").lower()]
        if value is not None and unit > 1 and not m.group("scale") and not m.group("cur") \
                and not re.match(r"\s?(?:usd|eur|eth|btc|dollars)\b", text[m.end():], re.I) \
                and not (1900 <= value <= 2100 and "." not in m.group("num") and "," not in m.group("num")):
            value *= unit
        if value is None or value < MIN_AMOUNT:
            continue
        if 1900 <= value <= 2100 and not m.group("scale") and "," not in m.group("num"):
            continue  # a year
        is_money = bool(m.group("cur")) or bool(re.match(r"\s?(?:usd|eur|eth|btc|dollars)\b", text[m.end():], re.I))
        if money is None or money == is_money:
            out.append((value, m.start(), m.end(), is_money))
    return out

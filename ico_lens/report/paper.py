"""Text rendering of the paper stage: the token facts ``ico-lens extract`` prints under a paper."""

from __future__ import annotations

from typing import Any

from ico_lens.paper.tokenomics.claims import claim_fields

#: the token terms shown, as (label, ``TokenTerms`` field)
TERM_LINES = (
    ("symbol", "symbol"), ("standard", "standard"), ("total supply", "total_supply"), ("decimals", "decimals"),
    ("price", "token_price"), ("hard cap", "hard_cap"), ("soft cap", "soft_cap"),
    ("sale start", "sale_start"), ("sale end", "sale_end"),
)


def render_facts(facts) -> list[str]:
    """The lines of a :class:`~ico_lens.paper.tokenomics.facts.PaperFacts` summary (indented by two)."""
    lines = ["  token facts" + (f"  (status: {facts.status})" if facts.status != "ok" else "")]
    for label, name in TERM_LINES:
        term = getattr(facts.terms, name)
        if term is not None:
            where = f"  [p.{term.evidence[0].page}]" if term.evidence else ""
            lines.append(f"    {label:<14}{_fmt(term.value)}{where}")
    for title, dist, all_of_kind in (
        ("allocation", facts.main_allocation, facts.allocations),
        ("use of funds", facts.main_use_of_funds, facts.use_of_funds),
    ):
        if dist is not None:
            lines.extend(_distribution_lines(title, dist, others=len(all_of_kind) - 1))
    if facts.claims:
        lines.append("    claims")
        for name in claim_fields():
            result = facts.claims.get(name)
            if result is None:
                continue
            ev = result.evidence[0] if result.evidence else None
            where = f"p.{ev.page}: {_short_quote(ev.quote, result.value)!r}" if ev else ""
            lines.append(f"      {name:<32}{_fmt(result.value):<12} {where}")
    for note in facts.notes:
        lines.append(f"    note          {note}")
    return lines


def _distribution_lines(title: str, dist, *, others: int) -> list[str]:
    head = f"    {title:<14}source {dist.source}"
    if dist.sum_percent is not None:
        head += f", sum {dist.sum_percent:g}%"
    if dist.pages:
        head += f", p.{','.join(str(p) for p in dist.pages[:4])}"
    lines = [head]
    for item in dist.items:
        pct = f"{item.percent:5.1f}%" if item.percent is not None else "   -  "
        stage = f" {item.stage}" if getattr(item, "stage", None) else ""
        vest = f" vesting {item.vesting_months:g}m" if getattr(item, "vesting_months", None) else ""
        lines.append(f"      {pct}  {item.category:<20}{stage:<10} {item.label[:40]:<40} p.{item.page}{vest}")
    if others > 0:
        lines.append(f"      (+{others} other {title} breakdown(s) in the paper, see --json)")
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

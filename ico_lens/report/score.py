"""The terminal view of a :class:`~ico_lens.score.records.ScoreReport`: what ``ico-lens score`` prints.

One screen (rich): the score and grade, each component's points, the top red flags with their page
numbers and code lines, and the allocation as a table. Text from the paper or the source goes in as
plain ``Text`` (never rich markup), so ``[bold]`` in a paper prints as written.
"""

from __future__ import annotations

import io

from ico_lens.records import Evidence

#: red flags shown in the terminal (all are in --json and the HTML report)
TOP_FLAGS = 6
QUOTE_CHARS = 90
GRADE_STYLES = {"A": "bold green", "B": "green", "C": "yellow", "D": "red", "E": "bold red"}


def where(evidence: list[Evidence], limit: int = QUOTE_CHARS) -> str:
    """The first piece of evidence in a few words: ``p.44: 'Team 20%'``, ``Token.mint:88: totalSupply += …``."""
    if not evidence:
        return ""
    first = evidence[0]
    if first.kind == "paper":
        text = f"p.{first.page}: '{_cut(first.quote or '', limit)}'"
    elif first.kind == "code":
        text = first.where + (f": {_cut(first.code, limit)}" if first.code else "")
    else:
        text = first.reason or first.where
    return text + (f" (+{len(evidence) - 1})" if len(evidence) > 1 else "")


def sides(evidence: list[Evidence], limit: int = 60) -> str:
    """The first piece of evidence of each side (paper, code, chain), so a red flag of the alignment shows
    both its page and its code line."""
    firsts = {}
    for e in evidence:
        firsts.setdefault(e.kind, e)
    return "  |  ".join(where([e], limit) for e in firsts.values())


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(report, *, width: int = 110, color: bool = False) -> str:
    """The one-screen summary as a string (``color``: with ANSI styles, for a terminal)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None, highlight=False,
                      force_terminal=color)
    heading = Text()
    heading.append(f"{report.paper}", style="bold")
    if report.contract:
        heading.append(f"  +  {report.contract}")
    console.print(heading)
    line = Text("  risk score ")
    line.append(f"{report.score}/100  grade {report.grade}", style=GRADE_STYLES[report.grade])
    line.append(f"   (0 = no risk found; {report.max_points:g} points possible"
                f"{'' if report.alignment is not None else ', no contract given'})")
    console.print(line)

    parts = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
    for column in ("component", "points", "note"):
        parts.add_column(column)
    for c in report.components:
        points = f"{c.points:g} / {c.max_points:g}" if c.assessed else "-"
        parts.add_row(Text(c.title), points, Text(c.note))
    console.print(parts)

    flags = report.red_flags(TOP_FLAGS)
    if flags:
        table = Table(title="top red flags", title_justify="left", show_header=True, header_style="bold", box=None, padding=(0, 2))
        for column in ("points", "what", "evidence"):
            table.add_column(column, overflow="fold")
        for item in flags:
            table.add_row(f"{item.points:g}", Text(_cut(item.label, 70)), Text(sides(item.evidence)))
        console.print(table)
    if report.allocation is not None and report.allocation.items:
        console.print(_allocation_table(report.allocation))
    for warning in report.warnings:
        console.print(Text(f"warning: {warning}"))
    return buffer.getvalue().rstrip("\n")


def _allocation_table(distribution):
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"token allocation (p.{', '.join(map(str, distribution.pages))})", title_justify="left",
                  box=None, header_style="bold", padding=(0, 2))
    for column, justify in (("share", "right"), ("category", "left"), ("label", "left"), ("vesting", "left"), ("page", "right")):
        table.add_column(column, justify=justify)
    for b in distribution.items:
        share = "-" if b.percent is None else f"{b.percent:.1f}%"
        vesting = f"{b.vesting_months:g} months" if b.vesting_months else ""
        table.add_row(share, b.category, Text(_cut(b.label, 40)), vesting, str(b.page or ""))
    return table

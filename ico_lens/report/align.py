"""Rendering of the alignment stage: a table (rich) with a one-line summary, and Markdown to paste into a
review. The JSON is the record's own (:meth:`AlignmentReport.to_json`)."""

from __future__ import annotations

import io

from ico_lens.align.records import CONTRADICTED, DISCLOSED, UNDISCLOSED, VERDICTS, AlignmentReport, Finding
from ico_lens.records import Evidence

#: how each verdict shows in the text table
STYLES = {"consistent": "green", "contradicted": "bold red", "unverifiable": "yellow", "undisclosed": "bold magenta",
          "disclosed": "cyan"}
QUOTE_CHARS = 90


def title(report: AlignmentReport) -> str:
    ref = report.ref
    token = f"{ref.symbol} " if ref.symbol else ""
    contract = f" vs {report.contract}" + (f" (chain {ref.chain_id})" if report.chain_read else "") if report.contract else ""
    return f"{token}{report.paper or ref.key}{contract}"


def summary_line(report: AlignmentReport) -> str:
    """``2 contradicted, 1 undisclosed power, 3 consistent, 2 unverifiable``: the worst first."""
    counts = report.summary
    order = (CONTRADICTED, UNDISCLOSED, "consistent", "unverifiable", DISCLOSED)
    parts = [f"{counts[v]} {v}" + (" power" + ("s" if counts[v] != 1 else "") if v in (UNDISCLOSED, DISCLOSED) else "")
             for v in order if counts[v]]
    verdict = "promises broken" if counts[CONTRADICTED] else "nothing contradicted"
    return f"{verdict}: " + (", ".join(parts) if parts else "no findings") + f"  [{report.status}]"


def _where(evidence: list[Evidence], limit: int = QUOTE_CHARS) -> str:
    if not evidence:
        return "-"
    first = evidence[0]
    if first.kind == "paper":
        quote = first.quote or ""
        text = f"p.{first.page}: '{quote[:limit] + ('…' if len(quote) > limit else '')}'"
    elif first.kind == "code":
        code = first.code or ""
        text = first.where + (f": {code[:limit]}" if code else "")
    else:
        text = first.reason or str(first)
    return text + (f" (+{len(evidence) - 1})" if len(evidence) > 1 else "")


def _why(finding: Finding) -> str:
    return f"{finding.reason}: {finding.explanation}" if finding.reason else finding.explanation


def render_text(report: AlignmentReport, *, width: int = 160) -> str:
    """A table of the findings (claim, verdict, paper, code, chain, why) and the summary line."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(title(report)), show_lines=True, expand=False)
    columns = [("claim", None), ("verdict", None), ("paper says", 3), ("code", 3), ("chain", 2), ("why", 3)]
    if not report.chain_read:  # an empty column would only take room from the quotes
        columns.pop(4)
    for column, ratio in columns:
        # claim names and verdicts are what a reader scans for: never broken
        table.add_column(column, ratio=ratio, overflow="fold", no_wrap=ratio is None)
    for f in report.findings:
        # text from the paper and the source is shown as written: "[bold]" in a paper is no markup
        cells = [escape(f.claim), f"[{STYLES[f.verdict]}]{f.verdict}[/]",
                 *(escape(text) for text in (_where(f.paper_evidence), _where(f.code_evidence), _where(f.chain_evidence), _why(f)))]
        table.add_row(*(cells if report.chain_read else cells[:4] + cells[5:]))
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    if report.findings:
        console.print(table)
    else:
        console.print(title(report), markup=False)
    for warning in report.warnings:
        console.print(f"warning: {warning}", markup=False)
    console.print(summary_line(report), markup=False)
    return buffer.getvalue().rstrip("\n")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(report: AlignmentReport) -> str:
    """A Markdown section: the title, the summary, one table row per finding."""
    lines = [f"### Claim–code alignment: {_cell(title(report))}", "", f"**{summary_line(report)}**", ""]
    if report.findings:
        lines += ["| claim | verdict | paper says | code | chain | why |", "|---|---|---|---|---|---|"]
        for f in report.findings:
            verdict = f"**{f.verdict}**" if f.verdict in (CONTRADICTED, UNDISCLOSED) else f.verdict
            cells = (f"`{f.claim}`", verdict, _where(f.paper_evidence), _where(f.code_evidence), _where(f.chain_evidence), _why(f))
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += [f"> warning: {_cell(w)}" for w in report.warnings]
    return "\n".join(lines)


__all__ = ["VERDICTS", "render_markdown", "render_text", "summary_line"]

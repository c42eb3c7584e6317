"""Text rendering of what ``ico-lens extract`` prints: an ingested document's summary (pages,
sections, tables, figures, warnings), then its token facts (:func:`ico_lens.report.paper.render_facts`)."""

from __future__ import annotations

from ico_lens.paper.ingest import page_ranges
from ico_lens.report.paper import render_facts

#: sections listed in the summary (the rest are counted)
SHOWN_SECTIONS = 25


def render_report(report, *, include_text: bool = False) -> str:
    """A :class:`~ico_lens.paper.pipeline.PaperReport` as text; each page's cleaned text with ``include_text``."""
    lines = render_document(report.document)
    if report.facts is not None:
        lines.extend(render_facts(report.facts))
    if include_text:
        lines.extend(f"\n--- page {p.number} ---\n{p.text}" for p in report.document.pages)
    return "\n".join(lines)


def render_document(d) -> list[str]:
    """The summary lines of an ingested :class:`~ico_lens.paper.records.Document`."""
    lines = [
        f"{d.path}",
        f"  status     {d.status.value}" + (f"  (language: {d.language})" if d.language != "en" else ""),
        f"  pages      {d.page_count}" + (f"  (read {len(d.pages)})" if len(d.pages) < d.page_count else ""),
        f"  content id {d.content_id[:16]}…",
    ]
    if d.meta.title:
        lines.append(f"  title      {d.meta.title}")
    lines.append(f"  sections   {len(d.sections)}" + (f" (from the {d.sections[0].source})" if d.sections else ""))
    for s in d.sections[:SHOWN_SECTIONS]:
        span = f"p.{s.page_start}" + (f"-{s.page_end}" if s.page_end != s.page_start else "")
        lines.append(f"    {'  ' * (s.level - 1)}{s.title[:70]}  [{span}]")
    if len(d.sections) > SHOWN_SECTIONS:
        lines.append(f"    … {len(d.sections) - SHOWN_SECTIONS} more")
    analysed = [p.number for p in d.pages if p.layout_analyzed]
    lines.append(f"  tables     {len(d.tables)}" + (f"  (layout analysed on pages {_pages(analysed)})" if analysed else ""))
    for t in d.tables:
        cols = max((len(r) for r in t.rows), default=0)
        lines.append(f"    p.{t.page}: {len(t.rows)} rows x {cols} columns at {tuple(round(v) for v in t.bbox)}")
    big = [f for f in d.figures if f.area > 0.1 * (d.page(f.page).width * d.page(f.page).height or 1)]
    lines.append(f"  figures    {len(d.figures)} ({len(big)} large)" + (f" on pages {_pages(f.page for f in big)}" if big else ""))
    lines.extend(f"  warning    {w}" for w in d.warnings)
    return lines


def _pages(numbers) -> str:
    return page_ranges(sorted(set(numbers)))

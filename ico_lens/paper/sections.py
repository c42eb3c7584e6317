"""Headings and the page spans of sections.

The PDF's own outline (bookmarks) is used when it has one; otherwise headings are found in the
cleaned page text: numbered headings ("3.2 Token Distribution"), short ALL-CAPS lines, and short
title-case lines that name a usual white-paper section. Table-of-contents lines (dot leaders) and
lines that are mostly numbers are never headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ico_lens.paper.records import Section

_NUMBERED_RE = re.compile(r"^(?P<num>(?:\d{1,2}\.){0,3}\d{1,2})\.?\s+(?P<title>[A-Z][^\n]{2,70})$")
_DOT_LEADER_RE = re.compile(r"(?:\.\s*){4,}|…{2,}|\s\d{1,3}$")
# Footnotes and references look like numbered headings: "3 Towers Watson - Global Pension Study, 2017".
_NOT_A_TITLE_RE = re.compile(r",|\b(?:19|20)\d\d\b|https?://|www\.|@")
_COMMON_SECTIONS = re.compile(
    r"^(?:abstract|introduction|overview|executive summary|summary|background|problem|solution|"
    r"the problem|our solution|market|market analysis|business model|product|platform|technology|"
    r"architecture|token|tokens|the token|token economy|token economics|tokenomics|token model|"
    r"token sale|token distribution|token allocation|distribution|allocation|crowdsale|ico|"
    r"ico details|use of funds|use of proceeds|budget|funds allocation|roadmap|road map|team|"
    r"the team|our team|advisors|advisory board|partners|legal|legal considerations|"
    r"risks?|risk factors|disclaimer|legal disclaimer|conclusion|conclusions|references|"
    r"governance|vesting|competition|competitors|appendix|faq|contact)"
    r"(?:\s+(?:summary|details|overview|structure|plan|model|factors|considerations|terms))?$",
    re.I,
)


def sections_from_outline(outline: Iterable[tuple[str, int, int]], page_count: int) -> list[Section]:
    """Sections from bookmarks given as ``(title, level 0-based, page 1-based)``."""
    entries = [(t.strip(), lvl + 1, pg) for t, lvl, pg in outline if t and t.strip() and 1 <= pg <= page_count]
    return _with_ends(entries, page_count, source="outline")


def find_headings(page_texts: Sequence[str]) -> list[tuple[str, int, int]]:
    """Heading-like lines as ``(title, level, page)`` from cleaned page texts.

    A page where heading-like lines are the majority is a table of contents (or a slide of
    captions): its lines are not headings of the page they sit on.
    """
    found = []
    for page_no, text in enumerate(page_texts, start=1):
        lines = [ln for ln in text.split("\n") if ln.strip()]
        on_page = []
        for i, line in enumerate(lines):
            heading = _as_heading(line, prev=lines[i - 1] if i else "")
            if heading:
                on_page.append((heading[0], heading[1], page_no))
        if len(on_page) >= 6 and len(on_page) > 0.4 * len(lines):
            continue
        found.extend(on_page)
    return found


def sections_from_text(page_texts: Sequence[str]) -> list[Section]:
    return _with_ends(find_headings(page_texts), len(page_texts), source="heuristic")


def _as_heading(line: str, prev: str) -> tuple[str, int] | None:
    line = line.strip()
    if not (3 <= len(line) <= 80) or line.startswith("- ") or _DOT_LEADER_RE.search(line):
        return None
    letters = sum(map(str.isalpha, line))
    if letters < 3 or letters < 0.6 * len(line.replace(" ", "")):
        return None
    if line.endswith((".", ",", ";", ":")):
        return None
    m = _NUMBERED_RE.match(line)
    if m:
        title = m["title"].strip()
        if len(title.split()) <= 9 and not _NOT_A_TITLE_RE.search(title):
            return f"{m['num']} {title}", m["num"].count(".") + 1
        return None
    words = line.split()
    if len(words) > 8:
        return None
    if line.isupper() and letters >= 4:
        # a run of capitals over several lines is a shouted paragraph (disclaimers), not a heading
        if len(words) > 6 or (prev.isupper() and len(prev.split()) >= 3):
            return None
        return line.title() if len(line) > 3 else line, 1
    if _COMMON_SECTIONS.match(line) and len(words) <= 5 and (not prev.strip() or prev.strip().endswith(".")):
        return line, 2
    return None


def _with_ends(entries: list[tuple[str, int, int]], page_count: int, *, source: str) -> list[Section]:
    """Give each heading the page span up to the next heading of the same or a higher level."""
    sections = []
    for i, (title, level, start) in enumerate(entries):
        end = page_count
        for title2, level2, start2 in entries[i + 1 :]:
            if level2 <= level:
                end = max(start, start2 - 1 if start2 > start else start)
                break
        sections.append(Section(title=title, level=level, page_start=start, page_end=end, source=source))
    return sections

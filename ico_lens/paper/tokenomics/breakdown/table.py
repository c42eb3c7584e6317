"""Entries from the ruled tables ingestion found on a page."""

from __future__ import annotations

from ico_lens.paper.records import Document
from ico_lens.paper.tokenomics.breakdown.entry import Entry, LinePos
from ico_lens.paper.tokenomics.breakdown.labels import (
    TOTAL_LABEL_RE,
    clean_label,
    has_letters,
    label_strip_amounts,
)
from ico_lens.paper.tokenomics.breakdown.numbers import PCT_RE, amounts_in, parse_percent


# --- ruled tables


def entries_from_tables(document: Document, page_number: int) -> list[Entry]:
    entries: list[Entry] = []
    for t_index, table in ((i, t) for i, t in enumerate(document.tables) if t.page == page_number):
        header: list[str] | None = None
        for r_index, row in enumerate(table.rows):
            cells = [" ".join((c or "").split()) for c in row]
            percents = [(j, PCT_RE.search(c)) for j, c in enumerate(cells) if c]
            percents = [(j, m) for j, m in percents if m and len(cells[j]) <= len(m.group(0)) + 4]
            if not percents and sum(1 for c in cells if c and has_letters(c)) >= 2 and header is None:
                header = cells
            if header is not None and len({m.group("num") for _, m in percents}) >= 2:
                # a matrix: categories across the header, one breakdown per row ("< 20 mil tokens: 30% 50% ...")
                entries += _matrix_row(page_number, t_index, r_index, cells, percents, header)
                continue
            text_cells = [c for c in cells if c and has_letters(clean_label(label_strip_amounts(c)))]
            amounts = [a for c in cells if c for a in amounts_in(c, money=False) if len(c) < 40]
            if not text_cells or (not percents and not amounts):
                continue
            label = clean_label(label_strip_amounts(text_cells[0]))
            value = parse_percent(percents[0][1].group("num")) if percents else None
            if value is not None and (value <= 0 or value > 100):
                continue
            amount = amounts[0][0] if amounts else None
            flags = set()
            if TOTAL_LABEL_RE.search(label) or value == 100:
                flags.add("total")
            entry = Entry(page_number, LinePos(page_number, 0.5 + r_index * 0.0001), label, " | ".join(c for c in cells if c),
                          value, amount, "table", flags, "cell")
            entry._table, entry._row = t_index, r_index
            entries.append(entry)
    return entries


def _matrix_row(page_number, t_index, r_index, cells, percents, header) -> list[Entry]:
    out = []
    row_name = next((c for c in cells if c and not PCT_RE.search(c)), "")
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

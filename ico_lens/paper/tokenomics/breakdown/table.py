"""Entries from the ruled tables ingestion found on a page."""

from __future__ import annotations

import re

from ico_lens.paper.records import Document
from ico_lens.paper.tokenomics.breakdown.entry import Entry, LinePos
from ico_lens.paper.tokenomics.breakdown.labels import (
    TOTAL_LABEL_RE,
    clean_label,
    has_letters,
    label_strip_amounts,
)
from ico_lens.paper.tokenomics.breakdown.numbers import PCT_RE, amounts_in, parse_percent, unit_of_header


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
            # a cell whose only letters are the token's symbol or unit ("500,000,000 NOVA") names nothing
            text_cells = [c for c in cells if c and has_letters(clean_label(label_strip_amounts(c)))
                          and not _UNIT_ONLY_RE.fullmatch(clean_label(label_strip_amounts(c)))]
            name_column = _name_column(header)
            if name_column is not None and name_column < len(cells) and cells[name_column] in text_cells:
                # "Phase | Recipient | Share": the column the header calls the recipient holds the label
                text_cells.insert(0, cells[name_column])
            # a column whose header gives the unit ("Tokens (m)"): its bare numbers are read in that unit
            units = [(unit_of_header(header[j]) or 1.0) if header is not None and j < len(header) and header[j] else 1.0
                     for j in range(len(cells))]
            amounts = [a for j, c in enumerate(cells) if c for a in amounts_in(c, money=False, unit=units[j]) if len(c) < 40]
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


_UNIT_ONLY_RE = re.compile(r"(?-i:[A-Z]{2,6})|tokens?|coins?|(?-i:[A-Z]{2,6})\s+(?:tokens?|coins?)", re.I)
# header words of the column that names the holders (or the spending items)
_NAME_HEADER_RE = re.compile(r"^\W*(?:recipients?|allocation|category|categories|purpose|pool|bucket|holders?|"
                             r"distribution|use|item|beneficiar(?:y|ies)|destination|description|name)\W*$", re.I)


def _name_column(header: list[str] | None) -> int | None:
    """The index of the header cell that names the label column ("Recipient", "Allocation"), when exactly one does."""
    if not header:
        return None
    found = [j for j, cell in enumerate(header) if cell and _NAME_HEADER_RE.match(cell)]
    return found[0] if len(found) == 1 else None


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

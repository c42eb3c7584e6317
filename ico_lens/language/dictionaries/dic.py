"""Read and write LIWC dictionary files, so a researcher's own LIWC dictionary can be loaded.

Formats understood:

``.dic`` (LIWC2001/2007/2015, and LIWC-22's "save as .dic")::

    %
    1	posemo	(Positive emotion)
    2	negemo
    %
    abandon*	2
    happy	1
    kind of	1 2

- The block between the two ``%`` lines maps category ids to names (anything after the name is a
  description). Ids are usually numbers; names are accepted in their place.
- Each entry line is ``term<TAB>id id ...``. Terms may be stems (``abandon*``) or several words
  (``kind of``); without tabs, the trailing tokens that are known ids are taken as the ids.
- LIWC2007's conditional codes (``like  02 134 (02 134)126/253``) depend on the previous word; they
  are not applied: the unconditional ids of the line are kept and the line is listed in
  ``Dictionary.skipped``.
- A term listed twice gets the union of its ids (LIWC-22 exports can split categories over lines).

``.dicx`` (LIWC-22's native spreadsheet format, CSV): a header ``DicTerm,cat1,cat2,...`` and one row
per term with ``X`` (or any non-empty mark) in the columns of its categories.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ico_lens.errors import InputError, NotFound

from .engine import Dictionary


class DicFormatError(InputError):
    code = "bad_dictionary"


def read_dic(path: str | Path, *, name: str | None = None, prefix: str | None = None) -> Dictionary:
    """Load a LIWC ``.dic`` or ``.dicx`` file.

    ``name`` defaults to the file name without extension; ``prefix`` (put before each category name
    when dictionaries are combined) defaults to ``name + "."``.
    """
    path = Path(path)
    if not path.is_file():
        raise NotFound("dictionary file not found", path=str(path))
    raw = path.read_bytes()
    text = _decode(raw)
    name = name or path.stem
    prefix = f"{name}." if prefix is None else prefix
    stripped = text.lstrip()
    if path.suffix.lower() == ".dicx" or (stripped[:1] != "%" and stripped[:7].lower() == "dicterm"):
        d = _read_dicx(text, name, prefix, str(path))
    else:
        d = parse_dic(text, name=name, prefix=prefix, path=str(path))
    d.source = str(path)
    return d


def parse_dic(text: str, *, name: str, prefix: str = "", path: str | None = None) -> Dictionary:
    """Parse the text of a LIWC ``.dic`` file."""
    lines = text.splitlines()
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or lines[i].strip() != "%":
        raise DicFormatError("not a LIWC .dic file: it must start with a '%' line", path=path)
    i += 1
    ids: dict[str, str] = {}
    d = Dictionary(name=name, prefix=prefix)
    while i < len(lines) and lines[i].strip() != "%":
        fields = lines[i].split()
        i += 1
        if not fields:
            continue
        if len(fields) < 2:
            raise DicFormatError(f"category line {i} has an id but no name: {lines[i - 1]!r}", path=path)
        cat_id, cat_name = fields[0], fields[1]
        ids[cat_id] = cat_name
        ids.setdefault(cat_id.lstrip("0") or "0", cat_name)  # "02" and "2" are the same id
        d.categories.append(cat_name)
        if len(fields) > 2:
            d.descriptions[cat_name] = " ".join(fields[2:]).strip("()")
    if i >= len(lines):
        raise DicFormatError("the category block is not closed by a second '%' line", path=path)
    names = set(d.categories)
    for lineno, line in enumerate(lines[i + 1 :], start=i + 2):
        if not line.strip():
            continue
        term, codes = _split_entry(line, ids, names)
        if not term:
            d.skipped.append(f"line {lineno}: {line.strip()}")
            continue
        cats, conditional = _categories(codes, ids, names)
        if conditional:
            d.skipped.append(f"line {lineno}: {line.strip()} (conditional codes not applied)")
        if cats:
            d.add(term, cats)
        elif not conditional:
            d.skipped.append(f"line {lineno}: {line.strip()} (no known category)")
    if not d.categories:
        raise DicFormatError("no categories declared between the '%' lines", path=path)
    return d


def _split_entry(line: str, ids: dict[str, str], names: set[str]) -> tuple[str, list[str]]:
    if "\t" in line:
        term, _, rest = line.strip().partition("\t")
        return term.strip(), rest.split()
    tokens = line.split()
    # No tabs: the id list is the longest run of known ids (or conditional codes) at the end.
    k = len(tokens)
    while k > 1 and (tokens[k - 1] in ids or tokens[k - 1] in names or _is_conditional(tokens[k - 1])):
        k -= 1
    return " ".join(tokens[:k]), tokens[k:]


def _is_conditional(code: str) -> bool:
    return any(ch in code for ch in "()/")


def _categories(codes: list[str], ids: dict[str, str], names: set[str]) -> tuple[list[str], bool]:
    cats: list[str] = []
    conditional = False
    depth = 0
    for code in codes:
        if _is_conditional(code) or depth:
            conditional = True
            depth += code.count("(") - code.count(")")
            continue
        name = ids.get(code) or ids.get(code.lstrip("0") or "0") or (code if code in names else None)
        if name:
            cats.append(name)
    return cats, conditional


def _read_dicx(text: str, name: str, prefix: str, path: str) -> Dictionary:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or len(rows[0]) < 2:
        raise DicFormatError("not a LIWC .dicx file: expected a header 'DicTerm,category,...'", path=path)
    header = [h.strip() for h in rows[0]]
    d = Dictionary(name=name, prefix=prefix, categories=[h for h in header[1:] if h])
    for row in rows[1:]:
        if not row or not row[0].strip():
            continue
        cats = [header[j] for j, cell in enumerate(row[1:], start=1) if j < len(header) and header[j] and cell.strip()]
        if cats:
            d.add(row[0].strip(), cats)
    return d


def write_dic(dictionary: Dictionary, path: str | Path) -> Path:
    """Write ``dictionary`` in LIWC ``.dic`` format (ids numbered from 1 in category order)."""
    path = Path(path)
    path.write_text(format_dic(dictionary), encoding="utf-8")
    return path


def format_dic(dictionary: Dictionary) -> str:
    ids = {c: i for i, c in enumerate(dictionary.categories, start=1)}
    out = ["%"]
    for c, i in ids.items():
        desc = dictionary.descriptions.get(c)
        out.append(f"{i}\t{c}" + (f"\t({desc})" if desc else ""))
    out.append("%")
    entries: dict[str, frozenset[str]] = {}
    entries.update(dictionary.words)
    entries.update({s + "*": c for s, c in dictionary.stems.items()})
    entries.update({" ".join(p): c for p, c in dictionary.phrases.items()})
    for term in sorted(entries):
        codes = " ".join(str(ids[c]) for c in sorted(entries[term], key=ids.__getitem__))
        out.append(f"{term}\t{codes}")
    return "\n".join(out) + "\n"


def _decode(raw: bytes) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # older LIWC dictionaries were saved on Windows

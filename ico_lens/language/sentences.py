"""Split a white paper into sentences, with their page and section.

White papers are hard-wrapped PDF text: a sentence spans several lines, headings carry no full stop,
bullet items often have no punctuation at all, and tables leave lines of numbers behind. The splitter
works in two steps, plain regular expressions only (fast; no nltk data needed):

1. **Blocks.** The lines of a page are grouped into blocks. A block ends at a blank line, before a
   bullet or numbered item, and after a heading-like line (short, no closing punctuation, followed by a
   capitalised line). Junk lines (page numbers, rows of figures, symbols) are dropped.
2. **Sentences.** Each block is joined into one line and cut after ``.``, ``!`` or ``?`` when the next
   word starts with a capital, a digit or an opening quote, unless the dot belongs to an abbreviation
   (``e.g.``, ``i.e.``, ``Inc.``, ``No. 5``, ``Fig. 2``, initials like ``J.``). Decimal numbers such as
   ``1.5`` never split because there is no space after the dot.

Fragments that are not sentences (a heading alone, a table-of-contents line, ``Page 3``) are skipped:
a sentence needs at least :data:`MIN_WORDS` words with letters, and most of its characters letters.

>>> from ico_lens.language.sentences import split_text
>>> [s.text for s in split_text("Abstract\\nWe build an ad exchange, e.g. for\\nvideo. It costs 1.5 ETH.")]
['We build an ad exchange, e.g. for video.', 'It costs 1.5 ETH.']
"""

from __future__ import annotations

import re

from ico_lens.language.records import Sentence

__all__ = ["Sentence", "split_sentences", "split_text", "MIN_WORDS", "MAX_WORDS"]

#: fewer words (with at least one letter) than this and a fragment is not a sentence
MIN_WORDS = 3
#: longer "sentences" (usually tables or lists flattened without punctuation) are cut into pieces
MAX_WORDS = 120

# Characters that PDF text carries but that mean nothing to a reader.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")

# A bullet or list marker at the start of a line: glyphs, dashes, "1.", "1)", "(a)", "a)", "iv.".
# Symbol-font bullets come out of PDFs as private-use characters, U+FFFD or a stray combining mark.
_BULLET = re.compile(
    r"""^\s*(?:
        [\u2022\u25cf\u25e6\u25aa\u25a0\u25a1\u25ba\u25b8\u25b6\u2023\u2043\u2219\u00b7\u27a2\u27a4
           \u2713\u2714\u2717\u2794\u279c\ue000-\uf8ff\ufffd\u0300-\u036f*\u2013\u2014\-]+
      | \(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s)
      | \(\d{1,2}\)
    )\s*""",
    re.VERBOSE,
)

# Where a sentence may end: closing punctuation, optional closing quotes/brackets, whitespace, then
# something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])")

#: a dot after these (lower-cased, inner dots kept) never ends a sentence
_NEVER_FINAL = frozenset(
    """e.g eg i.e ie cf viz vs v mr mrs ms dr prof st jr sr fig figs eq eqs approx ca incl esp resp
    al inc ltd corp co llc plc bros ref refs pp dept nr
    u.s u.k e.u u.s.a u.a.e a.k.a""".split()
)
#: a dot after these does not end a sentence when a number follows ("No. 5", "Jan. 2018")
_BEFORE_NUMBER = frozenset(
    "no nos num jan feb mar apr jun jul aug sep sept oct nov dec q ver art sec ch vol para p".split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_CLOSING = tuple(".!?:;…\"'\u201d\u2019)")


def split_sentences(document) -> list[Sentence]:
    """Sentences of an ingested :class:`ico_lens.paper.records.Document`, in reading order.

    Each :class:`Sentence` carries its 1-based page number, the title of the section it falls in (the
    document's sections, refined by the headings found on the page) or ``None``, and its position in
    the returned list (``index``). A sentence broken by a page break is joined and given the page
    where it starts.
    """
    sentences: list[Sentence] = []
    sections = list(getattr(document, "sections", None) or [])
    #: the last block of the previous page when it stopped mid-sentence: (text, page, section)
    pending: tuple[str, int, str | None] | None = None
    for page in document.pages:
        blocks = _blocks(page.text or "")
        current, switches = _page_sections(sections, page.number, blocks)
        for i, (kind, text) in enumerate(blocks):
            if kind == "heading":
                current = switches.get(i, current)
                continue
            if pending is not None:
                if text[:1].islower():
                    text = pending[0] + " " + text
                    _emit(sentences, text, pending[1], pending[2])
                    pending = None
                    continue
                _emit(sentences, *pending)
                pending = None
            if i == len(blocks) - 1 and not text.endswith(_CLOSING):
                pending = (text, page.number, current)
            else:
                _emit(sentences, text, page.number, current)
    if pending is not None:
        _emit(sentences, *pending)
    return _drop_running_lines(sentences)


def _drop_running_lines(sentences: list[Sentence]) -> list[Sentence]:
    """Drop unpunctuated fragments that occur three times or more (running headers and footers that
    ingestion left in, e.g. in plain-text papers without page breaks), then renumber."""
    seen: dict[str, int] = {}
    for s in sentences:
        if not s.text.endswith(_CLOSING):
            seen[s.text] = seen.get(s.text, 0) + 1
    running = {text for text, count in seen.items() if count >= 3}
    if not running:
        return sentences
    kept = [s for s in sentences if s.text not in running]
    for i, s in enumerate(kept):
        s.index = i
    return kept


def split_text(text: str, *, page: int = 1, section: str | None = None) -> list[Sentence]:
    """Sentences of a plain string (one page); handy for excerpts and tests."""
    out: list[Sentence] = []
    for kind, block in _blocks(text):
        if kind == "text":
            _emit(out, block, page, section)
    return out


def _emit(out: list[Sentence], block: str, page: int, section: str | None) -> None:
    for piece in _cut(block):
        if _is_sentence(piece):
            out.append(Sentence(piece, page, section, len(out)))


# --- step 1: lines to blocks ------------------------------------------------------------------------


def _blocks(page_text: str) -> list[tuple[str, str]]:
    """``("text", block)`` and ``("heading", line)`` pairs of one page, in order."""
    # Junk lines (page numbers, figures, symbols) count as blank lines from here on.
    lines = [_clean_line(line) for line in _INVISIBLE.sub("", page_text).splitlines()]
    lines = [line if line and not _is_junk(line) else "" for line in lines]
    width = _typical_width(lines)
    out: list[tuple[str, str]] = []
    block: list[str] = []

    def flush():
        if block:
            joined = _join(block)
            block.clear()
            if joined:
                out.append(("text", joined))

    for i, line in enumerate(lines):
        if not line:
            # PDF text often has blank lines (or a page number) inside a paragraph: keep going when
            # the block stopped mid-sentence and the text goes on in lower case.
            if block and not block[-1].endswith(_CLOSING) and _next_nonblank(lines, i)[:1].islower():
                continue
            flush()
            continue
        bullet = _BULLET.match(line)
        if bullet and bullet.end() < len(line):
            flush()
            block.append(line[bullet.end():])  # a list item is never a heading
            continue
        if block and _starts_new_paragraph(block[-1], line, width):
            flush()
        if not block and _is_heading(line, _next_nonblank(lines, i), width):
            out.append(("heading", line))
            continue
        block.append(line)
    flush()
    return out


def _clean_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _typical_width(lines: list[str]) -> int:
    """Length of a full text line on this page (upper quartile of line lengths).

    With only a few lines the estimate is unreliable, so it is not allowed below a common full-width
    line of a PDF page (80 characters).
    """
    lengths = sorted(len(line) for line in lines if len(line) > 20)
    if not lengths:
        return 80
    width = lengths[(3 * len(lengths)) // 4]
    return max(width, 80) if len(lengths) < 8 else width


def _next_nonblank(lines: list[str], i: int) -> str:
    for line in lines[i + 1 : i + 5]:
        if line:
            return line
    return ""


def _is_junk(line: str) -> bool:
    """Page numbers, rows of figures, dot leaders, lone symbols: nothing a reader would call text."""
    letters = _letter_count(line)
    if letters < 2:
        return True
    return letters / _visible_count(line) < 0.4


def _is_heading(line: str, nxt: str, width: int) -> bool:
    """A short line without closing punctuation, followed by a capitalised line (or nothing)."""
    if line.endswith(_CLOSING) or line.endswith(","):
        return False
    words = line.split()
    if len(words) > 12 or len(line) > 0.7 * width:
        return False
    return not nxt or nxt[0].isupper() or nxt[0].isdigit() or bool(_BULLET.match(nxt))


def _starts_new_paragraph(previous: str, line: str, width: int) -> bool:
    """The previous line stopped well before the margin and this one starts with a capital.

    Wrapped lines run to the margin; a short line is the end of a paragraph, a list item or a
    heading, whatever its punctuation.
    """
    if not line[:1].isupper():
        return False
    if previous.endswith((".", "!", "?", ":")):
        return len(previous) < 0.6 * width
    return len(previous) < 0.6 * width and not previous.endswith((",", ";", "-", "&", "/"))


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text += line  # hyphenated across lines: keep the hyphen, drop the break
        else:
            text += " " + line
    return text.strip()


# --- step 2: blocks to sentences ---------------------------------------------------------------------


def _cut(block: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(block):
        end = m.start() + len(m.group().rstrip())
        if _ends_sentence(block[start:end], block[m.end():]):
            pieces.append(block[start:end].strip())
            start = m.end()
    pieces.append(block[start:].strip())
    out: list[str] = []
    for piece in pieces:
        out.extend(_limit_length(piece))
    return [p for p in out if p]


def _ends_sentence(before: str, after: str) -> bool:
    if not before.rstrip().endswith((".", ".\"", ".'", ".\u201d", ".\u2019", ".)", ".]")):
        return True  # "!" and "?" always end a sentence
    words = before.rsplit(None, 1)
    token = words[-1].lower().strip("(\"'\u201c\u2018[]\u201d\u2019)").rstrip(".") if words else ""
    if token in _NEVER_FINAL:
        return False
    if token in _BEFORE_NUMBER and after[:1].isdigit():
        return False
    if len(token) == 1 and token.isalpha():
        return False  # an initial ("J. Smith") or a list letter
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return False  # "U.S.", "a.m." and other dotted abbreviations
    return True


def _limit_length(piece: str) -> list[str]:
    words = piece.split()
    if len(words) <= MAX_WORDS:
        return [piece]
    # Prefer cutting at semicolons; otherwise fixed-size chunks (a flattened list or table).
    parts = [p.strip() for p in re.split(r"(?<=;)\s+", piece) if p.strip()]
    if all(len(p.split()) <= MAX_WORDS for p in parts) and len(parts) > 1:
        return parts
    size = MAX_WORDS // 2
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|io|net|pdf|html?)\S*", re.IGNORECASE)


def _is_sentence(piece: str) -> bool:
    piece = _URL.sub(" ", piece)  # a line of links is not a sentence
    words = _WORD.findall(piece)
    if len(words) < MIN_WORDS:
        return False
    return _letter_count(piece) / max(_visible_count(piece), 1) >= 0.6


_NOT_LETTER = re.compile(r"[\W\d_]+")
_WHITESPACE = re.compile(r"\s+")


def _letter_count(text: str) -> int:
    return len(_NOT_LETTER.sub("", text))


def _visible_count(text: str) -> int:
    return len(_WHITESPACE.sub("", text))


def _norm_title(title: str) -> str:
    return re.sub(r"[\W_]+", " ", title.lower()).strip()


def _page_sections(sections, page_number: int, blocks) -> tuple[str | None, dict[int, str]]:
    """The section open at the top of the page, and the heading blocks where a new one starts.

    Sections starting on this page are matched, in document order, to heading lines equal to their
    title (so a table of contents, "Token 12", does not match). Text before the first matched heading
    belongs to the section already open from earlier pages; when there is none, to a section starting
    on this page whose heading was not found before it (it likely starts at the top), else to none.
    """
    starting = [s for s in sections if s.page_start == page_number and s.title]
    switches: dict[int, str] = {}
    first_matched = len(starting)
    k = 0
    for i, (kind, text) in enumerate(blocks):
        if kind != "heading" or k >= len(starting):
            continue
        norm = _norm_title(text)
        for j in range(k, len(starting)):
            if _norm_title(starting[j].title) == norm:
                switches[i] = starting[j].title
                first_matched = min(first_matched, j)
                k = j + 1
                break
    open_before = None
    for s in sections:
        if s.page_start < page_number <= s.page_end and (open_before is None or s.level >= open_before.level):
            open_before = s
    if open_before is not None:
        return open_before.title, switches
    unmatched_first = starting[:first_matched]
    return (unmatched_first[0].title if unmatched_first else None), switches

"""Token terms and claims that a paper states only in a picture (a term-sheet infographic), by OCR.

Some papers give their key sale terms ("Hard cap EUR 14,820,000", "Maximum number of tokens
650,000,000", "team tokens locked for 24 months") only as an infographic: the text layer is silent
there, so the terms and claims engines abstain. :func:`fill_from_figures` picks a few candidate
figures cheaply (pictures on pages whose text speaks of the token sale / token details / key terms /
token metrics / hard cap, then one page that is only a big picture; at most ``MAX_PAGES`` pages a
paper), OCRs them with Tesseract
(:func:`ico_lens.paper.tokenomics.ocr.figure_crops`, :func:`~ico_lens.paper.tokenomics.ocr.read_crops`), drops the OCR of diagrams (boxes and arrows read
as junk), appends the OCR text to a copy of those pages,
runs the same :func:`~ico_lens.paper.tokenomics.terms.extract_terms` and
:func:`~ico_lens.paper.tokenomics.claims.detect_claims` on that copy, and fills ONLY the terms and
claims the text layer left empty, when the value's evidence comes from the OCR text. Everything filled
this way is marked: the quote starts "(figure, OCR)", confidence is lowered, the claim's ``rule`` ends
in "+OCR".

Library use::

    from ico_lens.paper.tokenomics.figure_text import fill_from_figures
    filled = fill_from_figures(document, facts.terms, facts.claims)   # ["total_supply", "claims.hard_cap"]
"""

from __future__ import annotations

import dataclasses
import re

from ico_lens.paper.records import Document
from ico_lens.records import Evidence

#: at most this many pages are OCR'd per paper (cost stays bounded: ~1-3 s a page)
MAX_PAGES = 4
#: on a page that speaks of the sale's terms, a picture covering this share of the page is read (a
#: term sheet can be a small table picture under its heading; logos and icons are smaller)
MIN_TERMS_FIGURE_SHARE = 0.05
#: a page whose text layer is shorter than this (characters) and whose largest picture covers this
#: share of it is "only a picture" (a full-page infographic has no heading in the text layer)
PICTURE_PAGE_TEXT = 150
PICTURE_PAGE_SHARE = 0.4
#: at most this many such pages are OCR'd per paper (they are many: covers, photos, roadmaps)
MAX_PICTURE_PAGES = 1
#: fewer letters/digits than this from a large figure: OCR is tried once more in another mode
NEARLY_EMPTY = 20
#: OCR'd values are less sure than text-layer ones
CONFIDENCE_FACTOR = 0.6

#: words that say a page is about the sale's terms
TERM_SHEET_RE = re.compile(
    r"\btoken\s+(?:sale|details|metrics|terms|economics|summary|info(?:rmation)?|distribution|generation|offering)\b"
    r"|\bkey\s+(?:terms|facts|figures|metrics)\b|\bhard\s*-?\s*cap\b|\bcrowd\s?sale\b|\bICO\s+(?:details|terms|summary)\b"
    r"|\btokenomics\b|\bsale\s+(?:details|terms|structure)\b|\btotal\s+supply\b",
    re.I,
)

#: the terms filled from a figure (GOLD.md field, TokenTerms attribute)
TERM_FIELDS = (("token_symbol", "symbol"), ("token_standard", "standard"), ("total_supply", "total_supply"))
#: claims filled from a figure: those a term sheet states in so many words
CLAIM_FIELDS = ("hard_cap", "token_price", "supply_fixed", "team_vesting", "team_vesting_months",
                "transfers_locked_until_sale_end", "unsold_tokens")


def candidate_pages(document: Document, max_pages: int = MAX_PAGES) -> list[int]:
    """Pages worth OCR'ing, best first.

    First the pages whose text speaks of the sale's terms (a term sheet's heading or caption) and hold
    a picture of some size, those with the least text first; then, while there is room, at most
    ``MAX_PICTURE_PAGES`` pages that are (almost) only a big picture in the paper's second half, where
    the sale terms usually are (covers, team photos and roadmaps come earlier and read as nothing)."""
    about_terms: list[tuple[int, float, int]] = []
    pictures: list[tuple[float, int]] = []
    for page in document.pages:
        figures = [f for f in document.figures if f.page == page.number]
        if not figures:
            continue
        area = page.width * page.height or 1.0
        largest = max(f.area for f in figures) / area
        text = (page.text or "").strip()
        if TERM_SHEET_RE.search(text) and largest >= MIN_TERMS_FIGURE_SHARE:
            about_terms.append((len(text), -largest, page.number))
        elif (len(text) < PICTURE_PAGE_TEXT and largest >= PICTURE_PAGE_SHARE and page.number > 1
              and page.number >= document.page_count / 2):
            pictures.append((-largest, page.number))
    chosen = [n for _, _, n in sorted(about_terms)][:max_pages]
    room = min(MAX_PICTURE_PAGES, max_pages - len(chosen))
    return chosen + [n for _, n in sorted(pictures)][: max(0, room)]


#: a word Tesseract read as a word: two letters/digits or more, little punctuation around it
_WORD_RE = re.compile(r"[\W]*[A-Za-z0-9€$£%][\w.,:%€$£/'’&+-]+[\W]*")
#: a line is read when this share of its tokens are words; a figure when this share of its lines are
CLEAN_LINE = 0.6
CLEAN_FIGURE = 0.75


def _word_share(line: str) -> float:
    tokens = line.split()
    words = [t for t in tokens if _WORD_RE.fullmatch(t) and sum(c.isalnum() for c in t) >= 2]
    return len(words) / max(1, len(tokens))


def _clean_ocr(text: str) -> str:
    """The readable lines of one figure's OCR text; "" for a diagram (boxes and arrows read as strings
    of one-letter junk, whose few words would make sentences the picture never says)."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    clean = [line for line in lines if _word_share(line) >= CLEAN_LINE]
    if not lines or len(clean) / len(lines) < CLEAN_FIGURE:
        return ""
    return "\n".join(clean)


def ocr_pages(document: Document, numbers: list[int]) -> dict[int, str]:
    """OCR text of the large figures on each page (pages where OCR fails are left out)."""
    from ico_lens.paper.tokenomics.ocr import figure_crops, read_crops

    out: dict[int, str] = {}
    for number in numbers:
        try:
            crops = figure_crops(document, number, min_share=MIN_TERMS_FIGURE_SHARE)
            texts = read_crops(crops)
            if sum(c.isalnum() for t in texts for c in t) < NEARLY_EMPTY:
                # a ruled term sheet: the grid lines can hide the whole block from one-block mode (6);
                # mode 4 (a column of rows) reads it
                texts = read_crops(crops, psm=4)
        except Exception:  # a PDF pdfium cannot render again, Tesseract failing: no OCR for this page
            continue
        text = "\n".join(t for t in (_clean_ocr(t) for t in texts) if t)
        if text:
            out[number] = text
    return out


def with_figure_text(document: Document, texts: dict[int, str]) -> Document:
    """A copy of ``document`` whose OCR'd pages carry the figure's text after their own."""
    pages = []
    for page in document.pages:
        extra = texts.get(page.number)
        if extra:
            page = dataclasses.replace(page, text=(page.text or "") + "\n" + extra, words=[], layout_analyzed=False)
        pages.append(page)
    return dataclasses.replace(document, pages=pages, tables=list(document.tables))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def _from_figure(evidence: list[Evidence], document: Document, texts: dict[int, str]) -> bool:
    """True when the evidence quotes the OCR text: its page was OCR'd and its quote is not in the
    page's text layer."""
    if not evidence:
        return False
    for e in evidence:
        if e.page not in texts or not e.quote:
            return False
        quote = _norm(e.quote).strip(". '\"")
        original = _norm(document.page(e.page).text)
        if quote and quote in original:
            return False
    return True


def _mark(evidence: list[Evidence]) -> list[Evidence]:
    # the mark goes in the quote: GOLD.md's evidence strings ("p.21: '...'") keep no reason
    return [dataclasses.replace(e, quote=("(figure, OCR): " + (e.quote or ""))[:200]) for e in evidence]


def fill_from_figures(document: Document, terms, claims: dict, *, max_pages: int = MAX_PAGES,
                      texts: dict[int, str] | None = None) -> list[str]:
    """Fill, in place, the terms and claims that the text layer left empty and a term-sheet picture
    states. Returns the filled fields ("total_supply", "claims.hard_cap"). ``texts`` (page -> OCR text)
    skips the OCR (tests, callers that already have it)."""
    from ico_lens.paper.tokenomics.claims import detect_claims
    from ico_lens.paper.tokenomics.terms import extract_terms

    missing_terms = [(f, a) for f, a in TERM_FIELDS if getattr(terms, a) is None]
    missing_claims = [c for c in CLAIM_FIELDS if claims.get(c) is None]
    if not missing_terms and not missing_claims:
        return []
    if texts is None:
        if document.kind != "pdf":
            return []
        texts = ocr_pages(document, candidate_pages(document, max_pages))
    if not texts:
        return []
    augmented = with_figure_text(document, texts)
    new_terms = extract_terms(augmented)
    filled: list[str] = []
    for field_name, attr in missing_terms:
        term = getattr(new_terms, attr)
        if term is None or not _from_figure(term.evidence, document, texts):
            continue
        setattr(terms, attr, dataclasses.replace(term, evidence=_mark(term.evidence),
                                                 confidence=round(term.confidence * CONFIDENCE_FACTOR, 2)))
        filled.append(field_name)
    # the claims read the terms of the whole paper: the text layer's, completed by the figure's
    merged = dataclasses.replace(new_terms, **{a: getattr(terms, a) for a in ("symbol", "standard", "total_supply")
                                               if getattr(terms, a) is not None})
    new_claims = detect_claims(augmented, merged, fallback=False)  # no learned guesses on OCR text
    for name in missing_claims:
        result = new_claims.get(name)
        if result is None or not _from_figure(result.evidence, document, texts):
            continue
        confidence = result.confidence if result.confidence is not None else 0.7
        claims[name] = dataclasses.replace(result, evidence=_mark(result.evidence), rule=(result.rule or name) + "+OCR",
                                           confidence=round(confidence * CONFIDENCE_FACTOR, 2))
        filled.append(f"claims.{name}")
    return filled


__all__ = ["candidate_pages", "ocr_pages", "with_figure_text", "fill_from_figures", "MAX_PAGES"]

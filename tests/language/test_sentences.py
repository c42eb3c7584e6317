"""The sentence splitter on white-paper-like text: wrapped lines, bullets, headings, tables.

``make_document`` builds ingestion records directly (no PDF needed); the other language tests use it.
"""

from __future__ import annotations

import pytest

from ico_lens.language.sentences import split_sentences, split_text
from ico_lens.paper.records import Document, DocumentStatus, Page, Section


def make_document(
    pages: list[str],
    *,
    sections: list[Section] | None = None,
    status: DocumentStatus = DocumentStatus.OK,
    language: str = "en",
    path: str = "paper.pdf",
) -> Document:
    return Document(
        path=path,
        content_id="0" * 64,
        kind="pdf",
        status=status,
        page_count=len(pages),
        pages=[Page(number=i + 1, width=595.0, height=842.0, text=t, char_count=len(t)) for i, t in enumerate(pages)],
        sections=sections or [],
        language=language,
    )


PAGE_1 = """\
Abstract
The AdEx team is building the next generation online ad exchange that is based on
blockchain technology. Our goal is to provide a more efficient, intuitive and transparent
advertising platform, e.g. for video publishers, i.e. the long tail.

Key features:
• Settlement in under 1.5 seconds for every campaign
• Low fees
- Transparent reporting for every advertiser
Token Distribution
Team 20% 1,000,000 2019
Crowdsale 60% 3,000,000 2018
12
"""

PAGE_2 = """\
Risks
AdEx Network Inc. is registered in Gibraltar under company No. 12345. See Fig. 3 for the
structure of the U.S. entity managed by J. Smith. Tokens may lose all of their value! Are
returns guaranteed? No, they are not. The price of ADX may be volatile and
"""

PAGE_3 = """\
could fall to zero if the project fails.
Roadmap
We plan to launch the exchange in Q3 2018.
"""


def texts(sentences):
    return [s.text for s in sentences]


def test_wrapped_lines_and_abbreviations_form_whole_sentences():
    got = texts(split_text(PAGE_1))
    assert got[0] == (
        "The AdEx team is building the next generation online ad exchange that is based on "
        "blockchain technology."
    )
    assert got[1] == (
        "Our goal is to provide a more efficient, intuitive and transparent advertising platform, "
        "e.g. for video publishers, i.e. the long tail."
    )


def test_bullets_are_items_and_headings_tables_numbers_are_skipped():
    got = texts(split_text(PAGE_1))
    assert "Settlement in under 1.5 seconds for every campaign" in got
    assert "Transparent reporting for every advertiser" in got
    assert not any("Abstract" in s or "Token Distribution" in s for s in got)
    assert not any("1,000,000" in s or s == "12" for s in got)
    assert "Low fees" not in got  # two words: a fragment, not a sentence


def test_inc_no_fig_initials_do_not_split_but_questions_do():
    got = texts(split_text(PAGE_2))
    assert got[0] == "AdEx Network Inc. is registered in Gibraltar under company No. 12345."
    assert got[1] == "See Fig. 3 for the structure of the U.S. entity managed by J. Smith."
    assert got[2] == "Tokens may lose all of their value!"
    assert got[3] == "Are returns guaranteed?"
    assert got[4] == "No, they are not."


def test_document_pages_sections_and_sentence_across_page_break():
    doc = make_document(
        [PAGE_1, PAGE_2, PAGE_3],
        sections=[
            Section("Abstract", 1, 1, 1),
            Section("Risks", 1, 2, 3),
            Section("Roadmap", 1, 3, 3),
        ],
    )
    sentences = split_sentences(doc)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    first = sentences[0]
    assert (first.page, first.section) == (1, "Abstract")
    broken = [s for s in sentences if s.text.startswith("The price of ADX")]
    assert len(broken) == 1
    assert broken[0].text.endswith("could fall to zero if the project fails.")
    assert (broken[0].page, broken[0].section) == (2, "Risks")
    last = sentences[-1]
    assert last.text == "We plan to launch the exchange in Q3 2018."
    assert (last.page, last.section) == (3, "Roadmap")


def test_running_header_repeated_on_pages_is_dropped():
    header = "GBX Token Sale Whitepaper Limited Edition"
    pages = [f"{header}\nThe platform settles trades on chain within one block.\n" for _ in range(4)]
    got = texts(split_sentences(make_document(pages)))
    assert header not in got
    assert got.count("The platform settles trades on chain within one block.") == 4


def test_empty_and_symbol_only_pages_give_no_sentences():
    assert split_sentences(make_document(["", "   \n\n", "1 2 3\n— • —\n"])) == []


@pytest.mark.shared
def test_real_papers_split_into_plausible_sentences(shared_dir):
    paths = sorted((shared_dir / "icobase" / "texts").glob("*.txt"))[:15]
    sentences = []
    for path in paths:
        sentences += split_text(path.read_text(errors="replace"))
    assert len(sentences) > 3000
    lengths = sorted(len(s.text.split()) for s in sentences)
    assert 10 <= lengths[len(lengths) // 2] <= 30  # median sentence length of prose
    starts_lower = sum(s.text[:1].islower() for s in sentences) / len(sentences)
    assert starts_lower < 0.08

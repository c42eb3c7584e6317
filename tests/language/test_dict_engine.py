"""The LIWC-style engine and the LIWC .dic / .dicx readers."""

from __future__ import annotations

import pytest

from ico_lens.language.dictionaries import (
    DicFormatError,
    Dictionary,
    Lexicon,
    Unit,
    format_dic,
    parse_dic,
    read_dic,
    tokenize,
)

LIWC_STYLE = """\
%
1\trisk
2\thype
03\tfuture\t(Future focus)
%
risk*\t1
risky\t1 2
risk management\t1
guarantee*\t2
no guarantee\t1
will\t03
moon\t2
going to\t3
like\t02 134 (02 134)126/253
"""


@pytest.fixture()
def dic_path(tmp_path):
    path = tmp_path / "crypto.dic"
    path.write_text(LIWC_STYLE, encoding="utf-8")
    return path


def test_read_dic_categories_words_stems_phrases(dic_path):
    d = read_dic(dic_path)
    assert d.name == "crypto" and d.prefix == "crypto."
    assert d.categories == ["risk", "hype", "future"]
    assert d.descriptions["future"] == "Future focus"
    assert d.stems["risk"] == {"risk"}
    assert d.words["risky"] == {"risk", "hype"}
    assert d.words["will"] == {"future"}  # id "03" resolves to category 3
    assert d.phrases[("no", "guarantee")] == {"risk"}
    assert d.phrases[("going", "to")] == {"future"}
    # LIWC2007 conditional codes are not applied; the line is reported, its plain ids are kept.
    assert d.words["like"] == {"hype"}
    assert any("like" in s and "conditional" in s for s in d.skipped)


def test_exact_word_beats_stem_and_longest_stem_wins():
    d = Dictionary("t")
    d.add("risk*", ["general"])
    d.add("riskless", ["hype"])
    d.add("riskmanag*", ["mgmt"])
    assert d.lookup("riskless") == (frozenset({"hype"}), "riskless")
    assert d.lookup("risks") == (frozenset({"general"}), "risk*")
    assert d.lookup("riskmanagement") == (frozenset({"mgmt"}), "riskmanag*")
    assert d.lookup("investor's")[0] == frozenset()
    d.add("investor", ["money"])
    assert d.lookup("investor's")[0] == {"money"}  # possessive tried without 's


def test_counts_phrases_once_and_rates_per_thousand(dic_path):
    lex = Lexicon([read_dic(dic_path, prefix="")])
    text = "There is no guarantee. Risky tokens will go to the moon, we are going to say. Risks!"
    tc = lex.count_text(text)
    assert tc.word_count == len(tokenize(text)) == 17
    # no guarantee -> risk (phrase), guarantee -> hype still counts (another category);
    # risky -> risk + hype; risks -> risk; will, going to -> future; moon -> hype
    assert tc.counts == {"risk": 3, "hype": 3, "future": 2}
    assert ("risk", "no guarantee") in tc.hits and ("future", "going to") in tc.hits
    scores = lex.score_text(text)
    assert scores.rates()["risk"] == pytest.approx(3 * 1000 / 17, abs=1e-3)


def test_tokenizer_words_apostrophes_hyphens_numbers():
    assert tokenize("Peer-to-peer ISN’T 1.5 ETH, it's 2018's") == ["peer", "to", "peer", "isn't", "eth", "it's", "s"]


def test_score_by_section_and_evidence_pages():
    d = Dictionary("t", prefix="t.")
    d.add("hack*", ["security"])
    d.add("lambo", ["hype"])
    lex = Lexicon([d])
    units = [
        Unit("Exchanges get hacked and wallets hacked again.", page=3, section="Risks"),
        Unit("Our token will buy you a lambo.", page=7, section="Token sale"),
        Unit("A hacker stole keys.", page=4, section="Risks"),
    ]
    scores = lex.score(units, keep_matches=2)
    assert scores.word_count == 7 + 7 + 4
    by_title = {s.title: s for s in scores.sections}
    assert by_title["Risks"].word_count == 11 and by_title["Risks"].counts["t.security"] == 3
    assert by_title["Risks"].page_start == 3
    assert by_title["Token sale"].counts == {"t.hype": 1}
    assert scores.matches["t.security"] == [("hacked", 3), ("hacked", 3)]  # capped at 2
    assert scores.words["t.security"] == {"hacked": 2, "hacker": 1}
    assert [u.counts.get("t.security", 0) for u in scores.units] == [2, 0, 1]


def test_phrase_with_stem_and_two_dictionaries_do_not_collide():
    a = Dictionary("a", prefix="a.")
    a.add("regulat* risk*", ["reg"])
    a.add("risk", ["neg"])
    b = Dictionary("b", prefix="b.")
    b.add("risk", ["neg"])
    lex = Lexicon([a, b])
    tc = lex.count_text("Regulatory risks and one more risk.")
    assert tc.counts == {"a.reg": 1, "a.neg": 1, "b.neg": 1}  # b has the exact word only
    assert lex.categories == ["a.reg", "a.neg", "b.neg"]


def test_dic_without_tabs_and_dicx(tmp_path):
    spaced = tmp_path / "spaced.dic"
    spaced.write_text("%\n1 pos\n2 neg\n%\ngood 1\nnot good 2\nbad* 2 \n", encoding="utf-8")
    d = read_dic(spaced)
    assert d.words["good"] == {"pos"} and d.phrases[("not", "good")] == {"neg"} and d.stems["bad"] == {"neg"}

    dicx = tmp_path / "liwc22.dicx"
    dicx.write_text("DicTerm,Risk,Hype\nrisk*,X,\nmoon,,X\nto the moon,,X\n", encoding="utf-8")
    d = read_dic(dicx)
    assert d.categories == ["Risk", "Hype"]
    assert d.stems["risk"] == {"Risk"} and d.phrases[("to", "the", "moon")] == {"Hype"}


def test_format_dic_round_trips(dic_path):
    d = read_dic(dic_path, prefix="")
    again = parse_dic(format_dic(d), name="again")
    assert again.words == d.words and again.stems == d.stems and again.phrases == d.phrases


@pytest.mark.parametrize(
    "content, message",
    [
        ("word\t1\n", "must start with a '%'"),
        ("%\n1\trisk\nrisk*\t1\n", "not closed"),
        ("%\n%\nrisk*\t1\n", "no categories"),
    ],
)
def test_malformed_dic_is_a_one_line_input_error(tmp_path, content, message):
    path = tmp_path / "bad.dic"
    path.write_text(content)
    with pytest.raises(DicFormatError) as info:
        read_dic(path)
    assert message in str(info.value) and str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_latin1_dic_is_read(tmp_path):
    path = tmp_path / "old.dic"
    path.write_bytes("%\n1\taffect\n%\ncaf\xe9\t1\nna\xefve*\t1\n".encode("cp1252"))
    d = read_dic(path)
    assert "café" in d.words and "naïve" in d.stems


def test_review_lists_the_words_that_make_a_category_fire(tmp_path, dic_path):
    from ico_lens.language.dictionaries.review import review

    paper = tmp_path / "paper.txt"
    paper.write_text(
        "Risky tokens carry risks for every buyer.\n\nThe risk of loss is real and the moon is far away.\n"
    )
    out = review([paper], Lexicon([read_dic(dic_path)]), categories=["crypto.risk"], examples=1)
    assert "crypto.risk: 3 hits" in out
    assert "risky 1/1d" in out and "risks 1/1d" in out and "risk 1/1d" in out
    assert "[risky] Risky tokens carry risks for every buyer." in out
    assert "crypto.hype" not in out


def test_review_command_prints_the_review(tmp_path, dic_path, capsys):
    from ico_lens.cli.review_dictionary import main

    paper = tmp_path / "paper.txt"
    paper.write_text("Risky tokens carry risks for every buyer.\n")
    assert main([str(paper), "--dic", str(dic_path), "--dictionaries", "", "--category", "crypto.risk"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 papers, 7 words") and "crypto.risk: 2 hits" in out

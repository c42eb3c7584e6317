"""LIWC-style dictionaries: the engine, LIWC ``.dic`` files, and the bundled word lists.

>>> from ico_lens.language.dictionaries import lexicon, read_dic
>>> lex = lexicon(["ico_lens", "lm"])               # bundled dictionaries
>>> scores = lex.score_text("Token prices may be volatile and the project may fail.")
>>> scores.rates()["risk_market_volatility"] > 0
True
>>> own = read_dic("LIWC22.dic")                    # doctest: +SKIP
>>> lex = lexicon(["ico_lens"], extra=[own])        # doctest: +SKIP
"""

from .bundled import BUNDLED, DEFAULT, harvard_iv4, ico_lens_dictionary, lexicon, load, loughran_mcdonald
from .dic import DicFormatError, format_dic, parse_dic, read_dic, write_dic
from .engine import Dictionary, Lexicon, Scores, TextCounts, Unit, iter_units, rates, tokenize

__all__ = [
    "BUNDLED",
    "DEFAULT",
    "DicFormatError",
    "Dictionary",
    "Lexicon",
    "Scores",
    "TextCounts",
    "Unit",
    "format_dic",
    "harvard_iv4",
    "ico_lens_dictionary",
    "iter_units",
    "lexicon",
    "load",
    "loughran_mcdonald",
    "parse_dic",
    "rates",
    "read_dic",
    "tokenize",
    "write_dic",
]

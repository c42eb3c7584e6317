"""``python -m ico_lens.cli.review_dictionary``: the words that make each dictionary category fire.

    python -m ico_lens.cli.review_dictionary PAPERS... [--dic FILE.dic] [--dictionaries ico_lens]
        [--category risk_liquidity] [--top 30] [--examples 3]

For each category: hits, rate per 1,000 words, and the most frequent matched words with
``count/documents``; ``--examples`` prints sentences where a category's top words matched, to judge
them (:func:`ico_lens.language.dictionaries.review.review`; docs/language-dictionaries.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from ico_lens.language.dictionaries import BUNDLED, lexicon, read_dic
    from ico_lens.language.dictionaries.review import review

    parser = argparse.ArgumentParser(
        prog="python -m ico_lens.cli.review_dictionary", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("papers", nargs="+", type=Path, help=".txt or .pdf papers")
    parser.add_argument("--dictionaries", default="ico_lens", help=f"bundled: {', '.join(BUNDLED)} (comma-separated)")
    parser.add_argument("--dic", action="append", default=[], help="a LIWC .dic/.dicx file (repeatable)")
    parser.add_argument("--category", action="append", default=[], help="only these categories")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--examples", type=int, default=0, help="example sentences per top word")
    args = parser.parse_args(argv)
    names = [n for n in args.dictionaries.split(",") if n]
    lex = lexicon(names, extra=[read_dic(p) for p in args.dic] or None)
    sys.stdout.write(review(args.papers, lex, categories=args.category, top=args.top, examples=args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())

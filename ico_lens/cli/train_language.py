"""``python -m ico_lens.cli.train_language``: train the shipped language models and write their cards.

Reproduces ``models/sentence_roles.json`` + ``.md`` and ``models/disclosure.json`` + ``.md`` through
:mod:`ico_lens.language.train` (offline; the disclosure detector needs ``../shared``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from ico_lens.language import datasets, train
    from ico_lens.language.heads import MODELS_DIR

    parser = argparse.ArgumentParser(prog="python -m ico_lens.cli.train_language", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("sentences", "disclosure"), help="train one model only")
    parser.add_argument("--out", default=str(MODELS_DIR), help=f"output directory (default {MODELS_DIR})")
    parser.add_argument("--shared", default=str(datasets.SHARED), help="the shared data directory")
    parser.add_argument("--repeats", type=int, default=5, help="repeats of the disclosure cross-validation")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.only in (None, "sentences"):
        train.train_sentence_roles(out)
    if args.only in (None, "disclosure"):
        shared = Path(args.shared)
        if not (shared / "icobase" / "labels.csv").is_file():
            print(f"{shared}: shared data not found; the disclosure detector needs it", file=sys.stderr)
            return 2
        train.train_disclosure(out, shared, repeats=args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())

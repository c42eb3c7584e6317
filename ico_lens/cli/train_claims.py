"""``python -m ico_lens.cli.train_claims``: train the claim-window fallback and write its model card.

Reproduces ``models/claim_sentences.json`` + ``.md`` through
:func:`ico_lens.paper.tokenomics.claim_training.train` (tune papers of ``../shared/splits.csv`` only).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from ico_lens.paper.tokenomics.claim_classifier import MODELS_DIR
    from ico_lens.paper.tokenomics.claim_training import train

    default_shared = Path(__file__).resolve().parents[3] / "shared"
    parser = argparse.ArgumentParser(prog="python -m ico_lens.cli.train_claims", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(MODELS_DIR), help=f"output directory (default {MODELS_DIR})")
    parser.add_argument("--shared", default=str(default_shared), help="the shared data directory (default ../shared)")
    parser.add_argument("--C", type=float, default=4.0, help="inverse L2 strength of the heads (default 4)")
    parser.add_argument("--min-precision", type=float, default=0.8,
                        help="out-of-fold precision a threshold must reach on rule-silent tune papers (default 0.8)")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "splits.csv").is_file():
        print(f"{shared}: shared data not found (splits.csv); the claim-sentence model needs it", file=sys.stderr)
        return 2
    train(shared, Path(args.out), C=args.C, min_precision=args.min_precision)
    return 0


if __name__ == "__main__":
    sys.exit(main())

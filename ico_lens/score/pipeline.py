"""The score as one call: a paper's records (and optionally its contract's) in, a
:class:`~ico_lens.score.records.ScoreReport` out.

>>> import ico_lens.paper, ico_lens.language
>>> paper = ico_lens.paper.analyse("paper.pdf")                                    # doctest: +SKIP
>>> report = score(paper.facts, ico_lens.language.analyse(paper.document))         # doctest: +SKIP
>>> report.score, report.grade, report.red_flags(3)                                # doctest: +SKIP

Nothing heavy is imported: stored records score as well as fresh ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ico_lens.score import components
from ico_lens.score.features import paper_features
from ico_lens.score.records import ScoreReport
from ico_lens.score.reference import Reference, load_reference
from ico_lens.score.weights import Weights

#: paper statuses whose text cannot be scored: nothing read means nothing disclosed, not a risk found
UNSCORABLE = ("no_text_layer", "not_english")

if TYPE_CHECKING:
    from ico_lens.align.records import AlignmentReport
    from ico_lens.contract.records import ContractReport
    from ico_lens.language.records import LanguageProfile
    from ico_lens.paper.tokenomics.facts import PaperFacts


def score(
    facts: "PaperFacts",
    profile: "LanguageProfile | None" = None,
    *,
    contract: "ContractReport | None" = None,
    alignment: "AlignmentReport | None" = None,
    weights: Weights | None = None,
    reference: Reference | None = None,
    paper: str | None = None,
) -> ScoreReport:
    """Score the paper's ``facts`` and language ``profile``; with an ``alignment`` report (of the paper
    against ``contract``), its findings too. ``weights`` default to the documented table,
    ``reference`` to the shipped percentiles; ``paper`` names the paper (its path) in the report."""
    weights = weights or Weights.default()
    reference = reference or load_reference()
    features = paper_features(facts, profile)
    parts = [
        components.disclosure(facts, profile, weights),
        components.allocation(facts, features, reference, weights),
        components.language(profile, features, reference, weights),
        components.alignment(alignment, contract, weights),
    ]
    ref = facts.ref.merge(alignment.ref if alignment is not None else None)
    return ScoreReport(
        ref=ref,
        paper=paper or facts.slug,
        components=parts,
        status=facts.status,
        allocation=facts.main_allocation,
        use_of_funds=facts.main_use_of_funds,
        alignment=alignment,
        contract=alignment.contract if alignment is not None else None,
        weights=dict(weights.points),
        weights_source=weights.source,
        reference=reference.source,
        warnings=_warnings(facts, profile),
    )


def _warnings(facts, profile) -> list[str]:
    warnings = []
    if facts.status != "ok":
        warnings.append(f"paper status {facts.status}: the text read is incomplete, the score is less certain")
    if profile is not None and profile.backends.get("disclosures") == "dictionary":
        warnings.append("disclosures found by keywords (the models were not used)")
    return warnings

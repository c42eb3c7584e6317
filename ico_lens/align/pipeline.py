"""The alignment stage as one call: a paper's facts and a contract's report in, an
:class:`~ico_lens.align.records.AlignmentReport` out.

>>> from ico_lens.align import align
>>> report = align(paper_report.facts, contract_report, document=paper_report.document)   # doctest: +SKIP
>>> report.summary["contradicted"], report.finding("supply_fixed").verdict                 # doctest: +SKIP
(1, 'contradicted')

Every registered rule (:mod:`ico_lens.align.rules`) runs on records only, so this module imports
nothing heavy: stored records read back from JSON align as well as fresh ones.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ico_lens.align.records import AlignmentReport
from ico_lens.align.rules import AlignmentInputs, registered
from ico_lens.records import Evidence

if TYPE_CHECKING:  # the records only, for the signature
    from ico_lens.chain.records import ChainState
    from ico_lens.contract.records import ContractReport
    from ico_lens.language.records import LanguageProfile
    from ico_lens.paper.records import Document
    from ico_lens.paper.tokenomics.facts import PaperFacts

#: the GOLD.md claims the rules check (a paper stating none of them, nor a supply or an allocation,
#: has nothing to align)
CHECKED_CLAIMS = ("supply_fixed", "unsold_tokens", "burn_mechanism", "team_vesting", "transfers_locked_until_sale_end",
                  "governance_rights", "oracle")


def align(
    paper: "PaperFacts",
    contract: "ContractReport | None",
    *,
    profile: "LanguageProfile | None" = None,
    chain: "ChainState | None" = None,
    document: "Document | None" = None,
) -> AlignmentReport:
    """Set what ``paper`` claims against what ``contract`` (its code facts) and ``chain`` show.

    ``chain`` defaults to the contract report's (read with ``--rpc``). The disclosure rules look for
    the sentences telling investors about a power in the paper's ``document`` when given, in the
    language ``profile``'s sentences and in the facts' own evidence. ``contract=None`` makes every claim
    unverifiable (no source) and finds no powers.
    """
    if chain is None and contract is not None:
        chain = contract.chain
    facts = contract.facts if contract is not None else None
    inputs = AlignmentInputs(paper=paper, facts=facts, chain=chain, profile=profile,
                             statements=paper_statements(paper, profile, document))
    findings = [finding for rule in registered() for finding in rule(inputs).check()]
    ref = paper.ref.merge(contract.ref if contract is not None else (chain.ref if chain is not None else None))
    return AlignmentReport(
        ref=dataclasses.replace(ref, symbol=ref.symbol or paper.token_symbol),
        findings=findings,
        status=_status(paper, facts),
        paper=paper.slug,
        contract=_contract_label(contract, chain),
        chain_read=chain is not None,
        warnings=list(contract.warnings) if contract is not None and contract.facts is None else [],
    )


def paper_statements(paper: "PaperFacts", profile: "LanguageProfile | None" = None,
                     document: "Document | None" = None) -> list[Evidence]:
    """The paper's sentences as page + quote evidence, each once: the document's sentences when there is
    a document, else the profile's scored sentences and disclosure evidence, then the facts' own quotes."""
    found: dict[tuple[int, str], Evidence] = {}

    def add(page, quote):
        if page is not None and quote:
            found.setdefault((page, quote), Evidence.paper(page, quote))

    if document is not None:
        from ico_lens.paper.tokenomics.evidence import text_units

        for unit in text_units(document):
            add(unit.page, unit.text[:200])
    if profile is not None:
        for sentence in profile.sentences:
            add(sentence.page, sentence.text[:200])
        for evidence in (e for items in profile.disclosure_evidence.values() for e in items):
            add(evidence.page, evidence.quote)
    for result in paper.claims.values():
        for evidence in result.evidence:
            add(evidence.page, evidence.quote)
    return list(found.values())


def states_claims(paper: "PaperFacts") -> bool:
    """The paper states something the rules check: a claim, a total supply or an allocation."""
    allocation = paper.main_allocation
    return any(paper.claim(name) is not None for name in CHECKED_CLAIMS) or paper.total_supply is not None \
        or bool(allocation is not None and allocation.items)


def _status(paper: "PaperFacts", facts) -> str:
    if not states_claims(paper):
        return "no_claims"
    if facts is None:
        return "no_source"
    return "ok" if facts.status == "ok" else "no_token"


def _contract_label(contract, chain) -> str | None:
    if contract is not None:
        return contract.ref.address or contract.source.path
    return chain.address if chain is not None else None

"""Claims a white paper makes about its token, each with the sentence that supports it and its page.

Every claim is a small rule class in its own module (like a contract detector): ``NAME`` (the GOLD.md
field under ``claims``), ``DESCRIPTION``, ``CONFIDENCE``, the ``PATTERNS`` it looks for, and a
``_detect(document)`` returning a :class:`~.base.ClaimResult` or ``None`` when the paper is silent
(see :mod:`.base`), decorated with :func:`register`. The modules of this package are imported (and so
registered) by :func:`registered` the first time claims are detected, exactly as the contract detectors
are; ``ORDER`` keeps GOLD.md's order of the ``claims`` fields, and a rule that reads another claim
(``team_vesting_months`` reads ``team_vesting``) comes after it.

Adding a claim, here or in a plug-in module of one's own, is one file: a decorated
:class:`ClaimRule` subclass. Its field then appears in ``extract_facts(document).claims``, in
``PaperFacts.to_dict()["claims"]`` and in the evaluation's fields (:func:`claim_fields`).

The rules follow the labelling rules of ``corpus/GOLD.md``: a claim is only made where the paper
states it (``supply_fixed`` is true for "fixed", "capped", "maximum", "no further tokens", not for a
bare "total supply X"; ``governance_rights`` is false only where the paper denies such rights), and
statements that are hedged ("we are considering", "might") are not claims.

Library use::

    from ico_lens.paper.tokenomics.claims import detect_claims, CLAIM_RULES
    claims = detect_claims(document)
    claims["unsold_tokens"].value, claims["unsold_tokens"].evidence   # "burned", [p.43: '...']
"""

from __future__ import annotations

from ico_lens.paper.tokenomics.claims.base import (
    CLAIM_REGISTRY,
    ClaimResult,
    ClaimRule,
    TermClaim,
    evidence_at,
    register,
    unregister,
)


def registered() -> list[type[ClaimRule]]:
    """Every registered claim rule, in the order they run (this package's own are imported first)."""
    return CLAIM_REGISTRY.classes()


def claim_fields() -> list[str]:
    """The claim fields, in GOLD.md order (then registered ones): the registry's rule names."""
    return CLAIM_REGISTRY.names()


def detect_claims(document, terms=None, *, fallback: bool = True) -> dict[str, ClaimResult]:
    """Run every registered rule; returns only the claims the paper makes (silent ones are absent).

    With ``fallback`` (default), boolean claims the rules left unset are filled by the learned
    sentence classifier (:mod:`ico_lens.paper.tokenomics.claim_classifier`) where its calibrated
    confidence reaches its threshold; their ``rule`` is ``ClaimSentenceClassifier`` (it survives the
    JSON record, in ``claim_details``)."""
    # every rule's answer, silent ones as None: what later rules read as ``decided``
    decided: dict[str, ClaimResult | None] = {}
    for rule_class in registered():
        decided[rule_class.NAME] = rule_class(terms, decided=decided).detect(document)
    if fallback:
        from ico_lens.paper.tokenomics.claim_classifier import fill_unset_claims

        fill_unset_claims(document, decided)
    return {name: result for name, result in decided.items() if result is not None}


def __getattr__(name: str):
    # derived from the registry each time, so that a registered plug-in is in them
    if name == "CLAIM_RULES":
        return registered()
    if name == "CLAIM_FIELDS":
        return claim_fields()
    rule = next((r for r in registered() if r.__name__ == name), None)
    if rule is not None:  # the built-in rule classes by name (``from ...claims import SupplyFixed``)
        return rule
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ClaimResult", "ClaimRule", "TermClaim", "claim_fields", "detect_claims", "evidence_at",
    "register", "registered", "unregister",
]

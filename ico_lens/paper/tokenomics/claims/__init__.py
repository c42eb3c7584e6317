"""Claims a white paper makes about its token, each with the sentence that supports it and its page.

Every claim is a small rule class in its own module (like a contract detector): ``NAME`` (the GOLD.md
field under ``claims``), ``DESCRIPTION``, ``CONFIDENCE``, the ``PATTERNS`` it looks for, and a
``_detect(document)`` returning a :class:`~.base.ClaimResult` or ``None`` when the paper is silent
(see :mod:`.base`). :data:`CLAIM_RULES` lists them in the order of the GOLD.md ``claims`` fields; a rule
that reads another claim (``team_vesting_months`` reads ``team_vesting``) comes after it.

A claim from outside this package is one module: a :class:`ClaimRule` subclass decorated with (or
passed to) :func:`register`. Its field then appears in ``extract_facts(document).claims``, in
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

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, TermClaim, evidence_at
from ico_lens.paper.tokenomics.claims.burn_mechanism import BurnMechanism
from ico_lens.paper.tokenomics.claims.governance_rights import GovernanceRights
from ico_lens.paper.tokenomics.claims.hard_cap import HardCap
from ico_lens.paper.tokenomics.claims.oracle import Oracle
from ico_lens.paper.tokenomics.claims.supply_fixed import SupplyFixed
from ico_lens.paper.tokenomics.claims.team_vesting import TeamVesting
from ico_lens.paper.tokenomics.claims.team_vesting_months import TeamVestingMonths
from ico_lens.paper.tokenomics.claims.token_price import TokenPrice
from ico_lens.paper.tokenomics.claims.transfers_locked import TransfersLockedUntilSaleEnd
from ico_lens.paper.tokenomics.claims.unsold_tokens import UnsoldTokens

#: every claim rule, in the order of the GOLD.md ``claims`` fields (the order they run in)
CLAIM_RULES: list[type[ClaimRule]] = [
    SupplyFixed,
    UnsoldTokens,
    BurnMechanism,
    TeamVesting,
    TeamVestingMonths,
    TransfersLockedUntilSaleEnd,
    GovernanceRights,
    Oracle,
    HardCap,
    TokenPrice,
]


def register(rule: type[ClaimRule]) -> type[ClaimRule]:
    """Add a claim rule (after the built-in ones); returns it, so it can also decorate the class."""
    if not (isinstance(rule, type) and issubclass(rule, ClaimRule)) or not rule.NAME:
        raise ValueError(f"{rule!r} is not a ClaimRule subclass with a NAME")
    if rule.NAME in claim_fields():
        raise ValueError(f"a claim rule named {rule.NAME!r} is already registered")
    CLAIM_RULES.append(rule)
    return rule


def unregister(name: str) -> None:
    """Remove the rule of claim ``name`` (a plug-in's tests clean up with it)."""
    CLAIM_RULES[:] = [rule for rule in CLAIM_RULES if rule.NAME != name]


def claim_fields() -> list[str]:
    """The claim fields, in GOLD.md order (then registered ones): the registry's rule names."""
    return [rule.NAME for rule in CLAIM_RULES]


def __getattr__(name: str):
    # CLAIM_FIELDS is derived from the registry each time, so that a registered rule is in it
    if name == "CLAIM_FIELDS":
        return claim_fields()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def detect_claims(document, terms=None) -> dict[str, ClaimResult]:
    """Run every registered rule; returns only the claims the paper makes (silent ones are absent)."""
    # every rule's answer, silent ones as None: what later rules read as ``decided``
    decided: dict[str, ClaimResult | None] = {}
    for rule_class in CLAIM_RULES:
        decided[rule_class.NAME] = rule_class(terms, decided=decided).detect(document)
    return {name: result for name, result in decided.items() if result is not None}


__all__ = [
    "CLAIM_RULES", "ClaimResult", "ClaimRule", "TermClaim", "claim_fields", "detect_claims", "evidence_at",
    "register", "unregister", *(rule.__name__ for rule in CLAIM_RULES),
]

"""Alignment rules: one small class per claim or power, each in its own file, registered with
:func:`register` (see :mod:`ico_lens.align.rules.base`)."""

from __future__ import annotations

from ico_lens.align.rules.base import (
    ALIGNMENT_RULES, AlignmentInputs, AlignmentRule, ClaimAgainstFacts, PowerRule, register, unregister,
)


def registered() -> list[type[AlignmentRule]]:
    """Every registered rule, in the order they run (this package's own are imported first)."""
    return ALIGNMENT_RULES.classes()


__all__ = ["ALIGNMENT_RULES", "AlignmentInputs", "AlignmentRule", "ClaimAgainstFacts", "PowerRule", "register",
           "registered", "unregister"]

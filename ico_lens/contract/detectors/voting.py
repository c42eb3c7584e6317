"""voting: token holders can vote — a function records votes, proposals or voting power, weighted by or
gated on the caller's token balance.

What counts (judged from what the code does; the words only say what the record is *for*):

* an entry point of any contract of the file (the token, a DAO or a sale's refund/tap poll) that anyone
  may call (no owner/admin guard), that **reads a token balance** — the token's balance mapping, or a
  call to ``balanceOf`` / ``balanceOfAt`` (MiniMe snapshots) / ``getPriorVotes`` / ``getPastVotes``
  (ERC20Votes, Compound checkpoints) — as a weight or in a guard, and that **writes a record** to
  state other than the balances, the supply and the allowances (``proposals[id].yes += weight``,
  ``voted[msg.sender] = true``, vote checkpoints of a ``delegate()``);
* and whose name, record or emitted event speaks of votes or proposals (``vote``, ``ballot``,
  ``proposal``, ``poll``, ``quorum``, ``referendum``, ``DelegateVotesChanged``).

What does not: a function merely named ``vote`` that reads no balance or records nothing, one only an
owner can call, ERC-20's own functions (a Compound ``transfer`` moves voting power, but ``delegate`` is
the evidence). A token that keeps balance snapshots (``balanceOfAt``, ``getPriorVotes``) with no voting
function in the file is **null**: a voting contract elsewhere may read them, the file cannot show it.
A file without a token (or whose token keeps no balances, a proxy) where nothing votes is null too.
"""

from __future__ import annotations

import re
from typing import Any

from ico_lens.contract.detectors.base import NO_BALANCES, NO_TOKEN, FactDetector, Finding, functions_reached, register

#: calls that read a holder's (current or snapshot) token balance or voting weight
BALANCE_CALLS = frozenset({
    "balanceOf", "balanceOfAt", "getPriorVotes", "getPastVotes", "getVotes", "getCurrentVotes", "getVotesAt",
})
#: functions a token keeps for someone else's vote: balance snapshots or vote checkpoints
SNAPSHOT_FUNCTIONS = ("balanceOfAt", "getPriorVotes", "getPastVotes", "getVotesAt")
#: word stems of voting (matched on the words of camelCase / snake_case identifiers)
VOTE_STEMS = ("vot", "ballot", "propos", "poll", "quorum", "referend", "election", "elector")
#: ERC-20's functions: the token's plumbing, never the evidence of voting
ERC20_SIGNATURES = frozenset({
    "transfer(address,uint256)", "transferFrom(address,address,uint256)", "approve(address,uint256)",
    "totalSupply()", "balanceOf(address)", "allowance(address,address)",
})


def identifier_words(name: str) -> list[str]:
    """``"DelegateVotesChanged"`` -> ``["delegate", "votes", "changed"]``; ``"has_voted"`` -> ``["has", "voted"]``."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", name or ""))
    return [w.lower() for w in re.split(r"[\s_$]+", spaced) if w]


def speaks_of_voting(name: str) -> bool:
    return any(word.startswith(VOTE_STEMS) for word in identifier_words(name))


def _called_name(ir: Any) -> str | None:
    from slither.slithir.operations import HighLevelCall, InternalCall

    if isinstance(ir, HighLevelCall):
        return str(ir.function_name)
    if isinstance(ir, InternalCall):
        return getattr(ir.function, "name", None)
    return None


def _is_guard(node: Any) -> bool:
    from slither.core.cfg.node import NodeType

    return node.type == NodeType.IF or node.contains_require_or_assert()


@register
class VotingDetector(FactDetector):
    NAME = "voting"
    DESCRIPTION = ("A function anyone may call records votes, proposals or voting power weighted by or gated on "
                   "the caller's token balance (balanceOf, MiniMe balanceOfAt, vote checkpoints).")
    IMPACT = "informational"
    CONFIDENCE = "medium"
    ORDER = 130
    NEEDS_TOKEN = False  # a DAO contract of the file may read the token's balances
    NEEDS_BALANCES = False

    def _detect(self) -> list[Finding]:
        findings: list[Finding] = []
        for contract in self.model.contracts:
            records_excluded = self._plumbing_variables(contract)
            balances = self._balance_variables(contract)
            for entry in self._entry_points(contract):
                finding = self._voting(entry, balances, records_excluded)
                if finding is not None:
                    findings.append(finding)
            if findings:
                break  # one contract's voting is evidence enough
        if not findings:
            self.undecided = self._why_undecided()
        return findings[:3]

    # -- what a voting function does -------------------------------------------------------------
    def _voting(self, entry: Any, balances: set, excluded: set) -> Finding | None:
        from slither.slithir.operations import EventCall

        if entry.view or entry.pure or entry.solidity_signature in ERC20_SIGNATURES:
            return None
        if self.model.role_only(entry):
            return None  # only an owner/admin can run it: the holders do not vote
        balance_read = None  # (node, what, gated)
        record = None  # (node, function, variable)
        words = speaks_of_voting(entry.name)
        for function in functions_reached(entry):
            for node in function.nodes:
                read = [v for v in node.state_variables_read if v in balances]
                calls = [name for ir in node.irs if (name := _called_name(ir)) in BALANCE_CALLS]
                if (read or calls) and (balance_read is None or (_is_guard(node) and not balance_read[2])):
                    what = f"{calls[0]}()" if calls else read[0].name
                    balance_read = (node, what, _is_guard(node))
                for var in node.state_variables_written:
                    if var in balances or var in excluded:
                        continue
                    if record is None or (speaks_of_voting(var.name) and not speaks_of_voting(record[2].name)):
                        record = (node, function, var)
                    words = words or speaks_of_voting(var.name)
                if not words:
                    words = any(speaks_of_voting(str(ir.name)) for ir in node.irs if isinstance(ir, EventCall))
        if balance_read is None or record is None or not words:
            return None
        node, function, var = record
        how = "gated on" if balance_read[2] else "weighted by"
        return self.finding(
            f"{entry.name}() records {var.name}, {how} the holder's token balance ({balance_read[1]})", node, function
        )

    # -- the contract's balances and plumbing -----------------------------------------------------
    def _entry_points(self, contract: Any) -> list:
        from ico_lens.contract.analysis import entry_points_of

        if contract is self.model.token:
            return self.model.entry_points
        return entry_points_of(contract)

    def _balance_variables(self, contract: Any) -> set:
        from ico_lens.contract.analysis import balance_variables

        found = set(balance_variables(contract)) if contract.get_function_from_signature("balanceOf(address)") else set()
        token = self.model.token
        if token is not None and (contract is token or token in contract.inheritance or contract in token.inheritance):
            found |= self.model.balance_vars
        return found

    def _plumbing_variables(self, contract: Any) -> set:
        """The supply and what ``approve`` writes (allowances): token plumbing, not a vote's record."""
        from ico_lens.contract.analysis import supply_variables

        found = set(supply_variables(contract)) if contract.get_function_from_signature("totalSupply()") else set()
        if contract is self.model.token:
            found |= self.model.supply_vars
        approve = contract.get_function_from_signature("approve(address,uint256)")
        if approve is not None and approve.is_implemented:
            for function in functions_reached(approve):
                found |= set(function.state_variables_written)
        return found

    # -- why nothing could be decided --------------------------------------------------------------
    def _why_undecided(self) -> str | None:
        token = self.model.token
        if token is None:
            return NO_TOKEN + "; no contract of the file votes with a token balance"
        if not self.model.balance_vars:
            return NO_BALANCES
        for name in SNAPSHOT_FUNCTIONS:
            snapshot = next((f for f in token.functions if f.name == name and f.is_implemented), None)
            if snapshot is not None:
                return (f"the token keeps balance snapshots ({name}()) a voting contract outside this file may read; "
                        "no function of the file records votes")
        return None

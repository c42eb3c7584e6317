"""Typed records of the chain stage: what a token contract's on-chain state says.

Amounts are :class:`~ico_lens.records.TokenAmount` s: raw integers in the token's smallest unit (Python's
``json`` writes them exactly) with the decimals the contract reports. What was read carries
:meth:`Evidence.on_chain <ico_lens.records.Evidence.on_chain>` evidence (block and value). Nothing here
carries the RPC URL (it may contain a key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ico_lens.records import Evidence, ProjectRef, Record, TokenAmount


@dataclass
class GenesisRecipient(Record):
    """One address that received tokens in the genesis window."""

    address: str
    #: what the address gained in the window: received minus sent (for the deployer, plus the
    #: supply credited to it without a Transfer event)
    amount: TokenAmount
    #: share of all recipients' amounts, in percent (2 decimals)
    percent: float
    #: how many Transfer events credited it
    transfers: int
    #: True when at least one of them came from the zero address (a mint)
    minted: bool = False
    #: bytes of contract code at the address at the window's end (0: an account; None: not read)
    code_size: int | None = None
    #: the vesting / time-lock functions its code exposes (``release()``, ``releaseTime()`` ...): a
    #: contract holding tokens for someone until a time (see :data:`ico_lens.chain.state.VESTING_FUNCTIONS`)
    vesting_functions: list[str] = field(default_factory=list)

    @property
    def is_vesting_contract(self) -> bool:
        return bool(self.vesting_functions)


@dataclass
class GenesisDistribution(Record):
    """Who received tokens at or right after deployment, reconstructed from ``Transfer`` logs.

    "Right after" is the creation block and the ``window_blocks`` blocks that follow it
    (``window_end_block = creation_block + window_blocks``). Each address's amount is its net gain over
    the window (received minus sent), so tokens the deployer mints to itself and hands out are
    counted once, for the final holders. Supply credited in the constructor without a ``Transfer``
    event (``unlogged_supply``) is attributed to the deployer. Recipients are sorted by amount.
    """

    creation_block: int | None
    window_blocks: int
    window_end_block: int | None
    #: the creation transaction's sender, when the contract was created by a plain transaction
    deployer: str | None
    creation_tx: str | None
    recipients: list[GenesisRecipient] = field(default_factory=list)
    #: Transfer events read in the window
    transfers: int = 0
    #: sum of transfers from the zero address in the window
    minted: TokenAmount | None = None
    #: totalSupply at the end of the window (None when the node has no historical state)
    supply_at_window_end: TokenAmount | None = None
    #: supply that no Transfer event accounts for: typically credited in the constructor without an
    #: event (common in 2017 tokens), held by the deployer. None when unknown.
    unlogged_supply: TokenAmount | None = None
    definition: str = ""
    #: the creation (block and transaction) and the window's end supply read
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ChainState(Record):
    """Token facts read from a JSON-RPC node. A call that reverts or does not exist gives None."""

    #: the contract's chain id (the node's), address and symbol (when ``symbol()`` answers)
    ref: ProjectRef
    #: the block the reads were made at
    block_number: int
    code_present: bool
    code_size: int = 0
    total_supply: TokenAmount | None = None
    decimals: int | None = None
    name: str | None = None
    symbol: str | None = None
    owner: str | None = None
    paused: bool | None = None
    minting_finished: bool | None = None
    genesis: GenesisDistribution | None = None
    #: getter -> what the node returned for it (block and decoded value)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("address", "chain_id")

    @property
    def address(self) -> str:
        return self.ref.address or ""

    @property
    def chain_id(self) -> int:
        return self.ref.chain_id or 1

"""Typed records of the chain stage: what a token contract's on-chain state says.

Amounts are raw integers in the token's smallest unit (divide by ``10**decimals`` for tokens); Python's
``json`` writes them exactly. Nothing here carries the RPC URL (it may contain a key).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class GenesisRecipient:
    """One address that received tokens in the genesis window."""

    address: str
    #: raw units the address gained in the window: received minus sent (for the deployer, plus the
    #: supply credited to it without a Transfer event)
    amount: int
    #: share of all recipients' amounts, in percent (2 decimals)
    percent: float
    #: how many Transfer events credited it
    transfers: int
    #: True when at least one of them came from the zero address (a mint)
    minted: bool = False


@dataclass
class GenesisDistribution:
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
    minted: int = 0
    #: totalSupply at the end of the window (None when the node has no historical state)
    supply_at_window_end: int | None = None
    #: supply that no Transfer event accounts for: typically credited in the constructor without an
    #: event (common in 2017 tokens), held by the deployer. None when unknown.
    unlogged_supply: int | None = None
    definition: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class ChainState:
    """Token facts read from a JSON-RPC node. A call that reverts or does not exist gives None."""

    address: str
    chain_id: int
    #: the block the reads were made at
    block_number: int
    code_present: bool
    code_size: int = 0
    total_supply: int | None = None
    decimals: int | None = None
    name: str | None = None
    symbol: str | None = None
    owner: str | None = None
    paused: bool | None = None
    minting_finished: bool | None = None
    genesis: GenesisDistribution | None = None
    warnings: list[str] = field(default_factory=list)

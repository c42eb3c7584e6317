"""Typed records of the contract stage (fetching and compiling).

:class:`SourceBundle` is what every source (Etherscan, a ``.sol`` file, a directory of
``<address>.sol``) turns into; :mod:`ico_lens.contract.engine` compiles it and loads Slither on it.
The detectors' record (``CodeFacts``) lives in :mod:`ico_lens.contract.facts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Origin = Literal["etherscan", "file", "directory"]


@dataclass
class SourceBundle:
    """The verified source code of one contract address (or one local file), ready to compile.

    ``sources`` maps a path (e.g. ``"0xabc.sol"`` or ``"contracts/Token.sol"``) to its content. Paths
    are relative and use ``/``; a flattened single-file source has exactly one entry.
    """

    #: checksummed or lower-case ``0x`` address, or None for a local file without an address name
    address: str | None
    #: the file's/contract's sources: relative path -> Solidity text
    sources: dict[str, str]
    #: where the sources came from
    origin: Origin = "file"
    #: EVM chain id (1 = Ethereum mainnet)
    chain_id: int = 1
    #: the contract name Etherscan verified (the deployed contract), or None when unknown
    contract_name: str | None = None
    #: Etherscan's ``CompilerVersion`` (e.g. ``"v0.4.24+commit.e67f0147"``), or None when unknown
    compiler_version: str | None = None
    #: whether the optimizer was on when verified (None when unknown)
    optimizer_enabled: bool | None = None
    #: optimizer runs (None when unknown)
    optimizer_runs: int | None = None
    #: EVM version Etherscan lists (``"Default"`` means the compiler's default), or None
    evm_version: str | None = None
    #: remappings from a standard-JSON verification (``"prefix=target"``), if any
    remappings: list[str] = field(default_factory=list)
    #: Etherscan ABI (JSON text) when fetched, else None
    abi: str | None = None
    #: the implementation address when this address is a proxy Etherscan knows about, else None
    proxy: str | None = None
    #: the implementation's own bundle when ``proxy`` is set and it was fetched (analyse this one;
    #: report both addresses)
    implementation: "SourceBundle | None" = field(default=None, repr=False)
    #: licence string Etherscan lists (e.g. ``"MIT"``, ``"None"``), if known
    license: str | None = None
    #: human-readable notes about how the bundle was obtained (relaxed pragma, proxy followed, ...)
    warnings: list[str] = field(default_factory=list)
    #: where the bundle came from on disk (a file or directory path), if local
    path: str | None = None

    @property
    def main_path(self) -> str:
        """The path of the first (for flattened files: the only) source."""
        return next(iter(self.sources))

    @property
    def text(self) -> str:
        """All sources joined (handy for regex checks over a flattened file)."""
        return "\n".join(self.sources.values())

    @property
    def label(self) -> str:
        """A short name for messages: the address, else the file path."""
        return self.address or self.path or self.main_path

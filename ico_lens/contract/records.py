"""Typed records of the contract stage: the source, the code facts, the whole report.

:class:`SourceBundle` is what every source (Etherscan, a ``.sol`` file, a directory of
``<address>.sol``) turns into; :mod:`ico_lens.contract.engine` compiles it and loads Slither on it;
:func:`ico_lens.contract.facts.derive_facts` makes :class:`CodeFacts` of it, and
:func:`ico_lens.contract.analyse` assembles the :class:`ContractReport`. This module imports no
Slither: a reader of stored records needs only the standard library::

    report = ContractReport.from_dict(json.loads(text))
    report.facts.burnable, report.facts.evidence["burnable"][0].reason
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ico_lens.chain.records import ChainState
from ico_lens.records import Evidence, ProjectRef, Record, TokenAmount

Origin = Literal["etherscan", "file", "directory"]

#: why CodeFacts has null facts: the source implements no ERC-20 token (only a sale, vesting ...);
#: the token keeps no balances in the file (a proxy to an outside platform)
Status = Literal["ok", "no_token", "no_balances"]


@dataclass
class SourceBundle(Record):
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


@dataclass
class Role(Record):
    """A privileged role (an address or mapping checked against ``msg.sender``) and what it can call."""

    name: str
    functions: list[str] = field(default_factory=list)


@dataclass
class Erc20Function(Record):
    signature: str
    present: bool
    returns: str | None  # the declared return type, e.g. "bool"; None when absent/none
    conforms: bool


@dataclass
class Erc20Conformance(Record):
    """ERC-20 functions (with their return types), events and optional getters of the token."""

    functions: list[Erc20Function] = field(default_factory=list)
    events: dict[str, bool] = field(default_factory=dict)
    optional: dict[str, bool] = field(default_factory=dict)  # name, symbol, decimals

    @property
    def conforms(self) -> bool:
        return all(f.conforms for f in self.functions) and all(self.events.values())


@dataclass
class DetectorInfo(Record):
    """The rule that decided a fact: what it looks for, what the fact means for a holder, how sure it is."""

    description: str = ""
    #: "high" | "medium" | "low" | "informational"
    impact: str = "informational"
    #: in [0, 1] (see :func:`ico_lens.records.confidence_value`)
    confidence: float = 0.7


@dataclass
class CodeFacts(Record):
    """What one token contract's code can do, with GOLD.md's field names.

    The boolean facts are those of the registered detectors (:mod:`ico_lens.contract.detectors`), kept
    in ``verdicts`` and read as attributes (``facts.burnable``); the JSON writes them at the top level.
    Every non-null fact has ``evidence`` (code evidence whose ``reason`` says why); every null fact
    has a reason in ``undetermined``. ``detectors`` lists the rule behind each boolean fact.
    """

    ref: ProjectRef = field(default_factory=ProjectRef)
    token_contract: str | None = None
    pragma: str | None = None
    decimals: int | None = None
    #: minted at deployment (raw units; an ``expression`` when set from constructor arguments)
    initial_supply: TokenAmount | None = None
    #: a hard maximum minting cannot pass
    cap: TokenAmount | None = None
    #: the hard cap of a sale in the file (:mod:`ico_lens.contract.sale`): ether (18 decimals) or tokens
    sale_cap: TokenAmount | None = None
    #: "ETH" or "tokens"
    sale_cap_unit: str | None = None
    #: boolean fact -> verdict (None: the file cannot show it), in the detectors' order
    verdicts: dict[str, bool | None] = field(default_factory=dict)
    #: fact -> evidence (file, contract, function, line, code, reason), up to three per fact
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: null fact -> why it is null
    undetermined: dict[str, str] = field(default_factory=dict)
    detectors: dict[str, DetectorInfo] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    erc20: Erc20Conformance | None = None
    status: Status = "ok"
    notes: str = ""

    JSON_FLATTEN: ClassVar[dict[str, str | None]] = {"verdicts": "detectors"}

    def __getattr__(self, name: str) -> Any:
        # only reached when normal lookup fails: a boolean fact by its name (facts.burnable)
        if not name.startswith("_") and name != "verdicts":
            verdicts = self.__dict__.get("verdicts", {})
            if name in verdicts:
                return verdicts[name]
        raise AttributeError(f"{type(self).__name__} has no field or fact {name!r}")


@dataclass
class SourceSummary(Record):
    """How the analysed source was obtained."""

    origin: Origin = "file"
    #: the local file or directory, None for Etherscan
    path: str | None = None
    contract_name: str | None = None
    compiler_version: str | None = None
    optimizer: bool | None = None
    runs: int | None = None
    license: str | None = None
    files: list[str] = field(default_factory=list)


@dataclass
class ProxyInfo(Record):
    """A proxy whose implementation was analysed (its storage, and the token, stay at ``address``)."""

    address: str | None
    implementation: str | None
    analysed: str | None


@dataclass
class CompileSummary(Record):
    solc_version: str
    #: "native" or "solcjs"
    compiler: str
    seconds: float
    contracts: list[str] = field(default_factory=list)


@dataclass
class ContractReport(Record):
    """Everything ``ico-lens contract`` reports on one address or file.

    The JSON has the code facts' keys (GOLD.md names) at the top level, then ``source``, ``proxy``,
    ``compile``, ``chain``, ``warnings``, with ``ref``, ``address``, ``chain_id`` and ``status``.
    """

    #: the requested address (for a proxy: the proxy, where the token lives) and chain
    ref: ProjectRef
    #: None when facts could not be derived (see ``warnings``)
    facts: CodeFacts | None
    source: SourceSummary
    proxy: ProxyInfo | None
    compile: CompileSummary
    chain: ChainState | None = None
    warnings: list[str] = field(default_factory=list)

    JSON_FLATTEN: ClassVar[dict[str, str | None]] = {"facts": None}
    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("address", "chain_id", "status")

    def to_dict(self) -> dict:
        data = super().to_dict()
        # the requested address and chain first, as ``ico-lens contract --json`` always printed them
        return {"address": data.pop("address"), "chain_id": data.pop("chain_id"), **data}

    @property
    def address(self) -> str | None:
        return self.ref.address

    @property
    def chain_id(self) -> int | None:
        return self.ref.chain_id

    @property
    def status(self) -> str:
        """The facts' status (``ok``, ``no_token``, ``no_balances``), ``no_facts`` without facts."""
        return self.facts.status if self.facts is not None else "no_facts"

    @property
    def symbol(self) -> str | None:
        """The token symbol: read on chain, else from the source."""
        chain_symbol = self.chain.symbol if self.chain is not None else None
        return chain_symbol or self.ref.symbol

"""The contract stage as one library call: :func:`analyse` a target, get a :class:`ContractReport`.

::

    from ico_lens.contract import analyse

    report = analyse("../shared/corpus/contracts/0xc12d099be31567add4e4e4d0d45691c3f58f5663.sol")
    report.facts.can_mint_after_deploy, report.compile.solc_version
    report.to_dict()      # the JSON of ``ico-lens contract --json``

A target is a contract address (its verified source is fetched from Etherscan, a proxy analysed
through its implementation), a ``.sol`` (or standard-JSON ``.json``) file, or ``DIR/ADDRESS`` for
``DIR/<address>.sol``. With ``rpc`` the token's on-chain state is read too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ico_lens.contract.records import CodeFacts, CompileSummary, ContractReport, ProxyInfo, SourceBundle, SourceSummary
from ico_lens.errors import IcoLensError, NotFound
from ico_lens.records import ProjectRef


def analyse(
    target: str | os.PathLike,
    *,
    chain_id: int = 1,
    source: str | os.PathLike | None = None,
    rpc: str | None = None,
    solc: str | None = None,
    follow_proxy: bool = True,
    use_cache: bool = True,
    genesis_blocks: int = 6500,
    timeout: float | None = None,
) -> ContractReport:
    """Load, compile and analyse ``target``; read its state from the node at ``rpc`` when given.

    ``source`` is a local file to use for the address ``target`` instead of Etherscan; ``solc`` forces
    a compiler version (used, or refused when not installed); ``timeout`` is in seconds per compile.
    Raises :class:`~ico_lens.errors.InputError` for bad input and another
    :class:`~ico_lens.errors.IcoLensError` for a failure (compile error, network).
    """
    from ico_lens.contract.engine import load

    bundle, client = load_bundle(target, chain_id=chain_id, source=source, follow_proxy=follow_proxy, use_cache=use_cache)
    analysed = bundle.implementation if (bundle.implementation is not None and follow_proxy) else bundle
    loaded = load(analysed, version=solc, timeout=timeout)
    facts = _derive_facts(loaded.slither, analysed)
    chain, warnings = None, []
    if rpc and bundle.address:
        from ico_lens.chain.state import read_state

        # the proxy's address: that is where the token's storage (and its users' balances) live
        chain = read_state(
            bundle.address, rpc_url=rpc, chain_id=chain_id, genesis_blocks=genesis_blocks,
            creation_block=_creation_block(client, bundle.address, chain_id),
        )
    elif rpc:
        warnings.append("no address known: on-chain state not read")
    # the report is about the requested address (for a proxy, the facts are its implementation's)
    ref = ProjectRef(chain_id=bundle.chain_id, address=bundle.address, symbol=facts.ref.symbol or (chain.symbol if chain else None))
    facts.ref = ref
    return ContractReport(
        ref=ref,
        facts=facts,
        source=_source_summary(bundle, analysed),
        proxy=ProxyInfo(bundle.address, bundle.proxy, analysed.address if analysed is not bundle else bundle.address)
        if bundle.proxy else None,
        compile=CompileSummary(
            solc_version=loaded.solc_version, compiler=loaded.compiler, seconds=round(loaded.seconds, 2),
            contracts=sorted({c.name for c in loaded.slither.contracts}),
        ),
        chain=chain,
        warnings=_warnings(bundle, analysed, loaded, chain) + warnings,
    )


def load_bundle(
    target: str | os.PathLike, *, chain_id: int = 1, source: str | os.PathLike | None = None, follow_proxy: bool = True,
    use_cache: bool = True,
) -> tuple[SourceBundle, Any]:
    """The source bundle of ``target`` and the Etherscan client that fetched it (None for local files)."""
    from ico_lens.contract.source import check_address, is_address, load_from_directory, load_source_file

    target = os.fspath(target).strip()
    if source:
        return load_source_file(source, address=check_address(target), chain_id=chain_id), None
    if is_address(target):
        from ico_lens.contract.etherscan import EtherscanClient

        client = EtherscanClient(use_cache=use_cache)
        return client.fetch_bundle(target, chain_id, follow_proxy=follow_proxy), client
    path = Path(target)
    if os.path.isdir(target):
        raise NotFound("is a directory: give DIR/ADDRESS to pick <ADDRESS>.sol in it", path=target)
    if not os.path.lexists(target):
        if is_address(path.name) and os.path.isdir(path.parent):
            return load_from_directory(path.parent, path.name, chain_id=chain_id), None
        if target.startswith("0x") and "/" not in target and not target.endswith((".sol", ".json")):
            check_address(target)  # raises BadAddress with the reason
    return load_source_file(path, chain_id=chain_id), None


def _creation_block(client: Any, address: str, chain_id: int) -> int | None:
    """The creation block from Etherscan when the source came from there (saves the eth_getCode
    bisection, which needs an archive node); None to let the chain stage find it."""
    if client is None:
        return None
    try:
        return client.get_contract_creation(address, chain_id).get("block_number")
    except IcoLensError:
        return None


def _derive_facts(slither: Any, bundle: SourceBundle) -> CodeFacts:
    """The detectors' verdicts; a fault inside a detector becomes one error naming the source."""
    from ico_lens.contract.facts import derive_facts

    try:
        return derive_facts(slither, bundle)
    except IcoLensError:
        raise
    except Exception as exc:
        if os.environ.get("ICO_LENS_DEBUG"):
            raise
        raise IcoLensError(f"code facts failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}",
                           path=bundle.label) from None


def _source_summary(bundle: SourceBundle, analysed: SourceBundle) -> SourceSummary:
    return SourceSummary(
        origin=bundle.origin,
        path=bundle.path,
        contract_name=analysed.contract_name,
        compiler_version=analysed.compiler_version,
        optimizer=analysed.optimizer_enabled,
        runs=analysed.optimizer_runs,
        license=analysed.license,
        files=list(analysed.sources),
    )


def _warnings(bundle: SourceBundle, analysed: SourceBundle, loaded: Any, chain: Any) -> list[str]:
    """What was adapted on the way (pragmas relaxed, proxy followed, engine messages, chain reads), once each."""
    warnings = list(dict.fromkeys([*bundle.warnings, *(analysed.warnings if analysed is not bundle else []), *loaded.warnings]))
    if chain is not None:
        warnings += chain.warnings + (chain.genesis.warnings if chain.genesis else [])
    return warnings

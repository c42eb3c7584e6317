"""On-chain state of a token contract through web3 (any JSON-RPC node).

::

    from ico_lens.chain.state import read_state
    state = read_state("0x...", rpc_url="http://127.0.0.1:8545")      # or w3=Web3(...)
    state.total_supply, state.owner, state.paused, state.genesis.recipients

- Plain ``eth_call`` reads of ``totalSupply``, ``decimals``, ``name``, ``symbol``, ``owner``, ``paused``,
  ``mintingFinished``: a call that reverts, returns nothing or returns something undecodable is None
  (2017 tokens often lack some of these; ``name``/``symbol`` may be ``bytes32``).
- The genesis distribution: ``Transfer`` logs from the creation block through
  ``creation_block + genesis_blocks`` (default 6,500 blocks, about a day), read with ``eth_getLogs`` in
  chunks that halve when the node refuses a range. The creation block is found by bisecting
  ``eth_getCode`` over history (needs an archive node, as anvil and the tester are) unless given.
- The RPC URL (``rpc_url`` or ``$ICO_LENS_RPC_URL``) may contain a key: it is never stored or printed.
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

from ico_lens.chain.records import ChainState, GenesisDistribution, GenesisRecipient
from ico_lens.errors import DependencyMissing, IcoLensError, InputError
from ico_lens.records import Evidence, ProjectRef, TokenAmount

#: keccak256("Transfer(address,address,uint256)")
TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
ZERO = "0x" + "0" * 40
DEFAULT_GENESIS_BLOCKS = 6500
DEFAULT_LOG_CHUNK = 5000

#: name -> (4-byte selector, result type), in the order they are read (decimals before the supply
#: is given its unit)
READS: dict[str, tuple[str, str]] = {
    "total_supply": ("0x18160ddd", "uint256"),  # totalSupply()
    "decimals": ("0x313ce567", "uint256"),  # decimals(): uint8 in the standard, uint256 in some
    "name": ("0x06fdde03", "string"),  # name()
    "symbol": ("0x95d89b41", "string"),  # symbol()
    "owner": ("0x8da5cb5b", "address"),  # owner()
    "paused": ("0x5c975abb", "bool"),  # paused()
    "minting_finished": ("0x05d2035b", "bool"),  # mintingFinished()
}


class ChainError(IcoLensError):
    code = "chain_error"


class RpcUnavailable(ChainError):
    """The JSON-RPC node cannot be reached or answers nonsense."""

    code = "rpc_unavailable"


class ChainMismatch(InputError):
    code = "chain_mismatch"


def connect(rpc_url: str | None = None, *, timeout: float = 30.0):
    """A ``Web3`` over HTTP(S) or WebSocket; ``rpc_url`` defaults to ``$ICO_LENS_RPC_URL``."""
    url = rpc_url or os.environ.get("ICO_LENS_RPC_URL")
    if not url:
        raise InputError("no RPC URL: pass --rpc URL or set ICO_LENS_RPC_URL")
    try:
        from web3 import Web3
    except ImportError:  # pragma: no cover
        raise DependencyMissing("web3 is not installed: pip install 'ico_lens[contract]'") from None
    if url.startswith(("ws://", "wss://")):
        from web3 import LegacyWebSocketProvider

        provider = LegacyWebSocketProvider(url, websocket_timeout=timeout)
    elif url.startswith(("http://", "https://")):
        provider = Web3.HTTPProvider(url, request_kwargs={"timeout": timeout})
    else:
        raise InputError("RPC URL must start with http://, https://, ws:// or wss://")
    return Web3(provider)


def read_state(
    address: str,
    *,
    rpc_url: str | None = None,
    w3: Any = None,
    chain_id: int | None = None,
    block: int | str = "latest",
    genesis: bool = True,
    genesis_blocks: int = DEFAULT_GENESIS_BLOCKS,
    creation_block: int | None = None,
    log_chunk: int = DEFAULT_LOG_CHUNK,
) -> ChainState:
    """Read a token's state (see the module documentation). ``chain_id``, when given, must match the
    node's."""
    from ico_lens.contract.source import check_address

    address = check_address(address)
    if w3 is None:
        w3 = connect(rpc_url)
    checksum = _checksum(address)
    try:
        node_chain = int(w3.eth.chain_id)
        at = int(w3.eth.block_number) if block == "latest" else int(block)
        code = bytes(w3.eth.get_code(checksum, block_identifier=at))
    except Exception as exc:  # connection refused, HTTP error, bad JSON: web3 raises many types
        where = _rpc_host(getattr(w3.provider, "endpoint_uri", None))
        if type(exc).__name__ in ("ConnectionError", "ConnectTimeout", "ReadTimeout", "Timeout"):
            raise RpcUnavailable(f"cannot reach the RPC node{where}: {type(exc).__name__}") from None
        raise RpcUnavailable(f"RPC node{where} not usable: {_short(exc)}") from None
    if chain_id is not None and int(chain_id) != node_chain:
        raise ChainMismatch(f"the RPC node is on chain {node_chain}, not chain {chain_id}")
    ref = ProjectRef(chain_id=node_chain, address=address)
    state = ChainState(ref=ref, block_number=at, code_present=bool(code), code_size=len(code))
    if not code:
        state.warnings.append(f"no contract code at {address} on chain {node_chain} at block {at}")
        return state
    read = {name: call_value(w3, checksum, selector, kind, at) for name, (selector, kind) in READS.items()}
    if read["decimals"] is not None and not 0 <= read["decimals"] <= 255:
        state.warnings.append(f"decimals() returned {read['decimals']}: ignored")
        read["decimals"] = None
    for name, value in read.items():
        if value is not None:
            state.evidence[name] = Evidence.on_chain(block=at, value=value, reason=f"{_getter(name)} at block {at}")
    supply = read.pop("total_supply")
    for name, value in read.items():
        setattr(state, name, value)
    state.total_supply = TokenAmount.from_raw(supply, state.decimals) if supply is not None else None
    state.ref = ProjectRef(chain_id=node_chain, address=address, symbol=state.symbol)
    if genesis:
        state.genesis = genesis_distribution(
            w3, address, creation_block=creation_block, window_blocks=genesis_blocks, latest=at,
            log_chunk=log_chunk, decimals=state.decimals,
        )
    return state


def _getter(name: str) -> str:
    """``total_supply`` -> ``totalSupply()``: the getter a READS entry calls."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest) + "()"


# ----------------------------------------------------------------------------------------- eth_call
def call_value(w3: Any, checksum_address: str, selector: str, kind: str, block: int | str = "latest"):
    """``eth_call`` of a no-argument getter, decoded as ``kind``; None when it reverts, is absent or
    returns something that does not decode."""
    try:
        raw = bytes(w3.eth.call({"to": checksum_address, "data": selector}, block_identifier=block))
    except Exception:  # revert (ContractLogicError), invalid opcode, out of gas, node error
        return None
    return decode_value(raw, kind)


def decode_value(raw: bytes, kind: str):
    if len(raw) < 32:
        return None
    word = raw[:32]
    if kind == "uint256":
        return int.from_bytes(word, "big")
    if kind == "bool":
        value = int.from_bytes(word, "big")
        return bool(value) if value in (0, 1) else None
    if kind == "address":
        if any(word[:12]):
            return None
        return "0x" + word[12:].hex()
    if kind == "string":
        return _decode_string(raw)
    raise ValueError(kind)


def _decode_string(raw: bytes) -> str | None:
    # ABI string: offset, length, bytes. Old tokens (e.g. MKR) return a bytes32 instead.
    if len(raw) >= 64:
        offset = int.from_bytes(raw[:32], "big")
        if offset + 32 <= len(raw):
            length = int.from_bytes(raw[offset : offset + 32], "big")
            if offset + 32 + length <= len(raw):
                try:
                    return raw[offset + 32 : offset + 32 + length].decode("utf-8")
                except UnicodeDecodeError:
                    return None
    if len(raw) == 32:
        text = raw.rstrip(b"\x00")
        try:
            decoded = text.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return decoded if decoded.isprintable() else None
    return None


# -------------------------------------------------------------------------------------------- genesis
def find_creation_block(w3: Any, address: str, latest: int) -> int | None:
    """The first block at which ``address`` has code (bisection over ``eth_getCode``; needs
    historical state). None when the node cannot answer for old blocks."""
    checksum = _checksum(address)

    def has_code(n: int) -> bool:
        return bool(bytes(w3.eth.get_code(checksum, block_identifier=n)))

    try:
        if not has_code(latest):
            return None
        lo, hi = 0, latest
        while lo < hi:
            mid = (lo + hi) // 2
            if has_code(mid):
                hi = mid
            else:
                lo = mid + 1
        return lo
    except Exception:  # "missing trie node" and the like on pruned nodes
        return None


def get_transfer_logs(w3: Any, address: str, start: int, end: int, chunk: int = DEFAULT_LOG_CHUNK) -> list[dict]:
    """Every ``Transfer`` log of ``address`` in ``[start, end]``, in chunks of at most ``chunk`` blocks;
    a chunk the node refuses (too many results, range too wide) is split in two."""
    checksum = _checksum(address)
    logs: list[dict] = []
    pending = [(s, min(s + chunk - 1, end)) for s in range(start, end + 1, max(chunk, 1))]
    while pending:
        lo, hi = pending.pop(0)
        try:
            logs.extend(
                w3.eth.get_logs({"address": checksum, "fromBlock": lo, "toBlock": hi, "topics": [TRANSFER_TOPIC]})
            )
        except Exception as exc:
            if hi <= lo:
                raise RpcUnavailable(f"eth_getLogs failed for block {lo}: {_short(exc)}") from None
            mid = (lo + hi) // 2
            pending[:0] = [(lo, mid), (mid + 1, hi)]
    logs.sort(key=lambda log: (int(log["blockNumber"]), int(log["logIndex"])))
    return logs


def decode_transfer(log: dict) -> tuple[str, str, int] | None:
    """(from, to, value) of an ERC-20 Transfer log; also the unindexed form some 2016-17 tokens used.
    None for other shapes (e.g. ERC-721's indexed tokenId)."""
    topics = [bytes(t) for t in log["topics"]]
    data = bytes(log["data"]) if not isinstance(log["data"], str) else bytes.fromhex(log["data"][2:])
    if len(topics) == 3 and len(data) >= 32:
        return "0x" + topics[1][-20:].hex(), "0x" + topics[2][-20:].hex(), int.from_bytes(data[:32], "big")
    if len(topics) == 1 and len(data) >= 96:
        return "0x" + data[12:32].hex(), "0x" + data[44:64].hex(), int.from_bytes(data[64:96], "big")
    return None


#: functions that release tokens held for someone, and functions that say when: a contract whose code
#: exposes one of each (OpenZeppelin's TokenTimelock and TokenVesting, and their many copies) holds
#: tokens under a time lock or a vesting schedule
RELEASE_FUNCTIONS = ("release()", "release(address)", "claim()", "unlock()", "withdrawTokens()", "releaseTokens()")
SCHEDULE_FUNCTIONS = ("releaseTime()", "cliff()", "duration()", "vestedAmount(address)", "releasableAmount(address)",
                      "unlockTime()", "lockedUntil()", "vestingDuration()", "releaseDate()")
VESTING_FUNCTIONS = RELEASE_FUNCTIONS + SCHEDULE_FUNCTIONS
#: genesis recipients whose code is read (the largest first)
PROBED_RECIPIENTS = 10


def selectors_in(code: bytes) -> set[bytes]:
    """The 4-byte values the runtime code pushes with ``PUSH4``: its function dispatcher's selectors
    (and any other 4-byte constant). PUSH data is skipped, so a selector is never read out of another
    push's argument."""
    found, i = set(), 0
    while i < len(code):
        op = code[i]
        if 0x60 <= op <= 0x7F:  # PUSH1 .. PUSH32
            size = op - 0x5F
            if op == 0x63:
                found.add(bytes(code[i + 1:i + 5]))
            i += size
        i += 1
    return found


def vesting_functions(code: bytes) -> list[str]:
    """The :data:`VESTING_FUNCTIONS` whose selectors ``code`` dispatches, when it has at least one
    release and one schedule function; else none."""
    from eth_utils import keccak

    selectors = selectors_in(code)
    present = [name for name in VESTING_FUNCTIONS if keccak(text=name)[:4] in selectors]
    if any(n in RELEASE_FUNCTIONS for n in present) and any(n in SCHEDULE_FUNCTIONS for n in present):
        return present
    return []


def _probe_recipients(w3: Any, recipients: list[GenesisRecipient], block: int) -> list[str]:
    """Read the code of the largest recipients: accounts, contracts, vesting contracts."""
    warnings = []
    for recipient in recipients[:PROBED_RECIPIENTS]:
        try:
            code = bytes(w3.eth.get_code(_checksum(recipient.address), block_identifier=block))
        except Exception as exc:  # a node without that block's state: the rest of the genesis stands
            warnings.append(f"code of the genesis recipients not read ({_short(exc)})")
            break
        recipient.code_size = len(code)
        recipient.vesting_functions = vesting_functions(code) if code else []
    return warnings


def genesis_distribution(
    w3: Any,
    address: str,
    *,
    creation_block: int | None = None,
    window_blocks: int = DEFAULT_GENESIS_BLOCKS,
    latest: int | None = None,
    log_chunk: int = DEFAULT_LOG_CHUNK,
    decimals: int | None = None,
) -> GenesisDistribution:
    """Reconstruct who received tokens at or right after deployment (see :class:`GenesisDistribution`);
    amounts are in raw units with ``decimals``."""
    latest = int(w3.eth.block_number) if latest is None else latest
    definition = (
        f"net Transfer amounts per address from the creation block through the next {window_blocks} blocks"
    )
    warnings: list[str] = []
    if creation_block is None:
        creation_block = find_creation_block(w3, address, latest)
    if creation_block is None:
        warnings.append("creation block unknown (the node has no historical state): genesis not reconstructed")
        return GenesisDistribution(None, window_blocks, None, None, None, definition=definition, warnings=warnings)
    end = min(creation_block + window_blocks, latest)
    if end < creation_block + window_blocks:
        warnings.append(f"the window is cut at the latest block {latest}")
    deployer, creation_tx = _creator(w3, address, creation_block)
    logs = get_transfer_logs(w3, address, creation_block, end, log_chunk)

    net: dict[str, int] = defaultdict(int)
    credits: dict[str, int] = defaultdict(int)
    from_zero: set[str] = set()
    minted = burned = decoded = 0
    for log in logs:
        transfer = decode_transfer(log)
        if transfer is None:
            continue
        decoded += 1
        sender, receiver, value = transfer
        if sender == ZERO:
            minted += value
            from_zero.add(receiver)
        else:
            net[sender] -= value
        if receiver == ZERO:
            burned += value
        else:
            net[receiver] += value
            credits[receiver] += 1
    supply_end = call_value(w3, _checksum(address), READS["total_supply"][0], "uint256", end)
    unlogged = None
    if supply_end is not None:
        unlogged = supply_end - (minted - burned)
        if unlogged > 0 and deployer:
            net[deployer] += unlogged  # credited in the constructor without a Transfer event
        elif unlogged > 0:
            warnings.append(f"{unlogged} units were credited without a Transfer event to an unknown holder")
    positive = {a: v for a, v in net.items() if v > 0}
    total = sum(positive.values())

    def amount(raw: int | None) -> TokenAmount | None:
        return TokenAmount.from_raw(raw, decimals) if raw is not None else None

    recipients = [
        GenesisRecipient(
            address=a, amount=amount(v), percent=round(100.0 * v / total, 2) if total else 0.0,
            transfers=credits.get(a, 0), minted=a in from_zero,
        )
        for a, v in sorted(positive.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if decoded < len(logs):
        warnings.append(f"{len(logs) - decoded} Transfer logs had an unexpected shape and were skipped")
    warnings += _probe_recipients(w3, recipients, end)
    evidence = [Evidence.on_chain(block=creation_block, tx=creation_tx, value=deployer, reason="contract created")]
    if supply_end is not None:
        evidence.append(Evidence.on_chain(block=end, value=supply_end, reason=f"totalSupply() at block {end}"))
    return GenesisDistribution(
        creation_block=creation_block,
        window_blocks=window_blocks,
        window_end_block=end,
        deployer=deployer,
        creation_tx=creation_tx,
        recipients=recipients,
        transfers=decoded,
        minted=amount(minted),
        supply_at_window_end=amount(supply_end),
        unlogged_supply=amount(unlogged),
        definition=definition,
        evidence=evidence,
        warnings=warnings,
    )


def _creator(w3: Any, address: str, block_number: int) -> tuple[str | None, str | None]:
    """The sender and hash of the transaction that created ``address`` in ``block_number``, when it
    was a plain contract-creation transaction (a factory's internal creation gives None)."""
    try:
        block = w3.eth.get_block(block_number, full_transactions=True)
        for tx in block["transactions"]:
            if tx.get("to"):  # None on real nodes, "" on eth-tester
                continue
            receipt = w3.eth.get_transaction_receipt(tx["hash"])
            created = receipt.get("contractAddress")
            if created and created.lower() == address.lower():
                return tx["from"].lower(), _hex(tx["hash"])
    except Exception:
        pass
    return None, None


def _checksum(address: str) -> str:
    from web3 import Web3

    return Web3.to_checksum_address(address)


def _hex(value: Any) -> str:
    text = value.hex() if hasattr(value, "hex") else str(value)
    return text if text.startswith("0x") else "0x" + text


def _rpc_host(url: Any) -> str:
    """" at host:port" of an RPC URL: never its path, query or user info (they may hold a key)."""
    if not url:
        return ""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(str(url))
        return f" at {parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    except ValueError:
        return ""


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    # never echo a URL or its path (it may contain an API key)
    import re

    text = re.sub(r"\b(?:https?|wss?)://\S+", "<rpc>", text)
    text = re.sub(r"\burl: \S+", "url: <rpc>", text)
    return text[:200]

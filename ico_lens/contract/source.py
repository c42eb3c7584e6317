"""Offline sources: a ``.sol`` file, or ``DIR/<address>.sol`` (the layout of ``corpus/contracts``).

Each returns a :class:`~ico_lens.contract.records.SourceBundle`; :mod:`ico_lens.contract.etherscan`
returns the same record for verified addresses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ico_lens.files import check_file
from ico_lens.contract.records import SourceBundle
from ico_lens.errors import EmptyFile, InputError, NotFound

ADDRESS_RE = re.compile(r"0x[0-9a-fA-F]{40}")

#: refuse sources larger than this (bytes): no verified contract comes close
MAX_SOURCE_BYTES = 20_000_000


class BadAddress(InputError):
    code = "bad_address"


def is_address(text: str) -> bool:
    return bool(ADDRESS_RE.fullmatch(text or ""))


def check_address(text: str) -> str:
    """Return the address in lower case, or raise :class:`BadAddress`."""
    if not is_address(text.strip()):
        raise BadAddress(f"not an address: {text!r} (expected 0x followed by 40 hex digits)")
    return text.strip().lower()


def _read_text(path: Path) -> str:
    check_file(str(path))  # never opens a FIFO (it would block) or a name the system refuses
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile("empty file", path=str(path))
    if size > MAX_SOURCE_BYTES:
        raise InputError(f"file too large for a contract source ({size} bytes)", path=str(path))
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        from ico_lens.contract.solc import NotSolidity

        raise NotSolidity("binary file, not Solidity source", path=str(path))
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def load_source_file(path: str | Path, *, address: str | None = None, chain_id: int = 1) -> SourceBundle:
    """A flattened ``.sol`` file (or a standard-JSON input ``.json``) as a bundle.

    The address is taken from the file name when it is ``0x<40 hex>.sol``.
    """
    path = Path(path)
    text = _read_text(path)
    if address is None and is_address(path.stem):
        address = path.stem.lower()
    if path.suffix.lower() == ".json":
        bundle = bundle_from_standard_json(text, address=address, chain_id=chain_id, label=str(path))
    else:
        # Etherscan's multi-file sources saved as-is: "{{standard json}}" or {"A.sol": {"content": ...}}
        bundle = bundle_from_source_text(text, name=path.name, address=address, chain_id=chain_id, label=str(path))
    bundle.path = str(path)
    _require_solidity(bundle.text, str(path))
    return bundle


def load_from_directory(directory: str | Path, address: str, *, chain_id: int = 1) -> SourceBundle:
    """``DIR/<address>.sol`` for one address (case-insensitive), as a bundle with origin ``directory``."""
    directory = Path(directory)
    address = check_address(address)
    if not directory.is_dir():
        raise NotFound("no such directory", path=str(directory))
    for candidate in (directory / f"{address}.sol", directory / f"{address.upper().replace('0X', '0x')}.sol"):
        if candidate.is_file():
            break
    else:
        matches = [p for p in directory.glob("*.sol") if p.stem.lower() == address]
        if not matches:
            raise NotFound(f"no source for {address} in this directory", path=str(directory))
        candidate = matches[0]
    bundle = load_source_file(candidate, address=address, chain_id=chain_id)
    bundle.origin = "directory"
    return bundle


def iter_directory(directory: str | Path, *, chain_id: int = 1):
    """Every ``<address>.sol`` in a directory, sorted by name, as bundles (errors are raised lazily)."""
    for path in sorted(Path(directory).glob("*.sol")):
        if is_address(path.stem):
            bundle = load_source_file(path, chain_id=chain_id)
            bundle.origin = "directory"
            yield bundle


def bundle_from_source_text(
    text: str, *, name: str, address: str | None = None, chain_id: int = 1, label: str | None = None
) -> SourceBundle:
    """Etherscan's ``SourceCode`` forms: one flattened file (kept under ``name``), standard JSON
    wrapped in ``{{...}}``, or a ``{"file.sol": {"content": ...}}`` map."""
    stripped = text.strip()
    if stripped.startswith("{{") and stripped.endswith("}}"):
        return bundle_from_standard_json(stripped[1:-1], address=address, chain_id=chain_id, label=label)
    if stripped.startswith("{"):
        try:
            return bundle_from_standard_json(stripped, address=address, chain_id=chain_id, label=label)
        except InputError:
            pass  # not JSON after all: Solidity text that starts with "{"
    return SourceBundle(address=address, sources={name: text}, origin="file", chain_id=chain_id)


def _require_solidity(text: str, label: str) -> None:
    from ico_lens.contract.solc import NotSolidity, mask_comments

    if not re.search(r"\b(contract|library|interface)\s+[A-Za-z_$][\w$]*\s*(is\b|\{)", mask_comments(text)):
        raise NotSolidity("no Solidity contract, library or interface found", path=label)


def bundle_from_standard_json(
    text: str, *, address: str | None = None, chain_id: int = 1, label: str | None = None
) -> SourceBundle:
    """A standard-JSON input (``{"language":..., "sources": {path: {"content": ...}}, "settings":...}``)
    or a bare ``{path: {"content": ...}}`` map, as a bundle."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at line {exc.lineno})", path=label) from None
    if not isinstance(data, dict):
        raise InputError("JSON source is not an object", path=label)
    settings = data.get("settings") or {}
    raw = data.get("sources", data)
    sources = {}
    for name, entry in (raw or {}).items():
        if isinstance(entry, dict) and isinstance(entry.get("content"), str):
            sources[str(name)] = entry["content"]
    if not sources:
        raise InputError("JSON has no sources with content", path=label)
    optimizer = settings.get("optimizer") or {}
    return SourceBundle(
        address=address,
        sources=sources,
        origin="file",
        chain_id=chain_id,
        optimizer_enabled=optimizer.get("enabled"),
        optimizer_runs=optimizer.get("runs"),
        evm_version=settings.get("evmVersion"),
        remappings=list(settings.get("remappings") or []),
    )

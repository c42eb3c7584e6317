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
    sources, warnings = split_pasted_files(text, name)
    bundle = SourceBundle(address=address, sources=sources, origin="file", chain_id=chain_id)
    bundle.warnings.extend(warnings)
    return bundle


_SPDX = re.compile(r"^[ \t]*//[ \t]*SPDX-License-Identifier:.*$", re.M)
_PRAGMA_LINE = re.compile(r"^[ \t]*pragma[ \t]+solidity\b", re.M)
_IMPORT = re.compile(r"\bimport\b[^;]*?([\"'])([^\"']+)\1[^;]*;")
_UNIT = re.compile(r"\b(?:abstract\s+)?(?:contract|library|interface)\s+([A-Za-z_$][\w$]*)")


def split_pasted_files(text: str, name: str) -> tuple[dict[str, str], list[str]]:
    """Several files pasted one after another into one (each with its SPDX line, pragma and
    ``import`` of files pasted above): split back into files, so that solc accepts them (it refuses
    two SPDX lines in one file and cannot find the imported paths). Each part keeps the lines it had
    in the paste (it starts with as many empty lines), so evidence lines point into the pasted text;
    each import of a pasted file is pointed at that part. An import of a file that was not pasted is
    removed, with a warning (the compile fails if anything from it is used). Returns ``({name:
    text}, [])`` unchanged when the text is one file."""
    from ico_lens.contract.solc import mask_comments

    masked = mask_comments(text, strings=False)
    starts = [m.start() for m in _SPDX.finditer(text)]
    if len(starts) < 2:
        pragmas = [m.start() for m in _PRAGMA_LINE.finditer(masked)]
        if len(pragmas) < 2 or not _IMPORT.search(masked):
            return {name: text}, []
        starts = [_line_start(text, p) for p in pragmas]
    elif not _IMPORT.search(masked):
        # a flattener's output (hardhat flatten): the files were merged, only their licence lines
        # remain; solc refuses more than one, so the later ones are blanked (offsets kept)
        kept = starts[0]
        for m in reversed(list(_SPDX.finditer(text))):
            if m.start() != kept:
                text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        return {name: text}, [f"{name}: {len(starts)} SPDX licence lines (a flattened file): all but the first blanked"]
    starts[0] = 0
    bounds = list(zip(starts, starts[1:] + [len(text)]))
    stem = name[:-4] if name.endswith(".sol") else name
    parts: list[tuple[str, int, str]] = []  # (path, start offset, text)
    declared: dict[str, str] = {}  # unit name -> path of the part declaring it
    units_of: dict[str, list[str]] = {}  # path -> the units its part declares
    used: set = set()
    for index, (start, end) in enumerate(bounds):
        units = _UNIT.findall(masked[start:end])
        base = units[-1] if units else f"part{index + 1}"
        path = f"{stem}/{base}.sol"
        while path in used:
            path = f"{stem}/{base}_{index + 1}.sol"
        used.add(path)
        for unit in units:
            declared.setdefault(unit, path)
        units_of[path] = units
        parts.append((path, start, text[start:end]))
    if len(parts) < 2:
        return {name: text}, []
    sources: dict[str, str] = {}
    warnings = [f"{name}: {len(parts)} files pasted into one, split back into {', '.join(p for p, _, _ in parts)}"]
    imported = {path: _resolved_imports(mask_comments(part, strings=False), declared) for path, _, part in parts}
    for path, start, part in parts:
        part_masked = mask_comments(part, strings=False)
        visible = _visible_parts(path, imported)
        pieces, last = [], 0
        for m in _IMPORT.finditer(part_masked):
            target = m.group(2).rsplit("/", 1)[-1]
            unit = target[:-4] if target.endswith(".sol") else target
            pieces.append(part[last:m.start()])
            statement = part[m.start():m.end()]
            if unit in declared:
                local = "./" + declared[unit].rsplit("/", 1)[-1]
                pieces.append(statement.replace(m.group(2), local))
            elif (providers := _parts_providing(part_masked, path, units_of, declared, visible)):
                # `import "./interfaces/IRouter.sol"` for the pasted `IUniswapV2Router02`: the file
                # name is no unit's, so the parts declaring what this part uses are imported instead
                # (the statement's line breaks are kept, so evidence lines stay the paste's)
                names = ", ".join(p.rsplit("/", 1)[-1] for p in providers)
                warnings.append(f"{name}: import \"{m.group(2)}\" names no pasted file: pointed at the parts declaring what {path} uses ({names})")
                pieces.append(" ".join(f'import "./{p.rsplit("/", 1)[-1]}";' for p in providers) + "\n" * statement.count("\n"))
                for provider in providers:
                    visible |= _visible_parts(provider, imported)
            else:
                warnings.append(f"{name}: import \"{m.group(2)}\" names a file that was not pasted: removed (the compile fails if anything from it is used)")
                pieces.append(" " * len(statement))
            last = m.end()
        pieces.append(part[last:])
        sources[path] = "\n" * text.count("\n", 0, start) + "".join(pieces)
    return sources, warnings


def _resolved_imports(part_masked: str, declared: dict) -> set:
    """The parts a part's imports name by a pasted unit's file name."""
    found = set()
    for m in _IMPORT.finditer(part_masked):
        target = m.group(2).rsplit("/", 1)[-1]
        unit = target[:-4] if target.endswith(".sol") else target
        if unit in declared:
            found.add(declared[unit])
    return found


def _visible_parts(path: str, imported: dict) -> set:
    """``path`` and the parts it imports, directly or through them."""
    seen, todo = set(), [path]
    while todo:
        here = todo.pop()
        if here not in seen:
            seen.add(here)
            todo.extend(imported.get(here, ()))
    return seen


def _parts_providing(part_masked: str, path: str, units_of: dict, declared: dict, visible: set) -> list[str]:
    """The other parts declaring the units ``path``'s part names (``IUniswapV2Router02 router``)
    that its other imports do not already bring, leaving out a part that declares a unit of the
    same name as this one (importing it would declare that name twice)."""
    own = set(units_of.get(path, []))
    code = _IMPORT.sub(" ", part_masked)
    found: list[str] = []
    for unit, where in declared.items():
        if where in visible or where in found or unit in own or own & set(units_of.get(where, [])):
            continue
        if re.search(rf"(?<![\w$]){re.escape(unit)}(?![\w$])", code):
            found.append(where)
    return found


def _line_start(text: str, offset: int) -> int:
    """Where the comment block before ``offset`` begins (a file's header comments belong to it)."""
    lines = text[:offset].split("\n")
    keep = len(lines) - 1  # the line with the pragma
    while keep > 0 and lines[keep - 1].strip().startswith(("//", "/*", "*")):
        keep -= 1
    return sum(len(line) + 1 for line in lines[:keep])


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

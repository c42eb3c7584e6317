"""Solidity compilers: which version a source needs, and an executable that speaks native solc.

Real ICO tokens were written for solc 0.4.x; this module covers 0.4.11 to 0.8 with solc-js builds
installed from npm as aliases (``node_modules/solc-0.4.24``, ...; pinned in ``package.json``) and,
when the user has them, native binaries installed by py-solc-x (``~/.solcx/solc-v0.4.24``), which
are preferred.

solc-js is driven through ``solcjs/solc_wrapper.js``, which answers ``--version``,
``--standard-json`` and ``FILE --combined-json ...`` like native solc, so py-solc-x, crytic-compile and
the Slither CLI (``slither FILE --solc LAUNCHER``) can call it. For each version a
tiny launcher script is generated (:func:`compiler_for`) that bounds the compile's time and memory.
By default the launcher hands ``--standard-json`` compiles to a warm server of its version
(``solcjs/solc_server.js`` through ``solcjs/solc_client.js``: solc-js is loaded once, not per
compile); ``ICO_LENS_SOLC_WARM=0`` runs every compile one-shot::

    from ico_lens.contract import solc
    choice = solc.choose_version({"Token.sol": text})           # VersionChoice(version='0.4.26', ...)
    compiler = solc.compiler_for(choice.version)                 # Compiler(path=..., kind='solcjs')
    output = solc.compile_standard(request, compiler, cwd=dir)   # standard-JSON output (dict)

    import solcx
    solcx.compile_standard(request, solc_binary=compiler.path)   # py-solc-x works with it too

Standard JSON does not exist before solc 0.4.11: pragmas that need an older compiler are relaxed to
the nearest installed one (the pragma is blanked out in the compiled copy, keeping offsets) and a
warning says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ico_lens.errors import IcoLensError, InputError, ResourceLimit

Version = tuple[int, int, int]

#: oldest compiler with the standard-JSON interface
STANDARD_JSON_MIN: Version = (0, 4, 11)
#: seconds per compile (env ``ICO_LENS_SOLC_TIMEOUT``)
DEFAULT_TIMEOUT = 120.0
#: V8 old-space limit for node, MB (env ``ICO_LENS_SOLC_MAX_MB``)
DEFAULT_MAX_MB = 2048

_WRAPPER_JS = Path(__file__).resolve().parent / "solcjs" / "solc_wrapper.js"
_CLIENT_JS = _WRAPPER_JS.with_name("solc_client.js")


# --------------------------------------------------------------------------------------------- errors
class CompileError(IcoLensError):
    """The compiler rejected the source (syntax/type errors) or produced no usable output."""

    code = "compile_error"


class CompileTimeout(CompileError, ResourceLimit):
    """A compile exceeded its time budget."""

    code = "compile_timeout"


class CompilerNotAvailable(IcoLensError):
    """No installed compiler (solc-js under node_modules, or native via py-solc-x) fits the source."""

    code = "compiler_not_available"


class NotSolidity(InputError):
    """The input has no Solidity contract in it."""

    code = "not_solidity"


class VersionNotInstalled(InputError):
    """The user forced a compiler version that is not installed (it is refused, never replaced)."""

    code = "solc_not_installed"


# ------------------------------------------------------------------------------------------- versions
def parse_version(text: str) -> Version:
    """``"v0.4.24+commit.e67f0147"`` / ``"0.4.24"`` / ``"0.4"`` -> ``(0, 4, 24)`` / ``(0, 4, 0)``."""
    match = re.search(r"(\d+)\s*\.\s*(\d+)(?:\s*\.\s*(\d+))?", text or "")
    if not match:
        raise ValueError(f"not a version: {text!r}")
    return int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)


def version_text(version: Version) -> str:
    return ".".join(map(str, version))


@dataclass(frozen=True)
class Comparator:
    op: str  # one of == >= > <= <
    version: Version

    def accepts(self, v: Version) -> bool:
        return {
            "==": v == self.version,
            ">=": v >= self.version,
            ">": v > self.version,
            "<=": v <= self.version,
            "<": v < self.version,
        }[self.op]


@dataclass(frozen=True)
class VersionRange:
    """A parsed ``pragma solidity`` expression: alternatives (``||``) of comparator sets."""

    text: str
    alternatives: tuple[tuple[Comparator, ...], ...]

    def accepts(self, v: Version) -> bool:
        return any(all(c.accepts(v) for c in alt) for alt in self.alternatives)

    @property
    def anchor(self) -> Version:
        """The version the author most likely used: the lowest bound named in the expression."""
        bounds = [c.version for alt in self.alternatives for c in alt if c.op in ("==", ">=", ">")]
        if bounds:
            return min(bounds)
        uppers = [c.version for alt in self.alternatives for c in alt]
        return max(uppers) if uppers else (0, 4, 26)


def _expand(op: str, raw: str) -> list[Comparator]:
    parts = [p for p in raw.split(".") if p not in ("",)]
    wildcard = [p for p in parts if p in ("x", "X", "*")]
    nums = [int(p) for p in parts if p.isdigit()]
    if not nums:
        return []
    partial = len(nums) < 3 or bool(wildcard)
    v: Version = (nums + [0, 0, 0])[:3]  # type: ignore[assignment]
    v = (v[0], v[1], v[2])
    if op == "^" or (op in ("", "=") and partial):
        if op in ("", "=") and partial:  # "0.4" means any 0.4.x
            upper = (v[0] + 1, 0, 0) if len(nums) == 1 else (v[0], v[1] + 1, 0)
        elif v[0] > 0:
            upper = (v[0] + 1, 0, 0)
        elif v[1] > 0 or partial:
            upper = (0, v[1] + 1, 0)
        else:
            upper = (0, 0, v[2] + 1)
        return [Comparator(">=", v), Comparator("<", upper)]
    if op == "~":
        upper = (v[0] + 1, 0, 0) if len(nums) == 1 else (v[0], v[1] + 1, 0)
        return [Comparator(">=", v), Comparator("<", upper)]
    if op in ("", "="):
        return [Comparator("==", v)]
    if op in (">", "<=") and partial:  # ">0.4" means above every 0.4.x; "<=0.4" includes them
        upper = (v[0] + 1, 0, 0) if len(nums) == 1 else (v[0], v[1] + 1, 0)
        return [Comparator(">=" if op == ">" else "<", upper)]
    return [Comparator(op, v)]


def parse_pragma(expression: str) -> VersionRange:
    """Parse the expression of ``pragma solidity EXPR;`` (``^0.4.18``, ``>=0.4.22 <0.6.0``, ``0.4.24``,
    ``~0.4.2``, ``0.4.x``, ``>=0.4.0 || ^0.5.0``, and odd spacing such as ``^ 0.4 .19``).

    Raises ValueError when nothing in it is a version.
    """
    text = " ".join(expression.split())
    alternatives = []
    for alt in text.split("||"):
        norm = re.sub(r"\s*\.\s*", ".", alt)  # "0.4 .19" -> "0.4.19"
        norm = re.sub(r"([<>=^~]+)\s+", r"\1", norm)  # "^ 0.4.19" -> "^0.4.19"
        hyphen = re.fullmatch(r"\s*([\d.xX*]+)\s+-\s+([\d.xX*]+)\s*", norm)
        if hyphen:  # "0.4.0 - 0.5.0"
            comps = _expand(">=", hyphen.group(1)) + _expand("<=", hyphen.group(2))
        else:
            comps = []
            for token in norm.split():
                m = re.fullmatch(r"(\^|~|>=|<=|>|<|=)?v?([\dxX*][\dxX*.]*)", token)
                if m:
                    comps += _expand(m.group(1) or "", m.group(2))
        if comps:
            alternatives.append(tuple(comps))
    if not alternatives:
        raise ValueError(f"no version in pragma solidity {expression!r}")
    return VersionRange(text, tuple(alternatives))


@dataclass(frozen=True)
class Pragma:
    """One ``pragma solidity`` statement in a source file (offsets into that file)."""

    path: str
    start: int
    end: int
    expression: str
    range: VersionRange | None  # None when the expression cannot be parsed


_COMMENT_OR_STRING = re.compile(
    r"//[^\n]*|/\*.*?(?:\*/|\Z)|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", re.S
)
_PRAGMA = re.compile(r"\bpragma\s+solidity\b([^;]*);")


def mask_comments(text: str, *, strings: bool = False) -> str:
    """The text with comments (and, with ``strings``, the insides of string literals) replaced by
    spaces: same length, so offsets stay valid."""

    def blank(m: re.Match) -> str:
        s = m.group(0)
        if s.startswith(("'", '"')):
            return s[0] + " " * (len(s) - 2) + s[-1] if strings else s
        return re.sub(r"[^\n]", " ", s)

    return _COMMENT_OR_STRING.sub(blank, text)


def find_pragmas(sources: dict[str, str]) -> list[Pragma]:
    """Every ``pragma solidity`` statement outside comments, in every source."""
    found = []
    for path, text in sources.items():
        for m in _PRAGMA.finditer(mask_comments(text, strings=True)):
            try:
                rng: VersionRange | None = parse_pragma(m.group(1))
            except ValueError:
                rng = None
            found.append(Pragma(path, m.start(), m.end(), m.group(1).strip(), rng))
    return found


# ---------------------------------------------------------------------------------------- compilers
def node_modules_dir() -> Path | None:
    """Where the npm solc aliases live: ``$ICO_LENS_NODE_MODULES``, else the ``node_modules`` of the
    checkout this package is in, else ``./node_modules``."""
    env = os.environ.get("ICO_LENS_NODE_MODULES")
    if env:
        return Path(env)
    for base in [Path(__file__).resolve().parents[2], Path.cwd()]:
        candidate = base / "node_modules"
        if candidate.is_dir():
            return candidate
    return None


def solcjs_versions() -> dict[Version, Path]:
    """Installed solc-js packages (``node_modules/solc-X.Y.Z``) by version."""
    root = node_modules_dir()
    found: dict[Version, Path] = {}
    if root is None or not root.is_dir():
        return found
    for d in root.glob("solc-*"):
        m = re.fullmatch(r"solc-(\d+)\.(\d+)\.(\d+)", d.name)
        if m and (d / "soljson.js").is_file() and (d / "wrapper.js").is_file():
            found[(int(m.group(1)), int(m.group(2)), int(m.group(3)))] = d
    return found


def native_versions() -> dict[Version, Path]:
    """Native solc binaries installed by py-solc-x (``$SOLCX_BINARY_PATH`` or ``~/.solcx``).

    Looks at the folder directly (py-solc-x's own helper creates ``~/.solcx`` as a side effect).
    Set ``ICO_LENS_SOLC_NATIVE=0`` to ignore native binaries.
    """
    if os.environ.get("ICO_LENS_SOLC_NATIVE", "1") == "0":
        return {}
    folder = Path(os.environ.get("SOLCX_BINARY_PATH") or Path.home() / ".solcx")
    found: dict[Version, Path] = {}
    if not folder.is_dir():
        return found
    for entry in folder.glob("solc-v*"):
        m = re.fullmatch(r"solc-v(\d+)\.(\d+)\.(\d+)(?:\.exe)?", entry.name)
        if not m:
            continue
        binary = entry
        if entry.is_dir():  # older py-solc-x layouts keep the binary inside a folder of that name
            inner = [p for p in entry.iterdir() if p.name.startswith("solc")]
            binary = inner[0] if inner else entry
        if binary.is_file() and os.access(binary, os.X_OK):
            found[(int(m.group(1)), int(m.group(2)), int(m.group(3)))] = binary
    return found


def installed_versions() -> list[Version]:
    """Every version that can compile standard JSON here, ascending."""
    versions = set(solcjs_versions()) | set(native_versions())
    return sorted(v for v in versions if v >= STANDARD_JSON_MIN)


@dataclass(frozen=True)
class Compiler:
    """An executable that answers ``--version`` and ``--standard-json`` like native solc."""

    version: Version
    path: Path
    kind: str  # "native" or "solcjs"

    @property
    def version_text(self) -> str:
        return version_text(self.version)


def _bin_dir() -> Path:
    env = os.environ.get("ICO_LENS_SOLC_BIN_DIR")
    if env:
        return Path(env)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "ico_lens" / "solc-bin"


def _long_version(package_dir: Path, node: str) -> str:
    """``0.4.24+commit.e67f0147.Emscripten.clang``, asked once from solc-js itself."""
    try:
        proc = subprocess.run(
            [node, "--no-warnings", str(_WRAPPER_JS), "--solc-dir", str(package_dir), "--version"],
            capture_output=True, text=True, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CompilerNotAvailable(f"cannot run solc-js in {package_dir}: {exc}") from None
    match = re.search(r"Version: (\S+)", proc.stdout)
    if proc.returncode != 0 or not match:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise CompilerNotAvailable(f"solc-js in {package_dir} does not run: {tail}")
    return match.group(1)


def _launcher_text(package_dir: Path, node: str, long_version: str) -> str:
    timeout_cmd = shutil.which("timeout")
    limit = f'"{timeout_cmd}" -k 5 "$T" ' if timeout_cmd else ""
    return f"""#!/bin/sh
# Generated by ico_lens: solc-js {package_dir.name} behind a native-solc command line
# (--version, --standard-json [--allow-paths X]). Time and memory per compile are bounded:
# ICO_LENS_SOLC_TIMEOUT seconds (default {DEFAULT_TIMEOUT:g}), ICO_LENS_SOLC_MAX_MB of V8 heap (default {DEFAULT_MAX_MB}).
if [ "$1" = "--version" ]; then
  # answered without loading the compiler (crytic-compile asks before every compile)
  printf 'solc, the solidity compiler commandline interface\\nVersion: {long_version}\\n'
  exit 0
fi
T="${{ICO_LENS_SOLC_TIMEOUT:-{DEFAULT_TIMEOUT:g}}}"
M="${{ICO_LENS_SOLC_MAX_MB:-{DEFAULT_MAX_MB}}}"
if [ "${{ICO_LENS_SOLC_WARM:-1}}" != "0" ] && [ "$1" = "--standard-json" ]; then
  # warm: a long-lived server per version compiles it (started on first use; it bounds time itself)
  "{node}" --no-warnings "{_CLIENT_JS}" --node "{node}" --solc-dir "{package_dir}" "$@"
else
  {limit}"{node}" --no-warnings --max-old-space-size="$M" "{_WRAPPER_JS}" --solc-dir "{package_dir}" "$@"
fi
status=$?
if [ "$status" -eq 124 ]; then echo "solc timed out after $T s" >&2; fi
exit $status
"""


def _node_executable() -> str:
    node = os.environ.get("ICO_LENS_NODE") or shutil.which("node") or shutil.which("nodejs")
    if not node:
        raise CompilerNotAvailable("node is not installed: solc-js compilers need it (or install native solc with py-solc-x)")
    return node


def compiler_for(version: Version | str, *, prefer_native: bool = True) -> Compiler:
    """The executable for one exact version: a py-solc-x native binary when installed (and
    ``prefer_native``), else a launcher over the npm solc-js package (generated on first use)."""
    if isinstance(version, str):
        version = parse_version(version)
    if prefer_native:
        native = native_versions().get(version)
        if native is not None:
            return Compiler(version, native, "native")
    package = solcjs_versions().get(version)
    if package is None:
        have = ", ".join(version_text(v) for v in installed_versions()) or "none"
        raise CompilerNotAvailable(
            f"solc {version_text(version)} is not installed (installed: {have}); "
            f"add it with: npm install --save-exact solc-{version_text(version)}@npm:solc@{version_text(version)}"
        )
    node = _node_executable()
    # The launcher's name depends on what it runs, so a moved checkout or another node gets its own.
    key = "\0".join([str(package.resolve()), node, str(_WRAPPER_JS), _launcher_text(package, node, "")])
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    name = f"solc-{version_text(version)}-{digest}"
    for folder in (_bin_dir(), Path(tempfile.gettempdir()) / f"ico_lens-solc-bin-{os.getuid()}"):
        launcher = folder / name
        if launcher.is_file():
            return Compiler(version, launcher, "solcjs")
        try:
            text = _launcher_text(package.resolve(), node, _long_version(package.resolve(), node))
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{name}.tmp{os.getpid()}"
            tmp.write_text(text)
            tmp.chmod(0o755)
            os.replace(tmp, launcher)  # atomic: parallel processes may race to create it
            return Compiler(version, launcher, "solcjs")
        except OSError:
            continue  # a read-only cache directory: fall back to the temp directory
    raise CompilerNotAvailable(f"cannot write a solc launcher in {_bin_dir()} or the temp directory")


# --------------------------------------------------------------------------------------- warm servers
# With ICO_LENS_SOLC_WARM not "0" (the default) a launcher sends each --standard-json compile to a
# long-lived solc-js server of its version (solcjs/solc_server.js), which loads the compiler once.
# The servers stop by themselves after ICO_LENS_SOLC_IDLE seconds (default 300); these helpers
# list and stop them (tests, benchmarks). solcjs/solc_run.js decides where their files live.
def warm_run_dirs() -> list[Path]:
    """The folders that may hold warm-server sockets and pid files (see ``solcjs/solc_run.js``)."""
    env = os.environ.get("ICO_LENS_SOLC_RUN_DIR")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    primary = Path(env) if env else cache / "ico_lens" / "solc-run"
    return [primary, Path(tempfile.gettempdir()) / f"ico_lens-solc-run-{os.getuid()}"]


def _server_pid(pid_file: Path) -> int | None:
    """The pid in a warm server's pid file when that process is alive and is a solc server."""
    try:
        pid = int(pid_file.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if b"solc_server.js" in cmdline else None


def warm_servers() -> dict[str, int]:
    """Running warm servers: socket name (``solc-0.4.24-<digest>``) -> pid."""
    found = {}
    for folder in warm_run_dirs():
        for pid_file in sorted(folder.glob("solc-*.pid")) if folder.is_dir() else []:
            pid = _server_pid(pid_file)
            if pid is not None:
                found[pid_file.stem] = pid
    return found


def stop_warm_servers() -> int:
    """Stop every warm server of this user's run folders (SIGTERM: each removes its own files)."""
    import signal

    stopped = 0
    for pid in warm_servers().values():
        try:
            os.kill(pid, signal.SIGTERM)
            stopped += 1
        except OSError:
            pass
    return stopped


# ------------------------------------------------------------------------------------ version choice
@dataclass
class VersionChoice:
    """The compiler version for a source, the fall-backs to try, and how the sources were adapted."""

    version: Version
    #: further versions to try, in order, if the first fails to compile
    fallbacks: list[Version] = field(default_factory=list)
    #: why this version (e.g. "Etherscan CompilerVersion", "pragma ^0.4.18")
    reason: str = ""
    #: pragma statements the chosen compiler does not accept (blanked out before compiling)
    relaxed: list[Pragma] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def version_text(self) -> str:
        return version_text(self.version)


def _nearest(target: Version, candidates: list[Version]) -> Version:
    """Prefer the same minor series, the closest patch at or above the target, else just below."""
    same_minor = [v for v in candidates if v[:2] == target[:2]]
    pool = same_minor or candidates
    above = sorted(v for v in pool if v >= target)
    if above:
        return above[0]
    return max(pool, key=lambda v: v) if same_minor else min(pool, key=lambda v: _distance(v, target))


def _distance(a: Version, b: Version) -> tuple[int, int, int]:
    return abs(a[0] - b[0]), abs(a[1] - b[1]), abs(a[2] - b[2])


def choose_version(
    sources: dict[str, str],
    compiler_version: str | None = None,
    available: list[Version] | None = None,
) -> VersionChoice:
    """Pick the compiler for ``sources``.

    With Etherscan's ``CompilerVersion`` the exact version is used when installed, else the nearest
    installed one. Otherwise the newest installed version every pragma accepts (0.x minor series are
    backward compatible, and newer 0.4 compilers produce the richer AST), with the others as
    fall-backs. When no installed version satisfies the pragmas (e.g. ``pragma solidity 0.4.8``:
    standard JSON starts at 0.4.11), the nearest is chosen and those pragmas are relaxed, with a warning.
    """
    legacy = [] if available is not None else sorted(v for v in solcjs_versions() if v < STANDARD_JSON_MIN)
    available = sorted(available if available is not None else installed_versions())
    if not available:
        raise CompilerNotAvailable(
            "no Solidity compiler installed: run `make setup` (npm installs the pinned solc-js) or install solc with py-solc-x"
        )
    pragmas = find_pragmas(sources)
    ranges = [p.range for p in pragmas if p.range is not None]
    warnings = [f"cannot parse pragma solidity {p.expression!r} in {p.path}" for p in pragmas if p.range is None]
    accepted = [v for v in available if all(r.accepts(v) for r in ranges)]

    if compiler_version and compiler_version.strip():
        if "vyper" in compiler_version.lower():
            raise NotSolidity(f"the contract is written in Vyper ({compiler_version}), not Solidity")
        try:
            wanted = parse_version(compiler_version)
        except ValueError:
            wanted = None
        if wanted is not None:
            if wanted in legacy:  # an exact pre-0.4.11 compiler: run through its legacy interface
                fallbacks = sorted(accepted, reverse=True)[:2]
                reason = f"Etherscan CompilerVersion {compiler_version} (legacy interface)"
                return _finish(VersionChoice(wanted, fallbacks, reason, warnings=warnings), pragmas)
            chosen = wanted if wanted in available else _nearest(wanted, accepted or available)
            reason = f"Etherscan CompilerVersion {compiler_version}"
            if chosen != wanted:
                warnings.append(
                    f"solc {version_text(wanted)} (Etherscan) is not installed; compiled with {version_text(chosen)}"
                )
            fallbacks = [v for v in sorted(accepted, reverse=True) if v != chosen]
            return _finish(VersionChoice(chosen, fallbacks, reason, warnings=warnings), pragmas)

    if not ranges:
        chosen = max(v for v in available if v[:2] == (0, 4)) if any(v[:2] == (0, 4) for v in available) else available[-1]
        warnings.append(f"no pragma solidity found; trying solc {version_text(chosen)}")
        fallbacks = [v for v in [max(available)] if v != chosen]
        return VersionChoice(chosen, fallbacks, "no pragma", warnings=warnings)

    exprs = "; ".join(sorted({r.text for r in ranges}))
    if accepted:
        ordered = sorted(accepted, reverse=True)
        # Fall-backs: the oldest accepted version (closest to what the author compiled with), then the
        # others from the newest down: code that uses a feature added in 0.4.22 and one removed in
        # 0.4.25 only compiles in between.
        fallbacks = [v for v in (ordered[-1], *ordered[1:]) if v != ordered[0]]
        return VersionChoice(ordered[0], list(dict.fromkeys(fallbacks)), f"pragma {exprs}", warnings=warnings)

    # Nothing installed satisfies every pragma: aim at the newest version any pragma names.
    target = max(r.anchor for r in ranges)
    chosen = _nearest(target, available)
    choice = VersionChoice(chosen, [], f"pragma {exprs} (relaxed)", warnings=warnings)
    return _finish(choice, pragmas)


def forced_choice(sources: dict[str, str], version: str) -> VersionChoice:
    """The version the user forces: used as given, with no fall-back (pragmas it rejects are relaxed,
    with a warning). Raises :class:`VersionNotInstalled` when it is not installed here."""
    try:
        wanted = parse_version(version)
    except ValueError:
        raise VersionNotInstalled(f"solc version {version!r} is not a version number (e.g. 0.4.24)") from None
    installed = sorted(set(installed_versions()) | set(solcjs_versions()))
    if wanted not in installed:
        have = f"installed: {version_text(installed[0])} to {version_text(installed[-1])}" if installed else "none installed: run `make setup`"
        raise VersionNotInstalled(f"solc {version_text(wanted)} is not installed ({have})")
    return _finish(VersionChoice(wanted, [], f"forced: solc {version_text(wanted)}"), find_pragmas(sources))


def _finish(choice: VersionChoice, pragmas: list[Pragma]) -> VersionChoice:
    """Mark the pragmas the chosen version rejects as relaxed, with one warning each."""
    for p in pragmas:
        if p.range is not None and not p.range.accepts(choice.version):
            choice.relaxed.append(p)
            why = " (standard JSON needs solc >= 0.4.11)" if p.range.anchor < STANDARD_JSON_MIN else ""
            choice.warnings.append(
                f"pragma solidity {p.expression} in {p.path} relaxed to compile with solc {choice.version_text}{why}"
            )
    return choice


def legacy_fallback(sources: dict[str, str], available: list[Version] | None = None) -> VersionChoice | None:
    """A last resort for sources every standard-JSON compiler rejects: an installed solc-js older
    than 0.4.11 (run through its legacy interface, translated by the wrapper) that the pragmas accept,
    else the one nearest to a pre-0.4.11 pragma. None when there is no such compiler or pragma.

    Some 2016-17 code only compiles there, e.g. ``new C()`` on a contract whose constructor is
    ``internal``, which every compiler from 0.4.9 rejects.
    """
    legacy = sorted(available if available is not None else [v for v in solcjs_versions() if v < STANDARD_JSON_MIN])
    if not legacy:
        return None
    pragmas = find_pragmas(sources)
    ranges = [p.range for p in pragmas if p.range is not None]
    accepted = [v for v in legacy if all(r.accepts(v) for r in ranges)]
    if ranges and accepted:
        chosen = accepted[-1]
    elif ranges and min(r.anchor for r in ranges) < STANDARD_JSON_MIN:
        chosen = _nearest(max(r.anchor for r in ranges if r.anchor < STANDARD_JSON_MIN), legacy)
    else:
        return None
    choice = VersionChoice(chosen, [], "legacy compiler (no standard JSON)")
    choice.warnings.append(
        f"no standard-JSON compiler accepts this source; compiled with solc {choice.version_text} through its legacy interface"
    )
    return _finish(choice, pragmas)


def relax_sources(sources: dict[str, str], relaxed: list[Pragma]) -> dict[str, str]:
    """Blank out the relaxed pragma statements (spaces of the same length: offsets and lines stay)."""
    out = dict(sources)
    for p in sorted(relaxed, key=lambda p: -p.start):
        text = out[p.path]
        out[p.path] = text[: p.start] + " " * (p.end - p.start) + text[p.end :]
    return out


# ----------------------------------------------------------------------------------------- compiling
def standard_json_request(
    sources: dict[str, str],
    *,
    optimizer: bool | None = None,
    runs: int | None = None,
    evm_version: str | None = None,
    remappings: list[str] | None = None,
    outputs: list[str] | None = None,
) -> dict:
    """A standard-JSON request with every source inlined (``content``)."""
    settings: dict = {
        "optimizer": {"enabled": bool(optimizer), **({"runs": runs} if optimizer and runs else {})},
        "outputSelection": {"*": {"*": outputs or ["abi", "evm.bytecode", "evm.deployedBytecode"], "": ["ast"]}},
    }
    if remappings:
        settings["remappings"] = list(remappings)
    if evm_version and evm_version.lower() not in ("default", ""):
        settings["evmVersion"] = evm_version
    return {"language": "Solidity", "sources": {p: {"content": t} for p, t in sources.items()}, "settings": settings}


def compile_standard(
    request: dict,
    compiler: Compiler,
    *,
    cwd: str | Path | None = None,
    timeout: float | None = None,
    label: str | None = None,
) -> dict:
    """Run one standard-JSON compile; return the output, raising :class:`CompileError` on errors.

    ``timeout`` defaults to ``$ICO_LENS_SOLC_TIMEOUT`` or 120 s.
    """
    timeout = timeout or float(os.environ.get("ICO_LENS_SOLC_TIMEOUT") or DEFAULT_TIMEOUT)
    workdir = str(Path(cwd or ".").resolve())
    cmd = [str(compiler.path), "--standard-json", "--allow-paths", workdir]
    env = dict(os.environ, ICO_LENS_SOLC_TIMEOUT=f"{timeout:g}")
    try:
        proc = subprocess.run(
            cmd, input=json.dumps(request).encode(), capture_output=True, cwd=workdir, env=env, timeout=timeout + 10
        )
    except subprocess.TimeoutExpired:
        raise CompileTimeout(f"solc {compiler.version_text} took more than {timeout:g} s", path=label) from None
    except OSError as exc:
        raise CompilerNotAvailable(f"cannot run solc {compiler.version_text} ({compiler.path}): {exc}") from None
    return parse_output(proc.stdout, proc.stderr, proc.returncode, compiler, label=label, timeout=timeout)


def parse_output(
    stdout: bytes, stderr: bytes, returncode: int, compiler: Compiler, *, label: str | None = None, timeout: float = 0
) -> dict:
    err = stderr.decode(errors="replace").strip()
    if returncode == 124 or "timed out" in err:
        raise CompileTimeout(f"solc {compiler.version_text} took more than {timeout:g} s", path=label)
    try:
        output = json.loads(stdout.decode(errors="replace"))
    except json.JSONDecodeError:
        tail = err.splitlines()[-1] if err else f"exit code {returncode}, no output"
        if "heap out of memory" in err or "Allocation failed" in err:
            raise ResourceLimit(f"solc {compiler.version_text} ran out of memory", path=label) from None
        raise CompileError(f"solc {compiler.version_text} failed: {tail}", path=label) from None
    errors = [e for e in output.get("errors", []) if e.get("severity") == "error"]
    if errors:
        raise CompileError(f"solc {compiler.version_text}: {first_error(errors)}", path=label)
    return output


def first_error(errors: list[dict]) -> str:
    """One line for the first compiler error (``file:line: Type: message``), plus how many more."""
    e = errors[0]
    text = e.get("formattedMessage") or e.get("message") or "error"
    first = text.strip().splitlines()[0] if text.strip() else "error"
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return " ".join(first.split()) + more


def compiler_errors(message: str) -> list[dict]:
    """Parse crytic-compile's error text ("Type: formatted message") back into one-line messages."""
    lines = [line for line in message.splitlines() if re.search(r"(Error|Exception): ", line)]
    # crytic-compile prefixes each message with its type, which the message itself repeats
    lines = [re.sub(r"^\w+: (?=\S+:\d+:\d+: )", "", line) for line in lines]
    return [{"formattedMessage": line} for line in lines]

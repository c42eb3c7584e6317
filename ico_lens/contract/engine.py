"""Load Slither on a :class:`~ico_lens.contract.records.SourceBundle`, offline.

Slither compiles through crytic-compile's solc-standard-json platform, which only runs
``solc --version`` and ``solc --standard-json --allow-paths DIR``; the solc given to it is the
executable from :func:`ico_lens.contract.solc.compiler_for` (native solc when py-solc-x installed
one, else the solc-js launcher). The sources are written to a private temporary directory, which
lives as long as the returned Slither object (crytic-compile maps offsets to lines from the files)::

    from ico_lens.contract.source import load_source_file
    from ico_lens.contract.engine import load_slither, load

    bundle = load_source_file("0xabc.sol")
    slither = load_slither(bundle)                  # slither.Slither
    loaded = load(bundle)                           # .slither, .solc_version, .compiler, .warnings, .seconds

Failing compiles are retried with the fall-back versions of
:func:`ico_lens.contract.solc.choose_version` and, as a last resort, a pre-0.4.11 compiler
(:func:`ico_lens.contract.solc.legacy_fallback`); the first version's error is raised as
:class:`CompileError`.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ico_lens.contract import solc as solc_mod
from ico_lens.contract.records import SourceBundle
from ico_lens.contract.solc import CompileError, CompilerNotAvailable, NotSolidity
from ico_lens.errors import DependencyMissing, IcoLensError


@dataclass
class LoadedContract:
    """Slither loaded on a bundle, with how it was compiled."""

    slither: Any  # slither.Slither
    bundle: SourceBundle
    #: the solc version used, e.g. "0.4.24"
    solc_version: str
    #: "native" (py-solc-x binary) or "solcjs"
    compiler: str
    #: what was adapted or tried (relaxed pragmas, missing versions, failed attempts)
    warnings: list[str] = field(default_factory=list)
    #: wall-clock seconds to compile and analyse
    seconds: float = 0.0
    _workdir: Any = field(default=None, repr=False)


def load_slither(bundle: SourceBundle, **kwargs: Any):
    """Compile ``bundle`` and return a ``slither.Slither`` over it (see :func:`load`)."""
    return load(bundle, **kwargs).slither


def load(
    bundle: SourceBundle,
    *,
    version: str | None = None,
    timeout: float | None = None,
    prefer_native: bool = True,
    max_attempts: int = 6,
) -> LoadedContract:
    """Compile ``bundle`` with the best installed solc and run Slither's analyses on it.

    ``version`` forces a compiler version: it is used alone, or refused with
    :class:`~ico_lens.contract.solc.VersionNotInstalled` (else Etherscan's ``CompilerVersion``, else the
    pragmas decide). A compile error is retried with up to ``max_attempts - 1`` other versions the pragmas
    accept (the same error from two versions skips to the last resort, a pre-0.4.11 compiler). Raises :class:`NotSolidity`, :class:`CompilerNotAvailable` or :class:`CompileError`
    (one line, naming the bundle).
    """
    started = time.monotonic()
    label = bundle.label
    _check_solidity(bundle)
    if version:
        choice = solc_mod.forced_choice(bundle.sources, version)
    else:
        choice = solc_mod.choose_version(bundle.sources, bundle.compiler_version)
    plans = [choice] + [
        solc_mod._finish(solc_mod.VersionChoice(v), solc_mod.find_pragmas(bundle.sources))
        for v in choice.fallbacks
    ]
    plans = plans[:max_attempts]
    if not version and choice.version >= solc_mod.STANDARD_JSON_MIN:
        legacy = solc_mod.legacy_fallback(bundle.sources)
        if legacy is not None:
            plans.append(legacy)  # the last resort: a pre-0.4.11 compiler through its legacy interface
    legacy_index = len(plans) - 1 if plans[-1].version < solc_mod.STANDARD_JSON_MIN else None
    warnings = list(choice.warnings)
    first_error: IcoLensError | None = None
    seen_errors: set[str] = set()
    i = 0
    while i < len(plans):
        attempt = plans[i]
        v = attempt.version
        if i > 0:
            warnings.extend(attempt.warnings)
        try:
            compiler = solc_mod.compiler_for(v, prefer_native=prefer_native)
            # Pragmas the version rejects are blanked out in the compiled copy (offsets unchanged).
            sources = solc_mod.relax_sources(bundle.sources, attempt.relaxed)
            slither, workdir = _run_slither(sources, bundle, compiler, timeout=timeout)
        except solc_mod.CompileTimeout:
            raise
        except (CompileError, CompilerNotAvailable) as exc:
            first_error = first_error or exc
            key = _error_key(exc.message)
            following = i + 1
            if i == 1 and key in seen_errors and legacy_index is not None and following < legacy_index:
                # the newest and the oldest accepted versions fail alike: skip to the last resort
                following = legacy_index
            seen_errors.add(key)
            if following < len(plans):
                warnings.append(f"solc {solc_mod.version_text(v)} failed ({exc.message}); trying another version")
            i = following
            continue
        return LoadedContract(
            slither=slither,
            bundle=bundle,
            solc_version=compiler.version_text,
            compiler=compiler.kind,
            warnings=warnings + getattr(slither, "_ico_lens_log", []),
            seconds=time.monotonic() - started,
            _workdir=workdir,
        )
    assert first_error is not None
    if isinstance(first_error, CompilerNotAvailable):
        raise first_error
    raise CompileError(first_error.message, path=label)


def _error_key(message: str) -> str:
    """A compiler error without the version and error type, to spot the same error from two versions."""
    key = re.sub(r"^solc [\d.]+:\s*", "", message)
    key = re.sub(r"\b\w*(Error|Exception)\b", "", key)
    return re.sub(r"[:\s]+", " ", key).strip()


def _check_solidity(bundle: SourceBundle) -> None:
    if not bundle.sources:
        raise NotSolidity("no source code", path=bundle.label)
    code = "\n".join(solc_mod.mask_comments(t) for t in bundle.sources.values())
    if not re.search(r"\b(contract|library|interface)\s+[A-Za-z_$][\w$]*", code):
        raise NotSolidity("no Solidity contract, library or interface found", path=bundle.label)


def _safe_relpath(name: str) -> str:
    """A relative POSIX path inside the work directory for a source unit name."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("/", "..", ".")]
    return "/".join(parts) or "source.sol"


#: What the facts need from solc: the AST (always selected) and the ABI. No bytecode: generating it
#: is most of a compile on solc >= 0.5 (about 3x) and it is the bulk of the output; Slither reads it
#: only for ``type(C).creationCode`` / ``runtimeCode`` constants, which no fact looks at.
SLITHER_OUTPUTS: tuple[str, ...] = ("abi",)

#: what crytic-compile reads from every contract of a standard-JSON output (it indexes these keys)
_EVM_STUB = {"bytecode": {"object": "", "sourceMap": ""}, "deployedBytecode": {"object": "", "sourceMap": ""}}


def _with_evm_stubs(output: dict) -> dict:
    """Empty bytecode and source maps for contracts compiled without them (crytic-compile requires
    the keys; an interface or abstract contract has empty ones in a full compile too)."""
    for contracts in (output.get("contracts") or {}).values():
        for info in contracts.values():
            evm = info.setdefault("evm", {})
            for part, stub in _EVM_STUB.items():
                merged = dict(stub)
                merged.update(evm.get(part) or {})
                evm[part] = merged
    return output


def _platform(base: type, request: dict):
    """crytic-compile's standard-JSON platform (``base``) for ``request``, accepting an output without
    bytecode (see :data:`SLITHER_OUTPUTS`). Its ``compile`` is crytic-compile's own, step by step, with
    the missing ``evm`` keys filled in between running solc and parsing the output."""
    from crytic_compile.compilation_unit import CompilationUnit
    from crytic_compile.compiler.compiler import CompilerVersion
    from crytic_compile.platform import solc_standard_json as sj

    class LeanStandardJson(base):
        def compile(self, crytic_compile, **kwargs):
            solc = kwargs.get("solc", "solc")
            working_dir = kwargs.get("solc_working_dir")
            env = kwargs.get("solc_env")
            settings = self.to_dict().get("settings", {})
            unit = CompilationUnit(crytic_compile, "standard_json")
            unit.compiler_version = CompilerVersion(
                compiler="solc",
                version=sj.get_version(solc, env),
                optimized=bool(settings.get("optimizer", {}).get("enabled", False)),
                optimize_runs=settings.get("optimizer", {}).get("runs"),
                via_ir=bool(settings.get("viaIR", False)),
            )
            output = sj.run_solc_standard_json(
                self.to_dict(),
                unit.compiler_version,
                solc_disable_warnings=kwargs.get("solc_disable_warnings", False),
                working_dir=working_dir,
                solc=solc,
                solc_env=env,
            )
            sj.parse_standard_json_output(_with_evm_stubs(output), unit, solc_working_dir=working_dir)

    return LeanStandardJson(request)


def _run_slither(sources: dict[str, str], bundle: SourceBundle, compiler: solc_mod.Compiler, *, timeout: float | None):
    try:
        from crytic_compile.platform.exceptions import InvalidCompilation
        from crytic_compile.platform.solc_standard_json import SolcStandardJson
        from slither import Slither
        from slither.exceptions import SlitherError
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DependencyMissing(f"slither-analyzer is not installed ({exc.name}): pip install 'ico_lens[contract]'") from None

    workdir = tempfile.TemporaryDirectory(prefix="ico_lens_src_")
    root = Path(workdir.name)
    request_sources = {}
    for name, text in sources.items():
        rel = _safe_relpath(name)
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        # Paths only: crytic-compile resolves them against the work directory; the wrapper inlines them.
        request_sources[rel] = {"urls": [rel]}
    request = solc_mod.standard_json_request(
        {},
        # The optimizer changes bytecode, not the AST Slither analyses: off, compiles are faster.
        optimizer=False,
        evm_version=None,  # Etherscan's value may be newer than the chosen compiler knows
        remappings=bundle.remappings,
        outputs=list(SLITHER_OUTPUTS),
    )
    request["sources"] = request_sources
    env = {"ICO_LENS_SOLC_TIMEOUT": f"{timeout or float(os.environ.get('ICO_LENS_SOLC_TIMEOUT') or solc_mod.DEFAULT_TIMEOUT):g}"}
    captured = _CapturedLogs()
    captured.start()
    try:
        slither = Slither(
            _platform(SolcStandardJson, request),
            solc=str(compiler.path),
            solc_working_dir=str(root),
            solc_disable_warnings=True,
            solc_env=env,
        )
    except (InvalidCompilation, SlitherError) as exc:
        workdir.cleanup()
        raise _compile_error(str(exc), compiler, bundle.label) from None
    except Exception as exc:  # Slither's parser on an AST it does not expect
        workdir.cleanup()
        raise CompileError(
            f"Slither could not analyse the solc {compiler.version_text} output: "
            f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}",
            path=bundle.label,
        ) from None
    finally:
        captured.stop()
    if not any(cu.contracts for cu in slither.compilation_units):
        workdir.cleanup()
        raise NotSolidity("compiled, but no contract found", path=bundle.label)
    slither._ico_lens_workdir = workdir  # keep the files for as long as Slither may read them
    slither._ico_lens_log = captured.messages
    return slither, workdir


#: loggers of crytic-compile and Slither (parsing, SlithIR conversion, SSA)
_ENGINE_LOGGERS = (
    "CryticCompile", "Slither", "SlitherSolcParsing", "ContractSolcParsing", "FunctionSolc", "Function",
    "Contract", "ExpressionParsing", "TypeParsing", "VariableDeclarationSolcParsing", "UsingForTopLevelSolc",
    "ConvertToIR", "ConvertToEVM", "SSA_Conversion", "BinaryOperationIR", "AssignmentOperationIR",
    "BinaryOperation", "AssignmentOperation", "UnaryOperation",
)


class _CapturedLogs(logging.Handler):
    """Collects the engine's warnings and errors (e.g. "Impossible to generate IR for X.f") as one-line
    messages instead of letting them reach the user's terminal."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self._saved: list[tuple[logging.Logger, bool, int]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "CryticCompile":
            return  # compiler warnings: not about the analysis
        text = " ".join(record.getMessage().split())
        if text and len(self.messages) < 20:
            self.messages.append(f"Slither: {text[:240]}")

    def start(self) -> None:
        for name in _ENGINE_LOGGERS:
            logger = logging.getLogger(name)
            self._saved.append((logger, logger.propagate, logger.level))
            logger.addHandler(self)
            logger.propagate = False
            if logger.level == logging.NOTSET or logger.level > logging.WARNING:
                logger.setLevel(logging.WARNING)

    def stop(self) -> None:
        for logger, propagate, level in self._saved:
            logger.removeHandler(self)
            logger.propagate = propagate
            logger.setLevel(level)
        self._saved.clear()


def _compile_error(text: str, compiler: solc_mod.Compiler, label: str) -> CompileError:
    if "timed out" in text:
        return solc_mod.CompileTimeout(f"solc {compiler.version_text} timed out", path=label)
    errors = solc_mod.compiler_errors(text)
    if errors:
        return CompileError(f"solc {compiler.version_text}: {solc_mod.first_error(errors)}", path=label)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    tail = lines[-1] if lines else "no output"
    return CompileError(f"solc {compiler.version_text} failed: {tail}", path=label)

"""One project's work on a worker: its records and rows, ready for the one writer to commit.

:func:`compute` runs the stages asked for on one :class:`~ico_lens.store.plan.Project` and returns
:class:`Unit` s (its contract's first, then its paper's): plain data, picklable, so a process pool or
a Dask worker can compute them and the process that owns the SQLite file write them. A stage that
fails makes its unit a failure (the error code and message of :class:`~ico_lens.records.Failure`);
nothing raises out of here.

The models are loaded once per worker process: the language stage keeps them between papers.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import resource
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from ico_lens.paper.ingest import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from ico_lens.records import Failure, ProjectRef
from ico_lens.store import rows as make_rows
from ico_lens.store.plan import Project

log = logging.getLogger(__name__)

#: every stage, in the order they run
STAGES = ("paper", "language", "contract", "align")


@dataclass(frozen=True)
class Options:
    stages: tuple[str, ...] = STAGES
    #: the language stage's trained models (False: dictionaries only, no torch)
    use_models: bool = True
    #: per-paper limits of the ingestion's isolation (a forked child killed when it overruns)
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    #: seconds per contract compile
    compile_timeout: float | None = None
    #: read chart and term-sheet pictures with Tesseract (None: when installed; about 2 s a paper)
    ocr: bool | None = None


@dataclass
class Unit:
    """What one transaction writes: a paper (with its project) or a contract, done or failed."""

    key: str
    kind: str  # "paper" | "contract"
    path: str
    status: str = "done"  # "done" | "failed"
    error: str | None = None
    message: str | None = None
    #: the stages that ran (done), or the one that failed
    stages: list[str] = field(default_factory=list)
    rows: make_rows.Rows = field(default_factory=dict)
    #: (stage, "module:Class", JSON of to_dict())
    records: list[tuple[str, str, str]] = field(default_factory=list)
    #: seconds each stage took (for the benchmark's share of time per stage)
    seconds: dict[str, float] = field(default_factory=dict)
    #: the computing worker's peak memory so far (its own or a paper-reading child's), in MB
    peak_mb: float = 0.0

    def add(self, stage: str, record: Any, rows: make_rows.Rows, started: float) -> None:
        self.seconds[stage] = time.perf_counter() - started
        kind = type(record)
        self.records.append((stage, f"{kind.__module__}:{kind.__qualname__}", json.dumps(record.to_dict(), ensure_ascii=False)))
        for table, table_rows in rows.items():
            self.rows.setdefault(table, []).extend(table_rows)
        self.stages.append(stage)

    def fail(self, stage: str, exc: BaseException) -> "Unit":
        failure = Failure.of(self.path, exc)
        kept = {t: r for t, r in self.rows.items() if t in ("projects", "outcomes")}
        self.status, self.error, self.message = "failed", failure.error, failure.message
        self.stages, self.rows, self.records = [stage], kept, []
        return self


def align_function() -> Callable | None:
    """``ico_lens.align.align`` when the align stage is installed, else None: the stage is optional."""
    try:
        from ico_lens.align import align
    except ImportError:
        return None
    return align


def compute(project: Project, options: Options) -> list[Unit]:
    """The units of ``project``: its contract's (when it has one and the stage is asked for), its paper's."""
    units = []
    contract = None
    if project.contract and "contract" in options.stages:
        unit, contract = _contract_unit(project, options)
        units.append(unit)
    units.append(_paper_unit(project, options, contract))
    for unit in units:
        unit.peak_mb = _peak_mb()
    return units


def _peak_mb() -> float:
    usage = (resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return max(usage) / 1024  # Linux counts kilobytes


def _contract_unit(project: Project, options: Options):
    from ico_lens.contract import analyse

    target = project.ref.address or project.contract
    source = project.contract if project.contract != project.ref.address else None
    unit = Unit(project.contract_key, "contract", project.contract)
    started = time.perf_counter()
    try:
        report = analyse(target, chain_id=project.ref.chain_id or 1, source=source, timeout=options.compile_timeout)
    except Exception as exc:  # one contract's failure is recorded; the batch goes on
        log.debug("%s: contract failed", project.contract, exc_info=True)
        return unit.fail("contract", exc), None
    unit.add("contract", report, make_rows.contract_rows(unit.key, report, source), started)
    return unit, report


def _paper_unit(project: Project, options: Options, contract) -> Unit:
    unit = Unit(project.key, "paper", project.paper)
    unit.rows["projects"] = [_project_row(project)]
    unit.rows["outcomes"] = [{"key": project.key, "name": k, "value": make_rows.outcome_value(str(v))} for k, v in project.outcomes.items()]
    stage, profile = "paper", None
    try:
        started = time.perf_counter()
        report = _read_paper(project, options)
        unit.add("paper", report, make_rows.document_rows(unit.key, report), started)
        if report.facts is not None and not project.ref.symbol:
            unit.rows["projects"][0]["symbol"] = report.facts.token_symbol
        if "language" in options.stages:
            stage, started = "language", time.perf_counter()
            profile = _profile(report, options)
            unit.add("language", profile, make_rows.language_rows(unit.key, profile), started)
            unit.rows["documents"][0]["word_count"] = profile.word_count
            unit.rows["documents"][0]["sentence_count"] = profile.sentence_count
        align = align_function() if "align" in options.stages and contract is not None else None
        if align is not None and report.facts is not None:
            stage, started = "align", time.perf_counter()
            alignment = align(report.facts, contract, profile=profile)
            unit.add("align", alignment, make_rows.finding_rows(unit.key, project.contract_key, alignment), started)
    except Exception as exc:  # recorded as the paper's failure, with the stage that failed
        log.debug("%s: %s failed", project.paper, stage, exc_info=True)
        return unit.fail(stage, exc)
    return unit


def _read_paper(project: Project, options: Options):
    from ico_lens.paper import analyse

    # a daemonic worker (Dask's default) may not fork: the paper is then read in-process, without limits
    isolate = not multiprocessing.current_process().daemon
    report = analyse(project.paper, facts="paper" in options.stages, ocr=options.ocr, timeout=options.timeout,
                     memory_mb=options.memory_mb, isolate=isolate)
    if report.facts is not None:
        report.facts.ref = report.facts.ref.merge(project.ref)
    return report


def _profile(report, options: Options):
    from ico_lens.language import analyse

    profile = analyse(report.document, use_models=options.use_models, top_sentences=None, facts=report.facts)
    profile.ref = profile.ref.merge(ProjectRef(name=report.facts.ref.name if report.facts else None))
    return profile


def _project_row(project: Project) -> dict:
    ref = project.ref
    return {"key": project.key, "name": ref.name, "symbol": ref.symbol, "chain_id": ref.chain_id,
            "address": ref.address, "contract_key": project.contract_key, "path": project.paper}

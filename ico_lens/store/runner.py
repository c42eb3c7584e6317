"""A batch into the feature store: what is left to do, computed in parallel, committed by one writer.

:func:`run` takes a :class:`~ico_lens.store.plan.Plan`, skips the papers and contracts the store has
finished (failed ones too, unless ``retry_failed``), computes the rest on an engine and writes each
unit as it arrives:

* ``local``: in this process (one worker) or a pool of spawned worker processes (``workers`` > 1);
* ``dask``: the tasks go to a Dask cluster (``scheduler="tcp://HOST:PORT"``); workers compute the
  units and this process alone writes SQLite. A worker lost mid-task makes the scheduler run the
  task again elsewhere: it costs a retry, not a record.

Progress (done / failed / remaining, papers per minute) goes to stderr: a rich progress bar on a
terminal, one line per paper otherwise.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import IO, Callable, Iterator

from ico_lens.errors import DependencyMissing, InputError
from ico_lens.store.compute import Options, Unit, compute
from ico_lens.store.plan import Plan, Project
from ico_lens.store.writer import StoreWriter


@dataclass
class Summary:
    papers: int = 0  # in the plan
    skipped: int = 0  # finished before this run
    done: int = 0
    failed: int = 0
    contracts_done: int = 0
    contracts_failed: int = 0
    bad_rows: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    #: stage -> seconds spent in it, over every worker
    stage_seconds: dict[str, float] = field(default_factory=dict)
    #: the highest peak memory a worker reported, in MB
    peak_mb: float = 0.0

    @property
    def todo(self) -> int:
        return self.papers - self.skipped

    @property
    def per_minute(self) -> float:
        return 60.0 * (self.done + self.failed) / self.seconds if self.seconds else 0.0

    def exit_code(self, *, strict: bool) -> int:
        """1 when nothing could be processed, or with ``strict`` when anything failed; else 0."""
        if strict and (self.failed or self.contracts_failed or self.bad_rows):
            return 1
        return 1 if self.todo and not self.done else 0

    def lines(self) -> list[str]:
        lines = [f"papers: {self.done} done, {self.failed} failed, {self.skipped} already in the store, of {self.papers}"
                 f" ({self.per_minute:.1f} papers/min over {self.seconds:.0f}s)"]
        if self.contracts_done or self.contracts_failed:
            lines.append(f"contracts: {self.contracts_done} done, {self.contracts_failed} failed")
        if self.bad_rows:
            lines.append(f"inputs left out: {self.bad_rows} (reported above)")
        return lines


def pending(plan: Plan, writer: StoreWriter, options: Options, *, retry_failed: bool) -> list[Project]:
    """The projects with a paper or a contract the store has not finished."""
    statuses = writer.statuses()

    def settled(key: str | None) -> bool:
        status = statuses.get(key) if key else "done"
        return status == "done" or (status == "failed" and not retry_failed)

    wants_contract = "contract" in options.stages
    return [p for p in plan.projects if not settled(p.key) or (wants_contract and not settled(p.contract_key))]


def run(
    plan: Plan,
    writer: StoreWriter,
    options: Options,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    retry_failed: bool = False,
    connect_timeout: float = 20.0,
    stream: IO[str] | None = None,
    threads: int | None = None,
) -> Summary:
    """Process what ``plan`` holds and the store has not finished; ``connect_timeout``: seconds to
    reach a Dask scheduler; ``threads``: the models' threads per local worker (default: the cores
    shared out between the workers; given, even one worker runs in a process of its own)."""
    stream = stream or sys.stderr
    todo = pending(plan, writer, options, retry_failed=retry_failed)
    summary = Summary(papers=len(plan.projects), skipped=len(plan.projects) - len(todo), bad_rows=len(plan.bad))
    start = time.monotonic()
    with _Progress(stream, len(todo)) as advance:
        for units in _engine(engine, todo, options, workers=workers, scheduler=scheduler, connect_timeout=connect_timeout,
                             threads=threads):
            for unit in units:
                writer.write(unit)
                _count(summary, unit, stream)
            summary.seconds = time.monotonic() - start
            advance(summary, units[-1].path)
    writer.finish()
    summary.seconds = time.monotonic() - start
    return summary


def _count(summary: Summary, unit: Unit, stream: IO[str]) -> None:
    for stage, seconds in unit.seconds.items():
        summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + seconds
    summary.peak_mb = max(summary.peak_mb, unit.peak_mb)
    failed = unit.status == "failed"
    if failed:
        summary.failures.append(unit.message or unit.path)
        print(f"ico-lens batch: error: {unit.stages[0]}: {unit.message}", file=stream, flush=True)
    if unit.kind == "paper":
        summary.failed += failed
        summary.done += not failed
    else:
        summary.contracts_failed += failed
        summary.contracts_done += not failed


def _engine(engine: str, todo: list[Project], options: Options, *, workers: int, scheduler: str | None,
            connect_timeout: float, threads: int | None = None) -> Iterator[list[Unit]]:
    if engine == "dask":
        if not scheduler:
            raise InputError("--engine dask needs --scheduler tcp://HOST:PORT")
        return _on_dask(todo, options, scheduler, connect_timeout)
    if engine != "local":
        raise InputError(f"unknown engine {engine!r} (local or dask)")
    if threads is None and (workers <= 1 or len(todo) <= 1):
        return (compute(project, options) for project in todo)
    return _on_pool(todo, options, workers, threads)


def _on_pool(todo: list[Project], options: Options, workers: int, threads: int | None = None) -> Iterator[list[Unit]]:
    """A pool of worker processes, each loading its models once; at most two tasks per worker in flight.

    The workers are spawned, not forked: a fork of a process that has run torch can hang in its
    thread pool (the models, a warm-up, a notebook that loaded them).
    """
    import multiprocessing

    queue = iter(todo)
    threads = threads or max(1, (os.cpu_count() or 1) // workers)
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_share_cores, initargs=(threads,)) as pool:
        running = set()
        while True:
            while len(running) < 2 * workers and (project := next(queue, None)) is not None:
                running.add(pool.submit(compute, project, options))
            if not running:
                return
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()


def _share_cores(threads: int) -> None:
    """In a fresh worker, before torch is imported: its share of the cores for the models' thread
    pools (each would take every core, and N workers would fight over them)."""
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(name, str(threads))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _on_dask(todo: list[Project], options: Options, scheduler: str, connect_timeout: float) -> Iterator[list[Unit]]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise DependencyMissing("--engine dask needs dask.distributed: pip install 'ico_lens[cluster]'") from None
    try:
        client = Client(scheduler, timeout=connect_timeout)
    except OSError as exc:
        raise InputError(f"no Dask scheduler answers at {scheduler} ({exc})") from None
    with client:
        # pure=False: two projects are never taken for one task; retries: a task that raised (a worker
        # lost mid-task is rescheduled by the scheduler anyway)
        futures = [client.submit(compute, project, options, pure=False, retries=2, key=f"ico-lens-{project.key}") for project in todo]
        for future in as_completed(futures):
            yield future.result()
            future.release()


def build_store(
    source: str,
    db: str,
    *,
    contracts: str | None = None,
    options: Options | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    retry_failed: bool = False,
    say: Callable[[str], None] | None = None,
    stream: IO[str] | None = None,
) -> Summary:
    """``ico-lens batch`` as a function: the papers of ``source`` (a directory, a paper or a manifest,
    see :func:`~ico_lens.store.plan.read_plan`) into the store ``db``, created or upgraded as needed.

    ``say`` hears the inputs left out (one line each) and what was done to the file; ``stream`` gets
    the progress. Raises :class:`~ico_lens.errors.InputError` when no input is usable.
    """
    from ico_lens.store.database import open_store
    from ico_lens.store.plan import read_plan

    say = say or (lambda message: None)
    if engine == "dask" and not scheduler:
        raise InputError("--engine dask needs --scheduler tcp://HOST:PORT")
    plan = read_plan(source, contracts=contracts)
    for line in plan.bad:
        say(f"error: {line}")
    if not plan.projects:
        raise InputError("no usable paper (every input was left out)", path=source)
    store = open_store(db, on_message=say)
    try:
        return run(plan, StoreWriter(store, db), options or Options(), workers=workers, engine=engine,
                   scheduler=scheduler, retry_failed=retry_failed, stream=stream)
    finally:
        store.close()


class _Progress:
    """``advance(summary, path)`` after each project: a rich bar on a terminal, else a line."""

    def __init__(self, stream: IO[str], total: int):
        self.stream, self.total = stream, total
        self.bar = None

    def __enter__(self) -> Callable[[Summary, str], None]:
        if self.stream.isatty() and self.total > 1:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[counts]}"),
                                TimeElapsedColumn(), console=Console(file=self.stream), transient=False)
            self.task = self.bar.add_task("papers", total=self.total, counts="")
            self.bar.start()
        return self.advance

    def advance(self, summary: Summary, path: str) -> None:
        finished = summary.done + summary.failed
        counts = f"{summary.done} done, {summary.failed} failed, {self.total - finished} remaining, {summary.per_minute:.1f}/min"
        if self.bar is not None:
            self.bar.update(self.task, completed=finished, counts=counts)
        elif self.total > 1:
            print(f"[{finished}/{self.total}] {path}: {counts}", file=self.stream, flush=True)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

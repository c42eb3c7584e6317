"""Run one stage over many inputs: the batch runner behind ``ico-lens extract``, ``language`` (and
``batch``).

A batch takes files and directories (a directory stands for the papers in it, found recursively),
processes each input in turn, writes each record as soon as it is ready, turns an input that cannot
be processed into a :class:`~ico_lens.records.Failure` record and goes on, prints progress and one
summary line on stderr, and can resume: with an output file that already holds records, the inputs
it holds are skipped.

>>> from ico_lens.batch import jsonl_writer, run_batch
>>> from ico_lens.paper import analyse
>>> failures = run_batch(["a.pdf", "missing.pdf"], analyse, lambda sink, fresh: jsonl_writer(sink),
...                      command="extract", out="papers.jsonl")                    # doctest: +SKIP

writes one JSON line per paper to ``papers.jsonl`` (a ``Failure`` for ``missing.pdf``), prints
``[1/2] a.pdf``, ``[2/2] missing.pdf``, ``ico-lens extract: error: missing.pdf: no such file`` and
``ico-lens extract: 1 of 2 papers failed`` on stderr and returns 1; run again, it skips both papers.

Only the standard library is imported here: the stage's own work comes in through ``process``.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from ico_lens.errors import IcoLensError, InputError
from ico_lens.files import check_file
from ico_lens.records import Failure

log = logging.getLogger(__name__)

# --- inputs -------------------------------------------------------------------------------------------


@dataclass
class Inputs:
    """What the user named, expanded: files in the order given, each directory's papers sorted."""

    paths: list[str]
    #: one file was named (not a directory): its errors are the command's errors, not a Failure record
    single: bool


def expand_inputs(names: Sequence[str], suffixes: Sequence[str], *, command: str, stream: IO[str] | None = None) -> Inputs:
    """Files as named; a directory becomes its files ending in one of ``suffixes`` (recursively, sorted).

    The count of each directory's papers goes to ``stream`` (stderr). A directory without such files
    is an :class:`~ico_lens.errors.InputError` when it is all the user named; among other inputs it
    stays in the list and becomes a failure of the batch (see :func:`run_batch`).
    """
    stream = stream or sys.stderr
    paths: list[str] = []
    for name in map(str, names):
        if not os.path.isdir(name):  # False for a name too long or missing: the file check reports it
            paths.append(name)
            continue
        found = papers_in(name, suffixes)
        if not found and len(names) == 1:
            raise no_papers(name, suffixes)
        print(f"ico-lens {command}: {name}: {len(found)} {_plural(len(found), 'paper')} ({_globs(suffixes)}, recursively)", file=stream)
        paths.extend(found or [name])
    return Inputs(paths, single=len(names) == 1 and not os.path.isdir(str(names[0])))


def papers_in(directory: str, suffixes: Sequence[str]) -> list[str]:
    """Files under ``directory`` whose name ends in one of ``suffixes`` (any case), sorted.

    Symbolic links to directories are not followed (no loops); hidden directories are skipped.
    """
    wanted = tuple(s.lower() for s in suffixes)
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(os.path.join(root, f) for f in files if f.lower().endswith(wanted))
    return sorted(found)


def no_papers(directory: str, suffixes: Sequence[str]) -> InputError:
    return InputError(f"a directory without {_globs(suffixes)} files (searched recursively)", path=directory)


def _globs(suffixes: Sequence[str]) -> str:
    return "/".join(f"*{s}" for s in suffixes)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


# --- running ------------------------------------------------------------------------------------------


def each_record(
    paths: Iterable[str],
    process: Callable[[str], Any],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    suffixes: Sequence[str] = (),
) -> Iterator[Any]:
    """``process(path)`` for each path in turn (a generator); an input that fails becomes a ``Failure``.

    ``progress(index, total, path)`` is called before each input (1-based index). A path that is a
    directory here is one :func:`expand_inputs` found no papers in (``suffixes``: what it looked for).
    """
    paths = [str(p) for p in paths]
    for index, path in enumerate(paths, start=1):
        if progress:
            progress(index, len(paths), path)
        try:
            if os.path.isdir(path):
                raise no_papers(path, suffixes)
            yield process(path)
        except IcoLensError as exc:
            yield Failure.of(path, exc)
        except Exception as exc:  # a fault of ours on one input must not lose the rest of the batch
            log.debug("%s: internal error", path, exc_info=True)
            yield Failure.of(path, exc)


#: makes the function that writes each record to ``sink``; ``fresh``: the sink holds nothing yet (a
#: CSV header is due)
WriterFactory = Callable[[IO[str], bool], Callable[[Any], None]]


def run_batch(
    paths: Sequence[str],
    process: Callable[[str], Any],
    writer: WriterFactory,
    *,
    command: str,
    out: str | None = None,
    columns: Sequence[str] | None = None,
    record_key: str | None = None,
    suffixes: Sequence[str] = (),
    stream: IO[str] | None = None,
) -> int:
    """Process every path and write each record (failures included) as soon as it is ready.

    Records go to stdout, or with ``out`` to that file: it is resumed (see :func:`resume_output`;
    ``columns`` for a CSV, ``record_key`` for JSON lines), so the inputs it holds are skipped. Each
    failure's message goes to ``stream`` (stderr), and with more than one input, progress
    (``[i/n] path``) and one summary line (``k of n papers failed``). Returns the number of failures.
    """
    stream = stream or sys.stderr
    if out is None:
        return _run(paths, process, writer(sys.stdout, True), command=command, suffixes=suffixes, stream=stream)
    done = resume_output(out, columns, command=command, record_key=record_key)
    todo = [p for p in paths if os.path.abspath(p) not in done]
    if done:
        print(f"ico-lens {command}: {out} already holds {len(paths) - len(todo)} of these papers; {len(todo)} to go", file=stream)
    try:
        sink = open(out, "a", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot write to it ({exc.strerror or exc})", path=out) from None
    with sink:
        return _run(todo, process, writer(sink, sink.tell() == 0), command=command, suffixes=suffixes, stream=stream)


def _run(paths: Sequence[str], process, write, *, command: str, suffixes: Sequence[str], stream: IO[str]) -> int:
    total = len(paths)

    def progress(index: int, total: int, path: str) -> None:
        print(f"[{index}/{total}] {path}", file=stream, flush=True)

    failures = 0
    for record in each_record(paths, process, progress=progress if total > 1 else None, suffixes=suffixes):
        if isinstance(record, Failure):
            failures += 1
            print(f"ico-lens {command}: error: {record.message}", file=stream, flush=True)
        write(record)
    if total > 1:
        print(f"ico-lens {command}: {failures} of {total} papers failed", file=stream)
    return failures


# --- writing records ------------------------------------------------------------------------------------


def jsonl_writer(sink: IO[str], as_dict: Callable[[Any], dict] | None = None) -> Callable[[Any], None]:
    """Write each record as one compact JSON line (``as_dict(record)``, else its ``to_dict()``; a
    ``Failure`` as its fields), flushed: a stopped batch keeps every finished line."""

    def write(record: Any) -> None:
        data = record.to_dict() if as_dict is None or isinstance(record, Failure) else as_dict(record)
        sink.write(json.dumps(data, ensure_ascii=False) + "\n")
        sink.flush()

    return write


def text_writer(sink: IO[str], text: Callable[[Any], str]) -> Callable[[Any], None]:
    """Write each record as ``text(record)``, flushed; a ``Failure`` is left out (its message is on
    stderr already)."""

    def write(record: Any) -> None:
        if not isinstance(record, Failure):
            sink.write(text(record))
            sink.flush()

    return write


def csv_writer(sink: IO[str], columns: Sequence[str], as_row: Callable[[Any], dict], *, header: bool) -> Callable[[Any], None]:
    """Write each record as one CSV row of ``columns`` (``as_row(record)``; a ``Failure`` as its fields)."""
    writer = csv.DictWriter(sink, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()

    def write(record: Any) -> None:
        writer.writerow(record.to_dict() if isinstance(record, Failure) else as_row(record))
        sink.flush()

    return write


# --- resumable output files -----------------------------------------------------------------------------


def resume_output(path: str | os.PathLike, columns: Sequence[str] | None = None, *, command: str, record_key: str | None = None) -> set[str]:
    """Prepare ``path`` to take more records of a batch, and return the inputs it already holds.

    ``columns``: the CSV header the batch writes (``None``: a JSON-lines file). ``record_key``: a key
    every JSON record of this batch has (a ``Failure`` aside), so that a file of another command is
    refused; ``command`` names the command that writes them. A last line cut half-way (the previous run was
    killed while writing it) is removed, so no half-written record stays. Every input with a record,
    failed ones included, counts as done (delete a failure's line to try the input again). Paths are
    compared as absolute paths. A missing or empty file holds nothing. Raises
    :class:`~ico_lens.errors.InputError` when the file is not what this batch writes.
    """
    target = str(path)
    if not os.path.exists(target):  # a name too long is refused when the file is opened to append
        return set()
    check_file(target)
    if os.path.getsize(target) == 0:
        return set()
    _cut_partial_last_line(Path(target))
    with open(target, encoding="utf-8", newline="") as f:
        if columns is not None:
            return _csv_paths(f, columns, target)
        return _jsonl_paths(f, target, command, record_key)


def _csv_paths(f: IO[str], columns: Sequence[str], target: str) -> set[str]:
    reader = csv.reader(f)
    header = next(reader, None)
    if header is not None and header != list(columns):
        raise InputError(
            "it has other CSV columns than this batch writes (other dictionaries or options?): write to a new file",
            path=target,
        )
    return {os.path.abspath(row[0]) for row in reader if row}


def _jsonl_paths(f: IO[str], target: str, command: str, record_key: str | None) -> set[str]:
    done = set()
    for number, line in enumerate(f, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if record_key and record_key not in record and record.get("status") != "failed":
                raise KeyError(record_key)
            done.add(os.path.abspath(record["path"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InputError(f"line {number} is not a record of ico-lens {command} --jsonl", path=target) from None
    return done


def _cut_partial_last_line(path: Path) -> None:
    with path.open("rb+") as f:
        f.seek(-1, os.SEEK_END)
        if f.read(1) == b"\n":
            return
    data = path.read_bytes()  # rare: only after a run was killed mid-line
    with path.open("rb+") as f:
        f.truncate(data.rfind(b"\n") + 1)

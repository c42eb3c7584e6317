"""The ``ico-lens`` command: a thin layer over the library.

Every subcommand is one module in this package with ``add_arguments(parser)`` and
``run(args) -> int`` (and optionally ``DESCRIPTION``, ``EPILOG``); :data:`COMMANDS` registers the
commands that exist, and nothing else. The parser imports every command module for its arguments, so
these modules import nothing heavy at module level: the stage is imported when its command runs, and
``ico-lens extract`` never loads torch or slither.

Errors: library code raises :class:`ico_lens.errors.IcoLensError`; here it becomes one line on stderr
and exit code 2 (bad input) or 1 (anything else). No traceback reaches the user unless
``ICO_LENS_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys

from ico_lens import __version__
from ico_lens.errors import IcoLensError, InputError

#: command name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("ico_lens.cli.extract", "read a white paper (PDF or text): pages, sections, tables, token facts"),
    "language": ("ico_lens.cli.language", "risk, hype and entrepreneurial language of a white paper"),
    "contract": ("ico_lens.cli.contract", "what a token contract's code can do (address or .sol file)"),
    "eval": ("ico_lens.cli.eval", "measure ico_lens against gold labels"),
    "align": ("ico_lens.cli.align", "what a white paper promised against what its token's code and the chain do"),
    "demo": ("ico_lens.cli.demo", "the main job on the bundled sample corpus (what `make demo` runs)"),
    "batch": ("ico_lens.cli.batch", "many papers and contracts into one SQLite database of features (resumable, parallel)"),
    "score": ("ico_lens.cli.score", "an investor's evidence-backed risk score of one white paper (terminal, HTML, JSON)"),
    "export": ("ico_lens.cli.export", "tables of an ico-lens batch database as CSV or Parquet"),
    "outcomes": ("ico_lens.cli.outcomes", "import fundraising outcomes (TORD or any CSV) and join them to a batch database's projects"),
    "regress": ("ico_lens.cli.regress", "regressions of outcomes on features (statsmodels): a paper-style table"),
    "predict": ("ico_lens.cli.predict", "cross-validated prediction of an outcome from features, with permutation importance"),
    "archetypes": ("ico_lens.cli.archetypes", "cluster token allocations into strategic archetypes, with each one's profile and outcome"),
    "replicate": ("ico_lens.cli.replicate", "rebuild the replication table from the raw files of ../shared"),
}

#: errors of the operating system that mean the user named a file that cannot be used (exit code 2)
BAD_PATH_ERRORS = {errno.ENAMETOOLONG, errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EACCES, errno.ELOOP}

DESCRIPTION = """\
ico_lens reads ICO white papers and the smart contracts behind their tokens: what a project promised
(token facts and language of its white paper) and what its token's code really does."""

EPILOG = """\
examples:
  ico-lens extract paper.pdf                 summary: pages, sections, tables, status
  ico-lens extract paper.pdf --json          the full record as JSON
  ico-lens extract papers/ --jsonl           every PDF under papers/: one JSON record per line
  ico-lens language paper.pdf                risk/hype language profile
  ico-lens contract 0xADDRESS --chain-id 1   code facts of a verified token contract
  ico-lens eval extraction --gold DIR --papers DIR

exit codes: 0 ok, 1 failure, 2 bad input (missing, corrupt or unsupported file/argument)"""


class Parser(argparse.ArgumentParser):
    """argparse, with a bad argument answered in one line (argparse prints its usage first), naming
    where the usage is: ``ico-lens contract: error: argument --chain-id: ... (see ico-lens contract --help)``."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="ico-lens",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ico-lens {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(
            name,
            help=help_text,
            description=getattr(module, "DESCRIPTION", help_text),
            epilog=getattr(module, "EPILOG", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run, _parser=p)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # said by the command they were given to, not by the top level
        getattr(args, "_parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("ico-lens: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `ico-lens ... | head` closes the pipe early: not an error for the user.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except (IcoLensError, OSError) as exc:
        # OSError: a file the library did not check first (a name too long ...): one line as well
        if os.environ.get("ICO_LENS_DEBUG"):
            raise
        print(f"ico-lens {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 2 if _bad_input(exc) else 1


def _one_line(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return " ".join(str(exc).split())


def _bad_input(exc: Exception) -> bool:
    return isinstance(exc, InputError) or (isinstance(exc, OSError) and exc.errno in BAD_PATH_ERRORS)


def entry() -> None:  # pragma: no cover - console script
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    entry()

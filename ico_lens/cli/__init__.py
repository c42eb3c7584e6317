"""The ``ico-lens`` command: a thin layer over the library.

Every subcommand is one module in this package with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; :data:`COMMANDS` registers them. Modules are imported only when their command
runs, so ``ico-lens extract`` never loads torch or slither.

Errors: library code raises :class:`ico_lens.errors.IcoLensError`; here it becomes one line on stderr
and exit code 2 (bad input) or 1 (anything else). No traceback reaches the user unless
``ICO_LENS_DEBUG=1``.
"""

from __future__ import annotations

import argparse
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
}

DESCRIPTION = """\
ico_lens reads ICO white papers and the smart contracts behind their tokens and tells what a
project promised, what its code really does, and how that relates to the money it raised."""

EPILOG = """\
examples:
  ico-lens extract paper.pdf                 summary: pages, sections, tables, status
  ico-lens extract paper.pdf --json          the full record as JSON
  ico-lens language paper.pdf                risk/hype language profile
  ico-lens contract 0xADDRESS --chain-id 1   code facts of a verified token contract
  ico-lens eval extraction --gold DIR --papers DIR

exit codes: 0 ok, 1 failure, 2 bad input (missing, corrupt or unsupported file/argument)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ico-lens",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ico-lens {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        # The module is imported lazily in main(); the parser only needs its arguments, which every
        # command module defines without importing heavy dependencies at module level.
        module = _load(module_name)
        if module is None:
            continue
        p = sub.add_parser(
            name,
            help=help_text,
            description=getattr(module, "DESCRIPTION", help_text),
            epilog=getattr(module, "EPILOG", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def _load(module_name: str):
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # A command whose module is not there yet (or whose own imports are missing) is left out
        # of the parser instead of breaking every other command.
        if exc.name and (exc.name == module_name or module_name.startswith(exc.name)):
            return None
        raise


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0
    try:
        return int(args._run(args) or 0)
    except IcoLensError as exc:
        if os.environ.get("ICO_LENS_DEBUG"):
            raise
        print(f"ico-lens {args.command}: error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, InputError) else 1
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


def entry() -> None:  # pragma: no cover - console script
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    entry()

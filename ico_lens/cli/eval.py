"""``ico-lens eval TARGET``: measure a stage against gold labels.

Each target is a module with ``HELP``, ``add_arguments(parser)`` and ``run(args)``, registered in
:data:`EVALUATIONS`.
"""

from __future__ import annotations

import argparse
import importlib

HELP = "measure ico_lens against gold labels"
DESCRIPTION = "Measure a stage of ico_lens against hand-made gold labels and list the misses."

#: target -> (module, help)
EVALUATIONS: dict[str, tuple[str, str]] = {
    "extraction": ("ico_lens.paper.evaluate", "white-paper extraction (allocation, supply, claims)"),
    "contracts": ("ico_lens.contract.evaluate", "contract facts (mint, burn, pause, ...)"),
    "language": ("ico_lens.language.evaluate", "disclosure detectors against human labels"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="target", metavar="TARGET", required=True)
    for name, (module_name, help_text) in EVALUATIONS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        p = sub.add_parser(name, help=help_text, description=getattr(module, "DESCRIPTION", help_text))
        module.add_arguments(p)
        p.set_defaults(_eval_run=module.run)


def run(args: argparse.Namespace) -> int:
    return args._eval_run(args)

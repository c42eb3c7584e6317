"""The examples in docstrings that run without data or models (the others are marked ``+SKIP``)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "ico_lens",
    "ico_lens.records",
    "ico_lens.http",
    "ico_lens.plugins",
    "ico_lens.score.records",
    "ico_lens.score.reference",
    "ico_lens.score.weights",
    "ico_lens.score.features",
    "ico_lens.evaluate.metrics",
    "ico_lens.evaluate.splits",
    "ico_lens.language.records",
    "ico_lens.language.evaluate",
    "ico_lens.language.dictionaries.engine",
    "ico_lens.stats.data",
    "ico_lens.stats.outcomes",
    "ico_lens.stats.regress",
    "ico_lens.stats.research",
    "ico_lens.stats.archetypes",
    "ico_lens.align.rules.hard_cap",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no runnable example"
    assert result.failed == 0

"""``ico_lens.paper.analyse``: the paper stage as one library call, and its record ``PaperReport``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ico_lens.cli import main
from ico_lens.errors import NotFound
from ico_lens.paper import PaperReport, analyse

from . import factory


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return factory.whitepaper(tmp_path_factory.mktemp("pipeline") / "lumen.pdf")


def test_analyse_reads_the_document_and_its_facts(pdf):
    report = analyse(pdf)
    assert report.path == str(pdf)
    assert report.document.page_count == 6 and report.document.tables[0].page == 3
    assert report.facts is not None and report.facts.pages == 6
    assert analyse(pdf, facts=False, layout="none").facts is None


def test_the_cli_prints_the_record_of_analyse(pdf, capsys):
    assert main(["extract", str(pdf), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = analyse(pdf).to_dict()
    printed["document"].pop("elapsed"), expected["document"].pop("elapsed")
    assert printed == expected
    assert list(printed)[-2:] == ["path", "document"] and "text" not in printed["document"]["pages"][0]


def test_report_round_trips_through_its_dict(pdf):
    report = analyse(pdf, facts=False)
    data = json.loads(json.dumps(report.to_dict(include_text=True)))
    back = PaperReport.from_dict(data)
    assert back.document.status is report.document.status
    assert back.to_dict(include_text=True) == report.to_dict(include_text=True)


def test_report_with_facts_round_trips(pdf):
    report = analyse(pdf)
    data = json.loads(json.dumps(report.to_dict(include_text=True)))
    assert PaperReport.from_dict(data).to_dict(include_text=True) == data


def test_bad_input_raises_the_typed_error(tmp_path):
    with pytest.raises(NotFound, match="no such file"):
        analyse(tmp_path / "missing.pdf")


def test_importing_the_stage_stays_light():
    code = "import sys, ico_lens.paper; print(sorted(m for m in sys.modules if m.startswith(('ico_lens.', 'pypdfium2', 'pdfplumber'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "['ico_lens.paper']", out.stderr

"""The command line as a user meets it: exit codes, one-line errors, help, batches."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.paper import factory

ICO = [sys.executable, "-m", "ico_lens"]


def run(*args, **kw):
    return subprocess.run([*ICO, *map(str, args)], capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture(scope="module")
def paper(tmp_path_factory):
    return factory.whitepaper(tmp_path_factory.mktemp("cli") / "lumen.pdf")


def test_help_lists_every_command():
    out = run("--help")
    assert out.returncode == 0
    for command in ("extract", "language", "contract", "eval"):
        assert command in out.stdout


@pytest.mark.parametrize("command", ["extract", "language", "contract", "eval"])
def test_every_subcommand_has_help(command):
    out = run(command, "--help")
    assert out.returncode == 0, out.stderr
    assert "usage: ico-lens " + command in out.stdout


def test_extract_summary(paper):
    out = run("extract", paper, "--no-facts")
    assert out.returncode == 0, out.stderr
    assert "status     ok" in out.stdout
    assert "pages      6" in out.stdout
    assert "p.3: 5 rows x 3 columns" in out.stdout
    assert "2 Token Distribution  [p.3]" in out.stdout


def test_extract_json(paper):
    out = run("extract", paper, "--json", "--no-facts")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["document"]["status"] == "ok"
    assert record["document"]["tables"][0]["page"] == 3


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "file is empty"), (b"hello world", "not a PDF"), (b"%PDF-1.4\n" + b"\x00\xff" * 500, "damaged or truncated")],
)
def test_bad_input_exits_2_with_one_line(tmp_path, content, reason):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    out = run("extract", bad)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0] and str(bad) in lines[0]
    assert "Traceback" not in out.stderr


def test_missing_file_exits_2(tmp_path):
    out = run("extract", tmp_path / "missing.pdf")
    assert out.returncode == 2 and "no such file" in out.stderr


def test_batch_records_the_bad_file_and_goes_on(tmp_path, paper):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"\x00" * 100)
    out = run("extract", bad, paper, "--jsonl", "--no-facts")
    assert out.returncode == 0
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records[0]["status"] == "failed" and records[0]["error"] == "corrupt_pdf"
    assert records[1]["document"]["status"] == "ok"
    assert "1 of 2 papers failed" in out.stderr


def test_extract_does_not_import_torch(paper):
    code = (
        "import sys; from ico_lens.cli import main; "
        f"main(['extract', {str(paper)!r}, '--json']); "
        "heavy = [m for m in ('torch', 'transformers', 'slither', 'web3') if m in sys.modules]; "
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "HEAVY []" in out.stderr

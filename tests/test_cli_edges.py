"""The edges a new user hits with ``extract``, ``language`` and ``ico-lens --help``: one line on stderr
naming the file, the right exit code, no traceback, no hang; in a batch each is a failed record."""

from __future__ import annotations

import json
import os
import importlib
import re
import subprocess
import sys

import pytest

from ico_lens.cli import COMMANDS, main
from tests.language.test_profile import INTRO, RISKS, TOKEN
from tests.paper import factory

LONG_ASCII = "a" * 300 + ".pdf"  # 304 bytes
LONG_UTF8 = "é" * 130 + ".pdf"  # 134 characters, 264 bytes


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return factory.whitepaper(tmp_path_factory.mktemp("edges") / "lumen.pdf")


@pytest.fixture()
def text_paper(tmp_path):
    path = tmp_path / "novachain.txt"
    path.write_text("\f".join([INTRO, TOKEN, RISKS]), encoding="utf-8")
    return path


def one_error_line(err: str, *fragments: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


@pytest.mark.parametrize("command", ["extract", "language"])
@pytest.mark.parametrize("name", [LONG_ASCII, LONG_UTF8], ids=["ascii", "utf8"])
def test_a_file_name_over_255_bytes_is_bad_input(command, name, tmp_path, capsys):
    path = str(tmp_path / name)
    assert main([command, path, "--no-models" if command == "language" else "--no-facts"]) == 2
    one_error_line(capsys.readouterr().err, f"ico-lens {command}: error:", path, "file name is too long", "at most 255")


def test_a_dictionary_or_out_file_name_over_255_bytes_is_bad_input(text_paper, tmp_path, capsys):
    assert main(["language", str(text_paper), "--no-models", "--dic", str(tmp_path / (LONG_ASCII + ".dic"))]) == 2
    one_error_line(capsys.readouterr().err, "file name is too long")
    out = str(tmp_path / (LONG_UTF8 + ".jsonl"))
    assert main(["extract", str(text_paper), "--no-facts", "--jsonl", "--out", out]) == 2
    one_error_line(capsys.readouterr().err, out, "cannot write to it")


@pytest.mark.parametrize("command", ["extract", "language"])
def test_a_fifo_named_pdf_is_refused_without_hanging(command, tmp_path):
    fifo = tmp_path / "x.pdf"
    os.mkfifo(fifo)
    args = [sys.executable, "-m", "ico_lens", command, str(fifo), "--no-models" if command == "language" else "--no-facts"]
    out = subprocess.run(args, capture_output=True, text=True, timeout=60)  # a hang fails here
    assert out.returncode == 2
    one_error_line(out.stderr, str(fifo), "not a regular file (a FIFO)")


@pytest.mark.parametrize("option, value", [("--timeout", "0"), ("--max-pages", "0")])
def test_extract_refuses_budgets_that_cannot_read_anything(option, value, pdf, capsys):
    assert main(["extract", str(pdf), option, value]) == 2
    one_error_line(capsys.readouterr().err, "ico-lens extract: error:", option)


def test_a_solidity_file_given_to_extract_points_to_contract(tmp_path, capsys):
    sol = tmp_path / "Token.sol"
    sol.write_text("pragma solidity ^0.4.24;\ncontract Token { uint public totalSupply; }\n")
    assert main(["extract", str(sol)]) == 2
    one_error_line(capsys.readouterr().err, str(sol), "Solidity source code", f"ico-lens contract {sol}")


def test_extract_takes_the_pdfs_of_a_directory_recursively(pdf, tmp_path, capsys):
    papers = tmp_path / "papers"
    (papers / "2018").mkdir(parents=True)
    for target in (papers / "b.pdf", papers / "2018" / "a.pdf"):
        target.write_bytes(pdf.read_bytes())
    (papers / "notes.txt").write_text("not taken by extract")
    assert main(["extract", str(papers), "--jsonl", "--no-facts", "--layout", "none"]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["path"] for r in records] == [str(papers / "2018" / "a.pdf"), str(papers / "b.pdf")]
    assert all(r["document"]["status"] == "ok" for r in records)
    assert f"{papers}: 2 papers (*.pdf, recursively)" in captured.err
    assert "0 of 2 papers failed" in captured.err


def test_language_takes_the_pdfs_and_texts_of_a_directory(pdf, text_paper, tmp_path, capsys):
    papers = tmp_path / "papers"
    (papers / "deep").mkdir(parents=True)
    (papers / "deep" / "lumen.pdf").write_bytes(pdf.read_bytes())
    (papers / "novachain.txt").write_text(text_paper.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["language", str(papers), "--jsonl", "--no-models", "--no-readability"]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["path"] for r in records] == [str(papers / "deep" / "lumen.pdf"), str(papers / "novachain.txt")]
    assert [r["status"] for r in records] == ["ok", "ok"]
    assert f"{papers}: 2 papers (*.pdf/*.txt, recursively)" in captured.err


@pytest.mark.parametrize("command, globs", [("extract", "*.pdf"), ("language", "*.pdf/*.txt")])
def test_an_empty_directory_is_bad_input(command, globs, tmp_path, capsys):
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    assert main([command, str(tmp_path / "empty"), "--no-models" if command == "language" else "--no-facts"]) == 2
    one_error_line(capsys.readouterr().err, str(tmp_path / "empty"), f"a directory without {globs} files")


@pytest.mark.parametrize("command", ["extract", "language"])
def test_in_a_batch_every_bad_input_is_a_failed_record_and_the_batch_goes_on(command, pdf, tmp_path, capsys):
    fifo = tmp_path / "fifo.pdf"
    os.mkfifo(fifo)
    sol = tmp_path / "Token.sol"
    sol.write_text("pragma solidity ^0.5.0;\ncontract Token {}\n")
    (tmp_path / "empty").mkdir()
    bad = [str(tmp_path / LONG_ASCII), str(fifo), str(sol), str(tmp_path / "empty")]
    option = "--no-models" if command == "language" else "--no-facts"
    assert main([command, *bad, str(pdf), "--jsonl", option]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["path"] for r in records] == [*bad, str(pdf)]
    assert [r["status"] for r in records[:4]] == ["failed"] * 4
    assert "too long" in records[0]["message"] and "FIFO" in records[1]["message"]
    assert "ico-lens contract" in records[2]["message"] and "without" in records[3]["message"]
    assert records[4]["status" if command == "language" else "document"] not in ("failed", None)
    assert f"ico-lens {command}: 4 of 5 papers failed" in captured.err and "Traceback" not in captured.err


def test_extract_out_file_resumes_and_refuses_a_language_file(pdf, text_paper, tmp_path, capsys):
    out = tmp_path / "papers.jsonl"
    assert main(["extract", str(pdf), "--jsonl", "--no-facts", "--out", str(out)]) == 0
    out.write_text(out.read_text(encoding="utf-8") + '{"path": "/x/half.pdf", "docum', encoding="utf-8")
    capsys.readouterr()
    assert main(["extract", str(pdf), str(text_paper), "--jsonl", "--no-facts", "--out", str(out)]) == 0
    assert "already holds 1 of these papers; 1 to go" in capsys.readouterr().err
    assert [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()] == [str(pdf), str(text_paper)]

    profiles = tmp_path / "profiles.jsonl"
    assert main(["language", str(text_paper), "--jsonl", "--no-models", "--out", str(profiles)]) == 0
    before = profiles.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["extract", str(pdf), "--jsonl", "--no-facts", "--out", str(profiles)]) == 2
    one_error_line(capsys.readouterr().err, str(profiles), "not a record of ico-lens extract --jsonl")
    assert profiles.read_text(encoding="utf-8") == before
    assert main(["extract", str(pdf), "--out", str(profiles)]) == 2
    one_error_line(capsys.readouterr().err, "--out writes --jsonl records")


def test_language_on_one_paper_says_what_it_does_and_keeps_stdout_json(text_paper, monkeypatch, capsys):
    import ico_lens.language.profile as profile_module

    assert main(["language", str(text_paper), "--no-models"]) == 0
    assert capsys.readouterr().err == ""  # dictionaries only: fast, nothing to announce

    real = profile_module.profile_document

    def without_models(document, **options):  # the models' answers do not matter here: their time does
        assert options["use_models"] is True
        return real(document, **{**options, "use_models": False})

    monkeypatch.setattr(profile_module, "profile_document", without_models)
    assert main(["language", str(text_paper), "--json", "--no-readability"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["path"] == str(text_paper)
    line = one_error_line(captured.err, "ico-lens language:", str(text_paper), "3 pages read", "MiniLM")
    assert "error" not in line


def test_top_level_help_lists_only_what_exists(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    listed = set(re.findall(r"^    (\w+)\s", text, flags=re.M))
    assert listed == set(COMMANDS)
    assert set(re.findall(r"ico-lens (\w+)", text)) <= set(COMMANDS)  # every example is a command
    # every command listed is there to run (the statistics ones included, now that they are built)
    for name, (module, _) in COMMANDS.items():
        assert callable(importlib.import_module(module).run), name


@pytest.mark.parametrize(
    "argv, fragments",
    [
        (["nosuch"], ("ico-lens: error:", "invalid choice: 'nosuch'", "see ico-lens --help")),
        (["extract"], ("ico-lens extract: error:", "required: PAPER", "see ico-lens extract --help")),
        (["extract", "x.pdf", "--bogus"], ("ico-lens extract: error:", "unrecognized arguments: --bogus")),
        (["language", "x.txt", "--precision", "float8"], ("ico-lens language: error:", "--precision")),
    ],
)
def test_a_bad_argument_is_one_line_without_the_usage(argv, fragments, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    one_error_line(capsys.readouterr().err, *fragments)

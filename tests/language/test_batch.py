"""Batches of papers: ``profile_papers`` and ``ico-lens language A B C --jsonl/--csv``.

A bad file becomes a "failed" record and the batch goes on; every row of the CSV has the columns
announced in its header; a batch gives each paper the same profile as profiling it alone.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from ico_lens.batch import resume_output
from ico_lens.cli import main
from ico_lens.language import batch
from ico_lens.language.batch import feature_columns, profile_papers
from ico_lens.language.profile import profile_document
from ico_lens.language.records import DISCLOSURE_ASPECTS, LanguageProfile
from ico_lens.paper.ingest import open_document
from ico_lens.records import Failure

from .test_profile import GERMAN, INTRO, RISKS, TOKEN


@pytest.fixture()
def papers(tmp_path):
    """A good paper, a missing one, a .pdf that is not a PDF, a German paper."""
    good = tmp_path / "novachain.txt"
    good.write_text("\f".join([INTRO, TOKEN, RISKS]), encoding="utf-8")
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"<html><body>Not found</body></html>\n" * 20)
    german = tmp_path / "german.txt"
    german.write_text(GERMAN * 3, encoding="utf-8")
    return [str(good), str(tmp_path / "missing.pdf"), str(fake), str(german)]


def test_a_bad_file_is_a_failure_and_the_batch_goes_on(papers):
    seen = []
    results = list(profile_papers(papers, use_models=False, progress=lambda i, n, p: seen.append((i, n, p))))
    assert [r.status if isinstance(r, Failure) else r.status.value for r in results] == ["ok", "failed", "failed", "not_english"]
    assert [r.path for r in results] == papers
    assert results[1].error == "not_found" and "missing.pdf" in results[1].message
    assert results[2].error == "not_a_pdf" and "fake.pdf" in results[2].message
    assert seen == [(i, 4, p) for i, p in enumerate(papers, start=1)]


def test_a_fault_of_ours_on_one_paper_does_not_lose_the_batch(papers, monkeypatch):
    import ico_lens.language.profile as profile_module

    real = profile_module.profile_document

    def broken_on_german(document, **options):
        if "german" in str(document.path):
            raise ZeroDivisionError("division by zero")
        return real(document, **options)

    monkeypatch.setattr(profile_module, "profile_document", broken_on_german)
    results = list(profile_papers([papers[3], papers[0]], use_models=False))
    assert isinstance(results[0], Failure) and results[0].error == "internal_error"
    assert results[0].message == "division by zero"
    assert isinstance(results[1], LanguageProfile) and results[1].status.value == "ok"


def test_batch_profile_equals_single_profile(papers):
    alone = profile_document(open_document(papers[0]), use_models=False, with_readability=False)
    (in_batch,) = profile_papers([papers[0]], use_models=False, with_readability=False)
    assert in_batch.features() == alone.features()
    assert in_batch.categories == alone.categories and in_batch.disclosures == alone.disclosures


def test_jsonl_has_one_record_per_paper_in_order(papers, capsys):
    assert main(["language", *papers, "--jsonl", "--no-models", "--no-readability"]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["path"] for r in records] == papers
    assert [r["status"] for r in records] == ["ok", "failed", "failed", "not_english"]
    assert records[0]["disclosures"]["vesting"]["present"] is True
    assert records[1] == {"path": papers[1], "status": "failed", "error": "not_found", "message": records[1]["message"]}
    assert "[4/4]" in captured.err and "2 of 4 papers failed" in captured.err
    assert "Traceback" not in captured.err


def test_csv_rows_follow_the_header(papers, capsys):
    assert main(["language", *papers, "--csv", "--no-models"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["status"] for r in rows] == ["ok", "failed", "failed", "not_english"]
    good, missing = rows[0], rows[1]
    assert float(good["rate.risk_security_hack"]) > 0 and float(good["readability.flesch_reading_ease"]) != 0
    assert good["disclosure.vesting.present"] == "1" and good["error"] == ""
    assert missing["error"] == "not_found" and missing["rate.risk_security_hack"] == ""
    for aspect in DISCLOSURE_ASPECTS:
        assert good[f"disclosure.{aspect}.present"] in ("0", "1")


def test_feature_columns_cover_every_profile_row(papers):
    lexicon = batch.batch_lexicon(("ico_lens", "lm"))
    columns = feature_columns(lexicon.categories)
    (profile,) = profile_papers([papers[0]], use_models=False, lexicon_=lexicon)
    row = profile.features()
    assert set(row) <= set(columns)
    assert len(columns) == len(set(columns))
    assert columns[-2:] == ["error", "message"]


def test_a_single_bad_paper_still_exits_2_with_one_line(papers, capsys):
    assert main(["language", papers[2], "--no-models"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "fake.pdf" in err


def test_real_batch_with_a_scanned_paper(shared_dir, capsys):
    """Two real papers from ../shared, one without a text layer: both get a record, no failure."""
    pdfs = [str(shared_dir / "corpus" / "whitepapers" / name) for name in ("maecenas.pdf", "gbx.pdf")]
    assert main(["language", *pdfs, "--jsonl", "--no-models", "--no-readability"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in records] == ["no_text_layer", "ok"]
    assert records[1]["word_count"] > 3000 and records[1]["disclosures"]["token_distribution"]["present"] is True


def test_out_file_resumes_a_stopped_batch_without_half_written_records(papers, tmp_path, capsys):
    out = tmp_path / "language.csv"
    good, german = papers[0], papers[3]
    assert main(["language", good, "--csv", "--no-models", "--out", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    # the run was killed while writing the next row: a half line is left behind
    out.write_text(first + "/x/half.txt,ok,en,12", encoding="utf-8")
    capsys.readouterr()
    assert main(["language", good, german, papers[1], "--csv", "--no-models", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "already holds 1 of these papers; 2 to go" in err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["path"], r["status"]) for r in rows] == [(good, "ok"), (german, "not_english"), (papers[1], "failed")]
    assert out.read_text(encoding="utf-8").count("path,status") == 1  # one header


def test_out_file_of_another_kind_is_refused(papers, tmp_path, capsys):
    out = tmp_path / "profiles.jsonl"
    assert main(["language", papers[0], "--jsonl", "--no-models", "--out", str(out)]) == 0
    before = out.read_text(encoding="utf-8")
    assert json.loads(before)["path"] == papers[0]
    capsys.readouterr()
    # the same file as a CSV: refused before any paper is read, the file untouched
    assert main(["language", papers[0], "--csv", "--no-models", "--out", str(out)]) == 2
    assert "other CSV columns" in capsys.readouterr().err
    assert main(["language", papers[0], "--no-models", "--out", str(out)]) == 2
    assert "--jsonl or --csv" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == before


def test_resume_output_reads_jsonl_paths(tmp_path):
    out = tmp_path / "p.jsonl"
    out.write_text('{"path": "a.pdf", "status": "ok"}\n{"path": "b.pdf", "status": "failed"}\n{"path": "c.p', encoding="utf-8")
    done = resume_output(out, command="language")
    assert done == {str(tmp_path.cwd() / "a.pdf"), str(tmp_path.cwd() / "b.pdf")}
    assert out.read_text(encoding="utf-8").endswith('"failed"}\n')

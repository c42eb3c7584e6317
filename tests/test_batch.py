"""The one batch runner (:mod:`ico_lens.batch`): inputs expanded, each input's record or failure written
as it comes, progress and a summary on stderr, output files resumed."""

from __future__ import annotations

import io
import json
import os

import pytest

from ico_lens.batch import expand_inputs, jsonl_writer, resume_output, run_batch
from ico_lens.files import check_file
from ico_lens.errors import InputError, NotAPdf, NotFound
from ico_lens.records import Failure


class Seen:
    """A record of a fake stage: the path it was made from."""

    def __init__(self, path):
        self.path = path

    def to_dict(self):
        return {"path": self.path, "document": {}}


def fake_stage(path: str) -> Seen:
    check_file(path)
    if path.endswith("bad.pdf"):
        raise NotAPdf("not a PDF (no %PDF- header)", path=path)
    if path.endswith("bug.pdf"):
        raise KeyError("a fault of ours")
    return Seen(path)


@pytest.fixture()
def tree(tmp_path):
    """papers/ with PDFs at two depths, a .txt, a hidden directory and a file of another kind."""
    root = tmp_path / "papers"
    (root / "2018" / "q1").mkdir(parents=True)
    (root / ".cache").mkdir()
    for name in ("b.pdf", "a.PDF", "2018/z.pdf", "2018/q1/m.pdf", "notes.txt", "2018/sheet.xlsx", ".cache/hidden.pdf"):
        (root / name).write_bytes(b"%PDF-1.4\n")
    return root


def test_a_directory_stands_for_its_papers_recursively_and_sorted(tree):
    err = io.StringIO()
    inputs = expand_inputs([str(tree)], (".pdf",), command="extract", stream=err)
    assert inputs.paths == sorted(str(tree / p) for p in ("2018/q1/m.pdf", "2018/z.pdf", "a.PDF", "b.pdf"))
    assert not inputs.single
    assert err.getvalue() == f"ico-lens extract: {tree}: 4 papers (*.pdf, recursively)\n"
    with_text = expand_inputs([str(tree)], (".pdf", ".txt"), command="language", stream=io.StringIO())
    assert str(tree / "notes.txt") in with_text.paths and len(with_text.paths) == 5


def test_files_keep_the_order_given_and_one_file_is_single(tree):
    named = [str(tree / "b.pdf"), str(tree / "a.PDF")]
    assert expand_inputs(named, (".pdf",), command="extract").paths == named
    one = expand_inputs([str(tree / "b.pdf")], (".pdf",), command="extract")
    assert one.single and one.paths == [str(tree / "b.pdf")]
    missing = expand_inputs(["nope.pdf"], (".pdf",), command="extract")
    assert missing.single and missing.paths == ["nope.pdf"]  # the file check reports it


def test_an_empty_directory_alone_is_bad_input_among_others_a_failure(tmp_path, tree):
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "sub" / "readme.md").write_text("no papers here")
    with pytest.raises(InputError, match=r"a directory without \*\.pdf files \(searched recursively\)"):
        expand_inputs([str(empty)], (".pdf",), command="extract")
    inputs = expand_inputs([str(empty), str(tree / "b.pdf")], (".pdf",), command="extract", stream=io.StringIO())
    assert inputs.paths == [str(empty), str(tree / "b.pdf")]
    out, err = io.StringIO(), io.StringIO()
    run_batch(inputs.paths, fake_stage, lambda sink, fresh: jsonl_writer(out), command="extract", suffixes=(".pdf",), stream=err)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["status"] == "failed" and first["error"] == "bad_input" and "without *.pdf files" in first["message"]
    assert second == {"path": str(tree / "b.pdf"), "document": {}}


def test_check_file_refuses_what_it_cannot_open_without_opening_it(tmp_path):
    fifo = tmp_path / "x.pdf"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"not a regular file \(a FIFO\)"):
        check_file(str(fifo))  # would block forever if it opened the FIFO
    with pytest.raises(NotFound, match="is a directory"):
        check_file(str(tmp_path))
    with pytest.raises(NotFound, match="no such file"):
        check_file(str(tmp_path / "missing.pdf"))
    with pytest.raises(InputError, match=r"the file name is too long \(304 bytes; a name has at most 255\)"):
        check_file(str(tmp_path / ("a" * 300 + ".pdf")))
    with pytest.raises(InputError, match=r"\(264 bytes; a name has at most 255\)"):
        check_file(str(tmp_path / ("é" * 130 + ".pdf")))  # 134 characters, 264 bytes in UTF-8


def test_a_batch_records_failures_and_goes_on_with_progress_and_one_summary(tree, tmp_path):
    paths = [str(tree / "b.pdf"), str(tmp_path / "bad.pdf"), str(tmp_path / "bug.pdf"), str(tmp_path / "missing.pdf"), str(tree / "a.PDF")]
    (tmp_path / "bad.pdf").write_text("hello")
    (tmp_path / "bug.pdf").write_text("hello")
    written, err = [], io.StringIO()
    failures = run_batch(paths, fake_stage, lambda sink, fresh: written.append, command="extract", stream=err)
    assert failures == 3
    assert [type(r).__name__ for r in written] == ["Seen", "Failure", "Failure", "Failure", "Seen"]
    assert [r.error for r in written if isinstance(r, Failure)] == ["not_a_pdf", "internal_error", "not_found"]
    lines = err.getvalue().splitlines()
    assert lines[0] == f"[1/5] {paths[0]}" and lines[-2] == f"[5/5] {paths[4]}"
    assert lines[-1] == "ico-lens extract: 3 of 5 papers failed"
    assert sum("error:" in line for line in lines) == 3


def test_one_input_has_no_progress_nor_summary(tree):
    err = io.StringIO()
    run_batch([str(tree / "b.pdf")], fake_stage, lambda sink, fresh: lambda record: None, command="extract", stream=err)
    assert err.getvalue() == ""


def test_out_file_is_resumed_and_a_half_written_line_cut(tree, tmp_path):
    out = tmp_path / "records.jsonl"
    first = [str(tree / "b.pdf")]
    writer = lambda sink, fresh: jsonl_writer(sink)  # noqa: E731
    run_batch(first, fake_stage, writer, command="extract", out=str(out), record_key="document", stream=io.StringIO())
    out.write_text(out.read_text() + '{"path": "/x/half.pdf", "docu', encoding="utf-8")
    err = io.StringIO()
    both = [str(tree / "b.pdf"), str(tree / "a.PDF")]
    run_batch(both, fake_stage, writer, command="extract", out=str(out), record_key="document", stream=err)
    assert "already holds 1 of these papers; 1 to go" in err.getvalue()
    assert [json.loads(line)["path"] for line in out.read_text().splitlines()] == both


def test_out_file_of_another_command_is_refused_untouched(tmp_path):
    out = tmp_path / "profiles.jsonl"
    out.write_text('{"path": "a.pdf", "status": "ok", "categories": {}}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1 is not a record of ico-lens extract --jsonl"):
        resume_output(out, command="extract", record_key="document")
    assert resume_output(out, command="language", record_key="categories") == {os.path.abspath("a.pdf")}
    failed_only = tmp_path / "failed.jsonl"
    failed_only.write_text(json.dumps(Failure(path="b.pdf", error="not_found").to_dict()) + "\n")
    assert resume_output(failed_only, command="extract", record_key="document") == {os.path.abspath("b.pdf")}


def test_out_file_that_cannot_be_a_file_is_refused(tmp_path):
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        resume_output(fifo, command="extract")
    with pytest.raises(NotFound, match="is a directory"):
        resume_output(tmp_path, command="extract")

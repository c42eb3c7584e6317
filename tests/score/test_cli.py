"""``ico-lens score``: one paper (alone or with its contract) on the terminal, as JSON and as HTML; bad
input in one line; the reference built from papers and from a feature store alike."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.score.conftest import SAMPLE, sample_paper


def ico_lens(*args: str, timeout: int = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ico_lens", *map(str, args)], capture_output=True, text=True, timeout=timeout)


def test_a_paper_alone_scores_on_the_terminal():
    result = ico_lens("score", sample_paper("meridia"), "--no-models")
    assert result.returncode == 0, result.stderr
    assert "risk score " in result.stdout and "grade " in result.stdout and "no contract given" in result.stdout
    assert "pages read" in result.stderr  # progress on stderr


def test_a_paper_with_its_source_gives_json_with_alignment_and_a_html_file(tmp_path):
    html = tmp_path / "report.html"
    result = ico_lens("score", sample_paper("aurevo"), "--source", SAMPLE / "aurevo.sol", "--no-models", "--json", "--html", html)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["max_points"] == 100 and 0 <= data["score"] <= 100 and data["grade"] in "ABCDE"
    alignment = next(c for c in data["components"] if c["name"] == "alignment")
    assert alignment["assessed"] and alignment["items"]
    assert data["alignment"]["findings"] and data["contract"].endswith("aurevo.sol")
    page = html.read_text(encoding="utf-8")
    assert 'id="alignment"' in page and f'>{data["score"]}</span>' in page


@pytest.mark.parametrize("args, message, code", [
    (["missing.pdf"], "missing.pdf", 2),
    ([], "give one white paper", 2),
    (["a.pdf", "b.pdf"], "one paper at a time", 2),
    (["{paper}", "--weights", "{tmp}/w.json"], "unknown weight", 2),
    (["{paper}", "--reference", "{tmp}/nothing.json"], "nothing.json", 2),
    (["{paper}", "--rpc", "http://127.0.0.1:9"], "give --address too", 2),
    (["--build-reference", "{tmp}/r.json"], "needs papers", 2),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message, code):
    (tmp_path / "w.json").write_text('{"disclosure.everything": 1}')
    args = [a.format(paper=sample_paper("meridia"), tmp=tmp_path) for a in args]
    result = ico_lens("score", *args, "--no-models")
    assert result.returncode == code
    lines = result.stderr.strip().splitlines()
    assert message in lines[-1] and "Traceback" not in result.stderr


def test_the_reference_from_papers_and_from_their_store_agree(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in ("meridia", "aurevo", "harvestly"):
        shutil.copy(sample_paper(name), papers)
    from_papers, from_store, db = tmp_path / "papers.json", tmp_path / "store.json", tmp_path / "store.db"
    assert ico_lens("score", "--build-reference", from_papers, papers).returncode == 0
    batch = ico_lens("batch", papers, "--db", db, "--stages", "paper,language", "--no-models")
    assert batch.returncode == 0, batch.stderr
    result = ico_lens("score", "--build-reference", from_store, "--store", db)
    assert result.returncode == 0, result.stderr
    a, b = json.loads(from_papers.read_text()), json.loads(from_store.read_text())
    assert a["papers"] == b["papers"] == 3 and a["source"] == "3 white papers (PDF)"
    assert a["features"] == b["features"] and a["features"]["insider_share"]["n"] == 3
    # and a score can use it
    scored = ico_lens("score", sample_paper("meridia"), "--no-models", "--json", "--reference", from_store)
    assert json.loads(scored.stdout)["reference"] == "3 projects of the store store.db"


def test_a_paper_whose_text_cannot_be_read_is_not_scored():
    # sonnwerk is in German: nothing read is nothing disclosed, so no score rather than a high one
    result = ico_lens("score", sample_paper("sonnwerk"), "--no-models")
    assert result.returncode == 2 and "status not_english" in result.stderr and result.stdout == ""

"""``ico-lens language`` on plain-text papers: summary, JSON, --dic, errors."""

from __future__ import annotations

import json

import pytest

from ico_lens.cli import main
from ico_lens.language.records import DISCLOSURE_ASPECTS

from .test_profile import INTRO, RISKS, TOKEN


@pytest.fixture()
def paper_txt(tmp_path):
    path = tmp_path / "novachain.txt"
    path.write_text("\f".join([INTRO, TOKEN, RISKS]), encoding="utf-8")
    return path


def test_summary_shows_categories_sentences_and_disclosures(paper_txt, capsys):
    assert main(["language", str(paper_txt), "--no-models", "--no-readability"]) == 0
    out = capsys.readouterr().out
    assert "status ok" in out and "sentence roles: dictionary" in out
    assert "risk_regulatory" in out and "hype_return_promises" in out and "lm.negative" in out
    assert "risk sentences" in out and "p.3" in out
    assert "hype / return promises" in out and "p.1" in out
    for aspect in DISCLOSURE_ASPECTS:
        assert aspect in out
    assert "vesting              yes" in out


def test_json_output(paper_txt, capsys):
    assert main(["language", str(paper_txt), "--json", "--no-models", "--no-readability"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["disclosures"]) == set(DISCLOSURE_ASPECTS)
    assert all(set(v) == {"present", "confidence", "specified"} for v in data["disclosures"].values())
    assert data["categories"]["risk_security_hack"] > 0
    assert {"text", "page", "label", "score"} <= set(data["sentences"][0])
    pages = {s["page"] for s in data["sentences"] if s["label"] == "risk_disclosure"}
    assert pages == {3}


def test_own_dic_file_is_applied(paper_txt, tmp_path, capsys):
    dic = tmp_path / "mine.dic"
    dic.write_text("%\n1\tboasting\n%\nrevolutionary\t1\nsuperior\t1\nhuge\t1\n", encoding="utf-8")
    assert main(["language", str(paper_txt), "--json", "--no-models", "--no-readability", "--dic", str(dic)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["categories"]["mine.boasting"] > 0
    assert "mine" in data["dictionaries"]
    assert data["evidence"]["mine.boasting"]["count"] == 3


def test_empty_text_file_is_bad_input(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["language", str(empty), "--no-models"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty.txt" in err


def test_whitespace_only_text_reports_status_empty(tmp_path, capsys):
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n   \n12\n")
    assert main(["language", str(blank), "--json", "--no-models"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "empty"


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["missing.txt"], "missing.txt"),
        (["{paper}", "--dic", "nope.dic"], "nope.dic"),
        (["{paper}", "--dictionaries", "ico_lens,liwc"], "unknown dictionary liwc"),
        (["{paper}", "--dic", "{bad_dic}"], "bad.dic"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, fragment, paper_txt, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_dic = tmp_path / "bad.dic"
    bad_dic.write_text("not a dictionary\n")
    args = [a.format(paper=paper_txt, bad_dic=bad_dic) for a in args]
    assert main(["language", *args, "--no-models"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and fragment in err and err.startswith("ico-lens language: error:")


def test_no_models_run_never_imports_torch(paper_txt):
    code = (
        "import sys, io, contextlib\n"
        "from ico_lens.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['language', {str(paper_txt)!r}, '--no-models', '--json'])\n"
        "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers', 'nltk', 'pandas') if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "0 []"


def test_a_bad_precision_in_the_environment_is_bad_input(paper_txt, monkeypatch, capsys):
    monkeypatch.setenv("ICO_LENS_PRECISION", "fp8")
    assert main(["language", str(paper_txt)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ICO_LENS_PRECISION='fp8'" in err


def test_bfloat16_precision_keeps_the_models_working(paper_txt, monkeypatch, capsys):
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ICO_LENS_PRECISION", "float32")  # restored after the test; the CLI overrides it
    assert main(["language", str(paper_txt), "--json", "--no-readability", "--precision", "bfloat16"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["backends"] == {"sentences": "model", "disclosures": "model"}, data["warnings"]
    assert data["disclosures"]["vesting"]["present"] is True
    assert {s["label"] for s in data["sentences"]} >= {"risk_disclosure"}

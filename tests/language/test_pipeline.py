"""``ico_lens.language.analyse``: a paper's path or its ingested Document in, a LanguageProfile out."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ico_lens.errors import EmptyFile
from ico_lens.language import analyse
from ico_lens.language.records import LanguageProfile
from ico_lens.paper.ingest import open_document

from .test_profile import INTRO, RISKS, TOKEN


@pytest.fixture()
def paper_txt(tmp_path):
    path = tmp_path / "novachain.txt"
    path.write_text("\f".join([INTRO, TOKEN, RISKS]), encoding="utf-8")
    return path


def test_a_path_and_its_document_give_the_same_profile(paper_txt):
    from_path = analyse(paper_txt, use_models=False, with_readability=False)
    from_document = analyse(open_document(paper_txt), use_models=False, with_readability=False)
    assert isinstance(from_path, LanguageProfile) and from_path.status.value == "ok"
    assert from_path.features() == from_document.features()
    assert from_path.disclosures["vesting"].present is True


def test_on_step_hears_of_the_slow_part_only(paper_txt, monkeypatch):
    import ico_lens.language.profile as profile_module

    heard = []
    analyse(paper_txt, use_models=False, on_step=heard.append)
    assert heard == []  # dictionaries only: nothing slow to announce
    monkeypatch.setattr(profile_module, "profile_document", lambda document, **options: options)
    assert analyse(paper_txt, on_step=heard.append, top_sentences=3) == {"top_sentences": 3}
    assert len(heard) == 1 and str(paper_txt) in heard[0] and "3 pages read" in heard[0]


def test_bad_input_raises_before_any_step(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    heard = []
    with pytest.raises(EmptyFile):
        analyse(empty, on_step=heard.append)
    assert heard == []


def test_importing_the_stage_stays_light():
    code = "import sys, ico_lens.language; print(sorted(m for m in sys.modules if m.startswith(('ico_lens.', 'torch', 'pypdfium2'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "['ico_lens.language']", out.stderr

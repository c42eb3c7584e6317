"""Language records: shared evidence and reference, and a lossless JSON round trip on real profiles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ico_lens.language.profile import profile_document
from ico_lens.language.records import LanguageProfile
from ico_lens.paper.ingest import open_document
from ico_lens.records import Evidence, ProjectRef

from .test_profile import paper

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpora" / "sample" / "build"
#: a few real papers of different kinds: short, long, with a risk section
REAL_TEXTS = ("aigang.txt", "adex.txt", "88-coin.txt")


def read_back(profile: LanguageProfile) -> LanguageProfile:
    """The profile as a reader of stored JSON gets it."""
    return LanguageProfile.from_dict(json.loads(profile.to_json()))


def assert_round_trip(profile: LanguageProfile) -> None:
    again = read_back(profile)
    assert again == profile
    assert again.to_dict() == profile.to_dict()


def test_evidence_and_ref_are_the_shared_records():
    p = profile_document(paper(), use_models=False, with_readability=False)
    assert p.ref == ProjectRef(content_id="0" * 64, chain_id=None)
    match = p.evidence["risk_security_hack"].matches[0]
    assert isinstance(match, Evidence) and match.kind == "paper" and match.reason == "risk_security_hack"
    vesting = p.disclosure_evidence["vesting"][0]
    assert isinstance(vesting, Evidence) and str(vesting).startswith("p.2: '")
    data = p.to_dict()
    # the documented keys stay; the evidence reads like every other stage's
    assert {"disclosures", "categories", "sentences", "ref"} <= set(data)
    assert data["ref"]["key"] == "paper:" + "0" * 64
    assert data["disclosure_evidence"]["vesting"][0]["kind"] == "paper"
    assert set(data["evidence"]["risk_security_hack"]["matches"][0]) == {"page", "quote", "reason", "kind"}
    assert_round_trip(p)


def test_sample_corpus_profiles_round_trip():
    papers = sorted(SAMPLE.glob("*.pdf"))
    if not papers:
        pytest.skip("the sample corpus is not generated (make sample)")
    for path in papers:
        profile = profile_document(open_document(path), use_models=False)
        assert profile.ref.content_id and profile.word_count > 0, path
        assert_round_trip(profile)


@pytest.mark.shared
def test_real_paper_profiles_round_trip(shared_dir):
    texts = [shared_dir / "icobase" / "texts" / name for name in REAL_TEXTS]
    texts = [t for t in texts if t.is_file()]
    if not texts:
        pytest.skip("no ICOBase texts in the shared data")
    for path in texts:
        profile = profile_document(open_document(path), use_models=False)
        assert profile.evidence and profile.sections is not None, path
        assert_round_trip(profile)


@pytest.mark.slow
def test_a_profile_made_with_the_models_round_trips():
    pytest.importorskip("sklearn")
    profile = profile_document(paper(), use_models=True, with_readability=False)
    if profile.backends != {"sentences": "model", "disclosures": "model"}:
        pytest.skip(f"shipped models unavailable: {profile.warnings}")
    assert any(d.specified is not None for d in profile.disclosures.values())
    assert_round_trip(profile)


def test_records_import_nothing_heavy():
    code = (
        "import sys, ico_lens.language.records; "
        "print([m for m in ('torch', 'transformers', 'sklearn', 'numpy', 'pypdfium2') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

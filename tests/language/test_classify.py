"""SentenceRoleClassifier: the shipped model on real white-paper sentences, offline; save/load."""

from __future__ import annotations

import json
import os

import pytest

pytest.importorskip("sentence_transformers")
pytest.importorskip("sklearn")

from ico_lens.language import datasets  # noqa: E402
from ico_lens.language.classify import DEFAULT_PATH, SentenceRoleClassifier  # noqa: E402
from ico_lens.language.heads import ModelFileError  # noqa: E402
from ico_lens.language.records import SENTENCE_LABELS  # noqa: E402

# Real sentences from white papers of the held-out test papers (never trained on).
REAL = {
    "risk_disclosure": "YOU MAY LOSE ALL AMOUNTS PAID FOR THE TOKENS AND THE TOKENS MAY HAVE NO VALUE.",
    "legal_disclaimer": "This Whitepaper does not constitute an offer of RHTs nor an invitation for an offer to exchange any amount of Ether for RHTs.",
    "technical": "For pBFT, the system fails to operate when the total number of failed nodes (including malicious nodes and failed nodes) is more than 33%.",
}


@pytest.fixture(scope="module")
def shipped():
    os.environ["HF_HUB_OFFLINE"] = "1"
    if not DEFAULT_PATH.is_file():
        pytest.skip("no shipped model: run python -m ico_lens.cli.train_language")
    return SentenceRoleClassifier.load()


def test_shipped_model_is_plain_json_with_a_card():
    data = json.loads(DEFAULT_PATH.read_text())
    assert data["kind"] == "sentence_roles" and data["embedding_model"] == "all-MiniLM-L6-v2"
    assert set(data["head"]["classes"]) == set(SENTENCE_LABELS)
    assert len(data["head"]["coef"]) == 6 and len(data["head"]["coef"][0]) == 384 + 12
    assert DEFAULT_PATH.with_suffix(".md").is_file()


def test_labels_real_sentences(shipped):
    predicted = shipped.predict(list(REAL.values()))
    assert predicted == list(REAL)


def test_probabilities_cover_every_label_and_sum_to_one(shipped):
    [proba] = shipped.predict_proba(["Token holders will receive 33% of the total interest profit every quarter."])
    assert set(proba) == set(SENTENCE_LABELS)
    assert abs(sum(proba.values()) - 1.0) < 1e-6
    assert max(proba, key=proba.get) == "return_promise"
    assert shipped.predict_proba([]) == []


def test_held_out_papers_are_labelled_far_better_than_chance(shipped):
    rows = [r for r in datasets.load_sentence_roles() if r["split"] == "test"]
    predicted = shipped.predict([r["text"] for r in rows])
    accuracy = sum(p == r["label"] for p, r in zip(predicted, rows)) / len(rows)
    # six classes, "other" is 44%: a constant guess scores 0.44
    assert accuracy >= 0.6


def test_labelled_set_is_split_by_paper():
    rows = datasets.load_sentence_roles()
    assert 400 <= len(rows) <= 700
    train = {r["source"] for r in rows if r["split"] == "train"}
    test = {r["source"] for r in rows if r["split"] == "test"}
    assert train and test and not train & test
    assert {r["label"] for r in rows} == set(SENTENCE_LABELS)


def test_fit_save_load_round_trip(tmp_path):
    rows = [r for r in datasets.load_sentence_roles() if r["split"] == "train"][:120]
    clf = SentenceRoleClassifier(C=1.0).fit([r["text"] for r in rows], [r["label"] for r in rows])
    path = clf.save(tmp_path / "roles.json")
    again = SentenceRoleClassifier.load(path)
    texts = [r["text"] for r in rows[:5]] + list(REAL.values())
    before, after = clf.predict_proba(texts), again.predict_proba(texts)
    for a, b in zip(before, after):
        assert a.keys() == b.keys()
        assert all(abs(a[k] - b[k]) < 1e-5 for k in a)
    assert b"pickle" not in path.read_bytes()


def test_bad_inputs_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown sentence labels"):
        SentenceRoleClassifier().fit(["a sentence"], ["spam"])
    with pytest.raises(ModelFileError, match="not found"):
        SentenceRoleClassifier.load(tmp_path / "missing.json")
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"kind": "disclosure"}')
    with pytest.raises(ModelFileError, match="not a sentence_roles model"):
        SentenceRoleClassifier.load(wrong)


def test_shipped_models_load_with_the_network_cut_off(repo_dir, tmp_path):
    """A fresh interpreter with HF_HUB_OFFLINE=1 and a dead proxy: any download attempt would fail."""
    import subprocess
    import sys

    if not DEFAULT_PATH.is_file():
        pytest.skip("no shipped model")
    env = dict(os.environ, HF_HUB_OFFLINE="1", HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9", HF_HOME=str(tmp_path / "hf"))
    code = (
        "from ico_lens.language.classify import SentenceRoleClassifier;"
        "from ico_lens.language.disclosure import DisclosureDetector;"
        "print(SentenceRoleClassifier.load().predict(['Tokens may lose all their value due to regulatory risks.'])[0]);"
        "print(DisclosureDetector.load().predict('Risk factors. Buying tokens involves risks.')['risk']['present'])"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=240, cwd=repo_dir)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["risk_disclosure", "True"]

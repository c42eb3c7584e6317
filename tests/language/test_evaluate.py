"""The evaluation of the disclosure detector: the two questions' cross-validation, training, label-noise figures.

Evidence is built directly (no embedding), so these run in well under a second.
"""

from __future__ import annotations

import pytest

pytest.importorskip("sklearn")

from ico_lens.language.disclosure import ASPECTS, FACT_FEATURES, SPECIFIED, DisclosureDetector, DocumentEvidence  # noqa: E402
from ico_lens.language.evaluate import _is_heading, cross_validated_probabilities, noise_ceiling, train_detector  # noqa: E402
from ico_lens.language.records import DISCLOSURE_ASPECTS, Sentence  # noqa: E402


def evidence(mentions: float, *, vesting_term: bool, length: int = 300) -> DocumentEvidence:
    """One paper's evidence: ``mentions`` drives the text features of every aspect; the team vesting fact apart."""
    features = {a: [mentions, mentions, mentions / 2, 0.3 + mentions / 10, 0.25 + mentions / 10, float(mentions > 1)] for a in ASPECTS}
    facts = dict.fromkeys(FACT_FEATURES, 0.0)
    facts["team_vesting"] = float(vesting_term)
    return DocumentEvidence(features, dict.fromkeys(ASPECTS), length, 10, facts)


@pytest.fixture
def papers():
    """12 human-labelled papers (discussed = many mentions) and 12 gold papers (a team vesting term or not)."""
    rows, ev = [], {}
    for i in range(12):
        discussed = i % 2 == 0
        path = f"human-{i}"
        ev[path] = evidence(2.0 + i / 10 if discussed else 0.2 + i / 50, vesting_term=False)
        rows.append({"path": path, "source": "human", "labels": dict.fromkeys(DISCLOSURE_ASPECTS, int(discussed))})
    for i in range(12):
        stated = i % 3 == 0
        path = f"gold-{i}"
        # gold papers all talk about vesting; only some state a term: the text alone cannot tell them apart
        ev[path] = evidence(1.5 + (i % 4) / 10, vesting_term=stated)
        specified = {"token_distribution": 1, "use_of_funds": int(i % 2 == 0), "vesting": int(stated), "governance": 0}
        rows.append({"path": path, "source": "gold", "specified": specified, "labels": {a: 1 for a, v in specified.items() if v}})
    return rows, ev


def test_specified_question_is_cross_validated_on_its_own_aspects(papers):
    rows, ev = papers
    gold = [dict(r, labels=r["specified"]) for r in rows if r["source"] == "gold"]
    params = {"C": 1.0, "use_facts": True}
    probabilities = cross_validated_probabilities(ev, gold, params, repeats=2, question="specified")
    # token_distribution (all 1) and governance (all 0) have one class only: no head, no figure
    assert set(probabilities) == {"use_of_funds", "vesting"} and set(probabilities) <= set(SPECIFIED)
    vesting = probabilities["vesting"]
    stated = [vesting[i] for i, r in enumerate(gold) if r["labels"]["vesting"]]
    silent = [vesting[i] for i, r in enumerate(gold) if not r["labels"]["vesting"]]
    assert min(stated) > 0.5 > max(silent)  # out of fold, the vesting fact separates them


def test_training_uses_gold_negatives_only_for_the_specified_heads(papers):
    rows, ev = papers
    params = {"C": 1.0, "use_facts": True}
    detector = train_detector(ev, rows, dict(params, gold_weight=1.0))
    assert set(detector.heads) == set(DISCLOSURE_ASPECTS)
    assert set(detector.specified_heads) == {"use_of_funds", "vesting"}
    stated, silent = ev["gold-0"], ev["gold-1"]
    assert detector.predict(stated)["vesting"]["specified"]["present"]
    assert not detector.predict(silent)["vesting"]["specified"]["present"]
    assert detector.predict(silent)["vesting"]["present"]  # discussed all the same
    # few mentions, but the paper states a team vesting term: stated terms are discussed terms
    terse = evidence(0.3, vesting_term=True)
    assert detector.probability("vesting", terse) < 0.5
    answer = detector.predict(terse)["vesting"]
    assert answer["specified"]["present"] and answer["present"]
    assert answer["probability"] == answer["specified"]["probability"]
    # gold weight 0: the "present" heads are exactly the human-only heads
    human_only = train_detector(ev, [r for r in rows if r["source"] == "human"], dict(params, gold_weight=1.0))
    without_gold = train_detector(ev, rows, dict(params, gold_weight=0.0))
    assert {a: h.to_dict() for a, h in without_gold.heads.items()} == {a: h.to_dict() for a, h in human_only.heads.items()}
    assert without_gold.specified_heads  # the gold still teaches "specified"


def test_one_head_is_trained_and_read_through_the_public_methods(papers):
    rows, ev = papers
    human = [r for r in rows if r["source"] == "human"]
    detector = DisclosureDetector(C=1.0, use_facts=True)
    detector.fit_head("risk", [ev[r["path"]] for r in human], [r["labels"]["risk"] for r in human])
    assert set(detector.heads) == {"risk"} and not detector.specified_heads  # the other heads are untouched
    assert detector.probability("risk", ev["human-0"]) > 0.5 > detector.probability("risk", ev["human-1"])
    gold = [r for r in rows if r["source"] == "gold"]
    detector.fit_head("vesting", [ev[r["path"]] for r in gold], [r["specified"]["vesting"] for r in gold], question="specified")
    assert set(detector.specified_heads) == {"vesting"} and set(detector.heads) == {"risk"}
    assert detector.probability("vesting", ev["gold-0"], "specified") > 0.5 > detector.probability("vesting", ev["gold-1"], "specified")
    with pytest.raises(ValueError, match="positive and negative"):
        detector.fit_head("risk", [ev[r["path"]] for r in human[:1]], [1])


def test_noise_ceiling_counts_silent_positives_and_negatives_with_a_section_on_it():
    texts = {
        "silent": ["The platform matches riders and drivers.", "Fees are paid in tokens."],
        "voting": ["Community Governance", "Token holders vote on proposals."],
        "plain": ["The platform matches riders and drivers."],
    }
    rows = [
        {"slug": "silent", "path": "silent", "labels": {"governance": 1}},
        {"slug": "voting", "path": "voting", "labels": {"governance": 0}},
        {"slug": "plain", "path": "plain", "labels": {"governance": 0}},
    ]
    result = noise_ceiling(rows, lambda path: [Sentence(t, 1, None, i) for i, t in enumerate(texts[path])])["governance"]
    assert (result["positives"], result["never_mentioned"], result["slugs"]) == (1, 1, ["silent"])
    assert (result["negatives"], result["titled_negatives"], result["titled_negative_slugs"]) == (2, 1, ["voting"])
    assert result["titled_negatives_share"] == 0.5


@pytest.mark.parametrize(
    "text, heading",
    [("Community Governance", True), ("7.1 Token Lock-Up", True), ("Token holders vote on proposals.", False), ("", False),
     ("the governance of the foundation is described below and in the annex", False)],
)
def test_heading_lines(text, heading):
    assert _is_heading(text) is heading


def test_commands_refuse_a_shared_directory_without_labels(tmp_path, capsys):
    from ico_lens.cli import main
    from ico_lens.cli.train_language import main as train

    assert main(["eval", "language", "--shared", str(tmp_path), "--skip-sentences"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "shared data not found" in err and str(tmp_path) in err
    assert train(["--only", "disclosure", "--shared", str(tmp_path), "--out", str(tmp_path)]) == 2
    assert "shared data not found" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing trained, nothing written

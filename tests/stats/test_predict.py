"""Cross-validated prediction (ico_lens.stats.predict) on generated data, and `ico-lens predict` on a
real small feature store."""

from __future__ import annotations

import csv
import json

import numpy as np
import pandas as pd
import pytest

from ico_lens.cli import main
from ico_lens.errors import InputError
from ico_lens.stats.data import NotEnoughData
from ico_lens.stats.predict import Prediction, predict
from tests.stats.conftest import store_of
from tests.store.conftest import write_paper


def projects(n: int = 200, seed: int = 1) -> pd.DataFrame:
    """``n`` projects: ``success`` depends on x1 only, ``noise`` on nothing, ``log_raised_usd`` on x1."""
    rng = np.random.default_rng(seed)
    x1, x2 = rng.normal(size=n), rng.normal(size=n)
    return pd.DataFrame({
        "key": [f"paper:{i:04d}" for i in range(n)],
        "name": [f"Project {i}" for i in range(n)],
        "x1": x1,
        "x2": x2,
        "outcome_success": (2.0 * x1 + 0.7 * rng.normal(size=n) > 0).astype(int),
        "outcome_noise": rng.integers(0, 2, size=n),
        "outcome_log_raised_usd": 15.0 + 1.5 * x1 + rng.normal(size=n),
    })


def test_binary_outcome_is_predicted_by_the_feature_it_depends_on():
    result = predict(projects(), "success", ["x1", "x2"], repeats=5)
    assert result.kind == "binary" and result.metric == "roc_auc" and result.chance == 0.5
    assert result.mean > 0.85 and result.pooled > 0.85
    assert len(result.folds) == 5 and all(f.score is not None and f.score > 0.75 for f in result.folds)
    assert result.sd == pytest.approx(np.std([f.score for f in result.folds], ddof=1))
    assert [i.feature for i in result.importance] == ["x1", "x2"]
    x1, x2 = result.importance
    assert x1.rank == 1 and x1.mean > 0.2 and abs(x2.mean) < 0.05 and len(x1.per_fold) == 5
    assert result.estimator == "StandardScaler + LogisticRegression"
    assert result.n == 200 and result.n_dropped == 0 and result.positives == int(projects().outcome_success.sum())


def test_pure_noise_gives_chance_auc():
    result = predict(projects(), "noise", ["x1", "x2"], repeats=3)
    assert result.metric == "roc_auc"
    assert abs(result.mean - 0.5) < 0.1


def test_continuous_outcome_is_scored_by_r2():
    result = predict(projects(), "log_raised_usd", ["x1", "x2"], folds=4, repeats=3)
    assert result.kind == "continuous" and result.metric == "r2" and result.estimator == "StandardScaler + Ridge"
    # the explained share of the variance is 1.5² / (1.5² + 1) = 0.69
    assert 0.55 < result.mean < 0.8
    assert result.importance[0].feature == "x1" and len(result.folds) == 4


def test_a_project_with_several_rows_is_never_split_across_folds():
    """Every project twice, the outcome pure noise: a 1-nearest-neighbour model would find the copy of a
    test row in the training rows (AUC near 1) if the folds ignored the projects."""
    from sklearn.neighbors import KNeighborsClassifier

    frame = projects(120, seed=3)
    doubled = pd.concat([frame, frame], ignore_index=True)
    result = predict(doubled, "noise", ["x1", "x2"], estimator=KNeighborsClassifier(n_neighbors=1), repeats=2)
    folds_of = {}
    for h in result.held_out:
        folds_of.setdefault(h.key, set()).add(h.fold)
    assert len(folds_of) == 120 and all(len(folds) == 1 for folds in folds_of.values())
    assert sum(f.groups_test for f in result.folds) == 120 and result.n_groups == 120
    assert abs(result.mean - 0.5) < 0.15
    # the same rows without groups: the copies leak, and the score shows it
    leaky = predict(doubled, "noise", ["x1", "x2"], estimator=KNeighborsClassifier(n_neighbors=1), group=None, repeats=2)
    assert leaky.mean > 0.8  # about 0.9: the copy of a test row is in the training rows 4 times in 5


def test_missing_values_are_dropped_listwise_and_counted():
    frame = projects()
    frame.loc[:9, "x2"] = np.nan
    frame.loc[5:14, "outcome_success"] = np.nan
    result = predict(frame, "success", ["x1", "x2"], repeats=2)
    assert result.n == 185 and result.n_total == 200 and result.n_dropped == 15
    assert result.missing == {"outcome_success": 10, "x2": 10}
    assert result.dropped == "15 of 200 projects dropped for missing values (listwise): outcome_success 10, x2 10"
    assert len(result.held_out) == 185


def test_bad_input_is_a_clear_input_error():
    frame = projects(12)
    with pytest.raises(NotEnoughData, match="20 folds need at least 20 projects"):
        predict(frame, "success", ["x1"], folds=20)
    one_class = frame.assign(outcome_success=1)
    with pytest.raises(NotEnoughData, match="is 1 for all 12 complete projects: one class"):
        predict(one_class, "success", ["x1"])
    rare = frame.assign(outcome_success=[1, 1] + [0] * 10)
    with pytest.raises(NotEnoughData, match="is 1 for only 2 projects, fewer than the 5 folds"):
        predict(rare, "success", ["x1"])
    with pytest.raises(InputError, match="no column 'x3'"):
        predict(frame, "success", ["x3"])


def test_the_result_round_trips_through_json():
    result = predict(projects(60), "success", ["x1", "x2"], folds=3, repeats=2)
    data = json.loads(result.to_json())
    assert data["metric"] == "roc_auc" and data["importance"][0]["feature"] == "x1"
    again = Prediction.from_dict(data)
    assert again.mean == result.mean and again.importance[0].feature == "x1" and again.folds == result.folds


# -- the command, on a real feature store -------------------------------------------------------------

@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store of 10 generated papers with outcomes from a manifest: success is 1 where the team share is
    high, raised_usd grows with it."""
    folder = tmp_path_factory.mktemp("stats_store")
    rows = []
    for i in range(10):
        name = f"Project{chr(65 + i)}"
        team = 5 + 3 * i
        write_paper(folder / f"p{i}.txt", name, team=team, pages=3 + i % 3)
        rows.append({"paper": f"p{i}.txt", "name": name, "raised_usd": 1e6 * (1 + i), "success": int(team >= 17)})
    return store_of(folder, rows)


def test_predict_command_prints_the_score_and_the_importance(store, tmp_path, capsys):
    out_csv = tmp_path / "held_out.csv"
    code = main(["predict", "--db", str(store), "--outcome", "success", "--features", "insider_share,pages",
                 "--folds", "3", "--repeats", "2", "--csv", str(out_csv)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "outcome_success (binary; 6 of 10 are 1)" in out and "ROC AUC:" in out
    assert "3-fold cross-validation by key over 10 projects" in out
    assert "insider_share" in out and "permutation importance" in out
    with open(out_csv, newline="") as f:
        held = list(csv.DictReader(f))
    assert len(held) == 10 and {row["name"] for row in held} == {f"Project{chr(65 + i)}" for i in range(10)}
    assert {row["fold"] for row in held} == {"1", "2", "3"}


def test_predict_command_json(store, capsys):
    code = main(["predict", "--db", str(store), "--outcome", "raised_usd", "--features", "insider_share",
                 "--folds", "2", "--repeats", "2", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    data = json.loads(out)
    assert data["metric"] == "r2" and data["n"] == 10 and data["outcome"] == "outcome_raised_usd"


@pytest.mark.parametrize("argv, message", [
    (["--outcome", "success", "--features", "nonsense"], "no column 'nonsense'"),
    (["--outcome", "success", "--features", "insider_share", "--folds", "8"], "fewer than the 8 folds"),
])
def test_predict_command_bad_input_exits_2(store, capsys, argv, message):
    code = main(["predict", "--db", str(store), *argv])
    _, err = capsys.readouterr()
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_predict_command_without_a_store_exits_2(tmp_path, capsys):
    code = main(["predict", "--db", str(tmp_path / "none.db"), "--outcome", "success", "--features", "x"])
    _, err = capsys.readouterr()
    assert code == 2 and "no such feature store" in err


def test_forest_finds_what_a_linear_model_misses():
    frame = projects(200, seed=4)
    frame["outcome_extreme"] = (frame.x1.abs() > 0.8).astype(int)  # both tails: no line separates them
    linear = predict(frame, "extreme", ["x1", "x2"], repeats=2)
    forest = predict(frame, "extreme", ["x1", "x2"], estimator="forest", repeats=2)
    assert linear.mean < 0.65 < 0.9 < forest.mean
    assert forest.estimator == "RandomForestClassifier" and forest.importance[0].feature == "x1"
    with pytest.raises(InputError, match="unknown estimator 'boosting'"):
        predict(frame, "extreme", ["x1"], estimator="boosting")

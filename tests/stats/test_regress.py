"""Regressions: known coefficients recovered from generated data, robust and clustered errors, the
listwise drop shown, the side-by-side table in every format, and the command on a real store."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from ico_lens.cli import main
from ico_lens.errors import InputError
from ico_lens.stats.data import NotEnoughData, model_data
from ico_lens.stats.regress import regress, regression_table, table_frame, write_table
from ico_lens.stats.outcomes import import_outcomes
from tests.stats.conftest import write_tord


def generated(n: int = 600, seed: int = 1) -> pd.DataFrame:
    """log raised = 14 + 0.03 insider - 0.02 public + 0.8 disclosed + noise; success from a logit."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "key": [f"paper:{i}" for i in range(n)],
        "insider_share": rng.uniform(5, 40, n), "alloc_public_sale": rng.uniform(20, 80, n),
        "disclosed_risk": rng.integers(0, 2, n), "outcome_year": rng.choice([2016, 2017, 2018], n),
        "outcome_country": rng.choice(list("ABCDEFGHIJ"), n),
    })
    year_effect = frame.outcome_year.map({2016: 0.0, 2017: 0.5, 2018: -0.4})
    # heteroskedastic noise: its spread grows with the insider share
    noise = rng.normal(size=n) * frame.insider_share / 10
    frame["outcome_log_raised_usd"] = (14 + 0.03 * frame.insider_share - 0.02 * frame.alloc_public_sale
                                       + 0.8 * frame.disclosed_risk + year_effect + noise)
    index = -1 + 0.08 * frame.insider_share - 0.9 * frame.disclosed_risk
    frame["outcome_success"] = (rng.uniform(size=n) < 1 / (1 + np.exp(-index))).astype(int)
    return frame


def test_ols_recovers_known_coefficients_within_their_robust_errors():
    fit = regress(generated(), "log_raised_usd", ["insider_share", "alloc_public_sale", "disclosed_risk"], controls=["year"])
    truth = {"insider_share": 0.03, "alloc_public_sale": -0.02, "disclosed_risk": 0.8}
    for name, value in truth.items():
        assert abs(fit.params[name] - value) < 3 * fit.bse[name], name
    assert fit.cov_type == "HC1" and fit.n == 600 and fit.n_dropped == 0
    assert abs(fit.params["C(outcome_year)[T.2017]"] - 0.5) < 3 * fit.bse["C(outcome_year)[T.2017]"]
    plain = regress(generated(), "log_raised_usd", ["insider_share", "alloc_public_sale", "disclosed_risk"], controls=["year"],
                    robust="nonrobust")
    # the noise grows with insider_share: the robust error there is larger than the classical one
    assert fit.bse["insider_share"] > plain.bse["insider_share"] * 1.05


def test_logit_recovers_known_coefficients_and_clusters():
    fit = regress(generated(3000, seed=2), "success", ["insider_share", "disclosed_risk"], model="logit", cluster="country")
    assert abs(fit.params["insider_share"] - 0.08) < 3 * fit.bse["insider_share"]
    assert abs(fit.params["disclosed_risk"] + 0.9) < 3 * fit.bse["disclosed_risk"]
    assert fit.cov_type == "cluster(country)" and 0 < fit.r2 < 1


def test_missing_values_are_dropped_listwise_and_counted():
    frame = generated(100)
    frame.loc[:9, "insider_share"] = np.nan
    frame.loc[5:19, "outcome_log_raised_usd"] = np.nan
    fit = regress(frame, "log_raised_usd", ["insider_share", "disclosed_risk"])
    assert fit.n == 80 and fit.n_dropped == 20
    assert fit.dropped == ("20 of 100 projects dropped for missing values (listwise): "
                           "outcome_log_raised_usd 15, insider_share 10")
    assert "Dropped (missing)" in regression_table([fit]).as_text()


def test_unusable_models_are_refused_with_the_reason():
    frame = generated(50)
    with pytest.raises(InputError, match="no column 'insider' in the features .did you mean insider_share"):
        regress(frame, "log_raised_usd", ["insider"])
    with pytest.raises(NotEnoughData, match="only 0 complete projects"):
        regress(frame.assign(insider_share=np.nan), "log_raised_usd", ["insider_share"])
    with pytest.raises(NotEnoughData, match="takes one value"):
        regress(frame.assign(disclosed_risk=1), "log_raised_usd", ["disclosed_risk"])
    with pytest.raises(InputError, match="logit needs a 0/1 outcome"):
        regress(frame, "log_raised_usd", ["insider_share"], model="logit")
    with pytest.raises(InputError, match="not numeric"):
        model_data(frame.assign(insider_share="high"), "log_raised_usd", ["insider_share"])


def test_models_side_by_side_in_every_format(tmp_path):
    frame = generated()
    fits = [regress(frame, "log_raised_usd", ["insider_share"]),
            regress(frame, "log_raised_usd", ["insider_share", "disclosed_risk"], controls=["year"])]
    table = regression_table(fits, names=["base", "full"])
    grid = table_frame(table)
    assert list(grid.columns) == ["base", "full"]
    assert grid.loc["N", "base"] == "600" and grid.loc["Fixed effects", "full"] == "year"
    assert not any(str(i).startswith("C(") for i in grid.index)  # fixed effects summarised, not listed
    for suffix, marker in ((".csv", "insider_share"), (".tex", "\\begin{tabular}"), (".html", "<table"), (".txt", "R2")):
        path = tmp_path / f"table{suffix}"
        write_table(table, str(path))
        assert marker in path.read_text()
    with pytest.raises(InputError, match="cannot tell the table format"):
        write_table(table, str(tmp_path / "table.docx"))


def _store_with_outcomes(small_store, tmp_path):
    rows = [{"id": "1", "name": "Aldebaran", "token": "ALD", "raised_usd": "12500000", "ico_start": "2018-01-02"},
            {"id": "2", "name": "Bellatrix", "token": "BEL", "raised_usd": "2500000", "ico_start": "2017-05-01"},
            {"id": "3", "name": "Capella", "token": "CAP", "raised_usd": "900000", "ico_start": "2018-07-01"},
            {"id": "4", "name": "Deneb", "token": "DEN", "raised_usd": "4000000", "ico_start": "2017-02-01"}]
    import_outcomes(small_store, str(write_tord(tmp_path / "tord.csv", rows)))
    return small_store


def test_the_command_fits_on_a_real_store_and_writes_the_table(small_store, tmp_path, capsys):
    db = _store_with_outcomes(small_store, tmp_path)
    out = tmp_path / "table.tex"
    assert main(["regress", "--db", str(db), "--outcome", "log_raised_usd", "--features", "insider_share",
                 "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "insider_share" in text and "N " in text and "OLS of outcome_log_raised_usd" in text
    assert "\\begin{tabular}" in out.read_text()
    assert main(["regress", "--db", str(db), "--outcome", "log_raised_usd", "--features", "insider_share", "--json"]) == 0
    fit = json.loads(capsys.readouterr().out)[0]
    assert fit["n"] == 4 and fit["cov_type"] == "HC1" and set(fit["params"]) == {"Intercept", "insider_share"}


@pytest.mark.parametrize("args, message", [
    (["--outcome", "log_raised_usd", "--features", "insider"], "no column 'insider'"),
    (["--outcome", "log_raised_usd", "--features", "insider_share", "--controls", "decade"], "no column 'decade'"),
    (["--outcome", "log_raised_usd", "--features", "insider_share,hhi,word_count,pages"], "complete projects"),
])
def test_the_command_refuses_bad_models_in_one_line(small_store, tmp_path, capsys, args, message):
    db = _store_with_outcomes(small_store, tmp_path)
    assert main(["regress", "--db", str(db), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1

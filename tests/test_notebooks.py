"""The walkthroughs in notebooks/ run from top to bottom: the pipeline on the bundled sample (01) and
the five research questions (02-06) on the sample and, when it is there, on ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SAMPLE = ROOT / "corpora" / "sample" / "build"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

#: what each walkthrough must print: real results, not a cell that silently did nothing
EXPECTED = {
    "01_white_paper_to_contract.ipynb": ("public_sale", "contradicted", "not_english"),
    "02_governance.ipynb": ("governance_denied", "Std. errors", "HC1"),
    "03_allocation.ipynb": ("archetypes", "retained_share", "distributed_in_ico", "Davydiuk"),
    "04_use_of_funds.ipynb": ("disclosed_use_of_funds", "funds_development", "Howell"),
    "05_language.ipynb": ("rate_hype_return_promises", "risk_rate", "Momtaz"),
    "06_claims_vs_code.ipynb": ("team_vesting", "findings_contradicted", "Cohney"),
}


@pytest.fixture(scope="session")
def research_dir(tmp_path_factory) -> Path:
    """One directory of feature stores for every research notebook of the run: the first builds them."""
    return tmp_path_factory.mktemp("research")


def test_there_is_a_walkthrough_per_research_question():
    assert set(EXPECTED) == {p.name for p in NOTEBOOKS}


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, monkeypatch, research_dir):
    if not (SAMPLE / "index.json").exists():
        pytest.skip("sample corpus not built (make sample)")
    from ico_lens.contract import solc

    if not solc.installed_versions():
        pytest.skip("no solc installed (make setup)")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ICO_LENS_RESEARCH_DIR", str(research_dir))
    notebook = nbformat.read(path, as_version=4)
    # the first research notebook builds the ../shared store (a few minutes): allow it in one cell
    client = nbclient.NotebookClient(notebook, timeout=1500, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    for marker in EXPECTED[path.name]:
        assert marker in text, f"{path.name} printed no {marker!r}"
    if path.name != "01_white_paper_to_contract.ipynb":
        assert any("image/png" in o.get("data", {}) for o in outputs), "no figure"
        assert "published" in text or "same sign" in text or "opposite sign" in text

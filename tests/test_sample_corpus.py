"""The synthetic sample corpus (corpora/sample/generate.py): PDFs, white-paper and contract ground truth.

The generator runs once per session into a temporary directory; every check reads its output.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdfium2
import pytest

REPO = Path(__file__).resolve().parent.parent
GENERATOR = REPO / "corpora" / "sample" / "generate.py"

# The field set of ../shared/corpus/GOLD.md, written out here so the test does not need ../shared.
PAPER_FIELDS = {"slug", "text_layer", "pages", "token_symbol", "token_standard", "total_supply",
                "allocation_source", "allocation", "use_of_funds_source", "use_of_funds", "claims",
                "evidence", "notes"}
ALLOCATION_FIELDS = {"label", "category", "percent", "page", "vesting_months", "cliff_months"}
FUNDS_FIELDS = {"label", "category", "percent", "page"}
CLAIM_FIELDS = {"supply_fixed", "unsold_tokens", "burn_mechanism", "team_vesting", "team_vesting_months",
                "transfers_locked_until_sale_end", "governance_rights", "oracle", "hard_cap", "token_price"}
SOURCES = {"table", "text", "image", "none"}
ALLOCATION_CATEGORIES = {"public_sale", "presale_private", "team_founders", "advisors", "partners",
                         "reserve_treasury", "ecosystem_community", "bounty_marketing", "liquidity",
                         "mining_staking", "other"}
FUNDS_CATEGORIES = {"development", "marketing", "operations", "legal_compliance", "reserve_contingency",
                    "infrastructure", "partnerships_acquisitions", "other"}
CONTRACT_FIELDS = {"address", "token_contract", "pragma", "decimals", "initial_supply", "cap",
                   "can_mint_after_deploy", "mint_can_be_finished", "burnable", "pausable", "transfer_lock",
                   "freeze_or_blacklist", "owner_can_change_balances", "upgradeable_or_migratable",
                   "vesting_or_timelock", "transfer_fee", "selfdestruct", "crowdsale_in_file", "evidence", "notes"}
CONTRACT_BOOLEANS = CONTRACT_FIELDS - {"address", "token_contract", "pragma", "decimals", "initial_supply", "cap",
                                       "mint_can_be_finished", "evidence", "notes"}

EVIDENCE_RE = re.compile(r"^p\.(\d+)( \(image\))?: (.+)$")
QUOTE_RE = re.compile(r"'([^']*)'")


def _generate(out: Path) -> None:
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)], check=True, capture_output=True,
                   timeout=120)


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    _generate(out)
    return out


@pytest.fixture(scope="module")
def index(build) -> dict:
    return json.loads((build / "index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def golds(build, index) -> dict[str, dict]:
    return {p["slug"]: json.loads((build / p["gold"]).read_text(encoding="utf-8")) for p in index["papers"]}


@pytest.fixture(scope="module")
def page_texts(build, index) -> dict[str, list[str]]:
    texts = {}
    for p in index["papers"]:
        doc = pypdfium2.PdfDocument(str(build / p["pdf"]))
        try:
            texts[p["slug"]] = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
        finally:
            doc.close()
    return texts


def _key(text: str) -> str:
    """Comparable form of page text and quotes: ligatures decomposed (NFKC) and whitespace, hyphens and
    pdfium's soft-hyphen markers (U+FFFE, U+0002) removed, so a quote matches across line breaks."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\-\u2010\u00ad\ufffe\x02]+", "", text).lower()


def test_corpus_covers_the_brief(index, golds):
    assert len(golds) >= 5
    sources = {g["allocation_source"] for g in golds.values()}
    assert {"table", "text", "image"} <= sources
    assert {"table", "text"} <= {g["use_of_funds_source"] for g in golds.values()}
    claims = [g["claims"] for g in golds.values()]
    assert any(c["supply_fixed"] is True for c in claims) and any(c["supply_fixed"] is False for c in claims)
    assert any(c["unsold_tokens"] == "burned" for c in claims)
    assert any(c["governance_rights"] is True for c in claims)
    assert any(c["oracle"] is True for c in claims)
    assert any(c["transfers_locked_until_sale_end"] is True for c in claims)
    assert any(c["burn_mechanism"] is True for c in claims)
    assert all(c["team_vesting"] is True for c in claims)
    assert any("two distributions" in g["notes"].lower() for g in golds.values())
    assert {p["page_size"] for p in index["papers"]} == {"A4", "Letter"}
    assert len(index["contracts"]) >= 4


def test_pdfs_open_with_expected_page_counts(build, index, golds):
    for p in index["papers"]:
        doc = pypdfium2.PdfDocument(str(build / p["pdf"]))
        try:
            assert len(doc) == golds[p["slug"]]["pages"] == p["pages"], p["slug"]
            assert 6 <= len(doc) <= 15, p["slug"]
        finally:
            doc.close()


def test_gold_json_has_exactly_the_gold_md_fields(golds):
    for slug, g in golds.items():
        assert set(g) == PAPER_FIELDS, slug
        assert g["slug"] == slug
        assert set(g["claims"]) == CLAIM_FIELDS, slug
        assert g["token_standard"] in {"ERC20", "ERC223", "other", None}
        assert g["allocation_source"] in SOURCES and g["use_of_funds_source"] in SOURCES
        assert (g["allocation_source"] == "none") == (g["allocation"] == [])
        assert (g["use_of_funds_source"] == "none") == (g["use_of_funds"] == [])
        assert g["claims"]["unsold_tokens"] in {"burned", "kept", "distributed", None}
        for row in g["allocation"]:
            assert set(row) == ALLOCATION_FIELDS and row["category"] in ALLOCATION_CATEGORIES, (slug, row)
            assert 1 <= row["page"] <= g["pages"]
        for row in g["use_of_funds"]:
            assert set(row) == FUNDS_FIELDS and row["category"] in FUNDS_CATEGORIES, (slug, row)
            assert 1 <= row["page"] <= g["pages"]
        for rows in (g["allocation"], g["use_of_funds"]):
            if rows:
                assert sum(r["percent"] for r in rows) == pytest.approx(100.0), slug
        assert isinstance(g["notes"], str) and g["notes"]


@pytest.mark.shared
def test_gold_matches_the_real_gold_files(shared_dir, golds):
    """Same top-level and claim fields as the hand-made gold labels in ../shared."""
    real = json.loads(next((shared_dir / "corpus" / "gold" / "whitepapers").glob("*.json")).read_text())
    for g in golds.values():
        assert set(g) == set(real)
        assert set(g["claims"]) == set(real["claims"])


def test_every_evidence_quote_is_on_its_page(golds, page_texts):
    checked = 0
    for slug, g in golds.items():
        assert g["evidence"], slug
        for key, entries in g["evidence"].items():
            for entry in entries:
                m = EVIDENCE_RE.match(entry)
                assert m, (slug, key, entry)
                page, image = int(m.group(1)), bool(m.group(2))
                text = page_texts[slug][page - 1]
                if image:
                    assert text.strip() == "", (slug, page)
                    continue
                quotes = QUOTE_RE.findall(m.group(3))
                assert quotes, (slug, entry)
                for q in quotes:
                    assert _key(q) in _key(text), f"{slug} p.{page} {key}: {q!r} not in page text"
                    checked += 1
    assert checked >= 40


def test_allocation_rows_point_at_pages_that_state_them(golds, page_texts):
    for slug, g in golds.items():
        if g["allocation_source"] in {"table", "text"}:
            for row in g["allocation"]:
                text = _key(page_texts[slug][row["page"] - 1])
                # Lodestar states amounts only; the others state each percentage on the row's page.
                if "computed" not in g["notes"]:
                    assert _key(f"{row['percent']:g}") in text, (slug, row)


def test_image_only_page_has_no_text_and_holds_the_allocation(build, index, golds, page_texts):
    scanned = [p for p in index["papers"] if p["image_only_pages"]]
    assert len(scanned) == 1
    p = scanned[0]
    g = golds[p["slug"]]
    assert g["allocation_source"] == "image" and g["text_layer"] is True
    for page in p["image_only_pages"]:
        assert page_texts[p["slug"]][page - 1].strip() == ""
        assert {row["page"] for row in g["allocation"]} == {page}
        doc = pypdfium2.PdfDocument(str(build / p["pdf"]))
        try:
            kinds = [obj.type for obj in doc[page - 1].get_objects()]
        finally:
            doc.close()
        assert pypdfium2.raw.FPDF_PAGEOBJ_IMAGE in kinds
    # Every other page of every paper has a text layer (running header at least).
    for slug, texts in page_texts.items():
        skip = set(next(x["image_only_pages"] for x in index["papers"] if x["slug"] == slug))
        assert all(t.strip() for i, t in enumerate(texts, 1) if i not in skip), slug


def test_running_header_repeats_and_pages_are_numbered(page_texts):
    for slug, texts in page_texts.items():
        body = [t for t in texts[1:] if t.strip()]
        first_lines = [t.splitlines()[0] for t in body]
        assert len(set(first_lines)) == 1, slug  # the same running header on every body page
        assert len(body) >= 5


GERMAN = {"der", "die", "das", "und", "ist", "nicht", "werden", "wird", "mit", "für", "von", "zu", "den",
          "ein", "eine", "auf", "im", "des", "sich", "dem"}
ENGLISH = {"the", "and", "of", "to", "is", "will", "with", "for", "by", "that", "are", "be"}


def _share(words: list[str], vocab: set[str]) -> float:
    return sum(w in vocab for w in words) / max(len(words), 1)


def test_exactly_one_paper_is_german(index, page_texts):
    for p in index["papers"]:
        words = re.findall(r"[a-zäöüß]+", " ".join(page_texts[p["slug"]]).lower())
        de, en = _share(words, GERMAN), _share(words, ENGLISH)
        if p["language"] == "de":
            assert de > 0.12 and en < 0.03, (p["slug"], de, en)
        else:
            assert en > 0.12 and de < 0.03, (p["slug"], de, en)
    assert [p["language"] for p in index["papers"]].count("de") == 1


def test_text_cleaning_cases_are_present(build, page_texts):
    """One paper uses the U+FB01 ligature glyph and a hyphenated line break (distri-/bution)."""
    import pdfplumber

    # pypdfium2's text API decomposes ligatures itself; the glyph is visible in the raw characters.
    with pdfplumber.open(build / "lodestar.pdf") as pdf:
        chars = "".join(c["text"] for c in pdf.pages[2].chars)
    assert "\ufb01" in chars
    joined = "".join(page_texts["lodestar"])
    assert re.search(r"distri(?:-|\ufffe|\x02)\s*bution", joined)


def test_contract_sources_and_gold(build, index, golds):
    for c in index["contracts"]:
        src = (build / c["source"]).read_text()
        gold = json.loads((build / c["gold"]).read_text())
        assert set(gold) == CONTRACT_FIELDS, c["slug"]
        assert all(isinstance(gold[k], bool) for k in CONTRACT_BOOLEANS), c["slug"]
        assert src.startswith("pragma solidity ^0.4.24;") and gold["pragma"] == "^0.4.24"
        assert f"contract {gold['token_contract']} is" in src
        assert c["slug"] in golds
        # Facts the code shows, checked against the source text.
        assert ("function burn(" in src) == gold["burnable"]
        assert ("function pause()" in src) == gold["pausable"]
        assert ("finishMinting" in src) == bool(gold["mint_can_be_finished"])


def test_papers_and_code_agree_and_disagree_on_purpose(build, index, golds):
    contracts = {c["slug"]: json.loads((build / c["gold"]).read_text()) for c in index["contracts"]}
    fixed_but_mintable = [s for s, k in contracts.items()
                          if golds[s]["claims"]["supply_fixed"] is True and k["can_mint_after_deploy"]]
    fixed_and_fixed = [s for s, k in contracts.items()
                       if golds[s]["claims"]["supply_fixed"] is True and not k["can_mint_after_deploy"]]
    assert fixed_but_mintable and fixed_and_fixed
    verdicts = [v["agrees"] for vs in index["expected_alignment"].values() for v in vs]
    assert True in verdicts and False in verdicts


def test_generator_is_deterministic(build, tmp_path):
    _generate(tmp_path)
    digest = lambda d: {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(d.iterdir())}  # noqa: E731
    assert digest(tmp_path) == digest(build)


@pytest.mark.slow
def test_contracts_compile_with_solc_0_4_24(build, index):
    solc = REPO / "node_modules" / "solc-0.4.24"
    node = shutil.which("node")
    if node is None or not solc.is_dir():
        pytest.skip("node or node_modules/solc-0.4.24 not installed")
    script = """
const solc = require(process.argv[1]); const fs = require('fs');
const files = process.argv.slice(2); let bad = 0;
for (const f of files) {
  const input = {language: 'Solidity', sources: {[f]: {content: fs.readFileSync(f, 'utf8')}},
                 settings: {outputSelection: {'*': {'*': ['abi']}}}};
  const out = JSON.parse(solc.compileStandardWrapper(JSON.stringify(input)));
  for (const e of (out.errors || [])) if (e.severity === 'error') { bad++; console.log(e.formattedMessage); }
}
process.exit(bad ? 1 : 0);
"""
    files = [str(build / c["source"]) for c in index["contracts"]]
    r = subprocess.run([node, "-e", script, str(solc), *files], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.shared
def test_shared_manifest_is_current(shared_dir):
    """corpora/manifests/shared.json describes the ../shared this checkout sits beside."""
    script = REPO / "corpora" / "manifests" / "build_shared.py"
    r = subprocess.run([sys.executable, str(script), "--shared", str(shared_dir), "--check"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    manifest = json.loads((REPO / "corpora" / "manifests" / "shared.json").read_text())
    items = manifest["corpus"]["items"]
    assert len(items) == manifest["corpus"]["projects"] == len(list((shared_dir / "corpus" / "whitepapers").glob("*.pdf")))
    assert all(len(i["whitepaper"]["sha256"]) == 64 and i["whitepaper"]["pages"] for i in items)
    assert manifest["tokens"]["sources"] == len(list((shared_dir / "tokens").glob("*.sol")))

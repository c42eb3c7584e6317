"""The data behind the research walkthroughs (notebooks/): feature stores of the bundled sample and, when
it is there, of ``../shared``, built once and reused, with outcomes joined; and the sentence that puts
an estimate beside the published one.

>>> from ico_lens.stats.research import research_frames
>>> frames = research_frames()                                   # doctest: +SKIP
>>> frames.sample[["name", "retained_share", "outcome_log_raised_usd"]]   # doctest: +SKIP

The stores live in ``$ICO_LENS_RESEARCH_DIR`` (default ``~/.cache/ico_lens/research``): the first
notebook builds them (the sample in about half a minute, all of ``../shared`` in a few minutes without
the models), the others reuse them; delete the directory to rebuild after changing ico_lens.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ico_lens.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
#: the bundled sample: six generated papers, five token sources
SAMPLE = ROOT / "corpora" / "sample" / "build"
#: invented outcomes for the sample's invented projects (to show the statistics, not to learn from)
SAMPLE_OUTCOMES = ROOT / "corpora" / "sample" / "outcomes.csv"


def research_dir() -> Path:
    path = Path(os.environ.get("ICO_LENS_RESEARCH_DIR") or Path.home() / ".cache" / "ico_lens" / "research")
    path.mkdir(parents=True, exist_ok=True)
    return path


def shared_dir() -> Path | None:
    """``$ICO_LENS_SHARED`` or ``../shared`` beside the checkout, when it holds the real data."""
    path = Path(os.environ.get("ICO_LENS_SHARED") or ROOT.parent / "shared")
    return path if (path / "corpus" / "projects.csv").is_file() else None


def invented_address(slug: str) -> str:
    """A stable made-up contract address for a sample project (the store keys contracts by address)."""
    return "0x" + hashlib.sha256(f"ico_lens sample {slug}".encode()).hexdigest()[:40]


def sample_manifest(sample: Path, out: Path) -> Path:
    """A batch manifest of the sample: each paper with its name, symbol and its token source."""
    index = json.loads((sample / "index.json").read_text(encoding="utf-8"))
    contracts = {c["slug"]: c["source"] for c in index.get("contracts", [])}
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["paper", "name", "symbol", "address", "contract"])
        writer.writeheader()
        for paper in index["papers"]:
            slug = paper["slug"]
            gold = json.loads((sample / paper["gold"]).read_text(encoding="utf-8"))
            source = contracts.get(slug)
            writer.writerow({"paper": str(sample / paper["pdf"]), "name": slug.capitalize(),
                             "symbol": gold.get("token_symbol") or "",
                             "address": invented_address(slug) if source else "",
                             "contract": str(sample / source) if source else ""})
    return out


def sample_store(db: Path | None = None, *, use_models: bool = False) -> Path:
    """The sample's feature store with its invented outcomes, built when missing."""
    from ico_lens.stats.outcomes import import_outcomes
    from ico_lens.store.compute import Options
    from ico_lens.store.runner import build_store

    if not (SAMPLE / "index.json").is_file():
        raise InputError("the sample corpus is not built (make sample)", path=str(SAMPLE))
    db = db or research_dir() / "sample.db"
    manifest = sample_manifest(SAMPLE, research_dir() / "sample-manifest.csv")
    with open(os.devnull, "w") as quiet:
        build_store(str(manifest), str(db), options=Options(use_models=use_models), stream=quiet)
    import_outcomes(str(db), str(SAMPLE_OUTCOMES))
    return db


def shared_store(shared: Path, db: Path | None = None, *, use_models: bool = False, workers: int = 2) -> Path:
    """Every paper of ``shared`` (with the corpus contracts) in a feature store, TORD joined; built
    when missing, resumed when half-built."""
    from ico_lens.stats.outcomes import import_outcomes
    from ico_lens.stats.replicate import shared_manifest
    from ico_lens.store.compute import Options
    from ico_lens.store.runner import build_store

    db = db or research_dir() / ("shared-models.db" if use_models else "shared.db")
    manifest = shared_manifest(str(shared), str(research_dir() / "shared-manifest.csv"))
    with open(os.devnull, "w") as quiet:
        # text-layer facts only: OCR of pictures would double the build of 244 papers for a few extra values
        build_store(manifest, str(db), options=Options(use_models=use_models, ocr=False), workers=workers, stream=quiet)
    import_outcomes(str(db), str(shared / "outcomes" / "tord_v4.csv"))
    return db


@dataclass
class ResearchFrames:
    """The features (``features_frame``) of the sample and, when present, of ``../shared``."""

    sample: object
    shared: object | None = None
    sample_db: Path | None = None
    shared_db: Path | None = None

    @property
    def main(self):
        """The frame to estimate on: ../shared when present (real), else the sample (invented outcomes)."""
        return self.shared if self.shared is not None else self.sample

    @property
    def main_name(self) -> str:
        return "../shared (real papers, TORD outcomes)" if self.shared is not None else "the bundled sample (invented outcomes)"


def research_frames(*, use_models: bool | None = None) -> ResearchFrames:
    """The walkthroughs' data. ``use_models``: the language models in the batch (default: the
    ``ICO_LENS_MODELS=1`` environment variable; without them there is no technical-content measure)."""
    from ico_lens.stats.data import features_frame

    if use_models is None:
        use_models = os.environ.get("ICO_LENS_MODELS") == "1"
    sample_db = sample_store(use_models=use_models)
    frames = ResearchFrames(features_frame(sample_db), sample_db=sample_db)
    shared = shared_dir()
    if shared is not None:
        frames.shared_db = shared_store(shared, use_models=use_models)
        frames.shared = features_frame(frames.shared_db)
    return frames


def compare_sign(fit, name: str, published: str | None, source: str) -> str:
    """One sentence: the estimate of ``name`` in ``fit`` (a :class:`~ico_lens.stats.regress.Regression`)
    beside the published sign.

    >>> class Fit: params, bse, pvalues, n = {"x": 0.031}, {"x": 0.012}, {"x": 0.011}, 80
    >>> compare_sign(Fit(), "x", "+", "Davydiuk et al.")
    'x: +0.031 (s.e. 0.012, p = 0.01, n = 80): the same sign as Davydiuk et al. (+), significant at 5%.'
    """
    if name not in fit.params:
        return f"{name}: not estimated here (missing or constant over the sample)."
    value, p = fit.params[name], fit.pvalues[name]
    ours = "+" if value > 0 else "-"
    text = f"{name}: {value:+.3f} (s.e. {fit.bse[name]:.3f}, p = {p:.2f}, n = {fit.n}): "
    if published is None:
        text += f"no published sign to compare ({source})"
    else:
        text += f"{'the same sign as' if ours == published else 'the opposite sign to'} {source} ({published})"
    significance = "significant at 5%" if p < 0.05 else "significant at 10%" if p < 0.1 else "not significant at 10%"
    return f"{text}, {significance}."


def fit_models(frame, outcome: str, models: dict[str, list[str]], **options):
    """Fit each named model that the data allow; a model it does not allow (too few complete
    projects, a constant feature) is said, not hidden. Returns (fits, names, what was skipped).

    ``options`` go to :func:`~ico_lens.stats.regress.regress` (model, robust, controls ...); features
    missing from ``frame`` (a measure the batch did not make) are left out with a note.
    """
    from ico_lens.stats.data import NotEnoughData
    from ico_lens.stats.regress import regress

    fits, names, skipped = [], [], []
    for name, features in models.items():
        present = [f for f in features if f in frame.columns and frame[f].nunique(dropna=True) > 1]
        absent = [f for f in features if f not in present]
        if absent:
            skipped.append(f"{name}: left out {', '.join(absent)} (missing or constant in this sample)")
        if not present:
            continue
        try:
            fits.append(regress(frame, outcome, present, **options))
            names.append(name)
        except NotEnoughData as exc:
            skipped.append(f"{name}: not estimated: {exc}")
    return fits, names, skipped

"""``ico-lens eval extraction``: white-paper extraction measured against the gold labels.

For every gold file ``<slug>.json`` in ``--gold`` the paper ``<slug>.pdf`` in ``--papers`` is ingested and
its :class:`~ico_lens.paper.tokenomics.facts.PaperFacts` compared with the labels of
``corpus/GOLD.md``:

* **allocation / use of funds**: buckets are matched one to one by ``category`` with ``percent``
  within 0.5 points; precision = matched / extracted, recall = matched / gold buckets (gold buckets
  without a percentage are not scored). Only papers whose breakdown has a text layer count (gold
  ``allocation_source`` / ``use_of_funds_source`` is not ``"image"``, and the PDF has a text layer).
* **total supply, symbol, standard**: exact (symbol case-insensitive); accuracy over all papers
  (null = null is right), precision over the values extracted, recall over the values in the gold.
* **claims**: by value, accuracy over all papers per field. ``hard_cap`` and ``token_price`` are
  "as written" strings: they agree when both are null or when they share a number.

* **claims (stated)**: the headline claims figure: exact value on the claims the gold states (non-null
  gold values), over all claim fields.

Each paper belongs to a part, so a report can say how well figures carry over to papers the rules were
not tuned on: with ``parts`` (``../shared/splits.csv`` read by
:func:`ico_lens.evaluate.splits.load_splits`: ``tune`` / ``held``, the split that counts) or else the
fixed halves of :func:`ico_lens.evaluate.splits.paper_half` (slugs sorted; even positions ``tuned``, odd
``held``). Several corpora (gold directory, papers directory) are scored together by
:func:`evaluate_corpora`. The claim fields are the claim registry's
(:func:`ico_lens.paper.tokenomics.claims.claim_fields`); the command is ``ico-lens eval extraction``
(:mod:`ico_lens.cli.eval`).

Library use::

    from ico_lens.paper.evaluate import evaluate
    report = evaluate("corpus/gold/whitepapers", "corpus/whitepapers")
    report.fields["total_supply"].accuracy, report.misses[:5]
"""

from __future__ import annotations

import functools
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ico_lens.evaluate.metrics import Counts, ratio
from ico_lens.evaluate.splits import PAPER_HALVES, paper_half
from ico_lens.paper.tokenomics.claims import claim_fields

DESCRIPTION = """\
Measure white-paper extraction (allocation, use of funds, total supply, symbol, standard, claims)
against hand-made gold labels (corpus/GOLD.md) and list the misses. Progress goes to stderr."""

PERCENT_TOLERANCE = 0.5
SCALAR_FIELDS = ["total_supply", "token_symbol", "token_standard"]
#: the parts of ``splits.csv`` and the halves of :func:`paper_half`, in the order they are shown
KNOWN_PARTS = ("tune", "tuned", "held")
STATED_CLAIMS = "claims (stated)"


# ------------------------------------------------------------------------------------------------
# scores


@dataclass
class FieldScore:
    """Counts for one field; ratios are ``None`` when nothing was counted."""

    name: str
    correct: int = 0  # papers where the value agrees (null = null included)
    total: int = 0  # papers counted
    true_positive: int = 0  # non-null extracted values that agree (buckets matched, for breakdowns)
    predicted: int = 0  # non-null values (buckets) extracted
    expected: int = 0  # non-null values (buckets) in the gold
    stated_correct: int = 0  # papers whose gold value is non-null and agrees

    @property
    def counts(self) -> Counts:
        return Counts(tp=self.true_positive, fp=self.predicted - self.true_positive, fn=self.expected - self.true_positive)

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.total)

    @property
    def precision(self) -> float | None:
        return self.counts.precision

    @property
    def recall(self) -> float | None:
        return self.counts.recall

    @property
    def f1(self) -> float | None:
        return self.counts.f1

    def add(self, other: "FieldScore") -> None:
        for name in ("correct", "total", "true_positive", "predicted", "expected", "stated_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict:
        rnd = lambda v: None if v is None else round(v, 3)  # noqa: E731
        return {
            "accuracy": rnd(self.accuracy), "precision": rnd(self.precision), "recall": rnd(self.recall),
            "f1": rnd(self.f1), "correct": self.correct, "total": self.total,
            "true_positive": self.true_positive, "predicted": self.predicted, "expected": self.expected,
        }


@dataclass
class Miss:
    slug: str
    field: str
    got: Any
    gold: Any

    def __str__(self) -> str:
        return f"{self.slug:<18} {self.field:<32} got {_short(self.got)}  gold {_short(self.gold)}"


@dataclass
class PaperScore:
    slug: str
    split: str
    fields: dict[str, FieldScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


@dataclass
class ExtractionReport:
    papers: list[PaperScore] = field(default_factory=list)

    def fields_for(self, split: str | None = None) -> dict[str, FieldScore]:
        totals: dict[str, FieldScore] = {}
        for paper in self.papers:
            if split is not None and paper.split != split:
                continue
            for name, score in paper.fields.items():
                totals.setdefault(name, FieldScore(name)).add(score)
        if totals:
            claims = FieldScore("claims (all fields)")
            for name in claim_fields():
                if name in totals:
                    claims.add(totals[name])
            totals["claims (all fields)"] = claims
            # the headline figure: right on the claims the gold states
            totals[STATED_CLAIMS] = FieldScore(STATED_CLAIMS, correct=claims.stated_correct, total=claims.expected)
        return totals

    @property
    def splits(self) -> list[str]:
        """The parts the papers belong to, known ones first."""
        found = list(dict.fromkeys(p.split for p in self.papers))
        return sorted(found, key=lambda s: (KNOWN_PARTS.index(s) if s in KNOWN_PARTS else len(KNOWN_PARTS), s))

    @property
    def fields(self) -> dict[str, FieldScore]:
        return self.fields_for(None)

    @property
    def misses(self) -> list[Miss]:
        return [m for p in self.papers for m in p.misses]

    def to_dict(self) -> dict:
        return {
            "papers": len(self.papers),
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "by_split": {
                split: {"papers": sum(1 for p in self.papers if p.split == split),
                        "fields": {k: v.to_dict() for k, v in self.fields_for(split).items()}}
                for split in self.splits
            },
            "misses": [m.__dict__ for m in self.misses],
            "errors": {p.slug: p.error for p in self.papers if p.error},
        }


def _norm_symbol(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _numbers(value: Any) -> set[float]:
    from ico_lens.paper.tokenomics.evidence import numbers_in

    return numbers_in(str(value)) if value is not None else set()


def same_value(name: str, got: Any, gold: Any) -> bool:
    """Whether an extracted value agrees with the gold one (see the module docstring)."""
    if name in ("hard_cap", "token_price"):
        if got is None or gold is None:
            return got is None and gold is None
        return bool(_numbers(got) & _numbers(gold))
    if name == "token_symbol":
        return _norm_symbol(got) == _norm_symbol(gold)
    if name in ("total_supply", "team_vesting_months") and got is not None and gold is not None:
        return float(got) == float(gold)
    return got == gold


def _value_score(name: str, got: Any, gold: Any) -> FieldScore:
    ok = same_value(name, got, gold)
    return FieldScore(
        name, correct=int(ok), total=1,
        true_positive=int(ok and got is not None), predicted=int(got is not None), expected=int(gold is not None),
        stated_correct=int(ok and gold is not None),
    )


def match_buckets(got: Iterable[dict], gold: Iterable[dict], tolerance: float = PERCENT_TOLERANCE) -> tuple[int, list[dict], list[dict]]:
    """One-to-one matches by category with percent within ``tolerance``.

    Returns (matched, unmatched extracted, unmatched gold); gold buckets without a percent are ignored.
    """
    remaining = [g for g in gold if g.get("percent") is not None]
    extracted = [b for b in got if b.get("percent") is not None]
    unmatched_got = []
    matched = 0
    # closest pairs first, so one near miss does not steal another bucket's match
    for bucket in sorted(extracted, key=lambda b: -float(b["percent"])):
        best = None
        for g in remaining:
            if g.get("category") != bucket.get("category"):
                continue
            diff = abs(float(g["percent"]) - float(bucket["percent"]))
            if diff <= tolerance + 1e-9 and (best is None or diff < best[0]):
                best = (diff, g)
        if best is None:
            unmatched_got.append(bucket)
        else:
            remaining.remove(best[1])
            matched += 1
    return matched, unmatched_got, remaining


def _bucket_score(name: str, got: list[dict], gold: list[dict]) -> tuple[FieldScore, list[dict], list[dict]]:
    matched, extra, missing = match_buckets(got, gold)
    predicted = sum(1 for b in got if b.get("percent") is not None)
    expected = sum(1 for g in gold if g.get("percent") is not None)
    score = FieldScore(name, correct=int(not extra and not missing), total=1,
                       true_positive=matched, predicted=predicted, expected=expected)
    return score, extra, missing


def score_paper(predicted: dict, gold: dict, split: str = "") -> PaperScore:
    """Compare one extracted record (``PaperFacts.to_dict()``) with one gold record."""
    slug = gold.get("slug") or predicted.get("slug", "")
    paper = PaperScore(slug, split)
    for name in SCALAR_FIELDS:
        score = _value_score(name, predicted.get(name), gold.get(name))
        paper.fields[name] = score
        if not score.correct:
            paper.misses.append(Miss(slug, name, predicted.get(name), gold.get(name)))
    text_layer = gold.get("text_layer", True)
    for name, source_key in (("allocation", "allocation_source"), ("use_of_funds", "use_of_funds_source")):
        if not text_layer or gold.get(source_key) == "image":
            continue  # a picture of a chart: not expected without OCR
        score, extra, missing = _bucket_score(name, predicted.get(name) or [], gold.get(name) or [])
        paper.fields[name] = score
        for b in extra:
            paper.misses.append(Miss(slug, f"{name} (extra)", f"{b.get('category')} {b.get('percent')}% {b.get('label', '')!r}", None))
        for g in missing:
            paper.misses.append(Miss(slug, f"{name} (missed)", None, f"{g.get('category')} {g.get('percent')}% {g.get('label', '')!r}"))
    gold_claims = gold.get("claims") or {}
    got_claims = predicted.get("claims") or {}
    for name in claim_fields():
        score = _value_score(name, got_claims.get(name), gold_claims.get(name))
        paper.fields[name] = score
        if not score.correct:
            paper.misses.append(Miss(slug, f"claims.{name}", got_claims.get(name), gold_claims.get(name)))
    return paper


# ------------------------------------------------------------------------------------------------
# running over a corpus


def evaluate(
    gold_dir: str | Path,
    papers_dir: str | Path,
    *,
    slugs: Iterable[str] | None = None,
    split: str | None = None,
    parts: dict[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
    extract: Callable[[Path], dict] | None = None,
    ocr: bool | None = None,
) -> ExtractionReport:
    """Extract every gold paper found in ``papers_dir`` and score it (one corpus of
    :func:`evaluate_corpora`)."""
    return evaluate_corpora([(gold_dir, papers_dir)], slugs=slugs, split=split, parts=parts,
                            progress=progress, extract=extract, ocr=ocr)


def evaluate_corpora(
    corpora: Sequence[tuple[str | Path, str | Path]],
    *,
    slugs: Iterable[str] | None = None,
    split: str | None = None,
    parts: dict[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
    extract: Callable[[Path], dict] | None = None,
    ocr: bool | None = None,
) -> ExtractionReport:
    """Extract and score every gold paper of every (gold directory, papers directory) pair.

    ``parts`` (slug -> part, :func:`~ico_lens.evaluate.splits.load_splits`) names each paper's part
    (a slug it lacks is ``"unsplit"``); without it a paper's part is its corpus's :func:`paper_half`.
    ``split`` keeps one part only; ``extract`` (path -> record) replaces ingestion +
    :func:`extract_facts` (tests pass a stub); ``ocr`` is passed to :func:`extract_facts` (``None``: OCR
    of chart pictures when Tesseract is installed).
    """
    from ico_lens.errors import NotFound

    papers: list[tuple[str, Path, Path | None, str]] = []  # slug, gold file, paper, part
    for gold_dir, papers_dir in corpora:
        gold_files = _gold_files(Path(gold_dir), Path(papers_dir))
        for slug, gold_file in gold_files.items():
            part = parts.get(slug.lower(), "unsplit") if parts is not None else paper_half(slug, list(gold_files))
            papers.append((slug, gold_file, _paper_path(Path(papers_dir), slug), part))
    if slugs:
        known = {slug for slug, *_ in papers}
        unknown = [s for s in slugs if s not in known]
        if unknown:
            raise NotFound(f"no gold label for: {', '.join(unknown)}", path=str(corpora[0][0]))
        wanted = set(slugs)
        papers = [p for p in papers if p[0] in wanted]
    if split:
        papers = [p for p in papers if p[3] == split]
    extract = extract or functools.partial(_extract_record, ocr=ocr)
    report = ExtractionReport()
    for i, (slug, gold_file, pdf, part) in enumerate(papers, start=1):
        paper = _score_one(slug, gold_file, pdf, part, extract)
        report.papers.append(paper)
        if progress:
            state = paper.error or f"{len(paper.misses)} misses"
            progress(f"[{i}/{len(papers)}] {slug} ({paper.seconds:.1f}s, {state})")
    return report


def shared_corpora(shared: str | Path) -> list[tuple[Path, Path]]:
    """The (gold directory, papers directory) pairs of ``../shared``: the 36 projects of ``corpus/`` and
    the 46 papers of ``papers/``."""
    shared = Path(shared)
    return [(shared / "corpus/gold/whitepapers", shared / "corpus/whitepapers"),
            (shared / "papers/gold", shared / "papers/whitepapers")]


def labelled_papers(corpora: Sequence[tuple[str | Path, str | Path]]) -> list[tuple[str, Path, Path | None]]:
    """(slug, gold file, paper or None) of every gold paper of every (gold directory, papers directory)."""
    out = []
    for gold_dir, papers_dir in corpora:
        for slug, gold_file in _gold_files(Path(gold_dir), Path(papers_dir)).items():
            out.append((slug, gold_file, _paper_path(Path(papers_dir), slug)))
    return out


def _gold_files(gold_dir: Path, papers_dir: Path) -> dict[str, Path]:
    """The white-paper gold records of ``gold_dir`` by slug (a directory may also hold contract truths
    or an index)."""
    from ico_lens.errors import NotFound

    if not gold_dir.is_dir():
        raise NotFound(f"gold directory not found: {gold_dir}", path=str(gold_dir))
    if not papers_dir.is_dir():
        raise NotFound(f"papers directory not found: {papers_dir}", path=str(papers_dir))
    gold_files = {p.stem: p for p in sorted(gold_dir.glob("*.json")) if _is_paper_gold(p)}
    if not gold_files:
        raise NotFound(f"no gold labels (*.json) in {gold_dir}", path=str(gold_dir))
    return gold_files


def _score_one(slug: str, gold_file: Path, pdf: Path | None, part: str, extract: Callable[[Path], dict]) -> PaperScore:
    from ico_lens.errors import IcoLensError

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    started = time.perf_counter()
    if pdf is None:
        paper = PaperScore(slug, part, error="paper not found")
    else:
        try:
            paper = score_paper(extract(pdf), gold, part)
        except IcoLensError as exc:
            paper = PaperScore(slug, part, error=str(exc))
    paper.seconds = time.perf_counter() - started
    return paper


def _paper_path(papers_dir: Path, slug: str) -> Path | None:
    for suffix in (".pdf", ".txt", ".md"):
        candidate = papers_dir / f"{slug}{suffix}"
        if candidate.exists():
            return candidate
    return None


def _extract_record(path: Path, ocr: bool | None = None) -> dict:
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.facts import extract_facts

    return extract_facts(open_document(path), ocr=ocr).to_dict()


# ------------------------------------------------------------------------------------------------
# rendering


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def field_order() -> list[str]:
    """The rows of the report, in order."""
    return ["allocation", "use_of_funds", *SCALAR_FIELDS, *claim_fields(), "claims (all fields)", STATED_CLAIMS]


def headline(report: ExtractionReport) -> list[str]:
    """The issue's table: per part, allocation and use of funds P / R / F1, claims (stated), supply."""
    prf = lambda f: "   -  /   -  /   -  " if f is None else f"{_fmt(f.precision)}/{_fmt(f.recall)}/{_fmt(f.f1)}"  # noqa: E731
    acc = lambda f: "   -  " if f is None else _fmt(f.accuracy)  # noqa: E731
    lines = [f"{'part':<12}{'n':>4}  {'allocation P / R / F1':<22}  {'use of funds P / R / F1':<22}  {'claims':>7}  {'supply':>7}"]
    for name in ["all", *report.splits]:
        fields = report.fields_for(None if name == "all" else name)
        count = sum(1 for p in report.papers if name == "all" or p.split == name)
        lines.append(f"{name:<12}{count:>4}  {prf(fields.get('allocation')):<22}  {prf(fields.get('use_of_funds')):<22}"
                     f"  {acc(fields.get(STATED_CLAIMS)):>7}  {acc(fields.get('total_supply')):>7}")
    return lines + [""]


def render(report: ExtractionReport, *, show_misses: bool = True) -> str:
    splits = report.splits
    kind = "half" if set(splits) <= set(PAPER_HALVES) else "part"
    lines = headline(report)
    header = f"{'field':<34}{'acc':>7}{'prec':>7}{'rec':>7}{'F1':>7}   n"
    for label, fields, count in [("all papers", report.fields, len(report.papers))] + [
        (f"{s} {kind}", report.fields_for(s), sum(1 for p in report.papers if p.split == s)) for s in splits if len(splits) > 1
    ]:
        lines.append(f"== {label} ({count}) ==")
        lines.append(header)
        for name in field_order():
            if name not in fields:
                continue
            f = fields[name]
            count_text = f"{f.true_positive}/{f.predicted}p {f.true_positive}/{f.expected}g" if name in ("allocation", "use_of_funds") else f"{f.correct}/{f.total}"
            lines.append(f"{name:<34}{_fmt(f.accuracy)} {_fmt(f.precision)} {_fmt(f.recall)} {_fmt(f.f1)}   {count_text}")
        lines.append("")
    errors = [p for p in report.papers if p.error]
    for p in errors:
        lines.append(f"error: {p.slug}: {p.error}")
    if show_misses:
        # the held part is measured, never read paper by paper
        misses = [m for p in report.papers if p.split != "held" for m in p.misses]
        held = sum(len(p.misses) for p in report.papers if p.split == "held")
        lines.append(f"misses ({len(misses)}" + (f"; {held} in the held part, not listed" if held else "") + "):")
        lines.extend(f"  {m}" for m in misses)
    return "\n".join(lines)


def _is_paper_gold(path: Path) -> bool:
    """False for JSON that is another record (no ``allocation``: a contract truth, an index); broken
    files are kept, so that reading them reports the error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return not isinstance(data, dict) or "allocation" in data

"""Training and evaluation data of the language models: where it is, how it is split, cached evidence.

- **Sentence roles**: ``corpora/labelled/sentence_roles.jsonl`` in the repository (text, label, source
  slug, split). The split is by paper: every sentence of a paper is in ``train`` or in ``test``.
- **Human disclosure labels**: ``../shared/icobase/labels.csv``; values are ``1`` (disclosed), ``0``
  (not disclosed) and empty (row not annotated: only 51 of 210 rows carry labels). A fixed quarter
  of the annotated papers (by a hash of the slug, :func:`is_held_out`) is never used for training or
  tuning: it is the held-apart check.
- **Gold presence**: ``../shared/corpus/gold/whitepapers/*.json``. Presence implied by the careful
  labels: ``allocation`` non-empty -> token_distribution; ``use_of_funds`` non-empty -> use_of_funds;
  ``claims.team_vesting`` true -> vesting (null -> absent; false, "explicitly not vesting", is left out);
  ``claims.governance_rights`` true -> governance (null -> absent; false, "the paper denies such
  rights", is left out: the paper does talk about governance). Lockup and risk have no gold. Papers
  without a text layer are left out (nothing to read).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SENTENCE_ROLES = REPO / "corpora" / "labelled" / "sentence_roles.jsonl"
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))

#: labels.csv column -> aspect key
HUMAN_COLUMNS = {
    "Token distributions": "token_distribution",
    "Use_of_funds": "use_of_funds",
    "Lockup": "lockup",
    "Vesting": "vesting",
    "Risk": "risk",
    "Governance": "governance",
}


def load_sentence_roles(path: str | os.PathLike = SENTENCE_ROLES) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def is_held_out(slug: str) -> bool:
    """The fixed held-apart quarter of the human-labelled papers (never trained or tuned on)."""
    return int(hashlib.sha1(f"heldout:{slug}".encode()).hexdigest(), 16) % 4 == 0


def human_labels(shared: Path = SHARED) -> list[dict]:
    """Annotated rows of ``icobase/labels.csv``: ``{"slug", "path", "labels": {aspect: 0/1}}``."""
    out, seen = [], set()
    with open(shared / "icobase" / "labels.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            values = {aspect: (row.get(col) or "").strip() for col, aspect in HUMAN_COLUMNS.items()}
            if any(v == "" for v in values.values()) or row["slug"] in seen:
                continue  # not annotated (or a duplicate row)
            seen.add(row["slug"])
            out.append(
                {
                    "slug": row["slug"],
                    "path": str(shared / "icobase" / "texts" / f"{row['slug']}.txt"),
                    "labels": {a: int(v) for a, v in values.items()},
                }
            )
    return out


def gold_presence(shared: Path = SHARED) -> list[dict]:
    """Presence implied by ``corpus/gold`` (see the module notes): ``{"slug", "path", "specified", "labels"}``."""
    out = []
    for path in sorted((shared / "corpus" / "gold" / "whitepapers").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not gold.get("text_layer", True):
            continue
        claims = gold.get("claims") or {}
        labels = {
            "token_distribution": int(bool(gold.get("allocation"))),
            "use_of_funds": int(bool(gold.get("use_of_funds"))),
        }
        for claim, aspect in (("team_vesting", "vesting"), ("governance_rights", "governance")):
            value = claims.get(claim)
            if value is not False:
                labels[aspect] = int(value is True)
        out.append(
            {
                "slug": gold["slug"],
                "path": str(shared / "corpus" / "whitepapers" / f"{gold['slug']}.pdf"),
                # the gold notion: are the concrete terms stated? (the detector's "specified" heads)
                "specified": labels,
                # what it implies for "is the aspect discussed?": positives only (no table is no proof of silence)
                "labels": {aspect: 1 for aspect, value in labels.items() if value},
            }
        )
    return out


def disclosure_rows(shared: Path = SHARED) -> tuple[list[dict], list[dict]]:
    """``(development, held_apart)`` rows of the disclosure detector, each row tagged with its ``source``.

    Development: the human-labelled papers outside the held-apart quarter (``source`` "human"), then
    every gold paper (``source`` "gold"). Held apart: the other human-labelled papers. What is trained
    and what is evaluated are drawn from these two lists only.
    """
    human = [dict(r, source="human") for r in human_labels(shared)]
    gold = [dict(r, source="gold") for r in gold_presence(shared)]
    development = [r for r in human if not is_held_out(r["slug"])] + gold
    return development, [r for r in human if is_held_out(r["slug"])]


# --- evidence cache -----------------------------------------------------------------------------------


def cache_dir() -> Path:
    return Path(os.environ.get("ICO_LENS_CACHE", Path.home() / ".cache" / "ico_lens")) / "language"


def document_evidence(paths, detector, *, use_cache: bool = True, progress=None) -> dict:
    """path -> :class:`~ico_lens.language.disclosure.DocumentEvidence` (ingested, split, embedded).

    Evidence depends on the file's bytes, the aspect rules and the embedding model, so it is cached
    under that key (``~/.cache/ico_lens/language``, or ``$ICO_LENS_CACHE``): the second evaluation run
    takes seconds instead of minutes. The fact features (``detector.use_facts``) are cached apart, keyed
    by the file and the source code of ingestion and the tokenomics stage (a change there recomputes them).
    """
    from ico_lens.language.disclosure import ASPECTS, DocumentEvidence
    from ico_lens.paper.ingest import open_document

    rules_key = hashlib.sha1(
        json.dumps(
            {a: [r.broad.pattern, r.strong.pattern, r.quantitative.pattern, r.title.pattern, r.prototypes, r.related] for a, r in ASPECTS.items()}
            | {"model": detector.embedder.model_name, "max_candidates": detector.max_candidates},
            sort_keys=True,
        ).encode()
    ).hexdigest()[:12]
    facts_key = _facts_key() if getattr(detector, "use_facts", False) else None
    out = {}
    for i, path in enumerate(paths):
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:24]
        cached = cache_dir() / f"evidence-{rules_key}-{digest}.json"
        cached_facts = cache_dir() / f"facts-{facts_key}-{digest}.json"
        document = None
        if use_cache and cached.is_file():
            evidence = DocumentEvidence(**json.loads(cached.read_text()))
        else:
            document = open_document(path)
            evidence = detector.text_evidence(document)
            if use_cache:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(asdict(evidence)))
        if facts_key:
            if use_cache and cached_facts.is_file():
                evidence.facts = json.loads(cached_facts.read_text())
            else:
                evidence.facts = detector.evidence(document or open_document(path)).facts
                if use_cache:
                    cached_facts.parent.mkdir(parents=True, exist_ok=True)
                    cached_facts.write_text(json.dumps(evidence.facts))
        out[path] = evidence
        if progress:
            progress(i + 1, len(paths), path)
    return out


def _facts_key() -> str:
    """Cache key of the fact features: the code that produces them (ingestion, tokenomics, features)."""
    import inspect

    from ico_lens.language import disclosure
    from ico_lens.paper import ingest

    paper = Path(ingest.__file__).parent
    sources = [paper / "ingest.py", *sorted((paper / "tokenomics").glob("*.py"))]
    h = hashlib.sha1(inspect.getsource(disclosure.fact_features).encode())
    h.update(repr(disclosure.FACT_FEATURES).encode())
    for source in sources:
        h.update(source.read_bytes())
    return h.hexdigest()[:12]

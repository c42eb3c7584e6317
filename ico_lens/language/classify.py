"""Sentence roles in white papers: risk disclosure, legal disclaimer, promise, hype, technical, other.

:class:`SentenceRoleClassifier` embeds each sentence with MiniLM (:mod:`ico_lens.language.embed`),
appends a dozen lexical cue rates (modal verbs, risk words, "not constitute", money words, ...; they
help the small head where embeddings blur, e.g. a risk warning vs. a product's "security"), and puts a
multinomial logistic regression on top. scikit-learn semantics: ``fit(texts, labels)``,
``predict(texts)``, ``predict_proba(texts)``.

The shipped model (``models/sentence_roles.json``, card ``models/sentence_roles.md``) is trained on
``corpora/labelled/sentence_roles.jsonl``: 636 sentences from 84 real white papers (ICOBase texts),
labelled by hand; the test split holds out whole papers. Labels:

``risk_disclosure``
    states a risk or uncertainty for the project or the buyer (regulation, hacks, volatility,
    "you may lose all amounts paid").
``legal_disclaimer``
    legal boilerplate about the document or token: not an offer or a security, no advice, no
    liability, restricted jurisdictions, the forward-looking-statements caveat.
``forward_looking``
    plans and promises of what the project will do (roadmap, launches, expected users).
``return_promise``
    hype: profit, returns, bonuses, dividends, price or value growth, "revolutionary" success claims.
``technical``
    how the system works (protocol, smart contracts, algorithms, architecture, token mechanics).
``other``
    everything else: market, team, company, token-sale facts.

>>> from ico_lens.language.classify import SentenceRoleClassifier
>>> clf = SentenceRoleClassifier.load()  # doctest: +SKIP
>>> clf.predict(["You may lose all amounts paid for the tokens."])  # doctest: +SKIP
['risk_disclosure']
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Sequence

from ico_lens.language.embed import SentenceEmbedder
from ico_lens.language.heads import MODELS_DIR, LinearHead, ModelFileError, read_model, require_fitted, write_model
from ico_lens.language.records import SENTENCE_LABELS

KIND = "sentence_roles"
DEFAULT_PATH = MODELS_DIR / "sentence_roles.json"

#: lexical cues appended to the embedding (count per sentence, capped at 3, scaled to 0..1)
CUES: dict[str, str] = {
    "risk": r"\brisk|\bloss\b|\blose\b|uncertain|volatil|adverse|hack|vulnerab|fail|no guarantee|cannot guarantee|cease|speculative",
    "modal": r"\b(may|might|could)\b",
    "legal": r"disclaim|not (constitute|be construed|intended)|securit(y|ies)\b|jurisdiction|warrant|represent|liab|advice|solicitation|prospectus|offer (of|to)|legal",
    "reader": r"\b(you|purchaser|purchasers|holder|holders|buyer|buyers)\b",
    "future": r"\b(will|shall|plan|plans|intend|aim|expect|going to|roadmap|Q[1-4]|20(18|19|20))\b",
    "we": r"\b(we|our|us)\b",
    "money": r"profit|return|bonus|dividend|earn|gain|value (growth|increase)|appreciat|income|interest|revenue share|\b\d+x\b|price",
    "hype": r"revolution|huge|unprecedented|massive|incredible|unique|next.generation|disrupt|limitless|best|leading|first",
    "tech": r"blockchain|protocol|smart contract|algorithm|node|consensus|\bAPI\b|encrypt|hash|ledger|network|data|server|SDK|ERC|transaction|key",
    "figures": r"\d+(\.\d+)?\s?%|\$\s?\d",
    "negation": r"\b(not|no|none|never)\b",
}
_CUE_PATTERNS = [re.compile(p, re.IGNORECASE) for p in CUES.values()]


def cue_features(text: str) -> list[float]:
    """The lexical cue vector of one sentence (see :data:`CUES`), plus its length (words / 60, capped)."""
    values = [min(len(p.findall(text)), 3) / 3 for p in _CUE_PATTERNS]
    values.append(min(len(text.split()), 60) / 60)
    return values


class SentenceRoleClassifier:
    """Classify white-paper sentences into :data:`~ico_lens.language.records.SENTENCE_LABELS`.

    Parameters
    ----------
    model:
        Sentence-embedding model: ``None`` for the bundled all-MiniLM-L6-v2, or a Hugging Face id / local
        directory of another sentence-transformers model (the head must then be re-trained).
    C:
        Inverse L2 regularisation of the logistic regression (chosen by grouped cross-validation on the
        training papers: 2.0).
    cue_weight:
        Multiplier of the lexical cue features relative to the unit-length embedding (0 turns them off).
    class_weight:
        ``"balanced"`` (default) re-weights the rare roles (risk, hype) against ``other``; ``None``
        weighs every sentence alike.
    batch_size:
        Sentences per embedding batch.
    max_iter:
        Iterations of the LBFGS solver.
    """

    def __init__(
        self,
        model: str | os.PathLike | None = None,
        *,
        C: float = 2.0,
        cue_weight: float = 0.5,
        class_weight: str | None = "balanced",
        batch_size: int = 64,
        max_iter: int = 3000,
    ):
        self.model = model
        self.C = C
        self.cue_weight = cue_weight
        self.class_weight = class_weight
        self.batch_size = batch_size
        self.max_iter = max_iter
        self.embedder = SentenceEmbedder(model, batch_size=batch_size)
        self.head: LinearHead | None = None
        self.metadata: dict = {}
        self._fitted = False

    # -- features -------------------------------------------------------------------------------
    def features(self, texts: Sequence[str], embeddings=None):
        """Feature matrix: embedding (or the given ``embeddings``) then weighted cue features."""
        import numpy as np

        texts = [str(t) for t in texts]
        if embeddings is None:
            embeddings = self.embedder.encode(texts)
        cues = np.asarray([cue_features(t) for t in texts], dtype=np.float32).reshape(len(texts), -1)
        return np.hstack([np.asarray(embeddings, dtype=np.float32), cues * self.cue_weight])

    # -- scikit-learn style ---------------------------------------------------------------------
    def fit(self, texts: Sequence[str], labels: Sequence[str], *, embeddings=None) -> "SentenceRoleClassifier":
        """Train the head on labelled sentences; ``embeddings`` may be passed to skip re-encoding."""
        from sklearn.linear_model import LogisticRegression

        unknown = sorted(set(labels) - set(SENTENCE_LABELS))
        if unknown:
            raise ValueError(f"unknown sentence labels {unknown}; expected {SENTENCE_LABELS}")
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        X = self.features(texts, embeddings)
        head = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)
        head.fit(X, list(labels))
        self.head = LinearHead.from_sklearn(head)
        self._fitted = True
        return self

    def predict_proba(self, texts: Sequence[str], *, embeddings=None) -> list[dict[str, float]]:
        """One ``{label: probability}`` dictionary per text (all six labels, summing to 1)."""
        require_fitted(self, "SentenceRoleClassifier")
        texts = list(texts)
        if not texts:
            return []
        proba = self.head.predict_proba(self.features(texts, embeddings))
        return [{label: float(p) for label, p in zip(self.head.classes, row)} for row in proba]

    def predict(self, texts: Sequence[str], *, embeddings=None) -> list[str]:
        """The most probable role of each text."""
        return [max(p, key=p.get) for p in self.predict_proba(texts, embeddings=embeddings)]

    # -- persistence ----------------------------------------------------------------------------
    def save(self, path: str | os.PathLike = DEFAULT_PATH) -> Path:
        """Write the head and its parameters as JSON (no pickle); returns the path."""
        require_fitted(self, "SentenceRoleClassifier")
        return write_model(
            path,
            {
                "kind": KIND,
                "format_version": 1,
                "embedding_model": self.embedder.model_name,
                "params": {"C": self.C, "cue_weight": self.cue_weight, "class_weight": self.class_weight},
                "cues": CUES,
                "head": self.head.to_dict(),
                "metadata": self.metadata,
            },
        )

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, *, model: str | os.PathLike | None = None) -> "SentenceRoleClassifier":
        """Load a saved classifier; ``path=None`` loads the shipped ``models/sentence_roles.json``.

        ``model`` overrides the embedding model named in the file (e.g. a local copy of the same
        weights); the head only makes sense with the embeddings it was trained on.
        """
        data = read_model(path or DEFAULT_PATH, kind=KIND)
        params = data.get("params", {})
        embedding_model = model if model is not None else data.get("embedding_model")
        clf = cls(
            embedding_model,
            C=params.get("C", 2.0),
            cue_weight=params.get("cue_weight", 0.5),
            class_weight=params.get("class_weight", "balanced"),
        )
        if data.get("cues") and data["cues"] != CUES:
            raise ModelFileError("model was trained with other cue patterns; retrain it", path=str(path or DEFAULT_PATH))
        clf.head = LinearHead.from_dict(data["head"])
        clf.metadata = data.get("metadata", {})
        clf._fitted = True
        return clf

    def __repr__(self) -> str:
        return f"SentenceRoleClassifier(model={self.embedder.model_name!r}, C={self.C}, cue_weight={self.cue_weight})"

"""A learned fallback for the boolean claims: a window classifier for where the rules abstain.

The claim rules of :mod:`ico_lens.paper.tokenomics.claims` are precise but abstain when a paper words a
claim differently from the wordings they were written on. For a claim the rules left unset,
:class:`ClaimSentenceClassifier` scores every *window* of the paper record - a sentence of
``claim_units`` (the ligature-repaired sentences the rules read; the PDF is never re-opened) with its
previous and next sentence on the same page, so that "Team tokens make up 15%. These tokens are subject
to a four-year vesting." is one unit - and fills the claim when the paper's best window scores at
least a head's threshold. The window's central sentence is the page evidence; the confidence is the
head's calibrated probability that the *paper* states the claim (a one-feature logistic calibration
of the best window's score, fitted out of fold).

One model per claim with one class per value and a "neither" class: supply_fixed stated true / stated
false / neither, governance_rights grants / denies / neither, ... - a denial ("no voting or governance
rights") is its own class, not a grant with a few more words. Features (:func:`window_features`):
TF-IDF of the centre's word 1-2-grams and within-word character 3-5-grams, the neighbours' words, the
words in a negator's scope, which claim rules' own ``PATTERNS`` fire in the window and in the centre,
and a hedge flag; computed here in plain Python, so training and prediction cannot disagree. Stored as
plain JSON (``models/claim_sentences.json``: vocabulary, idf, sparse weights relative to "neither",
calibration, thresholds; no pickle); prediction needs numpy and scipy only, never scikit-learn or torch.

Training (:mod:`ico_lens.paper.tokenomics.claim_training`) reads only the ``tune`` papers of
``../shared/splits.csv``; thresholds come from leave-papers-out cross-validation on them (precision
first). Reproduce with ``python -m ico_lens.cli.train_claims`` (see ``models/claim_sentences.md``).

Library use::

    from ico_lens.paper.tokenomics.claim_classifier import ClaimSentenceClassifier
    clf = ClaimSentenceClassifier.load()              # the shipped models/claim_sentences.json
    clf.predict(document)["governance_rights"]        # Prediction(value=True, confidence=0.83, ...)
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from ico_lens.records import Evidence

#: where the shipped model lives (``$ICO_LENS_MODELS`` or ``models/`` at the repository root)
MODELS_DIR = Path(os.environ.get("ICO_LENS_MODELS", Path(__file__).resolve().parents[3] / "models"))
DEFAULT_PATH = MODELS_DIR / "claim_sentences.json"
MODEL_KIND = "claim_sentences"
FORMAT_VERSION = 2

#: the heads that may be trained: claim -> values a sentence can state (a head needs enough papers)
CANDIDATE_HEADS: dict[str, tuple[Any, ...]] = {
    "supply_fixed": (True, False),
    "unsold_tokens": ("burned", "kept"),
    "burn_mechanism": (True,),
    "team_vesting": (True,),
    "transfers_locked_until_sale_end": (True,),
    "governance_rights": (True, False),
    "oracle": (True,),
}

#: a sentence can state a claim only if it has one of the claim's cue words (a sentence about the team's
#: share with no word of locking is no vesting claim): the heads are trained and applied on those only
CUES: dict[str, re.Pattern] = {
    "supply_fixed": re.compile(r"\b(?:fix(?:ed)?|(?:un)?cap(?:ped)?|generat\w*|max(?:imum|imal)?|limit(?:ed)?|finite|hard\s?cap|never|no\s+(?:more|new|further|additional)"
                               r"|not?\s+(?:be\s+)?(?:mint|creat|issu|generat)\w*|inflat\w*|mint\w*|emission|new\s+tokens|ever|only|total\s+supply|additional)\b", re.I),
    "unsold_tokens": re.compile(r"\b(?:unsold|not\s+(?:been\s+)?sold|remaining|unpurchased|unallocated|unclaimed|left\s?over|leftover|not\s+distributed|hard\s?cap\s+is\s+not)\b", re.I),
    "burn_mechanism": re.compile(r"\b(?:burn\w*|destroy\w*|destruct\w*|buy-?back\w*|repurchas\w*|remov\w+\s+from\s+circulation|deflation\w*)\b", re.I),
    "team_vesting": re.compile(r"\b(?:vest\w*|lock\w*|cliff|unlock\w*|releas\w*|block(?:ed)?|restrict\w*|time-?lock\w*|freez\w*|frozen|escrow\w*|non-?transferr?able)\b", re.I),
    "transfers_locked_until_sale_end": re.compile(r"\b(?:transfer\w*|trad(?:e|ed|ing|able|eable)|lock\w*|frozen|freez\w*|movable|non-?transferr?able)\b", re.I),
    "governance_rights": re.compile(r"\b(?:vot\w*|governance|governing|govern|propos\w*|decision\w*|dao|referend\w*|rights?)\b", re.I),
    "oracle": re.compile(r"\b(?:oracl\w*|oraclize|off-?chain|data\s+feeds?|feeds?|ground\s+truth|apis?|external\s+data|real-?world\s+data|price\s+feeds?|chainlink)\b", re.I),
}


#: a reading of (claim, value) needs one of these words in its centre, beyond the claim's cue: a sentence
#: that only states the supply ("The total supply is 800,000,000 tokens, created at the token generation
#: event", "an initial supply of 1,000,000,000 will be created") says nothing of it being fixed, though
#: the words of supply and creation are what the fixed-supply sentences of the tune papers share
VALUE_CUES: dict[tuple[str, Any], re.Pattern] = {
    ("supply_fixed", True): re.compile(
        r"\b(?:fixed|capped|hard[- ]?capped|max(?:imum|imal)?|limited|finite|never|no\s+(?:more|new|further|additional)|"
        r"(?:not|never|cannot)\s+(?:be\s+)?(?:\w+\s+)?(?:mint|creat|issu|generat|increas|inflat)\w*|non-?inflation\w*|"
        r"deflationary|(?:will|shall)\s+not\s+(?:be\s+)?(?:increase|change)\w*|only\s+once|one-?time)\b", re.I),
}


def names_subject(claim: str, window: "Window") -> bool:
    """Whether ``window`` may be about the holders ``claim`` concerns. A claim about one group of holders
    (team vesting) is not read where another group is the subject: the centre names another group and not
    the team, or the centre names no group and the sentence before names another one ("Early investors
    receive 10%. These tokens are locked for 6 months." is a lock, but not the team's; the bag of words
    alone scores it as team vesting, having seen few investor locks to learn from). The rules' own
    windows stop at such a sentence for the same reason."""
    if claim != "team_vesting":
        return True
    from ico_lens.paper.tokenomics.claims.team_vesting import OTHER_HOLDERS, TEAM

    centre = window.center.text
    subject = centre if (TEAM.search(centre) or OTHER_HOLDERS.search(centre)) else window.before
    return bool(TEAM.search(subject)) or not OTHER_HOLDERS.search(subject)


_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: sentences shorter than this (in words) are headings or table cells, not statements
MIN_WORDS = 5
MAX_CHARS = 600


def normalise(text: str) -> str:
    """Lower case, digits as ``0``, whitespace collapsed: what the features and quote matching read."""
    return _SPACES.sub(" ", _NUMBER.sub("0", text.lower())).strip()


def raw_features(text: str) -> Counter:
    """Counts of word 1-2-grams (``w:``) and within-word character 3-5-grams (``c:``) of ``text``."""
    text = normalise(text)
    words = _WORD.findall(text)
    counts: Counter = Counter()
    for i, word in enumerate(words):
        counts["w:" + word] += 1
        if i:
            counts["w:" + words[i - 1] + " " + word] += 1
    for word in set(words):
        counts.update(_char_grams(word))
    return counts


@lru_cache(maxsize=65536)
def _char_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple("c:" + padded[j:j + n] for n in (3, 4, 5) for j in range(len(padded) - n + 1))


def candidate_sentences(document) -> list:
    """The sentences of the paper record the heads score (``claim_units``; short pieces left out)."""
    from ico_lens.paper.tokenomics.claims.base import claim_units

    return statement_units(list(claim_units(document)))


def statement_units(units: Sequence) -> list:
    """The units long enough to state something and short enough to be one statement."""
    return [u for u in units if len(u.text) <= MAX_CHARS and len(u.text.split()) >= MIN_WORDS]


# ------------------------------------------------------------------------------------------------
# windows: a sentence with its neighbours, so that a subject named in one sentence and its predicate in
# the next ("Team tokens make up 15%. These tokens are subject to a four-year vesting.") are one unit

#: neighbours taken on each side of the central sentence (same page, same kind of unit)
WINDOW = 1


@dataclass
class Window:
    """A central sentence with its neighbours; the centre is the page evidence, the whole is read."""

    center: Any  # the TextUnit (page, text, kind)
    before: str = ""
    after: str = ""

    @property
    def page(self) -> int:
        return self.center.page

    @property
    def text(self) -> str:
        return " ".join(t for t in (self.before, self.center.text, self.after) if t)


def windows_of(units: Sequence, width: int | None = None) -> list[Window]:
    """One window per statement unit of ``units`` (:func:`statement_units`): its ``width`` neighbours
    before and after among the statement units of the same page and kind (a line's neighbours are lines,
    a sentence's sentences; the paper's page breaks end a window)."""
    width = WINDOW if width is None else width
    kept = statement_units(units)
    out = []
    for i, unit in enumerate(kept):
        def near(j):
            return 0 <= j < len(kept) and kept[j].page == unit.page and kept[j].kind == unit.kind
        before = [kept[j].text for j in range(i - width, i) if near(j)]
        after = [kept[j].text for j in range(i + 1, i + 1 + width) if near(j)]
        out.append(Window(unit, " ".join(before), " ".join(after)))
    return out


def candidate_windows(document) -> list[Window]:
    """The windows of the paper record the heads score."""
    from ico_lens.paper.tokenomics.claims.base import claim_units

    return windows_of(list(claim_units(document)))


#: words that deny what follows ("no voting or governance rights", "will not be minted", "cannot vote")
_NEGATOR = re.compile(r"^(?:no|not|never|without|neither|nor|cannot|none|nothing|non|n't)$")
_TOKEN = re.compile(r"n't|\w+|[.,;:!?()]")
#: a denial reaches this many words or to the next punctuation mark, whichever comes first
NEGATION_SCOPE = 6


def negated_words(text: str) -> Counter:
    """``n:`` features: the words in the scope of a negator, so "no governance rights" is not
    "governance rights" (a bag of words alone sees the same words in a grant and a denial)."""
    counts: Counter = Counter()
    scope = 0
    for token in _TOKEN.findall(normalise(text).replace("cannot", "can not")):
        if _NEGATOR.match(token):
            scope = NEGATION_SCOPE
        elif not token.isalnum() and token != "n't":
            scope = 0
        elif scope:
            counts["n:" + token] += 1
            scope -= 1
    return counts


@lru_cache(maxsize=1)
def rule_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """``(claim.role, pattern)`` of every registered claim rule's ``PATTERNS`` for a claim with heads:
    the rules' own regular expressions (through their public ``PATTERNS``), used as features."""
    from ico_lens.paper.tokenomics.claims import registered

    out = []
    for rule in registered():
        if rule.NAME in CANDIDATE_HEADS:
            out += [(f"{rule.NAME}.{role}", p) for role, p in sorted(rule.PATTERNS.items()) if isinstance(p, re.Pattern)]
    return tuple(out)


def pattern_features(text: str, prefix: str) -> Counter:
    """``prefix + claim.role`` for every rule pattern that matches ``text`` (``p:`` the window, ``q:``
    the centre)."""
    return Counter({prefix + name: 1 for name, pattern in rule_patterns() if pattern.search(text)})


def features_of(item) -> Counter:
    """Features of a window, of a bare sentence (a window without neighbours) or already computed ones."""
    if isinstance(item, Counter):
        return item
    if isinstance(item, Window):
        return window_features(item)
    from ico_lens.paper.tokenomics.evidence import TextUnit

    return window_features(Window(TextUnit(0, item, "sentence")))


def window_features(window: Window) -> Counter:
    """What a head reads of a window: the centre's n-grams (:func:`raw_features`), the neighbours' words
    (``x:``), the denied words of the whole window (``n:``), which rule patterns fire in the window
    (``p:``) and in the centre (``q:``), and whether the centre is hedged (``h:``)."""
    from ico_lens.paper.tokenomics.claims.base import HEDGE

    counts = raw_features(window.center.text)
    context = " ".join(t for t in (window.before, window.after) if t)
    for word in _WORD.findall(normalise(context)):
        counts["x:" + word] += 1
    counts.update(negated_words(window.text))
    counts.update(pattern_features(window.text, "p:"))
    counts.update(pattern_features(window.center.text, "q:"))
    if HEDGE.search(window.center.text):
        counts["h:hedged"] += 1
    return counts


@dataclass
class Prediction:
    """A claim the classifier reads in a paper: its value, the best sentence, a calibrated confidence."""

    name: str
    value: Any
    confidence: float
    #: the best sentence's head score (uncalibrated probability)
    score: float
    evidence: Evidence | None = None
    #: whether the confidence reaches the head's threshold (the fallback fills only these)
    stated: bool = False


@dataclass
class Head:
    """One (claim, value): sparse weights over the vocabulary, calibration and threshold."""

    claim: str
    value: Any
    weights: dict[int, float]
    intercept: float
    #: confidence = sigmoid(a * logit(best sentence score) + b), fitted out of fold
    calibration: tuple[float, float] = (1.0, 0.0)
    threshold: float = 1.01
    metrics: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.claim}={json.dumps(self.value)}"

    def confidence(self, score: float) -> float:
        a, b = self.calibration
        score = min(max(score, 1e-6), 1 - 1e-6)
        return _sigmoid(a * math.log(score / (1 - score)) + b)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -500 else 0.0


class ClaimSentenceClassifier:
    """TF-IDF (word 1-2-grams + char 3-5-grams) + one logistic regression per (claim, value).

    Parameters: ``C`` (inverse L2 strength of the heads), ``min_df`` (papers a feature must occur in to
    enter the vocabulary), ``negative_weight`` (weight of a negative sentence relative to a positive
    one before class balancing), ``min_precision`` (the out-of-fold precision a threshold must reach).
    """

    def __init__(self, C: float = 4.0, min_df: int = 3, min_precision: float = 0.8):
        self.C = C
        self.min_df = min_df
        self.min_precision = min_precision
        self.vocabulary: dict[str, int] = {}
        self.idf: list[float] = []
        self.heads: list[Head] = []
        self.metadata: dict = {}
        self._matrix = None  # (coef matrix, intercepts) built on first use

    # -- features -------------------------------------------------------------------------------
    def fit_vocabulary(self, paper_texts: Sequence[Sequence[str]]) -> "ClaimSentenceClassifier":
        """Vocabulary and idf from the sentences of each paper (document frequency counted by sentence)."""
        paper_df: Counter = Counter()
        sentence_df: Counter = Counter()
        n_sentences = 0
        for texts in paper_texts:
            seen: set = set()
            for text in texts:
                feats = set(features_of(text))
                sentence_df.update(feats)
                seen |= feats
                n_sentences += 1
            paper_df.update(seen)
        kept = sorted(f for f, n in paper_df.items() if n >= self.min_df)
        self.vocabulary = {f: i for i, f in enumerate(kept)}
        self.idf = [round(math.log((1 + n_sentences) / (1 + sentence_df[f])) + 1.0, 5) for f in kept]
        return self

    def transform(self, texts: Sequence[str]):
        """A CSR matrix of l2-normalised sublinear TF-IDF rows."""
        import numpy as np
        from scipy.sparse import csr_matrix

        indptr, indices, data = [0], [], []
        for text in texts:
            row = {}
            counts = features_of(text)
            for feat, count in counts.items():
                j = self.vocabulary.get(feat)
                if j is not None:
                    row[j] = (1.0 + math.log(count)) * self.idf[j]
            norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
            for j, v in row.items():
                indices.append(j)
                data.append(v / norm)
            indptr.append(len(indices))
        return csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
                          shape=(len(texts), len(self.vocabulary)))

    # -- heads ------------------------------------------------------------------------------------
    def _coef(self):
        if self._matrix is None:
            import numpy as np

            W = np.zeros((len(self.vocabulary), len(self.heads)))
            for k, head in enumerate(self.heads):
                for j, w in head.weights.items():
                    W[j, k] = w
            self._matrix = (W, np.asarray([h.intercept for h in self.heads]))
        return self._matrix

    def sentence_scores(self, texts: Sequence[str]):
        """Array ``(len(texts), len(heads))`` of head probabilities."""
        import numpy as np

        if not texts or not self.heads:
            return np.zeros((len(texts), len(self.heads)))
        return self.scores_of(self.transform(texts))

    def scores_of(self, X):
        """Head probabilities of already featurised rows (:meth:`transform`). The heads of one claim
        are the classes of one multinomial model against an implicit "neither" class (logit 0): a window
        denying a claim scores high on the denial head and so low on the grant head."""
        import numpy as np

        W, b = self._coef()
        logits = np.asarray(X @ W + b)
        probs = np.zeros_like(logits)
        for columns in self._groups().values():
            z = logits[:, columns]
            top = np.maximum(z.max(axis=1, keepdims=True), 0.0)  # the "neither" class has logit 0
            e = np.exp(z - top)
            probs[:, columns] = e / (np.exp(-top) + e.sum(axis=1, keepdims=True))
        return probs

    def _groups(self) -> dict[str, list[int]]:
        groups: dict[str, list[int]] = {}
        for k, head in enumerate(self.heads):
            groups.setdefault(head.claim, []).append(k)
        return groups

    def predict(self, document, claims: Iterable[str] | None = None) -> dict[str, Prediction]:
        """The best (claim, value) reading of ``document`` per claim: highest-confidence head wins.

        ``claims`` limits the claims read (default: every claim with a head). Every claim with a head is
        in the answer; ``Prediction.stated`` says whether its confidence reaches the threshold.
        """
        wanted = set(claims) if claims is not None else {h.claim for h in self.heads}
        windows = candidate_windows(document)
        heads = [(k, h) for k, h in enumerate(self.heads) if h.claim in wanted]
        # a window can state a claim only when its centre has one of the claim's cue words (the centre
        # is the evidence quoted)
        cued = {claim: [(bool(CUES[claim].search(w.center.text)) if claim in CUES else True) and names_subject(claim, w)
                        for w in windows]
                for claim in wanted}
        keep = [i for i in range(len(windows)) if any(c[i] for c in cued.values())]
        if not keep or not heads:
            return {}
        import numpy as np

        scores = np.zeros((len(windows), len(self.heads)))
        scores[keep] = self.scores_of(self.transform([window_features(windows[i]) for i in keep]))
        out: dict[str, Prediction] = {}
        for k, head in heads:
            scores[:, k] *= np.asarray(cued[head.claim], dtype=float)
            if (head.claim, head.value) in VALUE_CUES:
                scores[:, k] *= np.asarray([bool(VALUE_CUES[head.claim, head.value].search(w.center.text)) for w in windows],
                                           dtype=float)
            i = int(scores[:, k].argmax())
            score = float(scores[i, k])
            confidence = head.confidence(score)
            prediction = Prediction(head.claim, head.value, round(confidence, 3), round(score, 4),
                                    _evidence(windows[i].center), stated=confidence >= head.threshold)
            best = out.get(head.claim)
            # a stated reading beats an unstated one; then the higher confidence
            if best is None or (prediction.stated, prediction.confidence) > (best.stated, best.confidence):
                out[head.claim] = prediction
        return out

    def stated(self, document, claims: Iterable[str] | None = None) -> dict[str, Prediction]:
        """Only the readings whose confidence reaches their head's threshold."""
        return {name: p for name, p in self.predict(document, claims).items() if p.stated}

    def prune(self) -> "ClaimSentenceClassifier":
        """Drop the claims whose heads are all disabled (threshold > 1: their figures go to
        ``metadata["disabled_heads"]``). A disabled head of a claim with an enabled one stays (never
        stated): the claim's softmax needs its logits. The vocabulary stays whole: every feature counts
        in a window's l2 norm, so dropping the unweighted ones would change the scores."""
        enabled = {h.claim for h in self.heads if h.threshold <= 1}
        disabled = [h for h in self.heads if h.threshold > 1]
        self.metadata.setdefault("disabled_heads", {}).update({h.key: h.metrics for h in disabled})
        self.heads = [h for h in self.heads if h.claim in enabled]
        self._matrix = None
        return self

    # -- persistence ------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "kind": MODEL_KIND,
            "format_version": FORMAT_VERSION,
            "params": {"C": self.C, "min_df": self.min_df, "min_precision": self.min_precision,
                       "min_words": MIN_WORDS, "max_chars": MAX_CHARS, "window": WINDOW},
            "features": ("windows (a sentence and its neighbours on the page): the centre's word 1-2-grams + within-word"
                         " char 3-5-grams, neighbours' words (x:), denied words (n:), rule patterns firing in the"
                         " window (p:) and centre (q:), hedge (h:); sublinear tf * idf, l2"),
            "vocabulary": sorted(self.vocabulary, key=self.vocabulary.get),
            "idf": self.idf,
            "heads": [
                {"claim": h.claim, "value": h.value, "intercept": h.intercept, "calibration": list(h.calibration),
                 "threshold": h.threshold, "metrics": h.metrics,
                 "weights": {str(j): w for j, w in sorted(h.weights.items())}}
                for h in self.heads
            ],
            "metadata": self.metadata,
        }

    def save(self, path: str | os.PathLike = DEFAULT_PATH) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), separators=(",", ":")), encoding="utf-8")
        return path

    @classmethod
    def from_dict(cls, data: dict) -> "ClaimSentenceClassifier":
        params = data.get("params", {})
        clf = cls(C=params.get("C", 4.0), min_df=params.get("min_df", 3), min_precision=params.get("min_precision", 0.8))
        clf.vocabulary = {f: i for i, f in enumerate(data["vocabulary"])}
        clf.idf = list(map(float, data["idf"]))
        clf.heads = [
            Head(h["claim"], h["value"], {int(j): float(w) for j, w in h["weights"].items()}, float(h["intercept"]),
                 tuple(h.get("calibration", (1.0, 0.0))), float(h.get("threshold", 1.01)), h.get("metrics", {}))
            for h in data["heads"]
        ]
        clf.metadata = data.get("metadata", {})
        return clf

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> "ClaimSentenceClassifier":
        """Load a saved classifier; ``None`` loads the shipped ``models/claim_sentences.json``."""
        from ico_lens.language.heads import ModelFileError

        path = Path(path) if path is not None else DEFAULT_PATH
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelFileError(f"{path}: cannot read the claim-sentence model ({exc.__class__.__name__})") from None
        if data.get("kind") != MODEL_KIND:
            raise ModelFileError(f"{path}: not a claim-sentence model (kind {data.get('kind')!r})")
        return cls.from_dict(data)

    def __repr__(self) -> str:
        return f"ClaimSentenceClassifier({len(self.heads)} heads, {len(self.vocabulary)} features)"


def _evidence(unit) -> Evidence:
    from ico_lens.paper.tokenomics.evidence import quote_around

    return Evidence.paper(unit.page, quote_around(unit.text, 0, len(unit.text)))


# ------------------------------------------------------------------------------------------------
# the fallback as detect_claims uses it

_SHIPPED: list = []


def shipped() -> ClaimSentenceClassifier | None:
    """The shipped classifier, loaded once; None when the model file is absent or unreadable, or when
    ``$ICO_LENS_CLAIM_FALLBACK`` is ``0`` (the rules alone)."""
    if os.environ.get("ICO_LENS_CLAIM_FALLBACK", "1") == "0":
        return None
    if not _SHIPPED:
        try:
            _SHIPPED.append(ClaimSentenceClassifier.load())
        except Exception:  # a missing or broken model must not cost the paper its rule claims
            _SHIPPED.append(None)
    return _SHIPPED[0]


def fill_unset_claims(document, decided: dict, classifier: ClaimSentenceClassifier | None = None) -> dict:
    """Fill the claims of ``decided`` (name -> ClaimResult or None) that the rules left unset and a
    head reads with confidence at least its threshold; returns ``decided``."""
    from ico_lens.paper.tokenomics.claims.base import ClaimResult

    classifier = classifier if classifier is not None else shipped()
    if classifier is None:
        return decided
    unset = [name for name in {h.claim for h in classifier.heads} if decided.get(name) is None]
    if not unset:
        return decided
    for name, p in classifier.stated(document, unset).items():
        decided[name] = ClaimResult(name, p.value, [p.evidence] if p.evidence else [],
                                    rule=type(classifier).__name__, confidence=p.confidence)
    return decided

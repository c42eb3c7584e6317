"""Document-level disclosure detectors for six aspects of a white paper, with evidence sentences.

Does the paper disclose its token distribution, the use of the funds raised, a lock-up, vesting, its
risks, its governance? These are the six aspects that the ICOBase annotators marked
(``icobase/labels.csv``: Token distributions, Use_of_funds, Lockup, Vesting, Risk, Governance).

How it works, per document:

1. **Sentence evidence.** Each aspect is a small rule (:class:`AspectRule`, one per aspect, registered
   in :data:`ASPECTS`) with a broad pattern (any mention), a strong pattern (a disclosing phrase), a
   quantitative pattern (percentages or periods next to the aspect's words), a section-title pattern
   and a few prototype sentences. Sentences matching any broad pattern are the candidates (at most
   ``max_candidates``); they are embedded with MiniLM and compared with the prototypes.
2. **Features.** Per aspect: counts of strong/broad/quantitative hits (log), the best and top-3 mean
   cosine similarity to the prototypes, whether a section title names the aspect, and the document
   length. An aspect's head also sees the features of its related aspects (vesting and lock-up are
   written about together; so are token distribution and use of funds).
   **Facts.** What the tokenomics stage extracted (:func:`ico_lens.paper.tokenomics.facts.extract_facts`):
   allocation found / from text / buckets / sums to 100, use of funds found / items, the team_vesting,
   team_vesting_months, transfers_locked_until_sale_end and governance_rights claims, vesting periods
   on allocation buckets, a risk section title (:data:`FACT_FEATURES`; each aspect sees its own, listed
   in its rule). ``predict(document, facts=None)`` extracts them unless the caller passes them.
3. **Heads.** Two questions, two sets of logistic regressions on the same standardised features
   (``class_weight`` balanced), because the two label sources ask different things:

   - ``present`` -- *does the paper discuss the aspect?* (the ICOBase annotators' notion: a
     qualitative mention counts). One head per aspect, trained on the human labels plus the gold
     positives (a paper with a gold allocation table does discuss its token distribution; a gold
     *absence* says nothing about mentions, so gold negatives are not used here).
   - ``specified`` -- *does the paper state the concrete terms?* (the gold labels' notion, see
     :data:`SPECIFIED`): a percentage breakdown of the tokens or of the funds (in the text, a table or
     a chart), a vesting term for the team's tokens, governance rights for token holders. One head for
     each of those four aspects, trained on presence derived from ``corpus/gold``.

   Trained as one head on both sources, each notion pulled the other down (human CV macro-F1 0.67,
   gold 0.88); apart they are measured by ``ico-lens eval language``.

``predict(document)`` returns ``{aspect: {"present", "confidence", "probability", "evidence",
"specified"}}`` where ``probability`` is P(discussed), ``confidence`` the probability of the reported
answer (``probability`` when present, ``1 - probability`` when absent), ``evidence`` the best sentence
(text, page, score) and ``specified`` ``{"present", "confidence", "probability"}`` for the aspects of
:data:`SPECIFIED` (``None`` for lockup and risk, or a model trained without gold).

>>> from ico_lens.paper.ingest import open_document
>>> from ico_lens.language.disclosure import DisclosureDetector
>>> DisclosureDetector.load().predict(open_document("paper.pdf"))["vesting"]  # doctest: +SKIP
{'present': True, 'confidence': 0.91, 'probability': 0.91, 'evidence': {'text': 'Team tokens vest ...', 'page': 21, 'score': 0.71}}
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ico_lens.language.embed import SentenceEmbedder
from ico_lens.language.heads import MODELS_DIR, LinearHead, ModelFileError, read_model, require_fitted, write_model
from ico_lens.language.records import DISCLOSURE_ASPECTS, Sentence

KIND = "disclosure"
DEFAULT_PATH = MODELS_DIR / "disclosure.json"


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class AspectRule:
    """Patterns and prototype sentences for one disclosure aspect (a plug-in: add one, register it)."""

    name: str
    description: str
    #: any mention of the aspect (selects candidate sentences)
    broad: re.Pattern
    #: a phrase that discloses the aspect
    strong: re.Pattern
    #: figures next to the aspect's words (percentages, periods)
    quantitative: re.Pattern
    #: a section title that names the aspect
    title: re.Pattern
    #: what a disclosing sentence looks like (embedded and compared with candidate sentences)
    prototypes: tuple[str, ...]
    #: aspects whose features this aspect's head also sees
    related: tuple[str, ...] = ()
    #: features from the tokenomics stage's PaperFacts that this aspect's head sees (:data:`FACT_FEATURES`)
    facts: tuple[str, ...] = ()

    def counts(self, sentences: Sequence[Sentence]) -> tuple[int, int, int, bool]:
        strong = broad = quantitative = 0
        titled = False
        for s in sentences:
            if self.broad.search(s.text):
                broad += 1
            if self.strong.search(s.text):
                strong += 1
            if self.quantitative.search(s.text):
                quantitative += 1
            if s.section and self.title.search(s.section):
                titled = True
        return strong, broad, quantitative, titled


_PCT = r"\d{1,3}(?:[.,]\d+)?\s?%"
_TOKEN_BUCKETS = r"team|founders?|advisors?|bount(?:y|ies)|reserve|(?:token|public|pre-?|crowd)\s?sale|crowdsale|partners?|community|ecosystem|foundation|airdrop|early (?:backers|investors)|treasury"
_FUND_USES = r"development|marketing|operations?|operational|legal|r\s?&\s?d|research|administrat|salar|infrastructure|business development|contingency|compliance|acquisition"
_TEAM = r"team|founders?|advisors?|management|staff|employees|executives?|core members"
_PERIOD = r"\d+\s?(?:-\s?)?(?:months?|years?|days?|weeks?)|one year|two years|three years|six months|twelve months"

ASPECTS: dict[str, AspectRule] = {
    rule.name: rule
    for rule in (
        AspectRule(
            name="token_distribution",
            description="who gets the tokens: allocation of the supply to sale, team, advisors, reserve ...",
            broad=_rx(r"allocat|distribut|tokenomics|token sale|crowdsale"),
            strong=_rx(
                r"token (?:distribution|allocation)|distribution of (?:the )?tokens|allocation of (?:the )?tokens"
                r"|tokens? (?:will be |are |is )?(?:allocated|distributed) (?:as follows|to)|supply (?:allocation|distribution)"
            ),
            quantitative=_rx(rf"{_PCT}.{{0,50}}\b(?:{_TOKEN_BUCKETS})|\b(?:{_TOKEN_BUCKETS})\b.{{0,40}}{_PCT}"),
            title=_rx(r"distribution|allocation|tokenomics|token (?:sale|economics|model)"),
            prototypes=(
                "The total token supply will be distributed as follows: 50% token sale, 20% team, 10% advisors, 20% reserve.",
                "Token allocation: 60% of tokens are sold to contributors in the crowdsale.",
                "Distribution of tokens among the team, advisors, bounty program and the public sale.",
            ),
            related=("use_of_funds",),
            facts=("allocation_found", "allocation_in_text", "allocation_pictured", "allocation_buckets", "allocation_sums_to_100"),
        ),
        AspectRule(
            name="use_of_funds",
            description="how the money raised will be spent: development, marketing, operations, legal ...",
            broad=_rx(r"use of (?:the )?(?:funds|proceeds)|proceeds|funds (?:raised|collected|will be)|budget|spent|spending|allocation of funds"),
            strong=_rx(
                r"use of (?:the )?(?:funds|proceeds)|(?:funds|proceeds|money|ether|eth)(?: raised| collected| received)?.{0,40}(?:will be|are to be|shall be) (?:used|spent|allocated|distributed)"
                r"|budget (?:allocation|breakdown|distribution)|allocation of (?:the )?(?:funds|proceeds)"
            ),
            quantitative=_rx(rf"{_PCT}.{{0,50}}\b(?:{_FUND_USES})|\b(?:{_FUND_USES}).{{0,40}}{_PCT}"),
            title=_rx(r"use of (?:funds|proceeds)|budget|funds allocation|allocation of funds|spending"),
            prototypes=(
                "The funds raised in the token sale will be used as follows: 40% development, 30% marketing, 20% operations, 10% legal.",
                "Use of proceeds: the proceeds of the ICO will be spent on product development and marketing.",
                "Budget: how the funds collected in the crowdsale will be allocated.",
            ),
            related=("token_distribution",),
            facts=("use_of_funds_found", "use_of_funds_pictured", "use_of_funds_items", "allocation_found"),
        ),
        AspectRule(
            name="lockup",
            description="tokens that cannot be sold or transferred for a period (lock-up, escrow, non-transferable)",
            broad=_rx(r"\block|escrow|non-?transferable|transferable|freez"),
            strong=_rx(r"lock-?\s?up|\blocked\b|\block(?:ing)? period|non-?transferable|cannot be (?:sold|transferred|traded)|escrow"),
            quantitative=_rx(rf"\block.{{0,60}}(?:{_PERIOD})|(?:{_PERIOD}).{{0,40}}\block"),
            title=_rx(r"\block"),
            prototypes=(
                "Team tokens are locked for 12 months after the token sale.",
                "Tokens will be locked up and cannot be transferred until the end of the lock-up period.",
                "A lock-up period applies to tokens held by founders and early investors.",
            ),
            related=("vesting",),
            facts=("transfers_locked", "bucket_vesting", "team_vesting", "team_vesting_months"),
        ),
        AspectRule(
            name="vesting",
            description="team, founder or advisor tokens released over time (vesting schedule, cliff)",
            broad=_rx(r"\bvest|cliff|release schedule|released (?:gradually|monthly|quarterly)|\block"),
            strong=_rx(
                r"\bvest(?:ing|ed|s)?\b|cliff|release schedule|released (?:gradually|monthly|quarterly|over)"
                rf"|\b(?:{_TEAM})\b.{{0,80}}\b(?:lock|vest|restrict|released)|\b(?:lock|vest)\w*.{{0,60}}\b(?:{_TEAM})\b"
            ),
            quantitative=_rx(rf"(?:\bvest|cliff|\block|released).{{0,60}}(?:{_PERIOD})|(?:{_PERIOD}).{{0,30}}(?:\bvest|cliff)"),
            title=_rx(r"vesting|\block"),
            prototypes=(
                "Founders' tokens vest over 24 months with a 6-month cliff.",
                "Team and advisor tokens are subject to a vesting schedule.",
                "Tokens allocated to the team will be locked and released gradually over two years.",
            ),
            related=("lockup",),
            facts=("team_vesting", "team_vesting_denied", "team_vesting_months", "bucket_vesting"),
        ),
        AspectRule(
            name="risk",
            description="risks for the buyer or the project (regulatory, security, market, technology, execution)",
            broad=_rx(r"\brisk"),
            strong=_rx(
                r"risk factors|risks? (?:associated|involved|related|relating|of)|may lose|could lose|loss of (?:all|the|your)"
                r"|no (?:guarantee|assurance)|adversely affect|uncertaint|speculative|volatil"
            ),
            quantitative=_rx(r"risks? (?:associated with|relating to|related to) (?:the )?(?:tokens?|purchase|sale|project|platform)|(?:purchas|acquir|buy)\w* .{0,40}risk"),
            title=_rx(r"risk"),
            prototypes=(
                "Purchasing tokens involves significant risks and you may lose all the money you paid.",
                "Risk factors: regulatory uncertainty, hacking, market volatility and failure of the project.",
                "The value of the tokens may fluctuate significantly and the project may fail.",
            ),
            facts=("risk_section",),
        ),
        AspectRule(
            name="governance",
            description="how decisions are made: token-holder voting, DAO, board or foundation governance",
            broad=_rx(r"governance|\bvot(?:e|es|ing)\b|\bDAO\b|proposals?\b|board of|council"),
            strong=_rx(
                r"governance|voting (?:rights|power)|(?:token ?holders?|holders|members|community) (?:can|will|may|shall)? ?(?:be able to )?vote"
                r"|\bvote on\b|decentrali[sz]ed autonomous organi[sz]ation|\bDAO\b"
            ),
            quantitative=_rx(r"(?:token ?holders?|holders|stakeholders|community).{0,60}\bvot|\bvot\w*.{0,60}(?:token ?holders?|proposals?)"),
            title=_rx(r"governance|voting|\bDAO\b"),
            prototypes=(
                "Token holders can vote on proposals that decide the future development of the platform.",
                "Governance of the project is carried out by a foundation board and token holder voting.",
                "The decentralized autonomous organization lets members vote on decisions.",
            ),
            facts=("governance_rights", "governance_rights_denied"),
        ),
    )
}
assert tuple(ASPECTS) == DISCLOSURE_ASPECTS

#: P(disclosed) never exceeds this when no pattern of the aspect matches anywhere in the document
NO_MENTION_CAP = 0.05

#: aspects with a ``specified`` head: what "stated concretely" means (the gold labels' definition)
SPECIFIED: dict[str, str] = {
    "token_distribution": "a percentage breakdown of the token supply (text, table or chart)",
    "use_of_funds": "a percentage or amount breakdown of how the funds raised will be spent (text, table or chart)",
    "vesting": "a vesting or lock term for the team's tokens",
    "governance": "governance rights (voting) for token holders",
}

#: names of the per-aspect features, in order
FEATURE_NAMES = ("strong", "broad", "quantitative", "max_similarity", "top3_similarity", "titled")

#: features read from the tokenomics stage's :class:`~ico_lens.paper.tokenomics.facts.PaperFacts`
#: (plus the document's section titles); 0 when a fact was not found
FACT_FEATURES = (
    "allocation_found",  # a token allocation breakdown was extracted
    "allocation_in_text",  # ... from the text or a table (not only from a picture)
    "allocation_pictured",  # no breakdown in the text, but a chart under an allocation heading shows one
    "allocation_buckets",  # log(1 + number of buckets)
    "allocation_sums_to_100",  # its percentages add up to 100 (+-1)
    "use_of_funds_found",  # a use-of-funds breakdown was extracted
    "use_of_funds_pictured",  # no breakdown in the text, but a chart under a use-of-funds heading shows one
    "use_of_funds_items",  # log(1 + number of items)
    "team_vesting",  # claim team_vesting is true
    "team_vesting_denied",  # claim team_vesting is false (the paper says there is none)
    "team_vesting_months",  # log(1 + months)
    "bucket_vesting",  # an allocation bucket carries a vesting period or cliff
    "transfers_locked",  # claim transfers_locked_until_sale_end is true
    "governance_rights",  # claim governance_rights is true
    "governance_rights_denied",  # claim governance_rights is false (the paper denies such rights)
    "risk_section",  # a section title names risks
)
_RISK_TITLE = _rx(r"\brisk")
assert all(f in FACT_FEATURES for rule in ASPECTS.values() for f in rule.facts)


def fact_features(facts, document=None) -> dict[str, float]:
    """:data:`FACT_FEATURES` of one paper from its ``PaperFacts`` (``None``: nothing found)."""
    out = dict.fromkeys(FACT_FEATURES, 0.0)
    if document is not None:
        out["risk_section"] = float(any(_RISK_TITLE.search(s.title or "") for s in getattr(document, "sections", None) or []))
    if facts is None:
        return out
    allocation = facts.main_allocation
    # source "image": the tokenomics stage saw the heading and a chart but no figures in the text layer
    # (5 of 11 gold use-of-funds breakdowns are pictures): the breakdown is disclosed, only not readable.
    out["allocation_pictured"] = float(allocation is not None and not allocation.items and allocation.source == "image")
    if allocation is not None and allocation.items:
        out["allocation_found"] = 1.0
        out["allocation_in_text"] = float(allocation.source in ("text", "table"))
        out["allocation_buckets"] = math.log1p(len(allocation.items))
        out["allocation_sums_to_100"] = float(allocation.sum_percent is not None and abs(allocation.sum_percent - 100) <= 1)
        out["bucket_vesting"] = float(any(b.vesting_months or b.cliff_months for b in allocation.items))
    funds = facts.main_use_of_funds
    out["use_of_funds_pictured"] = float(funds is not None and not funds.items and funds.source == "image")
    if funds is not None and funds.items:
        out["use_of_funds_found"] = 1.0
        out["use_of_funds_items"] = math.log1p(len(funds.items))
    vesting, governance = facts.claim("team_vesting"), facts.claim("governance_rights")
    out["team_vesting"], out["team_vesting_denied"] = float(vesting is True), float(vesting is False)
    months = facts.claim("team_vesting_months")
    out["team_vesting_months"] = math.log1p(float(months)) if isinstance(months, (int, float)) and months > 0 else 0.0
    out["transfers_locked"] = float(facts.claim("transfers_locked_until_sale_end") is True)
    out["governance_rights"], out["governance_rights_denied"] = float(governance is True), float(governance is False)
    return out


def discussed(p_present: float, p_specified: float | None) -> float:
    """P(discussed) of the answer: a paper that states the terms discusses the aspect, so it is at
    least P(terms stated) (``None``: the aspect has no ``specified`` head)."""
    return max(p_present, p_specified or 0.0)


def extract_paper_facts(document):
    """The tokenomics stage's ``PaperFacts`` of a Document or plain text (``None`` for sentence lists)."""
    from ico_lens.paper.tokenomics.facts import extract_facts

    if isinstance(document, str):
        document = text_document(document)
    if not hasattr(document, "pages"):
        return None
    return extract_facts(document)


def text_document(text: str, path: str = "<text>"):
    """A plain string as an ingested text ``Document`` (what ``open_document`` makes of a .txt file)."""
    import hashlib

    from ico_lens.paper.ingest import _text_document

    data = text.encode("utf-8")
    return _text_document(path, data, hashlib.sha256(data).hexdigest())


@dataclass
class DocumentEvidence:
    """What the detector read in one document: features per aspect and the best sentence per aspect."""

    features: dict[str, list[float]]
    best: dict[str, dict | None]
    sentence_count: int
    candidate_count: int = 0
    #: :data:`FACT_FEATURES` from the tokenomics stage (``None``: not computed)
    facts: dict[str, float] | None = None

    def mentions(self, aspect: str) -> bool:
        """Whether any pattern of ``aspect`` matched a sentence or a section title, or a fact was found."""
        strong, broad, quantitative, *_, titled = self.features[aspect]
        found = any((self.facts or {}).get(name, 0.0) > 0 for name in ASPECTS[aspect].facts)
        return bool(strong or broad or quantitative or titled or found)

    def vector(self, aspect: str, with_facts: bool = False) -> list[float]:
        """Input of ``aspect``'s head: its features, its related aspects', log length, then its facts."""
        values = list(self.features[aspect])
        for other in ASPECTS[aspect].related:
            values.extend(self.features[other])
        values.append(math.log1p(self.sentence_count))
        if with_facts:
            values.extend((self.facts or {}).get(name, 0.0) for name in ASPECTS[aspect].facts)
        return values


def as_sentences(document) -> list[Sentence]:
    """Sentences of a Document, a list of Sentence/str/(text, page[, section]) tuples, or a plain str."""
    if isinstance(document, str):
        from ico_lens.language.sentences import split_text

        return split_text(document)
    if hasattr(document, "pages"):
        from ico_lens.language.sentences import split_sentences

        return split_sentences(document)
    out: list[Sentence] = []
    for i, item in enumerate(document):
        if isinstance(item, Sentence):
            out.append(item)
        elif isinstance(item, str):
            out.append(Sentence(item, 1, None, i))
        else:
            text, page, *rest = item
            out.append(Sentence(text, int(page), rest[0] if rest else None, i))
    return out


class DisclosureDetector:
    """Detect which of the six aspects a white paper discloses (scikit-learn style).

    Parameters
    ----------
    model:
        Sentence-embedding model for the prototype similarities: ``None`` for the bundled
        all-MiniLM-L6-v2, or a Hugging Face id / local directory (retrain the heads after a change).
    C:
        Inverse L2 regularisation of each aspect's logistic regression.
    threshold:
        P(disclosed) at or above which an aspect is reported present.
    max_candidates:
        At most this many candidate sentences are embedded per document (strong matches first), which
        bounds the cost of a long paper (~2 s on a laptop CPU at the default).
    class_weight:
        ``"balanced"`` (default) or ``None``.
    batch_size:
        Sentences per embedding batch.
    use_facts:
        Also feed the heads what the tokenomics stage extracted (:data:`FACT_FEATURES`: allocation and
        use-of-funds breakdowns, vesting / lock-up / governance claims, a risk section). Computed by
        :meth:`predict` unless the caller passes ready ``facts``.
    """

    def __init__(
        self,
        model: str | os.PathLike | None = None,
        *,
        C: float = 0.1,
        threshold: float = 0.5,
        max_candidates: int = 120,
        class_weight: str | None = "balanced",
        batch_size: int = 64,
        use_facts: bool = True,
    ):
        self.model = model
        self.C = C
        self.threshold = threshold
        self.max_candidates = max_candidates
        self.class_weight = class_weight
        self.batch_size = batch_size
        self.use_facts = use_facts
        self.embedder = SentenceEmbedder(model, batch_size=batch_size)
        self.heads: dict[str, LinearHead] = {}
        #: aspect -> head of the ``specified`` question (:data:`SPECIFIED`)
        self.specified_heads: dict[str, LinearHead] = {}
        self.metadata: dict = {}
        self._prototypes = None
        self._fitted = False

    # -- evidence ---------------------------------------------------------------------------------
    def _prototype_vectors(self):
        if self._prototypes is None:
            self._prototypes = {name: self.embedder.encode(rule.prototypes) for name, rule in ASPECTS.items()}
        return self._prototypes

    def evidence(self, document, facts=None) -> DocumentEvidence:
        """Features and best sentences of one document (a Document, sentences, or plain text).

        With ``use_facts``, ``facts`` (the paper's ``PaperFacts``) is extracted when not given.
        """
        evidence = self.text_evidence(document)
        if self.use_facts:
            document = text_document(document) if isinstance(document, str) else document
            if facts is None and evidence.sentence_count:
                facts = extract_paper_facts(document)
            evidence.facts = fact_features(facts, document if hasattr(document, "pages") else None)
        return evidence

    def text_evidence(self, document) -> DocumentEvidence:
        """The text features alone (patterns and prototype similarities; no facts)."""
        import numpy as np

        sentences = [s for s in as_sentences(document) if s.text.strip()]
        features: dict[str, list[float]] = {}
        best: dict[str, dict | None] = {}
        # Candidates: strong matches first (they carry the evidence), then broad mentions.
        strong_idx, broad_idx = [], []
        for i, s in enumerate(sentences):
            if any(rule.strong.search(s.text) for rule in ASPECTS.values()):
                strong_idx.append(i)
            elif any(rule.broad.search(s.text) for rule in ASPECTS.values()):
                broad_idx.append(i)
        chosen = sorted((strong_idx + broad_idx)[: self.max_candidates])
        texts = [sentences[i].text[:400] for i in chosen]
        vectors = self.embedder.encode(texts) if texts else None
        prototypes = self._prototype_vectors() if texts else {}
        for name, rule in ASPECTS.items():
            strong, broad, quantitative, titled = rule.counts(sentences)
            mask = [j for j, i in enumerate(chosen) if rule.broad.search(sentences[i].text) or rule.strong.search(sentences[i].text)]
            top, top3, best_sentence = 0.0, 0.0, None
            if mask:
                sims = (vectors[mask] @ prototypes[name].T).max(axis=1)
                order = np.argsort(-sims)
                top = float(sims[order[0]])
                top3 = float(sims[order[:3]].mean())
                s = sentences[chosen[mask[order[0]]]]
                best_sentence = {"text": s.text[:300], "page": s.page, "score": round(top, 3)}
            features[name] = [math.log1p(strong), math.log1p(broad), math.log1p(quantitative), top, top3, float(titled)]
            best[name] = best_sentence
        return DocumentEvidence(features, best, len(sentences), len(chosen))

    # -- scikit-learn style -------------------------------------------------------------------------
    def fit(
        self,
        documents: Sequence,
        labels: Sequence[Mapping[str, int | bool | None]],
        *,
        sample_weight: Sequence[float] | None = None,
        specified: Sequence[Mapping[str, int | bool | None] | None] | None = None,
    ) -> "DisclosureDetector":
        """Train the six ``present`` heads and, given ``specified`` labels, the ``specified`` heads.

        ``documents``: Documents (or anything :meth:`evidence` reads) or ready :class:`DocumentEvidence`.
        ``labels``: one ``{aspect: 1/0/None}`` per document (is the aspect discussed?); ``None`` or a
        missing aspect leaves that document out of that aspect's training set. ``sample_weight``: per
        document. ``specified``: one ``{aspect: 1/0/None}`` (or ``None``) per document for the aspects
        of :data:`SPECIFIED` (are the concrete terms stated?); aspects without both classes get no head.
        """
        import numpy as np

        if len(documents) != len(labels) or (specified is not None and len(specified) != len(labels)):
            raise ValueError(f"{len(documents)} documents but {len(labels)} label sets")
        evidences = [d if isinstance(d, DocumentEvidence) else self.evidence(d) for d in documents]
        weights = np.ones(len(evidences)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.heads, self.specified_heads = {}, {}
        for aspect in DISCLOSURE_ASPECTS:
            rows = [i for i, lab in enumerate(labels) if lab.get(aspect) is not None]
            self.fit_head(aspect, [evidences[i] for i in rows], [labels[i][aspect] for i in rows], weights[rows])
        for aspect in SPECIFIED if specified is not None else ():
            rows = [i for i, lab in enumerate(specified) if lab and lab.get(aspect) is not None]
            y = [specified[i][aspect] for i in rows]
            if len({bool(v) for v in y}) == 2:
                self.fit_head(aspect, [evidences[i] for i in rows], y, question="specified")
        self._fitted = True
        return self

    def fit_head(
        self,
        aspect: str,
        evidences: Sequence[DocumentEvidence],
        y: Sequence,
        weights: Sequence[float] | None = None,
        *,
        question: str = "present",
    ) -> "DisclosureDetector":
        """Train (or retrain) one aspect's head for ``question``, leaving the other heads as they are.

        ``question``: ``"present"`` (is the aspect discussed?) or ``"specified"`` (are its terms
        stated?). ``evidences``: one :class:`DocumentEvidence` per document, ``y`` its 1/0 label,
        ``weights`` its sample weight (default 1). What :meth:`fit` does per aspect; cross-validation
        (``ico-lens eval language``) calls it on each fold. Read the head back with :meth:`probability`.
        """
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        y = np.asarray([int(bool(v)) for v in y])
        weights = np.ones(len(y)) if weights is None else weights
        if len(set(y)) < 2:
            raise ValueError(f"aspect {aspect!r} needs positive and negative examples to train")
        X = np.asarray([e.vector(aspect, self.use_facts) for e in evidences], dtype=float)
        mean, scale = X.mean(axis=0), X.std(axis=0)
        # a constant feature (std 0, or ~1e-17 from rounding) is left unscaled: the model file keeps
        # 7 decimals, and a rounded-to-zero scale would divide by zero when the head is applied
        scale[scale < 1e-6] = 1.0
        head = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000)
        head.fit((X - mean) / scale, y, sample_weight=np.asarray(weights, dtype=float))
        heads = self.specified_heads if question == "specified" else self.heads
        heads[aspect] = LinearHead.from_sklearn(head, mean=mean, scale=scale)
        return self

    def probability(self, aspect: str, evidence: DocumentEvidence, question: str = "present") -> float:
        """P(yes) of one head: ``question`` ("present" or "specified") of ``aspect`` for one document.

        The raw head, before :func:`discussed` combines the two questions (see :meth:`probabilities`);
        capped at :data:`NO_MENTION_CAP` when nothing in the text names the aspect.
        """
        head = (self.specified_heads if question == "specified" else self.heads)[aspect]
        p = float(head.predict_proba([evidence.vector(aspect, self.use_facts)])[0][list(head.classes).index(1)])
        if not evidence.mentions(aspect):
            # Nothing in the text names the aspect: the heads must not call it disclosed from the
            # document's length alone (short and empty texts would otherwise look like "risk").
            p = min(p, NO_MENTION_CAP)
        return p

    @staticmethod
    def default_params() -> dict:
        """The training settings of the shipped model (chosen by cross-validation on dev papers)."""
        return {"C": 0.1, "threshold": 0.5, "max_candidates": 120, "use_facts": True, "gold_weight": 1.0}

    def probabilities(self, evidence: DocumentEvidence) -> dict[str, tuple[float, float | None]]:
        """``{aspect: (P(discussed), P(terms stated) or None)}`` from ready evidence (see :func:`discussed`)."""
        require_fitted(self, "DisclosureDetector")
        out = {}
        for aspect in DISCLOSURE_ASPECTS:
            specified = self.probability(aspect, evidence, "specified") if aspect in self.specified_heads else None
            out[aspect] = (discussed(self.probability(aspect, evidence), specified), specified)
        return out

    def predict(self, document, facts=None) -> dict[str, dict]:
        """``{aspect: {"present", "confidence", "probability", "evidence", "specified"}}`` for one document.

        ``facts``: the paper's ``PaperFacts`` when the caller already has them (else extracted here,
        if the model uses facts). An aspect that no pattern matches anywhere and no fact supports
        (always the case for an empty or scanned document) is reported absent: its probability is
        capped at :data:`NO_MENTION_CAP`; no evidence.
        """
        evidence = document if isinstance(document, DocumentEvidence) else self.evidence(document, facts)
        result = {}
        for aspect, (p, specified) in self.probabilities(evidence).items():
            present = p >= self.threshold
            result[aspect] = {
                **self._answer(p),
                "evidence": evidence.best.get(aspect) if present else None,
                "specified": None if specified is None else self._answer(specified),
            }
        return result

    def _answer(self, p: float) -> dict:
        present = p >= self.threshold
        return {"present": bool(present), "confidence": round(p if present else 1.0 - p, 3), "probability": round(p, 3)}

    def predict_many(self, documents: Iterable) -> list[dict[str, dict]]:
        return [self.predict(d) for d in documents]

    def _fact_names(self) -> dict[str, list[str]]:
        return {a: list(r.facts) for a, r in ASPECTS.items()} if self.use_facts else {}

    # -- persistence ----------------------------------------------------------------------------------
    def save(self, path: str | os.PathLike = DEFAULT_PATH) -> Path:
        """Write the heads, parameters and training notes as JSON (no pickle)."""
        require_fitted(self, "DisclosureDetector")
        return write_model(
            path,
            {
                "kind": KIND,
                "format_version": 2,
                "embedding_model": self.embedder.model_name,
                "params": {
                    "C": self.C,
                    "threshold": self.threshold,
                    "max_candidates": self.max_candidates,
                    "class_weight": self.class_weight,
                    "use_facts": self.use_facts,
                },
                "feature_names": list(FEATURE_NAMES),
                "fact_features": self._fact_names(),
                "related": {a: list(r.related) for a, r in ASPECTS.items()},
                "prototypes": {a: list(r.prototypes) for a, r in ASPECTS.items()},
                "heads": {a: h.to_dict() for a, h in self.heads.items()},
                "specified_heads": {a: h.to_dict() for a, h in self.specified_heads.items()},
                "metadata": self.metadata,
            },
        )

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, *, model: str | os.PathLike | None = None) -> "DisclosureDetector":
        """Load a saved detector; ``path=None`` loads the shipped ``models/disclosure.json``."""
        path = Path(path or DEFAULT_PATH)
        data = read_model(path, kind=KIND)
        if data.get("related") != {a: list(r.related) for a, r in ASPECTS.items()} or data.get("prototypes") != {
            a: list(r.prototypes) for a, r in ASPECTS.items()
        }:
            raise ModelFileError("model was trained with other aspect rules; retrain it", path=str(path))
        params = data.get("params", {})
        detector = cls(
            model if model is not None else data.get("embedding_model"),
            C=params.get("C", 0.1),
            threshold=params.get("threshold", 0.5),
            max_candidates=params.get("max_candidates", 120),
            class_weight=params.get("class_weight", "balanced"),
            use_facts=bool(params.get("use_facts", False)),
        )
        if data.get("fact_features", {}) != detector._fact_names():
            raise ModelFileError("model was trained with other fact features; retrain it", path=str(path))
        missing = [a for a in DISCLOSURE_ASPECTS if a not in data.get("heads", {})]
        if missing:
            raise ModelFileError(f"no head for {', '.join(missing)}", path=str(path))
        detector.heads = {a: LinearHead.from_dict(data["heads"][a]) for a in DISCLOSURE_ASPECTS}
        # format 1 files have no specified heads: their answers carry "specified": None
        detector.specified_heads = {a: LinearHead.from_dict(h) for a, h in data.get("specified_heads", {}).items() if a in SPECIFIED}
        detector.metadata = data.get("metadata", {})
        detector._fitted = True
        return detector

    def __repr__(self) -> str:
        return f"DisclosureDetector(model={self.embedder.model_name!r}, C={self.C}, threshold={self.threshold}, use_facts={self.use_facts})"

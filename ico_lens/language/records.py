"""Records of the language stage: what the dictionaries and classifiers make of a white paper.

``LanguageProfile`` is what ``ico-lens language --json`` prints and what the store keeps. Its JSON has
``disclosures`` (the six aspects of ``icobase/labels.csv``, each ``{"present", "confidence", "specified"}``),
``categories`` (category -> rate per 1,000 words) and ``sentences`` (text, page, label, score), plus
``ref`` (the paper's :class:`~ico_lens.records.ProjectRef`: its content id) and the evidence behind the
rates and the disclosures as :class:`~ico_lens.records.Evidence` (``page``, ``quote``, ``reason``).
Confidences are floats in [0, 1]. Every record here reads back with ``from_dict``:

>>> p = LanguageProfile("p.txt", ProfileStatus.OK, disclosures={"risk": Disclosure(True, 0.8)},
...                     disclosure_evidence={"risk": [Evidence.paper(2, "You may lose all.", reason="risk")]})
>>> LanguageProfile.from_dict(p.to_dict()) == p
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ico_lens.records import Evidence, ProjectRef, Record

#: the document-level disclosure aspects, in the order of ``icobase/labels.csv``
DISCLOSURE_ASPECTS = ("token_distribution", "use_of_funds", "lockup", "vesting", "risk", "governance")

#: sentence roles of the classifier (``other`` included)
SENTENCE_LABELS = (
    "risk_disclosure",
    "legal_disclaimer",
    "forward_looking",
    "return_promise",
    "technical",
    "other",
)


class ProfileStatus(str, Enum):
    OK = "ok"
    #: no words at all (an empty file or pages without text)
    EMPTY = "empty"
    #: a PDF without a text layer (scanned): nothing to read
    NO_TEXT_LAYER = "no_text_layer"
    #: text is there but not in English; the English dictionaries and models do not apply
    NOT_ENGLISH = "not_english"
    #: too few words for rates per 1,000 words to mean much (still computed)
    TOO_SHORT = "too_short"


@dataclass
class Sentence(Record):
    """One sentence of a document, as the splitter found it."""

    text: str
    page: int  # 1-based PDF page index
    section: str | None = None  # title of the section it falls in, when known
    index: int = 0  # position in the document's list of sentences


def word_match(category: str, word: str, page: int) -> Evidence:
    """A dictionary word found in the text, the evidence behind a category rate: the word (or phrase)
    as it appears, lower-cased, as the quote; the category it counts for as the reason."""
    return Evidence.paper(page, word, reason=category)


@dataclass
class CategoryEvidence(Record):
    category: str
    count: int
    #: most frequent matched words with their counts, most frequent first
    top_words: list[tuple[str, int]] = field(default_factory=list)
    #: first occurrences (:func:`word_match`), capped to keep records small
    matches: list[Evidence] = field(default_factory=list)


@dataclass
class SectionProfile(Record):
    title: str
    page_start: int
    word_count: int
    categories: dict[str, float] = field(default_factory=dict)  # rate per 1,000 words


@dataclass
class ScoredSentence(Record):
    text: str
    page: int
    label: str  # one of SENTENCE_LABELS
    score: float  # probability of ``label`` (model) or dictionary-hit strength in 0..1
    section: str | None = None
    #: "model" (the MiniLM classifier) or "dictionary" (fallback: category hits)
    source: str = "dictionary"


@dataclass
class Specified(Record):
    """Does the paper state the concrete terms? (the gold labels' notion; see ``disclosure.SPECIFIED``)"""

    present: bool
    confidence: float  # 0..1


@dataclass
class Disclosure(Record):
    """Does the paper discuss the aspect? (the ICOBase annotators' notion: a qualitative mention counts)"""

    present: bool
    confidence: float  # 0..1
    #: token_distribution, use_of_funds, vesting, governance: are the concrete terms stated (a percentage
    #: breakdown, a team vesting term, token-holder voting rights)? ``None`` for lockup and risk, and
    #: when the keyword fallback answered
    specified: Specified | None = None


@dataclass
class LanguageProfile(Record):
    path: str
    status: ProfileStatus
    #: the paper profiled (its content id when it was read from a file)
    ref: ProjectRef = field(default_factory=lambda: ProjectRef(chain_id=None))
    word_count: int = 0
    sentence_count: int = 0
    language: str = "unknown"
    #: category -> rate per 1,000 words, over the whole document
    categories: dict[str, float] = field(default_factory=dict)
    #: category -> raw count
    counts: dict[str, int] = field(default_factory=dict)
    sections: list[SectionProfile] = field(default_factory=list)
    #: textstat measures (flesch_reading_ease, gunning_fog, ...)
    readability: dict[str, float] = field(default_factory=dict)
    #: scored sentences (risk, disclaimer, promise, hype ...), strongest first within each label
    sentences: list[ScoredSentence] = field(default_factory=list)
    #: role -> how many of the document's sentences have it (all roles, technical and other included)
    role_counts: dict[str, int] = field(default_factory=dict)
    disclosures: dict[str, Disclosure] = field(default_factory=dict)
    #: category -> matched words with pages
    evidence: dict[str, CategoryEvidence] = field(default_factory=dict)
    #: aspect -> the sentences behind a "present" disclosure (the detector's best one, or keyword
    #: hits): page, quote (<= 200 characters), the aspect as the reason
    disclosure_evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: names of the dictionaries used ("lm", "hiv4", "ico_lens", or a .dic file name)
    dictionaries: list[str] = field(default_factory=list)
    #: what produced the sentence roles and the disclosures: "model", "dictionary" (fallback) or
    #: "mixed" (the detector answered some aspects only)
    backends: dict[str, str] = field(default_factory=lambda: {"sentences": "none", "disclosures": "none"})
    warnings: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    def features(self) -> dict[str, object]:
        """The profile as one flat row of features (a CSV line, a table row for the regressions).

        Columns: ``path``, ``status``, ``language``, ``word_count``, ``sentence_count``, the two
        backends, ``rate.<category>`` (per 1,000 words), ``readability.<measure>``, ``role.<role>`` (the
        share of sentences with that role: ``role.technical`` measures technical content) and, per aspect,
        ``disclosure.<aspect>.present`` / ``.confidence`` / ``.specified`` / ``.specified_confidence``
        (booleans as 0/1; ``None`` where there is no answer).

        >>> row = LanguageProfile("p.txt", ProfileStatus.OK, disclosures={"risk": Disclosure(True, 0.8)}).features()
        >>> row["disclosure.risk.present"], row["disclosure.risk.specified"]
        (1, None)
        """
        row: dict[str, object] = {
            "path": self.path,
            "status": getattr(self.status, "value", self.status),
            "language": self.language,
            "word_count": self.word_count,
            "sentence_count": self.sentence_count,
            "backend.sentences": self.backends.get("sentences"),
            "backend.disclosures": self.backends.get("disclosures"),
        }
        row.update((f"rate.{name}", rate) for name, rate in self.categories.items())
        row.update((f"readability.{name}", value) for name, value in self.readability.items())
        if self.sentence_count:
            row.update((f"role.{role}", count / self.sentence_count) for role, count in self.role_counts.items())
        for aspect, d in self.disclosures.items():
            row[f"disclosure.{aspect}.present"] = int(d.present)
            row[f"disclosure.{aspect}.confidence"] = d.confidence
            row[f"disclosure.{aspect}.specified"] = None if d.specified is None else int(d.specified.present)
            row[f"disclosure.{aspect}.specified_confidence"] = None if d.specified is None else d.specified.confidence
        return row

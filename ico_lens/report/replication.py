"""The replication's text: what was read and joined, the table, the signs beside the published ones,
and the check of the public-sale share against TORD."""

from __future__ import annotations


def render_replication(result) -> str:
    """Plain text (Markdown-friendly) of a :class:`~ico_lens.stats.replicate.Replication`."""
    from ico_lens.stats.regress import table_notes

    lines = ["Replication: log raised USD on allocation, paper and disclosure features", ""]
    lines += [f"batch: {line}" for line in result.batch_lines]
    if result.imported is not None:
        lines += result.imported.summary().splitlines()
    lines.append(f"projects in the store {result.projects}; with log raised USD, one per offering: {result.with_outcome}")
    lines.append(result.table.as_text())
    lines += table_notes(result.regressions, names=result.names)
    for fit in result.regressions:
        lines += [f"note: {warning}" for warning in fit.warnings]
    lines += ["", "signs in the fullest model beside the published ones:"]
    width = max(len(name) for name, *_ in result.signs()) if result.signs() else 10
    for name, ours, published, source in result.signs():
        verdict = "" if published is None else ("  same sign" if ours.startswith(published) else "  opposite sign")
        if published is not None and float(ours.split("p=")[1].rstrip(")")) >= 0.1:
            verdict += ", not significant at 10%"
        lines.append(f"  {name:<{width}}  ours {ours:<12} published {published or 'n/a':<3}{verdict}  ({source})")
    if result.agreement is not None:
        lines += ["", result.agreement.summary()]
    return "\n".join(lines)

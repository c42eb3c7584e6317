"""Fixtures of the paper tests: the real papers of ../shared, ingested and extracted once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def real_papers(shared_dir):
    """``{slug: (document, facts)}`` for every paper of ``corpus/whitepapers`` (one ingestion each,
    shared by the tests that need the whole corpus)."""
    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.facts import extract_facts

    out = {}
    for path in sorted((shared_dir / "corpus" / "whitepapers").glob("*.pdf")):
        document = open_document(path)
        out[path.stem] = (document, extract_facts(document))
    return out

"""What the claim rules read on a short generated paper: the helpers of the claim-wording tests."""

from __future__ import annotations

from ico_lens.paper.tokenomics.claims import detect_claims
from ico_lens.paper.tokenomics.evidence import numbers_in
from ico_lens.paper.tokenomics.terms import extract_terms

from .textdoc import make_document

FILLER = ("The NOVA platform connects freelance translators with clients through a mobile application. "
          "Our roadmap starts with a beta in the third quarter.")


def claim(field: str, *pages: str):
    """The value of claim ``field`` on a paper of ``pages`` (each page with filler text around it)."""
    document = make_document(*(f"{FILLER}\n{text}\n{FILLER}" for text in pages))
    # the rules alone: the learned fallback has its own tests (test_claim_classifier.py)
    result = detect_claims(document, extract_terms(document), fallback=False).get(field)
    return None if result is None else result.value


def same_amount(got, want: str) -> bool:
    return got is not None and bool(numbers_in(str(got)) & numbers_in(want))

"""Tokenomics of a white paper: allocation, use of funds, token terms and claims, with page evidence.

Entry point: :func:`ico_lens.paper.tokenomics.facts.extract_facts` (``Document -> PaperFacts``).
"""

"""ico_lens: what an ICO white paper promised, what its token contract does, and how both relate to
the money raised.

The package is a pipeline of stages, one sub-package each::

    paper     PDF/TXT -> Document (pages, sections, tables, figures) -> PaperFacts (allocation, claims)
    language  Document -> LanguageProfile (dictionary rates, sentence roles, disclosures)
    contract  address/FILE.sol -> SourceBundle -> CodeFacts (what the code can do)
    chain     address + RPC -> ChainState (supply, owner, genesis distribution)

Importing ``ico_lens`` is cheap: stages import their heavy dependencies (torch, slither, web3) only
when they are used.
"""

__version__ = "0.1.0"

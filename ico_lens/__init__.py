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


def lazy_exports(package: str, exports: dict[str, str]):
    """A module ``__getattr__`` giving ``package`` the names of ``exports`` (name -> module), imported
    when first used: how every stage package keeps ``import ico_lens.<stage>`` free of heavy imports.

    >>> getattr_ = lazy_exports("demo", {"dumps": "json"})
    >>> getattr_("dumps")({"a": 1})
    '{"a": 1}'
    """
    import importlib

    def __getattr__(name: str):
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(exports[name]), name)

    return __getattr__

"""The vocabulary every stage's records share: evidence, the project reference, token amounts,
confidence, failures, and the JSON round trip.

Records are plain dataclasses. Each stage defines its own in ``<stage>/records.py``; none of these
modules imports anything heavy (no Slither, torch or pdfium), so a reader of stored records needs only
the standard library. They serialise to JSON with the field names of ``corpus/GOLD.md`` through
:func:`to_dict` and read back with :func:`from_dict`:

>>> ev = Evidence.paper(12, "Total supply: 100,000,000 AUC", reason="stated supply")
>>> str(ev)
"p.12: 'Total supply: 100,000,000 AUC'"
>>> from_dict(Evidence, to_dict(ev)) == ev
True
>>> TokenAmount.from_raw(1_500 * 10**18, 18).whole
Decimal('1500')
"""

from __future__ import annotations

import dataclasses
import decimal
import enum
import json
import sys
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

T = TypeVar("T")


# ---------------------------------------------------------------------------------------------
# JSON round trip


def to_dict(record: Any) -> Any:
    """Convert a record (dataclass, list, dict, enum) to JSON-ready Python values.

    Fields whose name starts with ``_``, or whose metadata says ``json=False``, are left out. A record
    class may list properties to add under ``JSON_PROPERTIES`` (derived values a reader expects, such
    as ``Evidence.kind``), and fields to leave out when they are empty under ``JSON_OMIT_EMPTY``
    (:class:`Evidence` has many optional parts; each kind uses a few). Fields named in
    ``JSON_FLATTEN`` have their keys written at the record's own level instead of under the field's
    name (a contract report shows GOLD.md's fact names at its top level); the record's own keys win.
    """
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        omit_empty = getattr(record, "JSON_OMIT_EMPTY", ())
        flatten = getattr(record, "JSON_FLATTEN", {})
        out = {}
        for f in dataclasses.fields(record):
            if f.name.startswith("_") or not f.metadata.get("json", True):
                continue
            value = getattr(record, f.name)
            if f.name in flatten:
                for key, item in (to_dict(value) or {}).items():
                    out.setdefault(key, item)
                continue
            if f.name in omit_empty and value in (None, "", [], {}):
                continue
            out[f.name] = to_dict(value)
        for name in getattr(record, "JSON_PROPERTIES", ()):
            out[name] = to_dict(getattr(record, name))
        return out
    if isinstance(record, enum.Enum):
        return record.value
    if isinstance(record, Decimal):
        return _decimal_json(record)
    if isinstance(record, dict):
        return {str(k): to_dict(v) for k, v in record.items()}
    if isinstance(record, (list, tuple)):
        return [to_dict(v) for v in record]
    return record


def to_json(record: Any, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(record), indent=indent, ensure_ascii=False)


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from what :func:`to_dict` made of it (or from its JSON).

    Nested records, lists, dicts, enums, ``X | None`` and tuples are rebuilt from the field types;
    keys the class does not know (derived ``JSON_PROPERTIES``, fields added by a newer version) are
    ignored, and fields left out of the JSON take their defaults.

    >>> from_dict(ProjectRef, {"symbol": "AUC", "chain_id": 1, "key": "ignored"})
    ProjectRef(content_id=None, name=None, symbol='AUC', chain_id=1, address=None)
    """
    if isinstance(data, str) and dataclasses.is_dataclass(cls) and hasattr(cls, "from_text"):
        return cls.from_text(data)  # type: ignore[attr-defined]
    return _build(cls, data)


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    if tp is Any or tp is object:
        return data
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return _build_union(typing.get_args(tp), data)
    if origin is typing.Literal:
        return data
    if origin in (list, tuple, set, frozenset) or tp in (list, tuple, set, frozenset):
        args = typing.get_args(tp)
        if origin is tuple and args and args[-1] is not Ellipsis:
            return tuple(_build(a, v) for a, v in zip(args, data))
        item = args[0] if args else Any
        built = [_build(item, v) for v in data]
        return built if (origin or tp) is list else (origin or tp)(built)
    if origin is dict or tp is dict:
        args = typing.get_args(tp)
        value_type = args[1] if len(args) == 2 else Any
        return {k: _build(value_type, v) for k, v in data.items()}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if isinstance(data, str) and hasattr(tp, "from_text"):
            return tp.from_text(data)
        if isinstance(data, tp):
            return data
        hints = _hints(tp)
        flatten = getattr(tp, "JSON_FLATTEN", {})
        kwargs = {}
        for f in dataclasses.fields(tp):
            if not f.init:
                continue
            if f.name in flatten:
                value = _build_flattened(tp, hints.get(f.name, Any), flatten[f.name], data)
                if value is not None:
                    kwargs[f.name] = value
            elif f.name in data:
                kwargs[f.name] = _build(hints.get(f.name, Any), data[f.name])
        return tp(**kwargs)
    if tp is Decimal and data is not None:
        return Decimal(str(data))
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if tp is int and isinstance(data, str) and data.lstrip("-").isdigit():
        return int(data)
    return data


def _build_flattened(owner: type, tp: Any, keys_from: str | None, data: dict) -> Any:
    """A ``JSON_FLATTEN`` field read back from its owner's keys.

    ``JSON_FLATTEN`` maps the field to where its keys are listed: for a dict field, another field of
    the owner whose keys name them (``{"verdicts": "detectors"}``); for a record field, None (the record
    takes the keys it knows; it is None when the data has none of its own).
    """
    if keys_from is not None:
        args = typing.get_args(tp)
        value_type = args[1] if len(args) == 2 else Any
        return {k: _build(value_type, data[k]) for k in data.get(keys_from) or {} if k in data}
    options = typing.get_args(tp) or (tp,)
    record = next(o for o in options if isinstance(o, type) and dataclasses.is_dataclass(o))
    owned = {f.name for f in dataclasses.fields(record)} - {f.name for f in dataclasses.fields(owner)}
    return _build(record, data) if owned & set(data) else None


def _build_union(options: tuple, data: Any) -> Any:
    options = tuple(o for o in options if o is not type(None))
    if len(options) == 1:
        return _build(options[0], data)
    # primitives first: a value that already is one of the options stays as it is
    for option in options:
        if isinstance(option, type) and not dataclasses.is_dataclass(option) and not issubclass(option, enum.Enum):
            if isinstance(data, option) and not (option is int and isinstance(data, bool)):
                return data
    if isinstance(data, dict):
        # the record class whose fields cover the keys best (AllocationBucket vs UseOfFundsItem)
        records = [o for o in options if isinstance(o, type) and dataclasses.is_dataclass(o)]
        if records:
            def fit(option: type) -> tuple[int, int]:
                names = {f.name for f in dataclasses.fields(option)}
                return (len(set(data) & names), -len(names - set(data)))

            return _build(max(records, key=fit), data)
    for option in options:
        try:
            return _build(option, data)
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
    return data


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """Field types of a record class, resolved once (records use ``from __future__ import annotations``)."""
    if cls not in _HINTS:
        module = sys.modules.get(cls.__module__)
        _HINTS[cls] = typing.get_type_hints(cls, vars(module) if module else None)
    return _HINTS[cls]


class Record:
    """Mix-in giving a record ``to_dict``, ``to_json`` and ``from_dict``."""

    def to_dict(self) -> dict:
        return to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        # through the record's own to_dict, which a record may extend
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict):
        return from_dict(cls, data)


# ---------------------------------------------------------------------------------------------
# confidence

#: the words rules use for how sure they are, as the floats records carry (Slither's levels)
CONFIDENCE_LEVELS: dict[str, float] = {"high": 0.9, "medium": 0.7, "low": 0.4}


def confidence_value(level: str | float | None, default: float = CONFIDENCE_LEVELS["medium"]) -> float:
    """A confidence as a float in [0, 1], from a level name (``"high"``) or a number.

    >>> confidence_value("high"), confidence_value(1.7), confidence_value(None)
    (0.9, 1.0, 0.7)
    """
    if level is None or level == "":
        return default
    if isinstance(level, str):
        try:
            return CONFIDENCE_LEVELS[level.lower()]
        except KeyError:
            raise ValueError(f"unknown confidence level {level!r} (one of {', '.join(CONFIDENCE_LEVELS)})") from None
    return min(1.0, max(0.0, float(level)))


# ---------------------------------------------------------------------------------------------
# evidence


@dataclass(frozen=True)
class Evidence(Record):
    """Where a value comes from, on any side, plus a one-line reason.

    * in a paper: ``page`` (1-based PDF page) and ``quote`` (<= 200 characters);
    * in code: ``file``, ``contract``, ``function``, ``line`` and the line's ``code``;
    * on chain: ``block``, ``tx`` and the ``value`` read.

    Only the parts of its kind are set; the JSON leaves the others out and says the ``kind``.
    """

    page: int | None = None
    quote: str | None = None
    file: str | None = None
    contract: str | None = None
    function: str | None = None
    line: int | None = None
    code: str | None = None
    block: int | None = None
    tx: str | None = None
    #: what the chain returned (a raw amount, an address, a flag), as JSON allows
    value: Any = None
    #: why this is evidence for the value, in one line ("burn() lowers totalSupply")
    reason: str = ""

    JSON_OMIT_EMPTY: ClassVar[tuple[str, ...]] = (
        "page", "quote", "file", "contract", "function", "line", "code", "block", "tx", "value", "reason",
    )
    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("kind",)

    @classmethod
    def paper(cls, page: int, quote: str, *, reason: str = "") -> "Evidence":
        return cls(page=page, quote=quote, reason=reason)

    @classmethod
    def in_code(cls, *, contract: str | None, function: str | None = None, line: int | None = None,
                code: str = "", file: str | None = None, reason: str = "") -> "Evidence":
        return cls(file=file, contract=contract, function=function, line=line, code=code, reason=reason)

    @classmethod
    def on_chain(cls, *, block: int | None, tx: str | None = None, value: Any = None, reason: str = "") -> "Evidence":
        return cls(block=block, tx=tx, value=value, reason=reason)

    @classmethod
    def from_text(cls, text: str) -> "Evidence":
        """Read GOLD.md's ``"p.12: 'quote'"`` form back (what older records stored)."""
        head, _, rest = text.partition(":")
        if head.startswith("p.") and head[2:].isdigit():
            # exactly what __str__ wrapped: a quote may itself start or end with an apostrophe
            quoted = rest.startswith(" '") and rest.endswith("'") and len(rest) >= 3
            return cls(page=int(head[2:]), quote=rest[2:-1] if quoted else rest.strip().strip("'"))
        return cls(reason=text)

    def with_reason(self, reason: str) -> "Evidence":
        return dataclasses.replace(self, reason=reason)

    @property
    def kind(self) -> str:
        """``"paper"``, ``"code"``, ``"chain"`` or ``"note"`` (a reason alone)."""
        if self.page is not None:
            return "paper"
        if self.line is not None or self.contract is not None or self.file is not None:
            return "code"
        if self.block is not None or self.tx is not None:
            return "chain"
        return "note"

    @property
    def where(self) -> str:
        """Short location: ``p.12``, ``AuctusToken.burn:183``, ``block 4,000,123``."""
        kind = self.kind
        if kind == "paper":
            return f"p.{self.page}"
        if kind == "code":
            name = ".".join(x for x in (self.contract, self.function) if x)
            if self.line is None:
                return name or (self.file or "")
            return f"{name}:{self.line}" if name else f"line {self.line}"
        if kind == "chain":
            return f"block {self.block:,}" if self.block is not None else f"tx {self.tx}"
        return ""

    def __str__(self) -> str:
        kind = self.kind
        if kind == "paper":  # the GOLD.md evidence format
            return f"p.{self.page}: '{self.quote or ''}'"
        if kind == "code":
            where = f"{self.contract}.{self.function}" if self.function else str(self.contract)
            return f"{where} (line {self.line}): {self.code or ''}"
        if kind == "chain":
            return f"{self.where}: {self.value}" + (f" (tx {self.tx})" if self.tx else "")
        return self.reason


# ---------------------------------------------------------------------------------------------
# the join key


@dataclass(frozen=True)
class ProjectRef(Record):
    """What a record is about: the join key every stage record carries.

    A paper is known by its ``content_id`` (SHA-256 of the file); a contract by ``chain_id`` and
    ``address``; a project may have both, plus a ``name`` and token ``symbol`` from a manifest or the
    paper. :attr:`key` is the one string a store indexes by.

    >>> ProjectRef(address="0xAbC0000000000000000000000000000000000001").key
    '1:0xabc0000000000000000000000000000000000001'
    >>> ProjectRef(content_id="9f2c").merge(ProjectRef(symbol="AUC")).symbol
    'AUC'
    """

    content_id: str | None = None
    name: str | None = None
    symbol: str | None = None
    chain_id: int | None = 1
    address: str | None = None

    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("key",)

    @property
    def key(self) -> str | None:
        if self.content_id:
            return f"paper:{self.content_id}"
        if self.address:
            return f"{self.chain_id or 1}:{self.address.lower()}"
        return None

    @property
    def contract_key(self) -> str | None:
        """``chain_id:address`` (lower case), or None without an address."""
        return f"{self.chain_id or 1}:{self.address.lower()}" if self.address else None

    def merge(self, other: "ProjectRef | None") -> "ProjectRef":
        """This reference with the parts it lacks taken from ``other``."""
        if other is None:
            return self
        return ProjectRef(**{
            f.name: getattr(self, f.name) if getattr(self, f.name) not in (None, "") else getattr(other, f.name)
            for f in dataclasses.fields(self)
        })


# ---------------------------------------------------------------------------------------------
# token amounts


@dataclass(frozen=True)
class TokenAmount(Record):
    """An amount of tokens with its unit explicit: ``raw`` smallest units and the ``decimals``.

    Contracts and the chain count raw units (``10**decimals`` of them make one token); papers state
    whole tokens. Build one with :meth:`from_raw` or :meth:`from_whole`; read :attr:`whole` to compare
    across sides. ``raw`` is exact (Python ints are unbounded and ``json`` writes them exactly); a paper
    amount whose decimals are unknown keeps ``raw=None`` and its ``stated`` whole value.

    >>> a = TokenAmount.from_whole(106_000_000, 18)
    >>> a.raw == 106_000_000 * 10**18, a.format("AUC")
    (True, '106,000,000 AUC')
    >>> TokenAmount.from_raw(12345, 2).format(), TokenAmount.from_raw(4, 18).format("BKX")
    ('123.45', '0.000000000000000004 BKX')
    >>> TokenAmount.from_whole(5_000_000).whole, TokenAmount.from_whole(5_000_000).raw is None
    (Decimal('5000000'), True)
    """

    raw: int | None = None
    decimals: int | None = None
    #: the whole-token amount as stated where raw units are unknown (a paper without decimals)
    stated: Decimal | None = None
    #: the amount as source text when it is no number yet (a contract's constructor argument:
    #: ``"initialSupply (constructor argument)"``)
    expression: str | None = None

    JSON_OMIT_EMPTY: ClassVar[tuple[str, ...]] = ("stated", "expression")
    JSON_PROPERTIES: ClassVar[tuple[str, ...]] = ("whole",)

    @classmethod
    def from_raw(cls, raw: int | str, decimals: int | None) -> "TokenAmount":
        return cls(raw=int(raw), decimals=decimals)

    @classmethod
    def from_whole(cls, whole: int | float | str | Decimal, decimals: int | None = None) -> "TokenAmount":
        value = Decimal(str(whole))
        if decimals is None:
            return cls(raw=None, decimals=None, stated=value)
        raw = value.scaleb(decimals)
        return cls(raw=int(raw) if raw == raw.to_integral_value() else None, decimals=decimals,
                   stated=None if raw == raw.to_integral_value() else value)

    @property
    def whole(self) -> Decimal | None:
        """Whole tokens (exact), or None when the decimals are unknown for a raw amount."""
        if self.stated is not None:
            return self.stated
        if self.raw is None or self.decimals is None:
            return None
        with decimal.localcontext() as ctx:
            ctx.prec = max(28, len(str(abs(self.raw))) + 2)
            return (Decimal(self.raw).scaleb(-self.decimals)).normalize() + 0

    def format(self, symbol: str | None = None, *, digits: int = 6) -> str:
        """``1,300,000 DICO``; ``N raw units`` when the decimals are unknown; the expression when
        the amount is no number yet."""
        whole = self.whole
        if whole is None:
            return f"{self.raw} raw units" if self.raw is not None else self.expression or "-"
        integer = int(whole)
        text = f"{integer:,}"
        fraction = whole - integer
        if fraction:
            shown = fraction.quantize(Decimal(1).scaleb(-digits), rounding=decimal.ROUND_DOWN)
            # a dust amount keeps all its digits rather than print as 0
            text += format(shown if shown else fraction.normalize(), "f")[1:].rstrip("0").rstrip(".")
        return f"{text} {symbol}" if symbol else text


def _decimal_json(value: Decimal) -> int | float | str:
    """A Decimal as JSON: an int when whole, a float when that is exact enough, else its text."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


# ---------------------------------------------------------------------------------------------
# failures


@dataclass
class Failure(Record):
    """An input a batch could not process: recorded in the batch's output, and the batch goes on.

    >>> from ico_lens.errors import EncryptedPdf
    >>> Failure.of("a.pdf", EncryptedPdf("the PDF is encrypted", path="a.pdf")).to_dict()
    {'path': 'a.pdf', 'status': 'failed', 'error': 'encrypted_pdf', 'message': 'a.pdf: the PDF is encrypted'}
    """

    path: str
    status: str = "failed"
    #: machine-readable reason: the error's ``code`` (``encrypted_pdf``, ``resource_limit`` ...), or
    #: ``internal_error`` for a fault of ico_lens itself
    error: str = "error"
    #: one line for the user
    message: str = ""

    @classmethod
    def of(cls, path: str, exc: BaseException) -> "Failure":
        code = getattr(exc, "code", None) or "internal_error"
        message = " ".join(str(exc).split()) or type(exc).__name__
        # a long message is cut in the middle: its end says why (a long file name comes first)
        return cls(path=str(path), error=code, message=message if len(message) <= 300 else message[:147] + "..." + message[-150:])

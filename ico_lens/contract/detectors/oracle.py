"""oracle_call: a contract of the file reads an off-chain data feed (an oracle).

What counts — a call, reachable from an entry point of any contract of the file, to an oracle's API:

* a Chainlink price feed: ``latestRoundData()``, ``latestAnswer()``, ``getRoundData()``,
  ``latestTimestamp()`` on an external contract (``AggregatorV3Interface`` / ``AggregatorInterface``);
* a Chainlink request: ``sendChainlinkRequest(To)`` / ``sendOperatorRequest`` (ChainlinkClient);
* Oraclize / Provable: ``oraclize_query`` / ``provable_query`` (the answer comes back in ``__callback``),
  or a direct ``query*`` call on the ``OraclizeI`` / ``ProvableI`` connector;
* a MakerDAO medianizer: ``peek()`` / ``read()`` on a contract typed ``Medianizer`` / ``DSValue``.

What does not: the ``usingOraclize`` library pasted into the file but never queried; an interface
declared and never called; an exchange rate or price the **owner** sets by hand (``setRate``): that is
an admin parameter, not a feed; a price read from on-chain state (an exchange's reserves): no
off-chain data. A price pushed by a dedicated role the code calls an oracle
(``onlyOracle``, ``msg.sender == priceOracle``) is **null**: the code shows that an address pushes data, not
whether that address relays an off-chain feed. A file without a token (or whose token keeps no balances,
a proxy) where nothing calls an oracle is null too.
"""

from __future__ import annotations

import re
from typing import Any

from ico_lens.contract.detectors.base import NO_BALANCES, NO_TOKEN, FactDetector, Finding, functions_reached, register

#: Chainlink aggregator reads (names distinctive enough on an external contract)
FEED_READS = frozenset({"latestRoundData", "latestAnswer", "getRoundData", "latestTimestamp"})
#: Chainlink request calls of ChainlinkClient (internal functions of the client base contract)
CHAINLINK_REQUESTS = frozenset({"sendChainlinkRequest", "sendChainlinkRequestTo", "sendOperatorRequest",
                                "sendOperatorRequestTo", "chainlinkRequest", "chainlinkRequestTo"})
#: Oraclize / Provable query functions (the usingOraclize base's overloads all start so)
QUERY_PREFIXES = ("oraclize_query", "provable_query")
#: the connector's own functions, when a contract calls it without the base
CONNECTOR_TYPES = re.compile(r"^(?:OraclizeI|ProvableI)$")
CONNECTOR_QUERIES = re.compile(r"^query(?:N|2)?(?:_withGasLimit)?$")
#: MakerDAO's price feeds (2017-2019)
MEDIANIZER_TYPES = re.compile(r"Medianizer|DSValue|^PipLike$", re.I)
MEDIANIZER_READS = frozenset({"peek", "read"})
#: a role the code itself names as a data feeder
ORACLE_ROLE = re.compile(r"oracle|price_?feed|pricefeeder|feeder", re.I)


def _destination_type(ir: Any) -> str:
    t = getattr(getattr(ir, "destination", None), "type", None)
    inner = getattr(t, "type", None)
    return str(getattr(inner, "name", "") or t or "")


def oracle_call(ir: Any) -> str | None:
    """What oracle the IR operation reads, or None."""
    from slither.slithir.operations import HighLevelCall, InternalCall

    if isinstance(ir, HighLevelCall):
        name = str(ir.function_name)
        target = _destination_type(ir)
        if name in FEED_READS:
            return f"reads a Chainlink price feed ({target + '.' if target else ''}{name}())"
        if name in MEDIANIZER_READS and MEDIANIZER_TYPES.search(target):
            return f"reads a MakerDAO price feed ({target}.{name}())"
        if CONNECTOR_TYPES.match(target) and CONNECTOR_QUERIES.match(name):
            return f"queries the Oraclize/Provable oracle ({target}.{name}())"
        return None
    if isinstance(ir, InternalCall):
        name = getattr(ir.function, "name", "") or ""
        if name.startswith(QUERY_PREFIXES):
            return f"queries the Oraclize/Provable oracle ({name}(); the answer arrives in __callback)"
        if name in CHAINLINK_REQUESTS:
            return f"sends a Chainlink oracle request ({name}())"
    return None


@register
class OracleDetector(FactDetector):
    NAME = "oracle_call"
    DESCRIPTION = ("A function of the file reads an off-chain data feed: a Chainlink aggregator or request, an "
                   "Oraclize/Provable query, a MakerDAO medianizer (an owner-set price is no oracle).")
    IMPACT = "informational"
    CONFIDENCE = "high"
    ORDER = 140
    NEEDS_TOKEN = False  # a sale of the file may price tokens with a feed
    NEEDS_BALANCES = False

    def _detect(self) -> list[Finding]:
        findings: list[Finding] = []
        for entry in self._entry_points():
            found = self._first_oracle_call(entry)
            if found is not None:
                what, node, function = found
                findings.append(self.finding(f"{entry.name}() {what}", node, function))
        if not findings:
            self.undecided = self._why_undecided()
        return findings[:3]

    def _first_oracle_call(self, entry: Any):
        """(what, node, function) of the first oracle call ``entry`` reaches (the outermost: the
        ``oraclize_query`` the contract calls rather than the connector call inside it), or None."""
        for function in functions_reached(entry):
            for node in function.nodes:
                for ir in node.irs:
                    what = oracle_call(ir)
                    if what is not None:
                        return what, node, function
        return None

    def _entry_points(self) -> list:
        from ico_lens.contract.analysis import entry_points_of

        entries = list(self.model.entry_points)
        for contract in self.model.contracts:
            if contract is not self.model.token:
                entries += [f for f in entry_points_of(contract) if f not in entries]
        return entries

    def _why_undecided(self) -> str | None:
        for entry in self._entry_points():
            roles = sorted(r for r in self.model.role_only(entry) if ORACLE_ROLE.search(r))
            written = [v.name for f in functions_reached(entry) for v in f.state_variables_written]
            if roles and written:
                return (f"{entry.name}() lets the {roles[0]} address push data ({written[0]}); whether it relays an "
                        "off-chain feed the code cannot show")
        if self.model.token is None:
            return NO_TOKEN + "; no contract of the file calls an oracle"
        if not self.model.balance_vars:
            return NO_BALANCES
        return None

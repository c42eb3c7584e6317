"""Etherscan API v2 client: verified source code and ABI of a contract on any supported chain.

::

    from ico_lens.contract.etherscan import EtherscanClient
    client = EtherscanClient()                      # key from $ETHERSCAN_API_KEY
    bundle = client.fetch_bundle("0x...", chain_id=1)   # SourceBundle (origin "etherscan")
    if bundle.implementation:                       # a proxy: analyse the implementation
        target = bundle.implementation

- ``GET {base}?chainid=..&module=contract&action=getsourcecode|getabi&address=..&apikey=..``;
  the base URL is ``https://api.etherscan.io/v2/api`` unless ``base_url`` or
  ``$ICO_LENS_ETHERSCAN_URL`` say otherwise (tests point it at a local server).
- The API key is read from ``$ETHERSCAN_API_KEY`` and only ever put in the request URL: never in the
  cache (keys are the URL without it), errors, logs or records.
- Sources: single flattened file, standard JSON wrapped in ``{{...}}``, or a ``{"file.sol": {"content"}}``
  map. Unverified contracts raise :class:`UnverifiedContract`; proxies (``Proxy == "1"`` with an
  ``Implementation``) get the implementation fetched as well.
- At most ``calls_per_second`` calls (free tier: 5/s); "Max rate limit reached", HTTP 429 and 5xx,
  timeouts and connection errors are retried with exponential back-off (the session of
  :mod:`ico_lens.http`); then a one-line error.
- Successful replies are cached in SQLite by requests-cache (``$ICO_LENS_CACHE_DIR/etherscan.sqlite``,
  default ``~/.cache/ico_lens/etherscan.sqlite``), so a corpus is fetched once. "Not verified" replies
  are cached for a day only (a contract may be verified later); errors are never cached. The API key
  is left out of the cache keys, of what is stored and of log lines (``secret_parameters``).
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Callable

import requests

from ico_lens import http
from ico_lens.contract.records import SourceBundle
from ico_lens.contract.source import bundle_from_source_text, check_address, is_address
from ico_lens.errors import IcoLensError, InputError

LOG = logging.getLogger(__name__)

DEFAULT_URL = "https://api.etherscan.io/v2/api"
UNVERIFIED_TTL = 24 * 3600.0


class EtherscanError(IcoLensError):
    """Etherscan could not answer (network, rate limit after retries, malformed reply, API error)."""

    code = "etherscan_error"


class EtherscanTimeout(EtherscanError):
    code = "etherscan_timeout"


class RateLimited(EtherscanError):
    code = "rate_limited"


class MissingApiKey(InputError):
    code = "missing_api_key"


class UnverifiedContract(InputError):
    """The address has no verified source on Etherscan (or is not a contract)."""

    code = "unverified_contract"


class EtherscanRejected(InputError):
    """Etherscan refused the request itself (bad address, unsupported chain, invalid API key)."""

    code = "etherscan_rejected"


def default_cache_path() -> Path:
    base = os.environ.get("ICO_LENS_CACHE_DIR")
    if base:
        return Path(base) / "etherscan.sqlite"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "ico_lens" / "etherscan.sqlite"


class EtherscanClient:
    """A small, polite Etherscan API v2 client (see the module documentation).

    Parameters
    ----------
    api_key: the key; default ``$ETHERSCAN_API_KEY``. Only needed for calls the cache cannot answer.
    base_url: API endpoint; default ``$ICO_LENS_ETHERSCAN_URL`` or the public v2 endpoint.
    cache_path: SQLite file; default :func:`default_cache_path`. ``use_cache=False`` disables it.
    timeout: seconds per HTTP request.
    max_retries: retries after a rate-limit reply, HTTP 429/5xx, timeout or connection error.
    backoff: back-off delay in seconds (doubles each retry, capped at 30 s).
    calls_per_second: throttle between consecutive requests from this client (cache hits do not count).
    unverified_ttl: seconds a "not verified" reply is kept (a contract may be verified later).
    sleep: how the client waits between requests and after a rate-limit reply (tests pass a recorder).
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        cache_path: str | Path | None = None,
        use_cache: bool = True,
        timeout: float = 20.0,
        max_retries: int = 5,
        backoff: float = 1.0,
        calls_per_second: float = 5.0,
        unverified_ttl: float = UNVERIFIED_TTL,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self._api_key = api_key if api_key is not None else os.environ.get("ETHERSCAN_API_KEY") or None
        self.base_url = base_url or os.environ.get("ICO_LENS_ETHERSCAN_URL") or DEFAULT_URL
        #: the SQLite file of the response cache (None: no cache)
        self.cache_path = Path(cache_path or default_cache_path()) if use_cache else None
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.unverified_ttl = unverified_ttl
        self._sleep = sleep
        self.session = http.session(
            retries=max_retries,
            backoff=backoff,
            timeout=timeout,
            min_interval=1.0 / calls_per_second if calls_per_second > 0 else 0.0,
            sleep=sleep,
            cache_path=self.cache_path,
            secret_parameters=("apikey",),  # never in a cache key, the cache file or a log line
        )

    @property
    def requests_made(self) -> int:
        """HTTP requests sent (cache hits are not), for tests and benchmarks."""
        return self.session.get_adapter(self.base_url).sent

    def __repr__(self) -> str:  # never show the key
        return f"EtherscanClient(base_url={self.base_url!r}, api_key={'set' if self._api_key else 'missing'})"

    # ------------------------------------------------------------------------------------- raw calls
    def get_source_code(self, address: str, chain_id: int = 1) -> dict:
        """The first ``result`` item of ``getsourcecode`` (SourceCode, ContractName, CompilerVersion, ...)."""
        address = check_address(address)
        item = _first_object(self._call("getsourcecode", address, chain_id), "getsourcecode", address)
        if not str(item.get("SourceCode") or "").strip():
            raise UnverifiedContract(f"{address} on chain {chain_id} has no verified source code on Etherscan")
        return item

    def get_abi(self, address: str, chain_id: int = 1) -> str:
        """The ABI (JSON text) from ``getabi``."""
        address = check_address(address)
        reply = self._call("getabi", address, chain_id)
        result = reply.get("result")
        if not isinstance(result, str):
            raise EtherscanError(f"malformed getabi reply for {address}: result is not a string")
        try:
            json.loads(result)
        except json.JSONDecodeError:
            raise EtherscanError(f"malformed getabi reply for {address}: the ABI is not JSON") from None
        return result

    def get_contract_creation(self, address: str, chain_id: int = 1) -> dict:
        """``getcontractcreation``: ``{"creator", "tx_hash", "block_number" (None if not given)}`` —
        lets the genesis distribution start at the right block on nodes without historical state."""
        address = check_address(address)
        item = _first_object(self._call("getcontractcreation", address, chain_id), "getcontractcreation", address)
        block = str(item.get("blockNumber") or "").strip()
        return {
            "creator": str(item.get("contractCreator") or "").lower() or None,
            "tx_hash": str(item.get("txHash") or "") or None,
            "block_number": int(block) if block.isdigit() else None,
        }

    # ------------------------------------------------------------------------------------- bundles
    def fetch_bundle(self, address: str, chain_id: int = 1, *, follow_proxy: bool = True) -> SourceBundle:
        """The verified source of ``address`` as a :class:`SourceBundle`.

        For a proxy, ``bundle.proxy`` is the implementation address and ``bundle.implementation`` its
        bundle (when ``follow_proxy`` and it is verified; otherwise a warning says why not).
        """
        address = check_address(address)
        item = self.get_source_code(address, chain_id)
        bundle = bundle_from_etherscan(item, address, chain_id)
        implementation = str(item.get("Implementation") or "").strip().lower()
        if str(item.get("Proxy") or "0") == "1" and is_address(implementation) and implementation != address:
            bundle.proxy = implementation
            bundle.warnings.append(f"{address} is a proxy; its implementation is {implementation}")
            if follow_proxy:
                try:
                    impl = self.fetch_bundle(implementation, chain_id, follow_proxy=False)
                except UnverifiedContract:
                    bundle.warnings.append(f"implementation {implementation} is not verified: only the proxy is analysed")
                else:
                    impl.warnings.append(f"fetched as the implementation of proxy {address}")
                    bundle.implementation = impl
        return bundle

    # ------------------------------------------------------------------------------------- plumbing
    def _call(self, action: str, address: str, chain_id: int) -> dict:
        params = {"chainid": str(chain_id), "module": "contract", "action": action}
        # getcontractcreation takes a list of addresses under another name
        params["contractaddresses" if action == "getcontractcreation" else "address"] = address
        what = f"{action} {address} (chain {chain_id})"
        # HTTP-level failures are retried by the session; "Max rate limit reached" comes back as an
        # HTTP 200 whose body says so, which only this client can read, hence this loop
        for attempt in range(self.max_retries + 1):
            if attempt:
                self._sleep(min(self.backoff * 2 ** (attempt - 1), http.MAX_BACKOFF))
            response, reply = self._get(params, what)
            if not _rate_limited(reply):
                return self._check(response, reply, action, address, chain_id)
        raise RateLimited(f"Etherscan rate limit still reached for {what} after {self.max_retries + 1} tries")

    def _get(self, params: dict[str, str], what: str):
        """One reply (from the cache, or the network with the session's retries) and its JSON."""
        tries = f"{self.max_retries + 1} tries"
        try:
            response = self._send(params)
        except requests.RequestException as exc:
            kind, text = http.failure(exc, self.timeout)
            if kind == "timeout":
                raise EtherscanTimeout(f"Etherscan {text} for {what} ({tries})") from None
            raise EtherscanError(f"Etherscan unavailable for {what}: {text} ({tries})") from None
        if getattr(response, "from_cache", False):
            LOG.debug("etherscan cache hit: %s", what)
        status = response.status_code
        if status == 429:
            raise RateLimited(f"Etherscan rate limit still reached for {what} after {tries}")
        if status >= 500:
            raise EtherscanError(f"Etherscan unavailable for {what}: HTTP {status} ({tries})")
        if status != 200:
            raise EtherscanError(f"Etherscan answered HTTP {status} for {what}")
        try:
            reply = json.loads(response.content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise EtherscanError(f"malformed Etherscan reply for {what}: not JSON ({response.content[:60]!r})") from None
        if not isinstance(reply, dict) or "result" not in reply:
            raise EtherscanError(f"malformed Etherscan reply for {what}: no 'result'")
        return response, reply

    def _send(self, params: dict[str, str]) -> requests.Response:
        if self._api_key:
            return self.session.get(self.base_url, params={**params, "apikey": self._api_key})
        if self.cache_path is not None:  # without a key, only the cache can answer
            # the cache keys the key as "apikey=REDACTED": any value finds the entry, none does not
            response = self.session.get(self.base_url, params={**params, "apikey": "unset"}, only_if_cached=True)
            if response.status_code != 504:  # only_if_cached's answer when nothing is stored
                return response
        raise MissingApiKey(
            "ETHERSCAN_API_KEY is not set: get a free key at etherscan.io/myapikey, or pass a .sol file "
            "(--source FILE.sol / DIR/ADDRESS)"
        )

    def _check(self, response, reply: dict, action: str, address: str, chain_id: int) -> dict:
        """Classify an API-level reply: OK (cached for good), not verified (cached for a day), or rejected
        (never cached)."""
        status = str(reply.get("status", ""))
        result = reply.get("result")
        text = result if isinstance(result, str) else ""
        if status == "1":
            unverified = (
                action == "getsourcecode" and isinstance(result, list) and result and isinstance(result[0], dict)
                and not str(result[0].get("SourceCode") or "").strip()
            )
            http.store(self.session, response, expire_after=self.unverified_ttl if unverified else None)
            return reply
        lowered = text.lower()
        if "not verified" in lowered:
            http.store(self.session, response, expire_after=self.unverified_ttl)
            raise UnverifiedContract(f"{address} on chain {chain_id} has no verified source code on Etherscan")
        if "invalid api key" in lowered or "missing/invalid api key" in lowered:
            raise EtherscanRejected("Etherscan rejected the API key (ETHERSCAN_API_KEY): invalid or missing")
        if "invalid address" in lowered:
            raise EtherscanRejected(f"Etherscan rejected the address {address}: {text}")
        if "chainid" in lowered:
            raise EtherscanRejected(f"Etherscan does not support chain id {chain_id}: {text}")
        detail = text or reply.get("message") or "no message"
        raise EtherscanError(f"Etherscan error for {action} {address} (chain {chain_id}): {' '.join(str(detail).split())}")


def _rate_limited(reply: dict) -> bool:
    result = reply.get("result")
    return isinstance(result, str) and "rate limit" in result.lower()


# ------------------------------------------------------------------------------------------ parsing
def bundle_from_etherscan(item: dict, address: str, chain_id: int = 1) -> SourceBundle:
    """A ``getsourcecode`` result item as a bundle (single file, ``{{standard json}}`` or a map)."""
    raw = str(item.get("SourceCode") or "")
    if not raw.strip():
        raise UnverifiedContract(f"{address} on chain {chain_id} has no verified source code on Etherscan")
    label = f"Etherscan source of {address}"
    bundle = bundle_from_source_text(raw, name=f"{address}.sol", address=address, chain_id=chain_id, label=label)
    bundle.origin = "etherscan"
    bundle.contract_name = str(item.get("ContractName") or "").strip() or None
    bundle.compiler_version = str(item.get("CompilerVersion") or "").strip() or None
    if bundle.optimizer_enabled is None and str(item.get("OptimizationUsed", "")).strip() in ("0", "1"):
        bundle.optimizer_enabled = str(item["OptimizationUsed"]).strip() == "1"
    if bundle.optimizer_runs is None:
        try:
            bundle.optimizer_runs = int(str(item.get("Runs") or "").strip())
        except ValueError:
            pass
    bundle.evm_version = bundle.evm_version or (str(item.get("EVMVersion") or "").strip() or None)
    bundle.license = str(item.get("LicenseType") or "").strip() or None
    abi = item.get("ABI")
    if isinstance(abi, str) and abi.strip().startswith("["):
        bundle.abi = abi
    return bundle


def _first_object(reply: dict, action: str, address: str) -> dict:
    """The first item of a reply whose ``result`` must be a list of objects."""
    result = reply.get("result")
    if not isinstance(result, list) or not result or not isinstance(result[0], dict):
        raise EtherscanError(f"malformed {action} reply for {address}: result is not a list of objects")
    return result[0]

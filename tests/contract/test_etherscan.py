"""The Etherscan v2 client against a local server that speaks the API (every reply kind)."""

from __future__ import annotations

import sqlite3

import pytest

from ico_lens.contract.etherscan import (
    EtherscanClient,
    EtherscanError,
    EtherscanRejected,
    EtherscanTimeout,
    MissingApiKey,
    RateLimited,
    UnverifiedContract,
)
from ico_lens.contract.source import BadAddress
from ico_lens.errors import InputError

from .fake_etherscan import (
    A_500,
    A_ALWAYS_500,
    A_IMPL,
    A_MALFORMED,
    A_MAP,
    A_PROXY,
    A_PROXY_UNVERIFIED_IMPL,
    A_RATE,
    A_SINGLE,
    A_SLOW,
    A_STDJSON,
    A_UNVERIFIED,
    FakeEtherscan,
)

pytestmark = pytest.mark.network

SECRET = "SECRETKEY123456789"


@pytest.fixture()
def server():
    with FakeEtherscan() as fake:
        yield fake


@pytest.fixture()
def client(server, tmp_path):
    sleeps: list[float] = []
    c = EtherscanClient(
        SECRET, base_url=server.url, cache_path=tmp_path / "cache" / "etherscan.sqlite",
        backoff=0.01, calls_per_second=1000, timeout=5, sleep=sleeps.append,
    )
    c.sleeps = sleeps  # type: ignore[attr-defined]
    return c


def test_single_file_source(client, server):
    bundle = client.fetch_bundle(A_SINGLE.upper().replace("0X", "0x"))
    assert bundle.origin == "etherscan"
    assert bundle.address == A_SINGLE
    assert list(bundle.sources) == [f"{A_SINGLE}.sol"]
    assert "contract DemoToken is Ownable" in bundle.text
    assert bundle.contract_name == "DemoToken"
    assert bundle.compiler_version == "v0.4.18+commit.9cf6e910"
    assert bundle.optimizer_enabled is True and bundle.optimizer_runs == 200
    assert bundle.license == "MIT" and bundle.abi.startswith("[")
    assert bundle.proxy is None and bundle.implementation is None
    query = server.requests[0]
    assert query["chainid"] == "1" and query["module"] == "contract" and query["action"] == "getsourcecode"
    assert query["apikey"] == SECRET


def test_standard_json_in_double_braces(client):
    bundle = client.fetch_bundle(A_STDJSON, chain_id=137)
    assert set(bundle.sources) == {"contracts/MultiToken.sol", "contracts/lib/Owned.sol"}
    assert bundle.chain_id == 137
    # settings of the standard JSON win over the top-level fields
    assert bundle.optimizer_runs == 999
    assert bundle.compiler_version.startswith("v0.8.30")


def test_file_map(client):
    bundle = client.fetch_bundle(A_MAP)
    assert set(bundle.sources) == {"MultiToken.sol", "Owned.sol"}
    assert "abstract contract Owned" in bundle.sources["Owned.sol"]


def test_unverified_contract(client):
    with pytest.raises(UnverifiedContract) as exc:
        client.fetch_bundle(A_UNVERIFIED)
    assert isinstance(exc.value, InputError)
    assert A_UNVERIFIED in str(exc.value) and "\n" not in str(exc.value)
    with pytest.raises(UnverifiedContract):
        client.get_abi(A_UNVERIFIED)


def test_proxy_fetches_the_implementation(client, server):
    bundle = client.fetch_bundle(A_PROXY)
    assert bundle.proxy == A_IMPL
    assert bundle.contract_name == "Proxy"
    assert bundle.implementation is not None
    assert bundle.implementation.address == A_IMPL
    assert bundle.implementation.contract_name == "DemoToken"
    assert any("proxy" in w for w in bundle.warnings)
    assert server.count(A_IMPL) == 1


def test_proxy_with_unverified_implementation(client):
    bundle = client.fetch_bundle(A_PROXY_UNVERIFIED_IMPL)
    assert bundle.proxy == A_UNVERIFIED and bundle.implementation is None
    assert any("not verified" in w for w in bundle.warnings)


def test_rate_limit_reply_is_retried_with_backoff(client, server):
    bundle = client.fetch_bundle(A_RATE)
    assert bundle.contract_name == "DemoToken"
    assert server.count(A_RATE) == 3  # two "Max rate limit reached" replies, then OK
    backoffs = [s for s in client.sleeps if s >= 0.01]
    assert backoffs[:2] == [0.01, 0.02]  # exponential


def test_http_500_is_retried(client, server):
    assert client.fetch_bundle(A_500).contract_name == "DemoToken"
    assert server.count(A_500) == 3


def test_persistent_5xx_gives_a_clear_error(server, tmp_path):
    c = EtherscanClient(SECRET, base_url=server.url, cache_path=tmp_path / "c.sqlite", max_retries=2,
                        backoff=0.01, calls_per_second=1000)
    with pytest.raises(EtherscanError) as exc:
        c.fetch_bundle(A_ALWAYS_500)
    assert "HTTP 503" in str(exc.value) and "3 tries" in str(exc.value)
    assert server.count(A_ALWAYS_500) == 3


def test_persistent_rate_limit(server, tmp_path):
    c = EtherscanClient(SECRET, base_url=server.url, cache_path=tmp_path / "c.sqlite", max_retries=1,
                        backoff=0.01, calls_per_second=1000, sleep=lambda s: None)
    with pytest.raises(RateLimited):
        c.fetch_bundle(A_RATE)


def test_malformed_reply(client):
    with pytest.raises(EtherscanError) as exc:
        client.fetch_bundle(A_MALFORMED)
    assert "not JSON" in str(exc.value)


def test_timeout(server, tmp_path):
    server.slow_seconds = 1.5
    c = EtherscanClient(SECRET, base_url=server.url, cache_path=tmp_path / "c.sqlite", timeout=0.3,
                        max_retries=1, backoff=0.01, calls_per_second=1000, sleep=lambda s: None)
    with pytest.raises(EtherscanTimeout) as exc:
        c.fetch_bundle(A_SLOW)
    assert "timed out" in str(exc.value)


def test_connection_refused(tmp_path):
    c = EtherscanClient(SECRET, base_url="http://127.0.0.1:9/v2/api", cache_path=tmp_path / "c.sqlite",
                        max_retries=1, backoff=0.01, calls_per_second=1000, sleep=lambda s: None, timeout=2)
    with pytest.raises(EtherscanError) as exc:
        c.fetch_bundle(A_SINGLE)
    assert "connection failed" in str(exc.value)


def test_cache_hit_makes_no_request(client, server):
    client.fetch_bundle(A_STDJSON)
    made = client.requests_made
    again = client.fetch_bundle(A_STDJSON)
    assert client.requests_made == made
    assert server.count(A_STDJSON) == 1
    assert set(again.sources) == {"contracts/MultiToken.sol", "contracts/lib/Owned.sol"}
    # a second client on the same file, without a key, is answered from the cache
    keyless = EtherscanClient("", base_url=server.url, cache_path=client.cache_path)
    assert keyless.fetch_bundle(A_STDJSON).contract_name == "MultiToken"
    with pytest.raises(MissingApiKey):
        keyless.fetch_bundle(A_SINGLE)


def test_api_key_never_in_cache_or_errors(client, server, caplog):
    caplog.set_level("DEBUG")
    for address in (A_SINGLE, A_PROXY, A_STDJSON, A_500):  # A_500: urllib3 logs its retries with the URL
        client.fetch_bundle(address)
    assert "apikey=***" in caplog.text and SECRET not in caplog.text
    with pytest.raises(UnverifiedContract) as exc:
        client.fetch_bundle(A_UNVERIFIED)
    assert SECRET not in str(exc.value) and SECRET not in repr(client)
    raw = client.cache_path.read_bytes()
    assert SECRET.encode() not in raw
    db = sqlite3.connect(client.cache_path)
    dump = "\n".join(db.iterdump())
    assert SECRET not in dump and "apikey=REDACTED" in dump  # the stored request says a key was sent, not which
    assert db.execute("select count(*) from responses").fetchone()[0] >= 4


def test_errors_are_never_cached(client, server):
    client.fetch_bundle(A_RATE)  # two rate-limit replies first: only the good one is kept
    with pytest.raises(EtherscanRejected):
        client.fetch_bundle(A_SINGLE, chain_id=999999)
    with pytest.raises(EtherscanError):
        client.fetch_bundle(A_MALFORMED)
    assert server.count(A_RATE) == 3
    client.fetch_bundle(A_RATE)
    assert server.count(A_RATE) == 3  # the OK reply is a cache hit
    with pytest.raises(EtherscanRejected):
        client.fetch_bundle(A_SINGLE, chain_id=999999)
    with pytest.raises(EtherscanError):
        client.fetch_bundle(A_MALFORMED)
    assert server.count(A_SINGLE) == 2 and server.count(A_MALFORMED) == 2  # asked again each time
    db = sqlite3.connect(client.cache_path)
    assert db.execute("select count(*) from responses").fetchone()[0] == 1


def test_unverified_replies_expire(server, tmp_path):
    import time

    c = EtherscanClient(SECRET, base_url=server.url, cache_path=tmp_path / "c.sqlite", calls_per_second=1000,
                        unverified_ttl=0.5)
    for _ in range(2):
        with pytest.raises(UnverifiedContract):
            c.fetch_bundle(A_UNVERIFIED)
    assert server.count(A_UNVERIFIED) == 1  # kept for a while ...
    time.sleep(0.6)
    with pytest.raises(UnverifiedContract):
        c.fetch_bundle(A_UNVERIFIED)
    assert server.count(A_UNVERIFIED) == 2  # ... then asked again: the contract may have been verified
    c.fetch_bundle(A_SINGLE)
    time.sleep(0.6)
    c.fetch_bundle(A_SINGLE)
    assert server.count(A_SINGLE) == 1  # verified sources do not expire


def test_rejections_are_bad_input(server, tmp_path):
    c = EtherscanClient("", base_url=server.url, use_cache=False)
    with pytest.raises(MissingApiKey):
        c.fetch_bundle(A_SINGLE)
    c = EtherscanClient(SECRET, base_url=server.url, use_cache=False, calls_per_second=1000)
    with pytest.raises(EtherscanRejected) as exc:
        c.fetch_bundle(A_SINGLE, chain_id=999999)
    assert "chain id 999999" in str(exc.value)
    with pytest.raises(BadAddress):
        c.fetch_bundle("0x1234")


def test_getabi(client):
    assert '"totalSupply"' in client.get_abi(A_SINGLE)


def test_throttle_waits_between_calls(server, tmp_path):
    waits: list[float] = []
    c = EtherscanClient(SECRET, base_url=server.url, use_cache=False, calls_per_second=5, sleep=waits.append)
    c.fetch_bundle(A_SINGLE)
    c.fetch_bundle(A_SINGLE)
    c.fetch_bundle(A_SINGLE)
    # the 2nd and 3rd calls come well within 0.2 s of the previous one: the client waits
    assert len([w for w in waits if 0 < w <= 0.2]) == 2


def test_contract_creation(client, server):
    creation = client.get_contract_creation(A_SINGLE)
    assert creation == {"creator": "0x" + "de" * 20, "tx_hash": "0x" + "ab" * 32, "block_number": 4500123}
    assert server.requests[-1]["contractaddresses"] == A_SINGLE
    with pytest.raises(EtherscanError):
        client.get_contract_creation(A_MAP)

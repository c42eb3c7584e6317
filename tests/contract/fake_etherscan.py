"""A local HTTP server on 127.0.0.1 that speaks Etherscan API v2's contract module.

Each address has a scenario: verified single file, ``{{standard json}}``, a file map, unverified,
proxy, rate limit for the first N calls, HTTP 500 for the first N calls, malformed reply, slow reply.
The server records every request's query so tests can check what the client sent.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN_SOL = """pragma solidity ^0.4.18;

contract Ownable {
    address public owner;
    function Ownable() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}

contract DemoToken is Ownable {
    string public name = "Demo";
    uint8 public decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) balances;
    event Transfer(address indexed from, address indexed to, uint256 value);
    function DemoToken() public { totalSupply = 1000 * 10**18; balances[msg.sender] = totalSupply; }
    function balanceOf(address who) public view returns (uint256) { return balances[who]; }
    function transfer(address to, uint256 value) public returns (bool) {
        require(value <= balances[msg.sender]);
        balances[msg.sender] -= value;
        balances[to] += value;
        Transfer(msg.sender, to, value);
        return true;
    }
    function mint(address to, uint256 amount) public onlyOwner {
        totalSupply += amount;
        balances[to] += amount;
        Transfer(address(0), to, amount);
    }
}
"""

LIB_SOL = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
abstract contract Owned { address public owner = msg.sender; modifier onlyOwner() { require(msg.sender == owner, "owner"); _; } }
"""

MAIN_SOL = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "./lib/Owned.sol";
contract MultiToken is Owned {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;
    function burn(uint256 amount) external { balanceOf[msg.sender] -= amount; totalSupply -= amount; }
}
"""

ABI = json.dumps([{"type": "function", "name": "totalSupply", "inputs": [], "outputs": [{"type": "uint256"}]}])

A_SINGLE = "0x" + "11" * 20
A_STDJSON = "0x" + "22" * 20
A_MAP = "0x" + "33" * 20
A_UNVERIFIED = "0x" + "44" * 20
A_PROXY = "0x" + "55" * 20
A_IMPL = "0x" + "66" * 20
A_RATE = "0x" + "77" * 20
A_500 = "0x" + "88" * 20
A_MALFORMED = "0x" + "99" * 20
A_SLOW = "0x" + "aa" * 20
A_ALWAYS_500 = "0x" + "bb" * 20
A_PROXY_UNVERIFIED_IMPL = "0x" + "cc" * 20


def _item(source: str, name: str, version: str = "v0.4.18+commit.9cf6e910", **extra) -> dict:
    item = {
        "SourceCode": source,
        "ABI": ABI,
        "ContractName": name,
        "CompilerVersion": version,
        "OptimizationUsed": "1",
        "Runs": "200",
        "ConstructorArguments": "",
        "EVMVersion": "Default",
        "Library": "",
        "LicenseType": "MIT",
        "Proxy": "0",
        "Implementation": "",
        "SwarmSource": "",
    }
    item.update(extra)
    return item


def _ok(result) -> dict:
    return {"status": "1", "message": "OK", "result": result}


def _notok(result: str) -> dict:
    return {"status": "0", "message": "NOTOK", "result": result}


STDJSON = {
    "language": "Solidity",
    "sources": {"contracts/MultiToken.sol": {"content": MAIN_SOL}, "contracts/lib/Owned.sol": {"content": LIB_SOL}},
    "settings": {"optimizer": {"enabled": True, "runs": 999}, "outputSelection": {"*": {"*": ["abi"]}}},
}
FILE_MAP = {"MultiToken.sol": {"content": MAIN_SOL.replace("./lib/Owned.sol", "./Owned.sol")}, "Owned.sol": {"content": LIB_SOL}}

PROXY_SOL = """pragma solidity ^0.4.24;
contract Proxy { address public implementation; function () payable external { address impl = implementation; assembly { let p := mload(0x40) calldatacopy(p, 0, calldatasize) let r := delegatecall(gas, impl, p, calldatasize, 0, 0) returndatacopy(p, 0, returndatasize) switch r case 0 { revert(p, returndatasize) } default { return(p, returndatasize) } } } }
"""


class FakeEtherscan:
    """Start with ``with FakeEtherscan() as server: server.url``."""

    def __init__(self, *, rate_limited_calls: int = 2, failing_calls: int = 2, slow_seconds: float = 2.0):
        self.requests: list[dict[str, str]] = []
        self.rate_limited_calls = rate_limited_calls
        self.failing_calls = failing_calls
        self.slow_seconds = slow_seconds
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v2/api"

    def __enter__(self) -> "FakeEtherscan":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def count(self, address: str, action: str = "getsourcecode") -> int:
        return sum(1 for q in self.requests if q.get("address") == address and q.get("action") == action)

    # ---------------------------------------------------------------------------------- replies
    def reply(self, query: dict[str, str]) -> tuple[int, bytes]:
        action = query.get("action")
        address = query.get("contractaddresses" if action == "getcontractcreation" else "address", "").lower()
        with self._lock:
            self.requests.append(dict(query))
            self._counts[address] = self._counts.get(address, 0) + 1
            n = self._counts[address]
        if query.get("module") != "contract" or query.get("chainid") not in ("1", "5", "137"):
            return 200, json.dumps(_notok("Missing or unsupported chainid parameter (required for v2 api)")).encode()
        if not query.get("apikey"):
            return 200, json.dumps(_notok("Missing/Invalid API Key")).encode()
        if len(address) != 42:
            return 200, json.dumps(_notok("Invalid Address format")).encode()
        if address == A_RATE and n <= self.rate_limited_calls:
            return 200, json.dumps(_notok("Max calls per sec rate limit reached (5/sec)")).encode()
        if address == A_500 and n <= self.failing_calls:
            return 500, b"<html>internal error</html>"
        if address == A_ALWAYS_500:
            return 503, b"unavailable"
        if address == A_MALFORMED:
            return 200, b"<html>Cloudflare says hi</html>"
        if address == A_SLOW:
            time.sleep(self.slow_seconds)
        if action == "getabi":
            if address == A_UNVERIFIED:
                return 200, json.dumps(_notok("Contract source code not verified")).encode()
            return 200, json.dumps(_ok(ABI)).encode()
        if action == "getcontractcreation":
            if address in (A_SINGLE, A_IMPL):
                return 200, json.dumps(_ok([{"contractAddress": address, "contractCreator": "0x" + "de" * 20,
                                              "txHash": "0x" + "ab" * 32, "blockNumber": "4500123"}])).encode()
            return 200, json.dumps(_notok("No data found")).encode()
        if action != "getsourcecode":
            return 200, json.dumps(_notok("Error! Missing Or invalid Action name")).encode()
        items = {
            A_SINGLE: _item(TOKEN_SOL, "DemoToken"),
            A_RATE: _item(TOKEN_SOL, "DemoToken"),
            A_500: _item(TOKEN_SOL, "DemoToken"),
            A_SLOW: _item(TOKEN_SOL, "DemoToken"),
            A_STDJSON: _item("{" + json.dumps(STDJSON) + "}", "MultiToken", "v0.8.30+commit.73712a01"),
            A_MAP: _item(json.dumps(FILE_MAP), "MultiToken", "v0.8.30+commit.73712a01"),
            A_PROXY: _item(PROXY_SOL, "Proxy", "v0.4.24+commit.e67f0147", Proxy="1", Implementation=A_IMPL),
            A_PROXY_UNVERIFIED_IMPL: _item(PROXY_SOL, "Proxy", "v0.4.24+commit.e67f0147", Proxy="1", Implementation=A_UNVERIFIED),
            A_IMPL: _item(TOKEN_SOL, "DemoToken"),
        }
        item = items.get(address)
        if item is None:  # unverified (or an EOA): Etherscan answers OK with an empty SourceCode
            item = _item("", "", "", ABI="Contract source code not verified", OptimizationUsed="", Runs="", LicenseType="")
        return 200, json.dumps(_ok([item])).encode()

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server API
                parsed = urllib.parse.urlparse(self.path)
                query = {k: v[-1] for k, v in urllib.parse.parse_qs(parsed.query).items()}
                status, body = fake.reply(query)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):  # keep test output clean
                pass

        return Handler

"""The warm compiler: launchers hand --standard-json compiles to a long-lived solc-js server per
version (solcjs/solc_server.js). Real compilers (solc-js 0.4.24, 0.5.17) and real launchers, each test
with its own run folder; every server a test starts is stopped at its end."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from ico_lens.contract import solc

TOKEN = """pragma solidity ^0.4.24;
import "./Ownable.sol";

contract Token is Ownable {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;
    bool public mintingFinished;

    function mint(address to, uint256 amount) public onlyOwner returns (bool) {
        require(!mintingFinished);
        totalSupply += amount;
        balanceOf[to] += amount;
        return true;
    }

    function transfer(address to, uint256 value) public returns (bool) {
        require(balanceOf[msg.sender] >= value);
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        return true;
    }
}
"""
OWNABLE = """pragma solidity ^0.4.24;

contract Ownable {
    address public owner;
    constructor() public { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
}
"""


def _compiler(version: str) -> solc.Compiler:
    if solc.parse_version(version) not in solc.solcjs_versions():
        pytest.skip(f"solc-js {version} not installed (run make setup)")
    return solc.compiler_for(version, prefer_native=False)


@pytest.fixture
def warm(monkeypatch):
    """A private run folder (short: socket paths are limited), no output cache; stops its servers."""
    run = Path(tempfile.mkdtemp(prefix="icl-run-", dir="/tmp"))
    monkeypatch.setenv("ICO_LENS_SOLC_RUN_DIR", str(run))
    monkeypatch.setenv("ICO_LENS_SOLC_CACHE", "off")  # a cached output would hide the compiler
    monkeypatch.delenv("ICO_LENS_SOLC_WARM", raising=False)
    monkeypatch.delenv("ICO_LENS_SOLC_IDLE", raising=False)
    monkeypatch.delenv("ICO_LENS_SOLC_MAX_MB", raising=False)
    yield run
    pids = list(solc.warm_servers().values())
    solc.stop_warm_servers()
    for pid in pids:
        _wait_dead(pid)
    shutil.rmtree(run, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie (killed, not yet reaped by init) counts as dead
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _wait_dead(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def _sources(folder: Path, body: str = "") -> dict:
    """TOKEN and its import on disk; the request names TOKEN by path, as crytic-compile does."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Token.sol").write_text(TOKEN.replace("return true;\n    }\n}", f"return true;\n    }}\n{body}}}"))
    (folder / "Ownable.sol").write_text(OWNABLE)
    request = solc.standard_json_request({}, outputs=["abi", "evm.bytecode", "evm.deployedBytecode"])
    request["sources"] = {"Token.sol": {"urls": ["Token.sol"]}}
    return request


def _run(compiler: solc.Compiler, request: dict, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """The launcher as crytic-compile runs it."""
    return subprocess.run(
        [str(compiler.path), "--standard-json", "--allow-paths", str(cwd)],
        input=json.dumps(request), capture_output=True, text=True, cwd=cwd, timeout=180,
        env=dict(os.environ, **env),
    )


def _server_pid(version: str) -> int | None:
    pids = [pid for name, pid in solc.warm_servers().items() if name.startswith(f"solc-{version}-")]
    assert len(pids) <= 1, pids
    return pids[0] if pids else None


def _contracts(output: dict) -> dict:
    return {c: sorted(v) for c, v in output["contracts"].items()}


@pytest.mark.parametrize("version", ["0.4.24", "0.5.17"])
def test_warm_output_is_the_cold_output(warm, tmp_path, version):
    compiler = _compiler(version)
    request = _sources(tmp_path / "src")
    if version.startswith("0.5"):
        for name in ("Token.sol", "Ownable.sol"):
            path = tmp_path / "src" / name
            path.write_text(path.read_text().replace("^0.4.24", "^0.5.0"))
    cold = _run(compiler, request, tmp_path / "src", ICO_LENS_SOLC_WARM="0")
    assert cold.returncode == 0, cold.stderr
    assert _server_pid(version) is None  # the one-shot path starts no server
    warm_out = _run(compiler, request, tmp_path / "src")
    assert warm_out.returncode == 0, warm_out.stderr
    assert _server_pid(version) is not None
    assert json.loads(warm_out.stdout) == json.loads(cold.stdout)  # the same standard JSON
    out = json.loads(warm_out.stdout)
    assert not [e for e in out.get("errors", []) if e["severity"] == "error"], out["errors"]
    assert _contracts(out) == {"Ownable.sol": ["Ownable"], "Token.sol": ["Token"]}  # the import came from disk


def test_second_compile_reuses_the_server(warm, tmp_path):
    compiler = _compiler("0.4.24")
    request = _sources(tmp_path / "src")
    first = _run(compiler, request, tmp_path / "src")
    pid = _server_pid("0.4.24")
    assert first.returncode == 0 and pid is not None
    other = _sources(tmp_path / "other", body="    function burn(uint256 v) public { totalSupply -= v; }\n")
    second = _run(compiler, other, tmp_path / "other")
    assert second.returncode == 0, second.stderr
    assert _server_pid("0.4.24") == pid  # served by the same process: solc-js was not loaded again
    abi = json.loads(second.stdout)["contracts"]["Token.sol"]["Token"]["abi"]
    assert "burn" in {item.get("name") for item in abi}  # and it compiled the new request


def test_killed_server_is_restarted_transparently(warm, tmp_path):
    compiler = _compiler("0.4.24")
    request = _sources(tmp_path / "src")
    expected = json.loads(_run(compiler, request, tmp_path / "src").stdout)
    pid = _server_pid("0.4.24")
    os.kill(pid, signal.SIGKILL)
    assert _wait_dead(pid)
    again = _run(compiler, request, tmp_path / "src")  # its socket file is left behind, stale
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == expected
    new = _server_pid("0.4.24")
    assert new is not None and new != pid


def test_timeout_kills_the_busy_server_and_the_next_compile_works(warm, tmp_path):
    compiler = _compiler("0.4.24")
    many = "".join(f"    function f{i}(uint256 v) public returns (uint256) {{ return v * {i} + totalSupply; }}\n" for i in range(400))
    slow = _sources(tmp_path / "slow", body=many)
    assert _run(compiler, _sources(tmp_path / "src"), tmp_path / "src").returncode == 0  # the server is up
    pid = _server_pid("0.4.24")
    with pytest.raises(solc.CompileTimeout):
        solc.compile_standard(slow, compiler, cwd=tmp_path / "slow", timeout=0.2)
    assert _wait_dead(pid)  # the busy server was killed, not left compiling
    proc = _run(compiler, slow, tmp_path / "slow", ICO_LENS_SOLC_TIMEOUT="0.2")
    assert proc.returncode == 124 and "solc timed out after 0.2 s" in proc.stderr  # today's message
    out = solc.compile_standard(_sources(tmp_path / "src"), compiler, cwd=tmp_path / "src")
    assert "Token" in out["contracts"]["Token.sol"]


def test_two_processes_at_once_share_one_new_server(warm, tmp_path):
    compiler = _compiler("0.4.24")
    requests = [
        (_sources(tmp_path / f"w{i}", body=f"    function only{i}() public {{}}\n"), tmp_path / f"w{i}") for i in range(2)
    ]
    procs = [
        subprocess.Popen([str(compiler.path), "--standard-json", "--allow-paths", str(cwd)], cwd=cwd,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _, cwd in requests
    ]
    results = [p.communicate(json.dumps(r), timeout=180) for p, (r, _) in zip(procs, requests)]
    for i, (p, (stdout, stderr)) in enumerate(zip(procs, results)):
        assert p.returncode == 0, stderr
        abi = json.loads(stdout)["contracts"]["Token.sol"]["Token"]["abi"]
        assert f"only{i}" in {item.get("name") for item in abi} and f"only{1 - i}" not in {item.get("name") for item in abi}
    assert _server_pid("0.4.24") is not None
    [log] = warm.glob("solc-0.4.24-*.log")
    assert log.read_text().count("ready") == 1  # one server was started, not one per worker


def test_idle_server_exits_by_itself(warm, tmp_path, monkeypatch):
    monkeypatch.setenv("ICO_LENS_SOLC_IDLE", "1")
    compiler = _compiler("0.4.24")
    assert _run(compiler, _sources(tmp_path / "src"), tmp_path / "src").returncode == 0
    pid = _server_pid("0.4.24")
    assert pid is not None
    assert _wait_dead(pid, seconds=15)
    assert not list(warm.glob("*.sock")) and not list(warm.glob("*.pid"))  # it cleaned up after itself


def test_memory_bound_recycles_the_server(warm, tmp_path, monkeypatch):
    # a bound below what a loaded compiler occupies: each server exits after its compile
    monkeypatch.setenv("ICO_LENS_SOLC_MAX_MB", "64")
    compiler = _compiler("0.4.24")
    request = _sources(tmp_path / "src")
    first = _run(compiler, request, tmp_path / "src")
    assert first.returncode == 0, first.stderr
    [log] = warm.glob("solc-0.4.24-*.log")
    second = _run(compiler, request, tmp_path / "src")
    assert second.returncode == 0 and json.loads(second.stdout) == json.loads(first.stdout)
    assert log.read_text().count("ready") == 2  # a fresh server for the next request
    assert "memory" in log.read_text()


def test_warm_off_uses_the_one_shot_path(warm, tmp_path, monkeypatch):
    monkeypatch.setenv("ICO_LENS_SOLC_WARM", "0")
    compiler = _compiler("0.4.24")
    out = solc.compile_standard(_sources(tmp_path / "src"), compiler, cwd=tmp_path / "src")
    assert "Token" in out["contracts"]["Token.sol"]
    assert solc.warm_servers() == {} and not list(warm.iterdir())  # no server, no socket
    version = subprocess.run([str(compiler.path), "--version"], capture_output=True, text=True, timeout=30)
    assert "Version: 0.4.24+commit." in version.stdout
    assert not list(warm.iterdir())  # --version is answered without node, warm or not


def test_two_versions_at_once_get_a_server_each(warm, tmp_path):
    compilers = [_compiler("0.4.24"), _compiler("0.5.17")]
    folders = [tmp_path / "v4", tmp_path / "v5"]
    requests = [_sources(folder) for folder in folders]
    for name in ("Token.sol", "Ownable.sol"):  # the 0.5 copy
        path = folders[1] / name
        path.write_text(path.read_text().replace("^0.4.24", "^0.5.0"))
    procs = [
        subprocess.Popen([str(c.path), "--standard-json", "--allow-paths", str(cwd)], cwd=cwd,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c, cwd in zip(compilers, folders)
    ]
    outputs = [p.communicate(json.dumps(r), timeout=180) for p, r in zip(procs, requests)]
    for p, (stdout, stderr), version in zip(procs, outputs, ["0.4.24", "0.5.17"]):
        assert p.returncode == 0, stderr
        out = json.loads(stdout)
        assert "Token" in out["contracts"]["Token.sol"]
        # each pragma only accepts its own compiler: a source sent to the wrong server would fail
        assert not [e for e in out.get("errors", []) if e["severity"] == "error"], (version, out["errors"])
    assert _server_pid("0.4.24") and _server_pid("0.5.17") and _server_pid("0.4.24") != _server_pid("0.5.17")


def _cpu_ticks(pid: int) -> int:
    """CPU time (user + system, clock ticks) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _client_connections(pid: int) -> int:
    """Sockets a server holds besides its listening one: the connections of clients it serves."""
    sockets = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            sockets += os.readlink(fd).startswith("socket:")
        except OSError:
            pass
    return sockets - 1


def test_server_killed_mid_compile_the_compile_still_returns_its_output(warm, tmp_path):
    compiler = _compiler("0.4.24")
    many = "".join(f"    function f{i}(uint256 v) public returns (uint256) {{ return v * {i} + totalSupply; }}\n" for i in range(1500))
    slow = _sources(tmp_path / "slow", body=many)  # about 2 s of compiler CPU on a warm server
    expected = _run(compiler, slow, tmp_path / "slow", ICO_LENS_SOLC_WARM="0")
    assert expected.returncode == 0, expected.stderr
    assert _run(compiler, _sources(tmp_path / "src"), tmp_path / "src").returncode == 0  # the server is up, idle
    pid = _server_pid("0.4.24")
    idle = _cpu_ticks(pid)
    proc = subprocess.Popen([str(compiler.path), "--standard-json", "--allow-paths", str(tmp_path / "slow")],
                            cwd=tmp_path / "slow", stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    result: dict = {}
    reader = threading.Thread(target=lambda: result.update(zip(("stdout", "stderr"), proc.communicate(json.dumps(slow)))))
    reader.start()
    # wait until the server is compiling this request: it holds the client's connection and burns CPU
    ticks = os.sysconf("SC_CLK_TCK")
    while proc.poll() is None and not (_client_connections(pid) >= 1 and _cpu_ticks(pid) - idle > 0.3 * ticks):
        time.sleep(0.01)
    assert proc.poll() is None, "the compile ended before the server could be killed"
    os.kill(pid, signal.SIGKILL)  # a crash (or the OOM killer) in the middle of the compile
    reader.join(timeout=300)
    assert proc.returncode == 0, result.get("stderr")
    assert json.loads(result["stdout"]) == json.loads(expected.stdout)  # compiled one-shot instead, same output
    assert _wait_dead(pid)
    after = _run(compiler, _sources(tmp_path / "src"), tmp_path / "src")  # and the next compile is warm again
    assert after.returncode == 0, after.stderr
    assert _server_pid("0.4.24") not in (None, pid)

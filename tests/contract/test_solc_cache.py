"""The solc-js output cache of ``solcjs/solc_wrapper.js``: hit, miss, corrupt entry, concurrent
writers and the size bound, on a real compiler (solc-js 0.4.24) in a temporary cache directory."""

from __future__ import annotations

import gzip
import json
import os
import subprocess

import pytest

from ico_lens.contract import solc

VERSION = (0, 4, 24)


def _request(body: str) -> str:
    source = f"pragma solidity ^0.4.24; contract A {{ uint x; function f() public {{ {body} }} }}"
    return json.dumps({
        "language": "Solidity",
        "sources": {"a.sol": {"content": source}},
        "settings": {"outputSelection": {"*": {"": ["ast"]}}},
    })


@pytest.fixture
def compile_with_cache(tmp_path):
    """``compile_with_cache(request, **env)`` runs the wrapper with the cache in ``tmp_path/cache``."""
    package = solc.solcjs_versions().get(VERSION)
    if package is None:
        pytest.skip("solc-js 0.4.24 is not installed (make setup)")
    node = solc._node_executable()
    cache = tmp_path / "cache"

    def start(request: str, **env: str) -> subprocess.Popen:
        environment = dict(os.environ, ICO_LENS_SOLC_CACHE=str(cache), **env)
        command = [node, str(solc._WRAPPER_JS), "--solc-dir", str(package), "--standard-json"]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment, text=True)
        process.stdin.write(request)
        process.stdin.close()
        return process

    def run(request: str, **env: str) -> dict:
        process = start(request, **env)
        output = process.stdout.read()
        assert process.wait(timeout=120) == 0
        return json.loads(output)

    run.start = start
    run.cache = cache
    return run


def _entries(cache) -> list:
    return sorted(cache.rglob("*.json.gz"))


def test_miss_writes_an_entry_and_hit_serves_it(compile_with_cache):
    first = compile_with_cache(_request("x = 1;"))
    assert "A" in json.dumps(first["sources"]["a.sol"]["ast"])
    [entry] = _entries(compile_with_cache.cache)
    # a hit is served from the entry, not compiled: a marker written into it comes back
    entry.write_bytes(gzip.compress(json.dumps({"served": "from cache"}).encode()))
    assert compile_with_cache(_request("x = 1;")) == {"served": "from cache"}
    assert compile_with_cache(_request("x = 2;")) != {"served": "from cache"}  # another request misses
    assert len(_entries(compile_with_cache.cache)) == 2


@pytest.mark.parametrize("damage", [b"not gzip at all", gzip.compress(b'{"truncated": ')], ids=["not-gzip", "truncated-json"])
def test_corrupt_entry_is_ignored_and_rebuilt(compile_with_cache, damage):
    good = compile_with_cache(_request("x = 3;"))
    [entry] = _entries(compile_with_cache.cache)
    entry.write_bytes(damage)
    assert compile_with_cache(_request("x = 3;")) == good
    assert json.loads(gzip.decompress(entry.read_bytes())) == good  # rewritten whole


def test_concurrent_writers_leave_one_whole_entry(compile_with_cache):
    request = _request("x = 4;")
    processes = [compile_with_cache.start(request) for _ in range(3)]
    outputs = [p.stdout.read() for p in processes]
    assert [p.wait(timeout=120) for p in processes] == [0, 0, 0]
    assert len({o for o in outputs}) == 1 and "sources" in json.loads(outputs[0])
    [entry] = _entries(compile_with_cache.cache)
    assert json.loads(gzip.decompress(entry.read_bytes())) == json.loads(outputs[0])
    assert not [p for p in compile_with_cache.cache.rglob("*") if ".tmp" in p.name]


def test_size_bound_removes_least_recently_used_entries(compile_with_cache):
    compile_with_cache(_request("x = 5;"))
    [older] = _entries(compile_with_cache.cache)
    # a bound of one entry's size: writing a second entry removes the older one
    limit_mb = older.stat().st_size * 1.5 / (1024 * 1024)
    compile_with_cache(_request("x = 6;"), ICO_LENS_SOLC_CACHE_MAX_MB=f"{limit_mb:.6f}")
    entries = _entries(compile_with_cache.cache)
    assert len(entries) == 1 and entries[0] != older


@pytest.fixture
def warm_launcher(tmp_path, monkeypatch):
    """The 0.4.24 launcher on its warm path, servers in a private run folder (stopped at the end)."""
    import shutil
    import tempfile

    if solc.solcjs_versions().get(VERSION) is None:
        pytest.skip("solc-js 0.4.24 is not installed (make setup)")
    run_dir = tempfile.mkdtemp(prefix="icl-cache-run-", dir="/tmp")  # short: socket paths are limited
    monkeypatch.setenv("ICO_LENS_SOLC_RUN_DIR", run_dir)
    monkeypatch.delenv("ICO_LENS_SOLC_WARM", raising=False)
    compiler = solc.compiler_for(VERSION, prefer_native=False)

    def run(request: str, cache: str) -> dict:
        proc = subprocess.run([str(compiler.path), "--standard-json"], input=request, capture_output=True, text=True,
                              cwd=tmp_path, timeout=180, env=dict(os.environ, ICO_LENS_SOLC_CACHE=cache))
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    yield run
    solc.stop_warm_servers()
    shutil.rmtree(run_dir, ignore_errors=True)


def test_warm_server_honours_each_clients_cache(warm_launcher, tmp_path):
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    request = _request("x = 7;")
    compiled = warm_launcher(request, str(mine))  # a miss: compiled by the server, stored in my cache
    [server] = solc.warm_servers().values()
    [entry] = _entries(mine)
    entry.write_bytes(gzip.compress(json.dumps({"served": "from cache"}).encode()))
    assert warm_launcher(request, str(mine)) == {"served": "from cache"}  # a hit, answered by the server
    assert warm_launcher(request, str(theirs)) == compiled  # another client's cache: a miss there
    assert len(_entries(theirs)) == 1
    assert warm_launcher(request, "off") == compiled  # cache off: compiled, nothing stored
    assert len(_entries(mine)) == 1 and len(_entries(theirs)) == 1
    assert list(solc.warm_servers().values()) == [server]  # every request went to the same warm server

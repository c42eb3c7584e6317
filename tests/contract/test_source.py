"""Offline sources: FILE.sol, standard-JSON files, DIR/<address>.sol."""

from __future__ import annotations

import json

import pytest

from ico_lens.contract.solc import NotSolidity
from ico_lens.contract.source import (
    BadAddress,
    bundle_from_standard_json,
    check_address,
    iter_directory,
    load_from_directory,
    load_source_file,
)
from ico_lens.errors import EmptyFile, InputError, NotFound

from .fake_etherscan import FILE_MAP, STDJSON, TOKEN_SOL

ADDRESS = "0x" + "Ab" * 20


def test_file_with_address_name(tmp_path):
    path = tmp_path / f"{ADDRESS}.sol"
    path.write_text("\ufeff" + TOKEN_SOL)
    bundle = load_source_file(path)
    assert bundle.address == ADDRESS.lower() and bundle.origin == "file"
    assert bundle.sources == {path.name: TOKEN_SOL}  # BOM dropped
    assert bundle.label == ADDRESS.lower() and bundle.compiler_version is None


def test_directory_lookup_is_case_insensitive(tmp_path):
    (tmp_path / f"{ADDRESS}.sol").write_text(TOKEN_SOL)
    (tmp_path / "README.md").write_text("not a source")
    bundle = load_from_directory(tmp_path, ADDRESS.lower())
    assert bundle.origin == "directory" and bundle.address == ADDRESS.lower()
    assert [b.address for b in iter_directory(tmp_path)] == [ADDRESS.lower()]
    with pytest.raises(NotFound):
        load_from_directory(tmp_path, "0x" + "00" * 20)


def test_standard_json_and_file_map(tmp_path):
    path = tmp_path / "input.json"
    path.write_text(json.dumps(STDJSON))
    bundle = load_source_file(path)
    assert set(bundle.sources) == {"contracts/MultiToken.sol", "contracts/lib/Owned.sol"}
    assert bundle.optimizer_enabled is True and bundle.optimizer_runs == 999
    assert set(bundle_from_standard_json(json.dumps(FILE_MAP)).sources) == {"MultiToken.sol", "Owned.sol"}
    with pytest.raises(InputError):
        bundle_from_standard_json('{"sources": {}}')


@pytest.mark.parametrize(
    "content, error",
    [
        (b"", EmptyFile),
        (b"\x00\x01\x02binary", NotSolidity),
        (b"// contract A {}\n/* contract B {} */\n", NotSolidity),
        (b"just words about a contract with nothing else", NotSolidity),
    ],
)
def test_bad_files(tmp_path, content, error):
    path = tmp_path / "x.sol"
    path.write_bytes(content)
    with pytest.raises(error) as exc:
        load_source_file(path)
    assert str(path) in str(exc.value)


def test_missing_file_and_addresses(tmp_path):
    with pytest.raises(NotFound):
        load_source_file(tmp_path / "nope.sol")
    assert check_address(" " + ADDRESS + " ") == ADDRESS.lower()
    for bad in ("0x123", "0x" + "g" * 40, ADDRESS + "00", "ab" * 20):
        with pytest.raises(BadAddress):
            check_address(bad)


def test_sol_file_holding_an_etherscan_file_map(tmp_path):
    """Some saved Etherscan sources are the multi-file JSON map itself, under a .sol name."""
    path = tmp_path / f"{ADDRESS}.sol"
    path.write_text(json.dumps(FILE_MAP))
    bundle = load_source_file(path)
    assert set(bundle.sources) == {"MultiToken.sol", "Owned.sol"}
    assert bundle.address == ADDRESS.lower() and bundle.path == str(path)
    path.write_text("{" + json.dumps(STDJSON) + "}")
    assert set(load_source_file(path).sources) == {"contracts/MultiToken.sol", "contracts/lib/Owned.sol"}

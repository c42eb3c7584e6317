"""Benchmark: code facts over real verified token sources (compile + Slither + every detector),
against the peer: plain ``slither FILE`` per file with the same compiler.

    .venv/bin/python bench/contracts.py [--limit N] [--jobs 2] [--cache] [--dir DIR] [--no-peer]

Default sources: ../shared/tokens (250 Etherscan-verified ERC-20-like tokens, pragma 0.4.4-0.5.x).
One run measures three paths on every source, back to back in the same worker (same code, same
load on the machine), the solc output cache off:

- cold: ours with ``ICO_LENS_SOLC_WARM=0`` (node loads solc-js for every compile);
- warm: ours by default (one long-lived solc-js server per version, started by the first compile
  that needs it);
- peer: ``slither FILE --solc LAUNCHER`` (the Slither CLI, its own compile and its 100 detectors),
  LAUNCHER being our solc-js launcher of the version ours compiles with (one-shot solc-js through its
  ``--combined-json`` adapter: the same compiler, run the way a user of Slither would).

For each: the share analysed (target >= 98%), median and p95 seconds per contract, ours split into
solc (the compile, as crytic-compile sees it), Slither (parse, SlithIR) and detectors; peak memory;
how often each fact fires; failures with their reason. Then side by side, the ratio peer / ours
(target >= 3x), the number of contracts whose facts differ cold vs warm (target 0), and where the
time of the slowest 10% of warm contracts goes. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))


def _timed_solc() -> list[float]:
    """Time every solc run crytic-compile makes in this worker (a compile, fall-backs included)."""
    from crytic_compile.platform import solc_standard_json as sj

    spans: list[float] = []
    run = getattr(sj.run_solc_standard_json, "_bench_original", sj.run_solc_standard_json)

    def timed(*args, **kwargs):
        t = time.monotonic()
        try:
            return run(*args, **kwargs)
        finally:
            spans.append(time.monotonic() - t)

    timed._bench_original = run
    sj.run_solc_standard_json = timed
    return spans


def analyse(path: str) -> dict:
    """Compile and derive the facts of one source; timings and peak memory of this worker."""
    import logging

    logging.disable(logging.CRITICAL)
    from ico_lens.contract.engine import load
    from ico_lens.contract.facts import BOOLEAN_FACTS, derive_facts
    from ico_lens.contract.source import load_source_file
    from ico_lens.errors import IcoLensError

    out: dict = {"name": Path(path).name}
    spans = _timed_solc()
    t0 = time.monotonic()
    try:
        bundle = load_source_file(path)
        loaded = load(bundle)
    except IcoLensError as exc:
        out["error"] = f"compile: {exc.code}: {exc.message}"
        return out
    except Exception as exc:  # noqa: BLE001 - a bug: count it, keep going
        out["error"] = f"compile: {type(exc).__name__}: {exc}"
        return out
    t1 = time.monotonic()
    try:
        facts = derive_facts(loaded.slither, bundle)
    except Exception as exc:  # noqa: BLE001
        out["error"] = f"facts: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return out
    t2 = time.monotonic()
    out.update(
        total_s=t2 - t0,
        solc_s=sum(spans),
        attempts=len(spans),
        slither_s=(t1 - t0) - sum(spans),
        facts_s=t2 - t1,
        version=loaded.solc_version,
        retried=[w for w in loaded.warnings if "trying another version" in w],
        size_kb=sum(len(t) for t in bundle.sources.values()) / 1024,
        token=facts.token_contract,
        facts={name: getattr(facts, name) for name in BOOLEAN_FACTS},
        rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        child_rss_mb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    )
    return out


#: the Slither CLI of this environment (the peer)
SLITHER_CLI = Path(sys.executable).with_name("slither")
PEER_TIMEOUT_S = 600
TIME_CMD = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def peer(path: str) -> dict:
    """``slither FILE --solc LAUNCHER`` on one source, LAUNCHER being the solc-js of the version ours
    picks first. Success means Slither wrote its JSON report with ``success: true``."""
    from ico_lens.contract import solc
    from ico_lens.contract.source import load_source_file

    out: dict = {"name": Path(path).name}
    try:
        bundle = load_source_file(path)
        choice = solc.choose_version(bundle.sources, bundle.compiler_version)
        compiler = solc.compiler_for(choice.version)
    except Exception as exc:  # noqa: BLE001 - no compiler for it: the peer cannot run either
        out["error"] = f"peer: no compiler: {exc}"
        return out
    with tempfile.TemporaryDirectory(prefix="icl-bench-peer-") as tmp:  # Slither writes crytic-export/ in its cwd
        report = Path(tmp) / "report.json"
        cmd = [str(SLITHER_CLI), str(Path(path).resolve()), "--solc", str(compiler.path),
               "--json", str(report), "--disable-color", "--fail-none"]
        # a child forked from this worker starts with the worker's resident memory counted in its
        # peak: /usr/bin/time (exec'd fresh, small) reports the peer's own peak instead
        peak_file = Path(tmp) / "peak_kb"
        if TIME_CMD:
            cmd = [TIME_CMD, "-f", "%M", "-o", str(peak_file), *cmd]
        with open(Path(tmp) / "log.txt", "wb") as log:
            t0 = time.monotonic()
            proc = subprocess.Popen(cmd, cwd=tmp, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
            killer = threading.Timer(PEER_TIMEOUT_S, lambda: os.killpg(proc.pid, 9))  # Slither and its solc
            killer.start()
            _, status, usage = os.wait4(proc.pid, 0)  # the peer's own peak memory (and its compiler's)
            killer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.monotonic() - t0
        try:
            success = json.loads(report.read_text()).get("success") is True
        except (OSError, ValueError):
            success = False
        if not success:
            lines = [line for line in (Path(tmp) / "log.txt").read_text(errors="replace").splitlines() if line.strip()]
            why = next((line for line in lines if "Error" in line or "rror:" in line), lines[-1] if lines else "no output")
            out["error"] = f"peer: exit {proc.returncode}: {' '.join(why.split())[:200]}"
            out["seconds_failed"] = seconds
            return out
        try:
            peak_kb = float(peak_file.read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            peak_kb = usage.ru_maxrss  # an upper bound (includes this worker's memory at the fork)
    out.update(total_s=seconds, rss_mb=peak_kb / 1024, version=compiler.version_text)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


MODES = ("cold", "warm", "peer")


def analyse_all(path: str, with_peer: bool = True) -> dict:
    """One source cold (``ICO_LENS_SOLC_WARM=0``), warm, then by the peer, in the same worker, back
    to back: all see the same code and the same load on the machine (figures are per contract)."""
    out = {}
    for mode in ("cold", "warm"):
        os.environ["ICO_LENS_SOLC_WARM"] = "1" if mode == "warm" else "0"  # the launcher reads it
        out[mode] = analyse(path)
    out["peer"] = peer(path) if with_peer else {"name": Path(path).name, "error": "peer: not run (--no-peer)"}
    return out


def _server_peak_mb() -> float:
    """The largest peak resident memory (VmHWM) among this run's warm servers, MB."""
    from ico_lens.contract import solc

    peak = 0.0
    for pid in solc.warm_servers().values():
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        except OSError:
            pass
    return peak


def run(files: list[Path], jobs: int, with_peer: bool) -> tuple[dict[str, list[dict]], float, float]:
    """Analyse every file cold, warm and by the peer in ``jobs`` worker processes.

    The warm servers of this run live in a folder of their own: the first warm compile of each
    version starts one (its start-up is part of that contract's time, as in a batch), and they are
    stopped when the run ends (their peak memory is read just before)."""
    from functools import partial

    from ico_lens.contract import solc

    run_dir = tempfile.mkdtemp(prefix="icl-bench-run-", dir="/tmp")
    os.environ["ICO_LENS_SOLC_RUN_DIR"] = run_dir
    os.environ["ICO_LENS_SOLC_IDLE"] = "3600"  # a server must not exit between two contracts of the run
    started = time.monotonic()
    server_mb = 0.0
    try:
        with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
            triples = []
            for triple in pool.map(partial(analyse_all, with_peer=with_peer), [str(f) for f in files]):
                triples.append(triple)
                if len(triples) % 25 == 0:  # progress, on stderr
                    print(f"  {len(triples)}/{len(files)} done, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    finally:
        wall = time.monotonic() - started
        server_mb = _server_peak_mb()
        solc.stop_warm_servers()
        shutil.rmtree(run_dir, ignore_errors=True)
    return {mode: [t[mode] for t in triples] for mode in MODES}, wall, server_mb


def summarise(label: str, results: list[dict]) -> None:
    ok = [r for r in results if "error" not in r]
    failures = [r for r in results if "error" in r]
    n = len(results)
    print(f"== {label}")
    print(f"analysed: {len(ok)}/{n} = {100.0 * len(ok) / max(n, 1):.1f}% (target >= 98%)")
    if ok:
        total = [r["total_s"] for r in ok]
        print(f"seconds per contract: median {statistics.median(total):.2f}, p95 {p95(total):.2f}, max {max(total):.2f}")
    if ok and "solc_s" in ok[0]:
        for key, what in (("solc_s", "solc (compile, all attempts)"), ("slither_s", "Slither (parse, SlithIR)"),
                          ("facts_s", "detectors (derive_facts)")):
            values = [r[key] for r in ok]
            print(f"  {what:30s} median {statistics.median(values):.2f}, p95 {p95(values):.2f}, max {max(values):.2f}")
        retried = [r for r in ok if r["attempts"] > 1]
        print(f"  compiled after a failed attempt: {len(retried)}; why the first version failed (most common):")
        reasons = Counter(re.sub(r"\S+\.sol:\d+:\d+: |\(\+\d+ more\)", "", r["retried"][0])[:110] for r in retried if r.get("retried"))
        for reason, count in reasons.most_common(5):
            print(f"    {count:3d}  {reason}")
        print(f"peak memory: worker (Slither + detectors) {max(r['rss_mb'] for r in ok):.0f} MB, its child processes (one-shot compilers, and the peer when it runs; an upper bound: a forked child counts the worker's memory)"
              f" {max(r['child_rss_mb'] for r in ok):.0f} MB")
        counts = Counter()
        nulls = Counter()
        for r in ok:
            for name, value in r["facts"].items():
                counts[name] += value is True
                nulls[name] += value is None
        print("facts found (true / analysed, null):")
        for name in counts:
            print(f"  {name:28s} {counts[name]:4d} / {len(ok)}  ({nulls[name]} null)")
        no_token = [r["name"] for r in ok if r["token"] is None]
        print(f"no token contract found: {len(no_token)} {' '.join(no_token[:10])}")
    elif ok:
        print(f"peak memory: Slither CLI with its compiler {max(r['rss_mb'] for r in ok):.0f} MB")
    print(f"failures: {len(failures)}")
    for r in failures[:25]:
        print(f"  {r['name']}: {r['error'][:300]}")
    if len(failures) > 25:
        print(f"  ... and {len(failures) - 25} more")


def outcome(r: dict) -> tuple:
    """What must not depend on the compiler path: the error code, or the token and every fact."""
    if "error" in r:
        return ("error", r["error"].split(":")[1].strip() if ":" in r["error"] else r["error"])
    return ("ok", r["token"], tuple(sorted(r["facts"].items())))


def compare(results: dict[str, list[dict]], server_mb: float) -> None:
    def times(mode: str) -> list[float]:
        return [r["total_s"] for r in results[mode] if "error" not in r]

    print("== side by side (same run, same sources; seconds per contract)")
    print(f"{'':32s} {'median s':>9s} {'p95 s':>7s} {'analysed':>9s}")
    for mode, what in (("cold", "ours cold (one-shot solc-js)"), ("warm", "ours warm (server per version)"),
                       ("peer", "peer: slither FILE --solc")):
        t = times(mode)
        if t:
            print(f"{what:32s} {statistics.median(t):9.2f} {p95(t):7.2f} {len(t):5d}/{len(results[mode])}")
        else:
            print(f"{what:32s} {'-':>9s} {'-':>7s} {0:5d}/{len(results[mode])}")
    c, w, p = times("cold"), times("warm"), times("peer")
    if c and w:
        print(f"warm vs cold: median {statistics.median(c) / statistics.median(w):.1f}x, p95 {p95(c) / p95(w):.1f}x faster"
              " (targets: warm p95 <= 3 s, median <= 1.5 s)")
    for mode in ("cold", "warm"):
        both = [(a["total_s"], b["total_s"]) for a, b in zip(results[mode], results["peer"]) if "error" not in a and "error" not in b]
        if both and p:
            ratios = [pb / pa for pa, pb in both]
            print(f"peer / ours {mode}: median {statistics.median(p) / statistics.median(times(mode)):.1f}x,"
                  f" p95 {p95(p) / p95(times(mode)):.1f}x; per contract (both analysed, {len(both)}): median"
                  f" {statistics.median(ratios):.1f}x, slowest 5% {sorted(ratios)[max(0, int(0.05 * len(ratios)))]:.1f}x"
                  + (" (target >= 3x)" if mode == "warm" else ""))
    print(f"peak memory of a warm server (VmHWM): {server_mb:.0f} MB")
    differing = [a["name"] for a, b in zip(results["cold"], results["warm"]) if outcome(a) != outcome(b)]
    print(f"contracts whose facts (or failure) differ cold vs warm: {len(differing)} {' '.join(differing[:10])}")


def slowest(warm: list[dict], share: float = 0.10) -> None:
    """Where the time of the slowest ``share`` of warm contracts goes."""
    ok = sorted((r for r in warm if "error" not in r), key=lambda r: -r["total_s"])
    top = ok[: max(1, int(round(share * len(ok))))] if ok else []
    if not top:
        return
    total = sum(r["total_s"] for r in top)
    parts = {k: sum(r[k] for r in top) for k in ("solc_s", "slither_s", "facts_s")}
    print(f"== slowest {len(top)} warm contracts ({100 * share:.0f}%): {total:.1f} s in all; solc {100 * parts['solc_s'] / total:.0f}%,"
          f" Slither {100 * parts['slither_s'] / total:.0f}%, detectors {100 * parts['facts_s'] / total:.0f}%")
    print(f"  {'source':14s} {'solc':>6s} {'KB':>5s} {'total':>6s} {'solc':>6s} {'Slither':>7s} {'detect':>6s} attempts")
    for r in top[:10]:
        print(f"  {r['name'][:12]:14s} {r['version']:>6s} {r['size_kb']:5.0f} {r['total_s']:6.2f} {r['solc_s']:6.2f}"
              f" {r['slither_s']:7.2f} {r['facts_s']:6.2f} {r['attempts']:3d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(SHARED / "tokens"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N sources")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--cache", action="store_true", help="use the solc output cache (default: off, every compile runs)")
    parser.add_argument("--no-peer", action="store_true", help="do not run the peer (slither FILE per file)")
    args = parser.parse_args(argv)
    directory = Path(args.dir)
    if not directory.is_dir():
        print(f"bench/contracts.py: skipped, real data not found at {directory}")
        return 0
    if not args.no_peer and not SLITHER_CLI.exists():
        print(f"bench/contracts.py: the peer needs the Slither CLI at {SLITHER_CLI}; run with --no-peer")
        return 2
    if not args.cache:
        os.environ["ICO_LENS_SOLC_CACHE"] = "off"
    files = sorted(directory.glob("*.sol"))
    if args.limit:
        files = files[: args.limit]
    load = os.getloadavg()
    print(f"sources: {len(files)} ({directory}); workers: {args.jobs}; solc output cache {'on' if args.cache else 'off'};"
          f" {os.cpu_count()} cores, load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    results, wall, server_mb = run(files, args.jobs, with_peer=not args.no_peer)
    for mode, label in (("cold", "ours, cold"), ("warm", "ours, warm"), ("peer", "peer: slither FILE --solc (same solc-js)")):
        if mode != "peer" or not args.no_peer:
            summarise(label, results[mode])
    compare(results, server_mb)
    slowest(results["warm"])
    load = os.getloadavg()
    print(f"total wall time (all paths): {wall:.0f} s; load average at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

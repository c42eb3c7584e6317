"""Benchmark: code facts over real verified token sources (compile + Slither + every detector).

    .venv/bin/python bench/contracts.py [--limit N] [--jobs 2] [--cache] [--dir DIR]

Default sources: ../shared/tokens (250 Etherscan-verified ERC-20-like tokens, pragma 0.4.4-0.5.x).
One run measures both compiler paths on every source, back to back in the same worker, the solc
output cache off: cold (``ICO_LENS_SOLC_WARM=0``, node loads solc-js for every compile) and warm (one
long-lived solc-js server per version, started by the first compile that needs it). For each: the share compiled *and* analysed (target >= 98%),
median and p95 seconds per contract (compile and facts separately), the peak memory of the workers
and of the compiler processes, how often each fact fires, and every failure with its reason; then
cold vs warm side by side and the number of contracts whose facts differ between them (target 0).
Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))


def analyse(path: str) -> dict:
    """Compile and derive the facts of one source; timings and peak memory of this worker."""
    import logging

    logging.disable(logging.CRITICAL)
    from ico_lens.contract.engine import load_slither
    from ico_lens.contract.facts import BOOLEAN_FACTS, derive_facts
    from ico_lens.contract.source import load_source_file
    from ico_lens.errors import IcoLensError

    out: dict = {"name": Path(path).name}
    t0 = time.monotonic()
    try:
        bundle = load_source_file(path)
        slither = load_slither(bundle)
    except IcoLensError as exc:
        out["error"] = f"compile: {exc.code}: {exc.message}"
        return out
    except Exception as exc:  # noqa: BLE001 - a bug: count it, keep going
        out["error"] = f"compile: {type(exc).__name__}: {exc}"
        return out
    t1 = time.monotonic()
    try:
        facts = derive_facts(slither, bundle)
    except Exception as exc:  # noqa: BLE001
        out["error"] = f"facts: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return out
    t2 = time.monotonic()
    out.update(
        compile_s=t1 - t0,
        facts_s=t2 - t1,
        token=facts.token_contract,
        facts={name: getattr(facts, name) for name in BOOLEAN_FACTS},
        rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        child_rss_mb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    )
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def analyse_both(path: str) -> dict:
    """One source cold (``ICO_LENS_SOLC_WARM=0``) then warm, in the same worker, back to back: both
    see the same code and the same load on the machine (the figures are per contract, not per pass)."""
    out = {}
    for mode in ("cold", "warm"):
        os.environ["ICO_LENS_SOLC_WARM"] = "1" if mode == "warm" else "0"  # the launcher reads it
        out[mode] = analyse(path)
    return out


def run(files: list[Path], jobs: int) -> tuple[dict[str, list[dict]], float]:
    """Analyse every file cold and warm in ``jobs`` worker processes.

    The warm servers of this run live in a folder of their own: the first warm compile of each
    version starts one (its start-up is part of that contract's time, as in a batch), and they are
    stopped when the run ends."""
    from ico_lens.contract import solc

    run_dir = tempfile.mkdtemp(prefix="icl-bench-run-", dir="/tmp")
    os.environ["ICO_LENS_SOLC_RUN_DIR"] = run_dir
    started = time.monotonic()
    try:
        with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
            pairs = list(pool.map(analyse_both, [str(f) for f in files]))
    finally:
        wall = time.monotonic() - started
        solc.stop_warm_servers()
        shutil.rmtree(run_dir, ignore_errors=True)
    return {mode: [p[mode] for p in pairs] for mode in ("cold", "warm")}, wall


def summarise(label: str, results: list[dict]) -> None:
    ok = [r for r in results if "error" not in r]
    failures = [r for r in results if "error" in r]
    n = len(results)
    print(f"== {label}")
    print(f"compiled and analysed: {len(ok)}/{n} = {100.0 * len(ok) / max(n, 1):.1f}% (target >= 98%)")
    if ok:
        total = [r["compile_s"] + r["facts_s"] for r in ok]
        comp = [r["compile_s"] for r in ok]
        facts = [r["facts_s"] for r in ok]
        print(f"seconds per contract (compile + facts): median {statistics.median(total):.2f}, p95 {p95(total):.2f}, max {max(total):.2f}")
        print(f"  compile + Slither: median {statistics.median(comp):.2f}, p95 {p95(comp):.2f}")
        print(f"  detectors (derive_facts): median {statistics.median(facts):.3f}, p95 {p95(facts):.3f}, max {max(facts):.2f}")
        print(f"peak memory: worker (Slither + detectors) {max(r['rss_mb'] for r in ok):.0f} MB, compiler processes {max(r['child_rss_mb'] for r in ok):.0f} MB"
              " (warm servers are not children of the workers: not counted)")
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
    print(f"failures: {len(failures)}")
    for r in failures:
        print(f"  {r['name']}: {r['error'][:300]}")


def outcome(r: dict) -> tuple:
    """What must not depend on the compiler path: the error code, or the token and every fact."""
    if "error" in r:
        return ("error", r["error"].split(":")[1].strip() if ":" in r["error"] else r["error"])
    return ("ok", r["token"], tuple(sorted(r["facts"].items())))


def compare(cold: list[dict], warm: list[dict]) -> None:
    def times(results: list[dict]) -> list[float]:
        return [r["compile_s"] + r["facts_s"] for r in results if "error" not in r]

    c, w = times(cold), times(warm)
    print("== cold (one-shot solc-js per compile) vs warm (a server per version)")
    if c and w:
        print(f"{'':8s} {'median s':>9s} {'p95 s':>7s} {'analysed':>9s}")
        print(f"{'cold':8s} {statistics.median(c):9.2f} {p95(c):7.2f} {len(c):5d}/{len(cold)}")
        print(f"{'warm':8s} {statistics.median(w):9.2f} {p95(w):7.2f} {len(w):5d}/{len(warm)}")
        print(f"speed-up: median {statistics.median(c) / statistics.median(w):.1f}x, p95 {p95(c) / p95(w):.1f}x"
              " (targets: warm p95 <= 3 s, median <= 1.5 s)")
    differing = [a["name"] for a, b in zip(cold, warm) if outcome(a) != outcome(b)]
    print(f"contracts whose facts (or failure) differ cold vs warm: {len(differing)} {' '.join(differing[:10])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(SHARED / "tokens"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N sources")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--cache", action="store_true", help="use the solc output cache (default: off, every compile runs)")
    args = parser.parse_args(argv)
    directory = Path(args.dir)
    if not directory.is_dir():
        print(f"bench/contracts.py: skipped, real data not found at {directory}")
        return 0
    if not args.cache:
        os.environ["ICO_LENS_SOLC_CACHE"] = "off"
    files = sorted(directory.glob("*.sol"))
    if args.limit:
        files = files[: args.limit]
    print(f"sources: {len(files)} ({directory}); workers: {args.jobs}; solc output cache {'on' if args.cache else 'off'}")
    results, wall = run(files, args.jobs)
    for mode in ("cold", "warm"):
        summarise(mode, results[mode])
    compare(results["cold"], results["warm"])
    print(f"total wall time (both paths): {wall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: compile real verified token sources offline and load Slither on them.

    .venv/bin/python bench/compile.py [--limit N] [--dirs DIR ...]

Default sources: ../shared/corpus/contracts (36) and ../shared/tokens (250). Prints the share that
compiled and loaded into Slither, the solc versions chosen, median and p95 seconds per contract, the
peak memory of the compiler processes and of this process, and every failure with its reason.
Skips with a message when ../shared is absent. (Code facts are measured by bench/contracts.py.)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("ICO_LENS_SHARED", REPO.parent / "shared"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dirs", nargs="*", default=[str(SHARED / "corpus" / "contracts"), str(SHARED / "tokens")])
    parser.add_argument("--limit", type=int, default=0, help="only the first N sources per directory")
    parser.add_argument("--warm", action="store_true",
                        help="use the solc output cache (default: off, so every compile is measured cold)")
    args = parser.parse_args(argv)
    if not args.warm:
        os.environ["ICO_LENS_SOLC_CACHE"] = "off"
    dirs = [Path(d) for d in args.dirs]
    if not all(d.is_dir() for d in dirs):
        print(f"bench/compile.py: skipped, real data not found ({', '.join(str(d) for d in dirs if not d.is_dir())})")
        return 0

    from ico_lens.contract.engine import load
    from ico_lens.contract.source import load_source_file
    from ico_lens.errors import IcoLensError

    files = []
    for d in dirs:
        found = sorted(d.glob("*.sol"))
        files += found[: args.limit] if args.limit else found
    seconds: list[float] = []
    versions: Counter = Counter()
    relaxed = retried = 0
    failures: list[tuple[str, str]] = []
    started = time.monotonic()
    for path in files:
        t0 = time.monotonic()
        try:
            loaded = load(load_source_file(path))
        except IcoLensError as exc:
            failures.append((path.name, f"{exc.code}: {exc.message}"))
            continue
        except Exception as exc:  # a bug: count it, keep going
            failures.append((path.name, f"{type(exc).__name__}: {exc}"))
            continue
        seconds.append(time.monotonic() - t0)
        versions[loaded.solc_version] += 1
        relaxed += any("relaxed" in w for w in loaded.warnings)
        retried += any("trying another version" in w for w in loaded.warnings)

    n, ok = len(files), len(seconds)
    print(f"sources: {n} ({', '.join(str(d) for d in dirs)}); solc output cache {'on' if args.warm else 'off'}")
    print(f"compiled and loaded into Slither: {ok}/{n} = {100.0 * ok / n:.1f}%")
    if seconds:
        p95 = sorted(seconds)[max(0, int(round(0.95 * len(seconds))) - 1)]
        print(f"seconds per contract: median {statistics.median(seconds):.2f}, p95 {p95:.2f}, max {max(seconds):.2f}")
    print(f"total wall time: {time.monotonic() - started:.0f} s")
    print("solc versions used: " + ", ".join(f"{v} x{c}" for v, c in sorted(versions.items())))
    print(f"pragmas relaxed (pre-0.4.11): {relaxed}; compiled only after a fall-back version: {retried}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: compiler process {children:.0f} MB, this process (Slither) {own:.0f} MB")
    print(f"failures: {len(failures)}")
    for name, reason in failures:
        print(f"  {name}: {reason[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

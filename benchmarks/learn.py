"""Throughput and memory of learning a site's boilerplate on a large generated dump.

Generates N pages (default 100,000) of several invented sites (tests/dumpgen.py), streams them
through `hindiclean.learn.Learner` and prints pages/s, MB/s, the peak number of candidate lines
kept, the process's peak resident memory and the rules learned.
Usage: python benchmarks/learn.py [--pages 100000] [--max-candidates 200000]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from dumpgen import generate  # noqa: E402

from hindiclean.learn import Learner  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--max-candidates", type=int, default=200_000)
    args = parser.parse_args()
    learner = Learner(max_candidates=args.max_candidates)
    size = 0
    start = time.perf_counter()
    chunk = 10_000
    for offset in range(0, args.pages, chunk):  # generate in chunks: the dump is streamed
        for page in generate(min(chunk, args.pages - offset), seed=offset):
            size += len(page.text.encode("utf-8"))
            learner.add(page.text)
    secs = time.perf_counter() - start
    rules = learner.rules()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages           {learner.pages}")
    print(f"input           {size / 1e6:.1f} MB")
    print(f"time            {secs:.1f} s (generation included)")
    print(f"throughput      {learner.pages / secs:,.0f} pages/s, {size / 1e6 / secs:.2f} MB/s")
    print(f"candidates      peak {learner.peak_candidates:,} kept (cap {args.max_candidates:,})")
    print(f"peak memory     {peak_mb:.0f} MB resident (whole process)")
    print(f"rules learned   {len(rules)}")
    for r in list(rules)[:12]:
        print(f"  {r.meta['pages']:>7} pages  {r.name:<34} {r.examples[0][:60]}")


if __name__ == "__main__":
    main()

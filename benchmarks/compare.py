"""Compare clean()'s speed at two or more revisions, in one process, page by page.

Run from the repository root, in the project venv:

    python benchmarks/compare.py REV [REV ...] [--mb 1] [--reps 5]

Each REV is a git revision (`main`, `HEAD~2`, a commit) or `.` for the working tree; its
`src/hindiclean` is copied to a temporary folder under a package name of its own, so all the
revisions are imported side by side. The pages are ../shared/bench/speed_ratio.py's corpus
(--mb MB of it). For each page, every revision cleans it --reps times, in alternating order, with
every per-text memo emptied before each call, and the floor of speed_ratio.py runs beside them;
each keeps its fastest time for the page (CPU time of the process). Printed: each revision's
throughput as a ratio to the floor's (the sums of the fastest times) and its gain over the first.

Why page by page: on a shared machine whole passes differ by +-4 % from one to the next, more than
most single optimisations gain; the fastest of a few back-to-back runs of one page is steady to
about 1 %. Memos are emptied so that a page is timed as if it came first (the bench corpus repeats
its pages' chrome). The first revision's outputs on the first pages are checked against the
others' (the same text), so a comparison never times code that cleans differently.
"""

from __future__ import annotations

import argparse
import importlib
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def _export(rev: str, name: str, into: Path) -> None:
    """src/hindiclean at rev (`.`: the working tree) as the package `name` in `into`."""
    target = into / name
    if rev == ".":
        shutil.copytree(ROOT / "src" / "hindiclean", target,
                        ignore=shutil.ignore_patterns("__pycache__"))
        return
    blob = subprocess.run(
        ["git", "archive", rev, "src/hindiclean"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        try:
            tar.extractall(into / "_archive", filter="data")
        except TypeError:  # a Python without extraction filters (a git archive of our own)
            tar.extractall(into / "_archive")
    (into / "_archive" / "src" / "hindiclean").rename(target)
    shutil.rmtree(into / "_archive")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("revs", nargs="+", help="git revisions, or . for the working tree")
    ap.add_argument("--mb", type=float, default=1, help="corpus size in MB (default 1)")
    ap.add_argument("--reps", type=int, default=5, help="runs per page and revision (default 5)")
    args = ap.parse_args()
    sys.path.insert(0, str(BENCH))
    import speed_ratio

    tmp = Path(tempfile.mkdtemp(prefix="hc_compare_"))
    try:
        names = [f"hc_rev{i}" for i in range(len(args.revs))]
        for rev, name in zip(args.revs, names, strict=True):
            _export(rev, name, tmp)
        sys.path.insert(0, str(tmp))
        mods = [importlib.import_module(n) for n in names]
        memos = [importlib.import_module(n + ".text") for n in names]
        texts = speed_ratio.corpus(args.mb)
        for t in texts[:30]:
            outs = {m.clean(t) for m in mods}
            if len(outs) > 1:
                sys.exit("the revisions clean a page differently: compare equivalent code only")
        clock = time.process_time
        totals = [0.0] * len(mods)
        floor = 0.0
        for text in texts:
            best = [float("inf")] * len(mods)
            best_floor = float("inf")
            for r in range(args.reps):
                order = range(len(mods)) if r % 2 == 0 else range(len(mods) - 1, -1, -1)
                for k in order:
                    memos[k].clear_memos()
                    start = clock()
                    mods[k].clean(text)
                    best[k] = min(best[k], clock() - start)
                start = clock()
                speed_ratio.floor(text)
                best_floor = min(best_floor, clock() - start)
            totals = [a + b for a, b in zip(totals, best, strict=True)]
            floor += best_floor
        print(f"{len(texts)} pages; per page the fastest of {args.reps} runs, memos emptied")
        for rev, total in zip(args.revs, totals, strict=True):
            print(f"{rev:<14} {floor / total:7.4f} x floor  {totals[0] / total - 1:+6.1%}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Batch throughput of the `hindiclean clean` command with --jobs 1 and --jobs 2, in one run.

Builds a JSONL file, the same file gzipped and a folder of text files from the sample pages
(default 20 MB each), runs the installed command on each with 1 and 2 worker processes, and
prints pages/s, MB/s, the speed-up over one job and, for .jsonl.gz, the ratio of its time to
the plain JSONL's (≈ 1: compression, done in the workers, does not cap --jobs).
Usage: python benchmarks/batch.py [--mb 20] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sample_pages() -> list[str]:
    files = sorted(p for p in (ROOT / "corpus_samples").glob("*.txt") if ".expected" not in p.name)
    return [p.read_text(encoding="utf-8") for p in files]


def command() -> list[str]:
    exe = Path(sys.executable).with_name("hindiclean")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "hindiclean"]


def build(tmp: Path, mb: float) -> tuple[Path, Path, int, int]:
    pages = sample_pages()
    jsonl = tmp / "dump.jsonl"
    folder = tmp / "pages"
    folder.mkdir()
    size = n = 0
    with jsonl.open("w", encoding="utf-8") as fh:
        while size < mb * 1e6:
            page = pages[n % len(pages)] + f"\n(पेज {n})\n"
            fh.write(json.dumps({"id": n, "text": page}, ensure_ascii=False) + "\n")
            (folder / f"{n:06d}.txt").write_text(page, encoding="utf-8")
            size += len(page.encode("utf-8"))
            n += 1
    gz = tmp / "dump.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes(), 6))
    return jsonl, folder, n, size


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command() + args, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        jsonl, folder, pages, size = build(tmp, args.mb)
        print(f"corpus: {pages} pages, {size / 1e6:.1f} MB (as one JSONL file and as a folder)")
        print(
            f"{'input':<9} {'jobs':>4} {'seconds':>8} {'pages/s':>9} {'MB/s':>7} "
            f"{'speed-up':>9} {'/ jsonl':>8}"
        )
        plain: dict[int, float] = {}
        gz = jsonl.with_name("dump.jsonl.gz")
        for label, src in (("jsonl", jsonl), ("jsonl.gz", gz), ("folder", folder)):
            base = None
            for jobs in args.jobs:
                out = tmp / f"out-{label}-{jobs}"
                secs = timed(["clean", str(src), "--out", str(out), "--jobs", str(jobs), "--quiet"])
                base = base or secs
                if label == "jsonl":
                    plain[jobs] = secs
                vs = f"{secs / plain[jobs]:>7.2f}x" if label == "jsonl.gz" else f"{'':>8}"
                print(
                    f"{label:<9} {jobs:>4} {secs:>8.2f} {pages / secs:>9.0f} "
                    f"{size / 1e6 / secs:>7.2f} {base / secs:>8.2f}x {vs}"
                )


if __name__ == "__main__":
    main()

"""Spark against the plain command on the same generated corpus, in one run.

Builds a JSONL corpus of N MB (default 500) from the sample pages, then times:
`clean_column` on Spark `local[1]` and `local[2]` (read JSONL, clean, write Parquet) and
`hindiclean clean --jobs 1` and `--jobs 2` on the same file; prints pages/s for each and the
overhead of Spark against the command. Usage: python benchmarks/spark.py [--mb 500]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(path: Path, mb: float) -> int:
    pages = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "corpus_samples").glob("*.txt"))
        if ".expected" not in p.name
    ]
    size = n = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < mb * 1e6:
            text = pages[n % len(pages)] + f"\n(पेज {n})\n"
            fh.write(json.dumps({"id": n, "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            n += 1
    return n


def spark_run(src: Path, out: Path, cores: int) -> float:
    from pyspark.sql import SparkSession

    from hindiclean.spark import clean_column

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    start = time.perf_counter()
    df = spark.read.json(str(src))
    clean_column(df, "text").write.mode("overwrite").parquet(str(out))
    secs = time.perf_counter() - start
    spark.stop()
    return secs


def cli_run(src: Path, out: Path, jobs: int) -> float:
    exe = Path(sys.executable).with_name("hindiclean")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "hindiclean"]
    start = time.perf_counter()
    subprocess.run(
        [*cmd, "clean", str(src), "--out", str(out), "--jobs", str(jobs), "--quiet"], check=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=500.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = tmp / "corpus.jsonl"
        pages = build(src, args.mb)
        print(f"corpus: {pages} pages, {src.stat().st_size / 1e6:.0f} MB of JSONL")
        results = {}
        for cores in (1, 2):
            results[f"spark local[{cores}]"] = spark_run(src, tmp / f"spark{cores}", cores)
        for jobs in (1, 2):
            results[f"clean --jobs {jobs}"] = cli_run(src, tmp / f"cli{jobs}", jobs)
        for name, secs in results.items():
            print(f"{name:<18} {secs:8.1f} s {pages / secs:9.0f} pages/s")
        for n in (1, 2):
            ratio = results[f"spark local[{n}]"] / results[f"clean --jobs {n}"]
            print(f"spark overhead at {n} core(s): {ratio:.2f}x the command's time")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Equivalence harness: the same outputs before and after a restructuring.

    python tools/equivalence.py --save before.json      # on the old code
    python tools/equivalence.py --check before.json     # on the new code: lists every difference

Pages: the shared gold (if ../shared exists), corpus_samples/, eval/*.jsonl, tests/data gold copy,
1,000 bench pages built from the gold (../shared/bench/speed_ratio.py's corpus, seeds 0 and 1)
and 1,000 generated dump pages (tests/dumpgen.py). For each page the clean text and every
removal (line, text, category, rule, partial) are fingerprinted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pages() -> dict[str, str]:
    out: dict[str, str] = {}
    golds = sorted((SHARED / "gold").glob("*.jsonl")) + sorted((ROOT / "eval").glob("*.jsonl"))
    for path in golds:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                out[f"{path.stem}/{d['id']}"] = d["raw"]
    for path in sorted((ROOT / "corpus_samples").glob("*.txt")):
        out[f"samples/{path.name}"] = path.read_text(encoding="utf-8")
    bench = SHARED / "bench"
    if (bench / "speed_ratio.py").exists():
        sys.path.insert(0, str(bench))
        import speed_ratio

        for seed in (0, 1):
            for i, text in enumerate(speed_ratio.corpus(5, seed=seed)[:500]):
                out[f"bench{seed}/{i}"] = text
    sys.path.insert(0, str(ROOT / "tests"))
    import dumpgen

    for i, p in enumerate(dumpgen.generate(1000, seed=3)):
        out[f"dump/{i}"] = p.text
    return out


def fingerprint(text: str) -> str:
    from hindiclean import Pipeline

    result = Pipeline.default().run(text)
    blob = json.dumps(
        [result.text, [(r.line, r.text, r.category, r.rule, r.partial) for r in result.removals]],
        ensure_ascii=False,
    )
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=pathlib.Path)
    group.add_argument("--check", type=pathlib.Path)
    args = ap.parse_args()
    prints = {k: fingerprint(v) for k, v in pages().items()}
    if args.save:
        args.save.write_text(json.dumps(prints, indent=0), encoding="utf-8")
        print(f"{len(prints)} pages saved to {args.save}")
        return
    before = json.loads(args.check.read_text(encoding="utf-8"))
    diff = sorted(k for k in prints if k in before and before[k] != prints[k])
    new = sorted(set(prints) - set(before))
    print(f"{len(prints)} pages: {len(diff)} differ, {len(new)} not in the saved set")
    for k in diff:
        print("  differs:", k)
    sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()

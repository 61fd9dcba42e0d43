"""Learning a site's boilerplate: quality and cost of `clean --learn` on a multi-site dump, and
the throughput of the streaming learner.

`python benchmarks/learn.py dump [--pages-per-site 500] [--jobs 2]` generates a mixed crawl
(tests/dumpgen.py `crawl`: 8 portals with the chrome real portals carry, bodies of real
articles, agency copy on a third of a site's pages, recurring subheadings, stock sentences, and
a small site with too few pages) as JSONL with a `url` field, and prints:
- quality: the share of the recurring chrome lines removed and the body lines removed by
  learned rules, with `clean --learn`, with plain `clean`, and with the line-hash deduplication
  of CCNet-style pipelines (drop every line whose normalised hash is on two or more documents);
  body is counted both whole and for the lines that recur by design (agency copy, subheadings,
  stock sentences); the small site's pages must come out as plain `clean` gives them;
- cost: seconds of `hindiclean clean --jobs N` and of `hindiclean clean --learn --jobs N` on
  the same file, and their ratio (target: at most 1.5).

`python benchmarks/learn.py stream [--pages 100000]` streams N generated pages through
`hindiclean.learn.Learner` and prints pages/s, MB/s, the peak number of candidate lines kept,
the process's peak resident memory and the rules learned.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from dumpgen import AGENCY, PORTALS, crawl, generate  # noqa: E402

from hindiclean import Pipeline  # noqa: E402
from hindiclean.learn import Learner, learn_site_rules, site_of  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(text.split())


_PUNCT = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")


def ccnet_key(line: str) -> bytes:
    """CCNet's paragraph normalisation (lower case, accents kept for Devanagari, digits to 0,
    punctuation removed, spaces collapsed), hashed."""
    text = unicodedata.normalize("NFD", line.strip().lower())
    text = _DIGIT.sub("0", _PUNCT.sub("", text))
    return hashlib.sha1(_norm(text).encode("utf-8")).digest()[:8]


def ccnet_dedup(texts: list[str]) -> list[str]:
    """Drop every line whose hash stands on two or more documents (the whole dump as one shard)."""
    docs = Counter(h for t in texts for h in {ccnet_key(x) for x in t.splitlines() if x.strip()})
    return ["\n".join(x for x in t.splitlines() if x.strip() and docs[ccnet_key(x)] < 2) + "\n"
            for t in texts]


def _lines_of(text: str) -> set[str]:
    return {_norm(x) for x in text.splitlines() if x.strip()}


def quality(dump, outputs: dict[str, list[str]]) -> None:
    recurring_body = {_norm(x) for x in AGENCY}
    for p in PORTALS:
        recurring_body |= {_norm(p.subheading), *(_norm(s) for s in p.stock)}
    print(f"{'method':<16}{'chrome removed':>16}{'body lines lost':>18}{'recurring body lost':>22}")
    plain = outputs["plain clean"]
    for name, texts in outputs.items():
        chrome = gone = body = lost = rec = rec_lost = 0
        for page, out, base in zip(dump, texts, plain, strict=True):
            kept = _lines_of(out)
            kept_joined = _norm(out)
            for line in page.chrome:
                chrome += 1
                gone += _norm(line) not in kept
            for line in page.body:
                line = _norm(line)
                # lost by the method itself: plain clean keeps it, this output does not
                was = line in _norm(base) if name != "plain clean" else True
                gone_now = line not in kept_joined
                body += 1
                lost += was and gone_now
                if line in recurring_body or any(line.endswith(s) for s in recurring_body):
                    rec += 1
                    rec_lost += was and gone_now
        print(f"{name:<16}{100 * gone / chrome:>15.2f}%{lost:>12} of {body:<5}"
              f"{rec_lost:>13} of {rec:<5}")


def dump_mode(args: argparse.Namespace) -> None:
    dump = crawl(args.pages_per_site)
    texts = [p.text for p in dump]
    print(f"dump: {len(dump)} pages of {len({p.site for p in dump})} sites "
          f"({args.pages_per_site} per portal, {sum(p.site == 'chhotiakhbar.in' for p in dump)} "
          f"of a small site), {sum(len(t.encode()) for t in texts) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "crawl.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for p in dump:
                fh.write(json.dumps({"url": p.url, "text": p.text}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, "-m", "hindiclean", "clean", str(src), "--jobs", str(args.jobs),
               "--quiet", "--no-fsync"]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        times: dict[str, list[float]] = {"plain": [], "learn": []}
        for i in range(args.repeat):
            for mode, extra in (("plain", []), ("learn", ["--learn"])):
                out = Path(tmp) / f"{mode}{i}"
                start = time.perf_counter()
                subprocess.run([*cmd, "--out", str(out), *extra], check=True, env=env)
                times[mode].append(time.perf_counter() - start)
        learned_out = [json.loads(x)["text"] for x in
                       (Path(tmp) / "learn0" / "crawl.jsonl").read_text("utf-8").splitlines()]
    plain = Pipeline.default()
    outputs = {
        "plain clean": [plain.run(t).text for t in texts],
        "clean --learn": learned_out,
        "CCNet line dedup": ccnet_dedup(texts),
    }
    print("\nquality (body lost: lines plain clean keeps that the method drops)")
    quality(dump, outputs)
    small = [i for i, p in enumerate(dump) if p.site == "chhotiakhbar.in"]
    same = all(learned_out[i] == outputs["plain clean"][i] for i in small)
    print(f"small site ({len(small)} pages) cleaned as plain clean: {same}")
    sites = learn_site_rules((p.url, p.text) for p in dump)
    same_as_python = [sites.run(p.text, site_of(p.url)).text for p in dump] == learned_out
    print(f"rules learned: {sum(len(r) for r in sites.rules.values())} for "
          f"{len(sites.rules)} of {len(sites.pages)} sites; "
          f"the command gives what learn_site_rules gives: {same_as_python}")
    p, lr = min(times["plain"]), min(times["learn"])
    print(f"\ncost, --jobs {args.jobs}, best of {args.repeat}: clean {p:.1f} s "
          f"({len(dump) / p:.0f} pages/s), clean --learn {lr:.1f} s "
          f"({len(dump) / lr:.0f} pages/s): ratio {lr / p:.2f} (target <= 1.5)")


def stream_mode(args: argparse.Namespace) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode")
    d = sub.add_parser("dump", help="quality and cost of clean --learn on a multi-site crawl")
    d.add_argument("--pages-per-site", type=int, default=500)
    d.add_argument("--jobs", type=int, default=2)
    d.add_argument("--repeat", type=int, default=2)
    s = sub.add_parser("stream", help="throughput and memory of the streaming learner")
    s.add_argument("--pages", type=int, default=100_000)
    s.add_argument("--max-candidates", type=int, default=200_000)
    args = parser.parse_args()
    if args.mode == "stream":
        stream_mode(args)
    else:
        if args.mode is None:
            args = d.parse_args([])
        dump_mode(args)


if __name__ == "__main__":
    main()

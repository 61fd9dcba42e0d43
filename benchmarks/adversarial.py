"""Adversarial shapes: is every step of clean() linear in the page, and its memory bounded?

Run from the repository root, in the project venv:

    python benchmarks/adversarial.py [--sizes 16,64,256,1024] [--big-mb 16] [--timeout 120]

1. Three page shapes that were not linear (the repro README, ../shared/repro), each built at
   16 KB, 64 KB, 256 KB and 1 MB of UTF-8 text (KB = 1e3 bytes, MB = 1e6):
   - site_name_zone: many short distinct lines (`खबर 0`, `खबर 1`, ...) above a headline, a
     paragraph, `विज्ञापन` and a `© 2025 खबर सर्वाधिकार सुरक्षित` footer (the site-name check
     once rescanned the page for each line);
   - nested_entities: `"&" + "amp;" * N + "lt;"` (one level was unescaped per loop);
   - repeated_prompt: a paragraph followed by one prompt sentence repeated,
     `PARA + " " + "हमारे ब्लॉग को फ़ॉलो करें। " * N` (each cut rescanned the block).
   Printed for each: seconds, seconds per MB, and the ratio of the per-MB time to the smallest
   size's (linear time: ~1; quadratic: grows 4x per 4x of size).
2. 16 MB (--big-mb) of one-character lines, in a child process: seconds, and the peak resident
   memory of the process (resource.getrusage) less its size before cleaning, as a multiple of
   the input's UTF-8 size; with --tracemalloc, also the tracemalloc peak of a second run.
A size that runs longer than --timeout seconds is stopped (SIGALRM): a finding.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable

from hindiclean import clean

PARA = (
    "नई दिल्ली, 12 जुलाई (भाषा)। केंद्र सरकार ने बुधवार को किसानों के लिए नई सिंचाई योजना की "
    "घोषणा की, जिसके तहत छोटे और सीमांत किसानों को ड्रिप सिंचाई उपकरण पर अनुदान मिलेगा।"
)
HEADLINE = "किसानों के लिए नई सिंचाई योजना, ड्रिप उपकरण पर 80 फीसदी अनुदान मिलेगा"
PROMPT = "हमारे ब्लॉग को फ़ॉलो करें। "


def _fill(unit: Callable[[int], str], size: int) -> list[str]:
    """Units unit(0), unit(1), ... until their UTF-8 size reaches size bytes."""
    out, total, k = [], 0, 0
    while total < size:
        piece = unit(k)
        out.append(piece)
        total += len(piece.encode("utf-8"))
        k += 1
    return out


def site_name_zone(size: int) -> str:
    tail = f"{HEADLINE}\n{PARA}\nविज्ञापन\n© 2025 खबर सर्वाधिकार सुरक्षित\n"
    lines = _fill(lambda k: f"खबर {k}\n", size - len(tail.encode("utf-8")))
    return "".join(lines) + tail


def nested_entities(size: int) -> str:
    return "&" + "amp;" * max(1, (size - 4) // 4) + "lt;"


def repeated_prompt(size: int) -> str:
    n = max(1, (size - len(PARA.encode("utf-8"))) // len(PROMPT.encode("utf-8")))
    return PARA + " " + PROMPT * n


SHAPES = {
    "site_name_zone": site_name_zone,
    "nested_entities": nested_entities,
    "repeated_prompt": repeated_prompt,
}


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def timed(text: str, timeout: int) -> float | None:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    try:
        t = time.perf_counter()
        clean(text)
        return time.perf_counter() - t
    except _Timeout:
        return None
    finally:
        signal.alarm(0)


def shapes(sizes_kb: list[int], timeout: int) -> None:
    print(f"{'shape':<16} {'size':>8} {'seconds':>9} {'s/MB':>8} {'ratio':>6}")
    for name, build in SHAPES.items():
        base = None
        for kb in sizes_kb:
            text = build(kb * 1000)
            mb = len(text.encode("utf-8")) / 1e6
            secs = timed(text, timeout)
            if secs is None:
                print(f"{name:<16} {kb:>6}KB  > {timeout} s: stopped")
                break
            per_mb = secs / mb
            base = base or per_mb
            print(f"{name:<16} {kb:>6}KB {secs:>9.3f} {per_mb:>8.3f} {per_mb / base:>6.2f}")


_CHILD = """
import gc, json, resource, sys, time, tracemalloc
from hindiclean import clean
mb = float(sys.argv[1])
chars = "कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह"
n = int(mb * 1e6 // 4)  # a Devanagari letter (3 bytes) and a newline per line
text = "".join(chars[i % len(chars)] + "\\n" for i in range(n))
size = len(text.encode("utf-8"))
gc.collect()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
t = time.perf_counter()
out = clean(text)
secs = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
del out
peak = 0
if sys.argv[2] == "1":
    gc.collect()
    tracemalloc.start()
    clean(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
print(json.dumps({"bytes": size, "lines": n, "seconds": secs,
                  "rss_growth": after - before, "traced_peak": peak}))
"""


def big(mb: float, timeout: int, traced: bool) -> None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(mb), "1" if traced else "0"],
            capture_output=True, text=True, timeout=timeout * 3, check=True,
        )
    except subprocess.TimeoutExpired:
        print(f"{mb:g} MB of one-character lines: > {timeout * 3} s, stopped")
        return
    r = json.loads(done.stdout.strip().splitlines()[-1])
    size = r["bytes"]
    traced_note = (
        f"; tracemalloc peak {r['traced_peak'] / 1e6:.0f} MB = {r['traced_peak'] / size:.1f} x"
        if traced else ""
    )
    print(
        f"{size / 1e6:.1f} MB of one-character lines ({r['lines']:,} lines): "
        f"{r['seconds']:.1f} s ({r['seconds'] / (size / 1e6):.2f} s/MB); peak RSS growth "
        f"{r['rss_growth'] / 1e6:.0f} MB = {r['rss_growth'] / size:.1f} x the input"
        + traced_note
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="16,64,256,1024", help="page sizes in KB")
    ap.add_argument("--big-mb", type=float, default=16.0)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--tracemalloc", action="store_true", help="also trace a second run")
    args = ap.parse_args()
    shapes([int(x) for x in args.sizes.split(",")], args.timeout)
    if args.big_mb > 0:
        big(args.big_mb, args.timeout, args.tracemalloc)


if __name__ == "__main__":
    main()

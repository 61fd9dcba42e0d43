"""Throughput, scaling and memory benchmark for hindiclean.

Run from the repository root (one run prints everything, in ~2-3 minutes on 2 cores):

    python benchmarks/throughput.py [--mb 10] [--repeat 3] [--timeout 120] [--no-adversarial]

1. Corpus: the sample pages (corpus_samples/*.txt without *.expected.txt, plus the raw seed pages;
   identical texts counted once) repeated until the corpus holds at least --mb MB of UTF-8 text.
   Pages stay separate strings (each copy is its own str object).
   MB = UTF-8 bytes of the input / 1e6, for every figure.
2. Throughput, best of --repeat runs (time.perf_counter):
   - floor: per page, text.split("\\n") and one precompiled `re` search per line for an
     alternation of 16 common chrome markers (case-sensitive: the cheapest honest "cleaner");
   - clean(): the public function on each page;
   - clean(), memos cleared: the same with every per-text memo emptied before each page
     (`hindiclean.text.clear_memos`): the corpus repeats its pages, and a memo would otherwise
     find each repeat judged already; this is the figure for pages that share no line;
   - each cleaner of Pipeline.default() alone, on pages already passed through `normalize`
     (prepared outside the timer); `normalize` itself on Page.from_text(text) (also prepared
     outside the timer). Each cleaner's MB/s uses the raw corpus bytes, so the figures are
     comparable; "share" is its time as a fraction of clean()'s. clean() fuses the six rule
     cleaners into one pass, so the per-cleaner times do not add up to clean()'s exactly.
   The project target is clean() >= 25 % of the floor.
   2b. Steps any cleaner that follows the policy must take, each timed alone on the same corpus
   (blocks, a fold key per line for invisible-variant duplicates, the page's word set for
   unmarked headlines, five marker searches per line for the rule scopes), and their sum: how
   close to the floor the whole of clean() could come at best.
3. Adversarial: pages of 1, 4 and 16 MB of long lines of repeated markers. Each page is one
   line of half the page, lines of 100-200 KB filling a quarter, and lines of 1-4 KB filling the
   rest, all of the same repeated unit. Printed: seconds per MB at each size and the ratio of the
   16 MB to the 1 MB per-MB time (linear time: ~1). Two extra cases (marked *) target code paths
   found by reading the cleaners: repeated lead cuts in one line, and many ~1 KB lines that share
   their first sentence. A size that runs longer than --timeout seconds is stopped (SIGALRM) and
   the case ends there; a size whose projected time (from the growth seen so far) exceeds the
   timeout is skipped. Either is a finding.
4. Peak memory (tracemalloc) while cleaning the corpus page by page (the input corpus itself,
   allocated before tracing starts, is not counted; results are discarded as they come).
"""

from __future__ import annotations

import argparse
import gc
import math
import re
import signal
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from hindiclean import Page, Pipeline, clean
from hindiclean.text import clear_memos, fold

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus_samples"
SEEDS = Path("/work/shared/corpus/seeds")

FLOOR_MARKERS = (
    "विज्ञापन", "Advertisement", "ये भी पढ़ें", "यह भी पढ़ें", "Also Read", "Follow Us",
    "सब्सक्राइब", "Tags", "Home >", "Updated", "फोटो", "Next Story", "Trending", "Read More",
    "डाउनलोड", "शेयर",
)
FLOOR_RE = re.compile("|".join(re.escape(m) for m in FLOOR_MARKERS))
TARGET_SHARE = 0.25

ADV_SIZES_MB = (1, 4, 16)
LONG_LINE_MIN = 100_000  # bytes
ADV_REPEAT_BUDGET = 2.0  # seconds: repeat an adversarial size (up to --repeat) while under this

# Units repeated to build the adversarial lines (name, unit).
ADV_UNITS: tuple[tuple[str, str], ...] = (
    ("ye_bhi", "ये भी "),
    ("gt", ">"),
    ("spaces", "खबर" + " " * 7),
    ("danda", "।"),
    ("pipe", "|"),
    ("amp", "&amp;"),
    ("paren", "("),
    ("mix", "ये भी >>>   ।।।|||&amp;&amp;((( "),
)
# Extra cases: the unit of lead_markers is cut off the start of its line one rule hit at a time;
# shared_first_sentence builds its own page (see shared_first_sentence_page).
LEAD_UNIT = "पढ़ें पूरी खबर (पढ़ें: आज की बड़ी खबर)Updated: 12 Jan 2024, "


class Timeout(Exception):
    """Raised by the SIGALRM guard when one adversarial size runs too long."""


# --- corpus ----------------------------------------------------------------------------------


def sample_pages(seeds: Path) -> list[str]:
    files = sorted(p for p in SAMPLES.glob("*.txt") if not p.name.endswith(".expected.txt"))
    if seeds.is_dir():
        files += sorted(seeds.glob("*.txt"))
    pages = list(dict.fromkeys(p.read_text(encoding="utf-8") for p in files))  # no duplicates
    if not pages:
        sys.exit(f"no sample pages found under {SAMPLES} or {seeds}")
    return pages


def build_corpus(samples: Sequence[str], mb: float) -> tuple[list[str], int]:
    """Repeat the sample pages until at least mb MB; each copy is a distinct str object."""
    target = int(mb * 1e6)
    sizes = [len(s.encode("utf-8")) for s in samples]
    pages: list[str] = []
    total = 0
    while total < target:
        for s, n in zip(samples, sizes, strict=True):
            pages.append(s.encode("utf-8").decode("utf-8"))
            total += n
            if total >= target:
                break
    return pages, total


# --- timing ----------------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], object]) -> float:
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def floor(pages: Sequence[str]) -> int:
    search = FLOOR_RE.search
    hits = 0
    for text in pages:
        for line in text.split("\n"):
            if search(line) is not None:
                hits += 1
    return hits


def clean_all(pages: Sequence[str]) -> None:
    for text in pages:
        clean(text)


def clean_all_cold(pages: Sequence[str]) -> None:
    for text in pages:
        clear_memos()
        clean(text)


def apply_all(cleaner: Callable[[Page], Page], pages: Sequence[Page]) -> None:
    for page in pages:
        cleaner(page)


def minimal_steps(pages: Sequence[str]) -> list[tuple[str, Callable[[], object]]]:
    """Single steps every policy-following cleaner must take on each page, timed alone: the
    floor for what the whole of clean() can reach."""

    def fold_keys() -> None:  # duplicates that differ only by invisible variation
        for text in pages:
            for line in text.split("\n"):
                fold(line)

    def word_set() -> None:  # unmarked headlines: their words against the article's
        for text in pages:
            set(text.split())

    def rule_passes() -> None:  # whole line, prefix, lead, sentence, tail: five scopes
        search = FLOOR_RE.search
        for text in pages:
            for line in text.split("\n"):
                for _ in range(5):
                    search(line)

    return [
        ("blocks (Page.from_text)", lambda: [Page.from_text(t) for t in pages]),
        ("fold key of each line", fold_keys),
        ("word set of each page", word_set),
        ("5 marker searches per line", rule_passes),
    ]


# --- adversarial pages -----------------------------------------------------------------------


def repeat_to(unit: str, nbytes: int) -> str:
    return unit * max(1, nbytes // len(unit.encode("utf-8")))


def marker_page(unit: str, size: int) -> str:
    """Half the page one line; a quarter in 100-200 KB lines; the rest in 1-4 KB lines."""
    lines = [repeat_to(unit, size // 2)]
    used = len(lines[0].encode("utf-8")) + 1
    i = 0
    while used < size * 3 // 4:
        line = repeat_to(unit, LONG_LINE_MIN + (i * 37_000) % 100_000)
        lines.append(line)
        used += len(line.encode("utf-8")) + 1
        i += 1
    while used < size:
        line = repeat_to(unit, 1_000 + (i * 397) % 3_000)
        lines.append(line)
        used += len(line.encode("utf-8")) + 1
        i += 1
    return "\n".join(lines)


def shared_first_sentence_page(size: int) -> str:
    """~1 KB lines, all opening with the same sentence, each with a distinct second one."""
    lines: list[str] = []
    used = 0
    i = 0
    filler = "यहां कुछ और शब्द " * 18
    while used < size:
        line = f"आज का मौसम साफ है। खबर नंबर {i} {filler}है।"
        lines.append(line)
        used += len(line.encode("utf-8")) + 1
        i += 1
    return "\n".join(lines)


def adversarial_cases() -> list[tuple[str, str, Callable[[int], str]]]:
    """(name, input description, page builder taking a size in bytes)."""
    cases: list[tuple[str, str, Callable[[int], str]]] = []
    for name, unit in ADV_UNITS:
        cases.append((name, repr(unit), lambda size, u=unit: marker_page(u, size)))
    cases.append(("lead_markers*", repr(LEAD_UNIT), lambda size: marker_page(LEAD_UNIT, size)))
    cases.append(
        (
            "shared_first_sentence*",
            "'आज का मौसम साफ है। खबर नंबर {i} यहां कुछ और शब्द ... है।' ~1 KB lines",
            shared_first_sentence_page,
        )
    )
    return cases


def _alarm(signum: int, frame: object) -> None:
    raise Timeout


def timed_clean(page: str, timeout: float, repeat: int) -> float:
    """Best time to clean page (up to repeat runs while under ADV_REPEAT_BUDGET s in total)."""
    guard = hasattr(signal, "SIGALRM")
    best = math.inf
    spent = 0.0
    for _ in range(max(1, repeat)):
        gc.collect()
        if guard:
            old = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            t0 = time.perf_counter()
            clean(page)
            dt = time.perf_counter() - t0
        finally:
            if guard:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, old)
        best = min(best, dt)
        spent += dt
        if spent > ADV_REPEAT_BUDGET:
            break
    return best


def run_adversarial(timeout: float, repeat: int) -> list[str]:
    """Print the adversarial table; return the notes about non-linear or stopped cases."""
    findings: list[str] = []
    head = f"{'case':24}" + "".join(f"{f'{mb} MB s/MB':>13}" for mb in ADV_SIZES_MB)
    print(head + f"{'16/1 ratio':>12}  input unit")
    for name, desc, build in adversarial_cases():
        per_mb: dict[int, float] = {}
        cells: list[str] = []
        note = ""
        prev: tuple[int, float] | None = None
        growth = 1.0  # exponent of time vs size seen so far (>= 1)
        for mb in ADV_SIZES_MB:
            if note:
                cells.append(f"{'-':>13}")
                continue
            if prev is not None:
                projected = prev[1] * (mb / prev[0]) ** growth
                if projected > timeout:
                    note = f"{mb} MB skipped: projected {projected:.0f} s > {timeout:.0f} s"
                    cells.append(f"{'skip':>13}")
                    continue
            page = build(mb * 1_000_000)
            nbytes = len(page.encode("utf-8"))
            try:
                dt = timed_clean(page, timeout, repeat)
            except Timeout:
                note = f"{mb} MB TIMEOUT: > {timeout:.0f} s"
                cells.append(f"{'>' + str(int(timeout)) + ' s':>13}")
                continue
            finally:
                del page
            per_mb[mb] = dt / (nbytes / 1e6)
            cells.append(f"{per_mb[mb]:13.3f}")
            if prev is not None and prev[1] > 0.05:
                growth = max(1.0, math.log(dt / prev[1]) / math.log(mb / prev[0]))
            prev = (mb, dt)
        lo, hi = ADV_SIZES_MB[0], ADV_SIZES_MB[-1]
        both = lo in per_mb and hi in per_mb
        ratio = f"{per_mb[hi] / per_mb[lo]:12.2f}" if both else f"{'n/a':>12}"
        print(f"{name:24}" + "".join(cells) + ratio + f"  {desc}", flush=True)
        sizes = sorted(per_mb)
        if len(sizes) >= 2:
            r = per_mb[sizes[-1]] / per_mb[sizes[0]]
            if r > 2.0 or note:
                findings.append(
                    f"{name}: per-MB time x{r:.1f} from {sizes[0]} to {sizes[-1]} MB"
                    + (f"; {note}" if note else "")
                )
        elif note:
            findings.append(f"{name}: {note}")
    return findings


# --- main ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--timeout", type=float, default=120.0, help="adversarial guard, s (120)")
    ap.add_argument("--seeds", type=Path, default=SEEDS, help="directory of raw seed pages")
    ap.add_argument("--no-adversarial", action="store_true", help="skip section 3")
    args = ap.parse_args(argv)
    repeat = max(1, args.repeat)
    started = time.perf_counter()

    samples = sample_pages(args.seeds)
    pages, nbytes = build_corpus(samples, args.mb)
    mb = nbytes / 1e6
    print(f"hindiclean throughput  (python {sys.version.split()[0]}, best of {repeat})")
    print(f"corpus: {len(samples)} sample pages repeated -> {len(pages)} pages, {mb:.2f} MB\n")

    # 2. throughput
    t_floor = best_of(repeat, lambda: floor(pages))
    t_clean = best_of(repeat, lambda: clean_all(pages))
    share = (mb / t_clean) / (mb / t_floor)
    print(f"{'step':24}{'MB/s':>10}{'seconds':>10}{'share':>9}")
    print(f"{'floor (split + 1 re)':24}{mb / t_floor:10.2f}{t_floor:10.3f}")
    print(f"{'clean()':24}{mb / t_clean:10.2f}{t_clean:10.3f}{1:9.0%}")
    t_cold = best_of(repeat, lambda: clean_all_cold(pages))
    print(f"{'clean(), memos cleared':24}{mb / t_cold:10.2f}{t_cold:10.3f}{t_cold / t_clean:9.0%}")

    cleaners = Pipeline.default().cleaners
    raw_pages = [Page.from_text(t) for t in pages]
    normalize = cleaners[0]
    normalized = [normalize(p) for p in raw_pages]
    per_cleaner: list[tuple[str, float]] = []
    for i, c in enumerate(cleaners):
        inputs = raw_pages if i == 0 else normalized
        dt = best_of(repeat, lambda c=c, inputs=inputs: apply_all(c, inputs))
        per_cleaner.append((c.name, dt))
        print(f"{'  ' + c.name:24}{mb / dt:10.2f}{dt:10.3f}{dt / t_clean:9.0%}", flush=True)
    del raw_pages, normalized
    verdict = "meets" if share >= TARGET_SHARE else "MISSES"
    print(
        f"\nclean()/floor = {share:.1%} of the floor's MB/s "
        f"({verdict} the >= {TARGET_SHARE:.0%} target)"
    )
    slow = [(n, dt) for n, dt in per_cleaner if dt / t_clean >= 0.25]
    if slow:
        listed = ", ".join(f"{n} ({dt / t_clean:.0%} of clean)" for n, dt in slow)
        print("slowest cleaners: " + listed)

    print(f"(section 2: {time.perf_counter() - started:.0f} s)")

    # 2b. what the policy's decisions need at least, each step alone
    target = TARGET_SHARE * mb / t_floor
    print(f"\nsteps the policy needs, each alone (target for all of clean(): {target:.0f} MB/s)")
    t_steps = 0.0
    for label, run in minimal_steps(pages):
        dt = best_of(repeat, run)
        t_steps += dt
        print(f"{'  ' + label:44}{mb / dt:10.2f} MB/s{(mb / dt) / (mb / t_floor):8.0%} of floor")
    label = "  all of them, one after the other"
    print(f"{label:44}{mb / t_steps:10.2f} MB/s{(mb / t_steps) / (mb / t_floor):8.0%} of floor")

    # 3. adversarial
    findings: list[str] = []
    t_adv = time.perf_counter()
    if not args.no_adversarial:
        print(f"\nadversarial pages (clean(); guard {args.timeout:.0f} s per size; * = extra case)")
        findings = run_adversarial(args.timeout, repeat)
        print("non-linear / stopped: " + ("; ".join(findings) if findings else "none"))
        print(f"(section 3: {time.perf_counter() - t_adv:.0f} s)")

    # 4. memory
    gc.collect()
    tracemalloc.start()
    for text in pages:
        clean(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    largest = max(len(t.encode("utf-8")) for t in samples) / 1e3
    print(
        f"\npeak memory (tracemalloc) cleaning the {mb:.2f} MB corpus page by page: "
        f"{peak / 1e6:.2f} MB (largest page {largest:.0f} KB)"
    )
    print(f"total run time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

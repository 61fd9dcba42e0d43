"""Command line: `hindiclean FILE...`, `hindiclean explain FILE`, `hindiclean evaluate GOLD...`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .batch import (
    Options,
    PipelineSpec,
    Settings,
    UsageError,
    check_args,
    discover,
    iter_sources,
    run_batch,
)
from .batch.inputs import read_pages
from .evaluate import GoldError, evaluate
from .explain import explain
from .learn import MAX_CANDIDATES, MIN_PAGES, MIN_SHARE, Learner, write_rules
from .pipeline import Pipeline
from .rules import RuleError

COMMANDS = ("clean", "explain", "evaluate", "learn")
EXIT_REPORTED = 1  # `clean`: done, some pages reported
EXIT_FAILED = 3  # `clean`: the run failed (2 is a usage error)


def _pipeline(args: argparse.Namespace) -> Pipeline:
    return PipelineSpec(tuple(args.rules or ()), tuple(args.disable or ())).build()


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def _cmd_clean(args: argparse.Namespace) -> int:
    spec = PipelineSpec(tuple(args.rules or ()), tuple(args.disable or ()))
    spec.build()  # bad rules and unknown names fail here, before any work starts
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    settings = Settings(
        page_timeout=args.page_timeout, max_listed=args.max_listed,
        gzip_level=args.gzip_level, fsync=not args.no_fsync,
    )
    try:
        settings.check()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    out = Path(args.out) if args.out else None
    check_args(args.inputs, out)
    if args.report and not Path(args.report).resolve().parent.is_dir():
        raise UsageError(f"--report {args.report}: its folder does not exist")
    files = [Path(a) for a in args.inputs if a != "-"]
    known = "-" not in args.inputs and all(p.is_file() for p in files)
    options = Options(
        out=out,
        text_field=args.field,
        jobs=args.jobs,
        errors=args.errors,
        resume=args.resume,
        progress=not args.quiet and sys.stderr.isatty(),
        total_bytes=sum(p.stat().st_size for p in files) if known else None,
        spec=spec,
        settings=settings,
    )
    report = run_batch(iter_sources(args.inputs, args.glob, settings), options)
    if args.report:
        try:
            report.write(args.report)
        except OSError as exc:
            report.status = "failed"
            report.error = f"cannot write the report {args.report}: {exc}"
    if not args.quiet or report.status != "done":
        sys.stderr.write(report.summary())
    else:
        for failure in report.stats.failures.items:  # a skipped page is always reported
            sys.stderr.write(f"hindiclean: skipped: {failure.describe()}\n")
        if report.stats.failures.left_out:
            sys.stderr.write(f"hindiclean: ... and {report.stats.failures.left_out} more\n")
    if report.status != "done":
        return EXIT_FAILED
    return EXIT_REPORTED if report.stats.skipped else 0


def _cmd_learn(args: argparse.Namespace) -> int:
    sources = discover(args.inputs, args.glob)
    if not sources:
        raise UsageError(f"no input files (folders are searched for {args.glob!r}; see --glob)")
    try:
        learner = Learner(args.min_pages, args.min_share, args.max_candidates)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    skipped: list[str] = []
    for name, text in read_pages(sources, args.field, skipped):
        learner.add(text, name)
    rules = learner.rules()
    header = (
        f"Learned by `hindiclean learn` from {learner.pages} pages (min {args.min_pages} pages, "
        f"{100 * args.min_share:g} % of them).\n"
        "Each rule removes a whole line that recurs across the dump. Read them, delete any that\n"
        "is body, then: hindiclean clean ... --rules THIS_FILE"
    )
    write_rules(rules, args.out, header)
    if not args.quiet:
        sys.stderr.write(
            f"hindiclean: {len(rules)} rules learned from {learner.pages} pages "
            f"({len(skipped)} unreadable) -> {args.out}\n"
        )
        for r in list(rules)[:10]:
            sys.stderr.write(f"  {r.meta['pages']:>6} pages  {r.examples[0][:80]}\n")
    return 1 if skipped else 0


def _cmd_explain(args: argparse.Namespace) -> int:
    text = _read(args.file)
    sys.stdout.write(explain(text, _pipeline(args), color=sys.stdout.isatty()))
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    report = evaluate(args.gold, _pipeline(args))
    sys.stdout.write(report.render(show_misses=args.show_misses))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hindiclean",
        description="Turn raw Hindi news pages into the article alone.",
        epilog="`hindiclean FILE...` is short for `hindiclean clean FILE...`.",
    )
    parser.add_argument("--version", action="version", version=f"hindiclean {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def rule_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--rules", action="append", metavar="FILE.toml", help="extra rules (repeatable)"
        )
        p.add_argument(
            "--disable", action="append", metavar="NAME", help="switch off a rule or cleaner"
        )

    c = sub.add_parser(
        "clean",
        help="clean text files, folders, JSONL (.gz) or Parquet into --out (or stdout)",
    )
    c.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="text files, folders (recursive), .jsonl/.jsonl.gz, .parquet, or - for stdin",
    )
    c.add_argument("--out", metavar="DIR", help="write outputs here, in the inputs' layout")
    c.add_argument("--glob", default="*.txt", help="files to take from folders (default *.txt)")
    c.add_argument("--field", default="text", help="JSONL/Parquet field to clean (default text)")
    c.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1,
        help="worker processes (default: all cores)",
    )
    c.add_argument(
        "--errors", choices=("skip", "replace", "keep"), default="skip",
        help="a page that cannot be cleaned is reported and: left out (skip, default), written "
        "unchanged (keep); replace cleans invalid UTF-8 with U+FFFD",
    )
    c.add_argument(
        "--resume", action="store_true",
        help="keep outputs made from the same input and options; go on inside a JSONL file",
    )
    d = Settings()
    c.add_argument(
        "--page-timeout", type=float, default=d.page_timeout, metavar="SECONDS",
        help=f"time limit for one page; past it the page is reported (default {d.page_timeout:g})",
    )
    c.add_argument(
        "--max-listed", type=int, default=d.max_listed, metavar="N",
        help=f"failures and empty pages named in the report (default {d.max_listed})",
    )
    c.add_argument(
        "--gzip-level", type=int, default=d.gzip_level, metavar="0-9",
        help=f"compression of .jsonl.gz outputs (default {d.gzip_level})",
    )
    c.add_argument(
        "--no-fsync", action="store_true", help="do not flush outputs to disk before renaming"
    )
    c.add_argument("--report", metavar="FILE.json", help="write the run's report as JSON")
    c.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    rule_options(c)
    c.set_defaults(func=_cmd_clean)

    ln = sub.add_parser("learn", help="learn a site's boilerplate: lines recurring across pages")
    ln.add_argument("inputs", nargs="+", metavar="INPUT", help="the same inputs as `clean`")
    ln.add_argument("--out", required=True, metavar="FILE.toml", help="where to write the rules")
    ln.add_argument("--glob", default="*.txt", help="files to take from folders (default *.txt)")
    ln.add_argument("--field", default="text", help="JSONL/Parquet field (default text)")
    ln.add_argument(
        "--min-pages", type=int, default=MIN_PAGES,
        help=f"a line must recur on this many pages (default {MIN_PAGES})",
    )
    ln.add_argument(
        "--min-share", type=float, default=MIN_SHARE,
        help=f"... and on this share of all pages (default {MIN_SHARE})",
    )
    ln.add_argument(
        "--max-candidates", type=int, default=MAX_CANDIDATES,
        help="distinct lines counted at most (bounds memory)",
    )
    ln.add_argument("--quiet", action="store_true", help="no summary")
    ln.set_defaults(func=_cmd_learn)

    e = sub.add_parser("explain", help="show each line of a page, kept or dropped, and why")
    e.add_argument("file", metavar="FILE")
    rule_options(e)
    e.set_defaults(func=_cmd_explain)

    v = sub.add_parser("evaluate", help="score against gold JSONL (id, raw, expected)")
    v.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    v.add_argument("--show-misses", action="store_true", help="list lost body and surviving chrome")
    rule_options(v)
    v.set_defaults(func=_cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and (argv[0] == "-" or not argv[0].startswith("-")):
        argv.insert(0, "clean")
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except (RuleError, GoldError, UsageError) as exc:
        print(f"hindiclean: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        msg = "hindiclean: interrupted; unfinished outputs are left as .part files"
        print(msg, file=sys.stderr)
        return 130
    except (OSError, UnicodeDecodeError) as exc:
        print(f"hindiclean: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Command line: `hindiclean clean`, `explain`, `learn`, `evaluate`, `rules` and `settings`; see
`hindiclean --help`."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
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
from .batch.inputs import FORMATS, kind_of, read_pages
from .evaluate import GoldError, evaluate
from .learn import MAX_CANDIDATES, MIN_PAGES, MIN_SHARE, Learner, write_rules
from .pipeline import Pipeline
from .rules import RuleError
from .settings import Settings as CleanerSettings
from .settings import use

COMMANDS = ("clean", "explain", "evaluate", "learn", "rules", "settings")
EXIT_REPORTED = 1  # `clean`: done, some pages reported
EXIT_FAILED = 3  # `clean`: the run failed (2 is a usage error)


def _settings(args: argparse.Namespace) -> CleanerSettings | None:
    """The cleaners' settings from --settings FILE.toml (None: the defaults); a bad file is a
    usage error naming the file, the section and the field."""
    path = getattr(args, "settings", None)
    if path is None:
        return None
    try:
        return CleanerSettings.from_toml(path)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _spec(args: argparse.Namespace) -> PipelineSpec:
    return PipelineSpec(tuple(args.rules or ()), tuple(args.disable or ()), _settings(args))


def _pipeline(args: argparse.Namespace) -> Pipeline:
    return _spec(args).build()


def _learn_options(args: argparse.Namespace, spec: PipelineSpec) -> tuple[int, float, int]:
    """--min-pages, --min-share, --max-candidates: given, or from the settings file, or the
    defaults."""
    learn = (spec.settings or CleanerSettings()).learn
    return (
        learn.min_pages if args.min_pages is None else args.min_pages,
        learn.min_share if args.min_share is None else args.min_share,
        learn.max_candidates if args.max_candidates is None else args.max_candidates,
    )


def _inputs_or_stdin(inputs: list[str], command: str) -> list[str]:
    """The INPUT arguments, or stdin (`-`) when none are given and a page is piped in."""
    if inputs:
        return inputs
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError(
            f"no input: give files or folders, or pipe a page in "
            f"(cat page.txt | hindiclean {command}); see hindiclean {command} --help"
        )
    return ["-"]


def _cmd_clean(args: argparse.Namespace) -> int:
    spec = _spec(args)  # a bad settings file fails here, before any work starts
    spec.build()  # bad rules and unknown names fail here, before any work starts
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    inputs = _inputs_or_stdin(args.inputs, "clean")
    # Into --out: a progress bar on a terminal and a summary. To stdout (a filter, as in
    # `cat page.txt | hindiclean clean | less`): only skipped pages are reported.
    quiet = args.quiet or not args.out
    min_pages, min_share, max_candidates = _learn_options(args, spec)
    settings = Settings(
        page_timeout=args.page_timeout, max_listed=args.max_listed,
        gzip_level=args.gzip_level, fsync=not args.no_fsync,
        learn_min_pages=min_pages, learn_min_share=min_share,
        learn_max_candidates=max_candidates,
    )
    if spec.settings is not None:
        settings = replace(
            settings,
            learn_max_total=spec.settings.learn.max_total_candidates,
            learn_max_sites=spec.settings.learn.max_sites,
        )
    try:
        settings.check()
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    out = Path(args.out) if args.out else None
    check_args(inputs, out)
    if args.report and not Path(args.report).resolve().parent.is_dir():
        raise UsageError(f"--report {args.report}: its folder does not exist")
    learn_only = [o for o, v in (("--save-rules", args.save_rules),
                                 ("--site-field", args.site_field)) if v is not None]
    if learn_only and not args.learn:
        raise UsageError(f"{' and '.join(learn_only)} go with --learn")
    if args.learn and "-" in inputs:
        raise UsageError("--learn reads its inputs twice: give files or folders, not stdin")
    save_rules = Path(args.save_rules) if args.save_rules else None
    if save_rules is not None and save_rules.exists() and not save_rules.is_dir():
        raise UsageError(f"--save-rules {save_rules} is a file; it must be a folder")
    files = [Path(a) for a in inputs if a != "-"]
    known = "-" not in inputs and all(p.is_file() for p in files)
    options = Options(
        out=out,
        text_field=args.field,
        jobs=args.jobs,
        errors=args.errors,
        resume=args.resume,
        progress=not quiet and sys.stderr.isatty(),
        total_bytes=sum(p.stat().st_size for p in files) if known else None,
        spec=spec,
        settings=settings,
        learn=args.learn,
        site_field=args.site_field or "url",
        save_rules=save_rules,
    )
    if args.learn and "-" in inputs:
        raise UsageError("--learn reads its inputs twice: give files or folders, not stdin")
    if args.learn:  # two passes over the inputs: a fresh listing for each
        report = run_batch(lambda: iter_sources(inputs, args.glob, settings, args.format), options)
    else:
        report = run_batch(iter_sources(inputs, args.glob, settings, args.format), options)
    if args.report:
        try:
            report.write(args.report)
        except OSError as exc:
            report.status = "failed"
            report.error = f"cannot write the report {args.report}: {exc}"
    if not quiet or report.status != "done":
        sys.stderr.write(report.summary())
    else:
        for failure in report.stats.failures.items:  # a skipped page is always reported
            sys.stderr.write(f"hindiclean: skipped: {failure.describe()}\n")
        if report.stats.failures.left_out:
            sys.stderr.write(f"hindiclean: ... and {report.stats.failures.left_out} more\n")
    if report.status != "done":
        return EXIT_FAILED
    return EXIT_REPORTED if report.stats.skipped else 0


def _cmd_rules(args: argparse.Namespace) -> int:
    for name, category, cleaner_name, description in _pipeline(args).rule_names():
        sys.stdout.write(f"{name}\t{category}\t{cleaner_name}\t{description}\n")
    return 0


def _cmd_settings(args: argparse.Namespace) -> int:
    settings = _settings(args) or CleanerSettings()
    if args.toml:
        sys.stdout.write(settings.to_toml())
        return 0
    for name, value, description in settings.items():
        sys.stdout.write(f"{name}\t{value}\t{description}\n")
    return 0


def _cmd_learn(args: argparse.Namespace) -> int:
    spec = PipelineSpec(settings=_settings(args))
    min_pages, min_share, max_candidates = _learn_options(args, spec)
    sources = discover(args.inputs, args.glob)
    if not sources:
        raise UsageError(f"no input files (folders are searched for {args.glob!r}; see --glob)")
    with use(spec.settings or CleanerSettings()):
        try:
            learner = Learner(min_pages, min_share, max_candidates)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        skipped: list[str] = []
        for name, text in read_pages(sources, args.field, skipped):
            learner.add(text, name)
        rules = learner.rules()
    header = (
        f"Learned by `hindiclean learn` from {learner.pages} pages (min {min_pages} pages, "
        f"{100 * min_share:g} % of them).\n"
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


def _use_color(choice: str) -> bool:
    """--color auto: on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    if choice == "auto":
        return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return choice == "always"


def _record(path: Path, kind: str, record: int | None, field: str) -> str:
    """The page in record `record` (1-based: the line of a JSONL file, the row of a Parquet
    file; the number `clean` reports for a skipped page)."""
    if record is None:
        raise UsageError(
            f"{path} holds one page per record: choose one with --record N "
            f"(e.g. --record 1; --field names the field, default 'text')"
        )
    if record < 1:
        raise UsageError("--record counts from 1")
    if kind == "parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:
            msg = f"{path}: Parquet needs pyarrow: pip install -e '.[parquet]'"
            raise UsageError(msg) from None
        table = pq.read_table(path)
        if field not in table.column_names:
            raise UsageError(f"{path}: no column {field!r} (has {table.column_names}); see --field")
        if record > table.num_rows:
            raise UsageError(f"{path} has {table.num_rows} rows, not {record}")
        value = table.column(field)[record - 1].as_py()
    else:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            n = 0
            for n, raw in enumerate(fh, start=1):  # noqa: B007 - n is the count when it ends
                if n == record:
                    break
            else:
                raise UsageError(f"{path} has {n} lines, not {record}")
        try:
            data = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UsageError(f"{path}, record {record}: not a JSON line ({exc})") from None
        if not isinstance(data, dict) or field not in data:
            fields = sorted(data) if isinstance(data, dict) else []
            raise UsageError(
                f"{path}, record {record}: no field {field!r} (has {fields}); see --field"
            )
        value = data[field]
    if not isinstance(value, str):
        raise UsageError(f"{path}, record {record}: {field!r} holds {type(value).__name__}")
    return value


def _explain_pages(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """(label, page text) for each FILE of `explain`; errors say what to give instead."""
    for arg in _inputs_or_stdin(args.files, "explain"):
        if arg == "-":
            data = sys.stdin.buffer.read()
            label = "-"
        else:
            path = Path(arg)
            if path.is_dir():
                raise UsageError(
                    f"{arg} is a folder; explain takes files "
                    f"(e.g. hindiclean explain {arg}/NAME.txt)"
                )
            if not path.is_file():
                raise UsageError(f"{arg}: no such file")
            kind = kind_of(path)
            if kind != "text":
                record = args.record
                label = f"{arg}, record {record}" if record else arg
                yield label, _record(path, kind, record, args.field)
                continue
            data = path.read_bytes()
            label = arg
        try:
            yield label, data.decode("utf-8")
        except UnicodeDecodeError as exc:
            msg = f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start})"
            raise UsageError(msg) from None


def _cmd_explain(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    color = _use_color(args.color)
    pages = list(_explain_pages(args))  # every input is checked before any output
    for i, (label, text) in enumerate(pages):
        if len(pages) > 1:
            sys.stdout.write(f"{chr(10) if i else ''}==> {label} <==\n")
        # line by line: a reader that stops early (`| head`) is noticed, not lost in one write
        sys.stdout.writelines(pipeline.explain(text, color=color).splitlines(keepends=True))
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    report = evaluate(args.gold, _pipeline(args))
    sys.stdout.write(report.render(show_misses=args.show_misses))
    return 0


_CLEAN_HELP = """\
Clean text files, folders, JSONL (.gz) or Parquet: each page comes out as the article alone.

With --out DIR, outputs keep the inputs' layout and format, on all cores, with a progress bar
on a terminal and a summary on stderr. Without --out, the clean text goes to stdout (Parquet
needs --out) and only skipped pages are reported. With no INPUT, a page piped in is read from
stdin. Exit code: 0 all pages cleaned, 1 some pages skipped (each reported), 2 usage error.
"""
_CLEAN_EXAMPLES = """\
examples:
  hindiclean clean corpus_samples/*.txt --out out       # out/NAME.txt for each page
  hindiclean clean dump/ --out clean/                   # folders recursively (--glob '*.txt')
  hindiclean clean dump.jsonl.gz --field content --out clean/ --report run.json
  cat page.txt | hindiclean clean | less                # stdin to stdout
  hindiclean page.txt                                   # same as `hindiclean clean page.txt`
  hindiclean clean dump/ --out clean/ --rules site-rules.toml --disable ads.label
  hindiclean clean crawl/ --glob '*.jsonl.gz' --out clean/ --learn --save-rules rules/
"""
_EXPLAIN_HELP = """\
Show each line of a page: kept (+), dropped (-) or cut inside the line (~), with the category
and the rule that removed it. Coloured on a terminal (--color; NO_COLOR turns it off).
A JSONL or Parquet file holds one page per record: choose it with --record N.
"""
_EXPLAIN_EXAMPLES = """\
examples:
  hindiclean explain corpus_samples/own_01_khabarlahar.txt
  hindiclean explain a.txt b.txt | less -R
  hindiclean explain dump.jsonl --record 12 --field content   # the record `clean` named
  cat page.txt | hindiclean explain
  hindiclean explain page.txt --rules site-rules.toml         # see your own rules fire
"""
_LEARN_HELP = """\
Learn a site's boilerplate from its dump: whole lines that recur on many pages (a newsletter
line, a footer, a widget title, a desk name), written as ordinary rules to read, edit and use
with `hindiclean clean --rules FILE.toml`. Recurring body (agency copy, repeated quotes,
subheadings over the article's prose) is never learned.
"""
_LEARN_EXAMPLES = """\
examples:
  hindiclean learn dump/ --out site-rules.toml
  hindiclean clean dump/ --out clean/ --rules site-rules.toml
  hindiclean learn crawl.jsonl.gz --field content --min-pages 20 --out site-rules.toml
"""
_EVALUATE_HELP = """\
Score the cleaner against gold pages: JSON lines with `id`, `raw` and `expected`. Prints body
recall (words of the article kept), pages with body loss, boilerplate removal, precision, F1
and idempotence.
"""
_EVALUATE_EXAMPLES = """\
examples:
  hindiclean evaluate tests/data/gold/*.jsonl
  hindiclean evaluate eval/heldout.jsonl --show-misses       # lost body, surviving chrome
  hindiclean evaluate my-pages.jsonl --rules site-rules.toml --disable off_topic
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hindiclean",
        description="Turn raw Hindi news pages into the article alone.",
        epilog="`hindiclean FILE...` is short for `hindiclean clean FILE...`; "
        "`hindiclean COMMAND --help` shows each command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"hindiclean {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str, examples: str):
        return sub.add_parser(
            name,
            help=summary,
            description=description,
            epilog=examples,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def rule_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--rules", action="append", metavar="FILE.toml",
            help="extra rules from a rule file (repeatable: --rules a.toml --rules b.toml)",
        )
        p.add_argument(
            "--disable", action="append", metavar="NAME",
            help="switch off a cleaner (off_topic) or one rule (ads.label); repeatable",
        )

    def settings_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--settings", metavar="FILE.toml",
            help="the cleaners' thresholds from a TOML file (see `hindiclean settings --toml`); "
            "values it does not name keep their defaults",
        )

    c = command(
        "clean", "clean text files, folders, JSONL (.gz) or Parquet into --out (or stdout)",
        _CLEAN_HELP, _CLEAN_EXAMPLES,
    )
    c.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="text files, folders (recursive), .jsonl/.jsonl.gz, .parquet, or - for stdin "
        "(default: stdin, when a page is piped in)",
    )
    c.add_argument("--out", metavar="DIR", help="write outputs here, in the inputs' layout "
                   "(default: the clean text to stdout)")
    c.add_argument("--glob", default="*.txt", help="files to take from folders (default *.txt)")
    c.add_argument(
        "--format", choices=FORMATS, default="auto",
        help="format of every input (default auto: by the name; a .json file or stdin whose "
             "first line is a JSON object is JSON Lines)",
    )
    c.add_argument("--field", default="text", help="JSONL/Parquet field to clean (default text)")
    c.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1,
        help=f"worker processes (default: all cores, here {os.cpu_count() or 1})",
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
    c.add_argument(
        "--learn", action="store_true",
        help="a first pass learns each site's recurring chrome; the second cleans every page "
        "with the packaged rules plus its own site's learned rules",
    )
    c.add_argument(
        "--site-field", metavar="NAME",
        help="--learn, JSONL/Parquet: the field giving a record's site: a URL (its host is the "
        "site) or a site name (default url; text files: the first folder level)",
    )
    c.add_argument(
        "--save-rules", metavar="DIR",
        help="--learn: write each site's learned rules to DIR/SITE.toml (to read, edit and "
        "pass back with --rules)",
    )
    c.add_argument(
        "--min-pages", type=int,
        help=f"--learn: a line must recur on this many of its site's pages; a site with fewer "
        f"pages learns nothing (default {d.learn_min_pages})",
    )
    c.add_argument(
        "--min-share", type=float,
        help=f"--learn: ... and on this share of them (default {d.learn_min_share})",
    )
    c.add_argument(
        "--max-candidates", type=int,
        help=f"--learn: distinct lines counted per site at most (default "
        f"{d.learn_max_candidates})",
    )
    c.add_argument("--report", metavar="FILE.json", help="write the run's report as JSON")
    c.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress bar, no summary (skipped pages are still reported)",
    )
    rule_options(c)
    settings_option(c)
    c.set_defaults(func=_cmd_clean)

    ln = command(
        "learn", "learn a site's boilerplate: lines recurring across pages",
        _LEARN_HELP, _LEARN_EXAMPLES,
    )
    ln.add_argument("inputs", nargs="+", metavar="INPUT", help="the same inputs as `clean`")
    ln.add_argument("--out", required=True, metavar="FILE.toml", help="where to write the rules")
    ln.add_argument("--glob", default="*.txt", help="files to take from folders (default *.txt)")
    ln.add_argument("--field", default="text", help="JSONL/Parquet field (default text)")
    ln.add_argument(
        "--min-pages", type=int,
        help=f"a line must recur on this many pages (default {MIN_PAGES})",
    )
    ln.add_argument(
        "--min-share", type=float,
        help=f"... and on this share of all pages (default {MIN_SHARE})",
    )
    ln.add_argument(
        "--max-candidates", type=int,
        help=f"distinct lines counted at most: bounds memory (default {MAX_CANDIDATES})",
    )
    ln.add_argument("-q", "--quiet", action="store_true", help="no summary")
    settings_option(ln)
    ln.set_defaults(func=_cmd_learn)

    e = command(
        "explain", "show each line of a page, kept or dropped, and why",
        _EXPLAIN_HELP, _EXPLAIN_EXAMPLES,
    )
    e.add_argument(
        "files", nargs="*", metavar="FILE",
        help="pages to explain (text, or JSONL/Parquet with --record); - or none: stdin",
    )
    e.add_argument(
        "--record", type=int, metavar="N",
        help="in a JSONL or Parquet file, the page of record N (1 = first line or row)",
    )
    e.add_argument("--field", default="text", help="JSONL/Parquet field (default text)")
    e.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour the output (default auto: on a terminal, unless NO_COLOR is set)",
    )
    rule_options(e)
    settings_option(e)
    e.set_defaults(func=_cmd_explain)

    v = command(
        "evaluate", "score against gold JSONL (id, raw, expected)",
        _EVALUATE_HELP, _EVALUATE_EXAMPLES,
    )
    v.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    v.add_argument("--show-misses", action="store_true", help="list lost body and surviving chrome")
    rule_options(v)
    settings_option(v)
    v.set_defaults(func=_cmd_evaluate)

    r = command(
        "rules", "list every rule, detector and decision name with its category",
        "List every name a removal can carry (what explain prints in brackets), with its\n"
        "category, its cleaner and what it removes. Rule and detector names and cleaner or\n"
        "category names can be given to --disable.",
        "examples:\n  hindiclean rules\n  hindiclean rules --rules site-rules.toml | grep site.",
    )
    rule_options(r)
    r.set_defaults(func=_cmd_rules)

    st = command(
        "settings", "list every threshold of the cleaners, or write a TOML file of them",
        "List every setting (threshold) of the cleaners: its name (section.field), its value\n"
        "and what it bounds. --toml writes them as a TOML file to edit and pass back with\n"
        "--settings (clean, explain, evaluate, learn).",
        "examples:\n  hindiclean settings\n  hindiclean settings --toml > my-settings.toml\n"
        "  hindiclean settings --settings my-settings.toml     # the values a file gives",
    )
    st.add_argument("--toml", action="store_true", help="write a TOML file (with comments)")
    settings_option(st)
    st.set_defaults(func=_cmd_settings)
    return parser


def _stdout_closed() -> int:
    """The reader of stdout went away (`hindiclean clean page.txt | head`): stop quietly."""
    try:  # Python would report the broken pipe again when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass
    return 141  # 128 + SIGPIPE, what a shell reports for a command stopped by a closed pipe


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv and sys.stdin is not None and not sys.stdin.isatty():
        argv = ["clean"]  # `cat page.txt | hindiclean`
    elif argv and argv[0] not in COMMANDS and (argv[0] == "-" or not argv[0].startswith("-")):
        argv.insert(0, "clean")
    args = _parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except (RuleError, GoldError, UsageError) as exc:
        print(f"hindiclean: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        msg = "hindiclean: interrupted; unfinished outputs are left as .part files"
        print(msg, file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _stdout_closed()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"hindiclean: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Command line: `hindiclean FILE...`, `hindiclean explain FILE`, `hindiclean evaluate GOLD...`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .evaluate import GoldError, evaluate
from .explain import explain
from .pipeline import DEFAULT, Pipeline
from .rules import RuleError, load_rules

COMMANDS = ("clean", "explain", "evaluate")


def _pipeline(args: argparse.Namespace) -> Pipeline:
    p = DEFAULT
    for path in getattr(args, "rules", None) or ():
        p = p.with_rules(load_rules(path), name=f"custom:{Path(path).stem}")
    if getattr(args, "disable", None):
        p = p.without(*args.disable)
    return p


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def _cmd_clean(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in args.files:
        try:
            text = _read(path)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"hindiclean: {path}: skipped: {exc}", file=sys.stderr)
            failed += 1
            continue
        cleaned = pipeline.run(text).text
        if out_dir is None:
            sys.stdout.write(cleaned)
        else:
            name = "stdin.txt" if path == "-" else Path(path).name
            target = out_dir / name
            tmp = target.with_name(target.name + ".part")
            tmp.write_text(cleaned, encoding="utf-8")
            tmp.replace(target)
    return 1 if failed else 0


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

    c = sub.add_parser("clean", help="clean text files (to stdout, or to --out DIR)")
    c.add_argument("files", nargs="+", metavar="FILE", help="text files, or - for stdin")
    c.add_argument("--out", metavar="DIR", help="write NAME into DIR instead of stdout")
    rule_options(c)
    c.set_defaults(func=_cmd_clean)

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
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "clean")
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except (RuleError, GoldError) as exc:
        print(f"hindiclean: {exc}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        print(f"hindiclean: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

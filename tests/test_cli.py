"""The command line, run as a user would: clean files, explain a page, evaluate gold files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLES

RAW = "Home > देश > खबर\nविज्ञापन\nसरकार ने आज किसानों के लिए नई योजना की घोषणा की।\nFollow Us\n"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hindiclean", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def test_clean_file_to_stdout(tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(RAW, encoding="utf-8")
    res = run(str(page))
    assert res.returncode == 0, res.stderr
    assert res.stdout == "सरकार ने आज किसानों के लिए नई योजना की घोषणा की।\n"


def test_clean_stdin_and_subcommand() -> None:
    res = run("clean", "-", stdin=RAW)
    assert res.returncode == 0
    assert res.stdout.startswith("सरकार ने आज")


def test_clean_samples_to_out_dir(tmp_path) -> None:
    files = sorted(str(p) for p in SAMPLES.glob("seed_*.txt") if ".expected" not in p.name)
    res = run("clean", *files, "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != ".hindiclean")
    assert written == sorted(Path(f).name for f in files)
    assert not list((tmp_path / "out").glob("*.part"))


def test_unreadable_file_is_reported_and_others_still_cleaned(tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(RAW, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf-8")
    res = run("clean", str(bad), str(good), "--out", str(tmp_path / "out"))
    assert res.returncode == 1
    assert "bad.txt" in res.stderr
    assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8").startswith("सरकार")
    assert not (tmp_path / "out" / "bad.txt").exists()


def test_rules_and_disable_options(tmp_path) -> None:
    rules = tmp_path / "site.toml"
    rules.write_text(
        'category = "social"\n[[rule]]\nname = "site.gov"\npattern = "सरकार ने आज.*"\n',
        encoding="utf-8",
    )
    res = run("clean", "-", "--rules", str(rules), "--disable", "ads.label", stdin=RAW)
    assert res.returncode == 0, res.stderr
    assert res.stdout == "विज्ञापन\n"


def test_bad_rule_file_is_a_usage_error_naming_the_file(tmp_path) -> None:
    rules = tmp_path / "broken.toml"
    rules.write_text('[[rule]]\nname = "x.y"\ncategory = "ads"\npattern = "(("\n', encoding="utf-8")
    res = run("clean", "-", "--rules", str(rules), stdin=RAW)
    assert res.returncode == 2
    assert "broken.toml" in res.stderr and "x.y" in res.stderr


def test_explain(tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(RAW, encoding="utf-8")
    res = run("explain", str(page))
    assert res.returncode == 0
    assert "[ads: ads.label] विज्ञापन" in res.stdout
    assert "+ सरकार ने आज" in res.stdout


def test_evaluate_and_show_misses(tmp_path) -> None:
    gold = tmp_path / "g.jsonl"
    rec = {"id": "p1", "raw": RAW + "योजना का लाभ किसे मिलेगा\n", "expected": RAW.splitlines()[2]}
    gold.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    res = run("evaluate", str(gold), "--show-misses")
    assert res.returncode == 0, res.stderr
    assert "body recall           100.00 %" in res.stdout
    assert "SURVIVING p1: योजना का लाभ किसे मिलेगा" in res.stdout


def test_evaluate_bad_gold_names_file_and_line(tmp_path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "a", "raw": "x", "expected": "x"}\nnot json\n', encoding="utf-8")
    res = run("evaluate", str(gold))
    assert res.returncode == 2
    assert f"{gold}:2" in res.stderr

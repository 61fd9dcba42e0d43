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


# ------------------------------------------------ the shell: stdin, quiet, summary, broken pipe


def test_stdin_is_read_when_no_input_is_given(tmp_path) -> None:
    for args in (("clean",), ()):  # `cat page | hindiclean clean` and `cat page | hindiclean`
        res = run(*args, stdin=RAW)
        assert res.returncode == 0, res.stderr
        assert res.stdout == "सरकार ने आज किसानों के लिए नई योजना की घोषणा की।\n"
        assert res.stderr == ""  # a filter: no progress line, no summary


def test_no_input_on_a_terminal_is_a_usage_error(monkeypatch, capsys) -> None:
    from hindiclean import cli

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    assert cli.main(["clean"]) == 2
    assert "no input" in capsys.readouterr().err
    assert cli.main(["explain"]) == 2
    assert "cat page.txt | hindiclean explain" in capsys.readouterr().err


def test_one_page_to_stdout_prints_no_summary_and_into_out_it_does(tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(RAW, encoding="utf-8")
    res = run("clean", str(page))
    assert (res.returncode, res.stderr) == (0, "")
    res = run("clean", str(page), "--out", str(tmp_path / "out"))
    assert res.returncode == 0 and "1 pages: 1 cleaned" in res.stderr
    for quiet in ("-q", "--quiet"):
        res = run("clean", str(page), "--out", str(tmp_path / "out2"), quiet)
        assert (res.returncode, res.stderr) == (0, "")
    res = run("learn", str(page), "--out", str(tmp_path / "r.toml"), "-q")
    assert (res.returncode, res.stderr) == (0, "")


def test_a_closed_pipe_ends_the_command_quietly(tmp_path) -> None:
    big = tmp_path / "big.txt"  # explained, far more than a pipe holds
    big.write_text(RAW * 3000, encoding="utf-8")
    sample = (SAMPLES / "own_01_khabarlahar.txt").read_text(encoding="utf-8")
    pages = []
    for i in range(100):  # cleaned, far more than a pipe holds
        pages.append(tmp_path / f"{i:03d}.txt")
        pages[-1].write_text(sample, encoding="utf-8")
    for args in (("clean", *map(str, pages), "--jobs", "1"), ("explain", str(big))):
        proc = subprocess.Popen(
            [sys.executable, "-m", "hindiclean", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        assert proc.stdout.readline()  # `| head -1`
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 141  # as a shell reports a command stopped by SIGPIPE
        assert err == "", err


# ------------------------------------------------ explain: files, records, errors, colour


def test_explain_several_files_with_a_header_each(tmp_path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(RAW, encoding="utf-8")
    res = run("explain", "a.txt", "b.txt", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "==> a.txt <==" in res.stdout and "==> b.txt <==" in res.stdout
    assert res.stdout.count("[ads: ads.label] विज्ञापन") == 2


def test_explain_missing_file_or_folder_is_a_clear_usage_error(tmp_path) -> None:
    res = run("explain", "nope.txt", cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr == "hindiclean: nope.txt: no such file\n"
    (tmp_path / "dump").mkdir()
    res = run("explain", "dump", cwd=tmp_path)
    assert res.returncode == 2
    assert "dump is a folder" in res.stderr and "Traceback" not in res.stderr
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    res = run("explain", "bad.txt", cwd=tmp_path)
    assert res.returncode == 2 and "bad.txt: not UTF-8 text" in res.stderr


def test_explain_a_record_of_a_jsonl_file(tmp_path) -> None:
    records = [{"id": 1, "content": "पहला पन्ना।"}, {"id": 2, "content": RAW}]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    res = run("explain", "dump.jsonl", "--record", "2", "--field", "content", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "[ads: ads.label] विज्ञापन" in res.stdout
    assert "+ सरकार ने आज" in res.stdout and "पहला" not in res.stdout
    res = run("explain", "dump.jsonl", cwd=tmp_path)  # which record? it says how to choose
    assert res.returncode == 2 and "--record N" in res.stderr
    res = run("explain", "dump.jsonl", "--record", "2", cwd=tmp_path)
    assert res.returncode == 2 and "no field 'text'" in res.stderr and "content" in res.stderr
    res = run("explain", "dump.jsonl", "--record", "3", "--field", "content", cwd=tmp_path)
    assert res.returncode == 2 and "has 2 lines" in res.stderr


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    import os
    import pty

    master, slave = pty.openpty()
    res = subprocess.run(
        [sys.executable, "-m", "hindiclean", *args], stdout=slave, stderr=subprocess.PIPE,
        env={**os.environ, **env}, timeout=120,
    )
    os.close(slave)
    assert res.returncode == 0, res.stderr
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return out.decode("utf-8")


def test_explain_colours_a_terminal_unless_no_color(tmp_path) -> None:
    import os

    page = tmp_path / "page.txt"
    page.write_text(RAW, encoding="utf-8")
    env = {k: "" for k in ("NO_COLOR",)}
    base = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert "\x1b[" in _on_a_terminal(["explain", str(page)], {**base, **env})
    assert "\x1b[" not in _on_a_terminal(["explain", str(page)], {"NO_COLOR": "1"})
    assert "\x1b[" not in _on_a_terminal(["explain", str(page), "--color", "never"], {})
    assert "\x1b[" in run("explain", str(page), "--color", "always").stdout


def test_pipeline_explain_shows_custom_rules_firing() -> None:
    from hindiclean import Pipeline, Rule, RuleSet

    p = Pipeline.default().with_rules(RuleSet((Rule("site.gov", "social", "सरकार ने आज.*"),)))
    text = p.explain(RAW)
    assert "[social: site.gov] सरकार ने आज" in text
    assert "\x1b[" in p.explain(RAW, color=True)


# ------------------------------------------------ help texts and missing extras


def test_each_command_has_a_description_and_examples() -> None:
    for command in ("clean", "explain", "learn", "evaluate"):
        res = run(command, "--help")
        assert res.returncode == 0
        assert "examples:" in res.stdout, command
        assert f"hindiclean {command}" in res.stdout.split("examples:")[1]
        assert len(res.stdout.split("positional arguments")[0].splitlines()) > 6, command
    learn = run("learn", "--help").stdout
    assert "default 200000" in " ".join(learn.split())
    clean = run("clean", "--help").stdout
    assert "repeatable" in " ".join(clean.split("--disable NAME")[-1].split()[:20])
    assert "-q, --quiet" in clean


def test_integrations_without_their_extra_say_what_to_install() -> None:
    for module, blocked, extra in (
        ("hindiclean.datatrove", "datatrove", "datatrove"),
        ("hindiclean.spark", "pyspark", "spark"),
    ):
        code = f"import sys; sys.modules[{blocked!r}] = None; import {module}"
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert res.returncode == 1
        last = res.stderr.strip().splitlines()[-1]
        assert last.startswith("ImportError: ") and f"pip install -e '.[{extra}]'" in last, last
        assert "ModuleNotFoundError" not in res.stderr

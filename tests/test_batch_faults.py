"""A batch run always ends and says what happened: killed and stuck workers (item 4), bad inputs
(item 5), pages that used to be lost without a word (item 7), bounded memory and reports
(item 8). Runs in-process (`run_batch`) where a fault must be injected: the workers are forked,
so a monkeypatched cleaner is theirs too."""

from __future__ import annotations

import gzip
import json
import os
import signal
import time
from pathlib import Path

import pytest

import hindiclean
from hindiclean.batch import Options, Settings, iter_sources, run_batch, work
from hindiclean.batch import files as batch_files
from hindiclean.batch import inputs as batch_inputs
from hindiclean.batch.report import Report

from .test_batch import (
    CLEAN,
    CLEAN2,
    RAW,
    RAW2,
    jsonl_bytes,
    load_report,
    part_files,
    read_jsonl,
    run,
    tree,
    write,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="faults are injected into forked workers")

KILL, STUCK = "KILL-THIS-WORKER", "STUCK-ON-THIS-PAGE"


@pytest.fixture
def faulty(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages holding KILL make their worker SIGKILL itself (as the OOM killer would); pages
    holding STUCK never end."""
    real = work.clean_text

    def clean_text(text: str, *args: object, **kwargs: object) -> str:
        if KILL in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if STUCK in text:
            time.sleep(3600)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(work, "clean_text", clean_text)


def batch(args: list[Path | str], out: Path | None, glob: str = "*.txt", **kw: object) -> Report:
    settings = kw.pop("settings", Settings())
    options = Options(out=out, settings=settings, **kw)  # type: ignore[arg-type]
    return run_batch(iter_sources([str(a) for a in args], glob, settings), options)


def failures(report: Report) -> dict[tuple[str, int | None], str]:
    return {(Path(f.input).name, f.record): f.reason for f in report.stats.failures.items}


# ---------------------------------------------------------------- item 4: dead and stuck workers


@pytest.mark.parametrize("errors", ["skip", "keep"])
def test_a_worker_killed_mid_run_is_reported_and_every_page_accounted_for(tmp_path: Path, faulty: None, errors: str) -> None:
    records = [{"id": i, "text": RAW if i % 2 else RAW2} for i in range(600)]
    for i in (4, 300, 599):
        records[i]["text"] = f"{KILL}\n{RAW}"
    src = write(tmp_path / "dump.jsonl", jsonl_bytes(records))
    for i in range(5):
        write(tmp_path / "pages" / f"{i}.txt", KILL if i == 2 else RAW)
    report = batch([src, tmp_path / "pages"], tmp_path / "out", jobs=2, errors=errors)
    assert report.status == "done", report.error
    s = report.stats
    assert (s.pages, s.cleaned, s.skipped) == (605, 601, 4)
    where = failures(report)
    assert set(where) == {("dump.jsonl", 5), ("dump.jsonl", 301), ("dump.jsonl", 600), ("2.txt", None)}
    assert all("killed by SIGKILL" in r for r in where.values()), where
    lines = (tmp_path / "out" / "dump.jsonl").read_bytes().splitlines(keepends=True)
    raw_lines = src.read_bytes().splitlines(keepends=True)
    if errors == "keep":  # outputs line up with inputs; a failed record is written as it was
        assert len(lines) == 600 and all(lines[i] == raw_lines[i] for i in (4, 300, 599))
        assert (tmp_path / "out" / "2.txt").read_text() == KILL
    else:
        assert len(lines) == 597
        assert not (tmp_path / "out" / "2.txt").exists()
    ids = [json.loads(x)["id"] for x in lines]
    assert ids == sorted(ids)
    assert json.loads(lines[0])["text"] == CLEAN2
    assert (tmp_path / "out" / "1.txt").read_text() == CLEAN
    assert part_files(tmp_path / "out") == []


def test_a_stuck_page_is_stopped_by_the_time_limit_and_the_run_goes_on(tmp_path: Path, faulty: None) -> None:
    records = [{"id": i, "text": f"{STUCK}\n" if i == 1 else RAW} for i in range(40)]
    src = write(tmp_path / "dump.jsonl", jsonl_bytes(records))
    settings = Settings(page_timeout=1.0)
    report = batch([src], tmp_path / "out", jobs=1, settings=settings)
    assert report.status == "done"
    ((where, reason),) = failures(report).items()
    assert where == ("dump.jsonl", 2)
    assert "time limit of 1 s (--page-timeout)" in reason
    assert [r["id"] for r in read_jsonl(tmp_path / "out" / "dump.jsonl")] == [i for i in range(40) if i != 1]


def test_resume_redoes_an_output_that_lost_a_page_to_the_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = [{"id": i, "text": RAW} for i in range(10)]
    src = write(tmp_path / "dump.jsonl", jsonl_bytes(records))
    real = work.clean_text
    monkeypatch.setattr(work, "clean_text", lambda t, name, *a, **k: time.sleep(3600) if name.endswith(":3") else real(t, name, *a, **k))
    first = batch([src], tmp_path / "out", jobs=1, settings=Settings(page_timeout=1.0))
    assert first.stats.skipped == 1
    monkeypatch.undo()  # the next run is not slowed down
    again = batch([src], tmp_path / "out", jobs=1, resume=True)
    assert len(again.resumed_outputs) == 0 and again.stats.cleaned == 10
    assert len(read_jsonl(tmp_path / "out" / "dump.jsonl")) == 10


def test_page_timeout_is_a_cli_option() -> None:
    res = run("clean", "-", "--page-timeout", "0", stdin=RAW)
    assert res.returncode == 2 and "--page-timeout" in res.stderr


# ---------------------------------------------------------------- item 5: bad inputs


def test_every_bad_input_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    good = [{"id": i, "text": RAW} for i in range(3)]
    whole = gzip.compress(jsonl_bytes([{"id": i, "text": RAW2} for i in range(400)]))
    write(tmp_path / "in" / "a_truncated.jsonl.gz", whole[: len(whole) // 2])
    write(tmp_path / "in" / "b_not_gzip.jsonl.gz", jsonl_bytes(good))
    huge_int = "9" * 5000
    nested = "[" * 100_000 + "]" * 100_000
    line_int = b'{"id": ' + huge_int.encode() + b', "text": ' + json.dumps(RAW2, ensure_ascii=False).encode() + b"}\n"
    line_nested = b'{"deep": ' + nested.encode() + b', "text": ' + json.dumps(RAW, ensure_ascii=False).encode() + b"}\n"
    write(tmp_path / "in" / "c_odd_values.jsonl", line_int + line_nested)
    write(tmp_path / "in" / "d_corrupt.parquet", b"PAR1" + os.urandom(200) + b"PAR1")
    pq.write_table(pa.table({"id": [1, 2], "text": pa.array([RAW, None], type=pa.string_view())}), tmp_path / "in" / "e_view.parquet")
    long_name = "न" * 82 + "x.txt"  # 3 * 82 + 5 = 251 bytes: legal, `.NAME.part` would not be
    assert len(long_name.encode()) <= 255 < len(f".{long_name}.part".encode())
    write(tmp_path / "in" / long_name, RAW)
    write(tmp_path / "in" / "z_last.txt", RAW2)

    report = batch([tmp_path / "in"], tmp_path / "out", glob="*", jobs=2)
    assert report.status == "done", report.error
    where = failures(report)
    ((_, rec),) = truncated = [k for k in where if k[0] == "a_truncated.jsonl.gz"]
    assert set(where) - set(truncated) == {("b_not_gzip.jsonl.gz", 1), ("d_corrupt.parquet", None)}
    assert "gzip" in where[truncated[0]]
    assert "gzip" in where["b_not_gzip.jsonl.gz", 1]
    assert "Parquet" in where["d_corrupt.parquet", None]
    out = tmp_path / "out"
    # a truncated .gz: what could be read is cleaned and written, the rest reported
    kept = read_jsonl(out / "a_truncated.jsonl.gz")
    assert len(kept) == rec - 1 > 0 and all(r["text"] == CLEAN2 for r in kept)
    # huge numbers and deep nesting in other fields: kept byte for byte
    got = (out / "c_odd_values.jsonl").read_bytes().splitlines(keepends=True)
    assert got[0] == line_int.replace(json.dumps(RAW2, ensure_ascii=False).encode(), json.dumps(CLEAN2, ensure_ascii=False).encode())
    assert got[1].startswith(b'{"deep": ' + nested.encode() + b', "text": ')
    assert json.loads(got[1].split(b'"text": ')[1][:-2]) == CLEAN
    view = pq.read_table(out / "e_view.parquet")
    assert view.schema.field("text").type == pa.string_view()
    assert view.column("text").to_pylist() == [CLEAN, None]
    assert (out / long_name).read_text() == CLEAN
    assert (out / "z_last.txt").read_text() == CLEAN2
    assert part_files(out) == []


def test_a_non_gzip_file_named_gz_is_named_in_the_message(tmp_path: Path) -> None:
    write(tmp_path / "dump.jsonl.gz", b'{"text": "x"}\n')
    res = run("clean", tmp_path / "dump.jsonl.gz", "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert res.returncode == 1, res.stderr
    assert "dump.jsonl.gz, record 1: cannot read from here on: not a readable gzip file" in res.stderr


# ---------------------------------------------------------------- item 7: nothing lost without a word


def test_links_and_unreadable_folders_are_followed_or_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inp = tmp_path / "in"
    write(inp / "a.txt", RAW)
    write(tmp_path / "elsewhere" / "b.txt", RAW2)
    (inp / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)  # followed
    (inp / "gone.txt").symlink_to(tmp_path / "missing.txt")  # dangling
    (inp / "sub").mkdir()
    (inp / "sub" / "loop").symlink_to(inp, target_is_directory=True)  # a loop
    (inp / "self.txt").symlink_to(inp / "self.txt")  # a link to itself
    write(inp / "locked" / "c.txt", RAW)
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "locked":  # root may read anything: fake the permission
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_inputs.os, "scandir", scandir)
    report = batch([inp], tmp_path / "out", jobs=1)
    where = failures(report)
    assert set(where) == {("gone.txt", None), ("loop", None), ("self.txt", None), ("locked", None)}
    assert "dangling" in where["gone.txt", None] and "loop" in where["loop", None]
    assert "cannot list the folder: Permission denied" in where["locked", None]
    assert tree(tmp_path / "out") == {"a.txt": CLEAN.encode(), "linked/b.txt": CLEAN2.encode()}
    assert (report.stats.pages, report.stats.cleaned, report.stats.skipped) == (6, 2, 4)


def test_an_input_truncated_while_it_is_read_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = write(tmp_path / "dump.jsonl", jsonl_bytes([{"id": i, "text": RAW} for i in range(50)]))
    real = work.clean_text

    def clean_text(text: str, name: str, *args: object, **kwargs: object) -> str:
        if name.endswith(":1"):  # someone truncates the input while the run reads it
            with open(src, "r+b") as fh:
                fh.truncate(100)
        return real(text, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(work, "clean_text", clean_text)
    report = batch([src], tmp_path / "out", jobs=1)
    reasons = [f.reason for f in report.stats.failures.items]
    assert any("changed while the run read it" in r for r in reasons), reasons


# ---------------------------------------------------------------- item 8: bounded memory, honest report


def test_report_lists_are_capped_and_say_what_they_left_out(tmp_path: Path) -> None:
    records = [{"id": i, "text": "Follow Us\n"} for i in range(30)] + [{"id": i, "body": 1} for i in range(30)]
    src = write(tmp_path / "dump.jsonl", jsonl_bytes(records))
    res = run("clean", src, "--out", tmp_path / "out", "--jobs", "1", "--quiet", "--max-listed", "5", "--report", tmp_path / "r.json")
    assert res.returncode == 1
    r = load_report(tmp_path / "r.json")
    assert (r["skipped"], len(r["failures"]), r["failures_not_listed"]) == (30, 5, 25)
    assert (r["empty"], len(r["empty_pages"]), r["empty_pages_not_listed"]) == (30, 5, 25)
    assert "and 25 more" in res.stderr


def test_folders_are_listed_as_a_stream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for d in "abc":
        for i in range(3):
            write(tmp_path / "in" / d / f"{i}.txt", RAW)
    listed: list[str] = []
    real = os.scandir
    monkeypatch.setattr(batch_inputs.os, "scandir", lambda p: listed.append(Path(p).name) or real(p))
    first = next(iter_sources([str(tmp_path / "in")]))
    assert first.rel == Path("a/0.txt")
    assert listed == ["in", "a"]  # b and c not listed yet


def test_a_file_name_that_is_not_utf8_still_gives_a_full_report(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / os.fsdecode(b"bad-\xff.txt")).write_bytes(b"\xff\xfe binary")
    write(inp / "ok.txt", RAW)
    res = run("clean", inp, "--out", tmp_path / "out", "--jobs", "1", "--quiet", "--report", tmp_path / "r.json")
    assert res.returncode == 1, res.stderr
    r = load_report(tmp_path / "r.json")
    assert r["failures"][0]["input"].endswith("bad-\\xff.txt")


def test_a_full_disk_leaves_no_half_written_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write(tmp_path / "r.json", b'{"old": "report"}')

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch_files, "finish", full)
    with pytest.raises(OSError, match="No space"):
        batch_files.write_atomic(target, b"{}" * 1000)
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    assert target.read_bytes() == b'{"old": "report"}'


def test_a_report_that_cannot_be_written_exits_3_with_the_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from hindiclean import cli
    from hindiclean.batch import report as batch_report

    write(tmp_path / "a.txt", RAW)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch_report, "write_atomic", full)
    code = cli.main(["clean", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet", "--report", str(tmp_path / "r.json")])
    assert code == 3
    err = capsys.readouterr().err
    assert "No space left on device" in err and "1 pages: 1 cleaned" in err  # the summary is not lost


def test_the_progress_bar_has_a_total_when_the_size_is_known(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "dump.jsonl", jsonl_bytes([{"text": RAW}] * 20))
    batch([src], tmp_path / "out", jobs=1, progress=True, total_bytes=src.stat().st_size)
    err = capsys.readouterr().err
    assert "100%" in err and "20 pages" in err


def test_clean_stays_unchanged_by_the_fault_hooks() -> None:
    assert hindiclean.clean(RAW) == CLEAN

"""`hindiclean clean` on batches, end to end: the installed command run as a user would, on
folders, stdin, JSONL (.gz) and Parquet files in tmp_path; bad input, reports, atomic outputs,
interrupts and --resume, --jobs, exit codes, explain and the summary on stderr."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import hindiclean
from hindiclean import CATEGORIES

from .conftest import sample_pages

_SCRIPT = Path(sys.executable).with_name("hindiclean")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "hindiclean"]

RAW = "Home > देश > खबर\nविज्ञापन\nसरकार ने आज किसानों के लिए नई योजना की घोषणा की।\nFollow Us\n"
CLEAN = "सरकार ने आज किसानों के लिए नई योजना की घोषणा की।\n"
RAW2 = "Home > खेल > क्रिकेट\nविज्ञापन\nभारत ने तीसरे टेस्ट में ऑस्ट्रेलिया को पांच विकेट से हराया।\nFollow Us\n"
CLEAN2 = "भारत ने तीसरे टेस्ट में ऑस्ट्रेलिया को पांच विकेट से हराया।\n"

SAMPLES = {p.name: p.read_text(encoding="utf-8") for p in sample_pages()}
OLD_NS = 1_600_000_000 * 10**9  # an mtime no run of the command can produce


# ---------------------------------------------------------------- helpers


def run(*args: object, stdin: str | None = None, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=timeout,
    )


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _files(root: Path) -> list[Path]:
    """Every file under root (hidden ones too) but the run's own state (.hindiclean/)."""
    return [p for p in sorted(root.rglob("*")) if p.is_file() and ".hindiclean" not in p.relative_to(root).parts]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones too) by its relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in _files(root)}


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in _files(root)}


def part_files(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("*") if ".part" in p.name)


def jsonl_bytes(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_report(path: Path) -> dict:
    """The --report JSON, checked for what must hold in every report."""
    r = json.loads(path.read_text(encoding="utf-8"))
    assert r["pages"] == r["cleaned"] + r["skipped"] + r["nulls"], r
    cap = r["settings"]["max_listed"]
    assert len(r["failures"]) == min(r["skipped"], cap), r  # lists are capped
    assert len(r["failures"]) + r["failures_not_listed"] == r["skipped"], r
    assert len(r["empty_pages"]) == min(r["empty"], cap), r
    assert len(r["empty_pages"]) + r["empty_pages_not_listed"] == r["empty"], r
    assert r["kept_unchanged"] <= r["skipped"], r
    assert r["empty"] <= r["cleaned"], r
    for f in r["failures"]:
        assert set(f) == {"input", "reason", "record", "offset"}, f
    assert set(r["removals_by_category"]) <= set(CATEGORIES), r["removals_by_category"]
    return r


def snippet_records(n: int) -> list[dict]:
    """n small JSONL records cut from the sample pages (3 lines each, lines up to 200 chars)."""
    pages = [t.splitlines() for t in SAMPLES.values()]
    records = []
    for i in range(n):
        lines = pages[i % len(pages)]
        k = (i // len(pages)) % max(1, len(lines) - 2)
        text = "".join(line[:200] + "\n" for line in lines[k : k + 3])
        records.append({"id": i, "url": f"https://example.in/news/{i}", "text": text})
    return records


def removals(texts: list[str]) -> Counter:
    c: Counter = Counter()
    for t in texts:
        c.update(hindiclean.DEFAULT.run(t).by_category())
    return c


# ---------------------------------------------------------------- 1. folders


def _folder(root: Path) -> dict[str, str]:
    """A nested input folder; returns the .txt pages that must be cleaned (rel path -> raw)."""
    names = list(SAMPLES)
    pages = {
        "top.txt": SAMPLES[names[0]],
        "desk/rajya.txt": SAMPLES[names[1]],
        "desk/2024/nov/khel.txt": SAMPLES[names[2]],
        "sports/cricket.txt": RAW2,
    }
    for rel, raw in pages.items():
        write(root / rel, raw)
    write(root / "notes.md", RAW)  # not *.txt
    write(root / "desk/brief.md", RAW2)
    write(root / "dump.jsonl", jsonl_bytes([{"text": RAW}]))  # not *.txt
    write(root / ".hidden.txt", RAW)  # hidden
    write(root / "desk/.draft.txt", RAW)
    write(root / "old.txt.part", RAW)  # unfinished output of some run
    write(root / "desk/.rajya.txt.part", RAW)
    write(root / "desk/.rajya.txt.part-4242", RAW)
    return pages


def test_folder_layout_is_mirrored_and_outputs_equal_clean(tmp_path: Path) -> None:
    pages = _folder(tmp_path / "in")
    before = snapshot(tmp_path / "in")
    out = tmp_path / "out"
    res = run("clean", tmp_path / "in", "--out", out, "--jobs", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""
    got = tree(out)
    assert sorted(got) == sorted(pages)  # layout kept; hidden, .part and non-*.txt left alone
    for rel, raw in pages.items():
        assert got[rel] == hindiclean.clean(raw).encode("utf-8"), rel
    assert got["sports/cricket.txt"] == CLEAN2.encode("utf-8")
    assert part_files(out) == []
    assert snapshot(tmp_path / "in") == before  # inputs untouched


def test_glob_selects_the_files_taken_from_folders(tmp_path: Path) -> None:
    _folder(tmp_path / "in")
    out = tmp_path / "out"
    res = run("clean", tmp_path / "in", "--glob", "*.md", "--out", out, "--jobs", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    assert tree(out) == {"notes.md": CLEAN.encode("utf-8"), "desk/brief.md": CLEAN2.encode("utf-8")}


def test_a_file_with_part_inside_its_name_is_still_an_input(tmp_path: Path) -> None:
    # BUG: inputs._is_ours drops every name containing ".part" ("budget.part2.txt",
    # "report.party.txt"), silently: the page is neither cleaned nor reported.
    write(tmp_path / "in" / "budget.part2.txt", RAW)
    write(tmp_path / "in" / "budget.part1.txt", RAW2)
    write(tmp_path / "in" / "sports.txt", RAW2)
    write(tmp_path / "in" / "x.txt.part", RAW)  # this one really is a temporary file
    res = run("clean", tmp_path / "in", "--out", tmp_path / "out", "--jobs", "1", "--report", tmp_path / "r.json")
    assert res.returncode == 0, res.stderr
    assert load_report(tmp_path / "r.json")["pages"] == 3
    assert tree(tmp_path / "out") == {"budget.part1.txt": CLEAN2.encode(), "budget.part2.txt": CLEAN.encode(), "sports.txt": CLEAN2.encode()}


# ---------------------------------------------------------------- 2. stdin and stdout


def test_stdin_to_stdout(tmp_path: Path) -> None:
    res = run("clean", "-", "--jobs", "1", "--quiet", stdin=RAW, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout == CLEAN
    assert list(tmp_path.iterdir()) == []  # nothing written beside


def test_stdin_with_out_goes_to_stdin_txt(tmp_path: Path) -> None:
    res = run("clean", "-", "--out", tmp_path / "out", "--jobs", "1", "--quiet", stdin=RAW2)
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""
    assert tree(tmp_path / "out") == {"stdin.txt": CLEAN2.encode()}


def test_text_files_without_out_go_to_stdout_in_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", RAW2)
    write(tmp_path / "a.txt", RAW)
    work = tmp_path / "work"
    work.mkdir()
    res = run("clean", tmp_path / "b.txt", tmp_path / "a.txt", "--jobs", "1", "--quiet", cwd=work)
    assert res.returncode == 0, res.stderr
    assert res.stdout == CLEAN2 + CLEAN
    assert list(work.iterdir()) == []


def test_bare_dash_is_short_for_clean_dash() -> None:
    # BUG: `hindiclean FILE` is documented as short for `hindiclean clean FILE`, and `-` is the
    # documented INPUT for stdin, but cli.main does not insert "clean" before "-": exit 2,
    # "invalid choice: '-'".
    res = run("-", "--jobs", "1", "--quiet", stdin=RAW)
    assert res.returncode == 0, res.stderr
    assert res.stdout == CLEAN


def test_stdout_follows_the_order_of_the_inputs(tmp_path: Path) -> None:
    # BUG: Runner.run cleans all text files first, then stdin/JSONL in order, so on stdout
    # `hindiclean clean - a.txt` prints a.txt's page before the one read from stdin.
    write(tmp_path / "a.txt", RAW2)
    res = run("clean", "-", tmp_path / "a.txt", "--jobs", "1", "--quiet", stdin=RAW)
    assert res.returncode == 0, res.stderr
    assert res.stdout == CLEAN + CLEAN2


# ---------------------------------------------------------------- 3. JSONL


def _rich(i: int, raw: str) -> dict:
    return {
        "id": i,
        "url": f"https://example.in/desh/{i}",
        "title": "किसानों के लिए नई योजना",
        "text": raw,
        "meta": {"score": 0.25, "ok": True, "nothing": None, "tags": ["देश", "कृषि"]},
        "n": -3,
    }


def test_jsonl_keeps_order_and_every_other_field(tmp_path: Path) -> None:
    ids = [5, 3, 9, 1, 7]
    records = [_rich(i, RAW if k % 2 else RAW2) for k, i in enumerate(ids)]
    write(tmp_path / "pages.jsonl", jsonl_bytes(records))
    res = run("clean", tmp_path / "pages.jsonl", "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    got = read_jsonl(tmp_path / "out" / "pages.jsonl")
    assert [r["id"] for r in got] == ids
    for before, after in zip(records, got, strict=True):
        assert list(after) == list(before)  # same fields, same order
        assert after == {**before, "text": hindiclean.clean(before["text"])}
    assert got[0]["text"] == CLEAN2 and got[1]["text"] == CLEAN


def test_jsonl_field_option_chooses_the_field(tmp_path: Path) -> None:
    records = [{"id": i, "text": RAW, "body": raw} for i, raw in enumerate([RAW2, RAW])]
    write(tmp_path / "pages.jsonl", jsonl_bytes(records))
    res = run("clean", tmp_path / "pages.jsonl", "--field", "body", "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    got = read_jsonl(tmp_path / "out" / "pages.jsonl")
    assert got == [{"id": 0, "text": RAW, "body": CLEAN2}, {"id": 1, "text": RAW, "body": CLEAN}]


def test_jsonl_gz_in_gives_jsonl_gz_out(tmp_path: Path) -> None:
    records = [_rich(i, raw) for i, raw in enumerate([RAW, RAW2, SAMPLES[next(iter(SAMPLES))]])]
    src = write(tmp_path / "dump.jsonl.gz", gzip.compress(jsonl_bytes(records)))
    res = run("clean", src, "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    assert sorted(tree(tmp_path / "out")) == ["dump.jsonl.gz"]
    dst = tmp_path / "out" / "dump.jsonl.gz"
    assert dst.read_bytes()[:2] == b"\x1f\x8b"
    assert read_jsonl(dst) == [{**r, "text": hindiclean.clean(r["text"])} for r in records]


def test_big_jsonl_keeps_order_with_two_jobs_and_matches_one_job(tmp_path: Path) -> None:
    records = snippet_records(3000)
    src = write(tmp_path / "big.jsonl", jsonl_bytes(records))
    res2 = run("clean", src, "--out", tmp_path / "j2", "--jobs", "2", "--quiet")
    assert res2.returncode == 0, res2.stderr
    res1 = run("clean", src, "--out", tmp_path / "j1", "--jobs", "1", "--quiet")
    assert res1.returncode == 0, res1.stderr
    two = (tmp_path / "j2" / "big.jsonl").read_bytes()
    assert two == (tmp_path / "j1" / "big.jsonl").read_bytes()
    got = read_jsonl(tmp_path / "j2" / "big.jsonl")
    assert [r["id"] for r in got] == list(range(3000))
    assert [r["url"] for r in got] == [r["url"] for r in records]
    for i in range(0, 3000, 61):
        assert got[i]["text"] == hindiclean.clean(records[i]["text"]), i


# ---------------------------------------------------------------- 4. Parquet


def test_parquet_in_parquet_out_null_rows_pass_through(tmp_path: Path) -> None:
    # Item 9: a null text used to drop the whole row (its other columns too); Spark keeps it.
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    texts = [RAW, RAW2, None, SAMPLES[next(iter(SAMPLES))], "सरकार ने आज घोषणा की।"]
    table = pa.table(
        {
            "id": pa.array([10, 20, 30, 40, 50], type=pa.int64()),
            "url": [f"https://example.in/{i}" for i in range(5)],
            "text": pa.array(texts, type=pa.string()),
            "tags": [["देश"], [], ["खेल", "क्रिकेट"], None, ["कृषि"]],
        }
    )
    src = tmp_path / "pages.parquet"
    pq.write_table(table, src)
    before = src.read_bytes()
    res = run("clean", "pages.parquet", "--out", "out", "--jobs", "1", "--report", "r.json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = pq.read_table(tmp_path / "out" / "pages.parquet")
    assert out.schema.names == table.schema.names
    assert [f.type for f in out.schema] == [f.type for f in table.schema]
    assert out.column("id").to_pylist() == [10, 20, 30, 40, 50]
    assert out.column("url").to_pylist() == table.column("url").to_pylist()
    assert out.column("tags").to_pylist() == table.column("tags").to_pylist()
    expected = [None if t is None else hindiclean.clean(t) for t in texts]
    expected[4] = expected[4].rstrip("\n")  # no newline the value did not end with
    assert out.column("text").to_pylist() == expected
    report = load_report(tmp_path / "r.json")
    assert (report["pages"], report["cleaned"], report["skipped"], report["nulls"]) == (5, 4, 0, 1)
    assert src.read_bytes() == before
    assert part_files(tmp_path / "out") == []


# ---------------------------------------------------------------- 5. bad input


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    bad_utf8 = RAW.encode().replace("आज ".encode(), "आज ".encode() + b"\xff\xfe")
    utf8_offset = bad_utf8.index(b"\xff")
    binary = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    write(tmp_path / "in/good.txt", RAW)
    write(tmp_path / "in/bad_utf8.txt", bad_utf8)
    write(tmp_path / "in/binary.txt", binary)
    write(tmp_path / "in/empty.txt", b"")
    lines = [
        json.dumps({"id": 1, "text": RAW}, ensure_ascii=False).encode(),
        '{"id": 2, "text": "अधूरा रिकॉर्ड'.encode(),  # malformed: cut short
        json.dumps({"id": 3, "body": RAW}, ensure_ascii=False).encode(),  # no "text"
        b'{"id": 4, "text": 42}',  # not a string
        b'{"id": 5, "text": ["a", "b"]}',
        b'{"id": 6, "text": "\xe0\xa4 broken"}',  # invalid UTF-8 inside a record
        json.dumps({"id": 7, "text": RAW2}, ensure_ascii=False).encode(),
    ]
    data = b"\n".join(lines) + b"\n"
    write(tmp_path / "pages.jsonl", data)
    jsonl_utf8_offset = data.index(b"\xe0\xa4 broken")
    before = snapshot(tmp_path)

    res = run("clean", "in", "pages.jsonl", "--out", "out", "--jobs", "1", "--report", "r.json", cwd=tmp_path)

    assert res.returncode == 1, res.stderr
    # every bad page has its own line on stderr
    err = res.stderr
    assert re.search(rf"in/bad_utf8\.txt, byte {utf8_offset}: invalid UTF-8", err), err
    assert re.search(r"in/binary\.txt, byte 8: binary", err), err
    assert re.search(r"pages\.jsonl, record 2\b.*JSON", err), err
    assert re.search(r"pages\.jsonl, record 3: .*'text'.*missing", err), err
    assert re.search(r"pages\.jsonl, record 4: field 'text' holds a number, not a string", err), err
    assert re.search(r"pages\.jsonl, record 5: .*'text'", err), err
    assert re.search(rf"pages\.jsonl, record 6, byte {jsonl_utf8_offset}: invalid UTF-8", err), err
    # the run went on: good pages written, the empty page written empty, bad ones not written
    out = tree(tmp_path / "out")
    assert sorted(out) == ["empty.txt", "good.txt", "pages.jsonl"]
    assert out["good.txt"] == CLEAN.encode() and out["empty.txt"] == b""
    assert [r["id"] for r in read_jsonl(tmp_path / "out" / "pages.jsonl")] == [1, 7]
    assert part_files(tmp_path / "out") == []
    assert snapshot(tmp_path / "in") == {k[3:]: v for k, v in before.items() if k.startswith("in/")}
    assert (tmp_path / "pages.jsonl").read_bytes() == data

    report = load_report(tmp_path / "r.json")
    assert (report["pages"], report["cleaned"], report["skipped"], report["empty"]) == (11, 4, 7, 1)
    assert report["empty_pages"] == ["in/empty.txt"]
    where = {(f["input"], f["record"]): f for f in report["failures"]}
    assert set(where) == {("in/bad_utf8.txt", None), ("in/binary.txt", None)} | {("pages.jsonl", n) for n in (2, 3, 4, 5, 6)}
    assert where["in/bad_utf8.txt", None]["offset"] == utf8_offset
    assert where["in/binary.txt", None]["offset"] == 8
    assert where["pages.jsonl", 6]["offset"] == jsonl_utf8_offset
    assert where["pages.jsonl", 3]["offset"] is None
    assert "UTF-8" in where["in/bad_utf8.txt", None]["reason"]
    # removals: exactly what the pipeline removes from the pages that were cleaned
    expected = removals([RAW, "", RAW, RAW2])
    assert report["removals_by_category"] == dict(expected)
    assert report["top_rules"]["ads.label"] == 3
    assert report["top_rules"]["navigation.breadcrumb_home"] == 3
    assert sum(report["top_rules"].values()) == sum(expected.values())


def test_malformed_jsonl_line_offset_is_in_bytes(tmp_path: Path) -> None:
    # BUG: work.clean_jsonl_lines adds JSONDecodeError.pos (a character index in the decoded
    # line) to the line's byte offset, so the "byte N" of a malformed line with Hindi text before
    # the error is too small.
    first = json.dumps({"id": 1, "text": RAW}, ensure_ascii=False)
    second = '{"id": 2, "text": "सरकार ने आज किसानों के लिए नई योजना की घोषणा की।" oops}'
    data = f"{first}\n{second}\n".encode()
    write(tmp_path / "pages.jsonl", data)
    res = run("clean", "pages.jsonl", "--out", "out", "--jobs", "1", "--report", "r.json", cwd=tmp_path)
    assert res.returncode == 1
    offset = data.index(b"oops")
    (failure,) = load_report(tmp_path / "r.json")["failures"]
    assert (failure["record"], failure["offset"]) == (2, offset)
    assert f"pages.jsonl, record 2, byte {offset}:" in res.stderr


def test_errors_replace_cleans_with_u_fffd(tmp_path: Path) -> None:
    bad = RAW2.encode().replace("तीसरे ".encode(), "तीसरे ".encode() + b"\xff")
    write(tmp_path / "in/bad.txt", bad)
    write(tmp_path / "in/pages.jsonl", b'{"id": 1, "text": "' + bad.replace(b"\n", b"\\n") + b'"}\n')
    res = run("clean", tmp_path / "in", "--glob", "*", "--errors", "replace", "--out", tmp_path / "out", "--jobs", "1", "--report", tmp_path / "r.json")
    assert res.returncode == 0, res.stderr
    expected = hindiclean.clean(bad.decode("utf-8", errors="replace"))
    assert "\ufffd" in expected
    assert (tmp_path / "out/bad.txt").read_bytes() == expected.encode()
    assert read_jsonl(tmp_path / "out/pages.jsonl") == [{"id": 1, "text": expected}]
    report = load_report(tmp_path / "r.json")
    assert (report["pages"], report["cleaned"], report["skipped"]) == (2, 2, 0)


def test_a_lone_surrogate_in_jsonl_is_reported_not_a_crash(tmp_path: Path) -> None:
    # BUG: a JSON string escape "\ud83d" (half of an emoji, common in cut-off crawled text)
    # decodes to a lone surrogate; clean_text's len(text.encode("utf-8")) then raises
    # UnicodeEncodeError in the worker: the whole run dies with a traceback, exit 1,
    # and no output at all (only .pages.jsonl.part), instead of one reported record.
    lines = [
        json.dumps({"id": 1, "text": RAW}, ensure_ascii=False),
        '{"id": 2, "text": "सरकार ने आज घोषणा की \\ud83d"}',
        json.dumps({"id": 3, "text": RAW2}, ensure_ascii=False),
    ]
    write(tmp_path / "pages.jsonl", "\n".join(lines) + "\n")
    res = run("clean", "pages.jsonl", "--out", "out", "--jobs", "1", "--report", "r.json", cwd=tmp_path)
    assert "Traceback" not in res.stderr, res.stderr
    assert res.returncode in (0, 1)
    got = read_jsonl(tmp_path / "out" / "pages.jsonl")
    assert [r["id"] for r in got if r["id"] != 2] == [1, 3]
    assert load_report(tmp_path / "r.json")["pages"] == 3


# ---------------------------------------------------------------- 6. atomic outputs, interrupt, resume


def test_interrupted_run_leaves_only_a_part_file_and_resume_completes(tmp_path: Path) -> None:
    records = snippet_records(20000)
    src = write(tmp_path / "dump.jsonl", jsonl_bytes(records))
    before = src.read_bytes()
    out = tmp_path / "out"
    final = out / "dump.jsonl"

    proc = subprocess.Popen(
        [*COMMAND, "clean", str(src), "--out", str(out), "--jobs", "2", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        start = time.monotonic()
        part = out / ".dump.jsonl.part"
        # wait for the first records written (so there is something to resume from)
        while not (part.exists() and part.stat().st_size) and proc.poll() is None and time.monotonic() - start < 30:
            time.sleep(0.02)
        time.sleep(0.3)  # well inside the run
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert "Traceback" not in err.decode("utf-8", "replace")
    assert not final.exists()
    assert {p.name for p in out.iterdir()} <= {".dump.jsonl.part", ".hindiclean"}
    assert src.read_bytes() == before

    res = run("clean", src, "--out", out, "--jobs", "2", "--resume", "--quiet", "--report", tmp_path / "r1.json")
    assert res.returncode == 0, res.stderr
    assert sorted(tree(out)) == ["dump.jsonl"]  # the .part is gone
    got = read_jsonl(final)
    assert [r["id"] for r in got] == list(range(20000))
    for i in range(0, 20000, 397):
        assert got[i] == {**records[i], "text": hindiclean.clean(records[i]["text"])}, i
    r1 = load_report(tmp_path / "r1.json")
    # resumed inside the file: the records written before the interrupt are kept
    assert r1["resumed_records"] > 0 and r1["resumed_outputs"] == []
    assert r1["pages"] == r1["cleaned"] == 20000 - r1["resumed_records"]

    # a finished run: --resume touches nothing
    os.utime(final, ns=(OLD_NS, OLD_NS))
    done = final.read_bytes()
    res = run("clean", src, "--out", out, "--jobs", "1", "--resume", "--quiet", "--report", tmp_path / "r2.json")
    assert res.returncode == 0, res.stderr
    assert final.stat().st_mtime_ns == OLD_NS
    assert final.read_bytes() == done
    r2 = load_report(tmp_path / "r2.json")
    assert r2["resumed_outputs"] == [str(src)]
    assert r2["pages"] == 0
    assert src.read_bytes() == before


def test_resume_skips_complete_outputs_and_redoes_missing_ones(tmp_path: Path) -> None:
    names = list(SAMPLES)[:3]
    for name in names:
        write(tmp_path / "in" / "desk" / name, SAMPLES[name])
    write(tmp_path / "in" / "pages.jsonl", jsonl_bytes([_rich(1, RAW), _rich(2, RAW2)]))
    before = snapshot(tmp_path / "in")
    args = ("clean", "in", "--glob", "*", "--out", "out", "--jobs", "1", "--quiet")
    res = run(*args, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = tmp_path / "out"
    first = tree(out)
    assert len(first) == 4 and part_files(out) == []
    for p in out.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(OLD_NS, OLD_NS))
    (out / "desk" / names[1]).unlink()
    (out / "pages.jsonl").unlink()

    res = run(*args, "--resume", "--report", "r.json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert tree(out) == first
    mtimes = {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert mtimes[f"desk/{names[0]}"] == OLD_NS and mtimes[f"desk/{names[2]}"] == OLD_NS
    assert mtimes[f"desk/{names[1]}"] != OLD_NS and mtimes["pages.jsonl"] != OLD_NS
    report = load_report(tmp_path / "r.json")
    assert sorted(report["resumed_outputs"]) == sorted(f"in/desk/{n}" for n in (names[0], names[2]))
    assert report["pages"] == 3  # one text page and two records redone
    assert snapshot(tmp_path / "in") == before
    assert part_files(out) == []


# ---------------------------------------------------------------- 7. --jobs 2 == --jobs 1


def test_two_jobs_byte_identical_to_one_job_on_a_folder(tmp_path: Path) -> None:
    names = list(SAMPLES)
    raws = {}
    for i in range(40):
        name = names[i % len(names)]
        raw = SAMPLES[name] if i < len(names) else RAW + SAMPLES[name]
        raws[f"desk{i % 3}/{i:02d}_{name}"] = raw
        write(tmp_path / "in" / f"desk{i % 3}" / f"{i:02d}_{name}", raw)
    res1 = run("clean", tmp_path / "in", "--out", tmp_path / "j1", "--jobs", "1", "--quiet")
    res2 = run("clean", tmp_path / "in", "--out", tmp_path / "j2", "--jobs", "2", "--quiet")
    assert res1.returncode == 0 and res2.returncode == 0, res1.stderr + res2.stderr
    one, two = tree(tmp_path / "j1"), tree(tmp_path / "j2")
    assert len(one) == 40
    assert two == one
    assert one == {rel: hindiclean.clean(raw).encode() for rel, raw in raws.items()}


# ---------------------------------------------------------------- 8. exit codes, --rules, --disable


def _parquet_file(path: Path) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"text": [RAW]}), path)
    return path


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing_input", r"nope[/\\]missing\.txt: no such file"),
        ("parquet_without_out", r"Parquet output needs --out"),
        ("jobs_0", r"--jobs must be 1 or more"),
        ("bad_rules", r"broken\.toml.*'site\.x'|'site\.x'.*broken\.toml"),
        ("unknown_disable", r"ads\.no_such_rule"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, case: str, message: str) -> None:
    write(tmp_path / "a.txt", RAW)
    write(tmp_path / "broken.toml", '[[rule]]\nname = "site.x"\ncategory = "ads"\npattern = "(("\n')
    args = {
        "missing_input": ["a.txt", "nope/missing.txt", "--out", "out"],
        "parquet_without_out": [_parquet_file(tmp_path / "p.parquet").name] if case == "parquet_without_out" else [],
        "jobs_0": ["a.txt", "--jobs", "0", "--out", "out"],
        "bad_rules": ["a.txt", "--rules", "broken.toml", "--out", "out"],
        "unknown_disable": ["a.txt", "--disable", "ads.no_such_rule", "--out", "out"],
    }[case]
    res = run("clean", *args, cwd=tmp_path)
    assert res.returncode == 2, (res.returncode, res.stderr)
    assert re.search(message, res.stderr), res.stderr
    assert res.stdout == ""
    assert not (tmp_path / "out").exists()


def test_rules_and_disable_apply_to_the_whole_run(tmp_path: Path) -> None:
    rules = write(
        tmp_path / "site.toml",
        '[[rule]]\nname = "site.copied"\ncategory = "disclaimer"\n'
        'pattern = "यह खबर हमारे सहयोगी पोर्टल से ली गई है।?"\n',
    )
    copied = "यह खबर हमारे सहयोगी पोर्टल से ली गई है।\n"
    pages = {
        "a.txt": RAW.replace("Follow Us\n", copied + "Follow Us\n"),
        "sub/b.txt": copied + RAW2,
        "sub/c.txt": SAMPLES[next(iter(SAMPLES))] + copied,
    }
    for rel, raw in pages.items():
        write(tmp_path / "in" / rel, raw)
    records = [{"id": i, "text": raw} for i, raw in enumerate([RAW2 + copied, copied + RAW] * 300)]
    write(tmp_path / "pages.jsonl", jsonl_bytes(records))
    res = run("clean", "in", "pages.jsonl", "--rules", rules.name, "--disable", "ads.label", "--out", "out", "--jobs", "2", "--report", "r.json", "--quiet", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    custom = hindiclean.DEFAULT.with_rules(hindiclean.load_rules(rules), name="custom:site").without("ads.label")
    for rel, raw in pages.items():
        expected = custom.run(raw).text
        assert "सहयोगी पोर्टल" not in expected and expected != hindiclean.clean(raw)
        assert (tmp_path / "out" / rel).read_text(encoding="utf-8") == expected, rel
    got = read_jsonl(tmp_path / "out" / "pages.jsonl")
    assert [r["text"] for r in got] == [custom.run(r["text"]).text for r in records]
    assert got[0]["text"] == "विज्ञापन\n" + CLEAN2  # ads.label off, site.copied on, in the workers too
    report = load_report(tmp_path / "r.json")
    assert report["top_rules"]["site.copied"] == 603
    assert "ads.label" not in report["top_rules"]


# ---------------------------------------------------------------- 9. explain


def test_explain_shows_kept_and_dropped_lines_with_reasons(tmp_path: Path) -> None:
    write(tmp_path / "page.txt", RAW)
    res = run("explain", tmp_path / "page.txt")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) == 4
    assert re.fullmatch(r"\s*1 - \[navigation: navigation\.breadcrumb_home\] Home > देश > खबर", lines[0]), lines
    assert re.fullmatch(r"\s*2 - \[ads: ads\.label\] विज्ञापन", lines[1]), lines
    assert re.fullmatch(r"\s*3 \+ सरकार ने आज किसानों के लिए नई योजना की घोषणा की।", lines[2]), lines
    assert re.fullmatch(r"\s*4 - \[social: [\w.]+\] Follow Us", lines[3]), lines
    assert "\x1b[" not in res.stdout  # no colour into a pipe


# ---------------------------------------------------------------- 10. --quiet and the summary


def test_quiet_is_silent_and_the_summary_is_plain_text(tmp_path: Path) -> None:
    write(tmp_path / "in/a.txt", RAW)
    write(tmp_path / "in/b.txt", RAW2)
    quiet = run("clean", tmp_path / "in", "--out", tmp_path / "q", "--jobs", "1", "--quiet")
    assert quiet.returncode == 0
    assert quiet.stderr == ""
    loud = run("clean", tmp_path / "in", "--out", tmp_path / "l", "--jobs", "1")
    assert loud.returncode == 0
    assert re.match(r"hindiclean: 2 pages: 2 cleaned, 0 skipped, 0 came out empty; ", loud.stderr), loud.stderr
    assert "ads 2" in loud.stderr  # the removals line
    assert "\r" not in loud.stderr and "\x1b[" not in loud.stderr  # no progress bar into a pipe
    assert tree(tmp_path / "q") == tree(tmp_path / "l") == {"a.txt": CLEAN.encode(), "b.txt": CLEAN2.encode()}

"""A batch run keeps what it does not clean and refuses what cannot work: other JSONL fields
byte for byte (item 9), `--out` against the inputs and a lock (item 6), `--resume`, exit codes,
fsync, compression and NUL bytes (item 10), and the options' messages."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hindiclean
from hindiclean.batch import Options, iter_sources, jsonline, run_batch
from hindiclean.batch import files as batch_files
from hindiclean.batch.files import Lock

from .test_batch import (
    CLEAN,
    CLEAN2,
    OLD_NS,
    RAW,
    RAW2,
    jsonl_bytes,
    load_report,
    read_jsonl,
    run,
    tree,
    write,
)

# ---------------------------------------------------------------- item 9: other fields as they were


def _esc(text: str) -> bytes:
    return json.dumps(text, ensure_ascii=False).encode()


def test_other_fields_are_written_back_byte_for_byte(tmp_path: Path) -> None:
    lines = [
        b'{"a": 1e400, "b": 0.10000000000000000555, "c": 1E5, "text": ' + _esc(RAW) + b', "d": "\\u0915\\/x"}\n',
        b'{ "id" : 2 ,"text":' + _esc(RAW2) + b',"id":3,  "tags":["\\ud83d"]}\r\n',  # duplicate key, CRLF
        b"\n",  # a blank line stays, so line N of the output is line N of the input
        b'\xef\xbb\xbf{"text": ' + _esc(CLEAN.rstrip("\n")) + b"}",  # no newline at the end
    ]
    lines[3] = lines[3][3:]  # a BOM only opens a file
    src = write(tmp_path / "d.jsonl", b"".join(lines))
    res = run("clean", src, "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    got = (tmp_path / "out" / "d.jsonl").read_bytes().splitlines(keepends=True)
    assert got[0] == lines[0].replace(_esc(RAW), _esc(CLEAN))
    assert got[1] == lines[1].replace(_esc(RAW2), _esc(CLEAN2))
    assert got[2] == b"\n"
    assert got[3] == lines[3]  # the cleaned field gains no trailing newline
    assert len(got) == 4


def test_a_null_text_passes_through(tmp_path: Path) -> None:
    src = write(tmp_path / "d.jsonl", b'{"id": 1, "text": null}\n' + jsonl_bytes([{"id": 2, "text": RAW}]))
    res = run("clean", src, "--out", tmp_path / "out", "--jobs", "1", "--quiet", "--report", tmp_path / "r.json")
    assert res.returncode == 0, res.stderr
    assert read_jsonl(tmp_path / "out" / "d.jsonl") == [{"id": 1, "text": None}, {"id": 2, "text": CLEAN}]
    assert load_report(tmp_path / "r.json")["nulls"] == 1


def test_errors_keep_lines_outputs_up_with_inputs(tmp_path: Path) -> None:
    lines = [jsonl_bytes([{"id": 1, "text": RAW}]), b'{"id": 2, "text": 42}\n', b"{broken\n", b'{"id": 4, "text": "\xff"}\n', jsonl_bytes([{"id": 5, "text": RAW2}])]
    src = write(tmp_path / "d.jsonl", b"".join(lines))
    res = run("clean", src, "--errors", "keep", "--out", tmp_path / "out", "--jobs", "1", "--quiet", "--report", tmp_path / "r.json")
    assert res.returncode == 1
    got = (tmp_path / "out" / "d.jsonl").read_bytes().splitlines(keepends=True)
    assert got[1:4] == lines[1:4]
    assert [json.loads(got[i])["text"] for i in (0, 4)] == [CLEAN, CLEAN2]
    r = load_report(tmp_path / "r.json")
    assert (r["skipped"], r["kept_unchanged"]) == (3, 3)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=3), kids, max_size=3),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=4), _json, max_size=5), st.text(max_size=30), st.booleans())
def test_the_line_scanner_agrees_with_json_loads(record: dict, text: str, ascii_only: bool) -> None:
    line = json.dumps({**record, "text": text}, ensure_ascii=ascii_only).encode()
    member, members = jsonline.find(line, "text")
    assert [m.key for m in members] == list({**record, "text": text})
    assert member is not None and json.loads(line[member.start : member.end]) == text
    spliced = jsonline.splice(line, member, "नया")
    assert json.loads(spliced) == {**json.loads(line), "text": "नया"}
    for cut in range(1, len(line), max(1, len(line) // 7)):
        bad = line[:cut]
        with pytest.raises(jsonline.JsonError):
            jsonline.members(bad)


# ---------------------------------------------------------------- item 6: --out and the inputs


@pytest.mark.parametrize("where", ["same", "inside", "holds"])
def test_out_that_is_or_holds_an_input_is_refused(tmp_path: Path, where: str) -> None:
    write(tmp_path / "dump" / "a.txt", RAW)
    before = tree(tmp_path)
    args = {
        "same": ["dump", "--out", "dump"],
        "inside": ["dump", "--out", "dump/clean"],
        "holds": ["dump/a.txt", "--out", "."],
    }[where]
    res = run("clean", *args, "--jobs", "1", cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    assert "choose an --out outside the inputs" in res.stderr
    assert tree(tmp_path) == before


def test_a_second_run_into_the_same_out_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", RAW)
    lock = Lock(tmp_path / "out")
    assert lock.acquire()  # another run holds --out
    try:
        res = run("clean", tmp_path / "a.txt", "--out", tmp_path / "out", "--jobs", "1")
    finally:
        lock.release()
    assert res.returncode == 2
    assert "another hindiclean run" in res.stderr and f"pid {os.getpid()}" in res.stderr
    assert not (tmp_path / "out" / "a.txt").exists()


def test_out_that_is_a_file_is_a_clear_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", RAW)
    write(tmp_path / "taken", b"")
    res = run("clean", "a.txt", "--out", "taken", cwd=tmp_path)
    assert res.returncode == 2
    assert "--out taken is a file" in res.stderr and "Errno" not in res.stderr


# ---------------------------------------------------------------- item 10: resume, exit codes, fsync, speed


def test_resume_redoes_outputs_whose_input_or_options_changed(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", RAW)
    write(tmp_path / "in" / "b.txt", RAW2)
    write(tmp_path / "in" / "c.txt", RAW)
    out = tmp_path / "out"
    base = ("clean", "in", "--out", "out", "--jobs", "1", "--quiet")
    assert run(*base, cwd=tmp_path).returncode == 0

    def age() -> None:
        for p in ("a.txt", "b.txt", "c.txt"):
            os.utime(out / p, ns=(OLD_NS, OLD_NS))

    def redone() -> set[str]:
        return {p for p in ("a.txt", "b.txt", "c.txt") if (out / p).stat().st_mtime_ns != OLD_NS}

    age()
    write(tmp_path / "in" / "b.txt", RAW2 + "विज्ञापन\n")  # the input changed
    assert run(*base, "--resume", cwd=tmp_path).returncode == 0
    assert redone() == {"b.txt"}
    age()
    assert run(*base, "--resume", "--disable", "ads.label", cwd=tmp_path).returncode == 0
    assert redone() == {"a.txt", "b.txt", "c.txt"}  # other options: everything again
    assert (out / "a.txt").read_text().startswith("विज्ञापन")
    age()
    assert run(*base, "--resume", "--disable", "ads.label", cwd=tmp_path).returncode == 0
    assert redone() == set()


def test_exit_codes_tell_done_reported_usage_and_failed_apart(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", RAW)
    write(tmp_path / "bad.txt", b"\xff")
    write(tmp_path / "d.jsonl", jsonl_bytes([{"text": RAW}]))
    (tmp_path / "o3" / "d.jsonl").mkdir(parents=True)  # the output's place is taken by a folder
    write(tmp_path / "o3" / "d.jsonl" / "x", b"")
    assert run("clean", "a.txt", "--out", "o0", cwd=tmp_path).returncode == 0
    assert run("clean", "a.txt", "bad.txt", "--out", "o1", cwd=tmp_path).returncode == 1
    assert run("clean", "a.txt", "--out", "o2", "--jobs", "0", cwd=tmp_path).returncode == 2
    res = run("clean", "d.jsonl", "--out", "o3", "--report", "r3.json", cwd=tmp_path)
    assert res.returncode == 3, res.stderr
    assert "the run failed" in res.stderr
    r = json.loads((tmp_path / "r3.json").read_text())
    assert r["status"] == "failed" and r["error"]
    write(tmp_path / "o4" / "a.txt" / "x", b"")  # the same for a text page, in a worker
    res = run("clean", "a.txt", "--out", "o4", cwd=tmp_path)
    assert res.returncode == 3, res.stderr
    assert "cannot write" in res.stderr


def test_outputs_are_flushed_to_disk_before_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(batch_files.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    src = write(tmp_path / "d.jsonl", jsonl_bytes([{"text": RAW}]))
    run_batch(iter_sources([str(src)]), Options(out=tmp_path / "out"))
    assert synced


def test_jsonl_gz_is_compressed_by_the_workers_and_reads_back_whole(tmp_path: Path) -> None:
    records = [{"id": i, "text": RAW if i % 3 else RAW2} for i in range(700)]  # several chunks
    src = write(tmp_path / "d.jsonl.gz", gzip.compress(jsonl_bytes(records)))
    res = run("clean", src, "--out", tmp_path / "out", "--jobs", "2", "--quiet", "--gzip-level", "1")
    assert res.returncode == 0, res.stderr
    data = (tmp_path / "out" / "d.jsonl.gz").read_bytes()
    assert data.count(b"\x1f\x8b\x08") >= 3  # one gzip member per chunk
    assert read_jsonl(tmp_path / "out" / "d.jsonl.gz") == [{**r, "text": hindiclean.clean(r["text"])} for r in records]


def test_a_nul_byte_is_replaced_under_errors_replace(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", RAW2.encode().replace("तीसरे".encode(), b"\x00"))
    res = run("clean", "a.txt", "--errors", "replace", "--out", "out", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "\ufffd" in (tmp_path / "out" / "a.txt").read_text()


# ---------------------------------------------------------------- messages of the options


def test_a_wrong_field_stops_at_once_naming_the_fields(tmp_path: Path) -> None:
    write(tmp_path / "d.jsonl", jsonl_bytes([{"id": i, "content": RAW, "url": "u"} for i in range(50)]))
    res = run("clean", "d.jsonl", "--out", "out", "--quiet", cwd=tmp_path)
    assert res.returncode == 2
    assert "no field 'text'" in res.stderr and "'id', 'content', 'url'" in res.stderr
    assert "record 2" not in res.stderr  # not one failure per record


def test_report_into_a_missing_folder_is_checked_before_starting(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", RAW)
    res = run("clean", "a.txt", "--out", "out", "--report", "nope/r.json", cwd=tmp_path)
    assert res.returncode == 2 and "--report nope/r.json" in res.stderr
    assert not (tmp_path / "out").exists()


def test_a_txt_gz_page_gets_a_hint(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt.gz", gzip.compress(RAW.encode()))
    res = run("clean", "in", "--glob", "*.gz", "--out", "out", cwd=tmp_path)
    assert res.returncode == 1
    assert "gunzip .txt.gz pages first" in res.stderr


@pytest.mark.parametrize("name", ["d.jsonl", "d.jsonl.gz"])
def test_resume_goes_on_inside_a_jsonl_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from hindiclean.batch.manifest import Manifest

    data = jsonl_bytes([{"id": i, "text": RAW if i % 2 else RAW2} for i in range(1000)])
    src = write(tmp_path / name, gzip.compress(data) if name.endswith(".gz") else data)
    full = tmp_path / "full"
    run_batch(iter_sources([str(src)]), Options(out=full))
    real = Manifest.save_checkpoint
    saved: list[int] = []

    def interrupt_after_two(self: Manifest, *args: object) -> None:
        real(self, *args)  # type: ignore[arg-type]
        saved.append(1)
        if len(saved) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(Manifest, "save_checkpoint", interrupt_after_two)
    with pytest.raises(KeyboardInterrupt):
        run_batch(iter_sources([str(src)]), Options(out=tmp_path / "out"))
    monkeypatch.undo()
    assert not (tmp_path / "out" / name).exists()
    report = run_batch(iter_sources([str(src)]), Options(out=tmp_path / "out", resume=True))
    assert report.resumed_records == 512  # two chunks of 256 lines kept
    assert report.stats.pages == 488
    assert (tmp_path / "out" / name).read_bytes() == (full / name).read_bytes()

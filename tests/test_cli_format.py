"""Which format an input is: JSON Lines in a `.json` file (what `datasets`' `to_json` writes)
and on stdin are cleaned record by record; a JSON document is reported; `--format` decides."""

from __future__ import annotations

import json

from .test_cli import RAW, run

CLEAN = "सरकार ने आज किसानों के लिए नई योजना की घोषणा की।\n"
RECORDS = [{"id": 1, "text": RAW, "url": "https://a.example/x"}, {"id": 2, "text": RAW}]
JSONL = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS)


def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_json_lines_in_a_json_file_are_cleaned_record_by_record(tmp_path) -> None:
    (tmp_path / "in").mkdir()
    src = tmp_path / "in" / "train.json"
    src.write_text(JSONL, encoding="utf-8")
    res = run("clean", str(src), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    out = _records((tmp_path / "out" / "train.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in out] == [1, 2]
    assert all(r["text"] == CLEAN for r in out)
    assert out[0]["url"] == "https://a.example/x"


def test_a_json_document_is_reported_not_cleaned_as_a_page(tmp_path) -> None:
    (tmp_path / "in").mkdir()
    src = tmp_path / "in" / "pages.json"
    src.write_text(json.dumps(RECORDS, ensure_ascii=False, indent=2), encoding="utf-8")
    res = run("clean", str(src), "--out", str(tmp_path / "out"))
    assert res.returncode == 1
    assert "not JSON Lines" in res.stderr and "pages.json" in res.stderr
    assert not (tmp_path / "out" / "pages.json").exists()


def test_json_lines_on_stdin_come_out_as_json_lines() -> None:
    res = run("clean", stdin=JSONL)
    assert res.returncode == 0, res.stderr
    out = _records(res.stdout)
    assert [r["id"] for r in out] == [1, 2]
    assert all(r["text"] == CLEAN for r in out)


def test_format_text_reads_a_jsonl_file_as_one_page_and_jsonl_reads_any_name(tmp_path) -> None:
    (tmp_path / "in").mkdir()
    src = tmp_path / "in" / "dump.data"
    src.write_text(JSONL, encoding="utf-8")
    res = run("clean", str(src), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    assert [r["text"] for r in _records(res.stdout)] == [CLEAN, CLEAN]
    res = run("clean", "-", "--format", "text", stdin=JSONL)
    assert res.returncode == 0, res.stderr
    assert not res.stdout.startswith("{")  # one page of text, cleaned as such
    res = run("clean", "-", "--format", "xml", stdin=JSONL)
    assert res.returncode == 2

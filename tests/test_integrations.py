"""Integrations: Hugging Face datasets and datatrove give what `hindiclean clean` gives.

Marked `integrations` (deselect with `-m "not integrations"`); the test extra installs them.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from .conftest import sample_pages

pytestmark = pytest.mark.integrations

PAGES = [p.read_text(encoding="utf-8") for p in sample_pages()]


@pytest.fixture(scope="module")
def cli_clean(tmp_path_factory) -> list[str]:
    """The pages cleaned by the command line, as JSONL records in order."""
    tmp = tmp_path_factory.mktemp("cli")
    src = tmp / "pages.jsonl"
    src.write_text(
        # every text ends with a newline: the command adds none a field did not end with
        "".join(json.dumps({"id": i, "text": t.rstrip("\n") + "\n"}, ensure_ascii=False) + "\n" for i, t in enumerate(PAGES)),
        encoding="utf-8",
    )
    res = subprocess.run(
        [sys.executable, "-m", "hindiclean", "clean", str(src), "--out", str(tmp / "out"),
         "--jobs", "1", "--quiet"],
        capture_output=True, text=True,
    )
    assert res.returncode == 0, res.stderr
    rows = [json.loads(x) for x in (tmp / "out" / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r["text"] for r in rows]


def test_datasets_map_matches_the_command(cli_clean) -> None:
    datasets = pytest.importorskip("datasets")
    from hindiclean.datasets import STATS_COLUMN, cleaner

    ds = datasets.Dataset.from_dict({"id": list(range(len(PAGES))), "text": PAGES})
    out = ds.map(cleaner("text"), batched=True, num_proc=2, batch_size=4)
    assert out["text"] == cli_clean
    assert out["id"] == list(range(len(PAGES)))
    stats = out[STATS_COLUMN]
    assert set(stats[0]) == {"ads", "related", "disclaimer", "social", "navigation", "metadata",
                             "duplicate"}
    assert sum(sum(s.values()) for s in stats) > 50


def test_datasets_output_column_and_no_stats() -> None:
    datasets = pytest.importorskip("datasets")
    from hindiclean.datasets import STATS_COLUMN, cleaner

    ds = datasets.Dataset.from_dict({"body": PAGES[:3]})
    out = ds.map(cleaner("body", output="clean", stats=False), batched=True)
    assert out["body"] == PAGES[:3]
    assert STATS_COLUMN not in out.column_names
    assert all(c.strip() for c in out["clean"])


def test_datasets_bad_column_names_it() -> None:
    datasets = pytest.importorskip("datasets")
    from hindiclean.datasets import cleaner

    ds = datasets.Dataset.from_dict({"body": ["x"]})
    with pytest.raises(KeyError, match="no column 'text'"):
        ds.map(cleaner("text"), batched=True)


def test_datatrove_pipeline_matches_the_command(tmp_path, cli_clean) -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document
    from datatrove.executor.local import LocalPipelineExecutor
    from datatrove.pipeline.writers.jsonl import JsonlWriter

    from hindiclean.datatrove import HindiClean

    docs = [Document(text=t, id=str(i)) for i, t in enumerate(PAGES)]
    docs.append(Document(text="विज्ञापन\nFollow Us\n", id="empty"))
    step = HindiClean(drop_empty=True)
    executor = LocalPipelineExecutor(
        pipeline=[docs, step, JsonlWriter(str(tmp_path / "out"), compression="gzip")],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    rows = []
    for path in sorted((tmp_path / "out").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh]
    assert [r["text"] for r in rows] == cli_clean  # the empty page was dropped
    assert all(r["metadata"]["hindiclean"]["chars_out"] <= r["metadata"]["hindiclean"]["chars_in"]
               for r in rows)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    names = json.dumps(stats)
    assert "removed_ads" in names and "dropped" in names


def test_datatrove_keeps_empty_pages_when_asked() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from hindiclean.datatrove import HindiClean

    step = HindiClean(drop_empty=False)
    out = list(step.run(iter([Document(text="विज्ञापन\n", id="a")])))
    assert len(out) == 1 and out[0].text == ""
    assert out[0].metadata["hindiclean"]["removed"]["ads"] == 1


def _crawl_and_command(tmp_path):
    from hindiclean.batch import Options, iter_sources, run_batch

    from .dumpgen import crawl

    dump = crawl(20, small_site_pages=2)
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps({"url": p.url, "text": p.text}, ensure_ascii=False) + "\n"
                           for p in dump), encoding="utf-8")
    run_batch(lambda: iter_sources([str(src)]), Options(out=tmp_path / "out", learn=True))
    command = [json.loads(line)["text"] for line in
               (tmp_path / "out" / "crawl.jsonl").read_text("utf-8").splitlines()]
    return dump, src, command


def test_datasets_two_steps_learn_then_clean_equal_the_command(tmp_path) -> None:
    datasets = pytest.importorskip("datasets")
    from hindiclean.datasets import cleaner, learn_sites

    _, src, command = _crawl_and_command(tmp_path)
    ds = datasets.load_dataset("json", data_files=str(src), split="train",
                               cache_dir=str(tmp_path / "cache"))
    rules = learn_sites(ds, "text", site_column="url")
    assert len(rules) == 8
    out = ds.map(cleaner("text", site_rules=rules, site_column="url"), batched=True, num_proc=2)
    assert out["text"] == command


def test_datatrove_two_steps_learn_then_clean_equal_the_command(tmp_path) -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from hindiclean.datatrove import HindiClean
    from hindiclean.learn import learn_site_rules

    dump, _, command = _crawl_and_command(tmp_path)
    docs = [Document(text=p.text, id=str(i), metadata={"url": p.url}) for i, p in enumerate(dump)]
    rules = learn_site_rules((d.metadata["url"], d.text) for d in docs)
    step = HindiClean(site_rules=rules, site_key="url", drop_empty=False)
    assert [d.text for d in step.run(iter(docs))] == command

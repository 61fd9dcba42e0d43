"""Spark: a real local[2] session cleans a column and learns rules like the command does.

Marked `integrations` (deselect with `-m "not integrations"`); needs Java and the spark extra.
"""

from __future__ import annotations

import os
import sys

import pytest

from hindiclean import clean, learn_rules

from .conftest import sample_pages
from .dumpgen import generate

pytestmark = pytest.mark.integrations
pyspark = pytest.importorskip("pyspark")

PAGES = [p.read_text(encoding="utf-8") for p in sample_pages()]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Executors run this interpreter (the one with hindiclean installed), as on a cluster where
    # hindiclean is installed on every node.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

    session = (
        SparkSession.builder.master("local[2]")
        .appName("hindiclean-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_clean_column_matches_clean(spark) -> None:
    from hindiclean.spark import STATS_COLUMN, clean_column

    rows = [(i, t) for i, t in enumerate(PAGES)] + [(len(PAGES), None)]
    df = spark.createDataFrame(rows, "id long, text string").repartition(2)
    out = clean_column(df, "text", output="clean_text").orderBy("id").collect()
    assert [r["clean_text"] for r in out[:-1]] == [clean(t) for t in PAGES]
    assert out[-1]["clean_text"] is None
    assert [r["text"] for r in out[:-1]] == PAGES  # the source column is kept
    removed = out[0][STATS_COLUMN].asDict()
    assert set(removed) == {"ads", "related", "disclaimer", "social", "navigation", "metadata",
                            "duplicate"}
    assert sum(sum(r[STATS_COLUMN].asDict().values()) for r in out[:-1]) > 50


def test_clean_column_in_place_without_stats(spark) -> None:
    from hindiclean.spark import STATS_COLUMN, clean_column

    df = spark.createDataFrame([(1, PAGES[0])], "id long, text string")
    out = clean_column(df, stats=False)
    assert STATS_COLUMN not in out.columns
    assert out.collect()[0]["text"] == clean(PAGES[0])
    with pytest.raises(ValueError, match="no column 'body'"):
        clean_column(df, "body")


def test_learn_rules_spark_equals_learn(spark) -> None:
    from hindiclean.spark import learn_rules_spark

    dump = [p.text for p in generate(240)]
    local = learn_rules(dump)
    # Two partitions, in page order (the example pages named are the first two, in order).
    df = spark.createDataFrame([(t,) for t in dump], "text string")
    distributed = learn_rules_spark(df, "text")
    assert distributed.names == local.names
    assert [r.pattern for r in distributed] == [r.pattern for r in local]
    assert [r.meta for r in distributed] == [r.meta for r in local]
    assert len(local) >= 10


def test_clean_column_learn_per_site_equals_the_command(spark, tmp_path) -> None:
    import json

    from hindiclean.batch import Options, iter_sources, run_batch
    from hindiclean.learn import learn_site_rules
    from hindiclean.spark import clean_column, learn_site_rules_spark

    from .dumpgen import crawl

    dump = crawl(50)
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps({"url": p.url, "text": p.text}, ensure_ascii=False) + "\n"
                           for p in dump), encoding="utf-8")
    run_batch(lambda: iter_sources([str(src)]), Options(out=tmp_path / "out", learn=True, jobs=2))
    command = [json.loads(line)["text"] for line in
               (tmp_path / "out" / "crawl.jsonl").read_text("utf-8").splitlines()]

    rows = [(i, p.url, p.text) for i, p in enumerate(dump)]
    df = spark.createDataFrame(rows, "id long, url string, text string")  # in page order
    out = clean_column(df, "text", output="clean", site_col="url", learn=True).orderBy("id")
    assert [r["clean"] for r in out.collect()] == command

    exact = learn_site_rules_spark(df, "text", site_col="url")
    local = learn_site_rules((p.url, p.text) for p in dump)
    assert set(exact.rules) == set(local.rules) and len(exact.rules) == 8
    for site, rules in local.rules.items():
        assert [r.pattern for r in exact[site]] == [r.pattern for r in rules]
    assert exact.pages == local.pages

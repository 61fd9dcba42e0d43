"""Apache Spark integration: clean a column, learn a site's boilerplate across the cluster.

Needs `pip install -e '.[spark]'` in the checkout (pyspark, pandas, pyarrow) and Java. The
pipeline is broadcast once to each executor; pages are cleaned a pandas batch at a time through
Arrow.
"""

from __future__ import annotations

import math

try:
    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as exc:  # the extra is not installed: say how to get it
    raise ImportError(
        f"hindiclean.spark needs pyspark, pandas and pyarrow ({exc.name or exc} is missing): "
        "pip install -e '.[spark]' in the hindiclean checkout"
    ) from None

from .learn import MIN_PAGES, MIN_SHARE, _Candidate, make_rules, observe, passes
from .pipeline import DEFAULT, Pipeline
from .rules import CATEGORIES, RuleSet
from .stats import removal_counts

STATS_COLUMN = "hindiclean_removed"
_TMP = "__hindiclean"


def clean_column(
    df: DataFrame,
    column: str = "text",
    output: str | None = None,
    pipeline: Pipeline | None = None,
    stats: bool = True,
) -> DataFrame:
    """`df` with `column` cleaned into `output` (default: in place) and, with `stats`, a struct
    column `hindiclean_removed` of removals by category. Nulls stay null."""
    if column not in df.columns:
        raise ValueError(f"hindiclean: no column {column!r} (has {df.columns})")
    output = output or column
    shipped = df.sparkSession.sparkContext.broadcast(pipeline or DEFAULT)
    fields = [T.StructField("text", T.StringType())]
    fields += [T.StructField(c, T.LongType()) for c in CATEGORIES]

    @F.pandas_udf(T.StructType(fields))
    def _clean(texts: pd.Series) -> pd.DataFrame:
        p = shipped.value
        rows = []
        for text in texts:
            if not isinstance(text, str):  # null (pandas gives None or NaN)
                rows.append({"text": None, **dict.fromkeys(CATEGORIES)})
                continue
            result = p.run(text)
            rows.append({"text": result.text, **removal_counts(result.removals)})
        return pd.DataFrame(rows, columns=["text", *CATEGORIES])

    out = df.withColumn(_TMP, _clean(F.col(column)))
    out = out.withColumn(output, F.col(f"{_TMP}.text"))
    if stats:
        out = out.withColumn(
            STATS_COLUMN, F.struct(*[F.col(f"{_TMP}.{c}").alias(c) for c in CATEGORIES])
        )
    return out.drop(_TMP)


def _observe_partition(rows):
    for text, index in rows:
        if not isinstance(text, str):
            continue
        lines, inside = observe(text)
        for key, line, heading in lines:
            yield key, (1, int(heading), 0, [(index, line)])
        for key in inside:
            yield key, (0, 0, 1, [])


def _merge(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], sorted(a[3] + b[3])[:2])


def learn_rules_spark(
    df: DataFrame,
    column: str = "text",
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> RuleSet:
    """Learn a site's boilerplate from a column of pages, counting exactly across the cluster.
    The same rules as `learn_rules` on the same pages in the same order (which counts within
    bounded memory, so it may miss lines that only an exact count would keep)."""
    if column not in df.columns:
        raise ValueError(f"hindiclean: no column {column!r} (has {df.columns})")
    pages = df.select(column).rdd.map(lambda row: row[0]).zipWithIndex()
    total = pages.filter(lambda pair: isinstance(pair[0], str)).count()
    if total == 0:
        return RuleSet()
    need = max(min_pages, math.ceil(min_share * total))
    counted = pages.mapPartitions(_observe_partition).reduceByKey(_merge)
    learned = []
    for key, (count, headings, inside, firsts) in counted.filter(
        lambda kv: kv[1][0] >= need
    ).collect():
        c = _Candidate(
            count=count,
            headings=headings,
            inside=inside,
            text=firsts[0][1],
            seen_in=[f"page {i + 1}" for i, _ in firsts],
            examples=[line for _, line in firsts],
        )
        if passes(c, need):
            learned.append((key, c))
    learned.sort(key=lambda kv: (-kv[1].count, kv[0]))
    return make_rules(learned, total)

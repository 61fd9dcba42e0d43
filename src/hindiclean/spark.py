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

from .learn import (
    MIN_PAGES,
    MIN_SHARE,
    SiteRules,
    _Candidate,
    make_rules,
    observe,
    passes,
    site_of,
)
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
    site_col: str | None = None,
    learn: bool = False,
    site_rules: SiteRules | None = None,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> DataFrame:
    """`df` with `column` cleaned into `output` (default: in place) and, with `stats`, a struct
    column `hindiclean_removed` of removals by category. Nulls stay null.

    With `learn=True`, each site's recurring chrome is learned first (`learn_site_rules_spark`:
    exact counts, `reduceByKey` on site and line key) and each page is cleaned with `pipeline`
    plus its own site's learned rules, as `hindiclean clean --learn` does. The site of a row is
    `site_of` its `site_col` (the host of a URL, or a site name as it is; one site for all
    rows without `site_col`). `site_rules` gives rules learned before (e.g. by
    `learn_site_rules_spark` or `hindiclean.learn.learn_site_rules`) instead."""
    if column not in df.columns:
        raise ValueError(f"hindiclean: no column {column!r} (has {df.columns})")
    if site_col is not None and site_col not in df.columns:
        raise ValueError(f"hindiclean: no column {site_col!r} (has {df.columns})")
    output = output or column
    base = pipeline or DEFAULT
    if learn and site_rules is None:
        site_rules = learn_site_rules_spark(df, column, site_col, min_pages, min_share)
    sites = None if site_rules is None else SiteRules(site_rules.rules, site_rules.pages, base)
    shipped = df.sparkSession.sparkContext.broadcast(base if sites is None else sites)
    fields = [T.StructField("text", T.StringType())]
    fields += [T.StructField(c, T.LongType()) for c in CATEGORIES]

    def _rows(texts, where) -> pd.DataFrame:
        p = shipped.value  # a Pipeline, or the SiteRules (each site's pipeline built once)
        rows = []
        for text, site in zip(texts, where, strict=True):
            if not isinstance(text, str):  # null (pandas gives None or NaN)
                rows.append({"text": None, **dict.fromkeys(CATEGORIES)})
                continue
            result = p.run(text) if sites is None else p.run(text, site_of(site))
            rows.append({"text": result.text, **removal_counts(result.removals)})
        return pd.DataFrame(rows, columns=["text", *CATEGORIES])

    if sites is not None and site_col is not None:

        @F.pandas_udf(T.StructType(fields))
        def _clean_sites(texts: pd.Series, where: pd.Series) -> pd.DataFrame:
            return _rows(texts, where)

        cleaned = _clean_sites(F.col(column), F.col(site_col))
    else:

        @F.pandas_udf(T.StructType(fields))
        def _clean(texts: pd.Series) -> pd.DataFrame:
            return _rows(texts, [""] * len(texts))

        cleaned = _clean(F.col(column))

    out = df.withColumn(_TMP, cleaned)
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


def _candidate(count: int, headings: int, inside: int, firsts: list) -> _Candidate:
    """A learning candidate from its exact counts and its first (page, line) sightings."""
    return _Candidate(
        count=count,
        headings=headings,
        inside=inside,
        text=firsts[0][1],
        seen_in=[f"page {i + 1}" for i, _ in firsts],
        examples=[line for _, line in firsts],
    )


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
        c = _candidate(count, headings, inside, firsts)
        if passes(c, need):
            learned.append((key, c))
    learned.sort(key=lambda kv: (-kv[1].count, kv[0]))
    return make_rules(learned, total)


def _observe_site_partition(rows):
    for (text, site), index in rows:
        if not isinstance(text, str):
            continue
        lines, inside = observe(text)
        for key, line, heading in lines:
            yield (site, key), (1, int(heading), 0, [(index, line)])
        for key in inside:
            yield (site, key), (0, 0, 1, [])


def learn_site_rules_spark(
    df: DataFrame,
    column: str = "text",
    site_col: str | None = None,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> SiteRules:
    """Learn each site's boilerplate across the cluster, counting exactly (`reduceByKey` on
    site and line key): the rules `hindiclean clean --learn` learns on the same pages (which
    counts within bounded memory). The site of a row is `site_of` its `site_col`."""
    for name in (column, site_col):
        if name is not None and name not in df.columns:
            raise ValueError(f"hindiclean: no column {name!r} (has {df.columns})")
    cols = [column] + ([site_col] if site_col else [])
    pages = (
        df.select(*cols).rdd
        .map(lambda row: (row[0], site_of(row[1]) if len(row) > 1 else ""))
        .zipWithIndex()
    )
    totals = (
        pages.filter(lambda p: isinstance(p[0][0], str))
        .map(lambda p: (p[0][1], 1))
        .reduceByKey(lambda a, b: a + b)
        .collectAsMap()
    )
    needs = {site: max(min_pages, math.ceil(min_share * n)) for site, n in totals.items()}
    shipped = df.sparkSession.sparkContext.broadcast(needs)
    counted = pages.mapPartitions(_observe_site_partition).reduceByKey(_merge)
    learned: dict[str, list] = {}
    for (site, key), (count, headings, inside, firsts) in counted.filter(
        lambda kv: kv[1][0] >= shipped.value[kv[0][0]]
    ).collect():
        c = _candidate(count, headings, inside, firsts)
        if passes(c, needs[site]):
            learned.setdefault(site, []).append((key, c))
    rules = {}
    for site, pairs in learned.items():
        pairs.sort(key=lambda kv: (-kv[1].count, kv[0]))
        rules[site] = make_rules(pairs, totals[site], site)
    return SiteRules(rules, dict(totals))

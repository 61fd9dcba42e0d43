"""Composition cannot change results: a pipeline gives exactly what its cleaners give when run
one by one (issue: one engine), on every gold, sample and evaluation page and on generated pages,
for the default pipeline and for pipelines users compose."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from hindiclean import Pipeline, Rule
from hindiclean.cleaners.ads import ads
from hindiclean.cleaners.metadata import metadata
from hindiclean.cleaners.normalize import normalize
from hindiclean.cleaners.off_topic import off_topic
from hindiclean.cleaners.related import related
from hindiclean.page import Page
from hindiclean.settings import Settings

from .conftest import GOLD_DIR, ROOT, sample_pages
from .strategies import pages

SITE_RULE = Rule("site.follow", "social", r"हमें फॉलो करें.{0,40}")


def _pipelines() -> dict[str, Pipeline]:
    default = Pipeline.default()
    return {
        "default": default,
        "with_user_rules": default.with_rules([SITE_RULE]),
        "without_a_category": default.without("related"),
        "with_settings": default.with_settings(
            Settings().replace(**{"off_topic.min_chars": 60, "topic.headline_max_chars": 120})
        ),
        # the category cleaners composed by hand, in another order
        "by_hand": Pipeline([normalize, metadata, related, ads, off_topic]),
    }


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sample_pages()]
    for path in sorted(GOLD_DIR.glob("*.jsonl")) + sorted((ROOT / "eval").glob("*.jsonl")):
        texts += [json.loads(line)["raw"] for line in path.open(encoding="utf-8") if line.strip()]
    return texts


def _one_by_one(pipeline: Pipeline, text: str) -> Page:
    page = Page.from_text(text)
    own = pipeline.settings
    if own is None:
        for cleaner in pipeline.cleaners:
            page = cleaner(page)
        return page
    from hindiclean.settings import use

    with use(own):
        for cleaner in pipeline.cleaners:
            page = cleaner(page)
    return page


@pytest.mark.parametrize("name", list(_pipelines()))
def test_a_pipeline_gives_what_its_cleaners_give_one_by_one(name: str) -> None:
    pipeline = _pipelines()[name]
    texts = _texts()
    assert len(texts) >= 300
    for text in texts:
        whole = pipeline.run(text)
        alone = _one_by_one(pipeline, text)
        assert (alone.text, alone.removals) == (whole.text, whole.removals)


@settings(max_examples=150, deadline=None)
@given(pages())
def test_generated_pages_too(page) -> None:
    for pipeline in _pipelines().values():
        whole = pipeline.run(page.text)
        alone = _one_by_one(pipeline, page.text)
        assert (alone.text, alone.removals) == (whole.text, whole.removals)


def test_a_site_rule_added_by_a_user_is_one_more_step() -> None:
    """A user's rules run as their own cleaner before the packaged rules: removing them from the
    pipeline gives what the pipeline gives on the page those rules left."""
    pipeline = Pipeline.default().with_rules([SITE_RULE])
    text = "सरकार ने आज नई योजना की घोषणा की।\nहमें फॉलो करें फेसबुक पर\nयोजना से किसानों को लाभ होगा।\n"
    after_site = pipeline.cleaners[1](pipeline.cleaners[0](Page.from_text(text)))
    assert [r.rule for r in after_site.removals] == ["site.follow"]
    rest = Pipeline(pipeline.cleaners[2:])
    assert rest(after_site).text == pipeline.run(text).text

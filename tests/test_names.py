"""One vocabulary of names: every name a removal carries is listed, categories name their
cleaners, and a decision of a position cleaner is refused with a message that says what to do."""

from __future__ import annotations

import json

import pytest

from hindiclean import Pipeline, RuleError

from .conftest import sample_pages
from .test_cli import run


def test_every_name_in_a_removal_is_listed(gold_files) -> None:
    p = Pipeline.default()
    listed = {name for name, *_ in p.rule_names()}
    texts = [path.read_text("utf-8") for path in sample_pages()]
    texts += [json.loads(line)["raw"] for f in gold_files for line in f.open(encoding="utf-8")]
    seen = {r.rule for text in texts for r in p.run(text).removals}
    assert seen and seen <= listed


def test_category_names_switch_off_their_cleaner() -> None:
    p = Pipeline.default()
    rules = next(c for c in p.without("disclaimer").cleaners if c.name == "rules")
    assert "disclaimer" not in rules.categories  # a rule category: its rules go
    assert "duplicates" not in p.without("duplicate").names  # a cleaner's category: the cleaner
    page = "सरकार ने आज नई योजना की घोषणा की।\nअस्वीकरण: यह न्यूज़ ऑटो फ़ीड्स द्वारा प्रकाशित है।\n"
    assert "अस्वीकरण" in p.without("disclaimer").run(page).text
    assert "अस्वीकरण" not in p.run(page).text


def test_a_decision_name_is_refused_naming_its_cleaner() -> None:
    with pytest.raises(RuleError, match="switch off the cleaner 'layout'"):
        Pipeline.default().without("layout.author_bio")


def test_rules_command_lists_names_with_category_and_cleaner() -> None:
    res = run("rules")
    assert res.returncode == 0, res.stderr
    rows = [line.split("\t") for line in res.stdout.splitlines()]
    names = {r[0]: r for r in rows}
    assert names["ads.label"][1:3] == ["ads", "rules"]
    assert names["off_topic.card_list"][1:3] == ["related", "off_topic"]
    assert names["menus.menu_bar"][2] == "menus"
    assert all(len(r) == 4 and r[3] for r in rows)
    assert json.dumps(rows)  # plain text, tab-separated

"""Required literals (hindiclean.literals) and the rule engine's gate built on them.

The gate may only skip a rule where its regex cannot match: derived literals are checked against
strings hypothesis generates *from* patterns (st.from_regex), and a gated RuleCleaner must give
exactly the removals of an ungated one on gold pages and generated pages.
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hindiclean import Page, Rule, packaged_rules
from hindiclean.cleaners.normalize import normalize
from hindiclean.cleaners.rules import RuleCleaner
from hindiclean.literals import (
    FOLD_HAZARDS,
    floats,
    required_literals,
    trie_pattern,
    without_extensions,
)

from .conftest import sample_pages
from .strategies import hindi_noise, mixed_pages, pages

# --- derivation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r".{0,40}(?:Follow|फॉलो) करें", {"follow करें", "फॉलो करें"}),
        (r"\d+ min", {" min"}),
        (r"(?:ये|यह) भी पढ़ें", {"ये भी पढ़ें", "यह भी पढ़ें"}),
        (r"[^।]{0,300}(?<!\S)In (?:Hindi|हिंदी)", {"in hindi", "in हिंदी"}),
        (r"(?-i:ABC)x", {"abcx"}),  # a case-sensitive literal still lower()s into the text
        (r"foo(?:bar)?", {"foo"}),
        (r"(?:\d+\s+)?Updated", {"updated"}),
    ],
)
def test_required_literals_found(pattern: str, expected: set[str]) -> None:
    assert required_literals(pattern) == frozenset(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        r".{0,40}",  # matches anything
        r"(?:foo)?\d+",  # the only literal is optional
        r"foo|\d+",  # one alternative has no literal
        r"Σ\d",  # a cased non-ASCII letter: its case-insensitive matches do not all lower() to it
        r"\w+ \w+",
    ],
)
def test_required_literals_none(pattern: str) -> None:
    lits = required_literals(pattern)
    assert lits is None or "" in lits or all(len(x) <= 1 for x in lits)


def test_floats() -> None:
    assert floats(r".{0,120}फॉलो करें")
    assert floats(r"(?=.{0,200}\d)x")
    assert floats(r"[^·|,]{2,40}\s*[·|]")
    assert floats(r"abc|.{0,50}x")
    assert not floats(r"(?:विज्ञापन|Advertisement)")
    assert not floats(r"[\d.,]+\s*Shares")  # a narrow class fails at once
    assert not floats(r".{0,5}x")  # a short run backtracks little


def test_without_extensions() -> None:
    assert without_extensions(frozenset({"ab", "abc", "b", "bcd"})) == {"ab", "b"}
    assert without_extensions(frozenset({"x"})) == {"x"}


@given(st.sets(st.text(alphabet="abकख ", min_size=1, max_size=5), min_size=1, max_size=12),
       st.text(alphabet="abकख ", max_size=6))
def test_trie_pattern_matches_exactly_the_set(words: set[str], probe: str) -> None:
    regex = re.compile(trie_pattern(frozenset(words)))
    for w in words:
        assert regex.fullmatch(w)
    assert (regex.fullmatch(probe) is not None) == (probe in words)


# Patterns built from the pieces rules are made of: a floating prefix, literals (Latin and
# Devanagari, any case), narrow classes, alternations, optional parts, repeats, lookarounds.
# Variable runs stay out of repeats and there is at most one floating prefix, so that checking
# a generated string stays fast (nested runs backtrack polynomially in the string's length).
_ATOMS = st.sampled_from(
    ["Follow", "फॉलो", "करें", "News", "ये", "भी", "Ad", "in", "पढ़ें", "x", "।", "UP", "sHare"]
)
_PIECES = st.sampled_from([r"\s*", r"\s", r"\d{1,3}", r"[:|]", r"(?<!\S)", " ", r"\b", r"[aA]"])
_FLOATING = st.sampled_from(["", r".{0,20}", r"[^।]{0,30}", r"(?:\S+ ){0,3}", r"(?=.{0,30}\d)"])


@st.composite
def _inner(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 5 if depth < 2 else 2))
        if kind <= 1:
            parts.append(re.escape(draw(_ATOMS)))
        elif kind == 2:
            parts.append(draw(_PIECES))
        elif kind == 3:
            alts = draw(st.lists(_inner(depth + 1), min_size=2, max_size=3))
            parts.append("(?:" + "|".join(alts) + ")")
        elif kind == 4:
            parts.append(f"(?:{draw(_inner(depth + 1))})?")
        else:
            parts.append(f"(?:{re.escape(draw(_ATOMS))}){{1,3}}")
    return "".join(parts)


patterns = st.builds(lambda head, body: head + body, _FLOATING, _inner())


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_every_match_holds_a_required_literal(data: st.DataObject) -> None:
    pattern = data.draw(patterns)
    lits = required_literals(pattern)
    if lits is None:
        return
    text = data.draw(st.from_regex(re.compile(pattern, re.IGNORECASE), fullmatch=True))
    if any(ch in text for ch in FOLD_HAZARDS):
        return  # the engine does not gate such texts
    low = text.lower()
    assert any(lit in low for lit in lits), (pattern, text, lits)


@pytest.mark.parametrize("rule", [r for r in packaged_rules() if required_literals(r.pattern)],
                         ids=lambda r: r.name)
def test_packaged_examples_hold_their_rule_literals(rule: Rule) -> None:
    lits = required_literals(rule.pattern)
    regex = re.compile(rule.pattern, re.IGNORECASE)
    for text in rule.examples + rule.counter_examples:
        if regex.search(text):
            assert any(lit in text.lower() for lit in lits), (rule.name, text)


# --- the gate in the engine ---------------------------------------------------------------------

_GATED = RuleCleaner("rules", packaged_rules())
_UNGATED = RuleCleaner("rules", packaged_rules(), gating=False)


def test_packaged_floating_rules_are_gated() -> None:
    gated = {g.rule.name for g in _GATED._gated}
    assert "metadata.meta_line" in gated and "social.paywall" in gated
    assert "ads.label" not in gated  # anchored: the alternation handles it cheaply
    assert not _UNGATED._gated


def _same(text: str) -> None:
    page = normalize(Page.from_text(text))
    assert _GATED(page) == _UNGATED(page)


def test_gate_changes_nothing_on_gold(gold_files: list[Path]) -> None:
    for path in gold_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            _same(json.loads(line)["raw"])
    for path in sample_pages():
        _same(path.read_text(encoding="utf-8"))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(pages().map(lambda p: p.text), mixed_pages(), hindi_noise))
def test_gate_changes_nothing_on_generated_pages(text: str) -> None:
    _same(text)


def test_gate_handles_fold_hazards() -> None:
    # "ſ" matches "s" case-insensitively but does not lower() to it: the page is not gated.
    text = "ſhare करें और हमें फॉलो करें\nमुख्य खबर का पहला पैराग्राफ यहां है।\n"
    _same(text)
    long_text = "क " * 300 + "ıt Updated: 12 Jan 2024, 10:30 AM IST"
    _same(long_text + "\n")


def test_gated_pipeline_survives_pickling(gold_files: list[Path]) -> None:
    # Workers (multiprocessing, Spark, datasets) get the pipeline pickled.
    from hindiclean import Pipeline

    pipeline = Pipeline.default()
    copy = pickle.loads(pickle.dumps(pipeline))
    record = json.loads(gold_files[0].read_text(encoding="utf-8").splitlines()[0])
    assert copy.run(record["raw"]).removals == pipeline.run(record["raw"]).removals

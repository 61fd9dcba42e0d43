"""Settings: every threshold of the cleaners in one immutable object, per pipeline, from TOML."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hindiclean import Pipeline, clean
from hindiclean.settings import DEFAULTS, Settings, current, use

# The module constants the settings replace, with their values before (main at a190ea1).
OLD_VALUES = {
    "topic.paragraph_min_chars": 60,  # topic.PARAGRAPH_MIN_CHARS
    "topic.headline_max_chars": 180,  # topic.HEADLINE_MAX_CHARS
    "topic.prose_min_words": 8,  # inline in topic.is_prose
    "topic.signed_headline_min_chars": 25,  # inline in topic.is_signed_headline
    "topic.broken_max_commas": 2,
    "topic.fragment_max_lines": 2,
    "topic.continuing_min_words": 5,
    "topic.overlap_min_words": 3,  # inline in topic.overlap
    "rules.tail_max_words": 400,
    "rules.tail_max_share": 0.35,
    "rules.cut_max_chars": 400,
    "rules.tail_max_sentences": 2,
    "rules.list_max_items": 10,
    "rules.list_max_overlap": 0.2,
    "rules.list_long_max_overlap": 0.34,
    "rules.list_long_chars": 40,
    "rules.list_min_chars": 25,
    "rules.list_trailing_chars": 20,
    "rules.heads_prose_near": 7,  # inline: range(i + 1, i + 8)
    "rules.heads_prose_window": 12,
    "rules.glue_max_depth": 8,
    "rules.word_glue_min_chars": 3,  # new: glue inside a Devanagari token
    "rules.word_glue_max_head_words": 20,
    "rules.word_glue_min_rest_words": 6,
    "rules.glued_headline_min_words": 5,  # new: a headline glued after a sentence end
    "rules.link_max_dandas": 1,  # new: body glued after a link is kept
    "rules.user_pattern_timeout": 0.25,  # rules.USER_PATTERN_TIMEOUT
    "navigation.breadcrumb_max_chars": 300,  # inline in is_breadcrumb
    "navigation.breadcrumb_min_separators": 2,
    "navigation.breadcrumb_max_section_words": 5,
    "navigation.ticker_max_chars": 200,
    "navigation.ticker_min_cells": 2,
    "navigation.ticker_min_plain_cells": 3,  # new: strips of named numbers joined by • or ·
    "navigation.ticker_cell_max_words": 4,
    "navigation.breadcrumb_short_section_words": 3,
    "menus.min_cells": 3,
    "menus.max_cell_words": 4,
    "menus.max_digit_cells": 1,
    "menus.max_chars": 200,
    "menus.table_window": 3,
    "menus.byline_min_cells": 2,
    "menus.byline_max_cells": 5,
    "menus.byline_max_cell_words": 6,
    "duplicates.headline_max_chars": 300,  # duplicates.HEADLINE_MAX_CHARS (not topic's 180)
    "duplicates.headline_max_distance": 4,
    "duplicates.min_words": 4,
    "duplicates.contained_max_peers": 64,
    "duplicates.card_min_chars": 30,
    "duplicates.teaser_min_own_overlap": 0.3,  # inline in _teaser_cards
    "duplicates.teaser_max_rest_overlap": 0.5,
    "layout.bio_min_families": 3,
    "layout.bio_max_sentences": 8,
    "layout.bio_max_misses": 1,
    "layout.bio_head_min_chars": 60,
    "layout.label_max_words": 3,
    "layout.latin_min_words": 4,  # inline in _trailing_latin
    "layout.site_name_max_words": 4,
    "layout.site_name_min_chars": 4,  # inline: len(text) < 4
    "layout.masthead_max_words": 12,
    "layout.site_name_max_candidates": 8,
    "layout.site_chrome_min_chars": 9,  # inline: len(r.text) > 8
    "layout.headline_min_words": 5,
    "layout.above_headline_min_words": 6,
    "layout.above_headline_min_overlap": 0.2,
    "layout.above_headline_max_gap": 4,
    "layout.section_header_max_words": 8,
    "layout.section_min_items": 2,
    "layout.section_max_items": 12,
    "layout.section_link_min_chars": 25,
    "layout.section_link_max_overlap": 0.34,
    "layout.comment_min_words": 4,
    "off_topic.min_chars": 40,
    "off_topic.min_content_words": 5,
    "off_topic.max_overlap": 0.3,
    "off_topic.trailing_min_chars": 30,
    "off_topic.trailing_min_content_words": 4,
    "off_topic.run_min_links": 3,
    "off_topic.run_min_chars": 30,
    "off_topic.run_max_overlap": 0.25,
    "off_topic.run_card_max_overlap": 0.5,
    "off_topic.run_min_labels": 2,  # inline: len(labels) >= 2
    "off_topic.run_label_max_words": 3,
    "off_topic.subheading_max_words": 8,
    "off_topic.story_max_overlap": 0.3,
    "off_topic.story_lead_max_gap": 3,
    "off_topic.field_short_value_words": 4,
    "off_topic.qa_min_pairs": 2,
    "off_topic.verse_min_lines": 4,
    "off_topic.verse_max_median_chars": 30,  # = RUN_MIN_CHARS
    "learn.min_pages": 5,
    "learn.min_share": 0.02,
    "learn.max_chars": 200,
    "learn.long_sentence_words": 12,
    "learn.max_heading_share": 0.2,
    "learn.max_candidates": 200_000,
    "learn.max_total_candidates": 2_000_000,
    "learn.max_sites": 100_000,
}

P1 = (
    "सरकार ने आज संसद में नई शिक्षा नीति पेश की जिसमें स्कूलों के पाठ्यक्रम में बड़े बदलाव किए गए "
    "हैं। शिक्षा मंत्री ने कहा कि यह नीति छात्रों के भविष्य को बेहतर बनाएगी।"
)
P2 = (
    "नई नीति के तहत कक्षा पांच तक मातृभाषा में पढ़ाई होगी और बोर्ड परीक्षाओं का दबाव कम किया "
    "जाएगा। विपक्ष ने नीति के कुछ हिस्सों पर सवाल उठाए हैं।"
)
OTHER_STORY = "क्रिकेट विश्व कप में भारतीय टीम ने ऑस्ट्रेलिया को हराकर फाइनल जीता"
MENU = "क्रिकेट | फुटबॉल | हॉकी | टेनिस"
LABEL = "कुछ और"
CONTAINED = "शिक्षा मंत्री ने कहा कि यह नीति छात्रों के भविष्य को बेहतर बनाएगी।"
CRUMB = "देश › शिक्षा › नीति"


def rules_of(result) -> set[str]:
    return {r.rule for r in result.removals}


def test_defaults_are_the_old_values() -> None:
    values = {name: value for name, value, _doc in DEFAULTS.items()}
    assert values == OLD_VALUES
    for name, value in values.items():  # same type as before: 60 stays int, 0.3 float
        assert type(value) is type(OLD_VALUES[name]), name
    assert all(doc for _name, _value, doc in DEFAULTS.items())  # every setting says what it is


def test_the_toml_template_reads_back_as_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(Settings().to_toml(), encoding="utf-8")
    assert Settings.from_toml(path) == Settings() == DEFAULTS
    changed = Settings().replace(**{"off_topic.min_chars": 55, "rules.tail_max_share": 0.5})
    path.write_text(changed.to_toml(), encoding="utf-8")
    assert Settings.from_toml(path) == changed
    assert changed.changed() == {"off_topic.min_chars": 55, "rules.tail_max_share": 0.5}


def test_settings_are_immutable_and_replace_gives_a_new_one() -> None:
    s = Settings()
    with pytest.raises(AttributeError):
        s.off_topic.min_chars = 1  # type: ignore[misc]
    t = s.replace(**{"off_topic.min_chars": 50})
    u = s.replace(off_topic={"min_chars": 50})
    v = s.replace(off_topic=s.off_topic.__class__(min_chars=50))
    assert t == u == v and t.off_topic.min_chars == 50 and s.off_topic.min_chars == 40
    assert t.menus is s.menus  # untouched sections are shared
    assert s.replace(**{"off_topic.max_overlap": 1}).off_topic.max_overlap == 1.0  # int -> float
    assert hash(t) == hash(u)


# A page made for each threshold: (page, settings, rule removed by default, removed after?).
CASES = {
    # off_topic: an unrelated headline 66 characters long goes; a longer minimum keeps it
    "off_topic": (
        [P1, OTHER_STORY, P2],
        {"off_topic.min_chars": 100},
        "off_topic.unrelated_headline",
        False,
    ),
    # off_topic the other way: a lower share of words needed to keep it
    "off_topic.max_overlap": (
        [P1, OTHER_STORY, P2],
        {"off_topic.max_overlap": 0.0},
        "off_topic.unrelated_headline",
        False,
    ),
    # topic (a shape test whose results are memoised per text): a shorter headline maximum
    # makes the 66-character headline no headline; the memo must not answer for the defaults
    "topic.headline_max_chars": (
        [P1, OTHER_STORY, P2],
        {"topic.headline_max_chars": 50},
        "off_topic.unrelated_headline",
        False,
    ),
    # menus: a menu bar of four cells goes; with five cells needed it stays
    "menus": ([MENU, P1, P2], {"menus.min_cells": 5}, "menus.menu_bar", False),
    # layout: a two-word widget label after the article goes; with one word at most it stays
    "layout": ([P1, P2, LABEL], {"layout.label_max_words": 1}, "layout.trailing_label", False),
    # duplicates: a sentence repeated from a paragraph goes; with a higher minimum it stays
    "duplicates": (
        [P1 + " " + P2, CONTAINED], {"duplicates.min_words": 20}, "duplicate.contained", False
    ),
    # navigation: a breadcrumb of two separators goes; with three needed it stays
    "navigation": (
        [CRUMB, P1, P2],
        {"navigation.breadcrumb_min_separators": 3},
        "navigation.breadcrumb",
        False,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_changed_threshold_changes_the_result(case: str) -> None:
    lines, changes, rule, removed_after = CASES[case]
    page = "\n".join(lines)
    settings = Settings().replace(**changes)
    before = Pipeline.default().run(page)
    after = Pipeline.default().with_settings(settings).run(page)
    assert rule in rules_of(before)
    assert (rule in rules_of(after)) is removed_after
    assert len(after.text) > len(before.text)  # the line is kept
    # the same through clean(), a `use` block, and a pipeline built with settings=
    assert clean(page, settings=settings) == after.text
    with use(settings):
        assert clean(page) == after.text
    assert Pipeline(Pipeline.default().cleaners, settings=settings).run(page).text == after.text
    assert clean(page) == before.text  # nothing leaks out of a run


def test_a_lower_threshold_removes_more() -> None:
    """The other direction: a short unrelated headline (34 characters, 4 content words) is kept
    by default and goes when the minimums are lowered below its size."""
    short = "भारतीय टीम ने ऑस्ट्रेलिया को हराया"
    assert len(short) < DEFAULTS.off_topic.min_chars
    page = "\n".join([P1, short, P2])
    assert "off_topic.unrelated_headline" not in rules_of(Pipeline.default().run(page))
    low = Settings().replace(**{"off_topic.min_chars": 20, "off_topic.min_content_words": 3})
    assert "off_topic.unrelated_headline" in rules_of(Pipeline.default().with_settings(low).run(page))


def test_a_pipeline_keeps_its_settings_through_composition() -> None:
    s = Settings().replace(**{"menus.min_cells": 5})
    p = Pipeline.default().with_settings(s)
    assert p.settings is s and Pipeline.default().settings is None
    for q in (p.without("off_topic"), p.without("ads.label"), p.with_rules([]), p + Pipeline(),
              p.then(lambda page: page, name="noop")):
        assert q.settings is s
    page = "\n".join([MENU, P1, P2])
    assert "menus.menu_bar" not in rules_of(p.without("off_topic").run(page))
    assert p.with_settings(None).run(page).text == Pipeline.default().run(page).text
    assert current() is DEFAULTS
    # an inner pipeline without settings of its own runs under the outer one's
    outer = Pipeline([Pipeline.default()], settings=s)
    assert outer.run(page).text == p.run(page).text


def test_default_pipeline_stays_cached_and_fast() -> None:
    Pipeline.default()
    t = time.perf_counter()
    for _ in range(100):
        p = Pipeline.default()
    assert (time.perf_counter() - t) / 100 < 0.001
    assert p is Pipeline.default()
    t = time.perf_counter()
    p.with_settings(Settings())
    assert time.perf_counter() - t < 0.01  # shares the compiled cleaners


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[off_topic]\nmin_chars = -1\n", ["[off_topic]", "min_chars", "0 or more"]),
        ("[off_topic]\nmin_chars = 4.5\n", ["[off_topic]", "min_chars", "integer"]),
        ("[off_topic]\nmin_chars = \"40\"\n", ["[off_topic]", "min_chars", "integer"]),
        ("[off_topic]\nmax_overlap = 1.5\n", ["[off_topic]", "max_overlap", "0..1"]),
        ("[off_topic]\nmax_overlap = true\n", ["[off_topic]", "max_overlap", "number"]),
        ("[off_topic]\nmin_charz = 40\n", ["[off_topic]", "min_charz", "unknown setting"]),
        ("[offtopic]\nmin_chars = 40\n", ["[offtopic]", "unknown settings section"]),
        ("min_chars = 40\n", ["[min_chars]", "unknown settings section"]),
        ("off_topic = 40\n", ["off_topic", "must be a table"]),
        ("[off_topic\n", ["not a valid TOML file"]),
    ],
)
def test_a_bad_file_is_refused_naming_the_file_section_and_field(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        Settings.from_toml(path)
    message = str(exc.value)
    assert message.startswith(f"{path}: ")
    for word in words:
        assert word in message


def test_replace_refuses_unknown_names_and_bad_values() -> None:
    with pytest.raises(ValueError, match=r"\[off_topic\] nope: unknown setting"):
        Settings().replace(**{"off_topic.nope": 1})
    with pytest.raises(ValueError, match=r"unknown settings section \[nope\]"):
        Settings().replace(**{"nope.min_chars": 1})
    with pytest.raises(ValueError, match=r"\[menus\] min_cells: must be 0 or more"):
        Settings().replace(menus={"min_cells": -2})
    with pytest.raises(TypeError):
        Pipeline.default().with_settings({"menus.min_cells": 5})  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ command line


def run(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hindiclean", *map(str, args)],
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )


MENU_PAGE = "\n".join([MENU, P1, P2]) + "\n"


@pytest.fixture
def five_cells(tmp_path: Path) -> Path:
    path = tmp_path / "five.toml"
    path.write_text("[menus]\nmin_cells = 5\n", encoding="utf-8")
    return path


def test_cli_settings_lists_and_writes_a_template(tmp_path: Path, five_cells: Path) -> None:
    res = run("settings")
    assert res.returncode == 0, res.stderr
    rows = [line.split("\t") for line in res.stdout.splitlines()]
    assert [r[0] for r in rows] == list(OLD_VALUES)
    assert all(len(r) == 3 and r[2] for r in rows)
    res = run("settings", "--toml")
    path = tmp_path / "template.toml"
    path.write_text(res.stdout, encoding="utf-8")
    assert Settings.from_toml(path) == DEFAULTS
    res = run("settings", "--settings", five_cells)
    assert "menus.min_cells\t5\t" in res.stdout


def test_cli_clean_and_explain_take_settings(tmp_path: Path, five_cells: Path) -> None:
    page = tmp_path / "in" / "page.txt"
    page.parent.mkdir()
    page.write_text(MENU_PAGE, encoding="utf-8")
    plain = run("clean", page)
    assert plain.returncode == 0 and MENU not in plain.stdout
    res = run("clean", page, "--settings", five_cells, "--jobs", "1")  # to stdout
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(MENU + "\n")
    assert res.stdout == clean(MENU_PAGE, settings=Settings.from_toml(five_cells))
    res = run("explain", page, "--settings", five_cells)
    assert res.returncode == 0, res.stderr
    assert f"    1 + {MENU}" in res.stdout
    assert "menus.menu_bar" in run("explain", page).stdout


def test_cli_clean_with_workers_takes_settings(tmp_path: Path, five_cells: Path) -> None:
    for i in range(6):
        page = tmp_path / "in" / f"{i}.txt"
        page.parent.mkdir(exist_ok=True)
        page.write_text(MENU_PAGE, encoding="utf-8")
    jsonl = tmp_path / "in" / "pages.jsonl"
    jsonl.write_text("".join(json.dumps({"text": MENU_PAGE}) + "\n" for _ in range(5)), "utf-8")
    out = tmp_path / "out"
    res = run("clean", tmp_path / "in", "--glob", "*.*", "--out", out, "--jobs", "2",
              "--settings", five_cells, "--quiet")
    assert res.returncode == 0, res.stderr
    for i in range(6):
        assert (out / f"{i}.txt").read_text(encoding="utf-8").startswith(MENU + "\n")
    records = [json.loads(line) for line in (out / "pages.jsonl").read_text("utf-8").splitlines()]
    assert len(records) == 5 and all(r["text"].startswith(MENU + "\n") for r in records)
    # --resume without the settings redoes what they made
    res = run("clean", tmp_path / "in", "--glob", "*.*", "--out", out, "--jobs", "2", "--quiet",
              "--resume")
    assert res.returncode == 0, res.stderr
    assert MENU not in (out / "0.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["clean", "explain", "evaluate", "learn", "settings"])
def test_cli_bad_settings_file_is_a_usage_error_before_any_work(
    tmp_path: Path, command: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[layout]\nlabel_max_words = -3\n", encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(MENU_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    args: list[str | Path] = {
        "clean": [page, "--out", out],
        "explain": [page],
        "evaluate": [page],
        "learn": [page, "--out", out / "rules.toml"],
        "settings": [],
    }[command]
    res = run(command, *args, "--settings", bad)
    assert res.returncode == 2
    assert f"{bad}: [layout] label_max_words: must be 0 or more" in res.stderr
    assert res.stdout == "" and not out.exists()


def test_learn_reads_its_section() -> None:
    """A recurring line is learned under the defaults, not when learn.max_chars is below its
    length (learning runs under the active settings)."""
    from hindiclean import learn_rules

    line = "हमारे न्यूज़लेटर के लिए यहां साइन अप करें"
    pages = [f"{line}\n{P1} यह खबर संख्या {i} है।\n{P2}" for i in range(10)]
    assert len(learn_rules(pages)) == 1
    with use(Settings().replace(**{"learn.max_chars": len(line) - 1})):
        assert len(learn_rules(pages)) == 0

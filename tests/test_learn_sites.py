"""Cleaning a dump as a dump: `clean --learn` learns each site's chrome in a first pass and
cleans each page with its own site's rules; `learn_site_rules` and `SiteRules` in Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hindiclean import Pipeline, load_rules
from hindiclean.batch import Options, iter_sources, run_batch
from hindiclean.batch import learning as batch_learning
from hindiclean.cli import main
from hindiclean.learn import (
    SiteLearner,
    SiteRules,
    learn_rules,
    learn_site_rules,
    line_key,
    site_file_name,
    site_of,
)
from hindiclean.settings import DEFAULTS

from .dumpgen import AGENCY, PORTALS, crawl

SMALL = "chhotiakhbar.in"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _kept(output: str, line: str) -> bool:
    return _norm(line) in _norm(output)


@pytest.fixture(scope="module")
def dump():
    return crawl(50)


@pytest.fixture(scope="module")
def learned(dump) -> SiteRules:
    return learn_site_rules((p.url, p.text) for p in dump)


def _write_jsonl(path: Path, dump, field: str = "url", value=lambda p: p.url) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for p in dump:
            fh.write(json.dumps({field: value(p), "text": p.text}, ensure_ascii=False) + "\n")
    return path


def _read_texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]


# ---------------------------------------------------------------- what is learned, per site


def test_generated_dump_has_the_hard_cases(dump) -> None:
    sites = {p.site for p in dump}
    assert len(sites - {SMALL}) >= 8
    for portal in PORTALS:
        pages = [p for p in dump if p.site == portal.host]
        assert len(pages) >= 50
        agency = sum(any(a in p.body for a in AGENCY) for p in pages)
        assert len(pages) / 5 <= agency <= len(pages) / 2  # about a third
        assert sum(portal.subheading in p.body for p in pages) >= 5
        assert sum(any(s in p.text for s in portal.stock) for p in pages) >= 10
    assert sum(p.site == SMALL for p in dump) < 5


def test_per_site_learning_removes_recurring_chrome_and_no_body(dump, learned) -> None:
    plain = Pipeline.default()
    total = gone = gone_plain = 0
    for p in dump:
        result = learned.run(p.text, site_of(p.url))
        by_learned = {_norm(r.text) for r in result.removals if r.rule.startswith("learned.")}
        for line in p.body:
            assert _norm(line) not in by_learned, f"body removed by a learned rule: {line!r}"
        for line in p.chrome:
            total += 1
            gone += not _kept(result.text, line)
            gone_plain += not _kept(plain.run(p.text).text, line)
    assert gone / total >= 0.98, gone / total
    assert gone_plain / total < 0.9  # without learning much of it stays: the test can fail


def test_a_site_with_too_few_pages_learns_nothing_and_is_cleaned_as_today(dump, learned) -> None:
    assert learned[SMALL].names == ()
    assert learned.pages[SMALL] == 3
    assert set(learned.rules) == {p.host for p in PORTALS}
    for p in dump:
        if p.site == SMALL:
            assert learned.run(p.text, SMALL).text == Pipeline.default().run(p.text).text


def test_recurring_body_is_not_learned_for_any_site(learned) -> None:
    keys = {line_key(e) for rules in learned.rules.values() for r in rules for e in r.examples}
    for portal in PORTALS:
        assert line_key(portal.subheading) not in keys
        for stock in portal.stock:
            assert line_key(stock) not in keys
    for agency in AGENCY:
        assert line_key(agency) not in keys


def test_learned_rules_match_what_they_were_learned_from_and_no_longer_line(learned) -> None:
    import regex

    for rules in learned.rules.values():
        for r in rules:
            assert r.max_chars <= DEFAULTS.learn.max_chars
            for e in r.examples:
                assert regex.fullmatch(r.pattern, e, regex.IGNORECASE)


def test_a_stock_sentence_inside_a_paragraph_before_it_stands_alone_is_not_learned() -> None:
    stock = "पुलिस मामले की जांच कर रही है।"
    para = ("शहर में बुधवार को एक बड़ा हादसा हुआ जिसमें कई लोग घायल हुए। {} "
            "प्रशासन ने राहत कार्य शुरू कर दिया है और अस्पतालों को सतर्क किया गया है।")
    first = [f"साइट पट्टी\n{para.format(stock)}\n" for _ in range(3)]  # inside, first
    later = [f"साइट पट्टी\n{para.format(i)}\n{stock}\n" for i in range(20)]  # alone, later
    rules = learn_rules(first + later)
    examples = {e for r in rules for e in r.examples}
    assert "साइट पट्टी" in examples
    assert stock not in examples


def test_site_of() -> None:
    assert site_of("https://www.Example.co.in:8080/a/b?c=1") == "example.co.in"
    assert site_of("http://news.example.com/x") == "news.example.com"
    assert site_of("//cdn.example.org/x") == "cdn.example.org"
    assert site_of("khabarlahar") == "khabarlahar"  # a plain site name, as it is
    assert site_of(None) == "" and site_of(42) == ""
    assert site_of("http://[bad") == "http://[bad"


def test_site_file_names_are_safe_and_distinct() -> None:
    assert site_file_name("khabarlahar.in") == "khabarlahar.in"
    names = {site_file_name(s) for s in ("", "a/b", "a_b", "../x", "a b", "ख़बर")}
    assert len(names) == 6
    assert all("/" not in n and not n.startswith(".") for n in names)


def test_site_learner_memory_is_capped_overall_and_in_sites() -> None:
    learner = SiteLearner(min_pages=2, max_total=300, max_sites=20)
    for i in range(2000):
        site = f"site{i % 50}"
        learner.add(site, f"अनोखी पंक्ति {i} क ख\nअलग पंक्ति {i * 7} ग घ\n{site} फुटर पंक्ति\n")
    assert learner.peak_total <= 300
    assert len(learner.sites) <= 20
    assert learner.untracked > 0
    assert learner.pages == 2000


def test_site_rules_build_each_pipeline_once_and_pickle(learned) -> None:
    import pickle

    host = PORTALS[0].host
    assert learned.pipeline(host) is learned.pipeline(host)
    assert learned.pipeline(SMALL) is Pipeline.default()
    again = pickle.loads(pickle.dumps(learned))
    assert again.digest() == learned.digest()
    assert again.pipeline(host).names == learned.pipeline(host).names


def test_site_rules_load_back_and_together(tmp_path, learned) -> None:
    files = learned.save(tmp_path)
    assert {p.name for p in files.values()} == {f"{p.host}.toml" for p in PORTALS}
    combined = Pipeline.default()
    for site, path in files.items():
        rules = load_rules(path)
        assert [r.pattern for r in rules] == [r.pattern for r in learned[site]]
        assert all(r.meta["site"] == site for r in rules)
        combined = combined.with_rules(rules, name=f"custom:{site}")  # names never clash


# ---------------------------------------------------------------- the command


def test_clean_learn_jsonl_equals_the_python_form(tmp_path, dump, learned, capsys) -> None:
    src = _write_jsonl(tmp_path / "crawl.jsonl", dump)
    out, rules_dir, report = tmp_path / "out", tmp_path / "rules", tmp_path / "run.json"
    code = main(["clean", str(src), "--out", str(out), "--learn", "--save-rules", str(rules_dir),
                 "--report", str(report), "--jobs", "2", "--quiet"])
    assert code == 0
    texts = _read_texts(out / "crawl.jsonl")
    assert texts == [learned.run(p.text, site_of(p.url)).text for p in dump]
    learned_report = json.loads(report.read_text("utf-8"))["learned"]
    rows = {row["site"]: row for row in learned_report["sites"]}
    assert rows[SMALL] == {"site": SMALL, "pages": 3, "rules": 0, "removals": 0}
    for portal in PORTALS:
        row = rows[portal.host]
        assert row["pages"] == 50 and row["rules"] == len(learned[portal.host])
        assert row["removals"] >= 40 * row["rules"] * 0.5
    assert learned_report["first_pass_resumed"] is False
    for portal in PORTALS:  # the saved rules load back, and are what was learned
        rules = load_rules(rules_dir / f"{portal.host}.toml")
        assert [r.pattern for r in rules] == [r.pattern for r in learned[portal.host]]
    assert "learned:" not in capsys.readouterr().err  # --quiet


def test_clean_learn_text_folders_use_the_first_folder_level(tmp_path, dump) -> None:
    root = tmp_path / "dump"
    for i, p in enumerate(dump):
        path = root / p.site / "2025" / f"{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(p.text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(root), "--out", str(out), "--learn", "--save-rules",
                 str(tmp_path / "rules"), "--quiet", "--jobs", "2"]) == 0
    per_site = learn_site_rules((p.site, p.text) for p in dump)
    for i, p in enumerate(dump[:40]):
        got = (out / p.site / "2025" / f"{i:04d}.txt").read_text("utf-8")
        assert got == per_site.run(p.text, p.site).text
    saved = sorted(x.name for x in (tmp_path / "rules").iterdir())
    assert saved == sorted(f"{p.host}.toml" for p in PORTALS)


def test_clean_learn_flat_files_are_one_site_like_learn(tmp_path, dump) -> None:
    pages = [p for p in dump if p.site == PORTALS[0].host]
    for i, p in enumerate(pages):
        (tmp_path / f"{i:03d}.txt").write_text(p.text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", *[str(tmp_path / f"{i:03d}.txt") for i in range(len(pages))], "--out",
                 str(out), "--learn", "--save-rules", str(tmp_path / "rules"), "--quiet"]) == 0
    (only,) = (tmp_path / "rules").iterdir()
    one = learn_rules(p.text for p in pages)  # the whole input as one site, as `learn` does
    assert load_rules(only).names == one.names
    pipeline = Pipeline.default().with_rules(one)
    assert (out / "000.txt").read_text("utf-8") == pipeline.run(pages[0].text).text


def test_clean_learn_site_field_with_plain_site_names(tmp_path, dump) -> None:
    src = _write_jsonl(tmp_path / "d.jsonl", dump, field="source", value=lambda p: p.site.split(".")[0])
    report = tmp_path / "r.json"
    assert main(["clean", str(src), "--out", str(tmp_path / "out"), "--learn", "--site-field",
                 "source", "--report", str(report), "--quiet"]) == 0
    sites = {row["site"] for row in json.loads(report.read_text("utf-8"))["learned"]["sites"]}
    assert sites == {p.site.split(".")[0] for p in dump}
    # the default field `url` is missing here: one site for everything
    assert main(["clean", str(src), "--out", str(tmp_path / "out2"), "--learn", "--report",
                 str(report), "--quiet"]) == 0
    rows = json.loads(report.read_text("utf-8"))["learned"]["sites"]
    assert [(r["site"], r["pages"]) for r in rows] == [("", len(dump))]


def test_clean_learn_parquet_url_column(tmp_path, dump, learned) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table({"url": [p.url for p in dump], "text": [p.text for p in dump]})
    pq.write_table(table, tmp_path / "d.parquet", row_group_size=100)
    assert main(["clean", str(tmp_path / "d.parquet"), "--out", str(tmp_path / "out"),
                 "--learn", "--quiet"]) == 0
    got = pq.read_table(tmp_path / "out" / "d.parquet").column("text").to_pylist()
    assert got == [learned.run(p.text, site_of(p.url)).text for p in dump]


def test_learn_options_need_learn_and_files(tmp_path, capsys) -> None:
    page = tmp_path / "a.txt"
    page.write_text("कुछ पाठ\n", encoding="utf-8")
    assert main(["clean", str(page), "--out", str(tmp_path / "o"), "--save-rules", "r"]) == 2
    assert "go with --learn" in capsys.readouterr().err
    assert main(["clean", "-", "--learn"]) == 2
    assert "not stdin" in capsys.readouterr().err
    assert main(["clean", str(page), "--out", str(tmp_path / "o"), "--learn",
                 "--min-pages", "0"]) == 2


def test_resume_in_the_second_pass(tmp_path, monkeypatch, dump) -> None:
    from hindiclean.batch.manifest import Manifest

    src = _write_jsonl(tmp_path / "crawl.jsonl", dump * 3)  # 1209 lines: several chunks
    listing = lambda: iter_sources([str(src)])  # noqa: E731
    full = tmp_path / "full"
    run_batch(listing, Options(out=full, learn=True))
    real = Manifest.save_checkpoint
    saved: list[int] = []

    def interrupt_after_two(self: Manifest, *args: object) -> None:
        real(self, *args)  # type: ignore[arg-type]
        saved.append(1)
        if len(saved) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(Manifest, "save_checkpoint", interrupt_after_two)
    with pytest.raises(KeyboardInterrupt):
        run_batch(listing, Options(out=tmp_path / "out", learn=True))
    monkeypatch.undo()

    def no_first_pass(*args: object) -> None:
        raise AssertionError("the first pass was done already")

    monkeypatch.setattr(batch_learning, "learn_pass", no_first_pass)
    report = run_batch(listing, Options(out=tmp_path / "out", learn=True, resume=True))
    assert report.learn_resumed
    assert 0 < report.resumed_records < len(dump) * 3  # two chunks kept, the rest cleaned
    assert report.stats.pages == len(dump) * 3 - report.resumed_records
    assert (tmp_path / "out" / "crawl.jsonl").read_bytes() == (full / "crawl.jsonl").read_bytes()
    monkeypatch.undo()
    # the input changed: the first pass is done again, and every output redone
    src.write_text(src.read_text("utf-8") + src.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    report = run_batch(listing, Options(out=tmp_path / "out", learn=True, resume=True))
    assert not report.learn_resumed
    assert report.stats.pages == len(dump) * 3 + 1

"""The public API: clean, Pipeline composition, custom cleaners and rules, explain, totality."""

from __future__ import annotations

import pytest

from hindiclean import (
    Page,
    Pipeline,
    Rule,
    RuleError,
    RuleSet,
    clean,
    cleaner,
    explain,
    load_rules,
)
from hindiclean.page import Block

PAGE = (
    "Home > देश > सरकार ने नई योजना शुरू की\n"
    "सरकार ने नई योजना शुरू की\n"
    "विज्ञापन\n"
    "नई दिल्ली, 3 जून (भाषा)। सरकार ने आज किसानों के लिए नई योजना की घोषणा की। इसके तहत हर किसान"
    " को सालाना छह हजार रुपये मिलेंगे।\n"
    "ये भी पढ़ें: शेयर बाजार में भारी गिरावट, सेंसेक्स 800 अंक टूटा\n"
    "योजना का लाभ\n"
    "कृषि मंत्री ने कहा कि योजना से देश के करोड़ों छोटे किसानों को सीधा फायदा होगा और खेती की लागत"
    " घटेगी।\n"
    "Follow Us\n"
)


def test_clean_keeps_article_and_drops_chrome() -> None:
    out = clean(PAGE)
    assert out.splitlines() == [
        "सरकार ने नई योजना शुरू की",
        PAGE.splitlines()[3],
        "योजना का लाभ",
        PAGE.splitlines()[6],
    ]


def test_run_reports_every_removal_with_line_category_rule() -> None:
    result = Pipeline.default().run(PAGE)
    got = {(r.line, r.category) for r in result.removals}
    assert {(1, "navigation"), (3, "ads"), (5, "related"), (8, "social")} <= got
    assert all(r.rule and r.text for r in result.removals)
    assert result.by_category()["ads"] == 1


def test_without_a_cleaner_and_without_a_rule() -> None:
    p = Pipeline.default()
    assert "rules" in p.names  # the packaged rules of every category, one cleaner
    assert "विज्ञापन" in p.without("ads").run(PAGE).text  # a category: its rules go
    assert "विज्ञापन" in p.without("ads.label").run(PAGE).text
    assert "विज्ञापन" not in p.without("related.also_read").run(PAGE).text
    with pytest.raises(RuleError, match="no cleaner or rule named"):
        p.without("ads.nope")


def test_then_adds_a_custom_cleaner() -> None:
    @cleaner("drop_lines_with_yojana_labh")
    def custom(page: Page) -> Page:
        kept = [b for b in page.blocks if "योजना का लाभ" not in b.text]
        return page.replace(kept, [])

    p = Pipeline.default().then(custom)
    assert p.names[-1] == "drop_lines_with_yojana_labh"
    assert "योजना का लाभ" not in p.run(PAGE).text

    def shout(page: Page) -> Page:
        return page.replace([Block(b.text.upper(), b.line) for b in page.blocks], [])

    assert Pipeline.default().then(shout).names[-1] == "shout"
    with pytest.raises(TypeError):
        Pipeline([lambda page: page])  # no name


def test_pipeline_add_and_unique_names() -> None:
    a = Pipeline.default()
    with pytest.raises(ValueError, match="unique"):
        a + a


def test_with_rules_adds_user_rules(tmp_path) -> None:
    path = tmp_path / "site.toml"
    path.write_text(
        'category = "social"\n[[rule]]\nname = "site.box"\npattern = "योजना का लाभ"\n',
        encoding="utf-8",
    )
    p = Pipeline.default().with_rules(load_rules(path))
    result = p.run(PAGE)
    assert "योजना का लाभ" not in result.text
    assert any(r.rule == "site.box" for r in result.removals)
    rules = RuleSet((Rule("site.other", "ads", "योजना का लाभ"),))
    assert "योजना का लाभ" not in Pipeline.default().with_rules(rules).run(PAGE).text
    with pytest.raises(RuleError, match="already in the pipeline"):
        Pipeline.default().with_rules(RuleSet((Rule("ads.label", "ads", "x"),)))


def test_explain_names_category_and_rule() -> None:
    text = explain(PAGE)
    assert "[ads: ads.label] विज्ञापन" in text
    assert "+ योजना का लाभ" in text
    assert "\x1b[" not in text
    assert "\x1b[" in explain(PAGE, color=True)


@pytest.mark.parametrize("bad", [None, b"bytes", 5, ["a"]])
def test_non_str_input_is_a_type_error(bad) -> None:
    with pytest.raises(TypeError, match="expects the page as str"):
        clean(bad)


def test_empty_and_blank_pages() -> None:
    assert clean("") == ""
    assert clean("\n\n  \r\n") == ""


def test_normalisation_of_kept_text() -> None:
    raw = (
        "\ufeffमुंबई में\u00a0बारिश\u200b का &quot;रेड अलर्ट&quot; जारी, "
        "स्कूल बंद रहेंगे और लोगों से घर में रहने को कहा गया।\r\n"
    )
    assert clean(raw) == (
        'मुंबई में बारिश का "रेड अलर्ट" जारी, स्कूल बंद रहेंगे और लोगों से घर में रहने को कहा गया।\n'
    )


def test_mojibake_is_repaired() -> None:
    body = "पुलिस ने मौके से तीन आरोपियों को पकड़ लिया है।"
    broken = body.encode("utf-8").decode("cp1252", errors="ignore")
    assert clean(body + "\n" + broken.encode("cp1252", errors="ignore").decode("latin-1")) != ""
    fixed = clean(body.encode("utf-8").decode("latin-1"))
    assert fixed == body + "\n"


def test_zwj_inside_devanagari_is_kept() -> None:
    text = "क्‍या यह सही है कि प्र‌योग सफल रहा और वैज्ञानिक इससे खुश हैं।"
    assert "\u200d" in text or "\u200c" in text
    assert clean(text) == text + "\n"


def test_paragraphs_joined_by_spaces_are_split() -> None:
    raw = "पहला पैरा यहां खत्म होता है।   विज्ञापन   दूसरा पैरा भी यहीं पूरा होता है।\n"
    assert clean(raw) == "पहला पैरा यहां खत्म होता है।\nदूसरा पैरा भी यहीं पूरा होता है।\n"

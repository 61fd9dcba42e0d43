"""Every packaged rule fires on its examples and not on its counter-examples; bad rules fail
loudly, naming the rule and the file."""

from __future__ import annotations

import pytest

from hindiclean import Page, Rule, RuleCleaner, RuleError, load_rules, packaged_rules
from hindiclean.text import normalize_line

RULES = list(packaged_rules())


def _apply(rule: Rule, text: str) -> Page:
    return RuleCleaner("one", [rule])(Page.from_text(normalize_line(text)))


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_has_examples_both_ways(rule: Rule) -> None:
    assert rule.examples, f"{rule.name} has no positive example"
    assert rule.counter_examples, f"{rule.name} has no negative example"
    assert rule.description, f"{rule.name} has no description"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_fires_on_examples(rule: Rule) -> None:
    for example in rule.examples:
        page = _apply(rule, example)
        assert page.removals, f"{rule.name} did not fire on {example!r}"
        assert all(r.rule == rule.name and r.category == rule.category for r in page.removals)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_spares_counter_examples(rule: Rule) -> None:
    for counter in rule.counter_examples:
        page = _apply(rule, counter)
        assert not page.removals, f"{rule.name} fired on its counter-example {counter!r}"
        assert page.text == normalize_line(counter) + "\n"


def test_rule_names_are_unique_and_categorised() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for r in RULES:
        assert r.name.split(".")[0] in r.category or r.category == "disclaimer"


def test_sentence_rule_cuts_only_the_prompt() -> None:
    rule = next(r for r in RULES if r.name == "social.trailing_prompt")
    body = "जयपुर में पानी की सप्लाई बढ़ेगी।"
    page = _apply(rule, body + " जयपुर की हर खबर के लिए पत्रिका के व्हाट्सएप चैनल को फॉलो करें।")
    assert page.text == body + "\n"
    assert page.removals[0].partial


def test_tail_rule_takes_the_rest_only_when_small() -> None:
    rule = Rule("t.tail", "social", r"^Leave a Comment\Z", scope="tail")
    small = "पहला पैरा।\nLeave a Comment\nनाम\nईमेल\n"
    assert RuleCleaner("t", [rule])(Page.from_text(small)).text == "पहला पैरा।\n"
    long_rest = "पहला पैरा।\nLeave a Comment\n" + "यह एक लंबा वाक्य है जो लेख का हिस्सा है। " * 200
    out = RuleCleaner("t", [rule])(Page.from_text(long_rest)).text
    assert "Leave a Comment" not in out
    assert "लंबा वाक्य" in out


def test_list_rule_takes_only_off_topic_headlines() -> None:
    rule = Rule("t.list", "related", r"इसे भी पढ़ें", scope="list")
    text = (
        "ला नीना क्या है और इस बार सर्दियों पर इसका कितना असर पड़ेगा?\n"
        "मौसम वैज्ञानिक इस साल सर्दियों को लेकर ला नीना शब्द बार-बार दोहरा रहे हैं और इसका असर"
        " उत्तर भारत की ठंड पर पड़ेगा।\n"
        "इसे भी पढ़ें\n"
        "सोना इतना महंगा क्यों हो रहा है और आगे क्या होगा?\n"
        "ला नीना क्या है?\n"
        "प्रशांत महासागर में समुद्र की सतह ठंडी होने को ला नीना कहते हैं और इससे सर्दियां कड़ी होती हैं।\n"
    )
    out = RuleCleaner("t", [rule])(Page.from_text(text)).text
    assert "सोना इतना महंगा" not in out
    assert "ला नीना क्या है?\n" in out


def test_section_rule_needs_its_end() -> None:
    rule = Rule("t.s", "social", "टॉप कॉमेंट", scope="section", until="^सभी कॉमेंट्स", max_blocks=3)
    text = "टॉप कॉमेंट\nबहुत अच्छी खबर है\nराम\nसभी कॉमेंट्स देखें\n"
    out = RuleCleaner("t", [rule])(Page.from_text(text)).text
    assert out == "सभी कॉमेंट्स देखें\n"
    unended = "टॉप कॉमेंट\nएक\nदो\nतीन\nचार\nपांच\n"
    assert RuleCleaner("t", [rule])(Page.from_text(unended)).text == "एक\nदो\nतीन\nचार\nपांच\n"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[rule]]\npattern = "x"\n', "missing 'name'"),
        ('[[rule]]\nname = "a.b"\ncategory = "ads"\n', "missing 'pattern'"),
        ('[[rule]]\nname = "a.b"\ncategory = "ads"\npattern = "(unclosed"\n', "invalid pattern"),
        ('[[rule]]\nname = "a.b"\ncategory = "ads"\npattern = "x"\nscope = "page"\n', "unknown scope"),
        ('[[rule]]\nname = "a.b"\ncategory = "fun"\npattern = "x"\n', "unknown category"),
        ('[[rule]]\nname = "a.b"\ncategory = "ads"\npattern = "x"\nwhen = 1\n', "unknown field"),
        ('[[rule]]\nname = "a.b"\ncategory = "ads"\npattern = "<<NOPE>>"\n', "unknown fragment"),
        ('[[rule]]\nname = "a.b"\ncategory = "ads"\npattern = "(x)"\n', "capturing groups"),
        ("[[rule]\n", "not valid TOML"),
    ],
)
def test_bad_rule_files_name_the_rule_and_file(tmp_path, toml: str, message: str) -> None:
    path = tmp_path / "site.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_duplicate_rule_names_are_refused(tmp_path) -> None:
    path = tmp_path / "dup.toml"
    path.write_text(
        'category = "ads"\n[[rule]]\nname = "x.a"\npattern = "a"\n[[rule]]\nname = "x.a"\npattern = "b"\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="defined twice"):
        load_rules(path)


def test_missing_rule_file(tmp_path) -> None:
    with pytest.raises(RuleError, match="no such rule file"):
        load_rules(tmp_path / "nope.toml")


def test_user_rule_file_with_fragments(tmp_path) -> None:
    path = tmp_path / "site.toml"
    path.write_text(
        'category = "social"\n[fragments]\nSITE = "खबरलहर"\n'
        '[[rule]]\nname = "site.newsletter"\npattern = "<<SITE>> न्यूज़लेटर.{0,40}"\n',
        encoding="utf-8",
    )
    rules = load_rules(path)
    assert rules.names == ("site.newsletter",)
    page = RuleCleaner("site", rules)(Page.from_text("खबरलहर न्यूज़लेटर के लिए साइन अप\nसमाचार।\n"))
    assert page.text == "समाचार।\n"

"""Sections after the article (`cleaners/sections.py`): a header over links to other stories or
over readers' comments goes; the article's own lists, steps, Q&A and quotes stay."""

from __future__ import annotations

from hindiclean import Pipeline, clean

HEAD = "ज़िले में नहरों की सफाई का काम शुरू, सिंचाई विभाग ने तय की समय सीमा"
P1 = (
    "सिंचाई विभाग ने सोमवार से ज़िले की सभी छोटी और बड़ी नहरों की सफाई का काम शुरू कर दिया है। "
    "विभाग के अधिशासी अभियंता ने बताया कि रबी की बुवाई से पहले हर नहर के आखिरी छोर तक पानी "
    "पहुंचाना इस बार की सबसे बड़ी प्राथमिकता है।"
)
P2 = (
    "किसानों ने बताया कि पिछले साल कई गांवों में नहर का पानी टेल तक नहीं पहुंचा था, जिससे गेहूं "
    "की बुवाई देर से हुई। इस बार विभाग ने हर खंड के लिए अलग टीम बनाई है और काम की रोज़ "
    "निगरानी की जाएगी।"
)
P3 = "अभियंता ने कहा कि सफाई का काम महीने के अंत तक पूरा कर लिया जाएगा और उसके बाद नहरों में पानी छोड़ा जाएगा।"
ARTICLE = [HEAD, P1, P2, P3]


def _run(*tail: str):
    return Pipeline.default().run("\n".join([*ARTICLE, *tail]) + "\n")


def _kept_whole(tail: list[str]) -> bool:
    """Whether the article with these lines after it comes out unchanged."""
    return clean("\n".join(ARTICLE + tail) + "\n").splitlines() == ARTICLE + tail


def test_header_over_links_to_other_stories_goes() -> None:
    tail = [
        "पढ़ने वालों की पसंद",
        "1. शहर के दो बड़े अस्पतालों में नई एमआरआई मशीनें लगेंगी",
        "2. क्रिकेट अकादमी के चयन ट्रायल अगले हफ्ते से शुरू होंगे",
        "3. पुराने बस अड्डे की जगह बनेगा बहुमंजिला पार्किंग भवन",
    ]
    result = _run(*tail)
    assert result.text.splitlines() == ARTICLE
    rules = {(r.category, r.rule) for r in result.removals}
    assert rules == {("related", "layout.trailing_links")}


def test_counted_header_over_readers_comments_goes() -> None:
    tail = [
        "इस खबर पर बोले लोग (3)",
        "महेश यादव: हमारे गांव की नहर तो पिछले तीन साल से साफ ही नहीं हुई, कोई देखने नहीं आता।",
        "सुनीता · 2 घंटे पहले: अच्छी खबर है, इस बार पानी समय पर मिल जाए तो बड़ी राहत होगी।",
        "Rakesh: विभाग को काम की तस्वीरें भी रोज़ जारी करनी चाहिए।",
    ]
    result = _run(*tail)
    assert result.text.splitlines() == ARTICLE
    assert {(r.category, r.rule) for r in result.removals} == {("social", "layout.comments")}


def test_the_articles_own_list_at_its_end_stays() -> None:
    # Items that share the article's words (or are too short to be headlines) are its own.
    tail = [
        "इन नहरों की होगी सफाई",
        "1. पूर्वी खंड की मुख्य नहर और उसकी छोटी नहरें",
        "2. पश्चिमी खंड में गांवों के टेल तक जाने वाली नहरें",
        "3. बाज़ार",
    ]
    assert _kept_whole(tail)


def test_steps_interview_answers_and_quotes_without_a_readers_header_stay() -> None:
    steps = [
        "ऐसे करें ऑनलाइन शिकायत",
        "स्टेप 1: विभाग की वेबसाइट पर जाकर शिकायत वाले पेज को खोलें।",
        "स्टेप 2: अपनी नहर का नाम और गांव चुनकर शिकायत दर्ज करें।",
    ]
    quotes = [
        "क्या कहते हैं किसान",
        "रामलाल, सरपंच: इस बार काम समय पर शुरू हुआ है, उम्मीद है पानी भी समय पर आएगा।",
        "गीता देवी: पिछले साल हमारी फसल पानी न मिलने से खराब हो गई थी।",
    ]
    for tail in (steps, quotes):
        assert _kept_whole(tail)


def test_a_header_and_links_above_more_of_the_article_stay_for_other_steps() -> None:
    # Above a long paragraph of the article, a header and two short headlines are no trailing
    # section (`off_topic` judges headlines there by their own signals).
    tail = [
        "पढ़ने वालों की पसंद",
        "1. शहर के दो बड़े अस्पतालों में नई एमआरआई मशीनें लगेंगी",
        "2. क्रिकेट अकादमी के चयन ट्रायल अगले हफ्ते से शुरू होंगे",
        P2.replace("किसानों", "ग्रामीणों"),
    ]
    result = _run(*tail)
    assert not any(r.rule.startswith("layout.") for r in result.removals)


def test_sections_removed_once_are_idempotent() -> None:
    tail = [
        "पाठकों की राय",
        "अजय: नहरों की सफाई के साथ उनकी पक्की दीवारें भी बननी चाहिए।",
        "पूजा सिंह: काम की निगरानी के लिए गांव के लोगों को भी शामिल किया जाए।",
        "ज़िले की और खबरें",
        "• शहर के दो बड़े अस्पतालों में नई एमआरआई मशीनें लगेंगी",
        "• क्रिकेट अकादमी के चयन ट्रायल अगले हफ्ते से शुरू होंगे",
    ]
    once = clean("\n".join(ARTICLE + tail) + "\n")
    assert once.splitlines() == ARTICLE
    assert clean(once) == once


def test_a_subheading_over_items_that_look_like_headlines_stays() -> None:
    # No word for a list of stories in the header: the article's own list, however its items
    # read (the property tests' generator found this one).
    tail = [
        "कौन से दस्तावेज जरूरी",
        "• पुराना पासपोर्ट और उसकी स्वप्रमाणित प्रति",
        "• खतौनी और आधार कार्ड की प्रति साथ रखें",
    ]
    assert _kept_whole(tail)


def test_links_under_a_header_a_rule_removed_go_but_not_the_article_after_them() -> None:
    tail = [
        "Trending Videos",
        "शहर के दो बड़े अस्पतालों में नई एमआरआई मशीनें लगेंगी",
        "क्रिकेट अकादमी के चयन ट्रायल अगले हफ्ते से शुरू होंगे",
    ]
    assert clean("\n".join(ARTICLE + tail) + "\n").splitlines() == ARTICLE
    # Prose of the article below: no trailing section (other steps judge those lines).
    lines = ARTICLE[:3] + tail + ARTICLE[3:]
    result = Pipeline.default().run("\n".join(lines) + "\n")
    assert not any(r.rule.startswith("layout.trailing") for r in result.removals)
    assert result.text.splitlines()[-1] == P3


def test_short_verse_lines_under_the_last_paragraph_stay_when_the_comments_go() -> None:
    # Removing the comments makes the editor's note the last prose; the poem below it is still
    # the article's (its last lines anchor the widget-label check), not a run of labels.
    poem = [
        "धुंध अभी सोई है",
        "पहाड़ की गोद में",
        "फिसलन भरी ढलानें",
        "तुम्हारे घुटनों पर",
        "अपने निशान छोड़ जाती हैं",
        "कोई नहीं जानता",
        "कि उस भाप में",
        "तुम्हारी सुबह घुली है",
    ]
    comments = [
        "पाठकों के शब्द (2)",
        "मीनाक्षी सुंदरम: कविता पढ़कर अपनी दादी की याद आ गई, वे भी बागान में काम करती थीं।",
        "अजय पाठक: अंतिम पंक्तियां बहुत गहरी हैं, बधाई।",
    ]
    lines = ["चाय बागान की सुबह", P1, *poem]
    once = clean("\n".join(lines + comments) + "\n")
    assert once.splitlines() == lines
    assert clean(once) == once


def test_lines_above_the_headline_that_are_not_prose_go() -> None:
    top = ["गंगा-जमुनी तहज़ीब की आवाज़", "धरोहर विशेष अंक", "सप्ताह की चुनिंदा बातें"]
    result = Pipeline.default().run("\n".join(top + ARTICLE) + "\n")
    assert result.text.splitlines() == ARTICLE
    assert {r.text for r in result.removals if r.rule == "layout.above_headline"} == set(top)


def test_a_short_title_over_its_byline_and_lines_far_above_the_prose_stay() -> None:
    # A poem's title (short, about the story) over a long byline that names the poet: kept.
    title = "नहरों की सफाई"
    byline = "रचना: सिंचाई विभाग के अधिशासी अभियंता रामप्रसाद ✦ प्रस्तुति 3 फरवरी"
    lines = [title, byline, P1, P2, P3]
    assert clean("\n".join(lines) + "\n").splitlines()[0] == title
    # No headline within `above_headline_max_gap` lines of the first paragraph: nothing goes
    # by this signal (a poem's lines stand between).
    verse = ["धुंध अभी सोई है", "पहाड़ की गोद में", "फिसलन भरी ढलानें", "तुम्हारे घुटनों पर", "कोई नहीं जानता"]
    result = Pipeline.default().run("\n".join(["टैगलाइन वाली पंक्ति", HEAD, *verse, P1, P2, P3]) + "\n")
    assert not any(r.rule == "layout.above_headline" for r in result.removals)

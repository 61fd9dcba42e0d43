"""Shape tests and position rules that are not phrase rules: breadcrumbs, list rows, author bios."""

from __future__ import annotations

from hindiclean import Page, Pipeline, clean
from hindiclean.cleaners.layout import bio_start, layout
from hindiclean.cleaners.navigation import is_breadcrumb
from hindiclean.settings import DEFAULTS
from hindiclean.topic import is_headline_shaped, is_list_or_table

PARA = (
    "नौसेना को शुक्रवार को आठवां युद्धपोत सौंपा गया। इसे अगले महीने विशाखापत्तनम में बेड़े में "
    "शामिल किया जाएगा और यह पूर्वी तट पर निगरानी अभियानों में हिस्सा लेगा।"
)
BIO = (
    "अंकित शर्मा पिछले आठ वर्षों से रक्षा मामलों पर लिखते हैं। उन्होंने IIMC से पत्रकारिता में "
    "डिप्लोमा किया है।"
)


def test_breadcrumb_needs_named_sections() -> None:
    assert is_breadcrumb("होम » राज्य » बिहार » पटना")
    assert is_breadcrumb("Home > India > News")
    assert not is_breadcrumb("सरकारी स्कूल | — | — | 89.02%")  # a table row with empty cells
    assert not is_breadcrumb("यह खबर है। » और यह भी")


def test_rows_ending_in_a_figure_are_list_items() -> None:
    row = "द्वितीय: मोहित कुमार, राजकीय वरिष्ठ माध्यमिक विद्यालय, कैथल – 497/500"
    assert is_list_or_table(row) and not is_headline_shaped(row)
    assert is_list_or_table("टमाटर: 40/किलो")
    assert not is_list_or_table("बिहार में कोरोना का खौफ, सभी स्कूल-कॉलेज 31 मार्च तक बंद")
    assert not is_list_or_table("IPL 2025: मुंबई ने चेन्नई को हराया")
    assert not is_list_or_table("अपडेट: 12:30")  # a time, not a figure row
    assert is_list_or_table("12 अप्रैल: काठमांडू से अभियान दल रवाना")
    assert is_list_or_table("25 अप्रैल से 10 मई: ऊंचाई के अनुकूल होने के लिए अभ्यास")
    assert not is_list_or_table("मकालू अभियान: 12 अप्रैल को काठमांडू से दल रवाना")


def test_bio_glued_to_the_last_paragraph_is_cut_not_the_paragraph() -> None:
    text = PARA + " " + BIO
    assert bio_start(text) == len(PARA) + 1
    first = "रक्षा मंत्रालय ने बताया कि पोत का निर्माण पूरी तरह देश में हुआ है और इसमें स्वदेशी हथियार लगे हैं।"
    page = layout(Page.from_text(f"{first}\n{text}\n"))
    assert page.text == f"{first}\n{PARA}\n"
    (cut,) = page.removals
    assert cut.partial and cut.rule == "layout.author_bio" and cut.text == BIO
    assert layout(page) == page  # nothing more on a second run
    # what the cut leaves repeats the paragraph above: it goes as the duplicates step says
    page = layout(Page.from_text(f"{PARA}\n{text}\n"))
    assert page.text == f"{PARA}\n"
    assert [r.rule for r in page.removals] == ["layout.author_bio", "duplicate.exact"]
    assert layout(page) == page


def test_bio_alone_goes_whole_and_journalism_prose_stays() -> None:
    assert bio_start(BIO) == 0
    assert bio_start("लेखक: " + BIO) == 0  # only a label before the bio
    assert bio_start(PARA) is None
    # A long run of sentences about journalism is an article about it, not a bio.
    prose = " ".join([BIO] * (DEFAULTS.layout.bio_max_sentences // 2 + 1))
    assert bio_start(prose) is None
    out = clean(f"{PARA}\n{prose}\n")
    assert prose in out


def test_table_header_with_team_is_kept() -> None:
    page = f"{PARA}\nटीम | स्कोर | ओवर\nभारत | 281/6 | 50\n{PARA[:60]}। बाकी खबर।\n"
    assert "टीम | स्कोर | ओवर" in clean(page)


SITE_PAGE = """न्याय दर्पण
होम › कानून
तलाक के बाद भी पत्नी को मिलेगा भरण-पोषण, हाईकोर्ट ने सुनाया अहम फैसला
{para}
{para2}
© 2025 न्याय दर्पण | सर्वाधिकार सुरक्षित
"""
PARA2 = "अदालत ने कहा कि पत्नी को भरण-पोषण का अधिकार तलाक के बाद भी बना रहता है और इसे छीना नहीं जा सकता।"


def test_site_name_above_the_headline_goes_when_chrome_names_it() -> None:
    raw = SITE_PAGE.format(para=PARA, para2=PARA2)
    result = Pipeline.default().run(raw)
    assert "न्याय दर्पण" not in result.text
    assert ("navigation", "layout.site_name") in {(r.category, r.rule) for r in result.removals}
    assert clean(result.text) == result.text


def test_short_headline_and_datelines_are_not_site_names() -> None:
    # The headline is the last headline-shaped line above the article: never a site name, even
    # when a share line repeats it.
    raw = f"महंगाई की मार\n{PARA}\nWhatsApp पर शेयर करें: महंगाई की मार\n{PARA2}\n"
    assert clean(raw).startswith("महंगाई की मार\n")
    # Not named by any removed chrome: no site name by that rule.
    # (Nor standing right above a removed breadcrumb: a masthead over the navigation goes.)
    raw = (
        SITE_PAGE.format(para=PARA, para2=PARA2)
        .replace("© 2025 न्याय दर्पण | सर्वाधिकार सुरक्षित", "")
        .replace("होम › कानून\n", "")
    )
    result = Pipeline.default().run(raw)
    assert not any(r.rule == "layout.site_name" for r in result.removals)
    # A short line above the page's headline that says nothing of the article goes by its
    # position instead (`layout.above_headline`).
    assert [r.rule for r in result.removals if r.text == "न्याय दर्पण"] == ["layout.above_headline"]


def test_bio_may_hold_one_sentence_without_a_bio_word() -> None:
    hobby = "खाली समय में उन्हें पुरानी फिल्में देखना पसंद है।"
    text = f"{PARA} {BIO} {hobby}"
    assert bio_start(text) == len(PARA) + 1
    first = "रक्षा मंत्रालय ने बताया कि पोत का निर्माण पूरी तरह देश में हुआ है और इसमें स्वदेशी हथियार लगे हैं।"
    page = layout(Page.from_text(f"{first}\n{text}\n"))
    assert page.text == f"{first}\n{PARA}\n"
    assert layout(page) == page
    # Two such sentences end the run: what comes before them is not judged a bio.
    assert bio_start(f"{PARA} {BIO} {hobby} {hobby}") is None


def test_live_blog_entries_under_their_time_stamps_are_kept() -> None:
    entries = [
        ("07:50 PM", "अमीनाबाद बाजार में दुकानें त्योहारों तक रात 11 बजे तक खुलेंगी, व्यापार मंडल का फैसला"),
        ("07:20 PM", "इकाना स्टेडियम में रणजी कैंप के लिए 30 संभावित खिलाड़ियों की सूची जारी"),
        ("06:45 PM", "गोमती का जलस्तर चेतावनी बिंदु से 1.2 मीटर नीचे, सिंचाई विभाग अलर्ट पर"),
    ]
    body = [PARA] + [x for pair in entries for x in pair] + [PARA2]
    assert clean("\n".join(body) + "\n") == "\n".join(body) + "\n"
    # Without the time stamps the same lines read as other stories' headlines.
    bare = [PARA] + [e for _, e in entries] + [PARA2]
    assert entries[0][1] not in clean("\n".join(bare) + "\n")


def test_bulleted_labels_quotes_and_reported_copyright_are_body() -> None:
    items = ["- #Ad", "- Sponsored", "- विज्ञापन", "- प्रायोजित"]
    page = "\n".join([PARA, "पोस्ट पर इनमें से कोई एक लेबल लगाना होगा:", *items, PARA2]) + "\n"
    out = clean(page)
    assert all(item in out.splitlines() for item in items)
    assert "विज्ञापन" not in clean(f"{PARA}\n--- विज्ञापन ---\n{PARA2}\n")  # decoration, not a list
    quote = (
        'समूह ने पहले पन्ने पर लिखा, "हमारी पत्रकारिता अब किसी दीवार के पीछे नहीं रहेगी। '
        'न्यूज़लेटर के लिए सब्सक्राइब करें, यह मुफ्त है।"'
    )
    assert quote in clean(f"{PARA}\n{quote}\n{PARA2}\n")
    said = 'मेघवाल ने कहा, "यह गीत हमारा है। कंपनी इस पर सर्वाधिकार सुरक्षित होने का दावा कैसे कर सकती है?"'
    assert said in clean(f"{PARA}\n{said}\n{PARA2}\n")

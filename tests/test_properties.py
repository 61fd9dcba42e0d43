"""Property-based tests of hindiclean's guarantees (design.md, "Guarantees and how they are tested").

- body is never dropped: pages built from distinct body lines (hard shapes included) with
  boilerplate inserted anywhere keep every body line, word for word and in order;
- idempotent: clean(clean(x)) == clean(x), and the same for every cleaner of the default pipeline;
- never invents text: every output line is (a part of) a normalised input line;
- order kept: output lines appear in input order;
- total: any str gives a str; anything else raises a TypeError saying a str was expected.

Generators live in tests/strategies.py.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from hindiclean import Page, Pipeline, clean, explain
from hindiclean.cleaners.normalize import decoded_lines
from hindiclean.text import LINE_BREAK, dedup_key, normalize_line, sentence_keys

from .strategies import (
    BODY_POOL,
    BOILERPLATE,
    GLUED_PROMPTS,
    HEADLINES,
    LINE_SEPARATORS,
    STANDFIRSTS,
    STORIES,
    SUBHEADINGS,
    TIME_STAMPS,
    GeneratedPage,
    arbitrary_text,
    hindi_noise,
    pages,
)

SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CLEANERS = Pipeline.default().cleaners

# --- helpers -------------------------------------------------------------------------------------

_LINE_BREAK = LINE_BREAK  # how Page.from_text splits lines (U+2028, U+2029, NEL between lines too)
# Where a page joined paragraphs (policy: "A paragraph may be split where the page joined
# paragraphs"; literal \r \n \t left as text are residue): runs of 3+ spaces or NBSP, tabs.
_JOINED = re.compile(r"(?:[ \u00a0]*(?:\\[rnt]|\t)[ \u00a0]*)+|[ \u00a0]{3,}")


def words(text: str) -> list[str]:
    return normalize_line(text).split()


def find_run(hay: list[str], needle: list[str], start: int = 0) -> int:
    """Index of the first exact contiguous run of needle in hay at or after start, or -1."""
    n = len(needle)
    for i in range(start, len(hay) - n + 1):
        if hay[i : i + n] == needle:
            return i
    return -1


def find_piece(hay: list[str], needle: list[str], start: int = 0) -> int:
    """Like find_run, but the first and last word may be cut (a lead or a tail cut inside a
    word glued to chrome): the piece is a contiguous part of the words of hay."""
    n = len(needle)
    if n == 0:
        return start
    for i in range(start, len(hay) - n + 1):
        if n == 1:
            if needle[0] in hay[i]:
                return i
            continue
        if (
            hay[i].endswith(needle[0])
            and hay[i + 1 : i + n - 1] == needle[1:-1]
            and hay[i + n - 1].startswith(needle[-1])
        ):
            return i
    return -1


def normalised_input(raw: str) -> list[tuple[list[str], list[str]]]:
    """Each input line normalised, as words, two ways: the whole line through normalize_line
    (join residue read as a break), and piece by piece where the page joined paragraphs (the
    mojibake repair inside normalize_line looks at the whole string it is given)."""
    out = []
    for raw_line in _LINE_BREAK.split(raw):
        # HTML references are decoded before paragraphs are split (a `&#92;r` is a join, a
        # `&#10;` a line break).
        for line in decoded_lines(raw_line):
            whole = normalize_line(_JOINED.sub("   ", line)).split()
            pieces = [w for piece in _JOINED.split(line) for w in normalize_line(piece).split()]
            out.append((whole, pieces))
    return out


def output_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


# --- 1. body is never dropped --------------------------------------------------------------------


def test_body_pool_is_distinct():
    """The generator's promise: no two body lines are duplicates under the library's own key,
    and none repeats a sentence of another (that would be a legitimate duplicate removal)."""
    pool = HEADLINES + BODY_POOL + STANDFIRSTS
    keys = [dedup_key(x) for x in pool]
    assert len(set(keys)) == len(keys)
    seen: dict[str, str] = {}
    for item in pool:
        if len(item.split()) < 4 or "|" in item:
            continue  # the library takes only sentence-shaped blocks as contained duplicates
        for k in sentence_keys(normalize_line(item)):
            if len(k.split()) < 3:
                continue  # "1." of a numbered item
            assert seen.setdefault(k, item) == item, (item, seen[k])
    assert len(BODY_POOL) >= 40 and sum(len(u) for u in BOILERPLATE) >= 40 and len(STORIES) >= 6


_NEWS_WORDS = re.compile(r"विज्ञापन|सब्सक्राइब|फॉलो|शेयर|डाउनलोड|ऐप|Advertisement|Follow")
HARD_CASES = {
    "one-line dump": lambda p: p.one_line and len(p.body) >= 4,
    "run of 3+ chrome lines": lambda p: p.max_run >= 3,
    "two stories": lambda p: sum(b in HEADLINES for b in p.body) == 2,
    "short subheading": lambda p: any(b in SUBHEADINGS for b in p.body),
    "live-blog stamp": lambda p: any(b in TIME_STAMPS for b in p.body),
    "table row": lambda p: any(" | " in b for b in p.body),
    "numbered list": lambda p: any(b.startswith("1. ") for b in p.body),
    "bullet list": lambda p: any(b.startswith(("- ", "• ")) for b in p.body),
    "Q&A": lambda p: any(b.startswith("सवाल:") for b in p.body),
    "dateline": lambda p: any(re.match(r"\S+, \d+ \S+ (\(\S+\))?।", b) for b in p.body),
    "English sentence": lambda p: any(b.isascii() and b.endswith((".", '."')) for b in p.body),
    "chrome words as news": lambda p: any(
        _NEWS_WORDS.search(b) and b.endswith("।") for b in p.body
    ),
    "ad label next to ad news": lambda p: (
        re.search(r"^(विज्ञापन|Advertisement)\s*$", p.text, re.M) is not None
        and any("विज्ञापन" in b for b in p.body)
    ),
    "footer (comment box, author box)": lambda p: (
        "Leave a Comment" in p.text or "About the Author" in p.text
    ),
    "line separator (U+2028/2029, NEL, FF, &#10;)": lambda p: any(
        s in p.text for s in LINE_SEPARATORS
    ),
    "HTML references (nested too)": lambda p: "&amp;" in p.text or "&#2404;" in p.text,
    "prompt glued to a paragraph": lambda p: any(pr in p.text for pr in GLUED_PROMPTS),
    "ZWJ between a paragraph and a prompt": lambda p: "।\u200d" in p.text,
    "headline repeated at a paragraph's end": lambda p: any(
        b.endswith("। " + p.body[0]) for b in re.split(r"\n|\u2028|\u2029|   ", p.text)
    ),
}


def test_generator_reaches_hard_cases():
    """The page generator really produces the hard cases, each several times in a few hundred
    pages (so a pass of the body tests means something)."""
    seen: Counter[str] = Counter()

    @settings(
        max_examples=400,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(pages())
    def collect(page):
        seen.update(name for name, test in HARD_CASES.items() if test(page))

    collect()
    rare = {name: seen[name] for name in HARD_CASES if seen[name] < 5}
    assert not rare, f"hard cases the generator (almost) never makes: {rare}"


@settings(SETTINGS, max_examples=400)
@given(pages(one_line=False, two_stories=False))
def test_body_is_never_dropped(page):
    """One story, one paragraph a line (blank lines, CRLF, an occasional run of spaces)."""
    _assert_body_kept(page)


def _assert_body_kept(page) -> None:
    """Every body line stands, as a contiguous run of normalised words, in the output, in order."""
    out = clean(page.text)
    got = words(out.replace("\n", " "))
    pos = 0
    for item in page.body:
        want = words(item)
        at = find_run(got, want, pos)
        assert at >= 0, f"body line lost or cut: {item!r}\n{explain(page.text)}"
        pos = at + len(want)


@settings(SETTINGS, max_examples=250)
@given(pages(one_line=True, two_stories=False))
def test_body_is_never_dropped_one_line(page):
    """The same on one-line dumps (paragraphs and chrome joined by runs of spaces)."""
    _assert_body_kept(page)


@settings(SETTINGS, max_examples=250)
@given(pages(two_stories=True))
def test_body_is_never_dropped_two_stories(page):
    """Dumps that pasted two complete stories into one file: both are body (policy)."""
    _assert_body_kept(page)


# Minimal pages the generators above found (shrunk by hand from Hypothesis' output), kept as
# fixed cases so each one is reported on its own. Every line in `body` is body by the policy.
_AGRI_1 = (
    "लखनऊ, 4 मार्च (भाषा)। उत्तर प्रदेश सरकार ने बुधवार को किसानों के लिए नई सिंचाई योजना की घोषणा "
    "की, जिसके तहत छोटे और सीमांत किसानों को ड्रिप सिंचाई उपकरण पर 80 फीसदी अनुदान मिलेगा।"
)
_AGRI_2 = (
    "कृषि मंत्री ने बताया कि योजना का लाभ पहले चरण में प्रदेश के 25 जिलों को मिलेगा और इसके लिए "
    "1,200 करोड़ रुपये का बजट रखा गया है।"
)
_RAIN_HEADLINE = "लखनऊ में मूसलाधार बारिश से जलभराव, कई इलाकों में यातायात ठप"
_RAIN_1 = (
    "मौसम विभाग के अनुसार अगले 48 घंटों में पूर्वी उत्तर प्रदेश के कई जिलों में भारी बारिश हो सकती "
    "है, इसलिए प्रशासन ने स्कूलों में छुट्टी घोषित कर दी है।"
)
_RAIN_LEAD = "भारी बारिश के चलते प्रशासन ने अगले दो दिन के लिए स्कूल बंद रखने का आदेश दिया है।"
_FOLLOW = "अगर आप नए अपडेट्स के बारे में जानना चाहते हैं, तो हमारे ब्लॉग को फ़ॉलो करें।"
_WIDGET = (
    "Trending Videos",
    "सोने की कीमत में रिकॉर्ड उछाल, 90 हजार के पार पहुंचा भाव",
    "आईपीएल नीलामी में सबसे महंगे बिके विदेशी खिलाड़ी कौन",
)
_CARD_LIST = (
    "पंजाब में पराली जलाने के मामलों में तेज बढ़ोतरी दर्ज",
    "केरल में निपाह वायरस का नया मामला, स्वास्थ्य विभाग सतर्क",
    "बिहार में पुल ढहने की जांच के लिए समिति गठित",
)
_PASSPORT = (
    "पासपोर्ट नवीनीकरण के नियम बदले, जानें क्या है नई प्रक्रिया",
    "सवाल: क्या पुराने पासपोर्ट धारकों को दोबारा पुलिस सत्यापन कराना होगा?",
    "जवाब: नहीं, पते में बदलाव न होने पर सामान्य नवीनीकरण में पुलिस सत्यापन की जरूरत नहीं होती।",
)
_PASSPORT_2 = (
    "नई दिल्ली, 18 फरवरी। विदेश मंत्रालय ने पासपोर्ट नवीनीकरण की प्रक्रिया को आसान बनाते हुए पुलिस "
    "सत्यापन के नियमों में बदलाव किया है।"
)
_COURT = (
    "हाईकोर्ट का फैसला: पेंशन कर्मचारी का अधिकार, रोक नहीं सकती सरकार",
    "प्रयागराज, 12 जुलाई (आईएएनएस)। इलाहाबाद हाईकोर्ट ने सेवानिवृत्त शिक्षकों की पेंशन रोकने के "
    "सरकारी आदेश को रद्द कर दिया है।",
)


def _case(lines: tuple[str, ...] | list[str], *chrome: str) -> GeneratedPage:
    """A page of these lines; the ones named in chrome are boilerplate, all others body."""
    return GeneratedPage("\n".join(lines) + "\n", tuple(x for x in lines if x not in chrome))


KNOWN_PAGES = {
    # a subheading over a short closing paragraph (< 60 characters): layout.trailing_label
    "subheading_over_short_last_paragraph": _case(
        [_AGRI_1, "कैसे करें आवेदन", "विपक्ष ने योजना को चुनावी घोषणा बताया।"]
    ),
    # a subheading over a closing paragraph in English: off_topic.after_article
    "subheading_over_english_last_paragraph": _case(
        [
            "मॉस्को, 13 जुलाई (भाषा)। रूस और उत्तर कोरिया ने रक्षा सहयोग बढ़ाने के एक समझौते पर हस्ताक्षर "
            "किए हैं, जिस पर अमेरिका और दक्षिण कोरिया ने चिंता जताई है।",
            "रूस को बिना शर्त समर्थन का वादा",
            "By the end of the day, Seoul had summoned the Russian ambassador.",
        ]
    ),
    # a subheading just after an unmarked card list: off_topic.card_list (as a "label")
    "subheading_after_card_list": _case([_AGRI_1, *_CARD_LIST, "कैसे करें आवेदन", _AGRI_2], *_CARD_LIST),
    # a subheading just after a widget title: taken as one of the widget's links
    "subheading_after_sponsored_label": _case(
        [*_PASSPORT, "Sponsored", "कौन से दस्तावेज जरूरी", _PASSPORT_2], "Sponsored"
    ),
    "subheading_after_next_story": _case(
        [
            *_COURT,
            "Next Story",
            "शिक्षकों को बड़ी राहत",
            "The court observed that pension is a right and not a bounty.",
        ],
        "Next Story",
    ),
    # the headline under a widget title, when a paragraph-shaped chrome line stands above it
    "headline_after_cookie_banner_and_widget": _case(
        [
            "This website uses cookies to ensure you get the best experience on our website.",
            "Trending Videos",
            _RAIN_HEADLINE,
            _RAIN_1,
        ],
        "This website uses cookies to ensure you get the best experience on our website.",
        "Trending Videos",
    ),
    # two stories in one dump: the second headline is taken for an unrelated headline
    "second_story_headline": _case(
        [
            "किसानों के लिए नई सिंचाई योजना, ड्रिप उपकरण पर 80 फीसदी अनुदान",
            _AGRI_1,
            _RAIN_HEADLINE,
            _RAIN_1,
        ]
    ),
    # two stories in a one-line dump, a widget's links between the second headline and its lead
    "second_story_headline_over_widget": GeneratedPage(
        "   ".join(
            [
                "किसानों के लिए नई सिंचाई योजना, ड्रिप उपकरण पर 80 फीसदी अनुदान",
                _AGRI_1 + " " + _FOLLOW,
                _RAIN_HEADLINE,
                "Trending Videos",
                "सोने की कीमत में रिकॉर्ड उछाल, 90 हजार के पार पहुंचा भाव",
                "आईपीएल नीलामी में सबसे महंगे बिके विदेशी खिलाड़ी कौन",
                "Sponsored",
                "घर बैठे कमाएं हर महीने पचास हजार रुपये, जानिए आसान तरीका",
                _RAIN_LEAD + " " + _FOLLOW,
                _RAIN_1 + " " + _FOLLOW,
            ]
        ),
        (
            "किसानों के लिए नई सिंचाई योजना, ड्रिप उपकरण पर 80 फीसदी अनुदान",
            _AGRI_1,
            _RAIN_HEADLINE,
            _RAIN_LEAD,
            _RAIN_1,
        ),
    ),
    # the second headline as a widget's third link, eight chrome lines above its lead
    "second_story_headline_in_widget": _case(
        [
            _AGRI_1,
            *_WIDGET,
            _RAIN_HEADLINE,
            "विज्ञापन",
            *_WIDGET,
            *_WIDGET,
            _RAIN_LEAD,
            _RAIN_1,
        ],
        *_WIDGET,
        "विज्ञापन",
    ),
}


@pytest.mark.parametrize("page", KNOWN_PAGES.values(), ids=KNOWN_PAGES.keys())
def test_body_is_never_dropped_known_pages(page):
    _assert_body_kept(page)


# --- 2. idempotence ------------------------------------------------------------------------------


@settings(SETTINGS, max_examples=300)
@given(pages())
def test_clean_is_idempotent_on_pages(page):
    once = clean(page.text)
    assert clean(once) == once


@settings(SETTINGS, max_examples=600)
@given(arbitrary_text)
def test_clean_is_idempotent_on_any_text(text):
    once = clean(text)
    note(f"once={once!r}")
    assert clean(once) == once


@pytest.mark.parametrize("cleaner", CLEANERS, ids=[c.name for c in CLEANERS])
@settings(SETTINGS, max_examples=100)
@given(text=st.one_of(pages().map(lambda p: p.text), arbitrary_text))
def test_each_cleaner_is_idempotent(cleaner, text):
    once = cleaner(Page.from_text(text)).text
    note(f"once={once!r}")
    assert cleaner(Page.from_text(once)).text == once


# Minimal texts found by the generators above, kept as fixed cases: clean (and `normalize`
# alone) repairs mojibake only on the second pass.
KNOWN_TEXTS = {
    # an NBSP just before mojibake: the first pass leaves it, the second repairs it
    "nbsp_before_mojibake": "सरकार\u00a0à¤¨à¥‡ कहा",
    # mojibake written as numeric entities: decoded after the repair step
    "entity_encoded_mojibake": "&#224;&#164;&#149;&#224;&#165;&#135;",
}


@pytest.mark.parametrize("text", KNOWN_TEXTS.values(), ids=KNOWN_TEXTS.keys())
def test_clean_is_idempotent_known_texts(text):
    once = clean(text)
    assert clean(once) == once


@pytest.mark.parametrize("text", KNOWN_TEXTS.values(), ids=KNOWN_TEXTS.keys())
def test_normalize_is_idempotent_known_texts(text):
    normalize = CLEANERS[0]
    assert normalize.name == "normalize"
    once = normalize(Page.from_text(text)).text
    assert normalize(Page.from_text(once)).text == once


# --- 3. never invents text, 4. order kept -------------------------------------------------------


def _locate(ref, piece: list[str], line: int, ends: list[int]) -> tuple[int, int, int] | None:
    """First (input line, variant, start) at or after (line, ends) where piece stands."""
    for j in range(line, len(ref)):
        for v, hay in enumerate(ref[j]):
            at = find_piece(hay, piece, ends[v] if j == line else 0)
            if at >= 0:
                return j, v, at
    return None


@settings(SETTINGS, max_examples=400)
@given(st.one_of(pages().map(lambda p: p.text), arbitrary_text))
def test_never_invents_text(text):
    out = clean(text)
    note(f"out={out!r}")
    ref = normalised_input(text)
    for line in output_lines(out):
        assert _locate(ref, line.split(), 0, [0, 0]) is not None, (
            f"output line is no part of a normalised input line: {line!r}"
        )


@settings(SETTINGS, max_examples=400)
@given(st.one_of(pages().map(lambda p: p.text), arbitrary_text))
def test_order_is_kept(text):
    out = clean(text)
    note(f"out={out!r}")
    ref = normalised_input(text)
    line, ends = 0, [0, 0]
    for out_line in output_lines(out):
        piece = out_line.split()
        if _locate(ref, piece, 0, [0, 0]) is None:
            continue  # invented text: test_never_invents_text reports it
        hit = _locate(ref, piece, line, ends)
        assert hit is not None, f"output line out of input order: {out_line!r}"
        j, v, at = hit
        if j != line:
            line, ends = j, [0, 0]
        ends[v] = at + len(piece)


# --- 5. total ------------------------------------------------------------------------------------


@settings(SETTINGS, max_examples=400)
@given(
    st.one_of(st.text(), hindi_noise, st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
)
def test_any_str_gives_a_str(text):
    out = clean(text)
    assert isinstance(out, str)
    assert isinstance(Pipeline.default().run(text).text, str)
    assert isinstance(explain(text), str)


@pytest.mark.parametrize(
    "bad", [None, b"\xe0\xa4\x95 bytes", 5, 3.5, ["line one"], bytearray(b"x"), object()]
)
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError, match=r"\bstr\b"):
        clean(bad)
    with pytest.raises(TypeError, match=r"\bstr\b"):
        Pipeline.default().run(bad)


def test_a_bio_cut_that_leaves_a_repeat_is_idempotent() -> None:
    """Found by the generator: `layout` cuts a glued bio off the second copy of a paragraph
    after `duplicates` ran; what the cut left repeats the first copy, so it goes in the same run
    (a second run would remove it otherwise)."""
    para = (
        "लखनऊ,4 मार्च भाषा।उत्तर प्रदेश सरकार ने बुधवार को किसानों के लिए नई सिंचाई योजना की घोषणा की,"
        "जिसके तहत छोटे और सीमांत किसानों को ड्रिप सिंचाई उपकरण पर 80 फीसदी अनुदान मिलेगा।"
    )
    text = "।" + para + "ल\n" + para + "साल सेपत्रकारलिखते हैं"
    once = clean(text)
    assert clean(once) == once
    assert set(words(once)) <= set(words(text))

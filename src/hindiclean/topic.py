"""How much a headline-shaped line shares with the article it stands in (the `off_topic` signal)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .page import Block
from .settings import current
from .text import (
    content_stems,
    ends_sentence,
    has_devanagari,
    is_sentence_like,
    memo_by_text_and_settings,
)
from .wordlists import ordered
from .wordlists import words as word_list

_LIST_MARK = ordered("list_marks")  # words/list_marks.txt
_CLOSE = "\"'”’)] "
_QA_MARK = re.compile(r"(?:सवाल|प्रश्न|उत्तर|जवाब|Q|A|Ques|Ans)\s*[0-9]{0,2}\s*[:.)]", re.IGNORECASE)
# A row that ends in a figure after a dash or colon: `कैथल – 497/500`, `टमाटर: 40/किलो`.
_FIGURE_END = re.compile(r"(?:\s[–—-]|(?<![0-9०-९]):)\s*[0-9०-९][0-9०-९.,/%]*(?:/\S{1,6})?\s*$")
# A mapping row: two parts joined by a spaced arrow (`छाता की ओर से आने वाले वाहन → पार्किंग`,
# `पुराना नियम => नया नियम`): a route, a diversion, a before-and-after, not a headline.
# (A call to action before the arrow, `... बुक करें → ...`, is a button or a link.)
_MAPPING = re.compile(r"\S(?<!ें)(?<!िए)(?<!िये)\s+(?:→|⇒|->|=>|⟶)\s+\S")
# A timeline entry: a date or number of a few words, then a colon (`25 अप्रैल से 10 मई: ...`).
_DATED_ITEM = re.compile(r"[0-9०-९]{1,4}(?:\s+[^\s:]{1,12}){0,4}\s*:\s")
_FULL_STOP = re.compile(r"(?<!\.)\.\s")  # a full stop inside, not an ellipsis


@memo_by_text_and_settings
def is_paragraph(text: str) -> bool:
    """A block that is surely article prose: sentence-shaped, long enough, not a headline
    (a one-sentence question or exclamation is headline style)."""
    return (
        len(text) >= current().topic.paragraph_min_chars
        and is_sentence_like(text)
        and not is_headline_shaped(text)
    )


def is_list_or_table(text: str) -> bool:
    """List items, table rows, numbered steps, Q&A lines, `name – figure` rows, timeline
    entries (`12 अप्रैल: ...`): body shapes that look like headlines."""
    if "|" in text.rstrip("|"):
        return True
    if text.startswith(_LIST_MARK) or _QA_MARK.match(text) or _FIGURE_END.search(text):
        return True
    if _DATED_ITEM.match(text) or _MAPPING.search(text):
        return True
    head = text[:4]
    return any(ch.isdigit() for ch in head[:2]) and any(c in head for c in ".)-:")


_SIGNATURE = re.compile(r"\s[|•]\s[^|•।]{1,40}$")


def is_signed_headline(text: str) -> bool:
    """A sponsored headline signed with its advertiser: `... सीखें, 7 दिन मुफ्त | Brand`."""
    m = _SIGNATURE.search(text)
    return (
        m is not None
        and m.start() >= current().topic.signed_headline_min_chars
        and is_headline_shaped(text[: m.start()])
    )


def is_body_shape(text: str) -> bool:
    """Article prose, a bulleted item or a table row: what a subheading stands over (numbered
    items are left out: widgets number their links too)."""
    if is_prose(text):
        return True
    if text.startswith(_LIST_MARK):
        return True
    return "|" in text.rstrip("|") and not is_signed_headline(text)


@memo_by_text_and_settings
def is_headline_shaped(text: str) -> bool:
    """Short, no sentence inside, not a list item or table row: how a story link looks."""
    if len(text) > current().topic.headline_max_chars or is_list_or_table(text):
        return False
    # Questions and exclamations are headline style; a danda or full stop inside is prose.
    if "।" in text or "॥" in text or "|" in text or _FULL_STOP.search(text):
        return False
    if text.rstrip().endswith((":", ":-", ": -")):
        return False  # a lead-in to a list or table, or a label: not a link
    return not ends_sentence(text) or text.rstrip(_CLOSE).endswith(("?", "!"))


_DATELINE = re.compile(
    r"[^,।\d]{2,30},\s*(?:[0-9०-९]{1,2}\s+\S+(?:\s+[0-9०-९]{4})?\s*(?:\([^)]{2,25}\))?"
    r"|\(?(?:भाषा|आईएएनएस|वार्ता|एजेंसी|एजेंसियां|पीटीआई|एएनआई|यूएनआई|IANS|PTI|ANI|UNI|"
    r"जेएनएन|ब्यूरो)\)?)\s*[।.:|\-–]"
)


def opens_with_dateline(text: str) -> bool:
    """A paragraph that opens a story: `लखनऊ, 4 मार्च (भाषा)। ...`, `रोम, एजेंसियां । ...`."""
    return _DATELINE.match(text) is not None


@memo_by_text_and_settings
def is_prose(text: str) -> bool:
    """A sentence of the article (Hindi, or English of some length), not a headline."""
    if not is_sentence_like(text) or is_headline_shaped(text):
        return False
    return has_devanagari(text) or len(text.split()) >= current().topic.prose_min_words


def article_start(blocks: Sequence[Block]) -> int | None:
    """Index of the first Hindi paragraph: where the article starts (a cookie banner or an
    English SEO sentence above it does not start it)."""
    for i, b in enumerate(blocks):
        if is_paragraph(b.text) and has_devanagari(b.text):
            return i
    return None


def article_words(blocks: Sequence[Block]) -> set[str]:
    """Content words of the page's sentences and of the lines above its first paragraph (the
    headline): the reference a headline-shaped line is compared with."""
    texts: list[str] = []
    started = False
    for b in blocks:
        if is_paragraph(b.text) and has_devanagari(b.text):
            started = True
        if not started or (is_prose(b.text) and has_devanagari(b.text)):
            texts.append(b.text)
    # The words of the texts joined by line breaks: the union of each text's (memoised) words.
    words: set[str] = set()
    for text in texts:
        words |= content_stems(text)
    return words


def article_reference(blocks: Sequence[Block], start: int) -> set[str]:
    """The words a line is compared with to tell the article's from another story's: the
    content words of the title zone (above `start`, the first paragraph) and of the page's Hindi
    sentences."""
    words: set[str] = set()
    for i, b in enumerate(blocks):
        if i < start or (is_prose(b.text) and has_devanagari(b.text)):
            words |= content_stems(b.text)
    return words


def overlap(text: str | set[str], reference: set[str]) -> float | None:
    """Share of text's content words (or of the given word set) found in reference; None when
    there are too few to judge."""
    words = content_stems(text) if isinstance(text, str) else text
    if len(words) < current().topic.overlap_min_words:
        return None
    return sum(1 for w in words if w in reference) / len(words)


def last_sentence_index(blocks: Sequence[Block]) -> int:
    """Index of the last block shaped like article prose (a sentence, a list item, a table
    row): where the article ends."""
    for i in range(len(blocks) - 1, -1, -1):
        text = blocks[i].text
        if is_prose(text):
            return i
        if has_devanagari(text) and (is_list_or_table(text) or has_inner_sentence_end(text)):
            return i
    return -1


# A sentence end inside a block, followed by more words: the block is prose whatever its last
# words are (a paragraph cut short, or with a line of chrome glued to its end).
_INNER_END = re.compile(r"[।॥?!]\s+\S")


def has_inner_sentence_end(text: str) -> bool:
    """A sentence end inside text with more words after it."""
    return _INNER_END.search(text) is not None


def ends_dangling(text: str) -> bool:
    """A line that ends on a word no sentence or headline ends on (`... के अनुसार`, `... और`):
    a sentence broken there (at a link, a column, an ad slot) goes on below."""
    if text.count(",") > current().topic.broken_max_commas or " , " in text:
        return False  # a menu of comma-separated labels ("..., करियर , और" = "more")
    parts = text.rstrip(" ,;-–—").rsplit(None, 1)
    return bool(parts) and parts[-1].lower() in word_list("dangling")


def starts_continuing(text: str) -> bool:
    """A line that starts with a word no sentence starts with (`ने इसे ...`, `भी शुरू ...`): it
    carries on the sentence of the line above."""
    first = text.split(None, 1)
    return bool(first) and first[0] in word_list("continuing")


def _carries_on(text: str) -> bool:
    """A line that is a clause of a sentence: a sentence end in it, or enough words."""
    return (
        ends_sentence(text)
        or has_inner_sentence_end(text)
        or len(text.split()) >= current().topic.continuing_min_words
    )


def sentence_fragments(blocks: Sequence[Block]) -> set[int]:
    """Lines that are pieces of one sentence the page broke at links: those ending on a dangling
    word, and up to `fragment_max_lines` lines without a sentence end above a line that carries
    their sentence on (`ने इसे ... रखा है।`: a clause, not a widget's title `और खबरें`).
    Never another story's headline nor a site's name."""
    out: set[int] = set()
    max_lines = current().topic.fragment_max_lines
    for k, block in enumerate(blocks):
        text = block.text
        if ends_dangling(text):
            out.add(k)
        if k and starts_continuing(text) and _carries_on(text):
            for j in range(k - 1, max(-1, k - 1 - max_lines), -1):
                if ends_sentence(blocks[j].text):
                    break
                out.add(j)
    return out

"""The `layout` cleaner: chrome found by where it stands on the page, after the article ends.

- an author's bio at the very end (sentences about the writer's career, training and beat): the
  block goes, or only its last sentences when they follow the article's own prose on one line;
- short widget labels and Latin-only SEO lines after the last paragraph of the article (or the
  last lines of a poem);
- sections after the article: a header over links to other stories or readers' comments
  (`cleaners/sections.py`);
- lines above the page's headline that are not prose (the headline: a long headline-shaped
  line sharing words with the article's prose);
- the site's name above the headline: a short line at the top that recurs inside chrome removed
  further down (the copyright line, an app prompt, a paywall note name the site too), or that
  stands right above a removed breadcrumb or menu bar (a masthead over the navigation).
Anchored on the article's last sentence (or list item, or table row), which no cleaner after this
one removes, so a second run finds the same anchor and removes nothing more.
"""

from __future__ import annotations

import re

from ..page import Block, Page, Removal
from ..settings import current
from ..text import (
    content_stems,
    ends_sentence,
    has_devanagari,
    has_latin,
    is_sentence_like,
    last_sentence_start,
)
from ..topic import (
    article_start,
    is_headline_shaped,
    is_list_or_table,
    is_paragraph,
    is_prose,
    overlap,
    sentence_fragments,
)
from ..wordlists import ordered
from .off_topic import is_verse
from .sections import COMMENTS, LINKS, removed_list_headers, trailing_sections

# Families of words an author's bio is made of; a bio hits at least `bio_min_families` of them.
_BIO_FAMILIES = tuple(
    re.compile("|".join(map(re.escape, ordered(f"bio_{family}"))), re.IGNORECASE)
    for family in ("journalism", "career", "education", "beat")  # words/bio_*.txt
)
# Thresholds: `Settings().layout` (hindiclean.settings), read once per call.
# Where a masthead's tagline begins: a spaced bar or dash (`हुगली हेडलाइंस — बंगाल की खबरें`).
_MASTHEAD_SPLIT = re.compile(r"\s[|—–]\s")
_TIME_STAMP = re.compile(r"[0-9०-९]{1,2}[:.][0-9०-९]{2}")


def is_author_bio(text: str) -> bool:
    return sum(1 for fam in _BIO_FAMILIES if fam.search(text)) >= current().layout.bio_min_families


def bio_start(text: str) -> int | None:
    """Where the author's bio at the end of text starts (0: the whole text is the bio), or None.

    The bio is the run of final sentences that speak of the writer (a word of one of the bio
    families; one sentence of the run may lack one) and together read as a bio. A run longer
    than `bio_max_sentences` is not a bio but prose about journalism; a block that holds only a
    name or a heading before the run goes whole."""
    s = current().layout
    found = None
    misses = 0
    end = len(text)
    for _ in range(s.bio_max_sentences + 1):
        start = last_sentence_start(text[:end].rstrip())
        if any(fam.search(text, start, end) for fam in _BIO_FAMILIES):
            found = start
        else:
            misses += 1  # one sentence without a bio word (a hobby, a motto) may sit inside
            if misses > s.bio_max_misses:
                break
        if start == 0:
            break
        end = start
    else:
        return None  # too long a run for a bio
    if found is None or not is_author_bio(text[found:]):
        return None
    return 0 if len(text[:found].strip()) < s.bio_head_min_chars else found


def _ends_verse(blocks: tuple[Block, ...], i: int) -> bool:
    """Block i ends a run of verse lines (the `off_topic` step's test, on the `verse_min_lines`
    lines up to it): a poem is the article's body, its short lines no widget labels."""
    k = current().off_topic.verse_min_lines
    if i + 1 < k:
        return False
    if not all(is_headline_shaped(blocks[j].text) for j in range(i + 1 - k, i + 1)):
        return False
    return is_verse(blocks, i + 1 - k, i + 1)


def _trailing_label(text: str) -> bool:
    """A widget label: a few words, no sentence, no list item, table row or time stamp."""
    if ends_sentence(text) or is_list_or_table(text) or _TIME_STAMP.search(text):
        return False
    return len(text.split()) <= current().layout.label_max_words


def _trailing_latin(text: str) -> bool:
    """A Latin-only line (SEO description, English slug) after the article's last paragraph."""
    return (
        has_latin(text)
        and not has_devanagari(text)
        and not ends_sentence(text)
        and len(text.split()) >= current().layout.latin_min_words
        and not is_list_or_table(text)
    )


def site_names(page: Page) -> dict[int, tuple[str, str]]:
    """Short lines above the headline (a longer headline-shaped line still follows them before
    the first paragraph) whose text recurs inside chrome already removed from the page, or that
    stand right above a removed navigation line.

    Linear: where the headline zone begins is found in one pass from the article's start up,
    and only the first `site_name_max_candidates` short lines are looked up in the chrome."""
    s = current().layout
    blocks = page.blocks
    start = article_start(blocks) if page.removals else None
    if start is None:
        return {}
    # The last long headline-shaped line before the article: candidates stand above it.
    last_head = -1
    for j in range(start - 1, -1, -1):
        text = blocks[j].text
        if is_headline_shaped(text) and len(text.split()) >= s.headline_min_words:
            last_head = j
            break
    candidates: list[int] = []
    fragments = sentence_fragments(blocks) if last_head > 0 else set()
    for i in range(last_head):
        text = blocks[i].text
        words = _masthead_name(text).split()
        if (
            not 0 < len(words) <= s.site_name_max_words
            or len(text.split()) > s.masthead_max_words
            or len(text) < s.site_name_min_chars
            or ends_sentence(text)
        ):
            continue
        if i in fragments:
            continue  # a link's words inside a sentence broken at it
        candidates.append(i)
        if len(candidates) >= s.site_name_max_candidates:
            break
    if not candidates:
        return {}
    chrome = [
        r.text.casefold()
        for r in page.removals
        if r.category != "duplicate" and len(r.text) >= s.site_chrome_min_chars
    ]
    # Lines of removed navigation (a breadcrumb, a menu bar): the masthead stands right above,
    # and above the page's first headline (below it, a short line is the article's).
    nav_lines = {r.line for r in page.removals if r.category == "navigation" and not r.partial}
    found: dict[int, tuple[str, str]] = {}
    for i in candidates:
        key = _masthead_name(blocks[i].text).casefold()
        below = range(blocks[i].line + 1, blocks[i + 1].line)
        if any(key in c and key != c for c in chrome) or (
            any(n in nav_lines for n in below) and not _headline_above(blocks, i)
        ):
            found[i] = ("navigation", "layout.site_name")
    return found


def above_headline(
    blocks: tuple[Block, ...], dropped: frozenset[int] = frozenset()
) -> dict[int, tuple[str, str]]:
    """Lines above the page's headline that are not prose (taglines, section labels, tickers,
    other stories' titles): the headline is the first headline-shaped line above the first
    paragraph (at most `above_headline_max_gap` lines above it) with at least
    `above_headline_min_words` words that shares at least `above_headline_min_overlap` of its
    words with the article's prose. Nothing is taken when no line is such a headline, nor a
    line that shares as much, a line with a danda or a piece of a sentence broken at links, nor
    what stands above prose, a list or a table above the headline (another story's).

    Linear: the article's words are gathered once, and the headline found in one pass."""
    start = article_start(blocks)
    if not start:
        return {}
    s = current().layout
    # `dropped`: what this step removes already (a bio, the site's name): a second run does
    # not see it, so it neither lends its words nor stands as the headline.
    words: set[str] = set()
    for i in range(start, len(blocks)):
        if i not in dropped and is_prose(blocks[i].text):
            words |= content_stems(blocks[i].text)
    for head in range(start):
        text = blocks[head].text
        if head in dropped:
            continue
        if len(text.split()) >= s.above_headline_min_words and is_headline_shaped(text):
            share = overlap(text, words)
            if share is not None and share >= s.above_headline_min_overlap:
                break
            return {}  # the first long headline-shaped line is not about the article: unsure
    else:
        return {}
    if start - head > s.above_headline_max_gap:
        return {}  # a poem's line or a subheading far above the prose: no headline to go by
    # Body above the headline (another story's paragraph, in English or cut short, its table
    # or list): what stands above it may be that story's; only lines below it are judged.
    top = 0
    for i in range(head - 1, -1, -1):
        text = blocks[i].text
        if is_prose(text) or is_sentence_like(text) or is_list_or_table(text):
            top = i + 1
            break
    fragments = sentence_fragments(blocks[: head + 1])
    return {
        i: ("navigation", "layout.above_headline")
        for i in range(top, head)
        if "।" not in blocks[i].text  # a dateline or a sentence broken at a link
        and i not in fragments
        and not _names_the_story(blocks[i].text, words)
    }


def _names_the_story(text: str, words: set[str]) -> bool:
    """A line sharing `above_headline_min_overlap` of its words with the article's prose: a
    short headline (a poem's title) over its byline, not a tagline or a menu."""
    stems = content_stems(text)  # however few: a poem's title may have two
    if not stems:
        return False
    return len(stems & words) >= current().layout.above_headline_min_overlap * len(stems)


def _masthead_name(text: str) -> str:
    """The site's name in a masthead line: what stands before its tagline (`Name | tagline`,
    `Name — tagline`), or the whole line. A line of three or more cells is a menu (the `menus`
    step's), not a masthead."""
    found = _MASTHEAD_SPLIT.findall(text)
    if len(found) != 1:
        return text
    return text[: text.index(found[0])].strip()


def _headline_above(blocks: tuple[Block, ...], i: int) -> bool:
    """Whether a headline (a long headline-shaped line) stands above block i."""
    min_words = current().layout.headline_min_words
    return any(
        len(b.text.split()) >= min_words and is_headline_shaped(b.text)
        for b in blocks[:i]
    )


def _late_duplicate(page: Page, i: int) -> tuple[str, str] | None:
    """The `duplicates` step's verdict on block i as a late cut left it (None: kept). A cut made
    after that step must not leave what it would remove: a second run would remove it."""
    from .duplicates import duplicates  # the step that runs before this one

    block = page.blocks[i]
    done = len(page.removals)
    for r in duplicates(page).removals[done:]:
        if r.line == block.line and r.text == block.text and not r.partial:
            return (r.category, r.rule)
    return None


# Passes of the section search over one page at most (each removes at least one section): an
# internal bound on time, not a threshold.
SECTION_PASSES = 4


def _without_sections(page: Page) -> Page:
    """The page less its sections after the article, judged until nothing changes (the
    comments removed no longer lend their words to the article's)."""
    headers = removed_list_headers(page.removals)
    for _ in range(SECTION_PASSES):
        drop = trailing_sections(page.blocks, headers)
        if not drop:
            break
        page = page.without(drop)
    return page


class Layout:
    """Remove the author bio and the widget residue that follow the article's last paragraph."""

    name = "layout"
    decisions = (
        ("layout.author_bio", "metadata", "an author's bio after the article (or its sentences)"),
        ("layout.trailing_label", "navigation", "a widget label after the last paragraph"),
        ("layout.trailing_latin", "navigation", "a Latin-only SEO line after the last paragraph"),
        ("layout.site_name", "navigation", "the site's name above the headline"),
        ("layout.above_headline", "navigation", "a line above the page's headline, not prose"),
        (*LINKS, "a header over links to other stories, after the article"),
        (*COMMENTS, "a header over readers' comments, after the article"),
    )

    def __call__(self, page: Page) -> Page:
        page = _without_sections(page)
        original = page
        blocks = page.blocks
        drop: dict[int, tuple[str, str]] = {}
        anchor = None
        for i in range(len(blocks) - 1, -1, -1):
            text = blocks[i].text
            at = bio_start(text) if is_paragraph(text) else None
            if at == 0:
                drop[i] = ("metadata", "layout.author_bio")
                continue
            if at is not None:  # the article's last paragraph with the bio glued on
                head = text[:at].rstrip()
                line = blocks[i].line
                cut = Removal(line, text[at:].strip(), "metadata", "layout.author_bio", True)
                trimmed = list(blocks)
                trimmed[i] = Block(head, line, blocks[i].part)
                page = page.replace(trimmed, [cut])
                blocks = page.blocks
                text = head
                late = _late_duplicate(page, i)
                if late is not None:  # what the cut left repeats another block: it goes too
                    drop[i] = late
                    continue
            if is_prose(text) or is_list_or_table(text) or _ends_verse(blocks, i):
                anchor = i
                break
        if anchor is None:
            return original  # no article prose to anchor on: nothing is judged by position
        drop.update(site_names(page))
        for i, decision in above_headline(blocks, frozenset(drop)).items():
            drop.setdefault(i, decision)
        for i in range(anchor + 1, len(blocks)):
            if i in drop:
                continue
            text = blocks[i].text
            if _trailing_label(text):
                drop[i] = ("navigation", "layout.trailing_label")
            elif _trailing_latin(text):
                drop[i] = ("navigation", "layout.trailing_latin")
        return page.without(drop)


layout = Layout()

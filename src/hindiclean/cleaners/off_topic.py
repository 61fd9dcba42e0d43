"""The `off_topic` cleaner: unmarked headlines of other stories dropped into the page.

A block is another story's headline when the signals agree:
- position: it stands after the article has started (after its first paragraph);
- shape: headline-shaped (short, no sentence inside, not a list item or table row);
- and one of:
  - relation: long enough to be a headline rather than a subheading, and sharing few content
    words with the page's headline and paragraphs;
  - a run: it stands in a run of three or more such headlines (a card list), sharing less
    than half its words with the article;
  - the end: it stands after the article's last sentence, where a subheading cannot be
    (a subheading always has a paragraph under it).
A line right under a live-blog time stamp is that entry's text, never a link. A headline over a
paragraph that opens with a dateline, or that turns to a topic the page has
not touched so far, opens a story of its own (a dump may hold several) and is kept.
Short subheadings and lines with too few content words to judge are kept.
"""

from __future__ import annotations

import re

from ..page import Block, Page
from ..settings import current
from ..text import content_stems
from ..topic import (
    _CLOSE,
    article_reference,
    article_start,
    is_body_shape,
    is_headline_shaped,
    is_prose,
    last_sentence_index,
    opens_with_dateline,
    overlap,
    sentence_fragments,
)

# Thresholds: `Settings().off_topic` (hindiclean.settings), read once per call.
RULE = "off_topic.unrelated_headline"
# A field: a label of one to three words, a colon, a value.
_FIELD = re.compile(r"[^\s:|]+(?:\s[^\s:|]+){0,2}\s*:\s+\S")
# A line that is one quotation from its first character to its last: someone's words (a song,
# a verse, a slogan the article quotes), not another story's headline.
_QUOTED = re.compile(r"[\"“„«'‘][^\"“”„«»]{2,}[\"”»'’][।.!?]?")
# The attribution line of an embedded post ("— Name (@handle) March 2, 2025"): body.
_EMBED_ATTRIBUTION = re.compile(r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)")


def _field_runs(blocks: tuple[Block, ...]) -> set[int]:
    """Fields of a record (`केस नंबर: ...`, `पीठ: ...`, `कहाँ शेयर हुआ: ...`, `नतीजा: भ्रामक`):
    adjacent `label: value` lines, short labels, one of whose values is short. A run of other
    stories' headlines with topic labels (`सुप्रीम कोर्ट: ...`) has long values only."""
    s = current().off_topic
    fields: list[int | None] = []
    for b in blocks:
        m = _FIELD.match(b.text)
        fields.append(len(b.text[m.end() :].split()) if m else None)
    out: set[int] = set()
    i, n = 0, len(blocks)
    while i < n:
        j = i
        while j < n and fields[j] is not None:
            j += 1
        run = range(i, j)
        if len(run) >= 2 and min(fields[k] for k in run) <= s.field_short_value_words:
            out.update(run)
        i = max(j, i + 1)
    return out


def _question_over_answer(blocks: tuple[Block, ...], i: int) -> bool:
    """An interview or FAQ question (ends with '?') with its answer, a paragraph, right under it."""
    return (
        blocks[i].text.rstrip(_CLOSE).endswith("?")
        and i + 1 < len(blocks)
        and is_prose(blocks[i + 1].text)
    )


def _interview_questions(blocks: tuple[Block, ...], start: int, end: int) -> set[int]:
    """Questions over their answers that share their label with another such question
    (`व्यापार वाणी: ...?` twice, or unlabelled twice): an interview's or FAQ's, not a link."""
    groups: dict[str, list[int]] = {}
    for i in range(start, end + 1):
        if _question_over_answer(blocks, i):
            label = blocks[i].text.split(":", 1)[0] if ":" in blocks[i].text else ""
            groups.setdefault(label, []).append(i)
    pairs = current().off_topic.qa_min_pairs
    return {i for group in groups.values() if len(group) >= pairs for i in group}


def is_verse(blocks: tuple[Block, ...], i: int, j: int) -> bool:
    """blocks[i:j] (a run of headline-shaped lines) is verse: lines mostly shorter than a story
    link and longer than a section label. (A card list's links are long, its labels short.)"""
    s = current().off_topic
    if j - i < s.verse_min_lines:
        return False
    lengths = sorted(len(blocks[k].text) for k in range(i, j))
    lines = sum(1 for k in range(i, j) if len(blocks[k].text.split()) > s.run_label_max_words)
    return lengths[len(lengths) // 2] < s.verse_max_median_chars and 2 * lines > j - i
# A live-blog time stamp on a line of its own (body, by the policy): the line under it is the
# entry's own text, however little it shares with the rest of the blog.
_TIME_LINE = re.compile(
    r"[0-9०-९]{1,2}[:.][0-9०-९]{2}\s*(?:AM|PM|am|pm|बजे)?\s*(?:\(?(?:IST|GMT)\)?)?"
)


class _Words:
    """Content words of a page's blocks, each computed once."""

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.blocks = blocks
        self._cache: dict[int, set[str]] = {}

    def __getitem__(self, i: int) -> set[str]:
        words = self._cache.get(i)
        if words is None:
            words = self._cache[i] = content_stems(self.blocks[i].text)
        return words


def _story_heads(blocks: tuple[Block, ...], start: int, words: _Words) -> set[int]:
    """Headlines that open a story of their own (a page may hold several): the paragraph under
    them opens with a dateline, or is about them and turns to a topic the page has not touched
    so far."""
    heads: set[int] = set()
    seen: set[str] = set()
    n = len(blocks)
    max_overlap = current().off_topic.story_max_overlap
    max_gap = current().off_topic.story_lead_max_gap
    for i in range(start, n):
        text = blocks[i].text
        if is_prose(text):
            seen |= words[i]
            continue
        # The story's first sentence: right below, or below a few lines that are not prose (a
        # subheading, leftover links, a widget the page put between headline and lead).
        nxt = i + 1
        while nxt < n and nxt - i <= max_gap and not is_prose(blocks[nxt].text):
            nxt += 1
        if nxt >= n or not is_prose(blocks[nxt].text):
            continue
        if nxt - i > 2 and not (
            i > 0
            and is_prose(blocks[i - 1].text)
            and nxt + 1 < n
            and is_prose(blocks[nxt + 1].text)
        ):
            # Past more than one line, the headline must follow the previous story's prose
            # (not stand in a card list) and its story go on: a lead and another paragraph.
            continue
        if opens_with_dateline(blocks[nxt].text):
            heads.add(i)
            continue
        shift = overlap(words[nxt], seen)
        if shift is not None and shift < max_overlap and words[i] & words[nxt]:
            heads.add(i)
    return heads


# Passes over one page at most (each removes at least one block; two suffice on every page
# measured): an internal bound on time, not a threshold.
MAX_PASSES = 4


class OffTopic:
    """Remove headlines of unrelated stories that carry no marker."""

    name = "off_topic"
    decisions = (
        (RULE, "related", "another story's headline sharing few words with the article"),
        ("off_topic.card_list", "related", "a run of links to other stories"),
        ("off_topic.after_article", "related", "a headline after the article's last sentence"),
    )

    def __call__(self, page: Page) -> Page:
        """Judge the page until nothing changes: a headline removed below the article can make
        the block above it the article's last, so a second run would judge it again."""
        for _ in range(MAX_PASSES):
            after = self._once(page)
            if after is page:
                return page
            page = after
        return page

    def _once(self, page: Page) -> Page:
        blocks = page.blocks
        start = article_start(blocks)
        if start is None:
            return page
        words = _Words(blocks)
        reference = article_reference(blocks, start)
        end = last_sentence_index(blocks)
        heads = _story_heads(blocks, start, words)
        questions = _interview_questions(blocks, start, end)
        fragments = sentence_fragments(blocks) | _field_runs(blocks)
        shaped = [
            i > start
            and i not in heads
            and not _TIME_LINE.fullmatch(blocks[i - 1].text)  # a live-blog entry under its time
            and is_headline_shaped(b.text)
            and i not in fragments
            and not _EMBED_ATTRIBUTION.match(b.text)
            and not _QUOTED.fullmatch(b.text)  # a quoted verse, song or slogan of the story
            and i not in questions
            for i, b in enumerate(blocks)
        ]
        drop: dict[int, str] = {}
        s = current().off_topic
        for i, b in enumerate(blocks):
            if not shaped[i]:
                continue
            text = b.text
            n_words = len(words[i])
            trailing = i > end and len(text) >= s.trailing_min_chars
            if trailing and n_words >= s.trailing_min_content_words:
                drop[i] = "off_topic.after_article"
                continue
            if len(text) >= s.min_chars and n_words >= s.min_content_words:
                share = overlap(words[i], reference)
                if share is not None and share < s.max_overlap:
                    drop[i] = RULE
        self._runs(blocks, shaped, words, reference, drop)
        return page.without({i: ("related", rule) for i, rule in drop.items()})

    @staticmethod
    def _runs(
        blocks: tuple[Block, ...],
        shaped: list[bool],
        words: _Words,
        reference: set[str],
        drop: dict[int, str],
    ) -> None:
        """Card lists: runs of consecutive headline-shaped blocks with three or more links."""
        s = current().off_topic
        i, n = 0, len(blocks)
        while i < n:
            if not shaped[i]:
                i += 1
                continue
            j = i
            while j < n and shaped[j]:
                j += 1
            if is_verse(blocks, i, j):
                for k in range(i, j):
                    drop.pop(k, None)  # lines of a poem, not links to other stories
                i = j
                continue
            labels = [
                k for k in range(i, j - 1)  # the last one may head the prose below the run
                if len(blocks[k].text.split()) <= s.run_label_max_words
            ]
            cards = len(labels) >= s.run_min_labels  # cards each with a label, not a subheading
            limit = s.run_card_max_overlap if cards else s.run_max_overlap
            links = []
            for k in range(i, j):
                text = blocks[k].text
                last = k == j - 1 and k + 1 < n and is_body_shape(blocks[k + 1].text)
                if last and len(text.split()) <= s.subheading_max_words:
                    continue  # the run ends on the subheading of the next paragraph
                share = overlap(words[k], reference)
                if len(text) >= s.run_min_chars and share is not None and share < limit:
                    links.append(k)
            # The run's first line, right under the article's prose, sharing a word with the
            # article: the article's next subheading, with a widget's links after it.
            if (
                len(links) >= s.run_min_links
                and i > 0
                and words[i] & reference
                and is_prose(blocks[i - 1].text)
            ):
                links = [k for k in links if k != i]
            if len(links) >= s.run_min_links:
                for k in links + (labels if cards else []):
                    drop.setdefault(k, "off_topic.card_list")
            i = j


off_topic = OffTopic()

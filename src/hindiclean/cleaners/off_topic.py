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
Short subheadings and lines with too few content words to judge are kept.
"""

from __future__ import annotations

from ..page import Block, Page, Removal
from ..text import content_words
from ..topic import (
    article_words,
    is_headline_shaped,
    is_paragraph,
    last_sentence_index,
    overlap,
)

MIN_CHARS = 40
MIN_CONTENT_WORDS = 5
MAX_OVERLAP = 0.3
RUN_MIN_LINKS = 3
RUN_MIN_CHARS = 30
RUN_MAX_OVERLAP = 0.5
RUN_LABEL_MAX_WORDS = 3
TRAILING_MIN_CHARS = 30
TRAILING_MIN_CONTENT_WORDS = 4
RULE = "off_topic.unrelated_headline"


class OffTopic:
    """Remove headlines of unrelated stories that carry no marker."""

    name = "off_topic"

    def __call__(self, page: Page) -> Page:
        blocks = page.blocks
        start = next((i for i, b in enumerate(blocks) if is_paragraph(b.text)), None)
        if start is None:
            return page
        reference = article_words(blocks)
        end = last_sentence_index(blocks)
        shaped = [i > start and is_headline_shaped(b.text) for i, b in enumerate(blocks)]
        words = {i: content_words(b.text) for i, b in enumerate(blocks) if shaped[i]}
        drop: dict[int, str] = {}
        for i, b in enumerate(blocks):
            if not shaped[i]:
                continue
            text = b.text
            n_words = len(words[i])
            trailing = i > end and len(text) >= TRAILING_MIN_CHARS
            if trailing and n_words >= TRAILING_MIN_CONTENT_WORDS:
                drop[i] = "off_topic.after_article"
                continue
            if len(text) >= MIN_CHARS and n_words >= MIN_CONTENT_WORDS:
                share = overlap(words[i], reference)
                if share is not None and share < MAX_OVERLAP:
                    drop[i] = RULE
        self._runs(blocks, shaped, words, reference, drop)
        if not drop:
            return page
        kept: list[Block] = []
        removed: list[Removal] = []
        for i, b in enumerate(blocks):
            if i in drop:
                removed.append(Removal(b.line, b.text, "related", drop[i]))
            else:
                kept.append(b)
        return page.replace(kept, removed)

    @staticmethod
    def _runs(
        blocks: tuple[Block, ...],
        shaped: list[bool],
        words: dict[int, set[str]],
        reference: set[str],
        drop: dict[int, str],
    ) -> None:
        """Card lists: runs of consecutive headline-shaped blocks with three or more links."""
        i, n = 0, len(blocks)
        while i < n:
            if not shaped[i]:
                i += 1
                continue
            j = i
            while j < n and shaped[j]:
                j += 1
            links = []
            labels = []
            for k in range(i, j):
                text = blocks[k].text
                share = overlap(words[k], reference)
                if len(text) >= RUN_MIN_CHARS and share is not None and share < RUN_MAX_OVERLAP:
                    links.append(k)
                elif len(text.split()) <= RUN_LABEL_MAX_WORDS:
                    labels.append(k)
            if len(links) >= RUN_MIN_LINKS:
                for k in links:
                    drop.setdefault(k, "off_topic.card_list")
                for k in labels:
                    drop.setdefault(k, "off_topic.card_list")
            i = j


off_topic = OffTopic()

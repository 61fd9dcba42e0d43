"""The `off_topic` cleaner: unmarked headlines of other stories dropped between paragraphs.

A block is another story's headline when all of these agree:
- position: it stands after the article has started (after its first paragraph);
- shape: headline-shaped (short, no sentence inside, not a list item or table row) and long
  enough to be a headline rather than a subheading;
- relation: it shares few content words with the page's paragraphs.
Short subheadings and lines with too few content words to judge are always kept.
"""

from __future__ import annotations

from ..page import Block, Page, Removal
from ..text import content_words
from ..topic import article_words, is_headline_shaped, is_paragraph, overlap

MIN_CHARS = 40
MIN_CONTENT_WORDS = 5
MAX_OVERLAP = 0.3


class OffTopic:
    """Remove headlines of unrelated stories that carry no marker."""

    name = "off_topic"

    def __init__(self, max_overlap: float = MAX_OVERLAP, min_chars: int = MIN_CHARS) -> None:
        self.max_overlap = max_overlap
        self.min_chars = min_chars

    def __call__(self, page: Page) -> Page:
        blocks = page.blocks
        start = next((i for i, b in enumerate(blocks) if is_paragraph(b.text)), None)
        if start is None:
            return page
        reference: set[str] | None = None
        kept: list[Block] = list(blocks[: start + 1])
        removed: list[Removal] = []
        for b in blocks[start + 1 :]:
            text = b.text
            if len(text) >= self.min_chars and is_headline_shaped(text):
                if reference is None:
                    reference = article_words(blocks)
                share = overlap(text, reference)
                if (
                    share is not None
                    and share < self.max_overlap
                    and len(content_words(text)) >= MIN_CONTENT_WORDS
                ):
                    removed.append(Removal(b.line, text, "related", "off_topic.unrelated_headline"))
                    continue
            kept.append(b)
        return page.replace(kept, removed)


off_topic = OffTopic()

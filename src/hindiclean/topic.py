"""How much a headline-shaped line shares with the article it stands in (the `off_topic` signal)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .page import Block
from .text import content_words, ends_sentence, has_devanagari, is_sentence_like

PARAGRAPH_MIN_CHARS = 60
HEADLINE_MAX_CHARS = 180
_LIST_MARK = ("-", "–", "•", "*", "→")
_CLOSE = "\"'”’)] "
_QA_MARK = re.compile(r"(?:सवाल|प्रश्न|उत्तर|जवाब|Q|A|Ques|Ans)\s*[0-9]{0,2}\s*[:.)]", re.IGNORECASE)
_FULL_STOP = re.compile(r"(?<!\.)\.\s")  # a full stop inside, not an ellipsis


def is_paragraph(text: str) -> bool:
    """A block that is surely article prose: sentence-shaped, long enough, not a headline
    (a one-sentence question or exclamation is headline style)."""
    return (
        len(text) >= PARAGRAPH_MIN_CHARS and is_sentence_like(text) and not is_headline_shaped(text)
    )


def is_list_or_table(text: str) -> bool:
    """List items, table rows, numbered steps, Q&A lines: body shapes that look like headlines."""
    if "|" in text.rstrip("|"):
        return True
    if text.startswith(_LIST_MARK) or _QA_MARK.match(text):
        return True
    head = text[:4]
    return any(ch.isdigit() for ch in head[:2]) and any(c in head for c in ".)-:")


def is_headline_shaped(text: str) -> bool:
    """Short, no sentence inside, not a list item or table row: how a story link looks."""
    if len(text) > HEADLINE_MAX_CHARS or is_list_or_table(text):
        return False
    # Questions and exclamations are headline style; a danda or full stop inside is prose.
    if any(ch in "।॥|" for ch in text) or _FULL_STOP.search(text):
        return False
    if text.rstrip().endswith((":", ":-", ": -")):
        return False  # a lead-in to a list or table, or a label: not a link
    return not ends_sentence(text) or text.rstrip(_CLOSE).endswith(("?", "!"))


def article_words(blocks: Sequence[Block]) -> set[str]:
    """Content words of the page's paragraphs and of the lines above its first paragraph
    (the headline): the reference a headline-shaped line is compared with."""
    texts: list[str] = []
    started = False
    for b in blocks:
        if is_paragraph(b.text):
            started = True
            if has_devanagari(b.text):
                texts.append(b.text)
        elif not started:
            texts.append(b.text)
    return content_words("\n".join(texts))


def overlap(text: str | set[str], reference: set[str]) -> float | None:
    """Share of text's content words (or of the given word set) found in reference; None when
    there are too few to judge."""
    words = content_words(text) if isinstance(text, str) else text
    if len(words) < 3:
        return None
    return sum(1 for w in words if w in reference) / len(words)


def last_sentence_index(blocks: Sequence[Block]) -> int:
    """Index of the last block with Devanagari shaped like article prose (a sentence, a list
    item, a table row): where the article ends."""
    for i in range(len(blocks) - 1, -1, -1):
        text = blocks[i].text
        prose = is_sentence_like(text) and not is_headline_shaped(text)
        if (prose or is_list_or_table(text)) and has_devanagari(text):
            return i
    return -1

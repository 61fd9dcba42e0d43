"""Sections after the article: a header line over items, where only chrome follows.

A page often ends on widgets: a header (`पाठकों की पसंद`, `बाज़ार बीट पर सबसे ज़्यादा देखे गए`,
`पढ़ने वालों के विचार (2)`) and under it links to other stories (numbered, bulleted or bare
headlines sharing few words with the article) or readers' comments (`Name: words`, each name
once). Judged by shape, position and relation, not by the header's wording:
- the header: a short line with no sentence end, after the article's first paragraph;
- the items: at least `section_min_items` links under a header that ends on no colon, has a
  word for a list of stories (words/list_headers.txt) and shares no word with its items (or
  right under such a header that a rule removed), or comments under a header that names readers
  (words/comment_headers.txt) or counts them (`(2)`);
- the place: no prose of the article follows (a reader's comment is none).
The items of one list open with one kind of marker (a number, one bullet, none). An article's
own list (its items share its words, end on an auxiliary, or are too short for headlines), Q&A with
one label used twice, and numbered steps (`स्टेप 1: ...`) are not sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..page import Block, Removal
from ..settings import current
from ..text import content_stems, ends_sentence
from ..topic import (
    article_reference,
    article_start,
    is_headline_shaped,
    is_list_or_table,
    is_prose,
    overlap,
)
from ..wordlists import words as word_list

# A list item's marker: a number with `.` or `)`, a bullet, a dash or an arrow.
_MARK = re.compile(r"\s*(?:[0-9०-९]{1,2}\s*[.)]|[•●▪◦·\-–—›»▸▹►▶→*])\s*")
# A comment: a name of one to four words (no digit: not `स्टेप 1`), perhaps a time or place after
# a separator (`सुधीर · 1 घंटा पहले`), a colon, the reader's words.
_COMMENT = re.compile(
    r"([^\s\d०-९:|।?!]+(?:\s[^\s\d०-९:|।?!]+){0,3}?)\s*(?:[·•|,]\s*[^:]{1,25})?\s*:\s+(\S.*)"
)
_DIGITS = "0123456789०१२३४५६७८९"
_COUNT = re.compile(r"\(\s*[0-9०-९]+[^()]{0,15}\)")
# What stands around a word that is not part of it (brackets, quotes, punctuation).
_PUNCT = "()[]{}:;,.!?|'\"‘’“”–—-"

LINKS = ("layout.trailing_links", "related")
COMMENTS = ("layout.comments", "social")


def _is_header(text: str) -> bool:
    """A short line with no sentence end: a widget's or a comment section's title."""
    n = len(text.split())
    return 0 < n <= current().layout.section_header_max_words and not ends_sentence(text)


def _names(text: str, vocabulary: str) -> bool:
    """Whether text holds a word of this word list (words/<vocabulary>.txt), case-blind."""
    found = word_list(vocabulary)
    return any(w.strip(_PUNCT).casefold() in found for w in text.split())


def _names_readers(text: str) -> bool:
    """A header that counts or names comments (`प्रतिक्रिया दें (2)`, `पाठकों की राय`)."""
    return _COUNT.search(text) is not None or _names(text, "comment_headers")


def _marker(text: str) -> str:
    """The kind of list marker text opens with: "" (none), "0" (a number) or the bullet."""
    m = _MARK.match(text)
    if m is None:
        return ""
    mark = m.group().strip()
    return "0" if mark[:1] in _DIGITS else mark[:1]


def _is_link(text: str, reference: set[str]) -> bool:
    """Another story's headline, perhaps after a list marker, sharing few words with the
    article. Headlines drop the closing auxiliary a statement ends on (`... तारीख 30 अप्रैल है`)."""
    s = current().layout
    m = _MARK.match(text)
    bare = text[m.end() :] if m else text
    if len(bare) < s.section_link_min_chars or bare.rstrip().endswith(("।", ".")):
        return False
    last = bare.rsplit(None, 1)[-1]
    if last in word_list("final_aux"):
        return False
    if not is_headline_shaped(bare):
        return False
    share = overlap(bare, reference)
    return share is not None and share < s.section_link_max_overlap


def _links_end(blocks: Sequence[Block], i: int, last: int, reference: set[str]) -> int:
    """Where the run of links from block i ends (at most at last): links with the marker of
    the first."""
    mark = _marker(blocks[i].text) if i < last else ""
    j = i
    while j < last and _marker(blocks[j].text) == mark and _is_link(blocks[j].text, reference):
        j += 1
    return j


def _comment_name(text: str) -> str | None:
    """The name before a reader's comment (`अनिल शर्मा: ...`), or None."""
    m = _COMMENT.fullmatch(text)
    if m is None or len(m.group(2).split()) < current().layout.comment_min_words:
        return None
    return m.group(1).casefold()


def removed_list_headers(removals: Iterable[Removal]) -> frozenset[int]:
    """Input lines of whole blocks removed as `related` that read as a list's header (short, a
    word for a list of stories: `ज़िले की और खबरें`, `Trending Videos`)."""
    return frozenset(
        r.line
        for r in removals
        if r.category == "related"
        and not r.partial
        and _is_header(r.text)
        and _names(r.text, "list_headers")
    )


def trailing_sections(
    blocks: Sequence[Block], removed_headers: frozenset[int] = frozenset()
) -> dict[int, tuple[str, str]]:
    """Blocks of the sections after the article, by index, each with (category, rule).
    `removed_headers`: input lines of list headers a rule removed (`और खबरें`): the links
    right under one form a section without its header.

    Linear: one pass from the end marks where the article's last paragraph is; each header
    looks at no more than `section_max_items` items."""
    start = article_start(blocks)
    if start is None:
        return {}
    s = current().layout
    n = len(blocks)
    # Sections stand below the article's last prose (a reader's comment is no article prose).
    first = start + 1
    for k in range(n - 1, start, -1):
        text = blocks[k].text
        if is_prose(text) and _comment_name(text) is None:
            first = k + 1
            break
    reference: set[str] | None = None
    drop: dict[int, tuple[str, str]] = {}
    i = first
    while i < n:
        text = blocks[i].text
        if blocks[i].line - 1 in removed_headers:
            if reference is None:
                reference = article_reference(blocks, start)
            j = _links_end(blocks, i, min(n, i + s.section_max_items), reference)
            if j - i >= s.section_min_items:
                for k in range(i, j):
                    drop[k] = LINKS[::-1]
                i = j
                continue
        if not _is_header(text) or (is_list_or_table(text) and not _COUNT.search(text)):
            i += 1
            continue
        last = min(n, i + 1 + s.section_max_items)
        if reference is None:
            reference = article_reference(blocks, start)
        j = _links_end(blocks, i + 1, last, reference)
        # Links need a header with a word for a list of stories (words/list_headers.txt) that
        # names none of them: a subheading of the article over its own list speaks of what its
        # items say (`कैसे करें आवेदन` over `- आवेदन की ...`), a lead-in ends on a colon.
        head_words = content_stems(text)
        if (
            text.rstrip().endswith(":")
            or not _names(text, "list_headers")
            or any(head_words & content_stems(blocks[k].text) for k in range(i + 1, j))
        ):
            j = i + 1
        kind = LINKS
        if j - i - 1 < s.section_min_items:
            j, names = i + 1, []
            if _names_readers(text):
                while j < last and (name := _comment_name(blocks[j].text)) is not None:
                    names.append(name)
                    j += 1
            kind = COMMENTS
            if len(names) < s.section_min_items or len(set(names)) < len(names):
                i += 1
                continue
        for k in range(i, j):
            drop[k] = kind[::-1]
        i = j
    return drop

"""The `duplicates` cleaner: exact repeats, invisible variants, contained paragraphs and headlines.

- exact: the same key (white space, NBSP, zero-width marks, Unicode form, nukta, danda variants
  and case folded away) as an earlier block: the first is kept;
- contained: a block of whole sentences that stands, sentence for sentence, inside a longer
  block of the page (the summary repeated as the opening of the body): the longer is kept;
- headline: a headline repeated just below a longer headline without its `Topic:` prefix; and a
  headline glued again to the end of a paragraph: the repeat goes.
A heading (a short line that ends no sentence) is never a contained duplicate of a paragraph.
"""

from __future__ import annotations

import re
from functools import cache

from ..page import Block, Page, Removal
from ..settings import current
from ..text import content_words, dedup_key, is_sentence_like, last_sentence_start, sentence_keys
from ..topic import article_words, is_headline_shaped, is_paragraph, overlap

_PREFIX_SEP = re.compile(r"\s*(?::|\s[-–|]\s)\s*")
# Thresholds: `Settings().duplicates` (hindiclean.settings), read once per call.


class Duplicates:
    """Remove repeated paragraphs and headlines, keeping the first (exact) or the longer one."""

    name = "duplicates"
    decisions = (
        ("duplicate.exact", "duplicate", "a repeat of an earlier paragraph, or a variant of one"),
        ("duplicate.contained", "duplicate", "whole sentences contained in a longer paragraph"),
        ("duplicate.headline", "duplicate", "a headline repeated inside a longer headline"),
        ("duplicate.glued_headline", "duplicate", "the page's headline glued to a paragraph again"),
        ("related.teaser_card", "related", "a teaser card of another story: its headline doubled"),
    )

    def __call__(self, page: Page) -> Page:
        blocks = page.blocks
        if len(blocks) < 2:
            return page
        sent_keys: list[tuple[str, ...]] = []
        keys: list[str] = []
        drop: dict[int, str] = {}
        first: dict[str, int] = {}
        for i, b in enumerate(blocks):
            sk = sentence_keys(b.text)
            k = " ".join(sk)
            if k:
                at = first.setdefault(k, i)
                if at != i:  # a repeat: it shares the first one's keys (no copy per repeat)
                    drop[i] = "duplicate.exact"
                    sk, k = sent_keys[at], keys[at]
            sent_keys.append(sk)
            keys.append(k)
        _split_repeats(blocks, keys, first, drop)
        cards = _teaser_cards(blocks, keys, first, drop)
        _contained(blocks, sent_keys, drop)
        _prefixed_headlines(blocks, keys, drop)
        cuts = _glued_headlines(blocks, keys, drop)
        if cuts:  # cut in place, so the indexes below stay valid
            trimmed = list(blocks)
            removed = []
            for i, at in cuts.items():
                b = blocks[i]
                trimmed[i] = Block(b.text[:at].rstrip(), b.line, b.part)
                cut = b.text[at:].strip()
                removed.append(Removal(b.line, cut, "duplicate", "duplicate.glued_headline", True))
            page = page.replace(trimmed, removed)
        labels: dict[str, tuple[str, str]] = {}  # one (category, rule) tuple per rule, shared
        drops = {i: labels.setdefault(rule, ("duplicate", rule)) for i, rule in drop.items()}
        drops.update({i: labels.setdefault(rule, ("related", rule)) for i, rule in cards.items()})
        return page.without(drops)


def _split_repeats(
    blocks: tuple[Block, ...], keys: list[str], first: dict[str, int], drop: dict[int, str]
) -> None:
    """An input line that normalisation split in pieces (at a run of spaces) and that, joined
    again, repeats an earlier block: all its pieces go."""
    n = len(blocks)
    i = 0
    while i < n:  # the pieces of one input line (or decoded part of one) stand together
        j = i + 1
        while j < n and (blocks[j].line, blocks[j].part) == (blocks[i].line, blocks[i].part):
            j += 1
        members = range(i, j)
        i = j
        if len(members) < 2:
            continue
        joined = " ".join(keys[i] for i in members)
        earlier = first.get(joined)
        if earlier is not None and earlier < members[0]:
            for i in members:
                drop.setdefault(i, "duplicate.exact")


def _teaser_cards(
    blocks: tuple[Block, ...], keys: list[str], first: dict[str, int], drop: dict[int, str]
) -> dict[int, str]:
    """A card of another story: its headline printed twice in a row (image alt text and title)
    after the article has started, and the one-paragraph summary under it when that summary is
    about the card's story and not about the article."""
    cards: dict[int, str] = {}
    s = current().duplicates
    start = next((i for i, b in enumerate(blocks) if is_paragraph(b.text)), len(blocks))
    for i, b in enumerate(blocks):
        h = i - 1
        if drop.get(i) != "duplicate.exact" or first.get(keys[i]) != h or h <= start:
            continue
        text = b.text
        if len(text) < s.card_min_chars or not is_headline_shaped(text):
            continue
        cards[h] = "related.teaser_card"
        p = i + 1
        lone = p + 1 >= len(blocks) or not is_paragraph(blocks[p + 1].text)
        if p < len(blocks) and lone and is_paragraph(blocks[p].text):
            others = article_words(blocks[:p] + blocks[p + 1 :])
            own = overlap(text, content_words(blocks[p].text))
            rest = overlap(text, others - content_words(text))
            if (
                own is not None
                and rest is not None
                and own >= s.teaser_min_own_overlap
                and rest < s.teaser_max_rest_overlap
            ):
                cards[p] = "related.teaser_card"
    return cards


def _contained(
    blocks: tuple[Block, ...], sent_keys: list[tuple[str, ...]], drop: dict[int, str]
) -> None:
    """Blocks of whole sentences found as a run of sentences inside a longer block.

    A block may open with the tail of a sentence (`है । ...`, a copy cut mid-sentence): that
    fragment may match the end of the longer block's sentence.
    """
    s = current().duplicates
    where: dict[str, list[tuple[int, int]]] = {}
    for i, sk in enumerate(sent_keys):
        if i in drop:
            continue
        for pos, k in enumerate(sk):
            where.setdefault(k, []).append((i, pos))
    for a, ska in enumerate(sent_keys):
        if a in drop or not ska or not is_sentence_like(blocks[a].text):
            continue
        if len(blocks[a].text.split()) < s.min_words:
            continue
        head = ska
        fragment = ""
        if len(ska) > 1 and len(ska[0].split()) <= 2:
            head, fragment = ska[1:], ska[0]
        # A page where hundreds of blocks open with the same sentence is degenerate: compare
        # with a bounded number of them, so the work stays linear in the page.
        for b, pos in where.get(head[0], ())[: s.contained_max_peers]:
            if b == a or b in drop:
                continue
            skb = sent_keys[b]
            if len(skb) <= len(ska) or skb[pos : pos + len(head)] != head:
                continue
            if fragment and not (pos > 0 and skb[pos - 1].endswith(fragment)):
                continue
            drop[a] = "duplicate.contained"
            break


def _prefixed_headlines(blocks: tuple[Block, ...], keys: list[str], drop: dict[int, str]) -> None:
    """A headline repeated just below the same headline with a `Topic:` prefix."""
    s = current().duplicates
    for j, b in enumerate(blocks):
        if j in drop or len(b.text) > s.headline_max_chars or is_sentence_like(b.text):
            continue
        parts = _PREFIX_SEP.split(b.text, maxsplit=1)
        if len(parts) != 2:
            continue
        k = dedup_key(parts[1])
        if len(k.split()) < s.min_words:
            continue
        # The distance counts the blocks that stay (a repeat dropped in between is gone on a
        # second run, and the distance must not shrink then).
        seen = 0
        for i in range(j + 1, len(blocks)):
            if i in drop:
                continue
            if keys[i] == k:
                drop[i] = "duplicate.headline"
                break
            seen += 1
            if seen >= s.headline_max_distance:
                break


def _glued_headlines(
    blocks: tuple[Block, ...], keys: list[str], drop: dict[int, str]
) -> dict[int, int]:
    """A paragraph whose last piece, after its last sentence, repeats an earlier headline."""
    min_words = current().duplicates.min_words
    headlines = {
        keys[i]: i
        for i, b in enumerate(blocks)
        if i not in drop and not is_sentence_like(b.text) and len(keys[i].split()) >= min_words
    }
    cuts: dict[int, int] = {}
    if not headlines:
        return cuts
    for j, b in enumerate(blocks):
        if j in drop or b.text.endswith(tuple("।॥.?!|")):
            continue
        start = last_sentence_start(b.text)
        if start == 0:
            continue
        i = headlines.get(dedup_key(b.text[start:]))
        # Only from a paragraph: what is left must be prose that no other cleaner would take
        # (judged by the packaged rules, as a second run would judge it).
        head = b.text[:start].rstrip()
        if i is None or i >= j or not is_paragraph(head):
            continue
        verdict = _rules_verdict(head)
        if verdict == "keep":
            cuts[j] = start
        elif verdict == "remove":  # chrome with a headline glued on: all of it goes
            drop[j] = "duplicate.glued_headline"
    return cuts


@cache
def _packaged_cleaner():
    from .ads import ads
    from .disclaimers import disclaimers
    from .metadata import metadata
    from .navigation import navigation
    from .related import related
    from .social import social

    fused = ads
    for c in (related, disclaimers, social, navigation, metadata):
        fused = fused.fuse(c, name="rules")
    return fused


def _rules_verdict(text: str) -> str:
    """What the packaged rules make of text alone on a page: "keep" it as it is, "remove" it
    all, or "cut" a part of it."""
    page = Page((Block(text, 1),))
    after = _packaged_cleaner()(page)
    if not after.removals:
        return "keep"
    return "remove" if not after.blocks else "cut"


duplicates = Duplicates()

"""Glue points: where a dump glued chrome to body with no space or line between them.

The rule engine (`cleaners/rules.py`) splits a block at a glue point when what stands on one
side is chrome by its rules, so the body on the other side is judged, and kept, on its own:
a sentence end directly followed by a letter (`...गया।ये भी पढ़ें: ...`), a script change or a
symbol inside a token (`...रोकUpdated:`, `✆वाराणसी`), a date or time before a paragraph, a word of
the page glued after chrome inside one Devanagari token (`विज्ञापनखरगोन`). `GlueSplitter` holds
that logic; `RuleCleaner` inherits it and supplies the rules (`_whole_hit`, `_cut_lead`,
`_judge`, detectors).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..page import Block, Removal
from ..rules import RuleTimeout
from ..settings import current
from ..text import SENTENCE_END, is_sentence_like, memo_by_text_and_settings
from ..topic import ends_dangling, is_headline_shaped
from ..wordlists import words as word_set

if TYPE_CHECKING:
    from .matching import PageGate

# Closing quotes a sentence end may stand before (`।"`), shared with the rule engine.
QUOTE_CLOSE = ('"', "”", "'", "’", "»")

# A glue point: a sentence end directly followed by a letter or an opening bracket or quote.
# (A quote right after the sentence end closes it, unless code residue follows: `।",msid:"`,
# `।","articleSection":"`.)
_GLUE = re.compile(r"[।॥?!.](?=[^\s\d।॥?!.,;:|\-–—)\]}'’”»\"]|\",\"?[A-Za-z_$])")
_SENTENCE_END_AT = re.compile(r"[।॥?!](?=\s|$)")
# A glue point inside a token where the script changes: a Devanagari letter directly followed
# by a capital Latin letter (`...रोकUpdated: 03 Oct`); what follows is judged as a block's rest.
_SCRIPT_GLUE = re.compile(r"[\u0900-\u0963](?=[A-Z])")
# A glue point where chrome ends and the body begins with no space: a Latin letter, `+`, a
# closing bracket, the minutes of a time or a time-of-day word, directly followed by a
# Devanagari letter (`... 06:40 ISTमाजुली,`, `+05:30पणजी,`, `A-AA+सिक्किम:`, `2/5पक्षी`,
# `14-11-2025प्रयागराज।`, an icon or symbol `✆वाराणसी`, `⌁ विज्ञापन ⌁छात्रों` but not a list mark),
# `[संबंधित: ...]ओज़ोन`, `09:40 पूर्वाह्ननई`); not a number's suffix (`20वीं`). What comes
# before is judged: split off only when it is chrome.
# A letter a Devanagari word can begin with (not a vowel sign, virama or other mark), and the
# symbols (arrows, shapes, dingbats, emoji) an icon is drawn with: as the inside of a class.
_WORD_LETTER = "\u0904-\u0939\u0958-\u0961\u0972-\u097f"
_ICON = "\u2190-\u2bff\U0001f300-\U0001faff"
_LEAD_GLUE = re.compile(
    rf"(?:[A-Za-z+\]{_ICON}]"
    r"|[0-9](?:(?<=[:.][0-9][0-9])|(?<=[0-9]/[0-9])|(?<=[0-9]/[0-9][0-9])|(?<=[./-][0-9]{4}))"
    r"|पूर्वाह्न|अपराह्न)"
    rf"(?=[{_WORD_LETTER}])"
)
# A glue point inside one Devanagari token, where chrome ends and a word of the page begins
# (`विज्ञापनखरगोन`, `करेंबैडमिंटन`, `होम›आरा›ताज़ाआरा में`): the runs of a page's Devanagari letters
# (its words, as far as a glue point goes), and the letters a word can begin with (not a sign).
_SENTENCE_ENDS = ("।", "॥", ".", "?", "!")
_CLOSE_CHARS = " \"'”’)"
_LIST_MARKS = word_set("list_marks")  # words/list_marks.txt: `✓चाइनीज` is an item
_RUN_LETTER = "\u0900-\u0963\u0971-\u097f"  # letters and signs of a word (not dandas, digits)
_DEV_RUN = re.compile(f"[{_RUN_LETTER}]+")
_WORD_START = frozenset(
    ch for ch in map(chr, range(0x900, 0x980)) if re.fullmatch(f"[{_WORD_LETTER}]", ch)
)
# `_SCRIPT_GLUE` found from its capital (a scan sre runs at C speed; the Devanagari class
# `_SCRIPT_GLUE` opens with matches nearly every character): a match starts where one of
# `_SCRIPT_GLUE` ends.
_CAPITAL = re.compile("[A-Z](?<=[\u0900-\u0963][A-Z])")
# What every lead glue point holds (`_lead_glued`'s C-level gate): an ASCII letter, digit, `+`,
# `]` or a symbol right before a Devanagari letter, or the time-of-day words' ending.
_LEAD_GLUE_ASCII = re.compile(rf"[A-Za-z0-9+\]{_ICON}](?=[{_WORD_LETTER}])")
_LEAD_GLUE_WORD_END = "ाह्न"
# A head ending on a date-time stamp (`14.08.2025 • 06:40 IST`, `2025-05-09T10:32:00+05:30`,
# `१४ सितंबर २०२५ | १०:१५ अपराह्न`) is a byline or dateline, when it holds no sentence end.
_STAMP_END = re.compile(
    r"[0-9०-९]{1,2}[:.][0-9०-९]{2}(?::[0-9]{2})?\s*"
    r"(?:[+-][0-9]{2}:?[0-9]{2}|AM|PM|am|pm|IST|GMT|UTC|पूर्वाह्न|अपराह्न|बजे)?\s*$"
)
_DATE_IN = re.compile(
    r"[0-9०-९]{1,4}[./-][0-9०-९]{1,2}[./-][0-9०-९]{1,4}|[0-9०-९]{1,2}\s+\S{3,12}\s+[0-9०-९]{4}"
    r"|\S{3,12}\s+[0-9०-९]{1,2},\s+[0-9०-९]{4}"
)
# A glued note: a sentence end directly followed by a bracketed span that runs to the end of
# the block (closed there, or going on in the next line).
_GLUED_NOTE = re.compile(r"[(\[][^()\[\]]{10,400}[)\]]?\s*")


_PAGE_RUNS: dict[int, re.Pattern[str]] = {}  # by `word_glue_min_chars`


def _page_runs(blocks: Sequence[Block], least: int = 1) -> dict[str, int]:
    """How often each run of Devanagari letters occurs on the page, for the runs of at least
    `least` letters (a glue point's word has `word_glue_min_chars` or more: the many shorter
    runs, `के`, `है`, are never asked for, and are not made into strings)."""
    scan = _PAGE_RUNS.get(least)
    if scan is None:
        scan = _PAGE_RUNS[least] = re.compile(f"[{_RUN_LETTER}]{{{max(1, least)},}}")
    return Counter(scan.findall("\n".join(b.text for b in blocks)))


# Every word that could begin inside a Devanagari token (a letter, not a sign, after a letter
# or sign), to the token's end: overlapping, found in one C-level scan.
_INNER_WORDS: dict[int, re.Pattern[str]] = {}  # by `word_glue_min_chars`


def _inner_words(least: int) -> re.Pattern[str]:
    """The scan for words that begin `least` or more letters into a token and run `least` or
    more letters to its end (one pattern per setting)."""
    found = _INNER_WORDS.get(least)
    if found is None:
        found = _INNER_WORDS[least] = re.compile(
            rf"(?<=[{_RUN_LETTER}]{{{least}}})"
            rf"(?=([{_WORD_LETTER}]"
            rf"[{_RUN_LETTER}]{{{least - 1},}}))"
        )
    return found


@memo_by_text_and_settings
def _glue_words(text: str) -> tuple[int, tuple[str, ...]]:
    """How far a word glue point is looked for in text (its first `word_glue_max_head_words`
    words, at most `cut_max_chars`), and the words that begin inside a token there."""
    s = current().rules
    head_words = text.split(None, s.word_glue_max_head_words)
    limit = min(len(text) - len(head_words[-1]) if head_words else 0, s.cut_max_chars)
    return limit, tuple(_inner_words(s.word_glue_min_chars).findall(text, 0, limit))


def _word_glue_points(
    text: str, limit: int, words: dict[str, int]
) -> list[tuple[bool, int, int]]:
    """Where a word of the page could begin inside a Devanagari token of text[:limit], after
    at least `word_glue_min_chars` of the token: (whether the token is itself a word found
    elsewhere on the page, the token's start, the offset in it), points in tokens found nowhere
    else first (`अधिकारअदालत` before `हाईकोर्ट`), then in text order."""
    least = current().rules.word_glue_min_chars
    points = []
    for run in _DEV_RUN.finditer(text, 0, limit):
        token = run.group()
        if len(token) < 2 * least:
            continue
        for p in range(least, len(token) - least + 1):
            if token[p] in _WORD_START and token[p:] in words:
                points.append((words.get(token, 0) > 1, run.start(), p))
    return sorted(points)


def _glued_headline(rest: str) -> bool:
    """What follows a glued danda to the block's end is another story's headline shape
    (`...मिला था।शहर में आवारा कुत्तों का आतंक, एक दिन में 40 लोगों को काटा`): headline-shaped,
    opening with a Devanagari letter, at least `glued_headline_min_words` words, not a sentence
    whose danda the page dropped (it ends on no closing auxiliary) and not a sentence broken at
    a link (no dangling end)."""
    least = current().rules.glued_headline_min_words
    return (
        "\u0904" <= rest[0] <= "\u0939"
        and len(rest.split(None, least)) >= least
        and is_headline_shaped(rest)
        and not is_sentence_like(rest)
        and not ends_dangling(rest)
    )


def _first_sentence_end(text: str) -> int:
    """The index just past text's first sentence end followed by a space (-1: none)."""
    m = _SENTENCE_END_AT.search(text)
    return m.end() if m else -1


class _PageRuns:
    """The page's `_page_runs`, counted when first asked (most pages never ask)."""

    __slots__ = ("_blocks", "_runs")

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._blocks = blocks
        self._runs: dict[str, int] | None = None

    def get(self) -> dict[str, int]:
        if self._runs is None:
            self._runs = _page_runs(self._blocks, current().rules.word_glue_min_chars)
        return self._runs


class GlueSplitter:
    """Splitting blocks at glue points (a mixin of `RuleCleaner`, which supplies the rules)."""

    def _split_glued(self, blocks: Sequence[Block], words: _PageRuns) -> Sequence[Block]:
        """Split blocks where chrome is glued to body with no space between: after a sentence
        end (`...गया।ये भी पढ़ें: ...`, `...तक।whatsappfacebooktwitter`), before a paragraph
        (`14-11-2025प्रयागराज।`), inside a Devanagari token (`विज्ञापनखरगोन`). A block is split
        at a glue point only when what stands on one side is chrome by the rules, so the body on
        the other is judged, and kept, as a block of its own. Body glued to body is not split."""
        out: list[Block] | None = None
        for k, block in enumerate(blocks):
            pieces = self._split_text(block.text, words)
            if pieces is None:
                if out is not None:
                    out.append(block)
                continue
            if out is None:
                out = list(blocks[:k])
            out.extend(Block(p, block.line) for p in pieces)
        return blocks if out is None else out

    def _split_text(self, text: str, words: _PageRuns, depth: int = 0) -> list[str] | None:
        """text split at its glue points (None: none): after sentence ends, then inside tokens;
        each piece split again (up to `glue_max_depth`), as a second run would see it."""
        pieces = self._glued_split(text)
        if pieces is None:
            pieces = self._word_glued(text, words) or self._glued_word_glued(text, words)
        if pieces is None:
            return None
        if depth + 1 >= current().rules.glue_max_depth:
            return pieces
        return [q for p in pieces for q in (self._split_text(p, words, depth + 1) or [p])]

    def _settle_glued(
        self,
        block: Block,
        text: str,
        gate: PageGate,
        removed: list[Removal],
        words: _PageRuns,
        depth: int = 0,
    ) -> list[str]:
        """What is kept of a judged block, split where chrome is still glued to a sentence end
        in it (a cut may have left such a glue point) or inside a token (as `_split_glued` splits
        a block, with the same page words), each piece judged again until nothing changes: a
        second run finds no glue point to split in what is kept."""
        if depth >= current().rules.glue_max_depth:
            return [text]
        pieces = self._glued_pieces(text)
        if pieces is None and text != block.text:  # the block itself went through the split
            pieces = self._word_glued(text, words) or self._glued_word_glued(text, words)
        if pieces is None:
            return [text]
        kept: list[str] = []
        for piece in pieces:
            part = Block(piece, block.line, block.part)
            rest, hit, _tail, _cut = self._judge(part, gate, removed)
            if hit is None and rest:
                kept.extend(self._settle_glued(block, rest, gate, removed, words, depth + 1))
        return kept

    def _glued_split(self, text: str, depth: int = 0) -> list[str] | None:
        """text split at every glue point followed by chrome (None: none). Each piece is split
        again on its own (up to `glue_max_depth`), as a second run would see it: a glue point
        whose rest was too long for a whole-block rule may be chrome once the rest is cut."""
        try:
            found = self._glued_pieces(text)
        except RuleTimeout:
            return None  # a user's rule ran out of time: the text is judged whole
        if found is None:
            return None
        out: list[str] = []
        for piece in found:
            deeper = depth < current().rules.glue_max_depth
            sub = self._glued_split(piece, depth + 1) if deeper else None
            out.extend(sub or [piece])
        return out

    def _glued_pieces(self, text: str) -> list[str] | None:
        """The pieces of text split at its first glue point followed by chrome (None: none).
        Once per text (`_memos`)."""
        if self._memos is None:
            return self._glued_pieces_of(text)
        memo = self._memos[1]
        got = memo.get(text)
        if got is None:
            got = self._glued_pieces_of(text) or ()
            memo.put(text, got)
        return list(got) if got else None

    def _glued_pieces_of(self, text: str) -> list[str] | None:
        gate = self._full_gate
        found = self._lead_glued(text, gate)
        if found is not None:
            return found
        glued = _GLUE.search(text, 0, len(text) - 1)
        if glued is None:
            capital = _CAPITAL.search(text, 1, len(text) - 1)  # `_SCRIPT_GLUE`
            if capital is None:
                return None
            at = capital.start()
            rest = text[at:]
            if self._whole_hit(rest, gate) is not None or self._opens_with_marker(rest):
                return [text[:at], rest]
            return None
        # Chrome as a whole (a byline naming `site.com`) is not split; judged as the walk judges
        # it: after its lead cuts.
        rest = self._cut_lead(Block(text, 0), text, [])
        if not rest or self._whole_hit(rest, gate) is not None:
            return None
        for m in _GLUE.finditer(text, glued.start(), len(text) - 1):
            at = m.end()
            rest = text[at:]
            head = text[:at].rstrip()
            if not head.strip(SENTENCE_END + "".join(QUOTE_CLOSE) + " "):
                continue
            if (
                self._whole_hit(rest, gate) is not None
                or self._opens_with_marker(rest)
                or _GLUED_NOTE.fullmatch(rest)
            ):
                return [head, rest]
            # Chrome up to its first sentence end, word or script change (`साझा करेंWhatsApp...`).
            capital = _CAPITAL.search(rest, 1, len(rest) - 1)
            ends = (_first_sentence_end(rest), rest.find(" "), capital.start() if capital else -1)
            for end in ends:
                if 0 < end < len(rest) and self._whole_hit(rest[:end], gate) is not None:
                    return [head, rest[:end], rest[end:].strip()]
            lead = self._lead_glued(rest, gate)  # `...गया।Advertisementजिलाधिकारी ने ...`
            if lead is not None:
                return [head, *lead]
            if text[m.start()] in "।॥" and _glued_headline(rest):
                return [head, rest]  # a line of its own: `off_topic` judges it as a headline
        return None

    def _lead_glued(self, text: str, gate: PageGate) -> list[str] | None:
        """text split at the first lead glue point whose head is chrome: taken by a whole-block
        rule, or a byline ending on a date-time stamp (None: none)."""
        end = min(len(text) - 1, current().rules.cut_max_chars)
        if _LEAD_GLUE_ASCII.search(text, 0, end) is None and _LEAD_GLUE_WORD_END not in text:
            return None
        for m in _LEAD_GLUE.finditer(text, 0, end):
            at = m.end()
            if text[m.start()] in _LIST_MARKS:
                continue
            head = text[:at]
            if _SENTENCE_END_AT.search(head):
                return None  # past the first sentence: not a lead
            if self._head_is_chrome(head, gate) or (
                _STAMP_END.search(head) and _DATE_IN.search(head)
            ):
                return [head.rstrip(), text[at:]]
        return None

    def _head_is_chrome(self, head: str, gate: PageGate) -> bool:
        """What stands before a glue point is chrome: lead cuts take it all, or what they leave
        is taken by a whole-block rule or a detector (a breadcrumb, a lone symbol)."""
        kept = self._cut_lead(Block(head, 0), head, [])
        if not kept or self._whole_hit(kept, gate) is not None:
            return True
        return any(det.test(kept) for det in self.detectors)

    def _word_glued(self, text: str, words: _PageRuns) -> list[str] | None:
        """text split inside a Devanagari token where chrome ends and a word of the page begins
        with no space (`🔔 सूचनाएं चालू करेंबैडमिंटन: ...`): both sides of the point are at least
        `word_glue_min_chars` long, what follows it is a word that stands alone on the page (the
        page's words only shrink as chrome goes, so a second run splits nothing new), the head is
        chrome (as `_lead_glued` judges it), the block as a whole is not, and the rest is long
        enough to be a headline or paragraph (None: no such point)."""
        s = current().rules
        limit, inner = _glue_words(text)
        if not inner:
            return None
        runs = words.get()
        if runs.keys().isdisjoint(inner):
            return None  # most blocks end here
        for _known, start, p in _word_glue_points(text, limit, runs):
            if _SENTENCE_END_AT.search(text, 0, start):
                continue  # past the first sentence: not a lead
            at = start + p
            rest = text[at:]
            if len(rest.split(None, s.word_glue_min_rest_words)) < s.word_glue_min_rest_words:
                continue
            head = text[:at]
            if not self._head_is_chrome(head, self._full_gate):
                continue
            # A rule that takes the whole block as it is ("Recommended: आईफोन ...") says
            # where its chrome ends better than a word found inside a token, unless what
            # follows the word is a whole sentence (a paragraph glued after a link).
            after = self._cut_lead(Block(text, 0), text, [])  # as the walk would judge it
            if (
                after and self._whole_hit(after, self._full_gate) is None
            ) or rest.rstrip(_CLOSE_CHARS).endswith(_SENTENCE_ENDS):
                return [head.rstrip(), rest]
            return None
        return None

    def _glued_word_glued(self, text: str, words: _PageRuns) -> list[str] | None:
        """text split at a sentence end glued to chrome that is itself glued inside a token to
        the next sentence (`...है।पूरा लेख पढ़ेंमौसम विभाग ...`): both points at once."""
        for m in _GLUE.finditer(text, 0, len(text) - 1):
            head = text[: m.end()].rstrip()
            rest = self._word_glued(text[m.end() :], words)
            if rest is not None and head.strip(SENTENCE_END + "".join(QUOTE_CLOSE) + " "):
                return [head, *rest]
        return None

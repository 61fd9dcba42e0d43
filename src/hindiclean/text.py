"""Text helpers shared by the cleaners: normalisation, sentence shape, comparison keys, words."""

from __future__ import annotations

import html
import re
import unicodedata
import weakref
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

import ftfy

from .settings import current
from .wordlists import ordered, words

_T = TypeVar("_T")
# Per-text memos (`memo_by_text`, `TextMemo`) are cleared when the texts they hold pass this
# many characters: memory stays bounded whatever the pages hold.
MEMO_MAX_CHARS = 200_000
# Each entry counts this many characters besides its text (many short texts stay bounded too).
MEMO_ENTRY_CHARS = 64


_CLEARERS: list[Callable[[], None]] = []  # each `memo_by_text` memo's clear, for `clear_memos`
_TEXT_MEMOS: weakref.WeakSet = weakref.WeakSet()  # every live `TextMemo`


def clear_memos() -> None:
    """Empty every per-text memo (benchmarks: time pages as if each came first)."""
    for clear in _CLEARERS:
        clear()
    for memo in list(_TEXT_MEMOS):
        memo.clear()


def memo_by_text(func: Callable[[str], _T]) -> Callable[[str], _T]:
    """`func`, a pure function of a text alone whose result is never None and never changed by
    its callers, computed once per distinct text: the same block text is judged by several
    cleaners (shape tests, keys, words), and each asks once. Bounded by MEMO_MAX_CHARS. A
    function that reads thresholds from the settings takes `memo_by_text_and_settings`."""
    return _memo(func, by_settings=False)


def memo_by_text_and_settings(func: Callable[[str], _T]) -> Callable[[str], _T]:
    """`memo_by_text` for a function that also reads the active settings: emptied when they
    change."""
    return _memo(func, by_settings=True)


def _memo(func: Callable[[str], _T], by_settings: bool) -> Callable[[str], _T]:
    data: dict[str, _T] = {}
    held = [0]
    made_under = [current()]

    @wraps(func)
    def memoised(text: str) -> _T:
        if by_settings and current() is not made_under[0]:  # results depend on the settings
            data.clear()
            held[0] = 0
            made_under[0] = current()
        value = data.get(text)
        if value is None:
            value = func(text)
            held[0] += len(text) + MEMO_ENTRY_CHARS
            if held[0] > MEMO_MAX_CHARS:
                data.clear()
                held[0] = len(text) + MEMO_ENTRY_CHARS
            data[text] = value
        return value

    def cache_clear() -> None:
        data.clear()
        held[0] = 0

    memoised.cache_clear = cache_clear  # type: ignore[attr-defined]
    _CLEARERS.append(cache_clear)
    return memoised


class TextMemo:
    """A bounded memo keyed by text (see `memo_by_text`): cleared when the texts it holds pass
    MEMO_MAX_CHARS characters. `get` gives None for a text not held."""

    __slots__ = ("__weakref__", "data", "held", "made_under")

    def __init__(self) -> None:
        self.data: dict[str, object] = {}
        self.held = 0
        self.made_under = current()
        _TEXT_MEMOS.add(self)

    def clear(self) -> None:
        self.data.clear()
        self.held = 0

    def get(self, text: str):
        if current() is not self.made_under:  # results may depend on the settings
            self.clear()
            self.made_under = current()
        return self.data.get(text)

    def __reduce__(self):
        """Pickled (to a worker, or hashed by `datasets`) as an empty memo: what it holds is
        only a cache, and may hold what cannot be pickled (match objects)."""
        return (TextMemo, ())

    def put(self, text: str, value: object) -> None:
        self.held += len(text) + MEMO_ENTRY_CHARS
        if self.held > MEMO_MAX_CHARS:
            self.data.clear()
            self.held = len(text) + MEMO_ENTRY_CHARS
        self.data[text] = value


# --- normalisation -----------------------------------------------------------------------------

# Zero-width space, BOM, word joiner, soft hyphen and other invisible noise. ZWJ/ZWNJ are handled
# separately: inside Devanagari they are spelling and stay.
_NOISE = re.compile("[\u200b\ufeff\u2060\u00ad\u200e\u200f\u202a-\u202e]")
_ZWJ_STRAY = re.compile(r"(?<![\u0900-\u097f])[\u200c\u200d]|[\u200c\u200d](?![\u0900-\u097f])")
_SPACES = re.compile(r"[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u0085]+")
# Characters that may signal mojibake (UTF-8 read as Latin-1/cp1252) or need repair.
_SUSPECT = re.compile(
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# A character reference as `html.unescape` reads it (its own pattern), and the beginnings of one
# that more characters may still complete ("&", "&#", "&#x").
_CHARREF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_CHARREF_OPEN = re.compile(r"&(?:#[xX]?)?\Z")
_AMP_RUN = re.compile(r"&(?:amp;|AMP;|#0*38;|#[xX]0*26;)+")
_DIGITS = frozenset("0123456789")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
# A numeric reference with more significant digits than this is past U+10FFFF (html gives
# U+FFFD); int() of a longer digit run would be slow, or refused past 4300 digits.
CHARREF_MAX_DIGITS = 8
# Line breaks, decided on purpose (see `hindiclean.page`): CR LF, CR, LF, VT, FF, U+2028 LINE
# SEPARATOR, U+2029 PARAGRAPH SEPARATOR, and U+0085 (NEL) where it stands between lines. A NEL
# right after a character that can come before the byte 0x85 in UTF-8 read as Latin-1 is a byte
# of mojibake ("à¤\x85" is "अ") and is left for ftfy to repair: a continuation byte (U+0080 to
# U+00BF, not NEL itself and not NBSP, which ends many a line of a web page and stands before
# 0x85 in no Devanagari sequence) or a lead byte that 0x85 may follow (U+00C3 to U+00DF, U+00E1 to
# U+00EF, U+00F1 to U+00F4; "Â\x85" is NEL itself, so U+00C2 is not one). Read as cp1252, the
# byte 0x85 shows as "…", never as NEL. HTML's `&#10;` `&#13;` `&NewLine;` `&#8232;` decode to
# these and break lines too, because references are decoded before lines are split.
_MOJIBAKE_CHARS = "\u0080-\u0084\u0086-\u009f\u00a1-\u00bf\u00c3-\u00df\u00e1-\u00ef\u00f1-\u00f4"
LINE_BREAK = re.compile(f"\r\n?|[\n\x0b\x0c\u2028\u2029]|(?<![{_MOJIBAKE_CHARS}])\x85")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)


# Anything that may need work beyond NFC: suspect bytes, entities, invisible noise, odd spaces.
_WORK = re.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u2122&\u200b-\u200f\u2060\ufeff\u202a-\u202e\u1680\u2000-\u200a\u202f\u205f\u3000"
    "\t\x00-\x08\x0b-\x1f\x7f]|  "
)
# `_WORK` less its double space, which `in` finds at C speed: sre tries the "  " branch at every
# space of the line, a character class alone is scanned for in one tight loop.
_WORK_CHARS = re.compile(_WORK.pattern[: -len("|  ")])
# C0 control characters are extraction debris (never part of UTF-8 mojibake): a space.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def needs_repair(line: str) -> bool:
    """True when a line may hold mojibake: the cheap gate in front of ftfy."""
    return _SUSPECT.search(line) is not None and ftfy.badness.is_bad(line)


# Characters ftfy's badness heuristic never reads as mojibake on their own: ASCII, Devanagari,
# NBSP and the quotes, dashes and guillemets of `_BADNESS_SAFE_PUNCT` (every pattern of
# `ftfy.badness.BADNESS_RE` needs a character outside them: a C1 control, an accented letter,
# a box, currency or numeric sign, `Â`, `Ã`, `Ø`, ...). A line of these alone is never repaired;
# tests/test_text.py checks it against the installed ftfy.
_BADNESS_SAFE_PUNCT = "›»«‹…–—‘’“”•·"
_NOT_BADNESS_SAFE = re.compile(f"[^\\x00-\\x7f\\u0900-\\u097f\\u00a0{_BADNESS_SAFE_PUNCT}]")
# What `_normalize_once` does no more than NFC and one space to, besides: no control character but
# the tab, no `&`, no invisible noise, no space but ' ' and NBSP (a subset of the above).
_NOT_ONE_ROUND = re.compile(
    f"[^\\t\\x20-\\x25\\x27-\\x7e\\u0900-\\u097f\\u00a0{_BADNESS_SAFE_PUNCT}]"
)


# Text NFC leaves as it is, by a C-level scan: ASCII, NBSP, the punctuation of
# `_BADNESS_SAFE_PUNCT` and Devanagari, less what NFC may change there: the nukta letters NFC
# decomposes (U+0958-U+095F), the stress marks (their combining classes may be out of order)
# and a nukta that composes with the letter before it (`ऩ`, `ऱ`, `ऴ`) or stands after a virama
# (out of order). tests/test_text.py checks it against `unicodedata.is_normalized`.
_NFC_UNSURE = re.compile(
    f"[^\\x00-\\x7f\\u0900-\\u0950\\u0955-\\u0957\\u0960-\\u097f\\u00a0{_BADNESS_SAFE_PUNCT}]"
)
_NUKTA_COMPOSES = re.compile("[\u0928\u0930\u0933\u094d]\u093c")


def is_nfc(text: str) -> bool:
    """`unicodedata.is_normalized("NFC", text)`, answered by a scan for most Hindi text (the
    library call normalises any text holding a nukta to compare)."""
    if _NFC_UNSURE.search(text) is None and (
        "\u093c" not in text or _NUKTA_COMPOSES.search(text) is None
    ):
        return True
    return unicodedata.is_normalized("NFC", text)


def normalize_line(line: str) -> str:
    """Normalise one line: repair mojibake, decode entities, NFC, one space, no invisible noise.

    Fast on clean text: one regex search and an NFC check. Where there is work, the steps are
    repeated until nothing changes (an entity may decode to mojibake, a space fix may let ftfy
    see mojibake), so the result is a fixed point: normalising it again changes nothing.
    """
    plain = _WORK_CHARS.search(line) is None
    if plain and "  " not in line:
        if line.isascii() or is_nfc(line):
            return line.strip()
        line = unicodedata.normalize("NFC", line)
        if "  " not in line and _WORK_CHARS.search(line) is None:
            return line.strip()
    elif plain:
        # Runs of spaces are all there is to fix: one round of `_normalize_once` is NFC and one
        # space (its other steps find nothing), and when what it gives holds no work character
        # either, the next round changes nothing (the fixed point, without running it).
        nfc = line if line.isascii() else unicodedata.normalize("NFC", line)
        fixed = " ".join(_SPACES.sub(" ", nfc).split())
        if _WORK_CHARS.search(fixed) is None:
            return fixed
    elif _NOT_ONE_ROUND.search(line) is None:
        # The same when the work characters are NBSP or punctuation ftfy finds nothing to
        # repair in (`_NOT_BADNESS_SAFE`): one round is NFC and one space, and what it gives is
        # made of the same characters, so the next round changes nothing.
        nfc = line if line.isascii() else unicodedata.normalize("NFC", line)
        return " ".join(_SPACES.sub(" ", nfc).split())
    for _ in range(8):
        fixed = _normalize_once(line)
        if fixed == line:
            break
        line = fixed
    return line


def _decide_charref(ref: str) -> str:
    """What html.unescape makes of one reference (numeric ones with their digits bounded)."""
    if ref[1] == "#":
        hexa = ref[2:3] in ("x", "X")
        body = ref[3:] if hexa else ref[2:]
        digits = body.rstrip(";").lstrip("0") or "0"
        if len(digits) > CHARREF_MAX_DIGITS:
            digits = "9" * CHARREF_MAX_DIGITS  # out of range either way: U+FFFD
        ref = ("&#x" if hexa else "&#") + digits + (";" if body.endswith(";") else "")
    return html.unescape(ref)


def unescape_html(text: str) -> str:
    """`html.unescape` repeated until nothing changes ("&amp;amp;lt;" is "<"), in linear time.

    One left-to-right pass: a reference is decided once the character after it shows where it
    ends; what it decodes to is read again (it may open or close another reference), and so is
    the reference before it, which its `&` may have ended. Every decoding shortens the text, and
    an undecoded named reference is at most 34 characters, so the work is linear in the text.
    """
    if "&" not in text:
        return text
    text = _AMP_RUN.sub("&", text)  # "&amp;amp;amp;" is "&": the common nesting, at C speed
    out: list[str] = []  # settled text, in chunks
    win: list[str] | None = None  # an open reference: "&" and what follows it so far
    feed: list[str] = []  # characters to read before text[i:], the next one last
    i, n = 0, len(text)
    while True:
        if feed:
            ch: str | None = feed.pop()
        elif win is None:
            if i >= n:
                break
            j = text.find("&", i)
            if j < 0:
                out.append(text[i:])
                break
            if j > i:
                out.append(text[i:j])
            ch, i = "&", j + 1
        elif i < n:
            ch, i = text[i], i + 1
        else:
            ch = None  # the end: the open reference is decided as it stands
        if win is None:
            if ch == "&":
                win = ["&"]
            elif ch is not None:
                out.append(ch)
            continue
        if ch is not None and len(win) > 2 and win[1] == "#":
            hexa = win[2] in "xX"
            if ch in (_HEX_DIGITS if hexa else _DIGITS):
                win.append(ch)  # digits run on: no need to look yet
                continue
        candidate = "".join(win) if ch is None else "".join(win) + ch
        m = _CHARREF.match(candidate)
        if m is None:
            if ch is not None and _CHARREF_OPEN.match(candidate):
                win.append(ch)
                continue
            out.append("".join(win))
            win = None
            if ch is not None:
                feed.append(ch)
            continue
        if ch is not None and m.end() == len(candidate) and ch != ";":
            win.append(ch)  # the reference may go on
            continue
        ref, rest = candidate[: m.end()], candidate[m.end() :]
        decoded = _decide_charref(ref)
        win = None
        feed.extend(reversed(rest))
        if decoded == ref:
            out.append(ref)
            continue
        feed.extend(reversed(decoded))
        # The `&` just decoded may have ended a reference before it: open that one again.
        tail = ""
        while out and len(tail) < 34:
            tail = out.pop() + tail
        k = tail.rfind("&")
        if k >= 0 and len(tail) - k <= 34:
            out.append(tail[:k])
            win = list(tail[k:])
        else:
            out.append(tail)
    return "".join(out)


def trim_cut(text: str) -> str:
    """What is left on one side of a cut: no white space and no ZWJ / ZWNJ at its edges (there
    they join nothing, and normalising would drop them on a second run)."""
    return text.strip(" \u200c\u200d")


def _normalize_once(line: str) -> str:
    line = _CONTROL.sub(" ", line)
    if needs_repair(line):
        fixed = ftfy.fix_text(line, _FTFY_CONFIG)
        if "\u00a0" in line and ftfy.badness.is_bad(fixed):
            # An NBSP between words of mojibake (a space the page wrote as &nbsp;) is read by
            # ftfy as a byte of it: read it as the space it is, if that repairs the line.
            spaced = ftfy.fix_text(line.replace("\u00a0", " "), _FTFY_CONFIG)
            if not ftfy.badness.is_bad(spaced):
                fixed = spaced
        line = fixed
    if "&" in line and _ENTITY.search(line):
        line = unescape_html(line)
    if not line.isascii():
        line = _NOISE.sub("", line)
        if "\u200c" in line or "\u200d" in line:
            line = _ZWJ_STRAY.sub("", line)
        line = unicodedata.normalize("NFC", line)
    return " ".join(_SPACES.sub(" ", line).split())


# --- sentence shape ----------------------------------------------------------------------------

SENTENCE_END = "।॥?!.|"
_CLOSERS = "\"'”’»)]}*"
# Auxiliary verbs that close a Hindi sentence whose danda the page dropped.
_FINAL_AUX = words("final_aux")


def ends_sentence(text: str) -> bool:
    """True when text ends with a sentence end (danda, ?, !, ., |), closing quotes allowed."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_sentence_like(text: str) -> bool:
    """A sentence, or a long clause ending in an auxiliary verb whose danda was dropped."""
    if ends_sentence(text):
        return True
    words = text.split()
    return len(words) >= 10 and words[-1] in _FINAL_AUX


_LAST_END = re.compile(r"[।॥?!|][\"'”’»)\]}*]*|\.[\"'”’»)\]}*]*(?=\s)")
_ENDERS = "।॥?!|"
_TRIM_CHARS = _CLOSERS + " " + SENTENCE_END
_TRIM = frozenset(_TRIM_CHARS)
_SHORT = 2048  # up to this many characters, the last sentence is found by one forward pass
_CLOSER_SET = frozenset(_CLOSERS)


def last_sentence_start(text: str, end: int | None = None, floor: int = 0) -> int:
    """Index where the last sentence of text[:end] starts (0 when it is one sentence).

    Looks back from `end` only (C-level rfind), so cutting sentences off a block one by one
    stays linear. With a `floor`, nothing before it is read, and -1 means: the last sentence
    starts before the floor."""
    if end is None:
        end = len(text)
    if floor == 0 and end <= _SHORT:  # a short text: one C-level pass is fastest
        part = text if end == len(text) else text[:end]
        stop = 0
        for m in _LAST_END.finditer(part, 0, len(part.rstrip(_TRIM_CHARS))):
            stop = m.end()
        while stop < end and text[stop] == " ":
            stop += 1
        return stop
    e = end
    while e > floor and text[e - 1] in _TRIM:
        e -= 1
    if e == floor and floor > 0:
        return -1
    p = max(text.rfind(c, floor, e) for c in _ENDERS)
    stop = -1
    if p >= 0:
        stop = p + 1
        while stop < e and text[stop] in _CLOSER_SET:
            stop += 1
    q = text.rfind(".", max(floor, p + 1), e)
    while q >= 0:  # a full stop ends a sentence when white space follows (closers between)
        k = q + 1
        while k < e and text[k] in _CLOSER_SET:
            k += 1
        if k < e and text[k].isspace():
            stop = k
            break
        q = text.rfind(".", max(floor, p + 1), q)
    if stop < 0 and floor > 0:
        # A sentence end just before the floor whose closing quotes run past it.
        j = floor
        while j > 0 and text[j - 1] in _CLOSER_SET:
            j -= 1
        if j > 0 and text[j - 1] in _ENDERS + ".":
            k = floor
            while k < e and text[k] in _CLOSER_SET:
                k += 1
            if text[j - 1] != "." or (k < e and text[k].isspace()):
                stop = k
        if stop < 0:
            return -1
    stop = max(stop, 0)
    while stop < end and text[stop] == " ":
        stop += 1
    return stop


def sentence_count(text: str) -> int:
    """How many sentences text holds (sentence ends inside it, plus one)."""
    trimmed = len(text.rstrip(_CLOSERS + " " + SENTENCE_END))
    return sum(1 for _ in _LAST_END.finditer(text, 0, trimmed)) + 1


# --- comparison keys and words -----------------------------------------------------------------

_SENT_MARK = "\x00"
_FOLD_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u093c\u00ad]")
_FOLD_SPACE = re.compile(r"[\u00a0,;:\"'“”‘’()\[\]{}\-–—/\\*•·…«»<>=+_~#`^]|\.(?!\s)")
_FOLD_END = re.compile(r"[।॥|!?]|\.(?=\s)")
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_DEV_DIGIT = re.compile("[०-९]")
# The same folds in passes that sre runs at C speed (a character class alone, or a literal, is
# scanned for in one tight loop; a class or a full stop is tried at every character): full stops
# first, each decided on the character after it, then the classes, which hold no full stop.
_FOLD_DROP_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u093c\u00ad"
_FOLD_SPACE_DOT = re.compile(r"\.(?!\s)")
_FOLD_SPACE_CHARS = re.compile(_FOLD_SPACE.pattern[: -len(r"|\.(?!\s)")])
_FOLD_END_DOT = re.compile(r"\.(?=\s)")
_FOLD_END_CHARS = re.compile(_FOLD_END.pattern[: -len(r"|\.(?=\s)")])


@memo_by_text
def fold(text: str) -> str:
    """What a reader cannot tell apart, folded away (nukta, zero-width marks, Devanagari digits,
    punctuation, case); sentence ends become a marker. A few C-level passes over the text."""
    for ch in _FOLD_DROP_CHARS:  # `_FOLD_DROP`
        if ch in text:
            text = text.replace(ch, "")
    if "." in text:  # `_FOLD_SPACE`, then `_FOLD_END`
        text = _FOLD_SPACE_DOT.sub(" ", text)
        text = _FOLD_END_DOT.sub(f" {_SENT_MARK} ", _FOLD_SPACE_CHARS.sub(" ", text))
    else:
        text = _FOLD_SPACE_CHARS.sub(" ", text)
    text = _FOLD_END_CHARS.sub(f" {_SENT_MARK} ", text)
    if _DEV_DIGIT.search(text):
        text = text.translate(_DEV_DIGITS)
    return text.lower()


def dedup_key(text: str) -> str:
    """Comparison key: white space, NBSP, zero-width marks, Unicode form (text is NFC already),
    nukta, Devanagari digits, punctuation, danda variants and letter case folded away."""
    return " ".join(filter(_SENT_MARK.__ne__, fold(text).split()))  # C-level loops


@memo_by_text
def sentence_keys(text: str) -> tuple[str, ...]:
    """Keys of the sentences of text, in order."""
    parts = fold(text).split(_SENT_MARK)
    return tuple(filter(None, map(" ".join, map(str.split, parts))))  # C-level loops


_SUFFIXES = ordered("suffixes")  # words/suffixes.txt, longer endings first
# One inflection ending after three or more letters, at a word's end. Each ending is followed
# by a look-behind over itself and the three letters before it (the same test as a leading
# (?<=\S\S\S)), so the pattern opens with literals and sre skips to candidate positions.
_SUFFIX = re.compile(
    "(?:" + "|".join(f"{e}(?<=\\S{{{3 + len(e)}}})" for e in _SUFFIXES) + r")(?=\s|\Z)"
)
_STOPWORD_TEXT = " ".join(ordered("stopwords"))  # words/stopwords.txt


def _stems(text: str) -> set[str]:
    return set(_SUFFIX.sub("", fold(text)).split())


_STOP_STEMS = frozenset(_stems(_STOPWORD_TEXT)) | {_SENT_MARK}


# Folded word -> its stem, or "" when it carries no meaning. Words repeat across pages (a news
# vocabulary is small), so each is stemmed once; the memo is cleared when it grows past the cap.
_CONTENT: dict[str, str] = {}
CONTENT_MEMO_MAX = 50_000


def _content_stem(word: str) -> str:
    stem = _SUFFIX.sub("", word)
    return "" if stem in _STOP_STEMS or len(stem) < 2 or stem.isdigit() else stem


def content_words(text: str) -> set[str]:
    """Stems of the words that carry meaning: no stopwords, no bare numbers, two letters or more.
    A crude Hindi stem drops one inflection ending, so plural and oblique forms match."""
    return set(content_stems(text))


@memo_by_text
def content_stems(text: str) -> frozenset[str]:
    """`content_words` as a frozenset, computed once per text (callers that only read it)."""
    memo = _CONTENT
    words = set(fold(text).split())
    stems = list(map(memo.get, words))  # C-level look-ups; words not seen yet give None
    if None in stems:
        for k, word in enumerate(words):
            if stems[k] is None:
                if len(memo) >= CONTENT_MEMO_MAX:
                    memo.clear()
                stems[k] = memo[word] = _content_stem(word)
    out = frozenset(stems)
    return out - _NO_STEM if "" in out else out


_NO_STEM = frozenset({""})


_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z]")


def has_devanagari(text: str) -> bool:
    return _DEVANAGARI.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN.search(text) is not None

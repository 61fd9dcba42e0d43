"""Text helpers shared by the cleaners: normalisation, sentence shape, comparison keys, words."""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

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
# C0 control characters are extraction debris (never part of UTF-8 mojibake): a space.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def needs_repair(line: str) -> bool:
    """True when a line may hold mojibake: the cheap gate in front of ftfy."""
    return _SUSPECT.search(line) is not None and ftfy.badness.is_bad(line)


def normalize_line(line: str) -> str:
    """Normalise one line: repair mojibake, decode entities, NFC, one space, no invisible noise.

    Fast on clean text: one regex search and an NFC check. Where there is work, the steps are
    repeated until nothing changes (an entity may decode to mojibake, a space fix may let ftfy
    see mojibake), so the result is a fixed point: normalising it again changes nothing.
    """
    if _WORK.search(line) is None:
        if line.isascii() or unicodedata.is_normalized("NFC", line):
            return line.strip()
        line = unicodedata.normalize("NFC", line)
        if _WORK.search(line) is None:
            return line.strip()
    for _ in range(8):
        fixed = _normalize_once(line)
        if fixed == line:
            break
        line = fixed
    return line


def _normalize_once(line: str) -> str:
    line = _CONTROL.sub(" ", line)
    if needs_repair(line):
        line = ftfy.fix_text(line, _FTFY_CONFIG)
    if "&" in line:
        # Entities escaped more than once ("&amp;quot;") unescape one level a round.
        while _ENTITY.search(line):
            unescaped = html.unescape(line)
            if unescaped == line:
                break
            line = unescaped  # strictly shorter: the loop ends
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
_FINAL_AUX = frozenset(["है", "हैं", "था", "थी", "थे", "थीं", "हो", "हूं", "हूँ"])


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


def last_sentence_start(text: str) -> int:
    """Index where the last sentence of text starts (0 when text is one sentence)."""
    start = 0
    for m in _LAST_END.finditer(text, 0, len(text.rstrip(_CLOSERS + " " + SENTENCE_END))):
        start = m.end()
    while start < len(text) and text[start] == " ":
        start += 1
    return start


# --- comparison keys and words -----------------------------------------------------------------

_SENT_MARK = "\x00"
_FOLD_DROP = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u093c\u00ad]")
_FOLD_SPACE = re.compile(r"[\u00a0,;:\"'“”‘’()\[\]{}\-–—/\\*•·…«»<>=+_~#`^]|\.(?!\s)")
_FOLD_END = re.compile(r"[।॥|!?]|\.(?=\s)")
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_DEV_DIGIT = re.compile("[०-९]")


def fold(text: str) -> str:
    """What a reader cannot tell apart, folded away (nukta, zero-width marks, Devanagari digits,
    punctuation, case); sentence ends become a marker. A few C-level passes over the text."""
    text = _FOLD_DROP.sub("", text)
    text = _FOLD_END.sub(f" {_SENT_MARK} ", _FOLD_SPACE.sub(" ", text))
    if _DEV_DIGIT.search(text):
        text = text.translate(_DEV_DIGITS)
    return text.lower()


def dedup_key(text: str) -> str:
    """Comparison key: white space, NBSP, zero-width marks, Unicode form (text is NFC already),
    nukta, Devanagari digits, punctuation, danda variants and letter case folded away."""
    return " ".join(w for w in fold(text).split() if w != _SENT_MARK)


def sentence_keys(text: str) -> tuple[str, ...]:
    """Keys of the sentences of text, in order."""
    return tuple(k for k in (" ".join(p.split()) for p in fold(text).split(_SENT_MARK)) if k)


_SUFFIXES = (
    "ियों", "ियां", "ियाँ", "ाओं", "ाएं", "ाएँ", "ओं", "ों", "ें", "ां", "ाँ",
    "ी", "ा", "े", "ो", "ि", "ु", "ू", "ं", "s",
)
# One inflection ending after three or more letters, at a word's end. Each ending is followed
# by a look-behind over itself and the three letters before it (the same test as a leading
# (?<=\S\S\S)), so the pattern opens with literals and sre skips to candidate positions.
_SUFFIX = re.compile(
    "(?:" + "|".join(f"{e}(?<=\\S{{{3 + len(e)}}})" for e in _SUFFIXES) + r")(?=\s|\Z)"
)
_STOPWORD_TEXT = """
के का की को में से पर है हैं था थी थे और या भी ने तो कि यह ये वह वे इस उस इन उन एक
लिए साथ बाद पहले तक जो जब तब कर करने किया किए गया गई गए हो होने होगा होगी रहा रही रहे
अब नहीं ही सभी कुछ कई बहुत सबसे ऐसे जैसे किसी कोई अपने अपनी अपना उनके उनकी उनका इसके
इसकी इसका जिस जिसे जिन्होंने उन्होंने वाले वाली वाला बीच दौरान बारे तरह अन्य लेकर हुए हुआ हुई
क्या क्यों कैसे कब कहां कहाँ जानें आज कल दिन साल नए नई नया बड़ा बड़ी बड़े
the a an of in on to for and or is are was be by with from at as this that it its
"""


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
    memo = _CONTENT
    out: set[str] = set()
    for word in set(fold(text).split()):
        stem = memo.get(word)
        if stem is None:
            if len(memo) >= CONTENT_MEMO_MAX:
                memo.clear()
            stem = memo[word] = _content_stem(word)
        if stem:
            out.add(stem)
    return out


_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z]")


def has_devanagari(text: str) -> bool:
    return _DEVANAGARI.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN.search(text) is not None

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


def needs_repair(line: str) -> bool:
    """True when a line may hold mojibake: the cheap gate in front of ftfy."""
    return _SUSPECT.search(line) is not None and ftfy.badness.is_bad(line)


def normalize_line(line: str) -> str:
    """Normalise one line: repair mojibake, decode entities, NFC, one space, no invisible noise.

    Idempotent, and fast on clean text: ftfy only runs where the cheap gates find work.
    """
    if _SUSPECT.search(line) and ftfy.badness.is_bad(line):
        line = ftfy.fix_text(line, _FTFY_CONFIG)
    if "&" in line and _ENTITY.search(line):
        # Twice at most: "&amp;quot;" is one entity escaped twice.
        for _ in range(2):
            unescaped = html.unescape(line)
            if unescaped == line:
                break
            line = unescaped
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


_SENT_SPLIT = re.compile(r"(?<=[।॥?!|])\s+|(?<=[.?!][\"'”’)])\s+|(?<=\.)\s+(?=\S)")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at danda, ?, !, | and full stops followed by space."""
    return [s for s in _SENT_SPLIT.split(text) if s]


def last_sentence_start(text: str) -> int:
    """Index where the last sentence of text starts (0 when text is one sentence)."""
    end = len(text.rstrip(_CLOSERS + " "))
    # Skip the final sentence end itself, then find the previous one.
    i = end - 1
    while i >= 0 and text[i] in SENTENCE_END:
        i -= 1
    while i >= 0:
        ch = text[i]
        if ch in SENTENCE_END and (ch != "." or (i + 1 < len(text) and not text[i + 1].isdigit())):
            j = i + 1
            while j < len(text) and text[j] in _CLOSERS:
                j += 1
            return j
        i -= 1
    return 0


# --- comparison keys ---------------------------------------------------------------------------

_KEY_DROP = re.compile("[\u200b-\u200d\u2060\ufeff\u093c\u00a0]")
_KEY_PUNCT = re.compile(r"[\s।॥|.,;:!?\"'“”‘’()\[\]{}\-–—]+")
_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


def dedup_key(text: str) -> str:
    """Key that folds what a reader cannot see: form, white space, zero-width marks, nukta,
    Devanagari digits, punctuation and danda variants, letter case."""
    text = unicodedata.normalize("NFD", text)
    text = _KEY_DROP.sub("", text).translate(_DEV_DIGITS).casefold()
    return _KEY_PUNCT.sub(" ", text).strip()


# --- words -------------------------------------------------------------------------------------

_WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u097f]+")
_SUFFIX = re.compile(r"(?:ियों|ियां|ियाँ|ाओं|ाएं|ाएँ|ओं|ों|ें|ां|ाँ|ी|ा|े|ो|ि|ु|ू|ं|s)$")
_STOPWORD_TEXT = """
के का की को में से पर है हैं था थी थे और या भी ने तो कि यह ये वह वे इस उस इन उन एक
लिए साथ बाद पहले तक जो जब तब कर करने किया किए गया गई गए हो होने होगा होगी रहा रही रहे
अब नहीं ही सभी कुछ कई बहुत सबसे ऐसे जैसे किसी कोई अपने अपनी अपना उनके उनकी उनका इसके
इसकी इसका जिस जिसे जिन्होंने उन्होंने वाले वाली वाला बीच दौरान बारे तरह अन्य लेकर हुए हुआ हुई
क्या क्यों कैसे कब कहां कहाँ जानें आज कल दिन साल नए नई नया बड़ा बड़ी बड़े
the a an of in on to for and or is are was be by with from at as this that it its
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def stem(word: str) -> str:
    """Crude Hindi stem: drop one inflection ending, so plural and oblique forms match."""
    if len(word) > 3:
        return _SUFFIX.sub("", word)
    return word


def content_words(text: str) -> set[str]:
    """Stems of the words that carry meaning: no stopwords, no bare numbers, two letters or more."""
    out = set()
    for w in _WORD.findall(text.casefold()):
        if len(w) < 2 or w in STOPWORDS or w.isdigit():
            continue
        out.add(stem(w))
    return out


_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z]")


def has_devanagari(text: str) -> bool:
    return _DEVANAGARI.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN.search(text) is not None

"""Comparison keys and content words (hindiclean.text)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hindiclean import text as T

from .strategies import arbitrary_text

# The definition, written over the whole text at once: strip one ending after three or more
# letters at each word's end, then drop stopwords, one-letter words and numbers.
_ENDING = re.compile(
    r"(?<=\S\S\S)(?:ियों|ियां|ियाँ|ाओं|ाएं|ाएँ|ओं|ों|ें|ां|ाँ|ी|ा|े|ो|ि|ु|ू|ं|s)(?=\s|\Z)"
)


def _content_words_by_definition(text: str) -> set[str]:
    stems = set(_ENDING.sub("", T.fold(text)).split())
    return {w for w in stems - T._STOP_STEMS if len(w) > 1 and not w.isdigit()}


_WORDY = st.text(alphabet="िाओोेंीुूsयकखग \u00a0\t।.a1१", max_size=40)


@given(st.one_of(arbitrary_text, _WORDY))
def test_content_words_follow_the_definition(text: str) -> None:
    assert T.content_words(text) == _content_words_by_definition(text)


def test_content_words_stem_endings_and_drop_stopwords() -> None:
    assert T.content_words("किसानों की समस्याएं") == {"किसान", "समस्य"}
    assert T.content_words("के का की 2024 है") == set()


def test_content_word_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(T, "CONTENT_MEMO_MAX", 5)
    monkeypatch.setattr(T, "_CONTENT", {})
    words = " ".join(f"शब्द{i}क" for i in range(40))
    assert T.content_words(words) == _content_words_by_definition(words)
    assert len(T._CONTENT) <= 5


_BADNESS_SAFE = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=0x7F),
        st.characters(min_codepoint=0x0900, max_codepoint=0x097F),
        st.sampled_from("\u00a0" + T._BADNESS_SAFE_PUNCT),
    ),
    max_size=40,
)


@given(_BADNESS_SAFE)
def test_ftfy_never_flags_ascii_devanagari_nbsp_and_safe_punctuation(text: str) -> None:
    # `normalize_line` skips ftfy on such lines (`text._NOT_BADNESS_SAFE`): an ftfy that
    # flagged one would make that shortcut change outputs.
    import ftfy

    assert T._NOT_BADNESS_SAFE.search(text) is None
    assert not ftfy.badness.is_bad(text)



def test_is_nfc_agrees_with_unicodedata_on_every_pair_and_devanagari_triple() -> None:
    # `is_nfc` answers for most Hindi text by a scan (`text._NFC_UNSURE`); NFC composes or
    # reorders only neighbouring characters, so pairs (and triples of Devanagari marks around
    # a letter) cover what the scan claims.
    import unicodedata

    alphabet = [chr(c) for c in range(0x80)] + [chr(c) for c in range(0x900, 0x980)]
    alphabet += ["\u00a0", *T._BADNESS_SAFE_PUNCT, "é", "e\u0301", "\u0301", "\u09cb"]
    for a in alphabet:
        for b in alphabet:
            assert T.is_nfc(a + b) == unicodedata.is_normalized("NFC", a + b), repr(a + b)
    letters = "नरळकड\u093e"
    marks = [chr(c) for c in range(0x900, 0x905)] + [chr(c) for c in range(0x93a, 0x958)]
    for a in letters:
        for b in marks:
            for c in marks:
                text = a + b + c
                assert T.is_nfc(text) == unicodedata.is_normalized("NFC", text), repr(text)


@given(st.one_of(arbitrary_text, _BADNESS_SAFE))
def test_is_nfc_is_unicodedatas_answer(text: str) -> None:
    import unicodedata

    assert T.is_nfc(text) == unicodedata.is_normalized("NFC", text)

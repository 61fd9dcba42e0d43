"""The `navigation` cleaner: breadcrumbs, menu and widget labels, SEO lines, residue."""

from __future__ import annotations

import re
import unicodedata

from ..rules import packaged_rules
from ..settings import current
from ..text import ends_sentence, has_devanagari
from ..wordlists import ordered as word_list
from .rules import Detector, RuleCleaner

# A separator: one symbol (not a letter, digit, bracket, quote or sentence mark) between spaces.
_SPACED_SEPARATOR = re.compile(
    r"(?<=\s)(?:::|->|=>|>>|»»|([^\w\s।॥.,;:!?'\"()\[\]{}|%&@$₹+\u0900-\u097f])\1?)(?=\s)"
)
_LETTER = re.compile(r"[^\W\d_]")
_CATEGORY_PATH = re.compile(r"[^\s/|\d]{2,25}(?:/[^\s/|\d]{2,25}){1,3}")
# One separator between two short named sections is a breadcrumb too (`गोवा › अदालत`,
# `क्राइम ⫶ हरियाणा`, `खेती-बाड़ी ⟩⟩ मौसम सलाह`), unless it is one that tables, routes, lists,
# bylines and titles use.
_LIST_MARKS = tuple(word_list("list_marks"))  # bullets and check marks that open a list item
_NOT_PATH = frozenset(["|", "/", "-", "–", "—", "→", "•", "·", "*", "+", "=", "~", "&"]) | set(
    _LIST_MARKS  # a verdict (`फैसला: ❌ भ्रामक`), an item
)
# A home icon, or nothing, before a path's first separator.
_HOME_MARK = re.compile(r"\s*[^\w\s।॥.,;:!?'\"()\[\]{}]{0,2}\s*")
_ROW_DASHES = frozenset("–—-")
_TIME = re.compile(r"[0-9०-९]{1,2}[:.][0-9०-९]{2}")
# A figure with a unit a widget shows (°, %) or a rise / fall arrow.
_TICK = re.compile(r"[0-9०-९][0-9०-९,.]*\s*(?:°C?|%)|[▲▼]")
_CELL_SPLIT = re.compile(r"\s[|•·]\s")
_PLAIN_SPLIT = re.compile(r"\s[•·]\s")
_NUMBER = re.compile(r"[0-9०-९]")
_DIGIT_RUN = re.compile(r"[0-9०-९]+")
# A numbered list item (`1. 'धुंध के उस पार' – वेब सीरीज – 12 सितंबर`): a row, not a path.
_NUMBERED_ITEM = re.compile(r"[0-9०-९]{1,3}[.)]\s")


def is_breadcrumb(text: str) -> bool:
    """A path of sections: two or more spaced separators (›, », >, /), or a short glued
    category path in Devanagari (धर्म/त्योहार). Never a sentence."""
    s = current().navigation
    if len(text) > s.breadcrumb_max_chars or (
        ends_sentence(text) and not text.endswith(("?", "!"))
    ):
        return False
    if "।" in text or _NUMBERED_ITEM.match(text):
        return False
    seps = [m.group() for m in _SPACED_SEPARATOR.finditer(text)]
    if seps and seps[0] in _ROW_DASHES and _TIME.search(text):
        return False  # `मंडी – करसोग – तत्तापानी (सुबह 6:15)`: a timetable row, not a path
    if len(seps) >= s.breadcrumb_min_separators and len(set(seps)) == 1:
        parts = text.split(seps[0])
        # Sections are short; the last one may be the headline itself.
        # Each section is named (a table row's "—" cells are not sections).
        most = s.breadcrumb_max_section_words
        # The first may be a home icon or nothing (`⌂ / प्रयागराज / ...`, `» रीवा » ...`).
        first = 1 if _HOME_MARK.fullmatch(parts[0]) else 0
        named = all(0 < len(p.split()) <= most and _LETTER.search(p) for p in parts[first:-1])
        if named and parts[-1].strip():
            return True
    if len(seps) == 1 and seps[0] not in _NOT_PATH:
        most = s.breadcrumb_short_section_words
        parts = text.strip().removeprefix(seps[0]).split(seps[0])  # `» रीवा » साहित्य`
        if parts[0].rstrip().endswith(":"):
            return False  # a field and its value (`हमारा फैसला: ✗ भ्रामक`)
        if all(0 < len(p.split()) <= most and _LETTER.search(p) for p in parts):
            return not _DIGIT_RUN.search(text)
    return _CATEGORY_PATH.fullmatch(text) is not None and has_devanagari(text)


def is_symbol_line(text: str) -> bool:
    """A line of symbols with no letter and at most one number: dividers (`━━━━`, `— — —`),
    slide dots (`○○●○○`), pagers (`◀ 3 ▶`). A live blog's `10:30` has two numbers."""
    if _LETTER.search(text) or len(_DIGIT_RUN.findall(text)) > 1:
        return False
    return any(
        unicodedata.category(ch) in ("So", "Sm", "Pd") and ch not in "-‐" for ch in text
    )


def is_ticker(text: str) -> bool:
    """A strip of named figures: weather (`मंडी 14° | शिमला 9°`), prices and indices with rise /
    fall arrows (`नरमा 7,120 ▲ | सरसों 5,890 ▼`, `निफ्टी 24,936 ▲ 0.61% सेंसेक्स ...`): two or
    more cells each naming a figure with a unit or arrow, or two or more arrows. A table row
    (`दिल्ली | 31° | 24°`: one name) and a sentence or list item are not strips."""
    if "।" in text or len(text) > current().navigation.ticker_max_chars:
        return False
    if text.startswith(_LIST_MARKS):
        return False
    if text.count("▲") + text.count("▼") >= 2:
        return True
    s = current().navigation
    if ("•" in text or "·" in text) and _plain_strip(text, s.ticker_min_plain_cells):
        return True
    if "°" not in text and "%" not in text and "▲" not in text and "▼" not in text:
        named = 0  # no `_TICK` in any cell (C-level tests)
    else:
        named = sum(
            1 for cell in _CELL_SPLIT.split(text) if _LETTER.search(cell) and _TICK.search(cell)
        )
    return named >= current().navigation.ticker_min_cells


def _plain_strip(text: str, least: int) -> bool:
    """At least `least` cells joined by • or ·, each a name and a number in a few words
    (`लखनऊ 318 • कानपुर 276 • वाराणसी 201`); the first may follow the strip's label
    (`AQI अभी: लखनऊ 318 • ...`)."""
    cells = _PLAIN_SPLIT.split(text)
    cells[0] = cells[0].rpartition(":")[2]
    most = current().navigation.ticker_cell_max_words
    return len(cells) >= least and all(
        len(c.split()) <= most and _LETTER.search(c) and _NUMBER.search(c) for c in cells
    )


ticker = Detector(
    "navigation.ticker",
    "navigation",
    is_ticker,
    "A strip of figures with units or arrows (temperatures, indices, prices with ▲ ▼).",
)


symbol_line = Detector(
    "navigation.symbol_line",
    "navigation",
    is_symbol_line,
    "A line of symbols with no letter and at most one number: dividers, slide dots, pagers.",
)


breadcrumb = Detector(
    "navigation.breadcrumb",
    "navigation",
    is_breadcrumb,
    "A line shaped like a breadcrumb: sections joined by › » > / separators.",
)

navigation = RuleCleaner(
    "navigation", packaged_rules().of("navigation"), [breadcrumb, symbol_line, ticker]
)

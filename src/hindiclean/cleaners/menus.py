"""The `menus` cleaner: lines of separator-delimited cells that are page chrome, by shape.

- a menu, tab or language bar: three or more short cells (`हमारे बारे में | संपर्क | साइटमैप`,
  `English | हिंदी | বাংলা`, `क्रिकेट • फुटबॉल • हॉकी`), none a sentence, almost none with a
  number in it;
- a byline in cells: a name, a place and a date (`रामसेवक यादव | ललितपुर | 12 मई 2025`).
A table row looks the same, and tables are body: a line is never taken when a neighbouring line
has as many cells with the same separator (a table's header and rows), when it is longer than a
menu, or when a cell ends a sentence. Judged on the line alone and its neighbours' cell counts,
so a second run decides the same.
"""

from __future__ import annotations

import re

from ..page import Page
from ..text import ends_sentence

# Cell separators of menus and bylines, tried in this order (the first one that splits the line
# into enough cells is the line's separator).
SEPARATORS = ("|", "•", "·", "◆", "▪")
MENU_MIN_CELLS = 3
MENU_MAX_CELL_WORDS = 4
MENU_MAX_CHARS = 200
# At most this many cells of a menu may hold a digit (a weather cell, a counter).
MENU_MAX_DIGIT_CELLS = 1
BYLINE_MIN_CELLS = 2
BYLINE_MAX_CELLS = 5
BYLINE_MAX_CELL_WORDS = 6
_MONTHS = (
    "जनवरी|फरवरी|फ़रवरी|मार्च|अप्रैल|अप्रेल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|"
    "नवंबर|नवम्बर|दिसंबर|दिसम्बर|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|"
    "July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# A date in a cell: 12 मई 2025, May 12, 2025, 12-05-2025, 12/05/2025.
_DATE = re.compile(
    rf"[0-9०-९]{{1,2}}\s+(?:{_MONTHS})\.?,?\s+[0-9०-९]{{4}}|(?:{_MONTHS})\.?\s+[0-9]{{1,2}},?\s+"
    r"[0-9]{4}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}",
    re.IGNORECASE,
)


def _cells(text: str) -> tuple[str, list[str]] | None:
    """(separator, cells) of a line split by its first separator with two or more cells."""
    for sep in SEPARATORS:
        if sep in text:
            cells = [c.strip() for c in text.split(sep)]
            cells = [c for c in cells if c]
            if len(cells) >= BYLINE_MIN_CELLS:
                return sep, cells
    return None


def _is_menu(cells: list[str]) -> bool:
    if len(cells) < MENU_MIN_CELLS:
        return False
    if any(len(c.split()) > MENU_MAX_CELL_WORDS or ends_sentence(c) for c in cells):
        return False
    return sum(1 for c in cells if any(ch.isdigit() for ch in c)) <= MENU_MAX_DIGIT_CELLS


def _is_byline(cells: list[str]) -> bool:
    if not BYLINE_MIN_CELLS <= len(cells) <= BYLINE_MAX_CELLS:
        return False
    if any(len(c.split()) > BYLINE_MAX_CELL_WORDS or ends_sentence(c) for c in cells):
        return False
    dated = [c for c in cells if _DATE.search(c)]
    return len(dated) == 1 and not any(ch.isdigit() for ch in cells[0])


class Menus:
    """Remove menu bars and bylines laid out in separator-delimited cells (not table rows)."""

    name = "menus"

    def __call__(self, page: Page) -> Page:
        blocks = page.blocks
        shapes = [
            _cells(b.text) if len(b.text) <= MENU_MAX_CHARS else None for b in blocks
        ]
        drop: dict[int, tuple[str, str]] = {}
        for i, shape in enumerate(shapes):
            if shape is None:
                continue
            sep, cells = shape
            if any(
                0 <= j < len(shapes)
                and shapes[j] is not None
                and shapes[j][0] == sep
                and len(shapes[j][1]) == len(cells)
                for j in (i - 1, i + 1)
            ):
                continue  # a row of a table
            if _is_byline(cells):
                drop[i] = ("metadata", "menus.byline_cells")
            elif _is_menu(cells):
                drop[i] = ("navigation", "menus.menu_bar")
        return page.without(drop)


menus = Menus()

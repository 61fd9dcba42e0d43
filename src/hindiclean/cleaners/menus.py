"""The `menus` cleaner: lines of separator-delimited cells that are page chrome, by shape.

- a menu, tab or language bar: three or more short cells (`हमारे बारे में | संपर्क | साइटमैप`,
  `English | हिंदी | বাংলা`, `क्रिकेट • फुटबॉल • हॉकी`), none a sentence, almost none with a
  number in it;
- a byline in cells: a name, a place and a date (`रामसेवक यादव | ललितपुर | 12 मई 2025`).
A table row looks the same, and tables are body: a line is never taken when a line near it
(`table_window`) has as many cells with the same separator (a table's header and rows, perhaps
with an ad or a link between them), when it is longer than a menu, or when a cell ends a
sentence. Judged on the line alone and the cell counts of the lines near it, so a second run
decides the same.
"""

from __future__ import annotations

import re

from ..page import Page
from ..settings import current
from ..text import dedup_key, ends_sentence
from ..topic import is_prose
from ..wordlists import ordered

# Cell separators of menus and bylines, tried in this order (the first one that splits the line
# into enough cells is the line's separator): words/separators.txt.
SEPARATORS = ordered("separators")
# Thresholds: `Settings().menus` (hindiclean.settings), read once per call.
_MONTHS = (
    "जनवरी|फरवरी|फ़रवरी|मार्च|अप्रैल|अप्रेल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|"
    "नवंबर|नवम्बर|दिसंबर|दिसम्बर|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|"
    "July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# A date in a cell: 12 मई 2025, May 12, 2025, 12-05-2025, 12/05/2025, 6 घंटे पहले.
_DATE = re.compile(
    rf"[0-9०-९]{{1,2}}\s+(?:{_MONTHS})\.?,?\s+[0-9०-९]{{4}}|(?:{_MONTHS})\.?\s+[0-9]{{1,2}},?\s+"
    r"[0-9]{4}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}"
    r"|[0-9०-९]{1,3}\s+(?:मिनट|घंटे|घंटा|दिन|सेकंड)\s+पहले|[0-9]{1,3}\s+(?:mins?|hours?|days?)\s+ago",
    re.IGNORECASE,
)


def _cells(text: str) -> tuple[str, list[str]] | None:
    """(separator, cells) of a line split by its first separator with two or more cells."""
    min_cells = current().menus.byline_min_cells
    for sep in SEPARATORS:
        if sep in text:
            cells = [c.strip() for c in text.split(sep)]
            cells = [c for c in cells if c]
            if len(cells) >= min_cells:
                return sep, cells
    return None


def _is_menu(cells: list[str]) -> bool:
    s = current().menus
    if len(cells) < s.min_cells:
        return False
    if any(len(c.split()) > s.max_cell_words or ends_sentence(c) for c in cells):
        return False
    return sum(1 for c in cells if any(ch.isdigit() for ch in c)) <= s.max_digit_cells


def _is_byline(cells: list[str], title_zone: bool = False) -> bool:
    """Cells of a byline: a name, a place and one date. Above the article's first paragraph
    (`title_zone`) the date may stand in the first cell (`5 अगस्त 2025 | टिप्पणी 3`); below it
    a first cell with digits is a table's row."""
    s = current().menus
    if not s.byline_min_cells <= len(cells) <= s.byline_max_cells:
        return False
    if any(len(c.split()) > s.byline_max_cell_words or ends_sentence(c) for c in cells):
        return False
    dated = [c for c in cells if _DATE.search(c)]
    return len(dated) == 1 and (title_zone or not any(ch.isdigit() for ch in cells[0]))


def _is_data_row(cells: list[str]) -> bool:
    """A table's row: no menu, no byline, and words in it (not a run of punctuation and digits,
    which the duplicates step may fold into another line and remove)."""
    return (
        not _is_menu(cells)
        and not _is_byline(cells)
        and _has_words(cells)
    )


def _has_words(cells: list[str]) -> bool:
    return any(ch.isalpha() for c in cells for ch in c)


class Menus:
    """Remove menu bars and bylines laid out in separator-delimited cells (not table rows)."""

    name = "menus"
    decisions = (
        ("menus.menu_bar", "navigation", "a menu, tab or language bar of short cells"),
        ("menus.byline_cells", "metadata", "a byline in cells: name, place, date"),
    )

    def __call__(self, page: Page) -> Page:
        blocks = page.blocks
        s = current().menus
        shapes = [
            _cells(b.text) if len(b.text) <= s.max_chars else None for b in blocks
        ]
        # Where the page's data rows of each width (separator, cells) end: a line of cells that
        # is no menu and no byline (numbers in two cells, a long cell). A line with a data row
        # of its width after it is that table's header, however much chrome stands between.
        # Only the first of lines that the duplicates step folds together counts as a row (it
        # removes the later ones, and a second run must see the same rows).
        keys: list[str | None] = [None] * len(blocks)
        seen: set[str] = set()
        first = [False] * len(blocks)
        for i, shape in enumerate(shapes):
            if shape is not None:
                keys[i] = key = dedup_key(blocks[i].text)
                first[i] = key not in seen
                seen.add(key)
        # The title zone: above the article's first paragraph no table stands, only its bylines
        # (which are no table's rows for the lines around them either).
        lead = next((i for i, b in enumerate(blocks) if is_prose(b.text)), len(blocks))
        titled = {
            i for i, shape in enumerate(shapes[:lead])
            if shape is not None and first[i] and _is_byline(shape[1], title_zone=True)
        }
        last_row: dict[tuple[str, int], int] = {}
        for i, shape in enumerate(shapes):
            if shape is not None and first[i] and i not in titled and _is_data_row(shape[1]):
                last_row[shape[0], len(shape[1])] = i
        drop: dict[int, tuple[str, str]] = {}
        decided: dict[str, tuple[str, str]] = {}  # first occurrences' decisions, by key
        for i, shape in enumerate(shapes):
            if shape is None:
                continue
            if not first[i]:
                if keys[i] in decided:  # a repeat goes as its first occurrence went
                    drop[i] = decided[keys[i]]  # type: ignore[index]
                continue
            sep, cells = shape
            if i in titled:
                drop[i] = decided[keys[i]] = ("metadata", "menus.byline_cells")  # type: ignore[index]
                continue
            if i < last_row.get((sep, len(cells)), -1):
                continue  # a table's header: a data row of its width comes after it
            near = range(max(0, i - s.table_window), min(len(shapes), i + s.table_window + 1))
            if any(
                j != i
                and first[j]
                and j not in titled
                and shapes[j] is not None
                and shapes[j][0] == sep
                and len(shapes[j][1]) == len(cells)
                and _has_words(shapes[j][1])
                for j in near
            ):
                continue  # a row of a table (a line of chrome may stand between its rows)
            if _is_byline(cells):
                drop[i] = decided[keys[i]] = ("metadata", "menus.byline_cells")  # type: ignore[index]
            elif _is_menu(cells):
                drop[i] = decided[keys[i]] = ("navigation", "menus.menu_bar")  # type: ignore[index]
        return page.without(drop)


menus = Menus()

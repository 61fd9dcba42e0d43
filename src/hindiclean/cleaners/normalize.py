"""The `normalize` cleaner: repair and normalise each block, split paragraphs the page joined."""

from __future__ import annotations

import re

from ..page import Block, Page
from ..text import _ENTITY, _WORK_CHARS, LINE_BREAK, is_nfc, normalize_line, unescape_html

# Where an extractor joined paragraphs: literal "\r", "\t", "\n" left as text, real tabs, or a run
# of three or more spaces (NBSP included). Two spaces are common inside a sentence and do not split.
_JOIN = re.compile(r"(?:[ \u00a0]*(?:\\[rnt]|\t)[ \u00a0]*)+|[ \u00a0]{3,}")
# The escapes `_JOIN` splits at ("\\r", "\\n", "\\t" left as text).
_ESCAPED_BREAK = re.compile(r"\\[rnt]")
# A run beside a breadcrumb or list separator is part of one line ("Hindi News ›   World ›").
_SEPARATOR_END = re.compile(r"[›»>|/,]\s*$")
_SEPARATOR_START = re.compile(r"^\s*[›»>|/,]")


def split_joined(text: str) -> list[str]:
    """Split a raw line where the page joined paragraphs; breadcrumbs stay on one line."""
    if "   " not in text and "\\" not in text and "\t" not in text and "\u00a0" not in text:
        return [text]
    if "\t" not in text and ("\\" not in text or not _ESCAPED_BREAK.search(text)):
        spaced = text.replace("\u00a0", " ") if "\u00a0" in text else text
        if "   " not in spaced:  # no join point: C-level tests, not _JOIN's scan
            return [text] if text.strip() else []
    groups: list[list[str]] = []
    glue = False
    for piece in _JOIN.split(text):
        if not piece.strip():
            continue
        if groups and (glue or _SEPARATOR_START.match(piece)):
            groups[-1].append(piece)
        else:
            groups.append([piece])
        glue = _SEPARATOR_END.search(piece) is not None
    return [" ".join(g) for g in groups]


class Normalize:
    """Repair mojibake and entities, NFC, one space, no zero-width noise; split joined paragraphs.

    >>> Normalize()(Page.from_text("पहला पैरा।   दूसरा&nbsp;पैरा।")).text
    'पहला पैरा।\\nदूसरा पैरा।\\n'
    """

    name = "normalize"

    def __call__(self, page: Page) -> Page:
        out: list[Block] = []
        for block in page.blocks:
            text = block.text
            # Most blocks hold no reference, no join point and no character to fix (`_WORK_CHARS`
            # holds `&`, tabs and NBSP): what `normalize_line` gives them is the text stripped,
            # when it is NFC already (C-level tests, no call per step).
            if (
                "  " not in text
                and "\\" not in text
                and _WORK_CHARS.search(text) is None
                and (text.isascii() or is_nfc(text))
            ):
                stripped = text.strip()
                if stripped:
                    same = stripped == text
                    out.append(block if same else Block(stripped, block.line, block.part))
                continue
            for part, line in enumerate(decoded_lines(block.text), start=block.part):
                for piece in split_joined(line):
                    text = normalize_line(piece)
                    if text:
                        same = text == block.text and part == block.part
                        out.append(block if same else Block(text, block.line, part))
        return page.replace(out, [])


def decoded_lines(text: str) -> list[str]:
    """A block with its HTML references decoded, split at the line breaks they held (`&#10;`,
    `&#8232;` ...): references are decoded before paragraphs are split, so a second run finds
    no break, no `\\r` and no run of `&nbsp;` that the first did not."""
    if "&" not in text or _ENTITY.search(text) is None:
        return [text]
    text = unescape_html(text)
    return LINE_BREAK.split(text)


normalize = Normalize()

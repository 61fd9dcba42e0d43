"""The data that flows through a pipeline: a Page of Blocks, and the Removals made on the way."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .text import LINE_BREAK

# Line breaks: see `text.LINE_BREAK` (CR LF, CR, LF, VT, FF, U+2028, U+2029, and U+0085 between
# lines; not a U+0085 inside mojibake of Devanagari, which must reach ftfy whole).
_LINE_BREAK = LINE_BREAK
_COMMON_BREAK = re.compile(r"\r\n?|\n")  # the same, for the text that holds no rarer break
_RARE_BREAKS = ("\x0b", "\x0c", "\x85", "\u2028", "\u2029")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the page and the (1-based) input line it comes from."""

    text: str
    line: int
    # Which line of its input line it is, when decoded references broke that line (`&#10;`):
    # 0 for the first. Pieces of one (line, part) are what the page joined with runs of spaces.
    part: int = 0


@dataclass(frozen=True, slots=True)
class Removal:
    """Something a cleaner took out: where, what, under which category and rule."""

    line: int
    text: str
    category: str
    rule: str
    partial: bool = False  # True when only part of a block went (a cut), not the whole block


@dataclass(frozen=True, slots=True)
class Page:
    """An immutable page: its kept blocks, in input order, and every removal so far."""

    blocks: tuple[Block, ...]
    removals: tuple[Removal, ...] = field(default=())
    # Blocks kept because a user's rule ran past its time limit on them (`rules.TimedOut`).
    timeouts: tuple = field(default=())

    @classmethod
    def from_text(cls, text: str) -> Page:
        """Split raw text into one block per non-blank line (no normalisation)."""
        if not isinstance(text, str):
            raise TypeError(f"hindiclean expects the page as str, got {type(text).__name__}")
        rare = any(ch in text for ch in _RARE_BREAKS)  # C-level substring searches
        splitter = _LINE_BREAK if rare else _COMMON_BREAK
        blocks = tuple(
            Block(line, i)
            for i, line in enumerate(splitter.split(text), start=1)
            if line.strip()
        )
        return cls(blocks)

    def replace(self, blocks: list[Block] | tuple[Block, ...], removals: list[Removal]) -> Page:
        """A new page with these blocks and the given removals added to the old ones."""
        if not removals and len(blocks) == len(self.blocks):
            if tuple(blocks) == self.blocks:
                return self
            return Page(tuple(blocks), self.removals, self.timeouts)
        return Page(tuple(blocks), self.removals + tuple(removals), self.timeouts)

    def with_timeouts(self, timeouts: list | tuple) -> Page:
        """This page with these timeout records added."""
        if not timeouts:
            return self
        return Page(self.blocks, self.removals, self.timeouts + tuple(timeouts))

    def without(self, drops: Mapping[int, tuple[str, str]]) -> Page:
        """A new page less the blocks at these indexes, each recorded as (category, rule)."""
        if not drops:
            return self
        kept = [b for i, b in enumerate(self.blocks) if i not in drops]
        removed = [
            Removal(b.line, b.text, *drops[i]) for i, b in enumerate(self.blocks) if i in drops
        ]
        return self.replace(kept, removed)

    @property
    def text(self) -> str:
        """The page rendered: one block a line, ending with a newline (empty page: "")."""
        if not self.blocks:
            return ""
        return "\n".join(b.text for b in self.blocks) + "\n"

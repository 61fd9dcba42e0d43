"""Word lists kept as data (`hindiclean/words/*.txt`): one word a line, `#` starts a comment.

`words(name)` is a list as a set; `ordered(name)` keeps the file's order (for lists tried in
order, such as the cell separators of `menus` or the inflection endings of `text`);
`chars(name)` is a character set (one character, or a range `U+2190..U+21FF`, a line; a
character that would read as a comment or a space is written `U+0023`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def ordered(name: str) -> tuple[str, ...]:
    """The entries of the packaged list `name` (`words/NAME.txt`) in file order, each once."""
    text = resources.files(__package__).joinpath("words", f"{name}.txt").read_text("utf-8")
    out: dict[str, None] = {}
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out[word] = None
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """The words of the packaged list `name` (`words/NAME.txt`)."""
    return frozenset(ordered(name))


def _char(entry: str) -> str:
    if entry.upper().startswith("U+"):
        return chr(int(entry[2:], 16))
    if len(entry) != 1:
        raise ValueError(f"not one character: {entry!r}")
    return entry


@cache
def chars(name: str) -> tuple[tuple[str, str], ...]:
    """The character set of the packaged list `name`: (first, last) of each range, in file
    order (a single character is a range of one)."""
    out = []
    for entry in ordered(name):
        first, dots, last = entry.partition("..")
        out.append((_char(first), _char(last if dots else first)))
    return tuple(out)


def char_class(name: str) -> str:
    """The members of the character set `name` as the inside of a regex class `[...]`."""
    def esc(ch: str) -> str:
        return f"\\{ch}" if ch in "\\]^-[" else ch

    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in chars(name))

"""Word lists kept as data (`hindiclean/words/*.txt`): one word a line, `#` starts a comment."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> frozenset[str]:
    """The words of the packaged list `name` (`words/NAME.txt`)."""
    text = resources.files(__package__).joinpath("words", f"{name}.txt").read_text("utf-8")
    out = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out.add(word)
    return frozenset(out)

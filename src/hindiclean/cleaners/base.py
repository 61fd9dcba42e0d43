"""What a cleaner is: anything with a `name` that maps a Page to a Page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from ..page import Page


@runtime_checkable
class Cleaner(Protocol):
    """A named step: takes a Page, returns a new Page (recording what it removed)."""

    name: str

    def __call__(self, page: Page) -> Page: ...


class FunctionCleaner:
    """Wrap a plain function `Page -> Page` as a named cleaner."""

    def __init__(self, name: str, func: Callable[[Page], Page]) -> None:
        self.name = name
        self._func = func

    def __call__(self, page: Page) -> Page:
        result = self._func(page)
        if not isinstance(result, Page):
            raise TypeError(f"cleaner {self.name!r} returned {type(result).__name__}, not Page")
        return result

    def __repr__(self) -> str:
        return f"FunctionCleaner({self.name!r})"


def cleaner(name: str) -> Callable[[Callable[[Page], Page]], FunctionCleaner]:
    """Decorator: `@cleaner("my_site")` turns a `Page -> Page` function into a cleaner."""

    def wrap(func: Callable[[Page], Page]) -> FunctionCleaner:
        return FunctionCleaner(name, func)

    return wrap

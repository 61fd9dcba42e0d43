"""`explain`: each input line, kept or dropped, and why, for a person to read."""

from __future__ import annotations

from .page import Page


def explain(text: str, pipeline=None, color: bool = False) -> str:
    """Render what cleaning does to `text`: `+` kept, `-` dropped, `~` part of the line cut.

    Each dropped piece carries its category and rule name.
    """
    from .pipeline import DEFAULT

    result = (pipeline or DEFAULT).run(text)
    page: Page = result.page
    kept: dict[int, list[str]] = {}
    for b in page.blocks:
        kept.setdefault(b.line, []).append(b.text)
    gone: dict[int, list] = {}
    for r in result.removals:
        gone.setdefault(r.line, []).append(r)
    red, green, dim, reset = ("\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[0m") if color else ("",) * 4
    out = []
    for n in sorted(set(kept) | set(gone)):
        for t in kept.get(n, ()):
            out.append(f"{green}{n:5d} + {t}{reset}")
        for r in gone.get(n, ()):
            mark = "~" if r.partial else "-"
            out.append(f"{red}{n:5d} {mark} [{r.category}: {r.rule}]{reset} {dim}{r.text}{reset}")
    return "\n".join(out) + ("\n" if out else "")

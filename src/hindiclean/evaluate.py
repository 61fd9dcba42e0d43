"""Scores of the labeling policy over gold pages: body recall, boilerplate removal, F1, ..."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .page import Page
from .text import normalize_line


class GoldError(ValueError):
    """A gold file or record that cannot be scored; the message names the file and line."""


def words(text: str) -> list[str]:
    """Words of text after the policy's normalisation (lines split on \\n and \\r only)."""
    return [w for b in Page.from_text(text).blocks for w in normalize_line(b.text).split()]


def _runs(seq: list[str], matched: set[int]) -> list[str]:
    out, run = [], []
    for i, w in enumerate(seq):
        if i in matched:
            if run:
                out.append(" ".join(run))
                run = []
        else:
            run.append(w)
    if run:
        out.append(" ".join(run))
    return out


@dataclass
class PageScore:
    id: str
    expected: int
    output: int
    aligned: int
    raw: int
    idempotent: bool
    removed_by_category: dict[str, int] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    surviving: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.aligned / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.aligned / self.output if self.output else 1.0

    @property
    def removal(self) -> float:
        chrome = self.raw - self.expected
        return 1 - (self.output - self.aligned) / chrome if chrome > 0 else 1.0


def score_page(page_id: str, raw: str, expected: str, run: Callable) -> PageScore:
    """Score one page; `run` maps raw text to a Result (e.g. `Pipeline.run`)."""
    result = run(raw)
    out_w, exp_w = words(result.text), words(expected)
    sm = difflib.SequenceMatcher(None, out_w, exp_w, autojunk=False)
    out_hit: set[int] = set()
    exp_hit: set[int] = set()
    for a, b, n in sm.get_matching_blocks():
        out_hit.update(range(a, a + n))
        exp_hit.update(range(b, b + n))
    by_cat: dict[str, int] = {}
    for r in result.removals:
        by_cat[r.category] = by_cat.get(r.category, 0) + len(r.text.split())
    return PageScore(
        id=page_id,
        expected=len(exp_w),
        output=len(out_w),
        aligned=len(out_hit),
        raw=len(words(raw)),
        idempotent=run(result.text).text == result.text,
        removed_by_category=by_cat,
        lost=_runs(exp_w, exp_hit),
        surviving=_runs(out_w, out_hit),
    )


def read_gold(paths: Iterable[str | Path]) -> Iterator[tuple[str, str, str]]:
    """Yield (id, raw, expected) from gold JSONL files; errors name the file and line."""
    for path in paths:
        path = Path(path)
        try:
            fh = path.open(encoding="utf-8")
        except OSError as exc:
            raise GoldError(f"{path}: cannot read: {exc.strerror}") from None
        with fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path}:{n}: not valid JSON: {exc.msg}") from None
                if not isinstance(rec, dict):
                    raise GoldError(f"{path}:{n}: a record must be a JSON object")
                for key in ("raw", "expected"):
                    if not isinstance(rec.get(key), str):
                        raise GoldError(f"{path}:{n}: field {key!r} missing or not a string")
                yield str(rec.get("id", f"{path.name}:{n}")), rec["raw"], rec["expected"]


@dataclass
class Report:
    pages: list[PageScore]

    def _sum(self, attr: str) -> int:
        return sum(getattr(p, attr) for p in self.pages)

    @property
    def recall(self) -> float:
        return self._sum("aligned") / max(1, self._sum("expected"))

    @property
    def precision(self) -> float:
        return self._sum("aligned") / max(1, self._sum("output"))

    @property
    def removal(self) -> float:
        chrome = self._sum("raw") - self._sum("expected")
        return 1 - (self._sum("output") - self._sum("aligned")) / chrome if chrome else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def idempotence(self) -> float:
        return sum(p.idempotent for p in self.pages) / max(1, len(self.pages))

    @property
    def body_loss_pages(self) -> list[str]:
        return [p.id for p in self.pages if p.aligned < p.expected]

    def by_category(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for p in self.pages:
            for k, v in p.removed_by_category.items():
                total[k] = total.get(k, 0) + v
        return dict(sorted(total.items(), key=lambda kv: -kv[1]))

    def render(self, show_misses: bool = False) -> str:
        lines = []
        if show_misses:
            for p in self.pages:
                for run in p.lost:
                    lines.append(f"LOST      {p.id}: {run}")
                for run in p.surviving:
                    lines.append(f"SURVIVING {p.id}: {run}")
                if not p.idempotent:
                    lines.append(f"NOT IDEMPOTENT {p.id}")
            lines.append("")
        lines += [
            f"pages                 {len(self.pages)}",
            f"body recall           {100 * self.recall:.2f} %",
            f"precision             {100 * self.precision:.2f} %",
            f"boilerplate removal   {100 * self.removal:.2f} %",
            f"F1                    {100 * self.f1:.2f} %",
            f"idempotence           {100 * self.idempotence:.1f} %",
            f"pages with body loss  {len(self.body_loss_pages)}"
            + (f"  ({', '.join(self.body_loss_pages)})" if self.body_loss_pages else ""),
            "removed words by category:",
        ]
        lines += [f"  {k:<12} {v}" for k, v in self.by_category().items()]
        return "\n".join(lines) + "\n"


def evaluate(paths: Iterable[str | Path], pipeline=None) -> Report:
    """Score a pipeline (default: the default one) on gold JSONL files."""
    from .pipeline import DEFAULT

    run = (pipeline or DEFAULT).run
    return Report([score_page(i, raw, exp, run) for i, raw, exp in read_gold(paths)])

"""Learn a site's boilerplate from a dump: lines that recur across many pages, chrome-shaped.

`learn_rules(pages)` reads any iterable of page texts once (streaming) and returns a RuleSet of
ordinary `line` rules; `write_rules` writes them in the packaged TOML form for a person to read
and edit. Memory is bounded by the number of distinct candidate lines kept, which lossy
counting (Manku & Motwani) prunes as the stream goes.

What is learned: a line (a whole block) that
- occurs on at least `min_pages` pages and `min_share` of them (counted once per page, on a key
  where digits, month names, case, punctuation and nukta are folded: `Updated: 12 July` and
  `Updated: 3 Aug` count together);
- is chrome-shaped: at most `learn.max_chars` characters, at most one sentence, and not a long
  sentence (`learn.long_sentence_words` words or more: agency copy or a repeated quote);
- never stands inside a longer paragraph (on any page, before or after it stood alone);
- is not, on more than `learn.max_heading_share` of its pages, a heading over the article's prose (a
  recurring subheading such as `क्या है मामला?` is body).

The thresholds are the `learn` section of `hindiclean.settings` (the active settings; the
names below are its defaults, the default values of the functions' parameters).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .cleaners.normalize import normalize
from .page import Page
from .pipeline import Pipeline, Result
from .rules import Rule, RuleSet
from .settings import DEFAULTS, current
from .text import dedup_key, has_devanagari, is_sentence_like, sentence_keys
from .topic import article_start, is_body_shape, is_paragraph

MIN_PAGES = DEFAULTS.learn.min_pages
MIN_SHARE = DEFAULTS.learn.min_share
MAX_CANDIDATES = DEFAULTS.learn.max_candidates
MAX_TOTAL_CANDIDATES = DEFAULTS.learn.max_total_candidates  # over all sites of a dump
MAX_SITES = DEFAULTS.learn.max_sites  # sites counted at once
PIPELINE_CACHE = 256  # per-site pipelines kept built in one process

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "जनवरी|फरवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|"
    "नवंबर|नवम्बर|दिसंबर|दिसम्बर"
)
_MONTH_WORD = re.compile(rf"(?<!\S)(?:{_MONTHS})(?!\S)")
_DIGITS = re.compile(r"[0-9]+")


def line_key(text: str) -> str:
    """The counting key of a line: the duplicate key with digits and month names folded."""
    return _DIGITS.sub("0", _MONTH_WORD.sub("<m>", dedup_key(text)))


# The named fragments of learned patterns, written once in the rule file's [fragments] table.
# GAP is one character between words: anything that is not a word character (space,
# punctuation, symbols such as ▶ ₹ % ☆, emoji); every character of a line is either part of a
# word (matched literally; ZWNJ and ZWJ belong to the word, written as \u200c and \u200d) or
# a GAP, so a pattern always matches the line it came from.
# NUMBERS is a run of numbers (pagination, scores); a number is followed by at least one GAP
# before the next, so the repetition is unambiguous and the pattern matches in linear time.
_WORD_CLASS = r"\w\u0900-\u0963\u0966-\u097f\u200c\u200d"
FRAGMENTS = {
    "GAP": f"[^{_WORD_CLASS}]",
    "MONTH": _MONTHS,
    "NUMBERS": r"\d+(?:<<GAP>>+\d+){0,60}",
}
_WORD = re.compile(f"[{_WORD_CLASS}]+")
_NUMBER = re.compile(r"\d+")


def _readable_pattern(text: str) -> str:
    """The pattern of one line as written in a rule file: its words literally (digit runs and
    month names generalised, runs of numbers as <<NUMBERS>>), <<GAP>>s between them."""
    tokens: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if _MONTH_WORD.fullmatch(word.lower()):
            tokens.append("<<MONTH>>")
        elif _NUMBER.fullmatch(word):
            if tokens and tokens[-1] in ("#", "<<NUMBERS>>"):
                tokens[-1] = "<<NUMBERS>>"  # a run of numbers: one bounded repetition
            else:
                tokens.append("#")
        else:
            pieces = _NUMBER.split(word)
            tokens.append(
                "".join(r"\d+" if i % 2 else re.escape(piece) for i, piece in enumerate(pieces))
                .replace("\u200c", r"\u200c")
                .replace("\u200d", r"\u200d")
            )
    if not tokens:  # no word at all (a row of symbols): the line as it stands
        return re.escape(text)
    tokens = [r"\d+" if t == "#" else t for t in tokens]
    return "<<GAP>>*" + "<<GAP>>+".join(tokens) + "<<GAP>>*"


def expand_fragments(pattern: str) -> str:
    """A readable learned pattern with its <<FRAGMENTS>> expanded (as `load_rules` does)."""
    from .rules import _expand

    return str(_expand(pattern, FRAGMENTS, "learned rule"))


def _line_pattern(*lines: str) -> str:
    """A readable pattern that matches every one of `lines` (one alternative per line whose
    variant the first pattern does not cover, e.g. a nukta written one way and the other)."""
    alternatives: list[str] = []
    for line in lines:
        if any(_matches(expand_fragments(a), line) for a in alternatives):
            continue
        alternatives.append(_readable_pattern(line))
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _matches(pattern: str, line: str) -> bool:
    return re.fullmatch(pattern, line, re.IGNORECASE) is not None


_CATEGORY_HINTS = (
    ("social", re.compile(
        r"फॉलो|फ़ॉलो|सब्सक्राइब|जुड़ें|जुड़िए|ज्वाइन|जॉइन|शेयर|डाउनलोड|ऐप|न्यूज़लेटर|न्यूजलेटर|"
        r"follow|subscribe|join|share|download|app\b|newsletter|whatsapp|telegram|sign ?up",
        re.IGNORECASE,
    )),
    ("disclaimer", re.compile(
        r"©|copyright|कॉपीराइट|सर्वाधिकार|अस्वीकरण|डिस्क्लेमर|disclaimer|cookie|कुकी", re.IGNORECASE
    )),
    ("ads", re.compile(r"विज्ञापन|advert|sponsor|प्रायोजित|promoted", re.IGNORECASE)),
    ("metadata", re.compile(
        r"डेस्क|desk|ब्यूरो|bureau|रिपोर्ट|संवाददाता|\bby\b|updated|अपडेट|प्रकाशित|फोटो|photo",
        re.IGNORECASE,
    )),
    ("related", re.compile(r"पढ़ें|पढ़िए|देखें|read|watch|खबरें|stories|news", re.IGNORECASE)),
)


def guess_category(text: str) -> str:
    """The policy category a learned line most likely belongs to (navigation if unsure)."""
    for category, hint in _CATEGORY_HINTS:
        if hint.search(text):
            return category
    return "navigation"


@dataclass
class _Candidate:
    count: int = 0  # pages it stood on as a line of its own (lossy counting: and `inside`)
    delta: int = 0  # lossy counting: how many pages it may have been missed on
    headings: int = 0  # pages where it stood over the article's prose, mid-article
    inside: int = 0  # pages where it stood inside a longer paragraph
    text: str = ""  # as first seen
    seen_in: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


def _is_candidate_shape(text: str, n_sentences: int) -> bool:
    s = current().learn
    if len(text) > s.max_chars or n_sentences > 1:
        return False
    return not (is_sentence_like(text) and len(text.split()) >= s.long_sentence_words)


def observe(text: str) -> tuple[list[tuple[str, str, bool]], set[str]]:
    """What one page tells: its candidate lines as (key, line, stands over prose mid-article),
    each key once, and the keys of the sentences inside its paragraphs."""
    blocks = normalize(Page.from_text(text)).blocks
    start = article_start(blocks)
    seen: set[str] = set()
    inside: set[str] = set()
    lines: list[tuple[str, str, bool]] = []
    for i, b in enumerate(blocks):
        sk = sentence_keys(b.text)
        if len(sk) > 1 and is_paragraph(b.text):
            for s in sk:
                inside.add(_DIGITS.sub("0", _MONTH_WORD.sub("<m>", s)))
            continue
        # ` | ` between items (a masthead, a byline) separates no sentences
        n_sentences = len(sk) if " | " not in b.text else len(
            sentence_keys(b.text.replace(" | ", " "))
        )
        if not _is_candidate_shape(b.text, n_sentences):
            continue
        key = line_key(b.text)
        if not key or key in seen:
            continue
        seen.add(key)
        mid = start is not None and start < i
        nxt = blocks[i + 1].text if i + 1 < len(blocks) else ""
        lines.append((key, b.text, mid and is_body_shape(nxt) and has_devanagari(nxt)))
    return lines, inside


class Learner:
    """Stream pages in with `add`; `rules()` gives what recurs. Bounded memory."""

    def __init__(
        self,
        min_pages: int = MIN_PAGES,
        min_share: float = MIN_SHARE,
        max_candidates: int = MAX_CANDIDATES,
    ) -> None:
        if min_pages < 1 or not 0 <= min_share <= 1:
            raise ValueError("min_pages must be >= 1 and min_share within 0..1")
        self.min_pages = min_pages
        self.min_share = min_share
        self.max_candidates = max_candidates
        # Lossy counting: a bucket of `width` pages; after each, drop what cannot reach the
        # threshold share. Any line on more than `min_share` of the pages survives.
        epsilon = max(min_share / 4, 1e-4)
        self.width = math.ceil(1 / epsilon)
        self.pages = 0
        self.candidates: dict[str, _Candidate] = {}
        self.peak_candidates = 0

    def add(self, text: str, name: str = "") -> None:
        """Count one page's lines."""
        lines, inside = observe(text)
        self.add_observed(lines, inside, name)

    def add_observed(
        self, lines: list[tuple[str, str, bool]], inside: Iterable[str], name: str = ""
    ) -> None:
        """Count one page from what `observe` told of it (computed elsewhere, e.g. a worker)."""
        self.pages += 1
        bucket = math.ceil(self.pages / self.width)
        for key, line, heading in lines:
            c = self.candidates.get(key)
            if c is None:
                c = self.candidates[key] = _Candidate(delta=bucket - 1, text=line)
            elif not c.count:  # seen before only inside paragraphs
                c.text = line
            c.count += 1
            if len(c.seen_in) < 2:
                c.seen_in.append(name or f"page {self.pages}")
                c.examples.append(line)
            c.headings += heading
        for key in inside:  # counted whether or not the line was seen on its own yet
            c = self.candidates.get(key)
            if c is None:
                c = self.candidates[key] = _Candidate(delta=bucket - 1)
            c.inside += 1
        if self.pages % self.width == 0 or len(self.candidates) > self.max_candidates:
            self._prune(bucket)
        self.peak_candidates = max(self.peak_candidates, len(self.candidates))

    def _prune(self, bucket: int) -> None:
        drop = [k for k, c in self.candidates.items() if c.count + c.inside + c.delta <= bucket]
        for k in drop:
            del self.candidates[k]
        if len(self.candidates) > self.max_candidates:  # still too many: keep the most frequent
            self.trim(self.max_candidates)

    def trim(self, keep: int) -> None:
        """Keep the `keep` most frequent candidates (a cap on memory; learns less, never more)."""
        if len(self.candidates) > keep:
            ranked = sorted(self.candidates.items(), key=lambda kv: -kv[1].count)
            self.candidates = dict(ranked[:keep])

    def learned(self) -> list[tuple[str, _Candidate]]:
        """The (key, candidate) pairs that pass every test, most frequent first."""
        need = max(self.min_pages, math.ceil(self.min_share * self.pages))
        out = [(key, c) for key, c in self.candidates.items() if passes(c, need)]
        out.sort(key=lambda kv: (-kv[1].count, kv[0]))
        return out

    def rules(self, site: str = "") -> RuleSet:
        return make_rules(self.learned(), self.pages, site)


def make_rules(learned: list[tuple[str, _Candidate]], pages: int, site: str = "") -> RuleSet:
    """Rules from the (key, candidate) pairs that passed, out of `pages` pages; a `site`
    goes into each rule's name (so the rules of many sites load together) and `meta`."""
    rules = []
    for key, c in learned:
        category = guess_category(c.text)
        named = f"{site}\n{key}" if site else key
        digest = hashlib.sha1(named.encode("utf-8")).hexdigest()[:10]
        examples = tuple(dict.fromkeys(c.examples or [c.text]))  # each distinct line once
        pattern = expand_fragments(_line_pattern(*examples))
        # nothing longer than a line of chrome (yet room for numbers and months that differ)
        max_chars = min(2 * max(map(len, examples)) + 40, current().learn.max_chars)
        if not all(_matches(pattern, e) for e in examples):  # pragma: no cover - by construction
            pattern = "|".join(re.escape(e) for e in examples)
        rules.append(
            Rule(
                name=f"learned.{category}.{digest}",
                category=category,
                pattern=pattern,
                scope="line",
                max_chars=max_chars,
                description=f"seen on {c.count} of {pages} pages ({100 * c.count / pages:.1f} %)",
                examples=examples,
                source="learned",
                meta={
                    **({"site": site} if site else {}),
                    "pages": c.count,
                    "share": round(c.count / pages, 4),
                    "seen_in": list(c.seen_in),
                },
            )
        )
    return RuleSet(tuple(rules))


def passes(c: _Candidate, need: int) -> bool:
    """The tests a counted line must pass to be learned."""
    share = current().learn.max_heading_share
    return c.count >= need and not c.inside and c.headings <= share * c.count


def learn_rules(
    pages: Iterable[str],
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
    max_candidates: int = MAX_CANDIDATES,
    site: str = "",
) -> RuleSet:
    """Learn a site's boilerplate from an iterable of page texts (read once, streaming).
    `site` names the site in the rules' names and meta (for the pages of one site of many;
    `learn_site_rules` learns every site of a mixed dump in one pass)."""
    learner = Learner(min_pages, min_share, max_candidates)
    for i, text in enumerate(pages, start=1):
        if not isinstance(text, str):
            raise TypeError(f"page {i}: expected str, got {type(text).__name__}")
        learner.add(text)
    return learner.rules(site)


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _readable(pattern: str) -> str:
    """A pattern with the learned fragments written back as <<NAME>> (the inverse of
    `expand_fragments`, so that loading the file gives the same pattern)."""
    for name in ("NUMBERS", "MONTH", "GAP"):
        pattern = pattern.replace(expand_fragments(f"<<{name}>>"), f"<<{name}>>")
    return pattern


def write_rules(rules: RuleSet, path: str | Path, header: str = "") -> None:
    """Write rules in the packaged TOML form (loadable with `load_rules`). The sub-patterns
    learned rules share are written once, in the file's [fragments] table."""
    lines = []
    if header:
        lines += [f"# {h}" for h in header.splitlines()]
        lines.append("")
    body: list[str] = []
    used: set[str] = set()
    for r in rules:
        pattern = _readable(r.pattern)
        if "'''" in pattern:
            raise ValueError(f"rule {r.name!r}: pattern holds ''' and cannot be written")
        used.update(name for name in FRAGMENTS if f"<<{name}>>" in pattern)
        body += [
            "[[rule]]",
            f"name = {_toml_str(r.name)}",
            f"category = {_toml_str(r.category)}",
            f"scope = {_toml_str(r.scope)}",
            f"max_chars = {r.max_chars}",
            f"pattern = '''{pattern}'''",
            f"description = {_toml_str(r.description)}",
            f"examples = [{', '.join(_toml_str(e) for e in r.examples)}]",
        ]
        if r.meta:
            meta = ", ".join(
                f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in r.meta.items()
            )
            body.append(f"meta = {{ {meta} }}")
        body.append("")
    if "NUMBERS" in used:
        used.add("GAP")
    if used:
        lines += [
            "# Shared sub-patterns, used in the rules as <<NAME>>: GAP is one character between",
            "# words (space, punctuation, symbol, emoji); NUMBERS a run of numbers; MONTH a month.",
            "[fragments]",
        ]
        lines += [f"{name} = '''{FRAGMENTS[name]}'''" for name in FRAGMENTS if name in used]
        lines.append("")
    Path(path).write_text("\n".join(lines + body), encoding="utf-8")


# ---------------------------------------------------------------- many sites in one dump


def site_of(value: object) -> str:
    """The site a page belongs to, from its url or site field: the host of a URL (lower case,
    without port and a leading `www.`), a plain site name as it is, "" (one site for all) for
    none."""
    if not isinstance(value, str):
        return ""
    value = value.strip()
    if "://" in value or value.startswith("//"):
        try:
            host = urlsplit(value).hostname or ""
        except ValueError:  # a malformed URL (bad port, brackets): the text as it is
            return value
        return host.removeprefix("www.")
    return value


class SiteLearner:
    """Learn every site of a mixed dump in one streaming pass: a `Learner` per site, memory
    bounded per site (`max_candidates`), overall (`max_total`) and in sites (`max_sites`).

    Past `max_total` candidate lines, each site's lines that cannot reach its threshold are
    dropped, then the least frequent (by share of their site's pages); past `max_sites`, the
    sites with the fewest pages are dropped (their pages are counted in `untracked`; a site
    that comes back starts counting again). Every cap makes it learn less, never more."""

    def __init__(
        self,
        min_pages: int = MIN_PAGES,
        min_share: float = MIN_SHARE,
        max_candidates: int = MAX_CANDIDATES,
        max_total: int = MAX_TOTAL_CANDIDATES,
        max_sites: int = MAX_SITES,
    ) -> None:
        Learner(min_pages, min_share, max_candidates)  # checks the thresholds
        if max_total < 1 or max_sites < 1:
            raise ValueError("max_total and max_sites must be >= 1")
        self.min_pages, self.min_share = min_pages, min_share
        self.max_candidates, self.max_total, self.max_sites = max_candidates, max_total, max_sites
        self.sites: dict[str, Learner] = {}
        self.pages = 0
        self.untracked = 0  # pages of sites dropped by the max_sites cap
        self.total = 0  # candidate lines kept over all sites
        self.peak_total = 0

    def add(self, site: str, text: str, name: str = "") -> None:
        lines, inside = observe(text)
        self.add_observed(site, lines, inside, name)

    def add_observed(
        self, site: str, lines: list[tuple[str, str, bool]], inside: Iterable[str],
        name: str = "",
    ) -> None:
        """Count one page of `site` from what `observe` told of it."""
        self.pages += 1
        learner = self.sites.get(site)
        if learner is None:
            if len(self.sites) >= self.max_sites:
                self._drop_sites()
            learner = self.sites[site] = Learner(
                self.min_pages, self.min_share, self.max_candidates
            )
        before = len(learner.candidates)
        learner.add_observed(lines, inside, name)
        self.total += len(learner.candidates) - before
        if self.total > self.max_total:
            self._shrink()
        self.peak_total = max(self.peak_total, self.total)

    def _drop_sites(self) -> None:
        keep = max(1, self.max_sites * 3 // 4)
        ranked = sorted(self.sites.items(), key=lambda kv: -kv[1].pages)
        for site, learner in ranked[keep:]:
            self.untracked += learner.pages
            self.total -= len(learner.candidates)
            del self.sites[site]

    def _shrink(self) -> None:
        for learner in self.sites.values():  # what cannot reach its site's threshold
            learner._prune(math.ceil(learner.pages / learner.width))
        self.total = sum(len(lr.candidates) for lr in self.sites.values())
        if self.total <= self.max_total * 3 // 4:
            return
        shares = sorted(
            (c.count / lr.pages for lr in self.sites.values() for c in lr.candidates.values()),
            reverse=True,
        )
        floor = shares[self.max_total * 3 // 4]
        for lr in self.sites.values():
            lr.candidates = {k: c for k, c in lr.candidates.items() if c.count / lr.pages > floor}
        self.total = sum(len(lr.candidates) for lr in self.sites.values())

    def site_rules(self, base: Pipeline | None = None) -> SiteRules:
        """The learned rules of every site (sites that learned none are counted, not kept)."""
        rules = {}
        for site, learner in self.sites.items():
            learned = learner.rules(site)
            if len(learned):
                rules[site] = learned
        pages = {site: lr.pages for site, lr in self.sites.items()}
        return SiteRules(rules, pages, base)


class LearnedRules:
    """A site's learned rules as a step of their own, right after `normalize`: a learned rule
    takes its whole line before any packaged rule cuts a lead off it (adjacent rule cleaners
    are fused into one walk, in which lead cuts come first)."""

    def __init__(self, rules: RuleSet, name: str = "learned") -> None:
        from .cleaners.rules import RuleCleaner

        self.name = name
        self.rules = rules
        self._cleaner = RuleCleaner(name, rules)

    def __call__(self, page: Page) -> Page:
        return self._cleaner(page)

    def __repr__(self) -> str:
        return f"LearnedRules({len(self.rules)} rules)"


def with_learned(base: Pipeline, rules: RuleSet) -> Pipeline:
    """`base` with learned `rules` as their own step after `normalize` (see `LearnedRules`)."""
    if not len(rules):
        return base
    items = list(base.cleaners)
    at = items.index(normalize) + 1 if normalize in items else 0
    items.insert(at, LearnedRules(rules))
    return Pipeline(items)


class SiteRules:
    """The learned rules of each site, and each site's pipeline: `base` (default: the
    packaged pipeline) with the site's rules, built once per process and reused (at most
    `PIPELINE_CACHE` kept built at a time). Picklable: send it to workers as it is."""

    def __init__(
        self,
        rules: dict[str, RuleSet] | None = None,
        pages: dict[str, int] | None = None,
        base: Pipeline | None = None,
    ) -> None:
        self.rules = dict(rules or {})
        self.pages = dict(pages or {})
        self.base = base
        self._built: dict[str, Pipeline] = {}

    def __getstate__(self) -> dict:
        return {"rules": self.rules, "pages": self.pages, "base": self.base}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)

    def __len__(self) -> int:
        return len(self.rules)

    def __getitem__(self, site: str) -> RuleSet:
        return self.rules.get(site, RuleSet())

    def pipeline(self, site: str = "") -> Pipeline:
        """The pipeline for the pages of `site` (the base one for a site that learned nothing).
        A learned rule whose name the base pipeline has already (a rule file passed back with
        `--rules`) is left out: the file's version is used."""
        base = self.base or Pipeline.default()
        rules = self.rules.get(site)
        if not rules:
            return base
        p = self._built.get(site)
        if p is None:
            taken = {n for c in base.cleaners for n in getattr(getattr(c, "rules", None),
                                                               "names", ())}
            fresh = RuleSet(tuple(r for r in rules if r.name not in taken))
            p = with_learned(base, fresh)
            if len(self._built) >= PIPELINE_CACHE:
                self._built.pop(next(iter(self._built)))
            self._built[site] = p
        return p

    def run(self, text: str, site: str = "") -> Result:
        """Clean one page of `site`."""
        return self.pipeline(site).run(text)

    def digest(self) -> str:
        """A fingerprint of the rules (what a cleaned output depends on)."""
        h = hashlib.sha256()
        for site in sorted(self.rules):
            h.update(site.encode("utf-8", "surrogatepass") + b"\0")
            for r in self.rules[site]:
                h.update(f"{r.name}\0{r.pattern}\0{r.max_chars}\0".encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:32]

    def save(self, folder: str | Path, header: str = "") -> dict[str, Path]:
        """Write each site's rules to `folder/<site>.toml` (loadable with `load_rules`, and all
        together: the rule names hold the site). Returns site -> file."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written: dict[str, Path] = {}
        for site in sorted(self.rules):
            path = folder / f"{site_file_name(site)}.toml"
            note = (f"Site {site!r}: " if site else "All pages (no site given): ") + (
                f"learned from its {self.pages.get(site, 0)} pages."
            )
            write_rules(self.rules[site], path, f"{note}\n{header}".rstrip())
            written[site] = path
        return written


_UNSAFE = re.compile(r"[^\w.-]", re.ASCII)


def site_file_name(site: str) -> str:
    """A file name for a site's rules: the site itself when it is a safe name (a host), else
    a safe form of it with a hash (so two sites never share a file)."""
    if site and not _UNSAFE.search(site) and not site.startswith(".") and len(site) <= 100:
        return site
    digest = hashlib.sha1(site.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{_UNSAFE.sub('_', site)[:60].lstrip('.') or 'all-pages'}-{digest}"


def learn_site_rules(
    pages: Iterable[tuple[str, str]],
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
    max_candidates: int = MAX_CANDIDATES,
    base: Pipeline | None = None,
) -> SiteRules:
    """Learn each site's boilerplate from (site, page text) pairs of a mixed dump (read once,
    streaming; `site_of(url)` gives a page's site from its URL). Clean with the result:
    `site_rules.run(text, site)` or `site_rules.pipeline(site)`."""
    learner = SiteLearner(min_pages, min_share, max_candidates)
    for i, pair in enumerate(pages, start=1):
        site, text = pair
        if not isinstance(text, str):
            raise TypeError(f"page {i}: expected str, got {type(text).__name__}")
        learner.add(site_of(site), text)
    return learner.site_rules(base)

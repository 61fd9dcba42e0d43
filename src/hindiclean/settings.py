"""Every threshold of the cleaners in one immutable, documented object: `Settings`.

    >>> from hindiclean.settings import Settings
    >>> s = Settings().replace(**{"off_topic.min_chars": 50})
    >>> s.off_topic.min_chars, Settings().off_topic.min_chars
    (50, 40)

One section per cleaner or concern (`Settings().off_topic.min_chars`); the defaults are the
values the cleaners were tuned with. A pipeline runs its cleaners under its settings
(`Pipeline.default().with_settings(s)`, `Pipeline(..., settings=s)`, `clean(text, settings=s)`):
the pipeline makes them the *active* settings (a `contextvars` value) for the length of a run,
and each cleaner reads `current()` when it is called. Outside any pipeline, and in a pipeline
without settings of its own, the active settings are the defaults, unless a `use(s)` block
sets others. `Settings.from_toml(path)` reads a TOML file of the same sections as tables
(`[off_topic]` / `min_chars = 50`); a file need hold only the values it changes
(`hindiclean settings --toml` writes a template of all of them).

Not settings, on purpose: bounds inside the rule engine that change no output, only speed or
memory, and are used when something is compiled or cached, once per process:
`dispatch.MAX_CLASS_CHARS` (a character class larger than this counts as "any character" in the
first-character dispatch), `literals.MAX_SET`, `literals.MAX_CLASS` and
`literals.FLOAT_MIN_REPEAT` (the size of the literal gate's sets), `cleaners.rules.GATE_MIN_CHARS`
and `cleaners.rules.ENGINE_CACHE_SIZE` (which rules are gated, how many compiled engines are
kept), `text.CHARREF_MAX_DIGITS` and `text.CONTENT_MEMO_MAX` (a bound on `int()` of a character
reference, the size of the stem memo) and `learn.PIPELINE_CACHE` (per-site pipelines kept
built). `rules.REDOS_SAFE_REPEATS` is a safety bound of the check that refuses patterns which
can hang a run, applied when a rule is made: a module constant too.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from dataclasses import replace as _replace
from pathlib import Path
from typing import Any, ClassVar

try:  # Python >= 3.11
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def _f(default: int | float, doc: str, *, share: bool = False) -> Any:
    """A setting: its default and what it bounds (`share`: a fraction, 0 to 1)."""
    return field(default=default, metadata={"doc": doc, "share": share})


class _Section:
    """Checks a section's values when it is made: an int where the default is an int (a whole
    number as float is refused), a number where it is a float; none negative, shares at most 1."""

    name: ClassVar[str] = ""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            where = f"[{self.name}] {f.name}"
            if isinstance(value, bool) or not isinstance(value, int | float):
                kind = "an integer" if isinstance(f.default, int) else "a number"
                raise ValueError(f"{where}: expected {kind}, got {value!r}")
            if isinstance(f.default, int) and not isinstance(value, int):
                raise ValueError(f"{where}: expected an integer, got {value!r}")
            if isinstance(f.default, float):
                value = float(value)
                if not math.isfinite(value):
                    raise ValueError(f"{where}: expected a finite number, got {value!r}")
                object.__setattr__(self, f.name, value)
            if value < 0:
                raise ValueError(f"{where}: must be 0 or more, got {value!r}")
            if f.metadata.get("share") and value > 1:
                raise ValueError(f"{where}: a share, must be within 0..1, got {value!r}")


@dataclass(frozen=True)
class TopicSettings(_Section):
    """The shape of a page's lines, shared by every cleaner (`hindiclean.topic`)."""

    name: ClassVar[str] = "topic"
    paragraph_min_chars: int = _f(
        60, "a block shorter than this is never surely the article's prose (where the article "
        "starts: its first Hindi paragraph this long)"
    )
    headline_max_chars: int = _f(
        180, "a line longer than this is not headline-shaped (a story link, a subheading); "
        "cf. duplicates.headline_max_chars"
    )
    prose_min_words: int = _f(
        8, "a sentence with no Devanagari is the article's prose only with this many words "
        "(an English quote), else a headline or chrome"
    )
    signed_headline_min_chars: int = _f(
        25, "a sponsored headline signed with its advertiser ('... | Brand') has at least this "
        "many characters before the signature"
    )
    broken_max_commas: int = _f(
        2, "a line with more commas than this is a list of labels, not a sentence broken at a "
        "link"
    )
    fragment_max_lines: int = _f(
        2, "lines without a sentence end above a line starting with a continuing word "
        "(words/continuing.txt) that are pieces of its sentence, broken at links ..."
    )
    continuing_min_words: int = _f(
        5, "... when that line has a sentence end or at least this many words (not a widget "
        "title such as `और खबरें`)"
    )
    overlap_min_words: int = _f(
        3, "a line with fewer content words than this is too short to judge how much it shares "
        "with the article (off_topic, list scopes, teaser cards keep it)"
    )


@dataclass(frozen=True)
class RulesSettings(_Section):
    """The rule engine (`cleaners/rules.py`): how far a tail, a cut and a list header reach."""

    name: ClassVar[str] = "rules"
    tail_max_words: int = _f(
        400, "a tail rule ('Leave a Comment' and all after it) takes the rest of the page only "
        "when the rest has at most this many words ..."
    )
    tail_max_share: float = _f(
        0.35, "... and at most this share of the page's words", share=True
    )
    cut_max_chars: int = _f(
        400, "within one block, a tail or a prompt sentence longer than this is prose, not chrome"
    )
    tail_max_sentences: int = _f(
        2, "within one block, a tail (its marker and what follows) of more sentences than this "
        "is prose glued after the marker, not an author box"
    )
    list_max_items: int = _f(
        10, "a list header ('ये भी पढ़ें') takes at most this many headlines under it"
    )
    list_max_overlap: float = _f(
        0.2, "under a list header, a headline sharing less than this with the article is a "
        "link ...", share=True
    )
    list_long_max_overlap: float = _f(
        0.34, "... or less than this when it is at least list_long_chars long", share=True
    )
    list_long_chars: int = _f(
        40, "a headline at least this long is a story's headline rather than a subheading"
    )
    list_min_chars: int = _f(
        25, "under a list header, a line shorter than this is the article's subheading: the "
        "list ends"
    )
    list_trailing_chars: int = _f(
        20, "after the article's last sentence, a headline-shaped line this long under a list "
        "header is a link whatever words it shares"
    )
    heads_prose_near: int = _f(
        7, "a headline under a list header heads the article's next paragraph when prose comes "
        "within this many blocks (chrome between them allowed) ..."
    )
    heads_prose_window: int = _f(
        12, "... or prose sharing a content word with it within this many blocks"
    )
    glue_max_depth: int = _f(
        8, "pieces split off a block where chrome is glued to a sentence end are split again at "
        "most this deep"
    )
    word_glue_min_chars: int = _f(
        3, "a word glued inside one Devanagari token after chrome (`विज्ञापनखरगोन`) is split off "
        "only when it and the token's part before it have at least this many characters and it "
        "stands alone elsewhere on the page ..."
    )
    word_glue_max_head_words: int = _f(
        20, "... inside one of the block's first this many words (chrome before it included) ..."
    )
    word_glue_min_rest_words: int = _f(
        6, "... and the text from it to the block's end has at least this many words"
    )
    glued_headline_min_words: int = _f(
        5, "what follows a sentence end glued to it, to the block's end, is split off as a line "
        "of its own when it has a headline's shape and at least this many words"
    )
    link_max_dandas: int = _f(
        1, "a link line ('ये भी पढ़ें: ...') holding more sentences ended by a danda than this is "
        "body glued after a link: the block is kept (body first; a headline may end on '?')"
    )
    user_pattern_timeout: float = _f(
        0.25, "seconds one match of a user's (not packaged) pattern may take; past it the block "
        "is kept and the rule reported"
    )


@dataclass(frozen=True)
class NavigationSettings(_Section):
    """The breadcrumb detector of the `navigation` cleaner."""

    name: ClassVar[str] = "navigation"
    breadcrumb_max_chars: int = _f(300, "a line longer than this is never a breadcrumb")
    breadcrumb_min_separators: int = _f(
        2, "a breadcrumb has at least this many spaced separators (›, », >, /), all the same"
    )
    breadcrumb_max_section_words: int = _f(
        5, "each section of a breadcrumb but the last (the headline) has at most this many words"
    )
    ticker_max_chars: int = _f(200, "a strip of figures (weather, markets) is this long at most")
    ticker_min_cells: int = _f(
        2, "... and has at least this many cells each naming a figure with a unit (°, %) or an "
        "arrow (▲, ▼)"
    )
    ticker_min_plain_cells: int = _f(
        3, "... or at least this many cells joined by • or · (a widget's strip, not a table's "
        "`|` row), each a name and a number in at most ticker_cell_max_words words"
    )
    ticker_cell_max_words: int = _f(4, "... (the most words of such a cell)")
    breadcrumb_short_section_words: int = _f(
        3, "with one separator (›, », >, ▸, ⇨ ...), a breadcrumb's two sections have at most "
        "this many words each"
    )


@dataclass(frozen=True)
class MenusSettings(_Section):
    """The `menus` cleaner: menu bars and bylines in separator-delimited cells."""

    name: ClassVar[str] = "menus"
    min_cells: int = _f(3, "a menu, tab or language bar has at least this many cells ...")
    max_cell_words: int = _f(4, "... each of at most this many words ...")
    max_digit_cells: int = _f(1, "... and at most this many cells holding a digit")
    max_chars: int = _f(200, "a line longer than this is never a menu or a byline")
    table_window: int = _f(
        3, "a line with as many cells as a line at most this many lines away is a table row "
        "(body), not a menu"
    )
    byline_min_cells: int = _f(
        2, "a byline in cells (name | place | date) has at least this many cells ..."
    )
    byline_max_cells: int = _f(5, "... at most this many ...")
    byline_max_cell_words: int = _f(6, "... each of at most this many words")


@dataclass(frozen=True)
class DuplicatesSettings(_Section):
    """The `duplicates` cleaner: repeats, contained paragraphs, repeated headlines."""

    name: ClassVar[str] = "duplicates"
    headline_max_chars: int = _f(
        300, "a line longer than this is not looked at as a `Topic: headline` whose repeat "
        "follows; longer than topic.headline_max_chars (180) because a prefixed headline "
        "carries its topic and site name too"
    )
    headline_max_distance: int = _f(
        4, "the repeat of a prefixed headline is looked for this many kept blocks below it"
    )
    min_words: int = _f(
        4, "a block or headline of fewer words is never a contained or headline duplicate"
    )
    contained_max_peers: int = _f(
        64, "a block is compared with at most this many blocks holding its first sentence "
        "(bounds the work on degenerate pages)"
    )
    card_min_chars: int = _f(
        30, "a teaser card's doubled headline is at least this long"
    )
    teaser_min_own_overlap: float = _f(
        0.3, "the paragraph under a teaser card goes with it when the card's headline shares at "
        "least this with it ...", share=True
    )
    teaser_max_rest_overlap: float = _f(
        0.5, "... and less than this with the rest of the article", share=True
    )


@dataclass(frozen=True)
class LayoutSettings(_Section):
    """The `layout` cleaner: author bios, widget labels, the site's name, by position."""

    name: ClassVar[str] = "layout"
    bio_min_families: int = _f(
        3, "an author's bio uses words of at least this many bio word families (journalism, "
        "career, education, beat)"
    )
    bio_max_sentences: int = _f(
        8, "a bio is at most this many sentences; a longer run is prose about journalism"
    )
    bio_max_misses: int = _f(
        1, "sentences of a bio without a bio word (a hobby, a motto), at most"
    )
    bio_head_min_chars: int = _f(
        60, "what stands before a bio in its block is kept as the article's prose only when "
        "at least this long (else the block goes whole)"
    )
    label_max_words: int = _f(
        3, "after the article's last paragraph, a line of at most this many words and no "
        "sentence is a widget label"
    )
    latin_min_words: int = _f(
        4, "after the article's last paragraph, a Latin-only line of at least this many words "
        "is an SEO line"
    )
    site_name_max_words: int = _f(
        4, "the site's name above the headline has at most this many words ..."
    )
    site_name_min_chars: int = _f(4, "... and at least this many characters")
    masthead_max_words: int = _f(
        12, "a masthead (the site's name, then `|` or `—` and a tagline) has at most this many "
        "words; its name part is held to site_name_max_words"
    )
    site_name_max_candidates: int = _f(
        8, "only this many of a page's first short lines are looked up as the site's name "
        "(keeps a page of thousands of short lines linear)"
    )
    site_chrome_min_chars: int = _f(
        9, "removed chrome shorter than this is not searched for the site's name"
    )
    headline_min_words: int = _f(
        5, "a headline-shaped line of at least this many words is the page's headline (the "
        "site's name stands above it)"
    )
    above_headline_min_words: int = _f(
        6, "the page's headline, above which lines that are not prose go, has at least this "
        "many words ..."
    )
    above_headline_min_overlap: float = _f(
        0.2, "... shares at least this with the article's prose ...", share=True
    )
    above_headline_max_gap: int = _f(
        4, "... and stands at most this many lines above the first paragraph"
    )
    section_header_max_words: int = _f(
        8, "after the article, a section's header (a widget's or comment section's title) has "
        "at most this many words and no sentence end ..."
    )
    section_min_items: int = _f(2, "... and at least this many items under it ...")
    section_max_items: int = _f(
        12, "... of which at most this many are looked at (keeps a page of many short lines "
        "linear)"
    )
    section_link_min_chars: int = _f(
        25, "an item of a section is a link when at least this long (its list marker aside) ..."
    )
    section_link_max_overlap: float = _f(
        0.34, "... headline-shaped, and sharing less than this with the article", share=True
    )
    comment_min_words: int = _f(
        4, "a reader's comment (`Name: words`) holds at least this many words after the name"
    )


@dataclass(frozen=True)
class OffTopicSettings(_Section):
    """The `off_topic` cleaner: unmarked headlines of other stories."""

    name: ClassVar[str] = "off_topic"
    min_chars: int = _f(
        40, "a headline-shaped line is judged by its words alone only when this long ..."
    )
    min_content_words: int = _f(5, "... with at least this many content words ...")
    max_overlap: float = _f(
        0.3, "... and goes when it shares less than this with the article", share=True
    )
    trailing_min_chars: int = _f(
        30, "after the article's last sentence, a headline-shaped line this long ..."
    )
    trailing_min_content_words: int = _f(
        4, "... with this many content words is another story's headline"
    )
    run_min_links: int = _f(
        3, "a run of headline-shaped lines is a card list when it holds this many links ..."
    )
    run_min_chars: int = _f(30, "... each link at least this long ...")
    run_max_overlap: float = _f(
        0.25, "... sharing less than this with the article", share=True
    )
    run_card_max_overlap: float = _f(
        0.5, "... or less than this when the run is cards with section labels", share=True
    )
    run_min_labels: int = _f(
        2, "a run with this many section labels (short lines) in it is a list of cards"
    )
    run_label_max_words: int = _f(3, "a section label in a run has at most this many words")
    subheading_max_words: int = _f(
        8, "the last line of a run, over prose, is that paragraph's subheading when it has at "
        "most this many words"
    )
    story_max_overlap: float = _f(
        0.3, "a paragraph sharing less than this with the paragraphs above starts another "
        "story: the headline over it is kept", share=True
    )
    story_lead_max_gap: int = _f(
        3, "lines that are not prose (a subheading, a widget's links) allowed between a story's "
        "headline and its lead; past the first, the headline must stand under prose and the "
        "lead have a paragraph under it"
    )
    field_short_value_words: int = _f(
        4, "adjacent `label: value` lines are a record's fields (kept) when one value has at most "
        "this many words"
    )
    qa_min_pairs: int = _f(
        2, "questions over their answers are an interview's when this many share one label"
    )
    verse_min_lines: int = _f(
        4, "a run of at least this many short headline-shaped lines can be a poem (kept) ..."
    )
    verse_max_median_chars: int = _f(
        30, "... when its median line is shorter than this (the default is run_min_chars: "
        "shorter than a link)"
    )


@dataclass(frozen=True)
class LearnSettings(_Section):
    """`hindiclean learn` and `clean --learn`: what a site's recurring line must be."""

    name: ClassVar[str] = "learn"
    min_pages: int = _f(
        5, "a line is learned when it recurs on at least this many pages (--min-pages) ..."
    )
    min_share: float = _f(
        0.02, "... and on at least this share of them (--min-share)", share=True
    )
    max_chars: int = _f(200, "a learned line is at most this many characters")
    long_sentence_words: int = _f(
        12, "a sentence of this many words is agency copy or a quote, never learned"
    )
    max_heading_share: float = _f(
        0.2, "a line that heads the article's prose on more than this share of its pages is a "
        "recurring subheading, never learned", share=True
    )
    max_candidates: int = _f(
        200_000, "distinct lines counted per site at most: bounds memory (--max-candidates)"
    )
    max_total_candidates: int = _f(
        2_000_000, "clean --learn: distinct lines counted over all sites at most"
    )
    max_sites: int = _f(100_000, "clean --learn: sites counted at once")


@dataclass(frozen=True)
class Settings:
    """Every threshold of the cleaners, one section per cleaner or concern. Immutable: `replace`
    returns a new one. See the module's doc."""

    topic: TopicSettings = field(default_factory=TopicSettings)
    rules: RulesSettings = field(default_factory=RulesSettings)
    navigation: NavigationSettings = field(default_factory=NavigationSettings)
    menus: MenusSettings = field(default_factory=MenusSettings)
    duplicates: DuplicatesSettings = field(default_factory=DuplicatesSettings)
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    off_topic: OffTopicSettings = field(default_factory=OffTopicSettings)
    learn: LearnSettings = field(default_factory=LearnSettings)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            kind = f.default_factory  # type: ignore[misc]
            if type(value) is not kind:
                raise ValueError(f"[{f.name}]: expected {kind.__name__}, got {value!r}")

    def replace(self, **changes: Any) -> Settings:
        """A copy with some values changed: `replace(**{"off_topic.min_chars": 50})` (one
        field) or `replace(off_topic={"min_chars": 50})` (a section: a mapping, or a section
        object). Unknown names, wrong types and out-of-range values raise ValueError."""
        by_section: dict[str, dict[str, Any]] = {}
        whole: dict[str, Any] = {}
        for key, value in changes.items():
            section, dot, name = key.partition(".")
            if dot:
                by_section.setdefault(section, {})[name] = value
            elif isinstance(value, Mapping):
                by_section.setdefault(section, {}).update(value)
            else:
                whole[section] = value
        return self._merged(whole, by_section, "")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "") -> Settings:
        """Settings from `{section: {field: value}}` (a parsed TOML file); `source` names where
        the data came from in error messages."""
        known = [f.name for f in fields(cls)]
        for section, table in data.items():
            if section not in known:
                raise ValueError(
                    f"{source or 'settings'}: unknown settings section [{section}]; "
                    f"sections: {known}"
                )
            if not isinstance(table, Mapping):
                raise ValueError(
                    f"{source or 'settings'}: {section} must be a table ([{section}]) of "
                    f"settings, got {table!r}"
                )
        return cls()._merged({}, {k: dict(v) for k, v in data.items()}, source)

    @classmethod
    def from_toml(cls, path: str | Path) -> Settings:
        """Settings from a TOML file of sections as tables (`[off_topic]` / `min_chars = 50`);
        values it does not name keep their defaults. Errors name the file, section and field."""
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except OSError as exc:
            raise ValueError(f"{path}: cannot read the settings file ({exc.strerror})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{path}: not a valid TOML file ({exc})") from None
        return cls.from_dict(data, source=str(path))

    def _merged(
        self, whole: dict[str, Any], by_section: dict[str, dict[str, Any]], source: str
    ) -> Settings:
        prefix = f"{source}: " if source else ""
        known = {f.name: f for f in fields(self)}
        new: dict[str, Any] = {}
        for section in (*whole, *by_section):
            if section not in known:
                raise ValueError(
                    f"{prefix}unknown settings section [{section}]; sections: {list(known)}"
                )
        for section, value in whole.items():
            kind = known[section].default_factory  # type: ignore[misc]
            if type(value) is not kind:
                raise ValueError(f"{prefix}[{section}]: expected {kind.__name__}, got {value!r}")
            new[section] = value
        for section, values in by_section.items():
            base = new.get(section, getattr(self, section))
            names = [f.name for f in fields(base)]
            for name in values:
                if name not in names:
                    raise ValueError(
                        f"{prefix}[{section}] {name}: unknown setting; [{section}] has {names}"
                    )
            try:
                new[section] = _replace(base, **values)
            except ValueError as exc:
                raise ValueError(f"{prefix}{exc}") from None
        return _replace(self, **new)

    def items(self) -> Iterator[tuple[str, Any, str]]:
        """("section.field", value, description) of every setting, in order."""
        for sf in fields(self):
            section = getattr(self, sf.name)
            for f in fields(section):
                yield f"{sf.name}.{f.name}", getattr(section, f.name), f.metadata["doc"]

    def changed(self) -> dict[str, Any]:
        """{"section.field": value} of the values that differ from the defaults."""
        pairs = zip(self.items(), DEFAULTS.items(), strict=True)
        return {k: v for (k, v, _), (_, d, _) in pairs if v != d}

    def as_dict(self) -> dict[str, dict[str, Any]]:
        """{section: {field: value}}: what `from_dict` reads."""
        out: dict[str, dict[str, Any]] = {}
        for key, value, _doc in self.items():
            section, name = key.split(".")
            out.setdefault(section, {})[name] = value
        return out

    def to_toml(self) -> str:
        """These settings as a TOML file, each value under a comment saying what it bounds
        (`Settings.from_toml` reads it back)."""
        out = [
            "# hindiclean settings: every threshold of the cleaners. Delete what you do not",
            "# change (a missing value keeps its default); pass with --settings FILE.toml.",
        ]
        for sf in fields(self):
            section = getattr(self, sf.name)
            out += ["", f"[{sf.name}]", f"# {type(section).__doc__}"]
            for f in fields(section):
                out += textwrap.wrap(f.metadata["doc"], 96, initial_indent="# ",
                                     subsequent_indent="#   ")
                out.append(f"{f.name} = {_toml_value(getattr(section, f.name))}")
        return "\n".join(out) + "\n"


def _toml_value(value: int | float) -> str:
    if isinstance(value, float):
        return repr(value)
    return f"{value:_}" if value >= 10_000 else str(value)


DEFAULTS = Settings()
"""The default settings (what every cleaner was tuned with)."""


_ACTIVE: ContextVar[Settings] = ContextVar("hindiclean_settings", default=DEFAULTS)


def current() -> Settings:
    """The active settings: those of the pipeline running now, or of the innermost `use()`
    block; the defaults otherwise. Cleaners read it once per call."""
    return _ACTIVE.get()


@contextmanager
def use(settings: Settings) -> Iterator[Settings]:
    """Make `settings` the active ones inside the block (for this thread or task):

        with use(Settings().replace(**{"off_topic.min_chars": 50})):
            clean(text)
    """
    if not isinstance(settings, Settings):
        raise TypeError(f"expected Settings, got {type(settings).__name__}")
    token = _ACTIVE.set(settings)
    try:
        yield settings
    finally:
        _ACTIVE.reset(token)


def activate(settings: Settings) -> None:
    """Make `settings` the active ones from now on in this thread (a worker process sets its
    run's settings once, as it starts)."""
    if not isinstance(settings, Settings):
        raise TypeError(f"expected Settings, got {type(settings).__name__}")
    _ACTIVE.set(settings)

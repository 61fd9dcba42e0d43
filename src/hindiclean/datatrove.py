"""datatrove integration: `hindiclean.datatrove.HindiClean` as a step of a datatrove pipeline.

Needs `pip install -e '.[datatrove]'` (in the checkout). The step cleans `Document.text`,
counts removals by category in the step's stats and in `Document.metadata["hindiclean"]`, and
drops pages that come out empty (or keeps them, as you choose).
"""

from __future__ import annotations

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # the extra is not installed: say how to get it
    raise ImportError(
        f"hindiclean.datatrove needs datatrove ({exc.name or exc} is missing): "
        "pip install -e '.[datatrove]' in the hindiclean checkout"
    ) from None

from .learn import SiteRules, site_of
from .pipeline import DEFAULT, Pipeline
from .stats import removal_counts


class HindiClean(PipelineStep):
    """Clean Hindi news pages: the article alone, chrome removed, every removal counted."""

    name = "🧹 HindiClean"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        pipeline: Pipeline | None = None,
        drop_empty: bool = True,
        metadata_key: str = "hindiclean",
        site_rules: SiteRules | None = None,
        site_key: str = "url",
    ) -> None:
        """With `site_rules` (learned first, e.g. `learn_site_rules` over the reader's
        documents), each document is cleaned with `pipeline` plus the learned rules of its site:
        `site_of(doc.metadata[site_key])` (the host of a URL, or a site name)."""
        super().__init__()
        self.pipeline = pipeline or DEFAULT
        self.drop_empty = drop_empty
        self.metadata_key = metadata_key
        self.sites = None if site_rules is None else SiteRules(
            site_rules.rules, site_rules.pages, self.pipeline
        )
        self.site_key = site_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                if self.sites is None:
                    result = self.pipeline.run(doc.text)
                else:
                    site = site_of(doc.metadata.get(self.site_key))
                    result = self.sites.run(doc.text, site)
            counts = removal_counts(result.removals)
            for category, n in counts.items():
                if n:
                    self.stat_update(f"removed_{category}", value=n)
            doc.metadata[self.metadata_key] = {
                "removed": counts,
                "chars_in": len(doc.text),
                "chars_out": len(result.text),
            }
            doc.text = result.text
            if not doc.text and self.drop_empty:
                self.stat_update(StatHints.dropped)
                continue
            self.stat_update(StatHints.forwarded)
            yield doc

"""The `layout` cleaner: chrome found by where it stands on the page, after the article ends.

- an author's bio at the very end (sentences about the writer's career, training and beat);
- short widget labels and Latin-only SEO lines after the last paragraph of the article.
Anchored on the article's last sentence (or list item, or table row), which no cleaner after this
one removes, so a second run finds the same anchor and removes nothing more.
"""

from __future__ import annotations

import re

from ..page import Page
from ..text import ends_sentence, has_devanagari, has_latin
from ..topic import is_list_or_table, is_paragraph, is_prose

# Families of words an author's bio is made of; a bio hits at least BIO_MIN_FAMILIES of them.
_BIO_FAMILIES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"पत्रकारिता|पत्रकार|जर्नलिज्म|journalis|मीडिया|संपादक|रिपोर्टिंग|रिपोर्टर|संवाददाता|"
        r"एडिटर|न्यूज रूम|न्यूजरूम|डिजिटल|अखबार|डेस्क",
        r"वर्षों से|साल से|दशक|अनुभव|सेवाएं दे|जुड़े हैं|जुड़ी हैं|जुड़े रहे|जुड़ी रहीं|काम कर चुके|"
        r"काम कर चुकी|काम किया है|कार्यरत|सक्रिय हैं|सफर|इससे पहले|से पहले वे|से पहले वह",
        r"IIMC|जनसंचार|डिप्लोमा|डिग्री|पढ़ाई की|ग्रेजुएशन|विश्वविद्यालय|university|मास कम्युनिकेशन|"
        r"सर्टिफिकेशन|स्नातक",
        r"लिखते हैं|लिखती हैं|रुचि|शौक|शौकीन|नजर रखते|नजर रखती|कवर करते|कवर करती|बीट|विशेषज्ञता|"
        r"पकड़ है|समीक्षा कर|लिखते रहे|लिखती रही",
    )
)
BIO_MIN_FAMILIES = 3
LABEL_MAX_WORDS = 3
_TIME_STAMP = re.compile(r"[0-9०-९]{1,2}[:.][0-9०-९]{2}")


def is_author_bio(text: str) -> bool:
    return sum(1 for fam in _BIO_FAMILIES if fam.search(text)) >= BIO_MIN_FAMILIES


def _trailing_label(text: str) -> bool:
    """A widget label: a few words, no sentence, no list item, table row or time stamp."""
    if ends_sentence(text) or is_list_or_table(text) or _TIME_STAMP.search(text):
        return False
    return len(text.split()) <= LABEL_MAX_WORDS


def _trailing_latin(text: str) -> bool:
    """A Latin-only line (SEO description, English slug) after the article's last paragraph."""
    return (
        has_latin(text)
        and not has_devanagari(text)
        and not ends_sentence(text)
        and len(text.split()) >= 4
        and not is_list_or_table(text)
    )


class Layout:
    """Remove the author bio and the widget residue that follow the article's last paragraph."""

    name = "layout"

    def __call__(self, page: Page) -> Page:
        blocks = page.blocks
        drop: dict[int, tuple[str, str]] = {}
        anchor = None
        for i in range(len(blocks) - 1, -1, -1):
            text = blocks[i].text
            if is_paragraph(text) and is_author_bio(text):
                drop[i] = ("metadata", "layout.author_bio")
            elif is_prose(text) or is_list_or_table(text):
                anchor = i
                break
        if anchor is None:
            return page
        for i in range(anchor + 1, len(blocks)):
            if i in drop:
                continue
            text = blocks[i].text
            if _trailing_label(text):
                drop[i] = ("navigation", "layout.trailing_label")
            elif _trailing_latin(text):
                drop[i] = ("navigation", "layout.trailing_latin")
        return page.without(drop)


layout = Layout()

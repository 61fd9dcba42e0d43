"""A generator of site dumps for the learning tests and benchmark.

Pages of several invented sites, each site with its own chrome lines that no packaged rule
knows (a newsletter line, a footer sentence, a widget title, a desk name), around unique body
paragraphs; some body recurs on purpose: agency copy pasted on many pages of every site, and
each site's recurring subheading over a paragraph. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Site:
    name: str
    top: tuple[str, ...]  # above the headline
    middle: tuple[str, ...]  # widget titles between paragraphs, over links to other stories
    bottom: tuple[str, ...]  # after the article
    subheading: str  # the site's recurring subheading (body)


SITES = (
    Site(
        "khabarlahar",
        ("खबरलहर ई-पेपर", "पटना संस्करण"),
        ("खबरलहर विशेष रिपोर्ट",),
        ("खबरलहर के साप्ताहिक बुलेटिन के लिए अपना ईमेल पता यहां दर्ज कीजिए",
         "खबरलहर मीडिया हाउस, बोरिंग रोड, पटना द्वारा संचालित"),
        "पूरा मामला क्या है",
    ),
    Site(
        "gaonsamachar",
        ("गांव समाचार डिजिटल", "शेखावाटी अंचल"),
        ("आज की चौपाल",),
        ("गांव समाचार की हर रविवार आने वाली चिट्ठी पाने के लिए पंजीकरण कीजिए",
         "संपर्क: गांव समाचार कार्यालय, सीकर रोड, जयपुर"),
        "किसानों पर असर",
    ),
    Site(
        "nagardarpan",
        ("नगर दर्पण लाइव", "इंदौर सिटी"),
        ("दर्पण की नजर से",),
        ("नगर दर्पण पर प्रकाशित सामग्री का पुनः उपयोग लिखित अनुमति से ही करें",
         "नगर दर्पण रीडर्स क्लब से जुड़ने के लिए 9 अंकों का सदस्य कोड भरें"),
        "आगे क्या होगा",
    ),
    Site(
        "pahadvani",
        ("पहाड़ वाणी", "गढ़वाल अंचल"),
        ("पहाड़ की आवाज",),
        ("पहाड़ वाणी के पाठक मंच में अपनी राय भेजने के लिए नीचे दिया गया फॉर्म भरें",
         "पहाड़ वाणी ट्रस्ट द्वारा प्रकाशित, मसूरी रोड, देहरादून"),
        "लोगों ने क्या कहा",
    ),
)

AGENCY = (
    "नई दिल्ली, 5 मार्च (भाषा)। केंद्र सरकार ने बृहस्पतिवार को बताया कि इस साल गेहूं की सरकारी "
    "खरीद पिछले साल से दस फीसदी ज्यादा रही है और किसानों को भुगतान समय पर किया गया है।",
    "मुंबई, 12 जून (आईएएनएस)। भारतीय रिजर्व बैंक ने नीतिगत दर को 6.5 फीसदी पर स्थिर रखा है और "
    "कहा है कि महंगाई पर नजर रखते हुए आगे के फैसले आंकड़ों के आधार पर लिए जाएंगे।",
    "लखनऊ, 3 अगस्त (वार्ता)। मौसम विभाग ने अगले 48 घंटों में प्रदेश के पूर्वी जिलों में भारी बारिश "
    "की चेतावनी जारी की है और लोगों से नदियों के किनारे न जाने की अपील की है।",
)

_PEOPLE = ("रमेश कुमार", "सुनीता देवी", "अजय सिंह", "फातिमा बेगम", "विकास यादव", "प्रिया शर्मा",
           "मोहन लाल", "गीता चौहान", "अनिल मिश्रा", "रुखसाना खान")
_PLACES = ("सीवान", "गया", "कोटा", "भीलवाड़ा", "उज्जैन", "सागर", "टिहरी", "अल्मोड़ा", "बक्सर", "झुंझुनू",
           "रीवा", "हल्द्वानी")
_TOPICS = ("सड़क निर्माण", "पेयजल योजना", "स्कूल भवन", "अस्पताल विस्तार", "फसल बीमा", "बिजली कटौती",
           "पुल मरम्मत", "राशन वितरण", "बस सेवा", "नहर सफाई")
_VERBS = ("शुरू किया", "पूरा किया", "रोक दिया", "मंजूर किया", "जांच के आदेश दिए", "बजट बढ़ाया")


def _paragraph(rng: random.Random, uid: int) -> str:
    who, where = rng.choice(_PEOPLE), rng.choice(_PLACES)
    topic, verb = rng.choice(_TOPICS), rng.choice(_VERBS)
    n = rng.randint(2, 900)
    return (
        f"{where} जिले में {topic} को लेकर प्रशासन ने {verb} है और {who} ने बताया कि इससे करीब "
        f"{n} परिवारों को फायदा होगा। स्थानीय लोगों ने काम की रफ्तार पर सवाल भी उठाए हैं और "
        f"मामले की सुनवाई {uid % 28 + 1} तारीख को होगी।"
    )


@dataclass
class DumpPage:
    site: str
    text: str
    body: list[str]
    chrome: list[str]  # the site's invented chrome lines on this page


def generate(pages: int, seed: int = 7, sites: tuple[Site, ...] = SITES) -> list[DumpPage]:
    """`pages` pages spread over the sites."""
    rng = random.Random(seed)
    out = []
    for uid in range(pages):
        site = sites[uid % len(sites)]
        headline = (
            f"{rng.choice(_PLACES)} में {rng.choice(_TOPICS)} पर {rng.choice(_VERBS)}, "
            f"{rng.choice(_PEOPLE)} बोले- काम {uid} दिन में पूरा होगा"
        )
        body = [headline, _paragraph(rng, uid)]
        if rng.random() < 0.3:
            body += [site.subheading, _paragraph(rng, uid + 1)]
        if rng.random() < 0.25:
            body.append(rng.choice(AGENCY))
        body.append(_paragraph(rng, uid + 2))
        chrome_top = [line for line in site.top if rng.random() < 0.9]
        chrome_mid = [line for line in site.middle if rng.random() < 0.6]
        chrome_bottom = [line for line in site.bottom if rng.random() < 0.9]
        widget = []
        for title in chrome_mid:  # a widget: its title, then headlines of other stories
            widget.append(title)
            widget += [
                f"{rng.choice(_PLACES)} में {rng.choice(_TOPICS)} पर बवाल, {rng.randint(2, 99)} लोग हिरासत में"
                for _ in range(2)
            ]
        lines = chrome_top + body[:2] + widget + body[2:] + chrome_bottom
        out.append(
            DumpPage(site.name, "\n".join(lines) + "\n", body, chrome_top + chrome_mid + chrome_bottom)
        )
    return out

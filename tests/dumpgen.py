"""A generator of site dumps for the learning tests and benchmark.

Pages of several invented sites, each site with its own chrome lines that no packaged rule
knows (a newsletter line, a footer sentence, a widget title, a desk name), around unique body
paragraphs; some body recurs on purpose: agency copy pasted on many pages of every site, and
each site's recurring subheading over a paragraph. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path


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


# ---------------------------------------------------------------- a multi-site crawl

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Portal:
    """A site of the multi-site dump: its host and the chrome real portals carry."""

    host: str
    brand: str
    top: tuple[str, ...]  # brand line, edition, menu, e-paper: above the headline
    byline: str  # the desk or bureau line under the headline
    updated: str  # a time stamp line, {d} {m} {y} {hh}:{mm} filled in per page
    widget: str  # a widget title between paragraphs, over links to other stories
    bottom: tuple[str, ...]  # newsletter, app, follow, address, copyright
    subheading: str  # a recurring subheading over prose (body)
    stock: tuple[str, ...]  # stock sentences the site's reporters end paragraphs with (body)
    dateline: str  # the site's dateline form opening the first paragraph (body)


PORTALS = (
    Portal("khabarlahar.in", "खबरलहर",
           ("खबरलहर ई-पेपर", "पटना संस्करण | बिहार | देश | खेल | मनोरंजन | वीडियो"),
           "खबरलहर डेस्क, पटना", "अपडेटेड: {d} {m} {y}, {hh}:{mm} IST", "खबरलहर विशेष रिपोर्ट",
           ("खबरलहर के साप्ताहिक बुलेटिन के लिए अपना ईमेल पता यहां दर्ज कीजिए",
            "खबरलहर मीडिया हाउस, बोरिंग रोड, पटना द्वारा संचालित",
            "© {y} खबरलहर डिजिटल। सर्वाधिकार सुरक्षित।"),
           "पूरा मामला क्या है",
           ("पुलिस मामले की जांच कर रही है।", "घटना के बाद इलाके में तनाव का माहौल है।"),
           "पटना, {d} {m} (खबरलहर)। "),
    Portal("gaonsamachar.com", "गांव समाचार",
           ("गांव समाचार डिजिटल", "शेखावाटी अंचल"),
           "गांव समाचार संवाददाता, सीकर", "प्रकाशित: {d}/{mm}/{y} {hh}:{mm}",
           "आज की चौपाल",
           ("गांव समाचार की हर रविवार आने वाली चिट्ठी पाने के लिए पंजीकरण कीजिए",
            "संपर्क: गांव समाचार कार्यालय, सीकर रोड, जयपुर",
            "गांव समाचार ऐप डाउनलोड करें और खबरें अपनी भाषा में पढ़ें"),
           "किसानों पर असर",
           ("किसानों ने प्रशासन से जल्द राहत की मांग की है।", "गांव के लोगों ने इस फैसले का स्वागत किया है।"),
           "सीकर, {d} {m}। "),
    Portal("nagardarpan.co.in", "नगर दर्पण",
           ("नगर दर्पण लाइव", "इंदौर सिटी", "होम › शहर › इंदौर"),
           "नगर दर्पण न्यूज नेटवर्क", "Last Updated: {d} {m} {y} | {hh}:{mm}", "दर्पण की नजर से",
           ("नगर दर्पण पर प्रकाशित सामग्री का पुनः उपयोग लिखित अनुमति से ही करें",
            "नगर दर्पण रीडर्स क्लब से जुड़ने के लिए 9 अंकों का सदस्य कोड भरें"),
           "आगे क्या होगा",
           ("नगर निगम ने जल्द काम पूरा करने का भरोसा दिलाया है।",),
           "इंदौर, {d} {m} (नप्र)। "),
    Portal("pahadvani.org", "पहाड़ वाणी",
           ("पहाड़ वाणी", "गढ़वाल अंचल | कुमाऊं | देहरादून | पर्यटन"),
           "पहाड़ वाणी ब्यूरो", "अंतिम अपडेट {d} {m} {y} {hh}:{mm}", "पहाड़ की आवाज",
           ("पहाड़ वाणी के पाठक मंच में अपनी राय भेजने के लिए नीचे दिया गया फॉर्म भरें",
            "पहाड़ वाणी ट्रस्ट द्वारा प्रकाशित, मसूरी रोड, देहरादून",
            "हमें फेसबुक, एक्स और यूट्यूब पर फॉलो करें"),
           "लोगों ने क्या कहा",
           ("पहाड़ों में मौसम को लेकर अलर्ट जारी है।",),
           "देहरादून, {d} {m}। "),
    Portal("rajdhanitimes.news", "राजधानी टाइम्स",
           ("राजधानी टाइम्स | दिल्ली-एनसीआर", "ताजा खबरें | राजनीति | अपराध | कारोबार | ई-पेपर"),
           "राजधानी टाइम्स ब्यूरो, नई दिल्ली", "Published: {d} {m} {y} {hh}:{mm} pm",
           "राजधानी में आज",
           ("राजधानी टाइम्स के व्हाट्सएप चैनल से जुड़ें और हर बड़ी खबर सबसे पहले पाएं",
            "कॉपीराइट © {y} राजधानी टाइम्स मीडिया प्राइवेट लिमिटेड",
            "विज्ञापन के लिए संपर्क करें: 011-4567 8910"),
           "विपक्ष का आरोप",
           ("दिल्ली पुलिस ने इस मामले में एफआईआर दर्ज कर ली है।", "अधिकारियों ने इस पर कोई टिप्पणी नहीं की।"),
           "नई दिल्ली, {d} {m}। "),
    Portal("malwaprabhat.com", "मालवा प्रभात",
           ("मालवा प्रभात", "उज्जैन संस्करण"),
           "मालवा प्रभात प्रतिनिधि", "{d} {m} {y}, {hh}:{mm}", "मालवा की खबरें",
           ("मालवा प्रभात का ई-पेपर पढ़ने के लिए सदस्यता लें",
            "मालवा प्रभात प्रकाशन, फ्रीगंज, उज्जैन",
            "इस खबर पर अपनी राय कमेंट बॉक्स में लिखें"),
           "श्रद्धालुओं के लिए इंतजाम",
           ("महाकाल मंदिर समिति ने श्रद्धालुओं से सहयोग की अपील की है।",),
           "उज्जैन, {d} {m} (मप्र)। "),
    Portal("bundelkhandlive.in", "बुंदेलखंड लाइव",
           ("बुंदेलखंड लाइव", "झांसी | ललितपुर | बांदा | महोबा | चित्रकूट"),
           "बुंदेलखंड लाइव टीम", "अपडेट {d} {m} {y} {hh}:{mm} बजे", "बुंदेलखंड की आवाज",
           ("बुंदेलखंड लाइव को गूगल न्यूज पर फॉलो करें",
            "खबर भेजें: बुंदेलखंड लाइव, सीपरी बाजार, झांसी",
            "बुंदेलखंड लाइव पर प्रकाशित विचार लेखकों के निजी हैं"),
           "पानी का संकट",
           ("जिला प्रशासन ने टैंकरों से पानी पहुंचाने का इंतजाम किया है।",),
           "झांसी, {d} {m}। "),
    Portal("sahyadrisamachar.in", "सह्याद्रि समाचार",
           ("सह्याद्रि समाचार", "पुणे | मुंबई | नासिक | कोल्हापुर"),
           "सह्याद्रि समाचार सेवा", "Updated {m} {d}, {y} {hh}:{mm} IST", "महाराष्ट्र राउंडअप",
           ("सह्याद्रि समाचार की सुबह की सुर्खियां ईमेल पर पाने के लिए साइन अप करें",
            "सह्याद्रि समाचार, शिवाजीनगर, पुणे द्वारा प्रकाशित एवं प्रसारित",
            "Download the Sahyadri Samachar app"),
           "सरकार का पक्ष",
           ("राज्य सरकार ने इस पर जल्द फैसला लेने की बात कही है।",),
           "पुणे, {d} {m} (सस)। "),
)

_MONTH_NAMES = ("जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
                "अक्टूबर", "नवंबर", "दिसंबर")


def _real_text() -> tuple[list[str], list[str]]:
    """Headlines and body paragraphs of the real and sample articles in the repository."""
    import json

    articles = [json.loads(line)["expected"] for line in
                (ROOT / "tests" / "data" / "gold" / "real.jsonl").read_text("utf-8").splitlines()
                if line.strip()]
    articles += [p.read_text("utf-8") for p in sorted((ROOT / "corpus_samples").glob("*.expected.txt"))]
    headlines, paragraphs = [], []
    for text in articles:
        lines = [x.strip() for x in text.splitlines() if x.strip()]
        if lines:
            headlines.append(lines[0])
        paragraphs += [x for x in lines[1:] if len(x.split()) >= 12 and x[-1] in "।?.!\"'”"]
    return headlines, sorted(set(paragraphs))


@dataclass
class CrawlPage:
    site: str  # the host
    url: str
    text: str
    body: list[str]  # whole lines of body (subheadings, stock lines and agency copy included)
    chrome: list[str]  # the site's recurring chrome lines on this page


def crawl(pages_per_site: int = 50, seed: int = 11, portals: tuple[Portal, ...] = PORTALS,
          small_site_pages: int = 3) -> list[CrawlPage]:
    """A mixed crawl: `pages_per_site` pages of each portal, interleaved, plus a small site
    (`small_site_pages` pages, fewer than learning needs). Bodies are real paragraphs; on a
    third of a site's pages an agency paragraph; recurring subheadings; stock sentences that
    end paragraphs (and now and then stand alone); each page's chrome from its site."""
    rng = random.Random(seed)
    headlines, paragraphs = _real_text()
    out: list[CrawlPage] = []
    uid = 0
    for _ in range(pages_per_site):
        for site in portals:
            out.append(_portal_page(rng, site, uid, headlines, paragraphs))
            uid += 1
    small = Portal("chhotiakhbar.in", "छोटी अखबार", ("छोटी अखबार डॉट इन",), "छोटी अखबार डेस्क",
                   "{d}.{mm}.{y}", "छोटी अखबार खास", ("छोटी अखबार से जुड़ने के लिए धन्यवाद",),
                   "क्या बोले अधिकारी", ("आगे की जानकारी का इंतजार है।",), "भोपाल, {d} {m}। ")
    for _ in range(small_site_pages):
        out.insert(rng.randrange(len(out) + 1), _portal_page(rng, small, uid, headlines, paragraphs))
        uid += 1
    return out


def _portal_page(rng: random.Random, site: Portal, uid: int, headlines: list[str],
                 paragraphs: list[str]) -> CrawlPage:
    d, mm = rng.randint(1, 28), rng.randint(1, 12)
    when = {"d": d, "m": _MONTH_NAMES[mm - 1], "y": rng.choice((2024, 2025)), "mm": f"{mm:02d}",
            "hh": f"{rng.randint(0, 23):02d}"}
    fill = lambda s: s.replace("{mm}", when["mm"]).format(**when)  # noqa: E731
    headline = f"{rng.choice(_PLACES)}: {rng.choice(headlines)} ({uid})"
    paras = rng.sample(paragraphs, rng.randint(3, 5))
    paras[0] = fill(site.dateline) + paras[0]
    if rng.random() < 0.4:  # a stock sentence ends a paragraph
        i = rng.randrange(len(paras))
        paras[i] = paras[i] + " " + rng.choice(site.stock)
    body = [headline, paras[0]]
    if rng.random() < 0.3:
        body += [site.subheading, paras[1]]
        rest = paras[2:]
    else:
        rest = paras[1:]
    body += rest
    if rng.random() < 1 / 3:  # agency copy on a third of the pages
        body.insert(rng.randint(2, len(body)), rng.choice(AGENCY))
    if rng.random() < 0.15:  # a stock sentence on a line of its own
        body.append(rng.choice(site.stock))
    top = [line for line in site.top if rng.random() < 0.9]
    byline = [site.byline] if rng.random() < 0.9 else []
    updated = [fill(site.updated)] if rng.random() < 0.9 else []
    widget = []
    if rng.random() < 0.6:
        widget = [site.widget] + [
            f"{rng.choice(_PLACES)} में {rng.choice(_TOPICS)} पर बवाल, {rng.randint(2, 99)} लोग हिरासत में"
            for _ in range(2)
        ]
    bottom = [fill(line) for line in site.bottom if rng.random() < 0.9]
    lines = top + body[:1] + byline + updated + body[1:2] + widget + body[2:] + bottom
    chrome = top + byline + updated + widget[:1] + bottom
    url = f"https://www.{site.host}/news/{uid}-story.html"
    return CrawlPage(site.host, url, "\n".join(lines) + "\n", body, chrome)

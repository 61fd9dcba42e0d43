"""Hypothesis generators for the property tests: pools of body and boilerplate lines, pages
built from them, and arbitrary text heavy in what raw Hindi news dumps are made of.

All body and boilerplate text here is invented for the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

# --- body ----------------------------------------------------------------------------------------
#
# Body lines come in stories (themes), so that a page is about one thing, as real pages are: the
# library compares headline-shaped lines with the words of the article, and a page of random
# paragraphs would test an input no site produces. A page holds one story, sometimes two (dumps
# that pasted two articles into one file: both are body).


@dataclass(frozen=True)
class Story:
    headline: str
    standfirst: str
    # Units of content, each one or more lines that stand together (a question and its answer,
    # a table); in any order.
    contents: tuple[tuple[str, ...], ...]
    # Lines that head what follows them: subheadings, live-blog time stamps. Always followed by
    # content on a generated page (a subheading has a paragraph under it).
    headings: tuple[str, ...]


def _units(*items) -> tuple[tuple[str, ...], ...]:
    return tuple((u,) if isinstance(u, str) else tuple(u) for u in items)


STORIES = (
    Story(
        headline="किसानों के लिए नई सिंचाई योजना, ड्रिप उपकरण पर 80 फीसदी अनुदान",
        standfirst="सरकार की नई सिंचाई योजना से प्रदेश के करीब 10 लाख किसानों को सीधा फायदा होगा।",
        contents=_units(
            "लखनऊ, 4 मार्च (भाषा)। उत्तर प्रदेश सरकार ने बुधवार को किसानों के लिए नई सिंचाई योजना की "
            "घोषणा की, जिसके तहत छोटे और सीमांत किसानों को ड्रिप सिंचाई उपकरण पर 80 फीसदी अनुदान मिलेगा।",
            "कृषि मंत्री ने बताया कि योजना का लाभ पहले चरण में प्रदेश के 25 जिलों को मिलेगा और इसके "
            "लिए 1,200 करोड़ रुपये का बजट रखा गया है।",
            "इस लेख में, हम जानेंगे कि किसान इस योजना का लाभ कैसे उठा सकते हैं और आवेदन के लिए कौन "
            "से कागज जरूरी हैं।",
            "विपक्ष ने योजना को चुनावी घोषणा बताया।",
            "- आवेदन की आखिरी तारीख 30 अप्रैल है",
            "- खतौनी और आधार कार्ड की प्रति साथ रखें",
            (
                "1. सबसे पहले कृषि विभाग के पोर्टल पर जाकर पंजीकरण करें।",
                "2. इसके बाद खेत का रकबा और बैंक खाते का विवरण भरें।",
            ),
        ),
        headings=("किसानों को क्या मिलेगा", "कैसे करें आवेदन", "निष्कर्ष:"),
    ),
    Story(
        headline="लखनऊ में मूसलाधार बारिश से जलभराव, कई इलाकों में यातायात ठप",
        standfirst="भारी बारिश के चलते प्रशासन ने अगले दो दिन के लिए स्कूल बंद रखने का आदेश दिया है।",
        contents=_units(
            "मौसम विभाग के अनुसार अगले 48 घंटों में पूर्वी उत्तर प्रदेश के कई जिलों में भारी बारिश हो "
            "सकती है, इसलिए प्रशासन ने स्कूलों में छुट्टी घोषित कर दी है।",
            "शहर के निचले इलाकों में पानी भर जाने से लोगों को घरों से निकलने में परेशानी हुई। नगर "
            "निगम की टीमें देर रात तक पंप लगाकर पानी निकालती रहीं।",
            '"Heavy to very heavy rainfall is likely at isolated places over east Uttar Pradesh," '
            "the Met department said in its bulletin.",
            "हजरतगंज में सबसे ज्यादा पानी भरा।",
            ("शहर | तापमान | बारिश", "लखनऊ | 29 डिग्री | 112 मिमी", "गोरखपुर | 31 डिग्री | 48 मिमी"),
        ),
        headings=("10:45 AM (IST)", "08:50 PM (IST)", "स्कूल बंद, दफ्तरों में कम हाजिरी", "आगे क्या?"),
    ),
    Story(
        headline="Business: त्योहारी सीजन में कंपनियों का विज्ञापन खर्च रिकॉर्ड स्तर पर",
        standfirst="इस साल त्योहारी सीजन में कंपनियां विज्ञापन पर पिछले साल से 18 फीसदी ज्यादा खर्च करेंगी।",
        contents=_units(
            "त्योहारी सीजन में टीवी विज्ञापन की दरें 20 फीसदी तक बढ़ गई हैं और छोटे ब्रांड डिजिटल "
            "माध्यम की ओर जा रहे हैं।",
            "Advertisement खर्च के मामले में ई-कॉमर्स कंपनियां इस साल भी सबसे आगे रहीं, जबकि ऑटो "
            "कंपनियां दूसरे नंबर पर हैं।",
            "विज्ञापन मुक्त शहर बनाने के लिए नगर निगम ने अवैध होर्डिंग हटाने का अभियान शुरू किया, "
            "जिससे आउटडोर विज्ञापन कंपनियों की कमाई घटी है।",
            "बाजार विश्लेषकों का कहना है कि विज्ञापन पर बढ़ते खर्च से मीडिया कंपनियों के शेयर 12 "
            "फीसदी तक चढ़ गए हैं।",
            "कंपनी ने विज्ञापन पर 500 करोड़ रुपये खर्च किए।",
            '"Brands are spending more on digital advertising than ever before," said an industry analyst.',
            (
                "माध्यम | 2024 | 2025",
                "टीवी | 32,000 करोड़ | 35,500 करोड़",
                "डिजिटल | 40,000 करोड़ | 49,000 करोड़",
            ),
        ),
        headings=("बाजार का हाल", "डिजिटल विज्ञापन सबसे आगे"),
    ),
    Story(
        headline="लोक गायिका के यूट्यूब चैनल के 10 लाख सब्सक्राइबर पूरे",
        standfirst="गांव की लोक गायिका का चैनल एक साल में देश के सबसे तेजी से बढ़ते चैनलों में शामिल हो गया।",
        contents=_units(
            "गायिका के वीडियो को एक हफ्ते में 50 लाख लोगों ने शेयर किया और उनके फॉलोअर्स दोगुने हो गए।",
            "यूट्यूबर ने अपने दर्शकों से कहा कि वे चैनल को सब्सक्राइब करें, जिसके बाद एक दिन में दो "
            "लाख नए सब्सक्राइबर जुड़े।",
            "राज्य सरकार ने लोक कलाकारों के लिए नया ऐप लॉन्च किया, जिसे पहले ही हफ्ते में 10 लाख "
            "लोगों ने डाउनलोड किया।",
            "मुख्यमंत्री ने लोगों से अपील की कि वे लोक संगीत के आधिकारिक चैनल को फॉलो करें।",
            "चैनल के 10 लाख सब्सक्राइबर हो गए हैं।",
            '"I never thought my folk songs would reach so many people," she told reporters.',
            "Follow-on public offer से म्यूजिक कंपनी ने 1,800 करोड़ रुपये जुटाए।",
        ),
        headings=("गांव से यूट्यूब तक", "ऐप पर भी लोकप्रिय"),
    ),
    Story(
        headline="पासपोर्ट नवीनीकरण के नियम बदले, जानें क्या है नई प्रक्रिया",
        standfirst="विदेश मंत्रालय के नए नियमों से पासपोर्ट नवीनीकरण में लगने वाला समय आधा हो जाएगा।",
        contents=_units(
            "नई दिल्ली, 18 फरवरी। विदेश मंत्रालय ने पासपोर्ट नवीनीकरण की प्रक्रिया को आसान बनाते हुए "
            "पुलिस सत्यापन के नियमों में बदलाव किया है।",
            "अधिकारियों ने बताया कि अब आवेदक पासपोर्ट सेवा ऐप डाउनलोड करके घर बैठे दस्तावेज अपलोड कर सकेंगे।",
            (
                "सवाल: क्या पुराने पासपोर्ट धारकों को दोबारा पुलिस सत्यापन कराना होगा?",
                "जवाब: नहीं, पते में बदलाव न होने पर सामान्य नवीनीकरण में पुलिस सत्यापन की जरूरत नहीं होती।",
            ),
            (
                "सवाल: पासपोर्ट नवीनीकरण की फीस कितनी है?",
                "जवाब: 36 पन्नों वाले सामान्य पासपोर्ट के लिए 1,500 रुपये फीस देनी होगी।",
            ),
            ("सेवा | फीस | समय", "सामान्य | 1,500 रुपये | 30 दिन", "तत्काल | 3,500 रुपये | 7 दिन"),
            "• पुराना पासपोर्ट और उसकी स्वप्रमाणित प्रति",
        ),
        headings=("कौन से दस्तावेज जरूरी", "फीस और समय"),
    ),
    Story(
        headline="हाईकोर्ट का फैसला: पेंशन कर्मचारी का अधिकार, रोक नहीं सकती सरकार",
        standfirst="अदालत ने सेवानिवृत्त शिक्षकों की रोकी गई पेंशन तीन महीने में जारी करने का आदेश दिया।",
        contents=_units(
            "प्रयागराज, 12 जुलाई (आईएएनएस)। इलाहाबाद हाईकोर्ट ने सेवानिवृत्त शिक्षकों की पेंशन रोकने "
            "के सरकारी आदेश को रद्द कर दिया है।",
            "अदालत ने अपने आदेश में कहा कि पेंशन कोई खैरात नहीं बल्कि कर्मचारी का अधिकार है, और "
            "सरकार इसे मनमाने ढंग से नहीं रोक सकती।",
            "इस फैसले का असर उन हजारों पेंशनभोगियों पर पड़ेगा जो पिछले कई वर्षों से बकाया पेंशन का "
            "इंतजार कर रहे हैं।",
            "The court observed that pension is a right and not a bounty.",
            '"The State cannot withhold pension on the basis of a vague inquiry," the bench said.',
            "सरकार इस फैसले के खिलाफ अपील कर सकती है।",
        ),
        headings=("शिक्षकों को बड़ी राहत", "अदालत ने क्या कहा"),
    ),
    Story(
        headline="कूटनीति: रूस और उत्तर कोरिया के बीच रक्षा सहयोग पर नई सहमति",
        standfirst="समझौते के बाद अमेरिका और दक्षिण कोरिया ने क्षेत्र की सुरक्षा पर आपात बैठक बुलाई।",
        contents=_units(
            "मॉस्को, 13 जुलाई (भाषा)। रूस और उत्तर कोरिया ने रक्षा सहयोग बढ़ाने के एक समझौते पर "
            "हस्ताक्षर किए हैं, जिस पर अमेरिका और दक्षिण कोरिया ने चिंता जताई है।",
            "विशेषज्ञों का कहना है कि इस समझौते से पूर्वी एशिया में सैन्य तनाव और बढ़ सकता है।",
            '"We will not allow anyone to disturb peace on the Korean peninsula," the South Korean '
            "foreign minister said.",
            "वाशिंगटन, 12 जुलाई (आईएएनएस)। अमेरिका ने कहा है कि वह क्षेत्र में शांति बहाल करने के लिए "
            "सभी पक्षों से बातचीत जारी रखेगा।",
            "चीन ने इस पर कोई टिप्पणी नहीं की।",
            "By the end of the day, Seoul had summoned the Russian ambassador.",
        ),
        headings=("रूस को बिना शर्त समर्थन का वादा", "आगे की राह"),
    ),
    Story(
        headline="महिला हॉकी: भारत ने फाइनल में जर्मनी को 3-2 से हराया",
        standfirst="भारतीय महिला हॉकी टीम ने पहली बार यह प्रतिष्ठित टूर्नामेंट अपने नाम किया।",
        contents=_units(
            "टीम की कप्तान ने आखिरी क्वार्टर में दो गोल दागकर मुकाबले का रुख पलट दिया और भारत ने "
            "फाइनल 3-2 से जीत लिया।",
            "जीत के बाद खिलाड़ियों ने मैदान पर तिरंगा लेकर जश्न मनाया और कोच को कंधे पर उठा लिया।",
            '"This is a historic win for Indian hockey and for every girl who dreams big."',
            ("क्वार्टर | भारत | जर्मनी", "पहला | 0 | 1", "दूसरा | 1 | 1", "आखिरी | 2 | 0"),
            "भारत ने पहली बार यह खिताब जीता।",
        ),
        headings=("कप्तान का कमाल", "पहले हाफ में पिछड़ी टीम"),
    ),
    Story(
        headline="डिजिटल अरेस्ट का झांसा देकर बुजुर्ग से 40 लाख की ठगी",
        standfirst="साइबर ठगों ने खुद को सीबीआई अधिकारी बताकर बुजुर्ग को दो दिन तक वीडियो कॉल पर रखा।",
        contents=_units(
            "पुलिस ने बताया कि आरोपी खुद को बैंक अधिकारी बताकर बुजुर्गों को फोन करता था और उनसे "
            "ओटीपी पूछकर खाते से पैसे निकाल लेता था।",
            "विशेषज्ञों ने लोगों को सलाह दी है कि वे किसी अनजान व्यक्ति के साथ अपनी निजी जानकारी "
            "साझा न करें और संदिग्ध कॉल की शिकायत तुरंत साइबर हेल्पलाइन पर करें।",
            "उन्होंने बताया कि किसी के कहने पर स्क्रीन शेयरिंग ऐप डाउनलोड न करें, क्योंकि ठग इसी से "
            "फोन का नियंत्रण ले लेते हैं।",
            ("1. किसी अनजान कॉल पर ओटीपी न बताएं।", "2. किसी के कहने पर स्क्रीन शेयरिंग ऐप इंस्टॉल न करें।"),
            "- ठगी होने पर तुरंत 1930 पर कॉल करें",
            "आरोपी को गिरफ्तार कर लिया गया है।",
        ),
        headings=("ऐसे बचें ठगी से",),
    ),
)

HEADLINES = tuple(s.headline for s in STORIES)
STANDFIRSTS = tuple(s.standfirst for s in STORIES)
BODY_POOL = tuple(line for s in STORIES for unit in s.contents for line in unit) + tuple(
    h for s in STORIES for h in s.headings
)
SUBHEADINGS = tuple(
    h for s in STORIES for h in s.headings if ":" not in h[:-1] and "(IST)" not in h
)
TIME_STAMPS = tuple(h for s in STORIES for h in s.headings if "(IST)" in h)

# --- boilerplate ---------------------------------------------------------------------------------

# Each unit is one or more lines that stand together on a page. None ends with a separator
# (› » > | / ,): in a one-line dump that would glue the next paragraph to it, by design.
BOILERPLATE = tuple(
    (u,) if isinstance(u, str) else u
    for u in (
        "विज्ञापन",
        "Advertisement",
        "ADVERTISEMENT",
        "एड फ्री अनुभव के लिए अमर उजाला प्रीमियम सब्सक्राइब करें",
        "ये भी पढ़ें: दिल्ली में प्रदूषण से हाल बेहाल, AQI 400 के पार",
        "यह भी पढ़ें- IPL 2025: मुंबई इंडियंस ने जीता टॉस",
        "ये भी पढ़ें:- Jaishankar Foreign Visit: आज से चीन-सिंगापुर दौरे पर जाएंगे जयशंकर",
        "Also Read: पेट्रोल-डीजल के नए दाम जारी, जानें अपने शहर का रेट",
        "Read More: PF Withdrawal Rules: अब UPI से निकाल सकेंगे पीएफ का पैसा",
        "इसे भी पढ़ें: मानसून की पहली बारिश में डूबा पूरा शहर",
        "Home > देश > उत्तर प्रदेश",
        "Hindi News › Business › Market",
        "होम / राज्य / बिहार",
        "By Rahul Sharma | Updated: 12 Mar 2025, 10:15 AM IST",
        "Edited By: Pooja Tripathi | Updated: 21 Mar 2020, 03:05:00 PM IST",
        "Written by: Rohit Kumar",
        "पहले प्रकाशित : March 3, 2025, 12:44 IST",
        "12 मार्च 2025",
        "5 mins ago",
        "Read Time: 3 mins",
        "Follow Us",
        "Google News पर नवभारत टाइम्स को फॉलो करें और पाएं हर खबर सबसे पहले",
        "आजतक के WhatsApp चैनल से जुड़ने के लिए यहां क्लिक करें",
        "प्रभात खबर ऐप डाउनलोड करें और पढ़ें बिहार की हर बड़ी खबर सबसे पहले",
        "एप में पढ़ें",
        "Share this story: Facebook Twitter WhatsApp Email",
        "Facebook | WhatsApp | X",
        "शेयर करें",
        "सब्सक्राइब करें",
        "0 likes",
        "1.2K Shares",
        "अस्वीकरण: यह न्यूज़ ऑटो फ़ीड्स द्वारा स्वतः प्रकाशित हुई खबर है। इस खबर में संपादकीय टीम "
        "ने कोई बदलाव नहीं किया है।",
        "(This story has not been edited by our staff and is auto-generated from a syndicated feed.)",
        "(ये लेखक के निजी विचार हैं।)",
        "Copyright © 2025 Example Media. All Rights Reserved.",
        (
            "This website uses cookies to ensure you get the best experience on our website.",
            "Accept",
        ),
        "Tags: सेंसेक्स, निफ्टी, शेयर बाजार",
        "टैग्स: मौसम, बारिश, लखनऊ न्यूज़",
        "उत्तर कोरियाई नेता किम जोंग और रूसी राष्ट्रपति व्लादिमीर पुतिन - फोटो : ANI",
        "तेज धूप से बचने के लिए सिर ढककर निकलते लोग (फोटो: पीटीआई)",
        "(इनपुट: भाषा)",
        "सार",
        "विस्तार",
        "Loading...",
        "-----",
        "Get latest World News headlines in Hindi related political news, sports news, Business "
        "news all breaking news and live updates.",
        "Next Story",
        "PoK में पाकिस्तान के खिलाफ बड़ा प्रदर्शन, हजारों लोगों का…",
        "वीडियो: संसद में आज क्या हुआ? विपक्ष ने किस मुद्दे पर किया वॉकआउट",
        # an unmarked headline of another story
        "सलमान खान की नई फिल्म का ट्रेलर रिलीज, फैंस ने सोशल मीडिया पर जमकर की तारीफ",
        # widget titles with the headlines under them
        (
            "Trending Videos",
            "सोने की कीमत में रिकॉर्ड उछाल, 90 हजार के पार पहुंचा भाव",
            "आईपीएल नीलामी में सबसे महंगे बिके विदेशी खिलाड़ी कौन",
        ),
        ("Sponsored", "घर बैठे कमाएं हर महीने पचास हजार रुपये, जानिए आसान तरीका"),
        (
            "संबंधित खबरें",
            "दिल्ली मेट्रो की नई लाइन पर ट्रायल रन शुरू",
            "राजस्थान में शिक्षक भर्ती परीक्षा की तारीख बदली",
            "महाराष्ट्र में प्याज के दाम गिरने से किसान नाराज",
        ),
        # an unmarked card list
        (
            "पंजाब में पराली जलाने के मामलों में तेज बढ़ोतरी दर्ज",
            "केरल में निपाह वायरस का नया मामला, स्वास्थ्य विभाग सतर्क",
            "बिहार में पुल ढहने की जांच के लिए समिति गठित",
        ),
        # a teaser card: the headline twice (image alt text and title)
        (
            "इस सप्ताह रिलीज होंगी ये पांच बड़ी फिल्में, देखें पूरी लिस्ट",
            "इस सप्ताह रिलीज होंगी ये पांच बड़ी फिल्में, देखें पूरी लिस्ट",
        ),
    )
)

# Links to other stories that carry no marker.
UNMARKED = tuple(
    u
    for u in BOILERPLATE
    if u[0].startswith(("सलमान खान की नई फिल्म", "पंजाब में पराली", "इस सप्ताह रिलीज होंगी"))
)
HEADINGS = frozenset(h for s in STORIES for h in (s.headline, *s.headings))

# The chrome found on most pages, drawn more often.
COMMON_BOILERPLATE = tuple(
    u
    for u in BOILERPLATE
    if u[0] in ("विज्ञापन", "Advertisement", "Follow Us", "शेयर करें")
    or u[0].startswith(("ये भी पढ़ें", "यह भी पढ़ें", "Also Read", "Google News"))
)

# Chrome that, by the policy, takes the rest of the page with it: only ever after the article.
FOOTERS = (
    ("Leave a Comment", "Your email address will not be published. Required fields are marked *"),
    ("लेखक के बारे में", "राहुल शर्मा पिछले 12 साल से पत्रकारिता में सक्रिय हैं और राजनीति पर लिखते हैं।"),
    ("About the Author",),
    ("टिप्पणी करें", "नाम *", "ईमेल *"),
)

# Prompt sentences that portals glue to the end of a body paragraph (cut, the rest kept).
GLUED_PROMPTS = (
    "अगर आप नए अपडेट्स के बारे में जानना चाहते हैं, तो हमारे ब्लॉग को फ़ॉलो करें।",
    "जयपुर की हर खबर के लिए पत्रिका के व्हाट्सएप चैनल को फॉलो करें।",
    "चुनाव से जुड़ी हर हलचल के लिए चुनाव चक्र का ऐप अभी डाउनलोड करें।",
    "अगर आपको यह जवाब उपयोगी लगा हो तो अपवोट करें और हमें फॉलो करें।",
)
# How paragraphs of a page are separated: every line break Unicode and HTML define (U+2028,
# U+2029, NEL, form feed, &#10; &#13;) as well as the usual ones.
LINE_SEPARATORS = ("\u2028", "\u2029", "\x85", "\x0c", "&#10;", "&#13;&#10;", "&NewLine;")


def _encodings(line: str) -> list[str]:
    """The line with HTML references put in, nested too ("&amp;amp;nbsp;" is a space)."""
    out = []
    if " " in line:
        out += [
            line.replace(" ", "&nbsp;", 1),
            line.replace(" ", "&amp;nbsp;", 1),
            line.replace(" ", "&amp;amp;amp;#32;", 1),
        ]
    if "।" in line:
        out += [line.replace("।", "&#2404;"), line.replace("।", "&amp;#x964;", 1)]
    return out or [line]


@st.composite
def glued(draw, item: str, headline: str) -> str:
    """A body paragraph with chrome glued on, as real dumps have it: a prompt sentence after a
    space or a ZWJ (cut, the paragraph kept), or the page's headline repeated at its end (a late
    cut by `duplicates`)."""
    how = draw(st.sampled_from(["prompt", "zwj_prompt", "prompts", "headline"]))
    if how == "prompt":
        return item + " " + draw(st.sampled_from(GLUED_PROMPTS))
    if how == "zwj_prompt":
        return item + "\u200d" + draw(st.sampled_from(GLUED_PROMPTS))
    if how == "prompts":
        prompt = draw(st.sampled_from(GLUED_PROMPTS))
        return item + (" " + prompt) * draw(st.integers(2, 4))
    return item + " " + headline


# --- pages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedPage:
    text: str
    body: tuple[str, ...]  # the body lines, in page order (headline first)
    max_run: int = 0  # the longest run of boilerplate lines between two body lines
    one_line: bool = False


@st.composite
def story_lines(draw, story: Story) -> list[str]:
    """One story's body in page order: headline, perhaps the standfirst, then its content units
    (a subset, in any order) with headings placed before some of them."""
    units = draw(st.lists(st.sampled_from(story.contents), min_size=1, max_size=8, unique=True))
    n_head = draw(st.integers(0, min(len(story.headings), len(units))))
    headings = draw(st.permutations(story.headings))[:n_head]
    where = draw(
        st.lists(st.integers(0, len(units) - 1), min_size=n_head, max_size=n_head, unique=True)
    )
    lines = [story.headline]
    if draw(st.booleans()):
        lines.append(story.standfirst)
    before = dict(zip(where, headings, strict=True))
    for i, unit in enumerate(units):
        if i in before:
            lines.append(before[i])
        lines.extend(unit)
    return lines


@st.composite
def body_items(draw, two_stories: bool | None = None) -> list[str]:
    """The body of a page: one story, or (one page in five) two stories pasted together."""
    first = draw(st.sampled_from(STORIES))
    lines = draw(story_lines(first))
    if two_stories is None:
        two_stories = draw(st.integers(0, 4)) == 0
    if two_stories:
        # A complete second story: its headline, then its lead (the standfirst, a Hindi
        # paragraph about the headline), then any of its content. A headline with only a list
        # or a quote under it is not a complete story but a teaser, which the policy drops.
        second = draw(st.sampled_from([s for s in STORIES if s is not first]))
        rest = draw(story_lines(second))
        lines += [rest[0], second.standfirst] + [x for x in rest[1:] if x != second.standfirst]
    return lines


@st.composite
def pages(draw, one_line: bool | None = None, two_stories: bool | None = None) -> GeneratedPage:
    """A story's headline and body lines in order, boilerplate (single lines and runs) at random
    places; lines joined by newlines, blank lines, CRLF, or runs of spaces (one-line dumps)."""
    body = draw(body_items(two_stories))
    chrome = st.one_of(
        st.sampled_from(BOILERPLATE),
        st.sampled_from(BOILERPLATE),
        st.sampled_from(COMMON_BOILERPLATE),
    )
    gaps = st.lists(chrome, max_size=3)
    # Under a heading (a subheading, a headline) portals put ads, not links to other stories:
    # unmarked headlines are "dropped between paragraphs" (the policy), and one right under a
    # subheading would be indistinguishable from the article's own next heading.
    marked = st.sampled_from([u for u in BOILERPLATE + COMMON_BOILERPLATE if u not in UNMARKED])
    gaps_under_heading = st.lists(marked, max_size=3)
    lines: list[str] = []
    max_run = 0
    previous = None
    for item in body:
        under_heading = previous in HEADINGS
        previous = item
        run = [line for unit in draw(gaps_under_heading if under_heading else gaps) for line in unit]
        max_run = max(max_run, len(run))
        lines.extend(run)
        # One paragraph in eight has chrome glued to its end (cut by the cleaner).
        if item.endswith("।") and len(item) > 60 and draw(st.integers(0, 7)) == 0:
            item = draw(glued(item, body[0]))
        # One line in ten written with HTML references.
        if draw(st.integers(0, 9)) == 0:
            item = draw(st.sampled_from(_encodings(item)))
        lines.append(item)
    for unit in draw(gaps):
        lines.extend(unit)
    if draw(st.booleans()):
        lines.extend(draw(st.sampled_from(FOOTERS)))
    if one_line is None:
        one_line = draw(st.integers(0, 3)) == 0
    if one_line:
        # The first lines (chrome, headline) may stay apart; the rest is one line joined by runs
        # of spaces (3 or more), as some extractors leave it.
        keep = draw(st.integers(0, min(3, len(lines))))
        sep = draw(st.sampled_from(["   ", "    ", "\u00a0\u00a0\u00a0", "      "]))
        text = "\n".join(lines[:keep] + ([sep.join(lines[keep:])] if lines[keep:] else []))
    else:
        seps = st.one_of(
            st.sampled_from(["\n", "\n", "\n\n", "\r\n", "   "]),
            st.sampled_from(LINE_SEPARATORS),
        )
        parts = [lines[0]]
        for line in lines[1:]:
            parts.append(draw(seps))
            parts.append(line)
        text = "".join(parts)
    if draw(st.booleans()):
        text += "\n"
    return GeneratedPage(text, tuple(body), max_run, one_line)


# --- arbitrary text ------------------------------------------------------------------------------

_DEVANAGARI = [chr(c) for c in range(0x0900, 0x0980)]


def _mojibake(word: str) -> list[str]:
    """UTF-8 of a Devanagari word read as Latin-1 and as Windows-1252 (what broken pages show)."""
    raw = word.encode("utf-8")
    return [raw.decode("latin-1"), raw.decode("cp1252", errors="ignore")]


_MOJIBAKE = [m for w in ("के", "ने", "सरकार", "ठीक", "किसान है।") for m in _mojibake(w)]
_TOKENS = (
    _DEVANAGARI
    + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789०१२३४५६७८९")
    + list("।॥|>›»/-:.,?!()\"'*•…©")
    + [
        " ",
        " ",
        " ",
        "   ",
        "\n",
        "\n",
        "\r",
        "\r\n",
        "\t",
        "\u00a0",
        "\u200b",
        "\u200c",
        "\u200d",
        "\ufeff",
        "\u0085",
        "\u2028",
        "\x0b",
    ]
    + ["&amp;", "&nbsp;", "&quot;", "&#39;", "&amp;quot;", "\\r", "\\n", "\\t"]
    + ["\u2029", "\x0c", "&#10;", "&#13;", "&#92;r", "&amp;amp;amp;lt;", "&amp;#10;", "&#8232;"]
    + ["&nbsp;&nbsp;&nbsp;", "&#x85;", "&NewLine;", "à¤\x85", "à¤\u200b", "\u200dअ"]
    + ["सभी कमेंट्स देखैं", "हमारे ब्लॉग को फ़ॉलो करें।", "लेखक के बारे में:"]
    + ["à¤•", "à¥‡", "Ã©", "â€™", *_MOJIBAKE]  # mojibake pieces
    + ["&#224;&#164;&#149;", "&#2325;", "&#x915;"]  # numeric entities (of mojibake, of क)
    + [
        "विज्ञापन",
        "Advertisement",
        "ये भी पढ़ें",
        "Also Read:",
        "Home >",
        "Follow Us",
        "फॉलो करें",
        "डाउनलोड करें",
        "ऐप",
        "By ",
        "Updated: 12 Mar 2025, 10:15 AM IST",
        "- फोटो : ANI",
        "Tags:",
        "सार",
        "10:45 AM (IST)",
        "Leave a Comment",
        "लेखक के बारे में",
        "अस्वीकरण:",
        "है।",
        "हैं।",
        "ने कहा कि",
        "सरकार",
        "किसान",
        "योजना",
    ]
)

hindi_noise = st.lists(st.sampled_from(_TOKENS), max_size=80).map("".join)


@st.composite
def mixed_pages(draw) -> str:
    """Pool lines with noise spliced in: chrome and body in any order, broken on purpose."""
    pool = BODY_POOL + HEADLINES + tuple(line for unit in BOILERPLATE + FOOTERS for line in unit)
    lines = draw(st.lists(st.one_of(st.sampled_from(pool), hindi_noise), min_size=1, max_size=14))
    seps = st.sampled_from(
        ["\n", "\n\n", "\r\n", "\r", "   ", "\t", "\\n", " ", *LINE_SEPARATORS, "\u200d", "  "]
    )
    parts = [lines[0]]
    for line in lines[1:]:
        parts.append(draw(seps))
        parts.append(line)
    return "".join(parts)


arbitrary_text = st.one_of(st.text(), hindi_noise, mixed_pages())

"""News-like Arabic HTML pages, written for the tests from templates (no third-party page
is copied): the layouts of Arabic news sites, with the boilerplate main-text extraction
must drop (menus, "اقرأ أيضا" blocks, captions, share bars, "most read" sidebars,
comments, cookie banners, footers) and the metadata it must keep.

``pages()`` returns :class:`Page` objects: the HTML, the body paragraphs, the boilerplate
strings and the expected metadata. The boilerplate names people and places that the body
never does (ترامب, الرياض, بوتين ...), so a fact taken from it shows in the graph.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

#: Article paragraphs; a page takes four or five of them.
PARAGRAPHS = (
    "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة يوم الأحد وزير الخارجية الفرنسي، "
    "وبحث الجانبان العلاقات الثنائية وسبل تعزيز التعاون الاقتصادي بين البلدين.",
    "وقال المتحدث باسم الرئاسة المصرية إن اللقاء تناول الأوضاع في المنطقة وجهود التهدئة، "
    "وأكد الرئيس حرص مصر على تطوير الشراكة مع فرنسا في مجالات الطاقة والنقل.",
    "وزار وزير الخارجية الفرنسي بعد ذلك مقر جامعة الدول العربية في القاهرة، حيث التقى "
    "الأمين العام للجامعة أحمد أبو الغيط وناقش معه التطورات الإقليمية.",
    "وفي بغداد، افتتح رئيس الوزراء العراقي مؤتمرا دوليا للاستثمار بمشاركة وفود من عشرين "
    "دولة، ودعا الشركات الأجنبية إلى العمل في مشاريع الإعمار.",
    "وأعلنت وزارة التخطيط العراقية أن المؤتمر سيستمر ثلاثة أيام، وأن الحكومة وقعت "
    "مذكرات تفاهم مع عدد من الشركات في مجالات الكهرباء والإسكان.",
    "وفي عمان، استقبل العاهل الأردني الملك عبد الله الثاني وفدا من الكونغرس الأمريكي، "
    "وأكد أهمية دعم جهود السلام وحل الدولتين.",
    "وحذر الملك خلال اللقاء من خطورة التصعيد في الضفة الغربية، ودعا المجتمع الدولي إلى "
    "تحمل مسؤولياته تجاه الشعب الفلسطيني.",
    "وفي الرباط، وقع المغرب وإسبانيا اتفاقية جديدة للتعاون في مجال الطاقة المتجددة، "
    "بحضور وزيري الطاقة في البلدين.",
    "وقالت وزيرة الانتقال الطاقي المغربية إن الاتفاقية تفتح الباب أمام استثمارات كبيرة "
    "في مشاريع الرياح والطاقة الشمسية في جنوب المملكة.",
    "وفي تونس، أعلنت الهيئة العليا المستقلة للانتخابات موعد الانتخابات البلدية المقبلة، "
    "ودعت الأحزاب إلى تقديم قوائم مرشحيها قبل نهاية الشهر.",
    "وأدان الاتحاد الأفريقي الهجوم الذي استهدف قافلة إنسانية في شمال مالي، وطالب "
    "بفتح تحقيق مستقل لمحاسبة المسؤولين عنه.",
    "وأفادت مصادر محلية بأن الهجوم أسفر عن مقتل ثلاثة من عمال الإغاثة وإصابة آخرين، "
    "فيما أعلنت الأمم المتحدة تعليق عملياتها في المنطقة مؤقتا.",
    "وفي الكويت، اجتمع أمير البلاد مع رئيس مجلس الأمة لبحث جدول أعمال الدورة البرلمانية "
    "الجديدة والقوانين المعروضة على المجلس.",
    "وأشار بيان للديوان الأميري إلى أن الاجتماع تناول أولويات العمل الحكومي، ومنها "
    "إصلاح سوق العمل وتنويع مصادر الدخل.",
    "وفي الجزائر، استقبل الرئيس عبد المجيد تبون وزير الخارجية الإيطالي، وبحث معه "
    "مشروع أنبوب الغاز الجديد الذي يربط البلدين عبر البحر المتوسط.",
    "وأوضح وزير الطاقة الجزائري أن المشروع سيرفع صادرات الغاز إلى أوروبا، وأن "
    "الأشغال ستبدأ العام المقبل بعد استكمال الدراسات الفنية.",
)

#: Boilerplate that names what the bodies never do (a fact from it shows in the graph).
READ_ALSO = (
    "ترامب يزور الرياض ويلتقي ولي العهد السعودي",
    "بوتين يستقبل أردوغان في موسكو لبحث الملف السوري",
    "نتنياهو يهاجم إيران في خطاب أمام الكنيست",
    "ماكرون يدعو إلى قمة أوروبية طارئة في بروكسل",
)
MOST_READ = (
    "بايدن يصل إلى طوكيو في جولة آسيوية",
    "أردوغان يفتتح مطارا جديدا في إسطنبول",
    "زيلينسكي يطالب الغرب بمزيد من الأسلحة",
)
MENU = ("الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "منوعات", "فيديو", "رأي")
CAPTIONS = (
    "صورة أرشيفية لاجتماع سابق في مدينة جدة",
    "الرئيس الأمريكي دونالد ترامب خلال زيارة سابقة إلى الرياض (رويترز)",
    "جانب من المؤتمر الصحفي في الدوحة (الفرنسية)",
)
COMMENTS = (
    "تعليق: ترامب هو الذي سيحل كل المشاكل في الرياض",
    "أحمد من دبي: بوتين أقوى زعيم في العالم",
    "أرجو من الحكومة أن تهتم بالشباب بدلا من الاجتماعات",
)
COOKIE = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمتابعة التصفح فإنك توافق على سياسة الخصوصية"
SHARE = ("شارك", "فيسبوك", "تويتر", "واتساب", "نسخ الرابط")
FOOTER = "جميع الحقوق محفوظة © 2026 لشبكة الأخبار العربية. سياسة الخصوصية. اتصل بنا"

SITES = (
    ("الجزيرة نت", "aljazeera.example"),
    ("العربية", "alarabiya.example"),
    ("بي بي سي عربي", "bbc-arabic.example"),
    ("الشرق الأوسط", "aawsat.example"),
    ("اليوم السابع", "youm7.example"),
    ("هسبريس", "hespress.example"),
)
AUTHORS = ("محمد عبد الله", "سارة الأحمد", "خالد يوسف", "ليلى حسن")
HEADLINES = (
    "السيسي يبحث مع وزير الخارجية الفرنسي تعزيز التعاون",
    "العراق يستضيف مؤتمرا دوليا للاستثمار في بغداد",
    "العاهل الأردني يستقبل وفدا من الكونغرس الأمريكي",
    "المغرب وإسبانيا يوقعان اتفاقية للطاقة المتجددة",
    "الاتحاد الأفريقي يدين هجوما على قافلة إنسانية في مالي",
    "الجزائر وإيطاليا تبحثان مشروع أنبوب غاز جديد",
)


@dataclass(frozen=True)
class Page:
    name: str
    html: str
    headline: str
    body: tuple[str, ...]
    boilerplate: tuple[str, ...]
    date: str  # YYYY-MM-DD
    author: str
    site: str
    url: str


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def _head(p: dict[str, str], style: int) -> str:
    """Metadata in the ways sites give it: Open Graph, JSON-LD, plain <meta>."""
    title = f"{_e(p['headline'])} | {_e(p['site'])}"
    parts = [f'<meta charset="utf-8"><title>{title}</title>']
    parts.append(f'<link rel="canonical" href="{_e(p["url"])}">')
    if style % 3 == 0:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": p["headline"],
            "datePublished": f"{p['date']}T09:30:00+03:00",
            "author": {"@type": "Person", "name": p["author"]},
            "publisher": {"@type": "Organization", "name": p["site"]},
            "mainEntityOfPage": p["url"],
        }
        parts.append(
            f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        )
    else:
        parts += [
            f'<meta property="og:title" content="{_e(p["headline"])}">',
            f'<meta property="og:site_name" content="{_e(p["site"])}">',
            f'<meta property="og:url" content="{_e(p["url"])}">',
            f'<meta name="author" content="{_e(p["author"])}">',
            f'<meta property="article:published_time" content="{p["date"]}T08:00:00Z">',
        ]
    parts.append("<style>.x{color:red}</style><script>var ads = ['اقرأ أيضا'];</script>")
    return "<head>" + "".join(parts) + "</head>"


def _menu() -> str:
    return (
        "<nav class='main-menu'><ul>"
        + "".join(f"<li><a href='/s{i}'>{m}</a></li>" for i, m in enumerate(MENU))
        + "</ul></nav>"
    )


def _read_also(style: int) -> str:
    links = "".join(f"<li><a href='/news/{i}'>{t}</a></li>" for i, t in enumerate(READ_ALSO[:2]))
    if style == 0:
        return f"<aside class='read-also'><h3>اقرأ أيضا</h3><ul>{links}</ul></aside>"
    if style == 1:
        return f"<div class='related-articles'><span>اقرأ أيضاً</span><ul>{links}</ul></div>"
    # inline in the body, as a paragraph of links (the hard case)
    return (
        f"<p><strong>اقرأ أيضا:</strong> <a href='/news/9'>{READ_ALSO[2]}</a></p>"
        f"<p><strong>طالع أيضا:</strong> <a href='/news/8'>{READ_ALSO[3]}</a></p>"
    )


def _most_read() -> str:
    items = "".join(f"<li><a href='/m/{i}'>{t}</a></li>" for i, t in enumerate(MOST_READ))
    return f"<aside class='sidebar most-read'><h2>الأكثر قراءة</h2><ol>{items}</ol></aside>"


def _share() -> str:
    return (
        "<div class='share-bar'>"
        + "".join(f"<a href='#s{i}'>{s}</a>" for i, s in enumerate(SHARE))
        + "</div>"
    )


def _figure(caption: str) -> str:
    return f"<figure class='article-image'><img src='/img/1.jpg' alt=''><figcaption>{caption}</figcaption></figure>"


def _comments() -> str:
    items = "".join(
        f"<li class='comment'><span class='comment-author'>قارئ {i}</span><p>{c}</p></li>"
        for i, c in enumerate(COMMENTS)
    )
    return f"<section id='comments' class='comments'><h3>التعليقات</h3><ol>{items}</ol></section>"


def _cookie() -> str:
    return f"<div id='cookie-consent' class='cookie-banner'><p>{COOKIE}</p><button>موافق</button></div>"


def _footer() -> str:
    return f"<footer class='site-footer'><p>{FOOTER}</p></footer>"


def _byline(p: dict[str, str], layout: int) -> str:
    if layout in (0, 3):
        return f"<div class='article-meta'><span class='author'>{p['author']}</span> <time datetime='{p['date']}'>{p['date']}</time></div>"
    return f"<div class='byline'>بقلم: {p['author']}</div>"


def _layout(layout: int, p: dict[str, str], body: tuple[str, ...], style: int) -> str:
    paras = [f"<p>{b}</p>" for b in body]
    caption = CAPTIONS[layout % len(CAPTIONS)]
    # the "read also" block sits between two paragraphs of the body, as on many sites
    paras.insert(2, _read_also(style))
    article = (
        f"<h1>{p['headline']}</h1>{_byline(p, layout)}{_figure(caption)}"
        + ("<div class='article-body'>" if layout % 2 else "<div class='wysiwyg'>")
        + "".join(paras)
        + "</div>"
    )
    if layout == 0:  # semantic HTML5: header, main/article, aside, footer
        page = f"<header>{_menu()}</header><main><article>{article}{_share()}</article>{_most_read()}</main>{_comments()}{_footer()}{_cookie()}"
    elif layout == 1:  # div soup with ids and classes
        page = f"<div id='header'>{_menu()}</div><div id='content'><div class='col-8'>{_share()}{article}</div><div class='col-4'>{_most_read()}</div></div>{_cookie()}{_footer()}"
    elif layout == 2:  # role attributes, share bar at the top and bottom
        page = f"<div role='navigation'>{_menu()}</div><div role='main'>{_share()}<div class='story'>{article}</div>{_share()}</div>{_most_read()}{_footer()}"
    elif layout == 3:  # legacy tables, comments under the story
        page = f"<table><tr><td colspan='2'>{_menu()}</td></tr><tr><td class='main'><div id='articleBody'>{article}</div>{_comments()}</td><td class='side'>{_most_read()}</td></tr></table>{_footer()}"
    elif layout == 4:  # cookie banner first, sidebar first
        page = f"{_cookie()}{_menu()}{_most_read()}<div class='news-details'>{article}{_share()}</div>{_comments()}{_footer()}"
    else:  # article inside section with a breadcrumb and tags
        page = (
            f"{_menu()}<div class='breadcrumb'><a href='/'>الرئيسية</a> &gt; <a href='/p'>سياسة</a></div>"
            f"<section class='article'>{article}<div class='tags'><a>سياسة</a><a>عربي</a></div>{_share()}</section>"
            f"{_most_read()}{_comments()}{_footer()}{_cookie()}"
        )
    lang = " lang='ar'" if layout != 4 else ""  # one layout says no language
    return f"<!DOCTYPE html><html{lang} dir='rtl'>{_head(p, layout)}<body>{page}</body></html>"


def pages() -> list[Page]:
    """24 pages: 6 layouts x 4 bodies, each its own site, headline, author and date."""
    out = []
    n = len(PARAGRAPHS)
    for i in range(24):
        layout = i % 6
        site, host = SITES[layout]
        start = (i * 5) % n
        count = 4 + i % 2
        body = tuple(PARAGRAPHS[(start + k) % n] for k in range(count))
        p = {
            "headline": HEADLINES[(i // 6 + layout) % len(HEADLINES)],
            "site": site,
            "author": AUTHORS[i % len(AUTHORS)],
            "date": f"2026-{1 + i % 11:02d}-{10 + i % 18:02d}",
            "url": f"https://{host}/news/2026/{1000 + i}",
        }
        style = i % 3
        markup = _layout(layout, p, body, style)
        boiler = (
            tuple(READ_ALSO[2:] if style == 2 else READ_ALSO[:2])
            + MOST_READ
            + MENU
            + (CAPTIONS[layout % len(CAPTIONS)],)
            + SHARE
            + tuple(FOOTER.split(". "))
        )
        if layout in (0, 3, 4, 5):
            boiler += COMMENTS
        if layout in (0, 1, 4, 5):
            boiler += (COOKIE,)
        out.append(
            Page(
                name=f"page{i:02d}.html",
                html=markup,
                headline=p["headline"],
                body=body,
                boilerplate=boiler,
                date=p["date"],
                author=p["author"],
                site=site,
                url=p["url"],
            )
        )
    return out

"""A news page's main text and metadata, without its boilerplate.

:func:`extract` takes the HTML of an article page and returns a :class:`Page`: the
headline and the body paragraphs as one text (what the analysers read, and what evidence
offsets index), and the publication's metadata: headline, date, author, outlet (site
name), canonical URL and language. Menus, "read also" blocks, captions, share bars,
"most read" sidebars, comment sections, cookie banners and footers are left out.

The work is done by trafilatura (main-text extraction made for news and blog pages, with
metadata from Open Graph, JSON-LD and ``<meta>`` tags, and dates by htmldate). Before it
runs, elements trafilatura cannot know are boilerplate are pruned: the "اقرأ أيضا" lines
Arabic sites put *inside* the article body (a paragraph whose text starts with the cue and
is mostly a link). On the project's 24 test pages (tests/news_pages.py) trafilatura keeps
all of the body and, with that pruning, none of the boilerplate; readability-lxml keeps
all of the body and 15% of the boilerplate, and jusText keeps nothing of an Arabic page
(its stop-word test does not see Arabic words behind their clitics). See the README.

trafilatura and lxml are imported when a page is extracted, not with ``kg``.
"""

from __future__ import annotations

import html
import html.parser
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .text import detect_lang

#: Lines that announce links to other articles, not the article's text.
READ_ALSO = re.compile(
    r"^\s*(?:اقرأ|إقرأ|اقرا|طالع|شاهد|اطلع|تابع|اقرأ المزيد|للمزيد)\s*(?:أيضا|أيضاً|ايضا|كذلك|المزيد)?\s*[:：-]?"
    r"|^\s*(?:مواضيع|موضوعات|أخبار|قصص)\s+(?:ذات صلة|متعلقة|مقترحة)"
    r"|^\s*(?:read (?:also|more)|see also|related)\b",
    re.I,
)

#: Elements that are boilerplate by their class or id, beyond what trafilatura prunes.
_PRUNE = (
    "//*[contains(@class, 'cookie') or contains(@id, 'cookie') or contains(@class, 'consent')"
    " or contains(@id, 'consent') or contains(@class, 'share') or contains(@class, 'social')"
    " or contains(@class, 'read-also') or contains(@class, 'related')"
    " or contains(@class, 'most-read') or contains(@id, 'comments')]"
    "|//figcaption|//nav|//footer"
)


@dataclass(frozen=True, slots=True)
class Page:
    """The main text of a page and its metadata ("" when the page does not say).

    ``how`` says what was kept: ``"main text"``, or ``"whole page"`` when no main text
    was found and the page's visible text is used instead (a very short page).
    """

    text: str
    headline: str = ""
    date: str = ""  # YYYY-MM-DD
    author: str = ""
    site: str = ""
    url: str = ""
    lang: str = ""
    how: str = "main text"

    def meta(self) -> tuple[tuple[str, str], ...]:
        """The metadata as ``Document.meta`` pairs (the keys kg/graph.py writes).

        >>> Page("x", headline="عنوان", url="https://a.example/1").meta()
        (('headline', 'عنوان'), ('url', 'https://a.example/1'))
        """
        pairs = (
            ("headline", self.headline),
            ("date", self.date),
            ("author", self.author),
            ("publisher", self.site),
            ("url", self.url),
        )
        return tuple((k, v) for k, v in pairs if v)


def extract(markup: str, *, url: str = "") -> Page:
    """The main text and metadata of an HTML page (``url``: where it was fetched from,
    used when the page names no canonical URL).

    >>> body = "".join(f"<p>{s}</p>" for s in ["قال الوزير إن الاجتماع كان ناجحا وإن البلدين اتفقا على التعاون."] * 3)
    >>> p = extract(f"<html lang='ar'><head><title>خبر | موقع</title></head><body><nav>الرئيسية</nav>"
    ...             f"<h1>خبر</h1>{body}<p><b>اقرأ أيضا:</b> <a href='/x'>ترامب يزور الرياض</a></p></body></html>")
    >>> p.headline, p.lang, "ترامب" in p.text, "الرئيسية" in p.text, p.text.startswith("خبر\\n")
    ('خبر', 'ar', False, False, True)
    """
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return Page(html_to_text(markup), how="whole page")
    lang = (tree.get("lang") or tree.get("xml:lang") or "").split("-")[0].strip().lower()
    _prune(tree)
    got: Any = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    text = _lines(got.text if got is not None and got.text else "")
    if got is None:
        return Page(
            _lines(html_to_text(lxml.html.tostring(tree, encoding="unicode"))),
            lang=lang,
            how="whole page",
        )
    site = _s(got.sitename)
    headline = _headline(_s(got.title), site)
    how = "main text"
    if not text:
        text, how = _lines(html_to_text(lxml.html.tostring(tree, encoding="unicode"))), "whole page"
    if headline and text and text.split("\n", 1)[0].strip() != headline:
        text = f"{headline}\n{text}"
    return Page(
        text=text,
        headline=headline,
        date=_s(got.date)[:10] if re.match(r"\d{4}-\d\d-\d\d", _s(got.date)) else "",
        author=_s(got.author),
        site=site,
        url=_s(got.url) or url,
        lang=lang or (detect_lang(text) if text else ""),
        how=how,
    )


def _prune(tree: Any) -> None:
    """Remove what trafilatura would keep but is boilerplate: "read also" lines inside
    the body, and elements named as cookie banners, share bars, related links."""
    for el in tree.xpath(_PRUNE):
        if el.getparent() is not None:
            el.drop_tree()
    for el in tree.xpath("//p|//li|//div[not(.//p)]|//h2|//h3|//h4|//span[not(*)]"):
        text = el.text_content().strip()
        if not text or len(text) > 300 or not READ_ALSO.match(text):
            continue
        linked = sum(len(a.text_content().strip()) for a in el.xpath(".//a"))
        cue_only = len(READ_ALSO.sub("", text, count=1).strip()) < 3
        if (cue_only or linked >= 0.5 * len(READ_ALSO.sub("", text, count=1).strip())) and (
            el.getparent() is not None
        ):
            el.drop_tree()


def _headline(title: str, site: str) -> str:
    """A title without the site's name appended (``عنوان | الموقع``)."""
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            for cut in (f"{sep}{site}", f"{site}{sep}"):
                if title.endswith(cut):
                    return title[: -len(cut)].strip()
                if title.startswith(cut):
                    return title[len(cut) :].strip()
    return title


def _s(value: object) -> str:
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else ""


def _lines(text: str) -> str:
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class _HTMLText(html.parser.HTMLParser):
    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "title",
    }
    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page (scripts, styles and the head dropped).

    >>> html_to_text("<html><head><title>x</title><script>alert(1)</script></head><body><p>قال</p><p>الوزير</p></body></html>").split()
    ['قال', 'الوزير']
    """
    p = _HTMLText()
    p.feed(markup)
    p.close()
    text = html.unescape("".join(p.parts))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def doc_id(url: str) -> str:
    """A document id for a URL: host and path (and query), without the scheme.

    >>> doc_id("https://www.Example.com/news/1?id=2#top")
    'www.example.com/news/1?id=2'
    """
    p = urlsplit(url)
    port = f":{p.port}" if p.port else ""
    return f"{(p.hostname or '').lower()}{port}{p.path or '/'}" + (f"?{p.query}" if p.query else "")

"""Compare main-text extractors on the project's own news pages (tests/news_pages.py):
the share of the body's characters each keeps and the share of the boilerplate's.

    pip install readability-lxml justext   # the alternatives (not dependencies)
    python scripts/compare_extractors.py

kg.web (trafilatura after pruning Arabic "read also" lines) is what kg uses; the others
are run on the raw page as their documentation shows.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from news_pages import Page, pages  # noqa: E402


def kg_web(markup: str) -> str:
    from kg.web import extract

    return extract(markup).text


def trafilatura_alone(markup: str) -> str:
    import trafilatura

    return (
        trafilatura.extract(
            markup, include_comments=False, include_tables=False, favor_precision=True
        )
        or ""
    )


def readability(markup: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(markup).summary()
    return lxml.html.fromstring(summary).text_content() if summary else ""


def readability_pruned(markup: str) -> str:
    import lxml.html

    from kg.web import _prune

    tree = lxml.html.document_fromstring(markup)
    _prune(tree)
    return readability(lxml.html.tostring(tree, encoding="unicode"))


def justext_(markup: str) -> str:
    import justext

    paragraphs = justext.justext(markup.encode(), justext.get_stoplist("Arabic"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def score(page: Page, text: str) -> tuple[float, float]:
    rest, kept = text, 0
    for b in page.body:
        if b in rest:
            kept += len(b)
            rest = rest.replace(b, "")
    junk = sum(len(b) for b in page.boilerplate if b in rest)
    return kept / sum(map(len, page.body)), junk / sum(map(len, page.boilerplate))


def main() -> None:
    extractors: dict[str, Callable[[str], str]] = {
        "kg.web (trafilatura + pruning)": kg_web,
        "trafilatura alone": trafilatura_alone,
        "readability-lxml": readability,
        "readability-lxml + the same pruning": readability_pruned,
        "jusText (Arabic stop list)": justext_,
    }
    ps = pages()
    print(f"{len(ps)} pages\n")
    print(
        "| extractor | body kept (mean, worst page) | boilerplate kept (mean, worst page) | seconds |"
    )
    print("|---|---|---|---|")
    for name, f in extractors.items():
        try:
            t0 = time.perf_counter()
            results = [score(p, f(p.html)) for p in ps]
            s = time.perf_counter() - t0
        except ImportError as exc:
            print(f"| {name} | not installed ({exc.name}) | | |")
            continue
        body = [r[0] for r in results]
        junk = [r[1] for r in results]
        print(
            f"| {name} | {sum(body) / len(body):.1%}, {min(body):.1%} "
            f"| {sum(junk) / len(junk):.1%}, {max(junk):.1%} | {s:.2f} |"
        )


if __name__ == "__main__":
    main()

"""The build command's web inputs: the options (--urls, --feed, --sitemap, --offline,
--refresh, --cache, --delay) and what they ask to fetch.

>>> web_inputs((), (), (), False, False, None, 1.0) is None
True
>>> web_inputs((), ("https://example.org/feed.xml",), (), True, False, None, 1.0).feeds
('https://example.org/feed.xml',)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def web_options(f: F) -> F:
    """--urls, --feed, --sitemap, --offline, --refresh, --cache, --delay: the web inputs."""
    for opt in reversed(
        [
            click.option(
                "--urls",
                "url_lists",
                multiple=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path),
                help="A file of URLs to fetch, one a line (# comments); repeatable.",
            ),
            click.option(
                "--feed",
                "feeds",
                multiple=True,
                help="An RSS or Atom feed (URL or file), or a file listing feeds: its articles are fetched; repeatable.",
            ),
            click.option(
                "--sitemap",
                "sitemaps",
                multiple=True,
                help="A sitemap or sitemap index (URL or file): its pages are fetched; repeatable.",
            ),
            click.option(
                "--offline",
                is_flag=True,
                help="Fetch nothing: pages, feeds and robots.txt from the HTTP cache only.",
            ),
            click.option(
                "--refresh",
                is_flag=True,
                help="Ask the servers again (conditionally: an unchanged page is 'not modified').",
            ),
            click.option(
                "--cache",
                "cache_dir",
                type=click.Path(file_okay=False, path_type=Path),
                default=None,
                help="HTTP cache folder [default: $KG_CACHE_DIR/http or ~/.cache/kg-builder/http].",
            ),
            click.option(
                "--delay",
                type=click.FloatRange(min=0),
                default=1.0,
                show_default=True,
                help="Seconds between two requests to the same host.",
            ),
        ]
    ):
        f = opt(f)
    return f


def web_inputs(
    url_lists: tuple[Path, ...],
    feeds: tuple[str, ...],
    sitemaps: tuple[str, ...],
    offline: bool,
    refresh: bool,
    cache_dir: Path | None,
    delay: float,
) -> Any:
    """The web inputs of a build (a ``fetch.WebOptions``), or None when there are none."""
    from .fetch import WebOptions, read_url_list

    urls = tuple(u for f in url_lists for u in read_url_list(f))
    web = WebOptions(
        urls=urls,
        feeds=feeds,
        sitemaps=sitemaps,
        offline=offline,
        refresh=refresh,
        cache_dir=str(cache_dir) if cache_dir else None,
        delay=delay,
    )
    return web if web else None

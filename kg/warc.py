"""Web archives: the HTML pages of a WARC file (``.warc`` or ``.warc.gz``) -> Documents.

Every ``response`` record whose HTTP answer is HTML becomes a Document of the page's main
text and metadata (kg.web), with the record's target URI as its URL; the document id is
the URI's host and path, its source ``FILE#URI``. An HTML answer other than 200 becomes a
Problem; records of other types (requests, metadata) and answers that are not HTML
(images, style sheets, scripts) are passed over. The archive is read record by record
(warcio), so its size does not matter; one record may hold at most ``max_bytes``. A WARC
fetched by URL (kg.fetch) is read the same way from its body, its source ``URL#URI``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .model import Problem

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class Record:
    """One HTML page of an archive: its URI, its HTTP Content-Type and body, and the date
    it was archived (``WARC-Date``, YYYY-MM-DD)."""

    uri: str
    where: str  # FILE#URI
    content_type: str
    body: bytes
    date: str = ""


def records(path: Path | bytes, *, max_bytes: int, src: str = "") -> Iterator[Record | Problem]:
    """The HTML responses of a WARC file, or of a WARC's bytes named ``src`` (and
    Problems), in archive order.

    >>> import io, tempfile, pathlib
    >>> from warcio.warcwriter import WARCWriter
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.warc.gz"
    >>> with open(path, "wb") as f:
    ...     w = WARCWriter(f, gzip=True)
    ...     h = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    ...     w.write_record(w.create_warc_record("https://a.example/1", "response",
    ...                    payload=io.BytesIO(b"<p>x</p>"), http_headers=h))
    >>> [(r.uri, r.body) for r in records(path, max_bytes=1000)]
    [('https://a.example/1', b'<p>x</p>')]
    >>> _ = path.write_bytes(b"not a WARC")
    >>> [r.reason[:26] for r in records(path, max_bytes=1000)]
    ['not a readable WARC file: ']
    >>> [r.reason for r in records(b"", max_bytes=1000, src="http://a.example/x.warc")]
    ['no HTML pages in this WARC file']
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    src = src or str(path)
    found = False
    try:
        with _open(path) as f:
            for record in ArchiveIterator(f):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                ctype = record.http_headers.get_header("Content-Type") or ""
                if not any(t in ctype.lower() for t in HTML_TYPES):
                    continue
                where = f"{src}#{uri}"
                status = record.http_headers.get_statuscode() or ""
                if status != "200":
                    yield Problem(where, f"HTTP {status} (in the archive)")
                    continue
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Problem(where, f"too big (over {max_bytes:,} bytes)")
                    continue
                found = True
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10]
                yield Record(uri, where, ctype, body, date)
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield Problem(src, f"not a readable WARC file: {str(exc).splitlines()[0][:200]}")
        return
    if not found:
        yield Problem(src, "no HTML pages in this WARC file")


def _open(source: Path | bytes) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")

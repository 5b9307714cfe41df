"""Read stage: paths -> Documents.

Accepts files and directories (walked recursively, in sorted order): ``.txt``, ``.md``,
``.jsonl`` (one JSON object per line with ``id`` and ``text``), ``.conllu`` and
``.html``/``.htm`` (and an HTML page saved as ``.txt``). Anything that cannot be read
becomes a :class:`~kg.model.Problem` naming the file (and line) instead of an exception,
so one bad file never stops a batch.

Memory does not grow with the input: files are read one at a time and ``.jsonl`` files
line by line (so an archive in one ``.jsonl`` file of any size is fine; ``max_bytes``
applies to the other files). A document longer than ``max_chars`` characters is refused,
since no news article is, and analysing one would take hours.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Document, Problem
from .text import ARABIC_LETTER, LATIN_LETTER, detect_lang
from .web import doc_id, extract, html_to_text  # noqa: F401 (kg.read.html_to_text, as before)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUFFIXES = TEXT_SUFFIXES | {".jsonl", ".conllu", ".html", ".htm", ".warc", ".warc.gz"}
MAX_BYTES_DEFAULT = 64 * 1024 * 1024
MAX_CHARS_DEFAULT = 1_000_000


def read(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = MAX_BYTES_DEFAULT,
    max_chars: int = MAX_CHARS_DEFAULT,
) -> Iterator[Document | Problem]:
    """Yield a Document for every readable text and a Problem for every failure.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("قال الوزير إن الاجتماع ناجح.", encoding="utf-8")
    >>> _ = (d / "b.txt").write_bytes(b"")
    >>> [(type(x).__name__, getattr(x, "lang", "")) for x in read([d])]
    [('Document', 'ar'), ('Problem', '')]
    """
    seen: set[str] = set()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in SUFFIXES)
            if not files:
                yield Problem(
                    str(path), f"no readable files ({', '.join(sorted(SUFFIXES))}) in this folder"
                )
                continue
            for f in files:
                yield from _dedupe(
                    limit(_read_file(f, f.relative_to(path).as_posix(), max_bytes), max_chars),
                    seen,
                )
        elif path.is_file():
            yield from _dedupe(limit(_read_file(path, path.name, max_bytes), max_chars), seen)
        elif not path.exists():
            yield Problem(str(path), "no such file or directory")
        else:
            yield Problem(str(path), "not a regular file")


def from_strings(texts: Iterable[str], *, prefix: str = "text") -> Iterator[Document]:
    """Documents from in-memory strings, with ids ``text-1``, ``text-2``, ...

    >>> [d.id for d in from_strings(["a", "b"])]
    ['text-1', 'text-2']
    """
    for i, t in enumerate(texts, 1):
        clean = _clean(t)
        yield Document(
            id=f"{prefix}-{i}", text=clean, lang=detect_lang(clean), source=f"<{prefix}-{i}>"
        )


def limit(items: Iterator[Document | Problem], max_chars: int) -> Iterator[Document | Problem]:
    """The items, with a Document longer than ``max_chars`` characters refused."""
    for item in items:
        if isinstance(item, Document) and item.format == "text" and len(item.text) > max_chars:
            yield Problem(
                item.source,
                f"document is {len(item.text):,} characters, over the limit of {max_chars:,} (--max-chars); "
                "split it, or raise the limit",
            )
        else:
            yield item


def _dedupe(items: Iterator[Document | Problem], seen: set[str]) -> Iterator[Document | Problem]:
    for item in items:
        if isinstance(item, Document):
            if item.id in seen:
                yield Problem(item.source, f"duplicate document id {item.id!r}; skipped")
                continue
            seen.add(item.id)
        yield item


def _suffix(path: Path) -> str:
    """A file's kind by its name: ``.warc.gz`` for a gzipped WARC, else its suffix.

    >>> _suffix(Path("crawl.WARC.gz")), _suffix(Path("a.txt"))
    ('.warc.gz', '.txt')
    """
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _read_file(path: Path, doc_id: str, max_bytes: int) -> Iterator[Document | Problem]:
    src = str(path)
    if _suffix(path) in (".warc", ".warc.gz"):
        yield from _read_warc(path, max_bytes)
        return
    if path.suffix.lower() == ".jsonl" and not _utf16(path):
        yield from _stream_jsonl(path, src, doc_id)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Problem(
                src, f"file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)"
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(src, f"cannot read: {exc.strerror or exc}")
        return
    text, why = decode(data)
    if text is None:
        yield Problem(src, why)
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(text, src, doc_id)
        return
    if suffix == ".conllu":
        parts = split_conllu(text)
        for k, (name, part) in enumerate(parts, 1):
            if len(parts) == 1:
                yield _document(doc_id, part, src, fmt="conllu", meta=_encoding_meta(why))
            else:
                yield _document(
                    f"{doc_id}#{name or k}",
                    part,
                    f"{src}#{name or k}",
                    fmt="conllu",
                    meta=_encoding_meta(why),
                )
        return
    meta = _encoding_meta(why)
    if suffix in (".html", ".htm") or looks_like_html(text):
        yield html_document(doc_id, text, src, meta=meta)
        return
    if suffix in (".md", ".markdown"):
        text = markdown_to_text(text)
    yield _document(doc_id, text, src, meta=meta)


def html_document(
    doc_id: str, markup: str, src: str, *, url: str = "", meta: tuple[tuple[str, str], ...] = ()
) -> Document | Problem:
    """A Document of an HTML page's main text, with its metadata (``kg.web``): what every
    input of HTML (a saved page, a fetched URL, a WARC record) goes through."""
    page = extract(markup, url=url)
    meta = (*meta, ("markup", "html"), *page.meta())
    if page.how != "main text":
        meta += (("extraction", page.how),)
    return _document(doc_id, page.text, src, meta=meta)


def _read_warc(path: Path, max_bytes: int) -> Iterator[Document | Problem]:
    """The Documents of a WARC file's HTML pages (``kg.warc``)."""
    return warc_documents(path, max_bytes=max_bytes)


def warc_documents(
    source: Path | bytes, *, max_bytes: int, src: str = "", fetch: str = "from a WARC file"
) -> Iterator[Document | Problem]:
    """The Documents of a WARC's HTML pages (``kg.warc``): a file, or the bytes of a WARC
    fetched from ``src`` (kg.fetch), ``fetch`` saying how it was had."""
    from .warc import records

    for rec in records(source, max_bytes=max_bytes, src=src):
        if isinstance(rec, Problem):
            yield rec
            continue
        text, why = decode(rec.body, rec.content_type)
        if text is None:
            yield Problem(rec.where, why)
            continue
        meta = (("fetch", fetch), *_encoding_meta(why))
        meta += (("archived", rec.date),) if rec.date else ()
        yield html_document(doc_id(rec.uri), text, rec.where, url=rec.uri, meta=meta)


def _encoding_meta(why: str) -> tuple[tuple[str, str], ...]:
    return (("encoding", why),) if why else ()


def _document(
    doc_id: str, text: str, src: str, *, fmt: str = "text", meta: tuple[tuple[str, str], ...] = ()
) -> Document | Problem:
    text = _clean(text, newlines=fmt != "text" or any(k == "markup" for k, _ in meta))
    if not text.strip():
        if ("markup", "html") in meta:
            return Problem(src, "an HTML page with no visible text")
        return Problem(
            src, "empty: no text in this file" if not text else "only whitespace, no text"
        )
    lang = detect_lang(text) if fmt == "text" else _conllu_lang(text)
    if fmt == "text" and lang == "und":
        return Problem(src, "no Arabic or Latin letters: nothing to analyse")
    return Document(id=doc_id, text=text, lang=lang, source=src, format=fmt, meta=meta)


def _utf16(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(2) in (b"\xff\xfe", b"\xfe\xff")
    except OSError:
        return False


def _stream_jsonl(path: Path, src: str, file_id: str) -> Iterator[Document | Problem]:
    """A .jsonl file line by line: any size, one line in memory at a time."""
    try:
        f = open(path, "rb")  # noqa: SIM115 (closed below, also when the caller stops early)
    except OSError as exc:
        yield Problem(src, f"cannot read: {exc.strerror or exc}")
        return
    with f:
        found = False
        for n, raw in enumerate(f, 1):
            if n == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            line, why = decode(raw.rstrip(b"\r\n"))
            if line is None:
                yield Problem(f"{src}:{n}", why)
                continue
            for item in _jsonl_line(line, n, src, file_id):
                found = found or isinstance(item, Document)
                yield item
    if not found:
        yield Problem(src, "no documents in this .jsonl file")


def _read_jsonl(text: str, src: str, file_id: str) -> Iterator[Document | Problem]:
    found = False
    for n, line in enumerate(text.splitlines(), 1):
        for item in _jsonl_line(line, n, src, file_id):
            found = found or isinstance(item, Document)
            yield item
    if not found:
        yield Problem(src, "no documents in this .jsonl file")


def _jsonl_line(line: str, n: int, src: str, file_id: str) -> Iterator[Document | Problem]:
    if not line.strip():
        return
    where = f"{src}:{n}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Problem(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
        return
    except RecursionError:
        yield Problem(where, "invalid JSON (nested too deeply)")
        return
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        yield Problem(where, 'expected an object with a string "text" field')
        return
    doc_id = _clean(str(obj.get("id") or f"{file_id}:{n}"))
    meta = tuple(
        sorted(
            (_clean(str(k)), _clean(str(v)))
            for k, v in obj.items()
            if k not in ("id", "text") and isinstance(v, str | int | float)
        )
    )
    yield _document(doc_id, obj["text"], where, meta=meta)


def decode(data: bytes, content_type: str = "") -> tuple[str | None, str]:
    """Decode bytes of a file or an HTTP answer: the one decision procedure for every input.

    In order: a byte-order mark; the charset declared by HTTP (``content_type``, the
    ``Content-Type`` header) or else by the page (``<meta charset>``, or ``<meta
    http-equiv>``), when the bytes decode under it; UTF-8; else charset-normalizer's
    detection, accepted when it finds an Arabic code page (Windows-1256 most often) and
    the text is clearly Arabic. Returns ``(text, note)``; ``text`` is None when the
    bytes are not text and ``note`` says why. ``note`` is ``""`` for UTF-8, else the
    encoding (with where it was declared).

    >>> decode("سلام".encode("utf-8"))
    ('سلام', '')
    >>> decode(b"\\x00\\x01binary")[1]
    'binary file (NUL bytes at offset 0); not text'
    >>> decode("قال الوزير إن الاجتماع ناجح".encode("cp1256"))[1]
    'windows-1256'
    >>> decode("<meta charset='windows-1256'>قال".encode("cp1256"))[1]
    'windows-1256 (declared by the page)'
    >>> decode("قال".encode("cp1256"), "text/html; charset=windows-1256")[1]
    'windows-1256 (declared by HTTP)'
    """
    if not data:
        return "", ""
    nul = data.find(b"\x00")
    if nul >= 0 and not (data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")):
        return None, f"binary file (NUL bytes at offset {nul}); not text"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, "starts with a UTF-16 byte-order mark but is not valid UTF-16"
    else:
        for declared, where in (
            (charset_of(content_type), "HTTP"),
            (meta_charset(data), "the page"),
        ):
            if declared in _WESTERN and not data.isascii() and (arabic := _detect_arabic(data)):
                return arabic[0], f"{arabic[1]} (declared {_display(declared)} by {where})"
            if declared and declared != "utf-8":
                try:
                    return data.decode(declared), f"{_display(declared)} (declared by {where})"
                except (UnicodeDecodeError, LookupError):
                    pass  # a declaration the bytes belie: detect instead
            if declared:
                break
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        bad = exc.start
    found = _detect_arabic(data)
    if found is not None:
        return found
    return (
        None,
        f"not valid UTF-8 (byte 0x{data[bad]:02x} at offset {bad}) and not recognisably Windows-1256",
    )


#: Western code pages that Arabic pages in Windows-1256 often wrongly declare.
_WESTERN = ("iso8859-1", "cp1252", "iso8859-15", "ascii")

#: Single-byte Arabic code pages charset-normalizer may name.
_ARABIC_CODECS = ("cp1256", "iso8859_6", "cp720", "cp864", "mac_arabic")


def _detect_arabic(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best Arabic code page for bytes that are not UTF-8, when the
    text is clearly Arabic (Windows-1256 is tried last, as most Arabic pages that are
    not UTF-8 are in it)."""
    from charset_normalizer import from_bytes

    sample = data[:65_536]
    ranked = [m.encoding for m in from_bytes(sample, cp_isolation=list(_ARABIC_CODECS))]
    for codec in dict.fromkeys([c for c in ranked if c in _ARABIC_CODECS] + ["cp1256"]):
        try:
            alt = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _clearly_arabic(alt[:50_000]):
            return alt, _display(codec)
    return None


def _clearly_arabic(text: str) -> bool:
    letters = ARABIC_LETTER.findall(text)
    latin = LATIN_LETTER.findall(text)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n")
    return len(letters) > 20 and len(letters) > 3 * len(latin) and controls == 0


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def charset_of(content_type: str) -> str:
    """The charset an HTTP ``Content-Type`` declares, as a Python codec name ("" if none).

    >>> charset_of('text/html; charset="Windows-1256"'), charset_of("text/html")
    ('cp1256', '')
    """
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return _codec(m.group(1)) if m else ""


def meta_charset(data: bytes) -> str:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or ``<meta
    http-equiv="Content-Type" content="...; charset=...">``), as a codec name.

    >>> meta_charset(b'<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    'cp1256'
    """
    m = _CHARSET.search(data[:4096])
    return _codec(m.group(1).decode("ascii", "replace")) if m else ""


def _codec(name: str) -> str:
    import codecs

    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return ""


def _display(codec: str) -> str:
    """An encoding's usual name: ``windows-1256``, ``iso-8859-6``.

    >>> _display("cp1256"), _display("iso8859_6"), _display("utf-16")
    ('windows-1256', 'iso-8859-6', 'utf-16')
    """
    name = _codec(codec) or codec
    if re.fullmatch(r"cp125\d", name):
        return f"windows-{name[2:]}"
    return re.sub(r"^iso8859-", "iso-8859-", name)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str, *, newlines: bool = False) -> str:
    """The document text of decoded text: a leading BOM removed, control characters
    (C0 but tab, LF and CR; DEL) as spaces and lone surrogates (JSON can spell them:
    "\\ud800") as U+FFFD, which UTF-8 can write; one character for one, so offsets in
    the document text index the file's characters. Line ends stay as they are (CRLF,
    CR, LF), unless ``newlines`` (a CoNLL-U file, HTML or Markdown turned into text)
    makes them ``\\n``.

    >>> _clean("\\ufeffa\\r\\nb\\x00c\\ud800") == "a\\r\\nb c\\ufffd"
    True
    >>> _clean("a\\r\\nb\\rc", newlines=True)
    'a\\nb\\nc'
    """
    text = text.removeprefix("\ufeff")
    if newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text))


def split_conllu(text: str) -> list[tuple[str, str]]:
    r"""A CoNLL-U file cut into its documents at ``# newdoc`` lines: (id or "", text).
    A ``# newdoc`` that repeats the id of the document before it continues that document
    (UD PUD marks every sentence so).

    >>> [n for n, _ in split_conllu("# newdoc id = a\n1\tx\n\n# newdoc id = b\n1\ty\n")]
    ['a', 'b']
    >>> len(split_conllu("1\tx\n"))
    1
    """
    parts: list[tuple[str, list[str]]] = []
    for line in text.splitlines(keepends=True):
        m = re.match(r"#\s*newdoc\b(?:\s*id\s*=\s*(.*))?", line)
        name = (m.group(1) or "").strip() if m else ""
        if m and (
            not parts
            or (name != parts[-1][0] or not name)
            and any(x.strip() and not x.startswith("#") for x in parts[-1][1])
        ):
            parts.append((name, [line]))
        elif not parts:
            parts.append(("", [line]))
        else:
            parts[-1][1].append(line)
    return [(name, "".join(lines)) for name, lines in parts] or [("", text)]


def _conllu_lang(text: str) -> str:
    m = re.search(r"^#\s*(?:lang|language)\s*=\s*(\w+)", text, re.M)
    if m:
        return m.group(1)
    words = [
        line.split("\t")[1]
        for line in text.splitlines()[:2000]
        if line and line[0].isdigit() and "\t" in line
    ]
    return detect_lang(" ".join(words))


_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """Whether a text file is in fact an HTML page (saved from a browser as .txt).

    >>> looks_like_html("<!DOCTYPE html><html><body>x</body></html>"), looks_like_html("قال: <b>")
    (True, False)
    """
    return _HTML_START.match(text[:4096]) is not None


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def markdown_to_text(md: str) -> str:
    """Markdown with its markup removed (headings, emphasis, links, code fences).

    >>> markdown_to_text("# عنوان\\n\\n**قال** [الوزير](http://x)")
    'عنوان\\n\\nقال الوزير'
    """
    out = []
    for line in md.splitlines():
        if line.strip().startswith("```"):
            continue
        line = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)", "", line)
        line = _MD_LINK.sub(r"\1", line)
        line = re.sub(r"(\*\*|__|\*|`)", "", line)
        out.append(line)
    return "\n".join(out)

"""Evidence offsets index the document text exactly (issue 15, item 9).

The document text of a plain-text file is its decoded text with a leading BOM removed,
line ends as in the file (CRLF, CR or LF), and control characters (C0 but tab, LF and
CR; DEL) read as spaces: one character for one, so ``text[start:end]`` of the file's
characters is the evidence. The extraction is the same whatever the line ends.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import kg

ARTICLE = (
    "استضاف الرئيس الفرنسي إيمانويل ماكرون قمة في باريس\n"
    "وقال إن فرنسا تدعم الحوار.\n\n"
    "زار وزير الخارجية القطري مصر والأردن.\n"
    "والتقى الرئيس المصري في القاهرة.\n"
)
EVIDENCE = """
SELECT ?id ?e ?s ?t WHERE {
  ?f kg:evidence ?e ; kg:evidenceStart ?s ; kg:evidenceEnd ?t ; prov:wasDerivedFrom ?sent .
  ?sent dcterms:isPartOf/dcterms:identifier ?id .
}
"""
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def document_text(data: bytes) -> str:
    """The contract's document text of a file's bytes (UTF-8 or UTF-16, BOM or not)."""
    text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode()
    return CONTROL.sub(" ", text.removeprefix("\ufeff"))


def variants() -> dict[str, bytes]:
    crlf = ARTICLE.replace("\n", "\r\n")
    return {
        "lf.txt": ARTICLE.encode(),
        "crlf.txt": crlf.encode(),
        "cr.txt": ARTICLE.replace("\n", "\r").encode(),
        "bom_crlf.txt": b"\xef\xbb\xbf" + crlf.encode(),
        "controls.txt": ARTICLE.replace("فرنسا", "فرنسا\x07")
        .replace("\n\n", "\n\x0b\x0c\n")
        .encode(),
        "utf16.txt": crlf.encode("utf-16"),
        "mixed.txt": ARTICLE.replace("\n", "\r\n", 1).replace("\n\n", "\r\r").encode(),
    }


def test_every_evidence_slice_is_the_document_text(tmp_path: Path) -> None:
    files = variants()
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    line = {"id": "nul", "text": ARTICLE.replace("قمة", "قمة\u0000").replace("\n", "\r\n")}
    (tmp_path / "nul.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    texts = {name: document_text(data) for name, data in files.items()}
    texts["nul"] = CONTROL.sub(" ", line["text"])

    g = kg.build(paths=[tmp_path], analyser="rules", linker="none")
    rows = g.query(EVIDENCE)
    by_doc: dict[str, int] = {}
    for r in rows:
        text = texts[r["id"]]
        assert text[r["s"] : r["t"]] == r["e"], (r["id"], r["s"], r["t"], r["e"])
        by_doc[r["id"]] = by_doc.get(r["id"], 0) + 1
    assert set(by_doc) == set(texts)
    # the same facts whatever the line ends and controls
    assert len(set(by_doc.values())) == 1, by_doc

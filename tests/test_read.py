"""Read stage: files, folders, encodings and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from kg.model import Document, Problem
from kg.read import decode, read


def _items(*paths: Path) -> list[Document | Problem]:
    return list(read(paths))


def test_text_markdown_jsonl_html_and_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("قال الوزير إن الاجتماع ناجح.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text(
        "# عنوان\n\n**أعلن** [الجيش](http://x) الخبر.", encoding="utf-8"
    )
    rows = [
        {"id": "n1", "text": "وصل الوفد إلى بغداد.", "date": "2024-01-01"},
        {"id": "n2", "text": "The minister met Macron."},
    ]
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
    )
    (tmp_path / "d.html").write_text(
        "<html><head><script>alert(1)</script></head><body><p>زار الرئيس مصر.</p></body></html>"
    )
    (tmp_path / "notes.tsv").write_text("ignored", encoding="utf-8")
    docs = {d.id: d for d in _items(tmp_path) if isinstance(d, Document)}
    assert sorted(docs) == ["a.txt", "d.html", "n1", "n2", "sub/b.md"]
    assert docs["sub/b.md"].text.split() == ["عنوان", "أعلن", "الجيش", "الخبر."]
    assert docs["n2"].lang == "en" and docs["n1"].lang == "ar"
    assert ("date", "2024-01-01") in docs["n1"].meta
    assert "alert" not in docs["d.html"].text and docs["d.html"].text == "زار الرئيس مصر."


def test_bom_and_line_endings(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffسطر أول\r\nسطر ثان".encode())
    (doc,) = _items(tmp_path / "bom.txt")
    # the document text: BOM removed, line ends as in the file (evidence offsets index it)
    assert isinstance(doc, Document) and doc.text == "سطر أول\r\nسطر ثان"


def test_bad_files_are_problems_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    (tmp_path / "good.txt").write_text("قال الوزير.", encoding="utf-8")
    items = _items(tmp_path)
    problems = {Path(p.source).name: p.reason for p in items if isinstance(p, Problem)}
    assert set(problems) == {"empty.txt", "blank.txt", "binary.txt", "latin1.txt"}
    assert "empty" in problems["empty.txt"] and "whitespace" in problems["blank.txt"]
    assert "binary" in problems["binary.txt"] and "UTF-8" in problems["latin1.txt"]
    assert [d.id for d in items if isinstance(d, Document)] == ["good.txt"]


def test_windows_1256_arabic_is_recognised(tmp_path: Path) -> None:
    (tmp_path / "cp.txt").write_bytes(
        "أعلن الجيش السوري السيطرة على المدينة بعد معارك عنيفة".encode("cp1256")
    )
    (doc,) = _items(tmp_path / "cp.txt")
    assert (
        isinstance(doc, Document)
        and doc.text.startswith("أعلن الجيش")
        and ("encoding", "windows-1256") in doc.meta
    )


def test_folder_without_text_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    items = _items(tmp_path, tmp_path / "nope.txt")
    assert [type(i).__name__ for i in items] == ["Problem", "Problem"]
    assert "no readable files" in items[0].reason and "no such file" in items[1].reason


def test_jsonl_bad_lines_name_the_line(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text(
        '{"id": "a", "text": "نص"}\n{broken\n{"id": "b"}\n', encoding="utf-8"
    )
    items = _items(tmp_path / "x.jsonl")
    problems = [p for p in items if isinstance(p, Problem)]
    assert [p.source.rsplit(":", 1)[1] for p in problems] == ["2", "3"]


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text(
        '{"id": "a", "text": "نص أول"}\n{"id": "a", "text": "نص ثان"}\n', encoding="utf-8"
    )
    items = _items(tmp_path / "x.jsonl")
    assert (
        isinstance(items[0], Document)
        and isinstance(items[1], Problem)
        and "duplicate" in items[1].reason
    )


def test_decode_utf16_with_bom() -> None:
    text, note = decode("مرحبا".encode("utf-16"))
    assert text == "مرحبا" and note == "utf-16"

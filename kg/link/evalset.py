"""Score a linker on a set of sentences with one marked name each (``tests/data/linking_ar.tsv``).

Each case is a sentence, the name as written in it, the expected QID (``-`` for no link)
and the class an NER would give the name. Two ways to run a case:

- ``linker``: the linker alone, on one mention made from the case (what it does with a
  mention from any NER or from CoNLL-U);
- ``pipeline``: the whole offline path (rules analyser, extractor, linker), reading the
  QID the name's entity ends up with.

A wrong link (a QID other than the expected one) is the error that matters most;
``unambiguous_wrong`` counts those on names the gazetteer gives a single meaning.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import AnalysedDoc, Document, Entity, Extraction, Link, Mention, Sentence
from ..text import detect_lang


@dataclass(frozen=True, slots=True)
class Case:
    sentence: str
    mention: str
    expected: str  # a QID or "-"
    cls: str

    @property
    def start(self) -> int:
        """Where the mention is: its first occurrence as whole words (not inside one)."""
        found = re.search(rf"(?<!\w){re.escape(self.mention)}(?!\w)", self.sentence)
        return found.start() if found else -1


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    got: str  # a QID or "-"
    ambiguous: bool

    @property
    def ok(self) -> bool:
        return self.got == self.case.expected

    @property
    def wrong_link(self) -> bool:
        return self.got != "-" and self.got != self.case.expected


@dataclass(frozen=True, slots=True)
class Report:
    outcomes: tuple[Outcome, ...]

    @property
    def accuracy(self) -> float:
        return sum(o.ok for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def wrong_links(self) -> int:
        return sum(o.wrong_link for o in self.outcomes)

    @property
    def unambiguous_wrong(self) -> int:
        return sum(o.wrong_link for o in self.outcomes if not o.ambiguous)

    @property
    def missed(self) -> int:
        return sum(o.got == "-" and o.case.expected != "-" for o in self.outcomes)


def read_cases(path: str | os.PathLike[str]) -> list[Case]:
    """The cases of a TSV file (header ``sentence mention expected class``; # comments).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.tsv"
    >>> _ = p.write_text("sentence\\tmention\\texpected\\tclass\\nزار بغداد.\\tبغداد\\tQ1530\\tPlace\\n", encoding="utf-8")
    >>> read_cases(p)[0].start
    4
    """
    try:
        with open(path, encoding="utf-8", newline="") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    header = lines[0].rstrip("\r\n").split("\t") if lines else []
    missing = [c for c in ("sentence", "mention", "expected") if c not in header]
    if missing:
        raise ValueError(
            f"{path}:1: the header lacks {', '.join(missing)} "
            "(expected: sentence, mention, expected, class)"
        )
    cases = []
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
        case = Case(
            row["sentence"] or "",
            row["mention"] or "",
            (row["expected"] or "").strip() or "-",
            (row.get("class") or "Thing").strip(),
        )
        if case.start < 0 or not case.mention:
            raise ValueError(f"{path}:{n}: {case.mention!r} is not in {case.sentence!r}")
        cases.append(case)
    return cases


def extraction_of(case: Case) -> Extraction:
    """A one-sentence, one-mention Extraction for a case (what the linker receives)."""
    text = case.sentence
    doc = Document("case", text, detect_lang(text))
    a = AnalysedDoc(doc, (Sentence(0, 0, len(text), text, ()),), "evalset")
    m = Mention(
        "m1", 0, case.start, case.start + len(case.mention), case.mention, case.cls, "e1", "name"
    )
    return Extraction(
        a, (m,), (Entity("e1", case.mention, case.cls, ("m1",), (case.mention,)),), ()
    )


def _is_ambiguous(case: Case) -> bool:
    from .cues import with_extra_readings
    from .gazetteer import candidates

    found = candidates(case.mention)
    return found is not None and len(with_extra_readings(found.key, found.readings)) > 1


def run_linker(cases: Iterable[Case], linker: object) -> Report:
    """Each case through a linker alone (``linker(extraction) -> links``)."""
    out = []
    for case in cases:
        links: Sequence[Link] = linker(extraction_of(case))  # type: ignore[operator]
        got = links[0].qid if links else "-"
        out.append(Outcome(case, got, _is_ambiguous(case)))
    return Report(tuple(out))


def run_pipeline(cases: Iterable[Case], linker: str = "gazetteer") -> Report:
    """Each Arabic case through the rules analyser, the extractor and the linker (the
    rules analyser reads Arabic only, so other cases are left out)."""
    from ..graph import choose_link
    from ..pipeline import Options, Stages, process

    stages = Stages.from_options(Options(analyser="rules", linker=linker))
    out = []
    for case in cases:
        if detect_lang(case.sentence) != "ar":
            continue
        result = process(Document("case", case.sentence, detect_lang(case.sentence)), stages)
        a, b = case.start, case.start + len(case.mention)
        overlapping = [
            m
            for m in result.extraction.mentions
            if m.start < b and a < m.end and m.kind in ("name", "nominal")
        ]
        got = "-"
        if overlapping:
            # the mention that covers the name best and reaches least beyond it
            m = max(
                overlapping,
                key=lambda m: (
                    min(b, m.end) - max(a, m.start) - (max(0, a - m.start) + max(0, m.end - b))
                ),
            )
            mentions = {x.id for x in result.extraction.mentions if x.entity == m.entity}
            chosen = choose_link([lk for lk in result.links if lk.mention in mentions])
            got = chosen.qid if chosen else "-"
        out.append(Outcome(case, got, _is_ambiguous(case)))
    return Report(tuple(out))


def format_report(report: Report, title: str = "", show_all: bool = False) -> str:
    """A report as text: the figures, then the cases that failed (or all)."""
    lines = [
        f"{title}cases {len(report.outcomes)}  accuracy {report.accuracy:.3f}  wrong links {report.wrong_links}"
        f"  (on unambiguous names {report.unambiguous_wrong})  missed links {report.missed}"
    ]
    for o in report.outcomes:
        if show_all or not o.ok:
            mark = "ok  " if o.ok else ("WRONG" if o.wrong_link else "miss ")
            lines.append(
                f"  {mark} {o.case.mention}  expected {o.case.expected}  got {o.got}  | {o.case.sentence}"
            )
    return "\n".join(lines)

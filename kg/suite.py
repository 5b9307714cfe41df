"""Sentence suites: short texts with the facts they must (and must not) give.

A suite is a TSV file with columns ``id construction text expect forbid``; ``expect``
and ``forbid`` list facts as ``subject > relation > object`` separated by ``;``. A name
matches an entity when, after Arabic normalisation, it equals one of the entity's
names or appears in one as whole words (expected and forbidden facts alike); ``*``
matches anything. A relation may list alternatives (``ledBy|leaderOf``) and may start
with a modality word (:data:`MODALITY_WORDS`): ``not REL`` wants a negated fact (لم تعترف
...), ``planned REL`` a planned one (سيلتقي), ``conditional REL`` one under a condition
(إذا ...), ``reported REL`` one the text only attributes (أفادت تقارير بأن ...) and
``asserted REL`` one the text states itself. A plain relation matches the facts that get
a direct triple: asserted and reported ones.

A forbidden fact never matches a fact that an expected one matched, so ``* > met > *``
in ``forbid`` says "no ``met`` fact but the expected ones". The word ``only`` in
``forbid`` says that for every relation of the expected facts. The core-relation facts
that no expected fact matched are the case's *extras* (:attr:`Outcome.extras`).
``kg suite FILE`` runs one and prints the failures.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import ASSERTED, CONDITIONAL, NEGATED, PLANNED, REPORTED, Extraction
from .text import normalize
from .vocab import CORE_RELATIONS

#: The word in front of a relation that asks for a modality (a fact's relation is shown
#: with it too: ``not met``, ``planned visited``).
MODALITY_WORDS: dict[str, str] = {
    NEGATED: "not",
    PLANNED: "planned",
    CONDITIONAL: "conditional",
    REPORTED: "reported",
    ASSERTED: "asserted",
}
#: Modalities a relation without a modality word matches: the facts with a direct triple.
_PLAIN = (ASSERTED, REPORTED)


@dataclass(frozen=True)
class Case:
    id: str
    construction: str
    text: str
    expect: tuple[tuple[str, str, str], ...]
    forbid: tuple[tuple[str, str, str], ...]


@dataclass
class Outcome:
    case: Case
    missing: list[tuple[str, str, str]] = field(default_factory=list)
    forbidden: list[tuple[str, str, str]] = field(default_factory=list)
    facts: list[tuple[str, str, str]] = field(default_factory=list)
    #: core-relation facts (negated ones too) that no expected fact matched
    extras: list[tuple[str, str, str]] = field(default_factory=list)
    #: (relation, predicate lemma) of every fact that an expected fact matched
    matched: list[tuple[str, str]] = field(default_factory=list)
    #: the lemmas of the analysed text's words
    lemmas: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        return not self.missing and not self.forbidden


def _facts(cell: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        bits = [b.strip() for b in part.split(">")]
        if len(bits) != 3:
            raise ValueError(f"bad fact {part!r}: expected 'subject > relation > object'")
        out.append((bits[0], bits[1], bits[2]))
    return tuple(out)


def load(path: str | Path) -> list[Case]:
    """Read a suite file. Case ids are unique within it: a repeated id is an error that
    names the file and both lines."""
    numbered = [
        (n, ln)
        for n, ln in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1)
        if ln.strip() and not ln.startswith("#")
    ]
    cases = []
    seen: dict[str, int] = {}
    rows = csv.DictReader([ln for _, ln in numbered], delimiter="\t", quoting=csv.QUOTE_NONE)
    for (n, _), row in zip(numbered[1:], rows, strict=True):
        if row["id"] in seen:
            raise InputError(
                f"{path}:{n}", f"case id {row['id']!r} is already used on line {seen[row['id']]}"
            )
        seen[row["id"]] = n
        expect = _facts(row.get("expect") or "")
        forbid_cell = row.get("forbid") or ""
        only = [p.strip() for p in forbid_cell.split(";")].count("only") > 0
        forbid = _facts(";".join(p for p in forbid_cell.split(";") if p.strip() != "only"))
        if only:
            forbid += _only(expect)
        cases.append(Case(row["id"], row["construction"], row["text"], expect, forbid))
    return cases


def _only(expect: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """``only`` in a forbid cell: no fact of the expected facts' relations but the
    expected ones.

    >>> _only((("a", "met", "b"), ("a", "said|affirmed", "*"), ("c", "met", "*")))
    (('*', 'met', '*'), ('*', 'said|affirmed', '*'))
    """
    rels = dict.fromkeys(r for _, r, _ in expect)
    return tuple(("*", r, "*") for r in rels)


def _matches(want: str, names: tuple[str, ...]) -> bool:
    """A wanted name against an entity's names: equal, or whole words of one of them,
    after Arabic normalisation.

    >>> _matches("جنود", ("ثلاثة جنود",)), _matches("جنود", ("الجنود",))
    (True, False)
    >>> _matches("المحادثات إيجابية", ("المحادثات إيجابية، مضيفا أن الاتفاق قريب",))
    True
    """
    if want == "*":
        return True
    w = _words(want)
    return any(f" {w} " in f" {_words(n)} " for n in names)


def _words(name: str) -> str:
    """A name as normalised words, punctuation dropped.

    >>> _words('الناتو: "سنقف مع حلفائنا')
    'الناتو سنقف مع حلفاينا'
    """
    return " ".join(re.findall(r"\w+", normalize(name)))


def _relation_matches(want: str, got: str) -> bool:
    """``*``, ``said``, ``ledBy|leaderOf``, ``not *`` or ``planned met`` against a fact
    shown as :func:`shown` (its modality word in front unless it is asserted).

    >>> _relation_matches("ledBy|leaderOf", "leaderOf"), _relation_matches("*", "not met")
    (True, False)
    >>> _relation_matches("not *", "not met"), _relation_matches("not met", "met")
    (True, False)
    >>> _relation_matches("met", "reported met"), _relation_matches("met", "planned met")
    (True, False)
    >>> _relation_matches("planned met", "planned met"), _relation_matches("asserted met", "reported met")
    (True, False)
    """
    want_mods, want_rel = _split(want)
    got_mods, got_rel = _split(got)
    if not set(got_mods or (ASSERTED,)) & set(want_mods or _PLAIN):
        return False
    return want_rel == "*" or got_rel in want_rel.split("|")


def _split(relation: str) -> tuple[tuple[str, ...], str]:
    """A relation's modality (from its first word; none when it has no modality word)
    and the relation itself."""
    word, _, rest = relation.partition(" ")
    for modality, w in MODALITY_WORDS.items():
        if rest and word == w:
            return (modality,), rest.strip()
    return (), relation


def shown(relation: str, modality: str) -> str:
    """A fact's relation with its modality word in front (none when asserted).

    >>> shown("met", "planned"), shown("met", "asserted")
    ('planned met', 'met')
    """
    return relation if modality == ASSERTED else f"{MODALITY_WORDS[modality]} {relation}"


def check(case: Case, extraction: Extraction) -> Outcome:
    """Compare one case's expectations with what was extracted from its text."""
    ents = {e.key: e for e in extraction.entities}
    triples = [
        (ents[t.subject], shown(t.relation, t.modality), ents[t.object]) for t in extraction.triples
    ]
    out = Outcome(case, facts=[(s.label, r, o.label) for s, r, o in triples])
    out.lemmas = frozenset(
        t.lemma for s in extraction.analysed.sentences for t in s.tokens if t.lemma
    )

    def hits(want: tuple[str, str, str]) -> set[int]:
        ws, wr, wo = want
        return {
            n
            for n, (s, r, o) in enumerate(triples)
            if _relation_matches(wr, r)
            and _matches(ws, (s.label, *s.names))
            and _matches(wo, (o.label, *o.names))
        }

    expected: set[int] = set()
    for want in case.expect:
        found = hits(want)
        expected |= found
        if not found:
            out.missing.append(want)
    out.matched = sorted(
        {(extraction.triples[n].relation, extraction.triples[n].lemma) for n in expected}
    )
    for want in case.forbid:
        if hits(want) - expected:
            out.forbidden.append(want)
    out.extras = [
        out.facts[n]
        for n, (_, r, _) in enumerate(triples)
        if n not in expected and _split(r)[1] in CORE_RELATIONS
    ]
    return out


def run(path: str | Path, analyser: str = "rules") -> list[Outcome]:
    """Run every case of a suite through analyse -> extract."""
    from .pipeline import Options, Stages, process
    from .read import from_strings

    stages = Stages.from_options(Options(analyser=analyser, linker="none"))
    outcomes = []
    for case in load(path):
        doc = next(from_strings([case.text], prefix=case.id))
        result = process(doc, stages)
        outcomes.append(check(case, result.extraction))
    return outcomes


def format_outcomes(outcomes: list[Outcome], verbose: bool = False) -> str:
    lines = []
    for o in outcomes:
        if o.ok and not verbose:
            continue
        lines.append(
            f"{'ok  ' if o.ok else 'FAIL'} {o.case.id} ({o.case.construction}): {o.case.text}"
        )
        for f in o.missing:
            lines.append(f"     missing   {' > '.join(f)}")
        for f in o.forbidden:
            lines.append(f"     forbidden {' > '.join(f)}")
        if not o.ok or verbose:
            for f in o.facts:
                lines.append(f"     got       {f[0]} > {f[1]} > {f[2][:60]}")
    passed = sum(o.ok for o in outcomes)
    lines.append(f"{passed}/{len(outcomes)} cases pass")
    return "\n".join(lines)

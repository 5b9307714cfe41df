"""The Arabic sentence suites: every construction gives the facts it must, and not the others.

- ``suite_ar.tsv``, ``heldout*_ar.tsv``: constructions; ``suite_coref_ar.tsv``: pronouns and
  dropped subjects with two possible antecedents; ``suite_lexicon_ar.tsv``: one sentence
  or more for every row of the Arabic relation lexicon. Every case must pass.
- ``suite_failing_ar.tsv``, ``suite_lexicon_failing_ar.tsv``: known extractor failures,
  run as ``xfail(strict=True)``: a case that starts passing fails the run, and must be
  moved to the suite it belongs to.
- ``suite_extras.tsv``: the core-relation facts that the passing cases give beyond their
  expected ones. A new one (a wrong extra fact, most of the time) or one that went away
  fails; re-record with ``python scripts/record_scores.py`` when the change is intended.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import suite
from kg.lexicon.relations import key
from tests.conftest import DATA, ROOT, suite_files

EXTRAS = DATA / "suite_extras.tsv"

OUTCOMES = {o.case.id: o for f in suite_files() for o in suite.run(f)}
FAILED = {o.case.id: o for f in suite_files(failing=True) for o in suite.run(f)}


@pytest.mark.parametrize("case_id", sorted(OUTCOMES))
def test_case(case_id: str) -> None:
    o = OUTCOMES[case_id]
    assert o.ok, suite.format_outcomes([o])


@pytest.mark.parametrize(
    "case_id",
    [
        pytest.param(
            c,
            marks=pytest.mark.xfail(
                strict=True, reason=f"known extractor failure: {FAILED[c].case.construction}"
            ),
        )
        for c in sorted(FAILED)
    ],
)
def test_known_failure(case_id: str) -> None:
    o = FAILED[case_id]
    assert o.ok, suite.format_outcomes([o])


def test_case_ids_are_unique_across_suites() -> None:
    ids = [c.id for f in suite_files() + suite_files(failing=True) for c in suite.load(f)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_suite_is_big_enough() -> None:
    assert len(OUTCOMES) >= 60
    assert len({o.case.construction for o in OUTCOMES.values()}) >= 40


def test_no_case_passes_on_an_empty_extraction() -> None:
    """Every case wants some fact (or is a known failure): none passes when nothing comes out."""
    from kg.model import AnalysedDoc, Document, Extraction

    empty = Extraction(AnalysedDoc(Document("x", ""), (), "none"), (), (), ())
    passing = [o.case.id for o in OUTCOMES.values() if suite.check(o.case, empty).ok]
    # a passive with no agent (nothing may be guessed) and an arrest phrase whose correct
    # fact is a known failure (suite_failing_ar.tsv fail-arrest-1): prohibitions only
    assert sorted(passing) == ["g-10", "pass-2"]


def _recorded_extras() -> set[tuple[str, str, str, str]]:
    rows = [ln.split("\t") for ln in EXTRAS.read_text(encoding="utf-8").splitlines()[1:]]
    return {(r[0], r[1], r[2], r[3]) for r in rows if len(r) >= 4}


def current_extras() -> set[tuple[str, str, str, str]]:
    return {(c, *f) for c, o in OUTCOMES.items() for f in o.extras}


def test_facts_beyond_the_expected_ones_are_the_recorded_ones() -> None:
    """A fact of a core relation that no expectation of its case matched is listed in
    suite_extras.tsv; a new one is a wrong extra fact most of the time."""
    now, then = current_extras(), _recorded_extras()
    new = sorted(now - then)
    gone = sorted(then - now)
    how = "re-record with `python scripts/record_scores.py` if intended"
    assert not new, (
        "new facts beyond the expected ones (wrong?):\n"
        + "\n".join(" > ".join(f) for f in new)
        + f"\n{how}"
    )
    assert not gone, (
        "listed extra facts no longer given:\n"
        + "\n".join(" > ".join(f) for f in gone)
        + f"\n{how}"
    )


def test_a_repeated_case_id_is_an_error_naming_the_line(tmp_path: Path) -> None:
    from kg.errors import InputError

    f = tmp_path / "dup.tsv"
    f.write_text(
        "id\tconstruction\ttext\texpect\tforbid\na\tx\tزار الرئيس مصر.\t\t\na\ty\tزار الرئيس مصر.\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"dup.tsv:3: case id 'a' is already used on line 2"):
        suite.load(f)


def test_forbidden_names_match_whole_words_and_spare_expected_facts(tmp_path: Path) -> None:
    f = tmp_path / "s.tsv"
    f.write_text(
        "id\tconstruction\ttext\texpect\tforbid\n"
        "a\tx\tقتلت القوات الأمنية قائدا.\tالقوات الأمنية > killed > قائدا\tالقوات > killed > *\n"
        "b\tx\tالتقى الرئيس الروسي نظيره التركي.\tالرئيس الروسي > met > نظيره التركي\tonly\n"
        "c\tx\tالتقى الرئيس الروسي نظيره التركي.\tالرئيس الروسي > met > نظيره\t* > met > *\n",
        encoding="utf-8",
    )
    a, b, c = suite.run(f)
    # the expected fact is spared; القوات is a whole word of القوات الأمنية, so forbidden
    # facts are matched as loosely as expected ones (it was exact names before)
    assert a.ok
    a2 = suite.check(suite.Case("a2", "x", a.case.text, (), a.case.forbid), _extract(a.case.text))
    assert a2.forbidden == [("القوات", "killed", "*")]
    assert b.ok and b.case.forbid == (("*", "met", "*"),)
    # نظيره matches the object as a whole word: the met fact is expected, so not forbidden
    assert c.ok


def _extract(text: str) -> object:
    from kg.pipeline import Options, Stages, process
    from kg.read import from_strings

    stages = Stages.from_options(Options(analyser="rules", linker="none"))
    return process(next(from_strings([text])), stages).extraction


# --- the relation lexicon is covered --------------------------------------------------------


def _rows(lang: str) -> list[tuple[str, str, str]]:
    path = ROOT / "kg" / "data" / f"relations_{lang}.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    return [(r[0], r[1], r[2]) for r in (ln.split("\t") for ln in lines[1:])]


def test_every_lexicon_row_has_a_sentence() -> None:
    """Every row (lemma, relation) is exercised: a passing case has an expected fact of that
    relation matched by a fact whose predicate is that lemma, or a known-failure case
    written for the row (its construction ``V lemma``) expects that relation."""
    outcomes = OUTCOMES
    fired = {(rel, key(lemma)) for o in outcomes.values() for rel, lemma in o.matched}
    fired |= {(rel, key(lemma.split(" ")[0])) for rel, lemma in fired}
    written = {
        (o.case.construction.split(" ", 1)[-1], r)
        for o in FAILED.values()
        for _, rels, _ in o.case.expect
        for r in rels.split("|")
    }
    missing = [
        f"{pos} {lemma} {rel}"
        for lemma, pos, rel in _rows("ar")
        if (rel, key(lemma)) not in fired
        and (rel, key(lemma.split(" ")[0])) not in fired
        and (lemma, rel) not in written
    ]
    assert not missing, f"{len(missing)} rows with no sentence:\n" + "\n".join(missing)


def test_lexicon_cases_contain_their_lemma() -> None:
    """A lexicon case names its row (``V دعا``) and its text has a word of that lemma (the
    analyser gives that lemma to one of its words, or the text contains it as written)."""
    from kg.text import normalize

    rows = {(pos, lemma) for lemma, pos, _ in _rows("ar")}
    outcomes = {**OUTCOMES, **FAILED}
    bad = []
    for f in sorted(DATA.glob("suite_lexicon*_ar.tsv")):
        for c in suite.load(f):
            pos, _, lemma = c.construction.partition(" ")
            words = {key(w) for w in outcomes[c.id].lemmas}
            k = key(lemma)
            stem = k[:-1] if k.endswith("ه") else k  # مصادقة -> مصادقته
            if (pos, lemma) not in rows or not (
                k in words or stem.replace(" ", "") in normalize(c.text).replace(" ", "")
            ):
                bad.append(f"{c.id}: {c.construction}")
    assert not bad, "\n".join(bad)


def test_the_modality_suite_states_every_modality() -> None:
    """suite_modality_ar.tsv: at least 25 cases, and expected facts of every modality
    (asserted controls included), each checked by its case above."""
    cases = suite.load(DATA / "suite_modality_ar.tsv")
    words = {r.split(" ")[0] for c in cases for _, r, _ in c.expect if " " in r}
    assert len(cases) >= 25
    assert words >= set(suite.MODALITY_WORDS.values())

"""Mutation run: break the extractor on purpose and count how many breaks the tests catch.

    python scripts/mutate.py                     # both parts, summary and survivors
    python scripts/mutate.py --lexicon           # relation-lexicon rows only
    python scripts/mutate.py --coref             # coreference choices only
    python scripts/mutate.py --lexicon --only دعا # rows whose lemma is دعا
    python scripts/mutate.py --json out.json     # every mutant and its outcome

**Lexicon mutants.** For each row of ``kg/data/relations_ar.tsv`` (and ``relations_en.tsv``
with ``--lang en``) the row's relation is swapped for a wrong one, chosen deterministically
(a CRC of the lemma picks among the lexicon's other relations). The mutant is applied to
the loaded lexicon in this process (nothing is edited on disk) and the suite cases whose
analysed text has a word of that lemma (each word of a two-word lemma: أطلق سراح) are
extracted again (the analyses are made once:
the relation of a row does not change them). A mutant is *caught* when one of those cases
passed before and fails now; it *survives* otherwise. A survivor is reported with the
number of cases that looked the row up: none means the suites never reach the row (the
analyser gives its words another row's lemma, or never reads them with that part of
speech), one or more that they reach it and check nothing it changes.

The suites are the ones the tests require to pass, found by name as tests/conftest.py
finds them (``suite*_ar.tsv``, ``heldout*_ar.tsv``, not ``*_failing_ar.tsv``).

**Coreference mutants.** Each runs in a subprocess that monkeypatches one coreference
choice wherever the function is defined (found by name in the modules of ``kg``, so the
run keeps working when the code moves, e.g. to ``kg/extract/coref.py``):

- ``oldest``: ``_recent`` walks the recent entities oldest first instead of newest first;
- ``gender-off``: ``_agrees`` and ``_antecedent_noun`` ignore gender;
- ``number-off``: ``_agrees`` and ``_antecedent_noun`` ignore number;
- ``subject-first-off``: ``_recent`` never prefers subjects.

The child runs every suite and scores every written article against the figures of
``tests/data/scores.json``; the mutant is caught when a case that passes unmutated fails,
or an article moves down by more than one fact (the score ratchet of the tests).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"


# --- shared ------------------------------------------------------------------------------


def suite_files(lang: str = "ar") -> list[Path]:
    """The suites whose cases must pass, found by name as tests/conftest.py finds them
    (``suite*_ar.tsv``, ``heldout*_ar.tsv``); the known failures (``*_failing_ar.tsv``) tell
    nothing and are left out. A suite added for the tests is then a suite of the run too.
    """
    if lang != "ar":
        return []
    files = sorted([*DATA.glob("suite*_ar.tsv"), *DATA.glob("heldout*_ar.tsv")])
    return [p for p in files if not p.name.endswith("_failing_ar.tsv")]


def wrong_relation(lemma: str, pos: str, relation: str, relations: list[str]) -> str:
    """A wrong relation for a row, the same on every run.

    >>> wrong_relation("دعا", "V", "calledFor", ["calledFor", "met", "said"])
    'said'
    """
    others = sorted(r for r in set(relations) if r != relation)
    return others[zlib.crc32(f"{lemma}\t{pos}".encode()) % len(others)]


# --- lexicon mutants -----------------------------------------------------------------------


@dataclasses.dataclass
class Prepared:
    case: Any  # kg.suite.Case
    analysed: Any  # kg.model.AnalysedDoc
    lemmas: frozenset[str]  # lexicon keys of the lemmas of its words
    text: str  # normalised text


def prepare(lang: str) -> tuple[list[Prepared], Callable[[Prepared], Any]]:
    """Analyse every case once; return the cases and a function that extracts and checks one."""
    from kg import suite
    from kg.lexicon.relations import key
    from kg.pipeline import Options, Stages
    from kg.read import from_strings
    from kg.text import normalize

    stages = Stages.from_options(Options(analyser="rules", linker="none"))
    out = []
    for path in suite_files(lang):
        for case in suite.load(path):
            doc = next(from_strings([case.text], prefix=case.id))
            analyser = stages.analyser.choose(doc) if hasattr(stages.analyser, "choose") else None
            analysed = (analyser or stages.analyser).analyse(doc)
            lemmas = frozenset(
                key(t.lemma) for s in analysed.sentences for t in s.tokens if t.lemma
            )
            out.append(Prepared(case, analysed, lemmas, normalize(case.text)))

    def run(p: Prepared) -> Any:
        return suite.check(p.case, stages.extractor(p.analysed))

    return out, run


def lexicon_rows(lang: str) -> list[tuple[int, str, str, str]]:
    """(line, lemma, pos, relation) of every row of the relation lexicon."""
    path = ROOT / "kg" / "data" / f"relations_{lang}.tsv"
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    header = True
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        lemma, pos, relation = line.split("\t")[:3]
        rows.append((n, lemma, pos, relation))
    return rows


#: Ids of the mutant entries whose fields the extractor read (see :func:`_spy`).
_READ: set[int] = set()


def _spy(entry: Any, **changes: Any) -> Any:
    """A copy of a lexicon entry with ``changes`` that notes when the extractor reads it, so
    that a surviving mutant whose row no suite case looks up (the analyser gives its words
    the lemma of another row: عقوبات is lemmatised عقوبة) is told from one that the cases
    reach and do not check."""
    cls = type(entry)

    class Spy(cls):  # type: ignore[misc,valid-type]
        __slots__ = ()

        def __getattribute__(self, name: str) -> Any:
            if not name.startswith("__"):
                _READ.add(id(self))
            return super().__getattribute__(name)

    fields = {f.name: getattr(entry, f.name) for f in dataclasses.fields(entry)}
    return Spy(**{**fields, **changes})


def lexicon_mutants(lang: str, only: str = "") -> list[dict[str, Any]]:
    from kg.lexicon import relations as lexmod

    lex = lexmod.load(lang)
    rows = lexicon_rows(lang)
    relations = sorted({r for _, _, _, r in rows})
    prepared, run = prepare(lang)
    before = {p.case.id: run(p).ok for p in prepared}
    results = []
    for line, lemma, pos, relation in rows:
        if only and lemma != only:
            continue
        k = lexmod.key(lemma)
        table = {"V": lex.verbs, "N": lex.nouns, "P": lex.preps}[pos]
        entry = table.get(k)
        wrong = wrong_relation(lemma, pos, relation, relations)
        res: dict[str, Any] = {
            "kind": "lexicon",
            "lang": lang,
            "row": f"relations_{lang}.tsv:{line}",
            "lemma": lemma,
            "pos": pos,
            "relation": relation,
            "mutant": wrong,
        }
        # a further row of the lemma is one of the entry's alternatives (chosen by the
        # object's class: تبنى + Event is claimedResponsibility)
        alt = (
            next((a for a in entry.alternatives if a.relation == relation), None)
            if entry is not None and entry.relation != relation
            else None
        )
        if entry is None or entry.lemma != lemma or (entry.relation != relation and alt is None):
            res.update(status="dead", why="another row with the same key wins")
            results.append(res)
            continue
        # a two-word lemma (أطلق سراح) is relevant where each of its words is, apart or not
        parts = [lexmod.key(w) for w in lemma.split()] if " " in lemma else [k]
        relevant = [p for p in prepared if all(w in p.lemmas or w in p.text for w in parts)]
        mutant = _spy(alt or entry, relation=wrong)
        table[k] = (
            mutant
            if alt is None
            else dataclasses.replace(
                entry, alternatives=tuple(mutant if a is alt else a for a in entry.alternatives)
            )
        )
        _READ.clear()
        reached = 0
        try:
            broken = []
            for p in relevant:
                was = id(mutant) in _READ
                _READ.discard(id(mutant))
                if before[p.case.id] and not run(p).ok:
                    broken.append(p.case.id)
                reached += id(mutant) in _READ
                if was:
                    _READ.add(id(mutant))
        finally:
            table[k] = entry
        res.update(
            status="caught" if broken else "survived",
            cases=len(relevant),
            reached=reached,
            failed=broken[:8],
        )
        results.append(res)
    return results


# --- coreference mutants -------------------------------------------------------------------

COREF_MUTANTS = ("oldest", "gender-off", "number-off", "subject-first-off")


def _definitions(name: str) -> list[tuple[Any, Callable[..., Any]]]:
    """Every (module, function) of kg where a function called ``name`` is bound, the
    function being one defined in kg (so an import of it is patched too)."""
    import kg

    found = []
    for m in pkgutil.walk_packages(kg.__path__, "kg."):
        if m.name.startswith(("kg.analyse.stanza", "kg.headless")):
            continue
        try:
            mod = importlib.import_module(m.name)
        except Exception:  # an optional dependency missing: nothing of ours to patch there
            continue
        fn = getattr(mod, name, None)
        if inspect.isfunction(fn) and fn.__module__.startswith("kg."):
            found.append((mod, fn))
    if not found:
        raise SystemExit(f"mutate: no function {name} in kg: the coreference code moved?")
    return found


def _patch(names: str, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    """Patch the function known by the first of ``names`` (``a|b``: its name before and
    after a rename) that kg defines."""
    for name in names.split("|"):
        try:
            _definitions(name)
        except SystemExit:
            continue
        break
    originals = {id(fn): fn for _, fn in _definitions(name)}
    if len(originals) != 1:
        raise SystemExit(f"mutate: {len(originals)} different functions called {name}")
    (orig,) = originals.values()
    new = functools.wraps(orig)(wrap(orig))
    for mod, fn in _definitions(name):
        if fn is orig:
            setattr(mod, name, new)


def _with_args(fn: Callable[..., Any], **changes: Any) -> Callable[..., Any]:
    sig = inspect.signature(fn)
    missing = set(changes) - set(sig.parameters)
    if missing:
        raise SystemExit(f"mutate: {fn.__qualname__} has no parameter {sorted(missing)}")

    def call(*args: Any, **kwargs: Any) -> Any:
        bound = sig.bind(*args, **kwargs)
        bound.arguments.update(changes)
        return fn(*bound.args, **bound.kwargs)

    return call


class _OldestFirst:
    """A document whose history lists, within the recency window, the oldest entries last:
    ``_recent`` walks ``reversed(d.history)`` and so meets the oldest entity first."""

    def __init__(self, d: Any, sentence: int) -> None:
        self._d = d
        self.history = list(reversed([h for h in d.history if sentence - h[2] <= 4]))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._d, name)


def apply_coref_mutant(name: str) -> None:
    if name == "oldest":

        def oldest(orig: Callable[..., Any]) -> Callable[..., Any]:
            sig = inspect.signature(orig)
            first = next(iter(sig.parameters))

            def call(*args: Any, **kwargs: Any) -> Any:
                bound = sig.bind(*args, **kwargs)
                d = bound.arguments[first]
                bound.arguments[first] = _OldestFirst(d, bound.arguments["sentence"])
                return orig(*bound.args, **bound.kwargs)

            return call

        _patch("recent|_recent", oldest)
    elif name in ("gender-off", "number-off"):
        arg = name.split("-")[0]
        _patch("agrees|_agrees", lambda f: _with_args(f, **{arg: ""}))
        _patch("_antecedent_noun", lambda f: _with_args(f, **{arg: ""}))
    elif name == "subject-first-off":
        _patch("recent|_recent", lambda f: _with_args(f, prefer_subject=False))
    elif name != "none":
        raise SystemExit(f"mutate: unknown coreference mutant {name}")


def child(mutant: str) -> dict[str, Any]:
    """In a subprocess: apply the mutant, run the suites and score the articles."""
    apply_coref_mutant(mutant)
    from kg import suite

    cases = {o.case.id: o.ok for f in suite_files("ar") for o in suite.run(f)}
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "record_scores", ROOT / "scripts" / "record_scores.py"
    )
    assert spec is not None and spec.loader is not None
    rs = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = rs
    spec.loader.exec_module(rs)
    return {"cases": cases, "articles": rs.score_written()}


def coref_mutants() -> list[dict[str, Any]]:
    from kg.evaluate import ratchet_moves

    def run(m: str) -> dict[str, Any]:
        p = subprocess.run(
            [sys.executable, __file__, "--child", m],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if p.returncode != 0:
            raise SystemExit(f"mutate: the {m} child failed:\n{p.stderr[-3000:]}")
        data: dict[str, Any] = json.loads(p.stdout.splitlines()[-1])
        return data

    base = run("none")
    results = []
    for m in COREF_MUTANTS:
        got = run(m)
        broken = [c for c, ok in got["cases"].items() if base["cases"].get(c) and not ok]
        moved = []
        for art, figs in got["articles"].items():
            moves = ratchet_moves(art, base["articles"][art], figs)
            moved += [x for x in moves if "REGRESSION" in x]
        changed = sorted(a for a in got["articles"] if got["articles"][a] != base["articles"][a])
        results.append(
            {
                "kind": "coref",
                "mutant": m,
                "status": "caught" if broken or moved else "survived",
                "failed": broken,
                "regressions": moved,
                "articles_changed": changed,
            }
        )
    return results


def known_failing_rows() -> set[str]:
    """The rows (``V دعا``) whose sentences are in the known-failure lexicon suite."""
    from kg import suite

    path = DATA / "suite_lexicon_failing_ar.tsv"
    return {c.construction for c in suite.load(path)} if path.exists() else set()


# --- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--lexicon", action="store_true", help="relation-lexicon mutants")
    ap.add_argument("--coref", action="store_true", help="coreference mutants")
    ap.add_argument("--lang", choices=("ar", "en", "all"), default="all")
    ap.add_argument("--only", default="", help="lexicon rows of this lemma only")
    ap.add_argument("--json", type=Path, help="write every mutant's outcome here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child), ensure_ascii=False))
        return 0
    both = not (args.lexicon or args.coref)
    results: list[dict[str, Any]] = []
    t = time.perf_counter()
    if args.lexicon or both:
        for lang in ("ar", "en") if args.lang == "all" else (args.lang,):
            if suite_files(lang):
                results += lexicon_mutants(lang, args.only)
    if args.coref or both:
        results += coref_mutants()
    known = known_failing_rows()
    for r in results:
        if r["kind"] == "lexicon":
            r["known_failure"] = f"{r['pos']} {r['lemma']}" in known
    live = [r for r in results if r["status"] != "dead"]
    caught = [r for r in live if r["status"] == "caught"]
    for kind in ("lexicon", "coref"):
        part = [r for r in live if r["kind"] == kind]
        if part:
            n = sum(r["status"] == "caught" for r in part)
            print(f"{kind:<8} {n}/{len(part)} mutants caught ({n / len(part):.0%})")
    print(
        f"total    {len(caught)}/{len(live)} caught ({len(caught) / max(len(live), 1):.0%})"
        f" in {time.perf_counter() - t:.0f} s"
    )
    for r in results:
        if r["status"] == "survived" and r["kind"] == "lexicon":
            print(
                f"SURVIVED {r['row']} {r['lemma']} {r['pos']} {r['relation']} -> {r['mutant']}"
                f" ({r['cases']} cases ran, {r['reached']} looked the row up)"
                + (" [its sentence is a known failure]" if r["known_failure"] else "")
                + (" [no suite case reaches the row]" if not r["reached"] else "")
            )
        elif r["status"] == "survived":
            print(f"SURVIVED coref {r['mutant']} (articles changed: {r['articles_changed']})")
        elif r["status"] == "dead":
            print(f"DEAD     {r['row']} {r['lemma']} {r['pos']}: {r['why']}")
    for r in results:
        if r["kind"] == "coref" and r["status"] == "caught":
            print(f"caught   coref {r['mutant']}: cases {r['failed']}; {r['regressions']}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

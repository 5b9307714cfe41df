"""The parties a gathering's delegates stand for.

A meeting is often named by the level of those who attend it and the countries they come
from, not by the countries themselves: «اجتماع على مستوى وزراء الخارجية بمصر والسودان»
(a meeting at the level of the foreign ministers of Egypt and Sudan), «قمة تجمع قادة
فرنسا وألمانيا» (a summit bringing together the leaders of France and Germany), «اجتماع
بين وزراء خارجية لبنان والأردن والعراق». Each country (or body) named after such a plural of
office takes part in the gathering, with the gathering's modality (a meeting to come: its
parties are to take part). The office nouns must be plural or dual (وزراء، قادة،
ممثلو): a singular one names a person, whom the other readings handle.
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize, strip_diacritics
from .phrases import strip_al
from .state import Doc
from .tree import Tree

#: Event types of gatherings whose attendance a level phrase names.
GATHERING_TYPES = frozenset({"meeting", "summit", "conference", "talks", "negotiations"})
#: Lemmas of offices whose holders, in the plural, stand for their countries (وزراء
#: الخارجية، قادة، رؤساء الحكومات، ممثلو، سفراء، مندوبو، زعماء، مسؤولو).
OFFICES = frozenset(
    normalize(w) for w in "وزير رئيس قائد قادة زعيم ممثل سفير مندوب مسؤول خبير".split()
)
#: The noun of a level (على مستوى الوزراء).
LEVEL = normalize("مستوى")
#: The preposition before the level noun.
ON = normalize("على")
#: Lemmas (verbs) and word forms (which a tagger may read as the noun تجمع) of the words
#: by which a gathering brings its attendants together (تجمع، يجمع، تضم، يضم).
BRINGING = frozenset(normalize(w) for w in "جمع ضم".split())
BRINGING_FORMS = frozenset(
    normalize(w) for w in "تجمع يجمع ستجمع سيجمع جمعت جمع تضم يضم ستضم سيضم ضمت ضم".split()
)
#: The preposition of the two sides of a gathering (اجتماع بين وزراء خارجية X و Y).
BETWEEN = normalize("بين")
#: Prepositions that may join the delegates to their countries (رؤساء المخابرات بمصر،
#: ممثلو الحكومة في ليبيا، وزراء من تونس).
FROM_CASES = frozenset(normalize(w) for w in "ب في من ل".split())
#: Classes of the parties the delegates stand for.
PARTIES = frozenset({"Country", "Organization", "Group"})
#: How many words after the gathering noun the level or the verb of bringing may come
#: (the noun's adjectives: اجتماع ثلاثي طارئ على مستوى ...).
REACH = 4
#: How many words the delegates' phrase may run before the first party (وزراء الخارجية
#: والمواد المائية ورؤساء المخابرات بمصر).
PHRASE = 12


def delegates_start(d: Doc, tree: Tree, n: int) -> int:
    """The first office noun of the delegates that name who attends gathering noun n (at
    a level after it, in a clause bringing them together, or between them), 0 if none.

    >>> from kg import build
    >>> g = build(texts=["تستضيف الرباط غدا اجتماعا على مستوى وزراء الخارجية بتونس وليبيا."])
    >>> sorted((f.subject, f.modality) for f in g.facts(relation="participatedIn", modality="*"))
    [('تونس', 'planned'), ('ليبيا', 'planned')]
    """
    t = tree.tok(n)
    etype = d.lex.event_type(lexmod.key(t.lemma)) or d.lex.event_type(normalize(t.form)) or ""
    if etype not in GATHERING_TYPES:
        return 0
    end = len(tree.toks)
    j = n + 1
    while j <= end and j <= n + REACH and _describes(tree, n, j):
        j += 1  # the noun's adjectives: اجتماع ثلاثي طارئ، اجتماع مرتقب
    if j > end:
        return 0
    form = normalize(tree.tok(j).form)
    if form == ON and j + 1 <= end and _is_level(tree, j + 1):
        k = j + 2  # على مستوى وزراء الخارجية
    elif form in BRINGING_FORMS or (tree.tok(j).upos == "VERB" and _lemma(tree, j) in BRINGING):
        k = j + 1  # قمة تجمع قادة ...
    elif form == BETWEEN:
        k = j + 1  # اجتماع بين وزراء خارجية ...
    else:
        return 0
    return k if k <= end and _office(tree, k) else 0


def bringing_word(tree: Tree, n: int) -> int:
    """The word of bringing together after gathering noun n (and its adjectives) that an
    office noun follows (قمة تجمع قادة ...), which a tagger may have read as the noun
    تجمع (a gathering) in n's genitive; 0 if none. The event's name stops before it."""
    end = len(tree.toks)
    j = n + 1
    while j <= end and j <= n + REACH and _describes(tree, n, j):
        j += 1
    if j + 1 > end or normalize(tree.tok(j).form) not in BRINGING_FORMS:
        return 0
    return j if _office(tree, j + 1) else 0


def delegated_parties(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """The parties (with their first tokens) the delegates of gathering noun n stand for:
    the countries and bodies named in a list after the office nouns, as their genitive
    (وزراء خارجية تونس والجزائر) or after ب، في، من (رؤساء المخابرات بمصر والسودان).

    >>> from kg import build
    >>> g = build(texts=["تنعقد الأحد قمة تجمع قادة السنغال ومالي والنيجر."])
    >>> sorted(f.subject for f in g.facts(relation="participatedIn", modality="planned"))
    ['السنغال', 'النيجر', 'مالي']
    """
    k = delegates_start(d, tree, n)
    if not k:
        return []
    end = len(tree.toks)
    i = k + 1
    # the rest of the delegates' phrase: office nouns, their genitives and adjectives,
    # joined by و, up to the first party
    while i <= end and i <= k + PHRASE:
        key = _party(d, s, i)
        if key is not None:
            break
        t = tree.tok(i)
        if (s.index, i) in d.token_ent and d.ent(d.token_ent[(s.index, i)]).proper:
            return []  # a name of another kind (a city, a person): no list of parties
        form = normalize(t.form)
        if (
            t.upos in ("NOUN", "ADJ", "DET")
            or form == "و"
            or (t.upos == "ADP" and form in FROM_CASES)
        ):
            i += 1
            continue
        return []
    out: list[tuple[str, int]] = []
    while i <= end:
        key = _party(d, s, i)
        if key is None:
            break
        if key not in (o for o, _ in out):
            out.append((key, i))
        while i <= end and d.token_ent.get((s.index, i)) == d.token_ent.get((s.index, out[-1][1])):
            i += 1
        if i <= end and normalize(tree.tok(i).form) == "و" and _party(d, s, i + 1) is not None:
            i += 1
            continue
        break
    return out


def _party(d: Doc, s: Sentence, i: int) -> str | None:
    key = d.token_ent.get((s.index, i))
    if key is None:
        return None
    key = d.find(key)
    e = d.ent(key)
    return key if e.cls in PARTIES and e.proper else None


def _describes(tree: Tree, n: int, j: int) -> bool:
    """Whether word j is an adjective of gathering noun n (a tagger may read a participle
    such as مرتقب as a noun: then it hangs on n with no preposition and is no office)."""
    t = tree.tok(j)
    if t.upos == "ADJ":
        return True
    return (
        t.upos == "NOUN"
        and t.head == n
        and not tree.has_case(j)
        and not _office(tree, j)
        and normalize(t.form) not in BRINGING_FORMS
    )


def _lemma(tree: Tree, i: int) -> str:
    t = tree.tok(i)
    return normalize(strip_diacritics(t.lemma or t.form))


def _is_level(tree: Tree, i: int) -> bool:
    return strip_al(normalize(tree.tok(i).form)) == LEVEL or _lemma(tree, i) == LEVEL


def _office(tree: Tree, i: int) -> bool:
    """Whether token i is a plural (or dual) noun of office (وزراء، قادة، ممثلي)."""
    t = tree.tok(i)
    if t.upos != "NOUN" or strip_al(_lemma(tree, i)) not in OFFICES:
        return False
    return t.feat("Number") in ("Plur", "Dual") or strip_al(_lemma(tree, i)) == normalize("قادة")

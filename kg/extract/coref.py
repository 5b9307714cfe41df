"""Coreference: the entity a token refers to.

``find_anaphora`` (a mention step) reads definite nouns that head an organisation's name
mentioned earlier (التحالف after التحالف الدولي). ``ent_of`` is what every fact step asks
of an argument's head: the entity its token stands for, seen through transparent nouns
(موقع وزارة الخارجية -> the ministry) and one's own country (بلاده), a pronoun resolved
against recent agreeing mentions (``pronoun``, ``recent``, ``agrees``) or the nearest
agreeing noun, or else a new noun-phrase entity. ``dual_parties`` resolves a dual
(الجانبين) to the two parties last named together. Reads the ``Doc``'s history,
surnames, heads and nationalities; writes mentions for what it makes.

Note: ``ent_of -> _homeland -> pronoun -> _antecedent_noun -> ent_of`` is a known
mutual recursion (it can raise RecursionError on some inputs); it is kept as it was, in
this one module, so that its fix stays local.
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..lexicon.words import designators, people_nouns
from ..model import Sentence
from ..text import normalize
from .phrases import ARGUMENT_NP_WORDS, GENDERS, NUMBERS, is_group, np_ids, strip_al
from .state import AGENTIVE, Doc, Ent
from .tree import Tree
from .words import (
    COLLECTIVES,
    DUAL_REFS,
    DUAL_REFS_EN,
    DUAL_WORDS_EN,
    HOMELAND,
    PRON_AGREE,
    RELATIVE_PRONOUNS,
    TRANSPARENT,
)

#: A pronoun or dropped subject looks back at most this many sentences.
RECENT_SENTENCES = 4


def find_anaphora(d: Doc, s: Sentence, tree: Tree) -> None:
    """A definite noun that heads an organisation's name mentioned earlier refers to it:
    التحالف after التحالف الدولي, التنظيم after تنظيم داعش."""
    for t in s.tokens:
        if t.upos != "NOUN" or (s.index, t.id) in d.token_ent:
            continue
        n = normalize(t.form)
        prev = s.tokens[t.id - 2] if t.id > 1 else None
        if (
            not n.startswith("ال")
            and n.startswith("ل")
            and prev is not None
            and normalize(prev.form) == "ل"
            and prev.end == t.start
        ):
            n = "ا" + n  # للحزب: ل + الحزب with the alif of the article dropped
        if not n.startswith("ال") or strip_al(n) not in d.heads:
            continue
        ids = [t.id, *tree.children(t.id, "amod")]
        key = d.heads[strip_al(n)]
        d.mention(s, tree, ids, key, d.ent(key).cls, "nominal", t.id)


def ent_of(d: Doc, s: Sentence, tree: Tree, i: int, create: bool = True) -> str | None:
    """The entity a token (the head of an argument) refers to."""
    t = tree.tok(i)
    if create and strip_al(lexmod.key(t.lemma)) in HOMELAND:
        own = _homeland(d, s, tree, i)
        if own is not None:
            return own
    key = d.token_ent.get((s.index, i))
    if key is not None:
        key = d.find(key)
        n = normalize(t.form)
        if strip_al(n) in TRANSPARENT or n in TRANSPARENT:
            inner = _transparent_target(d, s, tree, i)
            if inner:
                return inner
        return key
    n = normalize(t.form)
    if strip_al(n) in TRANSPARENT or n in TRANSPARENT or n in designators():
        inner = _transparent_target(d, s, tree, i)  # العاصمة كابل, موقع الحرة: the name
        if inner:
            return inner
    if t.upos == "PRON":
        if n == "ما" and tree.children(i, "acl:relcl", "acl") and create:
            return _free_relative(d, s, tree, i)
        if t.feat("PronType") == "Rel" or n in RELATIVE_PRONOUNS:
            if tree.rel(t.head) in ("acl:relcl", "acl") or tree.tok(t.head).deprel.startswith(
                "acl"
            ):
                ante = tree.tok(t.head).head
                return ent_of(d, s, tree, ante, create) if ante else None
            return None
        return pronoun(d, s, tree, i)
    if t.upos in ("PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "VERB", "DET"):
        return None
    if n in d.surnames:  # شولتس after أولاف شولتس
        return d.find(d.surnames[n])
    # a name or entity deeper in the phrase: حلفاء الولايات المتحدة keeps its own head
    if not create:
        return None
    return _noun_phrase(d, s, tree, i)


def _free_relative(d: Doc, s: Sentence, tree: Tree, i: int) -> str:
    """A free relative (رفضت ما وصفته بالتدخل): the clause is the thing meant."""
    ids = tree.subtree(i)
    a, b = tree.span(ids)
    return d.mention(
        s,
        tree,
        ids,
        f"np:Thing:{d.analysed.doc.id}:{normalize(d.text[a:b])}",
        "Thing",
        "nominal",
        i,
    )


def _noun_phrase(d: Doc, s: Sentence, tree: Tree, i: int) -> str:
    """A new entity for the noun phrase a token heads: a group, a person known by a
    description, a body of people, a quantity or a thing."""
    t = tree.tok(i)
    n = normalize(t.form)
    ids = np_ids(tree, i, ARGUMENT_NP_WORDS)
    a, b = tree.span(ids)
    label = d.text[a:b]
    lemma = strip_al(lexmod.key(t.lemma))
    if t.upos == "NUM":
        cls = "Quantity"
    elif is_group(t):
        cls = "Group"
    elif lemma in people_nouns():
        cls = "Person"  # ممثل الاتحاد الأوروبي: a person known by a description
    elif lemma in COLLECTIVES or strip_al(n) in COLLECTIVES:
        cls = "Organization"  # الحكومة العراقية, الوفد, الشرطة
    else:
        cls = "Thing"
    number = "p" if t.feat("Number") in ("Plur",) else "s"
    gender = "f" if t.feat("Gender") == "Fem" else "m"
    scope = f"{d.analysed.doc.id}:" if cls in ("Thing", "Quantity") else ""
    return d.mention(
        s,
        tree,
        ids,
        f"np:{cls}:{scope}{normalize(label)}",
        cls,
        "nominal",
        i,
        gender=gender,
        number=number,
    )


def _homeland(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """بلاده: the country of the person the possessive refers to, when known."""
    pron = next(
        (k for k in tree.children(i, "nmod", "nmod:poss") if tree.tok(k).upos == "PRON"), None
    )
    if pron is None or tree.tok(pron).start != tree.tok(i).end:
        return None
    if tree.feat(pron, "Number") != "Sing":
        return None
    who = pronoun(d, s, tree, pron)
    country = d.nationality.get(d.find(who)) if who else None
    if country is None:
        return None
    key = d.mention(s, tree, [i, pron], f"gaz:{country.key}", "Country", "nominal", i, gender="f")
    e = d.ent(key)
    if country.label_ar not in e.names:
        e.names.insert(0, country.label_ar)
    return d.find(key)


def _transparent_target(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """The acting entity a transparent noun or designator governs (موقع وزارة الخارجية,
    العاصمة كابل): a genitive, apposition or name after it."""
    for k in tree.children(i, "nmod", "appos", "flat"):
        if tree.has_case(k) and tree.case(k) not in ("ل",):
            continue
        key = d.token_ent.get((s.index, k))
        if key is not None and d.ent(key).cls in AGENTIVE:
            return d.find(key)
    return None


def pronoun(d: Doc, s: Sentence, tree: Tree, i: int, exclude: set[str] | None = None) -> str | None:
    """Resolve a pronoun (clitic or free) to the most recent entity that agrees."""
    n = normalize(tree.tok(i).form)
    gender, number = PRON_AGREE.get(n, ("", ""))
    if not number:
        g = tree.feat(i, "Gender")
        num = tree.feat(i, "Number")
        gender = GENDERS.get(g or "", "")
        number = NUMBERS.get(num or "", "")
    if tree.feat(i, "Person") in ("1", "2"):
        return None
    exclude = set(exclude or ())
    h = tree.tok(i).head
    if h and tree.rel(i) == "obj":
        # an object pronoun never refers to its own verb's subject (ودمروها)
        for v in (h, tree.tok(h).head if tree.rel(h) == "conj" else 0):
            for j in tree.children(v, "nsubj") if v else []:
                k = d.token_ent.get((s.index, j))
                if k:
                    exclude.add(d.find(k))
    before = (s.index, tree.tok(i).start)
    found = recent(d, gender, number, exclude, s.index, prefer_subject=False, before=before)
    if found is None:
        found = _antecedent_noun(d, s, tree, i, gender, number)
    return found


def _antecedent_noun(
    d: Doc, s: Sentence, tree: Tree, i: int, gender: str, number: str
) -> str | None:
    """A pronoun whose antecedent is no entity yet: the nearest agreeing noun before it in
    the sentence (ودمروها -> الدبابة), not the subject of its own verb."""
    own_subject = set()
    h = tree.tok(i).head
    if h:
        own_subject = set(tree.children(h, "nsubj"))
    for k in range(i - 1, 0, -1):
        t = tree.tok(k)
        if t.upos not in ("NOUN", "PROPN") or t.deprel in ("amod", "flat") or k in own_subject:
            continue
        g = GENDERS.get(t.feat("Gender") or "", "")
        num = NUMBERS.get(t.feat("Number") or "", "s")
        if number and num != number and not (number == "s" and gender == "f" and num == "p"):
            continue
        if gender and g and g != gender and num == "s":
            continue
        return ent_of(d, s, tree, k)
    return None


def agrees(e: Ent, gender: str, number: str) -> bool:
    """Whether an entity can be referred to with this gender and number."""
    if number == "p":
        return (
            e.number == "p" or e.cls in ("Group",) or (e.cls in ("Organization",) and gender != "m")
        )
    if number == "d":
        return e.number in ("d", "p")
    if number == "s" and e.number == "p":
        # non-human plurals take feminine singular agreement
        return gender == "f" and e.cls in ("Organization", "Thing")
    if gender and e.gender and gender != e.gender:
        return False
    return True


def recent(
    d: Doc,
    gender: str,
    number: str,
    exclude: set[str],
    sentence: int,
    prefer_subject: bool,
    classes: frozenset[str] = AGENTIVE,
    before: tuple[int, int] | None = None,
) -> str | None:
    """The most recent agreeing entity; subjects first when ``prefer_subject``. With
    ``before`` (sentence, character offset), only an entity mentioned before that point: a
    pronoun refers back (تحريرها لشرق الموصل: her liberating, not the city after it)."""
    passes = ("subject", "mention") if prefer_subject else ("mention",)
    for want in passes:
        for key, role, si in reversed(d.history):
            if sentence - si > RECENT_SENTENCES:
                break
            if want == "subject" and role != "subject":
                continue
            k = d.find(key)
            if k in exclude:
                continue
            e = d.ents[k]
            if e.cls not in classes:
                continue
            if (
                before is not None
                and si == before[0]
                and role == "mention"
                and not _mentioned_before(d, e, before)
            ):
                continue  # named later in this sentence, not yet when the pronoun is read
            if agrees(e, gender, number):
                return k
    return None


def _mentioned_before(d: Doc, e: Ent, where: tuple[int, int]) -> bool:
    """Whether one of the entity's mentions in that sentence comes before the offset."""
    for mid in e.mentions:
        m = d.mentions[int(mid[1:]) - 1]
        if m.sentence == where[0] and m.start < where[1]:
            return True
    return False


def dual_parties(d: Doc, tree: Tree, i: int) -> list[str] | None:
    """الرئيسان, الجانبين: a dual description refers to the two parties last mentioned together."""
    t = tree.tok(i)
    if t.form.lower() in DUAL_REFS_EN:
        # the two leaders, both sides
        two = any(
            tree.tok(k).form.lower() in DUAL_WORDS_EN
            for k in tree.children(i, "nummod", "det", "amod", "compound")
        )
        return list(d.last_pair) if two and d.last_pair else None
    n = strip_al(normalize(t.form))
    lemma = strip_al(lexmod.key(t.lemma))
    stem = n[:-2] if n.endswith(("ان", "ين")) else ""
    if not stem or lemma not in DUAL_REFS or stem != lemma:
        return None
    return list(d.last_pair) if d.last_pair else None

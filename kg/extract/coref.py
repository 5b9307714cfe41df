"""Coreference: the entity a token refers to.

``find_anaphora`` (a mention step) reads definite nouns that head an organisation's name
mentioned earlier (التحالف after التحالف الدولي). ``ent_of`` is what every fact step asks
of an argument's head: the entity its token stands for, seen through transparent nouns
(موقع وزارة الخارجية -> the ministry) and one's own country (بلاده), a pronoun resolved
against recent agreeing mentions (``pronoun``, ``recent``, ``agrees``) or the nearest
agreeing noun, or else a new noun-phrase entity. ``dual_parties`` resolves a dual
(الجانبين) to the two parties last named together. Reads the ``Doc``'s history,
surnames, heads and nationalities; writes mentions for what it makes.

The readings of ``ent_of`` run in a declared order (see its docstring): pronouns are
resolved against entities already found and nouns read by ``nominal``, which resolves no
pronoun, so no reading can call itself back.
"""

from __future__ import annotations

from ..lexicon import gazetteer, relations as lexmod
from ..lexicon.words import HONORIFICS, designators, people_nouns
from ..model import Sentence
from ..text import normalize
from ..vocab import SPEECH_RELATIONS
from .owner import clause_subjects
from .phrases import (
    ARGUMENT_NP_WORDS,
    GENDERS,
    NUMBERS,
    bare_word,
    is_group,
    nationality_adjective,
    np_ids,
    strip_al,
)
from .state import AGENTIVE, Doc, Ent, article_absorbed
from .tree import Tree
from .words import (
    COLLECTIVES,
    DUAL_REFS,
    DUAL_REFS_EN,
    DUAL_WORDS_EN,
    FORCES,
    HOMELAND,
    HONORIFIC_OWNER,
    HONORIFIC_WORDS,
    MEDIA,
    OPENING_QUOTES,
    PRON_AGREE,
    RELATIVE_PRONOUNS,
    SOURCE_NOUNS,
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
    """The entity a token (the head of an argument) refers to.

    The readings are tried in a declared order, and each may only call the ones below
    it, so that no reading can ask for itself (the call graph has no cycle):

    1. one's own country (بلاده): the country of the person its pronoun refers to, found
       by ``pronoun``;
    2. a relative pronoun (الذي, التي): the noun its clause describes, found by
       ``nominal``;
    3. a personal pronoun (clitic or free): ``pronoun``, against entities already
       mentioned or else the nearest noun before it, found by ``nominal``;
    4. ``nominal``: what the token already stands for (a name, title or event the
       mention steps found), a surname, or a new noun-phrase entity.

    ``pronoun`` and ``nominal`` never call ``ent_of``.
    """
    t = tree.tok(i)
    if create and strip_al(lexmod.key(t.lemma)) in HOMELAND:
        own = _homeland(d, s, tree, i)
        if own is not None:
            return own
    if (s.index, i) not in d.token_ent and t.upos == "PRON":
        n = normalize(t.form)
        if n == "ما" and tree.children(i, "acl:relcl", "acl") and create:
            return _free_relative(d, s, tree, i)
        if t.feat("PronType") == "Rel" or n in RELATIVE_PRONOUNS:
            ante = _relative_antecedent(tree, i)
            return nominal(d, s, tree, ante, create) if ante else None
        return pronoun(d, s, tree, i)
    suffix = _honorific_pronoun(d, s, tree, i)
    if suffix:
        return _honoured_before(d, s, tree, suffix)
    return nominal(d, s, tree, i, create)


#: The titles an honorific goes with (جلالته: the king named before).
HONOURED_TITLES = {
    normalize(h): frozenset(normalize(t) for t in ts.split())
    for h, ts in (
        ("جلالة", "ملك عاهل"),
        ("سمو", "أمير ولي شيخ"),
        ("فخامة", "رئيس"),
    )
}


def _honoured_before(d: Doc, s: Sentence, tree: Tree, j: int) -> str | None:
    """وعينه جلالته: His Majesty is the person named before that the suffix j refers to
    (not the party or body nearer to it): the last person named with a title the
    honorific goes with (جلالة: الملك, العاهل) in this sentence or the two before, else
    the person the suffix resolves to."""
    titled = _honoured_titled(d, s, tree, j)
    if titled is not None:
        return titled
    avoid: set[str] = set()
    for _ in range(HONORIFIC_REACH):
        found = pronoun(d, s, tree, j, avoid)
        if found is None or d.ent(found).cls == "Person":
            return found
        avoid.add(found)
    return None


def _honoured_titled(d: Doc, s: Sentence, tree: Tree, j: int) -> str | None:
    """The last person named with a title the honorific before suffix j goes with
    (جلالته: الملك, العاهل) in this sentence or the two before; None if none."""
    n = bare_word(tree.tok(j - 1).form)
    heads = HONOURED_TITLES.get(n[:-1] + "ه", frozenset()) | HONOURED_TITLES.get(n, frozenset())
    for key, _, at in reversed(d.history):
        if at < s.index - 2:
            break
        e = d.ent(key)
        if e.cls == "Person" and any(bare_word(name).split(" ")[0] in heads for name in e.names):
            return d.find(key)
    return None


def _honorific_pronoun(d: Doc, s: Sentence, tree: Tree, i: int) -> int:
    """The pronoun suffix of an honorific that names no one after it (جلالته, سموه,
    فخامته): the token to resolve instead; 0 if none."""
    n = bare_word(tree.tok(i).form)
    if n not in HONORIFICS and n[:-1] + "ه" not in HONORIFICS:  # جلالت+ه: the ة before it
        return 0
    key = d.token_ent.get((s.index, i))
    if key is not None and d.ent(key).cls == "Person":
        return 0
    j = i + 1
    if j > len(tree.toks) or tree.tok(j).upos != "PRON" or tree.tok(j).head != i:
        return 0
    return j if tree.tok(j).feat("Person") == "3" else 0


def _relative_antecedent(tree: Tree, i: int) -> int:
    """The noun a relative pronoun's clause describes (0 for none)."""
    h = tree.tok(i).head
    if h and (tree.rel(h) in ("acl:relcl", "acl") or tree.tok(h).deprel.startswith("acl")):
        return tree.tok(h).head
    return 0


def nominal(d: Doc, s: Sentence, tree: Tree, i: int, create: bool = True) -> str | None:
    """The entity a token refers to without resolving any pronoun: what it already stands
    for (seen through a transparent noun: موقع وزارة الخارجية -> the ministry), the person
    a surname names, or (when ``create``) a new noun-phrase entity. None for a pronoun or
    a function word that stands for nothing yet."""
    t = tree.tok(i)
    n = normalize(t.form)
    transparent = strip_al(n) in TRANSPARENT or n in TRANSPARENT
    key = d.token_ent.get((s.index, i))
    if key is None and _honorific(tree, i):
        key = _honoured(d, s, tree, i)  # جلالة الملك عبدالله: the king
    if key is not None:
        inner = _transparent_target(d, s, tree, i) if transparent else None
        return inner or d.find(key)
    if transparent or n in designators():
        inner = _transparent_target(d, s, tree, i)  # العاصمة كابل, موقع الحرة: the name
        if inner:
            return inner
    if t.upos in ("PRON", "PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "VERB", "DET"):
        return None
    if n in d.surnames:  # شولتس after أولاف شولتس
        return d.find(d.surnames[n])
    if article_absorbed(tree, i) and "ا" + n in d.surnames:  # للمقداد: المقداد
        return d.find(d.surnames["ا" + n])
    # a name or entity deeper in the phrase: حلفاء الولايات المتحدة keeps its own head
    if not create:
        return None
    return _noun_phrase(d, s, tree, i)


def source_again(d: Doc, s: Sentence, tree: Tree, i: int, ids: list[int]) -> str | None:
    """وقال مسؤول في الوزارة ... وأضاف المسؤول: a bare definite source noun is the person
    the nearest indefinite one of the same noun named in the same paragraph (none when
    another speaker of that noun came in between, note_source).

    >>> from kg import build
    >>> g = build(texts=["قال مسؤول في الوزارة إن المعبر أغلق. وأضاف المسؤول أن الوفد وصل."])
    >>> sorted({f.subject for f in g.facts() if f.relation == "said"})
    ['مسؤول في الوزارة']
    """
    t = tree.tok(i)
    n = normalize(t.form)
    if ids != [i] or not n.startswith("ال") or t.feat("Number") == "Plur":
        return None
    before = d.last_source.get(strip_al(lexmod.key(t.lemma)))
    if before is None or "\n" in d.text[before[1] : tree.span(ids)[0]]:
        return None  # a new paragraph starts a new account
    key, _ = before
    if d.ent(key).gender != ("f" if t.feat("Gender") == "Fem" else "m"):
        return None
    return d.mention(s, tree, ids, key, "Person", "nominal", i)


def note_source(d: Doc, s: Sentence, tree: Tree, i: int, key: str | None) -> None:
    """Remember an indefinite source (مسؤول) for the definite noun that takes it up again;
    a definite one with words of its own (المسؤول الأمريكي) or a named one (``key`` None)
    is another speaker, and forgets it."""
    t = tree.tok(i)
    lemma = strip_al(lexmod.key(t.lemma))
    if lemma not in SOURCE_NOUNS:
        return
    if key is None or normalize(t.form).startswith("ال"):
        d.last_source.pop(lemma, None)
    else:
        d.last_source[lemma] = (key, tree.span([i])[0])


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
    ids = np_ids(tree, i, ARGUMENT_NP_WORDS) + source_where(tree, i)
    a, b = tree.span(ids)
    label = d.text[a:b]
    lemma = strip_al(lexmod.key(t.lemma))
    same = source_again(d, s, tree, i, ids)
    if same is not None:
        return same
    if lemma in SOURCE_NOUNS:
        cls = "Person" if t.feat("Number") != "Plur" else "Group"  # مصدر في الجيش
    elif t.upos == "NUM":
        cls = "Quantity"
    elif is_group(t):
        cls = "Group"
    elif lemma in people_nouns():
        cls = "Person"  # ممثل الاتحاد الأوروبي: a person known by a description
    elif lemma in COLLECTIVES or strip_al(n) in COLLECTIVES:
        cls = "Organization"  # الحكومة العراقية, الوفد, الشرطة
    elif _media(tree, i):
        cls = "Group"  # وسائل إعلام محلية
    elif _facility(n, lemma):
        cls = "Place"  # مخيمات النازحين, المستشفى الميداني: a site, situated like a place
    else:
        cls = "Thing"
    number = "p" if t.feat("Number") in ("Plur",) else "s"
    gender = "f" if t.feat("Gender") == "Fem" else "m"
    scope = f"{d.analysed.doc.id}:" if cls in ("Thing", "Quantity") else ""
    key = d.mention(
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
    if cls == "Person" and lemma in SOURCE_NOUNS:
        note_source(d, s, tree, i, key)
    if cls == "Organization" and len(ids) > 1 and not n.startswith("ال") and t.upos == "NOUN":
        # جهاز المخابرات والأمن الوطني ... الجهاز: a body named by a construct is what its
        # head noun with the article names afterwards, as for a name (find_anaphora)
        d.heads[strip_al(n)] = d.find(key)
    return key


#: Seats of power: a palace named by an adjective (القصر الرئاسي ذكر أن ...) stands for the
#: power that sits in it rather than a site, though قصر X names a place (قصر بعبدا).
_SEATS = frozenset({"قصر"})


def _facility(form: str, lemma: str) -> bool:
    """Whether a noun names a site the designators list as a place (مستشفى, مخيم, سجن),
    in the singular or a sound feminine plural (مخيمات).

    >>> _facility("السجن", "سجن"), _facility("القصر", "قصر")
    (True, False)
    """
    bare = strip_al(form)
    forms = {bare, lemma, bare.removesuffix("ات"), lemma.removesuffix("ات")}
    if forms & _SEATS:
        return False
    return any(designators().get(f) == "Place" for f in forms if f)


def source_where(tree: Tree, i: int) -> list[int]:
    """مصدر في الجيش, مصادر من الحكومة, مسؤول بالوزارة: a source is known by where it is,
    so its phrase keeps the prepositional phrase that says so (right after it)."""
    if strip_al(lexmod.key(tree.tok(i).lemma)) not in SOURCE_NOUNS or i + 2 > len(tree.toks):
        return []
    c, k = i + 1, i + 2  # wherever the parse hung the phrase
    if tree.tok(c).upos != "ADP" or normalize(tree.tok(c).form) not in ("في", "من", "ب"):
        return []
    if tree.tok(k).upos not in ("NOUN", "PROPN"):
        return []
    own = [j for j in tree.children(k, "amod", "flat", "nmod") if not tree.has_case(j)]
    return [c, k, *own]


def _media(tree: Tree, i: int) -> bool:
    """وسائل الإعلام, وسائل إعلام محلية: the media, a group that reports."""
    heads, genitive = MEDIA
    if bare_word(tree.tok(i).form) not in heads:
        return False
    return any(
        bare_word(tree.tok(k).form) == genitive
        for k in tree.children(i, "nmod")
        if not tree.has_case(k)
    )


#: How many heads up from بلاده its speaker's verb may be (its clause, then the complement).
_SPEAKER_REACH = 6


def _homeland(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """بلاده: the country of the person the possessive refers to, when known."""
    pron = next(
        (k for k in tree.children(i, "nmod", "nmod:poss") if tree.tok(k).upos == "PRON"), None
    )
    if pron is None or tree.tok(pron).start != tree.tok(i).end:
        return None
    if tree.feat(pron, "Number") != "Sing":
        return None
    country = None
    speaker = _speaker_over(d, s, tree, i, GENDERS.get(tree.feat(pron, "Gender") or "", ""))
    if speaker is not None:
        country = d.nationality.get(d.find(speaker))
    if country is None and speaker is None:
        country = _subject_country(d, s, tree, i, tree.feat(pron, "Gender") or "")
    if country is None:
        who = pronoun(d, s, tree, pron)
        country = d.nationality.get(d.find(who)) if who else None
    if country is None:
        return None
    key = d.mention(s, tree, [i, pron], f"gaz:{country.key}", "Country", "nominal", i, gender="f")
    e = d.ent(key)
    if country.label_ar not in e.names:
        e.names.insert(0, country.label_ar)
    return d.find(key)


def _subject_country(
    d: Doc, s: Sentence, tree: Tree, i: int, gender: str
) -> gazetteer.Entry | None:
    """The country of the subject of the clause whose argument holds بلاده (owner.py)."""
    for j in clause_subjects(tree, i):
        key = d.token_ent.get((s.index, j))
        if key is not None and agrees(d.ent(key), GENDERS.get(gender, ""), "s"):
            return d.nationality.get(d.find(key))
    return None


def _speaker_over(d: Doc, s: Sentence, tree: Tree, i: int, gender: str) -> str | None:
    """The speaker who owns بلاده in what he says: the subject of the nearest verb of
    speech whose complement holds i (أبلغ الوزير نظيره أن بلاده ...: the minister's
    country, not the counterpart's named between), when that subject agrees."""
    cur = i
    for _ in range(_SPEAKER_REACH):
        h = tree.tok(cur).head
        if not h:
            return None
        if tree.rel(cur) == "ccomp" and tree.tok(h).upos == "VERB":
            entry = d.lex.verb(tree.tok(h).lemma)
            if entry is None or entry.relation not in SPEECH_RELATIONS:
                return None
            for j in tree.children(h, "nsubj"):
                key = d.token_ent.get((s.index, j))
                if key is not None and agrees(d.ent(key), gender, "s"):
                    return key
            return None
        cur = h
    return None


def _transparent_target(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """The acting entity a transparent noun or designator governs (موقع وزارة الخارجية,
    العاصمة كابل): a genitive, apposition or name after it."""
    for k in tree.children(i, "nmod", "appos", "flat"):
        if tree.has_case(k) and tree.case(k) not in ("ل",):
            continue
        if nationality_adjective(tree, k):
            continue  # مصادر دبلوماسية تركية: Turkish sources, not Turkey
        key = d.token_ent.get((s.index, k))
        if key is not None and d.ent(key).cls in AGENTIVE:
            return d.find(key)
    return (
        _shared_genitive(d, s, tree, i)
        or _effort_maker(d, s, tree, i)
        or _quoted_name_after(d, s, tree, i)
    )


def _shared_genitive(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """«مقاتلات ومدفعية الجيش»: two force nouns coordinated before one genitive share it;
    the parser hangs the genitive on the last of them, and the first stands for it too.

    >>> from kg import build
    >>> g = build(texts=["قصفت طائرات ومدفعية الجيش السوداني مواقع المتمردين."])
    >>> sorted({f.subject for f in g.facts() if f.relation in ("struck", "targeted")})
    ['الجيش السوداني']
    """
    if tree.children(i, "amod", "nmod"):
        return None  # القوات العراقية ... وقوات الرد السريع: a noun with words of its own
    for c in tree.children(i, "conj"):
        form = bare_word(tree.tok(c).form)
        if c != i + 2 or (form not in TRANSPARENT and form not in FORCES):
            continue
        for k in tree.children(c, "nmod"):
            if tree.has_case(k) or nationality_adjective(tree, k):
                continue
            key = d.token_ent.get((s.index, k))
            if key is not None and d.ent(key).cls in AGENTIVE:
                return d.find(key)
    return None


#: Classes of named things whose words are no action nouns (مجلس التعاون, منظمة التحرير).
_NAMED_THINGS = frozenset({"Organization", "Country", "Group", "City", "Region", "Place"})


def word_of_a_name(d: Doc, s: Sentence, tree: Tree, n: int) -> bool:
    """Whether noun n is a word inside a name (التعاون in مجلس التعاون لدول الخليج العربية:
    the council, no cooperation), or the designator that opens a body's name (تنظيم in
    تنظيم القاعدة: the organisation, no organising; not رئاسة, an office one holds).

    >>> from kg import build
    >>> g = build(texts=["وتبنت حركة الشباب الموالية لتنظيم القاعدة الهجوم."])
    >>> g.facts(relation="hosted")
    []
    """
    key = d.token_ent.get((s.index, n))
    if key is None or d.ent(key).cls not in _NAMED_THINGS:
        return False
    if d.token_ent.get((s.index, n - 1)) == key:
        return True
    entry = d.lex.noun(tree.tok(n).lemma)
    return (
        d.ent(key).cls == "Organization"
        and bare_word(tree.tok(n).form) in designators()
        and d.token_ent.get((s.index, n + 1)) == key
        # رئاسة مجموعة العشرين: the office, held by whoever takes it
        and (entry is None or entry.relation != "leaderOf")
    )


#: Nouns of efforts that stand for who makes them, named in a relative clause too (الجهود
#: التي تبذلها السعودية -> Saudi Arabia); not forces (القوات التي تدعمها إيران).
EFFORT_NOUNS = frozenset(normalize(w) for w in "جهود جهد دور مساعي".split())


def _effort_maker(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """The subject of a relative clause on an effort noun, or on a noun coordinated with
    it (ثمن الجهود والمساندة التي تقدمها قوات التحالف: the coalition)."""
    if bare_word(tree.tok(i).form) not in EFFORT_NOUNS:
        return None
    for h in (i, *tree.children(i, "conj")):
        for v in tree.children(h, "acl:relcl"):
            for k in tree.children(v, "nsubj"):
                key = d.token_ent.get((s.index, k))
                if key is not None and d.ent(key).cls in AGENTIVE:
                    return d.find(key)
    return None


#: An honorific phrase reaches its person within this many words (صاحب السمو الملكي
#: الأمير مولاي الحسن).
HONORIFIC_REACH = 5


def _honorific(tree: Tree, i: int) -> bool:
    """Whether token i is an honorific (جلالة, سمو, فخامة; صاحب before الجلالة/السمو)."""
    n = bare_word(tree.tok(i).form)
    if n in HONORIFICS:
        return True
    nxt = normalize(tree.tok(i + 1).form) if i < len(tree.toks) else ""
    return n == HONORIFIC_OWNER and nxt in HONORIFIC_WORDS


def _honoured(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """The person an honorific honours: the first person (a name, or a title that names
    one) after it, past the words of the honorific and the links of a title's chain."""
    for k in range(i + 1, min(i + HONORIFIC_REACH, len(tree.toks)) + 1):
        key = d.token_ent.get((s.index, k))
        if key is not None:
            return d.find(key) if d.ent(key).cls == "Person" else None
        if normalize(tree.tok(k).form) not in HONORIFIC_WORDS:
            return None
    return None


def _quoted_name_after(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """وكالة "سانا", قناة "فرانس 24": the quoted name right after a designator, wherever
    the parse attached it, when it is a name of the designator's class."""
    k = i + 1
    if k > len(tree.toks) or tree.tok(k).form not in OPENING_QUOTES:
        return None
    key = d.token_ent.get((s.index, k + 1)) if k < len(tree.toks) else None
    want = designators().get(normalize(tree.tok(i).form))
    if key is None or d.ent(key).cls != want:
        return None
    return d.find(key)


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
        return _quoting_speaker(d, s, tree, i)
    if _expletive(tree, i):
        return None
    exclude = set(exclude or ())
    h = tree.tok(i).head
    parallel = _parallel_object(tree, i)
    if parallel:
        return pronoun(d, s, tree, parallel, exclude)  # وعينه ... وكلفه: the same one
    if h and tree.rel(i) == "obj":
        # an object pronoun never refers to its own verb's subject (ودمروها)
        for v in (h, tree.tok(h).head if tree.rel(h) == "conj" else 0):
            for j in tree.children(v, "nsubj") if v else []:
                for x in [j, *tree.children(j, "conj")]:  # (and what is coordinated with it)
                    k = d.token_ent.get((s.index, x))
                    suffix = _honorific_pronoun(d, s, tree, x) if k is None else 0
                    k = _honoured_titled(d, s, tree, suffix) if suffix else k  # وكلفه جلالته
                    if k:
                        exclude.add(d.find(k))
    exclude |= _senders(d, s, tree, i)
    found = None
    if h and tree.rel(i) in ("nmod", "nmod:poss") and tree.tok(h).upos == "NOUN":
        found = _nearest_before(d, s, tree, i, gender, number, exclude)
    if found is None:
        before = (s.index, tree.tok(i).start)
        found = recent(d, gender, number, exclude, s.index, prefer_subject=False, before=before)
    if found is None:
        found = _antecedent_noun(d, s, tree, i, gender, number)
    return found


def _quoting_speaker(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """وأضاف X "... خلال لقائي بالملك": a first-person singular pronoun inside a quotation
    is the speaker's, the subject of the verb of saying the quotation hangs on.

    >>> from kg import build
    >>> g = build(texts=['وأضاف رئيس الحزب "طرحت الملف خلال لقائي بالوزير سامي حداد".'])
    >>> [(f.subject, f.object) for f in g.facts() if f.relation == "met"]
    [('رئيس الحزب', 'سامي حداد')]
    """
    if tree.feat(i, "Person") != "1" or tree.feat(i, "Number") != "Sing":
        return None
    before = [tree.tok(k).form for k in range(1, i)]
    opened = before.count("«") + before.count("“") > before.count("»") + before.count("”")
    if not opened and before.count('"') % 2 == 0:
        return None  # not inside a quotation
    k = i
    while k:
        h = tree.tok(k).head
        entry = d.lex.verb(tree.tok(h).lemma) if h else None
        if (
            entry is not None
            and entry.relation in SPEECH_RELATIONS
            and tree.rel(k)
            in (
                "ccomp",
                "parataxis",
            )
        ):
            for j in tree.children(h, "nsubj"):
                key = ent_of(d, s, tree, j)
                if key is not None and d.ent(key).cls in AGENTIVE:
                    return d.find(key)
            break
        k = h
    # وأضاف "...": a dropped subject, the last one who spoke
    last = d.last_speaker
    return d.find(last) if last is not None and d.ent(last).cls == "Person" else None


#: Verbs of "it was done" (تم القضاء على ..., جرى تسليم ...): the pronoun of أنه before
#: them is the clause's expletive (ضمير الشأن), no one's.
IMPERSONAL_VERBS = frozenset(normalize(w) for w in "تم جرى".split())


def _expletive(tree: Tree, i: int) -> bool:
    """أعلنت الوزارة أنه تم القضاء على ...: the pronoun on أن/إن that is the subject of
    an impersonal verb refers to nothing."""
    h = tree.tok(i).head
    return (
        bool(h)
        and tree.rel(i) == "nsubj"
        and lexmod.key(tree.tok(h).lemma) in IMPERSONAL_VERBS
        and i > 1
        and normalize(tree.tok(i - 1).form) in ("ان", "لان")
    )


#: Verbs of receiving a call, message or letter from someone (lexicon keys).
RECEIVING = frozenset(normalize(w) for w in ("تلقى", "استلم", "تسلم"))


def _senders(d: Doc, s: Sentence, tree: Tree, i: int) -> set[str]:
    """«تلقى X اتصالا من Y لتهنئته»: the possessive of the purpose of what was received
    is the one who received it, never who sent it (Y congratulates X).

    >>> from kg import build
    >>> g = build(texts=["تلقى الرئيس الغاني جون ماهاما اتصالا هاتفيا من الرئيس "
    ...     "الفرنسي إيمانويل ماكرون لتهنئته بالفوز في الانتخابات."])
    >>> [(f.subject, f.object) for f in g.facts(relation="won")]
    [('جون ماهاما', 'الانتخابات')]
    """
    n = tree.tok(i).head
    if not n or tree.rel(i) not in ("nmod", "nmod:poss") or tree.case(n) != "ل":
        return set()
    v = tree.tok(n).head
    if not v or tree.rel(n) != "obl" or lexmod.key(tree.tok(v).lemma) not in RECEIVING:
        return set()
    out = set()
    for o in tree.children(v, "obj"):
        for c in tree.children(o, "nmod"):
            key = ent_of(d, s, tree, c, create=False) if tree.case(c) == "من" else None
            if key is not None:
                out.add(key)
    return out


def _parallel_object(tree: Tree, i: int) -> int:
    """The object pronoun, the same word, of the verb that the verb of object pronoun i is
    coordinated with (عينه رئيسا للحكومة وكلفه بتشكيلها: both ه are one man); 0 if none.
    It comes before i, so resolving it ends."""
    h = tree.tok(i).head
    if not h or tree.rel(i) != "obj" or tree.rel(h) != "conj":
        return 0
    first = tree.tok(h).head
    for j in tree.children(first, "obj") if first else []:
        t = tree.tok(j)
        if j < i and t.upos == "PRON" and normalize(t.form) == normalize(tree.tok(i).form):
            return j
    return 0


def _nearest_before(
    d: Doc, s: Sentence, tree: Tree, i: int, gender: str, number: str, exclude: set[str]
) -> str | None:
    """استقبل X Y لدى وصوله: a possessive on a noun refers to the nearest agreeing
    person or body named before it in its own sentence (the history lists a sentence's
    subjects after its names, so it cannot tell which came last)."""
    for k in range(tree.tok(i).head - 1, 0, -1):
        key = d.token_ent.get((s.index, k))
        if key is None:
            continue
        e = d.ent(key)
        if e.cls in ("Person", "Organization", "Group") and e.key not in exclude:
            if agrees(e, gender, number) or _through_plural_force(tree, k, gender, number):
                return e.key
            return None
    return None


def _through_plural_force(tree: Tree, k: int, gender: str, number: str) -> bool:
    """كثفت طائرات التحالف غاراتها: a feminine singular pronoun agrees with the plural
    force noun (طائرات, قوات) whose genitive k is, and so stands for k's body.

    >>> from kg import build
    >>> g = build(texts=["الجيش يقصف بلدة حلفايا. وكثفت طائرات الجيش السوداني، "
    ...     "الأحد، غاراتها على مواقع المتمردين."])
    >>> sorted({f.subject for f in g.facts(relation="targeted")})
    ['الجيش السوداني']
    """
    while tree.rel(k) in ("amod", "flat") and tree.tok(k).head:
        k = tree.tok(k).head  # (from the name's last word to its head)
    h = tree.tok(k).head
    if not h or tree.rel(k) != "nmod" or tree.has_case(k) or (gender, number) != ("f", "s"):
        return False
    t = tree.tok(h)
    form = bare_word(t.form)
    return t.feat("Number") == "Plur" and (form in TRANSPARENT or form in FORCES)


#: Classes no pronoun stands for: times and counts.
_NO_ANTECEDENT = frozenset({"TimeExpression", "Quantity"})


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
        if k == h and tree.rel(i) in ("nmod", "nmod:poss"):
            continue  # بلاده: a possessive never refers to the noun it is attached to
        key = d.token_ent.get((s.index, k))
        if t.deprel == "obl:tmod" or (key is not None and d.ent(key).cls in _NO_ANTECEDENT):
            continue  # كثفت الطائرات، الأحد، غاراتها: a day or a count does nothing
        g = GENDERS.get(t.feat("Gender") or "", "")
        num = NUMBERS.get(t.feat("Number") or "", "s")
        if number and num != number and not (number == "s" and gender == "f" and num == "p"):
            continue
        if gender and g and g != gender and num == "s":
            continue
        return nominal(d, s, tree, k)
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


#: Places below a country: named where something happened, seldom the one who speaks.
LOCAL_PLACES = frozenset({"City", "Region", "Place"})


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
    # a dropped subject (وأكدت) is a party named before, rather than a town or region only
    # mentioned where something happened (في روما): those come last
    passes = ("subject", "party", "mention") if prefer_subject else ("mention",)
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
            if e.cls not in classes or (want == "party" and e.cls in LOCAL_PLACES):
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
    """الرئيسان, الجانبين: a dual description refers to the two parties last mentioned together.

    >>> from kg import build
    >>> g = build(
    ...     texts=["التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني في موسكو. وبحث الجانبان العلاقات الثنائية."]
    ... )
    >>> sorted((f.subject, f.object) for f in g.facts(relation="بحث"))
    [('الرئيس الصيني', 'العلاقات الثنائية'), ('فلاديمير بوتين', 'العلاقات الثنائية')]
    """
    t = tree.tok(i)
    if t.form.lower() in DUAL_REFS_EN:
        # the two leaders, both sides
        two = any(
            tree.tok(k).form.lower() in DUAL_WORDS_EN
            for k in tree.children(i, "nummod", "det", "amod", "compound")
        )
        return list(d.last_pair) if two and d.last_pair else None
    n = bare_word(t.form)
    lemma = strip_al(lexmod.key(t.lemma))
    stem = n[:-2] if n.endswith(("ان", "ين")) else ""
    if not stem or lemma not in DUAL_REFS or stem != lemma:
        return None
    return list(d.last_pair) if d.last_pair else None

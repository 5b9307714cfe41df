"""Arguments of a predicate: who does it (``subjects``) and what it is done to
(``objects``), each expanded over what is coordinated or listed with it (``expand``).

A subject is the verb's own, or shared from the verb it is coordinated with or depends
on, or a dropped subject guessed from the noun a relative clause describes, the last
speaker or the most recent agreeing entity; each way has its confidence
(``confidence.SUBJECT_*``). Reads the tree and the ``Doc`` through ``coref``; writes the
entities ``coref.ent_of`` makes (and a woman's gender from a feminine verb).

Coordinated objects give one fact each; a dropped subject (وقالت) is the agreeing
entity of the sentence before:

>>> from kg import build
>>> g = build(texts=["زار الرئيس الفرنسي إيمانويل ماكرون مصر والأردن."])
>>> [(f.subject, f.relation, f.object) for f in g.facts(relation="visited")]
[('إيمانويل ماكرون', 'visited', 'مصر'), ('إيمانويل ماكرون', 'visited', 'الأردن')]
>>> g = build(texts=["وصلت وزيرة الخارجية الألمانية إلى بغداد. وقالت إنها ستلتقي رئيس الوزراء."])
>>> [(f.subject, f.relation, f.object, f.modality) for f in g.facts(modality="*")]
[('وزيرة الخارجية الألمانية', 'arrivedIn', 'بغداد', 'asserted'),
 ('وزيرة الخارجية الألمانية', 'said', 'إنها ستلتقي رئيس الوزراء', 'asserted'),
 ('وزيرة الخارجية الألمانية', 'met', 'رئيس الوزراء', 'planned')]
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..lexicon.words import designators
from ..model import Sentence
from ..text import normalize, strip_diacritics
from ..vocab import SPEECH_RELATIONS
from .appointments import APPOINTING, predicative_titles
from .confidence import (
    SUBJECT_DUAL_VERB,
    SUBJECT_GOVERNOR_STEP,
    SUBJECT_LAST_SPEAKER,
    SUBJECT_OWN,
    SUBJECT_RECENT,
    SUBJECT_RELATIVE,
    SUBJECT_SHARED_STEP,
)
from .coref import agrees, dual_parties, ent_of, pronoun, recent
from .phrases import (
    acting_phrase,
    adverbial,
    bare_word,
    blessing,
    governing_participle,
    is_relative_clause,
    joined_adjective,
    nationality_adjective_form,
    np_ids,
    strip_al,
    title_of,
    verb_agreement,
    verbal_noun,
)
from .state import AGENTIVE, Doc
from .tree import Tree
from .words import (
    ADDITION,
    ADDITION_PREFIXES,
    ALONGSIDE,
    CHAIN_TITLES,
    HANDED_IN,
    MANNER_ADVERBS,
    MESSAGES,
    PERSONAL_RELATIVES,
    PURPOSE_MARKS,
    RESULT_MARKS,
    STANCE_NOUNS,
    STANCE_RELATIONS,
    TRANSPARENT,
)

#: Object classes of entries that want people (اعتقل, قتل, أفرج عن).
PEOPLE_OBJECTS = frozenset({"Person", "Group", "Quantity"})
#: The objects of an entry that takes counted people and nothing else.
COUNTED_ONLY = frozenset({"Quantity"})
#: A subject is looked for at most this many verbs up a chain (conj, xcomp, advcl).
MAX_SUBJECT_DEPTH = 3


def expand(d: Doc, s: Sentence, tree: Tree, i: int) -> list[int]:
    """An argument and the arguments coordinated or listed with it. «كل من X وY» (each of
    X and Y) stands for its list.

    >>> from kg import build
    >>> g = build(texts=["واجتمع الوزير بكل من محمد العلي وأحمد السالم في الرياض."])
    >>> sorted(f.object for f in g.facts(relation="met"))
    ['أحمد السالم', 'محمد العلي']
    """
    listed = _each_of(tree, i)
    if listed:
        return [x for k in listed for x in expand(d, s, tree, k)]
    out = [i]
    # القوات المكونة من الجيش والشرطة: the nouns after such a participle list what the
    # forces are made of (a parse may hang them on the forces), no second argument
    made_of = min((k for k in tree.children(i, "amod") if governing_participle(tree, k)), default=0)
    for k in tree.children(i, "conj"):
        if made_of and k > made_of:
            continue
        # an adjective takes no preposition: وبممثل, وبالمبعوث are nouns in a list; nor
        # follows a genitive (قروضا للمغرب ومعدات طبية: a second thing given)
        if not joined_adjective(tree, i, k):
            out.extend(expand(d, s, tree, k))
    for k in _conj_of_name(d, s, tree, i):
        if _listed_by_nationality(d, s, tree, k):
            out.append(k + 1)  # نظيريه الأردني X والمغربي Y: each named by nationality
    n = normalize(tree.tok(i).form)
    if strip_al(n) in TRANSPARENT or n in designators():
        # وفدا الجيش وقوات الدعم السريع: what a delegation, forces or site stands for, and
        # what is coordinated with it
        for k in tree.children(i, "nmod"):
            if not tree.has_case(k):
                out.extend(x for c in tree.children(k, "conj") for x in expand(d, s, tree, c))
    for k in tree.children(i, "nmod", "obl", "appos"):
        c = tree.case(k)
        if c == "ك" or c in ADDITION or c.startswith(ADDITION_PREFIXES):
            out.extend(expand(d, s, tree, k))
    out.extend(_among(d, s, tree, i))
    return out


def _among(d: Doc, s: Sentence, tree: Tree, i: int) -> list[int]:
    """«مناطق أخرى من بينها مدينة X», «عدة دول منها مصر والأردن»: the ones named after
    «من بينها» / «منها» on a plural argument are arguments too (a parse hangs them on the
    verb). The first word after the pronoun, and what is coordinated with it.

    >>> from kg import build
    >>> g = build(texts=["زار الوفد عدة دول من بينها مصر والأردن."])
    >>> sorted(f.object for f in g.facts(relation="visited"))
    ['الأردن', 'مصر']
    """
    out: list[int] = []
    pronouns = [k for k in tree.children(i, "nmod") if _among_pronoun(tree, k)]
    # or hung elsewhere, right after the phrase (ومناطق محيطة بها، من بينها X)
    end = max(tree.subtree(i))
    for j in range(end + 1, min(end + AMONG_REACH, len(tree.toks)) + 1):
        if _among_pronoun(tree, j):
            pronouns.append(j)
            break
        if tree.tok(j).upos not in ("PUNCT", "ADP", "PRON"):
            break
    for k in pronouns:
        nxt = k + 1
        if nxt > len(tree.toks) or tree.tok(nxt).upos not in ("NOUN", "PROPN"):
            continue
        if nxt <= i or nxt in tree.ancestors(i):
            continue  # (a parse that hangs the phrase on the name: no loop)
        out.extend(expand(d, s, tree, nxt))
    return out


#: How many tokens after a plural argument «من بينها» may start.
AMONG_REACH = 5


def _among_pronoun(tree: Tree, k: int) -> bool:
    """Whether token k is the pronoun of «من بينها» or «منها» (من right before it, or من بين)."""
    if tree.tok(k).upos != "PRON" or k < 2:
        return False
    before = normalize(tree.tok(k - 1).form)
    return before == "من" or (before == "بين" and k > 2 and normalize(tree.tok(k - 2).form) == "من")


#: «كل من X وY», «كلا من X وY»: each of the names listed after من.
EACH_OF = frozenset({"كل", "كلا"})


def _each_of(tree: Tree, i: int) -> list[int]:
    """The first name listed after «كل من» at token i: its من phrase, whether the parser
    hung it on كل or on the verb كل depends on."""
    if strip_diacritics(normalize(tree.tok(i).form)) not in EACH_OF:
        return []
    own = [k for k in tree.children(i, "nmod") if tree.case(k) == "من"]
    if own:
        return own[:1]
    if i + 1 > len(tree.toks) or normalize(tree.tok(i + 1).form) != "من":
        return []
    k = tree.tok(i + 1).head
    if k > i + 1 and tree.tok(k).head == tree.tok(i).head and tree.case(k) == "من":
        return [k]
    return []


def _conj_of_name(d: Doc, s: Sentence, tree: Tree, i: int) -> list[int]:
    """The adjectives coordinated with an argument, or with the name of the person a
    title argument names right after it (نظيريه الأردني أيمن الصفدي والعراقي ...)."""
    own = [k for k in tree.children(i, "conj") if tree.tok(k).upos == "ADJ"]
    key = d.token_ent.get((s.index, i))
    if own or key is None or d.ent(key).cls != "Person":
        return own
    k = max(np_ids(tree, i)) + 1
    if k > len(tree.toks) or d.token_ent.get((s.index, k)) != key:
        return []
    return [c for c in tree.children(k, "conj") if tree.tok(c).upos == "ADJ"]


def _listed_by_nationality(d: Doc, s: Sentence, tree: Tree, k: int) -> bool:
    """والتونسي محمد النفطي: a nationality adjective coordinated with a person, and right
    before a person's name, introduces one more counterpart of a list."""
    if k >= len(tree.toks) or not nationality_adjective_form(tree.tok(k).form):
        return False
    key = d.token_ent.get((s.index, k + 1))
    return key is not None and d.ent(key).cls == "Person"


def _keys(d: Doc, s: Sentence, tree: Tree, x: int) -> list[str]:
    """The entities a subject token stands for: the two parties of a dual, or one."""
    parties = dual_parties(d, tree, x)
    if parties:
        return [d.find(p) for p in parties]
    k = ent_of(d, s, tree, x)
    return [k] if k else []


# ---------------------------------------------------------------- subjects


def subjects(
    d: Doc, s: Sentence, tree: Tree, v: int, speech: bool, depth: int = 0
) -> tuple[list[str], float]:
    """Subject entities of a predicate and a confidence for how they were found."""
    subs = [j for j in tree.children(v, "nsubj") if not _resumed_relative(tree, v, j)]
    if not subs:
        subs = tree.children(v, "obl:agent")  # English "hosted by X"
    if not subs and not any(_resumed_relative(tree, v, j) for j in tree.children(v, "nsubj")):
        subs = _subject_as_object(d, s, tree, v, speech)
    if subs:
        return _own_subjects(d, s, tree, v, subs), SUBJECT_OWN
    if tree.feat(v, "Number") == "Dual" and tree.tok(v).upos == "VERB" and d.last_pair is not None:
        # وبحثا: a dual verb, the last two parties
        return [d.find(p) for p in d.last_pair], SUBJECT_DUAL_VERB
    if tree.tok(v).feat("Voice") == "Pass":
        # قُتل 12 شخصا: a passive names no agent, and none is guessed, nor taken from the
        # verb it is joined to (قتل جنديان وأصيب أربعة: the wounded were not hurt by the dead)
        return [], 0.0
    if _result_clause(tree, v):
        return [], 0.0  # ، مما أسفر عن ...: its subject is the clause before, nobody named
    shared = _shared_subjects(d, s, tree, v, speech, depth)
    if shared is not None:
        return shared
    if tree.tok(v).feat("Person") in ("1", "2"):
        return [], 0.0
    return dropped_subjects(d, s, tree, v, speech, depth)


def _resumed_relative(tree: Tree, v: int, j: int) -> bool:
    """Whether j, a relative pronoun parsed as the subject of its clause's verb v, is the
    verb's object: the verb carries a pronoun of the same gender and number that points
    back to it (القمة التي سيعقدها مع X: he will hold it, so the summit holds nothing and
    the subject is dropped).

    >>> from kg import build
    >>> g = build(texts=["وصل الرئيس الفرنسي إلى روما للقمة التي سيعقدها مع رئيس الوزراء الإيطالي."])
    >>> [(f.subject, f.object, f.modality) for f in g.facts(relation="met", modality="*")]
    [('الرئيس الفرنسي', 'رئيس الوزراء الإيطالي', 'planned')]
    """
    t = tree.tok(j)
    if not (t.feat("PronType") == "Rel" or normalize(t.form) in PERSONAL_RELATIVES):
        return False
    return any(
        tree.tok(k).upos == "PRON"
        and tree.tok(k).feat("PronType") == "Prs"
        and tree.tok(k).feat("Person") == "3"
        and tree.tok(k).start == tree.tok(k - 1).end  # a clitic on the verb
        and k - 1 == v
        and tree.tok(k).feat("Gender") == t.feat("Gender") != ""
        and tree.tok(k).feat("Number") == t.feat("Number") != ""
        for k in tree.children(v, "obj")
    )


def _result_clause(tree: Tree, v: int) -> bool:
    """Whether verb v opens a result clause with ما or مما (، ما أسفر عن مقتل ...).

    >>> from kg import build
    >>> g = build(texts=["وصل الوزير إلى المدينة، مما أثار غضب السكان."])
    >>> [f.relation for f in g.facts() if f.subject == "الوزير"]
    ['arrivedIn']
    """
    return any(
        normalize(strip_diacritics(tree.tok(m).lemma)) in RESULT_MARKS
        for m in tree.children(v, "mark")
    )


def _subject_as_object(d: Doc, s: Sentence, tree: Tree, v: int, speech: bool) -> list[int]:
    """وقال فخامة الرئيس X إن ..., أجرى جلالة الملك اتصالا مع ...: a person right after a
    verb with no subject, parsed as its object, is its subject when the verb cannot take
    a person as object: a speech verb with a complement clause, or a verb whose party
    comes after مع (the parse took the subject of VSO for an object)."""
    entry = d.lex.verb(tree.tok(v).lemma)
    talks = entry is not None and entry.prep_only
    if not talks and not (speech and tree.children(v, "ccomp", "parataxis")):
        return []
    for j in tree.children(v, "obj"):
        if j != v + 1:
            continue
        key = ent_of(d, s, tree, j, create=False)
        if key is not None and d.ent(key).cls == "Person":
            return [j]
    return []


def _own_subjects(d: Doc, s: Sentence, tree: Tree, v: int, subs: list[int]) -> list[str]:
    """The entities of a verb's own subjects (and what is coordinated with them)."""
    keys = [k for j in subs for x in expand(d, s, tree, j) for k in _keys(d, s, tree, x)]
    for j in _alongside(tree, v):
        # توصلت قطر إلى جانب مصر إلى اتفاق: who acts alongside the subject does it too
        keys += [
            k
            for c in tree.children(j, "nmod")
            for x in expand(d, s, tree, c)
            for k in _keys(d, s, tree, x)
        ]
    if len(keys) == 1 and tree.feat(v, "Gender") == "Fem" and tree.feat(v, "Person") == "3":
        e = d.ent(keys[0])
        if e.cls == "Person" and tree.feat(v, "Number") == "Sing":
            e.gender = "f"  # قالت X: the verb agrees with a woman
    return keys


def _shared_subjects(
    d: Doc, s: Sentence, tree: Tree, v: int, speech: bool, depth: int
) -> tuple[list[str], float] | None:
    """The subjects of the predicate a coordinated or complement verb, or a participle,
    depends on (None when it depends on none)."""
    if depth < MAX_SUBJECT_DEPTH and tree.rel(v) in ("conj", "xcomp") and tree.tok(v).head:
        h = tree.tok(v).head
        if tree.tok(h).upos in ("VERB", "AUX", "ADJ", "NOUN"):
            if _disagrees(tree, v, h):
                return [], 0.0  # يجري الإعداد ... وستعلن المواعيد: not the same subject
            keys, conf = subjects(d, s, tree, h, speech, depth + 1)
            return keys, conf * SUBJECT_SHARED_STEP
    if (
        tree.rel(v) == "advcl"
        and tree.tok(v).upos in ("ADJ", "NOUN")
        and tree.tok(v).head
        and depth < MAX_SUBJECT_DEPTH
    ):
        # مضيفًا أن ...: the participle shares the subject of the clause it hangs on
        keys, conf = subjects(d, s, tree, tree.tok(v).head, speech, depth + 1)
        if speech and keys and not any(d.ent(k).cls in AGENTIVE for k in keys):
            # قال X إن المباحثات كانت مثمرة، مشيرًا إلى أن: hung inside what X said, on a
            # clause whose subject says nothing; the speaker goes on speaking
            actor = _nearest_actor(d, s, tree, v)
            if actor is not None:
                return [actor], conf * SUBJECT_GOVERNOR_STEP
            if d.last_speaker is not None and d.ent(d.last_speaker).cls in AGENTIVE:
                return [d.find(d.last_speaker)], SUBJECT_LAST_SPEAKER
            return [], 0.0
        return keys, conf * SUBJECT_GOVERNOR_STEP
    return None


def _disagrees(tree: Tree, v: int, h: int) -> bool:
    """Whether verb v, joined to h, cannot share h's subject: v is feminine singular and
    h's own subject a masculine singular noun (يجري الإعداد للزيارة وستعلن المواعيد:
    ستعلن is the dates' verb, a passive or their own; a feminine verb goes with a woman,
    a feminine noun or a plural of things, never with one masculine noun).

    >>> from kg.model import Sentence, Token
    >>> toks = (
    ...     Token(1, "يجري", "جرى", "VERB", 0, "root", 0, 4, feats="Gender=Masc|Number=Sing"),
    ...     Token(2, "الإعداد", "إعداد", "NOUN", 1, "nsubj", 5, 12, feats="Gender=Masc|Number=Sing"),
    ...     Token(3, "تعلن", "أعلن", "VERB", 1, "conj", 13, 17, feats="Gender=Fem|Number=Sing"),
    ... )
    >>> tree = Tree(Sentence(0, 0, 17, "يجري الإعداد تعلن", toks))
    >>> _disagrees(tree, 3, 1), _disagrees(tree, 1, 3)
    (True, False)
    """
    t = tree.tok(v)
    if t.upos != "VERB" or t.feat("Gender") != "Fem" or t.feat("Number") != "Sing":
        return False
    if tree.children(v, "nsubj"):
        return False
    subj = tree.children(h, "nsubj")
    if not subj:
        return False
    st = tree.tok(subj[0])
    return st.upos == "NOUN" and st.feat("Gender") == "Masc" and st.feat("Number") == "Sing"


def _nearest_actor(d: Doc, s: Sentence, tree: Tree, v: int) -> str | None:
    """The subject of the nearest verb before token v whose own subject acts (وصف رئيس
    المجلس الإقرار بالتاريخي، مؤكدًا أن: the speaker of the participle after it)."""
    for h in range(v - 1, 0, -1):
        if tree.tok(h).upos != "VERB":
            continue
        for j in tree.children(h, "nsubj"):
            key = ent_of(d, s, tree, j, create=False)
            if key is not None and d.ent(key).cls in AGENTIVE:
                return d.find(key)
    return None


def dropped_subjects(
    d: Doc, s: Sentence, tree: Tree, v: int, speech: bool, depth: int
) -> tuple[list[str], float]:
    """A dropped subject: the governing clause's for a purpose clause, the noun a relative
    clause describes, the last speaker, or the most recent agreeing entity."""
    gender, number = verb_agreement(tree, v)
    marks = {normalize(strip_diacritics(tree.tok(m).lemma)) for m in tree.children(v, "mark")}
    if marks & PURPOSE_MARKS and depth < MAX_SUBJECT_DEPTH:
        # هدد بتوسيع الهجمات لتشمل ...: a purpose clause's dropped subject is the governing
        # clause's subject when it agrees, else it is left open (never someone from earlier)
        h = next((a for a in tree.ancestors(v) if tree.tok(a).upos in ("VERB", "AUX")), 0)
        if not h:
            return [], 0.0
        keys, conf = subjects(d, s, tree, h, speech, depth + 1)
        return [k for k in keys if agrees(d.ent(k), gender, number)], conf * SUBJECT_GOVERNOR_STEP
    resumptive = any(tree.tok(k).upos == "PRON" for k in tree.children(v, "obj"))
    if is_relative_clause(tree, v) and not resumptive and tree.tok(v).head:
        # بيانًا أثنى فيه على ...: the noun the clause describes does the action, when the
        # verb agrees with it (بيانا دعوا فيه: "they called", so not the statement)
        key = ent_of(d, s, tree, tree.tok(v).head)
        if key and d.ent(key).cls not in NOT_AGENTS and agrees(d.ent(key), gender, number):
            return [key], SUBJECT_RELATIVE
    before = _relative_before(d, s, tree, v)
    if before and agrees(d.ent(before), gender, number):
        return [before], SUBJECT_RELATIVE
    if speech and d.last_speaker is not None:
        e = d.ent(d.last_speaker)
        if e.cls in AGENTIVE and agrees(e, gender, number):
            return [d.find(d.last_speaker)], SUBJECT_LAST_SPEAKER
    # a dropped subject is none of the verb's own arguments (وأشادت بالتزام القاهرة: not Cairo)
    args = [i for c in tree.children(v, "obj", "iobj", "obl", "nmod") for i in tree.subtree(c)]
    own = {d.find(k) for i in args if (k := d.token_ent.get((s.index, i))) is not None}
    # (and it refers back: نشرتها ... في الولايات المتحدة is not said of a later name)
    here = (s.index, tree.tok(v).start)
    key = recent(d, gender, number, own, s.index, prefer_subject=True, before=here)
    return ([key] if key else []), SUBJECT_RECENT


#: What never does the action of a relative clause hung on it (في عام 1842 وافقت: not
#: the year): a time or an amount.
NOT_AGENTS = frozenset({"TimeExpression", "Quantity"})


def _relative_before(d: Doc, s: Sentence, tree: Tree, v: int) -> str | None:
    """X الذي يزور ...: a verb right after a relative pronoun that the parse did not make
    its subject (nor its clause a relative clause) is said of the name before the
    pronoun."""
    r = v - 1
    if r < 2 or normalize(tree.tok(r).form) not in PERSONAL_RELATIVES:
        return None
    key = d.token_ent.get((s.index, r - 1))
    if key is None or d.ent(key).cls not in AGENTIVE:
        return None
    return d.find(key)


# ----------------------------------------------------------------- objects


def _given(d: Doc, s: Sentence, tree: Tree, v: int, args: list[int]) -> list[int]:
    """What a verb of giving gives: سلم الوزير الرئيسَ رسالةً: with a second, unmarked
    noun after it, a person object is the recipient and the noun the thing given; a
    letter or message handed over is delivered, not provided."""
    second = [j for j in tree.children(v, "obl") if not tree.has_case(j) and j > v]
    people = [j for j in args if (k := d.token_ent.get((s.index, j))) and d.ent(k).cls == "Person"]
    if people and second:
        args = [j for j in args if j not in people] + second[:1]
    return [
        j
        for j in args
        if bare_word(tree.tok(j).form) not in MESSAGES
        and lexmod.key(tree.tok(j).lemma) not in HANDED_IN
    ]


def _stance_holder(d: Doc, s: Sentence, tree: Tree, j: int) -> int:
    """Who holds the stance or said the words a stance noun names (أشاد بموقف البابا: the
    Pope; انتقد تصريحات الوزير: the minister): its genitive when that is an actor, else
    the noun itself.

    >>> from kg import build
    >>> g = build(texts=["وأشاد الوزير بموقف الرئيس الفرنسي من القضية."])
    >>> [(f.subject, f.object) for f in g.facts(relation="praised")]
    [('الوزير', 'الرئيس الفرنسي')]
    """
    if bare_word(tree.tok(j).form) not in STANCE_NOUNS:
        return j
    for k in tree.children(j, "nmod"):
        key = d.token_ent.get((s.index, k)) if not tree.has_case(k) else None
        if key is not None and d.ent(key).cls in AGENTIVE:
            return k
    return j


def _object_in_apposition(tree: Tree, v: int) -> list[int]:
    """التقى الرئيس الأوزبكي الرئيس الكازاخي: a second title the parse set in apposition to
    the subject's (not a link of its chain, as الشيخ in أمير قطر الشيخ تميم) is the
    object of a verb that has none."""
    return [
        k
        for j in tree.children(v, "nsubj")
        if title_of(tree, j)
        for k in tree.children(j, "appos")
        if title_of(tree, k) and bare_word(tree.tok(k).form) not in CHAIN_TITLES
    ]


def _unmarked_content(tree: Tree, v: int) -> list[int]:
    """أعلن الرئيس، اليوم الأحد، سحب القوات: a verbal noun the parse left as an unmarked
    oblique, before any prepositional phrase of the verb, is what was announced."""
    for j in tree.children(v, "obl"):
        if tree.has_case(j):
            return []
        if verbal_noun(tree.tok(j)):
            return [j]
    return []


def objects(
    d: Doc, s: Sentence, tree: Tree, v: int, entry: lexmod.Entry | None
) -> list[tuple[str, int]]:
    """Object entities of a predicate (with the token each comes from): its direct object,
    and its prepositional object when the lexicon names the preposition."""
    args = tree.children(v, "obj", "nsubj:pass") or _object_in_apposition(tree, v)
    speech = entry is not None and entry.relation in SPEECH_RELATIONS
    if speech:
        args += _unmarked_content(tree, v)
    if entry is not None and entry.preps:
        beside = _alongside(tree, v)
        taken = _noun_preps(d, tree, args)
        args += [
            j
            for j in tree.children(v, "obl", "nmod")
            if tree.case(j).split(" ")[0] in entry.preps
            and j not in beside
            and not acting_phrase(tree, j)  # التقى القائم بأعمال السفير: no ب object
            and j < taken.get(tree.case(j).split(" ")[0], j + 1)
        ]
    if entry is not None and entry.relation == "provides":
        args = _given(d, s, tree, v, args)
    if entry is not None and entry.relation in STANCE_RELATIONS:
        args = [_stance_holder(d, s, tree, j) for j in args]
    out: list[tuple[str, int]] = []
    blessed = blessing(tree)
    for j in args:
        t = tree.tok(j)
        if j in blessed:
            continue  # استقبل الملك نصره الله: the formula is no object
        if bare_word(t.form) in COMPANY_WORDS:
            continue  # استقبل الملك، مرفوقا بولي العهد، ...: company, no object
        if (speech and adverbial(t)) or strip_diacritics(normalize(t.form)) in MANNER_ADVERBS:
            continue  # أعلنت الحكومة رسميا عن, يتصل هاتفيا: an adverb is no object
        topic = tree.children(v, "dislocated") if t.upos == "PRON" else []
        if topic and (key := ent_of(d, s, tree, topic[0])):
            out.append((key, topic[0]))  # المركز هاجمه مسلحون: the pronoun is the noun before
            continue
        if t.upos == "PRON" and t.feat("PronType") != "Rel" and is_relative_clause(tree, v):
            # a resumptive pronoun (الذي استضافه, الذي شارك فيه): the noun the clause is about
            ante = tree.tok(v).head
            key = ent_of(d, s, tree, ante)
            if key:
                out.append((key, ante))
            continue
        if t.upos == "PRON" and t.feat("PronType") != "Rel":
            # وعينه رئيسا: an object pronoun refers back, never to what comes after it
            avoid = _named_after(d, s, tree, j)
            # نقله الرئيس: an object suffix is not the verb's own subject (that is نفسه)
            avoid |= {
                d.find(k)
                for n in tree.children(v, "nsubj")
                if tree.tok(j).head == v and (k := ent_of(d, s, tree, n, create=False))
            }
            if entry is not None and entry.relation in APPOINTING:
                # nor to the post it is appointed to (وعينه رئيسا: not the earlier رئيسا)
                avoid |= {
                    d.find(d.token_ent[(s.index, k)]) for k in predicative_titles(d, s, tree, v)
                }
            key = pronoun(d, s, tree, j, avoid)
            for _ in range(PRONOUN_RETRIES):
                if not key or entry is None or not entry.objects:
                    break
                if fits(d.ent(key).cls, entry) or entry.objects != PERSON_OBJECT:
                    break
                # وعينه: whom one appoints is a person, not the party named nearer
                avoid.add(d.find(key))
                key = pronoun(d, s, tree, j, avoid)
            if key:
                out.append((key, j))
            continue
        first: str | None = None
        for x in expand(d, s, tree, j):
            key = ent_of(d, s, tree, x)
            if key and first is not None and _unlike(d, first, key):
                continue  # هجوما بطائرات وصواريخ: weapons are no second attack
            if key:
                first = first or key
                out.append((key, x))
    return out


#: Words of company (مرفوقا بـX): never an object (nouns.COMPANY, which reads them).
COMPANY_WORDS = frozenset(normalize(w) for w in ("رفقة", "مرفوقا", "مرفوقة", "مرفوقين"))
#: How many antecedents an object pronoun may pass over that its verb cannot take.
PRONOUN_RETRIES = 3
#: A verb that takes only a person for its object (عين, أقال).
PERSON_OBJECT = frozenset({"Person"})


def _named_after(d: Doc, s: Sentence, tree: Tree, j: int) -> set[str]:
    """The entities first named after token j in this sentence (and never before it)."""
    at = tree.tok(j).start
    later = {
        d.find(k)
        for i in range(j + 1, len(tree.toks) + 1)
        if (k := d.token_ent.get((s.index, i))) is not None
    }
    mentions = d.mentions
    earlier = {
        k
        for k in later
        for mid in d.ent(k).mentions
        if (m := mentions[int(mid[1:]) - 1]).sentence < s.index or m.start < at
    }
    return later - earlier


def _noun_preps(d: Doc, tree: Tree, args: list[int]) -> dict[str, int]:
    """The prepositions the action nouns among a verb's objects take, each with the first
    such noun (أعلن الإفراج عن: عن belongs to الإفراج, not to أعلن). A phrase before the
    noun is the verb's still (بحث مع الملك التعاون: met the king)."""
    out: dict[str, int] = {}
    for j in args:
        entry = d.lex.noun(tree.tok(j).lemma)
        if entry is not None:
            for prep in entry.preps:
                out[prep] = min(out.get(prep, j), j)
    return out


def _alongside(tree: Tree, v: int) -> list[int]:
    """A verb's «إلى جانب X» phrases (alongside X): a preposition, no object."""
    return [
        j
        for j in tree.children(v, "obl")
        if tree.case(j) == "الي" and normalize(tree.tok(j).form) in ALONGSIDE
    ]


def _unlike(d: Doc, a: str, b: str) -> bool:
    """Whether two coordinated arguments cannot be alike: an event and no event."""
    return (d.ent(a).cls == "Event") != (d.ent(b).cls == "Event")


def fits(cls: str, entry: lexmod.Entry) -> bool:
    """Whether an entity of a class can be the object of an entry: a counted quantity of
    people can be where a group can (اعتقلت الشرطة 5 أشخاص), and a phrase of no known
    class where people are wanted (اعتقال الأطراف المتورطة)."""
    if cls in entry.objects:
        return True
    if entry.objects == COUNTED_ONLY:
        return False  # القضاء على 40 مسلحا, not القضاء على الفساد
    if cls == "Quantity":
        return "Group" in entry.objects
    return cls == "Thing" and entry.objects <= PEOPLE_OBJECTS

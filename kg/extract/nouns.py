"""Relations of nouns: verbal and event nouns through the relation lexicon, and
prepositions that carry a relation by themselves on a noun.

Reads an action or event noun with its arguments (سيطرة داعش على الموصل, الهجوم على
محطة, بقيادة X) and the doer found around it (its possessive, the genitive of the noun
or the subject of the verb that governs it); reads a preposition on a noun (التحالف ضد
داعش). Writes the facts: the relation, ledBy, targeted, and the place of an attack.
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize
from ..vocab import SPEECH_RELATIONS
from .arguments import expand, subjects
from .confidence import EVENT_ARGUMENT, LED_BY, NOUN_AGENT, PREPOSITION, TARGET_PLACE
from .coref import ent_of, pronoun
from .phrases import strip_al
from .state import AGENTIVE, PLACES, Doc
from .tree import Tree
from .words import CANCELLING, PREPOSITIONAL_NOUNS

#: Relations of an attack noun whose object's place is where the attack took place.
ATTACKS = ("targeted", "struck")
#: Relations of an event noun whose subject is a party, never the event itself (زيارة X
#: إلى Y: X visited Y; استقبال X لـY: X received Y).
PERSONAL = ("visited", "arrivedIn", "received", "met", "accompanied")
#: A noun's doer is looked for at most this many heads up.
MAX_AGENT_DEPTH = 3


def noun_facts(d: Doc, s: Sentence, tree: Tree, n: int) -> None:
    """An action or event noun the lexicon knows, with its objects and its doer (the
    event itself for an event noun: the attack targeted ...)."""
    tok = tree.tok(n)
    entry = d.lex.noun(tok.lemma) or d.lex.noun(strip_al(normalize(tok.form)))
    if entry is None:
        return
    if tree.case(n) == "في" and normalize(tok.form) in PREPOSITIONAL_NOUNS:
        return  # في مواجهة مرشحين: "against", a preposition, not a confrontation
    if entry.relation == "ledBy":
        _led_by(d, s, tree, n)
        return
    if entry.relation in PERSONAL and _called_off(tree, n):
        return  # ألغت الحكومة زيارة الوزير: a visit that did not take place
    event = d.token_ent.get((s.index, n))
    is_event = event is not None and d.ent(event).cls == "Event" and entry.relation not in PERSONAL
    objs, agent = _noun_arguments(d, s, tree, n, entry, is_event)
    if not objs:
        return
    subj: str | None
    if is_event and event is not None:
        subj = d.find(event)  # the attack targeted ...
        conf = EVENT_ARGUMENT
    else:
        subj = agent or noun_agent(d, s, tree, n)
        conf = NOUN_AGENT
    if subj is None:
        return
    for obj, oi in objs:
        if entry.objects and d.ent(obj).cls not in entry.objects and not d.ent(obj).proper:
            continue
        d.fact(subj, entry.relation, obj, s, tree, [n, oi], conf, lexmod.key(tok.lemma))
        if is_event and entry.relation in ATTACKS:
            _attack_place(d, s, tree, subj, n, oi)


def _called_off(tree: Tree, n: int) -> bool:
    """Whether the verb a noun is the object of calls it off (ألغى, أرجأ)."""
    h = tree.tok(n).head
    return bool(h) and tree.tok(h).upos == "VERB" and lexmod.key(tree.tok(h).lemma) in CANCELLING


def _led_by(d: Doc, s: Sentence, tree: Tree, n: int) -> None:
    """بقيادة X: what the phrase modifies is led by X."""
    if tree.case(n) != "ب":
        return
    leaders = [
        k
        for j in tree.children(n, "nmod")
        if not tree.has_case(j)
        for x in expand(d, s, tree, j)
        if (k := ent_of(d, s, tree, x))
    ]
    led = governor_entity(d, s, tree, n)
    for lead in leaders:
        d.fact(led, "ledBy", lead, s, tree, [n], LED_BY, "قيادة")


def _noun_arguments(
    d: Doc, s: Sentence, tree: Tree, n: int, entry: lexmod.Entry, is_event: bool
) -> tuple[list[tuple[str, int]], str | None]:
    """The objects of an action noun (with their tokens) and, when the noun takes its
    object by a preposition, its genitive as the doer (سيطرة داعش على: the genitive acts;
    so does the genitive before a ل-object: استقبال السيسي للملك). After a possessive
    (وصوله دمشق) a bare noun is the object; with no genitive a person after ل is the
    doer of a personal event (زيارة للرئيس إلى الدوحة)."""
    possessive = any(tree.tok(j).upos == "PRON" and j > n for j in tree.children(n, "nmod"))
    kids = tree.children(n, "nmod", "obj")
    bare = [j for j in kids if not tree.case(j) and tree.tok(j).upos != "PRON"]
    l_object = any(tree.case(j).split(" ")[0] == "ل" for j in kids)
    agentive = any(
        (k := d.token_ent.get((s.index, j))) is not None and d.ent(k).cls in AGENTIVE for j in bare
    )
    # إعلان رئيس البرلمان فوز المرشح: a speaker in the genitive of a noun of saying speaks
    speech = entry.relation in SPEECH_RELATIONS and agentive
    genitive_agent = (bool(entry.preps) or (l_object and agentive) or speech) and not is_event
    if possessive and not is_event:
        genitive_agent = False  # وصوله دمشق: the pronoun is the doer, the noun the object
    objs: list[tuple[str, int]] = []
    agent: str | None = None
    for j in kids:
        c = tree.case(j).split(" ")[0]
        if tree.tok(j).upos == "PRON":
            continue
        if c == "ل" and entry.relation in PERSONAL and not bare and not possessive:
            key = ent_of(d, s, tree, j)
            if key and d.ent(key).cls == "Person":
                agent = key  # زيارة مدتها يومان للرئيس إلى الدوحة
                continue
        if (
            (c and c in entry.preps)
            or (c == "ل" and (possessive or genitive_agent))
            or (not c and not is_event and not genitive_agent)
        ):
            for x in expand(d, s, tree, j):
                key = ent_of(d, s, tree, x)
                if key:
                    objs.append((key, x))
        elif not c and genitive_agent:
            agent = ent_of(d, s, tree, j)
    if not objs and possessive and entry.relation in PERSONAL:
        objs = _place_after_possessive(d, s, tree, n)
    if not objs and speech and agent:
        objs = _said_after(d, s, tree, n)
    return objs, agent


def _said_after(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """عقب إعلان رئيس البرلمان نبيه بري فوز المرشح: what a noun of saying says is the
    noun right after its speaker's phrase, wherever the parse hung it."""
    own = set(tree.subtree(n, frozenset({"acl", "acl:relcl", "conj", "parataxis", "ccomp"})))
    k = n
    while k + 1 in own:
        k += 1
    k += 1
    while k <= len(tree.toks) and tree.tok(k).upos == "PUNCT":
        k += 1
    if k > len(tree.toks) or tree.tok(k).upos not in ("NOUN", "PROPN"):
        return []
    key = ent_of(d, s, tree, k)
    return [(key, k)] if key else []


def _place_after_possessive(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """لدى وصوله دمشق: the place named right after the possessive, wherever the parse
    attached it, is the object of an arrival or a visit."""
    k = n + 2
    if k > len(tree.toks) or tree.tok(n + 1).upos != "PRON":
        return []
    key = d.token_ent.get((s.index, k))
    return [(d.find(key), k)] if key is not None and d.ent(key).cls in PLACES else []


def _attack_place(d: Doc, s: Sentence, tree: Tree, event: str, n: int, oi: int) -> None:
    """An attack on a station in Arish took place in Arish."""
    for w in tree.subtree(oi, frozenset({"acl:relcl", "acl", "conj"})):
        pk = d.token_ent.get((s.index, w))
        if pk and d.ent(pk).cls in PLACES and "في" in (tree.case(w), tree.case(tree.tok(w).head)):
            d.fact(event, "location", pk, s, tree, [n, w], TARGET_PLACE)


def governor_entity(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """What a modifier phrase (بقيادة X, لمحاربة Y) is about: the noun it modifies, or the
    subject of the verb it modifies."""
    h = tree.tok(n).head
    if not h:
        return None
    ht = tree.tok(h)
    if ht.upos in ("VERB", "AUX"):
        keys, _ = subjects(d, s, tree, h, False)
        return keys[0] if keys else None
    return agentive_in_phrase(d, s, tree, h) or ent_of(d, s, tree, h)


def agentive_in_phrase(d: Doc, s: Sentence, tree: Tree, h: int) -> str | None:
    """The noun itself if agentive, else the nearest agentive genitive in its phrase
    (اجتماع التحالف الدولي لمحاربة داعش: the coalition fights)."""
    stack = [h]
    seen = set()
    while stack:
        k = stack.pop(0)
        if k in seen:
            continue
        seen.add(k)
        key = d.token_ent.get((s.index, k))
        if key is not None and d.ent(key).cls in AGENTIVE - PLACES | {"Country"}:
            return d.find(key)
        stack.extend(
            j for j in tree.children(k, "nmod") if not tree.has_case(j) or tree.case(j) == "ل"
        )
    return None


def noun_agent(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """The doer of an action noun: its possessive pronoun (تحريرهم), the noun it is the
    purpose of (التحالف لمحاربة), or the genitive of the noun that governs it (إقدام X على)."""
    for j in tree.children(n, "nmod"):
        t = tree.tok(j)
        if t.upos == "PRON" and j > n:
            return pronoun(d, s, tree, j)
    cur = n
    for depth in range(MAX_AGENT_DEPTH):
        h = tree.tok(cur).head
        if not h:
            return None
        ht = tree.tok(h)
        if ht.upos in ("VERB", "AUX"):
            if depth > 0 or tree.base_rel(cur) not in ("obj", "obl"):
                return None  # شدد على ضرورة محاربة X: the necessity, not the speaker, fights
            if d.lex.verb(ht.lemma) is not None:
                return None  # رحبت السعودية بانتخاب عون: who welcomes is not who elects
            keys, _ = subjects(d, s, tree, h, False)
            return keys[0] if keys else None
        if d.lex.noun(ht.lemma) is not None:
            return None  # دعمه لترشيح عون: the supporter is not the one who nominates
        done, found = _governor_agent(d, s, tree, cur, h)
        if done:
            return found
        cur = h
    return None


def _governor_agent(d: Doc, s: Sentence, tree: Tree, cur: int, h: int) -> tuple[bool, str | None]:
    """The doer a governing noun h shows for its dependent cur: its possessive
    (إحرازهم تقدمًا في استعادة; the answer even when the pronoun resolves to nothing), its
    agentive genitive, itself when agentive and cur its purpose (التحالف لمحاربة), or the
    agent in an event's phrase. Whether h answered, and the doer."""
    for j in tree.children(h, "nmod"):
        if j == cur:
            continue
        t = tree.tok(j)
        if t.upos == "PRON" and j > h and j == h + 1:
            return True, pronoun(d, s, tree, j)
        if not tree.has_case(j):
            key = d.token_ent.get((s.index, j))
            if key is not None and d.ent(key).cls in AGENTIVE:
                return True, d.find(key)
    key = d.token_ent.get((s.index, h))
    if key is not None and d.ent(key).cls in AGENTIVE and tree.case(cur) == "ل":
        return True, d.find(key)
    if key is not None and d.ent(key).cls == "Event" and tree.case(cur) == "ل":
        inner = agentive_in_phrase(d, s, tree, h)
        if inner:
            return True, inner
    return False, None


# ------------------------------------------------------------ prepositions


def prep_facts(d: Doc, s: Sentence, tree: Tree, j: int) -> None:
    """Prepositions that carry a relation by themselves on a noun: التحالف ضد داعش."""
    c = tree.case(j)
    entry = d.lex.preps.get(c)
    if entry is None:
        return
    h = tree.tok(j).head
    if not h or tree.tok(h).upos not in ("NOUN", "PROPN", "ADJ"):
        return
    hk = agentive_in_phrase(d, s, tree, h)
    event = d.token_ent.get((s.index, h))
    for x in expand(d, s, tree, j):
        obj = ent_of(d, s, tree, x)
        if obj is None:
            continue
        if event is not None and d.ent(event).cls == "Event":
            d.fact(event, "targeted", obj, s, tree, [h, x], PREPOSITION, c)
        elif hk is not None:
            d.fact(hk, entry.relation, obj, s, tree, [h, x], PREPOSITION, c)

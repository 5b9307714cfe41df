"""Meetings: who met whom, the talks they took part in, and the meeting as an event.

Reads meeting verbs and their arguments (التقى, استقبل, بحث مع X); writes the other party
of a meeting with one named party (``other_party``), participation in talks
(``took_part``), a meeting event with its participants, place and time
(``meeting_event``), and the ``Doc``'s last pair (the two parties a later dual refers
to: الجانبين, وبحثا), which ``note_pairs`` keeps up to date.
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..lexicon.words import designators
from ..model import PLANNED, Sentence
from ..text import normalize, strip_diacritics
from .arguments import COMPANY_WORDS, _object_in_apposition, expand, subjects
from .confidence import (
    BROUGHT_TOGETHER,
    BROUGHT_TOGETHER_MET,
    MEETING_EVENT,
    PARTICIPATION_CAP,
    SUBJECT_OTHER_PARTY,
)
from .coref import ent_of, recent
from .finish import label
from .modality import modality
from .phrases import bare_word, verb_agreement
from .retold import told_again
from .state import AGENTIVE, PLACES, Doc, Predicate
from .tree import Tree
from .words import (
    AGENT_GOVERNORS,
    BRING_TOGETHER,
    CALL_VERBS,
    HOLDING_VERBS,
    MEETING_TIMES,
    REMOTE_EVENTS,
    WITNESS_VERBS,
)

#: Relations between two parties: the last such pair is what a later dual refers to.
PAIR_RELATIONS = ("met", "received", "agreed", "signed", "worksWith")
#: Relations two coordinated subjects share (X and Y met): they become the last pair.
JOINT_RELATIONS = ("met", "agreed", "signed", "worksWith")
#: Relations that make a meeting event when the clause names its place or time.
MEETING_RELATIONS = ("met", "received")
#: Classes of a party a meeting verb's lone subject can be.
PARTIES = ("Person", "Organization", "Country")
#: Event types of a visit (في زيارة رسمية after a verb of arriving).
VISITS = frozenset({"visit"})
#: Prepositions of the other party an event brought together with the first (جمع X بـY).
WITH_CASES = ("ب", "مع")
#: Relations of a journey: their objects are places (or bodies one visits).
JOURNEYS = ("arrivedIn", "visited")
#: Classes of what a journey's bare object can be.
DESTINATIONS = PLACES | {"Organization"}
#: Event types of talks that an event can bring (ستشهد الزيارة محادثات مع X).
TALKS = frozenset({"talks", "negotiations", "meeting"})
#: Verbal nouns of holding talks (لإجراء محادثات مع X, لعقد مباحثات مع X).
HOLDING = frozenset(normalize(w) for w in ("إجراء", "عقد"))
#: Prepositions of the genitive that names who makes an event (زيارة الرئيس, الزيارة
#: الأولى للوزير): none, or ل.
DOER_CASES = frozenset({"", "ل"})
#: A companion's name comes at most this many tokens after the word of company.
COMPANY_GAP = 4
#: A meeting event's label names at most this many participants.
LABEL_PARTIES = 3


def other_party(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    """والتقى الرئيس التركي: a meeting needs two, so one named party is whom the subject
    carried over from before met. The objects, with the named party as the one met (and
    the carried-over subject in ``p``); else the objects unchanged (but a journey's, which
    are places: وتعد زيارته الأولى, read as عاد, arrived nowhere)."""
    if p.rel in JOURNEYS:
        objects = [o for o in objects if _destination(d, tree, *o)]
        _on_a_visit(d, s, tree, p, objects)
        return objects
    if p.rel in MEETING_RELATIONS:
        # a time a parse made the object (يجتمع الوزراء يومي 5 و6 يونيو) is met by no one
        objects = [
            o
            for o in objects
            if d.ent(o[0]).cls != "TimeExpression" and not _circumstantial(d, tree, *o)
        ]
        objects = _guest(d, s, tree, p, objects)
    if brought_together(d, s, tree, p) or talks_at_event(d, s, tree, p, objects):
        return []
    if p.rel == "received" and _call_received(d, s, tree, p, objects):
        return [o for o in objects if d.ent(o[0]).cls != "Event"]
    if p.entry is not None and p.entry.prep_only and _call_made(d, s, tree, p, objects):
        return []
    if p.rel == "participatedIn" and lexmod.key(tree.tok(p.v).lemma) in CALL_VERBS:
        # (the lexicon row's relation decides, as for every verb: a call both take part in)
        call_by_verb(d, s, tree, p, objects)
        return []
    members = _named_members(d, s, tree, p) if p.rel == "met" else []
    if members:  # يجتمع الوزراء السادة A و B و C: A, B and C meet
        p.subjects = members
        return _met_each_other(d, s, tree, p)
    if p.rel == "met" and not objects and len(p.subjects) > 1:
        return _met_each_other(d, s, tree, p)
    if p.rel != "met" or objects or len(p.subjects) != 1 or not tree.children(p.v, "nsubj"):
        return objects
    one = d.ent(p.subjects[0])
    gender, number = verb_agreement(tree, p.v)
    here = (s.index, tree.tok(p.v).start)  # named before the verb, not later in the sentence
    before = (
        recent(
            d, gender, number, {d.find(p.subjects[0])}, s.index, prefer_subject=True, before=here
        )
        if one.number == "s"
        else None
    )
    if before is not None and one.cls in PARTIES:
        objects = [(p.subjects[0], tree.children(p.v, "nsubj")[0])]
        p.subjects, p.sconf = [before], SUBJECT_OTHER_PARTY
    return objects


def _circumstantial(d: Doc, tree: Tree, key: str, i: int) -> bool:
    """Whether object i is a circumstantial participle set off by a comma (يلتقي الرئيس
    الكيني، ناقلا إليه رسالة: "conveying", how the visitor meets him), which a parse
    may make the verb's object: an indefinite noun in the accusative (its alif), no
    party.

    >>> from kg.model import Sentence, Token
    >>> toks = (Token(1, "،", "،", "PUNCT", 2, "punct", 0, 1),
    ...         Token(2, "ناقلا", "ناقل", "NOUN", 0, "root", 2, 7))
    >>> tree = Tree(Sentence(0, 0, 7, "، ناقلا", toks))
    >>> class D:
    ...     def ent(self, key): return type("E", (), {"cls": key})()
    >>> _circumstantial(D(), tree, "Thing", 2), _circumstantial(D(), tree, "Person", 2)
    (True, False)
    """
    t = tree.tok(i)
    if d.ent(key).cls != "Thing" or t.upos not in ("NOUN", "ADJ") or i < 2:
        return False
    if tree.tok(i - 1).form not in ("،", ",") or t.feat("Definite") == "Def":
        return False
    return normalize(strip_diacritics(t.form)).endswith("ا")


#: Meeting verbs that take whom one meets by a preposition only (اجتمع مع، تباحث مع).
MEET_WITH_ONLY = frozenset(normalize(w) for w in "اجتمع تباحث تشاور تحادث".split())


def _named_members(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> list[str]:
    """يجتمع وزراء الخارجية (السادة) A و B و C: the people a plural subject of a verb of
    meeting-with is, named after it with no preposition (a parse makes them the verb's
    object or oblique, but such a verb takes no bare object); [] unless at least two."""
    if lexmod.key(tree.tok(p.v).lemma) not in MEET_WITH_ONLY:
        return []
    subj = tree.children(p.v, "nsubj")
    if not subj or tree.feat(subj[0], "Number") not in ("Plur", "Dual"):
        return []
    people: list[str] = []
    for j in tree.children(p.v, "obj", "obl"):
        if j < subj[0] or tree.has_case(j):
            continue
        # (a name's first word a tagger read as an adjective is still a conjunct)
        for x in (*expand(d, s, tree, j), *tree.children(j, "conj")):
            key = ent_of(d, s, tree, x)
            if key is not None and d.ent(key).cls == "Person" and d.find(key) not in people:
                people.append(d.find(key))
    return people if len(people) >= 2 else []


def _met_each_other(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> list[tuple[str, int]]:
    """X و Y التقيا, اجتمع X و Y, X و Y سيجتمعان: coordinated parties with no one else to meet
    met each other; the first is the subject, the others whom it met. Nothing when a
    subject is no party or its word cannot be found."""
    if any(d.ent(k).cls not in PARTIES for k in p.subjects):
        return []
    words = {
        d.find(k): j
        for j in range(len(s.tokens), 0, -1)
        for k in [d.token_ent.get((s.index, j))]
        if k
    }
    others = [(k, words[d.find(k)]) for k in p.subjects[1:] if d.find(k) in words]
    if len(others) != len(p.subjects) - 1:
        return []
    p.subjects = p.subjects[:1]
    return others


def _on_a_visit(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> None:
    """وصل X إلى Y في زيارة رسمية: X visited Y too; يتوجه X إلى Y في زيارة (not there yet):
    X visits Y, and has not arrived."""
    if p.rel != "arrivedIn" or not objects:
        return
    visits = [
        j
        for j in tree.children(p.v, "obl", "nmod")
        if tree.case(j) == "في" and d.lex.event_type(lexmod.key(tree.tok(j).lemma)) in VISITS
    ]
    if not visits:
        return
    if tree.feat(p.v, "Aspect") == "Imp":
        p.rel = "visited"  # يتوجه, سيصل: on the way, a visit planned
        return
    # وصل إلى القاهرة في زيارة لمصر: the visit names the country it is to
    own = _visit_destination(d, s, tree, visits[0])
    for subj in p.subjects:
        for obj, oi in own or objects:
            d.fact(subj, "visited", obj, s, tree, [p.v, oi], p.sconf, p.lemma)


def _visit_destination(d: Doc, s: Sentence, tree: Tree, j: int) -> list[tuple[str, int]]:
    """The place a visit noun is to (زيارة لمصر, زيارة إلى الأردن), if it names one."""
    out = []
    for k in tree.children(j, "nmod"):
        key = d.token_ent.get((s.index, k)) if tree.case(k) in ("ل", "الي") else None
        if key is not None and d.ent(key).cls in PLACES:
            out.append((d.find(key), k))
    return out


def _guest(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    """استقبل الرئيس، عبد الفتاح السيسي، ... وزير خارجية الجزائر: the subject's own name
    set off by commas is no guest; with no other object, the person the parse left as an
    unmarked oblique is the one received (or met)."""
    own = {d.find(k) for k in p.subjects}
    objects = [o for o in objects if d.find(o[0]) not in own]
    if objects:
        return objects
    for j in tree.children(p.v, "obl"):
        if tree.has_case(j) or j < p.v or _in_company(tree, j):
            continue
        key = ent_of(d, s, tree, j)
        if key and d.ent(key).cls in PARTIES and d.ent(key).cls not in PLACES:
            return [(d.find(key), j)]
    return objects


def talks_at_event(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> bool:
    """ستشهد زيارة الوزير محادثات مع نظيره: the event that witnesses talks brings them
    about; who makes it (its genitive: the visitor) and the parties after مع take part
    in the talks (and attend nothing). Whether the clause was read so.

    >>> from kg import build
    >>> g = build(texts=["ستشهد زيارة الرئيس الكيني محادثات مع الرئيس الغاني."])
    >>> sorted((f.subject, f.relation, f.object, f.modality) for f in g.facts(modality="*")
    ...        if f.relation == "participatedIn")
    [('الرئيس الغاني', 'participatedIn', 'محادثات', 'planned'),
     ('الرئيس الكيني', 'participatedIn', 'محادثات', 'planned')]
    """
    if lexmod.key(tree.tok(p.v).lemma) not in WITNESS_VERBS:
        return False
    talks = [
        (o, i)
        for o, i in objects
        if d.ent(o).cls == "Event" and d.lex.event_type(lexmod.key(tree.tok(i).lemma)) in TALKS
    ]
    hosts = [j for j in tree.children(p.v, "nsubj") if _is_event(d, s, j)]
    if not talks or not hosts:
        return False
    event, ei = talks[0]
    withs = [*tree.children(ei, "nmod"), *tree.children(p.v, "obl")]
    parties = [(k, j) for h in hosts for j, k in _doers(d, s, tree, h)] + [
        (k, j)
        for j in withs
        if tree.case(j) == "مع"
        for k in [ent_of(d, s, tree, j)]
        if k is not None and d.ent(k).cls in AGENTIVE
    ]
    for who, wi in parties:
        d.fact(
            who, "participatedIn", event, s, tree, [p.v, wi, ei], min(p.sconf, PARTICIPATION_CAP)
        )
    p.subjects = []
    return True


def talks_to_hold(d: Doc, s: Sentence, tree: Tree, n: int) -> None:
    """يتوجه X إلى موسكو لإجراء محادثات مع Y: the subject of the verb whose purpose is
    holding talks, and the parties after مع, take part in them (and X meets Y); what one
    goes to do is to come (see :data:`kg.extract.modality.PURPOSES`).

    >>> from kg import build
    >>> g = build(texts=["يتوجه الوزير إلى موسكو لإجراء محادثات مع نظيره الروسي."])
    >>> sorted((f.subject, f.relation, f.modality) for f in g.facts(modality="*") if f.relation != "arrivedIn")
    [('الوزير', 'met', 'planned'), ('الوزير', 'participatedIn', 'planned'), ('نظيره الروسي', 'participatedIn', 'planned')]
    """
    h = tree.tok(n).head
    if normalize(tree.tok(n).form) not in HOLDING or tree.case(n) != "ل" or not h:
        return
    if tree.tok(h).upos != "VERB":
        return
    talks = [
        j
        for j in tree.children(n, "nmod")
        if not tree.has_case(j)
        and _is_event(d, s, j)
        and d.lex.event_type(lexmod.key(tree.tok(j).lemma)) in TALKS
    ]
    doers, conf = subjects(d, s, tree, h, False)
    if not talks or not doers:
        return
    event = d.find(d.token_ent[(s.index, talks[0])])
    parties = [
        (k, j)
        for j in [*tree.children(n, "nmod"), *tree.children(talks[0], "nmod")]
        if tree.case(j) == "مع"
        for k in [ent_of(d, s, tree, j)]
        if k is not None and d.ent(k).cls in AGENTIVE
    ]
    for who, wi in [(doers[0], n), *parties]:
        d.fact(who, "participatedIn", event, s, tree, [n, wi], min(conf, PARTICIPATION_CAP))
    for other, wi in parties[:1]:
        d.fact(doers[0], "met", other, s, tree, [n, wi], min(conf, PARTICIPATION_CAP))
        d.last_pair = (doers[0], other)


def _is_event(d: Doc, s: Sentence, j: int) -> bool:
    key = d.token_ent.get((s.index, j))
    return key is not None and d.ent(key).cls == "Event"


def _doers(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[int, str]]:
    """Who makes the event of noun n: its genitive after it, bare or with ل (زيارة
    الرئيس، الزيارة الأولى للوزير), or its possessive pronoun (زيارته)."""
    out = []
    for j in tree.children(n, "nmod"):
        if j < n or tree.case(j) not in DOER_CASES:
            continue
        k = ent_of(d, s, tree, j)
        if k is not None and d.ent(k).cls in AGENTIVE:
            out.append((j, d.find(k)))
    return out[:1]


def _in_company(tree: Tree, j: int) -> bool:
    """Whether token j follows a word of company closely (مرفوقا بولي العهد الأمير X):
    a companion, not a guest."""
    return any(
        bare_word(tree.tok(k).form) in COMPANY_WORDS for k in range(max(1, j - COMPANY_GAP), j)
    )


def brought_together(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> bool:
    """قمة ثلاثية جمعته بالملك عبدالله والملك حمد, خلال لقاء جمعهما: the parties an
    event brought together took part in it (and, but on a call, met each other). Whether
    the verb was one (its subjects are then spent)."""
    if lexmod.key(tree.tok(p.v).lemma) not in BRING_TOGETHER:
        return False
    h = tree.tok(p.v).head
    clause = tree.rel(p.v).startswith("acl") or _tagged_as_noun(tree, p.v)
    event = ent_of(d, s, tree, h) if h and clause else None
    if event is None or d.ent(event).cls != "Event":
        return False
    parties: list[tuple[str, int]] = []
    for j in tree.children(p.v, "obj", "obl", "nmod", "nsubj"):
        for key in _parties_at(d, s, tree, j):
            if key not in [k for k, _ in parties] and key != d.find(event):
                parties.append((key, j))
    for key, j in parties:
        d.fact(key, "participatedIn", event, s, tree, [p.v, j], BROUGHT_TOGETHER, p.lemma)
    remote = d.lex.event_type(lexmod.key(tree.tok(h).lemma)) in REMOTE_EVENTS
    for a in range(len(parties)):
        for b in range(a + 1, len(parties)) if not remote else ():
            ka, kb = parties[a][0], parties[b][0]
            d.fact(ka, "met", kb, s, tree, [p.v, parties[b][1]], BROUGHT_TOGETHER_MET, p.lemma)
    if len(parties) == 2:
        d.last_pair = (parties[0][0], parties[1][0])
    p.subjects = []
    return True


def noun_brought_together(d: Doc, s: Sentence, tree: Tree, n: int) -> None:
    """لقاء جمعهما tagged as a noun with a possessive (the collecting of them): the verb of
    a relative clause on the event after all."""
    t = tree.tok(n)
    if t.upos == "NOUN" and lexmod.key(t.lemma) in BRING_TOGETHER and _tagged_as_noun(tree, n):
        brought_together(d, s, tree, Predicate(n, "-", None, t.lemma, [], BROUGHT_TOGETHER))


def _tagged_as_noun(tree: Tree, n: int) -> bool:
    """A bare noun of bringing together (جمع) with a pronoun suffix, the genitive of an
    indefinite noun before it (لقاء جمعهما): a verb of a relative clause read as a noun."""
    t, h = tree.tok(n), tree.tok(n).head
    return (
        t.upos == "NOUN"
        and tree.rel(n) == "nmod"
        and h == n - 1
        and not tree.has_case(n)
        and tree.tok(h).feat("Definite") != "Def"
        and any(tree.tok(j).upos == "PRON" and j == n + 1 for j in tree.children(n, "nmod"))
    )


def _call_received(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> bool:
    """تلقى المقداد اتصالا من ظريف: a call received is a call both took part in (the
    receiver, and the caller after من), not a thing received. Whether there was one."""
    calls = [
        (o, i)
        for o, i in objects
        if d.ent(o).cls == "Event"
        and d.lex.event_type(lexmod.key(tree.tok(i).lemma)) in REMOTE_EVENTS
    ]
    if not calls:
        return False
    event, ei = calls[0]
    callers = [
        k
        for j in [*tree.children(p.v, "obl"), *tree.children(ei, "nmod")]
        if tree.case(j) == "من"
        for k in [ent_of(d, s, tree, j)]
        if k and d.ent(k).cls in AGENTIVE
    ]
    for who in [*p.subjects, *callers]:
        d.fact(who, "participatedIn", event, s, tree, [p.v, ei], min(p.sconf, PARTICIPATION_CAP))
    if callers and p.subjects:
        d.last_pair = (p.subjects[0], callers[0])
    return True


def _call_made(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> bool:
    """أجرى الملك اتصالا هاتفيا مع الشيخ صباح: however the parse attached the call, its
    maker and the parties after مع took part in it, and met nobody. Whether there was a
    call among the verb's dependents (its subjects are then spent)."""
    calls = [
        j
        for j in tree.children(p.v, "obj", "obl")
        if d.lex.event_type(lexmod.key(tree.tok(j).lemma)) in REMOTE_EVENTS
    ]
    ante = tree.tok(p.v).head
    relative = tree.rel(p.v).startswith("acl") and tree.tok(ante).upos == "NOUN"
    if (
        not calls
        and relative
        and d.lex.event_type(lexmod.key(tree.tok(ante).lemma)) in REMOTE_EVENTS
    ):
        calls = [ante]  # الاتصال الذي أجراه الملك: the call the clause is about
    event = d.token_ent.get((s.index, calls[0])) if calls else None
    if event is None or d.ent(event).cls != "Event":
        return False
    with_ = [(o, i) for o, i in objects if tree.case(i) in p.entry.preps] if p.entry else []
    if not with_ and relative and p.entry is not None:
        with_ = _left_clause(d, s, tree, p.v, p.entry.preps)
    if not with_:
        with_ = _called(d, s, tree, calls[0])
    for who, wi in [*[(k, p.v) for k in p.subjects], *with_]:
        d.fact(
            who, "participatedIn", event, s, tree, [wi, calls[0]], min(p.sconf, PARTICIPATION_CAP)
        )
    if len(with_) == 1 and p.subjects:
        d.last_pair = (p.subjects[0], with_[0][0])
    p.subjects = []
    return True


def call_by_verb(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> None:
    """اتصل الملك بالرئيس التركي, هاتف الوزير نظيره: a call made with a verb is an event
    on the verb (named as a call noun would be) that the caller and the parties called
    take part in; nobody met anybody.

    >>> from kg import build
    >>> g = build(texts=["اتصل ولي العهد السعودي بالرئيس الإماراتي."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts() if f.relation != "leaderOf")
    [('الرئيس الإماراتي', 'participatedIn', 'اتصال ولي العهد السعودي بالرئيس الإماراتي'),
     ('ولي العهد السعودي', 'participatedIn', 'اتصال ولي العهد السعودي بالرئيس الإماراتي')]
    """
    called: list[tuple[str, int]] = []
    for k, i in objects:
        if d.ent(k).cls in AGENTIVE and d.find(k) not in [c for c, _ in called]:
            called.append((d.find(k), i))  # الذي اتصلت به: the pronoun and its antecedent
    if not p.subjects or not called:
        return
    english = d.analysed.doc.lang == "en"
    caller, names = label(d.ent(p.subjects[0])), [label(d.ent(k)) for k, _ in called]
    if english:
        text = f"call of {caller} with " + " and ".join(names[:LABEL_PARTIES])
    else:
        text = f"اتصال {caller} ب" + " و".join(names[:LABEL_PARTIES])
    key = d.mention(s, tree, [p.v], f"event:call:{s.index}:{p.v}", "Event", "event", p.v)
    d.ent(key).names = [text]
    for who, wi in [*[(k, p.v) for k in p.subjects], *called]:
        d.fact(who, "participatedIn", key, s, tree, [p.v, wi], p.sconf, p.lemma)
    d.last_pair = (p.subjects[0], called[0][0])
    p.subjects = []


def _called(d: Doc, s: Sentence, tree: Tree, call: int) -> list[tuple[str, int]]:
    """أجرى الملك اتصالا هاتفيا بالرئيس التركي: the party the call noun itself takes,
    after ب or مع (a call is with someone), when the verb took none.

    >>> from kg import build
    >>> g = build(texts=["أجرى الرئيس المصري اتصالا هاتفيا بالرئيس التركي رجب طيب أردوغان."])
    >>> sorted(f.subject for f in g.facts() if f.relation == "participatedIn")
    ['الرئيس المصري', 'رجب طيب أردوغان']
    """
    return [
        (d.find(k), x)
        for j in tree.children(call, "nmod")
        if tree.case(j) in WITH_CASES
        for x in expand(d, s, tree, j)
        if (k := ent_of(d, s, tree, x)) is not None and d.ent(k).cls in AGENTIVE
    ]


def _left_clause(
    d: Doc, s: Sentence, tree: Tree, v: int, preps: tuple[str, ...]
) -> list[tuple[str, int]]:
    """الاتصال الذي أجراه الملك، مع الشيخ تميم: the phrase the parse hung on the verb
    outside, right after the relative clause (but for commas), that the clause's verb
    takes: its parties."""
    end = max(tree.subtree(v))
    outer = tree.tok(tree.tok(v).head).head
    out: list[tuple[str, int]] = []
    for j in tree.children(outer, "obl") if outer else []:
        first = min(tree.subtree(j))
        between = range(end + 1, first)
        if tree.case(j) not in preps or any(tree.tok(k).upos != "PUNCT" for k in between):
            continue
        if first <= end:
            continue
        out.extend(
            (d.find(k), x)
            for x in expand(d, s, tree, j)
            if (k := ent_of(d, s, tree, x)) is not None
        )
    return out


def _parties_at(d: Doc, s: Sentence, tree: Tree, j: int) -> list[str]:
    """The people and bodies an argument of a bringing-together verb names: a dual
    pronoun (جمعهما) is the last pair, a pronoun its antecedent, a noun its entity, what
    is coordinated with it and the party the parse hung on it (جمع X بـY)."""
    t = tree.tok(j)
    if t.upos == "PRON" and t.feat("Number") == "Dual":
        pair = _clause_pair(d, s, tree, j)
        if pair:
            return pair
        if d.last_pair:
            return [d.find(k) for k in d.last_pair]
    with_ = [k for k in tree.children(j, "nmod") if tree.case(k) in WITH_CASES]
    keys = [ent_of(d, s, tree, x) for x in [j, *tree.children(j, "conj"), *with_]]
    return [d.find(k) for k in keys if k and d.ent(k).cls in ("Person", "Organization")]


def _clause_pair(d: Doc, s: Sentence, tree: Tree, j: int) -> list[str]:
    """دعا الوزير نظيره ... خلال لقاء جمعهما: the dual pronoun of a bringing-together verb
    is the subject and the object of the clause its event hangs on, when both are
    people or bodies (before any pair an earlier meeting left)."""
    event = tree.tok(tree.tok(j).head).head
    k = tree.tok(event).head if event else 0
    while k and tree.tok(k).upos != "VERB":
        k = tree.tok(k).head
    if not k:
        return []
    sides = []
    # the object the parse set in apposition to the subject (دعا الوزير نظيره) first
    for args in (
        tree.children(k, "nsubj"),
        _object_in_apposition(tree, k) or tree.children(k, "obj"),
    ):
        keys = [ent_of(d, s, tree, x) for x in args]
        found = [d.find(x) for x in keys if x and d.ent(x).cls in AGENTIVE]
        if not found:
            return []
        sides.append(found[0])
    return sides if sides[0] != sides[1] else []


def _destination(d: Doc, tree: Tree, key: str, i: int) -> bool:
    """Whether a journey's object can be where it went: a place or body, any object
    after a preposition, or a noun that names a kind of place (يزور المملكة)."""
    if d.ent(key).cls in DESTINATIONS or tree.has_case(i):
        return True
    return designators().get(normalize(tree.tok(i).form)) in PLACES


def took_part(
    d: Doc,
    s: Sentence,
    tree: Tree,
    p: Predicate,
    subj: str,
    with_: list[tuple[str, int]],
    event: tuple[str, int],
) -> None:
    """أجرى محادثات مع X: the subject and X took part in the talks (and are the last pair).

    >>> from kg import build
    >>> g = build(texts=["أجرى وزير الخارجية المصري محادثات مع نظيره الأردني."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('وزير الخارجية المصري', 'met', 'نظيره الأردني'),
     ('وزير الخارجية المصري', 'participatedIn', 'محادثات'),
     ('نظيره الأردني', 'participatedIn', 'محادثات')]
    """
    obj, oi = event
    for who, wi in [(subj, p.v), *with_]:
        d.fact(
            who, "participatedIn", obj, s, tree, [wi, oi], min(p.sconf, PARTICIPATION_CAP), p.lemma
        )
    if len(with_) == 1 and d.ent(with_[0][0]).cls in AGENTIVE:
        d.last_pair = (subj, with_[0][0])  # بحثا خلاله: the two who talked
    for j in tree.children(p.v, "obl", "obl:tmod", "nmod", "advmod"):
        key = d.token_ent.get((s.index, j))
        if key is not None and d.ent(key).cls == "TimeExpression":
            d.fact(obj, "pointInTime", key, s, tree, [p.v, j], MEETING_EVENT)
            break  # أجرى محادثات أمس: the talks' time, as a meeting verb's


def held_jointly(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> bool:
    """عقد الوزيران X وY اجتماعا, يعقد الجانبان جلسة مباحثات: a meeting held by its
    sides together (coordinated subjects, or one dual subject) hosts nothing: each side
    takes part in it and, but on a call, the sides meet. Whether the clause was read so.

    >>> from kg import build
    >>> g = build(texts=["عقد وزير الخارجية سامح شكري ونظيره الأردني أيمن الصفدي اجتماعا في عمان."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts() if f.relation != "holdsPosition")
    [('أيمن الصفدي', 'participatedIn', 'اجتماعا'), ('اجتماعا', 'location', 'عمان'),
     ('سامح شكري', 'met', 'أيمن الصفدي'), ('سامح شكري', 'participatedIn', 'اجتماعا')]
    """
    if p.rel != "hosted" or lexmod.key(tree.tok(p.v).lemma) not in HOLDING_VERBS:
        return False
    duals = [j for j in tree.children(p.v, "nsubj") if tree.feat(j, "Number") == "Dual"]
    events = [(o, i) for o, i in objects if d.ent(o).cls == "Event"]
    if not events or not (len(p.subjects) > 1 or duals):
        return False
    named = [k for j in duals for k in _named_sides(d, s, tree, j)]
    if named:
        p.subjects = named  # الرئيسان البشير والسيسي: the two named after the dual
    for obj, oi in events:
        for who in p.subjects:
            conf = min(p.sconf, PARTICIPATION_CAP)
            d.fact(who, "participatedIn", obj, s, tree, [p.v, oi], conf, p.lemma)
    remote = any(
        d.lex.event_type(lexmod.key(tree.tok(oi).lemma)) in REMOTE_EVENTS for _, oi in events
    )
    for a, ka in enumerate(p.subjects):
        for kb in p.subjects[a + 1 :] if not remote else ():
            d.fact(ka, "met", kb, s, tree, [p.v], min(p.sconf, PARTICIPATION_CAP), p.lemma)
    if len(p.subjects) == 2:
        d.last_pair = (p.subjects[0], p.subjects[1])
    return True


def held_together(
    d: Doc, s: Sentence, tree: Tree, n: int, support: int, objects: list[tuple[str, int]]
) -> bool:
    """اتفق الطرفان على عقد قمة: the noun of holding a meeting, done by the several
    subjects of the verb that governs it, is read as :func:`held_jointly` reads the verb:
    each side takes part and the sides meet (with the modality of the noun: agreed on,
    still to come). Whether the phrase was read so.

    >>> from kg import build
    >>> g = build(texts=["اتفق الرئيس المصري ونظيره السوداني على عقد قمة في الخرطوم."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts(modality="planned"))
    [('الرئيس المصري', 'met', 'نظيره السوداني'), ('الرئيس المصري', 'participatedIn', 'قمة'),
     ('قمة', 'location', 'الخرطوم'), ('نظيره السوداني', 'participatedIn', 'قمة')]
    """
    lemma = lexmod.key(tree.tok(n).lemma)
    if lemma not in HOLDING_VERBS or lexmod.key(tree.tok(support).lemma) not in AGENT_GOVERNORS:
        return False
    sides = subjects(d, s, tree, support, False)[0]
    events = [(o, i) for o, i in objects if d.ent(o).cls == "Event"]
    dual = any(tree.feat(j, "Number") == "Dual" for j in tree.children(support, "nsubj"))
    if not (len(sides) > 1 or (sides and dual)) or not events:
        return False  # (اتفقت الدولتان: one dual side takes part, no host)
    for obj, oi in events:
        for who in sides:
            d.fact(who, "participatedIn", obj, s, tree, [n, oi], PARTICIPATION_CAP, lemma)
    for a, ka in enumerate(sides):
        for kb in sides[a + 1 :]:
            d.fact(ka, "met", kb, s, tree, [n], PARTICIPATION_CAP, lemma)
    return True


def _named_sides(d: Doc, s: Sentence, tree: Tree, j: int) -> list[str]:
    """The parties a dual names in apposition (الوزيران X وY), in order."""
    out: list[str] = []
    for a in tree.children(j, "appos"):
        for k in [a, *tree.children(a, "conj")]:
            key = ent_of(d, s, tree, k)
            if key is not None and d.ent(key).cls in AGENTIVE and key not in out:
                out.append(key)
    return out


def note_pairs(d: Doc, p: Predicate, subj: str, obj: str) -> None:
    """A relation between two parties (met, signed ...): they are the last pair."""
    if p.rel in PAIR_RELATIONS and d.ent(obj).cls in AGENTIVE:
        d.last_pair = (subj, obj)


def note_joint_subjects(d: Doc, p: Predicate) -> None:
    """X and Y met (agreed, signed ...): they are the last pair."""
    if len(p.subjects) == 2 and p.rel in JOINT_RELATIONS:
        d.last_pair = (p.subjects[0], p.subjects[1])


def meeting_event(
    d: Doc, s: Sentence, tree: Tree, v: int, parties: list[str], others: list[str]
) -> None:
    """X met Y in Z on W: besides met, a meeting event with its participants, place and time.

    >>> from kg import build
    >>> g = build(texts=["التقى وزير الخارجية القطري نظيره الأميركي في الدوحة."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('نظيره الأميركي', 'participatedIn', 'لقاء وزير الخارجية القطري ونظيره الأميركي'),
     ('وزير الخارجية القطري', 'met', 'نظيره الأميركي'),
     ('وزير الخارجية القطري', 'participatedIn', 'لقاء وزير الخارجية القطري ونظيره الأميركي'),
     ('لقاء وزير الخارجية القطري ونظيره الأميركي', 'location', 'الدوحة')]
    """
    places = []
    times = []
    for j in tree.children(v, "obl", "obl:tmod", "nmod", "advmod"):
        for k in [j, *tree.children(j, "nmod", "flat")]:
            key = d.token_ent.get((s.index, k))
            if key is None:
                continue
            cls = d.ent(key).cls
            if cls in PLACES and (
                "في" in (tree.case(j), tree.case(k)) or _town_of_site(tree, v, j)
            ):
                places.append((key, k))
            elif cls == "TimeExpression":
                times.append((key, k))
    if not places and not times:
        return
    names = [d.ent(p) for p in (*parties, *others)]
    english = d.analysed.doc.lang == "en"
    if english:
        text = "meeting of " + " and ".join(label(e) for e in names[:LABEL_PARTIES])
    else:
        text = "لقاء " + " و".join(label(e) for e in names[:LABEL_PARTIES])
    told = _told_coming(d, tree, v, places, times) or told_again(
        d, tree, v, [*parties, *others], places, times
    )
    kept = list(d.ent(told).names) if told else [text]  # (the noun's names stay its own)
    key = d.mention(s, tree, [v], told or f"event:meeting:{s.index}:{v}", "Event", "event", v)
    e = d.ent(key)
    e.names = kept
    d.last_meeting = key  # what a later اللقاء (هذا اللقاء, خلال اللقاء) refers to
    for p in (*parties, *others):
        d.fact(
            p, "participatedIn", key, s, tree, [v], MEETING_EVENT, "meeting" if english else "لقاء"
        )
    for place, k in places[:1]:
        d.fact(key, "location", place, s, tree, [v, k], MEETING_EVENT)
    for t, k in times[:1]:
        d.fact(key, "pointInTime", t, s, tree, [v, k], MEETING_EVENT)


def _told_coming(
    d: Doc, tree: Tree, v: int, places: list[tuple[str, int]], times: list[tuple[str, int]]
) -> str:
    """The meeting an earlier noun said was to come (اجتماع قريب للرئيس مع ...) that a
    planned clause of meeting (سيلتقي X مع Y في Z يوم الجمعة) tells of, when it names no
    other place or time for it; or "".

    >>> from kg import build
    >>> g = build(texts=["أعلن القصر عن لقاء مرتقب بين الملك والرئيس الفرنسي. "
    ...                  "وسيلتقي الملك الرئيس الفرنسي في باريس الأسبوع المقبل."])
    >>> sorted({f.subject for f in g.facts(modality="*") if f.relation == "location"})
    ['لقاء مرتقب']
    """
    if d.coming_meeting is None or modality(tree, v) != PLANNED:
        return ""
    key = d.find(d.coming_meeting)
    ours = {
        "location": {d.find(p) for p, _ in places},
        "pointInTime": {d.find(t) for t, _ in times},
    }
    for f in d.facts:
        if (
            d.find(f.subject) == key
            and ours.get(f.relation)
            and d.find(f.object) not in ours[f.relation]
        ):
            return ""  # a place or a time of its own: another meeting
    return key


def _town_of_site(tree: Tree, v: int, j: int) -> bool:
    """Whether j is a place under ب right after a في phrase of v (في مكتبه بالقاهرة, في
    مقر الوزارة ببغداد): the town the site is in, so where the meeting was too.

    >>> from kg import build
    >>> g = build(texts=["استقبل رئيس الوزراء اللبناني نجيب ميقاتي في مكتبه ببيروت "
    ...                  "وزير الخارجية القطري."])
    >>> [f.object for f in g.facts(relation="location")]
    ['بيروت']
    """
    cases = [c for c in tree.children(j, "case") if c < j]
    if not cases or tree.case(j) != "ب":
        return False
    p, hops = cases[0] - 1, 0
    while p > 0 and tree.tok(p).head not in (v, 0) and hops < MAX_SITE_DEPTH:
        p, hops = tree.tok(p).head, hops + 1
    return 0 < p < j and tree.tok(p).head == v and tree.case(p) == "في"


#: How deep the word before the town may sit in the site's phrase (في مكتب رئيس الوزراء ب).
MAX_SITE_DEPTH = 4


def meeting_during(d: Doc, tree: Tree, n: int) -> bool:
    """Whether noun n is a meeting in a phrase of time of its verb (خلال اجتماع مع X)."""
    entry = d.lex.noun(tree.tok(n).lemma)
    return entry is not None and entry.relation == "met" and tree.case(n) in MEETING_TIMES

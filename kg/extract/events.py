"""Events' place and time: the last fact reading of each sentence.

Reads the events the sentence mentions and the clause each takes part in (its
predicate, the event noun itself, its relative clauses); writes ``location`` for a place
under في or ب (or على in the event's relative clause: السيول التي هطلت على جدة) (في العاصمة السعودية الرياض: the name after a designator) and
``pointInTime`` for a time expression.
"""

from __future__ import annotations

from ..dates import EVENT_TIME_RELATIONS
from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize, strip_diacritics
from .confidence import EVENT_PARTIES, EVENT_PLACE_TIME
from .coref import ent_of
from .delegates import delegated_parties
from .eventsplit import separate_events
from .holding import held_events, purpose_after, scheduled_holding
from .modality import COMING, PLANNING_ADJECTIVES
from .phrases import verbal_noun
from .relations import relation_for
from .state import PLACES, Doc
from .tours import gathered_parties
from .tree import Tree
from .words import DIRECTIONS, EDGE_NOUNS, IMPERSONAL, NEAR_NOUNS, PLACE_CASES

#: Places an event can fall on (a city, a region, a country), not a site.
TERRITORIES = frozenset({"City", "Region", "Country"})
#: Places an event near which (قرب X) happened is located in: a town or a region.
NEAR_PLACES = frozenset({"City", "Region"})
#: Event types (of the relation lexicon) in which the two sides fight each other.
CLASHES = frozenset({"clashes", "battle", "war", "dispute"})
#: Event types in which the two sides named by «بين A و B» meet (القمة المرتقبة بين A و B).
GATHERINGS = frozenset({"summit", "meeting"})
#: Event types of talks: two people between whom they are held met.
TALKS = frozenset({"talks", "negotiations"})
#: Classes of the sides of such an event that meet each other.
MEETING_SIDES = frozenset({"Person", "Organization", "Country"})
#: Classes of the ends of a span «بين A و B» names (بين 23 و25 مايو): no party of the event.
SPAN_ENDS = frozenset({"TimeExpression", "Quantity"})
#: Prepositions of a phrase inside the event's place phrase that name the ends of a way
#: (في رحلة بين الشارقة واسطنبول, من دبي), not where the event was.
ENDPOINT_CASES = frozenset({"بين", "من"})
#: Prepositions that put an event on a place in its own relative clause (السيول التي
#: هطلت على جدة, الغارات التي شنت على المدينة), besides في and ب.
ON_CASES = frozenset({"علي"})
#: Classes of a party an event's oblique may name (اتصل بأمير الكويت, التقى بقائد الجيش
#: السوداني): the place of its genitive is the party's, not the event's.
PARTY_CLASSES = frozenset({"Person", "Group"})


def event_place_time(d: Doc, s: Sentence, tree: Tree) -> None:
    """Place and time of the events a sentence talks about.

    >>> from kg import build
    >>> g = build(texts=["عقد الرئيس المصري اجتماعا في القاهرة يوم الأحد."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('الرئيس المصري', 'hosted', 'اجتماعا'), ('اجتماعا', 'pointInTime', 'يوم الأحد'),
     ('الرئيس المصري', 'leaderOf', 'مصر'), ('اجتماعا', 'location', 'القاهرة')]
    """
    events: dict[str, int] = {}
    for t in s.tokens:
        key = d.token_ent.get((s.index, t.id))
        if key is not None and d.ent(key).cls == "Event":
            events.setdefault(d.find(key), t.id)
    held = held_events(d, s, tree)
    # a verb's place and time after the complement of holding an event are that event's
    ends = {v: c for v, c, _ in held.values()}
    for key, tid in events.items():
        _parties(d, s, tree, key, tid)
        for who, x in gathered_parties(d, s, tree, tid):
            # اجتماع يضم الأردن والإمارات: as planned as the meeting (the noun's modality)
            d.fact(who, "participatedIn", key, s, tree, [tid, x], EVENT_PARTIES)
        for who, x in delegated_parties(d, s, tree, tid):
            # اجتماع على مستوى وزراء الخارجية بمصر والسودان: the countries take part
            d.fact(who, "participatedIn", key, s, tree, [tid, x], EVENT_PARTIES)
        _where_it_happened(d, s, tree, key, tid)
        for hh in _event_clause(tree, tid):
            cases = (
                PLACE_CASES | ON_CASES if tree.tok(hh).head == tid and hh != tid else PLACE_CASES
            )
            # one place per event and sentence: those named after it locate that place
            # (الاشتباك الذي شهدته قرية X في قضاء Y)
            locate = not _placed(d, s, key)
            until = ends.get(hh, 0) or (_anchored_act(d, tree, hh) if hh != tid else 0)
            _place_time(d, s, tree, key, hh, cases, locate=locate, until=until)
        if d.find(key) in held:
            v, c, n = held[d.find(key)]
            locate = not _placed(d, s, key)
            until = purpose_after(tree, v, c)
            _place_time(
                d, s, tree, key, v, PLACE_CASES, locate=locate, until=until, since=c, pred=n
            )
    _scheduled_place_time(d, s, tree)
    separate_events(d, s, tree, events)


def _scheduled_place_time(d: Doc, s: Sentence, tree: Tree) -> None:
    """«الانتخابات المقرر إجراؤها يوم الخميس المقبل»: the place and time after the verbal
    noun of holding are the scheduled event's (planned through the scheduling word),
    on the noun itself or on the word a parse hangs it on (:func:`scheduled_holding`)."""
    for c in range(1, len(tree.toks) + 1):
        n = scheduled_holding(tree, c)
        key = d.token_ent.get((s.index, n)) if n else None
        if key is None or d.ent(key).cls != "Event":
            continue
        key = d.find(key)
        for hh in (c, tree.tok(c).head):
            if hh:
                locate = not _placed(d, s, key)
                _place_time(d, s, tree, key, hh, PLACE_CASES, locate=locate, since=c, pred=c - 1)


#: The subordinator of a clause of place (منطقة X، حيث وقع الهجوم).
WHERE = normalize("حيث")


def _where_it_happened(d: Doc, s: Sentence, tree: Tree, key: str, tid: int) -> None:
    """«X، حيث وقع الهجوم» (X, where the attack took place): the event that is the subject
    of a clause of place happened in the place named right before حيث.

    >>> from kg import build
    >>> g = build(texts=["وقال الضابط من مدينة الكرخ، حيث وقع الانفجار، إن الوضع هادئ."])
    >>> [(f.subject, f.object) for f in g.facts(relation="location")]
    [('الانفجار', 'الكرخ')]
    """
    h = tree.tok(tid).head
    if not h or tree.base_rel(tid) != "nsubj" or tree.tok(h).upos != "VERB":
        return
    marks = [m for m in tree.children(h, "mark") if normalize(tree.tok(m).form) == WHERE]
    if not marks or _placed(d, s, key):
        return
    k = marks[0] - 1
    while k > 0 and tree.tok(k).upos == "PUNCT":
        k -= 1
    place = d.token_ent.get((s.index, k)) if k > 0 else None
    if place is not None and d.ent(place).cls in PLACES:
        d.fact(key, "location", place, s, tree, [h, k], EVENT_PLACE_TIME)


#: Prepositions that set an event against another act (تأتي الزيارة بعد أسبوع من استقبال ...).
ANCHORS = frozenset(normalize(w) for w in "بعد قبل عقب إثر".split())


def _anchored_act(d: Doc, tree: Tree, hh: int) -> int:
    """The first token of a phrase of verb hh that sets its event after or before another
    act (وتأتي هذه الزيارة بعد أيام من استقبال الرئيس لنظيره في موسكو): a place or time
    named after it on the verb is that act's, which a parse seldom hangs on its noun; 0
    when there is none.

    >>> from kg import build
    >>> g = build(texts=["سيلتقي الوزير نظيره الهندي غدا. وتأتي هذه الزيارة بعد أسبوع من "
    ...                  "استقبال الرئيس الصيني لرئيس الوزراء الهندي في بكين."])
    >>> [f.subject for f in g.facts(relation="location", modality="*")]
    []
    """
    if tree.tok(hh).upos not in ("VERB", "AUX"):
        return 0
    for o in tree.children(hh, "obl", "advcl"):
        if tree.case(o) not in ANCHORS:
            continue
        nouns = (tree.tok(m) for m in tree.subtree(o))
        if any(t.upos == "NOUN" and d.lex.noun(t.lemma) for t in nouns):
            return o
    return 0


def _place_time_deps(d: Doc, tree: Tree, hh: int) -> tuple[str, ...]:
    """The dependents of hh that can name an event's place or time: an adverb of time
    (أمس) too when hh is the event noun or a verb that realises the event (عقد اجتماعا
    أمس, حضر أمس الافتتاح), not a verb about it (أدان أمس الهجوم)."""
    if tree.tok(hh).upos in ("VERB", "AUX") and _lemma(tree, hh) not in IMPERSONAL:
        # (تم أمس توقيع الاتفاق: the impersonal verb realises its event noun)
        if relation_for(d, tree, hh)[0] not in EVENT_TIME_RELATIONS:
            return ("obl", "nmod", "obl:tmod")
    return ("obl", "nmod", "obl:tmod", "advmod")


def _placed(d: Doc, s: Sentence, key: str) -> bool:
    """Whether the sentence already gave the event a location."""
    for f in reversed(d.facts):
        if f.sentence != s.index:
            return False
        if f.relation == "location" and d.find(f.subject) == key:
            return True
    return False


def _parties(d: Doc, s: Sentence, tree: Tree, key: str, n: int) -> None:
    """«بين A و B» on an event noun: in a clash A fights B (اشتباكات بين الجيش
    والمتمردين); in any other event both take part (صفقة تبادل بين إسرائيل وحماس).

    >>> from kg import build
    >>> g = build(texts=["ستجري المراسم بين 23 و25 مايو."])
    >>> [(f.relation, f.object, f.modality) for f in g.facts(modality="*")]
    [('pointInTime', '25 مايو', 'planned')]
    """
    chain = _genitive_heads(tree, n)
    sides = [j for h in _with_adjectives(tree, chain) for j in tree.children(h, "nmod", "obl")]
    sides = [j for j in sides if tree.case(j) == "بين" and tree.tok(j).upos != "VERB"]
    if not sides:
        return
    a = sides[0]
    others = (
        tree.children(a, "conj")
        or [k for h in chain for k in tree.children(h, "conj") if k > a]
        or _second_side(tree, a)
    )
    parties = _named_pair(d, s, tree, a) or [
        k for j in [a, *others[:1]] if (k := ent_of(d, s, tree, j)) and k != key
    ]
    # بين 23 و25 مايو: the ends of a span of days, no parties; the day that names the
    # month is when the event falls
    days = [k for k in parties if d.ent(k).cls == "TimeExpression"]
    if days and all(d.ent(k).cls in SPAN_ENDS for k in parties):
        d.fact(key, "pointInTime", days[-1], s, tree, [n, a], EVENT_PLACE_TIME)
    parties = [k for k in parties if d.ent(k).cls not in SPAN_ENDS]
    t = tree.tok(n)
    etype = d.lex.event_type(lexmod.key(t.lemma)) or d.lex.event_type(normalize(t.form)) or ""
    if etype in CLASHES and len(parties) == 2:
        d.fact(parties[0], "fights", parties[1], s, tree, [n, a], EVENT_PARTIES)
        return
    for who in parties:
        d.fact(who, "participatedIn", key, s, tree, [n, a], EVENT_PARTIES)
    if etype in GATHERINGS and len(parties) == 2:
        if all(d.ent(k).cls in MEETING_SIDES for k in parties):
            # a summit of A and B is a meeting of the two, with the summit's modality
            d.fact(parties[0], "met", parties[1], s, tree, [n, a], EVENT_PARTIES)
    elif etype in TALKS and len(parties) == 2 and all(d.ent(k).cls == "Person" for k in parties):
        # جلسة مباحثات بين الرئيس X والوزير Y: two people in talks met (two countries
        # may negotiate through others)
        d.fact(parties[0], "met", parties[1], s, tree, [n, a], EVENT_PARTIES)


def _second_side(tree: Tree, a: int) -> list[int]:
    """The B of «بين A و B» that a parse hung higher than A (في إطار الاستعدادات لقمة بين
    A و B: B a conjunct of إطار): the first nominal conjunct of A's ancestors after A
    with no verb between."""
    found = sorted(
        k
        for h in tree.ancestors(a)
        for k in tree.children(h, "conj")
        if k > a and tree.tok(k).upos in ("NOUN", "PROPN")
    )
    if not found or any(tree.tok(j).upos == "VERB" for j in range(a, found[0])):
        return []
    return found[:1]


def _named_pair(d: Doc, s: Sentence, tree: Tree, a: int) -> list[str]:
    """The two people a dual title splits between its adjectives (بين الرئيسين الروسي
    فلاديمير بوتين والأمريكي دونالد ترامب), read in the order of the words, which a
    parse seldom joins; [] when ``a`` is not such a title."""
    if tree.tok(a).feat("Number") not in ("Dual", "Plur"):  # الوزيرين: dual or plural
        return []
    people: list[str] = []
    i, n = a + 1, len(tree.toks)
    while i <= n and len(people) < 2:
        if normalize(tree.tok(i).form) == "و" or _nisba(tree, i):
            i += 1
            continue
        key = d.token_ent.get((s.index, i))
        if key is None or d.ent(key).cls != "Person":
            break
        people.append(d.find(key))
        while i <= n and d.token_ent.get((s.index, i)) == key:
            i += 1
    return people if len(people) == 2 else []


def _nisba(tree: Tree, i: int) -> bool:
    """An adjective of origin (الروسي، الأمريكي), which a tagger may read as a noun."""
    t = tree.tok(i)
    return t.upos == "ADJ" or (t.upos == "NOUN" and normalize(t.form).endswith("ي"))


def _with_adjectives(tree: Tree, heads: list[int]) -> list[int]:
    """The nouns and their adjectives: a parse hangs «بين A و B» on the adjective that
    says when the event is (القمة المرتقبة بين A و B، المحادثات المقبلة بين ...، اللقاء الذي
    كان مقررا بين ...)."""
    adjectives = (a for h in heads for a in tree.children(h, "amod", "acl"))
    return [*heads, *(a for a in adjectives if tree.tok(a).upos in ("ADJ", "NOUN"))]


#: How far up a chain of nouns an event's «بين A و B» may hang.
GENITIVE_HOPS = 3


def _genitive_heads(tree: Tree, n: int) -> list[int]:
    """The event noun and the nouns it is the genitive of (صفقة تبادل الأسرى بين A و B,
    استئناف تبادل الأسرى بين A و B: a parse hangs بين on صفقة or استئناف), up to the
    first preposition (من صفقة, of a part of the deal, still counts)."""
    out, cur = [n], n
    for _ in range(GENITIVE_HOPS):
        h = tree.tok(cur).head
        if not h or tree.tok(h).upos != "NOUN" or tree.rel(cur) != "nmod":
            break
        if tree.has_case(cur) and tree.case(cur) != "من":
            break
        out.append(h)
        cur = h
    return out


def _event_clause(tree: Tree, tid: int) -> list[int]:
    """The clause an event takes part in: the event noun, its predicate, its relative
    clauses, and the adjective saying when it is to be, which a parse gives the event's
    place or time (القمة المرتقبة في الجزائر، الانتخابات المقررة في مايو)."""
    heads = [tid]
    h = tree.tok(tid).head
    # an event told by a verb in a complement clause (أعلنت سول الخميس أن مون سيستقبل
    # الجمعة X: a meeting) has that verb's own place and time, not the saying's
    told = tree.tok(tid).upos in ("VERB", "AUX") and tree.base_rel(tid) in ("ccomp", "parataxis")
    if h and tree.tok(h).upos in ("VERB", "AUX") and not told:
        heads.append(h)
    for acl in tree.children(tid, "acl:relcl", "acl"):
        heads.append(acl)
    heads += [
        a for a in tree.children(tid, "amod") if _lemma(tree, a) in PLANNING_ADJECTIVES | COMING
    ]
    return heads


def _lemma(tree: Tree, i: int) -> str:
    t = tree.tok(i)
    return normalize(t.lemma or t.form)


def _place_time(
    d: Doc,
    s: Sentence,
    tree: Tree,
    key: str,
    hh: int,
    cases: frozenset[str] = PLACE_CASES,
    locate: bool = True,
    until: int = 0,
    since: int = 0,
    pred: int = 0,
) -> None:
    """For each oblique of head hh, the first place (under ``cases``: في, ب) or time it
    names: the event's location or point in time. Only obliques before token ``until``
    or after token ``since`` when given; ``pred`` is the facts' predicate (hh when 0)."""
    pred = pred or hh
    purpose = _purpose_phrase(tree, hh)
    for j in tree.children(hh, *_place_time_deps(d, tree, hh)):
        if (until and j > until) or j <= since:
            continue
        # the place itself, or its name after a designator (في العاصمة السعودية الرياض)
        # or after words of direction (في جنوب غرب إيران); not the ends of a way (في رحلة
        # بين الشارقة واسطنبول)
        ks = [j, *tree.children(j, "appos", "flat", "nmod"), *_after_directions(tree, j)]
        if normalize(strip_diacritics(tree.tok(j).lemma)) in NEAR_NOUNS:
            ks += [g for c in ks[1:] for g in tree.children(c, "nmod")]  # قرب مدينة الرمادي
        for k in ks:
            jk = d.token_ent.get((s.index, k))
            if jk is None:
                continue
            e = d.ent(jk)
            if k != j and tree.case(k) in ENDPOINT_CASES and e.cls != "TimeExpression":
                continue
            on = tree.case(j) in ON_CASES  # على: a territory it fell on, not a site it hit
            # (قرب الموصل: the town the noun of nearness names; near a site, or near a
            # country (كمين قرب موريتانيا, in Mali), is no location)
            near = (
                k != j
                and tree.case(j) not in cases  # (بالقرب من X: under ب as before)
                and normalize(strip_diacritics(tree.tok(j).lemma)) in NEAR_NOUNS
            )
            edge = k != j and _on_edge(tree, j, k)
            fits = NEAR_PLACES if near else TERRITORIES if on or edge else PLACES
            if (
                e.cls in fits
                and (tree.case(j) in cases or near or edge)
                and not (purpose and j > purpose)  # وقفة ... للتضامن مع المحتجين في X
            ):
                if locate:
                    d.fact(key, "location", jk, s, tree, [pred, k], EVENT_PLACE_TIME)
                    locate = False
                break
            if e.cls == "TimeExpression":
                d.fact(key, "pointInTime", jk, s, tree, [pred, k], EVENT_PLACE_TIME)
                break
            if k == j and e.cls in PARTY_CLASSES:
                break  # اتصل بأمير الكويت: the party's country is not where the event was


#: Prepositions that put an event on the edge of a place (على الحدود, عند أطراف, في محيط).
EDGE_CASES = frozenset({"في", "علي", "عند"})


def _on_edge(tree: Tree, j: int, k: int) -> bool:
    """Whether k is the place whose edge the phrase at j names (على الحدود الشرقية لقطاع
    غزة, على أطراف مدينة حلب): its plain or ل genitive, under an edge noun (:data:`EDGE_NOUNS`)."""
    noun = tree.tok(j)
    words = {_lemma(tree, j), normalize(noun.form).removeprefix("ال")}
    return bool(words & EDGE_NOUNS) and tree.case(j) in EDGE_CASES and tree.case(k) in ("", "ل")


def _after_directions(tree: Tree, j: int) -> list[int]:
    """The place named after a chain of direction words starting at token j (جنوب غرب
    إيران: إيران), none when j is no direction word."""
    cur, hops = j, 0
    while normalize(tree.tok(cur).form) in DIRECTIONS and hops < MAX_DIRECTIONS:
        nxt = [k for k in tree.children(cur, "nmod") if not tree.has_case(k)]
        if not nxt:
            return []
        cur, hops = nxt[0], hops + 1
    return [cur] if hops else []


#: The most direction words before a place (شمال شرق, جنوب غرب).
MAX_DIRECTIONS = 2


def _purpose_phrase(tree: Tree, hh: int) -> int:
    """The first purpose phrase of head hh: a ل + verbal noun oblique (للتعبير عن,
    لدعم), or 0. A place after it is that phrase's, whatever the parse hung it on
    (نفذوا وقفة للتضامن مع المحتجين في القصرين: the protesters are in Kasserine).

    >>> from kg import build
    >>> g = build(texts=["نظم المزارعون وقفة للتعبير عن دعمهم للعمال المضربين في القصرين."])
    >>> [f.object for f in g.facts(relation="location")]
    []
    """
    return next(
        (
            j
            for j in tree.children(hh, "obl", "advcl")
            if tree.case(j) == "ل" and verbal_noun(tree.tok(j))
        ),
        0,
    )

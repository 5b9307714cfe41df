"""Relations of nouns: verbal and event nouns through the relation lexicon, and
prepositions that carry a relation by themselves on a noun.

Reads an action or event noun with its arguments (سيطرة داعش على الموصل, الهجوم على
محطة, بقيادة X) and the doer found around it (its possessive, the genitive of the noun
or the subject of the verb that governs it); reads a preposition on a noun (التحالف ضد
داعش). Writes the facts: the relation, ledBy, targeted, and the place of an attack.
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import ASSERTED, PLANNED, Sentence
from ..text import normalize
from ..vocab import SPEECH_RELATIONS
from .affiliation import speaks_for
from .appointments import APPOINTING, office_left, position_facts, predicative_titles, titles_after
from .arguments import COMPANY_WORDS, COUNTED_ONLY, dropped_subjects, expand, fits, subjects
from .casualties import casualty_noun, result_doer, toll_cause, victims
from .confidence import EVENT_ARGUMENT, LED_BY, NOUN_AGENT, PREPOSITION, TARGET_PLACE
from .coref import ent_of, pronoun, word_of_a_name
from .impersonal import impersonal_objects, passive_doer
from .meetings import held_together, meeting_during
from .modality import timing_word
from .phrases import accusative_after, bare_word, on_adjective, strip_al
from .purposes import purpose_doer
from .relations import COURT_RELATIONS, between, genitive_objects, noun_completion, to_court
from .rulings import imposed_penalty
from .state import AGENTIVE, PLACES, Doc
from .suffered import doer_by, shots_suffered, sufferer
from .tours import included_places, later_stops
from .tree import Tree
from .words import (
    ADDITION,
    ADDITION_PREFIXES,
    AGENT_GOVERNORS,
    CANCELLING,
    COLLECTIONS,
    DEATH_NOUNS,
    DOCUMENT_NOUNS,
    FORCES,
    HANDED_IN,
    IMPERSONAL,
    PREPOSITIONAL_NOUNS,
    REPEL_VERBS,
    REPORT_GOVERNORS,
    RESULT_VERBS,
    SUPPORT_NOUNS,
    governs_action,
)

#: Relations of an attack noun whose object's place is where the attack took place.
ATTACKS = ("targeted", "struck")
#: Relations of verbal nouns of hitting something (تفجير, استهداف, قصف).
HITTING = frozenset({"attacked", *ATTACKS})
#: Places an event on them happens in (a city, a region, a country), not a site.
TERRITORIES = frozenset({"City", "Region", "Country"})
#: Relations an event noun holds as their subject when no doer is found (the attack
#: targeted X, the fire killed N); an event never visits, hosts or fights.
EVENT_SUBJECT_RELATIONS = frozenset({"targeted", "struck", "killed", "attacked", "injured"})
#: Relations of an event noun whose subject is a party, never the event itself (زيارة X
#: إلى Y: X visited Y; استقبال X لـY: X received Y).
PERSONAL = ("visited", "arrivedIn", "received", "met", "accompanied")
#: Relations of nouns whose doer is an actor, never a thing or an event (a message's
#: sender, who claims an attack).
ACTOR_ONLY = frozenset({"sentMessageTo", "claimedResponsibility"})
#: Verbs of voting, and what a vote on an action noun does (صوت على تعيين X).
VOTING = frozenset({normalize("صوت")})
VOTED = frozenset({"elected", "appointed", "dismissed", "adopted", "sanctioned", "rejected"})
#: A noun's doer is looked for at most this many heads up.
MAX_AGENT_DEPTH = 3


def noun_facts(d: Doc, s: Sentence, tree: Tree, n: int) -> None:
    """An action or event noun the lexicon knows, with its objects and its doer (found
    around it; for an attack, a strike or a killing with no doer in sight, the event
    itself: the attack targeted ...). An event's place object is its location.

    The doer from a possessive (سيطرته: the army's), a leader from بقيادة, and an
    attack's target that is its place too:

    >>> from kg import build
    >>> [(f.subject, f.relation, f.object) for f in build(texts=["أعلن الجيش سيطرته على مدينة الرمادي."]).facts()]
    [('الجيش', 'announced', 'سيطرة'), ('الجيش', 'controls', 'الرمادي')]
    >>> g = build(texts=["شنت القوات هجوما بقيادة الجيش العراقي على مدينة الفلوجة."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('القوات', 'launched', 'هجوما'), ('القوات', 'targeted', 'الفلوجة'),
     ('هجوما', 'location', 'الفلوجة'), ('هجوما', 'ledBy', 'الجيش العراقي')]
    """
    tok = tree.tok(n)
    entry = d.lex.noun(tok.lemma) or d.lex.noun(bare_word(tok.form))
    completion = noun_completion(d, tree, n)
    if completion is not None:
        entry = completion[0]
    if entry is None or word_of_a_name(d, s, tree, n):
        return
    if tree.case(n) == "في" and normalize(tok.form) in PREPOSITIONAL_NOUNS:
        return  # في مواجهة مرشحين: "against", a preposition, not a confrontation
    if entry.relation == "ledBy":
        _led_by(d, s, tree, n)
        return
    if shots_suffered(d, s, tree, n):
        return  # تعرضت دورية لإطلاق نار: the patrol was shot at, it launched nothing
    if entry.relation == "killed" and imposed_penalty(tree, n):
        return  # قضت المحكمة بإعدام X: a sentence (rulings), not a death
    if entry.relation in PERSONAL and _called_off(tree, n):
        return  # ألغت الحكومة زيارة الوزير: a visit that did not take place
    event = d.token_ent.get((s.index, n))
    is_event = event is not None and d.ent(event).cls == "Event" and entry.relation not in PERSONAL
    # مقتل X, إصابة X: a death or an injury, whoever announces it did not kill or injure
    # (أعلن الجيش مقتل جنوده; أعلن الدفاع المدني إصابة 35 شخصا)
    support = support_verb(d, tree, n) if not casualty_noun(tree, n) else 0
    if (
        entry.relation == "participatedIn"
        and tree.case(n) == "ب"
        and _with_taking_part(d, s, tree, n)
    ):
        return
    objs, agent = _noun_arguments(d, s, tree, n, entry, support, is_event)
    hit = sufferer(d, s, tree, n) if entry.relation in HITTING else None
    if hit is not None:  # تعرض المقر لهجوم من قبل X: X's attack on the seat
        by = doer_by(d, s, tree, n)
        objs, agent = [hit], by[0] if by else None
    elif agent is None and objs:
        agent = passive_doer(d, s, tree, n, objs)  # الاعتداء على X من قبل Y: Y did it
    if completion is not None and not entry.preps:  # إطلاق سراح X: X, not سراح
        objs = genitive_objects(d, s, tree, completion[1])
    if completion is not None and d.stands_for(s.index, completion[1], agent):
        agent = None  # إلقاء القبض على X: القبض completes the noun, it does nothing
    objs = objs + _added_objects(d, s, tree, n, objs)
    later: set[int] = set()
    if entry.relation == "visited":  # جولة تشمل X و Y
        objs += [o for o in included_places(d, s, tree, n) if o not in objs]
        later = later_stops(tree, n, [oi for _, oi in objs])
    if not objs and entry.relation == "visited":
        agent, objs = _visit_in_order(d, s, tree, n, agent)
    if not objs and entry.relation in ("killed", "injured"):
        objs = victims(d, s, tree, n)  # مقتل 10, إصابة أكثر من 20: a count hung elsewhere
    if support and lexmod.key(tok.lemma) in HANDED_IN:
        # قدم X استقالته, تقدم X باستقالته: who hands it in is the light verb's subject
        agent = next(iter(support_doers(d, s, tree, support)), agent)
    if not objs and entry.relation == "resigned":
        objs = office_left(d, tree, n, agent or noun_agent(d, s, tree, n, support))
    if not objs:
        return
    if entry.relation in COURT_RELATIONS and not to_court(tree, n, [oi for _, oi in objs]):
        return  # إحالة الضباط إلى التقاعد: no referral to court
    if entry.relation in APPOINTING:
        posts = set(predicative_titles(d, s, tree, n) or titles_after(d, s, tree, n))
        objs = [o for o in objs if o[1] not in posts]  # تعيين X كمدرب: X, not the post
        position_facts(d, s, tree, n, sorted(posts), objs)
    if hit is None:
        agent = agent or noun_agent(d, s, tree, n, support) or toll_cause(d, s, tree, n)
    if agent is None and entry.relation in ("signed", "agreed"):
        # تم توقيع الاتفاق بين الحكومة والنقابات: the sides signed it
        sides = between(d, s, tree, [n, *(oi for _, oi in objs)])
        for side in sides:
            for obj, oi in objs:
                if obj in sides:
                    continue
                d.fact(
                    side, entry.relation, obj, s, tree, [n, oi], NOUN_AGENT, lexmod.key(tok.lemma)
                )
    if entry.relation == "hosted" and support and held_together(d, s, tree, n, support, objs):
        return  # اتفق الطرفان على عقد قمة: the sides take part, not one host
    if agent is not None and entry.relation in ATTACKS:
        _repelled(d, s, tree, n, agent)
    subj, conf = agent, NOUN_AGENT
    if entry.relation in ACTOR_ONLY and subj is not None and d.ent(subj).cls not in AGENTIVE:
        # برقية تهنئة إلى X: the congratulation sends nothing; who sends the cable does
        subj = noun_agent(d, s, tree, n, support)
        if subj is None or d.ent(subj).cls not in AGENTIVE:
            return
    if (
        subj is None
        and is_event
        and entry.relation in EVENT_SUBJECT_RELATIONS
        and carrier(tree, n) == n  # (تنفيذ ضربات ضد X: the strikes' doer is تنفيذ's, unsaid)
    ):
        subj, conf = event, EVENT_ARGUMENT  # the attack targeted ...
    for obj, oi in objs:
        # القضاء على خلايا التنظيم: the lemma's row for an object of this class
        row = entry.for_class(d.ent(obj).cls)
        if (
            row is entry
            and entry.objects
            and not fits(d.ent(obj).cls, entry)
            and (not d.ent(obj).proper or entry.objects == COUNTED_ONLY)  # القضاء على داعش
            and not _destination_phrase(d, tree, entry, obj, oi)
        ):
            continue
        if is_event and event is not None and d.ent(obj).cls in TERRITORIES:
            # الهجوم على كييف, الحرب على غزة: where the event took place (a site attacked,
            # مقر القيادة, is its target, not its place)
            d.fact(event, "location", obj, s, tree, [n, oi], TARGET_PLACE)
            if entry.relation == "fights":
                continue  # a war is not fought against a place
        if subj is None or _own_body(d, s, subj, obj):
            continue
        if row is not entry and d.ent(subj).cls not in AGENTIVE:
            continue  # القضاء على داعش إقليميا: an adverb fights nobody
        made = len(d.facts)
        d.fact(subj, row.relation, obj, s, tree, [n, oi], conf, lexmod.key(tok.lemma))
        if oi in later and len(d.facts) > made and d.facts[-1].modality == ASSERTED:
            d.facts[-1].modality = PLANNED  # بدأ جولة تشمل X و Y: Y is still to come
        if is_event and event is not None and entry.relation in ATTACKS:
            _attack_place(d, s, tree, event, n, oi)


def _with_taking_part(d: Doc, s: Sentence, tree: Tree, n: int) -> bool:
    """عقد الاجتماع بمشاركة X, قمة بمشاركة X و Y: the parties in the genitive of a ب
    participation phrase took part in the event the phrase goes with (the noun it hangs
    on, or the event a verb it hangs on has for its subject or object). Whether there was
    such an event."""
    h = tree.tok(n).head
    if not h:
        return False
    cands = [h] if tree.tok(h).upos != "VERB" else tree.children(h, "nsubj", "nsubj:pass", "obj")
    events = [
        k
        for c in cands
        if (k := d.token_ent.get((s.index, c))) is not None and d.ent(k).cls == "Event"
    ]
    if (
        not events
        or tree.children(n, "nmod")
        and any(tree.case(j) == "في" for j in tree.children(n, "nmod"))
    ):
        return False  # أكد مشاركته في القمة: the event is named after في
    event = d.find(events[0])
    found = False
    for j in tree.children(n, "nmod", "appos"):
        if tree.has_case(j) or tree.tok(j).upos == "PRON":
            continue
        for key, x in _expanded(d, s, tree, j):
            if d.ent(key).cls in AGENTIVE and d.find(key) != event:
                d.fact(key, "participatedIn", event, s, tree, [n, x], NOUN_AGENT, "مشاركة")
                found = True
    return found


#: Words by which a clause's subject comes with company (برفقة X, مرفوقا بـX).
COMPANY = COMPANY_WORDS
#: The companion is named at most this many tokens after the word of company.
COMPANY_REACH = 8


def companions(d: Doc, s: Sentence, tree: Tree, k: int) -> None:
    """وصل الملك إلى القاهرة برفقة ولي العهد, استقبل الملك، مرفوقا بولي العهد، ...: the
    first person named after the word of company accompanied the subject of its verb."""
    if bare_word(tree.tok(k).form) not in COMPANY:
        return
    v = next((h for h in tree.ancestors(k) if tree.tok(h).upos == "VERB"), 0)
    if not v:
        return
    keys, conf = subjects(d, s, tree, v, False)
    if not keys:
        return
    for j in range(k + 1, min(k + COMPANY_REACH, len(tree.toks)) + 1):
        if tree.tok(j).upos == "PUNCT" and j > k + 1:
            return
        key = d.token_ent.get((s.index, j))
        if key is not None and d.ent(key).cls == "Person" and d.find(key) != keys[0]:
            d.fact(d.find(key), "accompanied", keys[0], s, tree, [k, j], min(conf, NOUN_AGENT))
            return


#: Designators of armed bodies that may be named after their leader (قوات حفتر).
NAMED_FORCES = frozenset(normalize(w) for w in ("قوات", "ميليشيا", "ميليشيات"))


def forces_of(d: Doc, s: Sentence, tree: Tree, k: int) -> None:
    """قوات حفتر: forces named after a person named in the document are led by them."""
    if bare_word(tree.tok(k).form) not in NAMED_FORCES or k >= len(tree.toks):
        return
    org = d.token_ent.get((s.index, k + 1)) or d.token_ent.get((s.index, k))
    person = d.surnames.get(normalize(tree.tok(k + 1).form))
    if org is None or person is None or d.ent(org).cls != "Organization":
        return
    if d.ent(person).cls == "Person":
        d.fact(person, "leaderOf", org, s, tree, [k, k + 1], LED_BY)


def _destination_phrase(d: Doc, tree: Tree, entry: lexmod.Entry, obj: str, oi: int) -> bool:
    """زيارة الملك إلى العقبة: whatever follows إلى after a visit noun is where the visit
    went, a place the gazetteer does not know (a definite noun phrase, شرم الشيخ)."""
    return (
        entry.relation == "visited"
        and tree.case(oi) == normalize("إلى")
        and d.ent(obj).cls == "Thing"
        and any(tree.feat(k, "Definite") == "Def" for k in [oi, *tree.children(oi, "nmod")])
    )


def _visit_in_order(
    d: Doc, s: Sentence, tree: Tree, n: int, agent: str | None
) -> tuple[str | None, list[tuple[str, int]]]:
    """زيارة للرئيس الكيني وليام روتو إلى القاهرة, الزيارة الأولى للوزير إلى العراق: read
    in the order of the words when the parse hung the visitor or the destination
    elsewhere: the noun's adjectives, a person after ل (its title, adjectives and name),
    then إلى and a place. The visitor and the destination, or the agent unchanged and no
    destination."""
    k = n + 1
    last = len(tree.toks)
    while k <= last and tree.tok(k).upos == "ADJ" and tree.tok(k).head == n:
        k += 1  # الزيارة الخارجية الأولى
    who = agent
    lam = k < last and tree.tok(k).upos == "ADP" and normalize(tree.tok(k).form) == "ل"
    h = k + 1 if lam else k  # للرئيس, or a genitive: زيارة الملك عبدالله
    key = d.token_ent.get((s.index, h)) if h <= last else None
    if key is not None and d.ent(key).cls == "Person" and (lam or tree.tok(h).head == n):
        who = d.find(key)
        span = set(tree.subtree(h))
        k = h + 1
        while k <= last and (
            k in span
            or tree.tok(k).upos == "ADJ"
            or (d.token_ent.get((s.index, k)) and d.find(d.token_ent[(s.index, k)]) == who)
        ):
            k += 1  # الكيني وليام روتو: the visitor's title, adjectives and name
    elif lam:
        return agent, []
    if who is None or k >= last or normalize(tree.tok(k).form) != normalize("إلى"):
        return agent, []
    place = d.token_ent.get((s.index, k + 1))
    if place is None or d.ent(place).cls not in PLACES:
        return agent, []
    return who, [(d.find(place), k + 1)]


def _called_off(tree: Tree, n: int) -> bool:
    """Whether the verb a noun is the object of calls it off (ألغى, أرجأ)."""
    h = tree.tok(n).head
    return bool(h) and tree.tok(h).upos == "VERB" and lexmod.key(tree.tok(h).lemma) in CANCELLING


def _repelled(d: Doc, s: Sentence, tree: Tree, n: int, attacker: str) -> None:
    """صد الجيش هجوما شنه المسلحون: who repels an attack fights its attacker."""
    h = tree.tok(n).head
    if not h or tree.rel(n) != "obj" or lexmod.key(tree.tok(h).lemma) not in REPEL_VERBS:
        return
    for k in subjects(d, s, tree, h, False)[0]:
        d.fact(k, "fights", attacker, s, tree, [h, n], NOUN_AGENT, lexmod.key(tree.tok(h).lemma))


def support_doers(d: Doc, s: Sentence, tree: Tree, v: int) -> list[str]:
    """Who does what a support verb's noun names: its subject; in a relative clause with a
    pronoun for the noun (العقوبات التي فرضها), not the relative pronoun a parse may make
    its subject, but the clause's dropped subject."""
    subs = tree.children(v, "nsubj")
    if subs and all(tree.tok(k).feat("PronType") == "Rel" for k in subs):
        return dropped_subjects(d, s, tree, v, False, 0)[0]
    return subjects(d, s, tree, v, False)[0]


def action_doer(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """The doer an action noun's support verb names (فرضت كندا عقوبات: Canada), if any."""
    support = support_verb(d, tree, n)
    if not support or support in tree.children(n, "acl:relcl", "acl"):
        support = tree.tok(n).head if tree.rel(n) == "obj" else 0
    if not support or lexmod.key(tree.tok(support).lemma) not in AGENT_GOVERNORS:
        return None
    keys = support_doers(d, s, tree, support)
    return keys[0] if keys else None


def _own_body(d: Doc, s: Sentence, subj: str, obj: str) -> bool:
    """Whether the sentence made the object a body the subject leads or belongs to (أكد
    الأمين العام للجامعة دعم الجامعة: the league's support, not the secretary's object)."""
    a, b = d.find(subj), d.find(obj)
    for f in reversed(d.facts):
        if f.sentence != s.index:
            return False
        if f.relation in ("leaderOf", "memberOf") and (d.find(f.subject), d.find(f.object)) == (
            a,
            b,
        ):
            return True
    return False


def support_verb(d: Doc, tree: Tree, n: int) -> int:
    """The verb whose subject does what an action noun names (أعلنت الشرطة اعتقال X,
    شنت القوات هجوما, هجوما شنه المسلحون: the noun's clause with a pronoun standing for
    it), or 0."""
    for v in tree.children(n, "acl:relcl", "acl"):
        if lexmod.key(tree.tok(v).lemma) in AGENT_GOVERNORS and any(
            tree.tok(k).upos == "PRON" for k in tree.children(v, "obj")
        ):
            return v  # العقوبات التي فرضها على X: the clause says who, and on whom
    m = carrier(tree, n)
    while tree.base_rel(m) == "conj" and _in_construct(tree, tree.tok(m).head):
        m = tree.tok(m).head  # اتفقا على تعزيز التعاون وعقد قمة: the verb of the first
    h = tree.tok(m).head
    if (
        h
        and tree.tok(h).upos in ("VERB", "AUX")
        and tree.base_rel(m) in ("obj", "obl")
        and governs_action(lexmod.key(tree.tok(h).lemma), lexmod.key(tree.tok(n).lemma))
        and not reports_death(tree, h, m)
        and (lexmod.key(tree.tok(h).lemma) not in VOTING or _decided(d, tree, n))
    ):
        return h
    return 0


def _in_construct(tree: Tree, k: int) -> bool:
    """Whether k is a noun in construct with a genitive (تعزيز التعاون): a verbal noun
    whose conjunct shares its verb, unlike a plain object (فتح الحدود وعقد قمة parsed
    with عقد on الحدود)."""
    return tree.tok(k).upos == "NOUN" and any(
        not tree.has_case(g) for g in tree.children(k, "nmod")
    )


def _decided(d: Doc, tree: Tree, n: int) -> bool:
    """Whether a vote on action noun n decides it (صوت على انتخاب X: elected X), not
    only a vote about something (صوت على الاتفاق: agreed nothing)."""
    entry = d.lex.noun(tree.tok(n).lemma)
    return entry is not None and entry.relation in VOTED


def reports_death(tree: Tree, v: int, n: int) -> bool:
    """Whether verb v has a death other than n as its object (أكدت الوزارة مقتل 6 في غارة,
    رصدت المنظمة مقتل 50 في غارات): it tells of the deaths, and its subject neither killed
    nor carried out the attack the deaths came in (so too أعلنت السلطات عن مقتل 11 في هجوم)."""
    told = [*tree.children(v, "obj"), *(k for k in tree.children(v, "obl") if tree.case(k) == "عن")]
    return any(k != n and lexmod.key(tree.tok(k).lemma) in DEATH_NOUNS for k in told)


def carrier(tree: Tree, n: int) -> int:
    """The verbal noun of a support verb an action noun is the genitive of (أعلن فرض
    عقوبات على X, أعلن شن غارات: فرض, شن), or the collection it counts (شن سلسلة غارات
    على X: the series stands in the strikes' slot), else the noun itself."""
    h = tree.tok(n).head
    if (
        h
        and tree.tok(h).upos == "NOUN"
        and tree.rel(n) == "nmod"
        and not tree.has_case(n)
        and lexmod.key(tree.tok(h).lemma) in SUPPORT_NOUNS | COLLECTIONS
    ):
        return h
    return n


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
    d: Doc, s: Sentence, tree: Tree, n: int, entry: lexmod.Entry, support: int, is_event: bool
) -> tuple[list[tuple[str, int]], str | None]:
    """The objects of an action noun (with their tokens) and its genitive when that is the
    doer: when the noun takes its object by a preposition (سيطرة داعش على), or when an
    acting genitive comes with a ل object (تهديد الجماعة للصحفيين, استقبال السيسي للملك),
    or a speaker is the genitive of a noun of saying (إعلان رئيس البرلمان فوز المرشح).
    After a possessive (وصوله دمشق) a bare noun is the object; with no genitive a person
    after ل is the doer of a personal event (زيارة للرئيس إلى الدوحة). The prepositional
    objects of its support verb count as its own (شنت القوات هجوما على كييف)."""
    kids = [
        j
        for j in tree.children(n, "nmod", "obj")
        if tree.tok(j).upos != "PRON" and not timing_word(tree, j)  # (اجتماع مرتقب)
    ]
    kids += on_adjective(tree, n, entry.preps)
    possessive = any(tree.tok(j).upos == "PRON" and j > n for j in tree.children(n, "nmod"))
    lam = any(tree.case(j) == "ل" and j > n for j in kids)
    genitive = any(not tree.has_case(j) for j in kids)
    event = d.token_ent.get((s.index, n))
    personal: list[int] = []  # a genitive that is the object of a personal event
    if support and entry.preps and lexmod.key(tree.tok(support).lemma) not in REPORT_GOVERNORS:
        # قررت بريطانيا تزويد أوكرانيا بدبابات: a verb of deciding or doing names the doer;
        # the genitive is the other party (but أعلنت الرئاسة وصول الرئيس: he arrives) -
        # for a visit or a meeting, the one visited or met (قام الرئيس بزيارة الجزائر,
        # يعتزم لقاء نظيره)
        if entry.relation in PERSONAL:
            personal = [j for j in kids if not tree.has_case(j) and _fits_at(d, s, j, entry)]
        kids = [j for j in kids if tree.has_case(j)]
    bare = [j for j in kids if not tree.case(j)]
    agentive = any(
        (k := d.token_ent.get((s.index, j))) is not None and d.ent(k).cls in AGENTIVE for j in bare
    )
    # إعلان رئيس البرلمان فوز المرشح: a speaker in the genitive of a noun of saying speaks
    speech = entry.relation in SPEECH_RELATIONS and agentive
    genitive_agent = (
        # سيطرة داعش على, زيارة الرئيس إلى: an acting genitive of a noun that takes its
        # object by a preposition does it (توقيع الاتفاق: a thing is what is signed)
        (bool(entry.preps) and not _document_genitive(tree, kids))
        or (lam and _acting_genitive(d, s, tree, kids))
        or speech
        or (
            event is not None
            and d.ent(event).cls == "Event"
            and not entry.objects
            and _acting_genitive(d, s, tree, kids, forces=True)
        )
    )
    acc = accusative_after(tree, n, bare) if entry.relation in HITTING and agentive else 0
    genitive_agent = genitive_agent or bool(acc)  # تفجير إسرائيل نفقا: Israel blew it up
    if possessive and not is_event:
        genitive_agent = False  # وصوله دمشق: the pronoun is the doer, the noun the object
    objs: list[tuple[str, int]] = []
    agent: str | None = None
    for j in kids:
        c = tree.case(j).split(" ")[0]
        if c == "ل" and entry.relation in PERSONAL and not bare and not possessive:
            key = ent_of(d, s, tree, j)
            if key and d.ent(key).cls == "Person":
                agent = key  # زيارة مدتها يومان للرئيس إلى الدوحة
                continue
        if (c and c in entry.preps) or (
            c == "ل"
            and not entry.preps  # استقالته للملك: a noun of من takes no object by ل
            and entry.relation != "met"  # اجتماع الكتلة لحزب X: whose bloc, not who is met
            and (possessive or (genitive_agent and lam) or not genitive)
        ):  # مداهمة لمخزن: an indefinite verbal noun takes its object with ل
            objs.extend(_expanded(d, s, tree, j))
        elif not c and genitive_agent:
            agent = agent or ent_of(d, s, tree, j)
        elif not c:
            objs.extend(_expanded(d, s, tree, j))
    for j in [*personal, *([acc] if acc else [])]:
        objs.extend(_expanded(d, s, tree, j))
    m = carrier(tree, n)
    if m != n and not objs:
        # أعلن الجيش شن غارات على مواقع: the support noun's phrase is the action's
        objs = [
            o
            for j in tree.children(m, "nmod")
            if tree.case(j).split(" ")[0] in entry.preps
            for o in _expanded(d, s, tree, j)
        ]
    if support and not objs and _object_slot(d, tree, m, support):
        # the verb's object slot is the noun's: its prepositional phrase is the noun's too
        # (أعلنت الحكومة الإفراج عن الرهائن)
        last = max(tree.subtree(n))
        for j in tree.children(support, "obl"):
            c = tree.case(j).split(" ")[0]
            if c in entry.preps:
                objs.extend(_expanded(d, s, tree, j))
            elif not c and not entry.preps and min(tree.subtree(j)) == last + 1:
                objs.extend(_expanded(d, s, tree, j))  # اعتقال جميع المتورطين, parsed apart
    if not objs and entry.preps:
        objs = impersonal_objects(d, s, tree, n, entry)
    if not objs and possessive and entry.relation in PERSONAL:
        objs = _place_after_possessive(d, s, tree, n, entry.preps)
    elif not objs and possessive and not entry.preps and entry.relation not in SPEECH_RELATIONS:
        objs = _object_after_possessive(d, s, tree, n)
    if not objs and speech and agent:
        objs = _said_after(d, s, tree, n)
    return objs, agent


def _fits_at(d: Doc, s: Sentence, j: int, entry: lexmod.Entry) -> bool:
    """Whether the entity at token ``j`` is of a class the entry takes as its object."""
    key = d.token_ent.get((s.index, j))
    return key is not None and fits(d.ent(key).cls, entry)


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


def _place_after_possessive(
    d: Doc, s: Sentence, tree: Tree, n: int, preps: tuple[str, ...] = ()
) -> list[tuple[str, int]]:
    """لدى وصوله دمشق, في طريق عودته إلى الرياض: the place named right after the
    possessive (or after a preposition the noun takes), wherever the parse attached it,
    is the object of an arrival or a visit."""
    k = n + 2
    if k > len(tree.toks) or tree.tok(n + 1).upos != "PRON":
        return []
    if tree.tok(k).upos == "ADP" and normalize(tree.tok(k).form) in preps:
        k += 1
    if k > len(tree.toks):
        return []
    key = d.token_ent.get((s.index, k))
    return [(d.find(key), k)] if key is not None and d.ent(key).cls in PLACES else []


def _object_after_possessive(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """بسبب انتقاده الحكومة: the definite noun or name right after a verbal noun's
    possessive, wherever the parse attached it, is its object (as a verb's would be)."""
    k = n + 2
    if k > len(tree.toks) or tree.tok(n + 1).upos != "PRON" or tree.has_case(k):
        return []
    t = tree.tok(k)
    definite = t.feat("Definite") == "Def" or any(
        tree.feat(j, "Definite") == "Def" and not tree.has_case(j) for j in tree.children(k, "nmod")
    )  # نتائج الانتخابات: a construct with a definite genitive
    if t.upos not in ("NOUN", "PROPN") or (t.upos == "NOUN" and not definite):
        return []
    if tree.rel(k) in ("nsubj", "nsubj:pass"):
        return []  # إعلانه الحرب ... : no subject of another verb
    return _expanded(d, s, tree, k)


def _object_slot(d: Doc, tree: Tree, m: int, support: int) -> bool:
    """Whether a noun fills its support verb's object slot: its direct object, its
    object after the verb's own preposition (أعلنت عن فرض), or the noun its relative
    clause describes."""
    if tree.tok(support).head == m and tree.rel(support).startswith("acl"):
        return True
    if tree.tok(m).head != support:
        return False
    own = d.lex.verb(tree.tok(support).lemma)
    return tree.rel(m) == "obj" or (own is not None and tree.case(m).split(" ")[0] in own.preps)


def _document_genitive(tree: Tree, kids: list[int]) -> bool:
    """Whether the noun's genitive is a document (توقيع الاتفاق: what is signed)."""
    gen = next((j for j in kids if not tree.has_case(j)), None)
    if gen is None:
        return False
    t = tree.tok(gen)
    return bare_word(t.form) in DOCUMENT_NOUNS or strip_al(lexmod.key(t.lemma)) in DOCUMENT_NOUNS


def _acting_genitive(
    d: Doc, s: Sentence, tree: Tree, kids: list[int], forces: bool = False
) -> bool:
    """Whether the noun's genitive (its first dependent with no preposition) acts; with
    ``forces``, only an actor that is no place, or armed forces and their weapons (قصف
    الجيش, قصف الطائرات: not قصف المدينة)."""
    gen = next((j for j in kids if not tree.has_case(j)), None)
    if gen is None:
        return False
    if forces and strip_al(lexmod.key(tree.tok(gen).lemma)) in FORCES:
        return True
    key = ent_of(d, s, tree, gen)
    if key is None:
        return False
    return d.ent(key).cls in (AGENTIVE - PLACES if forces else AGENTIVE)


def _expanded(d: Doc, s: Sentence, tree: Tree, j: int) -> list[tuple[str, int]]:
    """The entities of an argument and of what is coordinated or listed with it."""
    return [(key, x) for x in expand(d, s, tree, j) if (key := ent_of(d, s, tree, x))]


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


def noun_agent(d: Doc, s: Sentence, tree: Tree, n: int, support: int = 0) -> str | None:
    """The doer of an action noun: its possessive pronoun (تحريرهم), the subject of its
    support verb (أعلنت الشرطة اعتقال), the noun it is the purpose of (التحالف لمحاربة),
    or the genitive of the noun that governs it (إقدام X على)."""
    for j in tree.children(n, "nmod"):
        t = tree.tok(j)
        if t.upos == "PRON" and j > n:
            return pronoun(d, s, tree, j)
    traveller = purpose_doer(d, s, tree, n)
    if traveller is not None:
        return traveller
    if support:
        own = d.token_ent.get((s.index, n))
        keys = [k for k in support_doers(d, s, tree, support) if own is None or k != d.find(own)]
        return speaks_for(d, keys[0]) if keys else None
    cur = n
    while tree.base_rel(cur) == "conj" and casualty_noun(tree, tree.tok(cur).head):
        cur = tree.tok(cur).head  # مقتل ثلاثة وإصابة سبعة: the second has the first's cause
    for depth in range(MAX_AGENT_DEPTH):
        h = tree.tok(cur).head
        if not h:
            return None
        ht = tree.tok(h)
        if ht.upos in ("VERB", "AUX"):
            if (
                depth > 0
                or tree.base_rel(cur) not in ("obj", "obl")
                or lexmod.key(ht.lemma) in IMPERSONAL
            ):
                return None  # شدد على ضرورة محاربة X: the necessity, not the speaker, fights
            if meeting_during(d, tree, n):
                keys, _ = subjects(d, s, tree, h, False)  # قال X خلال اجتماع مع Y: X met Y
                return keys[0] if keys else None
            if lexmod.key(ht.lemma) in RESULT_VERBS:
                return result_doer(d, s, tree, h, n)  # أسفر الهجوم عن مقتل: the attack killed
            issued = d.lex.verb(ht.lemma)
            if issued is not None and issued.relation == "issued" and tree.case(cur) == "ب":
                keys, _ = subjects(d, s, tree, h, False)  # أصدر مرسوما بتعيين X
                return keys[0] if keys else None
            if lexmod.key(ht.lemma) in REQUESTS and _personal(d, tree, n):
                keys, _ = subjects(d, s, tree, h, False)  # طلب السفير مقابلة الوزير
                return keys[0] if keys else None
            if d.lex.verb(ht.lemma) is not None:
                return None  # رحبت السعودية بانتخاب عون: who welcomes is not who elects
            if lexmod.key(tree.tok(n).lemma) in DEATH_NOUNS or reports_death(tree, h, cur):
                return None  # تصف التقارير مقتل 50: who tells of a death did not kill
            keys, _ = subjects(d, s, tree, h, False)
            return keys[0] if keys else None
        if _result_argument(tree, cur, h):
            return result_doer(d, s, tree, tree.tok(h).head, n)  # parsed low
        if d.lex.noun(ht.lemma) is not None:
            return None  # دعمه لترشيح عون: the supporter is not the one who nominates
        done, found = _governor_agent(d, s, tree, cur, h)
        if done and found is not None and casualty_noun(tree, n) and d.ent(found).cls in PLACES:
            return None  # مقتل 9 ... شمال غربي تونس: a place named near a toll killed no one
        if done:
            return found
        cur = h
    return None


#: Verbs of asking for something (lexicon keys): who asks to meet or visit someone is the
#: one who would meet or visit (طلب السفير مقابلة الوزير), but who asks that a meeting be
#: held does not hold it (طلبت فرنسا عقد جلسة لمجلس الأمن: no host).
REQUESTS = frozenset({normalize("طلب")})


def _personal(d: Doc, tree: Tree, n: int) -> bool:
    """Whether action noun n is one of meeting, visiting or receiving someone."""
    entry = d.lex.noun(tree.tok(n).lemma)
    return entry is not None and entry.relation in PERSONAL


def _added_objects(
    d: Doc, s: Sentence, tree: Tree, n: int, objs: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    """فرض عقوبات على ستة أفراد، إضافة إلى زعيم الكتائب: one more object that the parse hung
    on the action noun (after its prepositional object) rather than on that object."""
    if not objs or not all(tree.has_case(oi) for _, oi in objs):
        return []
    have = {o for o, _ in objs}
    out = []
    for k in tree.children(n, "nmod"):
        c = tree.case(k)
        if not (c in ADDITION or c.startswith(ADDITION_PREFIXES)) or k < max(oi for _, oi in objs):
            continue
        for x in expand(d, s, tree, k):
            key = ent_of(d, s, tree, x)
            if key is not None and key not in have:
                out.append((key, x))
    return out


def _result_argument(tree: Tree, cur: int, h: int) -> bool:
    """Whether cur, hung on the subject h of a result verb, is that verb's object after all
    (أسفر الهجوم عن مقتل: عن مقتل belongs to أسفر, not to الهجوم)."""
    v = tree.tok(h).head
    return (
        tree.rel(h) in ("nsubj", "obl")
        and bool(v)
        and lexmod.key(tree.tok(v).lemma) in RESULT_VERBS
        and tree.case(cur) in ("عن", "الي")
    )


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


#: Prepositions of where a case is filed (دعوى لدى المحكمة, شكوى أمام المجلس).
BEFORE_A_COURT = frozenset(normalize(w) for w in "لدى أمام".split())


def prep_facts(d: Doc, s: Sentence, tree: Tree, j: int) -> None:
    """Prepositions that carry a relation by themselves on a noun: التحالف ضد داعش."""
    c = tree.case(j)
    entry = d.lex.preps.get(c)
    if entry is None:
        return
    h = tree.tok(j).head
    if not h or tree.tok(h).upos not in ("NOUN", "PROPN", "ADJ"):
        return
    if tree.case(h) in BEFORE_A_COURT:
        return  # دعوى لدى المحكمة ضد X: the case's, not the court's (kg.extract.filings)
    hk = agentive_in_phrase(d, s, tree, h)
    event = d.token_ent.get((s.index, h))
    for x in expand(d, s, tree, j):
        obj = ent_of(d, s, tree, x)
        if obj is None:
            continue
        if event is not None and d.ent(event).cls == "Event":
            v = support_verb(d, tree, h)
            doers = support_doers(d, s, tree, v) if v else []
            for doer in doers:  # نفذت القوات عمليات ضد X: the forces targeted X
                d.fact(doer, "targeted", obj, s, tree, [h, x], PREPOSITION, c)
            if not doers and carrier(tree, h) == h:  # (تنفيذ ضربات ضد X: not the strikes')
                d.fact(event, "targeted", obj, s, tree, [h, x], PREPOSITION, c)
        elif hk is not None:
            d.fact(hk, entry.relation, obj, s, tree, [h, x], PREPOSITION, c)

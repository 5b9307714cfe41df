"""Casualties: what killed how many people.

Reads the phrases of dying that name no killing verb: a result verb with a death noun
(أسفر الهجوم عن مقتل 10, خلف الزلزال 300 قتيل), lives taken (أودت السيول بحياة 12
شخصا, حصد أرواح), falling victim (الحريق الذي راح ضحيته 82 قتيلا) and meeting one's
death in an event (لقي 5 أشخاص مصرعهم في الانفجار). The cause is the verb's subject, or
for a result clause (مما أسفر عن) the subject of the clause it follows; the victims are
a Quantity (``mentions.quantity_mention``) or the people named. Writes ``killed`` facts;
``nouns`` asks ``victims`` and ``cause`` for death nouns (مقتل) too.
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize, strip_diacritics
from .arguments import subjects
from .confidence import CASUALTIES
from .coref import ent_of, pronoun
from .mentions import quantity_mention
from .state import AGENTIVE, PLACES, Doc
from .tree import Tree
from .words import (
    APPROXIMATORS,
    BOUND_OPENERS,
    BOUND_WORDS,
    DEAD_NOUNS,
    DEATH_FATES,
    DEATH_NOUNS,
    FIRE_NOUNS,
    INJURY_NOUNS,
    KILLING_VERBS,
    LIFE_NOUNS,
    LIFE_VERBS,
    NEAR_NOUNS,
    NUMBER_WORDS,
    RESULT_MARKS,
    RESULT_VERBS,
    VICTIM_VERBS,
    WOUNDED_NOUNS,
    WOUNDING_VERBS,
)

#: Tokens after a death noun searched for its count when the parse left it elsewhere
#: (مقتل نحو 30; إصابة ما لا يقل عن 20: a bound of up to four words before the number).
COUNT_WINDOW = 5


#: Prepositions that can only name a cause (جراء، إثر), so an event after one of them is the
#: cause of the casualties before it wherever the parse hung it.
CAUSE_ONLY = frozenset(normalize(w) for w in ("جراء", "إثر"))
#: Prepositions that name the event a toll comes from (11 قتيلا بتحطم طائرة; مقتل شخصين
#: جراء الزلزال; إثر غرق قاربهم).
TOLL_CAUSES = CAUSE_ONLY | {"ب", "في"}


def casualty_facts(d: Doc, s: Sentence, tree: Tree, v: int) -> bool:
    """The killed facts of one verb of dying (none for any other verb); whether it wrote
    any.

    Lives taken: the floods killed the twelve people counted after بحياة.

    >>> from kg import build
    >>> g = build(texts=["أودت السيول بحياة 12 شخصا في جدة."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('السيول', 'killed', '12 شخصا'), ('السيول', 'location', 'جدة')]
    """
    before = len(d.facts)
    _casualties(d, s, tree, v)
    return len(d.facts) > before


def passive_toll(tree: Tree, v: int) -> bool:
    """Whether a verb is one whose casualty facts read it as a passive (قُتل، أُصيب): a
    killing or wounding verb; once they are written, the verb has no doer of its own (not
    the subject of the sentence before, not a counted subject)."""
    return lexmod.key(tree.tok(v).lemma) in KILLING_VERBS | WOUNDING_VERBS


#: What a cause that is no one (an attack, a storm) can still do: harm.
HARM = frozenset({"killed", "injured", "struck", "attacked", "targeted"})


def casualty_noun(tree: Tree, i: int) -> bool:
    """A noun of deaths or injuries (مقتل، إصابة), whose conjuncts share its cause."""
    return lexmod.key(tree.tok(i).lemma) in DEATH_NOUNS | INJURY_NOUNS


def _casualties(d: Doc, s: Sentence, tree: Tree, v: int) -> None:
    k = lexmod.key(tree.tok(v).lemma)
    if k in LIFE_VERBS:
        nouns = [c for c in _near(tree, v) if _lemma(tree, c) in LIFE_NOUNS] or _life_below(tree, v)
        agents = cause(d, s, tree, v)
    elif k in RESULT_VERBS:
        nouns = [c for c in _near(tree, v) if _lemma(tree, c) in DEAD_NOUNS]
        agents = cause(d, s, tree, v)
        _wounded(d, s, tree, v, agents)
    elif k in VICTIM_VERBS:
        _fell_victim(d, s, tree, v)
        return
    elif k == "لقي":
        _met_death(d, s, tree, v)
        return
    elif k in TOLL_VERBS:
        _rising_toll(d, s, tree, v)
        return
    elif k in KILLING_VERBS and not _real_subjects(tree, v):
        _killed_in(d, s, tree, v)
        return
    elif k in KILLING_VERBS:
        _counted_were_hurt(d, s, tree, v, "killed")
        return
    elif k in WOUNDING_VERBS and tree.tok(v).feat("Voice") == "Pass":
        _counted_were_hurt(d, s, tree, v, "injured")
        return
    else:
        return
    for n in nouns[:1]:
        toll = victims(d, s, tree, n) if _lemma(tree, n) in LIFE_NOUNS else _toll(d, s, tree, n)
        if _lemma(tree, n) in LIFE_NOUNS:
            # أودت السيول بحياة 12، إضافة إلى فقدان 3: what took the lives is named before them
            before = {d.find(k) for (si, ti), k in d.token_ent.items() if si == s.index and ti < n}
            agents = [a for a in agents if d.find(a) in before]
        for agent in agents:
            for obj, oi in toll:
                d.fact(agent, "killed", obj, s, tree, [v, oi], CASUALTIES, _lemma(tree, v))


def scene_event(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """The event a casualty noun with no doer happened in or came from (أعلنت الشرطة مقتل 9
    وإصابة 20 في هجوم; أفادت التقارير بمقتل شخصين جراء الزلزال: the event killed and injured
    them): an Event named after في or a preposition of cause (``TOLL_CAUSES``) on the noun,
    on a casualty noun joined to it, or on the verb that reports it. None for any other noun.

    >>> from kg import build
    >>> g = build(texts=["أعلنت الشرطة عن مقتل 4 أشخاص وإصابة 9 آخرين في انفجار بمدينة كانو."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts() if f.subject == "انفجار")
    [('انفجار', 'injured', '9 آخرين'), ('انفجار', 'killed', '4 أشخاص'), ('انفجار', 'location', 'كانو')]
    >>> g = build(texts=["ضرب زلزال قوي المنطقة. وأفادت التقارير بمقتل شخصين جراء الزلزال."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "killed"]
    [('زلزال قوي', 'killed', 'شخصين')]
    """
    if not casualty_noun(tree, n):
        return None
    joined, places = _casualty_phrases(tree, n)
    for j in places:
        key = d.token_ent.get((s.index, j)) if tree.case(j) in TOLL_CAUSES else None
        if key is not None and d.ent(key).cls == "Event":
            return d.find(key)
    return _cause_after(d, s, tree, max(joined))


def toll_cause(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """What a casualty noun with no doer of its own comes from: the event it happened in
    (``scene_event``), else whose gunfire killed or hurt (``fire_agent``)."""
    return scene_event(d, s, tree, n) or fire_agent(d, s, tree, n)


def _casualty_phrases(tree: Tree, n: int) -> tuple[list[int], list[int]]:
    """The casualty nouns joined with casualty noun n (مقتل ثلاثة وإصابة سبعة), and the
    phrases that may tell their cause: theirs, and those after them on the verb that
    reports them (أعلنت الشرطة عن مقتل 9 ... في هجوم: the parse hung the event on the verb)."""
    first = n
    while tree.base_rel(first) == "conj" and casualty_noun(tree, tree.tok(first).head):
        first = tree.tok(first).head
    joined = [first, *(c for c in tree.children(first, "conj") if casualty_noun(tree, c))]
    phrases = [j for m in joined for j in tree.children(m, "nmod", "obl")]
    # مقتل 9 من قوات الحرس في هجوم: a phrase the parse hung on the group counted
    phrases += [k for j in phrases if tree.case(j) == "من" for k in tree.children(j, "nmod")]
    v = tree.tok(first).head
    if v and tree.tok(v).upos == "VERB" and tree.base_rel(first) in ("obj", "obl"):
        phrases += [j for j in tree.children(v, "obl") if j > first]
    return joined, phrases


#: Who cannot shoot: a place, an event, a time or a number (برصاص الشرطة، بنيران البحرية:
#: any other phrase, known class or not, is who fired).
NOT_SHOOTERS = frozenset({"City", "Region", "Place", "Event", "TimeExpression", "Quantity"})


def fire_agent(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """Who shot the people a casualty noun counts: the genitive of a gunfire noun after ب
    (``FIRE_NOUNS``: برصاص، بنيران) on the noun, on a casualty noun joined to it, or after
    it on the verb that reports it. None for any other noun.

    >>> from kg import build
    >>> g = build(texts=["أعلنت الوزارة مقتل 4 مدنيين وإصابة 11 آخرين برصاص قوات الأمن."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts() if f.subject != "الوزارة")
    [('قوات الأمن', 'injured', '11 آخرين'), ('قوات الأمن', 'killed', '4 مدنيين')]
    """
    if not casualty_noun(tree, n):
        return None
    return shooter(d, s, tree, _casualty_phrases(tree, n)[1])


def shooter(d: Doc, s: Sentence, tree: Tree, phrases: list[int]) -> str | None:
    """The actor whose gunfire one of the phrases names (برصاص الجيش: the army)."""
    for j in phrases:
        if tree.case(j) != "ب" or _lemma(tree, j) not in FIRE_NOUNS:
            continue
        for g in tree.children(j, "nmod"):
            key = None if tree.has_case(g) else ent_of(d, s, tree, g)
            if key is not None and d.ent(key).cls not in NOT_SHOOTERS:
                return d.find(key)
    return None


def _cause_after(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """The event after جراء or إثر that follows casualty noun n in its clause (وفاة 8 عمال
    وإصابة 15 آخرين جراء انهيار منجم: the parse may hang the collapse on إصابة)."""
    for j in range(n + 1, len(tree.toks) + 1):
        word = normalize(tree.tok(j).form)
        if tree.tok(j).upos in ("VERB", "AUX", "SCONJ") and word not in BOUND_WORDS:
            return None  # (ما لا يقل عن 12: the bound's verb ends no clause)
        key = d.token_ent.get((s.index, j)) if tree.case(j) in CAUSE_ONLY else None
        if key is not None and d.ent(key).cls == "Event":
            return d.find(key)
    return None


def toll_facts(d: Doc, s: Sentence, tree: Tree, n: int) -> None:
    """A counted noun for the dead or the wounded that no verb governs, with an event after
    ب or في (a headline: 11 قتيلا بتحطم طائرة; 4 قتلى و20 جريحا في انفجار): the event
    killed and injured them. A toll a verb governs is that verb's (خلف الزلزال 300 قتيل).

    >>> from kg import build
    >>> g = build(texts=["9 قتلى و14 جريحا في انفجار بمدينة كركوك"])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts() if f.subject == "انفجار")
    [('انفجار', 'injured', '14 جريحا'), ('انفجار', 'killed', '9 قتلى'), ('انفجار', 'location', 'كركوك')]
    """
    if _lemma(tree, n) not in DEAD_NOUNS or tree.base_rel(n) == "conj":
        return
    h = tree.tok(n).head
    if h and tree.tok(h).upos in ("VERB", "AUX"):
        return
    joined = [n, *(c for c in tree.children(n, "conj") if _lemma(tree, c) in WOUNDED_NOUNS)]
    events = [
        d.find(key)
        for m in joined
        for j in tree.children(m, "nmod", "obl")
        if tree.case(j) in TOLL_CAUSES
        and (key := d.token_ent.get((s.index, j))) is not None
        and d.ent(key).cls == "Event"
    ]
    if not events:
        return
    for m in joined:
        nums = tree.children(m, "nummod")
        if not nums:
            continue  # قتلى وجرحى بتفجير: no count, no group to name
        rel = "killed" if m == n else "injured"
        # the count and its noun only (not the bare plural a Group mention may have taken,
        # nor the wounded coordinated with the dead)
        obj = d.find(quantity_mention(d, s, tree, nums[0], (m,)))
        d.fact(events[0], rel, obj, s, tree, [m], CASUALTIES, _lemma(tree, m))


#: Prepositions naming the event people died or were hurt in or from (قتل 5 في/جراء/إثر/بعد
#: انفجار، لقوا حتفهم خلال الغارات).
DEATH_CAUSES = CAUSE_ONLY | {normalize(w) for w in ("في", "بعد", "خلال")}

#: Nouns whose genitive is the cause (بسبب القصف، نتيجة الغارات، خلال أسبوع من الغارات).
CAUSE_HOLDERS = frozenset(normalize(w) for w in "سبب نتيجة".split())


def _events_in(d: Doc, s: Sentence, tree: Tree, v: int) -> list[str]:
    """The events a verb's phrases name as what people died or were hurt in (قتل 12 شخصا
    في انهيار مبنى, أصيب 8 جراء القصف, قتل 5 بعد انفجار): an Event after في, جراء, إثر,
    بعد or خلال, or the Event a phrase of time or cause holds (خلال أسبوع من الغارات،
    بسبب القصف).

    >>> from kg import build
    >>> g = build(texts=["وقال المتحدث إن ثمانية أشخاص أصيبوا جراء القصف على الحي."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "injured"]
    [('القصف', 'injured', 'ثمانية أشخاص')]
    """
    out = []
    for j in tree.children(v, "obl"):
        holder = lexmod.key(tree.tok(j).lemma) in CAUSE_HOLDERS
        if tree.case(j) not in DEATH_CAUSES and not holder:
            continue
        inner = [c for c in tree.children(j, "nmod") if holder or tree.case(c) == "من"]
        for k in (j, *inner) if tree.case(j) in DEATH_CAUSES else inner:
            key = d.token_ent.get((s.index, k))
            if key is not None and d.ent(key).cls == "Event":
                out.append(d.find(key))
                break
    return out


def _killers_in(d: Doc, s: Sentence, tree: Tree, v: int) -> list[str]:
    """What killed or hurt the people a passive verb of dying counts: the events its phrases
    or those of a verb joined to it name, else whose gunfire it names (قتل 3 بنيران الجيش)."""
    events = _events_in(d, s, tree, v) or [
        e for c in _joined(tree, v) for e in _events_in(d, s, tree, c)
    ]
    if events:
        return events
    fired = shooter(d, s, tree, tree.children(v, "obl"))
    return [fired] if fired is not None else []


def _killed_in(d: Doc, s: Sentence, tree: Tree, v: int) -> None:
    """قتل 12 شخصا في انهيار مبنى: a killing verb with no subject, a count for its object
    and an event after في is a passive (قُتل) whose killer is that event."""
    events = _killers_in(d, s, tree, v)
    counted = [j for j in tree.children(v, "obj") if _counts(tree, j)]
    if not events or not counted:
        return
    killer = _attack_doer(d, s, tree, v) or events[0]
    for obj, oi in _counted(d, s, tree, counted[0]):
        d.fact(killer, "killed", obj, s, tree, [v, oi], CASUALTIES, _lemma(tree, v))


#: Verbs a toll rises by or reaches a count with (ارتفعت الحصيلة إلى 25 قتيلا, بلغت
#: حصيلة الهجوم 12 قتيلا), and the noun of a toll (lexicon keys).
TOLL_VERBS = frozenset(normalize(w) for w in "ارتفع بلغ وصل تجاوز تخطى".split())
TOLL_NOUN = normalize("حصيلة")


def _rising_toll(d: Doc, s: Sentence, tree: Tree, v: int) -> None:
    """«ارتفعت حصيلة الغارات إلى 25 قتيلا», «بلغت حصيلة الهجوم 12 قتيلا»: the toll of an
    event reaching a count of dead or wounded; the event killed or hurt them, or whoever
    carried it out when a relative clause or a ل-phrase names them (الغارات التي شنتها
    طائرات الجيش: the army).

    >>> from kg import build
    >>> g = build(texts=["ارتفعت إلى 25 قتيلا حصيلة الغارات التي شنتها طائرات الجيش "
    ...     "السوداني على القرية."])
    >>> [(f.subject, f.object) for f in g.facts(relation="killed")]
    [('الجيش السوداني', '25 قتيلا')]
    >>> g = build(texts=["وبلغت حصيلة الانفجار 12 قتيلا و30 جريحا."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts())
    [('الانفجار', 'injured', '30 جريحا'), ('الانفجار', 'killed', '12 قتيلا')]
    """
    tolls = [j for j in tree.children(v, "nsubj") if _lemma(tree, j) == TOLL_NOUN]
    if not tolls:
        return
    event, at = None, 0
    cur = tolls[0]
    for _ in range(2):  # حصيلة الغارات, حصيلة قتلى الغارات
        nxt = [k for k in tree.children(cur, "nmod") if not tree.has_case(k)]
        if not nxt:
            break
        cur = nxt[0]
        key = d.token_ent.get((s.index, cur))
        if key is not None and d.ent(key).cls == "Event":
            event, at = d.find(key), cur
            break
    if event is None:
        return
    killer = _doer_named(d, s, tree, at) or event
    counts = [j for j in tree.children(v, "obl") if tree.case(j) == normalize("إلى")]
    counts += tree.children(v, "obj")
    for m in counts:
        joined = [m, *tree.children(m, "conj")]
        for c in joined:
            rel = {
                **dict.fromkeys(DEAD_NOUNS, "killed"),
                **dict.fromkeys(WOUNDED_NOUNS, "injured"),
            }.get(_lemma(tree, c))
            nums = tree.children(c, "nummod") or [
                k for k in (c - 1,) if k > 0 and tree.tok(k).upos == "NUM"
            ]  # (the parse may hang the number on the event: حصيلة الهجوم 12)
            if rel is None or not nums:
                continue
            more = (c, *tree.children(c, "amod"))  # 25 قتيلا مدنيا: who they were too
            obj = d.find(quantity_mention(d, s, tree, nums[0], more))
            d.fact(killer, rel, obj, s, tree, [v, c], CASUALTIES, _lemma(tree, c))


def _doer_named(d: Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """Who carried out the attack noun n, by its ل-phrase (غارات للتحالف) or the relative
    clause that says who launched it (الغارات التي شنتها طائرات الجيش), seen through
    transparent nouns; never a place, an event, a time or a number."""
    cands = [c for c in tree.children(n, "nmod") if tree.case(c) == "ل"]
    for r in tree.children(n, "acl:relcl"):
        if any(tree.tok(k).upos == "PRON" for k in tree.children(r, "obj")):
            cands += tree.children(r, "nsubj")
    for c in cands:
        # (طائرات النظام: an unnamed force is the phrase the clause's own facts name)
        key = ent_of(d, s, tree, c)
        if key is not None and d.ent(key).cls not in NOT_SHOOTERS:
            return d.find(key)
    return None


def _real_subjects(tree: Tree, v: int) -> list[int]:
    """A verb's subjects, less a name right after a word of nearness the tagger took for
    a name (قتل 40 مسلحا في غارات قرب الفاشر: الفاشر situates, it killed no one)."""
    return [
        j
        for j in tree.children(v, "nsubj", "nsubj:pass")
        if not (j > 1 and normalize(tree.tok(j - 1).form) in NEAR_NOUNS and j > v)
    ]


#: Relations of attack nouns whose doer, named after them, killed those they killed.
_ATTACKS = frozenset({"struck", "attacked", "targeted"})


def _attack_doer(d: Doc, s: Sentence, tree: Tree, v: int) -> str | None:
    """Who carried out the attack a passive killing names after في (قتل 12 مدنيا في غارة
    للجيش, في غارات لطائرات التحالف): the force in the attack noun's ل-phrase (seen
    through طائرات, مقاتلات) killed them, more than the attack did.

    >>> from kg import build
    >>> g = build(texts=["وقتل 15 مسلحا في غارات لطائرات الجيش النيجيري شمال البلاد."])
    >>> [(f.subject, f.object) for f in g.facts(relation="killed")]
    [('الجيش النيجيري', '15 مسلحا')]
    """
    for j in [
        *tree.children(v, "obl"),
        *(x for c in _joined(tree, v) for x in tree.children(c, "obl")),
    ]:
        if tree.case(j) not in DEATH_CAUSES:
            continue
        entry = d.lex.noun(tree.tok(j).lemma)
        if entry is None or entry.relation not in _ATTACKS:
            continue
        for c in tree.children(j, "nmod"):
            if tree.case(c) != "ل":
                continue  # تفجير المسلحين عبوة: a bare genitive keeps the blast the killer
            key = ent_of(d, s, tree, c, create=False)
            if key is not None and d.ent(key).cls in AGENTIVE and d.ent(key).cls not in PLACES:
                return key
    return None


def cause(d: Doc, s: Sentence, tree: Tree, v: int) -> list[str]:
    """What a result verb's effect comes from: its subject, or for a result clause (مما
    أسفر عن) the subject of the clause it follows, or for a verb joined to an earlier one
    with no subject of its own (ضرب الإعصار الجزيرة وتسبب بمقتل 7) that verb's subject;
    nothing guessed from earlier.

    >>> from kg import build
    >>> g = build(texts=["ضرب الزلزال مدينة إزمير وأسفر عن مقتل 9 أشخاص."])
    >>> [(f.subject, f.object) for f in g.facts() if f.relation == "killed"]
    [('الزلزال', '9 أشخاص')]
    """
    marks = {normalize(strip_diacritics(tree.tok(m).lemma)) for m in tree.children(v, "mark")}
    h = tree.tok(v).head
    if marks & RESULT_MARKS and h and tree.tok(h).upos in ("VERB", "AUX"):
        if any(tree.tok(k).upos == "VERB" for k in range(h + 1, v)):
            # بعث X برقية في ضحايا الحريق الذي اندلع ...، ما أسفر عن: a clause in between
            # may be what had the result as much as the first: nothing guessed
            return []
        return subjects(d, s, tree, h, False)[0]  # its subject is ما: what the clause says
    if tree.children(v, "nsubj"):
        return subjects(d, s, tree, v, False)[0]
    if (
        tree.base_rel(v) == "conj"
        and h
        and tree.tok(h).upos == "VERB"
        and tree.children(h, "nsubj")
    ):
        return subjects(d, s, tree, h, False)[0]
    if tree.base_rel(v) in ("parataxis", "acl") and not tree.children(v, "nsubj:pass"):
        # خاض المهربون مواجهات مع حرس الحدود أدت إلى مقتل 3: the clause describes the events
        event = _event_just_before(d, s, tree, v)
        return [event] if event is not None else []
    return []


def result_doer(d: Doc, s: Sentence, tree: Tree, v: int, n: int) -> str | None:
    """The doer of the action noun n that the result verb v names as an effect: its cause
    when that is someone (أسفر هجوم التنظيم عن اختطاف: the group), or any cause of harm
    (أسفر الهجوم عن مقتل: the attack killed; أدى القصف إلى تدمير جسر); talks or a truce
    resume, release or sign nothing themselves (أسفرت المحادثات عن استئناف: no doer).

    >>> from kg import build
    >>> g = build(texts=["عقدت جولة مباحثات برعاية الأمم المتحدة والتي أسفرت عن استئناف تصدير الحبوب."])
    >>> [f for f in g.facts() if f.relation == "resumed"]
    []
    """
    causes = cause(d, s, tree, v)
    if not causes:
        return None
    if casualty_noun(tree, n) or d.ent(causes[0]).cls in AGENTIVE:
        return causes[0]
    noun = d.lex.noun(lexmod.key(tree.tok(n).lemma))
    return causes[0] if noun is not None and noun.relation in HARM else None


def _event_just_before(d: Doc, s: Sentence, tree: Tree, v: int) -> str | None:
    """The nearest event named before token v with no verb between them (the indefinite
    noun a clause with no relative pronoun describes).

    >>> from kg import build
    >>> g = build(texts=["خاض المهربون مواجهات مع حرس الحدود أدت إلى مقتل ثلاثة من عناصرهم."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "killed"]
    [('مواجهات', 'killed', 'ثلاثة من عناصرهم')]
    """
    for k in range(v - 1, 0, -1):
        if tree.tok(k).upos in ("VERB", "AUX"):
            return None
        key = d.token_ent.get((s.index, k))
        if key is not None and d.ent(key).cls == "Event":
            return d.find(key)
    return None


def _toll(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """The count of a noun for the dead or the wounded: its own, or the number just before
    it that the parse hung on the noun it describes (سقوط 10 قتلى: 10 on سقوط)."""
    if tree.tok(n).upos != "NUM" and not tree.children(n, "nummod") and n > 1:
        if tree.tok(n - 1).upos == "NUM":
            return [(quantity_mention(d, s, tree, n - 1, (n,)), n)]
    return _counted(d, s, tree, n)


def _wounded(d: Doc, s: Sentence, tree: Tree, v: int, agents: list[str]) -> None:
    """خلف الهجوم 10 قتلى و73 جريحا: the cause of a result verb injured the wounded it
    counts."""
    hurt = [c for c in _near(tree, v) if _lemma(tree, c) in WOUNDED_NOUNS]
    for n in hurt[:1]:
        for agent in agents:
            for obj, oi in _toll(d, s, tree, n):
                d.fact(agent, "injured", obj, s, tree, [v, oi], CASUALTIES, _lemma(tree, v))


def _counted_were_hurt(d: Doc, s: Sentence, tree: Tree, v: int, rel: str) -> None:
    """قالت المصادر إن تسعة جنود قتلوا في هجوم, قتل عشرة جنود في هجوم, قتل جنديان وأصيب
    أربعة آخرون في كمين: a counted subject (a number, or a dual) of a killing verb with no
    object, or of a passive wounding verb, and an event after في on it or on the verb it is
    joined to, is a passive (قُتلوا, أُصيب): the event killed or injured them.

    >>> from kg import build
    >>> g = build(texts=["قتل جنديان وأصيب أربعة آخرون في هجوم قرب الحدود."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts())
    [('هجوم', 'injured', 'أربعة آخرون'), ('هجوم', 'killed', 'جنديان')]
    """
    subj = tree.children(v, "nsubj", "nsubj:pass")
    causes = [j for j in tree.children(v, "obl") if tree.case(j) in DEATH_CAUSES]
    # قتل 6 جنود بعد تفجير المسلحين عبوة: an object after the cause is the verbal noun's
    objs = [o for o in tree.children(v, "obj") if not any(j < o for j in causes)]
    if objs or not subj:
        return
    one = subj[0]
    if not _counts(tree, one):
        return
    events = _killers_in(d, s, tree, v)
    killer = (_attack_doer(d, s, tree, v) or events[0]) if events else None
    for obj, oi in _counted(d, s, tree, one) if killer is not None else []:
        d.fact(killer, rel, obj, s, tree, [v, oi], CASUALTIES, _lemma(tree, v))


def _counts(tree: Tree, j: int) -> bool:
    """Whether a phrase counts people: a number (a numeral, or a number word the tagger
    read as a noun: ثلاثة مدنيين), a noun a number counts, or a dual (جنديان)."""
    return (
        tree.tok(j).upos == "NUM"
        or lexmod.key(tree.tok(j).lemma) in NUMBER_WORDS
        or bool(tree.children(j, "nummod"))
        or tree.feat(j, "Number") == "Dual"
    )


def _joined(tree: Tree, v: int) -> list[int]:
    """The verbs coordinated with v: the one it is joined to, and those joined to it."""
    h = tree.tok(v).head
    up = [h] if tree.base_rel(v) == "conj" and h and tree.tok(h).upos == "VERB" else []
    return up + [c for c in tree.children(v, "conj") if tree.tok(c).upos == "VERB"]


def victims(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """Who a death noun or a life noun counts (مقتل 10, بحياة نحو 1500 شخص): its genitive,
    else a number just after it that the parse attached elsewhere."""
    for j in tree.children(n, "nmod"):
        if not tree.has_case(j) and tree.tok(j).upos != "PRON":
            # (مقتل 6 متظاهرين: the number hung on مقتل counts the genitive)
            return _counted(d, s, tree, j) or _count_after(d, s, tree, n)
    return _count_after(d, s, tree, n)


def _count_after(d: Doc, s: Sentence, tree: Tree, n: int) -> list[tuple[str, int]]:
    """A number (and the noun it counts) just after token n, an approximator or a bound
    aside (مقتل نحو 46 مهاجرا; إصابة أكثر من 200 آخرين).

    >>> from kg import build
    >>> g = build(texts=["ضرب زلزال قوي المنطقة. وأفادت التقارير بإصابة أكثر من 40 آخرين جراء الزلزال."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "injured"]
    [('زلزال قوي', 'injured', '40 آخرين')]
    """
    i = _past_bound(tree, n + 1)
    while i <= len(tree.toks) and i <= n + COUNT_WINDOW:
        t = tree.tok(i)
        if t.upos == "NUM":
            if t.deprel == "nummod" and t.head == i + 1:
                return [(quantity_mention(d, s, tree, i + 1), i + 1)]
            nxt = tree.tok(i + 1) if i < len(tree.toks) else None
            more = (i + 1,) if nxt is not None and nxt.upos in ("NOUN", "ADJ") else ()
            return [(quantity_mention(d, s, tree, i, more), i)]  # مقتل 7 مدنيين
        if normalize(t.form) not in APPROXIMATORS:
            break
        i += 1
    return []


def _past_bound(tree: Tree, i: int) -> int:
    """The token after a bound that opens at i (أكثر من، ما لا يقل عن، ما يزيد على), or i
    when none opens there."""
    if i > len(tree.toks) or normalize(tree.tok(i).form) not in BOUND_OPENERS:
        return i
    j = i
    while (
        j <= len(tree.toks)
        and j < i + COUNT_WINDOW - 1
        and normalize(tree.tok(j).form) in BOUND_WORDS
    ):
        j += 1
    return j


def _counted(d: Doc, s: Sentence, tree: Tree, j: int) -> list[tuple[str, int]]:
    """The entity of a counted phrase: a Quantity when a number counts it, else the people
    it names."""
    t = tree.tok(j)
    if t.upos == "NUM" or any(tree.tok(k).upos == "NUM" for k in tree.children(j, "nummod")):
        qty = d.token_ent.get((s.index, j)) or quantity_mention(d, s, tree, j)
        return [(d.find(qty), j)]
    key = ent_of(d, s, tree, j)
    return [(key, j)] if key else []


def _fell_victim(d: Doc, s: Sentence, tree: Tree, v: int) -> None:
    """راح ضحيته N, راح N ضحية الهجوم: the event the pronoun on ضحية refers to (in a
    relative clause, the noun the clause describes), or its genitive, killed N."""
    for c in _near(tree, v):
        if _lemma(tree, c) not in DEAD_NOUNS:
            continue
        pron = next((j for j in tree.children(c, "nmod") if tree.tok(j).upos == "PRON"), 0)
        gen = next((j for j in tree.children(c, "nmod") if not tree.has_case(j)), 0)
        h = tree.tok(v).head
        if pron and tree.rel(v).startswith("acl") and h:
            agent = ent_of(d, s, tree, h)
        elif pron:
            agent = pronoun(d, s, tree, pron)
        else:
            agent = ent_of(d, s, tree, gen) if gen else None
        if (agent is None or d.ent(agent).cls != "Event") and pron:
            agent = _event_before(d, s, tree, v)  # a victim is a victim of an event
        if agent is None or d.ent(agent).cls != "Event":
            return
        toll = [
            x
            for j in tree.children(v, "nsubj")
            if j != c and tree.tok(j).upos != "PRON"  # الذي راح: the clause's own pronoun
            for x in _counted(d, s, tree, j)
        ] or _count_after(d, s, tree, pron or c)
        for obj, oi in toll:
            d.fact(agent, "killed", obj, s, tree, [v, oi], CASUALTIES, _lemma(tree, v))
        return


def _event_before(d: Doc, s: Sentence, tree: Tree, v: int) -> str | None:
    """The nearest event named before token v in its sentence (the antecedent a parse
    missed: الحريق ... والذي راح ضحيته)."""
    for k in range(v - 1, 0, -1):
        key = d.token_ent.get((s.index, k))
        if key is not None and d.ent(key).cls == "Event":
            return d.find(key)
    return None


def _met_death(d: Doc, s: Sentence, tree: Tree, v: int) -> None:
    """لقي 5 أشخاص مصرعهم في الانفجار: the event killed them, also when the event is told
    after a verb joined to لقي.

    >>> from kg import build
    >>> g = build(texts=["لقي خمسة أشخاص مصرعهم وأصيب عشرة آخرون في انفجار."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts())
    [('انفجار', 'injured', 'عشرة آخرون'), ('انفجار', 'killed', 'خمسة أشخاص')]
    """
    subj = tree.children(v, "nsubj")[:1]
    # (مصرعهم may hang on the subject: لقي ثلاثة أشخاص مصرعهم)
    fates = [*tree.children(v, "obj"), *(c for j in subj for c in tree.children(j, "nmod"))]
    if not any(_lemma(tree, c) in DEATH_FATES for c in fates):
        return
    events = [
        key
        for u in [v, *_joined(tree, v)]  # لقي 5 مصرعهم وأصيب 10 في هجوم: on the last verb
        for key in _met_events(d, s, tree, u)
    ]
    for one in subj:
        nums = tree.children(one, "nummod")
        # the count and its noun, not the fate hung on the noun (تسعة أشخاص, not … مصرعهم)
        toll = (
            [(d.find(quantity_mention(d, s, tree, nums[0], (one,))), one)]
            if nums
            else _counted(d, s, tree, one)
        )
        for event in events[:1]:
            for obj, oi in toll:
                d.fact(event, "killed", obj, s, tree, [v, oi], CASUALTIES, "لقي مصرع")


def _met_events(d: Doc, s: Sentence, tree: Tree, u: int) -> list[str]:
    """The events one verb of «لقي … مصرعهم» names: after ب, else after في, جراء …"""
    return [
        key
        for j in tree.children(u, "obl")
        if tree.case(j) == "ب"
        and (key := d.token_ent.get((s.index, j))) is not None
        and d.ent(key).cls == "Event"
    ] or _events_in(d, s, tree, u)


def _near(tree: Tree, v: int) -> list[int]:
    """A verb's nominal dependents and theirs (a parse may hang بحياة on a nearby noun)."""
    out = []
    for c in tree.children(v, "obj", "obl", "nsubj", "nmod"):
        out.append(c)
        out.extend(tree.children(c, "nmod", "obl", "conj", "amod"))
    return sorted(out)


def _life_below(tree: Tree, v: int) -> list[int]:
    """بحياة after the verb that a parse hung deeper in its clause (أودت السيول التي هطلت
    خلال الأيام الماضية بحياة 12: on الأيام, inside the subject's relative clause)."""
    return [
        c
        for c in sorted(tree.subtree(v))
        if c > v and _lemma(tree, c) in LIFE_NOUNS and tree.case(c) == "ب"
    ][:1]


def _lemma(tree: Tree, i: int) -> str:
    return lexmod.key(tree.tok(i).lemma)

"""Relations of verbs through the relation lexicon, and open relations.

Reads a verb's lemma (or phrasal verb: "carry out", "take part") against the lexicon
(``relation_for``), keeps the objects the entry can take (climbing from a phrase
attached one noun too low: ``_repair_object``), reads verbs whose relation holds only
of their prepositional object (بحث مع X الأزمة: met X), and gives a verb outside the
lexicon an open relation labelled with its lemma (with its prepositional object: اعترف
ب). Writes the facts (``relation_facts``), and through ``meetings`` the last pair and the
meeting event.
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..lexicon.words import people_nouns
from ..model import Sentence, Token
from ..text import normalize, strip_diacritics
from ..vocab import OPEN
from .appointments import (
    APPOINTING,
    office_left,
    position_facts,
    predicative_titles,
    tasked_leaders,
)
from .arguments import fits
from .confidence import OPEN_CAP
from .coref import ent_of
from .delegates import delegated_parties
from .meetings import (
    MEETING_RELATIONS,
    held_jointly,
    meeting_event,
    note_joint_subjects,
    note_pairs,
    took_part,
)
from .phrases import bare_word, strip_al
from .state import AGENTIVE, PLACES, Doc, Predicate
from .tours import includes_party
from .tree import Tree
from .words import (
    AMOUNT_NOUNS,
    COPULAS,
    DISCUSSING_VERBS,
    DUTY_NOUNS,
    OPEN_PREPS,
    PLACE_CASES,
    REFERRAL_CASES,
    REFERRAL_TARGETS,
    REMOTE_EVENTS,
    WITNESS_VERBS,
)

#: Relations a verb can have with an event as its subject (الهجوم استهدف, الزلزال ضرب,
#: القمة تزامنت مع): an event visits, meets or arrives nowhere.
#: Places whose hosting an event says where it is held (a city, a region, a country).
HOST_PLACES = frozenset({"City", "Region", "Country"})
EVENT_SUBJECT_VERB_RELATIONS = frozenset(
    {"targeted", "struck", "killed", "attacked", "injured", "coincidedWith", OPEN}
    # a meeting, summit or conference speaks through what it issues and adopts (أصدر
    # المؤتمر بيانا, تبنت القمة قرارا, أدان الاجتماع الهجوم, دعت القمة إلى)
    | {"issued", "adopted", "condemned", "calledFor", "praised", "rejected", "demanded"}
)
#: Relations that the party after مع shares with the subject (وقع مع, اتفق مع).
JOINT_RELATIONS = frozenset({"signed", "agreed"})
#: Relations whose verb means something else without an object of their classes (أصاب
#: الهدف: hit, not injured; أجلت الانتخابات: postponed, not evacuated): the verb then
#: takes its lemma's row for any object when it has one (أجّل: postponed), else it is an
#: open relation.
PEOPLE_ONLY = frozenset({"injured", "evacuated"})
#: Relations of amounts (رفع سعر الفائدة): without a rate or price for object the verb
#: is an open relation (رفع الحصار، رفع دعوى).
AMOUNT_RELATIONS = frozenset({"raised", "lowered"})
#: Relations of sending to a court (أحال): without a court, trial or the prosecution
#: after إلى the verb is an open relation (أحاله إلى التقاعد, أحال المشروع إلى البرلمان).
COURT_RELATIONS = frozenset({"referredToCourt"})
#: Parts of speech of an open relation's object (not an ordinal: "the first").
OPEN_OBJECT_POS = ("NOUN", "PROPN", "NUM", "X", "PRON", "ADJ")


def relation_for(d: Doc, tree: Tree, v: int) -> tuple[str, lexmod.Entry | None, str]:
    """A verb's relation, its lexicon entry (None outside the lexicon, the relation then
    ``OPEN``) and the lemma its facts record."""
    lemma = _reading(tree, v) or tree.tok(v).lemma
    phrasal = phrasal_verb(d, tree, v)
    if phrasal is not None:
        return phrasal[0].relation, phrasal[0], phrasal[0].lemma
    entry = d.lex.verb(lemma) or d.lex.verb(tree.tok(v).form)
    k = lexmod.key(lemma)
    if entry is None or _form_one(tree.tok(v), k):
        return OPEN, None, strip_diacritics(lemma)
    return entry.relation, entry, k


#: Verbs read as another verb when an argument says so: lemma -> (the other verb, the
#: cue). Unvowelled, يجري is جرى (runs, takes place) and يُجري (conducts, of أجرى), which
#: takes an object (يجري محادثات); وسيوقع may be read أوقع (inflict), while the
#: agreement after على is what one signs (وقّع); عقد محادثات مع X, like أجرى, is talks
#: with X (hosting is عقد with no other party).
READINGS: dict[str, tuple[str, str]] = {
    normalize(k): (v, cue)
    for k, (v, cue) in {
        "جرى": ("أجرى", "obj"),
        "أوقع": ("وقع", "على"),
        "عقد": ("أجرى", "مع"),
    }.items()
}


def _reading(tree: Tree, v: int) -> str:
    """The lemma of the verb that verb v's arguments ask for (see :data:`READINGS`), or ""."""
    k = lexmod.key(tree.tok(v).lemma)
    if k not in READINGS:
        return ""
    other, cue = READINGS[k]
    objs = tree.children(v, "obj")
    if cue == "obj":
        return other if objs else ""
    args = [*tree.children(v, "obl"), *(j for o in objs for j in tree.children(o, "nmod"))]
    return other if any(tree.case(j).split(" ")[0] == normalize(cue) for j in args) else ""


#: Lexicon verbs whose first radical is و and whose listed sense is the doubled form II
#: (وقّع: signed, وجّه: addressed, وفّر: provided, ودّع: saw off). Unvowelled, the past
#: tense of form I looks the same (وَقَعَ: happened, fell), but the imperfective of form I
#: drops the و (يقع: lies, falls) where form II keeps it (يوقّع: signs).
FORM_TWO = frozenset({"وقع", "وجه", "وفر", "ودع"})


def _form_one(tok: Token, k: str) -> bool:
    """An imperfective of a verb of ``FORM_TWO`` without its و, so form I: يقع المقر في دبي
    (lies in), تقع المدينة (lies), not يوقع (signs).

    >>> from kg.model import Token
    >>> def verb(form): return Token(1, form, "وَقَعَ", "VERB", 0, "root", 0, len(form), "Aspect=Imp")
    >>> _form_one(verb("يقع"), "وقع"), _form_one(verb("وتقع"), "وقع"), _form_one(verb("سيوقع"), "وقع")
    (True, True, False)
    """
    if k not in FORM_TWO or "Aspect=Imp" not in tok.feats:
        return False
    n = normalize(tok.form)
    for proclitic in ("و", "ف", "س"):
        if n.startswith(proclitic) and len(n) > len(k):
            n = n[1:]
    return len(n) > 1 and n[0] in "يتنا" and n[1] != "و"


#: Phrasal rows whose object is the verb's other object, never the genitive of the noun
#: that completes them (حمّل X مسؤولية Y: X is held responsible, not Y).
SECOND_OBJECT_PHRASES = frozenset(lexmod.key(w) for w in ("حمل مسؤولية",))


def phrasal_verb(d: Doc, tree: Tree, v: int) -> tuple[lexmod.Entry, int] | None:
    """A verb whose lexicon entry includes its particle or bare noun object (English
    "carry out", "take part"), and the token that completes it."""
    lemma = tree.tok(v).lemma.lower()
    # a second object (حمّل X مسؤولية Y: the parse makes the noun an obl with no preposition)
    second = (
        [k for k in tree.children(v, "obl") if not tree.case(k)] if tree.children(v, "obj") else []
    )
    for k in [*tree.children(v, "compound:prt", "obj"), *second]:
        t = tree.tok(k)
        if tree.rel(k) in ("obj", "obl") and (
            t.upos != "NOUN" or tree.children(k, "det", "amod", "nmod:poss")
        ):
            continue
        entry = d.lex.verb(f"{lemma} {t.lemma.lower()}")
        if entry is not None:
            return entry, k
    return None


def genitive_objects(d: Doc, s: Sentence, tree: Tree, k: int) -> list[tuple[str, int]]:
    """The objects of a verb completed by a noun (أطلق سراح X: released X): the noun's
    genitives, the phrase that names them rather than the noun's own.

    >>> from kg import build
    >>> g = build(texts=["أطلقت الشرطة سراح الصحفيين."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('الشرطة', 'released', 'الصحفيين')]
    """
    out = []
    for j in tree.children(k, "nmod"):
        key = ent_of(d, s, tree, j) if not tree.case(j) else None
        if key:
            out.append((key, j))
    return out


def noun_completion(d: Doc, tree: Tree, n: int) -> tuple[lexmod.Entry, int] | None:
    """A noun whose lexicon row includes the noun after it (إطلاق سراح: releasing), and
    that noun."""
    for k in tree.children(n, "nmod"):
        if not tree.case(k):
            entry = d.lex.noun(f"{tree.tok(n).lemma} {tree.tok(k).lemma}")
            if entry is not None:
                return entry, k
    return None


def prep_only_facts(
    d: Doc,
    s: Sentence,
    tree: Tree,
    p: Predicate,
    entry: lexmod.Entry,
    objects: list[tuple[str, int]],
) -> None:
    """A verb whose relation holds only of its prepositional object (بحث مع X الأزمة: met
    X): the other objects are talks the parties took part in, or topics (open relations).
    Talks on a call (أجرى اتصالا هاتفيا مع X) are no meeting.

    >>> from kg import build
    >>> g = build(texts=["بحث وزير الخارجية المصري مع نظيره السعودي الأزمة السورية."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts()]
    [('وزير الخارجية المصري', 'met', 'نظيره السعودي'),
     ('وزير الخارجية المصري', 'بحث', 'الأزمة السورية')]
    """
    on_prep = [o for o in objects if tree.case(o[1]).split(" ")[0] in entry.preps]
    if not PLACES & set(entry.objects):
        # قضت محكمة الإسكندرية ببراءة X ... بالإسكندرية: a place after ب is where, not
        # what the ruling decides (a verb whose objects may be places says so)
        on_prep = [o for o in on_prep if tree.case(o[1]) != "ب" or d.ent(o[0]).cls not in PLACES]
    topics = [o for o in objects if o not in on_prep]
    events = [o for o in topics if d.ent(o[0]).cls == "Event"]
    if lexmod.key(tree.tok(p.v).lemma) in DISCUSSING_VERBS:
        # بحثا فيها القمة المقبلة: a summit discussed is a topic, not talks held
        events = [o for o in events if tree.has_case(o[1])]
    on_prep += [o for o in _parties_of_events(d, s, tree, events, entry) if o not in on_prep]
    remote = any(
        d.lex.event_type(lexmod.key(tree.tok(oi).lemma)) in REMOTE_EVENTS for _, oi in events
    )
    for subj in p.subjects:
        for obj, oi in on_prep:
            if not remote:
                d.fact(subj, p.rel, obj, s, tree, [p.v, oi], p.sconf, p.lemma)
                note_pairs(d, p, subj, obj)  # بحث مع X ... خلال لقاء جمعهما
        for obj, oi in topics:
            if (obj, oi) in events:
                took_part(d, s, tree, p, subj, on_prep, (obj, oi))
            else:
                d.fact(
                    subj,
                    OPEN,
                    obj,
                    s,
                    tree,
                    [p.v, oi],
                    min(p.sconf, OPEN_CAP),
                    strip_diacritics(tree.tok(p.v).lemma),
                )


def _parties_of_events(
    d: Doc, s: Sentence, tree: Tree, events: list[tuple[str, int]], entry: lexmod.Entry
) -> list[tuple[str, int]]:
    """The parties the parse hung on the talks rather than on the verb (أجرى محادثات مع
    X: X after مع on محادثات)."""
    out = []
    for _, oi in events:
        for j in tree.children(oi, "nmod"):
            if tree.case(j).split(" ")[0] not in entry.preps:
                continue
            key = ent_of(d, s, tree, j)
            if key is not None and d.ent(key).cls in AGENTIVE:
                out.append((d.find(key), j))
    return out


def lexicon_objects(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> list[tuple[str, int]] | None:
    """The objects a verb's relation holds of: of the classes its entry takes (an event
    that is the subject is the object after all), or for an open relation nominal ones or
    its prepositional object. None for a copula, which states no fact."""
    entry = p.entry
    if (
        entry is not None
        and "Event" in entry.objects
        and len(p.subjects) == 1
        and d.ent(p.subjects[0]).cls == "Event"
    ):
        # حضر الاجتماع وزراء ...: object before subject; the event is the object
        agents = [o for o in objects if d.ent(o[0]).cls in AGENTIVE]
        if agents:
            ev = p.subjects[0]
            p.subjects = [a for a, _ in agents]
            objects = [(ev, p.v)]
    if entry is not None and entry.alternatives:
        entry = _entry_for_objects(d, p, entry, objects)
    if entry is not None and not _reads_as_lexicon(d, tree, p, entry, objects):
        entry = _other_sense(tree, p, entry)
    if entry is not None and entry.objects:
        objects = [_repair_object(d, s, tree, o, entry) for o in objects]
        objects = [
            o
            for o in objects
            if fits(d.ent(o[0]).cls, entry)
            or d.ent(o[0]).cls == "Thing"
            and "Event" not in entry.objects
            or d.ent(o[0]).cls == "Event"
            and "Statement" in entry.objects  # حذر من الحرب: what one speaks of
        ]
    if entry is not None and entry.objects and entry.objects <= PLACES:
        # يصل إلى 2900 كيلوواط, وصل عدد القتلى إلى 30: an amount is no place one arrives in
        # or holds (a phrase of no known class otherwise may be one: وصل إلى العاصمة)
        objects = [o for o in objects if not _counted(tree, o[1])]
        # وصل إلى الجزائر لإجراء محادثات: ل + a verbal noun says what for, not where
        objects = [o for o in objects if not _purpose(tree, o[1])]
    if p.rel == "said":
        # يتابعون الانتقال, اعتبره انحلالا: what is said is a clause or a quotation; a
        # verb of saying with only a noun for object follows, considers or mentions it
        objects = [o for o in objects if d.ent(o[0]).cls == "Statement"]
    if p.rel in _TAKING_OFFICE:
        # تولى مهامه, تسلم المسؤولية: taking office with no post named
        objects = [o for o in objects if not _duty(tree, o[1])]
    if p.rel == "adopted":
        # تبنى التنظيم الهجوم: one claims an attack, one adopts a law or a plan
        objects = [o for o in objects if d.ent(o[0]).cls != "Event"]
    if p.rel in APPOINTING:
        # عينه رئيسا للحكومة: the post is what he becomes, not whom they appointed
        posts = set(predicative_titles(d, s, tree, p.v))
        objects = [o for o in objects if o[1] not in posts]
    if p.rel == OPEN:
        if lexmod.key(p.lemma) in COPULAS:
            return None  # يعد, يعتبر, بات: what they link is a description, not an object
        return _open_objects(d, s, tree, p, objects)
    return objects


#: Relations of the verbs of taking office (تولى: holdsPosition, تسلم: received).
_TAKING_OFFICE = frozenset({"holdsPosition", "received"})


def _duty(tree: Tree, i: int) -> bool:
    """Whether the phrase headed by token ``i`` is one's duties or charge (مهامه,
    المسؤولية, منصبه), not a post: منصب with the post after it (منصب وزير الدفاع) names one.

    >>> from kg import build
    >>> [f.relation for f in build(texts=["تولى خالد عيسى مهامه أمس."]).facts()]
    []
    >>> [f.object for f in build(texts=["تولى خالد عيسى منصب وزير الدفاع."]).facts()][:1]
    ['منصب وزير الدفاع']
    """
    g = strip_al(normalize(tree.tok(i).form))
    if g not in DUTY_NOUNS:
        return False
    if g != "منصب":
        return True
    nxt = i + 1  # (token ids are 1-based: the word after منصب)
    return nxt > len(tree.s.tokens) or tree.tok(nxt).upos not in ("NOUN", "ADJ", "PROPN")


def _purpose(tree: Tree, i: int) -> bool:
    """Whether word ``i`` is a verbal noun in ل: the purpose of the act (لإجراء, للمشاركة)."""
    return tree.case(i) == "ل" and "VerbForm=Vnoun" in tree.tok(i).misc


def _counted(tree: Tree, i: int) -> bool:
    """Whether the phrase headed by token ``i`` is an amount: a number, or a noun counted
    by one (2900 كيلوواط, 400 ألف برميل).

    >>> from kg.model import Sentence, Token
    >>> toks = (Token(1, "2900", "2900", "NUM", 2, "nummod", 0, 4), Token(2, "كيلوواط", "كيلوواط", "PROPN", 0, "root", 5, 12))
    >>> t = Tree(Sentence(0, 0, 12, "2900 كيلوواط", toks))
    >>> _counted(t, 2), _counted(t, 1)
    (True, True)
    """
    tok = tree.tok(i)
    return (
        tok.upos == "NUM" or bool(tree.children(i, "nummod")) or any(c.isdigit() for c in tok.form)
    )


def _entry_for_objects(
    d: Doc, p: Predicate, entry: lexmod.Entry, objects: list[tuple[str, int]]
) -> lexmod.Entry:
    """The row of the verb's lemma its objects ask for (تبنى الهجوم: claimed
    responsibility; تبنى قرارا: adopted), noted on the predicate."""
    for o, _ in objects:
        chosen = entry.for_class(d.ent(o).cls)
        if chosen is not entry:
            p.entry, p.rel = chosen, chosen.relation
            return chosen
    return entry


def _other_sense(tree: Tree, p: Predicate, entry: lexmod.Entry) -> lexmod.Entry | None:
    """The row of the verb's lemma for any object when the row read needs objects of its
    own classes and has none (أجلت الحكومة الانتخابات: postponed, not evacuated), noted on
    the predicate; without such a row the verb is an open relation (None)."""
    other = next((a for a in entry.alternatives if not a.objects), None)
    if other is None:
        as_open(tree, p)
    else:
        p.entry, p.rel = other, other.relation
    return other


def _reads_as_lexicon(
    d: Doc, tree: Tree, p: Predicate, entry: lexmod.Entry, objects: list[tuple[str, int]]
) -> bool:
    """Whether the verb has the sense of its row: an object of the row's own classes for
    :data:`PEOPLE_ONLY` relations, a rate or price for :data:`AMOUNT_RELATIONS`."""
    if entry.relation in PEOPLE_ONLY and entry.objects:
        return any(
            d.ent(o).cls in entry.objects or d.ent(o).cls == "Quantity" or _people(tree, oi)
            for o, oi in objects
        )
    if entry.relation in AMOUNT_RELATIONS:
        return any(_amount(tree, oi) for _, oi in objects)
    if entry.relation in COURT_RELATIONS:
        return to_court(tree, p.v, [oi for _, oi in objects])
    return True


def to_court(tree: Tree, v: int, objects: list[int]) -> bool:
    """Whether a verb (or verbal noun) of referring takes a phrase after إلى or ل whose
    head is a court, the judiciary, trial or the prosecution (أحال المتهمين إلى محكمة
    الجنايات, إحالة 41 متهما للمحكمة), or the parse hung it inside an object's phrase
    (أحال 12 متهما من جنسيات مختلفة إلى المحكمة).

    >>> from kg import build
    >>> g = build(texts=["أحالت الوزارة عشرة ضباط إلى التقاعد."])
    >>> [f.relation for f in g.facts()]
    ['أحال']
    """
    heads = [v]
    if tree.tok(v).upos == "NOUN" and tree.rel(v) == "obj":
        heads.append(tree.tok(v).head)  # قرر إحالة X للمحاكمة: the parse hung it on قرر
    phrases = [
        *[j for h in heads for j in tree.children(h, "obl", "nmod")],
        *[j for o in objects for j in tree.subtree(o) if j != o],
    ]
    return any(
        tree.case(j) in REFERRAL_CASES
        and (
            bare_word(tree.tok(j).form) in REFERRAL_TARGETS
            or strip_al(lexmod.key(tree.tok(j).lemma)) in REFERRAL_TARGETS
        )
        for j in phrases
    )


def _people(tree: Tree, i: int) -> bool:
    """A phrase of people the analyser left unclassified (ثلاثة مدنيين): its word or one
    below it is a noun for people."""
    return any(
        strip_al(lexmod.key(tree.tok(k).lemma)) in people_nouns() for k in [i, *tree.children(i)]
    )


def _amount(tree: Tree, i: int) -> bool:
    """A rate, price, tax or wage, or a phrase headed by one (سعر الفائدة، أسعار الوقود)."""
    return (
        lexmod.key(tree.tok(i).lemma) in AMOUNT_NOUNS
        or normalize(strip_al(tree.tok(i).form)) in AMOUNT_NOUNS
    )


def as_open(tree: Tree, p: Predicate) -> None:
    """The verb read outside the lexicon: an open relation labelled with its lemma."""
    p.rel, p.entry, p.lemma = OPEN, None, strip_diacritics(tree.tok(p.v).lemma)


def _open_objects(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    """The objects of an open relation: nominal ones, else its first prepositional
    object (اعترف ب, ندد ب, تراجع عن: the preposition joins the lemma)."""
    objects = [
        (o, oi)
        for o, oi in objects
        if tree.tok(oi).upos in OPEN_OBJECT_POS and tree.tok(oi).feat("NumType") != "Ord"
    ]
    if not objects:
        for j in tree.children(p.v, "obl"):
            prep = tree.case(j).split(" ")[0]
            if prep in OPEN_PREPS and tree.tok(j).upos in ("NOUN", "PROPN"):
                key = ent_of(d, s, tree, j)
                if key:
                    objects = [(key, j)]
                    p.lemma = f"{p.lemma} {prep}"
                break
    return objects


def relation_facts(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> None:
    """The verb's relation between each subject and each object; who the last pair is,
    the meeting event, the last speaker.

    A verb in the lexicon gives its relation; one outside it an open relation labelled
    with its lemma and preposition, at the open relation's confidence:

    >>> from kg import build
    >>> [(f.subject, f.relation, f.object) for f in build(texts=["سيطر تنظيم داعش على مدينة الموصل."]).facts()]
    [('تنظيم الدولة الإسلامية', 'controls', 'الموصل')]
    >>> [(f.relation, f.object, f.confidence) for f in build(texts=["اعترف الرئيس الأميركي بالقدس."]).facts()]
    [('اعترف ب', 'القدس', 0.5), ('leaderOf', 'الولايات المتحدة', 0.8)]
    """
    if p.rel in JOINT_RELATIONS:
        objects = _joint_parties(d, s, tree, p, objects)
    if p.rel == "resigned" and not objects and p.subjects:
        objects = office_left(d, tree, p.v, p.subjects[0])  # استقال الوزير: from his office
    if held_jointly(d, s, tree, p, objects):
        return
    for subj in p.subjects:
        if d.ent(subj).cls == "Event" and p.rel not in EVENT_SUBJECT_VERB_RELATIONS:
            continue  # النزاع يعود إلى: no event arrives anywhere
        for obj, oi in objects:
            conf = p.sconf if p.rel != OPEN else min(p.sconf, OPEN_CAP)
            if p.rel == OPEN and includes_party(d, p.lemma, subj, obj):
                continue  # اجتماع يضم الأردن: it takes part (kg.extract.tours), no open fact
            if _witnessed(d, p, subj, obj):
                # شهدت المنطقة نزاعا: the place saw the event happen, it attended nothing
                d.fact(obj, "location", subj, s, tree, [p.v, oi], conf, p.lemma)
                continue
            d.fact(subj, p.rel, obj, s, tree, [p.v, oi], conf, p.lemma)
            if (
                p.rel == "hosted"
                and d.ent(subj).cls in HOST_PLACES
                and d.ent(obj).cls == "Event"
                and not _place_named(d, s, tree, p.v, oi, skip=_delegated_tokens(d, s, tree, oi))
            ):
                # تستضيف الخرطوم اجتماعا: the city that hosts an event is where it is held
                # (unless the clause names the place: استضافت السعودية القمة في الرياض)
                d.fact(obj, "location", subj, s, tree, [p.v, oi], conf, p.lemma)
            note_pairs(d, p, subj, obj)
    if p.rel in APPOINTING and p.subjects:
        position_facts(d, s, tree, p.v, predicative_titles(d, s, tree, p.v), objects)
        tasked_leaders(d, s, tree, p.v, objects)
    note_joint_subjects(d, p)
    if p.rel in MEETING_RELATIONS and p.subjects and objects:
        meeting_event(d, s, tree, p.v, p.subjects, [o for o, _ in objects])
    if p.speech and p.subjects and d.ent(p.subjects[0]).cls in AGENTIVE:
        d.last_speaker = p.subjects[0]


def _delegated_tokens(d: Doc, s: Sentence, tree: Tree, n: int) -> frozenset[int]:
    """The tokens of the parties event noun n's delegates stand for (اجتماعا على مستوى
    وزراء الخارجية بمصر والسودان: مصر takes part, it is no place named for the meeting)."""
    return frozenset(x for _, x in delegated_parties(d, s, tree, n))


def _place_named(
    d: Doc, s: Sentence, tree: Tree, *heads: int, skip: frozenset[int] = frozenset()
) -> bool:
    """Whether a place phrase (في/ب/in/at + a place) hangs on one of the heads (not one
    of the tokens in ``skip``).

    >>> from kg import build
    >>> g = build(texts=["استضافت السعودية القمة في الرياض."])
    >>> [f.object for f in g.facts(relation="location")]
    ['الرياض']
    """
    for h in heads:
        for j in tree.children(h, "obl", "nmod"):
            if tree.case(j) in PLACE_CASES and j not in skip:
                e = d.token_ent.get((s.index, j))
                if e is not None and d.ent(e).cls in PLACES:
                    return True
    return False


def _joint_parties(
    d: Doc, s: Sentence, tree: Tree, p: Predicate, objects: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    """وقعت الوزارة اتفاقية مع شركة X, اتفق X مع Y على Z: the party after مع signed or
    agreed too; it is no object (when something else is)."""
    partners = [o for o in objects if tree.case(o[1]) == "مع"]
    rest = [o for o in objects if o not in partners]
    if not partners or not rest:
        return objects
    p.subjects = p.subjects + [k for k, _ in partners if k not in p.subjects]
    return rest


def _witnessed(d: Doc, p: Predicate, subj: str, obj: str) -> bool:
    """Whether a place is said to witness an event (شهدت المنطقة نزاعا)."""
    return (
        lexmod.key(p.lemma) in WITNESS_VERBS
        and d.ent(subj).cls in PLACES
        and d.ent(obj).cls == "Event"
    )


def _repair_object(
    d: Doc, s: Sentence, tree: Tree, obj: tuple[str, int], entry: lexmod.Entry
) -> tuple[str, int]:
    """A relative clause or phrase attached one noun too low: climb to the noun the
    predicate can take (استضاف wants an event: the meeting, not the coalition in its phrase)."""
    key, i = obj
    if d.ent(key).cls in entry.objects:
        return obj
    for h in tree.ancestors(i):
        if (
            tree.base_rel(h) not in ("nmod", "obl", "obj", "nsubj", "root")
            and h != tree.tok(i).head
        ):
            break
        hk = d.token_ent.get((s.index, h))
        if hk is not None and d.ent(hk).cls in entry.objects:
            return d.find(hk), h
        if tree.tok(h).upos in ("VERB", "AUX"):
            break
    return obj


def between(d: Doc, s: Sentence, tree: Tree, heads: list[int]) -> list[str]:
    """The two sides of a «بين A و B» phrase hung on any of the heads (B coordinated with
    A, or, as parses hang it, with one of the heads after A)."""
    for h in heads:
        for a in tree.children(h, "nmod", "obl"):
            if tree.case(a) != "بين":
                continue
            others = tree.children(a, "conj") or [
                k for x in heads for k in tree.children(x, "conj") if k > a
            ]
            keys = [ent_of(d, s, tree, j) for j in [a, *others[:1]]]
            return [k for k in keys if k is not None]
    return []

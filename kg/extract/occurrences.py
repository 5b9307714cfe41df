"""Events of dated acts: a fact whose verb a time modifies is something that happened
then, and becomes an event of its own.

«أعلنت الوزارة أمس …», «قال الوزير اليوم …», «قصفت القوات صباح الخميس المستشفى»: the
article says when an act took place, but its verb makes no event noun, so a question
about what happened on a day («what happened on 12 March») would find the fact only. Each
verb whose facts carry a time and whose relation is an act (``ACTS``: statements,
announcements, visits, attacks, arrests, rulings …; not states such as ``leaderOf`` or
``controls``) gets an event, as a meeting verb does (``kg.extract.meetings``):

- a mention on the verb, labelled with the act's verbal noun and its doer, and the
  party or place acted on when there is one («إعلان وزارة الخارجية», «استقبال الملك
  لرئيس الحكومة», «زيارة الرئيس إلى الدوحة»);
- ``participatedIn`` from the doer and from each party acted on (a person, an
  organisation, a group or a country); ``location`` the place the verb is in (في) or,
  for a visit or a strike, the place visited or struck; ``pointInTime`` the time;
- each fact with the modality of the act: a planned visit is a planned event, and a
  denied or conditional act makes none.

A verb that is already an event (a meeting with its place or time) or that realises an
event noun (عقد اجتماعا أمس, حضر أمس الافتتاح) makes none: that event is the one dated.
A verb about an event of another day is an act of its own (أدان أمس الهجوم: the
condemnation is dated, not the attack).
Every act is an event of its own: two announcements of one ministry on one day are two
events (``Entity.value`` keeps the verb's offset, so the IRIs differ).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..dates import EVENT_TIME_RELATIONS
from ..lexicon.relations import key
from ..model import CONDITIONAL, NEGATED, Sentence
from ..text import normalize
from .confidence import OCCURRENCE_EVENT
from .finish import label
from .holding import holding_complement
from .modality import modality
from .state import PLACES, Doc, Fact
from .tree import Tree


class Act(NamedTuple):
    """How an act's event is named: its verbal noun and the preposition before what it
    is done to, in Arabic and in English."""

    ar: str
    ar_prep: str
    en: str
    en_prep: str = "of"


#: Relations that tell of something happening at a time, in the order one is chosen when
#: a verb has several (قال في بيان: said, and issued the statement).
ACTS: dict[str, Act] = {
    "said": Act("تصريح", "", "statement", ""),
    "announced": Act("إعلان", "", "announcement", ""),
    "affirmed": Act("تأكيد", "", "affirmation", ""),
    "warned": Act("تحذير", "من", "warning", "of"),
    "calledFor": Act("دعوة", "", "call", ""),
    "issued": Act("إصدار", "", "issuing", ""),
    "reported": Act("تقرير", "", "report", ""),
    "praised": Act("إشادة", "ب", "praise"),
    "condemned": Act("إدانة", "ل", "condemnation"),
    "criticized": Act("انتقاد", "ل", "criticism"),
    "rejected": Act("رفض", "ل", "rejection"),
    "demanded": Act("مطالبة", "ب", "demand"),
    "threatened": Act("تهديد", "ل", "threat", "to"),
    "hosted": Act("استضافة", "ل", "hosting"),
    "participatedIn": Act("مشاركة", "في", "participation", "in"),
    "attended": Act("حضور", "ل", "attendance"),
    "opened": Act("افتتاح", "ل", "opening"),
    "launched": Act("إطلاق", "ل", "launch"),
    "received": Act("استقبال", "ل", "reception"),
    "met": Act("لقاء", "و", "meeting", "with"),
    "visited": Act("زيارة", "إلى", "visit", "to"),
    "arrivedIn": Act("وصول", "إلى", "arrival", "in"),
    "accompanied": Act("مرافقة", "ل", "accompanying"),
    "sentMessageTo": Act("رسالة", "إلى", "message", "to"),
    "signed": Act("توقيع", "", "signing"),
    "agreed": Act("اتفاق", "مع", "agreement", "with"),
    "adopted": Act("اعتماد", "ل", "adoption"),
    "extended": Act("تمديد", "ل", "extension"),
    "postponed": Act("تأجيل", "ل", "postponement"),
    "resumed": Act("استئناف", "ل", "resumption"),
    "appointed": Act("تعيين", "ل", "appointment"),
    "elected": Act("انتخاب", "ل", "election"),
    "dismissed": Act("إقالة", "ل", "dismissal"),
    "resigned": Act("استقالة", "من", "resignation", "from"),
    "won": Act("فوز", "ب", "win"),
    "lost": Act("خسارة", "ل", "loss"),
    "sentenced": Act("حكم", "على", "sentence", "on"),
    "referredToCourt": Act("إحالة", "ل", "referral"),
    "ruled": Act("حكم", "", "ruling"),
    "released": Act("إفراج", "عن", "release"),
    "sanctioned": Act("عقوبات", "على", "sanctions", "on"),
    "claimedResponsibility": Act("تبني", "ل", "claim"),
    "raised": Act("رفع", "ل", "raise"),
    "lowered": Act("خفض", "ل", "cut"),
    "attacked": Act("هجوم", "على", "attack", "on"),
    "targeted": Act("استهداف", "ل", "targeting"),
    "struck": Act("قصف", "ل", "strike", "on"),
    "killed": Act("قتل", "ل", "killing"),
    "injured": Act("إصابة", "ل", "wounding"),
    "evacuated": Act("إجلاء", "ل", "evacuation"),
    "arrested": Act("اعتقال", "ل", "arrest"),
    "liberated": Act("تحرير", "ل", "liberation"),
    "recaptured": Act("استعادة", "ل", "recapture"),
    "expelled": Act("طرد", "ل", "expulsion"),
}
_RANK = {rel: n for n, rel in enumerate(ACTS)}
#: Classes of who does an act, and of the parties it is done to (who take part in it).
PARTIES = frozenset({"Person", "Organization", "Group", "Country"})
#: Classes that do nothing: a doer is anything else, a city named for its government
#: (أعلنت واشنطن) or a weapon named for who fires it (استهدفت الدفاعات الجوية) too.
NOT_DOERS = frozenset({"Event", "Statement", "TimeExpression", "Quantity"})
#: Acts whose place acted on is where the event is: the place visited, struck, opened.
PLACE_ACTS = frozenset({"visited", "arrivedIn", "attacked", "targeted", "struck", "opened"})
#: Modalities of an act that makes no event: what did not, or only might, happen.
NO_EVENT = frozenset({NEGATED, CONDITIONAL})
#: Verbs whose complement noun is an act their subject does at the verb's time: managing
#: or succeeding in it (تمكن من, نجح في), and the impersonal تم, جرى (its subject).
MANAGING = frozenset(normalize(w) for w in "تمكن نجح تم جري".split())
#: How the action noun hangs on such a verb.
MANAGED_RELS = frozenset({"obl", "nsubj", "nsubj:pass", "obj"})
#: Parties of the act a label names, doers and parties acted on alike.
LABEL_PARTIES = 2


def occurrence_events(d: Doc, s: Sentence, tree: Tree) -> None:
    """An event for each verb of the sentence whose facts tell of a dated act.

    >>> from kg import build
    >>> g = build(texts=["أعلنت وزارة الصحة أمس أن المستشفى استقبل الجرحى."])
    >>> sorted((f.subject, f.relation, f.object) for f in g.facts() if "إعلان" in f.subject + f.object)
    [('إعلان وزارة الصحة', 'pointInTime', 'أمس'), ('وزارة الصحة', 'participatedIn', 'إعلان وزارة الصحة')]
    """
    by_verb: dict[int, list[Fact]] = {}
    by_noun: dict[int, list[Fact]] = {}
    managed: dict[int, list[Fact]] = {}
    for f in d.facts:
        if f.sentence == s.index and f.pred and f.time:
            by_verb.setdefault(f.pred, []).append(f)
        elif f.sentence == s.index and f.pred and _verbal_object(tree, f.pred):
            by_noun.setdefault(tree.tok(f.pred).head, []).append(f)
        elif f.sentence == s.index and f.pred and (g := managed_act(tree, f.pred)):
            managed.setdefault(g, []).append(f)
    # تمكنت الوحدات أمس من إيقاف X: the day on the managing verb is the arrest's; none
    # when the managing is denied or only might be (لم تتمكن الشرطة من اعتقاله)
    managed = {v: fs for v, fs in managed.items() if modality(tree, v) not in NO_EVENT}
    for v, facts in by_verb.items():
        _act_event(d, s, tree, v, [*facts, *managed.pop(v, [])], by_noun.get(v, []))
    for v, facts in managed.items():
        _act_event(d, s, tree, v, [], facts)


def managed_act(tree: Tree, n: int) -> int:
    """The verb of managing or succeeding (تمكن, نجح) or the impersonal verb (تم, جرى)
    whose complement the action noun n is (تمكنت الشرطة من اعتقال X, تم أمس إيقاف X), or
    0: its doer's act is the noun's, and the verb's time dates it."""
    t = tree.tok(n)
    if t.upos != "NOUN" or not t.head or tree.base_rel(n) not in MANAGED_RELS:
        return 0
    h = tree.tok(t.head)
    if h.upos not in ("VERB", "AUX") or key(h.lemma) not in MANAGING:
        return 0
    return t.head


def _verbal_object(tree: Tree, n: int) -> bool:
    """Whether token n is a noun that is the object of a verb (فرض عقوبات على …)."""
    t = tree.tok(n)
    return t.upos == "NOUN" and tree.rel(n) == "obj" and tree.tok(t.head).upos == "VERB"


def _act_event(
    d: Doc, s: Sentence, tree: Tree, v: int, facts: list[Fact], of_object: list[Fact]
) -> None:
    """The event of one verb's dated act, unless the verb or its facts have one. A verb
    that is no act itself (فرض عقوبات, أجرى) does the act its object noun names
    (``of_object``: sanctioned): the verb's time is that act's."""
    at = d.token_ent.get((s.index, v))
    if at is not None and d.ent(at).cls == "Event":
        return  # a meeting verb made its event
    if tree.base_rel(v) == "parataxis" and not tree.children(v, "nsubj"):
        return  # a doer carried across a loose clause may be no doer of this act
    if any(_about_event(d, f) for f in facts):
        return  # the act realises an event: that one is dated
    if not any(f.relation in ACTS for f in facts):
        facts = facts + of_object
    acts = [f for f in facts if f.relation in ACTS and f.modality not in NO_EVENT]
    doers = _unique(d.find(f.subject) for f in acts if d.ent(f.subject).cls not in NOT_DOERS)
    time = d.time_at(s, tree, v)
    if not doers or time is None:
        return
    act = min(acts, key=lambda f: _RANK[f.relation])
    done_to = _unique(d.find(f.object) for f in acts if d.find(f.subject) in doers)
    parties = [o for o in done_to if d.ent(o).cls in PARTIES and o not in doers]
    if act.relation in PLACE_ACTS:
        parties = [o for o in parties if d.ent(o).cls not in PLACES]
    places = [o for o in done_to if d.ent(o).cls in PLACES and act.relation in PLACE_ACTS]
    # named in the label, not parties: an event (أدان الهجوم), a thing (افتتاح المشروع)
    named = [o for o in done_to if d.ent(o).cls in ("Event", "Thing")]
    key = d.mention(s, tree, [v], f"event:{act.relation}:{s.index}:{v}", "Event", "event", v)
    name = _label(d, act.relation, doers, (parties or places or named)[:1])
    event = d.ent(key)
    event.names = [name]
    event.value = f"{name} {tree.tok(v).start}"
    new = len(d.facts)
    noun = ACTS[act.relation].en if d.analysed.doc.lang == "en" else ACTS[act.relation].ar
    for who in (*doers, *parties):
        d.fact(who, "participatedIn", key, s, tree, [v], OCCURRENCE_EVENT, noun)
    place = _verb_place(d, s, tree, v)
    if place is None and places:
        place = (places[0], v)  # the place visited or struck
    if place is not None:
        d.fact(key, "location", place[0], s, tree, [v, place[1]], OCCURRENCE_EVENT)
    d.fact(key, "pointInTime", time[0], s, tree, [v, time[1]], OCCURRENCE_EVENT)
    for f in d.facts[new:]:
        f.modality = act.modality
        f.confidence = min(f.confidence, act.confidence)


def _about_event(d: Doc, f: Fact) -> bool:
    """Whether a fact of the verb realises an event whose time is the verb's (عقد
    اجتماعا أمس, حضر أمس الافتتاح): that event is the one dated. A verb about an event
    of another day (أدان أمس الهجوم) is an act of its own."""
    if f.relation not in EVENT_TIME_RELATIONS:
        return False
    return d.ent(f.subject).cls == "Event" or d.ent(f.object).cls == "Event"


def _verb_place(d: Doc, s: Sentence, tree: Tree, v: int) -> tuple[str, int] | None:
    """The place the verb is in (أعلن في القاهرة): its entity key and token; not one
    after the complement of holding an event (اتفقا على عقد قمة في الرباط: the summit's)."""
    held = holding_complement(tree, v)
    for j in tree.children(v, "obl", "nmod"):
        if held and j > held:
            continue
        for k in [j, *tree.children(j, "nmod", "flat")]:
            key = d.token_ent.get((s.index, k))
            if (
                key is not None
                and d.ent(key).cls in PLACES
                and "في" in (tree.case(j), tree.case(k))
            ):
                return key, k
    return None


def _label(d: Doc, relation: str, doers: list[str], done_to: list[str]) -> str:
    """The act's verbal noun, its doers, and what it is done to («استقبال الملك لرئيس
    الحكومة», «reception of the prime minister by the king»)."""
    act = ACTS[relation]
    who = [label(d.ent(k)) for k in doers[:LABEL_PARTIES]]
    whom = [label(d.ent(k)) for k in done_to]
    if d.analysed.doc.lang == "en":
        text = f"{act.en} by {' and '.join(who)}"
        return f"{text} {act.en_prep} {whom[0]}" if whom and act.en_prep else text
    text = f"{act.ar} {' و'.join(who)}"
    if not whom or not act.ar_prep:
        return text
    return f"{text} {_with_prep(act.ar_prep, whom[0])}"


def _with_prep(prep: str, name: str) -> str:
    """An Arabic name after a preposition: the clitic ones (ل, ب, و) join it, and ل drops
    the article's alif (للدوحة).

    >>> _with_prep("ل", "الدوحة"), _with_prep("ل", "عزيز أخنوش"), _with_prep("إلى", "الدوحة")
    ('للدوحة', 'لعزيز أخنوش', 'إلى الدوحة')
    """
    if prep not in ("ل", "ب", "و"):
        return f"{prep} {name}"
    if prep == "ل" and normalize(name).startswith("ال"):
        return "ل" + name[1:]
    return prep + name


def _unique(keys: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(keys))

"""Level 3 of the parser, relative clauses without a relative pronoun: who does what
they say, and a second one on the same noun; and what a clause of result describes.

A relative clause after an indefinite noun has no الذي (هجمات تستهدف العاصمة); Arabic
then needs a pronoun for the noun in the clause, and when the verb has none (no object
pronoun, no preposition with one) the noun itself is the subject: the phrase after the
verb is its object, not its subject. A clause that ends with how long something lasts
(زيارة تستمر يومين) may be followed by a second one on the same noun (يلتقي خلالها ...).

A verb of result (أسفر عن, أفضى إلى, أدى إلى, تمخض عن) says what an event led to: its
relative clause describes the talks, the strike or the agreement named before, never the
mediators, sponsors or places named after it (محادثات عبر الوسطاء قطر ومصر، والتي أسفرت عن
...: the talks resulted, not Egypt).

With الذي/التي the pronoun is the subject only while nothing in the clause points back to
the noun: ليبيا التي جمدت المنظمة عضويتها (whose membership the organisation froze) has
one on the noun after the object, so the noun before it was the clause's subject.

>>> v = W(1, "تستهدف", "VERB", "", 1, gender="f", number="s", person="3fs", lemma="اسْتَهْدَفَ")
>>> antecedent_acts([W(0, "هجمات", "NOUN", "", 0, gender="f", number="p"), v], W(0, "هجمات", "NOUN", "", 0, gender="f", number="p"), v)
True
>>> antecedent_acts([W(0, "رجل", "NOUN", "", 0, gender="m", number="s"), v], W(0, "رجل", "NOUN", "", 0, gender="m", number="s"), v)
False
"""

from __future__ import annotations

from collections.abc import Callable

from ....text import normalize
from .frames import Frame
from .phrases import NP_KINDS, Unit
from .words import (
    W,
    agentive,
    carries_subject,
    event_noun,
    has_suffix,
    human,
    indefinite_np,
    intransitive,
    reattach,
    rel_agrees,
)

#: Verbs of lasting and happening: what follows them is no object.
_HAPPENING = frozenset(normalize(w) for w in "استمر دام ظل بقي وقع حدث جرى اندلع مضى".split())

#: Verbs of result: their subject is what happened (أسفر الاجتماع عن اتفاق).
_RESULT_VERBS = frozenset(normalize(w) for w in "أسفر أفضى تمخض أثمر".split())
#: أدى is one only before إلى (أدى إلى; أدى اليمين is taking an oath).
_RESULT_WITH_ILA = frozenset(normalize(w) for w in "أدى".split())
#: Nouns naming who brokered, sponsored or attended an event (بوساطة قطر، برعاية الأمم
#: المتحدة، بحضور الوزير): the helpers of what happened, not what happened.
_AUSPICES = frozenset(normalize(w) for w in "وساطة رعاية إشراف حضور مشاركة دعم".split())
#: How many words back a clause of result looks for its event.
_REACH = 8


def result_antecedent(ws: list[W], rel: W, near: list[int]) -> int:
    """The antecedent of a relative pronoun whose clause's verb is one of result: the
    nearest agreeing event noun among ``near`` (nearest first), or -1 when the verb is
    none or no event noun agrees.

    >>> ws = [W(0, "محادثات", "NOUN", "", 0, gender="f", number="p", lemma="مُحَادَثَة", vnoun=True),
    ...       W(1, "مصر", "PROPN", "", 1, ent=0, gender="f"), W(2, "التي", "PRON", "rel", 2),
    ...       W(3, "أسفرت", "VERB", "", 3, lemma="أَسْفَرَ")]
    >>> result_antecedent(ws, ws[2], [1, 0])
    0
    """
    k = rel.i + 1
    if k < len(ws) and ws[k].norm == "قد":
        k += 1
    if not _of_result(ws, k):
        return -1
    return _event_before(ws, near, lambda w: rel_agrees(rel, w))


def _of_result(ws: list[W], k: int) -> bool:
    """Whether the verb at k is one of result (أسفر, أدى إلى)."""
    if k >= len(ws) or ws[k].upos != "VERB":
        return False
    lemma = normalize(ws[k].lemma or ws[k].form)
    return lemma in _RESULT_VERBS or (
        lemma in _RESULT_WITH_ILA and k + 1 < len(ws) and ws[k + 1].norm == "الى"
    )


def _event_before(ws: list[W], near: list[int], agrees: Callable[[W], bool]) -> int:
    """The first of ``near`` that agrees and that the lexicon knows as an event (talks, a
    strike), else the first verbal noun (اتفاق; not المعارضة beside الحكومة when talks
    come before); never a name, people or someone's auspices (بوساطة قطر); or -1."""
    fits = [c for c in near if _candidate(ws[c]) and agrees(ws[c])]
    for c in fits:
        if event_noun(ws[c]):
            return c
    return next((c for c in fits if ws[c].vnoun), -1)


def _candidate(w: W) -> bool:
    """A noun that could be something that happened: no name, no people, no auspices."""
    if w.upos == "PROPN" or w.ent >= 0 or human(w):
        return False
    return normalize(w.lemma or w.form).removeprefix("ال") not in _AUSPICES


def _event(w: W) -> bool:
    """A noun of something that happened, not of someone's auspices (بوساطة قطر)."""
    return _candidate(w) and (w.vnoun or event_noun(w))


def _verb_agrees(v: W, w: W) -> bool:
    """A verb before its subject: feminine for a feminine noun or a plural of things."""
    if v.gender == "f":
        return w.gender == "f" or (w.number == "p" and not human(w))
    return w.gender != "f" and w.number in ("s", "")


def described_noun(ws: list[W], u: Unit, verb: int) -> int:
    """The noun a relative clause without a pronoun after the phrase u describes: 26 صاروخا
    من أصل 31 أطلقتها روسيا: the missiles (out of 31 that Russia fired), not أصل; a clause
    of result the event before the phrase (اتفاق بوساطة فرنسا أسفر عن: the agreement)."""
    w = ws[u.head]
    if u.kind == "PP" and u.case == "من" and w.norm == normalize("أصل") and w.head >= 0:
        return w.head
    if _of_result(ws, verb) and not _event(w):
        near = [k for k in range(u.head, max(-1, u.head - _REACH), -1) if ws[k].nominal]
        stop = [k for k in range(u.head, -1, -1) if ws[k].upos in ("VERB", "AUX")]
        near = [k for k in near if not stop or k > stop[0]]
        found = _event_before(ws, near, lambda n: _verb_agrees(ws[verb], n))
        if found >= 0:
            return found
    return u.head


def described_before_phrase(ws: list[W], prev: Unit | None, verb: int) -> int:
    """The indefinite noun right before a prepositional phrase (and the noun's adjectives)
    that a verb after the phrase describes, when the verb agrees with it (مباحثات في
    الدوحة أسفرت عن ...: the talks resulted, not Doha; وفد إلى بغداد يضم ...); a verb of
    result describes the event nearest before it (غارات على مواقع في الجنوب أسفرت عن:
    the raids). Not after a phrase naming people (اتصالا من ظريف هنأه فيه: the caller
    may act). -1 when there is none.

    >>> ws = [W(0, "مباحثات", "NOUN", "", 0, gender="f", number="p", lemma="مُبَاحَثَة", vnoun=True),
    ...       W(1, "في", "ADP", "prep", 1), W(2, "الدوحة", "PROPN", "", 2, ent=0, definite=True),
    ...       W(3, "أسفرت", "VERB", "", 3, gender="f", lemma="أَسْفَرَ")]
    >>> described_before_phrase(ws, Unit("PP", 2, 1, 2, case="في"), 3)
    0
    """
    if prev is None or prev.kind != "PP" or prev.first < 1:
        return -1
    inner = ws[prev.head]
    if inner.ent_label == "Person" or human(inner):
        return -1  # اتصالا من ظريف هنأه فيه: the caller may be the one who acts
    k = prev.first - 1
    while k > 0 and ws[k].upos == "ADJ" and not ws[k].definite:
        k -= 1  # مباحثات مكثفة في الدوحة
    if indefinite_np(ws, k) and not _verb_agrees(ws[verb], ws[k]):
        k = _resumed_construct(ws, k, verb)  # حملة تمشيط للشاطئ قامت بها: the campaign
    if not indefinite_np(ws, k) or ws[k].ent >= 0 or not _verb_agrees(ws[verb], ws[k]):
        return -1
    if _of_result(ws, verb) and not _event(ws[k]):
        near = [m for m in range(k, max(-1, k - _REACH), -1) if ws[m].nominal]
        stop = [m for m in range(k, -1, -1) if ws[m].upos in ("VERB", "AUX")]
        near = [m for m in near if not stop or m > stop[0]]
        found = _event_before(ws, near, lambda n: _verb_agrees(ws[verb], n))
        return found if found >= 0 else k
    return k


def _resumed_construct(ws: list[W], k: int, verb: int) -> int:
    """The indefinite head of the construct whose genitive k is, when the verb after the
    phrase has a pronoun that agrees with the head and not with k (حملة تمشيط للشاطئ
    قامت بها الشرطة, جولة تفقد للمصانع أجراها الوزير): the clause describes the head.
    k itself otherwise.

    >>> ws = [W(0, "حملة", "NOUN", "", 0, gender="f", number="s"),
    ...       W(1, "تمشيط", "NOUN", "", 1, gender="m", number="s"),
    ...       W(2, "قامت", "VERB", "", 2, gender="f"), W(3, "ب", "ADP", "prep", 3),
    ...       W(4, "ها", "PRON", "pron", 3, gender="f", number="s")]
    >>> _resumed_construct(ws, 1, 2), _resumed_construct(ws[:3], 1, 2)
    (0, 1)
    """
    p = verb + 1
    if p < len(ws) and ws[p].tag == "prep" and ws[p].word != ws[verb].word:
        p += 1  # قامت بها, شاركت فيها
    if p >= len(ws) or ws[p].upos != "PRON" or ws[p].tag != "pron":
        return k
    if p == verb + 1 and not has_suffix(ws, verb):
        return k
    if p == verb + 2 and ws[p].word != ws[p - 1].word:
        return k
    head, pron = k - 1, ws[p]
    if head < 0 or not indefinite_np(ws, head) or ws[head].ent >= 0 or human(ws[head]):
        return k
    if not _verb_agrees(pron, ws[head]) or _verb_agrees(pron, ws[k]):
        return k
    return head


def resumed_genitive(ws: list[W], prev: Unit | None, verb: int) -> int:
    """A verb with an object pronoun right after a prepositional phrase whose construct
    ends with an indefinite noun the pronoun agrees with describes that noun (بموجب اتفاق
    وقعته الشركة, في إطار مشروع أطلقته الوزارة: the pronoun is the agreement, the project).
    -1 when there is none.

    >>> ws = [W(0, "بموجب", "ADJ", "", 0), W(1, "اتفاق", "NOUN", "", 1, gender="m", number="s"),
    ...       W(2, "وقعت", "VERB", "", 2, gender="f"), W(3, "ه", "PRON", "", 2, gender="m", number="s")]
    >>> resumed_genitive(ws, Unit("PP", 0, 0, 1, case="ب", tail=1), 2)
    1
    """
    if prev is None or prev.kind != "PP" or prev.tail < 0 or prev.tail == prev.head:
        return -1
    k, p = prev.tail, verb + 1
    if not indefinite_np(ws, k) or ws[k].ent >= 0 or prev.last != k:
        return -1
    if p >= len(ws) or ws[p].word != ws[verb].word or ws[p].upos != "PRON":
        return -1
    pron, noun = ws[p], ws[k]
    if pron.gender == "f" and pron.number in ("s", ""):
        agrees = noun.gender == "f" or (noun.number == "p" and not human(noun))
    else:
        agrees = pron.gender == "m" and noun.gender != "f" and noun.number == pron.number
    return k if agrees else -1


def antecedent_acts(ws: list[W], ante: W, v: W) -> bool:
    """Whether the noun a relative clause without الذي describes can be its verb's
    subject: an active third-person singular verb that takes an object and has no object
    pronoun, of the noun's gender (feminine for a plural of things: هجمات تستهدف)."""
    if v.upos != "VERB" or "Voice=Pass" in v.feats or v.person[:1] != "3" or has_suffix(ws, v.i):
        return False
    if carries_subject(v) or v.number not in ("s", "") or not v.gender or intransitive(v):
        return False
    if normalize(v.lemma) in _HAPPENING:
        return False  # فراغ استمر أكثر من عامين: how long, not an object
    if ante.number == "p":
        return v.gender == "f" and not human(ante)
    return ante.number in ("s", "") and ante.gender == v.gender


#: Verbs with two objects (منحت الوزير جائزتها): a pronoun on the second one may well be
#: the subject's, so the first object stays an object.
_TWO_OBJECTS = frozenset(
    normalize(w) for w in "منح أعطى سلم أبلغ عين سمى اعتبر جعل أهدى كلف أولى حمل أمهل".split()
)

#: The gender and number of the noun each relative pronoun describes.
_REL_AGREEMENT = {
    normalize("الذي"): ("m", "s"),
    normalize("التي"): ("f", "s"),
    normalize("الذين"): ("m", "p"),
}


def object_was_subject(ws: list[W], f: Frame, u: Unit) -> bool:
    """When noun phrase ``u`` carries a pronoun for the noun that relative clause ``f``
    (with الذي/التي) describes, right after the clause's object, that object was the
    subject (ليبيا التي جمدت المنظمة عضويتها): re-attach it and free the object slot for
    ``u``. Returns whether it did."""
    if f.kind != "relcl" or not f.rel_subject or f.obj < 0 or f.marker < 0 or f.pred < 0:
        return False
    rel, obj, v = ws[f.marker], ws[f.obj], ws[f.pred]
    if rel.tag != "rel" or u.kind != "NP" or not has_suffix(ws, u.head) or obj.tanween:
        return False
    pron = ws[u.head + 1]
    if (pron.gender, pron.number) != _REL_AGREEMENT.get(rel.norm) or not agentive(obj):
        return False
    if normalize(v.lemma) in _TWO_OBJECTS or u.first != _unit_end(f, f.obj) + 1:
        return False
    reattach(ws, f.obj, f.pred, "nsubj")
    reattach(ws, f.marker, f.pred, "dep")  # as in التحالف الذي تقوده السعودية
    f.subj, f.obj, f.rel_subject = f.obj, -1, False
    f.last_arg = f.subj
    return True


def _unit_end(f: Frame, head: int) -> int:
    """The last token of the clause's phrase headed by ``head`` (-2 when there is none)."""
    return next((x.last for x in f.units if x.head == head), -3)


def after_duration(ws: list[W], f: Frame, prev: Unit | None) -> bool:
    """Whether the relative clause f ends with how long it lasts (تستمر يومين), right
    before the next verb: what that verb says is said of the same noun."""
    return (
        f.marker < 0
        and prev is not None
        and prev.kind in NP_KINDS
        and ws[prev.head].deprel == "obl:tmod"
        and ws[prev.head].head == f.pred
    )

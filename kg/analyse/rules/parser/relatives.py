"""Level 3 of the parser, relative clauses without a relative pronoun: who does what
they say, and a second one on the same noun.

A relative clause after an indefinite noun has no الذي (هجمات تستهدف العاصمة); Arabic
then needs a pronoun for the noun in the clause, and when the verb has none (no object
pronoun, no preposition with one) the noun itself is the subject: the phrase after the
verb is its object, not its subject. A clause that ends with how long something lasts
(زيارة تستمر يومين) may be followed by a second one on the same noun (يلتقي خلالها ...).

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

from ....text import normalize
from .frames import Frame
from .phrases import NP_KINDS, Unit
from .words import W, agentive, carries_subject, has_suffix, human, intransitive, reattach

#: Verbs of lasting and happening: what follows them is no object.
_HAPPENING = frozenset(normalize(w) for w in "استمر دام ظل بقي وقع حدث جرى اندلع مضى".split())


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

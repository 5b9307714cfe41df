"""Where a verb's subject ends and its object begins when both are bare indefinite nouns.

After a verb that takes an object, two indefinite plural nouns in a row (شنّت طائرات
غارات, نفّذت زوارق عمليات) read as a construct (طائرات غاراتٍ, "planes of raids") would leave
the verb without an object. Arabic news puts the verb first, its subject next and then its
object: when nothing after the second noun (past its adjectives) could be the object, the
second noun is the object and the subject is the first one alone. A construct of two
plurals that does have an object after it keeps its genitive (رفض قادة فصائل هذا المقترح).

The same holds one noun further on: after a verb that needs a direct object, a definite
noun phrase after two bare indefinite plurals (انتقد قادة أحزاب الحكومة, رفض قادة فصائل
مقترح السلام) is the object when nothing after it could be one; with an object after it
the construct keeps it as its last member (رفض قادة فصائل المعارضة المقترح). A noun with
the accusative tanween (وفدا) is never a genitive.
"""

from __future__ import annotations

from .words import W, accusative, agree, carries_subject, first_has_clitic, has_suffix, intransitive


def opens_object(ws: list[W], mains: list[int], k: int, chain: list[int]) -> bool:
    """Whether word k, after a lone indefinite plural noun that follows a verb, is the
    verb's object rather than that noun's genitive.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of the first five tokens
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens][:5]
    >>> parsed("شنت طائرات غارات على مواقع للمسلحين.")[:3]
    [('شنت', 'root', 0), ('طائرات', 'nsubj', 1), ('غارات', 'obj', 1)]

    A bare indefinite noun after the second is its genitive, the object goes on (عمليات
    إنزال); a noun phrase after the two that can be the object keeps the construct:

    >>> parsed("نفذت مروحيات عمليات إنزال في الجزيرة.")[2:4]
    [('عمليات', 'obj', 1), ('إنزال', 'nmod', 3)]

    >>> parsed("رفض قادة فصائل هذا المقترح.")
    [('رفض', 'root', 0), ('قادة', 'nsubj', 1), ('فصائل', 'nmod', 2), ('هذا', 'det', 5), ('المقترح', 'obj', 1)]

    A definite phrase after a two-noun subject, with nothing after it, is the object; the
    accusative tanween ends a construct:

    >>> parsed("انتقد قادة أحزاب الحكومة.")[1:4]
    [('قادة', 'nsubj', 1), ('أحزاب', 'nmod', 2), ('الحكومة', 'obj', 1)]
    >>> parsed("استقبل قادة فصائل وفدا مصريا.")[3]
    ('وفدا', 'obj', 1)
    >>> parsed("رفض قادة فصائل المعارضة المقترح.")[3:5]
    [('المعارضة', 'nmod', 3), ('المقترح', 'obj', 1)]
    """
    w = ws[mains[k]]
    if _after_verb(ws, mains, k, chain) and w.upos == "NOUN" and w.ent < 0 and not w.definite:
        if w.tanween and accusative(ws, w.i):
            return True  # وفدا: an accusative, never a genitive (a name may end so: ميتا)
    if len(chain) == 2:
        return _definite_object(ws, mains, k, chain)
    if len(chain) != 1 or k < 2 or mains[k - 1] != chain[0]:
        return False
    verb, first, second = ws[mains[k - 2]], ws[chain[0]], ws[mains[k]]
    if verb.upos != "VERB" or intransitive(verb) or carries_subject(verb) or has_suffix(ws, verb.i):
        return False
    if not all(_bare_plural(ws, w) for w in (first, second)) or first_has_clitic(ws, first.i):
        return False
    return not _object_follows(ws, mains, k + 1)


def _bare_plural(ws: list[W], w: W) -> bool:
    """An indefinite plural common noun without a possessor and outside any name (or a
    participle the tagger left as an adjective: مقاتلات, مسلحين)."""
    return (
        w.upos in ("NOUN", "ADJ")
        and w.number == "p"
        and not w.definite
        and w.ent < 0
        and not has_suffix(ws, w.i)
    )


def _object_follows(ws: list[W], mains: list[int], k: int) -> bool:
    """Whether a noun phrase that can be the object follows word k-1, past its adjectives:
    a definite noun, a name, a demonstrative, a number, a noun with tanween, or a bare noun
    a definite genitive makes definite (مقترح السلام). A bare indefinite noun alone is
    rather the genitive of the word before it (عمليات إنزال)."""
    while k < len(mains) and ws[mains[k]].upos == "ADJ" and not first_has_clitic(ws, mains[k]):
        k += 1
    if k >= len(mains):
        return False
    w = ws[mains[k]]
    if first_has_clitic(ws, w.i):
        return False
    if w.tag == "dem" or w.upos in ("PROPN", "X", "NUM"):
        return True  # هذا المقترح, a name, a number
    if w.upos != "NOUN":
        return False
    if w.definite or w.tanween or w.acc or w.ent >= 0 or has_suffix(ws, w.i):
        return True
    nxt = ws[mains[k + 1]] if k + 1 < len(mains) else None
    return nxt is not None and nxt.upos in ("NOUN", "PROPN") and (nxt.definite or nxt.ent >= 0)


def _after_verb(ws: list[W], mains: list[int], k: int, chain: list[int]) -> bool:
    """Whether the chain before word k is a subject right after its verb."""
    n = len(chain)
    return (
        k > n
        and all(mains[k - n + m] == c for m, c in enumerate(chain))
        and ws[mains[k - n - 1]].upos == "VERB"
        and not first_has_clitic(ws, chain[0])
    )


def _definite_object(ws: list[W], mains: list[int], k: int, chain: list[int]) -> bool:
    """Whether word k, after a verb + two bare indefinite plurals, opens a definite noun
    phrase that is the verb's object: the verb needs a direct object and none follows."""
    if k < 3 or mains[k - 1] != chain[1] or mains[k - 2] != chain[0]:
        return False
    verb = ws[mains[k - 3]]
    if verb.upos != "VERB" or carries_subject(verb) or has_suffix(ws, verb.i):
        return False
    if not _needs_object(verb):
        return False
    if not all(_bare_plural(ws, ws[c]) for c in chain) or first_has_clitic(ws, chain[0]):
        return False
    j = k  # the phrase: bare nouns up to a definite one or a name (مقترح السلام)
    while (
        j < len(mains)
        and ws[mains[j]].upos == "NOUN"
        and not ws[mains[j]].definite
        and ws[mains[j]].ent < 0
        and not ws[mains[j]].tanween
        and not has_suffix(ws, mains[j])
        and not first_has_clitic(ws, mains[j])
    ):
        j += 1
    if j >= len(mains) or first_has_clitic(ws, mains[j]):
        return False
    last = ws[mains[j]]
    if not (last.upos in ("NOUN", "PROPN") and (last.definite or last.ent >= 0)):
        return False
    nouns = [ws[c] for c in chain] + [ws[mains[m]] for m in range(k, j + 1)]
    j += 1
    while j < len(mains) and ws[mains[j]].upos == "ADJ" and not first_has_clitic(ws, mains[j]):
        if not any(agree(ws[mains[j]], n, True) for n in nouns):
            return False  # المقترح after المعارضة: a participle of its own, the object
        j += 1
    return not _object_follows(ws, mains, j)


def _needs_object(verb: W) -> bool:
    """A verb the relation lexicon gives a direct object (انتقد, رفض, استقبل), not a
    verb of saying (whose object is a clause)."""
    from ....lexicon.relations import load  # imported here: it brings rdflib

    if intransitive(verb):
        return False
    entry = load("ar").verb(verb.lemma)
    return (
        entry is not None
        and (not entry.preps or entry.prep_only)
        and "Statement" not in entry.objects
    )

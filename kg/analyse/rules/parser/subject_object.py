"""Where a verb's subject ends and its object begins when both are bare indefinite nouns.

After a verb that takes an object, two indefinite plural nouns in a row (شنّت طائرات
غارات, نفّذت زوارق عمليات) read as a construct (طائرات غاراتٍ, "planes of raids") would leave
the verb without an object. Arabic news puts the verb first, its subject next and then its
object: when nothing after the second noun (past its adjectives) could be the object, the
second noun is the object and the subject is the first one alone. A construct of two
plurals that does have an object after it keeps its genitive (رفض قادة فصائل هذا المقترح).
"""

from __future__ import annotations

from .words import W, carries_subject, first_has_clitic, has_suffix, intransitive


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
    """
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

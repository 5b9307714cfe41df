"""Level 2 of the parser: phrases.

Reads the main token of each surface word (after :func:`~.words.attach_clitics`) and the
entity spans, and groups the words into units (:class:`Unit`): noun phrases grown to the
right (names from the entity spans, construct state ``nmod``, adjectives ``amod``,
numbers ``nummod``, demonstratives ``det``, designators and titles with a name in
``appos``, bracketed names), prepositional phrases (``case``), and one unit for every other
word (verb, subordinator, punctuation ...), which the clause level reads in order. Number
phrases (the counted noun heads them), prepositions of several words (بالرغم من) and words
used as prepositions or modifiers of the next word (مثل, غير, نحو) are settled here too.

The phrase decisions the clause level makes when it meets a noun phrase (apposition of
titles and names, a number phrase as a genitive) are in :mod:`.appositions`; which phrase a
PP or a coordinated noun phrase joins depends on the clause's verb, so :mod:`.arguments`
decides it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ....lexicon.words import title_at
from ....text import normalize
from .foreign_names import foreign_to_title
from .subject_object import opens_object
from .words import (
    APPROXIMATORS,
    COMPOUND_PREPOSITIONS,
    DEMONSTRATIVES,
    MONTHS_WITH_ORDINALS,
    MULTIPLIERS,
    PREPOSITION_NOUNS,
    QUANTIFIER_NOUNS,
    UNSET,
    W,
    agree,
    appointee,
    attach,
    can_govern,
    conj_clitic_only,
    definite_body,
    first_has_clitic,
    first_tok,
    has_suffix,
    human,
    is_body,
    is_designator,
    is_number,
    last_tok,
    possessed_nisba,
    prep_clitic,
    reattach,
    teen_ordinal,
    time_side,
    title_tok,
)


@dataclass
class Unit:
    """A phrase being built: its head token and the tokens it covers."""

    kind: str  # NP, PP, V, AUX, SUB, REL, CC, PUNCT, ADV, PART, ADP, OTHER
    head: int
    first: int
    last: int
    case: str = ""  # normalised preposition for PP
    tail: int = -1  # the last noun of its construct chain


#: The kinds of unit that are noun phrases, with or without a preposition.
NP_KINDS = ("NP", "PP")

#: The unit of a word that does not start a noun phrase, by its UPOS.
_UNIT_KINDS = {
    "VERB": "V",
    "AUX": "AUX",
    "PUNCT": "PUNCT",
    "CCONJ": "CC",
    "SCONJ": "SUB",
    "ADV": "ADV",
    "PART": "PART",
    "ADP": "ADP",
}


# --------------------------------------------------------------- noun phrases


def noun_phrases(ws: list[W], mains: list[int]) -> list[Unit]:
    """Group the main tokens of the words into units: a noun phrase for a name or a word
    that starts one, grown to the right (:func:`_extend_np`); one unit for any other word.

    Construct state (وزير الخارجية, مدينة بغداد: ``nmod``) and an adjective on the noun it
    agrees with, past the genitive (الفرنسي on وزير, not on الخارجية):

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> parsed("زار وزير الخارجية الفرنسي مدينة بغداد.")
    [('زار', 'root', 0), ('وزير', 'nsubj', 1), ('الخارجية', 'nmod', 2), ('الفرنسي', 'amod', 2),
     ('مدينة', 'obj', 1), ('بغداد', 'nmod', 5), ('.', 'punct', 1)]

    A bracketed name is in apposition with the name before it:

    >>> parsed("وصل الوفد إلى بغداد (العراق).")[3:7]
    [('بغداد', 'obl', 1), ('(', 'punct', 6), ('العراق', 'appos', 4), (')', 'punct', 6)]
    """
    units: list[Unit] = []
    k = 0
    while k < len(mains):
        i = mains[k]
        compound = _compound_preposition(ws, mains, k)
        if compound is not None:
            unit, k = compound
        elif _preposition_noun(ws, mains, k):
            unit = Unit("ADP", i, first_tok(ws, i), last_tok(ws, i))
            k += 1
        elif _modifies_next(ws, mains, k):
            k += 1  # غير الواضح, نحو 20: the particle is the next word's advmod
            continue
        elif ws[i].ent >= 0 or _starts_np(ws[i]):
            unit, k = _name_np(ws, mains, k) if ws[i].ent >= 0 else _common_np(ws, mains, k)
            k = _extend_np(ws, mains, k, unit)
        else:
            unit = Unit(_unit_kind(ws[i]), i, first_tok(ws, i), last_tok(ws, i))
            k += 1
        units.append(unit)
    return units


def _compound_preposition(ws: list[W], mains: list[int], k: int) -> tuple[Unit, int] | None:
    """A preposition of several words (بالرغم من, بالنسبة إلى) starting at word k and followed
    by a noun phrase: one ADP unit headed by its first token, the others ``fixed`` on it;
    returns it and the index of the word after it."""
    t0 = first_tok(ws, mains[k])
    while t0 < mains[k] and ws[t0].tag == "conj":
        t0 += 1
    for comp in COMPOUND_PREPOSITIONS.get(ws[t0].norm, ()):
        end = t0 + len(comp)
        if end >= len(ws) or tuple(ws[t].norm for t in range(t0, end)) != comp:
            continue
        if ws[end].word == ws[end - 1].word or not (ws[end].nominal or ws[end].tag == "prep"):
            continue  # it must end its word and a noun phrase must follow
        for t in range(t0 + 1, end):
            reattach(ws, t, t0, "fixed")
        for t in range(first_tok(ws, mains[k]), t0):
            reattach(ws, t, t0, "cc")
        ws[t0].head, ws[t0].deprel = UNSET, ""
        k_after = k
        while k_after < len(mains) and mains[k_after] < end:
            k_after += 1
        case = " ".join(normalize(w) for w in _surface_words(ws, t0, end))
        return Unit("ADP", t0, first_tok(ws, mains[k]), end - 1, case=case), k_after
    return None


def _preposition_noun(ws: list[W], mains: list[int], k: int) -> bool:
    """مثل, أثناء before a noun phrase: a preposition (دول مثل مصر), whatever the tagger
    read; it becomes one (ADP)."""
    w = ws[mains[k]]
    if (
        w.norm not in PREPOSITION_NOUNS
        or has_suffix(ws, w.i)
        or k + 1 >= len(mains)
        or not ws[first_tok(ws, mains[k + 1])].nominal
    ):
        return False
    w.upos, w.tag = "ADP", "prep"
    return True


def _modifies_next(ws: list[W], mains: list[int], k: int) -> bool:
    """غير before an adjective, a noun or a pronoun (غير الرسمي: not official); نحو, حوالي
    before a number (about 20): the word's ``advmod``; returns whether it attached."""
    w = ws[mains[k]]
    if k + 1 >= len(mains) or ws[mains[k]].word == ws[mains[k + 1]].word:
        return False
    nxt = ws[mains[k + 1]]
    if first_has_clitic(ws, nxt.i) or first_has_clitic(ws, w.i):
        return False
    if w.norm == "غير" and w.upos in ("PART", "ADV") and nxt.upos in ("ADJ", "NOUN", "PRON"):
        attach(ws, w.i, nxt.i, "advmod")
        return True
    if w.norm in APPROXIMATORS and is_number(nxt):
        # on the phrase's head, the counted noun when there is one (the extractor reads a
        # quantity's approximator there: نحو 1500 شخص), else on the number
        head, _ = _number_head(ws, mains, k + 1)
        attach(ws, w.i, head, "advmod")
        w.upos, w.tag = "ADV", "adv"  # not the preposition نحو (towards)
        return True
    return False


def _surface_words(ws: list[W], a: int, b: int) -> list[str]:
    """The surface words of tokens a..b-1, clitics joined to their word (بالرغم, من)."""
    out: list[str] = []
    for t in range(a, b):
        if t > a and ws[t].word == ws[t - 1].word:
            out[-1] += ws[t].form
        else:
            out.append(ws[t].form)
    return out


def _starts_np(w: W) -> bool:
    return (
        w.norm in QUANTIFIER_NOUNS
        or w.upos in ("NOUN", "PROPN", "ADJ", "NUM", "X", "SYM")
        or w.tag in ("dem", "quant", "det")
        or (w.upos == "PRON" and w.tag == "pron")
    )


def _unit_kind(w: W) -> str:
    if w.tag == "rel":
        return "REL"
    if w.tag == "sub":
        return "SUB"
    if w.tag == "prep":
        return "ADP"
    return _UNIT_KINDS.get(w.upos, "OTHER")


def _name_np(ws: list[W], mains: list[int], k: int) -> tuple[Unit, int]:
    """An entity span as one noun phrase; returns it and the index after the span."""
    i = mains[k]
    j = _name_span(ws, mains, k)
    return Unit("NP", i, first_tok(ws, i), last_tok(ws, mains[j])), j + 1


def _common_np(ws: list[W], mains: list[int], k: int) -> tuple[Unit, int]:
    """A noun phrase headed by word k, or by the noun after a determiner or a number
    (هذا الاتفاق, ثلاثة أيام); returns it and the index after its head."""
    i = mains[k]
    w = ws[i]
    nxt = mains[k + 1] if k + 1 < len(mains) else -1
    if _determines(ws, i, nxt):
        attach(ws, i, nxt, "det")
        return Unit("NP", nxt, first_tok(ws, i), last_tok(ws, nxt)), k + 2
    if is_number(w):
        head, after = number_phrase(ws, mains, k)
        return Unit("NP", head, first_tok(ws, i), last_tok(ws, mains[after - 1])), after
    return Unit("NP", i, first_tok(ws, i), last_tok(ws, i)), k + 1


def _number_head(ws: list[W], mains: list[int], k: int) -> tuple[int, int]:
    """The head the number phrase at word k will have (the counted noun, else the number)
    and the index after it, without attaching anything."""
    j = k + 1
    while (
        j < len(mains) and ws[mains[j]].norm in MULTIPLIERS and not first_has_clitic(ws, mains[j])
    ):
        j += 1
    if j < len(mains) and _counted(ws, ws[mains[k]], mains[j]):
        return mains[j], j + 1
    return mains[k], j


def number_phrase(ws: list[W], mains: list[int], k: int) -> tuple[int, int]:
    """A number at word k (خمسة, 168, ثلاثة آلاف) with its multipliers (ألف, مليون: their
    ``nummod``) and the noun it counts (أشخاص, دولار: the head, the number its ``nummod``);
    returns the phrase's head and the index after it."""
    i = mains[k]
    j = k + 1
    while (
        j < len(mains) and ws[mains[j]].norm in MULTIPLIERS and not first_has_clitic(ws, mains[j])
    ):
        attach(ws, mains[j], i, "nummod")
        j += 1
    if j < len(mains) and _counted(ws, ws[i], mains[j]):
        attach(ws, i, mains[j], "nummod")
        ws[i].upos = "NUM"  # خمسة أشخاص: a number word counting a noun is a numeral
        for m in range(first_tok(ws, i), i):
            if ws[m].tag == "prep":
                reattach(ws, m, mains[j], "case")  # بمليون دولار: the phrase's preposition
        return mains[j], j + 1
    return i, j


def _counted(ws: list[W], number: W, i: int) -> bool:
    """A noun a number before it counts: indefinite, no clitic, no number itself. (A plural
    of people after a number word keeps the number as its head for now: the extractor's
    group mentions read a group's amod but not its nummod, and ثلاثة نواب would lose its
    count.)"""
    w = ws[i]
    return (
        w.upos in ("NOUN", "ADJ", "PROPN")
        and not w.definite
        and not is_number(w)
        and not first_has_clitic(ws, i)
        and (w.ent < 0 or w.upos != "PROPN")
        and not (number.upos != "NUM" and w.number == "p" and human(w))
    )


def _determines(ws: list[W], i: int, nxt: int) -> bool:
    """Whether word i is the determiner of the noun after it: a quantifier (كل دولة, أحد
    المسؤولين) before any noun, a demonstrative only before a definite one or a name (هذا
    الاتفاق; هذا اتفاق مهم is a sentence: this is an important agreement)."""
    w = ws[i]
    if nxt < 0 or ws[nxt].upos not in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False
    if w.tag == "dem" or _demonstrative_read_as_noun(ws, i):
        return ws[nxt].definite or ws[nxt].ent >= 0 or ws[nxt].upos == "PROPN"
    return w.tag in ("quant", "det") or (w.norm in QUANTIFIER_NOUNS and not has_suffix(ws, i))


def _demonstrative_read_as_noun(ws: list[W], i: int) -> bool:
    """بهذه المنظمات: after a preposition the tagger reads a demonstrative as a noun."""
    w = ws[i]
    return w.upos == "NOUN" and w.norm in DEMONSTRATIVES and first_has_clitic(ws, i)


def _name_span(ws: list[W], mains: list[int], k: int) -> int:
    """Attach the words of the entity span that starts at word k to each other; return
    the index in ``mains`` of its last word."""
    ent = ws[mains[k]].ent
    j = k
    while j + 1 < len(mains) and ws[mains[j + 1]].ent == ent:
        j += 1
    _span_internal(ws, [mains[m] for m in range(k, j + 1)], ws[mains[k]].ent_label)
    return j


def _span_internal(ws: list[W], toks: list[int], label: str) -> None:
    """A person's name is ``flat``; any other name a construct chain (``nmod``) with its
    adjectives (``amod``): جامعة الدول العربية."""
    head = toks[0]
    if label == "Person":
        for t in toks[1:]:
            # فيصل الثاني: the ordinal of a ruler's name describes it
            attach(ws, t, head, "amod" if "NumType=Ord" in ws[t].feats else "flat")
        return
    chain = [head]
    for t in toks[1:]:
        if ws[t].upos == "ADJ":
            attach(ws, t, chain[0] if len(chain) == 1 else _adj_host(ws, chain, ws[t]), "amod")
        elif ws[t].upos in ("NOUN", "PROPN", "NUM"):
            attach(ws, t, chain[-1], "nmod")
            chain.append(t)
        else:
            attach(ws, t, chain[-1], "flat")


def _adj_host(ws: list[W], chain: list[int], adj: W) -> int:
    definite = ws[chain[-1]].definite or ws[chain[-1]].upos == "PROPN"
    for c in reversed(chain):
        if agree(adj, ws[c], definite):
            return c
    return chain[-1]


# ------------------------------------------------------- growing a noun phrase


@dataclass
class _Growth:
    """A noun phrase growing to the right."""

    unit: Unit
    chain: list[int]  # the construct chain: the head, its genitive, that one's genitive ...
    has_suffix: bool  # the chain's last noun has a pronoun suffix: it governs no genitive
    last_adj: int = -1  # the latest adjective (one closes the construct)
    named: bool = False  # a name after the title closes the phrase (… أحمد عطاف | المبعوث الأممي)


def _extend_np(ws: list[W], mains: list[int], k: int, unit: Unit) -> int:
    """Grow a noun phrase to the right from word k: construct state, adjectives, numbers,
    brackets; return the index of the first word it does not take."""
    if ws[unit.head].upos == "PRON":
        return k  # a pronoun takes no adjective or genitive (شارك فيه ممثلون: a new phrase)
    g = _Growth(unit, [unit.head], has_suffix(ws, unit.head))
    while k < len(mains):
        if g.named and ws[mains[k]].form != "(":
            break
        after = _take_word(ws, mains, k, g)
        if after is None:
            break
        k = after
    return k


def _take_word(ws: list[W], mains: list[int], k: int, g: _Growth) -> int | None:
    """Attach word k to the growing phrase if it belongs to it; return the index after
    what it took, or None when the phrase ends before it."""
    i = mains[k]
    w = ws[i]
    last = ws[g.chain[-1]]
    if w.ent >= 0 and w.ent != ws[g.unit.head].ent:
        return _name_in_np(ws, mains, k, g)
    for unit in (g.chain[-1], g.last_adj):  # الحادي عشر من أبريل, الجولة الثانية عشرة
        if unit >= 0 and teen_ordinal(ws, unit, i):
            return _took(ws, k, i, g, unit, "flat")  # one ordinal
    coordinated = _coordinated_genitive(ws, mains, k, g)
    if coordinated is not None:
        return coordinated
    if w.upos == "ADJ" and w.ent < 0 and g.last_adj >= 0 and conj_clitic_only(ws, i):
        attach(ws, i, g.last_adj, "conj")  # جماعات كردية وعربية
        g.unit.last = last_tok(ws, i)
        return k + 1
    if time_side(ws, g.unit.head, i) and not first_has_clitic(ws, i):
        return _took(ws, k, i, g, g.unit.head, "amod")  # يومي الأحد والاثنين الماضيين
    if possessed_nisba(ws, g.chain, g.has_suffix, i) and not first_has_clitic(ws, i):
        w.upos = "ADJ"  # نظيرته الفرنسية: a nisba read as a noun (the French language)
        g.last_adj = i
        return _took(ws, k, i, g, g.unit.head, "amod")
    if _describes_counted(ws, g, w):
        # 11 عنصرا متورطين في ...: a plural participle describes the counted people
        w.upos = "ADJ"
        g.last_adj = i
        return _took(ws, k, i, g, g.unit.head, "amod")
    if w.upos == "ADJ" and w.ent < 0 and not first_has_clitic(ws, i):
        return _adjective(ws, k, i, g)
    governs = can_govern(last) and not g.has_suffix and g.last_adj < 0
    # (an adjective closes the construct: طائرات مسيرة | قاعدة عسكرية)
    if is_number(w) and w.upos != "NUM" and not first_has_clitic(ws, i) and governs:
        return _counted_genitive(ws, mains, k, g)  # مقتل خمسين مسلحا
    if w.upos in ("NOUN", "PROPN", "X") and not first_has_clitic(ws, i) and governs:
        if opens_object(ws, mains, k, g.chain):
            return None  # شنت طائرات غارات: the verb's subject, then its object
        _genitive(ws, i, g)
        g.unit.tail = i
        g.has_suffix = has_suffix(ws, i)
        return k + 1
    return _take_small_word(ws, mains, k, g)


def _coordinated_genitive(ws: list[W], mains: list[int], k: int, g: _Growth) -> int | None:
    """N1 N2 وN3 ADJ (هيئة الطرق والجسور الوطنية): a definite noun joined by و to the
    genitive of a construct, then a definite adjective that agrees with the construct's
    head and not with that noun: the noun is the genitive's conjunct and the adjective the
    head's, one phrase; return the index after the adjective, or None.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> text = "وقال جهاز الأمن والمخابرات الليبي إن الوفد وصل."
    >>> s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    >>> [(t.form, t.upos, t.deprel, t.head) for t in s.tokens][3:7]
    [('الأمن', 'NOUN', 'nmod', 3), ('و', 'CCONJ', 'cc', 6), ('المخابرات', 'NOUN', 'conj', 4),
     ('الليبي', 'ADJ', 'amod', 3)]
    """
    i = mains[k]
    w = ws[i]
    if (
        len(g.chain) < 2
        or g.last_adj >= 0
        or g.has_suffix
        or k + 1 >= len(mains)
        or w.upos not in ("NOUN", "ADJ")
        or not w.definite
        or w.ent >= 0
        or not conj_clitic_only(ws, i)
    ):
        return None
    a = mains[k + 1]
    adj, head = ws[a], ws[g.chain[0]]
    if (
        adj.upos != "ADJ"
        or adj.ent >= 0
        or first_has_clitic(ws, a)
        or head.upos != "NOUN"
        or not agree(adj, head, True)
        or agree(adj, w, True)
        or _nisba_fits(adj, w, True)
    ):
        return None
    w.upos = "NOUN"
    attach(ws, i, g.chain[-1], "conj")
    attach(ws, a, g.chain[0], "amod")
    g.last_adj = a
    g.unit.last = last_tok(ws, a)
    return k + 2


def _describes_counted(ws: list[W], g: _Growth, w: W) -> bool:
    """Whether w, an indefinite plural participle, describes the noun a number counts
    (11 عنصرا إرهابيا متورطين): after 11 to 99 the counted noun is singular, what
    describes it plural."""
    head = ws[g.unit.head]
    return (  # (the word's own features first: the look for a number is the longest)
        head.number == "s"
        and w.upos in ("NOUN", "ADJ")
        and w.ntype in ("ap", "pp")
        and w.number == "p"
        and not w.definite
        and w.ent < 0
        and not first_has_clitic(ws, w.i)
        and any(t.head == head.i and t.deprel == "nummod" for t in ws[: head.i])
    )


def _take_small_word(ws: list[W], mains: list[int], k: int, g: _Growth) -> int | None:
    """The words after a noun that are not its genitive or adjective: غير + adjective,
    نفسه, جدا, a number, a post-posed demonstrative, a bracketed name."""
    i = mains[k]
    w = ws[i]
    nxt = mains[k + 1] if k + 1 < len(mains) else -1
    if w.norm == "غير" and nxt >= 0 and ws[nxt].upos == "ADJ" and ws[nxt].word != w.word:
        after = _adjective(ws, k + 1, nxt, g)  # التعاون غير الرسمي
        if after is not None:
            attach(ws, i, nxt, "advmod")
        return after
    if w.norm in ("نفس", "ذات") and has_suffix(ws, i) and not first_has_clitic(ws, i):
        if ws[g.chain[-1]].definite or ws[g.chain[-1]].ent >= 0:
            return _took(ws, k, i, g, g.chain[-1], "appos")  # في الوقت نفسه: the same time
    if w.norm == "جدا" and g.last_adj >= 0:
        return _took(ws, k, i, g, g.last_adj, "advmod")  # خطوة مهمة جدا
    if (
        w.upos == "NUM"
        and not first_has_clitic(ws, i)
        and not (nxt >= 0 and ws[nxt].upos == "NOUN" and not ws[nxt].definite)
    ):
        return _took(ws, k, i, g, g.chain[-1], "nummod")  # المادة 5
    if w.tag == "det" and nxt >= 0 and ws[nxt].upos == "NUM":  # الـ68
        attach(ws, i, nxt, "det")
        return _took(ws, k + 1, nxt, g, g.chain[0], "nummod")
    if (
        w.tag == "dem"
        and w.ent < 0
        and (nxt < 0 or (ws[nxt].upos not in ("NOUN", "ADJ") and ws[nxt].tag != "rel"))
    ):
        attach(ws, i, g.chain[0], "det")  # الاجتماع هذا (but أولئك الذين: a phrase of its own)
        return k + 1
    quoted = _quoted_name(ws, mains, k, g)
    if quoted is not None:
        return quoted
    if (
        w.form == "("
        and k + 2 < len(mains)
        and ws[mains[k + 2]].form == ")"
        and ws[mains[k + 1]].nominal
    ):
        return _bracketed(ws, mains, k, g)
    return None


def _took(ws: list[W], k: int, i: int, g: _Growth, head: int, rel: str) -> int:
    """Attach token i (word k) to ``head`` inside the phrase; return the next word's index."""
    attach(ws, i, head, rel)
    g.unit.last = last_tok(ws, i)
    return k + 1


def _counted_genitive(ws: list[W], mains: list[int], k: int, g: _Growth) -> int:
    """A number word and what it counts as the genitive of the chain's last noun; the
    counted noun heads it (مقتل خمسين مسلحا)."""
    head, after = number_phrase(ws, mains, k)
    _genitive(ws, head, g)
    g.unit.last = last_tok(ws, mains[after - 1])
    g.unit.tail = head
    g.has_suffix = has_suffix(ws, head)
    return after


def _genitive(ws: list[W], i: int, g: _Growth) -> None:
    """Token i is the genitive of the chain's last noun (وزير الخارجية)."""
    attach(ws, i, g.chain[-1], "nmod")
    g.chain.append(i)
    g.unit.last = last_tok(ws, i)


def _name_in_np(ws: list[W], mains: list[int], k: int, g: _Growth) -> int | None:
    """A name after the phrase: the genitive of a construct (رئيس مصر), or in apposition to
    a designator (العاصمة السعودية الرياض, مدينة الموصل) or to a title (وزير الخارجية أحمد
    عطاف); else the phrase ends before it."""
    i = mains[k]
    w = ws[i]
    head = ws[g.unit.head]
    # (an adjective closes the construct: ضرب زلزال قوي إقليم بلخ, the province is the
    # verb's object, not the earthquake's genitive)
    if can_govern(ws[g.chain[-1]]) and not g.has_suffix and not _closed_by_adjective(ws, g, w):
        to, rel = g.chain[-1], "nmod"
    elif (
        is_designator(head)
        and not definite_body(head)
        and not _honorific_state(ws, g.unit.head)
        and head.ent < 0
        and not first_has_clitic(ws, i)
        and w.ent_label not in ("Person", "TimeExpression")
    ):
        to, rel = g.unit.head, "appos"
    elif (
        w.ent_label == "Person"
        and not prep_clitic(ws, i)  # التقى الرئيس بماكرون: whom he met, not his name
        and (_is_title_head(ws, g.chain) or _role_before_name(ws, g))
    ):
        if appointee(ws, g.unit.head, i):
            return None  # عين الرئيس سامي حداد وزيرا: the name is the one appointed
        name = [mains[m] for m in range(k, _name_span(ws, mains, k) + 1)]
        if foreign_to_title(ws, list(range(g.unit.first, i)), name):
            return None  # استقبل الرئيس التونسي ماكرون: a French president, the one received
        to, rel = g.unit.head, "appos"
        g.named = True
    else:
        return None
    j = _name_span(ws, mains, k)
    attach(ws, i, to, rel)
    if rel == "nmod":
        g.chain.append(i)
        g.unit.tail = i
    g.unit.last = last_tok(ws, mains[j])
    return j + 1


def _closed_by_adjective(ws: list[W], g: _Growth, w: W) -> bool:
    """Whether an adjective that agrees with its noun has closed the construct before the
    name w (ضرب زلزال قوي إقليم بلخ: the province is not the earthquake's genitive; but
    وزير خارجية الجزائر, a noun read as a nisba, goes on). Only a name opening with a common noun (إقليم,
    مدينة, وزارة): a bare name after an adjective may be a nisba misread (تركية)."""
    if g.last_adj < 0 or w.upos != "NOUN":
        return False
    adj = ws[g.last_adj]
    host = ws[adj.head] if adj.head >= 0 else None
    return host is not None and host.upos == "NOUN" and agree(adj, host, host.definite)


def _role_before_name(ws: list[W], g: _Growth) -> bool:
    """المؤرخ ديفيد, القس ويليام, شقيقه أحمد: a definite singular noun (by its article or a
    possessor), with nothing but adjectives after it and no preposition before it, right
    before a person's name is what that person is (the title lexicon lists only offices)."""
    head = ws[g.unit.head]
    return (
        len(g.chain) == 1
        and head.upos in ("NOUN", "ADJ")
        and (head.definite or has_suffix(ws, head.i))
        and head.number != "p"
        and head.ent < 0
        and not head.vnoun
        and not is_designator(head)
        and not is_body(head)  # اعتقلت الشرطة سامر خليل: the police are not named so
        # not the object of a preposition: الأمين العام للحزب كريم فهمي
        and not first_has_clitic(ws, head.i)
        and not (g.unit.first > 0 and ws[g.unit.first - 1].upos == "ADP")
    )


def _adjective(ws: list[W], k: int, i: int, g: _Growth) -> int | None:
    """An adjective describes a noun of the chain that agrees with it; with none, a noun
    that can govern takes it as its genitive (وزير الخارجية, وزراء خارجية)."""
    w = ws[i]
    # سمو ولي العهد: the first word of a two-word title is the honorific's genitive
    host = None if _opens_title(ws, i) else _adjective_host(ws, g.chain, w)
    if host is not None:
        attach(ws, i, host, "amod")
        g.last_adj = i
        g.unit.last = last_tok(ws, i)
        return k + 1
    if can_govern(ws[g.chain[-1]]) and not g.has_suffix:
        # an adjective-capable noun as a genitive: وزير الخارجية, وزراء خارجية
        w.upos = "NOUN"
        _genitive(ws, i, g)
        g.unit.tail = i
        g.has_suffix = has_suffix(ws, i)
        return k + 1
    return None


#: دولة, a designator of states, is also the honorific of a prime minister.
_STATE = normalize("دولة")


def _honorific_state(ws: list[W], i: int) -> bool:
    """دولة right before a title (دولة رئيس الوزراء): the honorific, no state's name after."""
    return ws[i].norm == _STATE and title_tok(ws, i + 1)


def _opens_title(ws: list[W], i: int) -> bool:
    """Whether word i begins a two-word title (ولي العهد): a noun, not an adjective."""
    nxt = ws[i + 1].form if i + 1 < len(ws) else None
    return nxt is not None and " " in (title_at([ws[i].form, nxt], 0) or "")


def _adjective_host(ws: list[W], chain: list[int], adj: W) -> int | None:
    """The noun of the chain an adjective describes: the nearest that agrees in gender,
    number and definiteness; failing that, in an indefinite phrase, the nearest a relative
    adjective fits whatever its gender (سوق شعبي). The definiteness is the whole phrase's,
    its last noun's."""
    last = ws[chain[-1]]
    definite = last.definite or last.upos == "PROPN" or last.ent >= 0 or has_suffix(ws, chain[-1])
    if last.upos == "PROPN" and last.ent < 0 and not last.definite:
        definite = adj.definite  # دولار أمريكي: a word tagged as a name but naming nothing
    for strict in (True, False):  # gender agreement first, then definiteness alone
        for c in reversed(chain):
            if (
                ws[c].upos == "PROPN"
                and ws[c].norm not in MONTHS_WITH_ORDINALS
                and any(ws[x].upos == "NOUN" for x in chain if x != c)
            ):
                continue  # حساب كلينتون المصرفي: the account is the banking one, not Clinton
            if agree(adj, ws[c], definite) if strict else _nisba_fits(adj, ws[c], definite):
                return c
    return None


def _nisba_fits(adj: W, noun: W, definite: bool) -> bool:
    """سوق شعبي: a relative adjective is attributive even when genders disagree; by
    definiteness alone only for indefinite pairs (a definite noun of another gender after a
    definite phrase is more often the next argument)."""
    if (
        adj.definite
        and definite
        and noun.definite
        and adj.gender == "f"
        and adj.number == "s"
        and noun.upos == "NOUN"
        and not human(noun)
        and not noun.vnoun
        and not noun.norm.endswith(("ه", "ون", "ين", "ان"))
    ):
        return True  # القطع العسكرية: a broken plural of things whose lexicon reading is singular
    return (
        not adj.definite
        and not definite
        and adj.ntype == "nisba"
        and not (noun.number == "p" and adj.number == "s" and human(noun))
    )


#: Quotation marks that open a quoted name, with the mark that closes it.
QUOTES = {"«": "»", "“": "”", '"': '"'}
#: A quoted name after a noun has at most this many words.
QUOTED_NAME_WORDS = 4


def _quoted_name(ws: list[W], mains: list[int], k: int, g: _Growth) -> int | None:
    """وكالة "الأناضول", عملية "طوفان الأقصى": a short quoted run of nominal words after
    a noun in the construct state is its name, the noun's genitive (not a phrase of its
    own, let alone a subject). The index after the closing mark, or None."""
    w = ws[mains[k]]
    last = ws[g.chain[-1]]
    if w.form not in QUOTES or not can_govern(last) or g.has_suffix or last.upos != "NOUN":
        return None
    close = QUOTES[w.form]
    for m in range(k + 2, min(k + 2 + QUOTED_NAME_WORDS, len(mains))):
        if ws[mains[m]].form != close:
            continue
        inner = mains[k + 1 : m]
        if not all(ws[i].upos in ("NOUN", "PROPN", "ADJ", "X") for i in inner):
            return None
        if first_has_clitic(ws, inner[0]):
            return None
        attach(ws, inner[0], g.chain[-1], "nmod")
        for i in inner[1:]:
            attach(ws, i, inner[0], "flat")
        attach(ws, mains[k], inner[0], "punct")
        attach(ws, mains[m], inner[0], "punct")
        g.unit.last = last_tok(ws, mains[m])
        g.chain.append(inner[0])
        g.has_suffix = True  # the name closes the construct
        return m + 1
    return None


def _bracketed(ws: list[W], mains: list[int], k: int, g: _Growth) -> int:
    """A word in brackets after the phrase: its genitive if the phrase can govern one,
    else in apposition (منظمة الصحة العالمية (WHO))."""
    inner = mains[k + 1]
    rel = "nmod" if can_govern(ws[g.chain[-1]]) and not g.has_suffix else "appos"
    attach(ws, inner, g.chain[-1] if rel == "nmod" else g.unit.head, rel)
    attach(ws, mains[k], inner, "punct")
    attach(ws, mains[k + 2], inner, "punct")
    g.unit.last = mains[k + 2]
    return k + 3


def _is_title_head(ws: list[W], chain: list[int]) -> bool:
    return any(title_tok(ws, c) for c in chain[:2])


# ------------------------------------------------------- prepositional phrases


def prepositional_phrases(ws: list[W], units: list[Unit]) -> list[Unit]:
    """Merge prepositions with the noun phrase after them into PP units; a noun phrase
    whose word carries a preposition (بالعراق) is a PP too."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        u = units[k]
        merged = _preposition_and_np(ws, units, k) if u.kind == "ADP" else None
        if merged is not None:
            pp, k = merged
            out.append(pp)
            continue
        out.append(_with_clitic_case(ws, u) if u.kind == "NP" else u)
        k += 1
    return out


def _preposition_and_np(ws: list[W], units: list[Unit], k: int) -> tuple[Unit, int] | None:
    """The preposition at unit k (with the ones fixed after it: إضافة إلى, بالنسبة إلى, and
    brackets) and the noun phrase after it, as one PP; returns it and the index after it."""
    u = units[k]
    j = k + 1
    fixed: list[int] = []
    while j < len(units) and units[j].kind == "ADP":
        fixed.append(units[j].head)
        j += 1
    brackets: list[int] = []
    while j < len(units) and units[j].kind == "PUNCT" and ws[units[j].head].form == "(":
        brackets.append(units[j].head)
        j += 1
    quoted = _quoted_np(ws, units, j) if not brackets else False
    if quoted:
        attach(ws, units[j].head, units[j + 1].head, "punct")  # لـ"رويترز", باسم "حماس"
        attach(ws, units[j + 2].head, units[j + 1].head, "punct")
        j += 1
    if j >= len(units) or units[j].kind != "NP":
        return None
    np = units[j]
    attach(ws, u.head, np.head, "case")
    for f in fixed:
        attach(ws, f, u.head, "fixed")
    for b in brackets:
        attach(ws, b, np.head, "punct")
    if (
        j + 1 < len(units)
        and brackets
        and units[j + 1].kind == "PUNCT"
        and ws[units[j + 1].head].form == ")"
    ):
        attach(ws, units[j + 1].head, np.head, "punct")
        j += 1
    case = " ".join([u.case or normalize(ws[u.head].form)] + [normalize(ws[f].form) for f in fixed])
    if quoted:
        j += 1  # the closing quotation mark
    return Unit("PP", np.head, u.first, units[j].last, case=case, tail=np.tail), j + 1


#: Quotation marks that open and close a quoted name.
_QUOTES = {'"': '"', "«": "»", "“": "”"}


def _quoted_np(ws: list[W], units: list[Unit], j: int) -> bool:
    """An opening quotation mark at unit j, one noun phrase, and its closing mark right
    after it: a quoted name (وفقا لـ"رويترز", المتحدث باسم "حماس"), which a preposition
    before it governs as it would the bare name."""
    if j + 2 >= len(units) or units[j].kind != "PUNCT" or units[j + 1].kind != "NP":
        return False
    close = _QUOTES.get(ws[units[j].head].form)
    return (
        close is not None
        and units[j + 2].kind == "PUNCT"
        and ws[units[j + 2].head].form == close
        and units[j + 1].first == units[j].last + 1
    )


def _with_clitic_case(ws: list[W], u: Unit) -> Unit:
    """A noun phrase whose head word starts with a preposition (بالعراق) as a PP."""
    clitic_case = [
        m for m in range(u.first, u.head) if ws[m].tag == "prep" and ws[m].word == ws[u.first].word
    ]  # on the head's word, or on the first word's (لكل دولة, بمليون دولار)
    if not clitic_case:
        return u
    case = normalize(ws[clitic_case[0]].form)
    return Unit("PP", u.head, u.first, u.last, case=case, tail=u.tail)

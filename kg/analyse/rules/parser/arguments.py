"""Level 3 of the parser: what a noun phrase is in its clause.

The clause pass hands every noun phrase and prepositional phrase to :func:`nominal`, with
the innermost clause's frame. The phrase either belongs to a phrase before it (a conjunct
``conj``, a listed name, إضافة إلى X ``nmod``, a PP that modifies the noun before it, a
title or a name in ``appos``, a verbal noun's object) or to the clause: it waits until
the predicate comes (:func:`~.frames.take_pending`), or becomes the predicate's subject,
object, oblique (``obl``, ``obl:tmod``), ``xcomp`` of كان, or a circumstantial participle
(``advcl``) and its complement.
"""

from __future__ import annotations

from ....lexicon.words import HONORIFICS
from ....text import normalize
from .appositions import number_genitive, title_apposition
from .frames import Frame
from .phrases import NP_KINDS, Unit
from .words import (
    ADDITION_NOUNS,
    PARTITIVES,
    SPEECH_VERBS,
    URGE_VERBS,
    W,
    accusative,
    agentive,
    attach,
    carries_subject,
    event_noun,
    has_suffix,
    human,
    intransitive,
    is_speech_participle,
    noun_takes,
    place_like,
    reattach,
    time_like,
    title_tok,
    verb_takes,
)

#: Entity labels whose names can be listed without و (كالسعودية العراق وتركيا).
_LISTED_LABELS = ("Country", "City", "Organization", "Region")
#: Prepositions after a title that give what it is the title of (المتحدث باسم, السفير لدى,
#: المبعوث إلى).
_TITLE_PREPS = ("ل", "لدي", "الي")
#: Participles that need their complement even without the article (خاصة بالذكور): a
#: PP after an indefinite one of the others (مظاهرات حاشدة في فرنسا) describes the noun.
_COMPLEMENT_PARTICIPLES = frozenset(
    normalize(w)
    for w in "خاص مرتبط متعلق تابع مسؤول قادر واقع موجود مخصص مكلف مسلط متورط ضالع متهم مختص متخصص معني مشتبه ناشط".split()
)
#: Nouns of preparing whose ل phrase is what is prepared (التخطيط لهجمات, الإعداد للقمة),
#: not the purpose of the clause.
_PREPARING_NOUNS = frozenset(normalize(w) for w in "تخطيط اعداد تحضير تجهيز".split())
#: Nouns of a state of affairs that a talk is about (بحثا الأزمة في ليبيا, ناقشوا الأوضاع
#: في المنطقة, حقوق الإنسان في X): a في phrase right after such a definite noun says where that state is, not
#: where the talk took place.
_SITUATION_NOUNS = frozenset(
    normalize(w) for w in "ازمة حرب صراع نزاع وضع اوضاع تطورات ملف قضية مسالة حق حقوق".split()
)
#: Participles of time: a PP after العام الماضي belongs to the clause.
_TIME_PARTICIPLES = frozenset(
    normalize(w) for w in "ماض مقبل قادم حالي جار منصرم فائت لاحق سابق تالي".split()
)
#: Participles of scheduling: a time after them is the date set (المقررة في الخامس من مايو).
_SCHEDULING_PARTICIPLES = frozenset(normalize(w) for w in "مقرر مرتقب مزمع محدد منتظر".split())
#: Words after من that make a compound preposition (من أجل) or an adverb (من جديد): the
#: phrase is the clause's purpose or manner, not a part of the noun before it.
_NOT_PARTITIVE = frozenset(normalize(w) for w in "أجل جديد".split())
#: Compound prepositions of means and concession: their phrase belongs to the clause.
_CLAUSE_COMPOUNDS = frozenset(("من خلال", "بالرغم من", "علي الرغم من"))


def nominal(ws: list[W], f: Frame, u: Unit, prev: Unit | None, cc: int) -> None:
    """Attach noun phrase ``u`` in clause ``f`` (``prev``: the unit before it; ``cc``: a
    pending و/ف).

    A conjunct joins the phrase before it; the others are the verb's subject, object
    and oblique:

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> parsed("وقع العراق والأردن اتفاقية في عمان.")
    [('وقع', 'root', 0), ('العراق', 'nsubj', 1), ('و', 'cc', 4), ('الأردن', 'conj', 2),
     ('اتفاقية', 'obj', 1), ('في', 'case', 7), ('عمان', 'obl', 1), ('.', 'punct', 1)]
    """
    if _joins_phrase_before(ws, f, u, prev, cc):
        return
    if f.pred < 0:
        f.pending.append(u)
        return
    if _circumstantial_clause(ws, f, u, prev) or _hal_complement(ws, f, u):
        return
    _clause_argument(ws, f, u)
    f.units.append(u)


def _joins_phrase_before(ws: list[W], f: Frame, u: Unit, prev: Unit | None, cc: int) -> bool:
    """The rules that attach the phrase to a phrase before it, in order; the first that
    applies wins."""
    return (
        _coordinated(ws, f, u, prev, cc)
        or _listed_name(ws, f, u, prev)
        or _example_of(ws, f, u, prev)
        or _added(ws, f, u)
        or _pp_on_noun(ws, f, u, prev)
        or title_apposition(ws, u, prev)
        or _stacked_title(ws, f, u, prev)
        or _title_of_object(ws, f, u, prev)
        or _verbal_noun_object(ws, f, u, prev)
        or number_genitive(ws, u, prev)
    )


# ---------------------------------------------- phrases that join a phrase before


def _coordinated(ws: list[W], f: Frame, u: Unit, prev: Unit | None, cc: int) -> bool:
    """A noun phrase after و joins the previous noun phrase of this clause; a PP after و
    whose preposition is the one of the PP right before it joins that PP's noun (للجيش
    وللأمم المتحدة: two parallel phrases, not the second the genitive of the first)."""
    if cc < 0 or prev is None or not f.units + f.pending:
        return False
    if u.kind == "PP" and prev.kind == "PP" and u.case and u.case == prev.case:
        first = f.coord_first.get(prev.head, prev.head)
        reattach(ws, u.head, first, "conj")
        attach(ws, cc, u.head, "cc")
        f.coord_first[u.head] = first
        if prev in f.units:
            f.units.append(u)
        return True
    if _name_like_pp_noun(ws, u, prev) or _definite_like_recipient(ws, u, prev):
        # قدمت السعودية دعما للعراق واليمن: a name of the class of the name in the PP right
        # before joins that name (the second recipient), not the object the PP hangs on
        assert prev is not None
        first = f.coord_first.get(prev.head, prev.head)
        reattach(ws, u.head, first, "conj")
        attach(ws, cc, u.head, "cc")
        f.coord_first[u.head] = first
        return True
    target = _last_np(f)
    if target is None or not (f.pred < 0 or u.kind == target.kind or u.kind == "NP"):
        return False
    first = _first_conjunct(ws, f, target, ws[u.head])
    reattach(ws, u.head, first, "conj")
    attach(ws, cc, u.head, "cc")
    f.coord_first[u.head] = first
    f.units.append(Unit(target.kind, u.head, u.first, u.last, case=u.case))
    return True


def _name_like_pp_noun(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """Whether the noun phrase after و is a name of the same class as the name that heads
    the PP right before it, and that PP hangs on a noun (a recipient or a complement)."""
    if prev is None or prev.kind != "PP" or u.kind != "NP" or u.case:
        return False
    a, b = ws[prev.head], ws[u.head]
    return (
        a.ent >= 0
        and b.ent >= 0
        and a.ent_label == b.ent_label
        and a.deprel == "nmod"
        and a.head >= 0
        and ws[a.head].upos == "NOUN"
    )


def _definite_like_recipient(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """Whether the noun phrase after و is a definite common noun and the ل phrase right
    before it is a definite noun on an indefinite one (قدمت الوزارة تمويلا للمدارس
    والمستشفيات): it is a second recipient, as definite as the first; the indefinite
    thing given would not take a definite conjunct."""
    if prev is None or prev.kind != "PP" or prev.case != "ل" or u.kind != "NP" or u.case:
        return False
    a, b = ws[prev.head], ws[u.head]
    return (
        a.definite
        and b.definite
        and b.upos == "NOUN"
        and a.deprel == "nmod"
        and a.head >= 0
        and ws[a.head].upos == "NOUN"
        and not ws[a.head].definite
    )


def _first_conjunct(ws: list[W], f: Frame, target: Unit, w: W) -> int:
    """The conjunct the new one joins: the first of the list ``target`` is in, or the
    genitive at the end of its construct chain."""
    first = f.coord_first.get(target.head, target.head)
    if (
        w.ent >= 0
        and target.tail >= 0
        and ws[target.tail].ent_label == w.ent_label
        and ws[first].ent < 0
    ):
        return target.tail  # وفدا الجيش السوداني وقوات الدعم السريع: the names are coordinated
    if (
        first == target.head
        and target.tail > target.head
        and not ws[target.head].definite
        and w.definite
        and ws[target.tail].definite
        and ws[target.tail].upos == "NOUN"
        and not title_tok(ws, target.head)
        and not human(w)
        and w.ent < 0
    ):
        return target.tail  # عقود الرعاية والإعلانات: a definite noun joins the genitive
    return first


def _last_np(f: Frame) -> Unit | None:
    """The clause's latest noun phrase (before its predicate, the waiting ones count)."""
    for u in reversed(f.pending + f.units if f.pred < 0 else f.units):
        if u.kind in NP_KINDS:
            return u
    for u in reversed(f.pending):
        if u.kind in NP_KINDS:
            return u
    return None


def _listed_name(ws: list[W], f: Frame, u: Unit, prev: Unit | None) -> bool:
    """Names listed without و (كالسعودية العراق وتركيا); only inside a list: غزا العراق
    الكويت is subject and object, not two subjects."""
    w = ws[u.head]
    if not (
        prev is not None
        and prev.kind in NP_KINDS
        and u.kind == "NP"
        and w.ent >= 0
        and ws[prev.head].ent >= 0
        and ws[prev.head].ent_label == w.ent_label
        and w.ent_label in _LISTED_LABELS
        and (
            prev.case == "ك" or prev.head in f.coord_first or _list_goes_on(ws, u.last, w.ent_label)
        )
    ):
        return False
    first = f.coord_first.get(prev.head, prev.head)
    reattach(ws, u.head, first, "conj")
    f.coord_first[u.head] = first
    f.units.append(Unit(prev.kind, u.head, u.first, u.last, case=prev.case))
    return True


def _list_goes_on(ws: list[W], last: int, label: str) -> bool:
    """Whether و and a name of the same kind follow: كالسعودية العراق وتركيا."""
    k = last + 1
    return (
        k + 1 < len(ws)
        and ws[k].upos == "CCONJ"
        and ws[k + 1].ent >= 0
        and ws[k + 1].ent_label == label
    )


def _example_of(ws: list[W], f: Frame, u: Unit, prev: Unit | None) -> bool:
    """Members listed after a comma (..., كالمملكة المتحدة وفرنسا): examples of the plural
    noun before."""
    if u.kind != "PP" or u.case != "ك" or prev is None or prev.kind != "PUNCT":
        return False
    listed = _plural_before(ws, f, u.head)
    if listed < 0:
        return False
    attach(ws, u.head, listed, "nmod")
    f.units.append(u)
    return True


def _plural_before(ws: list[W], f: Frame, before: int) -> int:
    """The nearest plural noun phrase head of the clause before token ``before``."""
    heads = [u.head for u in f.units + f.pending if u.kind in NP_KINDS and u.head < before]
    for h in sorted(heads, reverse=True):
        if ws[h].number == "p":
            return h
    return max(heads) if heads else -1


def _added(ws: list[W], f: Frame, u: Unit) -> bool:
    """إضافة إلى X / بالإضافة إلى X: one more of the latest subject or object."""
    words = u.case.split()
    if (
        u.kind != "PP"
        or not words
        or not (words[0] in ADDITION_NOUNS or words[-1] in ADDITION_NOUNS)
    ):
        return False
    added = (
        f.last_arg
        if f.last_arg >= 0
        else next((p.head for p in reversed(f.pending) if p.kind == "NP"), -1)
    )
    if added < 0:
        return False
    attach(ws, u.head, added, "nmod")
    f.units.append(u)
    return True


def _pp_on_noun(ws: list[W], f: Frame, u: Unit, prev: Unit | None) -> bool:
    """A PP right after a noun phrase that modifies that noun (:func:`_pp_to_noun`), or
    the participle that ends it (:func:`_participle_complement`)."""
    if u.kind != "PP" or prev is None or prev.kind not in NP_KINDS:
        return False
    if _participle_complement(ws, prev, u) and not _verb_wants(ws, f, prev, u):
        attach(ws, u.head, prev.last, "obl")
        return True
    if not _pp_to_noun(ws, prev, u, f):
        return False
    # هجوم قوات النظام ضد X, مقتل خمسة عناصر من التنظيم: the last noun of the chain
    # (unless the head takes the preposition: تحذير الأرصاد من العاصفة)
    tail = prev.tail >= 0 and not noun_takes(ws[prev.head], u.case)
    host = prev.tail if u.case in ("ضد", "من") and tail else prev.head
    attach(ws, u.head, host, "nmod")
    return True


def _verb_wants(ws: list[W], f: Frame, prev: Unit, pp: Unit) -> bool:
    """Whether the clause's verb, before the phrase, takes this preposition (the lexicon)
    and has no phrase with it yet: انتقل الوفد المفاوض إلى القاهرة."""
    return (
        f.pred >= 0
        and f.pred < prev.head
        and verb_takes(ws[f.pred], pp.case)
        and not any(
            u.kind == "PP" and u.case == pp.case and ws[u.head].head == f.pred for u in f.units
        )
    )


#: The bodies a title with a posting serves: an organisation or a group (not a country:
#: ملك الأردن في عمان, سفير كندا في عمان are where the clause takes place).
_SERVED = ("Organization", "Group")


def _posting(ws: list[W], prev: Unit, pp: Unit) -> bool:
    """A title with the organisation it serves (مبعوث الأمم المتحدة) followed by
    في and a country: the country is where the office is (the envoy in Yemen), not where
    the clause's action takes place (a city stays open: يلتقي سفير الاتحاد في عمّان)."""
    body = any(ws[k].ent_label in _SERVED for k in range(prev.head + 1, prev.last + 1))
    return title_tok(ws, prev.head) and body and ws[pp.head].ent_label == "Country"


def _participle_complement(ws: list[W], prev: Unit, pp: Unit) -> bool:
    """المقر الخاص بالشركة, السجن الموجود تحت المحكمة, القوات التابعة للجيش: a definite
    participle describing the noun takes the PP right after it as its complement, as its
    verb would (not a participle of time: العام الماضي في ...)."""
    w = ws[prev.last]
    return (
        prev.last == pp.first - 1
        and w.upos == "ADJ"
        and w.deprel == "amod"
        and w.ntype in ("ap", "pp")
        and (
            normalize(w.lemma) in _COMPLEMENT_PARTICIPLES
            or (w.definite and pp.case != "ل")  # الجماعات المسلحة لمدينة حمص: the noun's ل
        )
        and w.ent < 0
        and " " not in pp.case
        and normalize(w.lemma) not in _TIME_PARTICIPLES
        and not time_like(ws[w.head])
        # (a participle of scheduling takes its date: الانتخابات المقررة في العاشر من أكتوبر)
        and (not time_like(ws[pp.head]) or normalize(w.lemma) in _SCHEDULING_PARTICIPLES)
    )


def _pp_to_noun(ws: list[W], prev: Unit, pp: Unit, f: Frame) -> bool:
    """Whether a PP right after a noun phrase modifies that noun rather than the verb: ل and
    من usually do, and so does the complement of an event noun."""
    noun = ws[prev.head]
    if noun.upos not in ("NOUN", "PROPN", "ADJ", "NUM", "X", "SYM", "PRON"):
        return False
    if pp.case in _CLAUSE_COMPOUNDS or (pp.case == "من" and ws[pp.head].norm in _NOT_PARTITIVE):
        return False  # من خلال, بالرغم من, من أجل: the clause's means, concession, purpose
    if noun_takes(noun, pp.case) or pp.case == "مثل":
        return True  # هجوم على, زيارة إلى, سيطرة على; دول مثل مصر
    if (
        pp.case in ("في", "ب")
        and (
            not noun.definite or (noun.number == "p" and pp.case == "في" and not ws[pp.head].vnoun)
        )
        and not event_noun(ws[pp.head])  # قتل مدنيين في قصف: the killing's, not theirs
        and not time_like(ws[pp.head])  # وزير الخارجية في وقت لاحق: when, not where
        and prev.tail < 0  # no genitive: مسؤول, شركاء إقليميين
        and noun.upos in ("NOUN", "ADJ")
        and human(noun)
    ):
        return True  # مسؤول في التحالف, الأشقاء في الكويت: where the people belong
    if noun.vnoun and prev.kind == "PP" and prev.case == "ل":
        return True  # للحصول على قرض: a purpose clause's verbal noun keeps its complement
    if pp.case == "ل" and normalize(noun.lemma).removeprefix("ال") in _PREPARING_NOUNS:
        return True  # التخطيط لهجمات: what is planned
    definite = noun.definite or (prev.tail >= 0 and ws[prev.tail].definite)
    if pp.case == "في" and definite and _situation(noun):
        return True  # ناقشا الأزمة في ليبيا: the crisis in Libya, not a talk held there
    if pp.case == "ل" and prev.kind == "PP" and noun.vnoun and not noun.definite:
        return True  # قتلوا في تبادل لإطلاق النار, في محاولة لاقتحام: the noun's complement
    if pp.case == "ل" and ws[pp.head].vnoun and f.pred >= 0 and f.pred < prev.head:
        return False  # وقعت اتفاقا مع الصندوق للحصول على ...: the purpose of the verb
    if _verb_wants(ws, f, prev, pp):
        return False  # the verb's own prepositional object: حذر ... من, التقى ... ب
    if pp.case == "من" and noun.ent < 0 and noun.upos in ("NOUN", "ADJ", "NUM"):
        return True  # نسخة من الرواية, مستويات مرتفعة من التلوث: the whole or the source
    if title_tok(ws, prev.head) and (
        pp.case in _TITLE_PREPS or (pp.case == "ب" and ws[pp.head].norm == "اسم")
    ):
        return True  # المتحدث باسم, السفير لدى, المبعوث إلى
    if pp.case == "في" and _posting(ws, prev, pp):
        return True  # مبعوث الأمم المتحدة في اليمن: where the office is, not where it happens
    if pp.case == "ل" and noun.upos != "PRON":
        return True
    if pp.case == "من" and (
        noun.norm.removeprefix("ال") in PARTITIVES or noun.upos == "NUM" or noun.vnoun
    ):
        return True
    if noun.vnoun:
        return True
    if f.pred < 0:
        return True
    if pp.case == "بين" and (noun.deprel == "nmod" or event_noun(noun)):
        return True  # التوقيع على الاتفاقية بين مصر والأردن: between whom the thing is
    if pp.case == "في" and noun.deprel == "nmod" and event_noun(noun):
        return True  # ... من مؤتمر رجال الأعمال في الرياض: where the event inside the phrase is
    return pp.case == "ضد" and noun.upos in ("NOUN", "PROPN")


def _situation(noun: W) -> bool:
    """Whether a noun names a state of affairs (أزمة, حرب, أوضاع): :data:`_SITUATION_NOUNS`."""
    return normalize(noun.lemma).removeprefix("ال") in _SITUATION_NOUNS or (
        normalize(noun.form).removeprefix("ال") in _SITUATION_NOUNS
    )


def _stacked_title(ws: list[W], f: Frame, u: Unit, prev: Unit | None) -> bool:
    """قال نائب رئيس الوزراء وزير الخارجية الأردني أيمن الصفدي: a second title phrase that
    names its holder, right after a title phrase that names none, is the same person's
    second title (``appos``) where the clause wants no object: before its verb, or after a
    verb of saying whose subject the first title is."""
    if not (
        u.kind == "NP"
        and prev is not None
        and prev.kind == "NP"
        and ws[u.head].ent < 0
        and title_tok(ws, u.head)
        and title_tok(ws, prev.head)
        and not _names_person(ws, prev.first, prev.last)
        and _names_person(ws, u.first, min(u.last + 1, len(ws) - 1))
    ):
        return False
    speech = f.pred >= 0 and normalize(ws[f.pred].lemma) in SPEECH_VERBS and f.subj == prev.head
    if f.pred >= 0 and not speech:
        return False
    reattach(ws, u.head, prev.head, "appos")
    if f.pred < 0:
        f.units.append(u)
    return True


def _title_of_object(ws: list[W], f: Frame, u: Unit, prev: Unit | None) -> bool:
    """اختطف مسلحون سامي حداد رئيس البلدية: a title phrase right after the clause's object,
    a person's name, is that person's title (``appos``), not a second object (a post in the
    accusative, عين X وزيرا, stays the verb's).

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> s = RulesAnalyser().analyse(next(from_strings(["خطف مسلحون سامي حداد رئيس البلدية."])))
    >>> [(t.form, t.deprel, t.head) for t in s.sentences[0].tokens if t.form in ("سامي", "رئيس")]
    [('سامي', 'obj', 1), ('رئيس', 'appos', 3)]
    """
    if not (
        u.kind == "NP"
        and prev is not None
        and prev.kind == "NP"
        and f.pred >= 0
        and ws[u.head].ent < 0
        and title_tok(ws, u.head)
        and not accusative(ws, u.head)
        and not ws[u.head].tanween
    ):
        return False
    name = prev.head
    if ws[name].ent_label != "Person" or ws[name].deprel != "obj" or ws[name].head != f.pred:
        return False
    reattach(ws, u.head, name, "appos")
    return True


def _names_person(ws: list[W], a: int, b: int) -> bool:
    return any(ws[k].ent_label == "Person" for k in range(a, b + 1))


#: Verbal nouns of imposing or launching whose doer comes as a genitive name and whose
#: object follows as a bare noun (عقب فرض لندن عقوبات على موسكو, بعد شن الجيش غارات).
_DOER_FIRST_NOUNS = frozenset(normalize(w) for w in "فرض شن توجيه".split())


def _verbal_noun_object(ws: list[W], f: Frame, u: Unit, prev: Unit | None) -> bool:
    """A verbal noun takes an accusative object (إحرازهم تقدمًا); after a verbal noun of
    imposing and its doer, a name (عقب فرض لندن عقوبات على موسكو), a bare noun is the
    object too, however it is spelt.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> s = RulesAnalyser().analyse(next(from_strings(["وجاء ذلك قبل فرض كندا رسوما على الصلب."])))
    >>> [(t.form, t.deprel, t.head) for t in s.sentences[0].tokens if t.form == "رسوما"]
    [('رسوما', 'obj', 5)]
    """
    if prev is not None and _doer_then_object(ws, u, prev):
        attach(ws, u.head, prev.head, "obj")
        return True
    if not (
        u.kind == "NP"
        and prev is not None
        and prev.kind == "NP"
        and ws[prev.head].vnoun
        and ws[u.head].tanween
        and accusative(ws, u.head)
        and prev.head not in (f.subj, f.obj)
        and not (f.pred >= 0 and f.obj < 0 and ws[f.pred].upos == "VERB")
    ):
        return False
    attach(ws, u.head, prev.head, "obj")
    return True


def _doer_then_object(ws: list[W], u: Unit, prev: Unit | None) -> bool:
    """Whether u is the bare object of a verbal noun of :data:`_DOER_FIRST_NOUNS` whose
    phrase ends with its doer's name right before u."""
    if u.kind != "NP" or prev is None or prev.kind not in NP_KINDS or u.first != prev.last + 1:
        return False
    noun, doer, obj = ws[prev.head], ws[prev.last], ws[u.head]
    return (
        noun.norm.removeprefix("ال") in _DOER_FIRST_NOUNS
        and prev.last > prev.head
        and doer.ent >= 0
        and doer.ent_label != "TimeExpression"
        and obj.upos == "NOUN"
        and obj.ent < 0
        and not obj.definite
        and not has_suffix(ws, u.head)
    )


# ------------------------------------------------------ the clause's arguments


def _circumstantial_clause(ws: list[W], f: Frame, u: Unit, prev: Unit | None) -> bool:
    """..., مضيفا أن / معربًا عن قلقه: after a comma, a speech participle or an accusative
    active participle (a حال) is a second predicate of the same subject (``advcl``)."""
    if not (
        u.kind == "NP"
        and (is_speech_participle(ws[u.head]) or _circumstantial(ws, u))
        and (
            (prev is not None and prev.kind == "PUNCT")
            or (
                is_speech_participle(ws[u.head])
                and (_content_follows(ws, u.last) or _preposition_follows(ws, u))
            )
        )
    ):
        return False
    attach(ws, u.head, f.pred, "advcl")
    for k in range(u.head + 1, u.last + 1):
        if (
            ws[k].head == u.head
            and ws[k].deprel == "nmod"
            and ws[k].definite
            and ws[k].upos == "NOUN"
        ):
            reattach(ws, k, u.head, "obj")  # داعية الطرفين: the participle's object, not a genitive
    f.hal, f.hal_last = u.head, u.last
    return True


#: What opens a speech participle's content right after it: علق قائلا إن / قائلة: «...».
_CONTENT_OPENERS = frozenset({"ان", ":", '"', "«", "“"})


def _content_follows(ws: list[W], last: int) -> bool:
    """Whether the reported content starts right after word ``last`` (a complementiser, a
    colon or an opening quotation mark): then a speech participle with no comma before it
    (علق المتحدث قائلا إن ...) is still the subject's second predicate, not an object."""
    return last + 1 < len(ws) and ws[last + 1].norm in _CONTENT_OPENERS


def _preposition_follows(ws: list[W], u: Unit) -> bool:
    """Whether a preposition follows phrase ``u``: a speech participle with no comma before
    it, its phrase then a preposition (خرج المحتجون داعين إلى ..., تحدث الوزير داعيا الأطراف
    إلى ...), is the subject's second predicate with what it is about, not an object."""
    return (
        u.first == u.head
        and u.last + 1 < len(ws)
        and ws[u.last + 1].upos == "ADP"
        and normalize(ws[u.head].lemma) in _PREDICATE_PARTICIPLES
    )


#: Speech participles that are never a noun of their own (not متهم, accused; مطالب,
#: demands; داعية, a preacher): before a preposition they are a second predicate.
_PREDICATE_PARTICIPLES = frozenset(
    normalize(w) for w in "داع مؤكد مشير مشدد محذر منوه مضيف لافت معتبر موضح".split()
)


def _circumstantial(ws: list[W], u: Unit) -> bool:
    """معربًا عن قلقه, مشددًا على: an indefinite accusative active participle (a حال)
    describes the subject while it acts; it is a second predicate, not an object."""
    w = ws[u.head]
    return w.ntype == "ap" and not w.definite and w.acc and u.first == u.head


def _hal_complement(ws: list[W], f: Frame, u: Unit) -> bool:
    """داعيا الطرفين إلى استئناف المفاوضات: a PP right after the participle's phrase is what
    it calls for; a definite noun between a participle read as an adjective and such a PP
    (داعين الحكومة إلى) is its object."""
    if f.hal < 0 or u.first != f.hal_last + 1:
        return False
    if (
        u.kind == "NP"
        and f.hal_last == f.hal
        and ws[u.head].definite
        and ws[f.hal].upos == "ADJ"
        and u.last + 1 < len(ws)
        and ws[u.last + 1].upos == "ADP"
    ):
        # داعين الحكومة إلى: a participle read as an adjective takes no genitive, so the
        # definite noun right after it came apart; before the preposition of what it calls
        # for, it is the participle's object
        attach(ws, u.head, f.hal, "obj")
        f.hal_last = u.last
        return True
    if u.kind != "PP":
        return False
    attach(ws, u.head, f.hal, "obl")
    f.hal_last = u.last
    return True


def _clause_argument(ws: list[W], f: Frame, u: Unit) -> None:
    """A phrase that depends on the clause's predicate: an oblique (PP, time, place), the
    predicate of كان, or the subject or object."""
    w = ws[u.head]
    if u.kind == "PP":
        if f.rel_subject and w.tag == "pron":
            # ... unless a resumptive pronoun (الذي شارك فيه X): then X is the subject
            f.subj = -1
            f.rel_subject = False
        attach(ws, u.head, f.pred, "obl")
    elif time_like(w):
        attach(ws, u.head, f.pred, "obl:tmod")
    elif place_like(w) and u.kind == "NP":
        attach(ws, u.head, f.pred, "obl")  # شمال مالي: where, not who or what
    elif ws[f.pred].upos == "AUX" and f.subj >= 0:
        attach(ws, u.head, f.pred, "xcomp")  # كان X Y: Y is the predicate of كان
    elif _object_of_shared_subject(ws, f, w):
        # استقبل X Y وبحث معه الأزمة: the second verb shares the subject; its noun is the object
        f.obj = u.head
        f.last_arg = u.head
        attach(ws, u.head, f.pred, "obj")
    else:
        _subject_or_object(ws, f, u)


def _object_of_shared_subject(ws: list[W], f: Frame, w: W) -> bool:
    """A verb that shares the first verb's subject takes the next noun phrase as its object
    (unless it is one that acts, and the verbs differ in kind)."""
    return (
        f.shared_subject
        and f.subj < 0
        and f.obj < 0
        and (
            not agentive(w)
            or _urges_like_first(ws, f)
            or (f.purpose and f.shared_gender == ws[f.pred].gender)
        )
        and not has_suffix(ws, f.pred)
    )


def _urges_like_first(ws: list[W], f: Frame) -> bool:
    v = ws[f.pred]
    first = ws[f.parent] if f.parent >= 0 else None
    return (
        v.upos == "VERB"
        and normalize(v.lemma) in URGE_VERBS
        and first is not None
        and first.upos == "VERB"
        and bool(v.gender)
        and first.gender == v.gender
    )


def _subject_or_object(ws: list[W], f: Frame, u: Unit) -> None:
    """The first free slot the phrase can fill: the subject (not when the verb carries its
    own, the phrase is accusative or disagrees in gender), the object, else an oblique."""
    w = ws[u.head]
    pred = ws[f.pred]
    passive = "Voice=Pass" in pred.feats
    counted = any(ws[k].deprel == "nummod" and ws[k].head == u.head for k in range(u.first, u.head))
    # قُتل 12 شخصا, انشق عشرون نائبا: the accusative of a counted noun is the number's, the
    # subject of a verb that takes no object
    acc = w.tanween and accusative(ws, u.head) and not (counted and intransitive(pred))
    if _topic_resumed(ws, f, u) and not acc:
        # المركز هاجمه مسلحون: the noun before the verb is what its pronoun stands for,
        # the one after it does the action
        reattach(ws, f.subj, f.pred, "dislocated")
        f.subj = u.head
        f.last_arg = u.head
        attach(ws, u.head, f.pred, "nsubj")
    elif f.subj < 0 and not carries_subject(pred) and not acc and not _gender_clash(ws, pred, u):
        f.subj = u.head
        f.last_arg = u.head
        attach(ws, u.head, f.pred, "nsubj:pass" if passive else "nsubj")
    elif f.obj < 0 and not has_suffix(ws, f.pred) and not _after_possessed_action(ws, u):
        f.obj = u.head
        f.last_arg = u.head
        attach(ws, u.head, f.pred, "obj")
    else:
        attach(ws, u.head, f.pred, "obl")


def _topic_resumed(ws: list[W], f: Frame, u: Unit) -> bool:
    """Whether the noun before the verb is resumed by the verb's object pronoun and a
    noun that can act follows the verb right away: then that noun is the subject."""
    pred = ws[f.pred]
    if f.subj < 0 or f.subj > f.pred or f.kind == "relcl" or not has_suffix(ws, f.pred):
        return False
    pron, topic, w = ws[f.pred + 1], ws[f.subj], ws[u.head]
    return (
        pred.upos == "VERB"
        and "Voice=Pass" not in pred.feats
        and not carries_subject(pred)
        and u.first == f.pred + 2
        and u.kind == "NP"
        and agentive(w)
        and pron.gender == (topic.gender or pron.gender)
        and pron.number == ("p" if topic.number == "p" and human(topic) else "s")
    )


def _after_possessed_action(ws: list[W], u: Unit) -> bool:
    """A noun phrase right after a verbal noun with its possessive, past the verb (أفرجت
    عنها بعد قضائها عقوبة): the action noun's object, not the verb's (the extractor reads
    it on the noun)."""
    k = u.first - 1  # the possessive pronoun
    if k < 1 or ws[k].tag != "pron" or ws[k - 1].word != ws[k].word:
        return False
    noun = ws[k - 1]
    return noun.upos == "NOUN" and noun.vnoun and noun.i > 0


def _gender_clash(ws: list[W], pred: W, u: Unit) -> bool:
    """A singular noun right after a verb of the other gender is not its subject
    (استهدف قاعدة: a feminine subject needs استهدفت)."""
    w = ws[u.head]
    if (
        pred.upos != "VERB"
        or pred.person[:1] != "3"
        or pred.number not in ("s", "")
        or not pred.gender
    ):
        return False
    if u.first != pred.i + 1 or w.upos != "NOUN" or w.number != "s" or not w.gender or w.ent >= 0:
        return False
    return w.gender != pred.gender and not _honorific_before_title(ws, u.head)


#: Honorifics of men written as feminine nouns (فخامة، جلالة، دولة before رئيس الوزراء):
#: the verb agrees with the man they honour.
_HONORIFICS = HONORIFICS | {normalize("دولة")}


def _honorific_before_title(ws: list[W], i: int) -> bool:
    """Whether word i is an honorific with a title or a name after it (تسلم فخامة الرئيس،
    وصل دولة رئيس الوزراء): the subject of a masculine verb despite its ة."""
    nxt = i + 1
    return (
        ws[i].norm in _HONORIFICS
        and nxt < len(ws)
        and (title_tok(ws, nxt) or ws[nxt].upos == "PROPN")
    )

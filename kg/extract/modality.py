"""Modality: whether the article says a fact happened, or only that it is planned, denied,
someone's claim, or depends on a condition.

Read from the tree around the fact's predicate, one general rule per kind of marker:

- **planned**: a future particle on the predicate (سـ، سوف, ``will``), or the predicate is
  the complement of a planning word (يعتزم زيارة، من المقرر أن يلتقي، يُتوقع أن يصل،
  يرتقب، من المنتظر، يزمع، ينوي، يخطط، يستعد ل), or is coordinated with, or the purpose
  of, a planned predicate (سيتوجه إلى الرياض ليلتقي); or an imperfect verb with a coming
  time (يصل مساء اليوم، يزور الأسبوع المقبل) or of taking part in an event said to come
  (يشارك في القمة المرتقبة). What is done during an event told as planned in an
  earlier sentence is planned too (:mod:`kg.extract.state`).
- **negated**: a negation particle on the predicate (لم، لن، لا، ليس, ``not``; ما only
  when the analyser marks it ``Polarity=Neg``: ما before a verb is a relative pronoun
  more often), دون أن / بدون أن, or the predicate is what a denial verb denies (نفى أن
  يكون التقى) or a negated plan (لا يعتزم، ليس من المقرر أن), or an event said not to
  take place (لم تنطلق المفاوضات). لا يزال / ما زال (still) are not negations.
- **conditional**: the predicate is in a clause marked by إذا، لو، في حال (or inside
  one), is the answer of such a clause (إذا ... فسوف يلتقي), or has one after it
  (سيوقع الاتفاقية إذا وافق البرلمان); or it is what would have been, a future particle
  after كان (وكان الجيش سيشارك: was to take part; كان من المقرر أن stays planned, a
  schedule the article reports).
- **reported**: the predicate is inside what a speech verb reports (قال إن، أفادت
  تقارير بأن، نقلت وكالة عن مصادر أن), or carries an attribution (بحسب، حسب، وفقا لـ،
  نقلا عن). The speech fact itself (``X said S``) stays asserted: the article states
  that X said it.
- **asserted** otherwise.

When markers of several kinds meet, the strongest wins, in the order of
:data:`PRECEDENCE` (لن يلتقي is negated, not planned; قالت مصادر إنه سيزور is planned).
"""

from __future__ import annotations

from ..dates import MONTH_WORDS
from ..model import ASSERTED, CONDITIONAL, NEGATED, PLANNED, REPORTED
from ..text import normalize, strip_diacritics
from ..vocab import SPEECH_RELATIONS
from .holding import CALLING, HOLDING, called_gathering
from .tree import Tree
from .words import MONTHS, NEGATIONS, OPENING_QUOTES, PURPOSE_MARKS, QUOTE_MARKS

#: Strongest first: the modality a fact gets when markers of several kinds apply.
PRECEDENCE = (CONDITIONAL, NEGATED, PLANNED, REPORTED)

#: Future particles on a verb (compared after normalising).
FUTURE = frozenset({"س", "سوف", "will", "shall"})
#: Lemmas (normalised, without diacritics) of words whose complement is planned or
#: expected, not done: verbs (يعتزم، يتوقع), what parties agree to do (اتفقا على أن
#: يزور), what is put off to a later day (تأجيل الزيارة، أرجأ التوقيع; not the verb أجّل,
#: whose lemma is the noun of من أجل), the nouns of من المقرر أن / من المنتظر أن, and وشيك
#: (imminent: هجوم وشيك).
PLANNING = frozenset(
    normalize(w)
    for w in (
        "اعتزم عزم أزمع زمع نوى خطط تخطيط ارتقب ترقب توقع مقرر متوقع منتظر مرتقب مزمع مفترض استعد وشيك "
        "انتظر اتفق تأجيل إرجاء أرجأ "
        "plan intend expect schedule"
    ).split()
)
#: Planning words that, as an adjective on an event noun, mean "alleged", not
#: "scheduled" (الهجوم الكيميائي المفترض: the supposed attack; من المفترض أن يزور is planned).
ALLEGED = frozenset(normalize(w) for w in "مفترض".split())
#: Planning words as an adjective on an event noun (القمة المرتقبة، الزيارة المقررة).
PLANNING_ADJECTIVES = PLANNING - ALLEGED
#: Lemmas of verbs and nouns of deciding on or calling for an act (قرر، دعا إلى، طالب،
#: طلب، قرار، دعوة): the decision is done, and only some of what it decides is to come.
DECIDING = frozenset(normalize(w) for w in "قرر دعا طالب طلب اقترح قرار دعوة".split())
#: Verbal nouns of going somewhere (التوجه، السفر، الزيارة، العودة): decided on or called
#: for, the journey is to come (قرر التوجه إلى الجزائر), as is an event decided to be held
#: (:data:`kg.extract.holding.HOLDING`: قررت الحكومة إجراء الانتخابات في أكتوبر). A
#: decided appointment or dismissal (قرر تعيين X) is the decision's effect and stays
#: asserted.
GOING = frozenset(normalize(w) for w in "توجه سفر زيارة ذهاب عودة رحلة انتقال".split())
#: Verbs of putting off (أرجأ، أجّل: the verb أجّل is safe here, the noun of من أجل is
#: no verb): the new date of what they put off (أرجأ الزيارة إلى الشهر المقبل) is planned.
PUT_OFF = frozenset(normalize(w) for w in "أرجأ أجل".split())
#: Lemmas of verbs and nouns of charging someone with a task (كلفه بتشكيل الحكومة،
#: تكليفه بتأسيس هيئة): the body one is charged with forming is to come.
TASKING = frozenset(normalize(w) for w in "كلف تكليف أوكل فوض تفويض".split())
#: Verbal nouns of what one goes somewhere to do, after ل (يتوجه إلى موسكو لإجراء محادثات،
#: لحضور القمة، للقاء نظيره): the purpose is to come.
PURPOSES = frozenset(normalize(w) for w in "إجراء عقد حضور مشاركة لقاء توقيع زيارة بحث".split())
#: The verbs of those acts, in a purpose clause in ل / كي (وصل إلى باريس ليلتقي نظيره،
#: توجه إلى القمة ليشارك فيها): what one arrives or sets out to do is still to come.
PURPOSE_VERBS = frozenset(
    normalize(w) for w in "التقى لقي اجتمع قابل أجرى عقد حضر شارك وقع زار بحث".split()
)
#: Nouns of a visit, whose purpose in ل is still to come (زيارة للأردن لبحث الأزمة).
VISITS = frozenset(normalize(w) for w in "زيارة جولة".split())
#: Nouns of preparing for something (تحضيرا لقمة، الاستعدادات للزيارة، تمهيدا للمحادثات):
#: what is prepared for is to come. Not words of scheduling: the time of an event told
#: after them is not a scheduled one (الاستعدادات للقمة التي عقدت أمس).
PREPARING = frozenset(normalize(w) for w in "تحضير استعداد تمهيد".split())
#: Verbal nouns of forming (تشكيل): a body one is charged with forming is to come.
FORMING = frozenset(normalize(w) for w in "تشكيل تأسيس".split())
#: Lemmas of verbs whose clausal complement is denied (نفى أن يكون التقى).
DENIAL = frozenset(normalize(w) for w in ("نفى أنكر deny".split()))
#: Verbs that a preceding لا / ما make "still", not "not" (لا يزال، ما زال).
STILL = frozenset(normalize(w) for w in ("زال برح فتئ انفك".split()))
#: Words that name a coming time on an imperfect verb: tomorrow, the lemmas of
#: المقبل / القادم, and weekdays (definite: الأحد, not أحد "one of").
TOMORROW = frozenset(normalize(w) for w in ("غدا غدًا غد الغد tomorrow".split()))
COMING = frozenset(normalize(w) for w in ("مقبل قادم".split()))
#: في وقت لاحق (later), الأسبوع الجاري (this week): on an imperfect verb, to come.
LATER = frozenset(normalize(w) for w in "لاحق جار جاري حالي".split())
#: Spans of time that هذا / هذه make current, and so to come on an imperfect verb (يزور
#: الهند هذا الأسبوع، تستضيف هذا الشهر); not the year, in which the present is habitual.
THIS_SPANS = frozenset(normalize(w) for w in "أسبوع شهر".split())
DEMONSTRATIVES = frozenset(normalize(w) for w in "هذا هذه".split())
#: Parts of a day: with اليوم on an imperfect verb (يصل مساء اليوم), later today.
DAY_PARTS = frozenset(normalize(w) for w in ("صباح مساء ظهر عصر ليلة ليل".split()))
#: The word day (يوم) and its dual in the construct state (يومي 5 و6 يونيو).
DAYS = frozenset(normalize(w) for w in "يوم يومي".split())
WEEKDAYS = frozenset(normalize(w) for w in ("سبت أحد اثنين إثنين ثلاثاء أربعاء خميس جمعة".split()))
#: Relations that give an event's place and time.
ATTRIBUTES = frozenset({"location", "pointInTime"})
#: Relations read from noun phrases (titles, memberships, places): such a fact takes only
#: its own markers when its predicate is a noun (see :func:`modality`).
STATE_RELATIONS = frozenset(
    {
        "holdsPosition",
        "leaderOf",
        "ledBy",
        "memberOf",
        "affiliatedWith",
        "spokespersonOf",
        "locatedIn",
    }
)
#: Subordinators of conditions (إذا، لو; في حال is a noun phrase, see :func:`_conditional`).
CONDITIONS = frozenset({"اذا", "لو", "لولا", "if", "unless"})
#: Prepositions that mark a clause as not done (دون أن يلتقي).
WITHOUT = frozenset({"دون", "بدون", "without"})
#: Prepositions that attribute what a clause says to a source (بحسب مصادر).
ATTRIBUTIONS = frozenset({"بحسب", "حسب", "وفق", "وفقا", "نقلا", "according"})
#: Relations through which a clause inherits its head's planned or conditional modality.
INHERITS = frozenset({"xcomp", "conj", "advcl"})
#: Parts of speech and relations of a nominal predicate that is an argument of a clause.
NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "PRON", "NUM"})
ARGUMENTS = frozenset(
    {"nsubj", "obj", "iobj", "obl", "nmod", "appos", "flat", "compound", "amod", "conj", "dep"}
)
#: Relations of a nominal predicate that a clause brings about (ستشهد الزيارة محادثات:
#: the talks), and so shares the clause's planned modality; a subject (الزيارة) is given.
BROUGHT_ABOUT = frozenset({"obj", "iobj", "obl"})
#: Relations that tie a noun to the noun of its phrase (ستستضيف جولة من المفاوضات بين
#: A و B: the talks are in the phrase of the round the clause brings about).
PHRASE_LINKS = frozenset({"nmod", "amod", "conj", "appos", "flat", "compound"})
#: Lemmas of verbs by which an event that is their subject takes place (ستنطلق المحادثات،
#: تجري الانتخابات، ستنعقد القمة): that event is as planned as the verb.
OCCUR = frozenset(
    normalize(w)
    for w in (
        "جرى انطلق انعقد عقد بدأ أقيم أجري استأنف استؤنف اختتم انتهى التأم نظم تنظم انطلاق تم "
        "take start begin open convene"
    ).split()
)
#: Relations of a complement to a planning or denial word.
COMPLEMENTS = frozenset({"ccomp", "xcomp", "csubj", "obj"})
#: Relations through which a planning noun governs what is planned (التخطيط لعمليات
#: تستهدف ...: obl, then acl).
NOUN_LINKS = frozenset({"obl", "nmod", "acl"})


def modality(tree: Tree, pred: int, relation: str = "") -> str:
    """The modality of a fact whose predicate is token ``pred`` (0: no predicate, asserted).

    A nominal predicate that is an object of a clause takes the planned, conditional or
    reported modality of that clause (ستشهد الزيارة محادثات: the talks are planned, not
    the visit that is the subject), but not its negation (لم يحضر القمة في جوهانسبرغ: the summit was held). A ``state`` fact
    read from a noun phrase (:data:`STATE_RELATIONS`: the title of وزير الخارجية in the
    subject of a planned meeting, or of the one met in يعتزم لقاء المستشار) takes only its
    own markers: what a
    clause says of its events is not said of its participants' titles. A speech fact
    (``said`` and its kind) is never *reported*: the article states who said it. The
    place and time of an event are not denied with a participant's part in it (لم يحضر
    القمة في لشبونة: the summit was in Lisbon), so they are never negated.

    >>> from kg.model import Sentence, Token
    >>> def tree(*rows):
    ...     toks = tuple(Token(i, f, f, u, h, r, i, i + 1, feats=x)
    ...                  for i, (f, u, h, r, x) in enumerate(rows, 1))
    ...     return Tree(Sentence(0, 0, len(rows), "", toks))
    >>> t = tree(("س", "AUX", 2, "aux", "_"), ("يلتقي", "VERB", 0, "root", "_"))
    >>> modality(t, 2), modality(t, 0)
    ('planned', 'asserted')
    >>> t = tree(("اعتزم", "VERB", 0, "root", "_"), ("زيارة", "NOUN", 1, "obj", "_"))
    >>> modality(t, 2), modality(t, 1)
    ('planned', 'asserted')
    >>> t = tree(("لن", "PART", 2, "advmod", "Polarity=Neg"), ("يحضر", "VERB", 0, "root", "_"))
    >>> modality(t, 2)
    'negated'
    >>> t = tree(("إذا", "SCONJ", 2, "mark", "_"), ("فاز", "VERB", 0, "root", "_"),
    ...          ("ف", "CCONJ", 5, "cc", "_"), ("سوف", "PART", 5, "aux", "_"),
    ...          ("يلتقي", "VERB", 2, "parataxis", "_"))
    >>> modality(t, 2), modality(t, 5)
    ('conditional', 'conditional')
    """
    if not pred:
        return ASSERTED
    found = tree.modalities.get((pred, relation))
    if found is None:  # a function of the tree: once per predicate and relation
        kinds = _kinds(tree, pred, relation)
        if relation in ATTRIBUTES:
            kinds.discard(NEGATED)
        found = next((m for m in PRECEDENCE if m in kinds), ASSERTED)
        tree.modalities[(pred, relation)] = found
    return found


def _kinds(tree: Tree, pred: int, relation: str) -> set[str]:
    kinds = _predicate_kinds(tree, pred, relation)
    if relation in ATTRIBUTES and _scheduled(tree, pred) and not _realised(tree, pred):
        kinds.add(PLANNED)
    return kinds


def _realised(tree: Tree, i: int) -> bool:
    """Whether token i is in the noun phrase of an event that a verb in the past tense
    says took place (عقدت القمة المرتقبة، انتهت المحادثات المقبلة): what was expected
    came."""
    clause = next((a for a in tree.ancestors(i) if tree.tok(a).upos == "VERB"), 0)
    return bool(clause) and _brought_about(tree, i, clause) == "occurs" and _perfect(tree, clause)


def _scheduled(tree: Tree, pred: int) -> bool:
    """Whether an event's place or time hangs on a word saying it is scheduled (الانتخابات
    المقررة في مايو، الزيارة التي كانت مقررة في أبريل) or on a verb putting it off (أرجأ
    الزيارة إلى الشهر المقبل): a date planned, not one it took place."""
    t = tree.tok(pred)
    if t.upos == "VERB":
        return _lemma(tree, pred) in PUT_OFF
    if t.upos == "ADJ":  # الانتخابات المقررة في مايو; not الهجوم المفترض (alleged)
        return _lemma(tree, pred) in PLANNING_ADJECTIVES
    return t.upos == "NOUN" and _lemma(tree, pred) in PLANNING


def _predicate_kinds(tree: Tree, pred: int, relation: str) -> set[str]:
    speech, state = relation in SPEECH_RELATIONS, relation in STATE_RELATIONS
    saying = speech or relation == "reported"
    if saying and tree.base_rel(pred) == "advcl" and not _purpose_marked(tree, pred):
        # ذكرت الوكالة أن اللقاء سيعقد في القدس، مشيرة إلى ...; يجتمع الوزراء غدا، حسبما
        # أكده المتحدث: the saying is the speaker's, whatever clause a parse hangs it on;
        # what it says is to come, not its saying (ليعلن, a purpose, is to come)
        return _own(tree, pred)
    if tree.tok(pred).upos in NOMINAL and tree.base_rel(pred) in ARGUMENTS:
        if state:  # a title or membership: only what is said of the noun itself
            return _own(tree, pred) | _tasked(tree, pred)
        clause = next((a for a in tree.ancestors(pred) if tree.tok(a).upos == "VERB"), 0)
        how = _brought_about(tree, pred, clause) if clause else ""
        kinds = _own(tree, pred) | _governed(tree, pred) | _purpose(tree, pred)
        if not _realised(tree, pred):  # عقدت القمة المرتقبة: what was expected took place
            kinds |= _planned_noun(tree, pred)
        if how:
            # لم تنطلق المحادثات، لم يتم التوقيع: an event that did not take place is
            # negated; لم يحضر القمة says nothing against the summit
            carried = {PLANNED, CONDITIONAL, REPORTED} | ({NEGATED} if how == "occurs" else set())
            managing = how == "object" and _lemma(tree, clause) in MANAGING
            if managing:  # لم تتمكن الشرطة من اعتقاله: the arrest did not happen
                carried.add(NEGATED)
            clause_kinds = modality_kinds(tree, clause, speech)
            kinds |= clause_kinds & carried
            if how == "object" and _lemma(tree, clause) in FAILING and NEGATED not in clause_kinds:
                kinds.add(NEGATED)  # فشلت الشرطة في اعتقاله: no arrest either
        return kinds
    kinds = modality_kinds(tree, pred, speech)
    if not state:
        kinds |= _at_planned_event(tree, pred)
    if not state and tree.tok(pred).upos in NOMINAL:
        kinds |= _planned_noun(tree, pred)  # a headline: زيارة مرتقبة للرئيس إلى المغرب
    return kinds


def _purpose_marked(tree: Tree, i: int) -> bool:
    """Whether clause i is opened by a mark of purpose (ل، كي: ليعلن)."""
    return any(normalize(tree.tok(m).form) in PURPOSE_MARKS for m in tree.children(i, "mark"))


def _purpose(tree: Tree, i: int) -> set[str]:
    """Planned when token i is what the verb it hangs on is done for (لإجراء محادثات،
    لحضور القمة), or what a visit is made for (في زيارة للأردن لبحث الأزمة وللمشاركة في
    المؤتمر: the second purpose, as the first)."""
    if _lemma(tree, i) not in PURPOSES or tree.case(i) != "ل":
        return set()
    h = tree.tok(i).head
    while h and tree.base_rel(i) == "conj" and tree.case(h) == "ل":
        i, h = h, tree.tok(h).head  # لبحث الأزمة وللمشاركة: as لبحث
    if not h:
        return set()
    if tree.tok(h).upos == "VERB" and tree.base_rel(i) in ("obl", "advcl"):
        return {PLANNED}
    if tree.tok(h).upos == "NOUN" and _lemma(tree, h) in VISITS:
        return {PLANNED}
    return set()


def _tasked(tree: Tree, i: int) -> set[str]:
    """Planned when token i is forming what someone is charged with forming (كلفه بتشكيل
    الحكومة: he is to head it once it is formed; كلفها برئاسة الحكومة heads it now)."""
    h = tree.tok(i).head
    forming = normalize(tree.tok(i).form) in FORMING
    if h and forming and tree.case(i) == "ب" and _lemma(tree, h) in TASKING:
        return {PLANNED}
    return set()


def _phrase_top(tree: Tree, i: int) -> int:
    """The head of the noun phrase token i is in (جولة of جولة من المفاوضات)."""
    while tree.base_rel(i) in PHRASE_LINKS:
        h = tree.tok(i).head
        if not h or tree.tok(h).upos not in NOMINAL:
            break
        i = h
    return i


def _brought_about(tree: Tree, pred: int, clause: int) -> str:
    """How the noun phrase of a nominal predicate is what its clause brings about: as
    its object (``"object"``: ستستضيف جولة من المفاوضات), or as the event that takes place
    as the verb says (``"occurs"``: ستنطلق المحادثات، تعقد القمة); "" otherwise."""
    top = _phrase_top(tree, pred)
    if tree.tok(top).head != clause:
        return ""
    rel = tree.base_rel(top)
    if rel in BROUGHT_ABOUT:
        return "object"
    occurs = _lemma(tree, clause) in OCCUR or tree.tok(clause).feat("Voice") == "Pass"
    return "occurs" if rel == "nsubj" and occurs else ""


#: Verbs whose complement is their subject's own act (تمكن من، نجح في، استطاع): negated,
#: they say the act did not happen; verbs of failing (فشل في، أخفق في، عجز عن) say so
#: themselves.
MANAGING = frozenset(normalize(w) for w in "تمكن نجح استطاع".split())
FAILING = frozenset(normalize(w) for w in "فشل أخفق عجز".split())

#: Adjectives of a near time on an event noun (اجتماع قريب: an upcoming meeting).
NEAR = frozenset(normalize(w) for w in "قريب".split())


def timing_word(tree: Tree, j: int) -> bool:
    """Whether token j is an adjective saying an event is expected or to come that a
    parse hung as a bare genitive (اجتماع مرتقب للملك: مرتقب read as a noun), no party."""
    return (
        tree.base_rel(j) == "nmod"
        and not tree.has_case(j)
        and _lemma(tree, j) in PLANNING_ADJECTIVES | COMING | NEAR
        and tree.tok(j).feat("Definite") != "Def"
    )


def said_to_come(tree: Tree, i: int) -> bool:
    """Whether event noun i is said to be expected or to come (اجتماع قريب، القمة المرتقبة).

    >>> from kg.model import Sentence, Token
    >>> toks = (
    ...     Token(1, "اجتماع", "اجتماع", "NOUN", 0, "root", 0, 6),
    ...     Token(2, "قريب", "قريب", "ADJ", 1, "amod", 7, 11),
    ... )
    >>> said_to_come(Tree(Sentence(0, 0, 11, "اجتماع قريب", toks)), 1)
    True
    """
    return bool(_planned_noun(tree, i))


def _planned_noun(tree: Tree, i: int) -> set[str]:
    """Planned when an event noun, or a noun of its phrase, is said to be expected or to
    come (الزيارة المرتقبة، القمة المقبلة، الجولة المرتقبة من المحادثات، اجتماع قريب)."""
    chain = [i]
    while chain[-1] != _phrase_top(tree, chain[-1]) and len(chain) < len(tree.toks):
        chain.append(tree.tok(chain[-1]).head)
    if not any(_event_noun(tree, n) for n in chain):
        return set()
    for n in chain:
        if any(
            _lemma(tree, k) in PLANNING_ADJECTIVES | COMING | NEAR for k in tree.children(n, "amod")
        ):
            return {PLANNED}
        if any(timing_word(tree, k) for k in tree.children(n, "nmod")):
            return {PLANNED}
        if any(_construct_adjective(tree, n, g) for g in tree.children(n, "nmod")):
            return {PLANNED}
        # اللقاء الذي كان مقررا: a relative clause whose predicate is a planning word;
        # القمة التي تعقد الأسبوع المقبل، التي ستعقد: one whose verb is to come
        if any(_scheduled(tree, k) for k in tree.children(n, "acl")):
            return {PLANNED}
        if any(_coming_clause(tree, k) for k in tree.children(n, "acl", "acl:relcl")):
            return {PLANNED}
    return set()


def _construct_adjective(tree: Tree, n: int, g: int) -> bool:
    """Whether a planning adjective a parse hung on n's bare genitive g agrees with n, not
    with g (قمة العشرين المقررة: the summit is scheduled, المقررة is feminine as قمة)."""
    if tree.has_case(g):
        return False
    gender = tree.tok(n).feat("Gender")
    return any(
        _lemma(tree, a) in PLANNING_ADJECTIVES | COMING
        and tree.tok(a).feat("Gender") == gender != tree.tok(g).feat("Gender")
        for a in tree.children(g, "amod")
    )


def _coming_clause(tree: Tree, k: int) -> bool:
    """Whether relative clause k is a verb marked as to come: a future particle, or the
    present tense with a coming time (التي تعقد الأسبوع المقبل)."""
    return tree.tok(k).upos == "VERB" and PLANNED in _own(tree, k)


#: Nouns of the frame of an event (على هامش القمة، في إطار الزيارة): what is done there is
#: as planned as the event.
FRAMES = frozenset(normalize(w) for w in "هامش إطار".split())


def _at_planned_event(tree: Tree, pred: int) -> set[str]:
    """Planned when a verb in the present tense tells what happens at an event that is
    planned: a relative clause on the event noun (في زيارة يلتقي خلالها، قمة يشارك فيها)
    in a clause that is planned, or on an event said to come (الزيارة المرتقبة التي
    يلتقي خلالها). A verb in the past tense there tells what already happened."""
    event = tree.tok(pred).head
    if not (_imperfect(tree, pred) and tree.base_rel(pred) == "acl"):
        return set()
    # في زيارة تستمر ثلاثة أيام يلتقي خلالها: the clause hung on أيام, inside the visit's
    # own relative clause; خلالها is the visit
    for _ in range(2):
        if _event_noun(tree, event) or not _during_pronoun(tree, pred):
            break
        clause = tree.tok(event).head
        if not clause or tree.base_rel(event) != "nsubj" or tree.base_rel(clause) != "acl":
            break
        event = tree.tok(clause).head
    if not _event_noun(tree, event):
        return set()
    if _planned_noun(tree, event) or PLANNED in _governed(tree, _phrase_top(tree, event)):
        return {PLANNED}  # دعا إلى اجتماع يضم X: the meeting called for is to come
    frame = next((a for a in tree.ancestors(event) if tree.tok(a).upos == "VERB"), 0)
    if frame and tree.base_rel(_phrase_top(tree, event)) in ARGUMENTS:
        return _markers(tree, frame) & {PLANNED, CONDITIONAL}
    return set()


def _during_pronoun(tree: Tree, v: int) -> bool:
    """Whether verb v has a pronoun under خلال or في (يلتقي خلالها، يشارك فيها)."""
    return any(
        tree.tok(k).upos == "PRON" and tree.case(k) in ("خلال", "في")
        for k in tree.children(v, "obl")
    )


def _event_noun(tree: Tree, i: int) -> bool:
    """Whether token i is a noun the event lexicon knows (زيارة، قمة، محادثات)."""
    from ..lexicon.relations import load

    t = tree.tok(i)
    if not i or t.upos != "NOUN":
        return False
    return any(
        load(lang).event_type(w) is not None
        for lang in ("ar", "en")
        for w in (t.lemma or t.form, t.form)
    )


def modality_kinds(tree: Tree, pred: int, speech: bool) -> set[str]:
    """Every kind of marker that applies to a clause's predicate."""
    kinds = _markers(tree, pred)
    if not speech and (reported(tree, pred) or _attributed(tree, pred)):
        kinds.add(REPORTED)
    return kinds


def _markers(tree: Tree, pred: int) -> set[str]:
    """The kinds of marker on the predicate and on the clauses it inherits from."""
    kinds = _own(tree, pred) | _governed(tree, pred)
    node, seen = pred, {pred}
    carried = {PLANNED, CONDITIONAL}
    # up through the clauses whose planned or conditional modality this one shares
    while (
        tree.base_rel(node) in INHERITS
        or _answers_condition(tree, node)
        or _plan_detail(tree, node)
    ):
        if _plan_detail(tree, node):
            kinds.add(PLANNED)  # a detail of what is planned (يتهمها فيها)
        if _own_tense(tree, node):
            carried = {CONDITIONAL}  # سيزور القاهرة، واتهم أمس: the past is no plan
        node = tree.tok(node).head
        if not node or node in seen:
            break
        seen.add(node)
        inherited = _own(tree, node) | _governed(tree, node)
        kinds |= inherited & carried
    if any(CONDITIONAL in _own(tree, a) for a in tree.ancestors(pred)):
        kinds.add(CONDITIONAL)  # anything inside a condition
    return kinds


def _own(tree: Tree, i: int) -> set[str]:
    """Kinds of marker attached to token i itself."""
    found = tree.own_markers.get(i)
    if found is None:  # a function of the tree, asked again for each fact and ancestor
        found = tree.own_markers[i] = frozenset(_own_markers(tree, i))
    return set(found)


def _own_markers(tree: Tree, i: int) -> set[str]:
    kinds: set[str] = set()
    for k in tree.children(i):
        t = tree.tok(k)
        form, rel = normalize(t.form), tree.base_rel(k)
        if rel in ("aux", "advmod", "mark", "discourse") and form in FUTURE:
            # كان سيشارك (was to take part, would have): the future of a past that did not
            # come about is no plan still to come but what would have been, a condition
            kinds.add(CONDITIONAL if _past_future(tree, i, k) else PLANNED)
        elif (
            rel in ("aux", "advmod", "cop", "neg") and form in NEGATIONS and not _still(tree, i, k)
        ):
            kinds.add(NEGATED)
        elif form == "ما" and t.feat("Polarity") == "Neg" and not _still(tree, i, k):
            kinds.add(NEGATED)
        elif rel == "mark" and form in CONDITIONS:
            kinds.add(CONDITIONAL)
        elif rel == "case" and k < i and form in WITHOUT:
            kinds.add(NEGATED)
        elif _conditional(tree, k) or (
            rel == "advcl" and _marked_condition(tree, k) and not _quoted_condition(tree, i, k)
        ):
            kinds.add(CONDITIONAL)  # في حال ..., or a condition after the clause (... إذا وافق)
    if (
        NEGATED not in kinds
        and _imperfect(tree, i)
        and any(_future_time(tree, k) or _to_planned_event(tree, k) for k in tree.children(i))
    ):
        kinds.add(PLANNED)
    return kinds


#: Words of a time now or past: on a verb joined to a future one, its own time (تتهم
#: اليوم، اتهم أمس), which the future does not reach.
NOW_OR_PAST = frozenset(normalize(w) for w in "اليوم الآن أمس امس البارحة".split())
PAST_ADJECTIVES = frozenset(normalize(w) for w in "ماضي منصرم فائت".split())


def _own_tense(tree: Tree, i: int) -> bool:
    """Whether verb i, joined by و to a verb with a future particle, keeps its own tense:
    it is in the past (ستنسحب من مالي واتهمت الحكومة), or it has a time of its own that is
    now or past (وتتهم اليوم), or a subject of its own before it (وبولندا تتهم: a clause
    of its own). A present verb with neither shares the future (سيزور القاهرة ويلتقي
    نظيره).

    >>> from kg import build
    >>> g = build(texts=["سيزور الرئيس التركي القاهرة غدا، واتهم أمس المعارضة بالتآمر."])
    >>> [(f.relation, f.modality) for f in g.facts(relation="accused", modality="*")]
    [('accused', 'asserted')]
    """
    t = tree.tok(i)
    if (
        tree.base_rel(i) != "conj"
        or t.upos != "VERB"
        or FUTURE & {normalize(tree.tok(k).form) for k in tree.children(i, "aux", "advmod", "mark")}
    ):
        return False
    if t.feat("Aspect") == "Perf" and not any(
        _lemma(tree, k) == WAS for k in tree.children(i, "aux", "cop")
    ):
        return True
    for k in tree.children(i, "obl", "obl:tmod", "advmod", "nmod"):
        words = {normalize(tree.tok(j).form) for j in tree.subtree(k)}
        lemmas = {_lemma(tree, j) for j in tree.subtree(k)}
        if words & NOW_OR_PAST or lemmas & PAST_ADJECTIVES:
            return True
    return any(k < i for k in tree.children(i, "nsubj"))


#: The verb «to be» whose past tense before a future particle makes «would have».
WAS = normalize("كان")


def _past_future(tree: Tree, i: int, k: int) -> bool:
    """Whether the future particle k on verb i follows كان in the past tense, as its
    auxiliary (وكان الجيش سيشارك في المناورات: would have taken part).

    >>> from kg import build
    >>> g = build(texts=["وكان الجيش الأردني سيشارك في المناورات لولا إلغاؤها."])
    >>> [(f.relation, f.modality) for f in g.facts(relation="participatedIn", modality="*")]
    [('participatedIn', 'conditional')]
    """
    return any(
        j < k and _lemma(tree, j) == WAS and tree.tok(j).feat("Aspect") != "Imp"
        for j in tree.children(i, "aux", "cop")
    )


def _to_planned_event(tree: Tree, k: int) -> bool:
    """Whether child k is an event said to come (يشارك في القمة المرتقبة، يحضر الاجتماع
    المقبل): taking part in it, in the present tense, is to come too; so is the verb by
    which it takes place (تعقد القمة المرتقبة، تنطلق المحادثات المقبلة)."""
    rel = tree.base_rel(k)
    if rel == "nsubj" and _lemma(tree, tree.tok(k).head) not in OCCUR:
        return False
    if rel == "obl" and _lemma(tree, k) in FRAMES:  # على هامش القمة المقررة
        return any(_planned_noun(tree, n) for n in tree.children(k, "nmod"))
    return rel in ("obj", "obl", "nsubj") and bool(_planned_noun(tree, k))


def _perfect(tree: Tree, i: int) -> bool:
    """A verb in the past tense with no future or planning marker (عقدت، انتهت)."""
    t = tree.tok(i)
    return t.upos == "VERB" and t.feat("Aspect") == "Perf" and PLANNED not in _markers(tree, i)


def _imperfect(tree: Tree, i: int) -> bool:
    """A verb in the present tense, not after كان (كان الرومان يشيرون: the past)."""
    t = tree.tok(i)
    if t.upos != "VERB" or t.feat("Aspect") != "Imp" or t.feat("Mood") == "Jus":
        return False
    return not any(_lemma(tree, k) == "كان" for k in tree.children(i, "aux", "cop"))


def _later_word(tree: Tree, w: int) -> bool:
    """Whether word w, of a lemma of :data:`LATER`, is that adjective (الجاري، لاحق), not
    a noun that shares its lemma (جيرانها, its neighbours: the lemma جار)."""
    form = normalize(tree.tok(w).form)
    form = form[2:] if form.startswith("ال") else form
    return tree.tok(w).upos == "ADJ" or form in LATER


def _future_time(tree: Tree, k: int) -> bool:
    """Whether child k names a coming day: غدا, a weekday or a date (يتوجه الرئيس
    الثلاثاء إلى ..., يزور الجزائر في 25 أغسطس: news tells past events in the perfect, so
    a day on an imperfect event verb is to come), a time that is المقبل / القادم, later
    or current (في وقت لاحق، الأسبوع الجاري، هذا الأسبوع), or a part of today (مساء اليوم)."""
    rel = tree.base_rel(k)
    # يومي 5 و6 يونيو, which a parse may make the object of an intransitive verb
    day = rel == "obj" and normalize(tree.tok(k).form) in DAYS
    if rel not in ("obl", "advmod", "nmod") and not day:
        return False
    words = [k, *tree.children(k, "nmod", "amod", "flat")]
    # نهاية الأسبوع المقبل: the time in the genitive of a part of it; يومي 5 و6 يونيو
    # المقبل: the month named with the last of two days
    words += [
        a
        for n in (*tree.children(k, "nmod"), *tree.children(k, "conj"))
        for a in (n, *tree.children(n, "amod", "flat"))
        if n not in words or a != n
    ]
    for w in words:
        form = normalize(tree.tok(w).form)
        if form in TOMORROW or _lemma(tree, w) in COMING or _month(tree, w):
            return True  # غدا, المقبل, a date (في 25 أغسطس, يوم 3 مارس)
        if w != k and _lemma(tree, w) in LATER and _later_word(tree, w):
            return True  # في وقت لاحق, الأسبوع الجاري (not لاحقا alone: later on, in a story)
        if form.startswith("ال") and form[2:] in WEEKDAYS:  # الأحد, not أحد (one of)
            return True
    if _lemma(tree, k) in THIS_SPANS and any(
        normalize(tree.tok(j).form) in DEMONSTRATIVES for j in tree.children(k, "det")
    ):
        return True  # هذا الأسبوع
    # مساء اليوم, صباح الغد: a part of today is still to come
    forms = [normalize(tree.tok(w).form) for w in words]
    return forms[0] in DAY_PARTS and "اليوم" in forms[1:]


def _month(tree: Tree, w: int) -> bool:
    """Whether token w names a month: a Mashriq or English name, or any other spelling
    of one (جوان، أفريل، شتنبر) with a day's number (5 جوان: ماي alone is as often a name).

    >>> from kg.model import Sentence, Token
    >>> toks = (Token(1, "5", "5", "NUM", 2, "nummod", 0, 1), Token(2, "جوان", "جوان", "PROPN", 0, "root", 2, 6))
    >>> tree = Tree(Sentence(0, 0, 6, "5 جوان", toks))
    >>> _month(tree, 2), _month(tree, 1)
    (True, False)
    """
    form = normalize(tree.tok(w).form)
    if form in MONTHS:
        return True
    if form not in MONTH_WORDS:
        return False
    numbered = tree.children(w, "nummod") or (w > 1 and tree.tok(w - 1).form.isdigit())
    return bool(numbered)


def _still(tree: Tree, i: int, k: int) -> bool:
    """Whether the negation k of token i says "still": لا / ما before زال and its kind,
    on i itself or on the next word (لا يزال الجيش يسيطر)."""
    nxt = k + 1 if k < len(tree.toks) else i
    return _lemma(tree, i) in STILL or _lemma(tree, nxt) in STILL


def _marked_condition(tree: Tree, k: int) -> bool:
    """Whether clause k is opened by a conditional subordinator (إذا وافق البرلمان)."""
    return any(normalize(tree.tok(m).form) in CONDITIONS for m in tree.children(k, "mark"))


def _quoted_condition(tree: Tree, i: int, k: int) -> bool:
    """Whether condition clause k, after its head i, stands in quotation marks of its own
    after a clause that comes between them (... تدابير تسمح للوزير بسحب الجنسية "إذا
    كانوا متورطين"): words quoted from the measure that clause describes, a condition of
    what it allows, not of the head's act (the parse hangs it on the head).

    >>> from kg import build
    >>> g = build(texts=['ووافق النواب على تدابير تسمح للوزير بسحب الجنسية "إذا كانوا متورطين في التجسس".'])
    >>> [(f.subject, f.relation, f.modality) for f in g.facts(relation="agreed", modality="*")]
    [('النواب', 'agreed', 'asserted')]
    """
    ids = sorted(tree.subtree(k))
    return (
        i < ids[0]
        and tree.tok(ids[0]).form in OPENING_QUOTES
        and tree.tok(ids[-1]).form in QUOTE_MARKS
        and any(
            tree.tok(m).upos == "VERB" and tree.base_rel(m) in ("acl", "ccomp", "xcomp", "advcl")
            for m in range(i + 1, ids[0])
        )
    )


def _conditional(tree: Tree, k: int) -> bool:
    """Whether child k is في حال (في حالة) opening a condition on its head."""
    return _lemma(tree, k) in ("حال", "حاله") and tree.case(k) == "في"


def _governed(tree: Tree, i: int) -> set[str]:
    """Kinds that token i's head gives it: planned as the complement of a planning word,
    negated as the clause a denial verb denies."""
    h, rel = tree.tok(i).head, tree.base_rel(i)
    if _purpose_clause(tree, i) or _prepared_for(tree, i):
        return {PLANNED}
    # a verbal noun coordinated with a complement (على تعزيز التعاون وعقد قمة) is one too
    joined = rel == "conj" and tree.tok(i).upos == "NOUN" and tree.tok(h).upos == "NOUN"
    if not h or (rel not in COMPLEMENTS | NOUN_LINKS and not joined):
        return set()
    lemma = _lemma(tree, h)
    if lemma in DENIAL and rel == "ccomp":
        return {NEGATED}
    if rel in ("ccomp", "csubj") and _planning_predicate(tree, h):
        return {NEGATED} if _negative(tree, h) else {PLANNED}  # ليس من المقرر أن يلتقي
    # up a chain of nouns: التخطيط لعمليات تستهدف المدينة (what is planned targets it)
    node = i
    # (and through a conjunct: على فتح الحدود وعقد قمة)
    while node and tree.base_rel(node) in COMPLEMENTS | NOUN_LINKS | {"conj"}:
        below, node = node, tree.tok(node).head
        if _lemma(tree, node) in PLANNING or _decided_going(tree, node, below):
            # لا يعتزم زيارة الصين: what is not intended is not planned
            return {NEGATED} if _negative(tree, node) else {PLANNED}
        if tree.tok(node).upos == "VERB":
            break
    return set()


def _decided_going(tree: Tree, h: int, c: int) -> bool:
    """Whether c is a verbal noun of holding an event or of going somewhere that h, a verb
    or noun of deciding or calling, has as its complement (قرر التوجه إلى الجزائر، دعا
    إلى عقد مؤتمر، قررت الحكومة إجراء الانتخابات): what is decided on is to come.

    >>> from kg.model import Sentence, Token
    >>> toks = (
    ...     Token(1, "قرر", "قرر", "VERB", 0, "root", 0, 3, feats="Aspect=Perf"),
    ...     Token(2, "التوجه", "توجه", "NOUN", 1, "obj", 4, 10),
    ...     Token(3, "تعيين", "تعيين", "NOUN", 1, "obj", 11, 16),
    ... )
    >>> tree = Tree(Sentence(0, 0, 16, "قرر التوجه تعيين", toks))
    >>> _decided_going(tree, 1, 2), _decided_going(tree, 1, 3)
    (True, False)
    """
    if tree.tok(h).upos not in ("VERB", "NOUN") or _lemma(tree, h) not in DECIDING:
        return False
    if _lemma(tree, h) in CALLING and called_gathering(tree, c):
        return True  # دعت السعودية إلى اجتماع طارئ: the meeting called for is to come
    return tree.tok(c).upos == "NOUN" and _lemma(tree, c) in HOLDING | GOING


def _prepared_for(tree: Tree, i: int) -> bool:
    """Whether noun i is what a noun of preparing right before it prepares for (الاستعدادات
    لقمة، تحضيرا للزيارة، تمهيدا للمحادثات), wherever a parse hangs the phrase in ل (on
    the noun of في إطار الاستعدادات as often as on الاستعدادات).

    >>> from kg.model import Sentence, Token
    >>> toks = (
    ...     Token(1, "إطار", "إطار", "NOUN", 0, "root", 0, 4),
    ...     Token(2, "الاستعدادات", "استعداد", "NOUN", 1, "nmod", 5, 16),
    ...     Token(3, "ل", "ل", "ADP", 4, "case", 17, 18),
    ...     Token(4, "قمة", "قمة", "NOUN", 1, "nmod", 18, 21),
    ... )
    >>> tree = Tree(Sentence(0, 0, 21, "إطار الاستعدادات لقمة", toks))
    >>> _prepared_for(tree, 4), _prepared_for(tree, 2)
    (True, False)
    """
    marks = [k for k in tree.children(i, "case") if normalize(tree.tok(k).form) == "ل"]
    if not marks or marks[0] == 1 or _lemma(tree, marks[0] - 1) not in PREPARING:
        return False
    # الاستعدادات للقمة التي عقدت أمس: what was prepared for has taken place
    held = (k for k in tree.children(i, "acl", "acl:relcl") if _lemma(tree, k) in OCCUR)
    return not any(_perfect(tree, k) for k in held)


def _purpose_clause(tree: Tree, i: int) -> bool:
    """Whether verb i is what the verb it hangs on is done for (وصل إلى باريس ليلتقي
    نظيره، توجه إلى الدوحة كي يشارك في القمة): the meeting is the aim, still to come.

    >>> from kg.model import Sentence, Token
    >>> toks = (
    ...     Token(1, "وصل", "وصل", "VERB", 0, "root", 0, 3, feats="Aspect=Perf"),
    ...     Token(2, "ل", "ل", "ADP", 3, "mark", 4, 5),
    ...     Token(3, "يلتقي", "التقى", "VERB", 1, "advcl", 5, 10, feats="Aspect=Imp"),
    ... )
    >>> tree = Tree(Sentence(0, 0, 10, "وصل ليلتقي", toks))
    >>> _purpose_clause(tree, 3), _purpose_clause(tree, 1)
    (True, False)
    """
    h = tree.tok(i).head
    if not h or tree.base_rel(i) != "advcl" or tree.tok(h).upos != "VERB":
        return False
    if tree.tok(i).upos != "VERB" or _lemma(tree, i) not in PURPOSE_VERBS:
        return False
    return any(normalize(tree.tok(m).form) in PURPOSE_MARKS for m in tree.children(i, "mark"))


def _planning_predicate(tree: Tree, h: int) -> bool:
    """Whether من المقرر / من المتوقع is the predicate of h, a copula or a verb of being
    (ليس من المقرر أن, كان من المنتظر أن): h's complement clause is what is planned."""
    return any(
        _lemma(tree, k) in PLANNING and tree.case(k) == "من" for k in tree.children(h, "obl")
    )


def _negative(tree: Tree, i: int) -> bool:
    """Whether token i is negated: ليس itself, or a negation on it (لا يعتزم، لم يكن)."""
    t = tree.tok(i)
    return normalize(t.form) == "ليس" or t.feat("Polarity") == "Neg" or NEGATED in _own(tree, i)


def _answers_condition(tree: Tree, i: int) -> bool:
    """Whether clause i is the answer of a condition (إذا فاز ... فسوف يلتقي): a
    parataxis or conjunct opened by ف whose head is a marked condition."""
    h = tree.tok(i).head
    if not h or tree.base_rel(i) not in ("parataxis", "conj"):
        return False
    opened = any(normalize(tree.tok(k).form) in ("ف", "ل") for k in tree.children(i, "cc"))
    return opened and CONDITIONAL in _own(tree, h)


def _attributed(tree: Tree, i: int) -> bool:
    """Whether token i's clause, or one it sits in, carries an attribution (بحسب مصادر)."""
    return any(
        tree.case(k).split(" ")[0] in ATTRIBUTIONS
        for h in [i, *tree.ancestors(i)]
        for k in tree.children(h, "obl")
    )


#: Prepositions of a pronoun by which a clause after a comma goes back to what is planned
#: (يتهمها فيها: in which; يلتقي خلالها: during which).
BACK_TO_PLAN = frozenset(normalize(w) for w in "في خلال".split())


def _plan_detail(tree: Tree, i: int) -> bool:
    """Whether clause i, hung as a parataxis on a verb of planning, goes back to what is
    planned through a pronoun after في or خلال (يعتزم رفع دعوى ضد الشركة، يتهمها فيها
    بالتزوير: the charge is made in the suit, as planned as the suit; not reported speech).

    >>> from kg import build
    >>> g = build(texts=["يعتزم النائب رفع دعوى قضائية ضد وزارة الصحة، يتهمها فيها بالإهمال."])
    >>> [(f.relation, f.modality) for f in g.facts(relation="accused", modality="*")]
    [('accused', 'planned')]
    """
    h = tree.tok(i).head
    if not h or tree.rel(i) != "parataxis" or tree.tok(i).upos != "VERB" or h > i:
        return False
    if _lemma(tree, h) not in PLANNING or tree.tok(h).upos != "VERB":
        return False
    return any(
        tree.tok(j).upos == "PRON" and tree.case(j) in BACK_TO_PLAN
        for j in tree.children(i, "obl", "nmod")
    )


def reported(tree: Tree, i: int) -> bool:
    """Whether token i sits inside what a speech verb reports (قال إن ...)."""
    for h in [i, *tree.ancestors(i)]:
        if (
            h == i
            and tree.rel(i) == "parataxis"
            and 0 < tree.tok(i).head < i
            and any(tree.tok(k).form in OPENING_QUOTES for k in range(1, i))
        ):
            continue  # «...»، قال X: the verb that reports the quotation is the article's own
        if _plan_detail(tree, h):
            continue  # يعتزم رفع دعوى ضد X، يتهمه فيها: a detail of the plan, no report
        if tree.rel(h) in ("ccomp", "parataxis") and tree.tok(h).head:
            head = tree.tok(tree.tok(h).head)
            if head.upos in ("VERB", "ADJ", "NOUN"):
                return True
    return False


def _lemma(tree: Tree, i: int) -> str:
    t = tree.tok(i)
    return normalize(strip_diacritics(t.lemma or t.form))

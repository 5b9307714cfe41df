"""Level 1 of the parser: words.

Holds the working token :class:`W`, the two ways of writing an attachment (:func:`attach`,
:func:`reattach`), the word lists the rules name, and the questions the phrase and clause
levels ask about a single word: is it a time or a place, a person, a title, a designator,
does an adjective agree with a noun, does a verb carry its subject, does a word carry a
pronoun suffix. Reads the tagger's features and the lexicon (``kg.lexicon``); attaches
only the clitics inside one surface word (:func:`attach_clitics`, the first pass).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ....dates import MONTH_WORDS
from ....lexicon.words import designators, people_nouns, title_at
from ....ordinal_days import ordinal_day_end, ordinal_day_words
from ....text import normalize, strip_diacritics

#: ``W.head`` of a token not attached yet; -1 is the root.
UNSET = -2
#: ``W.head`` of a token set aside for the root (a dateline before a colon): any rule may
#: still attach it, and :func:`~.finish.make_tree` hangs it on the root.
SET_ASIDE = -3

_NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM", "PRON", "X", "SYM", "DET"}


@dataclass(slots=True)
class W:
    """A working token while parsing (``norm``: its form normalised)."""

    i: int
    form: str
    upos: str
    tag: str
    word: int
    definite: bool = False
    tanween: bool = False  # tanween written, or the accusative alif that shows it (اتفاقا)
    acc: bool = False  # accusative: fathatan, or an indefinite noun's alif ending
    gender: str = ""
    number: str = ""
    person: str = ""
    ent: int = -1  # index of the entity span, or -1
    ent_label: str = ""
    head: int = UNSET  # UNSET, -1 root, SET_ASIDE
    deprel: str = ""
    lemma: str = ""
    feats: str = "_"
    vnoun: bool = False  # a verbal noun (مصدر) or event noun
    ntype: str = ""  # the lexicon's noun type: nisba, ap, pp, adj, vn, n, prop
    norm: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.norm = normalize(self.form)

    @property
    def nominal(self) -> bool:
        return self.upos in _NOMINAL


def attach(ws: list[W], dep: int, head: int, rel: str) -> None:
    """Attach ``dep`` to ``head`` unless an earlier rule already did (a bare ``dep`` does
    not count): the first rule that decides wins."""
    if dep == head or dep < 0:
        return
    if ws[dep].head != UNSET and ws[dep].deprel not in ("", "dep"):
        return
    ws[dep].head = head
    ws[dep].deprel = rel


def reattach(ws: list[W], dep: int, head: int, rel: str) -> None:
    """Attach ``dep`` to ``head`` whatever was decided before."""
    if dep == head or dep < 0:
        return
    ws[dep].head = head
    ws[dep].deprel = rel


# ------------------------------------------------------------------ word lists
# Each list is normalised (kg.text.normalize) as it is built: the rules compare normalised
# forms.


def _normalised(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


#: Verbs of saying and thinking: their clause can be a quotation or a reported one.
SPEECH_VERBS = _normalised(
    "قال اضاف اكد تابع اعلن اوضح ذكر صرح اشار شدد حذر دعا راي اعتبر لفت نفي زعم ادعي افاد"
    " كشف اعرب بين يقول قالت ادرك علم عرف ظن اعتقد يري وعد طالب اقر اعترف"
)
#: Their active participles: مؤكدًا أن, مشيرًا إلى أن.
SPEECH_PARTICIPLES = _normalised(
    "مؤكد مضيف مشير موضح معتبر لافت محذر داع داعية منوه مشدد معلن مطالب متهم قائل"
)
#: Subordinators that open a complement clause (ccomp); every other one opens an adverbial
#: clause (حيث, عندما, حسبما, بعدما ...: advcl).
COMPLEMENTISERS = _normalised("ان")
#: Conjunctions that join clauses, not noun phrases (لكن, بل).
CLAUSE_CONJUNCTIONS = _normalised("لكن ولكن بل")
#: Prepositions that make أن a clause of time or cause (بعد أن, قبل أن, حتى أن): ``advcl``.
ADVERBIAL_PREPOSITIONS = _normalised("بعد قبل حتى منذ لأن رغم بسبب دون عوض بدل")
#: Adverbs of existence (هناك, ثمة): with an indefinite noun they make a clause.
EXISTENTIALS = _normalised("هناك ثمة")
#: Subordinators of an aside: كما ذكرت الوكالة.
ASIDE_SUBORDINATORS = _normalised("كما حسبما وفقما مثلما")
#: Nouns of time: a bare one is when something happens, not who or what.
TIME_NOUNS = _normalised(
    "يوم اليوم امس غدا صباح مساء ليله الليله ليل ظهر فجر الاسبوع اسبوع الشهر شهر العام عام السنه"
    " سنه الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الان حاليا مطلع اواخر منتصف"
    " نهايه بدايه وقت مده طيله طوال"
    # how long (تستمر يومين, تدوم أسبوعين): when, not who or what (a plural stays a noun:
    # مر 3 أيام على الهدنة, the days are the subject)
    " يومين يومان ساعتين اسبوعين شهرين"
    # the dual of يوم in construct with two days (يومي الأحد والاثنين): a time as يوم X is
    # (the adjective يومي, daily, follows its noun and heads no phrase of its own)
    " يومي"
)
#: Compass nouns: a bare one is where something happens (شمال مالي, جنوبي لبنان).
DIRECTIONS = _normalised("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي قرب داخل خارج")
#: إضافة إلى X, فضلا عن X, إلى جانب X: one more of what was just named.
ADDITION_NOUNS = _normalised("اضافه بالاضافه فضلا جانب")
#: Verbs whose object is a party and whose preposition gives what it is urged or accused of
#: (دعا X إلى, حث X على, طالب X ب, اتهم X ب, حذر X من): after "و" sharing the first verb's
#: subject, a name after them is their object.
URGE_VERBS = _normalised("دعا حث طالب ناشد اتهم حذر ابلغ حمل نصح امر")
#: Nouns of quantity: من after them gives the whole (أكثر من, عدد من).
PARTITIVES = _normalised(
    "أكثر أقل عدد جزء بعض كثير مجموعة ثلث نصف ربع أي كل واحد مئات آلاف عشرات ملايين أغلب معظم"
)
#: Prepositions of several words whose middle word is a noun (بالرغم من X, بدلا من X): the
#: first word is X's ``case``, the others its ``fixed``; by their tokens, normalised.
_COMPOUNDS = tuple(
    tuple(normalize(t) for t in c.split())
    for c in (
        "ب الرغم من",
        "على الرغم من",
        "ب النسبة إلى",
        "ب النسبة ل",
        "ب النسبة",
        "بدلا من",
        "عوضا عن",
    )
)
#: The same, by their first token.
COMPOUND_PREPOSITIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(c for c in _COMPOUNDS if c[0] == first) for first in {c[0] for c in _COMPOUNDS}
}
#: Cardinal numbers written as words (their lemmas and forms): the noun after them is what
#: they count, and heads the phrase (خمسة أشخاص, عشرون جنديا).
CARDINALS = _normalised(
    "ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة عشر عشرة"
    " عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون"
    " ثمانين تسعون تسعين مئة مائة مئات ألف آلاف مليون ملايين مليار مليارات بضع بضعة"
)
#: Words for "about" before a number (نحو 20, حوالي ألف): the number's advmod.
APPROXIMATORS = _normalised("نحو حوالي قرابة زهاء")
#: Number words that multiply the number before them (168 ألف, ثلاثة ملايين).
MULTIPLIERS = _normalised("ألف آلاف ألفا مليون ملايين مليونا مليار مليارات مليارا")
#: Month names that take an ordinal (تشرين الأول, كانون الثاني, ربيع الأول, جمادى الآخرة).
MONTHS_WITH_ORDINALS = _normalised("تشرين كانون ربيع جمادى")
#: Nouns used as prepositions before a noun phrase (دول مثل مصر, أثناء الزيارة).
PREPOSITION_NOUNS = _normalised("مثل أثناء")
#: Nouns that pick one or the rest of the plural after them (أحد المسؤولين, بقية الأراضي):
#: the plural heads the phrase, as with كل and بعض.
QUANTIFIER_NOUNS = _normalised("أحد إحدى بقية سائر")
#: Demonstratives (the tagger reads some as nouns after a preposition: بهذه, لذلك).
DEMONSTRATIVES = _normalised("هذا هذه ذلك تلك هؤلاء أولئك هذان هاتان هذين هاتين")
#: كان and ليس: with a nominal predicate, the predicate heads the clause in UD.
COPULAS = _normalised("كان ليس")

#: Entity labels of what can act: a subject rather than an object.
_AGENT_LABELS = ("Person", "Organization", "Country", "Group", "City", "Region")
COMMAS = ("،", ",")


# ------------------------------------------------------------ inside a surface word


def first_tok(ws: list[W], i: int) -> int:
    """The first token of token i's surface word."""
    word = ws[i].word
    k = i
    while k > 0 and ws[k - 1].word == word:
        k -= 1
    return k


def last_tok(ws: list[W], i: int) -> int:
    """The last token of token i's surface word."""
    word = ws[i].word
    k = i
    while k + 1 < len(ws) and ws[k + 1].word == word:
        k += 1
    return k


def has_suffix(ws: list[W], i: int) -> bool:
    """Whether a pronoun suffix follows token i in its word (its object on a verb, its
    possessor on a noun, the subject of أنّ)."""
    return i + 1 < len(ws) and ws[i + 1].word == ws[i].word and ws[i + 1].tag == "pron"


def first_has_clitic(ws: list[W], i: int) -> bool:
    """Whether the word of token i starts with a conjunction or preposition clitic."""
    k = first_tok(ws, i)
    return k < i and any(ws[m].tag in ("conj", "prep") for m in range(k, i))


def mark_ordinal_days(ws: list[W]) -> None:
    """An ordinal day before من and a month (الخامس عشر من مارس, الأول من الشهر الجاري) is a
    time: its first word is marked as one, so that a في phrase of it is the clause's
    when, not where an object noun belongs (التقى السفراء في الخامس من الشهر)."""
    forms = [w.form for w in ws]
    for m in range(2, len(ws)):
        if forms[m - 1] != "من":
            continue
        if ws[m].norm in MONTH_WORDS or ws[m].norm == "الشهر":
            start = ordinal_day_end(forms, m)
            if start >= 0 and ws[start].ent < 0:
                ws[start].ent_label = "TimeExpression"


def teen_ordinal(ws: list[W], head: int, i: int) -> bool:
    """Whether token i is the عشر of a compound ordinal whose unit is token ``head``
    right before it (الحادي عشر, الخامس عشرة): one ordinal, not a noun of its own."""
    if i != head + 1 or not ws[i].form.startswith("عشر") or ws[i].word == ws[head].word:
        return False
    return ordinal_day_words([ws[head].form, ws[i].form]) == (
        ordinal_day_words([ws[head].form])[0] + 10,
        2,
    )


def prep_clitic(ws: list[W], i: int) -> bool:
    """Whether the word of token i carries a preposition clitic before it (بماكرون: ب +
    the name): the word is that preposition's object, not in apposition to what precedes."""
    k = first_tok(ws, i)
    return k < i and any(ws[m].tag == "prep" for m in range(k, i))


def conj_clitic_only(ws: list[W], i: int) -> bool:
    """Whether the word of token i starts with و/ف and no other clitic."""
    k = first_tok(ws, i)
    return k < i and all(ws[m].tag == "conj" for m in range(k, i))


# ---------------------------------------------------------------- nouns


def time_like(w: W) -> bool:
    return w.norm in TIME_NOUNS or w.ent_label == "TimeExpression"


#: Participles that place a time before or after now (الماضي, المقبل, in the dual too).
_TIME_SIDES = _normalised("ماض مقبل قادم منصرم فائت")


def time_side(ws: list[W], head: int, i: int) -> bool:
    """Whether word i, a definite الماضي/المقبل (a dual too: الماضيين), describes the time
    phrase headed by ``head`` (يومي الأحد والاثنين الماضيين: the two last days).

    >>> ws = [W(0, "يومي", "NOUN", "", 0), W(1, "الماضيين", "NOUN", "", 0, definite=True, lemma="مَاضٍ")]
    >>> time_side(ws, 0, 1), time_side([W(0, "الجيش", "NOUN", "", 0)] + ws[1:], 0, 1)
    (True, False)
    """
    w = ws[i]
    return time_like(ws[head]) and w.definite and w.ent < 0 and normalize(w.lemma) in _TIME_SIDES


def possessed_nisba(ws: list[W], chain: list[int], suffixed: bool, i: int) -> bool:
    """Whether word i, a definite nisba the tagger read as a noun (الفرنسية: French, the
    language), describes the one noun before it that has a pronoun suffix and agrees with
    it (نظيرته الفرنسية, حكومتهم الجديدة): that noun is definite by its possessor and
    governs nothing more, so a definite word of its gender after it is its adjective.

    >>> noun = W(0, "نظيرته", "NOUN", "", 0, gender="f")
    >>> nisba = W(1, "الفرنسية", "NOUN", "", 0, definite=True, gender="f", ntype="nisba")
    >>> possessed_nisba([noun, nisba], [0], True, 1), possessed_nisba([noun, nisba], [0], False, 1)
    (True, False)
    """
    w, head = ws[i], ws[chain[0]]
    return (
        suffixed
        and len(chain) == 1
        and w.upos == "NOUN"
        and w.definite
        and w.ent < 0
        and w.ntype == "nisba"
        and head.upos == "NOUN"
        and bool(w.gender)
        and w.gender == head.gender
    )


def place_like(w: W) -> bool:
    return w.norm in DIRECTIONS and not w.definite


def human(w: W) -> bool:
    """A noun for people (مسؤول, وزراء), from the lexicon's people nouns."""
    return normalize(w.lemma).removeprefix("ال") in people_nouns()


def agentive(w: W) -> bool:
    """A noun phrase that can act: a name of a person, organisation or country, or a human noun."""
    if w.ent_label in _AGENT_LABELS:
        return True
    if w.norm.endswith("ين"):
        return False  # accusative or genitive dual and plural (دعا الطرفين): not a subject
    if w.number == "d" or w.norm.endswith("ان") and w.definite:
        return True  # الجانبان, الطرفان: the two parties, nominative
    return human(w) or w.norm.endswith(("ون", "يين"))


def accusative(ws: list[W], i: int) -> bool:
    return ws[i].acc or "\u064b" in ws[i].form


def is_number(w: W) -> bool:
    """A cardinal number: digits, or a number word without article or possessor.

    >>> is_number(W(0, "ثلاثة", "NOUN", "", 0)), is_number(W(0, "الثلاثة", "NOUN", "", 0, definite=True))
    (True, False)
    """
    if w.upos == "NUM":
        return True
    return (
        w.upos in ("NOUN", "ADJ")
        and not w.definite
        and w.ent < 0
        and (w.norm in CARDINALS or normalize(w.lemma) in CARDINALS)
    )


def can_govern(w: W) -> bool:
    """A noun that can be the first term of a construct (مضاف): no article, no tanween.

    >>> can_govern(W(0, "وزير", "NOUN", "", 0)), can_govern(W(0, "الوزير", "NOUN", "", 0, definite=True))
    (True, False)
    >>> can_govern(W(0, "مسلحون", "NOUN", "", 0, number="p"))
    False
    """
    return (
        w.upos in ("NOUN", "ADJ", "NUM")
        and not w.definite
        and not w.tanween
        and w.ent < 0
        # a sound plural or dual keeps its ن only outside a construct: مسلحون, not مسلحو
        # (a broken plural that ends so governs: شؤون الإرهاب, قوانين الدولة)
        and not (w.norm.endswith(("ون", "ين", "ان")) and w.number in ("p", "d") and _sound(w))
    )


def _sound(w: W) -> bool:
    """Whether a plural or dual in ون/ين/ان is its lemma plus that ending (مسلحون), not a
    broken plural that happens to end so (شؤون of شأن, قوانين of قانون)."""
    lemma = normalize(strip_diacritics(w.lemma)) if w.lemma else ""
    return not lemma or w.norm[:-2] in (lemma, lemma.removesuffix("ة"), lemma.removesuffix("ه"))


def indefinite_np(ws: list[W], i: int) -> bool:
    """A common noun with neither article nor possessor: a relative clause after it needs
    no pronoun (التقى مسؤولين زاروا ...)."""
    w = ws[i]
    return w.upos == "NOUN" and not w.definite and not has_suffix(ws, i)


def is_designator(w: W) -> bool:
    """A noun that names a kind of place or body (مدينة, العاصمة, تنظيم): a name after it is
    in apposition."""
    return w.upos == "NOUN" and w.norm in designators()


def definite_body(w: W) -> bool:
    """A definite designator of organisations (الحكومة, الحركة): what follows it is not its
    name in apposition (اتهمت الحكومة السودانية قوات الدعم السريع: the object)."""
    return w.definite and designators().get(w.norm) == "Organization"


def is_body(w: W) -> bool:
    """A noun for a body of people acting together (الشرطة, الجيش, الوفد, الحكومة): a
    person's name after it is not its name in apposition but a new phrase (اعتقلت الشرطة
    سامر خليل: the one arrested).

    >>> is_body(W(0, "الشرطة", "NOUN", "", 0)), is_body(W(0, "المؤرخ", "NOUN", "", 0))
    (True, False)
    """
    from ....extract.words import COLLECTIVES  # a word list only (kg.text)

    bare = w.norm[2:] if w.norm.startswith("ال") else w.norm
    return w.upos == "NOUN" and (bare in COLLECTIVES or designators().get(w.norm) == "Organization")


def title_tok(ws: list[W], i: int) -> bool:
    """Whether word i starts a title (وزير, الرئيس, ولي العهد)."""
    return (
        ws[i].upos in ("NOUN", "ADJ", "PROPN")
        and title_at([w.form for w in ws[i : i + 2]], 0) is not None
    )


def is_speech_participle(w: W) -> bool:
    """مؤكدًا, مضيفًا, مشيرًا: an active participle of a speech verb, indefinite."""
    return w.upos in ("NOUN", "ADJ") and not w.definite and normalize(w.lemma) in SPEECH_PARTICIPLES


def noun_takes(noun: W, case: str) -> bool:
    """Whether the relation lexicon gives this noun a complement with this preposition
    (هجوم على, زيارة إلى)."""
    # imported here: the relation lexicon brings rdflib (through kg.vocab)
    from ....lexicon.relations import load

    if noun.upos not in ("NOUN",):
        return False
    entry = load("ar").noun(noun.lemma)
    return entry is not None and case in entry.preps


def event_noun(noun: W) -> bool:
    """A noun the relation lexicon knows as an event (مؤتمر, اجتماع, هجوم)."""
    from ....lexicon.relations import load  # see noun_takes

    if noun.upos not in ("NOUN", "PROPN"):
        return False
    lex = load("ar")
    return lex.event_type(noun.lemma) is not None or (
        lex.event_type(noun.norm.removeprefix("ال")) is not None
    )


# ------------------------------------------------------------- agreement


def agree(adj: W, noun: W, phrase_definite: bool) -> bool:
    """Whether an adjective can describe this noun in a phrase of this definiteness.

    Plurals of things take a feminine singular (قرارات جديدة); people do not (وزراء عربي
    is no phrase), nor does a definite adjective describe an indefinite phrase:

    >>> things = W(0, "قرارات", "NOUN", "", 0, number="p", gender="m", lemma="قرار")
    >>> agree(W(1, "جديدة", "ADJ", "", 1, number="s", gender="f"), things, False)
    True
    >>> people = W(0, "وزراء", "NOUN", "", 0, number="p", gender="m", lemma="وزير")
    >>> agree(W(1, "عربي", "ADJ", "", 1, number="s", gender="m"), people, False)
    False
    >>> agree(W(1, "الجديدة", "ADJ", "", 1, definite=True, gender="f"), things, False)
    False

    A feminine singular after a plural in ات makes that plural one of things, whatever
    its lexicon says (المقاتلات التركية: the fighter jets; women fighters would take
    التركيات):

    >>> jets = W(0, "المقاتلات", "ADJ", "", 0, number="p", gender="f", lemma="مقاتل", definite=True)
    >>> agree(W(1, "التركية", "ADJ", "", 1, number="s", gender="f", definite=True), jets, True)
    True
    """
    if adj.definite != phrase_definite:
        return False
    if adj.ntype == "elative":
        return True  # أكثر, الأكبر: the elative keeps one form for every gender and number
    if adj.number in ("p", "d") and noun.number == "s":
        return False  # هنأ الملك الفائزين: a plural after a singular noun is the next argument
    things_in_at = noun.gender == "f" and noun.norm.endswith("ات") and adj.gender == "f"
    human_plural = noun.number == "p" and human(noun) and not things_in_at
    if human_plural and adj.number == "s":
        return False  # وزراء خارجية: people take plural adjectives, so this is a genitive
    if adj.gender and noun.gender and adj.gender != noun.gender:
        # plurals of things take feminine singular adjectives
        return noun.number == "p" and adj.gender == "f" and not human_plural
    return True


def rel_agrees(rel: W, noun: W) -> bool:
    """Whether a relative pronoun (الذي, التي, الذين) can refer to this noun: الذي a
    masculine singular, التي a feminine singular or a plural of things, الذين people."""
    if noun.upos == "PROPN" or noun.ent >= 0:
        return not (rel.norm == "الذي" and noun.gender == "f")
    people = human(noun) or noun.norm.endswith(("ون", "يين"))
    if rel.norm == "الذي":
        return noun.gender != "f" and noun.number not in ("p", "d")
    if rel.norm == "التي":
        return not (noun.gender == "m" and noun.number == "s") and not (
            people and noun.number == "p"
        )
    if rel.norm == "الذين":
        return noun.number != "s" or noun.tag == "dem"
    return True


# ---------------------------------------------------------------- verbs


def carries_subject(v: W) -> bool:
    """Plural and first/second person verb forms carry their subject (قالوا, نعمل).

    >>> carries_subject(W(0, "قالوا", "VERB", "", 0, person="3mp"))
    True
    >>> carries_subject(W(0, "قال", "VERB", "", 0, person="3ms"))
    False
    """
    return (
        v.person[:1] in ("1", "2")
        or v.person in ("3mp", "3fp", "3d")
        and v.form.endswith(("وا", "ون", "ن", "ا"))
    )


#: Verbs of the reflexive form V (تفعّل) that take an object all the same.
_TRANSITIVE_FORM_V = _normalised(
    "تسلم تولى تلقى تناول تبنى تجاوز ترأس تحمل تفقد تضمن تصدر تخطى تكبد تقلد تعلم تذكر توقع"
    " تطلب تحدى تسلق تفادى تجنب تلقي تحدي تولي تبني تخطي تفادي"
)


def intransitive(v: W) -> bool:
    """A verb that takes no object: a passive, or a reflexive form (تشكّل, انسحب) —
    after it a noun phrase is not its object."""
    if "Voice=Pass" in v.feats:
        return True
    bare = strip_diacritics(v.lemma)
    if bare.startswith("ان") and (len(bare) == 4 or (len(bare) == 5 and bare[2] != "ت")):
        return True  # form VII: انسحب, انعقد, انشقّ (not form VIII انتخب, انتقد)
    return (
        bare.startswith("ت")
        and len(bare) == 4
        and "\u0651" in v.lemma
        and normalize(bare) not in _TRANSITIVE_FORM_V
    )  # form V: تشكّل, توجّه


#: Verbs whose complement is a prepositional phrase, beyond the relation lexicon's
#: (أسفر عن مقتل, أدى إلى, تسبب في): lemma -> prepositions, normalised.
_VERB_COMPLEMENTS = {
    normalize(verb): frozenset(normalize(p) for p in preps.split())
    for verb, preps in (
        ("أسفر", "عن"),
        ("أدى", "إلى"),
        ("تسبب", "في ب"),
        ("نتج", "عن"),
        ("أودى", "ب"),
        ("أعرب", "عن"),
        ("عبر", "عن"),
        ("أشاد", "ب"),
        ("رحب", "ب"),
        ("استعد", "ل"),  # يستعد الرئيس لزيارة موسكو: he prepares for the visit
        ("تمكن", "من"),  # تمكنت الشرطة من اعتقال X: what it managed to do
        ("تأهب", "ل"),
        ("تهيأ", "ل"),
    )
}


def verb_takes(pred: W, case: str) -> bool:
    """Whether the clause's verb takes an object with this preposition (شارك في, التقى ب,
    أسفر عن)."""
    from ....lexicon.relations import load  # see noun_takes

    if pred.upos != "VERB":
        return False
    if case in _VERB_COMPLEMENTS.get(normalize(strip_diacritics(pred.lemma)), ()):
        return True
    entry = load("ar").verb(pred.lemma)
    return entry is not None and case in entry.preps


# ------------------------------------------------------------- pass 1: clitics


_FEATS_GENDER = {"Gender=Fem": "f", "Gender=Masc": "m"}
_FEATS_NUMBER = {"Number=Sing": "s", "Number=Plur": "p", "Number=Dual": "d"}


def _features(w: W) -> None:
    """A closed-class word (الأول, الأخيرة) has its definiteness, gender and number only in
    its features: copy them to the fields the rules read."""
    if w.upos not in ("ADJ", "NOUN") or w.feats == "_":
        return
    w.definite = w.definite or "Definite=Def" in w.feats
    w.gender = w.gender or next((v for f, v in _FEATS_GENDER.items() if f in w.feats), "")
    w.number = w.number or next((v for f, v in _FEATS_NUMBER.items() if f in w.feats), "")


def attach_clitics(ws: list[W]) -> list[int]:
    """Attach clitics inside each surface word; return the main token of each word.

    واستقبله عليه: و ``cc`` and the suffix ``obj`` on the verb; in عليه the pronoun is the
    main token and the preposition its ``case`` (heads are indices into ``ws``):

    >>> ws = [
    ...     W(0, "و", "CCONJ", "conj", 0),
    ...     W(1, "استقبل", "VERB", "", 0),
    ...     W(2, "ه", "PRON", "pron", 0),
    ...     W(3, "علي", "ADP", "prep", 1),
    ...     W(4, "ه", "PRON", "pron", 1),
    ... ]
    >>> attach_clitics(ws)
    [1, 4]
    >>> [(w.form, w.head, w.deprel) for w in ws]
    [('و', 1, 'cc'), ('استقبل', -2, ''), ('ه', 1, 'obj'), ('علي', 4, 'case'), ('ه', -2, '')]
    >>> has_suffix(ws, 1), conj_clitic_only(ws, 1), first_tok(ws, 2), last_tok(ws, 0)
    (True, True, 0, 2)
    """
    by_word: dict[int, list[int]] = {}
    for w in ws:
        _features(w)
        by_word.setdefault(w.word, []).append(w.i)
    return [_attach_word(ws, by_word[word]) for word in sorted(by_word)]


def _attach_word(ws: list[W], idx: list[int]) -> int:
    """و/ف ``cc``, ب/ل/ك ``case`` (``mark`` before a verb), س ``aux``, أ ``mark`` and pronoun
    suffixes (``obj`` of a verb, ``nmod`` of a noun) on the word's main token; a preposition
    carrying a pronoun (عليه) is the pronoun's ``case``, and the pronoun is the main token."""
    content = [
        k for k in idx if ws[k].tag not in ("conj", "prep", "fut", "q", "pron") or len(idx) == 1
    ]
    if not content:
        # a preposition with only a pronoun: له، عليه
        content = [k for k in idx if ws[k].tag == "pron"] or idx[-1:]
    main = content[0]
    for k in idx:
        rel = _clitic_rel(ws[k], ws[main]) if k != main else None
        if rel is not None:
            attach(ws, k, main, rel)
    prons = [k for k in idx if ws[k].tag == "pron"]
    if ws[main].tag == "prep" and prons:
        p = prons[0]
        attach(ws, main, p, "case")
        for k in idx:
            if k != p and ws[k].head == UNSET:
                attach(ws, k, p, "case" if ws[k].tag == "prep" else "cc")
        main = p
    return main


def _clitic_rel(t: W, main: W) -> str | None:
    if t.tag == "pron" and main.tag == "prep":
        return None  # عليه: the pronoun heads the phrase (below)
    if t.tag == "conj":
        return "cc"
    if t.tag == "prep":
        return "case" if main.upos != "VERB" else "mark"
    if t.tag == "fut":
        return "aux"
    if t.tag == "q":
        return "mark"
    if t.tag == "pron":
        if main.upos in ("VERB", "AUX"):
            return "obj"
        if main.tag == "sub":
            return None  # أنه: the pronoun is the subject of the clause (pass 3)
        return "nmod"
    return None


#: Verbs of naming someone to a post, with the person and then the post as objects.
_APPOINTING = _normalised("عين سمى اختار كلف انتخب رشح نصب")


def appointee(ws: list[W], title: int, name: int) -> bool:
    """عين الرئيس سامي حداد وزيرا للدفاع: a title right after a verb of appointing is its
    subject, and a name after it that the post follows in the accusative (وزيرا) is the
    one appointed, not the title's name.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> s = RulesAnalyser().analyse(next(from_strings(["عين الملك فؤاد العلي رئيسا للحكومة."])))
    >>> [(t.form, t.deprel) for t in s.sentences[0].tokens if t.form in ("الملك", "فؤاد")]
    [('الملك', 'nsubj'), ('فؤاد', 'obj')]
    """
    verb = title - 1
    if verb < 0 or ws[verb].upos != "VERB":
        return False
    if normalize(strip_diacritics(ws[verb].lemma or ws[verb].form)) not in _APPOINTING:
        return False
    if ws[verb].gender and ws[title].gender and ws[verb].gender != ws[title].gender:
        return False  # وعين وزيرة العدل سلمى الحسيني خلفا له: the woman is the one appointed
    post = name
    while post < len(ws) and ws[post].ent == ws[name].ent:
        post += 1
    return post < len(ws) and ws[post].upos == "NOUN" and (ws[post].acc or ws[post].tanween)


def under(ws: list[W], k: int, anc: int) -> bool:
    """Whether token k is in the subtree of token anc (a cycle ends the walk).

    >>> ws = [W.__new__(W) for _ in range(3)]
    >>> for w, h in zip(ws, (-1, 0, 1)):
    ...     w.head = h
    >>> under(ws, 2, 0), under(ws, 0, 2)
    (True, False)
    """
    seen = 0
    while k >= 0 and seen < 50:
        if k == anc:
            return True
        k, seen = ws[k].head, seen + 1
    return False

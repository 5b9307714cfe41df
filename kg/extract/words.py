"""The UD extractor's own word lists, one named constant each, with what it is for.

Words are compared after ``kg.text.normalize`` unless a comment says otherwise (some are
compared with a lemma that only lost its diacritics). The lists the analysers share with
the extractor (titles, designators, people nouns, first names) live in
``kg.lexicon.words``; the relation lexicon (verbs, nouns, prepositions and event types
mapped onto relations) in ``kg.lexicon.relations``. Nothing here reads a document.

A word is looked up in its normalised form (hamza seats, alif maqsura, ta marbuta and
diacritics folded), never as written:

>>> "أسفر" in RESULT_VERBS, normalize("أسفر") in RESULT_VERBS
(False, True)
>>> normalize("رسمياً") in MANNER_ADVERBS, normalize("مصرع") in DEATH_FATES
(True, True)
>>> PRON_AGREE["ها"], PRON_AGREE["هما"], SPEECH_PARTICIPLES["مؤكد"]
(('f', 's'), ('', 'd'), 'أكد')
"""

from __future__ import annotations

from ..text import normalize

# ------------------------------------------------------------------ nouns

#: Amounts a decision raises or lowers (رفع البنك المركزي سعر الفائدة، خفض الضرائب).
AMOUNT_NOUNS = frozenset(
    normalize(w)
    for w in "سعر أسعار فائدة رسوم رسم ضريبة ضرائب أجر أجور راتب رواتب تعرفة تعريفة تعريفات "
    "جمارك نسبة معدل سقف حد إنتاج rate price tax tariff fee wage salary ceiling cap".split()
)
#: Duties, powers and charge one takes up (تولى مهامه, تسلم المسؤولية, باشر صلاحياته): they
#: name no post, so taking them is no holdsPosition (nor receiving a thing); منصب (a post)
#: only alone or with a pronoun (تولى منصبه), not with the post as genitive.
DUTY_NOUNS = frozenset(
    normalize(w) for w in "مهمة مهام مهمات مسؤولية مسؤوليات صلاحية صلاحيات واجبات زمام منصب".split()
)
#: Nouns that stand for what they govern in a fact (موقع وزارة الخارجية -> the ministry).
TRANSPARENT = frozenset(
    normalize(w)
    for w in (
        "موقع صحيفة جريدة قناة وكالة تلفزيون جهود جهد دور مصادر مكتب شرق غرب شمال جنوب وسط أطراف "
        "ضواحي محيط وفد وفدا قوات طائرات مقاتلات جنود عناصر وحدات"
    ).split()
)
#: Nouns of a stance or of words said (موقف, تصريحات): praising, criticising or backing
#: one is doing so to who holds it (أشاد بموقف البابا: praised the Pope).
STANCE_NOUNS = frozenset(normalize(w) for w in "موقف مواقف تصريح تصريحات".split())
#: Relations whose object stands for who holds a stance noun.
STANCE_RELATIONS = frozenset({"praised", "criticized", "condemned", "supports"})
#: Armed forces and their weapons (lemmas): as the genitive of an attack noun they do it
#: (قصف الطائرات, غارات المقاتلات), where a place or a thing suffers it (قصف المدينة).
FORCES = frozenset(
    normalize(w)
    for w in (
        "طائرة طيران مقاتلة مسيرة مدفعية دبابة صاروخ قذيفة بارجة سفينة زورق جيش قوة قوات جندي "
        "عنصر مسلح ميليشيا"
    ).split()
)
#: Nouns of collections: with «من X» right after them, one phrase that names X (عدد من
#: المواطنين, سلسلة من الزلازل, الحزمة الجديدة من العقوبات).
COLLECTIONS = frozenset(normalize(w) for w in "سلسلة حزمة موجة دفعة مجموعة جملة عدد".split())
#: Nouns for documents and statements: one entity per lemma and document, like events.
DOCUMENT_NOUNS = frozenset(
    normalize(w)
    for w in (
        "بيان تقرير قرار اتفاق اتفاقية صفقة خطة مبادرة رسالة برقية تصريح تصريحات وثيقة إعلان قانون"
    ).split()
)
#: Singular nouns for bodies of people that act together (الحكومة, الوفد, الجيش).
COLLECTIVES = frozenset(
    normalize(w)
    for w in "حكومة وفد جيش شرطة لجنة سلطات سلطة قوات قوة برلمان مجلس وزارة إدارة فريق نظام معارضة تحالف ائتلاف حزب جماعة منظمة هيئة جهاز مرصد جمعية نقابة رابطة".split()
)
#: Plural nouns that with a genitive of this word name a group (وسائل إعلام محلية: the
#: media), compared without the article.
MEDIA = ({normalize("وسائل")}, normalize("إعلام"))
#: Nouns for one's own country: with a possessive pronoun (بلاده, بلادها) the country of
#: the person the pronoun refers to, when a title said it (وزير الخارجية التركي).
HOMELAND = {normalize(w) for w in ("بلاد", "بلد", "وطن")}
#: Titles of heads of state: with a nationality adjective they lead that country.
HEADS_OF_STATE = {normalize(w) for w in ("رئيس", "ملك", "أمير", "سلطان", "عاهل", "زعيم")}
#: Ranks and courtesy titles that introduce a name set off by commas after a title
#: (المتحدث باسم الشرطة، العميد سالم الكعبي، ...), compared without the article.
RANKS = frozenset(
    normalize(w)
    for w in "عميد عقيد لواء مقدم رائد نقيب جنرال فريق مشير شيخ دكتور مهندس سيد سيدة".split()
)
#: Titles that stand between a title and a name in one chain (أمير قطر الشيخ تميم,
#: العاهل البحريني الملك حمد): ranks, courtesy and royal titles, without the article.
CHAIN_TITLES = RANKS | frozenset(normalize(w) for w in "ملك أمير سلطان".split())
#: Honorifics (kg.lexicon.words.HONORIFICS) stand for the person they honour; صاحب does
#: only before one of the abstract nouns (صاحب الجلالة, صاحب السمو الملكي).
HONORIFIC_OWNER = normalize("صاحب")
#: Words of an honorific phrase between the honorific and the title or name.
HONORIFIC_WORDS = frozenset(
    normalize(w) for w in "الجلالة السمو الفخامة المعالي السعادة الملكي".split()
)
#: Commas (Arabic and Latin) that set off an apposition.
COMMAS = ("،", ",")
#: Nouns whose dual (الرئيسان, الجانبين) refers to the two parties last mentioned together.
DUAL_REFS = frozenset(
    normalize(w) for w in "جانب طرف بلد دولة زعيم رئيس وزير قائد مسؤول ملك أمير وفد".split()
)
#: The same in English, as plural forms that "the two" or "both" makes a pair.
DUAL_REFS_EN = frozenset(
    "sides parties countries leaders presidents ministers delegations men".split()
)
#: English words that make a plural of DUAL_REFS_EN a pair (the two leaders, both sides).
DUAL_WORDS_EN = ("two", "both")
#: Verbal nouns that after في work as prepositions (في مواجهة: against; في مقابل).
PREPOSITIONAL_NOUNS = {normalize(w) for w in ("مواجهة", "مقابل", "أعقاب", "إطار", "ظل")}
#: Demonstratives: a phrase that starts with one (هذا الاجتماع) is no event's name.
DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هولاء"}

# ------------------------------------------------------------- casualties

#: Words before a number that make it approximate (نحو 1500 شخص): part of the quantity.
APPROXIMATORS = frozenset(normalize(w) for w in "نحو حوالي حوالى قرابة زهاء".split())
#: Words of a bound before a number (أكثر من 200, ما لا يقل عن 46, ما يزيد على 30): skipped
#: on the way from a casualty noun to its count, never part of the count itself.
BOUND_WORDS = frozenset(normalize(w) for w in "أكثر أزيد ما لا يقل يزيد من عن على".split())
#: The words a bound opens with.
BOUND_OPENERS = frozenset(normalize(w) for w in "أكثر أزيد ما".split())
#: Number words that head what they count (ثلاثة مشتبه بهم, عشرات القتلى), by lemma.
NUMBER_WORDS = frozenset(
    normalize(w)
    for w in (
        "ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة عشر عشرة "
        "عشرات مئات آلاف ألف مئة مائة ملايين مليون"
    ).split()
)
#: Verbs whose subject causes what their object names (أسفر الهجوم عن مقتل, أدى إلى, خلف).
RESULT_VERBS = frozenset(normalize(w) for w in "اسفر ادي خلف اوقع تسبب".split())
#: Verbs that say an act was done without saying by whom (تم تأجيل الزيارة، جرى اعتقال):
#: their subject, when the parse gives one, is the pronoun of أنه, not the act's doer.
IMPERSONAL = frozenset(normalize(w) for w in "تم جري".split())
#: Subordinators of a result clause (مما أسفر عن): its cause is the clause it follows.
RESULT_MARKS = frozenset({"ما", "مما"})
#: Verbs that take lives (أودى بحياة N, حصد أرواح N), with the nouns for the lives.
LIFE_VERBS = frozenset(normalize(w) for w in "اودي حصد".split())
LIFE_NOUNS = frozenset(normalize(w) for w in "حياة روح ارواح".split())
#: Verbs of killing that, with no subject and a count for object, are passives (قُتل 12 شخصا).
KILLING_VERBS = frozenset(normalize(w) for w in "قتل".split())
#: Verbs of wounding whose passive counts the wounded (أصيب 4 جنود في الهجوم).
WOUNDING_VERBS = frozenset(normalize(w) for w in "أصاب جرح".split())
#: Nouns of a death (مقتل X: X died): whoever announces it is not the killer.
DEATH_NOUNS = frozenset(normalize(w) for w in "مقتل وفاة مصرع".split())
#: Nouns of injuries: a casualty noun joined to one of them shares its cause (مقتل ثلاثة
#: وإصابة سبعة).
INJURY_NOUNS = frozenset(normalize(w) for w in "إصابة جرح".split())
#: Nouns for the dead, counted as the object of a result verb (خلف الزلزال 300 قتيل).
DEAD_NOUNS = frozenset(normalize(w) for w in "قتيل ضحية".split())
#: Nouns for the wounded, counted beside the dead (أسفر عن سقوط 10 قتلى و73 جريحا).
WOUNDED_NOUNS = frozenset(normalize(w) for w in "جريح مصاب".split())
#: Verbs of falling victim to something (راح ضحيته N: N died of what the pronoun means).
VICTIM_VERBS = frozenset(normalize(w) for w in "راح ذهب سقط".split())
#: Nouns of gunfire whose genitive is who shot (مقتل 4 برصاص قوات الأمن، قتل 3 بنيران الجيش).
FIRE_NOUNS = frozenset(normalize(w) for w in "رصاص نيران نار".split())
#: Nouns of violent death a subject meets (لقي N مصرعهم في الانفجار).
DEATH_FATES = frozenset(normalize(w) for w in "مصرع حتف".split())

# ------------------------------------------------------------------ times

#: Names of the week's days (Arabic, and English for English text).
WEEKDAYS = {
    normalize(w) for w in "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت".split()
}
WEEKDAYS |= set("monday tuesday wednesday thursday friday saturday sunday".split())
#: Names of months: Egyptian/Gulf and Levantine Arabic names, and English ones.
MONTHS = {
    normalize(w)
    for w in (
        "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
        "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين"
    ).split()
}
# Maghreb and Moroccan names (جوان، أوت، شتنبر), but for ماي (May), as often a name
MONTHS |= {
    normalize(w)
    for w in "جانفي فيفري أفريل جوان جويلية أوت شتنبر نونبر دجنبر يوليوز غشت يونيه يوليه".split()
}
# English months, but for "may" (the modal verb) and "march" (the verb and the noun)
MONTHS |= set("january february april june july august september october november december".split())
#: Nouns that head a time expression (يوم الأربعاء, صباح الجمعة, العام الماضي).
TIME_HEADS = {
    normalize(w)
    for w in "يوم اليوم يومي صباح مساء ليلة ظهر فجر أمس غدا العام عام السنة سنة الشهر شهر الأسبوع أسبوع مطلع منتصف أواخر".split()
}
#: Adjectives that place a time head relative to now (الماضي, المقبلة, الجاري).
TIME_MODS = {
    normalize(w)
    for w in "الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية القادم القادمة الفائت".split()
}
#: Time heads that are a time expression on their own (أمس, غدا).
DEICTIC_DAYS = ("امس", "غدا")
#: Time heads that need a word after them to be one (العام الماضي, يوم الأحد).
BARE_TIME_HEADS = ("العام", "عام", "يوم", "اليوم", "يومي")

# --------------------------------------------------------------- pronouns

#: Gender and number of free and clitic pronouns ("" gender: either).
PRON_AGREE = {
    "ه": ("m", "s"),
    "ها": ("f", "s"),
    "هم": ("m", "p"),
    "هما": ("", "d"),
    "هن": ("f", "p"),
    "هو": ("m", "s"),
    "هي": ("f", "s"),
}
#: Relative pronouns: they refer to the noun their clause describes.
RELATIVE_PRONOUNS = ("الذي", "التي", "الذين", "اللذان", "اللتان", "ما")
#: Relative pronouns that stand for a noun (not ما), normalised.
PERSONAL_RELATIVES = frozenset(normalize(w) for w in RELATIVE_PRONOUNS if w != "ما")

# ------------------------------------------------------------------ verbs

#: Verbs that link a subject to a description (يعد, يعتبر, بات): no object, no fact.
COPULAS = frozenset(
    normalize(w) for w in "عد عاد اعتبر بدا صار ظل بات اصبح كان ليس زال دام امسي اضحي".split()
)
#: Verbs whose subject is the doer of the action noun they take as object (أعلنت الشرطة
#: اعتقال X: the police arrested X; قرر الحزب إقصاء النائب; نفذ الجيش مداهمة); the subject
#: of any other verb (رحبت واشنطن بانتخاب X) is not. Voting on one (صوت البرلمان على انتخاب X)
#: and managing one (تمكنت القوات من اعتقال X) are doing it; so is agreeing on one (اتفق
#: الطرفان على عقد قمة: they hold it, still to come). Compared with the lexicon key.
AGENT_GOVERNORS = frozenset(
    normalize(w)
    for w in (
        "اعلن قرر اكد كشف نفذ شن اجري باشر بدا واصل تواصل استانف جدد تبني وافق قام اتم اكمل "
        "انجز اعتزم عزم نوي ازمع زمع خطط تسلم تولي القي فرض نظم وجه سلم ارسل بعث استعد صوت تمكن نجح "
        "اتفق"
    ).split()
)
#: Nouns of sanctions (and the packages and lists of them): what they include is what
#: they target (تشمل العقوبات 351 نائبا).
SANCTIONS = frozenset(normalize(w) for w in "عقوبة عقوبات حزمة قائمة".split())
#: Verbs by which sanctions name whom they target (تشمل, تطال).
SANCTION_SCOPE_VERBS = frozenset(normalize(w) for w in "شمل طال".split())
#: Verbal nouns of support verbs: with an action noun as genitive they carry it like
#: their verb (أعلن الاتحاد فرض عقوبات على X, أعلن الجيش شن غارات على Y).
SUPPORT_NOUNS = frozenset(normalize(w) for w in "فرض شن تنفيذ إجراء توجيه".split())
#: Verbs of repelling an attack: their subject fights the attacker (صد الجيش هجوما شنه X).
REPEL_VERBS = frozenset(normalize(w) for w in "صد أحبط أفشل".split())
#: Support verbs that report an action rather than do it: the action noun's own genitive,
#: when it acts, is its doer (أعلنت الرئاسة وصول الرئيس: the president arrives).
REPORT_GOVERNORS = frozenset(normalize(w) for w in "اعلن اكد كشف".split())
#: Verbs by which a place "witnesses" an event (شهدت المنطقة نزاعا): the event's location.
WITNESS_VERBS = frozenset({"شهد"})
#: Verbs that call off what their object noun names (ألغت الحكومة زيارة الوزير: no visit).
CANCELLING = frozenset(normalize(w) for w in "ألغى أرجأ أجل علق رفض".split())
#: Adverbs of manner and time in the accusative that a parse may take for an object
#: (يتصل هاتفيا, أعلن رسميا, يزور المملكة حاليا), normalised without tanween.
MANNER_ADVERBS = frozenset(
    normalize(w)
    for w in (
        "هاتفيا رسميا حاليا شخصيا فعليا مبدئيا نهائيا جزئيا كليا تلفزيونيا إلكترونيا "
        "افتراضيا مؤقتا مجددا سابقا لاحقا أيضا عاجلا فورا"
    ).split()
)
#: Particles that negate the predicate they modify (لم يلتق: a negated fact).
NEGATIONS = ("لا", "لم", "لن", "ليس", "not", "never")
#: Subordinators of purpose clauses (لتشمل, لكي, كي), compared with the lemma.
PURPOSE_MARKS = {"ل", "لكي", "كي"}
#: Speech participles and their verbs (مضيف -> أضاف), compared after normalising.
SPEECH_PARTICIPLES = {
    "مضيف": "أضاف",
    "مؤكد": "أكد",
    "مشير": "أشار",
    "موضح": "أوضح",
    "لافت": "لفت",
    "معتبر": "اعتبر",
    "محذر": "حذر",
    "داع": "دعا",
    "داعية": "دعا",
    "منوه": "نوه",
    "مشدد": "شدد",
    "معلن": "أعلن",
    "مطالب": "طالب",
    "قائل": "قال",
}

# ---------------------------------------------------------- prepositions

#: Prepositions that list further members (إضافة إلى, فضلا عن, إلى جانب).
ADDITION = {"اضافه", "اضافه الي", "بالاضافه", "بالاضافه الي", "فضلا", "فضلا عن", "الي جانب"}
#: Nouns that after إلى make a preposition of company (إلى جانب X: alongside X).
ALONGSIDE = frozenset(normalize(w) for w in "جانب".split())
#: Beginnings of prepositions that list further members, however they go on.
ADDITION_PREFIXES = ("اضافه", "بالاضافه")
#: Prepositions that put an event in a place (في, ب; English in, at).
PLACE_CASES = frozenset({"في", "ب", "in", "at"})
#: Words of direction: a place named after one of them lies in that part of it (شمال
#: سيناء), or that way from something (النجف جنوب بغداد).
DIRECTIONS = frozenset(
    normalize(w)
    for w in (
        "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي شمالى جنوبى شرقى غربى "
        "الشمال الجنوب الشرق الغرب"
    ).split()
)
#: Prepositions that introduce the object of verbs the lexicon lacks (open relations).
OPEN_PREPS = {"ب", "علي", "مع", "عن"}
#: Prepositions of time before a meeting noun whose doer is the subject of the clause it
#: is in (تحدث الوزير خلال اجتماع مع نظيره, أكد في لقاء مع الصحفيين).
MEETING_TIMES = frozenset(normalize(w) for w in ("خلال", "في", "عقب", "بعد", "أثناء"))
#: Prepositions of a source phrase: بحسب رئيس الهيئة, وفق الوكالة.
SOURCE_CASES = {"حسب", "بحسب", "وفق", "وفقا", "طبقا"}
#: Prepositions before the free relative ما of a report aside: the source ones and على
#: (على ما أفاد الديوان الملكي، على ما أعلن مصدر عسكري).
ASIDE_CASES = SOURCE_CASES | {"علي"}
#: Words in an organisation's name before what it fights (التحالف الدولي ضد داعش), in the
#: order they are tried.
PURPOSE_MARKERS = ("ضد", "لمحاربه", "لمكافحه", "لهزيمه")

# ---------------------------------------------------------------- speech

#: Designators of news outlets (وكالة الأنباء, صحيفة, قناة): what they say they report.
PRESS = frozenset(
    normalize(w) for w in "وكالة صحيفة جريدة مجلة قناة شبكة موقع إذاعة تلفزيون".split()
)
#: Documents a speaker speaks "in" (قال في بيان): the speaker issued them.
ISSUED = {normalize(w) for w in "بيان تصريح رسالة تغريدة منشور".split()}
#: Letters and messages: one "from" a person or body was issued by them (رسالة خطية من
#: الرئيس), and handing one over provides nothing (سلمه رسالة).
MESSAGES = frozenset(normalize(w) for w in "رسالة برقية خطاب دعوة".split())
#: What one hands in rather than provides (قدم استقالته: resigned, through the noun's own
#: relation); compared with the lemma without diacritics.
HANDED_IN = frozenset(normalize(w) for w in "استقالة دعوى شكوى".split())
#: Light verbs of handing in: their subject does what a noun of HANDED_IN names (قدم
#: استقالته, تقدم باستقالته); compared with the lexicon key.
HANDING_VERBS = frozenset(normalize(w) for w in "قدم تقدم رفع اودع".split())


def governs_action(verb: str, noun: str) -> bool:
    """Whether a verb's subject does what its action noun object names (lexicon keys): a
    verb of AGENT_GOVERNORS, or a light verb of handing in with a noun handed in.

    >>> governs_action("قدم", normalize("استقالة")), governs_action("قدم", "دعم")
    (True, False)
    """
    return verb in AGENT_GOVERNORS or (verb in HANDING_VERBS and noun in HANDED_IN)


#: Nouns of saying that carry what a source said after نقل عن (قوله, تأكيده, تصريحه);
#: compared with the lemma without diacritics.
SAYING_NOUNS = {"قول", "تأكيد", "تصريح", "إشارة", "اشارة", "تحذير"}
#: Nouns of place adverbs (قرب نامبالا): what follows situates a phrase, it is no genitive
#: of its noun (كمين قرب البلدة is an ambush, not the ambush of a nearness).
NEAR_NOUNS = frozenset(normalize(w) for w in "قرب مقربة".split())
#: Participles of what a body or person does for a living (شبكة مختصة في ترويج المخدرات,
#: شركة متخصصة في صناعة الأدوية): their في phrase describes the noun, a part of its phrase.
SPECIALISED = frozenset(normalize(w) for w in "مختص متخصص".split())
#: Nouns of the edge of a place (على الحدود الشرقية لقطاع غزة, على أطراف مدينة حلب, في
#: ضواحي دمشق): an event there happened in the place of their genitive.
EDGE_NOUNS = frozenset(
    normalize(w) for w in "حد حدود طرف اطراف ضاحية ضواحي تخوم مشارف محيط".split()
)
#: Nouns of a visit or a meeting one is invited or sent to: after a person, a ل-phrase of
#: one is the purpose of the invitation (دعوة إلى الرئيس الفرنسي لزيارة الرباط), no
#: genitive of the person's name.
PURPOSE_NOUNS = frozenset(normalize(w) for w in "زيارة لقاء حضور".split())
#: Media a statement is made to (قال مسؤول لوكالة فرانس برس, صرح X لصحيفة Y).
MEDIA_NOUNS = frozenset(normalize(w) for w in "وكالة صحيفة قناة تلفزيون إذاعة شبكة".split())
#: Nouns of an unnamed source of news (مسؤول, مصدر, متحدث): people known by where they
#: are (مصدر في الجيش, مصادر دبلوماسية; compared with the lemma without the article), and
#: no ل-genitive of a medium follows them (مسؤول لوكالة X is an official speaking to X).
SOURCE_NOUNS = frozenset(normalize(w) for w in "مسؤول مصدر متحدث ناطق".split())
#: Subordinators of "as X said" clauses, whose statement is the clause they attach to.
AS_MARKS = {"حسبما", "كما", "وفقما", "مثلما", "وفق ما", "بحسب ما"}
#: Complementisers that open what a speaker said (إن, أن), normalised.
COMPLEMENTISERS = frozenset({"ان", "بان"})
#: Opening quotation marks (a token is one when its form is in this string).
OPENING_QUOTES = '«"“'
#: Quotation marks left out of a statement's tokens.
QUOTE_MARKS = '"«»“”'
#: What is stripped from both ends of a statement's text.
STATEMENT_STRIP = ' "«»“”،,:.؟!'

# ----------------------------------------------------------------- events

#: Verbs by which an event brings parties together (لقاء جمعهما, قمة جمعته بالملك).
BRING_TOGETHER = frozenset({normalize("جمع")})
#: Where a referral to court sends someone (أحال المتهمين إلى محكمة الجنايات، إلى القضاء،
#: إلى النيابة، للمحاكمة; referred to the court, to trial, to prosecutors), without the
#: article: the head noun of the phrase after إلى (or ل, to).
REFERRAL_TARGETS = frozenset(
    normalize(w)
    for w in "محكمة محاكم قضاء محاكمة نيابة نيابات مدعي court courts trial prosecutor prosecutors prosecution judiciary".split()
)
#: Prepositions before where a referral sends someone.
REFERRAL_CASES = frozenset({normalize("إلى"), "ل", "to"})
#: Event types (of the relation lexicon) whose participants talk without meeting (a
#: telephone or video call).
#: Verbs of holding a meeting (عقد): hosting it, unless the holders are its two sides
#: (عقد الوزيران اجتماعا: both take part).
HOLDING_VERBS = frozenset({"عقد"})
REMOTE_EVENTS = {"call"}
#: Verbs of calling someone (اتصل بـX, هاتف X): the call is an event both parties take
#: part in, as a call made with a verbal noun is (أجرى اتصالا مع X); they met nobody.
CALL_VERBS = frozenset(normalize(w) for w in ("اتصل", "هاتف"))
#: Verbs of discussing: an event as their bare object is a topic talked about (بحثا القمة
#: المقبلة: they discussed the summit), not one they took part in (أجرى محادثات: he did).
DISCUSSING_VERBS = frozenset(normalize(w) for w in ("بحث", "ناقش", "استعرض", "تناول"))

"""Mentions: the first steps on each sentence, before any fact is read.

Reads the analyser's entity spans and the sentence's tokens; writes mentions and
entities to the ``Doc`` (and ``token_ent``, the entity each token stands for), plus what
later sentences look back at: surnames of people named in full, the first word of an
organisation's name. Steps, in the order the driver runs them: ``find_names`` (with the
one fact a name can state: what an organisation fights), ``find_times``,
``find_events`` (event nouns and document nouns), ``find_groups`` (plural nouns of
people). Titles have their own module (``titles``), noun phrases are made when an
argument needs one (``coref.ent_of``).

The entities one sentence's mentions make (a title is a person; the meeting event is
made by the meeting step, the rest here):

>>> from kg import build
>>> g = build(texts=["التقى وزير الخارجية القطري نظيره الأميركي في الدوحة يوم الأحد."])
>>> sorted((e.label, e.cls) for e in g.entities())
[('الدوحة', 'City'), ('لقاء وزير الخارجية القطري ونظيره الأميركي', 'Event'),
 ('نظيره الأميركي', 'Person'), ('وزير الخارجية القطري', 'Person'),
 ('يوم الأحد', 'TimeExpression')]
"""

from __future__ import annotations

from dataclasses import replace

from ..dates import HIJRI_MONTHS, MONTH_WORDS
from ..lexicon import relations as lexmod
from ..lexicon.words import designators, first_names, people_nouns, titles
from ..model import EntitySpan, Sentence, Token
from ..ordinal_days import ordinal_day_end
from ..text import normalize
from .confidence import NAME_PURPOSE
from .delegates import bringing_word
from .modality import said_to_come
from .phrases import ARGUMENT_NP_WORDS, bare_word, is_group, np_ids, strip_al, title_of
from .state import Doc, article_absorbed, article_restored
from .tree import Tree
from .words import (
    APPROXIMATORS,
    BARE_TIME_HEADS,
    BRING_TOGETHER,
    COLLECTIONS,
    DEICTIC_DAYS,
    DOCUMENT_NOUNS,
    MONTHS,
    NUMBER_WORDS,
    OPENING_QUOTES,
    PURPOSE_MARKERS,
    QUOTE_MARKS,
    TIME_HEADS,
    TIME_MODS,
    WEEKDAYS,
)

# ----------------------------------------------------------------- names


def find_names(d: Doc, s: Sentence, tree: Tree) -> None:
    """The analyser's entity spans as name mentions (a Position span as a title)."""
    last_body: tuple[EntitySpan, str] | None = None
    for found in s.entities:
        span = _person_name(tree, found)
        if span is None:
            continue
        ids = list(range(span.first, span.last + 1))
        text = normalize(d.text[tree.tok(span.first).start : tree.tok(span.last).end])
        refs = [r for r in span.ref.split("|") if r]
        key = f"gaz:{refs[0]}" if len(refs) == 1 else f"name:{span.label}:{text}"
        if len(refs) != 1:
            key = _short_name_of(tree, span, last_body) or key
        if span.label == "Position":
            key = f"title:{text}"
        body = _named_as_body(d, tree, span, text) if len(refs) != 1 else None
        if body is not None:
            key, span = body, replace(span, label=d.ent(body).cls)
        if span.label == "Person":
            # a surname alone refers to the person named in full earlier (تيلرسون), also
            # when the full name is a gazetteer person (فيصل المقداد ... المقداد)
            last = text.split(" ")[-1]
            if " " in text:
                d.surnames.setdefault(last, key)
            elif len(refs) != 1 and text in d.surnames:
                key = d.surnames[text]
        gender = "f" if span.label in ("Country", "City", "Region") else ""
        if (
            span.label == "Region"
            and tree.tok(span.first).upos in ("NOUN", "ADJ")
            and tree.feat(span.first, "Gender") == "Masc"
        ):
            gender = "m"  # الساحل الغربي, الريف الشمالي: a region its masculine noun names
        if span.label == "Organization":
            gender = "f" if tree.feat(span.first, "Gender") == "Fem" else "m"
        key = d.mention(
            s,
            tree,
            ids,
            key,
            span.label,
            "name" if span.label != "Position" else "nominal",
            span.first,
            gender=gender,
        )
        if span.label == "Organization":
            last_body = (span, key)
        first = tree.tok(span.first)
        if (
            text.startswith("ل")
            and not text.startswith("ال")
            and article_absorbed(tree, span.first)
        ):
            # للأمم المتحدة: the name is الأمم المتحدة, its alif dropped after ل (not
            # للبنان, ل + لبنان, nor بلافروف, ب + لافروف: no article there)
            e = d.ent(key)
            full = (
                article_restored(tree, span.first) + d.text[first.start : tree.tok(span.last).end]
            )
            if full not in e.names:
                e.names.insert(0, full)
        if span.label == "Country" and normalize(text.split(" ")[0]) in STATE_HEADS:
            d.heads[bare_word(text.split(" ")[0])] = key  # ... المملكة: the kingdom
        if span.label in ("Organization", "Group") and " " in text:
            d.heads[strip_al(text.split(" ")[0])] = key
            _name_purpose(d, s, tree, span.first, span.last, key, text)
        elif span.label in ("Organization", "Group") and span.first > 1:
            kind = normalize(tree.tok(span.first - 1).form)
            if designators().get(kind) == "Organization" and not kind.startswith("ال"):
                d.heads[kind] = key  # حزب العمال ... الحزب: the kind named before the name
                full = d.text[tree.tok(span.first - 1).start : tree.tok(span.last).end]
                e = d.ent(key)
                if full not in e.names:
                    e.names.append(full)


#: Marks around a body's short name written right after its full name.
_SHORT_NAME_MARKS = {"«": "»", '"': '"', "“": "”", "(": ")"}


def _short_name_of(
    tree: Tree, span: EntitySpan, before: tuple[EntitySpan, str] | None
) -> str | None:
    """The key of the organisation whose full name comes right before this one-word
    organisation name in quotes or parentheses: its short name, the same body (وكالة
    الأنباء السعودية «واس», وكالة الأنباء السورية "سانا"); else None.

    >>> from kg import build
    >>> g = build(texts=['ذكرت وكالة الأنباء السعودية "واس" أن الأمير وصل إلى جدة.'])
    >>> [(e.label, sorted(e.names)) for e in g.entities() if e.cls == "Organization"]
    [('وكالة الأنباء السعودية', ['واس', 'وكالة الأنباء السعودية'])]
    """
    if before is None or span.label != "Organization" or span.first != span.last:
        return None
    full, key = before
    if span.first != full.last + 2 or span.last >= len(tree.toks):
        return None
    opener, closer = tree.tok(span.first - 1).form, tree.tok(span.last + 1).form
    return key if _SHORT_NAME_MARKS.get(opener) == closer else None


def _named_as_body(d: Doc, tree: Tree, span: EntitySpan, text: str) -> str | None:
    """The organisation a Person span names when the document named it earlier after a
    designator (شركة X الصينية ... وتصنع X الصينية): the entity's key, or None. A name
    with a first name in it, or after a title, stays a person's (مجموعة طلال أبو غزالة
    ... قال طلال أبو غزالة)."""
    if span.label != "Person" or any(w in first_names() for w in text.split(" ")):
        return None
    if span.first > 1 and normalize(tree.tok(span.first - 1).form) in titles():
        return None
    for cls in ("Organization", "Group"):
        key = f"name:{cls}:{text}"
        if key in d.ents:
            return d.find(key)
    return None


#: The first words of countries' names that stand for them alone later (المملكة العربية
#: السعودية ... المملكة; الجمهورية الإسلامية ... الجمهورية).
STATE_HEADS = frozenset(normalize(w) for w in ("المملكة", "الجمهورية", "السلطنة"))


def _person_name(tree: Tree, span: EntitySpan) -> EntitySpan | None:
    """A person's span without the title words before the name (الرئيس الكيني وليام روتو:
    the title is read as a title, the name is وليام روتو) nor a relative pronoun after it;
    None when nothing but a title is left (the title alone is no name)."""
    if span.label != "Person":
        return span
    first, last = span.first, span.last
    while first <= last and title_of(tree, first) is not None:
        first += 1
        while first <= last and _title_adjective(tree, first):
            first += 1
    while last >= first and tree.tok(last).feat("PronType") == "Rel":
        last -= 1
    if first > last:
        return None
    return (
        span if (first, last) == (span.first, span.last) else replace(span, first=first, last=last)
    )


def _title_adjective(tree: Tree, i: int) -> bool:
    """A word of a title before the name (الرئيس الكيني, ولي العهد السعودي, نظيريه
    الأردني): a definite adjective, or the title's possessive pronoun."""
    t = tree.tok(i)
    return (t.upos == "ADJ" and normalize(t.form).startswith("ال")) or t.upos == "PRON"


def _name_purpose(
    d: Doc, s: Sentence, tree: Tree, first: int, last: int, key: str, text: str
) -> None:
    """A name that says what the organisation fights: التحالف الدولي ضد داعش."""
    from ..lexicon.names import lookup_name

    for marker in PURPOSE_MARKERS:
        head, sep, rest = text.partition(f" {marker} ")
        if not sep or not rest:
            continue
        entries = lookup_name(rest)
        if not entries:
            continue
        e = entries[0]
        target = d.entity(f"gaz:{e.key}", e.cls)
        surface = (
            d.text[tree.tok(first).start : tree.tok(last).end]
            .split(marker if marker == "ضد" else " ل", 1)[-1]
            .strip()
        )
        for name in (e.label_ar, surface):
            if name and name not in target.names:
                target.names.append(name)
        target.proper = True
        d.fact(key, "fights", target.key, s, tree, [first, last], NAME_PURPOSE, marker)
        return


# ----------------------------------------------------------------- times


def _number_at(toks: tuple[Token, ...], k: int) -> bool:
    """Whether token k (0-based) is a number of a day (at most two digits)."""
    return k < len(toks) and toks[k].upos == "NUM" and len(toks[k].form) <= 2


def find_times(d: Doc, s: Sentence, tree: Tree) -> None:
    """Time expressions: يوم الأربعاء, صباح الجمعة, العام الماضي, 22 مارس 2017."""
    toks = s.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        n = normalize(t.form)
        if (n in TIME_HEADS or n in WEEKDAYS or n in MONTHS) and (
            s.index,
            t.id,
        ) not in d.token_ent:
            j = i
            while j + 1 < len(toks):
                m = normalize(toks[j + 1].form)
                if (
                    m in WEEKDAYS
                    or m in MONTHS
                    or (m in MONTH_WORDS and toks[j].upos == "NUM")  # 4 ماي: May after a day
                    or m in TIME_MODS
                    or m in TIME_HEADS
                    # a day or a year in digits (22 مارس 2017), not a count (فجر أمس خمسة)
                    or (toks[j + 1].upos == "NUM" and len(m) <= 4 and m.isdigit())
                    # يومي 5 و6 جوان: two days of one month
                    or (m == "و" and toks[j].upos == "NUM" and _number_at(toks, j + 2))
                    or (m == "من" and toks[j].upos == "NUM" and _time_word(toks, j + 2))
                    or (normalize(toks[j].form) in SPLIT_MONTHS and m in ("الاول", "الثاني"))
                ):
                    j += 1
                else:
                    break
            anchored = j > i or n in WEEKDAYS or n in MONTHS or n in DEICTIC_DAYS
            if anchored and not (n in BARE_TIME_HEADS and j == i) or _today(tree, t, n, j > i):
                first = _time_start(d, s, i)
                ids = [toks[k].id for k in range(first, j + 1)]
                a, b = tree.span(ids)
                label = d.text[a:b]
                key = f"time:{normalize(label)}"
                e_key = d.mention(s, tree, ids, key, "TimeExpression", "value", t.id)
                d.ent(e_key).value = label
            i = j + 1
            continue
        after = _hijri_time(d, s, tree, i)
        if after:
            i = after
            continue
        if (
            t.upos == "NUM"
            and len(n) == 4
            and n[:2] in ("19", "20")
            and (s.index, t.id) not in d.token_ent
        ):
            key = f"time:{n}"
            e_key = d.mention(s, tree, [t.id], key, "TimeExpression", "value", t.id)
            d.ent(e_key).value = n
        i += 1


#: The first words of the two-word Levantine months (كانون الثاني, تشرين الأول).
SPLIT_MONTHS = ("كانون", "تشرين")


def _today(tree: Tree, t: Token, n: str, longer: bool) -> bool:
    """A bare «اليوم» that modifies a verb is today (قال الوزير اليوم إن …); as a noun
    (اليوم الثاني من الهدنة, يوم بعد يوم) it needs a word after it to be a time."""
    if n != "اليوم" or longer or tree.rel(t.id) not in ("obl:tmod", "advmod"):
        return False
    return tree.tok(t.head).upos in ("VERB", "AUX") if t.head else False


def _time_word(toks: tuple[Token, ...], i: int) -> bool:
    """Token i heads a time (يوم 22 من الشهر الماضي)."""
    return i < len(toks) and normalize(toks[i].form) in TIME_HEADS


def _time_start(d: Doc, s: Sentence, i: int) -> int:
    """Where a time expression headed at token i starts: at the day before a month
    (3 مارس, الحادي عشر من أبريل), at أول before أمس."""
    if i == 0 or (s.index, s.tokens[i - 1].id) in d.token_ent:
        return i
    before, n = s.tokens[i - 1], normalize(s.tokens[i].form)
    if n in MONTHS and before.upos == "NUM" and before.form.isdigit() and int(before.form) <= 31:
        return i - 1
    day = ordinal_day_end([t.form for t in s.tokens], i) if n in MONTHS or n == "الشهر" else -1
    if day >= 0 and all((s.index, s.tokens[k].id) not in d.token_ent for k in range(day, i)):
        return day  # الحادي عشر من أبريل, الخامس من الشهر الجاري: the day in words
    if n == "امس" and normalize(before.form) == "اول":
        return i - 1
    return i


def _hijri_time(d: Doc, s: Sentence, tree: Tree, i: int) -> int:
    """A Hijri date at token i (12 رمضان 1445) as a time expression: the index after
    it, or 0 when there is none."""
    toks = s.tokens
    words = _hijri_month(toks, i)
    if not words or (s.index, toks[i].id) in d.token_ent:
        return 0
    j = i + words + (i + words + 1 < len(toks) and toks[i + words + 1].upos == "NUM")
    ids = [toks[k].id for k in range(i, j + 1)]
    a, b = tree.span(ids)
    label = d.text[a:b]
    key = d.mention(s, tree, ids, f"time:{normalize(label)}", "TimeExpression", "value", ids[0])
    d.ent(key).value = label
    return j + 1


def _hijri_month(toks: tuple[Token, ...], i: int) -> int:
    """How many words of a Hijri month follow the day number at i (12 رمضان, 3 ذي
    الحجة): 0 when none does. A month name alone may be a person's name (رمضان)."""
    t = toks[i]
    if t.upos != "NUM" or not t.form.isdigit() or not 1 <= int(t.form) <= 30:
        return 0
    words = [normalize(x.form) for x in toks[i + 1 : i + 3]]
    for k in (2, 1):
        if len(words) >= k and " ".join(words[:k]) in HIJRI_MONTHS:
            return k
    return 0


# ---------------------------------------------------- events and documents


def find_events(d: Doc, s: Sentence, tree: Tree) -> None:
    """Event nouns the lexicon knows (اجتماع, هجوم): one entity per kind and document;
    document nouns (بيان, اتفاق): the bare noun is the last one of its kind."""
    for t in s.tokens:
        if t.upos not in ("NOUN", "PROPN") or (s.index, t.id) in d.token_ent:
            continue
        lk = lexmod.key(t.lemma)
        if strip_al(lk) in COLLECTIONS and _collection(d, s, tree, t.id):
            continue
        etype = d.lex.event_type(lk) or d.lex.event_type(bare_word(t.form))
        if not etype and _reception_told(d, s, tree, t.id):
            continue
        if etype:
            ids = _without_demonstrative(tree, t.id, np_ids(tree, t.id, ARGUMENT_NP_WORDS))
            key = f"event:{strip_al(lk)}" + _earlier_year(d, tree, t.id)
            if "Number=Plur" in (t.feats or "") and f"{key}{SERIES}" in d.ents:
                key += SERIES  # سلسلة من الزلازل ... الزلازل أودت: the plural is the series
            if _the_last_meeting(d, tree, t.id, ids):
                key = d.last_meeting or key  # استقبل X Y ... وشدد خلال هذا اللقاء
            key = d.mention(s, tree, ids, key, "Event", "event", t.id)
            _quoted_name(d, s, tree, ids, key)
            if _coming_meeting_noun(tree, t.id, lk):
                d.coming_meeting = key  # اجتماع قريب: what a meeting told later may be
        elif bare_word(t.form) in DOCUMENT_NOUNS or strip_al(lk) in DOCUMENT_NOUNS:
            # a statement or an agreement: the bare noun (البيان) refers back to the last one
            # of its kind; with modifiers (اتفاقية التجارة الحرة) it names one of its own
            ids = _without_demonstrative(tree, t.id, np_ids(tree, t.id, ARGUMENT_NP_WORDS))
            base = strip_al(lk)
            a, b = tree.span(ids)
            known = d.doc_nouns.get(base) if len(ids) == 1 else None
            doc_key = known or f"doc:{d.analysed.doc.id}:{normalize(d.text[a:b])}"
            d.doc_nouns[base] = d.mention(s, tree, ids, doc_key, "Thing", "nominal", t.id)


#: The longest quoted name read as the name of the event noun before it.
QUOTED_NAME_WORDS = 5


def _quoted_name(d: Doc, s: Sentence, tree: Tree, ids: list[int], key: str) -> None:
    """A quoted phrase right after an event's noun phrase names that event (العملية
    العسكرية "سيناء 2018", عملية "درع الصحراء"): its words stand for the event, not for the
    place or the thing they would name alone, and the phrase is one of the event's names.

    >>> from kg import build
    >>> g = build(texts=['أعلن الجيش مقتل 7 جنود في العملية العسكرية "سيناء 2018" التي أطلقها الجيش.'])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "launched"]
    [('الجيش', 'launched', 'العملية العسكرية')]
    """
    toks = s.tokens
    start = max(ids)  # token ids are 1-based: toks[start] is the token after the phrase
    if start >= len(toks) or toks[start].form not in frozenset(OPENING_QUOTES):
        return
    close = next(
        (
            k
            for k in range(start + 1, min(len(toks), start + QUOTED_NAME_WORDS + 2))
            if toks[k].form in frozenset(QUOTE_MARKS)
        ),
        0,
    )
    if close <= start + 1:
        return
    inner = [toks[k].id for k in range(start + 1, close)]
    if any(tree.tok(k).upos in ("VERB", "AUX", "PUNCT") for k in inner):
        return  # a quoted clause or sentence, not a name
    for k in inner:
        d.token_ent[(s.index, k)] = key
    a, b = tree.span(inner)
    name = d.text[a:b]
    if name not in d.ent(key).names:
        d.ent(key).names.append(name)


# ------------------------------------------------------------- quantities


def find_quantities(d: Doc, s: Sentence, tree: Tree) -> None:
    """A number with what it counts is a quantity (12 شخصا, نحو 1500 شخص, 351 نائبا):
    the counted noun heads it (a bare number is one only when a fact needs it)."""
    for t in s.tokens:
        if (
            t.upos == "NOUN"
            and lexmod.key(t.lemma) in NUMBER_WORDS
            and tree.children(t.id, "nmod")
            and (s.index, t.id) not in d.token_ent
        ):
            quantity_mention(d, s, tree, t.id)  # ثلاثة مشتبه بهم: the number word heads it
            continue
        if _counted_pair(tree, t) and (s.index, t.id) not in d.token_ent:
            quantity_mention(d, s, tree, t.id)  # عنصرين إرهابيين: the dual counts two
            continue
        if t.upos != "NUM" or t.deprel != "nummod" or (s.index, t.id) in d.token_ent:
            continue
        h = t.head
        nxt = t.id + 1
        if (
            h < t.id
            and nxt <= len(s.tokens)
            and tree.tok(nxt).upos == "NOUN"
            and (s.index, nxt) not in d.token_ent
        ):
            # العقوبات الجديدة 351 نائبا: a number comes before what it counts
            quantity_mention(d, s, tree, nxt, (t.id,))
            continue
        if not h or tree.tok(h).upos != "NOUN" or (s.index, h) in d.token_ent:
            continue
        lemma = tree.tok(h).lemma
        if d.lex.event_type(lexmod.key(lemma)) is not None:
            continue  # 3 هجمات: events, counted
        if d.lex.noun(lemma) is None:
            quantity_mention(d, s, tree, h)
            continue
        # ضبط 4 متهمين parsed with the number on the action noun: it counts the next noun
        nxt = t.id + 1
        if nxt <= len(s.tokens) and tree.tok(nxt).head == h and tree.tok(nxt).upos == "NOUN":
            quantity_mention(d, s, tree, nxt, (t.id,))
    _bounded_counts(d, s, tree)


#: Elatives that bound a count before من (أكثر من 300 طبيب, أقل من عشرة أشخاص).
BOUND_HEADS = frozenset(normalize(w) for w in "أكثر أقل أزيد".split())


def _bounded_counts(d: Doc, s: Sentence, tree: Tree) -> None:
    """A bound before a count (أكثر من 300 طبيب) heads the phrase in the parse: the bound
    stands for the counted quantity, so that a verb's argument there is what is counted.

    >>> from kg import build
    >>> g = build(texts=["وقعت أكثر من 40 جمعية أهلية بيانا مشتركا."])
    >>> [(f.subject, f.relation) for f in g.facts() if f.relation == "signed"]
    [('40 جمعية أهلية', 'signed')]
    """
    for t in s.tokens:
        if normalize(t.form) not in BOUND_HEADS or (s.index, t.id) in d.token_ent:
            continue
        for k in tree.children(t.id, "nmod"):
            key = d.token_ent.get((s.index, k))
            if (
                key is not None
                and tree.case(k) == "من"
                and d.ent(key).cls == "Quantity"
                and tree.children(k, "nummod")
            ):
                d.token_ent[(s.index, t.id)] = key
                break


def _counted_pair(tree: Tree, t: Token) -> bool:
    """An indefinite dual of a noun for people (عنصرين إرهابيين, شرطيان): as many as two,
    a count like ثلاثة عناصر (القضاء على عنصرين: those killed are counted)."""
    return (
        t.upos == "NOUN"
        and t.feat("Number") == "Dual"
        and t.feat("Definite") != "Def"
        and not any(tree.tok(k).upos == "PRON" for k in tree.children(t.id, "nmod"))
        and normalize(t.lemma) in people_nouns()
    )


def quantity_mention(d: Doc, s: Sentence, tree: Tree, i: int, more: tuple[int, ...] = ()) -> str:
    """The Quantity a number, or a noun counted by one, stands for: with what modifies
    the noun, the word that makes it approximate (نحو 1500 شخص) and ``more`` tokens (the
    counted word a parse hung elsewhere)."""
    ids = [k for k in np_ids(tree, i, ARGUMENT_NP_WORDS) if not _a_time(d, s, k)] + list(more)
    end = max(ids)
    if end + 2 <= len(s.tokens):
        prep, pron = tree.tok(end + 1), tree.tok(end + 2)
        if pron.upos == "PRON" and prep.head == end + 2 and normalize(prep.form) == "ب":
            ids += [end + 1, end + 2]  # مشتبه بهم: the participle's pronoun complement
    ids += [
        k
        for k in tree.children(i, "case", "advmod")
        if k < i and normalize(tree.tok(k).form) in APPROXIMATORS
    ]
    if tree.tok(i).upos == "NUM" and i > 1 and normalize(tree.tok(i - 1).form) in APPROXIMATORS:
        ids.append(i - 1)  # نحو 10: the word before a bare number
    part = partitive(tree, ids)
    ids += part
    a, b = tree.span(ids)
    label = d.text[a:b]
    key = d.mention(
        s,
        tree,
        sorted(set(ids)),
        f"qty:{d.analysed.doc.id}:{normalize(label)}",
        "Quantity",
        "value",
        i,
        number="p",
    )
    d.ent(key).value = label
    core = [
        k
        for k in ids
        if k not in part and (k == i or tree.rel(k) in ("nummod", "case") or k in more)
    ]
    core += [k for k in tree.children(i, "nmod") if not tree.has_case(k)][:1]
    # 11 عنصرا إرهابيا متورطين في ...: with the adjectives that have nothing of their own
    plain = [k for k in tree.children(i, "amod") if k in ids and not tree.children(k)]
    for part in (core, core + plain):
        if len(set(part)) < len(set(ids)):
            # ستة أفراد مرتبطين ب...: the number and what it counts name it too
            a, b = tree.span(sorted(set(part)))
            name = d.text[a:b]
            if name not in d.ent(key).names:
                d.ent(key).names.append(name)
    return key


def partitive(tree: Tree, ids: list[int]) -> list[int]:
    """The group a bare count is taken from, told right after it with من (مقتل 5 من عناصره،
    ثلاثة من رجال الشرطة): من and that noun phrase, its pronoun too; nothing when the count
    has a noun of its own (12 شخصا من سكان القرية) or no such phrase follows.

    >>> from kg import build
    >>> g = build(texts=["أسفر الهجوم عن مقتل ثلاثة من رجال الشرطة."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "killed"]
    [('الهجوم', 'killed', 'ثلاثة من رجال الشرطة')]
    """
    bare = all(
        tree.tok(k).upos == "NUM"
        or lexmod.key(tree.tok(k).lemma) in NUMBER_WORDS
        or normalize(tree.tok(k).form) in APPROXIMATORS
        for k in ids
    )
    p = max(ids) + 1
    if not bare or p + 1 > len(tree.toks) or normalize(tree.tok(p).form) != "من":
        return []
    k = tree.tok(p).head
    if k != p + 1 or tree.tok(k).upos not in ("NOUN", "PROPN"):
        return []
    out = [p, *np_ids(tree, k, ARGUMENT_NP_WORDS)]
    if k + 1 <= len(tree.toks) and tree.tok(k + 1).upos == "PRON" and tree.tok(k + 1).head == k:
        out.append(k + 1)  # من عناصره: with its pronoun
    return out


def _a_time(d: Doc, s: Sentence, k: int) -> bool:
    """Whether token k is part of a time expression (مقتل 12 شخصا الخميس: the day the
    parse hung on the counted noun is no part of the count)."""
    key = d.token_ent.get((s.index, k))
    return key is not None and d.ent(key).cls == "TimeExpression"


#: The key suffix of a series of events (سلسلة من الزلازل, موجة من الهجمات).
SERIES = ":series"
#: Nouns that name a meeting a clause told of before (استقبل X Y ... في هذا اللقاء).
MEETING_NOUNS = frozenset(normalize(w) for w in ("لقاء", "استقبال", "مقابلة"))
#: The verb of attending, whose subject a bare reception noun is when the people who sat
#: in come after it (حضر الاستقبال X).
ATTEND = normalize("حضر")


#: Words after an event noun searched for the year that dates it.
YEAR_WINDOW = 15


def _earlier_year(d: Doc, tree: Tree, n: int) -> str:
    """``@YEAR`` when the phrase of event noun n names a year before the document's (هجوم
    استهدف تجمعا في ديسمبر عام 2012, in an article of 2018): an earlier event of the kind,
    not the one the article tells of; else "".

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.extract.ud import extract
    >>> from kg.model import Document
    >>> text = "قتل 11 شخصا في هجوم على سوق. وقتل والده في هجوم استهدف مسجدا عام 2012."
    >>> doc = Document("d", text, "ar", meta=(("date", "2018-07-11"),))
    >>> sum(e.cls == "Event" for e in extract(RulesAnalyser().analyse(doc)).entities)
    2
    """
    year = next((v[:4] for k, v in d.analysed.doc.meta if k == "date" and v[:4].isdigit()), "")
    after = []  # the words after it up to a comma: the parse may hang its clause elsewhere
    for k in range(n + 1, min(n + YEAR_WINDOW, len(tree.toks)) + 1):
        if tree.tok(k).upos == "PUNCT":
            break
        after.append(k)
    for k in [*tree.subtree(n), *after] if year else ():
        form = tree.tok(k).form
        if len(form) == 4 and form.isdigit() and "1900" < form < year:
            return f"@{form}"
    return ""


#: Nouns of a meeting of two parties (what a clause of meeting makes an event of).
MEETING_KINDS = frozenset(normalize(w) for w in ("اجتماع", "لقاء", "مباحثات", "محادثات"))


def _coming_meeting_noun(tree: Tree, n: int, lemma: str) -> bool:
    """Whether n is an indefinite meeting noun said to come (اجتماع قريب، لقاء مرتقب): a
    meeting a later clause (سيلتقي X مع Y في Z) may tell of (:func:`kg.extract.meetings.meeting_event`)."""
    t = tree.tok(n)
    return (
        strip_al(lemma) in MEETING_KINDS
        and not normalize(t.form).startswith("ال")
        and "Definite=Def" not in (t.feats or "")
        and said_to_come(tree, n)
    )


def _the_last_meeting(d: Doc, tree: Tree, n: int, ids: list[int]) -> bool:
    """Whether a bare definite meeting noun (اللقاء, هذا اللقاء) refers back to the last
    meeting a clause made an event of."""
    form = normalize(tree.tok(n).form)
    return (
        d.last_meeting is not None
        and form.startswith("ال")
        and strip_al(form) in MEETING_NOUNS
        and all(k == n or tree.tok(k).feat("PronType") == "Dem" for k in ids)
    )


def _reception_told(d: Doc, s: Sentence, tree: Tree, n: int) -> bool:
    """A bare reception or interview noun after a meeting was told (استقبل X Y ... حضر
    الاستقبال Z): that meeting, though the noun names no event by itself (استقبال
    اللاجئين); whether it was one."""
    form, h = normalize(tree.tok(n).form), tree.tok(n).head
    attended = h and tree.rel(n) == "nsubj" and lexmod.key(tree.tok(h).lemma) == ATTEND
    if d.last_meeting is None and not attended:
        return False  # (neither reading below can hold: the noun's phrase is not needed)
    ids = _without_demonstrative(tree, n, np_ids(tree, n, ARGUMENT_NP_WORDS))
    if d.last_meeting is not None and _the_last_meeting(d, tree, n, ids):
        d.mention(s, tree, ids, d.last_meeting, "Event", "event", n)
        return True
    if (
        not attended
        or ids != [n]
        or not form.startswith("ال")
        or strip_al(form) not in MEETING_NOUNS
    ):
        return False
    # حضر الاستقبال X with no meeting told before (none had a place or a time): its own
    d.mention(s, tree, ids, f"event:{strip_al(form)}", "Event", "event", n)
    return True


def _collection(d: Doc, s: Sentence, tree: Tree, h: int) -> bool:
    """A collection noun and what it collects, right after it (سلسلة من الزلازل, الحزمة
    الجديدة من العقوبات): one phrase, an event when it collects events. Whether it was."""
    own = np_ids(tree, h, ARGUMENT_NP_WORDS)
    of = max(own) + 1
    if of + 1 > len(s.tokens) or normalize(tree.tok(of).form) != "من":
        return False
    member = tree.tok(of).head
    if member != of + 1 or tree.tok(member).upos != "NOUN":
        return False
    ids = sorted({*own, of, *np_ids(tree, member, ARGUMENT_NP_WORDS)})
    a, b = tree.span(ids)
    mk = lexmod.key(tree.tok(member).lemma)
    if d.lex.event_type(mk) or d.lex.event_type(bare_word(tree.tok(member).form)):
        # a series is not one of its events (زلزال ضرب بلخ اليوم; سلسلة من الزلازل ضربت
        # هيرات في أكتوبر): an entity of its own
        key = d.mention(s, tree, ids, f"event:{strip_al(mk)}{SERIES}", "Event", "event", h)
    else:
        cls = "Group" if is_group(tree.tok(member)) else "Thing"  # مجموعة من المهربين
        key = d.mention(
            s,
            tree,
            ids,
            f"np:{cls}:{d.analysed.doc.id}:{normalize(d.text[a:b])}",
            cls,
            "nominal",
            h,
            number="p" if cls == "Group" else "s",
        )
    d.token_ent[(s.index, member)] = key
    return True


def _without_demonstrative(tree: Tree, head: int, ids: list[int]) -> list[int]:
    """A phrase's tokens without a demonstrative after its head (اتفاق الهدنة هذه: the
    name is اتفاق الهدنة), nor a verb of bringing together read as its genitive noun
    (لقاء جمعهما: the relative clause is no part of the name, which is لقاء; قمة تجمع
    قادة X و Y: the name is قمة)."""
    bringing = bringing_word(tree, head)
    joined = set(tree.subtree(bringing)) if bringing else set()
    joined |= {
        m
        for k in ids
        if k == head + 1
        and tree.rel(k) == "nmod"
        and tree.tok(k).head == head
        and lexmod.key(tree.tok(k).lemma) in BRING_TOGETHER
        and any(tree.tok(j).upos == "PRON" for j in tree.children(k, "nmod"))
        for m in tree.subtree(k)
    }
    return [
        k
        for k in ids
        if k not in joined
        and not (k > head and tree.rel(k) == "det" and tree.feat(k, "PronType") == "Dem")
    ]


# ---------------------------------------------------------------- groups


def _in_construct(tree: Tree, i: int) -> bool:
    """Whether a plural noun governs a genitive (وزراء خارجية دول X, قادة الفصائل): the
    group is named by the whole construct, not by its first word."""
    t = tree.tok(i)
    return not normalize(t.form).startswith("ال") and any(
        not tree.has_case(k) and tree.tok(k).upos in ("NOUN", "PROPN")
        for k in tree.children(i, "nmod")
        if k == i + 1
    )


def _event_at(d: Doc, s: Sentence, k: int) -> bool:
    """Whether token k stands for an event (ضحايا الحريق: the fire stays an event)."""
    key = d.token_ent.get((s.index, k))
    return key is not None and d.ent(key).cls == "Event"


def find_groups(d: Doc, s: Sentence, tree: Tree) -> None:
    """Plural human nouns name groups (العراقيين, مسؤولون أميركيون, المجتمعون)."""
    for t in s.tokens:
        if t.upos not in ("NOUN", "ADJ") or (s.index, t.id) in d.token_ent or t.deprel == "amod":
            continue
        if not is_group(t):
            continue
        # with its adjectives and a quantifier before it (جميع المتورطين, كافة المتهمين)
        ids = [
            t.id,
            *tree.children(t.id, "amod"),
            *[k for k in tree.children(t.id, "det") if k < t.id],
        ]
        whole = np_ids(tree, t.id) if _in_construct(tree, t.id) else []
        if not any(_event_at(d, s, k) for k in whole):
            ids = sorted({*ids, *whole})  # وزراء خارجية دول مجلس التعاون, not ضحايا الحريق
        a, b = tree.span(ids)
        label = normalize(d.text[a:b])
        d.mention(
            s,
            tree,
            ids,
            f"group:{d.analysed.doc.id}:{label}",
            "Group",
            "nominal",
            t.id,
            number="p",
            gender="m",
        )

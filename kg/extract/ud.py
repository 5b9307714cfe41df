"""The UD extractor: mentions, entities and facts from Universal Dependencies trees.

One extractor serves every analyser. For each sentence it

1. finds mentions: names (the analyser's entity spans), titles (وزير الخارجية الأميركي),
   event nouns (اجتماع, هجوم), time expressions, and, when an argument needs one, the
   noun phrase at hand;
2. groups mentions into entities: same name or a person's surname, a bare title that
   was earlier in apposition to a name (الوزير الأميركي -> Tillerson), the same event
   noun, pronouns and dropped subjects resolved against recent mentions that agree in
   gender and number;
3. reads facts off predicates: verbs and verbal nouns through the relation lexicon
   (subject, object or prepositional object, clausal complement for speech), titles in
   apposition (holdsPosition, leaderOf), prepositions on nouns (ضد, بقيادة), and the
   place and time of events. Coordinated subjects and objects, and the members a phrase
   lists (كالمملكة المتحدة وفرنسا, إضافة إلى ...), give one fact each. A verb outside the
   lexicon gives an open relation labelled with its lemma.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..lexicon import gazetteer
from ..lexicon import relations as lexmod
from ..lexicon.words import designators, people_nouns, title_at, titles
from ..model import AnalysedDoc, Entity, Extraction, Mention, Sentence, Token, Triple
from ..text import normalize, strip_diacritics
from ..vocab import OPEN, SPEECH_RELATIONS
from .tree import Tree

NAME = "ud-extractor/1"

AGENTIVE = frozenset({"Person", "Organization", "Group", "Country", "City", "Region", "Place"})
PLACES = frozenset({"Country", "City", "Region", "Place"})
#: Nouns that stand for what they govern in a fact (موقع وزارة الخارجية -> the ministry).
TRANSPARENT = frozenset(
    normalize(w)
    for w in (
        "موقع صحيفة جريدة قناة وكالة تلفزيون جهود جهد دور مصادر مكتب شرق غرب شمال جنوب وسط أطراف "
        "ضواحي محيط وفد وفدا قوات طائرات مقاتلات جنود عناصر وحدات"
    ).split()
)
#: Nouns for documents and statements: one entity per lemma and document, like events.
DOCUMENT_NOUNS = frozenset(
    normalize(w)
    for w in "بيان تقرير قرار اتفاق اتفاقية خطة مبادرة رسالة تصريح تصريحات وثيقة إعلان".split()
)
#: Singular nouns for bodies of people that act together (الحكومة, الوفد, الجيش).
COLLECTIVES = frozenset(
    normalize(w)
    for w in "حكومة وفد جيش شرطة لجنة سلطات سلطة قوات قوة برلمان مجلس وزارة إدارة فريق نظام معارضة تحالف ائتلاف حزب جماعة منظمة هيئة".split()
)
_WEEKDAYS = {
    normalize(w) for w in "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت".split()
}
_WEEKDAYS |= set("monday tuesday wednesday thursday friday saturday sunday".split())  # English text
_MONTHS = {
    normalize(w)
    for w in (
        "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
        "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين"
    ).split()
}
# English months, but for "may" (the modal verb) and "march" (the verb and the noun)
_MONTHS |= set(
    "january february april june july august september october november december".split()
)
_TIME_HEADS = {
    normalize(w)
    for w in "يوم اليوم صباح مساء ليلة ظهر فجر أمس غدا العام عام السنة سنة الشهر شهر الأسبوع أسبوع مطلع منتصف أواخر".split()
}
_TIME_MODS = {
    normalize(w)
    for w in "الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية القادم القادمة الفائت".split()
}
_PRON_AGREE = {
    "ه": ("m", "s"),
    "ها": ("f", "s"),
    "هم": ("m", "p"),
    "هما": ("", "d"),
    "هن": ("f", "p"),
    "هو": ("m", "s"),
    "هي": ("f", "s"),
}
_COPULAS = frozenset(
    normalize(w) for w in "عد عاد اعتبر بدا صار ظل بات اصبح كان ليس زال دام امسي اضحي".split()
)
_ADDITION = {"اضافه", "اضافه الي", "بالاضافه", "بالاضافه الي", "فضلا", "فضلا عن", "الي جانب"}
#: Prepositions that put an event in a place (في, ب; English in, at).
_PLACE_CASES = frozenset({"في", "ب", "in", "at"})


@dataclass
class _Ent:
    key: str
    cls: str
    names: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    value: str = ""
    gender: str = ""
    number: str = "s"
    proper: bool = False  # has a proper-name mention


@dataclass
class _Fact:
    subject: str
    relation: str
    object: str
    sentence: int
    start: int
    end: int
    confidence: float
    lemma: str = ""
    negated: bool = False


class _Doc:
    def __init__(self, analysed: AnalysedDoc) -> None:
        self.analysed = analysed
        self.text = analysed.doc.text
        self.lex = lexmod.load("ar" if analysed.doc.lang != "en" else "en")
        self.ents: dict[str, _Ent] = {}
        self.alias: dict[str, str] = {}  # union-find parent of entity keys
        self.mentions: list[Mention] = []
        self.facts: list[_Fact] = []
        self.bindings: list[
            tuple[str, frozenset[str], str, int]
        ] = []  # title head, modifiers, person, sentence
        self.history: list[tuple[str, str, int]] = []  # (entity key, role, sentence)
        self.last_speaker: str | None = None
        self.nationality: dict[
            str, gazetteer.Entry
        ] = {}  # person key -> gazetteer Country of their title's adjective
        self.token_ent: dict[tuple[int, int], str] = {}
        self.surnames: dict[str, str] = {}
        self.heads: dict[str, str] = {}  # first word of an organisation's name -> its entity
        self.last_pair: tuple[str, str] | None = None  # the parties of the last meeting
        self.doc_nouns: dict[str, str] = {}  # بيان, اتفاق ...: the last entity of each kind

    # ------------------------------------------------------------- entities

    def find(self, key: str) -> str:
        while key in self.alias:
            key = self.alias[key]
        return key

    def ent(self, key: str) -> _Ent:
        """The entity a key stands for now, after merges (no entity is made)."""
        return self.ents[self.find(key)]

    def merge(self, a: str, b: str) -> str:
        a, b = self.find(a), self.find(b)
        if a == b:
            return a
        ea, eb = self.ents[a], self.ents[b]
        # keep the entity with a proper name as representative
        if eb.proper and not ea.proper:
            a, b, ea, eb = b, a, eb, ea
        self.alias[b] = a
        ea.names.extend(n for n in eb.names if n not in ea.names)
        ea.mentions.extend(eb.mentions)
        ea.proper = ea.proper or eb.proper
        return a

    def entity(self, key: str, cls: str, gender: str = "", number: str = "s") -> _Ent:
        key = self.find(key)
        e = self.ents.get(key)
        if e is None:
            e = _Ent(key, cls, gender=gender or _default_gender(cls), number=number)
            self.ents[key] = e
        return e

    def mention(
        self,
        s: Sentence,
        tree: Tree,
        ids: list[int],
        key: str,
        cls: str,
        kind: str,
        head: int,
        **kw: str,
    ) -> str:
        a, b = tree.span(ids)
        surface = self.text[a:b]
        e = self.entity(key, cls, kw.get("gender", ""), kw.get("number", "s"))
        mid = f"m{len(self.mentions) + 1}"
        self.mentions.append(Mention(mid, s.index, a, b, surface, cls, e.key, kind, head))
        e.mentions.append(mid)
        name = _whole_word(surface, tree, max(ids))
        if name not in e.names:
            e.names.append(name)
        if kind == "name":
            e.proper = True
        # a name covers all its tokens; a phrase (event, title, noun phrase) only its head;
        # a statement none (its words have entities of their own)
        for t in (
            ids
            if kind == "name" or cls == "TimeExpression"
            else ([] if cls == "Statement" else [head])
        ):
            self.token_ent.setdefault((s.index, t), e.key)
        self.history.append((e.key, "mention", s.index))
        return e.key

    # ---------------------------------------------------------------- facts

    def fact(
        self,
        subj: str | None,
        rel: str,
        obj: str | None,
        s: Sentence,
        tree: Tree,
        ids: list[int],
        conf: float,
        lemma: str = "",
    ) -> None:
        if subj is None or obj is None:
            return
        subj, obj = self.find(subj), self.find(obj)
        if subj == obj:
            return
        a, b = tree.span([i for i in ids if i])
        pred = ids[0] if ids and ids[0] else 0
        if pred and _reported(tree, pred):
            conf *= 0.8  # said by someone, not stated by the article
        neg = bool(pred) and any(
            normalize(tree.tok(k).form) in ("لا", "لم", "لن", "ليس", "not", "never")
            for k in tree.children(pred, "advmod", "aux")
        )
        self.facts.append(_Fact(subj, rel, obj, s.index, a, b, conf, lemma, neg))


def _whole_word(surface: str, tree: Tree, last: int) -> str:
    """A name as a word: a noun cut before its pronoun suffix gets its ة back
    (مسؤوليتها → مسؤولية), so labels are words a reader (and a search) knows."""
    t = tree.tok(last)
    nxt = tree.tok(last + 1) if last < len(tree.toks) else None
    if (
        nxt is not None
        and nxt.upos == "PRON"
        and nxt.start == t.end
        and surface.endswith("ت")
        and not surface.endswith("ات")
        and strip_diacritics(t.lemma).endswith("ة")
    ):
        return surface[:-1] + "ة"
    return surface


def _reported(tree: Tree, i: int) -> bool:
    """Whether token i sits inside what a speech verb reports (قال إن ...)."""
    for h in [i, *tree.ancestors(i)]:
        if (
            h == i
            and tree.rel(i) == "parataxis"
            and 0 < tree.tok(i).head < i
            and any(tree.tok(k).form in '«"“' for k in range(1, i))
        ):
            continue  # «...»، قال X: the verb that reports the quotation is the article's own
        if tree.rel(h) in ("ccomp", "parataxis") and tree.tok(h).head:
            head = tree.tok(tree.tok(h).head)
            if head.upos in ("VERB", "ADJ", "NOUN"):
                return True
    return False


def _default_gender(cls: str) -> str:
    return {"Person": "m", "Country": "f", "City": "f", "Region": "f"}.get(cls, "")


# ==================================================================== driver


def extract(analysed: AnalysedDoc) -> Extraction:
    """Mentions, entities and facts of one analysed document."""
    d = _Doc(analysed)
    for s in analysed.sentences:
        if not s.tokens:
            continue
        tree = Tree(s)
        _names(d, s, tree)
        _anaphora(d, s, tree)
        _times(d, s, tree)
        _titles(d, s, tree)
        _events(d, s, tree)
        _groups(d, s, tree)
        _predicates(d, s, tree)
        _sources(d, s, tree)
        _predicative_titles(d, s, tree)
    return _finish(d)


# ----------------------------------------------------------------- mentions


def _names(d: _Doc, s: Sentence, tree: Tree) -> None:
    for span in s.entities:
        ids = list(range(span.first, span.last + 1))
        text = normalize(d.text[tree.tok(span.first).start : tree.tok(span.last).end])
        refs = [r for r in span.ref.split("|") if r]
        key = f"gaz:{refs[0]}" if len(refs) == 1 else f"name:{span.label}:{text}"
        if span.label == "Position":
            key = f"title:{text}"
        if span.label == "Person" and len(refs) != 1:
            # a surname alone refers to the person named in full earlier (تيلرسون)
            last = text.split(" ")[-1]
            if " " in text:
                d.surnames.setdefault(last, key)
            elif text in d.surnames:
                key = d.surnames[text]
        gender = "f" if span.label in ("Country", "City", "Region") else ""
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
        first = tree.tok(span.first)
        if (
            span.first > 1
            and text.startswith("ل")
            and not text.startswith("ال")
            and tree.tok(span.first - 1).end == first.start
        ):
            # للأمم المتحدة: the name is الأمم المتحدة, its alif dropped after ل
            e = d.ent(key)
            full = "ا" + d.text[first.start : tree.tok(span.last).end]
            if full not in e.names:
                e.names.insert(0, full)
        if span.label in ("Organization", "Group") and " " in text:
            d.heads[_strip_al(text.split(" ")[0])] = key
            _name_purpose(d, s, tree, span.first, span.last, key, text)
        elif span.label in ("Organization", "Group") and span.first > 1:
            kind = normalize(tree.tok(span.first - 1).form)
            if designators().get(kind) == "Organization" and not kind.startswith("ال"):
                d.heads[kind] = key  # حزب العمال ... الحزب: the kind named before the name
                full = d.text[tree.tok(span.first - 1).start : tree.tok(span.last).end]
                e = d.ent(key)
                if full not in e.names:
                    e.names.append(full)


def _name_purpose(
    d: _Doc, s: Sentence, tree: Tree, first: int, last: int, key: str, text: str
) -> None:
    """A name that says what the organisation fights: التحالف الدولي ضد داعش."""
    from ..lexicon.names import lookup_name

    for marker in ("ضد", "لمحاربه", "لمكافحه", "لهزيمه"):
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
        d.fact(key, "fights", target.key, s, tree, [first, last], 0.8, marker)
        return


def _anaphora(d: _Doc, s: Sentence, tree: Tree) -> None:
    """A definite noun that heads an organisation's name mentioned earlier refers to it:
    التحالف after التحالف الدولي, التنظيم after تنظيم داعش."""
    for t in s.tokens:
        if t.upos != "NOUN" or (s.index, t.id) in d.token_ent:
            continue
        n = normalize(t.form)
        prev = s.tokens[t.id - 2] if t.id > 1 else None
        if (
            not n.startswith("ال")
            and n.startswith("ل")
            and prev is not None
            and normalize(prev.form) == "ل"
            and prev.end == t.start
        ):
            n = "ا" + n  # للحزب: ل + الحزب with the alif of the article dropped
        if not n.startswith("ال") or _strip_al(n) not in d.heads:
            continue
        ids = [t.id, *tree.children(t.id, "amod")]
        key = d.heads[_strip_al(n)]
        d.mention(s, tree, ids, key, d.ent(key).cls, "nominal", t.id)


def _times(d: _Doc, s: Sentence, tree: Tree) -> None:
    """Time expressions: يوم الأربعاء, صباح الجمعة, العام الماضي, 22 مارس 2017."""
    toks = s.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        n = normalize(t.form)
        if (n in _TIME_HEADS or n in _WEEKDAYS or n in _MONTHS) and (
            s.index,
            t.id,
        ) not in d.token_ent:
            j = i
            while j + 1 < len(toks):
                m = normalize(toks[j + 1].form)
                if (
                    m in _WEEKDAYS
                    or m in _MONTHS
                    or m in _TIME_MODS
                    or m in _TIME_HEADS
                    or (toks[j + 1].upos == "NUM" and len(m) <= 4)
                ):
                    j += 1
                else:
                    break
            anchored = j > i or n in _WEEKDAYS or n in _MONTHS or n in ("امس", "غدا")
            if anchored and not (n in ("العام", "عام", "يوم", "اليوم") and j == i):
                ids = [toks[k].id for k in range(i, j + 1)]
                a, b = tree.span(ids)
                label = d.text[a:b]
                key = f"time:{normalize(label)}"
                e_key = d.mention(s, tree, ids, key, "TimeExpression", "value", t.id)
                d.ent(e_key).value = label
            i = j + 1
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


def _np_ids(tree: Tree, head: int, limit: int = 8) -> list[int]:
    """The noun-phrase tokens of a head: genitives, adjectives, numbers, determiners (no
    prepositional phrases except ل-genitives, no clauses, no appositions)."""
    out = [head]
    stack = [head]
    while stack and len(out) < limit:
        h = stack.pop()
        for k in tree.children(h):
            r = tree.rel(k)
            if (
                r in ("amod", "det", "nummod", "flat", "flat:name", "compound", "fixed")
                or (r == "cc" and h != head)
                or (r == "conj" and tree.tok(k).upos == "ADJ")
                or (
                    r in ("nmod", "nmod:poss")
                    and (not tree.has_case(k) or tree.case(k) == "ل")
                    and tree.tok(k).upos != "PRON"
                    and strip_diacritics(tree.tok(k).lemma)
                    not in _SAYING_NOUNS  # عن مسؤول قوله: not "مسؤول قول"
                )
            ):
                out.append(k)
                stack.append(k)
            elif r == "case" and h != head:
                out.append(k)
    return sorted(set(out))[:limit] if len(out) > limit else sorted(set(out))


def _title_of(tree: Tree, i: int) -> str | None:
    """The normalised title word if token i is a person title (وزير, الرئيس, الأمين العام)."""
    t = tree.tok(i)
    n = normalize(t.form)
    if i + 1 <= len(tree.toks) - 1 + 1 and i < len(tree.toks):
        two = title_at([t.form, tree.tok(i + 1).form], 0)
        if two is not None and " " in two:
            return two  # ولي العهد, رئيس الوزراء
    if n in titles():
        return n
    if n.endswith("ا") and n[:-1] in titles() and _strip_al(lexmod.key(t.lemma)) == n[:-1]:
        return n[:-1]  # عضوًا, رئيسًا: the accusative of a title
    return None


def _titles(d: _Doc, s: Sentence, tree: Tree) -> None:
    for t in s.tokens:
        title = _title_of(tree, t.id)
        if title is None or t.upos not in ("NOUN", "ADJ", "PROPN"):
            continue
        owner = d.token_ent.get((s.index, t.id))
        if owner is not None and d.ent(owner).cls not in ("Position",):
            continue
        if t.deprel == "appos" and t.head and _title_of(tree, t.head):
            continue  # أمير قطر الشيخ تميم: an honorific inside another title's chain
        ids = [k for k in _np_ids(tree, t.id, 10)]
        head_word = title[2:] if title.startswith("ال") else title
        mods = frozenset(
            _strip_al(normalize(tree.tok(k).form))
            for k in ids
            if k != t.id and tree.tok(k).upos not in ("ADP", "PUNCT")
        )
        if any(tree.rel(k) == "nmod" and tree.tok(k).head == t.id for k in ids):
            mods = mods | {"#genitive"}  # رئيس مجلس النواب: a bare الرئيس is someone else
        person = _appos_person(d, s, tree, t.id)
        pos_key = owner or f"title:{normalize(' '.join(tree.tok(k).form for k in ids))}"
        if owner is None:
            pos_key = d.mention(s, tree, ids, pos_key, "Position", "nominal", t.id)
        if titles()[title].relation == "honorific":
            if person is not None:  # قال السيد بانفالكار: the courtesy title names no position
                d.token_ent[(s.index, t.id)] = person
                if titles()[title].gender == "f":
                    d.ent(person).gender = "f"
            continue
        if person is not None:
            d.bindings.append((head_word, mods, person, s.index))
            info = titles().get(title)
            if info is not None and info.gender == "f":
                d.ent(person).gender = "f"  # مديرة الصندوق كريستالينا غورغييفا: a woman
            d.fact(
                person,
                "holdsPosition",
                pos_key,
                s,
                tree,
                [t.id, *ids, _head_of_ent(d, s, person, tree)],
                0.9,
            )
            _title_relation(d, s, tree, t.id, ids, title, person)
            d.token_ent[(s.index, t.id)] = person
            continue
        bound = _bound_person(d, head_word, mods, s.index)
        if bound is not None:
            d.token_ent[(s.index, t.id)] = bound
            e = d.ent(bound)
            surface = d.text[tree.span(ids)[0] : tree.span(ids)[1]]
            if surface not in e.names:
                e.names.append(surface)
            d.history.append((bound, "mention", s.index))
        else:
            # a title with no name: the person is known only by it (قال الرئيس الفرنسي)
            e_key = d.find(pos_key)
            e = d.ent(e_key)
            if e.cls == "Position" and not e.proper:
                e.cls = "Person"
                e.gender = "f" if titles()[title].gender == "f" else "m"
            d.token_ent[(s.index, t.id)] = e_key


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _appos_person(d: _Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """The person a title is in apposition with: an appos/flat name child, its parent, or the name right after it."""
    cands = tree.children(i, "appos", "flat", "nmod")
    for c in list(cands):
        if tree.rel(c) == "appos" and _title_of(tree, c):
            cands += tree.children(c, "appos", "flat")  # أمير قطر الشيخ تميم: through the honorific
    if tree.rel(i) in ("appos", "compound"):  # compound: English "President Trump"
        cands.append(tree.tok(i).head)
    for c in cands:
        key = d.token_ent.get((s.index, c))
        if key is not None and d.ent(key).cls == "Person":
            return d.find(key)
    return None


def _head_of_ent(d: _Doc, s: Sentence, key: str, tree: Tree) -> int:
    for (si, tid), k in d.token_ent.items():
        if si == s.index and d.find(k) == d.find(key):
            return tid
    return 0


def _bound_person(d: _Doc, head: str, mods: frozenset[str], sentence: int) -> str | None:
    """The person last named with this title. A mention may drop modifiers (الوزير الأميركي
    for وزير الخارجية الأميركي); a bare title (الرئيس) refers only to a person named in the
    last two sentences, and never to one whose title had a genitive (رئيس مجلس النواب)."""
    for h, m, person, si in reversed(d.bindings):
        if h != head:
            continue
        if not mods and ("#genitive" in m or sentence - si > 2):
            continue
        if mods - {"#genitive"} <= m:
            return person
    return None


#: Titles of heads of state: with a nationality adjective they lead that country.
_HEADS_OF_STATE = {normalize(w) for w in ("رئيس", "ملك", "أمير", "سلطان", "عاهل", "زعيم")}


def _title_relation(
    d: _Doc, s: Sentence, tree: Tree, t: int, ids: list[int], title: str, person: str
) -> None:
    rel = titles()[title].relation
    for k in tree.subtree(t, frozenset({"appos", "acl:relcl", "acl", "conj", "flat"})):
        if tree.rel(k) != "amod":
            continue
        country = gazetteer.country_of_nisba(tree.tok(k).form)
        if country is not None:  # وزير الخارجية التركي: his country (بلاده) is Turkey
            d.nationality.setdefault(d.find(person), country)
            break
    if rel == "holdsPosition":
        return
    for k in tree.subtree(t, frozenset({"appos", "acl:relcl", "acl", "conj"})):
        if k == t:
            continue
        key = d.token_ent.get((s.index, k))
        if key is None:
            continue
        e = d.ent(key)
        if e.cls in ("Organization", "Country", "Group") and d.find(key) != person:
            d.fact(person, rel, key, s, tree, [t, k], 0.85)
            return
    if rel != "leaderOf" or _strip_al(title) not in _HEADS_OF_STATE:
        return  # رئيس الوزراء المصري heads a government, not the country
    for k in tree.children(t, "amod"):
        # الرئيس التونسي, ملك الأردن's الملك الأردني: the country of a nationality adjective
        country = gazetteer.country_of_nisba(tree.tok(k).form)
        if country is None or (s.index, k) in d.token_ent:
            continue
        key = d.mention(s, tree, [k], f"gaz:{country.key}", "Country", "nominal", k, gender="f")
        e = d.ent(key)
        if country.label_ar not in e.names:
            e.names.insert(0, country.label_ar)
        if d.find(key) != person:
            d.fact(person, rel, key, s, tree, [t, k], 0.8)
        return


def _groups(d: _Doc, s: Sentence, tree: Tree) -> None:
    """Plural human nouns name groups (العراقيين, مسؤولون أميركيون, المجتمعون)."""
    for t in s.tokens:
        if t.upos not in ("NOUN", "ADJ") or (s.index, t.id) in d.token_ent or t.deprel == "amod":
            continue
        if not _is_group(t):
            continue
        ids = [t.id, *tree.children(t.id, "amod")]
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


def _predicative_titles(d: _Doc, s: Sentence, tree: Tree) -> None:
    """A title said of a subject: أصبحت فنلندا عضوا في الحلف, فنلندا عضو في الحلف,
    انتخب البرلمان X رئيسا للجمهورية."""
    for t in s.tokens:
        title = _title_of(tree, t.id)
        if title is None:
            continue
        rel = tree.rel(t.id)
        subj_tok = 0
        if rel == "xcomp" or (rel in ("root", "ccomp") and tree.children(t.id, "nsubj")):
            host = t.head if rel == "xcomp" else t.id
            subs = tree.children(host, "nsubj")
            subj_tok = subs[0] if subs else 0
        elif (
            rel in ("obl", "obj")
            and t.feat("Definite") != "Def"
            and normalize(t.form).endswith("ا")
        ):
            objs = [k for k in tree.children(t.head, "obj") if k != t.id]
            subj_tok = objs[0] if objs else 0  # عين الملك X وليا للعهد
        if not subj_tok:
            continue
        subj = _ent_of(d, s, tree, subj_tok)
        if subj is None:
            continue
        relation = titles()[title].relation
        scope = tree.subtree(t.id, frozenset({"acl:relcl", "conj", "nsubj"}))
        if rel == "xcomp":  # the complement may hang on the copula: أصبحت فنلندا عضوا في الحلف
            scope += [k for j in tree.children(t.head, "obl") if j > t.id for k in tree.subtree(j)]
        for k in scope:
            if k == t.id:
                continue
            key = d.token_ent.get((s.index, k))
            if (
                key
                and d.ent(key).cls in ("Organization", "Country", "Group")
                and d.find(key) != subj
            ):
                d.fact(
                    subj,
                    relation if relation != "-" else "affiliatedWith",
                    key,
                    s,
                    tree,
                    [t.id, k],
                    0.75,
                )
                break


#: Event types whose participants talk without meeting (a telephone or video call).
_REMOTE_EVENTS = {"call"}


def _events(d: _Doc, s: Sentence, tree: Tree) -> None:
    for t in s.tokens:
        if t.upos not in ("NOUN", "PROPN") or (s.index, t.id) in d.token_ent:
            continue
        lk = lexmod.key(t.lemma)
        etype = d.lex.event_type(lk) or d.lex.event_type(_strip_al(normalize(t.form)))
        if etype:
            ids = _np_ids(tree, t.id, 6)
            d.mention(s, tree, ids, f"event:{_strip_al(lk)}", "Event", "event", t.id)
        elif _strip_al(normalize(t.form)) in DOCUMENT_NOUNS or _strip_al(lk) in DOCUMENT_NOUNS:
            # a statement or an agreement: the bare noun (البيان) refers back to the last one
            # of its kind; with modifiers (اتفاقية التجارة الحرة) it names one of its own
            ids = _np_ids(tree, t.id, 6)
            base = _strip_al(lk)
            a, b = tree.span(ids)
            key = d.doc_nouns.get(base) if len(ids) == 1 else None
            key = key or f"doc:{d.analysed.doc.id}:{normalize(d.text[a:b])}"
            d.doc_nouns[base] = d.mention(s, tree, ids, key, "Thing", "nominal", t.id)


# --------------------------------------------------------------- arguments


def _ent_of(d: _Doc, s: Sentence, tree: Tree, i: int, create: bool = True) -> str | None:
    """The entity a token (the head of an argument) refers to."""
    t = tree.tok(i)
    if create and _strip_al(lexmod.key(t.lemma)) in _HOMELAND:
        own = _homeland(d, s, tree, i)
        if own is not None:
            return own
    key = d.token_ent.get((s.index, i))
    if key is not None:
        key = d.find(key)
        n = normalize(t.form)
        if _strip_al(n) in TRANSPARENT or n in TRANSPARENT:
            inner = _transparent_target(d, s, tree, i)
            if inner:
                return inner
        return key
    n = normalize(t.form)
    if _strip_al(n) in TRANSPARENT or n in TRANSPARENT or n in designators():
        inner = _transparent_target(d, s, tree, i)  # العاصمة كابل, موقع الحرة: the name
        if inner:
            return inner
    if t.upos == "PRON":
        if n == "ما" and tree.children(i, "acl:relcl", "acl") and create:
            # a free relative (رفضت ما وصفته بالتدخل): the clause is the thing meant
            ids = tree.subtree(i)
            a, b = tree.span(ids)
            return d.mention(
                s,
                tree,
                ids,
                f"np:Thing:{d.analysed.doc.id}:{normalize(d.text[a:b])}",
                "Thing",
                "nominal",
                i,
            )
        if t.feat("PronType") == "Rel" or n in ("الذي", "التي", "الذين", "اللذان", "اللتان", "ما"):
            if tree.rel(t.head) in ("acl:relcl", "acl") or tree.tok(t.head).deprel.startswith(
                "acl"
            ):
                ante = tree.tok(t.head).head
                return _ent_of(d, s, tree, ante, create) if ante else None
            return None
        return _pronoun(d, s, tree, i)
    if t.upos in ("PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "VERB", "DET"):
        return None
    if n in d.surnames:  # شولتس after أولاف شولتس
        return d.find(d.surnames[n])
    # a name or entity deeper in the phrase: حلفاء الولايات المتحدة keeps its own head
    if not create:
        return None
    ids = _np_ids(tree, i, 6)
    a, b = tree.span(ids)
    label = d.text[a:b]
    lemma = _strip_al(lexmod.key(t.lemma))
    if t.upos == "NUM":
        cls = "Quantity"
    elif _is_group(t):
        cls = "Group"
    elif lemma in people_nouns():
        cls = "Person"  # ممثل الاتحاد الأوروبي: a person known by a description
    elif lemma in COLLECTIVES or _strip_al(n) in COLLECTIVES:
        cls = "Organization"  # الحكومة العراقية, الوفد, الشرطة
    else:
        cls = "Thing"
    number = "p" if t.feat("Number") in ("Plur",) else "s"
    gender = "f" if t.feat("Gender") == "Fem" else "m"
    scope = f"{d.analysed.doc.id}:" if cls in ("Thing", "Quantity") else ""
    return d.mention(
        s,
        tree,
        ids,
        f"np:{cls}:{scope}{normalize(label)}",
        cls,
        "nominal",
        i,
        gender=gender,
        number=number,
    )


#: Nouns for one's own country: with a possessive pronoun (بلاده, بلادها) the country of
#: the person the pronoun refers to, when a title said it (وزير الخارجية التركي).
_HOMELAND = {normalize(w) for w in ("بلاد", "بلد", "وطن")}


def _homeland(d: _Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    pron = next(
        (k for k in tree.children(i, "nmod", "nmod:poss") if tree.tok(k).upos == "PRON"), None
    )
    if pron is None or tree.tok(pron).start != tree.tok(i).end:
        return None
    if tree.feat(pron, "Number") != "Sing":
        return None
    who = _pronoun(d, s, tree, pron)
    country = d.nationality.get(d.find(who)) if who else None
    if country is None:
        return None
    key = d.mention(s, tree, [i, pron], f"gaz:{country.key}", "Country", "nominal", i, gender="f")
    e = d.ent(key)
    if country.label_ar not in e.names:
        e.names.insert(0, country.label_ar)
    return d.find(key)


def _is_group(t: Token) -> bool:
    """A plural human noun (العراقيين, مسؤولون): a group of people."""
    form = normalize(t.form)
    lemma = lexmod.key(t.lemma)
    plural = t.feat("Number") in ("Plur", "Dual")
    return plural and (
        _strip_al(lemma) in people_nouns()
        or lemma in people_nouns()
        or form.endswith(("يون", "يين"))
    )


def _transparent_target(d: _Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    for k in tree.children(i, "nmod", "appos", "flat"):
        if tree.has_case(k) and tree.case(k) not in ("ل",):
            continue
        key = d.token_ent.get((s.index, k))
        if key is not None and d.ent(key).cls in AGENTIVE:
            return d.find(key)
    return None


def _pronoun(
    d: _Doc, s: Sentence, tree: Tree, i: int, exclude: set[str] | None = None
) -> str | None:
    """Resolve a pronoun (clitic or free) to the most recent entity that agrees."""
    n = normalize(tree.tok(i).form)
    gender, number = _PRON_AGREE.get(n, ("", ""))
    if not number:
        g = tree.feat(i, "Gender")
        num = tree.feat(i, "Number")
        gender = {"Masc": "m", "Fem": "f"}.get(g or "", "")
        number = {"Sing": "s", "Plur": "p", "Dual": "d"}.get(num or "", "")
    if tree.feat(i, "Person") in ("1", "2"):
        return None
    exclude = set(exclude or ())
    h = tree.tok(i).head
    if h and tree.rel(i) == "obj":
        # an object pronoun never refers to its own verb's subject (ودمروها)
        for v in (h, tree.tok(h).head if tree.rel(h) == "conj" else 0):
            for j in tree.children(v, "nsubj") if v else []:
                k = d.token_ent.get((s.index, j))
                if k:
                    exclude.add(d.find(k))
    found = _recent(d, gender, number, exclude, s.index, prefer_subject=False)
    if found is None:
        found = _antecedent_noun(d, s, tree, i, gender, number)
    return found


def _antecedent_noun(
    d: _Doc, s: Sentence, tree: Tree, i: int, gender: str, number: str
) -> str | None:
    """A pronoun whose antecedent is no entity yet: the nearest agreeing noun before it in
    the sentence (ودمروها -> الدبابة), not the subject of its own verb."""
    own_subject = set()
    h = tree.tok(i).head
    if h:
        own_subject = set(tree.children(h, "nsubj"))
    for k in range(i - 1, 0, -1):
        t = tree.tok(k)
        if t.upos not in ("NOUN", "PROPN") or t.deprel in ("amod", "flat") or k in own_subject:
            continue
        g = {"Masc": "m", "Fem": "f"}.get(t.feat("Gender") or "", "")
        num = {"Sing": "s", "Plur": "p", "Dual": "d"}.get(t.feat("Number") or "", "s")
        if number and num != number and not (number == "s" and gender == "f" and num == "p"):
            continue
        if gender and g and g != gender and num == "s":
            continue
        return _ent_of(d, s, tree, k)
    return None


def _agrees(e: _Ent, gender: str, number: str) -> bool:
    if number == "p":
        return (
            e.number == "p" or e.cls in ("Group",) or (e.cls in ("Organization",) and gender != "m")
        )
    if number == "d":
        return e.number in ("d", "p")
    if number == "s" and e.number == "p":
        # non-human plurals take feminine singular agreement
        return gender == "f" and e.cls in ("Organization", "Thing")
    if gender and e.gender and gender != e.gender:
        return False
    return True


def _recent(
    d: _Doc,
    gender: str,
    number: str,
    exclude: set[str],
    sentence: int,
    prefer_subject: bool,
    classes: frozenset[str] = AGENTIVE,
) -> str | None:
    """The most recent agreeing entity; subjects first when ``prefer_subject``."""
    passes = ("subject", "mention") if prefer_subject else ("mention",)
    for want in passes:
        for key, role, si in reversed(d.history):
            if sentence - si > 4:
                break
            if want == "subject" and role != "subject":
                continue
            k = d.find(key)
            if k in exclude:
                continue
            e = d.ents[k]
            if e.cls not in classes:
                continue
            if _agrees(e, gender, number):
                return k
    return None


def _expand(d: _Doc, s: Sentence, tree: Tree, i: int) -> list[int]:
    """An argument and the arguments coordinated or listed with it."""
    out = [i]
    for k in tree.children(i, "conj"):
        if tree.tok(k).upos != "ADJ":
            out.extend(_expand(d, s, tree, k))
    n = normalize(tree.tok(i).form)
    if _strip_al(n) in TRANSPARENT or n in designators():
        # وفدا الجيش وقوات الدعم السريع: what a delegation, forces or site stands for, and
        # what is coordinated with it
        for k in tree.children(i, "nmod"):
            if not tree.has_case(k):
                out.extend(x for c in tree.children(k, "conj") for x in _expand(d, s, tree, c))
    for k in tree.children(i, "nmod", "obl", "appos"):
        c = tree.case(k)
        if c == "ك" or c in _ADDITION or c.startswith("اضافه") or c.startswith("بالاضافه"):
            out.extend(_expand(d, s, tree, k))
    return out


def _verb_agreement(tree: Tree, v: int) -> tuple[str, str]:
    g = tree.feat(v, "Gender")
    n = tree.feat(v, "Number")
    return {"Masc": "m", "Fem": "f"}.get(g or "", ""), {"Sing": "s", "Plur": "p", "Dual": "d"}.get(
        n or "", ""
    )


_DUAL_REFS = frozenset(
    normalize(w) for w in "جانب طرف بلد دولة زعيم رئيس وزير قائد مسؤول ملك أمير وفد".split()
)
_DUAL_REFS_EN = frozenset(
    "sides parties countries leaders presidents ministers delegations men".split()
)


def _dual_parties(d: _Doc, tree: Tree, i: int) -> list[str] | None:
    """الرئيسان, الجانبين: a dual description refers to the two parties last mentioned together."""
    t = tree.tok(i)
    if t.form.lower() in _DUAL_REFS_EN:
        # the two leaders, both sides
        two = any(
            tree.tok(k).form.lower() in ("two", "both")
            for k in tree.children(i, "nummod", "det", "amod", "compound")
        )
        return list(d.last_pair) if two and d.last_pair else None
    n = _strip_al(normalize(t.form))
    lemma = _strip_al(lexmod.key(t.lemma))
    stem = n[:-2] if n.endswith(("ان", "ين")) else ""
    if not stem or lemma not in _DUAL_REFS or stem != lemma:
        return None
    return list(d.last_pair) if d.last_pair else None


def _keys(d: _Doc, s: Sentence, tree: Tree, x: int) -> list[str]:
    parties = _dual_parties(d, tree, x)
    if parties:
        return [d.find(p) for p in parties]
    k = _ent_of(d, s, tree, x)
    return [k] if k else []


def _subjects(
    d: _Doc, s: Sentence, tree: Tree, v: int, speech: bool, depth: int = 0
) -> tuple[list[str], float]:
    """Subject entities of a predicate and a confidence for how they were found."""
    subs = tree.children(v, "nsubj") or tree.children(
        v, "obl:agent"
    )  # obl:agent: English "hosted by X"
    if subs:
        keys = [k for j in subs for x in _expand(d, s, tree, j) for k in _keys(d, s, tree, x)]
        if len(keys) == 1 and tree.feat(v, "Gender") == "Fem" and tree.feat(v, "Person") == "3":
            e = d.ent(keys[0])
            if e.cls == "Person" and tree.feat(v, "Number") == "Sing":
                e.gender = "f"  # قالت X: the verb agrees with a woman
        return keys, 0.9
    if tree.feat(v, "Number") == "Dual" and tree.tok(v).upos == "VERB" and d.last_pair is not None:
        return [d.find(p) for p in d.last_pair], 0.75  # وبحثا: a dual verb, the last two parties
    if depth < 3 and tree.rel(v) in ("conj", "xcomp") and tree.tok(v).head:
        h = tree.tok(v).head
        if tree.tok(h).upos in ("VERB", "AUX", "ADJ", "NOUN"):
            keys, conf = _subjects(d, s, tree, h, speech, depth + 1)
            return keys, conf * 0.95
    if (
        tree.rel(v) == "advcl"
        and tree.tok(v).upos in ("ADJ", "NOUN")
        and tree.tok(v).head
        and depth < 3
    ):
        # مضيفًا أن ...: the participle shares the subject of the clause it hangs on
        keys, conf = _subjects(d, s, tree, tree.tok(v).head, speech, depth + 1)
        return keys, conf * 0.9
    if tree.tok(v).feat("Person") in ("1", "2"):
        return [], 0.0
    if tree.tok(v).feat("Voice") == "Pass":
        return [], 0.0  # قُتل 12 شخصا: a passive names no agent, and none is guessed
    gender, number = _verb_agreement(tree, v)
    marks = {normalize(strip_diacritics(tree.tok(m).lemma)) for m in tree.children(v, "mark")}
    if marks & {"ل", "لكي", "كي"} and depth < 3:
        # هدد بتوسيع الهجمات لتشمل ...: a purpose clause's dropped subject is the governing
        # clause's subject when it agrees, else it is left open (never someone from earlier)
        h = next((a for a in tree.ancestors(v) if tree.tok(a).upos in ("VERB", "AUX")), 0)
        if not h:
            return [], 0.0
        keys, conf = _subjects(d, s, tree, h, speech, depth + 1)
        return [k for k in keys if _agrees(d.ent(k), gender, number)], conf * 0.9
    resumptive = any(tree.tok(k).upos == "PRON" for k in tree.children(v, "obj"))
    if _is_relative_clause(tree, v) and not resumptive and tree.tok(v).head:
        # بيانًا أثنى فيه على ...: the noun the clause describes does the action, when the
        # verb agrees with it (بيانا دعوا فيه: "they called", so not the statement)
        key = _ent_of(d, s, tree, tree.tok(v).head)
        if key and _agrees(d.ent(key), gender, number):
            return [key], 0.75
    if speech and d.last_speaker is not None:
        e = d.ent(d.last_speaker)
        if e.cls in AGENTIVE and _agrees(e, gender, number):
            return [d.find(d.last_speaker)], 0.75
    # a dropped subject is none of the verb's own arguments (وأشادت بالتزام القاهرة: not Cairo)
    args = [i for c in tree.children(v, "obj", "iobj", "obl", "nmod") for i in tree.subtree(c)]
    own = {d.find(k) for i in args if (k := d.token_ent.get((s.index, i))) is not None}
    key = _recent(d, gender, number, own, s.index, prefer_subject=True)
    return ([key] if key else []), 0.7


def _objects(
    d: _Doc, s: Sentence, tree: Tree, v: int, entry: lexmod.Entry | None
) -> list[tuple[str, int]]:
    """Object entities of a predicate (with the token each comes from): its direct object,
    and its prepositional object when the lexicon names the preposition."""
    args = tree.children(v, "obj", "nsubj:pass")
    if entry is not None and entry.preps:
        args += [
            j for j in tree.children(v, "obl", "nmod") if tree.case(j).split(" ")[0] in entry.preps
        ]
    out: list[tuple[str, int]] = []
    for j in args:
        t = tree.tok(j)
        if t.upos == "PRON" and t.feat("PronType") != "Rel" and _is_relative_clause(tree, v):
            # a resumptive pronoun (الذي استضافه, الذي شارك فيه): the noun the clause is about
            ante = tree.tok(v).head
            key = _ent_of(d, s, tree, ante)
            if key:
                out.append((key, ante))
            continue
        for x in _expand(d, s, tree, j):
            key = _ent_of(d, s, tree, x)
            if key:
                out.append((key, x))
    return out


def _is_relative_clause(tree: Tree, v: int) -> bool:
    return tree.rel(v).startswith("acl")


#: Verbal nouns that after في work as prepositions (في مواجهة: against; في مقابل).
_PREPOSITIONAL_NOUNS = {normalize(w) for w in ("مواجهة", "مقابل", "أعقاب", "إطار", "ظل")}

#: Prepositions that introduce the object of verbs the lexicon lacks (open relations).
_OPEN_PREPS = {"ب", "علي", "مع", "عن"}

#: Documents a speaker speaks "in" (قال في بيان): the speaker issued them.
_ISSUED = {normalize(w) for w in "بيان تصريح رسالة تغريدة منشور".split()}

#: Nouns of saying that carry what a source said after نقل عن (قوله, تأكيده, تصريحه).
_SAYING_NOUNS = {"قول", "تأكيد", "تصريح", "إشارة", "اشارة", "تحذير"}

#: Subordinators of "as X said" clauses, whose statement is the clause they attach to.
_AS_MARKS = {"حسبما", "كما", "وفقما", "مثلما", "وفق ما", "بحسب ما"}


def _statement(d: _Doc, s: Sentence, tree: Tree, v: int) -> tuple[str, int] | None:
    """The reported content of a speech predicate: its complement clause or quotation."""
    comps = [(c, tree.subtree(c)) for c in tree.children(v, "ccomp", "parataxis")]
    for k in tree.children(v, "obj", "obl", "nmod"):
        if strip_diacritics(tree.tok(k).lemma) in _SAYING_NOUNS:  # نقل عنه قوله إن / قوله: «...»
            comps += [(c, tree.subtree(c)) for c in tree.children(k, "ccomp", "parataxis")]
    if not comps and tree.rel(v) == "parataxis" and 0 < tree.tok(v).head < v:
        # «لن نقبل بأي تسوية»، قال زعيم المعارضة: the quotation before the verb is what was said
        head = tree.tok(v).head
        own = set(tree.subtree(v))
        before = [k for k in tree.subtree(head) if k not in own and k < min(own)]
        if any(tree.tok(k).form in '«"“' for k in before):
            comps = [(head, before)]
    aside = tree.rel(v) == "advcl" and bool(
        {strip_diacritics(tree.tok(m).lemma) for m in tree.children(v, "mark")} & _AS_MARKS
    )
    v_head = tree.tok(v).head
    if (
        not aside
        and tree.rel(v).startswith("acl")
        and v_head
        and normalize(tree.tok(v_head).form) == "ما"
    ):
        # حسب ما أفاد المرصد: a free relative after حسب/وفق is an aside like حسبما
        cases = {
            normalize(strip_diacritics(tree.tok(c).lemma)) for c in tree.children(v_head, "case")
        }
        if cases & {"حسب", "وفق", "بحسب"}:
            aside, v = True, v_head
    if not comps and aside and tree.tok(v).head:
        comps = _commented(tree, v)
    return _statement_of(d, s, tree, comps)


def _commented(tree: Tree, v: int) -> list[tuple[int, list[int]]]:
    """The clause an aside at token v comments on (كما قال, حسب ما أفاد, بحسب الوزير):
    its reported content, or the rest of the clause, without the aside and the dateline."""
    head = tree.tok(v).head
    reported = tree.children(head, "ccomp")
    if reported:  # قال X، كما ذكرت الوكالة، إن ...: the agency reports the same content
        return [(reported[0], tree.subtree(reported[0]))]
    own = set(tree.subtree(v))
    dateline = {k for c in tree.children(head, "dep") if c < head for k in tree.subtree(c)}
    rest = [k for k in tree.subtree(head) if k not in own and k not in dateline]
    while rest and (tree.tok(rest[0]).upos == "PUNCT" or tree.rel(rest[0]) == "cc"):
        rest = rest[1:]  # دمشق (الأناضول) - قتل ...: the dateline is no part of it
    before = [k for k in rest if k < min(own)]
    return [(head, before or [k for k in rest if k > max(own)])]


def _statement_of(
    d: _Doc, s: Sentence, tree: Tree, comps: list[tuple[int, list[int]]]
) -> tuple[str, int] | None:
    for c, ids in comps:
        ids = [k for k in ids if not (tree.rel(k) == "mark" and tree.tok(k).head == c)]
        ids = [k for k in ids if tree.tok(k).upos != "PUNCT" or tree.tok(k).form not in '"«»“”']
        if not ids:
            continue
        a, b = tree.span(ids)
        while a > 0 and (d.text[a - 1].isalpha() or "\u064b" <= d.text[a - 1] <= "\u0652"):
            a -= 1  # إنها ستواصل: a clitic subject starts the statement at its word
        text = d.text[a:b].strip(' "«»“”،,:.؟!')
        if len(text) < 2:
            continue
        key = f"stmt:{d.analysed.doc.id}:{s.index}:{a}"
        e_key = d.mention(s, tree, ids, key, "Statement", "value", c)
        d.ent(e_key).value = text
        return e_key, c
    return None


#: Prepositions of a source phrase: بحسب رئيس الهيئة, وفق الوكالة.
_SOURCE_CASES = {"حسب", "بحسب", "وفق"}


def _sources(d: _Doc, s: Sentence, tree: Tree) -> None:
    """بحسب رئيس الهيئة موسى المعايطة: a person or body in a source phrase reported the
    clause the phrase hangs on."""
    for t in s.tokens:
        k = t.id
        if (
            tree.rel(k) not in ("obl", "nmod")
            or not t.head
            or tree.tok(t.head).upos not in ("VERB", "AUX")
        ):
            continue
        if (
            not {normalize(strip_diacritics(tree.tok(c).lemma)) for c in tree.children(k, "case")}
            & _SOURCE_CASES
        ):
            continue
        key = _ent_of(d, s, tree, k)
        if key is None or d.ent(key).cls not in ("Person", "Organization", "Group"):
            continue
        st = _statement_of(d, s, tree, _commented(tree, k))
        if st is not None:
            d.fact(
                key,
                "reported",
                st[0],
                s,
                tree,
                [k, st[1]],
                0.8,
                strip_diacritics(tree.tok(tree.children(k, "case")[0]).lemma),
            )


def _phrasal(d: _Doc, tree: Tree, v: int) -> tuple[lexmod.Entry, int] | None:
    """A verb whose lexicon entry includes its particle or bare noun object (English
    "carry out", "take part"), and the token that completes it."""
    lemma = tree.tok(v).lemma.lower()
    for k in tree.children(v, "compound:prt", "obj"):
        t = tree.tok(k)
        if tree.rel(k) == "obj" and (
            t.upos != "NOUN" or tree.children(k, "det", "amod", "nmod:poss")
        ):
            continue
        entry = d.lex.verb(f"{lemma} {t.lemma.lower()}")
        if entry is not None:
            return entry, k
    return None


def _relation_for(d: _Doc, s: Sentence, tree: Tree, v: int) -> tuple[str, lexmod.Entry | None, str]:
    lemma = tree.tok(v).lemma
    phrasal = _phrasal(d, tree, v)
    if phrasal is not None:
        return phrasal[0].relation, phrasal[0], phrasal[0].lemma
    entry = d.lex.verb(lemma) or d.lex.verb(tree.tok(v).form)
    k = lexmod.key(lemma)
    if entry is None:
        return OPEN, None, strip_diacritics(lemma)
    return entry.relation, entry, k


def _predicates(d: _Doc, s: Sentence, tree: Tree) -> None:
    statements: list[str] = []
    pending_reported: list[tuple[str, int]] = []
    for t in s.tokens:
        if t.upos == "VERB" or (t.upos == "AUX" and not tree.children(t.id, "xcomp")):
            if t.upos == "AUX" and t.deprel in ("aux", "cop"):
                continue
            _verb_facts(d, s, tree, t.id, statements, pending_reported)
        elif (
            t.upos in ("ADJ", "NOUN")
            and t.deprel == "advcl"
            and (
                tree.children(t.id, "ccomp")
                or (_participle_verb(t.lemma) != t.lemma and tree.children(t.id, "obj", "obl"))
            )
        ):
            _verb_facts(d, s, tree, t.id, statements, pending_reported)  # مضيفًا أن / داعيًا إلى
        if t.upos in ("NOUN", "PROPN", "ADJ"):
            _noun_facts(d, s, tree, t.id)
        if t.deprel.split(":")[0] in ("nmod", "obl"):
            _prep_facts(d, s, tree, t.id)
    for subj, v in pending_reported:
        if statements:
            d.fact(subj, "reported", statements[0], s, tree, [v], 0.7, "نقل")
    _event_place_time(d, s, tree)


def _verb_facts(
    d: _Doc, s: Sentence, tree: Tree, v: int, statements: list[str], pending: list[tuple[str, int]]
) -> None:
    rel, entry, lemma = _relation_for(d, s, tree, v)
    tok = tree.tok(v)
    if tok.upos == "ADJ" or tok.upos == "NOUN":
        # participles that report speech: مضيفًا, مؤكدًا, مشيرًا
        entry = d.lex.verb(_participle_verb(lemma)) or entry
        rel = entry.relation if entry else rel
        if rel not in SPEECH_RELATIONS and rel != "demanded":
            return  # (مطالبًا بإدخال المساعدات: a demand made while acting)
    if rel == "reported" and not tree.children(v, "ccomp"):
        cases = {normalize(tree.case(j).split(" ")[0]) for j in tree.children(v, "obl", "nmod")}
        if normalize("إلى") in cases and "عن" not in cases:
            rel, entry = OPEN, None  # نقلتهن إلى الجانب الإسرائيلي: took them there, no report
    speech = rel in SPEECH_RELATIONS
    subjects, sconf = _subjects(d, s, tree, v, speech)
    for k in subjects:
        d.history.append((k, "subject", s.index))
    for j in tree.children(v, "obl", "nmod"):
        # قال X في بيان, أعربت الوزارة في بيان عن: X issued the statement it spoke in
        if tree.case(j) == "في" and normalize(strip_diacritics(tree.tok(j).lemma)) in _ISSUED:
            doc_key = _ent_of(d, s, tree, j)
            for subj in subjects:
                if d.ent(subj).cls in AGENTIVE:
                    d.fact(subj, "issued", doc_key, s, tree, [v, j], min(sconf, 0.8), "اصدر")
    if speech:
        st = _statement(d, s, tree, v)
        if st is not None:
            statements.append(st[0])
            for subj in subjects:
                d.fact(subj, rel, st[0], s, tree, [v, st[1]], sconf, lemma)
            if subjects and d.ent(subjects[0]).cls in AGENTIVE:
                d.last_speaker = subjects[0]
            return
    if rel == "reported":
        st = _statement(d, s, tree, v)
        if st is not None:
            # نقلت الوكالة عن مسؤول قوله إن ...: the agency reported it, the official said it
            for subj in subjects:
                d.fact(subj, rel, st[0], s, tree, [v, st[1]], sconf, lemma)
            for j in tree.children(v, "obl", "nmod"):
                if tree.case(j) == "عن":
                    for x in _expand(d, s, tree, j):
                        src = _ent_of(d, s, tree, x)
                        if src and d.ent(src).cls in AGENTIVE and d.find(src) not in subjects:
                            d.fact(src, "said", st[0], s, tree, [x, st[1]], min(sconf, 0.85), "قال")
            return
    objects = _objects(d, s, tree, v, entry)
    if rel == "met" and not objects and len(subjects) == 1 and tree.children(v, "nsubj"):
        # والتقى الرئيس التركي: a meeting needs two, so one named party is whom the subject
        # carried over from before met
        one = d.ent(subjects[0])
        gender, number = _verb_agreement(tree, v)
        before = (
            _recent(d, gender, number, {d.find(subjects[0])}, s.index, prefer_subject=True)
            if one.number == "s"
            else None
        )
        if before is not None and one.cls in ("Person", "Organization", "Country"):
            objects = [(subjects[0], tree.children(v, "nsubj")[0])]
            subjects, sconf = [before], 0.7
    phrasal = _phrasal(d, tree, v)
    if phrasal is not None:  # "part" of "took part" is no object
        objects = [o for o in objects if o[1] != phrasal[1]]
    if entry is not None and entry.prep_only:
        # بحث مع X الأزمة: met X; the crisis is what was discussed, an open relation
        on_prep = [o for o in objects if tree.case(o[1]).split(" ")[0] in entry.preps]
        topics = [o for o in objects if o not in on_prep]
        events = [o for o in topics if d.ent(o[0]).cls == "Event"]
        # أجرى محادثات مع X: both take part in the talks; أجرى اتصالا هاتفيا مع X: a call, no meeting
        remote = any(
            d.lex.event_type(lexmod.key(tree.tok(oi).lemma)) in _REMOTE_EVENTS for _, oi in events
        )
        for subj in subjects:
            for obj, oi in on_prep:
                if not remote:
                    d.fact(subj, rel, obj, s, tree, [v, oi], sconf, lemma)
            for obj, oi in topics:
                if (obj, oi) in events:
                    for who, wi in [(subj, v), *on_prep]:
                        d.fact(
                            who, "participatedIn", obj, s, tree, [wi, oi], min(sconf, 0.75), lemma
                        )
                    if len(on_prep) == 1 and d.ent(on_prep[0][0]).cls in AGENTIVE:
                        d.last_pair = (subj, on_prep[0][0])  # بحثا خلاله: the two who talked
                else:
                    d.fact(
                        subj,
                        OPEN,
                        obj,
                        s,
                        tree,
                        [v, oi],
                        min(sconf, 0.5),
                        strip_diacritics(tree.tok(v).lemma),
                    )
        return
    if rel == "reported" and not objects:
        st = _statement(d, s, tree, v)
        if st is not None:  # وفقما نقلت الصحيفة: it reported the clause the aside comments on
            for subj in subjects:
                d.fact(subj, rel, st[0], s, tree, [v, st[1]], sconf, lemma)
            return
        for subj in subjects:
            pending.append((subj, v))
        return
    if (
        entry is not None
        and "Event" in entry.objects
        and len(subjects) == 1
        and d.ent(subjects[0]).cls == "Event"
    ):
        # حضر الاجتماع وزراء ...: object before subject; the event is the object
        agents = [o for o in objects if d.ent(o[0]).cls in AGENTIVE]
        if agents:
            ev = subjects[0]
            subjects = [a for a, _ in agents]
            objects = [(ev, v)]
    if entry is not None and entry.objects:
        objects = [_repair_object(d, s, tree, o, entry) for o in objects]
        objects = [
            o
            for o in objects
            if d.ent(o[0]).cls in entry.objects
            or d.ent(o[0]).cls == "Thing"
            and "Event" not in entry.objects
        ]
    if rel == OPEN:
        if lexmod.key(lemma) in _COPULAS:
            return  # يعد, يعتبر, بات: what they link is a description, not an object
        objects = [
            (o, oi)
            for o, oi in objects
            if tree.tok(oi).upos in ("NOUN", "PROPN", "NUM", "X", "PRON", "ADJ")
            and tree.tok(oi).feat("NumType") != "Ord"
        ]
        if not objects:
            # اعترف ب, ندد ب, تراجع عن: a verb the lexicon lacks, with a prepositional object
            for j in tree.children(v, "obl"):
                prep = tree.case(j).split(" ")[0]
                if prep in _OPEN_PREPS and tree.tok(j).upos in ("NOUN", "PROPN"):
                    key = _ent_of(d, s, tree, j)
                    if key:
                        objects = [(key, j)]
                        lemma = f"{lemma} {prep}"
                    break
    for subj in subjects:
        for obj, oi in objects:
            conf = sconf if rel != OPEN else min(sconf, 0.5)
            d.fact(subj, rel, obj, s, tree, [v, oi], conf, lemma)
            if (
                rel in ("met", "received", "agreed", "signed", "worksWith")
                and d.ent(obj).cls in AGENTIVE
            ):
                d.last_pair = (subj, obj)
    if len(subjects) == 2 and rel in ("met", "agreed", "signed", "worksWith"):
        d.last_pair = (subjects[0], subjects[1])
    if rel in ("met", "received") and subjects and objects:
        _meeting_event(d, s, tree, v, subjects, [o for o, _ in objects])
    if speech and subjects and d.ent(subjects[0]).cls in AGENTIVE:
        d.last_speaker = subjects[0]


def _meeting_event(
    d: _Doc, s: Sentence, tree: Tree, v: int, parties: list[str], others: list[str]
) -> None:
    """X met Y in Z on W: besides met, a meeting event with its participants, place and time."""
    places = []
    times = []
    for j in tree.children(v, "obl", "obl:tmod", "nmod"):
        for k in [j, *tree.children(j, "nmod", "flat")]:
            key = d.token_ent.get((s.index, k))
            if key is None:
                continue
            cls = d.ent(key).cls
            if cls in PLACES and "في" in (tree.case(j), tree.case(k)):
                places.append((key, k))
            elif cls == "TimeExpression":
                times.append((key, k))
    if not places and not times:
        return
    names = [d.ent(p) for p in (*parties, *others)]
    english = d.analysed.doc.lang == "en"
    if english:
        label = "meeting of " + " and ".join(_label(e) for e in names[:3])
    else:
        label = "لقاء " + " و".join(_label(e) for e in names[:3])
    key = d.mention(s, tree, [v], f"event:meeting:{s.index}:{v}", "Event", "event", v)
    e = d.ent(key)
    e.names = [label]
    for p in (*parties, *others):
        d.fact(p, "participatedIn", key, s, tree, [v], 0.75, "meeting" if english else "لقاء")
    for place, k in places[:1]:
        d.fact(key, "location", place, s, tree, [v, k], 0.75)
    for t, k in times[:1]:
        d.fact(key, "pointInTime", t, s, tree, [v, k], 0.75)


def _participle_verb(lemma: str) -> str:
    """مضيف -> أضاف, مؤكد -> أكد, مشير -> أشار: the verb of a speech participle."""
    table = {
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
    }
    k = normalize(lemma)
    for part, verb in table.items():
        if normalize(part) == k:
            return verb
    return lemma


def _repair_object(
    d: _Doc, s: Sentence, tree: Tree, obj: tuple[str, int], entry: lexmod.Entry
) -> tuple[str, int]:
    """A relative clause or phrase attached one noun too low: climb to the noun the
    predicate can take (استضاف wants an event: the meeting, not the coalition in its phrase)."""
    key, i = obj
    if d.ent(key).cls in entry.objects:
        return obj
    for h in tree.ancestors(i):
        if (
            tree.base_rel(h) not in ("nmod", "obl", "obj", "nsubj", "root")
            and h != tree.tok(i).head
        ):
            break
        hk = d.token_ent.get((s.index, h))
        if hk is not None and d.ent(hk).cls in entry.objects:
            return d.find(hk), h
        if tree.tok(h).upos in ("VERB", "AUX"):
            break
    return obj


def _noun_facts(d: _Doc, s: Sentence, tree: Tree, n: int) -> None:
    tok = tree.tok(n)
    entry = d.lex.noun(tok.lemma) or d.lex.noun(_strip_al(normalize(tok.form)))
    if entry is None:
        return
    if tree.case(n) == "في" and normalize(tok.form) in _PREPOSITIONAL_NOUNS:
        return  # في مواجهة مرشحين: "against", a preposition, not a confrontation
    if entry.relation == "ledBy":
        if tree.case(n) != "ب":
            return
        leaders = [
            k
            for j in tree.children(n, "nmod")
            if not tree.has_case(j)
            for x in _expand(d, s, tree, j)
            if (k := _ent_of(d, s, tree, x))
        ]
        led = _governor_entity(d, s, tree, n)
        for lead in leaders:
            d.fact(led, "ledBy", lead, s, tree, [n], 0.85, "قيادة")
        return
    event = d.token_ent.get((s.index, n))
    is_event = event is not None and d.ent(event).cls == "Event"
    possessive = any(tree.tok(j).upos == "PRON" and j > n for j in tree.children(n, "nmod"))
    genitive_agent = bool(entry.preps) and not is_event  # سيطرة داعش على: the genitive acts
    objs: list[tuple[str, int]] = []
    agent: str | None = None
    for j in tree.children(n, "nmod", "obj"):
        c = tree.case(j).split(" ")[0]
        if tree.tok(j).upos == "PRON":
            continue
        if (
            (c and c in entry.preps)
            or (c == "ل" and possessive)
            or (not c and not is_event and not genitive_agent)
        ):
            for x in _expand(d, s, tree, j):
                key = _ent_of(d, s, tree, x)
                if key:
                    objs.append((key, x))
        elif not c and genitive_agent:
            agent = _ent_of(d, s, tree, j)
    if not objs:
        return
    subj: str | None
    if is_event and event is not None:
        subj = d.find(event)  # the attack targeted ...
        conf = 0.8
    else:
        subj = agent or _noun_agent(d, s, tree, n)
        conf = 0.7
    if subj is None:
        return
    for obj, oi in objs:
        if entry.objects and d.ent(obj).cls not in entry.objects and not d.ent(obj).proper:
            continue
        d.fact(subj, entry.relation, obj, s, tree, [n, oi], conf, lexmod.key(tok.lemma))
        if is_event and entry.relation in ("targeted", "struck"):
            # an attack on a station in Arish took place in Arish
            for w in tree.subtree(oi, frozenset({"acl:relcl", "acl", "conj"})):
                pk = d.token_ent.get((s.index, w))
                if (
                    pk
                    and d.ent(pk).cls in PLACES
                    and "في" in (tree.case(w), tree.case(tree.tok(w).head))
                ):
                    d.fact(subj, "location", pk, s, tree, [n, w], 0.7)


def _governor_entity(d: _Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """What a modifier phrase (بقيادة X, لمحاربة Y) is about: the noun it modifies, or the
    subject of the verb it modifies."""
    h = tree.tok(n).head
    if not h:
        return None
    ht = tree.tok(h)
    if ht.upos in ("VERB", "AUX"):
        keys, _ = _subjects(d, s, tree, h, False)
        return keys[0] if keys else None
    return _agentive_in_phrase(d, s, tree, h) or _ent_of(d, s, tree, h)


def _agentive_in_phrase(d: _Doc, s: Sentence, tree: Tree, h: int) -> str | None:
    """The noun itself if agentive, else the nearest agentive genitive in its phrase
    (اجتماع التحالف الدولي لمحاربة داعش: the coalition fights)."""
    stack = [h]
    seen = set()
    while stack:
        k = stack.pop(0)
        if k in seen:
            continue
        seen.add(k)
        key = d.token_ent.get((s.index, k))
        if key is not None and d.ent(key).cls in AGENTIVE - PLACES | {"Country"}:
            return d.find(key)
        stack.extend(
            j for j in tree.children(k, "nmod") if not tree.has_case(j) or tree.case(j) == "ل"
        )
    return None


def _noun_agent(d: _Doc, s: Sentence, tree: Tree, n: int) -> str | None:
    """The doer of an action noun: its possessive pronoun (تحريرهم), the noun it is the
    purpose of (التحالف لمحاربة), or the genitive of the noun that governs it (إقدام X على)."""
    for j in tree.children(n, "nmod"):
        t = tree.tok(j)
        if t.upos == "PRON" and j > n:
            return _pronoun(d, s, tree, j)
    cur = n
    for depth in range(3):
        h = tree.tok(cur).head
        if not h:
            return None
        ht = tree.tok(h)
        if ht.upos in ("VERB", "AUX"):
            if depth > 0 or tree.base_rel(cur) not in ("obj", "obl"):
                return None  # شدد على ضرورة محاربة X: the necessity, not the speaker, fights
            if d.lex.verb(ht.lemma) is not None:
                return None  # رحبت السعودية بانتخاب عون: who welcomes is not who elects
            keys, _ = _subjects(d, s, tree, h, False)
            return keys[0] if keys else None
        if d.lex.noun(ht.lemma) is not None:
            return None  # دعمه لترشيح عون: the supporter is not the one who nominates
        # governor's possessive (إحرازهم تقدمًا في استعادة) or agentive genitive
        for j in tree.children(h, "nmod"):
            if j == cur:
                continue
            t = tree.tok(j)
            if t.upos == "PRON" and j > h and j == h + 1:
                return _pronoun(d, s, tree, j)
            if not tree.has_case(j):
                key = d.token_ent.get((s.index, j))
                if key is not None and d.ent(key).cls in AGENTIVE:
                    return d.find(key)
        key = d.token_ent.get((s.index, h))
        if key is not None and d.ent(key).cls in AGENTIVE and tree.case(cur) == "ل":
            return d.find(key)
        if key is not None and d.ent(key).cls == "Event" and tree.case(cur) == "ل":
            inner = _agentive_in_phrase(d, s, tree, h)
            if inner:
                return inner
        cur = h
    return None


def _prep_facts(d: _Doc, s: Sentence, tree: Tree, j: int) -> None:
    """Prepositions that carry a relation by themselves on a noun: التحالف ضد داعش."""
    c = tree.case(j)
    entry = d.lex.preps.get(c)
    if entry is None:
        return
    h = tree.tok(j).head
    if not h or tree.tok(h).upos not in ("NOUN", "PROPN", "ADJ"):
        return
    hk = _agentive_in_phrase(d, s, tree, h)
    event = d.token_ent.get((s.index, h))
    for x in _expand(d, s, tree, j):
        obj = _ent_of(d, s, tree, x)
        if obj is None:
            continue
        if event is not None and d.ent(event).cls == "Event":
            d.fact(event, "targeted", obj, s, tree, [h, x], 0.75, c)
        elif hk is not None:
            d.fact(hk, entry.relation, obj, s, tree, [h, x], 0.75, c)


def _event_place_time(d: _Doc, s: Sentence, tree: Tree) -> None:
    """Place and time of the events a sentence talks about."""
    events: dict[str, int] = {}
    for (si, tid), key in d.token_ent.items():
        if si == s.index and d.ent(key).cls == "Event":
            events.setdefault(d.find(key), tid)
    if not events:
        return
    for key, tid in events.items():
        # the clause the event takes part in: its predicate, or the event noun itself
        heads = [tid]
        h = tree.tok(tid).head
        if h and tree.tok(h).upos in ("VERB", "AUX"):
            heads.append(h)
        for acl in tree.children(tid, "acl:relcl", "acl"):
            heads.append(acl)
        for hh in heads:
            for j in tree.children(hh, "obl", "nmod", "obl:tmod"):
                # the place itself, or its name after a designator (في العاصمة السعودية الرياض)
                for k in [j, *tree.children(j, "appos", "flat", "nmod")]:
                    jk = d.token_ent.get((s.index, k))
                    if jk is None:
                        continue
                    e = d.ent(jk)
                    if e.cls in PLACES and tree.case(j) in _PLACE_CASES:
                        d.fact(key, "location", jk, s, tree, [hh, k], 0.75)
                        break
                    if e.cls == "TimeExpression":
                        d.fact(key, "pointInTime", jk, s, tree, [hh, k], 0.75)
                        break


# ------------------------------------------------------------------ output


def _finish(d: _Doc) -> Extraction:
    keys: dict[str, str] = {}
    entities: list[Entity] = []
    used: set[str] = set()
    for f in d.facts:
        used.add(d.find(f.subject))
        used.add(d.find(f.object))
    for m in d.mentions:
        e = d.ent(m.entity)
        # names and events stand on their own; a noun phrase matters only in a fact
        if e.proper or e.cls in (
            "Event",
            "Person",
            "Organization",
            "Country",
            "City",
            "Region",
            "Place",
        ):
            used.add(e.key)
    for key in sorted(used):
        e = d.ents[key]
        label = _label(e)
        short = "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        keys[key] = short
        entities.append(
            Entity(
                key=short,
                label=label,
                cls=e.cls,
                mentions=tuple(e.mentions),
                names=tuple(dict.fromkeys(e.names)),
                value=e.value,
            )
        )
    mentions = tuple(
        Mention(
            m.id,
            m.sentence,
            m.start,
            m.end,
            m.text,
            m.label,
            keys[d.find(m.entity)],
            m.kind,
            m.head,
        )
        for m in d.mentions
        if d.find(m.entity) in keys
    )
    seen: set[tuple[str, str, str, int]] = set()
    triples: list[Triple] = []
    for f in d.facts:
        s, o = keys[d.find(f.subject)], keys[d.find(f.object)]
        sig = (s, f.relation if f.relation != OPEN else f"{OPEN}:{f.lemma}", o, f.sentence)
        if sig in seen or s == o:
            continue
        seen.add(sig)
        triples.append(
            Triple(
                s,
                f.relation,
                o,
                f.sentence,
                f.start,
                f.end,
                round(f.confidence, 3),
                NAME,
                f.lemma,
                f.negated,
            )
        )
    return Extraction(
        analysed=d.analysed, mentions=mentions, entities=tuple(entities), triples=tuple(triples)
    )


def _label(e: _Ent) -> str:
    if e.cls == "Statement":
        text = e.value or (e.names[0] if e.names else "")
        return text if len(text) <= 80 else text[:77] + "…"
    names = [n for n in e.names if n.strip()]
    if not names:
        return e.key
    if e.cls == "Person" and e.proper:
        # the longest proper name, not a title
        proper = [n for n in names if normalize(n).split(" ")[0] not in titles()]
        if proper:
            return max(proper, key=lambda n: (len(n.split()), len(n)))
    if e.cls == "Event":
        return _event_label(names)
    return names[0]


def _event_label(names: list[str]) -> str:
    """The most telling name of an event: a complete phrase of two to five words that
    ends with a definite word (اجتماع التحالف الدولي), else the longest name."""
    demonstratives = {"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هولاء"}

    def complete(n: str) -> bool:
        words = n.split()
        return (
            2 <= len(words) <= 5
            and normalize(words[-1]).startswith("ال")
            and normalize(words[0]) not in demonstratives
        )

    good = [n for n in names if complete(n)]
    if good:
        return max(good, key=lambda n: (names.count(n), -len(n.split()), n))
    return max(names, key=len)

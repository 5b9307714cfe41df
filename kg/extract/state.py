"""The UD extractor's state for one document: what every step reads and writes.

``Doc`` holds the entities (grouped by union-find over their keys), the mentions and
facts found so far, and what later sentences look back at: title bindings, recent
mentions and subjects, the last speaker, the parties of the last meeting, the
organisations whose first word may stand for them. ``Doc.ent(key)`` is the entity a key
stands for after merges; ``Doc.mention`` and ``Doc.fact`` are the only writers of
mentions and facts. ``Predicate`` is one verb's reading while the fact steps pass it on.

Entities are made once per key and merged by union-find; the one with a proper name
represents the merge:

>>> from kg.model import AnalysedDoc, Document
>>> d = Doc(AnalysedDoc(Document("d", "", "ar"), (), "demo"))
>>> d.entity("e1", "Person").names.append("الوزير")
>>> e2 = d.entity("e2", "Person")
>>> e2.names.append("رياض المالكي")
>>> e2.proper = True
>>> d.merge("e1", "e2"), d.find("e1"), d.ent("e1").names
('e2', 'e2', ['رياض المالكي', 'الوزير'])
>>> d.entity("e3", "City").gender, d.entity("e4", "Organization").gender
('f', '')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import gazetteer, relations as lexmod
from ..model import ASSERTED, PLANNED, AnalysedDoc, Mention, Sentence
from ..text import normalize, strip_diacritics, without_hashtags
from ..vocab import SPEECH_RELATIONS
from .confidence import REPORTED_DISCOUNT
from .holding import holding_complement, scheduled_complement
from .modality import modality, reported
from .tree import Tree

#: Classes of entities that act: subjects of verbs, speakers, parties of a meeting.
AGENTIVE = frozenset({"Person", "Organization", "Group", "Country", "City", "Region", "Place"})
#: The key prefix of a person known only by a title (قال الرئيس الفرنسي): the rest of
#: the key is the title's Position.
TITLED = "titled:"
#: Classes of entities that are places.
PLACES = frozenset({"Country", "City", "Region", "Place"})


@dataclass
class Ent:
    key: str
    cls: str
    names: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    value: str = ""
    gender: str = ""
    number: str = "s"
    proper: bool = False  # has a proper-name mention


#: Relations of taking part in an event (the event their object) and of its place and
#: time (the event their subject).
EVENT_PARTS = frozenset({"participatedIn", "attended", "hosted"})
EVENT_SETTING = frozenset({"location", "pointInTime"})
#: Prepositions of what is done during an event (خلال الزيارة، أثناء القمة).
DURING = frozenset(normalize(w) for w in "خلال أثناء".split())
#: The noun of على هامش القمة (on the sidelines of the summit).
SIDELINES = normalize("هامش")
#: Dependents of a predicate that can be its time (أمس is an adverb, يوم الأحد an oblique).
TIME_DEPS = ("obl:tmod", "advmod", "obl", "nmod")
#: Nouns of a speech one says something in (في كلمة ألقاها، في خطاب، في مقابلة أجراها).
SPEECH_NOUNS = frozenset(normalize(w) for w in "كلمة خطاب مقابلة حديث تصريح".split())
#: Prepositions of the end of a span of time (إلى، حتى).
UNTIL = frozenset(normalize(w) for w in "إلى حتى".split())


@dataclass
class Fact:
    subject: str
    relation: str
    object: str
    sentence: int
    start: int
    end: int
    confidence: float
    lemma: str = ""
    modality: str = ASSERTED
    time: str = ""  # the words of a time expression the predicate is modified by
    pred: int = 0  # the predicate's token id (0: none): the facts of one verb share it


@dataclass
class Predicate:
    """One verb (or speech participle) being read: its token, the relation the lexicon
    gives it (``OPEN`` outside it), the entry and the lemma a fact records, and its
    subjects with the confidence of how they were found. The fact steps may change any of
    them (a meeting's other party, an event that is the object after all)."""

    v: int
    rel: str
    entry: lexmod.Entry | None
    lemma: str
    subjects: list[str]
    sconf: float

    @property
    def speech(self) -> bool:
        return self.rel in SPEECH_RELATIONS


class Doc:
    """Everything the steps know of one document while reading it."""

    def __init__(self, analysed: AnalysedDoc) -> None:
        self.analysed = analysed
        # names and phrases are read off this text: a hashtag's marks are no part of them
        self.text = without_hashtags(analysed.doc.text)
        self.lex = lexmod.load("ar" if analysed.doc.lang != "en" else "en")
        self.ents: dict[str, Ent] = {}
        self.alias: dict[str, str] = {}  # union-find parent of entity keys
        self.mentions: list[Mention] = []
        self.facts: list[Fact] = []
        self.bindings: list[
            tuple[str, frozenset[str], str, int]
        ] = []  # title head, modifiers, person, sentence
        self.unnamed: list[
            tuple[str, frozenset[str], str, int]
        ] = []  # title head, modifiers, person known only by the title, sentence
        self.history: list[tuple[str, str, int]] = []  # (entity key, role, sentence)
        self.history_at: dict[tuple[str, int], int] = {}  # (entity key, sentence) -> offset
        self.last_speaker: str | None = None
        self.nationality: dict[
            str, gazetteer.Entry
        ] = {}  # person key -> gazetteer Country of their title's adjective
        self.token_ent: dict[tuple[int, int], str] = {}
        self.fathers: dict[tuple[int, int], str] = {}  # (sentence, نجل+pronoun) -> father
        self.surnames: dict[str, str] = {}
        self.heads: dict[str, str] = {}  # first word of an organisation's name -> its entity
        self.last_pair: tuple[str, str] | None = None  # the parties of the last meeting
        self.last_meeting: str | None = None  # the last meeting a clause made an event of
        self.coming_meeting: str | None = None  # the last meeting noun said to come (اجتماع قريب)
        self.doc_nouns: dict[str, str] = {}  # بيان, اتفاق ...: the last entity of each kind
        # source noun (مسؤول) -> (the person an indefinite one named last, its offset)
        self.last_source: dict[str, tuple[str, int]] = {}

    # ------------------------------------------------------------- entities

    def find(self, key: str) -> str:
        """The representative key of the entity a key was merged into."""
        while key in self.alias:
            key = self.alias[key]
        return key

    def ent(self, key: str) -> Ent:
        """The entity a key stands for now, after merges (no entity is made)."""
        return self.ents[self.find(key)]

    def merge(self, a: str, b: str) -> str:
        """One entity of two (the one with a proper name represents it); its key."""
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

    def entity(self, key: str, cls: str, gender: str = "", number: str = "s") -> Ent:
        """The entity of a key, made with this class, gender and number if it is new."""
        key = self.find(key)
        e = self.ents.get(key)
        if e is None:
            e = Ent(key, cls, gender=gender or _default_gender(cls), number=number)
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
        """A mention of tokens ``ids`` (headed by ``head``) of the entity of ``key``, made
        if new; the tokens it covers now stand for it. The entity's key."""
        a, b = tree.span(ids)
        surface = self.text[a:b]
        e = self.entity(key, cls, kw.get("gender", ""), kw.get("number", "s"))
        mid = f"m{len(self.mentions) + 1}"
        self.mentions.append(Mention(mid, s.index, a, b, surface, cls, e.key, kind, head))
        e.mentions.append(mid)
        name = _article_back(_whole_word(surface, tree, max(ids)), tree, min(ids))
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
        self.remember(e.key, s.index, a)
        return e.key

    def stands_for(self, sentence: int, token: int, key: str | None) -> bool:
        """Whether a token of a sentence stands for the entity of ``key`` (after merges)."""
        at = self.token_ent.get((sentence, token))
        return key is not None and at is not None and self.find(at) == self.find(key)

    def remember(self, key: str, sentence: int, start: int) -> None:
        """Note a mention in the history, in the order of the text among the sentence's
        mentions noted before it: a phrase read late (the country of الرئيس الفرنسي, read
        with the titles) is no more recent than a name after it (أنغيلا ميركل)."""
        at = self.history_at[(key, sentence)] = max(
            start, self.history_at.get((key, sentence), start)
        )
        i = len(self.history)
        while i > 0:
            k, role, si = self.history[i - 1]
            if si != sentence or role != "mention" or self.history_at.get((k, si), -1) <= at:
                break
            i -= 1
        self.history.insert(i, (key, "mention", sentence))

    # ---------------------------------------------------------------- facts

    def sentence_facts(self, sentence: int) -> list[int]:
        """The positions in ``facts`` of one sentence's facts, read from the end: facts are
        written sentence by sentence, so a step after the predicates finds the current
        sentence's without a pass over the whole document."""
        out = []
        for n in range(len(self.facts) - 1, -1, -1):
            if self.facts[n].sentence != sentence:
                break
            out.append(n)
        return out[::-1]

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
        """A fact between two entities (none if either is missing or they are one), over
        the span of ``ids`` (the first the predicate: inside reported speech the
        confidence is discounted; the markers around it give the fact's modality, see
        :mod:`kg.extract.modality`)."""
        if subj is None or obj is None:
            return
        subj, obj = self.find(subj), self.find(obj)
        if subj == obj:
            return
        a, b = tree.span([i for i in ids if i])
        pred = ids[0] if ids and ids[0] else 0
        if pred and reported(tree, pred):
            conf *= REPORTED_DISCOUNT  # said by someone, not stated by the article
        mod = modality(tree, pred, rel)
        if mod == ASSERTED and self._of_planned_event(s, tree, pred, rel, (subj, obj)):
            mod = PLANNED
        self.facts.append(
            Fact(
                subj,
                rel,
                obj,
                s.index,
                a,
                b,
                conf,
                lemma,
                mod,
                self.time_of(s, tree, pred) if pred else "",
                pred,
            )
        )

    def _of_planned_event(
        self, s: Sentence, tree: Tree, pred: int, rel: str, ends: tuple[str, str]
    ) -> bool:
        """Whether a verb in the present tense tells of an event the article gave as
        planned before, and as nothing else: taking part in it (تستضيف نيروبي الأسبوع
        المقبل قمة. ويشارك في القمة رؤساء ...: they are to take part), or what is done
        during it (يزور الرئيس الهند الأسبوع المقبل. وخلال الزيارة يلتقي ...)."""
        t = tree.tok(pred) if pred else None
        if t is None or t.upos != "VERB" or t.feat("Aspect") != "Imp" or t.feat("Mood") == "Jus":
            return False
        subj, obj = ends
        events = [obj if rel in EVENT_PARTS else subj if rel in EVENT_SETTING else ""]
        if any(e and self.ent(e).cls == "Event" and self._told_planned(e) for e in events):
            return True
        for k in during(tree, pred):
            key = self.token_ent.get((s.index, k))
            if key and not self._told(self.find(key)) and self._last_told_planned(tree, k):
                return True  # خلال الزيارة: the visit told of before
        return False

    def _told(self, event: str) -> list[str]:
        """The modalities of the facts so far that take part in the event or set it."""
        return [
            f.modality
            for f in self.facts
            if (f.relation in EVENT_PARTS and self.find(f.object) == event)
            or (f.relation in EVENT_SETTING and self.find(f.subject) == event)
        ]

    def _told_planned(self, event: str) -> bool:
        """Whether the facts so far give the event as planned, and never as happened."""
        told = self._told(event)
        return PLANNED in told and ASSERTED not in told

    def _last_told_planned(self, tree: Tree, k: int) -> bool:
        """Whether a bare event noun of which nothing is told (الزيارة، زيارته) refers back to an
        event told as planned: the last one whose noun it is (يزور الرئيس الهند الأسبوع
        المقبل: the facts of «زيارة الرئيس إلى الهند»)."""
        t = tree.tok(k)
        mods = tree.children(k, "nmod", "amod")
        possessive = len(mods) == 1 and tree.tok(mods[0]).upos == "PRON"  # خلال زيارته
        if not possessive and (mods or not normalize(t.form).startswith("ال")):
            return False
        noun = lexmod.key(t.lemma or t.form)
        last = next(
            (
                f
                for f in reversed(self.facts)
                if f.relation in EVENT_PARTS
                and lexmod.key(f.lemma) == noun
                and self.ent(f.object).cls == "Event"
            ),
            None,
        )
        return last is not None and self._told_planned(self.find(last.object))

    def time_of(self, s: Sentence, tree: Tree, pred: int) -> str:
        """The words of the time expression that modifies a predicate (التقى … أمس,
        أعلن يوم الأحد), or "": what kg/dates.py resolves to date the fact."""
        at = self.time_at(s, tree, pred)
        return self.ent(at[0]).value if at else ""

    def time_at(self, s: Sentence, tree: Tree, pred: int) -> tuple[str, int] | None:
        """The time expression that modifies a predicate: its entity key and token. Not
        one after إلى or حتى: a time something is put off or lasts to (أرجأ الزيارة إلى
        الأسبوع المقبل، مدد الهدنة حتى نهاية الشهر), not when the act took place; nor one
        after the complement of holding an event (اتفقا على عقد قمة الشهر المقبل: when the
        summit is to be, :mod:`kg.extract.holding`)."""
        held = holding_complement(tree, pred) or scheduled_complement(tree, pred)
        for j in tree.children(pred, *TIME_DEPS):
            if tree.case(j) in UNTIL or (held and j > held):
                continue
            for k in (j, *tree.children(j, "nmod", "flat")):
                key = self.token_ent.get((s.index, k))
                if key is not None and self.ent(key).cls == "TimeExpression":
                    return key, k
        return self._speech_time(s, tree, pred)

    def _speech_time(self, s: Sentence, tree: Tree, pred: int) -> tuple[str, int] | None:
        """The time of the speech a predicate is said in (قال في كلمة ألقاها اليوم الأحد:
        the saying is the speech's, on Sunday), from the speech noun's relative clause."""
        for j in tree.children(pred, "obl"):
            if tree.case(j) != "في" or lexmod.key(tree.tok(j).lemma) not in SPEECH_NOUNS:
                continue
            for c in tree.children(j, "acl", "acl:relcl"):
                for k in tree.children(c, "obl:tmod", "advmod", "obl"):
                    key = self.token_ent.get((s.index, k))
                    if key is not None and self.ent(key).cls == "TimeExpression":
                        return key, k
        return None


def _whole_word(surface: str, tree: Tree, last: int) -> str:
    """A name as a word: a noun cut before its pronoun suffix gets its ة back
    (مسؤوليتها → مسؤولية; شاحنتهم → شاحنة, a feminine participle's lemma has none), a
    final hamza its seat back (لقائه → لقاء), so labels are words a reader (and a search)
    knows."""
    t = tree.tok(last)
    nxt = tree.tok(last + 1) if last < len(tree.toks) else None
    if (
        nxt is not None
        and nxt.upos == "PRON"
        and nxt.start == t.end
        and surface.endswith("ت")
        and not surface.endswith("ات")
        and (strip_diacritics(t.lemma).endswith("ة") or t.feat("Gender") == "Fem")
    ):
        return surface[:-1] + "ة"
    if (
        nxt is not None
        and nxt.upos == "PRON"
        and nxt.start == t.end
        and surface.endswith(("ائ", "اؤ"))
    ):
        return surface[:-1] + "ء"  # لقائهما → لقاء: a final hamza seated before the suffix
    if nxt is not None and nxt.upos == "PUNCT" and _opens_unclosed(surface, nxt.form):
        return surface + nxt.form  # لحزب "العدالة والتنمية": the name's closing mark too
    return surface


def _article_back(name: str, tree: Tree, first: int) -> str:
    """A name whose article the preposition ل took gets its article back (see
    :func:`article_absorbed`): المقداد, not لمقداد, the name a reader knows and other
    mentions use."""
    if article_absorbed(tree, first) and name.startswith("ل") and not name.startswith("لل"):
        return article_restored(tree, first) + name
    return name


def article_restored(tree: Tree, i: int) -> str:
    """What goes back before token i, whose article the preposition ل took: the alif
    (للأمم: ل + لأمم, الأمم), or the whole article where the word starts with ل itself and
    the article's ل went too (للجنة: ل + لجنة, اللجنة).

    >>> from kg.model import Sentence, Token
    >>> toks = (Token(1, "ل", "لِ", "ADP", 2, "case", 0, 1),
    ...         Token(2, "لجنة", "لَجْنَة", "NOUN", 0, "root", 1, 5, "Definite=Def"))
    >>> article_restored(Tree(Sentence(0, 0, 5, "للجنة", toks)), 2)
    'ال'
    """
    t = tree.tok(i)
    form, lemma = normalize(t.form), normalize(strip_diacritics(t.lemma or ""))
    return "ال" if lemma.startswith("ل") and form[1:2] != "ل" else "ا"


def article_absorbed(tree: Tree, i: int) -> bool:
    """Whether token i is a definite word whose article the preposition before it took
    (للمقداد: ل + المقداد, written with one ل; not للبنان, whose ل is its own).

    >>> from kg.model import Sentence, Token
    >>> toks = (Token(1, "ل", "لِ", "ADP", 2, "case", 0, 1),
    ...         Token(2, "لمقداد", "مقداد", "NOUN", 0, "root", 1, 7, "Definite=Def"))
    >>> article_absorbed(Tree(Sentence(0, 0, 7, "للمقداد", toks)), 2)
    True
    """
    t = tree.tok(i)
    prev = tree.tok(i - 1) if i > 1 else None
    return (
        prev is not None
        and normalize(prev.form) == "ل"
        and prev.end == t.start
        and t.feat("Definite") == "Def"
        and normalize(t.form).startswith("ل")
    )


def _opens_unclosed(surface: str, mark: str) -> bool:
    """Whether the surface leaves a quotation open that ``mark`` closes."""
    if mark == '"':
        return surface.count('"') % 2 == 1
    pairs = {"»": "«", "”": "“"}
    return mark in pairs and surface.count(pairs[mark]) > surface.count(mark)


def _default_gender(cls: str) -> str:
    return {"Person": "m", "Country": "f", "City": "f", "Region": "f"}.get(cls, "")


def during(tree: Tree, pred: int) -> list[int]:
    """The events a predicate is said to happen during: خلال الزيارة، أثناء القمة، على
    هامش المنتدى (the forum, not its sidelines)."""
    out = []
    for k in tree.children(pred, "obl"):
        if tree.case(k) in DURING:
            out.append(k)
        elif normalize(tree.tok(k).form) == SIDELINES:
            out += tree.children(k, "nmod")
    return out

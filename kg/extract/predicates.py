"""Predicates: the fact step that reads every verb, verbal noun and preposition of a
sentence, and then the place and time of its events.

A verb (or a speech participle: مضيفًا أن) is read family by family — ``_verb_facts`` is
the table of contents: its relation and subjects; the statement it was issued in
(``speech``); what it said (``speech``) or reported from a source (``reporting``); its
objects, a meeting's other party (``meetings``); a relation only of its prepositional
object, a report with no object, else the relation of each subject to each object
(``relations``). Nouns and prepositions are read by ``nouns``, events' place and time by
``events``. Writes facts and the sentence's statements (for report verbs with no content
of their own).
"""

from __future__ import annotations

from ..lexicon import relations as lexmod
from ..model import Sentence
from ..text import normalize
from ..vocab import OPEN, SPEECH_RELATIONS
from .actions import clause_of_action
from .arguments import objects, subjects
from .attendance import listed_attendees
from .casualties import casualty_facts, passive_toll, toll_facts
from .confidence import SUBJECT_OWN
from .credentials import credentials
from .deployment import deployed
from .events import event_place_time
from .filings import filed_against
from .meetings import noun_brought_together, other_party, talks_to_hold
from .nouns import companions, forces_of, noun_facts, prep_facts
from .phrases import bare_word, blessing
from .relations import (
    SECOND_OBJECT_PHRASES,
    as_open,
    genitive_objects,
    lexicon_objects,
    phrasal_verb,
    prep_only_facts,
    relation_facts,
    relation_for,
)
from .reporting import is_transport, reported_aside, reported_with_source, resolve_pending
from .speech import (
    document_speaker,
    issued,
    participle_verb,
    posted_words,
    revealed,
    said,
    statement_subject_speaker,
)
from .state import Doc, Predicate
from .tree import Tree
from .words import AGENT_GOVERNORS


def read_predicates(d: Doc, s: Sentence, tree: Tree) -> None:
    """The facts of a sentence's verbs, nouns and prepositions, and its events' place and
    time.

    One speech verb gives the statement it was issued in, what was said, and the facts
    inside what was said (discounted: the speaker's claim; this one is also to come):

    >>> from kg import build
    >>> g = build(texts=["قال رئيس الوزراء العراقي في بيان إن الحكومة ستدعم المزارعين."])
    >>> [(f.subject, f.relation, f.object, f.confidence, f.modality) for f in g.facts(modality="*")]
    [('رئيس الوزراء العراقي', 'issued', 'بيان', 0.8, 'asserted'),
     ('رئيس الوزراء العراقي', 'said', 'الحكومة ستدعم المزارعين', 0.9, 'asserted'),
     ('الحكومة', 'supports', 'المزارعين', 0.72, 'planned')]
    """
    statements: list[str] = []
    pending_reported: list[tuple[str, int]] = []
    for t in s.tokens:
        if t.upos == "VERB" or (t.upos == "AUX" and not tree.children(t.id, "xcomp")):
            if t.upos == "AUX" and t.deprel in ("aux", "cop"):
                continue
            wrote = casualty_facts(d, s, tree, t.id)
            if not wrote or (d.lex.verb(t.lemma) is not None and not passive_toll(tree, t.id)):
                _verb_facts(d, s, tree, t.id, statements, pending_reported)
        elif (
            t.upos in ("ADJ", "NOUN")
            and t.deprel == "advcl"
            and (
                tree.children(t.id, "ccomp")
                or (participle_verb(t.lemma) != t.lemma and tree.children(t.id, "obj", "obl"))
            )
        ):
            _verb_facts(d, s, tree, t.id, statements, pending_reported)  # مضيفًا أن / داعيًا إلى
        if t.upos in ("NOUN", "PROPN", "ADJ") and t.id not in blessing(tree):
            noun_facts(d, s, tree, t.id)
            toll_facts(d, s, tree, t.id)
            noun_brought_together(d, s, tree, t.id)
            talks_to_hold(d, s, tree, t.id)
        if t.upos in ("NOUN", "PROPN", "ADJ"):
            companions(d, s, tree, t.id)
            forces_of(d, s, tree, t.id)
        if t.deprel.split(":")[0] in ("nmod", "obl"):
            prep_facts(d, s, tree, t.id)
            filed_against(d, s, tree, t.id)
    resolve_pending(d, s, tree, pending_reported, statements)
    event_place_time(d, s, tree)


def _verb_facts(
    d: Doc, s: Sentence, tree: Tree, v: int, statements: list[str], pending: list[tuple[str, int]]
) -> None:
    """One verb's facts, family by family; the first family that reads it ends it."""
    if v in blessing(tree):
        return  # نصره الله وأيده, حفظه الله: a formula of blessing states nothing
    p = _predicate(d, s, tree, v)
    if p is None:
        return
    listed_attendees(d, s, tree, p)
    clause_of_action(d, s, tree, p)
    _speech_at_event(d, s, tree, p)
    _verbal_noun_read_as_verb(d, s, tree, p)
    if deployed(d, s, tree, p):
        return  # ستنشر روسيا شرطتها في دوما: the force is sent there, nothing is published
    issued(d, s, tree, p)
    if p.speech and said(d, s, tree, p, statements):
        return
    if p.rel == "reported" and reported_with_source(d, s, tree, p):
        return
    envoys = credentials(d, s, tree, p)
    if envoys is not None:  # تسلم أوراق اعتماد السفير: the ambassador is received
        relation_facts(d, s, tree, p, envoys)
        return
    objs = other_party(d, s, tree, p, objects(d, s, tree, v, p.entry))
    phrasal = phrasal_verb(d, tree, v)
    if phrasal is not None and tree.base_rel(phrasal[1]) == "obl":
        objs = [o for o in objs if o[1] != phrasal[1]]  # حمّل X مسؤولية Y: X is the object
    elif phrasal is not None:  # "part" of "took part" is no object; X of أطلق سراح X is
        gens = genitive_objects(d, s, tree, phrasal[1])
        if lexmod.key(phrasal[0].lemma) in SECOND_OBJECT_PHRASES:
            gens = []  # حمّل مسؤولية الفشل: with no other object, no one is accused
        objs = [o for o in objs if o[1] != phrasal[1]] + gens
    if p.entry is not None and p.entry.prep_only and not objs:
        as_open(tree, p)  # قضى على X: not the ruling of قضى ب, an open relation
    if p.entry is not None and p.entry.prep_only:
        prep_only_facts(d, s, tree, p, p.entry, objs)
        return
    if p.rel == "reported" and not objs:
        reported_aside(d, s, tree, p, pending)
        return
    kept = lexicon_objects(d, s, tree, p, objs)
    if kept is None:
        return
    relation_facts(d, s, tree, p, kept)


#: Verbs of delivering a speech (ألقى كلمة) and the speeches they deliver.
DELIVER = frozenset(normalize(w) for w in ("القي",))
SPEECHES = frozenset(normalize(w) for w in ("كلمة", "خطاب", "خطابا", "محاضرة", "كلمته", "خطابه"))
#: Prepositions of the event a speech is given at (في الاجتماع, أمام القمة, خلال المؤتمر).
AT_EVENT = frozenset(normalize(w) for w in ("في", "أمام", "خلال"))


def _speech_at_event(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> None:
    """ألقى الوزير كلمة في الاجتماع: who gives a speech at an event takes part in it."""
    if lexmod.key(tree.tok(p.v).lemma) not in DELIVER or not p.subjects:
        return
    speech = [j for j in tree.children(p.v, "obj") if bare_word(tree.tok(j).form) in SPEECHES]
    if not speech:
        return
    for j in [*tree.children(p.v, "obl"), *tree.children(speech[0], "nmod")]:
        key = d.token_ent.get((s.index, j))
        if tree.case(j) in AT_EVENT and key is not None and d.ent(key).cls == "Event":
            for who in p.subjects:
                d.fact(who, "participatedIn", d.find(key), s, tree, [p.v, j], p.sconf, p.lemma)
            return


def _verbal_noun_read_as_verb(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> None:
    """أعلن الجهاز، ضبط 11 عنصرا: a bare finite verb cannot be what أعلن announces (that
    takes أن); a verb spelt like a verbal noun of the lexicon there is that noun, done by
    the announcer."""
    v = p.v
    h = tree.tok(v).head
    if (
        tree.tok(v).upos != "VERB"
        or tree.rel(v) not in ("ccomp", "parataxis")
        or not h
        or tree.children(v, "mark")
        or lexmod.key(tree.tok(h).lemma) not in AGENT_GOVERNORS
        or d.lex.noun(normalize(tree.tok(v).form)) is None
    ):
        return
    keys, conf = subjects(d, s, tree, h, False)
    if keys:
        p.subjects, p.sconf = keys, conf


def _predicate(d: Doc, s: Sentence, tree: Tree, v: int) -> Predicate | None:
    """A verb's relation and subjects (each subject noted in the history); None for a
    participle that reports no speech or demand."""
    rel, entry, lemma = relation_for(d, tree, v)
    tok = tree.tok(v)
    if tok.upos == "ADJ" or tok.upos == "NOUN":
        # participles that report speech: مضيفًا, مؤكدًا, مشيرًا
        entry = d.lex.verb(participle_verb(lemma)) or entry
        rel = entry.relation if entry else rel
        if rel not in SPEECH_RELATIONS and rel != "demanded":
            return None  # (مطالبًا بإدخال المساعدات: a demand made while acting)
    if rel == "reported" and is_transport(tree, v):
        rel, entry = OPEN, None  # نقلتهن إلى الجانب الإسرائيلي: took them there, no report
    if rel == "issued" and posted_words(tree, v):
        rel, entry = "said", d.lex.verb("قال")  # نشرت X على حسابها "...": words she posted
    speaker = document_speaker(d, s, tree, v) if rel == OPEN else None
    if speaker is not None:  # جاء في بيان لـX أن: X said it
        rel, entry = "said", d.lex.verb("قال")
        subs, sconf = [speaker], SUBJECT_OWN
    else:
        by = (
            statement_subject_speaker(d, s, tree, v)
            if rel in SPEECH_RELATIONS or rel == "reported"
            else None
        )
        if by is not None:  # أفاد بيان لـX أن: X said it
            subs, sconf = [by], SUBJECT_OWN
        else:
            subs, sconf = subjects(d, s, tree, v, rel in SPEECH_RELATIONS)
        rel = revealed(d, tree, v, rel, lemma, subs)  # كشفت الصحيفة عن وثائق: reported
    for k in subs:
        d.history.append((k, "subject", s.index))
    return Predicate(v, rel, entry, lemma, subs, sconf)

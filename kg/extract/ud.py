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

This module is the driver: the steps run in the order below, one module each, over
the per-document state of ``state``. Mentions: ``mentions`` (names, times, events,
groups), ``titles``, ``coref`` (anaphora; and ``ent_of``, the entity an argument refers
to). Facts: ``predicates`` (verbs through ``speech``, ``reporting``, ``meetings`` and
``relations``; nouns and prepositions through ``nouns``; ``events``' place and time),
``reporting`` (source phrases), ``titles`` (predicative titles), ``places`` (where places
and bodies are). Output: ``finish``.
Shared below them: ``arguments`` (subjects, objects), ``phrases``, ``words``,
``confidence``, ``tree``.
"""

from __future__ import annotations

from dataclasses import replace

from ..agencies import Credit, credit
from ..model import AnalysedDoc, Extraction, Sentence
from .affiliation import read_affiliations
from .appraisal import read_appraisals, read_drawn_criticism
from .calls import read_call_nouns
from .communiques import communique_events
from .coref import find_anaphora
from .finish import finish
from .kinship import note_fathers, resolve_sons
from .mentions import find_events, find_groups, find_names, find_quantities, find_times
from .occurrences import occurrence_events
from .places import read_places
from .predicates import read_predicates
from .reporting import read_sources
from .rulings import read_acquittals, read_convictions, read_sentences
from .state import Doc
from .targets import read_site_holders
from .titles import find_titles, read_predicative_titles
from .tree import Tree


def extract(analysed: AnalysedDoc) -> Extraction:
    """Mentions, entities and facts of one analysed document.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> doc = next(from_strings(["وصل وزير الخارجية الأردني إلى باريس."]))
    >>> ex = extract(RulesAnalyser().analyse(doc))
    >>> [(m.text, m.label, m.kind) for m in ex.mentions]
    [('باريس', 'City', 'name'), ('وزير الخارجية الأردني', 'Person', 'nominal')]
    >>> [(ex.entity(t.subject).label, t.relation, ex.entity(t.object).label) for t in ex.triples]
    [('وزير الخارجية الأردني', 'arrivedIn', 'باريس')]
    """
    d = Doc(analysed)
    agency = credit(analysed.doc.text)
    for s in analysed.sentences:
        if not s.tokens:
            continue
        if agency is not None and s.index == 0:
            s = _without_credit(s, agency)
        tree = Tree(s)
        find_names(d, s, tree)
        find_anaphora(d, s, tree)
        find_times(d, s, tree)
        find_quantities(d, s, tree)
        find_titles(d, s, tree)
        find_events(d, s, tree)
        find_groups(d, s, tree)
        read_predicates(d, s, tree)
        note_fathers(d, s, tree)
        read_sentences(d, s, tree)
        read_convictions(d, s, tree)
        read_acquittals(d, s, tree)
        read_site_holders(d, s, tree)
        read_appraisals(d, s, tree)
        read_drawn_criticism(d, s, tree)
        read_sources(d, s, tree)
        read_predicative_titles(d, s, tree)
        read_places(d, s, tree)
        read_affiliations(d, s, tree)
        read_call_nouns(d, s, tree)
        occurrence_events(d, s, tree)
        communique_events(d, s, tree)
    resolve_sons(d)
    return finish(d)


def _without_credit(s: Sentence, agency: Credit) -> Sentence:
    """The first sentence without the entity spans inside the dateline's agency credit
    (القاهرة (أ ش أ) -: the agency is the document's source, no person; الدوحة (قنا) -:
    no city of Egypt).

    >>> from kg import build
    >>> g = build(texts=["القاهرة (أ ش أ) - استقبل الرئيس وزير الخارجية الأمريكي."])
    >>> sorted(e.label for e in g.entities())
    ['الرئيس', 'القاهرة', 'وزير الخارجية الأمريكي']
    """
    inside = {t.id for t in s.tokens if t.start >= agency.start and t.end <= agency.end}
    kept = tuple(e for e in s.entities if not inside & set(range(e.first, e.last + 1)))
    return replace(s, entities=kept) if len(kept) != len(s.entities) else s

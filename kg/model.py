"""The types that cross stage boundaries.

Every stage of the pipeline takes one of these and returns another (see
``kg/pipeline.py``). They are frozen dataclasses: a stage never mutates what it was
given, so a document can be analysed in one process and graphed in another.

Character offsets (``start``/``end``) always index ``Document.text`` of the document
the object belongs to, as Python string indices, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Ontology classes an entity can have (local names in the ``kg:`` namespace).
ENTITY_CLASSES: tuple[str, ...] = (
    "Person",
    "Organization",
    "Group",
    "Country",
    "City",
    "Region",
    "Place",
    "Event",
    "Statement",
    "Position",
    "TimeExpression",
    "Quantity",
    "Thing",
)

#: What an article says of a fact (``Triple.modality``): it happened, it is planned or
#: expected, it is denied, it is only someone's claim, or it depends on a condition.
ASSERTED, PLANNED, NEGATED, REPORTED, CONDITIONAL = MODALITIES = (
    "asserted",
    "planned",
    "negated",
    "reported",
    "conditional",
)
#: Modalities whose facts the graph keeps as fact nodes without a direct triple: a plain
#: ``?s kg:met ?o`` returns only what the article says happened (or reports as a claim).
UNASSERTED: frozenset[str] = frozenset({PLANNED, NEGATED, CONDITIONAL})


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk (or given as a string).

    ``format`` is ``"text"`` for plain text, ``"conllu"`` when ``text`` holds CoNLL-U
    that an analyser must parse (its AnalysedDoc then carries a plain-text Document).
    """

    id: str
    text: str
    lang: str = "und"
    source: str = "<string>"
    format: str = "text"
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Token:
    """One syntactic word in Universal Dependencies terms (a clitic is its own Token)."""

    id: int  # 1-based position in the sentence, as in CoNLL-U
    form: str  # surface characters, text[start:end]
    lemma: str
    upos: str
    head: int  # id of the head token, 0 for the root
    deprel: str
    start: int
    end: int
    feats: str = "_"  # CoNLL-U FEATS, "Key=Val|Key=Val"
    xpos: str = "_"
    misc: str = "_"

    def feat(self, key: str) -> str | None:
        """The value of one morphological feature, or None.

        >>> t = Token(1, "زار", "زار", "VERB", 0, "root", 0, 3, feats="Gender=Masc|Number=Sing")
        >>> t.feat("Number"), t.feat("Voice")
        ('Sing', None)
        """
        if self.feats in ("", "_"):
            return None
        for pair in self.feats.split("|"):
            k, _, v = pair.partition("=")
            if k == key:
                return v
        return None


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named-entity span found by an analyser, over token ids ``first..last``."""

    first: int
    last: int
    label: str  # one of ENTITY_CLASSES
    source: str = "ner"  # "gazetteer", "ner", "name-heuristic", ...
    ref: str = ""  # an analyser-side reference, e.g. the gazetteer entry matched


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # 0-based within the document
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[EntitySpan, ...] = ()

    def token(self, token_id: int) -> Token:
        """The token with this 1-based id.

        >>> t = Token(1, "زار", "زار", "VERB", 0, "root", 0, 3)
        >>> Sentence(0, 0, 3, "زار", (t,)).token(1).form
        'زار'
        """
        return self.tokens[token_id - 1]


@dataclass(frozen=True, slots=True)
class AnalysedDoc:
    """A document split into sentences of UD tokens, with entity spans."""

    doc: Document
    sentences: tuple[Sentence, ...]
    analyser: str  # name (and model) of the analyser, recorded in provenance


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed span of text that refers to an entity."""

    id: str  # unique within the document: "m<n>"
    sentence: int
    start: int
    end: int
    text: str
    label: str  # ontology class
    entity: str  # key of the Entity it refers to (document-local)
    kind: str = "name"  # "name", "nominal" (a title or description), "pronoun", "event", "value"
    head: int = 0  # token id of the syntactic head


@dataclass(frozen=True, slots=True)
class Entity:
    """Everything one document says refers to the same thing.

    ``key`` is document-local; the graph stage turns entities into IRIs (by Wikidata
    QID when linked, else by class and normalised name, or by document for events,
    statements and time expressions).
    """

    key: str
    label: str  # canonical name: the longest proper-name mention, or the first mention
    cls: str
    mentions: tuple[str, ...]  # Mention ids
    names: tuple[str, ...] = ()  # every distinct surface form
    value: str = ""  # Statement: the reported text; TimeExpression/Quantity: the value


@dataclass(frozen=True, slots=True)
class Triple:
    """One fact: ``subject relation object`` between two entities of a document."""

    subject: str  # Entity key
    relation: str  # a core relation id of the ontology, or "open"
    object: str  # Entity key
    sentence: int
    start: int  # evidence span in the document text
    end: int
    confidence: float
    extractor: str
    lemma: str = ""  # the predicate word's lemma; the label of an open relation
    #: what the article says of the fact: "asserted" (it happened), "planned", "negated",
    #: "reported" (only someone's claim) or "conditional" (kg.extract.modality)
    modality: str = ASSERTED
    time: str = ""  # the words of a time expression modifying the predicate (kg/dates.py)

    @property
    def negated(self) -> bool:
        """Whether the text denies the fact.

        >>> Triple("e1", "met", "e2", 0, 0, 5, 0.9, "x", modality="negated").negated
        True
        """
        return self.modality == NEGATED


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract stage finds in one AnalysedDoc."""

    analysed: AnalysedDoc
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    triples: tuple[Triple, ...]

    def entity(self, key: str) -> Entity:
        """The entity with this key (KeyError when there is none).

        >>> e = Entity("e1", "باريس", "City", ("m1",))
        >>> ex = Extraction(AnalysedDoc(Document("d", ""), (), "x"), (), (e,), ())
        >>> ex.entity("e1").label
        'باريس'
        """
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class Link:
    """A mention resolved to a Wikidata item."""

    mention: str  # Mention id
    qid: str
    score: float
    linker: str
    label_en: str = ""
    label_ar: str = ""


@dataclass(frozen=True, slots=True)
class DocResult:
    """One document after every stage before the graph: what the graph stage consumes."""

    extraction: Extraction
    links: tuple[Link, ...] = ()

    @property
    def doc(self) -> Document:
        return self.extraction.analysed.doc


@dataclass(frozen=True, slots=True)
class Problem:
    """A document (or file) that could not be processed, and why."""

    source: str  # path, with ":line" for a line of a .jsonl file
    reason: str
    stage: str = "read"


@dataclass(frozen=True, slots=True)
class BuildSummary:
    documents: int
    sentences: int
    entities: int
    linked: int
    facts: int
    seconds: float
    problems: tuple[Problem, ...] = field(default=())
    outputs: tuple[str, ...] = field(default=())
    unchanged: int = 0  # documents skipped because the store holds them unchanged

"""Heuristic UD dependency attachment for Arabic news sentences.

Works in three passes over the tagged words of one sentence, one level each:

1. inside words (:mod:`.words`): clitics attach to their host (و/ف ``cc``, ب/ل/ك ``case``,
   pronoun suffixes ``obj`` on verbs, ``nmod`` on nouns, the head of a prepositional
   phrase on prepositions);
2. noun phrases (:mod:`.phrases`): names from the entity spans, construct state (``nmod``:
   a noun without article or tanween governs the next noun), adjectives (``amod`` to the
   nearest noun that agrees in definiteness and gender), numbers (the counted noun heads),
   demonstratives and quantifiers, prepositional phrases (``case``, prepositions of several
   words ``fixed``), titles in apposition to names (``appos``; :mod:`.appositions` for the
   ones the clause pass decides), bracketed names;
3. clauses (:mod:`.clauses`, with :mod:`.frames` for the clause record and
   :mod:`.arguments` for noun phrases in a clause): verb-initial and subject-initial
   clauses (``nsubj``, ``obj``, ``obl``), كان and its sisters (``aux``/``cop``), complement
   clauses after أن/إن (``ccomp``, ``mark``), adverbial clauses (حيث, عندما: ``advcl``),
   relative clauses with الذي/التي and without a pronoun after an indefinite noun
   (``acl:relcl``), quotations (``ccomp``), coordination of verbs and nouns (``conj``,
   ``cc``) and verbless clauses.

Then :mod:`.finish` makes one tree of it in UD's conventions (root, strays, copulas,
punctuation).

The rules are general Arabic syntax, not patterns of particular sentences; where Arabic
is ambiguous (which noun a prepositional phrase belongs to) they take the reading news
prose uses most often.
"""

from __future__ import annotations

from .clauses import attach_clauses
from .finish import (
    conjuncts_inside_titles,
    copulas,
    fronted_commas,
    function_word_clitics,
    make_tree,
    nominal_adjectives,
    number_ranges,
    punctuation,
    titles_after_names,
)
from .parentheticals import parenthetical_adjuncts
from .phrases import noun_phrases, prepositional_phrases
from .words import W, attach_clitics, mark_ordinal_days

__all__ = ["W", "parse"]


def parse(ws: list[W]) -> None:
    """Fill ``head`` and ``deprel`` of every working token (head -1 = root).

    The rules analyser tags a sentence and parses it here; its tokens carry the result
    (ids 1-based, head 0 for the root): the clitics of واستقبله (level 1), a pronoun
    suffix as a noun's ``nmod`` and a PP (level 2), subject and oblique (level 3):

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.read import from_strings
    >>> def parsed(text):  # (form, deprel, head id) of each token of the first sentence
    ...     s = RulesAnalyser().analyse(next(from_strings([text]))).sentences[0]
    ...     return [(t.form, t.deprel, t.head) for t in s.tokens]
    >>> parsed("واستقبله الرئيس في مكتبه.")
    [('و', 'cc', 2), ('استقبل', 'root', 0), ('ه', 'obj', 2), ('الرئيس', 'nsubj', 2),
     ('في', 'case', 6), ('مكتب', 'obl', 2), ('ه', 'nmod', 6), ('.', 'punct', 2)]
    """
    if not ws:
        return
    mains = attach_clitics(ws)
    mark_ordinal_days(ws)
    units = prepositional_phrases(ws, noun_phrases(ws, mains))
    attach_clauses(ws, units)
    make_tree(ws)
    copulas(ws)
    function_word_clitics(ws)
    punctuation(ws)
    nominal_adjectives(ws)
    fronted_commas(ws)
    parenthetical_adjuncts(ws)
    conjuncts_inside_titles(ws)
    titles_after_names(ws)
    number_ranges(ws)

"""The lexical resources below both stages: what the analysers and the extractor know of words.

- :mod:`kg.lexicon.words`: person titles, designators (مدينة, تنظيم), people nouns,
  first names and ambiguous names (``kg/data/ar``, ``kg/data/en``);
- :mod:`kg.lexicon.relations`: the relation lexicon, predicate words to relation ids
  (``kg/data/relations_ar.tsv``, ``relations_en.tsv``);
- :mod:`kg.lexicon.gazetteer`: the offline gazetteer of verified Wikidata items;
- :mod:`kg.lexicon.names`: the name indexes over the gazetteer that the analysers match.

Nothing here imports ``kg.analyse`` or ``kg.extract``: both import from here.

>>> from kg.lexicon import relations
>>> relations.load("ar").verb("استضاف").relation, relations.load("en").verb("host").relation
('hosted', 'hosted')
"""

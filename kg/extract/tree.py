"""Small helpers over the UD tree of one sentence (token ids are 1-based)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Sentence, Token
from ..text import normalize

NOMINAL_SUBJ = frozenset({"nsubj", "nsubj:pass", "csubj"})
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj"})
NP_INTERNAL = frozenset(
    {
        "nmod",
        "amod",
        "flat",
        "flat:name",
        "compound",
        "nummod",
        "det",
        "fixed",
        "case",
        "appos",
        "nmod:poss",
    }
)


class Tree:
    """Children index and spans of one sentence's dependency tree.

    A tree of وصل الوفد إلى بغداد, made by hand:

    >>> from kg.model import Sentence, Token
    >>> toks = (
    ...     Token(1, "وصل", "وصل", "VERB", 0, "root", 0, 3),
    ...     Token(2, "الوفد", "وفد", "NOUN", 1, "nsubj", 4, 9),
    ...     Token(3, "إلى", "إلى", "ADP", 4, "case", 10, 13),
    ...     Token(4, "بغداد", "بغداد", "PROPN", 1, "obl", 14, 19),
    ... )
    >>> tree = Tree(Sentence(0, 0, 19, "وصل الوفد إلى بغداد", toks))
    >>> tree.children(1), tree.children(1, "obl"), tree.children(4)
    ([2, 4], [4], [3])
    >>> tree.case(4), tree.has_case(2), tree.base_rel(3)
    ('الي', False, 'case')
    >>> tree.subtree(4), list(tree.ancestors(3))
    ([3, 4], [4, 1])
    >>> tree.text(*tree.span([3, 4]))
    'إلى بغداد'
    """

    def __init__(self, sentence: Sentence) -> None:
        self.s = sentence
        self.toks = sentence.tokens
        self.kids: dict[int, list[int]] = {}
        #: per-sentence results of functions of the tree alone (kg.extract.phrases)
        self.blessed: frozenset[int] | None = None
        self.titles: dict[int, str | None] = {}
        #: the tokens' relations in token order (``rel`` without a call per token)
        self.rels: list[str] = [t.deprel for t in self.toks]
        self._cases: dict[int, str] = {}
        #: per-sentence results of kg.extract.modality (functions of the tree alone)
        self.modalities: dict[tuple[int, str], str] = {}
        self.own_markers: dict[int, frozenset[str]] = {}
        #: noun phrases by head and bound (kg.extract.phrases.np_ids)
        self.phrases: dict[tuple[int, int], tuple[int, ...]] = {}
        for t in self.toks:
            self.kids.setdefault(t.head, []).append(t.id)

    def tok(self, i: int) -> Token:
        return self.toks[i - 1]

    def children(self, i: int, *rels: str) -> list[int]:
        ks = self.kids.get(i)
        if ks is None:
            return []
        if not rels:
            return list(ks)
        deprels = self.rels
        return [k for k in ks if deprels[k - 1] in rels]

    def rel(self, i: int) -> str:
        return self.toks[i - 1].deprel

    def base_rel(self, i: int) -> str:
        return self.toks[i - 1].deprel.split(":")[0]

    def case(self, i: int) -> str:
        """The normalised preposition(s) marking a nominal (``ب``, ``على``, ``إضافة إلى``)."""
        found = self._cases.get(i)
        if found is None:
            found = self._cases[i] = self._case(i)
        return found

    def _case(self, i: int) -> str:
        cs = [k for k in self.children(i, "case") if k < i]
        if not cs:
            return ""
        first = cs[0]
        words = [normalize(self.tok(first).form)]
        words += [normalize(self.tok(f).form) for f in self.children(first, "fixed")]
        return " ".join(words)

    def has_case(self, i: int) -> bool:
        return any(k < i for k in self.children(i, "case"))

    def subtree(self, i: int, skip: frozenset[str] = frozenset()) -> list[int]:
        """Token i and all below it, sorted; each once (a malformed input's heads may
        form a cycle)."""
        out = [i]
        seen = {i}
        stack = [i]
        while stack:
            h = stack.pop()
            for k in self.kids.get(h, []):
                if self.rel(k) in skip or k in seen:
                    continue
                seen.add(k)
                out.append(k)
                stack.append(k)
        return sorted(out)

    def span(self, ids: list[int]) -> tuple[int, int]:
        return min(self.tok(k).start for k in ids), max(self.tok(k).end for k in ids)

    def text(self, a: int, b: int) -> str:
        """Document-text slice covered by character offsets a..b (within the sentence)."""
        return self.s.text[a - self.s.start : b - self.s.start]

    def ancestors(self, i: int) -> Iterator[int]:
        seen = set()
        h = self.tok(i).head
        while h and h not in seen:
            seen.add(h)
            yield h
            h = self.tok(h).head

    def feat(self, i: int, key: str) -> str | None:
        return self.tok(i).feat(key)

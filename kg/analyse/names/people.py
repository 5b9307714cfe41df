"""Proper-noun runs nothing knows (foreign names): where a name starts and stops,
titles before it, family names and nisbas, and the class its context gives.

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.model import Document
    >>> def tokens(text):
    ...     return RulesAnalyser().analyse(Document("d", text, lang="ar")).sentences[0].tokens
    >>> toks = tokens("قال الوزير الكيني موسى واتانغولا إن المحادثات مستمرة.")
    >>> [(s.first, s.last, s.label) for s in _unknown_names(toks, [])]
    [(4, 5, 'Person')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...lexicon.words import (
    designators,
    first_names,
    title_at,
    titles,
)
from ...model import (
    EntitySpan,
    Token,
)
from ...text import normalize
from .common import (
    _DIRECTIONS,
    _NAME_TAILS,
    _STOP_UPOS,
    MONTHS as _MONTHS,
    _is_unknown_strict,
    _nisba,
    _title_or_people,
)
from .meeting import meets_with, person_surname

_NAME_UPOS = {"PROPN", "X"}


#: Gazetteer classes a one-word surname may share its spelling with (بريان نيلسون: Nelson,
#: a region; جورج واشنطن) -- not a country.
_SURNAME_PLACES = frozenset({"City", "Region", "Place"})


def _surnames_named_like_places(
    tokens: Sequence[Token], spans: list[EntitySpan]
) -> list[EntitySpan]:
    """Drop a one-word place of the gazetteer right after a foreign first name that opens a
    name and no span covers (بريان نيلسون): it is the person's family name, found with the
    name after (not زار الوزير أحمد دمشق, nor خالد بن سلمان واشنطن)."""
    covered = {k for sp in spans for k in range(sp.first - 1, sp.last)}
    out = []
    for sp in spans:
        i = sp.first - 1
        if (
            sp.first == sp.last
            and sp.label in _SURNAME_PLACES
            and i > 0
            and i - 1 not in covered
            and normalize(tokens[i - 1].form) in first_names()
            and tokens[i - 1].upos in ("PROPN", "X")  # not على, the preposition, as علي
            # a foreign first name the lexicon does not know (بريان, not أحمد دمشق)
            and _is_unknown_strict(tokens[i - 1])
            and tokens[i - 1].end < tokens[i].start
            # the first name opens the name: خالد بن سلمان واشنطن is a name and an object
            and not (i > 1 and (i - 2 in covered or _name_like(tokens[i - 2])))
            and not normalize(tokens[i].form).startswith("ال")
        ):
            continue
        out.append(sp)
    return out


#: Directions that start a compound relative adjective: الجنوب إفريقي, الشمال كوري.
_DEFINITE_DIRECTIONS = {"ال" + d for d in _DIRECTIONS}


#: Words that join the next word into a name: عبد الله, أبو بكر, بن سلمان.
_NAME_PARTICLES = {normalize(w) for w in "عبد أبو أبي أبا بن ابن بنت آل أم مولاي حاج".split()}


#: The last word of some foreign names, which takes the word before it: خطيب زاده.
_FOREIGN_TAILS = {normalize(w) for w in "زاده".split()}


_REGNAL = {
    normalize(w)
    for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split()
}


def _unknown_names(tokens: Sequence[Token], known: list[EntitySpan]) -> list[EntitySpan]:
    covered = {k for s in known for k in range(s.first - 1, s.last)}
    starts = {s.first - 1: s for s in known}
    out: list[EntitySpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        if i in covered:
            i += 1
            continue
        # a title, its phrase, then the name: الرئيس المصري عبد الفتاح السيسي
        if _is_title(tokens[i], tokens, i):
            j = _title_phrase_end(tokens, i, covered, starts)
            if (
                j + 1 < n
                and tokens[j].form in ("،", ",")
                and j + 1 not in covered
                and (_name_like(tokens[j + 1]) or _is_unknown_strict(tokens[j + 1]))
            ):
                j += 1  # الرئيس المصري، عبد الفتاح السيسي،: the name in apposition after a comma
            name = _person_name(tokens, j, covered)
            if name is not None:
                a, b = name
                out.append(EntitySpan(a + 1, b + 1, "Person", "name-heuristic"))
                covered.update(range(a, b + 1))
                i = b + 1
                continue
        name_start = _name_start(tokens, i)
        if name_start:
            name = _person_name(tokens, i, covered, need_two=True)
            if name is not None:
                a, b = name
                cls = _class_from_context(tokens, a, b) or "Person"
                while (
                    cls != "Person"
                    and b > a
                    and not _name_like(tokens[b])
                    and normalize(tokens[b].form) not in _NAME_TAILS
                    and tokens[b].form not in _LETTER_NAMES
                    and not (cls in ("Region", "Place", "City") and tokens[b].upos == "ADJ")
                ):
                    # جبهة البوليساريو | القرار: a common word is a family name of people only
                    # (a place keeps its adjective: شبيلي السفلى)
                    b -= 1
                out.append(EntitySpan(a + 1, b + 1, cls, "name-heuristic"))
                covered.update(range(a, b + 1))
                i = b + 1
                continue
        if (
            i not in covered
            and (name_start or _single_name(tokens[i]))
            and normalize(tokens[i].form) not in first_names()
            and not _possessed(tokens, i)
            and not (i + 1 < n and _name_like(tokens[i + 1]) and i + 1 not in covered)
        ):
            cls = _class_from_context(tokens, i, i)
            if cls:
                out.append(EntitySpan(i + 1, i + 1, cls, "name-heuristic"))
        i += 1
    return out


def _name_start(tokens: Sequence[Token], i: int) -> bool:
    """Whether a name found by its shape may start here: a word the lexicon does not know,
    a first name, a proper noun the lexicon lacks (a name found earlier in the document, or
    from an analyser that does not mark unknown words), or a proper noun the lexicon has
    right before a word nothing knows (تيمور تكاتشينكو)."""
    t = tokens[i]
    if normalize(t.form) in _MONTHS:
        return False  # يوليو الماضي: a date, not a name
    if _is_unknown_strict(t) or normalize(t.form) in first_names():
        return True
    if i + 1 < len(tokens) and normalize(tokens[i + 1].form) in _FOREIGN_TAILS:
        return True
    if t.upos not in _NAME_UPOS:
        return False
    from ..rules.morph import known_form

    if not known_form(t.form):
        return True
    return (
        i + 1 < len(tokens)
        and _is_unknown_strict(tokens[i + 1])
        and normalize(t.form) not in _MONTHS
        and t.end < tokens[i + 1].start
    )


def _is_title(t: Token, tokens: Sequence[Token] | None = None, i: int = -1) -> bool:
    if t.upos not in ("NOUN", "ADJ", "PROPN"):
        return False
    if tokens is not None and i >= 0:
        return title_at([x.form for x in tokens[i : i + 2]], 0) is not None
    return normalize(t.form) in titles()


def _title_phrase_end(
    tokens: Sequence[Token], i: int, covered: set[int], starts: dict[int, EntitySpan]
) -> int:
    """Index of the first token after a title's own phrase (its genitives, adjectives,
    ل/ب phrases, brackets and the names of organisations and countries in it)."""
    j = i + 1
    construct = not normalize(tokens[i].form).startswith("ال") and not _has_suffix(tokens, i)
    if _has_suffix(tokens, i):
        j = i + 2  # نظيره التركي
    while j < len(tokens):
        step = _title_phrase_step(tokens, i, j, construct, covered, starts)
        if step is None:
            break
        j, construct = step
    return j


def _title_phrase_step(
    tokens: Sequence[Token],
    i: int,
    j: int,
    construct: bool,
    covered: set[int],
    starts: dict[int, EntitySpan],
) -> tuple[int, bool] | None:
    """The title phrase of tokens[i] continued over tokens[j]: the next index and whether
    the phrase's last word is in construct (its genitive may follow), or None where the
    phrase ends."""
    n = len(tokens)
    t = tokens[j]
    if j in starts:  # an organisation or country named in the title: أمير قطر, زعيم حزب الله
        sp = starts[j]
        return None if sp.label == "Person" else (sp.last, False)
    if t.form == "(":
        close = next((m for m in range(j + 1, min(n, j + 8)) if tokens[m].form == ")"), -1)
        if close < 0:
            return None
        return close + 1, construct  # an abbreviation in brackets belongs to the title: (ناتو)
    if t.upos in ("ADP",) and t.end == (tokens[j + 1].start if j + 1 < n else -1):
        return j + 1, True  # a clitic preposition: لحلف, باسم
    if _coordinated_genitive(tokens, i, j, covered):
        return j + 2, construct  # وزير التجارة والصناعة: coordinated genitives of the title
    if _compound_nisba(tokens, j, covered):
        return j + 2, False  # الجنوب إفريقي: a compound relative adjective
    if j == i + 1 and _guessed_name_after_rank(tokens, i, j, covered):
        return None  # العميد الطاهري سليم: the rank's holder, not the rank's adjective
    return _title_genitive_step(tokens, j, construct)


#: Military and police ranks: a holder's name follows them, rarely an adjective of theirs.
_RANKS = {normalize(w) for w in "عميد لواء عقيد رائد مقدم نقيب ملازم مشير".split()}


def _guessed_name_after_rank(tokens: Sequence[Token], i: int, j: int, covered: set[int]) -> bool:
    """Whether tokens[j], a definite word the lexicon does not know (its reading a guess,
    often a relative adjective's shape: a given name such as الطاهري) right after a rank
    (tokens[i]) and before a first name, is the first word of the holder's name."""
    f = normalize(tokens[i].form)
    if (f[2:] if f.startswith("ال") else f) not in _RANKS or j + 1 >= len(tokens):
        return False
    t, nxt = tokens[j], tokens[j + 1]
    return (
        "Guess=Yes" in t.misc
        and normalize(t.form).startswith("ال")
        and j + 1 not in covered
        and normalize(nxt.form) in first_names()
    )


def _title_genitive_step(
    tokens: Sequence[Token], j: int, construct: bool
) -> tuple[int, bool] | None:
    """A definite word of the title's phrase (its genitive or adjective), or the genitive a
    title in construct takes."""
    t = tokens[j]
    f = normalize(t.form)
    if (
        (f.startswith("ال") or _after_lam_al(tokens, j))
        and f not in first_names()
        and t.upos in ("NOUN", "ADJ", "PROPN", "X")
        and (not _is_unknown_strict(t) or _nisba(f))
    ):
        return j + 1, False
    if construct and _is_unknown_strict(t) and f not in first_names() and f not in _NAME_PARTICLES:
        # محافظ هاتاي: a title without the article is in construct; the unknown word after
        # it is its genitive (a place or body), not the holder's name
        return j + 1, False
    if (
        construct
        and t.upos in ("NOUN", "ADJ")
        and f not in first_names()
        and f not in _NAME_PARTICLES
        and not _is_unknown_strict(t)
    ):
        return j + 1, not _has_suffix(tokens, j)
    return None


def _after_lam_al(tokens: Sequence[Token], j: int) -> bool:
    """Whether tokens[j] is the definite noun of ل + ال written لل (النائب العام للدولة:
    ل and لدولة), which ends a construct as ال does: the name may follow."""
    return (
        j > 0
        and normalize(tokens[j - 1].form) == "ل"
        and tokens[j - 1].end == tokens[j].start
        and normalize(tokens[j].form).startswith("ل")
    )


def _coordinated_genitive(tokens: Sequence[Token], i: int, j: int, covered: set[int]) -> bool:
    """و + a definite noun after the title's genitive: a second genitive (التجارة والصناعة),
    not a relative adjective or another title."""
    n = len(tokens)
    t = tokens[j]
    return (
        t.upos == "CCONJ"
        and normalize(t.form) == "و"
        and j > i + 1
        and j + 1 < n
        and t.end == tokens[j + 1].start
        and j + 1 not in covered
        and tokens[j + 1].upos in ("NOUN", "ADJ")
        and normalize(tokens[j + 1].form).startswith("ال")
        and not _nisba(normalize(tokens[j + 1].form))
        and not _is_title(tokens[j + 1])
    )


def _compound_nisba(tokens: Sequence[Token], j: int, covered: set[int]) -> bool:
    """A definite direction and an indefinite relative adjective: الجنوب إفريقي."""
    return (
        normalize(tokens[j].form) in _DEFINITE_DIRECTIONS
        and j + 1 < len(tokens)
        and normalize(tokens[j + 1].form).endswith("ي")
        and not normalize(tokens[j + 1].form).startswith("ال")
        and j + 1 not in covered
    )


def _has_suffix(tokens: Sequence[Token], i: int) -> bool:
    return (
        i + 1 < len(tokens)
        and tokens[i + 1].upos == "PRON"
        and tokens[i].end == tokens[i + 1].start
    )


def _name_like(t: Token) -> bool:
    f = normalize(t.form)
    return (
        _is_unknown_strict(t)
        or "Guess=Yes" in t.misc
        or t.upos in ("PROPN", "X")
        or f in first_names()
        or f in _NAME_PARTICLES
    )


def _person_name(
    tokens: Sequence[Token], j: int, covered: set[int], need_two: bool = False
) -> tuple[int, int] | None:
    """The span of a person's name starting at token j, or None.

    A name is name-like words (unknown words, proper nouns, first names, عبد/أبو/بن and
    the word after them), then at most one ordinary word as a family name (بشار الأسد),
    a compound tail (نصر الله) or a regnal number (عبد الله الثاني)."""
    n = len(tokens)
    if j >= n or j in covered or tokens[j].upos in _STOP_UPOS:
        return None
    tail = (
        j + 1 < n
        and normalize(tokens[j + 1].form) in _FOREIGN_TAILS
        and tokens[j].upos in ("NOUN", "ADJ", "PROPN")
        and not normalize(tokens[j].form).startswith("ال")
    )
    if tail:
        return j, j + 1  # خطيب زاده: a word and a foreign name's ending
    if not _name_may_start(tokens, j, covered, need_two):
        return None
    walk = _NameWalk(k=j, first_part_end=j)
    while _name_continues(tokens, j, covered, walk):
        pass
    k = walk.k
    if need_two and not _found_by_shape(tokens, j, k):
        return None
    return j, k


def _name_may_start(tokens: Sequence[Token], j: int, covered: set[int], need_two: bool) -> bool:
    """Whether a person's name may start at token j: a name-like word that is no title, or
    (after a title) an ordinary indefinite word before an unknown one (جاسم البديوي)."""
    n = len(tokens)
    if j + 1 < n and _noun_and_adjective(tokens[j], tokens[j + 1]):
        return False  # الوزير اتصالين هاتفيين: a dual noun and its adjective, no name
    if _possessed(tokens, j):
        return False  # الرئيس نظيرته: a word with a possessive pronoun is no name
    if not _name_like(tokens[j]):
        # after a title, an ordinary word followed by an unknown one is a first name (جاسم البديوي)
        nxt_form = normalize(tokens[j + 1].form) if j + 1 < n else ""
        follows = (
            j + 1 < n
            and j + 1 not in covered
            and (
                _is_unknown_strict(tokens[j + 1])
                or "Guess=Yes" in tokens[j + 1].misc
                or (nxt_form.startswith("ال") and nxt_form[2:] in first_names())
            )
        )
        if (
            need_two
            or tokens[j].upos not in ("NOUN", "ADJ")
            or normalize(tokens[j].form).startswith("ال")
            or "Number=Plur" in tokens[j].feats  # (الوزير عمال المناجم: a group, no first name)
            or not follows
        ):
            return False
    return not (_is_title(tokens[j]) and not _is_unknown_strict(tokens[j]))


def _possessed(tokens: Sequence[Token], j: int) -> bool:
    """Whether token j carries a pronoun suffix in the same word (نظيرت + ه)."""
    return (
        j + 1 < len(tokens)
        and tokens[j + 1].upos == "PRON"
        and tokens[j].end == tokens[j + 1].start
    )


def _found_by_shape(tokens: Sequence[Token], j: int, k: int) -> bool:
    """Whether tokens[j..k], with no title before them, have a name's shape: two words or
    more, no article on the first (unless a first name), a word nothing knows or a first
    name among them."""
    if k == j:
        return False
    if tokens[j].form.startswith("ال") and normalize(tokens[j].form) not in first_names():
        return False  # الاستحواذ العسكري: a name found by its shape starts with no article
    return any(
        _is_unknown_strict(tokens[m])
        or normalize(tokens[m].form) in first_names()
        or normalize(tokens[m].form) in _FOREIGN_TAILS
        for m in range(j, k + 1)
    )


@dataclass(slots=True)
class _NameWalk:
    """Where the reading of a name stands: its last word so far, the end of its first part
    (the first name with the word its particle takes: عبد الفتاح), and whether an ordinary
    word was taken as the family name already."""

    k: int
    first_part_end: int
    known_used: bool = False


def _name_continues(tokens: Sequence[Token], j: int, covered: set[int], w: _NameWalk) -> bool:
    """Extend the name that starts at token j by the next word if it belongs to it; False
    where the name ends."""
    if _joined_word(tokens, covered, w):
        return True
    nxt = w.k + 1
    if _name_stops_before(tokens, w.k, covered):
        return False
    t = tokens[nxt]
    g = normalize(t.form)
    if g in _NAME_TAILS or g in _REGNAL:
        w.k = nxt
        return True
    if t.form in _LETTER_NAMES and _foreign(tokens[w.k]):
        w.k = nxt  # ميدل إيست آي, جون إف: a Latin letter's name inside a foreign name
        return True
    if _is_title(t, tokens, nxt) and not (  # (a two-word title too: محمد ولي العهد)
        _name_like(t)
        and nxt + 1 < len(tokens)
        and _name_like(tokens[nxt + 1])
        and not g.startswith("ال")
    ):
        return False
    if _second_name_starts(tokens, j, w.k, nxt):
        return False
    if _name_like(t):
        w.k = nxt
        return True
    if g.startswith("ال") and g[2:] in first_names() and len(g) > 4:
        w.k = nxt  # الأحمد: the father's name with the article (صباح الأحمد الجابر الصباح)
        w.first_part_end = w.k
        return True
    return _family_name(tokens, j, w)


#: The names of Latin letters as Arabic writes them in foreign names (آي, إف, جي),
#: spelt exactly: those that are Arabic words too (إن, في, أو, أي) are left out.
_LETTER_NAMES = frozenset("آي إيه إف جي إتش كيه إل إم كيو آر إس تي يو دبليو إكس واي زد".split())


def _foreign(t: Token) -> bool:
    """A word nothing knows, or marked foreign: a foreign name's word (ميدل, إيست)."""
    return _is_unknown_strict(t)


def _second_name_starts(tokens: Sequence[Token], j: int, k: int, nxt: int) -> bool:
    """Whether a second person's name starts at ``nxt``: a first name and a family name no
    lexicon knows are complete (أنتوني بلينكن), and a first name comes next (التقى
    أنتوني بلينكن فيصل بن فرحان: two people). Arabic names whose middle words are first
    names (محمد جواد ظريف) go on."""
    firsts = first_names()
    return (
        k > j
        and normalize(tokens[nxt].form) in firsts
        and normalize(tokens[k].form) not in firsts
        and "Unknown=Yes" in tokens[k].misc
        and normalize(tokens[k - 1].form) in firsts
    )


def _joined_word(tokens: Sequence[Token], covered: set[int], w: _NameWalk) -> bool:
    """The word a name particle takes (عبد الفتاح, أبو بكر, بن سلمان) or the second half of
    a hyphenated first name or last part (جان-نويل, جونغ-أون): taken into the name."""
    n = len(tokens)
    k = w.k
    nxt = k + 1
    if (
        normalize(tokens[k].form) in _NAME_PARTICLES
        and nxt < n
        and tokens[nxt].upos not in _STOP_UPOS
        and nxt not in covered
    ):
        if k == w.first_part_end:
            w.first_part_end = nxt
        w.k = nxt
        return True
    if (
        nxt + 1 < n
        and tokens[nxt].form in ("-", "‐")
        and tokens[k].end == tokens[nxt].start
        and tokens[nxt].end == tokens[nxt + 1].start
        and nxt + 1 not in covered
        # a glued half the tagger read as a verb too (كيم جونغ-أون: أون)
        and tokens[nxt + 1].upos in ("PROPN", "NOUN", "ADJ", "X", "VERB")
    ):
        w.k = nxt + 1
        return True
    return False


def _name_stops_before(tokens: Sequence[Token], k: int, covered: set[int]) -> bool:
    """Whether the word after tokens[k] can be no part of the name: a stop word, another
    name, a clitic, a word with a pronoun suffix (نصره الله), a number word."""
    n = len(tokens)
    nxt = k + 1
    if nxt >= n or nxt in covered or tokens[nxt].upos in _STOP_UPOS:
        return True
    t = tokens[nxt]
    if tokens[k].end == t.start:
        return True  # a clitic, not a new word
    if nxt + 1 < n and tokens[nxt + 1].upos == "PRON" and t.end == tokens[nxt + 1].start:
        return True  # نصره الله: a word with a pronoun suffix is no part of a name
    return normalize(t.form) in _NUMBER_WORDS  # بن مبارك ستة أشهر


def _family_name(tokens: Sequence[Token], j: int, w: _NameWalk) -> bool:
    """One ordinary word after the name-like ones as a family name (continue after it), or a
    relative adjective ending the name (taken, then stop); False where the name ends."""
    nxt = w.k + 1
    t = tokens[nxt]
    g = normalize(t.form)
    after = tokens[nxt + 1] if nxt + 1 < len(tokens) else None
    if not w.known_used and _indefinite_family_name(tokens, j, w, nxt):
        # an indefinite adjective after a first name is no attribute of it (a name is
        # definite): the family name (محمد جواد ظريف, إيهاب بدوي); so is a noun ending
        # the clause, but not one the verb takes as its object (استضاف ماكرون قمة في)
        w.k = nxt
        w.known_used = True
        return True
    if not w.known_used and w.k == w.first_part_end and _definite_family_name(tokens, j, nxt):
        # one ordinary word as a family name after a first name: بشار الأسد, حسن نصر الله
        if (
            g.startswith("ال")
            and nxt + 1 < len(tokens)
            and normalize(tokens[nxt + 1].form).startswith("ال")
            and tokens[nxt + 1].upos == "ADJ"
        ):
            return False  # الأسد ... no: a definite noun with its adjective starts a new phrase
        w.k = nxt
        w.known_used = True
        return True
    if w.k > w.first_part_end and _clause_goes_on(after) and _patronym_family_name(tokens, j, w):
        w.k = nxt  # after the father's name, the family name: عادل بن أحمد الجبير
        return False
    if (
        w.k > w.first_part_end
        and g.startswith("ال")
        and g.endswith("ي")
        and (_clause_goes_on(after) or _indefinite_noun(after))
    ):
        w.k = nxt  # a family name shaped like a relative adjective: محمد شياع السوداني
    return False


def _clause_goes_on(after: Token | None) -> bool:
    """Whether the word after a name's last word starts no phrase of its own with it: the
    end, a stop word, an adverb or a time word (سامي ناصر الحربي أمس)."""
    return (
        after is None
        or after.upos in _STOP_UPOS
        or after.upos == "ADV"
        or normalize(after.form) in _TIME_WORDS
    )


def _indefinite_noun(after: Token | None) -> bool:
    """An indefinite noun after a name (التقى سامي ناصر الحربي سفير اليابان): the next
    phrase, so the relative adjective before it ended the name."""
    return after is not None and after.upos == "NOUN" and not normalize(after.form).startswith("ال")


def _patronym_family_name(tokens: Sequence[Token], j: int, w: _NameWalk) -> bool:
    """A definite word right after «بن + the father's name» (حمد بن علي العطية): the family
    name, as after a first name (_definite_family_name), not a title or a time."""
    k = w.k
    return (
        k >= j + 2
        and normalize(tokens[k - 1].form) in _PATRONYM_PARTICLES
        and normalize(tokens[k + 1].form).startswith("ال")
        and _definite_family_name(tokens, j, k + 1)
    )


#: The particles that link a name to the father's name (خالد بن سعد, فاطمة بنت علي).
_PATRONYM_PARTICLES = {normalize(w) for w in "بن ابن بنت".split()}


def _indefinite_family_name(tokens: Sequence[Token], j: int, w: _NameWalk, nxt: int) -> bool:
    """An indefinite adjective (or a noun ending the clause) after a first name's part."""
    t = tokens[nxt]
    g = normalize(t.form)
    after = tokens[nxt + 1] if nxt + 1 < len(tokens) else None
    return (
        (w.k > w.first_part_end or normalize(tokens[j].form) in first_names())
        and t.upos in ("NOUN", "ADJ")
        and not g.startswith("ال")
        and not _accusative(t)
        and g not in _TIME_WORDS
        and not _title_or_people(t)
        and (
            (t.upos == "ADJ" and (after is None or after.upos in _STOP_UPOS))
            or (
                (after is None or after.upos == "PUNCT")
                and not g.endswith("ه")
                and t.upos in ("ADJ", "NOUN")
            )
        )
    )


def _definite_family_name(tokens: Sequence[Token], j: int, nxt: int) -> bool:
    """A definite word (or any word after a first name) right after the first part of a
    name: its family name, unless it is a designator, a time, a direction, a title."""
    t = tokens[nxt]
    g = normalize(t.form)
    first_known = (
        normalize(tokens[j].form) in first_names() or normalize(tokens[j].form) in _NAME_PARTICLES
    )
    return (
        t.upos in ("NOUN", "ADJ", "PROPN")
        and (g.startswith("ال") or first_known)
        # after a word nothing knows, a definite common noun is its genitive, not a
        # family name (ردهة الإنعاش); after a first name it may be one (بشار الأسد)
        and (first_known or t.upos == "PROPN" or _nisba(g) or not _is_unknown_strict(tokens[j]))
        and g not in designators()
        and g not in _TIME_WORDS
        and g not in _DIRECTIONS
        and g[:-1] not in _DIRECTIONS  # (شمالي, جنوبي)
        and not _title_or_people(t)
        and not _common_word_and_verbal_noun(tokens[j], t)
    )


def _common_word_and_verbal_noun(first: Token, t: Token) -> bool:
    """A first name read as a common word before a definite verbal noun: a construct
    phrase (حسن العزاء, حسن الجوار, جميل الصبر), not a name with its family name."""
    return (
        first.upos in ("NOUN", "ADJ")
        and "VerbForm=Vnoun" in t.misc
        and normalize(t.form).startswith("ال")
    )


#: Time words that follow a name without being part of it (قال محمد علي صباح اليوم).
#: Number words: no part of a name (جوهر بن مبارك ستة أشهر).
_NUMBER_WORDS = {
    normalize(w)
    for w in (
        "واحد اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة ثلاث أربع خمس ست سبع "
        "ثماني تسع عشر عشرات مئات آلاف مئة مائة ألف مليون"
    ).split()
}


_TIME_WORDS = {
    normalize(w) for w in "اليوم أمس غدا صباح مساء ظهر فجر ليلة ليل مطلع منتصف أواخر أوائل".split()
} | _MONTHS


def _noun_and_adjective(a: Token, b: Token) -> bool:
    """A dual or plural noun and its relative adjective with the same ending (اتصالين
    هاتفيين)."""
    from ..rules.tagger import agreeing_plural

    return a.end < b.start and agreeing_plural(a.form, b.form)


def _accusative(t: Token) -> bool:
    """A word with the accusative ending written (وزيرا, رئيسًا): an object or a state, not
    a name."""
    f = t.form
    return "\u064b" in f or (normalize(f).endswith("ا") and not normalize(f).endswith("اء"))


def _class_from_context(tokens: Sequence[Token], i: int, j: int) -> str:
    """The class the words around tokens[i..j] give a name found by its shape, or "".

    A gazetteer person's family name alone is that person wherever it stands:

    >>> from kg.analyse.rules import RulesAnalyser
    >>> from kg.model import Document
    >>> doc = Document("d", "وانتقد ماكرون القرار.", lang="ar")
    >>> toks = RulesAnalyser().analyse(doc).sentences[0].tokens
    >>> _class_from_context(toks, 2, 2), _class_from_context(toks, 3, 3)
    ('Person', '')
    """
    k = i - 1
    prev = tokens[k] if k >= 0 else None
    if prev is not None:
        pn = normalize(prev.form)
        if pn in designators() and not (
            pn.startswith("ال")
            and designators()[pn] == "Organization"
            and normalize(tokens[i].form) in first_names()
        ):
            # (استقبلت الحكومة خالد عيسى: a body with its article does not take a person's
            # first name as its own name; the name is the next phrase's)
            return designators()[pn]
        if k > 0 and (normalize(tokens[k - 1].form), pn) in _PHRASE_DESIGNATORS:
            return _PHRASE_DESIGNATORS[(normalize(tokens[k - 1].form), pn)]
        for dual, base in (("تا", "ه"), ("تي", "ه"), ("ا", "")):
            # إقليما X, محافظتا X: a dual designator announces places too
            if (
                pn.endswith(dual)
                and len(pn) > 4
                and designators().get(pn[: -len(dual)] + base)
                in (
                    "Region",
                    "City",
                )
            ):
                return designators()[pn[: -len(dual)] + base]
        if (
            j > i
            and prev.upos == "ADP"
            and pn in ("في", "الي")
            and all(_is_unknown_strict(t) or t.upos == "PROPN" for t in tokens[i : j + 1])
            and not any(normalize(t.form) in first_names() for t in tokens[i : j + 1])
        ):
            return "Place"  # في كوت ديفوار: foreign words after في name a place, not a person
        single = j == i and _single_name(tokens[i])
        if pn in _PLACE_HEADS and single and prev.end < tokens[i].start:
            return "Place"  # شرطة ديالى, محافظ هاتاي, سكان X: what these govern is a place
        if pn in titles():
            # الرئيس X: the holder's name; محافظ X (a title in construct): its genitive
            return "Person" if pn.startswith("ال") else ""
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        construct = (
            nxt is not None
            and nxt.upos == "NOUN"
            and normalize(nxt.form).startswith("ال")
            and normalize(nxt.form) not in _TIME_WORDS
            and tokens[j].end < nxt.start
        )
        if pn == "ب" and single and meets_with(tokens, k):
            return "Person"  # جمعته بميركل, التقى بلافروف: whom one meets, not a place
        if prev.upos == "ADP" and single and person_surname(normalize(tokens[i].form)):
            return "Person"  # رحب بماكرون: a gazetteer person's family name, not a place
        if prev.upos == "ADP" and pn in ("في", "الي", "من", "ب") and single and not construct:
            # a single name after في/إلى: most often a place (not a noun in construct with
            # a definite genitive: إلى ردهة الإنعاش)
            return "Place"
    if j == i and _single_name(tokens[i]) and person_surname(normalize(tokens[i].form)):
        return "Person"  # وقال أردوغان: a gazetteer person's family name alone names him
    return ""


#: Designators of two words: العلامة التجارية X names a brand, a thing and not a person.
_PHRASE_DESIGNATORS = {
    tuple(normalize(w) for w in ws.split()): cls
    for ws, cls in (("العلامة التجارية", "Thing"), ("علامة تجارية", "Thing"))
}

#: Nouns (and titles) whose genitive is a place: شرطة ديالى, محافظ هاتاي, سكان الحي.
_PLACE_HEADS = {
    normalize(w)
    for w in "شرطة محافظ حاكم عمدة بلدية سكان أهالي ضواحي أطراف ريف شمال جنوب شرق غرب وسط".split()
}


def _single_name(t: Token) -> bool:
    """A one-word name nothing else types: a word no lexicon knows, or a proper noun the
    lexicon has (ألاسكا) that is no first name, month or definite word."""
    f = normalize(t.form)
    if f in _MONTHS:
        return False
    if _is_unknown_strict(t):
        return True
    return (
        t.upos == "PROPN"
        and not t.form.startswith("ال")  # (as written: ألاسكا is no definite word)
        and f not in first_names()
        and f not in _MONTHS
        and len(f) >= 3
    )

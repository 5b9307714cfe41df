"""Titles: the positions people hold and the person a title names.

``find_titles`` (a mention step) reads title words (وزير الخارجية الأميركي, الرئيس);
writes a Position mention, binds the title to the person in apposition with it (or to
the person an earlier title bound, or makes the title itself a person known only by it)
and states holdsPosition, leaderOf/memberOf of the body in the title's phrase, and the
country of a head of state's nationality adjective. ``read_predicative_titles`` (a fact
step) reads a title said of a subject: أصبحت فنلندا عضوا في الحلف.
"""

from __future__ import annotations

from ..lexicon import gazetteer
from ..lexicon.words import titles
from ..model import Sentence, Token
from ..text import normalize, strip_diacritics
from .confidence import TITLE_APPOSITION, TITLE_BODY, TITLE_NATIONALITY, TITLE_PREDICATIVE
from .coref import ent_of, note_source, source_again, source_where
from .phrases import TITLE_NP_WORDS, acting_phrase, bare_word, np_ids, strip_al, title_of
from .state import TITLED, Doc
from .tree import Tree
from .words import CHAIN_TITLES, COMMAS, HEADS_OF_STATE

#: A bare title (الرئيس) names the person a title bound within this many sentences.
BARE_TITLE_SENTENCES = 2
#: Modifier marking a title with a genitive (رئيس مجلس النواب): no bare title means it.
GENITIVE = "#genitive"
#: Classes of the bodies a title or a predicative title relates a person to.
BODIES = ("Organization", "Country", "Group")
#: Prepositions of a place one goes to or comes from, never the body a title heads
#: (زيارة الرئيس الكيني إلى اليابان, parsed with إلى اليابان on الرئيس).
DIRECTIONS = frozenset(normalize(w) for w in ("إلى", "من", "نحو", "عن"))
#: The relation column of a title that relates its holder to no body (نظير: a counterpart).
NO_RELATION = "-"
#: Titles whose relation to the body in their phrase is the whole of the role they name.
ROLES = frozenset({"spokespersonOf", "memberOf"})
#: المتحدث باسم X: the noun whose ب-phrase names the body a spokesperson speaks for.
IN_NAME_OF = "اسم"


def find_titles(d: Doc, s: Sentence, tree: Tree) -> None:
    """Title words, as Position mentions and as the person each names.

    A title in apposition with a name: the position, and the country a head of state's
    nationality adjective names:

    >>> from kg import build
    >>> g = build(texts=["زار الرئيس الفرنسي إيمانويل ماكرون مصر والأردن."])
    >>> [(f.subject, f.relation, f.object, f.confidence) for f in g.facts()][2:]
    [('إيمانويل ماكرون', 'holdsPosition', 'الرئيس الفرنسي', 0.9),
     ('إيمانويل ماكرون', 'leaderOf', 'فرنسا', 0.8)]
    """
    for t in s.tokens:
        if t.upos not in ("NOUN", "ADJ", "PROPN"):
            continue  # (the cheaper test first: no title is looked up for other words)
        title = title_of(tree, t.id)
        if title is None:
            continue
        owner = d.token_ent.get((s.index, t.id))
        if owner is not None and d.ent(owner).cls not in ("Position",):
            continue
        if t.deprel == "appos" and t.head and title_of(tree, t.head) and _chain(tree, t.id):
            continue  # أمير قطر الشيخ تميم: an honorific inside another title's chain
        if " " in title and t.head == t.id + 1 and title_of(tree, t.head):
            continue  # Foreign Minister: the head word is the title that names the person
        _title(d, s, tree, t, title, owner)


def _title(d: Doc, s: Sentence, tree: Tree, t: Token, title: str, owner: str | None) -> None:
    """One title word: its Position mention, and the person it names."""
    person = _appos_person(d, s, tree, t.id)
    if titles()[title].relation == "descriptor" and person is None:
        return  # اعتقلت الشرطة الناشط: a person known by the description, no title
    ids = _title_words(d, s, tree, t.id)
    head_word = title[2:] if title.startswith("ال") else title
    mods = frozenset(
        bare_word(tree.tok(k).form)
        for k in ids
        if k != t.id and tree.tok(k).upos not in ("ADP", "PUNCT")
    )
    if any(tree.rel(k) == "nmod" and tree.tok(k).head == t.id for k in ids):
        mods = mods | {GENITIVE}  # رئيس مجلس النواب: a bare الرئيس is someone else
    words = [tree.tok(k).form for k in ids]
    dropped = normalize(t.form) != title and "ا" + normalize(t.form) == title
    if dropped and ids[0] == t.id:
        words[0] = "ا" + words[0]  # للملك: the title is الملك
    pos_key = owner or f"title:{normalize(' '.join(words))}"
    if owner is None:
        pos_key = d.mention(s, tree, ids, pos_key, "Position", "nominal", t.id)
        names = d.ent(pos_key).names
        a, b = tree.span(ids)
        if dropped and ids[0] == t.id and d.text[a:b] in names:
            names[names.index(d.text[a:b])] = "ا" + d.text[a:b]
    if titles()[title].relation in ("honorific", "descriptor"):
        if person is not None:  # قال السيد بانفالكار: the courtesy title names no position
            d.token_ent[(s.index, t.id)] = person
            if titles()[title].gender == "f":
                d.ent(person).gender = "f"
        return
    if person is not None:
        note_source(d, s, tree, t.id, None)  # a named speaker of that noun comes between
        _named_title(d, s, tree, t.id, ids, title, head_word, mods, pos_key, person)
        return
    _unnamed_title(d, s, tree, t.id, ids, title, head_word, mods, pos_key)


def _title_words(d: Doc, s: Sentence, tree: Tree, t: int) -> list[int]:
    """The tokens of a title's phrase, up to the name of the person it names (the parse
    may hang الرئيس الكيني وليام روتو's name on the title as flat words)."""
    ids = np_ids(tree, t, TITLE_NP_WORDS)
    ids = sorted({*ids, *_in_name_of(tree, t)})
    for k in ids:
        if (
            k > t
            and tree.case(k) == "ل"
            and any(tree.tok(j).upos == "PRON" for j in tree.children(k, "nmod"))
        ):
            # الرئيس الجزائري لنظيره المصري: a ل phrase with a possessive is the one
            # addressed, no genitive of the title
            ids = [i for i in ids if i < min(tree.subtree(k))]
            break
    for k in ids:
        key = d.token_ent.get((s.index, k))
        if k > t and key is not None and d.ent(key).cls == "Person" and d.ent(key).proper:
            return [i for i in ids if i < k]
    return ids


def _named_title(
    d: Doc,
    s: Sentence,
    tree: Tree,
    t: int,
    ids: list[int],
    title: str,
    head_word: str,
    mods: frozenset[str],
    pos_key: str,
    person: str,
) -> None:
    """A title in apposition with a person's name: the binding later bare titles look
    up, the person an earlier mention of the same title stood for, and the facts the
    title states (a counterpart, نظيره الأردني, holds no position)."""
    d.bindings.append((head_word, mods, person, s.index))
    _join_unnamed(d, head_word, mods, person, s.index)
    _title_and_name(d, s, tree, ids, person)
    info = titles().get(title)
    if info is not None and info.gender == "f":
        d.ent(person).gender = "f"  # مديرة الصندوق كريستالينا غورغييفا: a woman
    # a spokesperson's or member's role is the relation to the body (المتحدث باسم الوزارة:
    # spokespersonOf the ministry), no position besides it
    role = _title_relation(d, s, tree, t, title, person) and titles()[title].relation in ROLES
    if titles()[title].relation != NO_RELATION and not role:
        d.fact(
            person,
            "holdsPosition",
            pos_key,
            s,
            tree,
            [t, *ids, _head_of_ent(d, s, person, tree)],
            TITLE_APPOSITION,
        )
    d.token_ent[(s.index, t)] = person
    acting = _acting_for(tree, t)
    if acting and (s.index, acting) not in d.token_ent:
        d.token_ent[(s.index, acting)] = person  # القائمة بأعمال رئيس البعثة X: X acts


def _acting_for(tree: Tree, t: int) -> int:
    """القائم بأعمال رئيس البعثة: the القائم (or القائمة) that acts for the title t, the
    genitive of a بأعمال phrase right after it (wherever the parse hung that phrase); 0 if
    none.
    """
    a = tree.tok(t).head
    return acting_phrase(tree, a) if a == t - 1 else 0


def _title_and_name(d: Doc, s: Sentence, tree: Tree, ids: list[int], person: str) -> None:
    """الملك عبدالله الثاني, العاهل الأردني الملك عبدالله الثاني: the title (and the link
    of its chain) followed straight by the name is a name of the person too (the form a
    reader looks for), when they are adjacent."""
    if d.analysed.doc.lang == "en":
        return  # (an English title is a modifier of the name: the name alone is its label)
    k = max(ids) + 1
    links = []
    while k <= len(tree.toks) and title_of(tree, k) and _chain(tree, k):
        links.append(k)  # أمير قطر الشيخ تميم: through the chain
        k += 1
    key = d.token_ent.get((s.index, k)) if k <= len(tree.toks) else None
    if key is None or d.find(key) != d.find(person) or not d.ent(person).proper:
        return
    last = k
    while last < len(tree.toks) and d.token_ent.get((s.index, last + 1)) == key:
        last += 1
    e = d.ent(person)
    for start in [ids[0], *links[:1]]:
        name = d.text[tree.tok(start).start : tree.tok(last).end]
        if start > 1 and normalize(tree.tok(start - 1).form) == "ل" and name[:1] == "ل":
            name = "ا" + name  # للملك عبدالله: the name is الملك عبدالله
        if name not in e.names:
            e.names.append(name)


def _in_name_of(tree: Tree, t: int) -> list[int]:
    """المتحدث باسم وزارة الخارجية: the body a spokesperson speaks for is part of the
    title's phrase (its ب-phrase on اسم), with its genitives and adjectives."""
    for k in tree.children(t, "nmod", "obl"):
        if normalize(strip_diacritics(tree.tok(k).lemma)) == IN_NAME_OF and tree.case(k) == "ب":
            return [*tree.children(k, "case"), *np_ids(tree, k, TITLE_NP_WORDS)]
    return []


def _in_name_body(d: Doc, s: Sentence, tree: Tree, t: int) -> str | None:
    """The body after باسم when it is no name the mention steps found (باسم الخارجية
    الإيرانية): a noun-phrase entity."""
    for k in tree.children(t, "nmod", "obl"):
        if normalize(strip_diacritics(tree.tok(k).lemma)) == IN_NAME_OF and tree.case(k) == "ب":
            body = tree.children(k, "nmod")
            return ent_of(d, s, tree, body[0]) if body else None
    return None


def _join_unnamed(d: Doc, head: str, mods: frozenset[str], person: str, sentence: int) -> None:
    """الرئيس السوري يستقبل ... (a headline), then الرئيس السوري بشار الأسد: the person
    known only by the same title (its modifiers among the named title's; a bare title
    only within the last sentences) was this one."""
    for h, m, key, si in d.unnamed:
        if h != head or not m <= mods or d.ent(key).proper:
            continue  # (الوزير الأردني before وزير الخارجية الأردني X: fewer modifiers)
        if not (m - {GENITIVE}) and sentence - si > BARE_TITLE_SENTENCES:
            continue
        if not m and GENITIVE in mods:
            continue  # استقبل الرئيس X رئيس بلدية Y: a bare الرئيس is not a title with a genitive
        d.merge(person, key)


def _unnamed_title(
    d: Doc,
    s: Sentence,
    tree: Tree,
    t: int,
    ids: list[int],
    title: str,
    head_word: str,
    mods: frozenset[str],
    pos_key: str,
) -> None:
    """A title with no name beside it: the person an earlier title bound, or else a
    person known only by the title (قال الرئيس الفرنسي), an entity apart from the
    Position that a later mention of the title with a name joins."""
    bound = _bound_person(d, head_word, mods, s.index)
    if bound is not None:
        d.token_ent[(s.index, t)] = bound
        e = d.ent(bound)
        surface = d.text[tree.span(ids)[0] : tree.span(ids)[1]]
        if surface not in e.names:
            e.names.append(surface)
        d.remember(bound, s.index, tree.span(ids)[0])
        _title_relation(d, s, tree, t, title, bound)  # ملك الأردن after الملك عبدالله
    else:
        e = d.ent(pos_key)
        if e.proper:  # a name the analyser took for a title
            d.token_ent[(s.index, t)] = e.key
            return
        gender = "f" if titles()[title].gender == "f" else "m"
        where = source_where(tree, t)  # مسؤول بالوزارة: an official known by where he is
        same = source_again(d, s, tree, t, ids + where)  # وأضاف المسؤول: the one before
        if same is not None:
            d.token_ent[(s.index, t)] = same
            return
        key = d.mention(
            s,
            tree,
            ids + where,
            TITLED + e.key + "".join(tree.tok(k).form for k in where),
            "Person",
            "nominal",
            t,
            gender=gender,
        )
        if where:  # and by the title alone, as a later «المسؤول» or another reader names him
            d.ent(key).names.append(d.text[tree.span(ids)[0] : tree.span(ids)[1]])
        d.unnamed.append((head_word, mods, key, s.index))
        note_source(d, s, tree, t, key)
        d.token_ent[(s.index, t)] = key
        if not _indefinite_accusative(tree.tok(t)):  # عينه محافظا للبنك: a post, no one yet
            _title_relation(d, s, tree, t, title, key)  # رسالة من الرئيس الجزائري


def _indefinite_accusative(t: Token) -> bool:
    """رئيسا, عضوا, قائدا: a title said of someone (عينه رئيسا للحكومة) or an indefinite
    one (قتلت القوات قائدا في التنظيم), not a person the title names.

    >>> _indefinite_accusative(Token(1, "عضوا", "عضو", "NOUN", 0, "obj", 0, 4))
    True
    """
    n = normalize(t.form)
    return n.endswith("ا") and not n.startswith("ال") and t.feat("Definite") != "Def"


def _appos_person(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """The person a title is in apposition with: an appos/flat name child, its parent, or the name right after it."""
    cands = tree.children(i, "appos", "flat", "nmod")
    for c in list(cands):
        if tree.rel(c) == "appos" and title_of(tree, c) and (_chain(tree, c) or _courtesy(tree, c)):
            # أمير قطر الشيخ تميم: through the honorific (د. takes the name as its genitive)
            cands += tree.children(c, "appos", "flat", "nmod")
    if tree.rel(i) in ("appos", "compound"):  # compound: English "President Trump"
        cands.append(tree.tok(i).head)
    for c in cands:
        key = d.token_ent.get((s.index, c))
        if key is not None and d.ent(key).cls == "Person" and d.ent(key).proper:
            return d.find(key)  # (a person known by another title is someone else)
    if tree.rel(i) == "nmod" and title_of(tree, tree.tok(i).head):
        return (
            None  # المستشار السياسي للأمين العام X: the name is the adviser's, not the genitive's
        )
    if i < len(tree.toks) and (s.index, i + 1) not in d.token_ent:
        surname = d.surnames.get(normalize(tree.tok(i + 1).form))
        if surname is not None:  # الرئيس عباس: the title and the surname of a person named
            return d.find(surname)
    return _comma_person(d, s, tree, i)


#: Clauses that end a title's phrase (its own words are the rest of its subtree).
_CLAUSES = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "parataxis", "conj", "obj", "nsubj"})


def _chain(tree: Tree, i: int) -> bool:
    """Whether a title in apposition to another is a link of its chain (الشيخ, الملك,
    العميد), not a second person's title (ولي العهد السعودي الرئيسَ الكيني)."""
    return bare_word(tree.tok(i).form) in CHAIN_TITLES


def _courtesy(tree: Tree, i: int) -> bool:
    """Whether a title is a courtesy title (السيد, الدكتور, الأستاذ), which names no
    position: وزير الخارجية الأستاذ X is the minister's name."""
    title = title_of(tree, i)
    return title is not None and titles()[title].relation == "honorific"


def _comma_person(d: Doc, s: Sentence, tree: Tree, i: int) -> str | None:
    """The person's name right after a title's phrase, whatever the parse attached it to:
    straight after it (استقبال السيسي للملك عبدالله الثاني), or set off by a comma, maybe
    after a rank, and then closed by punctuation, a preposition or a complementiser
    (المتحدث باسم الشرطة، العميد سالم الكعبي، إن ...)."""
    own = set(tree.subtree(i, _CLAUSES))
    end = i
    while end + 1 in own:
        end += 1
    end = _stray_title_words(tree, end)
    c = end + 1
    comma = c <= len(tree.toks) and tree.tok(c).form in COMMAS
    c += 1 if comma else 0
    # العاهل الأردني الملك عبدالله, العاهل السعودي، الملك سلمان،: through الملك
    links = CHAIN_TITLES
    if c <= len(tree.toks) and bare_word(tree.tok(c).form) in links:
        c += 1
    if c > len(tree.toks):
        return None
    key = d.token_ent.get((s.index, c))
    if key is None or d.ent(key).cls != "Person" or not d.ent(key).proper:
        return None
    if not comma and _object_of_its_verb(tree, i, c):
        return None  # عين الرئيس سامي حداد وزيرا: the subject's verb acts on the name
    last = c
    while last < len(tree.toks) and d.token_ent.get((s.index, last + 1)) == key:
        last += 1
    closed = last == len(tree.toks) or tree.tok(last + 1).upos in ("PUNCT", "ADP", "SCONJ")
    return d.find(key) if closed or not comma else None


def _object_of_its_verb(tree: Tree, i: int, c: int) -> bool:
    """Whether the name at c is the object of the verb whose subject is the title at i."""
    v = tree.tok(i).head
    return bool(v) and tree.rel(i) == "nsubj" and tree.rel(c) == "obj" and tree.tok(c).head == v


#: At most this many words of a title's phrase the parse hung elsewhere.
STRAY_TITLE_WORDS = 6


def _stray_title_words(tree: Tree, end: int) -> int:
    """وزير الخزانة والمالية التركي السابق، X: the coordinated nouns and adjectives that
    go on a title's phrase up to a comma, wherever the parse hung them; the phrase's last
    token (``end`` itself when no comma follows them)."""
    j = end + 1
    n = len(tree.toks)
    while j <= n and j - end <= STRAY_TITLE_WORDS:
        t = tree.tok(j)
        nisba = t.upos == "NOUN" and normalize(t.form).startswith("ال") and t.form.endswith("ي")
        if (
            t.upos in ("ADJ", "CCONJ")
            or nisba
            or (t.upos == "NOUN" and tree.tok(j - 1).upos == "CCONJ")
        ):
            j += 1
            continue
        break
    return j - 1 if j > end + 1 and j <= n and tree.tok(j).form in COMMAS else end


def _head_of_ent(d: Doc, s: Sentence, key: str, tree: Tree) -> int:
    """A token of this sentence that stands for the entity (0 for none)."""
    for (si, tid), k in d.token_ent.items():
        if si == s.index and d.find(k) == d.find(key):
            return tid
    return 0


def _bound_person(d: Doc, head: str, mods: frozenset[str], sentence: int) -> str | None:
    """The person last named with this title. A mention may drop modifiers (الوزير الأميركي
    for وزير الخارجية الأميركي); a bare title (الرئيس) refers only to a person named in the
    last two sentences, and never to one whose title had a genitive (رئيس مجلس النواب)."""
    fits = [
        (m, person)
        for h, m, person, si in reversed(d.bindings)
        if h == head
        and not (not mods and (GENITIVE in m or sentence - si > BARE_TITLE_SENTENCES))
        and mods - {GENITIVE} <= m
    ]
    # the one named with this very title before one whose title says more (وزير الخارجية
    # عادل الجبير ... نظيره وزير الخارجية الإيطالي ... وقال وزير الخارجية: al-Jubeir)
    exact = [person for m, person in fits if mods and m == mods]
    return exact[0] if exact else (fits[0][1] if fits else None)


def _title_relation(d: Doc, s: Sentence, tree: Tree, t: int, title: str, person: str) -> bool:
    """What a named title says besides holdsPosition: the person's nationality, and the
    title's relation (leaderOf, memberOf, spokespersonOf) to the body in its phrase or,
    for a head of state, to the country of its nationality adjective. Whether a relation
    was stated."""
    rel = titles()[title].relation
    _note_nationality(d, tree, t, person)
    if rel in ("holdsPosition", NO_RELATION):
        return False  # نظير عمان: a counterpart is no member or leader of the body in its phrase
    if _title_body(d, s, tree, t, rel, person):
        return True
    if rel == "spokespersonOf":
        body = _in_name_body(d, s, tree, t)
        if body is not None and d.find(body) != d.find(person):
            d.fact(person, rel, body, s, tree, [t], TITLE_BODY)
            return True
        return False
    if rel != "leaderOf" or strip_al(title) not in HEADS_OF_STATE:
        return False  # رئيس الوزراء المصري heads a government, not the country
    return _head_of_state(d, s, tree, t, rel, person)


def _note_nationality(d: Doc, tree: Tree, t: int, person: str) -> None:
    """وزير الخارجية التركي: his country (بلاده) is Turkey."""
    for k in tree.subtree(t, frozenset({"appos", "acl:relcl", "acl", "conj", "flat"})):
        if tree.rel(k) != "amod":
            continue
        country = gazetteer.country_of_nisba(tree.tok(k).form)
        if country is not None:
            d.nationality.setdefault(d.find(person), country)
            break


def predicative_body(d: Doc, s: Sentence, tree: Tree, t: int, person: str) -> None:
    """انتخب X أمينا عاما للحزب, عين X رئيسا للجنة: the body a predicative title names
    is the one the person leads (or is a member or spokesperson of), as for a title
    before a name.

    >>> from kg import build
    >>> g = build(texts=["انتخب أعضاء المجلس الوطني سامي حداد أمينا عاما لحركة التجديد."])
    >>> [(f.subject, f.relation, f.object) for f in g.facts() if f.relation == "leaderOf"]
    [('سامي حداد', 'leaderOf', 'حركة التجديد')]
    """
    title = title_of(tree, t)
    info = titles().get(title) if title else None
    if info is not None and (info.relation in ROLES or info.relation == "leaderOf"):
        _title_body(d, s, tree, t, info.relation, person)


def _title_body(d: Doc, s: Sentence, tree: Tree, t: int, rel: str, person: str) -> bool:
    """The first body named in the title's phrase (الأمين العام لحلف الناتو): whether
    there was one (and the fact is stated)."""
    for k in tree.subtree(t, frozenset({"appos", "acl:relcl", "acl", "conj"})):
        if k == t:
            continue
        key = d.token_ent.get((s.index, k))
        if key is None or _directed(tree, k, t) or _posted_in(tree, k, t):
            continue
        e = d.ent(key)
        if e.cls in BODIES and d.find(key) != person:
            d.fact(person, rel, key, s, tree, [t, k], TITLE_BODY)
            return True
    if rel == "spokespersonOf":
        # المتحدث باسم قيادة الشرطة, المتحدث باسم حاكم الإقليم: whom a spokesperson speaks
        # for is the genitive of اسم, named or not
        for n in tree.children(t, "nmod"):
            if tree.case(n) != "ب" or normalize(tree.tok(n).form) != normalize("اسم"):
                continue
            for g in tree.children(n, "nmod"):
                if tree.has_case(g) or tree.tok(g).upos not in ("NOUN", "PROPN"):
                    continue
                key = ent_of(d, s, tree, g)
                if key is not None and d.find(key) != person:
                    d.fact(person, rel, key, s, tree, [t, g], TITLE_BODY)
                    return True
    return False


def _posted_in(tree: Tree, k: int, t: int) -> bool:
    """زعيم تيار الحكمة في العراق: after the body the title names (تيار الحكمة), a place
    with في is where the office is, not a body the person leads."""
    if tree.tok(k).head != t or tree.case(k) != "في":
        return False
    return any(n < k and not tree.has_case(n) for n in tree.children(t, "nmod"))


def _directed(tree: Tree, k: int, t: int) -> bool:
    """Whether token k hangs on title t through a preposition of direction."""
    node = k
    while node and node != t:
        if tree.case(node).split(" ")[0] in DIRECTIONS:
            return True
        node = tree.tok(node).head
    return False


def _head_of_state(d: Doc, s: Sentence, tree: Tree, t: int, rel: str, person: str) -> bool:
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
            d.fact(person, rel, key, s, tree, [t, k], TITLE_NATIONALITY)
            return True
        return False
    return False


# ------------------------------------------------------- predicative titles


def read_predicative_titles(d: Doc, s: Sentence, tree: Tree) -> None:
    """A title said of a subject: أصبحت فنلندا عضوا في الحلف, فنلندا عضو في الحلف,
    انتخب البرلمان X رئيسا للجمهورية."""
    for t in s.tokens:
        if tree.rel(t.id) not in _PREDICATIVE_RELS:
            continue  # (no subject for it: the cheaper test, before its title is looked up)
        title = title_of(tree, t.id)
        if title is None:
            continue
        subj_tok = _predicative_subject(tree, t)
        if not subj_tok:
            continue
        subj = ent_of(d, s, tree, subj_tok)
        if subj is None:
            continue
        relation = titles()[title].relation
        if relation in ("honorific", "descriptor"):
            continue  # عشماوي متهم في قضية: a description holds no position in a body
        if relation == "holdsPosition":
            # سفيرا في اليابان, وزيرا في الحكومة: the country or body is the post's scope;
            # what the person holds is the post, never the country itself (the post of a
            # verb of naming's object is the appointment's: kg.extract.appointments)
            post = d.token_ent.get((s.index, t.id))
            if (
                post is not None
                and tree.rel(t.id) not in ("obl", "obj")
                and d.find(post) != d.find(subj)
                and d.ent(subj).cls == "Person"
            ):
                d.fact(subj, relation, post, s, tree, [t.id], TITLE_PREDICATIVE)
            continue
        scope = tree.subtree(t.id, frozenset({"acl:relcl", "conj", "nsubj"}))
        if tree.rel(t.id) == "xcomp":
            # the complement may hang on the copula: أصبحت فنلندا عضوا في الحلف
            scope += [k for j in tree.children(t.head, "obl") if j > t.id for k in tree.subtree(j)]
        for k in scope:
            if k == t.id:
                continue
            key = d.token_ent.get((s.index, k))
            if key and d.ent(key).cls in BODIES and d.find(key) != subj:
                d.fact(
                    subj,
                    relation if relation != NO_RELATION else "affiliatedWith",
                    key,
                    s,
                    tree,
                    [t.id, k],
                    TITLE_PREDICATIVE,
                )
                break


#: The relations of a token :func:`_predicative_subject` finds a subject for (none for
#: the others).
_PREDICATIVE_RELS = frozenset({"xcomp", "root", "ccomp", "obl", "obj"})


def _predicative_subject(tree: Tree, t: Token) -> int:
    """The token a predicative title is said of (0 for none): the subject of its copula
    or clause, or the object of a verb of naming (عين الملك X وليا للعهد)."""
    rel = tree.rel(t.id)
    if rel == "xcomp" or (rel in ("root", "ccomp") and tree.children(t.id, "nsubj")):
        host = t.head if rel == "xcomp" else t.id
        subs = tree.children(host, "nsubj")
        return subs[0] if subs else 0
    if rel in ("obl", "obj") and t.feat("Definite") != "Def" and normalize(t.form).endswith("ا"):
        objs = [k for k in tree.children(t.head, "obj") if k != t.id]
        return objs[0] if objs else 0  # عين الملك X وليا للعهد
    return 0

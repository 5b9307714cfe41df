"""Mentions: the first steps on each sentence, before any fact is read.

Reads the analyser's entity spans and the sentence's tokens; writes mentions and
entities to the ``Doc`` (and ``token_ent``, the entity each token stands for), plus what
later sentences look back at: surnames of people named in full, the first word of an
organisation's name. Steps, in the order the driver runs them: ``find_names`` (with the
one fact a name can state: what an organisation fights), ``find_times``,
``find_events`` (event nouns and document nouns), ``find_groups`` (plural nouns of
people). Titles have their own module (``titles``), noun phrases are made when an
argument needs one (``coref.ent_of``).
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon import relations as lexmod
from ..lexicon.words import designators
from ..model import EntitySpan, Sentence
from ..text import normalize
from .confidence import NAME_PURPOSE
from .phrases import ARGUMENT_NP_WORDS, is_group, np_ids, strip_al, title_of
from .state import Doc
from .tree import Tree
from .words import (
    BARE_TIME_HEADS,
    DEICTIC_DAYS,
    DOCUMENT_NOUNS,
    MONTHS,
    PURPOSE_MARKERS,
    TIME_HEADS,
    TIME_MODS,
    WEEKDAYS,
)

# ----------------------------------------------------------------- names


def find_names(d: Doc, s: Sentence, tree: Tree) -> None:
    """The analyser's entity spans as name mentions (a Position span as a title)."""
    for found in s.entities:
        span = _person_name(tree, found)
        if span is None:
            continue
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
            d.heads[strip_al(text.split(" ")[0])] = key
            _name_purpose(d, s, tree, span.first, span.last, key, text)
        elif span.label in ("Organization", "Group") and span.first > 1:
            kind = normalize(tree.tok(span.first - 1).form)
            if designators().get(kind) == "Organization" and not kind.startswith("ال"):
                d.heads[kind] = key  # حزب العمال ... الحزب: the kind named before the name
                full = d.text[tree.tok(span.first - 1).start : tree.tok(span.last).end]
                e = d.ent(key)
                if full not in e.names:
                    e.names.append(full)


def _person_name(tree: Tree, span: EntitySpan) -> EntitySpan | None:
    """A person's span without the title words before the name (الرئيس الكيني وليام روتو:
    the title is read as a title, the name is وليام روتو) nor a relative pronoun after it;
    None when nothing but a title is left (the title alone is no name)."""
    if span.label != "Person":
        return span
    first, last = span.first, span.last
    while first <= last and title_of(tree, first) is not None:
        first += 1
        while first <= last and _title_adjective(tree, first):
            first += 1
    while last >= first and tree.tok(last).feat("PronType") == "Rel":
        last -= 1
    if first > last:
        return None
    return (
        span if (first, last) == (span.first, span.last) else replace(span, first=first, last=last)
    )


def _title_adjective(tree: Tree, i: int) -> bool:
    """A word of a title before the name (الرئيس الكيني, ولي العهد السعودي, نظيريه
    الأردني): a definite adjective, or the title's possessive pronoun."""
    t = tree.tok(i)
    return (t.upos == "ADJ" and normalize(t.form).startswith("ال")) or t.upos == "PRON"


def _name_purpose(
    d: Doc, s: Sentence, tree: Tree, first: int, last: int, key: str, text: str
) -> None:
    """A name that says what the organisation fights: التحالف الدولي ضد داعش."""
    from ..lexicon.names import lookup_name

    for marker in PURPOSE_MARKERS:
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
        d.fact(key, "fights", target.key, s, tree, [first, last], NAME_PURPOSE, marker)
        return


# ----------------------------------------------------------------- times


def find_times(d: Doc, s: Sentence, tree: Tree) -> None:
    """Time expressions: يوم الأربعاء, صباح الجمعة, العام الماضي, 22 مارس 2017."""
    toks = s.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        n = normalize(t.form)
        if (n in TIME_HEADS or n in WEEKDAYS or n in MONTHS) and (
            s.index,
            t.id,
        ) not in d.token_ent:
            j = i
            while j + 1 < len(toks):
                m = normalize(toks[j + 1].form)
                if (
                    m in WEEKDAYS
                    or m in MONTHS
                    or m in TIME_MODS
                    or m in TIME_HEADS
                    or (toks[j + 1].upos == "NUM" and len(m) <= 4)
                ):
                    j += 1
                else:
                    break
            anchored = j > i or n in WEEKDAYS or n in MONTHS or n in DEICTIC_DAYS
            if anchored and not (n in BARE_TIME_HEADS and j == i):
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


# ---------------------------------------------------- events and documents


def find_events(d: Doc, s: Sentence, tree: Tree) -> None:
    """Event nouns the lexicon knows (اجتماع, هجوم): one entity per kind and document;
    document nouns (بيان, اتفاق): the bare noun is the last one of its kind."""
    for t in s.tokens:
        if t.upos not in ("NOUN", "PROPN") or (s.index, t.id) in d.token_ent:
            continue
        lk = lexmod.key(t.lemma)
        etype = d.lex.event_type(lk) or d.lex.event_type(strip_al(normalize(t.form)))
        if etype:
            ids = np_ids(tree, t.id, ARGUMENT_NP_WORDS)
            d.mention(s, tree, ids, f"event:{strip_al(lk)}", "Event", "event", t.id)
        elif strip_al(normalize(t.form)) in DOCUMENT_NOUNS or strip_al(lk) in DOCUMENT_NOUNS:
            # a statement or an agreement: the bare noun (البيان) refers back to the last one
            # of its kind; with modifiers (اتفاقية التجارة الحرة) it names one of its own
            ids = np_ids(tree, t.id, ARGUMENT_NP_WORDS)
            base = strip_al(lk)
            a, b = tree.span(ids)
            key = d.doc_nouns.get(base) if len(ids) == 1 else None
            key = key or f"doc:{d.analysed.doc.id}:{normalize(d.text[a:b])}"
            d.doc_nouns[base] = d.mention(s, tree, ids, key, "Thing", "nominal", t.id)


# ---------------------------------------------------------------- groups


def find_groups(d: Doc, s: Sentence, tree: Tree) -> None:
    """Plural human nouns name groups (العراقيين, مسؤولون أميركيون, المجتمعون)."""
    for t in s.tokens:
        if t.upos not in ("NOUN", "ADJ") or (s.index, t.id) in d.token_ent or t.deprel == "amod":
            continue
        if not is_group(t):
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

"""Attendance told object first: حضر اللقاء X (the meeting attended by X).

Gulf and Levantine news list who sat in on a reception or a meeting with the event noun
right after the verb and the people after it: «حضر الاستقبال الأمير X ولي العهد ...،
والأمير Y ...، ووزير الدولة Z». A parse reads the event as the subject and the first
person as the object; an event attends nothing, so the clause gave no fact. Here the
people named after the event attend it.
"""

from __future__ import annotations

from ..model import Sentence
from .arguments import objects
from .coref import pronoun
from .state import Doc, Predicate
from .tree import Tree

#: Tokens that end the list of attendees (another clause, the sentence's end).
LIST_ENDS = frozenset({"VERB", "AUX", "SCONJ"})


def listed_attendees(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> None:
    """The attended facts of the people listed after the event a verb of attending takes
    first (حضر اللقاء X، وY، وZ) or refers to by a pronoun (فيما حضره X), beyond its own
    objects (which ``relations`` reads: an event subject is the object after all).

    >>> from kg import build
    >>> g = build(texts=["استقبل رئيس الوزراء المصري في مكتبه بالعاصمة وفدا من رجال الأعمال الألمان. "
    ...                  "وحضر الاستقبال وزير الخارجية سامح شكري، ورئيس المخابرات العامة حسن رشاد."])
    >>> sorted(f.subject for f in g.facts() if f.relation == "attended")
    ['حسن رشاد', 'سامح شكري']
    """
    if p.rel != "attended":
        return
    event, at = _event_object(d, s, tree, p)
    if event is None:
        return
    own = {k for k, _ in objects(d, s, tree, p.v, p.entry)}
    parties = {f.subject for f in d.facts if f.object == event and f.relation == "participatedIn"}
    for who, i in _listed_after(d, s, tree, at):
        if who not in own and who not in parties:
            # (its guest, named again by a title in the list, attends nothing: وزير الدفاع)
            d.fact(who, "attended", event, s, tree, [p.v, i], p.sconf, p.lemma)


def _event_object(d: Doc, s: Sentence, tree: Tree, p: Predicate) -> tuple[str | None, int]:
    """The event a verb of attending takes first, and the token after which its attendees
    are listed: the event its subject stands for, or the event its clitic pronoun refers
    to (حضره: the reception just told of)."""
    if p.subjects and all(d.ent(k).cls == "Event" for k in p.subjects):
        at = max(
            i for (si, i), k in d.token_ent.items() if si == s.index and d.find(k) == p.subjects[0]
        )
        return p.subjects[0], at
    for j in tree.children(p.v, "obj"):
        if tree.tok(j).upos == "PRON" and j == p.v + 1:
            key = pronoun(d, s, tree, j)
            if key is not None and d.ent(key).cls == "Event":
                return d.find(key), j
    return None, 0


def _listed_after(d: Doc, s: Sentence, tree: Tree, at: int) -> list[tuple[str, int]]:
    """The people named after token ``at`` up to the clause's end, and the groups, each
    once, in order; one named only inside another's title (مساعد وزير الدفاع) is not
    listed."""
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    for i in range(at + 1, len(tree.toks) + 1):
        t = tree.tok(i)
        if t.upos in LIST_ENDS or t.form in (".", ":", "؛"):
            break
        key = d.token_ent.get((s.index, i))
        if key is None or d.find(key) in seen or not _attendee(d, key):
            continue
        if _inside_title(d, s, tree, i, key):
            continue
        seen.add(d.find(key))
        out.append((d.find(key), i))
    return out


def _attendee(d: Doc, key: str) -> bool:
    """A person known by name or a group (a title alone in the list is often a title of
    the named person before it, which a parse set apart: الأمير X ولي العهد وزير الداخلية)."""
    e = d.ent(key)
    return e.cls == "Group" or (e.cls == "Person" and e.proper)


def _inside_title(d: Doc, s: Sentence, tree: Tree, i: int, key: str) -> bool:
    """Whether token i begins a genitive of another word's phrase (وزير الدفاع in مساعد
    وزير الدفاع), not a name in the list."""
    h = tree.tok(i).head
    if tree.rel(i) not in ("nmod", "nmod:poss") or not h:
        return False
    other = d.token_ent.get((s.index, h))
    return other is None or d.find(other) != d.find(key)

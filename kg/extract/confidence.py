"""How sure the UD extractor is of a fact, by the way it read it: one scale, kept in one
place so the readings can be weighed against each other.

A fact's confidence is that of the reading that gave it (0.9 for a verb with its own
subject down to 0.5 for an open relation), lowered when the fact sits inside what
someone said. The steps import the names below; nothing here reads a document.

The scale runs from the verb's own subject down to an open relation, and a guessed
subject is never surer than one the tree gives:

>>> SUBJECT_OWN > SUBJECT_RELATIVE > SUBJECT_RECENT > OPEN_CAP
True
>>> max(SUBJECT_DUAL_VERB, SUBJECT_LAST_SPEAKER, SUBJECT_OTHER_PARTY) < SUBJECT_OWN
True

What a speaker says is discounted: the army's control of the town below is the
official's claim (0.9 × 0.8), while the agency's report and the official's saying are
the article's own facts:

>>> from kg import build
>>> g = build(texts=["نقلت وكالة الأنباء عن مسؤول قوله إن الجيش سيطر على المدينة."])
>>> [(f.subject, f.relation, round(f.confidence, 2)) for f in g.facts()]
[('وكالة الأنباء', 'reported', 0.9), ('مسؤول', 'said', 0.85), ('الجيش', 'controls', 0.72)]
>>> round(SUBJECT_OWN * REPORTED_DISCOUNT, 2), SOURCE_SAID_CAP
(0.72, 0.85)
"""

from __future__ import annotations

# ------------------------------------------------------------- discounts

#: A fact inside reported speech (قال إن ...) is the speaker's claim, not the article's.
REPORTED_DISCOUNT = 0.8

# --------------------------------------------------- subjects of a predicate

#: The verb's own subject (nsubj, or English obl:agent): the surest reading.
SUBJECT_OWN = 0.9
#: A dual verb with no subject (وبحثا): the two parties last named together.
SUBJECT_DUAL_VERB = 0.75
#: Each step up a chain of coordinated or complement verbs that share a subject.
SUBJECT_SHARED_STEP = 0.95
#: A participle (مضيفًا أن) or purpose clause (لتشمل) taking its governor's subject.
SUBJECT_GOVERNOR_STEP = 0.9
#: The noun a relative clause describes, doing the action (بيانًا أثنى فيه على).
SUBJECT_RELATIVE = 0.75
#: A speech verb with no subject: the last speaker goes on.
SUBJECT_LAST_SPEAKER = 0.75
#: A dropped subject guessed as the most recent agreeing entity.
SUBJECT_RECENT = 0.7
#: A meeting verb with one named party (والتقى الرئيس التركي): the other party is the
#: subject carried over from before, a guess.
SUBJECT_OTHER_PARTY = 0.7

# ------------------------------------------------------------------ titles

#: A title in apposition with a name (وزير الخارجية ريكس تيلرسون): holdsPosition.
TITLE_APPOSITION = 0.9
#: The body named in a title's phrase (الأمين العام لحلف الناتو): leaderOf, memberOf.
TITLE_BODY = 0.85
#: The country of a head of state's nationality adjective (الرئيس التونسي): leaderOf.
TITLE_NATIONALITY = 0.8
#: A title said of a subject (أصبحت فنلندا عضوا في الحلف).
TITLE_PREDICATIVE = 0.75
#: The body one is charged with forming or heading (كلفه بتشكيل الحكومة): a post to
#: come, read from a fixed phrase, as sure as a predicative title.
TASKED_LEADER = 0.75
#: A name that says what its organisation fights (التحالف الدولي ضد داعش).
NAME_PURPOSE = 0.8

# ------------------------------------------------------------------ speech

#: At most this for "issued": the speaker spoke in a statement (قال في بيان).
ISSUED_CAP = 0.8
#: At most this for "said" by the source of a report (نقلت الوكالة عن مسؤول قوله).
SOURCE_SAID_CAP = 0.85
#: A source phrase (بحسب الوزير): the source reported the clause it hangs on.
SOURCE_PHRASE = 0.8
#: A letter from someone (رسالة من الرئيس): they issued it.
MESSAGE_FROM = 0.75
#: A report verb with no content of its own (نقل): it reported the sentence's statement.
REPORTED_PENDING = 0.7

# ------------------------------------------------------- verbs and nouns

#: At most this for an open relation (a verb outside the lexicon, or a talks topic).
OPEN_CAP = 0.5
#: At most this for taking part in an event (أجرى محادثات مع X: both took part).
PARTICIPATION_CAP = 0.75
#: A meeting event read off a meeting verb: participants, place and time.
MEETING_EVENT = 0.75
#: The event of a dated act (أعلنت الوزارة أمس): its doer, parties, place and time, as
#: sure as a meeting's (and never surer than the act's own fact).
OCCURRENCE_EVENT = 0.75
#: The parties an event brought together (قمة جمعته بالملك): they took part in it.
BROUGHT_TOGETHER = 0.75
#: Two parties an event brought together met each other.
BROUGHT_TOGETHER_MET = 0.65
#: بقيادة X: led by X.
LED_BY = 0.85
#: An event noun's own argument (the attack targeted X).
EVENT_ARGUMENT = 0.8
#: An action noun's doer found around it (its possessive, its governor's subject).
NOUN_AGENT = 0.7
#: An attack on something in a place took place there.
TARGET_PLACE = 0.7
#: A preposition that carries a relation by itself on a noun (التحالف ضد داعش).
PREPOSITION = 0.75
#: A death toll read off a phrase of dying (أودى بحياة N, راح ضحيته N, مما أسفر عن مقتل N).
CASUALTIES = 0.75
#: A penalty a ruling imposes on someone named in its genitive (قضت المحكمة بسجن X).
PENALTY_RULING = 0.75
#: An attack on a party's sites (غارات على مواقع لداعش) is one on the party: read through a noun.
SITES_OWNER = 0.7
#: Criticism drawn from someone (أثار القرار انتقادات من X): X criticized it, read through a noun.
DRAWN_CRITICISM = 0.7
#: The sides an event is «بين» (between): they fight, or take part in it.
EVENT_PARTIES = 0.7
#: The place or time an event's clause names.
EVENT_PLACE_TIME = 0.75

# ------------------------------------------------------------------ places

#: A place, facility or body situated by في/ب, عاصمة or a direction word before a place
#: (kg.extract.places): read off the words between two names, not a predicate.
LOCATED = 0.75

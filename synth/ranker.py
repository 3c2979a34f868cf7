"""A learned answer score for candidate sentences: how likely one sentence holds the answer to the question.

Opt-in (``lead_ranker = "learned"``): an extractive overview then leads with the candidate this scores highest,
instead of the hand-set ``answer_value``. It is a conditional logit (a softmax over one question's candidates)
on the per-sentence signals ``synth.relevance.score_sentences`` already computes (relevance, the focus share of
the query's specific terms, the heading's match, API entry, the passage's rank), how each compares with the best
candidate of the same question, and cue words that fit the kind of question ("because" for a why-question, a
number for "how long"). ``training/fit_sentence_ranker.py`` fits it on the dev question sets, labelling a
sentence by whether it matches the question's answer key; the weights are in ``synth/data/sentence_ranker.json``.
It is not the default: on the dev sets it found the answer in the lead more often (cross-validated 0.52 against
0.47), but on two held-out sets it found as many answers as the hand-set score (``docs/measurements.md``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from retrieval.text import content_words, stem, tokenize, words
from synth.relevance import SentenceScore, entry_name, focus_share

WEIGHTS = Path(__file__).parent / "data" / "sentence_ranker.json"

_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|my|me)\b")
# a sentence that reports the question being asked sets the scene rather than answering it ("Every few years a
# reader writes to ask whether eating rocks is good for you", "Many people wonder if ...")
_REPORTED_QUESTION = re.compile(r"\b(ask|asks|asked|asking|wonder|wonders|wondered|wondering)\b[^.;:]*\b(whether|if)\b",
                                re.IGNORECASE)

# how a definition question opens ("what is", "what does", "define")
_DEFINE_OPENING = r"^\s*(what(\s+is|\s+are|\s+does|'s)|define|meaning of)"
# the kind of question, read from its wording
_QUESTION_KINDS: dict[str, re.Pattern[str]] = {
    "why": re.compile(r"^\s*why\b|\bwhy\b|\breason\b", re.IGNORECASE),
    "quantity": re.compile(r"\bhow (many|much|long|often|old|far|hot|big|large)\b|\bwhat (temperature|year|age|"
                           r"percent|size)\b|^\s*when\b", re.IGNORECASE),
    "how": re.compile(r"^\s*how (do|does|can|should|to|would|could|is|are)\b|^\s*(ways? to|best way)\b",
                      re.IGNORECASE),
    "yes_no": re.compile(r"^\s*(is|are|can|does|do|should|will|was|could|would|has|have|did|must)\b", re.IGNORECASE),
    "define": re.compile(_DEFINE_OPENING + r"\b", re.IGNORECASE),
    "contrast": re.compile(r"\b(difference|differ|vs\.?|versus|compared?|between)\b", re.IGNORECASE),
}
# what an answer to each kind of question tends to say
_ANSWER_CUES: dict[str, re.Pattern[str]] = {
    "why": re.compile(r"\b(because|since|due to|so that|causes?|caused|reason|leads? to|results? in)\b", re.IGNORECASE),
    "quantity": re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|minutes?|hours?|"
                           r"days?|weeks?|months?|years?)\b", re.IGNORECASE),
    "how": re.compile(r"\b(use|using|call|pass|set|add|run|wrap|cover|keep|apply|with|by)\b", re.IGNORECASE),
    "yes_no": re.compile(r"\b(no|not|never|cannot|can't|doesn't|don't|isn't|won't|yes|only|safe|unsafe)\b",
                         re.IGNORECASE),
    "define": re.compile(r"\b(is|are) (a|an|the)\b|\brefers? to\b|\bmeans?\b|\bcalled\b|\bdefined as\b", re.IGNORECASE),
    "contrast": re.compile(r"\b(whereas|while|unlike|but|instead|rather than|both|however|whether|differ\w*)\b",
                           re.IGNORECASE),
}
_CODE_NAME = re.compile(r"\w\(\)|\b\w+\.\w+\b|\b[a-z]+_[a-z_]+\b")

BASE_FEATURES = (
    "relevance", "focused", "lexical", "focus_share", "cosine", "section", "section_pos", "entry", "entry_pos",
    "passage_rank", "sentence_pos", "novelty", "first_person", "reported_question", "length", "has_previous",
    "credible", "code_name", "rel_focused", "rel_cosine", "rel_focus_share", "order", "heuristic", "rel_heuristic",
)
FEATURES = (*BASE_FEATURES, *(f"cue_{k}" for k in _ANSWER_CUES), *(f"fits_{k}" for k in _QUESTION_KINDS))


def question_kinds(query: str) -> dict[str, bool]:
    """Which kinds of question ``query`` is (why, quantity, how, yes/no, define, contrast); several may hold."""
    return {k: p.search(query) is not None for k, p in _QUESTION_KINDS.items()}


def novelty(query: str, s: SentenceScore) -> float:
    """The share of the sentence's content words the query does not use (an answer adds to the question)."""
    words = set(content_words(s.text))
    return len(words - set(content_words(query))) / len(words) if words else 0.0


def anecdote(s: SentenceScore) -> float:
    """1, or less for a first-person anecdote (0.8) or a sentence that reports the question being asked (x0.5)."""
    value = 0.8 if _FIRST_PERSON.search(s.text) else 1.0  # "Just grabbed the oven rack like an idiot"
    return value * 0.5 if _REPORTED_QUESTION.search(s.text) else value


# "what is a namespace", "what does defaultdict do", "what does enumerate return", "decorator definition"
_DEFINE_QUESTION = re.compile(_DEFINE_OPENING + r"\b|\b(definition|meaning|stand for|stands for)\b", re.IGNORECASE)
# the words around the subject: the opening, and a closing such as "do", "mean" or "in python" (stripped twice, so
# that "what does x do in python" loses both "in python" and the "do" before it)
_DEFINE_FRAME = re.compile(_DEFINE_OPENING + r"\s+(an?|the)?\b|\b(do|mean|"
                           r"definition|meaning|stands? for|used for|returns?|give back|in python|in a \w+( \w+)?)"
                           r"\s*\??\s*$",
                           re.IGNORECASE)
# "A namespace is a mapping ...", "Descriptors are a ... protocol", "NotImplemented is the sole instance ...",
# "BDFL stands for ...": the subject, then a verb that says what it is
_DEFINING = re.compile(r"^\W*(?:(?:a|an|the)\s+)?(?P<subject>[\w.()\[\]]+(?:\s+[\w.()\[\]]+){0,2}?)\s+(?:(?:is|are)\s+"
                       r"(?:a|an|the|what|any|one|used)\b|means\b|refers? to\b|stands? for\b)", re.IGNORECASE)
# a defining sentence may name the kind of thing its subject is ("A code point value is ...")
_GENERIC = frozenset(stem(["object", "objects", "value", "values", "type", "class", "function", "method", "module",
                           "statement", "expression", "operator", "keyword"]))
_ARTICLES = frozenset({"a", "an", "the"})
#: how much more a sentence that defines what a definition question asks about is worth (``defines``; chosen on
#: the dev sets, old and fresh 1-8: 0.5 found 4 more Python-docs answers of 361, 1.0 found 5, none lost)
DEFINITION_BOOST = 1.0


def _stems(text: str) -> set[str]:
    """The stems of every word of ``text`` but articles, stop words included ("while" tells loops apart)."""
    return set(stem([w for w in words(text.replace("_", " ")) if w not in _ARTICLES]))


@lru_cache(maxsize=256)
def subject_terms(query: str) -> frozenset[str]:
    """The terms a definition question asks about ("namespac" of "what is a namespace in python"); empty for a
    question of another kind (read once per question: every candidate sentence asks)."""
    if not _DEFINE_QUESTION.search(query):
        return frozenset()
    return frozenset(tokenize(_DEFINE_FRAME.sub(" ", _DEFINE_FRAME.sub(" ", query)).replace("_", " "))) - {"python"}


def _says(said: set[str], subject: frozenset[str], name: set[str] | None = None) -> bool:
    """Whether a defined term (``name``: its stems; ``said``: with its qualifiers, such as a module) is what the
    question asks about: the term is in the question, and so is every specific word of the question (one may go
    unsaid of three or more)."""
    name = said if name is None else name
    specific = subject - _GENERIC
    return bool(name & subject) and name <= subject | _GENERIC \
        and len(specific - said) <= (1 if len(specific) >= 3 else 0)


def defines(query: str, s: SentenceScore) -> bool:
    """True when ``query`` asks what something is or does and ``s`` says it: a sentence that opens on the subject
    and what it is ("A namespace is a mapping ..."), or the first sentence of the API or glossary entry of that
    name."""
    subject = subject_terms(query)
    if not subject:
        return False
    if s.entry and not s.entry_pos and _says(_stems(s.entry.split("(")[0]), subject, _stems(entry_name(s.entry))):
        return True
    m = _DEFINING.match(s.text)
    if m is None:
        return False
    return _says(_stems(m.group("subject")), subject)


def answer_value(query: str, s: SentenceScore, focus: dict[str, float] | None = None) -> float:
    """The hand-set answer score (the overview's lead score before the learned one, and one of its features):
    relevance, preferring sentences that add information to the query over restating it or an anecdote, with the
    ranker's order, and worth double when it defines what a definition question asks about (``defines``); with
    ``focus`` (``focus_weights``), the lexical half of relevance weighs the specific terms."""
    relevance = s.relevance
    if focus is not None:
        relevance = s.relevance_with((s.lexical + focus_share(s, focus)) / 2)
    rank = 1.0 / (1.0 + 0.1 * s.hit.rank)  # the ranker's order still counts, as for a featured snippet
    boost = 1.0 + DEFINITION_BOOST * defines(query, s)
    return relevance * (0.4 + 0.6 * novelty(query, s)) * anecdote(s) * rank * boost


def features(
    query: str, candidates: Sequence[SentenceScore], focus: dict[str, float], credible: Collection[str] = ()
) -> np.ndarray:
    """One row of ``FEATURES`` per candidate sentence (the candidates of one question, in passage order)."""
    if not candidates:
        return np.zeros((0, len(FEATURES)))
    kinds = question_kinds(query)
    focused = [s.relevance_with((s.lexical + focus_share(s, focus)) / 2) for s in candidates]
    shares = [focus_share(s, focus) for s in candidates]
    order = np.argsort(-np.asarray(focused), kind="stable")
    place = np.empty(len(candidates))
    place[order] = np.arange(len(candidates))
    heuristic = [answer_value(query, s, focus) for s in candidates]
    best = max(heuristic) or 1.0
    pos: dict[int, int] = {}
    rows = []
    for i, s in enumerate(candidates):
        n = pos.get(id(s.hit), 0)
        pos[id(s.hit)] = n + 1
        text = s.text
        row = [
            s.relevance, focused[i], s.lexical, shares[i], s.cosine, max(s.section, 0.0), math.log1p(s.section_pos),
            float(bool(s.entry)), math.log1p(s.entry_pos), math.log1p(s.hit.rank), math.log1p(n), novelty(query, s),
            float(_FIRST_PERSON.search(text) is not None), float(_REPORTED_QUESTION.search(text) is not None),
            math.log(len(text.split()) + 1), float(bool(s.previous)), float(s.hit.passage.doc_url in credible),
            float(_CODE_NAME.search(text) is not None), focused[i] - max(focused), s.cosine - max(c.cosine for c in
            candidates), shares[i] - max(shares), 1.0 / (1.0 + place[i]), heuristic[i], heuristic[i] / best,
        ]
        cues = {k: _ANSWER_CUES[k].search(text) is not None for k in _ANSWER_CUES}
        row += [float(cues[k]) for k in _ANSWER_CUES]
        row += [float(cues[k] and kinds[k]) for k in _QUESTION_KINDS]
        rows.append(row)
    return np.asarray(rows, dtype=float)


@dataclass(frozen=True, slots=True)
class SentenceRanker:
    """A linear score over standardised ``FEATURES``; higher means likelier to hold the answer."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray

    def score(self, rows: np.ndarray) -> np.ndarray:
        """The score of each row (a logit; comparable within one question's candidates)."""
        if rows.shape[1] != len(self.names):
            raise ValueError(f"expected {len(self.names)} features, got {rows.shape[1]}")
        return np.asarray(((rows - self.mean) / self.scale) @ self.coef)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """Each candidate's share of the question's answer (a softmax over the rows of one question)."""
        if not len(rows):
            return np.zeros(0)
        z = self.score(rows)
        e = np.exp(z - z.max())
        return np.asarray(e / e.sum())

    def to_json(self) -> dict[str, object]:
        """The ranker as stored in ``WEIGHTS``."""
        return {"features": list(self.names), "mean": [round(float(v), 6) for v in self.mean],
                "scale": [round(float(v), 6) for v in self.scale], "coef": [round(float(v), 6) for v in self.coef]}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SentenceRanker:
        """A ranker from its stored form; its features must be this module's ``FEATURES``."""
        names = tuple(str(n) for n in data["features"])  # type: ignore[attr-defined]
        if names != FEATURES:
            raise ValueError("the stored sentence ranker was fitted on other features: refit it "
                             "(training/fit_sentence_ranker.py)")
        return cls(names, np.asarray(data["mean"], dtype=float), np.asarray(data["scale"], dtype=float),
                   np.asarray(data["coef"], dtype=float))


def load(path: Path = WEIGHTS) -> SentenceRanker:
    """The stored ranker."""
    return SentenceRanker.from_json(json.loads(path.read_text(encoding="utf-8")))

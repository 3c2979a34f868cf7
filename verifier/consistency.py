"""Cross-source consistency: does a sentence of another retrieved passage say the opposite of a claim?

Lexical, like the embedded judge: a claim clause that states something positively, and a sentence on the same topic
(sharing at least ``MIN_SHARED`` of the clause's content words) that negates one of those words with nothing else
as its subject ("Never put a metal fork in the microwave", "Ice one inch thick is not safe to walk on"), uses the
opposite word ("unsafe" for "safe"), or calls the statement false, a myth or satire.
"""

from __future__ import annotations

import re

from verifier.decompose import clauses
from verifier.features import CONDITIONAL_FALSE, content_stems, debunk_cues, is_negated, split_sentences, stem, words
from verifier.lexicon import ANTONYMS, NEGATIONS, STOPWORDS

#: a disagreeing sentence shares at least this many content words with the claim clause (all, for a shorter one)
MIN_SHARED = 3
#: an opposite word ("unsafe" for "safe") counts when the sentence shares this share of the clause's content words
ANTONYM_SHARE = 0.6
#: words within this many after a negation are governed by it
SCOPE = 3
# Words that call a statement false or fiction outright (no questions, no plain attribution such as "claimed that":
# a sentence reporting what someone said does not by itself say the opposite).
_REJECT = re.compile(
    r"\b(?:(?:is|are|was|were|rated|ruling|verdict)\W{0,2}\s*false|falsely|false\s+(?:claims?|information|advice)|"
    r"myths?|hoax(?:es)?|satir\w*|parod\w*|debunk\w*|untrue|not\s+true|no\s+evidence|misinformation|"
    r"disinformation|fake)\b",
    re.I,
)
# A clause that names a harm is a warning about the thing, not advice to do it.
_HARM = re.compile(
    r"(?<!non-)\b(?:caus\w*|risk\w*|danger\w*|harm\w*|injur\w*|kill\w*|electrocut\w*|poison\w*|toxic|damag\w*|fatal|"
    r"deadly)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[.!?,;:()\u2013\u2014]|\s-\s")
_AUX = frozenset({"do", "does", "did", "is", "are", "was", "were", "be", "should", "can", "could", "will", "would",
                  "must", "may", "might", "have", "has", "had", "ever", "always"})


def _content(ws: list[str]) -> list[str]:
    return [stem(w) for w in ws if w not in STOPWORDS and w not in _AUX and w not in NEGATIONS
            and not w.endswith("n't") and not w.isdigit()]


def _negates(claim_stems: set[str], sentence: str) -> bool:
    """A negation in ``sentence`` that governs a word of the claim and whose subject is the claim's: an imperative
    ("Never put a metal fork ...", "Do not ...") or a subject made of claim words ("Ice one inch thick is not
    safe"); not "Water does not put out ..." (another subject), "You are not ..." or a contrast (", not plain
    water")."""
    for part in _CLAUSE_BREAK.split(sentence):
        ws = words(part)
        for i, w in enumerate(ws):
            if w not in NEGATIONS and not w.endswith("n't"):
                continue
            governed = set(_content(ws[i + 1 : i + 1 + SCOPE]))
            if not governed & claim_stems:
                continue
            subject = set(_content(ws[:i]))
            imperative = (not ws[:i] and w in ("never", "don't", "dont")) or (ws[:i] == ["do"] and w == "not")
            if imperative or (subject and subject <= claim_stems):
                return True
    return False


def _clause_disagreement(clause: str, sentence: str, min_shared: int) -> str:
    if debunk_cues(clause) or is_negated(clause) or _HARM.search(clause):
        return ""
    cs = set(content_stems(clause))
    if len(cs) < 2:
        return ""
    shared = cs & set(content_stems(sentence))
    if len(shared) < min(len(cs), min_shared):
        return ""
    if _negates(cs, sentence):
        return "negated"
    lowered = set(words(sentence))
    if len(shared) >= ANTONYM_SHARE * len(cs):  # an opposite word counts only in a close restatement
        mine = set(words(clause))
        for w in mine:
            opposite = ANTONYMS.get(w, frozenset()) - mine  # "before ... after" in the claim itself is no opposite
            if opposite and w not in lowered and opposite & lowered:
                return f"{w!r} against {sorted(opposite & lowered)[0]!r}"
    m = _REJECT.search(sentence)
    if m and "false" in m.group(0).lower() and CONDITIONAL_FALSE.search(sentence):
        return ""  # a case of a condition ("if the expression is false, ..."), not a verdict on the claim
    return m.group(0).lower() if m and not _REJECT.search(clause) else ""


_SO = re.compile(r",\s+(?:so|then|because|since)\s+|:\s+", re.I)


def claim_clauses(claim: str) -> list[str]:
    """The claim's sentences, their clauses (``verifier.decompose.clauses``) split again at ", so", ", then", ":"."""
    out: list[str] = []
    for a, b in split_sentences(claim) or [(0, len(claim))]:
        for clause in clauses(claim[a:b]):
            out += [c.strip() for c in _SO.split(clause) if c.strip()]
    return list(dict.fromkeys(out))


def disagreement(claim: str, sentence: str, min_shared: int = MIN_SHARED) -> str:
    """Why ``sentence`` says the opposite of a clause of ``claim`` ('' when it does not).

    Each clause of the claim is checked on its own; a clause that negates, frames ("a myth that ...") or warns
    ("can cause ...") is what a careful source says and is never overturned this way, so an undetected joke page
    restating the advice cannot overturn the warning.
    """
    if debunk_cues(claim):
        return ""  # the claim itself reports or questions the statement ("a satirical article claimed ...")
    for clause in claim_clauses(claim):
        why = _clause_disagreement(clause, sentence, min_shared)
        if why:
            return why
    return ""

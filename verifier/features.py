"""Alignment features between a claim and a piece of evidence, for the embedded judge.

The tokeniser here is deliberately our own (not ``retrieval.text``): the shipped IDF table and
weights were computed with it, so it must not change under the model's feet. Sentences come from
``retrieval.text.split_sentences``, the splitter that chunks pages, so version numbers, decimals and
abbreviations ("3.11", "2.7 litres", "e.g.") stay inside one sentence and one window.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import Stemmer

from retrieval.text import split_sentences as split_sentences  # the engine's splitter (keeps "3.11", "e.g.")
from verifier.lexicon import _MONTHS, _NUMBER_WORDS, ANTONYMS, NEGATIONS, STOPWORDS

_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_NUM_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_CAP_RE = re.compile(r"\b[A-Z][A-Za-z]+")

_stemmer = Stemmer.Stemmer("english")


# Only alignment quantities, no raw lengths: claim and page lengths differ between training data
# (Factcheck-GPT: short claims, one passage) and use (long claims, whole pages), so they do not transfer.
FEATURE_NAMES = (
    "bias",
    "cov_idf",
    "cov",
    "best_sent_cov_idf",
    "bigram_cov",
    "missing_idf_max",
    "soft_cov_idf",
    "num_has",
    "num_cov",
    "num_conflict",
    "ent_cov",
    "neg_mismatch",
    "antonym",
    "best_sent_bigram_cov",
    "best_sent_missing_idf_max",
    "best_sent_ent_cov",
    "cov_idf_sq",
    "cov_x_num",
    "cov_common",
    "neg_scope",
)
# weight below which a stem counts as a common word (verbs, predicates: "eat", "recommend"): Zipf frequency > 3.5
COMMON_WEIGHT = 5.0


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball English stem of a lower-cased word."""
    return str(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    """Lower-cased word tokens, apostrophe contractions kept whole."""
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the non-stopword tokens of ``text``, in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and not _NUM_RE.fullmatch(w)]


def numbers(text: str) -> frozenset[str]:
    """Numbers in ``text`` normalised (thousands separators dropped, number words as digits)."""
    out = {m.group().replace(",", "") for m in _NUM_RE.finditer(text)}
    out |= {_NUMBER_WORDS[w] for w in words(text) if w in _NUMBER_WORDS and w != "one"}
    return frozenset(n.rstrip(".").lstrip("0") or "0" for n in out)


def entities(text: str) -> frozenset[str]:
    """Capitalised words that are not stopwords or months: a cheap proxy for named entities."""
    return frozenset(
        w.lower() for w in _CAP_RE.findall(text) if w.lower() not in STOPWORDS and w.lower() not in _MONTHS
    )


def sentence_windows(lengths: Sequence[int], *, max_words: int = 60, max_sents: int = 3) -> list[tuple[int, int]]:
    """Half-open ranges of consecutive sentences, one per start sentence, capped by words and sentences."""
    out: list[tuple[int, int]] = []
    n = len(lengths)
    for i in range(n):
        total = 0
        j = i
        while j < n and j - i < max_sents and (j == i or total + lengths[j] <= max_words):
            total += lengths[j]
            j += 1
        if not out or out[-1][1] < j:
            out.append((i, j))
    return out or [(0, 0)]


@dataclass(frozen=True, slots=True)
class TextInfo:
    """The parts of a sentence or window that the features look at."""

    stems: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    prefixes: frozenset[str]
    lowered: frozenset[str]
    nums: frozenset[str]
    negations: int
    n_words: int
    negated: frozenset[str] = frozenset()


def _negated_stems(ws: Sequence[str], scope: int = 3) -> frozenset[str]:
    """Stems of the content words within ``scope`` words after a negation ("not eating" -> {"eat"})."""
    out: set[str] = set()
    for i, w in enumerate(ws):
        if w in NEGATIONS or w.endswith("n't"):
            out.update(stem(x) for x in ws[i + 1 : i + 1 + scope] if x not in STOPWORDS and not _NUM_RE.fullmatch(x))
    return frozenset(out)


def analyse(text: str) -> TextInfo:
    """Tokenise a text once into the sets the features compare."""
    ws = words(text)
    cs = [stem(w) for w in ws if w not in STOPWORDS and not _NUM_RE.fullmatch(w)]
    return TextInfo(
        stems=frozenset(cs),
        bigrams=frozenset(itertools.pairwise(cs)),
        prefixes=frozenset(s[:5] for s in cs if len(s) >= 5),
        lowered=frozenset(ws),
        nums=numbers(text),
        negations=sum(1 for w in ws if w in NEGATIONS or w.endswith("n't")),
        n_words=len(ws),
        negated=_negated_stems(ws),
    )


def merge(infos: Iterable[TextInfo]) -> TextInfo:
    """The union of several sentences' info, as if they were one window."""
    items = list(infos)
    if not items:
        return analyse("")
    if len(items) == 1:
        return items[0]
    return TextInfo(
        stems=frozenset().union(*(i.stems for i in items)),
        bigrams=frozenset().union(*(i.bigrams for i in items)),
        prefixes=frozenset().union(*(i.prefixes for i in items)),
        lowered=frozenset().union(*(i.lowered for i in items)),
        nums=frozenset().union(*(i.nums for i in items)),
        negations=sum(i.negations for i in items),
        n_words=sum(i.n_words for i in items),
        negated=frozenset().union(*(i.negated for i in items)),
    )


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A claim tokenised for comparison, with the IDF weight of each content stem."""

    text: str
    info: TextInfo
    weights: Mapping[str, float]
    entities: frozenset[str]
    words: tuple[str, ...]


def analyse_claim(text: str, idf: Mapping[str, float], default_idf: float) -> ClaimInfo:
    """Tokenise a claim and weight its content stems by IDF."""
    info = analyse(text)
    weights = {s: idf.get(s, default_idf) for s in info.stems}
    return ClaimInfo(text=text, info=info, weights=weights, entities=entities(text), words=tuple(words(text)))


def cover_sentences(claim: ClaimInfo, sentences: Sequence[TextInfo], k: int) -> tuple[int, ...]:
    """Up to ``k`` sentences chosen greedily to cover the most IDF weight of the claim, in page order."""
    covered: set[str] = set()
    picked: list[int] = []
    for _ in range(k):
        best, gain = -1, 0.0
        for i, s in enumerate(sentences):
            if i in picked:
                continue
            g = sum(w for t, w in claim.weights.items() if t in s.stems and t not in covered)
            if g > gain:
                best, gain = i, g
        if best < 0:
            break
        picked.append(best)
        covered |= sentences[best].stems & claim.info.stems
    return tuple(sorted(picked))


def _coverage(claim: ClaimInfo, stems: frozenset[str]) -> float:
    total = sum(claim.weights.values())
    if total <= 0:
        return 1.0
    return sum(w for s, w in claim.weights.items() if s in stems) / total


def pair_features(claim: ClaimInfo, window: TextInfo, sentences: Sequence[TextInfo], max_idf: float) -> np.ndarray:
    """The feature vector (``FEATURE_NAMES`` order) for one claim against one evidence window."""
    c = claim.info
    cov_idf = _coverage(claim, window.stems)
    cov = len(c.stems & window.stems) / len(c.stems) if c.stems else 1.0
    best_sent = max((_coverage(claim, s.stems) for s in sentences), default=0.0)
    best_info = max(sentences, key=lambda s: _coverage(claim, s.stems)) if sentences else window
    bigram_cov = len(c.bigrams & window.bigrams) / len(c.bigrams) if c.bigrams else cov
    missing = [w for s, w in claim.weights.items() if s not in window.stems]
    missing_idf_max = max(missing, default=0.0) / max_idf
    total = sum(claim.weights.values()) or 1.0
    soft = (
        sum(w for s, w in claim.weights.items() if s in window.stems or (len(s) >= 5 and s[:5] in window.prefixes))
        / total
    )
    common = {s for s, w in claim.weights.items() if w < COMMON_WEIGHT}
    num_has = 1.0 if c.nums else 0.0
    num_cov = len(c.nums & window.nums) / len(c.nums) if c.nums else 1.0
    num_conflict = 1.0 if (c.nums - window.nums) and window.nums else 0.0
    ent_cov = sum(1 for e in claim.entities if e in window.lowered) / len(claim.entities) if claim.entities else 1.0
    neg_mismatch = 1.0 if (c.negations > 0) != (best_info.negations > 0) else 0.0
    antonym = 0.0
    for w in claim.words:
        opp = ANTONYMS.get(w)
        if opp and w not in best_info.lowered and opp & best_info.lowered:
            antonym = 1.0
            break
    return np.array(
        [
            1.0,
            cov_idf,
            cov,
            best_sent,
            bigram_cov,
            missing_idf_max,
            soft,
            num_has,
            num_cov,
            num_conflict,
            ent_cov,
            neg_mismatch,
            antonym,
            len(c.bigrams & best_info.bigrams) / len(c.bigrams) if c.bigrams else best_sent,
            max((w for s, w in claim.weights.items() if s not in best_info.stems), default=0.0) / max_idf,
            (sum(1 for e in claim.entities if e in best_info.lowered) / len(claim.entities) if claim.entities else 1.0),
            cov_idf * cov_idf,
            cov_idf * num_cov,
            len(common & window.stems) / len(common) if common else 1.0,
            1.0 if c.negations == 0 and c.stems & window.negated else 0.0,
        ],
        dtype=np.float64,
    )


def contradiction_from_features(f: np.ndarray, claim_negated: bool = True) -> float:
    """A contradiction signal in [0, 1]: the evidence is on topic but negates, opposes or changes a number.

    For a claim without a negation, only a negation that governs one of the claim's words counts
    (``neg_scope``): a long evidence sentence with a "not" somewhere else does not contradict it.
    """
    names = FEATURE_NAMES
    topical = f[names.index("best_sent_cov_idf")]
    negation = f[names.index("neg_mismatch")] if claim_negated else f[names.index("neg_scope")]
    flip = max(
        negation,
        f[names.index("antonym")],
        f[names.index("num_conflict")] * (1.0 - f[names.index("num_cov")]),
    )
    return float(min(1.0, max(0.0, (topical - 0.3) / 0.5)) * flip)


_DEBUNK = re.compile(
    r"\b(?:false|falsely|myths?|hoax(?:es)?|satir\w*|parod\w*|jok(?:e|es|ing)|fake|debunk\w*|untrue|"
    r"not\s+true|no\s+evidence|misinformation|disinformation|rumou?rs?|so-called|allegedly|"
    r"(?:the|a|this|that)\s+claims?\s+that|claim(?:ed|ing)\s+that|(?:told|telling)\s+(?:people|users|readers)\s+"
    r"(?:that|to)|advise\s+against|warn(?:s|ed)?\s+against|(?:ask|asks|asked|asking|wonder\w*)\s+(?:whether|if)|"
    r"(?:user|commenter|poster|someone)\s+(?:[\w-]+\s+){0,3}?(?:wrote|posted|suggested|joked)\s+that)\b",
    re.I,
)


def debunk_cues(text: str) -> list[str]:
    """Words that frame a statement as false, a joke, a question or someone else's claim ("myth", "whether")."""
    cues = [m.group(0) for m in _DEBUNK.finditer(text)]
    if text.rstrip().rstrip("\"'”’)").endswith("?"):
        cues.append("?")
    return cues


def is_negated(text: str) -> bool:
    """Whether ``text`` contains a negation word."""
    return any(w in NEGATIONS or w.endswith("n't") for w in words(text))


def best_sentence(claim: str, sentences: Sequence[str]) -> str:
    """The sentence sharing the most content stems with ``claim`` ('' when there is none)."""
    cs = set(content_stems(claim))
    best, best_n = "", 0
    for s in sentences:
        n = len(cs & set(content_stems(s)))
        if n > best_n:
            best, best_n = s, n
    return best


def negates_claim(claim: str, sentence: str, scope: int = 3) -> bool:
    """Whether a negation in ``sentence`` governs one of the claim's content words (within ``scope`` words)."""
    cs = set(content_stems(claim))
    ws = words(sentence)
    for i, w in enumerate(ws):
        negation = w in NEGATIONS or w.endswith("n't")
        if negation and any(stem(x) in cs for x in ws[i + 1 : i + 1 + scope] if x not in STOPWORDS):
            return True
    return False


#: "if the expression is false, ..." states a case, not a verdict on a claim
CONDITIONAL_FALSE = re.compile(r"\b(?:if|when|unless|until|once)\b[^.;:!?]{0,80}?\bfalse\b", re.IGNORECASE)


def framing_cues(
    claim: str, sentences: Sequence[str], context: Sequence[str] = (), min_overlap: float = 0.5
) -> list[str]:
    """Cues that the evidence questions, negates or debunks the claim (empty for a plain restatement).

    Looked for in the evidence ``sentences`` and their ``context`` (the rest of the passage), in sentences
    sharing at least ``min_overlap`` of the claim's content stems: debunking words ("myth", "the claim
    that", a question mark) and a negation governing one of the claim's content words ("no geologist
    recommends"). A sentence that only shares a word or two ("Don't slice it yet") does not count.
    """
    if debunk_cues(claim) or is_negated(claim):
        return []
    cs = set(content_stems(claim))
    if not cs:
        return []
    cues: list[str] = []
    # A debunking sentence restates most of the claim: at least min_overlap of its words and at least three of
    # them (all, for a shorter claim), so a fragment such as 'at the end of the "except" clause' is not "rejected"
    # by any nearby sentence that shares two of its words.
    need = max(min_overlap * len(cs), min(len(cs), 3))
    for s in (*sentences, *context):
        if len(cs & set(content_stems(s))) >= need:
            # "if the expression is false, ..." states a case, it does not call the claim false
            cases = CONDITIONAL_FALSE.search(s) is not None
            cues.extend(c for c in debunk_cues(s) if not (cases and c.lower() == "false"))
            if negates_claim(claim, s):
                cues.append("negated")
    return cues


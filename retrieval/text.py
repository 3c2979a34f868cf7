"""Shared text handling: sentence splitting with offsets and the tokeniser used by BM25 and alignment.

Synth and the verifier import these, so a sentence or a word means the same thing in every stage.
"""

from __future__ import annotations

import re
import threading
import unicodedata

import Stemmer

# A compact English stop-word list (the common function words); content words are what is left.
_STOP_TEXT = """
    a about above after again against all am an and any are aren't as at be because been before being below
    between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each few
    for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
    him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
    mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same
    shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
    themselves
    then there there's these they they'd they'll they're they've this those through to too under until up very
    was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who
    who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours yourself
    yourselves also just s t d ll m re ve
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

# Ideographs and kana carry meaning one character at a time; they are split into single-character tokens.
_CJK = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af])")
_WORD = re.compile(r"\w+(?:'\w+)*")

# Abbreviations whose trailing period does not end a sentence (``etc`` may, before a capital).
_ABBREV_TEXT = """
    mr mrs ms dr prof sr jr st vs e.g i.e cf al fig figs no nos vol vols approx dept est inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft gen gov sen rep rev col lt sgt capt u.s u.k p.m a.m
"""
_ABBREVIATIONS = frozenset(_ABBREV_TEXT.split())
# Sentence ends: . ! ? (plus closing quotes/brackets) before whitespace, CJK full stops, and line breaks.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|[。！？]+[」』”]*|\n")

_RULE_START = re.compile(r"([=*\-~^#+_])\1{2,}\s*(?:\n|$)")  # an underline or horizontal rule line

_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    """Return this thread's English stemmer (PyStemmer objects are not thread-safe)."""
    stemmer: Stemmer.Stemmer | None = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = Stemmer.Stemmer("english")
        _local.stemmer = stemmer
    return stemmer


def normalize(text: str) -> str:
    """NFKC-normalise and lowercase ``text`` (the form every token is taken from)."""
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """All word tokens of ``text``, normalised, stop words included, unstemmed."""
    norm = _CJK.sub(r" \1 ", normalize(text)).replace("’", "'")
    return _WORD.findall(norm)


def content_words(text: str) -> list[str]:
    """Normalised words of ``text`` that are not stop words, unstemmed, in order (repeats kept)."""
    out: list[str] = []
    for w in words(text):
        if w in STOP_WORDS or not w.strip("_"):
            continue
        if "'" in w:
            w = w[:-2] if w.endswith("'s") else w.replace("'", "")
        out.append(w)
    return out


def spelled(query: str) -> dict[str, str]:
    """Each content stem of ``query`` with the word it comes from, as the query spells it ("quail" -> "Quail")."""
    out: dict[str, str] = {}
    for raw in query.split():
        for w in content_words(raw):
            out.setdefault(stem([w])[0], raw.strip(".,;:!?()[]{}\"'“”‘’"))
    return out


def stem(tokens: list[str]) -> list[str]:
    """Stem English ``tokens`` with the Snowball stemmer."""
    return list(_stemmer().stemWords(tokens))


def tokenize(text: str) -> list[str]:
    """The index tokeniser: normalised content words of ``text``, stemmed (used by BM25 and alignment)."""
    return stem(content_words(text))


def _is_abbreviation(text: str, dot: int, start: int) -> bool:
    """True when the period at ``text[dot]`` closes an abbreviation or an initial, not a sentence."""
    j = dot
    while j > start and not text[j - 1].isspace() and text[j - 1] not in "([\"'“":
        j -= 1
    token = text[j:dot].casefold()
    if not token:
        return False
    if token in _ABBREVIATIONS:
        return True
    if len(token) == 1 and text[j].isupper():
        return True  # an initial, as in "J. Smith"
    if token == "etc":
        nxt = text[dot + 1 :].lstrip()
        return not nxt[:1].isupper()
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))


def _continues(after: str) -> bool:
    """True when the line ``after`` continues a hard-wrapped sentence (starts in lowercase or a bracket)."""
    if not after or after.startswith(("* ", "- ", "+ ")) or _RULE_START.match(after):
        return False
    return after[0].islower() or after[0] in "(\"'“‘*`"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; returns ``(start, end)`` character offsets with whitespace trimmed.

    Line breaks end a sentence (extracted pages keep one paragraph, heading or list item per line) unless
    the line ends in a word or comma and the next starts in lowercase or a bracket, as in hard-wrapped text.
    """
    cuts: list[int] = []
    start = 0
    for m in _END.finditer(text):
        tok = m.group(0)
        if tok == "\n":
            before = text[start : m.start()].rstrip()
            after = text[m.end() :].lstrip(" \t")
            if before and (before[-1].isalnum() or before[-1] in ",(-") and _continues(after):
                continue
            if before.endswith(".") and _is_abbreviation(before, len(before) - 1, 0) and _continues(after):
                continue  # "rounding to the given number of decimal places (i.e.\nlike the round() function)"
            end = m.start()
        else:
            end = m.end()
            if tok == "." and _is_abbreviation(text, m.start(), start):
                continue
        cuts.append(end)
        start = end
    cuts.append(len(text))
    out: list[tuple[int, int]] = []
    s = 0
    for e in cuts:
        a, b = s, e
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        s = e
    return out

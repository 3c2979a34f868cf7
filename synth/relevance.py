"""Does a sentence address the question, and do the retrieved passages answer it at all?

Both questions use the same two signals between the query and one sentence: the share of the query's content
words (stemmed) the sentence contains, and the embedding cosine of the two, combined into one score per sentence.
A sentence also carries the match of the heading it sits under: under a heading that asks the question (a FAQ
entry), ``SentenceScore.relevance`` raises its score toward that match, since an answer need not repeat the
question. ``synth.answerability`` turns these scores into the decision whether the passages answer the
question at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from retrieval.embed import Embedder
from retrieval.text import STOP_WORDS, split_sentences, tokenize, words
from retrieval.types import Hit

#: a sentence addresses the question when its relevance is at least this (overridden by the calibration file)
RELEVANCE_MIN = 0.35
LEXICAL_WEIGHT = 0.5
#: a heading at least this similar to the query marks its section as an answer to it (chosen on the dev split of
#: the answer questions: 0.6-0.7 found 2 more answers of 54, 0.8 one; see docs/measurements.md)
SECTION_MIN = 0.7
SECTION_DECAY = 0.7  # each sentence further into the section keeps this share of the heading's match
TOP_PASSAGES = 5

_BYLINE = re.compile(
    r"^(by\s+[A-Z]|published\b|updated\b|posted\b|last (updated|modified)\b|written by\b)|"
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},\s+\d{4}",
    re.IGNORECASE,
)
_CODE = re.compile(r"[{}=<>\[\];]|^\s*(>>>|\$|#|def |class |import |from \S+ import)")
_PROSE_START = re.compile(r"[A-Z0-9\"'“‘(]")
_CODE_STATEMENT = re.compile(r"^[\w.]+\(.*\)\s*[.;:]?$", re.DOTALL)  # ``parser.add_argument("x", type=int)`` is code
_CODE_WORD = re.compile(r"^[\w.]+(\(\)|\.\w+|_\w+)")  # ``list.sort()``, ``os.path``, ``snake_case`` open a sentence
# An API reference entry's term line (Sphinx's ``<dt>``, extracted as a list item ending in its "¶" anchor):
# ``- os.path.exists(path)¶``, ``- class collections.Counter([iterable-or-mapping])¶``, ``- sys.path¶``. The
# sentences of the entry ("Return True if path refers to an existing path.") describe that name without naming it.
_ENTRY_LINE = re.compile(
    r"^[-*•]\s+(?P<sig>(?:(?:class|exception|async|await|abstractmethod|classmethod|staticmethod|property|method"
    r"|function|attribute|data|coroutine|awaitable|final|decorator)\s+)*(?P<name>[A-Za-z_][\w.]*)(?:\[[^\]\n]*\])?(?:\(.*\))?"
    r"(?:\s*(?:->|→)\s*[^\n¶]+)?)\s*(?P<anchor>¶)?\s*$",
    re.MULTILINE,
)
_ENTRY_KEYWORD = re.compile(r"^(?:(?:class|exception|async|await|abstractmethod|classmethod|staticmethod|property"
                            r"|method|function|attribute|data|coroutine|awaitable|final|decorator)\s+)+")
ENTRY_MAX = 300  # a term line longer than this is prose, not a signature
TERM_WORDS = 6  # a glossary term is at most this many words
_TERM_LINE = re.compile(r"^[-*•]\s+(?P<term>[^\n¶]+?)\s*¶\s*$", re.MULTILINE)
ENTRY_LABEL_MAX = 80  # a longer signature is named ``name(...)`` before a quote
# code glued into a sentence: a definition, a comment, an arrow or a prompt ("Roughly equivalent to: def f(x): # ...")
_CODE_INSIDE = re.compile(r"\bdef \w+\(|\bclass \w+[(:]|(^|\s)#\s|-->|>>>|\.\.\.:")
# a line that continues the one before: a lowercase word, not a code name ("sorted() leaves ..." starts a sentence)
_CONTINUATION = re.compile(r"[a-z]+(?=[\s,;])")
_ANAPHOR = re.compile(r"(This|That|These|Those|It|They|Such|The name)\b")
_LIST_MARKER = re.compile(r"[-*•]\s+(?=\S)")  # a list item's bullet
_NAME = re.compile(r"[A-Za-z_][\w.]*")  # the (dotted) name an entry term opens with


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """One sentence of a passage with its relevance to the query."""

    hit: Hit
    start: int
    end: int
    text: str
    lexical: float
    cosine: float
    section: float = 0.0  # cosine of the query to the heading this sentence sits under (0 without one)
    section_pos: int = 0  # how many sentences of that section come before this one
    entry: str = ""  # the API signature whose description this sentence is part of ("" outside an entry)
    entry_pos: int = 0  # how many sentences of that entry come before this one
    heading: str = ""  # the heading this sentence sits under ("" for none or the page title)
    previous: str = ""  # the sentence before, when this one opens on a pronoun that refers to it
    terms: frozenset[str] = frozenset()  # ``context_words``: its own terms, its heading's and its entry's name

    @property
    def display(self) -> str:
        """The sentence as quoted: after the sentence its opening pronoun refers to; inside an API entry, led by
        the signature it describes when it does not name it ("os.path.exists(path): Return True if path refers to
        an existing path.")."""
        text = " ".join(self.text.split())
        if self.previous and is_whole_sentence(self.previous):
            # "It'll give the sauce a little extra tackiness" says nothing without what "it" is
            text = f"{' '.join(self.previous.split())} {text}"
        if not self.entry:
            return text
        if not is_signature(self.entry):  # a glossary term
            return text if self.entry.casefold() in text.casefold() else f"{self.entry}: {text}"
        full = _NAME.match(self.entry)
        dotted = full.group(0) if full is not None and "." in full.group(0) else ""
        if f"{entry_name(self.entry)}(" in text or (dotted and dotted in text):
            return text  # the sentence names what it describes
        return f"{entry_label(self.entry)}: {text}"

    @property
    def score(self) -> float:
        """The combined relevance in [0, 1]."""
        return self._combined(self.lexical)

    def _combined(self, lexical: float) -> float:
        return LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * max(self.cosine, 0.0)

    @property
    def relevance(self) -> float:
        """The score, raised toward the heading's match when the sentence sits in a section whose heading matches
        the query (the answer under a FAQ question need not repeat it): their mean, decayed by position."""
        return self.relevance_with(self.lexical)

    def relevance_with(self, lexical: float) -> float:
        """``relevance`` with another lexical share in place of ``lexical``."""
        score = self._combined(lexical)
        if self.section < SECTION_MIN:
            return score
        return max(score, (score + self.section * SECTION_DECAY**self.section_pos) / 2)


def is_whole_sentence(text: str) -> bool:
    """True for a quotable prose sentence: opens like a sentence, ends in a full stop, not code, date or byline."""
    t = text.strip()
    if len(t.split()) < 5 or t[-1:] not in ".!?:\"'”’)":  # ":" closes a sentence that introduces an example
        return False
    if not (_PROSE_START.match(t) or _CODE_WORD.match(t)) or t.startswith(('"""', "'''")):
        return False  # a docstring opens inside a code block ('"""Return the cosine of x ...')
    if _BYLINE.search(t) or _CODE_STATEMENT.match(t):
        return False
    if _CODE.search(t.split(" ", 1)[0] + " "):
        return False
    symbols = sum(1 for ch in t if ch in "{}[]=<>;:()|\\/*#$`")
    if symbols / len(t) < 0.06:
        return True
    # prose that names code inline ("For integers, use the built-in int() type constructor, e.g. int('144') ==
    # 144.") keeps the function words of a sentence; a code line has few or none
    tokens = words(t)
    function_words = sum(1 for w in tokens if w in STOP_WORDS)
    return (symbols / len(t) < 0.10 and function_words >= 3 and function_words >= 0.2 * len(tokens)
            and not _CODE_INSIDE.search(t))


def _without_heading(text: str, start: int, end: int) -> int:
    """The start of the sentence ``text[start:end]`` past a heading line glued to it (a short first line
    without a full stop, such as "sorted() returns a new list" before the sentence under it)."""
    while True:
        nl = text.find("\n", start, end)
        if nl < 0:
            return start
        line = text[start:nl].strip()
        if len(line) > 50 or line[-1:] in ".!?:;,":
            return start
        if _CONTINUATION.match(text[nl + 1 : end].lstrip()):
            return start  # a hard-wrapped sentence ("the finally\nclause will execute ..."), not a heading
        start = nl + 1
        while start < end and text[start].isspace():
            start += 1


_WRAP_MIN = 60  # a line at least this long that stops mid-sentence was hard-wrapped


def unwrap(text: str) -> str:
    """``text`` with hard-wrap line breaks (a long line that stops mid-sentence, followed by more text) turned
    into spaces; same length, so offsets into it are offsets into ``text``."""
    out = list(text)
    start = 0
    while (nl := text.find("\n", start)) >= 0:
        line = text[start:nl].rstrip()
        after = text[nl + 1 : nl + 2]
        if len(line) >= _WRAP_MIN and line[-1:] not in ".!?:;" and after and not after.isspace():
            out[nl] = " "
        start = nl + 1
    return "".join(out)


_HEADING_MAX = 100  # a heading is a line of at most this many characters


def is_heading_line(line: str) -> bool:
    """True for a line that heads what follows: short, and a question or without closing punctuation."""
    t = line.strip()
    if not t or len(t) > _HEADING_MAX:
        return False
    return t.endswith("?") or t[-1] not in ".!:;,\"'”’)"


def is_signature(term: str) -> bool:
    """True for an entry term that names code (``os.path.exists(path)``, ``sys.path``), not a glossary term."""
    m = _NAME.match(term)
    return m is not None and ("." in m.group(0) or "_" in m.group(0) or term[m.end() : m.end() + 1] in ("(", "["))


def entry_name(term: str) -> str:
    """What an entry is about: the last dotted part of a signature's name (``exists`` for
    ``os.path.exists(path)``), or a glossary term as written (``EAFP``)."""
    if not is_signature(term):
        return term
    m = _NAME.match(term)
    return m.group(0).rsplit(".", 1)[-1] if m else term


def entry_label(signature: str) -> str:
    """How a quote names its entry: the signature as written, or ``name(...)`` when its arguments run long."""
    if len(signature) <= ENTRY_LABEL_MAX or "(" not in signature:
        return signature
    return signature[: signature.index("(")] + "(...)"


def _entries(text: str) -> list[tuple[int, int, str]]:
    """(end of the term line, end of the description, term) of each definition-list entry of ``text``: an API
    signature without its ``class``/``async`` keyword, or a glossary term of at most ``TERM_WORDS`` words ("EAFP",
    "duck-typing"). A term line ends in Sphinx's "¶" anchor, or is a bare call signature (``- list.reverse()``)
    followed by a list item; the description is that list item and the lines that continue it."""
    out = []
    for m in _ENTRY_LINE.finditer(text):
        sig = _ENTRY_KEYWORD.sub("", " ".join(m.group("sig").split()))
        bare = m.group("anchor") is None
        if bare and not (sig.endswith(")") and _LIST_MARKER.match(text[m.end() + 1 : m.end() + 4] + " ")):
            continue
        if len(sig) <= ENTRY_MAX and is_signature(sig):
            out.append((m.end(), _description_end(text, m.end()), sig))
    taken = {end for end, _, _ in out}
    for m in _TERM_LINE.finditer(text):
        term = " ".join(m.group("term").split())
        if (m.end() not in taken and len(term.split()) <= TERM_WORDS and not is_signature(term)
                and term[:1].isalnum() and not set("()[]=") & set(term)):  # a glossary term is not code
            out.append((m.end(), _description_end(text, m.end()), term))
    return sorted(out)


def _description_end(text: str, term_end: int) -> int:
    """Where the description after a term line ends: at the next list item, or at a line that starts a new
    paragraph (a capital after a line that closed its sentence); ``term_end`` when no list item follows."""
    i = term_end + 1
    first, closed = True, False
    while i < len(text):
        j = text.find("\n", i)
        j = len(text) if j < 0 else j
        line = text[i:j].strip()
        item = _LIST_MARKER.match(line + " ") is not None
        if first and not item:
            return term_end
        if not first and (item or (line[:1].isupper() and closed)):
            return i
        first = False
        closed = not line or line[-1] in ".!?:"
        i = j + 1
    return len(text)


def _headings(text: str) -> list[tuple[int, str]]:
    """(end offset, text) of each heading line of ``text``, in order."""
    out: list[tuple[int, str]] = []
    start = 0
    for line in text.split("\n"):
        if is_heading_line(line) and len(line.split()) >= 2 and not line.lstrip().startswith(("-", "•", "*")):
            out.append((start + len(line), line.strip()))
        start += len(line) + 1
    return out


def score_sentences(
    query: str, hits: Sequence[Hit], embedder: Embedder | None, *, context: bool = True
) -> list[SentenceScore]:
    """Every sentence of ``hits``' passages scored against ``query`` (in passage order), each with the match of
    the heading it sits under (a page section titled with the question usually answers it, as in a FAQ).

    With ``context``, an API entry's first sentence is matched with its signature, and a sentence opening on a
    pronoun as the mean of itself and itself read after the sentence before it; the answerability gate reads
    sentences without context, as it was calibrated."""
    terms = set(tokenize(query))
    rows: list[tuple[Hit, int, int, str, str, int, str, int]] = []
    for hit in hits:
        raw = unwrap(hit.passage.text)
        entries = _entries(raw)
        text = raw.replace("¶", "\n")  # Sphinx's heading anchor glues a heading to its text
        heads = _headings(text)
        title = " ".join(hit.passage.title.split()).casefold()
        current, pos, h = hit.passage.heading.replace("¶", "").strip(), 0, 0
        entry, n, epos, entry_end = "", 0, 0, 0
        for s, e in split_sentences(text):
            s = _without_heading(text, s, e)
            if (marker := _LIST_MARKER.match(text, s, e)) is not None:
                s = marker.end()  # a list item's bullet is not part of its sentence
            while h < len(heads) and heads[h][0] <= s:
                current, pos = heads[h][1], 0
                entry = ""  # a heading ends the entry above it
                h += 1
            while n < len(entries) and entries[n][0] <= s:
                entry, epos, entry_end = entries[n][2], 0, entries[n][1]
                n += 1
            if entry and s >= entry_end:
                entry = ""  # past the entry's description
            if s < e:
                heading = "" if " ".join(current.split()).casefold() == title else current  # the title is no section
                rows.append((hit, s, e, text[s:e], heading, pos, entry, epos))
                if entry and len(text[s:e].split()) >= 3:
                    epos += 1
                if not (is_heading_line(text[s:e]) and "\n" not in text[s:e]):
                    pos += 1
    if not rows:
        return []
    cos = np.zeros(len(rows))
    section = np.zeros(len(rows))
    if embedder is not None:
        heads_used = sorted({r[4] for r in rows if r[4]})
        # an API entry's first sentence is read with the signature it describes (the rest keep their own words:
        # with the signature, every sentence of a matching entry outranked the answer elsewhere on dev)
        # a sentence that opens on a pronoun ("This is the single most important step, ...") is also read with
        # the sentence before it, which says what the pronoun stands for
        linked = [i for i in range(1, len(rows))
                  if context and rows[i - 1][0] is rows[i][0] and _ANAPHOR.match(rows[i][3])]
        texts = [f"{r[6]}: {r[3]}" if context and r[6] and not r[7] else r[3] for r in rows]
        mat = embedder.embed([query, *texts, *heads_used, *(f"{rows[i - 1][3]} {rows[i][3]}" for i in linked)])
        cos = mat[1 : 1 + len(rows)] @ mat[0]
        head_end = 1 + len(rows) + len(heads_used)
        head_cos = dict(zip(heads_used, mat[1 + len(rows) : head_end] @ mat[0], strict=True))
        for i, c in zip(linked, mat[head_end:] @ mat[0], strict=True):
            cos[i] = max(cos[i], (cos[i] + c) / 2)
        section = np.array([head_cos.get(r[4], 0.0) for r in rows])
        previous = {i: rows[i - 1][3] for i in linked}
    else:
        previous = {}
    out = []
    for i, ((hit, s, e, text, heading, pos, entry, epos), c, sc) in enumerate(zip(rows, cos, section, strict=True)):
        named = context and entry and not epos
        words = set(tokenize(text)) | (set(tokenize(entry_name(entry).replace("_", " "))) if named else set())
        if i in previous:
            words |= set(tokenize(previous[i]))
        lex = len(terms & words) / len(terms) if terms else 0.0
        around = set(tokenize(heading)) | (set(tokenize(entry_name(entry).replace("_", " "))) if entry else set())
        out.append(SentenceScore(hit, s, e, text, lex, float(c), float(sc), pos, entry, epos, heading,
                                 previous.get(i, ""), frozenset(set(tokenize(text)) | around)))
    return out


def context_words(s: SentenceScore) -> frozenset[str]:
    """The terms a sentence states or stands under: its own, its heading's and its API entry's name ("It can be
    used when a statement is required" under "The pass statement" is about ``pass``); computed once by
    ``score_sentences``."""
    return s.terms


def focus_weights(query: str, candidates: Sequence[SentenceScore]) -> dict[str, float]:
    """Each query term's weight among the candidate sentences: log((n + 1) / (sentences with it + 0.5)).

    The topic of a question ("vitamin D" in "Does sunlight through a window make vitamin D?") is in every
    retrieved sentence; the part that asks something specific ("window") is in few, and the answer has it.
    """
    terms = set(tokenize(query))
    bags = [context_words(s) for s in candidates]
    n = len(bags)
    return {t: math.log((n + 1) / (sum(1 for b in bags if t in b) + 0.5)) for t in terms}


def focus_share(s: SentenceScore, focus: dict[str, float]) -> float:
    """The focus-weighted share of the query's terms that ``s`` states or stands under (``focus_weights``)."""
    total = sum(focus.values())
    if total <= 0:
        return s.lexical
    words = context_words(s)
    return sum(w for t, w in focus.items() if t in words) / total


def sentence_relevance(query: str, sentence: str, embedder: Embedder | None) -> float:
    """The relevance of one written sentence (a generated claim) to ``query``, on the same scale."""
    terms = set(tokenize(query))
    lex = len(terms & set(tokenize(sentence))) / len(terms) if terms else 0.0
    cos = 0.0
    if embedder is not None:
        mat = embedder.embed([query, sentence])
        cos = float(mat[1] @ mat[0])
    return LEXICAL_WEIGHT * lex + (1 - LEXICAL_WEIGHT) * max(cos, 0.0)

"""Verify each claim of an overview against its cited passages and the credibility of their sources.

For a claim, the candidate passages are the ones it cites (its passage ids, then the passages of the
sources it cites); an uncited claim is checked against every passage given. Each candidate is scored by
the judge (max over sentence windows); a passage "supports" the claim when its score reaches the
judge's threshold, or when a reviewer dismissed the flag for this claim and that source's domain.

Label: ``supported`` if a reliable or unknown source supports it; ``satire`` if the only support comes
from satire (or from a copy of a satire page's text); ``unreliable_source`` if it comes only from
user-generated or unreliable sources; ``contradicted`` if a credible passage on the same topic negates,
opposes or changes a number of the claim; else ``unsupported``. Support from satire or user-generated
sources never makes a claim ``supported`` on its own. A reviewer's dismissal is scoped to one claim and one
source's domain: it lets that user-generated or unreliable source back that claim (the reviewer read the claim
and vouched for it), but never a satire source; a reviewer changes a whole page's or domain's label through the
credibility overrides instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from retrieval.types import Passage
from synth.types import Claim, Overview, Source
from verifier.consistency import disagreement
from verifier.credibility import split_host
from verifier.features import (
    best_sentence,
    content_stems,
    debunk_cues,
    framing_cues,
    split_sentences,
    words,
)
from verifier.judges import Judge, get_judge
from verifier.policy import action_for, display_text, finalize
from verifier.types import Evidence, SourceCredibility, Verdict, VerdictLabel, VerifiedClaim

CREDIBLE = ("reliable", "unknown")
#: how far a credible source is trusted: a contradiction counts when its source ranks at least as high as the support
RANK = {"reliable": 2, "unknown": 1}
DOUBTFUL = ("user_generated", "unreliable")
COPY_CONTAINMENT = 0.5  # share of a passage's 5-word shingles found in a satire passage to count as a copy
TITLE_CONTAINMENT = 0.8  # share of a satire page's headline (3-word shingles) found in a supporting window
_CITATION = re.compile(r"\s*\[\d+(?:\s*[,;]\s*\d+)*\]")


def normalise_claim(text: str) -> str:
    """The key reviewer decisions are stored under: citation marks dropped, accents folded, lower case,
    punctuation removed, single spaces."""
    text = unicodedata.normalize("NFKD", _CITATION.sub("", text)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def _review_keys(text: str) -> set[str]:
    """The claim's key with and without its citation digits (older stores kept them)."""
    raw = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return {normalise_claim(text), " ".join(re.sub(r"[^a-z0-9 ]+", " ", raw).split())}


def _source_keys(source: Source | None) -> set[str]:
    """The names a reviewer decision may give a source by: its site, host and registrable domain."""
    if source is None:
        return set()
    host, domain = split_host(source.url)
    return {k for k in (source.site.lower(), source.site.lower().removeprefix("www."), host, domain) if k}


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    """Word n-grams of ``text`` (lower case)."""
    ws = words(text)
    return {tuple(ws[i : i + n]) for i in range(max(0, len(ws) - n + 1))}


@dataclass(frozen=True, slots=True)
class _Scored:
    passage: Passage
    source_id: int
    score: float
    spans: tuple[tuple[int, int], ...]  # character spans of the best window's sentences in passage.text
    credibility: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class _Clash:
    passage: Passage
    source_id: int
    start: int
    end: int
    why: str
    shared: int


@dataclass(frozen=True, slots=True)
class _Echoes:
    copies: dict[str, int]  # passage id → id of the satire source whose text it copies
    titles: list[tuple[int, set[tuple[str, ...]]]]  # satire source id → its headline's 3-word shingles


class Verifier:
    """Judges claims against passages and applies the credibility rules and the policy."""

    def __init__(
        self,
        judge: Judge | None = None,
        embedder: Any | None = None,
        *,
        threshold: float | None = None,
        contradiction_threshold: float = 0.5,
    ) -> None:
        """Use ``judge`` (the embedded judge by default) at its own threshold unless one is given."""
        self.judge = judge if judge is not None else get_judge("embedded")
        self.embedder = embedder
        self.threshold = self.judge.threshold if threshold is None else threshold
        self.contradiction_threshold = contradiction_threshold

    # -- public -------------------------------------------------------------------------------------------
    def verify(
        self,
        claims: Sequence[Claim],
        sources: Sequence[Source],
        passages: Mapping[str, Passage],
        credibility: Mapping[int, SourceCredibility],
        *,
        reviewer_supported: Iterable[tuple[str, str]] = frozenset(),
    ) -> list[VerifiedClaim]:
        """Verdict, action and display text for every claim (overview-wide policy applied)."""
        reviewed = frozenset(reviewer_supported)
        echoes = self._satire_echoes(sources, passages, credibility)
        out = [self._verify_one(c, sources, passages, credibility, reviewed, echoes) for c in claims]
        return finalize(out)

    def verify_claim(
        self,
        claim: Claim,
        sources: Sequence[Source],
        passages: Mapping[str, Passage],
        credibility: Mapping[int, SourceCredibility],
        *,
        reviewer_supported: Iterable[tuple[str, str]] = frozenset(),
    ) -> VerifiedClaim:
        """Verdict for one claim (as streamed); the overview-wide drop rule is not applied."""
        echoes = self._satire_echoes(sources, passages, credibility)
        return self._verify_one(claim, sources, passages, credibility, frozenset(reviewer_supported), echoes)

    def verify_overview(
        self,
        overview: Overview,
        passages: Mapping[str, Passage],
        credibility: Mapping[int, SourceCredibility],
        *,
        reviewer_supported: Iterable[tuple[str, str]] = frozenset(),
    ) -> list[VerifiedClaim]:
        """``verify`` over an Overview's own claims and sources."""
        return self.verify(
            overview.claims, overview.sources, passages, credibility, reviewer_supported=reviewer_supported
        )

    # -- internals ----------------------------------------------------------------------------------------
    @staticmethod
    def _source_of(sources: Sequence[Source], passages: Mapping[str, Passage]) -> dict[str, int]:
        out: dict[str, int] = {}
        by_url = {s.url: s.id for s in sources}
        for s in sources:
            for pid in s.passages:
                out.setdefault(pid, s.id)
        for pid, p in passages.items():
            if pid not in out and p.doc_url in by_url:
                out[pid] = by_url[p.doc_url]
        return out

    def _satire_echoes(
        self,
        sources: Sequence[Source],
        passages: Mapping[str, Passage],
        credibility: Mapping[int, SourceCredibility],
    ) -> _Echoes:
        """Satire headlines, and passages of other sources that copy a satire source's text."""
        return _Echoes(self._satire_copies(sources, passages, credibility), _satire_titles(sources, credibility))

    def _satire_copies(
        self,
        sources: Sequence[Source],
        passages: Mapping[str, Passage],
        credibility: Mapping[int, SourceCredibility],
    ) -> dict[str, int]:
        """Passages of non-satire sources that copy a satire source's text → that satire source's id."""
        src = self._source_of(sources, passages)
        satire = {
            pid: _shingles(p.text)
            for pid, p in passages.items()
            if pid in src and _label(credibility, src[pid]) == "satire"
        }
        if not satire:
            return {}
        copies: dict[str, int] = {}
        for pid, p in passages.items():
            if pid not in src or _label(credibility, src[pid]) == "satire":
                continue
            mine = _shingles(p.text)
            if len(mine) < 8:
                continue
            for spid, theirs in satire.items():
                if len(mine & theirs) / len(mine) >= COPY_CONTAINMENT:
                    copies[pid] = src[spid]
                    break
        return copies

    def _candidates(self, claim: Claim, sources: Sequence[Source], passages: Mapping[str, Passage]) -> list[str]:
        cited = [pid for pid in claim.passages if pid in passages]
        for s in sources:
            if s.id in claim.citations:
                cited.extend(pid for pid in s.passages if pid in passages and pid not in cited)
        return cited or list(passages)

    def _score(
        self,
        text: str,
        pids: Sequence[str],
        passages: Mapping[str, Passage],
        src: Mapping[str, int],
        credibility: Mapping[int, SourceCredibility],
        echoes: _Echoes,
    ) -> list[_Scored]:
        out = []
        for pid in pids:
            p = passages[pid]
            spans = split_sentences(p.text)
            score, idx = self.judge.score_sentences(text, [p.text[a:b] for a, b in spans])
            sid = src.get(pid, 0)
            label, note = _label(credibility, sid), ""
            if pid in echoes.copies:
                label, note = "satire", f"it copies the text of a satirical source [{echoes.copies[pid]}]"
            elif label in CREDIBLE and idx:
                window_text = " ".join(p.text[spans[i][0] : spans[i][1]] for i in idx)
                window = _shingles(window_text, 3)
                # A window that frames the headline ("a satirical article that claimed ...") reports on the satire.
                reported = bool(debunk_cues(window_text))
                for tsid, title in echoes.titles:
                    if not reported and len(title & window) / len(title) >= TITLE_CONTAINMENT:
                        label, note = "satire", f"it repeats the headline of a satirical source [{tsid}]"
                        break
            out.append(_Scored(p, sid, score, tuple(spans[i] for i in idx), label, note))
        return out

    def _verify_one(
        self,
        claim: Claim,
        sources: Sequence[Source],
        passages: Mapping[str, Passage],
        credibility: Mapping[int, SourceCredibility],
        reviewed: frozenset[tuple[str, str]],
        echoes: _Echoes,
    ) -> VerifiedClaim:
        text = _CITATION.sub("", claim.text).strip()
        src = self._source_of(sources, passages)
        by_id = {s.id: s for s in sources}
        keys = _review_keys(claim.text)
        scored = self._score(text, self._candidates(claim, sources, passages), passages, src, credibility, echoes)
        dismissed = {
            sc.source_id
            for sc in scored
            if any((k, d) in reviewed for k in keys for d in _source_keys(by_id.get(sc.source_id)))
        }
        support = [sc for sc in scored if sc.score >= self.threshold or sc.source_id in dismissed]
        support.sort(key=lambda sc: -sc.score)
        credible: list[tuple[_Scored, list[str], str]] = []
        framed: list[tuple[_Scored, list[str], str]] = []
        vouched = [sc for sc in support if sc.credibility in DOUBTFUL and sc.source_id in dismissed]
        for sc in (sc for sc in support if sc.credibility in CREDIBLE or sc in vouched):
            # A fact check repeats the claim it debunks: such a passage is evidence against, not for.
            window = [sc.passage.text[a:b] for a, b in sc.spans]
            context = [sc.passage.text[a:b] for a, b in split_sentences(sc.passage.text) if (a, b) not in sc.spans]
            sentence = best_sentence(text, window)
            cues = framing_cues(text, window, context) if sc.source_id not in dismissed else []
            (framed if cues else credible).append((sc, cues, sentence))
        credible_sc = [sc for sc, _, _ in credible]
        satire = [sc for sc in support if sc.credibility == "satire"]
        doubtful = [sc for sc in support if sc.credibility in DOUBTFUL]
        source_kind = "unreliable"
        label: VerdictLabel
        clash = None
        if credible_sc and credible_sc[0].source_id not in dismissed:  # a reviewer-confirmed source stands
            top = credible_sc[0]
            clash = self.disagreeing(text, passages, src, credibility, echoes, RANK[top.credibility], top.source_id)
        elif not credible_sc and not satire and not framed and doubtful:
            clash = self.disagreeing(text, passages, src, credibility, echoes, 1, doubtful[0].source_id)
        if clash is not None:
            backer = credible_sc[0] if credible_sc else doubtful[0]
            label, score, ev = "contradicted", backer.score, [backer]
            said = " ".join(clash.passage.text[clash.start : clash.end].split())
            reason = (
                f'Sources disagree: source [{clash.source_id}] says "{said[:200]}", '
                f'while source [{backer.source_id}] says "{_quote(backer)}"'
            )
        elif credible_sc:
            top = credible_sc[0]
            label, score, ev = "supported", top.score, credible_sc[:3]
            reviewer = " (a reviewer confirmed this source)" if top.source_id in dismissed else ""
            if top in vouched:
                reviewer = " (a reviewer confirmed this claim from this source)"
            reason = f'Backed by source [{top.source_id}]{reviewer}: "{_quote(top)}"'
        elif satire:
            label, score, ev = "satire", satire[0].score, satire[:3]
            why = satire[0].note or _first_reason(credibility, satire[0].source_id)
            reason = f"Only a satirical source backs this: source [{satire[0].source_id}] ({why})."
        elif framed:
            sc, cues, sentence = framed[0]
            label, score, ev = "contradicted", sc.score, [sc]
            reason = (
                f"Source [{sc.source_id}] mentions this only to question or reject it ({cues[0].lower()!r}): "
                f'"{" ".join(sentence.split())[:200]}"'
            )
        elif doubtful:
            label, score, ev = "unreliable_source", doubtful[0].score, doubtful[:3]
            source_kind = "user_generated" if doubtful[0].credibility == "user_generated" else "unreliable"
            who = "a forum or user-generated post" if source_kind == "user_generated" else "a doubtful source"
            reason = f"Only {who} backs this: source [{doubtful[0].source_id}]."
        else:
            label, score, ev, reason = self._contradiction_or_unsupported(text, scored)
        evidence = self._evidence(text, ev, passages)
        if clash is not None:  # what the disagreeing source says first, then what the claim came from
            said = clash.passage.text[clash.start : clash.end]
            evidence = [Evidence(clash.source_id, clash.passage.id, said, clash.start, clash.end), *evidence[:2]]
        verdict = Verdict(label, round(float(score), 4), reason, tuple(evidence))
        return VerifiedClaim(
            id=claim.id,
            text=claim.text,
            citations=tuple(claim.citations),
            passages=tuple(claim.passages),
            action=action_for(label),
            verdict=verdict,
            display=display_text(claim.text, label, source_kind=source_kind),
        )

    def disagreeing(
        self,
        text: str,
        passages: Mapping[str, Passage],
        src: Mapping[str, int],
        credibility: Mapping[int, SourceCredibility],
        echoes: _Echoes,
        min_rank: int,
        backer: int,
    ) -> _Clash | None:
        """The sentence of a credible retrieved passage (cited or not) that says the opposite of ``text``, from a
        source other than ``backer`` ranked at least ``min_rank`` (reliable 2, unknown 1); the one sharing most of
        the claim's words. (A page does not disagree with itself: apparent self-contradictions are word matches.)"""
        best: _Clash | None = None
        stems = set(content_stems(text))
        for pid, p in passages.items():
            sid = src.get(pid, 0)
            label = "satire" if pid in echoes.copies else _label(credibility, sid)
            if label not in CREDIBLE or RANK[label] < min_rank or sid == backer:
                continue
            for a, b in split_sentences(p.text):
                why = disagreement(text, p.text[a:b])
                if not why:
                    continue
                shared = len(stems & set(content_stems(p.text[a:b])))
                if best is None or shared > best.shared:
                    best = _Clash(p, sid, a, b, why, shared)
        return best

    def _contradiction_or_unsupported(
        self, text: str, scored: Sequence[_Scored]
    ) -> tuple[VerdictLabel, float, list[_Scored], str]:
        credible = sorted((sc for sc in scored if sc.credibility in CREDIBLE), key=lambda sc: -sc.score)[:5]
        if credible:
            flips = self.judge.contradiction([(text, _window_text(sc)) for sc in credible])
            best = max(range(len(credible)), key=lambda i: flips[i])
            if flips[best] >= self.contradiction_threshold:
                sc = credible[best]
                return (
                    "contradicted",
                    flips[best],
                    [sc],
                    f'Source [{sc.source_id}] says otherwise: "{_quote(sc)}"',
                )
        best_score = max((sc.score for sc in scored), default=0.0)
        ranked = sorted(scored, key=lambda sc: -sc.score)[:2]
        if not scored:
            return "unsupported", 0.0, [], "No retrieved passage was available to check this claim."
        return (
            "unsupported",
            best_score,
            ranked,
            f"No cited passage backs this claim (best match scored {best_score:.2f}, "
            f"below the {self.threshold:.2f} needed).",
        )

    def _evidence(self, text: str, scored: Sequence[_Scored], passages: Mapping[str, Passage]) -> list[Evidence]:
        out: list[Evidence] = []
        for sc in scored:
            if not sc.spans:
                continue
            contiguous = all(
                a_end <= b_start and not sc.passage.text[a_end:b_start].strip()
                for (_, a_end), (b_start, _) in zip(sc.spans, sc.spans[1:], strict=False)
            )
            groups = [(sc.spans[0][0], sc.spans[-1][1])] if contiguous else list(sc.spans)
            for start, end in groups:
                out.append(Evidence(sc.source_id, sc.passage.id, sc.passage.text[start:end], start, end))
        if out or not scored:
            return out
        return self._aligned(text, [sc.passage for sc in scored], {sc.passage.id: sc.source_id for sc in scored})

    def _aligned(self, text: str, ps: Sequence[Passage], sid: Mapping[str, int]) -> list[Evidence]:
        try:
            from retrieval.align import align
        except ImportError:  # alignment module not installed: no quotes rather than no verdict
            return []
        return [
            Evidence(sid.get(a.passage_id, 0), a.passage_id, a.quote, a.start, a.end)
            for a in align(text, ps, self.embedder, top=2)
        ]


def _satire_titles(
    sources: Sequence[Source], credibility: Mapping[int, SourceCredibility]
) -> list[tuple[int, set[tuple[str, ...]]]]:
    """3-word shingles of the headlines of satire sources (headlines of at least five words)."""
    out = []
    for s in sources:
        if _label(credibility, s.id) == "satire":
            title = re.split(r"\s[|–—]\s", s.title)[0]
            sh = _shingles(title, 3)
            if len(sh) >= 3:
                out.append((s.id, sh))
    return out


def _label(credibility: Mapping[int, SourceCredibility], source_id: int) -> str:
    cred = credibility.get(source_id)
    return cred.label if cred is not None else "unknown"


def _first_reason(credibility: Mapping[int, SourceCredibility], source_id: int) -> str:
    cred = credibility.get(source_id)
    return cred.reasons[0] if cred is not None and cred.reasons else "labelled satire"


def _window_text(sc: _Scored) -> str:
    return " ".join(sc.passage.text[a:b] for a, b in sc.spans) or sc.passage.text


def _quote(sc: _Scored, limit: int = 200) -> str:
    q = " ".join(_window_text(sc).split())
    return q if len(q) <= limit else q[: limit - 1].rsplit(" ", 1)[0] + "…"

"""Answer assembly: what happens between the retrieved passages and the stored Answer.

The engine wires the stages; this module holds the rules that turn hits and a written overview into what the
reader sees:

- ``mask``: page text is data; instruction-like sentences are blanked before anything quotes them.
- the answerability gate (``Assembler.answerable``): before anything is written, a calibrated score decides
  whether the passages answer the question at all; when they do not, the answer is ``declined``.
- verification: each claim is verified as it completes (``verify``), and the overview-wide policy
  (``verifier.policy.finalize``) runs once, at the end, in ``finish``.
- top-up: when the verifier left too little of an extractive overview, quote what the unused credible passages
  say instead (``top_up``).
- hedges quote the weak source verbatim (``hedge_display``), and the shown text is joined with its citations.
- decline: when nothing, or too little, survives verification, the answer is declined and shows passages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from retrieval.align import align
from retrieval.embed import Embedder
from retrieval.text import spelled
from retrieval.types import Hit, Passage
from synth.answerability import Answerability
from synth.extractive import extract_sentences, lead_ranker
from synth.parse import join_with_citations, strip_citations
from synth.sanitize import mask_injections
from synth.types import Claim, LeadRanker, Overview, Source
from verifier.policy import finalize, should_decline
from verifier.types import SourceCredibility, VerifiedClaim
from verifier.verify import Verifier

CREDIBLE = ("reliable", "unknown")
MIN_KEPT = 2
#: a credible passage is checked as saying the same as a weak source's claim from this alignment score on
CORROBORATION_MIN = 0.6
DECLINED_MESSAGE = "The indexed sources do not answer this."


def unseen_notice(query: str, stems: Sequence[str]) -> str:
    """Why a question was declined when it names words no source uses: 'None of the indexed sources mentions
    “quail”.' (the words as the question spells them)."""
    words = spelled(query)
    named = [f"“{words.get(s, s)}”" for s in stems]
    if not named:
        return ""
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    return f"None of the indexed sources mentions {listed}."
_UNKNOWN = SourceCredibility("unknown", ())


@dataclass(frozen=True, slots=True)
class Context:
    """Everything verification needs for one answer: the sources shown, their passages and credibility."""

    query: str
    hits: tuple[Hit, ...]
    sources: tuple[Source, ...] = ()
    credibility: Mapping[int, SourceCredibility] = field(default_factory=dict)
    reviewer_supported: frozenset[tuple[str, str]] = frozenset()

    @property
    def passages(self) -> dict[str, Passage]:
        """The retrieved passages by id."""
        return {h.passage.id: h.passage for h in self.hits}

    def credible_urls(self) -> frozenset[str]:
        """Document URLs of the sources whose credibility is reliable or unknown."""
        return frozenset(s.url for s in self.sources if self.credibility.get(s.id, _UNKNOWN).label in CREDIBLE)


def mask(hit: Hit) -> Hit:
    """The hit with instruction-like sentences of its passage blanked out (same offsets): page text is data,
    and nothing downstream (prompt, extractive quotes, evidence) should quote instructions to the model."""
    text = mask_injections(hit.passage.text)
    return hit if text == hit.passage.text else replace(hit, passage=replace(hit.passage, text=text))


def hedge_display(claim: VerifiedClaim, credibility: Mapping[int, SourceCredibility]) -> str:
    """What the overview shows for a claim: kept claims as written; hedges quote their source verbatim."""
    if claim.action != "hedge":
        return claim.display
    quote = strip_citations(claim.text).strip()
    if claim.verdict.label == "unreliable_source":
        weak = [n for n in claim.citations if credibility.get(n, _UNKNOWN).label not in CREDIBLE]
        kind = credibility.get(weak[0], _UNKNOWN).label if weak else "unreliable"
        who = "A forum post" if kind == "user_generated" else "A source of doubtful reliability"
        return f'{who} says: "{quote}"'
    return f'The sources do not confirm this: "{quote}"'


def shown_text(verified: Sequence[VerifiedClaim]) -> str:
    """The overview text: every claim that is not dropped, with its citations."""
    return join_with_citations((c.display, c.citations) for c in verified if c.action != "drop")


def number_of(ctx: Context, url: str) -> int:
    """The source number of a document URL in ``ctx`` (0 when it is not among the sources)."""
    return next((s.id for s in ctx.sources if s.url == url), 0)


def passage_json(hit: Hit, sources: Sequence[Source]) -> dict[str, object]:
    """A passage as listed on a declined answer."""
    sid = next((s.id for s in sources if s.url == hit.passage.doc_url), None)
    p = hit.passage
    return {"id": p.id, "source_id": sid, "url": p.doc_url, "title": p.title, "text": p.text}


class Assembler:
    """The answer-assembly rules over one verifier, embedder and answerability model."""

    def __init__(
        self, verifier: Verifier, embedder: Embedder | None, answerability: Answerability,
        *, lead_ranker: LeadRanker = "heuristic",
    ) -> None:
        self.verifier = verifier
        self.lead_ranker = lead_ranker
        self.embedder = embedder
        self.answerability = answerability

    def answerable(
        self, query: str, hits: Sequence[Hit], unknown: float = 0.0, unseen: Sequence[str] = (),
        unnamed: Sequence[str] = (),
    ) -> tuple[bool, float, tuple[str, ...]]:
        """(do the passages answer ``query``, the calibrated probability that they do, the question's rare terms
        that decline it because no source uses them); ``unknown`` is the share of the query's terms that the
        corpus never uses, ``unseen`` those terms in no close variant either, ``unnamed`` those in no longer form."""
        if not hits:
            return False, 0.0, ()
        f = self.answerability.features(query, hits, self.embedder, unknown, unseen, unnamed)
        p = self.answerability.probability(f)
        return p >= self.answerability.threshold, p, f.rare_unseen

    def verify(self, claims: Sequence[Claim], ctx: Context) -> list[VerifiedClaim]:
        """Verdicts for claims as they complete; the overview-wide rule waits for ``finish``.

        Agreement counts: a claim that only a weak source (a forum post, a doubtful site) is cited for is also
        checked against the credible passages that say the same; when one backs it, the claim is supported and
        cites both. Otherwise it keeps its own citations and verdict.
        """
        passages = ctx.passages
        out = []
        for claim in claims:
            verified = self._verify_one(claim, ctx, passages)
            if verified.verdict.label == "unreliable_source":
                wider = self._corroborated(claim, ctx)
                if wider is not None:
                    again = self._verify_one(wider, ctx, passages)
                    if again.verdict.label == "supported":
                        verified = again
            out.append(verified)
        return out

    def _verify_one(self, claim: Claim, ctx: Context, passages: Mapping[str, Passage]) -> VerifiedClaim:
        return self.verifier.verify_claim(
            claim, ctx.sources, passages, ctx.credibility, reviewer_supported=ctx.reviewer_supported
        )

    def _corroborated(self, claim: Claim, ctx: Context) -> Claim | None:
        """The claim with the credible sources whose passages best match it added, or None when none does."""
        cited = set(claim.citations)
        credible = [
            h.passage for h in ctx.hits
            if h.passage.doc_url in ctx.credible_urls() and number_of(ctx, h.passage.doc_url) not in cited
        ]
        if not credible:
            return None
        best = align(strip_citations(claim.text), credible, self.embedder, top=2)
        strong = [a for a in best if a.score >= CORROBORATION_MIN]
        if not strong:
            return None
        extra_ids = [number_of(ctx, next(p.doc_url for p in credible if p.id == a.passage_id)) for a in strong]
        citations = tuple(dict.fromkeys([*[n for n in extra_ids if n], *claim.citations]))
        pids = tuple(dict.fromkeys([*(a.passage_id for a in strong), *claim.passages]))
        return replace(claim, citations=citations, passages=pids)

    def top_up(self, overview: Overview, verified: Sequence[VerifiedClaim], ctx: Context) -> list[VerifiedClaim]:
        """When the verifier dropped or hedged too much of an extractive overview, quote what the credible
        sources among the unused hits say instead (the dropped claims stay listed with their reasons)."""
        missing = MIN_KEPT - sum(1 for c in verified if c.action == "keep")
        if missing <= 0 or overview.mode != "extractive":
            return []
        used = {pid for c in overview.claims for pid in c.passages}
        number = {s.url: s.id for s in ctx.sources}
        credible = [
            h for h in ctx.hits
            if h.passage.id not in used
            and ctx.credibility.get(number.get(h.passage.doc_url, 0), _UNKNOWN).label in CREDIBLE
        ]
        quotes = extract_sentences(
            ctx.query, credible, ctx.sources, self.embedder, max_sentences=missing,
            exclude=[c.text for c in verified], relevance_min=self.answerability.relevance_min,
            ranker=lead_ranker(self.lead_ranker),
        )
        extra = [
            Claim(f"c{len(verified) + i + 1}", text, 0, 0, cites, pids) for i, (text, cites, pids) in enumerate(quotes)
        ]
        return [c for c in self.verify(extra, ctx) if c.action != "drop"]

    def finish(self, verified: Sequence[VerifiedClaim], ctx: Context) -> list[VerifiedClaim]:
        """Apply the overview-wide policy once, then let hedges quote their source verbatim."""
        return [replace(c, display=hedge_display(c, ctx.credibility)) for c in finalize(verified)]

    @staticmethod
    def declines(verified: Sequence[VerifiedClaim]) -> bool:
        """True when too little survives verification for an overview to be shown."""
        return should_decline(verified)

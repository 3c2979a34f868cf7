"""Write the overview: prompt the model, stream its draft, hand on each sentence with citations as it completes."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Collection, Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace

from retrieval.embed import Embedder
from retrieval.types import Hit, Passage
from synth.attribution import attribute
from synth.backends import EmbeddedBackend, GenerationOptions, LLMBackend
from synth.errors import SynthError
from synth.extractive import extract_sentences, lead_ranker
from synth.parse import DraftSentence, SentenceStream, join_with_citations
from synth.prompts import INSTRUCTIONS, PROMPT_VERSION, Prompt, build_prompt, citation_grammar, number_sources
from synth.relevance import RELEVANCE_MIN, sentence_relevance
from synth.sanitize import clean_output, echoes_prompt, looks_like_injection
from synth.types import Claim, LeadRanker, Overview, Source, SynthEventKind

log = logging.getLogger(__name__)

MODES = ("generated", "extractive")
#: why a generated overview was replaced by quotes although the model answered
NO_ANSWER = "wrote no sentence that answers the question from the sources"
# attribute: the model writes freely, alignment attaches/repairs citations (default, measured best);
# grammar: a llama.cpp grammar forces "[n]." after every sentence, then the same repair;
# model: grammar-forced citations kept as the model chose them (for measurement only)
CITATION_MODES = ("attribute", "grammar", "model")


@dataclass(frozen=True, slots=True)
class SynthEvent:
    """One step of the stream: ``token`` (draft text), ``claim`` (a finished sentence) or ``overview`` (the end)."""

    kind: SynthEventKind
    text: str = ""
    claim: Claim | None = None
    overview: Overview | None = None
    sources: tuple[Source, ...] = field(default_factory=tuple)


class Synthesizer:
    """Turns a query and its hits into an ``Overview`` with citations, streaming as it goes."""

    def __init__(
        self,
        backend: LLMBackend | None,
        embedder: Embedder | None = None,
        *,
        mode: str = "generated",
        options: GenerationOptions | None = None,
        budget_tokens: int = 1200,
        max_claims: int = 6,
        cache_size: int = 256,
        citation_mode: str = "attribute",
        relevance_min: float = RELEVANCE_MIN,
        lead_ranker: LeadRanker = "heuristic",
    ) -> None:
        if citation_mode not in CITATION_MODES:
            raise SynthError(f"unknown citation mode {citation_mode!r}; choose one of {', '.join(CITATION_MODES)}")
        self.citation_mode = citation_mode
        if mode not in MODES:
            raise SynthError(f"unknown synthesis mode {mode!r}; choose one of {', '.join(MODES)}")
        if mode == "generated" and backend is None:
            raise SynthError("generated mode needs an LLM backend")
        self.backend = backend
        self.embedder = embedder
        self.mode = mode
        self.options = options or GenerationOptions(max_tokens=160)
        self.budget_tokens = budget_tokens
        self.max_claims = max_claims
        self.relevance_min = relevance_min
        self.lead_ranker = lead_ranker
        self._cache: OrderedDict[str, Overview] = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()

    @property
    def model(self) -> str:
        """The model that writes overviews (``extractive`` when none does)."""
        return self.backend.model if self.backend and self.mode == "generated" else "extractive"

    def clear_cache(self) -> None:
        """Forget every cached overview (after ``forget`` or re-indexing)."""
        with self._cache_lock:
            self._cache.clear()

    def write(
        self, query: str, hits: Sequence[Hit], credible: Collection[str] = (), *, relevance_min: float | None = None
    ) -> Overview:
        """Return the finished overview for ``query`` (no streaming)."""
        for event in self.stream(query, hits, credible, relevance_min=relevance_min):
            if event.overview is not None:
                return event.overview
        raise SynthError("the overview stream ended without an overview")

    def stream(
        self, query: str, hits: Sequence[Hit], credible: Collection[str] = (), *, relevance_min: float | None = None
    ) -> Iterator[SynthEvent]:
        """Yield ``token`` and ``claim`` events while the draft is written, then one ``overview`` event.

        ``credible`` holds the document URLs of credible sources: an extractive overview leads with one of them.
        ``relevance_min`` lowers the relevance floor of this answer's extractive lead (the gate's, when it is sure
        the passages answer; ``extract_sentences``' ``lead_min``): the model's sentences and the points after the
        lead keep the synthesizer's own. An ``error`` event says why generation failed when the extractive overview
        replaces it.
        """
        floor = self.relevance_min if relevance_min is None else relevance_min
        passages = {h.passage.id: h.passage for h in hits}
        key = self._cache_key(query, hits, credible, floor)
        with self._cache_lock:
            cached = self._cache.get(key)
        if cached is not None:
            yield SynthEvent("sources", sources=cached.sources)
            yield SynthEvent("token", text=cached.draft)
            for claim in cached.claims:
                yield SynthEvent("claim", claim=claim)
            yield SynthEvent("overview", overview=cached)
            return
        overview: Overview | None = None
        if self.mode == "generated" and self.backend is not None and hits:
            try:
                events = self._generate(query, hits, passages)
                for event in events:
                    if event.overview is not None:
                        overview = event.overview
                    else:
                        yield event
            except SynthError as exc:
                log.warning("overview generation failed, falling back to extractive: %s", exc)
                yield SynthEvent("error", text=str(exc))
            else:
                if overview is None or not overview.claims:  # said so, never a silent switch to quotes
                    yield SynthEvent("error", text=NO_ANSWER)
        if overview is None or not overview.claims:
            overview = yield from self._extractive(query, hits, credible, floor)
        with self._cache_lock:
            self._cache[key] = overview
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        yield SynthEvent("overview", overview=overview)

    def _generate(
        self, query: str, hits: Sequence[Hit], passages: dict[str, Passage]
    ) -> Iterator[SynthEvent]:
        assert self.backend is not None
        counter = self.backend.count_tokens if isinstance(self.backend, EmbeddedBackend) else None
        prompt = build_prompt(query, hits, count_tokens=counter, budget_tokens=self.budget_tokens)
        yield SynthEvent("sources", sources=prompt.sources)
        stream = SentenceStream()
        claims: list[Claim] = []
        removed: list[int] = []
        options = self.options
        if self.citation_mode in ("grammar", "model"):
            options = replace(options, grammar=citation_grammar([src.id for src in prompt.sources]))
        for piece in self.backend.stream(prompt.messages, options):
            yield SynthEvent("token", text=piece)
            for sentence in stream.feed(piece):
                claim = self._claim(sentence, prompt, passages, len(claims), removed)
                if claim is not None and len(claims) < self.max_claims:
                    claims.append(claim)
                    yield SynthEvent("claim", claim=claim)
        for sentence in stream.close():
            claim = self._claim(sentence, prompt, passages, len(claims), removed)
            if claim is not None and len(claims) < self.max_claims:
                claims.append(claim)
                yield SynthEvent("claim", claim=claim)
        draft = clean_output(stream.text).strip()
        yield SynthEvent(
            "overview",
            overview=Overview(
                mode="generated",
                draft=draft,
                claims=tuple(claims),
                sources=prompt.sources,
                model=self.backend.model,
                prompt_version=PROMPT_VERSION,
                removed_citations=tuple(removed),
            ),
        )

    def _claim(
        self,
        sentence: DraftSentence,
        prompt: Prompt,
        passages: dict[str, Passage],
        index: int,
        removed: list[int],
    ) -> Claim | None:
        if len(sentence.text) < 12 or len(sentence.text.split()) < 3:
            return None
        if prompt.fence in sentence.text or looks_like_injection(sentence.text):
            return None
        if echoes_prompt(sentence.text, INSTRUCTIONS, prompt.query):
            return None
        if sentence_relevance(prompt.query, sentence.text, self.embedder) < self.relevance_min:
            return None  # the same relevance filter as extractive quotes: off-topic lines are never shown
        if self.citation_mode == "model":
            given = {src.id: src for src in prompt.sources}
            kept = tuple(n for n in sentence.citations if n in given)
            removed.extend(n for n in sentence.citations if n not in given)
            return Claim(f"c{index + 1}", sentence.text, sentence.start, sentence.end, kept,
                         tuple(given[n].passages[0] for n in kept if given[n].passages))
        attribution = attribute(sentence.text, sentence.citations, prompt.sources, passages, self.embedder)
        removed.extend(attribution.removed)
        return Claim(
            id=f"c{index + 1}",
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            citations=attribution.citations,
            passages=attribution.passages,
        )

    def _extractive(
        self, query: str, hits: Sequence[Hit], credible: Collection[str], floor: float
    ) -> Generator[SynthEvent, None, Overview]:
        sources = number_sources(hits)
        yield SynthEvent("sources", sources=sources)
        picked = extract_sentences(
            query, hits, sources, self.embedder, max_sentences=3, credible=credible, relevance_min=floor,
            ranker=lead_ranker(self.lead_ranker), lead_min=max(floor, self.relevance_min),
        )
        claims: list[Claim] = []
        offset = 0
        draft_parts: list[str] = []
        for i, (text, cites, pids) in enumerate(picked):
            rendered = join_with_citations([(text, cites)])
            start = offset + (1 if draft_parts else 0)
            claims.append(Claim(f"c{i + 1}", text, start, start + len(rendered), cites, pids))
            draft_parts.append(rendered)
            offset = start + len(rendered)
            yield SynthEvent("claim", claim=claims[-1])
        draft = " ".join(draft_parts)
        if draft:
            yield SynthEvent("token", text=draft)
        return Overview(
            mode="extractive",
            draft=draft,
            claims=tuple(claims),
            sources=sources,
            model="extractive",
            prompt_version=PROMPT_VERSION,
        )

    def _cache_key(self, query: str, hits: Sequence[Hit], credible: Collection[str], floor: float) -> str:
        blob = json.dumps(
            [query.strip().lower(), [h.passage.id for h in hits], sorted(credible), floor, self.model,
             self.mode, self.citation_mode, PROMPT_VERSION, self.lead_ranker,
             self.options.max_tokens, self.options.temperature, self.options.seed]
        )
        return hashlib.sha256(blob.encode()).hexdigest()

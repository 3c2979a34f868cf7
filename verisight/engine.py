"""The Engine wires the stages: crawl → index → retrieve → write → verify → store."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from retrieval.embed import Embedder, get_embedder
from retrieval.errors import EmptyQuery, IndexMissing, RetrievalError
from retrieval.index import HybridIndex
from retrieval.types import Hit
from synth.answerability import Answerability
from synth.backends import GenerationOptions, LLMBackend, get_backend
from synth.errors import SynthError
from synth.overview import NO_ANSWER, Synthesizer
from synth.prompts import number_sources
from synth.types import Overview, Source
from verifier.judges import Judge, get_judge
from verifier.types import SourceCredibility, VerifiedClaim
from verifier.verify import Verifier
from verisight.answers import AnswerStore
from verisight.assemble import (
    DECLINED_MESSAGE,
    Assembler,
    Context,
    mask,
    passage_json,
    shown_text,
    unseen_notice,
)
from verisight.documents import DocumentStore
from verisight.errors import BadQuery, Busy, ConfigError, NotIndexed
from verisight.limits import MAX_K, MAX_QUERY_CHARS, SEARCH_MODES
from verisight.settings import Settings
from verisight.sources import SourceAssessor
from verisight.types import Answer, AnswerMode, AnswerOverview, AnswerSource, EventKind

log = logging.getLogger(__name__)



@dataclass(frozen=True, slots=True)
class EngineEvent:
    """One event of a streamed answer: token, claim, sources, done or error."""

    kind: EventKind
    data: Any = None


@dataclass
class _Timer:
    start: float = field(default_factory=time.perf_counter)
    marks: dict[str, float] = field(default_factory=dict)

    def mark(self, name: str, since: float | None = None) -> None:
        self.marks[name] = round((time.perf_counter() - (since or self.start)) * 1000, 1)


def validate_query(query: str) -> str:
    """Return the stripped query, or raise BadQuery when it is empty or longer than 2,000 characters."""
    if not isinstance(query, str) or not query.strip():
        raise BadQuery("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery(f"the query is {len(query)} characters; the limit is {MAX_QUERY_CHARS}", code="query_too_long")
    return " ".join(query.split())


class Engine:
    """Owns the stores, the index and the models for one data directory; safe to share between threads."""

    def __init__(self, settings: Settings, *, index: Any = None) -> None:
        """``index``: search this instead of the data directory's index (``verisight.scale``'s sharded index)."""
        self.settings = settings  # the data directory is created by the first store that writes, not here
        self._model_slots = threading.BoundedSemaphore(max(1, settings.queue_size))
        self._index_lock = threading.RLock()
        self._load_lock = threading.Lock()
        if index is not None:
            self.__dict__["index"] = index  # takes the place of the cached ``index`` property

    # -- stores and components (built on first use) -------------------------------------------------------
    @cached_property
    def documents(self) -> DocumentStore:
        """The document store."""
        return DocumentStore(self.settings.documents_db)

    @cached_property
    def answers(self) -> AnswerStore:
        """The answer log, audit queue and reviewer decisions."""
        return AnswerStore(self.settings.answers_db)

    @cached_property
    def assessor(self) -> SourceAssessor:
        """Source credibility from the stored pages, their sites and their near-duplicates."""
        return SourceAssessor(self.documents)

    @cached_property
    def embedder(self) -> Embedder:
        """The sentence embedder shared by retrieval, attribution and the verifier."""
        kwargs: dict[str, Any] = {}
        if self.settings.embedder_path:
            kwargs["model_path"] = self.settings.embedder_path
        return get_embedder(self.settings.embedder, **kwargs)

    @cached_property
    def index(self) -> HybridIndex:
        """The hybrid passage index."""
        return HybridIndex(self.settings.index_dir, self.embedder)

    @property
    def synth_mode(self) -> str:
        """``generated`` or ``extractive``; ``auto`` picks extractive for the embedded model."""
        mode = self.settings.synth_mode
        if mode == "auto":
            return "extractive" if self.settings.llm_backend == "embedded" else "generated"
        if mode not in ("generated", "extractive"):
            raise ConfigError(f"unknown synth_mode {mode!r}; choose auto, generated or extractive")
        return mode

    @cached_property
    def backend(self) -> LLMBackend | None:
        """The LLM backend, or None in extractive mode."""
        s = self.settings
        if self.synth_mode == "extractive":
            return None
        if s.llm_backend == "embedded":
            kwargs: dict[str, Any] = {"n_threads": s.llm_threads, "seed": s.seed}
            if s.llm_model:
                kwargs["model_path"] = s.llm_model
            return get_backend("embedded", **kwargs)
        if s.llm_backend in ("openai", "vllm"):
            if not s.llm_model:
                raise ConfigError("llm_backend=openai needs llm_model (VERISIGHT_LLM_MODEL), the served model name")
            return get_backend(
                "openai", base_url=s.llm_base_url, model=s.llm_model, api_key=s.llm_api_key or None,
                timeout=s.llm_timeout_s,
            )
        raise ConfigError(f"unknown llm_backend {s.llm_backend!r}; choose embedded or openai")

    @cached_property
    def synthesizer(self) -> Synthesizer:
        """Writes overviews."""
        s = self.settings
        options = GenerationOptions(max_tokens=s.max_tokens, temperature=s.temperature, seed=s.seed)
        return Synthesizer(
            self.backend, self.embedder, mode=self.synth_mode, options=options, budget_tokens=s.context_tokens,
            relevance_min=self.assembler.answerability.relevance_min, lead_ranker=s.lead_ranker,
        )

    @cached_property
    def judge(self) -> Judge:
        """The claim judge."""
        s = self.settings
        if s.judge == "minicheck":
            return get_judge(
                "minicheck", base_url=s.judge_base_url, model=s.judge_model, api_key=s.judge_api_key or None
            )
        return get_judge(s.judge)

    @cached_property
    def verifier(self) -> Verifier:
        """Judges claims against their evidence and sources."""
        return Verifier(self.judge, self.embedder)

    @cached_property
    def assembler(self) -> Assembler:
        """The answer-assembly rules: answerability gate, verification, top-up, hedges, decline."""
        return Assembler(self.verifier, self.embedder, Answerability.load(), lead_ranker=self.settings.lead_ranker)

    def close(self) -> None:
        """Close the stores."""
        for name in ("documents", "answers"):
            store = self.__dict__.get(name)
            if store is not None:
                store.close()

    # -- indexing ----------------------------------------------------------------------------------------------
    def update_index(self) -> Any:
        """Bring the index up to date with the document store (incremental); return what changed."""
        with self._index_lock:
            docs = list(self.documents.documents(include_duplicates=False))
            keep = {d.url for d in docs}
            self.assessor.reset()
            return self.index.update(docs, keep_urls=keep)

    # -- search and answers ------------------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, mode: str | None = None) -> list[Hit]:
        """Ranked passages for ``query``."""
        query = validate_query(query)
        mode = mode or self.settings.search_mode
        if mode not in SEARCH_MODES:
            raise BadQuery(f"unknown search mode {mode!r}; choose {', '.join(SEARCH_MODES)}")
        try:
            if len(self.index) == 0:
                raise NotIndexed("nothing is indexed yet: run `verisight crawl URL` then `verisight index`")
            return self.index.search(query, k=k, mode=mode)
        except EmptyQuery as exc:
            raise BadQuery(str(exc)) from exc
        except IndexMissing as exc:
            raise NotIndexed("nothing is indexed yet: run `verisight crawl URL` then `verisight index`") from exc

    def answer(self, query: str, k: int | None = None) -> Answer:
        """The full verified answer to ``query``."""
        for event in self.answer_stream(query, k):
            if event.kind == "done":
                answer: Answer = event.data
                return answer
        raise SynthError("the answer stream ended without an answer")

    def answer_stream(
        self, query: str, k: int | None = None, *, block: bool = True
    ) -> Generator[EngineEvent, None, None]:
        """Stream an answer: ``sources``, ``token``, ``claim`` (verified) events, then ``done`` with the Answer."""
        query = validate_query(query)
        k = k or self.settings.top_k
        if not 1 <= k <= MAX_K:
            raise BadQuery(f"k must be between 1 and {MAX_K}")
        timer = _Timer()
        hits = [mask(h) for h in self.search(query, k=k)]
        timer.mark("retrieve")
        if not self._model_slots.acquire(blocking=block):
            raise Busy("the model queue is full; try again shortly")
        try:
            yield from self._answer(query, hits, timer)
        finally:
            self._model_slots.release()

    def _context(
        self, query: str, hits: Sequence[Hit], sources: Sequence[Source], known: dict[str, SourceCredibility]
    ) -> Context:
        """The assembly context: sources with their credibility (reviewer overrides applied; each page is
        assessed once per answer, ``known`` holding what was assessed so far by URL)."""
        overrides = self.answers.source_overrides()
        for s in sources:
            if s.url not in known:
                known[s.url] = self.assessor.assess(s, overrides)
        return Context(
            query, tuple(hits), tuple(sources), {s.id: known[s.url] for s in sources},
            frozenset(self.answers.dismissed()),
        )

    def _answer(self, query: str, hits: list[Hit], timer: _Timer) -> Generator[EngineEvent, None, None]:
        gen_start = time.perf_counter()
        known: dict[str, SourceCredibility] = {}
        ctx = self._context(query, hits, number_sources(hits), known)
        answerable, probability, rare = self.assembler.answerable(
            query, hits, self.index.unknown_share(query), self.index.unseen_terms(query),
            self.index.unnamed_terms(query),
        )
        if not answerable:
            yield EngineEvent("sources", [self._answer_source(s, ctx) for s in ctx.sources])
            yield EngineEvent("done", self._finish(query, ctx, timer, None, [], notice=unseen_notice(query, rare)))
            return
        verified: list[VerifiedClaim] = []
        overview: Overview | None = None
        notice = ""
        verify_ms = 0.0
        floor = self.assembler.answerability.relevance_floor(probability)
        for event in self.synthesizer.stream(query, hits, ctx.credible_urls(), relevance_min=floor):
            if event.kind == "sources":
                ctx = self._context(query, hits, event.sources, known)
                yield EngineEvent("sources", [self._answer_source(s, ctx) for s in ctx.sources])
            elif event.kind == "token":
                if "first_token" not in timer.marks:
                    timer.mark("first_token")
                yield EngineEvent("token", event.text)
            elif event.kind == "error":
                notice = _fallback_notice(self.synthesizer.model, event.text)
            elif event.kind == "claim" and event.claim is not None:
                t0 = time.perf_counter()
                result = self.assembler.verify([event.claim], ctx)
                verify_ms += (time.perf_counter() - t0) * 1000
                verified.extend(result)
                for claim in result:
                    yield EngineEvent("claim", claim)
            elif event.kind == "overview":
                overview = event.overview
        if overview is None:
            raise SynthError("no overview was written")
        t0 = time.perf_counter()
        if overview.sources != ctx.sources:  # extractive fallback renumbered the sources
            ctx = self._context(query, hits, overview.sources, known)
            verified = []
        if [c.id for c in overview.claims] != [c.id for c in verified]:
            verified = self.assembler.verify(overview.claims, ctx)
        for claim in self.assembler.top_up(overview, verified, ctx):
            verified.append(claim)
            yield EngineEvent("claim", claim)
        verified = self.assembler.finish(verified, ctx)  # the overview-wide policy, once, on every claim
        verify_ms += (time.perf_counter() - t0) * 1000
        timer.marks["generate"] = round((time.perf_counter() - gen_start) * 1000 - verify_ms, 1)
        timer.marks["verify"] = round(verify_ms, 1)
        timer.marks.setdefault("first_token", timer.marks["generate"])
        yield EngineEvent(
            "done", self._finish(query, ctx, timer, overview, verified, notice=notice)
        )

    def _finish(
        self,
        query: str,
        ctx: Context,
        timer: _Timer,
        overview: Overview | None,
        verified: list[VerifiedClaim],
        *,
        notice: str = "",
    ) -> Answer:
        """The stored Answer: the overview as shown, or a declined answer with the nearest passages."""
        for key in ("generate", "verify", "first_token"):
            timer.marks.setdefault(key, 0.0)
        declined = overview is None or self.assembler.declines(verified)
        mode: AnswerMode = "declined" if declined or overview is None else overview.mode
        text = DECLINED_MESSAGE if declined else shown_text(verified)
        draft = overview.draft if overview is not None else ""
        timer.mark("total")
        models = {"llm": overview.model if overview else self.synthesizer.model, "embedder": self.embedder.name,
                  "judge": self.judge.name}
        answer = Answer(
            query=query,
            answer_id=_answer_id(query, draft, verified),
            overview=AnswerOverview(mode=mode, text=text, draft=draft, claims=tuple(verified), notice=notice),
            sources=tuple(self._answer_source(s, ctx) for s in ctx.sources),
            timings_ms={k: timer.marks[k] for k in ("retrieve", "first_token", "generate", "verify", "total")},
            models=models,
            passages=tuple(passage_json(h, ctx.sources) for h in ctx.hits[:3]) if declined else (),
        )
        try:
            self.answers.save(answer)
        except Exception:  # the answer is still worth returning; the log says why it was not stored
            log.exception("could not store answer %s", answer.answer_id)
        return answer

    def _answer_source(self, source: Source, ctx: Context) -> AnswerSource:
        doc = self.documents.get(source.url)
        published = doc.published if doc else source.published
        cred = ctx.credibility.get(source.id) or SourceCredibility("unknown", ("not assessed",))
        return AnswerSource(source.id, source.url, source.title, source.site, published, cred)

    # -- status ------------------------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """What is stored: documents, passages, answers, flagged claims."""
        try:
            passages = len(self.index)
        except RetrievalError:
            passages = 0
        frontier: dict[str, Any] = {}
        path = self.settings.frontier_db
        if path.exists():
            from crawler.frontier import Frontier

            with Frontier(path, resume=False) as f:
                frontier = {"states": f.counts(), "reasons": f.reasons()}
        return {
            "documents": self.documents.count(),
            "passages": passages,
            "answers": self.answers.count(),
            "flagged_claims": self.answers.flagged_count(),
            "frontier": frontier,
            "data_dir": str(self.settings.data_dir),
        }

    def forget(self, target: str) -> dict[str, int]:
        """Remove a URL or domain from the store, the index and stored/cached answers."""
        target = target.strip()
        if not target:
            raise BadQuery("forget needs a URL or a domain")
        removed = self.documents.forget(target)
        host = target.lower().strip(".")

        def matches(url: str) -> bool:
            if "://" in target:
                return url == target
            site = urlsplit(url).hostname or ""
            return site == host or site.endswith("." + host)

        answers = self.answers.forget(matches)
        if "synthesizer" in self.__dict__:  # only a loaded synthesizer has a cache
            self.synthesizer.clear_cache()
        passages_before = len(self.index) if self.settings.index_dir.exists() else 0
        if self.settings.index_dir.exists():
            self.update_index()
        return {
            "documents": removed,
            "answers": answers,
            "passages": max(0, passages_before - (len(self.index) if passages_before else 0)),
        }

    def audit_export(self) -> list[dict[str, Any]]:
        """Reviewer decisions as verifier-eval ``jsonl`` rows: claim, evidence quotes, label."""
        return self.answers.export_decisions()


def _answer_id(query: str, draft: str, verified: Sequence[VerifiedClaim]) -> str:
    blob = "\x00".join([query, draft, time.strftime("%Y%m%dT%H%M%S"), str(time.perf_counter_ns())])
    blob += "".join(c.verdict.label for c in verified)
    return hashlib.sha256(blob.encode()).hexdigest()[:20]


def _fallback_notice(model: str, error: str) -> str:
    """What the reader is told when the model failed and the overview was quoted from the sources instead."""
    why = "timed out" if "timed out" in error else error if error == NO_ANSWER else "failed"
    return f"The model ({model}) {why}; the overview below is quoted from the sources instead."

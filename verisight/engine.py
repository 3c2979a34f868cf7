"""The Engine wires the stages: crawl → index → retrieve → write → verify → store."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from retrieval.embed import Embedder, get_embedder
from retrieval.errors import EmptyQuery, IndexMissing, RetrievalError
from retrieval.index import HybridIndex
from retrieval.types import Hit, Passage
from synth.backends import GenerationOptions, LLMBackend, get_backend
from synth.errors import SynthError
from synth.extractive import extract_sentences
from synth.overview import Synthesizer
from synth.parse import join_with_citations
from synth.sanitize import mask_injections
from synth.types import Claim, Overview, Source
from verifier.judges import Judge, get_judge
from verifier.policy import should_decline
from verifier.types import SourceCredibility, VerifiedClaim
from verifier.verify import Verifier
from verisight.answers import AnswerStore
from verisight.documents import DocumentStore
from verisight.errors import BadQuery, Busy, ConfigError, NotIndexed
from verisight.settings import Settings
from verisight.sources import SourceAssessor
from verisight.types import Answer, AnswerOverview, AnswerSource

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 2000
CREDIBLE = ("reliable", "unknown")
_UNKNOWN = SourceCredibility("unknown", ())
MIN_KEPT = 2


@dataclass(frozen=True, slots=True)
class EngineEvent:
    """One event of a streamed answer: token, claim, sources, done or error."""

    kind: str
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
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self._model_slots = threading.BoundedSemaphore(max(1, settings.queue_size))
        self._index_lock = threading.RLock()
        self._load_lock = threading.Lock()
        if index is not None:
            self.__dict__["index"] = index  # takes the place of the cached ``index`` property

    # -- stores and components (built on first use) -------------------------------------------------------
    @cached_property
    def documents(self) -> DocumentStore:
        """The document store."""
        return DocumentStore(self.settings.path("documents.db"))

    @cached_property
    def answers(self) -> AnswerStore:
        """The answer log, audit queue and reviewer decisions."""
        return AnswerStore(self.settings.path("answers.db"))

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
        return HybridIndex(self.settings.path("index"), self.embedder)

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
            self.backend, self.embedder, mode=self.synth_mode, options=options, budget_tokens=s.context_tokens
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
        if mode not in ("hybrid", "bm25", "dense"):
            raise BadQuery(f"unknown search mode {mode!r}; choose hybrid, bm25 or dense")
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
        if not 1 <= k <= 50:
            raise BadQuery("k must be between 1 and 50")
        timer = _Timer()
        hits = [_masked(h) for h in self.search(query, k=k)]
        timer.mark("retrieve")
        if not self._model_slots.acquire(blocking=block):
            raise Busy("the model queue is full; try again shortly")
        try:
            yield from self._answer(query, hits, timer)
        finally:
            self._model_slots.release()

    def _answer(self, query: str, hits: list[Hit], timer: _Timer) -> Generator[EngineEvent, None, None]:
        passages = {h.passage.id: h.passage for h in hits}
        overrides = self.answers.source_overrides()
        reviewer_supported = self.answers.dismissed()
        credibility: dict[int, SourceCredibility] = {}
        sources: tuple[Source, ...] = ()
        verified: list[VerifiedClaim] = []
        overview: Overview | None = None
        gen_start = time.perf_counter()
        verify_ms = 0.0
        for event in self.synthesizer.stream(query, hits):
            if event.kind == "sources":
                sources = event.sources
                credibility = {s.id: self.assessor.assess(s, overrides) for s in sources}
                yield EngineEvent("sources", [self._answer_source(s, credibility) for s in sources])
            elif event.kind == "token":
                if "first_token" not in timer.marks:
                    timer.mark("first_token")
                yield EngineEvent("token", event.text)
            elif event.kind == "claim" and event.claim is not None:
                t0 = time.perf_counter()
                result = self._verify([event.claim], sources, passages, credibility, reviewer_supported)
                verify_ms += (time.perf_counter() - t0) * 1000
                verified.extend(result)
                for claim in result:
                    yield EngineEvent("claim", claim)
            elif event.kind == "overview":
                overview = event.overview
        if overview is None:
            raise SynthError("no overview was written")
        if overview.sources != sources:  # extractive fallback renumbered the sources
            sources = overview.sources
            credibility = {s.id: self.assessor.assess(s, overrides) for s in sources}
        known = {c.id for c in verified}
        if len(known) != len(overview.claims) or [c.id for c in overview.claims] != [c.id for c in verified]:
            t0 = time.perf_counter()
            verified = self._verify(list(overview.claims), sources, passages, credibility, reviewer_supported)
            verify_ms += (time.perf_counter() - t0) * 1000
        if overview.mode == "extractive":
            t0 = time.perf_counter()
            for claim in self._top_up(query, hits, overview, verified, sources, passages, credibility,
                                      reviewer_supported):
                verified.append(claim)
                yield EngineEvent("claim", claim)
            verify_ms += (time.perf_counter() - t0) * 1000
        timer.marks["generate"] = round((time.perf_counter() - gen_start) * 1000 - verify_ms, 1)
        timer.marks["verify"] = round(verify_ms, 1)
        timer.marks.setdefault("first_token", timer.marks["generate"])
        mode = overview.mode
        text = join_with_citations((c.display, c.citations) for c in verified if c.action != "drop")
        if should_decline(verified):
            mode, text = "declined", ""
        timer.mark("total")
        answer = Answer(
            query=query,
            answer_id=_answer_id(query, overview, verified),
            overview=AnswerOverview(mode=mode, text=text, draft=overview.draft, claims=tuple(verified)),
            sources=tuple(self._answer_source(s, credibility) for s in sources),
            timings_ms={k: timer.marks[k] for k in ("retrieve", "first_token", "generate", "verify", "total")},
            models={"llm": overview.model, "embedder": self.embedder.name, "judge": self.judge.name},
            passages=tuple(_passage_json(h, sources) for h in hits[:3]) if mode == "declined" else (),
        )
        try:
            self.answers.save(answer)
        except Exception:  # the answer is still worth returning; the log says why it was not stored
            log.exception("could not store answer %s", answer.answer_id)
        yield EngineEvent("done", answer)

    def _top_up(
        self,
        query: str,
        hits: list[Hit],
        overview: Overview,
        verified: list[VerifiedClaim],
        sources: Sequence[Source],
        passages: dict[str, Passage],
        credibility: dict[int, SourceCredibility],
        reviewer_supported: set[tuple[str, str]],
    ) -> list[VerifiedClaim]:
        """When the verifier dropped or hedged too much of an extractive overview, quote what the credible
        sources among the unused hits say instead (the dropped claims stay listed with their reasons)."""
        missing = MIN_KEPT - sum(1 for c in verified if c.action == "keep")
        if missing <= 0:
            return []
        used = {pid for c in overview.claims for pid in c.passages}
        number = {s.url: s.id for s in sources}
        credible = [
            h for h in hits
            if h.passage.id not in used and credibility.get(number.get(h.passage.doc_url, 0), _UNKNOWN).label
            in CREDIBLE
        ]
        seen = {c.text.lower() for c in verified}
        extra: list[Claim] = []
        for text, cites, pids in extract_sentences(query, credible, sources, self.embedder, max_sentences=missing):
            if text.lower() not in seen:
                extra.append(Claim(f"c{len(verified) + len(extra) + 1}", text, 0, 0, cites, pids))
        if not extra:
            return []
        checked = self._verify(extra, sources, passages, credibility, reviewer_supported)
        return [c for c in checked if c.action != "drop"]

    def _verify(
        self,
        claims: Sequence[Claim],
        sources: Sequence[Source],
        passages: dict[str, Passage],
        credibility: dict[int, SourceCredibility],
        reviewer_supported: set[tuple[str, str]],
    ) -> list[VerifiedClaim]:
        return self.verifier.verify(
            claims, sources, passages, credibility, reviewer_supported=reviewer_supported
        )

    def _answer_source(self, source: Source, credibility: dict[int, SourceCredibility]) -> AnswerSource:
        doc = self.documents.get(source.url)
        published = doc.published if doc else source.published
        cred = credibility.get(source.id) or SourceCredibility("unknown", ("not assessed",))
        return AnswerSource(source.id, source.url, source.title, source.site, published, cred)

    # -- status ------------------------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """What is stored: documents, passages, answers, flagged claims."""
        try:
            passages = len(self.index)
        except RetrievalError:
            passages = 0
        frontier: dict[str, Any] = {}
        path = self.settings.path("frontier.db")
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
        passages_before = len(self.index) if self.settings.path("index").exists() else 0
        if self.settings.path("index").exists():
            self.update_index()
        return {
            "documents": removed,
            "answers": answers,
            "passages": max(0, passages_before - (len(self.index) if passages_before else 0)),
        }

    def audit_export(self) -> list[dict[str, Any]]:
        """Reviewer decisions as verifier-eval ``jsonl`` rows: claim, evidence quotes, label."""
        return self.answers.export_decisions()


def _masked(hit: Hit) -> Hit:
    """The hit with instruction-like sentences of its passage blanked out (same offsets): page text is data,
    and nothing downstream (prompt, extractive quotes, evidence) should quote instructions to the model."""
    text = mask_injections(hit.passage.text)
    return hit if text == hit.passage.text else replace(hit, passage=replace(hit.passage, text=text))


def _answer_id(query: str, overview: Overview, verified: Sequence[VerifiedClaim]) -> str:
    blob = "\x00".join([query, overview.draft, time.strftime("%Y%m%dT%H%M%S"), str(time.perf_counter_ns())])
    blob += "".join(c.verdict.label for c in verified)
    return hashlib.sha256(blob.encode()).hexdigest()[:20]


def _passage_json(hit: Hit, sources: Sequence[Source]) -> dict[str, object]:
    sid = next((s.id for s in sources if s.url == hit.passage.doc_url), None)
    p = hit.passage
    return {"id": p.id, "source_id": sid, "url": p.doc_url, "title": p.title, "text": p.text}

"""Claim judges: P(evidence supports claim) for a batch of (claim, evidence) pairs.

``embedded`` is our CPU feature model (weights in ``verifier/data/embedded_judge.json``, trained by
``training/verifier_train.py`` on Factcheck-GPT only); ``minicheck`` asks any OpenAI-compatible server
(vLLM in production) a Yes/No question and reads P(Yes) from the top logprobs.
"""

from __future__ import annotations

import json
import math
from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.rarity import RarityError, word_weights
from verifier.decompose import claim_parts, combine
from verifier.errors import JudgeError
from verifier.features import (
    FEATURE_NAMES,
    TextInfo,
    analyse,
    analyse_claim,
    content_stems,
    contradiction_from_features,
    cover_sentences,
    is_negated,
    merge,
    pair_features,
    sentence_windows,
    split_sentences,
)

DATA_DIR = Path(__file__).parent / "data"
EMBEDDED_WEIGHTS = DATA_DIR / "embedded_judge.json"


class Judge(ABC):
    """A claim judge. Subclasses implement ``score``; ``score_sentences`` windows long evidence."""

    name: str = "judge"
    #: the decision threshold this judge was tuned with (held-out data, same windowing)
    threshold: float = 0.5
    max_words: int = 60
    max_sents: int = 3

    @abstractmethod
    def score(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """P(evidence supports claim) for each ``(claim, evidence)`` pair."""

    def contradiction(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """A contradiction signal in [0, 1] per pair (0 where the judge gives none)."""
        return [0.0] * len(pairs)

    def windows(self, sentences: Sequence[str]) -> list[tuple[int, int]]:
        """The sentence windows this judge scores long evidence by."""
        return sentence_windows([len(s.split()) for s in sentences], max_words=self.max_words, max_sents=self.max_sents)

    def score_sentences(self, claim: str, sentences: Sequence[str]) -> tuple[float, tuple[int, ...]]:
        """The best window score of ``claim`` over evidence given as sentences, and its sentence indices."""
        if not sentences:
            return 0.0, ()
        wins = self.windows(sentences)
        scores = self.score([(claim, " ".join(sentences[a:b])) for a, b in wins])
        best = int(np.argmax(scores))
        a, b = wins[best]
        return float(scores[best]), tuple(range(a, b))


CALIBRATION_COVARIATES = ("content_words", "parts")


def calibrate(score: float, claim: str, coef: Sequence[float], covariates: Sequence[str], mode: str = "none") -> float:
    """Page-level calibration: P(supported) from a raw score, the claim's content words and its number of parts.

    ``coef`` is ``(bias, weight of logit(score), one weight per covariate)``, fitted on out-of-fold Factcheck-GPT
    pseudo-pages. A longer claim has more words a paraphrase can miss, and the lowest of k part scores sits lower
    the more parts there are, so the same raw score means more for a long, many-part claim.
    """
    p = min(max(score, 1e-6), 1 - 1e-6)
    z = coef[0] + coef[1] * math.log(p / (1 - p))
    for w, name in zip(coef[2:], covariates, strict=True):
        if name == "content_words":
            z += w * len(content_stems(claim))
        elif name == "parts":
            z += w * len(claim_parts(claim, mode))
        else:
            raise JudgeError(f"unknown calibration covariate {name!r}; expected one of {CALIBRATION_COVARIATES}")
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class EmbeddedJudge(Judge):
    """Alignment features combined by a logistic regression or tiny boosted trees, shipped as JSON."""

    name = "embedded"

    def __init__(self, weights_path: Path | str | None = None, *, model: dict[str, Any] | None = None) -> None:
        """Load the shipped weights, the file given, or an in-memory ``model`` dict (training)."""
        path = Path(weights_path) if weights_path else EMBEDDED_WEIGHTS
        if model is None:
            try:
                model = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise JudgeError(f"cannot load embedded judge weights from {path}: {exc}") from exc
        names = tuple(model["feature_names"])
        if not set(names) <= set(FEATURE_NAMES):
            raise JudgeError(f"{path} was trained on other features; retrain with training/verifier_train.py")
        # an older model uses a subset of today's features (e.g. the baseline judge in bench/data/)
        self._columns = None if names == FEATURE_NAMES else np.array([FEATURE_NAMES.index(n) for n in names])
        self.idf: dict[str, float] = model["idf"] if "idf" in model else _word_weights(str(model["idf_file"]))
        self.default_idf = float(model["default_idf"])
        self.max_idf = float(model["max_idf"])
        if model.get("kind", "lr") != "lr" or model.get("trees"):
            raise JudgeError(f"{path} is a {model.get('kind')!r} model; this judge runs only logistic models (lr)")
        self.mean = np.asarray(model["mean"], dtype=np.float64)
        self.std = np.asarray(model["std"], dtype=np.float64)
        self.coef = np.asarray(model["coef"], dtype=np.float64)
        self.threshold = float(model["threshold"])
        self.max_words = int(model["window"]["max_words"])
        self.max_sents = int(model["window"]["max_sents"])
        self.cover = int(model["window"].get("cover", 0))
        decompose = model.get("decompose", {})
        self.decompose = str(decompose.get("mode", "none"))
        self.aggregate = str(decompose.get("aggregate", "geo"))
        calibration = model.get("calibration") or {}
        self.calibration = tuple(float(v) for v in calibration.get("coef", ()))
        self.calibration_covariates = tuple(str(v) for v in calibration.get("covariates", ()))

    def _prob(self, feats: np.ndarray) -> np.ndarray:
        if self._columns is not None:
            feats = feats[:, self._columns]
        z = ((feats - self.mean) / self.std) @ self.coef
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def _window_features(self, claim: str, sents: Sequence[TextInfo]) -> tuple[np.ndarray, list[tuple[int, ...]]]:
        ci = analyse_claim(claim, self.idf, self.default_idf)
        wins: list[tuple[int, ...]] = [
            tuple(range(a, b))
            for a, b in sentence_windows([s.n_words for s in sents], max_words=self.max_words, max_sents=self.max_sents)
        ]
        if self.cover > 1 and len(sents) > 1:
            picked = cover_sentences(ci, sents, self.cover)
            if len(picked) > 1:
                wins.append(picked)
        empty = [analyse("")]
        feats = np.stack(
            [
                pair_features(ci, merge([sents[i] for i in w]), [sents[i] for i in w] or empty, self.max_idf)
                for w in wins
            ]
        )
        return feats, wins

    def features_for_sentences(self, claim: str, sentences: Sequence[str]) -> tuple[np.ndarray, list[tuple[int, ...]]]:
        """Feature rows for every window of the evidence sentences, and the windows (sentence indices)."""
        return self._window_features(claim, [_analyse_cached(s) for s in sentences])

    def score_sentences(self, claim: str, sentences: Sequence[str]) -> tuple[float, tuple[int, ...]]:
        """The best window score of ``claim`` over evidence sentences (calibrated), and the windows' sentences."""
        if not sentences:
            return 0.0, ()
        raw, used = self.raw_score_sentences(claim, sentences)
        if not self.calibration:
            return raw, used
        return calibrate(raw, claim, self.calibration, self.calibration_covariates, self.decompose), used

    def raw_score_sentences(self, claim: str, sentences: Sequence[str]) -> tuple[float, tuple[int, ...]]:
        """The uncalibrated best window score of ``claim`` (aggregated over its parts) and the windows' sentences."""
        if not sentences:
            return 0.0, ()
        infos = [_analyse_cached(s) for s in sentences]
        parts = claim_parts(claim, self.decompose)
        whole = 0.0
        if len(parts) < 2 or self.aggregate == "max_full_min":  # the other aggregates never read the whole claim
            feats, wins = self._window_features(claim, infos)
            probs = self._prob(feats)
            best = int(np.argmax(probs))
            if len(parts) < 2:
                return float(probs[best]), wins[best]
            whole = float(probs[best])
        # Each part against its own best window: support may be spread over the page.
        part_scores: list[float] = []
        used: set[int] = set()
        for part in parts:
            part_feats, part_wins = self._window_features(part, infos)
            part_probs = self._prob(part_feats)
            top = int(np.argmax(part_probs))
            part_scores.append(float(part_probs[top]))
            used.update(part_wins[top])
        return combine(whole, part_scores, self.aggregate), tuple(sorted(used))

    def _sentences(self, evidence: str) -> list[str]:
        return [evidence[a:b] for a, b in split_sentences(evidence)]

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """P(supported) per pair: max over the evidence's sentence windows."""
        return [self.score_sentences(c, self._sentences(e))[0] for c, e in pairs]

    def contradiction(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Negation, antonym or number mismatch between the claim and its best-matching window."""
        out = []
        for claim, evidence in pairs:
            sents = self._sentences(evidence)
            if not sents:
                out.append(0.0)
                continue
            feats, _ = self.features_for_sentences(claim, sents)
            negated = is_negated(claim)
            out.append(max(contradiction_from_features(f, negated) for f in feats))
        return out


def _word_weights(name: str) -> dict[str, float]:
    """A shipped word-weight table (``retrieval/data/NAME``, shared with the answerability gate), loaded once."""
    try:
        return word_weights(name)
    except RarityError as exc:
        raise JudgeError(str(exc)) from exc


@lru_cache(maxsize=50_000)
def _analyse_cached(sentence: str) -> TextInfo:
    return analyse(sentence)


YES_TOKENS = frozenset({"yes", "y", "true"})
NO_TOKENS = frozenset({"no", "n", "false"})
MINICHECK_PROMPT = (
    "Determine whether the provided claim is consistent with the corresponding document. "
    "Consistency in this context implies that all information presented in the claim is substantiated "
    "by the document. If not, it should be considered inconsistent. Please assess the claim's "
    'consistency with the document by responding with either "Yes" or "No".\n'
    "Document: {document}\nClaim: {claim}"
)


class MiniCheckJudge(Judge):
    """MiniCheck-style Yes/No judge over any OpenAI-compatible ``/v1/chat/completions`` server.

    Production models: Bespoke-MiniCheck-7B (best published on LLM-AggreFact, CC BY-NC) or an
    Apache-2.0 7-8B instruct model such as Qwen2.5-7B-Instruct served by vLLM.
    """

    name = "minicheck"
    max_words = 400
    max_sents = 40

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 60.0,
        *,
        chunk_words: int = 400,
        threshold: float = 0.5,
    ) -> None:
        """Talk to ``base_url`` (``http://host:port`` or ``.../v1``) with ``model``."""
        from synth.backends import OpenAIBackend

        self._server = OpenAIBackend(base_url, model, api_key=api_key, timeout=timeout)
        self.url = f"{self._server.base_url}/chat/completions"
        self.threshold = threshold
        self.max_words = chunk_words

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._server.close()

    def _chunks(self, evidence: str) -> list[str]:
        sents = [evidence[a:b] for a, b in split_sentences(evidence)] or [evidence]
        return [" ".join(sents[a:b]) for a, b in self.windows(sents)]

    def _p_yes(self, claim: str, document: str) -> float:
        from synth.errors import SynthError

        prompt = MINICHECK_PROMPT.format(document=document, claim=claim)
        try:
            data = self._server.chat(
                [{"role": "user", "content": prompt}], max_tokens=1, temperature=0, logprobs=True, top_logprobs=5
            )
        except SynthError as exc:
            raise JudgeError(f"minicheck request to {self.url} failed: {exc}") from exc
        return p_yes_from_response(data)

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """P(Yes) per pair, max over evidence chunks."""
        return [max(self._p_yes(c, chunk) for chunk in self._chunks(e)) for c, e in pairs]


def p_yes_from_response(data: dict[str, Any]) -> float:
    """P(Yes) from a chat-completions response: yes-token mass normalised against no-token mass."""
    try:
        choice = data["choices"][0]
        content = (choice.get("logprobs") or {}).get("content") or []
    except (KeyError, IndexError, TypeError) as exc:
        raise JudgeError(f"malformed chat-completions response: {exc}") from exc
    yes = no = 0.0
    if content:
        for cand in content[0].get("top_logprobs") or []:
            tok = str(cand.get("token", "")).strip().lower()
            p = math.exp(float(cand.get("logprob", -math.inf)))
            if tok in YES_TOKENS:
                yes += p
            elif tok in NO_TOKENS:
                no += p
    if yes + no > 0:
        return yes / (yes + no)
    text = str((choice.get("message") or {}).get("content") or "").strip().lower()
    if text.startswith("yes"):
        return 1.0
    if text.startswith("no"):
        return 0.0
    if content:
        # The server gives logprobs, but the model's likeliest first tokens are neither Yes nor No: it did not say
        # the document supports the claim. (No logprobs at all is a misconfigured server, below.)
        return 0.0
    raise JudgeError("the server returned neither Yes nor No (no logprobs?)")


JUDGES: dict[str, type[Judge]] = {"embedded": EmbeddedJudge, "minicheck": MiniCheckJudge}


def get_judge(name: str = "embedded", **kwargs: Any) -> Judge:
    """Build the judge called ``name`` (``embedded`` or ``minicheck``) with its keyword arguments."""
    try:
        cls = JUDGES[name]
    except KeyError:
        raise JudgeError(f"unknown judge {name!r}; choose one of {sorted(JUDGES)}") from None
    return cls(**kwargs)

"""Page text is data, not instructions: find and remove sentences that try to instruct the model."""

from __future__ import annotations

import re

from retrieval.text import content_words, split_sentences

_INJECTION = re.compile(
    r"(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+)?(previous|prior|above|earlier|preceding|your)"
    r"(\s+\w+){0,2}\s+(instructions?|prompts?|rules?|directions?|context)"
    r"|\b(system|developer)\s+prompt\b"
    r"|\bnew\s+instructions?\b"
    r"|\byou\s+are\s+now\b"
    r"|\b(as\s+an?\s+)?(ai|language\s+model|assistant)\s*,?\s+(you\s+)?(must|should|will)\b"
    r"|\b(reply|respond|answer|output|print|say|write)\s+only\b"
    r"|<<<|>>>|<\|im_(start|end)\|>|\[/?INST\]|^\s*(system|assistant|user)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_MARKERS = re.compile(r"<<<[^>]{0,80}>>>|<\|im_(start|end)\|>")


def looks_like_injection(text: str) -> bool:
    """Whether ``text`` addresses the model with instructions or our prompt's markers."""
    return bool(_INJECTION.search(text))


def remove_injections(text: str) -> tuple[str, int]:
    """``text`` without its instruction-like sentences, and how many were removed."""
    kept: list[str] = []
    removed = 0
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if looks_like_injection(sentence):
            removed += 1
        else:
            kept.append(sentence)
    if not kept and not removed:
        return text, 0
    return " ".join(kept), removed


def echoes_prompt(sentence: str, instructions: str, question: str) -> bool:
    """Whether a model sentence merely repeats our instructions or the question (tiny models do)."""
    words = set(content_words(sentence))
    if re.match(r"\s*(question|answer|sources?)\s*:", sentence, re.IGNORECASE) or sentence.rstrip().endswith("?"):
        return True
    if not words:
        return True
    prompt_words = set(content_words(instructions))
    question_words = set(content_words(question))
    return len(words & prompt_words) / len(words) >= 0.5 or (
        len(words) <= len(question_words) + 1 and words <= question_words | prompt_words
    )


def clean_output(text: str) -> str:
    """Model output with prompt markers stripped."""
    return _MARKERS.sub("", text)

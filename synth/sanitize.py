"""Page text is data, not instructions: find and remove sentences that try to instruct the model."""

from __future__ import annotations

import re
import unicodedata

from retrieval.text import content_words, split_sentences

_INJECTION = re.compile(
    r"\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+|the\s+|these\s+|those\s+)?"
    r"(previous|prior|above|earlier|preceding|your|other|real|retrieved|given|numbered)?"
    r"(\s+\w+){0,2}\s*(instructions?|prompts?|rules?|directions?|context|sources?|guidelines?|passages?)"
    r"|\b(system|developer)\s+(prompt|message|instructions?)\b"
    r"|\b(new|updated|hidden|secret|special)\s+instructions?\b"
    r"|\b(language\s+models?|llms?|ai|chatbots?|assistants?)\s+(instructions?|directives?)\b"
    r"|\byou\s+are\s+now\b"
    r"|\bif\s+you\s+are\s+(an?\s+)?(ai|language\s+model|llm|assistant|chatbot|bot|model)\b"
    r"|\btell\s+the\s+(user|reader)\b"
    r"|\bwhen\s+you\s+(summari[sz]e|read|process|answer|are\s+asked)\b"
    r"|\balways\s+(say|state|mention|answer|reply|claim)\s+that\b"
    r"|\b(ai|language\s+models?|llms?|assistants?|chatbots?|bots?)(\s+(systems?|assistants?|models?|tools?|"
    r"agents?|bots?))?(\s+(reading|summari[sz]ing|processing|using|answering)(\s+\w+){0,4})?\s+"
    r"(must|should|shall|will|need\s+to|are\s+(required|instructed|told)\s+to)\b"
    r"|\b(ai|language\s+models?|llms?|assistants?|chatbots?|bots?|systems?|models?)\s+"
    r"(reading|summari[sz]ing|processing|parsing|crawling|answering\s+from)\s+(this|these|the)\b"
    r"|\b(assistant|ai|model|chatbot|bot)\s*[,:]\s*(please\s+)?(ignore|disregard|forget|say|print|write|reply|"
    r"respond|answer|output|repeat|state|include|tell)\b"
    r"|\b(reply|respond|answer|output|print|say|write)\s+(only|exactly|verbatim)\b"
    r"|\b(repeat|print|output|say|write|state|include)\s+(the\s+(phrase|word|string|code|token)\s+)?"
    r"[\"'“]?[A-Z0-9][A-Z0-9_-]{5,}\b"
    r"|<<<|>>>|<\|im_(start|end)\|>|\[/?INST\]|<\|?(system|assistant|user|endoftext)\|?>"
    r"|^\s*#{1,6}\s*(instruction|instructions|system|assistant|user|response|prompt)\b"
    r"|^\s*(system|assistant|user|instruction|instructions)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_MARKERS = re.compile(r"<<<[^>]{0,80}>>>|<\|im_(start|end)\|>")
_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u206f\u3164\ufeff\uffa0]")
# Cyrillic and Greek letters that look like Latin ones, folded before matching.
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁԛԝһӏкмнтвАЕОРСУХІЈЅКМНТВαεορτυχικνΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwhlkmhtbAEOPCYXIJSKMHTBaeoptuxiknABEZHIKMNOPTYX",
)


def normalise_for_matching(text: str) -> str:
    """NFKC, invisible and bidi characters removed, look-alike letters folded to Latin: what a reader sees."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).translate(_CONFUSABLES)


def looks_like_injection(text: str) -> bool:
    """Whether ``text`` addresses the model with instructions or our prompt's markers (after normalising)."""
    return bool(_INJECTION.search(normalise_for_matching(text)))


def mask_injections(text: str) -> str:
    """``text`` with its instruction-like sentences blanked out by spaces, so character offsets stay valid."""
    out = list(text)
    for start, end in split_sentences(text):
        if looks_like_injection(text[start:end]):
            out[start:end] = [" " if ch != "\n" else ch for ch in text[start:end]]
    return "".join(out)


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

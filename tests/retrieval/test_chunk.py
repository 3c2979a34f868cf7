"""Chunking into passages of at most 256 wordpieces with offsets, headings and stable ids."""

from __future__ import annotations

import pydoc_data.topics

from retrieval.chunk import chunk_document, load_tokenizer, passage_id
from tests.retrieval.corpus import make_doc


def test_passages_fit_the_model_and_point_into_the_document() -> None:
    tok = load_tokenizer()
    for name in ("typesseq", "formatstrings", "try"):
        doc = make_doc(name, pydoc_data.topics.topics[name])
        passages = chunk_document(doc)
        assert len(passages) > 3
        for p in passages:
            assert len(tok.encode(p.text).ids) <= 256  # [CLS] and [SEP] included
            assert doc.text[p.start : p.end] == p.text
            assert p.id == passage_id(doc.content_hash, p.start, p.end)
            assert p.doc_url == doc.url and p.doc_hash == doc.content_hash and p.title == name
        covered: set[int] = set()
        for p in passages:
            covered.update(range(p.start, p.end))
        words = [i for i, c in enumerate(doc.text) if not c.isspace() and c not in "*=-+|"]
        assert sum(i in covered for i in words) / len(words) > 0.99  # nothing of substance is lost


def test_headings_and_small_overlap() -> None:
    body = " ".join(f"Sentence {i} talks about topic number {i} in some detail." for i in range(60))
    text = f"Installation guide\n{body}\nUsage notes\nRun the tool with care. It is quick."
    passages = chunk_document(make_doc("guide", text))
    assert passages[0].heading == "Installation guide"
    assert passages[-1].heading == "Usage notes"
    assert passages[-1].text.startswith("Usage notes")
    size_cut = [p for p in passages if p.heading == "Installation guide"]
    assert len(size_cut) >= 2
    assert size_cut[1].start < size_cut[0].end  # consecutive passages share a sentence


def test_one_huge_sentence_is_cut_at_word_boundaries() -> None:
    text = " ".join(f"word{i}" for i in range(3000))
    passages = chunk_document(make_doc("huge", text))
    tok = load_tokenizer()
    assert len(passages) > 5
    for p in passages:
        assert len(tok.encode(p.text).ids) <= 256
        assert p.text.startswith("word") and (p.end == len(text) or text[p.end] == " ")


def test_ids_are_stable_and_empty_documents_give_nothing() -> None:
    doc = make_doc("try", pydoc_data.topics.topics["try"])
    assert [p.id for p in chunk_document(doc)] == [p.id for p in chunk_document(doc)]
    assert chunk_document(make_doc("empty", "")) == []
    assert chunk_document(make_doc("blank", " \n\t ")) == []
